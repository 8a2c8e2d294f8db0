"""Train and calibrate the statement pair linker (``briefcmp/analysis/factlink.py``) on benchmarks/facts/dev.

Each dev set is drafted as the eval drafts it (``lineup_eval.run_set``, no align), its statements read as
``alignfacts`` reads them (``factread.read_statements``), and every pair of statements of two briefs that
could be compared (they share a clause word, ``factlink.pairs``) is described by ``factlink.features``. A pair
is positive when both statements quote one gold relation, negative when they quote a trap's two claims
(weighted ``TRAP_WEIGHT``) or anything else; pairs a gold quote leaves ambiguous (a quote read as two
statements of different actors) are left out.

Training uses the **tuning halves only**: every dev set except the check half named by ``--check`` (a file
listing set folders, one a line). A logistic model (L2, Newton's method, numpy only: numpy comes with the nlp
extra's lemminflect and is used here, at training time; nothing of it is imported at run time) is cross-validated by set (``--folds`` groups of sets): the out-of-fold probabilities set the
applied bar (the lowest at which pair precision is at least ``--precision``) and the candidate bar. Per-fold
pair precision and recall are printed, and for the check half only its summed pair figures (never its texts,
gold or per-pair output). ``--write`` stores the final model (trained on every tuning set) as
briefcmp/analysis/factweights.json.

Usage: .venv/bin/python scripts/train_factlinker.py [--check FILE | --check-halves s8,s9] [--cache DIR] [--write]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

TRAP_WEIGHT = 5.0
L2 = 1.0


def collect(folder: Path, work: Path, drafted: Path) -> list[dict]:
    """The set's candidate pairs: {"x": features, "y": 1/0, "w": weight}."""
    import lineup_eval as le
    from yaml import safe_load

    from briefcmp.analysis import factlink
    from briefcmp.analysis.entities import Entities
    from briefcmp.analysis.factnominal import read_acts
    from briefcmp.analysis.factread import read_statements
    from briefcmp.corpus.cache import load_corpus

    le.run_set(folder, work, align=False, drafted=drafted)
    corpus = load_corpus([work / folder.name], cache=False).corpus
    statements, _ = read_statements(corpus, Entities(corpus.config))
    read_acts(statements)  # as alignfacts reads them
    sources = {p.stem: le.norm(p.read_text(encoding="utf-8")) for p in (work / folder.name / "sources").glob("*.txt")}
    gold = safe_load((folder / "gold.yaml").read_text(encoding="utf-8")) or {}

    def matching(q: dict) -> list[int]:
        return [i for i, st in enumerate(statements)
                if le.claim_matches({"brief": st.claim.brief, "quote": le.norm(st.claim.quote), "value": {}},
                                    q["source"], q["quote"], sources)]

    positive, ambiguous, traps = set(), set(), set()
    for rel in gold.get("relations") or []:
        found = [matching(q) for q in rel.get("claims") or []]
        for i, xs in enumerate(found):
            for ys in found[i + 1:]:
                combos = {(min(x, y), max(x, y)) for x in xs for y in ys if x != y
                          and statements[x].claim.brief != statements[y].claim.brief}
                if len(xs) == 1 and len(ys) == 1:
                    positive |= combos
                    continue
                sure = {(x, y) for x, y in combos if (statements[x].root or statements[x].actor)
                        == (statements[y].root or statements[y].actor)}
                positive |= sure
                ambiguous |= combos - sure
    # one question may be told in several gold relations (an agreement of two briefs, a contradiction of one of
    # them with a third): every two statements joined through the relations answer it
    parent = {}

    def find(i):
        while parent.setdefault(i, i) != i:
            i = parent[i]
        return i

    for x, y in positive:
        parent[find(x)] = find(y)
    members = {}
    for i in list(parent):
        members.setdefault(find(i), []).append(i)
    for group in members.values():
        positive |= {(min(x, y), max(x, y)) for x in group for y in group
                     if x != y and statements[x].claim.brief != statements[y].claim.brief}
    for trap in gold.get("traps") or []:
        found = [matching(q) for q in trap.get("claims") or []]
        for i, xs in enumerate(found):
            for ys in found[i + 1:]:
                traps |= {(min(x, y), max(x, y)) for x in xs for y in ys if x != y}
    in_gold = set(parent)  # statements some gold relation quotes: a pair of two of them is judged by the gold
    rows = []
    seen = set()
    for i, j, x in factlink.described(statements):
        seen.add((i, j))
        if (i, j) in ambiguous - positive:
            continue
        y = 1 if (i, j) in positive and (i, j) not in traps else 0
        w = TRAP_WEIGHT if (i, j) in traps and not y else 1.0
        judged = bool(y) or (i, j) in traps or (i in in_gold and j in in_gold)
        # the values calibrate only the bar two answers are keyed at, never a feature
        values = {statements[i].claim.value.display(), statements[j].claim.value.display()}
        # a pair alignfacts would key as two answers: two values, one role, neither "undecided" (_doubt asks a person
        # about those whatever the linker says)
        differ = (len(values) > 1 and "undecided" not in values and statements[i].role == statements[j].role)
        rows.append({"x": x, "y": y, "w": w, "trap": (i, j) in traps, "judged": judged, "differ": differ,
                     "refs": [statements[i].claim.ref, statements[j].claim.ref]})
    lost = len(positive - seen)  # positives no candidate pair holds: the recall blocking costs
    return rows + [{"x": None, "y": 1, "w": 0.0, "trap": False, "judged": True, "differ": False}] * lost


