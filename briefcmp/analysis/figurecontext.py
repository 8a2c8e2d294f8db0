"""What a figure's sentence leaves to its neighbours, for ``align.describe``: the subject of the main
clause after a fronted one, a region or the world named by a generic word, the measure of the clause
before when the figure's own names none ("..., 9% more than in 2023", "(+1.2%)", "when it stood at
..."), and the measure of the sentence before when the figure's own names it only by a pronoun. Split
from ``align``.
"""

from __future__ import annotations

import re
from typing import Optional

from briefcmp.analysis import clauses, periods
from briefcmp.analysis.changebasis import basis as _basis
from briefcmp.analysis.briefcontext import _Context
from briefcmp.analysis.entities import REGIONS, WORLD, Entities
from briefcmp.analysis.measure import (
    _APPOSITION, _CHANGE_OF, _CLAUSE_BREAK, _COMPARED, _DIRECTION, _HARMLESS, _RELATIVE, _SHOW, REACHED, _meaningful,
    measured_words,
)

_BLOCS = frozenset(eid for eid, _, _ in REGIONS.values())  # "the bloc" of a brief about one of them is that one

# A clause put before the main one: "Even with third-quarter growth easing to 5.2 percent, the Philippines
# still ranks ...", "After growing 3 percent in 2023, Kenya's economy ...".
_FRONTED = re.compile(r"\s*(?:even\s+)?(?:with|after|despite|although|though|since|following|amid|in\s+spite\s+of)\b", re.I)


def _fronted_subject(sentence: str, at: Optional[tuple[int, int]], entities: Entities) -> tuple[str, ...]:
    """The subject of the main clause after a fronted clause holding the figure, whose own subject is the
    main clause's (none when the figure's clause does not open the sentence that way)."""
    if at is None or sentence[:at[0]].strip() or not _FRONTED.match(sentence, at[0]):
        return ()
    rest = sentence[at[1]:]
    start = len(rest) - len(rest.lstrip(" ,;:"))
    end = min((m.start() for m in clauses.breaks(_CLAUSE_BREAK, rest, start + 1)), default=len(rest))
    main = rest[start:end]
    return entities.qualified(main, entities.subjects(main)) or tuple(p for _, _, p in entities.provinces(main)[:1])


# "world", "global", "globally", "worldwide": one subject, the world's ("global growth", "world oil demand")
_WORLD = frozenset("world global globally worldwide".split())
# "the world's largest automaker", "the world's top-selling": a description of something else, not the world's figure
_WORLD_RANK = re.compile(r"(?:'s|’s)\s+(?:[\w-]+\s+)?[\w-]*(?:largest|biggest|top|leading|best|highest|lowest|most|"
                         r"smallest|fastest|slowest)\b", re.I)


def _region(clause: str, generic: re.Match) -> str:
    """The subject of a clause about a region, bloc or the world, named by a word of ``_GENERIC_SUBJECT``:
    ``world`` for every word of the world (a subject ``--apply`` may use), else "(word)": a region the text
    does not delimit ("the region's economy", "emerging markets"), never applied. ("The world's largest
    automaker" is no word of the world: it describes what the sentence is about, named elsewhere.)"""
    word = generic.group().lower()
    return WORLD if word in _WORLD else f"({word})"


# A sentence whose subject points back: "It totals 656.6 trillion won", "That is up 2.8 percent", "They were
# 3.6 percent higher", "The increase of 19.8% was driven by ..."; after a time put first: "By May, the figure
# had passed ...", "At the end of 2022 the total stood at ..."
_ANAPHOR = re.compile(r"\s*(?:[A-Z]{2,}[^a-z]*?--?\s+)?(?:(?:By|At|In|On|As\s+of|Until)\s[^,.;:\d]{0,30}?"
                      r"(?:(?:19|20)\d\d)?,?\s+)?(?:It|That|This|They|[Tt]he\s+(?:figure|total|amount|sum|number|"
                      r"increase|rise|decrease|decline|drop|fall|gain))\b(?!\s+(?:of|in|on)\s+[a-z]+\s+[a-z])")


def _from_sentence_before(ctx: _Context, at: int, sentence: str, entities: Entities, unit: str, own: tuple,
                          subjects: tuple[str, ...] = ()):
    """The measured words (and the period) of the sentence before, for a figure whose sentence names
    its measure only by a pronoun ("The draft budget was approved. It totals ..."); ``own`` otherwise."""
    none = ("", "")
    if not _ANAPHOR.match(sentence):
        return (*own, none)
    si = ctx.sentence_index(at)
    if si <= 0:
        return (*own, none)
    p0, p1 = ctx.sentences[si - 1]
    before = ctx.text[p0:p1]
    words, shown, order = measured_words(before, entities, unit if unit != "percent" else "")
    if not _meaningful(words):
        return (*own, none)
    own_words, own_shown, own_order = own
    country = next((x for x in subjects if x in periods.FISCAL_START), subjects[0] if subjects else "")
    found = periods.resolve(before, (len(before), len(before)), ctx.published, country)
    return (words | own_words, {**shown, **own_shown}, (*order, *[w for w in own_order if w not in order]),
            found if found[1] in ("stated", "relative") else none)


