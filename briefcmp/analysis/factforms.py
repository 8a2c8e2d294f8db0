"""Sentence forms that state an action in other words than "X verbed Y".

- ``passive``: "X was banned by Y" (Y's action on X); without "by", a measure is the assumed
  actor's ("imports were banned", after a sentence about Canada) unless the subject names it;
- ``kept_from``: "the dispute prevented Japan and Russia from signing a treaty" (they did not);
- ``assessment``: a judgement of degree, "Japan's response was mild";
- ``undecided_on``: "France is undecided on the extension of the ban";
- ``listing_at``: actions listed after ", including" or "in addition to";
- ``urged_to``: "we urge Ghana (not) to restructure its debt": advice to Ghana; ``plain_subject``: who urges;
- ``judged_action``: "joining the Charter is in the national interest": a position on joining;
- ``called_at``: "called the expulsions unacceptable": a condemnation;
- ``reported_subject``: "said the government would appeal": a clause reported without "that".
"""

from __future__ import annotations

import re
from typing import Optional

from briefcmp.analysis import nlp
from briefcmp.analysis.lexicon import same_action
from briefcmp.analysis.factnouns import verb_of
from briefcmp.analysis.factsubjects import GOVERNMENT_NOUNS, Context, office_actor, phrase_actor
from briefcmp.analysis.entities import Entities
from briefcmp.analysis.factobjects import Fact, object_end
from briefcmp.analysis.factwords import (
    ASSESSED, BAN_NOUNS, BREAK_TAGS, IDLE, MEASURE_NOUNS, MEASURE_VERBS, PHRASAL, SCOPE, TIME,
)

def passive(sentence: str, names: list[tuple[int, int, str]], tokens: list[nlp.Token], clause_start: int,
             i: int, j: int, kind: str, value: str, assumed: str = "", by: tuple[int, str] = (0, "")) -> Optional[Fact]:
    """"X was banned by Y": Y's action on X, when "by" and a name (or ``by``: the end and actor of another agent
    phrase) follow the verb at once; without "by", a
    measure (``MEASURE_VERBS``) is the ``assumed`` actor's when the subject does not name it."""
    n = len(tokens)
    if clause_start >= i:
        return None
    agent = None
    if j + 2 < n and tokens[j + 1].lemma == "by":
        agent = next(((a, b, e) for a, b, e in names
                      if a >= tokens[j + 2].start and a <= tokens[min(j + 3, n - 1)].start), None)
        if agent is None and by[1]:  # "by the Federal Government", "by the present plan": an office, a body, a thing
            agent = (tokens[j + 2].start, by[0], by[1])
    elif same_action(tokens[j].lemma) in MEASURE_VERBS and _owner(names, tokens, clause_start, i):
        # "Canada's countermeasures are paused": a country's own measure is paused (or lifted) by it
        owner = _owner(names, tokens, clause_start, i)
        agent = (tokens[j].start, tokens[j].end, owner)
    elif assumed and tokens[j].lemma in MEASURE_VERBS and not any(
            e == assumed for a, b, e in names if tokens[clause_start].start <= a < tokens[i].start):
        agent = (tokens[j].start, tokens[j].end, assumed)
    if agent is None:
        return None
    agents = (agent[2],)
    if j + 2 < n and tokens[j + 1].lemma == "by":  # "by France and Germany": each acts
        lo_by, hi_by = by_phrase(tokens, j)
        agents = tuple(dict.fromkeys([agent[2], *(e for a, b, e in names if tokens[lo_by].start <= a
                                                  and b <= tokens[hi_by - 1].end)])) if hi_by > lo_by else agents
        agent = (agent[0], max(agent[1], tokens[hi_by - 1].end) if len(agents) > 1 else agent[1], agent[2])
    subject = tokens[clause_start:i]
    inside = [(a, b) for a, b, _ in names]
    nouns = [x.lemma for x in subject if x.noun and x.lemma not in TIME and x.lemma not in IDLE
             and not any(a <= x.start < b for a, b in inside)]
    if not nouns:
        return None
    owner = whose_antecedent(tokens, clause_start)  # "Broken rice, whose export was banned": the export of broken rice
    nouns = [*(x.lemma for x in owner if x.lemma not in nouns), *nouns]
    others = tuple(dict.fromkeys(e for a, b, e in names if subject[0].start <= a and b <= subject[-1].end
                                 and e not in agents))
    lo, hi = (owner or subject)[0].start, subject[-1].end
    return Fact(agent[2], agents, tokens[j].lemma, lo, agent[1], lo, hi, kind, value, tuple(nouns),
                tuple(x.text for x in (*owner, *subject) if x.noun), (), others, sentence[lo:hi], tuple(nouns))


