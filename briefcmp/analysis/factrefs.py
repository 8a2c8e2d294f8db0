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
"""

from __future__ import annotations

import re
from typing import Callable, Optional

from briefcmp.analysis import nlp
from briefcmp.analysis.entities import Entities
from briefcmp.analysis.factwords import SCOPE, TIME, VAGUE_NOUNS

# "the ban", "its ban", "these missiles", "the new ban": a determiner, at most one word, the head.
_DEFINITE = re.compile(r"(?:the|its|their|this|these|those|that)\s+(?:[a-z-]+\s+)?([a-z-]+)\.?", re.I)
_SENTENCE = re.compile(r"[^.!?\n]+")
LOOK_BACK = 4000  # characters of the brief before the statement searched for the full mention
MAX_MENTIONS = 12
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

    def around(self, claim) -> tuple[str, str]:
        """The brief's text before and after the claim's quote (both "" when the text or the quote is not found)."""
        if claim.brief not in self.texts:
            from briefcmp.analysis.document import Document

            brief = self.briefs.get(claim.brief)
            doc = Document.read(brief.source_path) if brief and brief.source_path else None  # as the loader reads it
            self.texts[claim.brief] = doc.original if doc is not None else ""
        words = (claim.quote or "").split()[:40]
        text = self.texts[claim.brief]
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
