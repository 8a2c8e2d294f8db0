"""What a statement refers to beyond its own words: the fuller mention of a bare definite object, and
the country a person named as its actor speaks for.

**Bare definite objects**: "China has not lifted the ban" after "China's ban on imports of Japanese
seafood", "ruled out sending the missiles" after "Taurus cruise missiles".

A brief names a thing in full once and then by its head noun with "the" (or "its", "this"). Read alone,
the later statement's object is one word ("ban", "missile") and cannot be lined up with another brief's
full wording. ``antecedent`` looks back in the same brief for the mentions of that head noun that say
more (the words before it, "of"/"on"/"to" and what follows) and gives their nouns and places, when the
earlier mentions agree (each says no more than the latest, or no less): two different bans named before
("the ban on barley", "the ban on wine") leave "the ban" unread.

**People**: a brief that names "Chancellor Olaf Scholz" with no country makes him his own actor; another
brief (or another of its statements) that names him as the subject of a country's action ("Chancellor
Olaf Scholz has refused ...", read as Germany's) says whose office he holds. ``person_countries`` gives,
for each such person, the one country every such statement names.

**Actors that stand for another** (``stands_for``): "Yerevan" for Armenia (the capital table), "the
ministry" for its brief's home country, "the U.S. Commerce Department" for the United States (the
country the corpus writes before it), "member states" or "the bloc" for the one organisation its brief
names. ``alignfacts`` lines such statements up with their country's or body's only one-to-one and
alike (``factmatch``), never by the alias alone.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Callable, Optional

from briefcmp.analysis import nlp
from briefcmp.analysis.entities import Entities
from briefcmp.analysis.factbodies import (  # noqa: F401 (capital_of re-exported: its readers import it from here)
    _HOME_OFFICES, _MENTION_GAP, _OF_IN_LABEL, MAX_MENTIONS, _words, body_country, capital_of,
)
from briefcmp.analysis.factaliases import _longer_names, _titled  # noqa: F401 (tests import _longer_names from here)
from briefcmp.analysis.factwords import SCOPE, TIME, VAGUE_NOUNS

# "the ban", "its ban", "these missiles", "the new ban": a determiner, at most one word, the head.
_DEFINITE = re.compile(r"(?:the|its|their|this|these|those|that)\s+(?:[a-z-]+\s+)?([a-z-]+)\.?", re.I)
_SENTENCE = re.compile(r"[^.!?\n]+")
LOOK_BACK = 4000  # characters of the brief before the statement searched for the full mention
_WORD = re.compile(r"[A-Za-z][A-Za-z-]*")
_LINKS = ("of", "on", "against", "to", "from", "for", "in")


def definite_head(object_text: str) -> str:
    """The head word of an object that is only a determiner and a noun ("the ban" -> "ban"); "" otherwise."""
    m = _DEFINITE.fullmatch(" ".join(object_text.split()))
    return m.group(1).lower() if m else ""


def antecedent(head: str, before: str, entities: Entities, clean: Callable[[list[str]], frozenset[str]],
               after: str = "") -> Optional[tuple[frozenset[str], frozenset[str]]]:
    """(nouns, places) of the fuller mention of ``head`` (a lemma) in ``before`` (the brief's text before the
    statement), else in ``after`` (the text after it: "China has not lifted its ban" in a lead, the ban told in
    the paragraph that follows); None when none says more or the mentions disagree. ``clean`` maps lemmas to
    the notions statements compare."""
    found = _mentions(head, before[-LOOK_BACK:], entities, clean)[::-1] or _mentions(
        head, after[:LOOK_BACK], entities, clean)
    if not found:
        return None
    nearest = found[0]
    for words, places in found[1:]:  # every fuller mention must agree with the nearest
        if not (words <= nearest[0] or nearest[0] <= words) or not (places <= nearest[1] or nearest[1] <= places):
            return None
    return nearest


def _mentions(head: str, text: str, entities: Entities, clean) -> list[tuple[frozenset[str], frozenset[str]]]:
    """(nouns, places) of each mention of ``head`` in ``text`` that says more than the head, in text order."""
    found: list[tuple[frozenset[str], frozenset[str]]] = []
    pattern = re.compile(rf"\b{re.escape(head)}(?:s|es)?\b", re.I)
    hits = list(pattern.finditer(text))[:MAX_MENTIONS * 4][-MAX_MENTIONS:]
    for m in hits:
        sentence = next((s for s in _SENTENCE.finditer(text) if s.start() <= m.start() < s.end()), None)
        if sentence is None or "|" in sentence.group():
            continue  # an outlet line ("DW | Politics | 14.03.2024"), not prose
        phrase = _phrase(sentence.group(), m.start() - sentence.start(), head, entities)
        if phrase is None:
            continue
        words, places = clean(phrase[0]), phrase[1]
        if words - clean([head]) or places:
            found.append((words, places))
    return found


def _phrase(sentence: str, at: int, head: str, entities: Entities) -> Optional[tuple[list[str], frozenset[str]]]:
    """(noun lemmas, places) of the noun phrase around the head word at offset ``at``: the adjectives and
    nouns before it and a linked phrase after it ("ban on imports of Japanese seafood")."""
    tokens = nlp.tag(sentence)
    if not tokens:
        return None
    k = next((i for i, t in enumerate(tokens) if t.start == at), -1)
    if k < 0 or not tokens[k].noun or tokens[k].lemma != head:
        return None
    lo = k
    while lo > 0 and tokens[lo - 1].tag[:2] in ("JJ", "NN") or lo > 0 and tokens[lo - 1].tag == "POS":
        lo -= 1
    hi = k + 1
    while hi + 1 < len(tokens) and tokens[hi].lemma in _LINKS and tokens[hi + 1].tag[:2] in ("JJ", "NN", "DT", "PR"):
        hi += 1
        while hi < len(tokens) and tokens[hi].tag[:2] in ("JJ", "NN", "DT", "CC", "PR") and tokens[hi].lemma != "and":
            hi += 1
    a, b = tokens[lo].start, tokens[hi - 1].end
    names = [(x, y, e) for x, y, e in entities.find(sentence) if a <= x and y <= b]
    nouns = [t.lemma for t in tokens[lo:hi] if t.noun and _WORD.fullmatch(t.text) and t.lemma not in TIME
             and t.lemma not in VAGUE_NOUNS and t.text.lower() not in SCOPE and not any(x <= t.start < y for x, y, _ in names)]  # "in May": when
    return nouns, frozenset(e for _, _, e in names)


class BriefTexts:
    """Each brief's source text as saved (its lines kept: a title is not run into the text), read once and
    only when a claim asks for what comes before its quote."""

    def __init__(self, corpus) -> None:
        self.briefs = {b.id: b for b in corpus.briefs}
        self.texts: dict[str, str] = {}

    def text(self, brief_id: str) -> str:
        """The brief's source text ("" when it has none)."""
        if brief_id not in self.texts:
            from briefcmp.analysis.document import Document

            brief = self.briefs.get(brief_id)
            doc = Document.read(brief.source_path) if brief and brief.source_path else None  # as the loader reads it
            self.texts[brief_id] = doc.original if doc is not None else ""
        return self.texts[brief_id]

    def around(self, claim) -> tuple[str, str]:
        """The brief's text before and after the claim's quote (both "" when the text or the quote is not found)."""
        words = (claim.quote or "").split()[:40]
        text = self.text(claim.brief)
        m = re.search(r"\s+".join(map(re.escape, words)), text) if words else None
        return (text[:m.start()], text[m.end():]) if m else ("", "")


