"""Subjects read from their grammar when no name, office or phrase rule of ``factsubjects`` gives an actor.

- ``owner_agent``: a named owner acting through its people or services ("Chile's coast guard boarded the
  trawler", "Peru's border police turned back ..."), for a verb with an object; not when the head names an action,
  a state or a measured thing ("Russia's invasion", "Japan's position", "China's exports");
- ``subject_actors``: the noun phrase before a modifier that follows its head ("Law enforcement agencies | across
  the country"), each conjunct an actor ("Local leaders and oil workers"), the owner of an office ("Somaliland's
  defence minister"), a whole name after an opening time phrase ("On 12 May the Riksdag in Stockholm"), a plain
  phrase ("Registered refugees") and a possessed thing ("Ukraine's grain corridor remains open");
- ``named_actors``: the names that are the subject of a verb group (not after a preposition, not a possessive of
  another noun).
"""

from __future__ import annotations

import bisect
import re
from typing import Optional

from briefcmp.analysis import lexicon, nlp, statnames
from briefcmp.analysis.entities import Entities
from briefcmp.analysis.factnouns import STATE_NOUNS, verb_of
from briefcmp.analysis.factwords import HEADS, PREPOSITION_BEFORE, TIME
from briefcmp.analysis.factsubjects import (
    _COMMENTATORS, _NOT_ACTORS, BODY_NOUNS, GOVERNMENT_NOUNS, LOCAL_TITLES, MAX_PHRASE_WORDS, NATIONAL_TITLES, Context,
    _is_time, _phrase_word, _subject_phrase, office_actor, phrase_actor,
)


def owner_agent(tokens: list[nlp.Token], lo: int, hi: int, names: list[tuple[int, int, str]]) -> str:
    """The named owner of a subject phrase whose head is one of its people or services ("Peru's border police",
    "Chile's coast guard", "Ghana's cocoa board" turned back / boarded / cut ...): the owner acts through them.
    The caller asks only for a verb with an object (an act done to something). "" when the head names an action
    in a derived form or one the lexicon knows ("Russia's invasion", "China's ban": read by ``factnouns``), a state
    or share ("Japan's position", "China's share"), a time, or a measured thing (``statnames``, ``lexicon``
    notions: "China's exports", "Japan's economy"), or when anything but common nouns and adjectives follows the
    possessive."""
    np = _subject_phrase(tokens, lo, hi)
    k = next((m for m in range(len(np)) if np[m].tag == "POS" or np[m].text in ("'s", "\u2019s", "'")), -1)
    if k < 1:
        return ""
    owner = next((e for a, b, e in names if a == np[0].start and b >= np[k - 1].end), "")
    rest = [t for t in np[k + 1:] if t.text not in ("s", "'s", "\u2019s")]
    if not owner or not rest or len(rest) > 3 or any(t.tag not in ("JJ", "NN", "NNS") for t in rest):
        return ""
    head = rest[-1]
    derived = verb_of(head.lemma)
    if head.lemma in STATE_NOUNS or _is_time(head) or head.lemma in _NOT_ACTORS or derived and derived != head.lemma \
            or lexicon.is_action(head.lemma) or lexicon.notion(head.lemma) != head.lemma \
            or statnames.find(" ".join(t.text.lower() for t in rest)):
        return ""  # "Russia's invasion", "China's ban", "Japan's economy" (GDP), "China's exports": not doers
    return owner


_QUANTIFIERS = frozenset("several many some most few various numerous".split())  # how many, not who (closed class)


