"""Numbers that are read with the words around them: fractions in words ("half of", "two-thirds
of", "half a percentage point"), "X to Y" that is a change and the level it reached, not a range, and
the bare base of a rate's percentage ("34.6%, up from 33.88")."""

from __future__ import annotations

import re
from typing import Optional

from briefcmp.corpus.model import Value
from briefcmp.drafting.numbers import FRACTIONS, NUMWORD, TOKEN, WORD_NUMBERS, number_value
from briefcmp.drafting.qualifiers import with_bound
from briefcmp.drafting.unitwords import unit_after


def fraction_at(text: str, m: re.Match) -> Optional[tuple[int, int, str, Value]]:
    """"half of", "half-owned", "a third of", "two-thirds of": a share in percent."""
    a, b = m.span()
    token = m.group().lower()
    parts = re.split(r"[\s-]+", token)
    n = WORD_NUMBERS.get(parts[0], 1) if len(parts) > 1 else 1
    whole = re.search(r"\b(\d+|" + NUMWORD + r")\s+and\s+(?:an?\s+)?$", text[max(0, a - 30):a], re.I)
    of_a_point = _OF_A_POINT.match(text, b)
    point = _FRACTION_POINT.match(text, b) or (_PERCENTAGE_POINTS.match(text, b) if whole else None) \
        or (of_a_point if of_a_point and _rate_moved(text, a, b) else None) \
        or (_BARE_POINT.match(text, b) if parts[-1] in ("half", "quarter", "quarters") and _rate_moved(text, a, b)
            else None)
    if of_a_point and not point:
        return None  # "a tenth of a point" of a score or an index: no share, and no percentage point said
    if point:  # "half a percentage point", "two-tenths of a percentage point", "a quarter-point cut"
        amount = round(n * FRACTIONS[parts[-1]] / 100, 4)
        if whole:  # "one and a half percentage points"
            amount, a = amount + (number_value(whole.group(1)) or 0), a - len(whole.group())
        return with_bound(text, a, point.end(), "points",
                          Value("quantity", amount=amount, unit="percentage-points"))
    scaled = _FRACTION_OF_SCALE.match(text, b)
    if scaled and not re.search(r"\b(?:first|second|last)\s+$", text[max(0, a - 8):a], re.I):
        # "half a million people", "a quarter of a million jobs", "one and a half billion dollars": an amount
        amount = n * FRACTIONS[parts[-1]] / 100 + (number_value(whole.group(1)) or 0 if whole else 0)
        after = unit_after(text, scaled.end(), currency=False)
        if after.kind in ("scaled", "count", "money"):
            start = a - len(whole.group()) if whole else a
            kind = "money" if after.kind == "money" else "count"
            return with_bound(text, start, after.end, kind,
                              Value("quantity", amount=round(amount, 4), scale=after.scale, unit=after.unit))
    follow = re.match(r"[\s-]+(?:of\b|the\b|its\b|their\b|his\b|her\b|[a-z]+-?owned\b|owned\b)", text[b:b + 12])
    if not follow and (not _FRACTION_SHARE.match(text, b) or parts[-1] == "quarters"):
        return None  # (counted quarters are also periods: "two quarters in the red" is two quarters of a year)
    if _FRACTION_PERIOD_BEFORE.search(text[max(0, a - 20):a]) or _FRACTION_TIME_AFTER.match(text, b):
        return None  # "the first half of 2023", "half an hour", "a quarter century": time, not a share
    if _FRACTION_IDIOM.match(text, b):
        return None  # "half the battle", "half of the time", "a third of the way": idioms, no stated whole
    if re.search(r"\b(?:and|a)\s+$|\bon\s+be$", text[max(0, a - 6):a], re.I):
        return None  # "one and a half", "on behalf"
    amount = round(n * FRACTIONS[parts[-1]], 1)
    end = b
    owned = re.match(r"-owned\b", text[b:b + 7])
    if owned:
        end = b + owned.end()
    return with_bound(text, a, end, "percent", Value("quantity", amount=amount, unit="percent"))


