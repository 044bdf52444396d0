"""Imports read what a first-timer can expect: spreadsheet columns, Meeting Guide types, HSDS."""

from __future__ import annotations

import json
from pathlib import Path

from peerkit.model.expect import Expect
from tests.imports.conftest import ImportSite, messages

HEADINGS = (
    "Name,Description,Topics,Town,Region,Address,Day,Start,End,Cost,"
    "Wheelchair accessible,Hearing loop,Sign language,Drop in,Run by\n"
)


def _sheet(tmp_path: Path, *rows: str) -> Path:
    path = tmp_path / "groups.csv"
    path.write_text(HEADINGS + "".join(row + "\n" for row in rows), "utf-8")
    return path


def test_spreadsheet_columns_become_the_groups_answers(
    import_site: ImportSite, tmp_path: Path
) -> None:
    sheet = _sheet(
        tmp_path,
        "Leeds Circle,A weekly circle.,anxiety,Leeds,Yorkshire,1 Park Row,Tuesday,18:30,20:00,"
        '"Free; tea",Yes,no,BSL,Just turn up,Volunteers with lived experience',
        "Otley Cafe,A weekly cafe.,grief,Otley,Yorkshire,2 Main St,Monday,10:00,11:00,"
        "£3 a session,N,,,Please book first,A counsellor",
        "Ilkley Walk,A weekly walk.,grief,Ilkley,Yorkshire,3 Moor Rd,Friday,10:00,11:00,"
        ",perhaps,,,,",
    )

    report = import_site.run(sheet)

    assert import_site.errors() == []
    assert import_site.group("Leeds Circle").expect == Expect(
        attendance="drop_in",
        cost="free",
        run_by="peers",
        step_free=True,
        hearing_loop=False,
        sign_language=("BSL",),
    )
    assert import_site.group("Otley Cafe").expect == Expect(
        attendance="register_first", cost="fee", run_by="professional", step_free=False
    )
    assert import_site.group("Ilkley Walk").expect is None
    assert any("step_free 'perhaps' not understood" in m for m in messages(report))


def _entry(**fields) -> dict:
    return {
        "name": "Harbour Meeting",
        "slug": "harbour-1",
        "day": 2,
        "time": "19:00",
        "end_time": "20:00",
        "address": "1 Quay St",
        "city": "Bristol",
        "state": "South West",
        "postal_code": "BS1 4AA",
        "country": "GB",
        "updated": "2026-10-01 00:00:00",
    } | fields


def test_meeting_guide_wheelchair_and_asl_types_become_answers(
    import_site: ImportSite, tmp_path: Path
) -> None:
    feed = tmp_path / "feed.json"
    feed.write_text(json.dumps([_entry(types=["X", "ASL", "O"])]), "utf-8")

    import_site.run(feed, default_topic="anxiety")

    expect = import_site.group("Harbour Meeting").expect
    assert expect == Expect(step_free=True, sign_language=("ASL",))


def test_another_publishers_hsds_says_cost_sign_language_and_access_in_its_own_fields(
    import_site: ImportSite, tmp_path: Path
) -> None:
    service = {
        "id": "svc-1",
        "name": "Harbour Group",
        "description": "A weekly group.",
        "status": "active",
        "email": "harbour@example.org",
        "assured_date": "2026-10-01",
        "attributes": [{"taxonomy_term": {"code": "anxiety", "name": "Anxiety"}}],
        "cost_options": [{"id": "c1", "option": "Free", "amount": 0}],
        "languages": [{"id": "l1", "code": "en"}, {"id": "l2", "code": "isg"}],
        "schedules": [
            {"id": "s1", "freq": "WEEKLY", "byday": "WE", "opens_at": "19:00", "closes_at": "20:00"}
        ],
        "service_at_locations": [
            {
                "location": {
                    "id": "loc-1",
                    "location_type": "physical",
                    "name": "Harbour Hall",
                    "addresses": [
                        {
                            "address_1": "1 Quay St",
                            "city": "Bristol",
                            "state_province": "South West",
                            "postal_code": "BS1 4AA",
                            "country": "GB",
                        }
                    ],
                    "accessibility": [
                        {"description": "Hearing loop: yes"},
                        {"description": "Large-print leaflets"},
                    ],
                }
            }
        ],
    }
    source = tmp_path / "services.json"
    source.write_text(json.dumps([service]), "utf-8")

    import_site.run(source)

    group = import_site.group("Harbour Group")
    assert group.expect == Expect(cost="free", hearing_loop=True, sign_language=("ISL",))
    assert group.languages == ("en",)
    assert group.accessibility == ("Large-print leaflets",)
    assert group.topics == ("anxiety",)
