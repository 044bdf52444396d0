"""Rules across records: topics that exist, slugs that are unique, links that resolve."""

from __future__ import annotations


def _only(diagnostics):
    assert len(diagnostics) == 1, [d.format() for d in diagnostics]
    return diagnostics[0]


def test_unknown_topic_is_reported_at_its_list_item(make_site):
    path = make_site.story(fields={"topics": ["anxiety", "anxeity"]})

    problem = _only(make_site.errors())

    assert problem.path == "content/stories/a-story.md"
    assert (problem.line, problem.col) == (make_site.line_of(path, "- anxeity"), 3)
    assert problem.message.startswith("unknown topic 'anxeity'")
    assert "anxiety, grief" in problem.message


def test_unknown_topic_in_a_flow_list_points_at_the_word(make_site):
    make_site.write(
        "tips/flow.md", "---\ntitle: A tip\ntopics: [grief, nope]\nsummary: Helps.\n---\nText.\n"
    )

    problem = _only(make_site.errors())

    assert (problem.path, problem.line, problem.col) == ("content/tips/flow.md", 3, 17)
    assert problem.message.startswith("unknown topic 'nope'")


def test_unknown_topic_in_a_group_is_reported(make_site):
    path = make_site.group(fields={"topics": ["loneliness"]})

    problem = _only(make_site.errors())

    assert problem.line == make_site.line_of(path, "- loneliness")
    assert "unknown topic 'loneliness'" in problem.message


def test_explicit_slug_equal_to_another_story_file_name_is_a_duplicate(make_site):
    make_site.story("first-steps")
    path = make_site.story("later-copy", {"slug": "first-steps"})

    problem = _only(make_site.errors())

    assert problem.path == "content/stories/later-copy.md"
    assert (problem.line, problem.col) == (make_site.line_of(path, "slug:"), 7)
    assert "duplicate story slug 'first-steps'" in problem.message
    assert "content/stories/first-steps.md" in problem.message


def test_a_story_and_a_tip_may_share_a_slug(make_site):
    make_site.story("same")
    make_site.tip("same")

    _, diagnostics = make_site.load()

    assert diagnostics == []


def test_duplicate_topic_slug_is_reported(make_site):
    make_site.write(
        "topics.yml",
        "- slug: grief\n  title: Grief\n  description: One.\n"
        "- slug: grief\n  title: Loss\n  description: Two.\n",
    )

    problem = _only(make_site.errors())

    assert (problem.path, problem.line, problem.col) == ("content/topics.yml", 4, 9)
    assert "duplicate topic slug 'grief'" in problem.message


def test_related_story_that_does_not_exist_is_an_error(make_site):
    make_site.story("real-one")
    path = make_site.tip(fields={"related_stories": ["real-one", "made-up"]})

    problem = _only(make_site.errors())

    assert problem.path == "content/tips/a-tip.md"
    assert (problem.line, problem.col) == (make_site.line_of(path, "- made-up"), 3)
    assert problem.message == "related story 'made-up' does not exist"


def test_related_story_that_is_a_draft_is_an_error(make_site):
    make_site.story("unfinished", {"status": "draft"})
    make_site.tip(fields={"related_stories": ["unfinished"]})

    problem = _only(make_site.errors())

    assert problem.message == "related story 'unfinished' is a draft"


def test_consent_dated_after_publication_is_an_error(make_site):
    path = make_site.story(
        fields={"date": "2026-03-14", "consent": {"given": True, "date": "2026-04-01"}}
    )

    problem = _only(make_site.errors())

    assert problem.line == make_site.line_of(path, "date: '2026-04-01'")
    assert "consent is dated after" in problem.message
