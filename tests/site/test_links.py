"""`peerkit check --links`: the links to other sites in content, listed and checked."""

from __future__ import annotations

import functools
import json
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import SiteBuilder
from tests.site.test_cli import peerkit

MKDOCS_YML = "site_name: Links\nplugins:\n  - peerkit\n"


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture
def local_web(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A web server on 127.0.0.1 with one page, /ok; anything else is a 404."""
    root = tmp_path_factory.mktemp("web")
    (root / "ok").write_text("fine", "utf-8")
    handler = functools.partial(_QuietHandler, directory=str(root))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    server.server_close()
    thread.join()


@pytest.fixture
def small_site(make_site: SiteBuilder) -> SiteBuilder:
    (make_site.root / "mkdocs.yml").write_text(MKDOCS_YML, "utf-8")
    (make_site.root / "docs").mkdir()
    (make_site.root / "docs" / "index.md").write_text("# Home\n", "utf-8")
    return make_site


def test_links_in_the_reference_site_are_listed_with_their_place(site_copy: Path) -> None:
    result = peerkit(site_copy, "check", "--links")
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    heading = next(line for line in lines if "links to other sites" in line)
    listed = [line.strip() for line in lines if line.startswith("  content/")]
    assert heading.startswith(f"{len(listed)} links to other sites in ")
    group = site_copy / "content/groups/online/online-grief-cafe.yml"
    line = SiteBuilder.line_of(group, "url: https://")
    url = group.read_text("utf-8").splitlines()[line - 1].split("url: ")[1]
    assert f"content/groups/online/online-grief-cafe.yml:{line}:8: {url} (online.url)" in listed


def test_a_broken_link_in_a_story_fails_the_check_at_its_line(small_site: SiteBuilder) -> None:
    story = small_site.story(
        body="Fine.\n\nSee [this](javascript:alert(1)) and [that](https://a b.org/).\n"
    )
    result = peerkit(small_site.root, "check", "--links")
    assert result.returncode == 1
    line = small_site.line_of(story, "See [this]")
    assert (
        f"content/stories/a-story.md:{line}:12: error: 'javascript:alert(1)' is not a web address"
        in result.stdout
    )
    assert f"content/stories/a-story.md:{line}:44: error: the address 'https://a b.org/'" in (
        result.stdout
    )
    assert "2 links to other sites in 1 file:" in result.stdout


def test_without_links_the_check_does_not_look_at_them(small_site: SiteBuilder) -> None:
    small_site.story(body="See [this](www.mind.org.uk).\n")
    result = peerkit(small_site.root, "check")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "links to other sites" not in result.stdout
    assert peerkit(small_site.root, "check", "--links").returncode == 1


def test_link_problems_are_in_the_json_report(small_site: SiteBuilder) -> None:
    small_site.story(body="See [this](www.mind.org.uk).\n")
    result = peerkit(small_site.root, "check", "--links", "--format", "json")
    assert result.returncode == 1
    report = json.loads(result.stdout)
    assert "has no https:// in front" in json.dumps(report)


def test_online_a_page_that_answers_passes_and_a_missing_one_is_reported(
    small_site: SiteBuilder, local_web: str
) -> None:
    story = small_site.story(body=f"[good]({local_web}/ok)\n[gone]({local_web}/missing)\n")
    offline = peerkit(small_site.root, "check", "--links")
    assert "answered" not in offline.stdout
    online = peerkit(small_site.root, "check", "--links", "--online")
    line = small_site.line_of(story, "[gone]")
    assert (
        f"content/stories/a-story.md:{line}:8: warning: {local_web}/missing answered 404"
        in online.stdout
    )
    assert f"{local_web}/ok answered" not in online.stdout
    assert online.returncode == 0
    strict = peerkit(small_site.root, "check", "--links", "--online", "--strict")
    assert strict.returncode == 1
