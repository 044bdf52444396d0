"""Safe messaging about suicide and self-harm: content warnings and method details.

Two things published safe-messaging guidance asks of anyone writing about suicide
and self-harm, which a check can help an editor with (the safe-messaging guide cites
the guidance):

- a reader should know before a story starts that it talks about suicide or
  self-harm, so a story that mentions them needs a content warning that says so;
- a story should not describe the method or means (what, how much, where),
  because such detail is linked to imitation by people who are at risk.

The phrase lists are small on purpose and each pattern is written for a form that
really refers to suicide or self-harm: "career suicide", "cut myself off from
friends", "hanging out", "the bridge club" and the like are left alone. All
patterns are compiled once, case-insensitive, and bounded, so a scan is linear.
Each names the keywords every match of it contains (peerkit/check/keywords.py): a
pattern runs only on a text that holds one of them, which most stories do not.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Literal

from peerkit.check.keywords import GuardedPattern, KeywordSearch, folded, guarded
from peerkit.guides import SAFE_MESSAGING, page_reference

Topic = Literal["suicide", "self-harm", "overdose"]
Finding = tuple[int, str]

_SELVES = r"(?:myself|yourself|himself|herself|themselves|themself|ourselves)"
_POSSESSIVE = r"(?:my|your|his|her|their|our)"


@dataclass(frozen=True)
class Mention:
    """Where a story first refers to suicide, self-harm or an overdose, and in what words."""

    topic: Topic
    offset: int
    phrase: str


_MENTIONS: Mapping[Topic, GuardedPattern] = MappingProxyType(
    {
        "suicide": guarded(
            re.compile(
                rf"""
        \bs(?<!career\ s)(?<!political\ s)(?<!social\ s)(?<!commercial\ s)(?<!electoral\ s)
        uicid(?:e|es|al|ality)\b
        (?!\s+(?:squad|doors?|runs?|sprints?|drills?|bomb\w*|attacks?|mission))
      | \bkill(?:s|ed|ing)?\s+{_SELVES}\b
        (?!\s+(?:laughing|with\s+laughter|trying|working|at\s+(?:the\s+)?(?:gym|work)))
      | \b(?:end|ends|ended|ending|take|takes|took|taking)\s+{_POSSESSIVE}\s+(?:own\s+)?(?:life|lives)\b
        (?!\s+(?:savings|story|back|in\s+{_POSSESSIVE}\s+hands))
      | \b(?:want|wanted|wanting|wish|wished|wishing)\s+to\s+(?:die|be\s+dead)\b
        (?!\s+of\s+(?:embarrassment|shame|laughter|boredom))
      | \b(?:not|never|no\s+longer|don't|didn't|did\s+not|do\s+not)\s+(?:want|wanting|wanted)\s+
        to\s+(?:live|be\s+alive|wake\s+up|exist)\b
        (?!\s+(?:in|with|there|here|near|abroad|at|on|alone|like|by|under|together|early))
      | \bbetter\s+off\s+dead\b
      | \b(?:to|could|would|just|and)\s+end\s+it\s+all\b | \bending\s+it\s+all\b
      # The indirect words people use for the same thoughts.
      | \bbetter\s+(?:off\s+)?without\s+me\b
      | \bif\s+I\s+(?:were|was)\s+(?:dead|gone)\b(?!\s+for\b)
      | \bif\s+I\s+(?:wasn't|weren't|was\s+not|were\s+not)\s+(?:here|around|alive)\b
      | \b(?:nobody|no\s+one|no-one)\s+would\s+(?:even\s+)?(?:miss|notice)\s+(?:me\b|if\s+I\b)
      | \b(?:go\s+to\s+sleep|fall\s+asleep|to\s+sleep)\s+and\s+(?:never|not)\s+wake\s+up\b
      | \b(?:not|never|didn't|did\s+not|don't|do\s+not)\s+(?:want|wanted|wanting)\s+to\s+wake\s+up\b
        (?!\s+(?:early|at|before|so))
      | \b(?:not|never|no\s+longer|didn't|did\s+not|don't|do\s+not)\s+(?:want|wanted|wanting)\s+
        to\s+be\s+here\s+any\s*more\b
      | \b(?:want|wanted|wanting|wish|wished)\s+to\s+disappear\s+(?:for\s+good|for\s*ever)\b
      | \battempt(?:s|ed)?\s+on\s+{_POSSESSIVE}\s+(?:own\s+)?life\b
      | \b(?:ways|how)\s+to\s+(?:die|kill\s+{_SELVES})\b | \btake\s+to\s+die\b
      | \bgoodbye\s+(?:letters?|notes?)\b
      | \bnote\s+(?:\w+\s+){{0,3}}?to\s+find\s+(?:afterwards|after\s+I)\b
        """,
                re.IGNORECASE | re.VERBOSE,
            ),
            # One for each alternative above, in its order.
            "suicid|kill|life|lives|to die|to be dead|to live|to be alive|wake up|to exist|"
            "off dead|end it all|ending it all|without me|if i were|if i was|nobody would|"
            "no one would|no-one would|to be here|to disappear|goodbye|to find after",
        ),
        "self-harm": guarded(
            re.compile(
                rf"""
        \bself[\s\-\u2010\u2011\u2013]?(?:harm(?:s|ed|ing|er|ers)?|injur(?:y|ies|ed|ing|ious))\b
      | \bself[\s\-\u2010\u2011\u2013]?inflicted\s+(?:wounds?|injur(?:y|ies)|cuts?|burns?|harm)\b
      | \b(?:cut|cuts|cutting|burn|burns|burned|burnt|burning)\s+{_SELVES}\b
        (?!\s+(?:off|out|short|free|loose|down|some\s+slack|slack|a\s+(?:slice|piece|bit)
                |shaving|while|when|cooking|making|ironing|in\s+the\s+kitchen|by\s+accident
                |accidentally|on\s+(?!purpose)))
      | \b(?:deliberately|intentionally)\s+(?:hurt|hurting|harm|harming)\s+{_SELVES}\b
      | \b(?:hurt|hurting|harm|harming)\s+{_SELVES}\s+(?:on\s+purpose|deliberately|intentionally)
        """,
                re.IGNORECASE | re.VERBOSE,
            ),
            "harm|injur|inflicted|cut|burn|hurt",
        ),
        "overdose": guarded(
            re.compile(
                r"""
        \boverdos(?:e|es|ed|ing)\b
        (?!\s+(?:on|of)\s+(?:chocolate|sugar|sweets|cake|caffeine|coffee|tea|tv|telly
            |television|netflix|box\s*sets?|nostalgia|sunshine|kindness|love|information|work
            |exercise|carbs|cuteness)\b)
        """,
                re.IGNORECASE | re.VERBOSE,
            ),
            "overdos",
        ),
    }
)

# Which content warnings cover a topic: a reasonable synonym is enough.
_SUICIDE_COVERS = (
    r"suicid|(?:taking|take|took|end|ending)\s+(?:one's|their|my|his|her)\s+(?:own\s+)?life"
)
_SELF_HARM_COVERS = r"self[\s_-]*(?:harm|injur|inflict)|\bnssi\b|\bcutting\b"
_WARNING_COVERS: Mapping[Topic, re.Pattern[str]] = MappingProxyType(
    {
        "suicide": re.compile(_SUICIDE_COVERS, re.IGNORECASE),
        "self-harm": re.compile(_SELF_HARM_COVERS, re.IGNORECASE),
        "overdose": re.compile(rf"overdos|{_SUICIDE_COVERS}|{_SELF_HARM_COVERS}", re.IGNORECASE),
    }
)
_SUGGESTED_WARNING: Mapping[Topic, str] = MappingProxyType(
    {
        "suicide": '"suicide" or "suicidal thoughts"',
        "self-harm": '"self-harm"',
        "overdose": '"overdose" (or "self-harm" or "suicide", whichever it was)',
    }
)

_DRUGS = (
    r"paracetamol|acetaminophen|tylenol|co-?codamol|codeine|ibuprofen|aspirin|tramadol"
    r"|morphine|oxycodone|oxycontin|fentanyl|heroin|methadone|insulin|amitriptyline"
    r"|sertraline|citalopram|fluoxetine|diazepam|valium|zopiclone|benzos?|benzodiazepines?"
    r"|lithium|quetiapine|antidepressants?|painkillers?|sleeping\s+(?:pills|tablets)"
)
_PILLS = rf"(?:pills|tablets|capsules|{_DRUGS})"
_NUMBER_WORDS = (
    r"\d{1,4}|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty"
    r"|thirty|forty|fifty|sixty|hundred|dozens|hundreds"
)
# "two tablets a day", "20 mg of sertraline each morning": a prescription, not a method.
_NOT_A_UNIT = r"(?!(?:mg|milligrams?|ml|mcg|micrograms?|grams?|g)\b)"
_DAILY_DOSE = re.compile(
    r"[^.;!?\n]{0,40}?\b(?:(?:a|per|each|every)\s+(?:day|night|morning|evening)|daily|twice)\b",
    re.IGNORECASE,
)
_HEIGHTS = (
    r"bridge|cliffs?|cliff\s+edge|viaduct|flyover|roof|rooftop|multi-storey(?:\s+car\s+park)?"
    r"|car\s+park|tower\s+block|tower|balcony|building|ledge|window"
)


@dataclass(frozen=True)
class _MethodPattern:
    pattern: GuardedPattern
    advice: str
    daily_dose_is_fine: bool = False


_ADVICE_METHOD = (
    "leave out how it was done: say what happened in general words,"
    ' such as "I tried to end my life" or "I self-harmed"'
)
_ADVICE_MEANS = (
    'leave out drug names and amounts: "I took an overdose" says enough,'
    " without telling a reader at risk what or how much"
)
_ADVICE_PLACE = (
    "leave out the place and how: guidance asks that a location is not named or described"
    " as a place of suicide"
)

_METHODS: tuple[_MethodPattern, ...] = (
    _MethodPattern(
        guarded(
            re.compile(
                rf"\bhang(?:ed|ing|s)?\s+{_SELVES}\b|\bhanged\b"
                r"|\b(?:by|attempted|tried|death\s+by|suicide\s+by)\s+hanging\b"
                r"(?!\s+(?:out|around|about|round|up|on|onto|off|over|in|with|back|together|from"
                r"|a|an|the|my|some|pictures?|washing|baskets?|decorations)\b)"
                r"|\bnooses?\b|\bligatures?\b",
                re.IGNORECASE,
            ),
            "hang|noose|ligature",
        ),
        _ADVICE_METHOD,
    ),
    _MethodPattern(
        guarded(
            re.compile(
                rf"\b(?:cut|cuts|cutting|slit|slitting|slashed|slashing)\s+{_POSSESSIVE}\s+(?:own\s+)?"
                r"(?:wrists?|arms?|forearms?|thighs?|legs?|throat|skin)\b"
                r"(?!\s+(?:on|by\s+accident|accidentally|shaving)\b)",
                re.IGNORECASE,
            ),
            "cut|slit|slash",
        ),
        _ADVICE_METHOD,
    ),
    _MethodPattern(
        guarded(
            re.compile(
                rf"\bhow\s+many\s+{_PILLS}\b"
                rf"|\b(?:{_NUMBER_WORDS})\s+(?:{_NOT_A_UNIT}\w+\s+){{0,2}}?{_PILLS}\b"
                rf"|\b(?:(?:a|the|extra|spare|several)\s+(?:whole\s+|full\s+|entire\s+)?"
                r"(?:packet|pack|box|bottle|strip|handful|load)s?\s+of"
                rf"|all\s+(?:of\s+)?{_POSSESSIVE}|all\s+(?:of\s+)?the)\s+(?:\w+\s+){{0,2}}?{_PILLS}\b"
                r"|\b(?:lethal|fatal|deadly)\s+(?:dose|amount|quantity)\b"
                r"|\b(?:every|each)\s+(?:single\s+)?(?:pill|tablet|capsule)\s+in\b"
                r"|\beverything\s+in\s+the\s+(?:medicine|bathroom)\s+(?:cabinet|cupboard|box)\b"
                # Keeping medicine back to take at once: stockpiling, in the words people use.
                r"|\b(?:stockpil\w*|hoard\w*|stash\w*|sav(?:e|ed|ing)(?:\s+up)?|kept\s+back"
                r"|keep(?:ing)?\s+back)"
                rf"\s+(?:\w+\s+){{0,4}}?(?:{_PILLS}|medication|meds|prescriptions?)\b"
                rf"|\b{_PILLS}\b[^.!?\n]{{0,60}}?\bfrom\s+(?:\w+\s+)?(?:different|several|other|various)"
                r"\s+(?:chemists|pharmacies|shops|supermarkets)\b"
                rf"|\b(?:take|took|taking|swallow\w*|down(?:ed|ing)?|wash(?:ed|ing)?)\s+(?:\w+\s+){{0,4}}?"
                r"(?:down\s+)?with\s+(?:a\s+(?:whole\s+)?(?:bottle|glass|can)\s+of\s+)?"
                r"(?:vodka|whisky|whiskey|wine|gin|rum|alcohol|beer|cider|brandy)\b"
                rf"|\boverdos\w*\s+(?:\w+\s+){{0,3}}?(?:{_DRUGS})\b"
                rf"|\b(?:{_DRUGS})\s+overdos\w*",
                re.IGNORECASE,
            ),
            "pill|tablet|capsule|paracetamol|acetaminophen|tylenol|codamol|codeine|ibuprofen|"
            "aspirin|tramadol|morphine|oxycodone|oxycontin|fentanyl|heroin|methadone|insulin|"
            "amitriptyline|sertraline|citalopram|fluoxetine|diazepam|valium|zopiclone|benzo|"
            "lithium|quetiapine|antidepressant|painkiller|lethal|fatal|deadly|"
            "everything in the|medication|meds|prescription|vodka|whisky|whiskey|wine|gin|rum|"
            "alcohol|beer|cider|brandy|overdos",
        ),
        _ADVICE_MEANS,
        daily_dose_is_fine=True,
    ),
    _MethodPattern(
        guarded(
            re.compile(
                rf"\b(?:jump(?:ed|ing|s)?|leap(?:t|ed|ing|s)?|(?:throw|threw|throwing|thrown)\s+{_SELVES})"
                rf"\s+(?:off|from|out\s+of)\s+(?:(?:the|a|an|that|this|our|my)\s+)?(?:\w+\s+){{0,2}}?(?:{_HEIGHTS})\b"
                rf"|\b(?:jump(?:ed|ing|s)?|leap(?:t|ed|ing|s)?|(?:throw|threw|throwing|thrown)\s+{_SELVES}"
                r"|step(?:ped|ping)?)"
                r"\s+(?:in\s+front\s+of|under)\s+(?:(?:a|the|an)\s+)?(?:\w+\s+)?(?:train|lorry|truck|bus|car)s?\b"
                r"|\b(?:onto|on\s+to)\s+the\s+(?:railway\s+line|(?:railway\s+)?tracks|rails)\b"
                rf"|\b(?:edge|ledge|railings?|parapet)\s+of\s+(?:the|a|that)\s+(?:\w+\s+)?(?:{_HEIGHTS})\b"
                rf"|\b(?:{_HEIGHTS})\b[^.!?\n]{{0,20}}?\bto\s+jump\b|\bhigh\s+enough\s+to\s+(?:jump|fall)\b"
                r"|\bwalk(?:ed|ing|s)?\s+into\s+the\s+(?:sea|river|water|lake|loch)\b[^.!?\n]{0,30}?"
                r"\bnot\s+(?:coming|come)\s+back\b",
                re.IGNORECASE,
            ),
            "jump|leap|throw|threw|in front of|under|rail|tracks|edge|parapet|high enough|not com",
        ),
        _ADVICE_PLACE,
    ),
    _MethodPattern(
        guarded(
            re.compile(
                r"\b(?:drive|drives|driving|drove|crash|crashed|crashing)\s+(?:my|the|his|her)\s+car"
                r"\s+into\s+(?:a|the)\s+(?:wall|tree|bridge|lorry|river|sea)\b"
                r"|\bgarage\b[^.!?\n]{0,40}?\bengine\s+running\b|\bexhaust\s+(?:pipe|fumes)\b"
                r"|\b(?:tie|tied|tying|ties)\s+(?:a|the)\s+(?:rope|belt|cord|scarf)\s+(?:to|round|around)"
                r"\s+(?:a|the|my)\s+(?:banister|beam|loft|hook|door|tree|rail)\b",
                re.IGNORECASE,
            ),
            "car into|garage|exhaust|rope|belt|cord|scarf",
        ),
        _ADVICE_METHOD,
    ),
)
# Names that only count near a mention of suicide or self-harm: a named place with
# a reputation as a suicide location, and tools of self-harm.
_NEAR_A_MENTION: tuple[_MethodPattern, ...] = (
    _MethodPattern(
        guarded(
            re.compile(
                r"\b(?:Beachy\s+Head|Golden\s+Gate(?:\s+Bridge)?|Clifton\s+Suspension\s+Bridge"
                r"|Humber\s+Bridge|Erskine\s+Bridge|Aokigahara)\b",
                re.IGNORECASE,
            ),
            "beachy|golden gate|clifton|humber|erskine|aokigahara",
        ),
        _ADVICE_PLACE,
    ),
    _MethodPattern(
        guarded(
            re.compile(
                r"\b(?:razor\s+)?blades?\b|\brazors?\b|\brope\b",
                re.IGNORECASE,
            ),
            "blade|razor|rope",
        ),
        _ADVICE_METHOD,
    ),
)
_NEAR = 200
_KEYWORDS = KeywordSearch(
    {
        *(keyword for pattern in _MENTIONS.values() for keyword in pattern.keywords),
        *(
            keyword
            for method in (*_METHODS, *_NEAR_A_MENTION)
            for keyword in method.pattern.keywords
        ),
    }
)


def messaging_keywords(text: str) -> frozenset[str]:
    """The keywords of this module's patterns that ``text`` holds: what lets the scans
    below skip the patterns it cannot match. A caller that runs both scans on one
    text finds them once and passes them to each."""
    return _KEYWORDS.found_in(folded(text))


def find_mentions(text: str, keywords: frozenset[str] | None = None) -> list[Mention]:
    """Every reference to suicide, self-harm or overdose, in the order they appear."""
    present = messaging_keywords(text) if keywords is None else keywords
    found = [
        Mention(topic, match.start(), _quote(match.group()))
        for topic, pattern in _MENTIONS.items()
        for match in pattern.finditer(text, present)
    ]
    return sorted(found, key=lambda m: m.offset)


def missing_content_warnings(
    mentions: Iterable[Mention], content_warnings: Iterable[str]
) -> Iterator[Finding]:
    """The first mention of each topic that no content warning covers."""
    warnings = list(content_warnings)
    reported: set[Topic] = set()
    for mention in mentions:
        if mention.topic in reported:
            continue
        reported.add(mention.topic)
        if any(_WARNING_COVERS[mention.topic].search(w) for w in warnings):
            continue
        yield (
            mention.offset,
            f"the story mentions {mention.topic} ({mention.phrase!r}) but no content warning"
            f" covers it: add {_SUGGESTED_WARNING[mention.topic]} to content_warnings, so that"
            " readers can choose whether to read on",
        )


def find_method_details(
    text: str, mentions: Iterable[Mention], keywords: frozenset[str] | None = None
) -> Iterator[Finding]:
    """Each phrase that describes a method, means or place of suicide or self-harm."""
    present = messaging_keywords(text) if keywords is None else keywords
    for method in _METHODS:
        for match in method.pattern.finditer(text, present):
            if method.daily_dose_is_fine and _DAILY_DOSE.match(text, match.end(), match.end() + 60):
                continue
            yield match.start(), _method_message(match.group(), method.advice)
    offsets = [m.offset for m in mentions]
    if not offsets:
        return
    for method in _NEAR_A_MENTION:
        for match in method.pattern.finditer(text, present):
            if any(abs(offset - match.start()) <= _NEAR for offset in offsets):
                yield match.start(), _method_message(match.group(), method.advice)


def _method_message(phrase: str, advice: str) -> str:
    return (
        f"detail of method or means ({_quote(phrase)!r}): safe-messaging guidance (Samaritans,"
        f" WHO, reportingonsuicide.org; see {page_reference(SAFE_MESSAGING)}) advises against"
        f" it; {advice}"
    )


def _quote(phrase: str) -> str:
    words = " ".join(phrase.split())
    return words if len(words) <= 60 else words[:57] + "..."
