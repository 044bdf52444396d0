"""What `peerkit serve` keeps from one rebuild to the next, so that a save redoes little.

MkDocs makes a new config, and new plugin instances, for every rebuild under
`mkdocs serve`, so this state lives in the process. It holds the render memo
(pages and exports made from unchanged records come back without rendering) and
a digest of every generated file as last written. `peerkit serve` builds with
MkDocs' dirty mode, which writes only the files that say they are modified: a
generated file says so when its digest changed, or when something every page
shows changed (the theme, mkdocs.yml, docs/, the crisis lines).
"""

from __future__ import annotations

import hashlib
from collections.abc import Hashable
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, InclusionLevel

from peerkit.render.memo import RenderMemo, files_state


class ChangedFile(File):
    """A generated file that MkDocs' dirty build rewrites only if it changed."""

    changed = True

    def is_modified(self) -> bool:
        return self.changed


class ServeState:
    def __init__(self) -> None:
        self.serving = False
        self.built = False
        self.memo = RenderMemo()
        self._digests: dict[str, bytes] = {}
        self._chrome: Hashable = None
        self._chrome_changed = True

    @property
    def rebuilding(self) -> bool:
        """Serving, after the first build: skip what only the published site needs."""
        return self.serving and self.built

    def start(self, config: MkDocsConfig, shared: Hashable, theme: Path) -> None:
        """A build begins; ``shared`` is content that every page shows (crisis lines),
        ``theme`` the package's theme (Material's own does not change under serve)."""
        folders = [theme, Path(config.docs_dir), Path(config.config_file_path)]
        if config.theme.custom_dir:
            folders.append(Path(config.theme.custom_dir))
        chrome = (shared, files_state(folders))
        self._chrome_changed = chrome != self._chrome
        self._chrome = chrome

    def file(
        self,
        config: MkDocsConfig,
        src_uri: str,
        content: str | bytes,
        digest_of: str | bytes,
        inclusion: InclusionLevel = InclusionLevel.UNDEFINED,
    ) -> File:
        """A generated file; under serve, one that knows whether it changed since last time."""
        if not self.serving:
            return File.generated(config, src_uri, content=content, inclusion=inclusion)
        file = ChangedFile.generated(config, src_uri, content=content, inclusion=inclusion)
        raw = digest_of.encode("utf-8") if isinstance(digest_of, str) else digest_of
        digest = hashlib.blake2b(raw, digest_size=16).digest()
        file.changed = self._chrome_changed or self._digests.get(src_uri) != digest
        self._digests[src_uri] = digest
        return file


SERVE = ServeState()
"""The one state of this process: `mkdocs serve` runs one site."""
