"""A site's content, loaded, checked and rendered: the one path every command takes.

`Project` is the core's single object for a site. The MkDocs plugin, `peerkit
check`, `peerkit build` and `peerkit serve` all load and check through it, and
it owns what a session keeps between builds (the loader's memory of files, the
safety scans, each record's findings) and what `peerkit build` keeps on disk (the
parsed files and the checks' findings in them).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from pathlib import Path

from peerkit.check.kept_checks import KeptChecks
from peerkit.check.record_findings import RecordFindings
from peerkit.check.rule import Rule, RuleContext
from peerkit.check.rule_results import RuleResults
from peerkit.check.rules import ALL_RULES, check_site, unknown_related_stories, unknown_topics
from peerkit.check.scans import SafetyScans
from peerkit.load.diagnostics import Diagnostic, Severity
from peerkit.load.parse_cache import ParseCache
from peerkit.load.site_loader import LoadMemory, changed_since, load_site
from peerkit.load.source_files import display_path
from peerkit.model.settings import Settings
from peerkit.model.site import Site


class Project:
    """One site: its folder, its content folder and its settings.

    ``session``: this object lives across builds (`peerkit serve`, the MkDocs
    preview), so it remembers files and scans to make the next load quick. A
    cache may make a check faster, never different.
    """

    def __init__(
        self, root: Path, content_dir: Path, settings: Settings, *, session: bool = False
    ) -> None:
        self.root = root
        self.content_dir = content_dir
        self.settings = settings
        self._memory = LoadMemory() if session else None
        self._scans = SafetyScans()
        self.parse_cache: ParseCache | None = None
        """Parsed files kept on disk by the last `peerkit build`, for its next load."""
        self._findings = RecordFindings()
        self._results = RuleResults() if session else None

    def is_for(self, root: Path, content_dir: Path, settings: Settings) -> bool:
        return self.has_folders(root, content_dir) and self.settings == settings

    def has_folders(self, root: Path, content_dir: Path) -> bool:
        return (self.root, self.content_dir) == (root, content_dir)

    def with_settings(self, settings: Settings) -> Project:
        """The same site under other settings, remembering what this one remembers.

        Loading and checking read no setting, so a session's memory of files and scans
        still holds: `peerkit serve` checks the site with mkdocs.yml's `site_url`, then
        MkDocs builds it with the preview's address: a fresh memory made the first save
        load and scan every file again, 85 s at 25,000 files."""
        project = Project(self.root, self.content_dir, settings)
        project._memory = self._memory
        project._scans = self._scans
        project._findings = self._findings
        project._results = self._results
        project.parse_cache = self.parse_cache
        return project

    def check(
        self, today: date, changed: Iterable[str] | None = None
    ) -> tuple[Site, list[Diagnostic]]:
        """Every file loaded, then every cross-record rule that cannot echo a load error.

        ``changed``: in a session, the content files that can differ from its last
        load (paths relative to the content folder), if the system's file events tell."""
        site, diagnostics, rules = self._loaded(changed)
        on_disk = None
        if self.parse_cache is not None:
            # `peerkit build`: what the last build found in each file still unchanged.
            on_disk = KeptChecks(self.parse_cache.folder)
            self._scans = SafetyScans(on_disk)
            self._findings = RecordFindings(on_disk, self.parse_cache.digest_of)
        context = RuleContext(today, self._scans, self._findings)
        found = check_site(site, context, rules, self._results)
        if on_disk is not None:
            on_disk.save()
        if self._memory is None:
            # One check (`peerkit build`, `check`): what the memos hold (every record,
            # with its positions) would only keep a quarter of a gigabyte alive.
            self._scans, self._findings = SafetyScans(), RecordFindings()
        else:
            if self._results is None or self._results.all_ran:
                # A rule recalled whole (`RuleResults`) asked for no scan it needs next.
                self._scans.forget_unused()
            self._findings.forget_unused()
        return site, sorted(diagnostics + found)

    def changed_since_load(self) -> set[str] | None:
        """In a session, the content files that may differ from its last load (relative
        to the content folder); None if it keeps no load."""
        if self._memory is None:
            return None
        return changed_since(self.content_dir, self._memory)

    def _loaded(self, changed: Iterable[str] | None) -> tuple[Site, list[Diagnostic], list[Rule]]:
        """The site, its load problems, and the rules that may run on it.

        A rule that looks things up in another file waits for that file: with a
        broken topics.yml every topic would look unknown, with a broken story every
        tip pointing at it would look wrong."""
        site, diagnostics = load_site(
            self.root, self.content_dir, self._memory, self.parse_cache, changed
        )
        failed = {d.path for d in diagnostics if d.severity is Severity.ERROR}
        content = display_path(self.content_dir, self.root)
        skipped: set[Rule] = set()
        if f"{content}/topics.yml" in failed:
            skipped.add(unknown_topics)
        if any(path.startswith(f"{content}/stories/") for path in failed):
            skipped.add(unknown_related_stories)
        return site, diagnostics, [r for r in ALL_RULES if r not in skipped]


def load_and_check(
    root: Path, content_dir: Path, settings: Settings, today: date
) -> tuple[Site, list[Diagnostic]]:
    """A one-off `Project.check`, for a command or a test that checks once."""
    return Project(root, content_dir, settings).check(today)
