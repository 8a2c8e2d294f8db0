"""Comparison bases: where a sentence measures a figure against something ("from 5.8%", "on the previous
quarter", "compared with November 2023"), which is no period of the figure's own, and what a base says of
a month's change (``month_basis``). Split from ``periods``, which reads the period itself; also the
month names both use.
"""

from __future__ import annotations

import bisect
import calendar
import functools
import re

_MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
_MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
_MONTHS["sept"] = 9
_MON = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|" \
       r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_YEAR = r"(?:19|20)\d{2}"

# Where a comparison base starts: what follows, to the next clause break, is not the figure's period.
# ("after" names a base, "0.4% after 0.2% in the second quarter", but not what a measure is net of: "profit after
# tax in the year to March", "growth after adjusting for inflation")
# "down 0.03 point from October" is a base; "from October to December" is a period.
_BASE = re.compile(r"\b(?:(?:up|down)\s+)?(?:since|after(?![\s-]+"
                   r"(?:tax|taxes|taxation|interest|minorit|non-?controlling|costs?\b|depreciation|amorti[sz]ation|"
                   r"impairments?|write-?(?:downs?|offs?)|exceptional|one-?offs?|special\s+items|adjust|account|allow|exclud|"
                   r"includ|strip|deduct|inflation|currency|exchange))|"
                   r"(?:from|over)(?=\s+(?-i:January|February|March|April|May|June|July|August|September|October|"
                   r"November|December)\b(?!\s*(?:\d{1,2}(?:st|nd|rd|th)?,?\s*)?(?:-|–|to\b|through\b|and\b))(?!\s+(?:19|20)\d\d\s*(?:-|–|to|through)\s*"
                   r"(?-i:January|February|March|April|May|June|July|August|September|October|November|December)\b))|"
                   # "up 1.4 percent above last year", "2% below the same month a year earlier", "2.8% above 2023
                   # spending", "fell short of last year's record": a base
                   r"(?:above|below|short\s+of)(?=\s+(?:last\s+year|the\s+(?:same|previous|prior|preceding|year-?earlier)\b|"
                   r"a\s+year\s+(?:earlier|ago|before)|(?:19|20)\d\d\b(?!\s*(?:-|–|/)\s*\d)))|"
                   r"(?:from|(?<!\w)over(?!\s+the\s+(?:last|past|previous|preceding)\s+(?:four|4)\s+quarters\b))"
                   # "from 1 February to 10 March 2025", "from Sept. 1 to Nov. 30": a span of days, no base
                   r"(?!\s+(?:\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?|"
                   r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?,?)\s*"
                   r"(?:-|–|to\b|through\b|until\b))"
                   r"(?!\s+(?!(?:January|February|March|April|May|June|July|August|September|"
                   r"October|November|December|Rs)\b)(?-i:[A-Z][a-z]))(?=\s+(?:[^\s,;]+\s+){0,5}?(?:(?!(?:19|20)\d\d\b)[^\s,;]*\d|"
                   r"previous|prior|preceding|earlier|before|last|same|that|record|initial|preliminary|revised|budgeted|"
                   r"estimated?|forecast|level|a\s+year|the\s+year|FY))|compared\s+(?:with|to)|against|versus|(?<!more\s)(?<!less\s)(?<!fewer\s)(?<!rather\s)(?<!other\s)than|"
                   # "14.2% more than in the 2023/24 season": "more than" before a period is a base (before a number, a qualifier)
                   r"(?<=more\s|less\s)than(?=\s+(?:in|during|for)\s)|"
                   # "67.0%, off the September record of 67.1%", "off its March peak": a base
                   r"(?<=\s)off(?=\s+(?:the|its|their|a|an)\s+(?:[^\s,;]+\s+){0,3}?(?:record|high|low|peak|level|"
                   r"reading|figure)\b)|"
                   # "the same volume as in 2024", "the same pace as the revised third quarter": a base
                   r"same\s+(?:[a-z]+\s+){0,2}?as(?=\s+(?:in\s+|on\s+|for\s+)?(?:the\s+|a\s+)?(?:[^\s,;]+\s+){0,3}?(?:\d|"
                   r"previous|prior|last|year|quarter|month|half))|"
                   # "up 0.2% on the previous quarter", "+0.2% on the 3rd quarter of 2023": a change's base
                   r"on(?=\s+the\s+(?:previous|prior|preceding|same|(?:\d(?:st|nd|rd|th)|first|second|third|fourth)\s+quarter\s+of)\b))\b|"
                   # "fell by 8.9% on September 2024", "rose 10.4% on 2023": a change "on" a month or a year (not a
                   # day: "on September 12") is measured against it; the base is that month or year alone
                   r"(?P<onp>(?:(?<=%\s)|(?<=percent\s)|(?<=per\scent\s)|(?<=points\s))on\s+(?:(?-i:January|February|March|"
                   r"April|May|June|July|August|September|October|November|December)(?!\s+\d{1,2}\b)(?:\s+(?:19|20)\d\d)?|"
                   r"(?:19|20)\d\d(?!\s*(?:-|–|/)\s*\d))\b)|"
                   r"(?P<word>\b(?:(?:year|quarter|month)[\s-]on[\s-](?:year|quarter|month)|on[\s-]year|"
                   r"on[\s-]quarter)\b)|"
                   # "EUR 1,380 million (previous year: EUR 1,673 million)": a results release's label for its base,
                   # to the closing parenthesis
                   r"(?P<label>(?<=\()\s*(?:previous|prior|preceding|last)\s+(?:year|quarter|month|period)\s*:)", re.I)
