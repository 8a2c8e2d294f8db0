"""Statements of action and position in a sentence: who did (or should do) what, and how surely.

``read_facts(sentence, entities)`` reads a sentence tagged by ``briefcmp.analysis.nlp`` and
gives one ``Fact`` per actor and action:

- the **actors**: the entities (``Entities``) that are the grammatical subject, named just
  before the verb ("Japan and South Korea condemned ..." is two facts, one per country);
  a name after a preposition ("the attack on Ukraine") or a possessive ("Russia's
  attack") is not an actor; a person, office, body or instrument is the actor
  ``factsubjects`` says ("Chancellor Olaf Scholz", "the ministry", "the tribunal"), "it" and
  "he" the last subject, an agentless passive of a measure the paragraph's actor;
- actions written as nouns after a possessive ("the UK's closure of ...") and listed after
  "including" or "in addition to" are facts too (``factnouns``); so are actions with no object, states
  ("is not a member of"), and subjects set off by an appositive or a relative clause (``factclauses``);
- the **action**: the verb's lemma and its object up to the end of the clause; coordinated
  verbs are separate facts with the same actors ("condemned the attack and joined the
  sanctions" is two);
- the **value**: ``yes``; ``no`` when negated ("has not", "never", "refused to", "failed to",
  "has yet to", "stopped short of banning", "rejected calls to", "denied reports that");
  ``undecided`` when hedged ("is considering", "stopped short of confirming whether", "left open
  whether", "has not decided whether"); modal verbs make a **forecast** ("could", "will", "is
  expected to", "is unlikely to");
- a **recommendation** ("should", "must", "needs to", "we recommend that", "we urge X to", "it
  would be a mistake to", "would be wise not to") is a stance, ``support`` or ``oppose``, on the
  action it names;
- **scope** words on the object ("selected banks", "all banks", "mild sanctions") are kept apart
  from the object, so that they make values of one question rather than separate questions; so
  is a limit of use ("for military end uses": ``selected``).

The tagger and lemmatiser are a library's (the 'nlp' extra); the rules here only read the
tags. Without the extra, ``read_facts`` gives nothing.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import replace
from typing import Optional

from briefcmp.analysis import nlp
from briefcmp.analysis.entities import Entities
from briefcmp.analysis.factclauses import (
    LINKING, appositive_opening, bare_action, clause_subject, fronted, listed_subject, next_clause,
    relative_antecedent, state, vote_sides,
)
from briefcmp.analysis.factforms import (
    CALLING, CONDEMNED, PREVENTING, URGING, assessment, by_phrase, called_at, judged_action, kept_from, listing_at,
    passive, plain_subject, reduced_passive, reported_subject, undecided_on, undergoer, urged_to,
)
from briefcmp.analysis.factnouns import ADVOCATING, advocated, listed_actions, noun_actions
from briefcmp.analysis.factobjects import (
    MAX_OBJECT_TOKENS, Fact, condition_at, head_noun, object_end, object_words, restriction_at,
    restriction_end,
)
from briefcmp.analysis.factsubjects import (
    Context, counted_states, countries_ids, national_body, office_actor, phrase_actor, pronoun_object, remember,
    thing_label,
)
from briefcmp.analysis.factgrammar import named_actors, owner_agent, past_opening_time, subject_actors, untimed
from briefcmp.analysis.factnames import entities_at
from briefcmp.analysis.factopen import open_questions
from briefcmp.analysis.factvotes import absolute_votes
from briefcmp.analysis.factverbs import (
    action_verb, coordinated_at, embedded_at, free_participle, group_start, inside_group, listed_verb, passive_group,
    acting, past_clause, predicate,
)
from briefcmp.analysis.factwords import (
    ADVICE_FRAME, AUX, BAN_NOUNS, BREAK_TAGS, CLAUSE_WORDS, DELIBERATING, DEMANDING, DENYING, FIRST_TIME, LIGHT_VERBS,
    MANDATIVE, MEASURE_NOUNS, NEGATION, REPORTS, SAYING, SCOPE, TIME,
    UNASSERTED, WHEN_PHRASE, modality,
)

# Passives that state what their subject is, not what the agent after "by" did ("is no longer bound by the treaty").
_STATES = frozenset({"bind"})
_OBJECT_TAGS = frozenset({"DT", "NN", "NNS", "NNP", "NNPS", "PRP$", "JJ", "CD"})  # an object starts with one




def read_facts(sentence: str, entities: Entities, carried: str = "", clause: bool = False,
               context: Optional[Context] = None) -> list[Fact]:
    """The facts (actions, recommendations) a sentence states, per actor; [] when none or without the extra.

    ``carried``: the actor of the sentence before (in the same paragraph), for a subject that is only
    a pronoun ("It also froze the assets of ..."); in a quote read again on its own (``clause``), also
    for a subject that is an office ("The ministry banned ..."). ``clause``: the text is a quoted
    clause, not a whole sentence (it has no full stop, and is no heading for that). ``context``: the
    document's home country and the people named so far (``factsubjects``), for "Chancellor Olaf
    Scholz", "the government", "the tribunal"."""
    if sentence.rstrip().endswith("?") or not clause and _heading(sentence):
        return []  # a question asserts nothing; a heading ("How Japan Can Contribute to ...") neither
    tokens = nlp.tag(sentence)
    if not tokens:
        return []
    tokens = inside_group(tokens)
    names = entities_at(entities, sentence)
    country = context.home if context is not None and context.home else carried if clause and carried in \
        countries_ids() else ""
    if country:  # "the Federal Council decided": the home country's government (a quote read again: its actor)
        names = [(a, b, country if national_body(sentence[a:b]) else e) for a, b, e in names]
    if context is not None:
        context.named(entities, names)
    starts = [t.start for t in tokens]
    stops = frozenset(bisect.bisect_left(starts, m.start()) for m in WHEN_PHRASE.finditer(sentence))
    facts: list[Fact] = []
    clause_start = 0  # token index where the current clause (and so its subject) starts
    conditional = False  # inside "if ...", "unless ...", "in the event ..."
    said_from = -1  # where "said" stands before a reported clause ("Scholz said Germany would ...")
    speaker = ("", -1)  # who said it, and where the clause reported starts: "it" or "he" there is the speaker
    chain: Optional[tuple[tuple[str, ...], int, str, str]] = None  # actors, subject start, kind, value of the last verb
    reported_at = -1  # where the clause a participle of saying reports starts (", arguing that it ...")
    chain_tag = ""  # the tag of that verb, for the next verb of a list ("shut ..., closed ... and halted ...")
    last_subject = ""  # the subject of the sentence's last verb group, for "it" after a colon
    advised = -1  # the index of "to" after "we urge NAME": the verb after it is advice to NAME
    denied = False  # in a clause that a denial frames ("denied reports that ...")
    passive_at: Optional[tuple[int, int, str, str, str]] = None  # the last passive's subject span, actor, kind, value
    i = 0
    n = len(tokens)
    while i < n:
        t = tokens[i]
        if t.tag in BREAK_TAGS and t.text not in ("(", ")"):
            if t.text in (";", ":", ".") or t.tag == ".":
                chain = None
                passive_at = None
                denied = False
            clause_start = i + 1
            conditional = conditional and t.text == ","  # "If X, Y did": the comma ends the condition
            if t.text == ",":
                conditional = False
            i += 1
            continue
        if t.lemma in CLAUSE_WORDS and t.tag in ("IN", "WDT", "WP", "CC", "RB") or condition_at(tokens, i) \
                or t.lemma == "when" and t.tag == "WRB" and (i == 0 or tokens[i - 1].text == ","):
            clause_start = i + 1
            denied = t.lemma == "that" and i >= 2 and tokens[i - 1].lemma in REPORTS and tokens[i - 2].verb \
                and tokens[i - 2].lemma in DENYING  # "denied reports that ...": what they report did not happen
            # "When the president vetoed the bill": a past event, asserted; "when the bank cuts rates": a condition
            conditional = not denied and (t.lemma in ("if", "unless") or condition_at(tokens, i) or t.lemma == "when"
                                          and t.tag == "WRB" and not past_clause(tokens, i + 1) or (
                t.lemma in ("that", "whether") and i and (tokens[i - 1].lemma in UNASSERTED  # "the claim that ..."
                                                          or tokens[i - 1].verb and tokens[i - 1].lemma in MANDATIVE
                                                          and tokens[i - 1].lemma not in DEMANDING)))
            if t.lemma not in ("but", "as", "after", "before", "since"):  # mostly prepositions: the subject holds
                chain = None
            i += 1
            continue
        if t.tag == "VBG" and i and tokens[i - 1].text == "," and t.lemma in _REPORTING_PARTICIPLES and i + 1 < n \
                and tokens[i + 1].tag not in BREAK_TAGS:
            # ", saying inventories were still too large", ", arguing that it breaches ...": what is said is a clause of
            # its own, with its own subject
            clause_start = reported_at = i + 1 + (tokens[i + 1].lemma == "that")  # ("it" there: the speaker's or
            chain = None  # the thing's; the grammar does not say)
            i = clause_start
            continue
        if conditional:  # "if Russia invades Ukraine", "in the event Russia invades": nothing is asserted
            i += 1
            continue
        reduced = reduced_passive(sentence, names, tokens, i, entities, context) if t.tag in ("VBN", "VBD") else None
        if reduced is not None:  # "The law, signed by the president on 2 April, took effect ..."
            facts.append(reduced)
        u = i
        if t.lemma == "have" and t.verb:  # "have repeatedly urged"
            u = i + 1
            while u + 1 < n and tokens[u].tag == "RB":
                u += 1
            u = min(u, n - 1)
        if tokens[u].verb and tokens[u].lemma in URGING and clause_start < i and plain_subject(tokens[clause_start:i]):
            first, to = urged_to(tokens, u)  # "We urge Ghana (not) to restructure its debt": Ghana should (not)
            if to > 0:
                clause_start, advised = first, to
                i = to + 1
                continue
        urged = advised >= 0 and i == advised + 1  # the verb after "we urge Ghana to"
        # a quote that starts at a verb ("banned graphite exports ..."): the second of coordinated actions
        opening = clause and carried and t.tag in ("VBN", "VBD", "VBG") and _OPENING.fullmatch("" if i == 0 else
                                                                                    sentence[:t.start] + " ")
        participle = chain is not None and free_participle(tokens, i)  # ", calling ...", "answered by withdrawing"
        if not (t.verb or t.tag == "MD") or not (predicate(tokens, i, chain is not None) or urged or opening
                                                 or participle):
            i += 1
            continue
        # The whole verb group: auxiliaries and frames before the action verb ("has not", "refused to join").
        j = action_verb(tokens, i)
        if j is None:
            judged = assessment(sentence, names, tokens, clause_start, i) or judged_action(
                sentence, names, tokens, clause_start, i, last_subject or carried or (context.home if context else ""))
            if judged is not None:
                facts.append(judged)
            elif t.lemma in LINKING and _defining(tokens, clause_start, i):
                pass  # "A tariff is a tax on imported goods": a definition, background to what anyone did
            elif t.lemma in LINKING:  # "Brazil is not a member of OPEC"
                who, at = named_actors(sentence, names, tokens, clause_start, i)
                who, at = (who, at) if who else clause_subject(sentence, names, tokens, clause_start, i) or (who, at)
                thing = "" if who or clause_start >= i else phrase_actor(tokens, clause_start, i, names, entities) \
                    or ("" if _degree_at(tokens, i) else  # "Tokyo's reaction was not severe": a degree, not a state
                        next(iter(subject_actors(tokens, clause_start, i, names, entities, context)), ""))
                if thing:  # "The curfew remains necessary", "A new election is not on the agenda": a thing's state
                    who, at = (thing,), tokens[clause_start].start
                facts += state(sentence, names, tokens, i, who, at, *modality(sentence[tokens[clause_start].start:
                                                                                  tokens[min(i + 2, n - 1)].end], ""),
                               judged=bool(thing))
            open_on = undecided_on(tokens, i)  # "France is undecided on the extension of the ban"
            if open_on > 0:
                who, _ = named_actors(sentence, names, tokens, clause_start, i)
                for actor in who:  # the quote holds the subject and "undecided"
                    facts.extend(replace(f, start=tokens[clause_start].start) for f in listed_actions(
                        sentence, names, tokens, open_on, actor, "fact", "undecided", stops))
            i += 1
            continue
        verb = tokens[j]
        phrased = ""  # the actor when it is a subject phrase naming no entity ("member state", "curfew")
        timed_from = clause_start  # "On 4 July the Appellate Division declined ...": the subject after the time
        clause_start = past_opening_time(tokens, clause_start, i)
        undergoing = (clause_start, i, "")  # where a passive's subject is, and whose act it is when unsaid
        coordinated = chain is not None and (coordinated_at(tokens, clause_start, i) or participle
                                             or listed_verb(tokens, clause_start, i, chain_tag))
        region = sentence[tokens[clause_start].start:verb.start] if clause_start < n else ""
        region_at = clause_start
        if passive_group(tokens, i, j) and any(tokens[m].tag == "TO" and tokens[m + 1].verb
                                               for m in range(clause_start, i - 1)):
            # "any attempt to stop or divert water would be treated as ...": the subject's own verb ("stop") says
            # nothing of the passive's; its value is the verb group's
            region = sentence[tokens[i].start:verb.start]
            region_at = i
        if coordinated:
            actors, subject_start, kind0, value0 = chain  # type: ignore[misc]
            own = sentence[tokens[i - 1].end if i else 0:verb.start]
            kind, value = modality(own, sentence[tokens[i].start:verb.start])
            if kind == "fact" and value == "yes" and not own.strip(" ,and") and not (participle and kind0 == "fact"
                                                                                 and tokens[i - 1].text == ","):
                kind, value = kind0, value0  # "should condemn ... and join": the second verb shares the modal
            # (", calling the sanctions unlawful" is said whatever the main verb: "refused to comply, calling ...")
            start = tokens[i].start if not (participle and tokens[i - 1].lemma == "by") else subject_start
            # ("The junta answered by expelling the envoys": the quote holds its subject, read again the same way)
        else:
            joined = next_clause(tokens, clause_start, i)  # "X adopted the bill and the Senate adopted it"
            if joined != clause_start:
                clause_start = timed_from = joined
            actors, subject_start = named_actors(sentence, names, tokens, clause_start, i)
            if urged:
                actors = tuple(dict.fromkeys(e for a, b, e in names
                                             if tokens[clause_start].start <= a < tokens[advised].start))
                subject_start = tokens[clause_start].start
            if not actors:  # "Sweden, which applied in May, remains outside"; "Sweden, which applied"
                actors, subject_start = fronted(sentence, names, tokens, clause_start, i)
                actors, subject_start = (actors, subject_start) if actors else clause_subject(
                    sentence, names, tokens, clause_start, i) or (actors, subject_start)
                if not actors:  # "the judgment, which declared the law unconstitutional": the noun before "which"
                    actors, subject_start = relative_antecedent(sentence, tokens, clause_start, i, names, entities, context) \
                        or (actors, subject_start)
            elif clause_start < i:
                actors, subject_start = listed_subject(names, tokens, clause_start, subject_start, actors)
                remember(tokens, clause_start, i, actors[0], context)
            if not actors and clause_start < i and not passive_group(tokens, i, j) and verb.lemma not in LINKING \
                    and j + 1 < n and (
                    tokens[j + 1].tag in _OBJECT_TAGS or tokens[j + 1].tag in ("RP", "RB") and j + 2 < n and tokens[j + 2].tag in
                    _OBJECT_TAGS):  # "turned back 40 migrants": a particle before the object
                # "Chile's coast guard boarded the trawler": the owner acts through its service (an act done to
                # something: an object follows)
                owner = owner_agent(tokens, clause_start, i, names)
                actors, subject_start = ((owner,), tokens[clause_start].start) if owner else (actors, subject_start)
            opening = None if actors else appositive_opening(tokens, clause_start, i)
            if not actors and (clause_start < i or opening):  # "Chancellor Olaf Scholz", "the ministry", "the tribunal"
                lo, hi = opening or (clause_start, i)  # "The minister, a diplomat, banned ...": before the comma
                # "The two governments agreed ...": each of the two states named
                counted = () if passive_group(tokens, i, j) else counted_states(
                    tokens, lo, hi, names, context, carried if clause else "")
                who = "" if counted else office_actor(tokens, lo, hi, names, entities, context,
                                                      carried if clause else "")
                if not counted and not who and not passive_group(tokens, i, j):
                    # "Member states", "the junta": the phrase itself (a passive's subject is what undergoes it)
                    who = phrase_actor(tokens, lo, hi, names, entities)
                    phrased = who
                if counted:
                    actors, subject_start = counted, tokens[lo].start
                elif who:
                    actors, subject_start = (who,), tokens[lo].start
                elif not passive_group(tokens, i, j):
                    # the subject's grammar: its noun phrase before a modifier, each conjunct ("Local leaders and oil
                    # workers urged ..."), the owner of an office ("Somaliland's defence minister resigned")
                    actors = subject_actors(tokens, lo, hi, names, entities, context)
                    subject_start = tokens[lo].start
                    phrased = actors[0] if actors else ""
            before = sentence[tokens[clause_start].start:tokens[i].start] if clause_start < n else ""
            if not actors and speaker[0] and clause_start == speaker[1] and (_PRONOUN.fullmatch(before)
                                                                              or _PERSONAL.fullmatch(before)):
                # "The union said it would appeal", "Ruto said he had signed": the pronoun of a clause reported with
                # no "that" is its speaker
                actors, subject_start = (speaker[0],), tokens[clause_start].start
            if not actors and (carried or last_subject) and clause_start != reported_at and (
                    _PRONOUN.fullmatch(before) or clause and (
                    i == 0 or _OPENING.fullmatch(sentence[:tokens[i].start]))):
                # "It also froze ..."; "Beijing answered at once: it banned ..."; a quoted clause that starts at
                # its verb ("joined the sanctions against Russia", the second of two coordinated actions) is
                # the drafted actor's
                actors, subject_start = (last_subject or carried,), tokens[clause_start].start
            if not actors and context is not None and context.home and _IMPERSONAL.match(sentence,
                                                                                         tokens[clause_start].start):
                # "It was a mistake to join the charter" with no actor before: the advice is to the text's country
                actors, subject_start = (context.home,), tokens[clause_start].start
            if not actors and _PERSONAL.fullmatch(before):  # "He has not withdrawn the levy": the person named last
                who = (context.person if context is not None else "") or (carried if clause else "")
                actors, subject_start = ((who,), tokens[clause_start].start) if who else ((), subject_start)
            if actors and (context is None or actors[0] not in context.person_actors):  # "it" is no person
                if not last_subject and context is not None and not phrased:
                    # the sentence's first subject: what "it" in the next one is, and whose an agentless measure is
                    # (not a thing's: "The curfew remains ...; internet access has been cut" is not the curfew's act)
                    context.subject = actors[0]
                last_subject = actors[0]
            inner = embedded_at(tokens, i, j)
            if inner is not None:  # "stopped short of confirming whether Japan would join": Japan joins
                group = group_start(tokens, inner, j)
                embedded, _ = named_actors(sentence, names, tokens, inner, group)
                if not embedded and group > inner:  # "confirmed that the closures did not ...", "that the ministry"
                    who = office_actor(tokens, inner, group, names, entities, context)
                    embedded = (who,) if who else ()
                if not embedded and any(x.noun for x in tokens[inner:group]) and not _PRONOUN.fullmatch(
                        sentence[tokens[inner].start:tokens[group].start]):
                    # "left open whether the systems could include ...": the systems' action, not the actor's; it is
                    # asked of them ("did not say whether the talks had resumed": the talks)
                    thing = "" if passive_group(tokens, group, j) else phrase_actor(tokens, inner, group, names,
                                                                                     entities)
                    if thing:
                        embedded, phrased = (thing,), thing
                    elif not (inner and tokens[inner - 1].lemma == "that" and passive_group(tokens, group, j)):
                        i = j + 1
                        continue
                    # ("said that no refugee had been arrested": what is asserted undergoes it, read as a passive)
                # "Trump has not said whether the tariffs will be lifted": the tariffs undergo it, at his word
                undergoing = (inner, group, actors[0] if actors else "")
                actors = embedded or actors
            kind, value = modality(sentence[said_from:verb.start] if said_from >= 0 else untimed(
                sentence, tokens, region_at, j) if region_at < j else region,
                                   sentence[tokens[i].start:verb.start] if i < j else "")
            said_from = -1
            if value == "no" and i < j and FIRST_TIME.search(sentence, tokens[i].start, verb.start):
                i = j + 1  # "had never before postponed an election": a record until now, not that it was not done
                continue
            if value == "yes" and (tokens[clause_start].lemma in ("no", "neither") and clause_start < i or inner
                                   and tokens[inner].lemma in ("no", "neither") and inner < j):
                value = "no"  # "no Swiss court would have heard", "neither country has signed": a negated subject
            if verb.lemma == "decide" and value == "no":
                value = "undecided"  # "has yet to decide on the reactors": not decided either way
            if denied and kind == "fact" and value == "yes":
                value = "no"  # "denied reports that it had closed the port"
            if value == "undecided" and _SHORT_OF.search(sentence, tokens[i].start, verb.end) and not any(
                    tokens[k].lemma in SAYING for k in range(i, j)):
                value = "no"  # "stopped short of banning graphite": not banned ("... of confirming whether": open)
            # The quote holds the whole clause, so that the frame that gives the value is read with it.
            start = min(subject_start, tokens[min(clause_start, timed_from)].start) if clause_start < n \
                else subject_start
            if kind == "fact" and ADVICE_FRAME.search(sentence, 0, tokens[clause_start].start if clause_start < n
                                                       else len(sentence)):
                kind, value = "recommendation", "oppose" if NEGATION.search(region) else "support"
                start = 0  # "We recommend that Japan ..."
        if (verb.tag == "VBN" or verb.tag == "VBD" and j + 1 < n and tokens[j + 1].lemma == "by") and i == j and i \
                and tokens[i - 1].tag == "CC" and passive_at is not None and not _object_follows(tokens, j):
            # "was requested by Haiti and authorised by the Security Council": the second participle shares the
            # passive and its subject
            undergoing, kind, value = passive_at[:3], passive_at[3], passive_at[4]
            i = passive_at[1]
        if (passive_group(tokens, i, j) or passive_at is not None
                and undergoing == passive_at[:3] and verb.tag in ("VBN", "VBD")) and not (
                verb.lemma in _STATES and actors and j + 1 < n and tokens[j + 1].lemma == "by"):
            # ("Peru is not bound by the treaty": a state of Peru's, read as its own verb and object below)
            # "will be considered", "were imposed": the subject is what undergoes the action. With its
            # actor named after "by" ("The restart was approved by the regulator") it is read the other
            # way round; without one, a measure ("Exports were banned") is the act of the actor the
            # paragraph is about, unless the subject names it ("Japanese imports were banned").
            thing = undergoer(sentence, names, tokens, undergoing[0], undergoing[1], j, kind, value, entities)
            assumed = undergoing[2] or (context.subject if context is not None else "") or (carried if clause else "")
            # a quote read again with the thing it was drafted about: not that thing's own act on itself
            lo_by, hi_by = by_phrase(tokens, j)  # "are covered by the present plan": the plan covers them
            by = office_actor(tokens, lo_by, hi_by, names, entities, context) or phrase_actor(
                tokens, lo_by, hi_by, names, entities) if hi_by > lo_by else ""
            undergone = thing if thing is not None and thing.actor == assumed and hi_by <= lo_by else passive(
                sentence, names, tokens, undergoing[0], undergoing[1], j, kind, value, assumed,
                (tokens[hi_by - 1].end if by else 0, by))
            if undergone is None:  # "Internet access has been cut": no actor said, the thing acted on is asked about
                undergone = thing
            named, lo_u, hi_u = ((), 0, 0) if undergone is not None or undergoing[2] or any(t.lemma in SAYING for t in tokens[i:j]) \
                and any(t.tag in ("PRP", "NN", "NNS", "NNP", "NNPS") for t in tokens[i:j]) else _undergoers(
                sentence, names, tokens, undergoing[0], undergoing[1], entities, context, carried if clause else "")
            # ("Ottawa said they would be paused": the subject inside the group undergoes it, not the speaker)
            if named:  # "Kiribati was not consulted", "On 10 April he was charged": who undergoes it is named
                undergone = undergoer(sentence, names, tokens, lo_u, hi_u, j, kind, value, entities, named)
            if undergone is not None and undergoing[0] != clause_start:
                undergone = replace(undergone, start=min(undergone.start, tokens[clause_start].start))  # with its frame
            if undergone is not None:
                facts.append(undergone)
                if undergone.undergone or undergone.actor == undergone.actors[0]:
                    # "Children and parents will not be penalised": each undergoes it; "by France and Germany": each acts
                    facts.extend(replace(undergone, actor=x) for x in undergone.actors[1:])
            passive_at = (*undergoing, kind, value)
            # "Kiribati was not consulted and did not sign it": a verb coordinated after it is the one named's own
            # act, with its own negation (the passive's "not" is not shared across another auxiliary)
            chain = (named, undergone.start, kind, "yes") if named and undergone is not None else None
            chain_tag = tokens[i].tag
            i = j + 1
            continue
        if verb.lemma in SAYING | {"say", "tell", "note", "add", "warn", "insist", "claim"} and j + 1 < n \
                and reported_subject(tokens, j + 1) and verb.lemma not in ("decide", "commit"):
            # "Scholz said Germany would not deliver ...": what is said is a clause of its own, and what it
            # says "would" happen is a decision reported, not a forecast (factwords.COMMITTED)
            chain = None
            clause_start = j + 1
            said_from = tokens[j].start
            speaker = (actors[0], j + 1) if actors else ("", -1)
            i = j + 1
            continue
        if verb.lemma in PREVENTING:  # "has prevented Japan and Russia from ever signing a peace treaty"
            kept = kept_from(sentence, names, tokens, j, stops)
            if kept:
                facts.extend(kept)
                chain = None
                i = j + 1
                continue
        end_index = object_end(tokens, j, stops)
        if j + 2 < n and tokens[j + 1].lemma == "by" and free_participle(tokens, j + 2):
            end_index = j + 1  # "answered by withdrawing its envoys": the means is the action (read next)
        if verb.lemma in MANDATIVE and end_index == j + 1 and j + 2 < n and tokens[j + 1].lemma == "that":
            # "demanded that the government carry out seven measures": the demand is the fact, what it asks
            # for is not asserted (the clause is read as a condition is)
            end_index = j + 2
            while end_index < n and end_index - j <= MAX_OBJECT_TOKENS and tokens[end_index].tag not in BREAK_TAGS:
                end_index += 1
        if verb.lemma in ADVOCATING and actors and kind == "fact" and value == "yes":
            sided = advocated(sentence, names, tokens, j, actors, start, stops)  # "argued against a cap on exports"
            if sided:
                facts.extend(sided)
                chain = None
                i = max(end_index, j + 1)
                continue
        judged = called_at(sentence, tokens, j, end_index) if verb.lemma in CALLING else -1
        if judged > j + 1:  # "called the expulsions unacceptable": condemned them
            end_index = judged
            verb = nlp.Token(verb.text, verb.start, verb.end, "VB", "condemn")
        drafted = len(facts)
        if actors and acting(tokens, j, verb.lemma) and verb.lemma not in AUX \
                and end_index > j + 1:
            limited = restriction_at(tokens, j + 2, end_index)  # "banned exports ... for military end uses"
            if limited > j + 2:
                end_index = min(end_index, limited)
            obj = tokens[j + 1:end_index]
            o_start, o_end = obj[0].start, obj[-1].end
            words, shown, scope, nouns, others, object_text = object_words(sentence, obj, names, actors)
            if not (words or others):  # "Congress passed the law; Boluarte did not sign it": the law
                words, shown, nouns, object_text = pronoun_object(obj, facts, context, entities)
            q_end = o_end
            if judged > j + 1:  # the quote holds the judgement: it is what condemns
                at = tokens[judged + (tokens[judged].lemma == "as")].start
                q_end = CONDEMNED.match(sentence, at).end()
                if sentence[:q_end].endswith("of"):  # "a violation of international law": what it violates
                    q_end += len(re.match(r"[^,;:.()]{0,60}", sentence[q_end:]).group().rstrip())
            if limited > j + 2:
                scope.append("selected")
                q_end = tokens[restriction_end(tokens, limited)].end  # the quote shows what limits it
            head = head_noun(obj)
            if obj[0].lemma == "no" and obj[0].tag == "DT" and value == "yes" and kind != "recommendation":
                value = "no"  # "has made no decision", "imposed no sanctions"
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
                    facts.append(Fact(actor, actors, verb.lemma, start, q_end, o_start, o_end, kind, value,
                                      tuple(words), tuple(shown), tuple(scope), others, object_text,
                                      tuple(nouns)))
            if words or others:
                listed = listing_at(tokens, end_index)  # ", including the suspension of visas, freezing ..."
                if listed > 0:
                    in_addition = tokens[listed - 1].lemma == "to"  # presupposed: done, whatever the main verb says
                    for actor in actors:
                        facts.extend(listed_actions(sentence, names, tokens, listed, actor, "fact" if in_addition
                                                    else kind, "yes" if in_addition else value, stops))
        if len(facts) == drafted and acting(tokens, j, verb.lemma) and verb.lemma not in AUX:
            # "Spain abstained", "Beijing has not retaliated"
            facts += bare_action(sentence, names, tokens, clause_start, j, end_index, actors, start, kind, value)
        elif len(facts) == drafted and verb.lemma in LINKING:  # "Sweden remains outside", "has become a member"
            facts += state(sentence, names, tokens, j, actors, start, kind, value, judged=bool(phrased))
        chain = (actors, start, kind, value) if actors else None
        chain_tag = verb.tag if i == j else tokens[i].tag  # (a group's first word: "has banned" lists "has closed")
        i = j + 1 if verb.lemma in DEMANDING and j + 1 < n and tokens[j + 1].lemma == "that" else end_index
    facts += noun_actions(sentence, names, tokens, entities, context, last_subject or carried, stops, facts)
    facts += [v for v in absolute_votes(sentence, names, tokens)  # ", with Peru voting against"
              if not any(f.actor == v.actor and f.verb == v.verb for f in facts)]
    if clause and carried and not facts:  # a listed action quoted alone ("the suspension of visas for ...")
        facts = listed_actions(sentence, names, tokens, 0, carried, "fact", "yes", stops)
    facts = _whether_open(tokens, facts)
    if not clause:  # "It is not clear when the wells will be plugged": the open clause read as a clause of its own
        facts = open_questions(sentence, tokens, facts, lambda text: _read_open(text, entities, last_subject or carried,
                                                                                context))
    if context is not None:
        # (not a named one undergoing an act with nothing said of it: "Peru was not consulted and did not sign it")
        kept = [f for f in facts if not (f.undergone and not f.words and not thing_label(f.actor, entities))]
        context.thing = kept[-1] if kept else context.thing
        ids = countries_ids()
        context.countries[:] = dict.fromkeys([*context.countries, *(  # named as a country ("met in Kingstown": a place)
            e for a, b, e in names if e in ids and sentence[a:b].lower() == entities.label(e).lower())])
    return [vote_sides(f) for f in facts]  # "voted against the duties": not for them


