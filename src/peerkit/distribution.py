"""Where this Peerkit came from, and the exact versions a new site's CI installs.

A site's workflows must install the Peerkit, MkDocs and Material that the
organisation tried on its own computer: a build in CI that picks newer ones can
differ from the preview. Peerkit is not on the package index yet, so a pin
such as `peerkit==0.1.0` alone cannot be installed by CI; the site names where
this copy of Peerkit came from (a release wheel's address or a git tag), read
from the record pip keeps of a direct install (PEP 610, `direct_url.json`), or
given to `peerkit init --peerkit-from`.
"""

from __future__ import annotations

import json
from importlib.metadata import PackageNotFoundError, distribution, version

from peerkit.engines import MKDOCS, PROPERDOCS, ZENSICAL

PINNED = ("mkdocs", "mkdocs-material")
"""The packages whose versions change the built pages, pinned beside Peerkit."""


def installed_version(name: str) -> str:
    """The installed version of ``name``; Peerkit's own dependencies are always there."""
    return version(name)


def peerkit_source() -> str | None:
    """The address this Peerkit was installed from, if CI can install from it too.

    A wheel downloaded from a release (`https://...whl`) or a git repository at a
    tag or commit can be; a file on this computer, an editable checkout or the
    package index (None: not a direct install) cannot or need not.
    """
    try:
        text = distribution("peerkit").read_text("direct_url.json")
    except PackageNotFoundError:
        return None
    if not text:
        return None
    record = json.loads(text)
    url = record.get("url", "")
    vcs = record.get("vcs_info")
    if vcs and vcs.get("vcs") == "git" and url.startswith("https://"):
        return f"git+{url}@{vcs['commit_id']}"
    if "archive_info" in record and url.startswith("https://"):
        return url
    return None


def requirement_lines(source: str | None) -> list[str]:
    """requirements.txt's lines: Peerkit from ``source`` (or by version), MkDocs and Material exact."""
    peerkit = installed_version("peerkit")
    first = f"peerkit @ {source}  # {peerkit}" if source else f"peerkit=={peerkit}"
    return [first, *(f"{name}=={installed_version(name)}" for name in PINNED), *_engine_lines()]


def _engine_lines() -> list[str]:
    """The engines this Peerkit supports and their versions, as comments: MkDocs is
    pinned above; ProperDocs and Zensical are an organisation's choice to add."""
    return [
        '# The engines this Peerkit is tested with (its docs: "When Material reaches end',
        f'# of life"): MkDocs {MKDOCS.requirement()}, pinned above. To build with',
        "# ProperDocs, the maintained fork of MkDocs 1.x, add the line",
        f"#   {PROPERDOCS.requirement()}",
        "# To build with Zensical (peerkit build --engine zensical; Python 3.11 or later):",
        f"#   {ZENSICAL.requirement()}",
    ]
