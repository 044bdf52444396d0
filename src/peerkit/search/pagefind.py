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
from collections.abc import Iterable
from pathlib import Path

INDEX_DIR = "pagefind"
"""Where the index goes, inside the built site; search-worker.js loads it from here."""

PAGES_PER_PART = 2_000
"""Pages a single indexer run reads: about 350 MB of memory for pages of 700 words."""

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


def index_site(site_dir: Path, pages: Iterable[str]) -> None:
    """Index ``pages`` (paths inside ``site_dir``) into ``site_dir/pagefind`` and, past
    PAGES_PER_PART pages, into further parts that the browser merges (`PARTS_FILE`).

    Pagefind holds memory for every HTML file it reads, even one it then leaves out
    of the index, and more the more words a page has: pointed at a site of 26,000
    pages it needs 1.5 GB, and 1 GB for 5,000 stories alone. So each run reads a
    mirror holding only its part's pages, made of hard links (copies where links
    cannot be made), and writes its index into the real site: the memory a build
    needs stays the same however many stories a site grows to.
    """
    ordered = sorted(pages)
    parts = [ordered[i : i + PAGES_PER_PART] for i in range(0, len(ordered), PAGES_PER_PART)]
    folders = [INDEX_DIR if n == 0 else f"{INDEX_DIR}-{n + 1}" for n in range(len(parts))]
    for folder, part in zip(folders, parts, strict=True):
        _index_part(site_dir, part, site_dir / folder)
    if not parts:
        return
    (site_dir / INDEX_DIR / PARTS_FILE).write_text(
        json.dumps({"merge": [f"{folder}/" for folder in folders[1:]]}) + "\n", "utf-8"
    )


def _index_part(site_dir: Path, pages: list[str], output: Path) -> None:
    with tempfile.TemporaryDirectory(prefix=".pagefind-", dir=site_dir.parent) as mirror:
        for page in pages:
            target = Path(mirror, page)
            target.parent.mkdir(parents=True, exist_ok=True)
            try:
                os.link(site_dir / page, target)
            except OSError:
                shutil.copyfile(site_dir / page, target)
        command = [sys.executable, "-m", "pagefind", "--site", mirror]
        command += ["--output-path", str(output), "--quiet"]
        for selector in EXCLUDED:
            command += ["--exclude-selectors", selector]
        result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise PagefindError(
            f"the Pagefind indexer failed ({result.returncode}):\n{result.stdout}{result.stderr}"
        )
