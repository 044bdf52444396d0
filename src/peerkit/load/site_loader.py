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
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from types import MappingProxyType
from typing import Any, TypeVar

from peerkit.load.diagnostics import Diagnostic, error
from peerkit.load.parse_cache import ParseCache
from peerkit.load.source_files import (
    RealPaths,
    SourceText,
    display_path,
    read_source,
    split_front_matter,
)
from peerkit.load.validate import validate
from peerkit.load.yaml_source import YamlProblem, parse_yaml
from peerkit.model.convert import record_from
from peerkit.model.kinds import KINDS, Kind
from peerkit.model.positions import Located
from peerkit.model.records import Crisis, Source, Topic, Unchecked
from peerkit.model.schemas import RecordKind
from peerkit.model.site import Site

_SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
R = TypeVar("R")
# A group's name and its region also name a calendar: X-WR-CALNAME, one line of an
# .ics file, where a line break stops the build. The schema allows multi-line text.
_ONE_LINE: Mapping[RecordKind, tuple[tuple[str, ...], ...]] = MappingProxyType(
    {"group": (("name",), ("region",), ("location", "region"))}
)


def load_site(
    root: Path,
    content_dir: Path,
    memory: LoadMemory | None = None,
    cache: ParseCache | None = None,
    changed: Iterable[str] | None = None,
) -> tuple[Site, list[Diagnostic]]:
    """Load everything under ``content_dir``; paths in diagnostics are relative to ``root``.

    ``memory``: what the last load in this session kept (`peerkit serve`, which loads
    again on every save); it is updated to this load's files. ``cache``: the results
    of the last `peerkit build`, on disk; it is saved with this load's files.
    ``changed``, with ``memory``: every file (a path relative to ``content_dir``) that
    can differ from the last load, as the system's file events tell it; the others'
    folders are not walked again, nor their status checked (see `LoadMemory`)."""
    loader = _Loader(root, content_dir, memory or LoadMemory(), cache, session=memory is not None)
    if memory is not None and changed is not None:
        loader.only_changed(changed)
    topics = loader.load_topics()
    crisis = loader.load_crisis()
    loaded = {kind.plural: loader.load_records(kind) for kind in KINDS}
    records = {
        kind: tuple(r for r in found if not isinstance(r, Unchecked))
        for kind, found in loaded.items()
    }
    unchecked = tuple(r for found in loaded.values() for r in found if isinstance(r, Unchecked))
    site = Site(topics=topics, crisis=crisis, unchecked=unchecked, **records)
    if memory is not None:
        memory.keep(loader.remembered, loader.signatures, loader.listings)
    if cache is not None:
        cache.save()
    return site, loader.diagnostics


_FileKey = tuple[str, str, str]
_Signature = tuple[int, int, int, int, int]
_RACY_NS = 2_000_000_000


class LoadMemory:
    """The files of the last load, for the next one in the same session.

    Parsing and validating a file is a pure function of its kind, path and text.
    `peerkit serve` loads a site of tens of thousands of files again on every save:
    files whose text did not change give back the record and problems of last time.
    Only the files of the last load are kept, and only by a session that asks: a
    build would hold every file's text for nothing.

    Reading 25,000 files takes longer than a save should. A file whose status says
    it was not touched (the same size, times and inode, as git's index tells) is not
    read again: its key of last time stands. A link is always read (its target may
    have moved), and a file changed within _RACY_NS of being read is read again,
    since a second change within the file system's clock tick would not show.

    Even that status, and the walk that finds the files, took a third of a second a
    save at 25,000 files. When the system's file events name every file changed
    since the last load (``changed``), each folder's files are last load's with
    those added or taken away, and only those are looked at again.
    """

    def __init__(self) -> None:
        self.records: dict[_FileKey, tuple[Any, tuple[Diagnostic, ...]]] = {}
        self.unchanged: dict[str, tuple[_Signature, _FileKey]] = {}
        self.listings: dict[str, list[str]] = {}
        """Each folder's files in order (`_Loader.files`), if it could be read."""

    def keep(
        self,
        records: dict[_FileKey, tuple[Any, tuple[Diagnostic, ...]]],
        unchanged: dict[str, tuple[_Signature, _FileKey]],
        listings: dict[str, list[str]],
    ) -> None:
        self.records = records
        self.unchanged = unchanged
        self.listings = listings


