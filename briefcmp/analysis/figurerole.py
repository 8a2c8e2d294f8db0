"""What a figure is, read from the grammar around it (the tags of ``analysis.nlp``), not from word lists.

- ``level_head``: a figure that is the end point of a movement is a level, whatever verb or noun moved it:
  "raised its forecast for the 2024/25 harvest to 340 million tonnes", "brings its hikes since May to 425
  basis points", "a rise to 4.1%". The figure is the object of "to" (a preposition: a figure follows it,
  after at most a few determiners, adverbs or adjectives: "to a record $3 billion", "to nearly 340 million"),
  and the movement is the nearest verb before that "to", or a noun of change nearer than any verb. "rose
  5% to $3 billion" gives 5% (after the verb, not after "to") as a change and $3 billion as the level.
  "close to", "equal to", "similar to" (an adjective before "to") compare; they say nothing of a level.
- ``governed_expectations``: an expectation word ("consensus", "forecast", "expected", "poll") says what
  the figure next to it is: "beat the 2.1% consensus" is the forecast's figure, and the outcome written
  in the same clause ("GDP grew 2.3%, beating the 2.1% consensus") is not an expectation. An expectation
  word governs the figure its own noun phrase or verb phrase holds: the nearest figure on its side of
  the clause with no verb of another figure between. Words it governs are not the other figures' words.

Without the 'nlp' extra both give nothing, and callers read the figure as before.
"""

from __future__ import annotations

import re
from typing import Callable, Optional

from briefcmp.analysis import nlp

# Tags a figure's own noun phrase may hold between "to" and its number: "to a record", "to nearly", "to an
# estimated", "to some", "to US$".
_BEFORE_NUMBER = frozenset({"DT", "RB", "JJ", "JJR", "JJS", "VBN", "$", "PDT", "CD"})


def _tokens(text: str) -> list:
    return nlp.tag(text) or []


def level_head(clause: str, figure: tuple[int, int], is_change: Callable[[str], bool]) -> Optional[tuple[int, int]]:
    """The span of the verb or noun of change whose end point the figure at ``figure`` is (see the module
    docstring), or None when the figure is not the object of "to" (or without the 'nlp' extra).
    ``is_change(word)``: whether a word names a change (a rise, a fall) as a noun."""
    tokens = [t for t in _tokens(clause[:figure[0]]) if t.end <= figure[0]]
    k = len(tokens) - 1
    skipped = 0
    while k >= 0 and tokens[k].tag in _BEFORE_NUMBER and tokens[k].text.lower() != "to" and skipped < 3:
        k -= 1
        skipped += 1
    if k >= 3 and tokens[k].text.lower() == "of":
        k = _end_point_noun(tokens, k)  # "fell to a seven-month low of 4.2%": the low is the figure
    if k < 1 or tokens[k].text.lower() != "to":
        return None
    if tokens[k - 1].tag.startswith("JJ"):  # "close to", "equal to", "similar to": a comparison
        return None
    for i in range(k - 1, -1, -1):
        t = tokens[i]
        if t.tag in (",", ":", "."):
            break  # the movement is in the figure's own clause
        # not a verb that takes an infinitive ("decided" in "decided to lower the rate by 25 bp to 5%" moves
        # nothing; the tagger reads that infinitive "lower" as a comparative)
        if t.verb and (is_change(t.text) or not (i + 1 < k and tokens[i + 1].tag == "TO")):
            return (t.start, t.end)
        if t.noun and is_change(t.text):
            return (t.start, t.end)
        if t.tag in ("RB", "RP") and is_change(t.text) and i == k - 1:
            return (t.start, t.end)  # "taking it down to 4.5%", "profit down 18% to": the particle moves it
    return None


# Nouns that name the point a movement reached, written before the figure they are: "to a record of",
# "to an eight-month low of", "to a peak of". A closed class of English: a level, never a change.
_END_POINTS = frozenset({"low", "high", "peak", "record", "trough", "level", "total", "tally"})


