"""A site's content, loaded and checked: the step both adapters start with."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from peerkit.check.rules import ALL_RULES, Rule, check_site, unknown_related_stories, unknown_topics
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
    site, diagnostics = load_site(root, content_dir, settings.timezone, remember)
    failed = {d.path for d in diagnostics if d.severity is Severity.ERROR}
    content = display_path(content_dir, root)
    skipped: set[Rule] = set()
    if f"{content}/topics.yml" in failed:
        skipped.add(unknown_topics)
    if any(path.startswith(f"{content}/stories/") for path in failed):
        skipped.add(unknown_related_stories)
    rules = [rule for rule in ALL_RULES if rule not in skipped]
    return site, sorted(diagnostics + check_site(site, today, rules))
