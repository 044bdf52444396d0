"""A group page's "What to expect" and the finder's needs, from a listing's expect: block."""

from __future__ import annotations

import json

from peerkit.render.finder_needs import NEEDS
from tests.render.render_html import parse_html


def _page(rendered, slug):
    [page] = [p for p in rendered.pages if p.url.endswith(f"/{slug}/")]
    return page


def _expect_items(rendered, slug):
    tree = parse_html(_page(rendered, slug).html)
    sections = tree.find_all("section", class_="pk-expect")
    if not sections:
        return None
    return [li.text for li in sections[0].find_all("li")]


def test_the_section_says_each_answer_in_plain_words(make_site):
    make_site.group(
        "said",
        {
            "cost": "£2 towards tea, if you can",
            "expect": {
                "attendance": "register_first",
                "how_to_register": "Text Sam the day before.",
                "cost": "donation",
                "run_by": "peers",
                "step_free": True,
                "hearing_loop": False,
                "sign_language": ["BSL"],
            },
        },
    )

    items = _expect_items(make_site.render(), "said")

    assert items == [
        "You need to register before your first time. To register: Text Sam the day before.",
        "People give what they can if they wish: you do not have to pay."
        " (£2 towards tea, if you can)",
        "It is run by peers: people who have lived through it themselves.",
        "Step-free access: no steps between the street and the room.",
        "The room has no hearing loop.",
        "Sign language: British Sign Language (BSL).",
    ]


def test_a_group_that_says_nothing_has_no_section(make_site):
    make_site.group("plain")

    html = _page(make_site.render(), "plain").html
    assert _expect_items(make_site.render(), "plain") is None
    assert "What to expect" not in html


def test_an_answer_not_given_is_not_shown_as_no(make_site):
    make_site.group("some", {"expect": {"attendance": "drop_in"}})

    items = _expect_items(make_site.render(), "some")

    assert items == ["You can just turn up: there is no need to register."]


def test_the_section_links_the_tip_for_first_timers(make_site):
    make_site.tip("first-time", {"title": "Your first meeting", "for_first_timers": True})
    make_site.tip("other", {"title": "Something else"})
    make_site.group("said", {"expect": {"cost": "free"}})

    tree = parse_html(_page(make_site.render(), "said").html)
    [section] = tree.find_all("section", class_="pk-expect")
    links = [(a.text, a.attrs["href"]) for a in section.find_all("a")]

    assert [text for text, _ in links] == ["Your first meeting"]
    assert links[0][1].endswith("tips/first-time/")


def test_the_spanish_page_says_it_in_spanish(make_site):
    make_site.group("said", {"expect": {"cost": "free", "captions": False}})

    items = _expect_items(make_site.render(language="es"), "said")

    assert items == ["Es gratis.", "La videollamada no tiene subtítulos en directo."]


def _rows(rendered):
    files = {f.path: f.content for f in rendered.files}
    index = json.loads(files["groups/directory/index.json"])
    rows = json.loads(files["groups/directory/0.json"])
    return index, {row[0]: row for row in rows}


def test_the_finders_rows_carry_the_needs_each_group_meets(make_site):
    make_site.group(
        "all",
        {
            "name": "All",
            "expect": {
                "step_free": True,
                "hearing_loop": True,
                "cost": "free",
                "attendance": "drop_in",
                "captions": True,
            },
        },
    )
    make_site.group(
        "signed", {"name": "Signed", "expect": {"sign_language": ["BSL"], "step_free": False}}
    )
    make_site.group("plain", {"name": "Plain"})

    index, rows = _rows(make_site.render())

    assert (
        index["needs"] == list(NEEDS) == ["step_free", "hearing_loop", "signed", "free", "drop_in"]
    )
    flags = 9  # the lowest bit says "by arrangement", the needs come above it
    assert rows["All"][flags] >> 1 == 0b11111
    assert rows["Signed"][flags] >> 1 == 0b00100
    assert rows["Plain"][flags] == 0
    assert len(rows["Plain"]) == len(rows["All"])
