"""The command line: parse options, call the core, render, set the exit code.

Every command imports what it needs inside its body, so ``briefcmp --help``
loads nothing but typer. Exit codes: 0 clean, 1 findings, 2 usage or unusable input.
"""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import List, Optional

import typer

from briefcmp import __version__

EXIT_CLEAN, EXIT_FINDINGS, EXIT_INPUT = 0, 1, 2

app = typer.Typer(
    name="briefcmp",
    help="Cross-reference the claims of policy briefs: agreements, contradictions and topic coverage.",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"briefcmp {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                 help="Show the version and exit."),
    no_cache: bool = typer.Option(False, "--no-cache",
                                  help="Do not read or write the cache of loaded claims files "
                                       "(also BRIEFCMP_NO_CACHE=1)."),
) -> None:
    """Cross-reference the claims of policy briefs: agreements, contradictions and topic coverage.

    Example: briefcmp compare briefs/
    """
    if no_cache:
        from briefcmp.corpus import cache

        cache.disable()


def fail(message: str, code: int = EXIT_INPUT) -> typer.Exit:
    """Print ``briefcmp: error: message`` on stderr and return the Exit to raise."""
    typer.echo(f"briefcmp: error: {message}", err=True)
    return typer.Exit(code)


PATHS_ARG = typer.Argument(None, metavar="PATH", show_default=False,
                           help="Corpus folder(s) or claims files. Default: ./briefs")
OUTPUT_OPT = typer.Option(None, "--output", "-o", help="Write to this file (atomically) instead of stdout.")
FORCE_OPT = typer.Option(False, "--force", help="Replace an existing --output file.")


def default_paths(paths: Optional[List[Path]]) -> list[Path]:
    return list(paths) if paths else [Path("briefs")]


# --------------------------------------------------------------------------- check


class CheckFormat(str, Enum):
    text = "text"
    json = "json"
    github = "github"
    sarif = "sarif"
    auto = "auto"


class FailOn(str, Enum):
    error = "error"
    warning = "warning"
    contradiction = "contradiction"
    never = "never"


