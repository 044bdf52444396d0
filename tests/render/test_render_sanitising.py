"""Contributor text is data: no HTML it carries can run, and no template syntax is evaluated.

Every claim is made on the parsed page, the way a browser would see it.
"""

from __future__ import annotations

import pytest

from tests.render.render_html import parse_html

ATTACK_TAGS = {"script", "iframe", "object", "embed", "svg", "style", "form", "input", "img"}
DANGEROUS_SCHEMES = ("javascript:", "vbscript:", "data:")
XSS_TEXT = "<img src=x onerror=alert(1)>"


def _story_page(make_site, body="Text.\n", **fields):
    make_site.story("target", fields, body=body)
    [page] = [p for p in make_site.render().pages if p.url == "stories/target/"]
    return page


def _unsafe_parts(tree):
    """Every element, event handler and dangerous address a browser would act on."""
    found = []
    for element in tree.iter():
        if element.tag in ATTACK_TAGS:
            found.append(f"<{element.tag}>")
        for name, value in element.attrs.items():
            if name.startswith("on"):
                found.append(f"{element.tag}[{name}]")
            squashed = "".join(ch for ch in (value or "") if ch > " ").lower()
            if squashed.startswith(DANGEROUS_SCHEMES):
                found.append(f"{element.tag}[{name}={value}]")
    return found


@pytest.mark.parametrize(
    "body",
    [
        pytest.param("Before <script>alert(1)</script> after.\n", id="script"),
        pytest.param("<script src=https://evil.example/x.js></script>\n", id="script-block"),
        pytest.param("Look <img src=x onerror=alert(1)> here.\n", id="img-onerror"),
        pytest.param('<p onclick="alert(1)">Click me</p>\n', id="onclick"),
        pytest.param("<body onload=alert(1)>Hi</body>\n", id="onload"),
        pytest.param("[x](javascript:alert(1))\n", id="markdown-javascript-link"),
        pytest.param('<a href="JaVaScRiPt:alert(1)">y</a>\n', id="mixed-case-javascript"),
        pytest.param('<a href=" java&#x09;script:alert(1)">t</a>\n', id="encoded-tab-javascript"),
        pytest.param(
            "[d](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)\n", id="data-url"
        ),
        pytest.param("[r][1]\n\n[1]: javascript:alert(1)\n", id="reference-link"),
        pytest.param('<iframe src="https://evil.example/"></iframe>\n', id="iframe"),
        pytest.param('<object data="https://evil.example/x.swf"></object>\n', id="object"),
        pytest.param('<embed src="https://evil.example/x.swf">\n', id="embed"),
        pytest.param("<svg onload=alert(1)><circle r=1 /></svg>\n", id="svg"),
        pytest.param("<style>body { display: none }</style>\n", id="style"),
        pytest.param(
            '<form action="https://evil.example/"><input name=password></form>\n', id="form"
        ),
    ],
)
def test_html_in_a_story_body_cannot_reach_the_page(make_site, body):
    page = _story_page(make_site, body)

    assert _unsafe_parts(parse_html(page.html)) == []


def test_script_text_does_not_survive_as_page_text_either(make_site):
    page = _story_page(make_site, "Before <script>steal()</script> after.\n")

    text = parse_html(page.html).find("div", "pk-story").text
    assert "Before" in text
    assert "steal()" not in text


def test_safe_links_and_formatting_survive(make_site):
    page = _story_page(make_site, "**Bold** and [help](https://example.org/help).\n")

    story = parse_html(page.html).find("div", "pk-story")
    assert story.find("strong").text == "Bold"
    assert story.find("a").attrs["href"] == "https://example.org/help"


@pytest.mark.parametrize(
    "template",
    ["{{ 7*7 }}", "{% raw %}{{ 7*7 }}{% endraw %}", "{% for i in range(7) %}x{% endfor %}"],
)
def test_template_syntax_in_a_story_body_appears_literally(make_site, template):
    page = _story_page(make_site, f"Try this: {template}\n")

    text = parse_html(page.html).find("div", "pk-story").text
    assert template in text
    assert "49" not in page.html
    assert "xxxxxxx" not in page.html


def test_template_syntax_in_a_title_appears_literally(make_site):
    page = _story_page(make_site, title="Sums {{ 7*7 }} and {% raw %}", summary="{{ 6*7 }}")

    tree = parse_html(page.html)
    assert tree.find("h1").text == "Sums {{ 7*7 }} and {% raw %}"
    assert tree.find("p", "pk-summary").text == "{{ 6*7 }}"
    assert "49" not in page.html
    assert "42" not in page.html


def test_snippet_include_line_does_not_pull_in_a_file(make_site, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-CONTENTS\n", "utf-8")

    page = _story_page(make_site, f'Before.\n\n--8<-- "{secret}"\n\nAfter.\n')

    assert "TOP-SECRET-CONTENTS" not in page.html
    text = parse_html(page.html).find("div", "pk-story").text
    assert "8<" in text
    assert "After." in text


def test_snippet_include_of_etc_passwd_is_left_as_text(make_site):
    page = _story_page(make_site, '--8<-- "/etc/passwd"\n')

    assert "root:" not in page.html
    assert "/etc/passwd" in parse_html(page.html).find("div", "pk-story").text


def test_html_in_title_and_summary_is_shown_as_text(make_site):
    page = _story_page(make_site, title=f"Title {XSS_TEXT}", summary=f"Summary {XSS_TEXT}")

    tree = parse_html(page.html)
    assert tree.find("h1").text == f"Title {XSS_TEXT}"
    assert tree.find("p", "pk-summary").text == f"Summary {XSS_TEXT}"
    assert _unsafe_parts(tree) == []


def test_html_in_a_title_is_text_on_every_page_that_lists_the_story(make_site):
    make_site.story("target", {"title": f"Title {XSS_TEXT}", "summary": f"Sum {XSS_TEXT}"})

    rendered = make_site.render()

    listing = [p for p in rendered.pages if p.url in ("stories/", "topics/anxiety/")]
    assert len(listing) == 2
    for page in listing:
        tree = parse_html(page.html)
        assert _unsafe_parts(tree) == [], page.url
        assert f"Title {XSS_TEXT}" in [h3.text for h3 in tree.find_all("h3")]


def test_html_in_a_group_address_is_shown_as_text(make_site):
    location = {"town": "Leeds", "region": "Yorkshire", "country": "GB", "address": XSS_TEXT}
    make_site.group("target", {"location": location, "name": f"Name {XSS_TEXT}"})

    rendered = make_site.render()

    [page] = [p for p in rendered.pages if p.url == "groups/yorkshire/target/"]
    tree = parse_html(page.html)
    assert XSS_TEXT in tree.find("address").text
    assert tree.find("h1").text == f"Name {XSS_TEXT}"
    for page in rendered.pages:
        assert _unsafe_parts(parse_html(page.html)) == [], page.url
