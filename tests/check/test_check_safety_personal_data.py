"""Personal data in stories: what the check must catch, where, and what it must leave alone."""

from __future__ import annotations

from pathlib import Path

import pytest

from peerkit.check.rule import RuleContext
from peerkit.check.safety import personal_data_in_stories
from peerkit.load.diagnostics import Diagnostic, Severity
from peerkit.load.site_loader import load_site
from tests.conftest import TODAY, SiteBuilder

REPO = Path(__file__).resolve().parents[2]

# The story fixture's front matter takes lines 1-11, so the body starts on line 12.
BODY_LINE = 12


def personal_data_warnings(site: SiteBuilder, body: str, author: str = "Sam") -> list[Diagnostic]:
    path = site.story(body=body, fields={"author": author})
    loaded, diagnostics = site.load()
    found = list(personal_data_in_stories(loaded, RuleContext(TODAY)))
    assert [d for d in diagnostics if d.severity is Severity.ERROR] == found
    assert all(d.path == site.rel(path) for d in found)
    return found


def story_with(line: str) -> str:
    """A three-line story with ``line`` in the middle, so a finding must be on BODY_LINE + 1."""
    return f"I did not think I would write this.\n{line}\nThings are better now.\n"


CATCH = [
    pytest.param("Write to me at jo.bloggs@example.co.uk if you like.", "jo.bloggs@", id="email"),
    pytest.param("[Write to me](mailto:sam.k@example.org)", "sam.k@", id="mailto-link"),
    pytest.param("Call 07700 900123 any time.", "07700", id="uk-mobile"),
    pytest.param("The office is on 020 7946 0958.", "020 7946", id="uk-london"),
    pytest.param("Ring (0113) 496 0000 after six.", "(0113)", id="uk-brackets"),
    pytest.param("From abroad: +44 (0)20 7946 0958.", "+44 (0)20", id="uk-international"),
    pytest.param("Or text 07700-900-123.", "07700-900", id="uk-dashes"),
    pytest.param("Her mobile was 087 123 4567.", "087 123", id="ie-mobile"),
    pytest.param("The house phone was (01) 234 5678.", "(01) 234", id="ie-dublin"),
    pytest.param("His number: +353 87 123 4567.", "+353", id="ie-international"),
    pytest.param("Call (202) 555-0143 and ask for me.", "(202)", id="us-brackets"),
    pytest.param("My cell is 202-555-0143.", "202-555", id="us-dashes"),
    pytest.param("My cell is 202.555.0143.", "202.555", id="us-dots"),
    pytest.param("Or +1 202 555 0143 from the UK.", "+1 202", id="us-international"),
    pytest.param("[Phone me](tel:+447700900123) whenever.", "tel:", id="tel-link"),
    pytest.param("We lived at 12 Acacia Avenue for years.", "12 Acacia", id="uk-address"),
    pytest.param("Flat 3, 221B Baker Street, London NW1 6XE.", "221B", id="address-postcode"),
    pytest.param("Mum moved to 14 Church Lane in the spring.", "14 Church", id="lane"),
    pytest.param("It was 1600 N Main St, Springfield, IL 62704-1234.", "1600", id="us-zip4"),
    pytest.param("The post went to LS1 4AP in the end.", "LS1", id="postcode-alone"),
    pytest.param("My sister Sarah Jones found me.", "Sarah Jones", id="full-name"),
    pytest.param("It was Tom O'Neill who rang.", "Tom O'Neill", id="irish-surname"),
    pytest.param("It was Niamh O\u2019Brien-Smith's idea.", "Niamh", id="curly-apostrophe"),
    pytest.param("I saw Dr Priya Patel that week.", "Priya Patel", id="after-a-title"),
    pytest.param("Sarah Jones came round that night.", "Sarah Jones", id="name-at-sentence-start"),
    pytest.param("I told John F. Kennedy nothing.", "John F.", id="middle-initial"),
]


@pytest.mark.parametrize(("line", "needle"), CATCH)
def test_personal_data_is_found_at_its_line_and_column(
    make_site: SiteBuilder, line: str, needle: str
) -> None:
    found = personal_data_warnings(make_site, story_with(line))
    assert [(d.line, d.col) for d in found] == [(BODY_LINE + 1, line.index(needle) + 1)]
    assert found[0].severity is Severity.ERROR


def test_first_body_line_is_the_line_after_the_front_matter(make_site: SiteBuilder) -> None:
    path = make_site.story(body="Call 07700 900123.\n")
    assert make_site.line_of(path, "07700") == BODY_LINE
    site, _ = make_site.load()
    [found] = personal_data_in_stories(site, RuleContext(TODAY))
    assert (found.line, found.col) == (BODY_LINE, 6)


def test_what_was_found_is_quoted_partly_masked(make_site: SiteBuilder) -> None:
    body = (
        "Email jo.bloggs@example.co.uk.\nCall 07700 900123.\n"
        "We lived at 12 Acacia Avenue, Leeds LS1 4AP.\nMy sister Sarah Jones.\n"
    )
    messages = [d.message for d in personal_data_warnings(make_site, body)]
    assert "e-mail address 'j*.b*****@e******.c*.uk'" in messages[0]
    assert "phone number '07*** ****23'" in messages[1]
    assert "street address '1* A***** Avenue' and postcode 'L** 4**'" in messages[2]
    assert "Sarah 'J****' looks like a person's full name" in messages[3]
    for secret in ("bloggs", "900123", "Acacia", "4AP", "Jones"):
        assert not any(secret in m for m in messages), secret


