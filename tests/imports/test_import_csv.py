"""A messy spreadsheet (BOM, semicolons, mixed-case headings, bad rows) imports what it can."""

from __future__ import annotations

from datetime import date

from peerkit.imports.csv_source import columns_help, header_key
from tests.imports.conftest import FIXTURES, ImportSite, messages

SHEET = FIXTURES / "groups-spreadsheet.csv"


def test_spreadsheet_rows_become_group_files_by_region(import_site: ImportSite) -> None:
    report = import_site.run(SHEET)

    assert report.kind == "CSV spreadsheet"
    assert import_site.files() == [
        "online/night-owls-online.yml",
        "yorkshire/bradford-carers-coffee.yml",
        "yorkshire/harrogate-walk-and-talk.yml",
        "yorkshire/leeds-anxiety-circle.yml",
        "yorkshire/otley-grief-cafe.yml",
        "yorkshire/skipton-hybrid-recovery-meeting.yml",
    ]
    assert (report.count("created"), report.count("skipped")) == (6, 2)


def test_imported_files_pass_the_site_check(import_site: ImportSite) -> None:
    import_site.run(SHEET)

    assert import_site.errors() == []


def test_bad_rows_are_reported_with_their_row_number_and_the_rest_import(
    import_site: ImportSite,
) -> None:
    report = import_site.run(SHEET)

    found = messages(report)
    assert "groups-spreadsheet.csv:5: error: unknown day 'Tusday'" in found
    assert "groups-spreadsheet.csv:7: error: no start time" in found
    assert "groups-spreadsheet.csv:1: warning: column 'Favourite biscuit' is not used" in found
    assert not (import_site.groups / "yorkshire" / "wakefield-tuesday-group.yml").exists()
    assert report.has_errors


def test_rows_of_one_group_at_two_times_become_one_group_with_two_meetings(
    import_site: ImportSite,
) -> None:
    report = import_site.run(SHEET)

    leeds = import_site.group("Leeds Anxiety Circle")
    assert [(tuple(map(str, m.byday)), m.opens_at, m.closes_at) for m in leeds.schedule] == [
        (("TU", "TH"), "18:30", "20:00"),
        (("SA",), "10:00", "11:30"),
    ]
    assert any(
        p.startswith("groups-spreadsheet.csv:6: warning: description differs")
        for p in messages(report)
    )


def test_spreadsheet_values_are_read_leniently(import_site: ImportSite) -> None:
    import_site.run(SHEET)

    leeds = import_site.group("Leeds Anxiety Circle")
    assert leeds.location is not None
    assert (leeds.location.latitude, leeds.location.longitude) == (53.7997, -1.5431)
    assert leeds.last_verified == date(2026, 3, 14)
    assert leeds.accessibility == ("step-free access", "hearing loop")
    otley = import_site.group("Otley Grief Café")
    assert (otley.schedule[0].freq, tuple(map(str, otley.schedule[0].byday))) == (
        "MONTHLY",
        ("1WE", "3WE"),
    )
    assert otley.topics == ("grief",)
    assert otley.languages == ("en", "pl")
    assert otley.cost == "Free; cake"
    owls = import_site.group("Night Owls (online)")
    assert (owls.format, owls.region, owls.online and owls.online.platform) == (
        "online",
        "Online",
        "Zoom",
    )
    assert owls.last_verified == date(2026, 3, 1)


def test_fortnightly_meeting_counts_from_its_first_date(import_site: ImportSite) -> None:
    report = import_site.run(SHEET)

    walk = import_site.group("Harrogate Walk and Talk").schedule[0]
    assert (walk.freq, walk.interval, tuple(map(str, walk.byday))) == ("WEEKLY", 2, ("SA",))
    assert (walk.opens_at, walk.closes_at) == ("10:00", "11:00")
    assert "groups-spreadsheet.csv:8: warning: no end time; assumed one hour, to 11:00" in (
        messages(report)
    )


def test_values_that_cannot_be_used_are_left_out_with_a_warning(import_site: ImportSite) -> None:
    report = import_site.run(SHEET)

    found = messages(report)
    assert any(
        m.startswith("groups-spreadsheet.csv:9: warning: unknown topic 'Knitting'") for m in found
    )
    assert (
        "groups-spreadsheet.csv:9: warning: email 'carers at example.org' is not an email address;"
        " left out"
    ) in found
    carers = import_site.group("Bradford Carers Coffee")
    assert carers.topics == ("caring",)
    assert carers.contact is None
    skipton = import_site.group("Skipton Hybrid Recovery Meeting")
    assert skipton.online is not None
    assert skipton.online.url == "https://meet.example.org/skipton-recovery"


