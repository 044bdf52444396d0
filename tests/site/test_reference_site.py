"""The reference site builds strictly and has every page the generator promises."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree

import pytest
import yaml

from tests.conftest import BuiltSite
from tests.render.render_html import parse_html
from tests.site.site_files import fetched_addresses, html_pages, is_other_host

REPO = Path(__file__).resolve().parents[2]


def _front_matter(path: Path) -> dict:
    return yaml.safe_load(path.read_text("utf-8").split("---")[1])


@pytest.fixture
def built(reference_site: BuiltSite) -> tuple[Path, str]:
    return reference_site.output, reference_site.log


def test_strict_build_has_no_warnings(built: tuple[Path, str]) -> None:
    _, log = built
    assert "WARNING" not in log


def test_every_published_story_has_a_page_and_drafts_have_none(built: tuple[Path, str]) -> None:
    site, _ = built
    stories = sorted((REPO / "content" / "stories").glob("*.md"))
    published = [p for p in stories if _front_matter(p).get("status", "published") == "published"]
    drafts = [p for p in stories if _front_matter(p).get("status") == "draft"]
    assert len(published) >= 8
    assert drafts, "the reference site keeps one draft to show that drafts stay out"
    for path in published:
        assert (site / "stories" / path.stem / "index.html").is_file(), path.stem
    for path in drafts:
        assert not (site / "stories" / path.stem).exists()
        assert path.stem not in (site / "stories" / "feed.xml").read_text("utf-8")


def test_every_kind_of_generated_page_exists(built: tuple[Path, str]) -> None:
    site, _ = built
    expected = ["stories/index.html", "tips/index.html", "groups/index.html", "topics/index.html"]
    expected += [f"{page}/index.html" for page in ("about", "why-peer-support", "contribute")]
    expected += [f"tips/{p.stem}/index.html" for p in (REPO / "content" / "tips").glob("*.md")]
    topics = yaml.safe_load((REPO / "content" / "topics.yml").read_text("utf-8"))
    expected += [f"topics/{t['slug']}/index.html" for t in topics]
    for path in expected:
        assert (site / path).is_file(), path


def test_every_group_has_a_page_under_its_region(built: tuple[Path, str]) -> None:
    site, _ = built
    groups = list((REPO / "content" / "groups").rglob("*.yml"))
    assert len(groups) >= 30
    pages = set((site / "groups").glob("*/*/index.html")) & set(html_pages(site))
    assert {p.parent.name for p in pages} == {g.stem for g in groups}
    regions = list((site / "groups").glob("*/index.html"))
    assert len(regions) >= 4


def test_feed_is_atom_with_the_newest_story_first(built: tuple[Path, str]) -> None:
    site, _ = built
    feed = ElementTree.parse(site / "stories" / "feed.xml").getroot()
    ns = {"a": "http://www.w3.org/2005/Atom"}
    published = [e.findtext("a:published", namespaces=ns) for e in feed.findall("a:entry", ns)]
    assert len(published) >= 8
    assert published == sorted(published, reverse=True)


def _advertised_feeds(page: Path) -> list[tuple[str, str]]:
    """The Atom feeds a built page's head names for feed readers: (title, address)."""
    head = parse_html(page.read_text("utf-8")).find("head")
    return [
        (link.attrs["title"], link.attrs["href"])
        for link in head.find_all("link")
        if link.attrs.get("type") == "application/atom+xml"
    ]


def test_directory_and_region_pages_advertise_feeds_that_lead_back_to_them(
    built: tuple[Path, str],
) -> None:
    site, _ = built
    regions = [p for p in site.glob("groups/*/index.html") if p.parent.name != "directory"]
    assert len(regions) >= 5
    for page in [site / "groups" / "index.html", *regions]:
        [(title, href)] = _advertised_feeds(page)
        feed = ElementTree.parse(page.parent / href).getroot()
        assert feed.findtext("{http://www.w3.org/2005/Atom}title") == title
        back = feed.find("{http://www.w3.org/2005/Atom}link[@rel='alternate']").get("href")
        assert back.endswith("/" + page.parent.relative_to(site).as_posix() + "/"), page
    assert (site / "groups" / "feeds" / "sitemap.xml").is_file()
    assert _advertised_feeds(site / "about" / "index.html") == []


def _search_docs(site: Path) -> list[dict]:
    return json.loads((site / "search" / "search_index.json").read_text("utf-8"))["docs"]


def test_search_index_holds_story_bodies_and_group_towns(built: tuple[Path, str]) -> None:
    site, _ = built
    docs = _search_docs(site)
    story_text = " ".join(
        d["text"] for d in docs if d["location"].startswith("stories/a-chair-by-the-window/")
    )
    assert "casseroles" in story_text
    # A story behind a content warning is in the index by its title, summary and warning.
    warned = " ".join(
        d["text"] for d in docs if d["location"].startswith("stories/the-app-i-deleted/")
    )
    assert "Content warning: gambling, debt" in warned and "grew quietly" in warned
    assert "intercept" not in warned
    groups = [
        yaml.safe_load(p.read_text("utf-8")) for p in (REPO / "content" / "groups").rglob("*.yml")
    ]
    town = next(g["location"]["town"] for g in groups if "location" in g)
    group_text = " ".join(d["text"] for d in docs if d["location"].startswith("groups/"))
    assert town in group_text


def test_no_page_fetches_anything_from_another_host(built: tuple[Path, str]) -> None:
    site, _ = built
    pages = html_pages(site)
    assert len(pages) > 50
    offenders = {
        str(page.relative_to(site)): address
        for page in pages
        for address in fetched_addresses(page)
        if is_other_host(address)
    }
    assert offenders == {}


def test_peerkit_build_prints_no_end_of_life_banner(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "NO_MKDOCS_2_WARNING"}
    result = subprocess.run(
        [sys.executable, "-m", "peerkit.cli", "build", "--no-cache", "-d", str(tmp_path / "out")],
        cwd=REPO,
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "end of life" not in result.stdout + result.stderr
    assert (tmp_path / "out" / "index.html").is_file()
