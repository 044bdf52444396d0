"""Sites for the hostile cases: written on disk and built by the real MkDocs.

The site's own Markdown pipeline includes pymdownx.snippets, and a secret file
sits beside mkdocs.yml, inside content/ and in the folder above the site: if
contributor text ever went through the site's pipeline, an include line would
pull the secret into a page. Cases that git cannot hold (a 50 MB story, a link,
a file name with a control character) are made here at test time.
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Callable, Iterable
from pathlib import Path

import yaml
from mkdocs.commands.build import build
from mkdocs.config import load_config

from tests.conftest import CRISIS, TOPICS, SiteBuilder, dump_yaml
from tests.hostile.hostile_manifest import Case

SECRET = "PEERKIT-HOSTILE-SECRET-51f0c2"
EXIT_URL = "https://www.bbc.co.uk/weather"
SITE_URL = "https://hostile.example/"

MKDOCS_YML = f"""\
site_name: Hostile input
site_url: {SITE_URL}
docs_dir: docs
theme:
  name: material
  font: false
plugins:
  - search
  - peerkit:
      exit_url: {EXIT_URL}
      timezone: Europe/London
      country: GB
markdown_extensions:
  - attr_list
  - md_in_html
  - pymdownx.snippets:
      base_path: [".", "docs", "content"]
      check_paths: false
"""


def write_site(root: Path) -> SiteBuilder:
    """mkdocs.yml, a home page, the secrets, and the minimal valid content of tests/conftest.py."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "mkdocs.yml").write_text(MKDOCS_YML, "utf-8")
    (root / "docs").mkdir(exist_ok=True)
    (root / "docs" / "index.md").write_text("# Hostile input\n\nThe site's own page.\n", "utf-8")
    for folder in (root, root / "content", root.parent):
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "secret.txt").write_text(f"{SECRET}\n", "utf-8")
    return SiteBuilder(root)


class _Warnings(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(f"{record.name}: {record.getMessage()}")


def build_site(root: Path) -> tuple[Path, list[str]]:
    """`mkdocs build` of the site at ``root`` into root/site, and every warning it logged.

    Not in strict mode, so that a warning does not stop the build before the
    audit can say what reached the pages; a test asserts there were none.
    """
    config = load_config(str(root / "mkdocs.yml"), site_dir=str(root / "site"))
    warnings = _Warnings()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(warnings)
    try:
        build(config)
    finally:
        logger.removeHandler(warnings)
    return root / "site", warnings.messages


def place(site: SiteBuilder, case: Case, outside: Path) -> None:
    """Put one case's file into the site, as the site's topics.yml or crisis.yml if it is one."""
    if case.generate:
        GENERATORS[case.generate](site.content, outside)
    else:
        site.write(case.content_path, case.source.read_bytes())


def place_harmless(site: SiteBuilder, cases: Iterable[Case], outside: Path) -> None:
    """All harmless cases in one site; topics and crisis variants are merged into the site's own."""
    topics = list(TOPICS)
    crisis = dict(CRISIS)
    for case in cases:
        if case.kind == "topics":
            topics += yaml.safe_load(case.source.read_text("utf-8"))
        elif case.kind == "crisis":
            variant = yaml.safe_load(case.source.read_text("utf-8"))
            crisis["lines"] = [*crisis["lines"], *variant["lines"]]
            if "intro" in variant:
                assert "intro" not in crisis, "only one harmless crisis case may set intro"
                crisis["intro"] = variant["intro"]
        else:
            place(site, case, outside)
    site.write("topics.yml", dump_yaml(topics))
    site.write("crisis.yml", dump_yaml(crisis))


def story_text(title: str, body: str, extra: str = "") -> str:
    return (
        f"---\ntitle: {title}\ndate: '2026-03-14'\ntopics: [anxiety]\nsummary: A hostile case.\n"
        f"consent: {{given: true, date: '2026-03-01'}}\n{extra}---\n{body}"
    )


def _story(content: Path, name: str, text: str | None = None) -> Path:
    path = content / "stories" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text or story_text("A story with an odd name", "Body.\n"), "utf-8")
    return path


