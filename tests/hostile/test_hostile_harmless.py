"""Harmless cases: built together by the real MkDocs, and nothing executable on any page.

Every page of the built site is parsed and audited (hostile_audit.audit_page):
no script but the theme's own, no event handler, no javascript:, vbscript: or
data: address, no frame, object, embed, base, refresh, form, style element or
style attribute that the clean build does not have. Then each case's own page
must show the case's text, literally: markup as text, template syntax unevaluated.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.hostile.conftest import BuiltSite
from tests.hostile.hostile_audit import SiteChrome, audit_page, other_hosts, visible_text
from tests.hostile.hostile_manifest import Case, load_cases
from tests.hostile.hostile_site import EXIT_URL, SECRET
from tests.render.render_html import parse_html
from tests.site.site_files import html_pages

HARMLESS = [case for case in load_cases() if case.expect == "harmless"]
# What an include or a template would have put on a page had it been evaluated.
NEVER_ANYWHERE = (SECRET, "root:x:0:0", "site_name: Hostile input", "<class 'str'>", "uid=")


def _pages(site: Path) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): p.read_text("utf-8") for p in html_pages(site)}


def test_the_clean_site_passes_the_audit_it_teaches(clean_site: Path, clean_chrome: SiteChrome):
    """The audit's absolute rules (no handlers, no dangerous addresses) hold for the theme too."""
    assert clean_chrome.inline_scripts, "the clean build has no inline script to learn"
    assert "assets/peerkit/quick-exit.js" in clean_chrome.script_sources
    assert all(source.startswith("assets/") for source in clean_chrome.script_sources)

    found = [
        p for rel, html in _pages(clean_site).items() for p in audit_page(rel, html, clean_chrome)
    ]

    assert found == []


def test_no_page_carries_anything_executable(hostile_site: BuiltSite, clean_chrome: SiteChrome):
    pages = _pages(hostile_site.site)
    assert len(pages) > 60

    found = [
        problem for rel, html in pages.items() for problem in audit_page(rel, html, clean_chrome)
    ]

    assert found == []


def test_mkdocs_builds_the_hostile_site_without_a_warning(hostile_site: BuiltSite):
    """So `peerkit build --strict` passes too: hostile content cannot fail a strict build."""
    assert hostile_site.warnings == []


def test_the_content_security_policy_allows_no_script_the_clean_site_does_not(
    hostile_site: BuiltSite, clean_site: Path
):
    """`_headers` hashes the inline scripts it finds on the pages: content must add none."""
    hashes = [
        set(re.findall(r"'sha256-[^']+'", (site / "_headers").read_text("utf-8")))
        for site in (hostile_site.site, clean_site)
    ]

    assert hashes[0] <= hashes[1]


def test_no_page_fetches_anything_from_another_host(hostile_site: BuiltSite):
    assert other_hosts(hostile_site.site) == []


def test_every_page_keeps_its_exit_links_first_and_its_crisis_lines(hostile_site: BuiltSite):
    """Content cannot hide, move or repoint the ways out, nor the crisis strip."""
    for rel, html in _pages(hostile_site.site).items():
        tree = parse_html(html)
        [body] = tree.find_all("body")
        # Material's own skip link may come first in the source; peerkit.css hides it.
        links = [a for a in body.find_all("a") if a.attrs.get("class") != "md-skip"]
        assert "pk-exit-skip" in (links[0].attrs.get("class") or ""), rel
        exits = body.find_all("a", "pk-exit-skip") + body.find_all("a", "pk-exit-button")
        assert [a.attrs["href"] for a in exits] == [EXIT_URL, EXIT_URL], rel
        [crisis] = body.find_all("aside", "pk-crisis")
        phones = [a.attrs["href"] for a in crisis.find_all("a", "pk-crisis__phone")]
        assert "tel:116123" in phones, rel


def test_nothing_an_include_or_a_template_would_reveal_is_in_any_file(hostile_site: BuiltSite):
    never = set(NEVER_ANYWHERE) | {text for case in HARMLESS for text in case.never}
    for path in sorted(p for p in hostile_site.site.rglob("*") if p.is_file()):
        content = path.read_bytes().decode("utf-8", errors="replace")
        present = [text for text in never if text in content]
        assert present == [], path.relative_to(hostile_site.site)


@pytest.mark.parametrize("case", HARMLESS, ids=[case.id for case in HARMLESS])
def test_harmless_case_shows_its_text_literally_on_its_page(hostile_site: BuiltSite, case: Case):
    page = hostile_site.site / (case.page or "") / "index.html"
    assert page.is_file(), f"{case.id}: no page at {case.page!r}"

    text = visible_text(parse_html(page.read_text("utf-8")))

    missing = [shown for shown in case.shows if " ".join(shown.split()) not in text]
    assert missing == []
