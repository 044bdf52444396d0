"""Peerkit's benchmark: build a synthetic site and plain Material side by side.

    python scripts/bench.py --scale small|large [--keep DIR]

In one run it generates a deterministic synthetic site (scripts/bench_corpus.py),
times `peerkit build` of it, times a plain mkdocs-material build of as many flat
Markdown pages left out of the navigation (the baseline), runs `peerkit serve` and
times each of a few saves of one story until the preview serves the changed page,
and measures what a visitor
downloads: a story page, the directory page before its first results, and a first
search. Each build runs in its own process; its peak memory comes from wait4(),
the rusage of that child alone, grandchildren (the Pagefind indexer) included.

It prints figures, not verdicts on timing: CI runs it only at the small scale to
prove that it works; the README quotes a large run on a 2-core machine.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from html.parser import HTMLParser
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit
from urllib.request import urlopen

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_corpus import (
    COMMON_WORD,
    RARE_WORD,
    SCALES,
    SEARCH_TOWN,
    Corpus,
    write_baseline,
    write_site,
)
from peerkit.render.exports.hsds import API

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]  # fmt: skip
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


@dataclass(frozen=True)
class Run:
    """One build in its own process: wall and CPU seconds, peak memory, how it ended.

    ``peak_bytes`` is the most memory the build's processes held at once, summed
    (a build forks a writer and runs the Pagefind indexer beside itself);
    ``largest_process_bytes`` is the peak of the largest single one (wait4's rusage).
    """

    seconds: float
    cpu_seconds: float
    peak_bytes: int
    largest_process_bytes: int
    returncode: int
    log: str


def _tree(pid: int) -> list[int]:
    """``pid`` and every process below it, from /proc."""
    found = [pid]
    try:
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except OSError:
        return found
    for child in children:
        found += _tree(int(child))
    return found


def _pss_bytes(pid: int) -> int:
    """Proportional set size: memory shared after a fork is counted once, not twice."""
    try:
        rollup = Path(f"/proc/{pid}/smaps_rollup").read_text()
    except OSError:
        return 0
    return int(rollup.split("Pss:")[1].split()[0]) * 1024


class _MemorySampler(threading.Thread):
    """The largest sum of PSS over a process tree, sampled every 200 ms (Linux only; reading
    smaps_rollup walks a process's page tables, so sampling more often slows the build)."""

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid = pid
        self.peak = 0
        self.done = threading.Event()

    def run(self) -> None:
        while not self.done.wait(0.2):
            self.peak = max(self.peak, sum(_pss_bytes(pid) for pid in _tree(self.pid)))


def run_measured(command: list[str], cwd: Path) -> Run:
    """Run ``command`` and wait for it with wait4(), which gives its own rusage."""
    with tempfile.TemporaryFile() as log:
        start = time.monotonic()
        process = subprocess.Popen(command, cwd=cwd, env=ENV, stdout=log, stderr=subprocess.STDOUT)
        sampler = _MemorySampler(process.pid)
        sampler.start()
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.monotonic() - start
        sampler.done.set()
        sampler.join()
        process.returncode = os.waitstatus_to_exitcode(status)
        log.seek(0)
        text = log.read().decode("utf-8", "replace")
    # ru_maxrss is in kilobytes on Linux.
    cpu = usage.ru_utime + usage.ru_stime
    largest = usage.ru_maxrss * 1024
    return Run(seconds, cpu, max(sampler.peak, largest), largest, process.returncode, text)


def peerkit(command: str, *options: str) -> list[str]:
    """The `peerkit` command as a user runs it (`python -m peerkit` is the same: its
    process ends as soon as its output is out), on MkDocs, as the baseline is, even where
    ProperDocs is installed."""
    return [sys.executable, "-m", "peerkit", command, "--engine", "mkdocs", *options]


def build_peerkit(root: Path) -> Run:
    return run_measured(peerkit("build"), root)


def rebuild_after_edit(corpus: Corpus) -> tuple[Run, int, bool]:
    """Edit one story, build again with the cache the first build left, then build the
    edited site cold elsewhere: the rebuild, how many pages it took from the cache, and
    whether its site is byte for byte the cold one."""
    story = corpus.root / "content" / "stories" / f"{corpus.story_slugs[2]}.md"
    story.write_text(story.read_text("utf-8") + "\nEdited by the benchmark.\n", "utf-8")
    rebuild = build_peerkit(corpus.root)
    kept = _KEPT.search(rebuild.log)
    cold = corpus.root.parent / "cold-site"
    check = run_measured(peerkit("build", "--no-cache", "-d", str(cold)), corpus.root)
    same = check.returncode == 0 and _same_tree(corpus.root / "site", cold)
    shutil.rmtree(cold, ignore_errors=True)
    return rebuild, int(kept.group(1)) if kept else 0, same


_KEPT = re.compile(r"peerkit: (\d+) pages unchanged since the last build")


def _same_tree(ours: Path, theirs: Path) -> bool:
    """Whether two folders hold the same files with the same bytes."""
    names = sorted(p.relative_to(ours) for p in ours.rglob("*") if p.is_file())
    if names != sorted(p.relative_to(theirs) for p in theirs.rglob("*") if p.is_file()):
        return False
    return all((ours / name).read_bytes() == (theirs / name).read_bytes() for name in names)


def finder_figure(site: Path) -> str:
    """The first finder results on a slow 3G profile with a 4x slower processor, from
    scripts/finder_timing.py (which also runs alone, on any built site)."""
    import finder_timing

    return finder_timing.bench_line(site)


def build_baseline(root: Path) -> Run:
    return run_measured([sys.executable, "-m", "mkdocs", "build", "-q"], root)


@dataclass(frozen=True)
class Saves:
    """A story saved a few times under `peerkit serve`: for each save, the seconds until
    the preview served the changed page, and the rebuild's own seconds (MkDocs' log)."""

    shown: list[float]
    rebuilt: list[float]


SAVES = 3
_BUILT = re.compile(r"Documentation built in ([\d.]+) seconds")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _fetch(url: str) -> str:
    try:
        with urlopen(url, timeout=10) as response:
            return response.read().decode("utf-8", "replace")
    except OSError:
        return ""


def serve_saves(corpus: Corpus) -> Saves | str:
    """Run `peerkit serve` as a writer would, save one story ``SAVES`` times, and time
    each save until the preview serves the page with the new words; or what failed."""
    story = corpus.root / "content" / "stories" / f"{corpus.story_slugs[1]}.md"
    original = story.read_text("utf-8")
    port = _free_port()
    url = f"http://127.0.0.1:{port}/stories/{corpus.story_slugs[1]}/"
    server = subprocess.Popen(
        peerkit("serve", "-a", f"127.0.0.1:{port}"),
        cwd=corpus.root, env=ENV, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )  # fmt: skip
    lines: list[str] = []
    serving = threading.Event()

    def read() -> None:
        assert server.stdout is not None
        for line in server.stdout:
            lines.append(line)
            if "Serving on" in line:
                serving.set()

    threading.Thread(target=read, daemon=True).start()
    shown: list[float] = []
    try:
        if not serving.wait(1800) or not _fetch(url):
            return "the preview did not start:\n" + "".join(lines[-40:])
        for number in range(SAVES):
            time.sleep(2)
            marker = f"Saved by the benchmark, time {number + 1}."
            story.write_text(f"{original}\n{marker}\n", "utf-8")
            start = time.monotonic()
            while marker not in _fetch(url):
                if time.monotonic() - start > 120:
                    return "a save did not show within 2 minutes:\n" + "".join(lines[-40:])
                time.sleep(0.05)
            shown.append(time.monotonic() - start)
        time.sleep(0.5)
    finally:
        story.write_text(original, "utf-8")
        server.terminate()
        server.wait()
    rebuilt = [float(m.group(1)) for line in lines if (m := _BUILT.search(line))][1:]
    return Saves(shown, rebuilt)


class _Fetched(HTMLParser):
    """The local files a page makes the browser fetch as it loads: scripts, styles, icons."""

    def __init__(self) -> None:
        super().__init__()
        self.addresses: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag in ("script", "img") and values.get("src"):
            self.addresses.append(values["src"] or "")
        rel = (values.get("rel") or "").split()
        if tag == "link" and {"stylesheet", "icon", "preload", "modulepreload"} & set(rel):
            self.addresses.append(values.get("href") or "")


def page_weight(site: Path, page: Path) -> tuple[int, int]:
    """Bytes of a page's HTML, and of the HTML with the local files it loads."""
    parser = _Fetched()
    html = page.read_bytes()
    parser.feed(html.decode("utf-8"))
    base = "/" + page.parent.relative_to(site).as_posix() + "/"
    total = len(html)
    for address in dict.fromkeys(parser.addresses):
        if urlsplit(address).scheme or address.startswith("//"):
            continue
        target = site / urljoin(base, urlsplit(address).path).lstrip("/")
        if target.is_file():
            total += target.stat().st_size
    return len(html), total


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@contextmanager
def served(site: Path) -> Iterator[str]:
    """The built site on a free port of 127.0.0.1, as any static server would serve it."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=site))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/"
    finally:
        server.shutdown()
        server.server_close()


Weight = tuple[int, int]
"""Bytes as served by a plain static server, and gzipped as most hosts serve them."""


@dataclass
class Browsed:
    """What the browser fetched for each visit, and whether the searches found their target."""

    story: Weight | None = None
    home: Weight | None = None
    directory: Weight | None = None
    directory_data: Weight | None = None
    searches: dict[str, tuple[Weight, bool]] | None = None
    other_hosts: int = 0
    note: str = ""


@functools.cache
def _gzipped_size(path: Path) -> int | None:
    return len(gzip.compress(path.read_bytes(), 6)) if path.is_file() else None


def weigh(site: Path, fetched: list[tuple[str, int]]) -> Weight:
    """The bytes of ``fetched`` responses, and their gzipped size (from the built files)."""
    raw = gz = 0
    for url, size in fetched:
        path = urlsplit(url).path
        file = site / (path.lstrip("/") + ("index.html" if path.endswith("/") else ""))
        raw += size
        gz += _gzipped_size(file) or size
    return raw, gz


def browse(site: Path, corpus: Corpus) -> Browsed:
    """Open the site in Chromium and count the bytes of every response, request by request."""
    result = Browsed(searches={})
    if not Path(CHROMIUM).exists():
        result.note = f"no Chromium at {CHROMIUM}"
        return result
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        result.note = "Playwright is not installed (pip install -e '.[test]')"
        return result
    story_path = f"stories/{corpus.rare_story}/"
    with served(site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            result.story, _ = _visit(site, browser, base, story_path, result)
            result.home, _ = _visit(site, browser, base, "", result)
            result.directory, result.directory_data = _visit(site, browser, base, "groups/", result)
            assert result.searches is not None
            for word, expect in (
                (RARE_WORD, story_path),
                (SEARCH_TOWN, f"groups/{corpus.town_group_region.lower()}/"),
                # A word in most stories and many tips: any result will do; this one is
                # about the bytes of a broad search.
                (COMMON_WORD, ""),
            ):
                result.searches[word] = _search(
                    site, browser, base, story_path, word, expect, result
                )
        finally:
            browser.close()
    return result


def _open(browser: Any, base: str, result: Browsed) -> tuple[Any, Any, list[tuple[str, int]]]:
    context = browser.new_context()
    page = context.new_page()
    page.set_default_timeout(60_000)
    fetched: list[tuple[str, int]] = []

    def finished(request: Any) -> None:
        if not request.url.startswith(base):
            result.other_hosts += 1
            return
        try:
            size = request.sizes()["responseBodySize"]
        except Exception:
            size = 0
        fetched.append((request.url, size))

    page.on("requestfinished", finished)
    return context, page, fetched


def _visit(
    site: Path, browser: Any, base: str, path: str, result: Browsed
) -> tuple[Weight, Weight]:
    """All bytes fetched until the network is idle, and the part that is JSON data."""
    context, page, fetched = _open(browser, base, result)
    try:
        page.goto(base + path, wait_until="networkidle")
        data = [(url, size) for url, size in fetched if urlsplit(url).path.endswith(".json")]
        return weigh(site, fetched), weigh(site, data)
    finally:
        context.close()


def _is_search_file(url: str) -> bool:
    """The search's own requests: its worker, index, chunks and result fragments."""
    path = urlsplit(url).path
    return any(
        part in path for part in ("/search/", "/pagefind/", "/workers/search", "/peerkit/search")
    )


def _search(
    site: Path, browser: Any, base: str, path: str, word: str, expect: str, result: Browsed
) -> tuple[Weight, bool]:
    """Bytes of the search's own files fetched from opening a page to the first results
    (Material's search loads its whole index when search is opened, Pagefind as you type),
    and whether the expected page is among the links shown."""
    context, page, fetched = _open(browser, base, result)
    try:
        page.goto(base + path, wait_until="networkidle")
        page.keyboard.press("/")
        page.keyboard.type(word, delay=20)
        results = page.locator(".md-search-result__item a")
        try:
            results.first.wait_for()
            page.wait_for_load_state("networkidle")
            page.wait_for_timeout(300)
            hrefs = [a.get_attribute("href") or "" for a in results.all()]
            found = any(expect in href for href in hrefs)
        except Exception:
            found = False
        return weigh(site, [(url, size) for url, size in fetched if _is_search_file(url)]), found
    finally:
        context.close()


def output_stats(site: Path) -> tuple[int, int, Path, int]:
    """Total bytes, number of HTML pages, and the largest page with its size. The static
    HSDS API's index.html files are JSON, not pages: counted in the bytes only."""
    total, pages, largest, largest_size = 0, 0, site, 0
    api = site / API
    for path in site.rglob("*"):
        if not path.is_file():
            continue
        size = path.stat().st_size
        total += size
        if path.suffix == ".html" and not path.is_relative_to(api):
            pages += 1
            if size > largest_size:
                largest, largest_size = path, size
    return total, pages, largest, largest_size


def _kb(size: int | None) -> str:
    return "n/a" if size is None else f"{size / 1024:,.1f} KB"


def _weight(weight: Weight | None) -> str:
    return "n/a" if weight is None else f"{_kb(weight[0])} (gzip {_kb(weight[1])})"


def _mb(size: int) -> str:
    return f"{size / 1024 / 1024:,.1f} MB"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", choices=sorted(SCALES), default="small")
    parser.add_argument("--keep", type=Path, help="keep the generated sites in this folder")
    parser.add_argument(
        "--build-only",
        action="store_true",
        help="only the cold build's time and memory (for the extra-large scale)",
    )
    parser.add_argument(
        "--engine",
        choices=("mkdocs", "zensical"),
        default="mkdocs",
        help="zensical: time `peerkit build --engine zensical` (the pages route) instead",
    )
    args = parser.parse_args(argv)
    scale = SCALES[args.scale]
    if args.keep:
        work = args.keep
        shutil.rmtree(work, ignore_errors=True)
        work.mkdir(parents=True)
    else:
        work = Path(tempfile.mkdtemp(prefix="peerkit-bench-"))
    try:
        if args.engine == "zensical":
            return bench_zensical(args.scale, scale, work)
        return _bench(args.scale, scale, work, args.build_only)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


def _bench(name: str, scale: Any, work: Path, build_only: bool = False) -> int:
    print(f"Peerkit benchmark, {name} scale: {scale.stories:,} stories, {scale.groups:,} groups,"
          f" {scale.tips:,} tips ({os.cpu_count()} cores)")  # fmt: skip
    start = time.monotonic()
    corpus = write_site(work / "peerkit", scale)
    print(f"generated the site in {time.monotonic() - start:.1f} s", flush=True)

    peerkit = build_peerkit(corpus.root)
    if peerkit.returncode != 0:
        print(peerkit.log[-5000:])
        print("peerkit build failed")
        return 1
    site = corpus.root / "site"
    total, pages, largest, largest_size = output_stats(site)
    if build_only:
        print(f"pages: {pages:,}")
        print(f"peerkit build: {peerkit.seconds:.1f} s ({peerkit.cpu_seconds:.1f} s CPU)")
        print(f"peak memory, all of a build's processes at once: {_mb(peerkit.peak_bytes)};"
              f" largest single process: {_mb(peerkit.largest_process_bytes)}")  # fmt: skip
        return 0
    rebuild, kept, identical = rebuild_after_edit(corpus)

    baseline_root = work / "baseline"
    write_baseline(baseline_root, pages, corpus)
    baseline = build_baseline(baseline_root)
    if baseline.returncode != 0:
        print(baseline.log[-5000:])
        print("baseline build failed")
        return 1
    _, baseline_pages, _, _ = output_stats(baseline_root / "site")

    saves = serve_saves(corpus)
    story_html, story_total = page_weight(site, site / "stories" / corpus.rare_story / "index.html")
    browsed = browse(site, corpus)

    print(f"pages: {pages:,} (baseline: {baseline_pages:,})")
    print(f"peerkit build: {peerkit.seconds:.1f} s ({peerkit.cpu_seconds:.1f} s CPU)")
    print(f"baseline build: {baseline.seconds:.1f} s ({baseline.cpu_seconds:.1f} s CPU)")
    print(f"ratio: {peerkit.seconds / baseline.seconds:.2f} (CPU time:"
          f" {peerkit.cpu_seconds / baseline.cpu_seconds:.2f})")  # fmt: skip
    print(f"pages per second: {pages / peerkit.seconds:,.0f} (baseline:"
          f" {baseline_pages / baseline.seconds:,.0f})")  # fmt: skip
    print(f"peak memory, all of a build's processes at once: {_mb(peerkit.peak_bytes)}"
          f" (baseline: {_mb(baseline.peak_bytes)}); largest single process:"
          f" {_mb(peerkit.largest_process_bytes)}")  # fmt: skip
    print(f"rebuild after one story is edited: {rebuild.seconds:.1f} s"
          f" ({rebuild.cpu_seconds:.1f} s CPU), {kept:,} pages from the cache;"
          f" byte-identical to a cold build: {'yes' if identical else 'NO'}")  # fmt: skip
    print(f"output size: {_mb(total)}")
    print(f"largest page: {largest.relative_to(site).as_posix()} ({_kb(largest_size)})")
    if isinstance(saves, str):
        print(saves[-3000:], file=sys.stderr)
        print("saving one story under peerkit serve: failed")
    else:
        print("saving one story under peerkit serve, until the preview shows it:"
              f" {', '.join(f'{s:.2f} s' for s in saves.shown)}"
              f" (rebuilds: {', '.join(f'{s:.2f} s' for s in saves.rebuilt)})")  # fmt: skip
    print(f"story page: {_kb(story_total)} (HTML {_kb(story_html)} + the CSS and JS it loads);"
          f" in a browser, everything until idle: {_weight(browsed.story)}")  # fmt: skip
    print(f"home page, in a browser, everything until idle: {_weight(browsed.home)}")
    print(f"directory page before first results: {_weight(browsed.directory)};"
          f" filter data: {_weight(browsed.directory_data)}")  # fmt: skip
    for word, (weight, found) in (browsed.searches or {}).items():
        print(f"first search for {word!r}: {_weight(weight)} (found: {'yes' if found else 'no'})")
    if browsed.note:
        print(f"browser figures: {browsed.note}")
    print(finder_figure(site))
    print(f"requests to other hosts: {browsed.other_hosts}")
    return 0


def bench_zensical(name: str, scale: Any, work: Path) -> int:
    """The pages route: `peerkit build --engine zensical` (Peerkit writes the pages, then
    Zensical builds them), against the same baseline as MkDocs' ratio: MkDocs building
    as many plain pages. Zensical must be on PATH."""
    print(f"Peerkit benchmark, Zensical route, {name} scale: {scale.stories:,} stories,"
          f" {scale.groups:,} groups, {scale.tips:,} tips ({os.cpu_count()} cores)")  # fmt: skip
    corpus = write_site(work / "peerkit", scale)
    routed = run_measured(
        [sys.executable, "-m", "peerkit", "build", "--engine", "zensical"], corpus.root
    )
    if routed.returncode != 0:
        print(routed.log[-5000:])
        print("peerkit build --engine zensical failed")
        return 1
    _, pages, _, _ = output_stats(corpus.root / "site")
    write_baseline(work / "baseline", pages, corpus)
    baseline = build_baseline(work / "baseline")
    if baseline.returncode != 0:
        print(baseline.log[-5000:])
        print("baseline build failed")
        return 1
    print(f"pages: {pages:,}")
    print(
        f"peerkit build --engine zensical: {routed.seconds:.1f} s ({routed.cpu_seconds:.1f} s CPU)"
    )
    print(f"baseline build (MkDocs): {baseline.seconds:.1f} s ({baseline.cpu_seconds:.1f} s CPU)")
    print(f"ratio: {routed.seconds / baseline.seconds:.2f} (CPU time:"
          f" {routed.cpu_seconds / baseline.cpu_seconds:.2f})")  # fmt: skip
    print(f"peak memory, all of a build's processes at once: {_mb(routed.peak_bytes)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
