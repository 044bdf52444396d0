"""The files GitHub, pre-commit and VS Code read: valid, and doing what they are for."""

from __future__ import annotations

import json
import re
import shlex
from pathlib import Path

import yaml

from peerkit.cli import _parser

REPO = Path(__file__).resolve().parents[2]
PINNED = re.compile(r"^actions/[a-z-]+@[0-9a-f]{40}$")


def workflow(name: str) -> dict:
    data = yaml.safe_load((REPO / ".github" / "workflows" / name).read_text("utf-8"))
    # YAML 1.1 reads the key `on` as true.
    data["on"] = data.pop(True, data.get("on"))
    return data


def steps(job: dict) -> list[dict]:
    return job["steps"]


def uses(step: dict) -> str:
    return step.get("uses", "").split("@")[0]


def peerkit_arguments(command: str) -> list[str]:
    """A `peerkit ...` command line, parsed by the real CLI (fails if an option is unknown)."""
    words = shlex.split(command)
    assert words[0] == "peerkit", command
    _parser().parse_args(words[1:])
    return words[1:]


def test_check_workflow_runs_on_pull_requests_with_check_then_strict_build():
    flow = workflow("check.yml")
    (job,) = flow["jobs"].values()

    assert "pull_request" in flow["on"]
    assert [uses(s) for s in steps(job) if "uses" in s] == [
        "actions/checkout",
        "actions/setup-python",
    ]
    runs = [s["run"] for s in steps(job) if "run" in s]
    assert runs == ["pip install .", "peerkit check", "peerkit build --strict"]
    assert [peerkit_arguments(r) for r in runs[1:]] == [["check"], ["build", "--strict"]]
    assert flow["permissions"] == {"contents": "read"}


def test_deploy_workflow_builds_main_and_deploys_with_the_official_pages_actions():
    flow = workflow("deploy.yml")
    build, deploy = flow["jobs"]["build"], flow["jobs"]["deploy"]

    assert flow["on"]["push"]["branches"] == ["main"]
    assert flow["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    assert flow["concurrency"] == {"group": "pages", "cancel-in-progress": False}
    assert [uses(s) or s["run"] for s in steps(build)] == [
        "actions/checkout",
        "actions/setup-python",
        "pip install .",
        "actions/configure-pages",
        "actions/cache",
        "peerkit build",
        "actions/upload-pages-artifact",
    ]
    upload = steps(build)[-1]
    site_dir = yaml.safe_load((REPO / "mkdocs.yml").read_text("utf-8"))["site_dir"]
    assert upload["with"]["path"] == site_dir
    assert deploy["needs"] == "build"
    assert deploy["environment"] == {
        "name": "github-pages",
        "url": "${{ steps.deployment.outputs.page_url }}",
    }
    (step,) = steps(deploy)
    assert (uses(step), step["id"]) == ("actions/deploy-pages", "deployment")


def test_every_action_is_pinned_to_a_commit():
    """A tag can be moved to other code; a commit cannot (the version is in a comment)."""
    actions = [
        step["uses"]
        for name in ("check.yml", "deploy.yml")
        for job in workflow(name)["jobs"].values()
        for step in steps(job)
        if "uses" in step
    ]

    assert len(actions) == 8
    assert [a for a in actions if not PINNED.match(a)] == []


def test_pre_commit_hook_runs_peerkit_check_when_content_or_mkdocs_yml_change():
    (hook,) = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text("utf-8"))

    assert hook["id"] == "peerkit-check"
    assert hook["language"] == "python"
    assert hook["pass_filenames"] is False
    assert peerkit_arguments(hook["entry"]) == ["check"]
    files = re.compile(hook["files"])
    for path in ("content/stories/a.md", "content/groups/leeds/walk.yml", "mkdocs.yml"):
        assert files.search(path), path
    for path in ("docs/index.md", "src/peerkit/cli.py", "content.md", "mkdocs.yml.bak"):
        assert not files.search(path), path


def jsonc(path: Path) -> dict:
    """VS Code's JSON with // comments."""
    lines = [
        line for line in path.read_text("utf-8").splitlines() if not line.strip().startswith("//")
    ]
    return json.loads("\n".join(lines))


def test_vscode_maps_every_yaml_content_file_to_an_existing_schema():
    settings = jsonc(REPO / ".vscode" / "settings.json")

    mapping = settings["yaml.schemas"]
    assert {schema: patterns for schema, patterns in mapping.items()} == {
        "./src/peerkit/model/schemas/group.json": [
            "content/groups/**/*.yml",
            "content/groups/**/*.yaml",
        ],
        "./src/peerkit/model/schemas/topics.json": ["content/topics.yml"],
        "./src/peerkit/model/schemas/crisis.json": ["content/crisis.yml"],
    }
    for schema in mapping:
        assert (REPO / schema).is_file(), schema


def test_vscode_recommends_the_yaml_extension():
    assert jsonc(REPO / ".vscode" / "extensions.json")["recommendations"] == ["redhat.vscode-yaml"]


def test_pull_request_template_checks_consent_warnings_personal_data_and_safe_messaging():
    template = (REPO / ".github" / "pull_request_template.md").read_text("utf-8")

    for needed in (
        "consent",
        "content_warnings",
        "Personal data",
        "https://www.samaritans.org/about-samaritans/media-guidelines/",
        "https://reportingonsuicide.org/",
        "content/topics.yml",
        "peerkit check",
    ):
        assert needed in template, needed
    assert template.count("- [ ]") >= 8
