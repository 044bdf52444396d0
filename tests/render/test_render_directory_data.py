"""The group finder's data: its shape, its determinism, and its weight at 20,000 groups."""

from __future__ import annotations

import functools
import json
import random
import re
from datetime import date

from peerkit.model.positions import Located
from peerkit.model.records import Group, Location, Meeting, Online, Source, Topic
from peerkit.model.schedule import parse_days
from peerkit.model.settings import Settings
from peerkit.render import urls
from peerkit.render.directory_data import (
    CHUNK_SIZE,
    DIRECTORY,
    INDEX,
    directory_files,
    name_slug,
)
from peerkit.render.groups import by_region

SETTINGS = Settings(site_name="Test", timezone="Europe/London")


def _files(rendered):
    return {f.path: f.content for f in rendered.files if f.path.startswith(DIRECTORY)}


def _data(rendered):
    files = _files(rendered)
    index = json.loads(files[INDEX])
    rows = [
        row
        for n in range(len(index["chunks"]))
        for row in json.loads(files[f"{DIRECTORY}{n}.json"])
    ]
    words = [
        w
        for n in range(len(index["chunks"]))
        for w in json.loads(files[f"{DIRECTORY}{n}-words.json"])
    ]
    return index, rows, words


def _located(town, region, lat=None, lon=None):
    location = {"address": "1 Example Street", "town": town, "region": region, "country": "GB"}
    if lat is not None:
        location |= {"latitude": lat, "longitude": lon}
    return {"location": location}


def test_index_holds_the_tables_rows_point_into(make_site):
    make_site.group(
        "a",
        {"name": "Leeds Anxiety Circle", "languages": ["en", "cy"]}
        | _located("Leeds", "Yorkshire", 53.8001, -1.5491),
    )
    make_site.group(
        "b",
        {"name": "Leeds Walk", "accessibility": ["step-free access"]}
        | _located("Leeds", "Yorkshire", 53.8201, -1.5291),
    )
    make_site.group(
        "c",
        {
            "name": "York Group",
            "format": "hybrid",
            "online": {"platform": "Zoom", "url": "https://meet.example.org/y"},
        }
        | _located("York", "Yorkshire"),
    )
    make_site.group(
        "d",
        {
            "name": "Online Grief",
            "topics": ["grief"],
            "format": "online",
            "online": {"platform": "Zoom", "url": "https://meet.example.org/z"},
        },
        omit=["location"],
    )

    index, rows, _ = _data(make_site.render())

    assert index["version"] == 1
    assert index["chunks"] == [4]
    assert index["formats"] == ["in-person", "online", "hybrid"]
    assert index["zones"] == ["Europe/London"]
    assert index["regions"] == [["Online", "../online/"], ["Yorkshire", "../yorkshire/"]]
    # Leeds sits at the mean of its two groups; York has no coordinates to offer.
    assert index["towns"] == [["Leeds", 1, 53.81, -1.539], ["York", 1]]
    assert index["topics"] == [["anxiety", "Anxiety"], ["grief", "Grief and loss"]]
    assert index["languages"] == ["cy", "en"]
    assert index["access"] == ["step-free access"]
    by_name = {row[0]: row for row in rows}
    assert by_name["Online Grief"] == [
        "Online Grief",
        0,
        "d",
        -1,
        1,
        [1],
        [],
        [],
        [[1, "18:30", "20:00"]],
        0,
        0,
    ]
    assert by_name["Leeds Anxiety Circle"] == [
        "Leeds Anxiety Circle", 1, "a", 0, 0, [0], [0, 1], [], [[1, "18:30", "20:00"]], 0, 0, 53.8, -1.549,
    ]  # fmt: skip
    assert index["checked_from"] == (date(2026, 9, 1) - date(1970, 1, 1)).days
    assert by_name["Leeds Walk"][7] == [0]
    assert by_name["York Group"][3:5] == [1, 2]
    assert len(by_name["York Group"]) == 11


def test_each_row_leads_to_its_group_page(make_site):
    make_site.group(
        "leeds-anxiety-circle", {"name": "Leeds Anxiety Circle"} | _located("Leeds", "North West")
    )
    make_site.group("kept-name", {"name": "Carers' Café (Leeds)"} | _located("Leeds", "North West"))
    make_site.group(
        "carers-cafe-bradford",
        {"name": "Carers' Café (Bradford)"} | _located("Bradford", "North West"),
    )
    rendered = make_site.render()

    index, rows, _ = _data(rendered)

    pages = {page.url for page in rendered.pages}
    for name, region, slug, *_ in rows:
        # What directory.js does: the region's path from index.json, then the slug
        # or, when the row leaves it out, the slug made from the name.
        path = urls.relative("groups/", DIRECTORY + index["regions"][region][1])
        url = "groups/" + path.removeprefix("./") + (slug or name_slug(name)) + "/"
        assert url in pages, name
    assert sorted(row[2] for row in rows) == ["", "", "kept-name"]


