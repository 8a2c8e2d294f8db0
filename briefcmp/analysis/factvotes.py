"""Votes told in an absolute phrase after the decision they were cast on: "the council adopted the resolution, with
Peru voting against and Chile abstaining" says that Peru voted against the resolution and that Chile abstained, as
"Peru voted against the resolution" and "Chile abstained" do. ``absolute_votes`` drafts one fact per name so: the
side from the preposition ("against": no; "for", "in favour": yes), what was voted on from the noun phrase before
"with". Only names (``Entities``) vote here: "with two members voting against" names no one.
"""

from __future__ import annotations

from briefcmp.analysis import nlp
from briefcmp.analysis.factobjects import Fact, object_words

_NP_TAGS = frozenset({"DT", "JJ", "CD", "NN", "NNS", "NNP", "NNPS", "POS", "PRP$"})
_SKIP = frozenset({"only", "just", "even"})  # "with only Peru voting against"
MAX_VOTERS = 8
_CASTING = {"voting": "vote", "abstaining": "abstain"}


def _voted_on(tokens: list[nlp.Token], w: int) -> tuple[int, int]:
    """The noun phrase before "with" at ``w`` (past a comma): (first index, end index), or (w, w) for none."""
    hi = w - (w > 0 and tokens[w - 1].text == ",")
    lo = hi
    while lo > 0 and tokens[lo - 1].tag in _NP_TAGS:
        lo -= 1
    return (lo, hi) if lo < hi and any(t.noun for t in tokens[lo:hi]) else (w, w)


def _side(tokens: list[nlp.Token], k: int) -> tuple[str, int]:
    """("no" | "yes", index after the side) for "against", "for", "in favour (of)" at ``k``; ("", k) for none."""
    n = len(tokens)
    if k < n and tokens[k].lemma == "against":
        return "no", k + 1
    if k < n and tokens[k].lemma == "for":
        return "yes", k + 1
    if k + 1 < n and tokens[k].lemma == "in" and tokens[k + 1].lemma in ("favour", "favor"):
        return "yes", k + 2
    return "", k


def absolute_votes(sentence: str, names: list[tuple[int, int, str]], tokens: list[nlp.Token]) -> list[Fact]:
    """The votes an absolute phrase after "with" casts ("..., with Peru voting against and Chile abstaining"), one
    fact per name; [] when the sentence has none."""
    out: list[Fact] = []
    n = len(tokens)
    for w, t in enumerate(tokens):
        if t.lemma != "with" or t.tag != "IN":
            continue
        lo, hi = _voted_on(tokens, w)
        k = w + 1
        while k < n and len(out) < MAX_VOTERS:
            while k < n and (tokens[k].lemma in _SKIP or tokens[k].tag == "DT"):
                k += 1
            voters: list[str] = []
            while k < n:  # names joined by commas and "and": "Peru and Chile voting against"
                span = next(((a, b, e) for a, b, e in names if a == tokens[k].start), None)
                if span is not None:
                    voters.append(span[2])
                    k = next((m for m in range(k, n) if tokens[m].start >= span[1]), n)
                elif voters and (tokens[k].lemma == "and" or tokens[k].text == ","):
                    k += 1
                else:
                    break
            if not voters or k >= n or tokens[k].text.lower() not in _CASTING:  # (a tagger may read "voting" a noun)
                break
            verb = _CASTING[tokens[k].text.lower()]
            if verb == "abstain":
                end, value, words, shown, nouns, others, obj_text, o = k + 1, "yes", [], [], [], (), "", None
            else:
                value, end = _side(tokens, k + 1)
                if not value or lo == hi:
                    break
                o = tokens[lo:hi]
                words, shown, _, nouns, others, obj_text = object_words(sentence, o, names, tuple(voters))
                obj_text = ("against " if value == "no" else "for ") + obj_text
            q_start = tokens[lo].start if lo < hi else t.start  # the quote holds "with": read again, it says the same
            for voter in dict.fromkeys(voters):  # (the side is read from the object, as "voted against it" is:
                out.append(Fact(voter, tuple(voters), verb, q_start, tokens[end - 1].end,  # ``vote_sides``)
                                o[0].start if o else tokens[end - 1].end, o[-1].end if o else tokens[end - 1].end,
                                "fact", "yes", tuple(words), tuple(shown), (), tuple(others), obj_text, tuple(nouns)))
            k = end
            if k < n and tokens[k].text == ",":
                k += 1
            if k < n and tokens[k].lemma == "and":
                k += 1
    return out
