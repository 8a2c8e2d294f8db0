"""Open questions: a clause that a frame leaves open is a statement whose value is ``undecided``.

"It is not yet clear when the last wells will be plugged", "He did not say how long the measure would last",
"Nobody yet knows how platforms will check ages", "Officials did not say whether any agreement had been
suspended", "stopped short of saying when shipments would restart": the embedded clause (after "whether", "if", "when", "how", "how long", "where", "why") says who does
what, and the frame before it (a negated verb of knowing or saying, "not clear", "unclear", "uncertain") asserts
neither that it happens nor that it does not. The embedded clause is read as a clause of its own
(``read_facts``, passed in by the caller), and each statement it holds is ``undecided``, quoted from the frame on.
Only closed classes are listed (verbs of knowing and saying, adjectives of doubt, question words).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Callable

from briefcmp.analysis import nlp
from briefcmp.analysis.factobjects import Fact
from briefcmp.analysis.factwords import BREAK_TAGS

_KNOWING = frozenset({"know", "say", "disclose", "specify", "reveal", "indicate", "confirm", "announce", "explain",
                      "clarify", "decide", "determine", "tell", "state"})
_DOUBTFUL = frozenset({"unclear", "uncertain", "unknown", "undecided"})
_WH = frozenset({"whether", "if", "when", "how", "where", "why"})
_DEGREE = frozenset({"long", "soon", "much", "many", "far", "quickly", "fast"})  # "how long", "how soon"
_NEGATORS = frozenset({"not", "n't", "never", "nobody", "none"})


def open_clauses(tokens: list[nlp.Token]) -> list[tuple[int, int, int]]:
    """(frame start, embedded clause start, clause end) as token indices, for each question word that a frame
    leaves open: a negated verb of knowing or saying, "not clear", or an adjective of doubt just before it (past
    adverbs: "is not yet clear when", "did not say exactly how")."""
    out = []
    n = len(tokens)
    for k, t in enumerate(tokens):
        if t.lemma not in _WH or not k:
            continue
        m = k - 1
        while m > 0 and tokens[m].tag == "RB" and tokens[m].lemma not in _NEGATORS:
            m -= 1
        lo = m
        while lo > 0 and tokens[lo - 1].tag not in BREAK_TAGS:
            lo -= 1
        frame = tokens[m]
        negated = any(x.lemma in _NEGATORS or x.text.lower() in ("nobody", "no-one") for x in tokens[lo:m]) or (
            m >= 2 and tokens[m - 2].lemma == "no" and tokens[m - 1].lemma == "one") or (
            m >= 2 and tokens[m - 2].lemma == "short" and tokens[m - 1].lemma == "of")  # "stopped short of saying when"
        doubt = frame.tag.startswith("JJ") and (frame.lemma in _DOUBTFUL or frame.lemma == "clear" and negated)
        if not (doubt or frame.verb and frame.lemma in _KNOWING and negated):
            continue
        s = k + 1
        if t.lemma == "how" and s < n and tokens[s].lemma in _DEGREE:
            s += 1
        end = s
        while end < n and tokens[end].tag not in BREAK_TAGS:
            end += 1
        if end - s >= 2:
            out.append((lo, s, end))
    return out


def open_questions(sentence: str, tokens: list[nlp.Token], facts: list[Fact],
                   read: Callable[[str], list[Fact]]) -> list[Fact]:
    """The statements of each clause a frame leaves open (``open_clauses``) that ``facts`` does not hold yet, read by
    ``read`` from the clause's text, as ``undecided`` facts with offsets in ``sentence``."""
    added: list[Fact] = []
    for lo, s, end in open_clauses(tokens):
        a, b = tokens[s].start, tokens[end - 1].end
        if any(a <= f.object_start < b or a <= f.start < b for f in facts):
            continue  # read already ("did not say whether the talks had resumed")
        for f in read(sentence[a:b]):
            shifted = replace(f, start=tokens[lo].start, end=f.end + a, object_start=f.object_start + a,
                              object_end=f.object_end + a)
            if f.kind != "recommendation":
                shifted = replace(shifted, kind="fact", value="undecided")
            added.append(shifted)
    return facts + added
