"""HSDS as publishers write it: one service, a list, an API page, and the specification's
own example, each imported with a report that names what it leaves out."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from tests.imports.conftest import FIXTURES, ImportSite, messages

PAGE = json.loads((FIXTURES / "hsds-services.json").read_text("utf-8"))
SPEC_EXAMPLE = FIXTURES / "openreferral" / "service_full.json"


def _write(tmp_path: Path, name: str, data: object) -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(data), "utf-8")
    return path


@pytest.mark.parametrize("form", ["page", "list", "one service"])
def test_one_service_a_list_and_an_api_page_give_the_same_group(
    form: str, import_site: ImportSite, tmp_path: Path
) -> None:
    derby = PAGE["contents"][0]
    data = {"page": PAGE | {"contents": [derby]}, "list": [derby], "one service": derby}[form]

    report = import_site.run(_write(tmp_path, "derby.json", data))

    assert report.kind == "HSDS JSON"
    assert import_site.files() == ["east-midlands/derby-bereavement-circle.yml"]
    written = (import_site.groups / "east-midlands/derby-bereavement-circle.yml").read_text()
    assert "name: Derby Bereavement Circle\n" in written
    assert "byday: 2TU,-1TU\n" in written


def test_the_index_of_an_api_is_refused_with_what_to_import_instead(
    import_site: ImportSite, tmp_path: Path
) -> None:
    index = {"version": "3.0", "profile": "https://x.example/", "openapi_url": "https://x/o.json"}

    report = import_site.run(_write(tmp_path, "index.json", index))

    assert messages(report) == [
        "index.json: error: the index of an HSDS API: import its /services instead:"
        " peerkit import reads a CSV spreadsheet, HSDS 3 JSON, an HSDS datapackage"
        " (folder or zip) or a Meeting Guide JSON feed"
    ]


def _without_schedule(**fields: object) -> dict[str, object]:
    derby = {k: v for k, v in PAGE["contents"][0].items() if k != "schedules"}
    return derby | fields


def test_a_service_without_a_schedule_meets_by_arrangement_through_its_contact(
    import_site: ImportSite, tmp_path: Path
) -> None:
    report = import_site.run(_write(tmp_path, "derby.json", [_without_schedule()]))

    derby = import_site.group("Derby Bereavement Circle")
    assert derby.schedule == ()
    assert derby.by_arrangement == "Contact Ruth to arrange a time."
    assert derby.contact is not None and derby.contact.phone == "01332 496000"
    assert (
        "derby.json:1: warning: no current schedule: imported as meeting by arrangement"
        " ('Contact Ruth to arrange a time.'); check with the group"
    ) in messages(report)


def test_a_service_s_own_steps_to_access_it_are_its_arrangement(
    import_site: ImportSite, tmp_path: Path
) -> None:
    service = _without_schedule(application_process="Ring Ruth on a weekday to book a place.")

    import_site.run(_write(tmp_path, "derby.json", [service]))

    derby = import_site.group("Derby Bereavement Circle")
    assert derby.by_arrangement == "Ring Ruth on a weekday to book a place."


def test_a_service_nobody_can_be_reached_at_is_refused_at_its_record(
    import_site: ImportSite, tmp_path: Path
) -> None:
    lone = {
        k: v
        for k, v in _without_schedule().items()
        if k not in ("contacts", "phones", "email", "url")
    }

    report = import_site.run(_write(tmp_path, "derby.json", [lone]))

    assert import_site.files() == []
    assert any(
        m.startswith("derby.json:1: error: no meeting day and time") for m in messages(report)
    )


@pytest.mark.parametrize(
    ("dates", "verified"),
    [
        ({"assured_date": "2026-02-14", "last_modified": "2026-03-01T09:30:00.000Z"}, "2026-02-14"),
        ({"last_modified": "2026-03-01T09:30:00.000Z"}, "2026-03-01"),
        ({"updated": "2026-01-31"}, "2026-01-31"),
    ],
)
def test_last_verified_is_the_source_s_own_date_not_the_import_s(
    dates: dict[str, str], verified: str, import_site: ImportSite, tmp_path: Path
) -> None:
    derby = {k: v for k, v in PAGE["contents"][0].items() if k != "assured_date"} | dates

    report = import_site.run(_write(tmp_path, "derby.json", [derby]))

    assert import_site.group("Derby Bereavement Circle").last_verified == date.fromisoformat(
        verified
    )
    assert not any("the day of the import" in m for m in messages(report))


def test_the_specification_s_own_example_imports_and_the_report_names_what_is_left_out(
    import_site: ImportSite,
) -> None:
    report = import_site.run(SPEC_EXAMPLE, default_topic="anxiety")

    assert report.summary() == "created 1, updated 0, unchanged 0, skipped 0"
    assert import_site.errors() == []
    group = import_site.group("Community Counselling")
    assert (group.organisation, group.format, group.last_verified) == (
        "Example Organization Inc.",
        "in-person",
        date(2005, 1, 1),
    )
    assert group.location is not None
    assert (group.location.venue, group.location.address, group.location.postcode) == (
        "MyCity Civic Center",
        "1-30 Main Street, MyVillage",
        "ABC 1234",
    )
    assert (group.location.latitude, group.location.longitude) == (None, None)
    assert group.schedule == ()
    assert group.by_arrangement is not None
    assert group.by_arrangement.startswith("If you are an NHS patient please ask your GP")
    assert group.contact is not None
    assert (group.contact.name, group.contact.email, group.contact.phone) == (
        "Ann Persona",
        "email@example.com",
        None,
    )
    assert group.languages == ("ur",)
    found = "\n".join(messages(report))
    assert "a schedule ended on 2005-01-01; left out" in found
    assert "no current schedule: imported as meeting by arrangement" in found
    assert (
        "left out, as a group has no place for them: alternate_name, additional_urls,"
        " interpretation_services, wait_time, accreditations, eligibility_description,"
        " minimum_age, maximum_age, assurer_email, licenses, alert, service_areas, funding,"
        " program, required_documents"
    ) in found
    assert "left out of the venue: url, alternate_name, transportation" in found
    assert "latitude 100.0 or longitude 101.0 is out of range; left out" in found
    assert "phone number '\"+44 1234 234567\"'" in found
    assert "cost: 'Non-NHS patients are expected to pay" in found
    assert "unknown topic 'code'" in found


def test_the_first_cost_option_still_valid_is_the_cost_in_words(
    import_site: ImportSite, tmp_path: Path
) -> None:
    ended = {"valid_to": "2025-12-31", "amount": 5, "currency": "gbp", "option": "Everyone"}
    current = {"amount": 2, "currency": "gbp", "amount_description": "towards tea"}
    derby = PAGE["contents"][0] | {"cost_options": [ended, current | {"option": "Everyone"}]}

    import_site.run(_write(tmp_path, "derby.json", [derby]))

    assert import_site.group("Derby Bereavement Circle").cost == "2 GBP towards tea (Everyone)"


def test_a_page_of_services_without_their_details_is_refused_rather_than_guessed(
    import_site: ImportSite, tmp_path: Path
) -> None:
    bare = {k: v for k, v in PAGE["contents"][0].items() if not isinstance(v, list)}

    report = import_site.run(_write(tmp_path, "services.json", PAGE | {"contents": [bare]}))

    assert import_site.files() == []
    [message] = messages(report)
    assert message.startswith(
        "services.json: error: a page of an HSDS API that lists services without their"
        " schedules and venues (as /services does)"
    )
