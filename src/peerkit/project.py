"""A site's content, loaded and checked: the step both adapters start with."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from peerkit.check.rules import check_site
from peerkit.load.diagnostics import Diagnostic, has_errors
from peerkit.load.site_loader import load_site
from peerkit.model.records import Site
from peerkit.model.settings import Settings


def load_and_check(
    root: Path, content_dir: Path, settings: Settings, today: date
) -> tuple[Site, list[Diagnostic]]:
    """Load every file, then apply the cross-record rules if every file loaded.

    Cross-record rules on a partly loaded site would report echoes of the
    load errors (a topic "unknown" because topics.yml failed), so they wait.
    """
    site, diagnostics = load_site(root, content_dir, settings.timezone)
    if not has_errors(diagnostics):
        diagnostics = diagnostics + check_site(site, today)
    return site, sorted(diagnostics)
