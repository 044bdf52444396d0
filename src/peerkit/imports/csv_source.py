"""An organisation's spreadsheet, saved as CSV, read into drafts.

The columns are the ones a person keeping a list of groups would have made,
under whatever heading they chose: "Group name", "City", "ZIP", "Start time".
Headings are matched without regard to case, spaces or punctuation, and rows
of one group at several times (a Tuesday row and a Saturday row) become one
group with two meetings. Rows are numbered as the spreadsheet numbers them:
the heading is row 1.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Mapping
from dataclasses import dataclass

from peerkit.imports.drafts import Draft, DraftMeeting, Problem, Where, error, warning
from peerkit.imports.expect_columns import answers_from_cells
from peerkit.imports.values import (
    Bad,
    Days,
    clean,
    parse_date,
    parse_days,
    parse_frequency,
    parse_ordinals,
    parse_sheet_times,
)


@dataclass(frozen=True)
class Column:
    name: str
    help: str
    synonyms: tuple[str, ...] = ()


COLUMNS = (
    Column("name", "the group's name (required)", ("group name", "group", "title", "meeting name")),
    Column("source_id", "the group's own id in your list, so that importing it again updates the group", ("id", "group id", "ref", "reference", "listing id")),
    Column("description", "what happens at the group, in words a first-timer understands", ("about", "details", "summary", "what happens")),
    Column("topics", "topics from topics.yml, by short name or title, separated by ; or ,", ("topic", "category", "categories", "tags", "theme", "themes")),
    Column("organisation", "the charity or network that runs the group", ("organization", "org", "charity", "run by", "provider", "network", "organiser", "organizer")),
    Column("format", "in person, online or hybrid (if empty: from the address and the link)", ("meeting format", "attendance", "type", "meeting type")),
    Column("venue", "the building, for example Riverside Community Centre", ("venue name", "location", "location name", "building", "place", "where", "meeting place")),
    Column("address", "the street address", ("street", "street address", "address 1", "address line 1", "address1")),
    Column("address_2", "a second address line, added to the address", ("address line 2", "address2")),
    Column("town", "the town or city", ("city", "town city", "locality", "village")),
    Column("region", "the region the directory lists the group under (if empty: the town)", ("area", "county", "state", "province", "district")),
    Column("postcode", "the postcode or ZIP code", ("post code", "postal code", "zip", "zip code", "zipcode")),
    Column("country", "a two-letter code such as GB, or a name (if empty: the site's)", ("nation",)),
    Column("latitude", "decimal degrees, for distance sorting", ("lat",)),
    Column("longitude", "decimal degrees", ("lng", "lon", "long")),
    Column("directions", "how to find the room once there", ("how to find us", "location notes", "finding us")),
    Column("online_url", "the https:// link to join online", ("online link", "join url", "join link", "meeting link", "zoom link", "video link", "conference url", "link")),
    Column("online_platform", "Zoom, Jitsi, Teams... (if empty: from the link)", ("platform", "video platform")),
    Column("online_details", "anything else an online newcomer needs", ("joining instructions", "how to join", "online notes")),
    Column("day", "Monday, Mon, Tuesday and Thursday, Mon-Fri, 1st and 3rd Wednesday", ("days", "weekday", "weekdays", "day of week", "meeting day", "meeting days")),
    Column("frequency", "weekly, fortnightly, every 3 weeks or monthly (if empty: weekly)", ("freq", "how often", "recurrence", "repeats")),
    Column("week_of_month", "for monthly meetings: 1st, 2nd and 4th, last", ("week", "weeks", "week of the month", "which week", "which weeks")),
    Column("first_date", "the date of one meeting: needed for fortnightly ones", ("start date", "starting", "first meeting", "dtstart")),
    Column("start", "start time: 18:30, 6:30pm or 18.30 (or 18:30-20:00 for both)", ("start time", "starts", "from", "time", "opens at", "begins")),
    Column("end", "end time (if empty: an hour after the start)", ("end time", "ends", "until", "to", "finish", "finish time", "closes at")),
    Column("timezone", "a name such as Europe/London (if empty: the site's)", ("time zone", "tz")),
    Column("schedule_notes", "shown with the times, for example bring a mug", ("meeting notes", "schedule notes", "time notes")),
    Column("editor_note", "kept in the group's file for the site's editors, never shown on the site", ("notes", "note", "comments", "comment", "internal notes", "admin notes", "remarks")),
    Column("by_arrangement", "for groups that meet when members arrange it: how to arrange", ("by appointment",)),
    Column("contact_name", "who to ask for", ("contact", "contact person", "host", "facilitator")),
    Column("email", "the group's email address", ("e mail", "email address", "contact email")),
    Column("phone", "the group's phone number", ("telephone", "tel", "phone number", "mobile", "contact phone", "contact number")),
    Column("website", "the group's own web page", ("web site", "web", "url", "web page", "webpage", "homepage")),
    Column("languages", "names or codes: English; Welsh or en, cy", ("language", "spoken languages")),
    Column("accessibility", "separated by ; or , (step-free access; hearing loop)", ("access", "accessible")),
    Column("cost", "what it costs, for example Free", ("price", "fee", "fees", "charge")),
    Column("attendance", "drop in, or register first (and how)", ("drop in", "drop-in", "registration", "booking", "how to join")),
    Column("run_by", "peers, professional, or peers with a professional", ("run by", "led by", "who runs it")),
    Column("step_free", "yes or no", ("step free", "step-free access", "wheelchair accessible", "wheelchair access", "wheelchair")),
    Column("hearing_loop", "yes or no", ("hearing loop", "induction loop", "loop")),
    Column("sign_language", "BSL, ISL, ASL...", ("sign language", "bsl", "signed")),
    Column("captions", "yes or no (online)", ("live captions", "subtitles", "captioned")),
    Column("last_verified", "when the listing was last checked: 2026-03-14 or 14/03/2026 (if empty: today)", ("last checked", "verified", "checked", "date checked", "last updated", "updated")),
    Column("status", "published or draft (if empty: published)", ("listing status",)),
)  # fmt: skip


def column_map(pairs: list[str]) -> dict[str, str] | str:
    """`--map` options ("Type of group=topics") as heading -> field, or what is wrong."""
    fields = {column.name for column in COLUMNS}
    found: dict[str, str] = {}
    for pair in pairs:
        heading, equals, name = pair.rpartition("=")
        if not equals or not heading.strip():
            return f"--map {pair!r}: write the column's heading, =, then the field"
        if name.strip() not in fields:
            return f"--map {pair!r}: {name.strip()!r} is not a field; the fields: {', '.join(sorted(fields))}"
        found[heading.strip()] = name.strip()
    return found


def header_key(heading: str) -> str:
    """ "Start time (HH:MM)", "START_TIME", " start-time " -> "start time"."""
    without_notes = re.sub(r"\(.*?\)", " ", heading.casefold())
    return re.sub(r"[^a-z0-9]+", " ", without_notes).strip()


_BY_KEY = {
    header_key(word): column.name for column in COLUMNS for word in (column.name, *column.synonyms)
}


def columns_help() -> str:
    """The column list that `peerkit import --help` prints."""
    width = max(len(c.name) for c in COLUMNS)
    return "\n".join(f"  {c.name.ljust(width)}  {c.help}" for c in COLUMNS)


def looks_like_csv(text: str, mapping: Mapping[str, str] | None = None) -> bool:
    rows, _ = _rows(text, _delimiter(text))
    chosen = mapping or {}
    return _known(rows[_header_index(rows, chosen) or 0] if rows else [], chosen) >= 2


@dataclass(frozen=True)
class Headings:
    """Which column went to which field, as the import report shows it."""

    used: tuple[tuple[str, str], ...]
    """(heading, field) for each column read."""
    left_out: tuple[str, ...]


def read_csv(
    text: str, file: str, day_first: bool, mapping: Mapping[str, str] | None = None
) -> tuple[list[Draft], list[Problem], Headings]:
    """The sheet's groups. ``mapping``: a heading to the field its column fills
    (`peerkit import --map "Type of group=topics"`), over the headings known."""
    rows, broken = _rows(text, _delimiter(text))
    problems: list[Problem] = []
    if broken is not None:
        problems.append(error(Where(file, broken[0]), broken[1]))
    header_index = _header_index(rows, mapping or {})
    if header_index is None:
        return [], [error(Where(file), "the file has no rows")], Headings((), ())
    header_where = Where(file, header_index + 1)
    chosen = {header_key(heading): field for heading, field in (mapping or {}).items()}
    names: list[str | None] = []
    used: list[tuple[str, str]] = []
    left_out: list[str] = []
    for heading in rows[header_index]:
        name = chosen.get(header_key(heading)) or _BY_KEY.get(header_key(heading))
        if name is not None and name in names:
            problems.append(
                warning(header_where, f"column {heading.strip()!r} is a second {name!r}; not used")
            )
            name = None
        if name is None and heading.strip():
            problems.append(warning(header_where, f"column {heading.strip()!r} is not used"))
            left_out.append(heading.strip())
        elif name is not None:
            used.append((heading.strip(), name))
        names.append(name)
    headings = Headings(tuple(used), tuple(left_out))
    if "editor_note" in names:
        heading = next(h for h, n in used if n == "editor_note")
        problems.append(
            warning(
                header_where,
                f"column {heading!r} went to editor_note, a note for editors in each group's"
                " file that the site never shows",
            )
        )
    if "name" not in names:
        problems.append(error(header_where, "no 'name' column: every group needs a name"))
        return [], problems, headings
    drafts: dict[tuple[str, ...], Draft] = {}
    by_field = {field: heading for heading, field in used}
    for index in range(header_index + 1, len(rows)):
        cells = _cells(names, rows[index])
        if not cells:
            continue
        draft = _draft(cells, Where(file, index + 1), day_first, by_field)
        key = _group_key(draft)
        if key in drafts:
            drafts[key].absorb(draft)
        else:
            drafts[key] = draft
    return list(drafts.values()), problems, headings


def _known(row: list[str], mapping: Mapping[str, str] | None = None) -> int:
    chosen = {header_key(h) for h in mapping or {}}
    return sum(header_key(cell) in _BY_KEY or header_key(cell) in chosen for cell in row)


def _header_index(rows: list[list[str]], mapping: Mapping[str, str]) -> int | None:
    """The headings row: the first with two known headings among the first ten rows.

    Sheets often start with a title ("Our groups, spring 2026") above the headings.
    """
    filled = [i for i, row in enumerate(rows) if any(cell.strip() for cell in row)]
    known = (i for i in filled[:10] if _known(rows[i], mapping) >= 2)
    return next(known, filled[0] if filled else None)


def _delimiter(text: str) -> str:
    """The separator that makes the most headings known; csv.Sniffer breaks ties."""
    sample = text[:65536]
    try:
        sniffed = csv.Sniffer().sniff(sample, delimiters=",;\t").delimiter
    except csv.Error:
        sniffed = ","
    first_lines = sample.split("\n")[:10]

    def known(delimiter: str) -> tuple[int, bool]:
        best = max((_known(row) for row in csv.reader(first_lines, delimiter=delimiter)), default=0)
        return best, delimiter == sniffed

    return max((sniffed, ",", ";", "\t"), key=known)


MAX_CELL = 131_072
"""The longest cell read: Python's own default limit, checked here rather than left to
`csv.field_size_limit`, which another library in the process may have raised."""

_TOO_LONG = (
    f"a cell is longer than {MAX_CELL:,} characters, far more than any field of a group"
    " listing holds; the rest of the file is not read"
)


def _rows(text: str, delimiter: str) -> tuple[list[list[str]], tuple[int, str] | None]:
    """The rows up to the first that cannot be read, and that row's number and why."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows: list[list[str]] = []
    try:
        for row in reader:
            if any(len(cell) > MAX_CELL for cell in row):
                return rows, (reader.line_num, _TOO_LONG)
            rows.append(row)
    except csv.Error as exc:
        return rows, (reader.line_num, csv_problem(exc))
    return rows, None


