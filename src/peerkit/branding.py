"""An organisation's own colours, turned into Material's colour variables at AA contrast.

An organisation gives one or two brand colours (`colors: {primary, accent}` in the
plugin's options). Material draws those colours in several roles: the primary as
the header's background, the link colour on the page, the accent as the colour of
a link under the pointer. A brand colour that looks good in a logo rarely meets
WCAG 2.2's contrast minimums in every role and in both of Material's schemes
(light `default`, dark `slate`), so each role gets the nearest shade of the brand
colour that does, computed here rather than left to each organisation.

Pure functions, no MkDocs: the plugin only hands the options in and the CSS out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

AA_TEXT = 4.5
"""WCAG 2.2 SC 1.4.3: text against its background."""

AA_NON_TEXT = 3.0
"""WCAG 2.2 SC 1.4.11: shapes a visitor needs to see (a button's border, a bar)."""

_HEX = re.compile(r"^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$")


@dataclass(frozen=True)
class Colour:
    """An opaque sRGB colour."""

    red: int
    green: int
    blue: int

    @classmethod
    def from_hex(cls, text: str) -> Colour:
        digits = text.lstrip("#")
        if len(digits) == 3:
            digits = "".join(d * 2 for d in digits)
        return cls(int(digits[0:2], 16), int(digits[2:4], 16), int(digits[4:6], 16))

    @property
    def hex(self) -> str:
        return f"#{self.red:02x}{self.green:02x}{self.blue:02x}"

    @property
    def luminance(self) -> float:
        """WCAG 2.2's relative luminance."""

        def linear(channel: int) -> float:
            c = channel / 255
            return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

        return 0.2126 * linear(self.red) + 0.7152 * linear(self.green) + 0.0722 * linear(self.blue)

    def mixed(self, other: Colour, share: float) -> Colour:
        """This colour with `share` (0 to 1) of `other` mixed in."""

        def channel(a: int, b: int) -> int:
            return round(a + (b - a) * share)

        return Colour(
            channel(self.red, other.red),
            channel(self.green, other.green),
            channel(self.blue, other.blue),
        )


WHITE = Colour(255, 255, 255)
BLACK = Colour(0, 0, 0)
LIGHT_PAGE = WHITE
"""The page background of Material's light scheme (`default`)."""
DARK_PAGE = Colour(0x1E, 0x21, 0x29)
"""The page background of Material's dark scheme (`slate`): hsl(225deg 15% 14%)."""
LIGHT_SURFACES = (LIGHT_PAGE, Colour(0xF5, 0xF5, 0xF5))
"""What links sit on in the light scheme: the page, and the grey of Material's code
blocks, which Peerkit's quiet boxes (the words after a story, the disclaimer) use."""
DARK_SURFACES = (DARK_PAGE, Colour(0x27, 0x2A, 0x35))
"""The same in the dark scheme: the page, and the code blocks' hsl(225deg 15% 18%)."""


def contrast(a: Colour, b: Colour) -> float:
    """WCAG 2.2's contrast ratio, from 1 (none) to 21 (black on white)."""
    light, dark = sorted((a.luminance, b.luminance), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def text_on(background: Colour) -> Colour:
    """White or black, whichever reads better on the background.

    One of them always reaches 4.58:1 or more (the worst case is a background
    of luminance 0.18, where both do), so header text never needs refusing.
    """
    return WHITE if contrast(WHITE, background) >= contrast(BLACK, background) else BLACK


def readable_on(colour: Colour, backgrounds: tuple[Colour, ...], ratio: float = AA_TEXT) -> Colour:
    """The colour itself if it reaches `ratio` on every one of the backgrounds (all
    light or all dark), else the closest shade that does: darker on light
    backgrounds, lighter on dark ones."""
    toward = text_on(backgrounds[0])
    for step in range(101):
        shade = colour.mixed(toward, step / 100)
        if all(contrast(shade, background) >= ratio for background in backgrounds):
            return shade
    return toward


def _deepest(colour: Colour, toward: Colour, share: float, keep: Colour) -> Colour:
    """Up to `share` of `toward` mixed in, as much as keeps `keep` readable on it."""
    for step in range(round(share * 100), -1, -1):
        shade = colour.mixed(toward, step / 100)
        if contrast(shade, keep) >= AA_TEXT:
            return shade
    return colour


def colour_problem(role: str, value: str) -> str | None:
    """Why `value` cannot be the site's `role` colour (primary or accent), if it cannot."""
    if not _HEX.match(value):
        return (
            f"{value!r} is not a colour Peerkit can check: write it as # and six hex digits"
            f' (for example "#00695c"). To use one of Material\'s colour names instead, leave'
            " out `colors` and set `primary` or `accent` in theme.palette."
        )
    return _primary_problem(Colour.from_hex(value)) if role == "primary" else None


def _primary_problem(primary: Colour) -> str | None:
    """Why this primary colour cannot be used, if it cannot.

    The header text is always readable (see `text_on`), but Material also draws
    the primary colour straight on the page: the borders and labels of buttons,
    the bar above the content. On the light scheme's white page such shapes must
    stand out by 3:1; a darker primary stands out on the dark scheme's page
    anyway, since Material keeps the same header there.
    """
    ratio = contrast(primary, LIGHT_PAGE)
    if ratio >= AA_NON_TEXT:
        return None
    darker = readable_on(primary, (LIGHT_PAGE,), AA_NON_TEXT)
    return (
        f"{primary.hex} is too light: it stands out from the white page by only"
        f" {ratio:.1f}:1, and Material draws the primary colour on the page as well as"
        " behind the header text (button borders and labels, the header bar), which needs"
        f" 3:1 (WCAG 2.2, non-text contrast). The nearest darker shade that does is"
        f' "{darker.hex}"; or use your light colour as the accent instead.'
    )


@dataclass(frozen=True)
class PrimaryShades:
    """The primary colour in each role Material gives it."""

    colour: Colour
    light: Colour
    dark: Colour
    text: Colour
    link_on_light: Colour
    link_on_dark: Colour


@dataclass(frozen=True)
class AccentShades:
    """The accent colour for each scheme: link hover, focus, a hovered button's fill."""

    on_light: Colour
    on_dark: Colour
    text_on_light: Colour
    text_on_dark: Colour


def primary_shades(primary: Colour) -> PrimaryShades:
    text = text_on(primary)
    return PrimaryShades(
        colour=primary,
        light=primary.mixed(WHITE, 0.3),
        # Material puts the header's text colour on the dark shade too (the drawer's
        # repository link), so it is only as dark as keeps that text readable.
        dark=_deepest(primary, BLACK, 0.3, keep=text),
        text=text,
        link_on_light=readable_on(primary, LIGHT_SURFACES),
        link_on_dark=readable_on(primary, DARK_SURFACES),
    )


def accent_shades(accent: Colour) -> AccentShades:
    on_light = readable_on(accent, LIGHT_SURFACES)
    on_dark = readable_on(accent, DARK_SURFACES)
    return AccentShades(on_light, on_dark, text_on(on_light), text_on(on_dark))


def stylesheet(primary: Colour | None, accent: Colour | None) -> str:
    """Material's colour variables for the `custom` primary and accent.

    The selectors are the ones Material's own palettes use, one attribute more
    specific than Peerkit's stylesheet where both set the link colour.
    """
    blocks = ["/* Written by Peerkit from the `colors` option in mkdocs.yml: edit it there. */"]
    if primary is not None:
        p = primary_shades(primary)
        blocks += [
            _block(
                '[data-md-color-primary="custom"]',
                {
                    "--md-primary-fg-color": p.colour.hex,
                    "--md-primary-fg-color--light": p.light.hex,
                    "--md-primary-fg-color--dark": p.dark.hex,
                    "--md-primary-bg-color": p.text.hex,
                    "--md-primary-bg-color--light": p.text.hex + "b3",
                },
            ),
            _block(
                '[data-md-color-scheme="default"][data-md-color-primary="custom"]',
                {"--md-typeset-a-color": p.link_on_light.hex},
            ),
            _block(
                '[data-md-color-scheme="slate"][data-md-color-primary="custom"]',
                {"--md-typeset-a-color": p.link_on_dark.hex},
            ),
        ]
    if accent is not None:
        a = accent_shades(accent)
        blocks += [
            _accent_block('[data-md-color-accent="custom"]', a.on_light, a.text_on_light),
            _accent_block(
                '[data-md-color-scheme="slate"][data-md-color-accent="custom"]',
                a.on_dark,
                a.text_on_dark,
            ),
        ]
    return "\n\n".join(blocks) + "\n"


def _accent_block(selector: str, colour: Colour, text: Colour) -> str:
    return _block(
        selector,
        {
            "--md-accent-fg-color": colour.hex,
            "--md-accent-fg-color--transparent": colour.hex + "1a",
            "--md-accent-bg-color": text.hex,
            "--md-accent-bg-color--light": text.hex + "b3",
        },
    )


def _block(selector: str, variables: dict[str, str]) -> str:
    body = "\n".join(f"  {name}: {value};" for name, value in variables.items())
    return f"{selector} {{\n{body}\n}}"
