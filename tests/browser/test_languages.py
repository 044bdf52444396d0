"""A site in English and Spanish (mkdocs-static-i18n), in Chromium.

The site of tests/site/languages_site.py is served with the headers its `_headers`
gives, so its Content-Security-Policy holds on both languages' pages: Material's
language switcher leads from a generated page to the same page in the other
language, and Pagefind searches the index of the page's language.

Material's script looks for a sitemap.xml under the address of every language the
switcher offers, which mkdocs-static-i18n does not write (it writes one, at the
root): those requests fail, harmlessly, and are the only ones allowed to.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import Visit
from tests.browser.test_csp import policed_visit, served_with_headers, violations
from tests.conftest import BuiltSite
from tests.site.languages_site import ENGLISH_STORY, SPANISH_STORY, SPANISH_WORD


@pytest.fixture(scope="module")
def languages_url(two_language_site: BuiltSite) -> Iterator[str]:
    with served_with_headers(two_language_site.output) as url:
        yield url


@pytest.fixture
def visit(open_visit: Callable[..., Visit], languages_url: str) -> Visit:
    visit = policed_visit(open_visit, languages_url)
    failed: list[str] = []
    visit.page.on("response", lambda response: response.status < 400 or failed.append(response.url))
    visit.failed = failed  # type: ignore[attr-defined]
    return visit


def assert_nothing_refused(visit: Visit) -> None:
    """No policy violation, no other host, and nothing missing but Material's sitemaps."""
    visit.page.wait_for_load_state("networkidle")
    assert violations(visit) == []
    assert visit.other_hosts == []
    failed: list[str] = visit.failed  # type: ignore[attr-defined]
    assert [url for url in failed if not url.endswith("/sitemap.xml")] == []
    missing = "Failed to load resource: the server responded with a status of 404"
    assert [error for error in visit.console_errors if not error.startswith(missing)] == []


def _switch_to(visit: Visit, language: str) -> None:
    visit.page.locator(".md-header .md-select").hover()
    visit.page.locator(f'.md-select__link[hreflang="{language}"]').click()


def test_the_switcher_leads_to_the_same_page_in_the_other_language(visit: Visit) -> None:
    visit.goto("es/groups/yorkshire/a-group/")
    expect(visit.page.locator("html")).to_have_attribute("lang", "es")
    _switch_to(visit, "en")
    expect(visit.page).to_have_url(visit.base_url + "groups/yorkshire/a-group/")
    expect(visit.page.locator("html")).to_have_attribute("lang", "en")
    expect(visit.page.locator("a.pk-exit-button")).to_contain_text("Leave this site")
    _switch_to(visit, "es")
    expect(visit.page).to_have_url(visit.base_url + "es/groups/yorkshire/a-group/")
    assert_nothing_refused(visit)


def test_from_a_story_the_switcher_leads_to_the_other_languages_stories(visit: Visit) -> None:
    visit.goto(f"es/stories/{SPANISH_STORY}/")
    _switch_to(visit, "en")
    expect(visit.page).to_have_url(visit.base_url + "stories/")
    expect(visit.page.locator(f'a[href="{ENGLISH_STORY}/"]')).to_be_visible()


@pytest.mark.parametrize(
    ("page", "words", "found"),
    [
        ("es/stories/", SPANISH_WORD, f"es/stories/{SPANISH_STORY}/"),
        ("stories/", "write this down", f"stories/{ENGLISH_STORY}/"),
    ],
)
def test_search_answers_from_the_pages_language(
    visit: Visit, page: str, words: str, found: str
) -> None:
    visit.goto(page)
    visit.page.keyboard.press("/")
    visit.page.locator("input.md-search__input").press_sequentially(words, delay=30)
    result = visit.page.locator(".md-search-result__item a").first
    expect(result).to_have_attribute("href", re.compile(re.escape(found) + "$"))
    assert_nothing_refused(visit)
