"""The `peerkit` command: check, build and serve a site.

A thin adapter: content is loaded and checked by the core; building and
serving are MkDocs' own commands, with the output made atomic so that a failed
build leaves the last good site/ as it was.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import textwrap
from collections.abc import Sequence
from datetime import date
from pathlib import Path

# Material prints a banner about MkDocs 2 when its theme is imported; Peerkit's
# README says once how the project follows Material's successor instead.
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

from mkdocs.exceptions import MkDocsException

from peerkit import day
from peerkit.check.links import external_links, link_listing, link_problems, unreachable_links
from peerkit.doctor import Expected, differences, examine, out_of_date, update
from peerkit.engine_choice import add_engine_option, run_engine
from peerkit.engine_pages import build_with_pages, run_pages
from peerkit.gc_tuning import few_collections
from peerkit.imports.csv_source import column_map, columns_help
from peerkit.imports.mapping import Defaults
from peerkit.imports.progress import terminal_progress
from peerkit.imports.run import (
    ImportOptions,
    import_file,
    report_lines,
    site_topics,
    topic_aliases,
)
from peerkit.init_site import (
    InitOptions,
    destination_problems,
    known_crisis_countries,
    option_problems,
    site_files,
    write_site,
)
from peerkit.interrupts import run_interruptibly
from peerkit.issue_form.command import add_import_issue_command, run_import_issue
from peerkit.load.diagnostics import Diagnostic, has_errors
from peerkit.load.parse_cache import ParseCache
from peerkit.mkdocs_plugin.opening import OpenSite, open_preview, open_site
from peerkit.mkdocs_plugin.page_cache import CACHE_FOLDER, PageCache
from peerkit.model.record_keys import keys_from_files
from peerkit.report_formats import github_annotations, json_report, text_report
from peerkit.scaffold.command import add_new_command, run_new
from peerkit.scaffold.site_facts import SiteContext
from peerkit.site_output import build_atomically
from peerkit.standing_site import StandingSite


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        with few_collections():
            return run_interruptibly(
                lambda: int(args.run(args)), sys.argv[1] if argv is None else argv[0]
            )
    except BrokenPipeError:
        # `peerkit check --format json | head`: the reader left, which is no error of
        # the content. What is still buffered goes nowhere, so that Python's flush at
        # exit does not print a traceback (the recipe of Python's signal docs).
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="peerkit",
        description="Build a peer-support site from stories, tips and group listings.",
    )
    commands = parser.add_subparsers(required=True, metavar="COMMAND")

    check = commands.add_parser(
        "check",
        help="check every content file and report problems as path:line:col",
        description="Check every content file. Exits 1 if there is any error"
        " (or, with --strict, any warning).",
    )
    check.add_argument("--strict", action="store_true", help="treat warnings as errors")
    check.add_argument(
        "--links",
        action="store_true",
        help="also list the links to other sites in stories, tips and groups, with their"
        " lines, and report any that is malformed, has a space, or is not https",
    )
    check.add_argument(
        "--online",
        action="store_true",
        help="with --links: also try each web address (a few at a time, 10 seconds each)"
        " and report those that do not answer",
    )
    check.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="text: path:line:col lines (plus GitHub annotations when GITHUB_ACTIONS is"
        " true); json: one JSON document with every problem and a summary, for other tools",
    )
    _config_option(check)
    check.set_defaults(run=_run_check)

    build = commands.add_parser(
        "build",
        help="check the content, then build the site into site/",
        description="Check the content, then build the site. The new site replaces the old"
        " one only if the whole build succeeds.",
    )
    build.add_argument(
        "--strict",
        action="store_true",
        help="fail on any MkDocs warning, such as a broken link (content warnings fail only"
        " `peerkit check --strict`)",
    )
    build.add_argument(
        "-d", "--site-dir", type=Path, help="where to write the site (default: site/)"
    )
    build.add_argument(
        "--no-cache",
        action="store_true",
        help="build every page anew, neither reading nor writing the pages and parsed"
        " content files kept in .cache/peerkit/ (the result is the same; the cache only"
        " makes it faster)",
    )
    _config_option(build)
    add_engine_option(build)
    build.set_defaults(run=_run_build)

    serve = commands.add_parser(
        "serve",
        help="preview the site at http://127.0.0.1:8000/, rebuilt on every save",
        description="Preview the site locally; saving a story, tip or listing reloads the page.",
    )
    serve.add_argument("-a", "--dev-addr", default="127.0.0.1:8000", help="address to serve on")
    _config_option(serve)
    add_engine_option(serve)
    serve.set_defaults(run=_run_serve)
    _add_pages(commands)
    _add_import(commands)
    _add_init(commands)
    doctor = commands.add_parser(
        "doctor",
        help="compare the files `peerkit init` wrote with what this Peerkit writes now",
        description="After an upgrade: name each file `peerkit init` copied into the site"
        " (requirements, workflows, checklist, editor settings and schemas, issue form,"
        " crisis lines, guides replaced in docs/) that differs from what this Peerkit"
        " writes, at its line, and how to update it. Exits 1 if a file Peerkit owns differs"
        " (crisis lines and replaced guides are yours: they are named, to be read).",
    )
    doctor.add_argument("--diff", action="store_true", help="also show each difference")
    doctor.add_argument(
        "--update",
        nargs="+",
        metavar="PATH",
        help="write this Peerkit's version of these files (only files Peerkit owns:"
        " workflows, checklist, pre-commit, editor settings, schemas, issue form)",
    )
    _config_option(doctor)
    doctor.set_defaults(run=_run_doctor)
    for kind in add_new_command(commands):
        _config_option(kind)
        kind.set_defaults(run=_run_new)
    import_issue = add_import_issue_command(commands)
    _config_option(import_issue)
    import_issue.set_defaults(run=_run_import_issue)
    return parser


def _add_import(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    command = commands.add_parser(
        "import",
        help="write group files from a spreadsheet (CSV), Open Referral HSDS or a Meeting Guide feed",
        description=textwrap.fill(
            "Read FILE and write one group file per group into content/groups/<region>/."
            " The format is found from the content: a CSV spreadsheet (comma or semicolon,"
            " UTF-8), HSDS 3 JSON, an HSDS datapackage (its folder, its datapackage.json or"
            " a .zip) or a Meeting Guide JSON feed. Rows that cannot be imported are"
            " reported with their row number, and nothing is written unless --partial"
            " is given."
        ),
        epilog=textwrap.fill(
            "Spreadsheet columns. Headings are matched ignoring case, spaces and"
            " punctuation, and common other names work too ('group name', 'city', 'zip',"
            " 'start time'):"
        )
        + "\n"
        + columns_help(),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    command.add_argument("file", type=Path, metavar="FILE", help="the file to import")
    command.add_argument(
        "--dest", type=Path, help="the folder to write into (default: the site's content/groups)"
    )
    command.add_argument(
        "--update",
        action="store_true",
        help="change existing group files, only in the fields that differ (comments are kept)",
    )
    command.add_argument(
        "--dry-run", action="store_true", help="list what would be written, and write nothing"
    )
    command.add_argument(
        "--partial",
        action="store_true",
        help="write the groups that pass even if other rows have errors (by default an"
        " import with an error writes nothing); each file written is listed with its row",
    )
    command.add_argument(
        "--date",
        type=date.fromisoformat,
        help="the import date (YYYY-MM-DD) for the files' first line (default: today)",
    )
    command.add_argument(
        "--map",
        action="append",
        default=[],
        metavar="HEADING=FIELD",
        help="read a spreadsheet column as a field, for example --map 'Type of group=topics'"
        " (repeat for more columns; the fields are listed below)",
    )
    command.add_argument(
        "--topic",
        metavar="SLUG",
        help="the topic for groups that name no known topic (Meeting Guide feeds name none)",
    )
    _config_option(command)
    command.set_defaults(run=_run_import)


def _add_pages(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    command = commands.add_parser(
        "pages",
        help="write the site as plain pages into DIR, for an engine that runs no plugin",
        description="Check the content, then write DIR/mkdocs.yml, DIR/docs and"
        " DIR/overrides: every page Peerkit generates, the exports and the theme, as"
        " content that Zensical (zensical build -f DIR/mkdocs.yml) builds as it is.",
    )
    command.add_argument("dir", type=Path, metavar="DIR", help="the folder to write")
    _config_option(command)
    command.set_defaults(run=run_pages)


def _add_init(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    command = commands.add_parser(
        "init",
        help="start a new site in DIR: settings, example content, pages and workflows",
        description="Write a new Peerkit site into DIR: mkdocs.yml, one example of each kind"
        " of content, the standard pages, a README, the GitHub workflows and the"
        " contributors' kit (story form, issue-to-pull-request workflow, reviewer's"
        " checklist, pre-commit, editor settings and schemas). The site holds"
        " no copy of Peerkit's code: installing a newer Peerkit upgrades it.",
    )
    command.add_argument("dir", type=Path, metavar="DIR", help="the new site's folder")
    command.add_argument("--name", help="the site's name (default: from the folder's name)")
    command.add_argument(
        "--country",
        default="GB",
        type=str.upper,
        help="the two-letter code of the country the site serves first (default: GB);"
        f" Peerkit knows the crisis lines of {', '.join(known_crisis_countries())}",
    )
    command.add_argument(
        "--timezone",
        default="Europe/London",
        help="the time zone of meeting times (default: Europe/London)",
    )
    command.add_argument(
        "--language", default="en", help="the language of the site's pages (default: en)"
    )
    command.add_argument(
        "--peerkit-from",
        metavar="ADDRESS",
        help="where the site's workflows install Peerkit from: a release wheel's https"
        " address, or git+https://ADDRESS-OF-THE-REPOSITORY@TAG (default: where this"
        " Peerkit was installed from, if that was such an address)",
    )
    command.add_argument(
        "--force", action="store_true", help="write into DIR even if it is not empty"
    )
    command.set_defaults(run=_run_init)


def _config_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "-f", "--config-file", type=Path, default=Path("mkdocs.yml"), help="the site's mkdocs.yml"
    )


def _open(args: argparse.Namespace, **overrides: object) -> OpenSite | None:
    """The site of ``-f``, its settings' problems printed (see `open_site`)."""
    opened, problems = open_site(args.config_file, **overrides)
    for problem in problems:
        print(problem.format(), file=sys.stderr)
    return opened


