"""Parsed content files kept between runs of `peerkit build`, so that a rebuild after
one edit parses one file, not 25,000.

What a file gives (its record and its problems) is a pure function of its kind, its
path and its text, and of the code that parses and validates it (see `LoadMemory`).
So each file's result is kept under the SHA-256 of its kind, path and text; the
whole cache is set aside (a cold load) when Peerkit's version, its loading code or
schemas (``peerkit/load``, ``peerkit/model``), Python or a parsing library changes.
A file is read and checked as safe to read again unless its status (size, times,
inode) is the one it had when it was last read, as git's index tells a file
untouched (`site_loader._signature`, which `peerkit serve` trusts too): 25,000
files read again were two seconds of a rebuild. A site checked out afresh (a CI
runner) has new times on every file: each is read once, then trusted.

A result is kept as plain data (the parsed values, their positions, the slug, body
and problems) in `marshal` files (sixteen, by path, so that one edit rewrites one),
and the record is made again from it by the same converter as a cold load: marshal
reads 25,000 results several times faster than pickle reads the records. marshal is
not made for data from strangers: these files are written by Peerkit itself under the
site's own folder, which must be trusted like the site's code. A SHA-256 of each
file's payload, checked before it is read, keeps a damaged or cut-short file from
being read at all; a file that is missing, damaged, of another format or of other
code gives a cold load of its files, never a failed or a different build. Deleting `.cache/peerkit/` is always safe.
"""

from __future__ import annotations

import contextlib
import hashlib
import marshal
import platform
import zlib
from pathlib import Path
from typing import Any

import peerkit
from peerkit.checked_files import read_checked, write_checked
from peerkit.code_digest import library_version
from peerkit.load.diagnostics import Diagnostic, Severity
from peerkit.model.convert import record_from
from peerkit.model.kinds import KINDS
from peerkit.model.positions import Located
from peerkit.model.records import Source, Unchecked

CACHE_FOLDER = "parsed"
"""In the site's `.cache/peerkit/` folder, beside the page cache."""
SHARDS = 16
"""Files the results are spread over by their paths (`_shard`), so that a build after
one edit writes one sixteenth of them again: the whole file was 0.7 s at 25,000 files."""
_FORMAT = "peerkit parse cache 4"
_LIBRARIES = ("pyyaml", "jsonschema", "jsonschema-rs", "tzdata")
"""Libraries whose behaviour a file's result depends on."""
_CODE_FOLDERS = ("load", "model")
_NONE, _RECORD, _UNCHECKED = 0, 1, 2
_KINDS = {kind.name: kind for kind in KINDS}

FileKey = tuple[str, str, str]
"""A file's kind, path relative to the site and text."""
Signature = tuple[int, int, int, int, int]
"""A file's status that tells it unchanged: size, modification and change times, inode
and device (`site_loader._signature`)."""
_Entry = tuple[Any, ...]


class _Shard:
    """The results of the files whose paths fall in one shard: kept, and used by this load."""

    def __init__(self, path: Path, code: str) -> None:
        self.path = path
        self.known, self.signed = _read(path, code)
        self.used: dict[str, _Entry] = {}
        self.signatures: dict[str, tuple[Signature, str]] = {}
        self.new = False

    def save(self, code: str) -> None:
        """Keep this load's results and forget the others (files deleted or changed)."""
        if (
            not self.new
            and self.used.keys() == self.known.keys()
            and self.signatures.keys() == self.signed.keys()
        ):
            return
        payload = marshal.dumps((self.used, self.signatures))
        write_checked(self.path, f"{_FORMAT} {code}", payload)


