"""What the exports leave out, in words for the build's output.

A format that cannot hold part of a listing drops it rather than publish it wrong;
the organisation should hear so at every build, with the count and where the
listing is still whole, or partners' apps would simply show fewer groups.
"""

from __future__ import annotations

from collections.abc import Sequence

from peerkit.model.records import Group
from peerkit.render.exports import hsds, meeting_guide


def exports_report(groups: Sequence[Group]) -> list[str]:
    """One line for each export that leaves something out; none when all is there."""
    lines = []
    not_weekly = meeting_guide.with_meetings_left_out(groups)
    if not_weekly:
        lines.append(
            f"{meeting_guide.PATH}: {_groups(len(not_weekly))} left out, or some of their"
            " meetings: the format lists weekly meetings only, and these meet monthly or"
            " every few weeks (they stay in the calendars and the HSDS export)"
        )
    no_address = hsds.addresses_left_out(groups)
    if no_address:
        lines.append(
            f"{hsds.FOLDER}: {_groups(len(no_address))} without an address: HSDS needs"
            " the street, town, region, postcode and country of a venue; add the missing"
            " location.postcode to publish it"
        )
    return lines


def _groups(count: int) -> str:
    return f"{count} group{'s' if count != 1 else ''}"