def person_countries(statements, entities: Entities, countries: frozenset[str]) -> dict[str, str]:
    """{person actor: country} for actors that are people (named with two or three capitalised words) whom a
    statement whose actor is a country names in its subject (before its object), when all such name one."""
    people = {st.actor: entities.label(st.actor) for st in statements if st.actor not in countries}
    people = {a: label for a, label in people.items() if re.fullmatch(r"[A-Z][\w'-]+(?: [A-Z][\w'-]+){1,2}", label)}
    if not people:
        return {}
    seen: dict[str, set[str]] = {a: set() for a in people}
    for st in statements:
        if st.actor not in countries or st.fact is None:
            continue
        subject = st.claim.quote[:st.fact.object_start]
        for actor, label in people.items():
            if all(re.search(rf"\b{re.escape(w)}\b", subject) for w in label.split()):
                seen[actor].add(st.actor)
    found = {a: next(iter(cs)) for a, cs in seen.items() if len(cs) == 1}
    # "Kishida" alone (a later mention, or another brief's) is the person of that surname found above
    for st in statements:
        label = entities.label(st.actor)
        if st.actor in found or st.actor in countries or not re.fullmatch(r"[A-Z][\w'-]+", label):
            continue
        whose = {found[a] for a in list(found) if a in people and label in people[a].split()}
        if len(whose) == 1:
            found[st.actor] = whose.pop()
    return found


