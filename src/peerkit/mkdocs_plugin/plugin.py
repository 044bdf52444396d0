"""The MkDocs adapter: hands the core's pages and files to MkDocs.

It loads and checks content (stopping the build on errors), adds the rendered
pages as generated files (nothing is written into docs/), puts the package's
theme between the site's overrides/ and Material, gives templates the crisis
lines and exit settings, writes `_headers` (the Content-Security-Policy) after
the build, and watches content/ under ``mkdocs serve``. With mkdocs-static-i18n,
it renders the pages once per language, and writes what the whole site shares
once (`languages` says how).
"""

from __future__ import annotations

import hashlib
import html
import logging
import threading
from dataclasses import replace
from pathlib import Path
from typing import Any

from jinja2 import Environment, TemplateError
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from watchdog.observers.api import BaseObserver

from peerkit import day
from peerkit.branding import Colour, stylesheet
from peerkit.guides import GUIDES, guide_text
from peerkit.hard_links import files_below
from peerkit.load.diagnostics import Severity
from peerkit.mkdocs_plugin import languages, visitor_search
from peerkit.mkdocs_plugin.background_files import BackgroundFiles, BackgroundFilesError
from peerkit.mkdocs_plugin.config import PeerkitConfig
from peerkit.mkdocs_plugin.generated_pages import MarkdownFreePage, one_build_date
from peerkit.mkdocs_plugin.kept_exports import FOLDER as EXPORTS
from peerkit.mkdocs_plugin.kept_exports import KeptExports
from peerkit.mkdocs_plugin.page_cache import PageCache, cache_usable, plugins_known
from peerkit.mkdocs_plugin.page_shells import PageShells
from peerkit.mkdocs_plugin.rebuilds import ServeState
from peerkit.mkdocs_plugin.settings import setting_problems, settings_from_mkdocs, site_folders
from peerkit.mkdocs_plugin.shared_blocks import SharedBlocks, mark_shared
from peerkit.mkdocs_plugin.theme_data import theme_data
from peerkit.mkdocs_plugin.watching import ChangeJournal, EventsAndPolling
from peerkit.model.record_keys import RecordKeys
from peerkit.model.settings import Settings
from peerkit.model.site import Site
from peerkit.project import Project
from peerkit.render import urls
from peerkit.render.exports.report import exports_report
from peerkit.render.first_paint import FIRST_PAINT_CSS
from peerkit.render.headers import HEADERS_PATH, SiteScripts
from peerkit.render.languages import records_in
from peerkit.render.page import GeneratedFile, GeneratedPage
from peerkit.render.page_facts import PageFacts
from peerkit.render.site import render_site, site_pages, story_files
from peerkit.render.templating import describe_template_error
from peerkit.search import pagefind
from peerkit.search.index_order import IndexOrder
from peerkit.standing_site import StandingSite

THEME_DIR = Path(__file__).resolve().parent.parent / "theme"
COLORS_CSS = "assets/peerkit/colors.css"
log = logging.getLogger("mkdocs.plugins.peerkit")
cache_log = logging.getLogger("mkdocs.plugins.peerkit.cache")
"""How many pages `peerkit build` took from its cache, which its output shows."""
exports_log = logging.getLogger("mkdocs.plugins.peerkit.exports")
"""What the exports leave out: `peerkit build` shows it, as it hides `log`'s echo of
the content diagnostics it has printed itself."""


