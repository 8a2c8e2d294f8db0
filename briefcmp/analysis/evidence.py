"""How sure a proposed key is: a score from its evidence, and what evidence is missing.

``evidence(members)`` scores a group of figure claims (``align.Member``) that agree on unit and
measured words, from what each says about itself:

- **subject**: named in the figure's clause or sentence (1.0), carried from the sentence before
  (0.95), from the title (0.9), the one country the whole brief names (0.85), the one the brief
  names far more than any other (0.8), the country whose own currency all the money figures of a brief
  naming no country are in (0.8), or taken from other reports of the release the brief
  reports (0.8: inferred, below every subject a brief states; see ``analysis.subjects``), or that of
  the event whose values a brief naming no one shares with other reports (0.8, the same); none,
  or only a body with no country (0). A figure whose subject is inferred from other reports (release
  or event) and whose value differs from a figure of its period never decides a contradiction (0);
- **period**: stated or read from the text against the publication date (1.0), as drafted (0.95),
  named by its length ("in the quarter") with the brief's title or lead giving it (0.95),
  shared with reports of the same release published within ``RELEASE_DAYS`` days (0.9), the brief's
  own (the one its title states, else the one its figures state most: 0.9), the date of a release
  whose reports all state no period and agree (0.85); none (0);
- **kind**: facts, budgets or plans adopted, and outcomes that every forecast phrase of their sentence
  follows ("grew 5.2% last year, above the target of about 5%": ``figurerole.outcome``) (1.0); forecasts
  (0: compared only when a person keys them);
- **order**: a directed measure (exports, loans) names its countries in one order (else 0);
- **one value per brief and period** (else 0: the wording does not tell the figures apart).

The score is the product. ``--apply`` writes groups whose score reaches ``APPLY_THRESHOLD``,
chosen on the development benchmark (``benchmarks/lineup_eval.py dev --calibrate``) as the lowest
threshold with at least 97% key precision. **Value closeness never counts**: figures that differ
are keyed together as readily as figures that agree, or contradictions would vanish. (Closeness
is used once, the other way: an inferred release period is given only to a figure that agrees, so
that an inferred period alone never decides a contradiction.)
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Optional

from briefcmp.analysis import appliedmarks
from briefcmp.analysis import periods as _periods
from briefcmp.analysis import titleperiods
from briefcmp.analysis.rounding import agree_rounded

# Calibrated on benchmarks/lineup/dev (19 events, 2026-12-06, member-wise application with the measure
# similarity as a part of the score; lineup_eval.py dev --calibrate): 0 false contradictions and key
# precision 100% (36 right, 0 wrong) from 0.6 to 0.7, recall 29/143 (pairs 127/434); at 0.75 pairs drop to
# 109, at 0.8 to 50, at 1.0 to 15; at 0.5 two false contradictions and a wrong key appear. 0.7 is the
# highest threshold of the plateau. Checked again on the 31 dev events (stop 4 of that day): 0 false
# contradictions and 0 wrong keys from 1.0 to 0.6 (0.7: 44/313, keys 62/0; 0.6: 44/313, 63/0); at 0.5
# "foreign visitors" and "foreign entrants" (two statistics) share a key and contradict.
# Checked again on the 41 dev events (session 5, with one side naming less and the only figure of its kind
# in grouping): 0.75: 62/485, pairs 291, keys 101/0; 0.7: 63/485, pairs 297, keys 103/0; both with only the
# known false contradiction (germany-gdp-2024q3: a revision quoted from a table line, not in the gold);
# at 0.6 a second appears (au-budget-2024-25), at 0.8 and above recall falls (0.8: 38/485 before these rules).
# Session 7 (figures' grammar, periods; lineup_eval.py --calibrate on each tuning half, each set drafted once):
# from 0.85 down to 0.5 no threshold adds a false contradiction or a wrong key on any half (old19 53/143 at
# 0.7, 54 at 0.5; s3 17/170 throughout; s4 21/172, 22 at 0.5; s5 3/158 with its one false contradiction and
# wrong key at every threshold, 1.0 included); 0.8 and above lose most keys. Chosen on any three halves the
# lowest such threshold is 0.5, and on the fourth it adds nothing wrong; 0.6 and 0.7 give the same on every
# half. 0.7 stays: the plateau's low edge is untested below 0.5, and 0.5 gains one relation on two halves.
APPLY_THRESHOLD = 0.7
RELEASE_DAYS = 7  # reports published this close about one release share its period
SUBJECT_WEIGHT = {"claim": 1.0, "clause": 1.0, "sentence": 1.0, "two named before": 0.95, "previous sentence": 0.95, "title": 0.9,
                  "whole brief": 0.85, "main subject": 0.8, "release": 0.8, "currency of its money figures": 0.8,
                  "event": 0.8, "reports of the event": 0.8, "lead": 0.8, "issuer": 0.8}
PERIOD_WEIGHT = {"claim": 1.0, "stated": 1.0, "relative": 1.0, "drafted": 0.95, "named": 0.95, "release": 0.9, "brief": 0.9,
                 "release-date": 0.85}
# subjects taken from other reports, or from a lead naming one of two named as often (analysis/subjects.py)
INFERRED_SUBJECT = ("release", "event", "reports of the event", "lead", "issuer")  # (issuer: analysis/issuer.py)
# A budget or plan adopted is a figure of fact, though the sentence says "will": "will spend 11.11 trillion".
# ("purchase price allocation" is accounting; a company's outlook "for fiscal 2025" is no plan adopted: OUTLOOK)
PLAN = re.compile(r"\b(?:budget\w*|fiscal|outlays?|appropriat\w+|earmark\w*|(?<!price\s)allocat\w+)\b", re.I)
OUTLOOK = re.compile(r"\b(?:outlook|guidance|guides?|expects?|sees)\b", re.I)
_BUDGET = re.compile(r"\bbudget\w*", re.I)


def adopted(quote: str) -> bool:
    """Whether a sentence speaks of a budget or plan adopted (``PLAN``), not of an outlook that names a fiscal year."""
    return bool(PLAN.search(quote)) and not (OUTLOOK.search(quote) and not _BUDGET.search(quote))


@dataclass
class Evidence:
    score: float = 1.0
    parts: dict[str, float] = field(default_factory=dict)
    missing: list[str] = field(default_factory=list)

    def sure(self, threshold: float | None = None) -> bool:
        return self.score >= (APPLY_THRESHOLD if threshold is None else threshold)

    def doubt(self) -> str:
        """What is missing, said as the reason a candidate was not applied."""
        return "; ".join(self.missing)


def plan(m) -> bool:
    """A drafted forecast that is a figure of fact, which ``--apply`` writes as ``kind: fact``: a budget or
    plan adopted ("will spend 11.11 trillion rupees"), or an outcome that the sentence's forecast phrases
    all follow ("grew 5.2% last year, above the target of about 5%": ``Member.outcome``); never a view ("the 6.7% the
    budget had counted on" is the budget's forecast of growth, not an allocation: ``Member.view``)."""
    return m.claim.status == "draft" and m.claim.kind == "forecast" and not getattr(m, "view", False) and (
        adopted(m.claim.quote) or getattr(m, "outcome", False))


def mostly_ahead(m) -> bool:
    """Whether more than half of a figure's period (stated or read from its text) lies after the day it was
    published: no report gives the outcome of a period that has mostly not happened ("2025 profit of $5
    billion" in February 2025 is guidance, whatever its verb; "inflation was 2.3% in November" on 29 November
    is a flash estimate, an outcome). A budget or plan adopted (``PLAN``) is a figure of fact. Measured from a
    month after publication, as a date may be known only to its month."""
    published = getattr(m, "published", None)
    if m.period_how not in ("stated", "relative", "claim", "drafted") or published is None or adopted(m.claim.quote):
        return False
    span = _span(m.period)
    if span is None:
        return False
    start, end = span
    # (a publication date known only to its month reads as the month's first day: a month's grace)
    return (end - published).days - 31 > (end - start).days / 2


def ended(m) -> bool:
    """Whether a figure's period (read from its text) had ended when it was published: an outcome's."""
    published = getattr(m, "published", None)
    if not m.period_how or m.period_how == "release-date" or published is None:
        return False
    span = _span(m.period)
    return span is not None and span[1] < published


def close(a, b) -> bool:
    """Whether two figures agree within the rounding their writing shows (see the module docstring:
    never evidence for a key)."""
    x, y = a.claim.value.base_amount, b.claim.value.base_amount
    if x is None or y is None:
        return False
    if agree_rounded(a.claim.value, b.claim.value):  # "$1 trillion" and "$929.1 billion" (as drafted: never looser for keying)
        return True
    if a.unit in ("percent", "percentage-points"):
        decimals = max(len(f"{v.claim.value.amount:.6f}".rstrip("0").split(".")[1]) for v in (a, b))
        return abs(x - y) <= 0.5 * 10 ** -decimals + 1e-12
    return abs(x - y) <= 0.02 * max(abs(x), abs(y))


def _same(a, b) -> bool:
    return round(a.base_amount or 0.0, 9) == round(b.base_amount or 0.0, 9)


def adopt_release_periods(group: list, among: list | None = None, apart: bool = False) -> None:
    """A figure whose sentence states no period takes the one period that the other reports of the
    group, published within RELEASE_DAYS of it, state: reports of one release share its period. Only
    when its value agrees with theirs (and with every figure of that period in ``among``, the whole
    group when ``group`` is a part of it): an inferred period never decides a contradiction. Nor a
    period overlapping another figure's of the group (a month and its year, a fiscal and a calendar
    year never share a key).

    A brief that gives two values for one period does not tell its figures apart: neither says what that
    period's value is, nor keeps another report from that period.

    A brief whose title states one period ("Japan's 2024 trade deficit") speaks of it: its undated
    figures take that period first (on the same terms), and never another period of the release (a
    wire's December "imports climbed 1.8%" beside the year's "imports grew 1.8 percent"). A title that
    states none leaves it to the lead's first sentence ("GDP rose 7.09% last year"), taken first too,
    but which yields to the release's period where it does not fit.

    ``apart``: the caller keeps figures of overlapping periods apart afterwards (``grouping.new_keys``),
    so a period taken may overlap another figure's.

    Indexed (by day, by period, by distinct value) so that a large group costs little more than its size."""
    among = group if among is None else among
    values: dict[str, dict] = defaultdict(dict)  # period -> distinct value -> a figure of it (dated figures)
    briefs: dict[str, set[str]] = defaultdict(set)  # period -> briefs that give a figure of it
    # A brief that gives two values for one period does not tell its figures apart (``split`` keeps them
    # out of a key): neither says what that period's value is, nor keeps another report from its period.
    said: dict[tuple[str, str], list] = defaultdict(list)
    for o in among:
        if o.period_how:
            said[(o.period, o.claim.brief)].append(o)
    for (period, brief), same in said.items():
        two = any(not agree_rounded(a.claim.value, b.claim.value) and not _same(a.claim.value, b.claim.value)
                  for i, a in enumerate(same) for b in same[i + 1:])
        for o in ([] if two else same):
            values[o.period].setdefault((o.claim.value, o.unit), o)
        briefs[period].add(brief)
    every = list({(o.claim.value, o.unit): o for o in among}.values())
    dated = {o.period for o in among if o.period_how}

    def fits(m, period: str, overlap: bool = False) -> bool:
        return all(close(m, o) for o in values[period].values()) and (
            overlap or not any(overlaps(period, p) for p in dated))

    for m in group:  # 1. the brief's own period, its title's
        own = getattr(m, "headline", "")
        if not m.period_how and own and fits(m, own, apart):
            _adopt(m, own, values, briefs, "brief")
            dated.add(own)
    stated: dict[date, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))  # day -> period -> briefs
    for o in group:
        if o.period_how and o.period_how != "release" and o.published is not None:
            stated[o.published][o.period].add(o.claim.brief)
    for m in group:
        if m.period_how or m.published is None:
            continue
        near = set()
        for d in range(-RELEASE_DAYS, RELEASE_DAYS + 1):
            for p, bs in stated.get(m.published + timedelta(days=d), {}).items():
                if bs - {m.claim.brief}:
                    near.add(p)
        # Only when the release states one period: when it states several (this month and the last),
        # a figure that agrees with one of them is as likely a slip repeating last month's value as a
        # report of that month, and taking that month's period would turn the slip into an agreement.
        if getattr(m, "headline", "") and getattr(m, "headline_from", "") != "lead":
            continue  # its title's period did not fit: no other (a lead's period, less sure, yields to the release's)
        if len(near) == 1 and fits(m, next(iter(near)), apart):
            _adopt(m, next(iter(near)), values, briefs)
        elif len(near) > 1:
            latest = _latest_only(m, near, values)
            if latest and fits(m, latest, apart):
                _adopt(m, latest, values, briefs)
        if near:
            continue
        # No other report states one: the brief's main period (the one its figures state most), only
        # when every figure of the group agrees (so that this period never decides a contradiction).
        hint = getattr(m, "hint", "")
        # ...and only when no other brief of the group states another period (``_others_of``)
        if hint and all(close(m, o) for o in every) and fits(m, hint, apart) and _others_of(among, m, hint):
            _adopt(m, hint, values, briefs, "brief")
    _release_date(group, among)


