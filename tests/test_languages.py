"""Issue 23: sources in Japanese, Korean, Chinese and European number formats: read, drafted, anchored, compared."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st
from typer.testing import CliRunner

from briefcmp.analysis.entities import Entities
from briefcmp.analysis.terms import cjk_words, term_match
from briefcmp.cli import app
from briefcmp.corpus import anchor
from briefcmp.corpus.language import detect
from briefcmp.corpus.model import Claim, KeyDef, PartialDate, Value
from briefcmp.drafting import cjknumbers, eunumbers
from briefcmp.drafting.draft import BriefMeta, build_draft
from briefcmp.drafting.intl import find_intl_figures
from briefcmp.corpus.sentences import prepare, split

FIXTURES = Path(__file__).parent / "fixtures" / "languages"
runner = CliRunner()


def cli(*args: str):
    return runner.invoke(app, list(args))


# ---------------------------------------------------------------- language


@pytest.mark.parametrize("text, lang", [
    ("防衛費は過去最大の7兆9496億円となった。前年度から16.5％増えた。政府は22日に閣議決定した。", "ja"),
    ("2021년 한일 교역액은 273억 달러로 집계됐다. 수출은 전년 대비 12.5% 증가했다.", "ko"),
    ("中国国家统计局公布，去年国内生产总值同比增长百分之五点二，达到一百二十六万亿元。", "zh"),
    ("The government said exports rose 5 percent in 2023, the fastest pace in a decade.", "en"),
    ("Der Bund plant für 2024 Ausgaben von 476,8 Milliarden Euro, das sind 3,2 % weniger als im Vorjahr.", "de"),
    ("Le budget des armées atteindra 47,2 milliards d'euros en 2024, soit une hausse de 7,5 % sur l'année.", "fr"),
    ("12 345", ""),
])
def test_language_from_script_and_function_words(text: str, lang: str) -> None:
    assert detect(text) == lang


# ---------------------------------------------------------------- numbers as written


@pytest.mark.parametrize("token, value", [
    ("7兆9496億", 7_949_600_000_000), ("273억", 27_300_000_000), ("1조 2천억", 1_200_000_000_000),
    ("99억 7천만", 9_970_000_000), ("7만 3천", 73_000), ("7万3千", 73_000), ("11兆4千億", 11_400_000_000_000), ("二千億", 200_000_000_000),
    ("3,500億", 350_000_000_000), ("12万", 120_000), ("16.5", 16.5), ("1億2345万", 123_450_000),
])
def test_cjk_numbers(token: str, value: float) -> None:
    assert cjknumbers.number_value(token) == value


def _figs(text: str, lang: str, published=None, fiscal_start: int = 1):
    prep = prepare(text)
    return [(f.value.display(), str(f.as_of) if f.as_of else "") for f in
            find_intl_figures(prep.text, lang, published=published, fiscal_start=fiscal_start)]


@pytest.mark.parametrize("text, lang, expected", [
    ("防衛費は過去最大の7兆9496億円となった。", "ja", [("JPY 7.9496 trillion", "")]),
    ("2021년 한일 교역액은 273억 달러로 집계됐다.", "ko", [("USD 27.3 billion", "2021")]),
    ("令和6年度の防衛費は７兆９４９６億円で、前年度比１６．５％増えた。", "ja",
     [("JPY 7.9496 trillion", "2024-04/2025-03"), ("16.5%", "2024-04/2025-03")]),
    ("2023年10～12月期の実質GDPは年率0.4％増だった。", "ja", [("0.4%", "2023-10/2023-12")]),
    ("2023년 4분기 수출은 1,650억 달러였다.", "ko", [("USD 165 billion", "2023-10/2023-12")]),
    ("輸出額は前年比3.6％増の102兆8,876億円だった。", "ja", [("3.6%", ""), ("JPY 102.8876 trillion", "")]),
    ("中国2023年出口额为23.77万亿元，同比增长0.6%。", "zh", [("CNY 23.77 trillion", "2023"), ("0.6%", "2023")]),
    ("前年度の6兆8219億円から0.9ポイント上昇した。", "ja", [("JPY 6.8219 trillion", "2023"), ("0.9 percentage-points", "")]),
    ("約5割にとどまった。輸入額は€12億だった。", "ja", [("~50%", ""), ("EUR 1.2 billion", "")]),
    ("韓国は日本にとって3番目の貿易相手国だ。", "ja", [("3rd", "")]),
    ("製造業は453兆円（前年度比▲0.2％）。金額は百万円単位で四捨五入している。", "ja",
     [("JPY 453 trillion", ""), ("-0.2%", "")]),
    ("F-35A戦闘機を8機購入する。G7の会合が開かれた。", "ja", [("8 aircraft", "")]),
    ("청년 약 12만 명이 혜택을 받는다. 일본의 성장률은 -0.5%였다.", "ko", [("~120,000 people", ""), ("-0.5%", "")]),
    ("2023年国内生产总值同比增长百分之五点二。", "zh", [("5.2%", "2023")]),
    ("1ドル=150円の円安が続き、輸出は1000億円だった。", "ja", [("JPY 100 billion", "")]),
    ("참가자는 1000여 명이었다. 환율은 달러당 1,300원을 넘었다.", "ko", [(">1,000 people", "")]),
    ("2023년 자동차 수출은 30만 대였다. 성장률은 1%대. 3 대 1로 이겼다.", "ko",
     [("300,000 units", "2023"), ("~1%", "2023")]),
    ("2024年の実績。1～3月の輸出は7,949,600百万円、成長率は1％台だった。", "ja",
     [("JPY 7.9496 trillion", "2024-01/2024-03"), ("~1%", "2024-01/2024-03")]),
    ("成長率は2～3％の見通し。2～3万人が集まった。5000億～1兆円の予算。税率は5%から10%へ上がった。", "ja",
     [("2–3%", ""), ("20,000–30,000 people", ""), ("JPY 0.5–1 trillion", ""), ("5%", ""), ("10%", "")]),
    ("65세 이상 인구는 1천만 명을 넘어섰다. 午後3時、閣僚3人が同席した。第9条。", "ko", [(">10 million people", ""), ("3 people", "")]),
])
def test_cjk_figures(text: str, lang: str, expected) -> None:
    published = PartialDate(2024, 1)
    fiscal = 4 if "令和" in text else 1
    assert _figs(text, lang, published if "前年度の" in text else None, fiscal) == expected


def test_a_comparison_base_is_not_the_period() -> None:
    periods = cjknumbers.find_periods("2023年の輸出は前年比5％増、전년 대비 3% 늘었다. 2005년 이후 최저.")
    kinds = [(p.kind, str(p.period) if p.period else "") for p in periods]
    assert kinds == [("year", "2023"), ("comparison", ""), ("comparison", ""), ("since", "2005")]


def test_periods_without_a_year_take_the_last_one_written() -> None:
    periods = cjknumbers.find_periods("2023年の実績。4～6月期は2.5％増、12월 수출, 第2四半期", published=PartialDate(2024, 5))
    assert [(p.kind, str(p.period)) for p in periods] == \
        [("year", "2023"), ("quarter", "2023-04/2023-06"), ("month", "2023-12"), ("quarter", "2023-04/2023-06")]


def test_a_year_a_few_words_before_since_is_a_bound() -> None:
    periods = cjknumbers.find_periods("2023년 고용률은 1963년 통계 작성 이후 가장 높았다. 12월 취업자")
    assert [(p.kind, str(p.period)) for p in periods] == [("year", "2023"), ("since", "1963"), ("month", "2023-12")]


@pytest.mark.parametrize("text, expected", [
    ("2023年度から2027年度までの5年間で", ("range", "2023-04/2028-03")), ("2023~2027년 총", ("range", "2023/2027")),
    ("2023년부터 2027년까지", ("range", "2023/2027")), ("R6年度の予算", ("fiscal", "2024-04/2025-03")),
    ("'24년 1분기", ("quarter", "2024-01/2024-03")), ("2024年3月期決算", ("fiscal_end", "2023-04/2024-03")),
])
def test_ranges_of_years_and_abbreviated_years(text: str, expected) -> None:
    assert [(p.kind, str(p.period)) for p in cjknumbers.find_periods(prepare(text).text, fiscal_start=4)] == [expected]


def test_sentences_that_look_ahead_are_forecasts() -> None:
    meta = BriefMeta(id="t", title="T", source="t.txt", source_sha256="0" * 64, language="ko")
    draft = build_draft("2023년 수출은 6,326억 달러였다. 정부는 2024년 수출 목표를 6,800억 달러로 제시했다.", meta=meta)
    assert [c.kind for c in draft.claims] == ["fact", "forecast"]


def test_this_year_and_next_year_from_the_dateline() -> None:
    got = _figs("올해 국방비는 57조 원이다. 내년 국방비는 59조 6천억 원으로 늘어난다.", "ko", PartialDate(2023, 8))
    assert got == [("KRW 57 trillion", "2023"), ("KRW 59.6 trillion", "2024")]


def test_bases_and_bounds_written_the_korean_way() -> None:
    got = _figs("7월 물가 상승률은 2.6%로 6월(2.4%)보다 0.2%포인트 높아졌다. 지난해 2월 이후 13번째 동결이다. "
                "2월 수출은 지난해 같은 달보다 66.7% 늘었다.", "ko", PartialDate(2024, 8))
    assert got == [("2.6%", "2024-07"), ("2.4%", "2024-06"), ("0.2 percentage-points", "2024-07"),
                   ("13th", "2024-07"), ("66.7%", "2024-02")]  # 13th: the text's lead period, not 지난해 2월


def test_last_this_and_next_month_from_the_dateline() -> None:
    got = _figs("지난달 수출은 576억 달러였다. 先月の輸出は9兆円。같은 달 수입은 500억 달러였다.", "ko", PartialDate(2024, 1, 5))
    assert got == [("USD 57.6 billion", "2023-12"), ("JPY 9 trillion", "2023-12"), ("USD 50 billion", "2023-12")]


def test_the_same_period_is_the_one_named_before() -> None:
    got = _figs("2023年10～12月期の輸出は5％増えた。同期の輸入は3％減った。前年同期比では2％増。", "ja")
    assert got == [("5%", "2023-10/2023-12"), ("3%", "2023-10/2023-12"), ("2%", "2023-10/2023-12")]


def test_release_dates_as_korean_ministries_write_them() -> None:
    from briefcmp.drafting.metadata import find_metadata

    assert [str(p.period) for p in cjknumbers.find_periods("2024. 1. 10.(수), 2024/1/10, 1.234.567")] == \
        ["2024-01-10", "2024-01-10"]
    assert find_metadata(prepare("보도자료\n2023년 12월 고용동향\n2024. 1. 10.(수) 통계청\n\n본문이다."))[2] == \
        PartialDate(2024, 1, 10)


def test_era_years_are_converted() -> None:
    periods = cjknumbers.find_periods("令和6年度、令和元年、平成31年", fiscal_start=4)
    assert [str(p.period) for p in periods] == ["2024-04/2025-03", "2019", "2019"]


@pytest.mark.parametrize("text, lang, expected, ambiguous", [
    ("Der Bund plant für 2024 Ausgaben von 476,8 Milliarden Euro, das sind 3,2 % weniger als im Vorjahr. "
     "Die Schulden betragen 1.711,6 Mrd. Euro.", "de",
     [("EUR 476.8 billion", "2024"), ("3.2%", "2024"), ("EUR 1.7116 trillion", "2024")], []),
    ("Im ersten Quartal 2024 stieg die Inflationsrate auf 2,5 Prozent, ein Rückgang um 0,3 Prozentpunkte. "
     "Die Quote lag bei 1,234 Prozent.", "de",
     [("2.5%", "2024-01/2024-03"), ("0.3 percentage-points", "2024-01/2024-03"), ("1.234%", "2024-01/2024-03")],
     ["1,234"]),
    ("Le budget atteindra 47,2 milliards d'euros en 2024, soit une hausse de 7,5 % sur un an. "
     "La dette publique atteint 3 088,2 milliards d'euros.", "fr",
     [("EUR 47.2 billion", "2024"), ("7.5%", "2024"), ("EUR 3.0882 trillion", "2024")], []),
])
def test_european_decimal_commas_are_drafted_with_the_right_values(text, lang, expected, ambiguous) -> None:
    meta = BriefMeta(id="t", title="T", source="t.txt", source_sha256="0" * 64, language=detect(text))
    assert meta.language == lang
    draft = build_draft(text, meta=meta)
    assert [(c.value.display(), str(c.as_of) if c.as_of else "") for c in draft.claims] == expected
    assert [c.note.split("'")[1] for c in draft.claims if c.note] == ambiguous


@pytest.mark.parametrize("text, lang, expected", [
    ("Das Wachstum liegt bei 2 bis 3 Prozent im Jahr 2024.", "de", [("2–3%", "2024")]),
    ("Une hausse de 2,5 à 3 % en 2024, entre 40 et 50 milliards d'euros.", "fr",
     [("2.5–3%", "2024"), ("EUR 40–50 billion", "2024")]),
    ("Sie stieg von 2 auf 3 Prozent, zwischen 1,5 und 2 Mrd. Euro.", "de", [("3%", ""), ("EUR 1.5–2 billion", "")]),
])
def test_european_ranges(text: str, lang: str, expected) -> None:
    assert _figs(text, lang) == expected


def test_a_german_1_234_says_it_is_ambiguous(tmp_path: Path) -> None:
    src = tmp_path / "de.txt"
    src.write_text("Haushalt\n\nDie Inflation lag im Jahr 2023 bei 1,234 Prozent und die Ausgaben stiegen.\n",
                   encoding="utf-8")
    r = cli("annotate", str(src))
    assert r.exit_code == 0, r.output
    assert "# ambiguous number: '1,234' is read as 1.234 (de numbers); written the other way it is 1234" in r.stdout
    assert "value: {amount: 1.234, unit: percent}" in r.stdout


@pytest.mark.parametrize("token, lang, value, ambiguous", [
    ("1.234,5", "de", 1234.5, False), ("1,234.5", "de", 1234.5, False), ("12,5", "de", 12.5, False),
    ("1.234.567", "de", 1234567, False), ("1,234", "de", 1.234, True), ("1.234", "de", 1234, True),
    ("1,234", "en", 1234, True), ("1 234,5", "fr", 1234.5, False), ("3,5", "fr", 3.5, False),
    ("1.5", "de", 1.5, False),
])
def test_european_numbers_by_shape_then_language(token: str, lang: str, value: float, ambiguous: bool) -> None:
    got, note = eunumbers.read(token, lang)
    assert got == value and bool(note) == ambiguous


def test_french_grouping_with_no_break_spaces() -> None:
    nums = eunumbers.numbers(prepare("Soit 27\u202f000 millions et 3\u00a0088,2 milliards.").text, "fr")
    assert [n.value for n in nums] == [27000, 3088.2]


# ---------------------------------------------------------------- text without spaces


def test_sentences_split_at_cjk_full_stops_and_full_width_marks() -> None:
    p = prepare("輸出は増えた。輸入は減った！本当か？はい。\n수출이 늘었다. 수입은 줄었다.")
    assert [p.text[s.start:s.end] for s in split(p.text)] == \
        ["輸出は増えた。", "輸入は減った!", "本当か?", "はい。", "수출이 늘었다.", "수입은 줄었다."]


def test_quotes_anchor_without_word_boundaries_and_across_widths() -> None:
    source = "政府は22日、防衛費を７兆９４９６億円とした。"
    norm = anchor.normalise(source)
    assert anchor.find_quote(norm, "防衛費を7兆9496億円").span is not None
    assert anchor.find_quote(norm, "費を７兆").span is not None
    missing = anchor.find_quote(norm, "X防衛費を８兆９４９６億円とした")
    assert missing.span is None and "防衛費を7兆9496億円とした" in missing.closest  # a hint, in text without spaces


# ---------------------------------------------------------------- entities and terms


def test_country_names_in_japanese_korean_and_chinese() -> None:
    e = Entities()
    assert e.subjects("ロシアとの貿易額は27％減った") == ("russia",)
    assert e.subjects("러시아와의 교역은 줄었다") == ("russia",)
    assert e.subjects("韓国の対日貿易赤字") == ("south-korea", "japan") or \
        set(e.subjects("韓国の対日貿易赤字")) >= {"south-korea"}
    assert e.subjects("미국과 중국, 일본") == ("united-states", "china", "japan")
    assert e.subjects("인도적 지원") == ()  # 인도 (India) is also a common word


def _claim(quote: str, value: Value) -> Claim:
    return Claim(id="c", brief="b", quote=quote, kind="fact", value=value)


def test_term_match_is_the_figure_s_own_clause_and_a_level() -> None:
    key = KeyDef("k", "Japan's defence budget", "quantity", unit="JPY", terms=(("ja", ("防衛費", "防衛関係費")),))
    v = Value("quantity", amount=7.9496, scale="trillion", unit="JPY")
    assert term_match(key, _claim("日本の防衛関係費は7兆9496億円となった。", v), "ja")
    assert term_match(key, _claim("防衛関係費は、7兆9496億円となった。", v), "ja")
    assert not term_match(key, _claim("防衛関係費は7兆9496億円となった。", v), "ko")  # not the brief's language
    assert not term_match(key, _claim("社会保障費は7兆9496億円、防衛費は6兆円。", v), "ja")
    inc = Value("quantity", amount=1.1277, scale="trillion", unit="JPY")
    assert not term_match(key, _claim("防衛費は1兆1277億円増えた。", inc), "ja")  # a change, not the level


def test_term_match_reads_decimal_commas() -> None:
    key = KeyDef("k", "Germany's defence budget", "quantity", unit="EUR", terms=(("de", ("Verteidigungsetat",)),))
    v = Value("quantity", amount=51.8, scale="billion", unit="EUR")
    assert term_match(key, _claim("Der Verteidigungsetat steigt 2024 auf 51,8 Mrd. Euro.", v), "de")


def test_last_year_is_the_year_before_publication() -> None:
    got = _figs("지난해 반도체 부문 영업손실은 14조 8,800억 원이었다.", "ko", PartialDate(2024, 3))
    assert got == [("KRW 14.88 trillion", "2023")]


def test_cjk_content_words() -> None:
    assert cjk_words("2024年度の防衛関係費は7兆9496億円となった") == ["防衛関係費"]
    assert cjk_words("일본의 방위비는 8조 엔으로") == ["일본", "방위비"]


def test_config_terms_parse_and_are_checked() -> None:
    from briefcmp.corpus import yamlsafe
    from briefcmp.corpus.parse import parse_config
    from briefcmp.corpus.problems import Problems

    text = ("format: 1\nkeys:\n  k:\n    label: Japan's defence budget\n    type: quantity\n"
            "    terms: {ja: [防衛費, 防衛予算], ko: 국방비, Japanese: [x]}\n")
    problems = Problems()
    config = parse_config(yamlsafe.parse(text, "c.yaml", problems), "c.yaml", problems)
    assert config.keys["k"].terms == (("ja", ("防衛費", "防衛予算")), ("ko", ("국방비",)))
    assert [(p.rule, p.line) for p in problems] == [("bad-value", 6)]


# ---------------------------------------------------------------- end to end


KEY = """  japan-defence-budget:
    label: Japan's defence budget
    type: quantity
    unit: JPY
    tolerance: 2%
    subjects: [japan]
    topics: [defence]
    terms: {ja: [防衛関係費, 防衛費], ko: [방위비, 국방비]}
