"""The finder page's first paint without a round trip: its styles inline in <head>.

On a slow connection every file a page waits for costs a round trip (two seconds on
slow 3G), so /groups/ paints its header, crisis lines and first results from the HTML
alone: the little CSS in ``first_paint.css`` goes in a ``<style>`` element and the
full stylesheets load at the end of the page (theme/main.html). The Content-Security-
Policy allows exactly this style by its hash (render/headers.py), as it does the
theme's inline scripts.
"""

from __future__ import annotations

import base64
import hashlib
from importlib.resources import files

FIRST_PAINT_CSS = files(__package__).joinpath("first_paint.css").read_text(encoding="utf-8")


def style_hash(text: str) -> str:
    """The CSP source that allows exactly this inline style."""
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


FIRST_PAINT_STYLE_HASH = style_hash(FIRST_PAINT_CSS)
