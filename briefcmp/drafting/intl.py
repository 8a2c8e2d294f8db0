"""Figures of a text in a language other than English: Japanese, Korean, Chinese, and continental
European languages that write a decimal comma.

``find_intl_figures`` returns ``figures.Figure`` objects like the English finder, from the
numbers and units of ``cjknumbers`` or ``eunumbers``. It drafts what a reviewer can check
at a glance -- money, percentages, percentage points, multiples and counts with a counter
-- and leaves bare numbers alone (precision first: a wrong figure costs more than a miss).

Each figure takes the period its sentence states: the nearest one before it (these
languages put the time first: 2024年度の防衛費は...), else the nearest after it, else the
one period of the sentence before in the same paragraph, else the first period of the body
(the one the text is about). A relative period (前年度の, 지난해) dates the figure right after it,
or the whole sentence it opens; a comparison base (前年比, 전년 대비, 前年度から, ...보다) and a
bound (2005년 이후) date none.
"""

from __future__ import annotations

import bisect
import re
from typing import Optional

from briefcmp.corpus.language import CJK
from briefcmp.corpus.model import PartialDate, Period, Value
from briefcmp.corpus.numerals import NUMBER, number_value, scaled
from briefcmp.drafting import cjknumbers as cjk
from briefcmp.drafting import eunumbers as eu
from briefcmp.drafting.figures import Figure
from briefcmp.drafting.spans import SpanSet, excluded_spans
from briefcmp.drafting.unitwords import prefix_currency  # "$", "US$", "€", "EUR": as in English text

_CJK_BOUND_BEFORE = (("約", "approximate"), ("およそ", "approximate"), ("ほぼ", "approximate"), ("거의", "approximate"), ("약", "approximate"), ("대략", "approximate"),
                     ("最大", "up-to"), ("최대", "up-to"), ("最高", "up-to"), ("最低", "at-least"), ("최소", "at-least"))
_CJK_BOUND_AFTER = (("以上", "at-least"), ("이상", "at-least"), ("超", "more-than"), ("초과", "more-than"),
                    ("余り", "more-than"), ("あまり", "more-than"), ("強", "more-than"), ("넘", "more-than"),
                    ("未満", "less-than"), ("미만", "less-than"), ("以下", "at-most"), ("이하", "at-most"),
                    ("程度", "approximate"), ("前後", "approximate"), ("近く", "approximate"), ("정도", "approximate"),
                    ("가량", "approximate"), ("弱", "less-than"), ("左右", "approximate"), ("多", "more-than"),
                    ("を超", "more-than"), ("を上回", "more-than"), ("를 넘", "more-than"), ("을 넘", "more-than"),
                    ("를 웃돌", "more-than"), ("을 웃돌", "more-than"), ("を下回", "less-than"), ("를 밑돌", "less-than"),
                    ("을 밑돌", "less-than"), ("台", "approximate"), ("대", "approximate"))  # 1％台, 1조 원대: in the range
_EU_BOUND_BEFORE = re.compile(r"(?:rund|etwa|ca\.|circa|knapp|fast|beinahe|environ|près\s+de|quelque|"
                              r"aproximadamente|cerca\s+de|ongeveer)\s+$", re.I)
_EU_MORE = re.compile(r"(?:mehr\s+als|über|plus\s+de|más\s+de|oltre|meer\s+dan)\s+$", re.I)
_EU_LESS = re.compile(r"(?:weniger\s+als|unter|moins\s+de|menos\s+de|meno\s+di|minder\s+dan)\s+$", re.I)
_RATE = re.compile(r"=\s?\S*\||\|\s?=|당\s?\||あたり\s?\||当たり\s?\||兑")
_MINUS_BEFORE = re.compile(r"(?:マイナス|마이너스|△|▲|-)$")


def find_intl_figures(text: str, language: str, *, published: Optional[PartialDate] = None,
                      sentence_spans: Optional[list[tuple[int, int]]] = None, fiscal_start: int = 1) -> list[Figure]:
    """Every figure of ``text`` (a prepared text in ``language``), in text order."""
    from briefcmp.corpus import sentences as _sentences

    if sentence_spans is None:
        sentence_spans = [(s.start, s.end) for s in _sentences.split(text)]
    sentences = sorted(sentence_spans)
    blocked = SpanSet(excluded_spans(text))
    if language in CJK:
        periods = cjk.find_periods(text, fiscal_start, published)
        raw = sorted(_cjk_figures(text, periods), key=lambda f: f[0])
    else:
        periods = [cjk.PeriodMention(p.start, p.end, p.period, p.kind) for p in eu.find_periods(text, language)]
        raw = list(_eu_figures(text, language, periods))
    return _dated(text, raw, periods, sentences, blocked, published, fiscal_start)


