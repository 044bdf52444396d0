"""The contributor guides every site has, from the installed Peerkit.

A guide copied into each site at `peerkit init` would go stale: the checks it
explains change with Peerkit. So the guides live in the package (guides/) and
are added to every build as pages, unless the site's docs/ has a file of the
same name, which replaces Peerkit's (an organisation's own words); `peerkit
doctor` says when Peerkit's version of a replaced guide has changed since.

A guide links only to the other guides, which every site has: any other page
(contribute.md) may be missing from a site, and a broken link fails a strict build.

A guide may hold ``<!-- peerkit:fields KIND -->``: the table of that kind's
fields, from its JSON Schema's descriptions, so the guide explains every field
from the one source of truth and never lists one the schema no longer has.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import resources
from typing import Any

from peerkit.model.schemas import RecordKind, schema_for

_FIELDS = re.compile(r"<!-- peerkit:fields (?P<kind>[a-z]+) -->")


@dataclass(frozen=True)
class Guide:
    """A guide page: its file name in docs/ and its title in the nav."""

    name: str
    title: str

    @property
    def url(self) -> str:
        """Where the page is on the site, relative to the site's address."""
        return self.name.removesuffix(".md") + "/"


WRITE_YOUR_STORY = Guide("write-your-story.md", "Write your story")
ADD_A_GROUP = Guide("add-a-group.md", "Add a group")
SAFE_MESSAGING = Guide("safe-messaging.md", "Safe messaging")
GUIDES = (WRITE_YOUR_STORY, ADD_A_GROUP, SAFE_MESSAGING)


def guide_text(guide: Guide) -> str:
    """The guide's Markdown as this Peerkit writes it, field tables filled in."""
    text = resources.files("peerkit.guides").joinpath(guide.name).read_text("utf-8")
    return _FIELDS.sub(lambda m: fields_table(m["kind"]), text)  # type: ignore[arg-type]


def page_reference(guide: Guide, section: str | None = None) -> str:
    """How a message names a guide: its address on the site, which every site has."""
    where = f', "{section}"' if section else ""
    return f"the page {guide.url} of this site{where}"


def fields_table(kind: RecordKind) -> str:
    """A Markdown table of a kind's top-level fields: name, needed or not, meaning."""
    schema = schema_for(kind)
    required = set(schema.get("required", []))
    rows = ["| field | needed | what to write |", "| --- | --- | --- |"]
    for name, field in schema.get("properties", {}).items():
        rows.append(f"| `{name}` | {'yes' if name in required else 'no'} | {_described(field)} |")
    return "\n".join(rows)


def _described(field: dict[str, Any]) -> str:
    text = str(field.get("description", ""))
    inner = field.get("properties")
    if isinstance(inner, dict) and inner:
        text += " Its fields: " + "; ".join(
            f"`{key}`: {value.get('description', '')}" for key, value in inner.items()
        )
    return text.replace("|", "\\|").replace("\n", " ")
