"""Search respects content warnings, and pages that can harm out of context are not in it.

A story behind a warning is found by its title, summary and warning, and its
result shows the warning and nothing of the body; the words only its body holds
find nothing at all. The editors' guides (safe messaging, the hostile-input table)
and every page marked for contributors or organisations are in neither engine's
index. Each test runs with Material's search and with Pagefind.
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml
from playwright.sync_api import expect

from tests.browser.conftest import REPO, Visit
from tests.browser.search.conftest import Engine, open_search, search

WORD = re.compile(r"[a-z]{7,}")
TAG = re.compile(r"<[^>]+>")


@dataclass(frozen=True)
class Warned:
    slug: str
    title: str
    summary: str
    body: str


def warned_stories() -> list[Warned]:
    stories = []
    for path in sorted((REPO / "content" / "stories").glob("*.md")):
        _, front, body = path.read_text("utf-8").split("---\n", 2)
        data = yaml.safe_load(front)
        if data.get("content_warnings") and data.get("status", "published") == "published":
            stories.append(Warned(path.stem, data["title"], data["summary"], body))
    assert len(stories) >= 3, "the reference site should have stories behind warnings"
    return stories


@cache
def _site_words(site_dir: Path, leave_out: str) -> frozenset[str]:
    """Every word of every built page's text, but for one story's page."""
    words: set[str] = set()
    for page in site_dir.rglob("*.html"):
        if page.parent.name == leave_out:
            continue
        text = html.unescape(TAG.sub(" ", page.read_text("utf-8"))).casefold()
        words.update(WORD.findall(text))
    return frozenset(words)


def body_only_words(site_dir: Path, story: Warned, count: int = 3) -> list[str]:
    """Words of the story's body that no other page and none of its own title, summary
    or warning holds: a search that finds them can only have read the body."""
    elsewhere = _site_words(site_dir, story.slug)
    own = set(WORD.findall(f"{story.title} {story.summary}".casefold()))
    found = [
        word
        for word in dict.fromkeys(WORD.findall(story.body.casefold()))
        if word not in elsewhere and word not in own
    ]
    assert len(found) >= count, f"{story.slug} has too few words of its own"
    return found[:count]


def test_words_only_a_warned_storys_body_holds_find_nothing_of_it(
    engine: Engine, engine_visit: Visit
) -> None:
    """Pagefind matches stems and prefixes ("betting" finds "better"), so a word may find
    other pages: never the story, and no result may quote the word."""
    field = open_search(engine_visit)
    meta = engine_visit.page.locator(".md-search-result__meta")
    items = engine_visit.page.locator(".md-search-result__item")
    found = {}
    for story in warned_stories():
        for word in body_only_words(engine.site_dir, story):
            field.fill("")
            field.press_sequentially(word, delay=10)
            engine_visit.page.wait_for_timeout(700)
            expect(meta).not_to_have_text("Type to start searching")
            shown = [items.nth(i) for i in range(items.count())]
            hits = [
                item.locator("a").first.get_attribute("href")
                for item in shown
                if f"stories/{story.slug}/" in (item.locator("a").first.get_attribute("href") or "")
                or word in item.inner_text().casefold()
            ]
            if hits:
                found[word] = hits
    assert found == {}


def test_a_warned_story_is_found_by_its_summary_and_shows_the_warning_not_the_body(
    engine: Engine, engine_visit: Visit
) -> None:
    story = next(s for s in warned_stories() if s.slug == "the-app-i-deleted")
    results = search(engine_visit, "grew quietly")
    result = engine_visit.page.locator(
        f'.md-search-result__item a[href*="stories/{story.slug}/"]'
    ).first
    expect(result).to_be_visible()
    expect(result).to_contain_text("Content warning: gambling, debt")
    text = result.inner_text().casefold()
    assert not [word for word in body_only_words(engine.site_dir, story, 10) if word in text]
    assert results.count() >= 1


def test_search_for_the_words_of_the_editors_guides_shows_none_of_them(
    engine_visit: Visit,
) -> None:
    for words in ("cutting", "suicide methods", "Leeds"):
        results = search(engine_visit, words)
        hrefs = [results.nth(i).get_attribute("href") or "" for i in range(results.count())]
        for guide in ("safe-messaging/", "security/", "contribute/", "configuration/"):
            assert not [href for href in hrefs if guide in href], (words, hrefs)


def _marked_pages() -> dict[str, str]:
    """Pages marked for contributors or organisations, by address: the site's own in
    docs/ and the guides every site gets from the package."""
    marked = {}
    guides = REPO / "src" / "peerkit" / "guides"
    for path in sorted([*(REPO / "docs").glob("*.md"), *guides.glob("*.md")]):
        text = path.read_text("utf-8")
        if text.startswith("---\n"):
            front = yaml.safe_load(text.split("---\n", 2)[1])
            if front.get("audience", "visitors") != "visitors":
                marked[f"{path.stem}/"] = front["audience"]
    return marked


def test_no_page_marked_for_contributors_or_organisations_is_in_either_index(
    site_dir: Path, pagefind_site_dir: Path
) -> None:
    marked = _marked_pages()
    assert {"safe-messaging/", "security/", "contribute/", "configuration/"} <= set(marked)
    docs = json.loads((site_dir / "search" / "search_index.json").read_text("utf-8"))["docs"]
    locations = {doc["location"].split("#")[0] for doc in docs}
    assert "stories/" in locations
    assert not locations & set(marked)
    for address in marked:
        built = (pagefind_site_dir / address / "index.html").read_text("utf-8")
        assert "data-pagefind-body" not in built
    assert "data-pagefind-body" in (pagefind_site_dir / "about" / "index.html").read_text("utf-8")