def csv_problem(exc: csv.Error) -> str:
    """A CSV reader's complaint in a person's words: a huge cell is the one people meet."""
    if "field larger than field limit" in str(exc):
        return _TOO_LONG
    return f"cannot be read as CSV ({exc}); the rest of the file is not read"


def rows_of_lines(text: str, lines: tuple[int, ...]) -> tuple[int, ...]:
    """The spreadsheet rows (as it numbers them) that hold the file's ``lines``: a
    cell with a line break makes a row of two lines."""
    if not lines:
        return ()
    wanted = sorted(lines)
    found: list[int] = []
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text))
    first = 1
    try:
        for row_number, _ in enumerate(reader, start=1):
            last = reader.line_num
            while wanted and wanted[0] <= last:
                if wanted.pop(0) >= first and row_number not in found:
                    found.append(row_number)
            first = last + 1
    except csv.Error:
        pass  # the rows after a broken one are not read (`_rows` says so)
    return tuple(found)


def _cells(names: list[str | None], row: list[str]) -> dict[str, str]:
    cells: dict[str, str] = {}
    for name, cell in zip(names, row, strict=False):
        value = clean(cell)
        if name and value and not cells.get(name):
            cells[name] = value
    return cells


def _list(text: str | None) -> list[str]:
    """Items split at ; when there is one (so "step-free, via the side door" stays whole), else at ,."""
    if not text:
        return []
    separator = ";" if ";" in text else ","
    return [item.strip() for item in text.replace("\n", separator).split(separator) if item.strip()]


