"""The organisation's footer links (`footer_links`), on every page."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from tests.commands import run_peerkit
from tests.organisations.conftest import built_page, edit_config, plugin_options

LINKS = [
    {"title": "About us", "url": "about/"},
    {"title": "Donate <today>", "url": "https://riverside.example.org/donate?a=1&b=2"},
    {"title": "Email us", "url": "mailto:hello@riverside.example.org"},
]


def _footer_links(page: str) -> list[tuple[str, str]]:
    block = re.search(r'<div class="pk-footer-links">(.*?)</div>', page, re.S)
    assert block, "no footer links on the page"
    return re.findall(r'<a href="([^"]*)">([^<]*)</a>', block[1])


def test_footer_links_render_on_every_page_relative_to_it_and_escaped(
    new_site: Callable[..., Path],
) -> None:
    site = new_site()
    edit_config(site, lambda c: plugin_options(c).update(footer_links=LINKS))

    result = run_peerkit(site, "build", "--strict")

    assert result.returncode == 0, result.stdout + result.stderr
    expected_elsewhere = [
        ("https://riverside.example.org/donate?a=1&amp;b=2", "Donate &lt;today&gt;"),
        ("mailto:hello@riverside.example.org", "Email us"),
    ]
    assert _footer_links(built_page(site, "index.html")) == [
        ("about/", "About us"),
        *expected_elsewhere,
    ]
    story = built_page(site, "stories/the-first-evening-i-went-along/index.html")
    assert _footer_links(story) == [("../../about/", "About us"), *expected_elsewhere]
    # The static HSDS API's index.html files are JSON, not pages.
    group_pages = [
        p for p in (site / "site" / "groups").rglob("index.html") if "hsds" not in p.parts
    ]
    assert group_pages and all(
        'class="pk-footer-links"' in p.read_text("utf-8") for p in group_pages
    )


def test_no_footer_links_no_empty_list(new_site: Callable[..., Path]) -> None:
    site = new_site()
    edit_config(site, lambda c: plugin_options(c).update(footer_links=[]))

    assert run_peerkit(site, "build").returncode == 0
    assert "pk-footer-links" not in built_page(site, "index.html")


def test_a_script_address_is_refused_as_a_footer_link(new_site: Callable[..., Path]) -> None:
    site = new_site()
    bad = [{"title": "Click", "url": "javascript:alert(1)"}]
    edit_config(site, lambda c: plugin_options(c).update(footer_links=bad))

    result = run_peerkit(site, "check")

    assert result.returncode == 1
    assert "option 'footer_links'" in result.stderr
    assert "'javascript:alert(1)' is not a link Peerkit can show" in result.stderr
