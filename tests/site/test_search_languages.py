"""The crisis card in search speaks each language of a site built in several."""

from __future__ import annotations

import re

import yaml

from tests.conftest import BuiltSite


def _page(site: BuiltSite, url: str) -> str:
    return (site.output / url / "index.html").read_text("utf-8")


def _terms(page: str) -> list[str]:
    [terms] = re.findall(r"data-pk-terms='([^']*)'", page)
    return yaml.safe_load(terms)


def test_each_languages_pages_carry_its_crisis_terms_and_words(
    two_language_site: BuiltSite,
) -> None:
    for url in ("", "stories/", "groups/yorkshire/a-group/"):
        english, spanish = _page(two_language_site, url), _page(two_language_site, "es/" + url)
        assert "suicide" in _terms(english) and "autolesión" not in _terms(english)
        assert "autolesión" in _terms(spanish) and "suicide" not in _terms(spanish)
        assert "You do not have to face this alone" in english
        assert "No tienes que pasar por esto a solas" in spanish
        assert "No borra el historial del navegador." in spanish
