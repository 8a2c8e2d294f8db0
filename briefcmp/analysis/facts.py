"""Statements of action and position in a sentence: who did (or should do) what, and how surely.

``read_facts(sentence, entities)`` reads a sentence tagged by ``briefcmp.analysis.nlp`` and
gives one ``Fact`` per actor and action:

- the **actors**: the entities (``Entities``) that are the grammatical subject, named just
  before the verb ("Japan and South Korea condemned ..." is two facts, one per country);
  a name after a preposition ("the attack on Ukraine") or a possessive ("Russia's
  attack") is not an actor;
- the **action**: the verb's lemma and its object up to the end of the clause; coordinated
  verbs are separate facts with the same actors ("condemned the attack and joined the
  sanctions" is two);
- the **value**: ``yes``; ``no`` when negated ("has not", "never", "refused to", "failed to",
  "has yet to"); ``undecided`` when hedged ("is considering", "stopped short of confirming
  whether", "weighing"); modal verbs make a **forecast** ("could", "will", "is expected to");
- a **recommendation** ("should", "must", "needs to", "we recommend that", "it would be a
  mistake to") is a stance, ``support`` or ``oppose``, on the action it names;
- **scope** words on the object ("selected banks", "all banks", "mild sanctions") are kept apart
  from the object, so that they make values of one question rather than separate questions.

The tagger and lemmatiser are a library's (the 'nlp' extra); the rules here only read the
tags. Without the extra, ``read_facts`` gives nothing.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import Optional

from briefcmp.analysis import nlp
from briefcmp.analysis.entities import Entities, proper_names
from briefcmp.analysis.factwords import (
    ACRONYM, ADVICE_FRAME, ASSESSED, AUX, BAN_NOUNS, BREAK_TAGS, CLAUSE_WORDS, DELIBERATING, FRAMES, HEADS, HEDGING,
    IDLE, LIGHT_VERBS, MEASURE_NOUNS, MORE, NEGATION, NOT_ACTIONS, NOT_BODIES, PREPOSITION_BEFORE, SAYING, SCOPE, TIME,
    VAGUE_NOUNS, WHEN_PHRASE, modality,
)


MAX_OBJECT_TOKENS = 14
MAX_SUBJECT_NAMES = 6


@dataclass
class Fact:
    """One actor's action (or advised action) read from a sentence; offsets are into the sentence."""

    actor: str  # entity id
    actors: tuple[str, ...]  # every actor of the verb (for the quote: "Japan and South Korea")
    verb: str  # lemma
    start: int  # the quote: from the subject (or the coordinated verb) to the end of the object
    end: int
    object_start: int
    object_end: int
    kind: str  # fact | forecast | recommendation
    value: str  # yes | no | undecided | support | oppose
    words: tuple[str, ...]  # object content lemmas, in order, without scope words and entity names
    shown: tuple[str, ...]  # the same words as written
    scope: tuple[str, ...] = ()  # scope words on the object, as lemmas
    others: tuple[str, ...] = field(default=())  # entities named in the object (Russia in "sanctions on Russia")
    object_text: str = ""  # the object as written ("the assets of Russian individuals")
    nouns: tuple[str, ...] = ()  # the object's nouns (lemmas), without times ("Friday", "last week"): what it is

    @property
    def value_type(self) -> str:
        return "stance" if self.kind == "recommendation" else "category"


def _entities_at(entities: Entities, sentence: str) -> list[tuple[int, int, str]]:
    """Countries and registered entities, then the bodies and places a name says ("the European Union"),
    as align registers them (``Entities.adopt``)."""
    found = entities.find(sentence)
    taken = [(a, b) for a, b, _ in found]
    for a, b, name in proper_names(sentence):
        if not any(a < y and x < b for x, y in taken):
            found.append((a, b, entities.adopt(name)))
            taken.append((a, b))
    for m in ACRONYM.finditer(sentence):  # "the EU", "ECOWAS", "the WTO" (not in an all-capitals heading)
        a, b = m.span()
        if m.group() not in NOT_BODIES and not any(a < y and x < b for x, y in taken):
            found.append((a, b, _spelt_out(entities, m.group()) or entities.adopt(m.group())))
    return sorted(found)


