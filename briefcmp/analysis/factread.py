"""The corpus's unkeyed statements as ``alignfacts`` lines them up: each category or stance claim read as a
statement (``factstatements.describe``), its actor read through (a person, an office, a capital, an act, for
whom it stands: ``factrefs``), its action folded with the corpus's other wordings of one act (WordNet), and
the corpus's word weights; and the statements already under registered keys, read the same way."""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict

from briefcmp.analysis import lexicon
from briefcmp.analysis.entities import Entities, proper_names
from briefcmp.analysis.factdoers import read_doers
from briefcmp.analysis.factrefs import BriefTexts, act_head, person_countries, stands_for
from briefcmp.analysis.factstatements import Statement, _clean, describe
from briefcmp.analysis.factsubjects import _countries
from briefcmp.analysis.factwords import DELIBERATING, FRAMES, LIGHT_VERBS, SCOPE
from briefcmp.analysis.undated import date_undated
from briefcmp.corpus.functionwords import FUNCTION_WORDS
from briefcmp.corpus.model import Corpus

VALUE_TYPES = ("category", "stance")


def weigh(statements: list[Statement]) -> None:
    """Give every statement the corpus's word weights: the inverse of the share of statements whose object
    (words and places) holds the word, as a search engine weighs terms (log(1 + N / df)). Two statements that
    share the words every statement of the topic has ("sanctions" in a corpus on sanctions) share little; two
    that share a word few others hold ("SWIFT") share much."""
    n = len(statements)
    df = Counter(w for st in statements for w in st.words | st.others)
    weight = {w: math.log(1 + n / d) for w, d in df.items()}
    weight[""] = math.log(1 + n)
    for st in statements:
        st.weight = weight


def _prefixes(actor: str) -> set[str]:
    """An actor id and each part of it before a hyphen: "commerce-department-s-bureau" -> commerce, ..."""
    return {actor[:i] for i, ch in enumerate(actor) if ch == "-"} | {actor}


def _fold_plurals(statements: list[Statement], countries: frozenset[str]) -> None:
    """Read an actor written in the plural as the corpus's singular one ("Member States", capitalised and kept as
    written, is the "member state" another statement names): one group of actors, not two. A country's own
    name ("the United States", "the Netherlands") is never folded."""
    actors = {s.actor for s in statements}
    fold = {}
    for a in actors:
        head, _, last = a.rpartition("-")
        single = lexicon.lemma(last)
        if a in countries or single == last or not single:
            continue
        one = f"{head}-{single}" if head else single
        if one in actors and one not in countries:
            fold[a] = one
    for s in statements:
        s.actor = fold.get(s.actor, s.actor)


def _roots(statements: list[Statement]) -> None:
    """Set each statement's root: the shortest actor another statement names whose id the actor's begins
    with ("commerce-department" for "commerce-department-s-bureau-of-industry-and-security")."""
    actors = sorted({s.actor for s in statements}, key=len)
    root = {a: next((r for r in actors if len(r) < len(a) and a.startswith(r + "-")), a) for a in actors}
    for s in statements:
        s.root = root[s.actor]


def _coreferent(statements: list[Statement], entities: Entities, texts: BriefTexts) -> None:
    """Give a statement whose actor stands for a country or a body (``factrefs.stands_for``: "Yerevan", "the
    ministry", "member states") that country or body as its root: lined up with the country's own statements
    only where roots count (``factmatch``'s one-to-one matches, candidates for a person), never by the actor
    alone."""
    alias = stands_for(statements, entities, texts, _countries())
    for st in statements:
        whose = alias.get((st.claim.brief, st.root)) or alias.get((st.claim.brief, st.actor))
        if whose and whose not in st.others:  # no actor is the place its act is aimed at, statement by statement
            st.root = whose
            if getattr(st.fact, "undergone", False) and whose != st.actor:
                # "the suspension was lifted", "exports were halted": Chile's act on the thing it names
                thing = act_head(entities.label(st.actor)) or entities.label(st.actor)
                st.words = st.words | _clean(w for w in re.findall(r"[A-Za-z][A-Za-z-]*", thing.lower())
                                             if w not in FUNCTION_WORDS and w not in SCOPE)


def _keyed(corpus: Corpus, entities: Entities, actors: set[str]) -> dict[str, list[Statement]]:
    """The statements already under each registered key of a category or stance type whose actor (the key's
    first subject) is one of ``actors``: only those can be joined, and each is read again."""
    out: dict[str, list[Statement]] = defaultdict(list)
    keys = corpus.config.keys
    near = set().union(*(_prefixes(a) for a in actors))  # an actor, or a body it is part of

    def wanted(key: str) -> bool:
        actor = (keys[key].subjects or ("",))[0]
        return actor in near or bool(_prefixes(actor) & actors)

    texts = BriefTexts(corpus)  # a registered statement is read as a new one is
    for c in corpus.claims():
        if c.key and c.key in keys and c.value is not None and c.value.type in VALUE_TYPES and wanted(c.key):
            st = describe(c, entities, texts.around(c))
            if st is not None:
                out[c.key].append(st)
    return out


# Verbs WordNet never joins here: frames, light and deliberating verbs say how, not what, is done.
_UNFOLDED = FRAMES | LIGHT_VERBS | DELIBERATING | frozenset("be have do make take get go say".split())


def _fold_actions(statements: list[Statement]) -> None:
    """Verbs of this corpus that WordNet has share a frequent sense are one action ("lodged"/"filed" a
    complaint): ``lexicon.action_folds``."""
    fold = lexicon.action_folds([st.action for st in statements], _UNFOLDED)
    for st in statements:
        st.action = fold.get(st.action, st.action)


def read_statements(corpus: Corpus, entities: Entities) -> tuple[list[Statement], dict[str, list[Statement]]]:
    """(the corpus's unkeyed category and stance claims read as statements, the registered keys' statements), each
    with its actor read through (people, offices and acts for whom they stand), its action folded with the
    corpus's other wordings of one act, and the corpus's word weights: what ``align_facts`` lines up."""
    date_undated(corpus)  # a brief with no publication date: no earlier than the latest date it cites
    loose = [c for c in corpus.claims() if not c.key and c.value is not None and c.value.type in VALUE_TYPES]
    for claim in loose:  # bodies named in full anywhere first: then "the EU" is the European Union everywhere
        for _, _, name in proper_names(claim.quote):
            entities.adopt(name)
    statements: list[Statement] = []
    texts = BriefTexts(corpus)
    for claim in loose:
        st = describe(claim, entities, texts.around(claim))
        if st is not None:
            statements.append(st)
    if not statements:
        return [], {}
    speaks_for = person_countries(statements, entities, _countries())
    for st in statements:  # "Chancellor Olaf Scholz" in a brief that names no country: Germany, as another says
        st.actor = speaks_for.get(st.actor, st.actor)
    _fold_plurals(statements, _countries())
    keyed = _keyed(corpus, entities, {st.actor for st in statements})
    _fold_actions([*statements, *(k for sts in keyed.values() for k in sts)])
    _roots([*statements, *(k for sts in keyed.values() for k in sts)])
    _coreferent([*statements, *(k for sts in keyed.values() for k in sts)], entities, texts)
    read_doers([*statements, *(k for sts in keyed.values() for k in sts)], entities)  # "the bill was passed": whose act
    weigh([*statements, *(k for sts in keyed.values() for k in sts)])  # object words weighed by the corpus
    return statements, keyed
