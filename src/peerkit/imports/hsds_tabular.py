"""An HSDS tabular datapackage (datapackage.json beside CSVs, or a .zip of them) as services.

The tabular form spreads a service over many files joined by ids: services,
organizations, locations, addresses, schedules, phones... This module joins
them back into the nested shape of the JSON form, so that one mapping
(hsds.py) reads both. Each service keeps its row in services.csv, for reports.
"""

from __future__ import annotations

import csv
import io
import posixpath
import zipfile
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

from peerkit.encode.csv_cell import read_cell
from peerkit.imports.csv_source import csv_problem
from peerkit.imports.drafts import Problem, Where, error
from peerkit.imports.json_input import JsonProblem, load_json

MAX_MEMBER_BYTES = 200_000_000
Rows = list[dict[str, Any]]


class Package:
    """The files of a datapackage, in a folder or a zip, read by their paths in datapackage.json."""

    def __init__(self, label: str, read: Callable[[str], bytes | None]) -> None:
        self.label = label
        self.read = read

    @classmethod
    def folder(cls, path: Path, label: str) -> Package:
        root = path.resolve()

        def read(name: str) -> bytes | None:
            target = (root / name).resolve()
            if not target.is_relative_to(root) or not target.is_file():
                return None
            return target.read_bytes()

        return cls(label, read)

    @classmethod
    def zip(cls, archive: zipfile.ZipFile, label: str) -> Package | None:
        names = [n for n in archive.namelist() if posixpath.basename(n) == "datapackage.json"]
        if not names:
            return None
        base = posixpath.dirname(min(names, key=lambda n: n.count("/")))

        def read(name: str) -> bytes | None:
            member = posixpath.normpath(posixpath.join(base, name))
            try:
                info = archive.getinfo(member)
            except KeyError:
                return None
            if info.file_size > MAX_MEMBER_BYTES:
                return None
            return archive.read(info)

        return cls(label, read)


def read_package(package: Package) -> tuple[list[dict[str, Any]], list[Where], list[Problem]]:
    """Every service of the package, nested, with its row in services.csv."""
    raw = package.read("datapackage.json")
    where = Where(f"{package.label}/datapackage.json")
    try:
        descriptor = load_json((raw or b"").decode("utf-8-sig"))
    except UnicodeDecodeError:
        return [], [], [error(where, "not UTF-8 text")]
    except JsonProblem as problem:
        return [], [], [error(where, problem.message)]
    if not isinstance(descriptor, dict) or not isinstance(descriptor.get("resources", []), list):
        return [], [], [error(where, "a data package is a set of fields with a list of resources")]
    paths = {
        r.get("name"): r.get("path")
        for r in descriptor.get("resources", [])
        if isinstance(r, dict) and isinstance(r.get("path"), str)
    }
    problems: list[Problem] = []

    def table(name: str) -> Rows:
        path = paths.get(name)
        data = package.read(path) if path else None
        if data is None:
            return []
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            problems.append(error(Where(f"{package.label}/{path}"), "not UTF-8 text"))
            return []
        rows: Rows = []
        reader = csv.DictReader(io.StringIO(text, newline=""))
        try:
            for row in reader:
                rows.append({k: (read_cell(v) if v else None) for k, v in row.items() if k})
        except csv.Error as exc:
            problems.append(
                error(Where(f"{package.label}/{path}", reader.line_num), csv_problem(exc))
            )
        return rows

    services = table("service")
    if not services and "service" not in paths:
        problems.append(error(Where(f"{package.label}/datapackage.json"), "no service resource"))
    nested = _Joiner(table).services(services)
    where_file = f"{package.label}/{paths.get('service', 'services.csv')}"
    wheres = [Where(where_file, row) for row in range(2, len(services) + 2)]
    return nested, wheres, problems


def _by(rows: Rows, key: str) -> dict[str, Rows]:
    grouped: dict[str, Rows] = defaultdict(list)
    for row in rows:
        if row.get(key):
            grouped[row[key]].append(row)
    return grouped


class _Joiner:
    def __init__(self, table: Callable[[str], Rows]) -> None:
        self.organizations = {r["id"]: r for r in table("organization") if r.get("id")}
        self.locations = {r["id"]: r for r in table("location") if r.get("id")}
        self.addresses = _by(table("address"), "location_id")
        self.accessibility = _by(table("accessibility"), "location_id")
        self.at_locations = _by(table("service_at_location"), "service_id")
        schedules = table("schedule")
        self.schedules = {
            k: _by(schedules, k) for k in ("service_id", "location_id", "service_at_location_id")
        }
        phones = table("phone")
        self.phones = {k: _by(phones, k) for k in ("service_id", "contact_id")}
        self.contacts = _by(table("contact"), "service_id")
        self.languages = _by(table("language"), "service_id")
        self.costs = _by(table("cost_option"), "service_id")
        self.attributes = _by(table("attribute"), "link_id")
        self.terms = {r["id"]: r for r in table("taxonomy_term") if r.get("id")}

    def services(self, services: Rows) -> list[dict[str, Any]]:
        return [self.service(row) for row in services]

    def service(self, row: dict[str, Any]) -> dict[str, Any]:
        sid = row.get("id") or ""
        return {
            **row,
            "organization": self.organizations.get(row.get("organization_id") or ""),
            "schedules": self.schedules["service_id"].get(sid, []),
            "phones": self.phones["service_id"].get(sid, []),
            "contacts": [
                {**c, "phones": self.phones["contact_id"].get(c.get("id") or "", [])}
                for c in self.contacts.get(sid, [])
            ],
            "languages": self.languages.get(sid, []),
            "cost_options": self.costs.get(sid, []),
            "attributes": [
                {**a, "taxonomy_term": self.terms.get(a.get("taxonomy_term_id") or "")}
                for a in self.attributes.get(sid, [])
            ],
            "service_at_locations": [
                self.at_location(sal) for sal in self.at_locations.get(sid, [])
            ],
        }

    def at_location(self, sal: dict[str, Any]) -> dict[str, Any]:
        lid = sal.get("location_id") or ""
        location = self.locations.get(lid)
        if location is not None:
            location = {
                **location,
                "addresses": self.addresses.get(lid, []),
                "accessibility": self.accessibility.get(lid, []),
                "schedules": self.schedules["location_id"].get(lid, []),
            }
        return {
            **sal,
            "location": location,
            "schedules": self.schedules["service_at_location_id"].get(sal.get("id") or "", []),
        }
