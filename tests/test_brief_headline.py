"""What the brief says when a figure's sentence does not (issue 21, session 12): the measure its headline
names, taken by its percentages that name none and marked inferred; a country's adjective of its formal style
("Hellenic") naming its offices. Fixture texts written here."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest

from briefcmp.analysis import headline
from briefcmp.analysis.entities import Entities
from tests.test_align_subjects import _corpus


@pytest.fixture(scope="module")
def e() -> Entities:
    return Entities()


@pytest.mark.parametrize("title, lead, measure", [
    ("Kestovia - Q3 GDP: a narrow recovery", "", ("gdp",)),
    ("Economy grows 2.3% in the third quarter", "", ("gdp",)),
    ("Inflation eases again in the autumn", "", ("inflation",)),
    ("Jobless rate edges up to 4.4%", "", ("unemployment",)),
    # what a share is of is no measure of the brief: "4.7% of GDP" is the deficit's
    ("2024 deficit at 4.7% of GDP, above plan", "", ("deficit",)),
    # no measure in the title: the lead's first clause
    ("Monthly note", "Consumer prices rose 2.1% in November from a year earlier, the office said.", ("inflation",)),
])
def test_the_headline_measure(e: Entities, title: str, lead: str, measure: tuple) -> None:
    assert headline.headline_measure(title, lead, e) == measure


@pytest.mark.parametrize("title, lead", [
    ("Exports and imports both fall in May", ""),  # two measures: none is the brief's
    ("Jobless rate unchanged; payrolls up 150,000", ""),
    ("Markets wrap: stocks, bonds and the krone", ""),  # no catalogue measure
    ("Global Economy Wire", ""),  # the economy named, no change of it: a masthead
    ("Monthly note", "Exports fell 3% while imports rose 2%, the ministry said."),  # the lead names two
])
def test_no_headline_measure(e: Entities, title: str, lead: str) -> None:
    assert headline.headline_measure(title, lead, e) == ()


def _member(words: set, unit: str = "percent", sentence: int = 3, words_from: str = "", how: str = "stated", at: int = 0):
    return SimpleNamespace(words=frozenset(words), order=tuple(sorted(words)), shown={w: w for w in words},
                           unit=unit, sentence=sentence, words_from=words_from, period_how=how, elided="", at=at + 30,
                           claim=SimpleNamespace(span=(at, at + 4), kind="fact", quote="The print was 0.5%."))


def _ctx(measure: tuple, headings: dict | None = None, sentence: str = "The print was 0.5% in the quarter."):
    """A brief's context as ``adopt_headline`` reads it: its headline measure, the heading over an offset, its
    sentences (each figure's the same here)."""
    return SimpleNamespace(ok=True, headline_measure=measure, heading_of=lambda pos: (headings or {}).get(pos, ""),
                           text=sentence, sentences=[(0, len(sentence))] * 5)


def test_a_bare_percentage_takes_the_headline_measure_marked_inferred(e: Entities) -> None:
    bare, signed = _member({"yoy"}), _member({"decrease", "qoq"})
    took = headline.adopt_headline([bare, signed], _ctx(("gdp",)), e)
    assert took == [bare, signed]
    assert bare.words == {"gdp", "yoy"} and signed.words == {"gdp", "decrease", "qoq"}  # its own change and base kept
    assert bare.words_from == headline.HEADLINE and bare.order[0] == "gdp"


def test_the_heading_over_a_list_item_comes_before_the_title(e: Entities) -> None:
    item, plain, other = _member(set(), at=40), _member(set(), at=90), _member(set(), at=140)
    ctx = _ctx(("gdp",), {40: "Headline inflation", 140: "Outlook for next year"})
    headline.adopt_headline([item, plain, other], ctx, e)
    assert item.words == {"inflation"} and plain.words == {"gdp"}
    assert other.words == {"gdp"}  # a heading naming no measure leaves the title's


def test_a_figure_naming_its_own_measure_or_no_percentage_keeps_its_words(e: Entities) -> None:
    own = _member({"export", "increase"})
    count = _member(set(), unit="")  # a count: its noun is its measure
    unread = _member(set(), sentence=-1)  # no source sentence: nothing read of it
    undated = _member(set(), how="")  # no period: nothing to agree with
    assert headline.adopt_headline([own, count, unread, undated], _ctx(("gdp",)), e) == []
    assert own.words == {"export", "increase"} and count.words == frozenset()
    money = _member(set(), unit="EUR")  # "(EUR 22.5bn)" in a note headed by the deficit: the deficit's
    assert headline.adopt_headline([money], _ctx(("deficit",)), e) == [money] and money.words == {"deficit"}
    assert headline.adopt_headline([_member(set())], _ctx(()), e) == []


def test_a_sentence_naming_another_measure_or_a_list_item_keeps_its_own(e: Entities) -> None:
    m = _member(set())
    sentence = "Unemployment is projected at 6.5% in 2025 and 6.2% in 2026."
    assert headline.adopt_headline([m], _ctx(("keyrate",), sentence=sentence), e) == [] and m.words == frozenset()
    after = _member(set())  # "cut to 3.25% in September, as inflation undershoots": another clause's
    after.at = 11  # (where its figure is written)
    assert headline.adopt_headline([after], _ctx(("keyrate",), sentence="It went to 3.25%, as inflation eased."),
                                   e) == [after]
    item = _member(set())
    item.elided = "bare"  # "..., and 2.4% in 2026": the figure before's measure (ellipsis.carry)
    assert headline.adopt_headline([item], _ctx(("keyrate",)), e) == []
    ahead = _member(set())
    ahead.claim.quote = "The print will be 0.5% or so."  # a forecast is compared only when a person keys it
    assert headline.adopt_headline([ahead], _ctx(("gdp",)), e) == []
    same = _member({"increase"})  # the sentence names the headline's own measure
    assert headline.adopt_headline([same], _ctx(("gdp",), sentence="GDP grew 0.5% after 0.2%."), e) == [same]


def test_a_measure_taken_from_elsewhere_keeps_saying_where_from(e: Entities) -> None:
    m = _member({"increase"}, words_from="the sentence before it")
    headline.adopt_headline([m], _ctx(("inflation",)), e)
    assert m.words_from == "the sentence before it"


def test_a_formal_style_s_adjective_names_its_country(e: Entities) -> None:
    assert e.subjects("figures from the Hellenic Statistical Authority") == ("greece",)
    assert e.subjects("the Argentine economy contracted") == ("argentina",)
    assert e.subjects("the Kyrgyz central bank") == ("kyrgyzstan",)
    # a style of several words is no adjective: the Central African Republic is not "Central"
    assert e.subjects("the central bank held its rate") == ()
    assert e.subjects("Central African Republic") == ("central-african-republic",)


_WIRE = ("Norway's economy grows in the third quarter\nNordic Wire | 14 November 2024\n\n"
         "OSLO - Norway's economy grew 0.5% in the third quarter from the second, the statistics office "
         "said on Thursday, after it had grown in the spring on stronger household spending and oil investment.\n")
_NOTE = ("Norway - Q3 GDP: weaker than it looks\nFjord Bank Research | 14 November 2024\n\n"
         "Summary. The print was +0.5% q/q in Q3, after a fall in Q2. We keep our call for a rate cut in March, "
         "as the krone has steadied and wage growth is slowing towards the target of the central bank.\n")


def test_a_bank_note_s_bare_change_joins_the_wire_under_its_headline_measure(tmp_path: Path) -> None:
    relations = _corpus(tmp_path, {"wire": _WIRE, "note": _NOTE})
    assert any(r["kind"] == "agreement" and len(r["claims"]) == 2 for r in relations), relations
    assert not any(r["kind"] == "contradiction" for r in relations)


def test_a_headline_measure_never_sets_a_bare_figure_against_a_report(tmp_path: Path) -> None:
    note = _NOTE.replace("+0.5% q/q", "+0.9% q/q")
    relations = _corpus(tmp_path, {"wire": _WIRE, "note": note})
    assert not any(r["kind"] == "contradiction" for r in relations)
