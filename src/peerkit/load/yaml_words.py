"""YAML syntax errors in words a contributor who is not a programmer can act on.

The parser says "mapping values are not allowed here" for a colon in a title, and
"found character '\\t' that cannot start any token" for a tab. Contributors meet
a handful of mistakes again and again; each is recognised here from the parser's
problem and the line it points at, and said as what to change, with the line
rewritten where that can be done. Anything else keeps the parser's words, after
"invalid YAML:", so that no problem is hidden.
"""

from __future__ import annotations

import json
import re

_KEY_VALUE = re.compile(r"^(?P<indent>[ \t]*)(?:- +)?(?P<key>[\w-]+):[ \t]+(?P<value>.*?)\s*$")
_OPENS_QUOTE = re.compile(r"""^[ \t]*(?:- +)?[\w-]+:[ \t]+(?P<quote>["'])""")


def unclosed_quote(lines: list[str], before: int) -> tuple[int, int] | None:
    """The first of ``lines`` (up to index ``before``) whose value opens a quotation
    mark that the line does not close, as (index, column): the parser reads on to
    the next quotation mark, lines later, and reports what it found there."""
    for index, line in enumerate(lines[: before + 1]):
        opened = _OPENS_QUOTE.match(line)
        if not opened:
            continue
        quote, rest = opened["quote"], line[opened.end() :]
        closing = rest.replace('\\"', "") if quote == '"' else rest.replace("''", "")
        if quote not in closing:
            return index, opened.start("quote") + 1
    return None


def plain_problem(problem: str, context: str, line_text: str, col: int) -> tuple[str, int]:
    """The message for a YAML ``problem`` (found ``context``, such as "while scanning a
    quoted scalar") reported at ``col`` of ``line_text``, and the column to report it
    at (the tab, not the token after it)."""
    tab = line_text.find("\t")
    if "'\\t'" in problem or (tab != -1 and tab < len(line_text) - len(line_text.lstrip())):
        return (
            "a tab character: YAML needs spaces to indent, not tabs; replace the tab with"
            " spaces (two for each level), and set your editor to indent with spaces",
            (tab if tab != -1 else col - 1) + 1,
        )
    pair = _KEY_VALUE.match(line_text)
    if problem.startswith("mapping values are not allowed") and pair and pair.start("value") < col:
        value = pair["value"]
        return (
            f"the value of {pair['key']!r} holds a colon followed by a space, which YAML reads"
            " as the start of another field: put the whole value in double quotes, as in"
            f" {pair['key']}: {json.dumps(value, ensure_ascii=False)}",
            col,
        )
    if problem.startswith("mapping values are not allowed"):
        return (
            "this line is indented more than the field above it, so YAML reads it as part"
            " of that field's value: start it in the same column as the field above, or,"
            " if it belongs inside that field, leave that field's value empty",
            col,
        )
    if "quoted scalar" in context:
        return (
            "a quotation mark opens a value but no matching one closes it: add the same"
            " quotation mark at the end of the value, or remove the one at its start",
            col,
        )
    if problem.startswith("could not find expected ':'") or "simple key" in context:
        return (
            "this line is not a field: each line should be 'name: value', or a '- ' item of"
            " a list; if it continues the line above, put that whole value in double quotes"
            " on one line",
            col,
        )
    if problem.startswith(("expected <block end>", "did not find expected key")):
        return (
            "this line is indented differently from the fields around it: fields of the"
            " same block start in the same column, and a field's own fields are indented"
            " by two more spaces",
            col,
        )
    if problem.startswith("did not find expected '-' indicator"):
        return (
            "this line breaks a list: every item of the list starts with '- ' in the same column",
            col,
        )
    return f"invalid YAML: {problem}", col
