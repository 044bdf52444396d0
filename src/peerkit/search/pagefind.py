"""Pagefind: a search index that a visitor's browser loads in small pieces.

Material's own search writes every word of every page into one
search_index.json, and every visitor's browser downloads all of it as a page
opens: 4.4 MB at 1,000 stories, and it grows with the site. Pagefind splits its
index into chunks by word and loads only the chunks a query needs, then one
small fragment for each result shown. It runs once over the built HTML, so it
indexes exactly what visitors see.

The `pagefind` package on PyPI ships the indexer's binary (the `pagefind[bin]`
extra, through `peerkit[pagefind]`).
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import shutil
import stat
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import IO, Any

from peerkit.background_removal import left_behind, remove_in_background
from peerkit.hard_links import Folders, as_kept, files_below, link_into, link_or_copy
from peerkit.standing_site import KeptPlacer

INDEX_DIR = "pagefind"
"""Where the index goes, inside the built site; search-worker.js loads it from here."""

PAGES_PER_PART = 1_000
"""Pages a single indexer run reads: about 170 MB of memory for pages of 700 words, while
the build itself holds about a gigabyte; each part costs a search one more small file."""

POLL_SECONDS = 0.05
"""How often `Indexer.poll` looks whether a run has ended: a look at every page was
0.4 s of a large build."""

PARTS_FILE = "parts.json"
"""In INDEX_DIR: the further parts of the index (pagefind-2/, ...) the browser merges."""

BODY_ATTRIBUTE = "data-pagefind-body"
"""Marks a page's own content: Pagefind indexes only what is inside, on pages that have it."""

# Inside the content, what would make every page of a kind match: the note after
# each story, heading permalinks, and forms (the directory's filters).
EXCLUDED = (".pk-after", ".headerlink", "form", ".pk-print-url")


class PagefindError(Exception):
    """Pagefind is not installed, or its indexer failed; the message says what to do."""


def check_installed() -> None:
    """Raise PagefindError unless the indexer can run, before a build starts."""
    if importlib.util.find_spec("pagefind") is None:
        raise PagefindError(
            "search: pagefind needs the Pagefind indexer: pip install 'peerkit[pagefind]'"
        )
    from pagefind.service import get_executable

    if get_executable() is None:
        raise PagefindError(
            "search: pagefind found the pagefind package but not its binary:"
            " pip install 'peerkit[pagefind]' (it brings pagefind[bin])"
        )


