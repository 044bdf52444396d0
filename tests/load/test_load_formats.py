"""email, uri and date: one rule each, stricter than the RFCs, and one verdict for a record.

Both validators use the same format functions, and a record that either of them
refuses is refused, whether or not the other can word why.
"""

from __future__ import annotations

from typing import Any

import pytest

from peerkit.load import validate as validate_module
from peerkit.load.formats import is_date, is_email, is_uri
from peerkit.load.validate import python_validator, validate
from peerkit.model.positions import Located
from tests.conftest import SiteBuilder, group_fields

EMAILS_REFUSED = [
    '"quoted"@example.org',
    '"a@b"@example.org',
    "plain?cc=x@example.org",
    "plain&to=x@example.org",
    "a=b@example.org",
    "a#b@example.org",
    "a%40b@example.org",
    "a/b@example.org",
    "a b@example.org",
    "a@example.org\n",
    "a@example.org\x00",
    "a\u200d@example.org",
    "a@exam ple.org",
    "a@example",
    "a@-example.org",
    "a@example.org.",
    ".a@example.org",
    "a.@example.org",
    "@example.org",
    "a@",
    "x" * 65 + "@example.org",
    "a@" + "b" * 64 + ".org",
]
EMAILS_KEPT = ["a@example.org", "first.last+tag@mail.example.co.uk", "o'neil@example.ie", "josé@correo.es", "a_b-c@x-y.example"]  # fmt: skip

URIS_REFUSED = [
    "https://example.org/a b",
    "https://example.org/\t",
    "https://example.org/a\rb",
    "https://example.org/\u2029",
    "https://example.org/\x0c",
    "https://example.org/<x>",
    "https://example.org/{x}",
    "https://example.org/a|b",
    "https://example.org/%g0",
    "https://user:pass@example.org/",
    "https:///path",
    "https:example.org",
    "ftp://example.org/",
    "mailto:a@example.org",
    "https://exa_mple/",
    "https://example.org:99999999/",
    "https://[::1]/",
    "HTTPS://example.org\u00a0/",
]
URIS_KEPT = ["https://example.org", "http://example.org:8080/a?b=c&d=e#f", "https://zoom.us/j/1?pwd=A%2Fb", "https://bücher.example/straße", "https://xn--bcher-kva.example/"]  # fmt: skip

DATES_REFUSED = ["0001-01-01", "9999-12-31", "1899-12-31", "3000-01-01", "2026-02-29", "2026-13-01", "2026-1-01", "20260101", "2026-01-01T00:00", "\uff12\uff10\uff12\uff16-01-01"]  # fmt: skip
DATES_KEPT = ["1900-01-01", "2999-12-31", "2024-02-29", "2026-11-25"]


@pytest.mark.parametrize("value", EMAILS_REFUSED)
def test_an_email_address_no_person_writes_is_refused(value: str) -> None:
    assert not is_email(value)


@pytest.mark.parametrize("value", EMAILS_KEPT)
def test_an_ordinary_email_address_is_kept(value: str) -> None:
    assert is_email(value)


@pytest.mark.parametrize("value", URIS_REFUSED)
def test_a_web_address_that_a_parser_would_bend_is_refused(value: str) -> None:
    assert not is_uri(value)


@pytest.mark.parametrize("value", URIS_KEPT)
def test_an_ordinary_web_address_is_kept(value: str) -> None:
    assert is_uri(value)


@pytest.mark.parametrize("value", DATES_REFUSED)
def test_a_date_outside_the_years_or_not_a_day_is_refused(value: str) -> None:
    assert not is_date(value)


@pytest.mark.parametrize("value", DATES_KEPT)
def test_a_real_day_in_range_is_kept(value: str) -> None:
    assert is_date(value)


def _group(**changes: Any) -> dict[str, Any]:
    data = group_fields()
    data.update(changes)
    return data


@pytest.mark.parametrize(
    "changes",
    [
        {"contact": {"email": '"x?bcc=a@evil.example"@example.org'}},
        {"contact": {"url": "https://example.org/\nEND:VEVENT"}},
        {"last_verified": "9999-12-31"},
        {"format": "hybrid", "online": {"platform": "Zoom", "url": "https://a.example/\x85x"}},
        {
            "schedule": [
                {
                    "freq": "WEEKLY",
                    "byday": "TU",
                    "opens_at": "18:30",
                    "closes_at": "20:00",
                    "interval": 2,
                    "dtstart": "0001-01-02",
                }
            ]
        },
    ],
)
def test_both_validators_refuse_the_same_bad_formats(changes: dict[str, Any]) -> None:
    data = _group(**changes)

    assert not validate_module._fast_validator("group").is_valid(data)
    assert list(python_validator("group").iter_errors(data)) != []
    assert validate("group", Located(data), "content/groups/x.yml") != []


class _SeesNothing:
    """A Python validator that finds no problem: the fast one's refusal must still stand."""

    def iter_errors(self, data: Any) -> list[Any]:
        return []


@pytest.mark.parametrize(
    "changes",
    [
        {"contact": {"email": "a@example"}},
        {"last_verified": "2026-02-30"},
        {"topics": ["anxiety", "anxiety"]},
        {"name": ""},
        {"format": "by-post"},
    ],
)
def test_a_record_the_fast_validator_refuses_is_refused_even_if_the_other_finds_nothing(
    changes: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(validate_module, "python_validator", lambda kind: _SeesNothing())

    problems = validate("group", Located(_group(**changes)), "content/groups/x.yml")

    assert problems != []
    assert all(p.path == "content/groups/x.yml" and p.line >= 1 for p in problems)


def test_the_contributor_is_told_what_the_format_asks_for(make_site: SiteBuilder) -> None:
    path = make_site.group(fields={"contact": {"email": "help@localhost"}})

    [problem] = make_site.errors(path)

    assert "'help@localhost' is not valid" in problem.message
    assert "name@example.org" in problem.message
