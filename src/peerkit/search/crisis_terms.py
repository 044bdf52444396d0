"""The words that put help first: typed into search, they bring up the crisis lines.

A person in distress may type "suicide" or "cut myself" into a site's search box,
and a list of pages is the wrong answer on its own. Each language has its list in
`translations/crisis_terms/<language>.txt`, beside the rest of the site's words, so
that a translator who knows how people speak writes it; a site adds its own words
(a local service's name, a phrase its readers use) with the plugin's
`crisis_terms` option. The search box's script matches them (search.js).
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from importlib import resources

from peerkit.translations import BASE_LANGUAGE, primary_subtag

FOLDER = "crisis_terms"


def languages_with_terms() -> tuple[str, ...]:
    folder = resources.files("peerkit.translations").joinpath(FOLDER)
    return tuple(sorted(p.name[:-4] for p in folder.iterdir() if p.name.endswith(".txt")))


@cache
def _listed(language: str) -> tuple[str, ...]:
    text = resources.files("peerkit.translations").joinpath(FOLDER, f"{language}.txt")
    lines = (line.strip() for line in text.read_text("utf-8").splitlines())
    return tuple(line for line in lines if line and not line.startswith("#"))


def crisis_terms(language: str, extra: Iterable[str] = ()) -> tuple[str, ...]:
    """The terms for a page in ``language`` and the site's own ``extra`` ones, each once.

    A language without its own list uses English's, as the rest of its words do: a
    visitor may well type English on any site, and help shown once too often costs
    little beside help not shown.
    """
    primary = primary_subtag(language)
    listed = _listed(primary if primary in languages_with_terms() else BASE_LANGUAGE)
    wanted = (*listed, *(term.strip() for term in extra))
    return tuple(dict.fromkeys(term for term in wanted if term))