# ---------------------------------------------------------------- numbers with their units

def _cjk_figures(text: str, periods: list[cjk.PeriodMention]):
    taken = SpanSet((p.start, p.end) for p in periods)
    for m in cjk.PERCENT_OF.finditer(text):
        value = cjk.percent_of(m)
        if value is not None and not taken.overlaps(*m.span()):
            taken.add(*m.span())
            yield m.start(), m.end(), "percent", Value("quantity", amount=_tidy(value), unit="percent")
    skip = -1  # the end of a range's upper end, already drafted with its lower one
    for m in NUMBER.finditer(text):
        a, b = m.span()
        token = m.group().rstrip()
        b = a + len(token)
        if a < skip or taken.overlaps(a, b) or _glued(text, a, b):
            continue
        rng = _cjk_range(text, b, token)
        if rng is not None:
            skip = rng[0]
            yield (a,) + rng
            continue
        value = number_value(token)
        if value is None:
            continue
        if text[a - 1:a] == "第" and text[b:b + 1] in ("大", "位", "名"):
            yield a - 1, b + 1, "rank", Value("rank", amount=value)  # 第一大贸易伙伴, 第3位: a rank
            continue
        currency, cur_start = prefix_currency(text, a)
        unit = cjk.unit_after(text, b)
        odd = None
        if unit is None and text[b:b + 1] in ("여", "余", "多"):
            unit, odd = cjk.unit_after(text, b + 1), "more-than"  # "1000여 명", "1000多人": a thousand-odd
        if currency and (unit is None or unit.kind == "money"):
            unit = cjk.Unit("money", currency, unit.end if unit else b)
        if unit is None:
            continue
        if cjk.vague_before(text, a) and not text[a - 1:a] in ("約", "약"):
            continue
        if re.fullmatch(r"[〇一二三四五六七八九十]", token) and unit.kind == "count":
            continue  # 一人, 三社: a word more often than a count ("一人ひとり", "三社協議")
        if re.fullmatch(r"[十百千万億兆]+", token) or text.startswith("単位", unit.end):
            continue  # "百万円単位", "千円札": a unit named, no amount
        start = cur_start if currency else a
        end = unit.end
        bound = "exact"
        for word, b_ in _CJK_BOUND_BEFORE:
            if text[max(0, start - len(word) - 1):start].rstrip().endswith(word):
                bound = b_
        for word, b_ in _CJK_BOUND_AFTER:
            if text.startswith(word, end):
                bound, end = b_, end + len(word)
                break
        bound = odd or bound
        if unit.kind == "money" and _RATE.search(text[max(0, start - 4):start] + "|" + text[end:end + 3]):
            continue  # an exchange rate ("1ドル=150円", "달러당 1,300원"), not an amount of money
        minus = _MINUS_BEFORE.search(text[max(0, start - 4):start])
        if minus:
            value, start = -value, start - len(minus.group())
        if unit.kind == "rank":
            yield start, end, "rank", Value("rank", amount=value)
            continue
        yield start, end, unit.kind, _value(value * unit.factor, unit, bound)


_RANGE_SIGN = re.compile(r"\s?[~〜～\-－]\s?")