@functools.lru_cache(maxsize=4096)
def _span(period: str) -> Optional[tuple]:
    from briefcmp.corpus.fields import parse_period

    p = parse_period(period) if period else None
    return p.span() if p is not None else None


def overlaps(p: str, q: str) -> bool:
    """Whether two periods overlap without being one: a part and its whole ("2023-12" of "2023"), or a
    fiscal year and the calendar year ("2024-04/2025-03" and "2024"). Figures of such periods are two
    measures, never one series."""
    a, b = _span(p), _span(q)
    if p == q or a is None or b is None or a == b:
        return False
    return a[0] <= b[1] and b[0] <= a[1]


def _latest_only(m, near: set[str], values: dict) -> str:
    """Of the periods a release states (its month and, as a base, the month before), the latest when
    ``m``'s value is that period's and no earlier one's: "the jobless rate moved down to 5.2 per cent"
    beside a release giving 5.2% for September and 5.4% for August is September's. A value that is an
    earlier period's (a slip repeating last month's figure) or is both periods' takes none."""
    spans = {p: _span(p) for p in near}
    if any(s is None for s in spans.values()):
        return ""
    latest = max(near, key=lambda p: spans[p][0])
    if any(spans[p][1] >= spans[latest][0] for p in near if p != latest):
        return ""  # overlapping or not all before it: no one latest period
    def agrees(p: str) -> bool:
        return bool(values[p]) and all(close(m, o) for o in values[p].values())
    return latest if agrees(latest) and not any(agrees(p) for p in near if p != latest) else ""


