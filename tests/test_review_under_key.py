"""`align --review` shows, beside a group that would join a key, a few of the claims already under that key: the
question alone rarely tells a person whether the new claim belongs (lane figreview12, session 12)."""

from __future__ import annotations


def keyed_claim(brief: str, quote: str, amount: float = 3.42):
    from briefcmp.corpus.model import Claim, Value

    return Claim(id="c", brief=brief, quote=quote, key="port-teu", value=Value("quantity", amount=amount, scale="million"))


def join_group(new: bool = False):
    from briefcmp.analysis.align import Group, Member

    m = Member(keyed_claim("late", "The quays saw 3.42 million boxes."), ("port",), "title", "", "", frozenset({"box"}),
               {"box": "boxes"}, ("box",), period="2023", period_how="stated")
    return Group("port-teu", new, "How many TEU does the port count?", "", [m], "registered key port-teu", False)


def test_the_claims_under_the_key_are_shown_a_few_and_a_count_of_the_rest():
    from briefcmp.render.alignreview import UNDER_SHOWN, view

    under = [keyed_claim(f"b{i}", f"Terminals in port {i} moved boxes: 3.42 million of them.") for i in range(5)]
    text = view(join_group(), 80, under)
    assert "already under port-teu (5 claims):" in text
    assert "= b0#c: 3.42 million" in text and f"and {5 - UNDER_SHOWN} more" in text
    assert all(len(line) <= 80 for line in text.splitlines())
    assert "already under" not in view(join_group(), 80, [])  # nothing under it: nothing said
    assert "already under" not in view(join_group(new=True), 80, under)  # a new key has nothing under it


def test_a_quote_under_the_key_cannot_inject_terminal_escapes():
    from briefcmp.render.alignreview import view

    under = [keyed_claim("evil", "Boxes: 3.42 million\x1b]0;owned\x07\x1b[2J of them.")]
    text = view(join_group(), 60, under)
    assert "\x1b" not in text and "\x07" not in text
    assert all(len(line) <= 60 for line in text.splitlines())


def test_claims_of_the_joining_claims_period_come_first():
    from types import SimpleNamespace

    from briefcmp.cli.alignreview import _under
    from briefcmp.corpus.model import PartialDate, Period

    def dated(brief: str, year: int):
        c = keyed_claim(brief, f"{brief} moved 3.42 million boxes.")
        c.as_of = Period(PartialDate(year))
        return c

    claims = [dated("old", 2022), dated("same", 2023), dated("older", 2021)]
    corpus = SimpleNamespace(briefs=[SimpleNamespace(claims=claims)])
    session = SimpleNamespace(under={"port-teu": [c.ref for c in claims]}, corpus=corpus, keyed={}, decided=0, read_at=0)
    shown = _under(session, join_group())
    assert [c.brief for c in shown][0] == "same"
    assert _under(session, join_group(new=True)) == []
