"""Keywords a pattern cannot match without: a cheap test before a costly scan.

The safety scanners' patterns are long, case-insensitive alternations; Python's
`re` tries each of them at every word of a text, which cost about 30 s of CPU
for 5,000 stories (issue 18), although most stories match none of them. Each
pattern therefore names keywords that every match of it contains; one
Aho-Corasick pass (pyahocorasick) finds which keywords occur in a text, and a
pattern runs only when one of its own does. Whether it runs never changes what
it finds, only whether the time is spent.

Keywords are looked up in the text `folded`: lower case, each run of white space
as one space, and the few non-ASCII letters that `re.IGNORECASE` takes for an
ASCII one written as that letter. So a keyword "end it all" is found wherever
``end\\s+it\\s+all`` could match, in any case. A keyword must be written in lower
case, with single spaces only where its pattern requires white space.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import ahocorasick

# The only characters outside ASCII that `re.IGNORECASE` matches to an ASCII letter
# (capital I with a dot, dotless i, long s, the Kelvin sign); the tests enumerate
# every code point to prove that no other one does.
_ASCII_LOOKALIKES = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})


def folded(text: str) -> str:
    """``text`` as keywords are looked up in it (see the module's docstring)."""
    return " ".join(text.translate(_ASCII_LOOKALIKES).lower().split())


class KeywordSearch:
    """Which of a fixed set of keywords occur in a text, in one pass over it."""

    def __init__(self, keywords: Iterable[str]) -> None:
        self._automaton = ahocorasick.Automaton()
        for keyword in keywords:
            self._automaton.add_word(keyword, keyword)
        self._automaton.make_automaton()

    def found_in(self, text: str) -> frozenset[str]:
        return frozenset(keyword for _, keyword in self._automaton.iter(text))

    def any_in(self, text: str) -> bool:
        return next(self._automaton.iter(text), None) is not None


@dataclass(frozen=True)
class GuardedPattern:
    """A pattern and the keywords (folded) of which every match contains one."""

    pattern: re.Pattern[str]
    keywords: frozenset[str]

    def finditer(self, text: str, present: frozenset[str]) -> Iterator[re.Match[str]]:
        """The pattern's matches in ``text``; ``present``: the keywords found in it."""
        if present.isdisjoint(self.keywords):
            return iter(())
        return self.pattern.finditer(text)


def guarded(pattern: re.Pattern[str], keywords: str) -> GuardedPattern:
    """``pattern`` guarded by ``keywords``, written as "kill|to die|goodbye"."""
    return GuardedPattern(pattern, frozenset(keywords.split("|")))
