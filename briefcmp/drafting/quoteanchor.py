"""Where a drafted quote sits: the quote of a span of the prepared text, made unambiguous with the words
before or after it when the passage is printed more than once (a headline repeated), as
``corpus.anchor.find_quote`` will find it again. Bounded work per figure whatever the text.
"""

from __future__ import annotations

from typing import Optional

from briefcmp.corpus import anchor
from briefcmp.corpus import sentences as sent

# A passage quoted more often than this is not drafted: no prefix or suffix picks one of so
# many copies reliably, and checking each copy against every other would take quadratic time
# (a sentence repeated 5,000 times). The CLI reports such figures as repeated passages.
MAX_OCCURRENCES = 16


def quote_anchor(prep: sent.Prepared, s: int, e: int) -> Optional[tuple[str, tuple[int, int], str, str]]:
    """(quote, normalised span, prefix, suffix): the original text of [s, e), made unambiguous.

    Works on the normalised text the way ``anchor.find_quote`` matches, with
    windows instead of whole-text slices, so repeated passages stay cheap: the
    occurrences of a quote are looked up once per distinct quote (several figures
    share a sentence) and at most ``MAX_OCCURRENCES + 1`` of them, so the work per
    figure is bounded whatever the text.
    """
    memo = prep.__dict__.setdefault("_anchors", {})
    if (s, e) not in memo:  # several figures share a sentence
        memo[(s, e)] = _anchor_once(prep, s, e)
    return memo[(s, e)]


def _anchor_once(prep: sent.Prepared, s: int, e: int) -> Optional[tuple[str, tuple[int, int], str, str]]:
    quote = prep.quote(s, e)
    span = prep.norm_span(s, e)
    norm = prep.norm
    q = norm[span[0]:span[1]]
    if not quote or not q:
        return None
    if anchor.normalise(quote) != q:  # folding differs inside the span: quote the normalised text instead
        quote = q
    starts = _occurrences(prep, q)
    if starts == [span[0]]:
        return quote, span, "", ""
    if len(starts) > MAX_OCCURRENCES or span[0] not in starts:
        return None
    # Repeated text (a headline printed twice): the words around it pick this occurrence.
    before = norm[max(0, span[0] - 400):span[0]].split()
    after = norm[span[1]:span[1] + 400].split()
    widest = (" ".join(before[-12:]), " ".join(after[:12]))
    if [j for j in starts if _fits(norm, j, len(q), *widest)] != [span[0]]:
        return None  # repeated word for word, context and all
    for n in range(1, 13):
        prefix = " ".join(before[-n:])
        suffix = " ".join(after[:n])
        for p, x in ((prefix, ""), ("", suffix), (prefix, suffix)):
            if not p and not x:
                continue
            hits = [j for j in starts if _fits(norm, j, len(q), p, x)]
            if hits == [span[0]]:
                return quote, span, p, x
    return None


def _occurrences(prep: sent.Prepared, q: str) -> list[int]:
    """Where ``q`` occurs in ``prep.norm``: all places, or ``MAX_OCCURRENCES + 1`` when there are more
    (looked up once per quote)."""
    memo = prep.__dict__.setdefault("_occurrences", {})
    found = memo.get(q)
    if found is None:
        short = _short_quotes(prep)
        found = memo[q] = short[q] if q in short else prep.norm_index.starts(q, MAX_OCCURRENCES + 1)
    return found


def _short_quotes(prep: sent.Prepared) -> dict[str, list[int]]:
    """The places of every sentence of fewer than three words (``Up 17%.``), found in one pass.

    The word index finds a quote of three words or more at the places of its rarest inner word;
    a shorter one may also sit inside longer words ("5%." in "15%."), so it needs a search of
    the whole text: one ``str.find`` per quote would take quotes x text. An Aho-Corasick
    automaton (pyahocorasick) finds them all in one pass over the text; without it (not
    installed), each is searched alone.
    """
    found = prep.__dict__.get("_short_quotes")
    if found is not None:
        return found
    found = prep.__dict__["_short_quotes"] = {}
    spans = prep.__dict__.get("_sentence_spans", ())
    wanted = set()
    for s, e in spans:
        a, b = prep.norm_span(s, e)
        q = prep.norm[a:b]
        if q and q.count(" ") < 2:
            wanted.add(q)
    if len(wanted) < 8:  # a few searches cost less than building the automaton
        return found
    try:
        import ahocorasick
    except ImportError:
        return found
    automaton = ahocorasick.Automaton()
    for q in wanted:
        automaton.add_word(q, q)
        found[q] = []
    automaton.make_automaton()
    limit = MAX_OCCURRENCES + 1
    for end, q in automaton.iter(prep.norm):
        places = found[q]
        if len(places) < limit:
            places.append(end - len(q) + 1)
    return found


def _fits(norm: str, i: int, length: int, prefix: str, suffix: str) -> bool:
    """Does the occurrence at ``i`` have ``prefix`` before it and ``suffix`` after it (as find_quote tests)?"""
    if prefix and not norm[max(0, i - len(prefix) - 1):i].rstrip().endswith(prefix):
        return False
    if suffix and not norm[i + length:i + length + len(suffix) + 1].lstrip().startswith(suffix):
        return False
    return True
