"""How relations read: names, verbs, values, gaps and tolerances in plain English."""

from __future__ import annotations

from collections import defaultdict
from typing import Optional

from briefcmp.analysis.rounding import rounding_interval
from briefcmp.analysis.rules.base import (
    DEFAULT_APPROXIMATE, INTERVAL_TYPES, KeyView, PeriodCluster, count_origins, interval, shown_values,
)
from briefcmp.corpus import units
from briefcmp.corpus.model import Claim, Tolerance

VERB = {"fact": "says", "forecast": "forecasts", "recommendation": "recommends", "assessment": "assesses"}


def who(claims: list[Claim], by_ref: bool) -> str:
    names = [c.ref for c in claims] if by_ref else list(dict.fromkeys(c.brief for c in claims))
    return join(names)


def join(names: list[str]) -> str:
    if len(names) <= 2:
        return " and ".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def says(claims: list[Claim], plural: bool) -> str:
    verbs = {VERB.get(c.kind, "says") for c in claims}
    verb = verbs.pop() if len(verbs) == 1 else "says"
    if plural:
        verb = {"says": "say", "forecasts": "forecast", "recommends": "recommend", "assesses": "assess"}[verb]
    return verb


values = shown_values


def statement(claims: list[Claim], by_ref: bool, quotes: bool = False) -> str:
    names = len(claims) if by_ref else len({c.brief for c in claims})
    text = f"{who(claims, by_ref)} {says(claims, names > 1)} {values(claims)}"
    return f"{text} ({quoted(claims)})" if quotes else text


def drafted_statements(k: KeyView, claims: list[Claim]) -> bool:
    """Whether an explanation should quote its claims: a bare "yes" or "oppose" of a drafted statement
    says nothing until the reader sees the words it was read from."""
    return k.type not in INTERVAL_TYPES and any(c.status == "draft" for c in claims)


QUOTE_CHARS = 90


def quoted(claims: list[Claim]) -> str:
    """Each claim's quote, shortened: 'afr: "China lifted its restrictions on Australian lobster"'."""
    out = []
    for c in claims:
        q = " ".join(c.quote.split())
        if len(q) > QUOTE_CHARS:
            q = q[:QUOTE_CHARS - 1].rsplit(" ", 1)[0] + "…"
        out.append(f'{c.ref}: "{q}"')
    return "; ".join(out)


def for_period(period: PeriodCluster) -> str:
    text = period.text()
    return f" for {text}" if text else ""


def num(x: float) -> str:
    if abs(x) >= 100 or float(x).is_integer():
        return f"{x:,.0f}"
    return f"{x:,.2f}".rstrip("0").rstrip(".")


def percent(p: float) -> str:
    if p >= 10 or p == 0:
        return f"{p:.0f}%"
    return f"{p:.1f}".rstrip("0").rstrip(".") + "%"


def days(d: float) -> str:
    if d < 60:
        return f"{num(d)} day{'s' * (d != 1)}"
    if d < 730:
        return f"about {d / 30.4375:.0f} months"
    return f"about {d / 365.25:.0f} years"


def relative(k: KeyView) -> bool:
    """Whether gaps under this key read best as a percentage of the figures."""
    return k.type == "quantity" and k.dim not in ("duration", "percent", "percentage-points")


def distance(k: KeyView, a: float, b: float) -> str:
    """How far apart two representative values are: "17%", "2 percentage points", "3 days", "2 places"."""
    d = abs(b - a)
    if k.type == "date" or k.dim == "duration":
        return days(d)
    if k.type == "rank":
        return f"{num(d)} place{'s' * (d != 1)}"
    if k.dim in ("percent", "percentage-points"):
        return f"{num(d)} percentage point{'s' * (d != 1)}"
    m = max(abs(a), abs(b))
    return percent(100 * d / m) if m else num(d)


def tolerance_text(k: KeyView) -> str:
    if k.type not in INTERVAL_TYPES:
        return ""
    t = k.tolerance
    if k.type == "date":
        return f" (tolerance {t.absolute:g} days)" if t.absolute else ""
    if not (t.relative or t.absolute):
        return " (no tolerance)"
    return f" (tolerance {tolerance_words(k)})"


def tolerance_words(k: KeyView) -> str:
    """A figure key's tolerance in words: "5%", "1 percentage point", "5% or 2 days"."""
    t = k.tolerance
    parts = [f"{t.relative * 100:g}%"] if t.relative else []
    if t.absolute:
        if k.dim in ("percent", "percentage-points"):
            parts.append(f"{t.absolute:g} percentage point{'s' * (t.absolute != 1)}")
        elif k.type == "rank":
            parts.append(f"{t.absolute:g} place{'s' * (t.absolute != 1)}")
        else:
            unit = "days" if k.dim == "duration" else k.unit
            parts.append(f"{num(t.absolute)} {unit}".rstrip())
    return " or ".join(parts)


_SIGNS = (("~", "about "), ("≥", "at least "), ("≤", "at most "), (">", "more than "), ("<", "less than "))


def _signed(shown: str) -> tuple[str, str]:
    """A shown value split into its bound in words and the figure: "~USD 20 billion" -> ("about ", "USD 20 billion")."""
    for sign, words in _SIGNS:
        if shown.startswith(sign):
            return words, shown[len(sign):]
    return "", shown


