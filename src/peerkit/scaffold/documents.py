"""Fields to file text that reads like the examples, validated before it is written.

The YAML is written the way the add-a-group guide shows it: lists of words on
one line in brackets, nested fields indented under their name, long text
folded, times in quotes. The text is then parsed and validated exactly as
`peerkit check` will, so a file is only written if it passes.
"""

from __future__ import annotations

import os
import re
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from peerkit.load.diagnostics import Diagnostic, error
from peerkit.load.source_files import SourceText, display_path, split_front_matter
from peerkit.load.validate import validate
from peerkit.load.yaml_source import YamlProblem, parse_yaml
from peerkit.model.schemas import RecordKind
from peerkit.render.schema_files import schema_path
from peerkit.scaffold.fields import ordered
from peerkit.scaffold.site_facts import SiteContext

_LOOKS_LIKE_TIME = re.compile(r"^[0-9]{1,2}:[0-9]{2}$")
_FOLD_AFTER = 72


class _Dumper(yaml.SafeDumper):
    def ignore_aliases(self, data: Any) -> bool:
        """Never ``&id001``/``*id001``: one date used twice is written twice (check refuses aliases)."""
        return True

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        """Indent list items under their key, as the example files do."""
        super().increase_indent(flow, False)


def _represent_str(dumper: _Dumper, value: str) -> yaml.ScalarNode:
    style = None
    if _LOOKS_LIKE_TIME.match(value):
        style = '"'
    elif "\n" in value:
        style = "|"
    elif len(value) > _FOLD_AFTER:
        style = ">"
    elif "'" in value and not _plain_allowed(dumper, value):
        style = '"'
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


def _plain_allowed(dumper: _Dumper, value: str) -> bool:
    """Whether YAML can hold ``value`` unquoted; if not, "..." reads better than '...''s'."""
    plain_tag = dumper.resolve(yaml.ScalarNode, value, (True, False))
    return dumper.analyze_scalar(value).allow_block_plain and plain_tag.endswith(":str")


def _represent_list(dumper: _Dumper, value: list[Any]) -> yaml.SequenceNode:
    words = all(not isinstance(item, dict | list) for item in value)
    return dumper.represent_sequence("tag:yaml.org,2002:seq", value, flow_style=words)


def _represent_dict(dumper: _Dumper, value: dict[str, Any]) -> yaml.MappingNode:
    return dumper.represent_mapping("tag:yaml.org,2002:map", value, flow_style=False)


_Dumper.add_representer(str, _represent_str)
_Dumper.add_representer(list, _represent_list)
_Dumper.add_representer(dict, _represent_dict)


def yaml_text(kind: RecordKind, fields: dict[str, Any]) -> str:
    return yaml.dump(
        ordered(kind, fields),
        Dumper=_Dumper,
        sort_keys=False,
        allow_unicode=True,
        width=80,
    )


def markdown_file(kind: RecordKind, fields: dict[str, Any], body: str) -> str:
    """Front matter between ``---`` lines, then the body."""
    return f"---\n{yaml_text(kind, fields)}---\n{body.strip()}\n"


def yaml_file(kind: RecordKind, fields: dict[str, Any], schema: str | None) -> str:
    """A YAML record, headed by the modeline editors with a YAML language server read."""
    modeline = f"# yaml-language-server: $schema={schema}\n" if schema else ""
    return modeline + yaml_text(kind, fields)


def schema_reference(kind: RecordKind, file: Path, context: SiteContext) -> str | None:
    """Where an editor finds the schema for ``file``, or None if nowhere dependable.

    Inside a checkout of Peerkit itself (the reference site, an editable
    install) the package's schema file is beside the content: a relative path
    works offline and follows the code. Otherwise the site's own published copy
    (``site_url``/schemas/), which matches the Peerkit version that builds it.
    A path into site-packages would break on the next upgrade, so never that.
    """
    packaged = Path(str(resources.files("peerkit.model").joinpath("schemas", f"{kind}.json")))
    root = context.root.resolve()
    if packaged.resolve().is_relative_to(root) and "site-packages" not in packaged.parts:
        return Path(os.path.relpath(packaged.resolve(), file.parent.resolve())).as_posix()
    if context.site_url:
        return f"{context.site_url.rstrip('/')}/{schema_path(kind)}"
    return None


def problems(kind: RecordKind, text: str, path: Path, context: SiteContext) -> list[Diagnostic]:
    """What `peerkit check` would say of the file's own fields (schema rules)."""
    rel = display_path(path, context.root)
    yaml_part, offset = text, 0
    if kind in ("story", "tip"):
        split = split_front_matter(SourceText(rel, text))
        if isinstance(split, Diagnostic):
            return [split]
        yaml_part, offset = split.yaml, 1
    try:
        located = parse_yaml(yaml_part, line_offset=offset)
    except YamlProblem as problem:
        return [error(rel, problem.line, problem.col, problem.message)]
    return validate(kind, located, rel)


def write_new(path: Path, text: str) -> None:
    """Create ``path`` with ``text``; fails (FileExistsError) rather than overwrite."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("x", encoding="utf-8", newline="\n") as file:
        file.write(text)
