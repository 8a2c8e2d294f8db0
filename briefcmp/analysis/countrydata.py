"""The countries of the world as data: their names, adjectives, capitals and codes (``countryinfo``), their
English CLDR names and names in Japanese, Korean and Chinese (Babel), and the currencies they issue.

Read once per process, lazily: ``analysis.entities`` recognises subjects with it, drafting reads a
country's currency and names from it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

# Capitals that are also common words or names in English text: recognising them as countries
# would attach the wrong subject. (ISO alpha-3 codes are no names at all: see ``countries``.)
_AMBIGUOUS = frozenset("""
Male Victoria Hamilton Kingston Georgetown Jamestown Santiago Saint Lima Nicosia
""".split())


@dataclass(frozen=True)
class Country:
    id: str  # slug of the common English name: "south-korea"
    label: str  # "South Korea"
    names: tuple[str, ...]  # every form that names it in text
    adjectives: tuple[str, ...] = ()  # the forms of ``names`` that are its adjective ("Japanese")
    code: str = ""  # ISO 3166 alpha-2 ("KR")


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


_FOREIGN: set[str] = set()  # one-word names in a country's own languages (``countries``), checked when found


@lru_cache(maxsize=256)
def _english_word(name: str) -> bool:
    """Whether a one-word name is also an English noun ("Island", Iceland's own name): simplemma knows a
    plural of it. Asked only when such a name is found in a text, so the dictionary is rarely loaded."""
    from briefcmp.analysis.lexicon import _simplemma  # lazy: the one entry point

    simplemma = _simplemma()
    low = name.lower()
    return simplemma is not None and any(simplemma.lemmatize(low + s, lang="en") == low for s in ("s", "es"))


def _english_alias(alt: str, label: str, cldr: tuple[str, ...]) -> bool:
    """Whether one of countryinfo's alternative spellings is English: one of several words, a short form
    the press writes ("UK", "USA"), a word of the country's English name ("Congo", "Gambia") or the ASCII
    spelling of its CLDR name ("Turkiye"). Its other one-word spellings are in the country's own
    languages ("Suomi", "Schweiz"), and some of those are English words ("Island", Iceland's): such a
    name counts when found only if it is no English word (``_english_word``): a country is recognised by a
    name, never by an ordinary word."""
    if " " in alt or alt in ("UK", "USA", "UAE", "NZ", "HK"):
        return True
    import unicodedata

    folded = {unicodedata.normalize("NFKD", n).encode("ascii", "ignore").decode() for n in cldr}
    return alt in label.split() or alt in cldr or alt in folded


# A country's formal style of one adjective and a form of state ("Hellenic Republic", "Kyrgyz Republic", "Argentine
# Republic"): the adjective names the country's own bodies ("Hellenic Statistical Authority") as its demonym does
_STYLE = re.compile(r"([A-Z][a-z]+)\s+(?:Republic|Kingdom|Confederation|Federation|Principality|Commonwealth)")


def _cldr_names(code: str) -> tuple[str, ...]:
    """The country's English name in CLDR (Babel), as the press now writes it: "Türkiye", "Czechia",
    "Côte d'Ivoire" (not a name of several parts: "Congo - Kinshasa", "Hong Kong SAR China", "St. Kitts & Nevis")."""
    from babel import Locale

    name = Locale.parse("en").territories.get(code, "")
    if not name or any(x in name for x in ("&", "(", " - ", "SAR", ",")):
        return ()
    return tuple(dict.fromkeys((name, name.replace("\u2019", "'"))))


@lru_cache(maxsize=1)
def countries() -> tuple[Country, ...]:
    """Every ISO 3166 country with its names, adjective, capital and codes."""
    import countryinfo  # lazy: a data package read only when subjects are recognised

    out = []
    foreign: set[str] = set()
    seen_capitals: dict[str, int] = {}
    infos = []
    for c in countryinfo.all_countries():
        info = c.info()
        iso = info.get("ISO") or {}
        if not iso.get("alpha2") or not info.get("name"):
            continue
        infos.append(info)
        capital = info.get("capital")
        if isinstance(capital, str) and capital:
            seen_capitals[capital] = seen_capitals.get(capital, 0) + 1
    for info in infos:
        iso = info["ISO"]
        label = info["name"]
        cldr = _cldr_names(iso["alpha2"])
        names = {label, *cldr}
        styled = ""  # the adjective of its formal style ("Hellenic Republic": "Hellenic"), as its offices use it
        for alt in info.get("altSpellings") or ():
            if alt.isascii() and alt[:1].isupper() and (len(alt) > 3 or alt in ("UK", "USA", "UAE", "NZ", "HK")):
                names.add(alt)
                if not _english_alias(alt, label, cldr):
                    foreign.add(alt)
            style = _STYLE.fullmatch(alt)
            if style and not styled:
                styled = style.group(1)
                names.add(styled)
        # (ISO alpha-3 codes are not written for countries in running text, and many spell a word or an
        # acronym: "VAT" is the Vatican's, "PAN", "CAN", "FIN"; the press's codes are in altSpellings: "USA")
        singular = label[:-1] if " " not in label and label.endswith("s") and not label.endswith(("ss", "us")) else ""
        if singular:
            names.add(singular)  # a country named in the plural: "Philippine growth", "Lao", "Comoro"
        if iso["alpha2"] == "US":
            names.add("America")  # not after "Latin", "South", ... (see Entities.find)
        if iso["alpha2"] in ("US", "GB"):
            names.update({"US", "U.S.", "UK", "U.K.", "Britain", "U.S.A."} & ({"US", "U.S.", "U.S.A."}
                                                                             if iso["alpha2"] == "US" else
                                                                             {"UK", "U.K.", "Britain"}))
        if iso["alpha2"] == "KR":
            names.add("Korea")  # the press's "Korea" is the South ("Statistics Korea"); the North is always named so
        demonym = info.get("demonym") if isinstance(info.get("demonym"), str) else ""
        if demonym and demonym.isascii():
            names.add(demonym)
        capital = info.get("capital") if isinstance(info.get("capital"), str) else ""
        if capital and capital.isascii() and seen_capitals.get(capital) == 1:
            names.add(capital.split(" D.C.")[0] if capital.startswith("Washington") else capital)
        names = {n for n in names if n not in _AMBIGUOUS and "," not in n}
        population = info.get("population") if isinstance(info.get("population"), (int, float)) else 0
        out.append((population, Country(slug(label), label, tuple(sorted(names)),
                                        tuple(a for a in (demonym, singular, styled) if a and a in names), iso["alpha2"])))
    # A name several countries share ("American" for the United States and the Northern Mariana
    # Islands, "Dominican") belongs to the most populous one.
    owner: dict[str, tuple[float, str]] = {}
    for population, c in out:
        for n in c.names:
            if n not in owner or population > owner[n][0]:
                owner[n] = (population, c.id)
    kept = [Country(c.id, c.label, tuple(n for n in c.names if owner[n][1] == c.id),
                    tuple(n for n in c.adjectives if owner[n][1] == c.id), c.code) for _, c in out]
    _FOREIGN.update(foreign)
    return tuple(sorted(kept, key=lambda c: c.id))


@lru_cache(maxsize=1)
def _currency_countries() -> dict[str, str]:
    """ISO 4217 code -> the id of the one country that issues it (CLDR's tender currencies by territory,
    from Babel): the territory using it with at least 95% of the population of all that use it ("INR":
    India, not Bhutan; "KRW": South Korea); none for a currency of many countries (EUR, USD: the US has
    under 95% of the dollar's territories, and the dollar prices the world's trade anyway)."""
    import countryinfo
    from babel.core import get_global

    people: dict[str, tuple[float, str]] = {}
    for c in countryinfo.all_countries():
        info = c.info()
        code = (info.get("ISO") or {}).get("alpha2")
        if code and info.get("name"):
            population = info.get("population") if isinstance(info.get("population"), (int, float)) else 0
            if code not in people or population > people[code][0]:  # (countryinfo files Wales under GB too)
                people[code] = (float(population), slug(info["name"]))
    users: dict[str, list[str]] = {}
    for territory, spans in get_global("territory_currencies").items():
        for code, _, end, tender in spans:
            if end is None and tender:
                users.setdefault(code, []).append(territory)
    out = {}
    for code, territories in users.items():
        known = sorted((people[t] for t in territories if t in people), reverse=True)
        total = sum(p for p, _ in known)
        if known and total > 0 and known[0][0] >= 0.95 * total and code not in ("USD", "EUR"):
            out[code] = known[0][1]
    return out


def currency_country(code: str) -> str:
    """The id of the country whose own currency ``code`` is ("KRW" -> "south-korea"), or ""."""
    return _currency_countries().get(code.upper(), "") if len(code) == 3 and code.isalpha() else ""


@lru_cache(maxsize=1)
def _currency_names() -> frozenset[str]:
    """The English names of the currencies, singular and plural, lower case ("swiss franc", "swiss francs"),
    from Babel's CLDR data (already a dependency: ``corpus.units``)."""
    from babel import Locale

    en = Locale("en")
    plural = en._data["currency_names_plural"]
    names = {n.lower() for n in en.currencies.values()}
    for code in en.currencies:
        try:
            names.update(v.lower() for v in dict(plural[code]).values())
        except (KeyError, TypeError):
            continue
    return frozenset(n for n in names if " " in n)


_CJK_CHAR = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")


def _is_cjk(name: str) -> bool:
    return bool(_CJK_CHAR.search(name))


# Names that are also common words: 인도 (India; "handover", 인도적 "humanitarian"), 가나 (Ghana; the
# first syllables of the Korean alphabet), 말리 (Mali; "to dry"), 오만 (Oman; "arrogance"), 차드, マリ, 기니.
_CJK_AMBIGUOUS = frozenset("인도 가나 말리 오만 차드 기니 통가 피지 조지아 マリ チャド トンガ 乍得 马里 加纳 汤加".split())
# Names the press uses that CLDR lists under another form (CLDR's ja "アメリカ合衆国" is rarely written,
# "米国" is; Korean "한국" rather than "대한민국").
_CJK_EXTRA = {"US": ("米国", "アメリカ", "美國"), "KR": ("한국", "남한", "韓國", "南韓"), "KP": ("北韓",),
              "CN": ("中國",), "GB": ("英國",), "RU": ("俄國",), "TW": ("臺灣",)}


@lru_cache(maxsize=1)
def cjk_country_names() -> dict[str, tuple[str, ...]]:
    """English country label (as ``countries()`` has it) -> its names in Japanese, Korean and Chinese.

    From Babel's CLDR territory names (imported only for a text with CJK characters),
    joined to ``countries()`` by ISO 3166 alpha-2 code.
    """
    import countryinfo
    from babel import Locale

    label_of = {}
    for c in countryinfo.all_countries():
        info = c.info()
        code = (info.get("ISO") or {}).get("alpha2")
        if code and info.get("name"):
            label_of[code] = info["name"]
    out: dict[str, list[str]] = {}
    for lang in ("ja", "ko", "zh", "zh_Hant"):
        territories = Locale.parse(lang).territories
        for code, label in label_of.items():
            name = territories.get(code)
            if name and len(name) >= 2 and name not in _CJK_AMBIGUOUS and _is_cjk(name):
                out.setdefault(label, []).append(name)
    for code, extra in _CJK_EXTRA.items():
        if code in label_of:
            out.setdefault(label_of[code], []).extend(extra)
    return {label: tuple(dict.fromkeys(names)) for label, names in out.items()}
