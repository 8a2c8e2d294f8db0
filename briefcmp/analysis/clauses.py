"""Which words of a sentence a figure belongs to, when the sentence holds several figures or subjects.

- A **conversion in parentheses** ("7.95 trillion yen ($56 billion) defense budget") is the same
  amount in another unit: ``conversions`` finds them, so the converted figure takes the words of
  the figure it converts, and the sentence reads on past the parentheses for both.
- **Alternatives** ("$4.4 trillion, or $4.5 trillion, depending on the exchange rate"): the
  second figure is another reading of the first, with its words and subject (``alternative``).
- **Respectively** ("exports and imports shrank 7.4 percent and 12.1 percent respectively"):
  the n-th figure of a pair goes with the n-th noun (``respective_words``).
- **Ellipsis** ("A's output totaled X, while B's was Y"): Y's clause names B and no measured thing;
  the measured thing is the one of the clause before (``elliptic``).
- **A pair** ("trade between Russia and Japan"): the "and" of "between A and B" joins two subjects,
  it starts no clause (``breaks``); "the two countries" points back to the last two named
  (``PAIR_BACK``).
- **A label** ("Total expenditure: Rs 50.65 lakh crore") names what the value after its colon
  measures (``after_label``).
- **A participle** ("..., growing from $2.85 billion in 2000 to $27.33 billion in 2021") goes on
  about the measure of the clause before (``PARTICIPLE``).
- **A figure's own stretch** ("0.7% (as revised; 0.4% in the first estimate)"): the words from the figure
  before it, or a clause break, to the one after (``stretch``), where a word said of that figure alone stands.
"""

from __future__ import annotations

import re
from typing import Optional

_FIG = r"(?:[A-Z]{1,3}\$\s?|U\.S\.\$\s?|[$€£¥₹₩₽]|(?:USD|EUR|JPY|GBP|CNY|INR|KRW|CHF|AUD|CAD|RUB)\s?|Rs\.?\s?)?\d[\d,]*(?:\.\d+)?"
# "(about $56 billion)", "($133.9 billion)", "(about 17.71 trillion U.S. dollars)", "(9.1 trillion yen)"
_PAREN_FIG = re.compile(rf"\(\s*(?:about|around|roughly|some|nearly|approximately|or|equivalent\s+to)?\s*{_FIG}"
                        r"(?:\s*[A-Za-z.%-]+){0,4}\s*(?:[;,]\s*(?:about\s+|around\s+|roughly\s+)?" + _FIG +
                        r"(?:\s*[A-Za-z.%-]+){0,4}\s*)?\)")
_ALTERNATIVE = re.compile(rf",?\s+or\s+(?:about\s+|around\s+|roughly\s+)?{_FIG}[^,;]*?(?=,\s*depending\b|"
                          r",\s*according\s+to\s+(?:the\s+)?(?:exchange|conversion)|\s+at\s+(?:current|market)\s+"
                          r"exchange\s+rates)", re.I)
_RESPECTIVELY = re.compile(r"\brespectively\b", re.I)
_PAIR = re.compile(r"\b([a-z][a-z-]+)\s+and\s+([a-z][a-z-]+)\s+([a-z]+)\b")
NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")  # a figure's digits as written
_NUMBER = NUMBER
# "while Germany's was $4.4 trillion", "and that of Korea stood at ...": a subject and a value verb only
_NAME = r"(?:the\s+)?[A-Z][\w.]*(?:\s+[A-Z][\w.]*)*(?:['’]s)?"
ELLIPTIC = re.compile(rf"\s*(?:(?:compared\s+with|against|versus|behind|ahead\s+of)\s+{_NAME}\s+"
                      rf"(?:about\s+|around\s+|roughly\s+|nearly\s+)?\S*\d|(?:that\s+of\s+)?{_NAME}\s+(?:was|were|is|are|"
                      r"stood\s+at|came\s+to|reached|totaled|totalled|amounted\s+to|hit)\s+(?:about\s+|around\s+|"
                      r"roughly\s+|nearly\s+)?\S*\d)")


# "between Russia and Japan", "between the United States and the European Union": the " and " of a pair
_BETWEEN_AND = re.compile(r"\bbetween\s+(?:the\s+)?[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}(\s+and\s+)(?=(?:the\s+)?[A-Z])")
# "the two countries", "both nations", "the two sides'": a subject pointing back to the last two named
PAIR_BACK = re.compile(r"\b(?:the\s+two|both)\s+(?:countries|nations|economies|governments|sides|neighbou?rs|states)\b",
                       re.I)
