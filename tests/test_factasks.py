"""Questions about one act told of two actors (analysis/factasks): asked of a person, never applied; one answer,
each the other's best match, a verb that says what was done. Statements written here (a regulator and its
country, a chamber and its state, two countries closing their borders to each other)."""

from __future__ import annotations

from types import SimpleNamespace

from briefcmp.analysis import factasks, lexicon
from briefcmp.analysis.alignfacts import Statement, weigh
from briefcmp.corpus.model import Value


def _st(brief: str, actor: str, verb: str, obj: str, value: str = "yes", others: str = "", n: int = 0) -> Statement:
    claim = SimpleNamespace(brief=brief, ref=f"{brief}#{n}", id=str(n), value=Value("category", category=value),
                            as_of=None, as_of_inferred=False, quote=f"{actor} {verb} {obj}", kind="fact", topics=())
    fact = SimpleNamespace(scope="", words=tuple(obj.split()), shown=tuple(obj.split()), verb=verb, object_text=obj,
                           nouns=tuple(obj.split()))
    return Statement(claim=claim, fact=fact, actor=actor, action=lexicon.same_action(verb),  # type: ignore[arg-type]
                     words=frozenset(obj.split()), others=frozenset(others.split()), role="fact", root=actor)


# what the entity recogniser calls each actor: names capitalised, a body by its common noun
_NAMES = SimpleNamespace(label=lambda e: e if e in ("regulator", "frame") else e.capitalize())


def _corpus(*sts: Statement) -> list[Statement]:
    weigh(list(sts))
    return list(sts)


def test_one_act_of_two_actors_is_asked_once() -> None:
    a = _st("wire", "regulator", "suspend", "broadcaster licence week", others="voice-of-ruritania")
    b = _st("paper", "borduria", "suspend", "broadcaster licence week", others="voice-of-ruritania", n=1)
    c = _st("paper", "borduria", "fine", "newspaper editor", n=2)
    found = factasks.two_actor_pairs(_corpus(a, b, c), _NAMES)
    assert [(x.actor, y.actor) for x, y, _ in found] == [("regulator", "borduria")]


def test_what_is_never_asked() -> None:
    # two answers: "suspended" and "did not suspend" of two actors is no question about who is who
    a = _st("wire", "regulator", "suspend", "broadcaster licence")
    b = _st("paper", "borduria", "suspend", "broadcaster licence", value="no", n=1)
    assert not factasks.two_actor_pairs(_corpus(a, b), _NAMES)
    # each closing its border to the other: the actor of one is where the other's act is aimed
    c = _st("wire", "borduria", "close", "border airline", others="syldavia")
    d = _st("paper", "syldavia", "close", "border airline", others="borduria", n=1)
    assert not factasks.two_actor_pairs(_corpus(c, d), _NAMES)
    # a copula says nothing of the act; one actor is asked about elsewhere (alignfacts' own candidates)
    e = _st("wire", "regulator", "be", "broadcaster licence")
    f = _st("paper", "borduria", "be", "broadcaster licence", n=1)
    g = _st("wire", "borduria", "suspend", "broadcaster licence", n=2)
    h = _st("paper", "borduria", "suspend", "broadcaster licence", n=3)
    assert not factasks.two_actor_pairs(_corpus(e, f, g, h), _NAMES)
    # a thing as the actor: "the frame was restored" beside "Borduria restored the frame" is asked elsewhere, if at all
    i = _st("wire", "frame", "restore", "rule time limit")
    j = _st("paper", "borduria", "restore", "rule time limit", n=1)
    assert not factasks.two_actor_pairs(_corpus(i, j), _NAMES)


def test_objects_must_be_alike_and_questions_are_bounded_per_actor() -> None:
    a = _st("wire", "regulator", "suspend", "broadcaster licence")
    b = _st("paper", "borduria", "suspend", "mining permit", n=1)
    assert not factasks.two_actor_pairs(_corpus(a, b), _NAMES)
    sts = [_st(f"brief{i}", f"body{i}", "suspend", "broadcaster licence", n=i) for i in range(6)]
    result = SimpleNamespace(candidates=[])
    ents = _NAMES

    def group_of(g, s, doubt, entities, taken, Group, Member):
        return SimpleNamespace(members=g, doubt=doubt, score=s)

    factasks.ask_two_actors(_corpus(*sts), ents, set(), result, group_of, None, None)  # type: ignore[arg-type]
    roots = [s.root for g in result.candidates for s in g.members]
    assert result.candidates and max(roots.count(r) for r in set(roots)) <= factasks.MAX_PER_ACTOR
    assert all("a person should say" in g.doubt for g in result.candidates)