"""


def test_three_languages_one_release_agree_and_contradict_through_key_terms(tmp_path: Path) -> None:
    """A Japanese ministry release, an English wire story (which agree) and a Korean paper (which
    misreads 7兆 as 8조): after `align --apply`, compare shows both across languages."""
    root = tmp_path / "corpus"
    assert cli("init", str(root)).exit_code == 0
    config = root / "briefcmp.yaml"
    text = config.read_text(encoding="utf-8").replace("# fiscal_year_start: 4", "fiscal_year_start: 4")
    text = text.replace("entities: {}\n", "entities:\n  japan: {label: Japan}\n").replace("keys: {}\n", "keys:\n" + KEY)
    config.write_text(text, encoding="utf-8")
    for src in sorted(FIXTURES.glob("*.txt")):
        r = cli("add", str(src), str(root))
        assert r.exit_code == 0, r.output
    briefs = {b["id"]: b for b in json.loads(cli("briefs", str(root), "--format", "json").stdout)["briefs"]}
    assert {i: b["language"] for i, b in briefs.items()} == \
        {"korea-daily-ko": "ko", "mod-release-ja": "ja", "wire-en": "en"}
    assert "topics: [defence]" in (root / "mod-release-ja.claims.yaml").read_text(encoding="utf-8")  # from the terms
    r = cli("align", str(root), "--apply")
    assert r.exit_code == 0, r.output
    r = cli("compare", str(root), "--format", "json")
    assert r.exit_code in (0, 1), r.output
    relations = {(rel["kind"], frozenset(c["brief"] for c in rel["claims"])) for rel in json.loads(r.stdout)["relations"]
                 if rel.get("key") == "japan-defence-budget"}
    assert ("agreement", frozenset({"mod-release-ja", "wire-en"})) in relations
    assert ("contradiction", frozenset({"mod-release-ja", "wire-en", "korea-daily-ko"})) in relations
    assert len(relations) == 2  # nothing else joined the key (not the F-35 counts)


# ---------------------------------------------------------------- no crash on any script


_SCRIPTS = [
    "防衛費は7兆9496億円。", "２０２４年度は１６．５％増", "273억 달러로 집계됐다.", "전년 대비 12.5% 증가",
    "令和元年度", "三千億円超", "中国出口增长百分之五", "نمت الصادرات بنسبة ٥٪ في عام ٢٠٢٣", "\u202eRTL\u202c ٣٤٥",
    "निर्यात में १२३ करोड़ रुपये", "ＡＢＣ１２３％", "12,5 %", "1.234,5 Mrd. Euro", "3 088,2 milliards d'euros",
    "1,234", "–5%", "F-35A戦闘機8機", "\u200b\ufeff", "𠮷野家 1万円", "Ünïcödé ☃ 5€", "५०%", "٪٥٠", "7兆", "億",
    "兆兆兆兆", "1" * 40 + "億", "0.5ポイント", "前年比", "2023年10～12月期", "۱۲۳ میلیارد ریال",
]


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_SCRIPTS), st.sampled_from([" ", "", "\n", "\n\n", "。", ". "])),
                min_size=1, max_size=14), st.sampled_from(["", "ja", "ko", "zh", "de", "fr", "en"]))
def test_drafting_any_script_never_fails_and_every_quote_anchors(parts, language: str) -> None:
    source = "".join(a + b for a, b in parts)
    meta = BriefMeta(id="t", title="T", source="t.txt", source_sha256="0" * 64, language=language)
    draft = build_draft(source, meta=meta)
    norm = anchor.normalise(source)
    for claim in draft.claims:
        assert anchor.find_quote(norm, claim.quote, claim.prefix, claim.suffix).span == claim.span


def test_commands_on_text_in_any_script_give_no_internal_error(tmp_path: Path) -> None:
    """annotate, add, check and compare on random text of CJK, Hangul, Arabic, Devanagari digits,
    full-width forms and right-to-left marks: exit 0, 1 or 2, never 3, never a traceback."""
    rng = random.Random(23)
    root = tmp_path / "corpus"
    assert cli("init", str(root)).exit_code == 0
    for n in range(6):
        text = "Title\n\n" + "".join(rng.choice(_SCRIPTS) + rng.choice(["", " ", "\n"]) for _ in range(30))
        src = tmp_path / f"s{n}.txt"
        src.write_text(text, encoding="utf-8")
        for args in (["annotate", str(src)], ["add", str(src), str(root)]):
            r = cli(*args)
            assert r.exit_code in (0, 1, 2), (args, r.output[-2000:])
            assert r.exception is None or isinstance(r.exception, SystemExit), repr(r.exception)
            assert "Traceback" not in r.output and "internal error" not in r.output
    for args in (["check", str(root)], ["compare", str(root)], ["align", str(root)]):
        r = cli(*args)
        assert r.exit_code in (0, 1, 2), (args, r.output[-2000:])
        assert "Traceback" not in r.output and "internal error" not in r.output



def test_briefs_in_one_language_align_as_english_ones_do(tmp_path: Path) -> None:
    """Two Japanese and two Korean briefs, no key registered: each language's figures line up by
    their own words (防衛関係費, 社会保障費, 방위비); across languages only through a key's terms."""
    root = tmp_path / "corpus"
    assert cli("init", str(root)).exit_code == 0
    for src in sorted((Path(__file__).parent / "fixtures" / "languages-within").glob("*.txt")):
        assert cli("add", str(src), str(root)).exit_code == 0
    r = cli("align", str(root), "--apply")
    assert r.exit_code == 0, r.output
    r = cli("compare", str(root), "--format", "json")
    found = {(rel["kind"], frozenset(c["brief"] for c in rel["claims"])) for rel in json.loads(r.stdout)["relations"]}
    assert found == {("agreement", frozenset({"mof-release-ja", "maiasa-ja"})),  # 7兆9496億円 / 7兆9500億円
                     ("contradiction", frozenset({"mof-release-ja", "maiasa-ja"})),  # 37兆7193億円 / 36兆円
                     ("agreement", frozenset({"seoul-econ-ko", "hankook-ko"}))}  # 7조 9496억 엔 / 7조 9천억 엔


