"""Refused cases: each stops at load with one clear `path:line:col: error:` naming its file.

Each case is loaded on its own beside the minimal valid site of tests/conftest.py,
so every error seen is the case's. A few go through the `peerkit` command in a
subprocess too, as a contributor meets them: exit code 1, the diagnostic, no
traceback, no site written.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from peerkit.load.diagnostics import Severity
from tests.conftest import SiteBuilder
from tests.hostile.hostile_manifest import Case, load_cases
from tests.hostile.hostile_site import SECRET, place, write_site
from tests.site.test_cli import peerkit

REFUSED = [case for case in load_cases() if case.expect == "refused"]
DIAGNOSTIC = re.compile(r"^(?P<path>.+):(?P<line>\d+):(?P<col>\d+): error: (?P<message>.*)$")
PWNED = Path("/tmp/peerkit-hostile-pwned")


def _matches(case: Case, line: int, col: int, message: str) -> bool:
    return (
        case.error in message
        and (case.line is None or line == case.line)
        and (case.col is None or col == case.col)
    )


@pytest.mark.parametrize("case", REFUSED, ids=[case.id for case in REFUSED])
def test_refused_case_is_one_clear_error_in_its_own_file(make_site: SiteBuilder, case: Case):
    place(make_site, case, make_site.root / "outside")

    _, diagnostics = make_site.load()

    errors = [d for d in diagnostics if d.severity is Severity.ERROR]
    assert errors, f"{case.id} was not refused"
    assert {d.path for d in errors} == {case.diagnostic_path}, [d.format() for d in errors]
    assert any(_matches(case, d.line, d.col, d.message) for d in errors), [
        d.format() for d in errors
    ]
    for diagnostic in errors:
        assert diagnostic.format().isprintable(), repr(diagnostic.format())


def test_python_tags_in_yaml_never_run(make_site: SiteBuilder):
    [case] = [case for case in REFUSED if case.id == "yaml-python-object-apply"]
    place(make_site, case, make_site.root / "outside")

    make_site.load()

    assert not PWNED.exists()


def _cli_site(root: Path, cases: list[Case]) -> Path:
    site = write_site(root)
    for case in cases:
        place(site, case, root.parent / "outside")
    return root


def _assert_reported(case: Case, output: str) -> None:
    lines = [DIAGNOSTIC.match(line) for line in output.splitlines()]
    ours = [m for m in lines if m and m["path"] == case.diagnostic_path]
    assert any(_matches(case, int(m["line"]), int(m["col"]), m["message"]) for m in ours), (
        case.id,
        output,
    )


def test_peerkit_check_reports_every_refused_file_in_one_run(tmp_path: Path):
    cases = [case for case in REFUSED if case.kind not in ("topics", "crisis")]
    site = _cli_site(tmp_path / "site", cases)

    result = peerkit(site, "check")

    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert "Traceback" not in output
    for case in cases:
        _assert_reported(case, result.stdout)
    assert all(line.isprintable() for line in output.splitlines()), "raw control characters"
    assert SECRET not in output


def test_peerkit_build_refuses_and_writes_no_site(tmp_path: Path):
    """The representative cases (cli: true), one site each, built at the same time."""
    cases = [case for case in REFUSED if case.cli]
    assert len(cases) >= 5
    sites = {case.id: _cli_site(tmp_path / case.id / "site", [case]) for case in cases}
    running = {
        case.id: subprocess.Popen(
            [sys.executable, "-m", "peerkit.cli", "build"],
            cwd=sites[case.id],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        )
        for case in cases
    }
    for case in cases:
        stdout, stderr = running[case.id].communicate(timeout=120)
        assert running[case.id].returncode == 1, (case.id, stdout, stderr)
        assert "Traceback" not in stdout + stderr, case.id
        _assert_reported(case, stdout)
        leftovers = [
            p.name for p in sites[case.id].iterdir() if p.name.startswith((".site", "site"))
        ]
        assert leftovers == [], case.id
