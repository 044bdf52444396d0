"""What every kind of page gives a visitor: crisis lines, a way out, privacy, legibility."""

from __future__ import annotations

import json
import re
from collections.abc import Callable

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import PHONE, Visit
from tests.browser.contrast import AA_NORMAL_TEXT, contrast_ratios

KINDS = [
    "home", "stories", "story", "tips", "tip", "groups", "region", "group", "topic",
    "about", "not found",
]  # fmt: skip

# Text the theme draws, and the generator's classes in the page body.
TEXT_SELECTORS = [
    ".pk-exit-skip",
    ".pk-exit-button",
    ".pk-crisis__title",
    ".pk-crisis__intro",
    ".pk-crisis__name",
    ".pk-crisis__phone",
    ".pk-crisis__text",
    ".pk-crisis__hours",
    ".pk-crisis__url",
    ".pk-crisis__description",
    ".pk-disclaimer__inner",
    "article a:not(.headerlink)",
    "article p",
    ".pk-example",
    ".pk-stale",
    ".pk-meta",
    ".pk-cw-label",
    ".pk-warning > summary",
    ".pk-schedule li",
    ".pk-count",
    ".pk-pagination > *",
    ".pk-groups th",
    ".pk-groups td",
    ".pk-groups caption",
]


def test_home_page_loads_with_no_errors_and_nothing_from_another_host(visit: Visit) -> None:
    visit.goto()
    expect(visit.page.locator("h1").first).to_be_visible()
    visit.page.wait_for_load_state("networkidle")
    assert visit.console_errors == []
    assert visit.other_hosts == []


@pytest.mark.parametrize("kind", KINDS)
def test_page_has_crisis_lines_exit_and_disclaimer(
    open_visit: Callable[..., Visit], pages: dict[str, str], kind: str
) -> None:
    visit = open_visit(viewport=PHONE)
    visit.goto(pages[kind])
    crisis = visit.page.get_by_role("complementary", name="Need help now?")
    expect(crisis).to_be_visible()
    phones = crisis.locator("a[href^='tel:']")
    expect(phones.first).to_be_visible()
    for href in [phones.nth(i).get_attribute("href") for i in range(phones.count())]:
        assert href is not None and re.fullmatch(r"tel:\+?\d+", href), href
    expect(visit.page.get_by_role("link", name="Leave this site", exact=True)).to_be_visible()
    expect(visit.page.locator(".pk-disclaimer")).to_contain_text(
        "Peer support is not a replacement for professional help."
    )
    # Nothing sticks out sideways on a 360px phone.
    assert visit.page.evaluate(
        "document.documentElement.scrollWidth <= document.documentElement.clientWidth"
    )
    visit.page.wait_for_load_state("networkidle")
    assert visit.console_errors == []
    assert visit.other_hosts == []


@pytest.mark.parametrize("scheme", ["default", "slate"])
@pytest.mark.parametrize("kind", ["home", "stories", "story", "region", "group"])
def test_text_meets_wcag_aa_contrast(
    visit: Visit, pages: dict[str, str], kind: str, scheme: str
) -> None:
    visit.goto(pages[kind])
    # Material fades colours when they change: measure the end state, not the fade.
    visit.page.add_style_tag(content="*, *::before { transition: none !important; }")
    visit.page.evaluate(
        "scheme => document.body.setAttribute('data-md-color-scheme', scheme)", scheme
    )
    visit.page.keyboard.press("Tab")  # shows the exit skip link, so it is measured too
    measured = contrast_ratios(visit.page, TEXT_SELECTORS)
    assert any(m["selector"] == ".pk-exit-skip" for m in measured)
    failing = [m for m in measured if m["ratio"] < AA_NORMAL_TEXT]
    assert failing == []


def test_print_keeps_the_crisis_lines_and_drops_the_exit(visit: Visit) -> None:
    visit.goto()
    visit.page.emulate_media(media="print")
    expect(visit.page.locator(".pk-crisis")).to_be_visible()
    expect(visit.page.locator(".pk-disclaimer")).to_be_visible()
    expect(visit.page.locator("a.pk-exit-button")).to_be_hidden()


def test_content_warning_folds_the_story_until_asked(visit: Visit, pages: dict[str, str]) -> None:
    visit.goto(pages["story"])
    story = visit.page.locator(".pk-warning .pk-story")
    expect(story).to_be_hidden()
    summary = visit.page.locator(".pk-warning > summary")
    summary.focus()
    visit.page.keyboard.press("Enter")
    expect(story).to_be_visible()


def test_structured_data_is_valid_json(visit: Visit, pages: dict[str, str]) -> None:
    visit.goto(pages["story"])
    scripts = visit.page.locator("script[type='application/ld+json']")
    expect(scripts).to_have_count(1)
    data = json.loads(scripts.text_content() or "")
    assert data["@context"] == "https://schema.org"