# --------------------------------------------------------------------------- actors that stand for another

# Words between a country's name and an office or a person that say which office ("German Chancellor Olaf
# Scholz", "the U.S. Commerce Department", "Israel's Foreign Ministry"); any other word ("opposition leader",
# "Supreme Court") leaves the mention saying nothing of whom the actor acts for.
_MEMBERS = re.compile(r"(?:the\s+)?(?:member\s+(?:states|countries|nations|governments)|members)", re.I)
# Words that end the names of bodies and states, never of people ("Andean Trade Bloc", "United Kingdom").
_NOT_PEOPLE = frozenset("""kingdom states republic nations union bank fund agency institute party company group
corporation association federation organisation organization forum centre center network""".split())
_OF_COUNTRY = re.compile(r",?\s+of\s+((?:the\s+)?[A-Z][\w'.-]*(?:\s+[A-Z][\w'.-]*){0,3})")


# A country's own chambers, which act for it as its parliament does ("the Senate passed the bill"); a council or
# an assembly may be an international body's ("the Security Council", "the General Assembly"), so is not one.
_LEGISLATURES = frozenset("senate congress legislature".split())


def _kind(label: str) -> str:
    """What an actor's label names, by its words: "office" (a generic office or service that acts for its
    country: "the foreign ministry", "officials"), "members" (a body's members or the body by a generic
    word: "member states", "the bloc"), "department" (a named office of a state: "Commerce Department",
    "Foreign Ministry"), "person" (two or three capitalised names), else ""."""
    from briefcmp.analysis.factsubjects import (BODY_NOUNS, GENERIC_BODIES, GOVERNMENT_NOUNS, NATIONAL_TITLES,
                                                _OFFICE_WORDS, national_body)

    words = re.findall(r"[A-Za-z]+", label)
    low = [w.lower() for w in words if w.lower() != "the"]
    if not low:
        return ""
    if _MEMBERS.fullmatch(label.strip()) or len(low) == 1 and low[0] in GENERIC_BODIES:
        return "members"
    if national_body(label):  # "the Federal Council", "the National Assembly": a country's own, by office words
        return "department"
    if " ".join(low) in _HOME_OFFICES:
        return "office"  # "the President of the Republic", "the State": its brief's own
    offices = GOVERNMENT_NOUNS | NATIONAL_TITLES | _LEGISLATURES
    if low[-1] not in offices and low[-1] + "s" in offices:
        low[-1] += "s"  # an actor's id is singular ("lawmaker", "official"): the table writes the plural
    if low[-1] in offices and all(w in _OFFICE_WORDS or w in offices for w in low[:-1]):
        return "office" if label[:1].islower() or len(low) == 1 else "department"
    if low[-1] in offices | {"department", "ministry", "office"} and all(w[:1].isupper() for w in words):
        return "department"
    if _titled_name(label):
        return "person"  # "president Ana Rojas": a title and a name
    if re.fullmatch(r"[A-Z][\w'-]+(?: [A-Z][\w'-]+){1,2}", label.strip()) and not set(low) & (
            GENERIC_BODIES | BODY_NOUNS | GOVERNMENT_NOUNS | _NOT_PEOPLE):
        return "person"
    return ""


