"""A small site built in English and Spanish with mkdocs-static-i18n, as an organisation
sets one up: the i18n plugin after peerkit in mkdocs.yml, Spanish docs pages beside
the English ones (index.es.md), content in both languages, its own theme override,
and `search: pagefind`. Built once a session (tests/conftest.py) for the site and
browser tests; `build` also returns what MkDocs printed.
"""

from __future__ import annotations

from pathlib import Path

from tests.commands import run_mkdocs_build
from tests.conftest import TOPICS, SiteBuilder, dump_yaml

MKDOCS_YML = """\
site_name: Two languages
site_url: https://peers.example/
theme:
  name: material
  custom_dir: overrides
  language: en
  font: false
plugins:
  - search
  - peerkit:
      search: pagefind
  - i18n:
      docs_structure: suffix
      languages:
        - locale: en
          default: true
          name: English
          build: true
        - locale: es
          name: Español
          build: true
          nav_translations:
            Stories: Historias
nav:
  - Home: index.md
  - Stories: stories/index.md
  - Find a group: groups/index.md
  - Topics: topics/index.md
  - About: about.md
"""

SPANISH_STORY = "la-primera-reunion"
ENGLISH_STORY = "the-first-meeting"
SPANISH_WORD = "mermelada"
OVERRIDE_MARK = "Words of this organisation's own"
STALE_GROUP = "an-old-listing"


def write_site(root: Path) -> Path:
    """Writes the site under ``root`` and returns its mkdocs.yml."""
    (root / "mkdocs.yml").write_text(MKDOCS_YML, "utf-8")
    docs = root / "docs"
    docs.mkdir()
    (docs / "index.md").write_text("# Welcome\n\nPeople who have been there.\n", "utf-8")
    (docs / "index.es.md").write_text(
        "# Bienvenida\n\nPersonas que han pasado por ello.\n", "utf-8"
    )
    (docs / "about.md").write_text("# About us\n\nOnly in English so far.\n", "utf-8")
    override = root / "overrides" / "partials" / "peerkit" / "disclaimer.html"
    override.parent.mkdir(parents=True)
    override.write_text(f'<div class="pk-disclaimer"><p>{OVERRIDE_MARK}</p></div>\n', "utf-8")
    site = SiteBuilder(root)
    anxiety = TOPICS[0] | {
        "translations": {"es": {"title": "Ansiedad", "description": "Una preocupación."}}
    }
    site.write("topics.yml", dump_yaml([anxiety, TOPICS[1]]))
    site.story(ENGLISH_STORY, {"title": "The first meeting"})
    site.story(
        SPANISH_STORY,
        {"title": "La primera reunión", "language": "es"},
        body=f"El olor a {SPANISH_WORD} en la tostada todavía me lleva atrás.\n",
    )
    site.tip("un-consejo", {"title": "Un consejo", "language": "es"})
    site.group()
    site.group(STALE_GROUP, {"name": "An old listing", "last_verified": "2024-01-10"})
    return root / "mkdocs.yml"


def build(config: Path, out: Path) -> str:
    """`mkdocs build --strict`, the way an organisation builds; what it printed."""
    result = run_mkdocs_build(config.parent, out, config)
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout + result.stderr
