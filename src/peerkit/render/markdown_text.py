"""Contributor Markdown to safe HTML.

Stories and tips come from strangers, so their Markdown never goes through the
site's own Markdown pipeline (which may include file-including extensions such
as pymdownx.snippets): it is converted here with a fixed, small set of
extensions, then sanitised by nh3 to an allow-list. Whatever HTML a
contributor writes, only these tags and attributes reach the page, and links
may only use web, mail and phone addresses.
"""

from __future__ import annotations

import re
from functools import cache

import markdown
import nh3

_EXTENSIONS = ["sane_lists", "tables", "smarty"]

ALLOWED_TAGS = {
    "p", "br", "hr", "em", "strong", "b", "i", "u", "s", "small", "sub", "sup", "mark",
    "blockquote", "q", "cite", "abbr", "ul", "ol", "li", "dl", "dt", "dd",
    "h2", "h3", "h4", "h5", "h6", "a", "code", "pre", "kbd",
    "table", "thead", "tbody", "tr", "th", "td", "caption",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "abbr": {"title"},
    "th": {"align", "scope"},
    "td": {"align"},
    "ol": {"start"},
}
URL_SCHEMES = {"http", "https", "mailto", "tel"}
_SCHEME = re.compile(r"^([a-z][a-z0-9+.-]*):")


def markdown_to_safe_html(text: str) -> str:
    """Render contributor Markdown and keep only the allow-listed HTML.

    Headings are shifted down one level, because the page's own title is the
    only ``h1``.
    """
    html = _converter().reset().convert(text)
    return sanitise_html(_shift_headings(html))


@cache
def _converter() -> markdown.Markdown:
    """One converter, reset between texts: setting up its extensions cost a fifth of
    converting a 700-word story, thousands of times over."""
    return markdown.Markdown(extensions=_EXTENSIONS, output_format="html")


def sanitise_html(html: str) -> str:
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        attribute_filter=_drop_disguised_schemes,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer nofollow",
        strip_comments=True,
    )


def _drop_disguised_schemes(element: str, attribute: str, value: str) -> str | None:
    """Drop a link that names another scheme once its spaces and control characters are gone.

    Python-Markdown expands a tab to spaces, even inside raw HTML, so a story's
    "java<tab>script:" reaches the sanitiser as "java    script:", which is a
    relative address to it and to today's browsers. A link never needs to look
    like that, and the page should not depend on every browser agreeing.
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
    return nh3.clean(html, tags=set())