# A fraction of a percentage point: "half a percentage point", "two-tenths of a percentage point", "a
# quarter-point cut" (a rate's move: the hyphenated "point" names a percentage point before these nouns).
_FRACTION_POINT = re.compile(r"(?:\s+of)?\s+an?\s+percentage[\s-]+point\b|-percentage-point\b|"
                             r"-point\b(?=\s+(?:\w+\s+)?(?:cut|cuts|hike|hikes|rise|rises|increase|increases|"
                             r"reduction|reductions|decrease|decreases|move|moves)\b)", re.I)
# "half a point", "a quarter point", "a half-point": a percentage point left unsaid, read so only where the
# text speaks of a rate or writes a percentage (not "won by half a point")
_OF_A_POINT = re.compile(r"\s+of\s+an?\s+point\b", re.I)  # "a tenth of a point", "two-tenths of a point"
_BARE_POINT = re.compile(r"(?:\s+of)?\s+an?\s+point\b|[\s-]points?\b", re.I)
RATE_NOUN = re.compile(r"\b(?:(?:interest|policy|bank|cash|repo|overnight|key|benchmark|base|discount|lending|"
                       r"deposit|unemployment|jobless|participation|savings|tax|growth|inflation|mortgage)\s+rates?|"
                       r"rates|inflation|unemployment|yields?)\b", re.I)


def _rate_moved(text: str, a: int, b: int) -> bool:
    """Whether the sentence of ``text[a:b]`` names a rate (whose move the points are), before the
    points ("inflation rose half a point") or after them ("will add half a point to inflation")."""
    lo, hi = max(0, a - 200), min(len(text), b + 120)  # (a bounded look: linear whatever the text)
    s = max(text.rfind(". ", lo, a), text.rfind("\n", lo, a), lo - 1) + 1
    e = min(i for i in (text.find(". ", b, hi), text.find("\n", b, hi), hi) if i >= 0)
    return bool(RATE_NOUN.search(text, s, e))


# "half a million", "a quarter of a million", "one and a half billion": a fraction of the scale word after it
_FRACTION_OF_SCALE = re.compile(r"(?:\s+of)?\s+an?(?=\s+(?:thousand|million|billion|trillion)\b)|"
                                r"(?=\s+(?:million|billion|trillion)\b)", re.I)
_PERCENTAGE_POINTS = re.compile(r"\s+percentage[\s-]+points?\b", re.I)
# A fraction in words is a share when a comparison, a verb or a clause end follows it:
# "two-thirds more", "fell by a quarter,", "three-fourths are earmarked".
_FRACTION_SHARE = re.compile(r"\s*(?:[,.;:)]|\s(?:more|less|fewer|higher|lower|larger|smaller|bigger|above|below|"
                             r"are|were|is|was|has|have|had|will|would|went|came|before|since|from|in|to|by|on|"
                             r"last|this|over|and|than)\b)")
_FRACTION_PERIOD_BEFORE = re.compile(r"\b(?:first|second|third|fourth|last|latter|former|final|next|previous|past|"
                                     r"same|each|every|per)[\s-]+$", re.I)
_FRACTION_TIME_AFTER = re.compile(r"[\s-]+(?:an?\s+)?(?:hour|day|week|month|year|decade|century|time|way|mile|"
                                  r"dozen|point)s?\b", re.I)
_FRACTION_IDIOM = re.compile(r"[\s-]+(?:of\s+)?(?:the|his|her|its|their|my|our|your)\s+(?:\w+\s+)?"
                            r"(?:problem|battle|story|time|fun|truth|reason|answer|way|trouble|picture|equation|"
                            r"secret|life|lives|point)s?\b", re.I)
