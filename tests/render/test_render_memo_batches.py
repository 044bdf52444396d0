"""`peerkit serve` keeps pages a batch of records at a time: a batch of unchanged
records is one lookup, and a changed record renders its own page only, however many
saves its batch went unchanged before."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from peerkit.render.memo import BATCH, RenderMemo

Made = list[str]


def _build(memo: RenderMemo, records: Sequence[str], made: Made, context: str = "c") -> list[str]:
    """One build: each record's "page" got through the memo, a batch at a time."""
    memo.start("generation")

    def pages(part: Sequence[str]) -> Iterator[str]:
        for record in part:
            yield memo.get(("page", record, context), lambda r=record: made.append(r) or r.upper())

    built = list(memo.batch("records", records, context, pages))
    memo.finish()
    return built


def test_a_batch_of_unchanged_records_is_made_once() -> None:
    records = [f"r{n}" for n in range(BATCH * 2 + 5)]
    memo, made = RenderMemo(), []
    first = _build(memo, records, made)
    made.clear()

    again = _build(memo, records, made)

    assert again == first == [r.upper() for r in records]
    assert made == []


def test_a_changed_record_is_made_again_alone_save_after_save() -> None:
    records = [f"r{n}" for n in range(BATCH * 2)]
    memo, made = RenderMemo(), []
    _build(memo, records, made)
    _build(memo, records, made)  # every batch unchanged: their pages' entries ride along
    made.clear()

    records[3] = "edited"
    first_edit = _build(memo, records, made)
    records[7] = "edited-too"
    second_edit = _build(memo, records, made)

    assert made == ["edited", "edited-too"]
    assert first_edit[3] == "EDITED" and second_edit[7] == "EDITED-TOO"


def test_another_context_makes_every_page_again() -> None:
    records = ["a", "b", "c"]
    memo, made = RenderMemo(), []
    _build(memo, records, made)
    made.clear()

    _build(memo, records, made, context="other")

    assert made == records


def test_what_a_build_did_not_ask_for_is_forgotten() -> None:
    memo, made = RenderMemo(), []
    _build(memo, ["a", "b"], made)
    _build(memo, ["c"], made)
    made.clear()

    _build(memo, ["a", "b"], made)

    assert made == ["a", "b"]
