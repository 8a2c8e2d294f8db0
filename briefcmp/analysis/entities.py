"""Who a sentence is about, and words spelt one way: the subjects and wording every analysis shares.

- ``Entities``: countries recognised by their names, adjectives (demonyms), capitals and
  the press's codes ("USA", "UK") from the ``countryinfo`` dataset, and their CLDR English
  names from Babel ("Türkiye"), plus the corpus config's entities and aliases, which come
  first: a config entity named "Japan" keeps its id. Names match case-sensitively ("Chad",
  not "chad") and the longest name wins ("South Korea" over "Korea", "Papua New Guinea" over
  "Guinea"). A country is never recognised by an ISO alpha-3 code ("VAT" is no Vatican) or by
  an alias that is an English noun ("Island", Iceland's own name); an organ of the state
  named by generic words ("the Monetary Policy Committee") is its country's (``organ``);
  a population group ("black African", "Indian/Asian") is no country.
- Country names in Japanese, Korean and Chinese (ロシア, 러시아, 俄罗斯) come from Babel's
  CLDR territory names (``countrydata.cjk_country_names``), read only when a text has CJK characters, and
  match without word boundaries (these scripts have none): a Japanese figure about Russia
  has the subject ``russia``.
- ``fold_spelling``: British and American spellings of one word become one word
  ("defence" and "defense", "programme" and "program") with the ``breame`` lists.

Both datasets are read once per process, lazily (they are not on the start-up path).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable, Optional

from briefcmp.analysis.countrydata import (
    _AMBIGUOUS, _FOREIGN, _currency_names, _english_word, _is_cjk, cjk_country_names, countries, slug,
)
from briefcmp.analysis.placenames import (  # noqa: F401  (proper_names: other modules import it from here)
    _GENERIC_NAME, _NAME_HEADS, _NAME_LINKS, _NAME_TOKEN, _NOT_NAME, _ORGAN_HEADS, _STATE_WORDS, proper_names,
)
from briefcmp.corpus.functionwords import FUNCTION_WORDS, MONTH_NAMES, SAYING, WEEKDAYS
from briefcmp.corpus.model import Config


# Regions whose figures the press reports like a country's, by every form it writes them in: a euro-area
# release is about the euro area (not about Germany, where its wire story is filed), whichever of
# "euro area", "eurozone", "euro zone" or "the single currency area" each outlet writes. ("EZ" is CLDR's
# code for the euro area; the bloc's member count changes, so "the 20-nation bloc" is not a name.)
REGIONS: dict[str, tuple[str, str, tuple[str, ...]]] = {  # code (CLDR's, or the group's name) -> (id, label, names)
    "EZ": ("euro-area", "Euro area", ("euro area", "Euro area", "Euro Area", "eurozone", "Eurozone", "euro zone",
                                      "Euro zone", "Euro Zone", "single currency area", "single-currency area",
                                      "single currency bloc", "single-currency bloc", "currency bloc")),
    # producer groups whose output and quotas the press reports as one's; "OPEC+" is the wider group
    "OPEC": ("opec", "OPEC", ("OPEC", "Organization of the Petroleum Exporting Countries",
                              "Organisation of the Petroleum Exporting Countries")),
    "OPEC+": ("opec-plus", "OPEC+", ("OPEC+", "OPEC Plus", "OPEC-plus")),
}


WORLD = "world"  # the subject of "global growth", "world oil demand" (align: never found as a name in text)
# The producer groups of ``REGIONS``: their output is their own, the market outlooks they publish are not ("OPEC
# expects demand to grow": the world's demand), see ``analysis.figuresubject.source_not_subject``
PRODUCER_GROUPS = frozenset({"opec", "opec-plus"})


_CONTINENT_BEFORE = re.compile(r"\b(?:Latin|South|North|Central|Pan|Inter|Native|African|Afro|Meso|Anglo|Ibero)[\s-]$")


@lru_cache(maxsize=1)
def _province_names() -> tuple[frozenset[str], int]:
    """Provinces and states of every country (countryinfo), ASCII names only, none that is a country's
    name or ambiguous ("Georgia" is the country) or made of words any name uses ("Central", "Northern");
    and the most words one has."""
    import countryinfo

    taken = {n for c in countries() for n in c.names}
    common = _GENERIC_NAME | _NOT_A_NAME_WORD | _NAME_HEADS | _NOT_NAME | {"savannah", "capital"}
    names = set()
    for c in countryinfo.all_countries():
        for p in c.info().get("provinces") or ():
            if isinstance(p, str) and p.isascii() and p[:1].isupper() and p not in taken and p not in _AMBIGUOUS \
                    and len(p) > 3 and not all(w.lower() in common for w in p.split()):
                names.add(" ".join(p.split()))
    return frozenset(names), max((len(n.split()) for n in names), default=1)


_NAME_AROUND = re.compile(r" [A-Z]")  # a capitalised word right after a name: maybe one longer name
_NAME_BEFORE = re.compile(r"[A-Z][a-z]+ $")
_TOKEN = re.compile(r"[A-Za-z][A-Za-z.-]*[A-Za-z]|[A-Za-z]")  # ("South Australia's": the name, then 's)


# A company named with its legal form: "Toyota Motor Corporation", "Samsung Electronics Co.", "Equinor ASA".
_CORPORATE = re.compile(r"\b((?:[A-Z][A-Za-z&'-]+ ){0,2}[A-Z][A-Za-z&'-]+) (?:Corporation|Corp\b\.?|Inc\b\.?|"
                        r"Ltd\b\.?|Limited\b|plc\b|PLC\b|Co\.|Co\b(?![-'’])|Company\b|Holdings\b|AG\b|ASA\b|S\.A\.|N\.V\.|LLC\b|"
                        r"GmbH\b|SE\b(?![-'’]))")  # ("Airbus SE": a European company, Societas Europaea)
# What stands between a country and the company it qualifies: "Japanese automaker Toyota", "Japan's biggest Toyota";
# after an adjective, a longer description of what the company does ("German container shipping line Hapag-Lloyd",
# "Chilean state copper miner Codelco"): a name's verbs never stand there ("Chile fined the miner Kestrel")
_QUALIFIER_GAP = re.compile(r"(?:'s|’s)?(?:\s+(?!(?:and|or|but|while|as|than)\b)[a-z][a-z-]*){0,2}\s+")
_ADJECTIVE_GAP = re.compile(r"(?:\s+(?!(?:and|or|but|while|as|than|to|in|on|at|of|for|from|with|by)\b)[a-z][a-z-]*){0,4}\s+")
_COMPANY_NOUN = re.compile(r"(?:'s|’s)?\s+(?:[a-z-]+\s+)?(?:firm|firms|company|companies|automaker|carmaker|maker|"
                           r"manufacturer|conglomerate|giant|group|corporation|producer|exporter|retailer|lender)\b")
# The short name a text gives a company in parentheses right after its full name: "... Co. (TSMC)".
_DEFINED = re.compile(r"\s*\(([A-Z][A-Za-z0-9&]{1,9})\)")
# A company named with its stock listing: "TSMC (TWSE: 2330, NYSE: TSM)", "TSMC (2330 TT)", "Sony (6758.T)".
_LISTED = re.compile(r"\b([A-Z][A-Za-z0-9&.'-]*(?: [A-Z][A-Za-z0-9&.'-]*){0,3}) \((?:[A-Z]{2,8}:\s*(?:[A-Z][A-Z0-9.]{0,7}|"
                     r"\d{4,6})|(?!(?:19|20)\d\d\b)\d{4,6}(?:\s+[A-Z]{2}|\.[A-Z]{1,2})|[A-Z]{1,5}\.[A-Z]{1,2})[,;)]")
_LEGAL_FORM = re.compile(r"\b(?:(?:Corporation|Corp|Inc|Ltd|Limited|plc|PLC|Company|Holdings|AG|ASA|LLC|GmbH|SE)\b|Co\.|Co\b(?![-'’])|"
                         r"S\.A\.|N\.V\.)")
_AFTER_NUMBER = re.compile(r"(?<![\d.,])(?!(?:19|20)\d\d\s*$)\d[\d.,]*\s*$")  # (not after a year: "... 2024 INEGI")
_OFFICE_WORDS = frozenset("statistics stats statistical bank reserve central national census treasury".split())
# Before a demonym, a word that makes it a population group: "black African", "white South Africans", "Indian/Asian".
_GROUP_BEFORE = re.compile(r"(?:\b(?:[Bb]lack|[Ww]hite|[Cc]olou?red)\s+|/)$")
_WORD_BEFORE = re.compile(r"(?<![\w.'’-])([A-Z][a-z]+) $")
# Capitalised words that start a sentence or name a time or direction, not an organisation: "In India",
# "Both India and", "December India", "Northern India": the function words, months and weekdays
# (corpus/functionwords.py), and these words of place, time and relation.
_NOT_A_NAME_WORD = FUNCTION_WORDS | MONTH_NAMES | WEEKDAYS | SAYING | frozenset("""
unlike like neither even since meanwhile whether yet across within among including every my rival neighbouring
neighboring fellow rural urban north south east west northern southern eastern western central greater mainland
modern today tomorrow yesterday next last previous overseas
""".split())

# An aside right after a company's name: ", the aircraft maker registered in the Netherlands," or ", which has
# plants in France, Germany and Spain,": it ends at a comma before a lower-case word ("..., said") or at a full stop.
_ASIDE_START = re.compile(r",\s+(?=[a-z])")
_ASIDE_END = re.compile(r",\s+(?!(?:and|or)\b)(?=[a-z])|[.;:!?](?:\s|$)")


def _aside(text: str, end: int) -> tuple[int, int]:
    """The span of the aside that describes the name ending at ``end`` (empty when none follows): the places it
    names say where the company is or works, not whose figure it is."""
    if not _ASIDE_START.match(text, end):
        return (end, end)
    close = _ASIDE_END.search(text, end + 2, end + 200)
    return (end, close.start()) if close is not None else (end, end)


class Entities:
    """Recognise subjects in text: config entities first, then countries."""

    def __init__(self, config: Optional[Config] = None, use_countries: bool = True) -> None:
        config = config or Config()
        self.labels: dict[str, str] = {}
        name_of: dict[str, str] = {}
        config_names: set[str] = set()
        forms_of: dict[str, set[str]] = {}
        adjectives: set[str] = set()
        adjectives_of: dict[str, set[str]] = {}
        for eid, e in config.entities.items():
            self.labels[eid] = e.label
            for name in {e.label, *e.aliases}:
                for form in name_forms(name):
                    name_of.setdefault(form, eid)
                    config_names.add(form)
                    forms_of.setdefault(eid, set()).add(form)
                    if form != name:
                        adjectives.add(form)
                        adjectives_of.setdefault(eid, set()).add(form)
        if use_countries:
            label_ids = {e.label: eid for eid, e in config.entities.items()}
            as_countries: set[str] = set()
            for c in countries():
                # A country the config registers under another id keeps the config's id.
                eid = label_ids.get(c.label) or next((name_of[n] for n in c.names
                                                      if n in config_names and n in name_of), c.id)
                self.labels.setdefault(eid, c.label)
                for n in c.names:
                    name_of.setdefault(n, eid)
                adjectives.update(a for a in c.adjectives if name_of.get(a) == eid)
                for a in c.adjectives:  # "Overseas Filipinos sent home", "Kenyans spent": the people, named in the
                    if _PEOPLE.search(a) and name_of.get(a) == eid:  # plural of its demonym, are the country's
                        name_of.setdefault(a + "s", eid)
                if eid == c.id and self.labels[eid] == c.label and eid in forms_of:
                    # A country registered as itself (what ``align --apply`` writes) is still read as a
                    # country ("Statistics Canada" ends an organisation's name as before): a second
                    # run finds the subjects the first found, so one run is enough.
                    as_countries.update(forms_of[eid])
                    adjectives -= adjectives_of.get(eid, set()) - set(c.adjectives)  # (its own, as unregistered)
                    for form in forms_of[eid] - set(c.names) - set(c.adjectives):
                        if name_of.get(form) == eid:
                            # (a form guessed for it, "Nigerian" of Niger, is no longer the config's:
                            # a later country that names it, Nigeria, is itself)
                            del name_of[form]
                            config_names.discard(form)
            if self.labels.get(WORLD) == "World" and WORLD in forms_of:  # the world registered as itself: the same
                as_countries.update(forms_of[WORLD])  # (else "World Agricultural Outlook" would name the world)
                adjectives -= adjectives_of.get(WORLD, set())
                for form in forms_of[WORLD]:
                    if name_of.get(form) == WORLD:
                        del name_of[form]
            self.labels.setdefault(WORLD, "World")
            for eid, label, forms in REGIONS.values():
                self.labels.setdefault(eid, label)
                for n in forms:
                    name_of.setdefault(n, eid)
            # A country's statistics office, central bank or ministry stands for the country (corpus/agencies.py)
            from briefcmp.corpus.agencies import OFFICES

            code_of: dict[str, str] = {}  # (countryinfo files Wales under GB too: the code is the country holding most names)
            for c in sorted(countries(), key=lambda c: len(c.names)):
                code_of[c.code] = name_of.get(c.label, c.id)
            code_of.update({code: eid for code, (eid, _, _) in REGIONS.items()})
            for code, forms in OFFICES.items():
                if code in code_of:
                    for n in forms:
                        name_of.setdefault(n, code_of[code])
        self.entity_of = name_of
        self.adjectives = frozenset(adjectives - set(self.labels.values()))  # "Japanese", "American"
        self._config_names = config_names - as_countries if use_countries else config_names
        self._use_countries = use_countries
        self._config_cjk = {form: eid for form, eid in name_of.items() if _is_cjk(form)}
        self._cjk_re: Optional[re.Pattern] = None
        self.adopted: set[str] = set()  # ids of the names ``adopt`` took from briefs (not registered)
        self.company_ids: set[str] = set()  # ids of the companies ``add_companies`` found
        self._compile()

    def _compile(self) -> None:
        names = sorted(self.entity_of, key=len, reverse=True)
        self._re = re.compile(r"(?<![\w.])(?:" + "|".join(re.escape(n) for n in names) + r")(?![\w$+])"
                              r"(?![\s-]+dollars?\b)(?:'s)?") if names else None  # ("U.S. dollar terms", "US-dollar revenue": a currency)
        self.__dict__.pop("_found", None)
        self.__dict__.pop("_companies", None)  # names added since: a text seen before may hold a new company

    def provinces(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, id) of the provinces and states ``text`` names ("Ontario", "New South Wales", from
        countryinfo), in order: a figure whose clause names one is the province's, not its country's.
        Not a name that is a country's or an English word ("Central", "Victoria" is a person too)."""
        names, most = _province_names()
        tokens = [(m.start(), m.end()) for m in _TOKEN.finditer(text)]
        found: list[tuple[int, int, str]] = []
        i = 0
        while i < len(tokens):  # the longest name of up to ``most`` words at each capitalised word
            a = tokens[i][0]
            hit = 0
            if text[a].isupper():
                for n in range(min(most, len(tokens) - i), 0, -1):
                    name = text[a:tokens[i + n - 1][1]]
                    if name in names and (n == 1 or " ".join(name.split()) == name):
                        hit = n
                        break
            if hit and not (self._re is not None and self._company_name(text, a, name)) and \
                    (tokens[i + hit - 1][1] == len(text) or text[tokens[i + hit - 1][1]] not in "-"):
                eid = slug(name)
                self.labels.setdefault(eid, name)
                found.append((a, tokens[i + hit - 1][1], eid))
                i += hit
            else:
                i += 1
        return found

    def qualified(self, text: str, found: tuple[str, ...]) -> tuple[str, ...]:
        """``found`` (the subjects of ``text``) without a country that only says where a company is from:
        "Japanese automaker Toyota", "Japan's Toyota", "a first for a Japan firm" (the figure is the
        company's), when ``text`` names a company (``add_companies``)."""
        if not self.company_ids or not any(x in self.company_ids for x in found) and not _COMPANY_NOUN.search(text):
            return found
        hits = self.find(text)
        qualifying = set()
        asides = [_aside(text, b) for a, b, eid in hits if eid in self.company_ids]
        for i, (a, b, eid) in enumerate(hits):
            if eid in self.company_ids:
                continue
            nxt = hits[i + 1] if i + 1 < len(hits) else None
            between = text[b:nxt[0]] if nxt is not None else ""
            gap = _ADJECTIVE_GAP if text[a:b] in self.adjectives else _QUALIFIER_GAP
            if (nxt is not None and nxt[2] in self.company_ids and gap.fullmatch(between)) or \
                    _COMPANY_NOUN.match(text, b) or any(x <= a < y for x, y in asides):
                qualifying.add(eid)
            else:
                qualifying.discard(eid)  # a mention of its own: the country stays
        unqualified = {eid for a, b, eid in hits if eid not in self.company_ids} - qualifying
        out = tuple(x for x in found if x not in qualifying or x in unqualified)
        if not out and not any(x in self.company_ids for x in found):
            return ()  # "the first time a Japanese company has topped ¥5tn": no one's figure is named here
        return out or found

    def add_companies(self, texts: Iterable[str]) -> list[str]:
        """Register the companies ``texts`` name with a legal form ("Toyota Motor Corporation", "Toyota
        Motor Corp."), under their name without it ("Toyota Motor"), their first word when it is
        no English word and no country's name ("Toyota"), the short name the text defines in parentheses
        after it or the name's initials ("Taiwan Semiconductor Manufacturing Co. (TSMC)"); and a name
        followed by its stock listing ("TSMC (TWSE: 2330)", "TSMC (2330 TT)"). A company's figures are the
        company's, however each report shortens its name, never its home country's nor those of the
        country whose currency or market it reports in. Returns the new ids. A name that ends with a
        country's ("Coal India Limited", see ``companies``), one that is only a country's and generic
        words, or a registered name is left as it is."""
        from briefcmp.analysis.lexicon import _simplemma  # lazy: align only; the one entry point

        simplemma = _simplemma()

        found: dict[str, set[str]] = {}
        listed: set[str] = set()
        for text in set(texts):
            for m in _LISTED.finditer(text):
                listed.add(m.group(1))
            if not _LEGAL_FORM.search(text):
                continue
            for m in _CORPORATE.finditer(text):
                core = m.group(1)
                if not self._company_core(core):
                    continue
                short = _DEFINED.match(text, m.end())
                found.setdefault(core, set()).update({m.group(), *((short.group(1),) if short else ())})
        new = []
        for core, full in sorted(found.items()):
            eid = slug(core)
            if eid in self.labels and eid not in self.adopted:
                continue
            forms = {core, *full}
            first = core.split()[0]
            if " " in core and simplemma is not None and not simplemma.is_known(first.lower(), lang="en") and \
                    first.lower() not in _GENERIC_NAME | _NAME_HEADS | _NOT_A_NAME_WORD and not self.find(first):
                forms.add(first)
            words = core.split()
            if len(words) >= 2:  # "TSMC", "TSM": initials of the name with and without its legal form
                initials = "".join(w[0] for w in words)
                forms.update({initials + next(iter(f[len(core):].strip()[:1] for f in full if f.startswith(core + " ")), ""),
                              initials} if len(initials) >= 3 else set())
            for f in forms:
                if f not in self.entity_of or self.entity_of[f] in self.adopted:
                    self.entity_of[f] = eid
            self.labels[eid] = core
            self.company_ids.add(eid)
            new.append(eid)
        for name in sorted(listed - set(self.entity_of)):  # a listed company no legal form named
            if self._company_core(name):
                eid = slug(name)
                self.entity_of[name] = eid
                self.labels.setdefault(eid, name)
                self.company_ids.add(eid)
                new.append(eid)
        if new:
            self._compile()
        return new

    def _company_core(self, core: str) -> bool:
        """Whether ``core`` (the words before a legal form or a listing) may name a company: not a
        country's name or generic words alone, nor a name ending with a country's ("Coal India", see
        ``companies``); a name that holds a country's before words of its own is one ("Taiwan
        Semiconductor Manufacturing", "Korea Electric Power")."""
        if self.companies(core) or core.split()[0].lower() in _NOT_A_NAME_WORD | (_GENERIC_NAME - {"new"}) | _NAME_HEADS:
            return False
        hits = self.find(core)
        if not hits:
            return True
        rest = [w for w in _NAME_TOKEN.findall(core[hits[-1][1]:]) if w[0].isupper()]
        return len(hits) == 1 and hits[0][0] == 0 and bool(rest) and \
            not all(w.lower() in _GENERIC_NAME | _NAME_HEADS | _NOT_A_NAME_WORD for w in rest)

    def find(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, entity id) of every name in ``text``, in order (remembered: align asks of one
        sentence for each of its figures)."""
        memo = self.__dict__.setdefault("_found", {})
        if text in memo:
            return list(memo[text])
        if len(memo) > 20000:
            memo.clear()
        if not text.isascii() and _is_cjk(text):
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
        companies = []  # kept for ``companies``: one scan of the text answers both
        for m in self._re.finditer(text):
            name = m.group()
            if name.endswith("'s"):
                name = name[:-2]
            if name.startswith("America") and _CONTINENT_BEFORE.search(text, max(0, m.start() - 9), m.start()):
                continue  # "Latin America", "South American": not the United States (nor a company's name)
            company = name in self.entity_of and self._company_name(text, m.start(), name)
            if company:
                before = _WORD_BEFORE.search(text, max(0, m.start() - 30), m.start())
                companies.append(f"{before.group(1)} {name}")  # type: ignore[union-attr]
            if name not in self.entity_of or company:
                continue
            if _INSTRUMENT_AFTER.match(text, m.start() + len(name)) and self.entity_of[name] not in self.company_ids:
                continue  # "the goals of the Paris Agreement": an instrument's name, no mention of France
            if name.isupper() and _AFTER_NUMBER.search(text, max(0, m.start() - 12), m.start()) and \
                    not _MEMBERS_AFTER.match(text, m.start() + len(name)):
                continue  # "25 BPS": a unit after a number, not an office's acronym ("output of the 12 OPEC members": the group's)
            if name in _FOREIGN and self.entity_of[name] not in self.company_ids and _english_word(name):
                continue  # "Island": Iceland's own name, and an English word
            if name in self.adjectives and (_GROUP_BEFORE.search(text, max(0, m.start() - 10), m.start())
                                            or text.startswith("/", m.start() + len(name))):
                continue  # "black African", "Indian/Asian": a population group, not a country
            if name in self.adjectives and (_AMOUNT_BEFORE.search(text, max(0, m.start() - 30), m.start()) or
                                            _TERMS_AFTER.match(text, m.start() + len(name))) and \
                    _currency_after(text, name, m.start() + len(name)):
                continue  # "91.4 billion Swiss francs", "in Indian rupee terms": a unit, not whose figure it is
                # ("the Chilean peso fell": Chile's)
            if _AMOUNT_BEFORE.search(text, max(0, m.start() - 30), m.start()) and \
                    _SUBUNIT_AFTER.match(text, m.start() + len(name)):
                continue  # "60 US cents a share", "about 92 Australian cents": a currency's subunit, a unit
            if name in self.adjectives and _IN_BEFORE.search(text, max(0, m.start() - 8), m.start()) and \
                    _currency_after(text, name, m.start() + len(name)):
                continue  # "25% higher in Danish kroner", "converted into Swiss francs": what it is counted in
            out.append((m.start(), m.start() + len(name), self.entity_of[name]))
        if out and self._use_countries and any(_NAME_AROUND.match(text, b) or _NAME_BEFORE.search(text, max(0, a - 20), a)
                                               for a, b, _ in out):
            # "British Columbia", "South Australia", "New South Wales": a province's name, not the country's
            inside = [(a, b) for a, b, _ in self.provinces(text)]
            if inside:
                out = [o for o in out if not any(a <= o[0] and o[1] <= b and (a, b) != o[:2] for a, b in inside)]
        memo = self.__dict__.setdefault("_companies", {})
        if len(memo) > 20000:
            memo.clear()
        memo[text] = tuple(companies)
        return out

    def companies(self, text: str) -> list[str]:
        """Organisations whose names end with a country's ("Coal India"), in order (found by the scan
        ``find`` makes: align asks both of one clause)."""
        if self._re is None:
            return []
        memo = self.__dict__.setdefault("_companies", {})
        if text not in memo:
            self._find_ascii(text)
        return list(memo[text])

    def _company_name(self, text: str, start: int, name: str) -> bool:
        """"Coal India", "Air India": a country's name right after a capitalised word is the end of an
        organisation's name, not the country (a registered entity's name always counts)."""
        if not self._use_countries or name in self._config_names or self.entity_of.get(name) in self.company_ids:
            return False  # (a company's own name ends no other's: "Economy Nestle sold", a masthead's last word before it)
        before = _WORD_BEFORE.search(text, max(0, start - 30), start)
        # "Statistics Canada", "Bank Indonesia": a body's generic name before the country's is the
        # country's office, whose figures are the country's (not a company's, as "Coal India")
        return bool(before) and before.group(1).lower() not in _NOT_A_NAME_WORD and \
            before.group(1).lower() not in _OFFICE_WORDS

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

    def organ(self, eid: str) -> bool:
        """Whether an adopted name of words any country uses names an organ of the state ("the Monetary
        Policy Committee", "the Reserve Bank", "the Governing Council", "the Statistics Authority"): its
        head is an institution's (``_ORGAN_HEADS``), not a place's ("the Northern Region") nor a body that
        owns its figures ("the Pension Fund", "the National Union"), named by words of the state as a
        whole (``_STATE_WORDS``), not of one sector ("the Health Ministry"). Its figures are its country's."""
        words = [w.lower() for w in _NAME_TOKEN.findall(self.labels.get(eid, eid)) if w[0].isupper()]
        # (a body of one sector owns a part: "the Health Ministry was allocated Rs 90,000 crore" is not the budget)
        # (the head first: "the General Authority for Statistics", "the Bureau of Statistics")
        return eid in self.adopted and not self.distinctive(eid) and bool(words) and (
            words[-1] in _ORGAN_HEADS and all(w in _STATE_WORDS for w in words[:-1]) or
            any(w in _ORGAN_HEADS for w in words[:-1]) and all(w in _STATE_WORDS | _ORGAN_HEADS for w in words))

    def adopt(self, name: str) -> str:
        """The entity id of a place or organisation named in a brief (see ``proper_names``), kept with
        its label so that ``align --apply`` can register it: "the Santiago metropolitan region". A body named for
        the place it runs ("the Suez Canal Authority", "the Kestrel Basin Commission") is that place: its figures
        (tolls, water, traffic) are the place's."""
        runs = _RUNS_PLACE.fullmatch(name)
        name = runs.group("place") if runs else name
        eid = slug(name)
        if eid not in self.labels:
            self.labels[eid] = name
            self.adopted.add(eid)
        return eid


# A place's name, then the head of the body that runs it: "Suez Canal Authority", "Murray-Darling Basin Authority"
_RUNS_PLACE = re.compile(r"(?P<place>\S.*?\s(?:Canal|Basin|River|Port|Dam|Airport|Corridor|Waterway))\s+"
                         r"(?:Authority|Administration|Commission|Board|Corporation)")
_NEXT_WORD = re.compile(r"[\s-]+([A-Za-z]+)")
_MEMBERS_AFTER = re.compile(r"\s+(?:member|members|countries|nations|states|economies|producers)\b")
_TERMS_AFTER = re.compile(r"\s+[A-Za-z]+\s+terms\b")  # "Indian rupee terms": what a figure is expressed in
_SUBUNIT_AFTER = re.compile(r"\s+(?:cents?|pence|centimes?)\b")
_IN_BEFORE = re.compile(r"\b(?:in|into)\s+$")  # "measured in Danish kroner": a currency a figure is counted in
# A demonym whose plural names the people ("Kenyans", "Filipinos", "Israelis"); not "Swiss", "French", "Chinese"
_PEOPLE = re.compile(r"[a-z](?:an|ino|i)$")
# After a place's name, the head of an agreement's or a forum's name: "the Paris Agreement", "the Kyoto Protocol",
# "the Paris Club", "the Washington Consensus" name an instrument or a forum, not the place, nor whose figure it is
_INSTRUMENT_AFTER = re.compile(r"(?:\s+[A-Z][a-z]+)?\s+(?:Agreements?|Accords?|Protocols?|Conventions?|Treat(?:y|ies)|Pacts?|"
                               r"Declarations?|Consensus|Charter|Club|Round|Principles)\b")
_AMOUNT_BEFORE = re.compile(r"\d(?:\s*[a-z]+)?\s+$")  # "91.4 billion ", "3.05 ": a currency's name here is a unit


def _currency_after(text: str, adjective: str, end: int) -> bool:
    """Whether an adjective of a country at ``end`` begins a currency's English name ("Swiss francs",
    "Danish kroner", "Mexican peso": CLDR's names, one and many)."""
    word = _NEXT_WORD.match(text, end, end + 20)
    if not word:
        return False
    # ("Danish crowns", "Czech crowns": the English of krone, kroner, krona, koruna, which CLDR names)
    forms = _CROWNS if word.group(1).lower() in ("crown", "crowns") else (word.group(1),)
    return any(f"{adjective} {w}".lower() in _currency_names() for w in forms)


_CROWNS = ("krone", "kroner", "krona", "kronor", "koruna", "korunas", "korun")


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
