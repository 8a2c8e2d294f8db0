"""Several outlets' reports of one event, through a new user's path: init -> add -> align --apply -> compare.

Each set is a folder (``benchmarks/lineup/<dev|test>/<set>/``, or ``benchmarks/facts/...``): one text
per source as a user saves it, and ``gold.yaml`` with the relations a careful reader sees and the
traps (pairs that must never share a key or a relation). See ``run_set`` and ``score_set``, which
other benchmarks reuse.

What is measured, per set and overall:

- **recall**: a gold relation counts as found when ``compare`` shows a relation of that kind
  whose claims match every gold quote. A claim matches a gold quote when its quote overlaps the
  gold quote and, for a figure or a date, the number or year it states is written inside the gold
  quote (a sentence with three figures matches three quotes, one each). ``pairs`` is a softer
  view: of the gold relations' pairs of claims, how many share one relation of that kind; ``in part``
  counts the relations of which ``compare`` shows at least two sources' claims in one relation of that kind
  (three outlets of five agreeing is a relation a reader sees in part).
- **false contradictions**: relations of kind contradiction whose claims do not all match the
  quotes of one gold contradiction (or of one gold revision, below). Each side of a gold
  contradiction is widened by the gold agreements that share a claim with it: when the gold says
  A contradicts C and A agrees with B, then B against C is the same contradiction told by another
  outlet, not a false one (the gold lists one outlet per side).
- **revisions**: a gold relation whose note starts with ``revision:`` (a first estimate against its
  revision: same measure, same period, two vintages) is found as a ``contradiction`` or as a
  ``change``, whatever kind it is labelled: ``compare`` shows a change when the text tells the
  vintages apart, else a contradiction, and a reader accepts either.
- a claim matches a gold quote when their texts overlap and the claim's value, or one of its
  ``alternates`` (the same figure in another currency or unit), is written in the quote; when
  several claims share one quote and one value (a sentence stating 5.2% twice), the k-th claim
  stands for the k-th writing of the value and matches only the gold quote around it;
- **key precision** (of the keys ``align --apply`` wrote): a key is *wrong* when it joins the two
  claims of a trap; *right* when every claim under it matches a quote of a gold relation and no
  trap is joined; otherwise *unjudged* (claims no gold relation names) and listed with ``-v`` for
  a person to read. Precision is right / (right + wrong).

- **--incremental**: the same path as a person adding one brief at a time, with ``align --apply``
  after each (from the second): keys written early are joined by later briefs' claims. With
  ``--reversed`` the briefs arrive in the reverse order (does the result depend on the order?).
- **second apply**: after the last ``align --apply``, ``align`` on the unchanged corpus should propose no
  new sure group (``align --apply`` is a fixed point); the sure groups it still proposes are counted.
- **--decisions**: each set again with a simulated analyst answering every prompt ``align --review`` asks
  after ``align --apply`` (``fromscratch_review.make_analyst``, the rule ``facts_eval.py --decisions`` uses:
  **y** when the gold relates all of the group's claims and no trap parts two of them, **s** keeping the
  claims of one gold relation when the group holds two or more of them and others, **n** otherwise): the
  relations found then, FC, wrong keys and traps joined after the decisions, and the decisions asked per
  relation found (issue 22's target applied to figures: at most 1.5).

Usage: python benchmarks/lineup_eval.py [dev|test|FOLDER ...] [-v] [--json] [--incremental [--reversed]] [--decisions]
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT.parent))
sys.path.insert(0, str(ROOT))  # (benchmarks/ is not a package; tests load this by path)
from lineup_match import (  # noqa: E402  (re-exported: the other benchmarks import them from here)
    _pinned, _ref, claim_matches, meant, norm, value_written_in,
)

KIND_OF = {"agreement": {"agreement"}, "contradiction": {"contradiction"}, "disagreement": {"disagreement"},
           "change": {"change-over-time", "change"}}
# A first estimate against its revision (gold note "revision: ..."): a change or a contradiction.
REVISION_KINDS = KIND_OF["contradiction"] | KIND_OF["change"]
# --incremental: `align --apply` after each `add` from the second brief on (a person's daily use: a brief
# added to a corpus already keyed), then once more at the end; what it measures is how precise joining new
# claims to keys already written is.
INCREMENTAL = False
REVERSED = False  # --reversed: the briefs added in the reverse of their sorted order


@dataclass
class SetRun:
    """What the path produced on one set."""

    name: str
    relations: list[dict]
    claims: list[dict]  # every claim after align --apply: brief, id, quote, value, key
    sources: dict[str, str]  # source id -> its text as the corpus holds it (normalised spaces)
    keys_applied: int = 0
    seconds: float = 0.0
    errors: list[str] = field(default_factory=list)
    second: list[str] = field(default_factory=list)  # sure groups a second align on the applied corpus proposes


@dataclass
class SetScore:
    name: str
    gold: int = 0
    found: int = 0
    found_part: int = 0  # relations shown in part: two or more of their sources' claims in one relation
    pairs: int = 0
    pairs_found: int = 0
    contradictions: int = 0
    false_contradictions: list[str] = field(default_factory=list)
    keys_right: int = 0
    keys_wrong: list[str] = field(default_factory=list)
    keys_unjudged: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)
    trap_failures: list[str] = field(default_factory=list)
    seconds: float = 0.0
    errors: list[str] = field(default_factory=list)
    second: list[str] = field(default_factory=list)  # sure groups a second align proposes (target: none)
    # the figures as scored before session 16, when a gold quote writing two figures matched either of them
    # (lineup_match.meant): found, in part, pairs found, false contradictions, keys right, keys wrong
    any_figure: dict = field(default_factory=dict)

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 1.0

    @property
    def key_precision(self) -> float:
        judged = self.keys_right + len(self.keys_wrong)
        return self.keys_right / judged if judged else 1.0


def source_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.suffix in (".txt", ".md", ".html", ".htm") and p.is_file())


def run_set(folder: Path, work: Path, align: bool = True, analyst=None, drafted: Path | None = None) -> SetRun:
    """init -> add every source -> align --apply -> compare --format json, in process, no hand edit.

    ``analyst``: called with the corpus folder after ``align --apply`` (a simulated person answering
    ``align --review``, benchmarks/fromscratch_review.py). ``drafted``: a folder keeping each set's corpus as
    drafted (before align), so that a sweep (``--calibrate``) drafts each set once."""
    from typer.testing import CliRunner

    from briefcmp.cli import app
    from yaml import safe_load

    runner = CliRunner()
    t0 = time.perf_counter()
    corpus = work / folder.name
    errors: list[str] = []

    def cli(*args: str, ok=(0,)):
        r = runner.invoke(app, list(args))
        if r.exit_code not in ok:
            errors.append(f"{' '.join(args[:2])}: exit {r.exit_code}: {(r.output or '')[-300:]}")
        return r

    kept = drafted / folder.name if drafted is not None else None
    if kept is not None and kept.is_dir():
        shutil.copytree(kept, corpus)
    else:
        cli("init", str(corpus))
        for i, src in enumerate(source_files(folder)[::-1] if REVERSED else source_files(folder)):
            # a set of statements (benchmarks/facts/) is drafted with --sentences (issue 22)
            cli("add", str(src), str(corpus), "--id", src.stem, *(["--sentences"] if "facts" in folder.parts else []),
                ok=(0, 1))
            if INCREMENTAL and align and i >= 1:  # a person adding one brief at a time, aligning each time
                cli("align", str(corpus), "--apply", ok=(0, 1))
        if kept is not None:
            shutil.copytree(corpus, kept)
    keys_before = _keys(corpus, safe_load)
    second: list[str] = []
    if align:
        cli("align", str(corpus), "--apply", ok=(0, 1))
        r = cli("align", str(corpus), "--format", "json", ok=(0, 1))  # the applied corpus: a fixed point?
        try:
            second = [f"{g['key']}: " + " | ".join(f"{c['brief']}:{c['claim']}" for c in g["claims"])
                      for g in json.loads(r.stdout)["groups"]]
        except (ValueError, KeyError):
            errors.append("align gave no JSON")
    if analyst is not None:
        analyst(corpus)
    r = cli("compare", str(corpus), "--format", "json", ok=(0, 1))
    try:
        relations = json.loads(r.stdout)["relations"]
    except (ValueError, KeyError):
        relations = []
        errors.append("compare gave no JSON")
    claims = _claims(corpus, safe_load)
    keys_applied = len({c["key"] for c in claims if c.get("key")} - keys_before)
    sources = {p.stem: norm(p.read_text(encoding="utf-8")) for p in (corpus / "sources").glob("*.txt")}
    return SetRun(folder.name, relations, claims, sources, keys_applied, time.perf_counter() - t0, errors, second)


def _claims(corpus: Path, safe_load) -> list[dict]:
    out = []
    for path in sorted(corpus.glob("*.claims.yaml")):
        data = safe_load(path.read_text(encoding="utf-8")) or {}
        brief = (data.get("brief") or {}).get("id") or path.name.split(".")[0]
        for c in data.get("claims") or []:
            out.append({"brief": brief, "claim": c.get("id"), "quote": norm(str(c.get("quote") or "")),
                        "value": c.get("value") or {}, "key": c.get("key")})
    return out


def _keys(corpus: Path, safe_load) -> set[str]:
    return {c["key"] for c in _claims(corpus, safe_load) if c.get("key")}


def score_set(folder: Path, run: SetRun, any_figure: bool = False) -> SetScore:
    """The set's figures. A gold quote of a figure set writing two figures ("fell 16% to $14.4 billion") matches
    the claim of the figure its relation means (``lineup_match.meant``), not either, and "225 cents" writes 2.25;
    ``any_figure``: as scored before session 16 (kept in ``SetScore.any_figure`` for comparison)."""
    s = _score_set(folder, run, any_figure or "facts" in folder.parts)
    if not any_figure and "facts" not in folder.parts:
        old = _score_set(folder, run, True)
        s.any_figure = {"found": old.found, "found_part": old.found_part, "pairs_found": old.pairs_found,
                        "false": len(old.false_contradictions), "right": old.keys_right, "wrong": len(old.keys_wrong),
                        "traps": len(old.trap_failures)}
    return s


def _score_set(folder: Path, run: SetRun, any_figure: bool) -> SetScore:
    from yaml import safe_load

    gold = safe_load((folder / "gold.yaml").read_text(encoding="utf-8")) or {}
    s = SetScore(run.name, seconds=run.seconds, errors=list(run.errors), second=list(run.second))
    by_ref = {_ref(c): c for c in run.claims}

    pinned = _pinned(run.claims, run.sources)

    def written_inside(ref: str, item: dict) -> bool:
        # a claim pinned to one writing of its value matches only the gold quote around that writing
        if ref not in pinned:
            return True
        q = norm(item["quote"])
        i = run.sources.get(item["source"], "").find(q)
        return i < 0 or i <= pinned[ref] < i + len(q)

    def matching(item: dict) -> set[str]:
        return {_ref(c) for c in run.claims if claim_matches(c, item["source"], item["quote"], run.sources, not any_figure)
                and written_inside(_ref(c), item)}

    for item in [*(gold.get("relations") or []), *(gold.get("traps") or [])]:
        for q in item.get("claims") or []:
            if norm(q["quote"]) not in run.sources.get(q["source"], ""):
                s.errors.append(f"gold quote not in {q['source']}: {q['quote']!r}")

    values = {_ref(c): c["value"] for c in run.claims}

    def quotes_of(g: dict) -> list[set[str]]:
        found = [matching(q) for q in g.get("claims") or []]
        return found if any_figure else meant(found, values, by_value=g["kind"] == "agreement")

    def lenient(g: dict) -> list[set[str]]:  # (what a contradiction may be judged against: either figure, as before)
        return [matching(q) for q in g.get("claims") or []]

    rel_refs = [(r["kind"], {f"{c['brief']}:{c['claim']}" for c in r.get("claims") or []}) for r in run.relations]
    gold_rels = gold.get("relations") or []
    in_gold: set[str] = set()
    gold_contradictions: list[list[set[str]]] = []
    for g in gold_rels:
        kinds = KIND_OF.get(g["kind"], {g["kind"]})
        revision = str(g.get("note", "")).startswith("revision:")
        if revision:
            kinds = REVISION_KINDS
        quotes = quotes_of(g)
        for q in quotes:
            in_gold |= q
        if g["kind"] == "contradiction" or revision:  # a false contradiction is one no reading of the gold allows
            gold_contradictions.append(lenient(g))
        s.gold += 1
        ok = any(kind in kinds and all(q & refs for q in quotes) for kind, refs in rel_refs)
        s.found += ok
        s.found_part += ok or any(kind in kinds and len({c["source"] for c, q in zip(g["claims"], quotes) if q & refs}) >= 2
                                  for kind, refs in rel_refs)
        if not ok:
            s.missed.append(f"{g['kind']}: {g.get('note', '')}")
        for i in range(len(quotes)):
            for j in range(i + 1, len(quotes)):
                if g["claims"][i]["source"] == g["claims"][j]["source"] and g["claims"][i]["quote"] == \
                        g["claims"][j]["quote"]:
                    continue
                s.pairs += 1
                s.pairs_found += any(kind in kinds and quotes[i] & refs and quotes[j] & refs
                                     for kind, refs in rel_refs)
    gold_contradictions = _widened(gold_contradictions, [lenient(g) for g in gold_rels if g["kind"] == "agreement"])
    traps = [(t.get("why", ""), matching(t["claims"][0]), matching(t["claims"][1]))
             for t in gold.get("traps") or [] if len(t.get("claims") or []) >= 2]
    for kind, refs in rel_refs:
        if kind != "contradiction":
            continue
        s.contradictions += 1
        if not any(all(refs & q for q in quotes) and refs <= set().union(*quotes) for quotes in gold_contradictions):
            s.false_contradictions.append(", ".join(sorted(refs)))
    for why, a, b in traps:
        for kind, refs in rel_refs:
            if refs & a and refs & b:
                s.trap_failures.append(f"{why} (relation {kind})")
    keys: dict[str, set[str]] = {}
    for c in run.claims:
        if c.get("key"):
            keys.setdefault(c["key"], set()).add(_ref(c))
    for key, refs in sorted(keys.items()):
        if len({r.split(":")[0] for r in refs}) < 2:
            continue  # a key under one brief's claims joins nothing
        joined = [why for why, a, b in traps if refs & a and refs & b]
        if joined:
            s.keys_wrong.append(f"{key}: {'; '.join(joined)}")
            s.trap_failures.extend(f"{why} (key {key})" for why in joined)
        elif refs <= in_gold:
            s.keys_right += 1
        else:
            s.keys_unjudged.append(f"{key}: " + ", ".join(
                f"{r} {by_ref[r]['value'].get('amount', by_ref[r]['value'].get('date', ''))}" for r in sorted(refs)))
    return s


def _widened(contradictions: list[list[set[str]]], agreements: list[list[set[str]]]) -> list[list[set[str]]]:
    """Each side of each gold contradiction with the claims of every gold agreement sharing a claim with it."""
    out = []
    for quotes in contradictions:
        sides = []
        for q in quotes:
            side = set(q)
            for agreement in agreements:
                if any(side & a for a in agreement):
                    side |= set().union(*agreement)
            sides.append(side)
        out.append(sides)
    return out


def evaluate(folders: list[Path], drafted: Path | None = None, name: str = "") -> list[SetScore]:
    """Score each set in turn; with a name, the running totals go to stderr after each set, so a run cut
    short (a time limit, Ctrl-C) still says what it had measured, and on what."""
    out = []
    live = sys.stderr.isatty()
    with tempfile.TemporaryDirectory() as tmp:
        for folder in folders:
            run = run_set(folder, Path(tmp), drafted=drafted)
            out.append(score_set(folder, run))
            if name:
                line = f"{name}: {len(out)} of {len(folders)} sets so far; {summary(out, name).split(': ', 1)[1]}"
                if live:
                    print(f"\r{line[:shutil.get_terminal_size().columns - 1]}\x1b[K", end="", file=sys.stderr, flush=True)
                else:
                    print(line, file=sys.stderr, flush=True)
    if name and live:
        print("\r\x1b[K", end="", file=sys.stderr, flush=True)
    return out


def with_decisions(folders: list[Path], name: str = "") -> list[tuple[SetScore, object]]:
    """Each set after ``align --apply`` and a simulated analyst's answers from its gold (y/n/s): (score, the
    analyst's record: decisions asked, answers, log)."""
    sys.path.insert(0, str(ROOT))
    from fromscratch_review import Analyst, Gold, make_analyst

    out = []
    with tempfile.TemporaryDirectory() as tmp:
        for folder in folders:
            stats = Analyst(split=True)
            run = run_set(folder, Path(tmp), analyst=make_analyst(stats, lambda c, f=folder: Gold(f, c)))
            out.append((score_set(folder, run), stats))
            if name:
                print(f"{name}: {len(out)} of {len(folders)} sets with decisions", file=sys.stderr, flush=True)
    return out


