"""What `align --review` shows after a person edits or splits (walk nz-gdp-2024q3, session 16): the value prompt
takes the value as it shows it, a split part says why of its own claims, the claims under a key are shown as edited."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from briefcmp.corpus.model import Value
from briefcmp.drafting.valueedit import ValueEditError, parse_value
from test_align_review import DEBT, FIXTURES, INFLATION, edit_first_debt_claim


@pytest.mark.parametrize("old, typed, amount", [
    (Value("quantity", -1.1, unit="percent"), "-1.1%", -1.1),  # the default as shown
    (Value("quantity", -1.1, unit="percent"), "1.1%", 1.1),
    (Value("quantity", 4.1, unit="USD", scale="billion", bound="approximate"), "USD 4.2 billion", 4.2),
    (Value("quantity", 4.1, unit="USD", scale="billion"), "usd 4.3 BILLION", 4.3),
    (Value("quantity", 12, unit="people"), "13 people", 13),
    (Value("rank", 8), "9th", 9),
    (Value("rank", 8), "1st", 1),
    (Value("quantity", 2.5, unit="percent"), "3", 3),
])
def test_the_value_prompt_takes_the_value_as_it_shows_it(old: Value, typed: str, amount: float) -> None:
    assert parse_value(old, typed).amount == amount


@pytest.mark.parametrize("old, typed", [
    (Value("quantity", -1.1, unit="percent"), "1.1 billion"),  # another scale: the scale stays, so refused
    (Value("quantity", 4.1, unit="USD", scale="billion"), "EUR 4.1 billion"),
    (Value("quantity", 4.1, unit="USD", scale="billion"), "4.1 millions"),
    (Value("quantity", 3, unit="percent"), "three"),
])
def test_another_unit_or_a_word_is_still_refused(old: Value, typed: str) -> None:
    with pytest.raises(ValueEditError):
        parse_value(old, typed)


@settings(max_examples=200, deadline=None)
@given(amount=st.decimals(min_value=-10**6, max_value=10**6, places=2, allow_nan=False, allow_infinity=False),
       unit=st.sampled_from(["percent", "USD", "NZD", "people", "tonnes", ""]),
       scale=st.sampled_from(["", "million", "billion"]),
       bound=st.sampled_from(["exact", "approximate", "at-least", "up-to", "more-than"]))
def test_every_shown_value_is_read_back(amount, unit, scale, bound) -> None:
    old = Value("quantity", float(amount), unit=unit, scale=scale, bound=bound)
    assert parse_value(old, old.display()).amount == pytest.approx(float(amount))


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=40))
def test_the_value_prompt_never_raises_anything_else(text: str) -> None:
    for old in (Value("quantity", -1.1, unit="percent"), Value("rank", 3), Value("quantity", 5, unit="USD", scale="million")):
        try:
            v = parse_value(old, text)
        except ValueEditError:
            continue
        assert v.unit == old.unit and v.scale == old.scale


def test_a_split_part_says_why_of_its_own_claims(tmp_path: Path, draft_corpus) -> None:
    from briefcmp.analysis.decide import split, start
    from briefcmp.corpus.cache import load_corpus

    corpus = draft_corpus(tmp_path / "kenya", FIXTURES.glob("*.txt"))
    loaded = load_corpus([corpus], cache=False).corpus
    session = start(loaded, lambda: load_corpus([corpus], cache=False).corpus)
    (g,) = [g for g in session.proposals if {m.claim.ref for m in g.members} == set(INFLATION)]
    g = type(g)(**{**g.__dict__, "reason": f"named {', '.join(INFLATION)}"})  # a why naming every claim
    parts = split(session, g, list(INFLATION[:2]))
    assert [len(p.members) for p in parts] == [2]
    assert INFLATION[2] not in parts[0].reason and "unit" in parts[0].reason


@pytest.mark.skipif(sys.platform == "win32", reason="pty")
def test_the_value_prompt_takes_its_own_default_form_in_a_real_terminal(tmp_path: Path, draft_corpus) -> None:
    corpus = draft_corpus(tmp_path / "kenya", FIXTURES.glob("*.txt"))
    text = edit_first_debt_claim(corpus, value="69%")  # as the prompt shows it: [68%]
    assert "is not a number" not in text
    assert f"{DEBT[0]}: 69%" in text
    assert "amount: 69" in (corpus / "sahel-brief.claims.yaml").read_text(encoding="utf-8")


def test_the_claims_under_a_key_are_read_again_after_an_accept() -> None:
    """Keyed in this review, a claim under the key is shown as keying wrote it (its as-of), not as the round began."""
    from types import SimpleNamespace

    from briefcmp.analysis.align import Group, Member
    from briefcmp.cli.alignreview import _under
    from briefcmp.corpus.model import Claim, PartialDate, Period

    def claim(brief: str, as_of=None) -> Claim:
        return Claim(id="c", brief=brief, quote=f"{brief} counts 12 ferries.", key="ferries",
                     value=Value("quantity", amount=12, unit="ferries"), as_of=as_of)

    stale = SimpleNamespace(briefs=[SimpleNamespace(claims=[claim("harbour")])])
    fresh = SimpleNamespace(briefs=[SimpleNamespace(claims=[claim("harbour", Period(PartialDate(2024, 6)))])])
    reads = []
    session = SimpleNamespace(under={"ferries": ["harbour#c"]}, keyed={"harbour#c": "ferries"}, corpus=stale,
                              decided=1, read_at=0, reload=lambda: reads.append(1) or fresh)
    joining = Member(claim("quay"), ("port",), "title", "ferries", "ferries", frozenset({"ferry"}), {"ferry": "ferries"},
                     ("ferry",))
    group = Group("ferries", False, "How many ferries?", "ferries", [joining], "why", False)
    (shown,) = _under(session, group)
    assert str(shown.as_of) == "2024-06" and reads == [1]
    _under(session, group)
    assert reads == [1]  # read once per decision, not once per screen
