"""Figures across languages: a registered key's ``terms`` and the content words of CJK text.

A key may list the words of its measure by language (``terms: {ja: [防衛費, 防衛予算],
ko: [국방비]}``). ``term_match`` says whether a claim's figure is about one of them: the
term is written in the figure's own clause (or in the topic just before it:
"防衛関係費は、7兆9496億円"), and the figure is a level, not the change written right after
it ("1兆1277億円増えた"). ``align`` joins such a figure to the key when subjects, unit and
period agree as for any other claim.

``cjk_words`` gives the content words of Japanese, Korean and Chinese text (runs of kanji
and katakana; Korean words less their particles), so that briefs in one of these languages
align with each other as English ones do.
"""

from __future__ import annotations

import re
from typing import Optional

from briefcmp.corpus.model import Claim, KeyDef
from briefcmp.corpus.numerals import NUMBER, number_value

_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")
_CLAUSE = re.compile(r"[、，,;；。!?！？()（）「」『』\n]")
_TOPIC_END = re.compile(r"(?:は|では|も|が|은|는|이|가|에서는|으로는|로는)\s*$")
# A change written right after the figure: "1兆1277億円増えた", "1조 원 증가".
_CHANGE_AFTER = re.compile(r"\s?\S{0,3}?(?:増|減|伸び|上昇|低下|拡大|縮小|증가|감소|늘|줄|상승|하락|확대|축소|增|减)")
_DECIMAL_COMMA = re.compile(r"(?<![\d.,])\d{1,3}(?:[.\s]\d{3})*,\d+(?![\d.,])")
_UNIT_AFTER = re.compile(r"\s?(?:[%％]|パーセント|퍼센트|兆|億|万|조|억|만|천|円|ドル|元|원|달러|엔|ユーロ|유로)+")


def _figure_span(quote: str, claim: Claim) -> Optional[tuple[int, int]]:
    """Where the claim's number is written in its quote, read the CJK way ("7兆9496億" for 7.9496 trillion)."""
    v = claim.value
    if v is None or v.amount is None:
        return None
    targets = {round(v.base_amount or 0.0, 6), round(v.amount, 6), round(abs(v.amount), 6)}
    for m in _DECIMAL_COMMA.finditer(quote):  # "476,8 Milliarden", "1.711,6 Mrd.", "3 088,2 milliards"
        x = float(re.sub(r"[.\s]", "", m.group()).replace(",", "."))
        if round(x, 6) in targets:
            return m.span()
    for m in NUMBER.finditer(quote):
        x = number_value(m.group().rstrip())
        if x is None:
            continue
        if round(x, 6) in targets or round(x * 10, 6) in targets:  # 約5割 is 50 percent
            u = _UNIT_AFTER.match(quote, m.end())
            return m.start(), u.end() if u else m.end()
    return None


def term_match(key: KeyDef, claim: Claim, language: str = "") -> bool:
    """Whether the claim's figure is about one of the key's words (those of ``language``, or of every
    language when the brief's language is not known)."""
    if not key.terms or claim.value is None:
        return False
    words = [w for lang, ws in key.terms for w in ws if not language or lang == language or
             lang.split("-")[0].split("_")[0] == language]
    if not words:
        return False
    quote = claim.quote
    span = _figure_span(quote, claim)
    if span is None:
        return False
    a, b = span
    if _CHANGE_AFTER.match(quote, b):
        return False
    start = max((m.end() for m in _CLAUSE.finditer(quote, 0, a)), default=0)
    ends = [m.start() for m in _CLAUSE.finditer(quote, b)]
    clause = quote[start:ends[0] if ends else len(quote)]
    if any(w in clause for w in words):
        return True
    # "防衛関係費は、7兆9496億円となった": the topic is the clause before.
    before = quote[:max(start - 1, 0)]
    prev_start = max((m.end() for m in _CLAUSE.finditer(before)), default=0)
    topic = before[prev_start:]
    return bool(_TOPIC_END.search(topic)) and any(w in topic for w in words)


# ---------------------------------------------------------------- content words

_RUN = re.compile(r"[\u30a0-\u30ff\u3400-\u4dbf\u4e00-\u9fff]{2,}|[\uac00-\ud7af]{2,}")
_PARTICLE = re.compile(r"(?:이었다|였다|이다|에서는|으로는|에서|에게|으로|까지|부터|보다|처럼|은|는|이|가|을|를|의|에|로|와|과|도|만|다)$")
# Period, unit and function words of these languages: never the measured thing.
_NOT_MEASURE = frozenset("""
年度 前年 前年度 今年 昨年 前年比 同期 前年同期 比較 過去 最大 最小 過去最大 過去最高 最高 最低 予算案 速報 全体 合計
総額 規模 程度 以上 以下 未満 前後 見通 見込 発表 集計 統計 政府 同省 同日
兆円 億円 万円 億ドル 万人 ドル ポイント パーセント
전년 대비 동기 올해 작년 지난해 규모 전망 기록 집계 발표 정부 사상 최대 최고 최저 이상 이하 미만 가량 정도 약
달러 포인트 퍼센트 만에
""".split())


def cjk_words(text: str) -> list[str]:
    """Content words of CJK ``text`` in order: kanji/katakana runs (Japanese, Chinese), Korean words less
    their particles; dates, units and reporting words left out."""
    if text.isascii() or not _CJK.search(text):
        return []
    out: list[str] = []
    for m in _RUN.finditer(text):
        w = m.group()
        if "\uac00" <= w[0] <= "\ud7af":
            w = _PARTICLE.sub("", w)
        w = re.sub(r"^(?:[兆億万千百十]|[조억만천])+", "", w)
        if len(w) >= 2 and w not in _NOT_MEASURE and not re.fullmatch(r"[年月日度期분기년월일]+", w):
            out.append(w)
    return list(dict.fromkeys(out))
