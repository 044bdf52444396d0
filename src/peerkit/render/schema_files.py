"""The package's JSON Schemas, published with the site at /schemas/<kind>.json.

Editors (and other tools) can then point at the schemas of the very Peerkit
version that built the site, so a site's content and its schemas never drift
apart. The bytes are the package's files, unchanged: the schemas are the one
source of truth, and a copy rewritten here would be a second one.
"""

from __future__ import annotations

from importlib import resources
from typing import get_args

from peerkit.model.schemas import RecordKind
from peerkit.render.page import GeneratedFile

SCHEMAS = "schemas/"


def schema_path(kind: RecordKind) -> str:
    """Where the schema of ``kind`` lives in the built site."""
    return f"{SCHEMAS}{kind}.json"


def schema_files() -> list[GeneratedFile]:
    folder = resources.files("peerkit.model").joinpath("schemas")
    return [
        GeneratedFile(schema_path(kind), folder.joinpath(f"{kind}.json").read_bytes())
        for kind in get_args(RecordKind)
    ]
