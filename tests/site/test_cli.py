"""`peerkit check` and `peerkit build` as a contributor and a maintainer meet them."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.commands import run_peerkit
from tests.conftest import SiteBuilder

REPO = Path(__file__).resolve().parents[2]


peerkit = run_peerkit


def snapshot(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


def test_check_passes_the_reference_site_but_strict_fails_on_its_stale_listings(
    site_copy: Path,
) -> None:
    plain = peerkit(site_copy, "check")
    assert plain.returncode == 0, plain.stdout
    assert ": warning: listing last checked on" in plain.stdout
    strict = peerkit(site_copy, "check", "--strict")
    assert strict.returncode == 1


def test_check_reports_every_error_with_path_line_and_column(site_copy: Path) -> None:
    story = site_copy / "content" / "stories" / "the-app-i-deleted.md"
    story.write_text(story.read_text("utf-8").replace("title:", "tittle:", 1), "utf-8")
    group = next((site_copy / "content" / "groups").rglob("*.yml"))
    group.write_text(
        group.read_text("utf-8").replace("opens_at: ", 'opens_at: "25:00"\n  x_opens_at: ', 1),
        "utf-8",
    )
    result = peerkit(site_copy, "check")
    assert result.returncode == 1
    lines = [line for line in result.stdout.splitlines() if ": error: " in line]
    assert any(
        line.startswith("content/stories/the-app-i-deleted.md:2:1: error: unknown field 'tittle'")
        for line in lines
    ), lines
    assert any(
        line.startswith(f"content/groups/{group.parent.name}/{group.name}:") for line in lines
    ), lines
    assert "Traceback" not in result.stdout + result.stderr


def test_failed_build_leaves_the_previous_site_untouched(site_copy: Path) -> None:
    first = peerkit(site_copy, "build")
    assert first.returncode == 0, first.stdout + first.stderr
    before = snapshot(site_copy / "site")
    assert "index.html" in before
    (site_copy / "content" / "stories" / "the-app-i-deleted.md").write_bytes(
        b"---\ntitle: \xff\n---\nx\n"
    )
    broken = peerkit(site_copy, "build")
    assert broken.returncode == 1
    assert (
        "content/stories/the-app-i-deleted.md:2:8: error: file is not valid UTF-8" in broken.stdout
    )
    assert snapshot(site_copy / "site") == before
    assert sorted(p.name for p in site_copy.iterdir() if p.name.startswith(".site")) == []


def test_build_failing_part_way_through_rendering_leaves_the_previous_site(site_copy: Path) -> None:
    assert peerkit(site_copy, "build").returncode == 0
    before = snapshot(site_copy / "site")
    override = site_copy / "overrides" / "peerkit" / "group.html"
    override.parent.mkdir(parents=True, exist_ok=True)
    override.write_text("<h1>{{ title }}</h1>\n{{ no_such_value.attribute }}\n", "utf-8")
    broken = peerkit(site_copy, "build")
    assert broken.returncode == 1
    assert "no_such_value" in broken.stdout + broken.stderr
    assert "Traceback" not in broken.stdout + broken.stderr
    assert snapshot(site_copy / "site") == before
    assert [p.name for p in site_copy.iterdir() if p.name.startswith(".site")] == []


def test_build_outside_a_site_says_what_to_do(tmp_path: Path) -> None:
    result = peerkit(tmp_path, "build")
    assert result.returncode == 1
    assert "mkdocs.yml:1:1: error: no such file" in result.stderr


def test_build_stops_at_personal_data_found_while_it_builds_until_it_is_reviewed(
    site_copy: Path,
) -> None:
    story = site_copy / "content" / "stories" / "a-chair-by-the-window.md"
    text = story.read_text("utf-8")
    story.write_text(text + "\nYou can ring me on 07700 900123 any evening.\n", "utf-8")
    built = peerkit(site_copy, "build")
    assert built.returncode == 1, built.stdout + built.stderr
    error = next(
        line
        for line in built.stdout.splitlines()
        if line.startswith(f"content/stories/{story.name}:")
    )
    assert ": error: phone number '07*** ****23' in the story" in error
    assert not (site_copy / "site" / "stories" / story.stem / "index.html").exists()
    checked = peerkit(site_copy, "check")
    assert checked.returncode == 1
    assert error in checked.stdout.splitlines()

    front, body = text.split("\n---\n", 1)
    reviewed = (
        f"{front}\nreview:\n  by: Priya (editor)\n  date: 2026-11-20\n  findings:\n"
        "    - \"phone number '07*** ****23' in the story\"\n---\n"
        f"{body}\nYou can ring me on 07700 900123 any evening.\n"
    )
    story.write_text(reviewed, "utf-8")
    rebuilt = peerkit(site_copy, "build")
    assert rebuilt.returncode == 0, rebuilt.stdout + rebuilt.stderr
    assert (site_copy / "site" / "stories" / story.stem / "index.html").is_file()


def test_a_reader_that_stops_early_gets_no_traceback(make_site: SiteBuilder) -> None:
    """`peerkit check --format json | head`: more output than a pipe holds, a reader that
    leaves after a few bytes, and no BrokenPipe traceback."""
    make_site.configure()
    for number in range(400):
        make_site.story(f"story-{number}", {"topics": ["no-such-topic-with-a-long-name"]})
    whole = run_peerkit(make_site.root, "check", "--format", "json")
    assert len(whole.stdout) > 70_000, "more than a pipe holds, or the test proves nothing"
    result = subprocess.run(
        f"{sys.executable} -m peerkit.cli check --format json | head -c 100",
        shell=True,
        cwd=make_site.root,
        capture_output=True,
        text=True,
        check=False,
    )

    assert len(result.stdout) == 100
    assert "Traceback" not in result.stderr and "BrokenPipe" not in result.stderr, result.stderr
