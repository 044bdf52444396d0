"""Real-browser fixtures: the reference site, built once, served locally, seen by Chromium.

The theme's promises (a quick exit that leaves no way back, crisis lines on every
page, nothing fetched from another host) only hold in a browser, so these tests
build the site exactly as a user would (`mkdocs build --strict` on the repository's
mkdocs.yml), serve it from 127.0.0.1 and drive Debian's Chromium through
Playwright. Every request to another host is recorded and blocked, so a test
never reaches the network and a page that tries to is caught.
"""

from __future__ import annotations

import contextlib
import functools
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, Request, Route, sync_playwright

from peerkit.model.records import Group
from peerkit.model.settings import Settings
from peerkit.project import load_and_check
from peerkit.render.groups import by_region
from tests.commands import run_mkdocs_build
from tests.conftest import BuiltSite
from tests.site.site_files import html_pages

REPO = Path(__file__).resolve().parents[2]
LOCAL_HOST = "127.0.0.1"
CHROMIUM = "/usr/bin/chromium"
# No sandbox (tests may run as root in a container) and no background traffic of
# Chromium's own, which would not be the site's doing.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
# A small phone: the width the theme is designed for first.
PHONE = {"width": 360, "height": 740}


@dataclass
class Visit:
    """One fresh browser page on the served site, with what went wrong while it ran."""

    page: Page
    base_url: str
    console_errors: list[str] = field(default_factory=list)
    other_hosts: list[str] = field(default_factory=list)

    def goto(self, path: str = "") -> None:
        """Open a page of the site by its path relative to the site root."""
        self.page.goto(self.base_url + path)

    def exit_url(self) -> str:
        """Where the exit links go, read from the page (it is set in mkdocs.yml)."""
        href = self.page.locator("a.pk-exit-button").get_attribute("href")
        assert href, "the page has no exit button"
        return href

    def stub(self, url: str, title: str = "Elsewhere") -> None:
        """Answer `url` with a tiny page, so that leaving never touches the network."""
        body = f"<!doctype html><title>{title}</title><p>{title}</p>"
        self.page.route(
            lambda requested: requested == url,
            lambda route: route.fulfill(status=200, content_type="text/html", body=body),
        )


def _record_console_error(visit: Visit, message: Any) -> None:
    if message.type == "error":
        visit.console_errors.append(message.text)


def _record_other_host(visit: Visit, request: Request) -> None:
    if urlsplit(request.url).hostname not in (LOCAL_HOST, None):
        visit.other_hosts.append(request.url)


def _only_local(route: Route) -> None:
    """Let requests to the local server through; refuse the rest (stubs come first)."""
    if urlsplit(route.request.url).hostname == LOCAL_HOST:
        route.continue_()
    else:
        route.abort()


class _QuietHandler(SimpleHTTPRequestHandler):
    """Serves the built site without a log line per request in the test output."""

    def log_message(self, format: str, *args: Any) -> None:
        pass


def mkdocs_build(cwd: Path, out: Path, config: Path | None = None) -> None:
    """Build a site strictly with MkDocs in a subprocess, the way a user builds it."""
    result = run_mkdocs_build(cwd, out, config)
    if result.returncode != 0:
        pytest.fail(f"mkdocs build failed:\n{result.stdout}\n{result.stderr}", pytrace=False)


@contextlib.contextmanager
def served(
    directory: Path, handler_class: type[SimpleHTTPRequestHandler] | None = None
) -> Iterator[str]:
    """A folder served over HTTP on a free port of 127.0.0.1 (file: URLs behave
    differently: no same-origin requests, no search worker)."""
    handler = functools.partial(handler_class or _QuietHandler, directory=str(directory))
    server = ThreadingHTTPServer((LOCAL_HOST, 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://{LOCAL_HOST}:{server.server_port}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


@pytest.fixture(scope="session")
def site_dir(reference_site: BuiltSite) -> Path:
    """The reference site, built once per session the way a user builds it."""
    return reference_site.output


@pytest.fixture(scope="session")
def base_url(site_dir: Path) -> Iterator[str]:
    """The built site served over HTTP on a free port of 127.0.0.1 (file: URLs behave
    differently: no same-origin requests, no search worker)."""
    with served(site_dir) as url:
        yield url


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """Debian's Chromium, started once: Playwright's own browser downloads are not used."""
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def open_visit(browser: Browser, base_url: str) -> Iterator[Callable[..., Visit]]:
    """Opens a page in a new browser context; keyword arguments go to new_context
    (for example java_script_enabled=False or viewport=PHONE)."""
    contexts: list[BrowserContext] = []

    def open_(**context_options: Any) -> Visit:
        visit, context = new_visit(browser, base_url, **context_options)
        contexts.append(context)
        return visit

    yield open_
    for context in contexts:
        context.close()


def new_visit(
    browser: Browser, base_url: str, timeout_ms: int = 10_000, **context_options: Any
) -> tuple[Visit, BrowserContext]:
    """A page in a new browser context that records console errors and requests to
    other hosts (which it refuses); the caller closes the context."""
    context = browser.new_context(**context_options)
    context.route("**/*", _only_local)
    page = context.new_page()
    page.set_default_timeout(timeout_ms)
    visit = Visit(page, base_url)
    page.on("console", functools.partial(_record_console_error, visit))
    page.on("pageerror", lambda error: visit.console_errors.append(str(error)))
    page.on("request", functools.partial(_record_other_host, visit))
    return visit, context


@pytest.fixture
def visit(open_visit: Callable[..., Visit]) -> Visit:
    """A fresh page with JavaScript on, at a desktop size."""
    return open_visit()


def _pick(site_dir: Path, pattern: str, prefer: str = "") -> str:
    """The site path of a built page matching `pattern`, one holding `prefer` if any does."""
    candidates = sorted(set(site_dir.glob(pattern)) & set(html_pages(site_dir)))
    if prefer:
        candidates.sort(key=lambda path: prefer not in path.read_text("utf-8"))
    if not candidates:
        pytest.fail(f"the reference site has no page matching {pattern}", pytrace=False)
    return candidates[0].parent.relative_to(site_dir).as_posix() + "/"


@pytest.fixture(scope="session")
def pages(site_dir: Path) -> dict[str, str]:
    """One page of each kind, by site path. Found in the build rather than named, so the
    tests follow the reference content as it changes; a story with a content warning
    and a stale group listing are preferred because they show the most."""
    return {
        "home": "",
        "stories": "stories/",
        "story": _pick(site_dir, "stories/*/index.html", prefer='class="pk-warning"'),
        "tips": "tips/",
        "tip": _pick(site_dir, "tips/*/index.html"),
        "groups": "groups/",
        "region": _pick(site_dir, "groups/*/index.html"),
        "group": _pick(site_dir, "groups/*/*/index.html", prefer='class="pk-stale"'),
        "topic": _pick(site_dir, "topics/*/index.html"),
        "about": "about/",
        "contribute": "contribute/",
        "guide": "add-a-group/",
        "not found": "404.html",
    }


@pytest.fixture(scope="session")
def groups() -> list[Group]:
    """The reference site's published groups, in the order of the directory's data."""
    settings = Settings(site_name="Reference", timezone="Europe/London")
    site, _ = load_and_check(REPO, REPO / "content", settings, date.today())
    return [g for items in by_region(site.published().groups).values() for g in items]
