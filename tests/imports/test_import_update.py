"""Existing files: never overwritten unless asked; with --update only what differs changes."""

from __future__ import annotations

import difflib
import shutil
from pathlib import Path

from peerkit.imports.run import report_lines
from tests.imports.conftest import FIXTURES, REPO, ImportSite, messages

HAND_WRITTEN = REPO / "content/groups/north-west/manchester-anxiety-support-circle.yml"
HEADINGS = (
    "name,description,topics,organisation,venue,address,town,region,country,latitude,longitude,"
    "day,start,end,contact name,email,phone,languages,accessibility,cost,last verified"
)
ROW = (
    "Manchester Anxiety Support Circle,{description},anxiety,Open Door Wellbeing (fictional),"
    'St Anne\'s Community Hall,"14 Chapel Street, Ancoats",Manchester,North West,GB,53.4843,'
    "-2.2301,Tuesday,18:30,20:00,Helen (group facilitator),manchester-anxiety@example.org,"
    '{phone},en,"step-free access; accessible toilet; hearing loop","Free; tea and biscuits",'
    "2026-09-14"
)
DESCRIPTION = (
    '"A friendly weekly circle for adults living with anxiety, panic or constant worry. We'
    " start with a cup of tea, then take turns to talk about the week, and end with a short"
    ' grounding exercise. First-timers are welcome to just listen; nobody is asked to speak."'
)


def _hand_written(site: ImportSite) -> Path:
    """The reference listing with a contributor's comment, as if written by hand."""
    target = site.groups / "north-west" / HAND_WRITTEN.name
    target.parent.mkdir(parents=True)
    text = HAND_WRITTEN.read_text("utf-8").replace(
        "contact:\n", "# Helen asked us to list the group's own phone.\ncontact:\n"
    )
    target.write_text(text, encoding="utf-8")
    return target


def _sheet(tmp_path: Path, phone: str) -> Path:
    sheet = tmp_path / "update.csv"
    row = ROW.format(description=DESCRIPTION, phone=phone)
    sheet.write_text(f"{HEADINGS}\n{row}\n", encoding="utf-8")
    return sheet


def test_an_existing_file_is_not_overwritten_without_update(
    import_site: ImportSite, tmp_path: Path
) -> None:
    existing = _hand_written(import_site)
    before = existing.read_bytes()

    report = import_site.run(_sheet(tmp_path, "0161 496 0999"))

    assert existing.read_bytes() == before
    assert report.count("skipped") == 1
    assert (
        "update.csv:2: warning: content/groups/north-west/manchester-anxiety-support-circle.yml"
        " exists and differs in contact.phone: give --update to change it"
    ) in messages(report)


def test_update_changes_only_the_fields_that_differ_and_keeps_comments(
    import_site: ImportSite, tmp_path: Path
) -> None:
    existing = _hand_written(import_site)
    before = existing.read_text("utf-8")

    report = import_site.run(_sheet(tmp_path, "0161 496 0999"), update=True)

    after = existing.read_text("utf-8")
    changed = [
        line
        for line in difflib.ndiff(before.splitlines(), after.splitlines())
        if line.startswith(("- ", "+ "))
    ]
    assert changed == ['-   phone: "01632 960101"', '+   phone: "0161 496 0999"']
    assert "# Helen asked us to list the group's own phone." in after
    assert report.outcomes[0].changed == ("contact.phone",)
    assert (report.count("updated"), report.count("created")) == (1, 0)
    assert import_site.errors() == []


def test_importing_the_same_data_again_changes_nothing(
    import_site: ImportSite, tmp_path: Path
) -> None:
    existing = _hand_written(import_site)
    before = existing.read_bytes()

    report = import_site.run(_sheet(tmp_path, "01632 960101"), update=True)

    assert existing.read_bytes() == before
    assert report.summary() == "created 0, updated 0, unchanged 1, skipped 0"