_WORD_BASE = re.compile(r"(?:year|quarter|month)[\s-]on[\s-](?:year|quarter|month)|on[\s-]year|on[\s-]quarter", re.I)
_BREAK = re.compile(r";|,\s+(?:while|and|but|which|leaving|resulting|producing|bringing|taking|marking|as|with)\b|"
                    r"\s(?:while|whereas|but)\s|,\s+(?=[a-z]+ing\b)|\.\s|"
                    # "from $2.85 billion in 2000 to $27.33 billion in 2021": the figure after "to" is no base
                    r"\s+(?:to|at)\s+(?=(?:about\s+|around\s+|roughly\s+|nearly\s+)?[$€£¥]?(?!(?:19|20)\d\d\b)\d)|"
                    # "0.1 percent from the previous quarter, or an annualized 0.4 percent": the same change again
                    r",\s+or\b|"
                    # "widened from 2.6% in 2023 as spending rose 8.8%": a clause of its own, past the base
                    r"\s(?:as|because|when|while)\s+(?=(?:[a-z]+\s+){1,3}?(?:rose|fell|grew|increased|decreased|declined|"
                    r"climbed|jumped|dropped|surged|slipped|slowed|widened|narrowed)\b)|"
                    # "... from the previous three months, the statistics bureau said, short of the 0.5% forecast":
                    # a reporting clause ends the base (what follows is another clause's)
                    r",\s+(?=(?:[\w.'’-]+\s+){0,8}?(?:said|says|reported|showed|shows|estimated|announced|noted|added)"
                    r"\s*(?:on\s+\w+\s*)?,)")


# A figure of a base's own ("from 5.8%"), not an ordinal or a year ("on the 3rd quarter of 2023")
_BASE_FIGURE = re.compile(r"(?<![\w.])(?!(?:19|20)\d\d\b)\d[\d,.]*(?![\d]|st\b|nd\b|rd\b|th\b)")


@functools.lru_cache(maxsize=4096)
def segments(sentence: str) -> list[tuple[int, int, bool]]:
    """The sentence cut at comparison bases: (start, end, is_base)."""
    cuts: list[tuple[int, int, bool]] = []
    pos = 0
    for m in _BASE.finditer(sentence):
        if m.start() < pos:
            continue
        end = m.end() if m.group("word") or m.group("onp") else next((b.start() for b in _BREAK.finditer(sentence, m.end())),
                                                    len(sentence))
        if m.group("label") and ")" in sentence[m.end():]:
            end = sentence.index(")", m.end())
        if not m.group("word") and not sentence[:m.start()].strip() and "," in sentence[m.end():end]:
            end = sentence.index(",", m.end())  # "Compared with the same quarter last year, GDP was 0.3% smaller"
        paren = sentence.find("(", m.end(), end)
        if paren >= 0 and not _BASE_FIGURE.search(sentence, m.end(), paren):
            end = paren  # "a decrease of 0.3% on the previous quarter (previously: -0.1%)": the aside is the figure's
        if m.start() > pos:
            cuts.append((pos, m.start(), False))
        cuts.append((m.start(), end, True))
        pos = end
    if pos < len(sentence):
        cuts.append((pos, len(sentence), False))
    return cuts


