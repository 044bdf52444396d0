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
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Literal, TypeVar

import yaml
from ruamel.yaml.error import YAMLError

from peerkit.encode.terminal import printable
from peerkit.imports.csv_source import Headings
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
from peerkit.render.exports.hsds import HsdsIds

T = TypeVar("T")
Progress = Callable[[Iterable[Any], int, str], Iterable[Any]]
PROGRESS_ABOVE_ROWS = 300
"""A progress bar is worth its noise only on imports of more than a few hundred rows."""
Action = Literal["created", "updated", "unchanged", "skipped"]
_LOADER: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


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
    headings: Headings | None = None
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
    report = ImportReport(read.kind, list(read.problems), headings=read.headings)
    if read.rows <= PROGRESS_ABOVE_ROWS:
        progress = _no_progress
    drafts = read.drafts
    mapped = [_map(draft, d) for draft in progress(drafts, len(drafts), "Mapping")]
    undated = sum("last_verified" in m.fallbacks for m in mapped if m.data)
    if undated:
        report.problems.append(
            warning(
                Where(source.name),
                f"{undated} group{'s' * (undated != 1)} give{'s' * (undated == 1)} no date of last check:"
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
    name: str | None = None
    source_id: str | None = None
    slug: str | None = None
    """Its slug: line, where it has one (else its file name is its slug)."""


class ExistingGroups:
    """Group files already there: by slug (the file name, or its slug: line), by the
    id of the list they were imported from, and by name and town, so that a group
    imported again, or a site's own export imported back, is found and not doubled."""

    def __init__(self, folders: Iterable[Path]) -> None:
        self.by_slug: dict[str, Existing] = {}
        self.by_source: dict[str, Existing] = {}
        self.by_name: dict[tuple[str, str], Existing] = {}
        for folder in folders:
            if folder.is_dir() and not folder.is_symlink():
                for path in sorted(_files_not_linked(folder)):
                    if path.suffix in (".yml", ".yaml"):
                        self._read(path)

    def _read(self, path: Path) -> None:
        try:
            data = yaml.load(path.read_text("utf-8-sig"), Loader=_LOADER)
        except (OSError, UnicodeDecodeError, yaml.YAMLError):
            return
        if not isinstance(data, dict):
            return
        location = data.get("location") if isinstance(data.get("location"), dict) else {}
        town = _text(location.get("town"))
        slug = _text(data.get("slug"))
        found = Existing(path, town, _text(data.get("name")), _text(data.get("source_id")), slug)
        self.add(slug or path.stem, found)

    def add(self, slug: str, found: Existing) -> None:
        self.by_slug.setdefault(slug, found)
        if found.source_id:
            self.by_source.setdefault(found.source_id, found)
        if found.name:
            self.by_name.setdefault(_name_key(found.name, found.town), found)

    def same_group(self, group: Mapped) -> Existing | None:
        """The file of this very group, by its source's id, else by its name and town."""
        if group.source_id and group.source_id in self.by_source:
            return self.by_source[group.source_id]
        return self.by_name.get(_name_key(group.name, group.town)) if group.name else None


def _name_key(name: str, town: str | None) -> tuple[str, str]:
    return " ".join(name.casefold().split()), (town or "").casefold().strip()


def _text(value: Any) -> str | None:
    return value.strip() if isinstance(value, str) and value.strip() else None


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
        self.existing = ExistingGroups((options.dest, *options.existing_dirs))
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
        existing = self.existing.same_group(group)
        if existing is None:
            slug = self.identity(slug, group.town)
            existing = self.existing.by_slug.get(slug)
        if existing is not None:
            self.change(self.without_own_id(group, existing), existing.path)
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
        self.existing.add(slug, Existing(path, group.town, group.name, group.source_id))
        self.outcome("created", group, path, [])

    def without_own_id(self, group: Mapped, existing: Existing) -> Mapped:
        """The group without its source id when the source is this site's own export
        (its HSDS id or Meeting Guide slug for this very file): a site that imports
        its own export gets nothing new."""
        source_id, data = group.source_id, group.data
        if not source_id or data is None or existing.source_id:
            return group
        slug = existing.slug or existing.path.stem
        site = self.options.defaults.site_url
        own = re.fullmatch(rf"{re.escape(slug)}-\d+", source_id) is not None or (
            site is not None and source_id == HsdsIds(site)("service", slug)
        )
        if not own:
            return group
        return replace(group, data={k: v for k, v in data.items() if k != "source_id"})

    def identity(self, slug: str, town: str | None) -> str:
        """The slug of this group's file: a file of that name in another town is another group."""
        place = ascii_slug(town or "")
        candidates = [slug] + ([f"{slug}-{place}"] if place else [])
        candidates += [f"{candidates[-1]}-{n}" for n in range(2, 100)]
        for candidate in candidates:
            found = self.existing.by_slug.get(candidate)
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
    return {item["slug"]: item["title"] for item in _topic_items(content_dir)}


def topic_aliases(content_dir: Path) -> dict[str, str]:
    """Each other word for a topic that topics.yml gives (``aliases``) -> its slug."""
    return {
        alias: item["slug"]
        for item in _topic_items(content_dir)
        for alias in item.get("aliases", ())
    }


def _topic_items(content_dir: Path) -> list[dict[str, Any]]:
    path = content_dir / "topics.yml"
    try:
        located = parse_yaml(path.read_text("utf-8-sig"))
    except (OSError, UnicodeDecodeError, YamlProblem):
        return []
    if validate("topics", located, path.name):
        return []
    return list(located.data)


def report_lines(report: ImportReport, dry_run: bool) -> list[str]:
    """What `peerkit import` prints: with --dry-run which column went to which field,
    then the problems row by row, each file with the row it came from, then the counts.
    Files not written are listed as what would have been."""
    lines = []
    if dry_run and report.headings is not None:
        used, left_out = report.headings.used, report.headings.left_out
        lines += [printable(f"column {heading!r} -> {name}") for heading, name in used]
        lines += [printable(f"column {heading!r} -> left out") for heading in left_out]
    lines += [problem.format() for problem in report.sorted_problems()]
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
