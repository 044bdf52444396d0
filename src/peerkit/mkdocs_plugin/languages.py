"""A site built in several languages with mkdocs-static-i18n: the plugin's side.

The i18n plugin builds the site in its default language, then, from its
on_post_build, runs MkDocs' whole build again for each other language, on the
same config and the same plugin instances, with ``theme.language`` set to that
language and every page of docs/ moved under a folder named after it (``es/``).
Peerkit's hooks so run once per language, the other languages' builds nested
inside the first. What follows:

- Content is loaded and checked in the first build only: its problems are
  reported once, and the nested builds render the same records.
- Each build renders its language's pages (``theme.language``, read in on_files:
  i18n sets it in an on_config that runs after Peerkit's) and puts them under the
  language's folder with their ``src_uri`` unchanged, as i18n does with docs/, so
  that the nav's ``stories/index.md`` finds each language's page.
- Peerkit's on_files runs after i18n's (priority -110, below its -100): i18n 1.3
  takes every page for a file of docs/ and fails on a generated one
  (https://github.com/ultrabug/mkdocs-static-i18n/issues/263).
- What the whole site shares is made once: the exports by the default language's
  render; ``_headers`` and the Pagefind index after every language's pages are
  written, in the first build's on_post_build, which runs after i18n's (again
  -110) and so after the nested builds.
- What i18n does for the pages of docs/ only is done for the generated ones too:
  Material's language switcher leads to the same page in each language, and
  i18n's sitemap lists them. The theme's 404.html, which every build writes at the
  root, stays the default language's there, each other's in its folder.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File

from peerkit.model.settings import language_folder
from peerkit.render.languages import counterpart
from peerkit.translations import available_languages, primary_subtag

I18N = "i18n"
"""The name mkdocs-static-i18n is listed under in mkdocs.yml's plugins."""

AFTER_I18N = -110
"""Hook priority that runs after mkdocs-static-i18n's own hooks (-100)."""


def site_languages(config: MkDocsConfig) -> tuple[str, ...]:
    """The languages the i18n plugin builds, its default first; () without it."""
    i18n = config.plugins.get(I18N)
    if i18n is None:
        return ()
    built = [lang for lang in i18n.config.languages if lang.build]
    return tuple(lang.locale for lang in sorted(built, key=lambda lang: not lang.default))


def untranslated(languages: tuple[str, ...]) -> str | None:
    """Why the site cannot be built in these languages, or None if it can.

    An error, not a warning: without a table, Peerkit's words would be English on
    pages that say they are in another language. The words at stake are the quick
    exit's, the crisis lines' and the content warnings': a visitor must be able to
    read them, and a screen reader to pronounce them.
    """
    have = available_languages()
    missing = [code for code in languages if primary_subtag(code) not in have]
    if not missing:
        return None
    names = ", ".join(repr(code) for code in missing)
    return (
        f"peerkit: plugins.i18n.languages: Peerkit has no words in {names} (it has"
        f" {', '.join(have)}), so its exit button, crisis lines and generated pages would"
        " be in English on pages marked as that language. Set 'build: false' for"
        " the language, or add its translation table to peerkit/translations/"
        " (a translated copy of en.yml)"
    )


class LanguageBuilds:
    """Which of a run's builds is under way: the first, or one nested inside it.

    Each build says it has started (on_files) and finished (on_post_build); a build
    that starts while another has not finished is one of i18n's nested builds.
    """

    def __init__(self) -> None:
        self._running: list[str] = []

    @property
    def nested(self) -> bool:
        """A build (the first) is under way: what starts now is nested in it."""
        return bool(self._running)

    def start(self, language: str) -> None:
        self._running.append(language)

    def finish(self) -> bool:
        """True when the build that finishes is the first (or the only) one."""
        if self._running:
            self._running.pop()
        return not self._running

    def abandon(self) -> None:
        """A build failed: the whole run stops, nested builds with it."""
        self._running.clear()


def point_switcher(config: MkDocsConfig, url: str, languages: tuple[str, ...]) -> None:
    """Material's language switcher on a generated page: to the same page in each
    language (or the nearest one that language has, see `counterpart`).

    The i18n plugin does this for the pages of docs/ only, and leaves on a generated
    page the links of the page before it. ``extra.alternate`` is the switcher Material
    documents: each entry keeps its name and language, and its link becomes the page's
    address in that language, which Material makes relative to the page.
    """
    extra = config.extra
    # Templates read `config.extra.alternate` as an attribute before the key, and the
    # i18n plugin sets each of its pages' switcher as the attribute.
    alternates: list[dict[str, Any]] | None = getattr(extra, "alternate", None) or extra.get(
        "alternate"
    )
    if not alternates or not languages:
        return
    default = languages[0]
    extra.alternate = [
        {**alt, "link": language_folder(alt["lang"], default) + counterpart(url)}
        if alt.get("lang") in languages
        else alt
        for alt in alternates
    ]


def build_others_dirty(config: MkDocsConfig) -> None:
    """Has mkdocs-static-i18n build the other languages dirty, as the first one is.

    It builds them dirty only if "--dirty" is on the command line (1.3 reads
    sys.argv), and `peerkit serve` asks MkDocs for dirty builds through its API:
    without the flag, every save rewrote every page of every other language.
    """
    if I18N in config.plugins and "--dirty" not in sys.argv:
        sys.argv.append("--dirty")


def list_in_sitemap(config: MkDocsConfig, pages: list[File], language: str) -> None:
    """Puts generated pages in the sitemap the i18n plugin writes instead of MkDocs'.

    It lists the pages of docs/ it saw in its on_files, for each language, with each
    page's other languages (``alternates``); Peerkit's come after, so they are added
    to its list, each page its own only alternate. Without the i18n plugin, or with a
    version that keeps no such list, MkDocs' own sitemap lists every page already.
    """
    listed = getattr(config.plugins.get(I18N), "i18n_files_per_language", None)
    if not isinstance(listed, dict) or not isinstance(listed.get(language), list):
        return
    for file in pages:
        file.alternates = {language: file}  # type: ignore[attr-defined]
    listed[language].extend(pages)


NOT_FOUND = "404.html"


def reset_switcher(config: MkDocsConfig) -> None:
    """The switcher of a page that is no page of the site (404.html): to each
    language's home, as the i18n plugin sets it up, not to the last page built."""
    if "alternate" in config.extra:
        config.extra.alternate = config.extra["alternate"]


class NotFoundPages:
    """The default language's "page not found" at the site's root, each other's in its
    folder (es/404.html).

    MkDocs writes the theme's 404.html at the site's root in every build, so each
    nested build would put its language's over the default's. Hosts serve the root's
    for any missing address; those that look for the nearest one first (Cloudflare
    Pages) find each language's in its folder.
    """

    def __init__(self) -> None:
        self._default: str | None = None

    def output(self, html: str, folder: str, site_dir: str) -> str:
        """What MkDocs writes at the root for this build's 404.html."""
        if not folder or self._default is None:
            self._default = html
            return html
        path = Path(site_dir) / folder / NOT_FOUND
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(html, encoding="utf-8")
        return self._default
