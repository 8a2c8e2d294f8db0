"""The period expressions ``analysis.periods`` reads, in rank order: a longer or surer form first ("fiscal 2024"
before "2024", "the year to March" before "March"), each a kind ``periods._one`` reads into an as-of. Split from
``periods`` (its size); ``titleperiods`` reads titles and headings with the same list.
"""

from __future__ import annotations

import re

from briefcmp.analysis.periodbases import _MON, _YEAR

# A day written before its month ("to 30 June 2024", "ended 31st of March"): the month's end, read as the month
_DAY_FIRST = r"(?:\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?)?"

_PATTERNS: list[tuple[str, re.Pattern]] = [
    # "the quarter ended 30 September", "the third quarter ended September 30, 2024", "the half-year to June": the
    # three or six months that end in that month (not the month)
    ("months-to", re.compile(rf"\b(?:the\s+)?(?:(?:first|second|third|fourth|final|1st|2nd|3rd|4th)\s+)?(?:(?:fiscal|financial)\s+)?"
                             rf"(?P<part>quarter|half[\s-]year|half)\s+(?:that\s+|which\s+)?(?:ended|ending|to|through)\s+(?:in\s+)?"
                             rf"(?:(?:the\s+)?end[\s-]+(?:of\s+)?)?{_DAY_FIRST}(?P<m1>{_MON})(?:\s+\d{{1,2}}(?!\d)(?:st|nd|rd|th)?,?)?"
                             rf"(?:\s+(?:of\s+)?(?P<y>{_YEAR}))?(?![\w-])", re.I)),
    # "the fiscal year that ended in March", "the year to March": twelve months ending in that month
    # "the year through October" and "the 12 months to October" are the same twelve months
    ("year-to", re.compile(rf"\b(?:the\s+)?(?:(?:fiscal|financial)\s+)?(?:year|(?:12|twelve)[\s-]months?)\s+(?:that\s+|which\s+)?"
                           rf"(?:ended|ending|ends|to|through)\s+(?:in\s+)?(?:(?:the\s+)?end[\s-]+(?:of\s+)?)?{_DAY_FIRST}(?P<m1>{_MON})(?:\s+\d{{1,2}}(?!\d)(?:st|nd|rd|th)?,?)?(?:\s+(?:of\s+)?(?P<y>{_YEAR}))?", re.I)),
    # "FY3/25", "FY 3/2025", "FY25 (Mar YE)", "FY2025 (March year-end)": a fiscal year named with the month it ends in
    ("fy-end", re.compile(rf"\bFY\s?(?:(?P<mn>1[0-2]|0?[1-9])/(?P<yy>\d{{2}}|{_YEAR})|['’]?(?P<yy2>\d{{2}}|{_YEAR})\s*\(?\s*"
                           rf"(?P<m1>{_MON})\s+(?:YE|year[\s-]?end)\)?)(?![\w/-])", re.I)),
    # "the three months to September", "the six months ended June 2024": the months that end in that month
    ("months-to", re.compile(rf"\b(?P<n>three|six|nine|3|6|9)\s+months\s+(?:that\s+|which\s+)?(?:to|through|ended|"
                             rf"ending)\s+(?:in\s+)?(?:(?:the\s+)?end[\s-]+(?:of\s+)?)?{_DAY_FIRST}(?P<m1>{_MON})(?:\s+\d{{1,2}}(?!\d)(?:st|nd|rd|th)?,?)?(?:\s+(?:of\s+)?(?P<y>{_YEAR}))?", re.I)),
    # "April 1, 2024 through March 31, 2025", "1 April 2024 to 31 March 2025": a span of days, read as its months
    ("months", re.compile(rf"\b(?:\d{{1,2}}\s+)?(?P<m1>{_MON})\s+(?:\d{{1,2}}(?:st|nd|rd|th)?,?\s+)?(?P<y1>{_YEAR})\s*"
                          rf"(?:-|–|to|through|until)\s*(?:\d{{1,2}}\s+)?(?P<m2>{_MON})\s+(?:\d{{1,2}}(?:st|nd|rd|th)?,?\s+)?"
                          rf"(?P<y>{_YEAR})\b", re.I)),
    # "1 September – 30 November 2024", "between 1 February and 10 March", "September 1 to November 30, 2024": a span
    # of days whose year is written once (or not at all), read as its months
    ("months", re.compile(rf"\b(?:between\s+|from\s+)?(?:(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m1>{_MON})|"
                          rf"(?P<b1>{_MON})\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?)\s*(?:-|–|to|through|until|and)\s*"
                          rf"(?:\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m2>{_MON})|(?P<b2>{_MON})\s+\d{{1,2}}(?:st|nd|rd|th)?)"
                          rf"(?:,?\s+(?P<y>{_YEAR}))?(?![\w-])", re.I)),
    # "July 2024 through September 2024", "November 2023 to January 2024": a span, each end with its year
    ("months", re.compile(rf"\b(?P<m1>{_MON})\s+(?P<y1>{_YEAR})\s*(?:-|–|to|through)\s*(?P<m2>{_MON})\s+"
                          rf"(?P<y>{_YEAR})\b", re.I)),
    ("months", re.compile(rf"\b(?:between\s+(?P<b1>{_MON})\s+and\s+(?P<b2>{_MON})|(?P<m1>{_MON})\s*(?:-|–|to|through)\s*"
                          rf"(?P<m2>{_MON}))(?:\s+period)?"
                          rf"(?:\s+(?:of\s+)?(?P<y>{_YEAR}))?", re.I)),
    ("month", re.compile(rf"\b(?P<m1>{_MON})\s+(?P<y>{_YEAR})\b", re.I)),
    # "H1 FY25", "2H FY2025", "the first half of fiscal 2025", "the third quarter of FY24": a part of a fiscal year,
    # counted from the issuer's first month (none when unknown; never the calendar's half nor the whole year)
    ("fiscal-quarter", re.compile(rf"\b(?:(?:H(?P<hn>[12])|(?P<hn2>[12])H)\s*FY\s?['’]?(?P<yy>\d{{2}}|{_YEAR})|(?:the\s+)?"
                                  rf"(?:(?P<h>first|second|1st|2nd)\s+half|(?P<q>first|second|third|fourth|final|1st|2nd|3rd|4th)"
                                  rf"\s+quarter)\s+of\s+(?:the\s+)?(?:FY\s?['’]?(?P<yy2>\d{{2}}|{_YEAR})|(?:fiscal|financial)\s+(?:year\s+)?"
                                  rf"(?P<fy>{_YEAR})(?:[-/–](?P<fy2>\d{{2}}|{_YEAR}))?))\b", re.I)),
    # "2023's fourth quarter", "last year's third quarter", "2024's first half": the year's own part of it
    ("quarter", re.compile(rf"\b(?:(?P<y>{_YEAR})|(?P<rel>last|this|next)\s+year)['’]s\s+(?P<q>first|second|third|fourth|final|"
                           rf"last|1st|2nd|3rd|4th)[\s-]+quarter\b", re.I)),
    ("half", re.compile(rf"\b(?:(?P<y>{_YEAR})|(?P<rel>last|this|next)\s+year)['’]s\s+(?P<h>first|second|1st|2nd)\s+half\b",
                        re.I)),
    ("quarter", re.compile(rf"\b(?:in\s+)?(?:the\s+)?(?P<q>first|second|third|fourth|final|last|1st|2nd|3rd|4th)"
                           rf"[\s-]+quarter(?:\s+of\s+(?:(?P<y>{_YEAR})|(?P<rel>last|this|next)\s+year))?", re.I)),
    # ("Q2:2024-25", an RBI form: a quarter of the fiscal year 2024-25, counted from the country's first month)
    ("quarter", re.compile(rf"\b(?:Q(?P<qn>[1-4])\s*:?\s*(?P<y>{_YEAR})(?P<fy>[-–/]\d{{2}}(?!\d))?)(?![\w-])")),
    # "Q4 FY24", "FY25 Q3": a quarter of a fiscal year, counted from the issuer's first month (none when unknown)
    ("fiscal-quarter", re.compile(r"\b(?:Q(?P<qn>[1-4])\s*FY\s?['’]?(?P<yy>\d{2}|(?:19|20)\d{2})|FY\s?['’]?(?P<yy2>\d{2}|"
                                  r"(?:19|20)\d{2})\s*Q(?P<qn2>[1-4]))\b")),
    # "3Q24", "3Q 2024", "Q3'24", "Q3-24": a quarter in analysts' shorthand
    ("quarter", re.compile(r"\b(?:(?P<qn>[1-4])Q\s?(?P<yy>\d{2}|(?:19|20)\d{2})|Q(?P<qn2>[1-4])\s?['’-]\s?(?P<yy2>\d{2}))\b")),
    # "Q3 GDP surprises again", "in 3Q", "beats forecasts in Q3": a quarter with no year, of the year the text
    # is published in (not a fiscal quarter: "Q3 FY2025", "FY25 Q3")
    ("quarter", re.compile(r"(?<![\w/–-])(?<!FY\s)(?<!FY\d\d\s)(?<!Q\d\s-\s)(?:Q(?P<qn>[1-4])|(?P<qn3>[1-4])Q)\b"
                           r"(?![\s'’–-]*(?:\d|FY|[Ff]iscal|Q\d))")),
    # "the first half of 2024", "H1 2024", "1H24", "in the first half" (of the year published in)
    ("half", re.compile(rf"\b(?:(?:the\s+)?(?P<h>first|second|1st|2nd)\s+half(?:\s+of\s+(?:(?P<y>{_YEAR})|"
                        rf"(?P<rel>last|this|next)\s+year|the\s+year))?|H(?P<hn>[12])\s?(?P<y2>{_YEAR})|"
                        r"(?P<hn2>[12])H\s?(?P<yy>\d{2}|(?:19|20)\d{2}))\b(?!\s*(?:FY|fiscal))", re.I)),
    ("quarter-month", re.compile(rf"\b(?:the\s+)?(?P<mq>March|June|September|December)\s+quarter"
                                 rf"(?:\s+(?:of\s+)?(?P<y>{_YEAR}))?", re.I)),
    ("fiscal-span", re.compile(rf"\b(?:fiscal(?:\s+year)?|FY|financial\s+year)\s?(?P<y>{_YEAR})\s?[-/–]\s?(?P<y2>\d{{2}}|{_YEAR})\b", re.I)),
    ("fiscal", re.compile(rf"\b(?:fiscal(?:\s+year)?|FY)\s?(?P<y>{_YEAR})\b", re.I)),
    # "FY26", "FY'25": a fiscal year named by two digits, the year it ends in (India, the US, Australia)
    ("fiscal-end", re.compile(r"\bFY\s?['’]?(?P<yy>\d{2})\b(?!\s*[-/–]\d)")),
    ("fiscal", re.compile(rf"\b(?:the\s+)?(?:fiscal|financial)\s+year\s+(?P<y>{_YEAR})\b", re.I)),
    ("fiscal", re.compile(rf"\b(?P<y>{_YEAR})\s+(?:fiscal|financial)\s+year\b", re.I)),
    ("fiscal-span", re.compile(rf"\b(?P<y>{_YEAR})\s?[-/–]\s?(?P<y2>\d{{2}}|{_YEAR})\b(?!\s*[-/]\d)")),
    ("fiscal-rel", re.compile(r"\b(?:the\s+)?(?P<rel>current|this|next|coming|upcoming|previous|last)\s+"
                              r"(?:(?:fiscal|financial)\s+year\b|fiscal\b(?!\s+(?!year\b)[a-z]))", re.I)),
    ("fiscal-rel", re.compile(r"\bthe\s+(?:fiscal|financial)\s+year\s+(?P<rel>start)(?:ing|s)\s+(?:in\s+)?(?:"
                              rf"{_MON})(?:\s+1)?\b", re.I)),
    ("quarter-before", re.compile(r"\b(?:the\s+)?(?:previous|prior|preceding)\s+(?:three[\s-]months?(?:\s+period)?|"
                                  r"quarter)\b", re.I)),
    ("month-last", re.compile(r"\b(?P<rel>last|this|previous|past)\s+month\b(?!['’]s\b)", re.I)),
    # "the 215,000 average of the last year", "over the past 12 months": the twelve months to publication
    ("trailing", re.compile(r"\bthe\s+(?:(?:last|past)\s+year|(?:last|past|prior|previous|preceding)\s+(?:12|twelve)\s+"
                            r"months)\b", re.I)),
    # "over the last four quarters": the four quarters to the latest ended before publication
    ("quarters-trailing", re.compile(r"\bthe\s+(?:last|past|previous|preceding)\s+(?:four|4)\s+quarters\b", re.I)),
    # "in the first nine months of the year", "the first six months of 2024": January to that month
    ("months-first", re.compile(rf"\bthe\s+first\s+(?P<n>two|three|four|five|six|seven|eight|nine|ten|eleven|[2-9]|1[01])\s+"
                                rf"months(?:\s+of\s+(?:(?P<y>{_YEAR})|(?P<rel>this|last)\s+year|the\s+year))?\b", re.I)),
    # "the first three quarters of 2024": January to September; "9M24", "9M 2024", "6M 2025": a broker's months to date
    ("months-first", re.compile(rf"\bthe\s+first\s+(?P<q>two|three|2|3)\s+quarters(?:\s+of\s+(?:(?P<y>{_YEAR})|"
                                rf"(?P<rel>this|last)\s+year|the\s+year))?\b", re.I)),
    ("months-first", re.compile(rf"\b(?P<nm>[2-9]|1[01])M\s?(?:(?P<y2>{_YEAR})|(?P<yy>\d{{2}}))\b")),
    ("year-rel", re.compile(r"\b(?P<rel>last|this|next|past|current)\s+year\b(?!['’]s\s+(?:first|second|third|fourth|final|"
                            r"last)\s+quarter)", re.I)),
    ("year-rel", re.compile(r"\b(?:the\s+)?(?P<rel>previous|prior)\s+year\b|\bthe\s+year\s+(?P<rel2>before)\b", re.I)),
    # "from 5.4 billion a year earlier": in a base, the base's period ("grew 5% from a year earlier": never a period)
    ("year-rel", re.compile(r"(?<!\bfrom\s)(?<!\bon\s)(?<!\bthan\s)(?<!\bover\s)(?<!\bagainst\s)(?<!\bwith\s)"
                            r"(?<!\bto\s)(?<!\bversus\s)\ba\s+year\s+(?P<rel3>earlier|ago|before)\b", re.I)),
    ("year", re.compile(rf"\b(?:calendar\s+(?:year\s+)?)?(?P<y>{_YEAR})\b(?!\s*[-/–]\s*\d)")),
    # A month named alone ("in November", "November's figure"), capitalised and no day after it; "May"
    # only after a preposition (else it is the verb).
    ("month-rel", re.compile(r"\b(?:(?P<m1>January|February|March|April|June|July|August|September|October|"
                             # "1.6 pct in Sept.", "Sept inflation": a headline's short month ("Jan", a name, after
                             # a preposition only)
                             r"November|December|(?:Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b(?!['’-])(?!\.?\s*\d)|"
                             r"(?:(?<=\bin )|(?<=\bfor )|(?<=\bof ))Jan\b(?!\.?\s*\d))|(?:(?<=\bin )|(?<=\bfor )|(?<=\bof )|(?<=\bsince )|(?<=\bduring ))"
                             r"(?P<may>May)|(?P<mays>May)(?=['’]s\b))\b(?!\s*\d)(?!\s+quarter)")),
]