def _spelt_out(entities: Entities, acronym: str) -> str:
    """The id of a body already named in full whose initials the acronym is ("EU": the European Union)."""
    for eid in sorted(entities.adopted | set(entities.labels)):  # named in full in a brief, or registered
        words = [w for w in re.findall(r"[A-Za-z]+", entities.label(eid)) if w.lower() not in ("of", "and", "the",
                                                                                                "for", "on")]
        if len(words) == len(acronym) > 1 and "".join(w[0] for w in words).upper() == acronym \
                and all(w[0].isupper() for w in words):
            return eid
    return ""


def read_facts(sentence: str, entities: Entities, carried: str = "", clause: bool = False) -> list[Fact]:
    """The facts (actions, recommendations) a sentence states, per actor; [] when none or without the extra.

    ``carried``: the actor of the sentence before (in the same paragraph), for a subject that is only
    a pronoun ("It also froze the assets of ..."). ``clause``: the text is a quoted clause, not a
    whole sentence (it has no full stop, and is no heading for that)."""
    if sentence.rstrip().endswith("?") or not clause and _heading(sentence):
        return []  # a question asserts nothing; a heading ("How Japan Can Contribute to ...") neither
    tokens = nlp.tag(sentence)
    if not tokens:
        return []
    names = _entities_at(entities, sentence)
    starts = [t.start for t in tokens]
    stops = frozenset(bisect.bisect_left(starts, m.start()) for m in WHEN_PHRASE.finditer(sentence))
    facts: list[Fact] = []
    clause_start = 0  # token index where the current clause (and so its subject) starts
    conditional = False  # inside "if ...", "unless ...", "in the event ..."
    said_from = -1  # where "said" stands before a reported clause ("Scholz said Germany would ...")
    chain: Optional[tuple[tuple[str, ...], int, str, str]] = None  # actors, subject start, kind, value of the last verb
    i = 0
    n = len(tokens)
    while i < n:
        t = tokens[i]
        if t.tag in BREAK_TAGS and t.text not in ("(", ")"):
            if t.text in (";", ":", ".") or t.tag == ".":
                chain = None
            clause_start = i + 1
            conditional = conditional and t.text == ","  # "If X, Y did": the comma ends the condition
            if t.text == ",":
                conditional = False
            i += 1
            continue
        if t.lemma in CLAUSE_WORDS and t.tag in ("IN", "WDT", "WP", "CC", "RB") or _condition_at(tokens, i):
            clause_start = i + 1
            conditional = t.lemma in ("if", "unless") or _condition_at(tokens, i)
            if t.lemma not in ("but", "as", "after", "before", "since"):  # mostly prepositions: the subject holds
                chain = None
            i += 1
            continue
        if conditional:  # "if Russia invades Ukraine", "in the event Russia invades": nothing is asserted
            i += 1
            continue
        if not (t.verb or t.tag == "MD") or not _predicate(tokens, i, chain is not None):
            i += 1
            continue
        # The whole verb group: auxiliaries and frames before the action verb ("has not", "refused to join").
        j = _action_verb(tokens, i)
        if j is None:
            judged = _assessment(sentence, names, tokens, clause_start, i)
            if judged is not None:
                facts.append(judged)
            i += 1
            continue
        verb = tokens[j]
        coordinated = chain is not None and _coordinated(tokens, clause_start, i)
        region = sentence[tokens[clause_start].start:verb.start] if clause_start < n else ""
        if coordinated:
            actors, subject_start, kind0, value0 = chain  # type: ignore[misc]
            own = sentence[tokens[i - 1].end if i else 0:verb.start]
            kind, value = modality(own, sentence[tokens[i].start:verb.start])
            if kind == "fact" and value == "yes" and not own.strip(" ,and"):
                kind, value = kind0, value0  # "should condemn ... and join": the second verb shares the modal
            start = tokens[i].start
        else:
            actors, subject_start = _actors(sentence, names, tokens, clause_start, i)
            if not actors:
                actors, subject_start = _fronted(sentence, names, tokens, clause_start, i)
            before = sentence[tokens[clause_start].start:tokens[i].start] if clause_start < n else ""
            if not actors and carried and (_PRONOUN.fullmatch(before) or clause and i == 0):
                # "It also froze ..."; a quoted clause that starts at its verb ("joined the sanctions against
                # Russia", the second of two coordinated actions) is the drafted actor's
                actors, subject_start = (carried,), tokens[clause_start].start
            inner = _embedded(tokens, i, j)
            if inner is not None:  # "stopped short of confirming whether Japan would join": Japan joins
                embedded, _ = _actors(sentence, names, tokens, inner, _group_start(tokens, inner, j))
                actors = embedded or actors
            kind, value = modality(sentence[said_from:verb.start] if said_from >= 0 else region,
                                   sentence[tokens[i].start:verb.start] if i < j else "")
            said_from = -1
            # The quote holds the whole clause, so that the frame that gives the value is read with it.
            start = min(subject_start, tokens[clause_start].start) if clause_start < n else subject_start
            if kind == "fact" and ADVICE_FRAME.search(sentence, 0, tokens[clause_start].start if clause_start < n
                                                       else len(sentence)):
                kind, value = "recommendation", "oppose" if NEGATION.search(region) else "support"
                start = 0  # "We recommend that Japan ..."
        if verb.tag == "VBN" and any(tokens[k].lemma == "be" for k in range(i, j)):
            # "will be considered", "were imposed": the subject is what undergoes the action. With its
            # actor named after "by" ("The restart was approved by the regulator") it is read the other
            # way round; without one it is left for a person.
            passive = _passive(sentence, names, tokens, clause_start, i, j, kind, value)
            if passive is not None:
                facts.append(passive)
            chain = None
            i = j + 1
            continue
        if verb.lemma in SAYING | {"say", "tell", "note", "add", "warn", "insist", "claim"} and j + 1 < n \
                and tokens[j + 1].tag in ("NNP", "NNPS") and verb.lemma not in ("decide", "commit"):
            # "Scholz said Germany would not deliver ...": what is said is a clause of its own, and what it
            # says "would" happen is a decision reported, not a forecast (factwords.COMMITTED)
            chain = None
            clause_start = j + 1
            said_from = tokens[j].start
            i = j + 1
            continue
        if verb.lemma in PREVENTING:  # "has prevented Japan and Russia from ever signing a peace treaty"
            kept = _kept_from(sentence, names, tokens, j, stops)
            if kept:
                facts.extend(kept)
                chain = None
                i = j + 1
                continue
        end_index = _object_end(tokens, j, stops)
        if actors and verb.lemma not in NOT_ACTIONS and verb.lemma not in AUX and end_index > j + 1:
            obj = tokens[j + 1:end_index]
            o_start, o_end = obj[0].start, obj[-1].end
            others = tuple(dict.fromkeys(e for a, b, e in names if a >= o_start and b <= o_end and e not in actors))
            in_names = [(a, b) for a, b, _ in names]
            words, shown, scope, nouns = [], [], [], []
            for n_obj, tok in enumerate(obj):
                if any(a <= tok.start < b for a, b in in_names):
                    continue
                low = tok.text.lower()
                if (low in SCOPE or tok.lemma in SCOPE) and tok.tag[:2] in ("JJ", "DT", "VB", "PD", "RB"):
                    scope.append(low if low in SCOPE else tok.lemma)
                elif tok.lemma in IDLE:
                    continue
                elif tok.lemma in MORE or tok.text.lower() in MORE:
                    if "+more" not in nouns:
                        nouns.append("+more")
                elif tok.lemma in TIME or tok.tag == "CD" or not re.match(r"[A-Za-z]", tok.text):
                    continue  # "on Friday", "in 2014", "last week": when, not what
                elif tok.tag[:2] in ("NN", "JJ", "VB") and tok.lemma not in AUX:
                    words.append(tok.lemma)
                    shown.append(tok.text)
                    if (tok.noun or tok.verb and n_obj and obj[n_obj - 1].tag in ("IN", "DT", "PRP$")) \
                            and tok.lemma not in VAGUE_NOUNS:
                        nouns.append(tok.text.lower() if tok.verb else tok.lemma)  # "exports of maize" (VBP)
            last = len(obj)
            while last > 1 and (obj[last - 1].lemma in TIME or obj[last - 1].tag in ("CD", "IN", "DT", "RB")
                                or obj[last - 1].lemma in ("this", "that")):
                last -= 1  # "... on Friday", "earlier this year": the question leaves the time out
            object_text = sentence[o_start:obj[last - 1].end]
            head = _head_noun(obj)
            if verb.lemma in DELIBERATING and kind == "fact" and value == "yes":
                value = "undecided"  # "is considering the resale of LNG": not decided either way
            light = verb.lemma in LIGHT_VERBS or verb.lemma in DELIBERATING and kind == "fact"
            if light and head in BAN_NOUNS or (light or verb.lemma == "join") and head in MEASURE_NOUNS:
                # "imposed a ban on coal" is "banned coal"; "announced sanctions" and "joined the sanctions"
                # are "imposed sanctions"; "is considering a ban on coal imports" and "is weighing
                # restrictions on seafood" are undecided about banning and imposing them
                if verb.lemma in DELIBERATING:
                    value = "undecided"
                action = "ban" if head in BAN_NOUNS else "impose"
                verb = nlp.Token(verb.text, verb.start, verb.end, "VB", action)
                if action == "ban" and head in nouns:
                    nouns.remove(head)  # "a ban on coal imports" is about coal imports
                    if head in words:
                        k = words.index(head)
                        words, shown = words[:k] + words[k + 1:], shown[:k] + shown[k + 1:]
            if words or others:
                for actor in actors:
                    facts.append(Fact(actor, actors, verb.lemma, start, o_end, o_start, o_end, kind, value,
                                      tuple(words), tuple(shown), tuple(scope), others, object_text,
                                      tuple(nouns)))
        chain = (actors, start, kind, value) if actors else None
        i = end_index
    return facts