_CHANGE_VERB = re.compile(r"\b(?:r[oi]se|risen|rising|gain(?:ed|ing)?|jump(?:ed|ing)?|climb(?:ed|ing)?|"
                          r"increas(?:ed|ing)|add(?:ed|ing)|fell|fallen|falling|dropp(?:ed|ing)|slipp(?:ed|ing)|"
                          r"declin(?:ed|ing)|lost|shed|slid|eased|up|down|"
                          r"shr[aiu]nk|narrow(?:ed|ing)|widen(?:ed|ing)|gr[oe]w|grown|expand(?:ed|ing)|"
                          r"contract(?:ed|ing)|"
                          r"surg(?:ed|ing)|soar(?:ed|ing)|plung(?:ed|ing)|tumbl(?:ed|ing)|slump(?:ed|ing))"
                          r"\s+(?P<by>by\s+)?(?:about\s+|some\s+)?$", re.I)


def change_then_level(text: str, start: int, b: int, amount: float, upper: float) -> bool:
    """"+$1.57 to $31.67", "rose 25 cents to $4.10": "X to Y" is a change and the level it reached, not a
    range, when X carries a sign or follows a verb of change and Y is far above it (a range's ends are
    of one size: "rose 2 to 3 percent")."""
    if "to" not in text[b:b + 40].split()[:3]:
        return False
    if start > 0 and text[start - 1] in "+\u2212" or (text[start - 1:start] == "-" and text[start - 2:start - 1] in " ("):
        return True
    verb = _CHANGE_VERB.search(text, max(0, start - 40), start)
    # "shrank by £4.1bn to £17.8bn": "by" before a change with its own unit says the first is the change,
    # whatever the sizes (not "rose by 2 to 3 percent": one unit for both ends, a range)
    own_unit = not re.match(r"\s*(?:to\b|%|per\s?cent\b|percent\b|pct\b)", text[b:b + 12], re.I)
    return bool(verb) and (bool(verb.group("by")) and own_unit or upper >= 4 * amount)


# A percentage, then what it is compared with, whose number comes next with no unit: "34.6% year-on-year, up
# from 33.88", "4.1 percent, compared with a revised 4.3" (the clause goes on: no sentence end, no other number)
_BASE_OF_PERCENT = re.compile(r"\d\s*(?P<u>%|percent\b|per\s+cent\b|pct\b|pc\b|percentage[\s-]points?\b)"
                              r"(?P<pts>\s?pts?\b|\s+points?\b)?[^.;:!?\d]{0,60}?"
                              r"\b(?:from|than|versus|vs\.?|compared\s+(?:with|to)|against)\s+"
                              r"(?:(?:a|an|the)\s+)?(?:(?:revised|upwardly\s+revised|downwardly\s+revised|previous|"
                              r"prior|initial|preliminary)\s+)?$", re.I)
_LEVEL_BEFORE = re.compile(r"\b(?:to|at|was|were|is|are|of|stood\s+at|came\s+in\s+at)\s+(?:about\s+|around\s+|"
                           r"roughly\s+|nearly\s+|an?\s+)?[-+]?\d(?:[\d.,]*\d)?$", re.I)


def percent_base(text: str, a: int, sentence_start: int) -> bool:
    """Whether the bare number at ``a`` is the level a rate came from ("inflation rose to 34.6% from
    33.88"): a percentage in percent, also after a change in points. Not "sales rose 5% from 120": with no
    rate named and no level before it, 120 is what sales were."""
    base = _BASE_OF_PERCENT.search(text, max(0, a - 90), a)
    if not base or base.start() < sentence_start:
        return False
    return bool(RATE_NOUN.search(text, sentence_start, base.start())
                or _LEVEL_BEFORE.search(text, max(sentence_start, base.start() - 30), base.start() + 1))


# "three in four refugees", "one in every five adults", "two out of three firms", "1 in 10": a share of a
# whole, as a percentage (not a count of four refugees). The whole is a small number not followed by a
# time ("one in five years" is a frequency) and not a year ("3 in 2024").
_PROPORTION = re.compile(r"(?:\s+|-)(?:in|out[\s-]+of)(?:\s+|-)(?:every\s+)?"
                         r"(?P<m>\d{1,4}(?:,\d{3})?|" + NUMWORD + r"(?:\s+hundred)?)\b"
                         r"(?!\s*(?:%|percent|per\s+cent|[.,]\d))", re.I)
