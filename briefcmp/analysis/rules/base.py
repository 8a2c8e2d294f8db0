"""What every relation rule shares: claims prepared as intervals or labels, clustered by
period and grouped by value, and the one way a ``Relation`` is made (with its stable id).

Quantities, ranks and dates become intervals (see ``interval``), widened by the key
tolerance (``widen``); two claims agree when their widened intervals overlap. Categories
and stances agree when equal (case-insensitively). Each step is a sort and a sweep.
"""

from __future__ import annotations

import hashlib
import math
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterable, Optional

from briefcmp.analysis.rounding import rounding_interval
from briefcmp.corpus import units
from briefcmp.corpus.agencies import agency_of
from briefcmp.corpus.model import Claim, Corpus, KeyDef, Relation, Tolerance, Value, relation_id_text

# Severities, from the Relation docstring: "error" (contradiction), "warning", "info".
ERROR, WARNING, INFO = "error", "warning", "info"

SEVERITIES = (ERROR, WARNING, INFO)

# An approximate figure ("about 20") with no key tolerance is read as +-10%.
DEFAULT_APPROXIMATE = 0.10

POSITION_KINDS = ("recommendation", "assessment")

INTERVAL_TYPES = ("quantity", "rank", "date")


@dataclass


class KeyView:
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
    def of(cls, key: str, keydef: Optional[KeyDef], claims: list[Claim]) -> "KeyView":
        if keydef is not None:
            return cls(key, keydef.type, keydef.unit, keydef.tolerance, keydef.label, keydef.topics)
        # An unregistered key (reported by `check`): the most common value type decides.
        types = Counter(c.value.type for c in claims if c.value is not None)
        vtype = min(types, key=lambda t: (-types[t], t)) if types else "category"
        return cls(key, vtype, "", Tolerance())


def dimension(value: Value) -> str:
    """What a value measures: "USD", "percent", "duration", "banks", "rank"..."""
    if value.type == "quantity":
        return units.comparable(units.canonical_unit(value.unit), 0.0)[0] or "(no unit)"
    return value.type


@dataclass


class Item:
    """A claim prepared for comparison: an interval (quantities, ranks, dates) or a label."""

    claim: Claim
    lo: float = 0.0  # the interval the claim allows, before tolerance
    hi: float = 0.0
    wlo: float = 0.0  # widened by the key tolerance: two items agree when these overlap
    whi: float = 0.0
    rep: float = 0.0  # one representative number, for gaps in explanations
    label: str = ""  # categories and stances (compared for equality)
    bounded: bool = False  # an open-ended bound (at least / up to): it may agree with several groups
    ref: str = ""  # the claim's ref, made once (every sort and set of the rules uses it)


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
    if not math.isinf(lo):
        lo = min(lo * f if lo > 0 else (lo / f if f else -math.inf), lo - half)
    if not math.isinf(hi):
        hi = max((hi / f if f else math.inf) if hi > 0 else hi * f, hi + half)
    return lo, hi


def make_item(k: KeyView, claim: Claim) -> Item:
    v = claim.value
    assert v is not None
    if v.type in INTERVAL_TYPES:
        tolerance = k.tolerance
        if tolerance.absolute and v.type == "quantity" and units.is_physical(k.unit):
            # "0.5" under a key in GW is 0.5 GW: compared, like the figures, in the dimension's base unit
            tolerance = Tolerance(tolerance.relative, units.comparable(k.unit, tolerance.absolute)[1])
        lo, hi = interval(v, tolerance)
        wlo, whi = widen(lo, hi, tolerance, relative_ok=v.type != "date")
        written = rounding_interval(v, claim.quote or "")
        if written is not None:  # rounding agrees: "$1 trillion" holds "$929.1 billion" (see analysis/rounding.py)
            wlo, whi = min(wlo, written[0]), max(whi, written[1])
        if v.type == "quantity":
            rep = units.comparable(v.unit, v.base_amount or 0.0)[1]
            if v.upper is not None:
                rep = (lo + hi) / 2 if v.bound != "approximate" else (rep + units.comparable(v.unit, v.base_upper or 0.0)[1]) / 2
        else:
            rep = lo
        bounded = math.isinf(lo) or math.isinf(hi) or (v.type == "quantity" and v.upper is None
                                                       and v.bound in ("at-most", "less-than", "up-to"))
        return Item(claim, lo, hi, wlo, whi, rep, bounded=bounded, ref=claim.ref)
    label = v.stance if v.type == "stance" else " ".join(v.category.split()).casefold()
    return Item(claim, label=label, ref=claim.ref)


@dataclass


