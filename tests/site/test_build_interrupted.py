"""An interrupted `peerkit build`: no traceback, no process left running, the last site kept.

A hook in the test site makes each page slow, so that a signal reliably lands in
the middle of the build. A second set of cases runs `peerkit.forked` work in a
small script and stops the script, to see that the forked child stops with it,
even when the script is killed outright.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from peerkit.site_output import remove_stale_folders
from tests.conftest import SiteBuilder
from tests.site.test_cli import snapshot

REPO = Path(__file__).resolve().parents[2]
MKDOCS_YML = (
    "site_name: Interrupted\nplugins:\n  - search\n  - peerkit\nhooks:\n  - slow_pages.py\n"
)
SLOW_PAGES = """\
import os, pathlib, time
def on_page_content(html, page, config, files, **kwargs):
    if os.environ.get("SLOW_PAGES"):
        pathlib.Path(config.config_file_path).with_name("building").touch()
        time.sleep(0.4)
    return html
"""
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


@pytest.fixture
def slow_site(make_site: SiteBuilder) -> SiteBuilder:
    (make_site.root / "mkdocs.yml").write_text(MKDOCS_YML, "utf-8")
    (make_site.root / "slow_pages.py").write_text(SLOW_PAGES, "utf-8")
    (make_site.root / "docs").mkdir()
    (make_site.root / "docs" / "index.md").write_text("# Home\n", "utf-8")
    make_site.story()
    make_site.tip()
    make_site.group()
    return make_site


def _as_from_a_terminal() -> None:
    """Ctrl-C reaches the command as it would from a terminal: a runner started in the
    background (`cmd &` in a script) passes SIGINT on ignored, and Python keeps it so."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _build(root: Path, slow: bool = False) -> subprocess.Popen[str]:
    env = {**ENV, "SLOW_PAGES": "1"} if slow else ENV
    return subprocess.Popen(
        [sys.executable, "-m", "peerkit.cli", "build"],
        cwd=root, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        preexec_fn=_as_from_a_terminal,
    )  # fmt: skip


def _first_build(root: Path) -> dict[str, bytes]:
    process = _build(root)
    out, err = process.communicate(timeout=300)
    assert process.returncode == 0, out + err
    return snapshot(root / "site")


def _interrupt_mid_build(root: Path, signum: int) -> tuple[int, str]:
    process = _build(root, slow=True)
    deadline = time.monotonic() + 240
    while not (root / "building").exists():
        assert process.poll() is None, process.communicate()
        assert time.monotonic() < deadline, "the build never reached a page"
        time.sleep(0.05)
    assert list(root.glob(".site-new-*")), "no build folder while building"
    process.send_signal(signum)
    out, err = process.communicate(timeout=120)
    return process.returncode, out + err


def _processes_in(folder: Path) -> list[int]:
    """Processes whose working folder is ``folder`` (a build and its children run there)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if Path(os.readlink(entry / "cwd")) == folder:
                    found.append(int(entry.name))
            except OSError:
                continue
    return found


@pytest.mark.parametrize(("signum", "code"), [(signal.SIGINT, 130), (signal.SIGTERM, 143)])
def test_a_signal_mid_build_stops_cleanly_and_keeps_the_last_site(
    slow_site: SiteBuilder, signum: int, code: int
) -> None:
    root = slow_site.root
    before = _first_build(root)

    returncode, output = _interrupt_mid_build(root, signum)

    assert returncode == code, output
    assert "Traceback" not in output
    assert f"stopped ({signal.Signals(signum).name})" in output
    assert snapshot(root / "site") == before
    assert list(root.glob(".site-*")) == []
    assert _processes_in(root.resolve()) == []


def test_after_a_killed_build_the_next_build_removes_its_folder(slow_site: SiteBuilder) -> None:
    root = slow_site.root
    before = _first_build(root)

    returncode, _ = _interrupt_mid_build(root, signal.SIGKILL)

    assert returncode == -signal.SIGKILL
    assert snapshot(root / "site") == before
    time.sleep(0.5)
    assert _processes_in(root.resolve()) == [], "a child of the killed build runs on"
    [stale] = root.glob(".site-new-*")
    (root / "building").unlink()
    process = _build(root)
    out, err = process.communicate(timeout=300)
    assert process.returncode == 0, out + err
    assert not stale.exists()
    assert list(root.glob(".site-new-*")) == []
    # The replaced site is removed by a process of its own, after the build.
    deadline = time.monotonic() + 60
    while list(root.glob(".site-old-*")) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert list(root.glob(".site-*")) == []


def test_only_folders_of_builds_that_are_gone_are_removed(tmp_path: Path) -> None:
    site_dir = tmp_path / "site"
    ours = tmp_path / f".site-new-{os.getpid()}-abc123"
    gone = tmp_path / ".site-new-999999999-abc123"
    older_peerkit = tmp_path / ".site-old-k2j3h4"
    unrelated = tmp_path / ".site-notes"
    for folder in (ours, gone, older_peerkit, unrelated):
        folder.mkdir()
        (folder / "index.html").write_text("x", "utf-8")

    removed = remove_stale_folders(site_dir)

    assert sorted(removed) == sorted([gone, older_peerkit])
    assert ours.is_dir() and unrelated.is_dir()


FORKED_SCRIPT = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    import peerkit.forked as forked
    from peerkit.interrupts import run_interruptibly

    forked.can_fork = lambda: sys.platform == "linux"
    out = Path(sys.argv[1])

    def work():
        for number in range(100_000):
            (out / str(number)).write_text("x")
            time.sleep(0.005)
        return 0

    def run():
        work_in_child = forked.Forked(work)
        assert work_in_child.in_background
        print("started", flush=True)
        time.sleep(120)
        return 0

    sys.exit(run_interruptibly(run, "test"))
    """
)


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM, signal.SIGKILL])
def test_forked_work_stops_when_its_parent_is_stopped(tmp_path: Path, signum: int) -> None:
    out = tmp_path / "written"
    out.mkdir()
    process = subprocess.Popen(
        [sys.executable, "-c", FORKED_SCRIPT, str(out)],
        cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        preexec_fn=_as_from_a_terminal,
    )  # fmt: skip
    assert process.stdout is not None
    assert process.stdout.readline().strip() == "started"
    while len(list(out.iterdir())) < 10:
        time.sleep(0.02)

    process.send_signal(signum)
    _, err = process.communicate(timeout=60)

    assert "Traceback" not in err
    settled = len(list(out.iterdir()))
    time.sleep(0.5)
    assert len(list(out.iterdir())) == settled, "the forked child is still writing"
