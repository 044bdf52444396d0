"""Peerkit as an organisation gets it before it is on the package index: the built
wheel (from the sdist, so a file missing from either shows), installed into a fresh
virtual environment, not editable, then `init`, `new story`, `check` and `build`.

The fresh environment sees Peerkit's dependencies through a folder of links to the
test environment's installed packages, leaving out Peerkit itself, so the install
needs no package index and takes seconds; pip still resolves every dependency the
wheel declares, and fails if one is missing.
"""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

import pytest
import yaml

from tests.conftest import REPO

pytestmark = pytest.mark.slow

_ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def _run(*command: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        [str(part) for part in command],
        cwd=cwd,
        capture_output=True,
        text=True,
        env=_ENV,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result


@pytest.fixture(scope="module")
def wheel_env(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh environment with the built wheel installed; its bin/ folder."""
    root = tmp_path_factory.mktemp("wheel")
    dist = root / "dist"
    _run(sys.executable, "-m", "build", "--outdir", dist, REPO, cwd=root)
    assert len(list(dist.glob("peerkit-*.tar.gz"))) == 1
    (wheel,) = dist.glob("peerkit-*-py3-none-any.whl")

    dependencies = root / "dependencies"
    dependencies.mkdir()
    for entry in Path(sysconfig.get_paths()["purelib"]).iterdir():
        if "peerkit" not in entry.name.lower():
            (dependencies / entry.name).symlink_to(entry)
    env = root / "env"
    venv.create(env, with_pip=False)
    python = env / "bin" / "python"
    purelib = _run(
        python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])", cwd=root
    ).stdout.strip()
    (Path(purelib) / "dependencies.pth").write_text(f"{dependencies}\n", "utf-8")
    _run(
        sys.executable, "-m", "pip", "--python", python,
        "install", "--no-index", "--no-cache-dir", wheel, cwd=root,
    )  # fmt: skip
    return env / "bin"


def test_the_wheel_installs_without_the_package_index_and_is_not_the_checkout(
    wheel_env: Path, tmp_path: Path
) -> None:
    where = _run(
        wheel_env / "python", "-c", "import peerkit; print(peerkit.__file__)", cwd=tmp_path
    ).stdout.strip()

    assert Path(where).is_relative_to(wheel_env.parent)
    assert not Path(where).is_relative_to(REPO)


def test_a_site_from_the_wheel_inits_takes_a_story_checks_and_builds(
    wheel_env: Path, tmp_path: Path
) -> None:
    peerkit = wheel_env / "peerkit"
    _run(peerkit, "init", "site", "--name", "Riverside Peers", cwd=tmp_path)
    site = tmp_path / "site"
    created = _run(
        peerkit, "new", "story", "--yes", "--title", "The bench by the river",
        "--author", "Sam", "--topic", "anxiety", "--summary", "A walk that helped.",
        "--consent-date", "2026-11-01", cwd=site,
    )  # fmt: skip
    _run(peerkit, "check", cwd=site)
    _run(peerkit, "build", cwd=site)

    assert "content/stories/the-bench-by-the-river.md" in created.stdout
    page = (site / "site" / "stories" / "the-bench-by-the-river" / "index.html").read_text("utf-8")
    assert "The bench by the river" in page
    assert "Riverside Peers" in page


def test_the_new_sites_requirements_pin_exactly_what_built_it(
    wheel_env: Path, tmp_path: Path
) -> None:
    _run(wheel_env / "peerkit", "init", "site", cwd=tmp_path)
    lines = [
        line
        for line in (tmp_path / "site" / "requirements.txt").read_text("utf-8").splitlines()
        if line and not line.startswith("#")
    ]
    installed = yaml.safe_load(
        _run(
            wheel_env / "python", "-c",
            "import json, importlib.metadata as m; print(json.dumps({n: m.version(n) for n in"
            " ('peerkit', 'mkdocs', 'mkdocs-material')}))",
            cwd=tmp_path,
        ).stdout
    )  # fmt: skip

    assert lines == [f"{name}=={installed[name]}" for name in installed]
