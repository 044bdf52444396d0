"""The mistakes contributors make most, said as what to change, at the line and column,
and every schema problem of a file in the same run."""

from __future__ import annotations

from tests.conftest import SiteBuilder

FRONT = 'date: 2026-03-14\ntopics: [anxiety]\nsummary: "A walk."\n'
CONSENT = "consent:\n  given: true\n  date: 2026-03-01\n"


def _messages(site: SiteBuilder, name: str, front: str) -> list[tuple[int, int, str]]:
    path = site.write(f"stories/{name}.md", f"---\n{front}---\nA story.\n")
    return [(d.line, d.col, d.message) for d in site.errors(path)]


def _one(found: list[tuple[int, int, str]]) -> tuple[int, int, str]:
    assert len(found) == 1, found
    return found[0]


def test_a_tab_says_to_indent_with_spaces_at_the_tab(make_site: SiteBuilder) -> None:
    front = f"title: Tabbed\n{FRONT}consent:\n\tgiven: true\n\tdate: 2026-03-01\n"
    line, col, message = _one(_messages(make_site, "tab", front))

    assert (line, col) == (7, 1)
    assert message.startswith("a tab character: YAML needs spaces to indent, not tabs; replace")


def test_a_colon_in_a_title_says_to_quote_it_and_shows_how(make_site: SiteBuilder) -> None:
    front = f"title: My story: the first year\n{FRONT}{CONSENT}"
    line, col, message = _one(_messages(make_site, "colon", front))

    assert (line, col) == (2, 16)
    assert message.endswith(
        'put the whole value in double quotes, as in title: "My story: the first year"'
    )


def test_an_unclosed_quote_is_reported_where_it_opens(make_site: SiteBuilder) -> None:
    front = f'title: "My story\n{FRONT}{CONSENT}'
    line, col, message = _one(_messages(make_site, "quote", front))

    assert (line, col) == (2, 8)
    assert message.startswith("a quotation mark opens a value but no matching one closes it")


def test_a_line_without_its_colon_is_reported_at_that_line(make_site: SiteBuilder) -> None:
    front = f"title: A story\nsummary\n{FRONT}{CONSENT}"
    line, col, message = _one(_messages(make_site, "no-colon", front))

    assert (line, col) == (3, 1)
    assert message.startswith("this line is not a field: each line should be 'name: value'")


def test_a_field_indented_under_another_says_to_line_it_up(make_site: SiteBuilder) -> None:
    front = f"title: A story\n  author: Sam\n{FRONT}{CONSENT}"
    line, _, message = _one(_messages(make_site, "indented", front))

    assert line == 3
    assert message.startswith("this line is indented more than the field above it")


def test_consent_yes_shows_the_block_it_should_be(make_site: SiteBuilder) -> None:
    line, col, message = _one(_messages(make_site, "yes", f"title: A story\n{FRONT}consent: yes\n"))

    assert (line, col) == (6, 10)
    assert message.endswith(
        "Write it as these lines, the ones below consent: indented by two spaces: `consent:`"
        " `  given: true` `  date: 2026-03-01` `  method: submission form`"
    )


def test_consent_not_given_says_so_once(make_site: SiteBuilder) -> None:
    front = f"title: A story\n{FRONT}consent:\n  given: false\n  date: 2026-03-01\n"
    _, _, message = _one(_messages(make_site, "not-given", front))

    assert message.startswith("consent.given: must be true: write given: true once the writer")
    assert message.lower().count("must be true") == 1


def test_every_schema_problem_of_a_file_comes_in_one_run(make_site: SiteBuilder) -> None:
    front = "title: A story\ndate: 2026-14-01\ntopics: [Anxiety]\nsummary: x\nconsent: yes\n"
    found = _messages(make_site, "three", front)

    assert [(line, message.split(":")[0]) for line, _, message in found] == [
        (3, "date"),
        (4, "topics[1]"),
        (6, "consent"),
    ]


def test_a_file_that_breaks_its_schema_still_gets_the_topic_and_safety_checks(
    make_site: SiteBuilder,
) -> None:
    """A tab, then a date, then a topic took a contributor three runs: now the date, the
    topic and what the safety checks find come in the same run."""
    front = "title: A story\ndate: 2026-14-01\ntopics: [anxeity]\nsummary: x\n" + CONSENT
    path = make_site.write("stories/all-at-once.md", f"---\n{front}---\nRing me on 07700 900123.\n")
    found = [(d.line, d.message.split(":")[0]) for d in make_site.errors(path)]

    assert found == [
        (3, "date"),
        (4, "unknown topic 'anxeity'; topics in content/topics.yml"),
        (10, "phone number '07*** ****23' in the story"),
    ]


def test_a_yes_for_a_title_says_to_put_it_in_quotes(make_site: SiteBuilder) -> None:
    _, _, message = _one(_messages(make_site, "yes-title", f"title: Yes\n{FRONT}{CONSENT}"))

    assert message.startswith(
        "title: YAML reads yes, no, on, off, true and false as true or false, not as words:"
        " put the value in double quotes"
    )
