"""Asking for what the command-line options left out.

Each value comes from its option if given, else from a question (unless
``--yes`` said not to ask). An option that does not fit is reported; when
asking is allowed, the question is asked instead, so a typo costs one answer,
not a restart. Without asking, every problem is collected and reported at once.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

T = TypeVar("T")
ATTEMPTS = 5


class NoAnswer(Exception):
    """The input ended (or kept being wrong) before a needed answer came."""


def _keep(text: str) -> str:
    return text


@dataclass
class Asker:
    interactive: bool
    ask: Callable[[str], str]
    say: Callable[[str], None] = print
    problems: list[str] = field(default_factory=list)

    def get(
        self,
        given: Any,
        question: str,
        *,
        option: str,
        parse: Callable[[Any], T] = _keep,  # type: ignore[assignment]
        help: str = "",
        default: str | None = None,
        optional: bool = False,
    ) -> T | None:
        """The option's value if it fits, else the answer to ``question`` (if asking)."""
        if given is not None and given != []:
            try:
                return parse(given)
            except ValueError as exc:
                self.problems.append(f"{option}: {exc}")
                if not self.interactive:
                    return None
                self.say(f"{option}: {exc}")
                self.problems.pop()
        elif not self.interactive:
            if default is not None:
                return parse(default)
            if not optional:
                self.problems.append(f"{option} is needed ({question})")
            return None
        return self.question(question, parse=parse, help=help, default=default, optional=optional)

    def question(
        self,
        question: str,
        *,
        parse: Callable[[str], T] = _keep,  # type: ignore[assignment]
        help: str = "",
        default: str | None = None,
        optional: bool = False,
    ) -> T | None:
        if help:
            self.say("")
            for line in help.splitlines():
                self.say(line if line.startswith(" ") else textwrap.fill(line, width=78))
        hint = ""
        if default is not None:
            hint = f" [{default}]"
        elif optional and "Enter" not in question:
            hint = " (Enter to skip)"
        for _ in range(ATTEMPTS):
            try:
                answer = self.ask(f"{question}{hint}: ").strip()
            except EOFError:
                raise NoAnswer(question) from None
            if not answer and default is not None:
                answer = default
            if not answer:
                if optional:
                    return None
                self.say("  Please answer this one.")
                continue
            try:
                return parse(answer)
            except ValueError as exc:
                self.say(f"  {exc}")
        raise NoAnswer(question)
