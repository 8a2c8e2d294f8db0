"""What stands around a number and changes its reading: bounds ("about", "more than", "or more"),
references ("p. 12", "Article 9"), names ("COP 21") and definite references back ("the two countries")."""

from __future__ import annotations

import re

from briefcmp.corpus.model import Value
from briefcmp.drafting.dates import MONTHS
from briefcmp.drafting.unitwords import STOP

# Qualifier -> bound. The regex tries longer phrases first, so "just over" wins over "over".
_QUALIFIERS = [
    ("approximate", "roughly about around approximately approx. approx some nearly almost circa ca. "
                    "an_estimated estimated close_to just_about more_or_less ~"),
    ("more-than", "more_than over above exceeding in_excess_of upwards_of greater_than higher_than "
                  "just_over well_over larger_than"),
    ("less-than", "less_than fewer_than under below lower_than just_under short_of smaller_than"),
    ("at-least", "at_least no_less_than no_fewer_than not_less_than a_minimum_of"),
    ("at-most", "at_most no_more_than not_more_than a_maximum_of not_exceeding"),
    ("up-to", "up_to as_much_as as_many_as as_high_as"),
]
QUALIFIER_BOUND: dict[str, str] = {}
for _bound, _words in _QUALIFIERS:
    for _w in _words.split():
        QUALIFIER_BOUND[_w.replace("_", " ")] = _bound
QUAL_RE = re.compile(
    r"(?:^|(?<=[\s(\"'-]))(" + "|".join(re.escape(q) for q in sorted(QUALIFIER_BOUND, key=len, reverse=True))
    + r")\s*(?:an?\s+(?:additional\s+|extra\s+|further\s+)?)?$", re.I)
# Not "below the 8.02 percent recorded in 2022", "more than the 5 percent target": a qualifier before
# "the" compares with a figure named elsewhere; the figure itself is exact.

# "went up to 4.9 percent", "was revised up to 3 percent": a level reached, not a bound.
_MOVED_UP = re.compile(r"\b(?:went|gone|goes|go|going|moved?|moving|climbed|shot|jumped|pushed|revised|"
                       r"ratcheted|crept|edged|picked|ticked|stepped|scaled|ramped)\s+$", re.I)

# Words before a number that make it a reference, not a figure ("p. 12", "Article 9").
REFERENCE_WORDS = frozenset("""
p pp page pages vol vols volume volumes no nos number issue issues iss chapter chapters ch section
sections sec art article articles para paragraph paragraphs fig figure figures table tables note notes
footnote footnotes endnote ed edition part parts item items clause clauses annex appendix resolution
resolutions rule rules line lines level phase stage step version ver model type class grade route
highway flight room box tier session plenum cop
""".split())
DEFINITE = frozenset("the these those its their our his her both all".split())
CAPITALISED_OK = frozenset("""
the in on at by over about some nearly almost around roughly approximately only just more less fewer
up since for with of and or but another its all these those their our each every also then than last
next past first between from to after before during within under until while when as if although
though because whereas yet so both many most several another
""".split())


def with_bound(text: str, start: int, end: int, kind: str, value: Value) -> tuple[int, int, str, Value]:
    """Apply the qualifier before the figure (or "or more" after it) as the bound."""
    bound = "exact"
    q = QUAL_RE.search(text, max(0, start - 40), start)
    if q and not (q.group(1).lower() == "over" and preposition_over(text, q.start(1), kind)) \
            and not (q.group(1).lower() == "up to" and _MOVED_UP.search(text, max(0, q.start(1) - 20), q.start(1))):
        bound = "approximate" if q.group(1) == "~" else QUALIFIER_BOUND[q.group(1).lower()]
        start = q.start(1)
    between = re.search(r"\bbetween\s+$", text[max(0, start - 10):start], re.I)
    if between and value.upper is not None:
        start -= len(between.group())
    after = re.match(r"\s+or\s+(more|less|fewer|so)\b|\+(?!\d)|-plus\b", text[end:end + 14], re.I)
    if after and bound == "exact":
        word = (after.group(1) or "more").lower()
        bound = {"more": "at-least", "less": "at-most", "fewer": "at-most", "so": "approximate"}[word]
        end += after.end()
    if bound != "exact":
        value = Value(value.type, amount=value.amount, upper=value.upper, scale=value.scale, unit=value.unit,
                      bound=bound)
    return start, end, kind, value


def name_before(text: str, a: int) -> bool:
    """True when the number follows a capitalised word that is not a function word: COP 21, Boeing 737."""
    m = re.search(r"([A-Za-z][\w'.-]*)\s+$", text[max(0, a - 40):a])
    if not m:
        return False
    word = m.group(1)
    low = word.lower().rstrip(".")
    return word[0].isupper() and low not in CAPITALISED_OK and low not in MONTHS and low not in QUALIFIER_BOUND


def reference_before(before: str) -> bool:
    m = re.search(r"([A-Za-z§]+)\.?\s*$", before)
    return bool(m) and (m.group(1).lower() in REFERENCE_WORDS or m.group(1) == "§")


def definite_before(before: str) -> bool:
    m = re.search(r"(\w+)\s+$", before)
    if m and m.group(1).lower() == "all" and re.search(r"\b(?:by|of|from|among|between|with)\s+all\s+$", before, re.I):
        return False  # "approval by all eleven member states": a count of the whole
    return bool(m) and (m.group(1).lower() in DEFINITE or before.rstrip().endswith("'s"))


def selective(tail: str) -> bool:
    """A superlative or "top"/"major" between number and noun selects: "the seven largest banks"."""
    return bool(re.search(r"\b(?:[a-z]+est|[a-z]+most|top|major|biggest|leading|most\s+\w+)\b", tail, re.I))


def preposition_over(text: str, q: int, kind: str) -> bool:
    """"a dispute over four islands", "50 billion yen over ten years": "over" as a preposition.

    Before a duration "over" means "during" unless a preposition comes first ("in over
    four years"); before a count it is a preposition after a noun ("dispute over").
    """
    m = re.search(r"([A-Za-z]+)\s+$", text[max(0, q - 30):q])
    word = m.group(1).lower() if m else ""
    if kind == "duration":
        return word not in ("in", "for", "of", "than", "after", "within", "since")
    if kind != "count" or not word:
        return False
    return word.endswith(("ute", "ion", "ict", "ol", "ty", "ence", "ance", "ment", "sy")) and word not in STOP
