"""A site in Spanish shows Spanish on its generated pages and its theme, not English.

The tables' completeness is test_translations_complete.py's; this file checks
that the templates and page titles actually use them. The small site is
rendered once for the module, so no test builds the same thing twice.
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest

from peerkit.model.settings import Settings
from peerkit.render.page import GeneratedPage
from peerkit.render.site import render_site
from peerkit.render.urls import GROUPS, STORIES, group, story
from tests.conftest import TODAY, SiteBuilder

REPO = Path(__file__).resolve().parents[2]

ENGLISH = ("Content warning", "Show the story", "Anonymous", "Every ", "Find a group", "min read")


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, GeneratedPage]:
    builder = SiteBuilder(tmp_path_factory.mktemp("es"))
    builder.story(
        "dura",
        {"title": "Una historia dura", "content_warnings": ["autolesiones"]},
        omit=["author"],
    )
    builder.story("english", {"title": "In English", "language": "en"})
    builder.tip("es-tip", {"title": "Un consejo", "language": "es"})
    builder.group()
    site, _ = builder.load()
    rendered = render_site(site, Settings(site_name="Prueba", language="es"), TODAY)
    return {page.url: page for page in rendered.pages}


def _text(page: GeneratedPage) -> str:
    """The words a visitor reads or hears: the title, the text and the aria-labels."""
    labels = re.findall(r'aria-label="([^"]*)"', page.html)
    return "\n".join([page.title, re.sub(r"<[^>]+>", " ", page.html), *labels])


@pytest.mark.parametrize(
    ("url", "spanish"),
    [
        (
            story("dura"),
            ["Advertencia de contenido: autolesiones.", "Mostrar la historia", "Anónimo",
             "min de lectura", "14 de marzo de 2026", "Después de leer"],
        ),
        (STORIES, ["Historias", "Anónimo", "Advertencia de contenido: autolesiones"]),
        (
            group("Yorkshire", "a-group"),
            ["Todos los martes, de 18:30 a 20:00", "Próximas reuniones:", "Cómo se reúnen",
             "En persona", "Más grupos en Yorkshire"],
        ),
        (GROUPS, ["Encuentra un grupo", "1 grupo de apoyo entre iguales", "Grupos por región",
                  "Busca y filtra", "Cualquier día", "Martes"]),
    ],
)  # fmt: skip
def test_spanish_site_pages_are_in_spanish(
    pages: dict[str, GeneratedPage], url: str, spanish: list[str]
) -> None:
    text = _text(pages[url])
    for words in spanish:
        assert words in text, (url, words)
    for words in ENGLISH:
        assert words not in text, (url, words)


def test_no_generated_page_shows_the_english_phrases(pages: dict[str, GeneratedPage]) -> None:
    shown = {url: [w for w in ENGLISH if w in _text(page)] for url, page in pages.items()}
    assert {url: found for url, found in shown.items() if found} == {}


def test_the_group_finder_gets_its_words_from_the_page(pages: dict[str, GeneratedPage]) -> None:
    html = pages[GROUPS].html
    assert "data-pk-words='{" in html
    assert "Ahora mismo" in html and "Happening now" not in html


def test_text_in_another_language_than_the_sites_says_so(
    pages: dict[str, GeneratedPage],
) -> None:
    assert '<div class="pk-story" lang="en">' in pages[story("english")].html
    assert '<div class="pk-story">' in pages[story("dura")].html
    assert '<div class="pk-tip">' in pages["tips/es-tip/"].html


def test_theme_language_es_puts_the_theme_in_spanish(tmp_path: Path) -> None:
    """A real build of the reference site with `theme.language: es`."""
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    for name in ("content", "docs", "overrides"):
        shutil.copytree(REPO / name, tmp_path / name)
    config_text = (REPO / "mkdocs.yml").read_text("utf-8")
    assert "\n  language: en\n" in config_text
    (tmp_path / "mkdocs.yml").write_text(
        config_text.replace("\n  language: en\n", "\n  language: es\n"), "utf-8"
    )
    build(load_config(str(tmp_path / "mkdocs.yml"), site_dir=str(tmp_path / "out")))
    home = (tmp_path / "out" / "index.html").read_text("utf-8")
    assert "Salir de este sitio" in home
    assert "Leave this site" not in home
    stories = (tmp_path / "out" / "stories" / "index.html").read_text("utf-8")
    assert "<h1>Historias</h1>" in stories
