"""Group files written as a person would write them, and updated without losing their notes.

New files look like the hand-written ones: keys in schema order, block style,
short word lists in brackets, the description folded at 80 columns, times and
phone numbers in quotes. Updates go through ruamel.yaml's round-trip mode, so a
changed phone number changes one line and every comment in the file stays.

Contributors' files are read by PyYAML (YAML 1.1), where ``yes``, ``0123`` or
``18:30`` are not text; ruamel.yaml writes YAML 1.2, where they are. So every
string that YAML 1.1 would read as something else is written in quotes.
"""

from __future__ import annotations

import io
import textwrap
from collections.abc import Mapping
from typing import Any

import yaml
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import (
    DoubleQuotedScalarString,
    FoldedScalarString,
    LiteralScalarString,
)

from peerkit.imports.schema_shape import Path, field_name, plain, schema_keys

WIDTH = 80
_QUOTED_KEYS = {"opens_at", "closes_at", "phone"}
_FOLDED_KEYS = {"description", "by_arrangement", "directions", "details"}
_RESOLVER = yaml.resolver.Resolver()


def _yaml() -> YAML:
    y = YAML()
    y.indent(mapping=2, sequence=4, offset=2)
    y.width = 4096
    y.preserve_quotes = True
    return y


def new_document(data: Mapping[str, Any], comment: str) -> str:
    """A new group file: ``comment`` as its first line, then the fields."""
    document = _styled(data, -2)
    document.yaml_set_start_comment(comment)
    return _dump(document)


def update_document(
    text: str, data: Mapping[str, Any], keep: frozenset[str], implied: Mapping[Path, Any]
) -> tuple[str, list[str]]:
    """The file with only the fields that differ from ``data`` changed, and their names.

    Fields of the file that ``data`` does not have are kept, and so are the
    top-level fields in ``keep`` (stand-ins that must not replace a real value).
    ``implied`` names fields the import left out because they hold the default
    (a meeting's time zone): a different value in the file is taken out.
    """
    document = _yaml().load(text)
    if not isinstance(document, CommentedMap):
        raise ValueError("the file is not a set of fields")
    changed: list[str] = []
    wanted = {k: v for k, v in data.items() if k not in keep or k not in document}
    _merge(document, wanted, (), changed)
    for path, default in implied.items():
        _drop_unless(document, path, default, changed)
    return _dump(document), changed


def _dump(document: CommentedMap) -> str:
    out = io.StringIO()
    _yaml().dump(document, out)
    return out.getvalue()


def _styled(value: Any, column: int, key: str | None = None) -> Any:
    """Round-trip objects styled like the hand-written files; ``column`` is where ``key`` starts."""
    if isinstance(value, Mapping):
        styled = CommentedMap()
        for k, v in value.items():
            styled[k] = _styled(v, column + 2, k)
        return styled
    if isinstance(value, list):
        items = CommentedSeq(_styled(v, column + 2) for v in value)
        if all(isinstance(v, str) for v in value):
            line = f"{' ' * column}{key}: [{', '.join(value)}]"
            if len(line) <= WIDTH and all("\n" not in v for v in value):
                items.fa.set_flow_style()
        return items
    if isinstance(value, str):
        return _styled_text(value, column, key)
    return value


def _styled_text(text: str, column: int, key: str | None) -> str:
    if "\n" in text:
        return LiteralScalarString(text)
    if key in _FOLDED_KEYS and column + len(f"{key}: {text}") > WIDTH:
        return _folded(text, column + 2)
    if key in _QUOTED_KEYS or (key == "byday" and text.startswith("-")):
        return DoubleQuotedScalarString(text)
    if _RESOLVER.resolve(yaml.ScalarNode, text, (True, False)) != "tag:yaml.org,2002:str":
        return DoubleQuotedScalarString(text)
    return text


def _folded(text: str, indent: int) -> str:
    """A ``>-`` block, broken at spaces so that no line passes 80 columns."""
    lines = textwrap.wrap(text, WIDTH - indent, break_long_words=False, break_on_hyphens=False)
    folded = FoldedScalarString(text)
    positions, index = [], 0
    for line in lines[:-1]:
        index = text.index(line, index) + len(line)
        positions.append(index)
    folded.fold_pos = positions  # type: ignore[attr-defined]
    return folded


def _merge(target: CommentedMap, new: Mapping[str, Any], path: Path, changed: list[str]) -> None:
    column = 2 * len(path)
    for key, value in new.items():
        here = (*path, key)
        if key in target:
            old = target[key]
            if plain(old) == plain(value):
                continue
            if isinstance(old, Mapping) and isinstance(value, Mapping):
                _merge(old, value, here, changed)
                continue
            if _same_shape_lists(old, value):
                for index, (item, new_item) in enumerate(zip(old, value, strict=True)):
                    if plain(item) != plain(new_item):
                        _merge(item, new_item, (*here, index), changed)
                continue
            target[key] = _styled(value, column, key)
        else:
            order = schema_keys(path)
            rank = order.index(key) if key in order else len(order)
            position = sum(1 for k in target if k in order and order.index(k) < rank)
            target.insert(position, key, _styled(value, column, key))
        changed.append(field_name(here))


def _same_shape_lists(old: Any, new: Any) -> bool:
    return (
        isinstance(old, list)
        and isinstance(new, list)
        and len(old) == len(new)
        and all(
            isinstance(o, Mapping) and isinstance(n, Mapping) for o, n in zip(old, new, strict=True)
        )
    )


def _drop_unless(document: Any, path: Path, default: Any, changed: list[str]) -> None:
    parent = document
    for part in path[:-1]:
        try:
            parent = parent[part]
        except (KeyError, IndexError, TypeError):
            return
    key = path[-1]
    if isinstance(parent, Mapping) and key in parent and plain(parent[key]) != default:
        del parent[key]
        changed.append(field_name(path))
