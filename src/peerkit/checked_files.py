"""The build cache's own files, read back whole or not at all.

`peerkit build` keeps parsed files, the checks' findings, the pages' facts and the page
cache's manifest in files it reads at the next build as trusted data (marshal,
pickle). Each is written with a tag (its format and the code that made it) and the
SHA-256 of its payload, beside its place and then renamed over it: a reader sees the
old file or the new one, and a file cut short, damaged or of other code is read as
none, which costs the next build time, never a different result.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
from pathlib import Path


def write_checked(path: Path, tag: str, payload: bytes) -> bool:
    """``payload`` under ``tag`` (one line), with its SHA-256; whether it was written. A
    cache that cannot be written costs the next build time, never this one's result."""
    temporary = path.with_name(f".{path.name}.{os.getpid()}.new")
    header = f"{tag}\n{hashlib.sha256(payload).hexdigest()}\n".encode()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary.write_bytes(header + payload)
        os.replace(temporary, path)
    except OSError:
        with contextlib.suppress(OSError):
            temporary.unlink()
        return False
    return True


def read_checked(path: Path, tag: str) -> bytes | None:
    """The payload written under ``tag``; None if the file is missing, cut short,
    damaged, or written under another tag."""
    try:
        raw = path.read_bytes()
    except OSError:
        return None
    parts = raw.split(b"\n", 2)
    if len(parts) != 3 or parts[0] != tag.encode():
        return None
    if hashlib.sha256(parts[2]).hexdigest().encode() != parts[1]:
        return None
    return parts[2]
