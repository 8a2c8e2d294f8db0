"""Statements put to a person only (alignfacts._review): the pair linker's groups far below its candidate bar, of
one actor, a few per actor, likest first, never applied, each saying what is missing. Sentences written here."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from briefcmp.analysis import alignfacts, factlink, lexicon
from briefcmp.analysis.alignfacts import Statement, weigh
from briefcmp.corpus.model import Value


def _st(brief: str, actor: str, verb: str, obj: str, quote: str, n: int = 0, root: str = "") -> Statement:
    claim = SimpleNamespace(brief=brief, ref=f"{brief}#{actor}-{verb}-{n}", id=f"{actor}-{verb}-{n}",
                            value=Value("category", category="yes"), as_of=None, as_of_inferred=False, quote=quote,
                            kind="fact", topics=())
    fact = SimpleNamespace(scope="", words=tuple(obj.split()), shown=tuple(obj.split()), verb=verb, object_text=obj)
    return Statement(claim=claim, fact=fact, actor=actor, action=lexicon.same_action(verb),  # type: ignore[arg-type]
                     words=frozenset(lexicon.lemma(w) for w in obj.split()), others=frozenset(), role="fact",
                     root=root or actor)


class _Group(SimpleNamespace):
    def __init__(self, key, new, label, unit, members, reason, sure, subjects=(), topics=(), doubt="", score=0.0):
        super().__init__(key=key, new=new, label=label, unit=unit, members=members, reason=reason, sure=sure,
                         subjects=subjects, topics=topics, doubt=doubt, score=score)


class _Member(SimpleNamespace):
    pass


_ENTITIES = SimpleNamespace(label=lambda e: e.title(), labels={})


def _corpus() -> list[Statement]:
    sts = [
        _st("wire", "port-authority", "close", "harbour", "The port authority closed the harbour to tankers"),
        _st("paper", "port-authority", "shut", "harbour entrance", "The port authority shut the harbour entrance",
            n=1),
        _st("wire", "rail-board", "raise", "fare", "The rail board raised fares on the coastal line", n=2),
        _st("paper", "rail-board", "lift", "ticket price", "The rail board lifted ticket prices for commuters", n=3),
        _st("wire", "mayor", "open", "bridge", "The mayor opened the new bridge", n=4),
        _st("paper", "senate", "open", "bridge", "The senate opened an inquiry into the bridge", n=5),
        _st("blog", "court", "fine", "operator", "The court fined the ferry operator", n=6),
    ]
    weigh(sts)
    return sts


def _review(sts: list[Statement], monkeypatch, bar: float = 0.0, most: int = 3) -> SimpleNamespace:
    monkeypatch.setattr(alignfacts, "REVIEW_BAR", bar)
    monkeypatch.setattr(alignfacts, "MAX_REVIEW_PER_ACTOR", most)
    result = SimpleNamespace(groups=[], candidates=[], entities={})
    alignfacts._review(sts, sts, _ENTITIES, set(), result, _Group, _Member)  # type: ignore[arg-type]
    return result


def test_weak_links_of_one_actor_are_asked_and_never_applied(monkeypatch) -> None:
    sts = _corpus()
    result = _review(sts, monkeypatch)
    assert result.groups == []  # a person's call only: --apply writes none of these
    asked = [{m.claim.ref for m in g.members} for g in result.candidates]
    assert {"wire#port-authority-close-0", "paper#port-authority-shut-1"} in asked
    for g in result.candidates:
        assert not g.sure and g.new
        assert len({m.claim.brief for m in g.members}) == len(g.members) >= 2  # one statement a brief
        assert "the linker rates them" in g.doubt and "it keys from" in g.doubt  # how sure, and what is missing
        assert len({m.lead for m in g.members}) == 1


def test_two_actors_are_never_put_together_at_a_weak_link(monkeypatch) -> None:
    result = _review(_corpus(), monkeypatch)
    for g in result.candidates:  # the mayor's bridge and the senate's inquiry: two actors
        assert not {m.claim.ref for m in g.members} >= {"wire#mayor-open-4", "paper#senate-open-5"}


def test_judgements_with_be_are_not_asked(monkeypatch) -> None:
    a = _st("wire", "port-authority", "be", "harbour", "The port authority is responsible for the harbour")
    b = _st("paper", "port-authority", "be", "harbour", "The port authority was slow to clear the harbour", n=1)
    sts = [a, b, *_corpus()[2:]]
    weigh(sts)
    result = _review(sts, monkeypatch)
    assert not any(m.claim.ref in (a.claim.ref, b.claim.ref) for g in result.candidates for m in g.members)


def test_at_most_a_few_per_actor_likest_first(monkeypatch) -> None:
    sts = []
    for i, place in enumerate(("Arden", "Belmont", "Carrow", "Dunmore", "Elsworth")):  # five depots one board closed
        sts += [_st("wire", "board", "close", f"{place.lower()} depot", f"The board closed the {place} depot", n=2 * i),
                _st("paper", "board", "close", f"{place.lower()} depot", f"The {place} depot was closed by the board",
                    n=2 * i + 1)]
    sts += _corpus()[2:]
    weigh(sts)
    result = _review(sts, monkeypatch, most=2)
    assert len([g for g in result.candidates if g.members[0].lead == "board"]) == 2
    scores = [g.score for g in result.candidates]
    assert scores == sorted(scores, reverse=True)


def test_the_review_bar_is_off_at_or_above_the_candidate_bar(monkeypatch) -> None:
    result = _review(_corpus(), monkeypatch, bar=factlink.model().candidate)
    assert result.candidates == []  # what lies above is the linker's own candidates (alignfacts._learned)


def test_link_at_a_lower_bar_links_a_superset_of_statements() -> None:
    sts = _corpus()
    m = factlink.model()
    free = {id(s) for s in sts}
    linked = {s.claim.ref for g, _ in factlink.link(sts, free, m) for s in g}
    lower = {s.claim.ref for g, _ in factlink.link(sts, free, m, bar=0.0) for s in g}
    assert linked <= lower
    assert all(p >= 0.0 for _, p in factlink.link(sts, free, m, bar=0.0))


@pytest.mark.parametrize("bar", [0.2, 0.35, 0.5])
def test_each_group_means_at_least_the_bar(bar: float) -> None:
    sts = _corpus()
    for _, p in factlink.link(sts, {id(s) for s in sts}, factlink.model(), bar=bar):
        assert p >= bar