@app.command()
def check(
    paths: Optional[List[Path]] = PATHS_ARG,
    format: CheckFormat = typer.Option(CheckFormat.text, "--format", "-f",
                                       help="Output format; auto is github when GITHUB_ACTIONS=true, else text."),
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
    hide_reviewed: bool = typer.Option(False, "--hide-reviewed", help="Do not list reviewed conflicts."),
    fail_on: FailOn = typer.Option(FailOn.error, "--fail-on",
                                   help="Exit 1 on: error (problems and unreviewed contradictions), warning "
                                        "(also warnings), contradiction (only unreviewed contradictions), never."),
    exit_zero: bool = typer.Option(False, "--exit-zero", help="Always exit 0 unless the input is unusable."),
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

    Example:

    \b
      briefcmp check briefs/ --fail-on warning
      briefcmp check --changed --base origin/main --format auto
      briefcmp check new-brief.claims.yaml --against briefs/
    """
    import os

    from briefcmp.gate.changed import repo_top
    from briefcmp.gate.check import CheckSettings, run_check
    from briefcmp.corpus.load import InputError
    from briefcmp.render.output import OutputError, color_allowed, deliver

    settings = CheckSettings(paths=list(paths or ()) if against else default_paths(paths),
                             changed=changed, base=base, against=against,
                             reviewed=reviewed, allow_stale=allow_stale, fail_on=fail_on.value)
    try:
        gate = run_check(settings)
    except InputError as exc:
        raise fail(str(exc))
    selection = gate.selection
    if gate.focus is not None and not gate.focus and not gate.report.problems:
        typer.echo(f"briefcmp: no claims files to check ({selection.describe})", err=True)
    fmt = format.value
    if fmt == "auto":
        fmt = "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"
    show_reviewed = not hide_reviewed
    color = False
    if fmt == "github":
        from briefcmp.render.github import render_github, render_markdown

        written = False
        summary_file = os.environ.get("GITHUB_STEP_SUMMARY", "")
        if summary_file:
            markdown = render_markdown(gate.report, gate.relations, gate.judgement, gate.focus,
                                       title=f"briefcmp check ({selection.describe})")
            try:  # appended: other steps write to the same summary
                with open(summary_file, "a", encoding="utf-8") as fh:
                    fh.write(markdown)
                written = True
            except OSError as exc:
                typer.echo(f"briefcmp: warning: cannot write the job summary {summary_file}: {exc.strerror}", err=True)
        text = render_github(gate.report, gate.relations, gate.judgement, gate.focus,
                             show_reviewed=show_reviewed, summary_written=written)
    elif fmt == "sarif":
        from briefcmp.render.sarif import render_sarif

        root = os.environ.get("GITHUB_WORKSPACE")
        if not root:
            try:
                root = str(repo_top(Path.cwd()))
            except InputError:
                root = os.getcwd()
        text = render_sarif(gate.report, gate.relations, gate.judgement, gate.focus, root=Path(root))
    else:
        from briefcmp.render.problems import FORMATTERS

        color = output is None and color_allowed() and fmt == "text"
        text = FORMATTERS[fmt](gate.combined(show_reviewed), color=color)
    try:
        if color:
            from rich.console import Console

            Console(highlight=False, soft_wrap=True).print(text, end="")
        else:
            deliver(text, output, force)
    except OutputError as exc:
        raise fail(str(exc))
    if fmt == "text":
        from briefcmp.render.problems import summary

        typer.echo(summary(gate.combined(show_reviewed=False)), err=True)
        if gate.relations:
            reviewed_n = sum(1 for r in gate.relations if r.id in gate.judgement.suppressions)
            typer.echo(f"conflicts with the corpus: {len(gate.relations) - reviewed_n} unreviewed, "
                       f"{reviewed_n} reviewed", err=True)
    code = EXIT_CLEAN if exit_zero else gate.exit_code(settings.fail_on)
    raise typer.Exit(code)


# --------------------------------------------------------------------------- schema


class SchemaName(str, Enum):
    claims = "claims"
    config = "config"
    report = "report"


@app.command()
def schema(
    name: SchemaName = typer.Argument(SchemaName.claims, help="Which schema: claims files, the corpus config, "
                                      "or the JSON report of compare/coverage/claims/briefs."),
    write: Optional[Path] = typer.Option(None, "--write", help="Write both schemas into this folder "
                                         "(e.g. briefs/schemas) for editors to use."),
    force: bool = typer.Option(False, "--force", help="Replace existing schema files."),
) -> None:
    """Print the JSON Schema of claims files, of the corpus config, or of the JSON reports.

    Claims files point editors at it with a first line like
    # yaml-language-server: $schema=schemas/claims.schema.json

    Example: briefcmp schema claims > claims.schema.json
    """
    from briefcmp.render.output import OutputError, emit, write_file
    from briefcmp.schemas import NAMES, schema_text

    if write is None:
        emit(schema_text(name.value))
        raise typer.Exit(EXIT_CLEAN)
    try:
        write.mkdir(parents=True, exist_ok=True)
        for n in NAMES:
            target = write / f"{n}.schema.json"
            if target.exists() and target.read_text(encoding="utf-8") == schema_text(n):
                continue
            write_file(target, schema_text(n), force)
            typer.echo(f"wrote {target}", err=True)
    except (OutputError, OSError) as exc:
        raise fail(str(exc))


# --------------------------------------------------------------------------- init


@app.command()
def init(
    folder: Path = typer.Argument(..., help="Folder for the new corpus (created if missing)."),
) -> None:
    """Scaffold a new corpus: config, one example brief with its source, and the schemas.

    A folder that already holds a corpus is refused (exit 2); other existing files are
    kept, never overwritten. The result passes `briefcmp check`.

    Example: briefcmp init my-briefs && briefcmp check my-briefs
    """
    from briefcmp.corpus.scaffold import ScaffoldError, scaffold

    try:
        written, skipped = scaffold(folder)
    except ScaffoldError as exc:
        raise fail(str(exc))
    for p in written:
        typer.echo(f"created {p}", err=True)
    for p in skipped:
        typer.echo(f"kept existing {p}", err=True)


# --------------------------------------------------------------------------- analysis (compare, coverage, claims, show, briefs)

from briefcmp.corpus.model import RELATION_KINDS  # noqa: E402  (a few constants: keeps --help instant)


class ReportFormat(str, Enum):
    table = "table"
    plain = "plain"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"
    markdown = "markdown"


RelationKind = Enum("RelationKind", {k.replace("-", "_"): k for k in RELATION_KINDS}, type=str)


class Only(str, Enum):
    contradictions = "contradictions"
    agreements = "agreements"


REPORT_FORMAT_OPT = typer.Option(
    ReportFormat.table, "--format", "-f",
    help="table (terminal; becomes plain when piped or with -o), plain, json, jsonl, csv or markdown.")
TOPIC_OPT = typer.Option(None, "--topic", "-t", metavar="TOPIC", show_default=False,
                         help="Only this topic and its child topics (repeatable).")
BRIEF_OPT = typer.Option(None, "--brief", "-b", metavar="BRIEF", show_default=False,
                         help="Only what involves this brief (repeatable).")
SUBJECT_OPT = typer.Option(None, "--subject", "-s", metavar="ENTITY", show_default=False,
                           help="Only what is about this entity (repeatable).")
KEY_OPT = typer.Option(None, "--key", "-k", metavar="KEY", show_default=False, help="Only this key (repeatable).")


def _analysis_corpus(paths: Optional[List[Path]]):
    """Load the corpus for an analysis command; exit 2 when unusable, note problems on stderr."""
    from briefcmp.corpus.load import InputError, load_corpus
    from briefcmp.corpus.problems import Severity

    try:
        result = load_corpus(default_paths(paths))
    except InputError as exc:
        raise fail(str(exc))
    errors = sum(1 for p in result.problems if p.severity == Severity.ERROR)
    if errors:
        typer.echo(f"briefcmp: note: the corpus has {errors} error{'s' * (errors != 1)}; claims with errors "
                   "may be left out or misread: run `briefcmp check`", err=True)
    return result.corpus


def _mark_reviewed(corpus, analysis) -> None:
    """Mark relations recorded in the corpus's reviewed file, so --fail-on and renderers see them."""
    from briefcmp.gate.review import apply_reviewed

    from briefcmp.corpus.load import CLAIMS_SUFFIX

    every_file = sum(1 for _ in Path(corpus.root).rglob("*" + CLAIMS_SUFFIX))
    reviewed, judgement = apply_reviewed(corpus, analysis.all_relations, allow_stale=True,
                                         complete=len(corpus.briefs) >= every_file)
    problems = len(reviewed.problems) + len(judgement.problems)
    if problems:
        typer.echo(f"briefcmp: note: {problems} problem{'s' * (problems != 1)} with reviewed conflicts "
                   "(stale or malformed entries): run `briefcmp check`", err=True)


def _known(corpus, what: str, given: Optional[List[str]], known) -> tuple[str, ...]:
    """Validate filter ids (exit 2 with a did-you-mean hint on an unknown one)."""
    from briefcmp.corpus.problems import suggest

    known = sorted(set(known))
    for g in given or ():
        if g not in known:
            raise fail(f'unknown {what} "{g}"{suggest(g, known)}')
    return tuple(dict.fromkeys(given or ()))


def _filters(corpus, topic, brief, subject, key, kinds=()):
    from briefcmp.analysis.crossref import Filters

    return Filters(
        topics=_known(corpus, "topic", topic, [*corpus.config.topics, *(t for c in corpus.claims() for t in c.topics)]),
        briefs=_known(corpus, "brief", brief, [b.id for b in corpus.briefs]),
        subjects=_known(corpus, "subject", subject,
                        [*corpus.config.entities, *(s for c in corpus.claims() for s in c.subjects)]),
        keys=_known(corpus, "key", key, [*corpus.config.keys, *(c.key for c in corpus.claims() if c.key)]),
        kinds=tuple(kinds),
    )


def _send(render, fmt: ReportFormat, output: Optional[Path], force: bool) -> None:
    """Render (``render(fmt, width, color) -> str``) and deliver; table falls back to plain off a terminal."""
    from briefcmp.render.output import OutputError, color_allowed, deliver, stdout_is_terminal, terminal_width

    f = fmt.value
    to_terminal = (output is None or str(output) == "-") and stdout_is_terminal()
    if f == "table" and not to_terminal:
        f = "plain"
    text = render(f, terminal_width() if f == "table" else None, f == "table" and color_allowed())
    try:
        deliver(text, output, force)
    except OutputError as exc:
        raise fail(str(exc))


@app.command()
def compare(
    paths: Optional[List[Path]] = PATHS_ARG,
    topic: Optional[List[str]] = TOPIC_OPT,
    brief: Optional[List[str]] = BRIEF_OPT,
    subject: Optional[List[str]] = SUBJECT_OPT,
    key: Optional[List[str]] = KEY_OPT,
    kind: Optional[List[RelationKind]] = typer.Option(None, "--kind", show_default=False,
                                                      help="Only relations of this kind (repeatable)."),
    only: Optional[Only] = typer.Option(None, "--only", show_default=False,
                                        help="contradictions (contradictions and disagreements) or agreements."),
    fail_on: Optional[List[RelationKind]] = typer.Option(
        None, "--fail-on", show_default=False,
        help="Exit 1 when an unreviewed relation of this kind is listed (repeatable), e.g. contradiction."),
    suggest: bool = typer.Option(False, "--suggest", help="Also list claims that look like the same question "
                                                          "but share no key (candidate keys; nothing is merged)."),
    format: ReportFormat = REPORT_FORMAT_OPT,
    output: Optional[Path] = OUTPUT_OPT,
    force: bool = FORCE_OPT,
) -> None:
    """Show where briefs agree and contradict each other, grouped by topic.

    Claims sharing a key are compared: figures after scale, unit and bounds, within the
    key's tolerance; figures for different periods are a change over time, not a
    contradiction; a unit or currency mismatch is an annotation problem. Exit 0, or 1
    with --fail-on when such relations are listed; 2 for usage or unusable input.

    Example: briefcmp compare briefs/ --only contradictions

    \b
    More examples:
      briefcmp compare --topic sanctions --format markdown -o report.md
      briefcmp compare --suggest
      briefcmp compare --fail-on contradiction --format json | jq .summary
    """
    from briefcmp.analysis.crossref import ONLY, analyse

    corpus = _analysis_corpus(paths)
    kinds = [k.value for k in kind or ()]
    if only is not None:
        chosen = [k for k in ONLY[only.value] if not kinds or k in kinds]
        if not chosen:
            raise fail(f"--only {only.value} and --kind {' '.join(kinds)} together select no relation")
        kinds = chosen
    filters = _filters(corpus, topic, brief, subject, key, kinds)
    analysis = analyse(corpus, filters, coverage=False, suggestions=suggest)
    _mark_reviewed(corpus, analysis)

    def render(fmt, width, color):
        from briefcmp.render.compare import render as render_compare

        return render_compare(analysis, fmt, width, color)

    _send(render, format, output, force)
    failing = analysis.failing(k.value for k in fail_on or ())
    if failing:
        typer.echo(f"briefcmp: {len(failing)} relation{'s' * (len(failing) != 1)} reach --fail-on "
                   f"({', '.join(sorted({r.kind for r in failing}))})", err=True)
    raise typer.Exit(EXIT_FINDINGS if failing else EXIT_CLEAN)


@app.command()
def coverage(
    paths: Optional[List[Path]] = PATHS_ARG,
    topic: Optional[List[str]] = TOPIC_OPT,
    brief: Optional[List[str]] = BRIEF_OPT,
    format: ReportFormat = REPORT_FORMAT_OPT,
    output: Optional[Path] = OUTPUT_OPT,
    force: bool = FORCE_OPT,
) -> None:
    """Show which brief covers which topic (the topic-by-brief matrix) and the gaps.

    A cell is not covered, covered (claims), covered with figures, or in conflict
    (its claims take part in a contradiction or disagreement), with counts. Claims on a
    child topic count for its parent.

    Example: briefcmp coverage briefs/ --format csv -o coverage.csv
    """
    from briefcmp.analysis.crossref import analyse

    corpus = _analysis_corpus(paths)
    filters = _filters(corpus, topic, brief, None, None)
    analysis = analyse(corpus, filters, coverage=True)

    def render(fmt, width, color):
        from briefcmp.render.coverage import render as render_coverage

        return render_coverage(analysis.coverage, corpus, fmt, width, color)

    _send(render, format, output, force)


@app.command()
def claims(
    paths: Optional[List[Path]] = PATHS_ARG,
    topic: Optional[List[str]] = TOPIC_OPT,
    brief: Optional[List[str]] = BRIEF_OPT,
    subject: Optional[List[str]] = SUBJECT_OPT,
    key: Optional[List[str]] = KEY_OPT,
    format: ReportFormat = REPORT_FORMAT_OPT,
    output: Optional[Path] = OUTPUT_OPT,
    force: bool = FORCE_OPT,
) -> None:
    """List every claim, one row each, with its normalised value, for other tools.

    The value is normalised: amount and upper in base units (scale applied), unit,
    currency, bound, and the as-of period (marked when inferred from the publication date).

    Example: briefcmp claims briefs/ --format csv -o claims.csv
    """
    corpus = _analysis_corpus(paths)
    f = _filters(corpus, topic, brief, subject, key)
    rows = [c for c in corpus.claims() if f.accepts([c], corpus.config)]

    def render(fmt, width, color):
        from briefcmp.render.listing import render_claims

        return render_claims(rows, corpus, fmt, width, color)

    _send(render, format, output, force)


@app.command()
def show(
    target: str = typer.Argument(..., metavar="KEY|BRIEF#CLAIM", help="A key id, or a claim as BRIEF#CLAIM."),
    paths: Optional[List[Path]] = PATHS_ARG,
    format: ReportFormat = REPORT_FORMAT_OPT,
    output: Optional[Path] = OUTPUT_OPT,
    force: bool = FORCE_OPT,
) -> None:
    """Show everything about one key or one claim: claims, quotes in context, relations.

    Example: briefcmp show japan-russia-trade-total

    \b
    More examples:
      briefcmp show pism-2022-03-03#japan-swift-scope briefs/
      briefcmp show japan-swift-exclusion-scope --format markdown
    """
    from briefcmp.analysis.crossref import analyse, detail

    corpus = _analysis_corpus(paths)
    analysis = analyse(corpus, coverage=False)
    try:
        found = detail(analysis, target)
    except LookupError as exc:
        raise fail(str(exc))

    def render(fmt, width, color):
        from briefcmp.render.show import render as render_show

        return render_show(found, corpus, fmt, width, color)

    _send(render, format, output, force)


@app.command()
def briefs(
    paths: Optional[List[Path]] = PATHS_ARG,
    format: ReportFormat = REPORT_FORMAT_OPT,
    output: Optional[Path] = OUTPUT_OPT,
    force: bool = FORCE_OPT,
) -> None:
    """List the briefs with their metadata and claim counts.

    Example: briefcmp briefs briefs/ --format json
    """
    corpus = _analysis_corpus(paths)

    def render(fmt, width, color):
        from briefcmp.render.listing import render_briefs

        return render_briefs(corpus.briefs, corpus, fmt, width, color)

    _send(render, format, output, force)


# --------------------------------------------------------------------------- annotate


def _claims_count(n: int) -> str:
    return f"{n} draft claim{'s' * (n != 1)}"


@app.command()
def annotate(
    source: Path = typer.Argument(..., metavar="SOURCE", show_default=False,
                                  help="The source text (UTF-8) to draft claims from."),
    output: Optional[Path] = typer.Option(None, "--output", "-o",
                                          help="Write the draft to this new claims file (atomically)."),
    force: bool = typer.Option(False, "--force", help="Replace an existing --output file."),
    update: Optional[Path] = typer.Option(None, "--update", "-u", metavar="CLAIMS_FILE",
                                          help="Add the figures not yet annotated to this existing claims file; "
                                               "everything already in it stays exactly as it is."),
    sentences: bool = typer.Option(False, "--sentences",
                                   help="Also draft a candidate claim for each sentence that takes a position "
                                        "(recommendation, forecast or assessment), to keep or delete."),
) -> None:
    """Draft a claims file from a source text: one claim per figure, each `status: draft`.

    Figures are money, percentages and percentage points, ranks, counts, durations,
    multiples and dates, with the qualifier as the bound ("roughly" -> approximate) and
    the year the sentence gives as as_of. Topics, subjects and keys are suggested from the
    corpus config (briefcmp.yaml above the output file). The draft passes `briefcmp check`
    with warnings only: review each claim, then delete its `status: draft` line.

    The source: path is written relative to the claims file. With -o or --update that is
    the given file. On stdout it is relative to the corpus folder (the folder holding
    briefcmp.yaml above SOURCE, else above the current folder, else the current folder),
    so `briefcmp annotate briefs/sources/x.txt > briefs/x.claims.yaml` is ready to check.

    Example: briefcmp annotate briefs/sources/new-brief.txt -o briefs/new-brief.claims.yaml
    """
    from briefcmp.drafting.annotate import AnnotateError, AnnotateSettings, run_annotate
    from briefcmp.render.output import OutputError, emit, write_file

    if output is not None and update is not None:
        raise fail("give either --output or --update, not both")
    if output is not None and str(output) != "-" and output.exists() and not force:
        raise fail(f"{output}: file exists; use --force to replace it (or --update to add to it)")
    settings = AnnotateSettings(source=source, output=output, update=update, positions=sentences)
    try:
        result = run_annotate(settings)
        for warning in result.warnings:
            typer.echo(f"briefcmp: warning: {warning}", err=True)
        draft = result.draft
        if draft.unanchored:
            lines = ", ".join(map(str, sorted(set(draft.unanchored))[:10]))
            typer.echo(f"briefcmp: warning: {len(draft.unanchored)} figures or sentences are in passages repeated "
                       f"word for word, so no quote can pick one of them; not drafted (source lines {lines}"
                       f"{', ...' if len(set(draft.unanchored)) > 10 else ''})", err=True)
        if update is not None:
            if result.unchanged:
                typer.echo(f"{update}: nothing to add ({draft.already} figures already annotated)", err=True)
            else:
                write_file(update, result.text, force=True)
                typer.echo(f"{update}: added {_claims_count(len(draft.claims))} "
                           f"({draft.already} figures already annotated)", err=True)
        elif result.target is not None:
            write_file(result.target, result.text, force)
            typer.echo(f"wrote {result.target}: {_claims_count(len(draft.claims))}", err=True)
        else:
            emit(result.text)
    except (AnnotateError, OutputError) as exc:
        raise fail(str(exc))
    raise typer.Exit(EXIT_CLEAN)


# --------------------------------------------------------------------------- review (reviewed conflicts)

review_app = typer.Typer(
    name="review", no_args_is_help=True, rich_markup_mode=None,
    help="List, add and prune reviewed conflicts (the corpus's reviewed.yaml).\n\n"
         "Example: briefcmp review list -C briefs",
    context_settings={"help_option_names": ["-h", "--help"]},
)
app.add_typer(review_app, name="review")

REVIEW_CORPUS_OPT = typer.Option(Path("briefs"), "--corpus", "-C", help="The corpus folder.")
REVIEW_FILE_OPT = typer.Option(None, "--reviewed", metavar="FILE", show_default=False,
                               help="Reviewed-conflicts file. Default: reviewed.yaml in the corpus folder.")


class ReviewStatus(str, Enum):
    accepted = "accepted"
    under_review = "under-review"


class ListFormat(str, Enum):
    text = "text"
    json = "json"


def _review_gate(corpus: Path, reviewed: Optional[Path]):
    """The whole corpus checked against its reviewed file (exit 2 when unusable)."""
    from briefcmp.gate.check import CheckSettings, run_check
    from briefcmp.corpus.load import InputError

    try:
        return run_check(CheckSettings(paths=[corpus], reviewed=reviewed))
    except InputError as exc:
        raise fail(str(exc))


def _write_reviewed(gate, text: str) -> None:
    from briefcmp.render.output import OutputError, write_file

    try:
        write_file(gate.reviewed.path, text, force=True)  # the tool's own file, edited in place
    except OutputError as exc:
        raise fail(str(exc))


@review_app.command("list")
def review_list(
    corpus: Path = REVIEW_CORPUS_OPT,
    reviewed: Optional[Path] = REVIEW_FILE_OPT,
    format: ListFormat = typer.Option(ListFormat.text, "--format", "-f", help="Output format."),
) -> None:
    """List reviewed conflicts (marking stale ones) and the conflicts nobody has reviewed yet.

    Example: briefcmp review list -C briefs
    """
    import json

    from briefcmp.render.output import emit
    from briefcmp.gate.review import format_listing, listing

    gate = _review_gate(corpus, reviewed)
    for p in gate.reviewed.problems:
        typer.echo(p.format(), err=True)
    data = listing(gate.reviewed, gate.judgement, gate.relations)
    emit(json.dumps(data, indent=2, ensure_ascii=False) + "\n" if format is ListFormat.json else format_listing(data))


@review_app.command("add")
def review_add(
    ids: Optional[List[str]] = typer.Argument(None, metavar="ID", show_default=False,
                                              help="Conflict ids, as shown by `briefcmp check` or `review list`."),
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

    Example: briefcmp review add japan-russia-trade-total:contradiction:ad6338a5b8 -j "CAP mislabels exports as trade"
    """
    from datetime import date

    from briefcmp.corpus.load import parse_pdate
    from briefcmp.corpus.problems import suggest
    from briefcmp.gate.review import EditError, add_entries, new_entry

    if not justification.strip():
        raise fail("--justification is empty; say why the conflict is acceptable")
    if bool(ids) == all_unreviewed:
        raise fail("give the conflict ids to add, or --all")
    if day is None:
        day = date.today().isoformat()
    elif len(day) != 10 or parse_pdate(day) is None:
        raise fail(f"--date {day!r}: expected a date YYYY-MM-DD")
    gate = _review_gate(corpus, reviewed)
    if reviewer is None:
        from briefcmp.gate.changed import git
        from briefcmp.corpus.load import InputError

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
        typer.echo("briefcmp: nothing to add: every conflict is reviewed", err=True)
        raise typer.Exit(EXIT_CLEAN)
    entries = [new_entry(by_id[rid], status.value, justification, reviewer, day) for rid in wanted]
    try:
        text = add_entries(gate.reviewed, entries, replace)
    except EditError as exc:
        raise fail(str(exc))
    _write_reviewed(gate, text)
    for e in entries:
        typer.echo(f"reviewed {e.id} ({', '.join(e.claims)}) in {gate.reviewed.shown}", err=True)


@review_app.command("prune")
def review_prune(
    dry_run: bool = typer.Option(False, "--dry-run", help="Only say which entries would be removed."),
    corpus: Path = REVIEW_CORPUS_OPT,
    reviewed: Optional[Path] = REVIEW_FILE_OPT,
) -> None:
    """Remove stale entries (matching no current conflict) from the reviewed file.

    Entries naming a brief whose claims file does not load are kept until it loads again.

    Example: briefcmp review prune -C briefs --dry-run
    """
    from briefcmp.gate.review import EditError, remove_entries

    gate = _review_gate(corpus, reviewed)
    complete = len(gate.report.load.corpus.briefs) == len(gate.report.load.files)
    gone = [s for s in gate.judgement.stale if complete or not s.brief_missing]
    for s in gate.judgement.stale:
        if s not in gone:
            typer.echo(f"kept {s.entry.id}: {s.reason}", err=True)
    if not gone:
        typer.echo(f"briefcmp: no stale entries in {gate.reviewed.shown}", err=True)
        raise typer.Exit(EXIT_CLEAN)
    if not dry_run:
        try:
            text = remove_entries(gate.reviewed, [s.entry.id for s in gone])
        except EditError as exc:
            raise fail(str(exc))
        _write_reviewed(gate, text)
    for s in gone:
        typer.echo(f"{'would remove' if dry_run else 'removed'} {s.entry.id}: {s.reason}", err=True)


# --------------------------------------------------------------------------- cache

cache_app = typer.Typer(
    name="cache", no_args_is_help=True, rich_markup_mode=None,
    help="Show or clear the cache of loaded claims files.\n\n"
         "Loading a claims file is cached between runs, keyed by the content of the file, its source "
         "text and the corpus config; results are the same with or without it. The folder is "
         "BRIEFCMP_CACHE_DIR, else the platform's user cache folder. BRIEFCMP_NO_CACHE=1 turns it off.\n\n"
         "Example: briefcmp cache info",
    context_settings={"help_option_names": ["-h", "--help"]},
)
app.add_typer(cache_app, name="cache")


def _size(n: int) -> str:
    return f"{n / 1e6:.1f} MB" if n >= 100_000 else f"{n / 1e3:.1f} kB"


@cache_app.command("info")
def cache_info() -> None:
    """Show the cache folder, whether caching is on, and how many entries it holds.

    Example: briefcmp cache info
    """
    from briefcmp.corpus import cache
    from briefcmp.render.output import emit

    info = cache.BriefCache(cache.cache_dir()).info()
    state = "on" if cache.enabled() else "off (BRIEFCMP_NO_CACHE is set)"
    emit(f"folder: {info.path}{'' if info.exists else ' (not created yet)'}\n"
         f"caching: {state}\n"
         f"entries: {info.entries} ({_size(info.bytes)})\n")


@cache_app.command("clear")
def cache_clear() -> None:
    """Delete every cache entry (only files briefcmp wrote; the folder itself stays).

    Example: briefcmp cache clear
    """
    from briefcmp.corpus import cache

    removed = cache.BriefCache(cache.cache_dir()).clear()
    typer.echo(f"removed {removed.entries} cache entr{'y' if removed.entries == 1 else 'ies'} "
               f"({_size(removed.bytes)}) from {removed.path}", err=True)


# --------------------------------------------------------------------------- entry point


def main() -> None:
    """Console-script entry: run the app; no traceback ever reaches the user."""
    try:
        app()
    except SystemExit:
        raise
    except KeyboardInterrupt:
        typer.echo("briefcmp: interrupted", err=True)
        sys.exit(130)
    except Exception as exc:  # a bug in briefcmp, not bad input: say so plainly
        typer.echo(f"briefcmp: internal error: {type(exc).__name__}: {exc}\n"
                   "Please report this with the command line you used.", err=True)
        sys.exit(3)