def decisions_summary(decided: list[tuple[SetScore, object]], name: str) -> str:
    """One line: relations found with decisions, the decisions asked (y/n/s), per relation found, and what the
    decisions did to precision (FC, wrong keys, traps joined)."""
    scores = [d for d, _ in decided]
    t = totals(scores)
    asked = sum(st.asked for _, st in decided)
    ans = {k: sum(st.answers[k] for _, st in decided) for k in "yns"}
    per = f"{asked / t['found']:.2f}" if t["found"] else "n/a"
    return (f"{name} ({t['sets']} sets): with decisions {t['found']}/{t['gold']} ({t['recall']:.0%}) after {asked} "
            f"decisions (y {ans['y']}, n {ans['n']}, s {ans['s']}); {per} decisions per relation found; "
            f"pairs {t['pairs_found']}/{t['pairs']}; false contradictions {t['false']}; keys {t['right']} right, "
            f"{t['wrong']} wrong; traps joined {t['traps']}")


def totals(scores: list[SetScore]) -> dict:
    """The figures of all sets together (the table's last row, the summary line, the calibration rows)."""
    t = {"sets": len(scores), "gold": sum(s.gold for s in scores), "found": sum(s.found for s in scores),
         "found_part": sum(s.found_part for s in scores), "pairs": sum(s.pairs for s in scores), "pairs_found": sum(s.pairs_found for s in scores),
         "right": sum(s.keys_right for s in scores), "wrong": sum(len(s.keys_wrong) for s in scores),
         "unjudged": sum(len(s.keys_unjudged) for s in scores),
         "false": sum(len(s.false_contradictions) for s in scores),
         "traps": sum(len(s.trap_failures) for s in scores), "second": sum(len(s.second) for s in scores),
         "seconds": sum(s.seconds for s in scores)}
    t["recall"] = t["found"] / t["gold"] if t["gold"] else 1.0
    t["precision"] = t["right"] / (t["right"] + t["wrong"]) if t["right"] + t["wrong"] else 1.0
    return t


