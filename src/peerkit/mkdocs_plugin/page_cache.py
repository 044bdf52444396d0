"""Built pages kept between runs of `peerkit build`, so that a small change rebuilds little.

MkDocs renders every page through the theme's templates at every build: some 2 ms a
page, most of a large site's build. A generated page's HTML is a function of what
the theme is given for it (its body, title, metadata, address, place in the
navigation) and of what every page shares (mkdocs.yml, the theme and the site's
overrides, docs/, this Peerkit and the libraries it renders with, the crisis lines).
So each page gets a key, a SHA-256 of all of those, and its built file is kept under
that key in `.cache/peerkit/pages/`. A page's body stands in the key as its body key
(`page_facts`) where it has one: a page kept from the last build is then never
rendered at all, by Peerkit or by the theme.

The pages are keyed when the navigation is known (`on_nav`), before MkDocs reads any
page. A kept page's file is linked into the new site there, and its `File` says it
is not modified, so MkDocs' dirty build (`site_output`) passes over it: 26,000 pages
walked through MkDocs' hooks for nothing cost 8 seconds of a rebuild. Anything
shared that changes changes every key, so a new template, setting or Peerkit version
rebuilds everything. A kept file is used only if its size and modification time are
still those it was kept with, as git trusts its index: the site's files are the
cache's own (hard links), so an edited page or a damaged cache costs time, never a
wrong page.

The cache is used only where every input is known: a site in one language, with no
MkDocs plugins but Peerkit and search, and Pagefind answering the search (Material's
own index is made from every page's text at every build). Anything else builds in
full, as before. Deleting `.cache/peerkit/` is always safe: the next build is a
cold one. The manifest, like the parse cache, is written by Peerkit itself and read
with `marshal` as the site's own trusted data, whole or not at all (`checked_files`).
"""

from __future__ import annotations

import hashlib
import json
import marshal
import os
import platform
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from peerkit.checked_files import read_checked, write_checked
from peerkit.code_digest import files_in, library_version, package_digest
from peerkit.hard_links import link_into, link_or_copy
from peerkit.mkdocs_plugin.rebuilds import ChangedFile
from peerkit.render.page import GeneratedPage
from peerkit.standing_site import KeptPlacer

CACHE_FOLDER = Path(".cache") / "peerkit"
"""Under the site's folder (beside mkdocs.yml)."""
PLUGINS_UNDERSTOOD = frozenset({"peerkit", "search", "material/search"})
"""Plugins whose effect on a page the key is known to cover."""
LIBRARIES = (  # the theme's, besides Peerkit's own (`package_digest`)
    "mkdocs",
    "properdocs",
    "mkdocs-material",
    "jinja2",
    "markdown",
    "pymdown-extensions",
    "pygments",
)
_MANIFEST = "pages.marshal"
_MANIFEST_TAG = "peerkit kept pages"
_FORMAT = 6
_ENV_TAG = re.compile(r"!ENV\s+\[?\s*([A-Za-z_][A-Za-z0-9_]*)")


@dataclass(frozen=True)
class KeptPage:
    """A page's built file in the cache: the SHA-256 of its bytes, its size and time
    (which tell it untouched without reading it), the CSP script hashes found in it (so
    `_headers` needs no second look at the page), and whether its content is in the
    search index (whose parts are keyed by their pages' bytes: `pagefind.Indexer`)."""

    digest: str
    size: int
    mtime_ns: int
    script_hashes: tuple[str, ...]
    content_script: bool
    searchable: bool


def plugins_known(config: MkDocsConfig, languages: int) -> bool:
    """Whether the site is in one language and every plugin is one whose effect on a
    page and on the built site is known: only Peerkit and search then write files."""
    return languages <= 1 and set(config.plugins) <= PLUGINS_UNDERSTOOD


def cache_usable(config: MkDocsConfig, languages: int, search: str) -> bool:
    """Whether every input of a page is one the key covers (see the module's docstring)."""
    return plugins_known(config, languages) and search == "pagefind"