def test_language_libraries_load_only_for_a_text_in_that_language(tmp_path: Path) -> None:
    """kanjize, japanera and Babel are imported when a Japanese or German text is drafted, never at
    start-up, nor to draft or align an English brief."""
    import subprocess
    import sys

    en = tmp_path / "en.txt"
    en.write_text("Title\n\nExports rose 5 percent in 2023, to 1.2 trillion yen.\n", encoding="utf-8")
    ja = tmp_path / "ja.txt"
    ja.write_text("題\n\n令和6年度の防衛費は7兆9496億円となった。\n", encoding="utf-8")
    code = ("import sys; from pathlib import Path; import briefcmp.cli; "
            "from briefcmp.drafting.annotate import AnnotateSettings, run_annotate; "
            "libs = ('kanjize', 'japanera', 'babel'); "
            "run_annotate(AnnotateSettings(source=Path(sys.argv[1]))); print([m for m in libs if m in sys.modules]); "
            "run_annotate(AnnotateSettings(source=Path(sys.argv[2]))); print([m for m in libs if m in sys.modules])")
    out = subprocess.run([sys.executable, "-c", code, str(en), str(ja)], capture_output=True, text=True,
                         check=True, cwd=tmp_path).stdout.split("\n")
    assert out[0] == "[]" and out[1] == "['kanjize', 'japanera']"


