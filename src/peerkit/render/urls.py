"""Where each generated page lives, and links between them.

Generated pages are handed to the site already rendered, so their links are
made here, relative to the page they are on: the site then works from any
folder of any static host (a GitHub Pages project path included).
"""

from __future__ import annotations

import posixpath
import re
import unicodedata

STORIES = "stories/"
FEED = "stories/feed.xml"
TIPS = "tips/"
GROUPS = "groups/"
GROUP_FEEDS = "groups/feeds/"
"""The groups' feeds, together in a folder of their own: see render/group_feed.py."""
GROUPS_FEED = f"{GROUP_FEEDS}everywhere.xml"
TOPICS = "topics/"


def slugify(text: str) -> str:
    """A web-address form of a name: "North West" -> "north-west", "Κρήτη" -> "κρητη".

    Accents are dropped but letters of every script are kept, so that two
    regions never share an address just because their names are not Latin.
    """
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    bare = "".join(char for char in decomposed if not unicodedata.combining(char))
    return re.sub(r"[\W_]+", "-", bare).strip("-") or "x-" + text.encode().hex()[:16]


def story(slug: str) -> str:
    return f"{STORIES}{slug}/"


def stories_page(number: int) -> str:
    return STORIES if number == 1 else f"{STORIES}page/{number}/"


def tip(slug: str) -> str:
    return f"{TIPS}{slug}/"


def region(name: str) -> str:
    return f"{GROUPS}{slugify(name)}/"


def region_feed(name: str) -> str:
    return f"{GROUP_FEEDS}in-{slugify(name)}.xml"


def region_page(name: str, number: int) -> str:
    return region(name) if number == 1 else f"{region(name)}page/{number}/"


def group(region_name: str, slug: str) -> str:
    return f"{region(region_name)}{slug}/"


def topic(slug: str) -> str:
    return f"{TOPICS}{slug}/"


def relative(from_url: str, to_url: str) -> str:
    """The link from the page at ``from_url`` to ``to_url`` (both site-relative)."""
    base = from_url if from_url.endswith("/") else posixpath.dirname(from_url) + "/"
    target = posixpath.relpath("/" + to_url, "/" + base)
    if to_url.endswith("/") and target != ".":
        target += "/"
    return "./" if target == "." else target
