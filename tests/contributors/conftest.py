"""A small valid site with its mkdocs.yml, and running `peerkit` in it in-process."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from peerkit.cli import main
from tests.conftest import SiteBuilder

MKDOCS_YML = """\
site_name: Test site
site_url: https://example.org/peer/
theme:
  name: material
plugins:
  - peerkit:
      content_dir: content
      country: IE
"""


@dataclass
class Run:
    code: int
    out: str
    err: str


@pytest.fixture
def site(make_site: SiteBuilder) -> SiteBuilder:
    """The core tests' minimal site, plus the mkdocs.yml and docs/ that the CLI needs."""
    (make_site.root / "mkdocs.yml").write_text(MKDOCS_YML, "utf-8")
    (make_site.root / "docs").mkdir()
    (make_site.root / "docs" / "index.md").write_text("# Home\n", "utf-8")
    return make_site


@pytest.fixture
def peerkit(
    site: SiteBuilder, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> Callable[..., Run]:
    """Runs `peerkit ARGS` in the site's folder, as `peerkit.cli.main` does for the shell."""
    monkeypatch.chdir(site.root)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    monkeypatch.delenv("GITHUB_WORKSPACE", raising=False)

    def run(*args: str) -> Run:
        code = main(list(args))
        captured = capsys.readouterr()
        return Run(code, captured.out, captured.err)

    return run


def relative_files(folder: Path) -> set[str]:
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()}
