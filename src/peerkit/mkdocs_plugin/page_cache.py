"""Built pages kept between runs of `peerkit build`, so that a small change rebuilds little.

MkDocs renders every page through the theme's templates at every build: some 2 ms a
page, most of a large site's build. A page's HTML is a function of what the theme is
given for it (its content, title, metadata, address, place in the navigation) and of
what every page shares (mkdocs.yml, the theme and the site's overrides, docs/, this
Peerkit and the libraries it renders with, the crisis lines). So each page gets a key,
a SHA-256 of all of those, and its built file is kept under that key in
`.cache/peerkit/pages/`. At the next build a page whose key is known is not rendered:
MkDocs is handed an empty template for it, and the kept file is linked into the new
site. Anything shared that changes changes every key, so a new template, setting or
Peerkit version rebuilds everything. A kept file is used only if its bytes still hash
to what was stored, so a damaged or edited cache costs time, never a wrong page.

The cache is used only where every input is known: a site in one language, with no
MkDocs plugins but Peerkit and search. Anything else builds in full, as before.
Deleting `.cache/peerkit/` is always safe: the next build is a cold one.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import platform
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from importlib import metadata
from pathlib import Path
from typing import Any

from jinja2 import ChoiceLoader, DictLoader, Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

import peerkit
from peerkit.hard_links import link_or_copy

CACHE_FOLDER = Path(".cache") / "peerkit"
"""Under the site's folder (beside mkdocs.yml)."""
CACHED_TEMPLATE = "peerkit/kept-page.html"
"""The empty template a kept page is given: MkDocs writes nothing for empty output."""
PLUGINS_UNDERSTOOD = frozenset({"peerkit", "search", "material/search"})
"""Plugins whose effect on a page the key is known to cover."""
LIBRARIES = (
    "mkdocs",
    "properdocs",
    "mkdocs-material",
    "jinja2",
    "markdown",
    "pymdown-extensions",
    "pygments",
)
_MANIFEST = "pages.json"
_FORMAT = 1
_ENV_TAG = re.compile(r"!ENV\s+\[?\s*([A-Za-z_][A-Za-z0-9_]*)")
_SKIPPED = re.compile(r"^Page skipped: '(.*)'\. Generated empty output\.$")


@dataclass(frozen=True)
class KeptPage:
    """A page's built file in the cache: its bytes' digest and the CSP script hashes found
    in it (so `_headers` needs no second look at the page)."""

    digest: str
    script_hashes: tuple[str, ...]
    content_script: bool


def cache_usable(config: MkDocsConfig, languages: int) -> bool:
    """Whether every input of a page is one the key covers (see the module's docstring)."""
    return languages <= 1 and set(config.plugins) <= PLUGINS_UNDERSTOOD


class PageCache:
    """The kept pages of one site, read at the start of a build and written at its end."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._pages = folder / "pages"
        self._known = _read_manifest(folder / _MANIFEST)
        self._keys: dict[str, str] = {}
        """This build's key for each page built, by its path in the site."""
        self._kept: dict[str, KeptPage] = {}
        """The pages this build takes from the cache, by their path in the site."""
        self._made: dict[str, KeptPage] = {}
        self._skipped_quietly: _QuietSkips | None = None

    def choose(
        self,
        env: Environment,
        config: MkDocsConfig,
        files: Files,
        nav: Navigation | None,
        theme_dirs: Iterable[Path],
        today: date,
    ) -> int:
        """Key every page and mark those already built for the empty template; how many.

        Called when every page has been read and every plugin has seen it (MkDocs'
        `on_env`), before any is rendered."""
        shared = _shared_key(env, config, nav, theme_dirs, today)
        env.loader = ChoiceLoader([DictLoader({CACHED_TEMPLATE: ""}), env.loader])
        for file in files.documentation_pages():
            page = file.page
            if page is None:
                continue
            key = _page_key(shared, page)
            self._keys[file.dest_uri] = key
            kept = self._known.get(key)
            if kept is not None and self._intact(key, kept):
                page.meta["template"] = CACHED_TEMPLATE
                self._kept[file.dest_uri] = kept
        if self._kept:
            self._skipped_quietly = _QuietSkips({f.src_uri for f in _kept_files(files, self._kept)})
            logging.getLogger("mkdocs.commands.build").addFilter(self._skipped_quietly)
        return len(self._kept)

    def kept(self, dest_uri: str) -> KeptPage | None:
        return self._kept.get(dest_uri)

    def place(self, dest_uri: str, destination: Path) -> None:
        """Put a kept page's file into the site being built."""
        destination.parent.mkdir(parents=True, exist_ok=True)
        link_or_copy(self._path(self._keys[dest_uri]), destination)

    def made(self, dest_uri: str, output: str, hashes: Iterable[str], content_script: bool) -> None:
        """A page rendered in full, as MkDocs is about to write it."""
        if dest_uri not in self._keys:
            return
        data = output.encode("utf-8", errors="xmlcharrefreplace")
        digest = hashlib.sha256(data).hexdigest()
        self._made[dest_uri] = KeptPage(digest, tuple(sorted(set(hashes))), content_script)

    def save(self, site_dir: Path) -> None:
        """Keep this build's pages (linked from ``site_dir``) and forget all others."""
        self.stop()
        self._pages.mkdir(parents=True, exist_ok=True)
        known: dict[str, KeptPage] = {self._keys[d]: kept for d, kept in self._kept.items()}
        for dest_uri, made in self._made.items():
            built = site_dir / dest_uri
            if built.is_file():
                link_or_copy(built, self._path(self._keys[dest_uri]))
                known[self._keys[dest_uri]] = made
        for path in self._pages.iterdir():
            if path.stem not in known:
                path.unlink(missing_ok=True)
        _write_manifest(self.folder / _MANIFEST, known)

    def stop(self) -> None:
        """The build is over (or failed): MkDocs' log says again what it skips."""
        if self._skipped_quietly is not None:
            logging.getLogger("mkdocs.commands.build").removeFilter(self._skipped_quietly)
            self._skipped_quietly = None

    def _path(self, key: str) -> Path:
        return self._pages / f"{key}.html"

    def _intact(self, key: str, kept: KeptPage) -> bool:
        path = self._path(key)
        return path.is_file() and _digest(path) == kept.digest


