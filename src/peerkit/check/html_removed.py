"""A contribution's HTML that the page leaves out, named to its writer.

Stories and tips are sanitised to an allow-list when they are rendered
(render/markdown_text.py): a `<script>`, an `<iframe>`, a `style` or `onclick`
attribute simply vanish. That keeps visitors safe, but a writer who used them
would see their layout or their video silently missing. So each raw HTML tag or
attribute outside the allow-list is named at its line, with what to write
instead; the rule reads the same allow-list, so it never disagrees with the page.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.token import Token

from peerkit.check.rule import Finding, RuleContext, rule
from peerkit.load.diagnostics import Severity
from peerkit.model.site import Site
from peerkit.render.markdown_text import ALLOWED_ATTRIBUTES, ALLOWED_TAGS

_TAG = re.compile(r"<\s*(?P<close>/)?\s*(?P<name>[A-Za-z][\w-]*)(?P<attributes>[^<>]*)>")
_ATTRIBUTE = re.compile(r"(?:^|\s)(?P<name>[A-Za-z_:@][-\w:.@]*)\s*(?==|\s|/|$)")
_COMMENT = re.compile(r"<!--")
_PARSER = MarkdownIt("commonmark")
_KINDS = ("stories", "tips")


@rule("records", Severity.WARNING)
def html_left_out_of_contributions(site: Site, context: RuleContext) -> Iterator[Finding]:
    for kind in _KINDS:
        for record in site.with_text(kind):
            yield from context.findings.of("html_left_out", record, _left_out)


def _left_out(record: Any) -> Iterator[Finding]:
    """One story's or tip's findings: parsing its Markdown is most of this rule's time."""
    for line, removed in _removed(record.body):
        yield Finding(
            record.source.path,
            record.body_line + line,
            1,
            f"HTML the page leaves out: {', '.join(removed)}; write it as plain text"
            " or Markdown (the page shows text, links, lists, headings, quotes and"
            " tables, and nothing else a writer's HTML asks for)",
        )


def _removed(body: str) -> Iterator[tuple[int, list[str]]]:
    """(line within the body, from 0; what is left out) for each piece of raw HTML.

    Raw HTML, a block or inline, starts with "<": a body without one is not parsed,
    which at thousands of stories was most of this rule's time (issue 18)."""
    if "<" not in body:
        return
    for token, line in _html_tokens(_PARSER.parse(body)):
        removed: list[str] = []
        if _COMMENT.search(token.content):
            removed.append("an HTML comment")
        for tag in _TAG.finditer(token.content):
            name = tag["name"].lower()
            if name not in ALLOWED_TAGS:
                if not tag["close"]:
                    removed.append(f"<{name}>")
                continue
            allowed = ALLOWED_ATTRIBUTES.get(name, frozenset())
            removed += [
                f"{attribute['name'].lower()} on <{name}>"
                for attribute in _ATTRIBUTE.finditer(tag["attributes"])
                if attribute["name"].lower() not in allowed
            ]
        if removed:
            yield line, list(dict.fromkeys(removed))


def _html_tokens(tokens: list[Token]) -> Iterator[tuple[Token, int]]:
    for token in tokens:
        if token.type == "html_block" and token.map:
            yield token, token.map[0]
        elif token.type == "inline" and token.children and token.map:
            for child in token.children:
                if child.type == "html_inline":
                    yield child, token.map[0]
