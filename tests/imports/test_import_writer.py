"""Imported files look like hand-written ones, and read back exactly as they were meant."""

from __future__ import annotations

from datetime import date
from typing import Any

from peerkit.imports.schema_shape import ordered, plain
from peerkit.imports.yaml_writer import new_document, update_document
from peerkit.load.yaml_source import parse_yaml
from peerkit.model.schemas import schema_for
from tests.imports.conftest import FIXTURES

HAND_WRITTEN = FIXTURES / "hand-written-group.yml"


def _data(text: str) -> dict[str, Any]:
    data = parse_yaml(text).data
    data["last_verified"] = date.fromisoformat(data["last_verified"])
    return data


def test_a_new_file_is_written_exactly_as_a_person_wrote_it() -> None:
    text = HAND_WRITTEN.read_text("utf-8")

    written = new_document(ordered(_data(text)), "Imported from groups.csv on 2026-03-20")

    first, rest = written.split("\n", 1)
    assert first == "# Imported from groups.csv on 2026-03-20"
    assert rest == text


def test_keys_follow_the_schema_order_whatever_order_they_come_in() -> None:
    data = _data(HAND_WRITTEN.read_text("utf-8"))
    shuffled = dict(reversed(list(data.items())))

    written = parse_yaml(new_document(ordered(shuffled), "x")).data

    schema_order = list(schema_for("group")["properties"])
    keys = list(written)
    assert keys == sorted(keys, key=schema_order.index)
    assert list(written["location"]) == [
        "venue",
        "address",
        "town",
        "region",
        "country",
        "latitude",
        "longitude",
        "directions",
    ]


def test_words_that_yaml_would_read_as_something_else_are_quoted() -> None:
    data = ordered(
        {
            "name": "Yes",
            "description": "on",
            "topics": ["anxiety"],
            "format": "online",
            "online": {"url": "https://example.org/x", "platform": "0123"},
            "schedule": [
                {"freq": "MONTHLY", "byday": "-1FR", "opens_at": "09:00", "closes_at": "10:00"}
            ],
            "cost": "null",
            "last_verified": date(2026, 3, 1),
        }
    )

    text = new_document(data, "x")

    assert 'name: "Yes"' in text
    assert 'byday: "-1FR"' in text
    assert 'opens_at: "09:00"' in text
    assert parse_yaml(text).data == plain(data)


def test_long_text_folds_within_80_columns_and_line_breaks_are_kept() -> None:
    long = " ".join(["A sentence about the group that goes on for a while."] * 6)
    data = ordered(
        {
            "name": "Folded",
            "description": long,
            "topics": ["anxiety"],
            "format": "in-person",
            "location": {
                "address": "1 Road",
                "town": "Leeds",
                "region": "Yorkshire",
                "country": "GB",
                "directions": "Up the stairs.\nSecond door on the left.",
            },
            "by_arrangement": "Ring us.",
            "last_verified": date(2026, 3, 1),
        }
    )

    text = new_document(data, "x")

    assert "description: >-" in text
    assert max(len(line) for line in text.splitlines()) <= 80
    assert "directions: |-" in text
    assert parse_yaml(text).data == plain(data)


def test_an_update_puts_a_new_field_where_the_schema_has_it() -> None:
    text = HAND_WRITTEN.read_text("utf-8").replace("cost: Free\n", "")
    data = {"cost": "Free; tea"}

    updated, changed = update_document(text, data, frozenset(), {})

    lines = updated.splitlines()
    assert changed == ["cost"]
    assert lines.index("cost: Free; tea") == lines.index("last_verified: 2026-10-06") - 1
