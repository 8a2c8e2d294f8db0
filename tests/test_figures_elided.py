"""Figures whose unit or number is left to the words around them: a share written as "three in four",
a currency written once for parallel sums, a count with "number" as its verb, a count at an annual
rate, no change written without a verb, a fraction of a point whose rate is named after it. Every
sentence here is written for these tests.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefcmp.corpus import sentences as S
from briefcmp.drafting.figures import find_figures
from briefcmp.drafting.fractions import written_shares
from briefcmp.drafting.nochange import says_no_change


def values(text):
    prep = S.prepare(text)
    return [(f.kind, f.value.amount, f.value.scale, f.value.unit, f.phrase(prep.text))
            for f in find_figures(prep.text) if f.kind != "date"]


# --------------------------------------------------------------------------- proportions

@pytest.mark.parametrize("text, expected", [
    ("Three in four households now own a heat pump.", [("percent", 75.0, "", "percent", "Three in four")]),
    ("One in every 50 residents was born abroad.", [("percent", 2.0, "", "percent", "One in every 50")]),
    ("Two out of three small firms expect higher costs.", [("percent", 66.7, "", "percent", "Two out of three")]),
    ("Nearly 1 in 10 homes stood empty in the census.", [("percent", 10.0, "", "percent", "Nearly 1 in 10")]),
    ("Economists put a one-in-four chance on a recession.", [("percent", 25.0, "", "percent", "one-in-four")]),
])
def test_a_proportion_is_a_share_not_a_count_of_the_whole(text, expected):
    assert values(text) == expected


@pytest.mark.parametrize("text", [
    "The storm returns once in five years.",            # a frequency, not a share
    "Exports rose 3 in 2024 after a weak year.",         # a year, not a whole
    "She finished 2 in 3 races this season.",             # races are events counted over time
    "Four in three is no proportion at all.",             # the part larger than the whole
    "The levee failed in a 1-in-100-year flood.",         # a return period, not a share
])
def test_what_is_no_proportion_is_not_read_as_one(text):
    assert not any(kind == "percent" for kind, *_ in values(text))


def test_the_shares_a_quote_writes_are_read_as_drafted():
    assert written_shares("Three in four refugees live in poorer countries; one in every 69 people is displaced.") \
        == [75.0, 1.4]
    assert written_shares("Turnout was 75 percent.") == []


@given(st.integers(min_value=1, max_value=99), st.integers(min_value=2, max_value=500))
@settings(max_examples=60, deadline=None)
def test_any_proportion_of_a_larger_whole_is_its_percentage(part, whole):
    found = values(f"Surveyors said {part} in {whole} bridges need repair.")
    if part < whole:
        assert found[0][:2] == ("percent", round(100 * part / whole, 1))
    else:
        assert all(kind != "percent" for kind, *_ in found)


# --------------------------------------------------------------------------- a unit written once

def test_a_currency_written_once_holds_for_the_parallel_sum():
    assert values("Savings of 30 billion euros come from cuts and 12 billion from new levies, the draft says.") == [
        ("money", 30.0, "billion", "EUR", "30 billion euros"), ("money", 12.0, "billion", "EUR", "12 billion")]


@pytest.mark.parametrize("text, unit", [
    ("The agency spent $4 billion on roads and 2 billion people live nearby.", "people"),   # a counted noun
    ("The fund lost $3 billion; rivals 7 billion.", ""),                                     # across a clause break
    ("Revenue was $8 billion (up 5%), and 1.2 billion was profit.", ""),                     # across another number
])
def test_a_sum_counted_or_set_apart_takes_no_currency(text, unit):
    scaled = [v for v in values(text) if v[2] == "billion" and v[0] != "money"]
    assert [v[3] for v in scaled] == [unit]


# --------------------------------------------------------------------------- counts by their verb

def test_number_as_a_verb_counts_its_subject():
    assert values("Asylum seekers number 6.1 million worldwide.") == [
        ("count", 6.1, "million", "seekers", "6.1 million")]
    assert values("Arrivals hit 2.2 million in July.") == [("count", 2.2, "million", "arrivals", "2.2 million")]


def test_a_reference_number_is_still_no_figure():
    assert values("See annex number 4 for the method.") == []


def test_a_count_at_an_annual_rate_is_drafted():
    found = values("Completions ran at a seasonally adjusted annual rate of 1,402,000 in March.")
    assert ("count", 1402000.0, "", "", "1,402,000") in found
    assert values("Multifamily completions ran at 388,000.") == [("count", 388000.0, "", "", "388,000")]
    assert values("Oil exports ran at 900 Mb/d.") == []  # (an unclear unit, not a count: not grouped)


# --------------------------------------------------------------------------- no change, no verb

@pytest.mark.parametrize("text", [
    "Core prices eased to 3.1% y/y, with prices flat m/m.",
    "Retail sales unchanged on the month in April",
    "Wages flat month-on-month as bonuses fell.",
])
def test_no_change_without_a_verb_before_its_base_is_a_zero_change(text):
    assert ("percent", 0.0) in [(k, a) for k, a, *_ in values(text)]
    assert says_no_change(text)


@pytest.mark.parametrize("text", ["A flat tax of 19% applies to all.", "The unchanged text went to the floor in May."])
def test_flat_or_unchanged_as_an_adjective_is_no_figure(text):
    assert 0.0 not in [a for _, a, *_ in values(text)]


# --------------------------------------------------------------------------- a fraction of a point

def test_half_a_point_counts_as_percentage_points_when_the_rate_is_named_after_it():
    assert values("The tariff will add about half a point to inflation next year.") == [
        ("points", 0.5, "", "percentage-points", "about half a point")]
    assert values("The favourite lost by half a point.") == []


# --------------------------------------------------------------------------- scales in words

@pytest.mark.parametrize("text, expected", [
    ("Brussels pledged 4.5 milliard euros to the fund.", [("money", 4.5, "billion", "EUR", "4.5 milliard euros")]),
    ("Half a million households lost power.", [("count", 0.5, "million", "households", "Half a million households")]),
    ("The strike cost a quarter of a billion dollars.",
     [("money", 0.25, "billion", "USD", "a quarter of a billion dollars")]),
    ("One and a half million pilgrims came.", [("count", 1.5, "million", "pilgrims", "One and a half million pilgrims")]),
])
def test_a_fraction_of_a_scale_is_an_amount_not_a_share(text, expected):
    assert values(text) == expected


def test_a_fraction_of_a_whole_is_still_a_share():
    assert values("Half of the 40 million voters stayed home.")[0][:2] == ("percent", 50.0)


# --------------------------------------------------------------------------- a vote's tally

@pytest.mark.parametrize("text, phrase", [
    ("The board voted 6-3 to raise the levy.", "6-3"),
    ("The council backed the plan by a majority of 6–3.", "6-3"),  # (the prepared text folds the dash)
    ("The final vote was 6 to 3.", "6 to 3"),
    ("A 6-3 ruling upheld the law.", "6-3"),
])
def test_a_tally_is_the_majority_out_of_all_votes(text, phrase):
    assert values(text) == [("count", 6.0, "", "votes of 9", phrase)]


def test_a_tally_in_votes_needs_no_other_cue():
    assert values("The motion carried by 301 votes to 250.") == [("count", 301.0, "", "votes of 551", "301 votes to 250")]


@pytest.mark.parametrize("text", [
    "United won 3-1 on Saturday.",            # a score
    "See sections 4-7 of the act.",            # a span of sections
    "The panel voted 7 to 2 weeks ago.",       # a duration after "to"
    "The committee vote moved rates from 2 to 4 percent.",  # a change of a rate
])
def test_what_is_no_tally_is_not_read_as_one(text):
    assert not any(unit.startswith("votes") for *_, unit, _ in values(text))


@pytest.mark.parametrize("text, unit", [
    ("Measured in kroner, the 1,950 billion was a record.", "kroner"),
    ("In dollar terms, shipments came to 2.4 trillion.", "USD"),
])
def test_a_currency_named_before_in_the_clause_is_the_amounts(text, unit):
    assert [(k, u) for k, _, s, u, _ in values(text) if s] == [("money", unit)]


def test_a_tenth_of_a_point_is_a_rate_move_or_nothing():
    assert values("The jobless rate rose a tenth of a point to 4.2%.")[0] == (
        "points", 0.1, "", "percentage-points", "a tenth of a point")
    assert values("The skater won by a tenth of a point.") == []  # never a share of 10 percent


def test_a_range_whose_ends_carry_a_glued_scale_is_one_range():
    prep = S.prepare("Analysts see a charge of $2bn-$3bn.")
    (fig,) = find_figures(prep.text)
    assert (fig.value.amount, fig.value.upper, fig.value.scale, fig.value.unit) == (2.0, 3.0, "billion", "USD")


def test_a_currency_said_in_the_sentence_before_or_the_title_holds_for_a_bare_sum():
    found = values("Shipments abroad rose 4% to 98.2 trillion yen last year. Purchases rose 2% to 101.5 trillion.")
    assert [(k, a, u) for k, a, s, u, _ in found if s] == [("money", 98.2, "JPY"), ("money", 101.5, "JPY")]
    titled = values("Deficit narrows to 3.3 trillion yen\nThe deficit shrank to 3.3 trillion in March, data showed.")
    assert [u for _, _, s, u, _ in titled if s] == ["JPY", "JPY"]
    wire = values("Exports rose 4% to 98.2 trillion yen, data showed.\n\nImports rose 2% to 101.5 trillion.")
    assert [u for _, _, s, u, _ in wire if s] == ["JPY", "JPY"]  # one sentence a paragraph, as wire copy is set


@pytest.mark.parametrize("text", [
    "Turnover was 910 billion yen and 2 billion euros. Some 4 billion were spent.",  # two currencies of that scale
    "Turnover was 3 billion euros.\n\nOutlook for 2025\n\nThe group shipped 1.2 billion.",  # a heading between
    "Turnover was 3 billion euros. The group shipped 1.2 million.",     # another scale
])
def test_no_currency_is_carried_when_it_is_not_one_of_the_same_scale_next_door(text):
    assert [u for k, _, s, u, _ in values(text) if s and k != "money"] == [""]


# --------------------------------------------------------------------------- percent and points as written

@pytest.mark.parametrize("text, phrase", [
    ("The jobless rate climbed 0.3 percentage pts to 4.4%.", "0.3 percentage pts"),
    ("The savings rate fell 0.5 %-points.", "0.5 %-points"),
])
def test_percentage_points_in_short_forms(text, phrase):
    assert values(text)[0] == ("points", values(text)[0][1], "", "percentage-points", phrase)


def test_a_dash_after_a_percent_is_no_point():
    assert values("Growth of 5% - a modest pace.") == [("percent", 5.0, "", "percent", "5%")]


def test_a_level_takes_the_unit_written_once_after_its_base():
    assert values("The jobless rate rose to 4.3 from 4.1 per cent.") == [
        ("percent", 4.3, "", "percent", "4.3"), ("percent", 4.1, "", "percent", "4.1 per cent")]
    assert [(a, u) for _, a, _, u, _ in values("Debt rose to 1.2 trillion from 1.1 trillion yen.")] == [
        (1.2, "JPY"), (1.1, "JPY")]
    # another scale after the base: not the same unit written once
    assert values("Debt rose to 1.2 billion from 1.1 trillion yen.")[0][3] == ""


def test_a_move_in_percent_restated_in_points_is_in_index_points():
    assert values("The Hang Seng slid 2.1%, or about 410 points, on Monday.")[1][3] == "points"
    assert values("The jobless rate rose 0.2 point to 4.3%.")[0][3] == "percentage-points"


def test_one_with_a_scale_is_a_figure():
    assert values("Nearly one million pilgrims came.") == [
        ("count", 1.0, "million", "pilgrims", "Nearly one million pilgrims")]
    assert values("One of the firms left a year later.") == []


@pytest.mark.parametrize("text, expected", [
    ("A million households lost power.", [("count", 1.0, "million", "households", "A million households")]),
    ("The port cost a billion dollars.", [("money", 1.0, "billion", "USD", "a billion dollars")]),
])
def test_a_scale_after_a_is_one_of_it(text, expected):
    assert values(text) == expected


@pytest.mark.parametrize("text", ["She was one in a million.", "He had one of a million excuses."])
def test_a_million_as_an_idiom_is_no_figure(text):
    assert values(text) == []


def test_dozens_multiply():
    assert values("Some two dozen lenders failed.") == [("count", 24.0, "", "lenders", "Some two dozen lenders")]


def test_a_rates_level_takes_the_percent_said_just_before():
    found = values("Headline inflation cooled to 2.9 percent in May. Core inflation slowed to 3.4 in the month.")
    assert [(k, a, u) for k, a, _, u, _ in found] == [("percent", 2.9, "percent"), ("percent", 3.4, "percent")]


@pytest.mark.parametrize("text", [
    "Exports rose 4%. The exchange rate stood at 7.1.",               # an exchange rate
    "Prices rose 3%. The consumer price index rose to 104.5.",        # an index level
    "The fertility rate fell to 1.2 even as wages rose 3%.",          # no percent before it; a rate per woman
    "The jobless rate was 4.1 in May.",                               # no percent said in the text
])
def test_a_bare_level_stays_unread_where_no_percent_is_implied(text):
    assert not any(k == "percent" and a in (7.1, 104.5, 1.2, 4.1) for k, a, *_ in values(text))


@pytest.mark.parametrize("text, expected", [
    ("Overseas tourists hit a record 36.87 mil. in 2024", ("count", 36.87, "million")),
    ("The plan costs 3.2 bil. yen", ("money", 3.2, "billion")),
    ("Shipments hit 1.2 mil tonnes", ("count", 1.2, "million")),
])
def test_the_wires_abbreviated_scales(text, expected):
    assert values(text)[0][:3] == expected


def test_a_change_by_a_sum_then_the_level_it_reached_is_two_figures():
    assert [(a, u) for _, a, _, u, _ in values("The shortfall narrowed by £2.3bn to £11.6bn in May.")] == [
        (2.3, "GBP"), (11.6, "GBP")]
    prep = S.prepare("Fares rose by 2% to 4% this year.")
    (fig,) = find_figures(prep.text)
    assert (fig.value.amount, fig.value.upper) == (2.0, 4.0)  # one unit for both ends: a range


@pytest.mark.parametrize("text, expected", [
    ("Payrolls rose 151,000 in February.", [("count", 151000.0, "", "jobs", "151,000")]),
    ("Payrolls rose 151K in February.", [("count", 151.0, "thousand", "jobs", "151K")]),
    ("Initial claims fell 9,000 to 213,000.", [("count", 9000.0, "", "", "9,000"), ("count", 213000.0, "", "", "213,000")]),
])
def test_a_count_changing_with_no_by_is_drafted_and_jobs_are_jobs_at_any_scale(text, expected):
    assert values(text) == expected
