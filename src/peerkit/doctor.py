"""`peerkit doctor`: what `peerkit init` wrote, compared with what this Peerkit writes now.

An upgrade of Peerkit changes its code, its theme and its guides at once, but the
files `init` copied into a site (the pinned requirements, the workflows and their
actions' commits, the pull-request checklist, the editor settings and schemas,
the issue form, the national crisis lines) stay as they were written. The doctor
names each that differs, at its line, and says how to bring it up to date;
`--update` writes this Peerkit's version of the files Peerkit owns. Files the
organisation is meant to edit (crisis lines, a guide it replaced in docs/) are
only compared, never written: the message says what to look at.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from peerkit.guides import GUIDES, guide_text
from peerkit.init_site import ISSUE_FORM, InitOptions, issue_form, site_files
from peerkit.load.diagnostics import Diagnostic, warning
from peerkit.model.settings import Settings

OWNED = (
    ".github/workflows/check.yml",
    ".github/workflows/deploy.yml",
    ".github/workflows/story-issue.yml",
    ".github/pull_request_template.md",
    ".pre-commit-config.yaml",
    ".vscode/settings.json",
    ".vscode/extensions.json",
    ".vscode/tasks.json",
)
"""Files init writes that hold nothing of the organisation's: --update may replace them."""
CRISIS = "content/crisis.yml"
REQUIREMENTS = "requirements.txt"


@dataclass(frozen=True)
class Expected:
    """What this Peerkit would write for one site: path -> text."""

    files: dict[str, str]

    @classmethod
    def for_site(cls, root: Path, settings: Settings, today: date) -> Expected:
        options = InitOptions(
            settings.site_name, settings.country, settings.timezone, settings.language
        )
        written = site_files(options, today)
        owned = {path: written[path] for path in (*OWNED, REQUIREMENTS, CRISIS)}
        owned |= {
            path: text for path, text in written.items() if path.startswith(".vscode/schemas/")
        }
        form = issue_form(root)
        if form is not None:
            owned[ISSUE_FORM] = form
        return cls(owned)

    def updatable(self) -> list[str]:
        return [path for path in self.files if path not in (CRISIS, REQUIREMENTS)]


def examine(root: Path, expected: Expected) -> list[Diagnostic]:
    """Every copied file that differs from what this Peerkit writes, with how to update it."""
    found: list[Diagnostic] = []
    for path, text in expected.files.items():
        current = _read(root / path)
        if current == text:
            continue
        if path == REQUIREMENTS and current is not None:
            found += _requirements(current, text)
        elif path == CRISIS:
            found.append(
                warning(
                    path,
                    _first_difference(current or "", text),
                    1,
                    "differs from the national crisis lines this Peerkit knows for the site's"
                    " country: check each number and link with the service, and keep your own"
                    " additions (`peerkit doctor --diff` shows both)",
                )
            )
        elif current is None:
            found.append(
                warning(
                    path, 1, 1, f"missing: this Peerkit writes it; `peerkit doctor --update {path}`"
                )
            )
        else:
            found.append(
                warning(
                    path,
                    _first_difference(current, text),
                    1,
                    "differs from what this Peerkit writes: `peerkit doctor --diff` shows how,"
                    f" `peerkit doctor --update {path}` replaces it",
                )
            )
    return found + _replaced_guides(root)


def out_of_date(found: list[Diagnostic], expected: Expected) -> bool:
    """Whether a file Peerkit owns differs: what the exit code reports. Crisis lines and
    guides replaced in docs/ are the organisation's to change, so they are named to be
    read, and do not fail the command."""
    owned = {*expected.updatable(), REQUIREMENTS}
    return any(d.path in owned for d in found)


def differences(root: Path, expected: Expected) -> list[str]:
    """Unified diffs, the site's file first, for every file `examine` names."""
    lines: list[str] = []
    pairs = [(path, text) for path, text in expected.files.items()]
    pairs += [
        (f"docs/{g.name}", guide_text(g)) for g in GUIDES if (root / "docs" / g.name).is_file()
    ]
    for path, text in pairs:
        current = _read(root / path) or ""
        if current != text:
            lines += difflib.unified_diff(
                current.splitlines(),
                text.splitlines(),
                f"{path} (this site)",
                f"{path} (this Peerkit)",
                lineterm="",
            )
    return lines


def update(root: Path, expected: Expected, paths: list[str]) -> list[str]:
    """Writes this Peerkit's version of ``paths``; the problems of those it may not write."""
    problems = [
        f"{path}: not a file Peerkit owns; it may update {', '.join(expected.updatable())}"
        for path in paths
        if path not in expected.updatable()
    ]
    if problems:
        return problems
    for path in paths:
        target = root / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(expected.files[path], encoding="utf-8", newline="\n")
    return []


def _replaced_guides(root: Path) -> list[Diagnostic]:
    found = []
    for guide in GUIDES:
        path = root / "docs" / guide.name
        if not path.is_file():
            continue
        if _read(path) == guide_text(guide):
            message = (
                "is the same as Peerkit's own guide: delete it, and the site follows Peerkit's"
                " guide through upgrades"
            )
        else:
            message = (
                "replaces Peerkit's guide of the same name: read Peerkit's version"
                " (`peerkit doctor --diff`) for changes to bring into yours"
            )
        found.append(warning(f"docs/{guide.name}", 1, 1, message))
    return found


def _requirements(current: str, expected: str) -> list[Diagnostic]:
    """The pinned lines that differ from the versions this Peerkit runs with."""
    wanted = {_package(line): line for line in _pins(expected)}
    found = []
    for number, line in enumerate(current.splitlines(), 1):
        name = _package(line) if line.strip() and not line.startswith("#") else None
        if name in wanted and _version(line) != _version(wanted[name]):
            found.append(
                warning(
                    REQUIREMENTS,
                    number,
                    1,
                    f"pins {name} {_version(line) or 'without a version'}, but this Peerkit runs"
                    f" with {_version(wanted[name])}: change the line to {wanted[name]!r}",
                )
            )
    return found


def _pins(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.strip() and not line.startswith("#")]


def _package(line: str) -> str:
    for separator in (" @ ", "==", ">=", "<", " "):
        line = line.split(separator, 1)[0]
    return line.strip().lower()


def _version(line: str) -> str:
    """The exact version a requirement line pins: after ==, or the comment of a URL pin."""
    if "==" in line:
        return line.split("==", 1)[1].split()[0]
    if " @ " in line and "#" in line:
        return line.rsplit("#", 1)[1].strip()
    return ""


def _first_difference(current: str, expected: str) -> int:
    for number, (mine, theirs) in enumerate(
        zip(current.splitlines(), expected.splitlines(), strict=False), 1
    ):
        if mine != theirs:
            return number
    return min(len(current.splitlines()), len(expected.splitlines())) + 1


def _read(path: Path) -> str | None:
    try:
        return path.read_text("utf-8")
    except (FileNotFoundError, IsADirectoryError):
        return None
