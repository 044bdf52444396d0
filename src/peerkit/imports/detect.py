"""Which format a file is, from what is in it, and its groups as drafts.

People rename files ("groups export (3).txt"), so the content decides: a zip or
folder with a datapackage.json is HSDS tabular; JSON whose entries have days
and times is a Meeting Guide feed, one whose entries have schedules and
locations is HSDS; text with known column headings is a spreadsheet.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from peerkit.imports.csv_source import Headings, looks_like_csv, read_csv, rows_of_lines
from peerkit.imports.drafts import Draft, Problem, Where, error, warning
from peerkit.imports.hsds import looks_like_hsds, read_services, service_list
from peerkit.imports.hsds_tabular import Package, read_package
from peerkit.imports.json_input import JsonProblem, load_json
from peerkit.imports.mapping import Defaults
from peerkit.imports.meeting_guide import looks_like_meeting_guide, read_meeting_guide
from peerkit.imports.text_encoding import decode_lines, line_list

MAX_FILE_BYTES = 200_000_000


@dataclass
class SourceRead:
    """What a file held: its format, its groups, and what was wrong at the file level."""

    kind: str
    drafts: list[Draft] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    rows: int = 0
    headings: Headings | None = None
    """A spreadsheet's columns and the fields they went to."""


def read_file(path: Path, defaults: Defaults) -> SourceRead:
    label = path.name
    day_first = defaults.country != "US"
    if path.is_dir():
        if not (path / "datapackage.json").is_file():
            return _unknown(label, "a folder without a datapackage.json")
        return _from_package(Package.folder(path, label), defaults)
    try:
        size = path.stat().st_size
    except OSError as exc:
        return SourceRead(
            "unknown", problems=[error(Where(label), f"cannot read the file: {exc.strerror}")]
        )
    if size > MAX_FILE_BYTES:
        return _unknown(label, f"the file is {size:,} bytes; the limit is {MAX_FILE_BYTES:,}")
    raw = path.read_bytes()
    if raw.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(path) as archive:
                package = Package.zip(archive, label)
                if package is None:
                    return _unknown(label, "a zip without a datapackage.json")
                return _from_package(package, defaults)
        except zipfile.BadZipFile:
            return _unknown(label, "a damaged zip file")
    problems: list[Problem] = []
    decoded = decode_lines(raw)
    text = decoded.text
    stripped = text.lstrip()
    if stripped[:1] in ("[", "{"):
        try:
            data = load_json(stripped)
        except JsonProblem as problem:
            return _unknown(label, problem.message)
        result = _from_json(data, path, label, defaults)
    elif looks_like_csv(text, defaults.columns):
        drafts, found, headings = read_csv(text, label, day_first, defaults.columns)
        result = SourceRead("CSV spreadsheet", drafts, found, text.count("\n"), headings)
        windows = rows_of_lines(text, decoded.windows_lines)
        if windows:
            problems.append(_windows_warning(label, "row", windows))
    else:
        return _unknown(label, "neither JSON nor a spreadsheet with known column headings")
    if decoded.windows_lines and result.kind != "CSV spreadsheet":
        problems.append(_windows_warning(label, "line", decoded.windows_lines))
    result.problems[:0] = problems
    return result


def _windows_warning(label: str, unit: str, numbers: tuple[int, ...]) -> Problem:
    many = len(numbers) > 1
    return warning(
        Where(label),
        f"{unit}{'s' if many else ''} {line_list(numbers)} {'are' if many else 'is'} not UTF-8"
        f" and {'were' if many else 'was'} read as Windows-1252 (the rest of the file is"
        " UTF-8): check their accented letters and symbols",
    )


def _unknown(label: str, what: str) -> SourceRead:
    return SourceRead(
        "unknown",
        problems=[
            error(
                Where(label),
                f"{what}: peerkit import reads a CSV spreadsheet, HSDS 3 JSON, an HSDS"
                " datapackage (folder or zip) or a Meeting Guide JSON feed",
            )
        ],
    )


def _from_json(data: Any, path: Path, label: str, defaults: Defaults) -> SourceRead:
    if isinstance(data, dict) and isinstance(data.get("resources"), list):
        return _from_package(Package.folder(path.parent, path.parent.name), defaults)
    items = service_list(data)
    if items is None and isinstance(data, dict) and "openapi_url" in data:
        return _unknown(label, "the index of an HSDS API: import its /services instead")
    if items is None:
        return _unknown(label, "JSON that is not a list of meetings or services")
    if not items:
        return SourceRead(
            "empty JSON list", problems=[warning(Where(label), "the file lists nothing")]
        )
    if looks_like_meeting_guide(items):
        drafts, problems = read_meeting_guide(items, label, defaults.country != "US")
        return SourceRead("Meeting Guide feed", drafts, problems, len(items))
    if looks_like_hsds(items):
        if isinstance(data, dict) and not any(_nests(item) for item in items):
            return _unknown(
                label,
                "a page of an HSDS API that lists services without their schedules and"
                " venues (as /services does): import the services one by one"
                " (/services/{id}) or the publisher's full export",
            )
        _nest_organizations(items, path.parent / "organizations.json")
        wheres = [Where(label, n) for n in range(1, len(items) + 1)]
        drafts, problems = read_services(items, wheres, defaults)
        return SourceRead("HSDS JSON", drafts, problems, len(items))
    return _unknown(
        label, "JSON whose entries are neither Meeting Guide meetings nor HSDS services"
    )


def _nests(service: Any) -> bool:
    """Whether a service carries any of its details (schedules, venues, contacts...)."""
    return isinstance(service, dict) and any(isinstance(v, list) for v in service.values())


def _from_package(package: Package, defaults: Defaults) -> SourceRead:
    services, wheres, problems = read_package(package)
    drafts, found = read_services(services, wheres, defaults)
    return SourceRead("HSDS datapackage", drafts, [*problems, *found], len(services))


def _nest_organizations(services: list[Any], beside: Path) -> None:
    """services.json names its organization by id; organizations.json beside it has the name."""
    wanted = [
        s for s in services if isinstance(s, dict) and not isinstance(s.get("organization"), dict)
    ]
    if not wanted or not beside.is_file():
        return
    try:
        organizations = load_json(beside.read_text("utf-8-sig"))
    except (OSError, UnicodeDecodeError, JsonProblem):
        return
    by_id = {o.get("id"): o for o in service_list(organizations) or [] if isinstance(o, dict)}
    for service in wanted:
        if service.get("organization_id") in by_id:
            service["organization"] = by_id[service["organization_id"]]
