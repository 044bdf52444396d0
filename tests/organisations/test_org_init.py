"""`peerkit init`: a new organisation's site that builds at once and holds no code."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from peerkit import distribution
from peerkit.init_site import known_crisis_countries
from tests.commands import run_peerkit
from tests.organisations.conftest import built_page, check_in_process, edit_config, plugin_options

REPO = Path(__file__).resolve().parents[2]


def test_init_then_build_gives_a_site_with_the_organisations_name_and_colours(
    new_site: Callable[..., Path],
) -> None:
    site = new_site("--name", "Riverside Peer Support", "--country", "IE")
    edit_config(
        site, lambda c: plugin_options(c).update(colors={"primary": "#5b2a86", "accent": "#c2185b"})
    )

    result = run_peerkit(site, "build", "--strict")

    assert result.returncode == 0, result.stdout + result.stderr
    home = built_page(site, "index.html")
    assert re.search(r"<title>[^<]*Riverside Peer Support[^<]*</title>", home)
    assert 'href="assets/peerkit/colors.css"' in home
    assert 'data-md-color-primary="custom"' in home
    css = built_page(site, "assets/peerkit/colors.css")
    assert "--md-primary-fg-color: #5b2a86;" in css
    assert "--md-accent-fg-color: #c2185b;" in css
    story = built_page(site, "stories/the-first-evening-i-went-along/index.html")
    assert "Samaritans Ireland" in story
    assert (site / "site" / "groups" / "index.html").is_file()
    assert (site / "site" / "tips" / "going-to-your-first-group" / "index.html").is_file()


def test_init_refuses_a_folder_that_is_not_empty(tmp_path: Path) -> None:
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "notes.txt").write_text("ours", "utf-8")

    refused = run_peerkit(tmp_path, "init", "site")

    assert refused.returncode == 1
    assert "not empty" in refused.stderr and "--force" in refused.stderr
    assert sorted(p.name for p in (tmp_path / "site").iterdir()) == ["notes.txt"]

    forced = run_peerkit(tmp_path, "init", "site", "--force")

    assert forced.returncode == 0, forced.stderr
    assert (tmp_path / "site" / "mkdocs.yml").is_file()
    assert (tmp_path / "site" / "notes.txt").read_text("utf-8") == "ours"


def test_init_refuses_answers_that_would_not_build(tmp_path: Path) -> None:
    result = run_peerkit(tmp_path, "init", "site", "--country", "GBR", "--timezone", "Mars/Base")

    assert result.returncode == 1
    assert "--country 'GBR'" in result.stderr
    assert "--timezone 'Mars/Base'" in result.stderr
    assert not (tmp_path / "site").exists()


def test_the_new_site_holds_no_code_and_pins_peerkit_mkdocs_and_material_exactly(
    new_site: Callable[..., Path],
) -> None:
    site = new_site()
    files = {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}

    assert not [f for f in files if f.endswith((".py", ".html", ".js", ".css"))]
    assert {".gitignore", ".github/workflows/check.yml", ".github/workflows/deploy.yml"} <= files
    assert {"README.md", "overrides/README.md", "content/topics.yml", "content/crisis.yml"} <= files
    assert {
        "docs/index.md",
        "docs/about.md",
        "docs/why-peer-support.md",
        "docs/contribute.md",
    } <= files
    requirements = [
        line
        for line in (site / "requirements.txt").read_text("utf-8").splitlines()
        if line and not line.startswith("#")
    ]
    assert [line.split("==")[0] for line in requirements] == [
        "peerkit",
        "mkdocs",
        "mkdocs-material",
    ]
    assert all(re.fullmatch(r"[a-z-]+==\d+(\.\d+)+", line) for line in requirements)
    assert "/site/" in (site / ".gitignore").read_text("utf-8").splitlines()


def test_the_example_content_has_one_of_each_kind_and_the_story_has_consent(
    new_site: Callable[..., Path],
) -> None:
    site = new_site()
    content = site / "content"

    stories = list((content / "stories").glob("*.md"))
    assert len(stories) == 1
    assert len(list((content / "tips").glob("*.md"))) == 1
    assert len(list((content / "groups").rglob("*.yml"))) == 1
    story = yaml.safe_load(stories[0].read_text("utf-8").split("---\n")[1])
    assert story["example"] is True
    assert story["consent"]["given"] is True
    assert len(yaml.safe_load((content / "topics.yml").read_text("utf-8"))) >= 3


def test_the_workflows_check_pull_requests_and_deploy_main_to_github_pages(
    new_site: Callable[..., Path],
) -> None:
    site = new_site()
    workflows = site / ".github" / "workflows"
    check = yaml.safe_load((workflows / "check.yml").read_text("utf-8"))
    deploy = yaml.safe_load((workflows / "deploy.yml").read_text("utf-8"))

    # PyYAML reads the key `on` as True (YAML 1.1).
    assert "pull_request" in check[True]
    assert deploy[True]["push"]["branches"] == ["main"]
    # Daily as well: what a page says of dates (next meetings) must not drift.
    assert [entry["cron"].split()[2:] for entry in deploy[True]["schedule"]] == [["*", "*", "*"]]
    check_runs = [step.get("run") for step in _steps(check)]
    assert "peerkit check" in check_runs and "peerkit build --strict" in check_runs
    assert {
        "actions/configure-pages",
        "actions/upload-pages-artifact",
        "actions/deploy-pages",
    } <= {step.get("uses", "").split("@")[0] for step in _steps(deploy)}
    for workflow in (check, deploy):
        assert "pip install -r requirements.txt" in [step.get("run") for step in _steps(workflow)]
    # The build cache comes back before the build and is saved after it.
    names = [step.get("uses", step.get("run", "")).split("@")[0] for step in _steps(deploy)]
    assert names.index("actions/cache") < names.index("peerkit build")
    cache = next(s for s in _steps(deploy) if s.get("uses", "").startswith("actions/cache@"))
    assert cache["with"]["path"] == ".cache/peerkit"


def test_the_workflows_use_the_same_actions_as_peerkits_own(new_site: Callable[..., Path]) -> None:
    """GitHub retires old versions of its Pages actions: one upgrade in Peerkit's workflows
    must reach the sites it starts too."""
    site = new_site()
    for name in ("check.yml", "deploy.yml"):
        ours = yaml.safe_load((REPO / ".github" / "workflows" / name).read_text("utf-8"))
        theirs = yaml.safe_load((site / ".github" / "workflows" / name).read_text("utf-8"))
        assert [s["uses"] for s in _steps(theirs) if "uses" in s] == [
            s["uses"] for s in _steps(ours) if "uses" in s
        ]


def test_a_site_told_where_peerkit_comes_from_installs_it_from_there(
    new_site: Callable[..., Path],
) -> None:
    tag = "git+https://example.org/peerkit.git@v0.1.0"
    site = new_site("--peerkit-from", tag)

    lines = (site / "requirements.txt").read_text("utf-8").splitlines()
    first = next(line for line in lines if line and not line.startswith("#"))
    assert first.startswith(f"peerkit @ {tag}  # ")


@pytest.mark.parametrize(
    ("record", "source"),
    [
        (
            {"url": "https://example.org/p.git", "vcs_info": {"vcs": "git", "commit_id": "ab12"}},
            "git+https://example.org/p.git@ab12",
        ),
        (
            {"url": "https://example.org/peerkit-0.1.0-py3-none-any.whl", "archive_info": {}},
            "https://example.org/peerkit-0.1.0-py3-none-any.whl",
        ),
        ({"url": "file:///home/me/peerkit-0.1.0-py3-none-any.whl", "archive_info": {}}, None),
        ({"url": "file:///home/me/peerkit", "dir_info": {"editable": True}}, None),
    ],
)
def test_where_peerkit_was_installed_from_is_kept_only_if_ci_can_reach_it(
    monkeypatch: pytest.MonkeyPatch, record: dict[str, Any], source: str | None
) -> None:
    class Installed:
        def read_text(self, name: str) -> str:
            return json.dumps(record)

    monkeypatch.setattr(distribution, "distribution", lambda name: Installed())

    assert distribution.peerkit_source() == source


def test_init_refuses_a_peerkit_source_ci_cannot_install_from(tmp_path: Path) -> None:
    result = run_peerkit(tmp_path, "init", "site", "--peerkit-from", "/home/me/peerkit.whl")

    assert result.returncode == 1
    assert "--peerkit-from '/home/me/peerkit.whl': give the https address" in result.stderr


def test_every_action_is_pinned_by_commit_with_its_version_beside_it(
    new_site: Callable[..., Path],
) -> None:
    """A tag such as v6 can be moved to other code; a commit cannot."""
    site = new_site()
    for workflow in (site / ".github" / "workflows").glob("*.yml"):
        uses = [
            line.split("uses:")[1]
            for line in workflow.read_text("utf-8").splitlines()
            if "uses:" in line
        ]
        assert uses
        for use in uses:
            assert re.fullmatch(r" [a-z-]+/[a-z-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+", use), use


def _steps(workflow: dict[str, Any]) -> list[dict[str, Any]]:
    return [step for job in workflow["jobs"].values() for step in job["steps"]]


def test_every_known_country_gets_crisis_lines_that_pass_check(
    new_site: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    assert known_crisis_countries() == ["AU", "CA", "GB", "IE", "NZ", "US"]
    for country in known_crisis_countries():
        site = new_site("--country", country, "--force")
        crisis = yaml.safe_load((site / "content" / "crisis.yml").read_text("utf-8"))
        assert {line["country"] for line in crisis["lines"]} == {country}
        assert "check every name, number" in (site / "content" / "crisis.yml").read_text("utf-8")
        code, out = check_in_process(site, capsys)
        assert code == 0, (country, out)


def test_an_unknown_country_gets_a_placeholder_that_check_refuses(
    new_site: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    site = new_site("--country", "fr", "--timezone", "Europe/Paris", "--language", "fr")

    code, out = check_in_process(site, capsys)

    assert code == 1
    assert re.search(r"content/crisis\.yml:\d+:\d+: error: .*'ADD THE PHONE NUMBER'", out)
    crisis = (site / "content" / "crisis.yml").read_text("utf-8")
    assert "Peerkit does not know the crisis lines for FR" in crisis
    assert "country: FR" in crisis
    assert "language: fr" in (site / "mkdocs.yml").read_text("utf-8")


def test_a_logo_in_docs_shows_in_the_header(new_site: Callable[..., Path]) -> None:
    site = new_site()
    (site / "docs" / "images").mkdir()
    (site / "docs" / "images" / "logo.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"/>', "utf-8"
    )
    edit_config(site, lambda c: c["theme"].update(logo="images/logo.svg"))

    result = run_peerkit(site, "build", "--strict")

    assert result.returncode == 0, result.stdout + result.stderr
    assert re.search(r'<img src="images/logo\.svg"', built_page(site, "index.html"))
    assert (site / "site" / "images" / "logo.svg").is_file()


def test_a_template_in_the_sites_overrides_wins_over_peerkits(
    new_site: Callable[..., Path],
) -> None:
    site = new_site()
    partial = site / "overrides" / "partials" / "peerkit" / "disclaimer.html"
    partial.parent.mkdir(parents=True)
    partial.write_text('<p class="our-note">Our own words above the footer.</p>\n', "utf-8")

    result = run_peerkit(site, "build")

    assert result.returncode == 0, result.stdout + result.stderr
    home = built_page(site, "index.html")
    assert "Our own words above the footer." in home
    assert "pk-disclaimer" not in home
