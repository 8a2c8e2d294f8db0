"""The confident core of a group of figures, and the members that bring doubt.

Split from ``grouping``. The core (claims of at least two briefs whose evidence, ``analysis.evidence``,
reaches the apply threshold) is applied; a member that brings doubt (no stated period and none shared with
reports of its release, a brief's second value for one period, a forecast among facts, wording only alike;
and, where its value differs, a measure borrowed from another figure or wording only alike) stays a
candidate to join that key, saying the evidence it lacks (``split``).
"""

from __future__ import annotations

from collections import defaultdict

from briefcmp.analysis import evidence
from briefcmp.analysis.figclusters import _same_figure, measure_score
from briefcmp.analysis.measure import _DIRECTED, _DIRECTION, _HARMLESS, _VAGUE, BASIS_TAGS as _BASES, FORECAST_WORDS
from briefcmp.analysis.rounding import agree_rounded

def group_evidence(members: list, measure: float = 1.0) -> evidence.Evidence:
    return evidence.evidence(members, _DIRECTED, FORECAST_WORDS, measure)


def _digits(m) -> int:
    """Significant digits written ("1 trillion": 1, "992.1 billion": 4)."""
    amount = m.claim.value.amount
    if amount is None:
        return 0
    text = f"{abs(amount):.6f}".rstrip("0").rstrip(".")
    return len((text.rstrip("0") if "." not in text else text.replace(".", "")).lstrip("0"))


def split(group: list, eff: dict[int, frozenset[str]], pair_sim: dict) -> tuple[list, list[tuple[object, str]]]:
    """The confident core of a group and its doubtful members, each with the evidence it lacks."""
    doubtful: dict[int, tuple[object, str]] = {}
    for m in group:
        if not m.dated:
            doubtful[id(m)] = (m, f"no stated period for {m.claim.ref} (as-of taken from the publication date; no "
                                  f"report of the same release within {evidence.RELEASE_DAYS} days gives one period)")
    per: dict[tuple[str, str], list] = defaultdict(list)
    for m in group:
        if m.dated:
            per[(m.claim.brief, m.period)].append(m)
    for (brief, period), same in per.items():
        if any(not agree_rounded(a.claim.value, b.claim.value) and
               round(a.claim.value.base_amount or 0.0, 9) != round(b.claim.value.base_amount or 0.0, 9)
               for i, a in enumerate(same) for b in same[i + 1:]):
            said = [m for m in same if m.period_how not in ("release", "brief")]
            # a period taken from the release (or the brief's title) is the doubtful one beside a period stated
            for m in (same if len(said) != 1 else [m for m in same if m.period_how in ("release", "brief")]):
                doubtful[id(m)] = (m, f"{brief} gives two values for {period}: the wording does not tell them apart")
        else:  # one figure written twice ("near $1 trillion" over "$992.1 billion"): the precise one is keyed
            best = max(_digits(m) for m in same)
            for m in same:
                if _digits(m) < best:
                    doubtful[id(m)] = (m, f"{m.claim.ref} rounds a figure {brief} gives more precisely for {period}")
    # (a figure of a period mostly after its publication is an expectation, however it is worded, beside the
    # outcomes of other periods: evidence.mostly_ahead)
    ahead = {id(m) for m in group if evidence.mostly_ahead(m)}
    facts = [m for m in group if (m.claim.kind == "fact" or evidence.plan(m)) and not (id(m) in ahead and any(
        o.period != m.period and evidence.ended(o) for o in group))]
    if facts and len(facts) < len(group):
        for m in group:
            if m not in facts and id(m) not in doubtful:
                doubtful[id(m)] = (m, f"{m.claim.ref} is a forecast among figures of fact")
    for m in group:
        # effective_words dropped words no other report uses; three or more, more than it shares, may
        # name a narrower measure ("owner occupiers' housing costs" inflation): not keyed on the others' words
        extra = m.words - eff[id(m)]
        if id(m) not in doubtful and len(extra) >= 3 and len(extra) > len(eff[id(m)] - _VAGUE):
            doubtful[id(m)] = (m, f"{m.claim.ref} names more than the other reports ({' '.join(sorted(extra))}): "
                                  "it may measure something narrower")
        elif id(m) not in doubtful and extra - _HARMLESS and any(
                o.claim.brief != m.claim.brief and o.period == m.period and o.dated and not _same_figure(m, o)
                for o in group if id(o) not in doubtful and not (o.words - eff[id(o)]) - _HARMLESS):
            # words taken for an outlet's wording are an inference: one that may name a narrower measure ("the
            # CPI for living necessities") never decides a contradiction against a figure named plainly, nor an
            # agreement only near (a part is often near its total: "segment revenue" beside the group's)
            doubtful[id(m)] = (m, f"{m.claim.ref} names more than the other reports ({' '.join(sorted(extra))}) and "
                                  "its value differs: it may measure something narrower")
    evidence.names_more(group, eff, doubtful, _VAGUE, _HARMLESS | _BASES)  # (a base on one side: unstated_bases)
    evidence.unstated_bases(group, doubtful, _BASES, _DIRECTION)
    if any(m.words & _DIRECTED for m in group):  # exports from A to B are B's imports: one order keyed
        leads: dict[str, int] = defaultdict(int)
        for m in group:
            if id(m) not in doubtful:
                leads[m.lead] += 1
        if len(leads) > 1:
            first = max(sorted(leads), key=lambda lead: leads[lead])
            for m in group:
                if id(m) not in doubtful and m.lead != first:
                    doubtful[id(m)] = (m, f"{m.claim.ref} names the subjects in another order: exports from one may "
                                          "be imports of the other")
    stated = [m for m in group if id(m) not in doubtful and m.subjects_from not in evidence.INFERRED_SUBJECT]
    for m in group:  # a subject taken from other reports of the release never decides a contradiction
        if m.subjects_from in evidence.INFERRED_SUBJECT and id(m) not in doubtful and any(
                not evidence.close(m, o) for o in stated if o.period == m.period):
            doubtful[id(m)] = (m, f"the subject of {m.claim.ref} is inferred from other reports of the release, and "
                                  "its value differs")
    evidence.borrowed_measure(group, doubtful)
    evidence.borrowed_unit(group, doubtful)  # a currency or a release's period inferred (briefunits, fellowperiods)
    core = [m for m in group if id(m) not in doubtful]
    while len({m.claim.brief for m in core}) >= 2:
        low = measure_score(core, eff, pair_sim)
        if low >= 1.0 or group_evidence(core, low).sure():
            break

        def mean(m) -> float:
            others = [o for o in core if o is not m]
            return sum(1.0 if eff[id(o)] == eff[id(m)] else pair_sim.get(frozenset((eff[id(m)], eff[id(o)])), 0.0)
                       for o in others) / max(len(others), 1)

        worst = min(core, key=lambda m: (mean(m), m.claim.ref))
        same = [m for m in core if eff[id(m)] == eff[id(worst)]]
        for m in same:
            doubtful[id(m)] = (m, f"the wording is only alike: {' '.join(sorted(eff[id(m)]))} (similarity "
                                  f"{mean(m):.2f})")
        core = [m for m in core if id(m) not in doubtful]
    evidence.alike_only(core, eff, pair_sim, doubtful)
    return [m for m in core if id(m) not in doubtful], list(doubtful.values())
