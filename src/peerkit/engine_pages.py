"""The pages route: a folder any engine builds as ordinary content, plugin or not.

Zensical, Material's successor, reads mkdocs.yml but runs no MkDocs plugin: it would
build docs/ and leave out every story, tip, group, topic and export, and the theme's
quick exit and crisis strip, without a word. So Peerkit writes them first, as plain
files: `peerkit pages DIR` writes DIR/docs (the site's docs, every generated page as
Markdown holding its HTML, the exports), DIR/overrides (Peerkit's theme, the site's
own overrides over it) and DIR/mkdocs.yml (the site's settings pointed at them, the
theme's data in `extra.peerkit`, the peerkit plugin left out). `peerkit build
--engine zensical` writes that folder and builds it. What holds on such a site and
what does not is on the docs page "When Material reaches end of life".
"""

from __future__ import annotations

import argparse
import io
import json
import os
import shutil
import subprocess
import tempfile
from datetime import date
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

from peerkit import day
from peerkit.branding import Colour, stylesheet
from peerkit.engines import Engine
from peerkit.guides import GUIDES, guide_text
from peerkit.load.diagnostics import has_errors
from peerkit.mkdocs_plugin.opening import OpenSite, open_site
from peerkit.mkdocs_plugin.plugin import COLORS_CSS, THEME_DIR
from peerkit.mkdocs_plugin.theme_data import theme_data
from peerkit.mkdocs_plugin.visitor_search import TRACKS_PAGE
from peerkit.render.page import GeneratedPage
from peerkit.render.site import render_site
from peerkit.report_formats import text_report


def run_pages(args: argparse.Namespace) -> int:
    opened = _checked(args.config_file)
    if opened is None:
        return 1
    write_pages(opened, args.dir, day.today())
    print(
        f"Wrote the site's pages in {args.dir}/: build them with zensical build -f {args.dir}/mkdocs.yml"
    )
    return 0


def build_with_pages(args: argparse.Namespace, engine: Engine) -> int:
    """`peerkit build --engine zensical`: the pages written into a folder beside the
    site's output, built by ``engine`` into a fresh folder, swapped in if it worked."""
    opened = _checked(args.config_file)
    if opened is None:
        return 1
    site_dir = Path(args.site_dir or opened.config.site_dir).resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}-pages-", dir=site_dir.parent))
    try:
        # Zensical builds only into a folder inside the one that holds its mkdocs.yml.
        built_dir = work / "source" / "site"
        config = write_pages(opened, work / "source", day.today(), site_dir=built_dir)
        command = [engine.name, "build", "-f", str(config)]
        if args.strict:
            command.append("--strict")
        try:
            built = subprocess.run(command, check=False).returncode == 0
        except FileNotFoundError:
            print(f"error: {engine.name} is not installed: pip install 'peerkit[{engine.name}]'")
            return 1
        if not built:
            return 1
        _swap(built_dir, site_dir)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(f"Built the site in {site_dir} with {engine.name}")
    return 0


def _checked(config_file: Path) -> OpenSite | None:
    """The site, opened and checked; None, with every problem printed, on an error."""
    opened, problems = open_site(config_file)
    if opened is not None:
        _, found = opened.project.check(day.today())
        problems = sorted(problems + found)
    for line in text_report(problems):
        print(line)
    return None if opened is None or has_errors(problems) else opened


def write_pages(opened: OpenSite, dest: Path, today: date, site_dir: Path | None = None) -> Path:
    """Write the site's pages folder into ``dest``; the path of its mkdocs.yml."""
    site, _ = opened.project.check(today)
    site = site.without_positions()
    settings = opened.project.settings
    rendered = render_site(site, settings, today)
    docs = dest / "docs"
    if dest.exists():
        shutil.rmtree(dest)
    shutil.copytree(Path(opened.config.docs_dir), docs)
    for page in rendered.pages:
        _write(docs / page.src_uri, _markdown(page).encode("utf-8"))
    for file in rendered.files:
        _write(docs / file.path, file.content)
    for guide in GUIDES:
        if not (docs / guide.name).exists():
            _write(docs / guide.name, guide_text(guide).encode("utf-8"))
    options = opened.plugin.config
    colours = options.colors.primary is not None or options.colors.accent is not None
    if colours:
        css = stylesheet(
            Colour.from_hex(options.colors.primary) if options.colors.primary else None,
            Colour.from_hex(options.colors.accent) if options.colors.accent else None,
        )
        _write(docs / COLORS_CSS, css.encode("utf-8"))
    overrides = dest / "overrides"
    shutil.copytree(THEME_DIR, overrides)
    custom_dir = opened.config.theme.custom_dir
    if custom_dir:
        shutil.copytree(custom_dir, overrides, dirs_exist_ok=True)
    tracks = TRACKS_PAGE.removesuffix(".md") + "/" if (docs / TRACKS_PAGE).exists() else None
    data = theme_data(site.crisis, options, settings.language, tracks)
    config = dest / "mkdocs.yml"
    config.write_text(
        _settings(Path(opened.config.config_file_path), data, colours, site_dir),
        "utf-8",
    )
    return config


def _markdown(page: GeneratedPage) -> str:
    """A generated page as Markdown an engine renders as it is: its HTML in one block
    (Markdown leaves a block of HTML alone), what the theme reads in front matter."""
    meta: dict[str, Any] = {"title": page.title}
    if page.description:
        meta["description"] = page.description
    if page.directory:
        meta["peerkit_directory"] = True
    if page.next_meetings:
        meta["peerkit_next_meetings"] = True
    # JSON is YAML: each value on one line, quoted, whatever a stranger wrote in it.
    front = "\n".join(f"{key}: {json.dumps(value)}" for key, value in meta.items())
    return f'---\n{front}\n---\n\n<div class="pk-page">\n{page.html}\n</div>\n'


def _settings(source: Path, data: dict[str, Any], colours: bool, site_dir: Path | None) -> str:
    """The site's mkdocs.yml, its comments and tags (`!ENV`) kept, pointed at the pages
    folder: docs and overrides there, no peerkit plugin, the theme's data in extra."""
    yaml = YAML()
    config = yaml.load(source.read_text("utf-8"))
    config["docs_dir"] = "docs"
    config.setdefault("theme", {})["custom_dir"] = "overrides"
    if site_dir is not None:
        config["site_dir"] = str(site_dir)
    plugins = config.get("plugins") or []
    config["plugins"] = [p for p in plugins if p != "peerkit" and not _is_peerkit(p)]
    config.setdefault("extra", {})["peerkit"] = data
    if colours:
        config["extra_css"] = [COLORS_CSS, *(config.get("extra_css") or [])]
    out = io.StringIO()
    yaml.dump(config, out)
    return out.getvalue()


def _is_peerkit(entry: object) -> bool:
    return isinstance(entry, dict) and "peerkit" in entry


def _write(path: Path, content: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)


def _swap(new: Path, site_dir: Path) -> None:
    """Replace ``site_dir`` by ``new``: two renames, so there is hardly a moment without a site."""
    old = site_dir.with_name(f".{site_dir.name}-old-{os.getpid()}")
    if site_dir.exists():
        site_dir.rename(old)
    new.rename(site_dir)
    shutil.rmtree(old, ignore_errors=True)
