"""Does a small embedding model shipped inside a registry package tell one measure across wordings?

Issue 21 (point 1) asks whether measured phrases could be compared by meaning with "a small model shipped
inside a registry package". This script measures it before any integration, on the lineup sets' gold:

1. ``extract``: each set runs as ``lineup_pairs`` runs it (init -> add every source -> align in process),
   and every figure as grouping saw it (its measured words and how they read, subjects, unit, period) is
   kept with three kinds of pairs of figures of different briefs and one unit:
   - ``gold``: two figures of one gold relation (the same measure, however worded);
   - ``trap``: two figures a gold trap says must never share a key;
   - ``other``: two figures under different gold relations and no common one, with the same subjects,
     unit and period (what a block of grouping holds: the pairs a looser measure test would join).
   Written to a JSON cache (extracting is the slow part: align on every set).
2. ``score``: each pair scored by the lexical method align uses today (``measuresim.similarity`` with the
   bucket's weights, and ``measure.word_match``) and by each model (cosine of the measured phrases'
   embeddings); per half: ROC AUC of gold against traps and others, the recall where no trap is joined
   (the threshold just above the best-scored trap) and the precision there against the others, and what
   the model adds to the lexical method when the hard vetoes still block (``measuresim.veto``): the gold
   pairs lexical misses that the model joins, against the others it would join.

Models (each loaded from files inside its installed package, never a download; ``HF_HUB_OFFLINE=1`` is set):
``wordllama`` (WordLlama's ``l2_supercat`` 256-d token embeddings, in its wheel; ``pip install wordllama``:
measured and not taken, so it is no dependency of briefcmp, see benchmarks/RESULTS.md). ``--model`` picks them.
``--show BAR`` lists the pairs the model would add on the tuning halves (never a ``--summary-only`` half's).

Usage:
  python benchmarks/measure_models.py extract --halves old,s2,...,s13 --out /tmp/mm.json
  python benchmarks/measure_models.py score /tmp/mm.json [--model wordllama] [--summary-only HALF,...]
"""

from __future__ import annotations

import argparse
import bisect
import json
import math
import os
import re
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT.parent))
sys.path.insert(0, str(ROOT))

os.environ.setdefault("HF_HUB_OFFLINE", "1")  # a model that would download fails instead

LINEUP = ROOT / "lineup" / "dev"
KINDS = ("gold", "trap", "block trap", "other")


def halves(base: Path = LINEUP) -> dict[str, list[str]]:
    """Set name -> half, as the README-heldout files name them (a set no README names is ``old``)."""
    sets = sorted(p.parent.name for p in base.glob("*/gold.yaml"))
    owner: dict[str, str] = {}
    for rd in sorted(base.glob("README-heldout-*.md")):
        m = re.search(r"-(s\d+)\.md$", rd.name)
        tag = m.group(1) if m else "s2"
        for line in rd.read_text(encoding="utf-8").splitlines():
            cell = line.split("|")[1].strip().strip("*") if line.startswith("|") else ""
            if cell in sets and cell not in owner:
                owner[cell] = tag
    out: dict[str, list[str]] = defaultdict(list)
    for s in sets:
        out[owner.get(s, "old")].append(s)
    return dict(out)


def parts(member) -> list[tuple[str, str]]:
    """The measured words of a figure, each with how its clause writes it, in clause order."""
    shown = member.shown or {}
    order = [w for w in member.order if w in member.words] or sorted(member.words)
    return [(w, shown.get(w, w)) for w in order]


def phrase(member) -> str:
    """The measured words of a figure as its clause writes them, in clause order (what a model reads)."""
    return " ".join(s for _, s in parts(member))


def _figure(m) -> dict:
    return {"brief": m.claim.brief, "words": sorted(m.words), "phrase": phrase(m), "parts": parts(m),
            "subjects": list(m.subjects), "dim": m.dim, "unit": m.unit, "period": m.period,
            "kind": [m.claim.kind, m.vintage, m.basis]}


