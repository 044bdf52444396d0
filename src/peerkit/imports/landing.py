"""Putting an import's files in place: inside the content folder, and all of them or none.

An import used to write each group as soon as it was checked, so a bad row
halfway through a hundred thousand, a full disk or a Ctrl-C left half an import
in content/ for someone to pick out by hand. Now every file is planned first;
`land` writes them only when asked, each to a temporary file beside its place,
then moves them all into place, and on any failure (an OSError, an interrupt)
puts back what it had moved and removes what it had made.

A group file or a region folder may be a link that points out of the site: the
loader refuses such links, and an import must not write through them either.
`outside_reason` says why a path may not be written.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Planned:
    """One file an import will write: where, what, and whether it is a new file."""

    path: Path
    text: str
    new: bool


def outside_reason(path: Path, inside: Path) -> str | None:
    """Why ``path`` may not be written for an import into ``inside``, or None if it may.

    Every part from ``inside`` down to the file must be a real folder or file,
    never a link, and the whole must stay inside ``inside`` as written.
    """
    try:
        rel = path.absolute().relative_to(inside.absolute())
    except ValueError:
        return f"{path} is outside {inside}: an import writes only there"
    if ".." in rel.parts:
        return f"{path} leaves {inside} by '..'"
    if inside.is_symlink():
        return f"{inside} is a link: an import does not write through links"
    current = inside
    for part in rel.parts:
        current = current / part
        if current.is_symlink():
            return f"{current} is a link: an import does not write through links"
    return None


def land(planned: Iterable[Planned]) -> None:
    """Write every planned file, or, if anything fails or is interrupted, none of them.

    ``planned`` is read once, as the files are staged (a progress bar may wrap it).
    Raises what stopped it (OSError, KeyboardInterrupt) after putting content back.
    """
    made_folders: list[Path] = []
    staged: list[tuple[Planned, Path]] = []
    moved: list[tuple[Planned, bytes | None]] = []
    try:
        for item in planned:
            made_folders += _make_folders(item.path.parent)
            temporary = item.path.with_name(f".{item.path.name}.peerkit-import")
            staged.append((item, temporary))
            with temporary.open("w", encoding="utf-8", newline="\n") as out:
                out.write(item.text)
        for item, temporary in staged:
            if item.new and item.path.exists():
                raise FileExistsError(f"{item.path} appeared during the import")
            before = None if item.new else item.path.read_bytes()
            os.replace(temporary, item.path)
            moved.append((item, before))
    except BaseException:
        _undo(staged, moved, made_folders)
        raise


def _make_folders(folder: Path) -> list[Path]:
    """Make ``folder`` and its missing parents; the ones made, deepest last."""
    missing = []
    while not folder.exists():
        missing.append(folder)
        folder = folder.parent
    for made in reversed(missing):
        made.mkdir()
    return list(reversed(missing))


def _undo(
    staged: list[tuple[Planned, Path]],
    moved: list[tuple[Planned, bytes | None]],
    made_folders: list[Path],
) -> None:
    for item, before in reversed(moved):
        with contextlib.suppress(OSError):
            if before is None:
                item.path.unlink()
            else:
                item.path.write_bytes(before)
    for _, temporary in staged:
        with contextlib.suppress(OSError):
            temporary.unlink(missing_ok=True)
    for folder in reversed(made_folders):
        with contextlib.suppress(OSError):
            folder.rmdir()
