"""`Site.without_positions` gives the records `dataclasses.replace` would: the same
fields, equality and hash, and no hash kept from the record with positions."""

from __future__ import annotations

from dataclasses import replace

from peerkit.load.site_loader import load_site
from peerkit.model.positions import Located
from peerkit.model.records import Source
from tests.conftest import SiteBuilder


def test_unplaced_records_are_what_replace_makes(make_site: SiteBuilder) -> None:
    make_site.story("a-story")
    make_site.tip("a-tip")
    make_site.group("a-group")
    site, _ = load_site(make_site.root, make_site.content)
    placed = (*site.topics, *site.records())
    for record in placed:
        hash(record)  # a hash kept on the record with its positions
    unplaced = site.without_positions()

    for before, after in zip(placed, (*unplaced.topics, *unplaced.records()), strict=True):
        expected = replace(before, source=Source(before.source.path, Located(None)))
        assert type(after) is type(expected)
        assert vars(after) == vars(expected), "the same fields, and no kept hash"
        assert after == expected and hash(after) == hash(expected)
        assert after.source.located.data is None
        assert before.source.located.data is not None