def _passive(sentence: str, names: list[tuple[int, int, str]], tokens: list[nlp.Token], clause_start: int,
             i: int, j: int, kind: str, value: str) -> Optional[Fact]:
    """"X was banned by Y": Y's action on X, when "by" and a name follow the verb at once."""
    n = len(tokens)
    if j + 2 >= n or tokens[j + 1].lemma != "by" or clause_start >= i:
        return None
    agent = next(((a, b, e) for a, b, e in names if a >= tokens[j + 2].start and a <= tokens[min(j + 3, n - 1)].start),
                 None)
    if agent is None:
        return None
    subject = tokens[clause_start:i]
    inside = [(a, b) for a, b, _ in names]
    nouns = [x.lemma for x in subject if x.noun and x.lemma not in TIME and x.lemma not in IDLE
             and not any(a <= x.start < b for a, b in inside)]
    if not nouns:
        return None
    others = tuple(dict.fromkeys(e for a, b, e in names if subject[0].start <= a and b <= subject[-1].end
                                 and e != agent[2]))
    lo, hi = subject[0].start, subject[-1].end
    return Fact(agent[2], (agent[2],), tokens[j].lemma, lo, agent[1], lo, hi, kind, value, tuple(nouns),
                tuple(x.text for x in subject if x.noun), (), others, sentence[lo:hi], tuple(nouns))


