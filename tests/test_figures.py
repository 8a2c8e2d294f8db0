"""The figure parser (briefcmp.drafting.figures) and the sentence splitter, table-driven over many phrasings.

All test sentences are written for these tests; none comes from the bundled corpus.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefcmp.corpus import anchor
from briefcmp.corpus import sentences as S
from briefcmp.drafting.dates import find_dates
from briefcmp.drafting.figures import find_figures
from briefcmp.drafting.numbers import number_value
from briefcmp.drafting.spans import excluded_spans
from briefcmp.corpus.model import PartialDate


def q(amount, unit="", scale="", bound="exact", upper=None, kind=None):
    return ("quantity", amount, upper, scale, unit, bound) if kind is None else (kind, amount, upper, scale, unit,
                                                                                  bound)


def rank(n, of=""):
    return ("rank", n, of)


def date(text):
    return ("date", text)


def simple(f):
    v = f.value
    if v.type == "rank":
        return rank(v.amount, v.unit)
    if v.type == "date":
        return date(str(v.date))
    amount = round(v.amount, 2)
    return ("quantity", amount, v.upper, v.scale, v.unit, v.bound)


def figures(text, published=None, dates=True):
    prep = S.prepare(text)
    return [simple(f) for f in find_figures(prep.text, published=published, dates=dates)]


MONEY = [
    ("The fund holds $20 billion in reserves.", [q(20, "USD", "billion")]),
    ("Annual revenue reached $2.4B.", [q(2.4, "USD", "billion")]),
    ("The plan costs 600 billion rubles ($21.7 billion).", [q(600, "RUB", "billion"), q(21.7, "USD", "billion")]),
    ("Exports came to US$1.86 bn.", [q(1.86, "USD", "billion")]),
    ("The ministry set aside ¥500 billion for the port.", [q(500, "JPY", "billion")]),
    ("Brussels pledged €1.2bn for grid repairs.", [q(1.2, "EUR", "billion")]),
    ("The council approved £300m for flood defences.", [q(300, "GBP", "million")]),
    ("Seoul allotted KRW 2 trillion to chipmakers.", [q(2, "KRW", "trillion")]),
    ("The loan totals 50 billion yen over ten years.", [q(50, "JPY", "billion"), q(10, "years")]),
    ("It was the first such visit in over four years.", [q(4, "years", bound="more-than")]),
    ("Exporters lost 3 trillion won in a year.", [q(3, "KRW", "trillion")]),
    ("The grant was worth 20 million US dollars.", [q(20, "USD", "million")]),
    ("Ottawa added 40 million Canadian dollars.", [q(40, "CAD", "million")]),
    ("Damage is put at $5-7 billion.", [q(5, "USD", "billion", upper=7)]),
    ("Bids ranged from $10 billion to $12 billion.", [q(10, "USD", "billion"), q(12, "USD", "billion")]),
    ("The budget is $3,250,000 this year.", [q(3250000, "USD")]),
    ("The deal could reach USD 4.5 billion.", [q(4.5, "USD", "billion")]),
]

RATES = [  # a count per a base is one figure, a rate: not a count of the base as well
    ("The rate was 42 deaths per 1,000 live births in 2021.", [q(42, "deaths per 1000 live births")]),
    ("There were 3 doctors per 10,000 people.", [q(3, "doctors per 10000 people")]),
]

BOUNDS = [
    # A qualifier before "the" compares with a figure named there: the figure itself is exact.
    ("Growth was well below the 8.02 percent recorded in 2022.", [q(8.02, "percent")]),
    ("Inflation stayed more than the 5 percent target.", [q(5, "percent")]),
    ("Turnout was well below 40 percent.", [q(40, "percent", bound="less-than")]),
    ("Prices rose roughly 12% last quarter.", [q(12, "percent", bound="approximate")]),
    ("About 1.5 million refugees crossed the border.", [q(1.5, "refugees", "million", "approximate")]),
    ("Tariffs add at least 5 percent to costs.", [q(5, "percent", bound="at-least")]),
    ("The ministry can lend up to €3 million per firm.", [q(3, "EUR", "million", "up-to")]),
    ("Nearly 40 percent of households own a car.", [q(40, "percent", bound="approximate")]),
    ("More than 1,000 soldiers joined the drill.", [q(1000, "soldiers", bound="more-than")]),
    ("Over 70 countries signed the pledge.", [q(70, "countries", bound="more-than")]),
    ("Inflation stayed below 2 percent.", [q(2, "percent", bound="less-than")]),
    ("Fewer than 50 people attended.", [q(50, "people", bound="less-than")]),
    ("As many as 400 drones were launched.", [q(400, "drones", bound="up-to")]),
    ("The cap allows no more than 3% growth.", [q(3, "percent", bound="at-most")]),
    ("The mine employs 2,000 workers or more.", [q(2000, "workers", bound="at-least")]),
    ("Costs were some $8 billion.", [q(8, "USD", "billion", "approximate")]),
    ("It stored approximately 90 days of fuel.", [q(90, "days", bound="approximate")]),
]

PERCENT = [
    ("Unemployment fell by 1.2 percentage points.", [q(1.2, "percentage-points")]),
    ("The share dropped 0.5 pp in March 2020.", [q(0.5, "percentage-points")]),
    ("Support rose 4 per cent among farmers.", [q(4, "percent")]),
    ("Growth is forecast at 2-3%.", [q(2, "percent", upper=3)]),
    ("Wages will rise between 10 and 15 percent.", [q(10, "percent", upper=15)]),
    ("The rate went from 4% to 6% in a month.", [q(4, "percent"), q(6, "percent")]),
    ("Half of the budget goes to pensions.", [q(50, "percent")]),
    ("Two-thirds of voters backed the plan.", [q(66.7, "percent")]),
    ("A quarter of imports come by rail.", [q(25, "percent")]),
    ("The utility is half-owned by the city.", [q(50, "percent")]),
]

RANKS = [
    ("Canada is Brazil's 22nd-largest export market.", [rank(22, "export market")]),
    ("Mexico became the 10th-largest trade partner of Chile.", [rank(10, "trade partner")]),
    ("Norway ranks 5th among donors.", [rank(5)]),
    ("It is the world's third largest producer of tin.", [rank(3, "producer")]),
    ("She began her third term in office.", [rank(3, "term")]),
    ("Estonia gave more than any other member state.", [rank(1, "member state")]),
    ("Germany is its largest trading partner.", [rank(1, "trading partner")]),
    ("Poland is one of the largest buyers of coal.", []),
    ("He was the first foreign leader to address the assembly.", [rank(1, "foreign leader")]),
]

COUNTS = [
    ("The decree targets the seven largest banks in Belarus.", [q(7, "banks")]),
    ("The army ordered 300,000 rounds of ammunition.", [q(300000, "rounds")]),
    ("Twelve Lithuanian diplomats were expelled.", [q(12, "diplomats")]),
    ("The envoys met 27 times in two years.", [q(27, "meetings"), q(2, "years")]),
    ("The two presidents have talked 14 times.", [q(14, "talks")]),
    ("He has been arrested 27 times.", [q(27, "times")]),
    ("The navy received a dozen ships.", [q(12, "ships")]),
    ("Only three of the nine judges dissented.", [q(3, "judges")]),  # the nine is a repeated count (issue 12)
    ("The 27 member states agreed.", [q(27, "states")]),
    ("The strategy names five priority areas.", [q(5, "areas")]),
    ("The cabinet adopted a ten-point plan.", [q(10, "points")]),
    ("The survey covered 3.2 million households.", [q(3.2, "households", "million")]),
]

DURATIONS = [
    ("Stocks would last 240 days.", [q(240, "days")]),
    ("The siege lasted three weeks.", [q(3, "weeks")]),
    ("The firm set a 30-day deadline.", [q(30, "days")]),
    ("The conflict has gone on for two decades.", [q(20, "years")]),
    ("The leaders spoke for 45 minutes.", [q(45, "minutes")]),
    ("They marked the 40th anniversary of the accord.", [q(40, "years")]),
    ("A five-year plan was approved.", [q(5, "years")]),
]

MULTIPLES = [
    ("Output rose nearly tenfold.", [q(10, "times", bound="approximate")]),
    ("Imports grew 27 times over a decade.", [q(27, "times")]),
    ("The new port is twice as large.", [q(2, "times")]),
    ("The stake is at least an order of magnitude smaller.", [q(10, "times", bound="at-least")]),
    ("Sales were three times higher than planned.", [q(3, "times")]),
    ("Costs rose 4x in a decade.", [q(4, "times")]),
]

NOT_FIGURES = [
    "The G7 and G20 leaders met before COP 26 began.",
    "Sakhalin-2 and Nord Stream 2 were on the agenda.",
    "The 2+2 dialogue resumed in Manila.",
    "See p. 45 and Vol. 3, No. 2 of the review.",
    "The F-35 and Su-57 jets were compared.",
    "Article 9 of the charter bans such acts.",
    "He said so in his speech.12 Then he left.",
    "Details are at https://example.org/report-2021/table-5 online.",
    "Write to desk-24@example.org for copies.",
    "The two countries agreed on a text.",
    "One of the reasons is cost.",
    "The hotline is open 24/7.",
    "The session started at 10:30 sharp.",
    "Operators rolled out 5G networks.",
    "Resolution 2623 passed without a vote.",
    "Boeing 737 jets were grounded.",
    "Both leaders stressed unity.",
    "His remarks (3) were noted.",
    "It was the Second World War.",
    "Rates rose in the 20th century.",
]

TABLE = MONEY + RATES + BOUNDS + PERCENT + RANKS + COUNTS + DURATIONS + MULTIPLES


@pytest.mark.parametrize("text, expected", TABLE, ids=[t for t, _ in TABLE])
def test_figures(text, expected) -> None:
    assert figures(text, dates=False) == expected


@pytest.mark.parametrize("text", NOT_FIGURES)
def test_not_figures(text) -> None:
    assert figures(text) == []


@pytest.mark.parametrize("text, published, expected", [
    ("On 14 March 2019, the parliament voted.", None, [date("2019-03-14")]),
    ("The treaty was signed in 1978 in Lima.", None, [date("1978")]),
    ("The talks of May 2021 failed.", None, [date("2021-05")]),
    ("On March 3, the minister resigned.", PartialDate(2023, 5), [date("2023-03-03")]),
    ("The cabinet fell in December.", PartialDate(2023, 2), [date("2022-12")]),  # a past December
    ("The vote is due on April 2.", PartialDate(2023, 3), [date("2023-04-02")]),  # an upcoming one
    ("The cabinet fell on March 3.", None, []),  # no year to complete it with
    ("They met at the 2014 summit in November.", None, [date("2014-11")]),
    ("It opened in June last year.", PartialDate(2023, 2), [date("2022-06")]),
    ("The 1996 accord still holds.", None, [date("1996")]),
    ("The survey began on 2021-09-30.", None, [date("2021-09-30")]),
    # a year that dates a figure is its as-of, not a date claim
    ("In 2019, exports were $5 billion.", None, [q(5, "USD", "billion")]),
    ("Exports were worth $5 billion in 2019.", None, [q(5, "USD", "billion")]),
    # comparisons and datelines are not date claims
    ("Spending is higher than it was in 2014.", None, []),
    ("Exports remain below 2019's level.", None, []),
    ("Report\n\n12.05.2022\n\nThe committee met.", None, []),
    ("Energy Policy After 2022\n\nThe committee met again.", None, []),  # a heading
    ("Published on 12 September 2023 | Brief No. 14\n\nThe committee met.", None, []),
    ("Growth was weak in the 1990s.", None, []),  # a decade is a period, not a date
])
def test_dates(text, published, expected) -> None:
    assert figures(text, published=published) == expected


@pytest.mark.parametrize("text, phrase, as_of", [
    ("In 2019, exports were $5 billion.", "$5 billion", "2019"),
    ("Trade grew from $3 billion in 2010 to $9 billion in 2020.", "$3 billion", "2010"),
    ("Trade grew from $3 billion in 2010 to $9 billion in 2020.", "$9 billion", "2020"),
    ("Between 2015 and 2020 the fund lost 40%.", "40%", "2015/2020"),
    ("As of June 2021, some 3,000 troops remained.", "some 3,000 troops", "2021-06"),
    ("Output was 5 million tons, the highest since 2008.", "5 million tons", None),
    ("Revenue was $4 billion last year.", "$4 billion", "2022"),
    # A year opening the sentence before dates a pronoun-led sentence, or one about what it spoke of ...
    ("In 2023, Chile mined 5 million tonnes. Its share was 30 percent.", "30 percent", "2023"),
    ("In 2023, the government cut taxes. The government spent $3 billion on roads.", "$3 billion", "2023"),
    # ... not a new statement, and not a total over a period ("over four years").
    ("In 2023, storage stood at 41 percent. The government has committed $1.2 billion to canals.", "$1.2 billion",
     None),
    ("In 2023, the agency said it would spend $2 billion over four years on canals.", "$2 billion", None),
])
def test_as_of(text, phrase, as_of) -> None:
    prep = S.prepare(text)
    found = {f.phrase(prep.text): f for f in find_figures(prep.text, published=PartialDate(2023, 4))}
    assert phrase in found, list(found)
    assert (str(found[phrase].as_of) if found[phrase].as_of else None) == as_of


@pytest.mark.parametrize("text, expected", [
    ("Revenue was roughly\u00a0$20\u00a0billion.", [q(20, "USD", "billion", "approximate")]),
    ("Доход составил $20 billion, «по данным» министерства.", [q(20, "USD", "billion")]),
    ("日本は $5 billion を拠出した。", [q(5, "USD", "billion")]),
    ("The “core” rate rose – by 3\u2009% – in a year.", [q(3, "percent")]),
    ("Costs fell \u221212 percent.", [q(-12, "percent")]),
])
def test_typographic_and_non_latin(text, expected) -> None:
    assert figures(text, dates=False) == expected


def test_phrase_includes_qualifier_and_currency() -> None:
    prep = S.prepare("They pledged roughly $20 billion and 600 billion rubles ($21.7 billion).")
    phrases = [f.phrase(prep.text) for f in find_figures(prep.text)]
    assert phrases == ["roughly $20 billion", "600 billion rubles", "$21.7 billion"]


def test_endnotes_and_citation_lines_are_excluded() -> None:
    body = "Exports reached $5 billion in 2020.\n\n" + "Filler sentence about nothing.\n\n" * 5
    notes = ("Endnotes\n\n1. Ministry of Trade, “Exports rose 7 percent,” March 3, 2021, available at "
             "https://example.org/1.\n2. J. Smith, Trade (London: 2019), pp. 12-15.\n")
    text = body + notes
    prep = S.prepare(text)
    assert [f.phrase(prep.text) for f in find_figures(prep.text)] == ["$5 billion"]
    spans = excluded_spans(prep.text)
    assert any(a <= prep.text.index("Endnotes") < b for a, b in spans)


def test_numbered_citation_lines_without_heading() -> None:
    text = ("Aid totalled $2 billion.\n\n[1] Office of Aid, report, 12 May 2020. URL: https://example.org/a\n"
            "[2] Ibid., 40 percent.\n")
    prep = S.prepare(text)
    assert [f.phrase(prep.text) for f in find_figures(prep.text)] == ["$2 billion"]


def test_chart_label_takes_the_caption_as_its_quote() -> None:
    text = "Intro sentence here.\n\n$7.5B\n\nValue of grain exports from Ukraine in 2021\n\nNext paragraph."
    prep = S.prepare(text)
    (fig,) = find_figures(prep.text)
    s, e = fig.sentence
    assert prep.text[s:e] == "$7.5B\n\nValue of grain exports from Ukraine in 2021"
    assert str(fig.as_of) == "2021"


@pytest.mark.parametrize("token, value", [
    ("1,234.5", 1234.5), ("seven", 7), ("twenty-one", 21), ("a dozen", 12), ("two hundred", 200), ("0.75", 0.75),
])
def test_number_value(token, value) -> None:
    assert number_value(token) == value


def test_find_dates_periods() -> None:
    text = "from 2014 to 2021, in the 1990s, FY2022, in 2016-17"
    assert [str(d.period) for d in find_dates(text)] == ["2014/2021", "1990/1999", "2022", "2016/2017"]


# --------------------------------------------------------------------------- sentences


@pytest.mark.parametrize("text, expected", [
    ("One. Two! Three? Four.", ["One.", "Two!", "Three?", "Four."]),
    ("Dr. Lee met Mr. Kim. They spoke.", ["Dr. Lee met Mr. Kim.", "They spoke."]),
    ("It joined the U.S. The others did not.", ["It joined the U.S.", "The others did not."]),
    ("U.S. troops left. Then calm.", ["U.S. troops left.", "Then calm."]),
    ("Growth was 3.5 percent. Next.", ["Growth was 3.5 percent.", "Next."]),
    ("A claim.12 Another claim.", ["A claim.12", "Another claim."]),
    ("A claim.[3] Another claim.", ["A claim.[3]", "Another claim."]),
    ("Title line\nBody sentence one. Body two.", ["Title line", "Body sentence one.", "Body two."]),
    ("He said “stop.” Then he left.", ["He said “stop.”", "Then he left."]),
    ("J. Smith wrote it. Fine.", ["J. Smith wrote it.", "Fine."]),
    ("日本は支援した。韓国も続いた。", ["日本は支援した。", "韓国も続いた。"]),
])
def test_sentence_split(text, expected) -> None:
    prep = S.prepare(text)
    assert [prep.quote(s.start, s.end) for s in S.split(prep.text)] == expected


def test_hard_wrapped_text_joins_lines() -> None:
    line = "word " * 14
    text = "\n".join([line.strip()] * 10) + " end.\n\nShort heading\n\nNext paragraph."
    prep = S.prepare(text)
    got = [prep.text[s.start:s.end] for s in S.split(prep.text)]
    assert len(got) == 3 and got[1] == "Short heading"


_chars = st.sampled_from(list("abc XYZ.,;:!?\"'()-$%0123456789\n\t\u00a0\u2019\u201c\u201d\u2013\u2014\u2026"
                              "\u00ad\u200b\ufb01éЖ日\u0301"))


@settings(max_examples=300, deadline=None)
@given(st.text(_chars, max_size=120))
def test_prepare_maps_back_to_the_original(text) -> None:
    prep = S.prepare(text)
    assert prep.norm == anchor.normalise(text)
    for sentence in S.split(prep.text):
        quote = prep.quote(sentence.start, sentence.end)
        span = prep.norm_span(sentence.start, sentence.end)
        assert anchor.normalise(quote) == prep.norm[span[0]:span[1]]


@pytest.mark.parametrize("text, amounts", [
    # thousands grouped by spaces (UN and SI style), no-break and thin spaces too
    ("AIDS-related deaths fell to 630 000 last year, from 670 000 the year before.", [630000, 670000]),
    ("About 1\u00a0250\u00a0000 people were displaced.", [1250000]),
    ("Output reached 12\u202f000.5 tonnes.", [12000.5]),
    # runs that are not one number: a table's two columns, a phone number, a year before a count
    ("Deaths 630 000 670 000", []),  # (bare numbers with no noun are no figures; none is fused)
    ("In 2023 100 countries reported cases.", [100]),
])
def test_thousands_grouped_by_spaces_are_one_number(text: str, amounts: list) -> None:
    got = [f[1] for f in figures(text) if f[0] == "quantity"]
    assert got == amounts


def test_a_run_of_space_grouped_numbers_is_read_group_by_group() -> None:
    from briefcmp.drafting.numbers import TOKEN

    def nums(text: str) -> list:
        return [number_value(m.group()) for m in TOKEN.finditer(text) if m.group("num")]

    assert nums("Deaths 630 000 670 000") == [630, 0, 670, 0]  # two columns, or one number: not guessed
    assert nums("Call +41 22 791 2111") == [41, 22, 791, 2111]
    assert nums("fell to 630 000 in 2023") == [630000, 2023]
