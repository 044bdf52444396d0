"""Export then import gives the same groups, as far as each format can carry them.

The reference site's groups are rendered to the HSDS and Meeting Guide exports
exactly as a build writes them, imported into an empty site, and compared
field by field with the originals. What a format cannot carry is named in the
projection each comparison uses:

- HSDS 3 (JSON and tabular) carries everything a listing has except the
  `example` flag; a group
  with no organisation comes back run by the site (the export names the site as
  the organization). Drafts are not exported.
- Meeting Guide carries name, format, region, the address and coordinates, the
  join link and its notes, the organisation (as `group`), email and phone, the
  date of the last check, and weekly times. It cannot carry: topics (give
  --topic), the description, directions and per-meeting notes (the export joins
  them into `notes`), the online platform, the contact's name and web page,
  cost, accessibility beyond wheelchair access, languages without a Meeting
  Guide type (Welsh), groups that meet only by arrangement (not exported), and
  monthly or every-few-weeks meetings (the format has weekly meetings only, so
  the export leaves them out rather than list them as weekly).

Exported again, the imported site gives the same HSDS JSON and the same Meeting
Guide feed, value for value, ids included: a group's page address in the export
(a service's url, a Meeting Guide entry's url) gives its file name back
(`imports.mapping.own_slug`), and with it every id made from it. A group that
has a website of its own exports that as its url instead, and comes back named
after its name.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from peerkit.imports.mapping import Defaults
from peerkit.imports.run import ImportOptions, import_file, site_topics
from peerkit.load.diagnostics import Severity
from peerkit.model.records import Group
from peerkit.model.settings import Settings
from peerkit.model.site import Site
from peerkit.project import load_and_check
from peerkit.render.exports.meeting_guide import is_weekly
from peerkit.render.site import render_site
from tests.imports.conftest import REPO

TODAY = date(2026, 11, 25)
SETTINGS = Settings(site_name="Peerkit example site", site_url="https://peerkit.example/")
EXPORTED_LANGUAGES = {"en", "pl", "es"}
"""Languages of the reference site that Meeting Guide has a type for (Welsh has none)."""


@pytest.fixture(scope="module")
def reference() -> dict[str, Group]:
    site, diagnostics = load_and_check(REPO, REPO / "content", SETTINGS, TODAY)
    assert not [d for d in diagnostics if d.severity is Severity.ERROR]
    return {g.name: g for g in site.published().groups}


@pytest.fixture(scope="module")
def exports(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site, _ = load_and_check(REPO, REPO / "content", SETTINGS, TODAY)
    folder = tmp_path_factory.mktemp("exports")
    for file in render_site(site, SETTINGS, TODAY).files:
        if file.path.startswith("groups/hsds/") or file.path == "groups/meeting-guide.json":
            target = folder / file.path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(file.content)
    return folder / "groups"


def _imported(source: Path, root: Path, topic: str | None = None) -> dict[str, Group]:
    return {g.name: g for g in _imported_site(source, root, topic)[0].groups}


def _imported_site(source: Path, root: Path, topic: str | None = None) -> tuple[Site, list[str]]:
    """The site an import into an empty one makes, and the import's report."""
    (root / "content").mkdir(parents=True)
    for name in ("topics.yml", "crisis.yml"):
        shutil.copy(REPO / "content" / name, root / "content" / name)
    defaults = Defaults(
        "Europe/London",
        "GB",
        TODAY,
        site_topics(root / "content"),
        default_topic=topic,
        site_url=SETTINGS.site_url,
    )
    report = import_file(source, ImportOptions(root / "content" / "groups", defaults, root=root))
    assert not report.has_errors, [p.format() for p in report.problems]
    site, diagnostics = load_and_check(root, root / "content", SETTINGS, TODAY)
    assert not [d.format() for d in diagnostics if d.severity is Severity.ERROR]
    return site, [p.format() for p in report.problems]


def _exported(site: Site, path: str) -> Any:
    files = {f.path: f.content for f in render_site(site, SETTINGS, TODAY).files}
    return json.loads(files[path])


def _everything(group: Group) -> dict[str, Any]:
    """Every field; a meeting in the site's time zone is one whether or not it says so."""
    fields = {
        name: getattr(group, name)
        for name in group.__dataclass_fields__
        if name not in ("slug", "source", "example", "source_id")
    }
    fields["schedule"] = tuple(
        replace(m, timezone=m.zone(SETTINGS.timezone)) for m in group.schedule
    )
    return fields