PREVENTING = frozenset({"prevent", "stop", "keep", "bar", "block", "deter", "discourage", "prohibit"})


def _kept_from(sentence: str, names: list[tuple[int, int, str]], tokens: list[nlp.Token], j: int,
               stops: frozenset[int]) -> list[Fact]:
    """"X prevented Japan and Russia from signing a treaty": Japan and Russia did not sign one (whoever
    X is). The names must follow the verb at once, then "from" and the verb of what did not happen."""
    n = len(tokens)
    k = j + 1
    actors: list[str] = []
    start = tokens[j].start  # the quote holds "prevented": it is what says "no"
    while k < n and tokens[k].tag in ("NNP", "NNPS", "CC", "DT"):
        for a, b, e in names:
            if a <= tokens[k].start < b and e not in actors:
                actors.append(e)
        k += 1
    if not actors or k + 1 >= n or tokens[k].lemma != "from":
        return []
    k += 1
    while k < n and tokens[k].tag == "RB":
        k += 1
    if k >= n or tokens[k].tag != "VBG":
        return []
    end = _object_end(tokens, k, stops)
    obj = [t for t in tokens[k + 1:end] if t.noun and t.tag not in ("NNP", "NNPS") and t.lemma not in TIME]
    if not obj:
        return []
    o_start, o_end = tokens[k + 1].start, tokens[end - 1].end
    nouns = tuple(t.lemma for t in obj)
    others = tuple(dict.fromkeys(e for a, b, e in names if a >= o_start and b <= o_end and e not in actors))
    return [Fact(actor, tuple(actors), tokens[k].lemma, start, o_end, o_start, o_end, "fact", "no", nouns,
                 tuple(t.text for t in obj), (), others, sentence[o_start:o_end], nouns) for actor in actors]


