"""The ways `peerkit check` reports diagnostics: for people, for GitHub Actions, for tools.

People read ``path:line:col: severity: message`` and a summary line. Under
GitHub Actions the same problems are also printed as workflow commands, so that
each shows on the pull request's diff at its line. The plain lines stay as well:
GitHub shows only the first 10 errors and 10 warnings of a step as annotations
(50 a job), and the log must still hold every problem. JSON is for other tools
(editor plugins, bots): every diagnostic and a summary, nothing else on stdout.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from peerkit.encode.terminal import printable
from peerkit.load.diagnostics import Diagnostic, Severity

ANNOTATIONS_SHOWN = 10
"""Annotations of one severity that GitHub shows for a step."""
ANNOTATION_TITLE = "peerkit check"


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'s' * (count != 1)}"


def _counts(diagnostics: Sequence[Diagnostic]) -> tuple[int, int, int]:
    errors = sum(d.severity is Severity.ERROR for d in diagnostics)
    return errors, len(diagnostics) - errors, len({d.path for d in diagnostics})


def text_report(diagnostics: Sequence[Diagnostic]) -> list[str]:
    """One line a problem, then a summary line."""
    if not diagnostics:
        return ["All content is fine."]
    errors, warnings, files = _counts(diagnostics)
    return [
        *(d.format() for d in diagnostics),
        f"Found {_plural(errors, 'error')} and {_plural(warnings, 'warning')}"
        f" in {_plural(files, 'file')}.",
    ]


def escape_data(text: str) -> str:
    """A workflow command's message, escaped as GitHub's actions/toolkit does."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A workflow command's property value: also ':' and ',', which end a property."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def github_annotations(diagnostics: Sequence[Diagnostic], path_prefix: str = "") -> list[str]:
    """``::error file=…,line=…,col=…,title=…::message`` lines, one a diagnostic.

    ``path_prefix`` is the site's folder inside the repository ("" when
    mkdocs.yml is at the top): GitHub places annotations by repository path.
    """
    lines = []
    for d in diagnostics:
        properties = {
            "file": path_prefix + d.path,
            "line": str(d.line),
            "col": str(d.col),
            "title": ANNOTATION_TITLE,
        }
        joined = ",".join(
            f"{key}={escape_property(printable(value))}" for key, value in properties.items()
        )
        lines.append(f"::{d.severity.value} {joined}::{escape_data(printable(d.message))}")
    errors, warnings, _ = _counts(diagnostics)
    if errors > ANNOTATIONS_SHOWN or warnings > ANNOTATIONS_SHOWN:
        lines.append(
            f"::notice title={escape_property(ANNOTATION_TITLE)}::"
            + escape_data(
                f"GitHub shows the first {ANNOTATIONS_SHOWN} errors and {ANNOTATIONS_SHOWN}"
                f" warnings on the pull request; the log of this step lists all"
                f" {_plural(len(diagnostics), 'problem')}."
            )
        )
    return lines


def json_report(diagnostics: Sequence[Diagnostic]) -> str:
    """Every diagnostic with its place, and a summary, as one JSON document."""
    errors, warnings, files = _counts(diagnostics)
    document = {
        "diagnostics": [
            {
                "path": d.path,
                "line": d.line,
                "col": d.col,
                "severity": d.severity.value,
                "message": d.message,
            }
            for d in diagnostics
        ],
        "summary": {"errors": errors, "warnings": warnings, "files": files},
    }
    # ASCII only: a control or separator character in a message stays a \u escape,
    # so printing the report to a terminal or a CI log cannot act on it.
    return json.dumps(document, ensure_ascii=True, indent=2)
