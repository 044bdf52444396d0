"""Writing the built site so that a failure never leaves half a site.

MkDocs writes into its output folder as it goes; a failing build, a Ctrl-C or
a full disk would leave a broken site/. So we build into a fresh folder beside
site/ and swap it in only when the build has finished.
"""

from __future__ import annotations

import logging
import shutil
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import MkDocsException

log = logging.getLogger("mkdocs.peerkit")


def build_atomically(
    config: MkDocsConfig, site_dir: Path, publishable: Callable[[], bool] = lambda: True
) -> bool:
    """Build into a fresh folder, then swap it in for ``site_dir`` if the build worked
    and ``publishable()`` (checks that ran beside the build) agrees."""
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}-new-", dir=site_dir.parent))
    staging.chmod(0o755)
    config.site_dir = str(staging)
    try:
        build(config)
    except MkDocsException as exc:
        print(f"error: {exc}", file=sys.stderr)
        shutil.rmtree(staging, ignore_errors=True)
        return False
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    if not publishable():
        shutil.rmtree(staging, ignore_errors=True)
        return False
    _swap(staging, site_dir)
    print(f"Built the site in {site_dir}")
    return True


def _swap(new: Path, site_dir: Path) -> None:
    """Replace site_dir by new with two renames, so the window without a site is tiny."""
    if site_dir.exists():
        old = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}-old-", dir=site_dir.parent))
        site_dir.rename(old / "site")
        new.rename(site_dir)
        shutil.rmtree(old, ignore_errors=True)
    else:
        new.rename(site_dir)