def _head_noun(obj: list[nlp.Token]) -> str:
    """The lemma of the last noun of the object's first run of nouns ("export bans on items": ban)."""
    head = ""
    for t in obj:
        if t.noun and t.tag not in ("NNP", "NNPS"):
            head = t.lemma
        elif head and t.tag not in ("JJ",):
            break
    return head


def _assessment(sentence: str, names: list[tuple[int, int, str]], tokens: list[nlp.Token], clause_start: int,
                i: int) -> Optional[Fact]:
    """A judgement in words of degree: "Japan's response in 2014 was mild", "The Japanese reaction was
    relatively severe". The subject is a noun of a named country or body (its possessive or adjective);
    the value is the degree's class (mild, severe); a negated degree ("not severe") is left alone."""
    t = tokens[i]
    if t.lemma != "be" or t.tag not in ("VBD", "VBZ", "VBP") or clause_start >= i:
        return None
    k = i + 1
    while k < len(tokens) and tokens[k].tag == "RB" and tokens[k].lemma not in ("not", "never", "n't"):
        k += 1
    if k >= len(tokens) or tokens[k].tag != "JJ" or SCOPE.get(tokens[k].lemma) not in ("mild", "severe"):
        return None
    if k + 1 < len(tokens) and tokens[k + 1].tag in ("TO", "IN"):
        return None  # "is weak on ...", "was strong enough to ...": not a judgement of the subject itself
    subject = tokens[clause_start:i]
    lo, hi = subject[0].start, subject[-1].end
    inside = [(a, b, e) for a, b, e in names if lo <= a and b <= hi]
    nouns = [x for x in subject if x.noun and x.tag not in ("NNP", "NNPS") and x.lemma not in TIME
             and not any(a <= x.start < b for a, b, _ in inside)]
    if not inside or not nouns or not nouns[0].lemma in ASSESSED:
        return None
    actor = inside[0][2]
    others = tuple(dict.fromkeys(e for _, _, e in inside[1:] if e != actor))
    words = tuple(x.lemma for x in nouns)
    return Fact(actor, (actor,), "be", lo, tokens[k].end, lo, hi, "assessment", SCOPE[tokens[k].lemma], words,
                tuple(x.text for x in nouns), (tokens[k].lemma,), others, sentence[lo:hi], words)


