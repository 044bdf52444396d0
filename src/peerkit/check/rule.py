"""What a rule is: a function over the whole site, with its severity in its type.

A rule finds places (`Finding`); whether they are errors or warnings is the
rule's declared `severity`, not a choice each `yield` makes. Every way of
running the checks (`peerkit check`, `peerkit build`, the MkDocs plugin) reads
the same severity, so a rule made an error stops all of them alike.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import Literal

from peerkit.check.record_findings import RecordFindings
from peerkit.check.scans import SafetyScans
from peerkit.load.diagnostics import Diagnostic, Severity
from peerkit.model.site import Site

Family = Literal["records", "schedules", "personal data", "safe messaging"]


@dataclass(frozen=True)
class Finding:
    path: str
    line: int
    col: int
    message: str


@dataclass
class RuleContext:
    """What a rule may use besides the site: the day (so checks are repeatable) and
    the session's memos of scans of stories' text (`SafetyScans`) and of findings on
    each record (`RecordFindings`), owned by the `peerkit.project.Project` that runs
    the checks."""

    today: date
    scans: SafetyScans = field(default_factory=SafetyScans)
    findings: RecordFindings = field(default_factory=RecordFindings)


Find = Callable[[Site, RuleContext], Iterator[Finding]]


@dataclass(frozen=True)
class Rule:
    name: str
    family: Family
    severity: Severity
    find: Find

    def __call__(self, site: Site, context: RuleContext) -> Iterator[Diagnostic]:
        for found in self.find(site, context):
            yield Diagnostic(found.path, found.line, found.col, self.severity, found.message)


def rule(family: Family, severity: Severity) -> Callable[[Find], Rule]:
    """Declares a function as a rule of ``family`` whose findings are ``severity``."""

    def declare(find: Find) -> Rule:
        return Rule(find.__name__, family, severity, find)

    return declare
