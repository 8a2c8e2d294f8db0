"""Commands of the CI gate: `check`, and `review` for reviewed conflicts."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import List, Optional

import typer

from briefcmp.cli.app import (
    EXIT_CLEAN, FORCE_OPT, OUTPUT_OPT, PATHS_ARG, Choice, app, corpus_shown, default_paths, fail, say,
)

# `plain` is the plain-text format of every command; `text` (its older name here) still works.
CHECK_FORMATS = Choice(("plain", "json", "github", "sarif", "auto"), {"text": "plain"})
FAIL_ON = Choice(("error", "warning", "contradiction", "never"),
                 {"errors": "error", "warnings": "warning", "contradictions": "contradiction"})


@app.command()
def check(
    paths: Optional[List[Path]] = PATHS_ARG,
    format: str = typer.Option("plain", "--format", "-f", click_type=CHECK_FORMATS,
                               help="Output format; auto is github when GITHUB_ACTIONS=true, else plain."),
    changed: bool = typer.Option(False, "--changed", help="Check only the claims files changed in git (see --base)."),
    base: Optional[str] = typer.Option(None, "--base", metavar="REF", show_default=False,
                                       help="With --changed: compare with the merge-base of REF and HEAD. "
                                            "Default: origin/main, else main, else HEAD (uncommitted changes)."),
    against: Optional[Path] = typer.Option(None, "--against", metavar="CORPUS", show_default=False,
                                           help="Check the claims files given as PATH (anywhere) against this corpus."),
    reviewed: Optional[Path] = typer.Option(None, "--reviewed", metavar="FILE", show_default=False,
                                            help="Reviewed-conflicts file. Default: reviewed.yaml in the corpus folder."),
    allow_stale: bool = typer.Option(False, "--allow-stale",
                                     help="Report stale reviewed conflicts as warnings, not errors."),
    verbose: bool = typer.Option(False, "--verbose", "-v",
                                 help="List reviewed and acknowledged conflicts, where their review is written "
                                      "(plain output counts them; json, github and sarif list them)."),
    hide_reviewed: bool = typer.Option(False, "--hide-reviewed", help="Do not list reviewed conflicts."),
    fail_on: str = typer.Option("error", "--fail-on", click_type=FAIL_ON,
                                help="Exit 1 on: error (problems and unreviewed contradictions), warning "
                                     "(also warnings), contradiction (only unreviewed contradictions), never."),
    exit_zero: bool = typer.Option(False, "--exit-zero", help="Always exit 0 unless the input is unusable."),
    select: Optional[List[str]] = typer.Option(None, "--select", metavar="RULE", show_default=False,
                                               help="Report only these rules (names or prefixes such as yaml, "
                                                    "comma-separated or repeated; ALL for every rule). Replaces "
                                                    "the select list of briefcmp.yaml's check: table."),
    ignore: Optional[List[str]] = typer.Option(None, "--ignore", metavar="RULE", show_default=False,
                                               help="Do not report these rules (names or prefixes). The most "
                                                    "specific of --select and --ignore decides; at equal "
                                                    "specificity --ignore wins, as in ruff."),
    statistics: bool = typer.Option(False, "--statistics",
                                    help="Print the number of problems of each rule instead of the problems."),
    max_per_rule: int = typer.Option(10, "--max-per-rule", metavar="N", min=0,
                                     help="Plain output: list at most N warnings of one rule and count the rest "
                                          "in one line (0: list all). Errors are always listed."),
    output: Optional[Path] = OUTPUT_OPT,
    force: bool = FORCE_OPT,
) -> None:
    """Validate claims files and report the conflicts they bring into the corpus.

    Problems are printed as path:line:col: severity: message [rule]. Conflicts
    (contradictions, disagreements, annotation problems) are found against every
    brief of the corpus and reported at the claims being checked; those listed in
    the reviewed file (or acknowledged by the claim) are shown as reviewed and do
    not fail the check. Exit 0 when clean, 1 when something reaches --fail-on,
    2 for unusable input.

    Rules are chosen with --select and --ignore, or for good in briefcmp.yaml:
    check: {select: [...], ignore: [...]}. The rules: contradiction,
    disagreement, annotation-problem, review-stale, acknowledgement-stale,
    draft-claim, no-topic, lonely-key, as-of-inferred, quote-not-found,
    quote-ambiguous, source-*, original-*, yaml-*, and the field rules
    (docs/ci.md lists them all).

    Example:

    \b
      briefcmp check briefs/ --fail-on warning
      briefcmp check --changed --base origin/main -f auto
      briefcmp check new-brief.claims.yaml --against briefs/
      briefcmp check my-briefs --ignore draft-claim --statistics
    """
    import os

    from briefcmp.corpus.load import InputError
    from briefcmp.gate.changed import repo_top
    from briefcmp.gate.check import CheckSettings, run_check
    from briefcmp.corpus.files import OutputError
    from briefcmp.render.output import color_allowed, deliver, stdout_is_terminal, terminal_width

    if statistics and format not in ("plain", "json", "auto"):  # a usage error, before anything is loaded
        raise fail(f"--statistics is printed as plain or json, not --format {format}")
    settings = CheckSettings(paths=list(paths or ()) if against else default_paths(paths),
                             changed=changed, base=base, against=against,
                             reviewed=reviewed, allow_stale=allow_stale, fail_on=fail_on,
                             select=_selectors(select), ignore=_selectors(ignore))
    try:
        gate = run_check(settings)
    except InputError as exc:
        raise fail(str(exc))
    selection = gate.selection
    if gate.focus is not None and not gate.focus and not gate.report.problems:
        say(f"briefcmp: no claims files to check ({selection.describe})")
    fmt = format
    if fmt == "auto":
        fmt = "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "plain"
    show_reviewed = not hide_reviewed and (verbose or fmt != "plain")
    color = False
    if statistics:
        from briefcmp.render.problems import render_statistics

        text = render_statistics(gate.combined(show_reviewed), "json" if fmt == "json" else "plain",
                                 corpus_shown(gate.report.load.corpus))
    elif fmt == "github":
        from briefcmp.render.github import github_chunks, render_markdown

        written = False
        summary_file = os.environ.get("GITHUB_STEP_SUMMARY", "")
        if summary_file:
            markdown = render_markdown(gate.report, gate.relations, gate.judgement, gate.focus,
                                       title=f"briefcmp check ({selection.describe})")
            from briefcmp.corpus.files import append_file

            try:  # appended (other steps write to the same summary); a FIFO with no reader is an error, not a hang
                append_file(summary_file, markdown)
                written = True
            except OutputError as exc:
                say(f"briefcmp: warning: cannot write the job summary (GITHUB_STEP_SUMMARY): {exc}")
        text = github_chunks(gate.report, gate.relations, gate.judgement, gate.focus,
                             show_reviewed=show_reviewed, summary_written=written)
    elif fmt == "sarif":
        from briefcmp.render.sarif import sarif_chunks

        root = os.environ.get("GITHUB_WORKSPACE")
        if not root:
            try:
                root = str(repo_top(Path.cwd()))
            except InputError:
                root = os.getcwd()
        text = sarif_chunks(gate.report, gate.relations, gate.judgement, gate.focus, root=Path(root))
    elif fmt == "plain" and output is None and stdout_is_terminal():  # wrapped at words, never mid-word
        from briefcmp.render.problems import render_terminal

        text = render_terminal(gate.combined(show_reviewed), terminal_width(), color_allowed(), max_per_rule)
    else:
        from briefcmp.render.problems import FORMATTERS

        color = output is None and color_allowed() and fmt == "plain"  # FORCE_COLOR into a pipe
        text = FORMATTERS[fmt](gate.combined(show_reviewed), color=color, corpus=corpus_shown(gate.report.load.corpus),
                               per_rule=max_per_rule if fmt == "plain" else 0)
    try:
        if color:
            from rich.console import Console

            Console(highlight=False, soft_wrap=True).print(text, end="")
        else:
            deliver(text, output, force)
    except OutputError as exc:
        raise fail(str(exc))
    if fmt == "plain":
        from briefcmp.render.problems import conflicts_line, summary

        say(summary(gate.combined(show_reviewed=False)))
        if gate.relations:
            reviewed_n = sum(1 for r in gate.relations if r.id in gate.judgement.suppressions)
            say(conflicts_line(len(gate.relations) - reviewed_n, reviewed_n, listed=show_reviewed))
    if verbose:
        from briefcmp.corpus import cache

        if cache.enabled() and cache.off_reason():
            say(f"briefcmp: running without a cache: {cache.off_reason()}")
    code = EXIT_CLEAN if exit_zero else gate.exit_code(settings.fail_on)
    raise typer.Exit(code)


def _selectors(values: Optional[List[str]]) -> tuple[str, ...]:
    """--select/--ignore values: repeated, comma-separated, or both (``--select yaml,quote``)."""
    return tuple(s.strip() for v in values or () for s in v.split(",") if s.strip())


review_app = typer.Typer(
    name="review", no_args_is_help=True, rich_markup_mode=None,
    help="List, add and prune reviewed conflicts (the corpus's reviewed.yaml).\n\n"
         "Example: briefcmp review list briefs",
    context_settings={"help_option_names": ["-h", "--help"]},
    suggest_commands=False,
)
app.add_typer(review_app, name="review")

REVIEW_CORPUS_OPT = typer.Option(None, "--corpus", "-C", metavar="PATH", show_default=False,
                                 help="The corpus folder (the same as giving PATH).")
REVIEW_PATH_ARG = typer.Argument(None, metavar="[PATH]", show_default=False,
                                 help="The corpus folder. Default: ./briefs if it exists, else the nearest "
                                      "folder upward holding briefcmp.yaml.")
REVIEW_FILE_OPT = typer.Option(None, "--reviewed", metavar="FILE", show_default=False,
                               help="Reviewed-conflicts file. Default: reviewed.yaml in the corpus folder.")


class ReviewStatus(str, Enum):
    accepted = "accepted"
    under_review = "under-review"


LIST_FORMATS = Choice(("plain", "json"), {"text": "plain"})


def _review_corpus(path: Optional[Path], corpus: Optional[Path]) -> list[Path]:
    if path is not None and corpus is not None and path != corpus:
        raise fail(f"give the corpus once: PATH {path} or --corpus {corpus}")
    chosen = path or corpus
    return default_paths([chosen] if chosen else None)


def _review_gate(paths: list[Path], reviewed: Optional[Path]):
    """The whole corpus checked against its reviewed file (exit 2 when unusable)."""
    from briefcmp.corpus.load import InputError
    from briefcmp.gate.check import CheckSettings, run_check

    try:
        return run_check(CheckSettings(paths=paths, reviewed=reviewed))
    except InputError as exc:
        raise fail(str(exc))


def _write_reviewed(gate, text: str) -> None:
    from briefcmp.corpus.files import OutputError, write_file

    try:
        # The tool's own file, edited in place. Like --reviewed PATH, a link to a reviewed file shared
        # between corpora is followed (it is read the same way), so it is not confined to the corpus.
        write_file(gate.reviewed.path, text, force=True)
    except OutputError as exc:
        raise fail(str(exc))


@review_app.command("list")
def review_list(
    path: Optional[Path] = REVIEW_PATH_ARG,
    corpus: Optional[Path] = REVIEW_CORPUS_OPT,
    reviewed: Optional[Path] = REVIEW_FILE_OPT,
    format: str = typer.Option("plain", "--format", "-f", click_type=LIST_FORMATS, help="Output format."),
) -> None:
    """List reviewed conflicts (marking stale ones) and the conflicts nobody has reviewed yet.

    Example: briefcmp review list briefs
    """
    import json

    from briefcmp.corpus.safetext import json_visible
    from briefcmp.gate.review import format_listing, listing
    from briefcmp.render.output import emit

    gate = _review_gate(_review_corpus(path, corpus), reviewed)
    for p in gate.reviewed.problems:
        say(p.format())
    data = listing(gate.reviewed, gate.judgement, gate.relations)
    emit(json_visible(json.dumps(data, indent=2, ensure_ascii=False) + "\n") if format == "json" else format_listing(data))


def _ids_and_path(args: list[str]) -> tuple[list[str], Optional[Path]]:
    """Split ``review add`` arguments into conflict ids (KEY:KIND:HASH) and at most one corpus folder."""
    ids, paths = [], []
    for a in args:
        (ids if a.count(":") >= 2 or not Path(a).exists() else paths).append(a)
    if len(paths) > 1:
        raise fail(f"give one corpus folder, not {len(paths)}: {', '.join(paths)}")
    return ids, Path(paths[0]) if paths else None


@review_app.command("add")
def review_add(
    ids: Optional[List[str]] = typer.Argument(None, metavar="[ID]... [PATH]", show_default=False,
                                              help="Conflict ids, as shown by `briefcmp check` or `review list`; "
                                                   "and optionally the corpus folder."),
    justification: str = typer.Option(..., "--justification", "-j", show_default=False,
                                      help="Why the conflict is acceptable (required)."),
    status: ReviewStatus = typer.Option(ReviewStatus.accepted, "--status", help="accepted or under-review."),
    reviewer: Optional[str] = typer.Option(None, "--reviewer", show_default=False,
                                           help="Who reviewed it. Default: git config user.name."),
    day: Optional[str] = typer.Option(None, "--date", metavar="YYYY-MM-DD", show_default=False,
                                      help="Date of the review. Default: today."),
    all_unreviewed: bool = typer.Option(False, "--all", help="Add every unreviewed conflict (one justification)."),
    replace: bool = typer.Option(False, "--replace", help="Review again a conflict that is already listed."),
    corpus: Path = REVIEW_CORPUS_OPT,
    reviewed: Optional[Path] = REVIEW_FILE_OPT,
) -> None:
    """Record conflicts as reviewed, with a justification, in the reviewed file (kept sorted).

    Example: briefcmp review add japan-russia-trade-total:contradiction:ad6338a5b8 briefs -j "CAP mislabels exports as trade"
    """
    from datetime import date

    from briefcmp.corpus.fields import parse_pdate
    from briefcmp.corpus.problems import suggest
    from briefcmp.gate.review import new_entry
    from briefcmp.gate.reviewed_edit import EditError, add_entries

    ids, path = _ids_and_path(ids or [])
    if not justification.strip():
        raise fail("--justification is empty; say why the conflict is acceptable")
    if bool(ids) == all_unreviewed:
        raise fail("give the conflict ids to add, or --all")
    if day is None:
        day = date.today().isoformat()
    elif len(day) != 10 or parse_pdate(day) is None:
        raise fail(f"--date {day!r}: expected a date YYYY-MM-DD")
    gate = _review_gate(_review_corpus(path, corpus), reviewed)
    if reviewer is None:
        from briefcmp.corpus.load import InputError
        from briefcmp.gate.changed import git

        try:
            reviewer = git(["config", "user.name"], gate.selection.root).strip()
        except InputError:  # no git, or no user.name: ask for it below
            reviewer = ""
    if not reviewer.strip():
        raise fail("give --reviewer NAME (git config user.name is not set)")
    by_id = {r.id: r for r in gate.relations}
    wanted = [r.id for r in gate.unreviewed()] if all_unreviewed else list(dict.fromkeys(ids or ()))
    for rid in wanted:
        if rid not in by_id:
            raise fail(f"{rid}: no conflict of the corpus has this id{suggest(rid, by_id)}; "
                       "see `briefcmp review list`")
    if not wanted:
        say("briefcmp: nothing to add: every conflict is reviewed")
        raise typer.Exit(EXIT_CLEAN)
    entries = [new_entry(by_id[rid], status.value, justification, reviewer, day) for rid in wanted]
    try:
        text = add_entries(gate.reviewed, entries, replace)
    except EditError as exc:
        raise fail(str(exc))
    _write_reviewed(gate, text)
    for e in entries:
        say(f"reviewed {e.id} ({', '.join(e.claims)}) in {gate.reviewed.shown}")


@review_app.command("prune")
def review_prune(
    path: Optional[Path] = REVIEW_PATH_ARG,
    dry_run: bool = typer.Option(False, "--dry-run", help="Only say which entries would be removed."),
    corpus: Optional[Path] = REVIEW_CORPUS_OPT,
    reviewed: Optional[Path] = REVIEW_FILE_OPT,
) -> None:
    """Remove stale entries (matching no current conflict) from the reviewed file.

    Entries naming a brief whose claims file does not load are kept until it loads again.

    Example: briefcmp review prune briefs --dry-run
    """
    from briefcmp.gate.reviewed_edit import EditError, remove_entries

    gate = _review_gate(_review_corpus(path, corpus), reviewed)
    complete = len(gate.report.load.corpus.briefs) == len(gate.report.load.files)
    gone = [s for s in gate.judgement.stale if complete or not s.brief_missing]
    for s in gate.judgement.stale:
        if s not in gone:
            say(f"kept {s.entry.id}: {s.reason}")
    if not gone:
        say(f"briefcmp: no stale entries in {gate.reviewed.shown}")
        raise typer.Exit(EXIT_CLEAN)
    if not dry_run:
        try:
            text = remove_entries(gate.reviewed, [s.entry.id for s in gone])
        except EditError as exc:
            raise fail(str(exc))
        _write_reviewed(gate, text)
    for s in gone:
        say(f"{'would remove' if dry_run else 'removed'} {s.entry.id}: {s.reason}")
