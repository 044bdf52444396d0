"""With JavaScript off (an old phone, a saver mode, a blocked script), the site still works.

Stories are readable, the content warning still folds the story until asked, the
directory lists regions and groups with working links, and the crisis lines show
with numbers a phone can dial.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import PHONE, Visit
from tests.browser.page_kinds import KINDS, story_without_warning


@pytest.fixture
def no_js(open_visit: Callable[..., Visit]) -> Visit:
    """A phone-sized page with JavaScript disabled."""
    return open_visit(java_script_enabled=False, viewport=PHONE)


def assert_no_script_ran(visit: Visit) -> None:
    """Material's script swaps the page's "no-js" class for "js" as it starts."""
    expect(visit.page.locator("html")).to_have_class(re.compile(r"(^|\s)no-js(\s|$)"))


@pytest.mark.parametrize("kind", KINDS)
def test_crisis_lines_show_with_numbers_to_dial(
    no_js: Visit, pages: dict[str, str], kind: str
) -> None:
    no_js.goto(pages[kind])
    assert_no_script_ran(no_js)
    crisis = no_js.page.get_by_role("complementary", name="Need help now?")
    expect(crisis).to_be_visible()
    phones = crisis.locator("a[href^='tel:']").filter(visible=True)
    expect(phones.first).to_be_visible()
    for href in [phones.nth(i).get_attribute("href") for i in range(phones.count())]:
        assert href is not None and re.fullmatch(r"tel:\+?\d+", href), href


def test_lines_of_other_countries_open_with_a_tap(no_js: Visit) -> None:
    no_js.goto()
    more = no_js.page.locator(".pk-crisis__more")
    expect(more.locator("a[href^='tel:']").first).to_be_hidden()
    more.locator("summary").click()
    expect(more.locator("a[href^='tel:']").first).to_be_visible()


def test_a_story_is_readable(no_js: Visit, site_dir: Path) -> None:
    no_js.goto(story_without_warning(site_dir))
    assert_no_script_ran(no_js)
    expect(no_js.page.locator("article h1")).to_be_visible()
    story = no_js.page.locator("article .pk-story")
    expect(story).to_be_visible()
    text = story.inner_text()
    assert len(text.split()) > 50, text
    # Laid out for the phone: nothing runs off the side.
    assert no_js.page.evaluate(
        "document.documentElement.scrollWidth <= document.documentElement.clientWidth"
    )


def test_the_content_warning_opens_with_a_tap(no_js: Visit, pages: dict[str, str]) -> None:
    no_js.goto(pages["story"])
    assert_no_script_ran(no_js)
    story = no_js.page.locator(".pk-warning .pk-story")
    expect(no_js.page.locator(".pk-warning > summary")).to_contain_text("Content warning")
    expect(story).to_be_hidden()
    no_js.page.locator(".pk-warning > summary").click()
    expect(story).to_be_visible()
    assert len(story.inner_text().split()) > 50


def test_the_directory_lists_every_region_with_its_count(
    no_js: Visit, pages: dict[str, str]
) -> None:
    no_js.goto(pages["groups"])
    assert_no_script_ran(no_js)
    regions = no_js.page.locator(".pk-regions > li")
    assert regions.count() >= 3
    counted = 0
    for i in range(regions.count()):
        region = regions.nth(i)
        expect(region.get_by_role("link")).to_be_visible()
        count = region.locator(".pk-count")
        expect(count).to_have_text(re.compile(r"^\d+ groups?$"))
        counted += int((count.text_content() or "").split()[0])
    total = no_js.page.locator("article p").first.text_content() or ""
    assert total.startswith(f"{counted} peer-support group")


def test_a_region_link_leads_to_its_groups(no_js: Visit, pages: dict[str, str]) -> None:
    no_js.goto(pages["groups"])
    link = no_js.page.locator(".pk-regions > li a").first
    name = link.text_content() or ""
    link.click()
    expect(no_js.page.locator("article h1")).to_contain_text(name.strip())
    rows = no_js.page.locator("table.pk-groups tbody tr")
    expect(rows.first).to_be_visible()
    for i in range(rows.count()):
        expect(rows.nth(i).get_by_role("link")).to_be_visible()
    group = rows.first.get_by_role("link")
    group_name = (group.text_content() or "").strip()
    group.click()
    expect(no_js.page.locator("article h1")).to_contain_text(group_name)
    expect(no_js.page.locator(".pk-details").first).to_be_visible()
    assert_no_script_ran(no_js)


def test_a_region_page_lists_its_groups_with_times_and_places(
    no_js: Visit, pages: dict[str, str]
) -> None:
    no_js.goto(pages["region"])
    table = no_js.page.locator("table.pk-groups")
    expect(table).to_be_visible()
    rows = table.locator("tbody tr")
    assert rows.count() >= 1
    first = rows.first.locator("td")
    expect(first.nth(0).get_by_role("link")).to_have_attribute("href", re.compile(r"/$"))
    expect(first.nth(1)).not_to_be_empty()
    expect(first.nth(2)).not_to_be_empty()
