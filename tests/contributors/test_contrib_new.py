"""`peerkit new story|tip|group` writes files that pass `peerkit check`."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest

from peerkit.load.diagnostics import has_errors
from peerkit.load.yaml_source import parse_yaml
from peerkit.model.settings import Settings
from peerkit.project import load_and_check

TODAY = date.today()


def check_clean(site, path: Path) -> None:
    """Loaded and checked as `peerkit check` does: no problem at all in the new file."""
    _, diagnostics = load_and_check(site.root, site.content, Settings(site_name="Test"), TODAY)
    assert not has_errors(diagnostics), [d.format() for d in diagnostics]
    assert [d for d in diagnostics if d.path == site.rel(path)] == []


def front_matter(path: Path) -> dict:
    return parse_yaml(path.read_text("utf-8").split("---\n")[1]).data


def scripted(monkeypatch, answers: list[str]) -> list[str]:
    """Answers `input()` from ``answers``; returns the prompts it was asked."""
    prompts: list[str] = []
    remaining = iter(answers)

    def fake_input(prompt: str = "") -> str:
        prompts.append(prompt)
        try:
            return next(remaining)
        except StopIteration:
            raise EOFError from None

    monkeypatch.setattr("builtins.input", fake_input)
    return prompts


STORY_OPTIONS = [
    "new",
    "story",
    "--yes",
    "--title",
    "The evening I rang the helpline",
    "--topic",
    "anxiety",
    "--summary",
    "How one phone call changed a long winter.",
    "--consent-date",
    "2026-01-10",
]


def test_story_from_options_passes_check_with_consent_and_no_name(site, peerkit):
    result = peerkit(*STORY_OPTIONS, "--anonymous", "--warning", "panic attacks")

    path = site.content / "stories" / "the-evening-i-rang-the-helpline.md"
    assert result.code == 0, result.err
    check_clean(site, path)
    fields = front_matter(path)
    assert fields["anonymous"] is True
    assert "author" not in fields
    assert fields["consent"] == {"given": True, "date": "2026-01-10"}
    assert fields["content_warnings"] == ["panic attacks"]
    assert fields["date"] == TODAY.isoformat()
    assert fields["status"] == "published"


def test_story_says_where_it_went_and_how_to_preview_it(site, peerkit):
    result = peerkit(*STORY_OPTIONS, "--author", "Sam")

    assert "Created content/stories/the-evening-i-rang-the-helpline.md" in result.out
    assert "peerkit check" in result.out
    assert (
        "peerkit serve` and open http://127.0.0.1:8000/peer/stories/the-evening-i-rang-the-helpline/"
        in result.out
    )


def test_story_text_comes_from_a_file(site, peerkit, tmp_path):
    text = tmp_path / "my-story.txt"
    text.write_text("It was a Tuesday.\n\nI picked up the phone.\n", "utf-8")

    result = peerkit(*STORY_OPTIONS, "--author", "Sam", "--text", str(text))

    path = site.content / "stories" / "the-evening-i-rang-the-helpline.md"
    assert result.code == 0, result.err
    assert path.read_text("utf-8").endswith("---\nIt was a Tuesday.\n\nI picked up the phone.\n")
    check_clean(site, path)
    assert "in place of the paragraph" not in result.out
    assert "your story is below the second --- line, as readers will see it" in result.out


def test_a_story_without_text_says_where_to_write_it(site, peerkit):
    result = peerkit(*STORY_OPTIONS, "--author", "Sam")

    assert result.code == 0, result.err
    assert "write the story in place of the paragraph below the second --- line" in result.out


def test_same_title_twice_gets_a_new_slug_and_never_overwrites(site, peerkit):
    first = site.content / "stories" / "the-evening-i-rang-the-helpline.md"
    assert peerkit(*STORY_OPTIONS, "--author", "Sam").code == 0
    before = first.read_bytes()

    result = peerkit(*STORY_OPTIONS, "--author", "Alex")

    second = site.content / "stories" / "the-evening-i-rang-the-helpline-2.md"
    assert result.code == 0, result.err
    assert first.read_bytes() == before
    assert front_matter(second)["author"] == "Alex"
    check_clean(site, second)


def test_slug_set_inside_another_file_is_taken_too(site, peerkit):
    site.story("older-file-name", fields={"slug": "the-evening-i-rang-the-helpline"})

    assert peerkit(*STORY_OPTIONS, "--anonymous").code == 0

    assert (site.content / "stories" / "the-evening-i-rang-the-helpline-2.md").exists()


def test_missing_answers_with_yes_are_all_reported_and_nothing_is_written(site, peerkit):
    result = peerkit("new", "story", "--yes", "--title", "A title")

    assert result.code == 1
    assert "--topic is needed" in result.err
    assert "--summary is needed" in result.err
    assert "--consent-date is needed" in result.err
    assert not (site.content / "stories" / "a-title.md").exists()


def test_consent_date_in_the_future_is_refused(site, peerkit):
    options = [*STORY_OPTIONS[:-1], "2999-01-01", "--anonymous"]

    result = peerkit(*options)

    assert result.code == 1
    assert "--consent-date: 2999-01-01 is after today" in result.err


def test_anonymous_story_with_an_author_is_refused(site, peerkit):
    result = peerkit(*STORY_OPTIONS, "--anonymous", "--author", "Sam")

    assert result.code == 1
    assert "anonymous story keeps no name" in result.err


def test_unknown_topic_is_refused_naming_the_known_ones(site, peerkit):
    result = peerkit(*STORY_OPTIONS, "--anonymous", "--topic", "anxeity")

    assert result.code == 1
    assert "'anxeity' is not one of the site's topics: anxiety, grief" in result.err


def test_interactive_story_asks_what_the_options_left_out(site, peerkit, monkeypatch):
    prompts = scripted(
        monkeypatch,
        [
            "What the allotment kept",  # title
            "9",  # not a topic: asked again
            "2, anxiety",  # topics by number and by name
            "",  # summary is needed: asked again
            "Growing things after a loss.",
            "",  # no name: anonymous
            "grief, bereavement",  # content warnings
            "yes",  # consent
            "2026-02-01",
            "email to the editors",
        ],
    )

    result = peerkit("new", "story")

    path = site.content / "stories" / "what-the-allotment-kept.md"
    assert result.code == 0, result.err
    check_clean(site, path)
    fields = front_matter(path)
    assert fields["topics"] == ["grief", "anxiety"]
    assert fields["anonymous"] is True
    assert fields["content_warnings"] == ["grief", "bereavement"]
    assert fields["consent"] == {
        "given": True,
        "date": "2026-02-01",
        "method": "email to the editors",
    }
    assert "1. Anxiety (anxiety)" in result.out
    assert "'9' is not one of the site's topics" in result.out
    assert sum(p.startswith("Topics") for p in prompts) == 2


def test_interactive_story_without_the_writers_agreement_is_not_written(site, peerkit, monkeypatch):
    scripted(monkeypatch, ["A story", "anxiety", "A summary.", "Sam", "", "no"])

    result = peerkit("new", "story")

    assert result.code == 1
    assert "only with their agreement" in result.err
    assert not (site.content / "stories" / "a-story.md").exists()


def test_interactive_answers_can_come_from_standard_input(site, peerkit, monkeypatch):
    answers = ["A small step", "anxiety", "Ringing the doctor.", "Sam", "", "y", "today", ""]
    monkeypatch.setattr(
        "sys.stdin", io.TextIOWrapper(io.BytesIO(("\n".join(answers) + "\n").encode()))
    )

    result = peerkit("new", "story")

    path = site.content / "stories" / "a-small-step.md"
    assert result.code == 0, result.err
    assert front_matter(path)["consent"]["date"] == TODAY.isoformat()
    check_clean(site, path)


def test_input_ending_early_is_an_error_not_a_traceback(site, peerkit, monkeypatch):
    scripted(monkeypatch, ["A title"])

    result = peerkit("new", "story")

    assert result.code == 1
    assert "no answer to 'Topics" in result.err


def test_tip_from_options_passes_check(site, peerkit):
    site.story("the-first-time")

    result = peerkit(
        "new",
        "tip",
        "-y",
        "--title",
        "Keeping a mood diary",
        "--topic",
        "Anxiety",
        "--summary",
        "A two-minute habit that shows patterns.",
        "--related-story",
        "the-first-time",
    )

    path = site.content / "tips" / "keeping-a-mood-diary.md"
    assert result.code == 0, result.err
    check_clean(site, path)
    assert front_matter(path)["related_stories"] == ["the-first-time"]


def test_tip_pointing_at_an_unknown_story_is_refused(site, peerkit):
    result = peerkit(
        "new",
        "tip",
        "-y",
        "--title",
        "T",
        "--topic",
        "anxiety",
        "--summary",
        "S.",
        "--related-story",
        "no-such-story",
    )

    assert result.code == 1
    assert "no story is called no-such-story" in result.err


def test_group_from_options_passes_check_with_a_modeline(site, peerkit):
    result = peerkit(
        "new",
        "group",
        "-y",
        "--name",
        "Leeds Walking Group",
        "--description",
        "A gentle Saturday walk for anyone feeling low or on their own.",
        "--topic",
        "anxiety",
        "--format",
        "in-person",
        "--address",
        "1 Example Road",
        "--town",
        "Leeds",
        "--region",
        "yorkshire",
        "--freq",
        "monthly",
        "--day",
        "2nd Saturday",
        "--day",
        "last sat",
        "--start",
        "10am",
        "--end",
        "11:30",
        "--cost",
        "Free",
    )

    path = site.content / "groups" / "yorkshire" / "leeds-walking-group.yml"
    assert result.code == 0, result.err
    check_clean(site, path)
    lines = path.read_text("utf-8").splitlines()
    assert lines[0] == (
        "# yaml-language-server: $schema=https://example.org/peer/schemas/group.json"
    )
    data = parse_yaml("\n".join(lines)).data
    assert data["schedule"] == [
        {"freq": "MONTHLY", "byday": "2SA,-1SA", "opens_at": "10:00", "closes_at": "11:30"}
    ]
    assert data["location"]["country"] == "IE"
    assert data["last_verified"] == TODAY.isoformat()
    assert '    opens_at: "10:00"' in lines


def test_group_region_takes_the_spelling_already_listed(site, peerkit):
    site.group("existing", fields={})

    peerkit(
        "new",
        "group",
        "-y",
        "--name",
        "Walk",
        "--description",
        "We walk.",
        "--topic",
        "anxiety",
        "--format",
        "in-person",
        "--address",
        "2 Road",
        "--town",
        "Leeds",
        "--region",
        "YORKSHIRE",
        "--freq",
        "weekly",
        "--day",
        "Tue",
        "--start",
        "18:00",
        "--end",
        "19:00",
    )

    data = parse_yaml((site.content / "groups" / "yorkshire" / "walk.yml").read_text()).data
    assert data["location"]["region"] == "Yorkshire"


def test_interactive_online_group_by_arrangement(site, peerkit, monkeypatch):
    scripted(
        monkeypatch,
        [
            "Night Owls",  # name
            "A late chat for carers.",  # description
            "1",  # topics
            "",  # organisation
            "online",  # format
            "Jitsi",  # platform
            "http://meet.example.org/owls",  # not https: asked again
            "https://meet.example.org/owls",
            "arrangement",  # how often
            "Email the host to arrange a call.",
            "owls@example.org",  # email
            "",  # phone
            "",  # cost
        ],
    )

    result = peerkit("new", "group")

    path = site.content / "groups" / "online" / "night-owls.yml"
    assert result.code == 0, result.err
    check_clean(site, path)
    data = parse_yaml(path.read_text("utf-8")).data
    assert data["online"] == {"url": "https://meet.example.org/owls", "platform": "Jitsi"}
    assert data["by_arrangement"] == "Email the host to arrange a call."
    assert "schedule" not in data


def test_weekly_group_end_before_start_is_refused(site, peerkit):
    result = peerkit(
        "new",
        "group",
        "-y",
        "--name",
        "G",
        "--description",
        "D.",
        "--topic",
        "anxiety",
        "--format",
        "online",
        "--platform",
        "Zoom",
        "--url",
        "https://example.org/j",
        "--freq",
        "weekly",
        "--day",
        "Mon",
        "--start",
        "19:00",
        "--end",
        "18:00",
    )

    assert result.code == 1
    assert "--end: 18:00 is not after the start time, 19:00" in result.err


def test_draft_is_written_as_draft_and_the_preview_caveat_is_said(site, peerkit):
    result = peerkit(*STORY_OPTIONS, "--anonymous", "--draft")

    path = site.content / "stories" / "the-evening-i-rang-the-helpline.md"
    assert front_matter(path)["status"] == "draft"
    assert "the preview shows it, marked as a draft" in result.out


@pytest.mark.parametrize("kind", ["story", "tip", "group"])
def test_new_outside_a_site_says_so(tmp_path, monkeypatch, capsys, kind):
    from peerkit.cli import main

    monkeypatch.chdir(tmp_path)

    assert main(["new", kind, "-y"]) == 1
    assert "mkdocs.yml:1:1: error: no such file" in capsys.readouterr().err


def test_story_text_from_standard_input_with_yes(site, peerkit, monkeypatch):
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(b"It was a Tuesday.\n")))

    result = peerkit(*STORY_OPTIONS, "--anonymous", "--text", "-")

    path = site.content / "stories" / "the-evening-i-rang-the-helpline.md"
    assert result.code == 0, result.err
    assert path.read_text("utf-8").endswith("---\nIt was a Tuesday.\n")


def test_story_text_from_standard_input_while_asking_is_refused(site, peerkit):
    result = peerkit("new", "story", "--text", "-")

    assert result.code == 1
    assert "give every answer as an option, with --yes" in result.err
