"""Search with `search: pagefind`: Material's search box, answered from a Pagefind index.

A small site is built with the option, served from 127.0.0.1 by a plain static
server, and searched in Chromium the way a visitor does: "/" opens the box, a word
of a story's body finds the story, a town finds its group. Every request to
another host is blocked and recorded, so search is shown to work offline.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from playwright.sync_api import Browser, Locator, expect

from peerkit.search import pagefind
from tests.browser.conftest import (
    Visit,
    mkdocs_build,
    new_visit,
    served,
)
from tests.conftest import SiteBuilder

MKDOCS_YML = """\
site_name: Pagefind test
theme:
  name: material
  font: false
plugins:
  - search
  - peerkit:
      search: pagefind
nav:
  - Home: index.md
  - Stories: stories/index.md
  - Find a group: groups/index.md
"""
BODY_WORD = "marmalade"
TOWN = "Quillinghurst"


def _write_site(root: Path) -> None:
    (root / "mkdocs.yml").write_text(MKDOCS_YML, "utf-8")
    (root / "docs").mkdir()
    (root / "docs" / "index.md").write_text("# Home\n\nA test site.\n", "utf-8")
    site = SiteBuilder(root)
    site.story(
        "toast-in-the-morning",
        {"title": "Toast in the morning"},
        body=f"The smell of {BODY_WORD} on toast still takes me back.\n",
    )
    site.story("a-quiet-week", {"title": "A quiet week & <b>more</b>"}, body="Nothing to add.\n")
    location = {"address": "2 Mill Road", "town": TOWN, "region": "Kent", "country": "GB"}
    site.group("quillinghurst-circle", {"name": "Circle", "location": location})


@pytest.fixture(scope="module")
def pagefind_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("pagefind-site")
    _write_site(root)
    mkdocs_build(root, root / "site")
    return root / "site"


@pytest.fixture(scope="module")
def parted_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The same site with its index made in parts of two pages, as a large site's is."""
    root = tmp_path_factory.mktemp("parted-site")
    _write_site(root)
    finish = pagefind.Indexer.finish

    def recording_finish(indexer: pagefind.Indexer) -> None:
        finish(indexer)
        PARTS["first"] = list(indexer.parts[0])

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(pagefind, "PAGES_PER_PART", 2)
        patch.setattr(pagefind.Indexer, "finish", recording_finish)
        build(load_config(str(root / "mkdocs.yml"), site_dir=str(root / "site")))
    return root / "site"


PARTS: dict[str, list[str]] = {}
"""The pages of the parted site's first part, as its build made it."""


@pytest.fixture(scope="module")
def pagefind_url(pagefind_site: Path) -> Iterator[str]:
    with served(pagefind_site) as url:
        yield url


def _visit(browser: Browser, url: str) -> Iterator[Visit]:
    visit, context = new_visit(browser, url, timeout_ms=15_000)
    yield visit
    context.close()


@pytest.fixture
def search_visit(browser: Browser, pagefind_url: str) -> Iterator[Visit]:
    yield from _visit(browser, pagefind_url)


@pytest.fixture
def parted_visit(browser: Browser, parted_site: Path) -> Iterator[Visit]:
    with served(parted_site) as url:
        yield from _visit(browser, url)


def _search(visit: Visit, words: str, key: str = "/") -> None:
    visit.goto("stories/")
    visit.page.keyboard.press(key)
    field = visit.page.locator("input.md-search__input")
    expect(field).to_be_focused()
    field.press_sequentially(words, delay=30)


def _results(visit: Visit) -> Locator:
    return visit.page.locator(".md-search-result__item a")


def test_pagefind_finds_a_story_by_a_word_of_its_body(search_visit: Visit) -> None:
    _search(search_visit, BODY_WORD)
    results = _results(search_visit)
    expect(results.first).to_have_attribute("href", re.compile(r"stories/toast-in-the-morning/"))
    expect(results.first).to_contain_text("Toast in the morning")
    expect(results.first.locator("mark").first).to_have_text(re.compile(BODY_WORD, re.I))
    assert search_visit.console_errors == []
    assert search_visit.other_hosts == []


def test_pagefind_finds_a_group_by_its_town(search_visit: Visit) -> None:
    _search(search_visit, TOWN, key="s")
    # The region's list stands in for its groups' pages in the index: the town finds
    # the list, and the list leads to the group.
    region = search_visit.page.locator('.md-search-result__item a[href$="groups/kent/"]')
    expect(region).to_contain_text("Kent")
    expect(region.locator("mark").first).to_have_text(re.compile(TOWN, re.I))
    region.click()
    expect(search_visit.page).to_have_url(re.compile(r"groups/kent/$"))
    search_visit.page.get_by_role("link", name="Circle").click()
    expect(search_visit.page).to_have_url(re.compile(r"groups/kent/quillinghurst-circle/"))
    assert search_visit.other_hosts == []


def test_pagefind_leaves_a_group_page_out_of_the_index_and_its_region_in(
    pagefind_site: Path,
) -> None:
    group = (pagefind_site / "groups/kent/quillinghurst-circle/index.html").read_text("utf-8")
    region = (pagefind_site / "groups/kent/index.html").read_text("utf-8")
    assert "data-pagefind-body" not in group
    assert "data-pagefind-body" in region


def test_a_title_is_shown_as_text_not_markup(search_visit: Visit) -> None:
    _search(search_visit, "quiet week")
    results = _results(search_visit)
    expect(results.first).to_contain_text("A quiet week & <b>more</b>")
    assert results.first.locator("article b").count() == 0


def test_nothing_of_the_index_loads_before_the_first_search(search_visit: Visit) -> None:
    requested: list[str] = []
    search_visit.page.on("request", lambda request: requested.append(request.url))
    search_visit.goto("stories/")
    search_visit.page.wait_for_load_state("networkidle")
    assert not [url for url in requested if "/pagefind/" in url]
    _search(search_visit, BODY_WORD)
    expect(_results(search_visit).first).to_be_visible()
    assert [url for url in requested if "/pagefind/" in url]


def test_the_site_indexes_only_page_content(pagefind_site: Path) -> None:
    story = (pagefind_site / "stories" / "toast-in-the-morning" / "index.html").read_text("utf-8")
    assert story.count("data-pagefind-body") == 1
    body = story.split("data-pagefind-body", 1)[1]
    assert "pk-crisis" not in body and "pk-exit" not in body
    index = (pagefind_site / "search" / "search_index.json").read_text("utf-8")
    assert len(index) < 1000, "Material's own index should be an empty stub"


def test_an_index_in_parts_is_merged_and_finds_pages_of_every_part(
    parted_site: Path, parted_visit: Visit
) -> None:
    merge = json.loads((parted_site / "pagefind" / "parts.json").read_text("utf-8"))["merge"]
    indexed = sorted(
        p.relative_to(parted_site).as_posix()
        for p in parted_site.rglob("*.html")
        if "data-pagefind-body" in p.read_text("utf-8")
    )
    assert len(merge) == (len(indexed) + 1) // 2 - 1 >= 2
    # The story is in a later part than the first.
    assert "stories/toast-in-the-morning/index.html" not in PARTS["first"]
    assert all((parted_site / part / "pagefind-entry.json").is_file() for part in merge)
    _search(parted_visit, BODY_WORD)
    story = parted_visit.page.locator(
        '.md-search-result__item a[href*="stories/toast-in-the-morning/"]'
    )
    expect(story).to_contain_text("Toast in the morning")
    assert parted_visit.console_errors == []
    assert parted_visit.other_hosts == []
