"""Fixtures for the import tests: a site with the reference topics, and a way to import into it."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from peerkit.imports.mapping import Defaults
from peerkit.imports.run import (
    ImportOptions,
    ImportReport,
    import_file,
    site_topics,
    topic_aliases,
)
from peerkit.load.diagnostics import Diagnostic, Severity
from peerkit.model.records import Group
from peerkit.model.settings import Settings
from peerkit.model.site import Site
from peerkit.project import load_and_check

REPO = Path(__file__).resolve().parents[2]
FIXTURES = Path(__file__).parent / "fixtures"
IMPORT_DAY = date(2026, 3, 20)


@dataclass
class ImportSite:
    """A site folder (mkdocs.yml, the reference topics and crisis lines) to import into."""

    root: Path

    @property
    def content(self) -> Path:
        return self.root / "content"

    @property
    def groups(self) -> Path:
        return self.content / "groups"

    def run(self, source: Path, **options: Any) -> ImportReport:
        defaults = Defaults(
            timezone=options.pop("timezone", "Europe/London"),
            country="GB",
            today=IMPORT_DAY,
            topics=site_topics(self.content),
            default_topic=options.pop("default_topic", None),
            topic_aliases=topic_aliases(self.content),
            columns=options.pop("columns", {}),
        )
        # The fixtures hold rows with deliberate errors, and most tests read what the
        # other rows became: they import with --partial unless they say otherwise.
        options.setdefault("partial", True)
        settings = ImportOptions(
            dest=options.pop("dest", self.groups),
            defaults=defaults,
            existing_dirs=(self.groups,),
            root=self.root,
            **options,
        )
        return import_file(source, settings)

    def load(self) -> tuple[Site, list[Diagnostic]]:
        return load_and_check(self.root, self.content, Settings(site_name="Test"), IMPORT_DAY)

    def errors(self) -> list[str]:
        _, diagnostics = self.load()
        return [d.format() for d in diagnostics if d.severity is Severity.ERROR]

    def group(self, name: str) -> Group:
        site, _ = self.load()
        found = [g for g in site.groups if g.name == name]
        assert len(found) == 1, [g.name for g in site.groups]
        return found[0]

    def files(self) -> list[str]:
        return sorted(p.relative_to(self.groups).as_posix() for p in self.groups.rglob("*.yml"))


@pytest.fixture
def import_site(tmp_path: Path) -> ImportSite:
    root = tmp_path / "site"
    (root / "content").mkdir(parents=True)
    for name in ("topics.yml", "crisis.yml"):
        shutil.copy(REPO / "content" / name, root / "content" / name)
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    (root / "docs").mkdir()
    (root / "docs" / "index.md").write_text("# Test\n", encoding="utf-8")
    (root / "overrides").mkdir()
    return ImportSite(root)


def messages(report: ImportReport) -> list[str]:
    return [p.format() for p in report.sorted_problems()]
