"""What a visitor's first visit costs: every byte the browser fetches for a page.

    python scripts/first_visit_bytes.py SITE_DIR [PATH ...]

Serves a built site from 127.0.0.1, opens each page (home, a story and the
directory by default) in Debian's Chromium with an empty cache, waits until the
network is idle, and prints each file fetched with its size as sent (uncompressed)
and as gzip would send it (level 6, what most static hosts use). The search index,
its worker, Material's bundle and the finder's script are named, so a page that
fetches one shows it.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from playwright.sync_api import sync_playwright

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
DEFAULT_PATHS = ("", "stories/a-chair-by-the-window/", "groups/")
WATCHED = (
    "search_index.json",
    "workers/search",
    "search-worker.js",
    "pagefind",
    "/bundle.",
    "directory.",
)


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


def _record(fetched: list[str], request: Any) -> None:
    fetched.append(request.url)


def measure(site: Path, paths: tuple[str, ...]) -> None:
    handler = functools.partial(_Quiet, directory=str(site))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_port}/"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        for path in paths:
            context = browser.new_context(viewport={"width": 360, "height": 740})
            page = context.new_page()
            fetched: list[str] = []
            page.on("requestfinished", functools.partial(_record, fetched))
            page.goto(base + path)
            page.wait_for_load_state("networkidle")
            context.close()
            total = zipped = 0
            print(f"/{path}")
            for url in dict.fromkeys(fetched):
                local = site / urlsplit(url).path.lstrip("/")
                if local.is_dir():
                    local = local / "index.html"
                if not local.is_file():
                    continue
                data = local.read_bytes()
                size, small = len(data), len(gzip.compress(data, 6))
                total, zipped = total + size, zipped + small
                mark = "  <-- " if any(word in url for word in WATCHED) else ""
                print(f"  {size:>9,} {small:>8,}  {urlsplit(url).path}{mark}")
            print(f"  {total:>9,} {zipped:>8,}  total (bytes, gzip)\n")
        browser.close()
    server.shutdown()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("paths", nargs="*", default=list(DEFAULT_PATHS))
    options = parser.parse_args()
    measure(options.site, tuple(options.paths))


if __name__ == "__main__":
    main()
