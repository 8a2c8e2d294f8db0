"""Reviewed conflicts: the file format, judging relations, text-level editing, `briefcmp review`."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from briefcmp.corpus import yamlsafe
from briefcmp.gate.check import CheckSettings, run_check
from briefcmp.cli import app
from briefcmp.corpus.problems import Problems
from briefcmp.gate.review import judge
from briefcmp.gate.reviewed import Entry, load_reviewed
from briefcmp.gate.reviewed_edit import EditError, add_entries, remove_entries, render_entry, scalar

CI = Path(__file__).parent / "fixtures" / "ci"
SWIFT = "swift:contradiction:8f1198a206"
TRADE = "trade-total:contradiction:d94e077254"  # alpha + beta + gamma
runner = CliRunner()


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """The fixture corpus with the gamma brief added (so it has two contradictions, one reviewed)."""
    root = tmp_path / "corpus"
    shutil.copytree(CI / "corpus", root)
    shutil.copy(CI / "new" / "gamma.claims.yaml", root)
    shutil.copy(CI / "new" / "sources" / "gamma.txt", root / "sources")
    return root


def entry(eid: str, **kw) -> Entry:
    fields = dict(status="accepted", justification="because", reviewer="R", date="2024-01-02",
                  claims=("a#x", "b#y"), values={"a#x": "1 USD", "b#y": "2 USD"}, key=eid.partition(":")[0])
    fields.update(kw)
    return Entry(eid, **fields)


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "reviewed.yaml"
    path.write_bytes(text.encode("utf-8"))
    return path


# --------------------------------------------------------------------------- scalars


# Control characters are refused by the loader (rule control-character), so they are not text to write.
PRINTABLE = st.text(st.characters(blacklist_categories=("Cc", "Cs")) | st.sampled_from("\t\n\r"))


@settings(max_examples=400, deadline=None)
@given(PRINTABLE)
def test_scalar_reads_back_exactly_with_briefcmp_and_pyyaml(text: str) -> None:
    doc = f"k: {scalar(text)}\n"
    problems = Problems()
    assert yamlsafe.parse(doc, "t", problems) == {"k": text} and not problems
    assert yaml.safe_load(doc) == {"k": text}  # YAML 1.1 readers too: no "yes" -> True surprises


@pytest.mark.parametrize("text, written", [
    ("Jane Doe", "Jane Doe"),
    ("yes", '"yes"'),
    ("2024-01-02", '"2024-01-02"'),
    ("a: b", '"a: b"'),
    ("x #y", '"x #y"'),
    ('say "no"', '"say \\"no\\""'),
    ("line\nbreak", '"line\\nbreak"'),
    ("> 5", '"> 5"'),
])
def test_scalar_quotes_only_when_needed(text: str, written: str) -> None:
    assert scalar(text) == written


# --------------------------------------------------------------------------- reading the file


def test_fixture_file_reads_with_pinned_values() -> None:
    rf = load_reviewed(CI / "corpus" / "reviewed.yaml")
    assert not rf.problems
    (e,) = rf.entries
    assert e.id == SWIFT and e.claims == ("alpha#swift", "beta#swift") and e.line == 5 and e.col == 5
    assert e.values == {"alpha#swift": "yes as of 2022-03", "beta#swift": "no as of 2022-03"}
    assert e.justification.startswith("Beta was written days before") and e.date == "2022-04-01"


def test_missing_file_is_empty(tmp_path: Path) -> None:
    rf = load_reviewed(tmp_path / "reviewed.yaml")
    assert not rf.exists and not rf.entries and not rf.problems


def test_bad_entries_are_located_and_left_out(tmp_path: Path) -> None:
    path = write(tmp_path, """\