class Indexer:
    """Indexes a site's pages into ``site_dir/pagefind`` and, past PAGES_PER_PART pages,
    into further parts that the browser merges (`PARTS_FILE`), as they are written.

    Pagefind holds memory for every HTML file it reads, even one it then leaves out
    of the index, and more the more words a page has: pointed at a site of 26,000
    pages it needs 1.5 GB, and 1 GB for 5,000 stories alone. So each run reads a
    mirror holding only its part's pages, made of hard links (copies where links
    cannot be made), and writes its index into the real site: the memory a build
    needs stays the same however many stories a site grows to. A part's run starts
    as soon as its pages are on disk and the run before it is done, beside the
    build, and `finish` waits for the last.

    With ``kept`` (a folder of `peerkit build`'s cache), each part's index is kept under
    a key of its pages' paths and bytes, and a part whose pages are all as they were
    at the last build takes its index from there instead of running the indexer: an
    edited story re-indexes its own part only. The indexer's output is a function of
    those pages alone, so the index is the one a cold build makes.
    """

    def __init__(
        self, site_dir: Path, kept: Path | None = None, standing: str | None = None
    ) -> None:
        self.site_dir = site_dir
        self.kept = kept
        self.standing = standing
        """site/, if it is updated where it stands (`standing_site`): the kept parts'
        files it holds already stay there, and so may pages to index."""
        self._placer = KeptPlacer(str(site_dir), standing)
        self.reused = 0
        """Parts whose index came from ``kept``."""
        self.kept_files: list[str] = []
        """The paths in the site of the kept parts' files."""
        self._keys: dict[int, str] = {}
        self.parts: list[list[str]] = []
        self._pending: list[str] = []
        self._waiting: list[int] = []
        self._running: tuple[subprocess.Popen[bytes], Path, IO[bytes]] | None = None
        self._mirrors = _mirrors_folder(site_dir.parent)
        self._failures: list[str] = []
        self._polled = 0.0
        self.digests: dict[str, bytes] = {}
        """The SHA-256 of pages whose bytes the build knows (pages it rendered or kept),
        so that a part's key need not read them back (`_part_key`)."""

    def written(self, page: str) -> None:
        """``page`` (a path inside the site, marked for the index) is on disk."""
        self._pending.append(page)
        if len(self._pending) >= PAGES_PER_PART:
            self._close_part()
        self._next()

    def all_written(self) -> None:
        """Every page to index is on disk: the last part need not wait for ``finish``."""
        if self._pending:
            self._close_part()
        self._next()

    def poll(self) -> None:
        """Start the next waiting part if the run before it is done: called for every
        page the build writes, it looks at most every `POLL_SECONDS`. The pages to
        index are written first, and a part's run ended while the group pages were
        written started the next one only at the build's end: five parts one after
        another, six seconds of a large cold build spent waiting for them."""
        now = time.monotonic()
        if now - self._polled >= POLL_SECONDS:
            self._polled = now
            self._next()

    def finish(self) -> None:
        """Index what is left, wait for every part, and name the parts to merge."""
        if self._pending or not self.parts:
            self._close_part()
        while self._running is not None or self._waiting:
            if self._running is not None:
                self._running[0].wait()
            self._next()
        remove_in_background(self._mirrors)
        if self._failures:
            raise PagefindError("\n".join(self._failures))
        if self.kept is not None:
            _forget_others(self.kept, set(self._keys.values()))
        merge = [f"{_folder(n)}/" for n in range(1, len(self.parts))]
        (self.site_dir / INDEX_DIR).mkdir(exist_ok=True)  # the first part may be kept
        (self.site_dir / INDEX_DIR / PARTS_FILE).write_text(
            json.dumps({"merge": merge}) + "\n", "utf-8"
        )

    def cancel(self) -> None:
        if self._running is not None:
            self._running[0].kill()
            self._running[0].wait()
            self._running[2].close()
            self._running = None
        shutil.rmtree(self._mirrors, ignore_errors=True)

    def _close_part(self) -> None:
        """Make the mirror of the pending pages: one more part waits for its run."""
        pages, self._pending = self._pending, []
        number = len(self.parts)
        self.parts.append(pages)
        if self.kept is not None:
            key = self._keys[number] = _part_key(self._built, pages, self.digests)
            placed = _link_kept(self.kept / key, self._placer, _folder(number))
            if placed is not None:
                self.kept_files += placed
                self.reused += 1
                return
        mirror = os.path.join(self._mirrors, str(number))
        folders = Folders(str(self._mirrors))
        for page in pages:
            target = os.path.join(mirror, page)
            folders.make(os.path.dirname(target))
            link_into(self._built(page), target)
        self._waiting.append(number)

    def _built(self, page: str) -> str:
        """Where a page of the site being built is: in its new folder, or in site/ if it
        is kept there (`standing_site`)."""
        made = os.path.join(self.site_dir, page)
        if self.standing is None or os.path.exists(made):
            return made
        return os.path.join(self.standing, page)

    def _next(self) -> None:
        """Collect a finished run and start the next waiting part: one run at a time."""
        if self._running is not None:
            process, mirror, log = self._running
            if process.poll() is None:
                return
            log.seek(0)
            if process.returncode != 0:
                output = log.read().decode("utf-8", "replace")
                self._failures.append(
                    f"the Pagefind indexer failed ({process.returncode}):\n{output}"
                )
            log.close()
            self._running = None
            # Removed now, beside the build, not all together at its end: a cold
            # build's 26,000 links and their folders then went on being removed while
            # the next build ran.
            remove_in_background(mirror)
            number = int(mirror.name)
            if self.kept is not None and process.returncode == 0:
                _keep(self.site_dir / _folder(number), self.kept / self._keys[number])
        if not self._waiting:
            return
        number = self._waiting.pop(0)
        mirror = self._mirrors / str(number)
        mirror.mkdir(exist_ok=True)
        command = [sys.executable, "-m", "pagefind", "--site", str(mirror)]
        command += ["--output-path", str(self.site_dir / _folder(number)), "--quiet"]
        for selector in EXCLUDED:
            command += ["--exclude-selectors", selector]
        log = tempfile.TemporaryFile()  # noqa: SIM115 (closed in _next, when the run ends)
        process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)
        self._running = (process, mirror, log)


