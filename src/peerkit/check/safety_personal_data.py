"""Finding personal data in a story's text: e-mail, phone, street address, postcode, full name.

A story is published for anyone to read, for years. A phone number, an address or
the full name of a sister or a neighbour in it can identify people who never agreed
to be in it, and the writer too. These scanners point an editor at what looks like
such data; they are heuristics, tuned to miss little in the usual UK, Irish and US
formats while staying quiet on years, dates, times, amounts and counts.

Each scanner takes the whole body (so that a name or number wrapped across two
lines is still seen) and yields ``(offset, message)`` pairs; the caller turns the
offset into the file's line and column. Every pattern is compiled once, starts only
at a word boundary and has bounded repetition, so a scan is linear in the text.
What is found is quoted partly masked, so that the warning does not copy the data
into build logs.

Most stories hold no digit, no "@" and no known first name, and a scanner that
cannot find anything in a text does not run over it: at thousands of stories
these patterns were seconds of every build (issue 18).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from importlib import resources

from peerkit.check.keywords import KeywordSearch

Finding = tuple[int, str]

# Phone numbers, tel: links with a number, street addresses and postcodes all have one.
_DIGIT = re.compile(r"\d")

_EMAIL = re.compile(
    r"(?<![\w.+%-])(?P<local>[\w.+%-]{1,64})@(?P<domain>[\w-]{1,63}(?:\.[\w-]{1,63}){1,8})"
)
_TLD = re.compile(r"[^\W\d_]{2,}")

# Three shapes, each validated by digit count afterwards: international (+44 ...),
# national numbers with a trunk 0 (UK 020 7946 0958, 07700 900123; Ireland
# 087 123 4567, (01) 234 5678) and North American ones (202-555-0143, (202) 555-0143,
# 1-800-273-8255; an area code never starts with 0 or 1).
# Slashes, colons and commas never join groups, so dates, times and amounts
# (14/03/2024, 18:30, 1,000,000) are not candidates.
_PHONE = re.compile(
    r"""
    (?<![\w+£$€¥.,/-])
    (?:
        (?P<intl> \+\d{1,3} (?:[ .-]?\(0\))? (?:[ .-]?\(\d{1,5}\))? (?:[ .-]?\d{1,5}){1,5} )
      | (?P<national> (?:\(0\d{1,4}\)|0\d{1,4}) (?:[ .-]?\d{2,5}){1,3} )
      | (?P<nanp> (?:1[ .-])? (?:\([2-9]\d{2}\)[ ]?|[2-9]\d{2}[ .-]) \d{3}[ .-]\d{4} )
    )
    (?![\w/]|[.,:-]\d)
    """,
    re.VERBOSE,
)
_TEL_LINK = re.compile(r"\btel:(?P<number>\+?[\d().-](?:[\d ().-]{0,30}\d)?)", re.IGNORECASE)
_CURRENCY_BEFORE = re.compile(r"[£$€¥]\s?$")

_UK_POSTCODE = r"(?:[A-Z]{1,2}\d[A-Z\d]?|GIR) ?\d[A-Z]{2}"
_POSTCODE = re.compile(rf"(?<![\w-]){_UK_POSTCODE}(?![\w-])")
_STREET_KINDS = (
    "Road|Rd|Street|St|Avenue|Ave|Lane|Ln|Close|Drive|Dr|Way|Crescent|Cres|Place|Pl"
    "|Terrace|Tce|Court|Ct|Gardens|Gdns|Grove|Square|Sq|Hill|Row|Mews|Parade|Walk"
    "|Boulevard|Blvd|Highway|Hwy|Parkway|Pkwy|Circle|Cir|Rise"
)
# A house number, one to four capitalised words (or an ordinal such as 5th) and a
# street word: "12 Acacia Avenue", "221B Baker Street", "1600 N Main St".
_ADDRESS = re.compile(
    rf"""
    (?<![\w£$€¥.,/:-])
    (?P<number> \d{{1,5}}[A-Za-z]? (?:-\d{{1,5}}[A-Za-z]?)? ) ,?[ \t]+
    (?P<name> (?: (?:[A-ZÀ-ÖØ-Þ][\w'\u2019.-]*|\d{{1,3}}(?:st|nd|rd|th)) [ \t]+ ){{1,4}} )
    (?P<kind> {_STREET_KINDS} ) \b\.?
    """,
    re.VERBOSE,
)
# What may follow an address: town, state or county words, then a UK postcode or a
# US ZIP (ZIP+4), as in "12 Acacia Avenue, Leeds LS1 4AP" or "..., Springfield, IL 62704-1234".
_ADDRESS_TAIL = re.compile(
    rf"(?:,?[ \t]+(?:NW|NE|SW|SE|N|S|E|W)\b)?(?:,?[ \t]+[A-Z][\w'\u2019.-]*){{0,4}},?[ \t]+"
    rf"(?P<code>{_UK_POSTCODE}|\d{{5}}(?:-\d{{4}})?)(?![\w-])"
)

_WORD = re.compile(r"[^\W\d_]+(?:['\u2019-][^\W\d_]+)*")
_NEXT_NAME = re.compile(
    r"[ \t]*\n?[ \t]*(?:(?P<initial>[A-Z])\.[ \t]+)?(?P<word>[^\W\d_]+(?:['\u2019-][^\W\d_]+)*)"
)
# A first name after these words is part of a place: "St Patrick Street", "Lake Victoria".
# fmt: off
_NOT_BEFORE_NAME = frozenset({
    "St", "Saint", "Lake", "Mount", "Port", "Fort", "Cape", "San", "Santa", "Lady", "Queen",
    "King", "Prince", "Princess",
})
# fmt: on
# Given names that are also everyday words: at the start of a sentence the capital
# says nothing, so "Grace Church ..." or "Mark Twain said ..." there is not taken for
# a name (a missed name at a sentence start is the price).
_WORD_NAMES = frozenset(
    {"Amber", "Bill", "Carol", "Dawn", "Frank", "Grace", "Jack", "Mark", "Robin", "Rose"}
)


def find_personal_data(
    text: str, author: str | None, public_numbers: Iterable[str]
) -> Iterator[Finding]:
    """Everything in ``text`` that looks like someone's contact details or full name."""
    yield from find_emails(text)
    if _DIGIT.search(text):
        yield from find_phone_numbers(text, public_numbers)
        yield from find_addresses(text)
    yield from find_full_names(text, author)


def find_emails(text: str) -> Iterator[Finding]:
    if "@" not in text:
        return
    for match in _EMAIL.finditer(text):
        local, domain = match["local"], match["domain"]
        labels = domain.split(".")
        if not _TLD.fullmatch(labels[-1]) or local.strip(".") != local:
            continue
        masked = f"{_mask(local)}@{_mask('.'.join(labels[:-1]))}.{labels[-1]}"
        yield (
            match.start(),
            f"e-mail address {masked!r} in the story: remove it, or ask the writer whether"
            " it may be published (readers can reach the site's editors instead)",
        )


def find_phone_numbers(text: str, public_numbers: Iterable[str]) -> Iterator[Finding]:
    """Phone numbers, with ``tel:`` links; numbers in ``public_numbers`` (crisis lines) are allowed."""
    public = _public_digits(public_numbers)
    linked: list[tuple[int, int]] = []
    for match in _TEL_LINK.finditer(text):
        linked.append(match.span("number"))
        digits = re.sub(r"\D", "", match["number"])
        if len(digits) >= 3 and not _is_public(digits, public):
            yield match.start(), _phone_message(match["number"], "tel: link")
    for match in _PHONE.finditer(text):
        number = match.group()
        digits = re.sub(r"\D", "", number.replace("(0)", ""))
        if any(start <= match.start() < end for start, end in linked):
            continue
        if not _looks_like_phone(match, digits) or _is_public(digits, public):
            continue
        if _CURRENCY_BEFORE.search(text, max(0, match.start() - 2), match.start()):
            continue
        yield match.start(), _phone_message(number, "phone number")


def _looks_like_phone(match: re.Match[str], digits: str) -> bool:
    if match["intl"]:
        return 8 <= len(digits) <= 15
    if match["nanp"]:
        return True
    return 9 <= len(digits) <= 11


def _public_digits(numbers: Iterable[str]) -> frozenset[str]:
    """The digits of public lines (crisis lines), without a trunk 0: '0800 58 58 58' -> '800585858'."""
    found: set[str] = set()
    for number in numbers:
        for run in re.findall(r"\d[\d ().-]*\d|\d", number):
            digits = re.sub(r"\D", "", run).lstrip("0")
            if len(digits) >= 3:
                found.add(digits)
    return frozenset(found)


def _is_public(digits: str, public: frozenset[str]) -> bool:
    bare = digits.lstrip("0")
    return any(bare == p or (len(p) >= 6 and bare.endswith(p)) for p in public)


def _phone_message(number: str, what: str) -> str:
    return (
        f"{what} {_mask_digits(number)!r} in the story: remove it, unless it is a public"
        " service's number that the writer wants to share"
    )


def find_addresses(text: str) -> Iterator[Finding]:
    """Street addresses (with any postcode or ZIP after them), and UK postcodes on their own."""
    postcodes_in_addresses: set[int] = set()
    for match in _ADDRESS.finditer(text):
        tail = _ADDRESS_TAIL.match(text, match.end(), match.end() + 80)
        name = " ".join(_mask(word) for word in match["name"].split())
        masked = f"{_mask_digits(match['number'])} {name} {match['kind']}"
        extra = ""
        if tail:
            postcodes_in_addresses.add(tail.start("code"))
            extra = f" and postcode {_mask(tail['code'])!r}"
        yield (
            match.start(),
            f"street address {masked!r}{extra} in the story: leave out house numbers and street"
            " names, which can identify the writer or others (a town or 'our road' is enough)",
        )
    for match in _POSTCODE.finditer(text):
        if match.start() not in postcodes_in_addresses:
            yield (
                match.start(),
                f"postcode {_mask(match.group())!r} in the story: leave it out; a full postcode"
                " points at a handful of homes",
            )


def find_full_names(text: str, author: str | None) -> Iterator[Finding]:
    """A known first name followed by a surname-like word: 'Sarah Jones', 'Tom O'Neill'.

    A heuristic, with false positives (a public figure, a name of a building the
    lists do not know) and false negatives (first names not in the list, names
    written in lower case). The story's own author is never reported.
    """
    if not _ANY_FIRST_NAME.any_in(text):
        return
    first_names, not_surnames = _FIRST_NAMES, _NOT_SURNAMES
    author_words = set(_WORD.findall(author or ""))
    for match in _WORD.finditer(text):
        first = match.group()
        if first not in first_names or first in author_words:
            continue
        following = _NEXT_NAME.match(text, match.end(), match.end() + 80)
        if following is None:
            continue
        surname = _strip_possessive(following["word"])
        if not _surname_like(surname) or surname in not_surnames or surname in author_words:
            continue
        if "\n\n" in text[match.end() : following.start("word")]:
            continue
        if _previous_word(text, match.start()) in _NOT_BEFORE_NAME:
            continue
        if first in _WORD_NAMES and _at_sentence_start(text, match.start()):
            continue
        after = _NEXT_NAME.match(text, following.end(), following.end() + 80)
        if after and after["word"] in not_surnames:
            continue
        initial = f" {following['initial']}." if following["initial"] else ""
        yield (
            match.start(),
            f"{first}{initial} {_mask(surname)!r} looks like a person's full name: unless they"
            " agreed to be named, use a first name only or a changed name (a heuristic:"
            " ignore it for a public figure or a place)",
        )


def _surname_like(word: str) -> bool:
    """Capitalised, at least two letters, not all capitals (so not 'NHS' or 'GP')."""
    return len(word) >= 2 and word[0].isupper() and any(c.islower() for c in word)


def _strip_possessive(word: str) -> str:
    for suffix in ("'s", "\u2019s"):
        if word.endswith(suffix):
            return word[: -len(suffix)]
    return word.rstrip("'\u2019")


def _previous_word(text: str, offset: int) -> str:
    before = text[max(0, offset - 20) : offset].rstrip(" \t")
    words = _WORD.findall(before)
    return words[-1] if words and before.endswith(words[-1]) else ""


def _at_sentence_start(text: str, offset: int) -> bool:
    before = text[max(0, offset - 20) : offset].rstrip(" \t\"'\u201c\u2018*_>#([-")
    return not before or before[-1] in ".!?:\n" or before[-1].isdigit()


def _mask(value: str) -> str:
    """Keep the first character of each word and its punctuation: 'Acacia' -> 'A*****'."""
    return re.sub(r"[^\W_]+", lambda m: m.group()[0] + "*" * (len(m.group()) - 1), value)


def _mask_digits(value: str) -> str:
    """Keep the first two and the last two digits: '07700 900123' -> '07*** ****23'."""
    positions = [i for i, c in enumerate(value) if c.isdigit()]
    hidden = set(positions[2:-2]) if len(positions) > 4 else set(positions[1:])
    return "".join("*" if i in hidden else c for i, c in enumerate(value))


def _wordlist(name: str) -> frozenset[str]:
    text = resources.files("peerkit.check").joinpath("wordlists", name).read_text("utf-8")
    return frozenset(
        line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")
    )


_FIRST_NAMES = _wordlist("first_names.txt")
_NOT_SURNAMES = _wordlist("not_surnames.txt")
# A word that is a first name contains one: a text without any has no full name.
_ANY_FIRST_NAME = KeywordSearch(_FIRST_NAMES)