def _titled_name(label: str) -> str:
    """The name in a label that is a national title and one to three capitalised names ("president Ana Rojas",
    "Chancellor Scholz" -> "Ana Rojas", "Scholz"); "" otherwise."""
    from briefcmp.analysis.factsubjects import NATIONAL_TITLES

    m = re.fullmatch(r"([A-Za-z]+) ([A-Z][\w'-]+(?: [A-Z][\w'-]+){0,2})", label.strip())
    return m.group(2) if m and m.group(1).lower() in NATIONAL_TITLES else ""


def _modifier_votes(label: str, kind: str, texts: dict[str, str], entities: Entities, countries) -> set[str]:
    """The countries the corpus's texts name right before ``label`` with only office words between ("German
    Chancellor Olaf Scholz", "the U.S. Commerce Department"): a person needs a national title there."""
    from briefcmp.analysis.factsubjects import NATIONAL_TITLES, _OFFICE_WORDS

    found: set[str] = set()
    name = _titled_name(label)
    if name:  # "president Ana Rojas": the name as written after any title ("President Ana Rojas of Chile")
        label, kind = name, "titled"
    pattern = re.compile(rf"\b{re.escape(label)}\b")
    for text in texts.values():
        for m in list(pattern.finditer(text))[:MAX_MENTIONS]:
            after = _OF_COUNTRY.match(text, m.end())  # "President Lula of Brazil", "the Ministry of Defence of Japan"
            if after:
                named = [e for a, _, e in entities.find(after.group(1)) if a == 0 and e in countries]
                if named and (kind != "person" or _titled(label, text)):  # a titled name: its title was said
                    found.add(named[0])
                    continue
            window = text[max(0, m.start() - _MENTION_GAP):m.start()]
            names = [(a, b, e) for a, b, e in entities.find(window) if e in countries]
            if not names:
                continue
            _, end, country = names[-1]
            between = [w.lower() for w in re.findall(r"[A-Za-z]+", window[end:]) if w.lower() not in ("the", "s")]
            if re.search(r"[.;:!?\n]", window[end:]):
                continue  # another sentence or line
            titled = any(w in NATIONAL_TITLES for w in between)
            if all(w in _OFFICE_WORDS or w in NATIONAL_TITLES for w in between) and (titled or kind != "person"):
                found.add(country)
            elif _APPOSED.search(window[end:]) and between and all(w in _OFFICE_WORDS for w in between[:-1]) and (
                    between[-1] in _CHAMBERS or between[-1] in NATIONAL_TITLES):
                found.add(country)  # "Lithuania's parliament, the Seimas", "Chile's president, Rojas,": in apposition
        if " " not in label:
            for after in list(_CHAMBER_AFTER.finditer(text, 0))[:MAX_MENTIONS] if label in text else ():
                if after.group(1) != label:
                    continue
                named = [e for a, _, e in entities.find(after.group(2)) if a == 0 and e in countries]
                if named:
                    found.add(named[0])  # "the Seimas, Lithuania's parliament,"; "the Sejm (Poland's lower house)"
    return found


# A country's chambers and governing bodies, which a name in apposition names ("the Seimas, Lithuania's parliament").
_CHAMBERS = frozenset("parliament legislature assembly senate congress house chamber cabinet government".split())
_APPOSED = re.compile(r"\s*(?:,|\()\s*(?:the\s+)?$")
_CHAMBER_AFTER = re.compile(r"\b(?:the\s+)?([A-Z][\w'-]+)\s*(?:,|\()\s*(?:the\s+)?([A-Z][\w.-]+(?:\s+[A-Z][\w.-]+)?)"
                            r"(?:['\u2019]s)?\s+(?:(?:lower|upper|single|unicameral|national|federal)\s+)?(?:house\s+of\s+)?"
                            r"(?:parliament|legislature|assembly|senate|congress|house|chamber)\b")


