"""topics.yml's translations and a group listing's own language, as loaded and validated."""

from __future__ import annotations

from peerkit.model.records import TopicTranslation
from tests.conftest import TOPICS, dump_yaml


def _topics_with(translations: object) -> list[dict[str, object]]:
    return [TOPICS[0] | {"translations": translations}, TOPICS[1]]


def test_a_topic_carries_its_translations(make_site):
    make_site.write(
        "topics.yml",
        dump_yaml(_topics_with({"es": {"title": "Ansiedad", "description": "Una preocupación."}})),
    )

    site, diagnostics = make_site.load()

    assert diagnostics == []
    assert site.topics[0].translations == (TopicTranslation("es", "Ansiedad", "Una preocupación."),)
    assert site.topics[1].translations == ()


def test_a_translation_without_its_description_is_refused_at_its_line(make_site):
    path = make_site.write("topics.yml", dump_yaml(_topics_with({"es": {"title": "Ansiedad"}})))

    errors = make_site.errors()

    assert [(e.line, e.message.split(":")[0]) for e in errors] == [
        (
            make_site.line_of(path, "title: Ansiedad"),
            "missing required field 'description' in [1].translations.es",
        )
    ]


def test_a_translation_named_other_than_by_a_language_code_is_refused(make_site):
    path = make_site.write(
        "topics.yml",
        dump_yaml(_topics_with({"Spanish": {"title": "Ansiedad", "description": "Una."}})),
    )

    errors = make_site.errors()

    assert len(errors) == 1, [e.format() for e in errors]
    assert errors[0].line == make_site.line_of(path, "Spanish:")
    assert "'Spanish' is not valid: a language's two-letter code" in errors[0].message


def test_a_group_says_which_language_its_listing_is_written_in(make_site):
    make_site.group(fields={"language": "cy", "languages": ["cy", "en"]})

    site, diagnostics = make_site.load()

    assert diagnostics == []
    assert (site.groups[0].language, site.groups[0].languages) == ("cy", ("cy", "en"))
