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
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path

INDEX_DIR = "pagefind"
"""Where the index goes, inside the built site; search-worker.js loads it from here."""

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
    """Index ``pages`` (paths inside ``site_dir``) into ``site_dir/pagefind``.

    Pagefind holds some 70 KB of memory for every HTML file it reads, even one it
    then leaves out of the index: pointed at a site of 26,000 pages it needs 1.5 GB,
    however few of them it indexes. So it reads a mirror of the site that holds only
    the pages to index, made of hard links (copies where links cannot be made), and
    writes its index into the real site.
    """
    with tempfile.TemporaryDirectory(prefix=".pagefind-", dir=site_dir.parent) as mirror:
        for page in pages:
            target = Path(mirror, page)
            target.parent.mkdir(parents=True, exist_ok=True)
            try:
                os.link(site_dir / page, target)
            except OSError:
                shutil.copyfile(site_dir / page, target)
        command = [sys.executable, "-m", "pagefind", "--site", mirror]
        command += ["--output-path", str(site_dir / INDEX_DIR), "--quiet"]
        for selector in EXCLUDED:
            command += ["--exclude-selectors", selector]
        result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise PagefindError(
            f"the Pagefind indexer failed ({result.returncode}):\n{result.stdout}{result.stderr}"
        )
