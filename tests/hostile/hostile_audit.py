"""What a browser would act on in a built page, and whether the site's own theme put it there.

Every claim is made on the parsed page (tests/render/render_html.py), never by
searching the markup. The theme's own scripts, forms, icons and stylesheets are
learnt from a build of the same site without hostile content (`SiteChrome`):
an inline script is the theme's only if its exact text (by SHA-256) is one the
clean build has too, so no script written by content can pass for one; the same holds
for the one <style> element, the finder page's first-paint styles (render/first_paint.py).
"""

from __future__ import annotations

import hashlib
import json
import posixpath
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tests.render.render_html import Element, parse_html
from tests.site.site_files import fetched_addresses, html_pages, is_other_host

DANGEROUS_SCHEMES = ("javascript:", "vbscript:", "data:")
# data: addresses the theme itself uses: Material 9 puts none in its HTML.
SITE_DATA_URLS: frozenset[str] = frozenset()
URL_ATTRIBUTES = {
    "href", "src", "action", "formaction", "xlink:href", "data", "poster", "background",
    "cite", "longdesc", "codebase", "ping", "srcset", "manifest", "icon", "dynsrc",
    "lowsrc", "archive", "classid", "usemap", "profile", "to", "from", "values", "by",
}  # fmt: skip
# Elements that must not be on any page, whoever wrote them.
NEVER = {
    "iframe", "frame", "frameset", "object", "embed", "applet", "base", "math",
    "noscript", "portal", "xmp", "listing", "plaintext", "noembed", "noframes",
    "isindex", "keygen", "marquee", "textarea",
}  # fmt: skip
# Elements the theme uses but content must not add: each must match one the clean build has
# (the template holds Material's scripts until they are wanted: material-on-demand.js).
CHROME_ONLY = {"form", "input", "button", "select", "option", "label", "template"}
# <style> elements are allowed only with a text the clean build has (by SHA-256).
STYLE = "style"
JSON_LD = "application/ld+json"


def page_url(rel: str) -> str:
    """The folder a page's relative links start from: "stories/x/index.html" -> "stories/x/"."""
    folder = posixpath.dirname(rel)
    return folder + "/" if folder else ""


def resolve(rel: str, address: str) -> str:
    """A link on page ``rel`` as a path from the site root."""
    if address.startswith("/"):
        return posixpath.normpath(address.lstrip("/"))
    return posixpath.normpath(posixpath.join(page_url(rel), address))


def squashed(value: str | None) -> str:
    """An address as a browser's URL parser reads it: no whitespace or controls, any case.

    The HTML parser has already decoded character references, once, as a browser does.
    """
    return "".join(char for char in value or "" if char > " ").lower()


def is_dangerous(value: str | None) -> bool:
    address = squashed(value)
    return address.startswith(DANGEROUS_SCHEMES) and address not in SITE_DATA_URLS


def digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def signature(element: Element) -> tuple[str, frozenset[tuple[str, str | None]]]:
    return element.tag, frozenset(element.attrs.items())


def in_svg(tree: Element) -> Iterator[Element]:
    """Every element inside an <svg>, the <svg> included."""
    for element in tree.iter():
        if element.tag == "svg":
            yield from element.iter()


@dataclass(frozen=True)
class SiteChrome:
    """The theme's own scripts, controls, icons and styles, learnt from a clean build."""

    inline_scripts: frozenset[tuple[str | None, str]]
    inline_scripts_a_page: int
    script_sources: frozenset[str]
    controls: frozenset[tuple[str, frozenset[tuple[str, str | None]]]]
    svg_parts: frozenset[tuple[str, frozenset[str]]]
    styles: frozenset[tuple[str, str | None]]
    metas: frozenset[str]
    style_elements: frozenset[str]


def learn_chrome(site: Path) -> SiteChrome:
    inline: set[tuple[str | None, str]] = set()
    per_page = 0
    sources: set[str] = set()
    controls: set[tuple[str, frozenset[tuple[str, str | None]]]] = set()
    svg_parts: set[tuple[str, frozenset[str]]] = set()
    styles: set[tuple[str, str | None]] = set()
    metas: set[str] = set()
    style_elements: set[str] = set()
    for path in html_pages(site):
        rel = path.relative_to(site).as_posix()
        tree = parse_html(path.read_text("utf-8"))
        count = 0
        for element in tree.iter():
            if element.tag == "script" and element.attrs.get("src"):
                sources.add(resolve(rel, element.attrs["src"] or ""))
            elif element.tag == "script" and element.attrs.get("type") != JSON_LD:
                inline.add((element.attrs.get("type"), digest(element.text)))
                count += 1
            if element.tag in CHROME_ONLY:
                controls.add(signature(element))
            if "style" in element.attrs:
                styles.add((element.tag, element.attrs["style"]))
            if element.tag == "meta":
                metas.add(_meta_kind(element))
            if element.tag == STYLE:
                style_elements.add(digest(element.text))
        per_page = max(per_page, count)
        svg_parts |= {(e.tag, frozenset(e.attrs)) for e in in_svg(tree)}
    return SiteChrome(
        frozenset(inline),
        per_page,
        frozenset(sources),
        frozenset(controls),
        frozenset(svg_parts),
        frozenset(styles),
        frozenset(metas),
        frozenset(style_elements),
    )


