"""`align --review` asks a figure that joins a key already written as "Add this to KEY?", in a real terminal and
piped; `--accept` takes the ids `align` lists (lane figreview14). Sentences written for these tests."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

from briefcmp.analysis.decisions import DECISIONS_NAME, load_store
from tests.test_align_review import DEBT, FIXTURES, Pty, cli, ids, keys_of, proposals


@pytest.fixture(scope="module")
def drafted(tmp_path_factory, draft_corpus) -> Path:
    return draft_corpus(tmp_path_factory.mktemp("join") / "kenya", FIXTURES.glob("*.txt"))


@pytest.fixture
def joining(drafted: Path, tmp_path: Path) -> tuple[Path, str]:
    """The corpus keyed by --apply, then a brief whose one figure answers the debt key."""
    corpus = tmp_path / "kenya"
    shutil.copytree(drafted, corpus)
    assert cli("align", str(corpus), "--apply").exit_code == 0
    (corpus / "sources" / "rift.txt").write_text("Kenya debt note\nRift Ledger | May 2024\n\nKenya's public debt "
                                                 "came to 72 percent of GDP in 2023, by the Ledger's count.\n",
                                                 encoding="utf-8")
    assert cli("annotate", str(corpus / "sources" / "rift.txt"), "-o", str(corpus / "rift.claims.yaml")).exit_code == 0
    return corpus, keys_of(corpus)[DEBT[0]]


def test_a_join_is_asked_as_adding_to_the_key_when_piped(joining) -> None:
    corpus, key = joining
    r = cli("align", str(corpus), "--review", input="y\n")
    assert r.exit_code == 0, r.output
    assert f"Add this to {key} [y,n,e,s,q,?]?" in r.stdout
    assert f"already under {key}" in r.stdout  # what is there, beside what joins
    rift = [ref for ref in keys_of(corpus) if ref.startswith("rift#")]
    assert len(rift) == 1 and keys_of(corpus)[rift[0]] == key
    assert load_store(corpus / DECISIONS_NAME).decisions[-1].decision == "accept"


@pytest.mark.skipif(sys.platform == "win32", reason="pty")
def test_a_join_in_a_real_terminal_is_one_keypress(joining) -> None:
    corpus, key = joining
    t = Pty(["align", str(corpus), "--review"], corpus)
    t.expect(f"Add this to {key} [y,n,e,s,q,?]? ")
    t.send("n")  # one key, no Enter
    t.expect("1 decision recorded")
    assert t.close() == 0
    assert load_store(corpus / DECISIONS_NAME).decisions[-1].decision == "reject"
    t = Pty(["align", str(corpus), "--review"], corpus)  # a rejection is never asked again
    t.expect("nothing to review")
    assert t.close() == 0


def test_accept_takes_the_ids_align_lists(joining) -> None:
    corpus, key = joining
    listed = ids(proposals(corpus))
    (gid,) = [g for g, refs in listed.items() if any(r.startswith("rift#") for r in refs)]
    r = cli("align", str(corpus), "--accept", gid)
    assert r.exit_code == 0, r.output
    assert any(ref.startswith("rift#") and k == key for ref, k in keys_of(corpus).items())
