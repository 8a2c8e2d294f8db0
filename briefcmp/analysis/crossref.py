"""Cross-referencing: compare the claims that share a key and say what was found.

``analyse(corpus, filters) -> Analysis`` is the whole core: it groups claims by key,
classifies each group into relations (``model.Relation``), and adds coverage and
key suggestions. Nothing here prints; renderers in ``briefcmp.render`` take the result.

How claims under one key are compared:

1. *Screening*: a claim whose value does not fit the key (no value, another value type,
   a unit or currency of another dimension) is an ``annotation-problem`` and is not
   compared: no conversion between currencies is ever made.
2. *Roles*: facts are compared with facts; recommendations and assessments (positions)
   with each other, whatever their dates; forecasts with forecasts, and with the facts
   for the period they forecast (``forecast-vs-fact``).
3. *Periods*: facts are clustered by as-of period (spans that overlap may be the same
   period). Figures of different periods are a ``change-over-time``, never a
   contradiction; so are differing claims whose overlapping periods need not be the
   same moment (see ``same_moment``). Date-typed values (the date of an event) are
   compared whatever their as-of. A forecast is judged by the latest facts about its
   period.
4. *Values*: quantities, ranks and dates become intervals (see ``interval``), widened by
   the key tolerance; two claims agree when their intervals overlap. Categories and
   stances agree when equal (case-insensitively).

Cost is linear in the number of claims apart from sorting: claims are grouped by key,
then by period, then by value, each step a sort and a sweep; no step visits all pairs.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Iterable, Optional

from briefcmp.corpus import units
from briefcmp.corpus.model import RELATION_KINDS, Claim, Config, Corpus, KeyDef, Relation, Tolerance, Value

if TYPE_CHECKING:  # imported lazily at run time: not every command needs them
    from briefcmp.analysis.coverage import Coverage
    from briefcmp.analysis.suggest import Suggestion

# Severities, from the Relation docstring: "error" (contradiction), "warning", "info".
ERROR, WARNING, INFO = "error", "warning", "info"
SEVERITIES = (ERROR, WARNING, INFO)

# An approximate figure ("about 20") with no key tolerance is read as +-10%.
DEFAULT_APPROXIMATE = 0.10

# Relation kinds that mean the briefs conflict (``--only contradictions``, coverage "conflict").
CONFLICT_KINDS = ("contradiction", "disagreement")
ONLY = {"contradictions": CONFLICT_KINDS, "agreements": ("agreement",)}

POSITION_KINDS = ("recommendation", "assessment")
_INTERVAL_TYPES = ("quantity", "rank", "date")
_VERB = {"fact": "says", "forecast": "forecasts", "recommendation": "recommends", "assessment": "assesses"}


# --------------------------------------------------------------------------- public API


@dataclass(frozen=True)
class Filters:
    """Which relations to keep. Empty tuples mean "all". Topics include their child topics."""

    topics: tuple[str, ...] = ()
    briefs: tuple[str, ...] = ()
    subjects: tuple[str, ...] = ()
    keys: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()

    def as_dict(self) -> dict:
        return {"topics": list(self.topics), "briefs": list(self.briefs), "subjects": list(self.subjects),
                "keys": list(self.keys), "kinds": list(self.kinds)}

    def accepts(self, claims: Iterable[Claim], config: Config, key: str = "") -> bool:
        """Whether a group of claims (a relation, a suggestion, or one claim) passes the brief, key,
        subject and topic filters. Subjects and topics are pooled over the claims and ``key``'s
        definition; a topic filter includes child topics. ``kinds`` is for relations only."""
        claims = list(claims)
        if self.briefs and not any(c.brief in self.briefs for c in claims):
            return False
        if self.keys and not (key in self.keys if key else any(c.key in self.keys for c in claims)):
            return False
        keydef = config.keys.get(key) if key else None
        if self.subjects:
            subjects = set(keydef.subjects if keydef else ())
            subjects.update(s for c in claims for s in c.subjects)
            if not subjects.intersection(self.subjects):
                return False
        if self.topics:
            topics = set(keydef.topics if keydef else ())
            topics.update(t for c in claims for t in c.topics)
            if not in_topics(topics, self.topics, config):
                return False
        return True


@dataclass
class Analysis:
    """One analysis of a corpus: every renderer and every output format starts from this."""

    corpus: Corpus
    relations: list[Relation]  # after filters, in report order (see ``sort_relations``)
    filters: Filters = Filters()
    all_relations: list[Relation] = field(default_factory=list)  # before filters
    coverage: Optional["Coverage"] = None
    suggestions: list["Suggestion"] = field(default_factory=list)
    suggested: bool = False  # suggestions were asked for (an empty list then means "none found")

    def counts(self) -> dict[str, int]:
        """Number of (filtered) relations of each kind, in RELATION_KINDS order."""
        c = Counter(r.kind for r in self.relations)
        return {k: c[k] for k in RELATION_KINDS if c[k]}

    def failing(self, kinds: Iterable[str]) -> list[Relation]:
        """The (filtered) relations of these kinds that nobody has marked as reviewed."""
        wanted = set(kinds)
        return [r for r in self.relations if r.kind in wanted and not r.reviewed]

    def by_topic(self) -> list[tuple[str, list[Relation]]]:
        """Relations grouped by topic, in taxonomy order ("" = no topic, last)."""
        groups: dict[str, list[Relation]] = defaultdict(list)
        for r in self.relations:
            groups[r.topic].append(r)
        order = topic_order(self.corpus.config)
        return sorted(groups.items(), key=lambda kv: (order.get(kv[0], len(order) + (kv[0] == "")), kv[0]))


def analyse(corpus: Corpus, filters: Optional[Filters] = None, *, coverage: bool = True,
            suggestions: bool = False) -> Analysis:
    """Compare every group of claims sharing a key; add coverage and (on request) key suggestions."""
    filters = filters or Filters()
    relations = find_relations(corpus)
    analysis = Analysis(corpus, [r for r in relations if matches(r, filters, corpus.config)], filters, relations)
    if coverage:
        from briefcmp.analysis.coverage import compute_coverage

        analysis.coverage = compute_coverage(corpus, relations, filters.topics, filters.briefs)
    if suggestions:
        from briefcmp.analysis.suggest import suggest_keys

        analysis.suggested = True
        analysis.suggestions = [s for s in suggest_keys(corpus) if filters.accepts(s.claims, corpus.config)]
    return analysis


def find_relations(corpus: Corpus) -> list[Relation]:
    """Every relation in the corpus, sorted (see ``sort_relations``)."""
    by_key: dict[str, list[Claim]] = defaultdict(list)
    for claim in corpus.claims():
        if claim.key:
            by_key[claim.key].append(claim)
    relations: list[Relation] = []
    order = topic_order(corpus.config)
    for key in sorted(by_key):
        relations.extend(relations_for_key(key, by_key[key], corpus, order))
    return sort_relations(relations, corpus.config)


def relation_id(kind: str, key: str, claims: Iterable[Claim]) -> str:
    """The stable id of a relation: ``KEY:KIND:HASH``.

    HASH is the first 10 hex digits of the SHA-1 of ``KIND``, ``KEY`` and the sorted claim
    refs (``brief#claim``), one per line, UTF-8. It depends on nothing else: not on line
    numbers, file order, values or wording, so it survives edits that do not change which
    claims are involved, and a reviewed-conflicts file can store it. Example:
    ``japan-russia-trade-total:contradiction:5d41402abc``.
    """
    refs = sorted({c.ref for c in claims})
    digest = hashlib.sha1("\n".join([kind, key, *refs]).encode("utf-8")).hexdigest()[:10]
    return f"{key}:{kind}:{digest}"


def matches(relation: Relation, filters: Filters, config: Config) -> bool:
    """Whether a relation passes the filters (a topic filter includes child topics)."""
    if filters.kinds and relation.kind not in filters.kinds:
        return False
    return filters.accepts(relation.claims, config, relation.key)


def in_topics(topics: Iterable[str], wanted: Iterable[str], config: Config) -> bool:
    """True when one of ``topics`` is one of ``wanted`` or a descendant of one."""
    wanted = set(wanted)
    return any(wanted.intersection(config.topic_ancestors(t)) for t in topics)


def topic_order(config: Config) -> dict[str, int]:
    """Taxonomy order: each root topic (in config order) followed by its descendants."""
    children: dict[str, list[str]] = defaultdict(list)
    roots = []
    for tid, topic in config.topics.items():
        if topic.parent and topic.parent in config.topics and topic.parent != tid:
            children[topic.parent].append(tid)
        else:
            roots.append(tid)
    order: dict[str, int] = {}

    def visit(tid: str) -> None:
        if tid in order:
            return
        order[tid] = len(order)
        for child in children[tid]:
            visit(child)

    for tid in roots:
        visit(tid)
    for tid in config.topics:  # topics caught in a parent cycle
        visit(tid)
    return order


def sort_relations(relations: list[Relation], config: Config) -> list[Relation]:
    """Report order: topic (taxonomy order), kind (most alarming first), key, earliest as-of, id."""
    order = topic_order(config)
    kinds = {k: i for i, k in enumerate(RELATION_KINDS)}

    def when(r: Relation) -> int:
        return min((c.as_of.span()[0].toordinal() for c in r.claims if c.as_of is not None), default=0)

    return sorted(relations, key=lambda r: (order.get(r.topic, len(order) + (r.topic == "")), r.topic,
                                            kinds.get(r.kind, len(kinds)), r.key, when(r), r.id))


def as_of_text(claim: Claim) -> str:
    """The as-of period as shown everywhere: "2021", "2022-03-03 (inferred)", or ""."""
    if claim.as_of is None:
        return ""
    return f"{claim.as_of} (inferred)" if claim.as_of_inferred else str(claim.as_of)


def origin(claim: Claim) -> str:
    """Where a figure comes from: its cited upstream source, else its own brief."""
    if claim.cites.strip():
        return "cites:" + " ".join(claim.cites.split()).casefold()
    return "brief:" + claim.brief


def count_origins(claims: Iterable[Claim]) -> int:
    return len({origin(c) for c in claims})


# --------------------------------------------------------------------------- intervals


@dataclass
class _Item:
    """A claim prepared for comparison: an interval (quantities, ranks, dates) or a label."""

    claim: Claim
    lo: float = 0.0  # the interval the claim allows, before tolerance
    hi: float = 0.0
    wlo: float = 0.0  # widened by the key tolerance: two items agree when these overlap
    whi: float = 0.0
    rep: float = 0.0  # one representative number, for gaps in explanations
    label: str = ""  # categories and stances (compared for equality)
    bounded: bool = False  # an open-ended bound (at least / up to): it may agree with several groups

    @property
    def ref(self) -> str:
        return self.claim.ref


def interval(value: Value, tolerance: Tolerance) -> tuple[float, float]:
    """The interval of true values a written figure allows (before the comparison tolerance).

    exact: the point; approximate: widened by the key tolerance, or by 10% when the key
    has none; at-least / more-than: [x, inf); at-most / less-than / up-to: [0, x] (or
    (-inf, x] for a negative x); a range: [amount, upper]. Quantities are in base units
    (scale applied) and durations in days; ranks are their number; dates are day ordinals
    of their first and last day.
    """
    if value.type == "date":
        assert value.date is not None
        return float(value.date.start().toordinal()), float(value.date.end().toordinal())
    if value.type == "rank":
        r = float(value.amount or 0)
        return r, r
    _, lo = units.comparable(value.unit, value.base_amount or 0.0)
    hi = lo if value.upper is None else units.comparable(value.unit, value.base_upper or 0.0)[1]
    bound = value.bound
    if value.upper is None and bound in ("at-least", "more-than"):
        return lo, math.inf
    if value.upper is None and bound in ("at-most", "less-than", "up-to"):
        return (0.0 if lo >= 0 else -math.inf), lo
    if bound == "approximate":
        if tolerance.relative or tolerance.absolute:
            return _widen_simple(lo, hi, tolerance.relative, tolerance.absolute)
        return _widen_simple(lo, hi, DEFAULT_APPROXIMATE, 0.0)
    return lo, hi


def _widen_simple(lo: float, hi: float, rel: float, absolute: float) -> tuple[float, float]:
    return lo - max(rel * abs(lo), absolute), hi + max(rel * abs(hi), absolute)


def widen(lo: float, hi: float, tolerance: Tolerance, relative_ok: bool = True) -> tuple[float, float]:
    """Widen an interval so that overlap means "within tolerance".

    The tolerance is "a fraction of the larger magnitude" (``|a-b| <= r * max(|a|,|b|)``):
    for positive points that is ``min/max >= 1-r``, which scaling each end by sqrt(1-r)
    turns exactly into an overlap test. An absolute tolerance adds half of itself on each
    side. When both are given, the wider reading wins.
    """
    rel = max(0.0, tolerance.relative) if relative_ok else 0.0
    half = max(0.0, tolerance.absolute) / 2
    f = math.sqrt(max(0.0, 1.0 - rel))

    def down(x: float) -> float:
        if math.isinf(x):
            return x
        by_rel = x * f if x > 0 else (x / f if f else -math.inf)
        return min(by_rel, x - half)

    def up(x: float) -> float:
        if math.isinf(x):
            return x
        by_rel = (x / f if f else math.inf) if x > 0 else x * f
        return max(by_rel, x + half)

    return down(lo), up(hi)


# --------------------------------------------------------------------------- one key


@dataclass
class _Key:
    """What the comparison needs to know about a key (registered or not)."""

    id: str
    type: str
    unit: str
    tolerance: Tolerance
    label: str = ""
    topics: tuple[str, ...] = ()
    dim: str = ""  # what the compared figures measure, set by screening ("USD", "duration"...)
    order: dict[str, int] = field(default_factory=dict)  # taxonomy order, for the main topic

    @classmethod
    def of(cls, key: str, keydef: Optional[KeyDef], claims: list[Claim]) -> "_Key":
        if keydef is not None:
            return cls(key, keydef.type, keydef.unit, keydef.tolerance, keydef.label, keydef.topics)
        # An unregistered key (reported by `check`): the most common value type decides.
        types = Counter(c.value.type for c in claims if c.value is not None)
        vtype = min(types, key=lambda t: (-types[t], t)) if types else "category"
        return cls(key, vtype, "", Tolerance())


def _dimension(value: Value) -> str:
    """What a value measures: "USD", "percent", "duration", "banks", "rank"..."""
    if value.type == "quantity":
        return units.comparable(units.canonical_unit(value.unit), 0.0)[0] or "(no unit)"
    return value.type


def relations_for_key(key: str, claims: list[Claim], corpus: Corpus,
                      order: Optional[dict[str, int]] = None) -> list[Relation]:
    """All relations among the claims that share ``key`` (``order``: ``topic_order``, if known)."""
    k = _Key.of(key, corpus.config.keys.get(key), claims)
    k.order = order if order is not None else topic_order(corpus.config)
    claims = sorted(claims, key=lambda c: c.ref)
    out: list[Relation] = []
    usable = _screen(k, claims, corpus, out)
    facts = [c for c in usable if c.kind == "fact"]
    positions = [c for c in usable if c.kind in POSITION_KINDS]
    forecasts = [c for c in usable if c.kind == "forecast"]

    fact_periods = _period_clusters(k, facts)
    if len(fact_periods) > 1 and not fact_periods[-1].dated:
        # Facts with no date at all (their brief has no publication date) cannot be placed
        # among the dated ones: say so rather than leave them out silently.
        for c in fact_periods[-1].claims:
            out.append(_relation("annotation-problem", INFO, k, [c], corpus,
                                 f"{c.ref} has no as-of date (and its brief no publication date), so it is "
                                 f"compared with no dated claim under key {k.id}: add as_of"))
    for cluster in fact_periods:
        out.extend(_compare_cluster(k, cluster, corpus, role="fact"))
    for a, b in zip(fact_periods, fact_periods[1:]):
        if a.dated and b.dated:
            out.append(_change_over_time(k, a, b, corpus))
    if positions:
        out.extend(_compare_cluster(k, _Period([_item(k, c) for c in positions], dated=False), corpus,
                                    role="position"))
    if forecasts:
        for cluster in _period_clusters(k, forecasts, forecast=True):
            out.extend(_compare_cluster(k, cluster, corpus, role="forecast"))
        for f in forecasts:
            # The latest facts about the forecast's period tell whether it held.
            targets = [cluster for cluster in fact_periods if _forecast_targets(f, cluster)]
            if targets:
                out.append(_forecast_vs_fact(k, _item(k, f), targets[-1], corpus))
    return out


def _screen(k: _Key, claims: list[Claim], corpus: Corpus, out: list[Relation]) -> list[Claim]:
    """Report claims that cannot be compared under the key; return the others."""
    typed = []
    for c in claims:
        if c.value is None:
            out.append(_relation("annotation-problem", INFO, k, [c], corpus,
                                 f"{c.ref} has no value, so it cannot be compared with the other claims "
                                 f"under key {k.id}; give it a {k.type} value or drop the key"))
        elif c.value.type != k.type:
            out.append(_relation("annotation-problem", WARNING, k, [c], corpus,
                                 f"{c.ref} gives a {c.value.type} ({c.value.display()}) but key {k.id} "
                                 f"is a {k.type}: likely an annotation error; it is left out of the comparison"))
        else:
            typed.append(c)
    k.dim = k.type
    if k.type != "quantity":
        return typed
    dims = {c.ref: _dimension(c.value) for c in typed}  # type: ignore[arg-type]
    if k.unit:
        expected = units.comparable(k.unit, 0.0)[0]
        why = f"key {k.id} expects {k.unit}"
    else:
        counts = Counter(dims.values())
        top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
        if len(top) > 1 and top[0][1] == top[1][1]:
            # No majority: nothing tells which claims are right, so none is compared.
            listing = "; ".join(f"{c.ref} {c.value.display()}" for c in typed)  # type: ignore[union-attr]
            out.append(_relation("annotation-problem", WARNING, k, typed, corpus,
                                 f"claims under key {k.id} mix units ({listing}): likely an annotation error; "
                                 "give the key a unit, then fix the odd claims (no currency conversion is made)"))
            return []
        expected = top[0][0] if top else ""
        others = sorted({c.brief for c in typed if dims[c.ref] == expected})
        why = f"the other claims under key {k.id} use {expected} ({', '.join(others)})"
    k.dim = expected
    kept = []
    for c in typed:
        if dims[c.ref] == expected:
            kept.append(c)
            continue
        given = c.value.unit or "no unit"  # type: ignore[union-attr]
        what = "currency" if units.is_currency(c.value.unit) or units.is_currency(expected) else "unit"  # type: ignore[union-attr]
        out.append(_relation("annotation-problem", WARNING, k, [c], corpus,
                             f"{c.ref} gives {c.value.display()} ({given}) but {why}: "  # type: ignore[union-attr]
                             f"a {what} mismatch, likely an annotation error (no conversion is made); "
                             "it is left out of the comparison"))
    return kept


def _item(k: _Key, claim: Claim) -> _Item:
    v = claim.value
    assert v is not None
    if v.type in _INTERVAL_TYPES:
        lo, hi = interval(v, k.tolerance)
        wlo, whi = widen(lo, hi, k.tolerance, relative_ok=v.type != "date")
        if v.type == "quantity":
            rep = units.comparable(v.unit, v.base_amount or 0.0)[1]
            if v.upper is not None:
                rep = (lo + hi) / 2 if v.bound != "approximate" else (rep + units.comparable(v.unit, v.base_upper or 0.0)[1]) / 2
        else:
            rep = lo
        bounded = math.isinf(lo) or math.isinf(hi) or (v.type == "quantity" and v.upper is None
                                                       and v.bound in ("at-most", "less-than", "up-to"))
        return _Item(claim, lo, hi, wlo, whi, rep, bounded=bounded)
    label = v.stance if v.type == "stance" else " ".join(v.category.split()).casefold()
    return _Item(claim, label=label)


# --------------------------------------------------------------------------- periods


@dataclass
class _Period:
    """Claims whose as-of spans all overlap (one period), or undated / timeless ones."""

    items: list[_Item]
    dated: bool = True
    start: int = 0  # day ordinals of the common part of the spans
    end: int = 0

    @property
    def claims(self) -> list[Claim]:
        return [i.claim for i in self.items]

    def text(self) -> str:
        """How the period reads in an explanation: "2021", "2021 and 2021-12", "2022-02 (inferred)"."""
        if not self.dated:
            return ""
        shown = sorted({as_of_text(c) for c in self.claims})
        return " and ".join(shown)


def _timeless(k: _Key, claim: Claim) -> bool:
    """A claim compared whatever its as-of: the date of an event, or a claim with no date at all."""
    return claim.as_of is None or k.type == "date"


def _period_clusters(k: _Key, claims: list[Claim], forecast: bool = False) -> list[_Period]:
    """Cluster by as-of: sort by span, sweep; a claim joins while it overlaps every member.

    In one dimension, intervals that overlap pairwise share a common point, so keeping the
    running intersection is enough. Timeless claims form one cluster of their own, last.
    A forecast whose as-of was inferred has no known target: it counts as timeless.
    """
    dated, timeless = [], []
    for c in claims:
        if _timeless(k, c) or (forecast and c.as_of_inferred):
            timeless.append(c)
        else:
            a, b = c.as_of.span()  # type: ignore[union-attr]
            dated.append((a.toordinal(), b.toordinal(), c.ref, c))
    dated.sort(key=lambda t: t[:3])
    clusters: list[_Period] = []
    for a, b, _, c in dated:
        cur = clusters[-1] if clusters else None
        if cur is not None and a <= cur.end:
            cur.items.append(_item(k, c))
            cur.start, cur.end = max(cur.start, a), min(cur.end, b)
        else:
            clusters.append(_Period([_item(k, c)], True, a, b))
    if timeless:
        clusters.append(_Period([_item(k, c) for c in timeless], dated=False))
    return clusters


# --------------------------------------------------------------------------- values


@dataclass
class _Group:
    """Claims that agree with each other (their widened intervals share a point, or equal labels)."""

    items: list[_Item]
    lo: float = -math.inf  # running intersection of the widened intervals
    hi: float = math.inf

    @property
    def claims(self) -> list[Claim]:
        return sorted((i.claim for i in self.items), key=lambda c: c.ref)

    @property
    def core(self) -> list[_Item]:
        """The members that define the group (open-ended bounds only support it), or all."""
        pinned = [i for i in self.items if not i.bounded]
        return pinned or self.items

    def rep(self) -> float:
        reps = sorted(i.rep for i in self.core)
        return reps[len(reps) // 2]


def _value_groups(items: list[_Item], vtype: str) -> list[_Group]:
    """Split claims into agreeing groups, ordered by value.

    Labels: one group per distinct label. Intervals: finite figures are swept in order
    of their widened lower end, joining the current group while they overlap all of it;
    open-ended bounds ("at least 100", "up to 12") then join every group they agree
    with, or start their own when they agree with none.
    """
    if vtype not in _INTERVAL_TYPES:
        by_label: dict[str, list[_Item]] = defaultdict(list)
        for it in items:
            by_label[it.label].append(it)
        return [_Group(by_label[label]) for label in sorted(by_label)]
    pinned = sorted((i for i in items if not i.bounded), key=lambda i: (i.wlo, i.whi, i.ref))
    bounds = sorted((i for i in items if i.bounded), key=lambda i: (i.wlo, i.whi, i.ref))
    groups: list[_Group] = []
    for it in pinned:
        g = groups[-1] if groups else None
        if g is not None and it.wlo <= g.hi:
            g.items.append(it)
            g.lo, g.hi = max(g.lo, it.wlo), min(g.hi, it.whi)
        else:
            groups.append(_Group([it], it.wlo, it.whi))
    for it in bounds:
        joined = False
        for g in groups:
            if it.wlo <= g.hi and g.lo <= it.whi:
                g.items.append(it)
                g.lo, g.hi = max(g.lo, it.wlo), min(g.hi, it.whi)
                joined = True
        if not joined:
            groups.append(_Group([it], it.wlo, it.whi))
    groups.sort(key=lambda g: (g.rep(), g.items[0].ref))
    return groups


def _compare_cluster(k: _Key, period: _Period, corpus: Corpus, role: str) -> list[Relation]:
    """Agreements and conflicts among claims of one role and one period."""
    groups = _value_groups(period.items, k.type)
    out = []
    for g in groups:
        if len({c.brief for c in g.claims}) > 1:
            out.append(_agreement(k, g, period, corpus, role))
    if len(groups) > 1:
        out.append(_conflict(k, groups, period, corpus, role))
    return out


def _span(c: Claim) -> tuple[int, int]:
    a, b = c.as_of.span()  # type: ignore[union-attr]
    return a.toordinal(), b.toordinal()


def same_moment(sides: list[list[Claim]]) -> bool:
    """Whether differing claims of one period cluster certainly describe the same time.

    Overlapping as-of spans may still be different moments: "2022-02" (some time in
    February, before the invasion) and "2022-02-24" can both be right. The conflict is
    certain when two sides share a span, when a side has an explicit START/END period
    (the claim holds throughout it) that contains or overlaps a claim of another side,
    or when an as-of was only inferred (then the explanation says so). Cost: one pass,
    plus a containment test against the intervals of a single side.
    """
    seen: set[str] = set()
    spans: dict[tuple[int, int], set[int]] = defaultdict(set)
    intervals: list[tuple[int, int, int]] = []
    points: list[tuple[int, int, int]] = []
    for i, side in enumerate(sides):
        for c in side:
            if c.ref in seen:
                continue
            seen.add(c.ref)
            if c.as_of is None or c.as_of_inferred:
                return True
            span = _span(c)
            spans[span].add(i)
            (intervals if c.as_of.end is not None else points).append((*span, i))
    if any(len(sides_) > 1 for sides_ in spans.values()):
        return True
    if len({i for _, _, i in intervals}) > 1:
        return True  # spans in one cluster overlap pairwise: both hold at a common time
    return any(a <= x and y <= b for a, b, i in intervals for x, y, j in points if i != j)


# --------------------------------------------------------------------------- relations and wording


def _relation(kind: str, severity: str, k: _Key, claims: list[Claim], corpus: Corpus, explanation: str) -> Relation:
    claims = sorted({c.ref: c for c in claims}.values(), key=lambda c: c.ref)
    return Relation(kind=kind, severity=severity, key=k.id, claims=claims, explanation=explanation,
                    topic=_main_topic(k, claims), origins=count_origins(claims),
                    id=relation_id(kind, k.id, claims))


def _main_topic(k: _Key, claims: list[Claim]) -> str:
    """The topic a relation is listed under: the key's first topic, else the claims' commonest."""
    if k.topics:
        return k.topics[0]
    counts = Counter(t for c in claims for t in dict.fromkeys(c.topics))
    if not counts:
        return ""
    order = k.order
    return min(counts, key=lambda t: (-counts[t], order.get(t, len(order)), t))


def _who(claims: list[Claim], by_ref: bool) -> str:
    names = [c.ref for c in claims] if by_ref else list(dict.fromkeys(c.brief for c in claims))
    return _join(names)


def _join(names: list[str]) -> str:
    if len(names) <= 2:
        return " and ".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def _says(claims: list[Claim], plural: bool) -> str:
    verbs = {_VERB.get(c.kind, "says") for c in claims}
    verb = verbs.pop() if len(verbs) == 1 else "says"
    if plural:
        verb = {"says": "say", "forecasts": "forecast", "recommends": "recommend", "assesses": "assess"}[verb]
    return verb


def _values(claims: list[Claim]) -> str:
    return " / ".join(dict.fromkeys(c.value.display() for c in claims if c.value is not None))


def _statement(claims: list[Claim], by_ref: bool) -> str:
    names = len(claims) if by_ref else len({c.brief for c in claims})
    return f"{_who(claims, by_ref)} {_says(claims, names > 1)} {_values(claims)}"


def _for_period(period: _Period) -> str:
    text = period.text()
    return f" for {text}" if text else ""


def _num(x: float) -> str:
    if abs(x) >= 100 or float(x).is_integer():
        return f"{x:,.0f}"
    return f"{x:,.2f}".rstrip("0").rstrip(".")


def _percent(p: float) -> str:
    if p >= 10 or p == 0:
        return f"{p:.0f}%"
    return f"{p:.1f}".rstrip("0").rstrip(".") + "%"


def _days(d: float) -> str:
    if d < 60:
        return f"{_num(d)} day{'s' * (d != 1)}"
    if d < 730:
        return f"about {d / 30.4375:.0f} months"
    return f"about {d / 365.25:.0f} years"


def _relative(k: _Key) -> bool:
    """Whether gaps under this key read best as a percentage of the figures."""
    return k.type == "quantity" and k.dim not in ("duration", "percent", "percentage-points")


def distance(k: _Key, a: float, b: float) -> str:
    """How far apart two representative values are: "17%", "2 percentage points", "3 days", "2 places"."""
    d = abs(b - a)
    if k.type == "date" or k.dim == "duration":
        return _days(d)
    if k.type == "rank":
        return f"{_num(d)} place{'s' * (d != 1)}"
    if k.dim in ("percent", "percentage-points"):
        return f"{_num(d)} percentage point{'s' * (d != 1)}"
    m = max(abs(a), abs(b))
    return _percent(100 * d / m) if m else _num(d)


def _tolerance_text(k: _Key) -> str:
    if k.type not in _INTERVAL_TYPES:
        return ""
    t = k.tolerance
    if k.type == "date":
        return f" (tolerance {t.absolute:g} days)" if t.absolute else ""
    if not (t.relative or t.absolute):
        return " (no tolerance)"
    parts = [f"{t.relative * 100:g}%"] if t.relative else []
    if t.absolute:
        if k.dim in ("percent", "percentage-points"):
            parts.append(f"{t.absolute:g} percentage point{'s' * (t.absolute != 1)}")
        elif k.type == "rank":
            parts.append(f"{t.absolute:g} place{'s' * (t.absolute != 1)}")
        else:
            unit = "days" if k.dim == "duration" else k.unit
            parts.append(f"{_num(t.absolute)} {unit}".rstrip())
    return f" (tolerance {' or '.join(parts)})"


def _origins_text(claims: list[Claim]) -> str:
    n = count_origins(claims)
    shared: dict[str, set[str]] = defaultdict(set)
    for c in claims:
        if c.cites.strip():
            shared[" ".join(c.cites.split())].add(c.brief)
    notes = [f"{_join(sorted(b))} cite {src}" for src, b in sorted(shared.items()) if len(b) > 1]
    text = f"{n} independent origin{'s' * (n != 1)}"
    if notes:
        text += " (" + "; ".join(notes) + ")"
    return text


def _inferred_note(claims: list[Claim]) -> str:
    """The caveat for as-of dates that were only inferred from publication dates."""
    inferred = sorted({(c.brief, str(c.as_of)) for c in claims if c.as_of_inferred and c.as_of is not None})
    if not inferred:
        return ""
    if len({d for _, d in inferred}) > 1 and all(c.as_of_inferred for c in claims):
        dates = ", ".join(f"{d} for {b}" for b, d in inferred)
        return (f"; careful: every as-of date here is inferred from a publication date ({dates}), "
                "so the briefs may well describe the same period: add as_of to compare them")
    briefs = list(dict.fromkeys(b for b, _ in inferred))
    if len(briefs) == 1:
        return f"; the as-of date of {briefs[0]} is only inferred from its publication date"
    return f"; the as-of dates of {_join(briefs)} are only inferred from their publication dates"


def _agreement(k: _Key, g: _Group, period: _Period, corpus: Corpus, role: str) -> Relation:
    claims = g.claims
    what = {"fact": "agree", "position": "take the same position", "forecast": "forecast alike"}[role]
    several = len({c.value.display() for c in claims if c.value is not None}) > 1
    text = (f"{_who(claims, False)} {what}: {_values(claims)}{_for_period(period)}"
            f"{_tolerance_text(k) if several else ''}; {_origins_text(claims)}")
    if count_origins(claims) == 1:
        text += ", so this is one source repeated, not independent confirmation"
    # Positions are compared whatever their dates, so an inferred date needs no caveat there.
    note = _inferred_note(claims) if role != "position" else ""
    return _relation("agreement", INFO, k, claims, corpus, text + note)


def _conflict(k: _Key, groups: list[_Group], period: _Period, corpus: Corpus, role: str) -> Relation:
    # Open-ended bounds that agree with every group take no side: leave them out.
    everywhere = set.intersection(*({i.ref for i in g.items} for g in groups))
    sides = [sorted((i.claim for i in g.items if i.ref not in everywhere), key=lambda c: c.ref) for g in groups]
    claims = [c for side in sides for c in side]
    briefs = {c.brief for c in claims}
    internal = len(briefs) == 1
    # Name claims rather than briefs when a brief is on more than one side.
    by_ref = internal or sum(len({c.brief for c in side}) for side in sides) > len(briefs)
    certain = not period.dated or same_moment(sides)
    if not period.dated or len({as_of_text(c) for c in claims}) <= 1:
        text = "; ".join(_statement(side, by_ref) for side in sides) + _for_period(period)
    else:  # periods differ: say whose is which
        text = "; ".join(f"{_statement(side, by_ref)} for {_join(sorted({as_of_text(c) for c in side}))}"
                         for side in sides)
    if k.type in _INTERVAL_TYPES:
        # The widest gap, lowest figure to highest: a median could fall inside the tolerance.
        low = min(i.rep for i in groups[0].core)
        high = max(i.rep for i in groups[-1].core)
        several = len(groups) > 2 or len(groups[0].core) > 1 or len(groups[-1].core) > 1
        text += f": {'up to ' if several else ''}{distance(k, low, high)} apart{_tolerance_text(k)}"
    if internal:
        text += f" (the brief {next(iter(briefs))} contradicts itself)"
    else:
        cited = [c for c in claims if c.cites.strip()]
        if len(cited) == len(claims) and count_origins(cited) == 1:
            text += f"; all cite {cited[0].cites.strip()}, so one of them misreads it"
    if role != "position":
        text += _inferred_note(claims)
    if not certain:
        text += ("; the as-of periods overlap but need not be the same moment, so this reads as a change "
                 "over time rather than a contradiction: give the claims the same as_of if they describe "
                 "the same moment")
        return _relation("change-over-time", WARNING, k, claims, corpus, text)
    if role == "fact":
        return _relation("contradiction", ERROR, k, claims, corpus, text)
    # Positions differ, forecasts differ: disagreements of judgement, not of fact.
    return _relation("disagreement", WARNING, k, claims, corpus, text)


def _change(k: _Key, a: _Group, b: _Group) -> tuple[str, bool]:
    """(wording, changed?) for the move from one period's value to the next one's."""
    if k.type not in _INTERVAL_TYPES:
        same = a.items[0].label == b.items[0].label
        return ("unchanged", False) if same else ("changed", True)
    if a.lo <= b.hi and b.lo <= a.hi:
        return f"unchanged{_tolerance_text(k)}", False
    x, y = a.rep(), b.rep()
    if k.type == "date":
        return f"{'later' if y > x else 'earlier'} by {distance(k, x, y)}", True
    if k.type == "rank":  # a larger rank number is a lower place
        return f"{'down' if y > x else 'up'} {distance(k, x, y)}", True
    if _relative(k) and x:
        return f"{'up' if y > x else 'down'} {_percent(100 * abs(y - x) / abs(x))}", True
    return f"{'up' if y > x else 'down'} {distance(k, x, y)}", True


def _change_over_time(k: _Key, a: _Period, b: _Period, corpus: Corpus) -> Relation:
    ga, gb = _value_groups(a.items, k.type), _value_groups(b.items, k.type)
    claims = a.claims + b.claims
    if len(ga) == 1 and len(gb) == 1:
        change, changed = _change(k, ga[0], gb[0])
    else:
        change, changed = "the figures differ within one period (see the contradiction)", True
    text = (f"{_values(a.claims)} for {a.text()} ({_who(a.claims, False)}) -> "
            f"{_values(b.claims)} for {b.text()} ({_who(b.claims, False)}): {change}" + _inferred_note(claims))
    # A change between dates that are only inferred may be no change at all: worth a look.
    careful = changed and any(c.as_of_inferred for c in claims)
    return _relation("change-over-time", WARNING if careful else INFO, k, claims, corpus, text)


def _forecast_targets(forecast: Claim, facts: _Period) -> bool:
    """Whether a fact period is what the forecast is about (or later, when its target is unknown)."""
    if not facts.dated or forecast.as_of is None:
        return False
    a, b = (d.toordinal() for d in forecast.as_of.span())
    if forecast.as_of_inferred:  # target unknown: any period after publication
        return facts.start > b
    return a <= facts.end and facts.start <= b


def _forecast_vs_fact(k: _Key, f: _Item, facts: _Period, corpus: Corpus) -> Relation:
    target = "" if f.claim.as_of_inferred else f" for {f.claim.as_of}"
    groups = _value_groups(facts.items, k.type)
    reporters = list(dict.fromkeys(c.brief for c in facts.claims))
    lead = (f"{f.claim.brief} forecast {f.claim.value.display()}{target}; "  # type: ignore[union-attr]
            f"{_join(reporters)} report{'s' * (len(reporters) == 1)} {_values(facts.claims)} for {facts.text()}")
    held = any(_agrees(f, g, k) for g in groups)
    if held:
        verdict = "the forecast held" + _tolerance_text(k)
    elif k.type in _INTERVAL_TYPES:
        nearest = min(groups, key=lambda g: abs(g.rep() - f.rep))
        verdict = f"the forecast missed by {distance(k, f.rep, nearest.rep())}"
    else:
        verdict = "the forecast did not hold"
    text = f"{lead}: {verdict}"
    if len(groups) > 1:
        text += " (the reported facts differ among themselves)"
    return _relation("forecast-vs-fact", INFO if held else WARNING, k, [f.claim, *facts.claims], corpus, text)


def _agrees(item: _Item, group: _Group, k: _Key) -> bool:
    if k.type in _INTERVAL_TYPES:
        return item.wlo <= group.hi and group.lo <= item.whi
    return item.label == group.items[0].label


_REF = re.compile(r"^([a-z0-9][a-z0-9._-]*)#([a-z0-9][a-z0-9._-]*)$")


def parse_ref(text: str) -> Optional[tuple[str, str]]:
    """``brief#claim`` -> (brief, claim), or None."""
    m = _REF.match(text.strip())
    return (m.group(1), m.group(2)) if m else None


# --------------------------------------------------------------------------- one key or claim (show)


@dataclass
class Detail:
    """Everything known about one key or one claim: the claims and the relations they are in."""

    target: str
    key: str  # the key shown (for a claim: its key, possibly "")
    keydef: Optional[KeyDef]
    claims: list[Claim]
    relations: list[Relation]
    claim: Optional[Claim] = None  # set when the target is one claim


def detail(analysis: Analysis, target: str) -> Detail:
    """Look up ``KEY`` or ``BRIEF#CLAIM``; LookupError (with a did-you-mean hint) when unknown."""
    from briefcmp.corpus.problems import suggest

    corpus = analysis.corpus
    ref = parse_ref(target)
    if ref is not None:
        brief = corpus.brief(ref[0])
        if brief is None:
            raise LookupError(f'no brief "{ref[0]}"{suggest(ref[0], [b.id for b in corpus.briefs])}')
        claim = next((c for c in brief.claims if c.id == ref[1]), None)
        if claim is None:
            raise LookupError(f'brief {brief.id} has no claim "{ref[1]}"{suggest(ref[1], [c.id for c in brief.claims])}')
        rels = [r for r in analysis.all_relations if any(c is claim for c in r.claims)]
        return Detail(target, claim.key, corpus.config.keys.get(claim.key), [claim], rels, claim)
    key = target.strip()
    if not key:
        raise LookupError("give a key id or a claim as BRIEF#CLAIM (an empty name selects nothing)")
    claims = sorted((c for c in corpus.claims() if c.key == key), key=lambda c: c.ref)
    if key not in corpus.config.keys and not claims:
        known = set(corpus.config.keys) | {c.key for c in corpus.claims() if c.key}
        hint = suggest(key, sorted(known))
        raise LookupError(f'no key "{key}"{hint}; give a key id or a claim as BRIEF#CLAIM')
    rels = [r for r in analysis.all_relations if r.key == key]
    return Detail(target, key, corpus.config.keys.get(key), claims, rels)
