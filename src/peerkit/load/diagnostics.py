"""Problems found in content, as values.

Every stage collects `Diagnostic`s in a list instead of raising, so that a
contributor sees every problem of a run at once, each at its file and line, in
the one format the whole project speaks: ``path:line:col: severity: message``.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from peerkit.encode.terminal import printable


class Severity(str, enum.Enum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, order=True)
class Diagnostic:
    """One problem at one place; lines and columns count from 1."""

    path: str
    line: int
    col: int
    severity: Severity
    message: str

    def format(self) -> str:
        """The one printed line; a message quoting content cannot break it or drive a terminal."""
        line = f"{self.path}:{self.line}:{self.col}: {self.severity.value}: {self.message}"
        return printable(line)


def error(path: str, line: int, col: int, message: str) -> Diagnostic:
    return Diagnostic(path, line, col, Severity.ERROR, message)


def warning(path: str, line: int, col: int, message: str) -> Diagnostic:
    return Diagnostic(path, line, col, Severity.WARNING, message)


def has_errors(diagnostics: list[Diagnostic]) -> bool:
    return any(d.severity is Severity.ERROR for d in diagnostics)


class ContentError(Exception):
    """Raised once, at the edge (CLI or plugin), when content has errors."""

    def __init__(self, diagnostics: list[Diagnostic]) -> None:
        self.diagnostics = sorted(diagnostics)
        super().__init__("\n".join(d.format() for d in self.diagnostics))
