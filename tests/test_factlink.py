"""The learned statement pair linker (analysis/factlink): features that never read the values, the shipped model
and its bars, the one-to-one grouping, and what alignfacts does with what it links. Pairs written here, in several
domains (a central bank, a court, a trade ministry, a treaty)."""

from __future__ import annotations

import subprocess
import sys
from types import SimpleNamespace

from briefcmp.analysis import alignfacts, factlink, lexicon
from briefcmp.analysis.alignfacts import Statement, weigh
from briefcmp.corpus.model import Value


def _st(brief: str, actor: str, verb: str, obj: str, quote: str, value: str = "yes", root: str = "",
        others: str = "", kind: str = "fact", n: int = 0) -> Statement:
    vtype = "stance" if value in ("support", "oppose") else "category"
    v = Value(vtype, stance=value) if vtype == "stance" else Value(vtype, category=value)
    claim = SimpleNamespace(brief=brief, ref=f"{brief}#{actor}-{verb}-{n}", id=f"{actor}-{verb}-{n}", value=v,
                            as_of=None, as_of_inferred=False, quote=quote, kind=kind, topics=())
    fact = SimpleNamespace(scope="", words=tuple(obj.split()), shown=tuple(obj.split()), verb=verb, object_text=obj)
    role = "position" if vtype == "stance" else "forecast" if kind == "forecast" else "fact"
    return Statement(claim=claim, fact=fact, actor=actor, action=lexicon.same_action(verb),  # type: ignore[arg-type]
                     words=frozenset(lexicon.lemma(w) for w in obj.split()), others=frozenset(others.split()),
                     role=role, root=root or actor)


def _corpus(*sts: Statement) -> list[Statement]:
    weigh(list(sts))
    return list(sts)


def _p(a: Statement, b: Statement, sts: list[Statement]) -> float:
    """The model's probability for the pair (a, b), scored among ``sts`` as alignfacts scores it."""
    ia, ib = sts.index(a), sts.index(b)
    found = {(i, j): x for i, j, x in factlink.described(sts)}
    return factlink.model().probability(found[(min(ia, ib), max(ia, ib))])


# a few statements on other things, so that the corpus's weights and IDF are those of a corpus, not of two lines
def _others() -> list[Statement]:
    return [
        _st("wire", "central-bank", "raise", "policy rate", "The central bank raised its policy rate by a quarter point"),
        _st("paper", "court", "annul", "contract", "The court annulled the mining contract", n=1),
        _st("ministry", "ministry-of-trade", "publish", "quota", "The trade ministry published the new quotas", n=2),
        _st("think", "parliament", "ratify", "treaty", "Parliament ratified the fisheries treaty", n=3),
    ]


def test_the_shipped_model_loads_and_its_bars_are_ordered() -> None:
    m = factlink.model()
    assert m is not None and len(m.weights) == len(factlink.NAMES)
    # a person is asked below the applied bar; two different answers are keyed only above a bar as high or higher
    assert 0 < m.candidate <= m.threshold <= m.contradiction < 1


def test_the_values_never_change_a_pair_s_features() -> None:
    a = _st("wire", "peru", "suspend", "trade agreement", "Peru suspended the trade agreement with Chile", others="chile")
    yes = _st("paper", "peru", "suspend", "trade agreement", "Peru suspended its trade agreement with Chile",
              others="chile", n=1)
    no = _st("paper", "peru", "suspend", "trade agreement", "Peru has not suspended its trade agreement with Chile",
             value="no", others="chile", n=1)
    yes.claim.quote = no.claim.quote  # the same words: only the value differs
    ctx = factlink.Context(_corpus(a, yes, *_others()))
    assert factlink.features(a, yes, ctx) == factlink.features(a, no, ctx)


def test_an_office_standing_for_its_country_is_linked_as_the_country() -> None:
    # the ministry of a country announces what another brief says the country did
    office = _st("wire", "peruvian-foreign-ministry", "recall", "ambassador",
                 "Peru's foreign ministry recalled its ambassador to Chile", root="peru", others="chile")
    country = _st("paper", "peru", "recall", "ambassador", "Peru recalled its ambassador to Chile", others="chile", n=1)
    stranger = _st("paper", "bolivia", "recall", "ambassador", "Bolivia recalled its ambassador to Chile",
                   others="chile", n=2)
    sts = _corpus(office, country, stranger, *_others())
    ctx = factlink.Context(sts)
    f = dict(zip(factlink.NAMES, factlink.features(office, country, ctx)))
    assert f["actor_stands_for"] == 1.0 and f["actor_same"] == 0.0
    assert _p(office, country, sts) > _p(office, stranger, sts)


