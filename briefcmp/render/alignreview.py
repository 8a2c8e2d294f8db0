"""`briefcmp align --review`: one proposed group as the prompt shows it, the prompt line, the help.

Every text from a brief (quotes, labels drafted from its words) goes through
``render.sanitize.terminal_safe``, as in `align`'s listing (``render.align.group_lines``).
"""

from __future__ import annotations

from typing import Optional, Sequence

from briefcmp.analysis.align import Group
from briefcmp.render.align import group_lines
from briefcmp.render.layout import PLAIN_WIDTH, wrap
from briefcmp.render.sanitize import terminal_safe

KEYS = "y,n,e,s,q,?"

_HELP = (("y", "key these claims together (as align --apply would: the key into briefcmp.yaml and the claims files)"),
         ("n", "not the same question: never propose these claims together again"),
         ("e", "edit the question and key id of a new key, and claims' values (a number, a date, a word) and "
               "as-of dates (2022-02-23, 2022-03, START/END), then decide"),
         ("s", "split the group: choose which claims go together; the others are proposed apart, after it"),
         ("q", "quit; the decisions made are kept, the rest stay undecided (run --review again to resume)"),
         ("?", "print this help"))


def help_text(width: int = PLAIN_WIDTH) -> str:
    """The keys and what each does, wrapped at word boundaries to ``width`` under a hanging indent
    (a terminal folding a long line mid-word is unreadable at 60 or 80 columns)."""
    return "".join("\n".join(wrap(f"{k} - {what}", width, "", "    ")) + "\n" for k, what in _HELP)


UNDER_SHOWN = 3  # claims already under a key shown beside a group joining it


def view(group: Group, width: int, under: Sequence = ()) -> str:
    """The group: key, question, id, why, and each claim with its value, period and quote. ``under``: the
    claims already under the key a group joins, a few of them shown after it, so that a person compares
    what joins with what is there (the question alone rarely tells)."""
    head = "sure (--apply would key these)" if group.sure else "candidate"
    lines = ["", f"[{head}]", *group_lines(group, width)]
    if under and not group.new:
        lines += wrap(terminal_safe(f"already under {group.key} ({len(under)} claim{'s' * (len(under) != 1)}):"),
                      width, "  ", "    ")
        for c in under[:UNDER_SHOWN]:
            v = c.value.display() if c.value else ""
            when = f", as of {c.as_of}{' (inferred)' if c.as_of_inferred else ''}" if c.as_of else ""
            lines += wrap(terminal_safe(f"= {c.ref}: {v}{when}"), width, "  ", "    ")
            lines += wrap(terminal_safe(f'"{c.quote}"'), width, "      ", "       ")
        if len(under) > UNDER_SHOWN:
            lines.append(f"    and {len(under) - UNDER_SHOWN} more")
    return "\n".join(lines) + "\n"


def prompt(index: int, total: int, group: Optional[Group] = None) -> str:
    """The question: a group joining a key already written is asked as adding to that key."""
    if group is not None and not group.new:
        what = "this" if len(group.members) == 1 else "these"
        return terminal_safe(f"({index}/{total}) Add {what} to {group.key} [{KEYS}]? ", one_line=True)
    return f"({index}/{total}) Key these together [{KEYS}]? "


def numbered(group: Group) -> str:
    """The claims numbered, for a split."""
    out = []
    for i, m in enumerate(group.members, 1):
        v = m.claim.value.display() if m.claim.value else ""
        out.append(terminal_safe(f"  {i}  {m.claim.ref}: {v}", one_line=True))
    return "\n".join(out) + "\n"


def summary(decided: int, left: int, path: str, width: int = PLAIN_WIDTH) -> str:
    """The closing line of a review, wrapped at word boundaries to ``width``."""
    text = f"{decided} decision{'s' * (decided != 1)} recorded in {terminal_safe(path, one_line=True)}"
    if left:
        text += f"; {left} proposal{'s' * (left != 1)} left undecided (run briefcmp align --review again to resume)"
    return "\n".join(wrap(text, width, "", "  ")) + "\n"
