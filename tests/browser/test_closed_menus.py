"""Closed menus are out of the Tab order: on a phone, Tab lands only where one can see.

Material's drawer (the side menu on phones and tablets) slides off screen when it
is closed; its links used to stay in the Tab order, some 18 stops focused off
screen. The walk below tabs once round a page at a phone's size and records where
each stop is.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import PHONE, Visit

# Where the focus is, or null once it has left the page or come back round (each
# focused element is marked).
_STOP = """
() => {
  const element = document.activeElement;
  if (!element || element === document.body || element.dataset.pkWalked) return null;
  element.dataset.pkWalked = "yes";
  const box = element.getBoundingClientRect();
  return {
    text: (element.textContent || element.getAttribute("aria-label") || "").trim().slice(0, 40),
    exit: element.hasAttribute("data-pk-exit"),
    in_drawer: element.closest(".md-sidebar--primary") !== null,
    on_screen: box.right > 0 && box.left < innerWidth && box.bottom > 0 && box.top < innerHeight,
  };
}
"""
DRAWER_LINKS = ".md-sidebar--primary a[href]"


def tab_round(page: Page) -> list[dict]:
    """Every Tab stop from where the focus is until it leaves the page or comes back round."""
    page.evaluate(
        "document.querySelectorAll('[data-pk-walked]').forEach(e => delete e.dataset.pkWalked)"
    )
    stops = []
    for _ in range(200):
        page.keyboard.press("Tab")
        stop = page.evaluate(_STOP)
        if stop is None:
            return stops
        stops.append(stop)
    pytest.fail("the tab order never came back round")


def _phone(open_visit: Callable[..., Visit], path: str) -> Visit:
    visit = open_visit(viewport=PHONE)
    visit.goto(path)
    # Material's toggles slide: let the page settle as a visitor's would before Tab.
    visit.page.add_style_tag(content="*, *::before, *::after { transition: none !important; }")
    return visit


@pytest.mark.parametrize("kind", ["home", "region", "group", "about"])
def test_on_a_phone_tab_never_lands_in_the_closed_menu_or_off_screen(
    open_visit: Callable[..., Visit], pages: dict[str, str], kind: str
) -> None:
    visit = _phone(open_visit, pages[kind])
    expect(visit.page.locator(DRAWER_LINKS).first).to_be_attached()

    stops = tab_round(visit.page)

    assert stops[0]["exit"], stops[0]
    assert len(stops) >= 8, stops
    assert [s for s in stops if s["in_drawer"] or not s["on_screen"]] == []


def test_the_walk_catches_a_closed_menu_left_in_the_tab_order(
    open_visit: Callable[..., Visit], pages: dict[str, str]
) -> None:
    """The control: with the drawer made visible again while closed, as Material leaves
    it, the walk finds its links off screen."""
    visit = _phone(open_visit, pages["home"])
    visit.page.add_style_tag(content=".md-sidebar--primary { visibility: visible !important; }")

    stops = tab_round(visit.page)

    caught = [s for s in stops if s["in_drawer"] and not s["on_screen"]]
    assert len(caught) >= 5, stops


def test_an_opened_menu_is_in_the_tab_order_and_closed_again_it_is_not(
    open_visit: Callable[..., Visit], pages: dict[str, str]
) -> None:
    visit = _phone(open_visit, pages["home"])
    drawer_button = visit.page.locator("label.md-header__button[for=__drawer]")

    drawer_button.click()
    opened = tab_round(visit.page)

    in_drawer = [s for s in opened if s["in_drawer"]]
    assert {"Stories", "Find a group"} <= {s["text"] for s in in_drawer}, opened
    assert all(s["on_screen"] for s in opened), opened

    visit.page.locator("label.md-overlay[for=__drawer]").click(position={"x": 350, "y": 400})
    expect(visit.page.locator(DRAWER_LINKS).first).to_be_hidden()
    visit.page.evaluate("document.activeElement.blur()")
    assert [s for s in tab_round(visit.page) if s["in_drawer"]] == []
