"""The reference site in both search engines, and a visitor who searches it.

Issue 13's promises (help first, warned stories kept folded, no traces, search
loaded only when wanted) must hold whichever engine answers the search box, so
the tests that prove them run twice: on the reference site as it is (Material's
search) and on the same site built with `search: pagefind`.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml
from playwright.sync_api import Browser, Locator, expect

from tests.browser.conftest import (
    PHONE,
    REPO,
    Visit,
    mkdocs_build,
    new_visit,
    served,
)
from tests.browser.test_accessibility import axe_script  # noqa: F401 (a fixture for this folder)

ENGINES = ("material", "pagefind")


@dataclass(frozen=True)
class Engine:
    name: str
    site_dir: Path
    base_url: str


def _pagefind_config(folder: Path) -> Path:
    """The reference site's mkdocs.yml with `search: pagefind`, its folders made absolute."""
    config = yaml.safe_load((REPO / "mkdocs.yml").read_text("utf-8"))
    config["docs_dir"] = str(REPO / config.get("docs_dir", "docs"))
    config["theme"]["custom_dir"] = str(REPO / config["theme"]["custom_dir"])
    for plugin in config["plugins"]:
        if isinstance(plugin, dict) and "peerkit" in plugin:
            options = plugin["peerkit"]
            options["content_dir"] = str(REPO / options.get("content_dir", "content"))
            options["search"] = "pagefind"
    path = folder / "mkdocs.yml"
    path.write_text(yaml.safe_dump(config, sort_keys=False, allow_unicode=True), "utf-8")
    return path


@pytest.fixture(scope="session")
def pagefind_site_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The reference site built with Pagefind answering its search box."""
    folder = tmp_path_factory.mktemp("reference-pagefind")
    out = folder / "site"
    mkdocs_build(folder, out, _pagefind_config(folder))
    return out


@pytest.fixture(scope="session")
def pagefind_base_url(pagefind_site_dir: Path) -> Iterator[str]:
    with served(pagefind_site_dir) as url:
        yield url


@pytest.fixture(params=ENGINES)
def engine(request: pytest.FixtureRequest) -> Engine:
    """The reference site in one engine; a test that takes it runs in both."""
    if request.param == "material":
        return Engine(
            "material", request.getfixturevalue("site_dir"), request.getfixturevalue("base_url")
        )
    return Engine(
        "pagefind",
        request.getfixturevalue("pagefind_site_dir"),
        request.getfixturevalue("pagefind_base_url"),
    )


@pytest.fixture
def engine_visit(browser: Browser, engine: Engine) -> Iterator[Visit]:
    """A fresh page on the engine's site, on a small phone."""
    yield from open_on(browser, engine.base_url)


def open_on(browser: Browser, base_url: str, **context_options: Any) -> Iterator[Visit]:
    """A fresh browser context on ``base_url`` that records errors and other hosts."""
    options: dict[str, Any] = {"viewport": PHONE, **context_options}
    visit, context = new_visit(browser, base_url, timeout_ms=15_000, **options)
    yield visit
    context.close()


def open_search(visit: Visit, path: str = "") -> Locator:
    """Open a page, then the search box as a phone visitor does (the magnifier), ready."""
    visit.goto(path)
    visit.page.locator("label.md-header__button[for=__search]").click()
    field = visit.page.locator("input.md-search__input")
    expect(field).to_be_focused()
    expect(visit.page.locator(".md-search-result__meta")).to_have_text(
        "Type to start searching", timeout=30_000
    )
    return field


def search(visit: Visit, words: str, path: str = "") -> Locator:
    """Search for ``words``; the results' links, once the engine has answered."""
    field = open_search(visit, path)
    # Typing, not fill(): Material reads the query on keyup, which fill() does not send.
    field.press_sequentially(words, delay=20)
    meta = visit.page.locator(".md-search-result__meta")
    expect(meta).not_to_have_text("Type to start searching")
    # Pagefind's worker waits for typing to pause; the count settles after it.
    visit.page.wait_for_timeout(600)
    return visit.page.locator(".md-search-result__item a")


def help_card(visit: Visit) -> Locator:
    return visit.page.locator(".md-search__output #pk-search-help")
