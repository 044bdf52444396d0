"""Exports written by a second process while MkDocs builds the pages."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

from peerkit import forked
from peerkit.mkdocs_plugin.background_files import BackgroundFiles, BackgroundFilesError
from peerkit.render.page import GeneratedFile

REPO = Path(__file__).resolve().parents[2]


def _files() -> Iterator[GeneratedFile]:
    yield GeneratedFile("groups/wales/calendar.ics", b"BEGIN:VCALENDAR\r\n")
    yield GeneratedFile("groups/hsds/organizations.csv", "id,name\n1,Café\n".encode())


def test_a_forked_process_writes_every_file_and_names_it(tmp_path: Path) -> None:
    writer = BackgroundFiles(_files, tmp_path)
    writer.start()
    assert writer.finish() == ["groups/wales/calendar.ics", "groups/hsds/organizations.csv"]
    assert (tmp_path / "groups/hsds/organizations.csv").read_text("utf-8") == "id,name\n1,Café\n"
    assert (tmp_path / "groups/wales/calendar.ics").read_bytes() == b"BEGIN:VCALENDAR\r\n"


SEEN_IN_THIS_PROCESS = "no"


def _place_with_what_it_sees(site_dir: Path) -> list[str]:
    (site_dir / "placed.txt").write_text(f"{os.getpid()} {SEEN_IN_THIS_PROCESS}", "utf-8")
    return ["placed.txt"]


def test_the_placed_files_are_made_in_a_new_interpreter_that_shares_no_memory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A fork would see the value set here; a new interpreter imports this module afresh.
    monkeypatch.setattr(f"{__name__}.SEEN_IN_THIS_PROCESS", "yes")
    writer = BackgroundFiles(_files, tmp_path, _place_with_what_it_sees)
    writer.start()
    assert writer.finish()[-1] == "placed.txt"
    pid, seen = (tmp_path / "placed.txt").read_text("utf-8").split()
    assert int(pid) != os.getpid()
    assert seen == "no"
    assert (tmp_path / "groups/wales/calendar.ics").is_file()


def test_where_forking_is_not_safe_the_files_are_written_in_this_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(forked.sys, "platform", "darwin")
    writer = BackgroundFiles(_files, tmp_path)
    writer.start()
    assert not (tmp_path / "groups").exists()
    assert len(writer.finish()) == 2
    assert (tmp_path / "groups/wales/calendar.ics").is_file()


def test_a_failure_in_the_writing_process_comes_back_as_its_message(tmp_path: Path) -> None:
    def broken() -> Iterator[GeneratedFile]:
        yield GeneratedFile("ok.txt", b"1")
        raise ValueError("region 'Kent' has no groups")

    writer = BackgroundFiles(broken, tmp_path)
    writer.start()
    with pytest.raises(BackgroundFilesError, match="ValueError: region 'Kent' has no groups"):
        writer.finish()


def test_a_path_that_leaves_the_site_is_refused(tmp_path: Path) -> None:
    site = tmp_path / "site"
    writer = BackgroundFiles(lambda: [GeneratedFile("../outside.txt", b"x")], site)
    writer.start()
    with pytest.raises(BackgroundFilesError, match="not a path inside the site"):
        writer.finish()
    assert not (tmp_path / "outside.txt").exists()


def test_a_docs_file_at_the_address_of_an_export_stops_the_build(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    for name in ("content", "docs", "overrides"):
        shutil.copytree(REPO / name, tmp_path / name)
    shutil.copy(REPO / "mkdocs.yml", tmp_path / "mkdocs.yml")
    (tmp_path / "docs" / "groups").mkdir(exist_ok=True)
    (tmp_path / "docs" / "groups" / "meeting-guide.json").write_text("[]", "utf-8")
    config = load_config(str(tmp_path / "mkdocs.yml"), site_dir=str(tmp_path / "out"))
    with pytest.raises(Abort):
        build(config)
    assert "docs/groups/meeting-guide.json has the same address" in caplog.text