class PeerkitPlugin(BasePlugin[PeerkitConfig]):
    def __init__(self) -> None:
        self.site: Site | None = None
        self.pages: dict[str, GeneratedPage] = {}
        self.preloaded: Site | None = None
        """Content that `peerkit build` has already loaded, checked and reported."""
        self.record_keys: RecordKeys | None = None
        """The preloaded records' keys, by the files they came from (`record_keys`)."""
        self.project: Project | None = None
        """The core's object for this site: handed over by the `peerkit` command that
        opened the site (and reported its settings), or made at the first build."""
        self.serve = ServeState()
        """What `serve` keeps from one rebuild to the next: MkDocs keeps this plugin
        instance for the whole session, since the plugin has `on_startup`."""
        self.dirty = False
        """Whether MkDocs was asked for dirty builds (`peerkit serve` is)."""
        self.content_changes: ChangeJournal | None = None
        """Under serve: the content files the system's events say changed (`watching`)."""
        self.docs_pages: frozenset[str] = frozenset()
        """The src_uris of docs/' own files, which no generated file may take."""
        self.page_cache: PageCache | None = None
        """Pages kept from the last `peerkit build` (`page_cache`), for the next build only."""
        self.standing: StandingSite | None = None
        """site/ as the last `peerkit build` left it (`standing_site`): told which files
        this build keeps, and kept files it holds stay where they are."""
        self.facts: PageFacts | None = None
        """The generated pages' facts kept with the page cache (`page_facts`)."""
        self.theme_globals: dict[str, Any] | None = None
        """What Peerkit's templates are given, for the language being built."""
        self.other_html: list[str] | None = None
        """The HTML files MkDocs writes besides its pages, where they are known."""
        self.shells: PageShells | None = None
        """This build's shells of the theme, if its pages are stamped (`page_shells`)."""
        self._start_build()
        self.builds = languages.LanguageBuilds()
        self.not_found = languages.NotFoundPages()

    def _start_build(self) -> None:
        self.scripts = SiteScripts()
        self.searchable: set[str] = set()
        """The pages whose content is marked for Pagefind, as paths in the built site."""
        self.indexer: pagefind.Indexer | None = None
        self.index_order: IndexOrder | None = None
        self.sets_content_aside = False
        """Whether a page's content is set aside while other plugins' on_page_context
        run (`_set_content_aside`); ``content_aside`` holds it meanwhile."""
        self.content_aside: str | None = None
        self.other_html = None
        self.last_searchable: str | None = None
        self.background: BackgroundFiles | None = None

    def content_dir(self, config: MkDocsConfig) -> Path:
        return site_folders(config, self.config)[1]

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        if self.builds.nested:
            # Another language's build (mkdocs-static-i18n): the same content, already
            # loaded and reported; the theme and options are set up on the same config,
            # and the first build's state holds for the whole run.
            return config
        problem = languages.untranslated(languages.site_languages(config))
        if problem:
            raise PluginError(problem)
        # MkDocs keeps one plugin instance for every build of a process (each save
        # under `mkdocs serve`, tests): a build's state starts here, not in __init__.
        self._start_build()
        settings = settings_from_mkdocs(config, self.config)
        if self.project is None or not self.project.is_for(
            *site_folders(config, self.config), settings
        ):
            self.project = self._open(config, settings)
        self.site = self.preloaded or self._load()
        self.preloaded = None
        self.settings = settings
        dirs = config.theme.dirs
        dirs.insert(1 if config.theme.custom_dir else 0, str(THEME_DIR))
        self._use_brand_colours(config)
        if self.serve.serving and self.dirty:
            languages.build_others_dirty(config)
        if self.config.search == "pagefind":
            self._use_pagefind(config)
        if self.page_cache is not None and not cache_usable(
            config, len(settings.languages), self.config.search
        ):
            cache_log.info(
                "peerkit: every page built: the build's cache needs a site in one language,"
                " search: pagefind, and no plugins but search and peerkit"
            )
            self.page_cache = None
        return config

    def _open(self, config: MkDocsConfig, settings: Settings) -> Project:
        """The site's `Project`, once its settings are known to work (`mkdocs build`
        and `mkdocs serve`; the `peerkit` commands open the site themselves)."""
        problems = setting_problems(config, self.config)
        errors = [d for d in problems if d.severity is Severity.ERROR]
        if errors:
            raise PluginError("peerkit:\n" + "\n".join(d.format() for d in errors))
        for problem in problems:
            # A warning here (no site_url on a local preview) must not stop a strict
            # build, as MkDocs' own warnings would: `peerkit check` reports it.
            log.info(problem.format())
        root, content = site_folders(config, self.config)
        if self.project is not None and self.project.has_folders(root, content):
            # Other settings for the same site (the preview's address): the files and
            # scans the project remembers hold, and the next save needs them.
            return self.project.with_settings(settings)
        return Project(root, content, settings, session=self.serve.serving)

    def _load(self) -> Site:
        assert self.project is not None
        changed = self.content_changes.take() if self.content_changes else None
        try:
            site, diagnostics = self.project.check(day.today(), changed)
        except BaseException:
            if self.content_changes is not None:
                # The changes taken were not loaded: the next load looks at every file.
                self.content_changes.missed()
            raise
        errors = [d for d in diagnostics if d.severity is Severity.ERROR]
        if errors:
            raise PluginError(
                f"peerkit: {len(errors)} error(s) in content:\n"
                + "\n".join(d.format() for d in errors)
            )
        for diagnostic in diagnostics:
            # Content warnings (a stale listing) are for editors, not build failures:
            # `peerkit check --strict` is where they can fail a run.
            log.info(diagnostic.format())
        return site

    def _use_pagefind(self, config: MkDocsConfig) -> None:
        """Pagefind answers Material's own search box, so Material's search plugin stays."""
        if "material/search" not in config.plugins:
            raise PluginError(
                "peerkit: search: pagefind answers Material's search box, which needs"
                " Material's search plugin: keep '- search' in plugins"
            )
        try:
            pagefind.check_installed()
        except pagefind.PagefindError as exc:
            raise PluginError(f"peerkit: {exc}") from None

    def _use_brand_colours(self, config: MkDocsConfig) -> None:
        """With `colors`, every palette uses Material's `custom` colours, defined by a
        stylesheet the plugin writes; it comes first in extra_css, so the site's own wins."""
        colors = self.config.colors
        if colors.primary is None and colors.accent is None:
            return
        palette = config.theme.get("palette") or {}
        for scheme in palette if isinstance(palette, list) else [palette]:
            if colors.primary is not None:
                scheme["primary"] = "custom"
            if colors.accent is not None:
                scheme["accent"] = "custom"
        config.theme["palette"] = palette
        if COLORS_CSS not in config.extra_css:
            config.extra_css.insert(0, COLORS_CSS)

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.serve.serving = command == "serve"
        self.dirty = dirty

    @event_priority(languages.AFTER_I18N)
    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        assert self.site is not None
        # Read again: with mkdocs-static-i18n, each build has its language.
        self.settings = settings_from_mkdocs(config, self.config)
        if self.serve.serving:
            self.settings = replace(self.settings, drafts_shown=True)
        nested = self.builds.nested
        self.builds.start(self.settings.language)
        self.theme_globals = None  # each language's own words
        folder = self.settings.language_folder
        memo = self.serve.memo(self.settings.language) if self.serve.serving else None
        site, settings, today = self.site, self.settings, day.today()
        # Another language's build has only its feed and finder data: MkDocs writes
        # them, as under serve, and the first build's process and files stay its own.
        in_background = not self.serve.serving and not nested
        if not folder and not self.serve.rebuilding:
            # The exports are made by the default language's build; what they leave
            # out is said once a run, not at every save under `serve`.
            for line in exports_report(records_in(site.published(), settings).groups):
                exports_log.info(f"peerkit: {line}")
        if self.config.search == "pagefind" and not nested and not self.serve.rebuilding:
            kept = self.page_cache.folder / "pagefind" if self.page_cache else None
            self.indexer = pagefind.Indexer(Path(config.site_dir), kept, self._standing_root())
        try:
            if in_background:
                # The exports are written by a forked process while this one renders the
                # pages (`peerkit.forked`), from the start: they take as long as the
                # pages do. One fork, not one for the stories' Markdown as well: a third
                # copy of the records cost more memory than the time it saved.
                # The directory's files come from the last `peerkit build` when the
                # records they are made from are the same (`kept_exports`).
                cache = self.page_cache.folder / EXPORTS if self.page_cache else None
                exports = KeptExports(
                    site, settings, cache, self.record_keys, self._standing_root()
                )
                self.background = BackgroundFiles(
                    lambda: story_files(site, settings),
                    Path(config.site_dir),
                    exports.placing(),
                    exports.place,
                )
                self.background.start()
                if self.page_cache is not None:
                    self.facts = PageFacts(self.page_cache.folder, settings, self.record_keys)
                pages = site_pages(site, settings, today, facts=self.facts)
                extras: tuple[GeneratedFile, ...] = ()
            else:
                rendered = render_site(site, settings, today, memo)
                pages, extras = rendered.pages, rendered.files
        except TemplateError as exc:
            raise PluginError(f"peerkit: {describe_template_error(exc)}") from None
        if self.indexer is not None:
            # MkDocs builds pages in this order: the ones for the index first, so that
            # the indexer runs beside the build of the others (a group's, mostly).
            pages = tuple(sorted(pages, key=lambda page: page.on_a_list))
        self.docs_pages = frozenset(f.src_uri for f in files if not f.generated_by)
        self.serve.start(config, self.site.crisis, THEME_DIR, self.settings.language)
        if self.serve.rebuilding and not self.serve.chrome_changed:
            # 404.html and sitemap.xml stand from the last build: the first is the
            # same, and a preview's sitemap is read by nobody. Rendering them is
            # compiling Material's templates and listing every page, each save.
            config.theme.static_templates -= {"404.html", "sitemap.xml"}
        self.pages = {}
        added = []
        named = _named_in_nav(config.nav)
        # A save under serve hands MkDocs only the generated files that changed: the
        # others are in the preview's folder already, and nothing of this build reads
        # them (pages MkDocs does not render, no sitemap), where every plugin's effect
        # is known. MkDocs walks its files a dozen times a build: at 46,000 files that
        # was half a second of every save.
        only_changed = (
            self.serve.rebuilding
            and not self.serve.chrome_changed
            and plugins_known(config, len(self.settings.languages))
        )
        with one_build_date():
            for page in pages:
                # Generated pages are reached from section index pages, not the nav.
                file = self.serve.file(
                    config,
                    page.src_uri,
                    "",
                    page,
                    InclusionLevel.NOT_IN_NAV,
                    folder=folder,
                    skippable=self.page_cache is not None,
                )
                self.pages[page.src_uri] = page
                if only_changed and not file.is_modified() and page.src_uri not in named:
                    continue
                self._add(files, file)
                added.append(file)
                if file.page is None and page.src_uri not in named:
                    # Made here, MkDocs makes no `Page` of its own for it only for this one
                    # to replace (`on_nav`): a second each at 26,000 pages.
                    MarkdownFreePage(None, file, config)
        languages.list_in_sitemap(config, added, self.settings.language)
        for extra in extras:
            file = self.serve.file(config, extra.path, extra.content, extra.content)
            if not only_changed or file.is_modified():
                self._add(files, file)
        colors = self.config.colors
        if colors.primary is not None or colors.accent is not None:
            css = stylesheet(
                Colour.from_hex(colors.primary) if colors.primary else None,
                Colour.from_hex(colors.accent) if colors.accent else None,
            )
            self._add(files, File.generated(config, COLORS_CSS, content=css))
        if not folder:
            # The contributor guides from this Peerkit; a page of the same name in
            # docs/ is the organisation's own and replaces Peerkit's.
            for guide in GUIDES:
                if guide.name not in self.docs_pages:
                    self._add(files, File.generated(config, guide.name, content=guide_text(guide)))
        return files

    def _add(self, files: Files, file: File) -> None:
        self._refuse_clash(file.src_uri)
        files.append(file)

    def _refuse_clash(self, path: str) -> None:
        if path in self.docs_pages:
            raise PluginError(
                f"docs/{path} has the same address as a page Peerkit generates; rename or remove it"
            )

    def _finish_background_files(self) -> None:
        if self.background is None:
            return
        try:
            written = self.background.finish()
        except BackgroundFilesError as exc:
            raise PluginError(f"peerkit: writing the site's exports failed: {exc}") from None
        finally:
            self.background = None
        for path in written:
            self._refuse_clash(path)
        if self.standing is not None:
            self.standing.keep(written)

    def _standing_root(self) -> str | None:
        """site/, where the kept files it holds stay, if the cache is used."""
        if self.standing is None or self.page_cache is None:
            return None
        return self.standing.root

    def on_nav(self, nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
        in_nav = {id(page) for page in nav.pages}
        with one_build_date():
            for file in files.documentation_pages():
                page = file.page
                if (
                    file.src_uri in self.pages
                    and type(page) is Page
                    and page.markdown is None
                    and id(page) not in in_nav
                ):
                    # A page the nav does not name, just made by MkDocs and not yet read
                    # (under serve, an unchanged page keeps last build's): ours skips
                    # MkDocs' Markdown conversion (`generated_pages`). MkDocs holds such
                    # a page only through its file.
                    MarkdownFreePage(None, file, config)
        if self.page_cache is not None:
            self._keep_pages(config, files, nav)
        return nav

    def _keep_pages(self, config: MkDocsConfig, files: Files, nav: Navigation) -> None:
        """Take the pages unchanged since the last build from the cache (`page_cache`):
        MkDocs reads and renders none of them."""
        assert self.page_cache is not None and self.site is not None
        custom = [Path(config.theme.custom_dir)] if config.theme.custom_dir else []
        theme = (custom, self._theme_globals(config, files), day.today())
        kept = self.page_cache.choose(config, files, nav, self.pages, theme)
        self.page_cache.place(Path(config.site_dir), self._standing_root())
        if self.standing is not None:
            self.standing.keep(kept)
        for dest_uri, page in kept.items():
            self.scripts.add_known(dest_uri, page.script_hashes, page.content_script)
            if page.searchable:
                self.searchable.add(dest_uri)
                if self.indexer is not None:
                    self.indexer.digests[dest_uri] = bytes.fromhex(page.digest)
        for file in files.documentation_pages():
            if file.dest_uri in kept:
                # Its HTML is on disk already: the page's facts are all it needed.
                self.pages.pop(file.src_uri, None)
        cache_log.info(f"peerkit: {len(kept)} pages unchanged since the last build, from the cache")

    def _theme_globals(self, config: MkDocsConfig, files: Files) -> dict[str, Any]:
        """What Peerkit's templates are given (`theme_data`): once a build."""
        assert self.site is not None
        if self.theme_globals is None:
            self.theme_globals = theme_data(
                self.site.crisis,
                self.config,
                self.settings.language,
                visitor_search.tracks_url(files),
            )
        return self.theme_globals

    def on_build_error(self, error: Exception) -> None:
        self.builds.abandon()
        self.page_cache = None
        self.facts = None
        if self.indexer is not None:
            self.indexer.cancel()
            self.indexer = None
        if self.background is not None:
            self.background.cancel()
            self.background = None

    def on_page_markdown(self, markdown: str, page: Page, **kwargs: Any) -> str:
        visitor_search.visitors_may_find(page)
        if self.config.search == "pagefind":
            # Material's index would hold every word of every page and be downloaded
            # by every visitor; with Pagefind, it stays an empty stub.
            page.meta["search"] = {"exclude": True}
        generated = self.pages.get(page.file.src_uri)
        if generated is None:
            return markdown
        # Material puts page.meta values into the page unescaped; ours come from strangers.
        page.meta["title"] = html.escape(generated.title)
        if generated.description:
            page.meta["description"] = html.escape(generated.description)
        if generated.jsonld:
            page.meta["peerkit_jsonld"] = generated.jsonld
        if generated.directory:
            page.meta["peerkit_directory"] = True
        if generated.url == urls.GROUPS:
            page.meta["peerkit_first_paint_css"] = FIRST_PAINT_CSS
        if generated.next_meetings:
            page.meta["peerkit_next_meetings"] = True
        if generated.feeds:
            page.meta["peerkit_feeds"] = [
                {"href": feed.path, "title": html.escape(feed.title)} for feed in generated.feeds
            ]
        return ""

    def on_page_content(self, html_text: str, page: Page, **kwargs: Any) -> str:
        generated = self.pages.get(page.file.src_uri)
        content = html_text if generated is None else generated.body()
        if (
            self.config.search == "pagefind"
            and not (generated and generated.on_a_list)
            and visitor_search.visitors_may_find(page)
        ):
            self.searchable.add(page.file.dest_uri)
            # Only the page's own content is indexed: not the crisis lines, exit links,
            # navigation or footer that every page repeats. A group's page is left out
            # (its region's list holds its name, town and times): the indexer needs
            # some 70 KB of memory a page, 1.4 GB for a directory of 20,000 groups.
            return f"<div {pagefind.BODY_ATTRIBUTE}>\n{content}\n</div>"
        return content

    @event_priority(100)
    def _set_content_aside(
        self, context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Any
    ) -> dict[str, Any]:
        """With Pagefind, Material's search plugin indexes no page (`on_page_markdown`),
        but still strips its attributes from every page's content with a regular
        expression: 1.5 s of a large build. Where every plugin is known, the content
        is set aside while the others' hooks run, and put back after them."""
        if self.sets_content_aside:
            self.content_aside, page.content = page.content, ""
        return context

    @event_priority(-100)
    def _page_context(
        self, context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Any
    ) -> dict[str, Any]:
        if self.sets_content_aside:
            page.content, self.content_aside = self.content_aside, None
        generated = self.pages.get(page.file.src_uri)
        if generated is not None:
            languages.point_switcher(config, generated.url, self.settings.languages)
            if page not in nav.pages:
                mark_shared(page)
        return context

    on_page_context = CombinedEvent(_set_content_aside, _page_context)

    def on_template_context(
        self, context: dict[str, Any], template_name: str, config: MkDocsConfig
    ) -> dict[str, Any]:
        if template_name == languages.NOT_FOUND:
            languages.reset_switcher(config)
        return context

    def on_post_template(self, output: str, template_name: str, config: MkDocsConfig) -> str:
        if template_name != languages.NOT_FOUND:
            return output
        return self.not_found.output(output, self.settings.language_folder, config.site_dir)

    def on_env(self, env: Environment, config: MkDocsConfig, files: Files) -> Environment:
        assert self.site is not None
        env.globals["peerkit_shared"] = SharedBlocks()
        if self.serve.serving:
            env.bytecode_cache = self.serve.theme_templates
        env.globals["peerkit"] = self._theme_globals(config, files)
        known = plugins_known(config, len(self.settings.languages))
        if known:
            # Only Peerkit and search write files: the site's HTML files that are not
            # its pages are known, and 66,000 files need not be walked to find them.
            self.other_html = sorted(_other_html(config, files))
        self.sets_content_aside = known and self.config.search == "pagefind"
        # Every page asks for its template; checking each file's time at every page
        # is for a long-lived environment, and MkDocs makes one for each build.
        env.auto_reload = False
        if self.indexer is not None:
            # The index is made in parts of the pages in the order a cold build writes
            # them, kept pages among them, so that its parts are a cold build's.
            order = [
                f.dest_uri for f in files.documentation_pages() if f.dest_uri in self.searchable
            ]
            # On a site in several languages, each language's build hands its pages to
            # the one index in turn: its last part waits for the last language's.
            one_language = len(self.settings.languages) <= 1
            self.index_order = IndexOrder(
                order, self.indexer.written, self.indexer.all_written if one_language else None
            )
            if self.page_cache is not None:
                self.index_order.on_disk(self.page_cache.kept_pages())
        if known:
            self._stamp_pages(env, files)
        return env

    def _stamp_pages(self, env: Environment, files: Files) -> None:
        """Let the generated pages be stamped from shells of the theme (`page_shells`):
        only on a site whose every plugin is known, as for the page cache."""
        shells = self.shells = PageShells()
        shells.install(env)
        for file in files.documentation_pages():
            page = file.page
            if page is not None and file.src_uri in self.pages and file.is_modified():
                shells.mark(page)

    def on_post_page(self, output: str, page: Page, config: MkDocsConfig) -> str:
        dest = page.file.dest_uri
        if not self.serve.rebuilding:
            theme = self.shells.theme_scripts(dest) if self.shells else None
            hashes, content_script = self.scripts.add(dest, output, page.content, theme)
            if self.page_cache is not None:
                self._keep_made(dest, output, hashes, content_script)
        if self.indexer is not None:
            self.indexer.poll()
        if self.index_order is not None:
            # MkDocs writes a page after this hook: the one before it is on disk.
            if self.last_searchable is not None:
                self.index_order.on_disk([self.last_searchable])
            self.last_searchable = dest if dest in self.searchable else None
        if self.serve.serving and page.file.src_uri in self.pages:
            # An unchanged page is handed to the next build with its file (`rebuilds`):
            # its HTML is kept once, by the render memo, not also here.
            page.content = None
        elif self.pages.pop(page.file.src_uri, None) is not None:
            # Nothing reads a generated page's HTML once MkDocs has its output: let it go
            # as the build goes, not all at its end (200 MB at 26,000 pages).
            page.content = None
        return output

    def _keep_made(self, dest: str, output: str, hashes: tuple[str, ...], script: bool) -> None:
        """A rendered page for the cache, with the SHA-256 of its bytes as MkDocs writes
        them, which the search index's part keys take too: its bytes need not be read
        back (only Peerkit and search, which write no page, run where the cache does)."""
        assert self.page_cache is not None
        digest = hashlib.sha256(output.encode("utf-8", errors="xmlcharrefreplace")).digest()
        searchable = dest in self.searchable
        if searchable and self.indexer is not None:
            self.indexer.digests[dest] = digest
        self.page_cache.made(dest, digest.hex(), hashes, script, searchable)

    @event_priority(languages.AFTER_I18N)
    def on_post_build(self, config: MkDocsConfig) -> None:
        """Writes `_headers`, whose Content-Security-Policy needs the built pages' inline
        scripts: once, after every language's pages (see `languages`)."""
        if not self.builds.finish():
            return
        if self.serve.rebuilding:
            # The preview server reads neither `_headers` nor a fresh search index, and
            # redoing them reads every page: a save would wait for the whole site.
            return
        self._finish_background_files()
        site_dir = Path(config.site_dir)
        # Pages MkDocs did not render through on_post_page (404.html, HTML files copied
        # from docs/) are read back from the built site.
        for rel in self.other_html if self.other_html is not None else _html_files(site_dir):
            if rel not in self.scripts.paths and (site_dir / rel).is_file():
                self.scripts.add(rel, (site_dir / rel).read_text("utf-8"))
        headers = self.scripts.headers_file(webassembly=self.config.search == "pagefind")
        for path in headers.pages_with_content_scripts:
            log.warning(
                f"{path}: an inline script in the page's content will not run under the"
                " site's Content-Security-Policy; put it in a file listed in extra_javascript"
            )
        (site_dir / HEADERS_PATH).write_text(headers.text, encoding="utf-8")
        if self.indexer is not None:
            if self.index_order is not None:
                self.index_order.finish()
            indexer, self.indexer = self.indexer, None
            try:
                indexer.finish()
            except pagefind.PagefindError as exc:
                raise PluginError(f"peerkit: {exc}") from None
            if self.standing is not None:
                self.standing.keep(indexer.kept_files)
            if indexer.kept is not None:
                cache_log.info(
                    f"peerkit: {indexer.reused} of {len(indexer.parts)} parts of the search"
                    " index unchanged since the last build, from the cache"
                )
        if self.shells is not None:
            cache_log.info(f"peerkit: {self.shells.report()}")
            self.shells = None
        if self.page_cache is not None:
            self.page_cache.save(site_dir)
            self.page_cache = None
        if self.facts is not None:
            self.facts.save()
            self.facts = None
        if self.serve.serving:
            self.serve.first_build_done()

    def on_serve(
        self, server: LiveReloadServer, config: MkDocsConfig, builder: Any
    ) -> LiveReloadServer:
        observer = getattr(server, "observer", None)
        if isinstance(observer, BaseObserver):
            # content/ is tens of thousands of files on a large site: see `watching`.
            observer = server.observer = EventsAndPolling(observer)  # type: ignore[assignment]
        content = str(self.content_dir(config))
        server.watch(content)
        if isinstance(observer, EventsAndPolling):
            self.content_changes = observer.journal(content)
        if self.content_changes is not None and self.project is not None:
            # What changed while the first build ran, before the events were heard:
            # found beside the server's start, not at the first save.
            threading.Thread(
                target=_catch_up, args=(self.content_changes, self.project), daemon=True
            ).start()
        return server


def _catch_up(journal: ChangeJournal, project: Project) -> None:
    changed = project.changed_since_load()
    if changed is not None:
        journal.caught_up(changed)


def _named_in_nav(nav: object) -> set[str]:
    """The pages mkdocs.yml's `nav` names: MkDocs makes theirs with the nav's title."""
    if isinstance(nav, str):
        return {nav}
    if isinstance(nav, dict):
        nav = list(nav.values())
    if isinstance(nav, list):
        return {name for item in nav for name in _named_in_nav(item)}
    return set()


def _html_files(site_dir: Path) -> list[str]:
    """The site's HTML files as paths in it, in order."""
    return sorted(path for path in files_below(str(site_dir)) if path.endswith(".html"))


def _other_html(config: MkDocsConfig, files: Files) -> set[str]:
    """The HTML files MkDocs writes that are not pages: the theme's templates (404.html)
    and HTML files among docs/' and the theme's files."""
    templates = {*config.theme.static_templates, *config.extra_templates}
    copied = {f.dest_uri for f in files if not f.is_documentation_page()}
    return {name for name in templates | copied if name.endswith(".html")}
