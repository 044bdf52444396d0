"""Under `peerkit serve`, compiled templates are kept from one environment to the next,
and a template edited meanwhile is compiled again."""

from __future__ import annotations

from pathlib import Path

import pytest
from jinja2 import Environment

from peerkit.render.templating import KeptTemplates, make_environment
from peerkit.translations import Words


@pytest.fixture
def compiles(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the templates Jinja compiles from source."""
    seen: list[str] = []
    real = Environment.compile

    def counting(self, source, name=None, filename=None, raw=False, defer_init=False):  # type: ignore[no-untyped-def]
        seen.append(name)
        return real(self, source, name, filename, raw, defer_init)

    monkeypatch.setattr(Environment, "compile", counting)
    return seen


def _render(overrides: Path, kept: KeptTemplates | None) -> str:
    env = make_environment((overrides,), Words("en"), compiled=kept)
    return env.get_template("note.html").render()


def test_a_template_is_compiled_once_until_it_is_edited(tmp_path: Path, compiles: list[str]):
    template = tmp_path / "note.html"
    template.write_text("First words.", "utf-8")
    kept = KeptTemplates()

    assert _render(tmp_path, kept) == "First words."
    assert _render(tmp_path, kept) == "First words."
    assert compiles.count("note.html") == 1

    template.write_text("Second words.", "utf-8")
    assert _render(tmp_path, kept) == "Second words."
    assert compiles.count("note.html") == 2


def test_without_a_cache_every_environment_compiles(tmp_path: Path, compiles: list[str]):
    (tmp_path / "note.html").write_text("Words.", "utf-8")
    _render(tmp_path, None)
    _render(tmp_path, None)
    assert compiles.count("note.html") == 2
