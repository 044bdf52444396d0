"""Safe messaging: content warnings for suicide and self-harm, and method details."""

from __future__ import annotations

from pathlib import Path

import pytest

from peerkit.check.rule import RuleContext
from peerkit.check.safety import (
    method_details_in_stories,
    suicide_and_self_harm_without_content_warning,
)
from peerkit.load.diagnostics import Diagnostic, Severity
from peerkit.load.site_loader import load_site
from tests.conftest import TODAY, SiteBuilder

REPO = Path(__file__).resolve().parents[2]

# The story fixture's front matter takes lines 1-11, so the body starts on line 12.
# Each content warning adds a line, and the content_warnings key one more: the
# stories of method_warnings() have two, so their body starts on line 15.
BODY_LINE = 12
METHOD_LINE = 15


def story_with(line: str) -> str:
    """A three-line story with ``line`` in the middle, so a finding must be on BODY_LINE + 1."""
    return f"I did not think I would write this.\n{line}\nThings are better now.\n"


def content_warning_warnings(
    site: SiteBuilder, body: str, warnings: list[str] | None = None
) -> list[Diagnostic]:
    site.story(body=body, fields={"content_warnings": warnings} if warnings else None)
    loaded, diagnostics = site.load()
    found = list(suicide_and_self_harm_without_content_warning(loaded, RuleContext(TODAY)))
    assert [d for d in diagnostics if d.severity is Severity.ERROR] == found
    return found


def method_warnings(site: SiteBuilder, body: str) -> list[Diagnostic]:
    site.story(body=body, fields={"content_warnings": ["suicide", "self-harm"]})
    loaded, _ = site.load()
    return list(method_details_in_stories(loaded, RuleContext(TODAY)))


MENTIONS = [
    pytest.param("I thought about suicide most days.", "suicide", "suicide", id="suicide"),
    pytest.param("I was suicidal for months.", "suicidal", "suicide", id="suicidal"),
    pytest.param("I wanted to kill myself.", "kill myself", "suicide", id="kill-myself"),
    pytest.param("I tried to end my life.", "end my life", "suicide", id="end-my-life"),
    pytest.param("My dad took his own life.", "took his own life", "suicide", id="own-life"),
    pytest.param(
        "I didn't want to live any more.", "didn't want to live", "suicide", id="not-live"
    ),
    pytest.param("I started self-harming at 14.", "self-harming", "self-harm", id="self-harming"),
    pytest.param("I used to self harm.", "self harm", "self-harm", id="self-harm-space"),
    pytest.param("I was cutting myself every night.", "cutting myself", "self-harm", id="cutting"),
    pytest.param("I burnt myself on purpose.", "burnt myself", "self-harm", id="burning"),
    pytest.param("In the end I took an overdose.", "overdose", "overdose", id="overdose"),
]


@pytest.mark.parametrize(("line", "needle", "topic"), MENTIONS)
def test_a_mention_without_a_content_warning_is_flagged_where_it_is(
    make_site: SiteBuilder, line: str, needle: str, topic: str
) -> None:
    [found] = content_warning_warnings(make_site, story_with(line))
    assert (found.line, found.col) == (BODY_LINE + 1, line.index(needle) + 1)
    assert found.severity is Severity.ERROR
    assert f"mentions {topic} ({needle!r}) but no content warning covers it" in found.message


def test_only_the_first_mention_of_each_topic_is_flagged(make_site: SiteBuilder) -> None:
    body = (
        "It started slowly.\nBy spring I was suicidal. I self-harmed too.\n"
        "Suicide was on my mind. I kept self-harming.\n"
    )
    found = content_warning_warnings(make_site, body)
    assert [(d.line, d.col) for d in found] == [(BODY_LINE + 1, 17), (BODY_LINE + 1, 29)]
    assert "suicide ('suicidal')" in found[0].message
    assert "self-harm ('self-harmed')" in found[1].message


@pytest.mark.parametrize(
    ("warnings", "line"),
    [
        pytest.param(["suicide"], "I was suicidal.", id="suicide"),
        pytest.param(["Suicidal thoughts"], "I wanted to kill myself.", id="suicidal-thoughts"),
        pytest.param(["suicide attempt"], "I tried to end my life.", id="attempt"),
        pytest.param(["taking one's own life"], "I thought about suicide.", id="synonym"),
        pytest.param(["self-harm"], "I was self-harming.", id="self-harm"),
        pytest.param(["Self harm"], "I was cutting myself.", id="self-harm-capital"),
        pytest.param(["self-injury"], "I self-harmed for years.", id="self-injury"),
        pytest.param(["overdose"], "I took an overdose.", id="overdose"),
        pytest.param(["suicide attempt"], "I took an overdose.", id="overdose-as-attempt"),
        pytest.param(["grief", "suicide and self-harm"], "suicidal, self-harming", id="both"),
    ],
)
def test_a_content_warning_that_covers_the_topic_is_enough(
    make_site: SiteBuilder, warnings: list[str], line: str
) -> None:
    assert content_warning_warnings(make_site, story_with(line), warnings) == []


def test_a_suicide_warning_does_not_cover_self_harm(make_site: SiteBuilder) -> None:
    body = story_with("I was suicidal, and I was self-harming.")
    [found] = content_warning_warnings(make_site, body, ["suicidal thoughts"])
    assert (found.line, found.col) == (BODY_LINE + 2 + 1, 27)
    assert 'add "self-harm" to content_warnings' in found.message


