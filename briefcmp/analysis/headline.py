"""The measure a brief's headline names, for its figures whose own text names none: one sense per
discourse. A bank's note headed "Q3 GDP: a narrow recovery" writes "-2.1% y/y" in its summary; a report
headed "Inflation eases again" writes "to 4.1% from 4.5%": readers take the headline's measure.

``headline_measure`` reads the title (else the lead sentence) for exactly one catalogue
measure (``analysis.statnames``; "the economy" is GDP), leaving out what a share is of ("4.7% of GDP"
measures a deficit, not GDP). ``adopt_headline`` gives it (or the one the heading over a list item names)
to the dated percentages and amounts of the brief that name no measure after every other reading (clause, sentence, the sentence before) in a sentence naming no other, keeping their own change word
and base, and marks it inferred (``Member.words_from``): such a figure may join reports that agree with it,
and never sets two values against each other nor joins a series alone (``evidence.borrowed_measure``).
"""

from __future__ import annotations

from typing import Sequence

from briefcmp.analysis import statnames
from briefcmp.corpus import units
from briefcmp.analysis.measure import FORECAST_WORDS, _DIRECTION, _OF_GDP, _meaningful, measured_words

from briefcmp.analysis.evidence import HEADLINE  # Member.words_from of a measure taken from the title or lead
_UNITS = ("percent", "percentage-points")  # a bare share or change (or an amount): its measure is the headline's


def _blank_shares(text: str) -> str:
    """``text`` with what a share is of blanked: "deficit 4.7% of GDP" names a deficit only."""
    return _OF_GDP.sub(lambda m: " " * len(m.group()), text)


def _one_measure(text: str, entities) -> tuple[str, ...]:
    """The canonical words of the one catalogue measure ``text`` names (without a change word), else ()."""
    text = _blank_shares(text)
    found = {tuple(w for w in canon if w not in _DIRECTION) for _, _, canon, _ in statnames.find(text)}
    found.discard(())
    if len(found) == 1:
        return next(iter(found))
    if not found:  # "Economy grows 2.3%": the economy's output, said growing or shrinking (not "Economy Wire")
        words = measured_words(text, entities, "")[0]
        if "gdp" in words and words & _DIRECTION and not statnames.find(text):
            return ("gdp",)
    return ()


def headline_measure(title: str, lead: str, entities) -> tuple[str, ...]:
    """The measure the brief is about: the one its title names, else the one its lead sentence names."""
    own = _one_measure(title or "", entities)
    return own or _one_measure(lead, entities) if lead else own


def _names_other(ctx, m, measure: tuple[str, ...]) -> bool:
    """Whether the figure's sentence names a catalogue measure other than ``measure`` before the figure: the
    sentence's own ("GDP growth is projected at 1.2% in 2024 and 2.1% in 2025" in a note on the policy rate);
    one named after it is another clause's ("..., as inflation undershoots")."""
    a, _ = ctx.sentences[m.sentence] if 0 <= m.sentence < len(ctx.sentences) else (0, 0)
    before = ctx.text[a:max(a, m.at)]
    named = {tuple(w for w in canon if w not in _DIRECTION) for _, _, canon, _ in statnames.find(_blank_shares(before))}
    return bool(named - {(), measure})


def adopt_headline(members: Sequence, ctx, entities) -> list:
    """Give the headline measure to the members of one brief (``ctx``: its ``briefcontext._Context``) whose
    percentages or amounts name no measure and state a period (an undated one has nothing to agree with): the measure of
    the heading over its list item or table line when that heading names one ("Headline inflation" over
    "- December: 23.8%"), else the brief's. Returns those that took one."""
    took = []
    for m in members:
        if not (m.unit in _UNITS or units.is_currency(m.unit)) or m.sentence < 0 or not m.period_how or \
                _meaningful(m.words):
            continue
        if m.elided or not ctx.ok or m.claim.span is None or m.claim.kind != "fact" or FORECAST_WORDS.search(m.claim.quote):
            continue  # (a list item's measure is the figure's before it, ``ellipsis.carry``; a forecast waits anyway)
        heading = ctx.heading_of(m.claim.span[0])
        measure = (_one_measure(heading, entities) if heading else ()) or ctx.headline_measure
        if not measure or _names_other(ctx, m, measure):
            continue
        new = [w for w in measure if w not in m.words]
        m.words = m.words | frozenset(new)
        m.order = (*new, *m.order)
        m.shown = {**{w: statnames.shown(w) for w in new}, **m.shown}
        m.words_from = m.words_from or HEADLINE
        took.append(m)
    return took
