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
                           words=frozenset({"sales", "growth"}))


# --------------------------------------------------------------------------- one length of period a key


def test_a_quarter_and_a_year_are_two_measures_even_apart() -> None:
    # a fiscal year to September beside the calendar quarter after it: no overlap, yet a quarter is no year
    assert _other_length("2023-10/2024-09", "2024-10/2024-12")
    assert _other_length("2024-11", "2024-07/2024-09")
    assert _Part([_fig("a", "2023-10/2024-09")]).clashes(_Part([_fig("b", "2024-10/2024-12")]))
    level = _fig("c", "2024-01/2024-03")
    level.words = frozenset({"policy", "rate"})  # a level by the quarter's end may stand beside September's
    assert not _Part([level]).clashes(_Part([_fig("d", "2024-09")]))


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


def test_a_figure_of_a_run_of_periods_is_no_one_period_s() -> None:
    s = "Output grew 0.4% in the October-December period after three straight quarters at 0.2%."
    assert _period(s, "0.2%") == ""
    assert _period(s, "0.4%") == "2024-10/2024-12"
    assert _period("Growth slowed to 1.1% in the fourth quarter, after five quarters of 1.5%.", "1.5%") == ""
    assert _period("Revenue rose 4% in the first nine months of 2024.", "4%") == "2024-01/2024-09"


def test_a_parenthesis_after_an_amount_is_a_figure_to_compare_with() -> None:
    for line, figure in (("- Net sales of EUR 8.1bn (EUR 7.4bn)", "7.4bn"), ("- EBITDA 2.2bn (FY23: 1.9bn)", "1.9bn"),
                         ("- Payout 71 (consensus: 69)", "69")):
        i = line.index(figure)
        assert periods.compared_aside(line, (i, i + len(figure)))
    line = "- Net sales of EUR 8.1bn (EUR 7.4bn)"
    assert not periods.compared_aside(line, (line.index("8.1"), line.index("8.1") + 5))
    assert not periods.compared_aside("- Orders rose (up 6%)", (17, 19))
    line = "- Rate cut to 2.75% (from 3.25%)"  # a base with its word: read as a base, not as a bare figure
    assert not periods.compared_aside(line, (line.index("3.25"), line.index("3.25") + 5))


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="0123456789 ().,:%abcdEURFY-", max_size=60), st.integers(0, 60))
def test_the_compared_aside_reading_never_fails(line: str, at: int) -> None:
    at = min(at, len(line))
    assert periods.compared_aside(line, (at, at)) in (True, False)


def test_a_base_figure_s_year_does_not_date_the_clause_after_it(tmp_path) -> None:
    from typer.testing import CliRunner

    import yaml

    from briefcmp.cli import app

    src = tmp_path / "wire.txt"
    src.write_text("Harbour Line results\nExample Wire, 6 February 2025\n\nOperating profit rose to $4.2 billion from "
                   "$2.8 billion in 2023, while revenue grew to $31.5 billion.\n", encoding="utf-8")
    out = tmp_path / "wire.claims.yaml"
    assert CliRunner().invoke(app, ["annotate", str(src), "-o", str(out)]).exit_code == 0
    claims = {c["value"]["amount"]: c for c in yaml.safe_load(out.read_text(encoding="utf-8"))["claims"]
              if "amount" in (c.get("value") or {})}
    assert str(claims[2.8].get("as_of")) == "2023"
    assert claims[31.5].get("as_of") is None
    # a figure measured against one given before: "above the", "times the" (drafting's reading)
    src.write_text("Port results\nExample Wire, 6 February 2025\n\nThe payout of 1.10 euros a share is almost three "
                   "times the 40 cents paid for 2022.\n\nThe margin reached 6.1 percent, 1.2 points above the 4.9 "
                   "percent recorded in 2022.\n", encoding="utf-8")
    out = tmp_path / "port.claims.yaml"
    assert CliRunner().invoke(app, ["annotate", str(src), "-o", str(out)]).exit_code == 0
    claims = {c["value"]["amount"]: c for c in yaml.safe_load(out.read_text(encoding="utf-8"))["claims"]
              if "amount" in (c.get("value") or {})}
    assert str(claims[1.1].get("as_of")) != "2022" and str(claims[6.1].get("as_of")) != "2022"


def test_a_share_written_as_a_fraction_in_words_is_rounded_to_it() -> None:
    from briefcmp.analysis.rounding import agree_rounded, word_fraction
    from briefcmp.corpus.model import Value

    fifth = Value(type="quantity", amount=20, unit="percent", bound="approximate")
    nineteen = Value(type="quantity", amount=19, unit="percent")
    assert agree_rounded(fifth, nineteen, "orders fell by almost a fifth", "orders down 19%")
    assert not agree_rounded(fifth, nineteen, "orders fell by about 20%", "orders down 19%")  # digits: as written
    quarter, far = Value(type="quantity", amount=25, unit="percent"), Value(type="quantity", amount=29, unit="percent")
    assert not agree_rounded(quarter, far, "one in four buses sold", "29% of buses sold")
    assert word_fraction(25.0, "one in four buses") and word_fraction(100 / 3, "a third of the fleet")
    assert not word_fraction(50.0, "half of the 50% goal")
