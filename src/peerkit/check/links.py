"""Links to other sites in content: found with their line, checked for form, optionally tried.

Contributors paste addresses into stories, tips and group listings; a typo, a space
or a `javascript:` address is caught here, offline, with the file and line. With
`peerkit check --links --online` each web address is also tried (HEAD, then GET if
a server refuses HEAD), a few at a time, with a timeout: an editor's opt-in, never
something a visitor's browser does.

Links inside the site (`../tips/x/`) are not listed: the built site's internal links
are checked by the build and its tests.
"""

from __future__ import annotations

import ipaddress
import re
import urllib.error
import urllib.request
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from urllib.parse import urlsplit

from peerkit.encode.terminal import printable
from peerkit.load.diagnostics import Diagnostic, error, warning
from peerkit.model.records import Group
from peerkit.model.site import Site

# Ways a Markdown body names an address, each capturing it as group "url". Every
# repetition that could run to the end of a line is bounded (or stops at the next
# "<", or a title at the next bracket): a line of 250 KB of "](<" or '](x "' otherwise
# took minutes, each of tens of thousands of starts scanning the rest of the line. No
# real address or title is longer than these bounds.
_LONGEST = 2048
_MARKDOWN_LINKS = (
    # [text](url "title") and ![alt](url): up to the closing parenthesis, so that an
    # address with a space in it is caught whole; <url> may wrap it.
    re.compile(
        rf"\]\(\s*(?:<(?P<url>[^<>\n]{{0,{_LONGEST}}})>"
        rf"|(?P<bare>(?:[^()\n]|\([^()\n]{{0,{_LONGEST}}}\)){{0,{_LONGEST}}}?))"
        rf"(?:\s+[\"'(][^()\[\]\n]{{0,{_LONGEST}}})?\s*\)"
    ),
    # [label]: url   (a reference definition)
    re.compile(r"^ {0,3}\[[^\]\n]+\]:\s*<?(?P<url>[^\s>]+)", re.MULTILINE),
    # <https://...>  (an autolink)
    re.compile(rf"<(?P<url>[a-zA-Z][a-zA-Z0-9+.-]{{0,31}}:[^<>\s]{{0,{_LONGEST}}})>"),
    # href="..." and src="..." in raw HTML (sanitised when rendered, but a link all the same)
    re.compile(r"""\b(?:href|src)\s*=\s*["'](?P<url>[^"'\n]*)["']""", re.IGNORECASE),
    # a bare web address in the text
    re.compile(r"(?<![\w(<\"'=/])(?P<url>https?://[^\s<>()\[\]\"'`]+[^\s<>()\[\]\"'`.,;:!?])"),
)
_SCHEME = re.compile(r"^(?P<scheme>[a-zA-Z][a-zA-Z0-9+.-]*):")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+?\1")
_HOST = re.compile(r"^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z](?:[a-z0-9-]*[a-z0-9])?$")
# Not web pages, but how people reach a group or a person: listed, not flagged.
_CONTACT_SCHEMES = ("mailto", "tel")


@dataclass(frozen=True)
class ExternalLink:
    """An address in a content file that points outside the site."""

    url: str
    path: str
    line: int
    col: int
    where: str

    def format(self) -> str:
        """One line of the listing: the address is a stranger's, so it is printed escaped."""
        return printable(f"{self.path}:{self.line}:{self.col}: {self.url} ({self.where})")


def external_links(site: Site) -> list[ExternalLink]:
    """Every outside address in the stories' and tips' text and in the groups' URL fields,
    drafts included (they will be published one day), in file and line order."""
    found: list[ExternalLink] = []
    for record in (*site.stories, *site.tips):
        found += _links_in_markdown(record.body, record.source.path, record.body_line)
    for group in site.groups:
        found += _links_in_group(group)
    return sorted(found, key=lambda link: (link.path, link.line, link.col))


def _links_in_group(group: Group) -> list[ExternalLink]:
    fields = (
        ("online", "url", group.online.url if group.online else None),
        ("contact", "url", group.contact.url if group.contact else None),
    )
    links = []
    for parent, key, url in fields:
        if url:
            line, col = group.source.value_at(parent, key)
            links.append(ExternalLink(url, group.source.path, line, col, f"{parent}.{key}"))
    return links


def _links_in_markdown(body: str, path: str, first_line: int) -> list[ExternalLink]:
    links = []
    fence: str | None = None
    for offset, line in enumerate(body.split("\n")):
        opening = _FENCE.match(line)
        if fence is not None:
            if opening and opening.group(1)[0] == fence[0] and len(opening.group(1)) >= len(fence):
                fence = None
            continue
        if opening:
            fence = opening.group(1)
            continue
        # Code shows an address, it does not link to it; blanked so columns stay right.
        text = _CODE_SPAN.sub(lambda m: " " * len(m.group(0)), line)
        taken: list[tuple[int, int]] = []
        for pattern in _MARKDOWN_LINKS:
            for match in pattern.finditer(text):
                name = "url" if match.group("url") is not None else "bare"
                start, end = match.span(name)
                url = match.group(name).strip()
                if not _is_external(url) or any(s <= start < e for s, e in taken):
                    continue
                taken.append((start, end))
                links.append(ExternalLink(url, path, first_line + offset, start + 1, "text"))
    return links