def _others_of(group: list, m, period: str) -> bool:
    """Whether no other brief's figure of ``group`` states a period other than ``period`` (a figure that
    states none, or whose period is itself inferred, does not count). A wire's lead dating its figures by
    the event it reports (martial law declared "late Tuesday") beside a report stating "on Wednesday" would
    otherwise read as a series ("1.44% on the 3rd -> 1.4% on the 4th: unchanged")."""
    return not any(o.period_how and o.period_how not in ("release", "brief") and o.period != period
                   for o in group if o.claim.brief != m.claim.brief)


def _adopt(m, period: str, values: dict, briefs: dict, how: str = "release") -> None:
    m.period, m.period_how = period, how
    values[period].setdefault((m.claim.value, m.unit), m)
    briefs[period].add(m.claim.brief)


def _release_date(group: list, among: list) -> None:
    """Reports of one release that all state no period (published within RELEASE_DAYS of each other,
    in two briefs at least) share the release's date, the first day they were published: only when
    every figure of the group agrees, so that this date never decides a contradiction."""
    if any(o.period_how for o in among) or len({m.claim.brief for m in group}) < 2:
        return
    days = [m.published for m in among]
    if any(d is None for d in days) or (max(days) - min(days)).days > RELEASE_DAYS:
        return
    distinct = list({(o.claim.value, o.unit): o for o in among}.values())
    if all(close(a, b) for i, a in enumerate(distinct) for b in distinct[i + 1:]):
        for m in group:
            m.period, m.period_how = min(days).isoformat(), "release-date"


