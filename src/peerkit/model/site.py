"""Everything a site's content holds, as records."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from peerkit.model.kinds import KINDS
from peerkit.model.positions import Located
from peerkit.model.records import (
    Crisis,
    Group,
    Source,
    Story,
    Tip,
    Topic,
    Unchecked,
    with_source,
)


@dataclass(frozen=True)
class Site:
    """Everything loaded from content/, drafts included (rendering skips them)."""

    topics: tuple[Topic, ...]
    stories: tuple[Story, ...]
    tips: tuple[Tip, ...]
    groups: tuple[Group, ...]
    crisis: Crisis
    unchecked: tuple[Unchecked, ...] = ()
    """Stories and tips whose front matter broke its schema, for the rules that read
    text and topics; never rendered."""

    def with_text(self, kind: str) -> tuple[Story | Tip | Unchecked, ...]:
        """The stories or tips (``kind``: their plural) that have a text to check,
        the ones whose front matter broke its schema among them."""
        return (*getattr(self, kind), *(u for u in self.unchecked if u.kind == kind))

    def records(self) -> tuple[Story | Tip | Group, ...]:
        """Every record that has a file of its own, kind after kind."""
        return tuple(r for kind in KINDS for r in getattr(self, kind.plural))

    def without_positions(self) -> Site:
        """The same records without the line and column of every value: what rendering
        needs, once the checks that quote positions have run. At 20,000 groups the
        positions are a quarter of a gigabyte."""
        return replace(
            self,
            topics=tuple(_unplaced(t) for t in self.topics),
            **{k.plural: tuple(_unplaced(r) for r in getattr(self, k.plural)) for k in KINDS},
        )

    def published(self, drafts: bool = False) -> Site:
        """The site as visitors see it: drafts and withdrawn stories left out; with
        ``drafts``, the preview of `peerkit serve`, drafts kept (never what was withdrawn)."""
        shown = ("published", "draft") if drafts else ("published",)
        return replace(
            self,
            **{
                k.plural: tuple(r for r in getattr(self, k.plural) if r.status in shown)
                for k in KINDS
            },
        )


def _unplaced(record: Any) -> Any:
    return with_source(record, Source(record.source.path, Located(None)))
