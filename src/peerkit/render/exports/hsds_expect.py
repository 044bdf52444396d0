"""A group's "what to expect" answers (model/expect.py) in HSDS 3.

Every answer goes as a service `attribute` whose term is in a taxonomy of its own
("What to expect", term codes ``expect.<answer>``), with the answer as the
attribute's value: HSDS's own way of saying a fact about a service, and exact, so
that `peerkit import` of this export gives the same answers back. Where HSDS has a
field for the same fact, it says it there too, for every other reader:

- step-free access, a hearing loop and captions as `accessibility` of the
  physical (captions: the virtual) location, in fixed words ("Hearing loop: yes");
- free, donation or fee as a `cost_option` (free is the amount 0);
- sign languages as `languages` of the service, by their ISO 639-3 code;
- drop in or register first as the `application_process`, unless the group meets
  by arrangement, whose words that field already carries.

"Not said" is left out everywhere, never written as a no.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import fields
from types import MappingProxyType
from typing import Any

from peerkit.model.expect import SIGN_LANGUAGES, Expect
from peerkit.model.records import Group

TERM_PREFIX = "expect."
"""Term codes of the "What to expect" taxonomy: ``expect.step_free`` and so on; the
import tells these attributes from topics by it."""
ANSWERS: tuple[str, ...] = tuple(f.name for f in fields(Expect))
_TERM_NAMES = MappingProxyType(
    {
        "attendance": ("Attendance", "drop_in: people can just turn up; register_first: they register before their first time."),
        "how_to_register": ("How to register", "How to register before a first time, in the group's words."),
        "register_url": ("Where to register", "The page where people register."),
        "cost": ("Cost", "free, donation (give what you can, or nothing) or fee."),
        "run_by": ("Run by", "peers, peers_with_professional or professional."),
        "step_free": ("Step-free access", "true if there are no steps between the street and the room."),
        "hearing_loop": ("Hearing loop", "true if the room has a working hearing loop."),
        "sign_language": ("Sign language", "A sign language the meetings are interpreted into or held in (BSL, ASL...)."),
        "captions": ("Live captions", "true if the video call has live captions."),
    }
)  # fmt: skip
ACCESSIBILITY_WORDS = MappingProxyType(
    {"step_free": "Step-free access", "hearing_loop": "Hearing loop", "captions": "Live captions"}
)
"""The accessibility entries' fixed words, followed by ": yes" or ": no"."""
ON_VIRTUAL = frozenset({"captions"})
COST_OPTIONS = MappingProxyType({"free": "Free", "donation": "Donation", "fee": "Fee"})


def expect_taxonomy(
    ids: Callable[..., str], site_name: str
) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """The "What to expect" taxonomy and its terms, one an answer."""
    taxonomy = {
        "id": ids("taxonomy", "expect"),
        "name": f"{site_name} what to expect",
        "description": "What a first-timer can expect at a group, as its listing says.",
    }
    terms = [
        {
            "id": ids("taxonomy_term", TERM_PREFIX + answer),
            "code": TERM_PREFIX + answer,
            "name": _TERM_NAMES[answer][0],
            "description": _TERM_NAMES[answer][1],
            "taxonomy": taxonomy["name"],
            "taxonomy_id": taxonomy["id"],
        }
        for answer in ANSWERS
    ]
    return taxonomy, terms


def _values(expect: Expect) -> Iterator[tuple[str, str]]:
    """(answer, value as text) for each answer given, a sign language each."""
    for answer in ANSWERS:
        value = getattr(expect, answer)
        if value is None or value == ():
            continue
        if isinstance(value, bool):
            yield answer, "true" if value else "false"
        elif isinstance(value, tuple):
            yield from ((answer, item) for item in value)
        else:
            yield answer, value


def expect_attributes(
    ids: Callable[..., str], group: Group, service_id: str, terms: dict[str, dict[str, Any]]
) -> list[dict[str, Any]]:
    if group.expect is None:
        return []
    return [
        {
            "id": ids("attribute", group.slug, TERM_PREFIX + answer, number),
            "link_id": service_id,
            "link_entity": "service",
            "taxonomy_term_id": terms[TERM_PREFIX + answer]["id"],
            "taxonomy_term": terms[TERM_PREFIX + answer],
            "value": value,
        }
        for number, (answer, value) in enumerate(_values(group.expect), start=1)
    ]


def accessibility_words(expect: Expect | None, virtual: bool) -> list[str]:
    """The fixed words for a location's accessibility: the venue's, or the video call's."""
    if expect is None:
        return []
    found = []
    for answer, words in ACCESSIBILITY_WORDS.items():
        value = getattr(expect, answer)
        if value is not None and (answer in ON_VIRTUAL) == virtual:
            found.append(f"{words}: {'yes' if value else 'no'}")
    return found


def cost_options(ids: Callable[..., str], group: Group, service_id: str) -> list[dict[str, Any]]:
    if group.expect is None or group.expect.cost is None:
        return []
    option: dict[str, Any] = {
        "id": ids("cost_option", group.slug),
        "service_id": service_id,
        "option": COST_OPTIONS[group.expect.cost],
    }
    if group.expect.cost == "free":
        option["amount"] = 0
    if group.cost:
        option["amount_description"] = group.cost
    return [option]


def sign_languages(ids: Callable[..., str], group: Group, service_id: str) -> list[dict[str, Any]]:
    if group.expect is None:
        return []
    return [
        {
            "id": ids("language", group.slug, SIGN_LANGUAGES[short].code),
            "service_id": service_id,
            "code": SIGN_LANGUAGES[short].code,
            "name": SIGN_LANGUAGES[short].name,
        }
        for short in group.expect.sign_language
    ]


def application_process(expect: Expect | None) -> str | None:
    """Drop in or register first, in words, with how to register."""
    if expect is None or expect.attendance is None:
        return None
    if expect.attendance == "drop_in":
        return "Drop in: no need to register."
    steps = [text for text in (expect.how_to_register, expect.register_url) if text]
    return " ".join(["Register before your first time.", *steps])