def whose_antecedent(tokens: list[nlp.Token], k: int) -> list[nlp.Token]:
    """The noun phrase a relative "whose" at ``k`` belongs to ("Broken rice, whose export ..."): its nouns and
    modifiers, read back from the comma before it ([] when ``k`` holds no "whose" after a noun phrase)."""
    if not (0 < k < len(tokens) and tokens[k].lemma == "whose" and tokens[k - 1].text == ","):
        return []
    m = k - 1
    while m > 0 and k - m < MAX_PHRASE and (tokens[m - 1].noun or tokens[m - 1].tag in ("JJ", "VBN")):
        m -= 1
    return [x for x in tokens[m:k - 1] if x.noun or x.tag in ("JJ", "VBN")] if m < k - 1 and tokens[k - 2].noun else []


MAX_PHRASE = 8


def by_phrase(tokens: list[nlp.Token], j: int) -> tuple[int, int]:
    """The token range of the agent phrase after "by" following the participle at ``j`` (up to a clause break,
    a verb or a relative word), or (0, 0) when "by" does not follow."""
    n = len(tokens)
    if not (j + 2 < n and tokens[j + 1].lemma == "by"):
        return 0, 0
    m = j + 2
    while m < n and m - j <= MAX_PHRASE and tokens[m].tag not in BREAK_TAGS and not tokens[m].verb \
            and tokens[m].lemma not in ("that", "which", "who", "because", "while", "after", "before", "since"):
        if m > j + 2 and tokens[m - 1].noun and (tokens[m].tag == "IN" and tokens[m].lemma != "of"
                                                  or tokens[m].tag == "CC" and not _conjunct_follows(tokens, m)):
            break  # "by the Senate on 21 March and signed ...": the agent is the noun phrase, not when
        m += 1
    return j + 2, m


def _conjunct_follows(tokens: list[nlp.Token], m: int) -> bool:
    """Whether the conjunction at ``m`` joins another agent ("by France and Germany"), not another verb or clause."""
    k = m + 1
    while k < len(tokens) and tokens[k].tag in ("DT", "JJ", "NNP", "NNPS", "NN", "NNS", "POS"):
        k += 1
    return k > m + 1 and (k >= len(tokens) or not tokens[k].verb)


_NP = frozenset({"DT", "JJ", "NN", "NNS", "NNP", "NNPS", "POS", "PRP$", "CD"})


def reduced_passive(sentence: str, names: list[tuple[int, int, str]], tokens: list[nlp.Token], j: int,
                    entities: Entities, context: Optional[Context]) -> Optional[Fact]:
    """"The law, signed by the president on 2 April, took effect": a participle set off by a comma after a noun
    phrase, with its agent after "by", is the agent's act on that noun phrase (None when no agent is read)."""
    n = len(tokens)
    if tokens[j].tag not in ("VBN", "VBD") or j < 3 or j + 2 >= n or tokens[j + 1].lemma != "by" \
            or tokens[j - 1].text != ",":  # (a past form right after a comma and before "by" is a participle)
        return None
    end = j - 1
    if not tokens[end - 1].noun:
        return None
    lo = end - 1
    while lo > 0 and (tokens[lo - 1].tag in _NP or tokens[lo - 1].text in ("s", "'s")) and tokens[lo - 1].text != ",":
        lo -= 1
    lo_by, hi_by = by_phrase(tokens, j)
    if hi_by <= lo_by:
        return None
    by = office_actor(tokens, lo_by, hi_by, names, entities, context) or phrase_actor(tokens, lo_by, hi_by, names,
                                                                                      entities)
    return passive(sentence, names, tokens, lo, end, j, "fact", "yes", "", (tokens[hi_by - 1].end, by) if by else
                   (0, ""))