def in_base(sentence: str, figure: tuple[int, int]) -> bool:
    """Whether the figure stands in a comparison base ("from a revised 5.8%")."""
    return any(base and a <= figure[0] < b and not _WORD_BASE.fullmatch(sentence[a:b])
               for a, b, base in segments(sentence))


def has_base(sentence: str) -> bool:
    """Whether the sentence measures against a comparison base ("from", "over", "compared with")."""
    return any(base and not _WORD_BASE.fullmatch(sentence[a:b]) for a, b, base in segments(sentence))


def base_dated(sentence: str, figure: tuple[int, int], as_of: str) -> bool:
    """Whether a drafted as-of may be a comparison base's rather than the figure's: the figure stands in a
    base, or the as-of's year is written in a base of the sentence and nowhere else in it (a claims file drafted
    before drafting read bases as align does: "climbed 23.1%, from EUR 2.7 billion in 2023" dated 2023)."""
    if in_base(sentence, figure):
        return True
    year = as_of[:4]
    if not year.isdigit():
        return False
    parts = segments(sentence)
    return any(base and year in sentence[a:b] for a, b, base in parts) and \
        not any(not base and year in sentence[a:b] for a, b, base in parts)


_ASIDE = re.compile(r"\([^()]*\)")


# A day written with its month and year ("April 1, 2024", "31 March 2025"): a date, not a figure
_DAY = re.compile(rf"\b(?:\d{{1,2}}(?:st|nd|rd|th)?\s+{_MON}\.?,?\s+{_YEAR}|{_MON}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+{_YEAR})\b",
                  re.I)


# A figure in an aside, also one a currency code is written onto as brokers write it ("(FY23: EUR1.55)",
# "(prior year: USD3.9bn)")
_ASIDE_FIGURE = re.compile(r"(?:(?<![\w.])|(?<=\b[A-Z]{3}))(?!(?:19|20)\d\d\b)\d[\d,.]*(?![\d]|st\b|nd\b|rd\b|th\b)")


def blank_asides(sentence: str, figure: tuple[int, int]) -> str:
    """The sentence with every parenthesis that holds a figure of its own, other than ``figure``, blanked
    (offsets kept): in "+1.6% y/y (consensus +1.9%; August +2.0%)" and "rose 2.0% (2.1% in August)" the
    month in parentheses dates the figures beside it there, not the figure outside. A parenthesis with
    no figure ("in the third quarter (July-September)") restates the period and stays."""
    if "(" not in sentence:
        return sentence
    out = sentence
    for m in _ASIDE.finditer(sentence):
        if m.start() <= figure[0] < m.end() or not _ASIDE_FIGURE.search(_DAY.sub(" ", m.group())):
            continue  # (a date is no figure: "FY2025 (April 1, 2024 through March 31, 2025)" restates the period)
        out = out[:m.start()] + " " * (m.end() - m.start()) + out[m.end():]
    return out


# an amount right before a parenthesis: "EBIT of USD 6.5bn (USD 3.9bn)", "EBIT 6.5bn (FY23: 3.9bn)"
_AMOUNT_BEFORE = re.compile(r"\d(?:[\d,.]*\d)?\s*(?:%|[a-zA-Z]{1,8}\.?)?\s*$")


def compared_aside(sentence: str, figure: tuple[int, int]) -> bool:
    """Whether the figure stands in a parenthesis right after another amount ("EBIT of USD 6.5bn (USD 3.9bn)",
    "EBIT 6.5bn (FY23: 3.9bn)"): a results release's figure to compare with, of another period than the one a
    heading over the list gives the amount before it."""
    for m in _ASIDE.finditer(sentence):
        if m.start() < figure[0] < m.end():  # (a bare figure, a currency or a period label before it: no "from")
            return bool(_AMOUNT_BEFORE.search(sentence, 0, m.start())
                        and _BARE.fullmatch(sentence, m.start() + 1, figure[0]))
    return False


_BARE = re.compile(r"\s*(?:[A-Z]{2,3}\$?|[$€£¥₹]|(?:FY|H[12]|Q[1-4])?\s?['’]?\d{2,4}\s*:|[a-z]+\s*:)?\s*")


# A month naming when a forecast or plan was made, not the period it is of: "the A$18.8 billion shortfall
# forecast in December's mid-year update", "the May 2023 budget", "the October outlook" (a month with a
# data word, "the September flash estimate", "August's reading", dates the figure and is left alone).
_VINTAGE = re.compile(r"\b(?:" + "|".join(sorted((m for m in _MONTHS if len(m) > 3 or m == "may"), key=len, reverse=True)) +
                      r")\.?(?:\s+(?:19|20)\d\d)?(?:['’]s)?\s+(?:(?:mid-year|half-yearly|pre-election|economic|fiscal|"
                      r"supplementary|interim|budget)\s+)?(?:update|outlook|budget|statement|projections?|review|"
                      r"mini-budget|notification|guidance)\b", re.I)


