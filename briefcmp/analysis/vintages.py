"""Which estimate of a figure a report gives: the first one, a revised one, a budget's (issue 21).

Statistics offices revise; reports of one release quote both vintages in one breath ("growth in 2023 now
stands at 0.7%, against the 0.4% previously published"), and a report may give the old figure alone ("0.4%,
according to the figures published at the time"). Two vintages of one period are a change of estimate,
never a contradiction, so align keeps them apart (``vintage``) and compare reads a side's vintage from its
quotes (``EARLY``, ``LATER``, ``rules.conflicts.revision``). One list of these wordings for both.
"""

from __future__ import annotations

import re

from briefcmp.analysis.clauses import NUMBER, nearest

_ESTIMATE = r"(?:estimates?|readings?|figures?|data|prints?|releases?|calculations?|numbers?|results?)"
_SAID = r"(?:published|reported|estimated|announced|given|put|released|stated|shown|quoted|calculated)"

# A figure said to be superseded: "previously published", "the 0.4% originally reported", "published at the
# time", "the original estimate", "before the revision". Not the release's own kind ("a flash estimate of
# 2.0%"): every report of a flash release gives the flash figure, whether or not it says so.
_SUPERSEDED = re.compile(
    rf"\b(?:first|initially|originally|previously|earlier)\s+{_SAID}\b|"
    rf"\b{_SAID}\s+(?:at\s+the\s+time|previously|originally|initially|earlier)\b|"
    rf"\b(?:earlier|previous|original|old|prior|unrevised)\s+{_ESTIMATE}\b|"
    r"\bbefore\s+(?:the|its|this|that)\s+revisions?\b|\bpre-revision\b|\bunrevised\b|"
    # what an estimate had said before ("the rapid estimate, which had put growth at 9.5%"); an estimate's verbs
    # only: "the company had reported a loss of $2m in 2023" is the year before's outcome
    r"\bhad\s+(?:been\s+)?(?:put|estimated|pegged|placed|shown|given|calculated)\b", re.I)
# An early estimate a figure is set against, said right before it ("to 9.4% from a rapid estimate of 9.5%", "0.1pp
# below the flash reading (2.4%)") or right after it ("trimming the 9.5% given in its rapid estimate"): that figure
# is the superseded one, whichever figure stands nearer the words
_EARLY_KIND = r"(?:rapid|flash|quick|advance|first|initial|earlier|preliminary|provisional|previous|original)"
_AGAINST_EARLY = re.compile(
    rf"\b(?:from|below|above|than|against|versus|vs\.?|replac(?:es|ed|ing)|trimming|revising|lowering|raising|over)\s+"
    rf"(?:the|its|their|an?)\s+(?:\w+(?:'s)?\s+)?{_EARLY_KIND}\s+{_ESTIMATE}\s*(?:of|at|:|\(|,)?\s*"
    r"(?:about|around|some|roughly)?\s*[-+$€£¥]?$", re.I)
_GIVEN_EARLY = re.compile(
    rf"^\S{{0,12}}\s+(?:(?:first\s+)?{_SAID}|given)\s+(?:in|by)\s+(?:the|its|their|an?)\s+(?:\w+(?:'s)?\s+)?"
    rf"{_EARLY_KIND}\s+{_ESTIMATE}\b", re.I)
_PRELIMINARY = re.compile(r"\bpreliminary\b|\bfirst\s+(?:estimate|reported)\b|\binitial(?:ly)?\s+"
                          r"(?:estimate|reported)\b|\badvance\s+estimate\b", re.I)
# An earlier vintage in a quote, of either kind (``rules.conflicts.revision``): "a flash estimate", "provisional".
EARLY = re.compile(r"\b(?:flash|advance|preliminary|provisional|initial|first|early|rapid|quick)\s+(?:estimates?|readings?|"
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
    if _AGAINST_EARLY.search(sentence[max(0, span[0] - 80):span[0]]) or _GIVEN_EARLY.match(sentence[span[1]:span[1] + 80]):
        return "superseded"
    near = sentence[max(0, span[0] - 60):span[1] + 10]
    # (the window and its order are the ones align was tuned with; measured: reading them from the figure's
    # stretch instead moved a "revised" onto a base figure and keyed it with another measure)
    tag = next((name for name, pattern in TAGS if pattern.search(near)), "")
    return tag or nearest(sentence, span, (("superseded", _SUPERSEDED),))



def said_superseded(quote: str, amount: float | None) -> bool:
    """Whether a claim's quote says its figure (``amount`` as written) is an estimate since replaced ("the 9.5%
    first announced in January", "from a rapid estimate of 9.5%"): False when the figure is not found once."""
    if amount is None:
        return False
    spans = [m.span() for m in NUMBER.finditer(quote) if _number(m.group()) == amount]
    return len(spans) == 1 and vintage(quote, spans[0]) == "superseded"


def _number(text: str) -> float | None:
    try:
        return float(text.rstrip(",").replace(",", ""))
    except ValueError:
        return None
