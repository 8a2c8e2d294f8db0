"""`briefcmp align --review`, `--accept ID`, `--reject ID` and align-decisions.yaml.

The fixture (tests/fixtures/align-review): four short briefs on Kenya. align proposes two
groups: inflation in 2023 from three briefs (7.7, 7.7, 7.8 percent), and debt as a share of
GDP from two (68 and 70 percent; one quote holds bidi overrides, which must be shown escaped).
"""

from __future__ import annotations

import json
import os
import re
import select
import signal
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings, strategies as st
from typer.testing import CliRunner

from briefcmp.analysis.decisions import DECISIONS_NAME, _parse, candidate_id, load_store
from briefcmp.cli import app
from briefcmp.corpus import yamlsafe
from briefcmp.corpus.problems import Problems

FIXTURES = Path(__file__).parent / "fixtures" / "align-review"
runner = CliRunner()
INFLATION = ("coast-wire#pct-7-7", "nairobi-daily#pct-7-7", "treasury-note#pct-7-8")
DEBT = ("sahel-brief#pct-68", "treasury-note#pct-70")


def cli(*args: str, input: str | None = None):
    return runner.invoke(app, list(args), input=input)


@pytest.fixture(scope="module")
def drafted(tmp_path_factory, draft_corpus) -> Path:
    return draft_corpus(tmp_path_factory.mktemp("review") / "kenya", FIXTURES.glob("*.txt"))


@pytest.fixture
def corpus(drafted: Path, tmp_path: Path) -> Path:
    dest = tmp_path / "kenya"
    shutil.copytree(drafted, dest)
    return dest


def proposals(corpus: Path) -> dict:
    r = cli("align", str(corpus), "-f", "json")
    assert r.exit_code == 0, r.output
    return json.loads(r.stdout)


def ids(doc: dict) -> dict[str, tuple[str, ...]]:
    return {g["id"]: tuple(sorted(f"{c['brief']}#{c['claim']}" for c in g["claims"]))
            for g in doc["groups"] + doc["candidates"]}


def keys_of(corpus: Path) -> dict[str, str]:
    """claim ref -> key, from the claims files as written."""
    out = {}
    for path in corpus.glob("*.claims.yaml"):
        brief = path.name[: -len(".claims.yaml")]
        claim = None
        for line in path.read_text(encoding="utf-8").splitlines():
            m = re.match(r"\s*-\s+id:\s*(\S+)", line)
            if m:
                claim = m.group(1)
            m = re.match(r"\s+key:\s*(\S+)", line)
            if m and claim:
                out[f"{brief}#{claim}"] = m.group(1)
    return out


def test_ids_are_stable_short_hashes_of_the_claims(corpus: Path) -> None:
    first, second = ids(proposals(corpus)), ids(proposals(corpus))
    assert first == second
    assert set(first.values()) == {INFLATION, DEBT}
    for cid, refs in first.items():
        assert re.fullmatch(r"c-[0-9a-f]{6}", cid)
        assert cid == candidate_id(refs) == candidate_id(reversed(refs))
    plain = cli("align", str(corpus)).stdout
    assert all(f"id: {cid}" in plain for cid in first)
    assert "2 proposals undecided" in plain


def test_piped_review_keys_rejects_and_resumes(corpus: Path) -> None:
    by_refs = {v: k for k, v in ids(proposals(corpus)).items()}
    r = cli("align", str(corpus), "--review", input="n\n")  # reject the first, then end of input
    assert r.exit_code == 0, r.output
    assert "(1/2) Key these together [y,n,e,s,q,?]?" in r.stdout
    flat = " ".join(r.stdout.split())  # the closing line is wrapped at words
    assert "1 decision recorded" in flat and "1 proposal left undecided" in flat
    first = INFLATION if r.stdout.index("coast-wire#pct-7-7") < r.stdout.index("sahel-brief#pct-68") else DEBT
    second = DEBT if first == INFLATION else INFLATION
    store = load_store(corpus / DECISIONS_NAME)
    assert not store.problems
    assert [(d.id, d.decision, d.claims) for d in store.decisions] == [(by_refs[first], "reject", first)]
    # Resumed: the rejected group is not proposed again, the other is first.
    r = cli("align", str(corpus), "--review", input="y\n")
    assert r.exit_code == 0, r.output
    assert "(1/1)" in r.stdout and by_refs[first] not in r.stdout and by_refs[second] in r.stdout
    keys = keys_of(corpus)
    assert len({keys[ref] for ref in second}) == 1 and not any(ref in keys for ref in first)
    doc = proposals(corpus)
    assert doc["undecided"] == 0 and doc["decided"] == 2 and not ids(doc)
    assert "2 decided earlier" in cli("align", str(corpus)).stdout
    # --apply honours the rejection too.
    assert cli("align", str(corpus), "--apply").exit_code == 0
    assert not any(ref in keys_of(corpus) for ref in first)


