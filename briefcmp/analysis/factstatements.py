"""A category or stance claim read as a statement: who (actor) does what (action) to what (object words and
places), in which role, and the question it answers.

``describe(claim, entities, around)`` reads the claim's quote again (``briefcmp.analysis.facts``) and
keeps the statement the claim's id names: the verb's lemma and its synonyms in the shared lexicon
("condemned" and "denounced"), a frame read through ("decided to ban" is a ban), the means named
("aligned its policy with the G7 by sanctioning Russia" sanctions Russia), a verb said as a light verb
and its noun ("sanctioned Russia" imposed sanctions), the object's nouns by notion with scope words
left out, the places it names (not the bodies that lead it: "the U.S.-led sanctions"), and a bare
definite object's fuller mention before it ("lifted the ban": the ban on imports of Japanese seafood).
``question`` phrases a key's label from the plainest statement of a group. ``analysis.alignfacts``
lines statements up.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Optional

from briefcmp.analysis import lexicon
from briefcmp.analysis.document import lemma
from briefcmp.analysis.countrydata import slug
from briefcmp.analysis.entities import Entities
from briefcmp.analysis.facts import Fact, read_facts
from briefcmp.analysis.factsubjects import Context, home_country
from briefcmp.analysis.factrefs import antecedent, definite_head
from briefcmp.analysis.factwords import (
    BAN_NOUNS, FRAMES, LIGHT_VERBS, MEASURE_NOUNS, PHRASAL, SCOPE, attributive_years, scope_value,
)
from briefcmp.corpus.model import Claim


# The verbs a brief frames an action with ("decided to ban", "moved to freeze"): the action is the next verb.
_FRAMES = FRAMES | frozenset({"decide", "move", "vote", "agree", "opt", "choose", "act", "begin", "start"})
_WORD = re.compile(r"[a-z][a-z0-9-]*")
_LIGHT = frozenset(lexicon.same_action(v) for v in LIGHT_VERBS)
_MEASURES = frozenset(MEASURE_NOUNS | BAN_NOUNS)


@dataclass
class Statement:
    claim: Claim
    fact: Fact
    actor: str
    action: str
    words: frozenset[str]
    others: frozenset[str]
    role: str  # "fact" | "forecast" | "position"
    root: str = ""  # the body the actor is part of, as another statement names it ("commerce-department")
    # a bare definite object read as the brief's fuller mention before it ("the ban": the ban on imports of
    # Japanese seafood): (words, places), a second reading compared as well as the bare one
    fuller: Optional[tuple[frozenset[str], frozenset[str]]] = None
    # each object word's weight in this corpus (``weigh``): a word most statements share says little of which
    # statement answers which; None: every word weighs 1
    weight: Optional[dict[str, float]] = field(default=None, repr=False, compare=False)

    def mass(self, words) -> float:
        """The summed weight of ``words`` (a word no statement of the corpus holds weighs as the rarest)."""
        if self.weight is None:
            return float(len(words))
        rare = self.weight.get("", 1.0)
        return sum(self.weight.get(w, rare) for w in words)

    @property
    def scoped(self) -> bool:
        """Whether the claim states which part or how hard ("selected banks", "mild sanctions", "all
        banks"); "all" is drafted as yes, but only a claim that says it compares with "selected"."""
        v = self.claim.value
        if v is None or v.type != "category":
            return False
        return v.category not in ("yes", "no", "undecided") or bool(scope_value(self.fact.scope))

    @property
    def family(self) -> str:
        """The kind of step: "imposed sanctions on exports" curbs, as a ban or a restriction does."""
        if self.action in _LIGHT and self.words & _MEASURES:
            return lexicon.action_family("restrict")
        return lexicon.action_family(self.action)

    @property
    def asks(self) -> str:
        """Which question it answers: "should" (a recommendation or judgement) or "does"."""
        return "should" if self.role == "position" else "does"


def _readings(st: Statement) -> list[Statement]:
    """The statement as written and, for a bare definite object, as its fuller mention before."""
    if st.fuller is None:
        return [st]
    return [st, replace(st, words=st.fuller[0], others=st.fuller[1], fuller=None)]


def action_of(verb: str) -> str:
    """One lemma for verbs that state the same action (the shared lexicon's table)."""
    return lexicon.same_action(verb)


def _clean(nouns) -> frozenset[str]:
    """The object's nouns by notion; a footnote mark glued to a word ("systems.[11") is no part of it."""
    out = set()
    for n in nouns:
        m = _WORD.match(n.lower())
        if m is None:
            if n == "+more":
                out.add(n)
            continue
        w = m.group().strip("-")
        # "exports" and "shipments", "aid" and "assistance": one notion (the figures' table, then the statements')
        out.add(lexicon.object_notion(lexicon.notion(lemma(w) if w != n.lower() else w)))
    return frozenset(out)


def _read_through(fact: Fact) -> tuple[str, frozenset[str]]:
    """(action, object words to drop) for a frame or means the verb stands in for:
    "decided to ban Russia" -> ban; "aligned its policies ... by sanctioning Russia" -> sanction; else
    the verb as it is."""
    from briefcmp.analysis import nlp

    verb, drop = fact.verb, set()
    particle = re.match(r"(" + "|".join(sorted({p for _, p in PHRASAL})) + r")\b(?:\s+(?:to|of|on))?",
                        fact.object_text.lower())  # (the particles the table knows: "set aside", "struck down")
    if particle and (verb, particle.group(1)) in PHRASAL:  # "took over the sanctions": adopted them
        verb = PHRASAL[(verb, particle.group(1))]
    tokens = None
    if fact.object_text and (fact.verb in _FRAMES or " by " in f" {fact.object_text} "):
        tokens = nlp.tag(fact.object_text) or []
    if tokens and fact.verb in _FRAMES and len(tokens) > 1 and tokens[0].text.lower() == "to":
        nxt = tokens[1]
        if nxt.verb or lexicon.is_action(nxt.lemma):  # a tagger may read "to ban" as a noun
            verb, drop = nxt.lemma, {nxt.lemma, nxt.text.lower()}
    elif tokens:
        for k, t in enumerate(tokens[:-1]):
            means = tokens[k + 1]
            if t.text.lower() == "by" and means.tag == "VBG" and lexicon.is_action(means.lemma):
                verb = means.lemma  # the means is the deed: what comes before it says why
                drop = {x.lemma for x in tokens[:k] if x.noun} | {means.lemma, means.text.lower()}
                break
    return verb, frozenset(drop)


def describe(claim: Claim, entities: Entities, around: tuple[str, str] = ("", "")) -> Optional[Statement]:
    """The statement a category or stance claim makes, read from its quote; None when unread. ``around``: the
    brief's text before and after the quote, where a bare definite object ("lifted the ban") is named in full."""
    # The drafted id starts with the actor: it tells "It also froze ..." whose statement this is.
    carried = max((e for e in entities.labels if claim.id.startswith(e + "-")), key=len, default="")
    facts = read_facts(claim.quote, entities, carried, clause=True)
    if not facts and around[0] and _PRONOUN.search(claim.quote):
        facts = _in_paragraph(claim.quote, around, entities, carried)
    if not facts:
        return None
    chosen = None
    for f in facts:  # the drafted id names the actor: "south-korea-join-sanction"
        if claim.id.startswith(slug(f.actor) + "-") or claim.id == slug(f.actor):
            chosen = f
            break
    if chosen is None and claim.subjects:
        chosen = next((f for f in facts if f.actor == claim.subjects[0]), None)
    if chosen is None:
        if len({(f.actor, f.verb) for f in facts}) != 1:
            return None  # several statements in one quote: which one this claim makes is not known
        chosen = facts[0]
    role = "position" if claim.value.type == "stance" or claim.kind in ("recommendation", "assessment") else \
        "forecast" if claim.kind == "forecast" else "fact"  # "could withdraw" is no answer to "has it withdrawn?"
    verb, drop = _read_through(chosen)
    words = _clean(chosen.nouns) - _clean(drop)
    light = lexicon.light_form(verb)
    if light:  # "sanctioned Russia": imposed sanctions on Russia
        verb, words = light[0], words | {lexicon.object_notion(light[1])}
    action = _by_object(verb, chosen) or action_of(verb)
    others = frozenset(chosen.others) - {chosen.actor} - _leaders(chosen.object_text, entities)
    head = definite_head(chosen.object_text) if any(around) and len(words) == 1 and not others else ""
    fuller = None
    if head and lexicon.object_notion(lexicon.lemma(head)) in words:
        found = antecedent(lexicon.lemma(head), around[0], entities, _clean, around[1])
        if found is not None:  # "has not lifted the ban": the ban the brief named in full before
            fuller = ((words | found[0]) - {action, verb}, found[1] - {chosen.actor})
    words -= {action, verb}  # "imposed a ban on" read as "banned": the ban is the action, not its object
    if lexicon.action_family(action) == _CURB or words & _MEASURES:
        # a country's ban on a foreign good is on its imports: "banned Japanese seafood" and "banned imports of
        # Japanese seafood" are one ban ("exports" stays: a ban on exports is another)
        words, fuller = _implied(words), fuller and (_implied(fuller[0]), fuller[1])
    return Statement(claim, chosen, chosen.actor, action, words, others, role, fuller=fuller)


_CURB = lexicon.action_family("ban")
_PRONOUN = re.compile(r"\b(?:it|them|he|she|they)\b", re.I)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"'])")


