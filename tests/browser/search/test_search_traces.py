"""No traces from typing, and nothing of search until it is wanted.

Typed words never reach the address bar (no ?h= on results, no ?q= from a shared
link or the group finder), a shared link never opens the search over the page,
the index and its worker load only when the visitor opens or focuses search, and
the finder's script and styles only on the directory's pages. The quick exit's
limits are explained on a page every page links to, which works without
JavaScript, as do the links that call or text a crisis line.
"""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import urlsplit

import pytest
import yaml
from playwright.sync_api import Browser, expect

from tests.browser.conftest import PHONE, REPO, Visit
from tests.browser.page_kinds import KINDS
from tests.browser.search.conftest import Engine, open_on, search

# What Material's engine and Pagefind's fetch to search.
SEARCH_FILES = ("search_index.json", "/workers/search", "search-worker.js", "/pagefind")
FINDER_FILES = ("directory.js", "directory.css")
FIRST_VISIT = ("home", "story", "groups")


def _fetched(visit: Visit) -> list[str]:
    fetched: list[str] = []
    visit.page.on("request", lambda request: fetched.append(urlsplit(request.url).path))
    return fetched


def _search_files(fetched: list[str]) -> list[str]:
    return [path for path in fetched if any(name in path for name in SEARCH_FILES)]


@pytest.mark.parametrize("kind", FIRST_VISIT)
def test_a_first_visit_fetches_no_search_index_and_no_worker(
    engine_visit: Visit, pages: dict[str, str], kind: str
) -> None:
    fetched = _fetched(engine_visit)
    engine_visit.goto(pages[kind])
    engine_visit.page.wait_for_load_state("networkidle")
    expect(engine_visit.page.locator(".pk-crisis")).to_be_visible()
    assert _search_files(fetched) == []
    # Opening search (the magnifier, on a phone) is what loads it.
    engine_visit.page.locator("label.md-header__button[for=__search]").click()
    expect(engine_visit.page.locator(".md-search-result__meta")).to_have_text(
        "Type to start searching"
    )
    assert _search_files(fetched) != []
    assert engine_visit.console_errors == []


def test_focusing_the_search_box_with_the_keyboard_loads_search(
    engine: Engine, browser: Browser
) -> None:
    for visit in open_on(browser, engine.base_url, viewport={"width": 1280, "height": 800}):
        fetched = _fetched(visit)
        visit.goto()
        visit.page.wait_for_load_state("networkidle")
        assert _search_files(fetched) == []
        visit.page.keyboard.press("/")
        expect(visit.page.locator("input.md-search__input")).to_be_focused()
        expect(visit.page.locator(".md-search-result__meta")).to_have_text(
            "Type to start searching"
        )
        assert _search_files(fetched) != []


@pytest.mark.parametrize("kind", KINDS)
def test_the_finders_script_and_styles_load_on_the_directorys_pages_only(
    visit: Visit, pages: dict[str, str], kind: str
) -> None:
    fetched = _fetched(visit)
    visit.goto(pages[kind])
    visit.page.wait_for_load_state("networkidle")
    finder = [path for path in fetched if path.rsplit("/", 1)[-1] in FINDER_FILES]
    if kind in ("groups", "region"):
        assert sorted(path.rsplit("/", 1)[-1] for path in finder) == sorted(FINDER_FILES)
    else:
        assert finder == []


def test_result_links_carry_no_typed_words(engine_visit: Visit) -> None:
    results = search(engine_visit, "Aberystwyth")
    expect(results.first).to_be_visible()
    hrefs = [results.nth(i).get_attribute("href") or "" for i in range(results.count())]
    assert hrefs and [urlsplit(href).query for href in hrefs] == [""] * len(hrefs)
    results.first.click()
    engine_visit.page.wait_for_load_state("domcontentloaded")
    assert urlsplit(engine_visit.page.url).query == ""
    assert "aberystwyth" not in urlsplit(engine_visit.page.url).query.casefold()


@pytest.mark.parametrize("kind", ["home", "groups"])
def test_a_shared_link_with_words_never_opens_search_and_loses_the_words(
    engine_visit: Visit, pages: dict[str, str], kind: str
) -> None:
    fetched = _fetched(engine_visit)
    engine_visit.goto(pages[kind] + "?q=self+harm")
    engine_visit.page.wait_for_load_state("networkidle")
    assert engine_visit.page.evaluate("document.getElementById('__search').checked") is False
    expect(engine_visit.page.locator("input.md-search__input")).not_to_be_focused()
    expect(engine_visit.page.locator("input.md-search__input")).to_have_value("")
    assert urlsplit(engine_visit.page.url).query == ""
    assert _search_files(fetched) == []


def test_the_finder_keeps_choices_in_the_address_and_never_typed_words(
    visit: Visit, pages: dict[str, str]
) -> None:
    visit.goto(pages["groups"])
    words = visit.page.get_by_label("Name, town or words")
    expect(words).to_be_visible()
    words.fill("bristol")
    visit.page.get_by_label("Day", exact=True).select_option("Wednesday")
    expect(visit.page).to_have_url(f"{visit.base_url}{pages['groups']}?day=WE")
    assert "bristol" not in visit.page.evaluate("location.href + JSON.stringify(history.state)")


def test_every_page_links_to_cover_your_tracks_from_its_footer_even_without_javascript(
    open_visit: Callable[..., Visit], pages: dict[str, str]
) -> None:
    visit = open_visit(java_script_enabled=False, viewport=PHONE)
    for kind in KINDS:
        visit.goto(pages[kind])
        link = visit.page.locator(".pk-tracks a")
        expect(link).to_have_text("How to cover your tracks")
        expect(visit.page.locator(".pk-tracks")).to_contain_text(
            "does not clear your browser history"
        )
    link.click()
    expect(visit.page).to_have_url(f"{visit.base_url}cover-your-tracks/")
    heading = visit.page.get_by_role("heading", name="Cover your tracks", level=1)
    expect(heading).to_be_visible()
    for words in ("does not clear your browser history", "private", "Delete browsing data"):
        expect(visit.page.locator("article")).to_contain_text(words)


def test_crisis_lines_call_and_text_with_one_tap_without_javascript(
    open_visit: Callable[..., Visit],
) -> None:
    visit = open_visit(java_script_enabled=False, viewport=PHONE)
    visit.goto()
    # Without JavaScript there is no search box, and its crisis card never shows.
    expect(visit.page.locator("#pk-search-help")).to_be_hidden()
    strip = visit.page.locator(".pk-crisis")
    data = yaml.safe_load((REPO / "content" / "crisis.yml").read_text("utf-8"))
    texts = [line for line in data["lines"] if "text" in line]
    assert texts and all("sms" in line for line in texts)
    for line in texts:
        href = f"sms:{line['sms']}" + (f"?&body={line['sms_body']}" if "sms_body" in line else "")
        expect(strip.locator(f'a[href="{href}"]')).to_have_text(line["text"])
    for line in (line for line in data["lines"] if "phone" in line):
        digits = "".join(char for char in line["phone"] if char.isdigit())
        expect(strip.locator(f'a[href="tel:{digits}"]').first).to_be_attached()
