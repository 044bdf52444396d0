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
from tests.organisations.test_org_kit import KIT

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


def _peerkit(bin_dir: Path, cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """The wheel's `peerkit`, whatever its exit code."""
    return subprocess.run(
        [str(bin_dir / "peerkit"), *args], cwd=cwd, capture_output=True, text=True, env=_ENV,
        check=False,
    )  # fmt: skip


KIT_FILES = {*KIT, ".vscode/schemas/group.json", "requirements.txt"}
"""The kit test's files, and two that only a wheel install can get wrong."""

MISTAKES = {
    # A contributor's first story, with each mistake of the issue in its own file.
    "tab.md": "---\ntitle: Tabbed\ndate: 2026-11-20\ntopics: [anxiety]\nsummary: x\nconsent:\n"
    "\tgiven: true\n\tdate: 2026-11-01\n---\nText.\n",
    "colon.md": "---\ntitle: My story: year one\ndate: 2026-11-20\ntopics: [anxiety]\n"
    "summary: x\nconsent:\n  given: true\n  date: 2026-11-01\n---\nText.\n",
    "consent.md": "---\ntitle: Yes\ndate: 2026-13-20\ntopics: [Anxiety]\nsummary: x\n"
    "consent: yes\n---\nText.\n",
    "stranger.md": "---\ntitle: A stranger\nauthor: Jane Smith\nanonymous: true\n"
    "date: 2026-11-20\ntopics: [anxiety]\nsummary: x\ncontent_warnings: [overdose]\n"
    "consent:\n  given: true\n  date: 2026-11-01\n---\n"
    "My neighbour Dave Whitfield gave me his number, 07700 900123.\n\n"
    "I had saved up a month of my sleeping tablets and meant to take them all with a"
    " bottle of vodka.\n",
}


def test_both_journeys_end_to_end_on_the_wheel(wheel_env: Path, tmp_path: Path) -> None:
    """An organisation: init, brand, import its spreadsheet, check, build. A contributor:
    new story, the mistakes of the issue, every message at once, an editor's review,
    a build that passes only then."""
    assert (
        _peerkit(wheel_env, tmp_path, "init", "site", "--name", "Riverside Peers").returncode == 0
    )
    site = tmp_path / "site"
    written = {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}
    assert written >= KIT_FILES
    config = site / "mkdocs.yml"
    config.write_text(config.read_text("utf-8").replace("#00695c", "#4a148c"), "utf-8")
    spreadsheet = REPO / "tests" / "imports" / "fixtures" / "groups-spreadsheet.csv"
    imported = _peerkit(wheel_env, site, "import", "--partial", str(spreadsheet))
    # The fixture is a real-world mess: the rows it cannot read are named, the rest written.
    assert "groups-spreadsheet.csv:5: error: unknown day 'Tusday'" in imported.stdout
    assert "CSV spreadsheet: created 4, updated 0, unchanged 0, skipped 4" in imported.stdout
    assert len(list((site / "content" / "groups").rglob("*.yml"))) == 5
    assert _peerkit(wheel_env, site, "build", "--strict").returncode == 0
    for guide in ("write-your-story", "add-a-group", "safe-messaging", "cover-your-tracks"):
        assert (site / "site" / guide / "index.html").is_file(), guide
    assert "--md-primary-fg-color: #4a148c;" in (
        site / "site" / "assets" / "peerkit" / "colors.css"
    ).read_text("utf-8")

    for name, text in MISTAKES.items():
        (site / "content" / "stories" / name).write_text(text, "utf-8")
    checked = _peerkit(wheel_env, site, "check")
    built = _peerkit(wheel_env, site, "build")

    assert checked.returncode == 1 and built.returncode == 1
    lines = checked.stdout.splitlines()
    expected = [
        "content/stories/tab.md:7:1: error: a tab character: YAML needs spaces to indent",
        "content/stories/colon.md:2:16: error: the value of 'title' holds a colon",
        # YAML reads a bare Yes as true or false: the title needs quotes.
        "content/stories/consent.md:2:8: error: title: YAML reads yes, no, on, off, true and"
        " false as true or false, not as words: put the value in double quotes",
        "content/stories/consent.md:3:7: error: date: '2026-13-20' is not valid",
        "content/stories/consent.md:4:10: error: topics[1]: 'Anxiety' is not valid: a topic's"
        " short name, as on its slug line in content/topics.yml",
        "content/stories/consent.md:6:10: error: consent: expected a set of fields",
        "content/stories/stranger.md:3:9: error: the story is marked anonymous: remove 'author'",
        "content/stories/stranger.md:13:49: error: phone number '07*** ****23' in the story",
        "content/stories/stranger.md:15:7: error: detail of method or means ('saved up a month",
        "content/stories/stranger.md:15:60: error: detail of method or means ('take them all",
    ]
    for start in expected:
        assert any(line.startswith(start) for line in lines), (start, checked.stdout)
    assert "`  given: true` `  date: 2026-03-01`" in checked.stdout
    assert not (site / "site" / "stories" / "stranger").exists()

    for name in ("tab.md", "colon.md", "consent.md"):
        (site / "content" / "stories" / name).unlink()
    stranger = site / "content" / "stories" / "stranger.md"
    subjects = [
        line.split(" review: findings: as ")[1].split(" (the page safe-messaging/")[0]
        for line in lines
        if line.startswith("content/stories/stranger.md") and " review: findings: as " in line
    ]
    review = "review:\n  by: Priya (editor)\n  date: 2026-11-21\n  findings:\n" + "".join(
        f"    - {subject}\n" for subject in subjects
    )
    stranger.write_text(
        stranger.read_text("utf-8")
        .replace("author: Jane Smith\n", "")
        .replace("---\nMy neighbour", f"{review}---\nMy neighbour"),
        "utf-8",
    )
    reviewed = _peerkit(wheel_env, site, "build", "--strict")

    assert reviewed.returncode == 0, reviewed.stdout + reviewed.stderr
    assert (site / "site" / "stories" / "stranger" / "index.html").is_file()
    assert _peerkit(wheel_env, site, "doctor").returncode == 0
