"""The organisations' reference pages say what the code does: every option, every header."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import yaml
from mkdocs.config import config_options as c

from peerkit.mkdocs_plugin.config import PeerkitConfig
from peerkit.render.headers import HEADERS

REPO = Path(__file__).resolve().parents[2]
_FENCE = re.compile(r"^```([a-z]*)\n(.*?)^```", re.MULTILINE | re.DOTALL)


def _plugin_option_names() -> list[str]:
    names = []
    for name, option in PeerkitConfig._schema:
        if isinstance(option, c.SubConfig) and name != "footer_links":
            names += [f"{name}.{sub}" for sub, _ in option.config_class._schema]
        else:
            names.append(name)
    return names


def test_every_plugin_option_is_in_the_one_configuration_table() -> None:
    table = (REPO / "docs" / "configuration.md").read_text("utf-8")
    rows = re.findall(r"^\| `([^`]+)` \| ([^|]+) \|", table, re.MULTILINE)
    documented = {name for name, where in rows if where.strip() == "peerkit plugin"}

    missing = [name for name in _plugin_option_names() if name not in documented]

    assert not missing, f"add a row to docs/configuration.md for: {', '.join(missing)}"
    assert {"colors.primary", "colors.accent", "footer_links", "exit_url"} <= documented


def test_every_header_the_site_sends_is_explained_on_the_deploy_page() -> None:
    page = (REPO / "docs" / "deploy.md").read_text("utf-8")

    for name, _ in (("Content-Security-Policy", ""), *HEADERS):
        assert f"| `{name}" in page, f"docs/deploy.md does not explain {name}"


def _headers_of(site: Path, rule: int = 0) -> dict[str, str]:
    """The headers of one rule of `_headers` (the first is every file's)."""
    lines = (site / "site" / "_headers").read_text("utf-8").split("\n\n")[rule].splitlines()
    return dict(line.strip().split(": ", 1) for line in lines if line.startswith("  "))


def test_the_deploy_page_turns_headers_into_nginx_and_apache_settings(
    new_site: Callable[..., Path],
) -> None:
    site = new_site()
    blocks = [
        body
        for kind, body in _FENCE.findall((REPO / "docs" / "deploy.md").read_text("utf-8"))
        if kind == "sh"
    ]
    script = 'peerkit() { "$GUIDE_BIN/peerkit" "$@"; }\n' + "\n".join(blocks)
    env = {**os.environ, "GUIDE_BIN": str(Path(sys.executable).parent), "NO_MKDOCS_2_WARNING": "1"}

    result = subprocess.run(
        ["bash", "-e", "-o", "pipefail", "-c", script],
        cwd=site,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )

    assert result.returncode == 0, result.stderr
    headers = _headers_of(site)
    assert headers["Referrer-Policy"] == "no-referrer"
    nginx = (site / "peerkit-headers.conf").read_text("utf-8").splitlines()
    assert nginx == [f'add_header {name} "{value}" always;' for name, value in headers.items()]
    apache = (site / "site" / ".htaccess").read_text("utf-8").splitlines()
    assert apache == [
        *(f'Header always set {name} "{value}"' for name, value in headers.items()),
        "ErrorDocument 404 /404.html",
    ]
    api = (site / "site" / "groups" / "hsds" / "api" / ".htaccess").read_text("utf-8")
    api_headers = _headers_of(site, rule=1)
    assert api.splitlines() == [
        f'ForceType "{api_headers["Content-Type"]}"',
        f'Header always set Access-Control-Allow-Origin "{api_headers["Access-Control-Allow-Origin"]}"',
    ]


def test_the_gitlab_example_publishes_public_and_checks_merge_requests() -> None:
    page = (REPO / "docs" / "deploy.md").read_text("utf-8")
    gitlab = yaml.safe_load(
        next(body for kind, body in _FENCE.findall(page) if kind == "yaml" and "pages:" in body)
    )

    assert gitlab["pages"]["artifacts"]["paths"] == ["public"]
    assert any("peerkit build --site-dir public" in line for line in gitlab["pages"]["script"])
    assert "peerkit check" in gitlab["check"]["script"]
    assert "merge_request_event" in gitlab["check"]["rules"][0]["if"]


def test_the_organisation_pages_are_in_the_reference_sites_menu() -> None:
    config = yaml.load((REPO / "mkdocs.yml").read_text("utf-8"), Loader=yaml.BaseLoader)
    sections = {
        next(iter(entry)): next(iter(entry.values()))
        for entry in config["nav"]
        if isinstance(entry, dict)
    }
    pages = [next(iter(p.values())) for p in sections["For organisations"]]

    assert pages[:3] == ["host-your-own-site.md", "configuration.md", "deploy.md"]
