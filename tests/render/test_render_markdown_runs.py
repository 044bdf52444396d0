"""Markdown that has stalled parsers: long runs of one pattern, never closed.

Python-Markdown took minutes, and for some runs hours, over a story like these,
and one would stall every build of the site. The conversion runs in a child
process with a deadline some forty times what it needs, so that a parser that
stalls again fails here instead of hanging the suite. (How fast it is belongs to
scripts/bench.py; this only tells a stall from an answer.)
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

RUNS = {
    "brackets": "[" * 200_000,
    "link-openings": "[a](" * 50_000,
    "autolinks": "<http://" * 50_000,
    "tags": "<a " * 100_000,
    "underlines": "a\n=\n" * 50_000,
    "quotes": "'\"" * 100_000,
    "emphasis": "*_" * 100_000,
    "entities": "&#" * 100_000,
}

_CHILD = """
import json, sys
from peerkit.render.markdown_text import markdown_to_safe_html
for name, run in json.load(sys.stdin).items():
    html = markdown_to_safe_html(f"START-{name}\\n\\n{run}\\n\\nEND-{name}\\n")
    print(name, f"START-{name}" in html and f"END-{name}" in html, flush=True)
"""


@pytest.mark.slow
def test_long_unclosed_runs_are_converted_not_stalled_on() -> None:
    try:
        result = subprocess.run(
            [sys.executable, "-c", _CHILD],
            input=json.dumps(RUNS),
            capture_output=True,
            text=True,
            timeout=240,
            check=True,
        )
    except subprocess.TimeoutExpired as stalled:
        done = (
            (stalled.stdout or b"").decode()
            if isinstance(stalled.stdout, bytes)
            else stalled.stdout
        )
        raise AssertionError(f"stalled after: {done!r}") from None
    assert result.stdout.split("\n")[:-1] == [f"{name} True" for name in RUNS]
