"""JSON Schema validation that speaks to contributors, at the right line.

jsonschema reports errors by path; we map each path back to the line of the
offending key or value, and rewrite the message in plain words using the
field's own description from the schema.
"""

from __future__ import annotations

import difflib
import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, get_args

import jsonschema_rs
from jsonschema import Draft202012Validator, validators
from jsonschema.exceptions import ValidationError

from peerkit.load.diagnostics import Diagnostic, error
from peerkit.load.formats import FORMATS, RULES, format_checker
from peerkit.model.positions import Located
from peerkit.model.schemas import RecordKind, schema_for

_JSON_TYPES: Mapping[str, str] = MappingProxyType(
    {
        "string": "text",
        "integer": "a whole number",
        "number": "a number",
        "boolean": "true or false",
        "array": "a list",
        "object": "a set of fields",
        "null": "nothing",
    }
)


def _type_name(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "true or false"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    return "a set of fields"


def validate(kind: RecordKind, located: Located, rel: str) -> list[Diagnostic]:
    """Every schema problem of one record, each at its line.

    The verdict is one: a record is valid only if every validator says so. Most
    records are valid, and the Python validator takes a millisecond to say so: at
    25,000 files that is a tenth of a build. jsonschema-rs (compiled) answers first;
    both check formats with the same functions (`formats.FORMATS`), its patterns'
    \\d and $ are narrower than Python's, and the one rule it cannot know, a whole
    number written 2.0, is looked for by `_float_for_whole_number`. When it finds
    anything, the Python validator finds the problems again and words them; should
    that find nothing, jsonschema-rs's own findings are reported, so its refusal
    always stands.
    """
    if is_valid(kind, located.data):
        return []
    fast = _fast_validator(kind)
    validator = python_validator(kind)
    problems: list[Diagnostic] = []
    for err in _leaf_errors(validator.iter_errors(located.data)):
        problems.extend(_diagnose(err, located, rel))
        if len(problems) >= MAX_PROBLEMS_A_RECORD:
            return _with_more_not_listed(problems, rel)
    if not problems:
        for fast_err in fast.iter_errors(located.data):
            problems.append(_diagnose_fast(fast_err, located, rel))
            if len(problems) >= MAX_PROBLEMS_A_RECORD:
                return _with_more_not_listed(problems, rel)
    return _without_echoes(sorted(set(problems)))


def _without_echoes(problems: list[Diagnostic]) -> list[Diagnostic]:
    """One line for one value: a value that breaks its pattern and its format is said
    once, in the fuller of the two messages (which begins with the other)."""
    return [
        p
        for p in problems
        if not any(
            o is not p
            and (o.path, o.line, o.col) == (p.path, p.line, p.col)
            and o.message.startswith(p.message)
            and o.message != p.message
            for o in problems
        )
    ]


def is_valid(kind: RecordKind, data: Any) -> bool:
    """Whether ``data`` passes the schema, by the compiled validator and the one rule it
    cannot know; the same verdict as `validate`, without the words."""
    return _fast_validator(kind).is_valid(data) and not _float_for_whole_number(
        _WHOLE_NUMBERS[kind], data
    )


MAX_PROBLEMS_A_RECORD = 50
"""Problems listed for one file. A list of 20,000 wrong items would otherwise give
20,000 lines, and the validators are asked for errors one at a time, so stopping
here also bounds the time a crafted file takes."""


def _with_more_not_listed(problems: list[Diagnostic], rel: str) -> list[Diagnostic]:
    last = max(problems)
    more = error(
        rel,
        last.line,
        last.col,
        f"more problems after these {len(problems)} are not listed: fix these first",
    )
    return [*sorted(set(problems)), more]


def _diagnose_fast(err: jsonschema_rs.ValidationError, located: Located, rel: str) -> Diagnostic:
    """A problem only jsonschema-rs found, in its own words, at the value's line."""
    path = tuple(err.instance_path)
    line, col = located.value_at(path)
    return error(rel, line, col, f"{_field_name(path)}: {err.message}")


def _unique_items(
    validator: Draft202012Validator, unique: bool, instance: Any, schema: dict[str, Any]
) -> Iterator[ValidationError]:
    """uniqueItems in time linear in the list: jsonschema compares every pair of a list
    it cannot sort (8,000 mixed items took 9 s); equal JSON values get one key here."""
    if not unique or not isinstance(instance, list):
        return
    seen: set[Any] = set()
    for item in instance:
        key = _json_key(item)
        if key in seen:
            yield ValidationError(f"{item!r} is listed more than once")
            return
        seen.add(key)


def _json_key(value: Any) -> Any:
    """A hashable key equal for equal JSON values: 1 and 1.0 alike, true and 1 not."""
    if isinstance(value, bool) or value is None or isinstance(value, str):
        return (type(value).__name__, value)
    if isinstance(value, int | float):
        return ("number", value)
    if isinstance(value, list):
        return ("list", tuple(_json_key(item) for item in value))
    if isinstance(value, dict):
        return ("object", frozenset((key, _json_key(item)) for key, item in value.items()))
    return ("other", repr(value))


def _is_whole_number(checker: object, instance: Any) -> bool:
    """JSON Schema counts 2.0 as an integer; the date arithmetic the value feeds does not."""
    return isinstance(instance, int) and not isinstance(instance, bool)


_Validator = validators.extend(
    Draft202012Validator,
    validators={"uniqueItems": _unique_items},
    type_checker=Draft202012Validator.TYPE_CHECKER.redefine("integer", _is_whole_number),
)


# One validator of each sort a kind, made at import rather than for each of thousands
# of records, and never changed after.
_PYTHON_VALIDATORS: Mapping[RecordKind, Draft202012Validator] = MappingProxyType(
    {
        kind: _Validator(schema_for(kind), format_checker=format_checker())
        for kind in get_args(RecordKind)
    }
)
_FAST_VALIDATORS: Mapping[RecordKind, jsonschema_rs.Draft202012Validator] = MappingProxyType(
    {
        kind: jsonschema_rs.Draft202012Validator(
            schema_for(kind), validate_formats=True, formats=dict(FORMATS)
        )
        for kind in get_args(RecordKind)
    }
)


def python_validator(kind: RecordKind) -> Draft202012Validator:
    return _PYTHON_VALIDATORS[kind]


def _fast_validator(kind: RecordKind) -> jsonschema_rs.Draft202012Validator:
    return _FAST_VALIDATORS[kind]


_SUBSCHEMAS = ("allOf", "anyOf", "oneOf", "then", "else")


@dataclass
class _WholeNumbers:
    """Where a schema wants whole numbers: here, under which properties, in list items.

    Every branch of a schema (allOf, anyOf, oneOf, then, else) is merged in, whatever
    its condition, and parts with no whole number below them are left out, so that a
    record is walked only where a whole number can be: once a kind, not once a record
    (walking the schema for each of 25,000 records was a tenth of loading them)."""

    here: bool = False
    properties: dict[str, _WholeNumbers] = field(default_factory=dict)
    items: _WholeNumbers | None = None

    def merge(self, schema: Any) -> None:
        if not isinstance(schema, dict):
            return
        self.here = self.here or schema.get("type") == "integer"
        for key in _SUBSCHEMAS:
            branches = schema.get(key)
            for branch in branches if isinstance(branches, list) else [branches]:
                self.merge(branch)
        for name, sub in schema.get("properties", {}).items():
            self.properties.setdefault(name, _WholeNumbers()).merge(sub)
        if "items" in schema:
            self.items = self.items or _WholeNumbers()
            self.items.merge(schema["items"])

    def pruned(self) -> _WholeNumbers | None:
        """This part without branches that hold no whole number; None if nothing is left."""
        properties = {
            name: kept
            for name, sub in self.properties.items()
            if (kept := sub.pruned()) is not None
        }
        items = self.items.pruned() if self.items is not None else None
        if not self.here and not properties and items is None:
            return None
        return _WholeNumbers(self.here, properties, items)


def _whole_numbers(schema: Any) -> _WholeNumbers | None:
    found = _WholeNumbers()
    found.merge(schema)
    return found.pruned()


_WHOLE_NUMBERS: Mapping[RecordKind, _WholeNumbers | None] = MappingProxyType(
    {kind: _whole_numbers(schema_for(kind)) for kind in get_args(RecordKind)}
)


def _float_for_whole_number(wanted: _WholeNumbers | None, data: Any) -> bool:
    """Whether a value the schema wants as a whole number is written with a decimal
    point (JSON Schema counts 2.0 as an integer; `_is_whole_number` does not)."""
    if wanted is None:
        return False
    if wanted.here and isinstance(data, float):
        return True
    if isinstance(data, dict):
        properties = wanted.properties
        return any(
            _float_for_whole_number(properties[k], v) for k, v in data.items() if k in properties
        )
    if isinstance(data, list) and wanted.items is not None:
        return any(_float_for_whole_number(wanted.items, item) for item in data)
    return False


def _leaf_errors(errors: Iterator[ValidationError]) -> Iterator[ValidationError]:
    """Flatten `if/then` and `allOf` wrappers so each real problem is reported once."""
    for err in errors:
        if err.validator in ("allOf",) and err.context:
            yield from _leaf_errors(iter(err.context))
        else:
            yield err


def _field_name(path: tuple[str | int, ...]) -> str:
    parts: list[str] = []
    for part in path:
        if isinstance(part, int):
            parts.append(f"[{part + 1}]")
        else:
            parts.append(("." if parts else "") + part)
    return "".join(parts) or "the file"


def _diagnose(err: ValidationError, located: Located, rel: str) -> Iterator[Diagnostic]:
    path = tuple(err.absolute_path)
    name = _field_name(path)
    schema = err.schema if isinstance(err.schema, dict) else {}
    hint = schema.get("description", "")
    if err.validator == "additionalProperties" and isinstance(err.instance, dict):
        known = list(schema.get("properties", {}))
        for key in err.instance:
            if key in known:
                continue
            line, col = located.key_at((*path, key))
            close = difflib.get_close_matches(key, known, n=1)
            tip = (
                f"; did you mean {close[0]!r}?" if close else f"; known fields: {', '.join(known)}"
            )
            where = f" in {name}" if path else ""
            yield error(rel, line, col, f"unknown field {key!r}{where}{tip}")
        return
    if err.validator == "required":
        missing = err.message.split("'")[1] if "'" in err.message else err.message
        line, col = located.value_at(path)
        where = f" in {name}" if path else ""
        described = schema.get("properties", {}).get(missing, {}).get("description", "")
        yield error(
            rel, line, col, f"missing required field {missing!r}{where}: {described}".rstrip(": ")
        )
        return
    line, col = located.value_at(path)
    yield error(rel, line, col, f"{name}: {_explain(err, hint)}{_shown(err, path)}")


def _shown(err: ValidationError, path: tuple[str | int, ...]) -> str:
    """A block of fields written as a single value (``consent: yes``): the schema's own
    example of the block, line by line, which says more to a newcomer than its type."""
    schema = err.schema if isinstance(err.schema, dict) else {}
    examples = schema.get("examples")
    if err.validator != "type" or not path or not examples or not isinstance(examples[0], dict):
        return ""
    key = str(path[-1])
    lines = [f"`{key}:`", *(f"`  {field}: {_yaml(value)}`" for field, value in examples[0].items())]
    return f". Write it as these lines, the ones below {key}: indented by two spaces: " + " ".join(
        lines
    )


def _yaml(value: Any) -> str:
    return value if isinstance(value, str) else json.dumps(value)


def _explain(err: ValidationError, hint: str) -> str:
    value = err.instance
    schema = err.schema if isinstance(err.schema, dict) else {}
    match err.validator:
        case "type":
            expected = err.validator_value
            wanted = (
                " or ".join(_JSON_TYPES.get(t, t) for t in expected)
                if isinstance(expected, list)
                else _JSON_TYPES.get(expected, expected)
            )
            if expected == "string" and isinstance(value, bool):
                # `title: Yes` or `author: No`: YAML 1.1 reads yes/no/on/off as booleans.
                return (
                    "YAML reads yes, no, on, off, true and false as true or false, not as"
                    " words: put the value in double quotes" + (f" ({hint})" if hint else "")
                )
            return f"expected {wanted}, got {_type_name(value)}" + (f" ({hint})" if hint else "")
        case "enum":
            return f"{value!r} is not allowed; use one of: " + ", ".join(
                map(str, err.validator_value)
            )
        case "const":
            return f"must be {str(err.validator_value).lower()}" + (f": {hint}" if hint else "")
        case "pattern":
            return f"{value!r} is not valid" + (f": {hint}" if hint else "")
        case "format":
            rule = RULES.get(str(err.validator_value), "")
            return (
                f"{value!r} is not valid"
                + (f": {hint}" if hint else "")
                + (f" (it must be {rule})" if rule else "")
            )
        case "minLength" | "minItems":
            return "must not be empty"
        case "maxLength":
            return f"is too long ({len(value)} characters; at most {err.validator_value})"
        case "maxItems":
            return f"has too many entries (at most {err.validator_value})"
        case "uniqueItems":
            return "lists the same entry twice"
        case "minimum" | "maximum":
            return f"{value!r} is out of range" + (f": {hint}" if hint else "")
        case "dependentRequired":
            properties = schema.get("properties", {})
            needs = [
                f"{field} needs {missing}: {properties.get(missing, {}).get('description', '')}"
                for field, required in err.validator_value.items()
                if field in value
                for missing in required
                if missing not in value
            ]
            return "; ".join(needs)
        case "anyOf":
            options = [
                "/".join(sub.get("required", []))
                for sub in err.validator_value
                if isinstance(sub, dict)
            ]
            return "needs at least one of: " + ", ".join(options)
        case _:
            return err.message + (
                f" ({schema.get('description')})" if schema.get("description") else ""
            )
