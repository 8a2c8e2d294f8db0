"""Figures as news and ministry releases write them: Indian lakh and crore, unitless ratios and
indexes, counts named by a verb or a noun, signed changes, and the period of each figure of a
sentence. Every sentence here is written for these tests.
"""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefcmp.analysis import periods, titleperiods
from briefcmp.corpus import units
from briefcmp.corpus.model import SCALES, PartialDate, Value
from briefcmp.corpus import sentences as S
from briefcmp.drafting.figures import find_figures
from briefcmp.drafting.numbers import TOKEN, number_value


def found(text, published=PartialDate(2025, 2, 3)):
    prep = S.prepare(text)
    return [(f.kind, f.phrase(prep.text), f.value) for f in find_figures(prep.text, published=published)
            if f.kind != "date"]


def values(text, **kw):
    return [(k, v.amount, v.scale, v.unit) for k, _, v in found(text, **kw)]


# --------------------------------------------------------------------------- Indian numbering

@pytest.mark.parametrize("text, expected", [
    ("The state has set aside Rs 11.11 lakh crore for roads and railways.", [("money", 11.11, "lakh crore", "INR")]),
    ("Outlays will reach ₹47.66 lakh crore next year.", [("money", 47.66, "lakh crore", "INR")]),
    ("The ministry plans to spend Rs 50,65,345 crore in all.", [("money", 5065345.0, "crore", "INR")]),
    ("Farm loans of Rs. 1,92,387 crore were waived.", [("money", 192387.0, "crore", "INR")]),
    ("Incomes up to Rs 12 lakh pay no tax.", [("money", 12.0, "lakh", "INR")]),
    ("Mines could yield Rs 0.33 lakh crore a year.", [("money", 0.33, "lakh crore", "INR")]),
    # ("pc": percent, as the Indian and British press abbreviate it)
    ("Headline: capex at Rs 9.5 lakh cr, deficit at 5 pc",
     [("money", 9.5, "lakh crore", "INR"), ("percent", 5.0, "", "percent")]),
    ("The scheme reached 3 crore households and 12 lakh farmers.",
     [("count", 3.0, "crore", "households"), ("count", 12.0, "lakh", "farmers")]),
    ("The board approved INR 4,500 crore for the port.", [("money", 4500.0, "crore", "INR")]),
])
def test_indian_amounts_are_one_figure_with_their_scale(text, expected):
    assert values(text) == expected


def test_lakh_crore_is_a_trillion_and_a_crore_ten_million():
    a = Value("quantity", amount=11.11, scale="lakh crore", unit="INR")
    b = Value("quantity", amount=11.11, scale="trillion", unit="INR")
    assert a.base_amount == pytest.approx(b.base_amount)
    assert Value("quantity", amount=0.33, scale="lakh crore").base_amount == \
        pytest.approx(Value("quantity", amount=33000, scale="crore").base_amount)
    assert Value("quantity", amount=12, scale="lakh").base_amount == pytest.approx(1.2e6)
    assert units.SCALE_ALIASES["crores"] == "crore" and units.SCALE_ALIASES["lakh crore"] == "lakh crore"
    assert units.is_currency(units.canonical_unit("INR"))


def test_a_conversion_after_an_indian_amount_is_drafted_beside_it():
    got = values("It will spend ₹47.66 lakh crore (about $575 billion) next year.")
    assert got == [("money", 47.66, "lakh crore", "INR"), ("money", 575.0, "billion", "USD")]


def _indian(n: int) -> str:
    """``n`` written with Indian digit grouping: 5065345 -> "50,65,345"."""
    s = str(n)
    if len(s) <= 3:
        return s
    head, tail = s[:-3], s[-3:]
    pairs = []
    while len(head) > 2:
        pairs.insert(0, head[-2:])
        head = head[:-2]
    return ",".join([head, *pairs, tail])


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=100_000, max_value=10**12))
def test_indian_grouping_reads_back_the_number(n):
    written = _indian(n)
    m = TOKEN.fullmatch(written)
    assert m is not None and m.group("num") == written
    assert number_value(written) == float(n)


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=1000, max_value=10**12))
def test_western_grouping_still_reads_as_before(n):
    written = f"{n:,}"
    assert TOKEN.fullmatch(written) is not None
    assert number_value(written) == float(n)


