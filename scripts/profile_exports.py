"""Time and optionally write the files `site_files` makes (the feeds and exports).

    python scripts/profile_exports.py SITE_FOLDER [--write OUT] [--loaded PICKLE]

Loads the site's content (or a pickle of it from an earlier run, which saves the
half-minute a large corpus takes to load), then makes every file `site_files` makes,
printing its CPU seconds; with ``--write`` the files go under OUT, so that two
versions of the code can be compared file by file (``diff -r``).
"""

from __future__ import annotations

import argparse
import pickle
import time
from pathlib import Path

from peerkit.mkdocs_plugin.opening import open_site
from peerkit.mkdocs_plugin.settings import settings_from_mkdocs
from peerkit.model.settings import Settings
from peerkit.model.site import Site
from peerkit.render.site import site_files


def _loaded(folder: Path, cached: Path | None) -> tuple[Site, Settings]:
    if cached is not None and cached.is_file():
        with cached.open("rb") as handle:
            return pickle.load(handle)
    opened, problems = open_site(folder / "mkdocs.yml")
    assert opened is not None, problems
    settings = settings_from_mkdocs(opened.config, opened.plugin.config)
    site, _ = opened.project.check(__import__("datetime").date.today())
    site = site.without_positions()
    if cached is not None:
        with cached.open("wb") as handle:
            pickle.dump((site, settings), handle)
    return site, settings


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("site", type=Path)
    parser.add_argument("--write", type=Path)
    parser.add_argument("--loaded", type=Path)
    args = parser.parse_args()
    site, settings = _loaded(args.site, args.loaded)
    start = time.process_time()
    count = 0
    for file in site_files(site, settings):
        count += 1
        if args.write is not None:
            target = args.write / file.path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(file.content)
    print(f"{count} files, {time.process_time() - start:.1f} s of CPU")


if __name__ == "__main__":
    main()
