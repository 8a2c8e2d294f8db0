"""Measure `briefcmp annotate` on texts with a gold list of figures (``tests/drafting/``).

    python benchmarks/drafting_eval.py [tests/drafting/] [--misses] [--with-corpus briefs/]

The texts were written for the benchmark in domains the drafting rules were not
written from (a budget, an energy outlook, a trade dispute...). Each ``NAME.txt``
has a ``NAME.gold.yaml`` listing every figure a careful annotator would record:
``at`` (a phrase of the text holding the figure, unique in it) and ``value`` (as
in a claims file). Each text is drafted exactly as `briefcmp annotate NAME.txt`
drafts it, and drafted figures are matched one to one with the gold ones:

- same value: quantities by base amount, upper end and unit (durations in days;
  a count matches a count of the same amount whatever noun it counts, since the
  noun is wording), ranks by rank, dates by date;
- the drafted figure phrase overlaps the gold phrase;
- when the gold gives ``as_of`` (the Japanese and Korean texts do), the drafted period is that one.

recall = matched / gold; precision = matched / drafted, per text and overall. The
texts of ``tests/drafting/`` are the development set (the rules are tuned on them);
those of ``tests/drafting/heldout/`` are never tuned on: an energy-plan brief and a wire
story, written and measured before any tuning of issue 24, and a ministry release written
after it and measured once; and for issue 23 three Japanese and three Korean texts (see
benchmarks/RESULTS.md). They are scored and printed apart, and then per language: a gold file
says its ``language`` (English when it does not). The bundled corpus is scored by ``benchmarks/annotate_eval.py``;
``--with-corpus`` prints it too.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass, field
from pathlib import Path

import yaml  # benchmark input written by the project, not user input

from briefcmp.corpus import anchor, units
from briefcmp.corpus.model import PartialDate, Value
from briefcmp.drafting.annotate import AnnotateSettings, run_annotate
from briefcmp.drafting.draft import DraftClaim, same_value

_MEASURES = {"percent", "percentage-points", "times"}


@dataclass
class Gold:
    at: str
    value: Value
    span: tuple[int, int]
    as_of: str = ""  # the period as a claims file writes it; "" when the gold does not say


class Rates:
    """Recall (matched / expected) and precision (matched / drafted) of a score with those counts."""

    expected: int
    drafted: int
    matched: int

    @property
    def recall(self) -> float:
        return self.matched / self.expected if self.expected else 1.0

    @property
    def precision(self) -> float:
        return self.matched / self.drafted if self.drafted else 1.0


@dataclass
class TextScore(Rates):
    name: str
    gold: int
    drafted: int
    matched: int
    missed: list[Gold] = field(default_factory=list)
    extra: list[DraftClaim] = field(default_factory=list)
    language: str = "en"
    set: str = "dev"

    @property
    def expected(self) -> int:
        return self.gold


def gold_value(v: dict) -> Value:
    if "rank" in v:
        return Value("rank", amount=float(v["rank"]))
    if "date" in v:
        parts = [int(p) for p in str(v["date"]).split("-")]
        return Value("date", date=PartialDate(*parts))
    return Value("quantity", amount=float(v["amount"]), upper=float(v["upper"]) if "upper" in v else None,
                 scale=v.get("scale", ""), unit=str(v.get("unit", "")))


def is_count(v: Value) -> bool:
    unit = units.canonical_unit(v.unit)
    return (v.type == "quantity" and unit not in _MEASURES and not units.is_currency(unit)
            and units.comparable(unit, 0.0)[0] != "duration" and not units.is_physical(unit) and len(unit) != 3)


def fits(gold: Value, drafted: Value) -> bool:
    if gold.type == "quantity" and drafted.type == "quantity":
        if (gold.base_upper is None) != (drafted.base_upper is None):
            return False
        if gold.upper is not None and abs(gold.base_upper - drafted.base_upper) > 1e-6 * abs(gold.base_upper):
            return False
        if is_count(gold) and is_count(drafted):
            return abs((gold.base_amount or 0) - (drafted.base_amount or 0)) <= 1e-6 * max(abs(gold.base_amount or 0), 1)
        if gold.unit == "percent" and drafted.unit == "percent":
            return abs((gold.amount or 0) - (drafted.amount or 0)) < 0.05  # fractions in words: 33.3 vs 33.333...
    return same_value(gold, drafted)


def gold_info(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def load_gold(path: Path, norm: str) -> list[Gold]:
    data = gold_info(path)
    out = []
    for item in data["figures"]:
        at = anchor.normalise(item["at"])
        i = norm.find(at)
        if i < 0 or norm.find(at, i + 1) >= 0:
            raise SystemExit(f"{path}: gold phrase {item['at']!r} is {'missing from' if i < 0 else 'not unique in'} the text")
        out.append(Gold(item["at"], gold_value(item["value"]), (i, i + len(at)), str(item.get("as_of") or "")))
    return out


def score_text(source: Path, gold_path: Path) -> TextScore:
    norm = anchor.normalise(source.read_text(encoding="utf-8"))
    gold = load_gold(gold_path, norm)
    drafted = [c for c in run_annotate(AnnotateSettings(source=source)).draft.claims if c.value is not None]
    free = list(drafted)
    missed = []
    for g in gold:
        for d in free:
            span = d.figure_span or d.span
            if span[0] < g.span[1] and g.span[0] < span[1] and fits(g.value, d.value) and \
                    (not g.as_of or str(d.as_of) == g.as_of):
                free.remove(d)
                break
        else:
            missed.append(g)
    info = gold_info(gold_path)
    return TextScore(source.stem, len(gold), len(drafted), len(gold) - len(missed), missed, free,
                     info.get("language", "en"), "heldout" if gold_path.parent.name == "heldout" else "dev")


def evaluate(folder: Path) -> list[TextScore]:
    return [score_text(gold.with_name(gold.name.replace(".gold.yaml", ".txt")), gold)
            for gold in sorted(folder.glob("*.gold.yaml"))]


def table(scores: list) -> str:
    """Per text and overall; works for these scores and annotate_eval's (``gold`` or ``reviewed``)."""
    def n(s) -> int:
        return getattr(s, "gold", getattr(s, "reviewed", 0))
    matched, drafted, gold = (sum(s.matched for s in scores), sum(s.drafted for s in scores), sum(n(s) for s in scores))
    rows = [("text", "gold", "drafted", "matched", "recall", "precision")]
    for name, g, d, m in [*((getattr(s, "name", getattr(s, "brief", "")), n(s), s.drafted, s.matched) for s in scores),
                          ("overall", gold, drafted, matched)]:
        rows.append((name, str(g), str(d), str(m), f"{m / g if g else 1:.1%}", f"{m / d if d else 1:.1%}"))
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    lines = []
    for k, r in enumerate(rows):
        lines.append("  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(r, widths))))
        if k == 0 or k == len(rows) - 2:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines) + "\n"


