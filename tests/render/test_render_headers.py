"""The `_headers` file: a policy that lets the theme's inline scripts run, and nothing else."""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Iterable

from peerkit.render.first_paint import FIRST_PAINT_CSS, style_hash
from peerkit.render.headers import (
    HeadersFile,
    SiteScripts,
    content_security_policy,
    inline_scripts,
    page_scripts,
)

THEME_SCRIPT = '__md_scope=new URL("..",location)'


def page(head: str = "", article: str = "") -> str:
    return (
        f"<!doctype html><html><head>{head}</head><body>"
        f'<article class="md-content__inner">{article}</article></body></html>'
    )


def headers_file(pages: Iterable[tuple[str, str]], webassembly: bool = False) -> HeadersFile:
    scripts = SiteScripts()
    for path, html in pages:
        scripts.add(path, html)
    return scripts.headers_file(webassembly)


def sha256_source(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def policy_of(text: str) -> dict[str, list[str]]:
    line = next(x for x in text.splitlines() if x.strip().startswith("Content-Security-Policy:"))
    value = line.split(":", 1)[1]
    directives = [d.split() for d in value.split(";")]
    return {d[0]: d[1:] for d in directives}


def test_the_theme_inline_script_is_allowed_by_its_hash() -> None:
    headers = headers_file([("index.html", page(head=f"<script>{THEME_SCRIPT}</script>"))])
    assert policy_of(headers.text)["script-src"] == ["'self'", sha256_source(THEME_SCRIPT)]


def test_scripts_that_never_run_and_script_files_get_no_hash() -> None:
    head = (
        '<script type="application/ld+json">{"@context": "https://schema.org"}</script>'
        '<script id="__config" type="application/json">{"base": "."}</script>'
        '<script src="assets/bundle.js"></script>'
    )
    headers = headers_file([("index.html", page(head=head))])
    assert policy_of(headers.text)["script-src"] == ["'self'"]


def test_a_script_in_the_page_content_is_refused_and_reported() -> None:
    hostile = page(article="<p>Hi</p><script>alert(1)</script>")
    headers = headers_file([("stories/x/index.html", hostile), ("index.html", page())])
    assert policy_of(headers.text)["script-src"] == ["'self'"]
    assert headers.pages_with_content_scripts == ("stories/x/index.html",)


def test_a_module_script_and_a_javascript_type_are_hashed() -> None:
    head = '<script type="module">a()</script><script type="Text/JavaScript ">b()</script>'
    assert inline_scripts(page(head=head)).theme == ["a()", "b()"]


def test_hashes_are_of_the_text_the_browser_reads_with_crlf_as_lf() -> None:
    found = inline_scripts(page(head="<script>a();\r\nb();\rc()</script>"))
    assert found.theme == ["a();\nb();\nc()"]


def test_the_same_script_on_many_pages_is_listed_once_and_in_a_stable_order() -> None:
    pages = [(f"{n}/index.html", page(head=f"<script>s{n % 3}()</script>")) for n in range(9)]
    one = headers_file(pages).text
    assert one == headers_file(reversed(pages)).text
    assert len(policy_of(one)["script-src"]) == 1 + 3


def test_the_policy_allows_one_inline_style_no_plugin_and_no_framing() -> None:
    policy = {d.split()[0]: d.split()[1:] for d in content_security_policy([]).split("; ")}
    assert policy["default-src"] == ["'self'"]
    # The finder page's first-paint styles, by the hash of their text, and nothing else.
    assert policy["style-src"] == ["'self'", style_hash(FIRST_PAINT_CSS)]
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert not any("unsafe" in source for sources in policy.values() for source in sources)


def test_every_path_gets_the_privacy_headers() -> None:
    lines = headers_file([]).text.split("\n\n")[0].splitlines()
    assert lines[0] == "/*"
    assert all(line.startswith("  ") and ": " in line for line in lines[1:])
    assert "  Referrer-Policy: no-referrer" in lines
    assert "  X-Content-Type-Options: nosniff" in lines
    assert any(line.startswith("  Permissions-Policy: geolocation=(self)") for line in lines)


def test_webassembly_is_allowed_only_for_a_site_that_runs_it() -> None:
    pagefind = policy_of(headers_file([], webassembly=True).text)["script-src"]
    assert pagefind == ["'self'", "'wasm-unsafe-eval'"]
    assert "'wasm-unsafe-eval'" not in headers_file([]).text


def test_with_the_content_known_the_theme_around_it_gives_the_same_scripts() -> None:
    head = (
        f"<script>{THEME_SCRIPT}</script>"
        '<script type="application/ld+json">{"a": 1}</script>'
        '<script src="bundle.js"></script><SCRIPT type=module>m()</SCRIPT >'
    )
    content = "<h1>A story</h1><p>Text &lt;script&gt;</p>"
    html = page(head=head, article=content)
    assert page_scripts(html, content) == inline_scripts(html)
    assert page_scripts(html, content).theme == [THEME_SCRIPT, "m()"]


def test_every_script_in_the_known_content_is_the_content_s_even_past_an_article_end() -> None:
    content = "<p>Hi</p></article><script>evil()</script>"
    found = page_scripts(page(article=content), content)
    assert found.theme == []
    assert found.content == ["evil()"]


def test_content_that_is_not_in_the_page_once_falls_back_to_parsing_the_page() -> None:
    html = page(head="<script>a()</script>", article="<p>x</p><p>x</p><script>b()</script>")
    assert page_scripts(html, "<p>x</p>") == inline_scripts(html)
    assert page_scripts(html, "<p>not there</p>").content == ["b()"]


def test_the_hsds_api_is_json_that_any_site_may_read() -> None:
    rules = headers_file([]).text.split("\n\n")

    assert rules[1].splitlines() == [
        "/groups/hsds/api/*",
        "  Content-Type: application/json; charset=utf-8",
        "  Access-Control-Allow-Origin: *",
    ]
    assert "Access-Control-Allow-Origin" not in rules[0]


def test_with_the_theme_s_scripts_known_only_the_content_is_searched() -> None:
    content = "<p>Hi</p><script>evil()</script>"
    html = page(head="<script>a()</script>", article=content)
    found = page_scripts(html, content, theme=[THEME_SCRIPT])
    assert found.theme == [THEME_SCRIPT]
    assert found.content == ["evil()"]
    assert page_scripts(html, "<p>Hi</p>", theme=[]).content == []