def changed_since(content_dir: Path, memory: LoadMemory) -> set[str]:
    """The files of the records' folders (relative to ``content_dir``) that the last
    load in ``memory`` may not have as they are now: new, gone, or with another
    status. What the file events cannot tell: changes made before they were heard."""
    changed: set[str] = set()
    for kind in KINDS:
        base = str(content_dir / kind.folder)
        last = set(memory.listings.get(base, ()))
        now = set(_walk_files(base, lambda _: None)) if os.path.isdir(base) else set()
        changed |= last ^ now
        for path in last & now:
            known = memory.unchanged.get(path)
            if known is None or _signature(path) != known[0]:
                changed.add(path)
    return {os.path.relpath(path, content_dir) for path in changed}


def _in_order(paths: Iterable[str]) -> list[str]:
    return sorted(paths, key=lambda p: p.split(os.sep))


def _walk_files(folder: str, unreadable: Callable[[str], None]) -> Iterator[str]:
    """Regular files and links under ``folder``, hidden ones left out, not following
    links to folders; ``unreadable`` is told of a folder that cannot be read."""
    try:
        with os.scandir(folder) as scan:
            entries = list(scan)
    except OSError:
        unreadable(folder)
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_symlink() or entry.is_file(follow_symlinks=False):
            yield entry.path
        elif entry.is_dir(follow_symlinks=False):
            yield from _walk_files(entry.path, unreadable)


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
    def __init__(
        self,
        root: Path,
        content_dir: Path,
        memory: LoadMemory,
        cache: ParseCache | None,
        *,
        session: bool,
    ) -> None:
        self.root = root
        self.content_dir = content_dir
        self.memory = memory
        self.session = session
        self.cache = cache
        self.real_paths = RealPaths(content_dir)
        self.diagnostics: list[Diagnostic] = []
        self.remembered: dict[_FileKey, tuple[Any, tuple[Diagnostic, ...]]] = {}
        self.signatures: dict[str, tuple[_Signature, _FileKey]] = {}
        self.listings: dict[str, list[str]] = {}
        self.changed: set[str] | None = None
        """The files that may differ from the last load, if the file events tell."""

    def only_changed(self, changed: Iterable[str]) -> None:
        base = str(self.content_dir)
        self.changed = {os.path.join(base, path) for path in changed}

    def _key(self, kind: str, source: SourceText) -> _FileKey:
        return (kind, source.rel, source.text)

    def _recall(self, key: _FileKey) -> tuple[bool, Any]:
        """Whether the last load (in this session, or else on disk) had this file, and
        then its record (None for a file with problems, which are reported again)."""
        if key in self.memory.records:
            record, problems = self.memory.records[key]
            if self.cache is not None:
                self.cache.keep(key, record, problems)
        elif self.cache is not None:
            found, record, problems = self.cache.recall(key)
            if not found:
                return False, None
        else:
            return False, None
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
            if self.cache is not None:
                self.cache.keep(key, *self.remembered[key])
        return record

    def unchanged(self, kind: str, path: str) -> tuple[bool, Any]:
        """`_recall` for a file untouched since the last load, without reading it."""
        known = self.memory.unchanged.get(path)
        if known is None:
            return self._unchanged_since_build(kind, path)
        if self.changed is not None and path not in self.changed:
            signature: _Signature | None = known[0]
        else:
            signature = _signature(path)
        if signature is None or known[0] != signature:
            return False, None
        key = known[1]
        if key[0] != kind:
            return False, None
        found, record = self._recall(key)
        if found:
            self.signatures[path] = (signature, key)
        return found, record

    def _unchanged_since_build(self, kind: str, path: str) -> tuple[bool, Any]:
        """`unchanged` for a file untouched since the last `peerkit build` read it."""
        if self.cache is None:
            return False, None
        signature = _signature(path)
        if signature is None:
            return False, None
        found, record, problems = self.cache.unchanged(kind, self.rel(path), path, signature)
        if found:
            self.diagnostics.extend(problems)
        return found, record

    def read_new(self, kind: str, path: str, load: Callable[..., R | None], *args: Any) -> R | None:
        """Read, parse and check a file that may have changed (see `once`)."""
        signed = self.session or self.cache is not None
        signature = _signature(path) if signed else None
        source = self.read(Path(path))
        if source is None:
            return None
        record = self.once(kind, source, load, Path(path), source, *args)
        if signature is not None:
            key = self._key(kind, source)
            self.signatures[path] = (signature, key)
            if self.cache is not None:
                self.cache.sign(path, signature, key)
        return record

    def rel(self, path: Path | str) -> str:
        return display_path(path, self.root)

    def read(self, path: Path) -> SourceText | None:
        result = read_source(path, self.root, self.content_dir, self.real_paths)
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
        found = self._listing(str(self.content_dir / folder))
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
        return [p for p in found if p.endswith(wanted)]

    def _listing(self, base: str) -> list[str]:
        """The files `_walk_files` finds, in the order of their paths: last load's, with the
        changed ones looked at again, if the file events tell which changed."""
        last = self.memory.listings.get(base)
        if last is None or self.changed is None:
            if not os.path.isdir(base):
                return []
            before = len(self.diagnostics)
            found = _in_order(_walk_files(base, self._unreadable))
            if len(self.diagnostics) == before:
                self.listings[base] = found
            return found
        inside = base + os.sep
        now = set(last)
        for path in self.changed:
            if path.startswith(inside):
                hidden = any(part.startswith(".") for part in path[len(inside) :].split(os.sep))
                if not hidden and (os.path.islink(path) or os.path.isfile(path)):
                    now.add(path)
                else:
                    now.discard(path)
        found = last if len(now) == len(last) and now.issuperset(last) else _in_order(now)
        self.listings[base] = found
        return found

    def _unreadable(self, folder: str) -> None:
        self.diagnostics.append(error(self.rel(Path(folder)), 1, 1, "folder cannot be read"))

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
            record_from(Topic, item, source=_sub_source(rel, located, i))
            for i, item in enumerate(located.data)
        )

    def load_crisis(self) -> Crisis:
        located, _ = self.load_single("crisis.yml", "crisis")
        if located is None:
            return Crisis(None, ())
        return record_from(Crisis, located.data)

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

    def load_records(self, kind: Kind) -> tuple[Any, ...]:
        """Every file of a kind's folder as a record; a file with problems adds
        diagnostics instead."""
        read = self.markdown_record if kind.shape == "markdown" else self.yaml_record
        records = []
        for path in self.files(kind.folder, kind.suffixes):
            known, record = self.unchanged(kind.name, path)
            if not known:
                record = self.read_new(kind.name, path, read, kind)
            if record is not None:
                records.append(record)
        return tuple(records)

    def markdown_record(
        self,
        path: Path,
        source: SourceText,
        kind: Kind,
    ) -> Any:
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
        if not self.checked(kind.name, located, source.rel):
            if not split.body.strip():
                return None
            source_of = Source(source.rel, located)
            return Unchecked.of(kind.plural, located.data, split.body, split.body_line, source_of)
        slug = self.slug_for(located.data, path, source.rel)
        if slug is None:
            return None
        if not split.body.strip():
            self.diagnostics.append(
                error(source.rel, split.body_line, 1, f"the {kind.name} has no text")
            )
            return None
        return record_from(
            kind.record,
            located.data,
            slug=slug,
            body=split.body,
            body_line=split.body_line,
            source=Source(source.rel, located),
        )

    def yaml_record(
        self,
        path: Path,
        source: SourceText,
        kind: Kind,
    ) -> Any:
        located = self.parse(source.text, source.rel)
        if located is None:
            return None
        if not isinstance(located.data, dict):
            self.diagnostics.append(
                error(source.rel, 1, 1, f"a {kind.name} file must be a set of fields")
            )
            return None
        if not self.checked(kind.name, located, source.rel):
            return None
        slug = self.slug_for(located.data, path, source.rel)
        if slug is None:
            return None
        return record_from(kind.record, located.data, slug=slug, source=Source(source.rel, located))


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
