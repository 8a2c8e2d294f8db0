"""`align --review` runs to the fixed point `--apply` reaches: after the decisions of a round, align reads the
corpus again and asks what those decisions made possible (never again what was decided).

The corpus: the four Kenya briefs of tests/fixtures/align-review, and a fifth (align-review-rounds) giving
Kenya's inflation with no period: a candidate to join the inflation key once that key is written.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from briefcmp.analysis.decisions import DECISIONS_NAME, load_store
from briefcmp.cli import app
from test_align_review import Pty, keys_of

HERE = Path(__file__).parent / "fixtures"
LATE = "lake-post#pct-7-9"
runner = CliRunner()


@pytest.fixture(scope="module")
def drafted(tmp_path_factory, draft_corpus) -> Path:
    texts = [*(HERE / "align-review").glob("*.txt"), *(HERE / "align-review-rounds").glob("*.txt")]
    return draft_corpus(tmp_path_factory.mktemp("rounds") / "kenya", texts)


@pytest.fixture
def corpus(drafted: Path, tmp_path: Path) -> Path:
    return Path(shutil.copytree(drafted, tmp_path / "kenya"))  # (each test decides on its own copy)


def test_apply_then_review_asks_to_join_the_keys_apply_just_wrote(corpus: Path) -> None:
    """--apply writes the sure groups, then the candidates to join them are asked (the reading they come from
    predates the keys: they were dropped unasked before)."""
    r = runner.invoke(app, ["align", str(corpus), "--apply", "--review"], input="y\n")
    assert r.exit_code == 0, r.output
    assert "(1/1) Add this to kenya-inflation-pct" in r.stdout and "keyed 1 claim as kenya-inflation-pct" in r.stdout
    assert keys_of(corpus)[LATE] == "kenya-inflation-pct"
    again = runner.invoke(app, ["align", str(corpus)])
    assert "0 groups to key, 0 candidates" in again.stdout  # the fixed point: nothing left to ask


def _session(corpus: Path):
    from briefcmp.analysis.decide import start
    from briefcmp.corpus.cache import load_corpus

    def reload():
        return load_corpus([corpus], cache=False).corpus

    return start(reload(), reload)


def test_a_second_round_asks_only_what_the_first_made_possible(corpus: Path, capsys) -> None:
    """The driver: once every proposal of a round is answered, the next reading's new proposals are asked,
    what was asked is not; a round that decides nothing ends the review (no loop on what cannot change)."""
    from briefcmp.cli.alignreview import interactive

    late = corpus / "lake-post.claims.yaml"
    held = late.read_text(encoding="utf-8")
    late.unlink()  # the first reading without the fifth brief: its proposals are the two groups
    first = _session(corpus)
    assert len(first.proposals) == 2
    readings = []

    def again():  # align run again on the corpus as decided (here with the fifth brief back, as one reading more)
        if not late.exists():
            late.write_text(held, encoding="utf-8")
        readings.append(_session(corpus))
        return readings[-1]

    answers = iter("yny")
    code = interactive(first, read_key=lambda: next(answers, None), again=again)
    out = capsys.readouterr().out
    assert code == 0 and len(readings) == 2  # (the second round decided: a third reading, with nothing new)
    assert "1 more proposal, made possible by the decisions so far:" in out
    assert out.count("(1/1) Add this to kenya-inflation-pct") == 1 and "(2/2) Key these together" in out
    assert "3 decisions recorded" in out and "left undecided" not in out
    store = load_store(corpus / DECISIONS_NAME)
    assert [d.decision for d in store.decisions] == ["accept", "reject", "accept"]
    assert keys_of(corpus)[LATE] == "kenya-inflation-pct"


def test_a_round_that_decides_nothing_reads_no_more(corpus: Path, capsys) -> None:
    from briefcmp.cli.alignreview import interactive

    calls = []
    code = interactive(_session(corpus), read_key=lambda: "q", again=lambda: calls.append(1))
    assert code == 0 and calls == []  # quit: the review stops where it is
    answers = iter("nnn")
    code = interactive(_session(corpus), read_key=lambda: next(answers, None),
                       again=lambda: calls.append(1) or _session(corpus))
    # every proposal rejected: read again once; what it proposes was all asked, so no second round
    assert code == 0 and calls == [1]
    assert "more proposal" not in capsys.readouterr().out


@pytest.mark.skipif(sys.platform == "win32", reason="pty")
def test_apply_then_review_in_a_real_terminal(corpus: Path) -> None:
    t = Pty(["align", str(corpus), "--apply", "--review"], corpus)
    t.dialogue(("(1/1) Add this to kenya-inflation-pct [y,n,e,s,q,?]? ", "y"))
    text = t.expect("1 decision recorded", timeout=120)
    assert "keyed 1 claim as kenya-inflation-pct" in text and "Traceback" not in text
    assert t.close() == 0
    assert keys_of(corpus)[LATE] == "kenya-inflation-pct"


def test_a_claim_rejected_for_two_registered_keys_is_asked_for_neither_again(tmp_path: Path) -> None:
    """A claim proposed to join key A, rejected, then to join key B, rejected: one id (it names the claims),
    two answers; the second never undoes the first (the simulated analyst was asked A, B, A, B ...)."""
    from briefcmp.analysis.decisions import Decision, candidate_id

    store = load_store(tmp_path / DECISIONS_NAME)
    ref = "wire#pct-13-9"
    one = candidate_id([ref])
    store.record(Decision(one, "reject", (ref,), key="deficit-forecast", registered=True))
    store.record(Decision(one, "reject", (ref,), key="budget-forecast", registered=True))
    _, not_key = load_store(tmp_path / DECISIONS_NAME).apart()
    assert {(ref, "deficit-forecast"), (ref, "budget-forecast")} <= not_key
    store.record(Decision(one, "accept", (ref,), key="deficit-forecast", registered=True))  # a mind changed
    _, not_key = load_store(tmp_path / DECISIONS_NAME).apart()
    assert (ref, "deficit-forecast") not in not_key and (ref, "budget-forecast") in not_key