def test_different_actors_are_not_keyed_by_the_linker() -> None:
    # two countries doing the same thing are two questions, however alike the clauses
    a = _st("wire", "norway", "recognise", "state", "Norway formally recognised the State of Palestine",
            others="palestine")
    b = _st("paper", "ireland", "recognise", "state", "Ireland formally recognised the State of Palestine",
            others="palestine", n=1)
    sts = _corpus(a, b, *_others())
    # what alignfacts applies: never a group whose actors differ (at most a candidate saying so)
    result = SimpleNamespace(groups=[], candidates=[], entities={})
    ents = SimpleNamespace(label=lambda e: e.title(), labels={})
    left = alignfacts._learned(sts, sts, ents, set(), result, _Group, _Member)  # type: ignore[arg-type]
    assert not any({m.lead for m in g.members} >= {"norway", "ireland"} for g in result.groups)
    assert all("actors" in g.doubt for g in result.candidates if {m.lead for m in g.members} >= {"norway", "ireland"})
    assert len(left) + sum(len(g.members) for g in result.groups + result.candidates) == len(sts)


def test_suspended_and_did_not_end_are_never_keyed_as_one_answer() -> None:
    # "suspended the deal" and "did not end the deal" are both true: a trap, not a contradiction
    suspended = _st("wire", "court", "suspend", "ruling", "The constitutional court suspended the ruling")
    not_ended = _st("paper", "court", "end", "ruling", "The constitutional court did not end the ruling", value="no",
                    n=1)
    sts = _corpus(suspended, not_ended, *_others())
    assert _p(suspended, not_ended, sts) >= factlink.model().threshold  # the wording alone links them
    result = SimpleNamespace(groups=[], candidates=[], entities={})
    ents = SimpleNamespace(label=lambda e: e.title(), labels={})
    alignfacts._learned(sts, sts, ents, set(), result, _Group, _Member)  # type: ignore[arg-type]
    assert not any(len({m.claim.value.display() for m in g.members}) > 1 for g in result.groups)
    # ... but two answers of two verbs are a person's call, the prompt saying so
    asked = [g for g in result.candidates if {m.claim.ref for m in g.members} == {suspended.claim.ref, not_ended.claim.ref}]
    assert len(asked) == 1 and "different answers" in asked[0].doubt


def test_one_statement_per_brief_in_a_linked_group() -> None:
    a = _st("wire", "japan", "ban", "seafood import", "Japan banned seafood imports from the region", others="china")
    b = _st("paper", "japan", "ban", "seafood import", "Japan banned all seafood imports from the region",
            others="china", n=1)
    b2 = _st("paper", "japan", "ban", "seafood import", "Japan has banned seafood imports from the region",
             others="china", n=2)
    sts = _corpus(a, b, b2, *_others())
    m = factlink.model()
    low = factlink.Model({"names": list(factlink.NAMES), "weights": m.weights, "threshold": 0.0, "candidate": 0.0})
    for g, _ in factlink.link(sts, {id(s) for s in sts}, low):
        assert len({s.claim.brief for s in g}) == len(g)


def test_scoring_imports_no_numpy() -> None:
    code = ("import sys; from briefcmp.analysis import factlink; m = factlink.model(); "
            "m.probability([0.0] * len(factlink.NAMES)); print('numpy' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert out == "False"


class _Member(SimpleNamespace):
    def __init__(self, claim, subjects, subjects_from, unit, dim, words, shown, order, lead):
        super().__init__(claim=claim, subjects=subjects, lead=lead)


class _Group(SimpleNamespace):
    def __init__(self, key, new, label, unit, members, reason, sure, subjects, topics, doubt, score):
        super().__init__(key=key, members=members, sure=sure, doubt=doubt, score=score, subjects=subjects)


def test_one_actor_doing_one_act_is_a_feature_even_with_an_object_unwritten() -> None:
    # "Lima voted against", "Peru voted against the levy": one act, one object left unwritten
    a = _st("wire", "peru", "vote", "", "Lima voted against")
    b = _st("paper", "peru", "vote", "levy", "Peru voted against the levy", n=1)
    ctx = factlink.Context(_corpus(a, b, *_others()))
    f = dict(zip(factlink.NAMES, factlink.features(a, b, ctx)))
    assert f["actor_action"] == 1.0 and f["actor_action_bare"] == 1.0
    # a copula says nothing of the act: "Peru is in the pact" and "Peru is a member" share no act by their verb
    c = _st("wire", "peru", "be", "", "Peru is in", n=2)
    d = _st("paper", "peru", "be", "member", "Peru is a member", n=3)
    ctx = factlink.Context(_corpus(c, d, *_others()))
    f = dict(zip(factlink.NAMES, factlink.features(c, d, ctx)))
    assert f["actor_action"] == 0.0 and f["actor_action_bare"] == 0.0
