"""Schema problems in plain words, each at the line of the key or value at fault."""

from __future__ import annotations


def _only(diagnostics):
    assert len(diagnostics) == 1, [d.format() for d in diagnostics]
    return diagnostics[0]


def test_story_without_title_is_refused_at_the_start_of_its_front_matter(make_site):
    make_site.story(omit=["title"])

    site, diagnostics = make_site.load()

    problem = _only(diagnostics)
    assert (problem.path, problem.line, problem.col) == ("content/stories/a-story.md", 2, 1)
    assert problem.message.startswith("missing required field 'title': The headline")
    assert site.stories == ()


def test_topics_given_as_text_instead_of_a_list_is_refused(make_site):
    path = make_site.story(fields={"topics": "anxiety"})

    problem = _only(make_site.errors())

    assert (problem.line, problem.col) == (make_site.line_of(path, "topics:"), 9)
    assert problem.message.startswith("topics: expected a list, got text")


def test_number_as_title_is_refused(make_site):
    make_site.write(
        "tips/numbered.md", "---\ntitle: 42\ntopics: [anxiety]\nsummary: Helps.\n---\nText.\n"
    )

    problem = _only(make_site.errors())

    assert (problem.line, problem.col) == (2, 8)
    assert problem.message.startswith("title: expected text, got a number")


def test_misspelt_field_is_reported_at_its_key_with_the_likely_name(make_site):
    path = make_site.story(fields={"tittle": "A story"}, omit=["title"])

    errors = make_site.errors()

    unknown = [e for e in errors if e.message.startswith("unknown field")]
    assert len(unknown) == 1
    assert (unknown[0].line, unknown[0].col) == (make_site.line_of(path, "tittle:"), 1)
    assert unknown[0].message == "unknown field 'tittle'; did you mean 'title'?"


def test_misspelt_nested_field_names_its_parent(make_site):
    path = make_site.story(fields={"consent": {"given": True, "date": "2026-03-01", "methd": "x"}})

    problem = _only(make_site.errors())

    assert (problem.line, problem.col) == (make_site.line_of(path, "methd:"), 3)
    assert problem.message == "unknown field 'methd' in consent; did you mean 'method'?"


def test_meeting_time_not_on_a_24_hour_clock_is_refused(make_site):
    schedule = [{"freq": "WEEKLY", "byday": "TU", "opens_at": "25:00", "closes_at": "23:00"}]
    path = make_site.group(fields={"schedule": schedule})

    problem = _only(make_site.errors())

    line = make_site.line_of(path, "opens_at:")
    assert (problem.line, problem.col) == (line, 13)
    assert problem.message.startswith("schedule[1].opens_at: '25:00' is not valid")
    assert "HH:MM" in problem.message


def test_impossible_date_is_refused_at_its_value(make_site):
    make_site.write(
        "stories/thirteenth.md",
        "---\ntitle: A\ndate: 2026-13-01\ntopics: [anxiety]\nsummary: S.\n"
        "consent: {given: true, date: 2026-01-01}\n---\nText.\n",
    )

    problem = _only(make_site.errors())

    assert (problem.line, problem.col) == (3, 7)
    assert problem.message.startswith("date: '2026-13-01' is not valid")
    assert "YYYY-MM-DD" in problem.message


def test_story_without_consent_is_refused(make_site):
    make_site.story(omit=["consent"])

    site, diagnostics = make_site.load()

    problem = _only(diagnostics)
    assert problem.line == 2
    assert problem.message.startswith("missing required field 'consent'")
    assert "not published" in problem.message
    assert site.stories == ()


def test_story_whose_consent_was_not_given_is_refused(make_site):
    path = make_site.story(fields={"consent": {"given": False, "date": "2026-03-01"}})

    site, diagnostics = make_site.load()

    problem = _only(diagnostics)
    assert (problem.line, problem.col) == (make_site.line_of(path, "given:"), 10)
    assert problem.message.startswith("consent.given: must be true")
    assert site.stories == ()


def test_in_person_group_without_a_location_is_refused(make_site):
    make_site.group(omit=["location"])

    problem = _only(make_site.errors())

    assert problem.line == 1
    assert problem.message.startswith("missing required field 'location'")


def test_unknown_group_format_lists_the_allowed_ones(make_site):
    path = make_site.group(fields={"format": "bus"})

    problem = _only(make_site.errors())

    assert problem.line == make_site.line_of(path, "format:")
    assert problem.message == "format: 'bus' is not allowed; use one of: in-person, online, hybrid"


def test_a_value_that_breaks_its_pattern_and_its_format_is_said_once(make_site):
    path = make_site.group(fields={"contact": {"url": "JaVaScRiPt:alert(1)"}})

    [problem] = make_site.errors(path)

    assert problem.message.startswith("contact.url: 'JaVaScRiPt:alert(1)' is not valid")
    assert "it must be an http or https address" in problem.message
