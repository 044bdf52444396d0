"""Two real MkDocs builds a session: the clean site and the same site with every harmless case.

Building once keeps the suite fast; the clean build teaches the audit what the
theme itself puts on a page (hostile_audit.SiteChrome).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from peerkit.load.diagnostics import Diagnostic, Severity
from peerkit.model.site import Site
from tests.hostile.hostile_audit import SiteChrome, learn_chrome
from tests.hostile.hostile_manifest import load_cases
from tests.hostile.hostile_site import build_site, place_harmless, write_site


@dataclass(frozen=True)
class BuiltSite:
    root: Path
    site: Path
    records: Site
    diagnostics: list[Diagnostic]
    warnings: list[str]


@pytest.fixture(scope="session")
def clean_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A story, a tip and a group with nothing hostile in them: every kind of page, once."""
    builder = write_site(tmp_path_factory.mktemp("clean") / "site")
    builder.story("clean-story", {"content_warnings": ["grief"]})
    builder.tip("clean-tip")
    builder.group("clean-group")
    site, warnings = build_site(builder.root)
    assert warnings == []
    return site


@pytest.fixture(scope="session")
def clean_chrome(clean_site: Path) -> SiteChrome:
    return learn_chrome(clean_site)


@pytest.fixture(scope="session")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """Every harmless case in one site, checked by Peerkit and built by MkDocs."""
    base = tmp_path_factory.mktemp("hostile")
    builder = write_site(base / "site")
    harmless = [case for case in load_cases() if case.expect == "harmless"]
    place_harmless(builder, harmless, base / "outside")
    records, diagnostics = builder.load()
    errors = [d.format() for d in diagnostics if d.severity is Severity.ERROR]
    assert errors == [], "a harmless case was refused"
    site, warnings = build_site(builder.root)
    return BuiltSite(builder.root, site, records, diagnostics, warnings)
