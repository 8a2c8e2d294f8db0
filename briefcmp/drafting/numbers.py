"""Numbers as written: digits, number words ("twenty-one", "a dozen"), ordinals, fractions, folds."""

from __future__ import annotations

import re
from typing import Optional

UNIT_WORDS = ("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
               "fifteen sixteen seventeen eighteen nineteen").split()
TENS_WORDS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
WORD_NUMBERS: dict[str, int] = {w: i for i, w in enumerate(UNIT_WORDS)}
WORD_NUMBERS.update({w: 20 + 10 * i for i, w in enumerate(TENS_WORDS)})
WORD_NUMBERS["dozen"] = 12
ORDINAL_WORDS = {w: i + 1 for i, w in enumerate(
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth "
    "fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth".split())}
FOLD_WORDS = {"twofold": 2, "threefold": 3, "fourfold": 4, "fivefold": 5, "sixfold": 6, "sevenfold": 7,
               "eightfold": 8, "ninefold": 9, "tenfold": 10, "twentyfold": 20, "hundredfold": 100,
               "thousandfold": 1000}
FRACTIONS = {"half": 50.0, "third": 100 / 3, "thirds": 100 / 3, "quarter": 25.0, "quarters": 25.0,
              "fourth": 25.0, "fourths": 25.0, "fifth": 20.0, "fifths": 20.0, "tenth": 10.0, "tenths": 10.0}

NUMWORD = (r"(?:(?:" + "|".join(TENS_WORDS) + r")(?:-(?:" + "|".join(UNIT_WORDS[1:10]) + r"))?|"
            + "|".join(sorted(UNIT_WORDS, key=len, reverse=True)) + r"|dozen)")
# Indian digit grouping: thousands, then pairs ("50,65,345" is 5,065,345; "1,00,000" one lakh). A
# two-digit group is never Western grouping, so the pattern reads any text the same way.
# (Only from the start of a run of digits and commas, and without backtracking: a long run such as
# "11,11,11,..." is read once, in linear time.)
INDIAN_GROUPED = r"(?<![\d,])\d{1,2}(?:,\d{2}(?!\d))++,\d{3}(?![\d,])(?:\.\d+)?"
# Thousands grouped by spaces, as the UN, WHO and SI style write them in English too ("630 000",
# "1 250 000"; the prepared text folds no-break and thin spaces to plain ones). One or two groups, and never
# when another number follows after a space: "630 000 670 000" may be two columns of a table, and a phone
# number "22 791 2111" is none: such runs are read digit group by digit group, as before.
SPACE_GROUPED = r"(?<![\d.,])(?<!\d )\d{1,3}(?: \d{3}){1,2}(?![\d,]| \d)(?:\.\d+)?"
# A vulgar fraction after its whole number: the prepared text folds "3¾" (NFKC) to "33⁄4", the
# fraction slash U+2044 standing between the fraction's own digits; every vulgar fraction Unicode has
# a one-digit numerator and a denominator of at most 10 ("⅒" is "1⁄10"). Read as 3.75.
VULGAR = r"(?<![\d.,])\d*\d\u2044(?:10|[1-9])(?!\d)"
_VULGAR = re.compile(r"(\d*)(\d)\u2044(\d+)")
# A decimal spelled out: "one-point-six percent", "seven point six" (digit words after "point").
DIGIT_WORD = r"(?:" + "|".join(UNIT_WORDS[:10]) + r")"
SPELLED_DECIMAL = r"(?:[\s-]+point(?:[\s-]+" + DIGIT_WORD + r")+\b)"
TOKEN = re.compile(
    r"(?P<ord>\b\d+(?:st|nd|rd|th)\b|\b(?:" + "|".join(ORDINAL_WORDS) + r")\b)"
    r"|(?P<fold>\b(?:" + "|".join(FOLD_WORDS) + r")\b)"
    r"|(?P<twice>\btwice\b(?=\s+(?:as|the)\b)|\b(?:double|triple|quadruple)\b(?=\s+(?:the|its|their|that)\b)"
    r"|\b(?:doubled|tripled|quadrupled)\b)"
    r"|(?P<mag>\b(?:an|one|two|three|several)\s+orders?\s+of\s+magnitude\b)"
    r"|(?P<frac>\b(?:(?:one|a)[\s-]+(?:third|quarter|fourth|fifth|tenth)|(?:one|two|three|four)[\s-]+(?:thirds|quarters|"
    r"fourths|fifths|tenths)|half)\b)"
    # "a million people" (not "one in a million")
    r"|(?P<word>(?<!\bof\s)(?<!\bin\s)\ban?(?=\s+(?:thousand|million|billion|trillion)\b)"
    r"|\b(?:a\s+(?=dozen))?" + NUMWORD + r"(?:\s+hundred\b|\s+dozen\b|" + SPELLED_DECIMAL + r")?\b)"
    r"|(?P<num>" + VULGAR + "|" + INDIAN_GROUPED + "|" + SPACE_GROUPED + r"|\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)", re.I)


def number_value(token: str) -> Optional[float]:
    """The value of a number token: "1,234.5", "seven", "twenty-one", "a dozen", "two hundred"."""
    t = token.lower().strip()
    if "\u2044" in t:
        m = _VULGAR.fullmatch(t)
        if not m or not int(m.group(3)):
            return None
        return float(m.group(1) or 0) + int(m.group(2)) / int(m.group(3))
    if t[:1].isdigit() or t[:1] == ".":
        return float(t.replace(",", "").replace(" ", ""))
    point = re.search(r"[\s-]+point[\s-]+", t)
    if point:  # "one-point-six": the whole part, then one digit word after another
        whole = number_value(t[:point.start()])
        digits = re.split(r"[\s-]+", t[point.end():])
        if whole is None or any(d not in WORD_NUMBERS or WORD_NUMBERS[d] > 9 for d in digits):
            return None
        return float(f"{int(whole)}.{''.join(str(WORD_NUMBERS[d]) for d in digits)}")
    if t in ("a", "an"):  # "a million": one of the scale after it
        return 1.0
    if t.startswith(("a ", "an ")):
        t = t.split(None, 1)[1]
    if t.endswith(" dozen") and t != "a dozen":  # "two dozen": 24
        inner = number_value(t.rsplit(None, 1)[0])
        return inner * 12 if inner is not None else None
    hundred = t.endswith(" hundred")
    if hundred:
        t = t.rsplit(None, 1)[0]
    parts = t.split("-")
    if any(p not in WORD_NUMBERS for p in parts):
        return None
    n = sum(WORD_NUMBERS[p] for p in parts)
    return float(n * 100 if hundred else n)
