"""Whose fiscal year a figure's "FY24", "fiscal 2024" or "this financial year" is (issue 21, point 2).

A country's fiscal year is its government's (``periods.FISCAL_START``: April in Japan, July in Australia). A
company's is its own: the one a report of the corpus states for it ("the year to Jan. 31", "fiscal year ended
September 30", "FY24 (Feb-Jan)"), else the calendar year (most companies report by it: "FY24" of a carmaker
is 2024). ``periods`` reads an issuer's year as the country "fy:MM" (``periods.ISSUER``).

Figures are described brief by brief, before the subjects a brief leaves unnamed are adopted from its
fellow reports ("the country will slide into deficit" in a budget story that never names it); ``reread``
reads their period expressions again once their subjects are settled, so that one fiscal label is read
the same way in every report of the corpus.
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from typing import Iterable

from briefcmp.analysis import periods
from briefcmp.analysis.periodbases import _MON, _MONTHS

# "FY24 (Feb-Jan)", "FY2024 (April-March)": a fiscal label with its months
_LABEL_MONTHS = re.compile(rf"\bFY\s?['’]?\d{{2,4}}\s*\(\s*(?:{_MON})\.?\s*[-–]\s*(?P<end>{_MON})\.?\s*\)", re.I)
# "the fiscal year that ended September 30", "financial year ending 30 June", "business year to March"
_FISCAL_END = re.compile(rf"\b(?:fiscal|financial|business)\s+year\s+(?:that\s+|which\s+)?(?:ended|ending|ends|to|"
                         rf"through|closing)\s+(?:on\s+)?(?:\d{{1,2}}(?:st|nd|rd|th)?\s+)?(?P<end>{_MON})\b", re.I)
# "the year to Jan. 31", "the 12 months ended 30 June": in a company's brief, its reporting year
_YEAR_END = re.compile(rf"\b(?:year|twelve\s+months|12\s+months)\s+(?:that\s+|which\s+)?(?:ended|ending|to|through)\s+"
                       rf"(?:on\s+)?(?:\d{{1,2}}(?:st|nd|rd|th)?\s+)?(?P<end>{_MON})\b", re.I)


# Amounts in rupees counted in crores and lakhs: a report on an Indian company (whose year starts in April)
_RUPEES = re.compile(r"\b(?:Rs\.?\s?\d|INR\s?\d|\d[\d,.]*\s*(?:crore|lakh))|₹", re.I)


@functools.lru_cache(maxsize=1)
def _country_ids() -> frozenset[str]:
    from briefcmp.analysis.countrydata import countries
    from briefcmp.analysis.entities import REGIONS, WORLD

    return frozenset({c.id for c in countries()} | {eid for eid, _, _ in REGIONS.values()} | {WORLD})


def stated_end(text: str, company: bool) -> set[int]:
    """The months a text says a fiscal year ends in (``company``: its brief is a company's, so a plain "the
    year to January" is its reporting year, not twelve months of prices)."""
    found = {_MONTHS[m.group("end").lower()[:3]] for m in (*_LABEL_MONTHS.finditer(text), *_FISCAL_END.finditer(text))}
    if company:
        found |= {_MONTHS[m.group("end").lower()[:3]] for m in _YEAR_END.finditer(text)}
    return found


def issuer_years(briefs: Iterable[tuple[tuple[str, ...], str]]) -> dict[str, str]:
    """Each company's fiscal year as ``periods`` reads it ("fy:02"), from (main subjects, text) of each brief:
    the one end month its briefs state (December, or none, is the calendar year: "fy:01"; none, with amounts in
    rupees, India's); several: none."""
    countries = _country_ids()
    ends: dict[str, set[int]] = defaultdict(set)
    seen: set[str] = set()
    indian: set[str] = set()
    for subjects, text in briefs:
        companies = [s for s in subjects if s not in countries]
        if len(companies) != 1 or len(subjects) != 1:
            continue
        seen.add(companies[0])
        ends[companies[0]] |= stated_end(text, True)
        if _RUPEES.search(text):
            indian.add(companies[0])
    out = {}
    for company in seen:
        months = ends.get(company, set())
        if not months and company in indian:  # "Q3FY25", "Rs 6,822 crore": an Indian company's year, April's
            out[company] = "india"
            continue
        # (a year to March is named both ways, by the year it ends in and, in Japan's press, by the year it starts
        # in: "fiscal 2023" of Jiji is Toyota's "FY2024"; such a company keeps the reading by its country)
        if len(months) <= 1 and months != {3}:
            end = next(iter(months), 12)
            out[company] = f"{periods.ISSUER}{end % 12 + 1:02d}"
    return out


def country_of(subjects: tuple[str, ...], years: dict[str, str]) -> str:
    """The fiscal "country" a figure's period expressions are read for: a country with a fiscal year of its own,
    else a company's (``issuer_years``), else its first subject."""
    return next((x for x in subjects if x in periods.FISCAL_START), "") or next(
        (years[x] for x in subjects if x in years), subjects[0] if subjects else "")


def _fiscal(country: str) -> bool:
    """Whether ``country`` says whose fiscal year it is (a country's, an issuer's): a company whose year no report
    states (its year to March, named both ways) says nothing, and nothing is read again for it."""
    return country in periods.FISCAL_START or country.startswith(periods.ISSUER) or country in _country_ids()


def reread(every: list, years: dict[str, str]) -> list:
    """Read again the period of each figure whose subjects now give another fiscal year than the one it was read
    for (``Member.period_read``: the sentence, figure, day, country, the brief's year, the heading and what it
    read then; a period a later step changed is left alone). Returns those changed."""
    changed = []
    for m in every:
        read = getattr(m, "period_read", None)
        if not read or m.period_how not in ("stated", "relative", ""):
            continue
        text, span, published, used, own_year, heading, was, was_how = read
        country = country_of(m.subjects, years)
        if country == used or not _fiscal(country) or (m.period, m.period_how) != (was, was_how):
            continue  # (a period a later step settled, "31.2% from the previous quarter" of the third: its own)
        if heading:
            from briefcmp.analysis.titleperiods import heading_period

            period, how = heading_period(heading, published, country)
        else:
            period, how = periods.resolve(text, span, published, country, own_year)
        if (period, how) != (m.period, m.period_how) and (how or m.period_how):
            m.period, m.period_how = period, how
            changed.append(m)
        m.period_read = (text, span, published, country, own_year, heading, period, how)
    return changed


def reread_headlines(every: list, contexts: dict, years: dict[str, str]) -> None:
    """The period a brief's title (else its lead) states, read again for the fiscal year of the brief's figures
    once their subjects are settled ("FY24: in line" over a company's figures is its year, not India's)."""
    from collections import Counter

    from briefcmp.analysis.titleperiods import title_period

    by_brief: dict[str, list] = defaultdict(list)
    for m in every:
        by_brief[m.claim.brief].append(m)
    for brief, members in by_brief.items():
        ctx = contexts.get(brief)
        if ctx is None or not ctx.ok or not (ctx.title or ctx.lead_sentence):
            continue
        used = next((x for m in members for x in m.subjects if x in periods.FISCAL_START), "")  # (brief_hints')
        country = Counter(country_of(m.subjects, years) for m in members).most_common(1)[0][0]
        if country == used or not _fiscal(country):
            continue
        headline, source = (title_period(ctx.title, ctx.published, country), "title") if ctx.title else ("", "title")
        if not headline and ctx.lead_sentence:
            headline, source = title_period(ctx.lead_sentence, ctx.published, country), "lead"
        for m in members:
            if m.period_how == "named" and m.period == m.headline:
                m.period = headline
                m.period_how = "named" if headline and periods.fits_length(headline, m.the_period) else ""
                if not m.period_how:
                    m.period = ""
            m.headline, m.headline_from = headline, source


def settle(every: list, contexts: dict) -> None:
    """Once subjects are settled: each company's year from the corpus's briefs, then every figure's period and
    every brief's title period read again for the fiscal year its subjects give."""
    years = issuer_years((c.brief_subjects or c.title_subjects, c.text) for c in contexts.values() if c.ok)
    reread(every, years)
    reread_headlines(every, contexts, years)
