"""Numbers with no unit after them that are still figures, by what their sentence says of them:
a named ratio or index ("the jobs-to-applicants ratio eased to 1.27"), a count named by "the number
of", by its verb or by a label ("payrolls edged up by 114,000", "Nonfarm payrolls: +114,000"), and
the entries of a list of counts ("Korea with 8,817,800, followed by China with 6,981,200"). Used by
``drafting.figures``; ``last_bare`` and ``last_count`` are (sentence start, kind or unit) of the
sentence's last such figure, so that a list or a comparison base counts what came before it.
"""

from __future__ import annotations

import functools
import re
from typing import Optional

from briefcmp.corpus.model import Value
from briefcmp.corpus.units import PERSON_NOUNS
from briefcmp.drafting.qualifiers import with_bound
from briefcmp.drafting.unitwords import plural_noun

# "42 deaths per 1,000 live births": a rate, one figure (not a count of births)
PER_BASE = re.compile(r"\s+per\s+(?P<n>\d{1,3}(?:,\d{3})+|\d+)\s+(?P<what>(?:[a-z]+\s+)?(?:[a-z]+s|people|"
                       r"population|children|women|men)|[a-z]+s|people|population|children)\b")
# "Deportations rose to 16,400", "visitors from South Korea numbered 8,817,800": the subject is counted
COUNTED_BEFORE = re.compile(r"\b(?P<n>[A-Za-z]{4,})(?:\s+(?:in|of|from|to)\s+(?:the\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,2})?"
                             r"\s+(?:reached|totall?ed|numbers?|totals?|reach(?:es)?|hit|stood\s+at|"
                             r"numbered|rose\s+to|fell\s+to|climbed\s+to|dropped\s+to|increased\s+to|"
                             r"decreased\s+to|grew\s+to|jumped\s+to)\s+(?:about\s+|around\s+|some\s+|nearly\s+|"
                             r"almost\s+|roughly\s+|more\s+than\s+|over\s+)?$")
# What names a number with no unit as a figure (see bare_figure).
_VALUE_VERB = (r"(?:is|was|are|were|stood\s+at|stands\s+at|came\s+in\s+at|came\s+to|reached|hit|rose\s+to|"
               r"printed|registered|recorded|posted|averaged|touched|read|"  # "the index printed 127.4 for October"
               r"fell\s+to|climbed\s+to|dropped\s+to|slipped\s+to|slid\s+to|eased\s+to|edged\s+(?:up|down)\s+to|"
               r"increased\s+to|decreased\s+to|declined\s+to|improved\s+to|worsened\s+to|jumped\s+to|"
               r"remained\s+at|held\s+at|was\s+unchanged\s+at|unchanged\s+at|at|of|to)")
_QUALIFIER = (r"(?:(?:about|around|some|nearly|almost|roughly|approximately|just|only|a\s+record|a\s+revised|"
              r"an?\s+(?:all-time|record|new)\s+(?:high|low)\s+of|a\s+(?:record|new)\s+(?:high|low)\s+of)\s+)?")
_UNITLESS_BEFORE = re.compile(r"\b(?:ratio|index|indicator|gauge|multiplier|coefficient)(?:\s+(?:reading|level|"
                              r"value))?\s+(?:(?:was\s+|is\s+)?(?:estimated|put|seen|revised|pegged)\s+at\s+|"
                              + _VALUE_VERB + r"\s+)" + _QUALIFIER + r"$", re.I)
_NUMBER_OF_BEFORE = re.compile(r"\bnumber\s+of\s+(?P<n>[a-z-]+(?:\s+[a-z-]+){0,2})\b[^;:]{0,60}?\s"
                               r"(?:(?:is|was|are|were)\s+(?:estimated|put|seen)\s+at|" + _VALUE_VERB + r")\s+"
                               + _QUALIFIER + r"$", re.I)
