"""Search, as a visitor uses it: type a word, get the story or the group."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from tests.browser.conftest import Visit


def _search(visit: Visit, words: str) -> None:
    visit.goto()
    visit.page.keyboard.press("/")
    field = visit.page.locator("input.md-search__input")
    expect(field).to_be_focused()
    # Typing, not fill(): Material reads the query on keyup, and fill() sends none, so
    # the search ran only if the index happened to load after the text was set.
    field.press_sequentially(words)


def test_search_finds_a_story_by_a_word_of_its_body(visit: Visit) -> None:
    # A story without a content warning: a warned story's body is not searchable.
    _search(visit, "casseroles")
    results = visit.page.locator(".md-search-result__item a")
    expect(results.first).to_have_attribute("href", re.compile(r"stories/a-chair-by-the-window/"))
    assert visit.console_errors == []
    assert visit.other_hosts == []


def test_search_finds_a_group_by_its_town(visit: Visit) -> None:
    _search(visit, "Aberystwyth")
    results = visit.page.locator(".md-search-result__item a")
    expect(results.first).to_have_attribute("href", re.compile(r"groups/wales/aberystwyth-"))