def _in_paragraph(quote: str, around: tuple[str, str], entities: Entities, carried: str) -> list[Fact]:
    """The facts of a quote with a pronoun ("did not sign it", "he would not rule out ..."), read after the
    brief's sentences before it, in its brief's country, as the drafter read them: "it" is the thing last acted on
    in its paragraph, "he" the person last named with a title, a surname the person named so earlier."""
    context = Context(home_country(around[0] + quote + around[1], entities))
    for paragraph in around[0].split("\n\n"):
        context.subject = context.person = ""  # as the drafter does at a paragraph's start
        context.thing = None
        for sentence in _SENTENCE_END.split(paragraph):
            if sentence.strip():
                read_facts(sentence, entities, carried, context=context)
    return read_facts(quote, entities, carried, clause=True, context=context)

# One act said in several verbs, which only its object tells apart: leaving a treaty or a body ("withdrew from the
# convention", "left the alliance", "quit the bloc", "exited the pact", "denounced the treaty": the law's word for
# renouncing one) is one act, as withdrawing an envoy is recalling one; "withdrew its troops", "left the door open",
# "denounced the attack" are other acts and keep their verbs.
_LEAVING = frozenset("withdraw leave quit exit depart secede".split())
_RENOUNCING = frozenset("denounce abandon renounce repudiate".split())
_COMPACTS = frozenset("""treaty convention pact accord agreement charter protocol statute covenant memorandum deal
compact""".split())
_BODIES = frozenset("""alliance bloc union organisation organization court forum group grouping coalition community
league initiative framework partnership commonwealth federation council assembly mechanism arrangement""".split())
_ENVOYS = frozenset("ambassador envoy emissary consul representative".split())
_FROM = re.compile(r"(?:from|out\s+of)\s+", re.I)


