"""Accessibility: axe-core finds no WCAG 2.2 A or AA problem, and the keyboard alone gets around.

axe-core is the npm package (package.json at the repository root; `npm ci` installs
it), injected by Playwright into each page as a visitor sees it: every kind of page,
on a desktop in the light and the dark palette and on a phone, with the content
warning open, with search results showing and a region's list as it prints. axe
checks colour contrast too, in both palettes.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import PHONE, REPO, Visit
from tests.browser.page_kinds import KINDS, story_without_warning

AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"
WCAG_22_A_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
SCHEMES = {"light": "default", "dark": "slate"}
DESKTOP = {"width": 1280, "height": 720}
# Where and how a page is seen: contrast in both palettes on a desktop; the phone's
# own layout (the drawer, the exit button over the page, wrapped tables) in one.
LOOKS = {
    "desktop, light": (DESKTOP, "light"),
    "desktop, dark": (DESKTOP, "dark"),
    "phone": (PHONE, "light"),
}

RUN_AXE = """
async (tags) => {
  const results = await axe.run(document, {
    runOnly: { type: "tag", values: tags },
    resultTypes: ["violations"],
  });
  return results.violations.flatMap((violation) =>
    violation.nodes.map((node) =>
      `${violation.id} (${violation.impact}) at ${node.target.join(" ")}: ${violation.help}`
    )
  );
}
"""


@pytest.fixture(scope="session")
def axe_script() -> Path:
    if not AXE.is_file():
        pytest.fail(
            f"axe-core is not installed ({AXE.relative_to(REPO)} is missing): run `npm ci` in"
            " the repository root, as the README's test command does",
            pytrace=False,
        )
    return AXE


def axe_violations(page: Page, axe_script: Path) -> list[str]:
    # Material fades colours in: check the end state, not a frame of the fade.
    page.add_style_tag(content="*, *::before, *::after { transition: none !important; }")
    page.add_script_tag(path=str(axe_script))
    return page.evaluate(RUN_AXE, WCAG_22_A_AA)


def _open_warning(visit: Visit) -> None:
    visit.page.locator(".pk-warning > summary").click()
    expect(visit.page.locator(".pk-warning .pk-story")).to_be_visible()


def _show_search_results(visit: Visit) -> None:
    visit.page.keyboard.press("/")
    expect(visit.page.locator(".md-search-result__meta")).to_have_text(
        "Type to start searching", timeout=30_000
    )
    # Material searches on keyup, which fill() does not send.
    visit.page.locator("input.md-search__input").press_sequentially("group")
    expect(visit.page.locator(".md-search-result__item").first).to_be_visible()


def _filter_groups(visit: Visit) -> None:
    words = visit.page.locator(".pk-finder input[type=search]")
    expect(words).to_be_visible()  # directory.js has shown the finder
    words.press_sequentially("carers")
    expect(visit.page.locator("[data-pk-results] li.pk-result").first).to_be_visible()


def _print(visit: Visit) -> None:
    """The region's list as it prints: the handout, with what only paper shows."""
    visit.page.emulate_media(media="print")
    expect(visit.page.locator(".pk-groups .pk-print-only").first).to_be_visible()


# Each state: the page to open, then what a visitor does before it is checked.
STATES: dict[str, tuple[str, Callable[[Visit], None] | None]] = {
    "home": ("home", None),
    "story with a warning": ("story", None),
    "story with the warning opened": ("story", _open_warning),
    "story without a warning": ("story without a warning", None),
    "stories index": ("stories", None),
    "tip": ("tip", None),
    "topic": ("topic", None),
    "tips index": ("tips", None),
    "groups directory": ("groups", None),
    "groups directory, filtered": ("groups", _filter_groups),
    "region": ("region", None),
    "region, printed": ("region", _print),
    "group": ("group", None),
    "search results": ("home", _show_search_results),
    "contribute": ("contribute", None),
    "guide for contributors": ("guide", None),
    "not found": ("not found", None),
}


@pytest.mark.parametrize("look", LOOKS)
@pytest.mark.parametrize("state", STATES)
def test_axe_finds_no_wcag_22_a_or_aa_violation_and_nothing_comes_from_elsewhere(
    open_visit: Callable[..., Visit],
    pages: dict[str, str],
    site_dir: Path,
    axe_script: Path,
    state: str,
    look: str,
) -> None:
    kind, act = STATES[state]
    viewport, scheme = LOOKS[look]
    visit = open_visit(color_scheme=scheme, viewport=viewport)
    visit.goto(
        story_without_warning(site_dir) if kind == "story without a warning" else pages[kind]
    )
    # Material chose the palette from the visitor's setting, so that palette is checked.
    expect(visit.page.locator("body")).to_have_attribute("data-md-color-scheme", SCHEMES[scheme])
    if act:
        act(visit)
    assert axe_violations(visit.page, axe_script) == []
    assert visit.other_hosts == []