def halves(dev: Path, tags: set[str]) -> set[str]:
    """The sets the held-out READMEs of ``tags`` ("s8") list first (a table row naming the set), as the evals
    group the halves."""
    import re

    sets = {d.name for d in dev.iterdir() if (d / "gold.yaml").exists()}
    owner: dict[str, str] = {}
    for readme in sorted(dev.glob("README-heldout-*.md")):
        m = re.search(r"-(s\d+)\.md$", readme.name)
        for line in readme.read_text(encoding="utf-8").splitlines():
            cell = line.split("|")[1].strip().strip("*") if line.startswith("|") else ""
            if cell in sets:
                owner.setdefault(cell, m.group(1) if m else "")
    return {name for name, tag in owner.items() if tag in tags}


def fit(X, y, w):
    import numpy as np

    beta = np.zeros(X.shape[1])
    reg = np.full(X.shape[1], L2)
    reg[0] = 0.0  # the bias is not shrunk
    for _ in range(50):
        p = 1 / (1 + np.exp(-np.clip(X @ beta, -30, 30)))
        g = X.T @ (w * (p - y)) + reg * beta
        H = (X * (w * p * (1 - p))[:, None]).T @ X + np.diag(reg) + 1e-9 * np.eye(X.shape[1])
        step = np.linalg.solve(H, g)
        beta -= step
        if np.abs(step).max() < 1e-7:
            break
    return beta


def predict(beta, X):
    import numpy as np

    return 1 / (1 + np.exp(-np.clip(X @ beta, -30, 30)))


def pr(p, y, bar, lost=0):
    tp = int(((p >= bar) & (y == 1)).sum())
    fp = int(((p >= bar) & (y == 0)).sum())
    return tp, fp, int((y == 1).sum()) + lost


