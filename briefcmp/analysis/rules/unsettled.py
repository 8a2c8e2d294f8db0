"""Differing figures of one period that are not a contradiction of fact, read from structure alone.

- **One sentence on two sides**: two figures of one brief's sentence under one key and one period ("profit
  of 1.61 billion, down from 1.92 billion a year earlier") are a figure and the base it is compared with, one of
  them dated wrong; a sentence does not contradict itself.
- **A base dated by publication**: a figure its sentence compares with ("cut to 3.75% from 4.25%") is of an
  earlier time than the one its brief's publication date gives it; set against the period's figures, it is a
  change, never a contradiction.
- **A change against a level**: the size of a change ("eased by 40,000 b/d to 7.33 million b/d") and a level
  are two questions under one key: a problem of the key, not a contradiction.
- **Two bases**: a change at constant currency or organic ("+9% cc") against one as reported ("10%") measures
  two things (``analysis.currencybasis``): a problem of the key too.
Each reading counts only when the claims it explains are the whole difference: others that still differ
without them are a contradiction. (A period not over when a brief was published was tried as a reading too, and
dropped: the gold calls a misreported projection a contradiction.)
"""

from __future__ import annotations

import re

from briefcmp.analysis.currencybasis import claim_basis
from briefcmp.analysis.periodbases import in_base
from briefcmp.analysis.rules.wording import join
from briefcmp.analysis.signs import written
from briefcmp.corpus.model import Claim, Corpus


def one_sentence(sides: list[list[Claim]]) -> tuple[Claim, Claim] | None:
    """Two claims of one brief with one quote on different sides, or None."""
    seen: dict[tuple[str, str], tuple[int, Claim]] = {}
    for i, side in enumerate(sides):
        for c in side:
            quote = " ".join((c.quote or "").split())
            if not quote:
                continue
            j, other = seen.setdefault((c.brief, quote), (i, c))
            if j != i:
                return other, c
    return None


def dated_bases(claims: list[Claim]) -> list[Claim]:
    """The claims dated only by publication (or not at all) whose figure stands in a comparison base of their
    sentence ("from 4.25%", "down from 1.92 billion"): each figure's first writing in its quote."""
    out = []
    for c in claims:
        v = c.value
        if not (c.as_of is None or c.as_of_inferred) or v is None or v.type != "quantity" or v.amount is None:
            continue
        quote = c.quote or ""
        m = re.search(written(abs(v.amount)), quote)
        if m is not None and in_base(quote, m.span()):
            out.append(c)
    return out


_BY = re.compile(r"\bby\s+(?:about\s+|around\s+|some\s+|nearly\s+|almost\s+)?$", re.I)
_TO_LEVEL = re.compile(r"[^;]{0,60}?\bto\s+(?:an?\s+(?:[\w-]+\s+){0,2}of\s+)?(?:about\s+|around\s+)?[$€£¥]?\d", re.I)

# "down about 100,000 from a year earlier", "up 3,000 on the month"; "8.9 million more than a year before"
_MOVED = re.compile(r"\b(?:up|down|rose|fell|increased|decreased|grew|dropped|declined|climbed|jumped|gained|lost)\s+"
                    r"(?:by\s+)?(?:about\s+|around\s+|some\s+|nearly\s+|almost\s+)?[$€£¥]?$", re.I)
_AGAINST = re.compile(r"(?:\s+[\w/.-]+){0,3}?\s+(?:from|on|than|compared|over)\b", re.I)
_MORE_THAN = re.compile(r"(?:\s+[\w/.-]+){0,2}?\s+(?:more|fewer|higher|lower|less)\s+than\b", re.I)


def a_change(c: Claim) -> bool:
    """Whether the claim's figure is the size of a change to a level its sentence gives ("fell by 604,000 b/d
    ... to 26.04 million b/d")."""
    v = c.value
    if v is None or v.type != "quantity" or v.amount is None or v.unit == "percent":
        return False  # (a percentage is a change however it is written: "down 70%" and "fell by 70% to")
    quote = c.quote or ""
    m = re.search(written(abs(v.amount)), quote)
    if m is None:
        return False
    return bool(_BY.search(quote[:m.start()]) and _TO_LEVEL.match(quote, m.end())
                or _MOVED.search(quote[:m.start()]) and _AGAINST.match(quote, m.end())
                or _MORE_THAN.match(quote, m.end()))


def _stands_without(sides: list[list[Claim]], refs: set[str]) -> bool:
    """Whether two sides still differ once the claims ``refs`` are left out (then the contradiction is not theirs)."""
    return sum(1 for side in sides if any(c.ref not in refs for c in side)) >= 2


def reading(sides: list[list[Claim]], corpus: Corpus) -> tuple[str, str] | None:
    """(relation kind, what to add to its text) when facts of one period that differ are no contradiction, else
    None: a change over time (one sentence, a base dated by publication) or a problem of the key (a change against
    a level). Each only when the claims it explains are the whole difference: other claims that still differ
    without them are a contradiction."""
    claims = [c for side in sides for c in side]
    pair = one_sentence(sides)
    if pair is not None and not _stands_without(sides, {pair[0].ref, pair[1].ref}):
        return "change-over-time", (f"; {pair[0].ref} and {pair[1].ref} are figures of one sentence, not a "
                                    "contradiction: one is likely the base the other is compared with, dated alike "
                                    "(give it its own as_of)")
    based = dated_bases(claims)
    if based and not _stands_without(sides, {c.ref for c in based}):
        return "change-over-time", (f"; {join([c.ref for c in based])} gives the base its sentence compares with, "
                                    "of an earlier time than its brief's publication date: a change, not a "
                                    "contradiction (give it its own as_of)")
    changes = [c for c in claims if a_change(c)]
    if changes and len(changes) < len(claims) and not _stands_without(sides, {c.ref for c in changes}):
        return "annotation-problem", (f"; {join([c.ref for c in changes])} gives the size of a change to a level, "
                                      "the others a level: two questions under one key (split the key)")
    based_apart, basis = _other_basis(sides)
    if based_apart and not _stands_without(sides, {c.ref for c in based_apart}):
        return "annotation-problem", (f"; {join([c.ref for c in based_apart])} gives the change {_AT[basis]}, the "
                                      "others on another basis: two measures under one key (split the key)")
    return None


_AT = {"constant currency": "at constant currency", "organic": "on an organic basis"}


def _other_basis(sides: list[list[Claim]]) -> tuple[list[Claim], str]:
    """The claims of one side that all state one basis (constant currency, organic) no claim of another side
    states, and that basis; ([], "") when no side does."""
    def basis(c: Claim) -> str:
        v = c.value
        return claim_basis(c.quote or "", v.amount) if v is not None and v.type == "quantity" else ""

    read = [[basis(c) for c in side] for side in sides]
    for i, bases in enumerate(read):
        if bases and bases[0] and len(set(bases)) == 1 and \
                not any(bases[0] in other for j, other in enumerate(read) if j != i):
            return sides[i], bases[0]
    return [], ""
