"""The `_headers` file: the HTTP headers a static host sends with every file of the site.

Netlify and Cloudflare Pages read `_headers` from the site's root: a path pattern
on its own line, then indented `Name: value` lines. Other hosts can copy the same
values into their own configuration.

The Content-Security-Policy allows scripts from the site itself and, by their
SHA-256 hashes, exactly the inline scripts that the theme puts on the pages.
Peerkit's own scripts are files; the inline ones are Material's (its local-storage
helpers, which name the page's depth, and its palette and tab restorers), so their
hashes are taken from the built pages rather than from Material's templates: they
then follow every Material release without a copy of its internals here.

A script inside a page's <article> is the page's content, never the theme's, so it
is not allowed: content from strangers is sanitised before it gets there, and this
keeps the policy a second wall if anything ever slipped through. An organisation's
own script belongs in a file listed in `extra_javascript`.

With `search: pagefind` the policy also carries 'wasm-unsafe-eval': Pagefind's
search runs as WebAssembly, which a policy must allow by name. It allows compiling
WebAssembly only, never JavaScript's eval, and only on sites that use Pagefind.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from html.parser import HTMLParser

from peerkit.render.exports.hsds import API
from peerkit.render.first_paint import FIRST_PAINT_STYLE_HASH

HEADERS_PATH = "_headers"

# The HTML standard's JavaScript MIME type essences, plus "module": a script element
# of any other type (JSON-LD, Material's JSON configuration) is data and never runs.
_SCRIPT_TYPES = frozenset(
    {
        "",
        "module",
        "application/ecmascript",
        "application/javascript",
        "application/x-ecmascript",
        "application/x-javascript",
        "text/ecmascript",
        "text/javascript",
        "text/javascript1.0",
        "text/javascript1.1",
        "text/javascript1.2",
        "text/javascript1.3",
        "text/javascript1.4",
        "text/javascript1.5",
        "text/jscript",
        "text/livescript",
        "text/x-ecmascript",
        "text/x-javascript",
    }
)

# Why each part is there, in the order a reader of the header meets them.
_POLICY_BEFORE_SCRIPTS = ("default-src 'self'",)
_POLICY_AFTER_SCRIPTS = (
    # Material sets styles through the DOM (element.style), which CSP does not
    # govern; the one <style> element is the finder page's first paint, allowed
    # by its hash (render/first_paint.py), and no page carries a style attribute.
    f"style-src 'self' {FIRST_PAINT_STYLE_HASH}",
    # Material's stylesheet draws its icons from data: SVGs (CSS mask images).
    "img-src 'self' data:",
    "font-src 'self'",
    # The search worker fetches the search index from the site.
    "connect-src 'self'",
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    # The search form is never submitted (Material's script answers it in the page).
    "form-action 'none'",
    # No other site may frame a page, to dress it up or to watch a visitor in it.
    "frame-ancestors 'none'",
)

HEADERS: tuple[tuple[str, str], ...] = (
    # An address can name a topic (a story about self-harm, a group near you).
    ("Referrer-Policy", "no-referrer"),
    ("X-Content-Type-Options", "nosniff"),
    # frame-ancestors for browsers too old to know it.
    ("X-Frame-Options", "DENY"),
    # The directory's "near me" asks for the location on this site only.
    ("Permissions-Policy", "geolocation=(self), camera=(), microphone=()"),
    # A page opened from here cannot reach back into this tab, nor this one into it.
    ("Cross-Origin-Opener-Policy", "same-origin"),
)


# The static HSDS API (`peerkit.render.exports.hsds_api`): its files are JSON whatever
# their names, and any site may read them, as other Open Referral APIs allow.
DATA_RULES: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = (
    (
        f"/{API}*",
        (
            ("Content-Type", "application/json; charset=utf-8"),
            ("Access-Control-Allow-Origin", "*"),
        ),
    ),
)


@dataclass
class InlineScripts:
    """The inline scripts that would run on a page: the theme's, and any in the page's content."""

    theme: list[str] = field(default_factory=list)
    content: list[str] = field(default_factory=list)


class _ScriptFinder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found = InlineScripts()
        self._articles = 0
        self._script: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "article":
            self._articles += 1
        elif tag == "script":
            values = dict(attrs)
            kind = (values.get("type") or "").strip().lower()
            runs = "src" not in values and kind in _SCRIPT_TYPES
            self._script = [] if runs else None

    def handle_endtag(self, tag: str) -> None:
        if tag == "article":
            self._articles = max(0, self._articles - 1)
        elif tag == "script" and self._script is not None:
            text = "".join(self._script)
            (self.found.content if self._articles else self.found.theme).append(text)
            self._script = None

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            self._script.append(data)


def inline_scripts(page_html: str) -> InlineScripts:
    """Every inline script of a page that a browser would run, as the browser reads its text
    (the HTML parser turns CR LF and lone CR into LF before anything else sees them)."""
    finder = _ScriptFinder()
    finder.feed(page_html.replace("\r\n", "\n").replace("\r", "\n"))
    finder.close()
    return finder.found


def script_hash(text: str) -> str:
    """The CSP source that allows exactly this inline script."""
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def content_security_policy(script_hashes: Iterable[str], webassembly: bool = False) -> str:
    """The policy for the whole site, the hashes sorted so that two builds give the same file."""
    wasm = ["'wasm-unsafe-eval'"] if webassembly else []
    scripts = " ".join(["script-src 'self'", *wasm, *sorted(set(script_hashes))])
    return "; ".join([*_POLICY_BEFORE_SCRIPTS, scripts, *_POLICY_AFTER_SCRIPTS])


@dataclass(frozen=True)
class HeadersFile:
    """The file's text, and the pages whose content holds an inline script it does not allow."""

    text: str
    pages_with_content_scripts: tuple[str, ...]