def extract_set(folder: Path, work: Path) -> dict:
    """The figures of one set as grouping saw them, and its gold, trap and other pairs (refs)."""
    import lineup_eval
    import lineup_pairs
    from yaml import safe_load

    run = lineup_eval.run_set(folder, work, align=False)
    seen, _ = lineup_pairs._members(work / folder.name)
    gold = safe_load((folder / "gold.yaml").read_text(encoding="utf-8")) or {}

    def matching(item: dict) -> set[str]:
        return {lineup_eval._ref(c) for c in run.claims
                if lineup_eval.claim_matches(c, item["source"], item["quote"], run.sources)} & set(seen)

    figures = {ref: _figure(ms[0]) for ref, ms in seen.items()}  # (a conversion: its first expression)

    def comparable(x: str, y: str) -> bool:
        a, b = figures[x], figures[y]
        return a["brief"] != b["brief"] and (a["dim"], a["unit"]) == (b["dim"], b["unit"])

    def same_block(x: str, y: str) -> bool:
        a, b = figures[x], figures[y]
        return (a["subjects"], a["period"], a["kind"]) == (b["subjects"], b["period"], b["kind"])

    rel_of: dict[str, set[int]] = defaultdict(set)
    pairs: dict[str, set[tuple[str, str]]] = {"gold": set(), "trap": set(), "other": set(), "block trap": set()}
    for i, rel in enumerate(gold.get("relations") or []):
        refs = set().union(*(matching(q) for q in rel.get("claims") or [])) if rel.get("claims") else set()
        for r in refs:
            rel_of[r].add(i)
        pairs["gold"] |= {tuple(sorted((x, y))) for x in refs for y in refs if x < y and comparable(x, y)}
    for t in gold.get("traps") or []:
        if len(t.get("claims") or []) >= 2:
            a, b = matching(t["claims"][0]), matching(t["claims"][1])
            pairs["trap"] |= {tuple(sorted((x, y))) for x in a for y in b if x != y and comparable(x, y)}
    pairs["trap"] -= pairs["gold"]  # a quote matching two figures may reach a related pair: not a trap
    # the traps only the measure can keep apart: one block of grouping (subjects, unit, period) and one kind
    pairs["block trap"] = {p for p in pairs["trap"] if same_block(*p)}
    related = sorted(rel_of)
    for i, x in enumerate(related):
        for y in related[i + 1:]:
            a, b = figures[x], figures[y]
            if comparable(x, y) and not rel_of[x] & rel_of[y] and same_block(x, y):
                pairs["other"].add((x, y))
    pairs["other"] -= pairs["gold"] | pairs["trap"]
    return {"figures": figures, **{k: sorted(v) for k, v in pairs.items()}}


def extract(names: list[str], out: Path) -> None:
    data = json.loads(out.read_text()) if out.exists() else {}
    by_half = {s: h for h, sets in halves().items() for s in sets}
    with tempfile.TemporaryDirectory() as tmp:
        for name in names:
            if name in data:
                continue
            t0 = time.perf_counter()
            data[name] = {"half": by_half.get(name, "?"), **extract_set(LINEUP / name, Path(tmp))}
            out.write_text(json.dumps(data))
            d = data[name]
            print(f"{name}: {len(d['figures'])} figures, gold {len(d['gold'])}, trap {len(d['trap'])} "
                  f"(in a block {len(d['block trap'])}), "
                  f"other {len(d['other'])} ({time.perf_counter() - t0:.0f} s)", flush=True)


# --- models ---------------------------------------------------------------------------------------------

def load_wordllama():
    """WordLlama's default model from the files its wheel ships (its own ``load`` looks for the tokenizer
    in a folder the wheel does not have and would download it): a phrase -> unit vector function."""
    import numpy as np
    import wordllama
    from safetensors import safe_open
    from tokenizers import Tokenizer
    from wordllama.inference import WordLlamaInference

    root = Path(wordllama.__file__).parent
    tok = Tokenizer.from_file(str(root / "tokenizers" / "l2_supercat_tokenizer_config.json"))
    with safe_open(str(root / "weights" / "l2_supercat_256.safetensors"), framework="np", device="cpu") as f:
        emb = f.get_tensor("embedding.weight")
    model = WordLlamaInference(emb, tok, binary=False)

    def embed(texts: list[str]):
        v = np.asarray(model.embed(texts), dtype=np.float32)
        n = np.linalg.norm(v, axis=1, keepdims=True)
        return v / np.where(n == 0, 1, n)
    return embed


MODELS = {"wordllama": load_wordllama}


# --- scoring --------------------------------------------------------------------------------------------