def undergoer(sentence: str, names: list[tuple[int, int, str]], tokens: list[nlp.Token], clause_start: int, i: int,
              j: int, kind: str, value: str, entities: Entities, named: tuple[str, ...] = ()) -> Optional[Fact]:
    """A passive with no actor to be had ("Internet access has been cut since Thursday", "No gas has been
    produced", "All trade with Mali is suspended"): the thing acted on is what the statement is about, with the
    verb and its value ("undergone"); None when the subject is no plain noun phrase. ``named``: the ones the
    subject names, when it names an entity or a person ("Kiribati was not consulted", "he was charged"): they
    undergo it."""
    n = len(tokens)
    nxt = tokens[j + 1] if j + 1 < n else None
    if clause_start >= i or nxt is not None and (nxt.lemma in ("that", "whether") or nxt.tag == "TO" and j + 2 < n
                                                 and tokens[j + 2].verb):
        return None  # "is convinced that ...", "were asked to leave": a frame, what it frames is read elsewhere
    if nxt is not None and nxt.lemma == "by" and any(a >= nxt.end and a <= nxt.end + 12 for a, _, _ in names):
        return None  # "by" an actor the name rules did not resolve: whose act it is stays unknown
    lo, hi = clause_start, i
    k = lo
    while k < hi and tokens[k].tag not in ("IN", "TO"):
        k += 1
    # "Imports of timber" as a whole; "All trade with the country", "All flights to the capital": trade, flights
    thing = "" if named else phrase_actor(tokens, lo, hi, names, entities) or phrase_actor(tokens, lo, k, names,
                                                                                          entities)
    things = named or ((thing,) if thing else _conjuncts(tokens, lo, k, names, entities))
    if not things:
        return None
    thing = things[0]
    start, end = tokens[lo].start, tokens[j].end
    others = tuple(dict.fromkeys(e for a, b, e in names if tokens[lo].start <= a and b <= tokens[hi - 1].end
                                 and e not in named))
    # "are not covered by the present plan", "is closed to all flights": the phrase after the participle says by
    # what or to what (up to the clause's end), and is asked with it
    m = j + 1
    while m < n and m - j <= MAX_PHRASE and tokens[m].tag not in BREAK_TAGS and not tokens[m].verb \
            and tokens[m].lemma not in ("that", "which", "who", "because", "while", "after", "before", "since"):
        m += 1
    phrase = tokens[j + 1:m] if m > j + 2 and tokens[j + 1].tag in ("IN", "TO") and tokens[m - 1].noun else []
    nouns = tuple(t.lemma for t in phrase if t.noun and t.lemma not in TIME and t.lemma not in IDLE
                  and not any(a <= t.start < b for a, b, _ in names))
    if phrase and (nouns or others):
        end = phrase[-1].end
        others = tuple(dict.fromkeys((*others, *(e for a, b, e in names if phrase[0].start <= a < end))))
    return Fact(thing, things, tokens[j].lemma, start, end, tokens[j].start, end, kind, value, nouns,
                tuple(t.text for t in phrase if t.noun and t.lemma in nouns), (), others, sentence[tokens[j].start:end],
                nouns, undergone=True)


def _conjuncts(tokens: list[nlp.Token], lo: int, hi: int, names: list[tuple[int, int, str]],
               entities: Entities) -> tuple[str, ...]:
    """The things a subject of conjoined noun phrases names, each one ("Children and parents", "All trade and
    financial dealings"): () unless every conjunct is a phrase ``phrase_actor`` reads."""
    cuts = [m for m in range(lo + 1, hi - 1) if tokens[m].lemma == "and" and tokens[m].tag == "CC"]
    if not cuts or len(cuts) > 2 or any(t.text == "," for t in tokens[lo:hi]) or any(
            tokens[b - 1].tag not in ("NN", "NNS") for b in [*cuts, hi]):
        return ()  # "The Defence, Naval and Air Advisers": words shared by one head, not things of their own
    found = [phrase_actor(tokens, a, b, names, entities) for a, b in zip([lo, *(c + 1 for c in cuts)], [*cuts, hi])]
    return tuple(dict.fromkeys(found)) if all(found) else ()