# "growing from $2.85 billion ...", "rising to 5.1 percent", "standing at ...": no measure of its own
PARTICIPLE = re.compile(r"\s*(?!according|owing|regarding|concerning|including|excluding|during)[a-z]+ing\s+(?:(?:about|around|roughly|nearly|some)\s+)?(?:from|to|by|at)\b")


# "Total expenditure: Rs 50.65 lakh crore", "- Fiscal deficit: 4.4 per cent of GDP": a label, a colon, a value
_LABEL_END = re.compile(r"[A-Za-z)]\s*:\s*$")


def after_label(before: str) -> bool:
    """Whether the text before a figure's clause ends in a label and a colon: the label is what the
    figure measures ("Net tax receipts: Rs 28.37 lakh crore")."""
    return bool(_LABEL_END.search(before))


def breaks(pattern: re.Pattern, text: str, start: int = 0, end: Optional[int] = None):
    """The clause breaks ``pattern`` finds in ``text[start:end]``, but for the "and" of "between A and B"."""
    joined = {m.start(1) for m in _BETWEEN_AND.finditer(text)}
    return [m for m in pattern.finditer(text, start, len(text) if end is None else end) if m.start() not in joined]


# "(draft)", "(seasonally adjusted)": an aside in parentheses, no figure in it
_PAREN_ASIDE = re.compile(r"\([^()\d]{1,40}\)")


def conversions(sentence: str) -> list[tuple[int, int]]:
    """Spans of converted figures in parentheses (and of short asides with no figure)."""
    return sorted([m.span() for m in _PAREN_FIG.finditer(sentence)] + [m.span() for m in _PAREN_ASIDE.finditer(sentence)])


def blank_conversions(sentence: str, keep: Optional[tuple[int, int]] = None) -> tuple[str, Optional[int]]:
    """The sentence with conversions in parentheses blanked (offsets kept); and, when ``keep`` (a
    figure's span) lies inside one, the offset of that parenthesis: the position the converted figure
    stands for (just after the figure it converts)."""
    out = list(sentence)
    at = None
    for a, b in conversions(sentence):
        if keep is not None and a <= keep[0] < b:
            at = a
        for i in range(a, b):
            out[i] = " "
    return "".join(out), at


# "591.48 trillion yen, or $4.21 trillion,": the same amount in another currency
_OR_CONVERSION = re.compile(rf"(?<=[A-Za-z%])\s*,?\s+or\s+(?:about\s+|around\s+|roughly\s+)?{_FIG}", re.I)


def alternative(sentence: str, figure: tuple[int, int]) -> Optional[int]:
    """When the figure is the second of "X, or Y, depending on ...": the offset of X's end."""
    for m in _ALTERNATIVE.finditer(sentence):
        if m.start() <= figure[0] < m.end():
            return m.start()
    return None


def or_conversion(sentence: str, figure: tuple[int, int]) -> Optional[int]:
    """When the figure is "X unit, or Y" (Y the same amount in other units): the offset of X's end."""
    for m in _OR_CONVERSION.finditer(sentence):
        if m.start() <= figure[0] < m.end():
            return m.start()
    return None


def respective_words(sentence: str, figure: tuple[int, int]) -> Optional[tuple[str, bool]]:
    """In "A and B verb X and Y respectively": the words for the figure (its own noun, and the verb
    when the figure is the change and not the level after "to"), and whether it is a level."""
    if not _RESPECTIVELY.search(sentence):
        return None
    numbers = list(_NUMBER.finditer(sentence))
    first = numbers[0].start() if numbers else len(sentence)
    pair = None
    for m in _PAIR.finditer(sentence, 0, first):
        pair = m
    if pair is None:
        return None
    idx = next((i for i, n in enumerate(numbers) if n.start() <= figure[0] < n.end() or
                (n.start() >= figure[0] and n.start() < figure[1])), None)
    if idx is None:
        return None
    before = sentence[numbers[idx - 1].end():numbers[idx].start()] if idx > 0 else ""
    after = sentence[numbers[idx].end():numbers[idx + 1].start()] if idx + 1 < len(numbers) else ""
    if re.search(r"\s+and\s+\S*$", before) and len(before) < 40:
        which = 1
    elif re.search(r"\s+and\s+\S*$", after) and len(after) < 40:
        which = 0
    else:
        return None
    noun = pair.group(1 + which)
    level = bool(re.search(r"\bto\s+\S*$", sentence[:numbers[idx - which].start()]))
    return (noun if level else f"{noun} {pair.group(3)}"), level