def subject_actors(tokens: list[nlp.Token], lo: int, hi: int, names: list[tuple[int, int, str]], entities: Entities,
                   context: Optional[Context] = None) -> tuple[str, ...]:
    """The actors of a subject phrase tokens[lo:hi] that the name, office and phrase readers gave none for, read
    from its grammar: the noun phrase up to a modifier that follows its head (a preposition other than "of", an
    "-ing" or relative clause: "Law enforcement agencies | across the country", "Registered refugees | holding
    PoR cards"), each of its conjuncts an actor ("Local leaders and oil workers": two), each by the office or phrase
    reader, or the owner a possessive names when its head is an office or service ("Somaliland's defence
    minister"). () when a conjunct yields no actor."""
    if lo + 2 < hi and tokens[lo].tag == "IN" and (tokens[lo + 1].tag == "CD" or _is_time(tokens[lo + 1])):
        lo += 1  # "On 30 March the assembly approved ...": when, before who
        while lo < hi and (tokens[lo].tag == "CD" or _is_time(tokens[lo])):
            lo += 1
        lo += lo < hi and tokens[lo].text == ","
    np_end = lo
    while np_end < hi and tokens[np_end].tag in ("DT", "PRP$", "JJ", "JJS", "NN", "NNS", "NNP", "NNPS", "VBN", "CC",
                                                  "POS", "CD") or np_end < hi and tokens[np_end].text in ("'s", "s") \
            or np_end < hi and tokens[np_end].lemma == "of" and np_end + 1 < hi and tokens[np_end + 1].tag[:2] in (
                "NN", "DT", "JJ"):
        np_end += 1
    rest = tokens[np_end:hi]
    complemented = bool(rest) and rest[0].tag in ("IN", "TO")
    if np_end == lo or rest and not (rest[0].tag in ("IN", "VBG", "WDT", "WP") or rest[0].text == ","
                                     or all(t.tag == "RB" for t in rest)):
        return ()
    if rest and rest[0].tag == "IN" and rest[0].lemma in ("that", "whether", "if", "because"):
        return ()
    parts: list[tuple[int, int]] = []
    a = lo
    for k in range(lo, np_end + 1):
        if k == np_end or tokens[k].lemma == "and" and tokens[k].tag == "CC":
            parts.append((a, k))
            a = k + 1
    actors: list[str] = []
    for a, b in parts:
        while b - 1 > a and tokens[b - 1].tag == "RB":
            b -= 1
        if a >= b or tokens[b - 1].tag == "CD" or not tokens[b - 1].noun:
            return ()  # "the two", "most of": a count or a quantity, no one named
        a += a < b and tokens[a].lemma == "the"
        a += a + 1 < b and tokens[a].lemma in _QUANTIFIERS  # "Several Republican lawmakers": the lawmakers
        whole = [e for x, y, e in names if x == tokens[a].start and y == tokens[b - 1].end]  # "the Grand Assembly"
        who = (whole[0] if whole else "") or office_actor(tokens, a, b, names, entities, context) or phrase_actor(
            tokens, a, b, names, entities) or _possessed_office(tokens, a, b, names, entities)
        plain = tokens[a:b]
        if not who and 0 < len(plain) <= MAX_PHRASE_WORDS and all(t.tag in ("JJ", "VBN", "NN", "NNS") for t in plain) \
                and plain[-1].lemma not in _NOT_ACTORS and plain[-1].lemma not in _COMMENTATORS \
                and not _is_time(plain[-1]):
            who = entities.adopt(" ".join(_phrase_word(t, t.start == tokens[0].start, names) for t in plain))
            # ("Registered refugees": a participle before the noun, which the phrase reader leaves out)
        owned = next((m for m in range(len(plain)) if plain[m].tag == "POS" or plain[m].text in ("'s", "\u2019s")), -1)
        if not who and owned > 0:
            kept = [t for t in plain[owned + 1:] if t.tag in ("JJ", "NN", "NNS") and t.text not in ("s",)]
            if kept and len(kept) == len([t for t in plain[owned + 1:] if t.text not in ("s", "'s", "\u2019s")]) \
                    and kept[-1].noun and kept[-1].lemma not in _NOT_ACTORS and len(kept) <= MAX_PHRASE_WORDS \
                    and kept[-1].lemma not in _COMMENTATORS \
                    and kept[-1].lemma not in STATE_NOUNS \
                    and not (complemented and _action_noun(kept[-1].lemma)):
                # ("Chile's position": a view, not a thing; "Kenya's ban on plastic bags": an action with what it acts
                # on, the owner's act, read by ``factnouns``)
                who = entities.adopt(" ".join(_phrase_word(t, False, names) for t in kept))
                # "Ukraine's grain corridor remains open": the thing owned (its owner is named in the quote)
        if not who:
            return ()
        actors.append(who)
    return tuple(dict.fromkeys(actors))


def _action_noun(lemma: str) -> bool:
    """Whether a noun names an action: derived from a verb ("withdrawal", "closure") or one the lexicon knows ("ban")."""
    derived = verb_of(lemma)
    return bool(derived and derived != lemma) or lexicon.is_action(lemma)


def _possessed_office(tokens: list[nlp.Token], lo: int, hi: int, names: list[tuple[int, int, str]],
                      entities: Entities) -> str:
    """The owner of "Somaliland's defence minister", "Cagayan's governor" (an office or service of a place no list
    holds): the owner's name as written; "" for another phrase."""
    np = _subject_phrase(tokens, lo, hi)
    k = next((m for m in range(len(np)) if np[m].tag == "POS" or np[m].text in ("'s", "\u2019s", "'")), -1)
    if k < 1 or not all(t.tag in ("NNP", "NNPS") for t in np[:k]):
        return ""
    head = np[-1].text.lower()
    if head not in NATIONAL_TITLES and head not in LOCAL_TITLES and np[-1].lemma not in GOVERNMENT_NOUNS \
            and np[-1].lemma not in BODY_NOUNS:
        return ""
    owner = next((e for a, b, e in names if a == np[0].start and b >= np[k - 1].end), "")
    return owner or entities.adopt(" ".join(t.text for t in np[:k]))