def _end_point_noun(tokens: list, k: int) -> int:
    """The index of the "to" before "a record of" / "an eight-month low of" (tokens[k] is "of"), else k."""
    if tokens[k - 1].text.lower() not in _END_POINTS:
        return k
    j = k - 2
    while j >= 0 and k - j <= 5 and tokens[j].tag in ("DT", "JJ", "JJS", "NN", "CD", "RB"):
        j -= 1
    return j if j >= 0 and tokens[j].text.lower() == "to" else k


def governed_expectations(clause: str, figure: tuple[int, int], is_expectation: Callable[[str], bool]
                          ) -> list[tuple[int, int]]:
    """Spans of the expectation words of ``clause`` that govern another figure of the clause than the one at
    ``figure``: each goes with the nearest figure (a number that is not a year) on its side, when no finite
    verb and no comma stand between them ("the 2.1% consensus", "forecasts of 2.1%", "2.1% expected by
    economists"). A word whose phrase holds no figure ("is expected to grow 2%", "economists expected,
    and ...") says what the whole clause is, and stays; so does a finite verb of expectation before its
    figures ("Toyota expects profit to fall 19.7% and net profit to drop 27.8%": all of them)."""
    tokens = _tokens(clause)
    others = [(t.start, t.end) for t in tokens if t.tag == "CD" and _DIGIT.search(t.text) and not _YEAR.fullmatch(t.text)
              and not (t.start < figure[1] and figure[0] < t.end)]
    if not others:
        return []
    spans = sorted([figure, *others])
    out = []
    for t in tokens:
        if not is_expectation(t.text):
            continue
        nearest = min(spans, key=lambda s: s[0] - t.end if s[0] >= t.end else t.start - s[1])
        if nearest == figure:
            continue
        if t.verb and nearest[0] >= t.end and t.tag != "VBN":
            # "Toyota expects operating profit to fall 19.7% ... and net profit to drop 27.8%": a verb of
            # expectation before its figures governs its whole complement, every figure of it
            continue
        lo, hi = (t.end, nearest[0]) if nearest[0] >= t.end else (nearest[1], t.start)
        between = [u for u in tokens if lo <= u.start and u.end <= hi]
        # ("the 1.4% predicted in a poll": a past form right after the figure is a participle of its phrase)
        if any(u.tag in ("VBD", "VBZ", "VBP", ",", ":") and u.text.lower() not in _AUXILIARIES
               and not (u.tag == "VBD" and u.start - nearest[1] <= 1) for u in between):
            continue  # a finite verb or a comma between: not that figure's phrase
        out.append((t.start, t.end))
    return out


# An outcome set against what was expected: "rose more than expected to 4.7%", "a faster-than-expected 0.8%",
# "beating forecasts", "in line with the consensus", "as expected". The expectation is no figure's here.
_EXPECTED = r"(?:expected|forecasts?|anticipated|predicted|projected|estimated|feared|hoped|thought|consensus|estimates?|expectations)"
_WHO = r"(?:(?:the|most|many|some|had|been|was|were|have|markets?|analysts?|economists?|investors|forecasters|polled|" \
       r"previously|initially|originally|widely|generally|market['’]?s?|analysts['’]|economists['’]|consensus|median|average)\s+){0,4}"