def _passes(diagnostics: list[Diagnostic], strict: bool) -> bool:
    return not has_errors(diagnostics) and (not strict or not diagnostics)


def _repository_prefix(site_root: Path) -> str:
    """The site's folder inside the repository GitHub checked out, as a path prefix."""
    workspace = os.environ.get("GITHUB_WORKSPACE")
    if not workspace:
        return ""
    try:
        rel = site_root.resolve().relative_to(Path(workspace).resolve()).as_posix()
    except ValueError:
        return ""
    return "" if rel == "." else rel + "/"


def _run_check(args: argparse.Namespace) -> int:
    opened, diagnostics = open_site(args.config_file)
    site_root = Path(opened.config.config_file_path).parent if opened else Path.cwd()
    if opened is not None:
        site, found = opened.project.check(day.today())
        diagnostics = sorted(diagnostics + found)
        if args.links or args.online:
            links = external_links(site)
            if args.format == "text":
                for line in link_listing(links):
                    print(line)
            found = link_problems(links) + (unreachable_links(links) if args.online else [])
            diagnostics = sorted(diagnostics + found)
    if args.format == "json":
        print(json_report(diagnostics))
    else:
        for line in text_report(diagnostics):
            print(line)
        if os.environ.get("GITHUB_ACTIONS") == "true":
            for line in github_annotations(diagnostics, _repository_prefix(site_root)):
                print(line)
    return 0 if _passes(diagnostics, args.strict) else 1


