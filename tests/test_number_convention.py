"""English written with a decimal comma and digits grouped by spaces (a statistics office in South
Africa, a European agency): read from the text's own numbers, never guessed from its country."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefcmp.corpus.numerals import convention, english_digits
from briefcmp.drafting.draft import BriefMeta, build_draft

META = BriefMeta(id="t", title="T", source="t.txt", source_sha256="0" * 64)


def drafted(text: str) -> list[tuple[str, float, str, str]]:
    return [(c.phrase, c.value.amount, c.value.scale, c.value.unit)
            for c in build_draft(text, meta=META).claims if c.value is not None and c.value.type == "quantity"]


def test_a_decimal_comma_text_reads_its_numbers_its_way() -> None:
    text = ("The population rose to 62 027 503 in 2022, up from 51 770 560 in 2011, an average growth rate of "
            "1,8% per year. Black Africans make up 81,4% of the population. About 2,4 million people were born "
            "abroad.")
    got = drafted(text)
    assert ("62 027 503", 62027503, "", "people") in got
    assert ("51 770 560", 51770560, "", "people") in got  # the base, counted like the figure it follows
    assert ("1,8%", 1.8, "", "percent") in got
    assert ("81,4%", 81.4, "", "percent") in got
    assert ("About 2,4 million people", 2.4, "million", "people") in got
    # nothing read twice or in pieces: no "4%", no "770"
    assert not [g for g in got if g[1] in (4, 770, 560, 8)]


def test_one_comma_before_three_digits_follows_the_text() -> None:
    comma_text = "Growth was 1,8% and 2,5% in two years; 2,400 households were missed."
    got = drafted(comma_text)
    assert ("2,400 households", 2.4, "", "households") in got
    note = [c.note for c in build_draft(comma_text, meta=META).claims if c.phrase == "2,400 households"]
    assert note and "2400" in note[0]  # the reviewer sees the other reading
    # an English text (or one with a single decimal comma) keeps "2,400" as 2400
    assert ("2,400 households", 2400, "", "households") in drafted("The census missed 2,400 households.")
    assert ("2,400 households", 2400, "", "households") in drafted("Growth was 1,8%; 2,400 households were missed.")
    mixed = "Sales of 1,234,567 units, and a share of 2,5 percent; 2,400 households."
    assert ("2,400 households", 2400, "", "households") in drafted(mixed)


def test_the_english_convention_is_left_alone() -> None:
    text = "Revenue rose 4.5% to $1,234.5 million; 2,400 jobs went, and 12 500 was a typo."
    c = convention(text)
    assert not c.decimal_comma and not c.space_groups and c.text == text


def test_space_groups_in_a_decimal_point_text() -> None:
    text = "The count was 51 770 560 in 2011 and 62 027 503 in 2022; growth of 1.8% a year."
    c = convention(text)
    assert c.space_groups and not c.decimal_comma
    assert "51,770,560" in c.text and "62,027,503" in c.text and "1.8%" in c.text
    # a phone number or a year before a count is no group
    assert convention("Call 012 310 8911 in 2011 500 times.").text == "Call 012 310 8911 in 2011 500 times."


def test_dots_grouping_and_a_decimal_comma() -> None:
    c = convention("Exports reached EUR 1.234,5 million, up 3,2%, from 2.500 firms.")
    assert c.decimal_comma and "1,234.5" in c.text and "3.2%" in c.text and "2,500 firms" in c.text
    # a text that writes a decimal comma but never groups with dots keeps "2.5" a decimal
    c = convention("Prices rose 3,2% while 2.5 percent of firms closed.")
    assert c.decimal_comma and "3.2%" in c.text and "2.5 percent" in c.text


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="0123456789 ,.%ab\n", max_size=60))
def test_the_rewritten_text_keeps_every_offset(text: str) -> None:
    c = convention(text)
    assert len(c.text) == len(text)
    assert len(english_digits(text)) == len(text)
    assert [i for i, ch in enumerate(text) if not ch.isdigit() and ch not in " ,."] == \
        [i for i, ch in enumerate(c.text) if not ch.isdigit() and ch not in " ,."]


@pytest.mark.parametrize("quote, english", [
    ("made up 81,4% of it", "made up 81.4% of it"),
    ("with 12 423 907 people", "with 12,423,907 people"),
    ("up 2.5% to 1,234", "up 2.5% to 1,234"),
])
def test_english_digits_of_a_quote(quote: str, english: str) -> None:
    assert english_digits(quote) == english


def test_a_population_counts_people() -> None:
    got = drafted("Most populous provinces: Gauteng 15.1 million, KwaZulu-Natal 12.4m, Western Cape 6.6 million.")
    assert [(a, s, u) for _, a, s, u in got] == [(15.1, "million", "people"), (12.4, "million", "people"),
                                                 (6.6, "million", "people")]
    got = drafted("Gauteng is the most populous province with 15 099 422 people, followed by KwaZulu-Natal "
                  "with 12 423 907 and the Western Cape with 7 433 019.")
    assert [a for _, a, _, u in got if u == "people"] == [15099422, 12423907, 7433019]
    # a count the sentence does not say is of a population keeps no noun
    assert [u for *_, u in drafted("Output at Coal India rose to 773.8 million, officials said.")] != ["people"]
