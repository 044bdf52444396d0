"""Generated pages stamped from a shell of the theme, not rendered through it one by one.

Material renders its whole page template (header, search, sidebars, footer, scripts)
for every page: some 1.5 ms a page, the largest part of a large site's build. A page
Peerkit generates is in no navigation section and has no table of contents, so all of
that HTML is the same for every such page of a folder except in a few places: the
page's title, description, address, structured data, feeds and content. So the theme
is rendered once for a folder with a marker in each of those places (a *shell*), and
each page is the shell with its own values put in at the markers.

A theme or an override could treat a value otherwise than by putting it in as it is
(escape it, strip its tags, cut it short, branch on it). So each shell is made twice,
the second time with markers full of the characters that filters change (ampersands,
quotes, angle brackets, accents, doubled and trailing spaces): if that one is not the
first with those markers put in, some value is transformed and the shape is rendered
in full. Shapes are kept apart where a value could matter otherwise (each folder, each
set of metadata flags, each empty value), and the first pages of each shape are also
rendered in full and compared, byte for byte, with their stamps; a shape whose stamp
differs is rendered in full for the rest of the build. A page whose address is not
plain letters, digits and dashes is always rendered in full.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Hashable, Mapping
from typing import Any

from jinja2 import ChoiceLoader, DictLoader, Environment, pass_context
from jinja2.runtime import Context
from markupsafe import Markup
from mkdocs.structure.pages import Page

from peerkit.render.headers import theme_scripts

STAMP_TEMPLATE = "peerkit/stamped-page.html"
"""The template a stampable page is given: it calls back into `PageShells`."""
THEME_TEMPLATE = "peerkit_theme_template"
"""The page.meta entry that keeps the template the page would otherwise have."""
VERIFIED_PAGES = 2
"""Pages of each shape rendered in full as well, to prove its stamp: two, so that a
value of the first page that the shell kept by mistake shows on the second."""

_MARKS = re.compile(r"pkshell(\w+?)mark")
_CONTENT_MARK = "pkshellcontentmark"
_PROBE = " &amp;<b>\"'é  {}\n "
"""A marker's value in the probing shell: what escaping, stripping or trimming changes."""
_PLAIN_SEGMENT = re.compile(r"[A-Za-z0-9_-]+(\.html)?")
_MARKED_META = ("title", "description", "peerkit_jsonld", "peerkit_feeds")


class PageShells:
    """The shells of one build, by shape, and the shapes found not to stamp truly."""

    def __init__(self) -> None:
        self._shells: dict[Hashable, list[str]] = {}
        self._verified: dict[Hashable, int] = {}
        self._refused: set[Hashable] = set()
        self._scripts: dict[Hashable, list[str] | None] = {}
        """Each shell's inline scripts, if no marked value is in one."""
        self._stamped_scripts: dict[str, list[str]] = {}
        self.stamped = 0
        self.rendered = 0

    def report(self) -> str:
        """How many pages were stamped, for the build's output: a site's override that
        stops stamping shows here as pages rendered in full."""
        return (
            f"{self.stamped} pages stamped from {len(self._shells)} shells of the theme,"
            f" {self.rendered} rendered in full"
        )

    def theme_scripts(self, dest_uri: str) -> list[str] | None:
        """The theme's inline scripts of a stamped page, those of its shell: for the
        Content-Security-Policy, which then needs to read only the page's content."""
        return self._stamped_scripts.get(dest_uri)

    def mark(self, page: Page) -> None:
        """Give ``page`` the stamping template if its shape can be stamped at all (under
        `serve`, a page can come back from an earlier build with it)."""
        if page.meta.get("template") == STAMP_TEMPLATE:
            page.meta["template"] = page.meta.pop(THEME_TEMPLATE)
        if _stampable(page):
            page.meta[THEME_TEMPLATE] = page.meta.get("template", "main.html")
            page.meta["template"] = STAMP_TEMPLATE

    def install(self, env: Environment) -> None:
        """Make the stamping template and its callback known to ``env``."""
        env.globals["peerkit_stamp"] = self._stamp
        env.loader = ChoiceLoader(
            [DictLoader({STAMP_TEMPLATE: "{{ peerkit_stamp() }}"}), env.loader]
        )

    @pass_context
    def _stamp(self, context: Context) -> Markup:
        page: Page = context["page"]
        template = context.environment.get_template(page.meta[THEME_TEMPLATE])
        values = _values(page)
        shape = _shape(page, values)
        full: Callable[[], str] = lambda: template.render(context.get_all())  # noqa: E731
        if shape in self._refused:
            self.rendered += 1
            return Markup(full())
        parts = self._shells.get(shape)
        if parts is None:
            parts = self._shell(context, template, page, values)
            if parts is None:
                self._refused.add(shape)
                self.rendered += 1
                return Markup(full())
            self._shells[shape] = parts
            self._scripts[shape] = _shell_scripts(parts)
        stamp = _fill(parts, values)
        if self._verified.get(shape, 0) < VERIFIED_PAGES:
            self._verified[shape] = self._verified.get(shape, 0) + 1
            output = full()
            self.rendered += 1
            if output != stamp:
                self._refused.add(shape)
                del self._shells[shape]
            return Markup(output)
        self.stamped += 1
        scripts = self._scripts[shape]
        if scripts is not None:
            self._stamped_scripts[page.file.dest_uri] = scripts
        return Markup(stamp)

    @staticmethod
    def _shell(
        context: Context, template: Any, page: Page, values: Mapping[str, str]
    ) -> list[str] | None:
        """The shell of ``page``'s shape as text and marker names, or None if the theme
        does not put some value in as it is."""
        marks = {name: f"pkshell{name}mark" for name in values}
        probes = {name: _PROBE.format(name) for name in values}
        # The content goes in as it is: Material's content partial branches on it (a
        # heading of the page's title unless the content has one), so it is found in
        # the rendered shell instead of marked.
        content = probes["content"] = marks["content"] = values["content"]
        probes["slug"] = marks["slug"]
        rendered = context.get_all()
        marked = template.render({**rendered, "page": _MarkedPage(page, marks)})
        if not content or marked.count(content) != 1:
            return None
        parts = _MARKS.split(marked.replace(content, _CONTENT_MARK))
        probed = template.render({**rendered, "page": _MarkedPage(page, probes)})
        if probed != _fill(parts, probes):
            return None
        return parts


