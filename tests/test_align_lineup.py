"""Several outlets' reports of one event (issue 21): periods from the text and the date of
publication, one figure written several ways, subjects per clause, cited agencies, evidence scores,
and the benchmark runner on one set of benchmarks/lineup/dev."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefcmp.analysis import clauses, evidence, periods
from briefcmp.drafting.cites import cited, cites_for
from test_bench_smoke import _module  # benchmarks/ modules, registered once

ROOT = Path(__file__).resolve().parent.parent


def _resolve(sentence: str, figure: str, published: date, country: str = "") -> tuple[str, str]:
    i = sentence.index(figure)
    return periods.resolve(sentence, (i, i + len(figure)), published, country)


@pytest.mark.parametrize("sentence,figure,published,country,expected", [
    # relative periods against the publication date
    ("South Korea's exports decreased 7.4 percent on-year last year.", "7.4", date(2024, 1, 1), "", "2023"),
    ("Japan's economy shrank an annualized 0.4 percent in the October-December period.", "0.4",
     date(2024, 2, 15), "japan", "2023-10/2023-12"),
    ("The economy grew at an annual pace of 0.4% in the last quarter of last year.", "0.4", date(2024, 3, 11),
     "japan", "2023-10/2023-12"),
    ("India's fiscal deficit is 5.8 per cent in the current financial year.", "5.8", date(2024, 2, 1), "india",
     "2023-04/2024-03"),
    ("Japan's defense spending will rise more than 16% next year under a record budget.", "16",
     date(2023, 12, 22), "japan", "2024-04/2025-03"),
    ("The Board decided today to raise the cash rate to 4.35 per cent.", "4.35", date(2023, 11, 7), "", "2023-11-07"),
    # a comparison base is not the period; a figure inside the base is dated by it
    ("The budget for the fiscal year starting in April jumped 16.5 percent from 6.8 trillion yen in the current "
     "fiscal year.", "16.5", date(2023, 12, 22), "japan", "2024-04/2025-03"),
    ("The budget for the fiscal year starting in April jumped 16.5 percent from 6.8 trillion yen in the current "
     "fiscal year.", "6.8", date(2023, 12, 22), "japan", "2023-04/2024-03"),
    ("The deficit amounted to 9.97 billion dollars in 2023, after a 47.78-billion-dollar deficit the previous "
     "year.", "47.78", date(2024, 1, 1), "", "2022"),
    ("India aims to cut its deficit to 5.1% in 2024/25 from a revised 5.8% in 2023/24.", "5.8", date(2024, 2, 1),
     "india", "2023-04/2024-03"),
    # a month named alone: the latest such month up to publication; "from October" is a base, "May" a verb
    ("Japan's unemployment rate stayed at 2.5% in November, data showed on Tuesday.", "2.5", date(2023, 12, 26),
     "", "2023-11"),
    ("The ratio stood at 1.27 in November, down 0.03 point from October.", "1.27", date(2023, 12, 26), "",
     "2023-11"),
    ("The ratio stood at 1.27, down 0.03 point from October.", "1.27", date(2023, 12, 26), "", ""),
    ("Prices may rise 2% in the coming months.", "2", date(2023, 12, 26), "", ""),
    ("Prices rose 2% in May.", "2", date(2024, 2, 1), "", "2023-05"),
    ("Coal output rose nearly 12% in the fiscal year that ended in March.", "12", date(2024, 4, 2), "india",
     "2023-04/2024-03"),
    ("Sales rose 5% in the year to June 2023.", "5", date(2024, 4, 2), "", "2022-07/2023-06"),
    # an origin is no base: "from Sudan in December 2023"
    ("Chad was hosting about 570,000 refugees from Sudan in December 2023.", "570,000", date(2024, 3, 1), "",
     "2023-12"),
    # the month before publication, and the month of the comparison base
    ("Annual inflation cooled to 2.6% last month from 2.9% in May, the statistics office said.", "2.6%",
     date(2024, 7, 17), "united-kingdom", "2024-06"),
    ("Annual inflation cooled to 2.6% last month from 2.9% in May, the statistics office said.", "2.9%",
     date(2024, 7, 17), "united-kingdom", "2024-05"),
    ("Retail sales grew 0.8% this month, the agency estimated.", "0.8%", date(2024, 7, 17), "", "2024-07"),
    # Indian fiscal years, written every way
    ("The state set road spending at Rs 2.7 lakh crore for the next fiscal, up from Rs 2.4 lakh crore in the "
     "current fiscal, the minister said on Friday.", "2.7", date(2025, 2, 3), "india", "2025-04/2026-03"),
    ("The state set road spending at Rs 2.7 lakh crore for the next fiscal, up from Rs 2.4 lakh crore in the "
     "current fiscal, the minister said on Friday.", "2.4", date(2025, 2, 3), "india", "2024-04/2025-03"),
    ("The deficit for FY26 is projected at 4.1 per cent, down from 4.6 per cent in FY25.", "4.1", date(2025, 2, 3),
     "india", "2025-04/2026-03"),
    ("The deficit for FY26 is projected at 4.1 per cent, down from 4.6 per cent in FY25.", "4.6", date(2025, 2, 3),
     "india", "2024-04/2025-03"),
    ("Railways get Rs 2.55 lakh crore for FY2025-26.", "2.55", date(2025, 2, 3), "india", "2025-04/2026-03"),
    ("Health spending rises to Rs 99,859 crore from Rs 89,287 crore in the current financial year.", "89,287",
     date(2025, 2, 3), "india", "2024-04/2025-03"),
    ("The budget puts the deficit at 4.2% for the fiscal year starting April 1, down from 4.7% in the current "
     "year.", "4.7%", date(2025, 2, 3), "india", "2024-04/2025-03"),
    ("Spending is estimated at Rs 48.2 lakh crore in 2025-26, against revised estimates of Rs 46.9 lakh crore "
     "for 2024-25.", "46.9", date(2025, 2, 3), "india", "2024-04/2025-03"),
    # "FY24": the year it ends in, but in Japan the year it starts in; none where the fiscal year is the calendar's
    ("Defence spending reaches 7.9 trillion yen in FY24.", "7.9", date(2024, 1, 10), "japan", "2024-04/2025-03"),
    ("Sales rose 4% in FY24.", "4%", date(2024, 6, 1), "", "2023-04/2024-03"),
    ("Exports rose 4% in FY24.", "4%", date(2024, 6, 1), "australia", "2023-07/2024-06"),
    ("Exports rose 4% in FY24.", "4%", date(2024, 6, 1), "germany", ""),
    # a two-year label is a fiscal year only where one is meant
    ("The 2024/25 soybean harvest is put at 169.5 million tonnes.", "169.5", date(2025, 2, 3), "brazil", "2024/2025"),
    ("The 2024/25 soybean harvest is put at 169.5 million tonnes.", "169.5", date(2025, 2, 3), "", "2024/2025"),
    ("Spending in 2025-26 is put at Rs 50.65 lakh crore.", "50.65", date(2025, 2, 3), "", "2025-04/2026-03"),
    ("Spending in 2025-26 is put at 50.65 trillion rupees.", "50.65", date(2025, 2, 3), "india", "2025-04/2026-03"),
    ("The 2024-25 budget deficit is A$28 billion.", "28", date(2025, 2, 3), "australia", "2024-07/2025-06"),
    # a decision's weekday, in the week of publication (Wednesday 17 July: Monday the 15th)
    ("The central bank cut its rate to 3.5% on Monday.", "3.5%", date(2024, 7, 17), "", "2024-07-15"),
    # a price change over the year to a month is that month's rate; a flow keeps its twelve months
    ("Food prices rose by 3.1% in the year to May 2024, after 3.8% in the year to April.", "3.1%",
     date(2024, 6, 19), "united-kingdom", "2024-05"),
    ("Food prices rose by 3.1% in the year to May 2024, after 3.8% in the year to April.", "3.8%",
     date(2024, 6, 19), "united-kingdom", "2024-04"),
    ("Car sales rose 6% in the year to May 2024.", "6%", date(2024, 6, 19), "united-kingdom", "2023-06/2024-05"),
    ("The CPI level was little changed (0.0%) between August and September 2024.", "0.0%", date(2024, 10, 16),
     "united-kingdom", "2024-09"),
    ("Car output rose 4% between April and June 2024.", "4%", date(2024, 10, 16), "united-kingdom",
     "2024-04/2024-06"),
    # where a record run starts, and when a figure was published, date no figure
    ("Rent inflation slowed to 6.2% from 7.0%, its weakest since March 2022.", "7.0%", date(2024, 6, 19),
     "united-kingdom", ""),
    ("Output grew 0.3 percent between April and June, halving the 0.6 percent published in July.", "0.3",
     date(2024, 8, 14), "germany", "2024-04/2024-06"),
    ("Output grew 0.3 percent, halving the 0.6 percent it had published at the end of July.", "0.6",
     date(2024, 8, 14), "germany", ""),
    # the quarter before the figure's own; "on the previous quarter" is a base; a base opening a sentence
    ("Output rose 0.4% in the second quarter, after 0.1% in the previous three months.", "0.1%", date(2024, 8, 14),
     "germany", "2024-01/2024-03"),
    ("Output rose 0.4% in the first quarter of 2024, after a fall of 0.3% in the previous quarter.", "0.3%",
     date(2024, 8, 14), "germany", "2023-10/2023-12"),
    ("Output rose 0.4% on the quarter, after 0.1% in the previous three months.", "0.1%", date(2024, 8, 14),
     "germany", ""),
    ("Output in the 2nd quarter of 2024 was 0.5% higher on the 2nd quarter of 2023.", "0.5%", date(2024, 8, 14),
     "germany", "2024-04/2024-06"),
    ("The 1st quarter of 2024 now shows a fall of 0.4% on the previous quarter (previously reported: -0.2%).",
     "0.2%", date(2024, 8, 14), "germany", "2024-01/2024-03"),
    ("Compared with the same quarter last year, output was 0.6 percent lower in the 2nd quarter.", "0.6",
     date(2024, 8, 14), "germany", "2024-04/2024-06"),
    ("Arrivals hit 21.4 million in 2023, up 40 percent from the previous year, with their spending reaching a "
     "record 5.3 trillion yen.", "5.3", date(2024, 1, 17), "japan", "2023"),
    # each figure of "A's ... and B's ..." takes the month of its own clause
    ("April's gain is now put at +151,000 (previously +165,000) and May's at +118,000.", "151,000",
     date(2024, 7, 5), "united-states", "2024-04"),
    ("April's gain is now put at +151,000 (previously +165,000) and May's at +118,000.", "165,000",
     date(2024, 7, 5), "united-states", "2024-04"),
    ("April's gain is now put at +151,000 (previously +165,000) and May's at +118,000.", "118,000",
     date(2024, 7, 5), "united-states", "2024-05"),
    # "the last year" is the twelve months to publication, "last year" the calendar year before
    ("Hiring slowed from the 190,000 average of the last year.", "190,000", date(2024, 7, 5), "united-states",
     "2023-07/2024-06"),
    ("Hiring averaged 190,000 a month last year.", "190,000", date(2024, 7, 5), "united-states", "2023"),
    # a decision's day beside the figure dates it, not a period of another noun farther on
    ("The bank kept its rate at 4.5% on Thursday, waiting for clarity on next year's pay round.", "4.5",
     date(2024, 12, 19), "norway", "2024-12-19"),
    ("Copper closed at $9,120 a tonne on Monday, its lowest since last year's rout.", "9,120", date(2024, 12, 18),
     "chile", "2024-12-16"),
    # a weekday before the figure dates the report, not the figure its period follows
    ("The chipmaker on Thursday reported a net profit of NT$300 billion (US$9.3 billion) for the third quarter "
     "of 2024.", "300", date(2024, 10, 17), "taiwan", "2024-07/2024-09"),
    # a day the figure was said on is no period: the stated one is
    ("Exports rose 4.1% in November, the customs office said on Tuesday.", "4.1", date(2024, 12, 10), "chile",
     "2024-11"),
])
def test_periods(sentence, figure, published, country, expected) -> None:
    assert _resolve(sentence, figure, published, country)[0] == expected


def test_no_period_is_guessed() -> None:
    assert _resolve("Outbound shipments stood at US$632.6 billion.", "632.6", date(2024, 1, 1)) == ("", "")
    # "the year before" in a base, when the main period is unknown: no guess
    assert _resolve("It produced a deficit of $9.97 billion, down from $47.8 billion the year before.", "47.8",
                    date(2024, 1, 2))[0] == ""


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=200), st.integers(min_value=0, max_value=200))
def test_periods_never_fail(text: str, at: int) -> None:
    at = min(at, len(text))
    value, how = periods.resolve(text, (at, at), date(2024, 1, 1), "japan")
    assert how in ("", "stated", "relative")
    assert bool(value) == bool(how)


def test_one_figure_several_expressions() -> None:
    s = "The Cabinet approved a record 7.95 trillion yen ($56 billion) defense budget for fiscal 2024."
    blanked, at = clauses.blank_conversions(s, (s.index("56"), s.index("56") + 2))
    assert "$56" not in blanked and len(blanked) == len(s) and at == s.index("(")
    s = "Japan's GDP totaled $4.2 trillion, while Germany's was $4.4 trillion, or $4.5 trillion, depending on the rate."
    i = s.index("4.5")
    assert clauses.alternative(s, (i, i + 3)) == s.index(", or")
    s = "Japan's nominal GDP came to 591.48 trillion yen, or $4.21 trillion, falling behind Germany."
    i = s.index("4.21")
    assert clauses.or_conversion(s, (i, i + 4)) is not None
    assert clauses.ELLIPTIC.match(" Germany's was $4.4 trillion")


def test_respectively() -> None:
    s = "South Korea's exports and imports shrank 7.4 percent and 12.1 percent respectively, to 632.69 billion " \
        "dollars and 642.67 billion dollars."
    for figure, words in (("7.4", "exports shrank"), ("12.1", "imports shrank"), ("632.69", "exports"),
                          ("642.67", "imports")):
        i = s.index(figure)
        assert clauses.respective_words(s, (i, i + len(figure)))[0] == words


@pytest.mark.parametrize("text,agency", [
    ("Japan approved a record budget, Report informs, citing Kyodo News.", "Kyodo"),
    ("Exports fell 7.4 percent, Yonhap News Agency reported.", "Yonhap"),
    ("The figure rose, the AP reports.", "AP"),
    ("Japan's GDP was $4.21 trillion, national news agency Kyodo reported.", "Kyodo"),
    ("The US shipped 88.9 million tons, according to LSEG data.", ""),
    ("TOKYO, 22 December 2023 (AP) - Japan's defense spending will rise.", ""),
])
def test_cited_agency(text: str, agency: str) -> None:
    assert cited(text) == agency


def test_cites_from_paragraph_and_report() -> None:
    text = "Japan earmarked 7.9 trillion yen, Kyodo News reported.\n\nOutlays will rise 16.5 percent, according " \
           "to the report.\n\nThe yen weakened 2 percent."
    second = (text.index("Outlays"), text.index("report.") + 7)
    third = (text.index("The yen"), len(text))
    assert cites_for(text, second, second) == "Kyodo"
    assert cites_for(text, third, third) == ""


def test_evidence_says_what_is_missing() -> None:
    from briefcmp.analysis.align import FORECAST_WORDS, _DIRECTED, Member
    from briefcmp.corpus.model import Claim, Value

    def member(brief: str, period: str, how: str, subjects_from: str = "clause") -> Member:
        claim = Claim(brief=brief, id="x", quote="Exports rose 5 percent.", kind="fact",
                      value=Value("quantity", amount=5.0, unit="percent"))
        return Member(claim, ("japan",), subjects_from, "percent", "percent", frozenset({"export", "increase"}), {},
                      ("export", "increase"), "japan", period, how)

    sure = evidence.evidence([member("a", "2023", "stated"), member("b", "2023", "relative")], _DIRECTED,
                             FORECAST_WORDS)
    assert sure.score == 1.0 and sure.sure() and not sure.missing
    weaker = evidence.evidence([member("a", "2023", "stated", "whole brief"), member("b", "2023", "release")],
                               _DIRECTED, FORECAST_WORDS)
    assert 0 < weaker.score < 1.0 and weaker.sure()  # calibrated: kept above the threshold
    undated = evidence.evidence([member("a", "2023", "stated"), member("b", "", "")], _DIRECTED, FORECAST_WORDS)
    assert undated.score == 0 and not undated.sure() and "no stated period for b#x" in undated.doubt()


def test_lineup_runner_on_one_dev_set(tmp_path) -> None:
    """The reusable runner: every gold quote is in its source, and precision comes first."""
    lineup = _module("lineup_eval")
    folder = ROOT / "benchmarks" / "lineup" / "dev" / "kr-exports-2023"
    run = lineup.run_set(folder, tmp_path)
    score = lineup.score_set(folder, run)
    assert not score.errors, score.errors
    assert score.gold >= 4 and len(list(folder.glob("*.txt"))) >= 4
    assert score.false_contradictions == [] and score.keys_wrong == []
    assert score.found >= 1 and score.keys_right >= 1
    # the as-of align wrote says why
    assert any("# align:" in p.read_text(encoding="utf-8") for p in (tmp_path / folder.name).glob("*.claims.yaml"))
    # a second run does not join December's exports (a month's figure) to the year's exports key written
    from briefcmp.analysis.align import align
    from briefcmp.corpus.cache import load_corpus

    again = align(load_corpus([tmp_path / folder.name], cache=False).corpus)
    assert not any(m.claim.value.amount == 57.6 for g in again.groups for m in g.members)


def test_a_claim_of_another_period_length_does_not_join_a_key_alone() -> None:
    """A month's, a quarter's and a year's figure of one measure: a claim joining a key written earlier is
    not sure when its period is of another length than the claims under it; a day (a rate set, a close)
    goes with any length."""
    from briefcmp.analysis.align import Member
    from briefcmp.corpus.model import Claim, Value

    assert [periods.months(p) for p in ("2023", "2023-12", "2024-07/2024-09", "2024-04/2025-03", "2024-12-19",
                                         "", "2023-Q4")] == [12, 1, 3, 12, 0, 0, 0]

    def member(brief: str, period: str) -> Member:
        claim = Claim(brief=brief, id="x", quote="Exports came to $57.6 billion.", kind="fact",
                      value=Value("quantity", amount=57.6e9, unit="USD"))
        return Member(claim, ("south-korea",), "clause", "currency", "USD", frozenset({"export"}), {},
                      ("export",), "south-korea", period, "stated")

    why = evidence.other_length(member("c", "2023-12"), [member("a", "2023"), member("b", "2023")])
    assert why == "c#x is a figure of a month, the key's of a year: periods of another length"
    assert "a quarter" in evidence.other_length(member("c", "2024-07/2024-09"), [member("a", "2024")])
    assert evidence.other_length(member("c", "2022"), [member("a", "2023")]) == ""  # another year: one length
    assert evidence.other_length(member("c", "2024-04/2025-03"), [member("a", "2024")]) == ""
    assert evidence.other_length(member("c", "2024-12-19"), [member("a", "2024-07")]) == ""  # a day: any length


def test_every_dev_set_is_well_formed() -> None:
    import yaml

    # a set is a folder with a gold.yaml; a README beside the sets is not one
    sets = sorted(p for p in (ROOT / "benchmarks" / "lineup" / "dev").iterdir() if (p / "gold.yaml").is_file())
    assert len(sets) >= 8
    for folder in sets:
        gold = yaml.safe_load((folder / "gold.yaml").read_text(encoding="utf-8"))
        assert len(list(folder.glob("*.txt"))) >= 4 and len(gold["traps"]) >= 3 and gold["relations"]
        texts = {p.stem: " ".join(p.read_text(encoding="utf-8").split()) for p in folder.glob("*.txt")}
        for item in [*gold["relations"], *gold["traps"]]:
            for q in item["claims"]:
                assert " ".join(q["quote"].split()) in texts[q["source"]], (folder.name, q)


def test_bench_times_align_on_drafted_briefs(tmp_path, capsys) -> None:
    bench = _module("bench")
    code = bench.main(["--sizes", "2", "--claims", "2", "--repeat", "1", "--no-startup", "--cjs", "none",
                       "--no-compare", "--align", "3", "--out", str(tmp_path), "--json", str(tmp_path / "r.json")])
    assert code == 0
    rows = {(r["what"], r["size"]): r for r in json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))["rows"]}
    assert rows[("briefcmp align (plan, no apply)", "3 drafted")]["seconds"] > 0


def test_lineup_eval_takes_a_revision_as_change_or_contradiction(tmp_path) -> None:
    """A gold note starting "revision:" is found as a contradiction or a change, and a contradiction
    on it is no false one; another gold kind stays strict."""
    lineup = _module("lineup_eval")
    (tmp_path / "gold.yaml").write_text(
        "event: e\nrelations:\n"
        "  - kind: contradiction\n    note: 'revision: first estimate and revision'\n    claims:\n"
        "      - {source: a, quote: 'shrank 0.4 percent'}\n      - {source: b, quote: 'grew 0.4 percent'}\n"
        "  - kind: agreement\n    note: same\n    claims:\n"
        "      - {source: a, quote: 'rose 2.0 percent'}\n      - {source: b, quote: 'rose 2.0 percent'}\n",
        encoding="utf-8")
    claims = [{"brief": s, "claim": c, "quote": q, "value": {"amount": v}}
              for s, c, q, v in (("a", "x", "shrank 0.4 percent", 0.4), ("b", "x", "grew 0.4 percent", 0.4),
                                 ("a", "y", "rose 2.0 percent", 2.0), ("b", "y", "rose 2.0 percent", 2.0))]
    sources = {"a": "It shrank 0.4 percent. It rose 2.0 percent.", "b": "It grew 0.4 percent. It rose 2.0 percent."}

    def score(kind_x: str, kind_y: str):
        rels = [{"kind": kind_x, "claims": [{"brief": "a", "claim": "x"}, {"brief": "b", "claim": "x"}]},
                {"kind": kind_y, "claims": [{"brief": "a", "claim": "y"}, {"brief": "b", "claim": "y"}]}]
        return lineup.score_set(tmp_path, lineup.SetRun("t", rels, claims, sources))

    for kind in ("change-over-time", "contradiction"):
        s = score(kind, "agreement")
        assert (s.found, s.gold, s.false_contradictions) == (2, 2, [])
    s = score("agreement", "contradiction")
    assert s.found == 0 and len(s.false_contradictions) == 1


def test_lineup_eval_widens_a_gold_contradiction_by_its_agreements(tmp_path) -> None:
    """Gold: a's 1.8 contradicts b's 1.7, and b agrees with c's 1.7: a relation a-vs-c is the same
    contradiction told by another outlet (not false); a-vs-d (d in no gold relation) stays false."""
    lineup = _module("lineup_eval")
    (tmp_path / "gold.yaml").write_text(
        "event: e\nrelations:\n"
        "  - kind: contradiction\n    note: slip\n    claims:\n"
        "      - {source: a, quote: 'rose 1.8 percent'}\n      - {source: b, quote: 'rose 1.7 percent'}\n"
        "  - kind: agreement\n    note: same\n    claims:\n"
        "      - {source: b, quote: 'rose 1.7 percent'}\n      - {source: c, quote: 'grew 1.7 percent'}\n",
        encoding="utf-8")
    claims = [{"brief": s, "claim": "x", "quote": q, "value": {"amount": v}}
              for s, q, v in (("a", "rose 1.8 percent", 1.8), ("b", "rose 1.7 percent", 1.7),
                              ("c", "grew 1.7 percent", 1.7), ("d", "was 1.7 percent", 1.7))]
    sources = {"a": "It rose 1.8 percent.", "b": "It rose 1.7 percent.", "c": "It grew 1.7 percent.",
               "d": "It was 1.7 percent."}

    def false_ones(other: str) -> list:
        rels = [{"kind": "contradiction", "claims": [{"brief": "a", "claim": "x"}, {"brief": other, "claim": "x"}]}]
        return lineup.score_set(tmp_path, lineup.SetRun("t", rels, claims, sources)).false_contradictions

    assert false_ones("b") == [] and false_ones("c") == []
    assert len(false_ones("d")) == 1


def test_lineup_eval_pins_claims_sharing_a_quote_to_their_own_writing(tmp_path) -> None:
    """A sentence stating 5.2% twice (a year's growth, then the fourth quarter's) drafts two claims
    with one quote and one value: the first stands for the first writing, the second for the
    second, so a key joining the first with another brief's annual figure is right, not a trap."""
    lineup = _module("lineup_eval")
    sentence = "The economy grew 5.2% last year, with fourth-quarter growth of 5.2% from a year earlier."
    (tmp_path / "gold.yaml").write_text(
        "event: e\nrelations:\n"
        "  - kind: agreement\n    note: the year\n    claims:\n"
        "      - {source: a, quote: 'grew 5.2% last year'}\n      - {source: b, quote: 'grew 5.2 percent in 2023'}\n"
        "traps:\n  - why: a year is not a quarter\n    claims:\n"
        "      - {source: b, quote: 'grew 5.2 percent in 2023'}\n"
        "      - {source: a, quote: 'fourth-quarter growth of 5.2%'}\n",
        encoding="utf-8")
    claims = [{"brief": "a", "claim": "year", "quote": sentence, "value": {"amount": 5.2}, "key": "k"},
              {"brief": "a", "claim": "q4", "quote": sentence, "value": {"amount": 5.2}},
              {"brief": "b", "claim": "year", "quote": "grew 5.2 percent in 2023", "value": {"amount": 5.2}, "key": "k"}]
    sources = {"a": sentence, "b": "It grew 5.2 percent in 2023."}
    rels = [{"kind": "agreement", "claims": [{"brief": "a", "claim": "year"}, {"brief": "b", "claim": "year"}]}]
    s = lineup.score_set(tmp_path, lineup.SetRun("t", rels, claims, sources))
    assert (s.found, s.keys_right, s.keys_wrong, s.trap_failures) == (1, 1, [], [])
    # the same key on the second writing joins the trap
    claims[0]["key"], claims[1]["key"] = None, "k"
    rels[0]["claims"][0]["claim"] = "q4"
    s = lineup.score_set(tmp_path, lineup.SetRun("t", rels, claims, sources))
    assert s.found == 0 and len(s.keys_wrong) == 1


