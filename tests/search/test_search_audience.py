"""Who a hand-written page is for, from its front matter."""

from __future__ import annotations

import pytest

from peerkit.search.audience import AudienceError, for_visitors


def test_a_page_that_says_nothing_is_for_visitors() -> None:
    assert for_visitors({}) is True
    assert for_visitors({"audience": "visitors"}) is True


@pytest.mark.parametrize("audience", ["contributors", "organisations"])
def test_a_guide_for_contributors_or_organisations_is_not(audience: str) -> None:
    assert for_visitors({"audience": audience}) is False


def test_an_unknown_audience_is_refused_with_the_ones_that_exist() -> None:
    with pytest.raises(AudienceError) as refused:
        for_visitors({"audience": "editors"})
    assert "'editors' is not one of visitors, contributors, organisations" in str(refused.value)
