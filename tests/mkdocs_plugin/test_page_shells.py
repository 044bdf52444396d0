"""Pages stamped from shells of the theme are, byte for byte, the pages the theme renders one
by one: with Peerkit's theme, and with overrides that treat a page's values in ways a
shell cannot show (a filter on the title, a value the shell does not mark)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.commands import run_peerkit
from tests.conftest import SiteBuilder

pytestmark = pytest.mark.slow

_STAMPED = re.compile(r"peerkit: (\d+) pages stamped from (\d+) shells of the theme")
OVERRIDES = {
    "none": None,
    "title filtered": (
        '{% extends "base.html" %}\n'
        "{% block htmltitle %}{% if page and page.meta.title %}"
        "<title>{{ page.meta.title | upper }}</title>{% else %}{{ super() }}{% endif %}"
        "{% endblock %}\n"
    ),
    "unmarked value": (
        '{% extends "base.html" %}\n'
        "{% block extrahead %}{% if page %}<meta name=x-source content={{ page.file.src_uri }}>"
        "{% endif %}{% endblock %}\n"
    ),
}


def _write_site(root: Path, override: str | None) -> None:
    site = SiteBuilder(root)
    for index in range(5):
        site.story(f"story-{index}", {"title": f"Story {index} & the kettle's song"})
    for index in range(3):
        site.tip(f"tip-{index}", {"title": f"Tip {index}"})
    for index in range(4):
        site.group(f"group-{index}", {"name": f"Example group {index}"})
    site.configure(theme={"custom_dir": "overrides"} if override else None)
    if override:
        (root / "overrides").mkdir()
        (root / "overrides" / "main.html").write_text(override, "utf-8")


def _files(folder: Path) -> dict[str, bytes]:
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


@pytest.mark.parametrize("override", OVERRIDES.values(), ids=OVERRIDES.keys())
def test_stamped_pages_are_the_pages_the_theme_renders(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, override: str | None
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1796083200")
    stamped_root, rendered_root = tmp_path / "stamped", tmp_path / "rendered"
    _write_site(stamped_root, override)
    _write_site(rendered_root, override)
    # A hook file, even an empty one, is a plugin Peerkit does not know: pages are then
    # rendered one by one, as MkDocs does.
    (rendered_root / "nothing.py").write_text('"""A hook that does nothing."""\n', "utf-8")
    config = rendered_root / "mkdocs.yml"
    config.write_text(config.read_text("utf-8") + "hooks:\n  - nothing.py\n", "utf-8")

    stamped = run_peerkit(stamped_root, "build", "--no-cache")
    rendered = run_peerkit(rendered_root, "build", "--no-cache")

    assert stamped.returncode == 0, stamped.stderr
    assert rendered.returncode == 0, rendered.stderr
    assert _STAMPED.search(rendered.stderr) is None
    found = _STAMPED.search(stamped.stderr)
    assert found is not None, stamped.stderr
    if override is None:
        # Stories (5) and groups (4) have pages beyond the two each shape renders in full.
        assert int(found.group(1)) >= 5
    else:
        # The filtered title shows in the probing shell, the unmarked value on the second
        # page rendered in full: neither shape is stamped.
        assert int(found.group(1)) == 0
    ours, theirs = _files(stamped_root / "site"), _files(rendered_root / "site")
    assert sorted(ours) == sorted(theirs)
    assert [path for path in ours if ours[path] != theirs[path]] == []


def test_a_title_filter_is_applied_to_each_page_s_own_title(tmp_path: Path) -> None:
    _write_site(tmp_path, OVERRIDES["title filtered"])
    result = run_peerkit(tmp_path, "build", "--no-cache")
    assert result.returncode == 0, result.stderr
    for index in range(5):
        page = (tmp_path / "site" / "stories" / f"story-{index}" / "index.html").read_text()
        assert f"<title>STORY {index} &AMP; THE KETTLE&#X27;S SONG</title>" in page