def _draft(
    cells: dict[str, str], where: Where, day_first: bool, headings: Mapping[str, str]
) -> Draft:
    address = ", ".join(filter(None, (cells.get("address"), cells.get("address_2")))) or None
    draft = Draft(
        where=where,
        name=cells.get("name"),
        description=cells.get("description"),
        topics=[t.strip() for t in re.split(r"[;,\n]", cells.get("topics", "")) if t.strip()],
        organisation=cells.get("organisation"),
        format=cells.get("format"),
        venue=cells.get("venue"),
        address=address,
        town=cells.get("town"),
        region=cells.get("region"),
        postcode=cells.get("postcode"),
        country=cells.get("country"),
        latitude=cells.get("latitude"),
        longitude=cells.get("longitude"),
        directions=cells.get("directions"),
        online_url=cells.get("online_url"),
        online_platform=cells.get("online_platform"),
        online_details=cells.get("online_details"),
        by_arrangement=cells.get("by_arrangement"),
        contact_name=cells.get("contact_name"),
        email=cells.get("email"),
        phone=cells.get("phone"),
        website=cells.get("website"),
        languages=_list(cells.get("languages")),
        accessibility=_list(cells.get("accessibility")),
        cost=cells.get("cost"),
        last_verified=cells.get("last_verified"),
        status=cells.get("status"),
        editor_note=cells.get("editor_note"),
        source_id=cells.get("source_id"),
    )
    draft.expect, understood = answers_from_cells(cells, where)
    draft.problems.extend(understood)
    meeting = _meeting(cells, where, day_first, draft.problems, headings)
    if meeting:
        draft.meetings.append(meeting)
    return draft


