"""Figures whose clause leaves the measure to the figure before it in the sentence.

English lists figures without repeating what they measure, and a reader carries it:

- a **bare list item** names nothing: "headline inflation averages 2.4% in 2024, *2.1% in 2025*",
  "GDP rose 0.9% q/q in Q3 *and 4.0% y/y*": the item measures what the figure before it measures
  (its own base or period, when it says one, stays its own);
- a **gapped clause** names its own measure but leaves out the verb: "Household consumption rose 1.5%
  on the quarter *and investment 2.1%*": investment *rose*, on the quarter. Only the change word and
  the base are carried, never the measure.

``elision(clause, figure)`` tells the two apart from the figure's own clause; ``carry(members)`` then
fills each such member from the nearest figure before it in the same sentence, of the same unit.
A carried measure is weaker evidence than a stated one: ``Member.words_from`` says where it came from.

A sentence may also name its measure once, as a topic before its first comma ("For inflation excluding
energy and food, staff project 2.9% in 2024"): ``topic`` gives that measure to a figure whose own clause
names none of the catalogue's (``analysis.statnames``).
"""

from __future__ import annotations

import re
from typing import Optional

from briefcmp.analysis import statnames
from briefcmp.corpus import units
from briefcmp.corpus.functionwords import FUNCTION_WORDS
from briefcmp.analysis.measure import (
    _DIRECTION, _EXPECTATION, _ORDINAL, _STOP, _VAGUE, _WORD, BASIS_TAGS, _meaningful, measured_words, norm_word,
)

# What a list item may say besides its figure: when, against what, and list glue.
_ITEM_WORDS = frozenset("""
respectively sa nsa sequentially seasonally annualized annualised annualizing same comparison basis
then both each apiece alone
""".split())
# Verbs that state a value: a clause with one of them is no gapped clause ("and investment was 2.1%").
_VALUE_VERBS = frozenset("""
is was were are be been being stood stands stand reached reaches reach hit hits totalled totaled totals
came comes amounted amounts averaged averages remained remains stayed stays held holds accounted accounts
made makes took takes contributed contributes came represented represents had has have saw sees see seen
""".split())
# What may stand before a gapped clause's figure besides its noun: "and services by 6.3 percent".
_GLUE = frozenset("and while whereas but the its their his her by".split())
_BY_GAP = re.compile(r"\bby\s+(?:(?:only|just|some|about|around|roughly|nearly|almost|merely|barely|another|"
                     r"a\s+further|further)\s+)?\S*$", re.I)
# Words of degree between a gapped clause's "by" and its figure: "and imports by just 9.6%".
_DEGREE = frozenset("only just some about around roughly nearly almost merely barely another further".split())
# Words that compare a figure with another rather than list it ("just under the ECB's 2% goal", "short of the").
_COMPARING = frozenset("around near short ahead behind beyond versus vs close".split())


def _opens_phrase(word: str) -> bool:
    """Whether a word may open a gapped clause before its noun: glue ("and", "while") or a modifier that
    says whose or which, not what ("and government consumption", "and total exports"), never a
    preposition or a word of comparison."""
    return word in _GLUE or (word not in FUNCTION_WORDS and word not in _COMPARING)


# Words in -ed that name a thing rather than say what it did: "gross fixed capital formation".
_ED_NOUNS = frozenset("fixed adjusted consolidated diluted listed added unlisted unadjusted".split())
_YEAR = re.compile(r"\b(?:19|20)\d\d(?:[-/]\d{2,4})?\b")
_MARGIN = re.compile(r"(?:±|\+/-|\+-)\s*$")
_BASE_BEFORE = re.compile(r"\b(?:than|over|compared\s+(?:with|to)|against|versus|from|above|below|since)\s+(?:\w+\s+)?$", re.I)


def _content(text: str) -> list[str]:
    """The words of ``text`` that could name a measure (names included): not function, period, unit,
    basis or list words."""
    text = _ORDINAL.sub(" ", _YEAR.sub(" ", text))
    out = []
    for raw in _WORD.findall(text):
        low = raw.lower()
        if len(low) < 2 or low in _STOP or low in statnames.NOISE or low in _ITEM_WORDS:
            continue
        out.append(raw)
    return out


