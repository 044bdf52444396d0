"""Each rule's findings in a session, kept while what the rule read is unchanged.

Under `peerkit serve` every save checks the whole site again, and each rule walks
every record of the kinds it looks at: 0.2 s of a save at 25,000 files, most of it
rules over the groups when a story was saved. A rule is a function of the parts of
the site it reads and of the day, and the loader hands back the very record objects
of the files that did not change. So a rule whose parts are the same objects as at
its last run finds what it found then. What a rule reads is noted as it runs
(`_Reading`), not declared beside it: no rule can read a part its memo does not
compare. The memo belongs to the session's `peerkit.project.Project`.
"""

from __future__ import annotations

import operator
from dataclasses import dataclass
from datetime import date
from typing import Any

from peerkit.check.rule import Rule, RuleContext
from peerkit.load.diagnostics import Diagnostic
from peerkit.model.site import Site

_Part = tuple[str, tuple[Any, ...] | None]
"""An attribute of the site (name, None), or a method's answer (name, arguments)."""


@dataclass(frozen=True)
class _Run:
    today: date
    read: dict[_Part, Any]
    found: tuple[Diagnostic, ...]


class RuleResults:
    def __init__(self) -> None:
        self._last: dict[Rule, _Run] = {}
        self.all_ran = True
        """Whether every rule of the last `check` ran, none being recalled."""

    def check(self, rules: list[Rule], site: Site, context: RuleContext) -> list[Diagnostic]:
        """Every rule's findings on ``site``: recalled, or found anew."""
        now = _Parts(site)
        self.all_ran = True
        found: list[Diagnostic] = []
        for rule in rules:
            last = self._last.get(rule)
            if last is None or last.today != context.today or not now.same(last.read):
                reading = _Reading(now)
                last = _Run(context.today, reading.read, tuple(rule(reading, context)))  # type: ignore[arg-type]
                self._last[rule] = last
            else:
                self.all_ran = False
            found.extend(last.found)
        return found


class _Parts:
    """The site's parts now, each worked out once for all the rules of a check: the
    rules that read a part read the very same object, and it is compared with what
    they read last time once."""

    def __init__(self, site: Site) -> None:
        self._site = site
        self._now: dict[_Part, Any] = {}
        self._compared: dict[tuple[_Part, int], bool] = {}

    def is_method(self, name: str) -> bool:
        """Whether the site's ``name`` is a method (`Site.records`), not a field."""
        return callable(getattr(type(self._site), name, None))

    def value(self, part: _Part) -> Any:
        if part not in self._now:
            name, arguments = part
            value = getattr(self._site, name)
            self._now[part] = value if arguments is None else value(*arguments)
        return self._now[part]

    def same(self, read: dict[_Part, Any]) -> bool:
        for part, before in read.items():
            key = (part, id(before))  # ``before`` is alive in a rule's last run
            if key not in self._compared:
                self._compared[key] = _same(before, self.value(part))
            if not self._compared[key]:
                return False
        return True


class _Reading:
    """The site as a rule sees it, noting each part the rule reads."""

    def __init__(self, parts: _Parts) -> None:
        self._parts = parts
        self.read: dict[_Part, Any] = {}

    def __getattr__(self, name: str) -> Any:
        if self._parts.is_method(name):
            return lambda *arguments: self._note((name, arguments))
        return self._note((name, None))

    def _note(self, part: _Part) -> Any:
        value = self._parts.value(part)
        self.read[part] = value
        return value


def _same(before: Any, now: Any) -> bool:
    """The very same records (a tuple of them, item by item), or an equal value."""
    if before is now:
        return True
    if type(before) is tuple and type(now) is tuple:
        return len(before) == len(now) and all(map(operator.is_, before, now))
    return bool(before == now)