def _condition_at(tokens: list[nlp.Token], i: int) -> bool:
    """ "event" in "in the event (that)", "case" in "in case": a condition starts after it."""
    return tokens[i].lemma in ("event", "case") and i >= 1 and tokens[i - 1].lemma in ("the", "in") and (
        i + 1 < len(tokens) and tokens[i + 1].tag not in ("IN", "TO"))


def _heading(sentence: str) -> bool:
    """Title case without a full stop: most longer words capitalised."""
    if re.search(r"[.!?:;\"\u201d')]\s*$", sentence):
        return False
    words = [w for w in re.findall(r"[A-Za-z][A-Za-z'-]*", sentence) if len(w) > 3]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.7 * len(words)


def _predicate(tokens: list[nlp.Token], i: int, in_chain: bool) -> bool:
    """Whether the verb at ``i`` heads a verb group (not a participle used as an adjective: "designated
    persons", "frozen assets", nor a participle clause: ", calling it ...")."""
    t = tokens[i]
    prev = tokens[i - 1] if i else None
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    if prev is not None and prev.verb and (prev.lemma in AUX or prev.lemma in FRAMES) and t.tag in ("VBN", "VBG"):
        return False  # part of the group that started before
    if prev is not None and prev.tag == "TO" and i >= 3 and tokens[i - 3].lemma == "for" and tokens[i - 2].noun:
        return True  # "it would be a mistake for Japan to divert aid"
    if prev is not None and prev.tag in ("MD", "TO") or prev is not None and prev.lemma in ("not", "never"):
        return False  # "would join", "to join": the group starts at the modal (handled by the caller's scan)
    if t.tag == "MD":
        return True
    if t.tag == "VBG":
        return False  # "calling it ...", "excluding banks": a participle clause, not a statement of its own
    if t.tag == "VBN":
        if nxt is not None and nxt.tag[:2] in ("NN", "JJ") and (prev is None or prev.tag in ("DT", "JJ", "PRP$", "IN",
                                                                                          "CD", "POS", "CC", "VBD",
                                                                                          "VBN", "VBZ", "VBP")):
            if not (prev is not None and prev.tag == "CC" and in_chain):
                return False  # "selected Russian banks", "the frozen assets"
        if prev is not None and prev.text == "," and nxt is not None and nxt.tag in ("DT", "PRP$", "NNS", "NN"):
            return True  # "Japan, in a statement, condemned the attack": a participle takes no object
        return prev is not None and (prev.tag.startswith(("NN", "PRP")) or prev.tag in ("RB", "CC")
                                     or prev.lemma in AUX)
    return True