def _mkdocs_logging() -> None:
    """Show the engine's messages, minus the plugin's echo of content warnings printed
    already. ProperDocs logs under its own name ("Serving on", its warnings): were only
    "mkdocs" shown, `peerkit serve` on it never said where the preview was.

    Once a process: a second call (tests run many commands in one process) replaces
    the handler rather than printing every message twice."""
    engine = MkDocsException.__module__.partition(".")[0]
    for name in dict.fromkeys(("mkdocs", engine)):
        logger = logging.getLogger(name)
        for old in [h for h in logger.handlers if h.get_name() == _HANDLER]:
            logger.removeHandler(old)
        handler = logging.StreamHandler(sys.stderr)
        handler.set_name(_HANDLER)
        handler.setFormatter(logging.Formatter("%(levelname)-7s - %(message)s"))
        handler.addFilter(lambda record: record.name != "mkdocs.plugins.peerkit")
        logger.addHandler(handler)
        logger.setLevel(logging.INFO)


_HANDLER = "peerkit-cli"


def _run_build(args: argparse.Namespace) -> int:
    """Check, then build: the new site replaces the old one only if the build worked."""
    engine = run_engine(args, "build")
    if engine is None:
        return 1
    if not engine.runs_plugins:
        return build_with_pages(args, engine)
    opened = _open(args, strict=args.strict)
    if opened is None:
        return 1
    cache_folder = Path(opened.config.config_file_path).parent / CACHE_FOLDER
    if not args.no_cache:
        opened.project.parse_cache = ParseCache(cache_folder)
    # Every check runs before the build: since the safety scans look only where their
    # keywords are (3 s at 5,000 stories), a forked process checking beside the build
    # saved less time than the 400 MB its copy of the records cost.
    site, diagnostics = opened.project.check(day.today())
    # Saved by the load; its entries (every file's parsed data) need not outlive it.
    parse_cache, opened.project.parse_cache = opened.project.parse_cache, None
    if has_errors(diagnostics):
        for line in text_report(diagnostics):
            print(line)
        return 1
    preloaded = opened.plugin.preloaded = site.without_positions()
    if parse_cache is not None:
        opened.plugin.record_keys = keys_from_files(site, preloaded, parse_cache.digest_of)
    del site, parse_cache  # the positions: a quarter of a gigabyte at 20,000 groups
    site_dir = Path(args.site_dir or opened.config.site_dir).resolve()
    standing = None
    if not args.no_cache:
        opened.plugin.page_cache = PageCache(cache_folder)
        standing = opened.plugin.standing = StandingSite(site_dir, cache_folder)
    _mkdocs_logging()
    built = build_atomically(opened.config, site_dir, not args.no_cache, standing)
    for line in text_report(diagnostics):
        print(line)
    return 0 if built else 1


