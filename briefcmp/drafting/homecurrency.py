"""What a bare "$" stands for in one text: the dollar (or peso) of the country the text is written from.

An Australian or Canadian outlet writes its own dollar as "$" and the American one as "US$"; a wire
story marks the local dollar instead ("A$9.3 billion ($6.2 billion)") and writes USD as "$". So a
bare "$" is the home dollar only when the text is plainly from or about a country whose own
English-language press writes its currency "$", and marks no dollar as another country's ("A$",
"C$", "CAD 5"): the first country the text's head (title, dateline, lead) names decides (the whole
text's first when the head names none, but one named only as a cause or a company's home, "helped by Guyana",
"the Anglo-Australian group"; before that, the city the outlet is named after, "The Sydney Morning Herald", from
CLDR's time-zone cities), by CLDR's symbols from Babel (AUD in en_AU, CAD in en_CA, NZD in en_NZ; a country with
no English locale, Mexico or Chile, is written for readers abroad). Any other text keeps USD.
"""

from __future__ import annotations

import dataclasses
import re
from functools import lru_cache
from typing import Optional

from briefcmp.corpus.model import Config
from briefcmp.drafting.figures import Figure
from briefcmp.drafting.heads import country_names, head_of


@lru_cache(maxsize=None)
def _own_dollar(country: str) -> str:
    """The ISO code of ``country``'s own currency when its people write it "$", else ""."""
    from babel.core import Locale, UnknownLocaleError, get_global
    from babel.numbers import get_currency_symbol

    from briefcmp.analysis.countrydata import currency_country

    for territory, spans in get_global("territory_currencies").items():
        for code, _since, until, tender in spans:
            if until is not None or not tender or code == "USD" or currency_country(code) != country:
                continue
            try:  # the country's own English-language press: no English locale, no "$" of its own in English
                locale = Locale.parse(f"en_{territory}")
            except (UnknownLocaleError, ValueError):
                continue
            if get_currency_symbol(code, locale) == "$":
                return code
    return ""


def home_dollar(text: str, config: Optional[Config] = None, publisher: str = "") -> str:
    """The currency a bare "$" of ``text`` stands for: "AUD" for a text from Canberra about Australia's
    budget, "USD" when its head names no country whose own currency is written "$" before the US.
    ``publisher``: the outlet's name ("The Sydney Morning Herald"), whose city says where it writes from
    when the head names no country."""
    if "$" not in text:
        return "USD"
    said = declared_dollar(text)
    if said:
        return said  # "All figures are in Australian dollars."
    from briefcmp.analysis.countrydata import countries
    from briefcmp.analysis.entities import Entities

    entities = Entities(config)
    known = {c.id for c in countries()}
    head = head_of(text)
    # the outlet's name: as the brief's metadata read it, else the short lines after the title (the outlet
    # and date line: "The Sydney Morning Herald | Federal budget 2024 | May 15, 2024"; not the title,
    # where a city is what the story is about: "Toronto-listed miner raises $500 million")
    lines = [line for line in head.split("\n") if line.strip()]
    publisher = publisher or "\n".join(line for line in lines[1:3] if len(line.split()) <= 14)
    for part in (head, publisher, text):  # the head decides; then the outlet's city; then the whole text
        if part is publisher:
            found = [(0, eid) for eid in _publisher_country(publisher)]
        else:
            found = [(a, eid) for a, _e, eid in entities.find(part) if eid in known]
        if part is text:  # (a country named only as a cause, "production rose, helped by Guyana", or as a company's
            # home, "the Anglo-Australian group", is no country the text is from or about)
            found = [(a, eid) for a, eid in found if not _aside_mention(text, a)]
        if part is head:  # "Statistics Canada | The Daily": a country named inside a body's name counts here
            pattern, owner = country_names()
            found += [(m.start(), owner[m.group()]) for m in pattern.finditer(part)]
        if found:
            code = _own_dollar(min(found)[1])
            if not code or _PREFIXED.search(text) or re.search(rf"\b{code}\s?\d", text):
                return "USD"  # "A$9.3 billion ($6.2 billion)": a text that marks its own dollar writes USD as "$"
            return code
    return "USD"


