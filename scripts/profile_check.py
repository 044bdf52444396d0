"""The CPU time of each check rule and safety scanner on a site, loaded once.

    python scripts/profile_check.py path/to/mkdocs.yml [--dump FILE]

`peerkit check` at thousands of stories is mostly the scans of stories' text
(issue 18); this prints where its CPU time goes, rule by rule, and each scanner
on its own, so a change to one can be measured without a whole build. CPU time,
not wall time: the machine it runs on is shared. ``--dump`` writes every
diagnostic, in the order the rules found them, one a line, to compare the
findings before and after a change (`diff` the two files).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TypeVar

from peerkit.check.rule import RuleContext
from peerkit.check.rules import ALL_RULES
from peerkit.check.safety_messaging import find_mentions, find_method_details
from peerkit.check.safety_personal_data import find_personal_data
from peerkit.check.scans import SafetyScans
from peerkit.load.diagnostics import Diagnostic
from peerkit.load.site_loader import load_site
from peerkit.mkdocs_plugin.opening import open_site

# A fixed day, so that the rules that look at dates find the same things each run.
TODAY = date(2026, 12, 1)
T = TypeVar("T")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("config_file", type=Path)
    parser.add_argument("--dump", type=Path, help="write every diagnostic here, one a line")
    args = parser.parse_args()
    opened, problems = open_site(args.config_file)
    if opened is None:
        for problem in problems:
            print(problem.format(), file=sys.stderr)
        return 1
    project = opened.project
    site, _ = _timed("load", lambda: load_site(project.root, project.content_dir))

    bodies = [story.body for story in site.with_text("stories")]
    public = tuple(n for line in site.crisis.lines for n in (line.phone, line.text) if n)
    mentions = _timed("scan: find_mentions", lambda: [tuple(find_mentions(b)) for b in bodies])
    _timed(
        "scan: find_method_details",
        lambda: [list(find_method_details(b, m)) for b, m in zip(bodies, mentions, strict=True)],
    )
    _timed(
        "scan: find_personal_data",
        lambda: [list(find_personal_data(b, "Alex Example", public)) for b in bodies],
    )

    context = RuleContext(TODAY, SafetyScans())
    found: list[Diagnostic] = []
    started = time.process_time()
    for each in ALL_RULES:
        found += _timed(f"rule: {each.name}", lambda each=each: list(each(site, context)))
    print(f"{'all rules':48} {time.process_time() - started:7.2f} s CPU, {len(found)} diagnostics")
    if args.dump:
        args.dump.write_text("".join(d.format() + "\n" for d in found), encoding="utf-8")
    return 0


def _timed(label: str, work: Callable[[], T]) -> T:
    started = time.process_time()
    result = work()
    print(f"{label:48} {time.process_time() - started:7.2f} s CPU")
    return result


if __name__ == "__main__":
    sys.exit(main())
