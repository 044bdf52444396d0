"""What writing a new file must know of the site: its topics and the slugs in use."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from peerkit.load.diagnostics import Diagnostic, Severity, error
from peerkit.load.site_loader import load_site
from peerkit.load.source_files import display_path
from peerkit.model.kinds import KINDS
from peerkit.model.records import Crisis, Topic


@dataclass(frozen=True)
class SiteContext:
    """The site as mkdocs.yml and the plugin's options describe it."""

    root: Path
    content_dir: Path
    site_url: str | None = None
    country: str = "GB"
    timezone: str = "Europe/London"


@dataclass(frozen=True)
class SiteFacts:
    topics: tuple[Topic, ...]
    taken: dict[str, frozenset[str]]
    """For each kind, every slug in use and every file name (without suffix) in its folder."""
    regions: tuple[str, ...]
    story_slugs: frozenset[str]
    """Published stories, the ones a tip may point at."""
    crisis: Crisis


def site_facts(context: SiteContext) -> SiteFacts | list[Diagnostic]:
    """The facts, or the problems of topics.yml that leave no topic to choose from."""
    site, diagnostics = load_site(context.root, context.content_dir)
    if not site.topics:
        topics_file = display_path(context.content_dir / "topics.yml", context.root)
        found = [d for d in diagnostics if d.path == topics_file and d.severity is Severity.ERROR]
        return found or [error(topics_file, 1, 1, "no topics: add at least one topic first")]
    taken = {
        kind.name: frozenset(r.slug for r in getattr(site, kind.plural))
        | _stems(context.content_dir / kind.folder)
        for kind in KINDS
    }
    regions = tuple(sorted({g.region for g in site.groups if g.location}))
    published = frozenset(s.slug for s in site.stories if s.status == "published")
    return SiteFacts(site.topics, taken, regions, published, site.crisis)


def _stems(folder: Path) -> frozenset[str]:
    if not folder.is_dir():
        return frozenset()
    return frozenset(p.name.split(".", 1)[0] for p in folder.rglob("*"))