def auc(pos: list[float], neg: list[float]) -> float:
    """ROC AUC: the chance a gold pair scores above a negative one (ties count half)."""
    if not pos or not neg:
        return float("nan")
    neg_sorted = sorted(neg)
    total = 0.0
    for p in pos:
        lo, hi = bisect.bisect_left(neg_sorted, p), bisect.bisect_right(neg_sorted, p)
        total += lo + (hi - lo) / 2
    return total / (len(pos) * len(neg))


def at_no_trap(gold: list[float], trap: list[float], other: list[float]) -> tuple[float, float, float]:
    """The threshold just above the best-scored trap; the gold recall and the precision against others there."""
    bar = max(trap, default=-math.inf)
    g = sum(1 for x in gold if x > bar)
    o = sum(1 for x in other if x > bar)
    return bar, g / len(gold) if gold else float("nan"), g / (g + o) if g + o else float("nan")


def lexical_scores(data: dict) -> dict[str, dict[tuple[str, str], tuple[float, str, str]]]:
    """(similarity, word_match, veto reason) of every pair by the method align uses, per set."""
    from briefcmp.analysis import measuresim
    from briefcmp.analysis.measure import word_match

    out = {}
    for name, d in data.items():
        figs = d["figures"]
        by_dim: dict[str, list] = defaultdict(list)
        for f in figs.values():
            by_dim[f["dim"]].append((f["brief"], frozenset(f["words"])))
        wts = {dim: measuresim.weights(ws) for dim, ws in by_dim.items()}
        res = {}
        for kind in KINDS:
            for x, y in d.get(kind, []):
                a, b = frozenset(figs[x]["words"]), frozenset(figs[y]["words"])
                res[(x, y)] = (measuresim.similarity(a, b, wts[figs[x]["dim"]]), word_match(a, b) or "",
                               measuresim.veto(a, b))
        out[name] = res
    return out


def neutral_phrase(fig: dict) -> str:
    """The phrase without words of how much, which way, against what base or by whom expected (the vetoes
    judge those): what is measured only."""
    from briefcmp.analysis.measuresim import _neutral

    keep = _neutral(frozenset(fig["words"]))
    return " ".join(s for w, s in fig.get("parts") or [] if w in keep) or fig["phrase"]


def model_scores(data: dict, embed, neutral: bool = False) -> dict[str, dict[tuple[str, str], float]]:
    """Cosine of the two figures' phrase embeddings, per pair (``neutral``: the phrases' measured words only)."""
    out = {}
    for name, d in data.items():
        figs = d["figures"]
        refs = sorted(figs)
        text = (lambda f: neutral_phrase(f)) if neutral else (lambda f: f["phrase"])
        vec = dict(zip(refs, embed([text(figs[r]) or "-" for r in refs]))) if refs else {}
        # a figure with no measured word: nothing for a model to compare
        out[name] = {(x, y): float(vec[x] @ vec[y]) if figs[x]["phrase"] and figs[y]["phrase"] else 0.0
                     for kind in KINDS for x, y in d.get(kind, [])}
    return out


def _fmt(x: float) -> str:
    return "-" if x != x else f"{x:.3f}"