def test_accept_and_reject_by_id_for_scripts(corpus: Path) -> None:
    by_refs = {v: k for k, v in ids(proposals(corpus)).items()}
    r = cli("align", str(corpus), "--accept", by_refs[INFLATION], "--reject", "c-ffffff," + by_refs[DEBT])
    assert r.exit_code == 2  # one unknown id: nothing decided
    assert not (corpus / DECISIONS_NAME).exists() and not keys_of(corpus)
    doc = proposals(corpus)
    key = next(g["key"] for g in doc["groups"] + doc["candidates"] if g["id"] == by_refs[INFLATION])
    r = cli("align", str(corpus), "--accept", by_refs[INFLATION], "--reject", by_refs[DEBT])
    assert r.exit_code == 0, r.output
    assert f"accepted {by_refs[INFLATION]}: keyed 3 claims as {key}" in r.stdout
    assert f"rejected {by_refs[DEBT]}" in r.stdout
    keys = keys_of(corpus)
    assert {keys[ref] for ref in INFLATION} == {key} and DEBT[0] not in keys
    assert f"\n  {key}:\n" in (corpus / "briefcmp.yaml").read_text(encoding="utf-8")
    # The same again: nothing to do, exit 0. Accepting the rejected id later: the later decision counts.
    assert cli("align", str(corpus), "--reject", by_refs[DEBT]).exit_code == 0
    r = cli("align", str(corpus), "--accept", by_refs[DEBT])
    assert r.exit_code == 0, r.output
    assert len({keys_of(corpus)[ref] for ref in DEBT}) == 1
    relations = json.loads(cli("compare", str(corpus), "-f", "json").stdout)["relations"]
    assert {r["key"] for r in relations if r["kind"] == "contradiction"} == \
        {key, keys_of(corpus)[DEBT[0]]}  # 7.7 against 7.8; 68 against 70


def test_unknown_id_and_usage_errors_exit_2(corpus: Path) -> None:
    cid = next(iter(ids(proposals(corpus))))
    typo = cid[:-1] + ("0" if cid[-1] != "0" else "1")
    r = cli("align", str(corpus), "--accept", typo)
    assert r.exit_code == 2
    assert f"no proposal has the id {typo}" in r.stderr and "did you mean" in r.stderr
    assert cli("align", str(corpus), "--review", "--accept", cid).exit_code == 2
    assert cli("align", str(corpus), "--review", "-f", "json").exit_code == 2
    assert cli("align", str(corpus), "--accept", cid, "--reject", cid).exit_code == 2
    assert not (corpus / DECISIONS_NAME).exists()


def test_split_keeps_some_claims_and_never_proposes_the_rest_with_them(corpus: Path) -> None:
    by_refs = {v: k for k, v in ids(proposals(corpus)).items()}
    r = cli("align", str(corpus), "--accept", by_refs[DEBT])  # leaves the three-claim group
    assert r.exit_code == 0, r.output
    # s, keep claims 1 and 2 (the two 7.7 percent figures), then quit before deciding them.
    r = cli("align", str(corpus), "--review", input="s\n1 2\nq\n")
    assert r.exit_code == 0, r.output
    assert "  1  coast-wire#pct-7-7: 7.7%" in r.stdout and "split by a person" in r.stdout
    kept = INFLATION[:2]
    assert ids(proposals(corpus)) == {candidate_id(kept): kept}  # the 7.8 is never proposed with them
    doc = proposals(corpus)
    assert doc["candidates"][0]["doubt"].startswith("a person said")
    r = cli("align", str(corpus), "--review", input="e\nWhat was Kenya's average inflation in 2023?\nkenya-cpi\n\ny\n")
    assert r.exit_code == 0, r.output
    assert {keys_of(corpus)[ref] for ref in kept} == {"kenya-cpi"} and INFLATION[2] not in keys_of(corpus)
    config = yaml.safe_load((corpus / "briefcmp.yaml").read_text(encoding="utf-8"))
    assert config["keys"]["kenya-cpi"]["label"] == "What was Kenya's average inflation in 2023?"
    assert cli("check", str(corpus)).exit_code in (0, 1)


