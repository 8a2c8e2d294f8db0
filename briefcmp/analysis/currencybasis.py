"""The basis a company states a change on: at constant currency, organic, or as reported (issue 21).

Results releases give one change two ways ("sales grew 9% at constant currency (10% reported)"), and the
reports of them pick one each. Two figures on different bases measure two things: under one key they are a
problem of the key, never a contradiction (``rules.unsettled``). Read from the figure's own stretch of its
sentence (``clauses.stretch``), the nearer wording winning; "reported" alone is the default and no basis.
"""

from __future__ import annotations

import re

from briefcmp.analysis.clauses import nearest
from briefcmp.analysis.signs import written

_CONSTANT = re.compile(
    r"\bconstant[\s-]+(?:currenc(?:y|ies)|exchange[\s-]+rates?|fx|rates?)\b|\bcc\b|\bin\s+local[\s-]+currenc(?:y|ies)\b|"
    r"\b(?:currency|fx)[\s-]+(?:neutral|adjusted)\b|\bexcluding\s+(?:the\s+)?(?:currency|exchange[\s-]+rate|fx|"
    r"foreign[\s-]+exchange)\s+(?:effects?|movements?|impacts?|swings?|translation)\b|"
    r"\badjusted\s+for\s+(?:currency|exchange[\s-]+rates?)\b", re.I)
_ORGANIC = re.compile(r"\borganic(?:ally)?\b|\blike[\s-]+for[\s-]+like\b|\bLFL\b|\bl-f-l\b", re.I)
TAGS = (("constant currency", _CONSTANT), ("organic", _ORGANIC))


def stated_basis(sentence: str, span: tuple[int, int]) -> str:
    """"constant currency", "organic" or "" for the figure at ``span`` of ``sentence``."""
    return nearest(sentence, span, TAGS)


def claim_basis(quote: str, amount: float | None) -> str:
    """The basis a claim's quote states for its figure (at any writing of it in the quote), "" when none or when
    the figure is not found."""
    if amount is None or not quote:
        return ""
    return next((b for m in re.finditer(written(abs(amount)), quote) if (b := stated_basis(quote, m.span()))), "")
