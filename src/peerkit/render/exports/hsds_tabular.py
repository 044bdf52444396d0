"""The HSDS 3 export in its tabular form: one CSV a table and a datapackage.json.

Spreadsheet users and the Open Referral tools read HSDS as a Frictionless
tabular data package. Each CSV has every column of its table in the official
order (empty where we know nothing), so it lines up with the official
datapackage; the datapackage.json written beside them describes only the tables
written here. The columns below are the official HSDS 3.0 ones.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable, Iterator, Mapping
from itertools import chain
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from peerkit.encode.csv_cell import cell

if TYPE_CHECKING:
    from peerkit.render.exports.hsds import HsdsExport

# Each table: its file and its columns, written "name", "name:type" or "name:format"
# (uuid, email and uri are string formats), with "!" for a required column.
TABLES: Mapping[str, tuple[str, str]] = MappingProxyType(
    {
        "organization": (
            "organizations.csv",
            "id:uuid! name! alternate_name description! email:email website:uri tax_status tax_id"
            " year_incorporated:number legal_status logo uri:uri parent_organization_id:uuid",
        ),
        "service": (
            "services.csv",
            "id:uuid! organization_id:uuid! program_id:uuid name! alternate_name description url:uri"
            " email:email status! interpretation_services application_process fees_description"
            " wait_time fees accreditations eligibility_description minimum_age:number"
            " maximum_age:number assured_date:date assurer_email:email licenses alert"
            " last_modified:datetime",
        ),
        "attribute": (
            "attributes.csv",
            "id:uuid! link_id:uuid! taxonomy_term_id:uuid! link_type link_entity! value",
        ),
        "service_at_location": (
            "service_at_location.csv",
            "id:uuid! service_id:uuid! location_id:uuid! description",
        ),
        "location": (
            "locations.csv",
            "id:uuid! location_type! url:uri organization_id:uuid name alternate_name description"
            " transportation latitude:number longitude:number external_identifier"
            " external_identifier_type",
        ),
        "phone": (
            "phones.csv",
            "id:uuid! location_id:uuid service_id:uuid organization_id:uuid contact_id:uuid"
            " service_at_location_id:uuid number! extension:number type description",
        ),
        "contact": (
            "contacts.csv",
            "id:uuid! organization_id:uuid service_id:uuid service_at_location_id:uuid"
            " location_id:uuid name title department email:email",
        ),
        "address": (
            "addresses.csv",
            "id:uuid! location_id:uuid attention address_1! address_2 city! region state_province!"
            " postal_code! country! address_type!",
        ),
        "schedule": (
            "schedules.csv",
            "id:uuid! service_id:uuid location_id:uuid service_at_location_id:uuid valid_from:date"
            " valid_to:date dtstart:date timezone:number until:date count:number wkst freq"
            " interval:number byday byweekno bymonthday byyearday description opens_at:time"
            " closes_at:time schedule_link:uri attending_type notes",
        ),
        "cost_option": (
            "cost_options.csv",
            "id:uuid! service_id:uuid! valid_from:date valid_to:date option currency"
            " amount:number amount_description",
        ),
        "language": (
            "languages.csv",
            "id:uuid! service_id:uuid location_id:uuid phone_id:uuid name code note",
        ),
        "accessibility": (
            "accessibility.csv",
            "id:uuid! location_id:uuid description details url:uri",
        ),
        "taxonomy_term": (
            "taxonomy_terms.csv",
            "id:uuid! code name! description! parent_id:uuid taxonomy language taxonomy_id:uuid"
            " term_uri:uri",
        ),
        "taxonomy": ("taxonomies.csv", "id:uuid! name! description! uri:uri version"),
    }
)
_FORMATS = frozenset({"uuid", "email", "uri"})


def tabular_files(export: HsdsExport, title: str) -> Iterator[tuple[str, bytes]]:
    """(file name, bytes): every table's CSV, one at a time, then the datapackage.json
    that describes them."""
    for table, (path, _) in TABLES.items():
        yield path, _csv(table, _rows(export, table))
    yield "datapackage.json", _datapackage(title)


def columns(table: str) -> list[tuple[str, str, str | None, bool]]:
    """(name, type, format, required) of each column of ``table``, in the official order."""
    found = []
    for spec in TABLES[table][1].split():
        required = spec.endswith("!")
        name, _, kind = spec.rstrip("!").partition(":")
        if kind in _FORMATS:
            found.append((name, "string", kind, required))
        else:
            found.append((name, kind or "string", None, required))
    return found


def _rows(export: HsdsExport, table: str) -> Iterable[dict[str, Any]]:
    """The table's objects, gathered as the table is written: held all at once, the
    lists of a national directory's tables are tens of megabytes."""

    def nested(objects: list[dict[str, Any]], key: str) -> Iterator[dict[str, Any]]:
        return (item for obj in objects for item in obj.get(key, []))

    services, locations = export.services, export.locations
    tables: dict[str, Callable[[], Iterable[dict[str, Any]]]] = {
        "organization": lambda: export.organizations,
        "service": lambda: services,
        "attribute": lambda: nested(services, "attributes"),
        "service_at_location": lambda: nested(services, "service_at_locations"),
        "location": lambda: locations,
        "phone": lambda: chain(nested(services, "phones"), nested(locations, "phones")),
        "contact": lambda: nested(services, "contacts"),
        "address": lambda: nested(locations, "addresses"),
        "schedule": lambda: map(_table_schema_times, export.schedules),
        "cost_option": lambda: nested(services, "cost_options"),
        "language": lambda: nested(services, "languages"),
        "accessibility": lambda: nested(locations, "accessibility"),
        "taxonomy_term": lambda: export.taxonomy_terms,
        "taxonomy": lambda: export.taxonomies,
    }
    return tables[table]()


