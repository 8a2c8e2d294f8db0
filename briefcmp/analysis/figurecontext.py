"""What a figure's sentence leaves to its neighbours, for ``align.describe``: the subject of the main
clause after a fronted one, a region or the world named by a generic word, and the measure of the
sentence before when the figure's own names it only by a pronoun. Split from ``align``.
"""

from __future__ import annotations

import re
from typing import Optional

from briefcmp.analysis import clauses, periods
from briefcmp.analysis.briefcontext import _Context
from briefcmp.analysis.entities import REGIONS, WORLD, Entities
from briefcmp.analysis.measure import _CLAUSE_BREAK, _meaningful, measured_words

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


# A sentence whose subject points back: "It totals 656.6 trillion won", "That is up 2.8 percent".
_ANAPHOR = re.compile(r"\s*(?:[A-Z]{2,}[^a-z]*?--?\s+)?(?:It|That|This|The\s+(?:figure|total|amount|sum|number))\b")


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