_COUNT_CHANGE_BEFORE = re.compile(r"\b(?:rose|fell|grew|gained|increased|decreased|declined|dropped|climbed|jumped|"
                                  r"slipped|edged\s+(?:up|down|higher|lower)|went\s+(?:up|down)|revised\s+(?:up|down)|"
                                  r"lowered|raised|cut|reduced|added|shed|lost|grown|risen|fallen|up|down)"
                                  r"(?:(?:,?\s+\w[\w,.]*){0,10}?,?\s+(?:by|to)\s+"
                                  r"(?:(?:a\s+combined|a\s+total\s+of|an\s+average\s+of|"
                                  r"a\s+net)\s+)?|\s+)" + _QUALIFIER + r"$", re.I)  # ("payrolls rose 143,000": no "by")
# What counts jobs: employment and payrolls (not unemployment, not a count of people or firms named)
_JOBS = re.compile(r"\b(?:payrolls?|employment|jobs?|hiring|job\s+(?:gains?|growth))\b", re.I)
_JOBS_NOT = re.compile(r"\b(?:unemploy\w*|jobless\w*|people|persons|workers|firms|companies|applicants|openings|"
                       r"vacancies|claims|layoffs)\b", re.I)
# "ran at a seasonally adjusted annual rate of 1,289,000", "to an annualized 533,000", "single-family starts
# ran at 1,011,000": a flow counted per period (a grouped number: "exports ran at 900 Mb/d" is no count)
_ANNUAL_RATE_BEFORE = re.compile(r"\b(?:(?:annual|annuali[sz]ed|yearly)\s+(?:rate|pace)\s+of|an\s+annuali[sz]ed|"
                                 r"(?:ran|runs|run|running)\s+at)\s+" + _QUALIFIER + r"$", re.I)
_LABEL_BEFORE = re.compile(r"[A-Za-z)]:\s+" + _QUALIFIER + r"$")
_COMPARED_AFTER = re.compile(r"\s+(?:(?:lower|higher|more|fewer|less)\s+than|(?:monthly\s+|annual\s+|yearly\s+)?"
                             r"(?:average|increase|gain|rise|drop|decline|decrease|loss)\b)")
# "the 160.2 all-time high", "a 127.4 peak": a level of the index or ratio the sentence named before
_LEVEL_AFTER = re.compile(r"\s+(?:(?:all-time|record|previous|earlier|recent|\d{1,2}-(?:year|month))\s+)?"
                          r"(?:high|low|peak|trough)\b")
_INDEX_NAMED = re.compile(r"\b(?:index|ratio|gauge|indicator)\b", re.I)
# "The ... Index (KOSPI) finished at 2,464.00", "the index fell 1.4%, closing at 2,464": a market's close is a level
_CLOSE_AT_BEFORE = re.compile(r"\b(?:clos|finish|end|open|settl)(?:ed|ing|es|e|)\s+(?:the\s+(?:day|session|week)\s+)?"
                              r"at\s+" + _QUALIFIER + r"$", re.I)
_LIST_ENTRY_BEFORE = re.compile(r"\b(?:with|at|by)\s+" + _QUALIFIER + r"$")
_BASE_BEFORE = re.compile(r"\b(?:from|against|versus|compared\s+(?:with|to)|after)\s+" + _QUALIFIER + r"$")
_CLAUSE_CUT = re.compile(r"[;:]\s|,\s+(?:and|but|while|whereas)\s|\.\s")
# "the population rose to 62 027 503", "Most populous provinces: Gauteng 15.1 million": a population,
# and what is populous, is counted in people
_POPULATION = re.compile(r"\b(?:(?:most|least|more|less)\s+populous|population|inhabitants|populace)\b", re.I)

Found = tuple[int, int, str, Value]


