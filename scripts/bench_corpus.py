"""A synthetic Peerkit site for the benchmark: deterministic, realistic in shape.

Stories of about 700 words with front matter and consent, tips, and groups spread
unevenly over regions (a few big ones, many small ones) with weekly and monthly
schedules, coordinates and topics. The same seed gives the same files, byte for
byte, so two runs of the benchmark build the same site.

The text avoids what Peerkit's safety checks warn about (full names, phone numbers,
mentions of suicide or self-harm), so the build output is not buried in warnings
that a real, edited site would not have.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import yaml


@dataclass(frozen=True)
class Scale:
    stories: int
    groups: int
    tips: int


SCALES = {
    "small": Scale(stories=100, groups=500, tips=50),
    "large": Scale(stories=5_000, groups=20_000, tips=500),
    # Beyond the large site: memory is the figure to watch (Pagefind, the forks).
    "xlarge": Scale(stories=10_000, groups=50_000, tips=1_000),
}

# A word that only one story holds, and a town that only some groups meet in: what
# the benchmark searches for. A common word shows the cost of a broad search.
RARE_WORD = "marmalade"
COMMON_WORD = "kitchen"
SEARCH_TOWN = "Quillinghurst"

# fmt: off
TOPICS = [
    ("anxiety", "Anxiety", "Worry that will not switch off, and what helps."),
    ("depression", "Depression", "When everything feels heavy, and small ways through."),
    ("grief", "Grief and loss", "Grief has no timetable and no right way to be done."),
    ("addiction-recovery", "Addiction and recovery", "Alcohol, drugs, gambling and getting back."),
    ("carers", "Caring for someone", "Looking after someone and looking after yourself."),
    ("loneliness", "Loneliness", "Feeling alone, in a crowd or in an empty house."),
    ("postnatal", "After having a baby", "The months after a birth that nobody warned you of."),
    ("eating", "Eating difficulties", "Food, bodies and finding a kinder way."),
    ("bipolar", "Bipolar", "Highs, lows and the steady middle."),
    ("trauma", "After trauma", "Living with what happened, and living on."),
    ("psychosis", "Psychosis", "Voices, beliefs and being believed."),
    ("long-term-illness", "Long-term illness", "A body that will not get better, and a life anyway."),
]
# fmt: on

# Regions with weights: a national directory is uneven, a capital holds many groups.
REGIONS = [
    ("London", 12), ("Greater Manchester", 7), ("West Midlands", 6), ("West Yorkshire", 5),
    ("Merseyside", 4), ("South Yorkshire", 3), ("Tyne and Wear", 3), ("Kent", 4),
    ("Essex", 4), ("Hampshire", 4), ("Surrey", 3), ("Hertfordshire", 3), ("Lancashire", 3),
    ("Norfolk", 2), ("Suffolk", 2), ("Devon", 2), ("Cornwall", 2), ("Somerset", 2),
    ("Dorset", 2), ("Wiltshire", 2), ("Gloucestershire", 2), ("Oxfordshire", 2),
    ("Berkshire", 2), ("Buckinghamshire", 2), ("Cambridgeshire", 2), ("Lincolnshire", 2),
    ("Nottinghamshire", 2), ("Derbyshire", 2), ("Leicestershire", 2), ("Staffordshire", 2),
    ("Cheshire", 2), ("Cumbria", 1), ("Northumberland", 1), ("North Yorkshire", 2),
    ("East Riding", 1), ("Shropshire", 1), ("Herefordshire", 1), ("Worcestershire", 1),
    ("Warwickshire", 1), ("Northamptonshire", 1), ("Bedfordshire", 1), ("East Sussex", 2),
    ("West Sussex", 2), ("Isle of Wight", 1), ("Rutland", 1), ("County Durham", 2),
    ("Glasgow and Clyde", 3), ("Edinburgh and Lothians", 3), ("Highlands", 1),
    ("Fife", 1), ("Tayside", 1), ("Grampian", 1), ("Borders", 1), ("Cardiff and Vale", 2),
    ("Swansea Bay", 1), ("North Wales", 1), ("Mid Wales", 1), ("Gwent", 1),
    ("Belfast", 2), ("Northern Ireland West", 1),
]  # fmt: skip

# fmt: off
_TOWN_START = ["Ash", "Brook", "Cal", "Dun", "East", "Fair", "Glen", "Har", "Ivy", "Kings",
               "Lang", "Mill", "Nor", "Oak", "Pen", "Queens", "Red", "Stan", "Thorn", "Wick",
               "West", "Whit", "Bram", "Elm", "Hol", "Lyn", "Marsh", "Sand", "Stone", "Wood"]
_TOWN_END = ["ford", "ley", "ton", "bury", "ham", "field", "wick", "mouth", "by", "well",
             "bridge", "stead", "worth", "combe", "hurst", "dale", "more", "port", "minster"]
_STREETS = ["High Street", "Church Lane", "Market Place", "Station Road", "Mill Road",
            "Park Avenue", "Victoria Road", "Chapel Street", "Bridge Street", "Green Lane"]
_VENUES = ["Community Centre", "Library meeting room", "Wellbeing Hub", "Quaker Meeting House",
           "Methodist Hall", "Recovery Café", "Health Centre", "Youth and Community Hall"]
_GROUP_KIND = ["Peer Support Group", "Drop-in", "Circle", "Recovery Meeting", "Cafe",
               "Walk and Talk", "Evening Group", "Coffee Morning", "Sharing Group"]
_DAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]
_ACCESS = ["step-free access", "accessible toilet", "hearing loop", "quiet room",
           "captions online", "camera optional", "parking nearby"]
_AUTHORS = ["Sam", "Priya", "Tom", "Aisha", "Jo", "Marcus", "Ellie", "Kwame", "Bea", "Ravi",
            "Nell", "Owen", "Hana", "Luca", "Tess", "Idris", "Maya", "Finn", "Zara", "Alex"]

# Sentences are made from these, so that the text reads like plain prose and the
# search index holds a realistic spread of words.
_OPENERS = ["I", "We", "The first time", "Some days", "After a while", "Most evenings",
            "That winter", "By the spring", "Looking back", "Even now", "At first",
            "For a long time", "One morning", "In the group", "Later that year"]
_VERBS = ["noticed", "wanted", "tried", "remembered", "learned", "carried", "found",
          "lost", "kept", "started", "stopped", "needed", "missed", "shared", "heard"]
_NOUNS = ["the quiet", "the kitchen", "a small walk", "the routine", "the phone", "the door",
          "a cup of tea", "the garden", "the bus", "a list", "the morning", "the evening",
          "a letter", "the group", "the words", "the weight", "the light", "the noise",
          "a neighbour", "the doctor", "a friend", "my sister", "the dog", "the window",
          "the train", "a notebook", "the sofa", "the bed", "the radio", "the shop"]
_ENDINGS = ["and it helped more than I expected", "without saying much at all",
            "because nobody else seemed to", "even when it felt pointless",
            "one day at a time", "and nobody rushed me", "before I was ready",
            "and I was not the only one", "though it took months", "and I kept going",
            "with more patience than I had for myself", "in a way I still think about"]
# fmt: on


def _sentence(rng: random.Random) -> str:
    return (
        f"{rng.choice(_OPENERS)} I {rng.choice(_VERBS)} {rng.choice(_NOUNS)}"
        f" {rng.choice(_ENDINGS)}."
    )


def _paragraphs(rng: random.Random, words: int) -> list[str]:
    paragraphs: list[str] = []
    count = 0
    while count < words:
        sentences = [_sentence(rng) for _ in range(rng.randint(3, 7))]
        paragraph = " ".join(sentences)
        count += len(paragraph.split())
        paragraphs.append(paragraph)
    return paragraphs


def _dump(data: object) -> str:
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)


def _town_names(rng: random.Random) -> list[str]:
    names = sorted({a + b for a in _TOWN_START for b in _TOWN_END})
    rng.shuffle(names)
    return names


@dataclass(frozen=True)
class Corpus:
    """What the benchmark needs to know about the site it generated."""

    root: Path
    story_slugs: tuple[str, ...]
    rare_story: str
    town_group_region: str


def write_site(
    root: Path, scale: Scale, *, search: str | None = "pagefind", seed: int = 7
) -> Corpus:
    """Write mkdocs.yml, docs/ and content/ for ``scale`` under ``root``."""
    rng = random.Random(seed)
    content = root / "content"
    for folder in ("stories", "tips", "groups", "../docs"):
        (content / folder).mkdir(parents=True, exist_ok=True)
    (root / "mkdocs.yml").write_text(_mkdocs_yml(search), "utf-8")
    _write_docs(root / "docs")
    (content / "topics.yml").write_text(
        _dump([{"slug": s, "title": t, "description": d} for s, t, d in TOPICS]), "utf-8"
    )
    (content / "crisis.yml").write_text(
        _dump(
            {
                "intro": "If you are in danger now, call your local emergency number.",
                "lines": [
                    {"country": "GB", "name": "Samaritans", "phone": "116 123",
                     "hours": "24 hours, every day", "url": "https://www.samaritans.org/"},
                    {"country": "GB", "name": "Shout", "text": "Text SHOUT to 85258",
                     "hours": "24 hours, every day"},
                ],
            }
        ),
        "utf-8",
    )  # fmt: skip
    slugs = _write_stories(content / "stories", scale.stories, rng)
    _write_tips(content / "tips", scale.tips, slugs, rng)
    region = _write_groups(content / "groups", scale.groups, rng)
    return Corpus(root, tuple(slugs), slugs[0], region)


def _mkdocs_yml(search: str | None) -> str:
    search = f"\n      search: {search}" if search else " {}"
    return f"""site_name: Bench peer support
