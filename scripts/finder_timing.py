"""How long a visitor on a slow phone waits for the group finder's first results.

    python scripts/finder_timing.py SITE_DIR          a built site
    python scripts/finder_timing.py --large WORK      writes the benchmark's large
                                                      directory (20,000 groups) under
                                                      WORK, builds it, then measures

Opens /groups/ in Debian's Chromium with an empty cache on Chrome's "slow 3G"
profile (2 s latency, 50 kB/s) and a processor slowed four times, and reports the
bytes fetched before the first result shows (each file's size, and gzipped at level 6
as this script's server sends text, like a static host) and the seconds until then. The target is 2.5 s.
`measure` is the function another script imports.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import io
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, replace
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from playwright.sync_api import sync_playwright

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]  # fmt: skip
SLOW_3G = {
    "offline": False,
    "latency": 2000,
    "downloadThroughput": 50_000,
    "uploadThroughput": 50_000,
}
CPU_SLOWDOWN = 4
TARGET_SECONDS = 2.5


@dataclass(frozen=True)
class FinderTiming:
    seconds: float
    """From the start of navigation to the first result on screen."""
    bytes_sent: int
    bytes_gzipped: int
    files: tuple[tuple[str, int, int], ...]
    """Each file fetched before then: its path, its size and its gzipped size."""


class _Gzipping(SimpleHTTPRequestHandler):
    """Sends text gzipped, as a static host (GitHub Pages, Netlify) does: a plain server
    would make a slow connection look slower than a visitor's."""

    def send_head(self) -> Any:
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        wants_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (wants_gzip and path.is_file() and path.suffix in _TEXT):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), 6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)

    def log_message(self, format: str, *args: Any) -> None:
        pass


class _Server(ThreadingHTTPServer):
    def handle_error(self, request: Any, client_address: Any) -> None:
        """A browser that drops a connection it needs no more (its page is done) is not
        a failure of the measure: no traceback for it in the benchmark's output."""
        if isinstance(sys.exc_info()[1], ConnectionError):
            return
        super().handle_error(request, client_address)


_TEXT = frozenset({".html", ".css", ".js", ".json", ".svg", ".xml", ".txt"})


def _sizes(site: Path, url: str) -> tuple[str, int, int]:
    path = urlsplit(url).path
    file = site / path.lstrip("/")
    if file.is_dir():
        file = file / "index.html"
    data = file.read_bytes() if file.is_file() else b""
    return path, len(data), len(gzip.compress(data, 6))


def measure(site: Path, path: str = "groups/") -> FinderTiming:
    """The finder's first results on a slow phone, from a fresh browser."""
    server = _Server(("127.0.0.1", 0), functools.partial(_Gzipping, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            page = browser.new_context(viewport={"width": 360, "height": 740}).new_page()
            cdp = page.context.new_cdp_session(page)
            cdp.send("Network.enable")
            cdp.send("Network.emulateNetworkConditions", SLOW_3G)
            cdp.send("Emulation.setCPUThrottlingRate", {"rate": CPU_SLOWDOWN})
            fetched: list[str] = []
            page.on("requestfinished", lambda request: fetched.append(request.url))
            started = time.monotonic()
            page.goto(f"http://127.0.0.1:{server.server_port}/{path}", wait_until="commit")
            page.locator(".pk-result").first.wait_for(timeout=600_000)
            seconds = time.monotonic() - started
            files = tuple(_sizes(site, url) for url in dict.fromkeys(fetched))
            browser.close()
    finally:
        server.shutdown()
        server.server_close()
    return FinderTiming(seconds, sum(f[1] for f in files), sum(f[2] for f in files), files)


def bench_line(site: Path) -> str:
    """The line scripts/bench.py prints."""
    timing = measure(site)
    return (
        f"first finder results on slow 3G with a 4x slower processor: {timing.seconds:.2f} s"
        f" (target {TARGET_SECONDS} s), after {timing.bytes_sent:,} bytes"
        f" ({timing.bytes_gzipped:,} gzipped)"
    )


def build_large(work: Path) -> Path:
    """The benchmark's large directory (scripts/bench_corpus.py), with few stories:
    the finder's page and data do not depend on them, and they are most of the build."""
    sys.path.insert(0, str(Path(__file__).parent))
    from bench_corpus import SCALES, write_site

    scale = replace(SCALES["large"], stories=20, tips=5)
    write_site(work, scale, search=None)
    out = work / "site"
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(out)],
                   cwd=work, check=True)  # fmt: skip
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", nargs="?", type=Path, help="a built site")
    parser.add_argument("--large", type=Path, metavar="WORK", help="build the large directory here")
    args = parser.parse_args(argv)
    if not args.site and not args.large:
        parser.error("give a built site or --large WORK")
    site = build_large(args.large) if args.large else args.site
    timing = measure(site)
    for path, size, zipped in timing.files:
        print(f"{size:>10,} B {zipped:>9,} B gz  {path}")
    print(
        f"before the first results: {timing.bytes_sent:,} bytes ({timing.bytes_gzipped:,} gzipped)"
    )
    verdict = "meets" if timing.seconds <= TARGET_SECONDS else "misses"
    print(f"first results after {timing.seconds:.2f} s on slow 3G with 4x CPU: {verdict} the"
          f" {TARGET_SECONDS} s target")  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
