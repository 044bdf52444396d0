"""What each generated page shows besides its HTML, kept between runs of `peerkit build`,
so that a page unchanged since the last build is never rendered.

A page of the site is a pure function of the records it shows (the key its maker
gives `PageMaker.cached`: a group's page of the group, its topics and the first-time
tips), the settings, this Peerkit and, for the pages that list groups, the day. So
each page gets a body key, a SHA-256 of all of those (each record by its
`RecordKeys` key), and its facts (address, title, description, JSON-LD,
flags, feeds) are kept under it. At the next build a page whose body key is known
comes back with those facts and its HTML put off (`GeneratedPage.later`): the page
cache keys it by its body key, and only a page the cache does not hold is rendered.
Rendering the pages was most of a rebuild: 20 seconds at 26,000 pages.

The templates are not in the body key: a page's facts do not depend on them, and
`page_cache` keys the built page by the theme and templates too. Whatever this file
holds, a page not known here is rendered as in a cold build; a damaged file, or one
of another format, is a cold start. The file is written by Peerkit itself under the
site's own `.cache/peerkit/`, which is trusted like the site's code: marshal reads
it fast, and is not for data from strangers.
"""

from __future__ import annotations

import hashlib
import marshal
from collections.abc import Callable, Hashable
from dataclasses import is_dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any

from peerkit.checked_files import read_checked, write_checked
from peerkit.code_digest import package_digest
from peerkit.model.record_keys import RecordKeys
from peerkit.model.settings import Settings
from peerkit.render.atom import Feed
from peerkit.render.page import GeneratedPage

FACTS_FILE = "page-facts.marshal"
"""In the site's `.cache/peerkit/` folder."""
_FORMAT = 1
_TAG = "peerkit page facts"
_FIELDS = 8
_LONG = 16
"""Tuples of this many items or more are digested once (`PageFacts._part`)."""

_Facts = tuple[str, str, str | None, str | None, bool, bool, bool, tuple[tuple[str, str], ...]]


class PageFacts:
    """The kept facts of one site's pages: read when made, written by `save`."""

    def __init__(self, folder: Path, settings: Settings, records: RecordKeys | None = None) -> None:
        self.path = folder / FACTS_FILE
        # The theme's folders are absolute paths: the same site checked out elsewhere
        # (a CI runner restoring the cache) keeps its pages.
        generation = f"{package_digest()}\n{replace(settings, template_dirs=())!r}\n"
        self._generation = generation.encode("utf-8", "surrogatepass")
        self._known = _read(self.path)
        self._used: dict[str, _Facts] = {}
        self._records = records or RecordKeys()
        self._tuples: dict[int, tuple[Any, bytes]] = {}
        self.rendered = 0
        """Pages rendered as their maker was called: not known from the last build."""

    def page(
        self, key: Hashable, make: Callable[[], GeneratedPage], day: date | None
    ) -> GeneratedPage:
        """The page ``make`` renders from the records in ``key`` (and ``day``, for a page
        that shows the day's next meetings or flags old listings): rendered now if its
        facts are not known, else with its rendering put off."""
        digest = hashlib.sha256(self._generation)
        digest.update(f"{day}\n".encode())
        digest.update(self._part(key))
        body_key = digest.hexdigest()
        known = self._known.get(body_key)
        if known is None:
            self.rendered += 1
            page = replace(make(), body_key=body_key)
            self._used[body_key] = _facts(page)
            return page
        self._used[body_key] = known
        url, title, description, jsonld, on_a_list, directory, next_meetings, feeds = known
        return GeneratedPage(
            url,
            title,
            "",
            description,
            jsonld,
            on_a_list,
            directory,
            next_meetings,
            tuple(Feed(path, feed_title) for path, feed_title in feeds),
            body_key=body_key,
            later=lambda: make().html,
        )

    def save(self) -> None:
        """Keep the facts of this build's pages, and only those."""
        write_checked(self.path, _TAG, marshal.dumps((_FORMAT, self._used)))

    def _part(self, value: Any) -> bytes:
        """``value`` as bytes that are the same in every process: records (frozen
        dataclasses of strings, numbers, dates and tuples) by their keys (`RecordKeys`),
        each record's once, as a group is in the keys of its own page, its region's
        and its topics'; a long tuple by the SHA-256 of its items, once, as every
        group's key holds the same tips for first-timers."""
        kind = type(value)
        if is_dataclass(kind):
            return self._records.of(value)
        if kind is not tuple:
            return repr(value).encode("utf-8", "surrogatepass") + b","
        known = self._tuples.get(id(value))
        if known is not None and known[0] is value:
            return known[1]
        text = b"(" + b"".join(map(self._part, value)) + b")"
        if len(value) < _LONG:
            return text
        digest = hashlib.sha256(text).digest()
        self._tuples[id(value)] = (value, digest)
        return digest


def _facts(page: GeneratedPage) -> _Facts:
    feeds = tuple((feed.path, feed.title) for feed in page.feeds)
    return (
        page.url,
        page.title,
        page.description,
        page.jsonld,
        page.on_a_list,
        page.directory,
        page.next_meetings,
        feeds,
    )


def _read(path: Path) -> dict[str, _Facts]:
    """The kept facts, if the file is whole (`checked_files`) and of this format: else
    none, and every page is rendered."""
    payload = read_checked(path, _TAG)
    if payload is None:
        return {}
    try:
        found = marshal.loads(payload)
    except (EOFError, ValueError, TypeError):
        return {}
    if not (isinstance(found, tuple) and len(found) == 2 and found[0] == _FORMAT):
        return {}
    return {
        key: facts
        for key, facts in (found[1].items() if isinstance(found[1], dict) else ())
        if isinstance(facts, tuple) and len(facts) == _FIELDS
    }
