"""Why statements drafted on both sides are never keyed together (issue 22): the first difference of the likest pair.

For every gold pair of two briefs whose quotes are both drafted with a value and read as statements but are not
under one key after ``align --apply`` (``facts_losses``'s classes from ``actor`` to ``linked``), the likest two
statements (by the shipped linker) are compared in this order, and the pair counted under the first that differs:

- ``actor``, split by what the two actors are: ``state~organ`` (a country and an office, a person, a chamber, a
  capital or another body of a state), ``thing`` (one actor is no agent: an instrument, an act, a thing undergone),
  ``two states``, ``other``;
- ``action`` (neither one lemma, one kind of step, a WordNet sense nor opposites), with the verb pairs;
- ``object`` (no object word shared, weighed), ``period``, ``scope`` (one states which part, the other not),
  ``kind`` (role or value type);
- else ``alike`` (the linker's bar decides).

Tuning halves only: ``-v`` prints the quotes. Usage: python benchmarks/facts_firstdiff.py FOLDER ... [--cache DIR] [-v]
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT.parent))
sys.path.insert(0, str(ROOT))

import facts_losses  # noqa: E402

ORDER = ("actor", "action", "object", "period", "scope", "kind", "alike")


def _agent(actor: str, label: str) -> str:
    """"state", "organ" or "thing": what an actor id names."""
    from briefcmp.analysis.factrefs import _kind, capital_of
    from briefcmp.analysis.factsubjects import BODY_NOUNS, GOVERNMENT_NOUNS, INSTRUMENTS, NATIONAL_TITLES, _countries

    if actor in _countries():
        return "state"
    words = set(label.lower().replace("-", " ").split())
    if _kind(label) or capital_of(label) or words & (GOVERNMENT_NOUNS | BODY_NOUNS | NATIONAL_TITLES | {"junta",
                                                      "presidency", "court", "judge", "police", "army", "military"}):
        return "organ"
    if label[:1].isupper() and not words & INSTRUMENTS:
        return "organ"  # a name: a body, a company, a person
    return "thing"


def _written(st, entities) -> str:
    """The actor as its quote writes it ("Rama", "the Department of State"), else its label."""
    words = [re.escape(w) for w in st.actor.split("-") if w]
    m = re.search(r"\b" + r"\W+(?:\w+\W+)?".join(words), st.claim.quote, re.I) if words else None
    return m.group() if m else entities.label(st.actor)


def first_difference(a, b, f: dict[str, float], entities) -> tuple[str, str]:
    """(class, detail) of a pair's likest statements."""
    if not (f["actor_same"] or f["actor_stands_for"] or f["actor_part_of"]):
        kinds = sorted({_agent(a.actor, _written(a, entities)), _agent(b.actor, _written(b, entities))})
        if "thing" in kinds:
            sub = "thing"
        elif kinds == ["organ", "state"]:
            sub = "state~organ"
        elif kinds == ["state"]:
            sub = "two states"
        else:
            sub = "other"
        return f"actor {sub}", f"{a.actor} ~ {b.actor}"
    if not (f["action_same"] or f["action_family"] or f["action_wordnet"] or f["action_opposite"]):
        return "action", " ~ ".join(sorted((a.action, b.action)))
    if f["object_weighted"] <= 0.0 and not f["object_empty"]:
        return "object", f"{sorted(a.words)} ~ {sorted(b.words)}"
    if f["years_apart"] or not f["periods_meet"]:
        return "period", ""
    if a.scoped != b.scoped:
        return "scope", ""
    if not f["role_same"] or not f["type_same"]:
        return "kind", f"{a.role}/{a.claim.value.type} ~ {b.role}/{b.claim.value.type}"
    return "alike", ""


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folders", nargs="+")
    ap.add_argument("--cache", help="drafted sets kept here (as facts_losses.py --cache)")
    ap.add_argument("-v", "--verbose", action="store_true", help="print each pair's class and detail")
    args = ap.parse_args()
    from briefcmp.analysis.entities import Entities

    entities = Entities()
    total, details = Counter(), Counter()
    folders = facts_losses.gold_folders(args.folders)
    if folders is None:
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        for folder in folders:
            (Path(tmp) / "aligned").mkdir(exist_ok=True)
            likest: list = []
            facts_losses.losses(folder, Path(tmp), Path(args.cache) if args.cache else None, likest)
            for _, a, b, f, p in likest:
                cls, detail = first_difference(a, b, f, entities)
                total[cls] += 1
                if cls in ("action",) or cls.startswith("actor"):
                    details[(cls, detail)] += 1
                if args.verbose:
                    print(f"{folder.name} [{cls}] {detail} p={p:.2f}\n    {a.claim.quote[:150]!r}\n    "
                          f"{b.claim.quote[:150]!r}")
    print("first differences: " + ", ".join(f"{c} {n}" for c, n in sorted(total.items(), key=lambda kv: -kv[1]))
          + f" (of {sum(total.values())})")
    for (cls, detail), n in details.most_common(40):
        print(f"  {n:3} {cls}: {detail}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
