"""A group's contact name is whom to ask for: an email address or a phone number
written there is named, at its line, with where it belongs."""

from __future__ import annotations

import pytest

from peerkit.load.diagnostics import Severity
from tests.conftest import SiteBuilder


def _messages(make_site: SiteBuilder, name: str) -> list[str]:
    make_site.group("a-group", {"contact": {"name": name}})
    _, diagnostics = make_site.load()
    return [d.format() for d in diagnostics if "contact name" in d.message]


@pytest.mark.parametrize(
    ("name", "where"),
    [
        ("07700 900123", "contact: phone:"),
        ("+44 (0)20 7946 0958", "contact: phone:"),
        ("0113-496-0000", "contact: phone:"),
        ("hello@group.example.org", "contact: email:"),
        (" jo.bloggs@example.com ", "contact: email:"),
    ],
)
def test_a_number_or_an_address_in_the_name_is_named(
    make_site: SiteBuilder, name: str, where: str
) -> None:
    messages = _messages(make_site, name)
    assert len(messages) == 1, messages
    assert messages[0].startswith("content/groups/a-group.yml:")
    assert where in messages[0]


@pytest.mark.parametrize(
    "name", ["Sam", "The group's host", "Room 101 reception", "Ask for Priya (weekdays 9 to 5)"]
)
def test_a_name_or_a_role_is_not(make_site: SiteBuilder, name: str) -> None:
    assert _messages(make_site, name) == []


def test_it_is_a_warning_at_the_names_line(make_site: SiteBuilder) -> None:
    make_site.group("a-group", {"contact": {"name": "07700 900123"}})
    _, diagnostics = make_site.load()
    found = [d for d in diagnostics if "contact name" in d.message]
    assert [d.severity for d in found] == [Severity.WARNING]
    text = (make_site.content / "groups" / "a-group.yml").read_text("utf-8").splitlines()
    assert "07700 900123" in text[found[0].line - 1]
