"""Render a site and read its exported files by path."""

from __future__ import annotations

import json
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

from peerkit.load.diagnostics import has_errors
from peerkit.model.settings import Settings
from peerkit.project import load_and_check
from peerkit.render.site import RenderedSite, render_site

REPO = Path(__file__).resolve().parents[3]
TODAY = date(2026, 11, 25)
SITE_URL = "https://groups.example.org/peer/"


def files_of(rendered: RenderedSite) -> dict[str, bytes]:
    return {f.path: f.content for f in rendered.files}


def json_of(rendered: RenderedSite, path: str) -> Any:
    return json.loads(files_of(rendered)[path])


def render_reference(site_url: str | None = SITE_URL) -> RenderedSite:
    """The repository's own reference site, rendered as the plugin would."""
    settings = Settings(site_name="Peerkit", site_url=site_url)
    site, diagnostics = load_and_check(REPO, REPO / "content", settings, today=TODAY)
    assert not has_errors(diagnostics), [d.format() for d in diagnostics]
    return render_site(site, settings, TODAY)


@cache
def reference() -> RenderedSite:
    """The reference site rendered once for the tests that only read it."""
    return render_reference()


def reference_groups():
    settings = Settings(site_name="Peerkit")
    site, _ = load_and_check(REPO, REPO / "content", settings, today=TODAY)
    return site.published().groups