def unstated_bases(group: list, doubtful: dict, bases: frozenset[str], direction: frozenset[str]) -> None:
    """A change whose base is unstated ("GDP grows 1.6% in Q3") never decides anything against one whose
    base is stated ("1.0% from the previous three months"): the side fewer briefs write waits as a
    candidate (the unstated one on a tie), saying which base is missing (``doubtful``: id -> (member, why))."""
    live = [m for m in group if id(m) not in doubtful and m.words & direction]
    stated = [m for m in live if m.words & bases]
    unstated = [m for m in live if not m.words & bases]
    if not stated:
        # None states one: a quarter's or a month's change may be on the period before or on a year
        # before ("grew 1% in the third quarter" and "grows 1.6% in Q3"): never a contradiction.
        per: dict[str, list] = defaultdict(list)
        for m in unstated:
            span = _span(m.period) if m.dated else None
            if span is not None and (span[1] - span[0]).days < 300:
                per[m.period].append(m)
        for same in per.values():
            if any(not close(a, b) for i, a in enumerate(same) for b in same[i + 1:]):
                for m in same:
                    doubtful[id(m)] = (m, f"{m.claim.ref} states no base (on the period before, or on a year "
                                          "before?) and the values differ: the base is missing")
        return
    if not unstated:
        return
    said = " or ".join(sorted({b for m in stated for b in m.words & bases}))
    if len({m.claim.brief for m in stated}) < len({m.claim.brief for m in unstated}):
        for m in stated:
            doubtful[id(m)] = (m, f"{m.claim.ref} is measured {said}; the others state no base")
    else:
        for m in unstated:
            doubtful[id(m)] = (m, f"{m.claim.ref} states no base where the others state one ({said}): "
                                  "the base is missing")


