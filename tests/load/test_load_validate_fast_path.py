"""The compiled validator's shortcut never lets through what the Python validator refuses.

Every record file of the reference site is validated as it is and in many broken
forms, once with the shortcut and once by the Python validator alone; the
problems must be the same every time.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from peerkit.load import validate as validate_module
from peerkit.load.source_files import read_source, split_front_matter
from peerkit.load.validate import validate
from peerkit.load.yaml_source import parse_yaml
from peerkit.model.positions import Located

REPO = Path(__file__).resolve().parents[2]
CONTENT = REPO / "content"

BAD_VALUES: tuple[Any, ...] = (
    None, "", " ", 2.0, -1, 0, True, [], {}, ["x"], {"a": 1}, "x" * 5000, "not a date",
    "2026-02-30", "javascript:alert(1)", "no-at-sign", "\u0662\u0660\u0662\u0666-\u0660\u0661-\u0660\u0661", "slug\n", "Ünïcode",
)  # fmt: skip


def _records() -> Iterator[tuple[str, str, Any]]:
    for kind, folder in (("story", "stories"), ("tip", "tips"), ("group", "groups")):
        for path in sorted((CONTENT / folder).rglob("*.*"))[:6]:
            source = read_source(path, REPO, CONTENT)
            assert not isinstance(source, Exception) and hasattr(source, "text")
            if kind == "group":
                yield kind, path.name, parse_yaml(source.text).data
            else:
                split = split_front_matter(source)
                yield kind, path.name, parse_yaml(split.yaml).data  # type: ignore[union-attr]


def _broken(root: Any, prefix: tuple[Any, ...] = ()) -> Iterator[Any]:
    """Copies of ``root`` with one value under ``prefix`` replaced, removed or added."""
    data = _at(root, prefix)
    if isinstance(data, dict):
        for key in list(data):
            for value in BAD_VALUES:
                yield _changed(root, prefix, key, value)
            yield _changed(root, prefix, key, _REMOVED)
            yield from _broken(root, (*prefix, key))
        yield _changed(root, prefix, "unknwon_field", "x")
    elif isinstance(data, list):
        for index in range(len(data)):
            yield from _broken(root, (*prefix, index))


_REMOVED = object()


def _at(root: Any, path: tuple[Any, ...]) -> Any:
    for part in path:
        root = root[part]
    return root


def _changed(root: Any, prefix: tuple[Any, ...], key: Any, value: Any) -> Any:
    changed = copy.deepcopy(root)
    if value is _REMOVED:
        del _at(changed, prefix)[key]
    else:
        _at(changed, prefix)[key] = value
    return changed


class _NeverValid:
    def is_valid(self, data: Any) -> bool:
        return False

    def iter_errors(self, data: Any) -> Iterator[Any]:
        return iter(())


@pytest.mark.parametrize(("kind", "name", "data"), list(_records()))
def test_the_shortcut_and_the_python_validator_agree_on_every_broken_form(
    kind: str, name: str, data: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    forms = [data, *_broken(data)]
    assert len(forms) > 50
    with_shortcut = [validate(kind, Located(form), name) for form in forms]  # type: ignore[arg-type]
    monkeypatch.setattr(validate_module, "_fast_validator", lambda kind: _NeverValid())
    python_only = [validate(kind, Located(form), name) for form in forms]  # type: ignore[arg-type]
    assert with_shortcut[0] == python_only[0] == []
    differing = [
        (form, a, b) for form, a, b in zip(forms, with_shortcut, python_only, strict=True) if a != b
    ]
    assert differing == []
    assert sum(1 for problems in python_only if problems) > len(forms) / 3


def test_a_whole_number_written_with_a_decimal_point_is_still_refused() -> None:
    data = next(d for kind, _, d in _records() if kind == "group" and d.get("schedule"))
    broken = copy.deepcopy(data)
    broken["schedule"][0]["interval"] = 2.0
    problems = validate("group", Located(broken), "g.yml")
    assert "schedule[1].interval" in [p.message.split(":")[0] for p in problems]
