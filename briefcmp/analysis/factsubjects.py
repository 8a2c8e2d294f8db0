"""Who acts when the subject is a person, an office or a body rather than a name: "Chancellor Olaf
Scholz", "the foreign minister", "the ministry", "the government", "the tribunal".

News and briefs name a country's action by the person or office that takes it. ``office_actor``
reads the subject noun phrase before a verb (its tags, from ``briefcmp.analysis.nlp``) and says
whose action it is:

- a **national office** (a head of government or state, a minister, a ministry, the government,
  officials) acts for its country: the one the phrase names ("China's Ministry of Commerce",
  "the Japanese government"), else the one the same person was named with earlier in the text
  ("German Chancellor Olaf Scholz", then "Scholz"), else the document's home country
  (``Context.home``: the country its outlet line names, or the one country it is plainly about),
  else, when a quote is read again on its own, the actor it was drafted with (``carried``);
- a titled person no country is known for is their own actor, one id whatever the order of the
  names ("Fumio Kishida", "Kishida Fumio"); every name of theirs, "he" and "she" are that actor later;
- a **local office** ("Governor Hideyo Hanazumi", "the mayor") is the office itself, so that
  "Governor Hanazumi" and "the governor" in another brief are the same actor;
- a **body** that rules or votes ("the tribunal", "the prefectural assembly") is its own actor,
  named by its kind; "the Commission" is the body named in full before ("the European Commission");
  "the bloc" or "the alliance" the organisation named acting before;
- an **instrument** ("the proposal", "the new threshold", "the closures") is asked about itself;
- a **name** no list holds ("the Bundestag", "Engie": capitalised words the tagger's lexicon does not
  know) acts in its own name.

Nothing is guessed beyond that: a phrase with other words in it ("The report", "The package of
measures") has no actor.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Optional

from briefcmp.analysis import nlp
from briefcmp.analysis.countrydata import slug
from briefcmp.analysis.entities import Entities, proper_names
from briefcmp.analysis.factwords import ACRONYM, NOT_BODIES

# Titles of people who act for their country, and of those who act for a region or themselves.
NATIONAL_TITLES = frozenset("""chancellor president premier minister secretary spokesman spokeswoman spokesperson
ambassador envoy king queen emperor taoiseach""".split())
LOCAL_TITLES = frozenset("governor mayor".split())
# Offices and services that act for their country ("the ministry", "officials").
GOVERNMENT_NOUNS = frozenset("""government cabinet administration ministry ministries department officials
authorities ministers parliament lawmakers legislators diet""".split())
# Instruments that act in the words of a brief ("the proposal does not change the timetable", "the new
# threshold exempts small firms"): the question is asked of the instrument itself.
INSTRUMENTS = frozenset("""proposal threshold ban rule law regulation package bill agreement deal ruling plan reform
directive decree embargo moratorium levy scheme mechanism treaty accord closure sanction restriction tariff
exemption""".split())
# Words that name again an organisation named before ("the EU ... the bloc", "NATO ... the alliance").
GENERIC_BODIES = frozenset("bloc union alliance organisation organization grouping".split())
# Bodies that act in their own name ("the tribunal ruled", "the assembly approved").
BODY_NOUNS = frozenset("""tribunal court panel arbitrators commission assembly council regulator committee
legislature senate congress watchdog""".split())
# Words before a head that say which office, not whose ("Defence Minister", "the central government").
_OFFICE_WORDS = frozenset("""prime foreign defence defense finance trade economy interior home deputy vice chief
central federal national new outgoing incoming former acting general senior top commerce""".split())
_TIME_TAGS = ("CD",)


@dataclass
class Context:
    """What a document says about its actors, read in order: its home country, and the people and
    offices named so far (surname or title -> actor)."""

    home: str = ""
    persons: dict[str, str] = field(default_factory=dict)  # surname (lower case) -> actor
    titled: dict[str, str] = field(default_factory=dict)  # title ("governor") -> the last person with it
    body: str = ""  # the last organisation (not a country, not a person) that was a subject: "the bloc"
    heads: dict[str, set[str]] = field(default_factory=dict)  # "Commission" -> bodies named in full with it
    person_actors: set[str] = field(default_factory=set)  # the actors of people named with a title
    subject: str = ""  # the first subject of the last sentence read that had one, for "It" in the next
    person: str = ""  # the actor of the last person named with a title, for "He" and "She"
    end: int = 0  # where that sentence ended (the drafter starts again after a paragraph break)
    thing: Optional[object] = None  # the last fact read (a ``Fact``): what "it" as an object may stand for
    countries: list[str] = field(default_factory=list)  # the countries named in the sentences read so far

    def know(self, surname: str, title: str, actor: str) -> None:
        """A person named with a title acts as ``actor`` from now on."""
        self.persons[surname] = actor
        self.titled[title] = actor
        self.person_actors.add(actor)
        self.person = actor

    def named(self, entities: Entities, names: list[tuple[int, int, str]]) -> None:
        """Note the bodies a sentence names in full ("the European Commission"), for a later "the Commission"."""
        for _, _, e in names:
            words = entities.label(e).split()
            if len(words) > 1 and e in entities.adopted:
                self.heads.setdefault(words[-1], set()).add(e)


# Nouns a definite count of states is said in ("the two governments", "both sides", "the three capitals"): each is
# one of the states named last ("the two presidents": their states, as "the President of Kenya" is Kenya).
_STATE_PLURALS = frozenset("country state nation government side capital president leader neighbour neighbor".split())
_COUNTS = {"two": 2, "three": 3, "four": 4, "both": 2}


def counted_states(tokens: list[nlp.Token], lo: int, hi: int, names: list[tuple[int, int, str]],
                   context: Optional[Context], carried: str = "") -> tuple[str, ...]:
    """The states a definite count names as the subject tokens[lo:hi] ("The two governments", "Both sides", "the
    three countries"): the countries named before it in the document, when exactly that many are; () otherwise
    ("Two deputies", "the two sites": a count of others, no state named). ``carried``: the state a quote read again
    on its own was drafted for, one of those counted."""
    words = [t for t in tokens[lo:hi] if t.tag != "RB"]
    k = 1 if words and words[0].lemma == "the" else 0
    if len(words) < k + 2 or words[k].lemma not in _COUNTS or (words[k].lemma == "both") == bool(k):
        return ()
    head = words[-1]
    if head.tag != "NNS" or head.lemma not in _STATE_PLURALS or any(t.tag not in ("JJ", "NNS") for t in words[k + 1:]):
        return ()
    count = _COUNTS[words[k].lemma]
    countries = countries_ids()
    if carried:
        return (carried,) if carried in countries else ()
    if context is None:
        return ()
    seen = list(dict.fromkeys([*context.countries, *(e for a, b, e in names if a < tokens[lo].start
                                                      and e in countries)]))
    return tuple(seen) if len(seen) == count else ()  # (a third state named: which two is not known)


def home_country(text: str, entities: Entities) -> str:
    """The country a document speaks from or is plainly about: the one its outlet line names ("The Japan
    News | Editorial", "China Daily"), else the country it names most, at least twice and twice as
    often as any other; "" when neither holds."""
    lines = [ln.strip() for ln in text[:600].split("\n")]
    head = [ln for ln in lines[1:4] if ln and len(ln) <= 120 and ("|" in ln or re.search(r"\b(?:19|20)\d\d\b", ln)
                                                                  or _WIRE_DATELINE.search(ln))]
    for line in head[:1]:
        found = _outlet_country(line, text[text.find(line) + len(line):], entities)
        if found is not None:
            return found
    found = entities.find(text)
    counts = Counter(e for _, _, e in found)
    starts = {a for a, _, _ in found}
    # Bodies count too: a brief about what the EU did to Niger is not Niger's ("the Commission", "the bloc")
    counts.update(slug(name) for a, _, name in proper_names(text) if a not in starts)
    counts.update(m.group() for m in ACRONYM.finditer(text) if m.group() not in NOT_BODIES
                  and m.start() not in starts and not _modifier(text, m.end()))
    top = counts.most_common(2)
    if top and top[0][0] in _countries() and top[0][1] >= 2 and (len(top) == 1 or top[0][1] >= 2 * top[1][1]):
        return top[0][0]
    return ""


_WIRE_DATELINE = re.compile(r"^[A-Z][A-Z .'/-]+,.*\([A-Za-z -]+\)\s*[-\u2013\u2014]+\s*$")  # "SEOUL, Nov. 7 (Yonhap) --"
_CAPITALS = re.compile(r"\b[A-Z]{2,}(?:[ -][A-Z]{2,})*\b")


def _outlet_country(line: str, body: str, entities: Entities) -> Optional[str]:
    """The country an outlet or dateline line speaks from: the first of its parts ("|") that names
    anything decides. The outlet's own name ("Kenya Daily Star") says it; a later part ("Republic of
    Kenya", "Guardian Australia", "Nairobi, 5 March 2024") or a wire dateline ("BERN, Feb 28 (AFP)")
    says it when the text names that country too (a paper's seat is not what a story about its
    neighbours is about: it names the country at least twice). None when the line does not say:
    no part names anything, or the first that does is no one country ("European Commission |
    Brussels", "NEW DELHI/OTTAWA")."""
    for k, part in enumerate(line.split("|")):
        cased = _CAPITALS.sub(lambda m: m.group().title(), part)  # "BERN" is Bern
        named = entities.subjects(cased)
        if not named:
            continue
        if len(named) != 1 or named[0] not in _countries():
            return None
        if k == 0 and cased == part:
            return named[0]
        mentions = sum(e == named[0] for _, _, e in entities.find(body))
        return named[0] if mentions >= 2 else None
    return None


def _modifier(text: str, end: int) -> bool:
    """Whether the name ending at ``end`` modifies the noun after it ("EU vessels", "EU fishers"): a lower-case
    word follows that cannot be a verb."""
    m = re.match(r" ([a-z]+)\b", text[end:end + 30])
    return bool(m) and not nlp.is_verb_form(m.group(1))


@lru_cache(maxsize=1)
def _countries() -> frozenset[str]:
    from briefcmp.analysis.countrydata import countries

    return frozenset(c.id for c in countries())


def countries_ids() -> frozenset[str]:
    """The ids of the countries ``Entities`` knows."""
    return _countries()


def _subject_phrase(tokens: list[nlp.Token], lo: int, hi: int) -> list[nlp.Token]:
    """The noun phrase of tokens[lo:hi] without a leading article and a trailing adverb or time phrase
    ("Niigata Governor Hideyo Hanazumi on Friday", "The tribunal once more"); [] if anything else stands
    in it (a verb, a pronoun, a clause)."""
    np = tokens[lo:hi]
    while np and (np[-1].tag in ("RB", "RBR") or np[-1].tag in _TIME_TAGS or _is_time(np[-1])):
        np = np[:-1]
        if np and np[-1].tag == "IN" and np[-1].lemma in ("on", "in", "at", "last", "this"):
            np = np[:-1]
        elif np and np[-1].tag == "DT" and np[-1].lemma in ("this", "last", "that"):
            np = np[:-1]
    while len(np) > 2 and np[0].tag == "IN" and (_is_time(np[1]) or np[1].tag == "CD"):
        np = np[2:]  # "On Wednesday Prime Minister ...": when, before who
        while np and (np[0].tag == "CD" or _is_time(np[0])):
            np = np[1:]
    while np and (np[0].tag in ("DT", "PRP$") and np[0].lemma in ("the", "its", "their") or np[0].tag == "CC"):
        np = np[1:]
    if not np or len(np) > 8:
        return []
    for k, t in enumerate(np):
        if t.tag[:2] in ("NN", "JJ") or t.tag == "POS" or t.text in ("'s", "\u2019s", "s") and k:
            continue
        if t.tag == "IN" and t.lemma == "of" and 0 < k < len(np) - 1 and np[k + 1].text[:1].isupper():
            continue  # "Ministry of Commerce"
        return []
    return np


# Heads of the names of a country's own government and legislature ("the Federal Council", "the National
# Assembly", "the State Council", "the Federal Government"), with only office words before them.
_NATIONAL_HEADS = frozenset("government cabinet council assembly parliament congress senate".split())


def national_body(name: str) -> bool:
    """Whether a name is one of a country's own institutions by its office words alone ("the Federal
    Council", "the National Assembly"): it acts for the home country. A name that says more ("the
    National Security Council", "the European Council", "the Security Council") is its own actor."""
    words = [w.lower() for w in re.findall(r"[A-Za-z]+", name) if w.lower() != "the"]
    return len(words) >= 2 and words[-1] in _NATIONAL_HEADS and all(w in _OFFICE_WORDS for w in words[:-1])


def _is_time(t: nlp.Token) -> bool:
    from briefcmp.analysis.factwords import TIME

    return t.lemma in TIME


def office_actor(tokens: list[nlp.Token], lo: int, hi: int, names: list[tuple[int, int, str]], entities: Entities,
                 context: Optional[Context], carried: str = "") -> str:
    """The actor of the subject phrase tokens[lo:hi] when it is a person with a title, an office or a
    body (see the module's docstring); "" when it is none of these or cannot be resolved."""
    seat = _seated(tokens, lo, hi, names)
    if seat:
        return seat  # "the Taliban administration in Kabul", "the government in Tokyo": the country seated there
    np = _subject_phrase(tokens, lo, hi)
    if not np:
        return ""
    ctx = context or Context()
    words = [t.lemma for t in np]
    lows = [t.text.lower() for t in np]
    named = [e for a, b, e in names if np[0].start <= a and b <= np[-1].end]
    country = next((e for e in named if e in _countries()), "")
    # (no home country: the country the paragraph is about, its last subject: "Taiwan ... The government said")
    fallback = ctx.home or carried or (ctx.subject if ctx.subject in _countries() else "")
    titles = [k for k, w in enumerate(lows) if w in NATIONAL_TITLES or w in LOCAL_TITLES]
    if titles:
        k = titles[-1]
        title = lows[k]
        person = [t for t in np[k + 1:] if t.tag[:2] == "NN" and t.text[:1].isupper()]  # "Kishida Fumio" (NN)
        full = len(person) == len(np) - k - 1
        person = [t for t in person if not _INITIAL.fullmatch(t.text)]  # "Ferdinand R. Marcos Jr."
        if not full or len(person) > 3:
            return ""  # "the minister for trade", "the president's office": not a plain title and name
        if person:
            tokens_of = [t.text.lower() for t in person]
            known = next((ctx.persons[w] for w in tokens_of if w in ctx.persons), "")
            if title in LOCAL_TITLES:  # "Governor Hideyo Hanazumi", "the governor": the office, named alike
                actor = known or entities.adopt(title)
            else:
                actor = country or known or fallback or _person(entities, [t.text for t in person])
            for w in tokens_of:  # "Yoon" or "Suk Yeol" later: which word is the family name is not known
                ctx.know(w, title, actor)
            return actor
        if any(w not in _OFFICE_WORDS and w not in NATIONAL_TITLES and w not in LOCAL_TITLES and w not in named
               for w in words[:k] if not _named_at(np, names, words.index(w))):
            return ""
        if title in LOCAL_TITLES:
            return ctx.titled.get(title) or entities.adopt(title)  # "the governor"
        return country or fallback  # "the foreign minister", "Germany's chancellor"
    head = np[-1]
    if len(np) == 1 and head.lemma in ("country", "nation") and tokens[lo].lemma == "the":
        # "Peru signed the pact ... The country withdrew": the country last the subject, else the text's own
        return next((c for c in (ctx.subject, carried) if c in _countries()), "") or ctx.home
    if country and len(np) > 2 and (np[1].tag == "POS" or np[1].text in ("'s", "\u2019s", "'")) and \
            any(a <= np[0].start < b and e == country for a, b, e in names) and (
            head.lemma in GOVERNMENT_NOUNS or head.text.lower() in GOVERNMENT_NOUNS or national_body(
                " ".join(t.text for t in np[2:] if t.text not in ("s", "'s", "\u2019s"))) or _institution(np[2:])):
        return country  # "Pakistan's caretaker government", "Kenya's National Assembly": the country's own
    if head.lemma in GENERIC_BODIES and all(t.tag in ("JJ", "NN") for t in np) and not named:
        return ctx.body or carried  # "the bloc": the organisation the text named as acting before
    if head.lemma in GOVERNMENT_NOUNS or head.text.lower() in GOVERNMENT_NOUNS or any(
            t.lemma in ("ministry", "department") for t in np):
        if all(t.lemma in _OFFICE_WORDS or t.lemma in GOVERNMENT_NOUNS or t.text.lower() in GOVERNMENT_NOUNS
               or t.tag in ("NNP", "NNPS", "POS", "IN") or t.text in ("'s", "s") for t in np):
            if country or fallback:
                return country or fallback  # "the Ministry of Commerce", "the central government", "officials"
        elif head.lemma in GOVERNMENT_NOUNS:
            return ""
    if head.lemma in INSTRUMENTS and not named and len(np) <= 4 and tokens[lo].lemma in ("the", "this") \
            and all(t.tag in ("JJ", "NN", "NNS", "CD") for t in np):
        return entities.adopt(head.lemma)  # "The new 50-tonne threshold": the threshold
    if head.lemma in BODY_NOUNS and not named:
        if head.text[:1].isupper() and len(np) == 1:  # "The Commission": the body named in full in the text
            full = set(ctx.heads.get(head.text, ()))
            if carried and entities.label(carried).split()[-1:] == [head.text]:
                full.add(carried)  # a quote read again: the body it was drafted with
            if len(full) == 1:
                return full.pop()
        # "the prefectural assembly", and "the Niigata prefectural assembly" alike: the body by its kind
        # "the High Court" and "the Supreme Court" are two courts: a capitalised common word says which; a place's
        # name does not ("the Niigata prefectural assembly" is still the prefectural assembly)
        named_at = [(a, b) for a, b, _ in names]
        kept = [t for t in np if t.tag in ("JJ", "NN", "NNS") or t.lemma in BODY_NOUNS or t.tag in ("NNP", "NNPS")
                and nlp.is_common_word(t.text) and not any(a <= t.start < b for a, b in named_at)]
        capital = any(t.tag in ("NNP", "NNPS") and t.lemma not in BODY_NOUNS for t in kept)
        return entities.adopt(" ".join(t.text if capital else t.text.lower() for t in kept))
    if len(np) <= 3 and all(t.tag in ("NNP", "NNPS") and t.text[:1].isupper() for t in np) and not named \
            and tokens[lo].lemma == "the" and (head.lemma in GOVERNMENT_NOUNS or head.lemma == "office"):
        return entities.adopt(" ".join(t.text for t in np))  # "the Commerce Department" of no country the text says
    if all(t.tag in ("NNP", "NNPS") for t in np) and len(np) <= 3:
        known = ctx.persons.get(np[-1].text.lower()) or carried  # a quote read again: the actor it was drafted with
        if known:
            return known  # "Scholz said ...", after "Chancellor Olaf Scholz"
        party = len(np) == 1 and np[0].tag == "NNPS" and tokens[lo].lemma == "the" and np[0].text.endswith("s")
        if not named and all(re.fullmatch(r"[A-Z][A-Za-z-]+", t.text) and not nlp.is_common_word(t.text) for t in np) \
                or party and not named:  # "the Greens", "the Socialists": a party, named by its members
            # "The Bundestag rejected", "Engie refused to": a name no list holds (no capitalised common word such
            # as a sentence's first "Parliament") is a body or company acting in its own name
            return entities.adopt(" ".join(t.text for t in np))
    return ""


def _institution(np: list[nlp.Token]) -> bool:
    """Whether a capitalised phrase after a country's possessive names an institution in common words ("Belgium's
    Chamber of Representatives", "Peru's Constitutional Court"), not a firm's own name ("Russia's Gazprom")."""
    words = [t for t in np if t.text not in ("s", "'s", "\u2019s")]
    return bool(words) and words[-1].tag.startswith("NN") and all(
        t.lemma == "of" or t.text[:1].isupper() and nlp.is_common_word(t.text) for t in words)


def _seated(tokens: list[nlp.Token], lo: int, hi: int, names: list[tuple[int, int, str]]) -> str:
    """The country of "<a government noun> in <its capital or its name>" ending tokens[lo:hi], else ""."""
    k = hi - 1
    while k > lo and tokens[k].tag in ("RB",):
        k -= 1
    place = next((e for a, b, e in names if a <= tokens[k].start < b), "") if k > lo else ""
    m = k
    while m > lo and any(a <= tokens[m - 1].start < b for a, b, _ in names):
        m -= 1  # the place's first word ("Addis Ababa")
    if not place or place not in _countries() or m - 2 < lo or tokens[m - 1].lemma != "in":
        return ""
    head = tokens[m - 2]
    return place if head.lemma in GOVERNMENT_NOUNS or head.text.lower() in GOVERNMENT_NOUNS else ""


_INITIAL = re.compile(r"[A-Z]\.|(?:Jr|Sr)\.?|I{2,3}|IV")


def _named_at(np: list[nlp.Token], names: list[tuple[int, int, str]], k: int) -> bool:
    return any(a <= np[k].start < b for a, b, _ in names)


def _person(entities: Entities, name: list[str]) -> str:
    """The actor of a person no country is known for: one id whatever the order of the names ("Fumio Kishida",
    "Kishida Fumio"), labelled as first written."""
    eid = entities.adopt(" ".join(sorted(name)))
    if entities.labels.get(eid) == " ".join(sorted(name)):
        entities.labels[eid] = " ".join(name)  # the label as written, the id in any order
    return eid


def remember(tokens: list[nlp.Token], lo: int, hi: int, actor: str, context: Optional[Context]) -> None:
    """Note the person a subject phrase names with a title and the actor found for it ("German Chancellor
    Olaf Scholz" is Germany): a later "Scholz" or "the chancellor" is the same actor; and an organisation
    that acts, for a later "the bloc"."""
    if context is None:
        return
    if actor not in _countries() and actor not in context.person_actors:
        context.body = actor
    np = _subject_phrase(tokens, lo, hi)
    lows = [t.text.lower() for t in np]
    titles = [k for k, w in enumerate(lows) if w in NATIONAL_TITLES or w in LOCAL_TITLES]
    if titles and titles[-1] + 1 < len(np) and all(t.tag[:2] == "NN" and t.text[:1].isupper()
                                                   for t in np[titles[-1] + 1:]):
        for t in np[titles[-1] + 1:]:
            context.know(t.text.lower(), lows[titles[-1]], actor)


# Determiners that quantify a whole subject ("every member", "all member states", "each party", "no company"):
# the actor is the kind of thing quantified ("no" also negates the value: the caller reads it).
_UNIVERSAL = frozenset("every all each both no neither".split())
# Words that head a subject phrase without naming anyone that acts: a time ("Last week"), a quantity ("Many"),
# a pronoun the tagger calls a noun.
_NOT_ACTORS = frozenset("one ones thing things something nothing anything everything someone anyone everyone nobody "
                        "none lot lots number part rest".split())
# Those who comment on what others do, in the voice of a report ("Analysts welcomed ...", "Critics attacked ...",
# "The report stopped short of ..."): a reaction or a document, not an actor of the events reported.
_COMMENTATORS = frozenset("analyst critic observer expert commentator economist scholar researcher report study "
                          "paper article analysis survey".split())
MAX_PHRASE_WORDS = 4


def phrase_actor(tokens: list[nlp.Token], lo: int, hi: int, names: list[tuple[int, int, str]],
                 entities: Entities) -> str:
    """The actor of a subject noun phrase that names no registered entity, person or office ("Member states",
    "the junta", "Every ECOWAS member", "The Appellate Division", "The levy on imported steel"): the phrase
    itself, its common nouns as lemmas and its names as written ("member state", "ECOWAS member", "Appellate
    Division", "levy on imported steel"), so that two briefs' statements about "member states" share an actor.
    Articles, possessive pronouns ("its members") and quantifiers of the whole ("every", "all") are left out;
    a name's government or court ("Transnistria's government") is the name's. "" when the phrase is more than
    a few adjectives and nouns (and one phrase of "of", "on", "for" or "with"), holds another possessive
    ("Guinea's participation": whose), or ends in a word that names no one ("Many", "the rest")."""
    owned = _owned_body(tokens, lo, hi, names, entities)
    if owned:
        return owned
    while lo + 2 < hi and tokens[lo].lemma in ("last", "this", "next", "earlier") and _is_time(tokens[lo + 1]):
        lo += 2  # "Last week parliament approved ...": when, before who
    k = lo + (lo < hi and (tokens[lo].lemma in _UNIVERSAL or tokens[lo].lemma in ("a", "an", "any")))
    k += k < hi and tokens[k].tag in ("DT", "PRP$") and tokens[k].lemma in ("the", "its", "their")  # "all the"
    k += k + 1 < hi and tokens[k].lemma == "such"  # "Any such visas": the visas
    k = _past_common_owner(tokens, k, hi, names)  # "the country's gas reserves": the reserves (whose: the text's)
    if k + 1 < hi and re.fullmatch(r"(?:19|20)\d\d", tokens[k].text) and tokens[k + 1].noun:
        k += 1  # "The 2023 ban": the ban ("Three ships" is a count: no actor)
    cut = next((m for m in range(k + 1, hi) if tokens[m].tag == "IN"), hi)  # "the levy | on imported steel"
    np = _subject_phrase(tokens, k, cut)
    tail = tokens[cut + 1:hi] if cut < hi and tokens[cut].lemma in _OF else []
    if cut < hi and (not tail or len(tail) > MAX_PHRASE_WORDS + 1 or not all(
            t.tag[:2] in ("NN", "JJ") or t.tag == "VBN" or t.tag == "DT" and t.lemma == "the"
            or t.tag == "IN" and t.lemma in _OF for t in tail)):
        return ""  # "Guinea, in a statement", "the ban in 2014": not one noun phrase
    # ("the ban on exports of bauxite ore": a phrase of "of" inside the first is still one noun phrase)
    tail = [t for t in tail if t.tag != "DT"]
    if not np or len(np) > MAX_PHRASE_WORDS or not np[-1].noun or np[-1].lemma in _NOT_ACTORS or _is_time(np[-1]) \
            or np[-1].lemma in _COMMENTATORS or tail and not tail[-1].noun:
        return ""
    if any(t.tag == "POS" or t.text in ("'s", "\u2019s", "'", "s") for t in np):
        return ""
    if any(t.tag in ("NN", "NNS") and not re.fullmatch(r"[A-Za-z][A-Za-z-]*", t.text) for t in np + tail):
        return ""
    inside = [(a, b, e) for a, b, e in names if np[0].start <= a and b <= np[-1].end]
    if inside and any(a <= np[-1].start < b for a, b, _ in inside):
        return ""  # the phrase ends in a name: the name's own rules decided, and found no actor
    words = [_phrase_word(t, t.start == tokens[0].start, inside) for t in np]
    whose = {e for a, b, e in names if tail and tail[0].start <= a and b <= tail[-1].end}
    if (np[-1].lemma in GOVERNMENT_NOUNS or np[-1].text.lower() in NATIONAL_TITLES) and len(whose) == 1 \
            and whose <= _countries() and all(t.tag in ("NNP", "NNPS", "IN") for t in tail):
        return whose.pop()  # "the Government of Kenya", "the President of the Republic of Poland": the country's
    if tail:
        words += [tokens[cut].lemma] + [t.lemma if t.tag == "IN" else _phrase_word(t, False, names) for t in tail]
    return entities.adopt(" ".join(words))


_OF = frozenset({"of", "on", "for", "with"})


def _past_common_owner(tokens: list[nlp.Token], k: int, hi: int, names: list[tuple[int, int, str]]) -> int:
    """Where a phrase starts after a possessive of common nouns ("the country's gas reserves", "the
    company's plan"): whose they are the text says around it; a named owner ("Guinea's") is kept."""
    m = k
    while m < hi and tokens[m].tag in ("NN", "NNS") and tokens[m].text.islower() \
            and not any(a <= tokens[m].start < b for a, b, _ in names):
        m += 1
    if m == k or m >= hi or not (tokens[m].tag == "POS" or tokens[m].text in ("'s", "\u2019s", "'")):
        return k
    m += 1
    return m + (m < hi and tokens[m].text == "s")


def _phrase_word(t: nlp.Token, first: bool, inside) -> str:
    """A word of a phrase actor: a name as written ("ECOWAS" keeps its letters: the tagger's lemma is "ecowa"),
    a common noun as its lemma, also when it is capitalised as the sentence's first word ("Farmers": farmer)."""
    if any(a <= t.start < b for a, b, *_ in inside) or t.text.isupper() and len(t.text) > 1:
        return t.text
    if t.tag in ("NNP", "NNPS") and not (first and nlp.is_common_word(t.text)):
        return t.text
    if t.tag in ("NNP", "NNPS"):
        return (nlp.lemma(t.text.lower(), "NNS" if t.tag == "NNPS" or t.text.endswith("s") else "NN")
                or t.text.lower())
    return t.lemma.lower() if t.noun else t.text.lower()  # "imported steel", not "import steel"


def _owned_body(tokens: list[nlp.Token], lo: int, hi: int, names: list[tuple[int, int, str]],
                entities: Entities) -> str:
    """The entity whose own government, court or body a phrase names ("Transnistria's government", "the
    bloc's commission"), else ""."""
    np = _subject_phrase(tokens, lo, hi)
    if len(np) < 3 or not (np[-1].lemma in GOVERNMENT_NOUNS or np[-1].lemma in BODY_NOUNS):
        return ""
    k = next((m for m in range(len(np)) if np[m].tag == "POS" or np[m].text in ("'s", "\u2019s", "'")), -1)
    if k < 1:
        return ""
    owner = next((e for a, b, e in names if a == np[0].start and b >= np[k - 1].end), "")
    if not owner and all(t.tag in ("NNP", "NNPS") and not nlp.is_common_word(t.text) for t in np[:k]):
        owner = entities.adopt(" ".join(t.text for t in np[:k]))  # a name no list holds ("Transnistria")
    if not owner:
        return ""
    rest = [t for t in np[k + 1:] if t.text not in ("s", "'s", "\u2019s")]
    return owner if rest and all(t.lemma in _OFFICE_WORDS or t is rest[-1] for t in rest) else ""



_OBJECT_PRONOUNS = frozenset({"it", "them"})
_AGENT_SUFFIX = re.compile(r"(?:er|or|ist|ian|ant|ent)s?$")  # "farmers", "regulator", "activists": people


def thing_label(actor: str, entities: Entities) -> str:
    """The words of a subject phrase read as an actor when it names a thing, not people or a body ("law",
    "fishery law"): lower case, singular, no agent's suffix, no office or body noun; "" otherwise."""
    label = entities.label(actor) if actor in entities.adopted else ""
    words = label.split()
    if not words or label != label.lower() or len(words) > 3:
        return ""
    head = words[-1]
    if head.endswith("s") or _AGENT_SUFFIX.search(head) or head in BODY_NOUNS or head in GOVERNMENT_NOUNS \
            or head in NATIONAL_TITLES or head in LOCAL_TITLES or head in _NOT_ACTORS:
        return ""
    return label


def pronoun_object(obj: list[nlp.Token], facts: list, context: Optional[Context], entities: Entities
                   ) -> tuple[list[str], list[str], list[str], str]:
    """(words, as written, nouns, object text) of an object that is only "it" or "them" ("did not sign it", "waved it
    through"): what the last fact before it is about (the sentence's, else the document's, ``context.thing``): its
    subject when that is a thing ("the law breaches the constitution, and rights groups criticised it": the law;
    "the law was passed": the law), else its object ("Congress passed the law; the president did not sign it").
    Nothing when there is none, or when the pronoun is not the object's first word."""
    empty: tuple[list[str], list[str], list[str], str] = ([], [], [], "")
    if not obj or obj[0].tag != "PRP" or obj[0].lemma not in _OBJECT_PRONOUNS:
        return empty
    if any(t.noun for t in obj[1:3]):  # "made it a crime", "called it censorship": "it" is no object of its own
        return empty
    before = context.thing if context is not None else None
    near = facts[-1] if facts else before
    if near is not None and near is not before and near.undergone and not near.words and not thing_label(
            near.actor, entities):  # "Kiribati was not consulted and did not sign it": not Kiribati, what came before
        near = facts[-2] if len(facts) > 1 else before
    if near is None or near.value == "undecided" or near.kind != "fact":
        return empty  # an open question, a forecast or advice ("which State will represent ...") is no thing acted on
    thing = thing_label(near.actor, entities)
    if thing:  # a thing is the subject: it is what "it" stands for
        words = thing.split()
        return words, words, words[-1:], f"the {thing}"
    if near.undergone or not near.words:
        return empty
    return list(near.words), list(near.shown), list(near.nouns), near.object_text
