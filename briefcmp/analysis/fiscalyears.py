"""Whose fiscal year a period is: a country's first month (``FISCAL_START``) or an issuer's own ("fy:02",
``analysis.fiscalissuer``), how its labels are named ("FY24" by the year it ends in, Japan's by the year it starts
in), and a span of months as ``analysis.periods`` writes it ("2024", "2024-04/2025-03"). Split from ``periods``
(its size); ``periods`` names these as before.
"""

from __future__ import annotations

from datetime import date

FISCAL_START = {"japan": 4, "india": 4, "united-kingdom": 4, "canada": 4, "hong-kong": 4, "singapore": 4,
                "australia": 7, "new-zealand": 7, "pakistan": 7, "egypt": 7, "bangladesh": 7, "kenya": 7,
                "united-states": 10, "thailand": 10}
# Fiscal years named by the calendar year they start in ("fiscal 2024" in Japan is April 2024 to
# March 2025); elsewhere "FY26" is the year that ends in 2026.
_NAMED_BY_START = frozenset({"japan"})


def _month_span(y: int, m1: int, m2: int) -> str:
    """Months m1 to m2 from year y as periods are written ("2024-04/2025-03"; January to December: "2024")."""
    if (m1, m2) == (1, 12):
        return f"{y:04d}"  # January to December: the year
    if m1 == m2:
        return f"{y:04d}-{m1:02d}"
    y2 = y + 1 if m2 < m1 else y
    return f"{y:04d}-{m1:02d}/{y2:04d}-{m2:02d}"


ISSUER = "fy:"  # "fy:02": an issuer's own fiscal year, starting in that month (``analysis.fiscalissuer``)


def fiscal_start(country: str) -> int:
    """The first month of the fiscal year of ``country``: a country's (``FISCAL_START``, else January), or an
    issuer's own ("fy:02", what ``fiscalissuer`` reads from the corpus: a company's year to January)."""
    if country.startswith(ISSUER):
        return int(country[len(ISSUER):])
    return FISCAL_START.get(country, 1)


def _named_by_start(country: str) -> bool:
    """Whether "FY24" is the fiscal year starting in 2024: Japan's, and an issuer's whose year lies nearly whole
    (eleven months) in the year it starts in (a year to January); else the year it ends in."""
    return country in _NAMED_BY_START or country.startswith(ISSUER) and fiscal_start(country) <= 2


def _issuer_year(y: int, country: str) -> str:
    """A year as an issuer whose fiscal year lies eleven months in it reports it: "2024" of a company whose year
    runs February to January is its fiscal 2024, as is one running December to November; else the year."""
    if country.startswith(ISSUER) and fiscal_start(country) == 2:
        return fiscal_year(y, country)
    if country.startswith(ISSUER) and fiscal_start(country) == 12:
        return fiscal_year(y - 1, country)
    return str(y)


def fiscal_year(y: int, country: str) -> str:
    start = fiscal_start(country)
    return str(y) if start == 1 else _month_span(y, start, start - 1)


def _fiscal_of(day: date, country: str) -> int:
    start = fiscal_start(country)
    return day.year if day.month >= start else day.year - 1
