"""The names a sentence holds, for the statement reader: countries and registered entities, the people of a
country its demonym names ("the Americans"), proper names as align adopts them, and acronyms, an acronym of a
body already named in full being that body ("the EU": the European Union)."""

from __future__ import annotations

import re

from briefcmp.analysis import nlp
from briefcmp.analysis.entities import Entities, proper_names
from briefcmp.analysis.factwords import ACRONYM, NOT_BODIES


def entities_at(entities: Entities, sentence: str) -> list[tuple[int, int, str]]:
    """Countries and registered entities, then the bodies and places a name says ("the European Union"),
    as align registers them (``Entities.adopt``)."""
    found = entities.find(sentence)
    first = re.match(r"\s*([A-Z][a-z]+) (?=[A-Z])", sentence)
    if first and not any(a == first.start(1) for a, _, _ in found) and nlp.is_adjective(first.group(1)):
        # "Neutral Switzerland joined ...": an adjective opening the sentence is no part of a name ("Coal India" is
        # a company's; "New Delhi" a name the list knows)
        k = first.start(1)
        found = entities.find(sentence[:k] + sentence[k].lower() + sentence[k + 1:])
    taken = [(a, b) for a, b, _ in found]
    for m in _DEMONYMS.finditer(sentence):  # "the Americans", "Canadians": the people of the country its adjective names
        a, b = m.span()
        if not any(a < y and x < b for x, y in taken):
            country = [e for x, y, e in entities.find(m.group(1)) if (x, y) == (0, len(m.group(1)))]
            if country:
                found.append((a, b, country[0]))
                taken.append((a, b))
    for a, b, name in proper_names(sentence):
        if not any(a < y and x < b for x, y in taken):
            found.append((a, b, entities.adopt(name)))
            taken.append((a, b))
    for m in ACRONYM.finditer(sentence):  # "the EU", "ECOWAS", "the WTO" (not in an all-capitals heading)
        a, b = m.span()
        if m.group() not in NOT_BODIES and not any(a < y and x < b for x, y in taken):
            found.append((a, b, _spelt_out(entities, m.group()) or entities.adopt(m.group())))
    return sorted(found)


_DEMONYMS = re.compile(r"\b([A-Z][a-z]+(?:an|ese|ish|i))s?\b(?<=s)")


def _spelt_out(entities: Entities, acronym: str) -> str:
    """The id of a body already named in full whose initials the acronym is ("EU": the European Union)."""
    for eid in sorted(entities.adopted | set(entities.labels)):  # named in full in a brief, or registered
        words = [w for w in re.findall(r"[A-Za-z]+", entities.label(eid)) if w.lower() not in ("of", "and", "the",
                                                                                                "for", "on")]
        if len(words) == len(acronym) > 1 and "".join(w[0] for w in words).upper() == acronym \
                and all(w[0].isupper() for w in words):
            return eid
    return ""
