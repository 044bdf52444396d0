"""A site built in English and Spanish with mkdocs-static-i18n: what lands where.

The site (tests/site/languages_site.py) is built once a session; these tests read
its output: Spanish at /es/, English at the root, each record in the right
language, what the whole site shares written once at the root.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import sys
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import pytest

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

from mkdocs.config import load_config
from mkdocs.exceptions import PluginError

from peerkit.mkdocs_plugin.plugin import PeerkitPlugin
from peerkit.render.headers import inline_scripts, script_hash
from tests.commands import run_mkdocs_build, run_peerkit
from tests.conftest import BuiltSite
from tests.site.languages_site import (
    ENGLISH_STORY,
    MKDOCS_YML,
    OVERRIDE_MARK,
    SPANISH_STORY,
    STALE_GROUP,
    write_site,
)

GROUP = "groups/yorkshire/a-group/"


@pytest.fixture
def out(two_language_site: BuiltSite) -> Path:
    return two_language_site.output


def _page(out: Path, url: str) -> str:
    return (out / url / "index.html").read_text("utf-8")


def _lang(html: str) -> str:
    found = re.search(r'<html lang="([^"]+)"', html)
    assert found, "the page has no <html lang>"
    return found[1]


def test_spanish_is_under_es_and_english_at_the_root(out: Path) -> None:
    for url in ("", "stories/", GROUP, "topics/"):
        english, spanish = _page(out, url), _page(out, "es/" + url)
        assert (_lang(english), _lang(spanish)) == ("en", "es"), url
        assert "Leave this site" in english and "Leave this site" not in spanish, url
        assert "Salir de este sitio" in spanish, url
    assert "<h1>Historias</h1>" in _page(out, "es/stories/")
    assert "Todos los martes, de 18:30 a 20:00" in _page(out, "es/" + GROUP)
    assert "Bienvenida" in _page(out, "es/")


def test_a_docs_page_without_a_spanish_version_falls_back_to_english(out: Path) -> None:
    about = _page(out, "es/about/")
    assert "Only in English so far." in about
    assert _lang(about) == "es" and "Salir de este sitio" in about


def test_a_story_appears_only_in_its_own_language(out: Path) -> None:
    assert (out / "es" / "stories" / SPANISH_STORY / "index.html").is_file()
    assert not (out / "stories" / SPANISH_STORY).exists()
    assert not (out / "es" / "stories" / ENGLISH_STORY).exists()
    assert "La primera reunión" in _page(out, "es/stories/")
    assert "The first meeting" not in _page(out, "es/stories/")
    assert "La primera reunión" not in _page(out, "stories/")
    assert "The first meeting" in _page(out, "stories/")
    assert (out / "es" / "tips" / "un-consejo" / "index.html").is_file()
    assert not (out / "tips" / "un-consejo").exists()


def test_groups_appear_in_both_languages(out: Path) -> None:
    english, spanish = _page(out, GROUP), _page(out, "es/" + GROUP)
    assert "We meet and talk." in english and "We meet and talk." in spanish
    assert '<p class="pk-description" lang="en">We meet and talk.</p>' in spanish


def test_a_translated_topic_has_its_spanish_title(out: Path) -> None:
    assert "<h1>Ansiedad</h1>" in _page(out, "es/topics/anxiety/")
    assert "<h1>Anxiety</h1>" in _page(out, "topics/anxiety/")
    assert '<h1 lang="en">Grief and loss</h1>' in _page(out, "es/topics/grief/")


def test_the_sites_own_theme_overrides_hold_in_every_language(out: Path) -> None:
    assert OVERRIDE_MARK in _page(out, "es/stories/")
    assert OVERRIDE_MARK in _page(out, "stories/")


class _Links(HTMLParser):
    """The links a visitor follows (<a href>), but the language switcher's (hreflang)."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        href = values.get("href")
        if tag == "a" and href and "hreflang" not in values:
            self.found.append(href)


def test_links_on_spanish_pages_stay_among_the_spanish_pages(out: Path) -> None:
    site = out.resolve()
    leaving: dict[str, list[str]] = {}
    for page in sorted((site / "es").rglob("*.html")):
        parser = _Links()
        parser.feed(page.read_text("utf-8"))
        for href in parser.found:
            address = re.split("[#?]", href)[0]
            if not address or re.match(r"^[a-z]+:", address):
                continue
            target = (
                site / address.lstrip("/") if address.startswith("/") else page.parent / address
            )
            relative = target.resolve().relative_to(site).as_posix()
            # Calendars are the same in every language: written once, at the root.
            if not relative.startswith("es") and not relative.endswith(".ics"):
                leaving.setdefault(page.relative_to(site).as_posix(), []).append(href)
    assert leaving == {}
    assert '"../../../../groups/yorkshire/a-group/calendar.ics"' in _page(out, "es/" + GROUP)


def test_the_language_switcher_of_a_generated_page_leads_to_the_same_page(out: Path) -> None:
    switcher = re.compile(r'href="([^"]+)" hreflang="(\w+)" class="md-select__link"')
    assert dict((lang, href) for href, lang in switcher.findall(_page(out, GROUP))) == {
        "en": "./",
        "es": "../../../es/groups/yorkshire/a-group/",
    }
    story = _page(out, f"es/stories/{SPANISH_STORY}/")
    assert ("../../../stories/", "en") in switcher.findall(story)