def _meta_kind(element: Element) -> str:
    if "http-equiv" in element.attrs:
        return "http-equiv"
    if "charset" in element.attrs:
        return "charset"
    return f"name={element.attrs.get('name')}"


def audit_page(rel: str, markup: str, chrome: SiteChrome) -> list[str]:
    """Everything on one page that could run, load, restyle or redirect and is not the theme's."""
    tree = parse_html(markup)
    found: list[str] = []
    inline = 0
    for element in tree.iter():
        where = f"{rel}: <{element.tag}>"
        if element.tag in NEVER:
            found.append(f"{where} element")
        if element.tag == STYLE and digest(element.text) not in chrome.style_elements:
            found.append(f"{where} element not in the theme: {element.text[:80]!r}")
        if element.tag in CHROME_ONLY and signature(element) not in chrome.controls:
            found.append(f"{where} {element.attrs} is not one of the theme's own")
        if element.tag == "meta" and _meta_kind(element) not in chrome.metas:
            found.append(f"{where} {element.attrs}")
        if element.tag == "script":
            problem = _script_problem(rel, element, chrome)
            if problem:
                found.append(f"{where} {problem}")
            inline += not element.attrs.get("src") and element.attrs.get("type") != JSON_LD
        for name, value in element.attrs.items():
            if name.startswith("on"):
                found.append(f"{where} event handler {name}={value!r}")
            if name == "srcdoc":
                found.append(f"{where} srcdoc")
            if name == "style" and (element.tag, value) not in chrome.styles:
                found.append(f"{where} style={value!r}")
            if name in URL_ATTRIBUTES and is_dangerous(value):
                found.append(f"{where} {name}={value!r}")
    if inline > chrome.inline_scripts_a_page:
        found.append(
            f"{rel}: {inline} inline scripts, the theme has {chrome.inline_scripts_a_page}"
        )
    parts = {(e.tag, frozenset(e.attrs)) for e in in_svg(tree)}
    found += [
        f"{rel}: <{tag}> {sorted(attrs)} in an svg" for tag, attrs in parts - chrome.svg_parts
    ]
    found += _json_ld_problems(rel, tree)
    return found


def _script_problem(rel: str, element: Element, chrome: SiteChrome) -> str | None:
    source = element.attrs.get("src")
    if source is not None:
        if element.text.strip():
            return "has both src and text"
        if resolve(rel, source or "") not in chrome.script_sources:
            return f"src={source!r} is not one of the theme's scripts"
        return None
    kind = element.attrs.get("type")
    if kind == JSON_LD:
        return None
    if (kind, digest(element.text)) not in chrome.inline_scripts:
        return f"inline script not in the theme: {element.text[:80]!r}"
    return None


def _json_ld_problems(rel: str, tree: Element) -> list[str]:
    """At most one JSON-LD block, in the head, valid JSON that cannot close its element."""
    blocks = [e for e in tree.find_all("script") if e.attrs.get("type") == JSON_LD]
    heads = tree.find_all("head")
    in_head = [
        e for head in heads for e in head.find_all("script") if e.attrs.get("type") == JSON_LD
    ]
    found = []
    if len(blocks) > 1 or len(in_head) != len(blocks):
        found.append(f"{rel}: {len(blocks)} JSON-LD blocks, {len(in_head)} in the head")
    for block in blocks:
        text = block.text
        for marker in ("</", "<!--", "<script"):
            if marker in text.lower():
                found.append(f"{rel}: JSON-LD contains {marker!r}")
        try:
            strict_json(text)
        except ValueError as exc:
            found.append(f"{rel}: JSON-LD is not JSON: {exc}")
    return found


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")


def strict_json(text: str) -> Any:
    """json.loads without Python's extensions (NaN, Infinity)."""
    return json.loads(text, parse_constant=_no_constant)


def other_hosts(site: Path) -> list[str]:
    """Every address on any page that the browser would fetch from another host."""
    return [
        f"{page.relative_to(site)}: {address}"
        for page in html_pages(site)
        for address in fetched_addresses(page)
        if is_other_host(address)
    ]


def visible_text(tree: Element) -> str:
    """The words of a page (the title included), without script contents, spaces collapsed."""
    parts: list[str] = []

    def walk(element: Element) -> None:
        for child in element.children:
            if isinstance(child, str):
                parts.append(child)
            elif child.tag not in ("script", "style"):
                walk(child)

    walk(tree)
    return " ".join("".join(parts).split())


# Material's search plugin keeps these tags, without attributes, in its index; its
# search box puts each result's title and text into the page as HTML.
SEARCH_INDEX_TAGS = {"p", "code", "pre", "li", "ol", "ul", "sub", "sup"}


def search_index_problems(index: dict[str, Any]) -> list[str]:
    found = []
    for doc in index["docs"]:
        for field in ("title", "text"):
            for element in parse_html(doc.get(field) or "").iter():
                if element.tag == "#document":
                    continue
                if element.tag not in SEARCH_INDEX_TAGS or element.attrs:
                    found.append(f"{doc['location']} {field}: <{element.tag} {element.attrs}>")
    return found
