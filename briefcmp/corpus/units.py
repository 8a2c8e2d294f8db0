"""Canonical unit and currency names, so that "%" and "percent", "$" and "USD" compare equal, and
physical units by dimension, so that "16.5 gigawatts", "16.5 GW" and "16,500 MW" compare equal.
A basis point is a hundredth of a percentage point: a rate "raised 25 bps" and one "raised 0.25
percentage point" compare equal.

The physical units (power, energy, mass, length, area, volume, flow) come from the table that
``scripts/gen_unit_table.py`` builds from pint's definitions (``unittable``): GW = gigawatts =
1,000 MW, t = tonnes = metric tons, bcm = a billion cubic metres, km2, barrels per day, TWh, Mt CO2.
Currencies are never converted (no exchange rate is right for every brief).
"""

from __future__ import annotations

from collections import Counter
from functools import lru_cache

from briefcmp.corpus.unittable import SYMBOLS as _PHYSICAL_SYMBOLS
from briefcmp.corpus.unittable import UNITS as _PHYSICAL
from briefcmp.corpus.unittable import WORDS as _PHYSICAL_WORDS

_ALIASES = {
    "%": "percent", "pct": "percent", "per cent": "percent", "percentage": "percent",
    "bps": "bps", "bp": "bps", "basis point": "bps", "basis points": "bps",
    "pp": "percentage-points", "percentage point": "percentage-points",
    "percentage points": "percentage-points",
    "$": "USD", "us$": "USD", "usd": "USD", "dollar": "USD", "dollars": "USD", "us dollars": "USD",
    "¥": "JPY", "yen": "JPY", "jpy": "JPY",
    "₩": "KRW", "won": "KRW", "krw": "KRW",
    "€": "EUR", "euro": "EUR", "euros": "EUR", "eur": "EUR",
    "₽": "RUB", "ruble": "RUB", "rubles": "RUB", "rouble": "RUB", "roubles": "RUB", "rub": "RUB",
    "£": "GBP", "gbp": "GBP", "cny": "CNY", "yuan": "CNY", "rmb": "CNY",
    # Nordic crowns as the press writes them: one unit under a key (whose subject says which crown)
    "kroner": "crowns", "krone": "crowns", "kronor": "crowns", "krona": "crowns", "crown": "crowns",
    "x": "times", "fold": "times", "multiple": "times",
    "day": "days", "week": "weeks", "month": "months", "year": "years", "hour": "hours",
    "minute": "minutes", "min": "minutes", "mins": "minutes", "second": "seconds", "sec": "seconds",
}
CURRENCIES = frozenset({"USD", "JPY", "KRW", "EUR", "RUB", "GBP", "CNY", "UAH", "CHF", "CAD", "AUD", "INR", "NZD", "SGD", "HKD"})


def iso_currency(code: str) -> bool:
    """Whether ``code`` is the ISO 4217 code of a currency in use ("IDR", "MXN"): the common ones above,
    any other from Babel's CLDR territory currencies (loaded on the first code not above: 0.08 s, once;
    withdrawn codes such as "DEM" or "ESP" are left out: they read as abbreviations far more often)."""
    if code in CURRENCIES:
        return True
    if len(code) != 3 or not code.isascii() or not code.isupper():
        return False
    return code in _iso_codes()


@lru_cache(maxsize=1)
def _iso_codes() -> frozenset[str]:
    from babel.core import get_global

    return frozenset(code for held in get_global("territory_currencies").values()
                     for code, _since, until, tender in held if until is None and tender)

# Durations compare across units: everything in days.
_DAYS = {"days": 1.0, "weeks": 7.0, "months": 30.4375, "years": 365.25, "hours": 1 / 24,
         "minutes": 1 / 1440, "seconds": 1 / 86400}

SCALE_ALIASES = {
    "k": "thousand", "thousand": "thousand", "thousands": "thousand",
    "m": "million", "mn": "million", "mln": "million", "million": "million", "millions": "million",
    "b": "billion", "bn": "billion", "bln": "billion", "billion": "billion", "billions": "billion",
    "milliard": "billion", "milliards": "billion", "mil": "million", "bil": "billion",
    "t": "trillion", "tn": "trillion", "trillion": "trillion", "trillions": "trillion",
    "lakh": "lakh", "lakhs": "lakh", "lac": "lakh", "crore": "crore", "crores": "crore", "cr": "crore",
    "lakh crore": "lakh crore", "lakh crores": "lakh crore",
    "": "", "one": "", "units": "",
}


