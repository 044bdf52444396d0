"""The day Peerkit counts as today, the same for every command and every build.

"Today" decides which listings are stale, which meetings are next, and the dates
`init` and `new` write. Two builds of the same sources on different days would
differ; reproducible builds (reproducible-builds.org) set SOURCE_DATE_EPOCH, the
seconds since 1970 of the sources' last change, and a build that honours it gives
the same site on any day. Its day is taken in UTC, as the variable's definition
says; a value that is not a whole number of seconds is not a date and is ignored.
"""

from __future__ import annotations

import os
from datetime import date, datetime, timezone

SOURCE_DATE_EPOCH = "SOURCE_DATE_EPOCH"


def today() -> date:
    value = os.environ.get(SOURCE_DATE_EPOCH, "").strip()
    if value.isdigit():
        return datetime.fromtimestamp(int(value), tz=timezone.utc).date()
    return date.today()
