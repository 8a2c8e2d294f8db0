"""Actors read as one across briefs (session 10): a plural actor and the corpus's singular one, a chamber that
acts for its country, a short brief's office read as the country the corpus is about; and the loss diagnostic.

Sentences written for these tests."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

from briefcmp.analysis import lexicon
from briefcmp.analysis.alignfacts import Statement
from briefcmp.analysis.entities import Entities
from briefcmp.analysis.factread import _fold_plurals
from briefcmp.analysis.factrefs import _kind, stands_for
from briefcmp.analysis.factsubjects import _countries
from briefcmp.corpus.model import Value

ROOT = Path(__file__).resolve().parent.parent


class Texts:
    def __init__(self, **texts: str) -> None:
        self.texts = texts

    def text(self, brief: str) -> str:
        return self.texts.get(brief, "")


def _st(brief: str, actor: str, action: str = "close", words: str = "border") -> Statement:
    claim = SimpleNamespace(brief=brief, ref=f"{brief}#{actor}-{action}", value=Value("category", category="yes"),
                            as_of=None, as_of_inferred=False, id=f"{actor}-{action}")
    fact = SimpleNamespace(scope="", words=(), shown=(), verb=action, object_text=words)
    return Statement(claim=claim, fact=fact, actor=actor, action=lexicon.same_action(action),  # type: ignore[arg-type]
                     words=frozenset(words.split()), others=frozenset(), role="fact")


@pytest.fixture(scope="module")
def entities() -> Entities:
    ents = Entities()
    for name in ("senate", "parliament", "government", "member state", "Member States"):
        ents.adopt(name)
    return ents


def test_a_plural_actor_is_the_corpus_singular_one_but_never_a_country() -> None:
    sts = [_st("a", "member-states"), _st("b", "member-state"), _st("c", "united-states"), _st("d", "farmers")]
    _fold_plurals(sts, _countries())
    assert [s.actor for s in sts] == ["member-state", "member-state", "united-states", "farmers"]
    # no singular actor in the corpus: the plural stays as written
    lone = [_st("a", "member-states"), _st("b", "ecowas")]
    _fold_plurals(lone, _countries())
    assert lone[0].actor == "member-states"


def test_a_chamber_acts_for_its_country_as_parliament_does() -> None:
    assert _kind("senate") == "office" and _kind("congress") == "office" and _kind("legislature") == "office"
    assert _kind("council") != "office" and _kind("assembly") != "office"  # may be an international body's


def test_a_short_brief_naming_its_country_once_reads_an_office_as_the_corpus_country(entities: Entities) -> None:
    sts = [_st("wire", "senate", "pass", "bill"), _st("daily", "chile", "pass", "bill"),
           _st("daily", "chile", "sign", "decree")]
    texts = Texts(wire="The senate passed the bill in Chile late on Monday.",
                  daily="Chile passed the bill. Chile signed the decree. Chile's lawmakers agreed. Chile's "
                        "president spoke.")
    assert stands_for(sts, entities, texts, _countries()).get(("wire", "senate")) == "chile"
    # a brief that names another country as often says nothing of whose senate it is
    texts = Texts(wire="The senate passed the bill in Chile; Peru watched.", daily=texts.texts["daily"])
    assert ("wire", "senate") not in stands_for(sts, entities, texts, _countries())


def test_the_loss_diagnostic_rejects_a_folder_without_gold(tmp_path: Path) -> None:
    r = subprocess.run([sys.executable, str(ROOT / "benchmarks/facts_losses.py"), str(tmp_path)],
                       capture_output=True, text=True)
    assert r.returncode == 2 and "no gold.yaml" in r.stderr and "Traceback" not in r.stderr


def test_the_loss_diagnostic_classes_a_pair_by_its_first_failing_test() -> None:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from facts_losses import _verdict

    base = {"actor_same": 1.0, "actor_stands_for": 0.0, "actor_part_of": 0.0, "action_same": 1.0,
            "action_family": 0.0, "action_wordnet": 0.0, "action_opposite": 0.0, "role_same": 1.0,
            "years_apart": 0.0, "periods_meet": 1.0}
    assert _verdict(base, 0.9, True, 0.5) == "linked"
    assert _verdict(base, 0.2, True, 0.5) == "below bar"
    assert _verdict(base, 0.0, False, 0.5) == "not scored"
    assert _verdict({**base, "actor_same": 0.0}, 0.9, True, 0.5) == "actor"
    assert _verdict({**base, "action_same": 0.0}, 0.9, True, 0.5) == "action"
    assert _verdict({**base, "role_same": 0.0}, 0.9, True, 0.5) == "role"
    assert _verdict({**base, "years_apart": 1.0}, 0.9, True, 0.5) == "period"


def test_training_refuses_a_missing_check_file(tmp_path: Path) -> None:
    r = subprocess.run([sys.executable, str(ROOT / "scripts/train_factlinker.py"), "--check",
                        str(tmp_path / "none.txt"), "--cache", str(tmp_path)], capture_output=True, text=True)
    assert r.returncode == 2 and "no such file" in r.stderr and "Traceback" not in r.stderr


def test_a_time_phrase_right_before_the_subject_dates_the_clause() -> None:
    from briefcmp.corpus.model import PartialDate
    from briefcmp.drafting.factclaims import _as_of

    published = PartialDate(2031, 9, 10)
    assert str(_as_of("the council proposed a pause", published, "But in February ")) == "2031-02"
    assert str(_as_of("the agency lifted the cap", published, "Prices held, and on 4 May ")) == "2031-05-04"
    # a place, or a date of another clause ("said in 2029 that"), dates nothing
    assert _as_of("the agency lifted the cap", published, "In the north ") is None
    assert _as_of("Chile left the pact", published, "Officials said in 2029 that ") is None
