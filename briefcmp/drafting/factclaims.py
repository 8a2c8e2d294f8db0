"""Draft claims for the actions and recommendations a sentence states (``annotate --sentences``).

One claim per actor and action (``briefcmp.analysis.facts``): a category claim, ``yes``, ``no``
or ``undecided`` (a scope word gives the value: "selected", "all", "mild", "severe"), a forecast
when a modal verb says it may happen, or a stance claim (``support``/``oppose``) for a
recommendation. Its comment is the question it answers ("Did Japan ban exports of semiconductors
to Russia?"). Each quotes its own clause ("Japan and South Korea condemned the Russian attack
on Ukraine" and "joined the sanctions against Russia" are two claims), names the actor first
among its subjects (those the config registers: `align --apply` registers the others), and
takes its as-of from a date in the clause; without one, the loader takes the publication date
(shown as inferred).
"""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Callable, Optional

from briefcmp.analysis.entities import Entities
from briefcmp.analysis.facts import Fact, read_facts
from briefcmp.analysis.factsubjects import Context, home_country
from briefcmp.analysis.factwords import ATTRIBUTIVE_YEAR, WHEN_PHRASE, scope_value
from briefcmp.corpus.model import PartialDate, Period, Value
from briefcmp.corpus import sentences as sent
from briefcmp.drafting.dates import find_dates

Anchor = Callable[[sent.Prepared, int, int], Optional[tuple[str, tuple[int, int], str, str]]]


def fact_value(fact: Fact) -> Value:
    """The drafted value: a stance for a recommendation, else yes/no/undecided or the scope."""
    if fact.value_type == "stance":
        return Value("stance", stance=fact.value)
    scope = scope_value(fact.scope)
    if fact.value == "yes" and scope and scope != "all":  # "all banks" is what "banks" says unqualified
        return Value("category", category=scope)
    return Value("category", category=fact.value)


def question(fact: Fact, entities: Entities) -> str:
    """The statement as the question a reader would ask of it: "Did Japan ban exports of semiconductors to
    Russia?", "Will China resume imports of Japanese seafood?", "Should Germany deliver Taurus missiles to
    Ukraine?", "Was Japan's response mild or severe?"."""
    obj = " ".join(fact.object_text.split()).rstrip(" ,;:")
    if fact.kind == "assessment":
        return f"Was {obj[:1].upper()}{obj[1:]} mild or severe?"
    who = entities.label(fact.actor)
    who = who if who[:1].isupper() else f"the {who}"  # "the tribunal"
    obj = re.sub(r"^(?:its|their)\b", "its", obj)
    if fact.undergone:  # "Was internet access cut?": the thing acted on, no actor said
        return {"recommendation": f"Should {who} be {obj}?", "forecast": f"Will {who} be {obj}?"}.get(
            fact.kind, f"Was {who} {obj}?")
    if fact.verb == "be":  # a state: "Is Brazil a member of OPEC?", "Will it be ...?", "Should it be ...?"
        return {"recommendation": f"Should {who} be {obj}?", "forecast": f"Will {who} be {obj}?"}.get(
            fact.kind, f"Is {who} {obj}?")
    head = {"recommendation": "Should", "forecast": "Will"}.get(fact.kind, "Did")
    return f"{head} {who} {fact.verb} {obj}?".replace(" ?", "?")


def _without_attributive_years(text: str) -> str:
    """``text`` with each year that qualifies a noun blanked out (same length: offsets hold): "suspended its 2002
    treaty" names the treaty, not when the act was done."""
    def blank(m: re.Match) -> str:
        n = 1 if m.group(1) else 2
        return m.group()[:m.start(n) - m.start()] + " " * 4 + m.group()[m.end(n) - m.start():]

    return ATTRIBUTIVE_YEAR.sub(blank, text)


def _one_period(text: str, published: Optional[PartialDate]) -> Optional[Period]:
    text = _without_attributive_years(text)
    periods = {str(d.period): d.period for d in find_dates(text, published) if d.period is not None}
    return next(iter(periods.values())) if len(periods) == 1 else None