_PROPORTION_TIME = re.compile(r"[\s-]+(?:\w+\s+)?(?:years?|months?|weeks?|days?|hours?|minutes?|decades?|centuries|"
                              r"century|attempts?|tries|games?|matches|seasons?|races?|elections?|innings)\b", re.I)
_PROPORTION_NOT_BEFORE = re.compile(r"\b(?:no\.?|number|ranked|rank|ranks|top|seed|seeded|score[sd]?|scoring|"
                                    r"version|chapter|page|section|article|item|step|phase|stage|part|act|"
                                    r"game|round|grade|class|level|tier|category)\s+$", re.I)


def proportion_at(text: str, a: int, b: int, amount: float, words: bool) -> Optional[tuple[int, int, str, Value]]:
    """"three in four", "one in every five", "two out of three": the share amount/whole in percent, or
    None. The figure spans both numbers (the whole is no count of its own)."""
    m = _PROPORTION.match(text, b)
    if not m:
        return None
    whole = number_value(m.group("m").replace(",", ""))
    if whole is None or not (0 < amount < whole) or whole > 10000 or amount != int(amount) or \
            (not words and re.fullmatch(r"(?:1[89]|20)\d\d", m.group("m"))):
        return None
    if _PROPORTION_TIME.match(text, m.end()) or _PROPORTION_NOT_BEFORE.search(text, max(0, a - 16), a):
        return None
    if a > 0 and (text[a - 1].isdigit() or text[a - 1] in ".,"):
        return None
    share = round(100 * amount / whole, 1)
    return with_bound(text, a, m.end(), "percent", Value("quantity", amount=share, unit="percent"))


def written_shares(text: str) -> list[float]:
    """The shares in percent that ``text`` writes as proportions ("three in four": 75.0), as
    ``proportion_at`` drafts them (for checking that a drafted value is written in a quote)."""
    out = []
    for m in TOKEN.finditer(text):
        if m.group("word") or m.group("num"):
            n = number_value(m.group())
            got = proportion_at(text, m.start(), m.end(), n, bool(m.group("word"))) if n is not None else None
            if got is not None:
                out.append(got[3].amount)
    return out


# A rate's level with its percent left unsaid: "Inflation eased to 2.4 percent. Core inflation slowed to 3.1."
_RATE_LEVEL_BEFORE = re.compile(r"\b(?:was|were|is|are|stood\s+at|stands\s+at|came\s+in\s+at|"
                                r"(?:rose|fell|climbed|dropped|"
                                r"eased|slowed|accelerated|quickened|increased|decreased|declined|slipped|jumped|"
                                r"edged\s+(?:up|down)|ticked\s+(?:up|down))\s+to|remained\s+at|held\s+at|"
                                r"unchanged\s+at)\s+(?:an?\s+)?$", re.I)
_NOT_PERCENT_RATE = re.compile(r"\b(?:index|exchange|ratio|hourly|per\s+hour|birth|fertility|mortality|death|"
                               r"dollar|yen|euro|won|yuan)\b", re.I)
PERCENT_WRITTEN = re.compile(r"\d\s*(?:%|percent\b|per\s+cent\b|pct\b)", re.I)
_RATE_CLAUSE_CUT = re.compile(r"[;:]\s|,\s+(?:and|but|while|whereas)\s|\.\s")


def rate_level(text: str, a: int, s0: int, before: int, amount: float) -> bool:
    """Whether the bare number at ``a`` is the level of a rate the clause names ("core inflation slowed to
    3.1", "the jobless rate was 4.1") in a text that writes the rate's percent in the same sentence or
    the one before (``before``: where that one starts): the unit a report leaves off once it has said it.
    Not an index, an exchange rate, a ratio or a rate per head of population."""
    if not 0 <= amount < 100 or not _RATE_LEVEL_BEFORE.search(text, max(s0, a - 40), a):
        return False
    clause = _RATE_CLAUSE_CUT.split(text[max(s0, a - 160):a])[-1]
    if not RATE_NOUN.search(clause) or _NOT_PERCENT_RATE.search(clause):
        return False
    return bool(PERCENT_WRITTEN.search(text, max(before, a - 400), a))
