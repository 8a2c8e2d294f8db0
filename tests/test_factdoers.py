"""A thing acted on with no agent said, read as the one doer's act (analysis/factdoers), and a year that names a
thing ("its 2001 treaty") kept out of the act's period (drafting/factclaims). Sentences written for these tests."""

from __future__ import annotations

from hypothesis import given, strategies as st

from briefcmp.analysis.factstatements import _years_apart
from briefcmp.analysis.factwords import ATTRIBUTIVE_YEAR
from briefcmp.drafting.factclaims import _as_of, _without_attributive_years
from briefcmp.corpus.model import PartialDate

from test_factbodies import aligned_groups

PUBLISHED = PartialDate(2025, 3, 4)


def _keyed(groups: list[dict]) -> list[set[str]]:
    return [{c["brief"] for c in g["claims"]} for g in groups]


def test_a_passive_with_no_agent_is_the_act_of_the_one_doer_another_brief_names(tmp_path, draft_corpus) -> None:
    groups = aligned_groups(tmp_path, draft_corpus, {
        "wire": "Published 3 March 2025.\n\nPeru's Congress passed the Water Protection Bill on Monday.\n",
        "daily": "Published 4 March 2025.\n\nThe Water Protection Bill was passed in Congress on Monday.\n",
    })
    assert _keyed(groups) == [{"wire", "daily"}]
    assert groups[0]["subjects"][0] == "peru"


def test_two_doers_of_the_act_leave_the_passive_unread(tmp_path, draft_corpus) -> None:
    groups = aligned_groups(tmp_path, draft_corpus, {
        "wire": "Published 3 March 2025.\n\nThe Senate of Peru rejected the Water Protection Bill on Monday.\n",
        "post": "Published 3 March 2025.\n\nPresident Ana Ruiz of Chile rejected the Water Protection Bill.\n",
        "daily": "Published 4 March 2025.\n\nThe Water Protection Bill was rejected on Monday.\n",
    })
    assert not any("daily" in briefs for briefs in _keyed(groups))


def test_a_doer_of_another_thing_or_another_act_is_not_read() -> None:
    from dataclasses import dataclass

    from briefcmp.analysis.entities import Entities
    from briefcmp.analysis.factdoers import read_doers
    from briefcmp.analysis.factstatements import Statement

    @dataclass
    class F:
        undergone: bool = False

    def st(actor: str, action: str, words: str, undergone: bool = False) -> Statement:
        return Statement(None, F(undergone), actor, action, frozenset(words.split()), frozenset(), "fact",
                         root=actor)

    entities = Entities()
    bill = st("water-bill", "pass", "", undergone=True)
    assert read_doers([bill, st("peru", "pass", "budget"), st("chile", "veto", "water bill")], entities) == 0
    assert bill.actor == "water-bill"
    assert read_doers([bill, st("peru", "pass", "water bill law")], entities) == 1
    assert (bill.actor, bill.root, bill.words) == ("peru", "peru", frozenset({"water", "bill"}))


def test_a_year_that_names_a_thing_is_not_when_the_act_was_done() -> None:
    assert _as_of("Peru suspended its 2001 treaty with Chile", PUBLISHED) is None
    assert _as_of("Peru left the 1994 accord", PUBLISHED) is None
    assert _as_of("Ecuador's 2023 election was annulled", PUBLISHED) is None
    # a year the act is dated by stays
    assert str(_as_of("Peru suspended the treaty in 2001", PUBLISHED)) == "2001"
    assert str(_as_of("In 2019 the accord was signed", PUBLISHED)) == "2019"
    assert _as_of("The Monetary Law Act of 1949 was repealed", PUBLISHED) is None
    # nor is a month's or a span's "of"
    assert str(_as_of("Peru will leave the accord by the end of 2026", PUBLISHED)) == "2026"
    assert str(_as_of("Peru left the accord in March of 2023", PUBLISHED)) == "2023-03"
    # a number of things is no year
    assert _without_attributive_years("the 2500 troops") == "the 2500 troops"


def test_two_things_named_by_two_years_are_two_things() -> None:
    from types import SimpleNamespace as N

    def stmt(quote: str):
        return N(claim=N(quote=quote, as_of=None, as_of_inferred=True))

    assert _years_apart(stmt("Bolivia annulled the 2016 referendum"), stmt("Bolivia annulled the 2021 referendum"))
    assert not _years_apart(stmt("Bolivia annulled the 2016 referendum"), stmt("Bolivia annulled the referendum"))
    assert not _years_apart(stmt("its 2016 referendum"), stmt("the 2016 referendum result"))


@given(st.text(alphabet=st.sampled_from(list("the its 2016 1999 a's Peru treaty,.\n")), max_size=80))
def test_blanking_years_keeps_every_offset(text: str) -> None:
    out = _without_attributive_years(text)
    assert len(out) == len(text)
    assert not ATTRIBUTIVE_YEAR.search(out)
