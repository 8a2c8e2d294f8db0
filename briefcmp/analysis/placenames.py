"""Named places and bodies: "the Santiago metropolitan region", "the Murray-Darling Basin", "the
Monetary Policy Committee" (``proper_names``), and the words that tell a name of its own from one of
words any country uses (``analysis.entities``: ``Entities.distinctive`` and ``Entities.organ``)."""

from __future__ import annotations

import re

from briefcmp.corpus.functionwords import FUNCTION_WORDS, MONTH_NAMES, WEEKDAYS

# The head of a name that names a place or an organisation: "the Santiago metropolitan region",
# "the Murray-Darling Basin", "the European Central Bank". A capitalised word before such a head
# (the head itself capitalised or not) makes a proper name; "Consumer Price Index" does not end in one.
_NAME_HEADS = frozenset("""
region regions sub-region subregion basin province state valley river delta district county city municipality prefecture oblast
governorate territory island islands peninsula lake bay coast corridor canal metropolitan area zone
voivodeship canton krai okrug raion commune parish borough township emirate
bank fund union council commission community authority agency ministry institute board reserve
corporation company group association federation committee parliament assembly directorate bureau
""".split())
# Words that name a body or place in any country: "the Central Bank", "the National Assembly", "the
# Northern Region" need their country to say which.
_GENERIC_NAME = frozenset("""
central national federal supreme constitutional high general state public people's peoples reserve finance
financial treasury health statistics statistical statistic electoral planning revenue tax customs interior
foreign home monetary development investment securities energy water environment environmental audit labour
labor justice agriculture agricultural trade industry commerce education defence defense security police
social housing transport infrastructure capital metropolitan northern southern eastern western north south
east west upper lower greater new old royal united republic democratic independent international
policy governing executive standing centre center
""".split())
_NAME_LINKS = frozenset("of for and de del do da des la".split())
# The heads of a state's organs, whose decisions and figures are their country's (``Entities.organ``).
_ORGAN_HEADS = frozenset("""
bank reserve committee council board authority agency ministry bureau directorate commission institute
parliament assembly
""".split())
# The words naming an organ of the state as a whole, whose figures are the country's ("the Monetary Policy
# Committee", "the Central Bank", "the National Statistics Authority"), not one sector's ("the Health Ministry").
_STATE_WORDS = frozenset("""
monetary policy governing executive standing central reserve national federal statistics statistical
statistic census supreme general state people's peoples
""".split())
# Words after the head that end the same name: "the Government Pension Fund Global", "Coal India Limited".
_NAME_ENDS = frozenset("global international worldwide limited ltd inc plc".split())
_NAME_TOKEN = re.compile(r"[A-Za-z][A-Za-z'-]*")
# Words any company names its parts with: "Sales by Business Group: Snacks 4.1%", "the Operating Segment": a part of the
# company a story is about, named by no word of its own, is no place or body (its figures are the company's).
_UNIT_WORDS = frozenset("business businesses operating reporting group groups unit units segment segments division "
                        "divisions area areas".split())
# A name right before a reporting verb is the source of a figure, not what it is about.
_REPORTS = re.compile(r"\s*(?:'s\s+)?(?:said|says|say|estimated|estimates|estimate|reported|reports|put|puts|"
                      r"projected|projects|forecast|forecasts|expects|expected|noted|notes|found|finds)\b")
# "The Vevey-based group", "the Paris-listed company": a body described by where it is, not named (its name is
# the company's, said elsewhere).
_DESCRIBED = re.compile(r"-[a-z]+ed$")
# Capitalised words that do not start a name: the function words, months and weekdays, and these.
_NOT_NAME = FUNCTION_WORDS | MONTH_NAMES | WEEKDAYS | frozenset("according among across since".split())


def proper_names(text: str) -> list[tuple[int, int, str]]:
    """(start, end, name) of each named place or organisation in ``text``: capitalised words
    (with "of", "and"... between them) ending in a place or organisation head word, which may
    be lower-case ("Santiago metropolitan region"). Not a name that reports a figure ("the
    National Statistics Office estimated ...")."""
    tokens = [(m.start(), m.end(), m.group()) for m in _NAME_TOKEN.finditer(text)]
    out: list[tuple[int, int, str]] = []
    i = 0
    while i < len(tokens):
        a, _, word = tokens[i]
        if not (word[0].isupper() and not word.isupper() and word.lower() not in _NOT_NAME) or _DESCRIBED.search(word):
            i += 1
            continue
        j, last_head, last = i, -1, i
        while j < len(tokens):
            _, _, w = tokens[j]
            gap = text[tokens[j - 1][1]:tokens[j][0]] if j > i else " "
            if not re.fullmatch(r"\s+|'s\s+", gap) or "'s" in gap:
                break
            low = w.lower().removesuffix("'s")
            capital = w[0].isupper() and not w.isupper() and low not in _NOT_NAME and not _DESCRIBED.search(w)
            if capital or (low in _NAME_HEADS and j > i) or (low in _NAME_LINKS and j > i and j + 1 < len(tokens)
                                                             and tokens[j + 1][2][:1].isupper()):
                if low in _NAME_HEADS and j > i:
                    last_head = j
                if capital or low in _NAME_HEADS:
                    last = j
                if not capital and low not in _NAME_HEADS and low not in _NAME_LINKS:
                    break
                if not capital and low in _NAME_HEADS and j + 1 < len(tokens) and \
                        tokens[j + 1][2].lower() not in _NAME_HEADS:
                    break  # a lower-case head ends the name
                j += 1
                continue
            break
        if last_head > i:
            if last > last_head and tokens[last_head + 1][2].lower() not in _NAME_LINKS | _NAME_ENDS:
                last = last_head  # "the Murray-Darling Basin Plan" names the basin's plan: the name is the basin
            end = tokens[last][1]
            name = text[a:end].removesuffix("'s")
            if not _REPORTS.match(text, end) and not all(w.lower() in _UNIT_WORDS for w in _NAME_TOKEN.findall(name)):
                out.append((a, a + len(name), name))
            i = last + 1
        else:
            i = max(j, i + 1)
    return out