def _object_follows(tokens: list[nlp.Token], j: int) -> bool:
    """Whether an object follows the participle at ``j`` ("was not included and launched its own index"): it is
    active, not a second participle of the passive before ("was arrested and charged the next day" is)."""
    if j + 1 >= len(tokens) or tokens[j + 1].tag not in ("DT", "PRP$"):
        return False
    if tokens[j + 1].tag == "PRP$":  # "launched its own", "froze their assets"
        return True
    head = next((t for t in tokens[j + 2:j + 5] if t.noun or t.tag in BREAK_TAGS), None)
    return head is not None and head.noun and head.lemma not in TIME  # ("the next day": when, not what)


def _undergoers(sentence: str, names: list[tuple[int, int, str]], tokens: list[nlp.Token], lo: int, hi: int,
                entities: Entities, context: Optional[Context], carried: str) -> tuple[tuple[str, ...], int, int]:
    """Who an agentless passive's subject tokens[lo:hi] names as undergoing it, and where that subject is: the
    entities it names as its subject ("Kiribati"), or the person named last for "he" or "she", or the phrase an
    appositive follows ("the party chairman, Ana Ruiz,"); () for anything else (a thing: ``undergoer`` reads it;
    "it": what it stands for is not known here)."""
    if lo >= hi:  # "the party chairman, Ana Ruiz, was arrested": the phrase before the appositive, or the appositive
        opening = appositive_opening(tokens, lo, hi)
        if opening is None or tokens[opening[1] + 1].lemma in _RELATIVES:  # (", which ...,": a clause, read apart)
            return (), lo, hi
        a, b = past_opening_time(tokens, *opening), opening[1]
        who = _only_names(sentence, names, tokens, a, b, entities) or _only_names(sentence, names, tokens, b + 1,
                                                                                hi - 1, entities)
        thing = "" if who else phrase_actor(tokens, a, b, names, entities)
        return who or ((thing,) if thing else ()), a, b
    if _PERSONAL.fullmatch(sentence[tokens[lo].start:tokens[hi].start]):
        who = (context.person if context is not None else "") or carried
        return ((who,) if who else ()), lo, hi
    return _only_names(sentence, names, tokens, lo, hi, entities), lo, hi


