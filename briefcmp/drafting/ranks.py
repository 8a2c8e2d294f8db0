"""Ranks: "the third largest", "ranked 5th", "its largest partner", "the first country to"."""

from __future__ import annotations

import re
from typing import Optional

from briefcmp.corpus.model import Value
from briefcmp.drafting.dates import MONTHS
from briefcmp.drafting.numbers import ORDINAL_WORDS
from briefcmp.drafting.qualifiers import with_bound
from briefcmp.drafting.spans import SpanSet
from briefcmp.drafting.unitwords import STOP, WORD, digits_stand_alone

SUPERLATIVE = re.compile(
    r"[\s-]+(largest|biggest|greatest|highest|lowest|smallest|leading|top|richest|poorest|strongest|"
    r"weakest|busiest|fastest[\s-]growing|most[\s-]+[a-z]+|least[\s-]+[a-z]+)\b", re.I)
RANK_BEFORE = re.compile(r"\b(?:rank(?:s|ed|ing)?|placed?|places|position(?:ed)?)\s+(?:as\s+)?(?:the\s+)?"
                          r"(?:world'?s\s+)?$", re.I)
PLACE_AFTER = re.compile(r"\s+(?:place|position|spot)\b", re.I)
ANY_OTHER = re.compile(r"\b(?:more|larger|bigger|higher|greater|most)\b[^.;:]{0,40}?\bthan\s+any\s+other\s+"
                        r"([a-z]+(?:\s+[a-z]+)?)", re.I)
FIRST_TO = re.compile(r"\b[Tt]he\s+first\s+((?:[A-Za-z-]+\s+){0,3}?[A-Za-z-]+)\s+to\s+[a-z]+\b")
TOP_SUPERLATIVE = re.compile(
    r"(?:\b(?:the|its|their|his|her)|'s)\s+(largest|biggest)\s+([A-Za-z-]+)")


# A capitalised run after an ordinal is a name ("the eighth Power Development Plan", "the fifth Plenum")
# when it is more than one word, ends in a word that heads names, or ends the noun phrase; "the second
# Korea-Russia summit", "the first EU dispute" are the n-th of a series.
_NAME_AFTER = re.compile(r"[\s-]+(?P<run>(?:[A-Z][\w'.-]*\s+)*[A-Z][\w'.-]*)(?:\s+(?P<noun>[a-z]+))?")
_NAME_HEADS = frozenset("Plan Plans Congress Conference Party Programme Program Strategy Assembly Session Plenum "
                        "Amendment Directive Package Report Forum Committee Council Convention Protocol Accord "
                        "Treaty Agreement Act Law Decree Republic Reich Dynasty Empire".split())
# After an ordinal, the words of a run: "straight", "consecutive", "successive", or "... in a row".
_STREAK = re.compile(r"\s+(?:straight|consecutive|successive|uninterrupted)\b|\s+[a-z]+(?:\s+[a-z]+)?\s+in\s+a\s+row\b",
                     re.I)
SERIES_NOUNS = frozenset("summit summits meeting meetings talks round rounds visit visits election elections term "
                         "terms package packages conference session sessions war deal dialogue forum tranche tranches "
                         "consultation consultations phase administration government cabinet premiership "
                         "presidency wave trip attempt bid".split())


