"""Validated data to records, driven by the record types' own fields.

A content file's data has passed its JSON Schema before it gets here, so this
does no checking: it reads each dataclass field's type (a nested record, a
tuple, a date, an optional value) and converts the value found under the
field's name. A field whose text has a form of its own names its parser in its
metadata (``field(metadata={"parse": ...})``); values worked out from other
fields come from the type's ``derived(data)``. So a new field is declared in the
schema and the record type, and nowhere else.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from collections.abc import Callable, Mapping
from datetime import date
from typing import Any, TypeVar

from peerkit.model.kinds import KINDS
from peerkit.model.records import Crisis, Topic

R = TypeVar("R")
_Convert = Callable[[Any], Any]


def _same(value: Any) -> Any:
    return value


def _converter(hint: Any) -> _Convert:
    """How to turn a validated value into a value of the type ``hint``."""
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        inner = _converter(next(a for a in args if a is not type(None)))
        return lambda value: None if value is None else inner(value)
    if origin is tuple:
        item = _converter(args[0])
        return lambda value: tuple(item(v) for v in value)
    if hint is date:
        return lambda value: value if isinstance(value, date) else date.fromisoformat(value)
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        plan = _plan(hint)
        return lambda value: _build(hint, plan, value, {})
    return _same


_Plan = tuple[tuple[str, str, _Convert, bool], ...]
"""Each field: its name, its key in the file (``field(metadata={"key": ...})`` where the
file's word cannot be a Python name), its converter, and whether it has a default."""


def _plan(cls: type) -> _Plan:
    hints = typing.get_type_hints(cls)
    plan = []
    for f in dataclasses.fields(cls):
        if f.name.startswith("_"):
            continue
        parse = f.metadata.get("parse")
        has_default = (
            f.default is not dataclasses.MISSING or f.default_factory is not dataclasses.MISSING
        )
        key = f.metadata.get("key", f.name)
        plan.append((f.name, key, parse or _converter(hints[f.name]), has_default))
    return tuple(plan)


def _build(cls: type[R], plan: _Plan, data: Mapping[str, Any], given: Mapping[str, Any]) -> R:
    derive = getattr(cls, "derived", None)
    values = {**data, **derive(data)} if derive is not None else data
    kwargs: dict[str, Any] = {}
    for name, key, convert, has_default in plan:
        if name in given:
            kwargs[name] = given[name]
        elif key in values:
            kwargs[name] = convert(values[key])
        elif not has_default:
            kwargs[name] = None
    return cls(**kwargs)


_PLANS: Mapping[type, _Plan] = types.MappingProxyType(
    {cls: _plan(cls) for cls in (*(kind.record for kind in KINDS), Topic, Crisis)}
)
"""Worked out once, at import: reading type hints for every one of 20,000 records
would cost more than the conversion itself."""


def record_from(cls: type[R], data: Mapping[str, Any], **given: Any) -> R:
    """A record of type ``cls`` from schema-valid ``data``; ``given`` are values that do
    not come from the file's fields (its slug, body, source)."""
    return _build(cls, _PLANS[cls], data, given)
