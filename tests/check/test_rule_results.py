"""A session's rules run again only when a part of the site they read is not the very
object it was (`RuleResults`); what they find is always what a fresh run finds."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from peerkit.check.rule import Finding, Rule, RuleContext, rule
from peerkit.check.rule_results import RuleResults
from peerkit.load.diagnostics import Severity
from peerkit.model.site import Site
from tests import records
from tests.conftest import TODAY


def _odd(kind: str, runs: list[str]) -> Rule:
    """A rule that notes each run and finds the records of ``kind`` named odd-..."""

    @rule("records", Severity.WARNING)
    def odd(site: Site, context: RuleContext) -> Iterator[Finding]:
        runs.append(kind)
        every = site.records() if kind == "records" else getattr(site, kind)
        for record in every:
            if record.slug.startswith("odd"):
                yield Finding(record.source.path, 1, 1, f"odd {record.slug}")

    return odd


def _site() -> Site:
    return records.site(
        stories=[records.story("odd-story"), records.story("plain")],
        groups=[records.group("odd-group"), records.group("circle")],
    )


def test_only_the_rules_that_read_a_changed_part_run_again() -> None:
    runs: list[str] = []
    rules = [_odd(kind, runs) for kind in ("groups", "stories", "records")]
    results = RuleResults()
    site = _site()
    first = results.check(rules, site, RuleContext(TODAY))

    edited = replace(site, stories=(site.stories[0], records.story("odd-new")))
    runs.clear()
    again = results.check(rules, edited, RuleContext(TODAY))

    assert runs == ["stories", "records"]
    assert again == [d for rule in rules for d in rule(edited, RuleContext(TODAY))]
    assert again != first
    assert sum("odd odd-new" in d.message for d in again) == 2
    assert sum("odd odd-group" in d.message for d in again) == 2  # one recalled


def test_an_equal_record_that_is_another_object_or_another_day_runs_the_rule_again() -> None:
    runs: list[str] = []
    rules = [_odd("groups", runs)]
    results = RuleResults()
    site = _site()
    results.check(rules, site, RuleContext(TODAY))
    results.check(rules, replace(site), RuleContext(TODAY))  # the very same groups
    assert runs == ["groups"]

    copied = replace(site, groups=tuple(replace(g) for g in site.groups))
    results.check(rules, copied, RuleContext(TODAY))
    results.check(rules, copied, RuleContext(TODAY.replace(day=TODAY.day % 28 + 1)))

    assert runs == ["groups"] * 3
    assert results.all_ran