@settings(max_examples=100, deadline=None)
@given(st.integers(min_value=1, max_value=99_999), st.sampled_from(["lakh", "crore", "lakh crore"]))
def test_an_amount_in_lakh_or_crore_has_the_scale_written(hundredths, scale):
    amount = hundredths / 100
    text = f"The allocation is Rs {amount:g} {scale} for the year."
    got = values(text)
    assert got == [("money", amount, scale, "INR")]
    assert Value("quantity", amount=amount, scale=scale).base_amount == pytest.approx(amount * SCALES[scale])


# --------------------------------------------------------------------------- ratios, indexes, counts

@pytest.mark.parametrize("text, expected", [
    ("The openings-to-applicants ratio fell to 1.18 in March.", [("ratio", 1.18, "")]),
    ("Officials reported a ratio of 0.92 for the quarter.", [("ratio", 0.92, "")]),
    # an index is written in points ("127.4 points"): its level without the word is in points too
    ("The index stood at 102.4, up from 101.9.", [("ratio", 102.4, "points"), ("ratio", 101.9, "points")]),
    ("The gauge slipped to 48.7 from 49.3 in May.", [("ratio", 48.7, ""), ("ratio", 49.3, "")]),
    ("The FAO Food Price Index printed 127.4 for October.", [("ratio", 127.4, "points")]),
    ("The index rose 2%, though it is still short of the 160.2 all-time high.",
     [("percent", 2.0, "percent"), ("ratio", 160.2, "points")]),
    ("It is still short of the 160.2 all-time high.", []),  # no index named: nothing to say what 160.2 is
])
def test_a_named_ratio_or_index_is_a_level_in_points_or_unitless(text, expected):
    assert [(k, a, u) for k, a, _, u in values(text)] == expected


@pytest.mark.parametrize("text, expected", [
    ("Arrivals from Western Europe numbered 1,204,300 last year.", [("count", 1204300.0, "arrivals")]),
    ("In May, the number of passengers was estimated at 2,317,600.", [("count", 2317600.0, "passengers")]),
    ("Tourists from the United States numbered 412,900, followed by Canada with 198,300 and Mexico "
     "with 87,400.", [("count", 412900.0, "tourists"), ("count", 198300.0, "tourists"),
                      ("count", 87400.0, "tourists")]),
    ("Factory employment edged down by 12,000 in April.", [("count", 12000.0, "jobs")]),
    ("Retail employment rose by 31,000, finance by 9,000.", [("count", 31000.0, "jobs"), ("count", 9000.0, "jobs")]),
    ("Temporary layoffs, which rose by 61,000, may reverse.", [("count", 61000.0, "")]),
    ("Estimates for March and April were cut by a combined 41,000.", [("count", 41000.0, "")]),
    ("Together the revisions are 41,000 lower than first reported.", [("count", 41000.0, "")]),
    ("- Payrolls: +87,000 in April", [("count", 87000.0, "jobs")]),
    ("- Biggest loss: retail, -14,000", [("count", -14000.0, "")]),
    ("The 190,000 average of the past year was not reached.", [("count", 190000.0, "")]),
])
def test_a_count_is_named_by_its_verb_or_noun(text, expected):
    assert [(k, a, u) for k, a, _, u in values(text)] == expected


@pytest.mark.parametrize("text", [
    "The office is at 1,250 Harbour Road.",
    "Call 020 7946 0958 for details.",
    "In 2023 the firm moved to a new site.",
    "He scored 12 and she scored 14.",
])
def test_a_number_with_nothing_counted_stays_no_figure(text):
    assert values(text) == []


def test_a_sign_counts_with_a_unit_too():
    assert values("Prices moved +0.4% on the month.") == [("percent", 0.4, "", "percent")]


def test_a_year_before_a_colon_dates_no_month_after_it():
    got = found("Inflation is the lowest since spring 2019: it was 1.6 per cent in March, the agency said.")
    assert [(k, v.amount) for k, _, v in got] == [("percent", 1.6)]


# --------------------------------------------------------------------------- lists under headings, labels

