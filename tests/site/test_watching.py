"""`peerkit serve` hears of a save from the system's file events, and polls for the rest.

These run real observers on a temporary folder: the system's events (inotify
here) and a poll, as the preview server would.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from mkdocs.livereload import LiveReloadServer
from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers.polling import PollingObserver

from peerkit.mkdocs_plugin.watching import ChangeJournal, EventsAndPolling


class Recorder(FileSystemEventHandler):
    def __init__(self) -> None:
        self.events: list[FileSystemEvent] = []

    def on_any_event(self, event: FileSystemEvent) -> None:
        self.events.append(event)


def _wait_for(condition, seconds: float) -> bool:  # type: ignore[no-untyped-def]
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if condition():
            return True
        time.sleep(0.02)
    return condition()


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "stories").mkdir()
    (tmp_path / "stories" / "a-story.md").write_text("First words.\n", "utf-8")
    return tmp_path


def _watching(folder: Path, fallback_seconds: float, native: bool = True):  # type: ignore[no-untyped-def]
    watcher = EventsAndPolling(PollingObserver(timeout=0.1), fallback_seconds)
    if not native:
        watcher.native = None
    recorder = Recorder()
    watcher.schedule(recorder, str(folder), recursive=True)
    watcher.start()
    return watcher, recorder


def test_a_save_is_heard_before_any_poll_and_passed_on_once(folder: Path) -> None:
    watcher, recorder = _watching(folder, fallback_seconds=1.0)
    try:
        time.sleep(0.2)
        (folder / "stories" / "a-story.md").write_text("Second words, longer.\n", "utf-8")
        assert _wait_for(lambda: recorder.events, 0.8), "no event before the first poll"
        time.sleep(0.3)  # the system's events for this one write are all in
        heard = len(recorder.events)
        time.sleep(2.5)  # the fallback poll has looked twice since
        assert len(recorder.events) == heard
    finally:
        watcher.stop()
        watcher.join()


def test_once_the_system_tells_of_a_save_first_the_poll_stops(folder: Path) -> None:
    watcher = EventsAndPolling(PollingObserver(timeout=0.1), fallback_seconds=1.0)
    recorder = Recorder()
    watch = watcher.schedule(recorder, str(folder), recursive=True)
    watcher.start()
    story = folder / "stories" / "a-story.md"
    try:
        assert len(watcher.fallback.emitters) == 1
        time.sleep(0.2)
        story.write_text("Second words, longer.\n", "utf-8")
        assert _wait_for(lambda: recorder.events, 0.8), "no event before the first poll"
        assert _wait_for(lambda: not watcher.fallback.emitters, 2.0), "the poll runs on"
        time.sleep(0.3)
        heard = len(recorder.events)
        story.write_text("Third words, longer still.\n", "utf-8")
        assert _wait_for(lambda: len(recorder.events) > heard, 0.8), "a later save unheard"
        watcher.unschedule(watch)
    finally:
        watcher.stop()
        watcher.join()


def test_reading_a_file_is_not_a_change(folder: Path) -> None:
    watcher, recorder = _watching(folder, fallback_seconds=0.2)
    try:
        time.sleep(0.3)
        assert (folder / "stories" / "a-story.md").read_text("utf-8") == "First words.\n"
        time.sleep(0.8)
        assert recorder.events == []
    finally:
        watcher.stop()
        watcher.join()


def test_without_file_events_the_poll_finds_the_change(folder: Path) -> None:
    watcher, recorder = _watching(folder, fallback_seconds=0.2, native=False)
    try:
        time.sleep(0.3)
        (folder / "stories" / "new-story.md").write_text("New.\n", "utf-8")
        assert _wait_for(
            lambda: any(e.src_path.endswith("new-story.md") for e in recorder.events), 2.0
        )
    finally:
        watcher.stop()
        watcher.join()


def test_the_plugin_hands_the_preview_server_both(tmp_path: Path) -> None:
    """What MkDocs watched before the plugin took over (docs/) stays with its poll."""
    from mkdocs.config import load_config

    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text("# Home\n", "utf-8")
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: Watch test\ntheme:\n  name: material\nplugins:\n  - peerkit\n", "utf-8"
    )
    config = load_config(str(tmp_path / "mkdocs.yml"))
    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(tmp_path))
    server.watch(str(tmp_path / "docs"))

    server = config.plugins.on_serve(server, config=config, builder=lambda: None)

    assert isinstance(server.observer, EventsAndPolling)
    server.unwatch(str(tmp_path / "docs"))
    server.unwatch(str(tmp_path / "content"))


def test_the_journal_names_the_files_changed_once_the_events_are_proven(folder: Path) -> None:
    watcher = EventsAndPolling(PollingObserver(timeout=0.1), fallback_seconds=5.0)
    recorder = Recorder()
    watcher.schedule(recorder, str(folder), recursive=True)
    journal = watcher.journal(str(folder))
    assert journal is not None
    watcher.start()
    story = folder / "stories" / "a-story.md"
    try:
        time.sleep(0.2)
        # Nothing is proven yet: the next load looks at every file.
        assert journal.take() is None
        story.write_text("Second words, longer.\n", "utf-8")
        assert _wait_for(lambda: recorder.events, 2.0)
        time.sleep(0.2)
        assert journal.take() == {"stories/a-story.md"}
        assert journal.take() == frozenset()

        (folder / "stories" / "new-story.md").write_text("New.\n", "utf-8")
        story.unlink()
        assert _wait_for(lambda: len(recorder.events) >= 3, 2.0)
        time.sleep(0.2)
        assert journal.take() == {"stories/new-story.md", "stories/a-story.md"}

        # A folder made or moved in brings files no event names.
        (folder / "tips").mkdir()
        assert _wait_for(lambda: journal.take() is None, 2.0)
        assert journal.take() == frozenset()
    finally:
        watcher.stop()
        watcher.join()


def test_without_file_events_there_is_no_journal_to_trust(folder: Path) -> None:
    watcher, _ = _watching(folder, fallback_seconds=0.2, native=False)
    try:
        assert watcher.journal(str(folder)) is None
    finally:
        watcher.stop()
        watcher.join()


def test_changes_taken_but_not_loaded_make_the_next_load_look_at_everything(
    folder: Path,
) -> None:
    journal = ChangeJournal(str(folder))
    journal.prove()
    assert journal.take() is None  # nothing was noted before: the first load walks
    assert journal.take() == frozenset()

    journal.missed()

    assert journal.take() is None
    assert journal.take() == frozenset()


def test_once_caught_up_with_what_changed_before_the_first_take_is_whole(folder: Path) -> None:
    journal = ChangeJournal(str(folder))
    journal.prove()
    journal.caught_up({"stories/edited-while-building.md"})

    assert journal.take() == {"stories/edited-while-building.md"}
