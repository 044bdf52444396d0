"""The Open Referral HSDS 3 export, checked against the official schemas vendored in fixtures."""

from __future__ import annotations

import csv
import io
import json
import uuid
from functools import cache

from jsonschema import Draft202012Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from tests.conftest import group_fields
from tests.render.exports.exported import (
    REPO,
    SITE_URL,
    files_of,
    json_of,
    reference,
    render_reference,
)

HSDS = REPO / "tests" / "fixtures" / "hsds-3"
FOLDER = "groups/hsds/"
OBJECT_FILES = {
    "organizations.json": "organization",
    "services.json": "service",
    "locations.json": "location",
    "schedules.json": "schedule",
}


@cache
def _registry() -> Registry:
    """The official schemas under the file names they use to refer to each other."""
    resources = [
        (path.name, Resource.from_contents(json.loads(path.read_text("utf-8")), DRAFT202012))
        for path in sorted((HSDS / "schema").glob("*.json"))
    ]
    return Registry().with_resources(resources)


def _validator(schema_name: str) -> Draft202012Validator:
    schema = _registry().contents(f"{schema_name}.json")
    return Draft202012Validator(
        schema, registry=_registry(), format_checker=Draft202012Validator.FORMAT_CHECKER
    )


def _errors(rendered) -> list[str]:
    found = []
    for name, schema_name in OBJECT_FILES.items():
        objects = json_of(rendered, FOLDER + name)
        assert isinstance(objects, list)
        for obj in objects:
            found += [
                f"{name} {obj['id']}: {e.message}" for e in _validator(schema_name).iter_errors(obj)
            ]
    return found


@cache
def _official_tables() -> dict[str, dict]:
    package = json.loads((HSDS / "datapackage.json").read_text("utf-8"))
    return {resource["path"]: resource for resource in package["resources"]}


def _csv_rows(rendered, name: str) -> list[dict[str, str]]:
    text = files_of(rendered)[FOLDER + name].decode("utf-8")
    return list(csv.DictReader(io.StringIO(text, newline="")))


def _online(**fields):
    online = {
        "platform": "Jitsi",
        "url": "https://meet.example.org/circle",
        "details": "Cameras optional.",
    }
    return {"format": "online", "online": online} | fields


def test_the_validator_really_checks_formats_and_nested_references():
    service = {"id": "not-a-uuid", "name": "x", "status": "active", "schedules": [{"id": 3}]}

    messages = [e.message for e in _validator("service").iter_errors(service)]

    assert any("uuid" in m for m in messages)
    assert any("is not of type 'string'" in m for m in messages)


def test_every_object_of_the_reference_site_validates_against_the_official_schemas():
    rendered = reference()

    assert _errors(rendered) == []
    assert len(json_of(rendered, FOLDER + "services.json")) == 30


def test_every_object_validates_for_online_hybrid_and_by_arrangement_groups(make_site):
    make_site.group("in-person", {"organisation": "Open Door"})
    make_site.group("online", _online(region="Online"), omit=["location"])
    make_site.group("hybrid", {"format": "hybrid", "online": _online()["online"]})
    make_site.group("walks", {"by_arrangement": "Call Ana."}, omit=["schedule"])

    assert _errors(make_site.render(site_url=SITE_URL)) == []
    assert _errors(make_site.render()) == []


def test_a_group_is_a_service_of_its_organisation_or_of_the_site(make_site):
    make_site.group("run-by-charity", {"name": "Charity group", "organisation": "Open Door"})
    make_site.group("independent", {"name": "Independent group"})

    rendered = make_site.render()
    organizations = {o["name"]: o for o in json_of(rendered, FOLDER + "organizations.json")}
    by_id = {s["id"]: s for s in json_of(rendered, FOLDER + "services.json")}

    assert set(organizations) == {"Open Door", "Test"}
    [charity_service] = organizations["Open Door"]["services"]
    [site_service] = organizations["Test"]["services"]
    assert by_id[charity_service["id"]]["name"] == "Charity group"
    assert by_id[charity_service["id"]]["organization_id"] == organizations["Open Door"]["id"]
    assert by_id[site_service["id"]]["name"] == "Independent group"
    assert by_id[site_service["id"]]["organization_id"] == organizations["Test"]["id"]


def test_ids_are_stable_uuids_unique_across_the_export():
    first, second = render_reference(), render_reference()
    ids = []
    for name in OBJECT_FILES:
        assert files_of(first)[FOLDER + name] == files_of(second)[FOLDER + name]
        ids += [o["id"] for o in json_of(first, FOLDER + name)]

    for value in ids:
        assert uuid.UUID(value).version == 5
    services = json_of(first, FOLDER + "services.json")
    assert len({s["id"] for s in services}) == len(services)
    locations = json_of(first, FOLDER + "locations.json")
    assert len({loc["id"] for loc in locations}) == len(locations)


