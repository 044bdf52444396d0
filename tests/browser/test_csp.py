"""The Content-Security-Policy in `_headers`, applied the way a static host applies it.

The site is served a second time by a server that reads `_headers` (Netlify and
Cloudflare Pages format) and sends its headers, so the browser enforces the policy
that would ship. A violation is caught twice: by a `securitypolicyviolation`
listener put in every document before the page's own scripts, and by Chromium's
console error; each test also proves the feature still does its job.
"""

from __future__ import annotations

import contextlib
import fnmatch
import re
from collections.abc import Callable, Iterator
from http.server import SimpleHTTPRequestHandler
from pathlib import Path
from typing import Any, ClassVar
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from peerkit.render.headers import inline_scripts, script_hash
from tests.browser.conftest import Visit, mkdocs_build, served
from tests.browser.page_kinds import KINDS
from tests.browser.test_quick_exit import press_shift
from tests.conftest import SiteBuilder

RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(
    event.effectiveDirective + " blocked " + (event.blockedURI || "inline") +
    " at " + event.sourceFile + ":" + event.lineNumber
  );
});
"""


def parse_headers_file(text: str) -> list[tuple[str, list[tuple[str, str]]]]:
    """The rules of a `_headers` file: a path pattern, then its indented `Name: value` lines."""
    rules: ClassVar[list[tuple[str, list[tuple[str, str]]]]] = []
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if line[0].isspace():
            name, _, value = line.strip().partition(":")
            rules[-1][1].append((name.strip(), value.strip()))
        else:
            rules.append((line.strip(), []))
    return rules


def _matches(pattern: str, path: str) -> bool:
    return fnmatch.fnmatchcase(path, re.sub(r":\w+", "*", pattern))


class _HeadersHandler(SimpleHTTPRequestHandler):
    """Serves the site with the headers that `_headers` gives each path, as a host would."""

    rules: ClassVar[list[tuple[str, list[tuple[str, str]]]]] = []

    def end_headers(self) -> None:
        path = urlsplit(self.path).path
        for pattern, headers in self.rules:
            if _matches(pattern, path):
                for name, value in headers:
                    self.send_header(name, value)
        super().end_headers()

    def log_message(self, format: str, *args: Any) -> None:
        pass


def headers_rules_of(site: Path) -> list[tuple[str, list[tuple[str, str]]]]:
    headers = site / "_headers"
    assert headers.is_file(), "the build wrote no _headers file"
    return parse_headers_file(headers.read_text("utf-8"))


@contextlib.contextmanager
def served_with_headers(site: Path) -> Iterator[str]:
    """The built site served on 127.0.0.1 with the headers its `_headers` file gives."""
    handler_class = type("Handler", (_HeadersHandler,), {"rules": headers_rules_of(site)})
    with served(site, handler_class) as url:
        yield url


@pytest.fixture(scope="session")
def headers_rules(site_dir: Path) -> list[tuple[str, list[tuple[str, str]]]]:
    return headers_rules_of(site_dir)


@pytest.fixture(scope="session")
def policy_base_url(site_dir: Path) -> Iterator[str]:
    with served_with_headers(site_dir) as url:
        yield url


def policed_visit(open_visit: Callable[..., Visit], base_url: str) -> Visit:
    """A fresh page on a site served with its `_headers`, recording every CSP violation."""
    visit = open_visit()
    visit.base_url = base_url
    visit.page.add_init_script(RECORD_VIOLATIONS)
    return visit


@pytest.fixture
def policed(open_visit: Callable[..., Visit], policy_base_url: str) -> Visit:
    return policed_visit(open_visit, policy_base_url)


def violations(visit: Visit) -> list[str]:
    return visit.page.evaluate("window.__cspViolations")


def assert_nothing_refused(visit: Visit) -> None:
    visit.page.wait_for_load_state("networkidle")
    assert violations(visit) == []
    assert visit.console_errors == []
    assert visit.other_hosts == []


def test_every_path_is_served_with_the_policy_and_privacy_headers(
    headers_rules: list[tuple[str, list[tuple[str, str]]]], policed: Visit
) -> None:
    # Every path, and besides the site-wide rule only the static HSDS API's JSON type
    # and its permission for other sites' requests.
    assert [pattern for pattern, _ in headers_rules] == ["/*", "/groups/hsds/api/*"]
    assert {name for name, _ in headers_rules[1][1]} == {
        "Content-Type",
        "Access-Control-Allow-Origin",
    }
    response = policed.page.goto(policed.base_url + "assets/peerkit/quick-exit.js")
    assert response is not None
    served = response.headers
    policy = served["content-security-policy"]
    assert "'unsafe-inline'" not in policy and "'unsafe-eval'" not in policy
    assert "script-src 'self' 'sha256-" in policy
    assert served["referrer-policy"] == "no-referrer"
    assert served["x-content-type-options"] == "nosniff"
    assert served["cross-origin-opener-policy"] == "same-origin"
    assert "geolocation=(self)" in served["permissions-policy"]


def test_the_policy_holds_the_hash_of_every_inline_script_a_full_parse_finds(
    site_dir: Path, headers_rules: list[tuple[str, list[tuple[str, str]]]]
) -> None:
    """The plugin gathers scripts page by page with a shortcut; parsing every built
    page as a browser would must find exactly the same scripts."""
    theme: set[str] = set()
    for path in site_dir.rglob("*.html"):
        found = inline_scripts(path.read_text("utf-8"))
        assert found.content == [], path
        theme.update(script_hash(text) for text in found.theme)
    policy = dict(headers_rules[0][1])["Content-Security-Policy"]
    script_src = next(d.split() for d in policy.split("; ") if d.startswith("script-src"))
    assert {s for s in script_src if s.startswith("'sha256-")} == theme
    assert len(theme) >= 3


def test_the_policy_refuses_an_inline_script_that_is_not_the_themes(policed: Visit) -> None:
    """The control: the listener hears violations, and the policy is not wide open."""
    policed.goto()
    policed.page.evaluate(
        """() => {
          const script = document.createElement("script");
          script.textContent = "window.__injected = true";
          document.body.append(script);
        }"""
    )
    expect(policed.page.locator("body")).to_be_visible()
    assert policed.page.evaluate("window.__injected === undefined")
    assert [v.split(" blocked ")[0] for v in violations(policed)] == ["script-src-elem"]


@pytest.mark.parametrize("kind", KINDS)
def test_page_runs_the_theme_under_the_policy_with_no_violation(
    policed: Visit, pages: dict[str, str], kind: str
) -> None:
    policed.goto(pages[kind])
    # Material's inline helpers ran (allowed by hash) and a script file showed its colour switch.
    assert policed.page.evaluate("typeof __md_get === 'function'")
    expect(policed.page.locator("label.md-header__button[for='__palette_1']")).to_be_visible()
    assert_nothing_refused(policed)


def test_palette_toggle_works_under_the_policy(policed: Visit) -> None:
    policed.goto()
    body = policed.page.locator("body")
    before = body.get_attribute("data-md-color-scheme")
    policed.page.locator("label.md-header__button:visible").click()
    expect(body).not_to_have_attribute("data-md-color-scheme", before or "")
    assert_nothing_refused(policed)


def test_quick_exit_button_works_under_the_policy(policed: Visit) -> None:
    policed.goto()
    exit_url = policed.exit_url()
    policed.stub(exit_url)
    assert violations(policed) == []
    policed.page.locator("a.pk-exit-button").click()
    policed.page.wait_for_url(exit_url)


def test_shift_three_times_works_under_the_policy(policed: Visit) -> None:
    policed.goto()
    exit_url = policed.exit_url()
    policed.stub(exit_url)
    assert violations(policed) == []
    press_shift(policed.page, 3)
    policed.page.wait_for_url(exit_url)


def test_content_warning_opens_under_the_policy(policed: Visit, pages: dict[str, str]) -> None:
    policed.goto(pages["story"])
    story = policed.page.locator(".pk-warning .pk-story")
    expect(story).to_be_hidden()
    policed.page.locator(".pk-warning > summary").click()
    expect(story).to_be_visible()
    assert_nothing_refused(policed)


def test_group_finder_filters_under_the_policy(policed: Visit, pages: dict[str, str]) -> None:
    policed.goto(pages["groups"])
    words = policed.page.locator(".pk-finder input[type=search]")
    expect(words).to_be_visible()  # directory.js ran and fetched its data
    words.press_sequentially("carers")
    results = policed.page.locator("[data-pk-results] li.pk-result")
    expect(results.first).to_be_visible()
    expect(policed.page.locator("[data-pk-status]")).to_contain_text("match")
    assert_nothing_refused(policed)


def test_search_finds_a_story_under_the_policy(policed: Visit) -> None:
    policed.goto()
    policed.page.keyboard.press("/")
    field = policed.page.locator("input.md-search__input")
    expect(field).to_be_focused()
    # The worker has fetched and indexed the site (slow on a busy machine).
    expect(policed.page.locator(".md-search-result__meta")).to_have_text(
        "Type to start searching", timeout=30_000
    )
    # Material searches on keyup, which fill() does not send.
    # A story without a content warning: a warned story's body is not searchable.
    field.press_sequentially("casseroles")
    results = policed.page.locator(".md-search-result__item a")
    expect(results.first).to_have_attribute("href", re.compile(r"stories/a-chair-by-the-window/"))
    # Enter goes to the first result in the page: the form is never submitted.
    policed.page.keyboard.press("Enter")
    policed.page.wait_for_url(re.compile(r"stories/a-chair-by-the-window/"))
    assert_nothing_refused(policed)


PAGEFIND_SITE = """\
site_name: Pagefind under the policy
theme:
  name: material
  font: false
plugins:
  - search
  - peerkit:
      search: pagefind
nav:
  - Home: index.md
"""


@pytest.fixture(scope="module")
def pagefind_policy_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A small site with `search: pagefind`, whose search runs as WebAssembly."""
    root = tmp_path_factory.mktemp("pagefind-policy")
    (root / "mkdocs.yml").write_text(PAGEFIND_SITE, "utf-8")
    (root / "docs").mkdir()
    (root / "docs" / "index.md").write_text("# Home\n\nA test site.\n", "utf-8")
    SiteBuilder(root).story("toast", {"title": "Toast"}, body="Marmalade on toast, always.\n")
    mkdocs_build(root, root / "site")
    with served_with_headers(root / "site") as url:
        yield url


def test_pagefind_search_works_under_the_policy(
    open_visit: Callable[..., Visit], pagefind_policy_url: str
) -> None:
    visit = policed_visit(open_visit, pagefind_policy_url)
    visit.goto()
    visit.page.keyboard.press("/")
    visit.page.locator("input.md-search__input").press_sequentially("marmalade")
    results = visit.page.locator(".md-search-result__item a")
    expect(results.first).to_have_attribute("href", re.compile(r"stories/toast/"))
    assert_nothing_refused(visit)
