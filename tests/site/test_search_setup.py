"""The site's side of issue 13: who each page is for, the crisis terms, the menu's order."""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

from peerkit.guides import GUIDES, guide_text

REPO = Path(__file__).resolve().parents[2]
GENERATED = ("stories/index.md", "tips/index.md", "groups/index.md", "topics/index.md")


def _with_options(site: Path, **options: Any) -> None:
    path = site / "mkdocs.yml"
    config = yaml.safe_load(path.read_text("utf-8"))
    for plugin in config["plugins"]:
        if isinstance(plugin, dict) and "peerkit" in plugin:
            plugin["peerkit"].update(options)
    path.write_text(yaml.safe_dump(config, sort_keys=False, allow_unicode=True), "utf-8")


def _build(site: Path) -> Path:
    build(load_config(str(site / "mkdocs.yml"), site_dir=str(site / "site")))
    return site / "site"


def _terms(page: str) -> list[str]:
    [terms] = re.findall(r"data-pk-terms='([^']*)'", page)
    return yaml.safe_load(terms)


def test_a_sites_own_crisis_terms_join_its_languages_on_every_page(site_copy: Path) -> None:
    _with_options(site_copy, crisis_terms=["Quillford Nightline"])

    built = _build(site_copy)

    for page in ("index.html", "stories/index.html", "groups/index.html", "about/index.html"):
        terms = _terms((built / page).read_text("utf-8"))
        assert "suicide" in terms and terms[-1] == "Quillford Nightline"


def test_an_unknown_audience_stops_the_build_and_names_the_page(
    site_copy: Path, caplog: pytest.LogCaptureFixture
) -> None:
    about = site_copy / "docs" / "about.md"
    about.write_text("---\naudience: editors\n---\n" + about.read_text("utf-8"), "utf-8")

    with pytest.raises(Abort):
        _build(site_copy)
    assert "peerkit: docs/about.md: error: audience: 'editors' is not one of" in caplog.text


def _audience(page: str) -> str:
    if page in GENERATED:
        return "visitors"
    guides = {guide.name: guide for guide in GUIDES}
    if page in guides and not (REPO / "docs" / page).exists():
        text = guide_text(guides[page])  # added to every site from the package
    else:
        text = (REPO / "docs" / page).read_text("utf-8")
    if not text.startswith("---\n"):
        return "visitors"
    return yaml.safe_load(text.split("---\n", 2)[1]).get("audience", "visitors")


def _nav_pages(items: list[Any]) -> list[str]:
    pages = []
    for item in items:
        value = next(iter(item.values())) if isinstance(item, dict) else item
        pages += _nav_pages(value) if isinstance(value, list) else [value]
    return pages


def test_the_reference_menu_puts_visitors_first_and_every_guide_after() -> None:
    nav = _nav_pages(yaml.safe_load((REPO / "mkdocs.yml").read_text("utf-8"))["nav"])
    audiences = [_audience(page) for page in nav]
    first_guide = audiences.index(next(a for a in audiences if a != "visitors"))
    assert set(audiences[:first_guide]) == {"visitors"}
    assert "visitors" not in audiences[first_guide:]
    assert "cover-your-tracks.md" in nav[:first_guide]
    assert {"safe-messaging.md", "security.md"} <= set(nav[first_guide:])


def test_the_reference_site_asks_for_no_search_highlight_links() -> None:
    for config in (REPO / "mkdocs.yml", REPO / "src/peerkit/site_template/mkdocs.yml"):
        assert "search.highlight" not in config.read_text("utf-8")
