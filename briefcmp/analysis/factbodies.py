"""A state under its other names, for the statements' actors (issue 22): its capital or seat of government
("Yerevan", "the Kremlin": ``capital_of``) and its own political bodies and offices named bare or in full ("the
presidency in Algiers", "Peru's unicameral Congress", "the President of the Republic": ``body_country``). Split
from ``factrefs``, which reads whom each actor stands for with them."""

from __future__ import annotations

import re
from typing import Optional

from briefcmp.analysis.entities import Entities

MAX_MENTIONS = 12  # mentions of one name read per text (bounded: a long brief names its parliament often)
_MENTION_GAP = 60  # characters before a mention searched for the country that owns it
_OF_IN_LABEL = re.compile(r"(.+?)\s+of\s+((?:the\s+)?[A-Z][\w'.-]*(?:\s+[A-Z][\w'.-]*){0,3})")


def _capitals() -> dict[str, frozenset[str]]:
    """{capital as written: the ids of the countries whose capital countryinfo says it is}: "Yerevan" ->
    {armenia}; a capital two countries name ("Jerusalem") keeps both, for the corpus to choose."""
    from briefcmp.analysis.countrydata import countries

    import countryinfo  # lazy: the data package entities already reads

    by_label = {c.label: c.id for c in countries()}
    out: dict[str, set[str]] = {}
    for c in countryinfo.all_countries():
        info = c.info()
        capital, name = info.get("capital"), info.get("name")
        if isinstance(capital, str) and name in by_label:
            out.setdefault(capital.split(" D.C.")[0], set()).add(by_label[name])
            if not capital.isascii():  # "Brasília", as written, and "Brasilia", as often typed
                out.setdefault(_ascii(capital.split(" D.C.")[0]), set()).add(by_label[name])
    return {k: frozenset(v) for k, v in out.items()}


def _ascii(text: str) -> str:
    import unicodedata

    return "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))


_CAPITAL_TABLE: Optional[dict[str, frozenset[str]]] = None


# Seats of government a brief names for its government, where countryinfo's capital is another city or none
# ("Putrajaya", "La Paz") or the seat is a building or street ("the Kremlin", "Downing Street"): general knowledge,
# a closed class, read as capitals are (the corpus chooses nothing here: each names one country).
_SEATS = {"kremlin": "russia", "white house": "united-states", "downing street": "united-kingdom",
          "whitehall": "united-kingdom", "elysee": "france", "elysee palace": "france", "quai d'orsay": "france",
          "zhongnanhai": "china", "blue house": "south-korea", "planalto": "brazil", "casa rosada": "argentina",
          "malacanang": "philippines", "malacanang palace": "philippines", "palazzo chigi": "italy",
          "kantei": "japan", "putrajaya": "malaysia", "la paz": "bolivia", "abidjan": "ivory-coast"}


def capital_of(label: str) -> frozenset[str]:
    """The countries whose capital is ``label`` (a name as written), from countryinfo, or whose seat of
    government it names (``_SEATS``)."""
    global _CAPITAL_TABLE
    if _CAPITAL_TABLE is None:
        _CAPITAL_TABLE = _capitals()
    found = _CAPITAL_TABLE.get(label)
    if found is None and label[:1].islower():  # an actor's label read from its id ("lima")
        found = _CAPITAL_TABLE.get(label[:1].upper() + label[1:])
    if not found:
        seat = _SEATS.get(re.sub(r"^the\s+", "", _ascii(label).strip().lower().replace("-", " ")))
        found = frozenset({seat}) if seat else None
    return found or frozenset()


# Heads of a state's own political bodies and offices, which act for their state ("the presidency", "the Grand
# National Assembly", "parliament"): whose they are is read from how the corpus names them in full (``body_country``).
# Courts, tribunals and councils are not among them: a court acts in its own name ("the government has not set a date"
# and "the Court does not set the date" are two questions), and a bare "Council" may be a court, a cabinet or the
# United Nations'.
_STATE_BODIES = frozenset("""assembly senate parliament congress legislature presidency executive junta cabinet
government administration ministry""".split())
# Offices a brief names by its own state's titles, with no country ("the President of the Republic", "the Head of
# State", "the State", "the Executive"): its home country's.
_HOME_OFFICES = frozenset({"president of republic", "president of the republic", "head of state", "head of the state",
                           "head of government", "state", "executive", "presidency", "department of state",
                           "secretary of state"})
_PLACE_AFTER = re.compile(r"\s+(?:of|in)\s+((?:the\s+)?[A-Z][\w'.-]*(?:\s+[A-Z][\w'.-]*){0,3})")
_NAME_BETWEEN = 3  # words between a country and the body it owns ("Uganda's highest Constitutional Court")


def _words(label: str) -> list[str]:
    return [w.lower() for w in re.findall(r"[A-Za-z]+", label) if w.lower() != "the"]


def body_country(label: str, texts: list[str], entities: Entities, countries: frozenset[str]) -> set[str]:
    """The countries ``texts`` name as owning the state body ``label`` names (its head one of ``_STATE_BODIES``,
    bare or in full): the country or its people right before the body's name, with at most a few of the name's
    words between ("Uganda's Constitutional Court", "the Turkish parliament"), or named after it with "of" or "in"
    ("the Constitutional Court of Romania", "the presidency in Algiers": a capital names its country). A bare
    head is read in its own brief only (pass that brief's text): another brief's court may be another country's."""
    from briefcmp.corpus.functionwords import FUNCTION_WORDS

    from briefcmp.analysis import lexicon

    of = _OF_IN_LABEL.fullmatch(label.strip())
    if of and _words(of.group(1)) and _words(of.group(1))[-1] in _STATE_BODIES:  # "the National Congress of Chile"
        named = [e for a, _, e in entities.find(of.group(2)) if a == 0 and e in countries]
        if named:
            return {named[0]}
    low = _words(label)

    if not low or low[-1] not in _STATE_BODIES and lexicon.lemma(low[-1]) not in _STATE_BODIES:
        return set()
    written = " ".join(re.findall(r"[A-Za-z][\w'-]*", re.sub(r"^the\s+", "", label.strip(), flags=re.I)))
    pattern = re.compile(rf"\b{re.escape(written)}\b", re.I if len(low) == 1 else 0)
    found: set[str] = set()
    for text in texts:
        for m in list(pattern.finditer(text[:200_000]))[:MAX_MENTIONS]:
            after = _PLACE_AFTER.match(text, m.end())
            if after:
                named = [e for a, _, e in entities.find(after.group(1)) if a == 0 and e in countries] or sorted(
                    capital_of(after.group(1)) if len(capital_of(after.group(1))) == 1 else ())
                if named:
                    found.add(named[0])
                    continue
            window = text[max(0, m.start() - _MENTION_GAP):m.start()]
            names = [(b, e) for _, b, e in entities.find(window) if e in countries]
            if not names or re.search(r"[.;:!?\n]", window[names[-1][0]:]):
                continue
            between = [w.lower() for w in re.findall(r"[A-Za-z]+", window[names[-1][0]:]) if w.lower() != "s"]
            if len(between) <= _NAME_BETWEEN and not any(w in FUNCTION_WORDS and w != "the" for w in between):
                found.add(names[-1][1])
    return found
