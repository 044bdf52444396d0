"""Bounded time: every parser, validator and sanitiser on a file at its size limit.

Each case is a file crafted to make some step slow (nested tags for the
sanitiser, lists of mixed items for uniqueItems, runs of Markdown syntax),
written at a quarter of its kind's size limit and at the limit, and loaded,
checked and rendered in a subprocess with a deadline. Time that grows with the
size gives a ratio near 4 between the two; time that grows with its square gives
16, and at these sizes minutes. The ratio, not a number of seconds, is asserted,
so a slow or busy machine does not fail the test; the deadline stops a runaway.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.scale.bounded_time_worker import CASES

# Each case runs in a subprocess at two sizes: CI runs them, `-m "not slow"` skips them.
pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parents[2]
DEADLINE_SECONDS = 120
LINEAR_RATIO = 8.0
"""4 for linear time, 16 for quadratic: 8 leaves room for noise on either side."""
SLACK_SECONDS = 0.5
"""Below half a second at the limit, the ratio is noise: fine whatever it is."""


@pytest.mark.parametrize("case", sorted(CASES))
def test_a_crafted_file_at_its_size_limit_is_handled_in_linear_time(case: str, tmp_path: Path):
    result = subprocess.run(
        [sys.executable, "-m", "tests.scale.bounded_time_worker", case, str(tmp_path)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=DEADLINE_SECONDS,
        check=False,
    )

    assert result.returncode == 0, result.stderr[-3000:]
    times = json.loads(result.stdout)
    assert times["limit"] <= LINEAR_RATIO * times["quarter"] + SLACK_SECONDS, times
