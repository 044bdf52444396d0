"""scripts/bench.py works: at the small scale it builds both sites and prints every figure.

Timings vary with the machine, so nothing here compares them to a target; the README
quotes a large run. This only proves the benchmark runs to the end and reports.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
WEIGHT = r"[\d,.]+ KB \(gzip [\d,.]+ KB\)"
FIGURES = [
    r"^pages: [\d,]+ \(baseline: [\d,]+\)$",
    r"^peerkit build: [\d.]+ s \([\d.]+ s CPU\)$",
    r"^baseline build: [\d.]+ s \([\d.]+ s CPU\)$",
    r"^ratio: [\d.]+ \(CPU time: [\d.]+\)$",
    r"^pages per second: [\d,]+ \(baseline: [\d,]+\)$",
    r"^peak memory, all of a build's processes at once: [\d,.]+ MB \(baseline: [\d,.]+ MB\);"
    r" largest single process: [\d,.]+ MB$",
    r"^rebuild after one story is edited: [\d.]+ s \([\d.]+ s CPU\), [1-9][\d,]* pages from"
    r" the cache; byte-identical to a cold build: yes$",
    r"^output size: [\d,.]+ MB$",
    r"^largest page: \S+\.html \([\d,.]+ KB\)$",
    r"^saving one story under peerkit serve, until the preview shows it: [\d.]+ s, [\d.]+ s,"
    r" [\d.]+ s \(rebuilds: [\d.]+ s, [\d.]+ s, [\d.]+ s\)$",
    r"^story page: [\d,.]+ KB \(HTML [\d,.]+ KB \+ the CSS and JS it loads\); in a browser,"
    rf" everything until idle: {WEIGHT}$",
    rf"^home page, in a browser, everything until idle: {WEIGHT}$",
    rf"^directory page before first results: {WEIGHT}; filter data: {WEIGHT}$",
    rf"^first search for 'marmalade': {WEIGHT} \(found: yes\)$",
    rf"^first search for 'Quillinghurst': {WEIGHT} \(found: yes\)$",
    rf"^first search for 'kitchen': {WEIGHT} \(found: yes\)$",
    r"^requests to other hosts: 0$",
]


@pytest.mark.slow
def test_the_benchmark_runs_at_small_scale_and_prints_every_figure() -> None:
    result = subprocess.run(
        [sys.executable, str(REPO / "scripts" / "bench.py"), "--scale", "small"],
        cwd=REPO,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    lines = result.stdout.splitlines()
    missing = [f for f in FIGURES if not any(re.match(f, line) for line in lines)]
    assert missing == [], result.stdout
