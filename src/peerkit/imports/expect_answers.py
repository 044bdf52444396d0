"""Reading a group's "what to expect" answers (model/expect.py) from what imports find.

HSDS exports from Peerkit carry them exactly as attributes of the "What to expect"
taxonomy (render/exports/hsds_expect.py); other publishers say the same facts in
words, a yes/no column or a cost option. Each reader here turns one such thing
into answers, a dict shaped like the schema's ``expect:``; a value the schema
refuses is left out by the mapping's pruning, with a warning, like any other.
"""

from __future__ import annotations

import re
from typing import Any

from peerkit.model.expect import SIGN_LANGUAGE_BY_CODE, SIGN_LANGUAGES
from peerkit.render.exports.hsds_expect import (
    ACCESSIBILITY_WORDS,
    COST_OPTIONS,
    TERM_PREFIX,
)

Answers = dict[str, Any]
_BOOLEANS = frozenset({"step_free", "hearing_loop", "captions"})
_YES = frozenset({"yes", "y", "true", "1", "x", "✓", "✔"})
_NO = frozenset({"no", "n", "false", "0", "none", "-"})
_ACCESSIBILITY = {words.casefold(): answer for answer, words in ACCESSIBILITY_WORDS.items()}
_COSTS = {word.casefold(): kind for kind, word in COST_OPTIONS.items()}


def expect_term(attribute: dict[str, Any]) -> str | None:
    """The answer an HSDS attribute gives (``step_free``), or None for other attributes."""
    term = attribute.get("taxonomy_term")
    code = term.get("code") if isinstance(term, dict) else None
    if isinstance(code, str) and code.startswith(TERM_PREFIX):
        return code[len(TERM_PREFIX) :]
    return None


def add_attribute(answers: Answers, answer: str, value: Any) -> None:
    """One "What to expect" attribute's value, as the export wrote it."""
    text = str(value).strip() if value is not None else ""
    if not text:
        return
    if answer in _BOOLEANS:
        flag = yes_or_no(text)
        if flag is not None:
            answers.setdefault(answer, flag)
    elif answer == "sign_language":
        answers.setdefault(answer, [])
        if text not in answers[answer]:
            answers[answer].append(text)
    else:
        answers.setdefault(answer, text)


def yes_or_no(text: str) -> bool | None:
    """A spreadsheet's or an export's yes or no; None for anything else (not said)."""
    word = text.strip().casefold()
    return True if word in _YES else False if word in _NO else None


def accessibility_answer(text: str) -> tuple[str, bool] | None:
    """("hearing_loop", True) for the fixed words "Hearing loop: yes", else None."""
    words, _, value = text.rpartition(":")
    answer = _ACCESSIBILITY.get(words.strip().casefold())
    flag = yes_or_no(value) if answer else None
    return (answer, flag) if answer and flag is not None else None


def cost_kind(option: str | None) -> str | None:
    """free, donation or fee for a cost option named exactly so."""
    return _COSTS.get(option.strip().casefold()) if option else None


_FREE = re.compile(r"^\s*free\b", re.I)
_DONATION = re.compile(r"donation|pay what you (can|like)|give what you can|voluntary", re.I)
_AMOUNT = re.compile(r"[£$€]\s*\d|\d+(\.\d+)?\s*(gbp|eur|usd|p\b)", re.I)


def cost_in_words(text: str | None) -> str | None:
    """What a cost written in words says: "Free; tea and cake" is free, "£2, if you can"
    a donation only when it says so; an amount alone is a fee."""
    if not text:
        return None
    if _FREE.match(text):
        return "free"
    if _DONATION.search(text):
        return "donation"
    return "fee" if _AMOUNT.search(text) else None


def sign_language_of(code_or_name: str) -> str | None:
    """BSL for "bfi", "BSL" or "British Sign Language"; None for a spoken language."""
    word = code_or_name.strip()
    if word in SIGN_LANGUAGES:
        return word
    if word.casefold() in SIGN_LANGUAGE_BY_CODE:
        return SIGN_LANGUAGE_BY_CODE[word.casefold()].short
    for sign in SIGN_LANGUAGES.values():
        if word.casefold() in (sign.name.casefold(), sign.short.casefold()):
            return sign.short
    return None


def merge(mine: Answers, theirs: Answers) -> None:
    """Another entry's answers for the same group: the first entry's answer wins."""
    for key, value in theirs.items():
        if key == "sign_language":
            kept = mine.setdefault(key, [])
            kept.extend(v for v in value if v not in kept)
        else:
            mine.setdefault(key, value)
