"""Time loading a site's content cold and from the parse cache (issue 18's load targets).

    python scripts/profile_load.py SITE_FOLDER [--profile]

Loads SITE_FOLDER/content three times: without a cache, then filling a parse cache
in a fresh temporary folder, then from that cache; prints the wall and CPU seconds
of each and checks that all three give the same records, positions and problems.
With --profile, the cold load's busiest functions (cProfile) are printed as well.
Decide on CPU seconds: on a shared machine the wall time is noise.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import tempfile
import time
from pathlib import Path
from typing import Any

from peerkit.load.parse_cache import ParseCache
from peerkit.load.site_loader import load_site


def _timed(label: str, root: Path, cache: ParseCache | None) -> tuple[Any, Any]:
    wall, cpu = time.perf_counter(), time.process_time()
    loaded = load_site(root, root / "content", cache=cache)
    print(
        f"{label:>6}: {time.perf_counter() - wall:6.2f} s wall,"
        f" {time.process_time() - cpu:6.2f} s CPU"
    )
    return loaded


def _positions(site: Any) -> list[Any]:
    records = [*site.stories, *site.tips, *site.groups, *site.unchecked]
    return [(r.source.path, r.source.located) for r in records]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args()
    root = args.site.resolve()
    if args.profile:
        profile = cProfile.Profile()
        profile.runcall(load_site, root, root / "content")
        pstats.Stats(profile).sort_stats("tottime").print_stats(25)
    cold = _timed("cold", root, None)
    with tempfile.TemporaryDirectory() as folder:
        filled = _timed("fill", root, ParseCache(Path(folder)))
        warm = _timed("warm", root, ParseCache(Path(folder)))
    for other in (filled, warm):
        assert other == cold and _positions(other[0]) == _positions(cold[0]), "loads differ"
    print(f"same result: {len(_positions(cold[0]))} records, {len(cold[1])} problems")


if __name__ == "__main__":
    main()
