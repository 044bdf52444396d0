"""The contributor kit in every new site: guides from the installed Peerkit (which a
page in docs/ replaces), the issue form and the workflow that turns it into a pull
request, the pull-request checklist, pre-commit, editor settings, and every page or
file a message names existing in that site."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from peerkit.guides import GUIDES, guide_text
from peerkit.model.schemas import schema_text
from tests.commands import run_peerkit
from tests.contributors.test_contrib_import_issue import BODY as ISSUE_BODY
from tests.guide_commands import run_block, shell_blocks

REPO = Path(__file__).resolve().parents[2]

KIT = {
    ".github/ISSUE_TEMPLATE/story.yml",
    ".github/pull_request_template.md",
    ".github/workflows/check.yml",
    ".github/workflows/deploy.yml",
    ".github/workflows/story-issue.yml",
    ".pre-commit-config.yaml",
    ".vscode/settings.json",
    ".vscode/extensions.json",
    ".vscode/tasks.json",
    "docs/contribute.md",
    "docs/cover-your-tracks.md",
}


def _jsonc(path: Path) -> dict[str, object]:
    """VS Code's JSON with // comment lines."""
    lines = [
        line for line in path.read_text("utf-8").splitlines() if not line.strip().startswith("//")
    ]
    return json.loads("\n".join(lines))


def test_init_writes_the_whole_kit(new_site: Callable[..., Path]) -> None:
    site = new_site()
    files = {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}

    assert files >= KIT
    assert not {guide.name for guide in GUIDES} & {
        Path(f).name for f in files if f.startswith("docs/")
    }


def test_the_guides_are_built_from_the_installed_peerkit_and_kept_out_of_search(
    new_site: Callable[..., Path],
) -> None:
    site = new_site()
    assert run_peerkit(site, "build", "--strict").returncode == 0

    for guide in GUIDES:
        page = (site / "site" / guide.url / "index.html").read_text("utf-8")
        first_heading = re.search(r"^# (.+)$", guide_text(guide), re.MULTILINE)
        assert first_heading and first_heading[1] in page
    index = json.loads((site / "site" / "search" / "search_index.json").read_text("utf-8"))
    assert not [d for d in index["docs"] if d["location"].startswith(tuple(g.url for g in GUIDES))]


def test_a_page_of_the_same_name_in_docs_replaces_peerkits_guide(
    new_site: Callable[..., Path],
) -> None:
    site = new_site()
    (site / "docs" / "write-your-story.md").write_text(
        "---\naudience: contributors\n---\n# Our way to share a story\n\nEmail us.\n", "utf-8"
    )
    assert run_peerkit(site, "build", "--strict").returncode == 0

    page = (site / "site" / "write-your-story" / "index.html").read_text("utf-8")
    assert "Our way to share a story" in page
    assert "Bad coffee, good people" not in page


def test_a_guide_links_only_to_the_guides_every_site_has() -> None:
    names = {guide.name for guide in GUIDES}
    for guide in GUIDES:
        links = re.findall(r"\]\(([^)#]+)\)", guide_text(guide))
        assert {link for link in links if not link.startswith("https://")} <= names, guide.name


def test_the_guides_explain_every_field_from_the_schemas() -> None:
    story = guide_text(GUIDES[0])
    group = guide_text(GUIDES[1])

    assert "<!-- peerkit:fields" not in story + group
    assert "| `consent` | yes |" in story and "| `review` | no |" in story
    assert "| `last_verified` |" in group and "| `schedule` |" in group


@pytest.mark.parametrize("guide", GUIDES[:2], ids=lambda g: g.name)
def test_every_command_of_a_guide_runs_in_a_new_site(new_site: Callable[..., Path], guide) -> None:
    site = new_site()
    (site / "guide.md").write_text(guide_text(guide), "utf-8")
    blocks = shell_blocks(site / "guide.md")
    assert blocks
    for block in blocks:
        result = run_block(block, site)
        assert result.returncode == 0, f"{block}\n{result.stdout}\n{result.stderr}"


def test_the_issue_form_is_the_one_import_issue_prints_for_the_site(
    new_site: Callable[..., Path],
) -> None:
    site = new_site()
    printed = run_peerkit(site, "import-issue", "--print-form")

    assert printed.returncode == 0, printed.stderr
    assert (site / ".github/ISSUE_TEMPLATE/story.yml").read_text("utf-8") == printed.stdout