def _cjk_range(text: str, b: int, token: str):
    """"2～3％", "10만~20만 명", "5000億～1兆円": (end, kind, value) of a range, or None (not "5%から10%": a change)."""
    sign = _RANGE_SIGN.match(text, b)
    if not sign or cjk.unit_after(text, b) is not None:
        return None
    second = NUMBER.match(text, sign.end())
    if not second:
        return None
    low, high = number_value(token), number_value(second.group().rstrip())
    end2 = sign.end() + len(second.group().rstrip())
    unit = cjk.unit_after(text, end2)
    if low is None or high is None or unit is None or unit.kind not in ("money", "percent", "points", "count") \
            or not low < high:
        return None
    if not re.search(r"[兆億亿万萬조억만]", token) and re.search(r"[兆億亿万萬조억만]", second.group()):
        big = re.search(r"[兆億亿万萬조억만]+", second.group()).group()  # "2～3万人": the unit is written once
        low = number_value(token + big) or low
    size, scale = next(((x, w) for x, w in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))
                        if high * unit.factor >= x), (1.0, ""))
    if unit.kind not in ("money", "count") or size == 1.0:
        size, scale = 1.0, ""
    return unit.end, unit.kind, Value("quantity", amount=_tidy(low * unit.factor / size),
                                      upper=_tidy(high * unit.factor / size), scale=scale, unit=unit.unit)


def _glued(text: str, a: int, b: int) -> bool:
    """Digits that are part of a name or code: "F-35", "G7", "COVID-19", "5G", "3号"."""
    prev = text[a - 1] if a else " "
    nxt = text[b] if b < len(text) else " "
    if re.match(r"[A-Za-z_#/]", prev) or (prev == "-" and a > 1 and re.match(r"[A-Za-z0-9]", text[a - 2])):
        return True
    return bool(re.match(r"[A-Za-z]", nxt)) and not text.startswith(("%p", "%pt"), b)


def _value(amount: float, unit, bound: str) -> Value:
    if unit.kind == "money" or (unit.kind == "count" and abs(amount) >= 1e6):
        amount, scale = scaled(amount)
    else:
        scale = ""
    return Value("quantity", amount=_tidy(amount), scale=scale, unit=unit.unit, bound=bound)


def _tidy(x: float) -> float:
    return float(f"{x:.10g}")


_EU_RANGE = re.compile(r"\s?(?:-|(?:bis|tot|und|et|à|a|y|e)\b)\s?", re.I)  # after "zwischen" / "entre" for und / et


def _eu_figures(text: str, lang: str, periods: list[cjk.PeriodMention]):
    taken = SpanSet((p.start, p.end) for p in periods)
    found = eu.numbers(text, lang)
    skip = -1
    for i, n in enumerate(found):
        a, b = n.start, n.end
        if a < skip or taken.overlaps(a, b) or _glued(text, a, b):
            continue
        currency, cur_start = prefix_currency(text, a)
        unit = eu.unit_after(text, b, lang)
        sign = _EU_RANGE.match(text, b) if unit is None and i + 1 < len(found) else None
        if sign and found[i + 1].start == sign.end() and found[i + 1].value > n.value and \
                (sign.group().strip().lower() not in ("und", "et", "y", "e") or
                 re.search(r"(?:zwischen|entre|tra|fra)\s+$", text[max(0, a - 12):a], re.I)):
            upper = eu.unit_after(text, found[i + 1].end, lang)  # "2 bis 3 Prozent", "entre 2 et 3 %": one unit
            if upper is not None and upper.kind in ("percent", "points", "money"):
                skip = found[i + 1].end
                hi = _value(found[i + 1].value * upper.factor, upper, "exact")
                size = {"trillion": 1e12, "billion": 1e9, "million": 1e6}.get(hi.scale, 1.0)
                yield a, upper.end, upper.kind, Value("quantity", amount=_tidy(n.value * upper.factor / size),
                                                     upper=hi.amount, scale=hi.scale, unit=upper.unit), ""
                continue
        if currency:
            if unit is not None and unit.kind in ("percent", "points"):
                continue
            unit = eu.Unit("money", currency, unit.end if unit else b, unit.factor if unit else 1.0)
        if unit is None or unit.kind == "scaled":
            continue
        start = cur_start if currency else a
        before = text[max(0, start - 30):start]
        bound = "approximate" if _EU_BOUND_BEFORE.search(before) else "more-than" if _EU_MORE.search(before) \
            else "less-than" if _EU_LESS.search(before) else "exact"
        value = n.value * unit.factor
        if text[start - 1:start] == "-" and (start < 2 or text[start - 2] in " (\n"):
            value, start = -value, start - 1
        yield start, unit.end, unit.kind, _value(value, unit, bound), n.ambiguous


# ---------------------------------------------------------------- periods

def _joined(gap: str) -> bool:
    """Whether a relative period and the figure after it are one phrase: no clause break or number between."""
    return len(gap) <= 8 and not re.search(r"[、，,。;；\d]|\s\S+\s", gap)


