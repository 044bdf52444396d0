"""YAML written by strangers: every problem at its line, nothing executed or expanded."""

from __future__ import annotations

from peerkit.load.diagnostics import Severity


def _only(diagnostics):
    assert len(diagnostics) == 1, [d.format() for d in diagnostics]
    return diagnostics[0]


def test_malformed_front_matter_is_reported_at_the_broken_line_and_column(make_site):
    make_site.write("stories/broken.md", "---\ntitle: Why: me\n---\nA story.\n")

    problem = _only(make_site.errors())

    assert (problem.path, problem.line, problem.col) == ("content/stories/broken.md", 2, 11)
    assert problem.severity is Severity.ERROR
    assert problem.message.startswith(
        "the value of 'title' holds a colon followed by a space, which YAML reads as the start"
    )
    assert problem.message.endswith('put the whole value in double quotes, as in title: "Why: me"')


def test_malformed_group_file_is_reported_at_the_broken_line_and_column(make_site):
    make_site.write("groups/broken.yml", "name: A group\ndescription: We meet\n  topics: grief\n")

    problem = _only(make_site.errors())

    assert (problem.path, problem.line, problem.col) == ("content/groups/broken.yml", 3, 9)
    assert problem.message.startswith("this line is indented more than the field above it")


def test_duplicate_key_is_refused_at_the_second_key(make_site):
    make_site.write("stories/twice.md", "---\ntitle: One\nauthor: Sam\ntitle: Two\n---\nText.\n")

    problem = _only(make_site.errors())

    assert (problem.line, problem.col) == (4, 1)
    assert problem.message == "duplicate key 'title' (first given on line 2)"


def test_yaml_alias_is_refused_at_the_alias(make_site):
    make_site.write(
        "groups/alias.yml",
        "name: &x A group\ndescription: We meet\ncost: *x\n",
    )

    problem = _only(make_site.errors())

    assert (problem.line, problem.col) == (3, 7)
    assert "aliases" in problem.message


def test_python_object_tag_is_refused_not_run(make_site, tmp_path):
    marker = tmp_path / "ran"
    make_site.write(
        "stories/evil.md",
        f'---\ntitle: A\nsummary: !!python/object/apply:os.system ["touch {marker}"]\n---\nText.\n',
    )

    problem = _only(make_site.errors())

    assert (problem.line, problem.col) == (3, 10)
    assert "python/object/apply:os.system" in problem.message
    assert "not allowed" in problem.message
    assert not marker.exists()


def test_very_deep_nesting_is_an_error_not_a_crash(make_site):
    make_site.write("stories/deep.md", "---\ntitle: " + "[" * 5000 + "\n---\nText.\n")
    make_site.write("groups/deep.yml", "name: " + "[" * 5000 + "\n")

    errors = make_site.errors()

    assert [(e.path, e.line) for e in errors] == [
        ("content/groups/deep.yml", 1),
        ("content/stories/deep.md", 2),
    ]
    assert all("nested too deeply" in e.message for e in errors)


def test_nesting_past_the_depth_limit_is_refused_at_the_deep_value(make_site):
    make_site.write("groups/deep.yml", "name: " + "[" * 40 + "]" * 40 + "\n")

    problem = _only(make_site.errors())

    assert problem.line == 1
    assert "levels deep" in problem.message


def test_a_unicode_line_separator_inside_a_value_does_not_shift_later_lines(make_site):
    # Editors count lines by "\n" only; PyYAML also breaks lines at U+2028 and U+0085.
    path = make_site.write(
        "groups/pasted.yml",
        'name: "Pasted\u2028from a web page"\ndescription: We meet\nnmae: typo\n',
    )

    unknown = [e for e in make_site.errors() if "unknown field" in e.message]

    assert len(unknown) == 1
    assert unknown[0].line == make_site.line_of(path, "nmae:") == 3
