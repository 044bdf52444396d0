"""content/ to a `Site`, with every problem of every file in one pass.

Each file is read, parsed and validated on its own; a file with errors
contributes diagnostics and no record, so the rest can still be checked and
the contributor sees everything that is wrong at once.
"""

from __future__ import annotations

import os
import re
import stat
import time
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

from peerkit.load.diagnostics import Diagnostic, error
from peerkit.load.source_files import (
    SourceText,
    display_path,
    read_source,
    split_front_matter,
)
from peerkit.load.validate import validate
from peerkit.load.yaml_source import YamlProblem, parse_yaml
from peerkit.model.positions import Located
from peerkit.model.records import (
    Consent,
    Contact,
    Crisis,
    CrisisLine,
    Group,
    Location,
    Meeting,
    Online,
    Site,
    Source,
    Story,
    Tip,
    Topic,
    TopicTranslation,
)
from peerkit.model.schemas import RecordKind

_SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
R = TypeVar("R")
# A group's name and its region also name a calendar: X-WR-CALNAME, one line of an
# .ics file, where a line break stops the build. The schema allows multi-line text.
_ONE_LINE: dict[RecordKind, tuple[tuple[str, ...], ...]] = {
    "group": (("name",), ("region",), ("location", "region")),
}


def load_site(
    root: Path, content_dir: Path, default_timezone: str, remember: bool = False
) -> tuple[Site, list[Diagnostic]]:
    """Load everything under ``content_dir``; paths in diagnostics are relative to ``root``.

    ``remember``: keep every file's text, record and problems for the next load in
    this process (`peerkit serve`, which loads again on every save)."""
    loader = _Loader(root, content_dir, default_timezone)
    topics = loader.load_topics()
    crisis = loader.load_crisis()
    stories = loader.load_records(
        "stories", (".md",), "story", loader.markdown_record, loader.story
    )
    tips = loader.load_records("tips", (".md",), "tip", loader.markdown_record, loader.tip)
    groups = loader.load_records(
        "groups", (".yml", ".yaml"), "group", loader.yaml_record, loader.group
    )
    site = Site(topics=topics, stories=stories, tips=tips, groups=groups, crisis=crisis)
    _RECORDS.clear()
    _UNCHANGED.clear()
    if remember:
        _RECORDS.update(loader.remembered)
        _UNCHANGED.update(loader.signatures)
    return site, loader.diagnostics


# Parsing and validating a file is a pure function of its path, its text and the
# default time zone. `peerkit serve` loads a site of tens of thousands of files
# again on every save: files whose text did not change give back the record and
# problems of last time. Only the files of the last load are kept, and only when
# asked: a build would hold every file's text for nothing.
_FileKey = tuple[str, str, str, str]
_RECORDS: dict[_FileKey, tuple[Any, tuple[Diagnostic, ...]]] = {}

# Reading 25,000 files takes longer than a save should. A file whose status says
# it was not touched (the same size, times and inode, as git's index tells) is not
# read again: its key of last time stands. A link is always read (its target may
# have moved), and a file changed within _RACY_NS of being read is read again,
# since a second change within the file system's clock tick would not show.
_Signature = tuple[int, int, int, int, int]
_UNCHANGED: dict[str, tuple[_Signature, _FileKey]] = {}
_RACY_NS = 2_000_000_000


def _signature(path: str) -> _Signature | None:
    """The status that tells a file unchanged, or None where only reading can tell."""
    try:
        status = os.lstat(path)
    except OSError:
        return None
    if not stat.S_ISREG(status.st_mode) or status.st_mtime_ns > time.time_ns() - _RACY_NS:
        return None
    return (status.st_size, status.st_mtime_ns, status.st_ctime_ns, status.st_ino, status.st_dev)


