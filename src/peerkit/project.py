"""A site's content, loaded and checked: the step both adapters start with."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from peerkit.check.rules import ALL_RULES, Rule, check_site, unknown_related_stories, unknown_topics
from peerkit.check.safety import SAFETY_RULES
from peerkit.forked import Forked
from peerkit.load.diagnostics import Diagnostic, Severity
from peerkit.load.site_loader import load_site
from peerkit.load.source_files import display_path
from peerkit.model.records import Site
from peerkit.model.settings import Settings


def load_and_check(
    root: Path, content_dir: Path, settings: Settings, today: date, remember: bool = False
) -> tuple[Site, list[Diagnostic]]:
    """Load every file, then apply every cross-record rule that cannot echo a load error.

    A rule that looks things up in another file waits for that file: with a
    broken topics.yml every topic would look unknown, with a broken story every
    tip pointing at it would look wrong. ``remember``: see `load_site`.
    """
    site, diagnostics, rules = _loaded(root, content_dir, settings, remember)
    return site, sorted(diagnostics + check_site(site, today, rules))


def load_and_check_for_build(
    root: Path, content_dir: Path, settings: Settings, today: date
) -> tuple[Site, list[Diagnostic], Forked[list[Diagnostic]]]:
    """`load_and_check` for `peerkit build`: the safety rules on stories' text, which
    only ever warn and are most of the checking at thousands of stories, run in a
    forked process (`peerkit.forked`) while the build goes on; their warnings are the
    third value's result."""
    site, diagnostics, rules = _loaded(root, content_dir, settings, remember=False)
    later = Forked(lambda: sorted(check_site(site, today, [r for r in rules if r in SAFETY_RULES])))
    now = [rule for rule in rules if rule not in SAFETY_RULES]
    return site, sorted(diagnostics + check_site(site, today, now)), later


def _loaded(
    root: Path, content_dir: Path, settings: Settings, remember: bool
) -> tuple[Site, list[Diagnostic], list[Rule]]:
    """The site, its load problems, and the rules that may run on it."""
    site, diagnostics = load_site(root, content_dir, settings.timezone, remember)
    failed = {d.path for d in diagnostics if d.severity is Severity.ERROR}
    content = display_path(content_dir, root)
    skipped: set[Rule] = set()
    if f"{content}/topics.yml" in failed:
        skipped.add(unknown_topics)
    if any(path.startswith(f"{content}/stories/") for path in failed):
        skipped.add(unknown_related_stories)
    return site, diagnostics, [rule for rule in ALL_RULES if rule not in skipped]