def _link(link: Path, target: Path) -> None:
    link.parent.mkdir(parents=True, exist_ok=True)
    os.symlink(target, link)


def huge_story(content: Path, outside: Path) -> None:
    """A 50 MB story, written as real text so nothing but its size can refuse it."""
    path = _story(content, "huge-story.md", story_text("Huge", ""))
    line = "All work and no play makes a very long story. " * 1000 + "\n"
    with path.open("a", encoding="utf-8") as out:
        while out.tell() < 50 * 1024 * 1024:
            out.write(line)


def symlink_to_file_outside(content: Path, outside: Path) -> None:
    secret = outside / "private-notes.md"
    secret.parent.mkdir(parents=True, exist_ok=True)
    secret.write_text(story_text("Private", f"{SECRET}\n"), "utf-8")
    _link(content / "stories" / "linked-secret.md", secret)


def symlink_to_folder_outside(content: Path, outside: Path) -> None:
    folder = outside / "private-folder"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "secret-story.md").write_text(story_text("Private", f"{SECRET}\n"), "utf-8")
    _link(content / "stories" / "linked-folder", folder)


def symlink_tips_folder(content: Path, outside: Path) -> None:
    """content/tips itself is a link: no other refused case writes a tip, so it may replace it."""
    folder = outside / "tips-elsewhere"
    folder.mkdir(parents=True, exist_ok=True)
    tip = f"---\ntitle: Elsewhere\ntopics: [anxiety]\nsummary: A tip.\n---\n{SECRET}\n"
    (folder / "elsewhere.md").write_text(tip, "utf-8")
    _link(content / "tips", folder)


def symlink_to_system_file(content: Path, outside: Path) -> None:
    _link(content / "groups" / "passwd.yml", Path("/etc/passwd"))


def symlink_broken(content: Path, outside: Path) -> None:
    _link(content / "stories" / "broken-link.md", content / "stories" / "nowhere.md")


def symlink_loop(content: Path, outside: Path) -> None:
    _link(content / "stories" / "loop.md", content / "stories" / "loop.md")


def name_with_dot_dot(content: Path, outside: Path) -> None:
    _story(content, "my..story.md")


def name_with_space(content: Path, outside: Path) -> None:
    _story(content, "my story.md")


def name_with_control_characters(content: Path, outside: Path) -> None:
    _story(content, "bad\x07\x1b[31mname.md")


def name_with_new_line(content: Path, outside: Path) -> None:
    _story(content, "evil\nname.md")


def name_with_zero_width_space(content: Path, outside: Path) -> None:
    _story(content, "my\u200bstory.md")


def ten_thousand_item_list(content: Path, outside: Path) -> None:
    warnings = ", ".join(f"warning {n}" for n in range(10_000))
    extra = f"content_warnings: [{warnings}]\n"
    _story(content, "ten-thousand-warnings.md", story_text("Many warnings", "Body.\n", extra))


def extremely_long_line(content: Path, outside: Path) -> None:
    body = "LONGLINE-START " + "word " * 50_000 + "LONGLINE-END\n"
    _story(content, "long-single-line.md", story_text("One long line", body))


def _slow_markdown(content: Path, name: str, title: str, run: str) -> None:
    """A story of one pattern repeated: Markdown parsers have been slow on such runs."""
    body = f"{name.upper()}-START\n\n{run}\n\n{name.upper()}-END\n"
    _story(content, f"{name}.md", story_text(title, body))


def unclosed_brackets(content: Path, outside: Path) -> None:
    _slow_markdown(content, "brackets", "Unclosed brackets", "[" * 200_000)


def unclosed_autolinks(content: Path, outside: Path) -> None:
    _slow_markdown(content, "autolinks", "Unclosed autolinks", "<http://" * 30_000)