MAX_SUBJECT_NAMES = 6


def named_actors(sentence: str, names: list[tuple[int, int, str]], tokens: list[nlp.Token], clause_start: int,
            i: int) -> tuple[tuple[str, ...], int]:
    """The entities that are the subject of the verb group at ``i``, and where the subject starts.

    A name is a subject when only names, "and", adverbs and head nouns ("government", "Prime
    Minister") stand between it and the verb group; not after a preposition ("the attack on
    Ukraine") or as a possessive of another noun ("Russia's attack")."""
    lo = tokens[clause_start].start if clause_start < len(tokens) else 0
    hi = tokens[i].start
    # The subject is near its verb: the last few names before it are enough (and bound the work on a
    # sentence that lists hundreds of names).
    inside = [(a, b, e) for a, b, e in names if a >= lo and b <= hi][-MAX_SUBJECT_NAMES:]
    starts = [t.start for t in tokens]
    found: list[tuple[int, str]] = []
    for a, b, e in inside:
        before = sentence[max(lo, a - 20):a]
        if PREPOSITION_BEFORE.search(before) and not (re.search(r"\bfor\s+$", before) and _to_verb(tokens, b)):
            continue  # "the attack on Ukraine", "sanctions against Russia"; but "a mistake for Japan to act"
        ok = True
        possessive = False
        run = tokens[bisect.bisect_left(starts, b):bisect.bisect_left(starts, hi)]
        timed = any(x.lemma in TIME and x.noun for x in run)
        # "the US Commerce Department": capitalised words before a head word name the country's body
        head_seen = any(x.text.lower() in HEADS for x in run) and all(
            x.text.lower() in HEADS or x.text[:1].isupper() or x.tag in ("RB", "POS") or x.text in ("'s", "\u2019s")
            for x in run)
        prev_low = ""
        for t in tokens[bisect.bisect_left(starts, b):bisect.bisect_left(starts, hi)]:
            if any(x <= t.start < y for x, y, _ in inside):
                continue  # another name: "Japan and South Korea"
            low = t.text.lower()
            if t.text in ("'s", "\u2019s", "'", "\u2019") or t.tag == "POS":
                possessive = True
            elif low in HEADS or t.lemma in HEADS or t.tag in ("RB", "CC") or low in ("both", "itself", "too", "s") \
                    or low == "no" and _NO_LONGER.match(sentence, t.end) \
                    or low == "the" and any(
                    t.end < x <= t.end + 2 for x, _, _ in inside):  # "Japan and the Netherlands"
                head_seen = head_seen or low in HEADS
                continue
            elif head_seen and t.tag.startswith("NN") and t.text[:1].isupper():
                continue  # "Japanese Prime Minister Fumio Kishida condemned": the country's leader speaks for it
            elif low == "other" or t.tag == "NNS" and prev_low == "other":
                prev_low = low
                continue  # "China and other countries will take part": China does
            elif t.tag == "TO" and re.search(r"\bfor\s+$", before):
                continue
            elif t.tag == "JJ" and t.end <= hi and not any(x.start > t.start and x.start < hi for x in tokens[
                    bisect.bisect_left(starts, t.end):bisect.bisect_left(starts, hi)]):
                continue  # "Jakarta first banned": a word of order or manner just before the verb, not a noun's
            elif t.verb and t.lemma in ("have", "be") or timed and (t.tag in ("IN", "DT", "CD", "JJ")
                                                                     or t.lemma in TIME):
                continue  # "South Korea has for years treated ...": an auxiliary and a time before the verb
            else:
                ok = False
                break
        if ok and possessive and not any(t.text.lower() in HEADS
                                         for t in tokens[bisect.bisect_left(starts, b):bisect.bisect_left(starts, hi)]):
            ok = False  # "Russia's attack"; "Tokyo's government" is Tokyo
        if ok:
            found.append((a, e))
    if not found:
        return (), hi
    return tuple(dict.fromkeys(e for _, e in found)), min(a for a, _ in found)


# "Estonia no longer funds ...": "no longer" is an adverb of the verb group, not a determiner of a noun.
_NO_LONGER = re.compile(r"\s+longer\b", re.I)


