"""A thing acted on with no agent said, read as the act of the one actor the corpus names doing that act to it.

"The water bill was passed in Congress" names no one who passed it; "Peru's Congress passed the water bill", in
this brief or another, does. When every statement of the corpus that does that act (one action, as folded) to an
object holding all the thing's words is one actor's, the thing's statement is read as that actor's act on the
thing: its actor and root become the doer's and its object the thing. Two doers ("the Senate rejected the bill",
"the President rejected the bill") leave it as it was: which one the passive means, the grammar does not say. A
brief's own reading comes first (``factrefs``: a measure undergone is its brief's doer's or country's), so only
statements whose actor is still the thing are read here.

The doer's object may name the thing by its head alone, or the thing by more words than the object: "The death
penalty was abolished" and "Ruritania abolished the penalty for every offence" share the head "penalty"; when every
statement doing that act to an object of that head is one actor's, the thing is that actor's. Its object words
stay the thing's own, so two things of one head ("the ban on rice", "the ban on seafood") are still told apart
when statements are lined up.
"""

from __future__ import annotations

import re
from collections import defaultdict

from briefcmp.analysis import lexicon
from briefcmp.analysis.entities import Entities
from briefcmp.analysis.factrefs import _LINKS, act_head
from briefcmp.analysis.factstatements import Statement, _clean
from briefcmp.analysis.factsubjects import BODY_NOUNS, GOVERNMENT_NOUNS, INSTRUMENTS
from briefcmp.analysis.factwords import SCOPE
from briefcmp.corpus.functionwords import FUNCTION_WORDS

# A chamber or an office after the passive ("was passed in Congress", "was approved in parliament") is where the
# act was done, not what it was done to: it leaves the object once the doer is read.
_PLACES_OF_ACTS = frozenset(BODY_NOUNS | GOVERNMENT_NOUNS)


def _undergone(st: Statement) -> bool:
    return bool(getattr(st.fact, "undergone", False))


def thing_words(st: Statement, entities: Entities) -> tuple[frozenset[str], frozenset[str]]:
    """(object words, places) of the thing a statement's actor names, as ``describe`` reads an object: "The Central
    Bank of Chile Bill" -> (central, bank, bill), (chile)."""
    label = entities.label(st.actor)
    label = label.replace("-", " ") if label == st.actor else label  # an id the recogniser has no name for
    places = entities.find(label)
    for a, b, _ in reversed(places):
        label = label[:a] + " " + label[b:]
    words = _clean(w for w in re.findall(r"[A-Za-z][A-Za-z-]*", label.lower())
                   if w not in FUNCTION_WORDS and w not in SCOPE)
    return words - {"+more"}, frozenset(e for _, _, e in places)


def noun_head(text: str) -> str:
    """The lemma of a noun phrase's head: its last word before a linking preposition ("the death penalty": penalty;
    "the penalty for every offence": penalty); "" when it is a function word or there is none."""
    words = [w.lower() for w in re.findall(r"[A-Za-z][A-Za-z-]*", text.replace("-", " "))]
    cut = next((i for i, w in enumerate(words) if w in _LINKS), len(words))
    head = lexicon.lemma(words[cut - 1]) if cut else ""
    return "" if not head or head in FUNCTION_WORDS or head in SCOPE else head


def _object_head(st: Statement) -> str:
    return noun_head(getattr(st.fact, "object_text", ""))


def _thing(st: Statement, entities: Entities) -> bool:
    """Whether a statement's actor is a thing acted on: undergone ("the bill was passed"), or an instrument as the
    subject of a verb said of it either way ("the bill passed", "the Water Bill passed")."""
    if getattr(st.fact, "undergone", False):
        return True
    label = entities.label(st.actor)
    if label[:1].isupper():  # a name's head is its last word ("the Central Bank of Chile Bill")
        return lexicon.lemma(label.split()[-1].lower()) in INSTRUMENTS
    return act_head(label) in INSTRUMENTS  # "the new law", "the suspension of trade": the head before "of"


def _own(st: Statement) -> bool:
    """Whether the statement's object is its actor's own ("closed its airspace"): then a thing named as another
    country's ("Pakistani airspace was closed") is not the one it acted on, whatever else its object names."""
    return re.match(r"\s*(?:its|their)\b", st.fact.object_text, re.I) is not None


def read_doers(statements: list[Statement], entities: Entities) -> int:
    """Give each statement of a thing acted on with no doer read (its root still the thing) the one doer the
    corpus names for that act on that thing; returns how many were read so."""
    doing: dict[str, list[Statement]] = defaultdict(list)
    for st in statements:
        if not _thing(st, entities):
            doing[st.action].append(st)
    read = 0
    for st in statements:
        if not _thing(st, entities) or (st.root or st.actor) != st.actor:
            continue
        thing, places = thing_words(st, entities)
        if not thing:
            continue
        head = noun_head(entities.label(st.actor))
        doers = [o for o in doing.get(st.action, ()) if o.asks == st.asks
                 and (thing <= o.words or head and head in thing and head == _object_head(o))
                 and places <= o.others and not (places and _own(o) and (o.root or o.actor) not in places)]
        actors = {o.actor for o in doers}
        roots = {o.root or o.actor for o in doers}
        if len(actors) != 1 or len(roots) != 1:
            continue  # none, or two doers: which one is meant is not said
        actor, root = next(iter(actors)), next(iter(roots))
        if actor in st.others or root in st.others:
            continue  # no actor is the place its act is aimed at
        st.actor, st.root = actor, root
        st.words = thing | (st.words - _PLACES_OF_ACTS)
        st.others = st.others | places
        read += 1
    return read