def summary(scores: list[SetScore], name: str) -> str:
    """One line a reader takes away, as fromscratch.py ends: what was measured on, and the figures that decide."""
    t = totals(scores)
    return (f"{name} ({t['sets']} set{'s' * (t['sets'] != 1)}): {t['found']}/{t['gold']} gold relations found "
            f"({t['recall']:.0%}), {t['found_part']} in part; pairs lined up {t['pairs_found']}/{t['pairs']}; false contradictions {t['false']}; "
            f"keys {t['right']} right, {t['wrong']} wrong ({t['precision']:.0%}), {t['unjudged']} unjudged; "
            f"traps joined {t['traps']}; a second apply proposes {t['second']} sure groups; {t['seconds']:.1f} s")


def table(scores: list[SetScore], title: str, verbose: bool = False) -> str:
    lines = [f"## {title}", "", "| set | gold | found | recall | pairs | false contr. | keys right/wrong/unjudged |"
             " key precision | s |", "|---|---|---|---|---|---|---|---|---|"]
    for s in scores:
        lines.append(f"| {s.name} | {s.gold} | {s.found} | {s.recall:.0%} | {s.pairs_found}/{s.pairs} | "
                     f"{len(s.false_contradictions)} | {s.keys_right}/{len(s.keys_wrong)}/{len(s.keys_unjudged)} | "
                     f"{s.key_precision:.0%} | {s.seconds:.1f} |")
    t = totals(scores)
    lines.append(f"| **all** | {t['gold']} | {t['found']} | {t['recall']:.0%} | {t['pairs_found']}/{t['pairs']} | "
                 f"{t['false']} | {t['right']}/{t['wrong']}/{t['unjudged']} | {t['precision']:.0%} | {t['seconds']:.1f} |")
    if verbose:
        for s in scores:
            extra = [*(f"  missed {m}" for m in s.missed), *(f"  FALSE CONTRADICTION {x}" for x in s.false_contradictions),
                     *(f"  WRONG KEY {x}" for x in s.keys_wrong), *(f"  trap joined: {x}" for x in s.trap_failures),
                     *(f"  unjudged key {x}" for x in s.keys_unjudged),
                     *(f"  second apply proposes {x}" for x in s.second), *(f"  error: {x}" for x in s.errors)]
            if extra:
                lines += ["", f"{s.name}:", *extra]
    return "\n".join(lines)