def test_list_items_take_the_period_of_their_heading_and_no_paragraph_after():
    text = ("Road Budget: the Figures\nState Transport Department | 03 Feb 2025\n\n"
            "Budget Estimates 2025-26\n- Road spending: Rs 2.7 lakh crore.\n- Bridges: Rs 0.4 lakh crore.\n\n"
            "Revised Estimates 2024-25\n- Road spending of Rs 2.4 lakh crore\n\n"
            "Tolls: the minister said tolls of Rs 1,200 a trip stay.\n")
    got = titleperiods.headed_items(text)
    assert got == [("Budget Estimates 2025-26", "- Road spending: Rs 2.7 lakh crore."),
                   ("Budget Estimates 2025-26", "- Bridges: Rs 0.4 lakh crore."),
                   ("Revised Estimates 2024-25", "- Road spending of Rs 2.4 lakh crore")]
    assert titleperiods.heading_period("Revised Estimates 2024-25", date(2025, 2, 3), "india")[0] == "2024-04/2025-03"
    # a line that is a sentence is no heading: its items are dated by nothing
    assert titleperiods.headed_items("Spending rose sharply this year, officials said.\n- Roads: Rs 2 lakh crore\n") == []


def test_a_label_before_a_colon_names_what_the_value_measures():
    from briefcmp.analysis import clauses

    assert clauses.after_label("- Net tax receipts: ")
    assert clauses.after_label("Total expenditure (revised): ")
    assert not clauses.after_label("Total expenditure rose, ")
    assert not clauses.after_label("at 10:")


def _run(tmp_path, texts):
    import json

    from typer.testing import CliRunner

    from briefcmp.cli import app

    runner = CliRunner()
    root = tmp_path / "c"
    assert runner.invoke(app, ["init", str(root)]).exit_code == 0
    for name, text in texts.items():
        (root / "sources" / f"{name}.txt").write_text(text, encoding="utf-8")
        r = runner.invoke(app, ["annotate", str(root / "sources" / f"{name}.txt"), "-o", str(root / f"{name}.claims.yaml")])
        assert r.exit_code == 0, r.output
    assert runner.invoke(app, ["align", str(root), "--apply"]).exit_code == 0
    r = runner.invoke(app, ["compare", str(root), "--format", "json"])
    assert r.exit_code in (0, 1), r.output
    return {(x["kind"], frozenset(c["value"]["display"] for c in x["claims"])) for x in json.loads(r.stdout)["relations"]}


def test_lakh_crore_and_trillion_rupees_agree_across_reports(tmp_path):
    found = _run(tmp_path, {
        "ministry": "Road Budget 2025-26: Highlights\nMinistry of Road Transport, India | 3 February 2025\n\n"
                    "Budget Estimates 2025-26\n- Total road spending: Rs 2.78 lakh crore.\n"
                    "- Toll receipts: Rs 0.61 lakh crore.\n",
        "wire": "India sets road spending\nNEW DELHI, Feb 3 (Newswire) -\n\nIndia has set its total road "
                "spending at 2.78 trillion rupees ($32 billion) for 2025/26, the transport ministry said on Monday.\n",
    })
    # the conversion is the same claim's alternate, shown beside it
    assert ("agreement", frozenset({"INR 2.78 lakh crore", "INR 2.78 trillion (or USD 32 billion)"})) in found
    assert not any(kind == "contradiction" for kind, _ in found)


@pytest.mark.parametrize("sentence, converted", [
    ("The insurer paid $310 million (€294 million) for the stake.", "(€294 million)"),
    ("A budget of 9.1 trillion yen ($64 billion) was approved.", "($64 billion)"),
    ("Wellington set aside NZ$1.2 billion (US$720 million) for rail.", "(US$720 million)"),
    ("Brussels pledged €1.2bn (NZ$2.1bn) to the fund.", "(NZ$2.1bn)"),
    ("Outlays of Rs 11.11 lakh crore ($133.9 billion) were approved.", "($133.9 billion)"),
    ("Outlays of $133.9 billion (₹11.11 lakh crore) were approved.", "(₹11.11 lakh crore)"),
    ("Seoul allotted 2 trillion won (about $1.5 billion; €1.4 billion) to chips.", "(about $1.5 billion; €1.4 billion)"),
])
def test_a_conversion_in_parentheses_is_read_with_the_figure_it_converts(sentence, converted):
    from briefcmp.analysis import clauses

    a = sentence.index(converted)
    assert (a, a + len(converted)) in clauses.conversions(sentence)
    blanked, at = clauses.blank_conversions(sentence, (a + 2, a + 4))
    assert at == a and converted not in blanked and len(blanked) == len(sentence)


