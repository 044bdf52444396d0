"""What `peerkit check` prints stays plain text: no line of a stranger's becomes a command.

A printed value must not start a line of its own (GitHub Actions reads a line
starting ``::`` as a workflow command) nor reach the terminal as an escape
sequence. Each case here is one way a value could do either.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from peerkit.check.links import ExternalLink
from peerkit.encode.terminal import printable
from peerkit.load.diagnostics import error
from peerkit.report_formats import github_annotations, json_report
from tests.conftest import SiteBuilder
from tests.site.test_cli import peerkit

MKDOCS_YML = "site_name: Terminal\nplugins:\n  - peerkit\n"
# Each would end a line, start a terminal escape, or reorder what follows.
ACTING = [
    "\n", "\r", "\x0b", "\x0c", "\x1b", "\x07", "\x08", "\x7f", "\x85", "\x9b", "\u2028",
    "\u2029", "\u202e", "\u2066", "\ufeff",
]  # fmt: skip


@pytest.mark.parametrize("char", ACTING, ids=[f"U+{ord(c):04X}" for c in ACTING])
def test_a_character_a_terminal_acts_on_is_written_as_an_escape(char: str) -> None:
    shown = printable(f"before{char}after")

    assert char not in shown
    assert shown.isprintable()
    assert shown.startswith("before\\") and shown.endswith("after")


def test_plain_and_international_text_is_printed_as_written() -> None:
    for text in ("content/a.md:1:1: error: fine", "Café Llanelli — Grŵp", "日本語", "a\\b"):
        assert printable(text) == text


def test_a_forged_workflow_command_in_a_message_stays_inside_its_annotation() -> None:
    forged = "bad\n::error file=README.md,line=1::pwned\x1b]0;title\x07"
    diagnostic = error("content/groups/a.yml", 3, 8, forged)

    [annotation] = github_annotations([diagnostic])

    assert "\n" not in annotation and "\r" not in annotation and "\x1b" not in annotation
    assert annotation.startswith("::error file=content/groups/a.yml,line=3,col=8,")
    assert annotation.split("::", 2)[2].startswith("bad\\n::error")
    assert diagnostic.format().count("\n") == 0


def test_a_link_listing_line_and_the_json_report_carry_no_raw_controls() -> None:
    link = ExternalLink("https://x.example/\r\n::error::forged\x9b2J", "content/a.md", 4, 2, "text")
    report = json_report([error("content/a.md", 1, 1, "value\u2028with\x85separators\x1b[2J")])

    assert link.format().isprintable()
    assert report.isascii()
    assert json.loads(report)["diagnostics"][0]["message"] == (
        "value\u2028with\x85separators\x1b[2J"
    )


def _site(make_site: SiteBuilder) -> SiteBuilder:
    make_site.configure()
    return make_site


def _no_forged_line(output: str) -> None:
    for line in output.splitlines():
        assert line.isprintable(), repr(line)
        # A workflow command is a line starting "::"; only our own may, naming our file.
        if line.lstrip().startswith("::"):
            assert line.startswith("::error file=content/stories/a-story.md,"), line


def test_check_links_under_github_actions_forges_no_workflow_command(
    make_site: SiteBuilder, tmp_path: Path
) -> None:
    site = _site(make_site)
    site.story(
        body=(
            "See [one](<https://one.example/\u2028::error file=README.md,line=1::pwned>).\n\n"
            "And [two](https://two.example/\x1b]0;pwned\x07) and"
            " https://three.example/\x9b2Jpwned too.\n"
        )
    )
    env_output = peerkit_env(site.root, "check", "--links")

    assert "Traceback" not in env_output
    assert env_output.count("content/stories/a-story.md:1") == 3 * 2, env_output
    assert env_output.count("::error file=content/stories/a-story.md") == 3, env_output
    assert env_output.count("holds a control or invisible character") == 2 * 2, env_output
    assert "one.example" in env_output and "two.example" in env_output
    _no_forged_line(env_output)


def peerkit_env(root: Path, *args: str) -> str:
    """`peerkit` as GitHub Actions runs it: both streams, as the log shows them."""
    previous = os.environ.get("GITHUB_ACTIONS")
    os.environ["GITHUB_ACTIONS"] = "true"
    try:
        result = peerkit(root, *args)
    finally:
        if previous is None:
            del os.environ["GITHUB_ACTIONS"]
        else:
            os.environ["GITHUB_ACTIONS"] = previous
    return result.stdout + result.stderr