def _meeting(
    cells: dict[str, str],
    where: Where,
    day_first: bool,
    problems: list[Problem],
    headings: Mapping[str, str],
) -> DraftMeeting | None:
    """The row's meeting, from its day, frequency, week of the month and times."""
    if not any(cells.get(k) for k in ("day", "start", "end", "frequency", "week_of_month")):
        return None
    failed = False

    def bad(reason: str) -> None:
        nonlocal failed
        problems.append(error(where, reason))
        failed = True

    days = (
        parse_days(cells["day"]) if cells.get("day") else Bad("no day: say which weekday it meets")
    )
    if isinstance(days, Bad):
        bad(days.reason)
        days = Days((), ())
    frequency = parse_frequency(cells.get("frequency", ""))
    if isinstance(frequency, Bad):
        bad(frequency.reason)
        freq, interval, ordinals = None, None, ()
    else:
        freq, interval, ordinals = frequency.freq, frequency.interval, frequency.ordinals
    if cells.get("week_of_month"):
        weeks = parse_ordinals(cells["week_of_month"])
        if isinstance(weeks, Bad):
            bad(weeks.reason)
        else:
            ordinals = (*ordinals, *weeks)
    ordinals = tuple(dict.fromkeys((*ordinals, *days.ordinals)))
    opens_at = closes_at = None
    if cells.get("start"):
        times = parse_sheet_times(cells["start"], cells.get("end", ""))
        if isinstance(times, Bad):
            bad(f"{headings.get('start', 'start')}: {times.reason}")
        else:
            opens_at, closes_at = times
    elif cells.get("end"):
        bad(f"{headings.get('end', 'end')} is given but no start time")
    dtstart = None
    if cells.get("first_date"):
        parsed = parse_date(cells["first_date"], day_first)
        if isinstance(parsed, Bad):
            bad(f"first_date: {parsed.reason}")
        else:
            dtstart = parsed
    if failed:
        return None
    byday = tuple(f"{n}{d}" for d in days.days for n in ordinals) if ordinals else days.days
    return DraftMeeting(
        where=where,
        freq=freq,
        byday=byday,
        opens_at=opens_at,
        closes_at=closes_at,
        timezone=cells.get("timezone"),
        interval=interval,
        dtstart=dtstart,
        notes=cells.get("schedule_notes"),
    )


def _group_key(draft: Draft) -> tuple[str, ...]:
    """Rows of one group: same name at the same place (or the same join link)."""
    parts = (draft.name, draft.town, draft.address, draft.online_url)
    return tuple((part or "").casefold() for part in parts) + (
        ("",) if draft.name else (str(draft.where.number),)
    )
