"""Records key `peerkit serve`'s render memo, so their hash is kept once worked out.

A kept hash must never go stale: a changed record is a new record with its own
hash, and a record sent through pickle (forked work) works its hash out again
in the process that reads it.
"""

from __future__ import annotations

import pickle
from dataclasses import fields, replace

from tests.conftest import SiteBuilder


def test_equal_records_hash_alike_and_a_changed_one_does_not(make_site: SiteBuilder) -> None:
    make_site.story("one")
    make_site.group("a-group")
    first, _ = make_site.load()
    second, _ = make_site.load()
    story, group = first.stories[0], first.groups[0]

    assert hash(story) == hash(second.stories[0]) and story == second.stories[0]
    assert hash(group) == hash(second.groups[0]) and group == second.groups[0]
    hash(story)  # kept from here on
    changed = replace(story, title="Another title")
    assert changed != story
    assert hash(changed) == hash(replace(second.stories[0], title="Another title"))
    assert hash(changed) != hash(story)


def test_a_pickled_record_works_its_hash_out_again(make_site: SiteBuilder) -> None:
    make_site.group("a-group")
    site, _ = make_site.load()
    group = site.groups[0]
    kept = hash(group)

    copy = pickle.loads(pickle.dumps(group))

    assert copy == group
    assert set(vars(copy)) == {f.name for f in fields(group)}
    assert hash(copy) == kept
