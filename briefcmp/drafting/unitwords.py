"""What follows a number and says what it counts: scale, percent, currency, times, duration, a noun.

Also the currency before a number ("$", "US$", "EUR") and ranges ("10-15%", "$10 billion to $15 billion").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from briefcmp.corpus.functionwords import FUNCTION_WORDS, PERCENT_WORDS
from briefcmp.corpus.units import iso_currency
from briefcmp.corpus.unittable import SYMBOLS as PHYSICAL_SYMBOLS
from briefcmp.corpus.unittable import WORDS as PHYSICAL_WORDS
from briefcmp.drafting.dates import MONTHS
from briefcmp.drafting.numbers import WORD_NUMBERS

SCALE_WORDS = {"thousand": "thousand", "million": "million", "billion": "billion", "trillion": "trillion",
                "k": "thousand", "m": "million", "mn": "million", "mln": "million", "b": "billion",
                "bn": "billion", "bln": "billion", "t": "trillion", "tn": "trillion", "trn": "trillion",
                # the wires' "trln" ("2.3 trln yen"); CLDR en_IN's "L" (lakh) and "LCr" (lakh crore): "Rs 1.2L cr"
                "trln": "trillion", "l": "lakh", "l cr": "lakh crore", "lcr": "lakh crore", "l crore": "lakh crore",
                "lakh": "lakh", "lakhs": "lakh", "lac": "lakh", "lacs": "lakh", "crore": "crore", "crores": "crore",
                "cr": "crore", "lakh crore": "lakh crore", "lakh crores": "lakh crore", "lakh cr": "lakh crore",
                # the long scale's thousand million, as British and European English still write it
                "milliard": "billion", "milliards": "billion",
                # the Japanese wires' headline abbreviations ("record 36.87 mil.", "3.2 bil. yen")
                "mil": "million", "bil": "billion"}
SYMBOLS = {"$": "USD", "us$": "USD", "u.s.$": "USD", "a$": "AUD", "c$": "CAD", "hk$": "HKD", "nz$": "NZD",
            "s$": "SGD", "nt$": "TWD", "r$": "BRL", "€": "EUR", "£": "GBP", "¥": "JPY", "₩": "KRW",
            "₽": "RUB", "₹": "INR", "₴": "UAH", "₱": "PHP", "₦": "NGN", "₫": "VND", "฿": "THB", "₺": "TRY",
            # letter symbols written before the number in their countries' English press ("Rp5,536.5
            # trillion", "RM1.2 billion")
            "rp": "IDR", "rm": "MYR",
            # the renminbi as the financial press abbreviates it before a number ("Rmb1.2tn", "RMB 3.4bn")
            "rmb": "CNY",
            # the Australian and New Zealand press's order, the sign then the country ("$US26 billion", "$A1.2bn")
            "$us": "USD", "$a": "AUD", "$nz": "NZD", "$c": "CAD", "$hk": "HKD", "$s": "SGD"}
CODES = ("USD EUR JPY KRW RUB GBP CNY UAH CHF CAD AUD INR HKD SGD TWD NZD BRL TRY PLN SEK NOK DKK "
          "CZK HUF KZT").split()
CURRENCY_WORDS = {"dollar": "USD", "dollars": "USD", "euro": "EUR", "euros": "EUR", "yen": "JPY",
                   "won": "KRW", "ruble": "RUB", "rubles": "RUB", "rouble": "RUB", "roubles": "RUB",
                   "yuan": "CNY", "renminbi": "CNY", "rmb": "CNY", "hryvnia": "UAH", "hryvnias": "UAH",
                   "rupee": "INR", "rupees": "INR", "pounds sterling": "GBP", "sterling": "GBP",
                   "swiss francs": "CHF", "zloty": "PLN", "zlotys": "PLN", "tenge": "KZT", "lira": "TRY",
                   # the Nordic crowns: "kroner" is Norway's or Denmark's, "crowns" any of them; kept as
                   # written and compared as one currency under a key (corpus/units.py), never converted
                   "kroner": "kroner", "krone": "krone", "kronor": "kronor", "crowns": "crowns"}
DOLLAR_ADJ = {"australian": "AUD", "canadian": "CAD", "hong kong": "HKD", "new zealand": "NZD",
               "singapore": "SGD", "taiwan": "TWD", "taiwanese": "TWD"}

# Words that end a modifier run before a counted noun: the function words (corpus/functionwords.py)
# but "further", which is a modifier here ("two further cuts"), and these.
STOP = (FUNCTION_WORDS - {"further"}) | PERCENT_WORDS | frozenset("""
my without onto via among will shall may might must less least whose us him every another up down times fold s
""".split())
# -s words that are not plural nouns.
NOT_PLURAL = frozenset("""
is was has does this its his hers ours theirs yours us as thus plus less unless across always perhaps
whereas various previous serious numerous famous nervous obvious enormous tremendous anxious cautious
conscious continuous dangerous generous vigorous ambitious religious gas bus status bonus census
consensus crisis analysis basis emphasis thesis yes besides towards afterwards sometimes nevertheless
regardless series species politics economics physics means news alas chaos canvas christmas
""".split())
IRREGULAR_PLURALS = frozenset("""
people children men women personnel police staff cattle feet teeth mice geese aircraft sheep fish
deer offspring
""".split())
MEASURE_UNITS = frozenset("km kg mt bcm tcm mw gw twh kwh bpd mtoe ha km2 tonnes tons".split())
DURATIONS = {"second": "seconds", "seconds": "seconds", "minute": "minutes", "minutes": "minutes",
              "hour": "hours", "hours": "hours", "day": "days", "days": "days", "week": "weeks",
              "weeks": "weeks", "month": "months", "months": "months", "year": "years", "years": "years",
              "decade": "decades", "decades": "decades", "century": "centuries", "centuries": "centuries"}
# Units briefcmp cannot compare are written in ones it can: a decade is ten years.
DURATION_FACTOR = {"decades": ("years", 10), "centuries": ("years", 100)}
# "met 27 times": the verb says what was counted.
EVENT_VERBS = {"meet": "meetings", "met": "meetings", "meeting": "meetings", "meetings": "meetings",
                "visit": "visits", "visited": "visits", "visiting": "visits", "call": "calls",
                "called": "calls", "phoned": "calls", "talked": "talks", "spoke": "conversations",
                "vote": "votes", "voted": "votes", "attacked": "attacks", "launched": "launches",
                "tested": "tests", "postponed": "postponements", "delayed": "delays", "summit": "summits",
                "summits": "summits"}
COMPOUND_NOT_COUNT = frozenset("way sided fold thirds third half quarter".split())

# ISO 4217 codes that are also English words, written in capitals in headings: not read as currencies
# when written before a number (the codes of CODES are read always).
_CODE_WORDS = frozenset("ALL TOP CUP MOP BOB PEN SOS GEL MAD BAM LAK".split())
PREFIX_CURRENCY = re.compile(
    r"(?:(?P<code>\b(?:" + "|".join(CODES) + r"|[A-Z]{3}))\s?|(?P<sym>(?:US|U\.S\.|A|C|HK|NZ|S|NT|R)?\$|\$(?:US|A|NZ|C|HK|S)|[€£¥₩₽₹₴₱₦₫฿₺]|"
    r"\bRp\.?|\bRM(?:B\b)?|\bRmb)\s?"
    r"|(?P<rs>\bRs\.?)\s?)$")
# "Rs 11.11 lakh crore", "Rs 6,81,210 crore", "Rs 12 lakh" (Indian reporting); "cr" only after a currency.
SCALE_AFTER = re.compile(r"(?:\s?-?\s?|\s)(?P<s>thousand|million|billion|trillion|milliards?|mil|bil|mn|mln|bn|bln|tn|"
                          r"trn|trln|"
                          r"lakh[\s-]+(?:crores?|cr\b\.?)|lakhs?|lacs?|crores?)\b"
                          r"|(?P<g>[kmbtKMBT]|L\s?(?:crores?|cr)(?=\b\.?)|LCr|L|cr(?=\b\.?))\b(?!\.\w)", re.I)
# "2.3pc" is the British press's percent (lower case only: "5 PCs" are computers); "0.5%pts", "0.25 pc
# points": percentage points
PERCENT_AFTER = re.compile(r"\s?(?:%|percent\b|per\s+cent\b|pct\b|(?-i:pc)\b)"
                           r"(?P<pts>\s+points?\b|-points?\b|\s?-?pts?\b)?", re.I)
BASIS_POINTS_AFTER = re.compile(r"[\s-]+basis[\s-]points?\b|\s?bps?\b", re.I)
POINTS_AFTER = re.compile(r"(?:\s+of\s+a)?[\s-]+percentage[\s-](?:points?|pts?)\b|\s?(?:pp|ppts?|p\.p\.)(?![\w])", re.I)
CURRENCY_AFTER = re.compile(
    r"(?:\s+|-)(?:(?P<adj>U\.?S\.?|US|American|Australian|Canadian|Hong Kong|New Zealand|Singapore|Taiwan(?:ese)?|"
    r"Japanese|Korean|South Korean|Russian|Chinese|Ukrainian|Indian|Swiss)\s+)?"
    r"(?P<cur>" + "|".join(sorted(CURRENCY_WORDS, key=len, reverse=True)) + "|" + "|".join(CODES) + r")\b", re.I)
# "56.23 U.S. cents", "3.5 euro cents", "71 Australian cents" (a bare "cents" is left as written: whose
# cents, the text's home currency, is not said)
_CENTS_AFTER = re.compile(r"(?:\s+|-)(?P<adj>U\.\s?S\.|US|American|Australian|Canadian|Hong\s+Kong|New\s+Zealand|"
                          r"Singapore|euro)\s+cents?\b", re.I)
TIMES_AFTER = re.compile(r"(?P<more>\s+more)?\s+times\b|(?:\s?-\s?|\s?)fold\b|x\b", re.I)
COMPARATIVE_AFTER = re.compile(r"\s+(?:more|less|fewer|larger|bigger|greater|higher|lower|smaller|"
                                r"as\s+[a-z]+\s+as|the\s+(?:size|amount|level|number|value|volume|rate|total)|"
                                r"that\s+of|[a-z]+er\s+than)\b", re.I)
ENERGY_AFTER = re.compile(r"\s*(?:(?P<p>kilo|mega|giga|tera)[\s-]?watt[\s-]hours?|(?P<a>[kMGT]Wh))\b", re.I)
DURATION_AFTER = re.compile(r"(?:\s+|-)(?P<u>" + "|".join(DURATIONS) + r")\b", re.I)
COMPOUND_AFTER = re.compile(r"-(?P<n>[a-z]{3,})\b(?!-)")
RANGE_NEXT = re.compile(r"(?:\s?-\s?|\s+to\s+|\s+and\s+)(?P<cur>(?:US)?\$|[€£¥₩₽])?\s?"
                         r"(?P<n>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
                         r"(?:\b|(?=(?:bn|mn|mln|bln|tn|trn|trln|[kmbt])\b)|(?=[A-Za-z°]))(?![.,]\d)")
# (a scale glued, "$3bn-$4bn", or a unit, "780-850kt": what follows is then read as after any number)
WORD = re.compile(r"[\s-]*([A-Za-z][A-Za-z'.]*(?:-[A-Za-z]+)*)")
# Physical units after a number, drafted as their canonical unit (corpus/unittable.py, from pint):
# symbols as written ("16.5 GW", "120 Mt CO2"; one-letter ones like "t" and "m" are too ambiguous to
# draft), words in any case ("16.5 gigawatts", "68 billion cubic metres", "1.4 million barrels per day").
_SYMBOL_AFTER = re.compile(r"\s?(?P<u>" + "|".join(re.escape(u) for u in sorted(PHYSICAL_SYMBOLS, key=len, reverse=True)
                                                   if len(u) > 1) + r")(?![\w/²³])")
_PHYSICAL_WORD_AFTER = re.compile(r"\s+(?P<u>" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in
                                                          sorted(PHYSICAL_WORDS, key=len, reverse=True)
                                                          if len(w) > 2) + r")\b", re.I)

# A capital C glued to a number is degrees Celsius in the press ("warming of 1.5C") only where the text
# around it (its sentence and the one before: "Another estimate put it at 1.54C") speaks of heat:
# elsewhere "3C" is a grade, a class or a section.
_GLUED_CELSIUS = re.compile(r"C(?![\w/])")
_TEMPERATURE_WORDS = re.compile(r"\b(?:temperatures?|warm\w*|heat\w*|hott\w*|cool\w*|cold\w*|degrees?|celsius|"
                                r"climate|thermometers?|mercury|frost\w*|freez\w*)\b", re.I)


def glued_celsius(text: str, pos: int) -> bool:
    """A "C" glued to the number ending at ``pos`` that means degrees Celsius (see _GLUED_CELSIUS)."""
    if not _GLUED_CELSIUS.match(text, pos):
        return False
    label = re.search(r"\b([A-Z][a-z]*)\s+[\d.,]+$", text[max(0, pos - 30):pos])  # "Class 3C", "Room 4C": a name
    return not (label and label.group(1).lower() not in ("to", "at", "of", "by")) \
        and bool(_TEMPERATURE_WORDS.search(_sentence_around(text, pos)))


def _sentence_around(text: str, pos: int) -> str:
    """The sentence holding ``pos`` and the one before it, roughly (by full stops and line ends)."""
    before = max(text.rfind(". ", 0, pos), text.rfind("\n", 0, pos))
    start = max(text.rfind(". ", 0, max(before, 0)), text.rfind("\n", 0, max(before, 0))) + 1
    ends = [i for i in (text.find(". ", pos), text.find("\n", pos)) if i >= 0]
    return text[start:min(ends) if ends else len(text)]


# Oil in the trade's shorthand, the scale inside the unit: "mb/d" (OPEC, IEA: million barrels a day),
# "tb/d" (OPEC) and "kb/d" (IEA) a thousand, "MMb/d" a million (EIA). A lone capital "Mb/d" is left
# alone: in the American convention M is a thousand, elsewhere a million.
_OIL_RATE_AFTER = re.compile(r"\s(?P<p>mm|MM|m|k|t)(?:b|bbl)/d\b")

# An exchange rate: "150.97 yen per U.S. dollar", "the yen averaged 150.97 to the dollar".
_BASES = r"dollars?|euros?|yen|yuan|sterling|rupees?|rubles?|roubles?"
_PER_CURRENCY = re.compile(r"\s+(?:to|per|against)\s+(?:the\s+|one\s+|a\s+|each\s+)?(?:U\.S\.\s?|US\s|American\s)?"
                           r"(?P<base>" + _BASES + r")\b(?!\s+(?:bonds?|assets?|debt|index|zone)\b)", re.I)
# What follows "won" the currency but not "won" the verb: a clause's end, or a comparison of the rate.
_WON_AFTER = re.compile(r"\s*(?:[,.;:)]|\s(?:from|lower|higher|weaker|stronger|apiece|each)\b)")
_CURRENCY_NAMED = re.compile(r"\b(yen|won|yuan|renminbi|euro|rupee|ruble|rouble|hryvnia|lira|zloty|tenge|"
                             r"dollar|sterling)\b", re.I)


@dataclass
class After:
    """What follows a number."""

    kind: str  # money | percent | points | multiple | times | duration | count | scaled | bare
    unit: str = ""
    scale: str = ""
    end: int = 0
    cents: bool = False  # "56.23 U.S. cents": a hundredth of the currency (USD 0.5623)


def digits_stand_alone(text: str, a: int, b: int, ordinal: bool = False) -> bool:
    """False for digits glued to a name, a footnote position, a time, a ratio or a code."""
    prev = text[a - 1] if a > 0 else " "
    prev2 = text[a - 2] if a > 1 else " "
    nxt = text[b] if b < len(text) else " "
    nxt2 = text[b + 1] if b + 1 < len(text) else " "
    if prev.isalpha():
        return bool(re.search(r"\b(?:" + "|".join(CODES) + r")$", text[max(0, a - 4):a])) \
            or bool(prefix_currency(text, a)[0])  # "IDR5,536.5trn", "Rp5,536.5 trillion"
    if prev == "-" and prev2.isalnum():
        return False  # Sakhalin-1, COVID-19, F-35
    if prev in ".,;:)]'\"!?" and a > 1 and not prev2.isspace():
        return False  # a footnote marker: "weeks.2", "said,3"
    if prev == "+" and (a < 2 or prev2 in " (\n\t"):
        return True  # an explicit sign: "payrolls: +114,000", "(+0.2%)"
    if prev in "+/#^:@_&=\\*[" or (prev == "(" and nxt == ")"):
        return False  # 2+2, 24/7, #6, [6], (3)
    if ordinal:
        return True
    if nxt in "+/:" and nxt2.isdigit():
        return False  # 2+2, 24/7, 10:30, 3:1
    if nxt in ",." and nxt2.isdigit():
        return False  # "1,5" or a version number "1.2.3"
    if nxt.isalpha():
        m = re.match(r"[A-Za-z]+", text[b:b + 6])  # None for a letter of another script: "5年", "3억"
        tail = m.group() if m else ""
        if tail.lower() not in ("bn", "mn", "mln", "bln", "tn", "trn", "k", "m", "b", "t", "x", "pp", "ppt", "bp", "bps",
                                "trln", "l", "lcr", "ppts", "pc", "pt", "pts") \
                and (len(tail) < 2 or tail not in PHYSICAL_SYMBOLS) \
                and not glued_celsius(text, b):  # "16.5GW", "120MtCO2", "warming of 1.5C" stand alone
            return False  # 5G, 3D, 155mm
    return True


def glued_scale(text: str, pos: int, m: re.Match) -> bool:
    """"47k jobs", "(+112k)", "sales rose to 11.1m": a thousand or a million written as one letter glued
    to the number. "k" is always a thousand there; "m" only after a decimal or before a counted noun
    ("100m hurdles" aside, an integer with "m" is metres as often: "a 300m tower")."""
    g = m.group("g")
    if m.start() != pos or g.lower() not in ("k", "m") or (g == "K" and text[m.end():m.end() + 1] == "m"):
        return False
    if text[m.end():m.end() + 1] in ("/", "²", "³", "-", "^"):
        return False  # "10m/s", "5m²", "a 10m-high wall"
    if g.lower() == "k":
        return True
    decimal = re.search(r"\d\.\d+$", text[max(0, pos - 12):pos])
    return bool(decimal) or counted_noun(text, m.end()) is not None


def prefix_currency(text: str, a: int) -> tuple[str, int]:
    m = PREFIX_CURRENCY.search(text, max(0, a - 6), a)
    if not m:
        return "", a
    if m.group("code"):
        code = m.group("code")
        if code not in CODES and (code in _CODE_WORDS or not iso_currency(code)):
            if code.lower() in SYMBOLS:  # "RMB 3.4bn": an abbreviation, not an ISO code
                return SYMBOLS[code.lower()], m.start()
            return "", a  # "ALL 5 members", "CPI 2.4": an ISO code that is a word, or no currency
        return code, m.start()
    if m.group("rs"):
        return "INR", m.start()
    return SYMBOLS.get(m.group("sym").lower().rstrip("."), "USD"), m.start()


def unit_after(text: str, pos: int, *, currency: bool) -> After:
    """What follows a number: scale, then a unit (percent, currency word, times, duration, counted noun)."""
    scale = ""
    m = SCALE_AFTER.match(text, pos)
    if m:
        if m.group("s"):
            scale = SCALE_WORDS[" ".join(m.group("s").lower().rstrip(".").replace("-", " ").split())]
            pos = m.end()
            if text[pos:pos + 1] == "." and m.group("s").lower() in ("mil", "bil") \
                    and CURRENCY_AFTER.match(text, pos + 1):
                pos += 1  # "3.2 bil. yen": the abbreviation's full stop, then the unit
        elif currency or CURRENCY_AFTER.match(text, m.end()) or glued_scale(text, pos, m):
            scale = SCALE_WORDS[" ".join(m.group("g").lower().rstrip(".").replace("crores", "cr")
                                         .replace("crore", "cr").split())]
            pos = m.end()
    m = BASIS_POINTS_AFTER.match(text, pos)
    if m:  # "25 basis points": a hundredth of a percentage point (corpus/units.py converts)
        return After("count", "bps", scale, m.end())
    m = POINTS_AFTER.match(text, pos)
    if m:
        return After("points", "percentage-points", scale, m.end())
    m = PERCENT_AFTER.match(text, pos)
    if m:
        return After("points" if m.group("pts") else "percent",
                      "percentage-points" if m.group("pts") else "percent", scale, m.end())
    m = _CENTS_AFTER.match(text, pos)
    if m and not currency:  # "56.23 U.S. cents", "3.5 euro cents": the named currency's hundredths
        adj = " ".join(m.group("adj").lower().replace(".", "").split())
        code = "USD" if adj in ("us", "american") else "EUR" if adj == "euro" else DOLLAR_ADJ.get(adj, "")
        if code:
            return After("money", code, scale, m.end(), cents=True)
    m = CURRENCY_AFTER.match(text, pos)
    if m and not currency:
        cur, adj = m.group("cur").lower(), (m.group("adj") or "").lower()
        if cur == "won" and not (scale or adj) and not (_PER_CURRENCY.match(text, m.end())
                                                         or _WON_AFTER.match(text, m.end())):
            m = None  # "won" the verb ("190 won seats"); "1,410.1 won per dollar", "down 7.2 won." are the currency
        elif cur in ("dollar", "dollars") and adj in DOLLAR_ADJ:
            return After("money", DOLLAR_ADJ[adj], scale, m.end())
        if m:
            code = cur.upper() if cur.upper() in CODES else CURRENCY_WORDS[cur]
            rate = _PER_CURRENCY.match(text, m.end())
            if rate and not scale:  # "150.97 yen per U.S. dollar": an exchange rate
                return After("money", f"{code} per {CURRENCY_WORDS[rate.group('base').lower()]}", "", rate.end())
            return After("money", code, scale, m.end())
    if currency:
        return After("money", "", scale, pos)
    m = ENERGY_AFTER.match(text, pos)
    if m:  # "138 terawatt hours" is energy, not a duration
        prefix = m.group("a")[0] if m.group("a") else {"kilo": "k", "mega": "M", "giga": "G", "tera": "T"}[
            m.group("p").lower()]
        return After("count", ("k" if prefix in "kK" else prefix.upper()) + "Wh", scale, m.end())
    m = _OIL_RATE_AFTER.match(text, pos) if not scale else None
    if m:  # "1.9 mb/d", "106 tb/d": the scale is written inside the unit
        return After("count", "barrels per day", "million" if m.group("p").lower().startswith("m") else "thousand",
                     m.end())
    m = _SYMBOL_AFTER.match(text, pos)
    w = _PHYSICAL_WORD_AFTER.match(text, pos)
    if m and not (w and w.end() > m.end()):  # the longer reading: "4.7 mm a year" is a rate, not a length
        return After("count", PHYSICAL_SYMBOLS[m.group("u")], scale, m.end())
    if w:
        return After("count", PHYSICAL_WORDS[" ".join(w.group("u").lower().split())], scale, w.end())
    if not scale and glued_celsius(text, pos):
        return After("count", "°C", "", pos + 1)  # "1.5C above pre-industrial levels", as the press writes it
    if not scale:
        m = TIMES_AFTER.match(text, pos)
        if m:
            comparative = COMPARATIVE_AFTER.match(text, m.end())
            if "times" in m.group().lower() and not comparative and not growth_before(text, pos):
                return After("times", "times", "", m.end())  # "met 27 times": a count of events
            return After("multiple", "times", "", m.end())
        m = DURATION_AFTER.match(text, pos)
        if m:
            end = m.end()
            old = re.match(r"-old\b|-long\b", text[end:end + 5])
            return After("duration", DURATIONS[m.group("u").lower()], "", end + (old.end() if old else 0))
        m = re.compile(r"\s+point\b(?=\s+[a-z])").match(text, pos)
        if m:
            return After("count", "points", "", m.end())  # "an eight point plan"
        m = COMPOUND_AFTER.match(text, pos)
        if m and m.group("n") not in COMPOUND_NOT_COUNT and not plural_noun(m.group("n")) \
                and re.match(r"\s+[a-z]", text[m.end():m.end() + 2]):
            return After("count", pluralise(m.group("n")), "", m.end())  # "an eight-point plan"
    rate = _PER_CURRENCY.match(text, pos) if not scale else None
    if rate:  # "the yen averaged 150.97 to the dollar": the currency is the clause's subject
        named = _CURRENCY_NAMED.findall(re.split(r"[.;:!?]\s", text[max(0, pos - 80):pos])[-1])
        if named:
            code = CURRENCY_WORDS[named[-1].lower()]
            base = CURRENCY_WORDS[rate.group("base").lower()]
            if code != base:
                return After("money", f"{code} per {base}", "", rate.end())
    noun = counted_noun(text, pos)
    if noun:
        # A unit reached past a modifier ("16.5 cubic GW") is still the unit, written one way.
        unit = PHYSICAL_SYMBOLS.get(noun[0]) or PHYSICAL_WORDS.get(noun[0].lower()) or noun[0]
        per = _PER_BASE_AFTER.match(text, noun[1])
        if per:  # "183.8 bushels per acre": a yield, not an amount of bushels (nor comparable with one)
            base = per.group("b").lower()
            return After("count", f"{unit} per {_PER_BASES.get(base, base)}", scale, per.end())
        return After("count", unit, scale, noun[1])
    return After("scaled" if scale else "bare", "", scale, pos)


def growth_before(text: str, pos: int) -> bool:
    """"grew/rose/increased ... 27 times": a multiple, not a count of events."""
    return bool(re.search(r"\b(?:gr[eo]w|grown|rose|risen|increas|expand|multipl|jump|soar|climb|fell|drop|"
                          r"declin|shr[ui]nk|larger|bigger|higher|more)\w*\b(?:\s+\w+){0,3}\s+\S+$",
                          text[max(0, pos - 60):pos], re.I))


def event_noun(text: str, a: int) -> str:
    """What "N times" counts, from the verb before it: "met with him 27 times" -> meetings."""
    clause = re.split(r"[.;:!?]|,\s", text[max(0, a - 80):a])[-1]
    for word in reversed(re.findall(r"[A-Za-z]+", clause)):
        if word.lower() in EVENT_VERBS:
            return EVENT_VERBS[word.lower()]
    return ""


def counted_noun(text: str, pos: int) -> Optional[tuple[str, int]]:
    """The plural noun counted after a number, past up to three modifiers ("seven largest banks")."""
    if pos < len(text) and not text[pos].isspace():
        return None
    more = re.match(r"\s+(?:more|fewer)\b", text[pos:pos + 8], re.I)
    if more:  # "43,000 more people working": a count of people (a change), when a plural noun follows
        nxt = WORD.match(text, pos + more.end())
        word = nxt.group(1).rstrip(".'") if nxt and "\n" not in text[pos:nxt.start(1)] else ""
        if word and plural_noun(word) and word.lower() not in STOP and word.lower() not in DURATIONS:
            return word.lower(), nxt.start(1) + len(word)
        return None
    for _ in range(4):
        m = WORD.match(text, pos)
        if not m or "\n" in text[pos:m.start(1)]:
            return None
        word = m.group(1).rstrip(".'")
        low = word.lower()
        if pos > 0 and text[pos - 1] == "." and word[:1].isupper() and not re.search(r"\b[A-Z]\.$", text[:pos]):
            return None  # "at 4.461 bb. Ending stocks": a sentence ended ("3 U.S. States" aside)
        if low in STOP or low in WORD_NUMBERS or low[:3] in MONTHS and low in MONTHS:
            return None
        if plural_noun(word):
            return low, m.start(1) + len(word)
        pos = m.end()
    return None


# What a count is taken per, after its noun: "bushels per acre", "tonnes/ha", "children per woman"
_PER_BASES = {"ha": "hectare", "annum": "year", "capita": "person", "head": "person"}
_PER_BASE_AFTER = re.compile(r"(?:\s*/\s*|\s+per\s+)(?P<b>acre|hectare|ha|head|capita|person|inhabitant|resident|"
                             r"woman|household|day|week|month|year|annum|hour)\b", re.I)


def range_after(text: str, b: int, first: After, currency: str):
    """A range "10-15%", "$10 billion to $15 billion", "between 10 and 15 percent": (upper, after, end)."""
    m = RANGE_NEXT.match(text, max(first.end, b))
    if not m:
        return None
    lead = text[max(0, b - 50):b]
    if " and " in m.group() and not re.search(r"\bbetween\s+\S*$", lead, re.I):
        return None
    if re.search(r"\bfrom\s+\S*$", lead, re.I):
        return None  # "from 5% to 10%": a change between two figures, not a range
    second = unit_after(text, m.end(), currency=bool(currency or m.group("cur")))
    if second.kind in ("bare", "scaled") and not (currency and second.scale):
        return None
    if first.kind not in ("bare", "scaled") and (second.kind, second.unit) != (first.kind, first.unit):
        return None
    if first.scale and second.scale and first.scale != second.scale:
        return None
    upper = float(m.group("n").replace(",", ""))
    merged = After(second.kind, second.unit or first.unit, first.scale or second.scale, second.end)
    return upper, merged, second.end


def plural_noun(word: str) -> bool:
    w = word.lower().strip("'.")
    if w in IRREGULAR_PLURALS or w in MEASURE_UNITS:
        return True
    if w in NOT_PLURAL or w in STOP or len(w) < 3 or "'" in w:
        return False
    return w.endswith("s") and not w.endswith(("ss", "us", "is", "ous"))


def pluralise(noun: str) -> str:
    if noun.endswith("y") and noun[-2:-1] not in "aeiou":
        return noun[:-1] + "ies"
    if noun.endswith(("s", "x", "ch", "sh")):
        return noun + "es"
    return noun + "s"


_GAP_BREAK = re.compile(r"[;:()\d]|\s-\s")


# "in kroner the 2,511 billion", "In dollar terms, exports came to 1.2 trillion": the currency said before
_IN_CURRENCY = re.compile(r"\bin\s+(?P<cur>" + "|".join(sorted(CURRENCY_WORDS, key=len, reverse=True)) +
                          r")(?:\s+terms)?\b(?P<rest>[^;:()\d]{0,40})$", re.I)


def gapped_currency(text: str, s0: int, a: int, last_money: Optional[tuple[int, int, str]]) -> str:
    """The currency of a scaled amount written with no unit: named before it in its clause ("in kroner the
    2,511 billion"), or that of a sum of money before it in its sentence, the unit written once for
    parallel figures ("cuts of 40 billion euros and tax rises of 20 billion"); or "". ``last_money``: (sentence start, end, currency) of the sentence's last scaled sum; only
    within 80 characters, across no other number, parenthesis or clause break (";", ":", " - ")."""
    named = _IN_CURRENCY.search(text, max(s0, a - 80), a)
    if named and not re.search(r"\s-\s|\.\s", named.group("rest")):  # "in kroner the 2,511 billion"
        return CURRENCY_WORDS[named.group("cur").lower()]
    if not last_money or last_money[0] != s0 or not 0 <= a - last_money[1] <= 80:
        return ""
    return "" if _GAP_BREAK.search(text, last_money[1], a) else last_money[2]


# "rose to 4.3 from 4.1 per cent", "to 1.2 trillion from 1.1 trillion yen": the unit written once, after the base
_THEN_BASE = re.compile(r"\s+from\s+(?:an?\s+|the\s+)?(?:(?:revised|previous|prior|initial|preliminary)\s+)?"
                        r"(?P<n>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?![\d.,]\d)")
_LEVEL_BEFORE = re.compile(r"\b(?:to|at)\s+$", re.I)


def unit_of_base(text: str, a: int, b: int, scale: str) -> Optional[After]:
    """The unit of a level written with none, from the base it is compared with right after it, in percent
    or money of the same scale ("rose to 4.3 from 4.1 per cent"), or None."""
    if not _LEVEL_BEFORE.search(text, max(0, a - 6), a):
        return None
    m = _THEN_BASE.match(text, b)
    if not m:
        return None
    after = unit_after(text, m.end(), currency=False)
    if after.kind == "percent" and not scale or after.kind == "money" and scale and after.scale == scale:
        return after
    return None
