"""`peerkit check` for GitHub Actions (annotations) and for other tools (--format json)."""

from __future__ import annotations

import json

from peerkit.load.diagnostics import Diagnostic, Severity, error, warning
from peerkit.report_formats import escape_data, escape_property, github_annotations


def test_annotation_has_file_line_col_and_title_and_the_message():
    diagnostic = error("content/stories/a.md", 5, 10, "unknown topic 'anxeity'")

    assert github_annotations([diagnostic]) == [
        "::error file=content/stories/a.md,line=5,col=10,title=peerkit check::"
        "unknown topic 'anxeity'"
    ]


def test_warning_becomes_a_warning_annotation_under_the_site_folder():
    diagnostic = warning("content/groups/x.yml", 3, 16, "listing last checked on 2025-01-01")

    (line,) = github_annotations([diagnostic], path_prefix="site/")

    assert line.startswith("::warning file=site/content/groups/x.yml,line=3,col=16,")


def test_message_escapes_percent_and_line_breaks_but_keeps_colons_and_commas():
    assert escape_data("100% sure: a, b\r\nnext") == "100%25 sure: a, b%0D%0Anext"


def test_property_also_escapes_colons_and_commas_that_would_end_it():
    assert escape_property("a:b,c%\n") == "a%3Ab%2Cc%25%0A"


def test_annotation_escapes_a_strange_file_name_and_message():
    diagnostic = error("content/stories/x,y:z.md", 1, 1, "line one\nline two 50%")

    (line,) = github_annotations([diagnostic])

    assert line == (
        "::error file=content/stories/x%2Cy%3Az.md,line=1,col=1,title=peerkit check::"
        "line one\\nline two 50%25"
    )


def test_more_errors_than_github_shows_adds_a_notice_pointing_at_the_log():
    diagnostics = [error("content/a.md", n, 1, "bad") for n in range(1, 13)]

    lines = github_annotations(diagnostics)

    assert len(lines) == 13
    assert lines[-1].startswith("::notice title=peerkit check::GitHub shows the first 10 errors")
    assert "all 12 problems" in lines[-1]


def test_ten_errors_need_no_notice():
    diagnostics = [error("content/a.md", n, 1, "bad") for n in range(1, 11)]

    assert not any(line.startswith("::notice") for line in github_annotations(diagnostics))


def test_check_under_github_actions_prints_plain_lines_and_annotations(site, peerkit, monkeypatch):
    story = site.story(fields={"topics": ["anxeity"]})
    monkeypatch.setenv("GITHUB_ACTIONS", "true")

    result = peerkit("check")

    line = site.line_of(story, "anxeity")
    assert result.code == 1
    plain = [x for x in result.out.splitlines() if x.startswith("content/stories/a-story.md:")]
    notes = [x for x in result.out.splitlines() if x.startswith("::error ")]
    assert len(plain) == len(notes) == 1
    assert plain[0].startswith(f"content/stories/a-story.md:{line}:")
    assert notes[0].startswith(f"::error file=content/stories/a-story.md,line={line},col=")
    assert notes[0].endswith(
        "::unknown topic 'anxeity'; topics in content/topics.yml: anxiety, grief"
    )


def test_annotation_paths_start_at_the_repository_when_the_site_is_in_a_subfolder(
    site, peerkit, monkeypatch
):
    site.story(fields={"topics": ["anxeity"]})
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    monkeypatch.setenv("GITHUB_WORKSPACE", str(site.root.parent))

    result = peerkit("check")

    assert f"::error file={site.root.name}/content/stories/a-story.md," in result.out


def test_check_outside_github_actions_prints_no_annotations(site, peerkit, monkeypatch):
    site.story(fields={"topics": ["anxeity"]})
    monkeypatch.setenv("GITHUB_ACTIONS", "false")

    result = peerkit("check")

    assert result.code == 1
    assert "::" not in result.out


def test_json_lists_every_diagnostic_and_a_summary(site, peerkit):
    site.story(fields={"topics": ["anxeity"]})
    site.group(fields={"last_verified": "2024-01-01"})
    _, expected = site.load()

    result = peerkit("check", "--format", "json")

    document = json.loads(result.out)
    assert result.code == 1
    assert [
        Diagnostic(**{**d, "severity": Severity(d["severity"])}) for d in document["diagnostics"]
    ] == expected
    assert document["summary"] == {"errors": 1, "warnings": 1, "files": 2}


def test_json_of_clean_content_is_an_empty_list_and_exit_zero(site, peerkit):
    result = peerkit("check", "--format", "json")

    assert result.code == 0
    assert json.loads(result.out) == {
        "diagnostics": [],
        "summary": {"errors": 0, "warnings": 0, "files": 0},
    }


def test_json_stays_pure_json_under_github_actions(site, peerkit, monkeypatch):
    site.story(fields={"topics": ["anxeity"]})
    monkeypatch.setenv("GITHUB_ACTIONS", "true")

    result = peerkit("check", "--format", "json")

    assert len(json.loads(result.out)["diagnostics"]) == 1


def test_json_reports_a_missing_mkdocs_yml_as_a_diagnostic(site, peerkit):
    result = peerkit("check", "--format", "json", "-f", "elsewhere.yml")

    document = json.loads(result.out)
    assert result.code == 1
    assert document["diagnostics"][0]["path"] == "elsewhere.yml"
    assert document["diagnostics"][0]["message"].startswith("no such file")


def test_strict_json_fails_on_a_warning_alone(site, peerkit):
    site.group(fields={"last_verified": "2024-01-01"})

    assert peerkit("check", "--format", "json").code == 0
    assert peerkit("check", "--format", "json", "--strict").code == 1