def by_language(scores: list[TextScore]) -> str:
    """Recall and precision per language and set (dev: tuned on; heldout: only measured)."""
    groups: dict[tuple[str, str], list[TextScore]] = {}
    for s in scores:
        groups.setdefault((s.language, s.set), []).append(s)
    lines = ["language  set      texts  gold  drafted  matched  recall  precision"]
    for (lang, part), group in sorted(groups.items()):
        g, d, m = (sum(x.gold for x in group), sum(x.drafted for x in group), sum(x.matched for x in group))
        lines.append(f"{lang:<9} {part:<8} {len(group):>5} {g:>5} {d:>8} {m:>8} {m / g if g else 1:>7.1%} "
                     f"{m / d if d else 1:>10.1%}")
    return "\n".join(lines) + "\n"


def print_misses(name: str, missed: list[tuple[str, str, str]], extra: list[DraftClaim]) -> None:
    """The gold figures missed (where, value, text) and the drafted figures no gold one has."""
    for where, value, text in missed:
        print(f"missed  {where}: {value}  | {text}")
    for d in extra:
        print(f"extra   {name}#{d.id}: {d.value.display()} {d.as_of or ''}  ({d.phrase}) | {d.quote[:90]}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", nargs="?", default="tests/drafting", type=Path)
    parser.add_argument("--misses", action="store_true", help="list missed and extra figures")
    parser.add_argument("--with-corpus", type=Path, metavar="CORPUS", help="also score a reviewed corpus (briefs/)")
    args = parser.parse_args(argv)
    scores = evaluate(args.folder)
    if not scores:
        print(f"{args.folder}: no *.gold.yaml", file=sys.stderr)
        return 2
    sets = [("", scores)]
    heldout = args.folder / "heldout"
    if heldout.is_dir() and any(heldout.glob("*.gold.yaml")):
        sets = [(f"development set ({args.folder})\n", scores),
                (f"\nheld-out set ({heldout}: never tuned on)\n", evaluate(heldout))]
    for title, found in sets:
        sys.stdout.write(title + table(found))
        if args.misses:
            for s in found:
                print_misses(s.name, [(s.name, f"{g.value.display()} {g.as_of}".strip(), g.at) for g in s.missed],
                             s.extra)
    if len(sets) > 1 or any(s.language != "en" for s in scores):
        print()
        sys.stdout.write(by_language([s for _, found in sets for s in found]))
    if args.with_corpus:
        sys.path.insert(0, str(Path(__file__).parent))
        import annotate_eval
        print(f"\nbundled corpus ({args.with_corpus}: reviewed claims)")
        sys.stdout.write(table(annotate_eval.evaluate(args.with_corpus)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
