"""The quick exit: a visitor who must hide the site at once can, and cannot be traced back.

The exit goes to a neutral site (set in mkdocs.yml); each test answers that address
with a stub page, so nothing leaves the machine.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.sync_api import Page, Route, expect

from tests.browser.conftest import PHONE, Visit

# Long enough for a location.replace() to a local stub to have happened.
SETTLE_MS = 600


def type_like_a_person(page: Page, text: str) -> None:
    """Type as on a real keyboard, where a capital is Shift held around the letter key
    (Playwright's keyboard.type() sends the capital without any Shift)."""
    for char in text:
        if char == " ":
            page.keyboard.press("Space")
        elif char.isupper():
            page.keyboard.down("Shift")
            page.keyboard.press(f"Key{char}")
            page.keyboard.up("Shift")
        else:
            page.keyboard.press(f"Key{char.upper()}")


def press_shift(page: Page, times: int) -> None:
    """Shift pressed and released on its own, `times` times."""
    for _ in range(times):
        page.keyboard.press("Shift")


def assert_still_here(visit: Visit) -> None:
    visit.page.wait_for_timeout(SETTLE_MS)
    assert visit.page.url.startswith(visit.base_url)
    assert visit.page.evaluate("!document.documentElement.hidden")


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_first_tab_focuses_the_leave_link_and_enter_leaves(
    open_visit: Callable[..., Visit], javascript: bool
) -> None:
    visit = open_visit(java_script_enabled=javascript)
    visit.goto()
    exit_url = visit.exit_url()
    visit.stub(exit_url)
    visit.page.keyboard.press("Tab")
    focused = visit.page.locator(":focus")
    expect(focused).to_have_attribute("href", exit_url)
    expect(focused).to_contain_text("Leave this site")
    # Hidden like a skip link until focused, then shown on screen.
    expect(focused).to_be_in_viewport()
    # Material's skip link comes next.
    visit.page.keyboard.press("Tab")
    expect(visit.page.locator(":focus")).to_have_text("Skip to content")
    visit.page.keyboard.press("Shift+Tab")
    visit.page.keyboard.press("Enter")
    visit.page.wait_for_url(exit_url)


def test_exit_button_is_in_sight_on_a_phone_and_leaves_for_good(
    open_visit: Callable[..., Visit],
) -> None:
    visit = open_visit(viewport=PHONE)
    start = "https://start.example/"
    visit.stub(start, "Start")
    visit.page.goto(start)
    visit.goto()
    exit_url = visit.exit_url()
    visit.stub(exit_url)
    button = visit.page.locator("a.pk-exit-button")
    expect(button).to_be_in_viewport(ratio=1)
    # Still there, and on top, after scrolling to the end of the page.
    visit.page.mouse.wheel(0, 10_000)
    expect(button).to_be_in_viewport(ratio=1)
    button.click()
    visit.page.wait_for_url(exit_url)
    # The site's history entry was replaced: Back skips the site.
    visit.page.go_back()
    assert visit.page.url == start


def test_leaving_blanks_the_page_and_its_title_at_once(visit: Visit) -> None:
    visit.goto()
    exit_url = visit.exit_url()
    # "204 No Content" cancels the navigation, so the page that was left stays to be looked at.
    visit.page.route(lambda url: url == exit_url, lambda route: route.fulfill(status=204))
    visit.page.locator("a.pk-exit-button").click()
    assert visit.page.evaluate("getComputedStyle(document.documentElement).display") == "none"
    assert visit.page.evaluate("document.title") == ""


def test_exit_opens_nothing_new_even_with_ctrl_click(visit: Visit) -> None:
    visit.goto()
    exit_url = visit.exit_url()
    visit.stub(exit_url)
    visit.page.locator("a.pk-exit-button").click(modifiers=["Control"])
    visit.page.wait_for_url(exit_url)
    assert visit.page.context.pages == [visit.page]


def test_exit_link_works_without_javascript(open_visit: Callable[..., Visit]) -> None:
    visit = open_visit(java_script_enabled=False, viewport=PHONE)
    visit.goto()
    exit_url = visit.exit_url()
    visit.stub(exit_url)
    visit.page.locator("a.pk-exit-button").click()
    visit.page.wait_for_url(exit_url)


def test_shift_three_times_leaves(visit: Visit) -> None:
    visit.goto()
    exit_url = visit.exit_url()
    visit.stub(exit_url)
    press_shift(visit.page, 3)
    visit.page.wait_for_url(exit_url)


def test_typing_capitals_in_search_does_not_leave(visit: Visit) -> None:
    visit.goto()
    visit.stub(visit.exit_url())
    search = visit.page.locator("input.md-search__input")
    visit.page.keyboard.press("/")  # Material's shortcut to the search box
    expect(search).to_be_focused()
    type_like_a_person(visit.page, "Hello World ABC")
    expect(search).to_have_value("Hello World ABC")
    assert_still_here(visit)


def test_another_key_between_shift_presses_starts_the_count_again(visit: Visit) -> None:
    visit.goto()
    exit_url = visit.exit_url()
    visit.stub(exit_url)
    press_shift(visit.page, 2)
    visit.page.keyboard.press("ArrowDown")
    press_shift(visit.page, 2)
    assert_still_here(visit)
    press_shift(visit.page, 1)
    visit.page.wait_for_url(exit_url)


def test_shift_presses_count_only_within_five_seconds(visit: Visit) -> None:
    visit.page.clock.install()
    visit.goto()
    exit_url = visit.exit_url()
    visit.stub(exit_url)
    press_shift(visit.page, 2)
    visit.page.clock.fast_forward(5_500)
    press_shift(visit.page, 1)
    assert_still_here(visit)
    press_shift(visit.page, 2)
    visit.page.wait_for_url(exit_url)


@pytest.mark.parametrize("how", ["button", "shift"])
def test_exit_works_while_every_other_script_is_still_loading(visit: Visit, how: str) -> None:
    """quick-exit.js runs from <head>, before the page: with Material's bundle and every
    other script held back (a slow phone on a bad connection), leaving already works, and
    already replaces the history entry (which a plain link, without the script, does not)."""
    held: list[Route] = []
    visit.page.route(
        lambda url: url.endswith(".js") and not url.endswith("/quick-exit.js"),
        lambda route: held.append(route),
    )
    start = "https://start.example/"
    visit.stub(start, "Start")
    visit.page.goto(start)
    visit.page.goto(visit.base_url, wait_until="commit")
    button = visit.page.locator("a.pk-exit-button")
    expect(button).to_be_attached()
    exit_url = visit.exit_url()
    visit.stub(exit_url)
    # The script that starts Material's has been asked for and is held: it has not run
    # (no-js stays).
    for _ in range(100):
        if any("/material-on-demand.js" in route.request.url for route in held):
            break
        visit.page.wait_for_timeout(50)
    assert any("/material-on-demand.js" in route.request.url for route in held)
    assert visit.page.evaluate("document.documentElement.classList.contains('no-js')")
    if how == "button":
        button.click()
    else:
        press_shift(visit.page, 3)
    visit.page.wait_for_url(exit_url)
    visit.page.go_back()
    assert visit.page.url == start


def test_typing_capitals_in_the_group_finder_does_not_leave(
    visit: Visit, pages: dict[str, str]
) -> None:
    visit.goto(pages["groups"])
    visit.stub(visit.exit_url())
    words = visit.page.locator(".pk-finder input[type=search]")
    expect(words).to_be_visible()  # directory.js has shown the finder
    words.focus()
    type_like_a_person(visit.page, "Carers In Cardiff")
    expect(words).to_have_value("Carers In Cardiff")
    assert_still_here(visit)