def test_a_comma_separated_sheet_without_bom_and_with_other_headings(
    import_site: ImportSite, tmp_path
) -> None:
    sheet = tmp_path / "list.csv"
    sheet.write_text(
        "Meeting Name,Topics,Street Address,Town/City,ZIP,Days,How often,Start time,End Time,Online\n"
        'Ely Coffee Club,"loneliness, caring",3 Fore Hill,Ely,CB7 4AA,Mon & Wed,weekly,10.30,12.00,\n',
        encoding="utf-8",
    )

    report = import_site.run(sheet)

    ely = import_site.group("Ely Coffee Club")
    assert ely.topics == ("loneliness", "caring")
    assert ely.location is not None
    assert (ely.location.town, ely.location.postcode, ely.region) == ("Ely", "CB7 4AA", "Ely")
    assert (tuple(map(str, ely.schedule[0].byday)), ely.schedule[0].opens_at) == (
        ("MO", "WE"),
        "10:30",
    )
    assert any("no description; wrote a stand-in" in m for m in messages(report))
    assert import_site.errors() == []


def test_two_groups_of_one_name_get_the_town_added_to_the_second(
    import_site: ImportSite, tmp_path
) -> None:
    sheet = tmp_path / "clash.csv"
    sheet.write_text(
        "name,description,topics,address,town,region,day,start,end\n"
        "Carers Café,Tea for carers.,caring,1 Main St,York,Yorkshire,Mon,10:00,11:00\n"
        "Carers Café,Tea for carers.,caring,1 High St,Hull,Yorkshire,Tue,10:00,11:00\n",
        encoding="utf-8",
    )

    import_site.run(sheet)

    assert import_site.files() == ["yorkshire/carers-cafe-hull.yml", "yorkshire/carers-cafe.yml"]
    assert import_site.errors() == []


def test_headings_are_matched_without_case_spaces_or_notes() -> None:
    assert header_key("  Start Time (HH:MM) ") == "start time"
    assert header_key("E-MAIL") == "e mail"
    assert header_key("Day(s)") == "day"


def test_the_help_names_every_column() -> None:
    text = columns_help()

    for column in ("name", "topics", "postcode", "day", "week_of_month", "start", "last_verified"):
        assert f"\n  {column} " in "\n" + text


def test_a_title_row_above_the_headings_is_passed_over(import_site: ImportSite, tmp_path) -> None:
    sheet = tmp_path / "titled.csv"
    sheet.write_text(
        "Our peer groups, spring 2026;;;;;;\n"
        ";;;;;;\n"
        "Name;Topics;Address;Town;Day;Start;End\n"
        "Selby Cuppa Club;loneliness;2 Gowthorpe;Selby;Fri;14:00;15:30\n",
        encoding="utf-8",
    )

    report = import_site.run(sheet)

    assert report.count("created") == 1
    assert tuple(map(str, import_site.group("Selby Cuppa Club").schedule[0].byday)) == ("FR",)
    assert report.outcomes[0].where.number == 4


def test_a_contact_column_holding_an_email_or_a_number_fills_those_fields(
    import_site: ImportSite, tmp_path
) -> None:
    """Sheets often have one "Contact" column with the address or number in it; the page
    must offer to write or call, not say "ask for 07700 900123"."""
    sheet = tmp_path / "contacts.csv"
    sheet.write_text(
        "Group Name,Topic,Day,Start,Venue,Town,Postcode,Contact,Email\r\n"
        "Leeds Grief Cafe,Bereavement,Tuesdays,7.30pm,St Mary's Hall,Leeds,LS1 4AP,leeds@example.org,\r\n"
        "Bristol Low Mood Circle,Depression,Mondays,19:00,The Old Library,Bristol,BS1 5TR,07700 900123,\r\n"
        "Bath Walk and Talk,Loneliness,Saturdays,10am,Park gates,Bath,BA1 1AA,Sam (host),sam@example.org\r\n",
        encoding="utf-8",
    )

    import_site.run(sheet)

    leeds = import_site.group("Leeds Grief Cafe").contact
    bristol = import_site.group("Bristol Low Mood Circle").contact
    bath = import_site.group("Bath Walk and Talk").contact
    assert leeds is not None and (leeds.name, leeds.email) == (None, "leeds@example.org")
    assert bristol is not None and (bristol.name, bristol.phone) == (None, "07700 900123")
    assert bath is not None and (bath.name, bath.email) == ("Sam (host)", "sam@example.org")
    assert import_site.errors() == []
