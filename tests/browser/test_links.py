"""Every link inside the built site leads somewhere: a file that exists, an id on the page.

MkDocs' strict build checks the links of hand-written Markdown; the generator's pages
and the theme's links are only seen here, in the built HTML, so every page of the
session's reference site is read: <a href>, <link href>, <script src> and <img src>
that stay on the site are resolved against the page's address, as a browser would,
and must name a file of the build (a folder address means its index.html), and a
#fragment must name an id on the page it points to.
"""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest

LINKING = {("a", "href"), ("link", "href"), ("script", "src"), ("img", "src")}


class _Links(HTMLParser):
    """The addresses a page links to and loads, the ids it has, and its canonical address."""

    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.ids: set[str] = set()
        self.canonical = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "link" and values.get("rel") == "canonical":
            self.canonical = values.get("href") or ""
        for name, value in attrs:
            if value is None:
                continue
            if (tag, name) in LINKING:
                self.links.append(value)
            if name == "id" or (tag == "a" and name == "name"):
                self.ids.add(value)


def read_page(page: Path) -> _Links:
    parser = _Links()
    parser.feed(page.read_text("utf-8"))
    parser.close()
    return parser


def site_address(site: Path) -> str:
    """The site's own address, from its home page's canonical link (site_url), so that
    links written in full to the site count as links inside it."""
    return read_page(site / "index.html").canonical or "https://site.invalid/"


def page_address(site: Path, page: Path, site_url: str) -> str:
    """The address a page is served at: folders for index.html, as MkDocs makes them."""
    rel = page.relative_to(site).as_posix()
    return site_url + (rel[: -len("index.html")] if rel.endswith("index.html") else rel)


def target_file(site: Path, address: str, site_url: str) -> Path | None:
    """The file an address of the site names, or None when it leaves the site."""
    if not address.startswith(site_url):
        return None
    rel = unquote(urlsplit(address).path)[len(urlsplit(site_url).path) :]
    return site / rel / "index.html" if rel.endswith("/") or not rel else site / rel


def broken_links(site: Path) -> list[str]:
    site_url = site_address(site)
    pages = sorted(site.rglob("*.html"))
    read = {page: read_page(page) for page in pages}
    broken = []
    for page, found in read.items():
        here = page_address(site, page, site_url)
        for link in found.links:
            if urlsplit(link).scheme in ("mailto", "tel", "data"):
                continue
            address = urljoin(here, link)
            target = target_file(site, address, site_url)
            if target is None:
                continue
            name = page.relative_to(site).as_posix()
            if not target.is_file():
                broken.append(f"{name}: {link} (no {target.relative_to(site)})")
                continue
            fragment = unquote(urlsplit(address).fragment)
            if fragment and target.suffix == ".html":
                ids = (read.get(target) or read_page(target)).ids
                if fragment not in ids:
                    broken.append(f"{name}: {link} (no id {fragment!r})")
    return broken


def test_every_link_inside_the_built_site_resolves(site_dir: Path) -> None:
    assert len(list(site_dir.rglob("*.html"))) > 50
    assert broken_links(site_dir) == []


def test_the_walk_follows_links_of_every_kind(site_dir: Path) -> None:
    """Links written relative, from the root, in full and with fragments are all followed."""
    site_url = site_address(site_dir)
    assert site_url.startswith("https://")
    kinds = {"relative": 0, "root": 0, "full": 0, "fragment": 0}
    for page in site_dir.rglob("*.html"):
        for link in read_page(page).links:
            if link.startswith(site_url):
                kinds["full"] += 1
            elif link.startswith("/"):
                kinds["root"] += 1
            elif not urlsplit(link).scheme:
                kinds["relative"] += 1
            if "#" in link and not urlsplit(link).scheme:
                kinds["fragment"] += 1
    assert all(count > 0 for count in kinds.values()), kinds


@pytest.mark.parametrize(
    ("link", "problem"),
    [
        ("../no-such-page/", "no no-such-page/index.html"),
        ("../assets/peerkit/missing.js", "no assets/peerkit/missing.js"),
        ("#no-such-heading", "no id 'no-such-heading'"),
        ("https://peerkit.example/stories/nope/", "no stories/nope/index.html"),
    ],
)
def test_a_broken_link_is_reported(tmp_path: Path, link: str, problem: str) -> None:
    """The control: the walk is not blind (a copy of two pages, one link broken)."""
    (tmp_path / "about").mkdir()
    home = '<link rel="canonical" href="https://peerkit.example/"><h1 id="top">Home</h1>'
    (tmp_path / "index.html").write_text(home + '<a href="about/">About</a>')
    (tmp_path / "about" / "index.html").write_text(
        f'<a href="../#top">up</a><a href="{link}">x</a>'
    )
    assert [line.split(" (")[1].rstrip(")") for line in broken_links(tmp_path)] == [problem]