# Template output escapes every value it inserts, so outside a page's own content a
# "<" always starts a tag and a script element ends at the first "</script": a pattern
# finds the theme's scripts exactly, some fifty times faster than an HTML parser.
_SCRIPT_ELEMENT = re.compile(r"<script\b([^>]*)>(.*?)</script", re.IGNORECASE | re.DOTALL)
_TYPE_ATTRIBUTE = re.compile(r"""(?:^|\s)type\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))""", re.I)
_SRC_ATTRIBUTE = re.compile(r"(?:^|\s)src(?:\s*=|\s|/|$)", re.IGNORECASE)


def theme_scripts(theme_html: str) -> list[str]:
    """The inline scripts of the theme's HTML around a page's content."""
    found = []
    for attributes, text in _SCRIPT_ELEMENT.findall(theme_html):
        kind = _TYPE_ATTRIBUTE.search(attributes)
        value = next((v for v in kind.groups() if v is not None), "") if kind else ""
        if not _SRC_ATTRIBUTE.search(attributes) and value.strip().lower() in _SCRIPT_TYPES:
            found.append(text.replace("\r\n", "\n").replace("\r", "\n"))
    return found


def page_scripts(
    page_html: str, content: str | None = None, theme: list[str] | None = None
) -> InlineScripts:
    """The inline scripts of a page; ``content`` is the page's own content as the theme
    inserted it, when known.

    A site of tens of thousands of pages cannot afford an HTML parser over every page:
    when the content appears exactly once in the page, the theme around it is scanned
    with a pattern, and the content is parsed only if it has a script tag at all.
    Otherwise (a page from elsewhere, content the theme changed) the whole page is parsed.
    ``theme``: the theme's scripts around the content, when known already (a page
    stamped from a shell whose scripts are the same for every page of it).
    """
    if theme is not None and content is not None:
        inside = inline_scripts(content) if "<script" in content.lower() else InlineScripts()
        return InlineScripts(list(theme), inside.theme + inside.content)
    if not content or page_html.count(content) != 1:
        return inline_scripts(page_html)
    before, after = page_html.split(content)
    inside = inline_scripts(content) if "<script" in content.lower() else InlineScripts()
    return InlineScripts(
        theme_scripts(before) + theme_scripts(after), inside.theme + inside.content
    )


class SiteScripts:
    """The inline scripts of every page of a site, gathered page by page as it is built,
    so that `_headers` needs no second pass over the written site."""

    def __init__(self) -> None:
        self.paths: set[str] = set()
        self._hashes: set[str] = set()
        self._refused: set[str] = set()

    def add(
        self,
        path: str,
        page_html: str,
        content: str | None = None,
        theme: list[str] | None = None,
    ) -> tuple[tuple[str, ...], bool]:
        """Take in a page's scripts; the hashes of the theme's, and whether its content
        has one of its own (to keep with the page, see `add_known`). ``theme``: as for
        `page_scripts`."""
        found = page_scripts(page_html, content, theme)
        hashes = tuple(script_hash(text) for text in found.theme)
        self.add_known(path, hashes, bool(found.content))
        return hashes, bool(found.content)

    def add_known(self, path: str, hashes: Iterable[str], content_script: bool) -> None:
        """A page whose scripts were found before (a page kept from an earlier build)."""
        self.paths.add(path)
        self._hashes.update(hashes)
        if content_script:
            self._refused.add(path)

    def headers_file(self, webassembly: bool = False) -> HeadersFile:
        """The `_headers` file for these pages: one rule for every path, then the data's.
        `webassembly`: the site runs WebAssembly (Pagefind's search)."""
        policy = content_security_policy(self._hashes, webassembly)
        lines = ["/*", f"  Content-Security-Policy: {policy}"]
        lines += [f"  {name}: {value}" for name, value in HEADERS]
        for pattern, headers in DATA_RULES:
            lines += ["", pattern, *(f"  {name}: {value}" for name, value in headers)]
        return HeadersFile("\n".join(lines) + "\n", tuple(sorted(self._refused)))
