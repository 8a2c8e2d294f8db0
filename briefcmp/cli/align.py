"""`briefcmp align`: propose (and with --apply write) keys that line unkeyed figures and statements up
across briefs."""

from __future__ import annotations

import shlex
from enum import Enum
from pathlib import Path
from typing import List, Optional

import typer

from briefcmp.cli.app import PATHS_ARG, app, corpus_shown, fail, say


class AlignFormat(str, Enum):
    plain = "plain"
    json = "json"


@app.command()
def align(
    paths: Optional[List[Path]] = PATHS_ARG,
    apply: bool = typer.Option(False, "--apply", help="Write the sure groups: keys (and the entities they "
                               "name) into briefcmp.yaml, each key into its claims. Candidates are never written."),
    fmt: AlignFormat = typer.Option(AlignFormat.plain, "--format", "-f", help="plain or json."),
    review: bool = typer.Option(False, "--review", help="Decide each proposal one keystroke at a time, as git add "
                                "-p: y key together, n not the same question, e edit, s split, q quit, ? help. "
                                "With --apply, the sure groups are written first and the candidates asked."),
    accept: Optional[List[str]] = typer.Option(None, "--accept", metavar="ID", help="Key the group with this id "
                                               "(as align prints it; repeat, or separate with commas)."),
    reject: Optional[List[str]] = typer.Option(None, "--reject", metavar="ID", help="Record that the group with "
                                               "this id is not one question: it is never proposed again."),
) -> None:
    """Propose keys for unkeyed figures and statements: registered keys they answer, or new keys shared across briefs.

    Figures line up when their subjects, unit and measured thing agree; statements
    (categories and stances, as `annotate --sentences` drafts them) when their actor,
    action and object agree and their periods overlap or are not stated. Each group is
    shown with its claims, values and why (shared words, subject, unit or action, period). --apply writes
    the sure groups as text edits: comments, order and untouched lines stay as they were,
    each file is re-parsed before an atomic write, and a second run proposes nothing new.
    Unsure matches are listed as candidates to decide by hand and never written, each
    saying what evidence is missing; statements come likest first, down to some only
    weakly alike (a few per actor), since a person decides what align cannot.

    Each proposal has a stable id (c- and six hex digits, from its claims). Decide it in a
    terminal with --review (a single keypress each; line input when stdin is not a
    terminal), or in scripts with --accept ID and --reject ID. Decisions are written as
    they are made to align-decisions.yaml in the corpus: a rejected group is never proposed
    again, and a review that stopped resumes at the first undecided proposal. As --apply runs
    to a fixed point, --review reads the corpus again once every proposal is answered and asks
    what the decisions made possible (with --apply, the sure groups of that reading are written). Exit 0 (also
    when there is nothing to align), 2 on unusable input, an unknown id or a usage error, 130
    when a review is interrupted (Ctrl-C; the decisions made are kept).

    Example: briefcmp align my-briefs --apply && briefcmp compare my-briefs
    """
    from briefcmp.analysis.align import AlignResult
    from briefcmp.analysis.decide import start
    from briefcmp.cli.alignreview import decide_ids, interactive, load_decisions, reloader, split_ids
    from briefcmp.cli.analysis import _analysis_corpus, remember_undecided
    from briefcmp.render.align import render_json, render_text
    from briefcmp.render.layout import plain_width
    from briefcmp.render.output import emit, stdout_is_terminal, terminal_width

    ids = {"accept": split_ids(accept), "reject": split_ids(reject)}
    if review and (ids["accept"] or ids["reject"]):
        raise fail("--review asks about each group; --accept and --reject decide given ids: use one or the other")
    if review and fmt == AlignFormat.json:
        raise fail("--review is interactive; --format json lists the proposals without deciding")

    def read():  # the corpus, its decisions and align's proposals, as they stand now
        corpus = _analysis_corpus(paths)
        store = load_decisions(corpus)
        asking = bool(review or ids["accept"] or ids["reject"])  # (a listing and --apply: align's own proposals)
        return corpus, store, start(corpus, reloader(paths), store, asking=asking)

    corpus, store, session = read()
    result = first = session.result
    written: list[Path] = []
    applied: list = []
    entities: dict = {}
    # --apply runs to a fixed point: a key written may register an entity (a canal, a fund) that the next
    # reading of every brief names, making more groups sure; those are written too, so that a second
    # `align --apply` proposes nothing (read again only after an entity was registered, and never with
    # --review/--accept/--reject, which decide on the first reading; at most APPLY_ROUNDS readings)
    once = review or ids["accept"] or ids["reject"]
    for round_ in range(APPLY_ROUNDS if apply else 0):
        if round_:
            corpus, store, session = read()
            result = session.result
        if not result.groups:
            break
        now = _write(result, corpus)
        written += [p for p in now if p not in written]
        applied += result.groups
        entities.update(result.entities)
        if once or not result.entities:
            break  # (only an entity registered changes how the next reading reads the briefs)
    if applied:  # every group written, the candidates of the last reading, the unkeyed claims of the first
        result = AlignResult(groups=applied, candidates=result.candidates, entities=entities,
                             considered=first.considered)
    if review or ids["accept"] or ids["reject"]:
        # keys --apply just wrote are registered: the candidates to join them are asked (the reading predates them)
        session.labels.update({g.key: g.label for g in applied if g.new})

        def again():  # the next round of --review: align on the corpus as decided; with --apply, its sure groups written
            corpus, _, fresh = read()
            if apply and fresh.result.groups:
                fresh.labels.update({g.key: g.label for g in fresh.result.groups if g.new})
                _write(fresh.result, corpus)
            return fresh

        try:
            code = interactive(session, skip_sure=bool(written), again=again) if review else \
                decide_ids(session, ids["accept"], ids["reject"], skip_sure=bool(written))
        finally:  # what compare says is left undecided: the corpus as decided so far
            remember_undecided(paths)
        raise typer.Exit(code)
    remember_undecided(paths, None if written else _counts(result))
    decided = len(store.last())
    if fmt == AlignFormat.json:
        emit(render_json(result, applied=bool(written), decided=decided))
    else:
        width = terminal_width() if stdout_is_terminal() else plain_width()  # piped: $COLUMNS, else unwrapped
        emit(render_text(result, applied=bool(written), width=width, decided=decided,
                         where=shlex.quote(corpus_shown(corpus))))


# Readings of the corpus `--apply` makes at most: the first keys what it finds; a later one what the keys written
# made sure (in practice one more reading suffices; the bound keeps a run's cost fixed).
APPLY_ROUNDS = 3


def _write(result, corpus) -> list[Path]:
    """The sure groups of one reading written, as --apply writes them; the files updated."""
    from briefcmp.analysis.align import AlignResult
    from briefcmp.analysis.alignedit import AlignError, apply_plan

    try:
        now = apply_plan(AlignResult(groups=result.groups, entities=result.entities,
                                     considered=result.considered), corpus)
    except (AlignError, OSError) as exc:
        raise fail(f"align --apply: {exc}")
    for p in now:
        say(f"updated {p}")
    return now


def _counts(result):
    """What this run of align leaves undecided (as ``analysis.undecided.undecided`` counts it)."""
    from briefcmp.analysis.undecided import Undecided

    refs = {m.claim.ref for g in (*result.groups, *result.candidates) for m in g.members}
    return Undecided(len(result.groups), len(result.candidates), len(refs))