def names_more(group: list, eff: dict, doubtful: dict, vague: frozenset, harmless: frozenset) -> None:
    """One side naming less is the same measure only by inference (``grouping.names_less``), as a word
    taken for an outlet's wording is: a figure whose words are another brief's and more, of the same
    period, whose value differs, may measure something narrower ("staff projections" beside "projections")
    and decides no contradiction. Only in a group of two briefs: from three, ``measure.effective_words``
    tells an outlet's wording from a narrower measure (and ``grouping.split`` holds the second back).
    Compared by distinct word set and value: a large group costs little."""
    if len({m.claim.brief for m in group}) > 2:
        return
    cells: dict[str, dict[frozenset, dict]] = defaultdict(lambda: defaultdict(dict))  # period -> words -> values
    for o in group:
        if id(o) not in doubtful and o.dated:
            cells[o.period][eff[id(o)] - vague].setdefault((o.claim.value.base_amount, o.unit), o)
    for m in group:
        mine = eff[id(m)] - vague
        if id(m) in doubtful or not m.dated:
            continue
        for theirs, figures in cells.get(m.period, {}).items():
            more = (mine - theirs) - harmless
            other = next((o for o in figures.values() if o.claim.brief != m.claim.brief and not close(m, o)),
                         None) if theirs < mine and more else None
            if other is not None:
                doubtful[id(m)] = (m, f"{m.claim.ref} names more than {other.claim.ref} ({' '.join(sorted(more))})"
                                      " and its value differs: it may measure something narrower")
                break


