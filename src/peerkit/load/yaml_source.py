"""YAML to plain data, keeping the line and column of every key and value.

PyYAML's safe loader forgets where values came from, accepts duplicate keys
silently and expands aliases (the "billion laughs" bomb). Contributor files need
the opposite: every error points at a line, a repeated key is a mistake, and
anchors have no use in a story or a listing. So we compose the node tree with
the safe loader and build the data ourselves from it.

Dates stay strings here: the JSON Schemas check their format, so the error for
``2026-13-01`` names the field instead of a YAML parser failure.
"""

from __future__ import annotations

import bisect
import math
import re
from collections.abc import Mapping
from itertools import accumulate
from types import MappingProxyType
from typing import Any

import yaml

from peerkit.load.characters import first_unusable, why_unusable
from peerkit.load.yaml_words import plain_problem, unclosed_quote
from peerkit.model.positions import Located, Path, Position

_MAX_DEPTH = 32
_KINDS: Mapping[str, str] = MappingProxyType(
    {
        "tag:yaml.org,2002:null": "nothing",
        "tag:yaml.org,2002:bool": "true or false",
        "tag:yaml.org,2002:int": "a usable whole number",
        "tag:yaml.org,2002:float": "a usable number",
    }
)
_PLAIN_TAGS = frozenset(_KINDS)
_STRING_TAGS = frozenset({"tag:yaml.org,2002:str", "tag:yaml.org,2002:timestamp"})
# YAML 1.1 reads an unquoted 18:30 as the base-60 number 1110; a contributor means a time.
_SEXAGESIMAL = re.compile(r"^[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+(\.[0-9_]*)?$")
# What YAML breaks lines at besides \n. Text without them has the parser's own line and
# column right, and these are read from its marks: counting lines again for each of a
# million values was a tenth of loading 25,000 files.
_OTHER_BREAKS = re.compile(r"[\r\x85\u2028\u2029]")


class _Lines:
    """Line and column from a character index, counting only \\n as a line break.

    PyYAML also breaks lines at U+0085, U+2028 and U+2029, which editors do not
    show as new lines: its own marks would point below the real line.
    """

    def __init__(self, text: str, line_offset: int) -> None:
        lines = text.split("\n")[:-1]
        self.starts = list(accumulate((len(line) + 1 for line in lines), initial=0))
        self.line_offset = line_offset

    def at(self, mark: yaml.Mark | None) -> Position:
        if mark is None:
            return 1 + self.line_offset, 1
        return self.at_index(mark.index)

    def at_index(self, index: int) -> Position:
        line = bisect.bisect_right(self.starts, index) - 1
        return line + 1 + self.line_offset, index - self.starts[line] + 1


class YamlProblem(Exception):
    """A problem with the YAML itself, at a 1-based line and column."""

    def __init__(self, message: str, line: int, col: int) -> None:
        super().__init__(message)
        self.message = message
        self.line = line
        self.col = col


class _AliasFound(Exception):
    def __init__(self, mark: yaml.Mark) -> None:
        self.mark = mark


class _NoAliasLoader(yaml.SafeLoader):
    """Refuses aliases where they occur, before anything is expanded."""

    def compose_node(self, parent: yaml.Node | None, index: object) -> yaml.Node | None:
        if self.check_event(yaml.AliasEvent):
            raise _AliasFound(self.peek_event().start_mark)
        return super().compose_node(parent, index)


# libyaml, where PyYAML was built with it: composing a node tree is about 15 times
# faster than in pure Python, which counts at tens of thousands of group files.
_FAST_LOADER: type[yaml.SafeLoader] | None = getattr(yaml, "CSafeLoader", None)


def parse_yaml(text: str, line_offset: int = 0) -> Located:
    """Parse one YAML document; ``line_offset`` shifts lines (front matter)."""
    lines = _Lines(text, line_offset)
    node = _fast_node(text)
    if node is None:
        node = _checked_node(text, lines, line_offset)
    if node is None:
        return Located(None)
    builder = _Builder(lines, not _OTHER_BREAKS.search(text))
    data = builder.build(node, (), 0)
    return Located(data, builder.values, builder.keys)


def _fast_node(text: str) -> yaml.Node | None:
    """The node tree from libyaml, for text that cannot hold an alias and parses cleanly.

    libyaml composes in C, so aliases cannot be refused where they occur: text with
    a '*' or '&' anywhere, or with any error, goes the pure-Python way, which gives
    the exact problem and position. Both number marks by character, so positions agree.
    """
    if _FAST_LOADER is None or "*" in text or "&" in text:
        return None
    loader = _FAST_LOADER(text)
    try:
        return loader.get_single_node()
    except (yaml.YAMLError, RecursionError):
        return None
    finally:
        loader.dispose()


