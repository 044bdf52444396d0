"""Running a docs guide's shell blocks, in order, as a new user would type them."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

_SH_BLOCK = re.compile(r"^```sh\n(.*?)^```", re.MULTILINE | re.DOTALL)


def shell_blocks(guide: Path) -> list[str]:
    return _SH_BLOCK.findall(guide.read_text("utf-8"))


def run_block(block: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run one block with `peerkit` resolved to this interpreter's, stopping at the first failure."""
    bin_dir = str(Path(sys.executable).parent)
    env = {
        **os.environ,
        "PATH": bin_dir + os.pathsep + os.environ["PATH"],
        "NO_MKDOCS_2_WARNING": "1",
    }
    return subprocess.run(
        ["bash", "-e", "-o", "pipefail", "-c", block],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