def spoken(shown: str) -> str:
    """A value as a reader says it: "~USD 20 billion" -> "about USD 20 billion"."""
    return "".join(_signed(shown))


def _overlap(a: tuple[float, float], b: tuple[float, float]) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


def agreement_reason(k: KeyView, claims: list[Claim]) -> str:
    """Why figures that are not written alike agree, for the two furthest apart, in words a reader can
    check: " (within rounding: JPY 656.6 trillion rounds to about JPY 657 trillion)", " (about 20 million
    tonnes allows 10% either way: 21.5 million tonnes is within it)", " (at least 100 people holds 120
    people)", else " (3% apart, within the key's tolerance of 5%)"."""
    figures = [c for c in claims if c.value is not None and c.value.type == "quantity" and c.value.amount is not None]
    if k.type != "quantity" or len(figures) < 2:
        return tolerance_text(k)

    def point(c: Claim) -> float:
        return units.comparable(c.value.unit, c.value.base_amount or 0.0)[1]

    def written(v) -> tuple[float, float]:  # the values a figure allows as written ("about" aside)
        if v.bound == "approximate" and v.upper is None:
            at = units.comparable(v.unit, v.base_amount or 0.0)[1]
            return at, at
        return interval(v, Tolerance())

    low, high = min(figures, key=point), max(figures, key=point)
    a, b = low.value, high.value
    if a.display() == b.display():
        return tolerance_text(k)
    # 1. as written: a bound or a range holds the other figure
    for holder, other in ((a, b), (b, a)):
        if holder.bound != "approximate" and (holder.upper is not None or holder.bound != "exact") \
                and _overlap(written(holder), written(other)):
            return f" ({spoken(holder.display())} holds {spoken(other.display())})"
    # 2. rounding: the more precise figure rounds to the coarser one as written
    ra, rb = rounding_interval(a, low.quote or ""), rounding_interval(b, high.quote or "")
    if ra is not None and rb is not None:
        (coarse, rc), fine = ((a, ra), b) if ra[1] - ra[0] >= rb[1] - rb[0] else ((b, rb), a)
        if rc[0] <= written(fine)[0] <= rc[1]:
            return f" (within rounding: {_signed(fine.display())[1]} rounds to {spoken(coarse.display())})"
    # 3. "about": an approximate figure is read with room around it
    has_tolerance = bool(k.tolerance.relative or k.tolerance.absolute)
    for approx, other in ((a, b), (b, a)):
        if approx.bound == "approximate" and _overlap(interval(approx, k.tolerance), written(other)):
            room = (f"{tolerance_words(k)} either way, the key's tolerance" if has_tolerance
                    else f"{DEFAULT_APPROXIMATE:.0%} either way")
            return f" ({spoken(approx.display())} allows {room}: {spoken(other.display())} is within it)"
    if not has_tolerance:
        return tolerance_text(k)
    return f" ({distance(k, point(low), point(high))} apart, within the key's tolerance of {tolerance_words(k)})"


def origins_text(claims: list[Claim], own: Optional[dict[str, str]] = None) -> str:
    n = count_origins(claims, own)
    shared: dict[str, set[str]] = defaultdict(set)
    for c in claims:
        if c.cites.strip():
            shared[" ".join(c.cites.split())].add(c.brief)
    notes = [f"{join(sorted(b))} cite {src}" for src, b in sorted(shared.items()) if len(b) > 1]
    text = f"{n} independent origin{'s' * (n != 1)}"
    if notes:
        text += " (" + "; ".join(notes) + ")"
    return text


def inferred_note(claims: list[Claim]) -> str:
    """The caveat for as-of dates that were only inferred from publication dates, or from the release that
    fellow reports date (``align --apply``'s comment on the as-of: ``evidence.release_periods``)."""
    return _inferred_note(claims) + _release_note(claims)


def _release_note(claims: list[Claim]) -> str:
    from briefcmp.analysis.evidence import release_periods

    briefs = list(dict.fromkeys(c.brief for c in claims if c.path and not c.as_of_inferred and c.as_of is not None
                                and c.id in release_periods(c.path)))
    if not briefs:
        return ""
    return f"; the period of {join(briefs)} is inferred from the release (other reports of it state it)"


def _inferred_note(claims: list[Claim]) -> str:
    inferred = sorted({(c.brief, str(c.as_of)) for c in claims if c.as_of_inferred and c.as_of is not None})
    if not inferred:
        return ""
    if len({d for _, d in inferred}) > 1 and all(c.as_of_inferred for c in claims):
        dates = ", ".join(f"{d} for {b}" for b, d in inferred)
        return (f"; careful: every as-of date here is inferred from a publication date ({dates}), "
                "so the briefs may well describe the same period: add as_of to compare them")
    from briefcmp.analysis.undated import current_floors

    floors = current_floors()
    undated = [f"{b} states no publication date and cites nothing later than {floors[b]}, so its as-of is "
               "only a floor" for b in dict.fromkeys(b for b, _ in inferred) if b in floors]
    briefs = list(dict.fromkeys(b for b, _ in inferred if b not in floors))
    if not briefs:
        return "; " + "; ".join(undated)
    tail = "".join(f"; {u}" for u in undated)
    if len(briefs) == 1:
        return f"; the as-of date of {briefs[0]} is only inferred from its publication date" + tail
    return f"; the as-of dates of {join(briefs)} are only inferred from their publication dates" + tail
