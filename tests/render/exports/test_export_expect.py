"""A group's expect: answers in each export that has a place for them."""

from __future__ import annotations

import csv
import io
import json

from tests.render.exports.exported import SITE_URL, files_of, json_of
from tests.render.exports.test_export_hsds import FOLDER, _errors

ANSWERS = {
    "attendance": "register_first",
    "how_to_register": "Text Sam the day before.",
    "cost": "donation",
    "run_by": "peers",
    "step_free": False,
    "hearing_loop": True,
    "sign_language": ["BSL", "ASL"],
}
HYBRID = {
    "format": "hybrid",
    "online": {"platform": "Zoom", "url": "https://meet.example.org/x"},
    "cost": "£2 towards tea, if you can",
}


def _service(rendered, name):
    return next(s for s in json_of(rendered, FOLDER + "services.json") if s["name"] == name)


def _rendered(make_site, **answers):
    make_site.group("said", HYBRID | {"name": "Said", "expect": ANSWERS | answers})
    make_site.group("unsaid", {"name": "Unsaid"})
    return make_site.render(site_url=SITE_URL)


def test_hsds_carries_every_answer_and_validates_against_the_official_schemas(make_site):
    rendered = _rendered(make_site, captions=True)

    assert _errors(rendered) == []
    service = _service(rendered, "Said")
    attributes = {
        (a["taxonomy_term"]["code"], a["value"])
        for a in service["attributes"]
        if a["taxonomy_term"]["code"].startswith("expect.")
    }
    assert attributes == {
        ("expect.attendance", "register_first"),
        ("expect.how_to_register", "Text Sam the day before."),
        ("expect.cost", "donation"),
        ("expect.run_by", "peers"),
        ("expect.step_free", "false"),
        ("expect.hearing_loop", "true"),
        ("expect.sign_language", "BSL"),
        ("expect.sign_language", "ASL"),
        ("expect.captions", "true"),
    }
    places = {
        loc["location"]["location_type"]: [
            a["description"] for a in loc["location"].get("accessibility", [])
        ]
        for loc in service["service_at_locations"]
    }
    assert "Step-free access: no" in places["physical"]
    assert "Hearing loop: yes" in places["physical"]
    assert places["virtual"] == ["Live captions: yes"]
    assert service["cost_options"] == [
        {
            "id": service["cost_options"][0]["id"],
            "service_id": service["id"],
            "option": "Donation",
            "amount_description": "£2 towards tea, if you can",
        }
    ]
    assert {(lang["code"], lang.get("name")) for lang in service["languages"]} >= {
        ("bfi", "British Sign Language"),
        ("ase", "American Sign Language"),
    }
    assert service["application_process"].startswith("Register before your first time.")


def test_hsds_says_nothing_for_a_group_that_says_nothing(make_site):
    service = _service(_rendered(make_site), "Unsaid")

    assert not [
        a for a in service["attributes"] if a["taxonomy_term"]["code"].startswith("expect.")
    ]
    assert "cost_options" not in service
    assert "application_process" not in service


def test_free_is_a_cost_option_of_amount_0_in_json_and_csv(make_site):
    rendered = _rendered(make_site, cost="free")

    [option] = _service(rendered, "Said")["cost_options"]
    assert (option["option"], option["amount"]) == ("Free", 0)
    text = files_of(rendered)[FOLDER + "cost_options.csv"].decode("utf-8")
    [row] = list(csv.DictReader(io.StringIO(text, newline="")))
    assert (row["option"], row["amount"], row["service_id"]) == ("Free", "0", option["service_id"])
    terms = files_of(rendered)[FOLDER + "taxonomy_terms.csv"].decode("utf-8")
    assert "expect.step_free" in terms


def test_meeting_guide_types_say_wheelchair_access_and_asl_only_when_the_listing_does(make_site):
    make_site.group("yes", {"name": "Yes", "expect": {"step_free": True, "sign_language": ["ASL"]}})
    make_site.group(
        "no", {"name": "No", "accessibility": ["step-free access"], "expect": {"step_free": False}}
    )
    make_site.group("unsaid", {"name": "Unsaid", "expect": {"cost": "free"}})

    feed = json_of(make_site.render(), "groups/meeting-guide.json")
    types = {entry["name"]: entry["types"] for entry in feed}

    assert {"X", "ASL"} <= set(types["Yes"])
    assert "X" not in types["No"]
    assert not {"X", "ASL"} & set(types["Unsaid"])


def _jsonld(rendered, slug):
    [page] = [p for p in rendered.pages if p.url.endswith(f"/{slug}/")]
    return json.loads(page.jsonld)


def test_schema_org_is_accessible_for_free_follows_the_cost_answer(make_site):
    make_site.group("free", {"name": "Free", "expect": {"cost": "free"}})
    make_site.group("donation", {"name": "Donation", "expect": {"cost": "donation"}})
    make_site.group("fee", {"name": "Fee", "cost": "Free for members", "expect": {"cost": "fee"}})
    make_site.group("unsaid", {"name": "Unsaid"})
    rendered = make_site.render()

    assert _jsonld(rendered, "free")["isAccessibleForFree"] is True
    assert _jsonld(rendered, "donation")["isAccessibleForFree"] is True
    assert _jsonld(rendered, "fee")["isAccessibleForFree"] is False
    assert "isAccessibleForFree" not in _jsonld(rendered, "unsaid")