def _review_debt_only(corpus: Path, keys: str) -> tuple[str, str, str]:
    """Reject the inflation group, then review the debt group with ``keys`` piped in: (stdout, the treasury
    note's claims file before, after)."""
    by_refs = {v: k for k, v in ids(proposals(corpus)).items()}
    assert cli("align", str(corpus), "--reject", by_refs[INFLATION]).exit_code == 0
    before = (corpus / "treasury-note.claims.yaml").read_text(encoding="utf-8")
    r = cli("align", str(corpus), "--review", input=keys)
    assert r.exit_code == 0, r.output
    return r.stdout, before, (corpus / "treasury-note.claims.yaml").read_text(encoding="utf-8")


def test_edit_a_value_then_key(corpus: Path) -> None:
    # e: keep the question and id, claim 2 (treasury-note, 70%) is 68 (a bad value first), as-of kept, then y.
    out, before, after = _review_debt_only(corpus, "e\n\n\n2\nseventy\n2\n68\n\n\ny\n")
    assert "'seventy' is not a number" in out and "treasury-note#pct-70: 68%" in out
    after_lines = [line for line in after.splitlines() if not line.lstrip().startswith("key: ")]  # the y
    changed = [(a, b) for a, b in zip(before.splitlines(), after_lines) if a != b]
    assert changed == [("    value: {amount: 70, unit: percent}", "    value: {amount: 68, unit: percent}")]
    relations = json.loads(cli("compare", str(corpus), "-f", "json").stdout)["relations"]
    assert [r["kind"] for r in relations] == ["agreement"]


def test_edit_an_as_of_then_key(corpus: Path) -> None:
    """e edits a claim's as-of too: a bad period is refused, a good one written on the claim's as_of line."""
    # e, keep question and id; claim 2: keep its value, as-of "March" (refused), then claim 2 again: 2023-12; y.
    out, before, after = _review_debt_only(corpus, "e\n\n\n2\n\nMarch\n2\n\n2023-12\n\ny\n")
    assert "'March' is not an as-of" in out and "treasury-note#pct-70: 70%, as of 2023-12" in out
    added = [line for line in after.splitlines() if line not in before.splitlines()]
    assert sorted(line.strip() for line in added) == sorted(
        ["as_of: 2023-12  # align: set in align --review", f"key: {keys_of(corpus)[DEBT[1]]}"])
    assert cli("check", str(corpus)).exit_code in (0, 1)
    doc = yaml.safe_load(after)
    (claim,) = [c for c in doc["claims"] if c["id"] == DEBT[1].split("#")[1]]
    assert str(claim["as_of"]) == "2023-12"


def test_a_new_question_names_its_key(corpus: Path) -> None:
    """e with a new question: the key id offered (and taken on enter) comes from the question's words, not
    from the proposal's (a proposed id of incidental words would outlive the question that replaced it)."""
    out, _, after = _review_debt_only(corpus, "e\nHow much public debt does Kenya carry?\n\n\ny\n")
    assert "Key id [public-debt-kenya-carry]" in out
    assert "key: public-debt-kenya-carry" in after
    assert cli("check", str(corpus)).exit_code in (0, 1)


@pytest.mark.skipif(sys.platform == "win32", reason="pty")
def test_edit_an_as_of_in_a_real_terminal(corpus: Path) -> None:
    by_refs = {v: k for k, v in ids(proposals(corpus)).items()}
    assert cli("align", str(corpus), "--reject", by_refs[INFLATION]).exit_code == 0
    t = Pty(["align", str(corpus), "--review"], corpus)
    t.dialogue(("(1/1) Key these together", "e"), ("Question [", "\n"), ("Key id [", "\n"),
               ("Edit claim number", "1\n"), ("New value of", "\n"), ("As of [", "2024-01-15/2024-03-31\n"),
               ("Edit claim number", "\n"), ("(1/1) Key these together", "q"))
    text = t.expect("0 decisions recorded")
    assert t.close() == 0
    assert f"{DEBT[0]}: 68%, as of 2024-01-15/2024-03-31" in text
    assert "as_of: 2024-01-15/2024-03-31  # align: set in align --review" in \
        (corpus / "sahel-brief.claims.yaml").read_text(encoding="utf-8")