def elision(clause: str, figure: Optional[tuple[int, int]]) -> str:
    """"bare" when the figure's clause names nothing but the figure (a period, a base), "gapped" when it
    names a measure and no verb ("and investment 2.1%"), else ""."""
    if figure is None:
        return ""
    before, after = clause[:figure[0]], clause[figure[1]:]
    if _MARGIN.search(before):
        return ""  # "(±0.5 percent)": a margin of error, no item of a list
    words_before, words_after = _content(before), _content(after)
    if not words_before and not words_after:
        return "bare"
    if re.search(r"\b(?:of|at)\s*\S*$", before):
        return ""  # "and CPI inflation of 4.5%": a noun phrase of its own, no verb left out
    if not words_before or len(words_before) > 5:  # ("2.5 percent for dairy": the noun after the figure)
        after_noun = re.match(r"\s*(?:per\s*cent|percent|%|pc)?\s+(?:for|in)\s+[A-Za-z]", after or "", re.I)
        if words_before or not after_noun:
            return ""
    tokens = [w.lower() for w in _WORD.findall(before + " " + after)]
    if any(t in _VALUE_VERBS for t in tokens):
        return ""
    content = {w.lower() for w in words_before}
    said = [w.lower() for w in _WORD.findall(before)]
    inside = [i for i, t in enumerate(said) if t in content]
    first, last = (inside[0], inside[-1]) if inside else (len(said), -1)
    if _BY_GAP.search(before):
        # the left-out verb's "by" says it is one ("and exports of goods and services by 8.3%"): the words inside
        # the noun phrase are its own ("of goods", "general government final consumption"), a word of degree may
        # follow "by" ("by only 4.7%"), and a modifier may open it ("and government consumption by 1.2%")
        stray = [t for i, t in enumerate(said) if t not in content and (
            not _opens_phrase(t) if i < first else t not in _GLUE | _DEGREE if i > last else False)]
    else:  # a noun and a figure alone ("share of final energy 28%") is a list's label as often as a gap
        stray = [t for t in said if t not in content and t not in _GLUE]
    if stray:
        return ""  # "just under the ECB's 2% goal", "above the 0.8% forecast": a comparison, not a list
    for t in tokens:
        if t.endswith(("ed", "ing")) and t not in _ED_NOUNS and len(t) > 4:
            return ""  # a verb or participle of its own ("and investment climbed 2.1%")
        if norm_word(t) in _DIRECTION:
            return ""
    return "gapped"


def item_year(clause: str, after: str = "") -> str:
    """The one year a list item writes ("2.1% in 2025"; "1.4% (2026)": ``after`` is the text after its
    clause, where a year in parentheses ends it), or ""."""
    paren = re.match(r"\s*\(((?:19|20)\d\d)\)", after)
    # (a year after "in", "for" or in parentheses; "above 2023" is a base)
    # ("15.6% more than in 2019", "up 3% over 2023", "compared with 2023": a comparison base, not the item's year)
    years = {m.group(1) for m in re.finditer(r"(?:\bin\s+|\bfor\s+|\()((?:19|20)\d\d)(?![\d/-])", clause)
             if not _BASE_BEFORE.search(clause, 0, m.start())}
    if paren:
        years.add(paren.group(1))
    return years.pop() if len(years) == 1 else ""


_ITEM_QUARTER = re.compile(r"\bin\s+the\s+(first|second|third|fourth|1st|2nd|3rd|4th)(?:\s+quarter)?\b(?!\s+(?:half|"
                           r"month|week|year|time)\b)|\bQ([1-4])\b", re.I)
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}


def item_quarter(clause: str) -> int:
    """The quarter a list item of quarters names ("7.25% in the second", "5.98% in the first quarter",
    "Q4: 7.55%"), or 0."""
    found = {_ORDINALS[m.group(1).lower()] if m.group(1) else int(m.group(2)) for m in _ITEM_QUARTER.finditer(clause)}
    return found.pop() if len(found) == 1 else 0


_WITHIN_A_YEAR = re.compile(r"(?:19|20)\d\d(?:-\d\d/(?:19|20)\d\d-\d\d)?")  # a year, or months of one


def _quarter_of(period: str, quarter: int) -> str:
    year = re.match(r"((?:19|20)\d\d)(?:-(\d\d))?", period or "")
    if not year or not quarter:
        return ""
    y = year.group(1)
    return f"{y}-{3 * quarter - 2:02d}/{y}-{3 * quarter:02d}"


_BASE_WORDS = re.compile(r"\b(?:compared\s+(?:with|to)|from|than|against|over|versus)\b", re.I)


def has_base(clause: str) -> bool:
    """Whether a list item says what it is compared with: a relative period in it is the base's."""
    return bool(_BASE_WORDS.search(clause))


