"""Actions written as nouns: "the UK's closure of English waters", "China's ban on gallium exports",
"Japan's decision to restart the reactor", "its suspension of budget support".

A possessive names who acted, and English presupposes what a possessed action noun names: "the
tribunal found the UK's closure disproportionate" and "nobody welcomed China's ban on gallium" both
say that the UK closed the waters and China banned gallium. So ``noun_actions`` drafts such a noun
as a fact (``yes``) of its possessor, whatever verb the sentence hangs it on:

- the possessor is a name ("China's"), a person or office (``factsubjects``: "Governor Hanazumi's"),
  or "its"/"their" for the actor the sentence (or the one before) is about;
- the noun is an action when a verb of the same word ("ban", "restart") or of its stem ("closure":
  close, "suspension": suspend, "approval": approve, lemminflect's verb table) exists, and a
  complement says what it acts on ("of", "on", "against"; "to" and a verb for "decision to restart");
- a noun that says the action may come ("a possible ban", "its planned withdrawal") is left alone.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from briefcmp.analysis import nlp
from briefcmp.analysis.entities import Entities
from briefcmp.analysis.factobjects import Fact, object_end, object_words
from briefcmp.analysis.factsubjects import Context, _countries, office_actor
from briefcmp.analysis.factwords import BREAK_TAGS, SCOPE, TIME

# Nouns with a verb of their own that name a state, share or view, not an action taken.
STATE_NOUNS = frozenset("""position relation relations situation condition opinion nation question region population
tradition portion version function session mission commission vision share view stance role interest need use
lead record state standing account stake hold border rule power part place face right claim instrument""".split())
# Words before an action noun that say it has not happened.
NOT_YET = frozenset("possible proposed planned potential threatened expected rumoured rumored mooted future any "
                    "would-be prospective hypothetical".split())
COMPLEMENTS = frozenset({"of", "on", "against"})
_COUNTRY_NOUNS = frozenset({"country", "nation"})
# Verbs whose noun takes what it acts on after another preposition: "withdrawal from the treaty" (withdrew from
# it), "exit from the bloc", "accession to the alliance" (acceded to it).
_FROM_VERBS = frozenset("withdraw depart exit secede retreat".split())
_TO_VERBS = frozenset({"accede"})
# Verbs that undo the action a noun names ("reversed its decision to close the embassy", "lifted its ban").
CANCELLING = frozenset("""reverse lift scrap revoke withdraw cancel abandon drop end rescind repeal overturn undo
annul halt suspend""".split())
# Nouns whose "to" and verb name the action ("decision to restart", "plan to withdraw").
TO_NOUNS = frozenset({"decision", "move", "refusal", "agreement", "commitment", "pledge", "bid", "attempt",
                      # the nouns of directing ("Ruritania's order to close the port", "its instruction to suspend
                      # exports"): what the verbs of directing (``factwords.DIRECTING``) read through, as nouns
                      "order", "instruction", "directive"})
_SUFFIXES = (("ure", ("e", "")), ("ession", ("ede",)), ("sion", ("d", "de", "t", "")), ("ition", ("e", "it")), ("ation", ("e", "")),
             ("tion", ("t", "te", "ce", "")), ("al", ("e", "")), ("ment", ("",)), ("ance", ("", "e")))


@lru_cache(maxsize=4096)
def verb_of(noun: str) -> str:
    """The verb an action noun names ("closure": close, "suspension": suspend, "ban": ban), or ""."""
    noun = noun.lower()
    if noun in STATE_NOUNS or len(noun) < 3:
        return ""
    for suffix, endings in _SUFFIXES:
        if noun.endswith(suffix) and len(noun) > len(suffix) + 2:
            stem = noun[: -len(suffix)]
            for ending in endings:
                if nlp.is_verb_base(stem + ending):
                    return stem + ending
    return noun if nlp.is_verb_base(noun) else ""


def _date_end(tokens: list[nlp.Token], k: int, of: bool = False) -> int:
    """The index after a phrase of date "on"/"in" at ``k`` opens ("on 17 March", "in May 2024"); ``k`` for none.
    ``of``: "of" opens one too ("the decision of 2 May to cut trade": a decision's date, before its "to")."""
    if k >= len(tokens) or tokens[k].lemma not in (("on", "in", "of") if of else ("on", "in")):
        return k
    m = k + 1
    while m < len(tokens) and (tokens[m].tag == "CD" or re.fullmatch(r"[0-9]{1,4}", tokens[m].text)
                               or tokens[m].lemma in TIME and tokens[m].lemma not in ("last", "next", "past")):
        m += 1
    return m if m > k + 1 else k


def action_at(tokens: list[nlp.Token], k: int) -> Optional[tuple[str, int, int]]:
    """For a possessive ending before token ``k``: (verb, index of the action noun, index where its object
    starts), when tokens from ``k`` are an action noun and its complement; else None."""
    n = len(tokens)
    m = k
    while m < n and tokens[m].tag in ("JJ", "RB", "VBN") and tokens[m].lemma not in NOT_YET:
        m += 1
    if m >= n or m + 1 >= n or not (tokens[m].noun or tokens[m].lemma in TO_NOUNS) or tokens[m].tag in ("NNP", "NNPS"):
        return None  # (after a possessive a word is a noun, whatever the tagger says: "Ruritania's order to close")
    if any(t.text.lower() in NOT_YET for t in tokens[k:m + 1]):
        return None
    noun, after = tokens[m], tokens[m + 1]
    dated = _date_end(tokens, m + 1)  # "decision on 17 March to sever ...", "accession on 4 April"
    to = _date_end(tokens, m + 1, of=True)  # "decision of 20 December to close"
    if noun.lemma in TO_NOUNS and to + 1 < n and tokens[to].tag == "TO" and tokens[to + 1].verb:
        return tokens[to + 1].lemma, m, to + 2  # "decision to restart": restart, and its object
    if dated > m + 1:
        return None  # "Finland's accession on 4 April": a date, not what the act is on
    verb = verb_of(noun.lemma)
    if after.lemma not in COMPLEMENTS and not (after.lemma == "from" and verb in _FROM_VERBS
                                               or after.lemma == "to" and verb in _TO_VERBS):
        return None
    if after.lemma not in COMPLEMENTS:  # the object holds its preposition, as the verb's does ("withdrew from")
        return (verb, m, m + 1) if verb else None
    return (verb, m, m + 2) if verb else None


_OPENERS = frozenset({"DT", "NNP", "NNPS", "PRP", "PRP$", "NN", "NNS", "CD", "JJ"})


def _before_predicate(tokens: list[nlp.Token], lo: int, hi: int) -> int:
    """Where the object of an action noun ends before the sentence's own verb: a possessed action noun is often
    the subject ("Japan's withdrawal from the treaty angered Russia": the treaty, not "the treaty angered Russia").
    A finite verb after a noun, or a past form after a noun with an object of its own (the tagger reads
    "angered" there as a participle), is that verb."""
    for k in range(lo + 1, hi):
        t, prev = tokens[k], tokens[k - 1]
        if not prev.noun:
            continue
        if t.tag in ("VBD", "VBZ", "VBP", "MD") or t.tag == "VBN" and k + 1 < len(tokens) \
                and tokens[k + 1].tag in _OPENERS:
            return k
    return hi


def noun_actions(sentence: str, names: list[tuple[int, int, str]], tokens: list[nlp.Token], entities: Entities,
                  context: Optional[Context], pronoun_actor: str, stops: frozenset[int], taken: list[Fact]
                  ) -> list[Fact]:
    """Actions written as nouns after a possessive ("the UK's closure of English waters", "its suspension of
    aid"): a fact of the possessor each (``factnouns``)."""
    out: list[Fact] = []
    n = len(tokens)
    for p, t in enumerate(tokens):
        if t.tag == "POS" and p + 1 < n and tokens[p + 1].text == "s":
            k, end_of_owner = p + 2, t.start
        elif t.text in ("'s", "\u2019s"):
            k, end_of_owner = p + 1, t.start
        elif t.tag == "PRP$" and t.lemma in ("its", "their") and pronoun_actor:
            k, end_of_owner = p + 1, -1
        else:
            continue
        found = action_at(tokens, k)
        if found is None:
            continue
        verb, noun_at, obj_from = found
        if end_of_owner < 0:
            actor, q_start = pronoun_actor, t.start
        else:
            owner = next(((a, e) for a, b, e in names if b == end_of_owner), None)
            if owner is None and p >= 2 and pronoun_actor in _countries() and tokens[p - 1].lemma in _COUNTRY_NOUNS \
                    and tokens[p - 2].lemma == "the":
                owner = (tokens[p - 2].start, pronoun_actor)  # "the country's withdrawal": the country last named
            if owner is None:
                lo = p
                while lo > 0 and tokens[lo - 1].tag in ("NNP", "NNPS"):
                    lo -= 1
                if lo == p and p >= 2 and tokens[p - 1].tag == "NN" and tokens[p - 2].lemma == "the":
                    lo = p - 2  # "the emir's dissolution of the assembly": an office (``office_actor`` says which)
                who = office_actor(tokens, lo, p, names, entities, context) if lo < p else ""
                owner = (tokens[lo].start, who) if who else None
            if owner is None:
                continue
            q_start, actor = owner
        before = next((x for x in reversed(tokens[:p]) if x.start < q_start and x.tag != "DT"), None)
        if before is not None and before.verb and before.lemma in CANCELLING:
            continue  # "reversed its decision to close", "lifted China's ban on": no longer so
        end = _before_predicate(tokens, obj_from, object_end(tokens, obj_from - 1, stops))
        if end <= obj_from:
            continue
        obj = tokens[obj_from:end]
        words, shown, scope, nouns, others, object_text = object_words(sentence, obj, names, (actor,))
        scope = [x.lemma for x in tokens[k:noun_at] if x.lemma in SCOPE] + scope
        if not (words or others) or any(f.actor == actor and f.verb == verb and f.start < obj[-1].end
                                        and q_start < f.end for f in taken):
            continue
        out.append(Fact(actor, (actor,), verb, q_start, obj[-1].end, obj[0].start, obj[-1].end, "fact", "yes",
                        tuple(words), tuple(shown), tuple(scope), others, object_text, tuple(nouns)))
    return out


def listed_actions(sentence: str, names: list[tuple[int, int, str]], tokens: list[nlp.Token], k: int, actor: str,
                   kind: str, value: str, stops: frozenset[int]) -> list[Fact]:
    """The actions listed from token ``k`` on after "including" or "in addition to" ("imposed sanctions,
    including the suspension of visas, freezing the assets of officials and a ban on bonds"): each an action
    noun with its complement or a verb in -ing with its object, a fact of ``actor`` with the given value."""
    out: list[Fact] = []
    n = len(tokens)
    while k < n and len(out) < 8:
        while k < n and (tokens[k].tag == "DT" or tokens[k].lemma in ("and", "or", "as", "well")):
            k += 1
        if k >= n:
            break
        if tokens[k].tag == "VBG":  # "freezing the assets of ..."
            verb, item, obj_from = tokens[k].lemma, k, k + 1
        else:
            found = action_at(tokens, k)
            if found is None:
                break
            verb, item, obj_from = found
        end = object_end(tokens, obj_from - 1, stops)
        for m in range(obj_from + 1, end):  # the next item starts the next action ("... and the suspension of")
            if tokens[m].text == "," or tokens[m].lemma in ("and", "or"):
                nxt = m + 1 + (m + 1 < n and tokens[m + 1].tag == "DT")
                if nxt < n and (tokens[nxt].tag == "VBG" or action_at(tokens, nxt) is not None):
                    end = m
                    break
        if end <= obj_from:
            break
        obj = tokens[obj_from:end]
        words, shown, scope, nouns, others, object_text = object_words(sentence, obj, names, (actor,))
        scope = [x.lemma for x in tokens[k:item] if x.lemma in SCOPE] + scope
        first = k - 1 if k and tokens[k - 1].tag == "DT" else k  # the quote holds the article: "a ban on ..."
        if words or others:
            out.append(Fact(actor, (actor,), verb, tokens[first].start, obj[-1].end, obj[0].start, obj[-1].end, kind,
                            value, tuple(words), tuple(shown), tuple(scope), others, object_text, tuple(nouns)))
        k = end
        while k < n and tokens[k].text in ("(", ")") or k < n and tokens[k].text == "," and k + 1 < n \
                and tokens[k + 1].tag in BREAK_TAGS:
            k += 1
        if k >= n or not (tokens[k].text == "," or tokens[k].lemma in ("and", "or")):
            break
        k += 1
    return out


# Verbs that take a side on what follows "for" or "against" ("argued against a cap on exports", "called for a review
# of aid", "campaigned for a
# ban on short-term rentals", "warned against a freeze on wages"): a closed class of verbs of advocacy. ("vote" is
# read by ``factclauses.vote_sides``.)
ADVOCATING = frozenset("argue campaign lobby push press plead advocate speak warn caution call".split())


def _passive_wanted(tokens: list[nlp.Token], k: int) -> Optional[tuple[int, bool, nlp.Token]]:
    """After "for" at ``k - 1``: (index of "to", negated, the participle) when a noun phrase, then "(not) to be"
    and a participle follow ("for the sanctions to be lifted", "for the law not to be applied"); else None."""
    n = len(tokens)
    m = k
    while m < n and m - k < 8 and (tokens[m].tag in ("DT", "PRP$", "JJ", "NN", "NNS", "NNP", "NNPS", "CD", "POS")
                                   or tokens[m].lemma in ("of", "on", "from", "with") and m > k):
        m += 1
    if m == k or not tokens[m - 1].noun or m + 2 >= n:
        return None
    negated = tokens[m].lemma == "not"
    to = m + negated
    if to + 2 >= n or tokens[to].tag != "TO" or tokens[to + 1].lemma != "be" or tokens[to + 2].tag not in ("VBN",
                                                                                                         "VBD"):
        return None
    return m, negated, tokens[to + 2]


def advocated(sentence: str, names: list[tuple[int, int, str]], tokens: list[nlp.Token], j: int,
              actors: tuple[str, ...], start: int, stops: frozenset[int]) -> list[Fact]:
    """A position on the action a noun names after a verb of advocacy and "for"/"against"/"in favour of" ("has
    argued against a cap on exports": oppose capping exports), one per actor; [] for another shape."""
    n = len(tokens)
    if tokens[j].lemma not in ADVOCATING:
        return []
    k = j + 1
    while k < n and tokens[k].tag in ("RP", "RB") and tokens[k].lemma not in ("for", "against"):
        k += 1  # "spoke out against"
    if k + 1 >= n:
        return []
    if tokens[k].lemma == "against":
        side = "oppose"
    elif tokens[k].lemma == "for":
        side = "support"
    elif tokens[k].lemma == "in" and tokens[k + 1].lemma in ("favour", "favor") and k + 2 < n \
            and tokens[k + 2].lemma == "of":
        side, k = "support", k + 2
    else:
        return []
    k += 1
    passive = _passive_wanted(tokens, k) if side == "support" else None
    if passive is not None:  # "called for the ban to be lifted": lifting the ban ("not to be": against it)
        to, not_, participle = passive
        obj = tokens[k:to]
        words, shown, scope, nouns, others, object_text = object_words(sentence, obj, names, actors)
        if not (words or others):
            return []
        return [Fact(actor, actors, participle.lemma, start, participle.end, obj[0].start, obj[-1].end,
                     "recommendation", "oppose" if not_ else "support", tuple(words), tuple(shown), tuple(scope),
                     others, object_text, tuple(nouns)) for actor in actors]
    while k < n and tokens[k].tag in ("DT", "PRP$"):
        k += 1
    found = action_at(tokens, k)
    if found is None:
        return []
    verb, noun_at, obj_from = found
    end = object_end(tokens, obj_from - 1, stops)
    if end <= obj_from:
        return []
    obj = tokens[obj_from:end]
    words, shown, scope, nouns, others, object_text = object_words(sentence, obj, names, actors)
    scope = [x.lemma for x in tokens[k:noun_at] if x.lemma in SCOPE] + scope
    if not (words or others):
        return []
    return [Fact(actor, actors, verb, start, obj[-1].end, obj[0].start, obj[-1].end, "recommendation", side,
                 tuple(words), tuple(shown), tuple(scope), others, object_text, tuple(nouns)) for actor in actors]