def stands_for(statements, entities: Entities, texts: BriefTexts, countries: frozenset[str]) -> dict[tuple[str, str], str]:
    """{(brief, actor): whom the actor acts for there} for actors that are not countries but speak for one or
    for a body, as the corpus tells:

    - a **capital** ("Yerevan") is its country (countryinfo's table; a capital two countries claim, the one of
      them the corpus's statements have as an actor);
    - a named **office** or a **person** is the country the corpus's texts name right before it with only
      office words between ("the U.S. Commerce Department", "German Chancellor Olaf Scholz"), when they all
      name one;
    - a generic **office** ("the ministry", "officials"), and a named one or a person named with a national
      title ("President Yoon Suk Yeol") that the corpus names with no country, is its brief's home country
      (``home_country``, else the country that acts in at least two of its statements and twice as many as any other), unless that country is where the statement's act is aimed;
    - a body's **members** or a generic word for it ("member states", "the bloc") are the one organisation
      the brief names that the corpus's statements have as an actor ("ECOWAS");
    - a body named by the last words of one other actor's name, and of no other ("the Security Council",
      "the Commission", "the junta") is that actor ("the United Nations Security Council", "the European
      Commission", "the military junta").

    Nothing else is read so: a court, a party, the opposition, a company or a person named without a
    national title acts in its own name."""
    from briefcmp.analysis.factsubjects import home_country

    actors = {st.actor for st in statements}
    # organisations by name ("ECOWAS", "the African Union"): what "member states" and "the bloc" may stand for
    bodies = {a for a in actors if a not in countries and entities.label(a)[:1].isupper()
              and _kind(entities.label(a)) in ("", "department") and not capital_of(entities.label(a))}
    full: dict[str, str] = {}
    for brief in {st.claim.brief for st in statements}:
        full[brief] = texts.text(brief)
    homes: dict[str, str] = {}
    out: dict[tuple[str, str], str] = {}
    longer = _longer_names(actors, entities, countries)

    def home(brief: str) -> str:
        """The brief's home country, else the country most of its statements are about (twice any other's)."""
        if brief not in homes:
            text = full[brief]
            found = home_country(text, entities) if text else ""
            if not found:  # the country whose acts the brief reports most, ahead of any other
                top = Counter(st.actor for st in statements if st.claim.brief == brief and st.actor in countries
                              ).most_common(2)
                found = top[0][0] if top and top[0][1] >= 2 and (len(top) == 1 or top[0][1] >= 2 * top[1][1]) else ""
            if not found and text:  # the country it names as who acts, not where ("police mission to Haiti")
                found = _named_most(text, {}, brief, entities, countries)
            if not found and text:  # a short brief naming its country once: the country the corpus is about, when
                found = about_corpus()  # the brief names it and names no other country as often
                mine = Counter(e for _, _, e in entities.find(text[:200_000]) if e in countries)
                if not found or not mine[found] or any(n >= mine[found] for e, n in mine.items() if e != found):
                    found = ""
            homes[brief] = found
        return homes[brief]

    corpus_home: list[str] = []

    def about_corpus() -> str:
        """The country the corpus's texts name most as who acts (at least twice and twice any other), once."""
        if not corpus_home:
            corpus_home.append(_named_most("\n".join(t[:200_000] for t in full.values()), {}, "", entities,
                                           countries))
        return corpus_home[0]
    votes_of: dict[str, set[str]] = {}
    later = []  # read once every other actor is
    found: dict[tuple[str, str], str] = {}  # every reading, also where one statement aims the act at it
    for st in statements:
        actor, brief = st.actor, st.claim.brief
        if actor in countries or (brief, actor) in out:
            continue
        label = entities.label(actor)
        whose = ""
        capital = capital_of(label)
        kind = _kind(label)
        of = _OF_IN_LABEL.fullmatch(label.strip())
        if of and (_titled_name(of.group(1)) or _kind(of.group(1)) == "department"):
            # "Chancellor Maria Berg of Austria", "the Ministry of Defence of Japan": one name holding its country
            named = [e for a, _, e in entities.find(of.group(2)) if a == 0 and e in countries]
            whose = named[0] if named else ""
        elif capital:
            mine = capital & actors
            whose = next(iter(capital)) if len(capital) == 1 else next(iter(mine)) if len(mine) == 1 else ""
        elif kind in ("person", "department"):
            if actor not in votes_of:
                votes_of[actor] = _modifier_votes(label, kind, full, entities, countries)
            votes = votes_of[actor]
            whose = next(iter(votes)) if len(votes) == 1 else ""
            if not votes and kind == "department":
                whose = home_country(full[brief], entities) if full[brief] else ""  # its outlet's, or plainly about
            elif not votes and _titled(label, full[brief]):
                whose = home(brief)  # "Chancellor Olaf Scholz" in a brief on what Germany does
        elif kind == "office":
            whose = home(brief)
            if not whose:  # "the presidency in Algiers": the place named with it
                owners = body_country(label, [full[brief]], entities, countries)
                whose = next(iter(owners)) if len(owners) == 1 else ""
            if not whose:
                later.append(st)  # a brief that names no country: the country its people and capitals are (below)
                continue
        elif kind == "members":
            text = full[brief]
            named = {b for b in bodies if b != actor and re.search(rf"\b{re.escape(entities.label(b))}\b", text)}
            whose = next(iter(named)) if len(named) == 1 else ""
        if not whose and not capital and kind != "person" and kind != "members":
            # "the Congress" of a brief that names "Peru's unicameral Congress"; "the presidency in Algiers"
            owners = body_country(label, [full[brief]] if len(_words(label)) == 1 else list(full.values()),
                                  entities, countries)
            whose = next(iter(owners)) if len(owners) == 1 and not owners & st.others else ""
        if not whose and not capital and kind != "person":
            whose = longer.get(actor, "")
        if not whose and not kind and label[:1].isupper() and " " not in label.strip():
            # a surname alone ("Rojas defended the freeze"): a person whose title and country the corpus
            # writes beside the name elsewhere ("President Ana Rojas of Chile")
            if actor not in votes_of:
                votes_of[actor] = _modifier_votes(label, "person", full, entities, countries)
            votes = votes_of[actor]
            whose = next(iter(votes)) if len(votes) == 1 else ""
        if not whose and not kind and (act_head(label) or _measure_undergone(st)):
            later.append(st)  # "the suspension was lifted", "exports were halted": whose act, once the rest are read
            continue
        if whose and whose != actor:
            found[(brief, actor)] = whose
        if whose and whose != actor and whose not in st.others:  # no actor is the place its act is aimed at
            out[(brief, actor)] = whose
    _through(out, countries, found)
    most: dict[str, str] = {}
    for st in later:
        actor, brief = st.actor, st.claim.brief
        if (brief, actor) in out:
            continue
        head = act_head(entities.label(actor))
        # whose act it is must be said in the brief: an agreement reached is no one country's alone
        whose = act_owner(head, st, statements, out, full[brief], entities, countries) if head else ""
        if not whose and _measure_undergone(st):  # "exports have been halted", "the ban was lifted": who halts or
            doers = {out.get((o.claim.brief, o.actor), o.actor) for o in statements if o.claim.brief == brief  # lifts,
                     and o.action == st.action and o is not st and not getattr(o.fact, "undergone", False)}  # else
            whose = next(iter(doers)) if len(doers) == 1 else "" if doers else home(brief)  # the brief's country
        elif not head:
            if brief not in most:  # once per brief: the readings above are all in
                most[brief] = _named_most(full[brief], out, brief, entities, countries)
            whose = home(brief) or most[brief]
            if not whose and _kind(entities.label(actor)) == "office" and not _names_a_country(
                    full[brief], brief, out, entities, countries):
                # "the government" in a brief that names no country at all (a domestic outlet writes none): the
                # country the corpus is about; a person is never read so (a president may be another country's)
                whose = about_corpus()
        if whose and whose != actor and whose not in st.others:
            out[(brief, actor)] = whose
    _placed_elsewhere(statements, out, full, entities, countries)
    return out


