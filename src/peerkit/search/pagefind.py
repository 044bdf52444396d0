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

import importlib.util
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import IO

INDEX_DIR = "pagefind"
"""Where the index goes, inside the built site; search-worker.js loads it from here."""

PAGES_PER_PART = 1_000
"""Pages a single indexer run reads: about 170 MB of memory for pages of 700 words, while
the build itself holds about a gigabyte; each part costs a search one more small file."""

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
    """

    def __init__(self, site_dir: Path) -> None:
        self.site_dir = site_dir
        self.parts: list[list[str]] = []
        self._pending: list[str] = []
        self._waiting: list[int] = []
        self._running: tuple[subprocess.Popen[bytes], Path, IO[bytes]] | None = None
        self._mirrors = tempfile.TemporaryDirectory(prefix=".pagefind-", dir=site_dir.parent)
        self._failures: list[str] = []

    def written(self, page: str) -> None:
        """``page`` (a path inside the site, marked for the index) is on disk."""
        self._pending.append(page)
        if len(self._pending) >= PAGES_PER_PART:
            self._close_part()
        self._next()

    def finish(self) -> None:
        """Index what is left, wait for every part, and name the parts to merge."""
        if self._pending or not self.parts:
            self._close_part()
        while self._running is not None or self._waiting:
            if self._running is not None:
                self._running[0].wait()
            self._next()
        self._mirrors.cleanup()
        if self._failures:
            raise PagefindError("\n".join(self._failures))
        merge = [f"{_folder(n)}/" for n in range(1, len(self.parts))]
        (self.site_dir / INDEX_DIR / PARTS_FILE).write_text(
            json.dumps({"merge": merge}) + "\n", "utf-8"
        )

    def cancel(self) -> None:
        if self._running is not None:
            self._running[0].kill()
            self._running[0].wait()
            self._running[2].close()
            self._running = None
        self._mirrors.cleanup()

    def _close_part(self) -> None:
        """Make the mirror of the pending pages: one more part waits for its run."""
        pages, self._pending = self._pending, []
        number = len(self.parts)
        self.parts.append(pages)
        for page in pages:
            target = Path(self._mirrors.name, str(number), page)
            target.parent.mkdir(parents=True, exist_ok=True)
            try:
                os.link(self.site_dir / page, target)
            except OSError:
                shutil.copyfile(self.site_dir / page, target)
        self._waiting.append(number)

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
            shutil.rmtree(mirror, ignore_errors=True)
            self._running = None
        if not self._waiting:
            return
        number = self._waiting.pop(0)
        mirror = Path(self._mirrors.name, str(number))
        mirror.mkdir(exist_ok=True)
        command = [sys.executable, "-m", "pagefind", "--site", str(mirror)]
        command += ["--output-path", str(self.site_dir / _folder(number)), "--quiet"]
        for selector in EXCLUDED:
            command += ["--exclude-selectors", selector]
        log = tempfile.TemporaryFile()  # noqa: SIM115 (closed in _next, when the run ends)
        process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)
        self._running = (process, mirror, log)


def _folder(part: int) -> str:
    return INDEX_DIR if part == 0 else f"{INDEX_DIR}-{part + 1}"
