"""Reading content files written by strangers, safely.

A content file may be anything: not UTF-8, huge, a symlink to a secret outside
the site, named with control characters. Each of those becomes a diagnostic
here, before any parser sees the bytes.
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

from peerkit.load.characters import first_override, why_unusable
from peerkit.load.diagnostics import Diagnostic, error

MAX_FILE_BYTES = 1_000_000
"""The most any content file may hold (topics.yml, crisis.yml)."""
MAX_BYTES_BY_FOLDER: Mapping[str, int] = MappingProxyType(
    {"stories": 256_000, "tips": 64_000, "groups": 64_000}
)
"""Tighter limits by kind, far above real files and low enough that every parser,
validator and sanitiser finishes a file at its limit in seconds whatever it holds
(tests/scale/test_bounded_time.py). The longest story of the reference site is 3 KB
and a long written story 60 KB; 256 KB is a short book. A group listing is about
1 KB, and its schema's lengths keep it far below 64 KB."""
_SAFE_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")


@dataclass(frozen=True)
class SourceText:
    """The decoded text of one content file and its path relative to the site."""

    rel: str
    text: str


def display_path(path: Path | str, root: Path) -> str:
    """A path relative to the site, with unprintable characters escaped. ``path`` may
    be the text of one: making a `Path` of each of 25,000 files to be told its place
    took half a second of a rebuild."""
    text, base = str(path), str(root)
    if os.sep == "/" and text.startswith(base + "/") and base != "/":
        rel = text[len(base) + 1 :]  # what relative_to says, in a tenth of its time
    else:
        try:
            rel = Path(path).relative_to(root).as_posix()
        except ValueError:
            rel = Path(path).as_posix()
    return rel.encode("unicode_escape").decode("ascii")


class RealPaths:
    """Where the files of one load really are, links resolved.

    Resolving a path looks at each folder on the way; for thousands of files in a few
    folders that was a tenth of loading them. Each folder is resolved once a load, and
    a file that is not a link is in its folder's real place."""

    def __init__(self, content_dir: Path) -> None:
        self.content = os.path.realpath(content_dir)
        self._folders: dict[str, str] = {}

    def of(self, path: Path) -> str:
        """``path`` resolved; OSError if it or a link on the way is missing or a loop."""
        if stat.S_ISLNK(os.lstat(path).st_mode):
            return os.path.realpath(path, strict=True)
        folder, name = os.path.split(path)
        if folder not in self._folders:
            self._folders[folder] = os.path.realpath(folder, strict=True)
        return os.path.join(self._folders[folder], name)


def read_source(
    path: Path, root: Path, content_dir: Path, real_paths: RealPaths | None = None
) -> SourceText | Diagnostic:
    """Read one file, or say why it cannot be used.

    ``real_paths``: the load's, for a caller that reads many files."""
    rel = display_path(path, root)
    if not _SAFE_NAME.match(path.name):
        return error(rel, 1, 1, "file name may use only letters, digits, '.', '_' and '-'")
    real_paths = real_paths or RealPaths(content_dir)
    try:
        real = real_paths.of(path)
    except (OSError, RuntimeError):
        return error(rel, 1, 1, "file cannot be read (a broken link?)")
    if not real.startswith(real_paths.content.rstrip(os.sep) + os.sep):
        return error(rel, 1, 1, "file is a link to somewhere outside the content folder")
    try:
        status = os.stat(real)
    except OSError:
        return error(rel, 1, 1, "not a regular file")
    if not stat.S_ISREG(status.st_mode):
        return error(rel, 1, 1, "not a regular file")
    limit = size_limit(path, content_dir)
    if status.st_size > limit:
        return error(rel, 1, 1, f"file is {status.st_size:,} bytes; the limit is {limit:,}")
    with open(real, "rb") as file:
        raw = file.read()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        line_start = raw.rfind(b"\n", 0, exc.start) + 1
        before = raw[line_start : exc.start].decode("utf-8", errors="replace").lstrip("\ufeff")
        col = len(before) + 1
        return error(rel, line, col, "file is not valid UTF-8 text; save it as UTF-8")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        return error(rel, 1, 1, "file is empty")
    if "\x00" in text:
        line = text.count("\n", 0, text.index("\x00")) + 1
        return error(rel, line, 1, "file contains a NUL character; is it really text?")
    override = first_override(text)
    if override is not None:
        line = text.count("\n", 0, override) + 1
        col = override - text.rfind("\n", 0, override)
        return error(rel, line, col, why_unusable(text[override]))
    return SourceText(rel, text)


def size_limit(path: Path, content_dir: Path) -> int:
    """The most ``path`` may hold, by the folder of content/ it is in."""
    try:
        folder = path.relative_to(content_dir).parts[0]
    except (ValueError, IndexError):
        return MAX_FILE_BYTES
    return MAX_BYTES_BY_FOLDER.get(folder, MAX_FILE_BYTES)


@dataclass(frozen=True)
class FrontMatter:
    """A Markdown file split into its YAML front matter and its body.

    ``body_line`` is the file line of the body's first line, so that checks on
    the text (personal data, safe messaging) can point at the right line.
    """

    yaml: str
    body: str
    body_line: int


def split_front_matter(source: SourceText) -> FrontMatter | Diagnostic:
    """Split ``---`` front matter from the body; the YAML starts on line 2."""
    lines = source.text.split("\n")
    if lines[0].rstrip() != "---":
        return error(source.rel, 1, 1, "file must start with a '---' line, then the front matter")
    for index in range(1, len(lines)):
        if lines[index].rstrip() in ("---", "..."):
            rest = lines[index + 1 :]
            blank = next((n for n, line in enumerate(rest) if line.strip()), 0)
            return FrontMatter(
                yaml="\n".join(lines[1:index]) + "\n",
                body="\n".join(rest[blank:]).rstrip("\n") + "\n",
                body_line=index + 2 + blank,
            )
    return error(source.rel, 1, 1, "front matter is not closed: add a '---' line after it")
