"""Clause shapes ``briefcmp.analysis.facts`` reads from the tags alone, whatever the verb:

- a **bare action**: a finite verb with its subject and no object ("Spain abstained", "Beijing has not
  yet retaliated", "France has declined to follow for now", "Germany voted against"): a fact whose object
  is what follows the verb up to the clause end (a particle, a preposition), or nothing;
- a **listed subject**: names listed with commas before "and" ("France, Italy and Poland joined ..."),
  each an actor;
- an **appositive, relative or fronted subject**: a name or an office set off by an appositive, a relative
  clause or a prepositional phrase before its verb ("Sweden, which applied in May, remains outside"; "The
  foreign minister, a veteran diplomat, banned ..."; "Japan, in its statement, condemned ..."), and the
  subject of a relative clause ("..., Sweden, which applied in May"): the name before "which"/"who";
- a **relative clause's object**: the noun it follows ("a consensus that Budapest will never give");
- a **linking verb** with a complement that names something: a state ("is not a member of", "remains
  outside", "has become a full member of"), asked as "Is X ...?";
- what a **negated verb of saying** leaves open ("has not said how it will respond": undecided), and a frame
  that reaches past a phrase of time to its infinitive ("voted on Tuesday to withdraw").

Only closed classes are listed here (reporting verbs, relative words, particles); the verb itself may be any.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Optional

from briefcmp.analysis import nlp
from briefcmp.analysis.factobjects import Fact, object_words
from briefcmp.analysis.factwords import BREAK_TAGS, PREPOSITION_BEFORE, SAYING, TIME, WHEN_PHRASE

# Verbs that report or comment rather than act: with no object they state nothing keyable ("he added", "the
# ministry said", "officials warned"). A closed class of reporting verbs.
REPORTING = frozenset("""say tell add note warn insist claim argue stress explain reply respond answer comment
write report suggest agree disagree acknowledge admit concede recall observe remark conclude continue reiterate
repeat emphasise emphasize underline maintain assert hear learn
begin start end happen occur come go remain seem appear stand sit lie exist matter count""".split())
RELATIVE = frozenset({"which", "who"})
MAX_BARE_TAIL = 3  # "voted in favour", "pulled out": a particle phrase, not an object
_IT = re.compile(r"\s*(?:(?:and|but|so|yet)\s+)?[Ii]t\b")


def bare_action(sentence: str, names: list[tuple[int, int, str]], tokens: list[nlp.Token], clause_start: int, j: int,
                end_index: int, actors: tuple[str, ...], start: int, kind: str, value: str) -> list[Fact]:
    """Facts for a verb at ``j`` whose clause holds no object (``end_index``: where ``object_end`` put its end):
    only a particle or a short prepositional phrase without a noun of its own ("against", "in favour", "for
    now") or nothing before the clause ends. [] for a reporting verb, or when a clause or an infinitive follows
    (a frame, read elsewhere)."""
    verb = tokens[j]
    n = len(tokens)
    progressive = verb.tag == "VBG" and j and (any(t.lemma == "be" and t.verb for t in tokens[max(clause_start, j - 3):j])
                                               or tokens[j - 1].tag == "IN" and j - 1 > clause_start
                                               and tokens[j - 2].tag in ("JJ", "RB", "VBD", "VBN"))
    # ("has stopped short of apologising": the -ing form a frame ends in is its action)
    if verb.lemma in REPORTING or verb.lemma in SAYING - {"decide"} or not actors \
            or verb.tag not in ("VB", "VBD", "VBZ", "VBP", "VBN") and not progressive:  # "stocks are declining"
        return []  # "the government has indicated": a report's tail ("has not decided" is an open question)
    if _IT.match(sentence, tokens[clause_start].start if clause_start < j else verb.start):
        return []  # "It renews automatically": "it" is as often a thing as the last actor
    if clause_start and tokens[clause_start - 1].lemma in ("as", "than"):
        return []  # "as the regulation already allows": a comparison whose object is the clause before
    if clause_start and tokens[clause_start - 1].text == "," and all(t.tag in BREAK_TAGS for t in tokens[j + 1:]):
        return []  # "..., officials reiterated.", "..., the court heard.": a report's tail, not an act
    nxt = tokens[j + 1] if j + 1 < n else None
    if nxt is not None and not (nxt.tag in BREAK_TAGS or nxt.tag in ("IN", "RP", "RB", "RBR")):
        return []  # an object, a clause ("that ..."), an infinitive ("to ..."): not bare
    if nxt is not None and nxt.lemma in ("that", "whether", "if", "to", "as", "than", "so"):
        return []
    tail_end = j + 1
    while tail_end < n and tail_end < end_index and tokens[tail_end].tag not in BREAK_TAGS:
        tail_end += 1
    tail = tokens[j + 1:tail_end]
    timed = WHEN_PHRASE.match(sentence, nxt.start) if nxt is not None else None
    if timed or any(t.lemma in TIME for t in tail) or any(t.tag == "CD" for t in tail):
        tail = []  # "for now", "on Friday", "in 2024": when, not what
    elif len(tail) > MAX_BARE_TAIL or any(t.tag in ("NNP", "NNPS", "DT", "PRP$") for t in tail):
        return []  # an object the object reader did not take ("voted against it", "against the plan")
    q_end = tail[-1].end if tail else verb.end
    gap = _gap_object(tokens, clause_start) if not tail else []
    if gap:  # "a consensus that Budapest will never give": Budapest will never give the consensus
        words, shown, scope, nouns, others, object_text = object_words(sentence, gap, names, actors)
        return [Fact(actor, actors, verb.lemma, gap[0].start, q_end, gap[0].start, gap[-1].end, kind, value,
                     tuple(words), tuple(shown), tuple(scope), others, object_text, tuple(nouns)) for actor in actors]
    o_start = tail[0].start if tail else verb.start  # no object: its span is the verb's own (never empty)
    shown = sentence[tail[0].start:q_end] if tail else ""
    return [Fact(actor, actors, verb.lemma, start, q_end, o_start, q_end, kind, value, (), (), (), (), shown, ())
            for actor in actors]


def _gap_object(tokens: list[nlp.Token], clause_start: int) -> list[nlp.Token]:
    """The noun phrase a relative clause at ``clause_start`` takes as its verb's object ("the obstacle that the
    court placed", "the charges, which Israel rejects"): its tokens, or [] when the clause has no such antecedent."""
    k = clause_start - 1
    if k < 1 or tokens[k].lemma not in ("that", "which"):
        return []
    end = k - 1 if tokens[k - 1].text != "," else k - 2
    if end < 0 or not tokens[end].noun or tokens[end].tag in ("NNP", "NNPS"):
        return []
    first = end
    while first > 0 and end - first < 5 and (tokens[first - 1].tag[:2] in ("NN", "JJ", "VB") and tokens[first - 1].tag
                                              not in ("VBD", "VBZ", "VBP") or tokens[first - 1].lemma == "of"):
        first -= 1
    while first > 0 and tokens[first - 1].tag in ("DT", "PRP$"):
        first -= 1
    return tokens[first:end + 1]


def reported_at(tokens: list[nlp.Token], k: int) -> bool:
    """Whether a clause a verb reports opens at ``k``, right after its "that": "said that ...", "to inform him
    that ...", "told reporters that ..." (a verb, and at most its object, before "that")."""
    if k < 2 or tokens[k - 1].lemma != "that" or tokens[k - 1].tag not in ("IN", "WDT"):
        return False
    before = tokens[k - 2]
    return before.verb or before.tag in ("PRP", "NN", "NNS", "NNP") and k >= 3 and tokens[k - 3].verb


def next_clause(tokens: list[nlp.Token], clause_start: int, i: int) -> int:
    """Where the subject of the verb at ``i`` starts when a clause of its own stands before it, joined by "and" or
    "but" ("The House adopted the bill on 12 March and the Senate adopted it": "the Senate"): after the last such
    conjunction that has a finite verb and its object before it; else ``clause_start``."""
    k = i - 1
    while k > clause_start and (tokens[k].tag in _SUBJECT_TAGS or tokens[k].text in ("'s", "\u2019s")):
        k -= 1  # back over the subject's noun phrase (and an adverb or auxiliary before the verb)
    if k == i - 1 or k <= clause_start or tokens[k].tag != "CC" or tokens[k].lemma not in ("and", "but"):
        return clause_start  # ("... and froze ...": no subject of its own, the first verb's)
    return k + 1 if any(_finite(tokens, m) for m in range(clause_start + 1, k)) else clause_start


_SUBJECT_TAGS = frozenset({"DT", "JJ", "NN", "NNS", "NNP", "NNPS", "POS", "PRP", "PRP$", "CD", "RB", "MD"})


def _finite(tokens: list[nlp.Token], m: int) -> bool:
    """Whether the verb at ``m`` is a clause's finite verb: tagged so, or a past form the tagger read as a participle
    right after a noun and before its object ("the House adopted the bill")."""
    t = tokens[m]
    return t.tag in ("VBD", "VBZ", "VBP") or t.tag == "VBN" and tokens[m - 1].tag in ("NN", "NNS", "NNP", "NNPS") \
        and m + 1 < len(tokens) and tokens[m + 1].tag in ("DT", "PRP", "PRP$")


def _opening_list(names: list[tuple[int, int, str]], tokens: list[nlp.Token], last: int
                  ) -> Optional[tuple[list[str], int]]:
    """The names listed from the opening of a clause to token ``last`` ("France, Italy and Poland"), with where
    the first starts; None when anything but names, commas and "and" stands there."""
    found: list[str] = []
    k = last
    while k >= 0:
        at = [(a, e) for a, b, e in names if b == tokens[k].end]
        if not at:
            return None
        a, e = at[0]
        found.insert(0, e)
        m = k
        while m > 0 and tokens[m - 1].end > a:
            m -= 1  # the name's first token
        if m == 0 or tokens[m - 1].text in (";", ":") or tokens[m - 1].tag == "." or reported_at(tokens, m):
            return found, a
        k = m - 1
        if tokens[k].lemma == "and" and k and tokens[k - 1].text == ",":
            k -= 1  # ", and"
        if not (tokens[k].text == "," or tokens[k].lemma == "and") or not found:
            return None
        k -= 1
    return None


def listed_subject(names: list[tuple[int, int, str]], tokens: list[nlp.Token], clause_start: int,
                   subject_start: int, actors: tuple[str, ...]) -> tuple[tuple[str, ...], int]:
    """The actors with the names listed before them with commas ("France, Italy and Poland joined": France
    too), when the list opens its clause; (actors, subject start) unchanged otherwise."""
    if not actors or clause_start < 2 or tokens[clause_start - 1].text != ",":
        return actors, subject_start
    listed = _opening_list(names, tokens, clause_start - 2)
    if listed is None:
        return actors, subject_start
    return tuple(dict.fromkeys([*listed[0], *actors])), listed[1]


def relative_subject(sentence: str, names: list[tuple[int, int, str]], tokens: list[nlp.Token], clause_start: int
                     ) -> Optional[tuple[tuple[str, ...], int]]:
    """The subject of a relative clause: the names just before ", which"/", who" ("Sweden, which applied in
    May"; "France, Italy and Poland, which had pushed"), or None; not a name after a preposition ("sanctions on
    Russia, which ...": the sanctions)."""
    if clause_start < 3 or tokens[clause_start - 1].lemma not in RELATIVE or tokens[clause_start - 2].text != ",":
        return None
    listed = _opening_list(names, tokens, clause_start - 3)
    if listed is not None:
        return tuple(dict.fromkeys(listed[0])), listed[1]
    found = [(a, e) for a, b, e in names if b == tokens[clause_start - 3].end]
    if not found or PREPOSITION_BEFORE.search(sentence[max(0, found[0][0] - 20):found[0][0]]) \
            or found[0][0] > 0 and sentence[:found[0][0]].rstrip().endswith(("'s", "\u2019s")):
        return None
    return (found[0][1],), found[0][0]


def clause_subject(sentence: str, names: list[tuple[int, int, str]], tokens: list[nlp.Token], clause_start: int,
                   i: int) -> Optional[tuple[tuple[str, ...], int]]:
    """The subject of the verb at ``i`` when a relative clause or an appositive stands between them."""
    if clause_start == i:
        found = relative_subject(sentence, names, tokens, clause_start)
        if found is not None:
            return found
    return appositive_subject(names, tokens, clause_start, i)


def _inserted_at(tokens: list[nlp.Token], clause_start: int, i: int) -> Optional[int]:
    """The index of the comma that opens an appositive or a relative clause closed by the comma before
    ``clause_start``, when only adverbs and auxiliaries stand between that comma and the verb at ``i``; else None."""
    if clause_start < 2 or clause_start > i or tokens[clause_start - 1].text != ",":
        return None
    if any(t.tag not in ("RB", "MD") and not (t.verb and t.lemma in ("have", "be", "do"))
           and not (t.tag == "JJ" and k == i - 1) for k, t in enumerate(tokens[clause_start:i], clause_start)):
        # (a word of order just before the verb: "..., first halted")
        return None
    k = clause_start - 2  # back to the comma that opens the inserted phrase
    while k > 0 and tokens[k].text not in (",", ";", ":") and tokens[k].tag != ".":
        k -= 1
    if k <= 0 or tokens[k].text != ",":
        return None
    inserted = tokens[k + 1:clause_start - 1]
    if not inserted or not (inserted[0].lemma in RELATIVE or inserted[0].tag in ("DT", "JJ", "NNP", "PRP$", "VBN", "VBD")
                            or inserted[0].tag in ("NN", "NNS") and inserted[0].text[:1].isupper()
                            or inserted[0].tag == "IN" and inserted[0].lemma not in ("that", "whether", "if")
                            and not any(t.verb for t in inserted)):
        # (", for its part,", ", in a statement,": a phrase of a preposition set off between the subject and its verb)
        # (", AKEP,": a name the lexicon does not know is tagged a common noun, capitalised mid-sentence)
        return None
    absolute = len(inserted) > 1 and inserted[-1].tag in ("VBN", "VBD") and not any(t.verb for t in inserted[:-1])
    # (", signed by the president on 2 April,": a participle and its agent set off after the subject, which acts)
    by_agent = len(inserted) > 2 and inserted[0].tag in ("VBN", "VBD") and inserted[1].lemma == "by" and not any(
        t.verb for t in inserted[1:])
    if inserted[0].lemma not in RELATIVE and any(t.verb for t in inserted) and not absolute and not by_agent:
        return None  # ", hit by sanctions, ...": a participle clause, not another name for the subject
    # (", Guinea included, ...": an absolute phrase after a noun, standing aside as an appositive does)
    return k


def appositive_subject(names: list[tuple[int, int, str]], tokens: list[nlp.Token], clause_start: int,
                       i: int) -> Optional[tuple[tuple[str, ...], int]]:
    """The names opening a clause whose verb at ``i`` follows an appositive or a relative clause set off by
    commas: "Sweden, which applied in May, remains outside"; "Ecolo-Groen, the French- and Dutch-speaking
    Greens, voted against it"; "France, Italy and Poland, which had pushed for a tough line, voted in favour".
    None when anything but adverbs and auxiliaries stands between the closing comma and the verb, or the names
    are not the first words of their clause."""
    k = _inserted_at(tokens, clause_start, i)
    listed = None if k is None else _opening_list(names, tokens, k - 1)
    return None if listed is None else (tuple(dict.fromkeys(listed[0])), listed[1])


def appositive_opening(tokens: list[nlp.Token], clause_start: int, i: int) -> Optional[tuple[int, int]]:
    """The token range of the phrase opening a clause before an appositive that names it again ("Cagayan's
    governor, Manuel Mamba, has opposed ..."): for the office reader; None without one."""
    k = _inserted_at(tokens, clause_start, i)
    if k is None:
        return None
    lo = k - 1
    while lo > 0 and tokens[lo - 1].text not in (",", ";", ":") and tokens[lo - 1].tag != ".":
        lo -= 1
    return (lo, k) if lo < k else None


# Linking verbs: "X is (not) a member of Y", "X remains outside", "X has become a full member of Y". Their
# statements are of a state, one question whichever verb links it ("became a member" answers "is it a member?").
LINKING = frozenset({"be", "remain", "become", "stay"})
MAX_COMPLEMENT = 10


def state(sentence: str, names: list[tuple[int, int, str]], tokens: list[nlp.Token], c: int, actors: tuple[str, ...],
          start: int, kind: str, value: str, judged: bool = False) -> list[Fact]:
    """Facts for a linking verb at ``c`` with a subject that is an actor and a complement that names something:
    a noun phrase ("a full member of OPEC"), a place word or a preposition with its noun ("outside NATO",
    "under no obligation to ..."). The verb is "be" for all; the complement is the object. [] for an adjective
    alone ("is ready to", "is unlikely": frames read elsewhere) or a participle (a passive); but a thing's state
    (``judged``: the subject is a thing, not an actor) may be an adjective ("the curfew remains necessary")."""
    n = len(tokens)
    k = c + 1
    while k < n and (tokens[k].tag == "RB" or tokens[k].lemma in ("not", "n't")):
        k += 1
    # "remains closed to", "stayed shut": after a linking verb other than "be" a participle is a state, not a passive
    adjectival = k < n and tokens[k].tag in ("VBN", "VBD") and tokens[c].lemma in ("remain", "stay")
    if not actors or k >= n or tokens[k].verb and not adjectival or tokens[k].tag in BREAK_TAGS \
            or tokens[k].tag in ("TO", "MD"):
        return []
    neither = judged and k + 1 < n and tokens[k].lemma == "neither" and tokens[k + 1].tag.startswith("JJ")
    if neither:
        k += 1  # "is neither necessary nor lawful": not the one, not the other
        value = "no" if value == "yes" else value
    if judged and tokens[k].tag.startswith("JJ") and k + 3 <= n and (
            neither and tokens[k + 1].lemma == "nor" or value == "yes" and tokens[k + 1].lemma == "and") \
            and tokens[k + 2].tag.startswith("JJ") and (k + 3 == n or tokens[k + 3].tag in ("TO", "IN")
                                                       or tokens[k + 3].tag in BREAK_TAGS):
        # "was unconstitutional and unlawful", "is neither necessary nor lawful": a state each adjective says ("is
        # not necessary and lawful" may deny either: left alone)
        return _quality(sentence, tokens, k, actors, start, kind, value) + \
            _quality(sentence, tokens, k + 2, actors, start, kind, value)
    if (tokens[k].tag.startswith("JJ") or adjectival) and (k + 1 >= n or tokens[k + 1].tag in ("TO", "IN") or
                                                           tokens[k + 1].tag in BREAK_TAGS):
        infinitive = k + 2 < n and tokens[k + 1].tag == "TO" and tokens[k + 2].verb
        if not judged or infinitive:
            return []  # "is ready to", "was unlikely to", "is weak": a frame or a judgement
        return _quality(sentence, tokens, k, actors, start, kind, value)
    end = k
    while end < n and end - k < MAX_COMPLEMENT and tokens[end].tag not in BREAK_TAGS and not tokens[end].verb \
            and tokens[end].lemma not in ("that", "which", "who", "while", "because", "but", "although", "as"):
        end += 1
    comp = tokens[k:end]
    while len(comp) > 1 and comp[-1].tag in ("IN", "DT", "CC", "TO"):
        comp.pop()  # "a member of": the member (a lone "outside" stays)
    if comp and comp[-1].tag in ("DT", "CC", "TO"):
        return []
    if not comp:
        return []
    inside = [(a, b, e) for a, b, e in names if comp[0].start <= a and b <= comp[-1].end]
    nouns = [t for t in comp if t.noun and t.tag not in ("NNP", "NNPS") and t.lemma not in TIME
             and not any(a <= t.start < b for a, b, _ in inside)]
    if not nouns and not inside and comp[0].tag != "IN":
        return []
    if comp[0].lemma == "no" or any(t.lemma == "no" and t.tag == "DT" for t in comp[:3]):
        value = "no" if value == "yes" else value  # "is under no obligation", "is no member"
    others = tuple(dict.fromkeys(e for _, _, e in inside if e not in actors))
    words = tuple(t.lemma for t in nouns) or tuple(t.lemma for t in comp if t.tag in ("IN", "RB"))[:1]
    shown = tuple(t.text for t in nouns)
    o_start, o_end = comp[0].start, comp[-1].end
    return [Fact(actor, actors, "be", start, o_end, o_start, o_end, kind, value, words, shown, (), others,
                 sentence[o_start:o_end], tuple(t.lemma for t in nouns)) for actor in actors]


def _quality(sentence: str, tokens: list[nlp.Token], k: int, actors: tuple[str, ...], start: int, kind: str,
             value: str) -> list[Fact]:
    """A thing's state in one adjective ("the curfew remains necessary", "the ban is not lawful"): the adjective
    is what is asked ("Is the curfew necessary?")."""
    adj = tokens[k]
    end = k + 1  # "exempt from the new levy": what it is exempt from is part of the state
    while end < len(tokens) and end - k < MAX_COMPLEMENT and tokens[end].tag not in BREAK_TAGS \
            and not tokens[end].verb and tokens[end].tag in ("IN", "TO", "DT", "JJ", "NN", "NNS", "NNP", "PRP$"):
        end += 1
    phrase = tokens[k + 1:end] if end > k + 2 and tokens[end - 1].noun and tokens[k + 1].tag in ("IN", "TO") \
        and tokens[k + 1].lemma not in _CIRCUMSTANCE else []  # "open despite the attacks": why, not what
    nouns = tuple(t.lemma for t in phrase if t.noun and t.lemma not in TIME)
    last = phrase[-1] if phrase else adj
    return [Fact(actor, actors, "be", start, last.end, adj.start, last.end, kind, value, (adj.lemma, *nouns),
                 (adj.text, *(t.text for t in phrase if t.noun and t.lemma not in TIME)), (), (),
                 sentence[adj.start:last.end], nouns) for actor in actors]


# Prepositions of time, cause and concession: the phrase after them says when or why, not what (closed class).
_CIRCUMSTANCE = frozenset({"despite", "amid", "after", "before", "since", "until", "during", "because", "following"})
# "has not said how it will respond", "did not say when": the question the words leave open (closed class).
OPEN_WH = frozenset({"how", "when", "which", "what", "where", "why"})
_UNSAID = frozenset({"say", "disclose", "specify", "reveal", "indicate", "confirm", "announce", "explain", "clarify"})


def unsaid(tokens: list[nlp.Token], i: int, k: int) -> bool:
    """Whether tokens[i:k] hold a negated verb of saying ("has not said", "did not disclose") just before ``k``:
    what follows ("how ...", "when ...") is left open."""
    group = tokens[i:k]
    return bool(group) and group[-1].verb and group[-1].lemma in _UNSAID and any(
        t.lemma in ("not", "n't", "never") for t in group)


def past_time(tokens: list[nlp.Token], k: int) -> int:
    """The index after a short phrase of time at ``k`` ("on Tuesday", "on 4 June", "last week", "in May"), or ``k``
    when none starts there: a frame reaches past it to its infinitive ("voted on Tuesday to withdraw")."""
    m = k
    while m < len(tokens) and m - k < 4 and tokens[m].tag in ("IN", "JJ", "DT", "CD", "NNP", "NN"):
        m += 1
    timed = any(t.lemma in TIME or t.tag == "CD" for t in tokens[k:m])
    return m if m > k and timed and tokens[k].tag in ("IN", "JJ") else k


def fronted(sentence: str, names: list[tuple[int, int, str]], tokens: list[nlp.Token], clause_start: int,
            i: int) -> tuple[tuple[str, ...], int]:
    """The subject before a parenthesis set off by a comma: "Japan, in its statement after the invasion,
    condemned ..." and "Japan in its press statement after the invasion of Ukraine, strongly condemned ...".
    Only a name that opens the sentence (or a clause after ";", or one a verb reports after "that") and is followed
    by a preposition."""
    if clause_start == 0 or tokens[clause_start - 1].text != ",":
        return (), tokens[i].start if i < len(tokens) else len(sentence)
    k = clause_start - 1
    while k > 0 and tokens[k - 1].text not in (";", ":") and tokens[k - 1].tag != "." and not reported_at(tokens, k):
        k -= 1  # (a clause reported after "that" opens where "that" ends: "said that Japan, in its reply, ...")
    head = tokens[k].start
    for a, b, e in names:
        if a == head or (a > head and not sentence[head:a].strip(" ,").lower() in ("", "the")):
            if a != head and sentence[head:a].strip().lower() != "the":
                continue
            rest = sentence[b:tokens[clause_start - 1].start]
            if re.match(r"\s*,?\s*(?:in|at|on|after|during|with|for|through|like|unlike|as|however|too|also|"
                        r"meanwhile|though|instead|therefore|nevertheless|by\s+contrast|in\s+turn)\b", rest, re.I):
                return (e,), a
    return (), tokens[i].start


_AGAINST = re.compile(r"\s*against\b", re.I)
_FOR = re.compile(r"\s*(?:for\b|in\s+favou?r\b)", re.I)
_FAVOUR = frozenset({"favour", "favor"})


def vote_sides(fact: Fact) -> Fact:
    """A vote read by its preposition: "voted against the duties" answers "did it vote for the duties?" no, as
    "voted for" and "voted in favour of" answer yes; "favour" is the side, not what was voted on."""
    if fact.verb != "vote":
        return fact
    if _AGAINST.match(fact.object_text):  # against: the other side ("did not vote against" says neither)
        fact = replace(fact, value={"yes": "no", "support": "oppose", "oppose": "support"}.get(fact.value,
                                                                                              "undecided"))
    elif not _FOR.match(fact.object_text) and not _AGAINST.match(fact.object_text):
        return fact
    keep = [k for k, w in enumerate(fact.words) if w not in _FAVOUR]
    return replace(fact, words=tuple(fact.words[k] for k in keep), shown=tuple(fact.shown[k] for k in keep
                                                                               if k < len(fact.shown)),
                   nouns=tuple(w for w in fact.nouns if w not in _FAVOUR))


_NP_TAGS = frozenset({"DT", "JJ", "JJS", "CD", "NN", "NNS", "NNP", "NNPS", "POS", "PRP$"})


def relative_antecedent(sentence: str, tokens: list[nlp.Token], clause_start: int, i: int,
                        names: list[tuple[int, int, str]], entities, context) -> Optional[tuple[tuple[str, ...], int]]:
    """The subject of a relative clause whose antecedent is a noun phrase ("the judgment, which declared the law
    unconstitutional"; "Law 407 of 3 November 2023, which declares a moratorium"; "... by the regulator, which
    later lifted it"): the noun phrase just before ", which"/", who" (past a date after "of"), read as a subject
    is (a name, an office, a phrase). None when anything but adverbs and words of time stands between "which" and
    the verb at ``i``, when the phrase follows a preposition other than "by" (whether "sanctions on Russia, which
    ..." are the sanctions or Russia, the grammar does not say), or when it is no phrase the readers know."""
    from briefcmp.analysis.factgrammar import named_actors  # (they read subjects: a level above this module)
    from briefcmp.analysis.factsubjects import office_actor, phrase_actor

    r = clause_start - 1
    if r < 2 or tokens[r].lemma not in RELATIVE or tokens[r - 1].text != ",":
        return None
    if any(t.tag not in ("RB", "MD") and t.lemma not in TIME and not (t.verb and t.lemma in ("have", "be", "do"))
           for t in tokens[clause_start:i]):
        return None
    hi = r - 1
    lo = hi
    while lo > 0 and tokens[lo - 1].tag in _NP_TAGS:
        lo -= 1
    if lo == hi:
        return None
    if lo >= 2 and tokens[lo - 1].lemma == "of" and all(t.tag == "CD" or t.lemma in TIME for t in tokens[lo:hi]):
        hi = lo - 1  # "Law 407 of 3 November 2023": the law, not its date
        lo = hi
        while lo > 0 and tokens[lo - 1].tag in _NP_TAGS:
            lo -= 1
        if lo == hi:
            return None
    if lo and tokens[lo - 1].tag in ("IN", "TO") and tokens[lo - 1].lemma != "by":
        return None
    who, at = named_actors(sentence, names, tokens, lo, hi)
    if who:
        return who, at
    actor = office_actor(tokens, lo, hi, names, entities, context) or phrase_actor(tokens, lo, hi, names, entities)
    return ((actor,), tokens[lo].start) if actor else None
