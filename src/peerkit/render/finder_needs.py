"""The finder's "What you need" checkboxes: which group meets which need.

Each need is one bit of the flags in the group's row of the finder's data
(render/directory_data.py), so five yes-or-no answers cost a digit or two a
group; index.json lists the needs in bit order, and directory.js makes a
checkbox for each. A group meets a need only when its listing says so: an
answer not given never matches, since a visitor who ticks "Step-free access"
needs to be able to get in.
"""

from __future__ import annotations

from collections.abc import Callable
from types import MappingProxyType

from peerkit.model.expect import Expect
from peerkit.model.records import Group

NEEDS: MappingProxyType[str, Callable[[Expect], bool]] = MappingProxyType(
    {
        "step_free": lambda e: e.step_free is True,
        "hearing_loop": lambda e: e.hearing_loop is True,
        "signed": lambda e: e.signed_or_captioned,
        "free": lambda e: e.free,
        "drop_in": lambda e: e.drop_in,
    }
)
"""In bit order: the first is bit 1, the next bit 2, and so on. Add at the end only,
so that a link someone shared (``?need=free``) keeps its meaning."""


def needs_met(group: Group) -> int:
    """The needs the group meets, one bit each, in the order of `NEEDS`."""
    if group.expect is None:
        return 0
    return sum(1 << bit for bit, meets in enumerate(NEEDS.values()) if meets(group.expect))
