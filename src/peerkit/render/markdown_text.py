"""Contributor Markdown to safe HTML.

Stories and tips come from strangers, so their Markdown never goes through the
site's own Markdown pipeline (which may include file-including extensions such
as pymdownx.snippets): it is converted here by markdown-it-py, CommonMark with
tables, strikethrough and typographic quotes and dashes, then sanitised by nh3
to an allow-list. Whatever HTML a contributor writes, only these tags and
attributes reach the page, and links may only use web, mail and phone addresses.

CommonMark is what GitHub shows a contributor in their pull request, so the
story reads on the site as it did there. And markdown-it parses in time that
grows with the text: Python-Markdown took minutes over a story of 50,000 "["
or 20,000 "<http://", and one such file would stall every build.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from types import MappingProxyType

import nh3
from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore

ALLOWED_TAGS = frozenset({
    "p", "br", "hr", "em", "strong", "b", "i", "u", "s", "small", "sub", "sup", "mark",
    "blockquote", "q", "cite", "abbr", "ul", "ol", "li", "dl", "dt", "dd",
    "h2", "h3", "h4", "h5", "h6", "a", "code", "pre", "kbd",
    "table", "thead", "tbody", "tr", "th", "td", "caption",
})  # fmt: skip
ALLOWED_ATTRIBUTES: Mapping[str, frozenset[str]] = MappingProxyType(
    {
        "a": frozenset({"href", "title"}),
        "abbr": frozenset({"title"}),
        "th": frozenset({"align", "scope"}),
        "td": frozenset({"align"}),
        "ol": frozenset({"start"}),
    }
)
URL_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
_SCHEME = re.compile(r"^([a-z][a-z0-9+.-]*):")


def markdown_to_safe_html(text: str) -> str:
    """Render contributor Markdown and keep only the allow-listed HTML.

    Headings are shifted down one level, because the page's own title is the
    only ``h1``.
    """
    quotes = text.count('"') + text.count("'")
    curly_quotes = quotes <= MAX_CURLED_QUOTES
    html = _PARSERS[curly_quotes, True].render(text)
    if html_depth(html) > MAX_HTML_DEPTH:
        html = _PARSERS[curly_quotes, False].render(text)
    return sanitise_html(_shift_headings(html))


MAX_HTML_DEPTH = 64
"""How deeply a story's own HTML tags may nest before they are shown as text.

The sanitiser's HTML parser looks through the open elements at each tag, so its
time grows with the square of the nesting: 50,000 nested ``<ul><li>`` took half a
second, 768 KB of them 150 s. Markdown itself nests at most 20 levels
(markdown-it's limit); a story that nests its own tags deeper than this is
rendered with its HTML as text, which the sanitiser reads in linear time."""

_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)(?:[\s/][^<>]*)?>")
_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"})  # fmt: skip


def html_depth(html: str) -> int:
    """The deepest nesting of tags in ``html``, counted as written, in one linear pass.

    Unclosed tags a browser would close (a second ``<p>``) count as nested: the
    count can only be too high, never too low.
    """
    depth = deepest = 0
    for match in _TAG.finditer(html):
        closing, name = match.group(1), match.group(2).lower()
        if name in _VOID or match.group(0).endswith("/>"):
            continue
        if closing:
            depth = max(0, depth - 1)
        else:
            depth += 1
            deepest = max(deepest, depth)
    return deepest


MAX_CURLED_QUOTES = 10_000
"""Straight quotes are made curly in a text with up to this many (a long story has
a few hundred). Pairing them takes time that grows with the square of their
number: a story of nothing but 160,000 quotes would take minutes."""


def _parser(curly_quotes: bool, raw_html: bool) -> MarkdownIt:
    """Without ``raw_html`` a story's own tags are text (see MAX_HTML_DEPTH)."""
    rules = ["table", "strikethrough", "replacements"]
    parser = MarkdownIt("commonmark", {"typographer": True, "html": raw_html}).enable(
        [*rules, "smartquotes"] if curly_quotes else rules
    )
    parser.core.ruler.push("align_cells", _align_cells)
    return parser


def _align_cells(state: StateCore) -> None:
    """A table column's alignment as an ``align`` attribute, not a ``style``: the
    site's Content-Security-Policy allows no style attributes."""
    for token in state.tokens:
        if token.type in ("th_open", "td_open"):
            style = str(token.attrs.pop("style", ""))
            if style.startswith("text-align:"):
                token.attrs["align"] = style.removeprefix("text-align:")


_PARSERS: Mapping[tuple[bool, bool], MarkdownIt] = MappingProxyType(
    {(q, raw): _parser(q, raw) for q in (True, False) for raw in (True, False)}
)
"""One parser for every text (it keeps no state between them), with or without curly
quotes: made at import, not for each story."""


def sanitise_html(html: str) -> str:
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=dict(ALLOWED_ATTRIBUTES),
        attribute_filter=_drop_disguised_schemes,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer nofollow",
        strip_comments=True,
    )


def _drop_disguised_schemes(element: str, attribute: str, value: str) -> str | None:
    """Drop a link that names another scheme once its spaces and control characters are gone.

    A Markdown parser may expand a tab to spaces, even inside raw HTML (Python-
    Markdown did), so a story's "java<tab>script:" could reach the sanitiser as
    "java    script:", which is a relative address to it and to today's browsers.
    A link never needs to look like that, and the page should not depend on every
    browser agreeing.
    """
    if attribute != "href":
        return value
    scheme = _SCHEME.match("".join(char for char in value if char > " ").lower())
    return None if scheme and scheme.group(1) not in URL_SCHEMES else value


def _shift_headings(html: str) -> str:
    for level in range(5, 0, -1):
        html = html.replace(f"<h{level}>", f"<h{level + 1}>").replace(
            f"</h{level}>", f"</h{level + 1}>"
        )
    return html


def plain_text(html: str) -> str:
    """The words of a fragment of HTML, for reading time and feeds."""
    return nh3.clean(html, tags=frozenset())