def test_pdf_lines_of_japanese_join_without_spaces() -> None:
    from collections import Counter

    from briefcmp.ingest.clean import continues, join_lines

    assert join_lines(["日本の2024年度の防衛関係費は7兆", "9496億円となった。"], Counter()) == \
        "日本の2024年度の防衛関係費は7兆9496億円となった。"
    assert join_lines(["일본의 2024년도 방위비는", "8조 엔이다."], Counter()) == "일본의 2024년도 방위비는 8조 엔이다."
    assert not continues("防衛費は増えた。", "次の段落は") and continues("防衛費は", "増えた。")


def test_language_can_be_given_and_update_keeps_the_claims_file_s(tmp_path: Path) -> None:
    src = tmp_path / "q.txt"
    src.write_text("Quote\n\nThe rate in the region was 1,5 Prozent, and the rate of the year was 2,5 Prozent.\n",
                   encoding="utf-8")
    assert detect(src.read_text(encoding="utf-8")) == "en"  # so only --language makes it German
    r = cli("annotate", str(src), "--language", "de", "-o", str(tmp_path / "q.claims.yaml"))
    assert r.exit_code == 0, r.output
    text = (tmp_path / "q.claims.yaml").read_text(encoding="utf-8")
    assert "language: de" in text and "value: {amount: 1.5, unit: percent}" in text
    with src.open("a", encoding="utf-8") as fh:
        fh.write("The rate for the quarter was 3,5 Prozent.\n")
    r = cli("annotate", str(src), "--update", str(tmp_path / "q.claims.yaml"), "--refresh-sha")
    assert r.exit_code == 0, r.output
    assert "value: {amount: 3.5, unit: percent}" in (tmp_path / "q.claims.yaml").read_text(encoding="utf-8")
    assert cli("annotate", str(src), "--language", "x y").exit_code == 2