NOT_MENTIONS = [
    "Leaving that job would have been career suicide.",
    "We watched Suicide Squad on the sofa.",
    "I could kill myself laughing at his jokes.",
    "I cut myself off from my friends that year.",
    "I am learning to stop cutting myself some slack only at weekends.",
    "I cut myself shaving.",
    "I burnt myself out at work.",
    "I overdosed on chocolate at Christmas.",
    "At the end of my life I want to have been kind.",
    "In the end it all worked out.",
    "I didn't want to live in London any more.",
    "I want to take my life back.",
    "I was cutting vegetables when she rang.",
    "I wanted to die of embarrassment.",
]


@pytest.mark.parametrize("line", NOT_MENTIONS)
def test_ordinary_phrases_are_not_mentions(make_site: SiteBuilder, line: str) -> None:
    assert content_warning_warnings(make_site, story_with(line)) == []


METHODS = [
    pytest.param("He hanged himself in the spring.", "hanged", id="hanged"),
    pytest.param("She had tried hanging before.", "tried hanging", id="tried-hanging"),
    pytest.param("I had made a ligature.", "ligature", id="ligature"),
    pytest.param("There was a noose in the shed.", "noose", id="noose"),
    pytest.param("I slit my wrists.", "slit my wrists", id="wrists"),
    pytest.param("I took 30 paracetamol that night.", "30 paracetamol", id="number-of-drug"),
    pytest.param("I took twenty sleeping pills.", "twenty sleeping pills", id="number-words"),
    pytest.param("I looked up how many pills it would take.", "how many pills", id="how-many"),
    pytest.param("I swallowed a whole packet of tablets.", "a whole packet", id="packet"),
    pytest.param("It was an overdose of paracetamol.", "overdose of paracetamol", id="drug"),
    pytest.param("I read about a lethal dose.", "lethal dose", id="lethal-dose"),
    pytest.param("I had been stockpiling my tablets.", "stockpiling", id="stockpiling"),
    pytest.param("I wanted to jump off the bridge.", "jump off the bridge", id="bridge"),
    pytest.param("I went to jump from the multi-storey car park.", "jump from", id="car-park"),
    pytest.param("I nearly threw myself off the cliff.", "threw myself", id="cliff"),
    pytest.param("I stepped in front of a train.", "stepped in front", id="train"),
    pytest.param("I walked onto the railway tracks.", "onto the railway", id="railway"),
]


@pytest.mark.parametrize(("line", "needle"), METHODS)
def test_method_details_are_flagged_where_they_are(
    make_site: SiteBuilder, line: str, needle: str
) -> None:
    [found] = method_warnings(make_site, story_with(line))
    assert (found.line, found.col) == (METHOD_LINE + 1, line.index(needle) + 1)
    assert found.severity is Severity.ERROR
    assert found.message.startswith("detail of method or means (")
    assert "Samaritans, WHO, reportingonsuicide.org" in found.message


def test_every_method_detail_is_flagged_even_with_a_content_warning(make_site: SiteBuilder) -> None:
    body = "I was suicidal.\nI took 30 paracetamol.\nLater I thought of the bridge, to jump off the bridge.\n"
    found = method_warnings(make_site, body)
    assert [(d.line, d.col) for d in found] == [(METHOD_LINE + 1, 8), (METHOD_LINE + 2, 24)]
    assert "'30 paracetamol'" in found[0].message and "drug names and amounts" in found[0].message
    assert "'bridge, to jump'" in found[1].message and "leave out the place" in found[1].message


def test_places_and_tools_count_only_near_a_mention(make_site: SiteBuilder) -> None:
    near = (
        "I was self-harming again. I kept razor blades in a tin.\nOn Beachy Head I felt suicidal.\n"
    )
    found = method_warnings(make_site, near)
    assert [(d.line, d.col) for d in found] == [(METHOD_LINE, 34), (METHOD_LINE + 1, 4)]
    far = "We walked to Beachy Head with the group.\nI bought a new razor and some blades.\n"
    assert method_warnings(make_site, far) == []


NOT_METHODS = [
    "I was cutting vegetables when she rang.",
    "We were hanging out with friends.",
    "I relax by hanging out with friends.",
    "I was hanging up the washing.",
    "I was hanging on by a thread.",
    "Mum went to the bridge club on Thursdays.",
    "We walked across the bridge to the cafe.",
    "I jumped on the train to Leeds.",
    "I jumped off the bus a stop early.",
    "Dad was lying under the car, fixing the exhaust.",
    "I was sorting her tablets into a box with the days of the week on.",
    "I take two tablets a day now.",
    "I am on 50 mg of sertraline each morning.",
    "I take sertraline and it helps.",
    "I cut my hair short.",
    "I cut my arm on a nail in the shed.",
    "The cliff path was beautiful in May.",
    "I spoke to my line manager, and got on to the line manager's boss.",
    "I was still learning the ropes.",
]


@pytest.mark.parametrize("line", NOT_METHODS)
def test_ordinary_phrases_are_not_method_details(make_site: SiteBuilder, line: str) -> None:
    assert method_warnings(make_site, story_with(line)) == []


def test_the_reference_stories_have_their_content_warnings_and_no_method_details() -> None:
    site, _ = load_site(REPO, REPO / "content")
    stories = {s.slug: s for s in site.stories}
    assert "self-harm" in stories["telling-someone-was-the-turning-point"].content_warnings
    assert list(suicide_and_self_harm_without_content_warning(site, RuleContext(TODAY))) == []
    assert list(method_details_in_stories(site, RuleContext(TODAY))) == []
