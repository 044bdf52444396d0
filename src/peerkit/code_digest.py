"""This Peerkit's own files and the libraries it runs with, as one digest: what every
result `peerkit build` keeps between runs depends on, besides its inputs. A version
number is not enough while Peerkit itself is being worked on."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from functools import cache
from importlib import metadata
from pathlib import Path

import peerkit


def files_in(folder: Path) -> Iterator[tuple[str, bytes]]:
    """Every file under ``folder`` (or the file itself) as its path and bytes, in order;
    compiled Python left out, as a copy of the same sources may or may not have it."""
    if folder.is_file():
        yield folder.name, folder.read_bytes()
        return
    if not folder.is_dir():
        return
    for path in sorted(folder.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            yield path.relative_to(folder).as_posix(), path.read_bytes()


@cache
def package_digest() -> str:
    """SHA-256 of Peerkit's code, templates, words and schemas, and of the versions of
    the libraries it needs (a new Markdown parser may render a story anew); once a
    process."""
    digest = hashlib.sha256(f"peerkit {peerkit.__version__}\n".encode())
    for name in _dependencies():
        digest.update(f"{name} {library_version(name)}\n".encode())
    for path, data in files_in(Path(peerkit.__file__).parent):
        digest.update(f"{path}\n{len(data)}\n".encode())
        digest.update(data)
    return digest.hexdigest()


def _dependencies() -> list[str]:
    """The libraries Peerkit needs (not those of its extras), by name."""
    try:
        required = metadata.requires("peerkit") or []
    except metadata.PackageNotFoundError:
        return []
    return sorted(
        {_NAME.match(line)[0] for line in required if "extra ==" not in line and _NAME.match(line)}
    )


def library_version(name: str) -> str:
    """The installed version of ``name``, or "-" where it is not installed."""
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "-"


_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")
