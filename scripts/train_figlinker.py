"""Train and calibrate the figure pair linker (``briefcmp/analysis/figlink.py``) on benchmarks/lineup/dev.

Each dev set is drafted as the eval drafts it (``lineup_eval.run_set``, no align), then align's real path runs
in process; where ``linking.place`` has run (the hand rules done), every figure as align read it is taken,
every pair of figures ``figlink.pairs`` would score is described by ``figlink.described``, and the pairs with
one side at least outside the groups the hand rules applied (the pairs the linker may place) are kept. A pair
is positive when both figures quote one gold question (two claims of one gold relation, or of relations
joined through a shared claim), negative otherwise: a trap's two claims (weighted ``TRAP_WEIGHT``) and every
pair the gold does not name count as false.

Training uses the **tuning halves only**: every dev set except those of the check halves (``--check-halves``,
by their README-heldout-*-sN.md; they are never drafted here). Calibration leaves **whole halves** out: train on
all tuning halves but one, score that one, for each; the out-of-half probabilities set the applied bar
(the lowest down to which pair precision on **every** left-out half, counting every pair the gold does not join as
false, is at least ``--precision`` with no trap above it; measured on the pairs ``--apply`` may write: both periods stated, both facts, values that agree,
since ``figlinkplace`` holds back linked figures whose values differ: the values choose that population, never a
feature) and the candidate bar (pairs just below the applied bar right ``CANDIDATE_RIGHT`` of the time). A logistic model (L2, Newton's method; numpy at training time only).
``--write`` stores the model trained on every tuning set as briefcmp/analysis/figweights.json.

Usage: .venv/bin/python scripts/train_figlinker.py [--check-halves s17] [--cache DIR] [--write]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

TRAP_WEIGHT = 5.0  # (the fit, L2-regularised logistic by Newton's method, is the statement linker's: train_factlinker)
CANDIDATE_RIGHT = 0.5
VERSION = 4  # of the rows stored in the cache (bump when collect changes)


def _described(corpus_dir: Path):
    """align on the drafted corpus; the figures and pairs the linker sees, and which figures hand groups applied."""
    from briefcmp.analysis import align as align_mod
    from briefcmp.analysis import figlink, linking
    from briefcmp.cli.app import default_paths
    from briefcmp.corpus.cache import load_corpus

    seen = {}
    real = linking.place

    def spy(rest, texts, entities, taken, result, group_cls):
        real(rest, texts, entities, taken, result, group_cls)
        members = [m for m in rest if figlink.usable(m)]
        ctx = figlink.Context(members, texts, entities)
        seen["members"] = members
        seen["pairs"] = figlink.described(members, ctx)
        seen["applied"] = {id(m) for g in result.groups if g.new for m in g.members}

    linking.place = spy
    try:
        corpus = load_corpus(default_paths([corpus_dir])).corpus
        align_mod.align(corpus)
    finally:
        linking.place = real
    return seen


def collect(folder: Path, work: Path, drafted: Path) -> list[dict]:
    """The set's pairs: {"x": features, "y": 1/0, "w": weight, "trap": bool}."""
    import lineup_eval as le
    from yaml import safe_load

    from briefcmp.analysis.rounding import agree_rounded

    run = le.run_set(folder, work, align=False, drafted=drafted)
    seen = _described(work / folder.name)
    if not seen:
        return []
    gold = safe_load((folder / "gold.yaml").read_text(encoding="utf-8")) or {}
    by_ref = {le._ref(c): c for c in run.claims}

    def matching(q: dict) -> set[str]:
        return {r for r, c in by_ref.items() if le.claim_matches(c, q["source"], q["quote"], run.sources)}

    parent: dict[str, str] = {}

    def find(x):
        while parent.setdefault(x, x) != x:
            x = parent[x]
        return x

    for rel in gold.get("relations") or []:
        refs = [matching(q) for q in rel.get("claims") or []]
        flat = [r for rs in refs for r in rs]
        for r in flat[1:]:
            parent[find(r)] = find(flat[0])
    traps = set()
    for trap in gold.get("traps") or []:
        found = [matching(q) for q in trap.get("claims") or []]
        for i, xs in enumerate(found):
            for ys in found[i + 1:]:
                traps |= {frozenset((x, y)) for x in xs for y in ys if x != y}
    members, applied = seen["members"], seen["applied"]
    rows = []
    for i, j, x in seen["pairs"]:
        a, b = members[i], members[j]
        if id(a) in applied and id(b) in applied:
            continue  # the linker never places a pair the hand rules both keyed
        ra, rb = f"{a.claim.brief}:{a.claim.id}", f"{b.claim.brief}:{b.claim.id}"
        trap = frozenset((ra, rb)) in traps
        y = 1 if ra in parent and rb in parent and find(ra) == find(rb) and not trap else 0
        rows.append({"x": x, "y": y, "w": TRAP_WEIGHT if trap else 1.0, "trap": trap,
                     "join": int(id(a) in applied or id(b) in applied),
                     "judged": int(ra in parent and rb in parent), "refs": [ra, rb],
                     # the pairs --apply may write: both periods stated, both facts, values that agree (the values
                     # choose only the population the applied bar is calibrated on, never a feature)
                     "appliable": int(a.dated and b.dated and a.claim.kind == b.claim.kind == "fact"
                                      and agree_rounded(a.claim.value, b.claim.value))})
    return rows


