"""Measuring text contrast (WCAG 2.2) in the browser, as the visitor's screen shows it.

Material's colours are partly translucent (its text colour is black at 87%), and
the theme paints some controls with a gradient layer over the page colour, so a
colour pair cannot be read off the style sheet: the script composites each
element's text colour over every background layer beneath it, from the root down.
"""

from __future__ import annotations

from typing import TypedDict

from playwright.sync_api import Page

AA_NORMAL_TEXT = 4.5

_MEASURE = """
(selectors) => {
  const parse = (text) => {
    const match = text.match(/rgba?\\(([^)]*)\\)/);
    if (!match) return null;
    const parts = match[1].split(/[\\s,\\/]+/).filter(Boolean).map(Number);
    return [parts[0], parts[1], parts[2], parts.length > 3 ? parts[3] : 1];
  };
  const over = (top, bottom) =>
    [0, 1, 2].map((i) => top[i] * top[3] + bottom[i] * (1 - top[3])).concat(1);
  // Background colour first, then a one-colour gradient painted above it.
  const layers = (element) => {
    const style = getComputedStyle(element);
    const found = [parse(style.backgroundColor)];
    if (style.backgroundImage.startsWith("linear-gradient")) {
      found.push(parse(style.backgroundImage));
    }
    return found.filter((colour) => colour && colour[3] > 0);
  };
  const backdrop = (element) => {
    const chain = [];
    for (let node = element; node; node = node.parentElement) chain.unshift(node);
    let colour = [255, 255, 255, 1];
    for (const node of chain) for (const layer of layers(node)) colour = over(layer, colour);
    return colour;
  };
  const luminance = (colour) => {
    const channel = (value) => {
      const v = value / 255;
      return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    };
    return 0.2126 * channel(colour[0]) + 0.7152 * channel(colour[1]) + 0.0722 * channel(colour[2]);
  };
  const results = [];
  for (const selector of selectors) {
    for (const element of document.querySelectorAll(selector)) {
      if (!element.getClientRects().length || !element.textContent.trim()) continue;
      const back = backdrop(element);
      const text = over(parse(getComputedStyle(element).color), back);
      const [light, dark] = [luminance(text), luminance(back)].sort((a, b) => b - a);
      results.push({
        selector,
        text: element.textContent.trim().replace(/\\s+/g, " ").slice(0, 50),
        ratio: (light + 0.05) / (dark + 0.05),
      });
    }
  }
  return results;
}
"""


class Measured(TypedDict):
    """The contrast of one rendered element's text against what lies behind it."""

    selector: str
    text: str
    ratio: float


def contrast_ratios(page: Page, selectors: list[str]) -> list[Measured]:
    """The contrast ratio of every rendered element with text that matches a selector."""
    return page.evaluate(_MEASURE, selectors)
