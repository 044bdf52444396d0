"""A spreadsheet cell that is text, never a formula.

Excel, LibreOffice Calc and Google Sheets evaluate a CSV cell that begins with
``=``, ``+``, ``-`` or ``@`` (or a tab or line break before one): a group named
``=HYPERLINK(…)`` or ``@SUM(1+1)*cmd|…`` in the HSDS tables would run in the
spreadsheet of the partner who opens them. Such a cell is written with a
leading apostrophe, the mark all three read as "this cell is text" and do not
show; a cell that already starts with an apostrophe gets one more, so that it
still shows the one it had. Numbers that Peerkit writes itself (coordinates,
ages) are not text and are written as they are, so -1.5491 stays a number.

The writer also quotes every cell. A program that splits on ``;`` or a tab
instead of ``,`` (as Excel does in many countries) does not honour quotes in the
middle of what it takes for a cell, so a formula after a separator or a line
break inside a value would start a cell of its own there: the same mark goes
before such a formula too (``1,'-2``). `read_cell` removes exactly the marks
`cell` added, so a value read back is the value written.
"""

from __future__ import annotations

import re
from typing import Any

# What spreadsheets take as the start of a formula, the full-width forms some of
# them fold to it, and the apostrophe itself, so that the mark round-trips.
_FORMULA = "=+\\-@\uff1d\uff0b\uff0d\uff20'"
# Inside a value: after a line break or a separator, before a formula.
_SEPARATORS = "\r\n\t,;"
_MARK_AT = re.compile(f"\\A(?=[{_FORMULA}{_SEPARATORS}])|(?<=[{_SEPARATORS}])(?=[{_FORMULA}])")
_MARKED = re.compile(f"\\A'(?=[{_FORMULA}{_SEPARATORS}])|(?<=[{_SEPARATORS}])'(?=[{_FORMULA}])")


def cell(value: Any) -> str:
    """``value`` as the text of one cell: None is empty, text is never a formula."""
    if value is None:
        return ""
    if isinstance(value, str):
        return _MARK_AT.sub("'", value)
    return str(value)


def read_cell(text: str) -> str:
    """A cell written by `cell` as its value again: the apostrophes it added are dropped."""
    return _MARKED.sub("", text)