def _stampable(page: Page) -> bool:
    """Whether nothing the theme shows of ``page`` lies outside the marked values."""
    segments = page.url.rstrip("/").split("/")
    return (
        page.file.generated_by is not None
        and len(page.toc) == 0
        and not page.is_homepage
        and page.parent is None
        and page.previous_page is None
        and page.next_page is None
        and page.url != ""
        and _PLAIN_SEGMENT.fullmatch(segments[-1]) is not None
        and (page.edit_url is None or page.edit_url.count(_slug(page)) == 1)
    )


def _slug(page: Page) -> str:
    return page.url.rstrip("/").rsplit("/", 1)[-1]


def _values(page: Page) -> dict[str, str]:
    """What the shell marks, for one page: its values by marker name."""
    meta = page.meta
    values = {"slug": _slug(page), "title": str(page.title or ""), "content": page.content or ""}
    for key in ("title", "description", "peerkit_jsonld"):
        if meta.get(key):
            values[f"meta{key}"] = str(meta[key])
    for index, feed in enumerate(meta.get("peerkit_feeds") or ()):
        values[f"feedhref{index}"] = str(feed["href"])
        values[f"feedtitle{index}"] = str(feed["title"])
    return values


def _shape(page: Page, values: Mapping[str, str]) -> Hashable:
    """What, besides the marked values, could make two pages' HTML differ."""
    folder = page.url.rstrip("/").rpartition("/")[0]
    meta = tuple(
        sorted((key, repr(value)) for key, value in page.meta.items() if key not in _MARKED_META)
    )
    filled = tuple((name, bool(value)) for name, value in values.items())
    heading = "<h1" in values["content"]
    return (page.meta[THEME_TEMPLATE], folder, page.edit_url is not None, meta, filled, heading)


def _shell_scripts(parts: list[str]) -> list[str] | None:
    """The inline scripts around a shell's content, if none holds a marked value."""
    shell = "".join(text if i % 2 == 0 else f"pkshell{text}mark" for i, text in enumerate(parts))
    if shell.count(_CONTENT_MARK) != 1:
        return None
    before, after = shell.split(_CONTENT_MARK)
    scripts = theme_scripts(before) + theme_scripts(after)
    if any("pkshell" in script for script in scripts):
        return None
    return scripts


def _fill(parts: list[str], values: Mapping[str, str]) -> str:
    """The shell's text with each marker replaced by its value (``parts`` alternates
    text and marker names, as `re.split` gives them)."""
    out = parts[:]
    for index in range(1, len(out), 2):
        out[index] = values[out[index]]
    return "".join(out)


class _MarkedPage:
    """``page`` as the theme sees it, with ``marks`` (by value name) instead of its values."""

    def __init__(self, page: Page, marks: Mapping[str, str]) -> None:
        self._page = page
        slug = _slug(page)
        head, _, tail = page.url.rpartition(slug)
        self.url = f"{head}{marks['slug']}{tail}"
        self.canonical_url = _swap_slug(page.canonical_url, slug, marks["slug"])
        self.abs_url = _swap_slug(page.abs_url, slug, marks["slug"])
        self.edit_url = _swap_slug(page.edit_url, slug, marks["slug"])
        self.title = marks["title"]
        self.content = marks["content"]
        meta = dict(page.meta)
        for key in ("title", "description", "peerkit_jsonld"):
            if meta.get(key):
                meta[key] = marks[f"meta{key}"]
        if meta.get("peerkit_feeds"):
            meta["peerkit_feeds"] = [
                {**feed, "href": marks[f"feedhref{i}"], "title": marks[f"feedtitle{i}"]}
                for i, feed in enumerate(meta["peerkit_feeds"])
            ]
        self.meta = meta

    def __getattr__(self, name: str) -> Any:
        return getattr(self._page, name)


def _swap_slug(address: str | None, slug: str, mark: str) -> str | None:
    if address is None:
        return None
    head, found, tail = address.rpartition(slug)
    return f"{head}{mark}{tail}" if found else address