class PageCache:
    """The kept pages of one site, read at the start of a build and written at its end."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._pages = folder / "pages"
        self._known = _read_manifest(folder / _MANIFEST)
        self._keys: dict[str, str] = {}
        """This build's key for each page it may keep, by its path in the site."""
        self._kept: dict[str, KeptPage] = {}
        """The pages this build takes from the cache, by their path in the site."""
        self._made: dict[str, tuple[str, tuple[str, ...], bool, bool]] = {}

    def choose(
        self,
        config: MkDocsConfig,
        files: Files,
        nav: Navigation,
        pages: Mapping[str, GeneratedPage],
        theme: tuple[Iterable[Path], object, date],
    ) -> dict[str, KeptPage]:
        """Key every generated page and keep those built before: their files say they are
        unmodified, so MkDocs' dirty build passes over them. The pages kept, by path.

        ``theme`` is what the theme is given besides the page: the site's theme folders,
        the data Peerkit gives its templates, and the day."""
        theme_dirs, theme_data, today = theme
        shared = _shared_key(config, nav, theme_dirs, theme_data, today)
        in_nav = {id(page) for page in nav.pages}
        for file in files.documentation_pages():
            generated = pages.get(file.src_uri)
            page = file.page
            if generated is None or page is None or id(page) in in_nav:
                continue
            if not isinstance(file, ChangedFile):
                continue
            key = self._keys[file.dest_uri] = _page_key(shared, page, generated)
            kept = self._known.get(key)
            kept = self._intact(key, kept) if kept is not None else None
            if kept is not None:
                file.changed = False
                self._kept[file.dest_uri] = kept
        return self._kept

    def kept_pages(self) -> list[str]:
        """The paths in the site of the pages this build takes from the cache."""
        return list(self._kept)

    def place(self, site_dir: Path, standing: str | None = None) -> None:
        """Put the kept pages' files into the site being built (a new, empty folder),
        but for those that site/ holds already, if it is updated where it stands
        (``standing``: `standing_site`)."""
        placer = KeptPlacer(str(site_dir), standing)
        for dest_uri in self._kept:
            placer.place(str(self._path(self._keys[dest_uri])), dest_uri)

    def made(
        self,
        dest_uri: str,
        digest: str,
        hashes: Iterable[str],
        content_script: bool,
        searchable: bool,
    ) -> None:
        """A page rendered in full, as MkDocs is about to write it (see `KeptPage`)."""
        if dest_uri in self._keys:
            scripts = tuple(sorted(set(hashes)))
            self._made[dest_uri] = (digest, scripts, content_script, searchable)

    def save(self, site_dir: Path) -> None:
        """Keep this build's pages (linked from ``site_dir``) and forget all others."""
        self._pages.mkdir(parents=True, exist_ok=True)
        known: dict[str, KeptPage] = {self._keys[d]: kept for d, kept in self._kept.items()}
        for dest_uri, (digest, hashes, content_script, searchable) in self._made.items():
            key = self._keys[dest_uri]
            built, kept_path = os.path.join(site_dir, dest_uri), self._path(key)
            try:
                # One call a page: 26,000 of them at the end of a cold build.
                link_into(built, str(kept_path))
            except FileExistsError:
                link_or_copy(Path(built), kept_path)  # a damaged file kept under this key
            except FileNotFoundError:
                continue  # a page MkDocs did not write
            status = os.stat(kept_path)
            known[key] = KeptPage(
                digest, status.st_size, status.st_mtime_ns, hashes, content_script, searchable
            )
        # The pages of the last build that this one did not keep; a cache whose manifest
        # was lost is cleared (a page not in it would stay forever otherwise).
        stale = (
            (self._path(key) for key in self._known.keys() - known.keys())
            if self._known
            else (path for path in self._pages.iterdir() if path.stem not in known)
        )
        for path in stale:
            path.unlink(missing_ok=True)
        _write_manifest(self.folder / _MANIFEST, known)
        # The manifest of an older Peerkit, which this one never reads.
        (self.folder / "pages.json").unlink(missing_ok=True)

    def _path(self, key: str) -> Path:
        return self._pages / f"{key}.html"

    def _intact(self, key: str, kept: KeptPage) -> KeptPage | None:
        """The kept page if its file is as it was kept, with its status now; else None.

        A file with its size and time is trusted unread. A CI service restores the cache
        from an archive that may keep times to the second only: such a file is read,
        and trusted if its bytes are the same (and its new time kept for the next build)."""
        path = self._path(key)
        try:
            status = os.stat(path)
        except OSError:
            return None
        if status.st_size != kept.size:
            return None
        if status.st_mtime_ns == kept.mtime_ns:
            return kept
        try:
            data = path.read_bytes()
        except OSError:
            return None
        if hashlib.sha256(data).hexdigest() != kept.digest:
            return None
        return replace(kept, mtime_ns=status.st_mtime_ns)


