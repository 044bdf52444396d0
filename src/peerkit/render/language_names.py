"""A language's name from its code, in the words of the page: "pl" -> "Polish", "polaco".

Listings give the languages spoken at a meeting as codes (en, cy, pl, bfi for
British Sign Language); a visitor reads names. ISO 639 names and their
translations come from pycountry, which ships both.
"""

from __future__ import annotations

import gettext
from collections.abc import Callable

import pycountry


def language_namer(page_language: str) -> Callable[[str], str]:
    """A function from a language code (a BCP 47 tag: its first part is used) to its
    name in ``page_language``, or the code itself if ISO 639 does not know it."""
    try:
        words = gettext.translation("iso639-3", pycountry.LOCALES_DIR, languages=[page_language])
        translate = words.gettext
    except OSError:

        def translate(name: str) -> str:
            return name

    def name(code: str) -> str:
        primary = code.split("-")[0].lower()
        found = (
            pycountry.languages.get(alpha_2=primary)
            if len(primary) == 2
            else pycountry.languages.get(alpha_3=primary)
        )
        if found is None:
            return code
        text = translate(found.name)
        return text[:1].upper() + text[1:]

    return name
