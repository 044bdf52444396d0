"""A record loaded by `peerkit build` is keyed by its file's digest; any other record,
even an equal one, by its repr: a key never stands for a record it was not made from."""

from __future__ import annotations

import hashlib
from dataclasses import replace

from peerkit.load.parse_cache import ParseCache
from peerkit.load.site_loader import load_site
from peerkit.model.record_keys import RecordKeys, keys_from_files
from tests.conftest import SiteBuilder


def test_loaded_records_are_keyed_by_their_files(make_site: SiteBuilder) -> None:
    make_site.story("a-story")
    make_site.group("a-group")
    cache = ParseCache(make_site.root / ".cache" / "peerkit")
    placed, _ = load_site(make_site.root, make_site.content, cache=cache)
    unplaced = placed.without_positions()

    keys = keys_from_files(placed, unplaced, cache.digest_of)

    group = unplaced.groups[0]
    assert keys.of(group) == b"file " + bytes.fromhex(cache.digest_of(placed.groups[0]) or "")
    assert keys.of(unplaced.stories[0]) != keys.of(group)
    renamed = replace(group, name="Another name")
    assert keys.of(renamed) == hashlib.sha256(repr(renamed).encode()).digest()
    same_fields = replace(group)
    assert keys.of(same_fields) != keys.of(group), "an equal copy is not the loaded record"


def test_without_the_files_a_record_is_keyed_by_its_repr(make_site: SiteBuilder) -> None:
    make_site.group("a-group")
    site, _ = load_site(make_site.root, make_site.content)
    group = site.groups[0]
    assert RecordKeys().of(group) == hashlib.sha256(repr(group).encode()).digest()