def unclosed_tags(content: Path, outside: Path) -> None:
    _slow_markdown(content, "tags", "Unclosed tags", "<a " * 80_000)


def heading_underlines(content: Path, outside: Path) -> None:
    _slow_markdown(content, "underlines", "Heading underlines", "a\n=\n" * 50_000)


def straight_quotes(content: Path, outside: Path) -> None:
    _slow_markdown(content, "quotes", "Straight quotes", "'\"" * 100_000)


def nested_tags_at_limit(content: Path, outside: Path) -> None:
    """A story at its size limit of block tags nested 20,000 deep: quadratic for the sanitiser."""
    run = "<div><ul><li><blockquote>" * 9_800
    _story(
        content,
        "nested-tags.md",
        story_text("Nested tags", f"NESTED-START\n\n{run}\n\nNESTED-END\n"),
    )


def story_over_limit(content: Path, outside: Path) -> None:
    line = "A story that goes on for longer than any story needs to. " * 20 + "\n"
    _story(content, "long-story.md", story_text("Long", line * 250))


def group_over_limit(content: Path, outside: Path) -> None:
    path = content / "groups" / "long-group.yml"
    path.parent.mkdir(parents=True, exist_ok=True)
    comment = "# " + "padding " * 10 + "\n"
    path.write_text(comment * 800 + "name: Long\n", "utf-8")


def mixed_list(content: Path, outside: Path) -> None:
    """Two thousand items of every type under a uniqueItems list."""
    kinds = [lambda n: [n], lambda n: {"n": n}, str, lambda n: n + 0.5, lambda n: n % 2 == 0]
    listed = ", ".join(json.dumps(kinds[n % 5](n)) for n in range(2_000))
    path = content / "groups" / "mixed-list.yml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        "name: Mixed list\ndescription: A list of everything.\ntopics: [anxiety]\n"
        "format: online\nonline: {url: 'https://example.org/join', platform: Zoom}\n"
        f"last_verified: '2026-09-01'\nby_arrangement: Ask.\naccessibility: [{listed}]\n",
        "utf-8",
    )


def many_problems(content: Path, outside: Path) -> None:
    """A thousand wrong meetings: the list of problems stops, and so does the work."""
    meetings = "".join("  - {freq: DAILY, byday: XX}\n" for _ in range(1_000))
    path = content / "groups" / "many-problems.yml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        "name: Many problems\ndescription: Wrong everywhere.\ntopics: [anxiety]\n"
        "format: online\nonline: {url: 'https://example.org/join', platform: Zoom}\n"
        f"last_verified: '2026-09-01'\nschedule:\n{meetings}",
        "utf-8",
    )


GENERATORS: dict[str, Callable[[Path, Path], None]] = {
    "huge-story": huge_story,
    "symlink-to-file-outside": symlink_to_file_outside,
    "symlink-to-folder-outside": symlink_to_folder_outside,
    "symlink-tips-folder": symlink_tips_folder,
    "symlink-to-system-file": symlink_to_system_file,
    "symlink-broken": symlink_broken,
    "symlink-loop": symlink_loop,
    "name-with-dot-dot": name_with_dot_dot,
    "name-with-space": name_with_space,
    "name-with-control-characters": name_with_control_characters,
    "name-with-new-line": name_with_new_line,
    "name-with-zero-width-space": name_with_zero_width_space,
    "ten-thousand-item-list": ten_thousand_item_list,
    "extremely-long-line": extremely_long_line,
    "unclosed-brackets": unclosed_brackets,
    "unclosed-autolinks": unclosed_autolinks,
    "unclosed-tags": unclosed_tags,
    "heading-underlines": heading_underlines,
    "straight-quotes": straight_quotes,
    "nested-tags-at-limit": nested_tags_at_limit,
    "story-over-limit": story_over_limit,
    "group-over-limit": group_over_limit,
    "mixed-list": mixed_list,
    "many-problems": many_problems,
}
