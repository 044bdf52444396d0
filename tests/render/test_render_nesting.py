"""A story's own HTML tags nested past MAX_HTML_DEPTH are shown as text, in linear time."""

from __future__ import annotations

from peerkit.render.markdown_text import MAX_HTML_DEPTH, html_depth, markdown_to_safe_html


def test_nesting_is_counted_as_written_with_void_and_self_closing_tags_left_out() -> None:
    assert html_depth("<p><b>a</b><i>b</i></p>") == 2
    assert html_depth("<p>a<br>b<hr><img src=x><br/></p>") == 1
    assert html_depth("<div>" * 10 + "</div>" * 10) == 10
    assert html_depth("</div></div><p>") == 1
    assert html_depth("<a " * 1000) == 0


def test_a_story_nesting_its_tags_within_the_limit_keeps_them() -> None:
    body = "<blockquote>" * MAX_HTML_DEPTH + "kept" + "</blockquote>" * MAX_HTML_DEPTH

    html = markdown_to_safe_html(body)

    assert html.count("<blockquote>") == MAX_HTML_DEPTH


def test_a_story_nesting_deeper_shows_its_tags_as_text() -> None:
    depth = MAX_HTML_DEPTH + 1
    body = "Before.\n\n" + "<blockquote>" * depth + "inside" + "</blockquote>" * depth

    html = markdown_to_safe_html(body)

    assert "<blockquote>" not in html
    assert "&lt;blockquote&gt;" in html
    assert "Before." in html and "inside" in html


def test_markdown_nesting_is_not_counted_as_html() -> None:
    body = "\n".join(">" * level + " quote" for level in range(1, 15))

    html = markdown_to_safe_html(body + "\n\n<b>bold</b>")

    assert "<b>bold</b>" in html
