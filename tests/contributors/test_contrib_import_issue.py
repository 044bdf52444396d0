"""`peerkit import-issue`: story form issues, as GitHub renders them, to story files."""

from __future__ import annotations

import io
import json
from datetime import date
from pathlib import Path

import yaml

from peerkit.issue_form.form import story_form, story_form_yaml
from peerkit.load.diagnostics import has_errors
from peerkit.load.yaml_source import parse_yaml
from peerkit.model.settings import Settings
from peerkit.project import load_and_check
from peerkit.scaffold.site_facts import SiteContext, site_facts

REPO = Path(__file__).resolve().parents[2]
TODAY = date.today()

# Exactly as GitHub writes an issue made with .github/ISSUE_TEMPLATE/story.yml.
BODY = """\
### Title of your story

The evening I rang the helpline

### Your name or a made-up name

Priya

### Anonymous

- [ ] Show my story as by "Anonymous", with no name

### Topics

Anxiety, Grief and loss

### Summary

For years I hid my panic attacks. This is the evening I finally rang someone.

### Content warnings

panic attacks, grief

### Your story

It was a Tuesday in February, and I had not slept.

### What I wish I had known

That you do not have to be in danger to ring.

### Your agreement

- [X] I wrote this story, and it is about my own experience.
- [X] I agree that it may be published on this site, and edited for length and safety.
- [X] I understand that I can ask for it to be changed or removed at any time.
"""

STORY = Path("content/stories/the-evening-i-rang-the-helpline.md")


def import_body(peerkit, site, body: str, *args: str):
    issue = site.root / "issue.md"
    issue.write_text(body, "utf-8", newline="")
    return peerkit("import-issue", str(issue), *args)


def fields_of(path: Path) -> dict:
    return parse_yaml(path.read_text("utf-8").split("---\n")[1]).data


def check_clean(site, path: Path) -> None:
    _, diagnostics = load_and_check(site.root, site.content, Settings(site_name="Test"), TODAY)
    assert not has_errors(diagnostics), [d.format() for d in diagnostics]
    assert [d for d in diagnostics if d.path == site.rel(path)] == []


def test_issue_becomes_a_story_that_passes_check(site, peerkit):
    result = import_body(peerkit, site, BODY)

    path = site.root / STORY
    assert result.code == 0, result.err
    check_clean(site, path)
    fields = fields_of(path)
    assert fields["title"] == "The evening I rang the helpline"
    assert fields["author"] == "Priya"
    assert "anonymous" not in fields
    assert fields["topics"] == ["anxiety", "grief"]
    assert fields["content_warnings"] == ["panic attacks", "grief"]
    assert fields["consent"] == {
        "given": True,
        "date": TODAY.isoformat(),
        "method": "GitHub issue form",
    }
    assert fields["status"] == "published"


def test_the_writers_own_headings_stay_in_the_story(site, peerkit):
    import_body(peerkit, site, BODY)

    text = (site.root / STORY).read_text("utf-8")
    assert text.endswith(
        "---\nIt was a Tuesday in February, and I had not slept.\n\n"
        "### What I wish I had known\n\nThat you do not have to be in danger to ring.\n"
    )


def test_anonymous_box_ticked_keeps_no_name(site, peerkit):
    body = BODY.replace("- [ ] Show my story", "- [X] Show my story")

    result = import_body(peerkit, site, body)

    fields = fields_of(site.root / STORY)
    assert result.code == 0, result.err
    assert fields["anonymous"] is True
    assert "author" not in fields
    assert "Priya" not in (site.root / STORY).read_text("utf-8")


def test_no_name_given_means_anonymous(site, peerkit):
    body = BODY.replace("\n\nPriya\n\n", "\n\n_No response_\n\n")

    import_body(peerkit, site, body)

    fields = fields_of(site.root / STORY)
    assert fields["anonymous"] is True
    assert "author" not in fields


def test_no_response_to_content_warnings_means_none(site, peerkit):
    body = BODY.replace("panic attacks, grief", "_No response_")

    result = import_body(peerkit, site, body)

    assert result.code == 0, result.err
    assert "content_warnings" not in fields_of(site.root / STORY)


def test_unticked_consent_box_is_refused_and_nothing_is_written(site, peerkit):
    body = BODY.replace(
        "- [X] I agree that it may be published", "- [ ] I agree that it may be published"
    )

    result = import_body(peerkit, site, body)

    assert result.code == 1
    assert (
        "error: the consent box 'I agree that it may be published on this site, and edited for"
        " length and safety.' is not ticked" in result.err
    )
    assert not (site.content / "stories").exists()


def test_issue_not_made_with_the_form_is_refused(site, peerkit):
    result = import_body(peerkit, site, "Hi, here is my story: ...\n")

    assert result.code == 1
    assert "was this issue made with the story form?" in result.err
    assert "'Title of your story' is empty or missing" in result.err


def test_body_from_the_api_with_crlf_line_ends_is_read(site, peerkit):
    result = import_body(peerkit, site, BODY.replace("\n", "\r\n"))

    assert result.code == 0, result.err
    assert fields_of(site.root / STORY)["topics"] == ["anxiety", "grief"]
    assert "\r" not in (site.root / STORY).read_text("utf-8")