def _to_verb(tokens: list[nlp.Token], pos: int) -> bool:
    """Whether "to" and a verb follow offset ``pos`` ("for Japan to divert")."""
    k = bisect.bisect_left([t.start for t in tokens], pos)
    after = tokens[k:k + 2]
    return len(after) == 2 and after[0].tag == "TO" and after[1].verb


_TIME_PREPOSITIONS = frozenset({"on", "in", "since", "from", "by", "until", "after", "before", "during", "as", "of"})


def _time_follows(tokens: list[nlp.Token], m: int, hi: int) -> bool:
    """Whether a word of time follows at ``m``, after at most a determiner ("this month", "month")."""
    m += m + 1 < hi and tokens[m].tag == "DT"
    return m < hi and tokens[m].noun and tokens[m].lemma in TIME


def past_opening_time(tokens: list[nlp.Token], lo: int, hi: int) -> int:
    """Where the subject of a clause starts after a phrase of time that opens it ("On 4 July the Appellate Division
    declined ...", "(Since) 13 March the app has been blocked ...", "In late 2023, the cabinet ..."): a preposition
    or none, then numbers and words of time only (at least one), then the subject before the verb at ``hi``.
    ``lo`` when no such phrase opens the clause, or nothing would be left for the subject."""
    if lo + 1 < hi and tokens[lo].tag == "RB" and tokens[lo].lemma not in ("not", "never", "only", "also", "even") \
            and (tokens[lo + 1].tag in ("DT", "NNP", "NNPS", "PRP$") or tokens[lo + 1].text == "," and lo + 2 < hi):
        return lo + 1 + (tokens[lo + 1].text == ",")  # "Finally, the ministry closed ...": an adverb opens the clause
    k = lo + (lo < hi and tokens[lo].tag == "IN" and tokens[lo].lemma in _TIME_PREPOSITIONS)
    m, timed = k, False
    while m < hi and (tokens[m].tag == "CD" or re.fullmatch(r"[0-9]{1,4}", tokens[m].text) or tokens[m].lemma in TIME or tokens[m].tag == "JJ" and m + 1 < hi
                      and (tokens[m + 1].tag == "CD" or tokens[m + 1].lemma in TIME)
                      or tokens[m].tag in ("RB", "RBR", "JJR", "DT") and m + 1 < hi and _time_follows(tokens, m + 1, hi)):
        # ("Earlier this month the Senate ...": an adverb of time and a determiner before the word of time)
        # a word of time or a year ("late 2023", "On 4 July": the tagger's "4" may be IN); a count alone is no time
        # ("Three ships were seen")
        timed = timed or tokens[m].lemma in TIME or bool(re.fullmatch(r"(?:19|20)[0-9]{2}", tokens[m].text))
        m += 1
    m += m < hi and tokens[m].text == ","
    if not timed or m >= hi or tokens[m].tag not in ("DT", "NNP", "NNPS", "NN", "NNS", "PRP", "PRP$", "JJ"):
        return lo
    return m


def untimed(sentence: str, tokens: list[nlp.Token], lo: int, hi: int) -> str:
    """The text of tokens[lo:hi] without its phrases of time ("refused in May 2022 to admit ...": "refused to admit"),
    so that a frame and its "to" are read as one whatever date stands between them: a preposition of time, then at
    most a determiner or an adjective, then numbers and words of time only (at least one)."""
    parts, k, last = [], lo, tokens[lo].start if lo < hi else 0
    while k < hi:
        m = k + (tokens[k].tag == "IN" and tokens[k].lemma in _TIME_PREPOSITIONS or tokens[k].lemma == "this")
        m += m > k and m < hi and tokens[m].tag in ("DT", "JJ") and m + 1 < hi and (
            tokens[m + 1].lemma in TIME or tokens[m + 1].tag == "CD")
        e = m
        while e < hi and (tokens[e].tag == "CD" or re.fullmatch(r"[0-9]{1,4}(?:st|nd|rd|th)?", tokens[e].text)
                          or tokens[e].lemma in TIME and tokens[e].tag != "MD"):  # (the tagger's "4" may be IN)
            e += 1
        if (m > k or tokens[k].lemma in ("last", "next", "past")) and e > m and any(tokens[x].lemma in TIME or re.fullmatch(r"(?:1[5-9]|20)[0-9]{2}", tokens[x].text)
                                   for x in range(m, e)):
            parts.append(sentence[last:tokens[k].start])
            last = tokens[e].start if e < len(tokens) else len(sentence)
            k = e
            continue
        k += 1
    end = tokens[hi].start if hi < len(tokens) else len(sentence)
    parts.append(sentence[last:end] if last <= end else "")
    return re.sub(r"\s+", " ", "".join(parts))
