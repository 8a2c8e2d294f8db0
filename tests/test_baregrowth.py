"""A bare change of an economy is its GDP's, in a report on GDP (``analysis.baregrowth``), and nowhere else.
Fixture texts written here."""

from __future__ import annotations

from types import SimpleNamespace

from test_align_context import _by_value
from test_align_context import _members as _described

from briefcmp.analysis import baregrowth
from briefcmp.analysis.entities import Entities
from briefcmp.corpus.model import Value


def _members(root, text: str) -> list:
    """One brief drafted from ``text`` and described as align describes it (its first line the title), bare
    changes read."""
    out = _described(root, text)
    baregrowth.read(out, text.split("\n", 1)[0], Entities())
    return out


_ENTS = Entities(use_countries=False)


def _m(words: str, amount: float, subjects=("ruritania",), period="2025", unit="percent", quote="It grew 2%.",
       dated=True, subjects_from="claim", elided=""):
    claim = SimpleNamespace(value=Value("quantity", amount, unit="percent"), brief="b1", quote=quote)
    return SimpleNamespace(claim=claim, words=frozenset(words.split()), subjects=subjects, period=period, basis="",
                           unit=unit, order=tuple(words.split()), shown={w: w for w in words.split()}, words_from="",
                           dated=dated, subjects_from=subjects_from, elided=elided)


def test_a_country_that_grew_in_a_gdp_report_grew_its_gdp(tmp_path) -> None:
    got = _by_value(_members(tmp_path, "Portugal's GDP picks up in third quarter\nWire | 5 November 2025\n\n"
                                       "Portugal grew 1.8% on a year earlier in the third quarter. "
                                       "Household spending rose 2.6%.\n"))
    assert {"gdp", "increase"} <= got[1.8][0].words and got[1.8][0].words_from
    assert "gdp" not in got[2.6][0].words  # a measure of its own stays its own


def test_no_gdp_frame_no_reading(tmp_path) -> None:
    got = _by_value(_members(tmp_path, "Portugal's carmakers had a busy year\nWire | 5 November 2025\n\n"
                                       "Car sales rose 4.2% in October. The market grew 3.3% over the year.\n"))
    assert all("gdp" not in m.words for ms in got.values() for m in ms)


def test_the_frame_is_the_subject_of_the_gdp_figures_only() -> None:
    gdp = _m("gdp increase", 2.0)
    own = _m("increase", 2.0)
    other = _m("increase", 5.0, subjects=("borduria",))  # another country's bare change: not this report's frame
    baregrowth.read([gdp, own, other], "", _ENTS)
    assert "gdp" in own.words and "gdp" not in other.words


def test_two_bare_changes_of_one_period_with_other_values_are_left_alone() -> None:
    gdp = _m("gdp increase", 2.0, period="2024")
    a, b = _m("increase", 2.0), _m("increase", 7.5)
    baregrowth.read([gdp, a, b], "", _ENTS)
    assert "gdp" not in a.words and "gdp" not in b.words


def test_only_rates_and_only_bare_changes() -> None:
    gdp = _m("gdp increase", 2.0)
    amount = _m("increase", 40.0, unit="EUR")  # an amount that rose is not a growth rate
    level = _m("export", 3.0)  # a measure named, no change word: not bare
    flat = _m("", 0.0)
    baregrowth.read([gdp, amount, level, flat], "Ruritania GDP report", _ENTS)
    assert "gdp" not in amount.words and "gdp" not in level.words and "gdp" not in flat.words
    assert baregrowth.bare(_m("forecast increase yoy", 1.0)) and not baregrowth.bare(_m("visitor increase", 1.0))


def test_a_sentence_naming_another_measure_an_undated_figure_or_a_subject_from_the_whole_brief() -> None:
    gdp = _m("gdp increase", 2.0)
    other = _m("increase", 2.0, quote="Farm investment, the ministry said, was up 2%.")  # the clause reads bare
    fastest = _m("increase", 2.0, quote="The northern regions posted the fastest growth, 2%.")
    undated = _m("increase", 2.0, dated=False)
    guessed = _m("increase", 2.0, subjects_from="whole brief")
    baregrowth.read([gdp, other, fastest, undated, guessed], "", _ENTS)
    assert [("gdp" in m.words) for m in (other, fastest, undated, guessed)] == [False] * 4


def test_a_list_item_whose_carried_rise_its_own_sign_denies_is_left_alone() -> None:
    gdp = _m("gdp increase", 0.4, period="2024")
    denied = _m("increase", -0.8, elided="bare")  # "+0.4% y/y, Q3 -0.8%": the rise was carried to a fall
    carried = _m("increase", 0.9, period="2023", elided="bare")  # "+0.4% (2023: +0.9%)": read
    baregrowth.read([gdp, denied, carried], "", _ENTS)
    assert "gdp" not in denied.words and "gdp" in carried.words