def _placed_elsewhere(statements, out: dict[tuple[str, str], str], full: dict[str, str], entities: Entities,
                      countries: frozenset[str]) -> None:
    """A generic office or body ("the junta", "the government") that its own brief does not place but that every
    other brief naming it places in one country is that country's, when this brief names that country more often
    than any other: the corpus says who is who where one brief, on a bloc and its members, does not."""
    readings: dict[str, set[str]] = {}
    for (_, actor), whose in out.items():
        if whose in countries:
            readings.setdefault(actor, set()).add(whose)
    named: dict[str, list[tuple[str, int]]] = {}
    for st in statements:
        actor, brief = st.actor, st.claim.brief
        if (brief, actor) in out or actor in countries or len(readings.get(actor, ())) != 1:
            continue
        label = entities.label(actor)
        if not label[:1].islower() and _kind(label) != "office":
            continue  # a name ("the Supreme Court", "Rojas") is placed by what is written beside it, not so
        whose = next(iter(readings[actor]))
        if whose in st.others or not full.get(brief):
            continue
        if brief not in named:
            named[brief] = Counter(e for _, _, e in entities.find(full[brief][:200_000]) if e in countries
                                   ).most_common(2)
        top = named[brief]
        if top and top[0][0] == whose and (len(top) == 1 or top[0][1] > top[1][1]):
            out[(brief, actor)] = whose