def test_a_claim_joining_a_registered_key(corpus: Path) -> None:
    assert cli("align", str(corpus), "--apply").exit_code == 0
    debt_key = keys_of(corpus)[DEBT[0]]
    (corpus / "sources" / "horn.txt").write_text("Kenya debt update\nHorn Observer | April 2024\n\nKenya's debt stood at "
                                                 "71 percent of GDP in 2023, the Observer calculates.\n", encoding="utf-8")
    assert cli("annotate", str(corpus / "sources" / "horn.txt"), "-o", str(corpus / "horn.claims.yaml")).exit_code == 0
    doc = proposals(corpus)
    (join,) = doc["groups"] + doc["candidates"]
    assert join["key"] == debt_key and not join["new"]
    r = cli("align", str(corpus), "--review", input="n\n")
    assert r.exit_code == 0, r.output
    assert load_store(corpus / DECISIONS_NAME).decisions[-1].registered
    assert proposals(corpus)["undecided"] == 0  # never proposed for that key again
    r = cli("align", str(corpus), "--accept", join["id"])  # a person changes their mind: the last decision counts
    assert r.exit_code == 0, r.output
    horn = [ref for ref in keys_of(corpus) if ref.startswith("horn#")]
    assert len(horn) == 1 and keys_of(corpus)[horn[0]] == debt_key


def test_quotes_are_sanitised_in_the_prompt(corpus: Path) -> None:
    r = cli("align", str(corpus), "--review", input="?\nn\nq\n")  # help, reject, quit at the second
    assert r.exit_code == 0, r.output
    assert "\u202e" not in r.stdout and "\\u202e" in r.stdout
    assert "n - not the same question" in r.stdout  # ? prints the help


def test_a_bad_decisions_file_is_a_located_error(corpus: Path) -> None:
    (corpus / DECISIONS_NAME).write_text("format: 1\ndecisions:\n  - id: x-1\n    decision: maybe\n    claims: [a#b]\n",
                                         encoding="utf-8")
    r = cli("align", str(corpus))
    assert r.exit_code == 2
    assert re.search(r"align-decisions\.yaml:3:\d+: error: .*not a candidate id", r.stderr)
    assert re.search(r"align-decisions\.yaml:4:15: error: .*\"decision\" is 'maybe'", r.stderr)
    assert "Traceback" not in r.output


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet="-: #[]{}\n\"'abcxy0123c.,", max_size=200))
def test_the_decisions_parser_never_raises(text: str) -> None:
    problems = Problems()
    data = yamlsafe.parse(text, "d.yaml", problems)
    if data is not None:
        for d in _parse(data, "d.yaml", problems):
            assert d.decision in ("accept", "reject", "split") and d.claims
    assert all(p.line >= 0 for p in problems)


# --------------------------------------------------------------------------- a real terminal


def _command() -> list[str]:
    exe = Path(sys.executable).parent / "briefcmp"
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "briefcmp"]


class Pty:
    """``briefcmp ARGS`` on a pseudo-terminal: read until a text shows, send keys."""

    def __init__(self, args: list[str], cwd: Path, columns: int = 100) -> None:
        import fcntl
        import struct
        import termios

        self.master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 40, columns, 0, 0))
        env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES", "PAGER", "CI")}
        env.update({"TERM": "xterm", "NO_COLOR": "1", "PYTHONIOENCODING": "utf-8"})
        # A session of its own with the pty as its controlling terminal: Ctrl-C there is a SIGINT to it. SIGINT
        # as a terminal delivers it (a suite started in the background, `nohup pytest &`, passes it on ignored).
        def child() -> None:
            signal.signal(signal.SIGINT, signal.SIG_DFL)
            fcntl.ioctl(0, termios.TIOCSCTTY, 0)

        self.proc = subprocess.Popen(_command() + args, stdin=slave, stdout=slave, stderr=slave, cwd=cwd, env=env,
                                     start_new_session=True, preexec_fn=child)
        os.close(slave)
        self.out = b""

    def expect(self, text: str, timeout: float = 30) -> str:
        end = time.monotonic() + timeout
        while text.encode() not in self.out:
            ready, _, _ = select.select([self.master], [], [], max(0.0, end - time.monotonic()))
            if not ready:
                raise AssertionError(f"{text!r} not shown; got:\n{self.out.decode('utf-8', 'replace')}")
            try:
                data = os.read(self.master, 65536)
            except OSError:
                data = b""
            if not data:
                raise AssertionError(f"{text!r} not shown before exit:\n{self.out.decode('utf-8', 'replace')}")
            self.out += data
        return self.out.decode("utf-8", "replace")

    def send(self, keys: str) -> None:
        os.write(self.master, keys.encode())

    def dialogue(self, *steps: tuple[str, str]) -> str:
        """Wait for each text, then type its keys; returns all shown so far."""
        for shown, keys in steps:
            self.expect(shown)
            self.send(keys)
        return self.out.decode("utf-8", "replace")

    def close(self) -> int:
        try:
            self.expect("\x00never", timeout=30)
        except AssertionError:
            pass
        os.close(self.master)
        return self.proc.wait(timeout=30)


