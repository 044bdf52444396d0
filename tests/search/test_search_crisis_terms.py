"""The crisis terms: one list a language, beside its translations, that a site can extend."""

from __future__ import annotations

from peerkit.search.crisis_terms import crisis_terms, languages_with_terms
from peerkit.translations import available_languages


def test_every_language_the_site_speaks_has_its_own_list() -> None:
    assert languages_with_terms() == available_languages()
    for language in available_languages():
        assert len(crisis_terms(language)) >= 20


def test_a_list_has_no_comment_and_no_blank_line() -> None:
    for language in languages_with_terms():
        terms = crisis_terms(language)
        assert all(term.strip() == term and term and not term.startswith("#") for term in terms)


def test_a_regional_code_uses_its_languages_list() -> None:
    assert "autolesión" in crisis_terms("es-MX")
    assert "suicide" not in crisis_terms("es")


def test_a_language_without_a_list_uses_englishs() -> None:
    assert crisis_terms("cy") == crisis_terms("en")


def test_a_sites_own_terms_come_after_the_languages_each_once() -> None:
    terms = crisis_terms("en", ["Quillford Nightline", " ", "suicide", "quillford nightline "])
    assert terms[: len(crisis_terms("en"))] == crisis_terms("en")
    assert terms[len(crisis_terms("en")) :] == ("Quillford Nightline", "quillford nightline")
