"""Precision, session 17: a quarter's figure and a year's are never one key, even when a misread fiscal year keeps
them from overlapping; a period after "the same pace as" or "above the <figure>" is a comparison base, not the
figure's; a noun phrase an aside puts after its verb is that verb's object, and the participle after it describes
it. Sentences written for these tests."""

from __future__ import annotations

from datetime import date
from types import SimpleNamespace

from hypothesis import given, settings, strategies as st

from briefcmp.analysis import nlp, periods
from briefcmp.analysis.entities import Entities
from briefcmp.analysis.facts import read_facts
from briefcmp.analysis.factverbs import _object_after_aside
from briefcmp.analysis.figclusters import _blocks, _other_length, _Part


def _fig(brief: str, period: str, how: str = "stated") -> SimpleNamespace:
    claim = SimpleNamespace(brief=brief, ref=f"{brief}#{period}", value=SimpleNamespace(amount=1.0, base_amount=1.0))
    return SimpleNamespace(claim=claim, period=period, period_how=how, dated=bool(period), vintage="",
                           words=frozenset({"sales"}))


# --------------------------------------------------------------------------- one length of period a key


def test_a_quarter_and_a_year_are_two_measures_even_apart() -> None:
    # a fiscal year to September beside the calendar quarter after it: no overlap, yet a quarter is no year
    assert _other_length("2023-10/2024-09", "2024-10/2024-12")
    assert _other_length("2024-11", "2024-07/2024-09")
    assert _Part([_fig("a", "2023-10/2024-09")]).clashes(_Part([_fig("b", "2024-10/2024-12")]))


def test_periods_of_one_length_still_make_a_series() -> None:
    assert not _other_length("2023", "2024")
    assert not _other_length("2024-04/2025-03", "2023")  # a fiscal year and a calendar year: both twelve months
    assert not _other_length("2024-07/2024-09", "2024-10/2024-12")
    assert not _other_length("2024-03-31", "2024")  # a day is a point in time, not a length
    assert not _Part([_fig("a", "2023")]).clashes(_Part([_fig("b", "2024")]))


def test_a_release_date_is_no_stated_length() -> None:
    assert not _Part([_fig("a", "2024-10/2024-12")]).clashes(_Part([_fig("b", "2025-02", "release-date")]))


def test_one_word_set_splits_its_quarters_from_its_years() -> None:
    blocks = _blocks([_fig("a", "2024"), _fig("b", "2024"), _fig("c", "2025-01/2025-03")])
    assert sorted(len(b) for b in blocks) == [1, 2]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="0123456789-/", max_size=24), st.text(alphabet="0123456789-/", max_size=24))
def test_the_length_test_never_fails_and_is_symmetric(p: str, q: str) -> None:
    assert _other_length(p, q) == _other_length(q, p)


# --------------------------------------------------------------------------- comparison bases


def _period(sentence: str, figure: str) -> str:
    i = sentence.index(figure)
    return periods.resolve(sentence, (i, i + len(figure)), date(2025, 3, 3), "", "")[0]


def test_the_same_pace_as_a_quarter_is_a_base() -> None:
    s = "Output grew 2% in the fourth quarter, the same pace as the revised third quarter, and 0.4% on the quarter."
    assert _period(s, "0.4%") == "2024-10/2024-12"
    assert _period(s, "2%") == "2024-10/2024-12"
    s = "Sales rose 4% in the second half, at the same rate as the first half."
    assert _period(s, "4%") == "2024-07/2024-12"


def test_above_a_figure_already_given_is_a_base() -> None:
    s = "The margin reached 6.1 percent, 1.2 points above the 4.9 percent recorded in 2022."
    assert _period(s, "6.1 percent") != "2022"
    s = "Exports grew 5% in 2024, well above the 2.0% recorded in 2023."
    assert (_period(s, "5%"), _period(s, "2.0%")) == ("2024", "2023")
    assert _period("Inflation stayed above 2% in 2024.", "2%") == "2024"  # a threshold, no base


# --------------------------------------------------------------------------- a verb's object after an aside


def _acts(sentence: str) -> set[tuple[str, str]]:
    return {(f.actor, f.verb) for f in read_facts(sentence, Entities())}


def test_the_object_after_an_aside_is_no_new_subject() -> None:
    acts = _acts("The board decided to revoke, with immediate effect, the licences and all permits granted to the mine.")
    assert ("licence", "grant") not in acts and ("permit", "grant") not in acts
    acts = _acts("The ministry suspended, for six months, the quotas allocated to the two fleets.")
    assert not any(verb == "allocate" for _, verb in acts)


def test_a_clause_a_verb_reports_past_an_aside_stands() -> None:
    assert ("troop", "withdraw") in _acts("Officials said, in a statement, the troops withdrew on Friday.")
    assert ("japan", "condemn") in _acts("Japan, in a statement, condemned the attack.")


def test_the_aside_reading_needs_its_comma_and_verb() -> None:
    tokens = nlp.tag("The agency renewed, after a review, the permits issued to the port.")
    i = [t.text for t in tokens].index("issued")
    assert _object_after_aside(tokens, i)
    tokens = nlp.tag("The ships loaded grain at dawn.")
    assert not _object_after_aside(tokens, [t.text for t in tokens].index("loaded"))
