"""`peerkit import`: read a file, map its groups, and write one checked YAML file a group.

Problems are collected, not printed: the CLI reports them. The whole input is
read, mapped and checked before anything is written, and an import with an
error writes nothing (imports/landing.py); with ``partial`` the groups that pass
are written and each is reported with its row. An existing file is changed
only with ``update``, and then only in the fields that differ. Nothing is
written through a link, nor outside ``inside`` (the site's content folder).
"""

from __future__ import annotations

import os
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, TypeVar

from ruamel.yaml.error import YAMLError

from peerkit.encode.terminal import printable
from peerkit.imports.detect import read_file
from peerkit.imports.drafts import Draft, Problem, Where, error, warning
from peerkit.imports.landing import Planned, land, outside_reason
from peerkit.imports.mapping import Defaults, Mapped, to_group
from peerkit.imports.schema_shape import plain
from peerkit.imports.values import ascii_slug
from peerkit.imports.yaml_writer import new_document, update_document
from peerkit.load.diagnostics import Severity
from peerkit.load.validate import validate
from peerkit.load.yaml_source import YamlProblem, parse_yaml

T = TypeVar("T")
Progress = Callable[[Iterable[Any], int, str], Iterable[Any]]
PROGRESS_ABOVE_ROWS = 300
"""A progress bar is worth its noise only on imports of more than a few hundred rows."""
Action = Literal["created", "updated", "unchanged", "skipped"]
_SLUG_LINE = re.compile(r"^slug:\s*['\"]?([a-z0-9-]+)['\"]?\s*$", re.M)
_TOWN_LINE = re.compile(r"^  town:\s*(.+?)\s*$", re.M)


@dataclass(frozen=True)
class ImportOptions:
    dest: Path
    """New files go to <dest>/<region>/<slug>.yml."""
    defaults: Defaults
    update: bool = False
    dry_run: bool = False
    existing_dirs: tuple[Path, ...] = ()
    """Other folders whose group files count as already there (the site's content/groups)."""
    root: Path | None = None
    """Paths in the report are shown relative to this folder (the site's)."""
    partial: bool = False
    """Write the groups that pass even if others have errors (each reported with its row)."""
    inside: Path | None = None
    """The folder every write must stay in, through no link (the site's content/)."""


@dataclass(frozen=True)
class Outcome:
    action: Action
    where: Where
    path: str | None = None
    changed: tuple[str, ...] = ()


@dataclass
class ImportReport:
    kind: str
    problems: list[Problem] = field(default_factory=list)
    outcomes: list[Outcome] = field(default_factory=list)
    written: bool = False
    """Whether the planned files were written (not on a dry run, nor after an error)."""
    not_written: Problem | None = None
    """Why nothing was written, when the import had files to write and wrote none."""

    def count(self, action: Action) -> int:
        return sum(o.action == action for o in self.outcomes)

    @property
    def has_errors(self) -> bool:
        return self.not_written is not None or any(
            p.severity is Severity.ERROR for p in self.problems
        )

    def sorted_problems(self) -> list[Problem]:
        return sorted(self.problems, key=lambda p: (p.where.file, p.where.number or 0))

    def summary(self) -> str:
        return ", ".join(
            f"{action} {self.count(action)}"
            for action in ("created", "updated", "unchanged", "skipped")
        )


def _no_progress(items: Iterable[T], total: int, label: str) -> Iterable[T]:
    return items


_UNREADABLE = (TypeError, ValueError, AttributeError, KeyError, IndexError, OverflowError, RecursionError)  # fmt: skip
"""What an unforeseen shape of input raises in a reader or the mapping: one row's error."""


def import_file(
    source: Path, options: ImportOptions, progress: Progress = _no_progress
) -> ImportReport:
    """Import every group of ``source``; ``progress`` wraps the long loops (a terminal bar).

    Nothing is written until every group has been mapped and checked; then all the
    files are written together, or none if any group has an error (unless
    ``options.partial``).
    """
    d = options.defaults
    try:
        read = read_file(source, d)
    except _UNREADABLE as exc:
        return ImportReport("unknown", [error(Where(source.name), _unreadable(exc))])
    report = ImportReport(read.kind, list(read.problems))
    if read.rows <= PROGRESS_ABOVE_ROWS:
        progress = _no_progress
    drafts = read.drafts
    mapped = [_map(draft, d) for draft in progress(drafts, len(drafts), "Mapping")]
    undated = sum("last_verified" in m.fallbacks for m in mapped if m.data)
    if undated:
        report.problems.append(
            warning(
                Where(source.name),
                f"{undated} group{'s' * (undated != 1)} give no date of last check:"
                f" dated {d.today.isoformat()}, the day of the import",
            )
        )
    writer = _Writer(source.name, options, report)
    planned = zip(mapped, _unique_slugs(mapped), strict=True)
    for group, slug in progress(planned, len(mapped), "Checking"):
        report.problems.extend(group.problems)
        writer.write(group, slug)
    _land(writer.planned, report, options, source.name, progress)
    return report