def edit_first_debt_claim(corpus: Path, value: str = "", as_of: str = "", columns: int = 80) -> str:
    """In a real terminal, the debt group alone (inflation rejected): e, the first claim's value and as-of typed
    (enter keeps either), then q; returns what was shown."""
    by_refs = {v: k for k, v in ids(proposals(corpus)).items()}
    assert cli("align", str(corpus), "--reject", by_refs[INFLATION]).exit_code == 0
    t = Pty(["align", str(corpus), "--review"], corpus, columns=columns)
    t.dialogue(("(1/1) Key these together", "e"), ("Question [", "\n"), ("Key id [", "\n"),
               ("Edit claim number", "1\n"), ("New value of", value + "\n"), ("As of [", as_of + "\n"),
               ("Edit claim number", "\n"), ("(1/1) Key these together", "q"))
    text = t.expect("0 decisions recorded")
    assert t.close() == 0
    return text


@pytest.mark.skipif(sys.platform == "win32", reason="pty")
def test_review_in_a_real_terminal_takes_single_keypresses(corpus: Path) -> None:
    t = Pty(["align", str(corpus), "--review"], corpus)
    t.expect("(1/2) Key these together [y,n,e,s,q,?]? ")
    t.send("?")  # one key, no Enter
    t.expect("q - quit")
    t.expect("(1/2) Key these together [y,n,e,s,q,?]? ", timeout=5)
    t.send("\x1b[Any")  # an arrow key (one unknown key: help), then n and y typed ahead, before the prompts
    t.expect("(2/2) Key these together")
    text = t.expect("2 decisions recorded")
    assert t.close() == 0
    assert "\u202e" not in text
    store = load_store(corpus / DECISIONS_NAME)
    assert [d.decision for d in store.decisions] == ["reject", "accept"]
    # The terminal is back in line mode after the review: nothing was left in cbreak for the shell.
    t = Pty(["align", str(corpus), "--review"], corpus)
    t.expect("nothing to review")
    assert t.close() == 0


@pytest.mark.skipif(sys.platform == "win32", reason="pty")
@pytest.mark.parametrize("columns", [60, 80])
def test_help_in_a_narrow_terminal_is_wrapped_at_words(corpus: Path, columns: int) -> None:
    """? at 60 and 80 columns: every help line fits, so the terminal never folds a word in two (walk-s3 R3)."""
    t = Pty(["align", str(corpus), "--review"], corpus, columns=columns)
    t.expect("Key these together [y,n,e,s,q,?]? ")
    start = len(t.out)
    t.send("?")
    t.expect("? - print this help")
    shown = t.out[start:].decode("utf-8", "replace")
    t.send("q")
    assert t.close() == 0
    lines = [line for line in shown.replace("\r", "").split("\n") if line.strip()]
    help_lines = lines[:lines.index(next(x for x in lines if x.startswith("? - print")))+1]
    assert len(help_lines) > 6  # the long entries were wrapped, not left to the terminal
    assert all(len(line) <= columns for line in help_lines), help_lines
    assert any(line.startswith("    ") for line in help_lines)  # continuation lines hang under the text
    words = " ".join(help_lines).split()
    assert "briefcmp.yaml" in words and "undecided" in words  # whole words only


GOLDEN = Path(__file__).parent / "golden" / "alignreview.txt"


def test_prompt_view_golden(corpus: Path) -> None:
    """What --review shows for each group at 60 and 100 columns (UPDATE_GOLDEN=1 rewrites it; review the diff)."""
    from briefcmp.analysis.decide import start
    from briefcmp.corpus.cache import load_corpus
    from briefcmp.render.alignreview import prompt, view

    from dataclasses import replace

    loaded = load_corpus([corpus], cache=False).corpus
    session = start(loaded, lambda: loaded)
    # align's drafted wording is its own (and changes with it): fixed here, the claims are the fixture's.
    groups = [replace(g, key=f"key-{i}", label=f"Question {i} drafted by align, long enough to wrap at sixty columns",
                      reason="why align proposes it", sure=i == 1, doubt="" if i == 1 else "the wording is only alike")
              for i, g in enumerate(sorted(session.proposals, key=lambda g: len(g.members)), 1)]
    text = "".join(f"--- {width} columns\n" + "".join(view(g, width) + prompt(i, len(groups)) + "\n"
                                                     for i, g in enumerate(groups, 1)) for width in (60, 100))
    assert all(len(line) <= 100 for line in text.splitlines())
    if os.environ.get("UPDATE_GOLDEN") == "1":
        GOLDEN.write_text(text, encoding="utf-8")
    assert text == GOLDEN.read_text(encoding="utf-8"), "the review view changed (UPDATE_GOLDEN=1 to accept)"