def _by_object(verb: str, fact: Fact) -> str:
    """"leave" for an act of leaving a treaty or body, "recall" for withdrawing an envoy, by the object the verb
    takes; "" when the object does not say (the verb's own action then)."""
    if verb not in _LEAVING and verb not in _RENOUNCING:
        return ""
    obj = fact.object_text.strip()
    away = _FROM.match(obj)
    head = _head(obj[away.end():] if away else obj)
    if verb == "withdraw" and not away:
        return "recall" if head in _ENVOYS else ""  # "withdrew its envoy"; "withdrew its troops" is no leaving
    if away and verb not in ("withdraw", "exit", "depart", "secede"):
        return ""  # "quit from", "abandon from": not a treaty left
    if verb in _RENOUNCING:  # "denounced the treaty", never "denounced the attack" or "the bloc's stance"
        return "leave" if head in _COMPACTS else ""
    from briefcmp.analysis.factsubjects import countries_ids

    named = [o for o in fact.others if o != fact.actor]
    if head in _COMPACTS | _BODIES or head == "" and named and not set(named) & countries_ids():
        return "leave"  # "left the Pacific forum", "quit the ICC": a body named, no country
    return ""


_FIRST_PHRASE = re.compile(r"[^,;:()]*?(?=\s+(?:of|on|to|for|with|in|at|by|against|over|from|under|and|or|that|which)\b"
                           r"|['\u2019]s\b|[,;:()]|$)", re.I)


def _head(obj: str) -> str:
    """The lemma of the last word of the object's first phrase ("the fisheries pact with Chile": pact), "" when
    that word is a name ("NATO", "the Pacific Islands Forum" keep theirs to the entities)."""
    words = re.findall(r"[A-Za-z][\w'-]*", _FIRST_PHRASE.match(obj).group())
    last = lexicon.lemma(words[-1].lower()) if words else ""
    if not words or words[-1][:1].isupper() and last not in _COMPACTS | _BODIES | _ENVOYS:
        return ""  # ("their Ambassadors", "the Paris Agreement": a word of the tables, whatever its case)
    return last


def _implied(words: frozenset[str]) -> frozenset[str]:
    return words - {"import"} if len(words) > 1 else words


_LEADING = re.compile(r"\s*-\s*(?:led|backed|brokered|sponsored|drafted|funded|made)\b", re.I)


