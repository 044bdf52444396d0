"""`peerkit init` writes the "cover your tracks" page, and every page of the new site links to it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import yaml

from tests.commands import run_peerkit
from tests.organisations.conftest import EnvLoader, built_page


def test_init_writes_cover_your_tracks_in_the_menu_and_every_footer_links_it(
    new_site: Callable[..., Path],
) -> None:
    site = new_site("--name", "Riverside Peer Support", "--country", "GB")

    page = (site / "docs" / "cover-your-tracks.md").read_text("utf-8")
    assert "It does not clear your browser history" in page
    assert "private" in page
    config = yaml.load((site / "mkdocs.yml").read_text("utf-8"), Loader=EnvLoader)
    assert {"Cover your tracks": "cover-your-tracks.md"} in config["nav"]
    assert "search.highlight" not in config["theme"]["features"]
    contribute = (site / "docs" / "contribute.md").read_text("utf-8")
    assert contribute.startswith("---\naudience: contributors\n---\n")

    result = run_peerkit(site, "build", "--strict")

    assert result.returncode == 0, result.stdout + result.stderr
    for path in ("index.html", "about/index.html", "groups/index.html"):
        footer = built_page(site, path).split('class="pk-tracks"', 1)[1]
        assert "cover-your-tracks/" in footer.split("</div>", 1)[0]
    assert "How to cover your tracks" in built_page(site, "cover-your-tracks/index.html")