class _Loader:
    def __init__(self, root: Path, content_dir: Path, default_timezone: str) -> None:
        self.root = root
        self.content_dir = content_dir
        self.default_timezone = default_timezone
        self.diagnostics: list[Diagnostic] = []
        self.remembered: dict[_FileKey, tuple[Any, tuple[Diagnostic, ...]]] = {}
        self.signatures: dict[str, tuple[_Signature, _FileKey]] = {}

    def _key(self, kind: str, source: SourceText) -> _FileKey:
        return (kind, source.rel, source.text, self.default_timezone)

    def _recall(self, key: _FileKey) -> tuple[bool, Any]:
        """Whether the last load had this file, and then its record (None for a file
        with problems, which are reported again)."""
        if key not in _RECORDS:
            return False, None
        record, problems = _RECORDS[key]
        self.diagnostics.extend(problems)
        self.remembered[key] = (record, problems)
        return True, record

    def once(
        self, kind: str, source: SourceText, load: Callable[..., R | None], *args: Any
    ) -> R | None:
        """``load(*args)``'s record and problems for this file, or those of the last
        load if its text is unchanged."""
        key = self._key(kind, source)
        known, record = self._recall(key)
        if not known:
            before = len(self.diagnostics)
            record = load(*args)
            self.remembered[key] = (record, tuple(self.diagnostics[before:]))
        return record

    def unchanged(self, kind: str, path: str) -> tuple[bool, Any]:
        """`_recall` for a file untouched since the last load, without reading it."""
        signature = _signature(path)
        known = _UNCHANGED.get(path)
        if signature is None or known is None or known[0] != signature:
            return False, None
        key = known[1]
        if key[0] != kind or key[3] != self.default_timezone:
            return False, None
        found, record = self._recall(key)
        if found:
            self.signatures[path] = (signature, key)
        return found, record

    def read_new(self, kind: str, path: str, load: Callable[..., R | None], *args: Any) -> R | None:
        """Read, parse and check a file that may have changed (see `once`)."""
        signature = _signature(path)
        source = self.read(Path(path))
        if source is None:
            return None
        record = self.once(kind, source, load, Path(path), source, *args)
        if signature is not None:
            self.signatures[path] = (signature, self._key(kind, source))
        return record

    def rel(self, path: Path) -> str:
        return display_path(path, self.root)

    def read(self, path: Path) -> SourceText | None:
        result = read_source(path, self.root, self.content_dir)
        if isinstance(result, Diagnostic):
            self.diagnostics.append(result)
            return None
        return result

    def parse(self, text: str, rel: str, line_offset: int = 0) -> Located | None:
        try:
            return parse_yaml(text, line_offset)
        except YamlProblem as problem:
            self.diagnostics.append(error(rel, problem.line, problem.col, problem.message))
            return None

    def checked(self, kind: RecordKind, located: Located, rel: str) -> bool:
        problems = validate(kind, located, rel) + _line_breaks_in_names(kind, located, rel)
        self.diagnostics.extend(problems)
        return not problems

    def files(self, folder: str, suffixes: Iterable[str]) -> list[str]:
        """The folder's files, hidden ones left out, in the order of their paths."""
        base = self.content_dir / folder
        if not base.is_dir():
            return []
        found = list(self._walk(str(base)))
        wanted = tuple(suffixes)
        for path in found:
            if not path.endswith(wanted):
                self.diagnostics.append(
                    error(
                        self.rel(Path(path)),
                        1,
                        1,
                        f"not a {' or '.join(wanted)} file; it is ignored",
                    )
                )
        return sorted((p for p in found if p.endswith(wanted)), key=lambda p: p.split(os.sep))

    def _walk(self, folder: str) -> Iterator[str]:
        """Regular files and links under ``folder``, not following links to folders."""
        try:
            with os.scandir(folder) as scan:
                entries = list(scan)
        except OSError:
            self.diagnostics.append(error(self.rel(Path(folder)), 1, 1, "folder cannot be read"))
            return
        for entry in entries:
            if entry.name.startswith("."):
                continue
            if entry.is_symlink() or entry.is_file(follow_symlinks=False):
                yield entry.path
            elif entry.is_dir(follow_symlinks=False):
                yield from self._walk(entry.path)

    def slug_for(self, data: dict[str, Any], path: Path, rel: str) -> str | None:
        if "slug" in data:
            return data["slug"]
        stem = path.name.rsplit(".", 1)[0]
        if _SLUG.match(stem):
            return stem
        self.diagnostics.append(
            error(
                rel,
                1,
                1,
                "file name is not a valid web address: rename it in lower-case words joined by"
                " hyphens (for example my-story.md) or set 'slug'",
            )
        )
        return None

    def load_topics(self) -> tuple[Topic, ...]:
        located, rel = self.load_single("topics.yml", "topics")
        if located is None:
            return ()
        return tuple(
            Topic(
                item["slug"],
                item["title"],
                item["description"],
                _sub_source(rel, located, i),
                tuple(
                    TopicTranslation(language, text["title"], text["description"])
                    for language, text in item.get("translations", {}).items()
                ),
            )
            for i, item in enumerate(located.data)
        )

    def load_crisis(self) -> Crisis:
        located, _ = self.load_single("crisis.yml", "crisis")
        if located is None:
            return Crisis(None, ())
        data = located.data
        return Crisis(data.get("intro"), tuple(CrisisLine(**line) for line in data["lines"]))

    def load_single(self, name: str, kind: RecordKind) -> tuple[Located | None, str]:
        path = self.content_dir / name
        rel = self.rel(path)
        if not path.exists():
            self.diagnostics.append(error(rel, 1, 1, f"missing: every site needs {name}"))
            return None, rel
        source = self.read(path)
        if source is None:
            return None, rel
        located = self.parse(source.text, rel)
        if located is None or not self.checked(kind, located, rel):
            return None, rel
        return located, rel

    def load_records(
        self,
        folder: str,
        suffixes: tuple[str, ...],
        kind: RecordKind,
        record_of: Callable[..., R | None],
        build: Callable[..., R],
    ) -> tuple[R, ...]:
        """Every file of a folder as a record; a file with problems adds diagnostics instead."""
        records: list[R] = []
        for path in self.files(folder, suffixes):
            known, record = self.unchanged(kind, path)
            if not known:
                record = self.read_new(kind, path, record_of, kind, build)
            if record is not None:
                records.append(record)
        return tuple(records)

    def markdown_record(
        self,
        path: Path,
        source: SourceText,
        kind: RecordKind,
        build: Callable[[dict[str, Any], str, int, Source], R],
    ) -> R | None:
        split = split_front_matter(source)
        if isinstance(split, Diagnostic):
            self.diagnostics.append(split)
            return None
        located = self.parse(split.yaml, source.rel, line_offset=1)
        if located is None:
            return None
        if not isinstance(located.data, dict):
            self.diagnostics.append(error(source.rel, 2, 1, "front matter must be a set of fields"))
            return None
        if not self.checked(kind, located, source.rel):
            return None
        slug = self.slug_for(located.data, path, source.rel)
        if slug is None:
            return None
        if not split.body.strip():
            self.diagnostics.append(
                error(source.rel, split.body_line, 1, f"the {kind} has no text")
            )
            return None
        return build(
            located.data | {"slug": slug}, split.body, split.body_line, Source(source.rel, located)
        )

    def yaml_record(
        self,
        path: Path,
        source: SourceText,
        kind: RecordKind,
        build: Callable[[dict[str, Any], Source], R],
    ) -> R | None:
        located = self.parse(source.text, source.rel)
        if located is None:
            return None
        if not isinstance(located.data, dict):
            self.diagnostics.append(
                error(source.rel, 1, 1, f"a {kind} file must be a set of fields")
            )
            return None
        if not self.checked(kind, located, source.rel):
            return None
        slug = self.slug_for(located.data, path, source.rel)
        if slug is None:
            return None
        return build(located.data | {"slug": slug}, Source(source.rel, located))

    def story(self, data: dict[str, Any], body: str, body_line: int, source: Source) -> Story:
        consent = data["consent"]
        return Story(
            slug=data["slug"],
            title=data["title"],
            author=None if data.get("anonymous") else data.get("author"),
            date=date.fromisoformat(data["date"]),
            topics=tuple(data["topics"]),
            summary=data["summary"],
            content_warnings=tuple(data.get("content_warnings", ())),
            consent=Consent(date.fromisoformat(consent["date"]), consent.get("method")),
            language=data.get("language"),
            status=data.get("status", "published"),
            example=data.get("example", False),
            body=body,
            body_line=body_line,
            source=source,
        )

    def tip(self, data: dict[str, Any], body: str, body_line: int, source: Source) -> Tip:
        return Tip(
            slug=data["slug"],
            title=data["title"],
            topics=tuple(data["topics"]),
            summary=data["summary"],
            related_stories=tuple(data.get("related_stories", ())),
            language=data.get("language"),
            status=data.get("status", "published"),
            example=data.get("example", False),
            body=body,
            body_line=body_line,
            source=source,
        )

    def group(self, data: dict[str, Any], source: Source) -> Group:
        location = Location(**data["location"]) if "location" in data else None
        region = location.region if location else data.get("region", "Online")
        return Group(
            slug=data["slug"],
            name=data["name"],
            description=data["description"],
            topics=tuple(data["topics"]),
            organisation=data.get("organisation"),
            format=data["format"],
            region=region,
            location=location,
            online=Online(**data["online"]) if "online" in data else None,
            schedule=tuple(
                Meeting(
                    freq=m["freq"],
                    byday=tuple(m["byday"].split(",")),
                    opens_at=m["opens_at"],
                    closes_at=m["closes_at"],
                    timezone=m.get("timezone", self.default_timezone),
                    interval=m.get("interval", 1),
                    dtstart=date.fromisoformat(m["dtstart"]) if "dtstart" in m else None,
                    notes=m.get("notes"),
                )
                for m in data.get("schedule", ())
            ),
            by_arrangement=data.get("by_arrangement"),
            contact=Contact(**data["contact"]) if "contact" in data else None,
            languages=tuple(data.get("languages", ())),
            accessibility=tuple(data.get("accessibility", ())),
            cost=data.get("cost"),
            last_verified=date.fromisoformat(data["last_verified"]),
            status=data.get("status", "published"),
            example=data.get("example", False),
            source=source,
            language=data.get("language"),
        )


def _line_breaks_in_names(kind: RecordKind, located: Located, rel: str) -> list[Diagnostic]:
    problems: list[Diagnostic] = []
    for path in _ONE_LINE.get(kind, ()):
        value: Any = located.data
        for key in path:
            value = value.get(key) if isinstance(value, dict) else None
        if isinstance(value, str) and ("\n" in value or "\r" in value):
            line, col = located.value_at(path)
            name = ".".join(path)
            problems.append(
                error(rel, line, col, f"{name}: must be on one line (it names a calendar)")
            )
    return problems


def _sub_source(rel: str, located: Located, index: int) -> Source:
    """A source for one item of a list file (topics.yml), positions re-rooted at the item."""
    prefix = (index,)
    values = {k[1:]: v for k, v in located.values.items() if k[:1] == prefix}
    keys = {k[1:]: v for k, v in located.keys.items() if k[:1] == prefix}
    return Source(rel, Located(located.data[index], values, keys))
