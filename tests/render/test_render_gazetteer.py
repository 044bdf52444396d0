"""The gazetteer of typed places that the group finder ships (render/gazetteer.py)."""

from __future__ import annotations

import json

from peerkit.render.directory_data import DIRECTORY
from peerkit.render.gazetteer import CREDIT, PLACES, gazetteer, outward_code


def _located(town: str, postcode: str, lat: float, lon: float) -> dict:
    return {
        "location": {"address": "1 Example Street", "town": town, "region": "Yorkshire",
                     "country": "GB", "postcode": postcode,
                     "latitude": lat, "longitude": lon},
    }  # fmt: skip


def test_outward_code_is_the_part_before_the_inward_code():
    assert outward_code("ls1 7kv") == "LS1"
    assert outward_code("SW1A1AA") == "SW1A"
    assert outward_code("EH1 6KV") == "EH1"
    assert outward_code("10115") is None


def test_places_of_the_site_country_include_towns_without_a_group():
    places = {row[0]: row[1:] for row in gazetteer([], "GB")["places"]}
    lat, lon = places["Wakefield"]
    assert 53.6 < lat < 53.8 and -1.6 < lon < -1.4
    assert "Salford" in places
    # Two Newports of Great Britain, told apart by their part of the country.
    assert {"Newport, Wales", "Newport, England"} <= set(places)
    assert "Newport" not in places
    assert not any(name == "Paris" for name in places)


def test_outward_codes_sit_at_the_mean_of_the_sites_venues(make_site):
    make_site.group("a", _located("Leeds", "LS1 7KV", 53.80, -1.55))
    make_site.group("b", _located("Leeds", "LS1 2AB", 53.78, -1.53))
    make_site.group("c", _located("York", "YO1 9KV", 53.96, -1.08))
    files = {f.path: f.content for f in make_site.render().files}

    data = json.loads(files[f"{DIRECTORY}{PLACES}"])
    assert data["codes"] == [["LS1", 53.79, -1.54], ["YO1", 53.96, -1.08]]
    assert data["credit"] == CREDIT
    assert any(row[0] == "Wakefield" for row in data["places"])