def main() -> int:
    import numpy as np

    ap = argparse.ArgumentParser()
    ap.add_argument("--check", help="a file naming the check halves' set folders (default: the sets the READMEs of "
                                    "--check-halves add)")
    ap.add_argument("--check-halves", default="s8,s9", help="the halves held out, by their README-heldout-*-sN.md")
    ap.add_argument("--cache", default=str(Path(tempfile.gettempdir()) / "factlinker"), help="drafted sets kept here")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--precision", type=float, default=0.97)
    ap.add_argument("--write", action="store_true")
    args = ap.parse_args()
    dev = ROOT / "benchmarks/facts/dev"
    if args.check:
        if not Path(args.check).is_file():
            print(f"{args.check}:1:1: no such file (the check halves must be left out)", file=sys.stderr)
            return 2
        check = {Path(s).name for s in Path(args.check).read_text().split()}
    else:
        check = halves(dev, set(args.check_halves.split(",")))
    if not check:
        print(f"{dev}:1:1: no check half found: training on every set would leave nothing to check", file=sys.stderr)
        return 2
    sets = sorted(d for d in dev.iterdir() if (d / "gold.yaml").exists())
    cache = Path(args.cache)
    rows_json = cache / "pairs.json"
    from briefcmp.analysis import factlink

    if rows_json.exists() and json.loads(rows_json.read_text()).get("names") == list(factlink.NAMES):
        data = json.loads(rows_json.read_text())["sets"]
    else:
        data = {}
        with tempfile.TemporaryDirectory() as tmp:
            for folder in sets:
                data[folder.name] = collect(folder, Path(tmp), cache / "drafted")
                print(f"collected {folder.name if folder.name not in check else '(check set)'}", file=sys.stderr)
        rows_json.write_text(json.dumps({"names": list(factlink.NAMES), "sets": data}))

    def arrays(names):
        rows = [r for n in names for r in data[n] if r["x"] is not None]
        lost = sum(1 for n in names for r in data[n] if r["x"] is None)
        cols = {k: np.array([r[k] for r in rows], bool) for k in ("trap", "judged", "differ")}
        X = np.array([r["x"] for r in rows]) if rows else np.zeros((0, len(factlink.NAMES)))
        return X, np.array([r["y"] for r in rows], float), np.array([r["w"] for r in rows]), cols, lost

    tuning = [s.name for s in sets if s.name not in check]
    folds = [tuning[k::args.folds] for k in range(args.folds)]
    per_fold, oof = [], []
    for k, held in enumerate(folds):
        X, y, w, _, _ = arrays([n for n in tuning if n not in held])
        beta = fit(X, y, w)
        Xh, yh, _, cols, lost = arrays(held)
        ph = predict(beta, Xh)
        per_fold.append((k, len(held), ph, yh, cols, lost))
        oof.append((ph, yh, cols))
    P = np.concatenate([o[0] for o in oof])
    Y = np.concatenate([o[1] for o in oof])
    J = np.concatenate([o[2]["judged"] for o in oof])
    D = np.concatenate([o[2]["differ"] for o in oof])

    def lowest(mask, target, judged=True):
        """The lowest bar at which the out-of-fold precision of the judged pairs in ``mask`` above it is at least
        ``target``, with 5 pairs or more above it (1.0 when none)."""
        bar, m = 1.0, mask & J if judged else mask
        for b in sorted(set(np.round(P[m], 4)), reverse=True):
            tp, fp, _ = pr(P[m], Y[m], b)
            if tp + fp >= 5 and tp / (tp + fp) >= target:
                bar = float(b)
        return bar

    everything = np.ones_like(J)
    threshold = lowest(everything, args.precision)
    contradiction = max(threshold, lowest(D, args.precision))
    # a person is asked about a pair only where the pairs just below the applied bar are right at least half the time
    # (counting the pairs the gold does not judge as wrong): each question costs a decision
    candidate = threshold
    for b in sorted(set(np.round(P[P < threshold], 4)), reverse=True):
        band = (P >= b) & (P < threshold)
        if band.sum() >= 5 and Y[band].mean() < 0.5:
            break
        candidate = float(b)
    print(f"bars: applied {threshold:.3f}, two answers {contradiction:.3f} (judged pair precision >= "
          f"{args.precision}), candidate {candidate:.3f} (every pair between it and the applied bar right >= 0.5)")

    def line(ph, yh, cols, lost, label):
        j = cols["judged"]
        tp, fp, pos = pr(ph[j], yh[j], threshold, lost)
        ctp, cfp, _ = pr(ph[j], yh[j], candidate)
        unjudged = int(((ph >= threshold) & ~j).sum())
        traps = int(((ph >= threshold) & cols["trap"]).sum())
        print(f"{label}: applied {tp}/{tp + fp} judged pairs right (precision {tp / max(tp + fp, 1):.2f}), "
              f"recall {tp}/{pos}, {unjudged} unjudged above the bar, traps above the bar {traps}; "
              f"candidate bar {ctp}/{ctp + cfp}")

    for k, n, ph, yh, cols, lost in per_fold:
        line(ph, yh, cols, lost, f"fold {k} ({n} sets)")
    line(P, Y, {"judged": J, "trap": np.concatenate([o[2]["trap"] for o in oof]), "differ": D},
         sum(f[5] for f in per_fold), "all folds")
    X, y, w, _, _ = arrays(tuning)
    beta = fit(X, y, w)
    for name, b in zip(factlink.NAMES, beta):
        print(f"  {name:22s} {b:+.3f}")
    if check:
        Xc, yc, _, cols, lost = arrays(sorted(check & set(data)))
        line(predict(beta, Xc), yc, cols, lost, "check half (summary only)")
    if args.write:
        out = {"names": list(factlink.NAMES), "weights": [round(float(b), 5) for b in beta],
               "threshold": round(threshold, 4), "contradiction": round(contradiction, 4),
               "candidate": round(candidate, 4),
               "trained_on": f"benchmarks/facts/dev tuning halves ({len(tuning)} sets; check half left out)",
               "target_precision": args.precision}
        (ROOT / "briefcmp/analysis/factweights.json").write_text(json.dumps(out, indent=1) + "\n")
        print("wrote briefcmp/analysis/factweights.json")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
