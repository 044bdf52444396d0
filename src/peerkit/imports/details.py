"""Lenient readers for places, languages and contact details, as people type them.

"UK", "Cymraeg", "0161.496.0000" and "www.example.org" are what a sheet holds;
the group format wants GB, cy, digits and spaces, and an https:// link. Each
reader returns the schema's form or `Bad` with the reason.
"""

from __future__ import annotations

import re
import unicodedata

from peerkit.imports.values import Bad, word_list

_COUNTRIES = {
    "uk": "GB", "united kingdom": "GB", "great britain": "GB", "britain": "GB",
    "england": "GB", "scotland": "GB", "wales": "GB", "cymru": "GB",
    "northern ireland": "GB", "usa": "US", "united states": "US",
    "united states of america": "US", "america": "US", "ireland": "IE",
    "republic of ireland": "IE", "eire": "IE", "canada": "CA", "australia": "AU",
    "new zealand": "NZ", "france": "FR", "germany": "DE", "spain": "ES",
    "netherlands": "NL", "belgium": "BE", "portugal": "PT", "italy": "IT",
    "poland": "PL", "south africa": "ZA", "india": "IN",
}  # fmt: skip


def parse_country(text: str) -> str | Bad:
    """ "GB", "gb", "UK", "United Kingdom", "USA" -> a two-letter code."""
    value = " ".join(word_list(text))
    if value in _COUNTRIES:
        return _COUNTRIES[value]
    if re.fullmatch(r"[a-z]{2}", value):
        return value.upper()
    return Bad(f"unknown country {text!r} (write a two-letter code such as GB, IE or US)")


_LANGUAGES = {
    "english": "en", "welsh": "cy", "cymraeg": "cy", "gaelic": "gd",
    "scottish gaelic": "gd", "irish": "ga", "polish": "pl", "polski": "pl",
    "spanish": "es", "espanol": "es", "french": "fr", "german": "de",
    "italian": "it", "portuguese": "pt", "romanian": "ro", "lithuanian": "lt",
    "russian": "ru", "ukrainian": "uk", "turkish": "tr", "greek": "el",
    "dutch": "nl", "swedish": "sv", "danish": "da", "norwegian": "no",
    "hungarian": "hu", "croatian": "hr", "slovak": "sk", "czech": "cs",
    "arabic": "ar", "farsi": "fa", "persian": "fa", "kurdish": "ku",
    "urdu": "ur", "punjabi": "pa", "hindi": "hi", "bengali": "bn",
    "gujarati": "gu", "tamil": "ta", "malayalam": "ml", "somali": "so",
    "amharic": "am", "tigrinya": "ti", "chinese": "zh", "mandarin": "zh",
    "cantonese": "yue", "japanese": "ja", "korean": "ko", "thai": "th",
    "tagalog": "tl", "vietnamese": "vi", "hebrew": "he",
    "british sign language": "bfi", "bsl": "bfi",
    "american sign language": "ase", "asl": "ase",
}  # fmt: skip
_LANGUAGE_CODE = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")


def parse_language(text: str) -> str | Bad:
    """ "English", "Cymraeg", "en", "pt-BR", "BSL" -> a language code."""
    value = unicodedata.normalize("NFKD", text.strip()).encode("ascii", "ignore").decode()
    named = _LANGUAGES.get(" ".join(word_list(value)))
    if named:
        return named
    if _LANGUAGE_CODE.match(value.lower().split("-")[0]) and len(value) <= 11:
        head, *rest = value.split("-")
        return "-".join([head.lower(), *rest])
    return Bad(f"unknown language {text!r} (write a name such as Welsh or a code such as cy)")


def parse_phone(text: str) -> str | Bad:
    """A phone number with the punctuation the schema allows (digits, spaces, + ( ) -)."""
    value = re.sub(r"\s+", " ", text.replace(".", " ").replace("/", " ")).strip()
    if re.fullmatch(r"[0-9 +()-]{3,24}", value):
        return value
    return Bad(f"phone number {text!r} is not just digits, spaces and + ( ) -")


def web_url(text: str) -> str | Bad:
    """A web page: "www.example.org" gets its https://; spaces mean it is not a link."""
    value = text.strip()
    if not re.match(r"^[a-z][a-z0-9+.-]*://", value, re.I):
        value = "https://" + value
    if re.search(r"\s", value) or not re.match(r"^https?://[^/\s]+\.[^/\s]", value, re.I):
        return Bad(f"{text!r} is not a web address")
    scheme, rest = value.split("://", 1)
    return f"{scheme.lower()}://{rest}"


def parse_number(text: object) -> float | Bad:
    """A coordinate as typed, a decimal comma allowed (53,4843)."""
    if isinstance(text, int | float) and not isinstance(text, bool):
        return float(text)
    value = str(text).strip().replace(",", ".")
    try:
        return float(value)
    except ValueError:
        return Bad(f"{text!r} is not a number")


def parse_int(text: object) -> int | Bad:
    number = parse_number(text)
    if isinstance(number, Bad) or number != int(number):
        return Bad(f"{text!r} is not a whole number")
    return int(number)


_PLATFORMS = {
    "zoom.us": "Zoom",
    "meet.jit.si": "Jitsi",
    "meet.google.com": "Google Meet",
    "teams.microsoft.com": "Microsoft Teams",
    "teams.live.com": "Microsoft Teams",
    "whereby.com": "Whereby",
    "webex.com": "Webex",
    "discord.gg": "Discord",
    "discord.com": "Discord",
    "skype.com": "Skype",
    "gotomeeting.com": "GoTo Meeting",
}


def platform_from_url(url: str) -> str:
    """The video service a join link points at, or "Video call" when it is not a known one."""
    host = url.split("://", 1)[-1].split("/", 1)[0].split(":", 1)[0].casefold()
    for known, name in _PLATFORMS.items():
        if host == known or host.endswith("." + known):
            return name
    if "jitsi" in host:
        return "Jitsi"
    return "Video call"
