"""What `briefcmp align` would leave undecided: unkeyed figures, or unkeyed statements (categories,
stances), of several briefs that may answer one question. `compare` says so, so that "no
conflicts" never reassures while a conflict may be waiting in an unkeyed pair.

``undecided(corpus)`` runs ``align``'s plan (linear in the claims) only when two briefs have
unkeyed figures, or two have unkeyed statements, at all; the CLI caches the answer with the
finished reports.
"""

from __future__ import annotations

from dataclasses import dataclass

from briefcmp.corpus.model import Corpus

FIGURE_TYPES = ("quantity", "rank")  # what align lines up (align.FIGURE_TYPES, without importing align)
STATEMENT_TYPES = ("category", "stance")  # and alignfacts.VALUE_TYPES: a group never mixes the two


@dataclass(frozen=True)
class Undecided:
    """Groups ``align`` proposes: ``sure`` ones ``--apply`` would key, ``candidates`` for a person."""

    sure: int = 0
    candidates: int = 0
    claims: int = 0  # claims in those groups
    # Unkeyed claims align has not looked at in the corpus as it is now (``compare`` does not run
    # align: it reads the counts the last `briefcmp align` run left, and says this when there are none).
    unaligned: int = 0

    def __bool__(self) -> bool:
        return bool(self.sure or self.candidates or self.unaligned)


def could_align(corpus: Corpus) -> bool:
    """Whether unkeyed figures exist in two briefs or more, or unkeyed statements do (else align has
    nothing to line up: a figure and a statement never share a group)."""
    seen = {FIGURE_TYPES: 0, STATEMENT_TYPES: 0}
    for brief in corpus.briefs:
        types = {c.value.type for c in brief.claims if not c.key and c.value is not None}
        for kind in seen:
            if types.intersection(kind):
                seen[kind] += 1
                if seen[kind] > 1:
                    return True
    return False


def unaligned(corpus: Corpus) -> int:
    """How many unkeyed figures and statements align could line up (0 when ``could_align`` is false)."""
    if not could_align(corpus):
        return 0
    return sum(1 for c in corpus.claims() if not c.key and c.value is not None
               and c.value.type in FIGURE_TYPES + STATEMENT_TYPES)


def undecided(corpus: Corpus) -> Undecided:
    """The groups ``briefcmp align`` would propose on this corpus, less those decided (nothing is written)."""
    if not could_align(corpus):
        return Undecided()
    from briefcmp.analysis.align import align
    from briefcmp.analysis.decisions import corpus_store, screen

    # What a person decided (align-decisions.yaml) is not undecided: a rejected group is not proposed.
    result = screen(align(corpus), corpus_store(corpus), corpus)
    refs = {m.claim.ref for g in (*result.groups, *result.candidates) for m in g.members}
    return Undecided(len(result.groups), len(result.candidates), len(refs))
