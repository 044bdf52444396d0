"""What `peerkit serve` keeps from one rebuild to the next, so that a save redoes little.

MkDocs makes a new config for every rebuild under `mkdocs serve`, and a
site built in several languages builds each in turn, so this state lives in the
plugin instance, which MkDocs keeps for the session, apart from any one build. It holds the render memo
(pages and exports made from unchanged records come back without rendering) and
every generated file as last added, with what it was made of. `peerkit serve`
builds with MkDocs' dirty mode, which writes only the files that say they are
modified: a generated file says so when what it is made of changed, or when something
every page shows changed (the theme, mkdocs.yml, docs/, the crisis lines).

An unchanged file is handed to MkDocs again as the same object, with the `Page`
MkDocs made for it last time: making 46,000 files and pages anew was a second
of every save at the large scale, and a dirty build neither reads nor renders
a page whose file is not modified.
"""

from __future__ import annotations

import gc
import re
from collections.abc import Hashable
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, InclusionLevel

from peerkit.render.memo import RenderMemo, files_state
from peerkit.render.templating import KeptTemplates


class ChangedFile(File):
    """A generated file that MkDocs' dirty build rewrites only if it changed."""

    changed = True

    def is_modified(self) -> bool:
        return self.changed

    @property
    def src_path(self) -> str:
        return File.src_path.fget(self)  # type: ignore[attr-defined,no-any-return]

    @src_path.setter
    def src_path(self, value: str) -> None:
        """As MkDocs' own, without `PurePath` for a path of plain names (every generated
        file's), which it would give back as it is: 0.6 s at 46,000 files."""
        if _PLAIN_PATH.fullmatch(value):
            self.src_uri = value
        else:
            File.src_path.fset(self, value)  # type: ignore[attr-defined]


_PLAIN_PATH = re.compile(r"(?:[\w~%-][\w.~%-]*/)*[\w~%-][\w.~%-]*")
"""Names with no empty, "." or ".." part, no backslash or drive: `PurePath` keeps them."""


_Kept = dict[tuple[str, str, InclusionLevel], tuple[object, ChangedFile]]
"""Generated files by folder, src_uri and inclusion, with what each was made of."""


class ServeState:
    def __init__(self) -> None:
        self.serving = False
        self.built = False
        self.memos: dict[str, RenderMemo] = {}
        self._files: dict[str, _Kept] = {}
        """Each language's build's files (see `start`)."""
        self._last: _Kept = {}
        self._now: _Kept = {}
        self._chrome: Hashable = None
        self._chrome_changed = True
        self._site_dir = ""
        """This build's site_dir: a config option's value is a lookup each time it is read."""
        self.theme_templates = KeptTemplates()
        """The theme's compiled templates (Material's and the package's)."""

    def memo(self, language: str) -> RenderMemo:
        """The render memo of one language's pages: a site built in several renders
        each in turn, and one memo for all would forget everything at each turn."""
        return self.memos.setdefault(language, RenderMemo())

    def first_build_done(self) -> None:
        """The first build under serve is done; the next ones rebuild.

        Its records, pages and files are kept for the whole session: millions of
        objects that Python's cycle collector would walk again at every save, for up
        to a second of it. They are set aside from it (`gc.freeze`); an object a save
        lets go of is still freed when nothing refers to it."""
        self.built = True
        gc.collect()
        gc.freeze()

    @property
    def chrome_changed(self) -> bool:
        """Whether something every page shows changed since the last build."""
        return self._chrome_changed

    @property
    def rebuilding(self) -> bool:
        """Serving, after the first build: skip what only the published site needs."""
        return self.serving and self.built

    def start(self, config: MkDocsConfig, shared: Hashable, theme: Path, build: str) -> None:
        """A build begins; ``shared`` is content that every page shows (crisis lines),
        ``theme`` the package's theme (Material's own does not change under serve),
        ``build`` the language built (a site in several is built once for each).
        Files of last time that this build does not add again are forgotten."""
        self._site_dir = config.site_dir
        self._last = self._files.get(build, {})
        self._now = self._files[build] = {}
        folders = [theme, Path(config.docs_dir), Path(config.config_file_path)]
        if config.theme.custom_dir:
            folders.append(Path(config.theme.custom_dir))
        chrome = (shared, files_state(folders))
        self._chrome_changed = chrome != self._chrome
        self._chrome = chrome
        if self._chrome_changed:
            self.theme_templates = KeptTemplates()

    def file(
        self,
        config: MkDocsConfig,
        src_uri: str,
        content: str | bytes,
        made_of: object,
        inclusion: InclusionLevel = InclusionLevel.UNDEFINED,
        folder: str = "",
        skippable: bool = False,
    ) -> File:
        """A generated file; under serve, one that knows whether it changed since last time.

        ``made_of`` is what the file is made from (a page, an export's bytes): the file
        changed if that is not equal to last time's. The render memo hands back the
        very objects of last time for unchanged records, so most compare at once.

        ``folder`` puts it under its language's folder ("es/") on a site built in
        several languages, its ``src_uri`` unchanged, as mkdocs-static-i18n does with
        the pages of docs/: the nav's ``stories/index.md`` then finds each language's.

        ``skippable``: a page `peerkit build` may take from its cache (`page_cache`),
        whose file then says it is not modified.
        """
        # MkDocs sets an undefined inclusion after on_files: the key has the one asked for.
        key = (folder, src_uri, inclusion)
        kept = self._last.get(key) if self.serving else None
        if (
            kept is not None
            and not self._chrome_changed
            and (kept[0] is made_of or kept[0] == made_of)
            and kept[1].dest_dir == self._site_dir
        ):
            kept[1].changed = False
            self._now[key] = kept
            return kept[1]
        kind = ChangedFile if self.serving or skippable else File
        file = kind.generated(config, src_uri, content=content, inclusion=inclusion)
        if folder:
            file.dest_uri = folder + file.dest_uri
        if isinstance(file, ChangedFile):
            self._now[key] = (made_of, file)
        return file