def _owner(names: list[tuple[int, int, str]], tokens: list[nlp.Token], lo: int, hi: int) -> str:
    """The entity whose possessive opens the subject tokens[lo:hi] and owns a measure ("Canada's
    countermeasures", "the EU's tariffs"); "" otherwise."""
    k = lo + (lo < hi and tokens[lo].lemma == "the")
    if k + 2 >= hi:
        return ""
    owner = next((e for a, b, e in names if a == tokens[k].start), "")
    m = k
    while m < hi and any(a <= tokens[m].start < b for a, b, _ in names):
        m += 1  # past the name's words ("European Union")
    if not owner or m >= hi or not (tokens[m].tag == "POS" or tokens[m].text in ("'s", "\u2019s", "'")):
        return ""
    rest = [t for t in tokens[m + 1:hi] if t.text not in ("s", "'s")]
    cut = next((k for k, t in enumerate(rest) if t.tag == "IN"), len(rest))  # "ban on seafood": the head is "ban"
    head = [t for t in rest[:cut] if t.noun]
    if not head or any(t.verb or t.tag in ("PRP", "WDT") for t in rest) or head[-1].lemma not in MEASURE_NOUNS \
            and head[-1].lemma not in BAN_NOUNS and not head[-1].lemma.startswith("countermeasure"):
        return ""
    return owner


PREVENTING = frozenset({"prevent", "stop", "keep", "bar", "block", "deter", "discourage", "prohibit"})