def bare_figure(text: str, a: int, b: int, token: str, amount: float, s0: int,
                last_bare: Optional[tuple[int, str]], last_count: Optional[tuple[int, str]]) -> Optional[Found]:
    """The figure of the number ``text[a:b]`` (value ``amount``, in the sentence starting at ``s0``)
    that has no unit after it, or None:

    - a ratio or an index, named before it: "the jobs-to-applicants ratio eased to 1.27", "a
      ratio of 1.27", "the index stood at 98.2" (a unitless value), and its base ("from 1.30");
    - "the number of visitors was estimated at 3,489,800": a count of what is numbered;
    - a count changing: "payrolls edged up by 114,000", "cut by a combined 29,000", "29,000 lower
      than first reported", an explicit sign ("Nonfarm payrolls: +114,000") or a label in a list
      ("12-month average: 215,000"): a count of jobs where employment or payrolls change, else with
      no unit (the clause says of what);
    - the next entries of a list of counts: "Korea with 8,817,800, followed by China with
      6,981,200" counts what the first one counts.
    """
    lead = text[max(s0, a - 120):a]
    clause = _CLAUSE_CUT.split(lead)[-1]
    sign = a >= 1 and text[a - 1] in "+-\u2212" and (a < 2 or text[a - 2] in " (\n:")
    start = a - 1 if sign else a
    value = -amount if sign and text[a - 1] != "+" else amount
    if (_UNITLESS_BEFORE.search(clause) and not PER_BASE.match(text, b)) or \
            (last_bare and last_bare == (s0, "ratio") and _BASE_BEFORE.search(lead)) or \
            (_LEVEL_AFTER.match(text, b) and _INDEX_NAMED.search(text, s0, a)) or \
            (_CLOSE_AT_BEFORE.search(clause) and re.search(r"\bindex\b", clause, re.I) and not PER_BASE.match(text, b)):
        # "the index stood at 98.2", "to 1.27 from 1.30", "short of the 160.2 all-time high": a level of
        # what was named; an index is written in points ("127.4 points"), a ratio in nothing
        named = [m.group().lower() for m in _INDEX_NAMED.finditer(text, s0, a)]
        unit = "points" if named and named[-1] == "index" else ""
        return with_bound(text, start, b, "ratio", Value("quantity", amount=value, unit=unit))
    grouped = "," in token or amount >= 10000
    noun = _numbered(clause) or _people(text, s0, a)
    if noun and grouped:
        return with_bound(text, start, b, "count", Value("quantity", amount=value, unit=noun))
    if not grouped:
        return None
    if sign or _COUNT_CHANGE_BEFORE.search(lead) or _LABEL_BEFORE.search(lead) or _COMPARED_AFTER.match(text, b) \
            or _ANNUAL_RATE_BEFORE.search(lead) or terse_label(text, s0, start):
        # "payroll employment edged up by 114,000", "Nonfarm payrolls: +114,000": jobs are counted;
        # "Transits: 9,936": what the label names
        return with_bound(text, start, b, "count", Value("quantity", amount=value,
                                                         unit=_jobs(lead) or label_noun(text, s0, start)))
    if last_count and last_count[0] == s0 and (_LIST_ENTRY_BEFORE.search(lead) or _BASE_BEFORE.search(lead)):
        # "followed by KwaZulu-Natal with 12 423 907", "rose to 62,027,503 from 51,770,560": counts the same
        return with_bound(text, start, b, "count", Value("quantity", amount=value, unit=last_count[1]))
    return None


def counted_by(text: str, a: int, s0: int, last_count: Optional[tuple[int, str]]) -> str:
    """What a scaled count with no noun after it counts, when its clause names it: "the number of
    visitors hit a record 36.87 million", "visitors from Korea numbered 8.8 million", or the next
    entry of a list of such counts or their base ("..., followed by China at 6.98 million", "up from
    25.07 million"); "" when not said."""
    lead = text[max(s0, a - 120):a]
    noun = _numbered(_CLAUSE_CUT.split(lead)[-1])
    if noun:
        return noun
    counted = COUNTED_BEFORE.search(text, max(0, a - 80), a)
    if counted and plural_noun(counted.group("n")):
        return counted.group("n").lower()
    if last_count and last_count[0] == s0 and last_count[1] and (_LIST_ENTRY_BEFORE.search(lead) or
                                                               _BASE_BEFORE.search(lead)):
        return last_count[1]
    if _COUNT_CHANGE_BEFORE.search(lead) or _LABEL_BEFORE.search(lead) or (a >= 1 and text[a - 1] in "+-\u2212"):
        jobs = _jobs(lead)  # "payrolls rose 256K", "Nonfarm payrolls: +256k": jobs, as "rose 256,000" is
        if jobs:
            return jobs
    return _people(text, s0, a) or label_noun(text, s0, a)