def test_decisions_are_appended_keeping_crlf_and_comments(corpus: Path) -> None:
    path = corpus / DECISIONS_NAME
    path.write_bytes(b"# my notes\r\nformat: 1\r\ndecisions:\r\n")
    cid = next(iter(ids(proposals(corpus))))
    assert cli("align", str(corpus), "--reject", cid).exit_code == 0
    raw = path.read_bytes()
    assert raw.startswith(b"# my notes\r\nformat: 1\r\ndecisions:\r\n  - id: " + cid.encode() + b"\r\n")
    assert b"\n" not in raw.replace(b"\r\n", b"")
    store = load_store(path)
    assert not store.problems and [d.id for d in store.decisions] == [cid]


@pytest.mark.skipif(sys.platform == "win32", reason="pty")
def test_ctrl_c_keeps_the_decisions_made_and_the_review_resumes(corpus: Path) -> None:
    t = Pty(["align", str(corpus), "--review"], corpus)
    t.dialogue(("(1/2) Key these together", "n"), ("(2/2) Key these together", "\x03"))  # Ctrl-C
    # (before it says so, align runs again for compare's count of what is left: slow on a busy machine)
    text = t.expect("1 decision recorded", timeout=120)
    assert "1 proposal left undecided" in " ".join(text.split()) and "Traceback" not in text
    assert t.close() == 130
    t = Pty(["align", str(corpus), "--review"], corpus)
    t.dialogue(("(1/1) Key these together", "q"))
    t.expect("0 decisions recorded")
    assert t.close() == 0


def test_a_group_whose_claim_was_just_keyed_is_proposed_to_join_that_key(corpus: Path) -> None:
    from briefcmp.analysis.decide import pending, start
    from briefcmp.corpus.cache import load_corpus

    loaded = load_corpus([corpus], cache=False).corpus
    session = start(loaded, lambda: loaded)
    group = next(g for g in session.proposals if len(g.members) == 3)
    assert pending(session, group) is group  # nothing decided yet
    session.keyed[INFLATION[0]] = "cpi"  # as an accept in this session does
    session.labels["cpi"] = "Kenya's consumer price inflation"
    joined = pending(session, group)
    assert (joined.key, joined.new, joined.label, joined.sure) == ("cpi", False, "Kenya's consumer price inflation", False)
    assert tuple(m.claim.ref for m in joined.members) == INFLATION[1:]
    session.keyed[INFLATION[1]] = "other"  # claims keyed under two keys: nothing sure to ask
    assert pending(session, group) is None
    # Two proposals may draft one key name: a claim keyed under the first is not "already" in the second.
    session.keyed = {INFLATION[0]: group.key}
    joined = pending(session, group)
    assert not joined.new and tuple(m.claim.ref for m in joined.members) == INFLATION[1:]


def test_the_simulated_analyst_answers_from_gold(tmp_path: Path) -> None:
    """benchmarks/fromscratch_review.py on a set made of the fixture: y to what gold calls one question,
    n to a trap; the relations found follow the decisions."""
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
    import fromscratch_review as fr

    folder = tmp_path / "kenya-set"
    folder.mkdir()
    for text in FIXTURES.glob("*.txt"):
        shutil.copy(text, folder / text.name)
    (folder / "gold.yaml").write_text(yaml.safe_dump({
        "event": "Kenya's 2023 inflation",
        "relations": [
            {"kind": "agreement", "note": "7.7 percent", "claims": [
                {"source": "coast-wire", "quote": "Kenya's inflation averaged 7.7 percent in 2023"},
                {"source": "nairobi-daily", "quote": "Kenya's inflation averaged 7.7 percent in 2023"}]},
            {"kind": "contradiction", "note": "7.8 against 7.7", "claims": [
                {"source": "coast-wire", "quote": "Kenya's inflation averaged 7.7 percent in 2023"},
                {"source": "nairobi-daily", "quote": "Kenya's inflation averaged 7.7 percent in 2023"},
                {"source": "treasury-note", "quote": "Kenya's inflation averaged 7.8 percent in 2023"}]}],
        "traps": [{"why": "planted for this test: read as two measures", "claims": [
            {"source": "sahel-brief", "quote": "68 percent of GDP"},
            {"source": "treasury-note", "quote": "70 percent of GDP"}]}]}), encoding="utf-8")
    ((name, auto, decided, stats),) = fr.lineup([folder], everything=True)  # sure groups asked too
    assert stats.answers["y"] >= 1 and stats.answers["n"] >= 1 and not stats.failed
    assert decided.found == 2 and not decided.trap_failures and not decided.false_contradictions
    assert auto.trap_failures  # align --apply alone joins the trap (the test's gold reads it as one)
    assert "| **all** | 2 |" in fr.lineup_report([(name, auto, decided, stats)])


