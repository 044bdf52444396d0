"""The hostile site's feed, calendars, data exports and search index: they parse, and payloads are data.

A payload that broke out of its value would show as an extra element, property,
column or key; so each file is parsed by a strict reader and its structure
checked, and a few cases check that their text arrived whole, as a value.
"""

from __future__ import annotations

import csv
import io
import xml.etree.ElementTree as ET
from pathlib import Path

from icalendar import Calendar

from peerkit.encode.csv_cell import read_cell
from peerkit.render import urls
from tests.hostile.conftest import BuiltSite
from tests.hostile.hostile_audit import search_index_problems, strict_json
from tests.render.render_html import parse_html

ATOM = "{http://www.w3.org/2005/Atom}"
FEED_ELEMENTS = {"feed", "title", "id", "updated", "link", "entry", "published", "author", "name", "summary"}  # fmt: skip
CALENDAR_PARTS = {"VCALENDAR", "VTIMEZONE", "STANDARD", "DAYLIGHT", "VEVENT"}
FORMULA_STARTS = tuple("=+-@\t\r\n")
EVENT_PROPERTIES = {"UID", "DTSTAMP", "DTSTART", "DTEND", "RRULE", "SUMMARY", "LOCATION", "GEO", "URL", "DESCRIPTION"}  # fmt: skip


def _files(site: Path, pattern: str) -> list[Path]:
    found = sorted(site.rglob(pattern))
    assert found, f"no {pattern} in the built site"
    return found


def _group_calendar(hostile_site: BuiltSite, case_id: str) -> Calendar:
    [group] = [g for g in hostile_site.records.groups if g.slug == case_id]
    [path] = [p for p in _files(hostile_site.site, "calendar.ics") if p.parent.name == group.slug]
    return Calendar.from_ical(path.read_bytes())


def test_every_json_file_is_strict_json(hostile_site: BuiltSite):
    for path in _files(hostile_site.site, "*.json"):
        strict_json(path.read_text("utf-8"))


def test_every_xml_file_parses(hostile_site: BuiltSite):
    for path in _files(hostile_site.site, "*.xml"):
        ET.fromstring(path.read_bytes())


def test_feed_entries_hold_only_atom_elements_and_text(hostile_site: BuiltSite):
    feed = ET.fromstring((hostile_site.site / "stories" / "feed.xml").read_bytes())

    tags = {element.tag for element in feed.iter()}

    assert {tag.removeprefix(ATOM) for tag in tags} <= FEED_ELEMENTS, tags
    titles = [entry.findtext(f"{ATOM}title") for entry in feed.iter(f"{ATOM}entry")]
    assert "]]></title><script>alert(1)</script><title><![CDATA[" in titles


def test_calendars_hold_one_event_a_meeting_and_only_known_properties(hostile_site: BuiltSite):
    meetings = {group.slug: len(group.schedule) for group in hostile_site.records.groups}
    for path in _files(hostile_site.site, "calendar.ics"):
        calendar = Calendar.from_ical(path.read_bytes())
        events = calendar.walk("VEVENT")
        assert {part.name for part in calendar.walk()} <= CALENDAR_PARTS, path
        for event in events:
            assert set(event) <= EVENT_PROPERTIES, (path, sorted(event))
        uids = [str(event["UID"]) for event in events]
        assert len(uids) == len(set(uids)), path
        if path.parent.name in meetings:
            assert len(events) == meetings[path.parent.name], path


def test_calendar_lines_in_a_value_stay_in_the_value(hostile_site: BuiltSite):
    [event] = _group_calendar(hostile_site, "export-ics-injection").walk("VEVENT")

    assert str(event["SUMMARY"]).startswith("ICS1 group; END:VEVENT, BEGIN:VEVENT")
    assert "\nBEGIN:VEVENT\nSUMMARY:Injected" in str(event["DESCRIPTION"])
    assert "ATTACH:https://evil.example/x.exe\nBEGIN:VALARM" in str(event["DESCRIPTION"])
    assert str(event["LOCATION"]).startswith("ICS3 venue\nLOCATION:elsewhere")


def test_hsds_tables_keep_every_value_in_its_own_cell(hostile_site: BuiltSite):
    folder = hostile_site.site / "groups" / "hsds"
    package = strict_json((folder / "datapackage.json").read_text("utf-8"))
    for resource in package["resources"]:
        text = (folder / resource["path"]).read_text("utf-8")
        header, *rows = list(csv.reader(io.StringIO(text, newline="")))
        assert [len(row) for row in rows] == [len(header)] * len(rows), resource["path"]


