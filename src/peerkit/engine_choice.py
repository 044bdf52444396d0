"""`--engine` on `peerkit build` and `peerkit serve`, and the check that the run's
engine is the one this process has loaded (`peerkit.engines` chooses it)."""

from __future__ import annotations

import argparse
import sys

from peerkit import engines


def add_engine_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--engine",
        choices=engines.NAMES,
        help="what turns the pages into HTML (default: `engine` under the peerkit plugin"
        " in mkdocs.yml, else ProperDocs if it is installed, else MkDocs); zensical builds"
        " the folder `peerkit pages` writes",
    )


def run_engine(args: argparse.Namespace, command: str) -> engines.Engine | None:
    """The engine this run builds with; None, with the reason printed, if it cannot.

    An engine that runs the plugin must be the one loaded (`peerkit` loads the chosen
    one first); with none named, whichever is loaded builds."""
    named = args.engine or engines.site_engine(args.config_file)
    if named not in engines.NAMES:
        return engines.running()
    engine = engines.by_name(named)
    if engine.runs_plugins and engine is not engines.running():
        print(
            f"error: {engine.name} was chosen, but this process has loaded"
            f" {engines.running().name}: run the `peerkit` command",
            file=sys.stderr,
        )
        return None
    if not engine.runs_plugins and command == "serve":
        print(
            f"error: {engine.name} runs no MkDocs plugin, so `peerkit serve` cannot preview"
            f" with it: run `peerkit pages DIR`, then `{engine.name} serve -f DIR/mkdocs.yml`",
            file=sys.stderr,
        )
        return None
    return engine