HEADLINE = "the brief's headline"  # Member.words_from of a measure its brief's title or lead gives (analysis/headline)


def borrowed_measure(group: list, doubtful: dict) -> None:
    """A measure taken from the figure before or the sentence's subject (``ellipsis``, ``align``) is an
    inference: such a figure whose value differs from another brief's of its period waits, saying so,
    and never decides a contradiction (issue 21); one taken from its brief's headline waits unless another
    report's figure agrees with it (of its period, or of none stated yet): it joins no series alone."""
    for m in group:
        if m.words_from and id(m) not in doubtful and any(
                o.claim.brief != m.claim.brief and o.dated and o.period == m.period and not close(m, o)
                for o in group if id(o) not in doubtful):
            doubtful[id(m)] = (m, f"the measure of {m.claim.ref} is taken from {m.words_from}, and its value "
                                  "differs: a measure its own clause states is missing")
        elif m.words_from == HEADLINE and id(m) not in doubtful and not any(
                o.claim.brief != m.claim.brief and (not o.dated or o.period == m.period) and close(m, o)
                for o in group if id(o) not in doubtful):
            # a headline's measure is the brief's, not the sentence's: it joins a report that agrees, no series
            doubtful[id(m)] = (m, f"the measure of {m.claim.ref} is taken from {m.words_from}, and no other "
                                  "report agrees with its value")


def borrowed_unit(group: list, doubtful: dict) -> None:
    """A currency taken from the brief (``Member.unit_from``, ``analysis.briefunits``), a period taken from the
    fellow reports of a release (``fellowperiods``) or from the brief's other figures (not its title) is an
    inference: such a figure whose value differs from another brief's of its period waits, saying so (it never
    decides a contradiction); one whose currency is the brief's waits unless another report's figure agrees
    with it (it joins no series alone)."""
    live = [o for o in group if id(o) not in doubtful]
    for m in group:
        inferred = [x for x, on in ((f"currency ({m.unit_from})", m.unit_from),
                                    ("period (inferred from the release)", m.period_how in ("release", "release-date")),
                                    ("period (the one its brief's figures state most)",
                                     m.period_how == "brief" and m.period != getattr(m, "headline", "")),
                                    ("period (the one the line over its list names)", getattr(m, "listed", False))) if on]
        if not inferred or id(m) in doubtful:
            continue
        what = " and ".join(inferred)
        if any(o.claim.brief != m.claim.brief and o.dated and o.period == m.period and not close(m, o) for o in live):
            doubtful[id(m)] = (m, f"the {what} of {m.claim.ref} is inferred, and its value differs: a "
                                  f"{what.split()[0]} its own text states is missing")
        elif getattr(m, "unit_from", "") and not any(
                o.claim.brief != m.claim.brief and (not o.dated or o.period == m.period) and close(m, o) for o in live):
            doubtful[id(m)] = (m, f"the currency of {m.claim.ref} is inferred ({m.unit_from}), and no other report "
                                  "agrees with its value")


def alike_only(core: list, eff: dict, pair_sim: dict, doubtful: dict) -> None:
    """Wording only alike is enough to key figures that agree, never to set two values against each
    other (issue 21): of two briefs' figures of one period that differ and are worded only alike, the
    wording fewer of the core's briefs use waits, saying so (both, when as many use each)."""
    def sim(m, o) -> float:
        return 1.0 if eff[id(m)] == eff[id(o)] else pair_sim.get(frozenset((eff[id(m)], eff[id(o)])), 0.0)

    def users(m) -> int:
        return len({o.claim.brief for o in core if eff[id(o)] == eff[id(m)]})

    marks = {}
    for m in core:
        if id(m) in doubtful or not m.dated:
            continue
        for o in core:
            if (id(o) in doubtful or o.claim.brief == m.claim.brief or o.period != m.period or sim(m, o) >= 1.0
                    or close(m, o) or users(m) > users(o)):
                continue
            marks[id(m)] = (m, f"the wording of {m.claim.ref} ({' '.join(sorted(eff[id(m)]))}) is only alike "
                               f"to {o.claim.ref}'s (similarity {sim(m, o):.2f}), and the values differ: "
                               "wording that says they are one measure is missing")
            break
    doubtful.update(marks)


