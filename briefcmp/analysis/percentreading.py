"""What a percentage's measured words say once read: a change against a stated base is a rise
(``based_change``), prices rising against a base are inflation (``prices_rising``), and a figure of what
would be without action is a scenario (``scenario``). Applied by align's ``describe`` through
``percent_reading``; the words are ``measure.measured_words``'."""

from __future__ import annotations

import re
from typing import Optional

from briefcmp.analysis.changebasis import BASIS_TAGS
from briefcmp.analysis.measure import _DIRECTION, _SHOW


# Measures that are rates or levels in themselves: a base beside them ("the jobless rate, 4.1% y/y") makes no
# change of them a rise.
_RATES = frozenset({"inflation", "unemployment", "keyrate", "rate", "margin", "share", "deficit", "surplus", "balance",
                    "debt", "participation", "ratio", "yield", "ppi", "reserveratio", "slr", "price", "currentaccount"})


# Quantities (flows and stocks of the catalogue and the lexicon) whose percentage against a base is their change;
# a measure read from no table (an index's own name: "CPIH") is left as written.
_QUANTITIES = frozenset({"gdp", "consumption", "govconsumption", "capex", "invest", "export", "import", "revenue",
                         "spend", "profit", "retail", "indprod", "employ", "visitor", "output", "wage", "remittance",
                         "sell", "fdi", "lend", "borrow", "population"})


def based_change(words: frozenset[str], order: tuple[str, ...], amount: Optional[float]
                 ) -> tuple[frozenset[str], tuple[str, ...]]:
    """A percentage measured against a base (yoy, qoq, mom, saar) is a change, never a level, however the clause
    goes ("consumption was steady at 4.9% y/y", "investment improved to 4.4% YoY", "GDP 1.2% q/q"): a positive one
    with no word of direction is a rise, as "rose 4.9%" is. A negative one is left as written (its sign is its
    direction, and a fall's value is written without one), and so is a rate ("the jobless rate ... y/y") and a
    measure no table names as a quantity (``_QUANTITIES``)."""
    if words & _DIRECTION or not words & BASIS_TAGS or amount is None or amount <= 0 or words & _RATES or \
            not words & _QUANTITIES:
        return words, order
    return words | {"increase"}, (*order, "increase")


# A figure of what would happen without a policy ("Without corrective action, the deficit would reach 7%",
# "absent new measures", "on unchanged policies"): another measure than the plan's or the outcome's.
COUNTERFACTUAL = re.compile(r"\b(?:without|absent|in\s+the\s+absence\s+of|barring)\s+(?:any\s+|further\s+|corrective\s+|"
                            r"new\s+|policy\s+|additional\s+|these\s+|the\s+|such\s+)*(?:action|measures?|changes?|"
                            r"reforms?|intervention|steps|savings|cuts|effort)\b|\b(?:on|under)\s+(?:unchanged|current)\s+"
                            r"polic(?:y|ies)\b|\bno[\s-]policy[\s-]change\b", re.I)
_WOULD = re.compile(r"\bwould\b|\bcould\s+have\b", re.I)


def scenario(sentence: str, clause: str) -> bool:
    """Whether a figure's clause says what would be ("would reach 7%") in a sentence that says under what lack of
    action (``COUNTERFACTUAL``): a scenario, never the plan's figure or the outcome."""
    return bool(_WOULD.search(clause) and COUNTERFACTUAL.search(sentence))


def percent_reading(words: frozenset[str], order: tuple[str, ...], shown: dict[str, str], amount: Optional[float],
                    elided: bool) -> tuple[frozenset[str], tuple[str, ...], dict[str, str]]:
    """A percentage figure's words read for what they say: ``based_change`` (not of an elided figure, "and
    investment 2.1%", which takes its direction from the figure before it), then ``prices_rising``."""
    if not elided:
        words, order = based_change(words, order, amount)
    words, order = prices_rising(words, order)
    for w in ("increase", "inflation"):
        if w in words and w not in shown:
            shown = {**shown, w: _SHOW.get(w, w)}
    return words, order, shown


def prices_rising(words: frozenset[str], order: tuple[str, ...]) -> tuple[frozenset[str], tuple[str, ...]]:
    """A percentage rise of prices against a stated base is their inflation: "prices rose 0.3% m/m", "food prices
    were up 4% year on year" measure what "inflation of 0.3% m/m", "food inflation of 4% y/y" do (what prices is
    said beside it: food, services). Only a rise: a fall of prices read as inflation would set its value against
    a negative rate's sign. Only with a base: prices that "rose 0.3%" over a stretch left unsaid ("between
    September and October") are no twelve-month rate. (For percent figures.)"""
    if not {"price", "increase"} <= words or words & {"ppi", "inflation"} or not words & BASIS_TAGS:
        return words, order
    out = tuple("inflation" if w == "price" else w for w in order if w != "increase")
    return (words - {"price", "increase"}) | {"inflation"}, out
