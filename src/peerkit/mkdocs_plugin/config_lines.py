"""Where a setting is written in mkdocs.yml, so a message about it can say so.

mkdocs.yml may hold tags only MkDocs can construct (``!!python/name:``,
``!ENV``), so the file is composed into YAML nodes, which keep their lines,
without constructing any value.
"""

from __future__ import annotations

from pathlib import Path

import yaml


def _child(node: yaml.Node | None, key: str) -> tuple[yaml.Node, yaml.Node] | None:
    if isinstance(node, yaml.MappingNode):
        for k, v in node.value:
            if isinstance(k, yaml.ScalarNode) and k.value == key:
                return k, v
    return None


def _plugin(root: yaml.Node | None, name: str) -> tuple[yaml.Node, yaml.Node] | None:
    """A plugin's name and options nodes; plugins may be a list or a mapping."""
    found = _child(root, "plugins")
    if found is None:
        return None
    plugins = found[1]
    if isinstance(plugins, yaml.MappingNode):
        return _child(plugins, name)
    if isinstance(plugins, yaml.SequenceNode):
        for item in plugins.value:
            entry = _child(item, name)
            if entry is not None:
                return entry
    return None


def setting_line(config_file: str | Path, *keys: str, plugin: str | None = None) -> int:
    """The line (from 1) of the value of ``keys`` in mkdocs.yml, under ``plugin``'s
    options if given; the line of the nearest written parent when the key is not
    written (a default), and 1 if the file cannot be read."""
    try:
        root = yaml.compose(Path(config_file).read_text("utf-8"), Loader=yaml.SafeLoader)
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return 1
    line = 1
    node = root
    if plugin is not None:
        entry = _plugin(root, plugin)
        if entry is None:
            return line
        line, node = entry[0].start_mark.line + 1, entry[1]
    for key in keys:
        entry = _child(node, key)
        if entry is None:
            return line
        line = entry[1].start_mark.line + 1
        node = entry[1]
    return line
