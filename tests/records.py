"""Records for render tests, made in memory through the loader's own converter.

The same defaults as `SiteBuilder` writes to disk (`tests.conftest`), so a render
test needs no files: `site(stories=[story("quiet", anonymous=True)])`.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from peerkit.model.convert import record_from
from peerkit.model.positions import Located
from peerkit.model.records import Crisis, Group, Source, Story, Tip, Topic
from peerkit.model.site import Site
from tests.conftest import (
    CRISIS,
    STORY_BODY,
    TIP_BODY,
    TOPICS,
    group_fields,
    story_fields,
    tip_fields,
)


def _source(path: str, data: dict[str, Any]) -> Source:
    return Source(path, Located(data))


def story(slug: str = "a-story", body: str = STORY_BODY, **fields: Any) -> Story:
    data = story_fields() | fields
    source = _source(f"content/stories/{slug}.md", data)
    return record_from(Story, data, slug=slug, body=body, body_line=10, source=source)


def tip(slug: str = "a-tip", body: str = TIP_BODY, **fields: Any) -> Tip:
    data = tip_fields() | fields
    source = _source(f"content/tips/{slug}.md", data)
    return record_from(Tip, data, slug=slug, body=body, body_line=6, source=source)


def group(slug: str = "a-group", **fields: Any) -> Group:
    data = group_fields() | fields
    return record_from(Group, data, slug=slug, source=_source(f"content/groups/{slug}.yml", data))


def site(
    stories: Iterable[Story] = (), tips: Iterable[Tip] = (), groups: Iterable[Group] = ()
) -> Site:
    topics = tuple(record_from(Topic, t, source=_source("content/topics.yml", t)) for t in TOPICS)
    return Site(
        topics=topics,
        stories=tuple(stories),
        tips=tuple(tips),
        groups=tuple(groups),
        crisis=record_from(Crisis, CRISIS),
    )