site_url: https://bench.example/
theme:
  name: material
  font: false
  features:
    - navigation.sections
plugins:
  - search
  - peerkit:{search}
nav:
  - Home: index.md
  - Stories: stories/index.md
  - Practical tips: tips/index.md
  - Find a group: groups/index.md
  - Topics: topics/index.md
  - About: about.md
"""


def _write_docs(docs: Path) -> None:
    (docs / "index.md").write_text(
        "# Bench peer support\n\nStories, tips and groups from people who have been there.\n",
        "utf-8",
    )
    (docs / "about.md").write_text("# About\n\nA synthetic site for the benchmark.\n", "utf-8")


def _write_stories(folder: Path, count: int, rng: random.Random) -> list[str]:
    """Write the stories; the published ones' slugs, the one with the rare word first."""
    slugs: list[str] = []
    first_day = date(2018, 1, 1)
    for number in range(count):
        slug = f"story-{number:05d}"
        day = first_day + timedelta(days=rng.randrange(3000))
        author = rng.choice(_AUTHORS)
        fields: dict[str, object] = {
            "title": f"{rng.choice(_OPENERS)} I {rng.choice(_VERBS)} {rng.choice(_NOUNS)}",
            "author": author,
            "date": day.isoformat(),
            "topics": sorted(rng.sample([t[0] for t in TOPICS], rng.randint(1, 3))),
            "summary": f"{author} writes about {rng.choice(_NOUNS)} and what came after.",
            "consent": {
                "given": True,
                "date": (day - timedelta(days=rng.randint(1, 60))).isoformat(),
                "method": "synthetic benchmark story",
            },
            "language": "en",
        }
        if rng.random() < 0.2:
            fields["content_warnings"] = [rng.choice(["hospital stays", "debt", "bereavement"])]
        if rng.random() < 0.02:
            fields["status"] = "draft"
        paragraphs = _paragraphs(rng, 700)
        rare = number == count // 3
        if rare:
            # Published and without a content warning: only then is its body searchable.
            fields.pop("status", None)
            fields.pop("content_warnings", None)
            paragraphs[1] += f" The smell of {RARE_WORD} on toast still takes me back."
        if rng.random() < 0.3:
            paragraphs.insert(2, f"## {rng.choice(_OPENERS)}")
        body = "\n\n".join(paragraphs)
        (folder / f"{slug}.md").write_text(f"---\n{_dump(fields)}---\n{body}\n", "utf-8")
        if rare:
            slugs.insert(0, slug)
        elif fields.get("status") != "draft":
            slugs.append(slug)
    return slugs