def test_exports_are_written_once_at_the_root(out: Path) -> None:
    shared = [
        "groups/meeting-guide.json",
        "groups/hsds/services.json",
        "groups/yorkshire/a-group/calendar.ics",
        "groups/yorkshire/calendar.ics",
        "schemas/story.json",
    ]
    for path in shared:
        assert (out / path).is_file(), path
        assert not (out / "es" / path).exists(), path
    assert not list((out / "es").rglob("*.ics"))
    feed = (out / "es" / "stories" / "feed.xml").read_text("utf-8")
    assert 'xml:lang="es"' in feed and SPANISH_STORY in feed and ENGLISH_STORY not in feed


def test_headers_at_the_root_allow_the_inline_scripts_of_spanish_pages(out: Path) -> None:
    assert not (out / "es" / "_headers").exists()
    headers = (out / "_headers").read_text("utf-8")
    english = {
        script_hash(text)
        for page in out.rglob("*.html")
        if not page.relative_to(out).as_posix().startswith("es/")
        for text in inline_scripts(page.read_text("utf-8")).theme
    }
    spanish = {script_hash(text) for text in inline_scripts(_page(out, "es/" + GROUP)).theme}
    assert spanish - english, "a Spanish page deeper than any English one has scripts of its own"
    assert all(digest in headers for digest in spanish)


def test_one_pagefind_index_serves_both_languages(out: Path) -> None:
    entry = json.loads((out / "pagefind" / "pagefind-entry.json").read_text("utf-8"))
    assert {"en", "es"} <= set(entry["languages"])
    assert not (out / "es" / "pagefind").exists()


def test_each_language_has_its_page_not_found(out: Path) -> None:
    assert _lang((out / "404.html").read_text("utf-8")) == "en"
    assert _lang((out / "es" / "404.html").read_text("utf-8")) == "es"


def test_the_sitemap_lists_the_generated_pages_of_both_languages(out: Path) -> None:
    sitemap = (out / "sitemap.xml").read_text("utf-8")
    assert f"<loc>https://peers.example/{GROUP}</loc>" in sitemap
    assert f"<loc>https://peers.example/es/stories/{SPANISH_STORY}/</loc>" in sitemap


def test_content_problems_are_reported_once_not_once_a_language(
    two_language_site: BuiltSite,
) -> None:
    warnings = [line for line in two_language_site.log.splitlines() if STALE_GROUP in line]
    assert len(warnings) == 1, two_language_site.log


def test_a_language_without_a_translation_table_stops_the_build(tmp_path: Path) -> None:
    config_text = MKDOCS_YML.replace(
        "          nav_translations:\n",
        "        - locale: fr\n          name: Français\n          build: true\n"
        "          nav_translations:\n",
    )
    write_site(tmp_path).write_text(config_text, "utf-8")
    config = load_config(str(tmp_path / "mkdocs.yml"))
    plugin = config.plugins["peerkit"]
    assert isinstance(plugin, PeerkitPlugin)
    with pytest.raises(PluginError) as raised:
        plugin.on_config(config)
    message = str(raised.value)
    assert "plugins.i18n.languages" in message and "'fr'" in message
    assert "build: false" in message


def test_peerkit_build_builds_every_language_into_site(tmp_path: Path) -> None:
    write_site(tmp_path)
    result = run_peerkit(tmp_path, "build")
    assert result.returncode == 0, result.stdout + result.stderr
    assert (tmp_path / "site" / "es" / "stories" / SPANISH_STORY / "index.html").is_file()
    assert (tmp_path / "site" / "_headers").is_file()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".site")] == []
    shutil.rmtree(tmp_path / "site")


def _serve_build(config: Path, out: Path, first: bool = False) -> None:
    """A build the way `peerkit serve` runs one: a fresh config, dirty, into one folder;
    the first after the check the command starts with."""
    from mkdocs.commands.build import build

    from peerkit.mkdocs_plugin.opening import open_preview

    if first:
        opened, problems = open_preview(config, date.today(), site_dir=str(out))
        assert opened is not None, problems
    loaded = load_config(str(config), site_dir=str(out))
    if first:
        loaded.plugins.on_startup(command="serve", dirty=True)
    build(loaded, dirty=True)


def test_a_save_under_serve_shows_in_its_language_and_leaves_every_other_page(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "argv", list(sys.argv))  # the plugin adds --dirty for i18n
    config, out = write_site(tmp_path), tmp_path / "preview"
    _serve_build(config, out, first=True)
    english, spanish = out / GROUP / "index.html", out / "es" / GROUP / "index.html"
    before = english.stat().st_mtime_ns, spanish.stat().st_mtime_ns
    story = tmp_path / "content" / "stories" / f"{SPANISH_STORY}.md"
    story.write_text(story.read_text("utf-8").replace("La primera reunión", "Otra vez"), "utf-8")
    _serve_build(config, out)
    assert "<h1>Otra vez</h1>" in _page(out, f"es/stories/{SPANISH_STORY}/")
    assert (english.stat().st_mtime_ns, spanish.stat().st_mtime_ns) == before


def test_a_docs_file_at_an_exports_address_still_stops_the_build(tmp_path: Path) -> None:
    """The exports are written by the default language's build; the other languages'
    builds, nested inside it, leave that build's writing and checking of them alone."""
    config = write_site(tmp_path)
    (tmp_path / "docs" / "groups").mkdir()
    (tmp_path / "docs" / "groups" / "meeting-guide.json").write_text("[]", "utf-8")
    result = run_mkdocs_build(tmp_path, tmp_path / "out", config, strict=False)
    assert result.returncode != 0
    assert "docs/groups/meeting-guide.json has the same address" in result.stdout + result.stderr
