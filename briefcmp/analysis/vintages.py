"""Which estimate of a figure a report gives: the first one, a revised one, a budget's (issue 21).

Statistics offices revise; reports of one release quote both vintages in one breath ("growth in 2023 now
stands at 0.7%, against the 0.4% previously published"), and a report may give the old figure alone ("0.4%,
according to the figures published at the time"). Two vintages of one period are a change of estimate,
never a contradiction, so align keeps them apart (``vintage``) and compare reads a side's vintage from its
quotes (``EARLY``, ``LATER``, ``rules.conflicts.revision``). One list of these wordings for both.
"""

from __future__ import annotations

import re

from briefcmp.analysis.clauses import nearest

_ESTIMATE = r"(?:estimates?|readings?|figures?|data|prints?|releases?|calculations?|numbers?|results?)"
_SAID = r"(?:published|reported|estimated|announced|given|put|released|stated|shown|quoted|calculated)"

# A figure said to be superseded: "previously published", "the 0.4% originally reported", "published at the
# time", "the original estimate", "before the revision". Not the release's own kind ("a flash estimate of
# 2.0%"): every report of a flash release gives the flash figure, whether or not it says so.
_SUPERSEDED = re.compile(
    rf"\b(?:first|initially|originally|previously|earlier)\s+{_SAID}\b|"
    rf"\b{_SAID}\s+(?:at\s+the\s+time|previously|originally|initially|earlier)\b|"
    rf"\b(?:earlier|previous|original|old|prior|unrevised)\s+{_ESTIMATE}\b|"
    r"\bbefore\s+(?:the|its|this|that)\s+revisions?\b|\bpre-revision\b|\bunrevised\b", re.I)
_PRELIMINARY = re.compile(r"\bpreliminary\b|\bfirst\s+(?:estimate|reported)\b|\binitial(?:ly)?\s+"
                          r"(?:estimate|reported)\b|\badvance\s+estimate\b", re.I)
# An earlier vintage in a quote, of either kind (``rules.conflicts.revision``): "a flash estimate", "provisional".
EARLY = re.compile(r"\b(?:flash|advance|preliminary|provisional|initial|first|early)\s+(?:estimates?|readings?|"
                   r"figures?|data|print|release)\b|\bpreliminary\b|\bprovisional(?:ly)?\b|" + _SUPERSEDED.pattern,
                   re.I)
# A later one: "revised", "the detailed estimate", "final figures".
LATER = re.compile(r"\brevis(?:ed|ion|es|ing)\b|\b(?:detailed|second|third|final)\s+(?:estimates?|release|"
                   r"figures?|data|reading|results)\b", re.I)
_BUDGETED = re.compile(r"\bbudget(?:ed|\s+estimates?)\b", re.I)
_REVISED = re.compile(r"\brevised\b|\brevision\b|\bsecond\s+preliminary\b", re.I)

# (tag, pattern): what ``vintage`` calls each reading, in the order it looks; the tags are align's ``Member.vintage``
TAGS = (("budgeted", _BUDGETED), ("revised", _REVISED), ("preliminary", _PRELIMINARY))


def vintage(sentence: str, span: tuple[int, int]) -> str:
    """The vintage the words around a figure name ("" when none): a budget's, a revised or a preliminary
    estimate, said within 60 characters before it or 10 after; else a superseded one, said in the figure's own
    stretch of its sentence (``clauses.nearest``: "growth now stands at 0.7%, against the 0.4% previously
    published" makes only the 0.4% superseded)."""
    near = sentence[max(0, span[0] - 60):span[1] + 10]
    # (the window and its order are the ones align was tuned with; measured: reading them from the figure's
    # stretch instead moved a "revised" onto a base figure and keyed it with another measure)
    tag = next((name for name, pattern in TAGS if pattern.search(near)), "")
    return tag or nearest(sentence, span, (("superseded", _SUPERSEDED),))