class _QuietSkips(logging.Filter):
    """MkDocs logs every page it writes nothing for: not news for a kept page."""

    def __init__(self, src_uris: set[str]) -> None:
        super().__init__()
        self.src_uris = src_uris

    def filter(self, record: logging.LogRecord) -> bool:
        found = _SKIPPED.match(record.getMessage())
        return found is None or found.group(1) not in self.src_uris


def _kept_files(files: Files, kept: dict[str, KeptPage]) -> Iterator[Any]:
    return (f for f in files.documentation_pages() if f.dest_uri in kept)


def _shared_key(
    env: Environment,
    config: MkDocsConfig,
    nav: Navigation | None,
    theme_dirs: Iterable[Path],
    today: date,
) -> str:
    """What every page's HTML depends on besides the page itself."""
    digest = hashlib.sha256()
    digest.update(f"format {_FORMAT}\n".encode())
    digest.update(f"peerkit {peerkit.__version__}\n".encode())
    digest.update(f"python {platform.python_version()}\n".encode())
    for library in LIBRARIES:
        digest.update(f"{library} {_version(library)}\n".encode())
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
    folders = [Path(peerkit.__file__).parent, Path(config.docs_dir), *theme_dirs]
    dated = False
    for folder in folders:
        for path, data in _files_in(folder):
            digest.update(f"{path}\n{len(data)}\n".encode())
            digest.update(data)
            dated = dated or b"build_date" in data
    if dated:
        # A template that shows the build's date makes every day's pages new.
        digest.update(today.isoformat().encode())
    digest.update(_json(env.globals.get("peerkit")).encode())
    digest.update(_json(_nav_outline(nav.items if nav is not None else [])).encode())
    return digest.hexdigest()


def _page_key(shared: str, page: Page) -> str:
    """The shared key with everything the theme is given about this one page."""
    file = page.file
    parts = {
        "src": file.src_uri,
        "dest": file.dest_uri,
        "url": page.url,
        "canonical": page.canonical_url,
        "edit": page.edit_url,
        "title": page.title,
        "meta": page.meta,
        "toc": str(page.toc),
        "previous": page.previous_page.url if page.previous_page else None,
        "next": page.next_page.url if page.next_page else None,
        "ancestors": [a.title for a in page.ancestors],
        "homepage": page.is_homepage,
        "inclusion": file.inclusion.name,
    }
    digest = hashlib.sha256(shared.encode())
    digest.update(_json(parts).encode())
    digest.update((page.content or "").encode("utf-8", "surrogatepass"))
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


def _files_in(folder: Path) -> Iterator[tuple[str, bytes]]:
    if folder.is_file():
        yield folder.name, folder.read_bytes()
        return
    if not folder.is_dir():
        return
    for path in sorted(folder.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            yield path.relative_to(folder).as_posix(), path.read_bytes()


def _json(value: object) -> str:
    return json.dumps(value, sort_keys=True, default=repr, ensure_ascii=True)


def _version(library: str) -> str:
    try:
        return metadata.version(library)
    except metadata.PackageNotFoundError:
        return "-"


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _read_manifest(path: Path) -> dict[str, KeptPage]:
    """The kept pages by key; none if the manifest is missing, damaged or of another format."""
    try:
        data = json.loads(path.read_text("utf-8"))
        if data.get("format") != _FORMAT:
            return {}
        return {
            key: KeptPage(entry["digest"], tuple(entry["scripts"]), bool(entry["content_script"]))
            for key, entry in data["pages"].items()
        }
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return {}


def _write_manifest(path: Path, pages: dict[str, KeptPage]) -> None:
    data = {
        "format": _FORMAT,
        "pages": {
            key: {
                "digest": kept.digest,
                "scripts": list(kept.script_hashes),
                "content_script": kept.content_script,
            }
            for key, kept in sorted(pages.items())
        },
    }
    temporary = path.with_name(path.name + ".new")
    temporary.write_text(json.dumps(data, separators=(",", ":")), "utf-8")
    os.replace(temporary, path)