def _checked_node(text: str, lines: _Lines, line_offset: int) -> yaml.Node | None:
    try:
        # The reader checks every character as it is made, before anything is parsed.
        loader = _NoAliasLoader(text)
    except yaml.reader.ReaderError as exc:
        line, col = lines.at_index(exc.position)
        raise YamlProblem(
            f"invalid YAML: character U+{exc.character:04X} is not allowed in YAML"
            " (a control or non-text character); remove it",
            line,
            col,
        ) from None
    try:
        node = loader.get_single_node()
    except _AliasFound as exc:
        line, col = lines.at(exc.mark)
        raise YamlProblem("YAML anchors and aliases (& and *) are not allowed", line, col) from None
    except yaml.MarkedYAMLError as exc:
        context = exc.context or ""
        # An unclosed quote or a line without its colon is found lines later, at
        # the end of the text; the line to change is where the value began.
        started = "quoted scalar" in context or "simple key" in context
        line, col = lines.at((exc.context_mark if started else None) or exc.problem_mark)
        text_lines = text.split("\n")
        quote = unclosed_quote(text_lines, line - 1 - line_offset)
        if quote is not None:
            line, col = quote[0] + 1 + line_offset, quote[1]
            context = "while scanning a quoted scalar"
        line_text = text_lines[line - 1 - line_offset] if line > line_offset else ""
        message, col = plain_problem(exc.problem or context, context, line_text, col)
        raise YamlProblem(message, line, col) from None
    except yaml.YAMLError as exc:
        raise YamlProblem(f"invalid YAML: {exc}", 1 + line_offset, 1) from None
    except RecursionError:
        raise YamlProblem("invalid YAML: nested too deeply", 1 + line_offset, 1) from None
    finally:
        loader.dispose()
    return node


class _Builder:
    def __init__(self, lines: _Lines, marks_agree: bool) -> None:
        # A constructor alone, for numbers and true/false: a whole loader (reader,
        # scanner, parser) for each of thousands of files is made for nothing.
        self.constructor = yaml.constructor.SafeConstructor()
        self.lines = lines
        self.marks_agree = marks_agree
        self.values: dict[Path, Position] = {}
        self.keys: dict[Path, Position] = {}

    def position(self, node: yaml.Node) -> Position:
        mark = node.start_mark
        if self.marks_agree:
            return mark.line + 1 + self.lines.line_offset, mark.column + 1
        return self.lines.at_index(mark.index)

    def fail(self, node: yaml.Node, message: str) -> YamlProblem:
        line, col = self.position(node)
        return YamlProblem(message, line, col)

    def build(self, node: yaml.Node, path: Path, depth: int) -> Any:
        if depth > _MAX_DEPTH:
            raise self.fail(node, f"nested more than {_MAX_DEPTH} levels deep")
        self.values[path] = self.position(node)
        if isinstance(node, yaml.MappingNode):
            return self.build_mapping(node, path, depth)
        if isinstance(node, yaml.SequenceNode):
            if node.tag != "tag:yaml.org,2002:seq":
                raise self.fail(node, f"YAML tag {node.tag!r} is not allowed")
            return [self.build(item, (*path, i), depth + 1) for i, item in enumerate(node.value)]
        return self.build_scalar(node)

    def build_mapping(self, node: yaml.MappingNode, path: Path, depth: int) -> dict[str, Any]:
        if node.tag != "tag:yaml.org,2002:map":
            raise self.fail(node, f"YAML tag {node.tag!r} is not allowed")
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise self.fail(key_node, "a key must be a plain word, not a list or a mapping")
            if key_node.tag == "tag:yaml.org,2002:merge":
                raise self.fail(key_node, "YAML merge keys (<<) are not allowed")
            key = str(self.build_scalar(key_node))
            if key in result:
                first_line = self.keys[(*path, key)][0]
                raise self.fail(
                    key_node, f"duplicate key {key!r} (first given on line {first_line})"
                )
            self.keys[(*path, key)] = self.position(key_node)
            result[key] = self.build(value_node, (*path, key), depth + 1)
        return result

    def build_scalar(self, node: yaml.Node) -> Any:
        if node.tag in _STRING_TAGS or _SEXAGESIMAL.match(str(node.value)):
            unusable = first_unusable(node.value)
            if unusable is not None:
                raise self.fail(node, f"text: {why_unusable(node.value[unusable])}")
            return node.value
        if node.tag in _PLAIN_TAGS:
            try:
                value = self.constructor.construct_object(node, deep=True)
            except (ValueError, KeyError, yaml.YAMLError):
                # `!!int "abc"`, `!!bool "maybe"`, or a number over Python's 4300 digits.
                shown = node.value if len(node.value) <= 40 else node.value[:40] + "..."
                kind = _KINDS[node.tag]
                raise self.fail(node, f"{shown!r} is not {kind}") from None
            if isinstance(value, float) and not math.isfinite(value):
                # NaN passes every minimum and maximum, then makes JSON that no parser reads.
                raise self.fail(
                    node, f"{node.value!r} is not a usable number (.nan and .inf are not allowed)"
                )
            return value
        raise self.fail(node, f"YAML tag {node.tag!r} is not allowed")