def _map(draft: Draft, defaults: Defaults) -> Mapped:
    """The group of one draft; a shape no reader foresaw is that row's error, not a crash."""
    try:
        return to_group(draft, defaults)
    except _UNREADABLE as exc:
        problem = error(draft.where, _unreadable(exc))
        return Mapped(draft.where, None, "group", "", None, frozenset(), {}, [problem])


def _unreadable(exc: BaseException) -> str:
    if isinstance(exc, RecursionError):
        return "cannot be read: its values nest too deeply"
    return f"cannot be read: a value has a shape no import format gives it ({exc})"


def _land(
    planned: list[Planned],
    report: ImportReport,
    options: ImportOptions,
    label: str,
    progress: Progress,
) -> None:
    """Write the planned files, all together, unless an error or a dry run says not to."""
    if options.dry_run or not planned:
        return
    if report.has_errors and not options.partial:
        report.not_written = error(
            Where(label),
            f"nothing written: fix the errors above and import again, or give --partial"
            f" to write the {len(planned)} group{'s' * (len(planned) != 1)} that passed",
        )
        return
    try:
        land(progress(planned, len(planned), "Writing"))
    except OSError as exc:
        report.not_written = error(
            Where(label), f"nothing written: {exc.strerror or exc} ({exc.filename or ''})"
        )
        return
    report.written = True


def _unique_slugs(mapped: list[Mapped]) -> Iterator[str]:
    """Slugs from names; a name used twice gets its town added, then a number."""
    clashes = Counter(m.slug for m in mapped if m.data)
    used: set[str] = set()
    for m in mapped:
        slug = m.slug
        if m.data and clashes[slug] > 1 and slug in used:
            town = ascii_slug(m.town or m.region)
            slug = f"{m.slug}-{town}"[:80].rstrip("-") if town else slug
            number = 2
            while slug in used:
                slug = f"{m.slug}-{town}-{number}" if town else f"{m.slug}-{number}"
                number += 1
        if m.data:
            used.add(slug)
        yield slug


@dataclass(frozen=True)
class Existing:
    path: Path
    town: str | None


def existing_groups(folders: Iterable[Path]) -> dict[str, Existing]:
    """Group files already there, by slug (the file name, or a slug: line in the file)."""
    found: dict[str, Existing] = {}
    for folder in folders:
        if not folder.is_dir() or folder.is_symlink():
            continue
        for path in sorted(_files_not_linked(folder)):
            if path.suffix not in (".yml", ".yaml"):
                continue
            try:
                text = path.read_text("utf-8-sig")
            except (OSError, UnicodeDecodeError):
                continue
            declared = _SLUG_LINE.search(text)
            town = _TOWN_LINE.search(text)
            found.setdefault(
                declared.group(1) if declared else path.stem,
                Existing(path, town.group(1).strip("'\"") if town else None),
            )
    return found


def _files_not_linked(folder: Path) -> Iterator[Path]:
    """Regular files under ``folder``, through no link: a linked file or folder may point
    out of the site, and is neither read nor written (`landing.outside_reason`)."""
    for parent, folders, files in os.walk(folder, followlinks=False):
        here = Path(parent)
        folders[:] = [name for name in folders if not (here / name).is_symlink()]
        for name in files:
            path = here / name
            if not path.is_symlink() and path.is_file():
                yield path