_AFTER_FIGURE = re.compile(r"\s*(?:percent|per\s+cent|%)?\s*(?:higher|lower|more|less|fewer|greater|larger|smaller|bigger|"
                           r"above|below|up|down)\b", re.I)  # its own direction
# What a clause may say before its figure and still name no measure of its own: "9% more than in 2023",
# "also 3 percent higher", "for an annual increase of 2.3%", "an 11.4 per cent rise", "(+1.2%)", "when it
# stood at $74 billion", "the increase was 3 per cent" (a sign or a currency may stand before the number)
_LEADS = r"(?:(?:also|about|around|roughly|some|nearly|almost|just|only|still|or|and|for|with|marking|while|when)\s+)*"
_CHANGE_NOUN = r"(?:increase|decrease|rise|fall|drop|decline|gain|jump|contraction|expansion)"
_BARE_LEAD = re.compile(_LEADS + r"(?:an?\s+)?[+\-−~]?\s*(?:[A-Z]{1,3}\$|[$€£¥₹]|Rs\.?|[A-Z]{3})?\s*$", re.I)
_NOUN_LEAD = re.compile(_LEADS + r"an?\s+(?:[\w-]+\s+){0,3}?" + _CHANGE_NOUN + r"\s+(?:of|by)\s+[+\-−~]?\s*"
                        r"(?:[A-Z]{1,3}\$|[$€£¥₹]|Rs\.?)?\s*$", re.I)
_PRONOUN_LEAD = re.compile(r"\s*(?:(?:when|where|after|as|and|but|while|whereas)\s+)?(?:it|they|the\s+(?:figure|total|"
                           + _CHANGE_NOUN[3:-1] + r"))\s+(?:(?:had|has|have)\s+)?(?:was|were|is|are|been|stood|"
                           r"came|reached|fell|rose|dropped|climbed|grew|totalled|totaled|amounted)\b", re.I)
_CHANGE_AFTER = re.compile(r"\s*(?:percent|per\s*cent|%|pc|pct)?[\s-]+(?:[\w-]+\s+)?" + _CHANGE_NOUN + r"\b", re.I)
# A figure in parentheses is no change of what comes before it when it is a margin: "(±0.5 percent)"
_MARGIN = re.compile(r"(?:±|\+/-|\+-)\s*$")


def _no_measure_of_its_own(clause: str, fig: tuple[int, int], upto: str) -> bool:
    """Whether the figure's clause only compares, changes or restates what the clause before measures: the
    figure first after glue and a comparative or change noun ("9% more than in 2023", "an annual decrease of
    4.9%", "a 2% rise"), a pronoun or "the increase" as its subject ("when it stood at", "the increase was"),
    or the figure alone in parentheses after what it changes ("Revenue: $5.0bn (+1%)")."""
    lead = clause[:fig[0]]
    if _MARGIN.search(lead):
        return False
    if _BARE_LEAD.fullmatch(lead) and (_AFTER_FIGURE.match(clause, fig[1]) or _CHANGE_AFTER.match(clause, fig[1])):
        return True
    if _NOUN_LEAD.fullmatch(lead) or _PRONOUN_LEAD.match(lead):
        return True
    before = upto[:len(upto) - len(clause)].rstrip()
    return before.endswith("(") and bool(_BARE_LEAD.fullmatch(lead)) and bool(before[:-1].strip())


