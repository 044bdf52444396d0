"""`peerkit doctor` after an upgrade: each file `init` copied that differs from what
the installed Peerkit writes, at its line, with how to update it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from tests.commands import run_peerkit

SAME = "Every file init wrote is as this Peerkit writes it."
PINNED = "actions/checkout@8e8c483db84b4bee98b60c0593521ed34d9990e8 # v6.0.1"


def test_a_new_site_is_as_this_peerkit_writes_it(new_site: Callable[..., Path]) -> None:
    result = run_peerkit(new_site(), "doctor")

    assert result.returncode == 0, result.stdout + result.stderr
    assert SAME in result.stdout


def test_an_action_on_an_old_tag_is_named_at_its_line_and_updated(
    new_site: Callable[..., Path],
) -> None:
    site = new_site()
    workflow = site / ".github/workflows/check.yml"
    text = workflow.read_text("utf-8")
    workflow.write_text(text.replace(PINNED, "actions/checkout@v4"), "utf-8")
    line = text.splitlines().index(f"      - uses: {PINNED}") + 1

    found = run_peerkit(site, "doctor")
    assert found.returncode == 1
    assert (
        f".github/workflows/check.yml:{line}:1: warning: differs from what this Peerkit writes:"
        " `peerkit doctor --diff` shows how, `peerkit doctor --update"
        " .github/workflows/check.yml` replaces it"
    ) in found.stdout.splitlines()
    shown = run_peerkit(site, "doctor", "--diff")
    assert "-      - uses: actions/checkout@v4" in shown.stdout.splitlines()

    updated = run_peerkit(site, "doctor", "--update", ".github/workflows/check.yml")
    assert updated.returncode == 0, updated.stdout + updated.stderr
    assert workflow.read_text("utf-8") == text


def test_an_old_pin_in_requirements_says_the_line_to_write(new_site: Callable[..., Path]) -> None:
    site = new_site()
    path = site / "requirements.txt"
    lines = path.read_text("utf-8").splitlines()
    number = next(i for i, line in enumerate(lines, 1) if line.startswith("mkdocs=="))
    current = lines[number - 1]
    lines[number - 1] = "mkdocs==1.5.0"
    path.write_text("\n".join(lines) + "\n", "utf-8")

    found = run_peerkit(site, "doctor")

    assert found.returncode == 1
    assert (
        f"requirements.txt:{number}:1: warning: pins mkdocs 1.5.0, but this Peerkit runs with"
        f" {current.split('==')[1]}: change the line to {current!r}"
    ) in found.stdout.splitlines()


def test_changed_crisis_lines_are_named_but_never_overwritten(
    new_site: Callable[..., Path],
) -> None:
    site = new_site()
    crisis = site / "content/crisis.yml"
    crisis.write_text(crisis.read_text("utf-8") + "\n# Our local line too.\n", "utf-8")

    found = run_peerkit(site, "doctor")
    refused = run_peerkit(site, "doctor", "--update", "content/crisis.yml")

    assert found.returncode == 0, "crisis lines are the organisation's to change"
    assert "content/crisis.yml:" in found.stdout
    assert "differs from the national crisis lines this Peerkit knows" in found.stdout
    assert refused.returncode == 1
    assert "content/crisis.yml: not a file Peerkit owns" in refused.stderr
    assert crisis.read_text("utf-8").endswith("# Our local line too.\n")


def test_a_guide_replaced_in_docs_is_named_and_a_same_copy_can_go(
    new_site: Callable[..., Path],
) -> None:
    site = new_site()
    (site / "docs/write-your-story.md").write_text("# Our own words\n", "utf-8")
    shown = run_peerkit(site, "doctor", "--diff").stdout

    assert (
        "docs/write-your-story.md:1:1: warning: replaces Peerkit's guide of the same name"
    ) in shown
    assert "+# Write your story" in shown.splitlines()


def test_new_topics_make_the_issue_form_out_of_date(new_site: Callable[..., Path]) -> None:
    site = new_site()
    topics = site / "content/topics.yml"
    topics.write_text(
        topics.read_text("utf-8") + "\n- slug: carers\n  title: Caring for someone\n"
        "  description: Looking after someone and yourself.\n",
        "utf-8",
    )

    found = run_peerkit(site, "doctor")
    run_peerkit(site, "doctor", "--update", ".github/ISSUE_TEMPLATE/story.yml")

    assert ".github/ISSUE_TEMPLATE/story.yml:" in found.stdout
    assert "Caring for someone" in (site / ".github/ISSUE_TEMPLATE/story.yml").read_text("utf-8")
    assert run_peerkit(site, "doctor").returncode == 0