def test_meetings_are_typed_values_with_only_what_differs(make_site):
    schedule = [
        {"freq": "MONTHLY", "byday": "2TH,-1FR", "opens_at": "19:00", "closes_at": "20:30"},
        {"freq": "WEEKLY", "byday": "MO", "opens_at": "09:00", "closes_at": "10:00", "timezone": "America/New_York"},
        {"freq": "WEEKLY", "byday": "SA", "opens_at": "10:00", "closes_at": "11:00", "interval": 2, "dtstart": "2026-01-03"},
    ]  # fmt: skip
    make_site.group("a", {"schedule": schedule, "by_arrangement": "Call Ana"})

    index, [row], _ = _data(make_site.render())

    assert index["zones"] == ["Europe/London", "America/New_York"]
    assert row[8] == [
        [[[3, 2], [4, -1]], "19:00", "20:30"],
        [0, "09:00", "10:00", 1],
        [5, "10:00", "11:00", 0, 2, (date(2026, 1, 3) - date(1970, 1, 1)).days],
    ]
    assert row[9] == 1


def test_schedule_words_come_in_the_sites_language(make_site):
    make_site.group("a")

    english, _, _ = _data(make_site.render())
    spanish, _, _ = _data(make_site.render(language="es"))

    assert english["words"]["schedule.weekly"] == "Every {days}"
    assert spanish["words"]["schedule.weekly"] == "Todos los {days}"
    assert spanish["words"]["days_every.TU"] != english["words"]["days_every.TU"]
    assert set(spanish["words"]) == set(english["words"]) >= {"list.and", "ordinal.-1", "day.SU"}


def test_drafts_are_left_out(make_site):
    make_site.group("shown", {"name": "Shown group"})
    make_site.group(
        "draft",
        {"name": "Draft group", "status": "draft", "topics": ["grief"], "languages": ["pl"]}
        | _located("Hull", "Humber", 53.7, -0.3),
    )

    index, rows, words = _data(make_site.render())

    assert [row[0] for row in rows] == ["Shown group"]
    assert len(words) == 1
    assert "Hull" not in json.dumps(index) and "pl" not in index["languages"]
    assert [t[0] for t in index["topics"]] == ["anxiety"]


def test_search_words_leave_out_the_name_and_common_words(make_site):
    description = "A weekly group for people who are bereaved. We meet for tea in Leeds; bereaved carers welcome too."
    make_site.group(
        "a",
        {"name": "Leeds Grief Café", "description": description} | _located("Leeds", "Yorkshire"),
    )

    _, _, [words] = _data(make_site.render())

    assert words == "bereaved tea carers"


def test_two_renders_give_the_same_bytes(make_site):
    for n, town in enumerate(["Leeds", "York", "Hull", "Leeds"]):
        make_site.group(
            f"g{n}",
            {"name": f"Group {n}"} | _located(town, "Yorkshire", 53.8 + n / 7, -1.5 - n / 9),
        )

    assert _files(make_site.render()) == _files(make_site.render())


# --- at the scale of a national directory ----------------------------------------------------

SYLLABLES = (
    "ash", "bar", "bor", "bridge", "brook", "bury", "by", "caster", "chester", "combe", "dale",
    "don", "ford", "ham", "hamp", "ing", "ley", "mouth", "ness", "pool", "stead", "ton", "wick",
)  # fmt: skip
KINDS = (
    "Peer Support Group", "Circle", "Drop-in", "Café", "Walk and Talk", "Recovery Meeting",
    "Coffee Morning", "Talking Group",
)  # fmt: skip
PLACES = (
    "St Mark's", "Riverside", "Northgate", "Library", "Community Centre", "Old School",
    "Friends Meeting House", "",
)  # fmt: skip
TOPICS = [Topic(f"topic-{n}", f"Topic {n}", "", Source("t", Located({}))) for n in range(12)]
FEATURES = (
    "step-free access", "hearing loop", "accessible toilet", "quiet room", "large print",
    "parking nearby", "captions", "camera optional", "assistance dogs welcome", "BSL interpreter",
)  # fmt: skip
LANGUAGES = ("cy", "pl", "ur", "pa", "bn", "gd", "ga", "ro", "lt", "so", "ar", "es")
WORDS = (
    "bereavement", "anxiety", "panic", "depression", "carers", "recovery", "alcohol", "gambling",
    "parents", "young", "adults", "men", "women", "lonely", "isolated", "tea", "coffee", "cake",
    "walk", "garden", "art", "craft", "listen", "share", "talk", "quiet", "friendly", "newcomers",
    "volunteer", "trained", "evening", "lunchtime", "the", "and", "for", "we", "you", "meet",
)  # fmt: skip
DAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]


def _town(rnd: random.Random) -> str:
    return "".join(rnd.choice(SYLLABLES) for _ in range(rnd.randint(2, 3))).capitalize()


