"""A currency written as letters glued to its number: "W9.18tn" and "Won9.18tn" (the won, as the
Korean and financial press abbreviate it), "R4.2bn" (the rand), "N1.2tn" (the naira), "Ksh 50bn" (a CLDR symbol may stand a space before it).

The letters name a currency when they are the currency's symbol in one of CLDR's English locales
(Babel: "R" for ZAR in en_ZA, "Ksh" for KES in en_KE, "P" for BWP) or the start of its unit's English
name ("W", "Won" -> won; "N" -> naira), and the currency is the own currency of a country the text
names (its head first, as ``homecurrency`` decides a bare "$"), or, in a text naming no country, the
one currency a CLDR symbol writes in English ("R": the rand). The number must carry a scale ("bn",
"tn", "trillion"), or, for a CLDR symbol, at least three digits: a capital glued to a small number is a
name far more often ("P5", "K2", "G7").
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Callable

_LETTERS = re.compile(r"(?<![A-Za-z0-9$.])(?P<l>[A-Z][A-Za-z]{0,2})(?P<space>\s?)$")


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, frozenset[str]], dict[str, frozenset[str]]]:
    """(symbol -> codes) from CLDR's English locales, (unit name -> codes) from CLDR's English names:
    "won" for KRW and KPW ("South Korean Won"), "rand" for ZAR. Current legal tender only."""
    from babel.core import Locale, get_global
    from babel.localedata import locale_identifiers

    current = {code for held in get_global("territory_currencies").values()
               for code, _since, until, tender in held if until is None and tender}
    symbols: dict[str, set[str]] = {}
    for lid in locale_identifiers():
        if lid != "en" and not lid.startswith("en_"):
            continue
        for code, sym in Locale.parse(lid).currency_symbols.items():
            if code in current and sym.isascii() and sym.isalpha() and len(sym) <= 3:
                symbols.setdefault(sym, set()).add(code)
    names: dict[str, set[str]] = {}
    for code, name in Locale.parse("en").currencies.items():
        if code in current and name.split():
            names.setdefault(name.split()[-1].lower(), set()).add(code)
    return ({k: frozenset(v) for k, v in symbols.items()}, {k: frozenset(v) for k, v in names.items()})


@lru_cache(maxsize=None)
def _territory_codes() -> dict[str, frozenset[str]]:
    from babel.core import get_global

    return {t: frozenset(code for code, _s, until, tender in held if until is None and tender)
            for t, held in get_global("territory_currencies").items()}


def candidates(letters: str) -> tuple[frozenset[str], bool]:
    """The currencies ``letters`` may write, and whether they are a CLDR symbol (not only a name's start)."""
    symbols, names = _tables()
    if letters in symbols:
        return symbols[letters], True
    low = letters.lower()
    if len(letters) == 1 or low in names:
        return frozenset(c for name, codes in names.items() if name.startswith(low) for c in codes), False
    # a contraction of the name, its first letter first: "Bt" baht, "Tk" taka, "Sh" shilling, "Dh" dirham
    return frozenset(c for name, codes in names.items() if _contracts(low, name) for c in codes), False


def _contracts(letters: str, name: str) -> bool:
    """Whether ``letters`` are ``name``'s first letter and then some of its letters in order."""
    if not name.startswith(letters[0]):
        return False
    rest = iter(name[1:])
    return all(ch in rest for ch in letters[1:])


def letter_currency(text: str, a: int, scaled: bool, digits: int,
                    territories: Callable[[], list[set[str]]]) -> tuple[str, int]:
    """(ISO code, start) when the letters glued before ``text[a]`` write a currency, else ("", a).

    ``scaled``: a scale follows the number; ``digits``: how many digits it has; ``territories``: the
    ISO 3166 codes of the countries the text's head names, then those the whole text names (asked only
    when letters are found)."""
    m = _LETTERS.search(text, max(0, a - 5), a)
    if not m:
        return "", a
    codes, symbol = candidates(m.group("l"))
    if not codes or not (scaled or (symbol and digits >= 3)) or (m.group("space") and not symbol):
        return "", a
    named_any = False
    for named in territories():
        named_any = named_any or bool(named)
        own = {c for t in named for c in _territory_codes().get(t, ())} & codes
        if len(own) == 1:
            return own.pop(), m.start()
        if own:
            return "", a
    if symbol and scaled and len(codes) == 1 and not named_any:
        return next(iter(codes)), m.start()  # "R6.6bn" in a note naming no country: the one currency "R" writes
    return "", a