def carry(members: list) -> None:
    """Fill the elided members of one brief (``Member.elided``) from the figure before them in the
    same sentence: a bare item takes that figure's measured words, a gapped one its change word; both
    take its base and period when they state none."""
    by_sentence: dict[int, list] = {}
    for m in members:
        if m.sentence >= 0 and m.at >= 0:
            by_sentence.setdefault(m.sentence, []).append(m)
    for ms in by_sentence.values():
        ms.sort(key=lambda m: m.at)
        for i, m in enumerate(ms):
            if m.item_year and m.item_year not in m.period:
                # a list item's own year is its period ("0.7% this year and 1.1% in 2025": not this year)
                m.period, m.period_how = m.item_year, "stated"
            if m.item_quarter and _WITHIN_A_YEAR.fullmatch(m.period) and m.period[:4] == (m.period[8:12] or m.period[:4]):
                # "5.98% in the first quarter, 7.25% in the second": each item its own quarter of the year
                m.period, m.period_how = _quarter_of(m.period, m.item_quarter), "stated"
            if not m.elided or m.words & _DIRECTION and m.elided == "gapped":
                continue
            if m.item_base and not m.item_year and m.period_how == "relative":
                # "rose 2.88% in October 2024 compared with the previous month and by 48.58% compared with the
                # same month of the previous year": the item's relative words date its base; it is of the
                # period the figure before states
                stated = next((p for p in reversed(ms[:i]) if p.period_how == "stated"), None)
                if stated is not None:
                    m.period, m.period_how = stated.period, "stated"
            prev = next((p for p in reversed(ms[:i]) if p.at < m.at and p.unit == m.unit and p.dim == m.dim
                         and not p.alternate), None)
            if prev is None:
                continue
            own_basis = m.basis or _bases(m.words)  # (a stated "y/y" a quarter's words leave out is still its own)
            if m.elided == "bare":
                if _meaningful(m.words - BASIS_TAGS - _EXPECTATION):
                    # the measure read from the clause before ("2.6% in September, against 3.1% in August"): the
                    # figure before's base too, when it is the same measure
                    if m.words - _bases(m.words) != prev.words - _bases(prev.words) or own_basis:
                        continue
                take = {w for w in prev.words if w not in BASIS_TAGS and not w.startswith("against ")}
            else:
                take = set(prev.words & _DIRECTION)
                if not take:
                    continue
            if not own_basis:
                take |= {w for w in prev.words if w in BASIS_TAGS or w.startswith("against ")}
            new = [w for w in prev.order if w in take and w not in m.words]
            if not new:
                continue
            m.words = m.words | frozenset(new)
            m.shown = {**{w: prev.shown.get(w, w) for w in new}, **m.shown}
            m.order = (*[w for w in prev.order if w in new], *m.order)
            m.words_from = "the figure before it in its sentence"
            if not m.period_how and prev.period_how:
                m.period, m.period_how = prev.period, prev.period_how


def _bases(words: frozenset[str]) -> frozenset[str]:
    """The base tags among ``words`` (yoy, qoq, "against 2024q2", ...)."""
    return frozenset(w for w in words if w in BASIS_TAGS or w.startswith("against "))


# "For inflation excluding energy and food, staff project ...", "As for exports, they ...": a fronted topic
_TOPIC = re.compile(r"\s*(?:For|On|As\s+for|As\s+to|Regarding|Turning\s+to|In|Under)\s+(?P<np>[^,;:.]{3,80}?),\s")
_KEPT_WITH_TOPIC = _DIRECTION | _EXPECTATION | BASIS_TAGS  # what a clause adds to its sentence's topic


def topic(sentence: str, clause: str, figure: tuple[int, int], entities, own: tuple) -> Optional[tuple]:
    """(words, shown, order) of a figure whose clause names no catalogue measure, in a sentence that names
    one as its topic before the figure; None otherwise. The clause keeps its change word, expectation and base."""
    m = _TOPIC.match(sentence)
    if not m or figure[0] < m.end():
        return None
    words, shown, order = measured_words(m.group("np"), entities, "")
    own_words, own_shown, own_order = own
    if "forecast" in words and "forecast" not in own_words:  # "In the staff projections, inflation averages ..."
        own_words, own_shown, own_order = own_words | {"forecast"}, {**own_shown, "forecast": shown["forecast"]}, \
            (*own_order, "forecast")
    if statnames.find(clause) or not statnames.find(m.group("np")):
        return (own_words, own_shown, own_order) if own_words != own[0] else None
    kept = [w for w in own_order if w in _KEPT_WITH_TOPIC and w not in words]
    return (words | frozenset(kept), {**shown, **{w: own_shown.get(w, w) for w in kept}}, (*order, *kept))


_OUTPUT_ALONE = frozenset({"output"})


_PLAIN = frozenset({"real", "annual", "overall", "total"})


