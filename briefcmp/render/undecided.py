"""What `align` would leave undecided, as the reports say it (``analysis.undecided``).

Two cases: the counts the last `briefcmp align` run left for the corpus as it is now (groups it
would key, candidates for a person), or, when align has not run on it since it changed, how many
unkeyed claims wait to be lined up (``compare`` never runs align itself: it is slow to start).
"""

from __future__ import annotations

from briefcmp.analysis.crossref import Analysis
from briefcmp.render.words import count

_UNTIL = "Until then their claims share no key, so this report cannot show whether they agree or conflict."


def _where(analysis: Analysis) -> str:
    return analysis.corpus_arg or "PATH"


def undecided_text(analysis: Analysis) -> str:
    """What `align` would leave undecided, and how to decide it ("" when nothing): said wherever
    the report could otherwise read as "no conflicts" while a conflict may wait in unkeyed figures or statements."""
    u = analysis.undecided
    if not u:
        return ""
    where = _where(analysis)
    if not (u.sure or u.candidates):
        return (f"Not yet lined up: {count(u.unaligned, 'unkeyed claim')} (figures or statements); "
                f"briefcmp align {where} says whether any answer the same question across briefs (--review "
                "decides each, one keystroke a group).")
    parts = []
    if u.sure:
        parts.append(f"{count(u.sure, 'group')} of claims to key (briefcmp align {where} --apply)")
    if u.candidates:
        parts.append(f"{count(u.candidates, 'candidate group')} to decide by hand (briefcmp align {where} "
                     f"--review asks about each, one keystroke a group; briefcmp align {where} lists them)")
    return f"Undecided: {' and '.join(parts)}. {_UNTIL}"


def undecided_head(analysis: Analysis) -> str:
    """The terminal's short heading: "Undecided (3 candidate groups, 2 groups to key: 11 claims share no key)"."""
    u = analysis.undecided
    if not (u.sure or u.candidates):
        return (f"{count(u.unaligned, 'unkeyed claim')} not yet lined up: briefcmp align {_where(analysis)} "
                "says whether any answer the same question")
    parts = [count(u.candidates, "candidate group")] if u.candidates else []
    if u.sure:
        parts.append(count(u.sure, "group") + " to key")
    return f"Undecided ({', '.join(parts)}: {count(u.claims, 'claim')} share no key yet)"


def undecided_steps(analysis: Analysis) -> list[tuple[str, str]]:
    """The commands that decide it, each with what it does (the terminal shows one a line)."""
    u = analysis.undecided
    where = _where(analysis)
    steps = []
    if u.candidates:
        steps.append(("decide each (one keypress a group)", f"briefcmp align {where} --review"))
    if u.sure:
        steps.append(("key the sure " + ("ones" if u.sure > 1 else "one"), f"briefcmp align {where} --apply"))
    steps.append(("list them", f"briefcmp align {where}"))
    return steps


def undecided_record(analysis: Analysis) -> dict:
    """The same for the JSON summary: counts (null when align has not run on the corpus as it is),
    and the commands that decide them."""
    u = analysis.undecided
    where = _where(analysis)
    known = bool(u.sure or u.candidates)
    return {"sure_groups": u.sure if known else None, "candidate_groups": u.candidates if known else None,
            "claims": u.claims if known else u.unaligned, "aligned": known,
            "decide": f"briefcmp align {where} --review", "list": f"briefcmp align {where}",
            "apply": f"briefcmp align {where} --apply"}