def _is_external(url: str) -> bool:
    return bool(_SCHEME.match(url)) or url.startswith(("//", "www."))


def link_problems(links: Iterable[ExternalLink]) -> list[Diagnostic]:
    """What is wrong with each address as written; nothing is fetched."""
    problems = []
    for link in links:
        found = _problem(link.url)
        if found:
            message, is_error = found
            report = error if is_error else warning
            problems.append(report(link.path, link.line, link.col, message))
    return problems


def _problem(url: str) -> tuple[str, bool] | None:
    """Why an address will not work as a link, and whether that is an error; None if fine."""
    shown = url if len(url) <= 80 else url[:77] + "..."
    if not url.isprintable() and not any(char == " " for char in url):
        return f"the address {shown!r} holds a control or invisible character: retype it", True
    if any(char.isspace() for char in url):
        return f"the address {shown!r} has a space in it: remove it, or write it as %20", True
    if url.startswith("www."):
        return (
            f"the address {shown!r} has no https:// in front, so it would link to a page of"
            " this site",
            True,
        )
    if url.startswith("//"):
        return f"write the address {shown!r} with https: in front", True
    match = _SCHEME.match(url)
    scheme = match.group("scheme").lower() if match else ""
    if scheme in _CONTACT_SCHEMES:
        return None
    if scheme not in ("http", "https"):
        return f"{shown!r} is not a web address: links must start with https://", True
    if not url.lower().startswith(f"{scheme}://"):
        return f"the address {shown!r} is malformed: write {scheme}:// then the site's name", True
    try:
        parts = urlsplit(url)
        _ = parts.port  # a port that is not a number raises only when read
    except ValueError as exc:
        return f"the address {shown!r} is malformed: {exc}", True
    host = (parts.hostname or "").rstrip(".")
    if not host:
        return f"the address {shown!r} has no site name after {scheme}://", True
    if not _is_host_name(host):
        return f"the address {shown!r} has a site name ({host!r}) that cannot be right", True
    if scheme == "http":
        return f"the address {shown!r} is not encrypted: use https:// if the site has it", False
    return None


def _is_web_address(url: str) -> bool:
    """An http(s) address well-formed enough to try (a warning such as http: is fine)."""
    found = _problem(url)
    return urlsplit(url).scheme.lower() in ("http", "https") and not (found and found[1])


def _is_host_name(host: str) -> bool:
    """A domain name with a dot (international names too), or an IP address."""
    try:
        ipaddress.ip_address(host)
        return True
    except ValueError:
        pass
    try:
        ascii_host = host.encode("idna").decode("ascii")
    except UnicodeError:
        return False
    return bool(_HOST.match(ascii_host.lower()))


Fetch = Callable[[str, float], int]
"""Tries an address within a timeout; the HTTP status, or raises OSError."""


def http_status(url: str, timeout: float) -> int:
    """HEAD, and GET if the server refuses HEAD (some do); redirects are followed."""
    try:
        return _status(url, "HEAD", timeout)
    except urllib.error.HTTPError as exc:
        if exc.code not in (403, 405, 501):
            return exc.code
    try:
        return _status(url, "GET", timeout)
    except urllib.error.HTTPError as exc:
        return exc.code


def _status(url: str, method: str, timeout: float) -> int:
    request = urllib.request.Request(
        url, method=method, headers={"User-Agent": "peerkit-link-check"}
    )
    with urllib.request.urlopen(request, timeout=timeout) as response:
        return int(response.status)


def unreachable_links(
    links: Iterable[ExternalLink],
    fetch: Fetch = http_status,
    timeout: float = 10.0,
    workers: int = 8,
) -> list[Diagnostic]:
    """Warnings for web addresses that do not answer with a page: each one tried once,
    a few at a time. Warnings, not errors: a site can be down for an hour."""
    web = [link for link in links if _is_web_address(link.url)]
    addresses = sorted({link.url for link in web})

    def attempt(url: str) -> str | None:
        try:
            status = fetch(url, timeout)
        except (OSError, ValueError) as exc:
            reason = getattr(exc, "reason", exc)
            return f"did not answer ({reason})"
        return None if status < 400 else f"answered {status}"

    with ThreadPoolExecutor(max_workers=max(1, workers)) as pool:
        outcome = dict(zip(addresses, pool.map(attempt, addresses), strict=True))
    return [
        warning(link.path, link.line, link.col, f"{link.url} {outcome[link.url]}")
        for link in web
        if outcome[link.url]
    ]


def link_listing(links: Sequence[ExternalLink]) -> list[str]:
    """The links for people to read: a heading, then one `path:line:col: address` a line."""
    if not links:
        return ["No links to other sites in content."]
    files = len({link.path for link in links})
    heading = (
        f"{len(links)} link{'s' * (len(links) != 1)} to other sites"
        f" in {files} file{'s' * (files != 1)}:"
    )
    return [heading, *(f"  {link.format()}" for link in links)]