class PeriodCluster:
    """Claims whose as-of spans all overlap (one period), or undated / timeless ones."""

    items: list[Item]
    dated: bool = True
    start: int = 0  # day ordinals of the common part of the spans
    end: int = 0
    # Made once the cluster is complete, on first use: a fact period is read by its own
    # agreements and conflicts, by the changes on either side and by forecasts of it.
    _groups: Optional[list["Group"]] = field(default=None, repr=False, compare=False)
    _text: Optional[str] = field(default=None, repr=False, compare=False)
    _values: Optional[str] = field(default=None, repr=False, compare=False)

    @property
    def claims(self) -> list[Claim]:
        return [i.claim for i in self.items]

    def groups(self, vtype: str) -> list["Group"]:
        """``value_groups`` of the items (``vtype``: the key's value type)."""
        if self._groups is None:
            self._groups = value_groups(self.items, vtype)
        return self._groups

    def values(self) -> str:
        """The distinct values shown, in claim order: "USD 4.1 billion / ~USD 4 billion"."""
        if self._values is None:
            self._values = shown_values(i.claim for i in self.items)
        return self._values

    def text(self) -> str:
        """How the period reads in an explanation: "2021", "2021 and 2021-12", "2022-02 (inferred)"."""
        if not self.dated:
            return ""
        if self._text is None:
            self._text = " and ".join(sorted({as_of_text(i.claim) for i in self.items}))
        return self._text


def timeless(k: KeyView, claim: Claim) -> bool:
    """A claim compared whatever its as-of: the date of an event, or a claim with no date at all."""
    return claim.as_of is None or k.type == "date"


def period_clusters(k: KeyView, claims: list[Claim], forecast: bool = False) -> list[PeriodCluster]:
    """Cluster by as-of: sort by span, sweep; a claim joins while it overlaps every member.

    In one dimension, intervals that overlap pairwise share a common point, so keeping the
    running intersection is enough. Timeless claims form one cluster of their own, last.
    A forecast whose as-of was inferred has no known target: it counts as timeless.
    """
    dated, undated = [], []
    for c in claims:
        if timeless(k, c) or (forecast and c.as_of_inferred):
            undated.append(c)
        else:
            a, b = c.as_of.span()  # type: ignore[union-attr]
            dated.append((a.toordinal(), b.toordinal(), c.ref, c))
    dated.sort(key=lambda t: t[:3])
    clusters: list[PeriodCluster] = []
    for a, b, _, c in dated:
        cur = clusters[-1] if clusters else None
        if cur is not None and a <= cur.end:
            cur.items.append(make_item(k, c))
            cur.start, cur.end = max(cur.start, a), min(cur.end, b)
        else:
            clusters.append(PeriodCluster([make_item(k, c)], True, a, b))
    if undated:
        clusters.append(PeriodCluster([make_item(k, c) for c in undated], dated=False))
    return clusters


@dataclass