def _write_tips(folder: Path, count: int, stories: list[str], rng: random.Random) -> None:
    for number in range(count):
        fields: dict[str, object] = {
            "title": f"Tip {number}: {rng.choice(_NOUNS)} when {rng.choice(_VERBS)}",
            "topics": sorted(rng.sample([t[0] for t in TOPICS], rng.randint(1, 2))),
            "summary": f"Something small about {rng.choice(_NOUNS)} that helped.",
        }
        if stories and rng.random() < 0.3:
            fields["related_stories"] = sorted(set(rng.sample(stories, min(2, len(stories)))))
        body = "\n\n".join(_paragraphs(rng, 300))
        (folder / f"tip-{number:04d}.md").write_text(f"---\n{_dump(fields)}---\n{body}\n", "utf-8")


def _schedule(rng: random.Random) -> list[dict[str, str]]:
    hour = rng.choice([10, 11, 13, 14, 18, 18, 19, 19, 20])
    minutes = rng.choice(["00", "30"])
    meeting = {"opens_at": f"{hour:02d}:{minutes}", "closes_at": f"{hour + 1:02d}:{minutes}"}
    if rng.random() < 0.7:
        days = sorted(rng.sample(_DAYS, rng.choice([1, 1, 1, 2])), key=_DAYS.index)
        return [{"freq": "WEEKLY", "byday": ",".join(days), **meeting}]
    ordinals = rng.choice([["1"], ["2"], ["1", "3"], ["2", "4"], ["-1"]])
    day = rng.choice(_DAYS)
    return [{"freq": "MONTHLY", "byday": ",".join(o + day for o in ordinals), **meeting}]


