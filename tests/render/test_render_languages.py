"""One language's copy of a site built in several: its records, words and addresses.

The small site is rendered once in English (the default) and once in Spanish, as
the plugin renders it under mkdocs-static-i18n, and shared by the module's tests.
"""

from __future__ import annotations

import json
import posixpath
import re

import pytest

from peerkit.render.languages import counterpart
from peerkit.render.site import RenderedSite
from peerkit.render.urls import STORIES, TIPS, TOPICS, group, region, story, tip, topic
from tests.conftest import TOPICS as TOPIC_FIELDS
from tests.conftest import SiteBuilder, dump_yaml

LANGUAGES = ("en", "es")
GROUP = group("Yorkshire", "a-group")


@pytest.fixture(scope="module")
def copies(tmp_path_factory: pytest.TempPathFactory) -> dict[str, RenderedSite]:
    site = SiteBuilder(tmp_path_factory.mktemp("languages"))
    anxiety = TOPIC_FIELDS[0] | {
        "translations": {"es": {"title": "Ansiedad", "description": "Una preocupación."}}
    }
    site.write("topics.yml", dump_yaml([anxiety, TOPIC_FIELDS[1]]))
    site.story("in-english", {"title": "In English"})
    site.story("en-espanol", {"title": "En español", "language": "es"})
    site.story("yn-gymraeg", {"title": "Yn Gymraeg", "language": "cy"})
    site.tip("un-consejo", {"title": "Un consejo", "language": "es", "topics": ["grief"]})
    site.group()
    return {
        language: site.render(
            language=language, languages=LANGUAGES, site_url="https://peers.example/"
        )
        for language in LANGUAGES
    }


def _pages(rendered: RenderedSite) -> dict[str, str]:
    return {page.url: page.html for page in rendered.pages}


def _files(rendered: RenderedSite) -> dict[str, bytes]:
    return {file.path: file.content for file in rendered.files}


def test_a_story_is_in_its_own_languages_copy_only(copies: dict[str, RenderedSite]) -> None:
    english, spanish = _pages(copies["en"]), _pages(copies["es"])
    assert story("en-espanol") in spanish and story("en-espanol") not in english
    assert story("in-english") in english and story("in-english") not in spanish
    assert "En español" in spanish[STORIES] and "In English" not in spanish[STORIES]
    assert "In English" in english[STORIES] and "En español" not in english[STORIES]


def test_a_story_in_a_language_the_site_is_not_built_in_stays_on_the_default_copy(
    copies: dict[str, RenderedSite],
) -> None:
    english = _pages(copies["en"])
    assert '<div class="pk-story" lang="cy">' in english[story("yn-gymraeg")]
    assert story("yn-gymraeg") not in _pages(copies["es"])


def test_a_tip_is_in_its_own_languages_copy_only(copies: dict[str, RenderedSite]) -> None:
    assert tip("un-consejo") in _pages(copies["es"])
    assert tip("un-consejo") not in _pages(copies["en"])
    assert "Un consejo" not in _pages(copies["en"])[TIPS]


def test_every_copy_lists_every_group_marking_the_listings_language(
    copies: dict[str, RenderedSite],
) -> None:
    english, spanish = _pages(copies["en"]), _pages(copies["es"])
    assert '<p class="pk-description">We meet and talk.</p>' in english[GROUP]
    assert '<p class="pk-description" lang="en">We meet and talk.</p>' in spanish[GROUP]
    assert "Todos los martes" in spanish[GROUP]


def test_a_topic_is_in_the_copys_language_where_translated_else_marked_default(
    copies: dict[str, RenderedSite],
) -> None:
    spanish = _pages(copies["es"])
    assert "<h1>Ansiedad</h1>" in spanish[topic("anxiety")]
    assert "<p>Una preocupación.</p>" in spanish[topic("anxiety")]
    assert '<h1 lang="en">Grief and loss</h1>' in spanish[topic("grief")]
    assert "<h1>Anxiety</h1>" in _pages(copies["en"])[topic("anxiety")]
    assert '<h2 lang="en"><a href="grief/">Grief and loss</a></h2>' in spanish[TOPICS]
    assert 'lang="en">Grief and loss</a>' in spanish[tip("un-consejo")]


def test_a_copys_links_stay_among_its_own_pages(copies: dict[str, RenderedSite]) -> None:
    spanish = _pages(copies["es"])
    for url, html in spanish.items():
        for href in re.findall(r'href="([^"#?:]+)', html):
            target = posixpath.normpath(posixpath.join("/" + url, href)).lstrip("/") + "/"
            if href.endswith(".ics"):
                continue
            assert target in spanish or target.rstrip("/").endswith(".xml"), (url, href)


def test_calendars_are_linked_at_the_sites_root_from_another_languages_pages(
    copies: dict[str, RenderedSite],
) -> None:
    # The Spanish group page is es/groups/yorkshire/a-group/; its calendar is shared.
    assert 'href="../../../../groups/yorkshire/a-group/calendar.ics"' in _pages(copies["es"])[GROUP]
    assert 'href="calendar.ics"' in _pages(copies["en"])[GROUP]
    assert (
        'href="../../../groups/yorkshire/calendar.ics"' in _pages(copies["es"])[region("Yorkshire")]
    )


def test_exports_are_rendered_once_and_the_feed_and_finder_data_per_language(
    copies: dict[str, RenderedSite],
) -> None:
    english, spanish = _files(copies["en"]), _files(copies["es"])
    assert "groups/yorkshire/a-group/calendar.ics" in english
    assert "groups/meeting-guide.json" in english
    assert not [path for path in spanish if not path.startswith("es/")]
    assert set(spanish) == {
        "es/stories/feed.xml",
        *(f"es/{p}" for p in english if "directory/" in p),
        *(f"es/{p}" for p in english if p.startswith("groups/feeds/")),
    }
    assert b"grupos nuevos y actualizados" in spanish["es/groups/feeds/everywhere.xml"]
    assert b"https://peers.example/es/stories/en-espanol/" in spanish["es/stories/feed.xml"]
    index = json.loads(spanish["es/groups/directory/index.json"])
    assert ["anxiety", "Ansiedad"] in index["topics"]


def test_page_addresses_in_json_ld_are_the_languages(copies: dict[str, RenderedSite]) -> None:
    pages = {page.url: page for page in copies["es"].pages}
    assert '"url":"https://peers.example/es/stories/en-espanol/"' in (
        pages[story("en-espanol")].jsonld or ""
    )
    assert "https://peers.example/es/groups/yorkshire/a-group/" in (pages[GROUP].jsonld or "")


@pytest.mark.parametrize(
    ("url", "elsewhere"),
    [
        (story("a"), STORIES),
        ("stories/page/3/", STORIES),
        (tip("b"), TIPS),
        (GROUP, GROUP),
        (topic("grief"), topic("grief")),
        (TOPICS, TOPICS),
    ],
)
def test_a_page_has_a_counterpart_in_every_language(url: str, elsewhere: str) -> None:
    assert counterpart(url) == elsewhere