def _shared_key(
    config: MkDocsConfig,
    nav: Navigation,
    theme_dirs: Iterable[Path],
    theme_data: object,
    today: date,
) -> str:
    """What every page's HTML depends on besides the page itself."""
    digest = hashlib.sha256()
    digest.update(f"format {_FORMAT}\n".encode())
    digest.update(f"peerkit {package_digest()}\n".encode())
    digest.update(f"python {platform.python_version()}\n".encode())
    for library in LIBRARIES:
        digest.update(f"{library} {library_version(library)}\n".encode())
    config_file = Path(config.config_file_path)
    text = config_file.read_bytes()
    digest.update(text)
    for name in sorted(set(_ENV_TAG.findall(text.decode("utf-8", "replace")))):
        digest.update(f"env {name}={os.environ.get(name)!r}\n".encode())
    resolved = {
        key: config.get(key)
        for key in ("site_name", "site_url", "repo_url", "edit_uri", "copyright", "extra")
    }
    digest.update(_json(resolved).encode())
    dated = False
    for folder in (Path(config.docs_dir), *theme_dirs):
        for path, data in files_in(folder):
            digest.update(f"{path}\n{len(data)}\n".encode())
            digest.update(data)
            dated = dated or b"build_date" in data
    if dated:
        # A template that shows the build's date makes every day's pages new.
        digest.update(today.isoformat().encode())
    digest.update(_json(theme_data).encode())
    digest.update(_json(_nav_outline(nav.items)).encode())
    return digest.hexdigest()


def _page_key(shared: str, page: Page, generated: GeneratedPage) -> str:
    """The shared key with everything the theme is given about this one page: its
    address and the facts and body the plugin hands MkDocs for it (`plugin`)."""
    file = page.file
    # A tuple of texts, flags and None, whose repr is the same in every process: JSON
    # with sorted keys was a third of a second at 26,000 pages.
    parts = (
        file.src_uri,
        file.dest_uri,
        page.url,
        page.canonical_url,
        page.edit_url,
        generated.url,
        generated.title,
        generated.description,
        generated.jsonld,
        generated.on_a_list,
        generated.directory,
        generated.next_meetings,
        tuple((feed.path, feed.title) for feed in generated.feeds),
        file.inclusion.name,
    )
    digest = hashlib.sha256(shared.encode())
    digest.update(repr(parts).encode("utf-8", "surrogatepass"))
    if generated.body_key is not None:
        digest.update(f"body {generated.body_key}".encode())
    else:
        digest.update(generated.html.encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


def _nav_outline(items: Iterable[Any]) -> list[Any]:
    return [
        [
            type(item).__name__,
            getattr(item, "title", None),
            getattr(item, "url", None),
            _nav_outline(getattr(item, "children", None) or []),
        ]
        for item in items
    ]


def _json(value: object) -> str:
    return json.dumps(value, sort_keys=True, default=repr, ensure_ascii=True)


def _read_manifest(path: Path) -> dict[str, KeptPage]:
    """The kept pages by key; none if the manifest is missing, damaged (`checked_files`)
    or of another format."""
    payload = read_checked(path, _MANIFEST_TAG)
    if payload is None:
        return {}
    try:
        found = marshal.loads(payload)
        if not (isinstance(found, tuple) and len(found) == 2 and found[0] == _FORMAT):
            return {}
        return {key: KeptPage(*entry) for key, entry in found[1].items()}
    except (ValueError, EOFError, TypeError, AttributeError):
        return {}


def _write_manifest(path: Path, pages: dict[str, KeptPage]) -> None:
    """The kept pages as plain data for `marshal`: the manifest of a large site is 26,000
    entries, which JSON took half a second a build to read and write."""
    entries = {
        key: (
            kept.digest,
            kept.size,
            kept.mtime_ns,
            kept.script_hashes,
            kept.content_script,
            kept.searchable,
        )
        for key, kept in pages.items()
    }
    write_checked(path, _MANIFEST_TAG, marshal.dumps((_FORMAT, entries)))
