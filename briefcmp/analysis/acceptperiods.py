"""The periods a group a person accepts is keyed at: what its figures agree on is one period.

A review group often holds figures whose period ``align`` read ("in the September quarter": keying
sets 2024-07/2024-09) beside figures dated only by their brief's publication (an inferred as-of).
Accepted as it stands, the key holds one figure twice, for the quarter and for the publication day,
and ``compare`` shows a change over time, or nothing, where the briefs agree (walk nz-gdp-2024q3: 14 of
26 hand edits). When the group's dated figures give one period, each undated figure whose value agrees
with one of them (at its written precision, ``rounding.agree_rounded``) is keyed at that period too, and
the review shows it before the person answers ("keying sets"). A figure whose value differs keeps its
date: set at the period, it would be a contradiction nobody read; left apart, it is a change or nothing.
"""

from __future__ import annotations

from dataclasses import replace

from briefcmp.analysis.alignedit import keyed_as_of
from briefcmp.analysis.rounding import agree_rounded

AGREED = "agreed"  # Member.period_how for a period set so (alignedit._AS_OF_WHY says why in the claims file)


def _period(m) -> str:
    """The period ``m`` is keyed at: the one keying writes, else its own stated as-of ("" for none)."""
    c = m.claim
    return keyed_as_of(m) or (str(c.as_of) if c.as_of is not None and not c.as_of_inferred else "")


def reconciled(group):
    """``group`` with its undated figures that agree with a dated one keyed at the one period of its dated ones."""
    dated = [(m, _period(m)) for m in group.members]
    periods = {p for _, p in dated if p}
    if len(periods) != 1:
        return group
    (period,) = periods
    members, changed = [], False
    for m, p in dated:
        c = m.claim
        if not p and c.status == "draft" and c.value is not None and any(
                q and o.claim.value is not None and agree_rounded(c.value, o.claim.value, c.quote, o.claim.quote)
                for o, q in dated):
            m, changed = replace(m, period=period, period_how=AGREED), True
        members.append(m)
    return replace(group, members=members) if changed else group
