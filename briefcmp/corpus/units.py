"""Canonical unit and currency names, so that "%" and "percent", "$" and "USD" compare equal."""

from __future__ import annotations

_ALIASES = {
    "%": "percent", "pct": "percent", "per cent": "percent", "percentage": "percent",
    "pp": "percentage-points", "percentage point": "percentage-points",
    "percentage points": "percentage-points",
    "$": "USD", "us$": "USD", "usd": "USD", "dollar": "USD", "dollars": "USD", "us dollars": "USD",
    "¥": "JPY", "yen": "JPY", "jpy": "JPY",
    "₩": "KRW", "won": "KRW", "krw": "KRW",
    "€": "EUR", "euro": "EUR", "euros": "EUR", "eur": "EUR",
    "₽": "RUB", "ruble": "RUB", "rubles": "RUB", "rouble": "RUB", "roubles": "RUB", "rub": "RUB",
    "£": "GBP", "gbp": "GBP", "cny": "CNY", "yuan": "CNY", "rmb": "CNY",
    "x": "times", "fold": "times", "multiple": "times",
    "kwh": "kWh", "mwh": "MWh", "gwh": "GWh", "twh": "TWh",
    "day": "days", "week": "weeks", "month": "months", "year": "years", "hour": "hours",
    "minute": "minutes", "min": "minutes", "mins": "minutes", "second": "seconds", "sec": "seconds",
}
CURRENCIES = frozenset({"USD", "JPY", "KRW", "EUR", "RUB", "GBP", "CNY", "UAH", "CHF", "CAD", "AUD"})

# Durations compare across units: everything in days.
_DAYS = {"days": 1.0, "weeks": 7.0, "months": 30.4375, "years": 365.25, "hours": 1 / 24,
         "minutes": 1 / 1440, "seconds": 1 / 86400}

SCALE_ALIASES = {
    "k": "thousand", "thousand": "thousand", "thousands": "thousand",
    "m": "million", "mn": "million", "mln": "million", "million": "million", "millions": "million",
    "b": "billion", "bn": "billion", "bln": "billion", "billion": "billion", "billions": "billion",
    "t": "trillion", "tn": "trillion", "trillion": "trillion", "trillions": "trillion",
    "": "", "one": "", "units": "",
}


def canonical_unit(unit: str) -> str:
    """The canonical spelling of a unit: currencies as ISO 4217 codes, "%" as "percent"."""
    u = unit.strip()
    if not u:
        return ""
    low = u.lower()
    if low in _ALIASES:
        return _ALIASES[low]
    if u.upper() in CURRENCIES:
        return u.upper()
    return low


def is_currency(unit: str) -> bool:
    return unit in CURRENCIES


def comparable(unit: str, amount: float) -> tuple[str, float]:
    """(dimension, amount) for comparing across units: durations become days; others unchanged."""
    if unit in _DAYS:
        return "duration", amount * _DAYS[unit]
    return unit, amount
