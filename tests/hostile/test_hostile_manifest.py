"""The manifest, the case files, the docs table and the security policy agree."""

from __future__ import annotations

import re

import markdown

from tests.hostile.hostile_manifest import (
    AREAS,
    CASES_DIR,
    DOCS_PAGE,
    KINDS,
    REPO,
    docs_table,
    load_cases,
    table_in_docs,
)
from tests.hostile.hostile_site import GENERATORS
from tests.render.render_html import parse_html

CASES = load_cases()
# Files in cases/ that are not cases: they keep git and ruff off the cases' bytes.
NOT_CASES = {".gitattributes", "ruff.toml"}
# What the docs page may render to: prose, headings and the tables.
DOCS_TAGS = {
    "#document", "h1", "h2", "h3", "p", "ul", "li", "strong", "em", "code", "a",
    "table", "thead", "tbody", "tr", "th", "td",
}  # fmt: skip


def test_there_are_at_least_sixty_cases_in_every_area():
    assert len(CASES) >= 60
    assert {case.area for case in CASES} == set(AREAS)


def test_case_ids_are_unique_lower_case_words():
    ids = [case.id for case in CASES]
    assert len(ids) == len(set(ids))
    assert all(re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", case_id) for case_id in ids)


def test_each_case_says_what_it_expects_and_how_to_tell():
    for case in CASES:
        assert case.kind in KINDS, case.id
        assert case.expect in ("refused", "harmless"), case.id
        if case.expect == "refused":
            assert case.error and case.line and not case.shows and case.page is None, case.id
        else:
            assert case.shows and case.page is not None and case.error is None, case.id
        if case.generate:
            assert case.generate in GENERATORS, case.id
        else:
            assert case.source.is_file(), case.id
        for text in (case.tries, case.does, case.error or ""):
            assert "|" not in text and text.count("`") % 2 == 0, case.id


def test_every_file_in_the_cases_folder_is_a_case():
    files = {
        path.relative_to(CASES_DIR).as_posix()
        for path in CASES_DIR.rglob("*")
        if path.is_file() and path.name not in NOT_CASES
    }

    assert files == {case.file for case in CASES if not case.generate}


def test_the_docs_table_is_generated_from_the_manifest():
    """If this fails: .venv/bin/python -m tests.hostile.hostile_manifest rewrites the table."""
    assert table_in_docs(DOCS_PAGE.read_text("utf-8")) == docs_table(CASES)


def test_the_docs_page_shows_every_case_and_its_payloads_only_as_text():
    # "meta" reads the page's front matter (its audience), as MkDocs does.
    html = markdown.markdown(DOCS_PAGE.read_text("utf-8"), extensions=["tables", "toc", "meta"])

    tree = parse_html(html)

    assert {element.tag for element in tree.iter()} <= DOCS_TAGS
    assert all(not name.startswith("on") for e in tree.iter() for name in e.attrs)
    codes = {code.text for code in tree.find_all("code")}
    assert {case.id for case in CASES} <= codes


def test_the_security_policy_says_how_to_report_and_points_at_the_cases():
    policy = (REPO / "SECURITY.md").read_text("utf-8")

    assert "docs/security.md" in policy
    assert "security@peerkit.example" in policy
    assert "private vulnerability reporting" in policy.lower()
