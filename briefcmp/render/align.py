"""`briefcmp align` output: each proposed group with its claims, values and why; plain text or JSON."""

from __future__ import annotations

import json
from typing import Optional

from briefcmp.analysis.align import AlignResult, Group
from briefcmp.analysis.decisions import DECISIONS_NAME, group_id
from briefcmp.analysis.missingevidence import missing, said
from briefcmp.render.layout import plain_width, wrap
from briefcmp.render.sanitize import terminal_safe


def render_text(result: AlignResult, applied: bool = False, width: Optional[int] = None, decided: int = 0,
                where: str = "PATH") -> str:
    """Plain text at ``width`` columns (default: ``plain_width()``); text from briefs is made terminal-safe.
    ``decided``: decisions recorded earlier (align-decisions.yaml), whose groups are no longer proposed;
    ``where``: the corpus as the commands to type name it."""
    width = width or plain_width()
    out: list[str] = []
    n, c = len(result.groups), len(result.candidates)
    out += wrap(f"briefcmp align: {result.considered} unkeyed claims (figures and statements); "
                f"{n} group{'s' * (n != 1)} to key{' (applied)' if applied and n else ''}, "
                f"{c} candidate{'s' * (c != 1)} (never applied)", width, "", "  ")
    undecided = c + (0 if applied else n)
    if undecided or decided:
        head = (f"{undecided} proposal{'s' * (undecided != 1)} undecided"
                + (f", {decided} decided earlier ({DECISIONS_NAME})" if decided else ""))
        command = f"briefcmp align {where} --review"
        hint = f"; decide each with: {command} (or --accept ID / --reject ID)" if undecided else ""
        if len(head + hint) <= width or not hint:
            out += wrap(head + hint, width, "", "  ")
        else:  # the command on a line of its own, whole
            out += wrap(head + "; decide each with:", width, "", "  ") + [f"  {command}"] + \
                wrap("(or --accept ID / --reject ID)", width, "  ", "  ")
    for title, groups in (("Groups", result.groups), ("Candidates (decide by hand)", result.candidates)):
        if not groups:
            continue
        out += ["", f"== {title} =="]
        for g in groups:
            out.append("")
            out += group_lines(g, width)
    if not n and not c:
        out.append("nothing to align: no unkeyed figures or statements of two briefs answer the same question")
    elif not n:
        out += ["", "nothing to apply"]
    return "\n".join(out) + "\n"


def group_lines(g: Group, width: int) -> list[str]:
    """One group: its key and question, its id, why, and each claim with its value, its as-of (and the
    one keying writes, when align reads the period otherwise) and its quote."""
    from briefcmp.analysis.alignedit import keyed_as_of

    what = "new key" if g.new else "join key"
    lines = wrap(terminal_safe(f"{what} {g.key}: {g.label}"), width, "", "  ")
    lines.append(f"  id: {group_id(g)}")
    lines += wrap(terminal_safe(f"why: {g.reason}"), width, "  ", "    ")
    if g.doubt:
        lines += wrap(terminal_safe(f"not applied: {g.doubt}"), width, "  ", "    ")
        lines += wrap(f"evidence missing: {said(g.doubt)}", width, "  ", "    ")
    for m in g.members:
        v = m.claim.value.display() if m.claim.value else ""
        when = f", as of {m.claim.as_of}{' (inferred)' if m.claim.as_of_inferred else ''}" if m.claim.as_of else ""
        keyed = keyed_as_of(m)
        if keyed and keyed != str(m.claim.as_of or ""):  # what keying writes, before the person says yes
            when += f"; keying sets {keyed}" if when else f", keying sets as of {keyed}"
        lines += wrap(terminal_safe(f"- {m.claim.ref}: {v}{when}"), width, "  ", "    ")
        lines += wrap(terminal_safe(f'"{m.claim.quote}"'), width, "      ", "       ")
    return lines


def as_dict(result: AlignResult, applied: bool = False, decided: int = 0) -> dict:
    def group(g: Group) -> dict:
        return {"key": g.key, "new": g.new, "label": g.label, "unit": g.unit, "subjects": list(g.subjects),
                "topics": list(g.topics), "sure": g.sure, "reason": g.reason, "doubt": g.doubt,
                "missing": list(missing(g.doubt)), "id": group_id(g),
                "score": g.score,
                "claims": [{"brief": m.claim.brief, "claim": m.claim.id, "quote": m.claim.quote,
                            "value": m.claim.value.display() if m.claim.value else "",
                            "as_of": str(m.claim.as_of) if m.claim.as_of else "",
                            "as_of_inferred": m.claim.as_of_inferred, "period": m.period,
                            "period_from": m.period_how,
                            "words": [m.shown[w] for w in m.order]} for m in g.members]}

    return {"version": 1, "command": "align", "considered": result.considered,
            "groups": [group(g) for g in result.groups], "candidates": [group(g) for g in result.candidates],
            "entities": dict(sorted(result.entities.items())),
            "undecided": len(result.candidates) + (0 if applied else len(result.groups)), "decided": decided}


def render_json(result: AlignResult, applied: bool = False, decided: int = 0) -> str:
    from briefcmp.corpus.safetext import json_visible

    return json_visible(json.dumps(as_dict(result, applied, decided), indent=2, ensure_ascii=False) + "\n")
