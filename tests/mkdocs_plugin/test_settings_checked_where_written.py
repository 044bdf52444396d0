"""A setting that cannot work is one error at its line in mkdocs.yml, whichever way
the site is built, and never an error at every file that would have used it."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.commands import run_mkdocs_build, run_peerkit
from tests.conftest import SiteBuilder

CASES = [
    pytest.param({"timezone": "Europe/Lodnon"}, {}, "timezone:", "Europe/London", id="timezone"),
    pytest.param({"country": "UK"}, {}, "country:", "did you mean GB", id="country"),
    pytest.param({}, {"logo": "assets/our-logo.png"}, "logo:", "assets/our-logo.png", id="logo"),
]


def _site(make_site: SiteBuilder, options: dict[str, str], theme: dict[str, str]) -> Path:
    for number in range(3):
        make_site.group(f"group-{number}")
    return make_site.configure(options or None, theme)


def _error_lines(output: str) -> list[str]:
    return [line for line in output.splitlines() if ": error: " in line]


@pytest.mark.parametrize(("options", "theme", "key", "hint"), CASES)
def test_peerkit_build_gives_one_error_at_the_settings_line(
    make_site: SiteBuilder, options: dict[str, str], theme: dict[str, str], key: str, hint: str
) -> None:
    config = _site(make_site, options, theme)
    line = SiteBuilder.line_of(config, key)

    result = run_peerkit(make_site.root, "build")

    assert result.returncode == 1
    errors = _error_lines(result.stdout + result.stderr)
    assert len(errors) == 1, result.stdout + result.stderr
    assert errors[0].startswith(f"mkdocs.yml:{line}:1: error: ") and hint in errors[0]
    assert not (make_site.root / "site").exists()


@pytest.mark.parametrize(("options", "theme", "key", "hint"), CASES)
def test_mkdocs_build_gives_the_same_one_error(
    make_site: SiteBuilder, options: dict[str, str], theme: dict[str, str], key: str, hint: str
) -> None:
    config = _site(make_site, options, theme)
    line = SiteBuilder.line_of(config, key)

    result = run_mkdocs_build(make_site.root, make_site.root / "out")

    assert result.returncode == 1
    errors = _error_lines(result.stdout + result.stderr)
    assert len(errors) == 1, result.stdout + result.stderr
    assert f"mkdocs.yml:{line}:" in errors[0] and hint in errors[0]


def test_peerkit_check_names_the_setting_and_no_content_file(make_site: SiteBuilder) -> None:
    _site(make_site, {"timezone": "Europe/Lodnon"}, {})

    result = run_peerkit(make_site.root, "check")

    assert result.returncode == 1
    assert [line.split(":")[0] for line in _error_lines(result.stdout)] == ["mkdocs.yml"]


def test_a_logo_that_exists_and_a_known_zone_and_country_pass(make_site: SiteBuilder) -> None:
    _site(make_site, {"timezone": "America/New_York", "country": "US"}, {"logo": "logo.png"})
    (make_site.root / "docs" / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n")

    result = run_peerkit(make_site.root, "check")

    assert result.returncode == 0, result.stdout + result.stderr
    assert "mkdocs.yml" not in result.stdout + result.stderr
