"""Numbers, units and periods as Japanese, Korean and Chinese write them.

- Numbers: digits (full-width ones are folded to ASCII by ``sentences.prepare``) and kanji
  numerals with the myriad units 万/億/兆 (Korean 만/억/조, Chinese 亿) and 千/百/十 (천/백/십):
  ``7兆9496億`` is 7,949,600,000,000 and ``273억`` 27,300,000,000. The value is read by
  ``kanjize`` (imported only for a text in these languages).
- Units after a number: currencies (円, ドル, 元, 원, 달러, ...), percent (%, パーセント, 퍼센트),
  percentage points (ポイント, 포인트, %p), multiples (倍, 배) and a few counters (人, 명, 件, 社, トン).
- Periods: 2024年 (a year), 2024年度 and 令和6年度 (fiscal years; eras by ``japanera``),
  2024年3月, 2023年10～12月期 and 2023년 4분기 (quarters), 上半期 / 상반기 (halves), and the
  relative 前年 / 前年度 / 전년. A comparison base (前年比, 前年同期比, 전년 대비, 同比) is not a
  period: it says what a change is measured against.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from briefcmp.corpus.model import PartialDate, Period
from briefcmp.corpus.numerals import number_value

# ---------------------------------------------------------------- units after a number

_CURRENCIES = (
    ("米ドル", "USD"), ("ドル", "USD"), ("円", "JPY"), ("人民元", "CNY"), ("ユーロ", "EUR"), ("ポンド", "GBP"),
    ("ウォン", "KRW"), ("ルーブル", "RUB"), ("미국 달러", "USD"), ("미 달러", "USD"), ("달러", "USD"), ("원", "KRW"),
    ("엔", "JPY"), ("유로", "EUR"), ("위안", "CNY"), ("파운드", "GBP"), ("루블", "RUB"), ("美元", "USD"),
    ("日元", "JPY"), ("欧元", "EUR"), ("韩元", "KRW"), ("英镑", "GBP"), ("卢布", "RUB"), ("元", "CNY"),
)
_PERCENT = ("%", "パーセント", "퍼센트", "프로")
_POINTS = ("%ポイント", "%포인트", "%p", "ポイント", "포인트", "个百分点", "個百分点", "百分点", "%pt")
_MULTIPLE = ("倍", "배")
_RANK = re.compile(r"(?:番目|번째|位(?!置)|위(?![원험기])|등(?![급록]))")
_COUNTERS = (
    ("万トン", "tonnes", 1e4), ("トン", "tonnes", 1), ("톤", "tonnes", 1), ("吨", "tonnes", 1),
    ("人", "people", 1), ("名", "people", 1), ("명", "people", 1),
    ("件", "cases", 1), ("건", "cases", 1), ("社", "companies", 1), ("개사", "companies", 1), ("家", "companies", 1),
    ("カ国", "countries", 1), ("か国", "countries", 1), ("ヶ国", "countries", 1), ("개국", "countries", 1),
    ("个国家", "countries", 1), ("隻", "ships", 1), ("척", "ships", 1), ("機", "aircraft", 1), ("대", "units", 1),
    ("台", "units", 1), ("基", "units", 1), ("세대", "households", 1), ("世帯", "households", 1),
)
# Words after a counter that make it something else: 人当たり (per head), 대비 (compared with), 台湾 (Taiwan).
_NOT_COUNTER_AFTER = re.compile(r"当たり|あたり|당|비|湾|頭|民|分|体|間|회|한|학|통령|표|상|응|책|\s?\d")
# A number after these is vague or not a quantity: 数千億 (several hundred billion), 第3 (the third).
_VAGUE_BEFORE = re.compile(r"[数幾何第約]$|약$")


# A sentence that looks ahead: its figures are forecasts, plans or targets (kind: forecast), as
# "expected to", "plans to", "aims to" make an English one.
FORECAST = re.compile(r"見通し|見込み|見込む|見込まれ|予想|予測|目標|予定|方針|計画だ|計画である|する計画|"
                      r"전망|예상|예정|목표|계획이다|할 계획|할 방침|预计|预测|预期|目标|计划")


@dataclass(frozen=True)
class Unit:
    kind: str  # money | percent | points | multiple | count
    unit: str
    end: int
    factor: float = 1.0


def unit_after(text: str, pos: int) -> Optional[Unit]:
    """The unit written right after a number at ``pos`` (one space allowed, as Korean writes "억 달러")."""
    rest = text[pos:pos + 12]
    lead = 1 if rest[:1] == " " else 0
    body = rest[lead:]
    for word in _POINTS:
        if body.startswith(word):
            return Unit("points", "percentage-points", pos + lead + len(word))
    for word in _PERCENT:
        if body.startswith(word) and not (word == "프로" and body[2:3] not in ("", " ", ".", ",")):
            return Unit("percent", "percent", pos + lead + len(word))
    for word, code in _CURRENCIES:
        if body.startswith(word):
            if word == "元" and re.match(r"元(?:年|号)", body):
                return None
            return Unit("money", code, pos + lead + len(word))
    for word in _MULTIPLE:
        if body.startswith(word):
            return Unit("multiple", "times", pos + lead + len(word))
    if body.startswith("割") and not re.match(r"割(?:引|り当|合)", body):
        return Unit("percent", "percent", pos + lead + 1, 10.0)  # 約5割: about 50 percent
    if not lead and _RANK.match(body):
        return Unit("rank", "", pos + _RANK.match(body).end())
    for word, unit, factor in _COUNTERS:
        if lead and not "\uac00" <= word[0] <= "\ud7af":
            continue  # a counter follows its number at once; Korean may put a space ("12만 명")
        if body.startswith(word) and not _NOT_COUNTER_AFTER.match(body, len(word)):
            return Unit("count", unit, pos + lead + len(word), factor)
    return None


# Chinese percentages in words: 百分之五点二 (5.2 percent), 百分之30.
PERCENT_OF = re.compile(r"百分之(?P<n>\d+(?:\.\d+)?|[〇零一二三四五六七八九十百]+(?:点[〇零一二三四五六七八九]+)?)")
_KANJI_DIGIT = {c: str(i) for i, c in enumerate("〇一二三四五六七八九")}
_KANJI_DIGIT["零"] = "0"


def percent_of(m: re.Match) -> Optional[float]:
    """The value of a 百分之 percentage ("百分之五点二" -> 5.2)."""
    n = m.group("n")
    whole, _, frac = n.partition("点")
    value = number_value(whole)
    if value is None:
        return None
    if frac:
        value += float("0." + "".join(_KANJI_DIGIT.get(c, "0") for c in frac))
    return value


def vague_before(text: str, a: int) -> bool:
    return bool(_VAGUE_BEFORE.search(text[max(0, a - 2):a]))


# ---------------------------------------------------------------- periods

@dataclass(frozen=True)
class PeriodMention:
    start: int
    end: int
    period: Optional[Period]  # None: a comparison base (前年比), or a relative period with no year known
    kind: str  # year | fiscal | month | quarter | half | date | relative | current | same | comparison | since


_ERA = r"(?P<era>令和|平成|昭和|(?<![A-Za-z])[RHS](?=\d{1,2}\s?年))(?P<ey>元|\d{1,2})"  # R6年度: 令和6年度
_Y = r"(?P<y>(?:19|20)\d\d|'\d\d(?=년))"  # '24년: 2024
_PERIOD_PATTERNS = [
    ("comparison", r"前年同期比|前年同月比|前年度比|前年比|前期比|前月比|전년\s?동(?:기|월|분기)\s?대비|전년\s?대비|전년비|"
                   r"전월\s?대비|전분기\s?대비|同比|环比|比上年|較上年"),
    # 2023年度から2027年度まで, 2023~2027년, 2023년부터 2027년까지: one period over several years.
    ("range", rf"{_Y}\s?(?:[年년](?P<fy>度|도)?)?\s?(?:から|~|〜|～|-|－|부터|至)\s?(?P<y2>(?:19|20)\d\d)\s?"
              rf"[年년](?P<fy2>度|도)?(?:\s?(?:まで|까지))?"),
    # Korean and Japanese release dates: "2024. 1. 10.(수)", "2024.1.10", "2024/1/10".
    ("date", r"(?<![\d.])(?P<y>(?:19|20)\d\d)(?P<sep>\.\s?|/)(?P<m>\d{1,2})(?P=sep)(?P<d>\d{1,2})(?![\d/]|\.\d)"),
    ("date", rf"(?:{_Y}|{_ERA})\s?[年년]\s?(?P<m>\d{{1,2}})\s?[月월]\s?(?P<d>\d{{1,2}})\s?[日일]"),
    ("quarter", rf"(?:{_Y}|{_ERA})\s?[年년](?P<fy>度)?\s?(?P<m1>\d{{1,2}})\s?[~〜～\-－]\s?(?P<m2>\d{{1,2}})\s?月期?"),
    ("quarter", rf"(?:{_Y}|{_ERA})\s?(?:[年년](?P<fy>度|도)?)\s?(?:第\s?)?(?P<q>[1-4一二三四])\s?(?:四半期|분기|季度)"),
    ("half", rf"(?:{_Y}|{_ERA})\s?[年년](?P<fy>度|도)?\s?(?P<h>上半期|上期|下半期|下期|상반기|하반기|上半年|下半年)"),
    # 2024年3月期 (決算): the twelve months a company's fiscal year ends with, April 2023 to March 2024.
    ("fiscal_end", rf"(?:{_Y}|{_ERA})\s?年\s?(?P<m>\d{{1,2}})\s?月期"),
    ("month", rf"(?:{_Y}|{_ERA})\s?[年년]\s?(?P<m>\d{{1,2}})\s?[月월](?!\s?\d{{1,2}}\s?[日일])"),
    ("fiscal", rf"(?:{_Y}|{_ERA})\s?(?:年度|회계연도|년도|财年|财政年度|財政年度)"),
    ("year", rf"(?:{_Y}|{_ERA})\s?[年년](?![度도間间]|\s?[~〜～\-－])"),
    # This, next and last year as the dateline counts them, with a quarter or month: 今年1～3月期, 지난해 2월.
    ("current", r"(?P<cur>今年度|本年度|今年|本年|올해|금년|来年度|来年|내년|明年|昨年度|昨年|去年|작년|지난해)\s?"
                r"(?:(?:第\s?)?(?P<q>[1-4一二三四])\s?(?:四半期|분기|季度)|"
                r"(?P<m1>\d{1,2})\s?[~〜～\-－]\s?(?P<m2>\d{1,2})\s?[月월]期?|"
                r"(?P<cm>\d{1,2})\s?[月월](?!\s?\d{1,2}\s?[日일]))?"),
    ("relative", r"(?P<rel>前年度|前年|昨年度|昨年|去年|작년|전년|지난해|上年)(?![比同])"),
    ("month_rel", r"(?P<mrel>先月|今月|来月|지난달|이번\s?달|이달|다음\s?달|上个月|本月|下个月)"),
    ("quarter", r"(?<![\d年년~〜～\-－])(?P<ym1>\d{1,2})\s?[~〜～\-－]\s?(?P<ym2>\d{1,2})\s?[月월]期?"),
    ("quarter", r"(?<![\d年년])(?:第\s?)?(?P<yq>[1-4一二三四])\s?(?:四半期|분기|季度)"),
    ("month", r"(?<![\d年년])(?P<mo>\d{1,2})\s?[月월](?!\s?\d{1,2}\s?[日일])(?![~〜～\-－])"),
    ("same", r"(?P<same>같은\s?기간|같은\s?달|동기간|同期間|同じ期間|同期(?![比間])|同月(?!比))"),  # the one named before
]
# What follows the base of a comparison: "前年度から", "올해 본예산 638조 원보다 2.8%".
BASE_AFTER = re.compile(r"[)）]?\s?(?:から|より|を|と比べ|に比べ|と比較|보다|에\s?비해|대비|과\s?비교|와\s?비교)")
_BASE_OF = re.compile(r"\s?(?:の?同(?:じ)?(?:期|月|期間)|같은\s?(?:달|기간|분기)|동월|동기)?" + BASE_AFTER.pattern)
# A period followed by these bounds a comparison ("2005년 이후 가장 낮은"): it dates no figure.
_SINCE_AFTER = re.compile(r"\s?(?:以降|以来|以後|から|より|まで|이후|이래|부터|까지|以来|之前|以前|이전)")
# ... or a few words on, before any number or clause break: "1963년 통계 작성 이후", "2008年のリーマン・ショック以来".
_SINCE_LATER = re.compile(r"[^\d、，,。.;；!?！？\n]{0,14}?(?:以降|以来|以後|이후|이래|以前|이전)")
_PERIOD_RES = [(kind, re.compile(p)) for kind, p in _PERIOD_PATTERNS]
_KANJI_Q = {"一": 1, "二": 2, "三": 3, "四": 4}


@lru_cache(maxsize=8)
def _era_start(name: str) -> int:
    """The Gregorian year of an era's first year, from japanera's table (imported only when an era is written)."""
    from japanera import ERA_DATA_GENERAL

    for era in ERA_DATA_GENERAL:
        if era.kanji == name:
            return era.since.year
    return 0


_ERA_LETTER = {"R": "令和", "H": "平成", "S": "昭和"}


def _year(m: re.Match) -> Optional[int]:
    if m.groupdict().get("y"):
        y = m.group("y")
        return 2000 + int(y[1:]) if y.startswith("'") else int(y)
    if m.groupdict().get("era"):
        n = 1 if m.group("ey") == "元" else int(m.group("ey"))
        start = _era_start(_ERA_LETTER.get(m.group("era"), m.group("era")))
        return start + n - 1 if start else None
    return None


def _fiscal(year: int, start: int) -> Period:
    """Fiscal year ``year`` starting in month ``start``: Japanese 年度 are named by the year they begin."""
    if start == 1:
        return Period(PartialDate(year))
    from briefcmp.drafting.dates import fiscal_period

    return fiscal_period(year, start)  # the same periods as "fiscal 2024" in an English brief


def _months(y: int, m1: int, y2: int, m2: int) -> Optional[Period]:
    if not (1 <= m1 <= 12 and 1 <= m2 <= 12):
        return None
    return Period(PartialDate(y, m1), PartialDate(y2, m2))


def find_periods(text: str, fiscal_start: int = 1, published: Optional[PartialDate] = None) -> list[PeriodMention]:
    """Every period written in ``text``, longest patterns first, without overlaps, in text order.

    ``fiscal_start`` is the month fiscal years (年度) start, the config's ``fiscal_year_start``;
    ``published`` dates 今年 / 올해 (this year). A month without a year takes the year last written
    before it. A period that bounds a comparison ("2005년 이후", "2019年以来") is kind "since".
    """
    from briefcmp.drafting.spans import SpanSet

    taken = SpanSet()
    out: list[PeriodMention] = []
    years: list[tuple[int, int]] = []  # (start, year) of the periods with a year, once the yearless ones come
    named: list[tuple[int, Period]] = []
    for kind, rx in _PERIOD_RES:
        for m in rx.finditer(text):
            a, b = m.span()
            if taken.overlaps(a, b):
                continue
            g = m.groupdict()
            if (g.get("mo") or g.get("ym1") or g.get("yq")) and not years:
                years = sorted((p.start, p.period.start.year) for p in out
                               if p.period is not None and p.kind not in ("date", "since")) or [(-1, 0)]
            if kind == "same":  # the last pattern: every other period is found by now
                import bisect

                if not named:
                    named = sorted((p.start, p.period) for p in out
                                   if p.period is not None and p.kind not in ("date", "since")) or [(-1, None)]
                i = bisect.bisect_left(named, (a, -1), key=lambda x: (x[0], -1)) - 1
                period, kind_ = (named[i][1] if i >= 0 else None), "same"
            elif kind == "month" and g.get("mo"):
                period, kind_ = _yearless_month(years, a, int(m.group("mo")), published), "month"
            elif kind == "quarter" and (g.get("ym1") or g.get("yq")):
                # "4～6月期", "2분기": of the year last written before it (else of the publication year)
                year_of = _yearless_month(years, a, 1, published)
                if year_of is None:
                    continue
                y = year_of.start.year
                if g.get("yq"):
                    q = _KANJI_Q.get(g["yq"]) or int(g["yq"])
                    period, kind_ = _months(y, 3 * q - 2, y, 3 * q), "quarter"
                else:
                    m1, m2 = int(g["ym1"]), int(g["ym2"])
                    period, kind_ = _months(y, m1, y if m2 >= m1 else y + 1, m2), "quarter"
            elif kind == "month_rel":
                period, kind_ = _month_from(published, m.group("mrel")), "current"
                if period is None:
                    continue
            elif kind == "current":
                period, kind_ = _current(m, published, fiscal_start), "current"
                if period is None:
                    continue  # no dateline: 昨年 / 前年 are read as relative (below)
            else:
                period, kind_ = _period_of(kind, m, fiscal_start), kind
            if period is None and kind not in ("comparison", "relative", "same"):
                continue
            if period is not None and (_SINCE_AFTER.match(text, b) or
                                       kind in ("year", "fiscal") and _SINCE_LATER.match(text, b)):
                kind_ = "since"
            if kind in ("relative", "current") and _BASE_OF.match(text, b):
                # "前年度から0.9ポイント", "前年度を約2割下回った", "지난해 같은 달보다 66.7%": the base of a change
                period, kind_ = None, "comparison"
            elif kind == "relative" and _SINCE_LATER.match(text, b):
                kind_ = "since"  # "지난해 2월 이후 13번째": a bound, not the period
            taken.add(a, b)
            out.append(PeriodMention(a, b, period, kind_))
    out.sort(key=lambda p: p.start)
    return out


def _yearless_month(years: list[tuple[int, int]], a: int, month: int, published: Optional[PartialDate]
                    ) -> Optional[Period]:
    """"12월 수출은": December of the year last written before it (else of the publication year).

    ``years``: (start, year) of the periods written with a year, sorted."""
    import bisect

    if not 1 <= month <= 12:
        return None
    i = bisect.bisect_left(years, (a, -1)) - 1
    year = years[i][1] if i >= 0 and years[i][1] else (published.year if published else 0)
    return Period(PartialDate(year, month)) if year else None


_MONTH_OFFSET = {"先月": -1, "지난달": -1, "上个月": -1, "来月": 1, "다음 달": 1, "다음달": 1, "下个月": 1}


def _month_from(published: Optional[PartialDate], word: str) -> Optional[Period]:
    """先月 / 지난달 (last month), 今月 / 이번 달 (this month), 来月 / 다음 달 (next month), from the dateline."""
    if published is None or not published.month:
        return None
    n = published.year * 12 + published.month - 1 + _MONTH_OFFSET.get(word, 0)
    return Period(PartialDate(n // 12, n % 12 + 1))


def _current(m: re.Match, published: Optional[PartialDate], fiscal_start: int) -> Optional[Period]:
    """今年 / 올해 (+ a quarter or months): the publication year's; 来年 / 내년 the next, 昨年 / 지난해 the last."""
    if published is None:
        return None
    word = m.group("cur")
    offset = 1 if word in ("来年度", "来年", "내년", "明年") else -1 if word in _DEICTIC else 0
    y = published.year + offset
    if m.group("q"):
        q = _KANJI_Q.get(m.group("q")) or int(m.group("q"))
        return _months(y, 3 * q - 2, y, 3 * q)
    if m.group("m1"):
        return _months(y, int(m.group("m1")), y, int(m.group("m2")))
    if m.group("cm"):
        return Period(PartialDate(y, int(m.group("cm")))) if 1 <= int(m.group("cm")) <= 12 else None
    if "度" in word:  # the fiscal year the dateline falls in (今年度), or the one after or before it
        first = published.year if published.month >= fiscal_start or fiscal_start == 1 else published.year - 1
        return _fiscal(first + offset, fiscal_start)
    return Period(PartialDate(y))


