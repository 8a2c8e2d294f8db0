"""Numbers as Japanese, Korean and Chinese write them: digits with the myriad units 万/億/兆
(Korean 만/억/조, Chinese 亿) and 千/百/十 (천/백/십), and kanji numerals.

``7兆9496億`` is 7,949,600,000,000 and ``273억`` 27,300,000,000. Values are read by ``kanjize``
(imported only when such a number is read). Shared by drafting (``drafting.cjknumbers``) and
analysis (``analysis.terms`` finds a figure in its quote with it).
"""

from __future__ import annotations

import math
import re
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


