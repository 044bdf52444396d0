"""Engines: ProperDocs builds the reference site as MkDocs does, the `peerkit`
command builds with the engine it is told to, and every engine's versions are said
the same way in pyproject.toml and in what `peerkit init` writes."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import tomllib

from peerkit import engines
from peerkit.distribution import requirement_lines
from tests.commands import _env
from tests.conftest import REPO

GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')


BUILD_DAY = {"SOURCE_DATE_EPOCH": "1796083200"}
"""2026-12-01: two builds compared must not straddle midnight (dates are in the pages)."""


def _peerkit(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """`peerkit ARGS` through its installed entry (which chooses the engine), in REPO."""
    return subprocess.run(
        [sys.executable, "-m", "peerkit", *args],
        cwd=REPO,
        capture_output=True,
        text=True,
        env={**_env(), **(env or {})},
        check=False,
    )


def _files(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }


@pytest.mark.slow
def test_properdocs_builds_the_reference_site_as_mkdocs_does(tmp_path: Path) -> None:
    for engine in ("mkdocs", "properdocs"):
        out = tmp_path / engine
        result = _peerkit("build", "--no-cache", "--engine", engine, "-d", str(out), env=BUILD_DAY)
        assert result.returncode == 0, result.stdout + result.stderr
        # The engine's own messages, under its own name: ProperDocs' were not shown.
        assert "INFO    - Documentation built in" in result.stderr, (engine, result.stderr)
    built, expected = _files(tmp_path / "properdocs"), _files(tmp_path / "mkdocs")
    assert sorted(built) == sorted(expected)
    assert b"ProperDocs" in built["index.html"] and b"ProperDocs" not in expected["index.html"]
    differ = [
        path
        for path in expected
        if GENERATOR.sub(b"", built[path]) != GENERATOR.sub(b"", expected[path])
    ]
    assert differ == []


def test_an_engine_the_process_has_not_loaded_is_refused_with_the_way_out(tmp_path: Path) -> None:
    from peerkit.cli import main

    assert engines.running() is engines.MKDOCS
    assert main(["build", "--engine", "properdocs", "-d", str(tmp_path / "site")]) == 1
    assert not (tmp_path / "site").exists()


def test_the_engine_the_site_names_is_read_before_mkdocs_is(tmp_path: Path) -> None:
    config = tmp_path / "mkdocs.yml"
    config.write_text(
        "site_url: !ENV [SITE_URL, null]\nplugins:\n  - search\n  - peerkit:\n      engine: zensical\n",
        "utf-8",
    )
    assert engines.chosen(None, config) is engines.ZENSICAL
    assert engines.chosen("mkdocs", config) is engines.MKDOCS


def test_with_no_engine_named_properdocs_is_chosen_when_installed(tmp_path: Path) -> None:
    expected = engines.PROPERDOCS if engines.PROPERDOCS.installed_version() else engines.MKDOCS
    assert engines.chosen(None, tmp_path / "missing.yml") is expected


def test_every_engine_has_the_same_versions_in_pyproject_and_in_init() -> None:
    pyproject = tomllib.loads((REPO / "pyproject.toml").read_text("utf-8"))
    extras = pyproject["project"]["optional-dependencies"]
    dependencies = pyproject["project"]["dependencies"]
    for engine in engines.ENGINES:
        said = dependencies if engine is engines.MKDOCS else extras[engine.name]
        assert any(line.split(";")[0].strip() == engine.requirement() for line in said), engine
    written = "\n".join(requirement_lines(None))
    for engine in engines.ENGINES:
        assert engine.requirement() in written, engine.name