def report(data: dict, lex: dict, mod: dict, model: str, summary_only: set[str]) -> list[str]:
    lines = []
    by_half: dict[str, list[str]] = defaultdict(list)
    for name, d in data.items():
        by_half[d["half"]].append(name)
    tuning = [h for h in by_half if h not in summary_only]
    order = sorted(by_half, key=lambda h: (h != "old", int(h[1:]) if h[1:].isdigit() else 0))
    groups = [(h, by_half[h]) for h in order]
    groups += [("tuning", [n for h in tuning for n in by_half[h]])]
    for label, names in groups:
        kinds = {k: [(n, p) for n in names for p in map(tuple, data[n].get(k, []))] for k in KINDS}
        L = {k: [lex[n][p][0] for n, p in v] for k, v in kinds.items()}
        M = {k: [mod[n][p] for n, p in v] for k, v in kinds.items()}
        # the model with the hard vetoes kept: a vetoed pair scores -1
        MV = {k: [(-1.0 if lex[n][p][2] else mod[n][p]) for n, p in v] for k, v in kinds.items()}
        neg = lambda S: S["block trap"] + S["other"]  # noqa: E731
        lines.append(f"{label:6} ({len(names):3} sets) pairs: gold {len(L['gold'])}, traps {len(L['trap'])} "
                     f"(in one block {len(L['block trap'])}), other {len(L['other'])}")
        for tag, S in (("lexical", L), (model, M), (model + " vetoed", MV)):
            bar, rec, prec = at_no_trap(S["gold"], S["block trap"], S["other"])
            lines.append(f"    {tag:40} AUC {_fmt(auc(S['gold'], neg(S)))} (vs block traps "
                         f"{_fmt(auc(S['gold'], S['block trap']))}, vs all traps {_fmt(auc(S['gold'], S['trap']))}, "
                         f"vs others {_fmt(auc(S['gold'], S['other']))}); above the best block trap ({_fmt(bar)}): "
                         f"recall {_fmt(rec)}, precision vs others {_fmt(prec)}")
        # the pairs whose measured words share nothing that says what is measured: the wording gap
        dis = {k: [(n, p) for n, p in v if disjoint(data[n]["figures"], p)] for k, v in kinds.items()}
        D = {k: [mod[n][p] for n, p in v] for k, v in dis.items()}
        DV = {k: [(-1.0 if lex[n][p][2] else mod[n][p]) for n, p in v] for k, v in dis.items()}
        for tag, S in ((model + " worded apart", D), (model + " worded apart, vetoed", DV)):
            bar, rec, prec = at_no_trap(S["gold"], S["block trap"], S["other"])
            lines.append(f"    {tag:40} pairs gold {len(S['gold'])}, block traps {len(S['block trap'])}, other "
                         f"{len(S['other'])}: AUC {_fmt(auc(S['gold'], neg(S)))}; above the best block trap "
                         f"({_fmt(bar)}): recall {_fmt(rec)}, precision vs others {_fmt(prec)}")
        from briefcmp.analysis.measuresim import JOIN
        over = {k: sum(1 for x in v if x >= JOIN) for k, v in L.items()}
        lines.append(f"    lexical >= JOIN ({JOIN}): gold {over['gold']}, other {over['other']}, "
                     f"block trap {over['block trap']}, any trap {over['trap']}")
    return lines


def disjoint(figs: dict, p: tuple[str, str]) -> bool:
    """Whether two figures' measured words both say what is measured and share none of those words."""
    from briefcmp.analysis.measuresim import _neutral

    a, b = (_neutral(frozenset(figs[r]["words"])) for r in p)
    return bool(a) and bool(b) and not a & b


def gain(data: dict, lex: dict, mod: dict, names: list[str], bar: float) -> dict:
    """What the vetoed model adds to lexical >= JOIN at ``bar``: gold joined, others and traps joined."""
    from briefcmp.analysis.measuresim import JOIN
    from briefcmp.analysis.measuresim import _neutral
    out = {"gold": 0, "other": 0, "block trap": 0, "trap": 0, "gold worded alike": 0}
    for n in names:
        figs = data[n]["figures"]
        for k in ("gold", "other", "block trap", "trap"):
            for p in map(tuple, data[n].get(k, [])):
                s, _, v = lex[n][p]
                if s < JOIN and not v and mod[n][p] > bar:
                    out[k] += 1
                    # the same measured words: only a base, an expectation or a vague word tells them apart,
                    # which the lexical method reads as a doubt on purpose (not a wording the model bridged)
                    a, b = (_neutral(frozenset(figs[r]["words"])) for r in p)
                    out["gold worded alike"] += k == "gold" and a == b
    return out


def added(data: dict, lex: dict, mod: dict, names: list[str], bar: float, kind: str) -> list[str]:
    """The pairs of ``kind`` the vetoed model above ``bar`` adds to lexical >= JOIN, as their phrases read."""
    from briefcmp.analysis.measuresim import JOIN
    out = []
    for n in names:
        figs = data[n]["figures"]
        for p in map(tuple, data[n].get(kind, [])):
            s, _, v = lex[n][p]
            if s < JOIN and not v and mod[n][p] > bar:
                out.append(f"{n}: {figs[p[0]]['phrase']!r} / {figs[p[1]]['phrase']!r} (lexical {s:.2f}, model "
                           f"{mod[n][p]:.2f})")
    return out


