"""Every language table is complete: a missing or extra key, or a changed placeholder, fails."""

from __future__ import annotations

import string

import pytest

from peerkit.model.records import Meeting
from peerkit.model.schedule import parse_days
from peerkit.render.schedule_words import describe_meeting
from peerkit.translations import BASE_LANGUAGE, Words, _table, available_languages

OTHERS = [lang for lang in available_languages() if lang != BASE_LANGUAGE]


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_there_is_at_least_one_language_besides_english() -> None:
    assert "es" in OTHERS


@pytest.mark.parametrize("language", OTHERS)
def test_language_has_exactly_the_english_keys(language: str) -> None:
    assert set(_table(language)) == set(_table(BASE_LANGUAGE))


@pytest.mark.parametrize("language", OTHERS)
def test_language_keeps_every_placeholder(language: str) -> None:
    english, other = _table(BASE_LANGUAGE), _table(language)
    assert {k: _placeholders(v) for k, v in other.items()} == {
        k: _placeholders(v) for k, v in english.items()
    }


def test_unknown_language_falls_back_to_english() -> None:
    assert Words("zu")("theme.leave") == "Leave this site"
    assert Words("es-MX")("theme.leave") == "Salir de este sitio"


@pytest.mark.parametrize(
    ("meeting", "spanish"),
    [
        (
            Meeting("WEEKLY", parse_days("TU"), "18:30", "20:00", "Europe/Madrid"),
            "Todos los martes, de 18:30 a 20:00",
        ),
        (
            Meeting("MONTHLY", parse_days("2TH,4TH"), "19:00", "20:30", "Europe/Madrid"),
            "2.º y 4.º jueves de cada mes, de 19:00 a 20:30",
        ),
        (
            Meeting("MONTHLY", parse_days("-1FR"), "19:00", "20:30", "Europe/Madrid"),
            "Último viernes de cada mes, de 19:00 a 20:30",
        ),
    ],
)
def test_schedule_wording_in_spanish(meeting: Meeting, spanish: str) -> None:
    assert describe_meeting(meeting, Words("es")) == spanish