# Where a clause ends inside a sentence (a comma, a semicolon, a conjunction, a bracket, a full stop).
CLAUSE_BREAK = re.compile(r",\s|;|:\s|\(|\)|、|，|\s[-–—]\s|"
                          # (not inside the names of statistics: "food and energy", "goods and services")
                          r"(?<!\bresearch)(?<!\bfood)(?<!\bgoods)(?<!\balcohol)\s(?:and|but|while|whereas|although|though)\s|"
                          r"[.!?]\s+(?=[A-Z\"'])|"
                          # a full stop with a footnote number: "to $27.33 billion in 2021.29 Hyundai ..."
                          r"(?:(?<=[a-z”’\"')])|(?<=\b(?:19|20)\d\d))\.\d{1,3}\s+(?=[A-Z][a-z])")


def appositive_figure(clause: str, figure: tuple[int, int], before: str) -> bool:
    """Whether the figure opens its clause right after a noun phrase that states no figure: "while the
    logistics plan, 900 million euros a year, ...": the figure is the plan's, not the figure's before it."""
    if re.search(r"[A-Za-z]", clause[:figure[0]]) or not re.search(r",\s*\Z", before):
        return False
    last = re.split(r"[,;:()]", before.rstrip().rstrip(","))[-1]
    return bool(re.search(r"[A-Za-z]{3}", last)) and not re.search(r"\d", re.sub(r"\b(?:19|20)\d\d\b", "", last))


_STRETCH_BREAK = re.compile(r"[;()\[\]]|\.\s|,\s+(?:and|but|while|whereas)\b")
_YEAR = re.compile(r"(?:19|20)\d\d")
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_DAY_BEFORE_MONTH = re.compile(rf"(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}(?![A-Za-z])")
_MONTH_BEFORE_DAY = re.compile(rf"(?<![A-Za-z]){_MONTH}\s+$")


def _no_figure(sentence: str, m: re.Match) -> bool:
    """Whether a number is a year or a day of a month ("on 31 January 2025", "on January 31"): it bounds nothing."""
    text = m.group().rstrip(",")
    if _YEAR.fullmatch(text):
        return True
    return text.isdigit() and int(text) <= 31 and bool(
        _DAY_BEFORE_MONTH.match(sentence, m.end()) or _MONTH_BEFORE_DAY.search(sentence[max(0, m.start() - 12):m.start()]))


def stretch(sentence: str, span: tuple[int, int], reach: int = 60) -> tuple[int, int]:
    """The figure's own stretch of its sentence, as offsets: from the figure before it (or a clause break) to the
    one after, at most ``reach`` characters either side. A year or a day of a month bounds nothing ("grew 2.1% in
    2023, on preliminary data")."""
    start, end = span
    lo, hi = max(0, start - reach), min(len(sentence), end + reach)
    for pattern in (_NUMBER, _STRETCH_BREAK):
        for m in pattern.finditer(sentence, lo, hi):
            if pattern is _NUMBER and _no_figure(sentence, m):
                continue
            if m.end() <= start:
                lo = max(lo, m.end())
            elif m.start() >= end:
                hi = min(hi, m.start())
                break
    return lo, hi


def nearest(sentence: str, span: tuple[int, int], tags) -> str:
    """Of ``(tag, pattern)`` readings, the tag whose words stand nearest the figure in its stretch ("" when none).
    Words between two figures go with the nearer one ("+7% cc, +5% in euros": "cc" is the 7%'s)."""
    lo, hi = stretch(sentence, span)
    # (only where another figure bounds the stretch: a clause break between them settles it already)
    figures = [m for m in _NUMBER.finditer(sentence, max(0, lo - 24), min(len(sentence), hi + 24))
               if not _no_figure(sentence, m)]
    before = lo if any(m.end() == lo for m in figures) else None
    after = hi if any(m.start() == hi for m in figures) else None
    best, tag = None, ""
    for name, pattern in tags:
        for m in pattern.finditer(sentence, lo, hi):
            if m.end() <= span[0]:
                gap = span[0] - m.end()
                if before is not None and m.start() >= before and m.start() - before < gap:
                    continue
            elif m.start() >= span[1]:
                gap = m.start() - span[1]
                if after is not None and m.end() <= after and after - m.end() < gap:
                    continue
            else:
                gap = 0
            if best is None or gap < best:
                best, tag = gap, name
    return tag