def halves(dev: Path) -> dict[str, str]:
    """Each set's half: the tag of the held-out README that lists it first (``train_factlinker.halves``, as
    evalall groups them; a README without a tag is s2), else "old"."""
    from train_factlinker import halves as listed

    owner: dict[str, str] = {}
    for readme in dev.glob("README-heldout-*.md"):
        tag = re.search(r"-(s\d+)\.md$", readme.name)
        for name in listed(dev, {tag.group(1) if tag else ""}):
            owner[name] = tag.group(1) if tag else "s2"
    return {d.name: owner.get(d.name, "old") for d in sorted(dev.iterdir()) if (d / "gold.yaml").exists()}


def main() -> int:
    import numpy as np

    ap = argparse.ArgumentParser()
    ap.add_argument("--check-halves", default="s17", help="halves never drafted nor trained on (by README tag)")
    ap.add_argument("--cache", default=str(Path(tempfile.gettempdir()) / "figlinker"), help="drafted sets kept here")
    ap.add_argument("--precision", type=float, default=0.97)
    ap.add_argument("--write", action="store_true")
    args = ap.parse_args()
    from briefcmp.analysis import figlink

    dev = ROOT / "benchmarks/lineup/dev"
    check = set(args.check_halves.split(","))
    half = {s: h for s, h in halves(dev).items() if h not in check}
    if not half:
        print(f"{dev}:1:1: no tuning sets", file=sys.stderr)
        return 2
    cache = Path(args.cache)
    cache.mkdir(parents=True, exist_ok=True)
    rows_json = cache / "pairs.json"
    data = {}
    if rows_json.exists():
        stored = json.loads(rows_json.read_text())
        if stored.get("names") == list(figlink.NAMES) and stored.get("version") == VERSION:
            data = stored["sets"]
    with tempfile.TemporaryDirectory() as tmp:
        for name in sorted(half):
            if name not in data:
                data[name] = collect(dev / name, Path(tmp), cache / "drafted")
                print(f"collected {name}: {len(data[name])} pairs", file=sys.stderr)
    rows_json.write_text(json.dumps({"names": list(figlink.NAMES), "version": VERSION, "sets": data}))

    def arrays(names):
        rows = [r for n in names for r in data[n]]
        X = np.array([r["x"] for r in rows]) if rows else np.zeros((0, len(figlink.NAMES)))
        return (X, np.array([r["y"] for r in rows], float), np.array([r["w"] for r in rows]),
                np.array([r["trap"] for r in rows], bool), np.array([r.get("judged", 1) for r in rows], bool),
                np.array([r.get("appliable", 1) for r in rows], bool))

    from train_factlinker import fit

    def train(X, y, w) -> dict:
        return {"weights": [round(float(b), 5) for b in fit(X, y, w)]}

    def score(model: dict, X):  # as align scores: the shipped model's plain-Python probability
        m = figlink.Model({"names": list(figlink.NAMES), "threshold": 1, "candidate": 1, **model})
        return np.array([m.probability(list(x)) for x in X])

    tags = sorted(set(half.values()), key=lambda t: (t != "old", int(t[1:]) if t[1:].isdigit() else 0))
    oof = []
    for t in tags:
        X, y, w, _, _, _ = arrays([n for n, h in half.items() if h != t])
        trained = train(X, y, w)
        Xh, yh, _, th, jh, ah = arrays([n for n, h in half.items() if h == t])
        oof.append((t, score(trained, Xh), yh, th, jh, ah))
    P = np.concatenate([o[1] for o in oof])
    Y = np.concatenate([o[2] for o in oof])
    T = np.concatenate([o[3] for o in oof])
    J = np.concatenate([o[4] for o in oof]) | T
    A = np.concatenate([o[5] for o in oof])

    def at(p, y, t, bar):
        sel = p >= bar
        return int((sel & (y == 1)).sum()), int((sel & (y == 0)).sum()), int((sel & t).sum()), int((y == 1).sum())

    # the applied bar: on the pairs --apply may write (A), every pair the gold does not join counted false. Each
    # half left out in turn is scored by the model trained on the others; the bar is the lowest down to which every
    # left-out half keeps at least the target precision with no trap above it (a pooled figure would let one half's
    # many right pairs hide another's wrong ones), and at least 10 pairs are above it in all
    threshold = 1.0
    for b in sorted(set(np.round(P[A], 4)), reverse=True):
        per = [at(ph[ah], yh[ah], th[ah], b) for _, ph, yh, th, _, ah in oof]
        if not all(traps == 0 and (tp + fp == 0 or tp / (tp + fp) >= args.precision) for tp, fp, traps, _ in per):
            break
        if sum(tp + fp for tp, fp, _, _ in per) >= 10:
            threshold = float(b)
    # a person is asked about pairs down to where those below the applied bar are right CANDIDATE_RIGHT of the time
    # (counting the pairs the gold does not join as wrong): each question costs a decision
    candidate = threshold
    for b in sorted(set(np.round(P[P < threshold], 4)), reverse=True):
        band = (P >= b) & (P < threshold)
        if band.sum() >= 10 and Y[band].mean() < CANDIDATE_RIGHT:
            break
        candidate = float(b)
    print(f"{len(half)} tuning sets, {len(P)} pairs ({int(Y.sum())} positive, {int(T.sum())} traps)")
    for bar in sorted({0.3, 0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95, round(threshold, 4), round(candidate, 4)}):
        tp, fp, traps, pos = at(P, Y, T, bar)
        jtp, jfp, _, _ = at(P[J], Y[J], T[J], bar)
        atp, afp, atr, apos = at(P[A], Y[A], T[A], bar)
        print(f"  bar {bar:.4f}: out-of-half precision {tp / max(tp + fp, 1):.3f} ({tp}/{tp + fp}), "
              f"recall {tp}/{pos}, traps above {traps}; judged pairs only {jtp / max(jtp + jfp, 1):.3f}; "
              f"pairs --apply may write {atp / max(atp + afp, 1):.3f} ({atp}/{atp + afp}, recall {atp}/{apos}, "
              f"traps {atr})")
    for t, ph, yh, th, _, ah in oof:
        tp, fp, traps, pos = at(ph[ah], yh[ah], th[ah], threshold)
        print(f"  half {t:4s} left out: applied bar {tp}/{tp + fp} right, recall {tp}/{pos}, traps {traps}")
    print(f"bars: applied {threshold:.4f}, candidate {candidate:.4f}")
    X, y, w, _, _, _ = arrays(sorted(half))
    trained = train(X, y, w)
    for name, b in zip(figlink.NAMES, trained.get("weights", ())):
        print(f"  {name:22s} {b:+.3f}")
    if args.write:
        shipped = ROOT / "briefcmp/analysis/figweights.json"
        shipped.write_text(json.dumps(dict(
            names=list(figlink.NAMES), **trained, threshold=round(threshold, 4), candidate=round(candidate, 4),
            trained_on=f"benchmarks/lineup/dev tuning halves ({len(half)} sets; {', '.join(sorted(check))} left "
                       "out); bars by leaving whole halves out", target_precision=args.precision), indent=1) + "\n")
        print(f"wrote {shipped.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
