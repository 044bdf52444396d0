"""A small charity's group list as Excel exports it, imported as a new user would.

The sheet has its own headings ("Type of group", "Notes"), times as people type
them, a blank row, a cell with a line break, one row in Windows-1252 inside an
otherwise UTF-8 file with a byte-order mark, a venue with a postcode but no
street, and a bare "7.30". Each group's written YAML is read back field by field.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from peerkit.imports.run import ImportReport
from tests.imports.conftest import ImportSite

HEADINGS = "Group,Type of group,Venue,Address,Town,Postcode,Day,Time,Notes,Last checked"
ROWS = [
    "Tuesday Evening Circle,Anxiety,Union Chapel,1 Bridge St,Morpeth,NE61 1AA,Tuesday,7-9pm,,01/11/2026",
    "Afternoon Tea,Bereavement,The Lantern,2 Oak Rd,Morpeth,NE61 1AB,Friday,2-4pm,Bring a mug,01/11/2026",
    "Half Past Group,Anxiety,Library,3 Elm Rd,Blyth,NE24 1AA,Wednesday,7.30pm-9pm,,01/11/2026",
    "Late Night Meeting,Addiction,Hope House,4 Pine Rd,Blyth,NE24 1AB,Saturday,23:00 to 00:30,,01/11/2026",
    "Lunch Club,Isolation,Market Hall,5 Ash Rd,Ashington,NE63 1AA,Thursday,12noon,,01/11/2026",
    "First and Third,Carers,Parish Rooms,6 Yew Rd,Ashington,NE63 1AB,1st & 3rd Tuesday,19.30\u201321.00,,01/11/2026",
    ",,,,,,,,,",
    '"Two Lines, One Cell",Anxiety,St Mary\'s Hall,"7 Lime Rd\nBack entrance",Hexham,NE46 1AA,Monday,7:00 PM,Postcode TBC - new venue,01/11/2026',
    "Village Hall Group,Low mood,Village Hall,,Belford,NE70 7AA,Monday,10-11.30am,,01/11/2026",
    "Guess Which Half,Anxiety,Club,8 Elm Rd,Alnwick,NE66 1AA,Monday,7.30,,01/11/2026",
]
WINDOWS_ROW = "Cramlington Grief Caf\xe9,Bereavement,Caf\xe9 Rooms,9 High St,Cramlington,NE23 1AA,Sunday,2-4pm,\xa32 for tea,01/11/2026"


def _sheet(folder: Path) -> Path:
    utf8 = "\r\n".join([HEADINGS, *ROWS]).encode("utf-8")
    raw = b"\xef\xbb\xbf" + utf8 + b"\r\n" + WINDOWS_ROW.encode("cp1252") + b"\r\n"
    path = folder / "our groups.csv"
    path.write_bytes(raw)
    return path


@pytest.fixture
def imported(import_site: ImportSite, tmp_path: Path) -> tuple[ImportSite, ImportReport]:
    report = import_site.run(_sheet(tmp_path), columns={"Type of group": "topics"})
    return import_site, report


def _written(site: ImportSite, name: str) -> dict[str, Any]:
    [path] = [p for p in site.groups.rglob("*.yml") if f"name: {name}\n" in p.read_text("utf-8")]
    return yaml.safe_load(path.read_text("utf-8"))


def _times(site: ImportSite, name: str) -> list[tuple[str, str, str]]:
    return [(m["byday"], m["opens_at"], m["closes_at"]) for m in _written(site, name)["schedule"]]


def test_times_mean_what_the_person_meant(imported) -> None:
    site, _ = imported
    assert _times(site, "Tuesday Evening Circle") == [("TU", "19:00", "21:00")]
    assert _times(site, "Afternoon Tea") == [("FR", "14:00", "16:00")]
    assert _times(site, "Half Past Group") == [("WE", "19:30", "21:00")]
    assert _times(site, "Lunch Club") == [("TH", "12:00", "13:00")]
    assert _times(site, "First and Third") == [("1TU,3TU", "19:30", "21:00")]
    assert _times(site, "Two Lines, One Cell") == [("MO", "19:00", "20:00")]
    assert _times(site, "Village Hall Group") == [("MO", "10:00", "11:30")]


def test_a_meeting_past_midnight_comes_in_as_it_is(imported) -> None:
    site, _ = imported
    assert _times(site, "Late Night Meeting") == [("SA", "23:00", "00:30")]
    assert site.errors() == []


def test_a_bare_hour_is_refused_at_its_row_and_column(imported) -> None:
    site, report = imported
    messages = [p.format() for p in report.problems]
    assert any(
        m.startswith("our groups.csv:11: error: Time: is '7.30' in the morning or the evening?")
        for m in messages
    ), messages
    assert not [p for p in site.groups.rglob("*.yml") if "Guess Which" in p.read_text("utf-8")]


def test_their_words_find_the_topics(imported) -> None:
    site, _ = imported
    assert _written(site, "Afternoon Tea")["topics"] == ["grief"]
    assert _written(site, "Late Night Meeting")["topics"] == ["addiction-recovery"]
    assert _written(site, "Lunch Club")["topics"] == ["loneliness"]
    assert _written(site, "First and Third")["topics"] == ["caring"]
    assert _written(site, "Village Hall Group")["topics"] == ["depression"]


def test_notes_stay_with_the_editors_and_the_report_says_so(imported) -> None:
    site, report = imported
    two_lines = _written(site, "Two Lines, One Cell")
    assert two_lines["editor_note"] == "Postcode TBC - new venue"
    assert "notes" not in two_lines["schedule"][0]
    assert any("editor_note, a note for editors" in p.message for p in report.problems)
    site_files, _ = site.load()
    group = next(g for g in site_files.groups if g.name == "Two Lines, One Cell")
    assert "Postcode TBC" not in repr(group)


def test_a_cell_with_a_line_break_keeps_both_lines(imported) -> None:
    site, _ = imported
    assert (
        _written(site, "Two Lines, One Cell")["location"]["address"] == "7 Lime Rd\nBack entrance"
    )


def test_a_venue_and_a_postcode_are_enough(imported) -> None:
    site, _ = imported
    location = _written(site, "Village Hall Group")["location"]
    assert (location["venue"], location["postcode"], location["town"]) == (
        "Village Hall", "NE70 7AA", "Belford",
    )  # fmt: skip
    assert "address" not in location


def test_one_windows_row_is_read_as_windows_and_named(imported) -> None:
    site, report = imported
    cafe = _written(site, "Cramlington Grief Café")
    assert cafe["location"]["venue"] == "Café Rooms"
    assert cafe["editor_note"] == "£2 for tea"
    assert _written(site, "Two Lines, One Cell")["location"]["venue"] == "St Mary's Hall"
    assert any(
        p.format().startswith("our groups.csv: warning: row 12 is not UTF-8")
        for p in report.problems
    ), [p.format() for p in report.problems]
    assert [p.name for p in (site.groups / "cramlington").iterdir()] == [
        "cramlington-grief-cafe.yml"
    ]


def test_the_last_checked_date_is_the_sheets(imported) -> None:
    site, _ = imported
    assert _written(site, "Lunch Club")["last_verified"] == date(2026, 11, 1)


def test_dry_run_shows_which_column_went_where(import_site: ImportSite, tmp_path: Path) -> None:
    from peerkit.imports.run import report_lines

    report = import_site.run(_sheet(tmp_path), columns={"Type of group": "topics"}, dry_run=True)
    lines = report_lines(report, dry_run=True)

    assert "column 'Type of group' -> topics" in lines
    assert "column 'Notes' -> editor_note" in lines
    assert "column 'Time' -> start" in lines
    assert not import_site.groups.exists() or not list(import_site.groups.rglob("*.yml"))


def test_without_the_map_the_type_column_is_named_as_left_out(
    import_site: ImportSite, tmp_path: Path
) -> None:
    report = import_site.run(_sheet(tmp_path), dry_run=True)
    assert any("column 'Type of group' is not used" in p.message for p in report.problems)
