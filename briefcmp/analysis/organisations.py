"""Organisations the corpus reports on, recognised without a list: the company whose results several
outlets headline ("Airbus", "Unilever"), whatever each report says of its head office, plants and markets.

A name is an organisation the corpus reports on (``headline_names``) when, in the corpus's own texts:

- **several reports headline it**: it is in the titles of at least ``TITLES`` briefs (a story's title says
  what it is about; one outlet's headline word is not enough);
- **it is a proper name**: a capitalised word (not in capitals: "GDP", "CPI" are acronyms of measures) that
  no text writes in lower case ("budget", "jobs" are words a headline capitalises) and that some text
  writes capitalised inside a sentence;
- **it is no place**: not a country, province or registered entity (``Entities``), never written after
  "in" as the end of a phrase ("in Toulouse", "in Toulouse on Monday"; "in Kestrava shares" names shares),
  before "-based" ("Toulouse-based") or before a country's name after a comma ("Toulouse, France");
- **it is a company**: some text introduces it by its kind ("planemaker Airbus", "Unilever, the consumer
  goods group,"), so an event ("Brexit") or a season ("Autumn Budget") is none;
- **it is no person**: never written right after another capitalised word inside a sentence ("Jerome
  Powell", "Governor Powell", "Mr Powell"): the press introduces a person with a first name or a title.
  A company needs none ("planemaker Airbus", "Airbus said").

Such a name is registered as a company (``Entities.add_company``): a title naming it makes it the subject of
the figures whose own text names no one, and a country that only says where it is from ("Dutch-British
Unilever") is no subject beside it (``Entities.qualified``). Cost: one pass over each text's words.
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Iterable

TITLES = 2  # briefs whose titles must name an organisation before the corpus is taken to report on it

_CAPITAL = re.compile(r"[A-Z][a-z]{2,}(?:[A-Z][a-z]+)?")  # "Airbus", "Unilever", "PepsiCo"-like
_SENTENCE_START = re.compile(r"(?:^|[.!?:;\"“(\n]\s*|\s[-–—]\s+)$")
# The kind of company a report introduces a name with: "planemaker Airbus", "consumer goods group Unilever",
# "Airbus, the European aircraft maker,": a business's name, not an event's ("Brexit") nor a season's.
_KIND = (r"(?:[a-z]*maker|firm|company|manufacturer|conglomerate|giant|group|corporation|producer|exporter|"
         r"retailer|lender|(?<!central )(?<!reserve )(?<!national )bank|insurer|carrier|airline|miner|operator|supplier|"
         r"multinational)s?(?![\w'’])")  # (a central bank is its country's; "the central bank's committee" is no bank)
_KIND_BEFORE = re.compile(r"\b" + _KIND + r"\s+$")
_KIND_AFTER = re.compile(r",\s+(?:the|a|an|its)\s+(?:[\w'’-]+\s+){0,4}?" + _KIND + r"\b")
_PLACE_BEFORE = re.compile(r"\b(?:[Ii]n|[Nn]ear|[Oo]utside)\s+$")
# The end of a phrase "in X" that names a place: not "in Kestrava shares".
_PLACE_END = re.compile(r"\s*(?:[,.;:)!?]|$)|\s+(?:and|or|on|in|at|for|from|to|with|last|this|since|during)\b")
_PLACE_AFTER = re.compile(r"-based\b|,\s+[A-Z]")


def headline_names(titles: Iterable[str], texts: Iterable[str], entities) -> list[str]:
    """The names the corpus headlines as organisations (see the module docstring), sorted."""
    from briefcmp.analysis.entities import _NOT_A_NAME_WORD
    from briefcmp.analysis.placenames import _GENERIC_NAME, _NAME_HEADS

    headlined: dict[str, int] = defaultdict(int)
    for title in titles:
        for w in set(_CAPITAL.findall(title or "")):
            headlined[w] += 1
    names = {w for w, n in headlined.items() if n >= TITLES and w.lower() not in _NOT_A_NAME_WORD
             and w.lower() not in _GENERIC_NAME and w.lower() not in _NAME_HEADS and _unknown(w, entities)
             and not entities.provinces(w)}
    if not names:
        return []
    lower = {w.lower(): w for w in names}
    inside: set[str] = set()  # written capitalised inside a sentence
    kind: set[str] = set()  # introduced as a company somewhere
    ruled_out: set[str] = set()
    # (only the candidates' writings are looked at, in any case: linear in the text, whatever its length)
    written = re.compile(r"(?<![\w.'’-])(" + "|".join(sorted(map(re.escape, names), key=len, reverse=True)) +
                         r")(?![\w-]*\.\w)(?!\w)", re.I)
    for text in texts:
        headline_lines: dict[int, bool] = {}
        for m in written.finditer(text):
            w = m.group(1)
            if w not in names:
                if w.islower():
                    ruled_out.add(lower[w.lower()])  # "budget": a word, not a name
                continue
            if w in ruled_out or _in_headline(text, m.start(), headline_lines):
                continue
            before = text[max(0, m.start() - 40):m.start()]
            start = bool(_SENTENCE_START.search(before))
            if not start:
                inside.add(w)
            if _KIND_BEFORE.search(before) or _KIND_AFTER.match(text, m.end()):  # (not "Brexit firms": a modifier)
                kind.add(w)
            if _PLACE_BEFORE.search(before) and _PLACE_END.match(text, m.end()) or \
                    _PLACE_AFTER.match(text, m.end()) and \
                    (text[m.end():m.end() + 1] == "-" or entities.find(text[m.end() + 1:m.end() + 40].lstrip()[:30])):
                ruled_out.add(w)  # "in Toulouse", "Toulouse-based", "Toulouse, France": a place
                continue
            prev = re.search(r"([A-Z][A-Za-z]*\.?)\s+$", before)
            if prev and not _SENTENCE_START.search(before[:prev.start()]) and \
                    prev.group(1).rstrip(".").lower() not in _NOT_A_NAME_WORD and not entities.find(prev.group(1)):
                ruled_out.add(w)  # "Jerome Powell", "Governor Powell": a person (a country's adjective may qualify)
    return sorted(names & inside & kind - ruled_out)


def _unknown(name: str, entities) -> bool:
    """Whether ``name`` is no country, region or other entity's name, unless it is the name of an entity
    registered under its own id that is no country (a company an earlier run registered)."""
    from briefcmp.analysis.entities import REGIONS, WORLD, countries, slug

    found = {eid for _, _, eid in entities.find(name)}
    if not found:
        return True
    places = {c.id for c in countries()} | {eid for eid, _, _ in REGIONS.values()} | {WORLD}
    return found == {slug(name)} and slug(name) not in places


def _in_headline(text: str, at: int, seen: dict[int, bool]) -> bool:
    """Whether offset ``at`` is on a line in title case ("Strong Demand Lifts Unilever Sales"): a headline
    capitalises every word, so it tells no name from a word nor a person from a company (``seen``: by line)."""
    start = text.rfind("\n", 0, at) + 1
    if start not in seen:
        end = text.find("\n", at)
        words = re.findall(r"[A-Za-z]{4,}", text[start:end if end >= 0 else len(text)][:400])
        seen[start] = bool(words) and sum(w[0].isupper() for w in words) >= 0.6 * len(words)
    return seen[start]


def register(entities, names: Iterable[str]) -> list[str]:
    """Register each name as a company of ``entities`` (its id the name's slug), unless another entity has that
    name or id; a name the config registers under that id is marked a company. Returns the new ids."""
    from briefcmp.analysis.entities import slug

    new = []
    for name in names:
        eid = slug(name)
        if entities.entity_of.get(name) == eid:  # registered by an earlier run: still a company (its asides,
            entities.company_ids.add(eid)  # its headlines), so a second run finds the subjects the first found
            continue
        if name in entities.entity_of or (eid in entities.labels and eid not in entities.adopted):
            continue
        entities.entity_of[name] = eid
        entities.labels[eid] = name
        entities.company_ids.add(eid)
        new.append(eid)
    if new:
        entities._compile()
    return new


def corpus_names(briefs, entities) -> list[str]:
    """Register the organisations the briefs headline (``headline_names``), reading each brief's source once."""
    from briefcmp.corpus import yamlsafe
    from briefcmp.corpus.files import read_regular
    from briefcmp.corpus.load import MAX_SOURCE_BYTES
    from briefcmp.corpus.problems import Problems

    briefs = list(briefs)
    if sum(1 for b in briefs if b.title) < TITLES:
        return []

    def texts():
        for b in briefs:
            try:
                data = read_regular(b.source_path, MAX_SOURCE_BYTES) if b.source_path else b""
            except OSError:
                continue
            text = yamlsafe.decode(data, b.source_path, Problems()) if data else None
            if text:
                yield text
    return register(entities, headline_names((b.title or "" for b in briefs), texts(), entities))