class ParseCache:
    """The kept results of one site: read when made, written by `save` after a load."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._code = _code_key()
        self._shards = [
            _Shard(folder / CACHE_FOLDER / f"{n:02}.marshal", self._code) for n in range(SHARDS)
        ]
        self._records: dict[int, tuple[Any, str]] = {}
        """Each record of this load with its file's digest (`digest_of`)."""

    def digest_of(self, record: object) -> str | None:
        """The digest of the file ``record`` was loaded from by this load, if it was: a
        key for what the checks find in it (`KeptChecks`)."""
        known = self._records.get(id(record))
        return known[1] if known is not None and known[0] is record else None

    def _loaded(self, record: Any, digest: str) -> None:
        if record is not None:
            self._records[id(record)] = (record, digest)

    def recall(self, key: FileKey) -> tuple[bool, Any, tuple[Diagnostic, ...]]:
        """Whether this file's result is kept, and then its record and problems."""
        digest = _digest(key)
        shard = self._shards[_shard(key[1])]
        entry = shard.known.get(digest)
        if entry is None:
            return False, None, ()
        try:
            record, problems = _rebuilt(key, entry)
        except (TypeError, ValueError, KeyError, IndexError):
            return False, None, ()
        shard.used[digest] = entry
        self._loaded(record, digest)
        return True, record, problems

    def unchanged(
        self, kind: str, rel: str, path: str, signature: Signature
    ) -> tuple[bool, Any, tuple[Diagnostic, ...]]:
        """`recall` for a file whose status is the one it had when last read, without
        reading it: whether its result is kept, and then its record and problems."""
        shard = self._shards[_shard(rel)]
        try:
            stored, digest = shard.signed[path]
        except (KeyError, TypeError, ValueError):
            return False, None, ()
        if stored != signature:
            return False, None, ()
        entry = shard.known.get(digest)
        if entry is None:
            return False, None, ()
        try:
            record, problems = _rebuilt((kind, rel, ""), entry)
        except (TypeError, ValueError, KeyError, IndexError):
            return False, None, ()
        shard.used[digest] = entry
        shard.signatures[path] = (signature, digest)
        self._loaded(record, digest)
        return True, record, problems

    def sign(self, path: str, signature: Signature, key: FileKey) -> None:
        """``path``, read with this ``signature``, holds the file of ``key``."""
        shard = self._shards[_shard(key[1])]
        shard.signatures[path] = (signature, _digest(key))
        shard.new = True

    def keep(self, key: FileKey, record: Any, problems: tuple[Diagnostic, ...]) -> None:
        """A result parsed by this load, to be saved."""
        digest = _digest(key)
        shard = self._shards[_shard(key[1])]
        shard.used[digest] = _entry(record, problems)
        shard.new = True
        self._loaded(record, digest)

    def save(self) -> None:
        """Keep this load's results and forget the others, shard by shard: one that
        nothing changed in is not written again.

        A cache that cannot be written costs the next build time, never its result."""
        with contextlib.suppress(OSError):
            # The one file of an older Peerkit, which this one never reads.
            (self.folder / "parsed.marshal").unlink(missing_ok=True)
        for shard in self._shards:
            shard.save(self._code)


def _shard(rel: str) -> int:
    """The shard of a file's results, by its path in the site: the same at every build."""
    return zlib.crc32(rel.encode("utf-8", "surrogatepass")) % SHARDS


def _digest(key: FileKey) -> str:
    kind, rel, text = key
    digest = hashlib.sha256(f"{kind}\0{rel}\0".encode())
    digest.update(text.encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


def _entry(record: Any, problems: tuple[Diagnostic, ...]) -> _Entry:
    kept = tuple((p.path, p.line, p.col, p.severity.value, p.message) for p in problems)
    if record is None:
        return (kept, _NONE)
    located = record.source.located
    shape = _UNCHECKED if isinstance(record, Unchecked) else _RECORD
    return (
        kept,
        shape,
        located.data,
        located.values,
        located.keys,
        getattr(record, "slug", None),
        getattr(record, "body", None),
        getattr(record, "body_line", None),
    )


def _rebuilt(key: FileKey, entry: _Entry) -> tuple[Any, tuple[Diagnostic, ...]]:
    """The record and problems a cold load of the file gives, made from its entry."""
    kind_name, rel, _ = key
    problems = tuple(
        Diagnostic(path, line, col, Severity(severity), message)
        for path, line, col, severity, message in entry[0]
    )
    if entry[1] == _NONE:
        return None, problems
    _, shape, data, values, keys, slug, body, body_line = entry
    kind = _KINDS[kind_name]
    source = Source(rel, Located(data, values, keys))
    if shape == _UNCHECKED:
        return Unchecked.of(kind.plural, data, body, body_line, source), problems
    if kind.shape == "markdown":
        record = record_from(
            kind.record, data, slug=slug, body=body, body_line=body_line, source=source
        )
    else:
        record = record_from(kind.record, data, slug=slug, source=source)
    return record, problems


def _read(path: Path, code_key: str) -> tuple[dict[str, _Entry], dict[str, Any]]:
    """The kept results and files' signatures; none if the file is missing, damaged, or
    of other code."""
    payload = read_checked(path, f"{_FORMAT} {code_key}")
    if payload is None:
        return {}, {}
    try:
        known = marshal.loads(payload)
    except (ValueError, EOFError, TypeError):
        return {}, {}
    if not (isinstance(known, tuple) and len(known) == 2):
        return {}, {}
    entries, signed = known
    if not (isinstance(entries, dict) and isinstance(signed, dict)):
        return {}, {}
    return entries, signed


def _code_key() -> str:
    """What every file's result depends on besides the file: this code and its schemas."""
    digest = hashlib.sha256()
    digest.update(f"peerkit {peerkit.__version__}\npython {platform.python_version()}\n".encode())
    for library in _LIBRARIES:
        digest.update(f"{library} {library_version(library)}\n".encode())
    package = Path(peerkit.__file__).parent
    for folder in _CODE_FOLDERS:
        for path in sorted((package / folder).rglob("*")):
            if path.suffix in (".py", ".json") and path.is_file():
                data = path.read_bytes()
                digest.update(f"{path.relative_to(package).as_posix()}\n{len(data)}\n".encode())
                digest.update(data)
    return digest.hexdigest()
