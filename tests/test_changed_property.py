"""`check --changed` is exact: on generated git histories, when the corpus on main passes
`check` and `check --changed --base main` passes on a branch, `check` passes on the branch.

Each seed builds a small corpus (rainfall and reservoir figures of water utilities, a
domain unlike the bundled one), reviews every conflict on main so that main is clean,
then makes a few random changes on a branch: new briefs, changed values, deleted briefs,
removed as-of dates, keys moved, removed reviews or acknowledgements, duplicate brief ids.
"""

from __future__ import annotations

import hashlib
import os
import random
import subprocess
from pathlib import Path

import pytest

from briefcmp.gate.check import CheckSettings, run_check
from briefcmp.gate.review import new_entry
from briefcmp.gate.reviewed_edit import add_entries, remove_entries

GIT_ENV = {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t",
           "GIT_COMMITTER_EMAIL": "t@example.org", "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_SYSTEM": os.devnull}

CONFIG = """\
format: 1
title: Water utilities
topics:
  water:
    label: Water
entities:
  utility:
    label: The utility
keys:
  rainfall:
    label: Rainfall over the catchment in a year
    type: quantity
    unit: mm
    tolerance: 5%
    topics: [water]
  reservoir:
    label: Reservoir storage at the end of the year
    type: quantity
    unit: percent
    tolerance: 2%
    topics: [water]
  restrictions:
    label: Are water-use restrictions in force?
    type: category
    topics: [water]
"""

KEYS = ("rainfall", "reservoir", "restrictions")
VALUES = {"rainfall": ["640", "650", "700", "820"], "reservoir": ["41", "42", "55"],
          "restrictions": ["in-force", "lifted"]}
UNITS = {"rainfall": "mm", "reservoir": "percent"}


def git(root: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=root, check=True, capture_output=True, text=True,
                          env={**os.environ, **GIT_ENV}).stdout


class Corpus:
    """A generated corpus: briefs as plain data, written out as claims files and sources."""

    def __init__(self, root: Path, rng: random.Random) -> None:
        self.root, self.rng = root, rng
        self.briefs: dict[str, dict] = {}  # file stem -> {"id", "published", "claims": [...]}
        self.n = 0

    def new_brief(self, brief_id: str | None = None, dated: bool = False) -> str:
        self.n += 1
        stem = f"b{self.n}"
        claims = []
        for i, key in enumerate(self.rng.sample(KEYS, self.rng.randint(1, 3))):
            claims.append({"id": f"c{i}", "key": key, "value": self.rng.choice(VALUES[key]),
                           "as_of": self.rng.choice(["2021", "2022", "2022"] + [None] * (not dated)), "ack": None})
        self.briefs[stem] = {"id": brief_id or stem, "published": f"2023-0{self.rng.randint(1, 9)}", "claims": claims}
        return stem

    def write(self, stem: str) -> None:
        b = self.briefs[stem]
        quotes = [f"Brief {b['id']} reports {c['key']} of {c['value']} for {c['as_of'] or 'this year'} ({c['id']})."
                  for c in b["claims"]]
        source = ("\n".join(quotes) + "\n").encode()
        (self.root / "sources").mkdir(exist_ok=True)
        (self.root / "sources" / f"{stem}.txt").write_bytes(source)
        lines = ["format: 1", "brief:", f"  id: {b['id']}", f"  title: Brief {b['id']}",
                 f"  published: {b['published']}", f"  source: sources/{stem}.txt",
                 f"  source_sha256: {hashlib.sha256(source).hexdigest()}", "claims:"]
        for c, quote in zip(b["claims"], quotes):
            value = (f"{{category: {c['value']}}}" if c["key"] == "restrictions"
                     else f"{{amount: {c['value']}, unit: {UNITS[c['key']]}}}")
            lines += [f"  - id: {c['id']}", f"    key: {c['key']}", "    topics: [water]", f'    quote: "{quote}"',
                      f"    value: {value}"]
            if c["as_of"]:
                lines.append(f"    as_of: {c['as_of']}")
            if c["ack"]:
                lines += ["    note: Reviewed by the editors.", f"    acknowledges: [{c['ack']}]"]
        (self.root / f"{stem}.claims.yaml").write_text("\n".join(lines) + "\n")

    def write_all(self) -> None:
        (self.root / "briefcmp.yaml").write_text(CONFIG)
        for stem in self.briefs:
            self.write(stem)

    # ------------------------------------------------------------------ changes on the branch

    def change(self) -> str:
        rng = self.rng
        op = rng.choice(["add", "add", "value", "delete", "as_of", "key", "unreview", "unack", "duplicate-id",
                         "published", "rename"])
        stems = sorted(self.briefs)
        stem = rng.choice(stems)
        b = self.briefs[stem]
        claim = rng.choice(b["claims"])
        if op == "add":
            self.write(self.new_brief())
        elif op == "duplicate-id":
            self.write(self.new_brief(brief_id=b["id"]))
        elif op == "value":
            claim["value"] = rng.choice(VALUES[claim["key"]])
            self.write(stem)
        elif op == "delete":
            del self.briefs[stem]
            (self.root / f"{stem}.claims.yaml").unlink()
        elif op == "published":  # moves the inferred as-of dates of its claims
            b["published"] = f"202{rng.randint(1, 3)}-0{rng.randint(1, 9)}"
            self.write(stem)
        elif op == "rename":
            self.n += 1
            self.briefs[f"b{self.n}"] = self.briefs.pop(stem)
            (self.root / f"{stem}.claims.yaml").unlink()
            self.write(f"b{self.n}")
        elif op == "as_of":
            claim["as_of"] = None
            self.write(stem)
        elif op == "key":
            others = [k for k in KEYS if k != claim["key"] and k not in {c["key"] for c in b["claims"]}]
            if others:
                claim["key"] = rng.choice(others)
                claim["value"] = rng.choice(VALUES[claim["key"]])
            self.write(stem)
        elif op == "unack":
            for c in b["claims"]:
                c["ack"] = None
            self.write(stem)
        else:  # remove a review from the reviewed file
            gate = run_check(CheckSettings(paths=[self.root]))
            if gate.reviewed.entries:
                entry = rng.choice(gate.reviewed.entries)
                (self.root / "reviewed.yaml").write_text(remove_entries(gate.reviewed, [entry.id]))
        return op