@lru_cache(maxsize=4096)  # align asks of a few units hundreds of thousands of times
def canonical_unit(unit: str) -> str:
    """The canonical spelling of a unit: currencies as ISO 4217 codes, "%" as "percent"."""
    u = " ".join(unit.split())
    if not u:
        return ""
    if u in _PHYSICAL_SYMBOLS:  # case matters: "Mt" is a megatonne
        return _PHYSICAL_SYMBOLS[u]
    low = u.lower()
    if low in _PHYSICAL_WORDS:
        return _PHYSICAL_WORDS[low]
    if low in _ALIASES:
        return _ALIASES[low]
    if u.upper() in CURRENCIES or (u.isupper() and iso_currency(u)):
        return u.upper()
    return u if low in _PHYSICAL_SYMBOLS else low  # "M" is no metre, "T" no tonne: kept as written


def spellings(unit: str) -> list[str]:
    """The one-word spellings this module reads as ``unit``'s canonical form ("crowns": kroner,
    krone...; "USD": dollar, dollars): the words of a figure's unit, whichever one the text used."""
    canon = canonical_unit(unit)
    table = {**_ALIASES, **_PHYSICAL_WORDS}
    # single words only: "tonnes of carbon dioxide" is a spelling of tonnes, but "carbon" says what is weighed
    return sorted({canon, *(w for w, c in table.items() if c == canon and w.isalpha())})


def is_currency(unit: str) -> bool:
    return iso_currency(unit)


def is_physical(unit: str) -> bool:
    """A unit of a physical dimension (power, mass, volume...), converted when compared."""
    return canonical_unit(unit) in _PHYSICAL


def comparable(unit: str, amount: float) -> tuple[str, float]:
    """(dimension, amount) for comparing across units: durations become days, physical units SI base
    units of their dimension ("power", "volume"...); others unchanged."""
    if unit in _DAYS:
        return "duration", amount * _DAYS[unit]
    if unit in ("bps", "basis points") or canonical_unit(unit) == "bps":
        return "percentage-points", amount / 100  # a basis point is a hundredth of a percentage point

    physical = _PHYSICAL.get(unit) or _PHYSICAL.get(canonical_unit(unit))
    if physical is not None:
        return physical[0], amount * physical[1]
    return unit, amount


# Counted nouns that only say "how many humans": the measure is named elsewhere ("the number of
# unemployed persons was 1.74 million", "1.7 million people were out of work").
PERSON_NOUNS = frozenset({"people", "persons", "individuals"})
# Units that are no counted thing: measures, money, multiples.
_NOT_COUNTED = frozenset({"percent", "percentage-points", "bps", "times", "points", "cents", "pence", "crowns"})
# (plurals not in -s, and nouns whose plural is their singular: "766 aircraft", "1.2 million sheep")
_IRREGULAR_COUNTS = PERSON_NOUNS | {"children", "men", "women", "personnel", "police", "staff", "cattle", "aircraft",
                                    "spacecraft", "sheep", "deer", "fish", "livestock", "poultry"}


def is_count(unit: str) -> bool:
    """A counted noun ("visitors", "jobs", "people"): a count, like a bare number, of what the
    measure names. "36.9 million foreign visitors" and "the number of foreign visitors reached 36.87
    million" are one dimension; currencies, physical units, durations and percentages are not counts."""
    u = canonical_unit(unit)
    return bool(u) and u.isascii() and u.replace("-", "").replace(" ", "").isalpha() and u.islower() \
        and (u.endswith("s") or u in _IRREGULAR_COUNTS) and u not in _NOT_COUNTED and u not in _DAYS and u not in ("decades", "centuries") \
        and not is_currency(u) and not is_physical(u)


def shared_unit(unit_list: list[str]) -> str:
    """The one canonical unit for figures of one dimension: the most common, the larger on a tie
    ("16.5 GW" and "16,500 MW" share GW)."""
    counts = Counter(canonical_unit(u) for u in unit_list)
    return min(counts, key=lambda u: (-counts[u], -comparable(u, 1.0)[1], u)) if counts else ""