def clause_before(clause: str, fig: tuple[int, int], upto: str, own: tuple, entities: Entities, unit: str) -> tuple:
    """The measured words of a figure whose clause names no measure, from the clause before it in the
    sentence (back over up to three clauses), with the figure's own change word kept: "grew 3.4 percent in
    2023, up from 4.8 percent", "net profit of EUR 5.9bn, 9% more than in 2023"; and where they came from
    (``Member.words_from``: said of a comparison, a change in parentheses or a pronoun, an inference that
    never decides a contradiction). ``own`` (the clause's own words, shown, order) and "" when the clause
    is no such clause or nothing before names a measure."""
    words, shown, order = own
    own_direction = words & _DIRECTION
    apposition = bool(_APPOSITION.match(clause) or REACHED.match(clause))
    participle = clauses.PARTICIPLE.match(clause)
    comparison = _no_measure_of_its_own(clause, fig, upto)
    before = upto[:len(upto) - len(clause)]
    if not (_COMPARED.match(clause) or clauses.ELLIPTIC.match(clause) or _CHANGE_OF.match(clause) or apposition
            or participle or clauses.after_label(before) or comparison or clauses.appositive_figure(clause, fig, before)):
        return (*own, "")
    if participle:
        # "The value of trade ... has increased tenfold, growing from X to Y": the participle goes on
        # about the sentence's subject, named in its first clause
        first = next(iter(clauses.breaks(_CLAUSE_BREAK, before)), None)
        subject_words = measured_words(before[:first.start()] if first else before, entities, unit)
        if _meaningful(subject_words[0] - _HARMLESS - _DIRECTION):
            before = before[:first.start()] if first else before
            apposition = not participle.group().rstrip().endswith("by")  # a level, unless "rising by"
    for _ in range(3):  # (back over an aside: "4.2 percent in 2023, according to our estimates, well below the 8.02 percent")
        p0 = max((m.end() for m in clauses.breaks(_CLAUSE_BREAK, before, 0, max(len(before) - 2, 0))), default=0)
        words, shown, order = measured_words(before[p0:], entities, unit)
        if _meaningful(words - _HARMLESS) and not _RELATIVE.match(before[p0:]) or p0 == 0:
            break  # (", which adds housing costs to the CPI,": an aside describes, the clause before it names)
        before = before[:p0]
    if not _meaningful(words):
        return (*own, "")  # ("That is 3% more than in 2023": the sentence before names it, if anything)
    if apposition or comparison:  # "..., which is 3.4 per cent of GDP": a level of what the clause before names
        words, order = words - _DIRECTION, tuple(w for w in order if w not in _DIRECTION)
    opposite = words & _DIRECTION and not words & own_direction and _AFTER_FIGURE.match(clause, fig[1])
    if own_direction and (comparison or _CHANGE_OF.match(clause) or opposite or re.match(  # ("fell 0.3%; ... they were 7.5% higher")
            r"\s*(?:up|down|[a-z]+ing)\s+by\b|\s*(?:up|down)\s+[\d$€£¥₹]", clause)):
        # ("..., up 11.1% from the current year" is a change as much as "up by 11.1%"; "up from" is a base)
        # "..., up by 5.2 percent", "a decrease of 2.08 million", "9% more than in 2023": the change of what
        # the clause before measures (a comparison's own change word, never the clause before's: "rose
        # 7% ..., when it stood at $74 billion" gives a level)
        words = (words - _DIRECTION) | own_direction
        order = (*[w for w in order if w not in _DIRECTION], *sorted(own_direction))
        shown = {**shown, **{w: _SHOW.get(w, w) for w in own_direction}}
    return words, shown, order, "the clause before it" if comparison else ""


# A year a change is measured against, right after the figure: "15.6% more than in 2019", "up 3% on 2022",
# "12% above 2019 levels", "compared with 2019"
_YEAR_BASE = re.compile(r"[^,;:()]{0,40}?\b(?:than(?:\s+(?:in|during|for))?|over|on|compared\s+(?:with|to)|against|versus|"
                        r"above|below|from)\s+((?:19|20)\d\d)\b(?!\s*[-–/]\s*\d)", re.I)


def year_against(clause: str, fig: Optional[tuple[int, int]], period: str) -> str:
    """"against 2019" for a change its own clause measures against a year other than the one before its period
    ("visitors were 15.6% more than in 2019", in a report on 2024): another measure than the change on the
    year before, which two figures of one sentence ("47.1% more than in 2023 and 15.6% more than in 2019") or
    of two reports never share; "" for the year before, or with no such year."""
    if fig is None:
        return ""
    m = _YEAR_BASE.match(clause, fig[1])
    if not m:
        return ""
    own = re.match(r"(?:19|20)\d\d", period or "")
    if own and int(own.group()) - 1 == int(m.group(1)):
        return ""  # (a year's change on the year before is its change: "yoy" goes without saying)
    return f"against {m.group(1)}"


# A sentence whose verb is left to the sentence before: "Exports fell 3% in November. Imports, 5%."
_GAPPED = re.compile(r"\s*(?:And\s+|But\s+)?[A-Za-z][A-Za-z'’ -]{0,40},\s*[+\-−]?\s*(?:[A-Z]{1,3}\$|[$€£¥₹])?\d[\d,.]*\s*"
                     r"(?:%|per\s*cent|percent|pc|[a-z]+illion|bn|mn|m)?\s*[.!]?\s*")


def gapped_sentence(ctx: _Context, at: int, sentence: str, entities: Entities, unit: str) -> Optional[tuple]:
    """For a sentence of a noun, a comma and a figure, whose verb the sentence before says ("Exports fell 3%
    in November. Imports, 5%."): that sentence's change word, its base ("on the month") and its period; None
    for any other sentence, or when the sentence before says no one direction."""
    if not _GAPPED.fullmatch(sentence):
        return None
    si = ctx.sentence_index(at)
    if si <= 0:
        return None
    p0, p1 = ctx.sentences[si - 1]
    before = ctx.text[p0:p1]
    direction = measured_words(before, entities, unit if unit != "percent" else "")[0] & _DIRECTION
    if len(direction) != 1:
        return None
    base = _basis(before, before, None, period_full_year=False)
    found = periods.resolve(before, (len(before), len(before)), ctx.published, "")
    return direction | ({base} if base else set()), found if found[1] in ("stated", "relative") else ("", "")
