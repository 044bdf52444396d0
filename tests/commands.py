"""The two ways a test runs Peerkit as a user does: the `peerkit` command and
`mkdocs build`, each in a fresh process, from the site's folder."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def _env() -> dict[str, str]:
    """This process's environment as it is now (a test may set GITHUB_ACTIONS)."""
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def run_peerkit(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """`peerkit ARGS` in a fresh process, as from a terminal in ``cwd``."""
    return subprocess.run(
        [sys.executable, "-m", "peerkit.cli", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        env=_env(),
        check=False,
    )


def run_mkdocs_build(
    cwd: Path, out: Path, config: Path | None = None, strict: bool = True
) -> subprocess.CompletedProcess[str]:
    """`mkdocs build` in a fresh process, strictly unless asked, into ``out``."""
    command = [sys.executable, "-m", "mkdocs", "build", "-d", str(out)]
    if strict:
        command.append("--strict")
    if config is not None:
        command += ["-f", str(config)]
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, env=_env(), check=False)