format: 1
conflicts:
  - id: k:contradiction:1
    claims: [a#x, b#y]
    status: acepted
    justification: fine
    reviewer: R
    date: 2024-01-02
  - id: k:contradiction:2
    claims: [a#x, b#y]
    status: accepted
    justification: "  "
    reviewer: R
    date: 2024-02-30
  - id: k:contradiction:3
    claims: [a#x, not-a-ref]
    status: accepted
    justification: fine
    reviewer: R
    date: 2024-01-02
  - id: k:contradiction:4
    claims: [a#x]
    status: accepted
    justification: fine
    reviewer: R
    date: 2024-01-02
    reviewd: typo
  - id: k:contradiction:5
    claims: [a#x]
    status: under-review
    justification: fine
    reviewer: R
    date: 2024-01-02
  - id: k:contradiction:5
    claims: [a#x]
    status: accepted
    justification: fine
    reviewer: R
    date: 2024-01-02
""")
    rf = load_reviewed(path)
    found = {f"{p.rule}@{p.line}:{p.col}" for p in rf.problems}
    assert found == {"bad-value@5:13", "missing-field@12:20", "bad-date@14:11", "bad-value@16:19",
                     "unknown-field@27:5", "duplicate-id@34:5"}, [p.format() for p in rf.problems]
    assert [e.id for e in rf.entries] == ["k:contradiction:4", "k:contradiction:5"]  # unknown field: reported, kept
    assert any('did you mean "accepted"' in p.message for p in rf.problems)


def test_yaml_errors_are_problems_not_crashes(tmp_path: Path) -> None:
    rf = load_reviewed(write(tmp_path, "conflicts:\n  - id: [unclosed\n"))
    assert [p.rule for p in rf.problems] == ["yaml-syntax"] and rf.problems[0].line == 3
    rf = load_reviewed(write(tmp_path, "conflicts: {id: x}\n"))
    assert [p.rule for p in rf.problems] == ["wrong-type"]


# --------------------------------------------------------------------------- judging


def test_reviewed_conflict_is_suppressed_and_others_are_not(corpus: Path) -> None:
    gate = run_check(CheckSettings(paths=[corpus]))
    by_id = {r.id: r for r in gate.relations}
    assert set(by_id) == {SWIFT, TRADE}
    assert by_id[SWIFT].reviewed == "accepted" and by_id[TRADE].reviewed is None
    sup = gate.judgement.suppressions[SWIFT]
    assert sup.kind == "external" and sup.reviewer == "Jane Doe" and sup.line == 5
    assert gate.exit_code("error") == 1 and gate.unreviewed() == [by_id[TRADE]]


def test_stale_when_a_pinned_value_changes(corpus: Path) -> None:
    rf = load_reviewed(corpus / "reviewed.yaml")
    text = rf.text.replace("beta#swift: no as of 2022-03", "beta#swift: maybe as of 2022-03")
    (corpus / "reviewed.yaml").write_text(text)
    gate = run_check(CheckSettings(paths=[corpus]))
    (stale,) = gate.judgement.stale
    assert stale.reason == 'beta#swift changed since the review: it was "maybe as of 2022-03", now "no as of 2022-03"'
    problem = next(p for p in gate.report.problems if p.rule == "review-stale")
    assert (problem.line, problem.col, str(problem.severity)) == (5, 5, "error")
    assert gate.exit_code("error") == 1
    allowed = run_check(CheckSettings(paths=[corpus], allow_stale=True))
    assert [str(p.severity) for p in allowed.report.problems if p.rule == "review-stale"] == ["warning"]


@pytest.mark.parametrize("edit, reason", [
    (("beta.claims.yaml", 'value: {category: "no"}', 'value: {category: "yes"}'),
     "these claims are no longer in conflict (now: agreement)"),
    (("beta.claims.yaml", "- id: swift", "- id: swift-renamed"), "claim beta#swift no longer exists"),
    (("beta.claims.yaml", "key: swift", "key: trade-total"), "the claims no longer share key swift"),
])
def test_stale_reasons(corpus: Path, edit, reason: str) -> None:
    name, old, new = edit
    path = corpus / name
    path.write_text(path.read_text().replace(old, new, 1))
    gate = run_check(CheckSettings(paths=[corpus]))
    assert [s.entry.id for s in gate.judgement.stale] == [SWIFT]
    assert gate.judgement.stale[0].reason.startswith(reason), gate.judgement.stale[0].reason


def _add_gamma_swift(corpus: Path, category: str) -> None:
    (corpus / "gamma.claims.yaml").write_text((corpus / "gamma.claims.yaml").read_text() + f"""\
  - id: swift
    key: swift
    topics: [sanctions]
    quote: Bilateral trade between Japan and Russia was worth $27 billion in 2021.
    value: {{category: "{category}"}}
    as_of: 2022-03
""")


def test_a_claim_that_agrees_with_a_reviewed_side_joins_it_without_reopening_the_review(corpus: Path) -> None:
    _add_gamma_swift(corpus, "no")  # beta#swift says "no" too
    gate = run_check(CheckSettings(paths=[corpus]))
    assert not gate.judgement.stale
    (rel,) = [r for r in gate.relations if r.key == "swift"]
    assert rel.id != SWIFT and rel.reviewed == "accepted"
    sup = gate.judgement.suppressions[rel.id]
    assert sup.reviewed_id == SWIFT and sup.joined == ("gamma#swift",)
    assert not any(r.id == rel.id for r in gate.unreviewed())


def test_a_claim_with_a_new_value_makes_the_review_stale_and_says_so(corpus: Path) -> None:
    _add_gamma_swift(corpus, "partly")  # a third, distinct value
    gate = run_check(CheckSettings(paths=[corpus]))
    (stale,) = gate.judgement.stale
    assert stale.reason.startswith('a new value joined the contradiction: gamma#swift (partly as of 2022-03) '
                                   "agrees with none of the reviewed claims"), stale.reason
    assert gate.exit_code("error") == 1


def test_a_missing_brief_makes_the_entry_stale_but_prune_keeps_it_while_a_file_is_broken(corpus: Path) -> None:
    (corpus / "beta.claims.yaml").write_text("format: 1\nbrief: [broken\n")
    gate = run_check(CheckSettings(paths=[corpus]))
    (stale,) = gate.judgement.stale
    assert stale.brief_missing and "brief beta is not in the corpus" in stale.reason
    r = runner.invoke(app, ["review", "prune", "-C", str(corpus)])
    assert r.exit_code == 0 and f"kept {SWIFT}" in r.stderr
    assert SWIFT in (corpus / "reviewed.yaml").read_text()


def test_inline_acknowledgement(corpus: Path) -> None:
    gamma = corpus / "gamma.claims.yaml"
    text = gamma.read_text()
    gamma.write_text(text + f"    acknowledges: [{TRADE}]\n")
    gate = run_check(CheckSettings(paths=[corpus]))
    assert [p.rule for p in gate.report.problems] == ["acknowledgement-unjustified"]
    assert gate.judgement.suppressions.get(TRADE) is None
    gamma.write_text(text + f"    acknowledges: [{TRADE}]\n    note: Gamma includes services trade.\n")
    gate = run_check(CheckSettings(paths=[corpus]))
    assert not gate.report.problems and gate.exit_code("error") == 0
    sup = gate.judgement.suppressions[TRADE]
    assert sup.kind == "inSource" and sup.justification == "Gamma includes services trade." and sup.line == 9
    gamma.write_text(text + "    acknowledges: [trade-total:contradiction:0000000000]\n    note: x\n")
    gate = run_check(CheckSettings(paths=[corpus]))
    (p,) = gate.report.problems
    assert p.rule == "acknowledgement-stale" and p.line == 9 and f'did you mean "{TRADE}"' in p.message


def test_judge_on_a_partial_corpus_leaves_unloaded_entries_alone(corpus: Path) -> None:
    from briefcmp.corpus.load import load_corpus

    result = load_corpus([corpus / "alpha.claims.yaml"])
    rf = load_reviewed(corpus / "reviewed.yaml")
    assert judge([], rf, result.corpus, complete=False).stale == []
    assert len(judge([], rf, result.corpus, complete=True).stale) == 1


# --------------------------------------------------------------------------- editing


HAND = """\
# Reviewed conflicts, kept by hand and by briefcmp.
format: 1
conflicts:
  # about b: keep this comment
  - id: b:contradiction:2
    claims: [a#x, b#y]     # odd spacing, kept
    status: accepted
    justification: |
      Two lines,

      with a blank line inside.
    reviewer: R
    date: 2024-01-02

  - id: d:contradiction:4
    claims: {a#x: "1", b#y: "2"}
    status: under-review
    justification: 'single quoted'
    reviewer: R
    date: 2024-01-03
# trailing comment
"""


def test_add_keeps_untouched_entries_byte_for_byte_and_sorts(tmp_path: Path) -> None:
    rf = load_reviewed(write(tmp_path, HAND))
    assert not rf.problems
    text = add_entries(rf, [entry("c:contradiction:3"), entry("a:contradiction:1")])
    ids = [e.id for e in load_reviewed(write(tmp_path, text)).entries]
    assert ids == ["a:contradiction:1", "b:contradiction:2", "c:contradiction:3", "d:contradiction:4"]
    b_block = HAND[HAND.index("  # about b"):HAND.index("    date: 2024-01-02\n") + len("    date: 2024-01-02\n")]
    d_block = HAND[HAND.index("  - id: d:"):HAND.index("# trailing")]
    assert b_block in text and d_block in text
    assert text.startswith("# Reviewed conflicts, kept by hand and by briefcmp.\nformat: 1\nconflicts:\n  - id: ")
    assert text.endswith(d_block + "# trailing comment\n")
    assert render_entry(entry("c:contradiction:3")) in text


def test_add_into_missing_file_writes_the_template(tmp_path: Path) -> None:
    rf = load_reviewed(tmp_path / "reviewed.yaml")
    text = add_entries(rf, [entry("k:contradiction:1")])
    assert text.startswith("# Reviewed conflicts of this corpus")
    assert text.endswith("conflicts:\n" + render_entry(entry("k:contradiction:1")))
    assert [e.id for e in load_reviewed(write(tmp_path, text)).entries] == ["k:contradiction:1"]


@pytest.mark.parametrize("conflicts_line", ["conflicts: []", "conflicts:", "conflicts: ~  # none yet", None])
def test_add_into_empty_list(tmp_path: Path, conflicts_line) -> None:
    text = "# mine\n" + (conflicts_line + "\n" if conflicts_line else "") + "format: 1\n"
    rf = load_reviewed(write(tmp_path, text))
    assert not rf.problems, rf.problems
    new = add_entries(rf, [entry("k:contradiction:1")])
    again = load_reviewed(write(tmp_path, new))
    assert not again.problems and [e.id for e in again.entries] == ["k:contradiction:1"]
    assert new.startswith("# mine\n") and "format: 1\n" in new
    if conflicts_line and "#" in conflicts_line:
        assert "# none yet" in new


def test_add_refuses_duplicates_unless_replace(tmp_path: Path) -> None:
    rf = load_reviewed(write(tmp_path, HAND))
    with pytest.raises(EditError, match="already reviewed"):
        add_entries(rf, [entry("b:contradiction:2")])
    text = add_entries(rf, [entry("b:contradiction:2", justification="again")], replace=True)
    assert "  # about b: keep this comment\n" + render_entry(entry("b:contradiction:2", justification="again")) in text
    assert "with a blank line inside" not in text


def test_remove_takes_the_entry_and_its_comments(tmp_path: Path) -> None:
    rf = load_reviewed(write(tmp_path, HAND))
    text = remove_entries(rf, ["b:contradiction:2"])
    assert "about b" not in text and "Two lines" not in text
    assert text == "# Reviewed conflicts, kept by hand and by briefcmp.\nformat: 1\nconflicts:\n" + \
        HAND[HAND.index("  - id: d:"):]
    assert remove_entries(load_reviewed(write(tmp_path, text)), ["d:contradiction:4"]).endswith(
        "conflicts:\n# trailing comment\n")


def test_crlf_files_stay_crlf(tmp_path: Path) -> None:
    rf = load_reviewed(write(tmp_path, HAND.replace("\n", "\r\n")))
    text = add_entries(rf, [entry("e:contradiction:5")])
    assert "\n" not in text.replace("\r\n", "")


def test_refuses_to_edit_files_it_cannot_edit_safely(tmp_path: Path) -> None:
    flow = "conflicts: [{id: k:contradiction:1, claims: [a#x], status: accepted, justification: j, reviewer: r, " \
           "date: 2024-01-02}]\n"
    with pytest.raises(EditError, match="flow style"):
        add_entries(load_reviewed(write(tmp_path, flow)), [entry("z:contradiction:9")])
    with pytest.raises(EditError, match="has problems"):
        add_entries(load_reviewed(write(tmp_path, HAND.replace("status: under-review", "status: maybe"))),
                    [entry("z:contradiction:9")])


ids = st.from_regex(r"[a-z][a-z0-9-]{0,8}:contradiction:[0-9a-f]{10}", fullmatch=True)
texts = st.text(st.characters(blacklist_categories=("Cc", "Cs")), min_size=1).filter(lambda t: t.strip() == t and t.strip())


@settings(max_examples=25, deadline=None)
@given(st.lists(st.tuples(ids, texts, texts), min_size=1, max_size=6, unique_by=lambda t: t[0]),
       st.data())
def test_add_then_remove_round_trips(tmp_path_factory, items, data) -> None:
    tmp = tmp_path_factory.mktemp("rt")
    rf = load_reviewed(write(tmp, HAND))
    new = [entry(i, justification=j, reviewer=r) for i, j, r in items]
    text = add_entries(rf, new)
    back = load_reviewed(write(tmp, text))
    assert not back.problems
    got = {e.id: e for e in back.entries}
    for e in new:
        assert (got[e.id].justification, got[e.id].reviewer, got[e.id].values) == (e.justification, e.reviewer,
                                                                                    e.values)
    assert [e.id for e in back.entries] == sorted(got)
    drop = data.draw(st.sets(st.sampled_from([e.id for e in new])))
    after = load_reviewed(write(tmp, remove_entries(back, drop)))
    assert sorted(e.id for e in after.entries) == sorted(set(got) - drop)
    if drop == {e.id for e in new}:
        assert after.text == HAND


# --------------------------------------------------------------------------- the review command


def review(*args: str, corpus: Path):
    return runner.invoke(app, ["review", *args, "-C", str(corpus)])


def test_review_add_list_and_check_end_to_end(corpus: Path) -> None:
    assert runner.invoke(app, ["check", str(corpus)]).exit_code == 1
    r = review("add", TRADE, "-j", "Gamma counts services trade too.", "--reviewer", "Max",
               "--date", "2024-05-06", corpus=corpus)
    assert r.exit_code == 0, r.output
    assert f"reviewed {TRADE} (alpha#trade, beta#trade, gamma#trade)" in r.stderr
    text = (corpus / "reviewed.yaml").read_text()
    assert "      alpha#swift: yes as of 2022-03   # hand-written comment, kept\n" in text
    assert text.index(SWIFT) < text.index(TRADE)
    assert "      gamma#trade: 27 billion USD as of 2021\n" in text
    assert runner.invoke(app, ["check", str(corpus)]).exit_code == 0
    r = review("list", corpus=corpus)
    assert r.exit_code == 0 and r.stdout.splitlines()[0].endswith("2 reviewed (0 stale), 0 acknowledged inline, "
                                                                  "0 unreviewed")
    assert f"accepted  {TRADE}  (Max, 2024-05-06)" in r.stdout


def test_review_add_errors(corpus: Path) -> None:
    before = (corpus / "reviewed.yaml").read_text()
    r = review("add", TRADE[:-1], "-j", "x", "--reviewer", "R", corpus=corpus)
    assert r.exit_code == 2 and f'did you mean "{TRADE}"' in r.stderr
    r = review("add", SWIFT, "-j", "x", "--reviewer", "R", corpus=corpus)
    assert r.exit_code == 2 and "already reviewed" in r.stderr and "--replace" in r.stderr
    assert review("add", TRADE, "-j", "  ", "--reviewer", "R", corpus=corpus).exit_code == 2
    assert review("add", TRADE, "-j", "x", "--reviewer", "R", "--date", "2024-13-01", corpus=corpus).exit_code == 2
    assert review("add", "-j", "x", "--reviewer", "R", corpus=corpus).exit_code == 2
    assert review("add", TRADE, corpus=corpus).exit_code == 2  # --justification is required
    assert (corpus / "reviewed.yaml").read_text() == before


def test_review_add_all_with_default_reviewer_from_git(corpus: Path, monkeypatch) -> None:
    import subprocess

    subprocess.run(["git", "init", "-q", str(corpus)], check=True)
    subprocess.run(["git", "-C", str(corpus), "config", "user.name", "Git User"], check=True)
    r = review("add", "--all", "-j", "baseline", "--status", "under-review", corpus=corpus)
    assert r.exit_code == 0, r.output
    rf = load_reviewed(corpus / "reviewed.yaml")
    new = rf.entry(TRADE)
    assert new.reviewer == "Git User" and new.status == "under-review" and len(new.date) == 10
    r = review("add", "--all", "-j", "baseline", corpus=corpus)
    assert r.exit_code == 0 and "nothing to add" in r.stderr


def test_review_prune(corpus: Path) -> None:
    beta = corpus / "beta.claims.yaml"
    beta.write_text(beta.read_text().replace('value: {category: "no"}', 'value: {category: "yes"}'))
    r = review("prune", "--dry-run", corpus=corpus)
    assert r.exit_code == 0 and f"would remove {SWIFT}: these claims are no longer in conflict" in r.stderr
    assert SWIFT in (corpus / "reviewed.yaml").read_text()
    r = review("prune", corpus=corpus)
    assert r.exit_code == 0 and f"removed {SWIFT}" in r.stderr
    assert (corpus / "reviewed.yaml").read_text() == "# Reviewed conflicts of the CI fixture corpus.\n" \
                                                     "format: 1\nconflicts:\n"
    assert "no stale entries" in review("prune", corpus=corpus).stderr


def test_review_list_json_and_broken_file(corpus: Path) -> None:
    import json

    r = review("list", "--format", "json", corpus=corpus)
    doc = json.loads(r.stdout)
    assert [e["id"] for e in doc["entries"]] == [SWIFT] and [u["id"] for u in doc["unreviewed"]] == [TRADE]
    (corpus / "reviewed.yaml").write_text("conflicts:\n  - id: [\n")
    r = review("list", corpus=corpus)
    assert r.exit_code == 0 and "reviewed.yaml:3:1: error: invalid YAML" in r.stderr
    r = review("add", TRADE, "-j", "x", "--reviewer", "R", corpus=corpus)
    assert r.exit_code == 2 and "fix them first" in r.stderr
    assert (corpus / "reviewed.yaml").read_text() == "conflicts:\n  - id: [\n"


@pytest.mark.parametrize("text", [
    "conflicts:\n- id: b:contradiction:2\n  claims: [a#x]\n  status: accepted\n  justification: j\n  reviewer: r\n"
    "  date: 2024-01-02\nformat: 1\n",
    "conflicts:\n  -\n    id: b:contradiction:2\n    claims: [a#x]\n    status: accepted\n    justification: j\n"
    "    reviewer: r\n    date: 2024-01-02\n# about format\nformat: 1\n",
])
def test_other_layouts_are_followed(tmp_path: Path, text: str) -> None:
    rf = load_reviewed(write(tmp_path, text))
    assert not rf.problems
    new = add_entries(rf, [entry("c:contradiction:3")])
    back = load_reviewed(write(tmp_path, new))
    assert not back.problems and [e.id for e in back.entries] == ["b:contradiction:2", "c:contradiction:3"]
    block = text[:text.index("date: 2024-01-02\n") + len("date: 2024-01-02\n")]
    assert new.endswith("format: 1\n") and new.startswith(block)
    dash = "- id: c" if text.startswith("conflicts:\n- ") else "  - id: c"
    assert f"\n{dash}:contradiction:3" in new.replace('"', "")
    assert remove_entries(back, ["c:contradiction:3"]) == text


def test_review_add_replace_renews_a_stale_review(corpus: Path) -> None:
    assert review("add", TRADE, "-j", "Services.", "--reviewer", "R", "--date", "2024-06-01",
                  corpus=corpus).exit_code == 0
    gamma = corpus / "gamma.claims.yaml"
    gamma.write_text(gamma.read_text().replace("amount: 27,", "amount: 26,"))
    gate = run_check(CheckSettings(paths=[corpus]))
    assert "gamma#trade changed since the review" in gate.judgement.stale[0].reason
    r = review("add", TRADE, "-j", "Services, still.", "--reviewer", "R", "--date", "2024-06-02", "--replace",
               corpus=corpus)
    assert r.exit_code == 0, r.output
    text = (corpus / "reviewed.yaml").read_text()
    assert "gamma#trade: 26 billion USD as of 2021" in text and "Services, still." in text
    assert "Services.\n" not in text and "hand-written comment, kept" in text
    assert runner.invoke(app, ["check", str(gamma)]).exit_code == 0
    assert review("add", TRADE, "-j", "x", "--reviewer", " ", "--replace", corpus=corpus).exit_code == 2


def test_apply_reviewed_marks_an_analysis_for_other_commands(corpus: Path) -> None:
    from briefcmp.analysis.crossref import analyse
    from briefcmp.corpus.load import load_corpus
    from briefcmp.gate.review import apply_reviewed

    analysis = analyse(load_corpus([corpus]).corpus, coverage=False)
    rf, judgement = apply_reviewed(analysis.corpus, analysis.all_relations)
    assert rf.path == corpus / "reviewed.yaml" and not judgement.stale
    assert {r.id: r.reviewed for r in analysis.relations if r.reviewed} == {SWIFT: "accepted"}
    assert [r.id for r in analysis.failing(["contradiction"])] == [TRADE]


def test_claims_by_ref_answers_as_a_dict_of_every_ref_would() -> None:
    from briefcmp.corpus.model import Brief, Claim, Config, Corpus
    from briefcmp.gate.review import ClaimsByRef

    first, again, other = Claim("c1", "a", "q"), Claim("c1", "a", "q again"), Claim("c2", "b", "q")
    odd = Claim("x", "b#y", "an id with # (an error, yet loaded)")
    corpus = Corpus("", Config(), [Brief("a", "A", "a.txt", claims=[first]), Brief("b", "B", "b.txt", claims=[other]),
                                   Brief("a", "A2", "a2.txt", claims=[again]), Brief("b#y", "O", "o.txt", claims=[odd])])
    every = {c.ref: c for c in corpus.claims()}
    index = ClaimsByRef(corpus)
    for ref in [*every, "a#nope", "nope#c1", "b#y#x", "b#y#nope", ""]:
        assert (ref in index) == (ref in every)
        assert index.get(ref) is every.get(ref)
    assert index["a#c1"] is again  # the last claim with a ref wins
    with pytest.raises(KeyError):
        index["a#nope"]
