"""The keyword prefilter never hides a match: a pattern skipped on a text could not
have matched it (src/peerkit/check/keywords.py)."""

from __future__ import annotations

import re
import string
import sys

import pytest

from peerkit.check import safety_messaging
from peerkit.check.keywords import KeywordSearch, folded
from peerkit.check.safety_messaging import find_mentions, find_method_details, messaging_keywords
from tests.check.test_check_safety_labelled_set import SENTENCES
from tests.check.test_check_safety_messaging import MENTIONS, METHODS

GUARDED = [
    *safety_messaging._MENTIONS.values(),
    *(method.pattern for method in safety_messaging._METHODS),
    *(method.pattern for method in safety_messaging._NEAR_A_MENTION),
]
SAMPLES = [
    *SENTENCES["flag"],
    *SENTENCES["keep"],
    *(m.values[0] for m in (*MENTIONS, *METHODS)),
]


def _written_otherwise(text: str) -> list[str]:
    """The same words as `re.IGNORECASE` and `\\s` still match them: capitals, the
    non-ASCII lookalikes of i, s and k, other white space."""
    return [
        text,
        text.upper(),
        text.replace("i", "\u0131").replace("I", "\u0130"),
        text.replace("s", "\u017f").replace("k", "\u212a"),
        text.replace(" ", "\u00a0\n\t"),
    ]


def test_every_character_that_ignorecase_takes_for_an_ascii_letter_folds_to_it() -> None:
    everything = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c < 0xE000)
    for letter in string.ascii_lowercase:
        for character in set(re.findall(letter, everything, re.IGNORECASE)):
            assert folded(character) == letter, (hex(ord(character)), letter)


def test_folding_lowers_the_case_and_makes_each_run_of_white_space_one_space() -> None:
    assert folded("  End\u00a0it\n\t\u2003ALL ") == "end it all"


@pytest.mark.parametrize("sample", SAMPLES)
def test_a_pattern_that_matches_a_sentence_finds_one_of_its_keywords_there(sample: str) -> None:
    for text in _written_otherwise(sample):
        present = messaging_keywords(text)
        for guarded in GUARDED:
            if guarded.pattern.search(text):
                assert not present.isdisjoint(guarded.keywords), (text, guarded.pattern.pattern)


def test_the_scans_find_the_same_with_and_without_the_prefilter() -> None:
    every_keyword = frozenset(k for guarded in GUARDED for k in guarded.keywords)
    text = " ".join(SAMPLES)

    mentions = find_mentions(text)
    assert mentions == find_mentions(text, every_keyword)
    assert list(find_method_details(text, mentions)) == list(
        find_method_details(text, mentions, every_keyword)
    )
    assert mentions and list(find_method_details(text, mentions))


def test_a_keyword_search_reports_only_the_keywords_in_the_text() -> None:
    search = KeywordSearch(["end it all", "rope", "kill"])

    assert search.found_in("europe and the end it all") == {"rope", "end it all"}
    assert search.any_in("skill")
    assert not search.any_in("nothing here")