def _table_schema_times(schedule: dict[str, Any]) -> dict[str, Any]:
    """A Table Schema `time` is HH:MM:SS; the JSON keeps the HH:MM HSDS's examples use."""
    times = {key: f"{schedule[key]}:00" for key in ("opens_at", "closes_at") if key in schedule}
    return schedule | times


def _csv(table: str, objects: Iterable[dict[str, Any]]) -> bytes:
    names = [name for name, *_ in columns(table)]
    out = io.StringIO()
    # The header is the official column names, plain; every value is quoted (csv_cell).
    out.write(",".join(names) + "\r\n")
    writer = csv.writer(out, lineterminator="\r\n", quoting=csv.QUOTE_ALL)
    for obj in objects:
        writer.writerow([cell(obj.get(name)) for name in names])
    return out.getvalue().encode("utf-8")


def _datapackage(title: str) -> bytes:
    resources = []
    for table, (path, _) in TABLES.items():
        fields = []
        foreign_keys = []
        for name, kind, fmt, required in columns(table):
            field: dict[str, Any] = {"name": name, "type": kind}
            if fmt:
                field["format"] = fmt
            if required:
                field["constraints"] = {"required": True}
            fields.append(field)
            target = name.removesuffix("_id")
            if name.endswith("_id") and target in TABLES:
                foreign_keys.append(
                    {"fields": name, "reference": {"resource": target, "fields": "id"}}
                )
        resources.append(
            {
                "name": table,
                "path": path,
                "profile": "tabular-data-resource",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "schema": {"fields": fields, "primaryKey": "id", "foreignKeys": foreign_keys},
            }
        )
    package = {
        "name": "hsds",
        "title": title,
        "profile": "tabular-data-package",
        "description": "Open Referral HSDS 3.0 tables, one CSV a table.",
        "resources": resources,
    }
    text = json.dumps(package, ensure_ascii=False, indent=1)
    return (text + "\n").encode("utf-8")
