"""mailto: and tel: links carry one address or number, and nothing a mail program reads as more."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest

from peerkit.encode.addresses import mailto, tel
from tests.conftest import SiteBuilder
from tests.render.render_html import parse_html


@pytest.mark.parametrize(
    "address",
    [
        "help?cc=notes@collector.example",
        "help&body=x@example.org",
        "a#b@example.org",
        "a%0ABcc:x@example.org",
        "a/b@example.org",
        'a"b@example.org',
    ],
)
def test_a_mailto_link_has_no_headers_however_the_address_is_written(address: str) -> None:
    link = urlsplit(mailto(address))

    assert link.scheme == "mailto"
    assert link.query == "" and link.fragment == ""
    assert parse_qs(link.query) == {}
    assert "%0A" not in link.path.upper().replace("%250A", "")


def test_a_plain_or_international_address_stays_readable() -> None:
    assert mailto("sam.o'neil+groups@example.org") == "mailto:sam.o%27neil%2Bgroups@example.org"
    assert mailto("josé@correo.es") == "mailto:jos%C3%A9@correo.es"


@pytest.mark.parametrize(
    ("number", "link"),
    [
        ("0113 496 0000", "tel:01134960000"),
        ("+44 (0)113-496", "tel:+440113496"),
        (" 116 123", "tel:116123"),
    ],
)
def test_a_tel_link_holds_only_the_digits_and_a_leading_plus(number: str, link: str) -> None:
    assert tel(number) == link


def test_the_group_page_links_email_and_phone_through_the_encoders(make_site: SiteBuilder) -> None:
    make_site.group(fields={"contact": {"email": "o'neil+a@example.org", "phone": "+44 113 496"}})

    rendered = make_site.render()

    [page] = [p for p in rendered.pages if p.url.endswith("/a-group/")]
    hrefs = [a.attrs.get("href") for a in parse_html(page.html).find_all("a")]
    assert "mailto:o%27neil%2Ba@example.org" in hrefs
    assert "tel:+44113496" in hrefs


def test_a_dial_in_keeps_its_pauses_and_meeting_code_and_nothing_else() -> None:
    from peerkit.encode.addresses import tel

    assert tel("+44 20 3481 5237,,84512345#") == "tel:+442034815237,,84512345%23"
    assert tel("0330 088 5830,,123*456#?x=y") == "tel:03300885830,,123*456%23"
    assert tel("0113 496 0001") == "tel:01134960001"
