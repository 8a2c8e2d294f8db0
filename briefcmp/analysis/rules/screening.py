"""Rule: claims that cannot be compared under their key are annotation problems.

No value, another value type than the key's, or a unit or currency of another dimension
(physical units of one dimension convert, "GW" and "MW"; no currency conversion is ever made):
such a claim is reported and left out.
"""

from __future__ import annotations

import bisect
import dataclasses
from collections import Counter
from typing import Optional

from briefcmp.analysis.rules.base import INFO, WARNING, KeyView, dimension, make_item, make_relation
from briefcmp.corpus import units
from briefcmp.corpus.model import Claim, Corpus, Relation


def screen(k: KeyView, claims: list[Claim], corpus: Corpus, out: list[Relation],
           bridged: Optional[dict[str, list[Claim]]] = None) -> list[Claim]:
    """Report claims that cannot be compared under the key; return the others. With ``bridged``, claims
    of another dimension that a claim with alternates is also written in ("9.1 trillion yen ($64
    billion)" under a key whose claims are in yen and in dollars) are no problem: they go there by
    dimension, each dimension to be compared on its own (with the claims written in it too)."""
    typed = []
    for c in claims:
        if c.value is None:
            out.append(make_relation("annotation-problem", INFO, k, [c], corpus,
                                 f"{c.ref} has no value, so it cannot be compared with the other claims "
                                 f"under key {k.id}; give it a {k.type} value or drop the key"))
        elif c.value.type != k.type:
            out.append(make_relation("annotation-problem", WARNING, k, [c], corpus,
                                 f"{c.ref} gives a {c.value.type} ({c.value.display()}) but key {k.id} "
                                 f"is a {k.type}: likely an annotation error; it is left out of the comparison"))
        else:
            typed.append(c)
    k.dim = k.type
    if k.type != "quantity":
        return typed
    dims = {c.ref: dimension(c.value) for c in typed}  # type: ignore[arg-type]
    counted = {d for d in dims.values() if units.is_count(d)} | ({k.unit} if units.is_count(k.unit) else set())
    named = counted - units.PERSON_NOUNS  # "35,600 people" beside "35,600 jobs": people only say "how many humans"
    if len(named) == 1 or len(counted) == 1:  # a bare count under a key of "visitors" counts visitors (units.is_count)
        noun = next(iter(named or counted))
        dims = {ref: noun if d == "(no unit)" or d in units.PERSON_NOUNS else d for ref, d in dims.items()}
    # "9.1 trillion yen ($64 billion)": a claim with alternates counts for each dimension it is written in
    also = {c.ref: {dimension(v) for v in c.value.expressions()} - {dims[c.ref]}  # type: ignore[union-attr]
            for c in typed if c.value.alternates}  # type: ignore[union-attr]
    if k.unit:
        expected = units.comparable(k.unit, 0.0)[0]
        why = f"key {k.id} expects {k.unit}"
    else:
        counts = Counter(dims.values())
        counts.update(d for ds in also.values() for d in ds)
        top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
        tied = [d for d, n in top if n == top[0][1]]
        spans = [{dims[c.ref], *also[c.ref]} for c in typed if c.ref in also]
        if len(tied) > 1 and bridged is not None and any(set(tied) <= ds for ds in spans):
            pass  # "591.48 trillion yen, or $4.21 trillion" among yen and dollars: each compared apart
        elif len(top) > 1 and top[0][1] == top[1][1]:
            # No majority: nothing tells which claims are right, so none is compared.
            listing = "; ".join(f"{c.ref} {c.value.display()}" for c in typed)  # type: ignore[union-attr]
            out.append(make_relation("annotation-problem", WARNING, k, typed, corpus,
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
        if expected in also.get(c.ref, ()):  # compared in its alternate of the key's dimension
            kept.append(c)
            continue
        if bridged is not None and any(dims[c.ref] in ds for ds in also.values()):
            bridged.setdefault(dims[c.ref], []).append(c)
            continue
        given = c.value.unit or "no unit"  # type: ignore[union-attr]
        what = "currency" if units.is_currency(c.value.unit) or units.is_currency(expected) else "unit"  # type: ignore[union-attr]
        out.append(make_relation("annotation-problem", WARNING, k, [c], corpus,
                             f"{c.ref} gives {c.value.display()} ({given}) but {why}: "  # type: ignore[union-attr]
                             f"a {what} mismatch, likely an annotation error ("
                             f"{'no currency conversion is made' if what == 'currency' else 'another dimension'}); "
                             "it is left out of the comparison"))
    return pick_expressions(k, kept)


def pick_expressions(k: KeyView, claims: list[Claim]) -> list[Claim]:
    """Each claim with alternates compared in one expression of the key's dimension: the one that agrees
    with the most other claims ("$3.1 trillion, or $3.2 trillion": either may match), the value as written
    first on a tie. A claim compared in an alternate is a copy whose value says what it stands for
    ("USD 64 billion (alternate of JPY 9.1 trillion)"), so every relation shows the expression that matched."""
    if not any(c.value.alternates for c in claims):  # type: ignore[union-attr]
        return claims
    others = [make_item(k, c) for c in claims if not c.value.alternates]  # type: ignore[union-attr]
    # how many of them an interval overlaps, by two sorted lists (not a pass over them per claim)
    los, his = sorted(o.wlo for o in others), sorted(o.whi for o in others)

    def overlapping(lo: float, hi: float) -> int:
        return len(others) - (len(los) - bisect.bisect_right(los, hi)) - bisect.bisect_left(his, lo)

    out = []
    for c in claims:
        v = c.value
        assert v is not None
        exprs = [e for e in v.expressions() if dimension(e) == k.dim] if v.alternates else []
        if not exprs:
            out.append(c)
            continue
        probe = [make_item(k, dataclasses.replace(c, value=e)) for e in exprs]
        agree = [overlapping(p.wlo, p.whi) for p in probe]
        best = max(range(len(exprs)), key=lambda i: (agree[i], -i))
        if best == 0 and exprs[0] == v.expressions()[0]:
            out.append(c)  # the value as written
            continue
        main = v.expressions()[0].display()
        out.append(dataclasses.replace(c, value=dataclasses.replace(exprs[best], stands_for=main)))
    return out
