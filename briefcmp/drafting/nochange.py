"""No change written in words: "prices were unchanged from the previous month", "output was flat on the
quarter", "sales held steady in November" state a change of 0 against a base, a figure a reader sets
beside "rose 0.2%" in another report. Drafted as 0 percent (a change of a rate, "the jobless rate was
unchanged", as 0 percentage points).

Not drafted: a level that stayed ("unchanged at 4.75%", "held steady at 3.1%": the level is the figure,
drafted on its own), a decision that kept something ("left rates unchanged": no copula before the word),
and a state that is no figure ("the outlook remained stable"): the sentence must compare with a period
or hold a percentage of its own.
"""

from __future__ import annotations

import re

from briefcmp.corpus.model import Value
from briefcmp.drafting.spans import SpanSet

# The copula or verb of staying right before the word: what makes it the predicate of a measured thing.
_NO_CHANGE = re.compile(
    r"\b(?:was|were|is|are|be|been|being|remained|remains|remain|remaining|stayed|stays|stay|staying|held|holds|"
    r"hold|holding|came\s+in|come\s+in|comes\s+in|proved|ended|end|ends|finished|showed|recorded|posted|saw)"
    r"\s+(?P<q>(?:virtually|essentially|broadly|basically|largely|almost|nearly|roughly|practically|about|mostly)\s+)?"
    r"(?P<w>unchanged|flat|stable|steady|no\s+change)\b(?!-)", re.I)
# With no verb: "with prices flat m/m", "CPI unchanged on the month" (a headline or an absolute clause drops
# the copula); read so only right before the base of the change, where the word can only be a predicate
# (not "a flat tax", "the unchanged text").
_NO_CHANGE_VERBLESS = re.compile(
    r"(?<![\w-])(?P<q>)(?P<w>unchanged|flat)(?=\s+(?:[mqy]/[mqy]\b|on\s+the\s+(?:month|quarter|year)\b|"
    r"(?:month|quarter|year)[\s-](?:on|over)[\s-](?:month|quarter|year)\b))", re.I)
# "unchanged at 4.75%", "steady at 5.25 per cent": a level kept, written as its own figure.
_AT_LEVEL = re.compile(r"\s+(?:at|on|around|near)\s+(?:(?:about|around|roughly|an?|the|its|their|a\s+record|"
                       r"a\s+seasonally\s+adjusted|an\s+annual(?:ized|ised)?|annual(?:ized|ised)?|rate\s+of)\s+)*"
                       r"(?:[A-Z]{1,3}\$|[$€£¥₹₩-])?\d", re.I)
# What the word is compared with: a base period ("from the previous month", "on the quarter", "in
# November", "year-on-year") or another percentage in the sentence.
_COMPARED = re.compile(
    r"\b(?:month|quarter|year|week|period)(?:[\s-](?:on|over)[\s-](?:month|quarter|year|week))?\b|\b[mqy]/[mqy]\b|"
    r"\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:tember)?|"
    r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b|\d\s*(?:%|percent\b|per\s+cent\b)", re.I)
# Subjects whose staying the same is no figure: a view, a grade, a stance.
_NOT_MEASURED = re.compile(r"\b(?:outlook|ratings?|stance|polic(?:y|ies)|guidance|view|tone|position|"
                           r"situation|condition|conditions|health|relations?|leadership|team|weather)\b", re.I)
# A rate's move is in percentage points ("the jobless rate was unchanged"); a quantity's in percent.
_RATE = re.compile(r"\b(?:rate|ratio|share|yield|unemployment|jobless(?:ness)?|inflation)\b", re.I)
_BASE_OF_CHANGE = re.compile(r"\b(?:month|quarter|week)(?:[\s-](?:on|over)[\s-](?:month|quarter|week))?\b|"
                             r"\bm/m\b|\bq/q\b|\bprices?\b", re.I)
_CLAUSE = re.compile(r"[.;:!?]\s|,\s+(?:while|whereas|but|and|as)\b|\s+(?:while|whereas|but)\s")


def no_change_figures(text: str, sentences: list[tuple[int, int]], blocked: SpanSet,
                      used: SpanSet) -> list[tuple[int, int, str, Value]]:
    """A figure of 0 for each "was unchanged", "were flat", "held steady" that compares a measured thing
    with a base (see the module's docstring). ``sentences``: sorted (start, end) spans of ``text``."""
    import bisect

    out = []
    starts = [s for s, _ in sentences]
    found = sorted([*_NO_CHANGE.finditer(text), *_NO_CHANGE_VERBLESS.finditer(text)], key=lambda m: m.start("w"))
    for m in found:
        a, b = m.start("w"), m.end("w")
        if blocked.overlaps(a, b) or used.overlaps(a, b):
            continue
        i = bisect.bisect_right(starts, a) - 1
        s, e = sentences[i] if i >= 0 and a < sentences[i][1] else (0, len(text))
        # (a window of the sentence around the word: linear time whatever the sentence's length)
        s, e = max(s, m.start() - 300), min(e, b + 300)
        clause_end = _CLAUSE.search(text, b, e)
        tail = text[b:clause_end.start() if clause_end else e]
        if _AT_LEVEL.match(tail):
            continue  # "unchanged at 4.75%": the level is the figure
        cut = [c.end() for c in _CLAUSE.finditer(text, s, m.start())]
        subject = text[cut[-1] if cut else s:m.start()]
        if _NOT_MEASURED.search(subject) or not subject.strip():
            continue
        sentence = text[s:e]
        if not _COMPARED.search(sentence):
            continue  # "the outlook remained stable": nothing it is compared with
        rate = _RATE.search(subject) and not _BASE_OF_CHANGE.search(subject + tail)
        unit, kind = ("percentage-points", "points") if rate else ("percent", "percent")
        bound = "approximate" if m.group("q") else "exact"
        used.add(a, b)
        out.append((m.start("q") if m.group("q") else a, b, kind,
                    Value("quantity", amount=0.0, unit=unit, bound=bound)))
    return out


def says_no_change(text: str) -> bool:
    """Whether ``text`` writes a change of 0 in words ("were unchanged", "held steady"): where a value of 0
    is written, for matching a drafted claim to a quote (benchmarks/lineup_eval.py)."""
    return _NO_CHANGE.search(text) is not None or _NO_CHANGE_VERBLESS.search(text) is not None
