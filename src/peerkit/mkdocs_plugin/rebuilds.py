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
        self.memos: dict[str, RenderMemo] = {}
        self._digests: dict[str, bytes] = {}
        self._chrome: Hashable = None
        self._chrome_changed = True

    def memo(self, language: str) -> RenderMemo:
        """The render memo of one language's pages: a site built in several renders
        each in turn, and one memo for all would forget everything at each turn."""
        return self.memos.setdefault(language, RenderMemo())

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
        folder: str = "",
    ) -> File:
        """A generated file; under serve, one that knows whether it changed since last time.

        ``folder`` puts it under its language's folder ("es/") on a site built in
        several languages, its ``src_uri`` unchanged, as mkdocs-static-i18n does with
        the pages of docs/: the nav's ``stories/index.md`` then finds each language's.
        """
        kind = ChangedFile if self.serving else File
        file = kind.generated(config, src_uri, content=content, inclusion=inclusion)
        if folder:
            file.dest_uri = folder + file.dest_uri
        if not isinstance(file, ChangedFile):
            return file
        raw = digest_of.encode("utf-8") if isinstance(digest_of, str) else digest_of
        digest = hashlib.blake2b(raw, digest_size=16).digest()
        # By destination: each language's page of one src_uri is a file of its own.
        file.changed = self._chrome_changed or self._digests.get(file.dest_uri) != digest
        self._digests[file.dest_uri] = digest
        return file


SERVE = ServeState()
"""The one state of this process: `mkdocs serve` runs one site."""
