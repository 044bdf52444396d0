"""The `peerkit` command ends its process without Python's teardown
(`peerkit.__main__.command`): what it printed still arrives whole through a pipe, and
the process's status is the command's."""

from __future__ import annotations

import json
import subprocess
import sys

from tests.commands import _env
from tests.conftest import SiteBuilder


def test_a_long_report_arrives_whole_through_a_pipe_with_the_commands_status(
    make_site: SiteBuilder,
) -> None:
    make_site.configure()
    for number in range(150):
        make_site.story(f"story-{number:03}", {"title": ""})

    # Buffered, as Python writes to a pipe unless told otherwise.
    env = {name: value for name, value in _env().items() if name != "PYTHONUNBUFFERED"}
    result = subprocess.run(
        [sys.executable, "-m", "peerkit", "check", "--format", "json"],
        cwd=make_site.root, capture_output=True, text=True, env=env, check=False,
    )  # fmt: skip

    assert result.returncode == 1, result.stderr
    assert len(result.stdout) > 16_384  # more than the output's buffer
    assert result.stdout.endswith("}\n")  # to its last byte, which waits in the buffer
    report = json.loads(result.stdout)
    paths = [d["path"] for d in report["diagnostics"] if d["message"] == "title: must not be empty"]
    assert paths == [f"content/stories/story-{n:03}.md" for n in range(150)]