def kept_from(sentence: str, names: list[tuple[int, int, str]], tokens: list[nlp.Token], j: int,
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
    end = object_end(tokens, k, stops)
    obj = [t for t in tokens[k + 1:end] if t.noun and t.tag not in ("NNP", "NNPS") and t.lemma not in TIME]
    if not obj:
        return []
    o_start, o_end = tokens[k + 1].start, tokens[end - 1].end
    nouns = tuple(t.lemma for t in obj)
    others = tuple(dict.fromkeys(e for a, b, e in names if a >= o_start and b <= o_end and e not in actors))
    return [Fact(actor, tuple(actors), tokens[k].lemma, start, o_end, o_start, o_end, "fact", "no", nouns,
                 tuple(t.text for t in obj), (), others, sentence[o_start:o_end], nouns) for actor in actors]


def assessment(sentence: str, names: list[tuple[int, int, str]], tokens: list[nlp.Token], clause_start: int,
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


# Judgements of an action named as the subject ("joining the charter is in the national interest", "adopting the
# sanctions is incompatible with neutrality"): a position for (or against) taking it.
_FOR = re.compile(r"\s*(?:(?:also|clearly|fully|entirely|perfectly|wholly)\s+)?(?:in\s+(?:the|its|their|our|\w+'s)\s+"
                  r"(?:own\s+|best\s+|national\s+|long-term\s+)*interests?|(?:fully\s+)?(?:compatible|consistent)\s+with|"
                  r"(?:the\s+)?right\s+(?:decision|step|move|choice|thing|course)|justified|legitimate|lawful|"
                  r"necessary|essential|sensible|wise|prudent)\b", re.I)
# Against the law: a judgement both against an action and condemning what it names.
_UNLAWFUL = r"illegal|unlawful|illegitimate|unjustified|unjustifiable|(?:a\s+)?(?:(?:serious|grave|flagrant)\s+)?" \
            r"(?:violation|breach)\s+of"
_AGAINST = re.compile(r"\s*(?:(?:also|clearly|plainly|simply)\s+)?(?:(?:incompatible|inconsistent)\s+with|"
                      r"against\s+(?:the|its|their|our|\w+'s)\s+(?:own\s+|best\s+|national\s+)*interests?|"
                      r"(?:a|an)\s+(?:\w+\s+)?(?:mistake|error|blunder)|wrong|unwise|counterproductive|reckless|"
                      + _UNLAWFUL + r")\b", re.I)
# A judgement that condemns what it names ("called the expulsions unacceptable", "described the deal as illegal").
CONDEMNED = re.compile(r"(?:(?:wholly|totally|completely|utterly|simply|clearly)\s+)?(?:unacceptable|null\s+and\s+void|"
                       r"an?\s+(?:\w+\s+)?(?:provocation|aggression)|" + _UNLAWFUL + r")\b", re.I)


def judged_action(sentence: str, names: list[tuple[int, int, str]], tokens: list[nlp.Token], clause_start: int,
                  i: int, actor: str) -> Optional[Fact]:
    """"Joining the Charter is in the national interest", "Adopting the EU sanctions is incompatible with
    neutrality", "The repatriation of illegal foreigners is in the national interest": a judgement of an action
    named by a gerund or an action noun is a position (support or oppose) on taking it, by ``actor`` (the
    text's home country or the actor of the sentence before; none: nothing is read)."""
    n = len(tokens)
    t = tokens[i]
    if not actor or t.lemma != "be" or t.tag not in ("VBD", "VBZ", "VBP") or clause_start >= i:
        return None
    k = i + 1
    negated = False
    while k < n and tokens[k].tag == "RB":
        negated = negated or tokens[k].lemma in ("not", "never", "n't")
        k += 1
    rest = sentence[tokens[k].start:] if k < n else ""
    value = "support" if _FOR.match(rest) else "oppose" if _AGAINST.match(rest) else ""
    if not value:
        return None
    if negated:
        value = "oppose" if value == "support" else "support"
    head = tokens[clause_start]
    if head.tag in ("DT",) and head.lemma == "the" and clause_start + 2 < i and tokens[clause_start + 2].lemma == "of":
        action = verb_of(tokens[clause_start + 1].lemma)  # "the repatriation of illegal foreigners"
        obj = tokens[clause_start + 3:i]
    elif head.tag == "VBG":
        action = head.lemma  # "joining the Charter", "taking over the EU sanctions"
        obj = tokens[clause_start + 1:i]
        if obj and obj[0].tag in ("IN", "RP") and (action, obj[0].lemma) in PHRASAL:
            action = PHRASAL[(action, obj[0].lemma)]  # "taking over the sanctions": adopting them
            obj = obj[1:]
    else:
        return None
    if not action or not obj or any(x.verb and x.tag != "VBG" or x.tag in ("MD", "WDT", "PRP") for x in obj):
        return None
    nouns = [x for x in obj if x.noun and x.lemma not in TIME and not any(a <= x.start < b for a, b, _ in names)]
    lo, o_start, o_end = head.start, obj[0].start, obj[-1].end
    others = tuple(dict.fromkeys(e for a, b, e in names if a >= o_start and b <= o_end and e != actor))
    if not nouns and not others:
        return None
    words = tuple(x.lemma for x in nouns)
    said = _FOR.match(rest) or _AGAINST.match(rest)
    end = tokens[k].start + said.end()  # the quote holds the judgement: it gives the value, and what it is against
    more = re.match(r"[^,;:.()]{0,60}?(?=\s+(?:and|but|whatever|because|as|which)\b|[,;:.()]|$)", sentence[end:])
    end += len(more.group().rstrip()) if more and said.group().rstrip().endswith(("with", "of")) else 0
    return Fact(actor, (actor,), action, lo, end, o_start, o_end, "recommendation", value,
                words, tuple(x.text for x in nouns), (), others, sentence[o_start:o_end], words)


def undecided_on(tokens: list[nlp.Token], i: int) -> int:
    """After "is undecided on"/"remains divided over" at ``i``: where the action it is undecided on starts."""
    k = i + 1
    while k < len(tokens) and tokens[k].tag == "RB":
        k += 1
    if k + 1 < len(tokens) and tokens[k].lemma in ("undecided", "divided", "split", "uncommitted") \
            and tokens[k + 1].lemma in ("on", "about", "over"):
        return k + 2
    return -1


def listing_at(tokens: list[nlp.Token], k: int) -> int:
    """Where a list of actions starts after an object that ends at ``k``: after ", including" or "in
    addition to"; else -1."""
    n = len(tokens)
    if k + 1 < n and tokens[k].text == "," and tokens[k + 1].lemma == "include" and tokens[k + 1].tag == "VBG":
        return k + 2
    if k + 2 < n and tokens[k].lemma == "in" and tokens[k + 1].lemma == "addition" and tokens[k + 2].lemma == "to":
        return k + 3
    return -1


URGING = frozenset({"urge", "call", "press", "encourage", "advise", "invite", "implore"})


def urged_to(tokens: list[nlp.Token], i: int) -> tuple[int, int]:
    """After "we urge" at ``i``: (the index of the first name, the index of "to") when names (and "not") and
    "to" and a verb follow ("urge Ghana and Zambia not to default", "call on Japan to join"), else (-1, -1)."""
    m = i + 1
    if m < len(tokens) and tokens[m].lemma in ("on", "upon"):
        m += 1
    first = m
    while m < len(tokens) and m - first < 8 and (tokens[m].tag in ("NNP", "NNPS", "DT", "CC", "PRP")
                                                  or tokens[m].lemma == "not"):
        m += 1
    if m > first and m + 1 < len(tokens) and tokens[m].tag == "TO" and tokens[m + 1].verb:
        return first, m
    return -1, -1


CALLING = frozenset({"call", "describe", "brand", "label", "term", "denounce", "condemn", "criticise", "criticize"})


def called_at(sentence: str, tokens: list[nlp.Token], j: int, end: int) -> int:
    """Where the judgement starts in "called the expulsions unacceptable", "described the deal as illegal"
    (a judgement against what is named: a condemnation of it); -1 when none follows the object."""
    for k in range(j + 2, min(end + 1, len(tokens))):
        at = tokens[k].start
        if tokens[k].lemma == "as" and k + 1 < len(tokens):
            at = tokens[k + 1].start
        if tokens[k - 1].noun and CONDEMNED.match(sentence, at):
            return k
    return -1


def plain_subject(run: list[nlp.Token]) -> bool:
    """Whether tokens before a verb of urging are its subject and auxiliaries: "We", "The Social Democrats",
    "Rights groups have repeatedly" (someone's advice, reported or the brief's own); no verb of its own."""
    return all(not x.verb or x.lemma in ("have", "be") for x in run) and not any(x.tag in ("MD", "TO", "WDT", "WP")
                                                                                for x in run)


# Pronouns a reported clause's subject may be that stand for its speaker ("Ankara said it would ...", "Ruto said he
# had ..."): a closed class.
_SPEAKER_PRONOUNS = frozenset({"he", "she", "it", "they", "we"})


_DEMONSTRATIVES = frozenset({"this", "that", "these", "those"})  # "said that ...", "said this was ...": no subject phrase


def reported_subject(tokens: list[nlp.Token], k: int) -> bool:
    """Whether a reported clause's subject starts at ``k`` with no "that": a name ("said Germany would"), a pronoun
    and its finite verb ("said it would appeal"), or "the" and a name or an office ("said the Philippines would",
    "said the government would appeal")."""
    if tokens[k].tag in ("NNP", "NNPS"):
        return True
    if tokens[k].tag == "PRP" and tokens[k].lemma in _SPEAKER_PRONOUNS:  # "said it would appeal", "said he had"
        m = k + 1
        while m < len(tokens) and tokens[m].tag == "RB":
            m += 1
        return m < len(tokens) and tokens[m].tag in ("MD", "VBD", "VBZ", "VBP")
    if tokens[k].lemma != "the" or k + 2 >= len(tokens):
        # "said no journalist had been detained", "said 18 people had died", "said officials were ...": another
        # determiner, a number, or none before the noun phrase and its finite verb ("said his government would
        # respect ... but stopped short": whose "his" is, and so whose the next verb is, is left as it was)
        m = k + (tokens[k].tag in ("DT", "CD") and tokens[k].lemma not in _DEMONSTRATIVES)
        if m == k and tokens[k].tag not in ("JJ", "NN", "NNS"):
            return False
        lo = m
        while m < len(tokens) and m - lo < 5 and tokens[m].tag in ("JJ", "NN", "NNS", "NNP", "NNPS", "VBN", "CD"):
            m += 1
        while m < len(tokens) and tokens[m].tag == "RB":
            m += 1
        return m > lo and m < len(tokens) and tokens[m - 1].noun and tokens[m].tag in ("MD", "VBD", "VBZ", "VBP")
    nxt = tokens[k + 1]
    if (nxt.tag in ("NNP", "NNPS") or nxt.lemma in GOVERNMENT_NOUNS) and (tokens[k + 2].tag in ("MD", "VBD", "VBZ")
                                                                        or tokens[k + 2].tag in ("NNP", "NNPS")):
        return True
    # "said the levy should be scrapped", "said the new rules had failed": a noun phrase, then its finite verb
    m = k + 1
    while m < len(tokens) and m - k <= 5 and tokens[m].tag in ("JJ", "NN", "NNS", "NNP", "NNPS", "VBN"):
        m += 1
    while m < len(tokens) and tokens[m].tag == "RB":
        m += 1
    return m > k + 1 and m < len(tokens) and tokens[m - 1].noun and tokens[m].tag in ("MD", "VBD", "VBZ", "VBP")