def _names_a_country(text: str, brief: str, out: dict[tuple[str, str], str], entities: Entities,
                     countries: frozenset[str]) -> bool:
    """Whether a brief names any country, by name, demonym or capital, or by an actor read as one."""
    return any(e in countries for _, _, e in entities.find(text[:200_000])) or any(
        b == brief and w in countries for (b, _), w in out.items())


def _through(out: dict[tuple[str, str], str], countries: frozenset[str], found: dict[tuple[str, str], str]) -> None:
    """Read aliases through to a country: "Rojas" stands for "President Ana Rojas", whom another brief names
    "of Chile" (an actor one brief resolves is resolved so in every brief that only names it)."""
    anywhere: dict[str, set[str]] = {}
    for (_, actor), whose in found.items():
        anywhere.setdefault(actor, set()).add(whose)
    for (brief, actor), whose in list(out.items()):
        seen = {actor}
        while whose not in countries and whose not in seen:
            seen.add(whose)
            nxt = found.get((brief, whose)) or (next(iter(anywhere[whose])) if len(anywhere.get(whose, ())) == 1 else "")
            if not nxt:
                break
            whose = nxt
        out[(brief, actor)] = whose


# A country named after one of these is where an act is aimed or happens ("a mission to Haiti", "sanctions on
# Russia"), not who acts: a brief's own country is named as a subject or a modifier ("Kenya's police", "Kenya said").
_AIMED = re.compile(r"\b(?:to|in|into|on|against|at|from|for|with|toward|towards|over|across|inside|within|"
                    r"through)\s+(?:the\s+)?$", re.I)


def _named_most(text: str, out: dict[tuple[str, str], str], brief: str, entities: Entities,
                countries: frozenset[str]) -> str:
    """The country a brief is about, as who acts: the one it names (or names by its people and capitals: "Rojas",
    read as Chile's president) most often other than as where an act is aimed ("to Haiti"), at least twice and
    twice any other."""
    counts: Counter = Counter()
    text = text[:200_000]
    for (b, actor), whose in out.items():
        if b == brief and whose in countries:
            counts[whose] += sum(1 for m in re.finditer(rf"\b{re.escape(entities.label(actor))}\b", text)
                                 if not _AIMED.search(text, max(0, m.start() - 12), m.start()))
    for a, _, e in entities.find(text):
        if e in countries and not _AIMED.search(text, max(0, a - 12), a):
            counts[e] += 1
    top = counts.most_common(2)
    return top[0][0] if top and top[0][1] >= 2 and (len(top) == 1 or top[0][1] >= 2 * top[1][1]) else ""


def _measure_undergone(st) -> bool:
    """Whether the statement is a measure undergone with no agent said ("all exports have been halted", "access was
    cut"): a government's act (``MEASURE_VERBS``), as ``factforms.passive`` reads one whose actor the paragraph names."""
    from briefcmp.analysis import lexicon
    from briefcmp.analysis.factwords import MEASURE_VERBS

    return bool(getattr(st.fact, "undergone", False)) and (
        st.action in MEASURE_VERBS or lexicon.lemma(st.fact.verb) in MEASURE_VERBS)


