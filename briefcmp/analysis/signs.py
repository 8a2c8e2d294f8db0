"""A fall's sign: "GDP fell 1.1%" and a table's "GDP -1.1%" are one figure.

Reports write a fall two ways: as a word with a positive number ("fell 1.1%", "a 1.1% contraction",
"shrank at an annual rate of 0.4 percent") or as a signed number ("-1.1%", "−0.4%"). Drafting keeps
what is written, so a key holding both would compare 1.1 with -1.1 and call it a contradiction. Where a
key's figures are written both ways, the ones a fall word governs are read as negative before compare.
A level reached by falling ("fell to 4.1%") is no change and keeps its sign.
"""

from __future__ import annotations

import dataclasses
import re
from decimal import Decimal
from functools import lru_cache

from briefcmp.analysis.rounding import PERCENT_WORD
from briefcmp.corpus.model import Claim

_FALL_VERB = (r"(?:fell|fall(?:s|en|ing)?|declin(?:e|ed|es|ing)|dropp?(?:ed|s|ing)?|shr(?:ank|unk|inks?|inking)|"
              r"contract(?:ed|s|ing)?|slid(?:e|es|ing)?|slipp?(?:ed|s|ing)?|sank|sink(?:s|ing)?|plung(?:e|ed|es|ing)|"
              r"tumbl(?:e|ed|es|ing)|decreas(?:e|ed|es|ing)|lost|los(?:e|es|ing)|down|slump(?:s|ed|ing)?|plummet(?:s|ed|ing)?|"
              r"dipp?(?:ed|s|ing)?|eas(?:e|ed|es|ing)|retreat(?:s|ed|ing)?|sagg?(?:ed|s|ing)?)")
_FALL_NOUN = r"(?:fall|decline|drop|contraction|decrease|loss|slide|slump|dip|shrinkage|reduction)"
_ANY_UNIT = r"(?:\s?%|\s+(?:percent|per\s+cent|pct|pc)\b)?"
# The words between a fall word and its figure: a few, none that makes the figure a level or a base
# ("fell to 4.1%", "down from 3%"), none that ends the clause.
_GAP = (r"(?:\s+(?!to\b|from\b|at\b|than\b|and\b|but\b|while\b|or\b)[\w'-]+){0,5}?"
        r"(?:\s+at\s+an?\s+(?:[\w-]+\s+){0,2}rate\s+of)?\s+(?:by\s+)?(?:an?\s+)?")  # ("at an annual rate of")


def written(amount: float) -> str:
    """A pattern of the amount as a text writes it: "17000" as "17,000", "17 000" or "17000"; "1.1" as "1.1" or
    "1.10"; "4" as "4" or "4.0"."""
    plain = format(Decimal(repr(float(amount))).normalize(), "f")
    whole, _, frac = plain.partition(".")
    groups = [whole[max(0, i - 3):i] for i in range(len(whole), 0, -3)][::-1]
    head = r"[,\s\u202f]?".join(groups)
    return rf"(?<![\d.,]){head}" + (rf"\.{frac}0*" if frac else r"(?:\.0+)?") + r"(?![\d]|[.,]\d)"


@lru_cache(maxsize=1024)  # (compiled once per amount: a key's figures repeat)
def _patterns(amount: float, percent: bool = True) -> list[re.Pattern]:
    # the amount as written, "1.1%", "1.0 percent"; a figure in other units, "17,000", "1.2 billion"
    num = written(amount) + (PERCENT_WORD if percent else "")
    return [re.compile(r"\b" + _FALL_VERB + _GAP + num, re.I),
            # one fall verb, two figures: "fell by 4.1% m-o-m and by 7.6% y-o-y"
            re.compile(r"\b" + _FALL_VERB + _GAP + r"[\d.,]+" + _ANY_UNIT + r"(?:\s+[\w/-]+){0,3}?\s+and\s+(?:by\s+)?"
                       + num, re.I),
            # a fall named before its figure, or a comparative after it: "a decline of 0.4%", "0.4% lower than"
            re.compile(r"\b" + _FALL_NOUN + r"\s+of\s+(?:about\s+|around\s+|some\s+)?" + num, re.I),
            re.compile(num + r"\s+(?:lower|less|smaller|down)\b(?!\s+(?:to|from)\b)", re.I),
            re.compile(num + r"(?:\s+[a-z-]+){0,2}?\s+" + _FALL_NOUN + r"\b", re.I)]


def worded_fall(claim: Claim) -> bool:
    """Whether the claim's quote writes its positive figure as a fall ("fell 1.1%", "a 1.1% contraction")."""
    v = claim.value
    if v is None or v.type != "quantity" or v.amount is None or v.amount <= 0 or v.upper is not None \
            or v.alternates:
        return False
    quote = claim.quote or ""
    return any(p.search(quote) for p in _patterns(v.amount, v.unit == "percent"))


def signed(claims: list[Claim]) -> list[Claim]:
    """``claims`` with each figure worded as a fall made negative, when another of them is written with a
    minus sign (a key written one way only is left as it is: its figures are alike)."""
    if not any(c.value is not None and c.value.type == "quantity" and (c.value.amount or 0) < 0 for c in claims):
        return claims
    out = []
    for c in claims:
        if worded_fall(c):
            v = c.value
            c = dataclasses.replace(c, value=dataclasses.replace(v, amount=-v.amount))  # type: ignore[union-attr]
        out.append(c)
    return out