def test_schedule_keeps_the_rule_times_and_words_with_the_standard_utc_offset(make_site):
    meetings = [
        {"freq": "MONTHLY", "byday": "2TH,4TH", "opens_at": "19:00", "closes_at": "20:30"},
        {
            "freq": "WEEKLY",
            "byday": "TU",
            "opens_at": "18:30",
            "closes_at": "20:00",
            "timezone": "America/New_York",
        },
        {
            "freq": "WEEKLY",
            "byday": "WE",
            "opens_at": "09:00",
            "closes_at": "10:00",
            "timezone": "Australia/Sydney",
        },
        {
            "freq": "WEEKLY",
            "byday": "FR",
            "opens_at": "09:00",
            "closes_at": "10:00",
            "timezone": "Asia/Kolkata",
        },
    ]
    make_site.group(fields={"schedule": meetings})

    schedules = json_of(make_site.render(), FOLDER + "schedules.json")

    assert [(s["freq"], s["byday"], s["interval"]) for s in schedules] == [
        ("MONTHLY", "2TH,4TH", 1),
        ("WEEKLY", "TU", 1),
        ("WEEKLY", "WE", 1),
        ("WEEKLY", "FR", 1),
    ]
    assert [s["timezone"] for s in schedules] == [0, -5, 10, 5.5]
    assert schedules[0]["opens_at"] == "19:00"
    assert schedules[0]["closes_at"] == "20:30"
    assert schedules[0]["description"] == (
        "2nd and 4th Thursday of the month, 19:00 to 20:30 (Europe/London time)"
    )


def test_every_other_week_carries_its_dtstart(make_site):
    meeting = {
        "freq": "WEEKLY",
        "interval": 2,
        "dtstart": "2026-11-04",
        "byday": "WE",
        "opens_at": "17:30",
        "closes_at": "19:00",
    }
    make_site.group(fields={"schedule": [meeting]})

    [schedule] = json_of(make_site.render(), FOLDER + "schedules.json")

    assert (schedule["interval"], schedule["dtstart"]) == (2, "2026-11-04")


def test_online_group_has_a_virtual_location_and_its_join_url(make_site):
    make_site.group("online", _online(region="Online"), omit=["location"])

    rendered = make_site.render(site_url="https://peers.example.org/")
    [service] = json_of(rendered, FOLDER + "services.json")
    [location] = json_of(rendered, FOLDER + "locations.json")

    # The service's url is its page on the site; the join link is its location's.
    assert service["url"] == "https://peers.example.org/groups/online/online/"
    assert location["location_type"] == "virtual"
    assert location["url"] == "https://meet.example.org/circle"
    assert [sal["location_id"] for sal in service["service_at_locations"]] == [location["id"]]


def test_hybrid_group_is_offered_at_a_physical_and_a_virtual_location(make_site):
    location = group_fields()["location"] | {"postcode": "LS1 0KV"}
    make_site.group(
        fields={"format": "hybrid", "online": _online()["online"], "location": location}
    )

    [service] = json_of(make_site.render(), FOLDER + "services.json")

    kinds = [sal["location"]["location_type"] for sal in service["service_at_locations"]]
    assert kinds == ["physical", "virtual"]
    [address] = service["service_at_locations"][0]["location"]["addresses"]
    assert (address["address_1"], address["city"], address["postal_code"]) == (
        "1 Example Street",
        "Leeds",
        "LS1 0KV",
    )


def test_topics_are_attributes_with_terms_of_the_site_topic_taxonomy(make_site):
    make_site.group(fields={"topics": ["anxiety", "grief"]})

    [service] = json_of(make_site.render(), FOLDER + "services.json")

    terms = [a["taxonomy_term"] for a in service["attributes"]]
    assert [(t["code"], t["name"], t["taxonomy"]) for t in terms] == [
        ("anxiety", "Anxiety", "Test topics"),
        ("grief", "Grief and loss", "Test topics"),
    ]
    assert {a["link_id"] for a in service["attributes"]} == {service["id"]}


def test_contact_languages_accessibility_and_cost_are_carried(make_site):
    make_site.group(
        fields={
            "contact": {"name": "Kasia", "email": "kasia@example.org", "phone": "07700 900302"},
            "languages": ["en", "pl"],
            "accessibility": ["step-free access", "hearing loop"],
            "cost": "Free; tea and cake",
        }
    )

    rendered = make_site.render()
    [service] = json_of(rendered, FOLDER + "services.json")
    [location] = json_of(rendered, FOLDER + "locations.json")

    assert [p["number"] for p in service["phones"]] == ["07700 900302"]
    assert [(c["name"], c["email"]) for c in service["contacts"]] == [
        ("Kasia", "kasia@example.org")
    ]
    assert [lang["code"] for lang in service["languages"]] == ["en", "pl"]
    assert service["fees_description"] == "Free; tea and cake"
    assert service["assured_date"] == "2026-09-01"
    assert [a["description"] for a in location["accessibility"]] == [
        "step-free access",
        "hearing loop",
    ]


