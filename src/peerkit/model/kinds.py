"""The kinds of content a site is made of, declared once.

The loader, the cross-record rules, topic pages, the `Site`, the scaffold and
the editor settings iterate over `KINDS` instead of naming stories, tips and
groups each in turn: a new kind is one entry here, its schema and its record
type (and its pages, in `peerkit.render.kind_pages`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Literal

from peerkit.model.records import Group, Story, Tip

Shape = Literal["markdown", "yaml"]
"""How a file of the kind is written: Markdown with YAML front matter, or YAML."""


@dataclass(frozen=True)
class Kind:
    name: Literal["story", "tip", "group"]
    """The kind's name: its schema's file name, and the word messages use."""
    plural: str
    """Its folder under content/, and its field of `Site`."""
    suffixes: tuple[str, ...]
    shape: Shape
    record: type[Story] | type[Tip] | type[Group]

    @property
    def folder(self) -> str:
        return self.plural


STORY = Kind("story", "stories", (".md",), "markdown", Story)
TIP = Kind("tip", "tips", (".md",), "markdown", Tip)
GROUP = Kind("group", "groups", (".yml", ".yaml"), "yaml", Group)

KINDS: tuple[Kind, ...] = (STORY, TIP, GROUP)
"""Every kind of record that has a file each, in the order pages list them."""

KIND_NAMED: Mapping[str, Kind] = MappingProxyType({kind.name: kind for kind in KINDS})
