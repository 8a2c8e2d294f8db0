"""Numbers, units and periods as German, French and other continental European texts write them.

"1.234,5" and "12,5 %" in German, "1 234,5" and "12,5 %" in French: the decimal and group
signs come from Babel's locale data (``babel.numbers``, imported only for a text in such a
language), and the number's own shape decides the rest. A number that reads two ways --
"1,234" in a German text is 1.234 with a decimal comma, or 1234 written the English way --
is read the language's way and says so (``ambiguous``), for the reviewer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from briefcmp.corpus.model import PartialDate, Period


@dataclass(frozen=True)
class Number:
    start: int
    end: int
    value: float
    ambiguous: str = ""  # how else it could be read


@lru_cache(maxsize=16)
def _signs(lang: str) -> tuple[str, str]:
    """(decimal sign, group sign) of a language, from Babel; the group sign of spaces is a space here
    (``sentences.prepare`` folds no-break and thin spaces to plain ones)."""
    from babel.numbers import get_decimal_symbol, get_group_symbol

    try:
        dec, grp = get_decimal_symbol(lang), get_group_symbol(lang)
    except Exception:  # an unknown locale: Babel raises UnknownLocaleError or ValueError
        return ".", ","
    return dec, " " if grp.isspace() or grp in ("\u202f", "\u00a0") else grp


# A number as written with any signs: "1.234,5", "1,234.5", "1 234,5", "12,5", "1.234.567".
_TOKEN = re.compile(r"(?<![\d.,])(?:\d{1,3}(?:[ .,]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?)(?![.,]?\d)")


def read(token: str, lang: str) -> tuple[float, str]:
    """(value, how else it reads) of a number token: its shape decides, the language only when the shape
    does not. Spaces group; with both "," and "." the last is the decimal sign; a sign written twice
    groups; one sign before other than three digits is a decimal sign; "1,234" and "1.234" are read as
    ``lang`` writes numbers, and say so."""
    dec, _ = _signs(lang)
    t = token.replace(" ", "")
    signs = [c for c in t if c in ".,"]
    if not signs:
        return float(t), ""
    if len(set(signs)) == 2:
        last = signs[-1]
        other = "," if last == "." else "."
        return float(t.replace(other, "").replace(last, ".")), ""
    sign = signs[0]
    if len(signs) > 1:
        return float(t.replace(sign, "")), ""
    whole, frac = t.split(sign)
    if len(frac) != 3 or " " in token:
        return float(f"{whole}.{frac}"), ""
    as_decimal, as_group = float(f"{whole}.{frac}"), float(whole + frac)
    value, other = (as_decimal, as_group) if sign == dec else (as_group, as_decimal)
    return value, f"{token!r} is read as {value:g} ({lang} numbers); written the other way it is {other:g}"


def numbers(text: str, lang: str) -> list[Number]:
    """Every number written in ``text``, with its value read as ``lang`` writes numbers (see ``read``)."""
    out = []
    for m in _TOKEN.finditer(text):
        if m.end() - m.start() > 40:
            continue  # a run of digits no figure has: a code, or a table gone wrong
        value, ambiguous = read(m.group(), lang)
        out.append(Number(m.start(), m.end(), value, ambiguous))
    return out


# ---------------------------------------------------------------- words after a number

_SCALE = {
    "de": (("Billionen", 1e12), ("Billion", 1e12), ("Bio.", 1e12), ("Milliarden", 1e9), ("Milliarde", 1e9),
           ("Mrd.", 1e9), ("Mrd", 1e9), ("Millionen", 1e6), ("Million", 1e6), ("Mio.", 1e6), ("Mio", 1e6),
           ("Tausend", 1e3)),
    "fr": (("billions", 1e12), ("billion", 1e12), ("milliards", 1e9), ("milliard", 1e9), ("Mds", 1e9),
           ("Md", 1e9), ("Mrd", 1e9), ("millions", 1e6), ("million", 1e6), ("M", 1e6)),
    "es": (("billones", 1e12), ("mil millones", 1e9), ("millones", 1e6), ("millón", 1e6)),
    "it": (("miliardi", 1e9), ("miliardo", 1e9), ("milioni", 1e6), ("milione", 1e6), ("mld", 1e9), ("mln", 1e6)),
    "nl": (("miljard", 1e9), ("miljoen", 1e6), ("mld.", 1e9), ("mln.", 1e6)),
    "pt": (("mil milhões", 1e9), ("bilhões", 1e9), ("milhões", 1e6), ("milhão", 1e6)),
}


@lru_cache(maxsize=16)
def _scales(lang: str) -> tuple[tuple[str, float], ...]:
    """The scale words above and CLDR's for ``lang`` (corpus.numerals.compact_scales: Portuguese "bi",
    "mi", "tri", Italian "Mln"), longest first. CLDR's one-letter ones are left out but "M" ("3,4 M€"): a
    capital alone after a number is a grade or a name as often ("B" is a billón in Spanish CLDR)."""
    from briefcmp.corpus.numerals import compact_scales

    words = dict(_SCALE.get(lang, ()))
    for word, factor in compact_scales(lang):
        if len(word) > 1 or word == "M":
            words.setdefault(word, factor)
    return tuple(sorted(words.items(), key=lambda kv: -len(kv[0])))


_PERCENT = re.compile(r"\s?(?:%|Prozent\b|pour\s?cent\b|por\s+ciento\b|per\s?cento\b|procent\b|por\s+cento\b)")
_POINTS = re.compile(r"\s?(?:Prozentpunkte?n?\b|points?\s+de\s+pourcentage\b|puntos?\s+porcentuales\b|"
                     r"punti\s+percentuali\b|procentpunt(?:en)?\b|pontos?\s+percentuais\b|"
                     r"(?:%-?|Prozent)?Punkte?\b(?=.{0,80}%)|p\.p\.)")
_CURRENCY_WORDS = (
    (r"(?:US-)?Dollar\b|dollars?(?:\s+américains)?\b|dólares\b|dollari\b", "USD"),
    (r"Euro\b|euros?\b|EUR\b", "EUR"), (r"Yen\b|yens?\b|JPY\b", "JPY"), (r"Won\b|wons?\b|KRW\b", "KRW"),
    (r"Pfund\b|livres?\s+sterling\b|GBP\b", "GBP"), (r"Franken\b|francs\s+suisses\b|CHF\b", "CHF"),
    (r"Yuan\b|yuans?\b|CNY\b", "CNY"), (r"Rubel\b|roubles?\b|RUB\b", "RUB"), (r"Zloty\b|zlotys?\b|PLN\b", "PLN"),
    (r"USD\b", "USD"),
)
_CURRENCY = re.compile(r"\s?(?:d['’]\s?|de\s+)?(?:(?P<sign>[€$£¥₩])|(?P<word>" +
                       "|".join(f"(?:{p})" for p, _ in _CURRENCY_WORDS) + "))")
_SIGNS = {"€": "EUR", "$": "USD", "£": "GBP", "¥": "JPY", "₩": "KRW"}


@dataclass(frozen=True)
class Unit:
    kind: str  # money | percent | points | scaled
    unit: str
    end: int
    factor: float = 1.0


def unit_after(text: str, pos: int, lang: str) -> Optional[Unit]:
    """Scale ("Mrd.", "milliards") then unit ("%", "Prozent", "Euro", "d'euros", "€") after a number."""
    factor, p = 1.0, pos
    rest = text[pos:pos + 20]
    lead = len(rest) - len(rest.lstrip(" "))
    for word, f in _scales(lang) if lead <= 1 else ():
        follow = rest[lead + len(word):lead + len(word) + 1]
        if rest[lead:].startswith(word) and (word.endswith(".") or not follow.isalpha()):
            factor, p = f, pos + lead + len(word)
            break
    m = _POINTS.match(text, p)
    if m:
        return Unit("points", "percentage-points", m.end(), factor)
    m = _PERCENT.match(text, p)
    if m:
        return Unit("percent", "percent", m.end(), factor)
    m = _CURRENCY.match(text, p)
    if m:
        if m.group("sign"):
            return Unit("money", _SIGNS[m.group("sign")], m.end(), factor)
        word = m.group("word")
        code = next(c for pat, c in _CURRENCY_WORDS if re.fullmatch(pat, word, re.I) or re.match(pat, word))
        return Unit("money", code, m.end(), factor)
    if factor != 1.0:
        return Unit("scaled", "", p, factor)
    return None


# ---------------------------------------------------------------- periods

_MONTHS = {
    "de": "januar februar märz april mai juni juli august september oktober november dezember",
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    "es": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",
    "it": "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre",
    "nl": "januari februari maart april mei juni juli augustus september oktober november december",
    "pt": "janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro",
}
_ORD = {"ersten": 1, "zweiten": 2, "dritten": 3, "vierten": 4, "premier": 1, "deuxième": 2, "second": 2,
        "troisième": 3, "quatrième": 4, "primer": 1, "segundo": 2, "tercer": 3, "cuarto": 4, "primo": 1,
        "secondo": 2, "terzo": 3, "quarto": 4, "1.": 1, "2.": 2, "3.": 3, "4.": 4}
_YEAR = r"(?P<y>(?:19|20)\d\d)"


@dataclass(frozen=True)
class PeriodMention:
    start: int
    end: int
    period: Optional[Period]
    kind: str


@lru_cache(maxsize=16)
def _period_res(lang: str) -> list[tuple[str, re.Pattern]]:
    months = _MONTHS.get(lang, "").split()
    pats = []
    if months:
        pats.append(("month", re.compile(rf"\b(?P<m>{'|'.join(months)})\s+{_YEAR}\b", re.I)))
    pats.append(("quarter", re.compile(rf"(?P<o>{'|'.join(re.escape(o) for o in _ORD)})\s+(?:Quartal|trimestre|"
                                       rf"kwartaal)\s+(?:(?:de\s+|del\s+|des\s+|di\s+)?(?:l['’]\s?année\s+)?)?{_YEAR}\b"
                                       r"|\bQ(?P<qn>[1-4])\s*(?P<y2>(?:19|20)\d\d)\b", re.I)))
    pats.append(("year", re.compile(rf"(?<![\d.,]){_YEAR}\b(?![.,]\d|\s?%)")))
    return pats


def find_periods(text: str, lang: str) -> list[PeriodMention]:
    from briefcmp.drafting.spans import SpanSet

    taken = SpanSet()
    out = []
    months = _MONTHS.get(lang, "").split()
    for kind, rx in _period_res(lang):
        for m in rx.finditer(text):
            a, b = m.span()
            if taken.overlaps(a, b):
                continue
            y = int(m.group("y") or m.group("y2")) if kind == "quarter" else int(m.group("y"))
            if kind == "month":
                mo = months.index(m.group("m").lower()) + 1
                period = Period(PartialDate(y, mo))
            elif kind == "quarter":
                q = int(m.group("qn")) if m.group("qn") else _ORD[m.group("o").lower()]
                period = Period(PartialDate(y, 3 * q - 2), PartialDate(y, 3 * q))
            else:
                period = Period(PartialDate(y))
            taken.add(a, b)
            out.append(PeriodMention(a, b, period, kind))
    out.sort(key=lambda p: p.start)
    return out
