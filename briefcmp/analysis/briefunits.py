"""What a brief says of a figure's currency when the figure's own words do not: one sense per discourse,
as ``headline`` reads the measure.

- A currency written by its name, "10.9 billion francs", "104 billion dirhams", "146 billion lei": the
  name is CLDR's (Babel) for one currency or several. One currency's name is that currency. A name of
  several is the one the brief's other amounts are in, else the one a country the brief names issues
  (``named_currency``), marked inferred; one drafted from such a name ("960 billion rupees": INR) is the one the
  brief's country issues (LKR in a Sri Lankan report: ``_home_currency``).
- An amount with a scale and no currency, "Revenue 61.2bn (-3% y/y)" in a note titled in euros: the one
  currency the brief names (its amounts, its title, a line such as "EUR m", "in euros"), or the one the
  heading over its list item names ("FY24 (USD)" over "- Revenue 55.5bn"), is its, when the corpus writes
  that measure with a currency (a figure of the same subject whose measured words match, in a currency) and
  never as a count of something (``adopt_currency``). Never in a brief
  naming two currencies, never for a count ("2.4 million cars"), a percentage or a figure with no scale.

An inferred currency is marked (``Member.unit_from``): the figure joins only reports that agree with
it, and never sets two values against each other (``evidence.borrowed_unit``). ``align --apply`` writes
the currency into the claim's value with a comment saying where it came from (``alignedit``).
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache
from typing import Iterable, Optional, Sequence

from briefcmp.analysis import appliedmarks
from briefcmp.corpus import units

BRIEF_CURRENCY = "the brief's currency"  # Member.unit_from of a currency the brief's other amounts or title give
NAMED_CURRENCY = "the currency of that name the brief's amounts or country use"  # a name several currencies share
_SCALED = frozenset({"thousand", "million", "billion", "trillion", "lakh", "crore", "lakh crore"})


@lru_cache(maxsize=1)
def _cldr_names() -> tuple[dict[str, frozenset[str]], dict[str, frozenset[str]]]:
    """(the last word of each currency's English name, the whole name), singular and plural, lower case -> the
    ISO codes in use it names ("francs" -> CHF, XOF, ...; "swiss francs" -> CHF), from Babel's CLDR data."""
    from babel import Locale

    en = Locale("en")
    plural = en._data["currency_names_plural"]
    last: dict[str, set[str]] = defaultdict(set)
    whole: dict[str, set[str]] = defaultdict(set)
    for code, name in en.currencies.items():
        if not units.iso_currency(code):
            continue
        names = {name.lower()}
        try:
            names.update(v.lower() for v in dict(plural[code]).values())
        except (KeyError, TypeError):
            pass
        for n in names:
            whole[n].add(code)
            if re.fullmatch(r"[a-z]{3,}", n.split()[-1] if n.split() else ""):
                last[n.split()[-1]].add(code)
    return ({w: frozenset(c) for w, c in last.items()}, {n: frozenset(c) for n, c in whole.items()})


def currency_names() -> dict[str, frozenset[str]]:
    """The last word of each currency's English name -> the codes it names ("baht" -> THB)."""
    return _cldr_names()[0]


def _full_names() -> dict[str, frozenset[str]]:
    return _cldr_names()[1]


# how a text names a currency outside a figure: a symbol, a code beside a scale ("EUR m", "USD bn"), or
# "in euros", "millions of Swiss francs" (a name alone is no mention: "won", "real" and "rand" are words)
_SYMBOL = re.compile(r"(?:\b(?:US|A|C|HK|NZ|S|NT|R))?\$|[€£¥₩₹]")
_CODE = re.compile(r"\b([A-Z]{3})(?=\s?(?:\d|(?:m|mn|bn|k)\b|million|billion|thousand|trillion))|"
                   r"(?<=[\d(])\s?([A-Z]{3})\b|\b(?:in|of)\s+([A-Z]{3})\b")
_IN_WORDS = re.compile(r"\b(?:[Ii]n|[Oo]f)\s+((?:[A-Z][a-z]+\s+)?[A-Za-z][a-z]{2,})\b")
_SYMBOL_CODE = {"$": "$", "us$": "USD", "a$": "AUD", "c$": "CAD", "hk$": "HKD", "nz$": "NZD", "s$": "SGD",
                "nt$": "TWD", "r$": "BRL", "€": "EUR", "£": "GBP", "¥": "JPY", "₩": "KRW", "₹": "INR"}


def named_in(text: str) -> set[str]:
    """The currencies ``text`` names outside its figures: codes, "$" for a dollar not said whose."""
    out = {_SYMBOL_CODE.get(m.group().lower(), "") for m in _SYMBOL.finditer(text)}
    for m in _CODE.finditer(text):
        code = next(g for g in m.groups() if g)
        if units.iso_currency(code):
            out.add(code)
    names, full = currency_names(), _full_names()
    for m in _IN_WORDS.finditer(text):
        phrase = m.group(1).lower()
        codes = full.get(phrase) or names.get(phrase.split()[-1])
        if codes is not None:
            out.add(next(iter(codes)) if len(codes) == 1 else "|".join(sorted(codes)))
    out.discard("")
    return out


def brief_currencies(members: Sequence, text: str) -> set[str]:
    """The currencies a brief names: its figures' (conversions included) and its text's (``named_in``); a
    "$" or a name of several currencies counts as one of those its figures use, else as one more."""
    own = {m.unit for m in members if units.is_currency(m.unit)}
    for said in named_in(text):
        options = _DOLLARS() if said == "$" else set(said.split("|"))
        if not options & own:
            own.add(said)
    return own


@lru_cache(maxsize=1)
def _DOLLARS() -> set[str]:
    return set(currency_names().get("dollar", ())) | {"USD"}


def _country_currencies(country_ids: Iterable[str]) -> set[str]:
    from briefcmp.analysis.countrydata import _currency_countries

    issued = _currency_countries()
    ids = set(country_ids)
    return {code for code, country in issued.items() if country in ids}


# The English "crown" of krone, krona, koruna, the names CLDR gives (Danish kroner, Swedish kronor, Czech koruny):
# "crowns" is any of them, "kronor" only Sweden's
_CROWN_FORMS = ("krone", "kroner", "krona", "kronor", "koruna", "korunas", "koruny")


def codes_named(word: str) -> frozenset[str]:
    """The currencies in use that ``word`` names, by CLDR's English names ("kroner" -> DKK, NOK; "crowns" ->
    every crown; "baht" -> THB); empty for no currency's name."""
    word = word.lower()
    names = currency_names()
    if word in ("crown", "crowns"):
        return frozenset().union(*(names.get(f, frozenset()) for f in _CROWN_FORMS))
    return names.get(word, frozenset())


def named_currency(word: str, own: set[str], countries: Iterable[str]) -> tuple[str, bool]:
    """(the ISO code, whether inferred) of a currency written by its name ``word``: one currency's name is
    it; a name several share is the one among them the brief's amounts use (``own``), else the one a country
    the brief names issues; else ("", False)."""
    codes = codes_named(word)
    if not codes:
        return "", False
    if len(codes) == 1:
        return next(iter(codes)), False
    for pool in (codes & own, codes & _country_currencies(countries)):
        if len(pool) == 1:
            return next(iter(pool)), True
    return "", False


_WORD_AFTER = re.compile(r"\s*(?:[a-z]+\s+)?([a-z]{3,})\b", re.I)


def _word_after(ctx, m) -> str:
    """The word written right after a figure's number and scale ("146.03 billion lei" -> "lei"), or ""."""
    if m.at < 0 or not getattr(ctx, "ok", False):
        return ""
    after = _WORD_AFTER.match(ctx.text, m.at + len(re.match(r"[\d.,]*", ctx.text[m.at:]).group()))
    if after is None:
        return ""
    first = ctx.text[after.start():after.end()].split()
    words = [w.lower() for w in first]
    if words and units.SCALE_ALIASES.get(words[0]) in _SCALED:  # "146.03 billion lei"
        return words[1] if len(words) > 1 else ""
    return words[0] if len(words) == 1 else ""


def _set_unit(m, code: str, how: str, drop: str = "") -> None:
    m.unit, m.dim = code, units.comparable(code, 0.0)[0] + (m.dim[m.dim.index(":"):] if ":" in m.dim else "")
    m.unit_from = how
    if drop:  # the currency's name counted as a measured word ("francs"): a unit, not what is measured
        stem = drop[:-1] if drop.endswith("s") else drop
        gone = {w for w in m.words if len(w) >= max(3, len(stem) - 1) and (drop.startswith(w) or w.startswith(stem))}
        m.words = m.words - gone
        m.order = tuple(w for w in m.order if w not in gone)
        m.shown = {w: s for w, s in m.shown.items() if w not in gone}


def aligned_units(claims_path: str, marks: Optional[appliedmarks.Marks] = None) -> dict[str, str]:
    """claim id -> why, for the claims whose currency an ``align --apply`` wrote into the value (``value: {...,
    unit: EUR}  # align: currency: why``): read again as inferred, as the first run read it, so that a later
    report that disagrees is never set against it (as ``evidence.aligned_periods`` does for an as-of).
    ``marks``: the file's comments already read (``appliedmarks``; ``align`` reads each file once)."""
    marks = appliedmarks.read(claims_path) if marks is None else marks
    return {cid: why or BRIEF_CURRENCY for cid, why in marks.currencies.items()}


def read_named(members: Sequence, ctx, path: str = "", marks: Optional[appliedmarks.Marks] = None) -> list:
    """Mark the currencies ``align --apply`` wrote into the claims file at ``path`` inferred (``aligned_units``),
    and give the members of one brief (``ctx``: its ``briefcontext._Context``) whose currency is written by its
    name (drafted as a count of "francs", or as no unit: "146.03 billion lei") that currency
    (``named_currency``; the countries the brief names choose among a name's currencies). Returns those that
    took one."""
    countries = (*ctx.mentioned, *ctx.brief_subjects, *ctx.title_subjects) if getattr(ctx, "ok", False) else ()
    aligned = aligned_units(path, marks) if path and any(m.claim.key for m in members) else {}
    for m in members:
        if m.claim.id in aligned and units.is_currency(m.unit):
            m.unit_from = aligned[m.claim.id]  # (written by align: an inference still)
    own = {m.unit for m in members if units.is_currency(m.unit)}
    took = []
    for m in members:
        v = m.claim.value
        # a name of several currencies kept as written ("crowns", "kroner": corpus/units) is resolved like one
        # drafted as no unit
        if m.claim.status != "draft" or v.alternates or m.unit not in ("", "crowns") or m.dim == "rank":
            continue
        written = (v.unit or "").strip().lower()
        word = written if written else (_word_after(ctx, m) if v.scale else "")
        code, inferred = named_currency(word, own, countries) if word else ("", False)
        if code and not written and not inferred and code not in own | _country_currencies(countries):
            code = ""  # a word after a number that only names a currency abroad: "the 120 million mark" is a milestone
        if code:
            _set_unit(m, code, NAMED_CURRENCY if inferred else "", word)
            took.append(m)
    return took + _home_currency(members, ctx)


_RS_BEFORE = re.compile(r"\bRs\.?\s?$")


def _home_currency(members: Sequence, ctx) -> list:
    """A currency drafted from a name several countries' currencies share ("960 billion rupees", "Rs 960
    billion": drafted INR) is the one of them the country the brief or the figure is about issues (Sri Lanka's
    rupees are LKR), when that country issues exactly one of them and not the drafted one. Not for dollars (a
    price in dollars is the US dollar in any country's press: ``drafting.homecurrency`` reads "$")."""
    if not getattr(ctx, "ok", False):
        return []
    took = []
    for m in members:
        v = m.claim.value
        if m.claim.status != "draft" or v.alternates or m.unit_from or not units.is_currency(m.unit) or m.at < 0:
            continue
        word = "rupees" if _RS_BEFORE.search(ctx.text, max(0, m.at - 5), m.at) else _word_after(ctx, m)
        codes = currency_names().get(word, frozenset())
        if len(codes) < 2 or m.unit not in codes or word.startswith("dollar"):
            continue
        home = _country_currencies((*ctx.brief_subjects, *ctx.title_subjects, *m.subjects))
        found = (codes & home) - {m.unit}
        if len(found) == 1 and m.unit not in home:
            _set_unit(m, next(iter(found)), NAMED_CURRENCY)
            took.append(m)
    return took


def _heading_currency(ctx, m) -> str:
    """The one currency the heading over a figure's list item names ("FY24 (USD)"), or ""."""
    heading = ctx.heading_of(m.claim.span[0]) if getattr(m.claim, "span", None) and hasattr(ctx, "heading_of") else ""
    codes = {c for c in named_in(heading) if units.is_currency(c)} if heading else set()
    return next(iter(codes)) if len(codes) == 1 else ""


def adopt_currency(every: Sequence, contexts: dict, word_match) -> list:
    """Give the one currency each brief names to its amounts written with a scale and no unit, when the
    corpus writes their measure in a currency (a figure of the same subject, in a currency, whose measured
    words match) and never as a count (a figure of the same subject counting something, or in no unit, whose
    words match). Returns those that took one (``Member.unit_from``)."""
    by_brief: dict[str, list] = defaultdict(list)
    for m in every:
        by_brief[m.claim.brief].append(m)
    money: dict[tuple, list] = defaultdict(list)  # subjects -> figures in a currency
    counts: dict[tuple, list] = defaultdict(list)  # subjects -> counts (a counted noun, or bare with no scale)
    for m in every:
        if units.is_currency(m.unit) and not m.unit_from:
            money[m.subjects].append(m)
        elif not m.unit and m.dim == "" and (m.claim.value.unit or not m.claim.value.scale):
            counts[m.subjects].append(m)
    took = []
    for brief, members in by_brief.items():
        ctx = contexts.get(brief)
        if ctx is None or not getattr(ctx, "ok", False):
            continue
        own = brief_currencies(members, f"{ctx.title}\n{ctx.text}")
        brief_code = next(iter(own)) if len(own) == 1 and units.is_currency(next(iter(own))) else ""
        for m in members:
            v = m.claim.value
            if m.unit or m.dim != "" or v.unit or v.scale not in _SCALED or m.claim.status != "draft" or not m.subjects:
                continue
            code = _heading_currency(ctx, m) or brief_code  # "FY24 (USD)" over "- Revenue 55.5bn": the heading's
            if not code:
                continue
            if not any(word_match(m.words, o.words) for o in money.get(m.subjects, ())):
                continue
            if any(word_match(m.words, o.words) for o in counts.get(m.subjects, ()) if o is not m):
                continue
            _set_unit(m, code, BRIEF_CURRENCY)
            took.append(m)
    return took
