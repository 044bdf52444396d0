"""What a first-timer can expect at a group: the structured answers of ``expect:``.

Every answer is optional, and None (or an empty tuple) means "not said", never
"no": a page, the finder and every export leave an unsaid answer out, and only a
``False`` written in the file is shown as a no. The finder filters on these, and
HSDS and Meeting Guide carry them where the formats have a place for them.
"""

from __future__ import annotations

from dataclasses import dataclass
from types import MappingProxyType
from typing import Literal

Attendance = Literal["drop_in", "register_first"]
CostKind = Literal["free", "donation", "fee"]
RunBy = Literal["peers", "peers_with_professional", "professional"]


@dataclass(frozen=True)
class SignLanguage:
    """A sign language as contributors name it (BSL), its ISO 639-3 code and English name."""

    short: str
    code: str
    name: str


SIGN_LANGUAGES: MappingProxyType[str, SignLanguage] = MappingProxyType(
    {
        sign.short: sign
        for sign in (
            SignLanguage("BSL", "bfi", "British Sign Language"),
            SignLanguage("ISL", "isg", "Irish Sign Language"),
            SignLanguage("ASL", "ase", "American Sign Language"),
            SignLanguage("Auslan", "asf", "Auslan (Australian Sign Language)"),
            SignLanguage("NZSL", "nzs", "New Zealand Sign Language"),
            SignLanguage("LSF", "fsl", "French Sign Language"),
            SignLanguage("LSE", "ssp", "Spanish Sign Language"),
            SignLanguage("DGS", "gsg", "German Sign Language"),
        )
    }
)
"""The sign languages group.json's ``sign_language`` lists, in its order (a test
holds the two together); the ISO codes are what HSDS's languages carry."""

SIGN_LANGUAGE_BY_CODE: MappingProxyType[str, SignLanguage] = MappingProxyType(
    {sign.code: sign for sign in SIGN_LANGUAGES.values()}
)


@dataclass(frozen=True)
class Expect:
    """The answers a listing gives; see group.json's ``expect`` for what each means."""

    attendance: Attendance | None = None
    how_to_register: str | None = None
    register_url: str | None = None
    cost: CostKind | None = None
    run_by: RunBy | None = None
    step_free: bool | None = None
    hearing_loop: bool | None = None
    sign_language: tuple[str, ...] = ()
    captions: bool | None = None

    @property
    def drop_in(self) -> bool:
        return self.attendance == "drop_in"

    @property
    def free(self) -> bool:
        return self.cost == "free"

    @property
    def signed_or_captioned(self) -> bool:
        """Whether a deaf visitor can follow: sign language or live captions."""
        return bool(self.sign_language) or self.captions is True
