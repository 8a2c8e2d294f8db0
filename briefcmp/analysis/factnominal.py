"""An act told as a noun after a verb that only announces, decides or consents to it, read as the act itself: "the
presidency announced the suspension of the treaty" suspends the treaty, "parliament approved the country's withdrawal
from the court" leaves the court, "the government approved joining the charter" joins it, as "suspended the treaty",
"voted to withdraw from the court" and "joined the charter" do in other briefs (issue 22: one act in several verbs and
nominalisations).

The noun must name an act by WordNet's derivations (``factrefs._act_verbs``: "suspension" -> suspend, "withdrawal" ->
withdraw) or be a gerund ("joining"), and be the head of the object's first phrase; the rest of the object is the
act's object ("of the treaty", "from the court": a treaty or a body left is read as leaving, as
``factstatements._by_object`` reads the verb). A noun of no act ("approved the law", "announced a plan") leaves the
statement as it was: approving a law is its own act.

An instrument that decides an act written after it is read as that act too ("signed an order to begin the closure of
the mine" closes it, "issued a decree suspending the code" suspends it, "announced its intention to withdraw"
withdraws): ``INSTRUMENTS``, after a carrier or a verb that makes or publishes one (session 18).
"""

from __future__ import annotations

import re
from dataclasses import replace

from briefcmp.analysis import lexicon
from briefcmp.analysis.factstatements import Statement, _by_object, action_of
from briefcmp.analysis.factwords import FRAMES, NOT_ACTIONS

# Verbs that carry another act named as a noun: saying it, deciding it, consenting to it.
CARRIERS = frozenset("""announce approve endorse authorise authorize confirm order decide adopt enact unveil""".split())
# Instruments that decide an act written after them ("signed an order to begin the closure of the mine", "issued a
# decree suspending the code", "approved a decision to lift the embargo"), and an intention announced ("announced its
# intention to withdraw"): the act, as "decided to lift" and "announced that it would withdraw" are read.
INSTRUMENTS = frozenset("decision order decree resolution directive instruction ordinance edict intention".split())
# Verbs that make or publish such an instrument, besides the carriers.
_ENACTING = frozenset("sign issue publish pass promulgate".split())
_INSTRUMENT = re.compile(r"(?:(?:today|yesterday)\s+)?(?:(?:a|an|the)\s+)?(?:[A-Za-z-]+\s+)?([A-Za-z]+)"
                         r"(?:\s+(?:of|on|dated)\s+\d{1,2}\s+[A-Z][a-z]+(?:\s+\d{4})?)?"  # "of 20 December"
                         r"\s+(?:to\s+([a-z]+)|([a-z]+ing))\b")
_HEAD = re.compile(r"([a-z][a-z-]+)(?=\s+(?:of|to|from|on|with|against|in|into|for)\b|\s*[,;]|\s*$)")
# Acts too general to be one question by themselves ("the decision", "the move", "the step").
_EMPTY = FRAMES | NOT_ACTIONS | frozenset("be have do make take get go give put set come".split())
_DET = re.compile(r"\s*(?:(?:the|a|an|its|their|his|her|this|that)\s+)?(?:[\w.+-]+['\u2019]s\s+)?")
_GERUND = re.compile(r"([a-z]+ing)\b")
_PHRASE = re.compile(r"((?:[a-z][\w-]*\s+){0,2})([a-z][a-z-]+)(?=\s+(?:of|to|from|on|with|against|in|into|for)\b|\s*[,;]|\s*$)")


def act_named(st: Statement) -> tuple[str, str, str] | None:
    """(the verb the object's head noun names, the noun, the rest of the object) when ``st``'s verb carries an act
    named as a noun ("announced the immediate suspension of the treaty": suspend, suspension, "of the treaty");
    None otherwise."""
    from briefcmp.analysis import nlp
    from briefcmp.analysis.factrefs import _act_verbs

    carrier = lexicon.lemma(st.fact.verb)
    if carrier not in CARRIERS and carrier not in _ENACTING:
        return None
    text = st.fact.object_text or ""
    at = _DET.match(text).end()
    decided = _decided(text, at)
    if decided is not None or carrier not in CARRIERS:
        return decided
    gerund = _GERUND.match(text, at) if at == 0 else None
    m = gerund or _PHRASE.match(text, at)
    if m is None:
        return None
    noun, rest = m.group(m.lastindex), text[m.end():]
    if gerund:  # "approved joining the charter"
        verb = lexicon.lemma(noun)
        verbs = {verb} if verb != noun and nlp.is_verb_base(verb) else set()
    else:
        verbs = set(_act_verbs(lexicon.lemma(noun)))
    verbs = {v for v in verbs if v not in _EMPTY}
    if len(verbs) != 1:
        return None
    return next(iter(verbs)), noun, rest


def _decided(text: str, at: int) -> tuple[str, str, str] | None:
    """(the act, the instrument's noun, the act's object) when ``text`` from ``at`` is an instrument and the act it
    decides ("an order to begin the closure of the mine": close, order, "of the mine"; "a decree suspending the
    code": suspend, decree, "the code"); a frame verb after it ("to begin", "to start") reaches the act named as a
    noun after it. None otherwise."""
    from briefcmp.analysis import nlp
    from briefcmp.analysis.factnouns import verb_of
    from briefcmp.analysis.factrefs import _act_verbs
    from briefcmp.analysis.factverbs import _PREPOSITIONAL

    m = _INSTRUMENT.match(text, at)
    if m is None or lexicon.lemma(m.group(1).lower()) not in INSTRUMENTS:  # ("an executive order", "an Amiri Order")
        return None
    verb = m.group(2) or lexicon.lemma(m.group(3))
    if not nlp.is_verb_base(verb) or m.group(3) and verb in _PREPOSITIONAL:  # "a decree regarding the quota"
        return None
    rest = text[m.end():]
    if verb in FRAMES:  # "an order to begin the closure of the mine": the closure is the act
        inner = _HEAD.match(rest, _DET.match(rest).end())
        noun = lexicon.lemma(inner.group(1)) if inner else ""
        # a noun derived from its verb (WordNet's derivations, else by its suffix), not one a verb is written as
        # ("to start talks" is no act of talking)
        verbs = {v for v in set(_act_verbs(noun)) or {verb_of(noun)} if v and v != noun}
        verbs = {v for v in verbs if v not in _EMPTY}
        if len(verbs) != 1:
            return None
        return next(iter(verbs)), m.group(1), rest[inner.end():]
    if verb in _EMPTY:
        return None
    return verb, m.group(1), rest


def read_acts(statements: list[Statement]) -> int:
    """Read each statement whose verb carries an act named as a noun as that act (its action and object words);
    returns how many were read so."""
    n = 0
    for st in statements:
        found = act_named(st)
        if found is None:
            continue
        verb, noun, rest = found
        act = _by_object(verb, replace(st.fact, object_text=rest.strip())) or action_of(verb)
        head = lexicon.object_notion(lexicon.notion(lexicon.lemma(noun)))
        st.words = st.words - {head, lexicon.lemma(noun), noun, verb, act}
        st.action = act
        n += 1
    return n
