"""A rule's severity is its own: an error stops `peerkit check`, `peerkit build`
and `mkdocs build` alike, whether the rule runs beside the build (the rules on
stories' text, forked under `peerkit build`) or before it.

Each family's rules are made errors here, as a site's rule set would make them,
and a file that trips one is added: every way of running Peerkit must refuse it.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

from peerkit import project
from peerkit.check.rules import ALL_RULES
from peerkit.cli import main
from peerkit.load.diagnostics import Severity
from tests.conftest import SiteBuilder


def _unknown_topic(site: SiteBuilder) -> None:
    site.story("tripping", {"topics": ["no-such-topic"]})


def _weekly_on_a_week_of_the_month(site: SiteBuilder) -> None:
    meeting = {"freq": "WEEKLY", "byday": "2TU", "opens_at": "18:30", "closes_at": "20:00"}
    site.group("tripping", {"schedule": [meeting]})


def _a_strangers_phone_number(site: SiteBuilder) -> None:
    site.story("tripping", body="My neighbour Dave Whitfield gave me his number, 07700 900123.\n")


def _suicide_without_a_warning(site: SiteBuilder) -> None:
    site.story("tripping", body="That winter I thought about suicide most nights.\n")


FAMILIES: dict[str, Callable[[SiteBuilder], None]] = {
    "records": _unknown_topic,
    "schedules": _weekly_on_a_week_of_the_month,
    "personal data": _a_strangers_phone_number,
    "safe messaging": _suicide_without_a_warning,
}


@pytest.fixture(params=list(FAMILIES))
def tripped(
    request: pytest.FixtureRequest, make_site: SiteBuilder, monkeypatch: pytest.MonkeyPatch
) -> SiteBuilder:
    """A site with one file that trips a rule of the family, whose rules are errors."""
    family = request.param
    promoted = {
        rule: dataclasses.replace(rule, severity=Severity.ERROR)
        for rule in ALL_RULES
        if rule.family == family
    }
    assert promoted, family
    monkeypatch.setattr(project, "ALL_RULES", tuple(promoted.get(r, r) for r in ALL_RULES))
    make_site.configure()
    FAMILIES[family](make_site)
    monkeypatch.chdir(make_site.root)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    return make_site


def test_peerkit_check_fails(tripped: SiteBuilder, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check"]) == 1
    assert ": error: " in capsys.readouterr().out


def test_peerkit_build_fails_and_publishes_nothing(
    tripped: SiteBuilder, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["build"]) == 1
    assert "content/" in capsys.readouterr().out
    assert not (tripped.root / "site").exists()
    assert [p.name for p in tripped.root.iterdir() if p.name.startswith(".site")] == []


def test_mkdocs_build_fails(tripped: SiteBuilder, caplog: pytest.LogCaptureFixture) -> None:
    config = load_config(str(tripped.root / "mkdocs.yml"), site_dir=str(tripped.root / "out"))
    with pytest.raises(Abort):
        build(config)
    assert "content/" in caplog.text and ": error: " in caplog.text


def test_as_shipped_personal_data_and_safe_messaging_findings_are_errors(
    make_site: SiteBuilder,
) -> None:
    """Safe by default: what the safety checks find stops every path until an editor
    records a review (tests/check/test_check_safety.py)."""
    _a_strangers_phone_number(make_site)
    _suicide_without_a_warning(make_site)
    _, diagnostics = make_site.load()
    assert {d.severity for d in diagnostics} == {Severity.ERROR}


def test_every_family_has_rules() -> None:
    assert {rule.family for rule in ALL_RULES} == set(FAMILIES)
