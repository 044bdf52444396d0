"""Every export is byte-identical from one build to the next, and drafts stay out of all of them."""

from __future__ import annotations

from tests.render.exports.exported import files_of, render_reference

EXPORTS = ("groups/hsds/", "groups/meeting-guide.json")


def _exports(rendered):
    return {
        path: data
        for path, data in files_of(rendered).items()
        if path.startswith(EXPORTS) or path.endswith(".ics")
    }


def test_exports_are_byte_identical_across_two_renders():
    first, second = _exports(render_reference()), _exports(render_reference())

    assert len(first) > 40
    assert first == second


def test_exports_carry_no_build_time(make_site):
    make_site.group()

    exports = _exports(make_site.render())

    # The only dates are the listing's own (2026-09-01) and those computed from it.
    for path, data in exports.items():
        assert b"2026-11-25" not in data, path
        assert b"20261125" not in data, path


def test_draft_groups_are_in_no_export(make_site):
    make_site.group("published-group", {"name": "Published circle"})
    make_site.group("draft-group", {"name": "Secret draft circle", "status": "draft"})

    exports = _exports(make_site.render())

    assert "groups/yorkshire/published-group/calendar.ics" in exports
    assert not [path for path in exports if "draft-group" in path]
    for path, data in exports.items():
        assert b"Secret draft" not in data, path
        assert b"draft-group" not in data, path
    assert any(b"Published circle" in data for data in exports.values())