def _lead_period(text: str, periods: list[cjk.PeriodMention]) -> Optional[Period]:
    """The period the text is about: the first one its body (after the header's blank line) states.

    A figure in a paragraph that names no period ("主な内訳では、...に7340億円") holds for it.
    """
    body = text.find("\n\n")
    for p in periods:
        if p.start >= max(body, 0) and p.period is not None and p.kind not in ("since", "date", "relative"):
            return p.period
    return None


def _dated(text: str, raw: list, periods: list[cjk.PeriodMention], sentences: list[tuple[int, int]],
           blocked: SpanSet, published: Optional[PartialDate], fiscal_start: int) -> list[Figure]:
    starts = [s for s, _ in sentences]
    pstarts = [p.start for p in periods]

    def sentence_of(a: int) -> tuple[int, int]:
        i = bisect.bisect_right(starts, a) - 1
        return sentences[i] if i >= 0 and a < sentences[i][1] else (a, a)

    def periods_in(s: int, e: int) -> list[cjk.PeriodMention]:
        return periods[bisect.bisect_left(pstarts, s):bisect.bisect_left(pstarts, e)]

    def carried(s: int) -> Optional[Period]:
        """The one period of the sentence before in the same paragraph: "2023年の輸出は...。輸入は..."."""
        i = bisect.bisect_right(starts, s) - 2
        if i < 0 or "\n\n" in text[sentences[i][1]:s]:
            return None
        prev = {str(p.period): p.period for p in periods_in(*sentences[i])
                if p.period is not None and p.kind not in ("since", "date")}
        return next(iter(prev.values())) if len(prev) == 1 else None

    def own_period(s: int, e: int, a: int, b: int) -> Optional[Period]:
        found = periods_in(s, e)
        explicit = [p for p in found if p.period is not None and p.kind not in ("since", "date")]
        # A relative period dates the figure just after it ("前年度当初予算の6兆8219億円"), never one further on.
        rel = next((p for p in reversed(found) if p.kind == "relative" and p.end <= a and
                    _joined(text[p.end:a])), None)
        if rel is None and not any(p.end <= a for p in explicit):
            # "지난해 반도체 부문 영업손실은 14조 원": a relative period that opens the sentence dates all of it.
            # (not one that dates another figure: "前年度の6兆8219億円から0.9ポイント上昇")
            rel = next((p for p in found if p.kind == "relative" and p.end <= a and p.start - s <= 12 and
                        not any(p.end <= fs < a and _joined(text[p.end:fs]) for fs, _ in figures_in(s, a))), None)
        if rel is not None:
            ref = explicit[0].period if explicit else carried(s) or lead or (Period(published) if published else None)
            return cjk.relative_period(rel, text, ref, fiscal_start, published)
        # Not a period that dates the base of a comparison before the figure ("올해 본예산 638조 원보다 2.8%").
        here = figures_in(s, a)

        def dates_a_base(p: cjk.PeriodMention) -> bool:  # the first figure after it is a base: "6월(2.4%)보다"
            first = next(((fs, fe) for fs, fe in here if fs >= p.end), None)
            return first is not None and first[1] <= a and bool(cjk.BASE_AFTER.match(text, first[1]))

        before = [p for p in explicit if p.end <= a and not dates_a_base(p)]
        if before:
            return before[-1].period
        after = [p for p in explicit if p.start >= b]
        if after:
            return after[0].period
        return carried(s) or lead

    lead = _lead_period(text, periods)
    figure_spans = sorted((item[0], item[1]) for item in raw)
    figure_starts = [fs for fs, _ in figure_spans]

    def figures_in(s: int, e: int) -> list[tuple[int, int]]:
        """The figures starting in [s, e): one sentence's, found by binary search (linear in the text)."""
        return figure_spans[bisect.bisect_left(figure_starts, s):bisect.bisect_left(figure_starts, e)]

    figures: list[Figure] = []
    for item in raw:
        start, end, kind, value = item[:4]
        if blocked.overlaps(start, end):
            continue
        s, e = sentence_of(start)
        e = max(e, end)
        period = own_period(s, e, start, end)
        figures.append(Figure(kind, value, start, end, (s, e), period, note=item[4] if len(item) > 4 else ""))
    return figures
