"""Statements lined up by the corpus's weights: other verbs one-to-one (analysis/factmatch), a brief that gives
two values settled by the others, a brief that says it twice, and different answers only with strong wording."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from briefcmp.analysis import alignfacts, lexicon
from briefcmp.analysis.alignfacts import Statement, weigh
from briefcmp.analysis.factmatch import mutual_groups, object_likeness
from briefcmp.corpus.model import Value


def _st(brief: str, action: str, words: str, value: str = "yes", others: str = "", actor: str = "chile",
        role: str = "fact", n: int = 0) -> Statement:
    claim = SimpleNamespace(brief=brief, ref=f"{brief}#{action}-{n}", value=Value("category", category=value),
                            as_of=None, as_of_inferred=False, id=f"{action}-{n}")
    fact = SimpleNamespace(scope="", words=(), shown=(), verb=action, object_text=words)
    return Statement(claim=claim, fact=fact, actor=actor, action=lexicon.same_action(action),  # type: ignore[arg-type]
                     words=frozenset(words.split()), others=frozenset(others.split()), role=role)


def _corpus_of(*sts: Statement) -> list[Statement]:
    weigh(list(sts))
    return list(sts)


def test_weights_make_the_words_every_statement_shares_count_little() -> None:
    sts = _corpus_of(*(_st(f"b{i}", "impose", f"tariff {w}") for i, w in enumerate(["copper", "lithium", "wine"])),
                     _st("b9", "impose", "tariff copper"))
    a, b, c, d = sts
    assert a.weight is b.weight and a.weight["tariff"] < a.weight["lithium"]  # in every statement: weighs least
    # sharing the rare word says more than sharing the common one, though each pair shares one word of two
    assert object_likeness(a, d) == 1.0
    plain = Statement(**{**a.__dict__, "weight": None})
    assert a.mass({"tariff"}) < a.mass({"copper"}) and plain.mass({"tariff", "copper"}) == 2.0


def test_other_verbs_with_the_same_object_are_one_question_one_to_one() -> None:
    recall = _st("wire", "recall", "ambassador embassy", others="peru")
    withdraw = _st("paper", "withdraw", "ambassador embassy", others="peru")
    weaker = _st("paper", "summon", "ambassador", others="peru", n=1)
    other = _st("paper", "impose", "tariff copper", n=2)
    sts = _corpus_of(recall, withdraw, weaker, other, _st("think", "impose", "tariff wine"))
    groups = mutual_groups(sts, lambda st: True)
    assert [[s.claim.ref for s in g] for g in groups] == [["paper#withdraw-0", "wire#recall-0"]]  # its best, not both


def test_other_verbs_with_other_answers_or_opposite_steps_are_left_for_a_person() -> None:
    # "suspended the agreement" and "did not end the agreement" can both be true: never keyed by their objects
    suspended = _st("wire", "suspend", "trade agreement", "yes")
    not_ended = _st("paper", "end", "trade agreement", "no")
    assert mutual_groups(_corpus_of(suspended, not_ended), lambda st: True) == []
    imposed, lifted = _st("wire", "impose", "trade agreement"), _st("paper", "lift", "trade agreement")
    assert mutual_groups(_corpus_of(imposed, lifted), lambda st: True) == []
    # one shared name is what both are about, not what they say of it ("signed the Rome Statute", "breached
    # its obligations under the Rome Statute")
    signed, breached = _st("wire", "sign", "statute"), _st("paper", "breach", "obligation statute")
    assert mutual_groups(_corpus_of(signed, breached), lambda st: True) == []


def test_a_statement_already_keyed_keeps_its_place_as_a_best_match() -> None:
    recall = _st("wire", "recall", "ambassador embassy")
    withdraw = _st("paper", "withdraw", "ambassador embassy")
    summon = _st("paper", "summon", "ambassador embassy staff", n=1)
    sts = _corpus_of(recall, withdraw, summon)
    assert mutual_groups(sts, lambda st: st is not withdraw) == []  # recall's best is keyed: summon is not next


def test_a_brief_giving_two_values_is_settled_by_the_other_briefs() -> None:
    yes_a, undecided_a = _st("wire", "impose", "sanction"), _st("wire", "impose", "sanction", "undecided", n=1)
    yes_b, yes_c = _st("paper", "impose", "sanction"), _st("think", "impose", "sanction")
    kept, dropped = alignfacts._settle([yes_a, undecided_a, yes_b, yes_c])
    assert kept == [yes_a, yes_b, yes_c] and dropped == [undecided_a]
    # no other brief to say which: not settled
    assert alignfacts._settle([yes_a, undecided_a]) == ([], [yes_a, undecided_a])


def test_a_brief_that_says_it_twice_has_both_keyed() -> None:
    attack = _st("paper", "condemn", "attack", others="russia ukraine")
    invasion = _st("paper", "condemn", "attack", others="russia", n=1)
    act = _st("think", "condemn", "attack")
    assert alignfacts.score(attack, act) >= alignfacts.SURE_SCORE and alignfacts.score(attack, invasion) < 0.8
    assert alignfacts._echoes([attack, act], [invasion]) == [invasion]
    assert alignfacts._echoes([attack, act], [_st("paper", "condemn", "attack", "no", n=2)]) == []  # another value


def test_different_answers_need_strong_wording_to_be_keyed() -> None:
    lifted = _st("wire", "lift", "ban seafood")
    not_lifted = _st("paper", "lift", "ban", "no")  # "has not lifted its ban": alike, not the same wording
    assert alignfacts.SURE_SCORE <= alignfacts.score(lifted, _st("x", "lift", "ban seafood", "no")) == 1.0
    assert alignfacts.score(lifted, not_lifted) < alignfacts.CONTRADICTION_SCORE
    assert "different answers" in alignfacts._doubt([lifted, not_lifted])
    same = _st("paper", "lift", "ban seafood", "no")
    assert "different answers" not in alignfacts._doubt([lifted, same])
    near = [_st("wire", "agree", "exchange"), _st("paper", "agree", "exchange", "no", others="britain")]
    assert alignfacts.score(*near) == pytest.approx(0.8) and "different answers" in alignfacts._doubt(near)
