"""Run by test_bounded_time.py in a subprocess: one crafted input, timed at two sizes.

Usage: python -m tests.scale.bounded_time_worker CASE FOLDER. Writes the case's file
at a quarter of its limit and at its limit into two sites under FOLDER, loads and
checks each (every validator and rule, and the links as `check --links` does),
renders each story's text (Markdown and the sanitiser), and prints the two CPU times,
best of two runs, as JSON.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path

from peerkit.check.links import external_links, link_problems
from peerkit.load.source_files import MAX_BYTES_BY_FOLDER, MAX_FILE_BYTES
from peerkit.model.settings import Settings
from peerkit.project import load_and_check
from peerkit.render.markdown_text import markdown_to_safe_html
from tests.conftest import SiteBuilder, dump_yaml, group_fields, story_fields

STORY_LIMIT = MAX_BYTES_BY_FOLDER["stories"]
GROUP_LIMIT = MAX_BYTES_BY_FOLDER["groups"]
ROOM = 2_000
"""Bytes left for the front matter around a crafted body."""


def _repeat(unit: str, size: int) -> str:
    return unit * (size // len(unit))


def _story(body_unit: str) -> Callable[[SiteBuilder, int], None]:
    def write(site: SiteBuilder, size: int) -> None:
        site.story("crafted", body=_repeat(body_unit, size - ROOM))

    return write


def _mixed_items(count: int) -> list[object]:
    """Items of every JSON type: what makes a naive uniqueItems compare all pairs. Written
    as a JSON flow list (YAML reads it), since dumping a long list as YAML is slow."""
    kinds: list[Callable[[int], object]] = [str, float, lambda n: [n], lambda n: {"n": n}, lambda n: n % 2 == 0]  # fmt: skip
    return [kinds[n % len(kinds)](n) for n in range(count)]


def _fill(make: Callable[[int], str], size: int) -> str:
    """The text ``make(count)`` gives for about the most items that fit in ``size`` bytes:
    counted from a sample, then trimmed until it fits (every dump of a long list is slow)."""
    sample = 1_000
    count = max(1, size * sample // len(make(sample).encode()))
    text = make(count)
    while len(text.encode()) > size:
        count = count * 49 // 50
        text = make(count)
    return text


def _group_list(field: str) -> Callable[[SiteBuilder, int], None]:
    def write(site: SiteBuilder, size: int) -> None:
        def text(count: int) -> str:
            fields = {k: v for k, v in group_fields().items() if k != field}
            return dump_yaml(fields) + f"{field}: {json.dumps(_mixed_items(count))}\n"

        site.write("groups/crafted.yml", _fill(text, size - 100))

    return write


def _story_warnings(site: SiteBuilder, size: int) -> None:
    def text(count: int) -> str:
        warnings = json.dumps(_mixed_items(count))
        return f"---\n{dump_yaml(story_fields())}content_warnings: {warnings}\n---\nBody.\n"

    site.write("stories/crafted.md", _fill(text, size - 100))


def _topics(site: SiteBuilder, size: int) -> None:
    def text(count: int) -> str:
        return json.dumps(_mixed_items(count)) + "\n"

    site.write("topics.yml", _fill(text, size - 100))


CASES: dict[str, tuple[Callable[[SiteBuilder, int], None], int]] = {
    "nested-list-tags": (_story("<ul><li>"), STORY_LIMIT),
    "nested-block-tags": (_story("<div><blockquote><dl><dd>"), STORY_LIMIT),
    "nested-inline-tags": (_story("<b><i><a>"), STORY_LIMIT),
    "unclosed-links": (_story("[a]("), STORY_LIMIT),
    "unclosed-tags": (_story("<a "), STORY_LIMIT),
    "link-titles": (_story('](x "'), STORY_LIMIT),
    "angle-bracket-links": (_story("](<"), STORY_LIMIT),
    "autolink-starts": (_story("<a:"), STORY_LIMIT),
    "emphasis-runs": (_story("*a _b "), STORY_LIMIT),
    "table-cells": (_story("|a"), STORY_LIMIT),
    "quotes": (_story("'\""), STORY_LIMIT),
    "story-mixed-warnings": (_story_warnings, STORY_LIMIT),
    "group-mixed-topics": (_group_list("topics"), GROUP_LIMIT),
    "group-mixed-accessibility": (_group_list("accessibility"), GROUP_LIMIT),
    "topics-mixed-list": (_topics, MAX_FILE_BYTES),
}


def _cpu_seconds() -> float:
    """CPU time of this process and its finished children: unlike the wall clock, it
    does not grow when other work shares the machine (a parallel test run)."""
    times = os.times()
    return times.user + times.system + times.children_user + times.children_system


def _time_once(root: Path) -> float:
    content = root / "content"
    start = _cpu_seconds()
    site, diagnostics = load_and_check(root, content, Settings(site_name="T"), date(2026, 11, 25))
    diagnostics += link_problems(external_links(site))
    for story in sorted((content / "stories").glob("*.md")):
        markdown_to_safe_html(story.read_text("utf-8").split("---\n", 2)[-1])
    assert all(d.format().isprintable() for d in diagnostics)
    return _cpu_seconds() - start


def main(case: str, folder: Path) -> None:
    write, limit = CASES[case]
    times = {}
    for name, size in (("quarter", limit // 4), ("limit", limit)):
        root = folder / name
        site = SiteBuilder(root)
        write(site, size)
        written = max(p.stat().st_size for p in site.content.rglob("*") if p.is_file())
        assert written <= limit, (written, limit)
        times[name] = min(_time_once(root) for _ in range(2))
    print(json.dumps(times))


if __name__ == "__main__":
    main(sys.argv[1], Path(sys.argv[2]))
