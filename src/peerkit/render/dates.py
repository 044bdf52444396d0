"""Dates in words, in the site's language: "Thursday 26 November 2026"."""

from __future__ import annotations

from datetime import date

from peerkit.model.schedule import Weekday
from peerkit.translations import Words

ENGLISH = Words("en")


def human_day(value: date, words: Words = ENGLISH) -> str:
    """ "Thursday 26 November 2026", "jueves, 26 de noviembre de 2026"."""
    weekday = words(f"day.{Weekday.of(value).code}")
    return words("date.with_weekday", weekday=weekday, date=human_date(value, words))


def human_date(value: date, words: Words = ENGLISH) -> str:
    """ "14 March 2026": unambiguous in every English-speaking country."""
    return words("date.long", day=value.day, month=words(f"month.{value.month}"), year=value.year)
