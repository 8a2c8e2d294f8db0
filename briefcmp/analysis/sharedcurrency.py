"""A currency sign or name several countries' currencies share ("$", "crowns", "kroner"), resolved from the
corpus when the brief itself does not say which (``drafting.homecurrency`` reads a brief's head, ``briefunits``
its amounts and the countries it names): the one currency, of those the writing can be, in which the other
reports write the same subjects' amounts with a mark of their own ("A$1.25 billion", "SEK 4.6 billion",
"NZ$3.2 billion"). One sense per discourse across a corpus reporting one event: a company's own release
writes its dollar "$", the wire writes it "A$".

The currency is inferred (``Member.unit_from``): the figure joins only reports that agree with its value, and
never sets two values against each other (``evidence.borrowed_unit``); ``align --apply`` writes it into the
claim with a comment saying where it came from (``alignedit``).
"""

from __future__ import annotations

import re
from typing import Sequence

from briefcmp.analysis.briefunits import _set_unit, codes_named
from briefcmp.corpus import units

CORPUS_CURRENCY = "the one currency the other reports write its subject's amounts in"

# A bare "$" just before the number (not "US$", "A$", "NZ$", "$US"); a dollar the brief marks anywhere ("US$",
# "A$", "$A", "USD 5", "Australian dollars") gives its bare "$" a sense by contrast: left alone
_BARE_BEFORE = re.compile(r"(?<![A-Za-z.$])\$\s?$")
_MARKED_DOLLAR = re.compile(r"(?<![A-Za-z])(?:[A-Z]{1,3}\$|U\.S\.\s?\$|\$(?:US|A|NZ|C|HK|S)(?=\s?\d))|"
                            r"\b(?:USD|AUD|NZD|CAD|HKD|SGD|TWD)\b|"
                            r"\b(?:U\.S\.|US|American|Australian|Canadian|New Zealand|Hong Kong|Singapore)\s+dollars?\b")


def _dollars() -> frozenset[str]:
    return codes_named("dollar") | {"USD"}


def _bare_dollar(m, ctx) -> bool:
    """A figure in a dollar written with a bare "$" in a brief that marks no dollar as a country's: whichever
    dollar drafting read (USD, or the home dollar of the country the brief's head names), the text does not say."""
    if m.unit not in _dollars() or m.at <= 0 or ctx is None or not getattr(ctx, "ok", False):
        return False
    return bool(_BARE_BEFORE.search(ctx.text, max(0, m.at - 3), m.at)) \
        and not _MARKED_DOLLAR.search(f"{ctx.title}\n{ctx.text}")


def _open(m, ctx) -> frozenset[str]:
    """The currencies a draft figure's writing leaves open: a name several share, kept as written ("crowns",
    "kroner"); a bare "$" (``_bare_dollar``); else none."""
    v = m.claim.value
    if m.claim.status != "draft" or m.claim.key or v.alternates or m.unit_from or not m.subjects:
        return frozenset()
    if m.unit == "crowns":
        return codes_named(v.unit or "crowns") or codes_named("crowns")
    return _dollars() if _bare_dollar(m, ctx) else frozenset()


def resolve(every: Sequence, contexts: dict) -> list:
    """Give each figure whose currency its writing leaves open (``_open``) a currency of those it can be, from
    the figures of the same subjects other briefs write with a mark of their own (a code, a prefixed sign, a
    name of one currency; not an inferred one, nor a bare "$"): the one currency they are all in, else the one
    currency of those among them whose value is its value to the rounding both write. Returns those resolved."""
    marked: dict[tuple, list] = {}
    for m in every:
        if units.is_currency(m.unit) and not m.unit_from and m.subjects \
                and not _bare_dollar(m, contexts.get(m.claim.brief)):
            marked.setdefault(m.subjects, []).append(m)
    took = []
    for m in every:
        options = _open(m, contexts.get(m.claim.brief))
        if not options:
            continue
        others = [o for o in marked.get(m.subjects, ()) if o.claim.brief != m.claim.brief and o.unit in options]
        codes = {o.unit for o in others}
        if len(codes) > 1:
            codes = {o.unit for o in others if same_value(m.claim.value, o.claim.value)}
        if len(codes) == 1 and next(iter(codes)) != m.unit:
            _set_unit(m, next(iter(codes)), CORPUS_CURRENCY)
            took.append(m)
    return took


def _tolerance(value) -> float:
    """Half a unit of the last digit written ("11.6 billion": 0.05 billion), in base units."""
    written = repr(float(value.amount))
    decimals = len(written.split(".")[1].rstrip("0")) if "." in written and "e" not in written else 0
    return 0.5 * 10 ** -decimals * (value.base_amount / value.amount if value.amount else 1.0)


def same_value(a, b) -> bool:
    """Whether two amounts are one value to the rounding either writes ("$11.6 billion", "US$11,552 million")."""
    if a.amount is None or b.amount is None or a.upper is not None or b.upper is not None or not a.amount:
        return False
    if not b.amount:
        return False
    return abs(abs(a.base_amount) - abs(b.base_amount)) <= max(_tolerance(a), _tolerance(b)) * (1 + 1e-9)
