"""What a first visit downloads: a size budget, measured in the browser, not a timing.

A visitor on a cheap phone with a small data allowance opens a story from a link. The
budget counts every response Chromium receives until the network is idle, each body
compressed with gzip -9 as a static host would send it. Material's scripts are not
among them: they load when search or the colour switch is first used.
"""

from __future__ import annotations

import gzip
import re
from collections.abc import Callable
from urllib.parse import urlsplit

from playwright.sync_api import Response, expect

from tests.browser.conftest import PHONE, Visit

# Issue 18's target for a story page, in compressed bytes.
STORY_BUDGET = 60_000


def first_visit(visit: Visit, path: str) -> dict[str, tuple[int, int]]:
    """Every file the page fetched, by path: its size as sent and gzip -9 compressed."""
    responses: list[Response] = []
    visit.page.on("response", lambda response: responses.append(response))
    visit.goto(path)
    visit.page.wait_for_load_state("networkidle")
    sizes = {}
    for response in responses:
        body = response.body()
        sizes[urlsplit(response.url).path] = (len(body), len(gzip.compress(body, 9)))
    return sizes


def test_a_first_visit_to_a_story_stays_within_its_budget(
    open_visit: Callable[..., Visit], pages: dict[str, str]
) -> None:
    sizes = first_visit(open_visit(viewport=PHONE), pages["story"])
    listing = "\n".join(f"{zipped:>8,} {path}" for path, (_, zipped) in sizes.items())
    assert sum(zipped for _, zipped in sizes.values()) <= STORY_BUDGET, listing
    assert not any("/bundle." in path or "search_index" in path for path in sizes), listing


def test_search_opened_by_clicking_its_box_fetches_materials_scripts_and_answers(
    visit: Visit,
) -> None:
    """At desktop width the search box is in the header: a click focuses it before the
    bundle exists, and the bundle, once loaded, must still see that focus."""
    visit.goto()
    requested: list[str] = []
    visit.page.on("request", lambda request: requested.append(request.url))
    field = visit.page.locator("input.md-search__input")
    field.click()
    expect(field).to_be_focused()
    field.press_sequentially("casseroles")
    results = visit.page.locator(".md-search-result__item a")
    expect(results.first).to_have_attribute("href", re.compile(r"stories/a-chair-by-the-window/"))
    assert len([url for url in requested if "/bundle." in url]) == 1
    assert visit.console_errors == []
