"""The head of a text (its title, outlet and date line, lead) and the countries it names: what decides
whose currency a "$" or a "W" before a number is (``homecurrency``, ``lettercurrency``)."""

from __future__ import annotations

import re
from functools import lru_cache

# The head of a text: its title, its outlet and date line, and its lead (the first paragraph).
_HEAD_CHARS = 700


@lru_cache(maxsize=1)
def country_names() -> tuple[re.Pattern, dict[str, str]]:
    """One pattern for every country's names (longer than three letters), and each name's country."""
    from briefcmp.analysis.countrydata import countries

    owner = {name: c.id for c in countries() for name in c.names if len(name) > 3}
    names = sorted(owner, key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(n) for n in names) + r")\b"), owner


def head_of(text: str) -> str:
    """The title, the outlet and date line and the first paragraph of prose."""
    stripped = text.lstrip()
    paragraphs = re.split(r"\n\s*\n", stripped, maxsplit=2)
    head = "\n".join(paragraphs[:2]) if len(paragraphs[0]) < 200 else paragraphs[0]
    return head[:_HEAD_CHARS]


def named_territories(text: str) -> list[set[str]]:
    """The ISO 3166 codes of the countries ``text``'s head names (a dateline's capitals read as the name
    they spell: "SEOUL"), then of those the whole text names; empty sets left out."""
    from briefcmp.analysis.countrydata import countries
    from briefcmp.analysis.entities import Entities

    code = {c.id: c.code for c in countries()}
    entities = Entities(None)
    head = re.sub(r"\b[A-Z]{3,}\b", lambda m: m.group().title(), head_of(text))
    pattern, owner = country_names()
    named = [{code[e] for _a, _b, e in entities.find(head) if e in code}
             | {code[owner[m.group()]] for m in pattern.finditer(head) if owner[m.group()] in code},
             {code[e] for _a, _b, e in entities.find(text) if e in code}]
    return [n for n in named if n]