def _leaders(text: str, entities: Entities) -> frozenset[str]:
    """Bodies that lead, back or broker what the object names ("the U.S.-led sanctions"): who leads the
    sanctions is not whom they target."""
    return frozenset(e for _, b, e in entities.find(text) if _LEADING.match(text, b))



def question(st: Statement, entities: Entities, scopes: tuple[str, ...] = ()) -> str:
    """The key's label as a question: "Does Japan freeze the assets of Russian individuals?"; with the
    scopes its claims state, a question of how far: "Does Japan exclude Russian banks from SWIFT (all or
    selected)?"."""
    obj = " ".join(st.fact.object_text.split())
    if st.fact.verb == "be":  # a judgement of degree: the object is its subject
        return f"Is {obj[:1].upper()}{obj[1:]} mild or severe?"
    if scopes:  # the scope is the answer, not part of the question
        obj = re.sub(r"\b(?:" + "|".join(map(re.escape, SCOPE)) + r")\s+", "", obj, flags=re.I)
    obj = re.sub(r"^(?:its|their|his|her)\b", "its", obj)
    obj = re.sub(r"\.?\[\d+\]?$|[.;:,]+$", "", obj).strip()  # a footnote mark or stop at the end
    if st.fact.verb != st.action and obj.lower().startswith("to "):  # "decided to ban Russia": ban Russia
        obj = obj.split(" ", 2)[2] if obj.count(" ") >= 2 else ""
    head = "Should" if st.role == "position" else "Does"
    how = f" ({' or '.join(scopes)})" if len(scopes) > 1 else ""
    return f"{head} {_named(entities.label(st.actor))} {st.action} {obj}".strip() + how + "?"


# Names English writes with "the": a union, kingdom, republic, a plural, a body ("the European Union",
# "the Netherlands", "the Commission"); a country's or a person's name takes none.
_THE = re.compile(r"^(?:(?:[A-Z][\w'-]*\s+)*(?:Union|Kingdom|Republic|States|Emirates|Commission|Council|Parliament|"
                  r"Ministry|Department|Bureau|Agency|Bank|Government|Court|Tribunal|Assembly|Administration|"
                  r"Organi[sz]ation|Fund|Board|Office|Authority|Institute|Centre|Center)\b|Netherlands|Philippines|"
                  r"Bahamas|Gambia|Vatican|Maldives)")


def _named(label: str) -> str:
    """The actor's label as a question names it: "the European Union", "Japan"."""
    return f"the {label}" if _THE.match(label) and not label.lower().startswith("the ") else label


def _places(a: Statement, b: Statement) -> float:
    """How far the places the objects name agree: 1 the same, less when one names some the other does not
    ("the Russian invasion", "the Russian attack on Ukraine"), 0 when each names one the other does not."""
    if a.others == b.others:
        return 1.0
    if not a.others or not b.others:
        # one names a place ("resumed its contributions to the Amazon Fund") the other leaves to the context
        # ("resumed its contributions"): the same object words key them (score 0.8), fewer do not
        return 0.8
    if a.others <= b.others or b.others <= a.others:
        return 0.75  # one names more places than the other ("the attack", "the attack on Ukraine"): alike
    return 0.0


def _years_apart(a: Statement, b: Statement) -> bool:
    """Whether the claims' periods lie in different years ("in 2014" and "on 24 February 2022"), one of them
    stated (a period inferred from publication counts against a stated one: a 2022 report's undated "joined
    the sanctions" is not the 2014 refusal it mentions): two events, not one question. Years that name the things
    acted on ("the 2016 referendum", "the 2025 referendum") tell two things apart the same way."""
    named = [attributive_years(getattr(s.claim, "quote", "") or "") for s in (a, b) if s.claim is not None]
    if len(named) == 2 and named[0] and named[1] and not named[0] & named[1]:
        return True
    spans = [(s.claim.as_of.span(), s.claim.as_of_inferred) for s in (a, b)
             if s.claim is not None and s.claim.as_of is not None]
    if len(spans) < 2 or spans[0][1] and spans[1][1]:
        return False
    (x, y), (u, v) = spans[0][0], spans[1][0]
    return y.year < u.year or v.year < x.year


def _periods_meet(group: list[Statement]) -> bool:
    """Whether the periods the claims state (not those inferred from publication) overlap."""
    spans = [s.claim.as_of.span() for s in group
             if s.claim is not None and s.claim.as_of is not None and not s.claim.as_of_inferred]
    return all(a0 <= b1 and b0 <= a1 for i, (a0, a1) in enumerate(spans) for b0, b1 in spans[i + 1:])