def _aside_mention(text: str, at: int) -> bool:
    """Whether the country named at ``at`` is named as a cause or a concession ("helped by the Pioneer acquisition
    and Guyana", "despite weak demand in China") or as a company's home ("the Anglo-Australian group")."""
    from briefcmp.analysis.figuresubject import _CIRCUMSTANCE
    from briefcmp.analysis.organisations import _KIND

    start = max(text.rfind(". ", 0, at), text.rfind("\n", 0, at), text.rfind(";", 0, at), text.rfind(",", 0, at)) + 1
    if re.search(r"\b(?:" + _CIRCUMSTANCE + r")\b", text[start:at], re.I):
        return True
    end = re.match(r"[\w-]*", text[at:]).end() + at
    return bool(re.match(r"\s+(?:[a-z][\w-]*\s+){0,2}?" + _KIND, text[end:end + 60]))


# "in Australian dollars", "in New Zealand dollars": a dollar named by its country (CLDR's English plural names)
_IN_DOLLARS = re.compile(r"\b[Ii]n\s+((?:[A-Z][A-Za-z.]*\s+){1,2})dollars\b")


def declared_dollar(text: str) -> str:
    """The one dollar a text says its amounts are in ("All figures are in Australian dollars"), by its CLDR
    name: when it names that one only, and marks no dollar as another country's ("A$", "US$"); else ""."""
    found = set()
    for m in _IN_DOLLARS.finditer(text):
        name = " ".join(f"{m.group(1)}dollars".split()).lower()
        found.add(_dollar_names().get(name, ""))
    if len(found) != 1 or "" in found or _PREFIXED.search(text) or re.search(r"\bU\.?S\.?\$", text):
        return ""
    return found.pop()


@lru_cache(maxsize=1)
def _dollar_names() -> dict[str, str]:
    """"australian dollars" -> AUD: Babel's English plural names of the dollars."""
    from babel import Locale

    en = Locale("en")
    out = {}
    for code, forms in en._data["currency_names_plural"].items():
        for name in dict(forms).values():
            if name.lower().endswith(" dollars"):
                out[name.lower()] = code
    return out


@lru_cache(maxsize=1)
def _zone_cities() -> dict[str, str]:
    """City -> ISO 3166 code, from the exemplar cities of CLDR's time zones (Babel: "Australia/Sydney" is
    in AU, "America/Toronto" in CA): the cities an outlet is named after, without a gazetteer."""
    from babel.core import get_global

    out: dict[str, str] = {}
    for zone, territory in get_global("zone_territories").items():
        city = zone.rsplit("/", 1)[-1].replace("_", " ")
        if "/" in zone and len(city) > 3 and territory != "001":
            out.setdefault(city, territory)
    return out


def _publisher_country(publisher: str) -> list[str]:
    """The country of the city an outlet is named after ("The Sydney Morning Herald" -> australia), or []."""
    if not publisher:
        return []
    from briefcmp.analysis.countrydata import countries

    by_code = {c.code: c.id for c in countries()}
    cities = _zone_cities()
    words = re.findall(r"[A-Z][a-z]+", publisher)
    for name in [" ".join(p) for p in zip(words, words[1:])] + words:  # "New York" before "York"
        if name in cities and cities[name] in by_code:
            return [by_code[cities[name]]]
    return []


# A dollar marked as another country's: "A$", "C$", "NZ$", "HK$" (not "US$", "U.S.$").
_PREFIXED = re.compile(r"(?<![A-Za-z.])(?!US\$)[A-Z]{1,3}\$")


def bare_dollar(text: str, start: int, end: int) -> bool:
    """Whether the figure ``text[start:end]`` is written with a bare "$" (not "US$", "A$", "C$")."""
    i = text.find("$", start, end)
    return i >= 0 and (i == 0 or not text[i - 1].isalpha() and text[i - 1] != ".") \
        and not re.match(r"(?:US|A|NZ|C|HK|S)\s?\d", text[i + 1:i + 5])  # ("$US26 billion": marked)


def home_dollars(text: str, figures: list[Figure], config: Optional[Config] = None,
                 publisher: str = "") -> list[Figure]:
    """``figures`` with each one written with a bare "$" in the text's own dollar (``home_dollar``)."""
    bare = [i for i, f in enumerate(figures) if f.value.unit == "USD" and bare_dollar(text, f.start, f.end)]
    code = home_dollar(text, config, publisher) if bare else "USD"
    if code == "USD":
        return figures
    out = list(figures)
    for i in bare:
        out[i] = dataclasses.replace(out[i], value=dataclasses.replace(out[i].value, unit=code))
    return out
