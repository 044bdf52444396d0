"""`peerkit init`: a new site for an organisation, from the template in site_template/.

The new site holds content, pages, settings and workflows, and no copy of
Peerkit's code: the theme, the templates and the generator stay in the package,
so an upgrade is installing a newer Peerkit, with nothing to merge.

The template's files are copied as they are, except that `[[key]]` is replaced
by the organisation's answers, the `gitignore` file and `github/` folder get
their leading dot (package data keeps no hidden files), and `_crisis/` holds the
crisis lines of the countries Peerkit knows, of which one becomes
content/crisis.yml.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from peerkit.distribution import peerkit_source, requirement_lines
from peerkit.issue_form.form import story_form_yaml
from peerkit.load.site_loader import load_site
from peerkit.model.schemas import schema_texts

TEMPLATE_DIR = Path(__file__).resolve().parent / "site_template"
CRISIS_DIR = "_crisis"
_DOTTED = {
    "gitignore": ".gitignore",
    "github": ".github",
    "vscode": ".vscode",
    "pre-commit-config.yaml": ".pre-commit-config.yaml",
}
ISSUE_FORM = ".github/ISSUE_TEMPLATE/story.yml"
SCHEMAS = ".vscode/schemas"
_PLACEHOLDER = re.compile(r"\[\[([a-z_]+)\]\]")
_COUNTRY = re.compile(r"^[A-Z]{2}$")
_LANGUAGE = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")


@dataclass(frozen=True)
class InitOptions:
    """What the organisation told `peerkit init`."""

    name: str
    country: str = "GB"
    timezone: str = "Europe/London"
    language: str = "en"
    peerkit_from: str | None = None
    """Where the site's CI installs Peerkit from: a release wheel's https address or
    `git+https://...@TAG`; by default, where this Peerkit was installed from."""


def known_crisis_countries() -> list[str]:
    """The countries whose national crisis lines Peerkit ships, as two-letter codes."""
    return sorted(p.stem for p in (TEMPLATE_DIR / CRISIS_DIR).glob("*.yml") if p.stem.isupper())


def option_problems(options: InitOptions) -> list[str]:
    """Every answer that would give a site that does not build, in words to act on."""
    problems = []
    if not options.name.strip() or any(ch < " " for ch in options.name):
        problems.append("--name: give the site's name on one line, for example --name 'Our Peers'")
    if not _COUNTRY.match(options.country):
        problems.append(
            f"--country {options.country!r}: use a two-letter country code, for example GB or IE"
        )
    try:
        ZoneInfo(options.timezone)
    except (ZoneInfoNotFoundError, ValueError):
        problems.append(
            f"--timezone {options.timezone!r}: use a time zone name such as Europe/London or"
            " America/New_York (the list: https://en.wikipedia.org/wiki/List_of_tz_database_time_zones)"
        )
    if not _LANGUAGE.match(options.language):
        problems.append(
            f"--language {options.language!r}: use a language code such as en, cy, fr or es"
        )
    if options.peerkit_from and not options.peerkit_from.startswith(("https://", "git+https://")):
        problems.append(
            f"--peerkit-from {options.peerkit_from!r}: give the https address of a release"
            " wheel, or git+https://ADDRESS-OF-THE-REPOSITORY@TAG"
        )
    return problems


def destination_problems(dest: Path, force: bool) -> list[str]:
    """Why `dest` cannot take a new site: it is a file, or holds files and --force is not given."""
    if dest.exists() and not dest.is_dir():
        return [f"{dest}: is a file, not a folder"]
    if dest.is_dir() and any(dest.iterdir()) and not force:
        return [
            f"{dest}: the folder is not empty. Choose a new folder, or add --force to write"
            " the new site's files over any of the same name (other files are left alone)."
        ]
    return []


def site_files(options: InitOptions, today: date) -> dict[str, str]:
    """The new site's files: path inside the site (with slashes) -> text."""
    values = {
        "site_name": options.name.strip(),
        # JSON strings are YAML strings: quotes, colons and accents stay what they are.
        "site_name_yaml": json.dumps(options.name.strip(), ensure_ascii=False),
        "country": options.country,
        "timezone": options.timezone,
        "language": options.language,
        "today": today.isoformat(),
        "requirements": "\n".join(requirement_lines(options.peerkit_from or peerkit_source())),
    }
    files: dict[str, str] = {}
    for source in sorted(TEMPLATE_DIR.rglob("*")):
        rel = source.relative_to(TEMPLATE_DIR).parts
        if source.is_dir() or rel[0] == CRISIS_DIR:
            continue
        target = "/".join((_DOTTED.get(rel[0], rel[0]), *rel[1:]))
        files[target] = _filled(source, values)
    crisis = TEMPLATE_DIR / CRISIS_DIR / f"{options.country}.yml"
    if not crisis.is_file():
        crisis = TEMPLATE_DIR / CRISIS_DIR / "other.yml"
    files["content/crisis.yml"] = _filled(crisis, values)
    return files | schema_copies()


def schema_copies() -> dict[str, str]:
    """The package's JSON Schemas, for the site's editor settings: an editor reads them
    from the site's own folder, with no request to any server."""
    return {f"{SCHEMAS}/{kind}.json": text for kind, text in schema_texts().items()}


def issue_form(root: Path) -> str | None:
    """The story issue form for the site at ``root``: its topics and crisis lines, as
    `peerkit import-issue --print-form` writes it; None while topics.yml has no topic."""
    site, _ = load_site(root, root / "content")
    if not site.topics:
        return None
    return story_form_yaml(site.topics, site.crisis)


def _filled(source: Path, values: dict[str, str]) -> str:
    return _PLACEHOLDER.sub(lambda m: values[m[1]], source.read_text("utf-8"))


def write_site(dest: Path, files: dict[str, str]) -> None:
    """Writes the files under `dest`, creating folders as needed, then the issue form,
    made from the topics and crisis lines just written."""
    for rel, text in files.items():
        _write(dest / rel, text)
    form = issue_form(dest)
    if form is not None:
        _write(dest / ISSUE_FORM, form)


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8", newline="\n")