def _action_verb(tokens: list[nlp.Token], i: int) -> Optional[int]:
    """The index of the action verb of the group starting at ``i``: past auxiliaries, modals, "not",
    and frames ("refused to", "stopped short of confirming whether X would", "is considering")."""
    j = i
    n = len(tokens)
    for _ in range(12):
        t = tokens[j]
        k = j + 1
        while k < n and (tokens[k].tag in ("RB", "MD", "TO") or tokens[k].lemma in ("not", "n't")
                         or tokens[k].text in ("n", "'", "\u2019", "t")
                         or t.lemma == "rule" and tokens[k].lemma == "out"):
            k += 1
        nxt = tokens[k] if k < n else None
        if t.tag == "MD" or (t.verb and (t.lemma in AUX or t.lemma in FRAMES)):
            if nxt is not None and nxt.verb:
                j = k
                continue
            if t.lemma == "stop" and nxt is not None and nxt.lemma == "short":  # "stopped short of confirming"
                m = k + 1
                if m < n and tokens[m].lemma == "of" and m + 1 < n and tokens[m + 1].verb:
                    j = m + 1
                    continue
            if nxt is not None and t.lemma in SAYING | {"deny"} and nxt.tag in ("IN", "NNP") and nxt.lemma != "that":
                m = k  # "announced on Monday that ...": past a short time phrase
                while m < n and m - k < 4 and tokens[m].tag in ("IN", "NNP", "CD", "DT", "NN") \
                        and tokens[m].lemma not in ("that", "whether"):
                    m += 1
                if m < n and tokens[m].lemma in ("that", "whether"):
                    k, nxt = m, tokens[m]
            if nxt is not None and t.lemma in SAYING | HEDGING | {"deny"} and (
                    nxt.lemma in ("whether", "that") or nxt.tag == "PRP" and nxt.lemma in ("it", "they")):
                # "confirming whether Japan would join": the action is the embedded one
                m = k + 1
                while m < n and not tokens[m].verb and tokens[m].tag not in BREAK_TAGS:
                    m += 1
                if m < n and tokens[m].verb:
                    j = m
                    continue
            if t.lemma in AUX or t.tag == "MD":
                return None if not t.verb or t.lemma in AUX else j
        return j if t.verb else None
    return None


def _embedded(tokens: list[nlp.Token], i: int, j: int) -> Optional[int]:
    """The index after "whether"/"that" inside the verb group i..j, if the group embeds a clause."""
    for k in range(j - 1, i, -1):
        if tokens[k].lemma in ("whether", "that", "if"):
            return k + 1
    return None


def _group_start(tokens: list[nlp.Token], lo: int, j: int) -> int:
    """The first modal, auxiliary or verb from ``lo`` on (the embedded verb group)."""
    for k in range(lo, j + 1):
        if tokens[k].tag == "MD" or tokens[k].verb:
            return k
    return j


def _coordinated(tokens: list[nlp.Token], clause_start: int, i: int) -> bool:
    """Whether the verb at ``i`` continues the previous verb's subject ("... and joined")."""
    k = i - 1
    while k >= clause_start and tokens[k].tag in ("RB", "MD") or (k >= 0 and tokens[k].lemma in AUX
                                                                  and tokens[k].verb and k >= clause_start):
        k -= 1
    return k >= 0 and tokens[k].tag == "CC" and tokens[k].lemma in ("and", "or", "but")


