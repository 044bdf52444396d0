"""Open Referral HSDS 3 services, as JSON or as a tabular datapackage, become groups."""

from __future__ import annotations

import json
import shutil
import zipfile
from datetime import date
from pathlib import Path

import pytest

from tests.imports.conftest import FIXTURES, ImportSite, messages

SERVICES = FIXTURES / "hsds-services.json"
PACKAGE = FIXTURES / "hsds-datapackage"


def test_hsds_json_services_become_groups(import_site: ImportSite) -> None:
    report = import_site.run(SERVICES)

    assert report.kind == "HSDS JSON"
    assert import_site.files() == [
        "east-midlands/derby-bereavement-circle.yml",
        "online/online-carers-catch-up.yml",
    ]
    assert import_site.errors() == []


def test_a_service_with_a_venue_and_a_link_is_a_hybrid_group(import_site: ImportSite) -> None:
    import_site.run(SERVICES)

    derby = import_site.group("Derby Bereavement Circle")
    assert (derby.format, derby.organisation, derby.topics) == (
        "hybrid",
        "Derwent Bereavement Friends",
        ("grief",),
    )
    assert derby.location is not None
    assert (derby.location.venue, derby.location.address, derby.location.town) == (
        "Friar Gate Chapel Rooms",
        "9 Friar Gate",
        "Derby",
    )
    assert (derby.location.region, derby.location.postcode) == ("East Midlands", "DE1 1BX")
    assert derby.location.directions == "Use the side entrance on Friar Gate."
    assert derby.online is not None
    assert (derby.online.url, derby.online.platform) == (
        "https://meet.example.org/derby-bereavement",
        "Jitsi",
    )
    meeting = derby.schedule[0]
    assert (
        meeting.freq,
        tuple(map(str, meeting.byday)),
        meeting.opens_at,
        meeting.closes_at,
        meeting.notes,
    ) == (
        "MONTHLY",
        ("2TU", "-1TU"),
        "18:30",
        "20:00",
        "Not in August.",
    )
    assert derby.contact is not None
    assert (derby.contact.name, derby.contact.phone) == ("Ruth", "01332 496000")
    assert derby.languages == ("en", "pa")
    assert derby.accessibility == ("step-free access", "hearing loop")
    assert (derby.cost, derby.last_verified) == ("Free; tea and biscuits", date(2026, 2, 14))


def test_service_status_decides_whether_and_how_it_is_listed(import_site: ImportSite) -> None:
    report = import_site.run(SERVICES)

    carers = import_site.group("Online Carers' Catch-up")
    assert (carers.status, carers.format, carers.topics) == ("draft", "online", ("caring",))
    assert carers.online is not None and carers.online.platform == "Microsoft Teams"
    assert (carers.schedule[0].opens_at, carers.last_verified) == ("20:00", date(2026, 1, 5))
    found = messages(report)
    assert (
        "hsds-services.json:2: warning: the service is temporarily closed; imported as a draft"
        in found
    )
    assert "hsds-services.json:3: warning: the service is defunct; not imported" in found


def test_a_service_with_an_impossible_schedule_is_reported_by_record_number(
    import_site: ImportSite,
) -> None:
    report = import_site.run(SERVICES)

    assert "hsds-services.json:4: error: unknown time '25:00' (hours go to 23, minutes to 59)" in (
        messages(report)
    )
    assert (report.count("created"), report.count("skipped")) == (2, 2)


@pytest.mark.parametrize(
    ("zone", "offset", "warned"),
    [
        ("Asia/Kolkata", 5.5, False),
        ("Asia/Kolkata", 5, True),
        ("America/St_Johns", -3.5, False),
        ("Europe/London", 1, False),
        ("Europe/London", "2", True),
    ],
)
def test_a_schedules_utc_offset_is_checked_against_the_sites_zone(
    import_site: ImportSite, tmp_path: Path, zone: str, offset: object, warned: bool
) -> None:
    """HSDS gives a number of hours, halves and quarters included (India is 5.5)."""
    services = json.loads(SERVICES.read_text("utf-8"))
    services["contents"][0]["schedules"][0]["timezone"] = offset
    source = tmp_path / "services.json"
    source.write_text(json.dumps(services), "utf-8")

    found = messages(import_site.run(source, timezone=zone))

    warning = f"services.json:1: warning: schedule timezone {offset!r} is not {zone}'s"
    assert any(line.startswith(warning) for line in found) is warned, found


def _zipped(tmp_path: Path, inside: str) -> Path:
    archive = tmp_path / "export.zip"
    with zipfile.ZipFile(archive, "w") as out:
        for path in sorted(PACKAGE.iterdir()):
            out.write(path, f"{inside}{path.name}")
    return archive


@pytest.mark.parametrize("form", ["folder", "datapackage.json", "zip", "zip with a folder"])
def test_hsds_datapackage_imports_from_folder_descriptor_or_zip(
    import_site: ImportSite, tmp_path: Path, form: str
) -> None:
    source = {
        "folder": lambda: PACKAGE,
        "datapackage.json": lambda: PACKAGE / "datapackage.json",
        "zip": lambda: _zipped(tmp_path, ""),
        "zip with a folder": lambda: _zipped(tmp_path, "hsds/"),
    }[form]()

    report = import_site.run(source)

    assert report.kind == "HSDS datapackage"
    assert import_site.files() == [
        "derbyshire/buxton-anxiety-group.yml",
        "derbyshire/peak-walk-and-talk.yml",
    ]
    assert import_site.errors() == []


def test_hsds_tables_are_joined_back_into_groups(import_site: ImportSite) -> None:
    report = import_site.run(PACKAGE)

    buxton = import_site.group("Buxton Anxiety Group")
    assert (buxton.organisation, buxton.topics, buxton.format) == (
        "Peak Peer Support",
        ("anxiety",),
        "in-person",
    )
    assert buxton.location is not None
    assert (buxton.location.latitude, buxton.location.region) == (53.2587, "Derbyshire")
    assert [(tuple(map(str, m.byday)), m.opens_at) for m in buxton.schedule] == [
        (("MO", "TH"), "19:00")
    ]
    assert buxton.contact is not None and buxton.contact.phone == "01298 496000"
    assert buxton.accessibility == ("step-free access",)
    walk = import_site.group("Peak Walk and Talk").schedule[0]
    assert (walk.interval, walk.notes) == (2, "Cancelled in very bad weather.")
    assert (
        "hsds-datapackage/services.csv:4: error: no address: an in-person or hybrid group needs"
        " the street address, or the venue and its postcode"
    ) in messages(report)


def test_a_file_in_no_known_format_is_refused_in_one_line(
    import_site: ImportSite, tmp_path: Path
) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("Call Ana about the walking group on Tuesday.\n", encoding="utf-8")

    report = import_site.run(notes)

    assert [m.split(":")[0:2] for m in messages(report)] == [["notes.txt", " error"]]
    assert report.outcomes == []
    assert not import_site.groups.exists()


def test_the_content_decides_the_format_not_the_extension(
    import_site: ImportSite, tmp_path: Path
) -> None:
    renamed = tmp_path / "groups export (3).txt"
    shutil.copy(SERVICES, renamed)

    report = import_site.run(renamed)

    assert report.kind == "HSDS JSON"
    assert report.count("created") == 2
