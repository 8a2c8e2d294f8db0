"""A bare "$" in a brief about a country with a dollar of its own is that dollar.

An Australian budget story's "$9.3 billion" is A$9.3 billion, a Canadian jobs release's "$35.59" an
hourly wage in Canadian dollars: a country's own press writes its dollar bare. Wire copy written for
readers abroad marks it ("A$9.3 billion ($6.2 billion)"), and then the bare "$" is the US dollar; so a
brief that marks any dollar ("A$", "US$", "C$", "USD", "U.S. dollars", "Australian dollars") is left as
drafted. Whose brief it is: the one country it names, or names far more than any other
(``analysis.subjects.main_subject``), whose tender currency (CLDR, from Babel) is a dollar other than
the US dollar and one ``corpus.units`` knows.
"""

from __future__ import annotations

import dataclasses
import re
from functools import lru_cache
from typing import Optional

from briefcmp.corpus import units
from briefcmp.corpus.model import Config

_BARE = re.compile(r"(?<![A-Za-z$])\$\s?\d")
_MARKED = re.compile(r"[A-Za-z]\.?\$|\b(?:USD|AUD|CAD|NZD|SGD|HKD)\b|\b[A-Z][A-Za-z.]*\s+dollars?\b")


@lru_cache(maxsize=1)
def _dollars() -> dict[str, str]:
    """Country code -> its own dollar's ISO 4217 code, for the dollars ``corpus.units`` knows (not USD)."""
    from babel.core import get_global
    from babel.numbers import get_currency_name

    out = {}
    for territory, spans in get_global("territory_currencies").items():
        tender = [code for code, _, end, legal in spans if end is None and legal]
        if len(tender) == 1 and tender[0] != "USD" and units.is_currency(tender[0]) and \
                "Dollar" in get_currency_name(tender[0], locale="en"):
            out[territory] = tender[0]
    return out


def local_dollar(text: str, config: Optional[Config] = None) -> str:
    """The ISO code a bare "$" of ``text`` stands for when it is not the US dollar, or ""."""
    if not _BARE.search(text) or _MARKED.search(text):
        return ""
    from briefcmp.analysis.entities import Entities, countries
    from briefcmp.analysis.subjects import main_subject

    entities = Entities(config)
    subjects, _ = main_subject(entities.mentions(text))
    if len(subjects) != 1:
        return ""
    country = next((c for c in countries() if c.id == subjects[0] or entities.label(subjects[0]) == c.label), None)
    return _dollars().get(country.code, "") if country is not None else ""


def relabel(text: str, figures: list, config: Optional[Config] = None) -> list:
    """``figures`` with each bare-"$" US-dollar amount in the brief's own dollar (see the module docstring)."""
    if not any(f.value.unit == "USD" for f in figures):
        return figures
    code = local_dollar(text, config)
    if not code:
        return figures
    return [dataclasses.replace(f, value=dataclasses.replace(f.value, unit=code))
            if f.value.unit == "USD" and _BARE.search(text, f.start, f.end) else f for f in figures]