def blank_vintages(sentence: str) -> str:
    """The sentence with the months that name a forecast's or plan's making blanked (offsets kept)."""
    return _VINTAGE.sub(lambda m: " " * len(m.group()), sentence) if _VINTAGE.search(sentence) else sentence


# the month a base names as a whole ("from October", "compared with November 2023", "on March levels"), not a
# month that says which of something ("since the October meeting": an event)
_MONTH_IN_BASE = re.compile(rf"\b(?P<m>{_MON})(?:\s+(?P<y>{_YEAR}))?(?=\s*(?:[,.;:)]|$)|\s+levels?\b)", re.I)
_SINCE = re.compile(r"(?:up\s+|down\s+)?(?:since|after)\b", re.I)
_A_MONTH = re.compile(r"(\d{4})-(\d{2})")


def month_basis(sentence: str, figure: tuple[int, int], period: str) -> str:
    """"mom" or "yoy" when a month's figure is compared with a month its sentence names ("rose 0.3% from
    October" of November: the month before; "2.8% higher than in November 2023": the same month a year
    earlier), in the first comparison base after the figure; "" otherwise, and for a base that gives a value
    of its own (a month named with no year is the latest such month before the figure's)."""
    own = _A_MONTH.fullmatch(period or "")
    if not own:
        return ""
    year, month = int(own.group(1)), int(own.group(2))
    for a, b, base in segments(sentence):
        if not base or b <= figure[0]:
            continue
        if _SINCE.match(sentence, a):
            return ""  # (a change since a month, or after it, runs from a day of it: no month's base)
        m = _MONTH_IN_BASE.search(sentence, a, b)
        if m is None or _BASE_FIGURE.search(sentence, a, m.start()):
            return ""  # (a base holding a figure, "up from 2.6% in October", is the level before: no base of a change)
        mb = _MONTHS[m.group("m").lower().rstrip(".")[:3] if m.group("m").lower()[:4] != "sept" else "sep"]
        yb = int(m.group("y")) if m.group("y") else year - (mb >= month)
        gap = (year * 12 + month) - (yb * 12 + mb)
        return {1: "mom", 12: "yoy"}.get(gap, "")
    return ""


def year_before(period: str) -> str:
    """The same span a year earlier ("2024" -> "2023", "2024-02/2025-01" -> "2023-02/2024-01"); "" for any other."""
    m = re.fullmatch(r"(\d{4})((?:-\d{2})?)(?:/(\d{4})(-\d{2}))?", period or "")
    if not m:
        return ""
    out = f"{int(m.group(1)) - 1:04d}{m.group(2)}"
    return f"{out}/{int(m.group(3)) - 1:04d}{m.group(4)}" if m.group(3) else out


# Clause breaks a period seldom crosses (periods._find): another figure's clause, a concessive one
_CLAUSE_CUT = re.compile(r";|\s(?:and|but|while|whereas)\s(?=\S+['’]s\b)|,\s+(?:and|but|while|whereas|though|although)\s")


@functools.lru_cache(maxsize=1024)
def _cut_starts(text: str) -> tuple[int, ...]:
    """Where the clause breaks of ``text`` start (found once per text: a sentence is read once for
    each of its figures)."""
    return tuple(c.start() for c in _CLAUSE_CUT.finditer(text))


_CONCESSIVE = re.compile(r",\s+(?:even\s+)?(?:though|although|because|despite)\b", re.I)


def _other_figures(text: str, starts: tuple[int, ...], near: int, a: int) -> bool:
    """Whether a clause break after the figure at ``near`` and another figure come before ``a``: a period
    there is that clause's own."""
    cut = next((c for c in starts if near < c < a), None)
    return cut is not None and bool(re.search(r"\d", re.sub(r"\b(?:19|20)\d\d\b", "", text[cut:a])))


def _cuts_between(starts: tuple[int, ...], lo: int, hi: int) -> int:
    """How many clause breaks (at ``starts``) start between ``lo`` and ``hi``."""
    return bisect.bisect_left(starts, hi) - bisect.bisect_left(starts, lo) if lo < hi else 0
