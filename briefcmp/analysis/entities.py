"""Who a sentence is about, and words spelt one way: the subjects and wording every analysis shares.

- ``Entities``: countries recognised by their names, adjectives (demonyms), capitals and
  codes from the ``countryinfo`` dataset (ISO 3166 names and codes, demonyms, capitals),
  plus the corpus config's entities and aliases, which come first: a config entity
  named "Japan" keeps its id. Names match case-sensitively ("Chad", not "chad") and the
  longest name wins ("South Korea" over "Korea", "Papua New Guinea" over "Guinea").
- Country names in Japanese, Korean and Chinese (ロシア, 러시아, 俄罗斯) come from Babel's
  CLDR territory names (``cjk_country_names``), read only when a text has CJK characters, and
  match without word boundaries (these scripts have none): a Japanese figure about Russia
  has the subject ``russia``.
- ``fold_spelling``: British and American spellings of one word become one word
  ("defence" and "defense", "programme" and "program") with the ``breame`` lists.

Both datasets are read once per process, lazily (they are not on the start-up path).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Optional

from briefcmp.corpus.functionwords import FUNCTION_WORDS, MONTH_NAMES, SAYING, WEEKDAYS
from briefcmp.corpus.model import Config

# Capitals that are also common words or names in English text, and codes that are English
# words: recognising them as countries would attach the wrong subject.
_AMBIGUOUS = frozenset("""
Male Victoria Hamilton Kingston Georgetown Jamestown Santiago Saint Lima Nicosia
AND ARE CAN PER BEN MAR GAB TON NOR ITA COL DOM ANT MAC GIB AIA ATA MLI NIU
""".split())


_CONTINENT_BEFORE = re.compile(r"\b(?:Latin|South|North|Central|Pan|Native|African|Meso|Anglo|Ibero)[\s-]$")


@dataclass(frozen=True)
class Country:
    id: str  # slug of the common English name: "south-korea"
    label: str  # "South Korea"
    names: tuple[str, ...]  # every form that names it in text
    adjectives: tuple[str, ...] = ()  # the forms of ``names`` that are its adjective ("Japanese")


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


@lru_cache(maxsize=1)
def countries() -> tuple[Country, ...]:
    """Every ISO 3166 country with its names, adjective, capital and codes."""
    import countryinfo  # lazy: a data package read only when subjects are recognised

    out = []
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
        names = {label}
        for alt in info.get("altSpellings") or ():
            if alt.isascii() and alt[:1].isupper() and (len(alt) > 3 or alt in ("UK", "USA", "UAE")):
                names.add(alt)
        if iso.get("alpha3"):
            names.add(iso["alpha3"])
        if iso["alpha2"] == "US":
            names.add("America")  # not after "Latin", "South", ... (see Entities.find)
        if iso["alpha2"] in ("US", "GB"):
            names.update({"US", "U.S.", "UK", "U.K.", "Britain", "U.S.A."} & ({"US", "U.S.", "U.S.A."}
                                                                             if iso["alpha2"] == "US" else
                                                                             {"UK", "U.K.", "Britain"}))
        demonym = info.get("demonym") if isinstance(info.get("demonym"), str) else ""
        if demonym and demonym.isascii():
            names.add(demonym)
        capital = info.get("capital") if isinstance(info.get("capital"), str) else ""
        if capital and capital.isascii() and seen_capitals.get(capital) == 1:
            names.add(capital.split(" D.C.")[0] if capital.startswith("Washington") else capital)
        names = {n for n in names if n not in _AMBIGUOUS and "," not in n}
        population = info.get("population") if isinstance(info.get("population"), (int, float)) else 0
        out.append((population, Country(slug(label), label, tuple(sorted(names)), (demonym,) if demonym in names else ())))
    # A name several countries share ("American" for the United States and the Northern Mariana
    # Islands, "Dominican") belongs to the most populous one.
    owner: dict[str, tuple[float, str]] = {}
    for population, c in out:
        for n in c.names:
            if n not in owner or population > owner[n][0]:
                owner[n] = (population, c.id)
    kept = [Country(c.id, c.label, tuple(n for n in c.names if owner[n][1] == c.id),
                    tuple(n for n in c.adjectives if owner[n][1] == c.id)) for _, c in out]
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


_WORD_BEFORE = re.compile(r"(?<![\w.'’-])([A-Z][a-z]+) $")
# Capitalised words that start a sentence or name a time or direction, not an organisation: "In India",
# "Both India and", "December India", "Northern India": the function words, months and weekdays
# (corpus/functionwords.py), and these words of place, time and relation.
_NOT_A_NAME_WORD = FUNCTION_WORDS | MONTH_NAMES | WEEKDAYS | SAYING | frozenset("""
unlike like neither even since meanwhile whether yet across within among including every my rival neighbouring
neighboring fellow rural urban north south east west northern southern eastern western central greater mainland
modern today tomorrow yesterday
""".split())

class Entities:
    """Recognise subjects in text: config entities first, then countries."""

    def __init__(self, config: Optional[Config] = None, use_countries: bool = True) -> None:
        config = config or Config()
        self.labels: dict[str, str] = {}
        name_of: dict[str, str] = {}
        config_names: set[str] = set()
        adjectives: set[str] = set()
        for eid, e in config.entities.items():
            self.labels[eid] = e.label
            for name in {e.label, *e.aliases}:
                for form in name_forms(name):
                    name_of.setdefault(form, eid)
                    config_names.add(form)
                    if form != name:
                        adjectives.add(form)
        if use_countries:
            label_ids = {e.label: eid for eid, e in config.entities.items()}
            for c in countries():
                # A country the config registers under another id keeps the config's id.
                eid = label_ids.get(c.label) or next((name_of[n] for n in c.names if n in config_names), c.id)
                self.labels.setdefault(eid, c.label)
                for n in c.names:
                    name_of.setdefault(n, eid)
                adjectives.update(a for a in c.adjectives if name_of.get(a) == eid)
        self.entity_of = name_of
        self.adjectives = frozenset(adjectives - set(self.labels.values()))  # "Japanese", "American"
        self._config_names = config_names
        self._use_countries = use_countries
        self._config_cjk = {form: eid for form, eid in name_of.items() if _is_cjk(form)}
        self._cjk_re: Optional[re.Pattern] = None
        self.adopted: set[str] = set()  # ids of the names ``adopt`` took from briefs (not registered)
        names = sorted(name_of, key=len, reverse=True)
        self._re = re.compile(r"(?<![\w.])(?:" + "|".join(re.escape(n) for n in names) + r")(?![\w$])"
                              r"(?!\s+dollars?\b)(?:'s)?") if names else None

    def find(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, entity id) of every name in ``text``, in order (remembered: align asks of one
        sentence for each of its figures)."""
        memo = self.__dict__.setdefault("_found", {})
        if text in memo:
            return list(memo[text])
        if len(memo) > 20000:
            memo.clear()
        if not text.isascii() and _CJK_CHAR.search(text):
            out = sorted(self._find_ascii(text) + self._find_cjk(text))
        else:
            out = self._find_ascii(text)
        memo[text] = tuple(out)
        return out

    def _find_cjk(self, text: str) -> list[tuple[int, int, str]]:
        """Names written in Japanese, Korean or Chinese: matched anywhere, longest first (no word boundaries)."""
        if self._cjk_re is None:
            names = dict(self._config_cjk)
            if self._use_countries:
                by_label = {c.label: c.id for c in countries()}
                for label, forms in cjk_country_names().items():
                    eid = next((self.entity_of[n] for n in (label,) if n in self.entity_of), by_label.get(label))
                    if eid:
                        for form in forms:
                            names.setdefault(form, eid)
            self._cjk_names = names
            self._cjk_re = re.compile("|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))) \
                if names else re.compile(r"(?!)")
        return [(m.start(), m.end(), self._cjk_names[m.group()]) for m in self._cjk_re.finditer(text)]

    def _find_ascii(self, text: str) -> list[tuple[int, int, str]]:
        if self._re is None:
            return []
        out = []
        for m in self._re.finditer(text):
            name = m.group()
            if name.endswith("'s"):
                name = name[:-2]
            if name.startswith("America") and _CONTINENT_BEFORE.search(text, max(0, m.start() - 9), m.start()):
                continue  # "Latin America", "South American": not the United States
            if name not in self.entity_of:
                continue
            if self._company_name(text, m.start(), name):
                continue
            out.append((m.start(), m.start() + len(name), self.entity_of[name]))
        return out

    def companies(self, text: str) -> list[str]:
        """Organisations whose names end with a country's ("Coal India"), in order."""
        if self._re is None:
            return []
        out = []
        for m in self._re.finditer(text):
            name = m.group()[:-2] if m.group().endswith("'s") else m.group()
            if name in self.entity_of and self._company_name(text, m.start(), name):
                before = _WORD_BEFORE.search(text, max(0, m.start() - 30), m.start())
                out.append(f"{before.group(1)} {name}")  # type: ignore[union-attr]
        return out

    def _company_name(self, text: str, start: int, name: str) -> bool:
        """"Coal India", "Air India": a country's name right after a capitalised word is the end of an
        organisation's name, not the country (a registered entity's name always counts)."""
        if not self._use_countries or name in self._config_names:
            return False
        before = _WORD_BEFORE.search(text, max(0, start - 30), start)
        return bool(before) and before.group(1).lower() not in _NOT_A_NAME_WORD

    def subjects(self, text: str) -> tuple[str, ...]:
        """Entity ids named in ``text``, in order of first mention."""
        return tuple(dict.fromkeys(eid for _, _, eid in self.find(text)))

    def mentions(self, text: str) -> list[tuple[str, bool]]:
        """(entity id, named by its adjective) for every name in ``text``, in order: "Japan's" is the
        country, "Japanese exports" its adjective."""
        return [(eid, text[a:b] in self.adjectives) for a, b, eid in self.find(text)]

    def label(self, eid: str) -> str:
        return self.labels.get(eid, eid)

    def subjects_or_names(self, text: str) -> tuple[str, ...]:
        """Entities named in ``text``; else the places and bodies it names (``proper_names``), as
        ``align --apply`` registers them: a later run then finds the same subjects."""
        return self.subjects(text) or tuple(dict.fromkeys(self.adopt(n) for _, _, n in proper_names(text)))

    def distinctive(self, eid: str) -> bool:
        """Whether an adopted name tells its place or body apart by itself ("the Santiago metropolitan
        region", "the Teachers Service Commission"), not only with its country ("the Central Bank")."""
        words = [w for w in _NAME_TOKEN.findall(self.labels.get(eid, eid)) if w[0].isupper()]
        return any(w.lower() not in _NAME_HEADS and w.lower() not in _NAME_LINKS and w.lower() not in _GENERIC_NAME
                   for w in words)

    def adopt(self, name: str) -> str:
        """The entity id of a place or organisation named in a brief (see ``proper_names``), kept with
        its label so that ``align --apply`` can register it: "the Santiago metropolitan region"."""
        eid = slug(name)
        if eid not in self.labels:
            self.labels[eid] = name
            self.adopted.add(eid)
        return eid


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


def name_forms(name: str) -> list[str]:
    """A name and its adjective forms: Japan -> Japanese, Russia -> Russian, Ukraine -> Ukrainian."""
    forms = [name]
    if len(name) >= 4 and name[-1].isalpha() and name[0].isupper() and not name.isupper():
        forms += [name + "n", name + "ese", name + "ian", name + "i"]
        if name[-1] in "aeiou":
            forms += [name[:-1] + "ian", name[:-1] + "ese", name[:-1] + "an"]
    return forms


@lru_cache(maxsize=1)
def _british_to_american() -> dict[str, str]:
    from breame.spelling import AMERICAN_ENGLISH_SPELLINGS  # american -> british, lazily

    table = {b.lower(): a.lower() for a, b in AMERICAN_ENGLISH_SPELLINGS.items()}
    # Short forms the list leaves out but policy texts use constantly.
    table.update({"defence": "defense", "offence": "offense", "programme": "program", "programmes": "programs",
                  "licence": "license", "centre": "center", "centres": "centers"})
    return table


def fold_spelling(word: str) -> str:
    """One spelling for a word written the British or the American way (lower-case in, lower-case out)."""
    return _british_to_american().get(word, word)


def fold_words(words: Iterable[str]) -> list[str]:
    table = _british_to_american()
    return [table.get(w, w) for w in words]


# --------------------------------------------------------------------------- named places and bodies

# The head of a name that names a place or an organisation: "the Santiago metropolitan region",
# "the Murray-Darling Basin", "the European Central Bank". A capitalised word before such a head
# (the head itself capitalised or not) makes a proper name; "Consumer Price Index" does not end in one.
_NAME_HEADS = frozenset("""
region regions sub-region subregion basin province state valley river delta district county city municipality prefecture oblast
governorate territory island islands peninsula lake bay coast corridor canal metropolitan area zone
voivodeship canton krai okrug raion commune parish borough township emirate
bank fund union council commission community authority agency ministry institute board reserve
corporation company group association federation committee parliament assembly directorate bureau
""".split())
# Words that name a body or place in any country: "the Central Bank", "the National Assembly", "the
# Northern Region" need their country to say which.
_GENERIC_NAME = frozenset("""
central national federal supreme constitutional high general state public people's peoples reserve finance
financial treasury health statistics statistical statistic electoral planning revenue tax customs interior
foreign home monetary development investment securities energy water environment environmental audit labour
labor justice agriculture agricultural trade industry commerce education defence defense security police
social housing transport infrastructure capital metropolitan northern southern eastern western north south
east west upper lower greater new old royal united republic democratic independent international
""".split())
_NAME_LINKS = frozenset("of for and de del do da des la".split())
# Words after the head that end the same name: "the Government Pension Fund Global", "Coal India Limited".
_NAME_ENDS = frozenset("global international worldwide limited ltd inc plc".split())
_NAME_TOKEN = re.compile(r"[A-Za-z][A-Za-z'-]*")
# A name right before a reporting verb is the source of a figure, not what it is about.
_REPORTS = re.compile(r"\s*(?:'s\s+)?(?:said|says|say|estimated|estimates|estimate|reported|reports|put|puts|"
                      r"projected|projects|forecast|forecasts|expects|expected|noted|notes|found|finds)\b")
# Capitalised words that do not start a name: the function words, months and weekdays, and these.
_NOT_NAME = FUNCTION_WORDS | MONTH_NAMES | WEEKDAYS | frozenset("according among across since".split())


def proper_names(text: str) -> list[tuple[int, int, str]]:
    """(start, end, name) of each named place or organisation in ``text``: capitalised words
    (with "of", "and"... between them) ending in a place or organisation head word, which may
    be lower-case ("Santiago metropolitan region"). Not a name that reports a figure ("the
    National Statistics Office estimated ...")."""
    tokens = [(m.start(), m.end(), m.group()) for m in _NAME_TOKEN.finditer(text)]
    out: list[tuple[int, int, str]] = []
    i = 0
    while i < len(tokens):
        a, _, word = tokens[i]
        if not (word[0].isupper() and not word.isupper() and word.lower() not in _NOT_NAME):
            i += 1
            continue
        j, last_head, last = i, -1, i
        while j < len(tokens):
            _, _, w = tokens[j]
            gap = text[tokens[j - 1][1]:tokens[j][0]] if j > i else " "
            if not re.fullmatch(r"\s+|'s\s+", gap) or "'s" in gap:
                break
            low = w.lower().removesuffix("'s")
            capital = w[0].isupper() and not w.isupper() and low not in _NOT_NAME
            if capital or (low in _NAME_HEADS and j > i) or (low in _NAME_LINKS and j > i and j + 1 < len(tokens)
                                                             and tokens[j + 1][2][:1].isupper()):
                if low in _NAME_HEADS and j > i:
                    last_head = j
                if capital or low in _NAME_HEADS:
                    last = j
                if not capital and low not in _NAME_HEADS and low not in _NAME_LINKS:
                    break
                if not capital and low in _NAME_HEADS and j + 1 < len(tokens) and \
                        tokens[j + 1][2].lower() not in _NAME_HEADS:
                    break  # a lower-case head ends the name
                j += 1
                continue
            break
        if last_head > i:
            if last > last_head and tokens[last_head + 1][2].lower() not in _NAME_LINKS | _NAME_ENDS:
                last = last_head  # "the Murray-Darling Basin Plan" names the basin's plan: the name is the basin
            end = tokens[last][1]
            name = text[a:end].removesuffix("'s")
            if not _REPORTS.match(text, end):
                out.append((a, a + len(name), name))
            i = last + 1
        else:
            i = max(j, i + 1)
    return out
