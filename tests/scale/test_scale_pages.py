"""What keeps pages small as a site grows: a sidebar that does not list every story,
topic and region pages that cap or paginate what they list."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import pytest

from peerkit.render.groups import REGION_PAGE_SIZE
from peerkit.render.tips import INDEX_TIPS_PER_TOPIC
from peerkit.render.topics import GROUPS_LISTED, STORIES_SHOWN, TIPS_SHOWN
from tests.scale.conftest import build, write_site
from tests.site.site_files import html_pages

PAGE_BUDGET = 60 * 1024
MODERATE = {"stories": 250, "groups": 250, "tips": 60}


class _Element(HTMLParser):
    """The source length of the first element with ``css_class``, nested tags included."""

    def __init__(self, tag: str, css_class: str) -> None:
        super().__init__(convert_charrefs=False)
        self.tag, self.css_class = tag, css_class
        self.start: int | None = None
        self.depth = 0
        self.length: int | None = None
        self.offset = 0

    def feed_text(self, text: str) -> int:
        self.lines = [0]
        for line in text.splitlines(keepends=True):
            self.lines.append(self.lines[-1] + len(line))
        self.feed(text)
        assert self.length is not None, f"no <{self.tag} class={self.css_class}>"
        return self.length

    def _position(self) -> int:
        line, col = self.getpos()
        return self.lines[line - 1] + col

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag != self.tag or self.length is not None:
            return
        if self.start is None and self.css_class in (dict(attrs).get("class") or "").split():
            self.start, self.depth = self._position(), 0
        if self.start is not None:
            self.depth += 1

    def handle_endtag(self, tag: str) -> None:
        if tag == self.tag and self.start is not None and self.length is None:
            self.depth -= 1
            if self.depth == 0:
                self.length = self._position() - self.start


def sidebar_size(page: Path) -> int:
    return _Element("nav", "md-nav--primary").feed_text(page.read_text("utf-8"))


@pytest.fixture(scope="module")
def small_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("twenty")
    write_site(root, stories=20)
    return build(root)


@pytest.fixture(scope="module")
def moderate_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("moderate")
    write_site(root, **MODERATE)
    return build(root)


def test_the_sidebar_of_a_story_page_does_not_grow_with_the_stories(
    small_site: Path, moderate_site: Path
) -> None:
    few = sidebar_size(small_site / "stories" / "story-0000" / "index.html")
    many = sidebar_size(moderate_site / "stories" / "story-0000" / "index.html")
    assert many == few, f"sidebar {few} bytes at 20 stories, {many} at 250"
    assert "story-0001" not in (moderate_site / "stories" / "story-0000" / "index.html").read_text(
        "utf-8"
    )


def test_no_page_is_over_60_kb_with_hundreds_on_one_topic_and_region(moderate_site: Path) -> None:
    sizes = {
        p.relative_to(moderate_site).as_posix(): p.stat().st_size for p in html_pages(moderate_site)
    }
    over = {path: size for path, size in sizes.items() if size > PAGE_BUDGET}
    assert over == {}


def test_a_big_region_is_split_into_pages(moderate_site: Path) -> None:
    region = moderate_site / "groups" / "yorkshire"
    pages = [region / "index.html", *sorted(region.glob("page/*/index.html"))]
    assert len(pages) == -(-MODERATE["groups"] // REGION_PAGE_SIZE)
    listed = sum(page.read_text("utf-8").count('href="../../group-') for page in pages[1:])
    first = pages[0].read_text("utf-8").count('href="group-')
    assert first + listed == MODERATE["groups"]


def test_a_topic_page_shows_the_newest_stories_and_counts_groups_by_region(
    moderate_site: Path,
) -> None:
    page = (moderate_site / "topics" / "anxiety" / "index.html").read_text("utf-8")
    assert page.count('class="pk-card-list"') >= 1
    assert page.count('<h3><a href="../../stories/story-') == STORIES_SHOWN
    assert page.count('<h3><a href="../../tips/tip-') == min(TIPS_SHOWN, MODERATE["tips"])
    assert f"{MODERATE['groups']} groups on this topic" in page
    assert MODERATE["groups"] > GROUPS_LISTED
    assert 'class="pk-groups"' not in page


def test_the_tips_index_shows_a_few_tips_a_topic_and_links_to_the_rest(
    moderate_site: Path,
) -> None:
    page = (moderate_site / "tips" / "index.html").read_text("utf-8")
    assert page.count("<h3>") == INDEX_TIPS_PER_TOPIC
    assert 'href="../topics/anxiety/"' in page