_AGAINST_EXPECTATIONS = re.compile(
    r"(?:\b(?:more|less|faster|slower|higher|lower|better|worse|stronger|weaker|larger|smaller|bigger|sharper|steeper|"
    r"greater|softer|hotter|cooler|deeper|milder)[\s-]+than[\s-]+" + _WHO + _EXPECTED +
    r"|\b(?:beat(?:ing|s)?|miss(?:ed|ing|es)?|top(?:ped|ping|s)?|exceed(?:ed|ing|s)?|surpass(?:ed|ing|es)?|"
    r"outstrip(?:ped|ping|s)?|defy(?:ing)?|defied|confound(?:ed|ing|s)?)\s+" + _WHO + _EXPECTED +
    r"|\b(?:in\s+line\s+with|(?:well\s+)?(?:above|below|ahead\s+of|short\s+of)|matching|matched|meeting|met)\s+" + _WHO +
    r"(?:expectations|consensus|forecasts?|estimates)(?![\s-]+(?:of|at|for)\b)"
    r"|(?<=,)\s*as\s+" + _WHO + r"(?:expected|forecast|anticipated|predicted))\b", re.I)


def blank_against_expectations(text: str) -> str:
    """``text`` with its comparisons of an outcome with expectations blanked (offsets kept): "rose more than
    expected to 4.7%" measures inflation, not a forecast of it. An expectation that holds its own figure
    ("above the 2.1% consensus", "below forecasts of 2%") is left to ``governed_expectations``."""
    return _AGAINST_EXPECTATIONS.sub(lambda m: " " * len(m.group()), text)


_AUXILIARIES = frozenset({"had", "has", "have", "was", "were", "is", "are", "did"})  # "2.1% economists had expected"
_DIGIT = re.compile(r"\d")
_YEAR = re.compile(r"(?:FY|Q[1-4])?(?:19|20)\d\d(?:[/-]\d{2,4})?|FY\d\d", re.I)  # a period, not a figure ("2024/25", "FY24")


class Span:
    """A span read like a regular expression's match of a named group (``measure`` reads ``level`` so)."""

    def __init__(self, a: int, b: int) -> None:
        self.a, self.b = a, b

    def start(self, group: object = 0) -> int:
        return self.a

    def end(self, group: object = 0) -> int:
        return self.b


def outcome(sentence: str, figure: tuple[int, int], forecast: re.Pattern) -> bool:
    """Whether the figure at ``figure`` is an outcome, though its sentence speaks of the future: every
    forecast phrase of the sentence (``forecast``: "will", "expected to", "a target of") comes after it,
    and its own verb is in the past tense ("the economy grew 5.2% last year, above the target of about 5%";
    "GDP expanded 2.3%, and the bank expects 2% next year"). A figure after a forecast phrase is that
    phrase's, and a figure whose verb is not in the past may be one of a plan ("is set at 5%, and will ...")."""
    found = list(forecast.finditer(sentence))
    if not found or any(m.start() < figure[1] for m in found):
        return False
    tokens = [t for t in _tokens(sentence[:figure[0]]) if t.end <= figure[0]]
    k = next((i for i in range(len(tokens) - 1, -1, -1) if tokens[i].verb), -1)
    if k < 0:
        return False
    if tokens[k].tag in ("VBN", "VB"):
        # "GDP expanded 2.3%": a past form with no auxiliary before it is finite; "The Bank (BoC) cut its rate by
        # 50 basis points": a base form right after its subject (no modal, no "to") is a past one that reads alike
        return k > 0 and (tokens[k - 1].tag.startswith(("NN", "PRP")) or tokens[k - 1].tag == ")") \
            and tokens[k - 1].text.lower() not in _AUXILIARIES
    return tokens[k].tag == "VBD"


_DIRECTIONS = frozenset({"increase", "decrease"})  # (measure._DIRECTION: the words a change's direction reads as)


def undirected(value, unit: str, words: frozenset[str], order: tuple[str, ...]) -> tuple[frozenset[str], tuple[str, ...]]:
    """A change of nothing ("flat", "unchanged", "0.0%") has no direction: a verb beside it ("unchanged, after
    falling 0.3%") is another figure's, so its measured words keep no rise or fall; other figures as they are."""
    if value is None or value.amount != 0 or value.upper is not None or unit not in ("percent", "percentage-points"):
        return words, order
    return words - _DIRECTIONS, tuple(w for w in order if w not in _DIRECTIONS)
