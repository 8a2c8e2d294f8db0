"""Numbers as Japanese, Korean and Chinese write them: digits with the myriad units 万/億/兆
(Korean 만/억/조, Chinese 亿) and 千/百/十 (천/백/십), and kanji numerals.

``7兆9496億`` is 7,949,600,000,000 and ``273억`` 27,300,000,000. Values are read by ``kanjize``
(imported only when such a number is read). Shared by drafting (``drafting.cjknumbers``) and
analysis (``analysis.terms`` finds a figure in its quote with it).

Also an English text's own number convention (``convention``): a decimal comma and digits grouped by
spaces, read the English way without moving an offset.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

_DIGITS = r"\d+(?:,\d{3})*(?:\.\d+)?"
_KANJI = r"[〇零一二三四五六七八九十百千]+"
_BIG = r"[兆億亿万萬조억만]"
_PART = rf"(?:{_DIGITS}[千百十천백십]?|{_KANJI}|[천백십])"
# 7兆9496億, 1億2345万, 1조 2천억, 3,500億, 16.5, 二千, 5万: parts joined by myriad units.
NUMBER = re.compile(rf"(?<![\d.,]){_PART}(?:\s?{_BIG}{{1,2}}(?:\s?{_PART}\s?{_BIG})*(?:\s?\d+[千百十천백십]?(?![\d.,]))?)?")
_TO_KANJI = str.maketrans({"조": "兆", "억": "億", "만": "万", "천": "千", "백": "百", "십": "十", "亿": "億",
                           "萬": "万", "零": "〇"})
_SCALES = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))


def number_value(token: str) -> Optional[float]:
    """The value of a CJK number token: "7兆9496億" -> 7.9496e12, "273억" -> 2.73e10, "二千" -> 2000."""
    t = token.translate(_TO_KANJI).replace(",", "").replace(" ", "").replace("万億", "兆")  # Chinese 万亿
    if not t:
        return None
    if len(t) > 40:
        return None  # no figure has forty digits; a run of them is a code or a table gone wrong
    if re.fullmatch(r"\d+(?:\.\d+)?", t):
        return float(t)
    if t[0] in "千百十":
        t = "1" + t  # Korean "천 명": a thousand
    try:
        import kanjize  # lazy: only texts in these languages need it

        value = float(kanjize.kanji2number(t))
    except Exception:  # kanjize raises bare ValueErrors and others on odd runs: not a number then
        return None
    return value if math.isfinite(value) else None


def scaled(value: float) -> tuple[float, str]:
    """``value`` written as an amount and an English scale word, as claims files write them."""
    for size, word in _SCALES:
        if abs(value) >= size:
            return round(value / size, 9), word
    return value, ""




# ---------------------------------------------------------------- a text's own number convention
# English as a statistics office in South Africa (or a European agency) writes it: a decimal comma
# ("81,4%", "About 2,4 million") and digits grouped by spaces ("51 770 560"), as CLDR's en_ZA locale
# does. The English readers take "." as the decimal sign and "," as the group sign; ``as_english``
# rewrites such numbers character for character ("81.4%", "51,770,560": the same length, so every
# offset into the text holds), when the text's own numbers say it writes them that way.

# "81,4", "19,8", "0,25", "1,2345": one comma not before three digits (English never writes that)
_DECIMAL_COMMA = re.compile(r"(?<![\d.,])\d+,(?:\d{1,2}|\d{4,})(?!\d|[.,]\d)")
# "1.234,5": dots group, the comma is decimal
_DOTS_THEN_COMMA = re.compile(r"(?<![\d.,])\d{1,3}(?:\.\d{3})+,\d+(?!\d|[.,]\d)")
# "2.500", "1.234.567": dots grouping digits, in a text whose dots group (it writes "1.234,5" or "1.234.567")
_DOT_GROUPS = re.compile(r"(?<![\d.,])\d{1,3}(?:\.\d{3})+(?!\d|[.,]\d)")
_MANY_DOT_GROUPS = re.compile(r"(?<![\d.,])\d{1,3}(?:\.\d{3}){2,}(?!\d|[.,]\d)")
# "1,234.5", "12,345,678": English grouping, beyond doubt
_ENGLISH_GROUPS = re.compile(r"(?<![\d.,])\d{1,3}(?:,\d{3})+\.\d|(?<![\d.,])\d{1,3}(?:,\d{3}){2,}(?!\d|,\d)")
# "1,234": one comma before three digits, a group sign in English, a decimal sign in a decimal-comma text
_ONE_COMMA_GROUP = re.compile(r"(?<![\d.,])\d{1,3},\d{3}(?!\d|[.,]\d)")
# "51 770 560", "62 027 503,5": groups of three digits after spaces (not "012 310": a phone number)
_SPACE_GROUPS = re.compile(r"(?<![\d.,+(])[1-9]\d{0,2}(?: \d{3})+(?:,\d+)?(?!\d|[.,]\d)")
_MANY_SPACE_GROUPS = re.compile(r"(?<![\d.,+(])[1-9]\d{0,2}(?: \d{3}){2,}(?!\d|[.,]\d)")


@dataclass(frozen=True)
class Convention:
    """How a text writes its numbers, and the text rewritten the English way."""

    decimal_comma: bool
    space_groups: bool
    text: str  # the text with its numbers written the English way (same length)
    notes: tuple[tuple[int, int, str], ...] = ()  # (start, end, how else it reads) of numbers read one way of two


def convention(text: str) -> Convention:
    """The number convention ``text`` writes in, from its own numbers (no locale is guessed):

    - a decimal comma when it writes one ("81,4%", "1.234,5") and never groups digits with commas the
      English way ("12,345,678", "1,234.5"); "1,234" then reads 1.234 when two numbers at least show
      the decimal comma (and says so), else stays 1234;
    - digits grouped by spaces when it writes a decimal comma or a number of three groups ("51 770 560"),
      and writes no "1,234".
    """
    english = bool(_ENGLISH_GROUPS.search(text))
    decimals = [] if english else _DECIMAL_COMMA.findall(text) + _DOTS_THEN_COMMA.findall(text)
    decimal_comma = bool(decimals)
    one_comma = list(_ONE_COMMA_GROUP.finditer(text)) if decimal_comma or not english else []
    space_groups = not english and (decimal_comma or (not one_comma and bool(_MANY_SPACE_GROUPS.search(text))))
    if not decimal_comma and not space_groups:
        return Convention(False, False, text)
    chars = list(text)
    notes = []

    def put(a: int, token: str) -> None:
        chars[a:a + len(token)] = token

    if decimal_comma:
        for m in _DECIMAL_COMMA.finditer(text):
            put(m.start(), m.group().replace(",", "."))
        for m in _DOTS_THEN_COMMA.finditer(text):
            put(m.start(), m.group().translate(_SWAP))
        if _DOTS_THEN_COMMA.search(text) or _MANY_DOT_GROUPS.search(text):  # its dots group digits: "2.500 firms"
            for m in _DOT_GROUPS.finditer(text):
                put(m.start(), m.group().replace(".", ","))
        if len(decimals) >= 2:
            for m in one_comma:
                put(m.start(), m.group().replace(",", "."))
                notes.append((m.start(), m.end(), f"{m.group()!r} is read as {m.group().replace(',', '.')}, as this "
                              f"text writes a decimal comma; written the English way it is {m.group().replace(',', '')}"))
    if space_groups:
        for m in _SPACE_GROUPS.finditer(text):
            put(m.start(), m.group().translate(_SWAP).replace(" ", ","))
    return Convention(decimal_comma, space_groups, "".join(chars), tuple(notes))


_SWAP = str.maketrans({",": ".", ".": ","})


def english_digits(text: str) -> str:
    """``text`` (a quote) with numbers of a decimal comma or space groups written the English way,
    whatever the rest of the text does: to find a figure already read in its quote."""
    text = _DECIMAL_COMMA.sub(lambda m: m.group().replace(",", "."), text)
    text = _DOTS_THEN_COMMA.sub(lambda m: m.group().translate(_SWAP), text)
    return _SPACE_GROUPS.sub(lambda m: m.group().translate(_SWAP).replace(" ", ","), text)


@lru_cache(maxsize=32)
def compact_scales(language: str) -> tuple[tuple[str, float], ...]:
    """The scale words and abbreviations ``language`` writes after a number, from CLDR's compact decimal
    formats (Babel): Portuguese "mil", "mi", "bi", "tri", "milhões"; Spanish "M", "mil millones"; German
    "Mio.", "Mrd.", "Bio."; Italian "Mln", "Mld". Longest first, each with the factor it multiplies by
    ("0000 M" at a billion is a million: CLDR writes the number's digits in the pattern). Empty for a
    language CLDR does not know."""
    from babel.core import Locale, UnknownLocaleError

    try:
        locale = Locale.parse(language)
    except (UnknownLocaleError, ValueError):
        return ()
    out: dict[str, float] = {}
    for width in ("short", "long"):
        for forms in (locale.compact_decimal_formats.get(width) or {}).values():
            for magnitude, pattern in forms.items():
                text = getattr(pattern, "pattern", str(pattern))
                zeros = text.count("0")
                word = " ".join(re.sub(r"[0#.,;]|'", "", text.split(";")[0]).replace("\u00a0", " ").split())
                if not zeros or not word or any(c.isdigit() for c in word):
                    continue
                factor = int(magnitude) / 10 ** (zeros - 1)
                if factor < 1000:
                    continue
                # "Mio." is written with its dot as often as without
                dotted = "'.'" in text or text.rstrip().endswith(".")
                for w in {word, word + "." if dotted else word}:
                    out.setdefault(w, factor)
    return tuple(sorted(out.items(), key=lambda kv: -len(kv[0])))