def test_an_update_does_not_put_stand_ins_over_real_values(
    import_site: ImportSite, tmp_path: Path
) -> None:
    existing = _hand_written(import_site)
    sheet = tmp_path / "thin.csv"
    sheet.write_text(
        "name,topics,address,town,region,day,start,end\n"
        'Manchester Anxiety Support Circle,anxiety,"14 Chapel Street, Ancoats",Manchester,'
        "North West,Wednesday,18:30,20:00\n",
        encoding="utf-8",
    )

    report = import_site.run(sheet, update=True)

    text = existing.read_text("utf-8")
    assert "A friendly weekly circle" in text
    assert "last_verified: 2026-09-14" in text
    assert "byday: WE" in text
    assert report.outcomes[0].changed == ("schedule[1].byday",)


def test_a_stated_default_time_zone_replaces_another_zone_in_the_file(
    import_site: ImportSite, tmp_path: Path
) -> None:
    existing = _hand_written(import_site)
    existing.write_text(
        existing.read_text("utf-8").replace("Europe/London", "Europe/Dublin"), encoding="utf-8"
    )
    sheet = tmp_path / "zone.csv"
    sheet.write_text(
        "name,topics,address,town,region,day,start,end,timezone\n"
        'Manchester Anxiety Support Circle,anxiety,"14 Chapel Street, Ancoats",Manchester,'
        "North West,Tuesday,18:30,20:00,Europe/London\n",
        encoding="utf-8",
    )

    import_site.run(sheet, update=True)

    assert "timezone" not in existing.read_text("utf-8")
    assert import_site.group("Manchester Anxiety Support Circle").schedule[0].timezone is None


def test_dry_run_lists_what_would_be_written_and_writes_nothing(
    import_site: ImportSite,
) -> None:
    report = import_site.run(FIXTURES / "groups-spreadsheet.csv", dry_run=True)

    lines = report_lines(report, dry_run=True)
    assert (
        "would create content/groups/yorkshire/leeds-anxiety-circle.yml"
        " from groups-spreadsheet.csv:2"
    ) in lines
    assert lines[-1] == (
        "CSV spreadsheet: created 6, updated 0, unchanged 0, skipped 2 (dry run: nothing written)"
    )
    assert not import_site.groups.exists()


def test_dry_run_of_an_update_writes_nothing(import_site: ImportSite, tmp_path: Path) -> None:
    existing = _hand_written(import_site)
    before = existing.read_bytes()

    report = import_site.run(_sheet(tmp_path, "0161 496 0999"), update=True, dry_run=True)

    assert existing.read_bytes() == before
    assert (
        "would update content/groups/north-west/manchester-anxiety-support-circle.yml"
        " (contact.phone) from update.csv:2"
    ) in report_lines(report, dry_run=True)


def test_a_group_file_elsewhere_under_groups_counts_as_existing(
    import_site: ImportSite, tmp_path: Path
) -> None:
    moved = import_site.groups / "greater-manchester" / HAND_WRITTEN.name
    moved.parent.mkdir(parents=True)
    shutil.copy(HAND_WRITTEN, moved)

    report = import_site.run(_sheet(tmp_path, "01632 960101"))

    assert report.count("unchanged") == 1
    assert import_site.files() == [f"greater-manchester/{HAND_WRITTEN.name}"]


def test_a_file_of_the_same_name_in_another_town_is_another_group(
    import_site: ImportSite, tmp_path: Path
) -> None:
    existing = _hand_written(import_site)
    before = existing.read_bytes()
    sheet = tmp_path / "other-town.csv"
    sheet.write_text(
        "name,topics,address,town,region,day,start,end\n"
        "Manchester Anxiety Support Circle,anxiety,1 Bridge Street,Salford,North West,"
        "Monday,18:00,19:00\n",
        encoding="utf-8",
    )

    report = import_site.run(sheet, update=True)

    assert existing.read_bytes() == before
    assert report.count("created") == 1
    assert "north-west/manchester-anxiety-support-circle-salford.yml" in import_site.files()
    assert import_site.errors() == []