_RELATIVES = frozenset({"which", "who", "whom", "whose", "that", "where", "when"})


def _only_names(sentence: str, names: list[tuple[int, int, str]], tokens: list[nlp.Token], lo: int,
                hi: int, entities: Entities) -> tuple[str, ...]:
    """The entities named as the whole subject tokens[lo:hi] ("Kiribati", "Peru and Chile"); () when a noun of its
    own heads it ("Peru's ambassador was expelled": the ambassador, not Peru, undergoes it)."""
    who, _ = named_actors(sentence, names, tokens, lo, hi)
    if not who or any(t.noun and not any(a <= t.start < b for a, b, _ in names) for t in tokens[lo:hi]):
        return ()
    inside = [(sentence[a:b], e) for a, b, e in names if tokens[lo].start <= a < tokens[hi - 1].end]
    if any(text.lower().endswith("s") and text.lower() != entities.label(e).lower() for text, e in inside):
        return ()  # "Russians will be turned away": the country's people, not the state (nor "Brussels": whose)
    return who


def _read_open(text: str, entities: Entities, carried: str, context: Optional[Context]) -> list[Fact]:
    """The statements of a clause a frame leaves open, read on their own ("it" is the outer sentence's subject); an
    agentless passive in it is no one's act ("whether any agreement had been suspended": the agreement undergoes
    it), and what the document's context remembers stays the outer sentence's."""
    return read_facts(text, entities, carried, context=replace(context, subject="", person=context.person)
                      if context is not None else None)