# how compare names a period's length (periods' own table, read the other way)
_LENGTH = {n: "a half-year" if noun == "half" else f"a {noun}" for noun, n in _periods._LENGTH.items()}


def other_length(member, under: list) -> str:
    """Why ``member`` is not sure to answer the question of the claims ``under`` a key, when its period
    is of another length than theirs ("a month" against "a year": December's exports are not the year's,
    a quarter's growth not the year's), else "". Days (a rate set, a close) go with any length."""
    mine = _periods.months(member.period) if member.dated else 0
    theirs = sorted({n for o in under if o.dated for n in [_periods.months(o.period)] if n})
    if not mine or not theirs or mine in theirs:
        return ""
    return (f"{member.claim.ref} is a figure of {_LENGTH.get(mine, f'{mine} months')}, the key's of "
            + " and ".join(_LENGTH.get(n, f"{n} months") for n in theirs) + ": periods of another length")


def evidence(members: list, directed: frozenset[str], forecast: re.Pattern, measure: float = 1.0) -> Evidence:
    """The evidence that ``members`` answer one question (see the module docstring); ``measure``: how
    surely their measured words name one thing (``grouping.similarity``, the lowest of the group)."""
    ev = Evidence()

    def part(name: str, weight: float, why: str) -> None:
        ev.parts[name] = min(ev.parts.get(name, 1.0), weight)
        if weight < 1.0 and why and why not in ev.missing:
            ev.missing.append(why)

    for m in members:
        if not m.subjects or any(x.startswith("(") for x in m.subjects):
            part("subject", 0.0, "no country or registered entity named")
        else:
            part("subject", SUBJECT_WEIGHT.get(m.subjects_from, 1.0), "")
    if measure < 1.0:
        part("measure", measure, f"the wording is only alike (similarity {measure:.2f})")
    stated = [m for m in members if m.subjects_from not in INFERRED_SUBJECT]
    for m in members:
        if m.subjects_from in INFERRED_SUBJECT and any(not close(m, o) for o in stated if o.period == m.period):
            # the subject was shared only because the figure agreed: it never decides a contradiction
            part("subject", 0.0, f"the subject of {m.claim.ref} is inferred from other reports of the release, "
                                 "and its value differs")
    undated = [m.claim.ref for m in members if not m.dated]
    if undated:
        part("period", 0.0, f"no stated period for {', '.join(undated)} (as-of taken from the publication date; no "
                            f"report of the same release within {RELEASE_DAYS} days gives one period)")
    for m in members:
        if m.dated:
            part("period", PERIOD_WEIGHT.get(m.period_how, 1.0), "")
    if len({m.lead for m in members}) > 1 and any(m.words & directed for m in members):
        part("order", 0.0, "the subjects are named in another order: exports from one may be imports of the other")
    kinds = {"fact" if plan(m) else m.claim.kind for m in members}
    if kinds != {"fact"} or any(m.claim.status == "draft" and forecast.search(m.claim.quote)
                                and not adopted(m.claim.quote) and not getattr(m, "outcome", False) for m in members):
        part("kind", 0.0, "forecasts are compared only when a person keys them")
    ahead = [m for m in members if mostly_ahead(m)]
    # guidance worded as a fact ("2025 EBITDA guidance of $5 billion") is an expectation all the same: never keyed
    # with the outcomes of another period, ended when reported (expectations of one period compare as they are, and
    # a budget's estimates for the next year beside those for the year still running)
    if ahead and any(ended(o) and o.period != m.period for m in ahead for o in members):
        part("kind", 0.0, f"most of the period of {', '.join(m.claim.ref for m in ahead)} lies after its "
                          "publication: an expectation, not an outcome")
    per_brief: dict[tuple[str, str], list] = defaultdict(list)
    for m in members:
        per_brief[(m.claim.brief, m.period)].append(m.claim.value)
    # Two values that round to each other are one figure written twice (a headline's "1 billion tons"
    # over the body's "997.3 million"); any other pair is two figures the wording does not tell apart.
    if any(not agree_rounded(a, b) and not _same(a, b) for v in per_brief.values() for i, a in enumerate(v)
           for b in v[i + 1:]):
        part("values", 0.0, "one brief gives two values for one period: the wording does not tell the figures apart")
    score = 1.0
    for w in ev.parts.values():
        score *= w
    ev.score = round(score, 4)
    if not ev.sure() and not ev.missing:
        weak = sorted(k for k, w in ev.parts.items() if w < 1.0)
        ev.missing.append(f"weak evidence ({', '.join(weak)}): score {ev.score:.2f} below {APPLY_THRESHOLD}")
    return ev