def test_lines_inside_fenced_code_are_checked(make_site: SiteBuilder) -> None:
    body = "My notes:\n\n```\nphone: 07700 900123\n```\n"
    found = personal_data_warnings(make_site, body)
    assert [(d.line, d.col) for d in found] == [(BODY_LINE + 3, 8)]


def test_a_name_wrapped_onto_the_next_line_is_found(make_site: SiteBuilder) -> None:
    found = personal_data_warnings(make_site, "That evening I rang Sarah\nJones from the car.\n")
    assert [(d.line, d.col) for d in found] == [(BODY_LINE, 21)]


def test_each_finding_on_a_line_is_reported(make_site: SiteBuilder) -> None:
    found = personal_data_warnings(make_site, story_with("Call 07700 900123 or 020 7946 0958."))
    assert [(d.line, d.col) for d in found] == [(BODY_LINE + 1, 6), (BODY_LINE + 1, 22)]


LEAVE_ALONE = [
    pytest.param("It went on from 1998-2004, and again in 2019 2020 2021.", id="years"),
    pytest.param("On 14/03/2024, and 2024-03-14, and 01 02 2024.", id="dates"),
    pytest.param("The group runs 18:30-20:00, or 0900-1700 on Saturdays.", id="times"),
    pytest.param("We owed £1 200 000, then $1,234,567, then €0 800 000.", id="money"),
    pytest.param("I have 3 children, 2 dogs and 10,000,000 worries.", id="counts"),
    pytest.param("I rang Samaritans on 116 123, and texted SHOUT to 85258.", id="crisis-lines"),
    pytest.param("In Year 10 I sat 12 exams; in room 0113 we met.", id="school"),
    pytest.param("Version 10.0.19041.1234 of the app, page 0.5.", id="decimals"),
    pytest.param("I walked 5 miles along Acacia Avenue.", id="street-without-number"),
    pytest.param("Then 3 Weeks Later it was over.", id="number-then-capitals"),
    pytest.param("Eileen, who has been in recovery for years, said hello.", id="first-name-only"),
    pytest.param("Sarah and Tom came. Sarah. Jones was the surname.", id="not-adjacent"),
    pytest.param("Samaritans and the NHS helped; so did Mind.", id="organisations"),
    pytest.param("I saw Eileen Monday and Sarah in January.", id="days-and-months"),
    pytest.param("We met at St Patrick Street, near Victoria Station.", id="places"),
    pytest.param(
        "The Jamie Oliver Foundation ran the cafe.", id="organisation-named-after-someone"
    ),
    pytest.param("Grace Church was where the group met.", id="word-name-at-sentence-start"),
    pytest.param("Sarah\n\nJones is a new paragraph.", id="name-split-by-a-paragraph"),
    pytest.param("# How Sam Found Help\n\nMark Twain said something.", id="heading-and-quote"),
    pytest.param("Our Rhys said the GP at the NHS was kind.", id="first-name-and-acronym"),
    pytest.param("I email the group (not an address @ all) every week.", id="at-sign"),
]


@pytest.mark.parametrize("body", LEAVE_ALONE)
def test_ordinary_text_is_left_alone(make_site: SiteBuilder, body: str) -> None:
    assert personal_data_warnings(make_site, body + "\n") == []


def test_the_authors_own_name_is_not_a_third_party(make_site: SiteBuilder) -> None:
    body = "My name is Sam Taylor and this is my story.\n"
    assert personal_data_warnings(make_site, body, author="Sam Taylor") == []
    assert len(personal_data_warnings(make_site, body, author="Alex")) == 1


def test_a_crisis_line_number_from_crisis_yml_is_allowed(make_site: SiteBuilder) -> None:
    body = story_with("I rang 0800 58 58 58 that night.")
    assert len(personal_data_warnings(make_site, body)) == 1
    make_site.write(
        "crisis.yml",
        "lines:\n  - {country: GB, name: CALM, phone: '0800 58 58 58'}\n",
    )
    assert personal_data_warnings(make_site, body) == []


def test_the_reference_stories_have_no_personal_data() -> None:
    site, diagnostics = load_site(REPO, REPO / "content")
    assert diagnostics == []
    assert len(site.stories) >= 9
    assert [d.format() for d in personal_data_in_stories(site, RuleContext(TODAY))] == []


def test_an_anonymous_story_that_still_names_its_author_is_an_error(make_site):
    path = make_site.story("quiet", {"author": "Jane Smith", "anonymous": True})

    [found] = make_site.errors(path)

    assert (found.line, found.col) == (make_site.line_of(path, "author:"), 9)
    assert "marked anonymous" in found.message


def test_an_anonymous_story_without_an_author_passes(make_site):
    path = make_site.story("quiet", {"anonymous": True}, omit=["author"])

    assert make_site.errors(path) == []