def antonyms(data: dict, lex: dict, mod: dict, names: list[str]) -> dict:
    """Traps and others that a hard veto of opposites or direction keeps apart: how the model scores them
    (an embedding puts "exports" near "imports")."""
    out = {"pairs": 0, "model_mean": 0.0, "model_ge_0.5": 0}
    vals = []
    for n in names:
        for k in ("trap", "other"):
            for p in map(tuple, data[n][k]):
                v = lex[n][p][2]
                if v.startswith("opposites") or v.startswith("a rise is no fall"):
                    vals.append(mod[n][p])
    out["pairs"] = len(vals)
    out["model_mean"] = round(sum(vals) / len(vals), 3) if vals else float("nan")
    out["model_ge_0.5"] = sum(1 for v in vals if v >= 0.5)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    ex = sub.add_parser("extract", help="run align on sets and keep their figures and pairs")
    ex.add_argument("--halves", default="", help="comma-separated halves (old,s2,...)")
    ex.add_argument("--sets", default="", help="comma-separated set names")
    ex.add_argument("--out", type=Path, required=True)
    sc = sub.add_parser("score", help="score the kept pairs by the lexical method and the models")
    sc.add_argument("cache", type=Path)
    sc.add_argument("--model", default="wordllama", choices=sorted(MODELS))
    sc.add_argument("--summary-only", default="s14", help="halves reported as summary lines only (check halves)")
    sc.add_argument("--show", type=float, default=None,
                    help="list the gold and other pairs of the tuning halves the vetoed model adds above this bar")
    args = ap.parse_args(argv)
    if args.cmd == "extract":
        hv = halves()
        names = [s for h in filter(None, args.halves.split(",")) for s in hv.get(h, [])]
        names += [s for s in args.sets.split(",") if s]
        if not names:
            print("no sets", file=sys.stderr)
            return 2
        extract(names, args.out)
        return 0
    data = json.loads(args.cache.read_text())
    t0 = time.perf_counter()
    try:
        embed = MODELS[args.model]()
    except ImportError as e:  # the model is no dependency of briefcmp
        print(f"{args.model}: {e} (pip install {args.model}: not a dependency of briefcmp)", file=sys.stderr)
        return 2
    print(f"{args.model}: loaded in {time.perf_counter() - t0:.2f} s")
    lex = lexical_scores(data)
    summary_only = set(filter(None, args.summary_only.split(",")))
    for neutral in (False, True):
        mod = model_scores(data, embed, neutral)
        label = args.model + ("(measured words only)" if neutral else "(phrase)")
        print(f"== {label}")
        _summary(data, lex, mod, label, summary_only)
        if args.show is not None:
            tuning = [n for n, d in data.items() if d["half"] not in summary_only]  # never a check half's text
            for kind in ("gold", "other", "block trap", "trap"):
                for line in added(data, lex, mod, tuning, args.show, kind):
                    print(f"  added {kind}: {line}")
    return 0


def _summary(data: dict, lex: dict, mod: dict, label: str, summary_only: set[str]) -> None:
    for line in report(data, lex, mod, label, summary_only):
        print(line)
    tuning = [n for n, d in data.items() if d["half"] not in summary_only]
    check = [n for n, d in data.items() if d["half"] in summary_only]
    trap_scores = [(-1.0 if lex[n][tuple(p)][2] else mod[n][tuple(p)])
                   for n in tuning for p in data[n].get("block trap", [])]
    bar = max(trap_scores, default=1.0)
    for label, names in (("tuning", tuning), ("check", check)):
        if names:
            print(f"{label}: what the vetoed model adds to lexical >= JOIN (gold (of which the same measured words) / "
                  f"other / block trap / any trap joined):")
            for b, why in ((bar, "the tuning halves' best block trap"), (0.95, ""), (0.9, ""), (0.8, ""), (0.7, ""),
                           (0.6, "")):
                g = gain(data, lex, mod, names, b)
                print(f"    above {b:.3f}{' (' + why + ')' if why else ''}: {g['gold']} ({g['gold worded alike']}) / "
                      f"{g['other']} / {g['block trap']} / {g['trap']}")
    for label, names in (("tuning", tuning), ("check", check)):
        if names:
            print(f"{label}: opposite/direction pairs (vetoed today): {antonyms(data, lex, mod, names)}")


if __name__ == "__main__":
    raise SystemExit(main())