def _period_of(kind: str, m: re.Match, fiscal_start: int) -> Optional[Period]:
    if kind in ("comparison", "relative"):
        return None
    y = _year(m)
    if y is None or not 1800 <= y <= 2200:
        return None
    fy = bool(m.groupdict().get("fy")) or kind == "fiscal"
    if kind == "range":
        fy = fy or bool(m.group("fy2"))
    if kind == "range":
        y2 = int(m.group("y2"))
        if not y < y2 <= y + 50:
            return None
        if fy or m.group("fy2"):
            return Period(_fiscal(y, fiscal_start).start, (_fiscal(y2, fiscal_start).end or
                                                           _fiscal(y2, fiscal_start).start))
        return Period(PartialDate(y), PartialDate(y2))
    if kind == "date":
        mo, d = int(m.group("m")), int(m.group("d"))
        return Period(PartialDate(y, mo, d)) if 1 <= mo <= 12 and 1 <= d <= 31 else None
    if kind == "fiscal_end":
        mo = int(m.group("m"))
        if not 1 <= mo <= 12:
            return None
        return Period(PartialDate(y - 1, mo % 12 + 1), PartialDate(y, mo)) if mo != 12 else \
            Period(PartialDate(y, 1), PartialDate(y, 12))
    if kind == "month":
        mo = int(m.group("m"))
        return Period(PartialDate(y, mo)) if 1 <= mo <= 12 else None
    if kind == "fiscal":
        return _fiscal(y, fiscal_start)
    if kind == "quarter":
        if m.groupdict().get("m1"):
            m1, m2 = int(m.group("m1")), int(m.group("m2"))
            return _months(y, m1, y if m2 >= m1 else y + 1, m2)
        q = _KANJI_Q.get(m.group("q")) or int(m.group("q"))
        first = (fiscal_start if fy else 1) + 3 * (q - 1)
        y1, m1 = y + (first - 1) // 12, (first - 1) % 12 + 1
        last = first + 2
        return _months(y1, m1, y + (last - 1) // 12, (last - 1) % 12 + 1)
    if kind == "half":
        second = m.group("h") in ("下半期", "下期", "하반기", "下半年")
        first = (fiscal_start if fy else 1) + (6 if second else 0)
        last = first + 5
        return _months(y + (first - 1) // 12, (first - 1) % 12 + 1, y + (last - 1) // 12, (last - 1) % 12 + 1)
    return Period(PartialDate(y))


_DEICTIC = frozenset("昨年 昨年度 去年 작년 지난해".split())


def relative_period(mention: PeriodMention, text: str, reference: Optional[Period], fiscal_start: int,
                    published: Optional[PartialDate] = None) -> Optional[Period]:
    """前年 / 前年度 / 전년: the year before ``reference`` (the sentence's own period, else publication);
    昨年 / 去年 / 지난해: the year before publication."""
    if reference is None and (published is None or text[mention.start:mention.end] not in _DEICTIC):
        return None
    if reference is None:
        reference = Period(published)
    word = text[mention.start:mention.end]
    year = reference.start.year  # a Japanese fiscal year is named by the year it begins
    if word in _DEICTIC and published is not None:
        year = published.year  # 昨年 / 지난해: the year before the one written in, whatever the sentence is about
    if "度" in word:
        return _fiscal(year - 1, fiscal_start)
    return Period(PartialDate(year - 1))
