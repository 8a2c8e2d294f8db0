"""`briefcmp align`: propose (and with --apply write) keys that line unkeyed figures and statements up
across briefs."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import List, Optional

import typer

from briefcmp.cli.app import PATHS_ARG, app, fail, say


class AlignFormat(str, Enum):
    plain = "plain"
    json = "json"


@app.command()
def align(
    paths: Optional[List[Path]] = PATHS_ARG,
    apply: bool = typer.Option(False, "--apply", help="Write the sure groups: keys (and the entities they "
                               "name) into briefcmp.yaml, each key into its claims. Candidates are never written."),
    fmt: AlignFormat = typer.Option(AlignFormat.plain, "--format", "-f", help="plain or json."),
) -> None:
    """Propose keys for unkeyed figures and statements: registered keys they answer, or new keys shared across briefs.

    Figures line up when their subjects, unit and measured thing agree; statements
    (categories and stances, as `annotate --sentences` drafts them) when their actor,
    action and object agree and their periods overlap or are not stated. Each group is
    shown with its claims, values and why (shared words, subject, unit or action, period). --apply writes
    the sure groups as text edits: comments, order and untouched lines stay as they were,
    each file is re-parsed before an atomic write, and a second run proposes nothing new.
    Unsure matches are listed as candidates to decide by hand and never written. Exit 0
    (also when there is nothing to align), 2 on unusable input.

    Example: briefcmp align my-briefs --apply && briefcmp compare my-briefs
    """
    from briefcmp.analysis.align import align as run_align
    from briefcmp.analysis.alignedit import AlignError, apply_plan
    from briefcmp.cli.analysis import _analysis_corpus
    from briefcmp.render.align import render_json, render_text
    from briefcmp.render.layout import PLAIN_WIDTH
    from briefcmp.render.output import emit, stdout_is_terminal, terminal_width

    corpus = _analysis_corpus(paths)
    result = run_align(corpus)
    written: list[Path] = []
    if apply and result.groups:
        try:
            written = apply_plan(result, corpus)
        except (AlignError, OSError) as exc:
            raise fail(f"align --apply: {exc}")
    if fmt == AlignFormat.json:
        emit(render_json(result))
    else:
        width = terminal_width() if stdout_is_terminal() else PLAIN_WIDTH  # piped: one fixed width
        emit(render_text(result, applied=bool(written), width=width))
    for p in written:
        say(f"updated {p}")
