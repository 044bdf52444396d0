"""`peerkit import` end to end, in a site folder, through the CLI's own entry point."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from peerkit.cli import main
from peerkit.imports import run as import_run
from peerkit.imports.mapping import Defaults
from peerkit.imports.progress import terminal_progress
from peerkit.imports.run import ImportOptions, import_file
from tests.imports.conftest import FIXTURES, IMPORT_DAY, ImportSite

SHEET = FIXTURES / "groups-spreadsheet.csv"
CLEAN = (
    "Group name;Topics;Address;City;Region;Day;Start time;End time;Last checked\n"
    "Whitby Harbour Walk;loneliness;Pier Road;Whitby;Yorkshire;Sunday;10am;11.30am;01/03/2026\n"
)


def _import(site: ImportSite, *args: str) -> int:
    return main(["import", *args, "-f", str(site.root / "mkdocs.yml"), "--date", "2026-03-20"])


def test_cli_imports_a_spreadsheet_and_the_site_then_checks_clean(
    import_site: ImportSite, capsys: pytest.CaptureFixture[str]
) -> None:
    status = _import(import_site, str(SHEET), "--partial")

    out = capsys.readouterr().out.splitlines()
    assert status == 1
    assert "groups-spreadsheet.csv:5: error: unknown day 'Tusday'" in out
    assert (
        "created content/groups/yorkshire/otley-grief-cafe.yml from groups-spreadsheet.csv:3" in out
    )
    assert out[-1] == "CSV spreadsheet: created 6, updated 0, unchanged 0, skipped 2"
    written = (import_site.groups / "yorkshire" / "otley-grief-cafe.yml").read_text("utf-8")
    assert written.startswith("# Imported from groups-spreadsheet.csv on 2026-03-20\nname:")
    assert main(["check", "-f", str(import_site.root / "mkdocs.yml")]) == 0


def test_cli_import_without_errors_exits_0_and_takes_the_sites_country(
    import_site: ImportSite, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sheet = tmp_path / "clean.csv"
    sheet.write_text(CLEAN, encoding="utf-8")

    assert _import(import_site, str(sheet)) == 0

    walk = import_site.group("Whitby Harbour Walk")
    assert walk.location is not None and walk.location.country == "GB"
    assert (walk.schedule[0].opens_at, walk.schedule[0].closes_at) == ("10:00", "11:30")
    assert capsys.readouterr().out.endswith("created 1, updated 0, unchanged 0, skipped 0\n")


def test_cli_dest_update_and_dry_run(
    import_site: ImportSite, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sheet = tmp_path / "clean.csv"
    sheet.write_text(CLEAN, encoding="utf-8")
    dest = import_site.groups / "imported"

    assert _import(import_site, str(sheet), "--dest", str(dest)) == 0
    target = dest / "yorkshire" / "whitby-harbour-walk.yml"
    assert target.is_file()
    sheet.write_text(CLEAN.replace("11.30am", "12pm"), encoding="utf-8")

    assert _import(import_site, str(sheet), "--dry-run", "--update") == 0
    assert 'closes_at: "11:30"' in target.read_text("utf-8")
    assert _import(import_site, str(sheet), "--update") == 0
    assert 'closes_at: "12:00"' in target.read_text("utf-8")
    out = capsys.readouterr().out
    assert "would update content/groups/imported/yorkshire/whitby-harbour-walk.yml" in out
    assert (
        "updated content/groups/imported/yorkshire/whitby-harbour-walk.yml (schedule[1].closes_at)"
        in out
    )


def test_cli_refuses_a_default_topic_the_site_does_not_have(
    import_site: ImportSite, capsys: pytest.CaptureFixture[str]
) -> None:
    status = _import(import_site, str(FIXTURES / "meeting-guide-feed.json"), "--topic", "knitting")

    assert status == 1
    assert "--topic 'knitting' is not in topics.yml" in capsys.readouterr().out
    assert not import_site.groups.exists()


def test_cli_meeting_guide_feed_with_a_default_topic(
    import_site: ImportSite, capsys: pytest.CaptureFixture[str]
) -> None:
    _import(
        import_site,
        str(FIXTURES / "meeting-guide-feed.json"),
        "--topic",
        "addiction-recovery",
        "--partial",
    )

    assert capsys.readouterr().out.splitlines()[-1] == (
        "Meeting Guide feed: created 3, updated 0, unchanged 0, skipped 1"
    )
    assert import_site.errors() == []


def test_cli_help_names_the_spreadsheet_columns(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["import", "--help"])

    out = capsys.readouterr().out
    assert stopped.value.code == 0
    for column in ("name", "online_url", "week_of_month", "start", "end", "last_verified"):
        assert f"\n  {column} " in out


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_the_progress_bar_shows_only_on_a_terminal() -> None:
    terminal, pipe = _Terminal(), io.StringIO()

    assert list(terminal_progress(terminal)(range(5), 5, "Writing")) == [0, 1, 2, 3, 4]
    assert list(terminal_progress(pipe)(range(5), 5, "Writing")) == [0, 1, 2, 3, 4]

    assert "Writing" in terminal.getvalue()
    assert pipe.getvalue() == ""


def test_the_progress_bar_is_used_only_on_imports_of_hundreds_of_rows(
    import_site: ImportSite, monkeypatch: pytest.MonkeyPatch
) -> None:
    labels: list[str] = []

    def recording(items, total, label):  # type: ignore[no-untyped-def]
        labels.append(label)
        return items

    options = ImportOptions(
        dest=import_site.groups,
        defaults=Defaults("Europe/London", "GB", IMPORT_DAY, {"anxiety": "Anxiety"}),
        dry_run=True,
    )
    import_file(SHEET, options, recording)
    assert labels == []

    monkeypatch.setattr(import_run, "PROGRESS_ABOVE_ROWS", 5)
    import_file(SHEET, options, recording)
    assert labels == ["Mapping", "Checking"]