def folders_for(arg: str) -> list[Path]:
    p = Path(arg)
    if arg in ("dev", "test"):
        p = ROOT / "lineup" / arg
    if (p / "gold.yaml").exists():
        return [p]
    return sorted(d for d in p.iterdir() if (d / "gold.yaml").exists()) if p.is_dir() else []


def main(argv: list[str] | None = None) -> int:
    global INCREMENTAL, REVERSED
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("sets", nargs="*", default=["dev"], help="dev, test, or set folders")
    ap.add_argument("-v", "--verbose", action="store_true")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--threshold", type=float, help="align's apply threshold for this run (default: the shipped one)")
    ap.add_argument("--sure", type=float, help="the context links' threshold (analysis/linking.py SURE) for this run")
    ap.add_argument("--incremental", action="store_true",
                    help="align --apply after each brief is added (daily use), not only once all are")
    ap.add_argument("--reversed", action="store_true", help="with --incremental: the briefs in the reverse order")
    ap.add_argument("--calibrate", action="store_true",
                    help="sweep the apply threshold: recall, false contradictions and key precision at each")
    ap.add_argument("--calibrate-sure", action="store_true",
                    help="sweep the context links' threshold (linking.SURE) at the apply threshold in use")
    ap.add_argument("--decisions", action="store_true", help="each set with a simulated analyst answering align "
                    "--review from its gold (y/n/s), instead of the automatic run")
    args = ap.parse_args(argv)
    from briefcmp.analysis import evidence as ev
    from briefcmp.analysis import linking
    INCREMENTAL, REVERSED = args.incremental, args.reversed
    if args.threshold is not None:
        ev.APPLY_THRESHOLD = args.threshold
    if args.sure is not None:
        linking.SURE = args.sure
    if args.calibrate or args.calibrate_sure:
        name, grid = (("SURE", (0.3, 0.4, 0.5, 0.6, 0.7)) if args.calibrate_sure else
                      ("threshold", (1.0, 0.95, 0.9, 0.85, 0.8, 0.75, 0.7, 0.6, 0.5)))
        print(f"| {name} | recall | pairs | false contr. | keys right/wrong | key precision | traps joined |\n"
              "|---|---|---|---|---|---|---|", flush=True)
        drafted = Path(tempfile.mkdtemp())  # each set drafted once, then aligned at every value
        for t in grid:
            if args.calibrate_sure:
                linking.SURE = t
            else:
                ev.APPLY_THRESHOLD = t
            a = totals([s for name in args.sets for s in evaluate(folders_for(name), drafted)])
            print(f"| {t} | {a['found']}/{a['gold']} | {a['pairs_found']}/{a['pairs']} | {a['false']} | "
                  f"{a['right']}/{a['wrong']} | {a['precision']:.0%} | {a['traps']} |", flush=True)
        shutil.rmtree(drafted, ignore_errors=True)
        return 0
    for name in args.sets:
        folders = folders_for(name)
        if not folders:
            print(f"{name}: no sets (folders with gold.yaml)", file=sys.stderr)
            return 2
        if args.decisions:
            decided = with_decisions(folders, name)
            if args.json:
                print(json.dumps([{**s.__dict__, "asked": st.asked, "answers": dict(st.answers),
                                   "failed": st.failed} for s, st in decided], indent=1))
            else:
                if args.verbose:
                    for s, st in decided:
                        print("\n".join([f"{s.name}:", *(f"  {x}" for x in st.log), *(f"  FAILED {x}" for x in st.failed),
                                         *(f"  FALSE CONTRADICTION {x}" for x in s.false_contradictions),
                                         *(f"  WRONG KEY {x}" for x in s.keys_wrong),
                                         *(f"  missed {m}" for m in s.missed)]))
                print(decisions_summary(decided, name))
            continue
        scores = evaluate(folders, name=name)
        if args.json:
            print(json.dumps([{**s.__dict__, "recall": s.recall, "key_precision": s.key_precision} for s in scores],
                             indent=1))
        else:
            print(table(scores, f"lineup: {name}", args.verbose))
            print()
            print(summary(scores, name))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