def rank_at(text: str, m: re.Match) -> Optional[tuple[int, int, str, Value]]:
    a, b = m.span()
    token = m.group().lower()
    digits = re.match(r"\d+", token)
    if digits and not digits_stand_alone(text, a, a + len(digits.group()), ordinal=True):
        return None
    rank = int(digits.group()) if digits else ORDINAL_WORDS[token]
    if rank < 1:
        return None
    sup = SUPERLATIVE.match(text, b)
    if sup:
        of, end = rank_of(text, sup.end())
        return with_bound(text, a, end, "rank", Value("rank", amount=float(rank), unit=of))
    before = RANK_BEFORE.search(text, max(0, a - 40), a)
    place = PLACE_AFTER.match(text, b)
    if before or (place and digits):
        return a, place.end() if place else b, "rank", Value("rank", amount=float(rank))
    if digits and _STREAK.match(text, b) and re.search(r"(?:\b(?:the|its|their|a)|'s)\s+$", text[max(0, a - 8):a]):
        # "the 14th straight month", "its 12th consecutive rise", "the 12th year in a row": how long a run
        # has lasted, as "the fourteenth straight month" in words is (a date, "the 14th of May", is not one)
        of, end = rank_of(text, b)
        if of and of.split()[0] not in MONTHS:
            return a, end, "rank", Value("rank", amount=float(rank), unit=of)
    if digits:
        anniversary = re.match(r"\s+(?:anniversary|birthday)\b", text[b:b + 14], re.I)
        if anniversary and rank > 1:
            return a, b + anniversary.end(), "duration", Value("quantity", amount=float(rank), unit="years")
        return None
    name = _NAME_AFTER.match(text, b)
    if name and (name.group("noun") or "") not in SERIES_NOUNS:
        run = name.group("run").split()
        if len(run) > 1 or run[-1] in _NAME_HEADS or not name.group("noun") or name.group("noun") in STOP:
            return None  # "the eighth Power Development Plan", "the fifth Plenum of": part of a name
    if rank >= 2 and token == m.group() and re.search(r"\b(?:the|its|their|his|her|a)\s+$|'s\s+$",
                                                      text[max(0, a - 8):a]):  # "the Second World War": a name
        # "his second premiership", "the third summit": the n-th of a series
        of, end = rank_of(text, b)
        if of and of.split()[0] in ("year", "month", "quarter", "half", "week", "day", "term") and \
                re.search(r"\b(?:in|during|by|from|until|after|before|over|within|of)\s+the\s+$",
                          text[max(0, a - 16):a],
                          re.I):
            return None  # "falling to 20 percent in the second year": when, not a rank
        if of and of.split()[0] not in ("time", "times", "half", "quarter", "place", "largest"):
            return a, end, "rank", Value("rank", amount=float(rank), unit=of)
    if rank == 1 and token == m.group() and re.search(r"\bthe\s+$", text[max(0, a - 5):a]):
        of, end = rank_of(text, b)
        if of and of.split()[0] not in ("time", "times", "half", "quarter", "place") and \
                re.match(r"(?:\s+[A-Za-z-]+){0,5}\s+since\b", text[end:end + 60]):
            return a, end, "rank", Value("rank", amount=1.0, unit=of)  # "the first dispute ... since 2019"
    return None


def rank_of(text: str, pos: int) -> tuple[str, int]:
    """What is ranked: the noun phrase after the ordinal, up to three words ("trade partner")."""
    words: list[str] = []
    end = pos
    for _ in range(3):
        m = WORD.match(text, end)
        if not m or "\n" in text[end:m.start(1)] or text[end:m.start(1)].strip(" -"):
            break
        word = m.group(1).rstrip(".'")
        low = word.lower()
        if low in STOP or low.endswith("'s") or low in MONTHS or low in ORDINAL_WORDS:
            break
        words.append(low)
        end = m.start(1) + len(word)
        nxt = WORD.match(text, end)
        if not nxt or nxt.group(1).lower() in STOP or not text[end:nxt.start(1)].strip(" ") == "":
            break
    return " ".join(words), end


def phrase_ranks(text: str, blocked: SpanSet, used: SpanSet) -> list[tuple[int, int, str, Value]]:
    """Rank 1 said in words: "its largest partner", "more than any other country", "the first X to"."""
    out = []
    for pattern, group in ((TOP_SUPERLATIVE, 2), (ANY_OTHER, 1), (FIRST_TO, 1)):
        for m in pattern.finditer(text):
            a, b = m.span()
            if blocked.overlaps(a, b) or used.overlaps(a, b):
                continue
            if pattern is TOP_SUPERLATIVE and re.search(r"\b(?:one|some|among|several|many)\s+of\s+"
                                                         r"(?:the\s+)?\S*$", text[max(0, a - 30):a], re.I):
                continue  # "one of the largest": not first
            if pattern is FIRST_TO and (re.search(r"\b(?:time|of)\b", m.group(1), re.I)
                                         or not m.group(1)[:1].isalpha()):
                continue
            of = m.group(group).lower()
            if pattern is TOP_SUPERLATIVE:
                a = m.start(1)
                of, b = rank_of(text, m.end(1))
                if not of:
                    continue
            used.add(a, b)
            out.append((a, b, "rank", Value("rank", amount=1.0, unit=of)))
    return out