_REPORTING_PARTICIPLES = frozenset({"say", "argue", "warn", "note", "add", "claim", "insist", "stress", "explain"})
_ASKING = frozenset({"ask", "wonder", "inquire", "enquire"})  # verbs that put a question ("question whether": doubt)


def _whether_open(tokens: list[nlp.Token], facts: list[Fact]) -> list[Fact]:
    """A statement inside a clause that "whether" opens is an open question, whatever frames it ("It remains unclear
    whether Japan will join", "Whether Norway will extend the moratorium remains open"): ``undecided``, quoted
    with the frame from the start of its clause. Statements that start before "whether" (its sayer's: "did not say
    whether ...") were read with the frame already."""
    out = []
    for k, t in enumerate(tokens):
        if t.lemma != "whether":
            continue
        lo = k
        while lo > 0 and tokens[lo - 1].tag not in BREAK_TAGS:
            lo -= 1
        hi = k + 1
        while hi < len(tokens) and tokens[hi].tag not in BREAK_TAGS:
            hi += 1
        asked = k and tokens[k - 1].verb and tokens[k - 1].lemma in _ASKING
        out.append((t.start, tokens[lo].start, tokens[hi - 1].end, asked))
    if not out:
        return facts
    opened = []
    for f in facts:
        inside = next(((a, lo, asked) for a, lo, hi, asked in out if a <= f.start < hi), None)
        if inside is not None and inside[2] and f.start >= inside[0]:
            continue  # "The senator asked whether the treaty had been signed": a question, no statement of anyone's
        if inside is not None and f.kind != "recommendation":
            f = replace(f, kind="fact", value="undecided", start=min(f.start, inside[1]))
        opened.append(f)
    return opened



