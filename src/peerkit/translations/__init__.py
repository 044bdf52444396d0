"""Every word the package shows a visitor, in one table per language.

Templates and the schedule wording look words up by key, so a site in Spanish
shows "Salir de este sitio" and "2.º y 4.º jueves del mes" without a template of
its own. English is complete by definition; another language falls back to
English key by key, and a test fails when a language lacks a key.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from types import MappingProxyType
from typing import Any

import yaml

BASE_LANGUAGE = "en"


def primary_subtag(code: str) -> str:
    """The language of a code without its region or script: "es-MX", "pt_BR" -> "es", "pt"."""
    return code.replace("_", "-").split("-")[0].lower()


def available_languages() -> tuple[str, ...]:
    folder = resources.files("peerkit.translations")
    return tuple(sorted(p.name[:-4] for p in folder.iterdir() if p.name.endswith(".yml")))


@cache
def _table(language: str) -> dict[str, str]:
    text = resources.files("peerkit.translations").joinpath(f"{language}.yml").read_text("utf-8")
    return yaml.safe_load(text)


class Words:
    """The words of one language; `words("key", name=value)` fills {name} placeholders."""

    def __init__(self, language: str) -> None:
        primary = primary_subtag(language)
        self.language = primary if primary in available_languages() else BASE_LANGUAGE
        table = dict(_table(BASE_LANGUAGE))
        table.update(_table(self.language))
        self.table = MappingProxyType(table)

    def __call__(self, key: str, **values: Any) -> str:
        return self.table[key].format(**values) if values else self.table[key]

    def prefixed(self, prefix: str) -> dict[str, str]:
        """The entries under ``prefix.``, keyed by the rest of their key."""
        return {
            k[len(prefix) + 1 :]: v for k, v in self.table.items() if k.startswith(prefix + ".")
        }