def national_accounts(members: list, title: str) -> None:
    """In a report on GDP (its title names it, or its figures do and none is the output of something
    named), "output" with no other noun is the economy's: "output was up 4% on a year earlier" is GDP
    growth. ("Coal output", "factory output" name their own, and a report that has them keeps "output".)"""
    def alone(m) -> bool:
        return m.words - _KEPT_WITH_TOPIC - _PLAIN == _OUTPUT_ALONE
    titled = any("gdp" in canon for _, _, canon, _ in statnames.find(title or ""))
    if not titled and not (any("gdp" in m.words for m in members) and
                           not any("output" in m.words and not alone(m) for m in members)):
        return
    for m in members:
        if alone(m) and (m.unit in ("percent", "percentage-points") or units.is_currency(m.unit)):
            m.words = (m.words - _OUTPUT_ALONE) | {"gdp"}
            m.order = tuple("gdp" if w == "output" else w for w in m.order)
            m.shown = {("gdp" if w == "output" else w): ("GDP" if w == "output" else v) for w, v in m.shown.items()}
            m.words_from = m.words_from or "the report's title (output of the economy)"


# The components of GDP by expenditure (analysis/statnames): a report naming one beside GDP reads GDP by its demand.
_DEMAND_PARTS = frozenset({"consumption", "govconsumption", "capex", "inventory", "export", "import"})
_INVEST_ALONE = frozenset({"invest"})


def _investment_alone(m) -> bool:
    """Whether a figure's words name investment and nothing else (its change, base, expectation aside)."""
    return m.words - _KEPT_WITH_TOPIC - _PLAIN == _INVEST_ALONE


def fixed_investment(members: list) -> None:
    """In a report that reads GDP by its demand (its figures name GDP and another of its components),
    "investment" with no other noun is gross fixed capital formation, the component statistics offices
    mean by it ("Investment rose 9.5%" beside "household consumption rose 3.1%"), and reads as the
    catalogue's ``capex``. Only the economy's (the subject its GDP figures have), only a rate or an amount,
    and not in a report that names another kind of investment ("public investment", "gross capital
    formation" with its inventories): which one it meant could not be told."""
    framed = {m.subjects for m in members if "gdp" in m.words and m.subjects}
    if not framed or not any(m.words & _DEMAND_PARTS for m in members):
        return
    if any(("invest" in m.words and not _investment_alone(m)) or ("formation" in m.words and "capex" not in m.words)
           for m in members):
        return
    for m in members:
        if _investment_alone(m) and m.subjects in framed and (
                m.unit in ("percent", "percentage-points") or units.is_currency(m.unit)):
            m.words = (m.words - _INVEST_ALONE) | {"capex"}
            m.order = tuple("capex" if w == "invest" else w for w in m.order)
            m.shown = {("capex" if w == "invest" else w): v for w, v in m.shown.items()}
            m.words_from = m.words_from or "the report's national accounts (investment of the economy)"


_ASIDE = re.compile(r",\s*(?:which|who)\b[^,;:()]{0,120}?,")
_A_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")
_FIRST_BREAK = re.compile(r",\s|;|:\s|\(|\s[-–—]\s")


def sentence_subject(before: str) -> str:
    """The first clause of a sentence whose figure's own clause is only a verb and the figure ("...,
    already harvested, was put at 169.5 million tons"), ``before`` being the sentence up to that clause;
    "" when a figure stands before it (then the figure is a list item) or nothing does."""
    bare = _ASIDE.sub(lambda m: " " * len(m.group()), before)  # (a figure in ", which had stood at 3.40%," is an aside's)
    if any(not re.fullmatch(r"(?:19|20)\d\d", n.group()) for n in _A_NUMBER.finditer(bare)):
        return ""
    cut = _FIRST_BREAK.search(before)
    return (before[:cut.start()] if cut else before).strip()


def verb_only(clause: str, figure: tuple[int, int]) -> bool:
    """Whether a figure's clause says nothing but a verb, the figure and its period or base ("expanded 0.9%
    in the third quarter", "drops to 3.15%"): what it is about is the sentence's subject."""
    ws = _content(clause[:figure[0]]) + _content(clause[figure[1]:])
    return all(norm_word(w) in _DIRECTION or norm_word(w) in _VAGUE or w.lower() in _VALUE_VERBS or w.lower() in _VERB_FORMS
               for w in ws)  # (or a word of how much: "had an annual rate of 3.2%")


# change verbs in their -s form, which the words above read as nouns ("drops", "rises")
_VERB_FORMS = frozenset("drops rises falls grows climbs jumps slips eases gains expands contracts shrinks".split())
_PLUS = re.compile(r"(?<![\w+/])\+\s?(?:[A-Z]{0,3}\$|[€£¥₹])?\Z")


def signed_rise(before: str) -> bool:
    """Whether a figure is written with a plus sign ("investment +2.1% q/q", "+114,000 in July"): a rise."""
    return bool(_PLUS.search(before))