def _run_serve(args: argparse.Namespace) -> int:
    from mkdocs.commands.serve import serve

    if run_engine(args, "serve") is None:
        return 1
    opened, problems = open_preview(args.config_file, day.today())
    for line in text_report(problems):
        print(line)
    if opened is None:
        return 1
    _mkdocs_logging()
    try:
        # Dirty: a save rewrites only the pages that changed (the plugin tells MkDocs
        # which), not the whole site; at thousands of pages that is seconds, not minutes.
        serve(
            config_file=str(args.config_file),
            dev_addr=args.dev_addr,
            livereload=True,
            build_type="dirty",
        )
    except MkDocsException as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    return 0


def _run_import(args: argparse.Namespace) -> int:
    opened = _open(args)
    if opened is None:
        return 1
    root, content = opened.project.root, opened.project.content_dir
    settings = opened.project.settings
    topics = site_topics(content)
    if args.topic and topics and args.topic not in topics:
        print(f"error: --topic {args.topic!r} is not in topics.yml: {', '.join(topics)}")
        return 1
    columns = column_map(args.map)
    if isinstance(columns, str):
        print(f"error: {columns}", file=sys.stderr)
        return 1
    defaults = Defaults(
        timezone=settings.timezone,
        country=settings.country,
        topic_aliases=topic_aliases(content),
        columns=columns,
        today=args.date or day.today(),
        topics=topics,
        default_topic=args.topic,
        site_url=settings.site_url,
    )
    options = ImportOptions(
        dest=args.dest or content / "groups",
        defaults=defaults,
        update=args.update,
        dry_run=args.dry_run,
        existing_dirs=(content / "groups",),
        root=root,
        partial=args.partial,
        inside=content,
    )
    report = import_file(args.file, options, terminal_progress())
    for line in report_lines(report, args.dry_run):
        print(line)
    return 1 if report.has_errors else 0


def _site_context(args: argparse.Namespace) -> SiteContext | None:
    """The site `new` and `import-issue` write into, from mkdocs.yml and the plugin's options."""
    opened = _open(args)
    if opened is None:
        return None
    settings = opened.project.settings
    return SiteContext(
        root=opened.project.root,
        content_dir=opened.project.content_dir,
        site_url=settings.site_url,
        country=settings.country,
        timezone=settings.timezone,
    )


def _run_new(args: argparse.Namespace) -> int:
    context = _site_context(args)
    return 1 if context is None else run_new(args, context, day.today())


def _run_import_issue(args: argparse.Namespace) -> int:
    context = _site_context(args)
    return 1 if context is None else run_import_issue(args, context, day.today())


def _run_doctor(args: argparse.Namespace) -> int:
    opened = _open(args)
    if opened is None:
        return 1
    root = opened.project.root
    expected = Expected.for_site(root, opened.project.settings, day.today())
    if args.update:
        problems = update(root, expected, args.update)
        for problem in problems:
            print(f"error: {problem}", file=sys.stderr)
        if problems:
            return 1
    found = examine(root, expected)
    for line in (
        text_report(found) if found else ["Every file init wrote is as this Peerkit writes it."]
    ):
        print(line)
    if args.diff:
        for line in differences(root, expected):
            print(line)
    return 1 if out_of_date(found, expected) else 0


def _run_init(args: argparse.Namespace) -> int:
    dest: Path = args.dir
    name = args.name or dest.resolve().name.replace("-", " ").replace("_", " ").capitalize()
    options = InitOptions(name, args.country, args.timezone, args.language, args.peerkit_from)
    problems = option_problems(options) + destination_problems(dest, args.force)
    for problem in problems:
        print(f"error: {problem}", file=sys.stderr)
    if problems:
        return 1
    write_site(dest, site_files(options, day.today()))
    print(f"Wrote the new site {options.name!r} in {dest}/")
    if options.country not in known_crisis_countries():
        print(
            f"Peerkit does not know the crisis lines for {options.country}: add them to"
            f" {dest}/content/crisis.yml. The site will not build until you do."
        )
    print(f"Next: cd {dest} && peerkit serve (a preview), or peerkit build (the site, in site/)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