def test_a_yearless_wire_dateline_takes_the_year_of_the_reports_beside_it() -> None:
    from briefcmp.analysis.align import _dateline_day

    text = "Japan's jobless rate holds\n\nTOKYO, Dec 26 (Reuters) -\n\nJapan's unemployment rate stayed at 2.5%."
    assert _dateline_day(text, (date(2023, 12, 27),)) == date(2023, 12, 26)
    assert _dateline_day(text, (date(2024, 1, 2),)) == date(2023, 12, 26)  # across the new year
    assert _dateline_day(text, ()) is None  # nothing fixes the year
    assert _dateline_day(text, (date(2023, 6, 1),)) is None  # no report of that week


def test_a_headline_rounding_the_body_is_one_value_of_its_brief() -> None:
    from types import SimpleNamespace

    from briefcmp.corpus.model import Claim, Value

    def member(ref: str, amount: float, scale: str):
        brief, cid = ref.split("#")
        claim = Claim(id=cid, brief=brief, quote="India's coal output", kind="fact",
                      value=Value("quantity", amount=amount, scale=scale, unit="tonnes"))
        return SimpleNamespace(claim=claim, subjects=("india",), subjects_from="clause", dated=True, period="2023",
                               period_how="stated", lead="india", words=frozenset({"coal", "output"}), unit="tonnes")

    same = [member("r#a", 1, "billion"), member("r#b", 997.3, "million"), member("p#a", 997.25, "million")]
    assert "two values" not in evidence.evidence(same, frozenset(), re.compile("will")).doubt()
    other = [member("r#a", 1.2, "billion"), member("r#b", 997.3, "million"), member("p#a", 997.25, "million")]
    assert "two values" in evidence.evidence(other, frozenset(), re.compile("will")).doubt()


def test_a_wire_filed_from_several_cities_is_dated_too() -> None:
    from briefcmp.analysis.align import _dateline_day

    text = "Row deepens\nNEW DELHI/OTTAWA, Sept 19 (Reuters) -\n\nIndia expelled a diplomat."
    assert _dateline_day(text, (date(2023, 9, 22),)) == date(2023, 9, 19)


def test_a_period_label_glued_to_its_digits_writes_no_figure() -> None:
    """"FY25", "Q4", "H1" name periods: a quote "seats in FY25, up 3%" writes 3, not 25 (the simulated analyst
    once keyed a 25% with a 3% through it)."""
    value_written_in = _module("lineup_match").value_written_in
    assert not value_written_in({"amount": 25}, "about 103 million seats in FY25, an increase of 3%")
    assert value_written_in({"amount": 3}, "about 103 million seats in FY25, an increase of 3%")
    assert not value_written_in({"amount": 4}, "Q4 revenue rose")
    assert value_written_in({"amount": 2.6}, "H1 operating profit EUR2.6bn")