# "Transits: 9,936", "- Foreign arrivals: 35.5 mn": a list's label, a plural noun and a colon
_LABEL_NOUN = re.compile(r"\b([A-Za-z][a-z-]{2,}):\s*[+\-\u2212]?$")


# A note's item: a label that opens its line or bullet and the count right after it, no verb ("FY24 arrivals
# 2,053,465", "- Employees 12,400"): at most two short tags before the plural noun. (Not after ";": "The fund lost
# $3 billion; rivals 7 billion" leaves the verb out, and "rivals" is who, not what.)
_ITEM_START = re.compile(r"[\n\u2022\u00b7]")
# (before the noun only a period's or a segment's tag, "FY24", "Q3", "H1 2024": a capitalised word there may be a
# name and the word after it a verb, "Canada adds 46,700")
_TERSE_LABEL = re.compile(r"\s*(?:[-*\u2013\u2014]\s*)?(?:(?=[A-Z0-9]*\d)[A-Z0-9]{1,6}\s+|[A-Z]{2,5}\s+){0,2}"
                          r"([A-Za-z][a-z-]{2,})\s+[+\-\u2212]?")


def terse_label(text: str, s0: int, a: int) -> str:
    """The plural noun a note's item opens with right before its count ("FY24 arrivals 2,053,465" -> arrivals),
    or ""."""
    item = _ITEM_START.split(text[max(s0, a - 40):a])[-1]
    if a - len(item) > s0 and not _ITEM_START.match(text, a - len(item) - 1):
        return ""  # the item must open its sentence or follow an item break, not start mid-phrase
    m = _TERSE_LABEL.fullmatch(item)
    return _counted_noun(m.group(1)) if m else ""


def _counted_noun(word: str) -> str:
    # (not "people": how many humans, the measure named by the words before it, "Employed people: +35,600")
    return word.lower() if word and plural_noun(word) and not place_word(word) and word.lower() not in PERSON_NOUNS else ""


def label_noun(text: str, s0: int, a: int) -> str:
    """The plural noun a label names right before a count ("Transits: 9,936" -> transits; a note's item
    "Passengers 131m", ``terse_label``), or "" (not a place: "Philippines: 4.2 mn" is whose, not what)."""
    m = _LABEL_NOUN.search(text, max(s0, a - 40), a)
    if not m:
        return terse_label(text, s0, a)
    word = m.group(1)
    return _counted_noun(word)


def place_word(word: str) -> bool:
    """A capitalised word that ends the English name of a country or territory in CLDR ("Philippines",
    "Islands", "Netherlands")."""
    return word[:1].isupper() and word in _place_words()


@functools.lru_cache(maxsize=1)
def _place_words() -> frozenset[str]:
    from babel import Locale

    return frozenset(name.split()[-1] for name in Locale("en").territories.values())


def _jobs(lead: str) -> str:
    """"jobs" when the clause before a count changing speaks of employment or payrolls, else ""."""
    said = re.split(r";\s|\.\s|,\s+(?:and|but|while)\s", lead)[-1]  # a label before a colon too
    return "jobs" if _JOBS.search(said) and not _JOBS_NOT.search(said) else ""


def _people(text: str, s0: int, a: int) -> str:
    """"people" when the sentence before the number speaks of a population (see ``_POPULATION``)."""
    return "people" if _POPULATION.search(text, s0, a) else ""


def _numbered(clause: str) -> str:
    """"the number of international visitors ... is estimated at": visitors."""
    m = _NUMBER_OF_BEFORE.search(clause)
    return next((w.lower() for w in m.group("n").split() if plural_noun(w)), "") if m else ""
