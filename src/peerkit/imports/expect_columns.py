"""A spreadsheet's "what to expect" columns into a group's answers (model/expect.py).

Organisations keep these facts as yes/no columns ("Wheelchair accessible",
"Hearing loop"), a cost in words ("Free; tea and cake") and a few words ("drop
in", "run by volunteers"). A cell that says nothing we can read is left unsaid
and named in a warning, never guessed as a no.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from peerkit.imports.drafts import Problem, Where, warning
from peerkit.imports.expect_answers import Answers, cost_in_words, sign_language_of, yes_or_no

YES_NO_COLUMNS = ("step_free", "hearing_loop", "captions")
_DROP_IN = re.compile(r"drop|just (turn|come|show) up|no need|walk.?in|open to all", re.I)
_REGISTER = re.compile(r"regist|book|sign.?up|referr|call first|contact first|ring first", re.I)
_PEERS = re.compile(r"peer|volunteer|member|lived experience|self.?help", re.I)
_PROFESSIONAL = re.compile(
    r"professional|staff|nurse|therapist|counsel+or|psycholog|social worker|clinician", re.I
)


def answers_from_cells(cells: Mapping[str, str], where: Where) -> tuple[Answers, list[Problem]]:
    answers: Answers = {}
    problems: list[Problem] = []

    def unread(name: str, text: str, expected: str) -> None:
        problems.append(warning(where, f"{name} {text!r} not understood ({expected}); left out"))

    for name in YES_NO_COLUMNS:
        text = cells.get(name)
        if text:
            flag = yes_or_no(text)
            if flag is None:
                unread(name, text, "write yes or no")
            else:
                answers[name] = flag
    attendance = cells.get("attendance")
    if attendance:
        kind = (
            "register_first"
            if _REGISTER.search(attendance)
            else "drop_in"
            if _DROP_IN.search(attendance)
            else None
        )
        if kind:
            answers["attendance"] = kind
        else:
            unread("attendance", attendance, "write drop in or register first")
    run_by = cells.get("run_by")
    if run_by:
        peers, professional = _PEERS.search(run_by), _PROFESSIONAL.search(run_by)
        if peers or professional:
            answers["run_by"] = (
                "peers_with_professional"
                if peers and professional
                else "peers"
                if peers
                else "professional"
            )
        else:
            unread("run_by", run_by, "write peers, professional or both")
    signs = cells.get("sign_language")
    if signs and yes_or_no(signs) is not False:
        found = [sign_language_of(s) for s in re.split(r"[;,/\n]| and ", signs) if s.strip()]
        if found and all(found):
            answers["sign_language"] = list(dict.fromkeys(s for s in found if s))
        else:
            unread("sign_language", signs, "write BSL, ISL, ASL or another short name")
    cost = cost_in_words(cells.get("cost"))
    if cost:
        answers["cost"] = cost
    return answers, problems
