"""An import finds the groups it made before, and a site's own exports, instead of
doubling them: nothing written twice, nothing doubled."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from peerkit.imports.mapping import Defaults
from peerkit.imports.run import ImportOptions, ImportReport, import_file, site_topics, topic_aliases
from peerkit.model.settings import Settings
from peerkit.project import load_and_check
from peerkit.render.site import render_site
from tests.imports.conftest import REPO, ImportSite

SETTINGS = Settings(site_name="Peerkit example site", site_url="https://peerkit.example/")
TODAY = date(2026, 11, 25)


@pytest.fixture
def own_site(tmp_path: Path) -> Path:
    """A copy of the reference site's content, and its HSDS and Meeting Guide exports."""
    root = tmp_path / "site"
    shutil.copytree(REPO / "content", root / "content")
    site, _ = load_and_check(root, root / "content", SETTINGS, TODAY)
    for file in render_site(site, SETTINGS, TODAY).files:
        if file.path.startswith("groups/hsds/") or file.path == "groups/meeting-guide.json":
            target = tmp_path / "exports" / file.path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(file.content)
    return root


def _import(root: Path, source: Path, update: bool) -> ImportReport:
    content = root / "content"
    defaults = Defaults(
        "Europe/London", "GB", date(2026, 12, 6), site_topics(content),
        default_topic="anxiety", site_url=SETTINGS.site_url, topic_aliases=topic_aliases(content),
    )  # fmt: skip
    options = ImportOptions(
        content / "groups", defaults, update=update, existing_dirs=(content / "groups",), root=root
    )
    return import_file(source, options)


def _files(root: Path) -> dict[str, bytes]:
    groups = root / "content" / "groups"
    return {p.relative_to(groups).as_posix(): p.read_bytes() for p in groups.rglob("*.yml")}


@pytest.mark.parametrize("update", [False, True], ids=["plain", "update"])
@pytest.mark.parametrize("source", ["services.json", "datapackage.json"])
def test_the_sites_own_hsds_export_imported_into_it_writes_nothing(
    own_site: Path, source: str, update: bool
) -> None:
    before = _files(own_site)

    report = _import(own_site, own_site.parent / "exports" / "groups" / "hsds" / source, update)

    assert report.count("created") == report.count("updated") == 0
    assert report.count("unchanged") == len(before)
    assert _files(own_site) == before


def test_the_sites_own_meeting_guide_feed_imported_into_it_doubles_nothing(own_site: Path) -> None:
    before = _files(own_site)

    report = _import(own_site, own_site.parent / "exports" / "groups" / "meeting-guide.json", False)

    assert report.count("created") == 0
    assert _files(own_site) == before


def test_a_spreadsheet_imported_twice_changes_nothing_the_second_time(
    import_site: ImportSite, tmp_path: Path
) -> None:
    sheet = tmp_path / "sheet.csv"
    sheet.write_text(
        "ID,Group name,Topic,Address,Town,Day,Time\n"
        "g-1,Tea and Talk,anxiety,1 High St,Morpeth,Tuesday,7-9pm\n"
        "g-2,Walk and Talk,depression,The Park,Alnwick,Saturday,10-11am\n",
        encoding="utf-8",
    )
    first = import_site.run(sheet)
    written = {p: p.read_bytes() for p in import_site.groups.rglob("*.yml")}

    second = import_site.run(sheet, update=True)

    assert first.count("created") == 2
    assert (second.count("created"), second.count("updated"), second.count("unchanged")) == (
        0,
        0,
        2,
    )
    assert {p: p.read_bytes() for p in import_site.groups.rglob("*.yml")} == written
    assert (
        "source_id: g-1" in next(iter(written.values())).decode()
        or "source_id: g-2" in next(iter(written.values())).decode()
    )


def test_a_renamed_group_is_found_by_its_source_id(import_site: ImportSite, tmp_path: Path) -> None:
    sheet = tmp_path / "sheet.csv"
    row = "g-1,{name},anxiety,1 High St,Morpeth,Tuesday,7-9pm\n"
    sheet.write_text(
        "ID,Group name,Topic,Address,Town,Day,Time\n" + row.format(name="Tea and Talk"), "utf-8"
    )
    import_site.run(sheet)
    sheet.write_text(
        "ID,Group name,Topic,Address,Town,Day,Time\n" + row.format(name="Tea Talk and Cake"),
        "utf-8",
    )

    report = import_site.run(sheet, update=True)

    assert (report.count("created"), report.count("updated")) == (0, 1)
    assert [g.name for g in import_site.load()[0].groups] == ["Tea Talk and Cake"]
