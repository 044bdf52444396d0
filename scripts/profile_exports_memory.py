"""Measure the memory the directory's files take to write: the exports' process of `peerkit build`.

    python scripts/profile_exports_memory.py SITE_FOLDER [--loaded PICKLE] [--write OUT]
        [--tracemalloc] [--parent idle|gc|refs]

Loads the site (or a pickle of it, `profile_exports.py`'s), then starts the child that
writes `directory_site_files` into a temporary folder (or OUT) through
`BackgroundFiles`, as a build does, while this process reads the child's
proportional set size (PSS, what issue 18's target sums) ten times a second; with
``--parent gc`` or ``refs`` this process meanwhile collects garbage, or also touches
every record, as a build's process does while it renders (which, in a fork, copies
the pages the two shared).
It prints the child's peak PSS and peak RSS, and the kinds of file (a path's first
folders) in whose making the child's RSS high-water mark rose most: the generators
that set the peak. With ``--tracemalloc`` the child also records the Python
allocations' peak while each file is made (slower; the figures are Python's own).

Make the corpus once (``scripts/bench_corpus.py``'s `write_site`, large scale) and
reuse it: loading 20,000 groups is half a minute, the pickle a few seconds.
"""

from __future__ import annotations

import argparse
import gc
import os
import pickle
import re
import sys
import tempfile
import threading
import time
import tracemalloc
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from peerkit.mkdocs_plugin.background_files import BackgroundFiles, write_files
from peerkit.model.settings import Settings
from peerkit.model.site import Site
from peerkit.render.page import GeneratedFile
from peerkit.render.site import directory_site_files
from profile_exports import _loaded

_REPORT = "-- report --"
_KB = re.compile(rb"^(\w+):\s+(\d+) kB", re.MULTILINE)


def _status(pid: int | str = "self") -> dict[str, int]:
    """/proc's VmRSS, VmHWM... in bytes."""
    text = Path(f"/proc/{pid}/status").read_bytes()
    return {k.decode(): int(v) * 1024 for k, v in _KB.findall(text)}


def _rollup(pid: int) -> dict[str, int]:
    """smaps_rollup's Pss, Private_Dirty... in bytes; empty once the process has gone."""
    try:
        text = Path(f"/proc/{pid}/smaps_rollup").read_bytes()
    except OSError:
        return {}
    return {k.decode(): int(v) * 1024 for k, v in _KB.findall(text)}


def _kind(path: str) -> str:
    """What made a file, from its path: ``groups/hsds/api/services/<id>/index.html`` is
    ``groups/hsds/api/services``."""
    parts = path.split("/")
    if parts[:3] == ["groups", "hsds", "api"]:
        return "/".join(parts[:4])
    if parts[0] == "groups" and len(parts) > 2 and parts[1] not in ("hsds", "directory"):
        return "groups/<region>/" + ("<group>/" if len(parts) > 3 else "") + parts[-1]
    return "/".join(parts[:2]) if len(parts) > 2 else path


class _Watched:
    """The files of ``files``, noting per kind how far each raised the RSS high-water
    mark, and with tracemalloc on, the Python peak while it was made."""

    def __init__(self, files: Iterable[GeneratedFile], traced: bool) -> None:
        self._files = files
        self._traced = traced
        self.raised: dict[str, int] = defaultdict(int)
        self.python_peak: dict[str, int] = defaultdict(int)
        self.start = _status()["VmRSS"]

    def __iter__(self) -> Iterator[GeneratedFile]:
        mark = _status()["VmHWM"]
        if self._traced:
            tracemalloc.start()
        for file in self._files:
            now = _status()["VmHWM"]
            kind = _kind(file.path)
            self.raised[kind] += now - mark
            mark = now
            if self._traced:
                _, peak = tracemalloc.get_traced_memory()
                self.python_peak[kind] = max(self.python_peak[kind], peak)
                tracemalloc.reset_peak()
            yield file

    def report(self) -> list[str]:
        lines = [_REPORT, f"child RSS at its start {self.start / 2**20:.0f} MB"]
        lines.append("RSS high-water mark raised while making (MB):")
        for kind, rise in sorted(self.raised.items(), key=lambda item: -item[1])[:12]:
            if rise:
                lines.append(f"  {rise / 2**20:8.1f}  {kind}")
        if self._traced:
            lines.append("Python peak while making one file (MB, tracemalloc):")
            for kind, peak in sorted(self.python_peak.items(), key=lambda item: -item[1])[:12]:
                lines.append(f"  {peak / 2**20:8.1f}  {kind}")
        return lines


class _Profiled:
    """Writes the directory's files as `KeptExports.place` does (without the cache),
    watching the memory each kind of file takes; sent by pickle to the new
    interpreter `BackgroundFiles` starts, so it holds no story."""

    def __init__(self, site: Site, settings: Settings, traced: bool) -> None:
        self._site = replace(site, stories=(), tips=())
        self._settings = settings
        self._traced = traced

    def __call__(self, site_dir: Path) -> list[str]:
        watched = _Watched(directory_site_files(self._site, self._settings), self._traced)
        write_files(watched, site_dir)
        return [*watched.report(), f"child peak RSS (VmHWM) {_status()['VmHWM'] / 2**20:.0f} MB"]


def measure(site: Site, settings: Settings, out: Path, traced: bool, parent: str) -> None:
    profiled = _Profiled(site, settings, traced)
    started = time.monotonic()
    background = BackgroundFiles(lambda: (), out, profiled)
    background.start()
    peaks: dict[str, int] = defaultdict(int)
    done = threading.Event()

    def sample() -> None:
        me = os.getpid()
        children = [int(p) for p in Path(f"/proc/{me}/task/{me}/children").read_text().split()]
        while not done.is_set():
            for pid in children:
                for key, value in _rollup(pid).items():
                    peaks[key] = max(peaks[key], value)
            time.sleep(0.1)

    sampler = threading.Thread(target=sample)
    sampler.start()
    if parent in ("gc", "refs"):
        # As a build's process does while the child works: a full collection (which
        # writes in every object it walks) and, with "refs", a reference to every
        # record; in a fork, each copies the pages the two processes shared.
        gc.collect()
    if parent == "refs":
        pickle.dumps((site, settings))
    report = background.finish()
    report = report[report.index(_REPORT) :]
    done.set()
    sampler.join()
    print(f"parent: RSS {_status()['VmRSS'] / 2**20:.0f} MB, the loaded site")
    print(f"exports' process: {time.monotonic() - started:.1f} s")
    print(f"  peak PSS {peaks['Pss'] / 2**20:.0f} MB, peak RSS {peaks['Rss'] / 2**20:.0f} MB,"
          f" peak private {(peaks['Private_Dirty'] + peaks['Private_Clean']) / 2**20:.0f} MB")  # fmt: skip
    for line in report:
        print("  " + line)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("site", type=Path)
    parser.add_argument("--loaded", type=Path)
    parser.add_argument("--write", type=Path)
    parser.add_argument("--tracemalloc", action="store_true")
    parser.add_argument("--parent", choices=("idle", "gc", "refs"), default="idle")
    args = parser.parse_args()
    site, settings = _loaded(args.site, args.loaded)
    if args.write is not None:
        args.write.mkdir(parents=True, exist_ok=True)
        measure(site, settings, args.write, args.tracemalloc, args.parent)
        return
    with tempfile.TemporaryDirectory() as out:
        measure(site, settings, Path(out), args.tracemalloc, args.parent)


if __name__ == "__main__":
    main()