def _meeting(rnd: random.Random) -> Meeting:
    hour = rnd.choice([10, 11, 12, 14, 18, 19, 19, 19, 20])
    opens, closes = f"{hour:02d}:{rnd.choice(['00', '30'])}", f"{hour + 1:02d}:30"
    zone = "Europe/London" if rnd.random() < 0.97 else "Europe/Dublin"
    if rnd.random() < 0.15:
        byday = tuple(
            sorted(
                {f"{rnd.choice([1, 2, 3, -1])}{rnd.choice(DAYS)}" for _ in range(rnd.randint(1, 2))}
            )
        )
        return Meeting("MONTHLY", parse_days(",".join(byday)), opens, closes, zone)
    byday = tuple(
        sorted({rnd.choice(DAYS) for _ in range(rnd.choice([1, 1, 1, 2]))}, key=DAYS.index)
    )
    if rnd.random() < 0.03:
        return Meeting(
            "WEEKLY",
            parse_days(",".join(byday)),
            opens,
            closes,
            zone,
            2,
            date(2026, 1, rnd.randint(1, 14)),
        )
    return Meeting("WEEKLY", parse_days(",".join(byday)), opens, closes, zone)


def synthetic_groups(count: int, seed: int = 7) -> list[Group]:
    """Groups shaped like a national directory: 40 regions, about 1,500 towns, one group in
    ten online, some monthly meetings and other languages, a fifth with hand-chosen slugs."""
    rnd = random.Random(seed)
    regions = [f"Region {_town(rnd)}" for _ in range(40)]
    towns = [
        (_town(rnd), rnd.choice(regions), rnd.uniform(50.0, 58.5), rnd.uniform(-6.0, 1.7))
        for _ in range(1500)
    ]
    groups, slugs = [], set()
    for n in range(count):
        town, region, lat, lon = rnd.choice(towns)
        name = " ".join(
            filter(
                None, [town, rnd.choice(PLACES), rnd.choice(WORDS).capitalize(), rnd.choice(KINDS)]
            )
        )
        slug = name_slug(name) if rnd.random() < 0.8 else f"group-{n}-{rnd.choice(WORDS)}"
        while slug in slugs:
            slug += "-2"
        slugs.add(slug)
        form = rnd.choices(["in-person", "online", "hybrid"], [80, 10, 10])[0]
        location = None if form == "online" else Location(
            town, region, "GB", address=f"{rnd.randint(1, 200)} High Street",
            latitude=lat + rnd.uniform(-0.02, 0.02), longitude=lon + rnd.uniform(-0.02, 0.02),
        )  # fmt: skip
        description = " ".join(rnd.choice(WORDS) for _ in range(rnd.randint(30, 70)))
        groups.append(Group(
            slug=slug, name=name, description=description,
            topics=tuple(sorted({t.slug for t in rnd.sample(TOPICS, rnd.randint(1, 3))})),
            organisation=None, format=form, region=region if location else "Online",
            location=location, online=Online("Zoom", "https://meet.example.org/x") if form != "in-person" else None,
            schedule=tuple(_meeting(rnd) for _ in range(1 if rnd.random() < 0.9 else 2)),
            by_arrangement=None, contact=None,
            languages=("en",) if rnd.random() < 0.9 else ("en", rnd.choice(LANGUAGES)),
            accessibility=tuple(rnd.sample(FEATURES, rnd.randint(0, 3))), cost=None,
            last_verified=date(2026, 6, 1), status="published", example=False, source=Source("g", Located({})),
        ))  # fmt: skip
    return groups


@functools.cache
def _national(count: int = 20_000) -> dict[str, bytes]:
    """The finder's files for a national directory, made once for the tests that weigh them."""
    groups = synthetic_groups(count)
    return {f.path: f.content for f in directory_files(by_region(groups), TOPICS, SETTINGS)}


def test_first_results_need_under_300_kb_at_20000_groups():
    files = _national()

    index = json.loads(files[INDEX])
    first = len(files[INDEX]) + len(files[f"{DIRECTORY}0.json"])
    assert sum(index["chunks"]) == 20_000
    assert index["chunks"][:-1] == [CHUNK_SIZE] * (len(index["chunks"]) - 1)
    assert len(index["towns"]) > 1_000
    assert first <= 300_000, f"index and first chunk: {first:,} bytes"


def test_a_group_costs_under_120_bytes_and_its_words_under_200_at_20000_groups():
    files = _national()

    chunks = sum(len(b) for p, b in files.items() if re.fullmatch(rf"{DIRECTORY}\d+\.json", p))
    words = sum(len(b) for p, b in files.items() if p.endswith("-words.json"))
    assert chunks / 20_000 <= 120, f"{chunks / 20_000:.1f} bytes a group"
    assert words / 20_000 <= 200, f"{words / 20_000:.1f} bytes of words a group"


def test_skipped_days_and_months_follow_the_usual_fields(make_site):
    schedule = [
        {"freq": "WEEKLY", "byday": "TU", "opens_at": "23:00", "closes_at": "00:30",
         "except": ["2026-12-29"], "except_months": [8]},
    ]  # fmt: skip
    make_site.group("a", {"schedule": schedule})

    _, [row], _ = _data(make_site.render())

    off = (date(2026, 12, 29) - date(1970, 1, 1)).days
    assert row[8] == [[1, "23:00", "00:30", 0, 1, 0, [off], [8]]]