def test_every_csv_has_the_official_file_name_and_columns_in_order():
    files = files_of(reference())
    written = sorted(
        p.removeprefix(FOLDER) for p in files if p.startswith(FOLDER) and p.endswith(".csv")
    )

    assert set(written) <= set(_official_tables())
    assert {
        "organizations.csv",
        "services.csv",
        "locations.csv",
        "addresses.csv",
        "schedules.csv",
    } <= set(written)
    for name in written:
        header = files[FOLDER + name].decode("utf-8").split("\r\n", 1)[0].split(",")
        official = [field["name"] for field in _official_tables()[name]["schema"]["fields"]]
        assert header == official, name


def test_every_csv_fills_its_required_columns():
    rendered = reference()
    for name, resource in _official_tables().items():
        if FOLDER + name not in files_of(rendered):
            continue
        required = [
            f["name"]
            for f in resource["schema"]["fields"]
            if f.get("constraints", {}).get("required")
        ]
        for row in _csv_rows(rendered, name):
            empty = [column for column in required if not row[column]]
            assert empty == [], (name, row["id"], empty)
    in_person = [
        g for g in json_of(rendered, FOLDER + "locations.json") if g["location_type"] == "physical"
    ]
    assert len(_csv_rows(rendered, "addresses.csv")) == len(in_person)


def test_datapackage_describes_each_written_table_as_the_official_one_does():
    files = files_of(reference())
    package = json.loads(files[FOLDER + "datapackage.json"])

    assert package["profile"] == "tabular-data-package"
    assert sorted(r["path"] for r in package["resources"]) == sorted(
        p.removeprefix(FOLDER) for p in files if p.startswith(FOLDER) and p.endswith(".csv")
    )
    written = {r["name"] for r in package["resources"]}
    for resource in package["resources"]:
        official = _official_tables()[resource["path"]]
        assert resource["name"] == official["name"]
        assert resource["schema"]["fields"] == [
            {key: f[key] for key in ("name", "type", "format") if key in f}
            | (
                {"constraints": {"required": True}}
                if f.get("constraints", {}).get("required")
                else {}
            )
            for f in official["schema"]["fields"]
        ], resource["name"]
        official_keys = [
            fk
            for fk in official["schema"].get("foreignKeys", [])
            if fk["reference"]["resource"] in written
        ]
        assert sorted(resource["schema"]["foreignKeys"], key=str) == sorted(
            official_keys, key=str
        ), resource["name"]


def test_quotes_commas_markup_and_line_breaks_survive_in_csv_and_json(make_site):
    name = 'Tea, "Talk" & <b>more</b>'
    description = 'First line, with "quotes".\nSecond line; <script>alert(1)</script>'
    make_site.group(fields={"name": name, "description": description})

    rendered = make_site.render()
    [row] = _csv_rows(rendered, "services.csv")
    [service] = json_of(rendered, FOLDER + "services.json")

    assert (row["name"], row["description"]) == (name, description)
    assert (service["name"], service["description"]) == (name, description)


def test_tabular_rows_match_the_json_objects():
    rendered = reference()
    services = json_of(rendered, FOLDER + "services.json")
    rows = _csv_rows(rendered, "services.csv")
    assert [(r["id"], r["name"], r["organization_id"]) for r in rows] == [
        (s["id"], s["name"], s["organization_id"]) for s in services
    ]
    schedules = _csv_rows(rendered, "schedules.csv")
    assert len(schedules) == len(json_of(rendered, FOLDER + "schedules.json"))
    assert {r["service_id"] for r in schedules} <= {s["id"] for s in services}


def test_a_dial_in_number_is_a_phone_of_the_virtual_location_in_json_and_csv(make_site):
    online = _online(region="Online")
    online["online"] |= {"conference_phone": "+44 20 3481 5237,,84512345#"}
    make_site.group("online", online, omit=["location"])

    rendered = make_site.render()
    [location] = json_of(rendered, FOLDER + "locations.json")
    [phone] = location["phones"]
    [row] = _csv_rows(rendered, "phones.csv")

    assert phone["number"] == "+44 20 3481 5237,,84512345#"
    # In the CSV a leading + is kept from being read as a formula (SECURITY.md).
    assert row["number"] == "'+44 20 3481 5237,,84512345#"
    assert phone["location_id"] == row["location_id"] == location["id"]
    assert _errors(rendered) == []