_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WEEKDAY = re.compile(r"\b(?:on|last)\s+(" + "|".join(_WEEKDAYS) + r")\b", re.I)
# A time phrase that opens the sentence ("On Thursday, the day the troops crossed, the government said ...", "In
# 2014 Japan ...") or that a "when" clause hangs on ("in 2014, when Switzerland did not ..."): it dates the clause.
_OPENING_TIME = re.compile(r"\s*(?:on|in|by|last|until)\s+[^,;:]{1,40}?(?=,|\s+(?:the|a|an|[A-Z]))", re.I)
_WHEN_AFTER = re.compile(r"(?:in|on|by)\s+[^,;:]{1,25},\s+(?=when\s)", re.I)
# A time phrase right before the clause's subject, after a conjunction or another clause ("But in January Noboa
# proposed ...", "..., and on 3 May the ministry banned ..."): it dates the clause as an opening one does.
_TIME_BEFORE = re.compile(r"(?:^|[,;:]\s*|\b(?:but|and|yet|then|so|however|still)\s+)((?:on|in|last|until)\s+"
                          r"[^,;:]{1,30}?),?\s*$", re.I)


def _weekday(text: str, published: Optional[PartialDate], kind: str) -> Optional[Period]:
    """"On Thursday" in a report: the last Thursday before publication (news say "on Thursday" of the past
    week); None when the publication day is unknown or that very weekday (today or a week ago), or for a
    forecast ("will meet on Monday" is the next one)."""
    m = _WEEKDAY.search(text)
    if m is None or published is None or not published.day or kind == "forecast":
        return None
    day = published.start()
    back = (day.weekday() - _WEEKDAYS.index(m.group(1).lower())) % 7
    if not back:
        return None
    d = day - timedelta(days=back)
    return Period(PartialDate(d.year, d.month, d.day))


def _as_of(clause: str, published: Optional[PartialDate], before: str = "", kind: str = "fact") -> Optional[Period]:
    """The one period a clause names ("in 2014", "on 28 February", "on Thursday"), else the one the time phrase
    opening its sentence or introducing its "when" names (``before``: the sentence before the clause); None for
    none or several."""
    found = _one_period(clause, published) or _weekday(clause, published, kind)
    if found is None and before:
        lead = _OPENING_TIME.match(before) or _WHEN_AFTER.search(before + clause[:5])
        if lead:
            found = _one_period(lead.group(), published) or _weekday(lead.group(), published, kind)
        near = None if found is not None else _TIME_BEFORE.search(before[-80:])
        if near:
            found = _one_period(near.group(1), published) or _weekday(near.group(1), published, kind)
    return found


_REST_OF_CLAUSE = re.compile(r"[^,;:]*")


def fact_claims(prep: sent.Prepared, s: int, e: int, entities: Entities, registered: set[str], topics: tuple[str, ...],
                published: Optional[PartialDate], anchor: Anchor, make, carried: str = "") -> tuple[list, list[Fact]]:
    """(draft claims, the facts read) for the sentence [s, e) of ``prep.text``; ``make`` builds a DraftClaim
    from keyword arguments. Subjects are the ``registered`` entities only (`check` knows no others;
    `align --apply` registers those its keys need); ``carried`` is the actor of the sentence before, for
    "It also froze ...". A fact whose clause cannot be quoted unambiguously is left out."""
    sentence = prep.text[s:e]
    context = prep.__dict__.get("_fact_context")
    if context is None:  # once per document: its home country, then the people named as it is read
        context = prep.__dict__["_fact_context"] = Context(home_country(prep.text, entities))
    if "\n\n" in prep.text[context.end:s]:
        context.subject = context.person = ""  # a new paragraph: "It" and "He" are no longer the last subjects
        context.thing = None  # nor "it" the thing last acted on
    context.end = e
    facts = read_facts(sentence, entities, context.subject or carried, context=context)
    out = []
    for f in facts:
        anchored = anchor(prep, s + f.start, s + f.end)
        if anchored is None:
            continue
        quote, span, prefix, suffix = anchored
        words = "-".join(f.words[:3])
        claim_id = re.sub(r"[^a-z0-9]+", "-", f"{f.actor}-{f.verb}-{words}".lower()).strip("-")[:60].strip("-")
        clause = sentence[f.start:f.end]
        when = WHEN_PHRASE.match(sentence, f.end + len(sentence[f.end:]) - len(sentence[f.end:].lstrip()))
        if when:  # the quote stops before a phrase of time ("by the end of 2025"): the as-of reads it
            clause += _REST_OF_CLAUSE.match(sentence, f.end).group()
        phrase = question(f, entities)
        out.append(make(id=claim_id or "statement", quote=quote, span=span, kind=f.kind, topics=topics,
                        subjects=tuple(x for x in (f.actor, *f.others) if x in registered), value=fact_value(f),
                        as_of=_as_of(clause, published, sentence[:f.start], f.kind), prefix=prefix, suffix=suffix, phrase=phrase))
    return out, facts