def test_axe_is_really_checking(visit: Visit, axe_script: Path) -> None:
    """The control: a page made worse is caught, so an empty list means something."""
    visit.goto()
    visit.page.evaluate(
        """() => {
          document.querySelector(".pk-disclaimer__inner").style.color = "#aaaaaa";
          document.querySelector(".pk-exit-button").textContent = "";
        }"""
    )
    found = {line.split(" ")[0] for line in axe_violations(visit.page, axe_script)}
    assert found == {"color-contrast", "link-name"}


# --------------------------------------------------------------- keyboard ---


@pytest.mark.parametrize("kind", KINDS)
def test_first_tab_on_every_page_focuses_the_way_out(
    visit: Visit, pages: dict[str, str], kind: str
) -> None:
    visit.goto(pages[kind])
    visit.page.keyboard.press("Tab")
    focused = visit.page.locator(":focus")
    expect(focused).to_have_attribute("data-pk-exit", "")
    expect(focused).to_contain_text("Leave this site")
    expect(focused).to_be_in_viewport()


@pytest.mark.parametrize("kind", [kind for kind in KINDS if kind != "not found"])
def test_second_tab_skips_to_the_content(visit: Visit, pages: dict[str, str], kind: str) -> None:
    """After the way out, a skip link: Enter on it, and the next Tab is in the page's own
    content, past the header, the crisis lines and the navigation."""
    visit.goto(pages[kind])
    visit.page.keyboard.press("Tab")
    visit.page.keyboard.press("Tab")
    skip = visit.page.locator(":focus")
    expect(skip).to_have_text("Skip to content")
    expect(skip).to_be_in_viewport()
    visit.page.keyboard.press("Enter")
    visit.page.keyboard.press("Tab")
    assert visit.page.evaluate("document.activeElement.closest('article') !== null")


@pytest.mark.parametrize("key", ["Enter", "Space"])
def test_content_warning_opens_and_closes_with_the_keyboard(
    visit: Visit, pages: dict[str, str], key: str
) -> None:
    visit.goto(pages["story"])
    story = visit.page.locator(".pk-warning .pk-story")
    summary = visit.page.locator(".pk-warning > summary")
    for _ in range(40):
        visit.page.keyboard.press("Tab")
        if summary.evaluate("element => element === document.activeElement"):
            break
    expect(summary).to_be_focused()
    visit.page.keyboard.press(key)
    expect(story).to_be_visible()
    visit.page.keyboard.press(key)
    expect(story).to_be_hidden()


# Marks the focused element with its place in the tab order and reads its focus style.
_FOCUSED = """
(step) => {
  const element = document.activeElement;
  if (!element || element === document.body || element.dataset.pkTab) return null;
  element.dataset.pkTab = String(step);
  const style = getComputedStyle(element);
  return {
    step,
    tag: element.tagName.toLowerCase(),
    text: (element.textContent || element.getAttribute("aria-label") || "").trim().slice(0, 40),
    outline: style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0,
    shadow: style.boxShadow,
  };
}
"""
_UNFOCUSED_SHADOW = (
    "(step) => getComputedStyle(document.querySelector(`[data-pk-tab='${step}']`)).boxShadow"
)


def controls_without_a_focus_ring(page: Page) -> list[str]:
    """Tab through the whole page; each link, summary and button must look different when
    it has the focus: an outline, or a box shadow it does not have otherwise."""
    focused = []
    for step in range(1, 300):
        page.keyboard.press("Tab")
        found = page.evaluate(_FOCUSED, step)
        if found is None:
            break
        focused.append(found)
    else:
        pytest.fail("the tab order never came back round")
    page.evaluate("document.activeElement.blur()")
    controls = [f for f in focused if f["tag"] in ("a", "summary", "button")]
    assert len(controls) >= 10, controls
    return [
        f"{f['tag']} {f['text']!r}"
        for f in controls
        if not f["outline"] and f["shadow"] == page.evaluate(_UNFOCUSED_SHADOW, f["step"])
    ]


@pytest.mark.parametrize("kind", ["home", "story", "groups", "region", "group", "not found"])
def test_every_focused_link_summary_and_button_shows_a_focus_ring(
    visit: Visit, pages: dict[str, str], kind: str
) -> None:
    visit.goto(pages[kind])
    assert controls_without_a_focus_ring(visit.page) == []


def test_a_control_without_a_focus_ring_is_reported(visit: Visit) -> None:
    """The control for the test above: it does not take a ring for granted."""
    visit.goto()
    visit.page.add_style_tag(content=".md-nav__link { outline: none !important; }")
    missing = controls_without_a_focus_ring(visit.page)
    assert "a 'Stories'" in missing
    assert all(entry.startswith("a ") for entry in missing)
