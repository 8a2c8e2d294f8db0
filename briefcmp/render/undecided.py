"""What `align` would leave undecided, as the reports say it (``analysis.undecided``)."""

from __future__ import annotations

from briefcmp.analysis.crossref import Analysis
from briefcmp.render.words import count


def undecided_text(analysis: Analysis) -> str:
    """What `align` would leave undecided, and how to decide it ("" when nothing): said wherever
    the report could otherwise read as "no conflicts" while a conflict may wait in unkeyed figures or statements."""
    u = analysis.undecided
    if not u:
        return ""
    where = analysis.corpus_arg or "PATH"
    parts = []
    if u.sure:
        parts.append(f"{count(u.sure, 'group')} of claims to key (briefcmp align {where} --apply)")
    if u.candidates:
        parts.append(f"{count(u.candidates, 'candidate group')} to decide by hand (briefcmp align {where} "
                     f"--review asks about each, one keystroke a group; briefcmp align {where} lists them)")
    return (f"Undecided: {' and '.join(parts)}. Until then their claims share no key, so this report "
            f"cannot show whether they agree or conflict.")


def undecided_record(analysis: Analysis) -> dict:
    """The same for the JSON summary: counts, and the commands that decide them."""
    u = analysis.undecided
    where = analysis.corpus_arg or "PATH"
    return {"sure_groups": u.sure, "candidate_groups": u.candidates, "claims": u.claims,
            "decide": f"briefcmp align {where} --review", "list": f"briefcmp align {where}", "apply": f"briefcmp align {where} --apply"}