def review_everything(corpus: Corpus) -> None:
    """Make main clean: acknowledge some conflicts in the claims files, review the others."""
    gate = run_check(CheckSettings(paths=[corpus.root]))
    to_file = []
    for rel in gate.unreviewed():
        if corpus.rng.random() < 0.3:  # acknowledged next to one of its claims
            brief, _, cid = rel.claims[0].ref.partition("#")
            stem = next(s for s, b in corpus.briefs.items() if b["id"] == brief)
            claim = next(c for c in corpus.briefs[stem]["claims"] if c["id"] == cid)
            if claim["ack"] is None:
                claim["ack"] = rel.id
                corpus.write(stem)
                continue
        to_file.append(new_entry(rel, "accepted", "Checked against the utilities' reports.", "Tester", "2024-01-01"))
    if to_file:
        (corpus.root / "reviewed.yaml").write_text(add_entries(gate.reviewed, to_file, False))


@pytest.mark.parametrize("seed", range(int(os.environ.get("BRIEFCMP_PROPERTY_SEEDS", "16"))))
def test_changed_passing_on_a_branch_implies_check_passing(tmp_path: Path, seed: int) -> None:
    rng = random.Random(seed)
    root = tmp_path / "corpus"
    root.mkdir()
    corpus = Corpus(root, rng)
    for _ in range(rng.randint(2, 5)):
        corpus.new_brief(dated=True)  # main has no inferred as-of dates (they may warn)
    corpus.write_all()
    review_everything(corpus)
    main = run_check(CheckSettings(paths=[root]))
    assert main.exit_code("warning") == 0, [p.format() for p in main.combined().problems]  # main is clean
    git(root, "init", "-q", "-b", "main")
    git(root, "add", ".")
    git(root, "commit", "-q", "-m", "main")
    git(root, "checkout", "-q", "-b", "branch")
    ops = [corpus.change() for _ in range(rng.randint(1, 3))]
    if rng.random() < 0.5:  # committed, or left in the work tree (as in a pre-commit hook)
        git(root, "add", "-A")
        git(root, "commit", "-q", "--allow-empty", "-m", "branch")
    changed = run_check(CheckSettings(paths=[root], changed=True, base="main"))
    full = run_check(CheckSettings(paths=[root]))
    for fail_on in ("error", "warning", "contradiction"):
        if changed.exit_code(fail_on) == 0:
            assert full.exit_code(fail_on) == 0, (
                ops, fail_on, [p.format() for p in full.combined(show_reviewed=False).problems])


def test_show_files_reads_many_base_versions_in_one_call(tmp_path: Path) -> None:
    from briefcmp.gate.changed import show_files

    (tmp_path / "a.claims.yaml").write_text("key: ünïcode\nsecond line\n")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "empty.txt").write_text("")
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-q", "-m", "c")
    names = ["sub", "a.claims.yaml", "gone.claims.yaml", "sub/empty.txt"]
    assert show_files("HEAD", names, tmp_path) == [None, "key: ünïcode\nsecond line\n", None, ""]
    assert show_files("HEAD", [], tmp_path) == []
