"""Organisations the corpus reports on, recognised without a list: the company whose results several
outlets headline ("Airbus", "Unilever"), whatever each report says of its head office, plants and markets.

A name is an organisation the corpus reports on (``headline_names``) when, in the corpus's own texts:

- **several reports headline it**: it is in the titles of at least ``TITLES`` briefs (a story's title says
  what it is about; one outlet's headline word is not enough), or in the titles or lead sentences of most
  briefs (at least ``TITLES``);
- **it is a proper name**: a capitalised word in any letters ("Nestlé", "Ørsted"; one name with or without its
  accents) or the last part of a compound ("A.P. Moller-Maersk"), not in capitals ("GDP", "CPI" are acronyms of measures), that
  no text writes in lower case ("budget", "jobs" are words a headline capitalises) and that some text
  writes capitalised inside a sentence;
- **it is no place**: not a country, province or registered entity (``Entities``), never written after
  "in" as the end of a phrase ("in Toulouse", "in Toulouse on Monday"; "in Kestrava shares" names shares),
  before "-based" ("Toulouse-based") or before a country's name after a comma ("Toulouse, France");
- **it is a company**: some text introduces it by its kind ("planemaker Airbus", "Unilever, the consumer
  goods group,"), so an event ("Brexit") or a season ("Autumn Budget") is none; or, for a name most briefs
  front, it speaks for itself ("Maersk said", "Nestle reported") or has shares ("Nestle shares fell"), which a
  benchmark ("Brent crude rose") does not;
- **it is no body of the state**: no text introduces it as a central bank, statistics office, ministry or
  agency ("Sweden's central bank, the Riksbank,"): its figures are its country's;
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
from typing import Iterable, Sequence

TITLES = 2  # briefs whose titles must name an organisation before the corpus is taken to report on it

# A capitalised word in any script's letters, not in capitals ("Airbus", "Unilever", "PepsiCo", "Nestlé", "Ørsted"):
# read by ``_capitals`` (a letter class of Python's ``re`` has no "upper case" outside ASCII).
_WORD = re.compile(r"[^\W\d_]{3,}")
# (not after initials: "A.P. Moller-Maersk")
_SENTENCE_START = re.compile(r"(?:^|(?<!\b[A-Z])\.\s*|[!?:;\"“(\n]\s*|\s[-–—]\s+)$")
# The kind of company a report introduces a name with: "planemaker Airbus", "consumer goods group Unilever",
# "Airbus, the European aircraft maker,": a business's name, not an event's ("Brexit") nor a season's.
_KIND = (r"(?:[a-z]*maker|firm|company|manufacturer|conglomerate|giant|group|corporation|producer|exporter|"
         r"retailer|lender|(?<!central )(?<!reserve )(?<!national )bank|insurer|carrier|airline|miner|operator|supplier|"
         r"multinational)s?(?![\w'’])")  # (a central bank is its country's; "the central bank's committee" is no bank)
_KIND_BEFORE = re.compile(r"\b" + _KIND + r"\s+(?:(?:[A-Z]\.){1,3}\s*)?$")  # ("group A.P. Moller-Maersk")
_KIND_AFTER = re.compile(r",\s+(?:the|a|an|its)\s+(?:[\w'’-]+\s+){0,4}?" + _KIND + r"\b")
# What a company does in a report and a brand, a benchmark or an event does not: it speaks for itself ("Maersk said",
# "Brevanne reported", "Brevanne's board proposed"), or has shares ("Brevanne shares fell", "shares in Brevanne").
_AGENT_AFTER = re.compile(r"(?:['’]s)?\s+(?:(?:board|chief executive|management)\s+)?(?:said|says|reported|reports|posted|posts|"
                          r"announced|announces|shares?|stock)\b")
_AGENT_BEFORE = re.compile(r"\b(?:shares|stock)\s+(?:in|of)\s+$")
# A body of the state that a report introduces by what it is ("Sweden's central bank, the Riksbank,", "the
# statistics office Kestat"): its figures are its country's, never an organisation's of its own.
_OFFICIAL = (r"(?:central bank|monetary authority|statistic\w*(?:\s+(?:office|agency|bureau|institute|authority|service))?|"
             r"ministry|regulator|government|parliament|agency|authority|office|bureau|institute|council|committee|board)")
_OFFICIAL_BEFORE = re.compile(r"\b" + _OFFICIAL + r"(?:['’]s)?\s+(?:[\w'’-]+\s+){0,2}$")
_OFFICIAL_AFTER = re.compile(r",\s+(?:the|a|an|its)\s+(?:[\w'’-]+\s+){0,4}?" + _OFFICIAL + r"\b")
_OFFICIAL_BEFORE_COMMA = re.compile(r"\b" + _OFFICIAL + r",\s+(?:the\s+)?$")
_PLACE_BEFORE = re.compile(r"\b(?:[Ii]n|[Nn]ear|[Oo]utside)\s+$")
# The end of a phrase "in X" that names a place: not "in Kestrava shares".
_PLACE_END = re.compile(r"\s*(?:[,.;:)!?]|$)|\s+(?:and|or|on|in|at|for|from|to|with|last|this|since|during)\b")
_PLACE_AFTER = re.compile(r"-based\b|,\s+[A-Z]")
_COMPOUND_BEFORE = re.compile(r"([^\W\d_][\w.]*)-$")  # "Moller-Maersk": the name's last part after a hyphen


def fold(name: str) -> str:
    """``name`` without accents ("Nestlé" -> "Nestle", "Ørsted" -> "Orsted"): outlets write one company's
    name with and without them, and it is one name."""
    import unicodedata

    out = unicodedata.normalize("NFKD", name.translate(_LETTERS))
    return "".join(c for c in out if not unicodedata.combining(c))


_LETTERS = str.maketrans({"Ø": "O", "ø": "o", "Æ": "Ae", "æ": "ae", "Ł": "L", "ł": "l", "ß": "ss", "Đ": "D", "đ": "d"})


def _capitals(text: str) -> list[str]:
    """The capitalised words of ``text`` not written in capitals ("Airbus", "PepsiCo", "Nestlé"; not "GDP")."""
    return [w for w in _WORD.findall(text) if w[0].isupper() and w[1].islower()]


def headline_names(titles: Iterable[str], texts: Iterable[str], entities, leads: Sequence[str] = ()) -> list[str]:
    """The names the corpus headlines as organisations (see the module docstring), sorted; each name in every
    writing the texts give it ("Nestlé", "Nestle"). ``leads``: each brief's first sentence, beside its title
    (same order): a name the titles or leads of most briefs give needs no kind word when it speaks for itself."""
    from briefcmp.analysis.entities import _NOT_A_NAME_WORD
    from briefcmp.analysis.placenames import _GENERIC_NAME, _NAME_HEADS
    from briefcmp.corpus.agencies import NAME_OF

    titles = list(titles)
    headlined: dict[str, int] = defaultdict(int)  # by the name's folded form
    fronted: dict[str, int] = defaultdict(int)  # briefs whose title or lead names it
    for i, title in enumerate(titles):
        lead = leads[i] if i < len(leads) else ""
        in_title = {fold(w) for w in _capitals(title or "")}
        for w in in_title:
            headlined[w] += 1
        for w in in_title | {fold(w) for w in _capitals(lead or "")}:
            fronted[w] += 1
    briefs = max(len(titles), 1)
    most = {w for w, n in fronted.items() if n >= TITLES and 2 * n > briefs}
    names = {w for w in set(headlined) | most if (headlined.get(w, 0) >= TITLES or w in most)
             and w.lower() not in _NOT_A_NAME_WORD and w.lower() not in _GENERIC_NAME and w.lower() not in _NAME_HEADS
             and w not in NAME_OF and _unknown(w, entities) and not entities.provinces(w)}
    if not names:
        return []
    inside: set[str] = set()  # written capitalised inside a sentence
    kind: set[str] = set()  # introduced as a company somewhere
    agent: set[str] = set()  # speaks for itself or has shares
    ruled_out: set[str] = set()
    writings: dict[str, set[str]] = defaultdict(set)
    # (only the candidates' writings are looked at, in any case: linear in the text, whatever its length)
    written = re.compile(r"(?<![\w.'’])(" + r"|".join(sorted({re.escape(fold(n)) for n in names}, key=len, reverse=True)) +
                         r")(?![\w-]*\.\w)(?!\w)", re.I)
    for text in texts:
        headline_lines: dict[int, bool] = {}
        plain = fold(text)
        if len(plain) != len(text):  # ("Æ" -> "Ae": offsets move; read such a text in its own letters)
            plain = "".join(fold(c)[:1] or c for c in text)
        for m in written.finditer(plain):
            w, own = m.group(1), text[m.start():m.end()]
            if w not in names:
                if own.islower():
                    ruled_out.add(next(n for n in names if n.lower() == w.lower()))  # "budget": a word, not a name
                continue
            if w in ruled_out or _in_headline(text, m.start(), headline_lines):
                continue
            writings[w].add(own)
            compound = _COMPOUND_BEFORE.search(text, max(0, m.start() - 30), m.start())
            start = compound.start() if compound else m.start()
            before = text[max(0, start - 40):start]
            if not _SENTENCE_START.search(before):
                inside.add(w)
            if _OFFICIAL_BEFORE.search(before) or _OFFICIAL_AFTER.match(text, m.end()) or \
                    _OFFICIAL_BEFORE_COMMA.search(before):
                ruled_out.add(w)  # "the central bank, the Riksbank": its country's, no company
                continue
            if _KIND_BEFORE.search(before) or _KIND_AFTER.match(text, m.end()):  # (not "Brexit firms": a modifier)
                kind.add(w)
            if _AGENT_AFTER.match(text, m.end()) or _AGENT_BEFORE.search(before):
                agent.add(w)
            if compound:
                continue  # "A.P. Moller-Maersk": the name's last part, neither a place nor a person's surname
            if _PLACE_BEFORE.search(before) and _PLACE_END.match(text, m.end()) or \
                    _PLACE_AFTER.match(text, m.end()) and \
                    (text[m.end():m.end() + 1] == "-" or entities.find(text[m.end() + 1:m.end() + 40].lstrip()[:30])):
                ruled_out.add(w)  # "in Toulouse", "Toulouse-based", "Toulouse, France": a place
                continue
            prev = re.search(r"([^\W\d_][\w]*\.?)\s+$", before)
            if prev and prev.group(1)[0].isupper() and not _SENTENCE_START.search(before[:prev.start()]) and \
                    prev.group(1).rstrip(".").lower() not in _NOT_A_NAME_WORD and not entities.find(prev.group(1)):
                ruled_out.add(w)  # "Jerome Powell", "Governor Powell": a person (a country's adjective may qualify)
    found = {w for w in names & inside - ruled_out if w in kind and headlined.get(w, 0) >= TITLES or
             w in most and (w in kind or w in agent)}
    return sorted(f for w in found for f in sorted(writings[w] | {w}))


def _unknown(name: str, entities) -> bool:
    """Whether ``name`` is no country, region or other entity's name, unless it is the name of an entity
    registered under its own id that is no country (a company an earlier run registered)."""
    from briefcmp.analysis.countrydata import countries, slug
    from briefcmp.analysis.entities import REGIONS, WORLD

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
    from briefcmp.analysis.countrydata import slug

    new: list[str] = []
    changed = False
    # (a writing registered by an earlier run first: the others join its id)
    for name in sorted(names, key=lambda n: (n not in entities.entity_of, n)):
        eid = slug(fold(name))  # "Nestlé" and "Nestle": one company
        if entities.entity_of.get(name) == eid:  # registered by an earlier run: still a company (its asides,
            entities.company_ids.add(eid)  # its headlines), so a second run finds the subjects the first found
            continue
        if name in entities.entity_of or (eid in entities.labels and eid not in entities.adopted
                                          and eid not in entities.company_ids):
            continue
        entities.entity_of[name] = eid
        entities.labels.setdefault(eid, name)
        entities.company_ids.add(eid)
        changed = True
        if eid not in new:
            new.append(eid)
    if changed:
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

    def texts_of(briefs):  # each brief's source, "" when it cannot be read (titles and leads stay in step)
        for b in briefs:
            try:
                data = read_regular(b.source_path, MAX_SOURCE_BYTES) if b.source_path else b""
            except OSError:
                data = b""
            yield (yamlsafe.decode(data, b.source_path, Problems()) if data else None) or ""
    sources = list(texts_of(briefs))
    return register(entities, headline_names([b.title or "" for b in briefs], (t for t in sources if t),
                                             entities, [lead(t) for t in sources]))


def lead(text: str) -> str:
    """The first sentence of a brief's running text (its first line of ten words or more), past its title,
    masthead and dateline lines ("ZURICH, Feb 13 (Market Wire) -"): what the story is about."""
    from briefcmp.analysis.datelines import opening

    for line in text[:5000].split("\n")[1:]:
        if len(line.split()) >= 10:
            line = line[opening(line):]
            end = re.search(r"[.!?](?=\s+[A-Z\"“]|\s*$)", line)
            return line[:end.end()] if end else line
    return ""
