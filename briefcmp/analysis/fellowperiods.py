"""The period of one release, from its fellow reports, for a figure whose brief never states it (issue 21,
point 2): several outlets report one release within days, and one of them writes "the unemployment rate
went up to 6.2%" where the others write "6.2% in December".

Read before figures are grouped, figure by figure: a figure of fact that states no period takes the period
its *fellows* state, the figures of the same subject, unit and measure (``measure.word_match`` sure, not
only alike) published within ``evidence.RELEASE_DAYS`` days of it, in any report (its own brief included:
"Revenue 55.5bn" under a table of 2024), when its value agrees with every fellow of that period. Fellows of
several periods (the month and, as a base, the month before) give the latest, only when the value is that
period's and no earlier one's (``evidence._latest_only``): a slip repeating last month's value takes none.
A brief whose title, lead or figures state another period is left to it (``evidence.adopt_release_periods``);
one whose title states this one gives the brief's own period, its fellows agreeing (``brief``). A figure that
names its period's length ("in the quarter") takes only a period of that length; a forecast takes none.

The period is marked ``release`` (``Member.period_how``): weaker evidence than one stated
(``evidence.PERIOD_WEIGHT``), written by ``align --apply`` with a comment saying it was inferred from the
release, and never deciding a contradiction (``evidence.borrowed_unit``: such a figure whose value differs
from another report's of its period waits). Values choose only among the periods fellows state, never
whether two figures are one measure.
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from typing import Callable, Sequence

from briefcmp.analysis import evidence
from briefcmp.analysis import periods as _periods

STATED = ("stated", "relative", "drafted", "claim", "named")  # periods read from a text (not inferred)
RELEASE = "release"


def _fact(m) -> bool:
    return m.claim.kind == "fact" and not getattr(m, "view", False) and m.published is not None


def adopt(every: Sequence, word_match: Callable) -> list:
    """Give the figures of ``every`` that state no period the one their fellows state (module docstring).
    Blocked by subject, dimension and unit, and by day: a figure meets only the dated figures of its block
    published within ``RELEASE_DAYS``. Returns those that took one."""
    blocks: dict[tuple, list] = defaultdict(list)
    for m in every:
        if m.subjects and _fact(m):
            blocks[(m.subjects, m.dim, m.unit)].append(m)
    took = []
    window = evidence.RELEASE_DAYS
    for members in blocks.values():
        dated = sorted((o for o in members if o.period_how in STATED), key=lambda o: o.published)
        if not dated:
            continue
        days = [o.published.toordinal() for o in dated]
        for m in members:
            if m.period_how:
                continue
            day = m.published.toordinal()
            near = dated[bisect.bisect_left(days, day - window):bisect.bisect_right(days, day + window)]
            fellows: dict[str, dict] = defaultdict(dict)  # period -> distinct value -> a figure of it
            checked: dict[frozenset, str] = {}
            for o in near:
                if o.words not in checked:
                    checked[o.words] = word_match(m.words, o.words)
                if checked[o.words] == "sure":
                    fellows[o.period].setdefault((o.claim.value, o.unit), o)
            if not fellows:
                continue
            if len(fellows) == 1:
                period = next(iter(fellows))
                period = period if all(evidence.close(m, o) for o in fellows[period].values()) else ""
            else:
                period = evidence._latest_only(m, set(fellows), fellows)
            own = m.headline or m.hint  # the brief's own period (its lead's, or the one its figures state most)
            if not period or (own and own != period) or (
                    m.the_period and not _periods.fits_length(period, m.the_period)):
                continue
            m.period, m.period_how = period, "brief" if period == m.headline and m.headline_from == "title" else RELEASE
            took.append(m)
    return took
