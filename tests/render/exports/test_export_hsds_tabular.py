"""The tabular HSDS export passes `frictionless validate`, as a partner's tools would run it."""

from __future__ import annotations

from pathlib import Path

from frictionless import validate

from tests.render.exports.exported import files_of, json_of, reference

FOLDER = "groups/hsds/"


def _write_tables(files: dict[str, bytes], target: Path) -> Path:
    """The CSV tables and their datapackage.json, as a partner downloads them."""
    for path, content in files.items():
        name = path.removeprefix(FOLDER)
        if path.startswith(FOLDER) and (name.endswith(".csv") or name == "datapackage.json"):
            (target / name).write_bytes(content)
    return target / "datapackage.json"


def _replace_once(table: Path, old: str, new: str) -> None:
    text = table.read_bytes().decode("utf-8")
    assert old in text
    table.write_bytes(text.replace(old, new, 1).encode("utf-8"))


def _problems(descriptor: Path) -> list[str]:
    """Each of frictionless's errors as "table: row N field: note"; none when valid."""
    report = validate(descriptor)
    found = [f"package: {error.message}" for error in report.errors]
    for task in report.tasks:
        found += [
            f"{task.name}: row {row} {field}: {note}"
            for row, field, note in task.flatten(["rowNumber", "fieldName", "note"])
        ]
    assert report.valid == (found == [])
    return found


def test_the_reference_site_tables_pass_frictionless_validate(tmp_path: Path) -> None:
    descriptor = _write_tables(files_of(reference()), tmp_path)

    assert _problems(descriptor) == []


def test_frictionless_refuses_a_time_without_seconds_and_an_empty_required_cell(
    tmp_path: Path,
) -> None:
    descriptor = _write_tables(files_of(reference()), tmp_path)
    _replace_once(tmp_path / "schedules.csv", ':00:00",', ':00",')
    _replace_once(tmp_path / "addresses.csv", ',"NW1 0KV",', ',"",')

    problems = _problems(descriptor)

    assert any(p.startswith("schedule:") and "_at:" in p for p in problems)
    assert any(p.startswith("address:") and "postal_code" in p for p in problems)


def test_a_venue_without_a_postcode_has_no_address_rather_than_an_empty_one(
    make_site, tmp_path: Path
) -> None:
    make_site.group("no-postcode")
    location = {
        "address": "2 Example Street",
        "town": "Leeds",
        "region": "Yorkshire",
        "postcode": "LS1 0KV",
        "country": "GB",
    }
    make_site.group("with-postcode", {"name": "Second group", "location": location})

    rendered = make_site.render()
    locations = {loc["id"]: loc for loc in json_of(rendered, FOLDER + "locations.json")}
    services = {s["name"]: s for s in json_of(rendered, FOLDER + "services.json")}

    [without] = services["A group"]["service_at_locations"]
    [with_postcode] = services["Second group"]["service_at_locations"]
    assert "addresses" not in locations[without["location_id"]]
    [address] = locations[with_postcode["location_id"]]["addresses"]
    assert (address["address_1"], address["postal_code"]) == ("2 Example Street", "LS1 0KV")
    assert _problems(_write_tables(files_of(rendered), tmp_path)) == []
