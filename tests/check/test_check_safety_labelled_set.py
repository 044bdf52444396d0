"""The safe-messaging checks measured on a labelled set of sentences, against the
figures the safe-messaging guide gives (src/peerkit/guides/safe-messaging.md, a page
of every site), so the page cannot drift from the code.

tests/check/safety_sentences.yml holds sentences that must be flagged (a mention
of suicide or self-harm in plain or indirect words, or a method or means) and
everyday sentences that must not. It was written beside the patterns, so it
guards what they see rather than estimating how they do on stories never seen.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from peerkit.check.safety_messaging import find_mentions, find_method_details
from peerkit.guides import SAFE_MESSAGING, guide_text

HERE = Path(__file__).resolve().parent
SENTENCES = yaml.safe_load((HERE / "safety_sentences.yml").read_text("utf-8"))


def _flagged(sentence: str) -> bool:
    mentions = find_mentions(sentence)
    return bool(mentions) or any(find_method_details(sentence, mentions))


def _measured() -> tuple[float, float]:
    true_positives = sum(_flagged(s) for s in SENTENCES["flag"])
    false_positives = sum(_flagged(s) for s in SENTENCES["keep"])
    recall = true_positives / len(SENTENCES["flag"])
    precision = true_positives / (true_positives + false_positives)
    return precision, recall


def test_the_set_has_at_least_fifty_sentences_of_each_kind_and_no_repeats() -> None:
    flag, keep = SENTENCES["flag"], SENTENCES["keep"]
    assert len(flag) == SENTENCES["flag_count"] >= 50
    assert len(keep) == SENTENCES["keep_count"] >= 50
    assert len(set(flag) | set(keep)) == len(flag) + len(keep)


def test_precision_and_recall_are_at_least_nine_in_ten() -> None:
    precision, recall = _measured()

    assert recall >= 0.9, [s for s in SENTENCES["flag"] if not _flagged(s)]
    assert precision >= 0.9, [s for s in SENTENCES["keep"] if _flagged(s)]


def test_the_guide_gives_the_measured_figures() -> None:
    guide = guide_text(SAFE_MESSAGING)
    precision, recall = _measured()

    found = re.search(r"precision (\d\.\d\d) and recall (\d\.\d\d)", guide)
    assert found, "the safe-messaging guide must give the precision and recall"
    assert (float(found[1]), float(found[2])) == (round(precision, 2), round(recall, 2))


def test_the_sentence_from_the_issue_is_flagged_as_a_means() -> None:
    sentence = (
        "I had saved up a month of my sleeping tablets and meant to take them all"
        " with a bottle of vodka."
    )
    found = list(find_method_details(sentence, find_mentions(sentence)))

    assert [offset for offset, _ in found] == [6, 59]
    assert all("leave out drug names and amounts" in message for _, message in found)