class _Writer:
    def __init__(self, label: str, options: ImportOptions, report: ImportReport) -> None:
        self.label = label
        self.options = options
        self.report = report
        self.existing = existing_groups((options.dest, *options.existing_dirs))
        self.comment = f"Imported from {label} on {options.defaults.today.isoformat()}"
        self.planned: list[Planned] = []

    def refused(self, group: Mapped, path: Path) -> bool:
        """Whether ``path`` is through a link or outside the site (reported if so)."""
        reason = outside_reason(path, self.options.inside or self.options.dest)
        if reason is not None:
            self.report.problems.append(error(group.where, reason))
            self.outcome("skipped", group, None, [])
        return reason is not None

    def shown(self, path: Path) -> str:
        root = self.options.root
        if root is not None:
            try:
                return path.resolve().relative_to(root.resolve()).as_posix()
            except ValueError:
                pass
        return path.as_posix()

    def outcome(self, action: Action, group: Mapped, path: Path | None, changed: list[str]) -> None:
        shown = self.shown(path) if path else None
        self.report.outcomes.append(Outcome(action, group.where, shown, tuple(changed)))

    def write(self, group: Mapped, slug: str) -> None:
        if group.data is None:
            self.outcome("skipped", group, None, [])
            return
        slug = self.identity(slug, group.town)
        existing = self.existing.get(slug)
        if existing is not None:
            self.change(group, existing.path)
            return
        region = ascii_slug(group.region) or "other"
        path = self.options.dest / region / f"{slug}.yml"
        if self.refused(group, path):
            return
        text = new_document(group.data, self.comment)
        if not self.valid(group, path, text):
            self.outcome("skipped", group, None, [])
            return
        self.planned.append(Planned(path, text, new=True))
        self.existing[slug] = Existing(path, group.town)
        self.outcome("created", group, path, [])

    def identity(self, slug: str, town: str | None) -> str:
        """The slug of this group's file: a file of that name in another town is another group."""
        place = ascii_slug(town or "")
        candidates = [slug] + ([f"{slug}-{place}"] if place else [])
        candidates += [f"{candidates[-1]}-{n}" for n in range(2, 100)]
        for candidate in candidates:
            found = self.existing.get(candidate)
            if found is None or not found.town or not town:
                return candidate
            if found.town.casefold() == town.casefold():
                return candidate
        return candidates[-1]

    def change(self, group: Mapped, path: Path) -> None:
        assert group.data is not None
        if self.refused(group, path):
            return
        try:
            old = path.read_text("utf-8-sig")
            text, changed = update_document(old, group.data, group.fallbacks, group.implied)
        except (OSError, UnicodeDecodeError, ValueError) as exc:
            self.report.problems.append(
                error(group.where, f"{self.shown(path)} cannot be read to compare: {exc}")
            )
            self.outcome("skipped", group, None, [])
            return
        except YAMLError as exc:
            self.report.problems.append(
                error(group.where, f"{self.shown(path)} is not valid YAML: {exc}".split("\n")[0])
            )
            self.outcome("skipped", group, None, [])
            return
        if not changed:
            self.outcome("unchanged", group, path, [])
            return
        if not self.options.update:
            self.report.problems.append(
                warning(
                    group.where,
                    f"{self.shown(path)} exists and differs in {', '.join(changed)}:"
                    " give --update to change it",
                )
            )
            self.outcome("skipped", group, path, changed)
            return
        if not self.valid(group, path, text, compare=False):
            self.outcome("skipped", group, None, [])
            return
        self.planned.append(Planned(path, text, new=False))
        self.outcome("updated", group, path, changed)

    def valid(self, group: Mapped, path: Path, text: str, compare: bool = True) -> bool:
        """Check the file's text exactly as `peerkit check` will read it."""
        shown = self.shown(path)
        try:
            located = parse_yaml(text)
        except YamlProblem as problem:
            self.report.problems.append(error(group.where, f"{shown}: {problem.message}"))
            return False
        found = validate("group", located, shown)
        for diagnostic in found:
            self.report.problems.append(error(group.where, f"{shown}: {diagnostic.message}"))
        if not found and compare and located.data != plain(group.data):
            self.report.problems.append(
                error(
                    group.where, f"{shown}: the file would not read back as imported; not written"
                )
            )
            return False
        return not found


def site_topics(content_dir: Path) -> dict[str, str]:
    """The site's topics (slug -> title) from topics.yml; empty if it cannot be read."""
    path = content_dir / "topics.yml"
    try:
        located = parse_yaml(path.read_text("utf-8-sig"))
    except (OSError, UnicodeDecodeError, YamlProblem):
        return {}
    if validate("topics", located, path.name):
        return {}
    return {item["slug"]: item["title"] for item in located.data}


def report_lines(report: ImportReport, dry_run: bool) -> list[str]:
    """What `peerkit import` prints: the problems row by row, each file with the row it
    came from, then the counts. Files not written are listed as what would have been."""
    lines = [problem.format() for problem in report.sorted_problems()]
    if report.not_written is not None:
        lines.append(report.not_written.format())
    verbs = {"created": "create", "updated": "update"}
    for outcome in report.outcomes:
        if outcome.action not in verbs or outcome.path is None:
            continue
        verb = outcome.action if report.written else f"would {verbs[outcome.action]}"
        fields = f" ({', '.join(outcome.changed)})" if outcome.changed else ""
        lines.append(printable(f"{verb} {outcome.path}{fields} from {outcome.where}"))
    summary = f"{report.kind}: {report.summary()}"
    if dry_run:
        summary += " (dry run: nothing written)"
    elif not report.written and any(o.action in verbs for o in report.outcomes):
        summary += " (nothing written)"
    lines.append(summary)
    return lines
