"""The drafting benchmark: texts written in domains the rules were not written from, each with a gold list.

Recall and precision are asserted at the level achieved (see benchmarks/RESULTS.md); a change
that drafts fewer gold figures or more false ones fails here.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from hypothesis import given, strategies as st

from briefcmp.corpus.model import PartialDate
from briefcmp.drafting.figures import find_figures
from briefcmp.corpus.sentences import prepare, split

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

import annotate_eval  # noqa: E402
import drafting_eval  # noqa: E402


def _total(scores) -> tuple[float, float]:
    matched = sum(s.matched for s in scores)
    gold = sum(getattr(s, "gold", getattr(s, "reviewed", 0)) for s in scores)
    drafted = sum(s.drafted for s in scores)
    return matched / gold, matched / drafted


def test_new_domain_texts_recall_and_precision() -> None:
    scores = [s for s in drafting_eval.evaluate(ROOT / "tests" / "drafting") if s.language == "en"]
    assert len(scores) >= 3
    recall, precision = _total(scores)
    assert recall >= 0.97 and precision >= 0.96, drafting_eval.table(scores)
    for s in scores:
        assert s.recall >= 0.87 and s.precision >= 0.87, drafting_eval.table(scores)


@pytest.mark.parametrize("language", ["ja", "ko"])
def test_japanese_and_korean_texts_recall_and_precision(language: str) -> None:
    """Values and periods (as_of) both count. Dev texts at the goal of issue 23 (90%); the held-out
    texts of each language (tests/drafting/heldout) under the level measured (benchmarks/RESULTS.md:
    at each text's first run ja 100%, 96.7%, ko 75.0%, 75.0%; now ja 100%, 96.7%, ko 96.4%, 96.4%)."""
    scores = [s for folder in ("", "heldout") for s in drafting_eval.evaluate(ROOT / "tests" / "drafting" / folder)
              if s.language == language]
    for part, floor in (("dev", 0.9), ("heldout", 0.85)):
        group = [s for s in scores if s.set == part]
        assert group, f"no {part} text for {language}"
        recall, precision = _total(group)
        assert recall >= floor and precision >= floor, drafting_eval.by_language(scores)


def test_held_out_texts_recall_and_precision() -> None:
    """The held-out texts (tests/drafting/heldout, never tuned on): a floor under what was measured
    (issue 24: the first two texts 76.9% recall, 66.7% precision before its drafting fixes, 94.9%,
    90.2% after; with the third, written after the fixes, 95.2%, 90.9%)."""
    scores = [s for s in drafting_eval.evaluate(ROOT / "tests" / "drafting" / "heldout") if s.language == "en"]
    assert len(scores) >= 3
    recall, precision = _total(scores)
    assert recall >= 0.92 and precision >= 0.88, drafting_eval.table(scores)


def test_bundled_corpus_recall_and_precision() -> None:
    recall, precision = _total(annotate_eval.evaluate(ROOT / "briefs"))
    # 0.95: the reviewed corpus keeps one deadline year ("to solve a peace treaty by the year of 2020")
    # that the issue 24 rule (a bare year is drafted only as an event date) leaves out on purpose.
    assert recall >= 0.95 and precision >= 0.94


def _figures(text: str):
    return [(f.value.display(), str(f.as_of) if f.as_of else "") for f in find_figures(text, published=PartialDate(2024, 3))]


@pytest.mark.parametrize("text, expected", [
    # (the year after "more than in" is the base of the change, not its period)
    ("Spending is roughly two-thirds more than in 2022.", [("~66.7%", "")]),
    ("Aid falls by a quarter, to 1.8 billion euros.", [("25%", ""), ("EUR 1.8 billion", "")]),
    ("Of the grants, three-fourths are earmarked for schools.", [("75%", "")]),
    ("One-fourths of the grants go to schools.", [("25%", "")]),  # the plural as some writers write it
    ("Output grew in the second half of the year.", []),
    ("It covers 10- to 15-year contracts.", [("10–15 years", "")]),
    ("Demand will fall by a further 5- to 8-percent by 2026.", [("5–8%", "2026")]),
    ("Two of the three banks were cut off.", [("2 banks", "")]),
    ("Exports fell 3 percent in 2023, compared with the previous year.", [("3%", "2023")]),
    ("Over five years through fiscal 2027, it will spend 43 trillion yen.", [("JPY 43 trillion", "2023/2027")]),
    ("In 2023 Chile mined 5.3 million tonnes of copper. Its share of world output was 24 percent.",
     [("5.3 million tonnes", "2023"), ("24%", "2023")]),
    ("Inflation averaged 7.7 percent over the year, and the rate rose to 12.5 percent in December 2023.",
     [("7.7%", ""), ("12.5%", "2023-12")]),  # December 2023 is the 12.5%'s month, no date of its own
    ("Inflation was steady at 2.8% y/y in November 2024, the bureau said.", [("2.8%", "2024-11")]),
    ("Mr Abe hosted Mr Putin in December 2016, and signed 8 economic deals.", [("2016-12", ""), ("8 deals", "2016-12")]),
    ("The duty falls to 20 percent in the second year.", [("20%", "")]),
    ("Source: Ministry of Finance, Budget Statement 2025, 3 February 2025.", []),
    ("Japan will buy more LNG (Reuters, 12 March 2024).", []),
    ("Two Models of Defence Spending\n\nIn 2022 Japan adopted the three strategic documents. The two countries met.",
     [("3 documents", "2022")]),
    ("Prices rose 5 percent (IMF 2023).", [("5%", "")]),
    ("The jobless rate was 4.1 percent in 2023, a rise of 0.2 point.", [("4.1%", "2023"), ("0.2 percentage-points", "2023")]),
    ("The index rose 12 points in 2023.", [("12 points", "2023")]),
    ("The terminal opened in mid-2023 after delays.", [("2023", "")]),
    ("Exports rose 5 percent in early-2023.", [("5%", "2023")]),
    ("It was the first dispute against the union since 2019.", [("1st", "")]),
    ("Interest costs are nearly double the level of 2021.", [("~2 times", "2021")]),
    ("Korea requested consultations at the WTO in May, the first dispute against the union since 2019.",
     [("2023-05", ""), ("1st", "2023-05")]),
    ("A deal needs approval by all eleven member states.", [("11 states", "")]),
    ("In March 2023 the union imposed duties of 25 percent.", [("25%", "2023-03")]),
])
def test_drafting_fixes_by_cause(text: str, expected) -> None:
    assert _figures(text) == expected


def test_a_line_break_inside_a_sentence_keeps_its_words() -> None:
    p = prepare("Exports\nrose by 4 percent in 2022.\n\nHeading\n\nNext paragraph.")
    assert [p.text[s.start:s.end] for s in split(p.text)] == \
        ["Exports\nrose by 4 percent in 2022.", "Heading", "Next paragraph."]


_words = st.sampled_from(["Exports", "rose", "by", "4", "percent", "two-thirds", "a", "quarter", "10-", "to",
                          "15-year", "fiscal", "2027", "over", "five", "years", "through", "of", "the", "three",
                          "banks", ".", ",", "\n", "Its", "share", "In", "2023", "half", "double", "Source:"])


@given(st.lists(_words, max_size=40))
def test_figures_never_fail_and_stay_inside_the_text(words) -> None:
    text = " ".join(words)
    for f in find_figures(text, published=PartialDate(2024, 3)):
        assert 0 <= f.start < f.end <= len(text)
        if f.value.type == "quantity" and f.value.upper is not None:
            assert f.value.upper >= f.value.amount


def test_fiscal_years_are_periods_from_the_configured_start() -> None:
    def as_of(text: str, start: int) -> list[str]:
        return [str(f.as_of) for f in find_figures(text, fiscal_start=start)]

    assert as_of("Defence spending was 5.4 trillion yen in fiscal 2022.", 4) == ["2022-04/2023-03"]
    assert as_of("The deficit was 6 percent in FY2024.", 10) == ["2023-10/2024-09"]
    assert as_of("Defence spending was 5.4 trillion yen in fiscal 2022.", 1) == ["2022"]
    assert as_of("Over five years through fiscal 2027, it will spend 43 trillion yen.", 4) == ["2023-04/2028-03"]


def test_config_fiscal_year_start_is_a_month(tmp_path: Path) -> None:
    from briefcmp.corpus import yamlsafe
    from briefcmp.corpus.parse import parse_config
    from briefcmp.corpus.problems import Problems

    def parse(text: str):
        problems = Problems()
        return parse_config(yamlsafe.parse(text, "c.yaml", problems), "c.yaml", problems), problems

    config, problems = parse("format: 1\nfiscal_year_start: 4\n")
    assert config.fiscal_year_start == 4 and not list(problems)
    config, problems = parse("format: 1\nfiscal_year_start: 13\n")
    assert config.fiscal_year_start == 1 and [p.rule for p in problems] == ["bad-value"]


@pytest.mark.parametrize("text, expected", [
    ("A Title Here\nNairobi Policy Institute, March 2024\n\nBody text.",
     ("A Title Here", "Nairobi Policy Institute", "2024-03")),
    ("A Title Here\nBy Ana Ferreira and Tomas Novak, 5 September 2023\n\nBody text.", ("A Title Here", "", "2023-09-05")),
    ("A Title Here\n\nThe ministry released data on 3 May 2023 showing that exports rose 5 percent in the first "
     "quarter while imports fell.\n", ("A Title Here", "", "None")),
])
def test_metadata_from_the_header_only(text: str, expected) -> None:
    from briefcmp.drafting.metadata import find_metadata

    title, publisher, published = find_metadata(prepare(text))
    assert (title, publisher, str(published)) == expected


@pytest.mark.parametrize("text, expected", [
    ("Kenya's economy grew 3.4 percent in 2023, up from 4.8 percent a year earlier.", [("3.4%", "2023"), ("4.8%", "2022")]),
    ("Growth was 2.1 percent in 2023, compared with 4.8 percent the previous year.", [("2.1%", "2023"), ("4.8%", "2022")]),
    ("Unemployment fell to 7.4 percent in the fourth quarter of 2023.", [("7.4%", "2023-10/2023-12")]),
    ("Brazil grew 2.9 percent in 2023. Inflation ended the year at 4.6 percent.", [("2.9%", "2023"), ("4.6%", "2023")]),
])
def test_as_of_from_context(text: str, expected) -> None:
    assert _figures(text) == expected


def test_a_number_after_its_subject_counts_the_subject() -> None:
    assert _figures("Deportations rose to 16,400 in 2023.") == [("16,400 deportations", "2023")]
    assert _figures("First-time asylum applications in Germany reached 329,000 in 2023.") == \
        [("329,000 applications", "2023")]


def test_the_months_a_rate_runs_over_are_its_period_not_a_figure() -> None:
    """"the twelve months ending November": the period a rate is of, not a duration of 12 months (walk-s5)."""
    for text in ("The average annual rate of food inflation for the twelve months ending November was 38.67 per cent.",
                 "Prices rose 4.1% in the 12 months to September 2024.",
                 "Exports totalled $88 billion in the three months through June."):
        shown = [v for v, _ in _figures(text)]
        assert shown and not any("month" in v for v in shown), (text, shown)
    # a duration the text claims stays a figure
    assert any("month" in v for v, _ in _figures("The strike lasted 14 months, ending in November 2023."))
    assert any("month" in v for v, _ in _figures("Inflation has risen for 12 months in a row."))