_MIRRORS = ".pagefind-"


def _mirrors_folder(parent: Path) -> Path:
    """A new folder for the parts' mirrors, named for this process; the mirrors of
    builds that were killed are removed first.

    Each part's mirror is removed once its run is done, by a process of its own
    (`remove_in_background`): one part's 1,000 pages and their folders took a second
    to remove, in the middle of a rebuild."""
    for stale in left_behind(parent, _MIRRORS):
        remove_in_background(stale)
    return Path(tempfile.mkdtemp(prefix=f"{_MIRRORS}{os.getpid()}-", dir=parent))


def _folder(part: int) -> str:
    return INDEX_DIR if part == 0 else f"{INDEX_DIR}-{part + 1}"


_MANIFEST = "kept.json"


def _part_key(built: Callable[[str], str], pages: list[str], digests: dict[str, bytes]) -> str:
    """What a part's index is made of: its pages, in order, with their bytes, and the
    indexer and the options it runs with."""
    from pagefind.service import get_executable

    digest = hashlib.sha256(f"{get_executable()}\n{EXCLUDED}\n".encode())
    for page in pages:
        digest.update(f"{page}\n".encode())
        known = digests.get(page)
        digest.update(known or hashlib.sha256(Path(built(page)).read_bytes()).digest())
    return digest.hexdigest()


def _files(folder: Path) -> dict[str, list[Any]]:
    """Every file of a part's index with its size, modification time and SHA-256."""
    found = {}
    for path in sorted(folder.rglob("*")):
        if path.name != _MANIFEST:
            status = path.stat()
            if stat.S_ISREG(status.st_mode):
                digest = hashlib.sha256(path.read_bytes()).hexdigest()
                found[path.relative_to(folder).as_posix()] = [
                    status.st_size,
                    status.st_mtime_ns,
                    digest,
                ]
    return found


def _keep(built: Path, kept: Path) -> None:
    """Link a part's fresh index into the cache, with the size, time and digest of every
    file."""
    shutil.rmtree(kept, ignore_errors=True)
    try:
        files = _files(built)
        for name in files:
            (kept / name).parent.mkdir(parents=True, exist_ok=True)
            link_or_copy(built / name, kept / name)
        (kept / _MANIFEST).write_text(json.dumps(files), "utf-8")
    except OSError:
        # A cache that cannot be written costs the next build time, never this one.
        shutil.rmtree(kept, ignore_errors=True)


def _link_kept(kept: Path, placer: KeptPlacer, folder: str) -> list[str] | None:
    """Put a kept part's index at ``folder`` of the site being built, if every file is
    there as it was kept: a damaged cache costs an indexer run, never a wrong index.
    The paths of its files in the site, or None. One link a file, or none for a file
    site/ holds already: the six kept parts of a rebuild are 6,000 files."""
    try:
        files = json.loads((kept / _MANIFEST).read_text("utf-8"))
        if set(files_below(str(kept))) - {_MANIFEST} != set(files):
            return None
        if not all(as_kept(kept / name, *files[name]) for name in files):
            return None
    except (OSError, ValueError, TypeError):
        return None
    placed = []
    for name in files:
        path = f"{folder}/{name}"
        placer.place(os.path.join(kept, name), path)
        placed.append(path)
    return placed


def _forget_others(kept: Path, keys: set[str]) -> None:
    """Keep only this build's parts: the cache never outgrows the site."""
    if not kept.is_dir():
        return
    for folder in kept.iterdir():
        if folder.name not in keys:
            shutil.rmtree(folder, ignore_errors=True)
