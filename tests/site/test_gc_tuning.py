"""The `peerkit` command runs with the cycle collector's thresholds for lasting objects
(`gc_tuning`), and leaves the caller's as they were."""

from __future__ import annotations

import gc

import pytest

from peerkit import cli
from peerkit.forked import Forked
from peerkit.gc_tuning import PYTHON_THRESHOLDS, THRESHOLDS, few_collections


def test_the_thresholds_hold_inside_and_are_put_back() -> None:
    before = gc.get_threshold()
    with few_collections():
        assert gc.get_threshold() == THRESHOLDS
    assert gc.get_threshold() == before


def test_a_command_runs_with_them(monkeypatch: pytest.MonkeyPatch) -> None:
    seen = []
    monkeypatch.setattr(cli, "_run_check", lambda args: seen.append(gc.get_threshold()) or 0)
    before = gc.get_threshold()
    assert cli.main(["check"]) == 0
    assert seen == [THRESHOLDS]
    assert gc.get_threshold() == before


def test_a_forked_child_goes_back_to_pythons_thresholds() -> None:
    """Its garbage piled up under the command's: 75-100 MB more at a large build's peak."""
    with few_collections():
        child = Forked(gc.get_threshold)
        assert child.result() == PYTHON_THRESHOLDS
        assert gc.get_threshold() == THRESHOLDS
