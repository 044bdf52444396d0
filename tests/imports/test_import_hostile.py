"""Imports from files nobody has checked: inside the site, all or nothing, never a traceback.

A group file or a region folder may be a link to somewhere outside the site; the
file itself may be cut short, nested without end, or shaped like nothing any
format gives. Each case here is one such input, imported through the CLI's own
entry point or the core, and what is on disk afterwards is compared with before.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

from peerkit import interrupts
from peerkit.cli import main
from peerkit.imports import landing
from peerkit.imports import run as import_run
from peerkit.imports.mapping import Defaults
from peerkit.imports.run import ImportOptions, import_file
from tests.imports.conftest import IMPORT_DAY, ImportSite

HEADINGS = "Group name;Topics;Address;City;Region;Day;Start time;End time;Last checked\n"
ROW = "{name};loneliness;Pier Road;Whitby;{region};Sunday;10am;11am;01/03/2026\n"
BAD_ROW = "Bad Day Walk;loneliness;Pier Road;Whitby;Yorkshire;Caturday;10am;11am;01/03/2026\n"
DIAGNOSTIC = re.compile(r"^[^:\s]+(:\d+)?: (error|warning): ")


def _sheet(tmp_path: Path, *rows: str, name: str = "groups.csv") -> Path:
    path = tmp_path / name
    path.write_text(HEADINGS + "".join(rows), encoding="utf-8")
    return path


def _row(name: str, region: str = "Yorkshire") -> str:
    return ROW.format(name=name, region=region)


def _import(site: ImportSite, *args: str) -> int:
    return main(["import", *args, "-f", str(site.root / "mkdocs.yml"), "--date", "2026-03-20"])


def _snapshot(folder: Path) -> dict[str, bytes]:
    if not folder.exists():
        return {}
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and not p.is_symlink()
    }


def _outside(tmp_path: Path) -> Path:
    folder = tmp_path / "outside"
    folder.mkdir()
    return folder


# ---------------------------------------------------------------- links out of content/


def test_update_never_writes_through_a_group_file_that_is_a_link_outside(
    import_site: ImportSite, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    outside = _outside(tmp_path)
    secret = outside / "notes.yml"
    secret.write_text("name: Whitby Harbour Walk\nprivate: notes\n", encoding="utf-8")
    (import_site.groups / "yorkshire").mkdir(parents=True)
    os.symlink(secret, import_site.groups / "yorkshire" / "whitby-harbour-walk.yml")

    status = _import(import_site, str(_sheet(tmp_path, _row("Whitby Harbour Walk"))), "--update")

    assert status == 1
    assert secret.read_text("utf-8") == "name: Whitby Harbour Walk\nprivate: notes\n"
    assert "is a link: an import does not write through links" in capsys.readouterr().out


def test_new_files_never_go_into_a_region_folder_that_is_a_link_outside(
    import_site: ImportSite, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    outside = _outside(tmp_path)
    import_site.groups.mkdir(parents=True)
    os.symlink(outside, import_site.groups / "yorkshire")

    status = _import(import_site, str(_sheet(tmp_path, _row("Whitby Harbour Walk"))))

    assert status == 1
    assert list(outside.iterdir()) == []
    assert "groups/yorkshire is a link" in capsys.readouterr().out


def test_a_groups_folder_that_is_a_link_outside_takes_no_file(
    import_site: ImportSite, tmp_path: Path
) -> None:
    outside = _outside(tmp_path)
    os.symlink(outside, import_site.groups)

    status = _import(import_site, str(_sheet(tmp_path, _row("Whitby Harbour Walk"))), "--partial")

    assert status == 1
    assert list(outside.iterdir()) == []


def test_a_linked_file_is_not_read_as_an_existing_group(
    import_site: ImportSite, tmp_path: Path
) -> None:
    """Reading through the link would show what lies outside in the report."""
    outside = _outside(tmp_path)
    (outside / "private.yml").write_text("slug: whitby-harbour-walk\n  town: SECRET\n", "utf-8")
    (import_site.groups / "yorkshire").mkdir(parents=True)
    os.symlink(outside / "private.yml", import_site.groups / "yorkshire" / "private.yml")

    report = import_site.run(
        _sheet(tmp_path, _row("Whitby Harbour Walk")), inside=import_site.content
    )

    assert report.count("created") == 1
    assert all("SECRET" not in p.format() for p in report.problems)
    assert (import_site.groups / "yorkshire" / "whitby-harbour-walk.yml").is_file()


def test_a_destination_outside_content_is_refused(import_site: ImportSite, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"

    status = _import(
        import_site, str(_sheet(tmp_path, _row("Whitby Harbour Walk"))), "--dest", str(elsewhere)
    )

    assert status == 1
    assert not elsewhere.exists()


# ---------------------------------------------------------------- all or nothing


def test_one_bad_row_and_nothing_is_written(
    import_site: ImportSite, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = [_row(f"Walk number {n}") for n in range(1, 6)]
    sheet = _sheet(tmp_path, *rows[:3], BAD_ROW, *rows[3:])

    status = _import(import_site, str(sheet))

    out = capsys.readouterr().out.splitlines()
    assert status == 1
    assert _snapshot(import_site.groups) == {}
    assert "groups.csv:5: error: unknown day 'Caturday'" in out
    assert any("nothing written" in line and "--partial" in line for line in out)
    assert out[-1].endswith("(nothing written)")


def test_partial_writes_the_good_rows_and_names_each_row_that_landed(
    import_site: ImportSite, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sheet = _sheet(tmp_path, _row("Walk one"), BAD_ROW, _row("Walk two", "North East"))

    status = _import(import_site, str(sheet), "--partial")

    out = capsys.readouterr().out.splitlines()
    assert status == 1
    assert sorted(_snapshot(import_site.groups)) == [
        "north-east/walk-two.yml",
        "yorkshire/walk-one.yml",
    ]
    assert "created content/groups/yorkshire/walk-one.yml from groups.csv:2" in out
    assert "created content/groups/north-east/walk-two.yml from groups.csv:4" in out
    assert not any("bad-day-walk" in line for line in out)


@pytest.mark.parametrize("failure", [OSError(28, "No space left on device"), KeyboardInterrupt()])
def test_a_failure_while_landing_puts_every_file_back(
    import_site: ImportSite, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failure: BaseException
) -> None:
    existing = import_site.groups / "yorkshire" / "walk-one.yml"
    _import(import_site, str(_sheet(tmp_path, _row("Walk one"))))
    before = _snapshot(import_site.groups)
    assert list(before) == ["yorkshire/walk-one.yml"]
    sheet = _sheet(
        tmp_path,
        _row("Walk one").replace("11am", "12pm"),
        *[_row(f"New walk {n}", f"Region {n}") for n in range(4)],
    )
    replaced: list[str] = []
    real_replace = os.replace

    def failing_replace(source: str | Path, target: str | Path) -> None:
        if len(replaced) == 3:
            raise failure
        replaced.append(str(target))
        real_replace(source, target)

    monkeypatch.setattr(landing.os, "replace", failing_replace)
    # After Ctrl-C the command stops every child of its process: here that process is the
    # test runner, whose children (a browser of other tests) are not the import's to stop.
    stopped: list[bool] = []
    monkeypatch.setattr(interrupts, "stop_children", lambda: stopped.append(True))

    status = _import(import_site, str(sheet), "--update")

    assert stopped == ([True] if isinstance(failure, KeyboardInterrupt) else [])

    assert status == (130 if isinstance(failure, KeyboardInterrupt) else 1)

    assert len(replaced) == 3
    assert _snapshot(import_site.groups) == before
    assert existing.read_bytes() == before["yorkshire/walk-one.yml"]
    leftovers = [p for p in import_site.groups.rglob("*") if p.name.endswith(".peerkit-import")]
    assert leftovers == []
    assert sorted(p.name for p in import_site.groups.iterdir()) == ["yorkshire"]


# ---------------------------------------------------------------- malformed input


def _malformed(tmp_path: Path) -> dict[str, Path]:
    files: dict[str, Path] = {}

    def write(name: str, data: str | bytes) -> None:
        path = tmp_path / name
        if isinstance(data, str):
            data = data.encode("utf-8")
        path.write_bytes(data)
        files[name] = path

    write("huge-cell.csv", HEADINGS + _row("Walk " + "x" * 200_000))
    write("unclosed-quote.csv", HEADINGS + _row("Fine walk") + '"Never closed;loneliness\n')
    meeting = {"name": "Night owls", "day": 1, "time": "19:00", "address": "1 St", "city": "Leeds"}
    write("types-number.json", json.dumps([meeting | {"types": 5}]))
    write("types-object.json", json.dumps([meeting | {"types": {"O": True}, "day": {"x": 1}}]))
    write("deep.json", "[" * 50_000 + "]" * 50_000)
    write(
        "deep-inside-a-meeting.json",
        json.dumps([meeting | {"notes": None}]).replace("null", "[" * 40 + "]" * 40),
    )
    write(
        "hsds-odd-shapes.json",
        json.dumps(
            [
                {
                    "id": "1",
                    "name": "x",
                    "schedules": 5,
                    "service_at_locations": {"a": 1},
                    "organization": [1],
                    "phones": "0113",
                }
            ]
        ),
    )
    write("not-json.json", '[{"name": ')
    package = tmp_path / "list-package"
    package.mkdir()
    (package / "datapackage.json").write_text("[1, 2, 3]", "utf-8")
    files["list-package"] = package
    resources = tmp_path / "resources-package"
    resources.mkdir()
    (resources / "datapackage.json").write_text('{"resources": {"name": "service"}}', "utf-8")
    files["resources-package"] = resources
    return files


CASES = [
    "huge-cell.csv", "unclosed-quote.csv", "types-number.json", "types-object.json", "deep.json",
    "deep-inside-a-meeting.json", "hsds-odd-shapes.json", "not-json.json", "list-package",
    "resources-package",
]  # fmt: skip


@pytest.mark.parametrize("name", CASES)
def test_a_malformed_file_is_reported_by_row_and_writes_nothing(
    import_site: ImportSite, tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    source = _malformed(tmp_path)[name]

    status = _import(import_site, str(source), "--topic", "loneliness")

    captured = capsys.readouterr()
    lines = captured.out.splitlines()
    assert status == 1, captured.out
    assert "Traceback" not in captured.out + captured.err
    assert _snapshot(import_site.groups) == {}
    assert any(DIAGNOSTIC.match(line) and ": error: " in line for line in lines), lines
    assert all(line.isprintable() for line in lines)


def test_a_huge_cell_is_an_error_at_its_row(
    import_site: ImportSite, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sheet = _sheet(tmp_path, _row("Fine walk"), _row("Walk " + "x" * 200_000))

    _import(import_site, str(sheet))

    assert "groups.csv:3: error: a cell is longer than" in capsys.readouterr().out


def test_a_long_import_shows_its_progress_while_checking_and_while_writing(
    import_site: ImportSite, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    labels: list[str] = []

    def recording(items, total, label):  # type: ignore[no-untyped-def]
        labels.append(label)
        return items

    monkeypatch.setattr(import_run, "PROGRESS_ABOVE_ROWS", 2)
    sheet = _sheet(tmp_path, *[_row(f"Walk {n}") for n in range(5)])

    options = ImportOptions(
        dest=import_site.groups,
        defaults=Defaults("Europe/London", "GB", IMPORT_DAY, {"loneliness": "Loneliness"}),
    )
    report = import_file(sheet, options, recording)

    assert labels == ["Mapping", "Checking", "Writing"]
    assert report.written and report.count("created") == 5