def _write_groups(folder: Path, count: int, rng: random.Random) -> str:
    """Groups over the weighted regions, each region with its own towns; 8% online."""
    towns = _town_names(rng)
    by_region: dict[str, list[tuple[str, float, float]]] = {}
    for index, (region, weight) in enumerate(REGIONS):
        lat, lon = 50.5 + (index % 12) * 0.6, -4.5 + (index // 12) * 0.9
        by_region[region] = [
            (towns.pop(), lat + rng.uniform(-0.3, 0.3), lon + rng.uniform(-0.4, 0.4))
            for _ in range(4 + weight * 2)
        ]
    by_region[REGIONS[0][0]][0] = (SEARCH_TOWN, 51.5, -0.12)
    weights = [w for _, w in REGIONS]
    names = [r for r, _ in REGIONS]
    verified = date(2026, 1, 1)
    for number in range(count):
        topic_slug, topic_title, _ = rng.choice(TOPICS)
        fields: dict[str, object] = {}
        if number < 3:
            # The groups a search for SEARCH_TOWN must find, whatever the draw.
            region, (town, lat, lon) = names[0], by_region[names[0]][0]
        if number >= 3 and rng.random() < 0.08:
            fields = {
                "name": f"Online {topic_title} {rng.choice(_GROUP_KIND)} {number}",
                "description": f"An online group for {topic_title.lower()}, camera optional.",
                "topics": [topic_slug],
                "format": "online",
                "online": {"url": f"https://meet.example.org/g{number}", "platform": "Jitsi"},
            }
            subfolder = "online"
        else:
            if number >= 3:
                region = rng.choices(names, weights)[0]
                town, lat, lon = rng.choice(by_region[region])
            fields = {
                "name": f"{town} {topic_title} {rng.choice(_GROUP_KIND)}",
                "description": (
                    f"A peer-led group in {town} for anyone affected by"
                    f" {topic_title.lower()}. {_sentence(rng)} Just turn up, or get in touch first."
                ),
                "topics": [topic_slug],
                "organisation": f"{town} Peer Network",
                "format": "hybrid" if rng.random() < 0.1 else "in-person",
                "location": {
                    "venue": f"{town} {rng.choice(_VENUES)}",
                    "address": f"{rng.randint(1, 200)} {rng.choice(_STREETS)}",
                    "town": town,
                    "region": region,
                    "country": "GB",
                    "latitude": round(lat + rng.uniform(-0.05, 0.05), 4),
                    "longitude": round(lon + rng.uniform(-0.05, 0.05), 4),
                },
            }
            if fields["format"] == "hybrid":
                fields["online"] = {
                    "url": f"https://meet.example.org/g{number}",
                    "platform": "Zoom",
                }
            subfolder = region.lower().replace(" ", "-")
        fields |= {
            "schedule": _schedule(rng),
            "contact": {"email": f"group{number}@example.org"},
            "languages": ["en"],
            "accessibility": sorted(rng.sample(_ACCESS, rng.randint(0, 3))),
            "cost": rng.choice(["Free", "Free, donations welcome", "£2 for tea"]),
            "last_verified": (verified + timedelta(days=rng.randrange(300))).isoformat(),
        }
        path = folder / subfolder / f"group-{number:05d}.yml"
        path.parent.mkdir(exist_ok=True)
        path.write_text(_dump(fields), "utf-8")
    return REGIONS[0][0]


def write_baseline(root: Path, pages: int, corpus: Corpus, *, seed: int = 7) -> None:
    """Plain Material: ``pages`` flat Markdown pages, none of them in the navigation.

    The pages take their text from the generated site (story and tip bodies, group
    listings as Markdown), so the baseline renders text of the same shape.
    """
    rng = random.Random(seed)
    docs = root / "docs"
    (docs / "p").mkdir(parents=True, exist_ok=True)
    (docs / "index.md").write_text("# Baseline\n\nPlain Material, pages not in the nav.\n", "utf-8")
    sources = sorted((corpus.root / "content" / "stories").glob("*.md"))
    sources += sorted((corpus.root / "content" / "tips").glob("*.md"))
    groups = sorted((corpus.root / "content" / "groups").rglob("*.yml"))
    for number in range(pages - 1):
        if number < len(sources):
            text = sources[number].read_text("utf-8").split("---\n", 2)[2]
            title = f"Page {number}"
        elif number - len(sources) < len(groups):
            data = yaml.safe_load(groups[number - len(sources)].read_text("utf-8"))
            title = data["name"]
            text = (
                data["description"]
                + "\n\n"
                + "\n".join(
                    f"- **{key}**: {value}" for key, value in data.items() if key != "description"
                )
            )
        else:
            title = f"Listing {number}"
            text = "\n\n".join(_paragraphs(rng, 150))
        (docs / "p" / f"{number:05d}.md").write_text(f"# {title}\n\n{text}\n", "utf-8")
    (root / "mkdocs.yml").write_text(
        "site_name: Baseline\nsite_url: https://baseline.example/\n"
        "theme:\n  name: material\n  font: false\n  features:\n    - navigation.sections\n"
        "plugins:\n  - search\n"
        "nav:\n  - Home: index.md\n"
        "not_in_nav: |\n  /p/\n",
        "utf-8",
    )
