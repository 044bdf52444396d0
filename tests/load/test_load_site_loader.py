"""The whole content folder in one pass: every problem of every file at once."""

from __future__ import annotations

from peerkit.load.diagnostics import Severity


def test_a_valid_site_loads_without_diagnostics(make_site):
    make_site.story()
    make_site.tip()
    make_site.group()

    site, diagnostics = make_site.load()

    assert diagnostics == []
    assert [t.slug for t in site.topics] == ["anxiety", "grief"]
    assert [s.slug for s in site.stories] == ["a-story"]
    assert [t.slug for t in site.tips] == ["a-tip"]
    assert [g.slug for g in site.groups] == ["a-group"]
    assert [line.name for line in site.crisis.lines] == ["Samaritans"]


def test_every_error_of_several_broken_files_is_reported_in_one_run(make_site):
    make_site.story("fine")
    make_site.write("stories/empty.md", "")
    make_site.write("stories/unclosed.md", "---\ntitle: A story\n")
    make_site.story("no-consent", omit=["consent"])
    make_site.write("tips/bad-yaml.md", "---\ntitle: Why: me\n---\nText.\n")
    make_site.group("bad-format", {"format": "bus"})

    site, diagnostics = make_site.load()

    errors = [d for d in diagnostics if d.severity is Severity.ERROR]
    assert sorted({e.path for e in errors}) == [
        "content/groups/bad-format.yml",
        "content/stories/empty.md",
        "content/stories/no-consent.md",
        "content/stories/unclosed.md",
        "content/tips/bad-yaml.md",
    ]
    assert len(errors) >= 5
    assert [s.slug for s in site.stories] == ["fine"]


def test_unknown_topics_are_not_echoed_when_topics_file_itself_is_broken(make_site):
    make_site.write("topics.yml", "- slug: anxiety\n  title: [Anxiety\n")
    make_site.story()
    make_site.tip()
    make_site.group()

    _, diagnostics = make_site.load()

    assert [d.path for d in diagnostics] == ["content/topics.yml"]
    assert not any("unknown topic" in d.message for d in diagnostics)


def test_unknown_topic_is_reported_in_the_same_run_as_an_unrelated_broken_file(make_site):
    make_site.write("stories/broken.md", "---\ntitle: Why: me\n---\nText.\n")
    make_site.tip(fields={"topics": ["anxeity"]})

    _, diagnostics = make_site.load()

    assert [(d.path, d.message.split(";")[0]) for d in diagnostics] == [
        (
            "content/stories/broken.md",
            "the value of 'title' holds a colon followed by a space,"
            " which YAML reads as the start of another field: put the whole value in double"
            ' quotes, as in title: "Why: me"',
        ),
        ("content/tips/a-tip.md", "unknown topic 'anxeity'"),
    ]


def test_meeting_error_is_reported_in_the_same_run_as_an_unrelated_broken_file(make_site):
    make_site.write("stories/broken.md", "")
    schedule = [{"freq": "WEEKLY", "byday": "TU", "opens_at": "20:00", "closes_at": "19:00"}]
    make_site.group(fields={"schedule": schedule})

    _, diagnostics = make_site.load()

    assert sorted(d.path for d in diagnostics) == [
        "content/groups/a-group.yml",
        "content/stories/broken.md",
    ]


def test_missing_topics_file_is_one_error_without_echoes(make_site):
    (make_site.content / "topics.yml").unlink()
    make_site.story()

    _, diagnostics = make_site.load()

    assert [(d.path, d.message) for d in diagnostics] == [
        ("content/topics.yml", "missing: every site needs topics.yml")
    ]


def test_story_with_no_text_is_refused_at_the_line_after_its_front_matter(make_site):
    make_site.write(
        "stories/silent.md",
        "---\ntitle: A\ndate: 2026-03-14\ntopics: [anxiety]\nsummary: S.\n"
        "consent: {given: true, date: 2026-03-01}\n---\n\n\n",
    )

    [problem] = make_site.errors()

    assert (problem.path, problem.line) == ("content/stories/silent.md", 8)
    assert problem.message == "the story has no text"


def test_slug_comes_from_the_file_name_unless_given(make_site):
    make_site.story("from-the-name")
    make_site.story("other-name", {"slug": "chosen"})

    site, diagnostics = make_site.load()

    assert diagnostics == []
    assert sorted(s.slug for s in site.stories) == ["chosen", "from-the-name"]


def test_anonymous_story_has_no_byline_whatever_the_author_field_says(make_site):
    make_site.story(fields={"author": "Sam", "anonymous": True})

    site, _ = make_site.load()

    assert site.stories[0].byline is None
