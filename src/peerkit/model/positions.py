"""Where each value of a content file came from, so errors can name the line."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

Path = tuple[str | int, ...]
Position = tuple[int, int]


@dataclass
class Located:
    """Data parsed from YAML, with positions of values and of mapping keys."""

    data: Any
    values: dict[Path, Position] = field(default_factory=dict)
    keys: dict[Path, Position] = field(default_factory=dict)

    def value_at(self, path: Path) -> Position:
        """The position of the value at ``path``, or of its nearest parent."""
        while path not in self.values and path:
            path = path[:-1]
        return self.values.get(path, (1, 1))

    def key_at(self, path: Path) -> Position:
        """The position of the key that holds ``path`` (falls back to its value)."""
        return self.keys.get(path) or self.value_at(path)
