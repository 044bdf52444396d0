"""Shared fixtures for the core's unit tests: a tiny valid site written on disk.

Each test starts from a site that loads without a single diagnostic and then
breaks or extends exactly one thing, so that every diagnostic a test sees is the
one it is about.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml
from mkdocs.config.defaults import MkDocsConfig

from peerkit.load import site_loader
from peerkit.load.diagnostics import Diagnostic, Severity, has_errors
from peerkit.load.site_loader import LoadMemory
from peerkit.model.settings import Settings
from peerkit.model.site import Site
from peerkit.project import load_and_check
from peerkit.render.site import RenderedSite, render_site

TODAY = date(2026, 11, 25)

TOPICS = [
    {"slug": "anxiety", "title": "Anxiety", "description": "Worry that will not switch off."},
    {"slug": "grief", "title": "Grief and loss", "description": "Grief has no timetable."},
]
CRISIS = {"lines": [{"country": "GB", "name": "Samaritans", "phone": "116 123"}]}

STORY_BODY = "I did not think I would ever write this down.\n"
TIP_BODY = "Write one line a day.\n"


def story_fields() -> dict[str, Any]:
    return {
        "title": "A story",
        "author": "Sam",
        "date": "2026-03-14",
        "topics": ["anxiety"],
        "summary": "What helped.",
        "consent": {"given": True, "date": "2026-03-01"},
    }


def tip_fields() -> dict[str, Any]:
    return {"title": "A tip", "topics": ["anxiety"], "summary": "Something small that helps."}


def group_fields() -> dict[str, Any]:
    return {
        "name": "A group",
        "description": "We meet and talk.",
        "topics": ["anxiety"],
        "format": "in-person",
        "location": {
            "address": "1 Example Street",
            "town": "Leeds",
            "region": "Yorkshire",
            "country": "GB",
        },
        "schedule": [{"freq": "WEEKLY", "byday": "TU", "opens_at": "18:30", "closes_at": "20:00"}],
        "last_verified": "2026-09-01",
    }


def dump_yaml(data: Any) -> str:
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, default_flow_style=False)


def _merged(
    defaults: dict[str, Any], fields: dict[str, Any] | None, omit: Iterable[str]
) -> dict[str, Any]:
    data = defaults | (fields or {})
    for key in omit:
        del data[key]
    return data


class SiteBuilder:
    """Writes a minimal valid site under ``root`` and loads it like the CLI does."""

    today = TODAY

    def __init__(self, root: Path) -> None:
        self.root = root
        self.content = root / "content"
        self.memory = LoadMemory()
        """The loader's memory in a session (`peerkit serve`), for tests of reloading."""
        self.write("topics.yml", dump_yaml(TOPICS))
        self.write("crisis.yml", dump_yaml(CRISIS))

    def write(self, rel: str, content: str | bytes) -> Path:
        """A file under content/, raw: for the broken cases."""
        path = self.content / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8", newline="")
        return path

    def story(
        self,
        name: str = "a-story",
        fields: dict[str, Any] | None = None,
        body: str = STORY_BODY,
        omit: Iterable[str] = (),
    ) -> Path:
        data = _merged(story_fields(), fields, omit)
        return self.write(f"stories/{name}.md", f"---\n{dump_yaml(data)}---\n{body}")

    def tip(
        self,
        name: str = "a-tip",
        fields: dict[str, Any] | None = None,
        body: str = TIP_BODY,
        omit: Iterable[str] = (),
    ) -> Path:
        data = _merged(tip_fields(), fields, omit)
        return self.write(f"tips/{name}.md", f"---\n{dump_yaml(data)}---\n{body}")

    def group(
        self, name: str = "a-group", fields: dict[str, Any] | None = None, omit: Iterable[str] = ()
    ) -> Path:
        return self.write(f"groups/{name}.yml", dump_yaml(_merged(group_fields(), fields, omit)))

    def configure(
        self, options: dict[str, Any] | None = None, theme: dict[str, Any] | None = None
    ) -> Path:
        """A minimal mkdocs.yml and docs/ beside content/, so the site builds; the
        peerkit plugin's ``options`` and ``theme`` settings as given."""
        config = {
            "site_name": "Test",
            "site_url": "https://peers.example.org/",
            "theme": {"name": "material", "font": False, **(theme or {})},
            "plugins": ["search", {"peerkit": options} if options else "peerkit"],
            "nav": [
                {"Home": "index.md"},
                {"Stories": "stories/index.md"},
                {"Find a group": "groups/index.md"},
            ],
        }
        (self.root / "docs").mkdir(exist_ok=True)
        (self.root / "docs" / "index.md").write_text("# Home\n\nA test site.\n", "utf-8")
        path = self.root / "mkdocs.yml"
        path.write_text(dump_yaml(config), "utf-8")
        return path

    def load(self, settings: Settings | None = None) -> tuple[Site, list[Diagnostic]]:
        return load_and_check(
            self.root, self.content, settings or Settings(site_name="Test"), today=TODAY
        )

    def render(self, **settings: Any) -> RenderedSite:
        """Load (which must succeed) and render the site, as the plugin would."""
        site, diagnostics = self.load()
        assert not has_errors(diagnostics), [d.format() for d in diagnostics]
        return render_site(site, Settings(site_name="Test", **settings), TODAY)

    @staticmethod
    def line_of(path: Path, needle: str) -> int:
        """The 1-based number of the first line of ``path`` that contains ``needle``."""
        for number, line in enumerate(path.read_text("utf-8").split("\n"), start=1):
            if needle in line:
                return number
        raise AssertionError(f"{needle!r} is not in {path}")

    def rel(self, path: Path) -> str:
        """How diagnostics name a file: relative to the site root, with slashes."""
        return path.relative_to(self.root).as_posix()

    def errors(self, path: Path | None = None) -> list[Diagnostic]:
        """The errors of one load, optionally only those of one file."""
        _, diagnostics = self.load()
        return [
            d
            for d in diagnostics
            if d.severity is Severity.ERROR and (path is None or d.path == self.rel(path))
        ]


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the content files the loader reads, in order."""
    seen: list[str] = []
    real = site_loader.read_source

    def counting(path: Path, *rest: Any):  # type: ignore[no-untyped-def]
        seen.append(path.name)
        return real(path, *rest)

    monkeypatch.setattr(site_loader, "read_source", counting)
    return seen


@pytest.fixture(autouse=True)
def fresh_plugin() -> None:
    """Each test starts with a new PeerkitPlugin. MkDocs keeps one instance of a plugin
    that has `on_startup` for every config of the process (what carries a preview's
    state from one save to the next), so without this a test would inherit the last
    one's project and serve state."""
    dict(MkDocsConfig._schema)["plugins"].plugin_cache.clear()


@pytest.fixture
def make_site(tmp_path: Path) -> SiteBuilder:
    return SiteBuilder(tmp_path)


@dataclass(frozen=True)
class BuiltSite:
    """A site built with MkDocs: its folder (``root``), its output, what the build printed."""

    root: Path
    output: Path
    log: str


REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def reference_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """The reference site, built once a session with `mkdocs build --strict` as a user
    builds it, for every test that reads the built site (pages, headers, browser)."""
    from tests.commands import run_mkdocs_build

    output = tmp_path_factory.mktemp("reference-site")
    result = run_mkdocs_build(REPO, output, REPO / "mkdocs.yml")
    assert result.returncode == 0, result.stdout + result.stderr
    return BuiltSite(REPO, output, result.stdout + result.stderr)


@pytest.fixture(scope="session")
def two_language_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """The English and Spanish site of tests/site/languages_site.py, built once a session
    for the site and browser tests."""
    from tests.site.languages_site import build, write_site

    root = tmp_path_factory.mktemp("two-languages")
    output = root / "site"
    log = build(write_site(root), output)
    return BuiltSite(root, output, log)