def test_spreadsheet_formulas_arrive_as_text_in_one_cell(hostile_site: BuiltSite):
    text = (hostile_site.site / "groups" / "hsds" / "services.csv").read_text("utf-8")

    cells = {cell for row in csv.reader(io.StringIO(text, newline="")) for cell in row}

    assert '\'=HYPERLINK("https://evil.example","Click for help")' in cells
    assert "'@SUM(1+1)*cmd|' /C calc'!A0" in cells
    values = {read_cell(cell) for cell in cells}
    assert '=HYPERLINK("https://evil.example","Click for help")' in values


def test_no_cell_of_any_table_starts_a_formula(hostile_site: BuiltSite):
    """Every table, every text cell: what a spreadsheet sees first is never = + - or @."""
    folder = hostile_site.site / "groups" / "hsds"
    for path in sorted(folder.glob("*.csv")):
        header, *rows = list(csv.reader(io.StringIO(path.read_text("utf-8"), newline="")))
        for row in rows:
            for column, value in zip(header, row, strict=True):
                if column not in ("latitude", "longitude"):
                    assert not value.startswith(FORMULA_STARTS), (path.name, column, value)


def test_calendars_hold_no_control_or_separator_and_fold_at_75_octets(hostile_site: BuiltSite):
    for path in _files(hostile_site.site, "calendar.ics"):
        data = path.read_bytes()
        for line in data.removesuffix(b"\r\n").split(b"\r\n"):
            text = line.decode("utf-8")
            assert len(line) <= 75, (path, line)
            assert all(char == "\t" or char >= " " for char in text), (path, line)
            assert not set(text) & {"\x7f", "\x85", "\u2028", "\u2029"}, (path, line)


def test_meeting_guide_feed_is_a_list_of_meetings(hostile_site: BuiltSite):
    feed = strict_json((hostile_site.site / "groups" / "meeting-guide.json").read_text("utf-8"))

    assert isinstance(feed, list)
    assert all(isinstance(entry, dict) for entry in feed)
    assert all(key.isidentifier() for entry in feed for key in entry)


def test_search_index_results_cannot_become_markup(hostile_site: BuiltSite):
    """Material's search box inserts results as HTML: only its own bare tags may be in them."""
    index = strict_json((hostile_site.site / "search" / "search_index.json").read_text("utf-8"))

    assert search_index_problems(index) == []


def test_json_ld_keeps_a_closing_script_tag_as_data(hostile_site: BuiltSite):
    page = hostile_site.site / "stories" / "export-json-ld-breakout" / "index.html"
    [block] = [
        s
        for s in parse_html(page.read_text("utf-8")).find_all("script")
        if s.attrs.get("type") == "application/ld+json"
    ]

    data = strict_json(block.text)

    assert data["headline"] == "</script><script>alert(1)</script> <!--<script>"
    assert data["author"]["name"] == "</script><!--"


def test_group_feeds_hold_only_atom_elements_and_names_arrive_as_text(hostile_site: BuiltSite):
    [group] = [
        g for g in hostile_site.records.groups if g.slug == "fields-group-name-and-description"
    ]
    feeds = [
        p for p in _files(hostile_site.site / urls.GROUP_FEEDS, "*.xml") if p.stem != "sitemap"
    ]
    for path in feeds:
        tags = {element.tag for element in ET.fromstring(path.read_bytes()).iter()}
        assert {tag.removeprefix(ATOM) for tag in tags} <= FEED_ELEMENTS, (path, tags)

    region_feed = ET.fromstring((hostile_site.site / urls.region_feed(group.region)).read_bytes())

    titles = [entry.findtext(f"{ATOM}title") for entry in region_feed.iter(f"{ATOM}entry")]
    assert group.name in titles


def test_a_region_named_with_markup_is_advertised_by_its_feeds_title_as_text(
    hostile_site: BuiltSite,
):
    region = "Κρήτη <script>alert(1)</script>"
    page = hostile_site.site / urls.region(region) / "index.html"
    feed = ET.fromstring((hostile_site.site / urls.region_feed(region)).read_bytes())

    head = parse_html(page.read_text("utf-8")).find("head")
    [link] = [el for el in head.find_all("link") if el.attrs.get("type") == "application/atom+xml"]

    assert feed.findtext(f"{ATOM}title").endswith(f"in {region}")
    assert link.attrs["title"] == feed.findtext(f"{ATOM}title")
    assert (page.parent / link.attrs["href"]).resolve() == (
        hostile_site.site / urls.region_feed(region)
    ).resolve()