class Group:
    """Claims that agree with each other (their widened intervals share a point, or equal labels)."""

    items: list[Item]
    lo: float = -math.inf  # running intersection of the widened intervals
    hi: float = math.inf

    @property
    def claims(self) -> list[Claim]:
        return [i.claim for i in sorted(self.items, key=_ref)]

    @property
    def core(self) -> list[Item]:
        """The members that define the group (open-ended bounds only support it), or all."""
        pinned = [i for i in self.items if not i.bounded]
        return pinned or self.items

    def rep(self) -> float:
        reps = sorted(i.rep for i in self.core)
        return reps[len(reps) // 2]


def value_groups(items: list[Item], vtype: str) -> list[Group]:
    """Split claims into agreeing groups, ordered by value.

    Labels: one group per distinct label. Intervals: finite figures are swept in order
    of their widened lower end, joining the current group while they overlap all of it;
    open-ended bounds ("at least 100", "up to 12") then join every group they agree
    with, or start their own when they agree with none.
    """
    if vtype not in INTERVAL_TYPES:
        by_label: dict[str, list[Item]] = defaultdict(list)
        for it in items:
            by_label[it.label].append(it)
        return [Group(by_label[label]) for label in sorted(by_label)]
    pinned = sorted((i for i in items if not i.bounded), key=lambda i: (i.wlo, i.whi, i.ref))
    bounds = sorted((i for i in items if i.bounded), key=lambda i: (i.wlo, i.whi, i.ref))
    groups: list[Group] = []
    for it in pinned:
        g = groups[-1] if groups else None
        if g is not None and it.wlo <= g.hi:
            g.items.append(it)
            g.lo, g.hi = max(g.lo, it.wlo), min(g.hi, it.whi)
        else:
            groups.append(Group([it], it.wlo, it.whi))
    for it in bounds:
        joined = False
        for g in groups:
            if it.wlo <= g.hi and g.lo <= it.whi:
                g.items.append(it)
                g.lo, g.hi = max(g.lo, it.wlo), min(g.hi, it.whi)
                joined = True
        if not joined:
            groups.append(Group([it], it.wlo, it.whi))
    groups.sort(key=lambda g: (g.rep(), g.items[0].ref))
    return groups


def _ref(item: Item) -> str:
    return item.ref


def make_relation(kind: str, severity: str, k: KeyView, claims: list[Claim], corpus: Corpus, explanation: str,
                  sides: Iterable[Iterable[Claim]] = ()) -> Relation:
    by_ref = {c.ref: c for c in claims}  # one claim per ref (the last given), then in ref order
    refs = sorted(by_ref)
    claims = [by_ref[r] for r in refs]
    return Relation(kind=kind, severity=severity, key=k.id, claims=claims, explanation=explanation,
                    topic=main_topic(k, claims), origins=count_origins(claims, own_agencies(corpus)),
                    digest=_digest(kind, k.id, refs),
                    sides=tuple(tuple(sorted({c.ref for c in side})) for side in sides))


def main_topic(k: KeyView, claims: list[Claim]) -> str:
    """The topic a relation is listed under: the key's first topic, else the claims' commonest."""
    if k.topics:
        return k.topics[0]
    counts = Counter(t for c in claims for t in dict.fromkeys(c.topics))
    if not counts:
        return ""
    order = k.order
    return min(counts, key=lambda t: (-counts[t], order.get(t, len(order)), t))


def relation_id(kind: str, key: str, claims: Iterable[Claim]) -> str:
    """The stable id of a relation: ``KEY:KIND:HASH``.

    HASH is the first 10 hex digits of the SHA-1 of ``KIND``, ``KEY`` and the sorted claim
    refs (``brief#claim``), one per line, UTF-8. It depends on nothing else: not on line
    numbers, file order, values or wording, so it survives edits that do not change which
    claims are involved, and a reviewed-conflicts file can store it. Example:
    ``japan-russia-trade-total:contradiction:5d41402abc``.
    """
    return relation_id_text(key, kind, _digest(kind, key, sorted({c.ref for c in claims})))


def _digest(kind: str, key: str, refs: list[str]) -> int:
    """HASH of ``relation_id`` as a number, from the claims' refs sorted and without repeats."""
    return int(hashlib.sha1("\n".join([kind, key, *refs]).encode("utf-8")).hexdigest()[:10], 16)


def shown_values(claims: Iterable[Claim]) -> str:
    """The distinct values of claims as shown, in order: "USD 4.1 billion / ~USD 4 billion"."""
    return join_shown(c.value.display() for c in claims if c.value is not None)


def join_shown(shown: Iterable[str]) -> str:
    """Values already shown (``Value.display``), without repeats, in order."""
    return " / ".join(dict.fromkeys(shown))


def as_of_text(claim: Claim) -> str:
    """The as-of period as shown everywhere: "2021", "2022-03-03 (inferred)", or ""."""
    if claim.as_of is None:
        return ""
    return f"{claim.as_of} (inferred)" if claim.as_of_inferred else str(claim.as_of)


def origin(claim: Claim, own: Optional[dict[str, str]] = None) -> str:
    """Where a figure comes from: its cited upstream source, else the agency that published its brief
    (``own``: brief id -> agency, see ``own_agencies``), else its own brief. A Yonhap story and a
    rewrite citing Yonhap are one origin."""
    cites = claim.cites
    if cites and not cites.isspace():  # cites.strip() is not empty
        return _cited(cites)
    if own:
        agency = own.get(claim.brief)
        if agency:
            return _cited(agency)
    return "brief:" + claim.brief


_OWN: list = [None, {}]  # the last corpus asked about and its map (relations of one corpus ask again and again)


def own_agencies(corpus: Optional[Corpus]) -> dict[str, str]:
    """Brief id -> the news agency its publisher names ("Yonhap News Agency": "Yonhap"), for briefs
    published by one; made once per corpus."""
    if corpus is None:
        return {}
    if _OWN[0] is not corpus:
        own = {}
        # A publisher another brief cites by name (drafting.cites: "according to Canadian Wire Service")
        # is an origin too, though no agency table knows it.
        cited = {" ".join(c.cites.split()).casefold() for b in corpus.briefs for c in b.claims if c.cites}
        for b in corpus.briefs:
            agency = agency_of(b.publisher) if b.publisher else ""
            if not agency and b.publisher and " ".join(b.publisher.split()).casefold() in cited:
                agency = " ".join(b.publisher.split())
            if agency:
                own[b.id] = agency
        _OWN[0], _OWN[1] = corpus, own
    return _OWN[1]


@lru_cache(maxsize=4096)  # a few sources are cited again and again
def _cited(cites: str) -> str:
    return "cites:" + " ".join(cites.split()).casefold()


def count_origins(claims: Iterable[Claim], own: Optional[dict[str, str]] = None) -> int:
    return len({origin(c, own) for c in claims})
