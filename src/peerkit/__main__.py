"""`peerkit` and `python -m peerkit`: choose the engine, then run the command.

The engine is chosen here, before anything imports MkDocs, because ProperDocs
takes MkDocs' place only if it comes first (`peerkit.engines`)."""

from __future__ import annotations

import argparse
import contextlib
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

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


def command() -> NoReturn:
    """The `peerkit` command: `main`, then out of the process at once.

    A large site's build leaves millions of objects behind, and Python's own exit
    frees them one by one: two seconds of a twenty-second rebuild, for memory the
    system takes back whole anyway. Everything a command starts is done when `main`
    returns (files closed, child processes waited for, or started to outlive it), so
    once the output is flushed the process ends without that (`os._exit`)."""
    code = main()
    logging.shutdown()
    for stream in (sys.stdout, sys.stderr):
        # A reader that left (`peerkit check | head`) loses only what it did not read.
        with contextlib.suppress(OSError, ValueError):
            stream.flush()
    os._exit(code)


if __name__ == "__main__":
    command()
