"""The hostile-input cases: the manifest (cases.yml) and the docs table made from it.

Each case is one content file that tries something, and what Peerkit must do
with it: refuse it with a diagnostic naming the file, or build it harmlessly.
The table in docs/security.md is generated from this manifest and a test keeps
the two equal; after changing cases.yml, rewrite the table with

    .venv/bin/python -m tests.hostile.hostile_manifest
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any, Literal

import yaml

HERE = Path(__file__).resolve().parent
CASES_DIR = HERE / "cases"
MANIFEST = HERE / "cases.yml"
REPO = HERE.parents[1]
DOCS_PAGE = REPO / "docs" / "security.md"
TABLE_START = "<!-- hostile-cases:start -->"
TABLE_END = "<!-- hostile-cases:end -->"

# The folders of cases/, as in content/; topics and crisis files replace the site's own.
KINDS = ("stories", "tips", "groups", "topics", "crisis")
SINGLE_FILES = {"topics": "topics.yml", "crisis": "crisis.yml"}

# What each area of the manifest covers, in the order the table lists them.
AREAS = {
    "script": "Script elements",
    "handlers": "Event handlers",
    "urls": "Dangerous addresses in HTML",
    "svg-mathml": "SVG and MathML",
    "css": "CSS",
    "elements": "Elements that change the page: base, meta, form, object, embed, iframe",
    "parsing": "Parser tricks: broken tags, quotes, comments, entities, look-alikes",
    "markdown": "Markdown syntax",
    "fields": "HTML in the YAML fields that reach a page",
    "url-fields": "Addresses in URL and email fields",
    "dates": "Dates at the ends of the calendar",
    "includes": "File includes",
    "templates": "Template and format syntax",
    "yaml": "YAML tricks",
    "time": "Bounded time: files at their size limit",
    "files": "Files: size, links, names",
    "encoding": "Encodings and line ends",
    "unicode": "Unicode",
    "exports": "Feeds and exports",
}


@dataclass(frozen=True)
class Case:
    """One hostile file and what Peerkit must do with it.

    ``file`` is relative to cases/, or, for a ``generate``d case (made at test
    time: too big, a link, or a name git cannot hold), to the site's content/.
    A refused case names its ``error`` (a fragment of the message), and may
    pin its ``line`` and ``col``; ``shown_as`` is the path the diagnostic must
    print when it differs from content/<file> (names with control characters
    are printed escaped). A harmless case names the ``page`` it shows on and
    text it ``shows`` there; ``never`` is text no built file may contain.
    """

    id: str
    area: str
    file: str
    tries: str
    expect: Literal["refused", "harmless"]
    does: str
    error: str | None = None
    line: int | None = None
    col: int | None = None
    shown_as: str | None = None
    page: str | None = None
    shows: tuple[str, ...] = ()
    never: tuple[str, ...] = ()
    generate: str | None = None
    cli: bool = False

    @property
    def kind(self) -> str:
        return self.file.split("/", 1)[0]

    @property
    def content_path(self) -> str:
        """Where the file goes under content/."""
        return SINGLE_FILES.get(self.kind, self.file)

    @property
    def diagnostic_path(self) -> str:
        return self.shown_as or f"content/{self.content_path}"

    @property
    def source(self) -> Path:
        """The committed file (not for generated cases)."""
        return CASES_DIR / self.file

    @property
    def outcome(self) -> str:
        """The "What Peerkit does" cell of the docs table, in Markdown."""
        if self.expect == "refused":
            return f"**Refuses it**: `{self.error}`. {self.does}"
        return f"**Builds it**: {self.does}"


_FIELDS = {f.name for f in fields(Case)}


def _case(entry: dict[str, Any]) -> Case:
    unknown = set(entry) - _FIELDS
    if unknown:
        raise ValueError(f"case {entry.get('id')!r}: unknown keys {sorted(unknown)}")
    values = dict(entry)
    for key in ("shows", "never"):
        values[key] = tuple(values.get(key) or ())
    return Case(**values)


def load_cases() -> list[Case]:
    return [_case(entry) for entry in yaml.safe_load(MANIFEST.read_text("utf-8"))]


def _cell(text: str) -> str:
    """Manifest text as a table cell: HTML-escaped outside code spans, on one line."""
    parts = " ".join(text.split()).split("`")
    for index in range(0, len(parts), 2):
        parts[index] = parts[index].replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return "`".join(parts)


def docs_table(cases: list[Case]) -> str:
    lines = []
    for area, title in AREAS.items():
        chosen = [case for case in cases if case.area == area]
        if not chosen:
            continue
        lines += [
            "",
            f"### {title}",
            "",
            "| Case | What it tries | What Peerkit does |",
            "| --- | --- | --- |",
        ]
        lines += [f"| `{c.id}` | {_cell(c.tries)} | {_cell(c.outcome)} |" for c in chosen]
    return "\n".join(lines) + "\n"


_BLOCK = re.compile(re.escape(TABLE_START) + r"\n(.*)" + re.escape(TABLE_END), re.S)


def table_in_docs(page: str) -> str:
    """The generated part of docs/security.md."""
    match = _BLOCK.search(page)
    if match is None:
        raise ValueError(f"{DOCS_PAGE.name} has no {TABLE_START} ... {TABLE_END} block")
    return match.group(1)


def write_docs_table() -> None:
    page = DOCS_PAGE.read_text("utf-8")
    table_in_docs(page)
    block = f"{TABLE_START}\n{docs_table(load_cases())}{TABLE_END}"
    DOCS_PAGE.write_text(_BLOCK.sub(lambda _: block, page, count=1), "utf-8")


if __name__ == "__main__":
    write_docs_table()
    sys.exit(0)
