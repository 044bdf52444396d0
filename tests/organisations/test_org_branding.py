"""An organisation's own colours: refused when too light, every derived shade at AA contrast.

The contrast is computed here from WCAG 2.2's formula, and the dark page colour
from Material's own stylesheet, rather than trusting branding.py's constants.
"""

from __future__ import annotations

import colorsys
import re
from collections.abc import Callable
from pathlib import Path

import material
import pytest

from peerkit.branding import Colour, accent_shades, colour_problem, primary_shades, stylesheet
from tests.commands import run_peerkit
from tests.organisations.conftest import edit_config, plugin_options

BRAND_COLOURS = [
    "#00695c",
    "#5b2a86",
    "#c2185b",
    "#1565c0",
    "#2e7d32",
    "#e65100",
    "#777777",
    "#000000",
]
AA = 4.5


def _rgb(hex_colour: str) -> tuple[int, int, int]:
    digits = hex_colour.lstrip("#")[:6]
    return int(digits[0:2], 16), int(digits[2:4], 16), int(digits[4:6], 16)


def _luminance(hex_colour: str) -> float:
    def linear(channel: int) -> float:
        c = channel / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(c) for c in _rgb(hex_colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def ratio(a: str, b: str) -> float:
    light, dark = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def _material_backgrounds() -> tuple[list[str], list[str]]:
    """The backgrounds links sit on, light and dark: the page and the grey of code
    blocks (Peerkit's quiet boxes), as Material's stylesheets define them."""
    folder = Path(material.__file__).parent / "templates" / "assets" / "stylesheets"
    main = next(folder.glob("main.*.min.css")).read_text("utf-8")
    palette = next(folder.glob("palette.*.min.css")).read_text("utf-8")
    hue = re.search(r"--md-hue:(\d+)deg", main)
    light = re.search(r":root,\[data-md-color-scheme=default\]\{([^}]*)\}", main)
    slate = re.search(r"\[data-md-color-scheme=slate\]\{([^}]*)\}", palette)
    assert hue and light and slate

    def hsl(name: str) -> str:
        found = re.search(rf"{name}:hsla\(var\(--md-hue\), *(\d+)%, *(\d+)%, *1\)", slate[1])
        assert found, name
        rgb = colorsys.hls_to_rgb(int(hue[1]) / 360, int(found[2]) / 100, int(found[1]) / 100)
        return "#{:02x}{:02x}{:02x}".format(*(round(c * 255) for c in rgb))

    def plain(name: str) -> str:
        found = re.search(rf"{name}:(#[0-9a-f]{{3,6}})[;}}]", light[1])
        assert found, name
        digits = found[1].lstrip("#")
        return "#" + ("".join(d * 2 for d in digits) if len(digits) == 3 else digits)

    return (
        [plain("--md-default-bg-color"), plain("--md-code-bg-color")],
        [hsl("--md-default-bg-color"), hsl("--md-code-bg-color")],
    )


LIGHT_SURFACES, DARK_SURFACES = _material_backgrounds()
LIGHT_PAGE = LIGHT_SURFACES[0]


@pytest.mark.parametrize("brand", BRAND_COLOURS)
def test_link_colours_meet_aa_on_the_light_and_the_dark_page_and_their_boxes(brand: str) -> None:
    shades = primary_shades(Colour.from_hex(brand))

    for surface in LIGHT_SURFACES:
        assert ratio(shades.link_on_light.hex, surface) >= AA, surface
    for surface in DARK_SURFACES:
        assert ratio(shades.link_on_dark.hex, surface) >= AA, surface


@pytest.mark.parametrize("brand", BRAND_COLOURS)
def test_header_text_meets_aa_on_the_primary_and_its_dark_shade(brand: str) -> None:
    shades = primary_shades(Colour.from_hex(brand))

    assert shades.text.hex in ("#ffffff", "#000000")
    assert ratio(shades.text.hex, brand) >= AA
    assert ratio(shades.text.hex, shades.dark.hex) >= AA


@pytest.mark.parametrize("brand", [*BRAND_COLOURS, "#ffeb3b", "#80deea"])
def test_accent_colours_meet_aa_on_both_schemes_and_under_their_text(brand: str) -> None:
    shades = accent_shades(Colour.from_hex(brand))

    for surface in LIGHT_SURFACES:
        assert ratio(shades.on_light.hex, surface) >= AA, surface
    for surface in DARK_SURFACES:
        assert ratio(shades.on_dark.hex, surface) >= AA, surface
    assert ratio(shades.text_on_light.hex, shades.on_light.hex) >= AA
    assert ratio(shades.text_on_dark.hex, shades.on_dark.hex) >= AA


def test_a_readable_brand_colour_is_kept_as_it_is_where_it_already_passes() -> None:
    shades = primary_shades(Colour.from_hex("#00695c"))

    assert shades.colour.hex == "#00695c"
    assert shades.link_on_light.hex == "#00695c"
    assert shades.link_on_dark.hex != "#00695c"


@pytest.mark.parametrize("too_light", ["#ffeb3b", "#ffffff", "#ff9800", "#b2dfdb"])
def test_a_too_light_primary_is_refused_with_the_reason_and_a_darker_shade(too_light: str) -> None:
    problem = colour_problem("primary", too_light)

    assert problem is not None
    assert f"{too_light} is too light" in problem
    assert f"{ratio(too_light, LIGHT_PAGE):.1f}:1" in problem
    suggested = re.search(r'"(#[0-9a-f]{6})"', problem)
    assert suggested and colour_problem("primary", suggested[1]) is None


def test_a_light_colour_is_accepted_as_the_accent() -> None:
    assert colour_problem("accent", "#ffeb3b") is None


@pytest.mark.parametrize("not_hex", ["teal", "#12345", "rgb(0,0,0)", "00695c"])
def test_a_colour_that_is_not_hex_is_refused_with_what_to_write(not_hex: str) -> None:
    problem = colour_problem("primary", not_hex)

    assert problem is not None and "six hex digits" in problem and "theme.palette" in problem


def test_the_stylesheet_sets_materials_custom_palette_variables() -> None:
    css = stylesheet(Colour.from_hex("#5b2a86"), None)

    assert '[data-md-color-primary="custom"]' in css
    assert "--md-primary-fg-color: #5b2a86;" in css
    assert '[data-md-color-scheme="slate"][data-md-color-primary="custom"]' in css
    assert "accent" not in css


def test_peerkit_refuses_a_too_light_primary_with_a_clear_config_error(
    new_site: Callable[..., Path],
) -> None:
    site = new_site()
    edit_config(site, lambda c: plugin_options(c).update(colors={"primary": "#fff59d"}))

    result = run_peerkit(site, "build")

    assert result.returncode == 1
    assert "option 'colors': Sub-option 'primary': #fff59d is too light" in result.stderr
    assert not (site / "site").exists()