def _actors(sentence: str, names: list[tuple[int, int, str]], tokens: list[nlp.Token], clause_start: int,
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
        for t in tokens[bisect.bisect_left(starts, b):bisect.bisect_left(starts, hi)]:
            if any(x <= t.start < y for x, y, _ in inside):
                continue  # another name: "Japan and South Korea"
            low = t.text.lower()
            if t.text in ("'s", "\u2019s", "'", "\u2019") or t.tag == "POS":
                possessive = True
            elif low in HEADS or t.tag in ("RB", "CC") or low in ("both", "itself", "too", "s"):
                head_seen = head_seen or low in HEADS
                continue
            elif head_seen and t.tag.startswith("NN") and t.text[:1].isupper():
                continue  # "Japanese Prime Minister Fumio Kishida condemned": the country's leader speaks for it
            elif t.tag == "TO" and re.search(r"\bfor\s+$", before):
                continue
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


_PRONOUN = re.compile(r"\s*(?:It|They)(?:\s+(?:also|too|then|later|further|subsequently))?\s*")


def _fronted(sentence: str, names: list[tuple[int, int, str]], tokens: list[nlp.Token], clause_start: int,
             i: int) -> tuple[tuple[str, ...], int]:
    """The subject before a parenthesis set off by a comma: "Japan, in its statement after the invasion,
    condemned ..." and "Japan in its press statement after the invasion of Ukraine, strongly condemned ...".
    Only a name that opens the sentence (or a clause after ";") and is followed by a preposition."""
    if clause_start == 0 or tokens[clause_start - 1].text != ",":
        return (), tokens[i].start if i < len(tokens) else len(sentence)
    k = clause_start - 1
    while k > 0 and tokens[k - 1].text not in (";", ":") and tokens[k - 1].tag != ".":
        k -= 1
    head = tokens[k].start
    for a, b, e in names:
        if a == head or (a > head and not sentence[head:a].strip(" ,").lower() in ("", "the")):
            if a != head and sentence[head:a].strip().lower() != "the":
                continue
            rest = sentence[b:tokens[clause_start - 1].start]
            if re.match(r"\s*,?\s*(?:in|at|on|after|during|with|for|through|like|unlike|as)\b", rest, re.I):
                return (e,), a
    return (), tokens[i].start


def _to_verb(tokens: list[nlp.Token], pos: int) -> bool:
    """Whether "to" and a verb follow offset ``pos`` ("for Japan to divert")."""
    k = bisect.bisect_left([t.start for t in tokens], pos)
    after = tokens[k:k + 2]
    return len(after) == 2 and after[0].tag == "TO" and after[1].verb


def _object_end(tokens: list[nlp.Token], j: int, stops: frozenset[int] = frozenset()) -> int:
    """The index after the verb's object: up to a clause break, a relative word, a coordinated verb or a
    phrase of time (``stops``: token indices where one starts)."""
    n = len(tokens)
    k = j + 1
    while k < n and k - j <= MAX_OBJECT_TOKENS:
        t = tokens[k]
        if k in stops and k > j + 1:
            break
        if t.tag in BREAK_TAGS or t.lemma in ("which", "who", "while", "whereas", "but", "because", "although",
                                                "though", "as", "after", "when", "since", "if", "unless",
                                                "that", "whether", "until", "till", "once", "before", "so",
                                                "despite", "amid", "according", "what", "where", "how"):
            break
        if t.noun and t.lemma in TIME and k > j + 1 and k + 1 < n and tokens[k + 1].tag in ("IN", "RB", "RBR"):
            break  # "... hours after the discharge", "days later"
        if t.tag == "IN" and k > j + 1 and any(tokens[m].lemma in TIME and tokens[m].noun
                                                for m in range(k + 1, min(k + 3, n))):
            break  # "... on the day of the first discharge", "in recent weeks": when, not what
        if t.lemma == "in" and any(_condition_at(tokens, m) for m in range(k + 1, min(k + 3, n))):
            break  # "... in the event Russia invades": a condition, not the object
        if t.lemma in ("following", "amid", "due", "ahead", "despite") or (
                t.lemma == "in" and k + 1 < n and tokens[k + 1].lemma in ("response", "line", "addition", "order",
                                                                           "exchange", "return", "retaliation")):
            break  # "sanctions against Russia in response to ...": the reason is not the object
        if t.tag == "CC" and k + 1 < n:
            m = k + 1
            while m < n and (tokens[m].tag in ("RB", "MD") or tokens[m].lemma in AUX and tokens[m].verb
                             and m + 1 < n and tokens[m + 1].verb):
                m += 1
            if m < n and tokens[m].verb and tokens[m].tag in ("VBD", "VBN", "VBZ", "VBP", "VB"):
                break  # "... and joined the sanctions": a coordinated verb
            m = k + 1
            while m < n and tokens[m].tag in ("NNP", "NNPS", "DT", "PRP", "NNS", "NN") and m - k <= 4:
                m += 1
            if m > k + 1 and m < n and (tokens[m].tag in ("VBD", "VBZ", "VBP", "MD")):
                break  # "... invade Ukraine and Japan had to shift": a new clause with its own subject
        if t.tag in ("VBD", "VBZ", "VBP") and k > j + 1 and tokens[k - 1].tag not in ("IN", "DT", "JJ", "PRP$", "TO"):
            break  # a new finite verb (a relative clause without "which"); after "of" it is a mis-tagged noun
        k += 1
    return k
