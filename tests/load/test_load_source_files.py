"""Content files as bytes: encodings, line endings, links, sizes and names."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from peerkit.load.source_files import MAX_BYTES_BY_FOLDER, display_path


def _only(diagnostics):
    assert len(diagnostics) == 1, [d.format() for d in diagnostics]
    return diagnostics[0]


def test_non_utf8_bytes_are_reported_at_the_line_of_the_bad_byte(make_site):
    path = make_site.story()
    text = path.read_bytes()
    cut = text.index(b"ever write")
    path.write_bytes(text[:cut] + b"\xff\xfe" + text[cut:])

    problem = _only(make_site.errors())

    assert problem.path == "content/stories/a-story.md"
    assert problem.line == text[:cut].count(b"\n") + 1
    assert problem.col == cut - text.rindex(b"\n", 0, cut)
    assert "not valid UTF-8" in problem.message


def test_column_of_a_bad_byte_counts_characters_like_every_other_diagnostic(make_site):
    make_site.write("groups/cafe.yml", "name: Café ".encode() + b"\xff\n")

    problem = _only(make_site.errors())

    assert (problem.line, problem.col) == (1, len("name: Café ") + 1)


def test_empty_file_is_refused(make_site):
    make_site.write("stories/empty.md", "")
    make_site.write("groups/blank.yml", "  \n\n")

    errors = make_site.errors()

    assert [(e.path, e.line, e.col, e.message) for e in errors] == [
        ("content/groups/blank.yml", 1, 1, "file is empty"),
        ("content/stories/empty.md", 1, 1, "file is empty"),
    ]


def test_byte_order_mark_and_crlf_line_endings_load_fine(make_site):
    path = make_site.story("windows", {"title": "Saved on Windows"})
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes().replace(b"\n", b"\r\n"))

    site, diagnostics = make_site.load()

    assert diagnostics == []
    [story] = site.stories
    assert story.title == "Saved on Windows"
    assert "\r" not in story.body
    assert story.body == "I did not think I would ever write this down.\n"


def test_errors_in_a_crlf_file_name_the_right_line(make_site):
    path = make_site.story(fields={"tittle": "Typo"}, omit=["title"])
    expected_line = make_site.line_of(path, "tittle:")
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes().replace(b"\n", b"\r\n"))

    unknown = [e for e in make_site.errors() if "unknown field" in e.message]

    assert [(e.line, e.col) for e in unknown] == [(expected_line, 1)]


def test_symlink_to_a_file_outside_content_is_refused(make_site):
    secret = make_site.root / "secret.md"
    secret.write_text(make_site.story("to-copy").read_text("utf-8"), "utf-8")
    (make_site.content / "stories" / "to-copy.md").unlink()
    os.symlink(secret, make_site.content / "stories" / "leak.md")

    site, diagnostics = make_site.load()

    problem = _only(diagnostics)
    assert (problem.path, problem.line) == ("content/stories/leak.md", 1)
    assert "outside the content folder" in problem.message
    assert site.stories == ()


def test_a_story_over_its_size_limit_is_refused(make_site):
    make_site.story("huge", body="word " * (MAX_BYTES_BY_FOLDER["stories"] // 5 + 1))

    problem = _only(make_site.errors())

    assert (problem.path, problem.line) == ("content/stories/huge.md", 1)
    assert "the limit is 256,000" in problem.message


def test_front_matter_that_is_not_closed_is_refused(make_site):
    make_site.write("stories/open.md", "---\ntitle: A story\nauthor: Sam\n\nThe story.\n")

    problem = _only(make_site.errors())

    assert (problem.line, problem.col) == (1, 1)
    assert "front matter is not closed" in problem.message


def test_markdown_without_front_matter_is_refused(make_site):
    make_site.write("tips/plain.md", "Just some text.\n")

    problem = _only(make_site.errors())

    assert (problem.path, problem.line) == ("content/tips/plain.md", 1)
    assert "must start with a '---' line" in problem.message


def test_file_name_that_is_not_a_valid_slug_is_refused(make_site):
    make_site.story("My_Story")

    problem = _only(make_site.errors())

    assert problem.path == "content/stories/My_Story.md"
    assert "file name is not a valid web address" in problem.message


def test_file_name_that_is_not_a_valid_slug_is_fine_with_an_explicit_slug(make_site):
    make_site.story("My_Story", {"slug": "my-story"})

    site, diagnostics = make_site.load()

    assert diagnostics == []
    assert [s.slug for s in site.stories] == ["my-story"]


def test_file_name_with_a_space_is_refused(make_site):
    make_site.story("my story")

    problem = _only(make_site.errors())

    assert problem.path == "content/stories/my story.md"
    assert "file name may use only letters, digits" in problem.message


def test_file_with_a_nul_character_is_refused_at_its_line(make_site):
    make_site.write("groups/nul.yml", "name: A group\ndescription: \x00\n")

    problem = _only(make_site.errors())

    assert problem.line == 2
    assert "NUL" in problem.message


def test_a_file_of_the_wrong_kind_in_a_content_folder_is_reported(make_site):
    make_site.write("stories/notes.txt", "not a story\n")

    problem = _only(make_site.errors())

    assert problem.path == "content/stories/notes.txt"
    assert "not a .md file" in problem.message


@pytest.mark.parametrize("inside", ["content/stories/a.md", "content/ü\u200b.md"])
def test_display_path_of_a_paths_text_is_the_paths(tmp_path: Path, inside: str) -> None:
    for path in (tmp_path / inside, tmp_path.parent / "elsewhere" / "b.md"):
        assert display_path(str(path), tmp_path) == display_path(path, tmp_path)
    escaped = inside.encode("unicode_escape").decode("ascii")
    assert display_path(str(tmp_path / inside), tmp_path) == escaped