def test_the_story_issue_workflow_runs_on_the_label_and_opens_a_pull_request(
    new_site: Callable[..., Path],
) -> None:
    site = new_site()
    text = (site / ".github/workflows/story-issue.yml").read_text("utf-8")
    workflow = yaml.safe_load(text)
    (job,) = workflow["jobs"].values()
    runs = "\n".join(step.get("run", "") for step in job["steps"])

    assert workflow[True] == {"issues": {"types": ["labeled"]}}
    assert job["if"] == "github.event.label.name == 'story: ready'"
    assert "peerkit import-issue" in runs and "gh pr create" in runs
    assert "github.event.issue.body" not in text, "the issue's text must never be in a command"


def test_the_pull_request_template_asks_for_the_editors_review_and_is_peerkits_own(
    new_site: Callable[..., Path],
) -> None:
    site = new_site()
    template = (site / ".github/pull_request_template.md").read_text("utf-8")

    assert template == (REPO / ".github/pull_request_template.md").read_text("utf-8")
    assert "recorded it under `review:`" in template


def test_pre_commit_runs_peerkit_check_on_content_pages_and_settings(
    new_site: Callable[..., Path],
) -> None:
    site = new_site()
    config = yaml.safe_load((site / ".pre-commit-config.yaml").read_text("utf-8"))
    (hook,) = config["repos"][0]["hooks"]

    assert (hook["entry"], hook["language"], hook["pass_filenames"]) == (
        "peerkit check",
        "system",
        False,
    )
    assert all(re.match(hook["files"], f) for f in ("content/x.md", "docs/a.md", "mkdocs.yml"))


def test_editor_settings_point_at_schema_copies_that_are_peerkits_own(
    new_site: Callable[..., Path],
) -> None:
    site = new_site()
    settings = _jsonc(site / ".vscode/settings.json")
    schemas = settings["yaml.schemas"]
    assert isinstance(schemas, dict) and schemas

    for path, globs in schemas.items():
        copy = site / path
        assert copy.read_text("utf-8") == schema_text(copy.stem)  # type: ignore[arg-type]
        assert globs
    assert settings["[yaml]"] == {
        "editor.insertSpaces": True,
        "editor.tabSize": 2,
        "editor.detectIndentation": False,
    }
    assert _jsonc(site / ".vscode/extensions.json") == {"recommendations": ["redhat.vscode-yaml"]}


_PAGE = re.compile(r"the page ([\w-]+/) of this site")
_FILE = re.compile(r"\.github/[\w/.-]+\.(?:md|yml)")


def test_every_page_and_file_a_message_names_exists_in_the_new_site(
    new_site: Callable[..., Path],
) -> None:
    site = new_site()
    assert run_peerkit(site, "build").returncode == 0
    (site / "story.md").write_text("I had saved up a month of my sleeping tablets.\n", "utf-8")
    said = [
        run_peerkit(site, "new", "group", "--yes", "--name", "Tuesday Circle", "--topic",
                    "grief", "--description", "A circle.", "--format", "online", "--url",
                    "https://meet.example.org/circle", "--platform", "Zoom", "--freq",
                    "weekly", "--day", "Tuesday", "--start", "19:00", "--end", "20:00"),
        run_peerkit(site, "new", "story", "--yes", "--title", "Saved up", "--author", "Sam",
                    "--topic", "grief", "--summary", "x", "--consent-date", "2026-11-01",
                    "--text", "story.md"),
        run_peerkit(site, "check"),
    ]  # fmt: skip
    (site / "issue.md").write_text(ISSUE_BODY, "utf-8")
    said.append(run_peerkit(site, "import-issue", "issue.md"))
    text = "\n".join(r.stdout + r.stderr for r in said)

    pages = set(_PAGE.findall(text))
    files = set(_FILE.findall(text))
    assert {"add-a-group/", "safe-messaging/"} <= pages
    assert ".github/pull_request_template.md" in files
    for page in pages:
        assert (site / "site" / page / "index.html").is_file(), page
    for name in files:
        assert (site / name).is_file(), name