def test_gh_json_gives_the_consent_date_link_and_issue_number(site, peerkit, monkeypatch):
    issue = {
        "body": BODY,
        "createdAt": "2026-01-05T21:14:03Z",
        "number": 12,
        "url": "https://github.com/example/site/issues/12",
    }
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(json.dumps(issue).encode())))

    result = peerkit("import-issue", "-")

    assert result.code == 0, result.err
    assert fields_of(site.root / STORY)["consent"] == {
        "given": True,
        "date": "2026-01-05",
        "method": "GitHub issue form (https://github.com/example/site/issues/12)",
    }
    assert "Created content/stories/the-evening-i-rang-the-helpline.md from issue #12" in result.out
    assert 'gh pr create --fill --body "Closes #12"' in result.out
    assert "git switch -c story/the-evening-i-rang-the-helpline" in result.out


def test_topic_the_site_does_not_have_says_how_to_update_the_form(site, peerkit):
    result = import_body(peerkit, site, BODY.replace("Anxiety, Grief and loss", "Anxiety, Sleep"))

    assert result.code == 1
    assert "topic 'Sleep' is not in content/topics.yml (Anxiety, Grief and loss)" in result.err
    assert "peerkit import-issue --print-form" in result.err


def test_summary_longer_than_the_site_allows_names_the_form_field(site, peerkit):
    body = BODY.replace("For years I hid my panic attacks.", "Long. " * 60)

    result = import_body(peerkit, site, body)

    assert result.code == 1
    assert "'Summary': too long" in result.err
    assert "at most 300" in result.err


def render_as_github(form: dict, answers: dict[str, object]) -> str:
    """The Markdown GitHub makes of a form's answers, keyed by field id."""
    parts = []
    for field in form["body"]:
        if field["type"] == "markdown":
            continue
        answer = answers.get(field["id"])
        label = field["attributes"]["label"]
        if field["type"] == "checkboxes":
            ticked = answer or set()
            text = "\n".join(
                f"- [{'X' if o['label'] in ticked else ' '}] {o['label']}"
                for o in field["attributes"]["options"]
            )
        elif field["type"] == "dropdown":
            text = ", ".join(answer) if answer else "_No response_"
        else:
            text = answer or "_No response_"
        parts.append(f"### {label}\n\n{text}")
    return "\n\n".join(parts) + "\n"


def test_every_answer_of_the_generated_form_is_read_back(site, peerkit):
    facts = site_facts(SiteContext(site.root, site.content))
    form = story_form(facts.topics, facts.crisis)
    consent = {o["label"] for o in form["body"][-1]["attributes"]["options"]}
    body = render_as_github(
        form,
        {
            "title": "Round trip",
            "name": "Jo",
            "topics": ["Grief and loss"],
            "summary": "A summary.",
            "story": "The story.",
            "consent": consent,
        },
    )

    result = import_body(peerkit, site, body)

    fields = fields_of(site.content / "stories" / "round-trip.md")
    assert result.code == 0, result.err
    assert (fields["title"], fields["author"], fields["topics"]) == ("Round trip", "Jo", ["grief"])


def test_the_committed_issue_form_is_the_one_the_reference_site_generates():
    facts = site_facts(SiteContext(REPO, REPO / "content"))

    committed = (REPO / ".github" / "ISSUE_TEMPLATE" / "story.yml").read_text("utf-8")

    assert committed == story_form_yaml(facts.topics, facts.crisis)


def test_issue_form_follows_githubs_rules_for_forms():
    form = yaml.safe_load((REPO / ".github" / "ISSUE_TEMPLATE" / "story.yml").read_text("utf-8"))

    fields = [f for f in form["body"] if f["type"] != "markdown"]
    assert {"name", "description", "body"} <= set(form)
    assert len({f["id"] for f in fields}) == len(fields)
    assert len({f["attributes"]["label"] for f in fields}) == len(fields)
    consent = next(f for f in fields if f["id"] == "consent")
    assert [o.get("required") for o in consent["attributes"]["options"]] == [True, True, True]
    topics = next(f for f in fields if f["id"] == "topics")
    assert topics["attributes"]["multiple"] is True
    crisis = "\n".join(f["attributes"]["value"] for f in form["body"] if f["type"] == "markdown")
    assert "Samaritans" in crisis and "116 123" in crisis


def test_print_form_writes_the_site_topics(site, peerkit):
    result = peerkit("import-issue", "--print-form")

    form = yaml.safe_load(result.out)
    topics = next(f for f in form["body"] if f.get("id") == "topics")
    assert topics["attributes"]["options"] == ["Anxiety", "Grief and loss"]


def test_the_same_issue_imported_twice_is_refused(site, peerkit, monkeypatch):
    issue = {"body": BODY, "number": 12, "url": "https://github.com/example/site/issues/12"}
    first = site.root / "first.json"
    first.write_text(json.dumps(issue), "utf-8")
    assert peerkit("import-issue", str(first)).code == 0
    edited = site.root / "edited.json"
    edited.write_text(json.dumps(issue | {"body": BODY.replace("a Tuesday", "a Monday")}), "utf-8")

    again = peerkit("import-issue", str(edited))

    assert again.code == 1
    assert (
        "error: this story was imported already, as"
        " content/stories/the-evening-i-rang-the-helpline.md (the same issue or the same text)"
    ) in again.err
    assert [p.name for p in (site.content / "stories").iterdir()] == [STORY.name]


def test_the_same_text_imported_again_is_refused_and_never_overwrites(site, peerkit):
    assert import_body(peerkit, site, BODY).code == 0
    first = (site.root / STORY).read_bytes()

    again = import_body(peerkit, site, BODY)

    assert again.code == 1
    assert "this story was imported already" in again.err
    assert (site.root / STORY).read_bytes() == first
    assert len(list((site.content / "stories").iterdir())) == 1
