"""`peerkit import-issue`: a story submitted with the issue form, as a story file.

The maintainer runs it on the issue's body (or on `gh issue view --json`
output, which also gives the day the writer sent it), reviews the file, and
opens the pull request. An issue without every consent box ticked is refused.
"""

from __future__ import annotations

import argparse
import json
import shlex
import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from peerkit.issue_form import form
from peerkit.issue_form.body import NotASubmission, Submission, read_submission
from peerkit.issue_form.form import story_form_yaml
from peerkit.load.source_files import display_path
from peerkit.render import urls
from peerkit.scaffold.command import preview_url, write_record
from peerkit.scaffold.fields import field_problem
from peerkit.scaffold.site_facts import SiteContext, site_facts
from peerkit.scaffold.values import parse_past_date


@dataclass(frozen=True)
class Issue:
    body: str
    created: date | None = None
    url: str | None = None
    number: int | None = None


def add_import_issue_command(
    commands: argparse._SubParsersAction[argparse.ArgumentParser],
) -> argparse.ArgumentParser:
    parser = commands.add_parser(
        "import-issue",
        help="turn a story sent with the GitHub issue form into a story file",
        description="Read an issue made with .github/ISSUE_TEMPLATE/story.yml and write its"
        " story into content/stories/, for a maintainer to review and open as a pull"
        " request. Refused unless every consent box is ticked.",
        epilog="Example: gh issue view 12 --json body,createdAt,url,number"
        " | peerkit import-issue -",
    )
    parser.add_argument(
        "file",
        nargs="?",
        metavar="FILE",
        help="the issue's body (Markdown) or `gh issue view --json body,createdAt,url,number`"
        " output; '-' reads standard input",
    )
    parser.add_argument(
        "--consent-date",
        metavar="YYYY-MM-DD",
        help="the day the writer agreed (default: the day the issue was opened, from gh's"
        " JSON; else today)",
    )
    parser.add_argument(
        "--draft", action="store_true", help="write status: draft, which keeps it off the site"
    )
    parser.add_argument(
        "--print-form",
        action="store_true",
        help="print the issue form for this site's topics and crisis lines instead, for"
        " .github/ISSUE_TEMPLATE/story.yml",
    )
    return parser


def run_import_issue(args: argparse.Namespace, context: SiteContext, today: date) -> int:
    facts = site_facts(context)
    if isinstance(facts, list):
        for diagnostic in facts:
            print(diagnostic.format(), file=sys.stderr)
        return 1
    if args.print_form:
        print(story_form_yaml(facts.topics, facts.crisis), end="")
        return 0
    if not args.file:
        print("error: give the issue's FILE, or - to read it from standard input", file=sys.stderr)
        return 1
    try:
        issue = read_issue(
            sys.stdin.read() if args.file == "-" else Path(args.file).read_text("utf-8")
        )
        submission = read_submission(issue.body, facts.topics)
        fields = story_fields(submission, issue, args, today)
    except (OSError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except NotASubmission as exc:
        for problem in exc.problems:
            print(f"error: {problem}", file=sys.stderr)
        return 1
    earlier = imported_already(context, fields["consent"]["method"], submission.story)
    if earlier is not None:
        print(
            f"error: this story was imported already, as {display_path(earlier, context.root)}"
            " (the same issue or the same text): edit that file, or delete it to import the"
            " issue again",
            file=sys.stderr,
        )
        return 1
    path = write_record("story", fields, submission.story, context, facts, today)
    if path is None:
        return 1
    for line in next_steps(path, fields, issue, context):
        print(line)
    return 0


def imported_already(context: SiteContext, method: str, story: str) -> Path | None:
    """The story file an earlier import of this issue wrote: one that names the same
    issue in its consent, or holds the same text. A label added twice, or an editor
    running the command again, would otherwise publish the story twice (as -2)."""
    names_issue = method.removeprefix("GitHub issue form").strip()  # "(address)" or "(#12)"
    text = story.strip()
    for path in sorted((context.content_dir / "stories").glob("*.md")):
        written = path.read_text("utf-8", errors="replace")
        body = written.split("\n---\n", 1)[1] if "\n---\n" in written else ""
        if (names_issue and names_issue in written) or (text and body.strip() == text):
            return path
    return None


def read_issue(text: str) -> Issue:
    """The issue from its Markdown body, or from `gh issue view --json` output."""
    if not text.lstrip().startswith("{"):
        return Issue(text)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ValueError(f"the input looks like JSON but is not: {exc}") from None
    if not isinstance(data, dict) or not isinstance(data.get("body"), str):
        raise ValueError("JSON input needs the issue's body: gh issue view N --json body,...")
    created = data.get("createdAt")
    return Issue(
        body=data["body"],
        created=date.fromisoformat(created[:10]) if isinstance(created, str) else None,
        url=data.get("url") if isinstance(data.get("url"), str) else None,
        number=data.get("number") if isinstance(data.get("number"), int) else None,
    )


def story_fields(
    submission: Submission, issue: Issue, args: argparse.Namespace, today: date
) -> dict[str, Any]:
    """The front matter; raises NotASubmission naming the form's fields that do not fit."""
    checks = [
        (form.TITLE, ("title",), submission.title),
        (form.NAME, ("author",), submission.author),
        (form.SUMMARY, ("summary",), submission.summary),
        (form.WARNINGS, ("content_warnings",), list(submission.content_warnings)),
    ]
    problems = [
        f"'{label}': {problem}; edit the issue, then import it again"
        for label, path, value in checks
        if value is not None and (problem := field_problem("story", path, value))
    ]
    if problems:
        raise NotASubmission(problems)
    if args.consent_date:
        consent_date = parse_past_date(args.consent_date, today)
    else:
        consent_date = min(issue.created or today, today)
    where = issue.url or (f"#{issue.number}" if issue.number else None)
    fields: dict[str, Any] = {"title": submission.title}
    if submission.author:
        fields["author"] = submission.author
    else:
        fields["anonymous"] = True
    fields |= {"date": today, "topics": list(submission.topics), "summary": submission.summary}
    if submission.content_warnings:
        fields["content_warnings"] = list(submission.content_warnings)
    fields["consent"] = {
        "given": True,
        "date": consent_date,
        "method": f"GitHub issue form ({where})" if where else "GitHub issue form",
    }
    fields["status"] = "draft" if args.draft else "published"
    return fields


def next_steps(path: Path, fields: dict[str, Any], issue: Issue, context: SiteContext) -> list[str]:
    rel = display_path(path, context.root)
    slug = path.stem
    closes = f' --body "Closes #{issue.number}"' if issue.number else ""
    return [
        f"Created {rel}" + (f" from issue #{issue.number}" if issue.number else ""),
        "",
        "Next:",
        f"  1. Read the whole story in {rel} against the checklist in",
        "     .github/pull_request_template.md (consent, content warnings, personal data, safe",
        "     messaging), and edit it there if needed.",
        f"  2. Run `peerkit check`, then `peerkit serve` and open {preview_url(context, urls.story(slug))}.",
        "  3. Open a pull request:",
        f"       git switch -c story/{slug}",
        f"       git add {shlex.quote(rel)}",
        f"       git commit -m {shlex.quote('Add story: ' + fields['title'])}",
        f"       gh pr create --fill{closes}",
    ]