def test_a_decisions_file_linked_outside_the_corpus_is_neither_read_nor_written(corpus: Path, tmp_path: Path) -> None:
    outside = tmp_path / "elsewhere.yaml"
    outside.write_text("format: 1\ndecisions:\n", encoding="utf-8")
    (corpus / DECISIONS_NAME).symlink_to(outside)
    r = cli("align", str(corpus), "--reject", "c-000000")
    assert r.exit_code == 2 and "outside the corpus" in r.stderr
    assert outside.read_text(encoding="utf-8") == "format: 1\ndecisions:\n"


@pytest.fixture(scope="module")
def a_group(drafted: Path):
    from briefcmp.analysis.decide import start
    from briefcmp.corpus.cache import load_corpus

    loaded = load_corpus([drafted], cache=False).corpus
    return next(g for g in start(loaded, lambda: loaded).proposals if len(g.members) == 3), loaded


@settings(max_examples=60, deadline=None)
@given(sizes=st.lists(st.integers(2, 6), min_size=1, max_size=6),
       rejected=st.lists(st.tuples(st.integers(0, 11), st.integers(0, 11)), max_size=12))
def test_no_proposal_ever_holds_a_rejected_pair(a_group, sizes, rejected) -> None:
    """Whatever groups align proposes and whatever was rejected, screening leaves no rejected pair together."""
    from dataclasses import replace

    from briefcmp.analysis.align import AlignResult
    from briefcmp.analysis.decisions import Decision, Store, screen

    group, loaded = a_group
    template = group.members[0]
    refs = [f"b{i % 4}#c{i}" for i in range(12)]

    def member(i: int):
        return replace(template, claim=replace(template.claim, brief=f"b{i % 4}", id=f"c{i}"))

    groups, start_at = [], 0
    for n in sizes:
        groups.append(replace(group, members=[member((start_at + k) % 12) for k in range(n)]))
        start_at += 1
    store = Store(Path("unused"), "unused")
    store.decisions = [Decision(f"c-{i:06x}", "reject", (refs[a], refs[b])) for i, (a, b) in enumerate(rejected)
                       if a != b]
    out = screen(AlignResult(groups=groups[: len(groups) // 2], candidates=groups[len(groups) // 2:]), store, loaded)
    pairs = {frozenset((refs[a], refs[b])) for a, b in rejected if a != b}
    for g in out.groups + out.candidates:
        members = [m.claim.ref for m in g.members]
        assert len(members) >= 2 and len({m.claim.brief for m in g.members}) >= 2
        assert not any(frozenset((x, y)) in pairs for i, x in enumerate(members) for y in members[i + 1:])
        if g in out.groups:
            assert g.sure  # a reduced group is never applied


def test_check_reports_a_bad_decisions_file(corpus: Path) -> None:
    (corpus / DECISIONS_NAME).write_text("format: 1\ndecisions:\n  - id: c-12345g\n    decision: reject\n"
                                         "    claims: [a#b]\n", encoding="utf-8")
    r = cli("check", str(corpus))
    assert r.exit_code == 1  # an error in a corpus file, as for reviewed.yaml
    assert re.search(r"align-decisions\.yaml:3:\d+: error: .*not a candidate id", r.stdout + r.stderr)
    (corpus / DECISIONS_NAME).write_text("format: 1\ndecisions:\n", encoding="utf-8")
    assert "align-decisions" not in cli("check", str(corpus)).output


def test_odd_answers_are_asked_again_never_a_traceback(corpus: Path) -> None:
    junk = "x\n\u00b2\ns\n\u00b2\ns\n0\ns\n1 2 3\n\u0661\ne\n\n\n\u00b2\n99\n1\n\u202e7\n\nq\n"
    r = cli("align", str(corpus), "--review", input=junk)
    assert r.exit_code == 0, r.output
    assert r.exception is None or isinstance(r.exception, SystemExit)
    assert "y - key these claims together" in r.stdout  # an unknown key prints the help
    assert "choose some of the claims" in r.stdout and "a number from 1 to" in r.stdout
    assert "\u202e" not in r.stdout


@pytest.mark.skipif(sys.platform == "win32", reason="pty")
def test_split_in_a_real_terminal_reads_a_line(corpus: Path) -> None:
    t = Pty(["align", str(corpus), "--review"], corpus)
    t.dialogue(("(1/2) Key these together", "s"), ("Claims to key together", "1 2\n"), ("split by a person", "q"))
    t.expect("1 decision recorded")
    assert t.close() == 0
    (d,) = load_store(corpus / DECISIONS_NAME).decisions
    assert d.decision == "split" and d.kept == INFLATION[:2]


def test_a_value_edit_keeps_the_files_crlf(corpus: Path) -> None:
    path = corpus / "treasury-note.claims.yaml"
    path.write_bytes(path.read_bytes().replace(b"\r\n", b"\n").replace(b"\n", b"\r\n"))
    by_refs = {v: k for k, v in ids(proposals(corpus)).items()}
    assert cli("align", str(corpus), "--reject", by_refs[INFLATION]).exit_code == 0
    r = cli("align", str(corpus), "--review", input="e\n\n\n2\n68\n\n\nq\n")
    assert r.exit_code == 0, r.output
    raw = path.read_bytes()
    assert b"value: {amount: 68, unit: percent}\r\n" in raw and b"\n" not in raw.replace(b"\r\n", b"")


def test_compare_counts_only_what_is_undecided(corpus: Path) -> None:
    """compare's "Undecided:" count follows the decisions file (align records it as it decides)."""
    def counts() -> tuple[int, int]:
        u = json.loads(cli("compare", str(corpus), "-f", "json").stdout)["summary"].get("undecided") or {}
        return u.get("sure_groups", 0), u.get("candidate_groups", 0)

    assert counts() == (None, None)  # compare never runs align: it says what align's last run left
    assert cli("align", str(corpus)).exit_code == 0
    assert counts() == (2, 0)
    assert counts() == (2, 0)  # (from the cache)
    cid = next(iter(ids(proposals(corpus))))
    assert cli("align", str(corpus), "--reject", cid).exit_code == 0
    assert counts() == (1, 0)


def test_the_closing_summary_wraps_at_words_to_the_terminal_width() -> None:
    from briefcmp.render.alignreview import summary
    path = "/tmp/walk/sent.w60/align-decisions.yaml"
    text = summary(3, 2, path, 60)
    lines = text.splitlines()
    assert len(lines) > 1 and all(len(line) <= 60 for line in lines)
    assert path in text and "--review again to" in " ".join(" ".join(lines).split())
    assert " ".join(" ".join(lines).split()) == ("3 decisions recorded in " + path + "; 2 proposals left undecided "
                                                 "(run briefcmp align --review again to resume)")


def test_a_candidate_to_join_a_key_whose_group_was_rejected_is_not_asked() -> None:
    """align proposes a new key for a confident core and, beside it, candidates to join that key. Once
    the core is rejected (or before it is accepted) such a candidate could never be accepted: it is not
    asked (a new user's walk was offered it after every run, and `y` always failed)."""
    from briefcmp.analysis.align import AlignResult, Group, Member
    from briefcmp.analysis.decide import Session, pending
    from briefcmp.analysis.entities import Entities
    from briefcmp.corpus.model import Claim, Config, Corpus, Value

    claim = Claim(brief="paper", id="pct-5-4", quote="The jobless rate was 5.4%.", kind="fact",
                  value=Value("quantity", amount=5.4, unit="percent"))
    member = Member(claim, ("canada",), "clause", "percent", "percent", frozenset({"unemployment"}),
                    {"unemployment": "jobless"}, ("unemployment",))
    join = Group("canada-unemployment-pct", False, "What is Canada's unemployment rate?", "percent", [member],
                 "", False, ("canada",))
    corpus = Corpus(Path("."), Config())
    session = Session(corpus, None, AlignResult(), AlignResult(), Entities(), lambda: corpus)
    assert pending(session, join) is None  # the key it joins was never registered
    session.labels["canada-unemployment-pct"] = join.label  # its core accepted in this session
    assert pending(session, join) is join


def test_compare_suggest_never_offers_a_rejected_group_again(corpus: Path) -> None:
    """A walk's `compare --suggest` offered again four groups answered `n` in the review (session 15)."""
    def suggested() -> list[set[str]]:
        doc = json.loads(cli("compare", str(corpus), "--suggest", "-f", "json").stdout)
        return [{f"{c['brief']}#{c['claim']}" for c in s["claims"]} for s in doc.get("suggestions") or []]

    assert any(set(DEBT) <= s for s in suggested())
    by_refs = {v: k for k, v in ids(proposals(corpus)).items()}
    assert cli("align", str(corpus), "--reject", by_refs[DEBT]).exit_code == 0
    assert not any(set(DEBT) <= s for s in suggested())
