"""`peerkit` and `python -m peerkit`: choose the engine, then run the command.

The engine is chosen here, before anything imports MkDocs, because ProperDocs
takes MkDocs' place only if it comes first (`peerkit.engines`)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from peerkit import engines


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    early = argparse.ArgumentParser(add_help=False, allow_abbrev=False)
    early.add_argument("-f", "--config-file", type=Path, default=Path("mkdocs.yml"))
    early.add_argument("--engine")
    known, _ = early.parse_known_args(args)
    try:
        engines.start(engines.chosen(known.engine, known.config_file))
    except engines.EngineError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    from peerkit.cli import main as run

    return run(args)


if __name__ == "__main__":
    sys.exit(main())