def _degree_at(tokens: list[nlp.Token], i: int) -> bool:
    """Whether the complement of the linking verb at ``i`` is a word of degree ("was not severe", "is mild"): a
    judgement of degree, read by ``assessment`` or left alone."""
    k = i + 1
    while k < len(tokens) and tokens[k].tag == "RB":
        k += 1
    return k < len(tokens) and SCOPE.get(tokens[k].lemma) in ("mild", "severe")


def _defining(tokens: list[nlp.Token], clause_start: int, i: int) -> bool:
    """Whether the linking verb at ``i`` defines a kind: a subject that opens with "a"/"an" and a complement that does
    too ("A tariff is a tax on imported goods", "A moratorium is a temporary halt")."""
    k = i + 1
    while k < len(tokens) and tokens[k].tag == "RB":
        k += 1
    return clause_start < i and tokens[clause_start].lemma in ("a", "an") and k < len(tokens) \
        and tokens[k].lemma in ("a", "an")


def _heading(sentence: str) -> bool:
    """Title case without a full stop: most longer words capitalised."""
    if re.search(r"[.!?:;\"\u201d')]\s*$", sentence):
        return False
    words = [w for w in re.findall(r"[A-Za-z][A-Za-z'-]*", sentence) if len(w) > 3]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.7 * len(words)



# "It is/was/would be a mistake (wise, time, essential) to ...": advice with no subject of its own.
_IMPERSONAL = re.compile(r"[Ii]t\s+(?:is|was|would\s+be|will\s+be|has\s+been)\s+(?:(?:a|an)\s+)?(?:\w+\s+)?"
                         r"(?:mistake|error|blunder|wise|unwise|prudent|right|wrong|time|essential|imperative|vital|"
                         r"crucial|necessary|important)\s+to\s")
_PERSONAL = re.compile(r"\s*(?:(?:and|but|so|yet)\s+)?(?:[Hh]e|[Ss]he)(?:\s+(?:also|then|later|further))?\s*")
# Words a quoted clause may start with before its verb ("also banned graphite exports"): no subject of its own.
_OPENING = re.compile(r"\s*(?:(?:and|but|then|also|later|again|further|subsequently|\w+ly)\s+){0,3}")
_SHORT_OF = re.compile(r"\bshort\s+of\s+\w+ing\b", re.I)


_PRONOUN = re.compile(r"\s*(?:(?:and|but|so|yet)\s+)?(?:[Ii]t|[Tt]hey)(?:\s+(?:also|too|then|later|further|"
                      r"subsequently))?\s*")
