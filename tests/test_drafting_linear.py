"""Drafting takes linear time on any input (issue 25, item 6).

One text mixes the inputs that once took superlinear time: figures repeated in one run
(``1%1%...``, ``0% 0% ...``, ``$1$1...``), a sentence repeated thousands of times, hyphen and
dot runs (the e-mail and domain patterns), ``Notes`` headings, and thousands of distinct
two-word sentences. The text is doubled from 10 to 160 kB; each doubling may at most double
the CPU time (with slack: the suite shares the machine), where the old code grew 4-6 times
a step (160 kB: 131 s on main, 0.7 s here). CPU time of this process, not wall time: other
processes on the machine do not count.
"""

from __future__ import annotations

import time

from briefcmp.analysis.document import Document
from briefcmp.drafting.draft import BriefMeta, build_draft

# (unit, share of the text). Runs of figures come as lines of constant length, so the work per
# figure is the same at every size; only what grows with the text shows.
MIX = [("a-", 0.25), ("a.b+", 0.2), ("\nNotes\n", 0.1), ("1.", 0.05), ("x ", 0.1),
       ("Exports rose 5% to $12 billion in 2023, the ministry said. ", 0.1),
       ("1%" * 200 + "\n\n", 0.05), ("0% " * 130 + "\n\n", 0.05), ("$1" * 200 + "\n\n", 0.05)]
SIZES = (10_000, 20_000, 40_000, 80_000, 160_000)
SLACK = 1.5  # each doubling: at most 2 x 1.5 = 3 times the time (the old code: 4 to 6 times)


def hostile_text(n: int) -> str:
    parts = [(unit * (int(n * share) // len(unit) + 1))[:int(n * share)] for unit, share in MIX]
    parts.append("".join(f"Up {i}%. " for i in range(int(n * 0.05) // 10)))
    return "Title\n\n" + "\n\n".join(parts) + "\n"


def draft_seconds(text: str) -> float:
    meta = BriefMeta(id="x", title="", source="s.txt", source_sha256="")
    start = time.process_time()
    build_draft(text, meta=meta, document=Document(text))
    return time.process_time() - start


def test_drafting_time_at_most_doubles_when_the_input_doubles() -> None:
    draft_seconds(hostile_text(SIZES[0]))  # warm up: lazy imports, word lists
    times = [min(draft_seconds(hostile_text(n)) for _ in range(2 if n <= 20_000 else 1)) for n in SIZES]
    shown = ", ".join(f"{n // 1000} kB: {t:.3f} s" for n, t in zip(SIZES, times))
    for (n, t), t2 in zip(zip(SIZES, times), times[1:]):
        assert t2 <= 2 * SLACK * t + 0.02, f"{2 * n // 1000} kB took {t2 / t:.1f} times {n // 1000} kB ({shown})"
    assert times[-1] <= 16 * SLACK * times[0] + 0.05, shown