def _meeting_guide(group: Group) -> dict[str, Any]:
    loc = group.location
    return {
        "name": group.name,
        "format": group.format,
        "region": group.region,
        "organisation": group.organisation,
        "place": loc
        and (
            loc.venue,
            loc.address,
            loc.town,
            loc.region,
            loc.postcode,
            loc.country,
            loc.latitude,
            loc.longitude,
        ),
        "online": group.online and (group.online.url, group.online.details),
        "schedule": [
            (m.freq, tuple(map(str, m.byday)), m.opens_at, m.closes_at, m.zone(SETTINGS.timezone))
            for m in group.schedule
        ],
        "email": group.contact and group.contact.email,
        "phone": group.contact and group.contact.phone,
        "languages": tuple(code for code in group.languages if code in EXPORTED_LANGUAGES),
        "last_verified": group.last_verified,
    }


def _compare(
    reference: dict[str, Group], imported: dict[str, Group], shape: Callable[[Group], Any]
) -> None:
    for name, group in reference.items():
        assert shape(imported[name]) == shape(group), name


def test_hsds_json_round_trip_keeps_every_field(
    reference: dict[str, Group], exports: Path, tmp_path: Path
) -> None:
    imported = _imported(exports / "hsds" / "services.json", tmp_path / "site")

    assert sorted(imported) == sorted(reference)
    _compare(reference, imported, _everything)


def test_hsds_datapackage_round_trip_keeps_every_field(
    reference: dict[str, Group], exports: Path, tmp_path: Path
) -> None:
    imported = _imported(exports / "hsds", tmp_path / "site")

    assert sorted(imported) == sorted(reference)
    _compare(reference, imported, _everything)


def test_meeting_guide_round_trip_keeps_what_the_format_carries(
    reference: dict[str, Group], exports: Path, tmp_path: Path
) -> None:
    weekly = {
        name: g for name, g in reference.items() if g.schedule and all(map(is_weekly, g.schedule))
    }
    others = {name: g for name, g in reference.items() if any(map(is_weekly, g.schedule))}

    imported = _imported(exports / "meeting-guide.json", tmp_path / "site", topic="anxiety")

    assert len(weekly) >= 20
    assert sorted(imported) == sorted(weekly | others)
    _compare(weekly, imported, _meeting_guide)
    for name in set(others) - set(weekly):
        kept = tuple(filter(is_weekly, reference[name].schedule))
        assert (
            _meeting_guide(imported[name])["schedule"]
            == _meeting_guide(replace(reference[name], schedule=kept))["schedule"]
        ), name


def _by_name(services: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return sorted(services, key=lambda s: s["name"])


def test_hsds_json_exported_imported_and_exported_again_is_the_same_data(
    exports: Path, tmp_path: Path
) -> None:
    site, report = _imported_site(exports / "hsds" / "services.json", tmp_path / "site")
    before = json.loads((exports / "hsds" / "services.json").read_text("utf-8"))
    assert _by_name(_exported(site, "groups/hsds/services.json")) == _by_name(before)

    organizations = _exported(site, "groups/hsds/organizations.json")
    for organization in organizations:
        organization["services"] = _by_name(organization["services"])
    originals = json.loads((exports / "hsds" / "organizations.json").read_text("utf-8"))
    for organization in originals:
        organization["services"] = _by_name(organization["services"])
    assert organizations == originals
    assert not [m for m in report if "left out" in m]


def test_a_service_read_from_the_static_api_is_the_group_it_was(
    reference: dict[str, Group], exports: Path, tmp_path: Path
) -> None:
    page = json.loads((exports / "hsds" / "api" / "services" / "index.html").read_text("utf-8"))
    first = page["contents"][0]
    served = exports / "hsds" / "api" / "services" / first["id"] / "index.html"

    imported = _imported(served, tmp_path / "site")

    assert list(imported) == [first["name"]]
    assert _everything(imported[first["name"]]) == _everything(reference[first["name"]])


def test_meeting_guide_exported_imported_and_exported_again_is_the_same_feed(
    exports: Path, tmp_path: Path
) -> None:
    feed = json.loads((exports / "meeting-guide.json").read_text("utf-8"))
    site, _ = _imported_site(exports / "meeting-guide.json", tmp_path / "site", "anxiety")

    def ordered(entries: list[dict[str, Any]]) -> list[dict[str, Any]]:
        return sorted(entries, key=lambda e: (e["name"], e["day"], e["time"]))

    assert len(feed) >= 20
    # Its url is the group's page, which gives the group its file name back (own_slug):
    # nothing differs, ids included.
    assert ordered(_exported(site, "groups/meeting-guide.json")) == ordered(feed)