def brief_hints(members: list, title: str = "", published: Optional[date] = None, lead: str = "") -> None:
    """A brief's main period: the one its title states (else its lead sentence: "The economy grew 5.2% in
    the third quarter, ..."), else the one its figures state most (at least twice). A hint for its figures
    that state none, taken only when the figures of that period in their group agree (``evidence``); a
    title's period also keeps them from another period of the release. A figure whose clause names the
    report's period by its length ("R$3.0 trillion in the quarter") takes the title's or lead's period
    of that length as its own (``named``)."""
    if (title or lead) and members:
        country = next((x for m in members for x in m.subjects if x in _periods.FISCAL_START), "")
        headline = titleperiods.title_period(title, published, country) if title else ""
        source = "title"
        if not headline and lead:
            headline, source = titleperiods.title_period(lead, published, country), "lead"
        for m in members:
            m.headline, m.headline_from = headline, source
            if headline and not m.period_how and m.the_period and _periods.fits_length(headline, m.the_period):
                m.period, m.period_how = headline, "named"
    counts: dict[str, int] = defaultdict(int)
    for m in members:
        if m.period_how in ("stated", "relative"):
            counts[m.period] += 1
    if not counts:
        return
    best = max(counts.values())
    top = [p for p, n in counts.items() if n == best]
    if best >= 2 and len(top) == 1:
        for m in members:
            if not m.period_how:
                m.hint = top[0]


FROM_RELEASE = "period inferred from the release"  # how alignedit's comment on an as-of a release gave begins


def release_periods(claims_path: str) -> frozenset[str]:
    """The ids of the claims of a claims file whose ``as_of`` ``align --apply`` took from their release's fellow
    reports (``as_of: 2024  # align: period inferred from the release ...``): compare says so."""
    from pathlib import Path

    try:
        return _release_periods(claims_path, Path(claims_path).stat().st_mtime_ns)
    except (OSError, ValueError):
        return frozenset()


@functools.lru_cache(maxsize=256)
def _release_periods(path: str, _mtime: int) -> frozenset[str]:
    return frozenset(aligned_periods(path, FROM_RELEASE))


def aligned_periods(claims_path: str, why: str = "") -> set[str]:
    """The ids of the claims whose ``as_of`` an ``align --apply`` wrote (``as_of: 2024  # align: why``,
    alignedit): a period align inferred (a release's, a brief's) is read again as the first run read it, so
    that a second run sees what the first saw and a period taken while the figures agreed is dropped when
    a later report disagrees. (A period the text states is read from the text again anyway.) ``why``: only those
    whose comment begins so. (``align`` reads the file once for these and the currencies: ``appliedmarks``.)"""
    return appliedmarks.read(claims_path).periods(why)