def act_head(label: str) -> str:
    """The noun that names an act or a measure, when an actor's label is one ("the suspension", "suspension of
    trade", "the withdrawal", "the new ban"): a measure noun, or a noun WordNet derives from a verb; "" for
    anything else (a name, an office, a thing)."""
    from briefcmp.analysis import lexicon
    from briefcmp.analysis.factsubjects import BODY_NOUNS, GENERIC_BODIES, GOVERNMENT_NOUNS, INSTRUMENTS
    from briefcmp.analysis.factwords import BAN_NOUNS, MEASURE_NOUNS

    words = re.findall(r"[A-Za-z]+", label)
    if not words or not label[:1].islower() and label[:4] != "the ":
        return ""  # a name ("Operation Sindoor") acts in its own name
    low = [w.lower() for w in words if w.lower() != "the"]
    cut = next((i for i, w in enumerate(low) if w in _LINKS), len(low))  # "suspension of trade": suspension
    head = lexicon.lemma(low[cut - 1]) if cut else ""
    if head in GOVERNMENT_NOUNS or head in BODY_NOUNS or head in GENERIC_BODIES:
        return ""  # "the administration", "the commission": who acts, not an act
    if head in INSTRUMENTS or head in MEASURE_NOUNS or head in BAN_NOUNS or _act_verbs(head):
        return head
    return ""


def _act_verbs(noun: str) -> frozenset[str]:
    """The actions a noun names ("suspension" -> suspend, "sale" -> sell), by WordNet's derivations; a noun that is
    a verb of action itself ("ban", "freeze") names that action."""
    from briefcmp.analysis import lexicon
    from briefcmp.corpus import wordnet

    if not noun:
        return frozenset()
    # "suspension" -> suspend, "withdrawal" -> withdraw (a verb lemminflect knows); "ban" is one itself
    verbs = {v for v in wordnet.derived(noun) if nlp.is_verb_base(v)} | ({noun} if lexicon.is_action(noun) else set())
    return frozenset(lexicon.same_action(v) for v in verbs)


def act_owner(head: str, st, statements, out: dict[tuple[str, str], str], text: str, entities: Entities,
              countries: frozenset[str]) -> str:
    """Whose act ``head`` ("suspension") is in ``st``'s brief: the one actor (read through) of the brief's other
    statements whose action the noun names ("Chile suspended ..."), else the one country the brief writes it
    after ("Chile's suspension"); "" when none or several."""
    from briefcmp.analysis import lexicon
    from briefcmp.analysis.factwords import BAN_NOUNS, MEASURE_NOUNS

    verbs = _act_verbs(head) | ({lexicon.same_action("ban")} if head in BAN_NOUNS else frozenset())
    families = {lexicon.action_family(v) for v in verbs}
    owners = set()
    for other in statements:
        if other is st or other.claim.brief != st.claim.brief or act_head(entities.label(other.actor)):
            continue
        who = out.get((other.claim.brief, other.actor), other.actor)
        named = lexicon.notion(head) in other.words
        imposed = head in MEASURE_NOUNS | BAN_NOUNS and named and \
            lexicon.action_family(other.action) == lexicon.action_family("impose")
        # who lifts or ends a suspension is who suspended: a measure is undone by its owner
        undone = named and any(lexicon.opposite_actions(other.action, v) for v in verbs | {"impose"})
        if other.action in verbs or lexicon.action_family(other.action) in families or imposed or undone:
            owners.add(who)
    if not owners:
        for m in list(re.finditer(rf"\b{re.escape(head)}", text[:200_000], re.I))[:MAX_MENTIONS]:
            before = text[max(0, m.start() - _MENTION_GAP):m.start()]
            found = [(b, e) for _, b, e in entities.find(before) if e in countries]
            if found and re.fullmatch(r"['\u2019]s\s+(?:[a-z-]+\s+){0,2}|\s", before[found[-1][0]:]):
                owners.add(found[-1][1])  # "Chile's suspension", "Chile's temporary export suspension"
    return next(iter(owners)) if len(owners) == 1 else ""
