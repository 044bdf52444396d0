"""Help first: a visitor who types what a person in crisis types is met by the crisis lines.

In both search engines, on a small phone: the crisis lines of the site's country
appear above any result, each a link to call or to text, while ordinary searches
never bring them up; the quick exit stays in sight and works over the search
screen; and axe-core finds nothing wrong with the screen the card is on.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from playwright.sync_api import expect

from tests.browser.conftest import REPO, Visit
from tests.browser.search.conftest import help_card, open_search, search
from tests.browser.test_accessibility import axe_violations

# What a person in crisis might type, as they might type it: misspelt, run
# together, in capitals, in a sentence.
IN_CRISIS = [
    "suicide",
    "SUICIDE",
    "sucide",
    "suicde",
    "suiside",
    "suicidal thoughts",
    "i want to kill myself",
    "how to kill my self",
    "Kill Myself",
    "i want to die",
    "wanna die tonight",
    "self harm",
    "self-harm",
    "selfharm",
    "selfharming",
    "cutting myself",
    "cut my self",
    "hurting myself",
    "how many pills for an overdose",
    "overdoze",
    "i want to end my life",
    "cant go on",
    "no reason to live",
    "everyone would be better off dead",
    "I don't want to be here anymore",
    "i don\u2019t want to live",
    "end it all",
    "cutting",
    "i cant cope anymore",
    "thinking of ending it",
    "took too many pills",
    "nobody would miss me",
]

# What visitors look for on a peer-support site on an ordinary day.
ORDINARY = [
    "anxiety group leeds",
    "grief",
    "young carers",
    "bereavement cafe",
    "gambling",
    "mood diary",
    "first meeting",
    "online group",
    "wednesday evening",
    "panic attacks",
    "sleep",
    "allotment",
    "recovery cafe",
    "walk and talk",
    "loneliness",
    "debt advice",
    "mens group",
    "polish speaking",
    "cardiff",
    "putting things off",
    "selfcare",
    "self care",
    "suitcase",
    "the app i deleted",
    "killing time in the evenings",
]


def _crisis_lines() -> list[dict[str, str]]:
    """The reference site's lines for its own country (GB), as content/crisis.yml has them."""
    data = yaml.safe_load((REPO / "content" / "crisis.yml").read_text("utf-8"))
    return [line for line in data["lines"] if line["country"] == "GB"]


def test_the_lists_hold_twenty_of_each() -> None:
    assert len(IN_CRISIS) >= 20 and len(ORDINARY) >= 20
    assert not set(map(str.casefold, IN_CRISIS)) & set(map(str.casefold, ORDINARY))


def test_crisis_words_bring_up_the_crisis_lines_and_ordinary_ones_never(
    engine_visit: Visit,
) -> None:
    field = open_search(engine_visit)
    card = help_card(engine_visit)
    expect(card).to_be_hidden()
    missed = []
    for words in IN_CRISIS:
        field.fill(words)
        if not card.is_visible():
            missed.append(words)
    shown = []
    for words in ORDINARY:
        field.fill(words)
        if card.is_visible():
            shown.append(words)
    assert missed == []
    assert shown == []
    assert engine_visit.console_errors == []


def test_the_crisis_lines_come_above_the_results(engine_visit: Visit) -> None:
    results = search(engine_visit, "suicide")
    card = help_card(engine_visit)
    expect(card).to_be_visible()
    expect(card).to_contain_text("Samaritans")
    expect(results.first).to_be_visible()
    card_box, first_box = card.bounding_box(), results.first.bounding_box()
    assert card_box is not None and first_box is not None
    assert card_box["y"] + card_box["height"] <= first_box["y"]
    # Emptying the box puts the card away again.
    engine_visit.page.locator(".md-search__form button[type=reset]").click()
    expect(card).to_be_hidden()


def test_every_line_in_the_card_can_be_called_or_texted_with_one_tap(
    engine_visit: Visit,
) -> None:
    search(engine_visit, "i want to die")
    card = help_card(engine_visit)
    expect(card).to_be_visible()
    lines = _crisis_lines()
    calls = [line for line in lines if "phone" in line]
    texts = [line for line in lines if "text" in line]
    assert calls and texts
    for line in calls:
        digits = "".join(char for char in line["phone"] if char.isdigit())
        expect(card.locator(f'a[href="tel:{digits}"]')).to_have_text(line["phone"])
    for line in texts:
        href = f"sms:{line['sms']}" + (f"?&body={line['sms_body']}" if "sms_body" in line else "")
        expect(card.locator(f'a[href="{href}"]')).to_have_text(line["text"])
    # The page behind the card is the one the visitor was on: help did not take them away.
    assert engine_visit.page.url == engine_visit.base_url


def test_the_quick_exit_stays_in_sight_and_works_over_the_search_screen(
    engine_visit: Visit,
) -> None:
    search(engine_visit, "suicide")
    expect(help_card(engine_visit)).to_be_visible()
    button = engine_visit.page.locator("a.pk-exit-button")
    expect(button).to_be_visible()
    box = button.bounding_box()
    assert box is not None
    # Nothing of the search screen lies over it: the point at its centre is the button.
    on_top = engine_visit.page.evaluate(
        "([x, y]) => document.elementFromPoint(x, y).closest('a')?.className",
        [box["x"] + box["width"] / 2, box["y"] + box["height"] / 2],
    )
    assert on_top == "pk-exit-button"
    exit_url = engine_visit.exit_url()
    engine_visit.stub(exit_url)
    button.click()
    engine_visit.page.wait_for_url(exit_url)


@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_axe_finds_nothing_on_the_search_screen_with_the_crisis_lines(
    engine_visit: Visit, axe_script: Path, scheme: str
) -> None:
    engine_visit.page.emulate_media(color_scheme="light" if scheme == "default" else "dark")
    search(engine_visit, "self harm")
    expect(help_card(engine_visit)).to_be_visible()
    assert axe_violations(engine_visit.page, axe_script) == []
