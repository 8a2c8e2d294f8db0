"""One act told twice, the second telling saying more of its object (analysis/factmatch.held_likeness): the same verb
and the fewer object words all held in the other's. Sentences written for these tests."""

from __future__ import annotations

from test_factlink import _corpus, _st

from briefcmp.analysis.factmatch import OBJECT_SCORE, held_likeness, object_likeness


def test_an_object_held_in_the_other_s_is_one_object() -> None:
    a = _st("wire", "peru", "suspend", "licence", "Peru suspended 40 of its licences")
    b = _st("paper", "peru", "suspend", "licence arm export", "Peru suspended 40 licences for arms exports to Chile",
            others="chile", n=1)
    same = _st("think", "peru", "suspend", "licence", "Peru has suspended 40 licences", n=2)
    _corpus(a, b, same, _st("think", "peru", "raise", "tariff", "Peru raised tariffs", n=3))
    assert object_likeness(a, b) < OBJECT_SCORE <= held_likeness(a, b) < 1.0
    # an object said the same way stays the likest: the one-to-one match takes it first
    assert held_likeness(a, same) == 1.0 > held_likeness(a, b)


def test_another_verb_a_further_round_a_bare_object_or_a_word_of_a_list_is_not() -> None:
    a = _st("wire", "peru", "suspend", "licence", "Peru suspended licences")
    other_verb = _st("paper", "peru", "revoke", "licence arm", "Peru revoked licences for arms", n=1)
    more = _st("paper", "peru", "suspend", "+more licence arm", "Peru suspended more licences for arms", n=2)
    bare = _st("paper", "peru", "suspend", "", "Peru suspended them", n=3)
    listed = _st("paper", "peru", "suspend", "licence visa flight route permit fee quota",
                 "Peru suspended licences, visas, flights, routes, permits, fees and quotas", n=4)
    _corpus(a, other_verb, more, bare, listed)
    assert held_likeness(a, other_verb) == object_likeness(a, other_verb) < OBJECT_SCORE
    assert held_likeness(a, more) < OBJECT_SCORE and held_likeness(a, bare) < OBJECT_SCORE
    assert held_likeness(a, listed) < OBJECT_SCORE