def test_label_lines_under_a_heading_are_its_items():
    text = ("GDP, 2nd quarter of 2024, first release\nOn the previous quarter, adjusted: +0.3%\n"
            "On the 2nd quarter of 2023, price-adjusted: -0.1%\n\nThe economy grew.\n")
    assert [item for _, item in titleperiods.headed_items(text)] == [
        "On the previous quarter, adjusted: +0.3%", "On the 2nd quarter of 2023, price-adjusted: -0.1%"]


@pytest.mark.parametrize("text, expected", [
    ("The number of foreign guests hit a record 21.4 million in 2023.", [("count", 21.4, "million", "guests")]),
    ("Germany sent the largest number of guests at 4.1 million, followed by France at 2.2 million.",
     [("count", 4.1, "million", "guests"), ("count", 2.2, "million", "guests")]),
    ("Ferry passengers reached 3.3 million last year.", [("count", 3.3, "million", "passengers")]),
    ("The economy added 2.1 million jobs.", [("count", 2.1, "million", "jobs")]),
    ("Output reached 3.3 million in May.", [("count", 3.3, "million", "")]),
])
def test_a_scaled_count_counts_what_its_clause_numbers(text, expected):
    assert [x for x in values(text) if x[0] == "count"] == expected


def test_the_base_of_a_count_counts_the_same_thing():
    assert values("Ferries carried 3.3 million passengers in 2023, up from 2.9 million in 2022.") == [
        ("count", 3.3, "million", "passengers"), ("count", 2.9, "million", "passengers")]


def test_a_drafted_indian_amount_passes_check(tmp_path):
    from typer.testing import CliRunner

    from briefcmp.cli import app

    runner = CliRunner()
    root = tmp_path / "c"
    assert runner.invoke(app, ["init", str(root)]).exit_code == 0
    (root / "sources" / "note.txt").write_text(
        "Rail Budget Note\nPolicy Desk | 3 February 2025\n\nThe railways get Rs 2.55 lakh crore in 2025-26, "
        "against Rs 2,52,000 crore a year earlier; incomes up to Rs 12 lakh pay no tax.\n", encoding="utf-8")
    r = runner.invoke(app, ["annotate", str(root / "sources" / "note.txt"), "-o", str(root / "note.claims.yaml")])
    assert r.exit_code == 0, r.output
    written = (root / "note.claims.yaml").read_text(encoding="utf-8")
    assert "scale: lakh crore" in written and "amount: 252000, scale: crore" in written
    r = runner.invoke(app, ["check", str(root), "--format", "json"])
    assert "bad-value" not in r.output and r.exit_code in (0, 1), r.output


@pytest.mark.parametrize("text, expected", [
    ("The openings ratio slipped to 1.18 from 1.21 in March.", [None, "2025-03"]),
    ("Exports rose to $5.1 billion in 2023 from $4.2 billion in 2022.", ["2023", "2022"]),
    ("In 2023, exports rose 5% from a year earlier.", ["2023"]),
])
def test_a_drafted_as_of_is_not_the_date_of_a_comparison_base(text, expected):
    prep = S.prepare(text)
    got = [str(f.as_of) if f.as_of else None for f in find_figures(prep.text, published=PartialDate(2025, 4, 2))
           if f.kind != "date"]
    assert got == expected


@pytest.mark.parametrize("text, expected", [
    ("The 10-year yield rose to 4.2%.", [("percent", 4.2, "", "percent")]),
    ("- Payrolls: +87,000 in April (12-month average: 190,000)", [("count", 87000.0, "", "jobs"),
                                                                  ("count", 190000.0, "", "jobs")]),
    ("Rates are at a 23-year high.", [("duration", 23.0, "", "years")]),
    ("It signed a 5-year contract worth $2 billion.", [("duration", 5.0, "", "years"), ("money", 2.0, "billion", "USD")]),
])
def test_a_span_that_labels_a_measure_is_no_figure(text, expected):
    assert values(text) == expected


