"""Reading a built site: its pages, and every address a page makes the browser fetch."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

from peerkit.render.exports.hsds import API

# Elements whose attribute the browser fetches as the page loads (not links a visitor clicks).
FETCHED = {
    ("script", "src"),
    ("img", "src"),
    ("img", "srcset"),
    ("iframe", "src"),
    ("source", "src"),
    ("source", "srcset"),
    ("video", "src"),
    ("video", "poster"),
    ("audio", "src"),
    ("embed", "src"),
    ("object", "data"),
    ("input", "src"),
}
FETCHED_LINK_RELS = {
    "stylesheet",
    "preload",
    "prefetch",
    "preconnect",
    "dns-prefetch",
    "icon",
    "modulepreload",
    "manifest",
}


class FetchCollector(HTMLParser):
    """Collects the addresses a page would fetch on load."""

    def __init__(self) -> None:
        super().__init__()
        self.fetched: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        for attribute, value in values.items():
            if value and (tag, attribute) in FETCHED:
                self.fetched.append(value)
        if tag == "link" and values.get("href"):
            rels = set((values.get("rel") or "").lower().split())
            if rels & FETCHED_LINK_RELS:
                self.fetched.append(values["href"] or "")


def fetched_addresses(page: Path) -> list[str]:
    parser = FetchCollector()
    parser.feed(page.read_text("utf-8"))
    return parser.fetched


def is_other_host(address: str) -> bool:
    lowered = address.strip().lower()
    return lowered.startswith(("http://", "https://", "//"))


def html_pages(site: Path) -> list[Path]:
    """Every page of a built site: its .html files but the static HSDS API's, which are
    JSON named index.html so that any host serves them at their folder's address."""
    api = site / API
    return sorted(p for p in site.rglob("*.html") if not p.is_relative_to(api))