def test_a_two_year_label_in_an_indian_text_is_drafted_as_its_fiscal_year():
    prep = S.prepare("Total spending in 2025-26 is put at Rs 50.65 lakh crore, against Rs 47.16 lakh crore "
                     "for 2024-25.")
    got = [str(f.as_of) for f in find_figures(prep.text, published=PartialDate(2025, 2, 3)) if f.kind != "date"]
    assert got == ["2025-04/2026-03", "2024-04/2025-03"]
    prep = S.prepare("The plan for 2024-25 costs A$5 billion.")
    assert [str(f.as_of) for f in find_figures(prep.text, fiscal_start=7)] == ["2024-07/2025-06"]


_WORDS = ["+", "-", "1,23,456", "12,345", "Rs", "₹", "lakh", "crore", "cr", "ratio", "index", "of", "to", "by", "from",
          "number", "visitors", "numbered", "with", "at", ":", "(", ")", "2024-25", "FY26", "last", "month", "May's",
          "and", "the", "previous", "quarter", "between", "April", "kroner", "Norway", "\n", "- ", "1.27", "million",
          "since", "published", "on", ",", ".", "12-month", "average"]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), max_size=40))
def test_the_new_rules_never_fail_and_keep_offsets_inside(words):
    text = " ".join(words)
    for f in find_figures(text, published=PartialDate(2024, 8, 2)):
        assert 0 <= f.start < f.end <= len(text)
        assert periods.resolve(text, (f.start, f.end), date(2024, 8, 2), "india")[1] in ("", "stated", "relative")
    assert all(item in text for _, item in titleperiods.headed_items(text))


@pytest.mark.parametrize("text, expected", [
    ("The kiwi fell to 56.23 U.S. cents after the data.", [("money", 0.5623, "", "USD")]),
    ("It bought 71.5 Australian cents.", [("money", 0.715, "", "AUD")]),
    ("Each coin is worth 3.5 euro cents.", [("money", 0.035, "", "EUR")]),
])
def test_cents_of_a_named_currency_are_that_currency(text, expected):
    assert values(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("The index came to 127.4 points last month, a 2 percent increase.", [("points", 127.4, "", "points"),
                                                                           ("percent", 2.0, "", "percent")]),
    ("The index stood at an average of 127.4 points, 5.5 percent above a year ago.",
     [("points", 127.4, "", "points"), ("percent", 5.5, "", "percent")]),
    # a change in a percentage stays percentage points, index or not
    ("Inflation was 4.1 percent in 2023, a rise of 0.2 point.", [("percent", 4.1, "", "percent"),
                                                                  ("points", 0.2, "", "percentage-points")]),
])
def test_an_index_level_in_points_is_not_percentage_points(text, expected):
    assert [(v.amount, v.unit) for _, _, v in found(text)] == [(a, u) for _, a, _, u in expected]


# --------------------------------------------------------------------------- markets: the won, an index's close

@pytest.mark.parametrize("text, expected", [
    # "won" after a bare number is the currency where a rate or a clause's end follows it...
    ("The won ended at 1,410.1 won per dollar on Friday.", [("money", 1410.1, "", "KRW per USD")]),
    ("The currency closed down 7.2 won.", [("money", 7.2, "", "KRW")]),
    ("It traded at 1,398 won to the dollar.", [("money", 1398.0, "", "KRW per USD")]),
    # an index's move in points restated in percent is in index points, not percentage points
    ("The Composite Index finished at 2,464.00, down 36.10 points, or 1.44 percent.",
     [("ratio", 2464.0, "", "points"), ("count", 36.1, "", "points"), ("percent", 1.44, "", "percent")]),
    ("The main stock index fell 1.4 percent, closing at 2,464.", [("percent", 1.4, "", "percent"),
                                                                  ("ratio", 2464.0, "", "points")]),
    # a rate's move beside a percent stays in percentage points
    ("The jobless rate rose 0.2 points to 4.1 percent.", [("points", 0.2, "", "percentage-points"),
                                                         ("percent", 4.1, "", "percent")]),
])
def test_markets_in_won_and_index_points(text, expected) -> None:
    assert values(text) == expected


def test_won_the_verb_after_a_number_is_no_currency() -> None:
    assert not [v for v in values("Of the 300 seats, the party's candidates 190 won seats in the capital.")
                if "KRW" in v[3]]
