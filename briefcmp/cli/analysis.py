"""Commands that report on a corpus: `compare`, `coverage`, `claims`, `show`, `briefs`."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import List, Optional

import typer

from briefcmp.cli.app import (
    COLOR_OPT, EXIT_CLEAN, EXIT_FINDINGS, FORCE_OPT, NO_PAGER_OPT, OUTPUT_OPT, PATHS_ARG, ColorMode, app, default_paths,
    corpus_shown, discovered, fail, kind_choice, say, terminal_options,
)
from briefcmp.cli.complete import complete_briefs, complete_keys, complete_show, complete_subjects, complete_topics
from briefcmp.corpus.kinds import RELATION_KINDS  # a few constants, no imports: keeps --help instant
from briefcmp.corpus.paths import DECISIONS_NAME  # stdlib only: keeps --help instant


class ReportFormat(str, Enum):
    table = "table"
    plain = "plain"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"
    markdown = "markdown"


class CompareFormat(str, Enum):
    table = "table"
    plain = "plain"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"
    markdown = "markdown"
    html = "html"


KINDS_HELP = ", ".join(RELATION_KINDS) + " (singular or plural)."


REPORT_FORMAT_OPT = typer.Option(
    ReportFormat.table, "--format", "-f",
    help="table (terminal; becomes plain when piped or with -o), plain, json, jsonl, csv or markdown.")
TOPIC_OPT = typer.Option(None, "--topic", "-t", metavar="TOPIC", show_default=False, autocompletion=complete_topics,
                         help="Only this topic and its child topics (repeatable).")
BRIEF_OPT = typer.Option(None, "--brief", "-b", metavar="BRIEF", show_default=False, autocompletion=complete_briefs,
                         help="Only what involves this brief (repeatable).")
SUBJECT_OPT = typer.Option(None, "--subject", "-s", metavar="ENTITY", show_default=False,
                           autocompletion=complete_subjects, help="Only what is about this entity (repeatable).")
KEY_OPT = typer.Option(None, "--key", "-k", metavar="KEY", show_default=False, autocompletion=complete_keys,
                       help="Only this key (repeatable).")


def _analysis_corpus(paths: Optional[List[Path]], memo=None, texts: str = "all"):
    """Load the corpus for an analysis command; exit 2 when unusable, note problems on stderr.

    ``texts``: whose quotes and texts the command shows (``corpus.load.TEXTS``)."""
    from briefcmp.corpus.cache import load_corpus
    from briefcmp.corpus.load import InputError
    from briefcmp.corpus.problems import Severity

    try:
        result = load_corpus(default_paths(paths), texts=texts)
    except InputError as exc:
        raise fail(str(exc))
    discovered(paths, result.corpus)
    errors = sum(1 for p in result.problems if p.severity == Severity.ERROR)
    note = memo.note if memo is not None else (lambda text: say(text))
    if memo is not None:
        memo.read(result.inputs)
    if errors:
        note(f"briefcmp: note: the corpus has {errors} error{'s' * (errors != 1)}; claims with errors "
             "may be left out or misread: run `briefcmp check`")
    return result.corpus




def _undecided_store(root: Path):
    """Where `briefcmp align` leaves its counts for `compare` (with the finished reports, keyed by the corpus)."""
    from briefcmp.cli.memo import Memo

    return Memo("align-undecided", [root], (), "counts")


def _undecided(corpus, memo):
    """What `align` leaves undecided in the corpus, and the corpus as the commands to type name it.

    compare does not run align (it would load the lemmatiser and the tagger: 1.7 s and more on a corpus
    of drafted statements): it reads the counts the last `briefcmp align` run left in the cache for the
    corpus as it is now (``remember_undecided``), else counts the unkeyed claims that wait to be lined
    up. Only with no cache at all (nothing can be recorded) does it run align itself."""
    import shlex

    from briefcmp.analysis.undecided import Undecided, could_align, unaligned

    shown = shlex.quote(corpus_shown(corpus))
    if not could_align(corpus):
        return Undecided(), shown
    from briefcmp.cli.memo import describe

    store = _undecided_store(Path(corpus.root))
    if store.store is None:  # no cache (BRIEFCMP_NO_CACHE, no home): nothing recorded, so align runs here
        return _undecided_now(corpus), shown
    if memo is not None:  # the report follows the decisions and what align leaves (its next run changes it)
        entry = store.entry()
        memo.read([describe(Path(corpus.root) / DECISIONS_NAME), *([describe(entry)] if entry else [])])
    stored = store.stored_text()
    if stored is not None:
        try:
            return Undecided(*(int(n) for n in stored.split())), shown
        except (TypeError, ValueError):
            pass
    return Undecided(unaligned=unaligned(corpus)), shown


def _undecided_now(corpus):
    """What align leaves undecided, found by running it on the corpus as `briefcmp align` loads it
    (every quote and text: compare may have loaded only the keyed ones)."""
    from briefcmp.analysis.undecided import undecided
    from briefcmp.corpus.cache import load_corpus
    from briefcmp.corpus.load import InputError

    try:
        whole = load_corpus([Path(corpus.root)], texts="all").corpus
    except InputError:
        whole = corpus
    return undecided(whole)


def remember_undecided(paths, counts=None) -> None:
    """After `briefcmp align`: keep what it leaves undecided for `compare`, made from the corpus as it is
    now (``counts``: the run's own, when it wrote nothing; else align runs again on the corpus as
    re-read, quick once the first run loaded its models)."""
    from briefcmp.analysis.undecided import undecided
    from briefcmp.cli.memo import describe
    from briefcmp.corpus.cache import load_corpus
    from briefcmp.corpus.load import InputError

    try:
        result = load_corpus(default_paths(paths), texts="all")
    except InputError:
        return
    root = Path(result.corpus.root)
    found = counts if counts is not None else undecided(result.corpus)
    inputs = None if result.inputs is None else [*result.inputs, describe(root / DECISIONS_NAME)]
    _undecided_store(root).keep_text(f"{found.sure} {found.candidates} {found.claims}", inputs)


def _mark_reviewed(corpus, analysis, memo=None) -> None:
    """Mark relations recorded in the corpus's reviewed file, so --fail-on and renderers see them."""
    from briefcmp.corpus.load import CLAIMS_SUFFIX
    from briefcmp.gate.review import apply_reviewed
    from briefcmp.gate.reviewed import REVIEWED_NAME

    if memo is not None:
        from briefcmp.cli.memo import describe

        memo.read([describe(Path(corpus.root) / REVIEWED_NAME)])  # before it is read
    every_file = sum(1 for _ in Path(corpus.root).rglob("*" + CLAIMS_SUFFIX))
    reviewed, judgement = apply_reviewed(corpus, analysis.all_relations, allow_stale=True,
                                         complete=len(corpus.briefs) >= every_file)
    problems = len(reviewed.problems) + len(judgement.problems)
    if problems:
        text = (f"briefcmp: note: {problems} problem{'s' * (problems != 1)} with reviewed conflicts "
                "(stale or malformed entries): run `briefcmp check`")
        memo.note(text) if memo is not None else say(text)


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


MIN_WIDTH = 40  # narrower terminals get 40-column lines (the layouts are made for 60 and up)


def _format(fmt: ReportFormat, output: Optional[Path]) -> str:
    """The format to write: table is for a terminal; piped or with -o it becomes plain, unless colour
    is forced (``--color always`` or FORCE_COLOR), which keeps the coloured table for ``| less -R``."""
    from briefcmp.render.output import color_forced, stdout_is_terminal

    f = fmt.value
    to_file = output is not None and str(output) != "-"
    to_terminal = not to_file and stdout_is_terminal()
    if f == "table" and not to_terminal and (to_file or not color_forced()):
        return "plain"
    return f


def _send(render, fmt: ReportFormat, output: Optional[Path], force: bool, color: Optional[ColorMode] = None,
          no_pager: bool = False, memo=None) -> None:
    """Render (``render(fmt, width, color) -> str``) and deliver.

    table is for a terminal (sized to stdout, coloured, paged when taller than the screen);
    piped or with -o it becomes plain, unless colour is forced (``--color always`` or
    FORCE_COLOR), which keeps the coloured table for ``| less -R`` ($COLUMNS wide).
    """
    from briefcmp.corpus.files import OutputError
    from briefcmp.render.output import color_allowed, deliver_terminal, deliver_utf8, stdout_is_terminal, terminal_width

    terminal_options(color, no_pager)
    f = _format(fmt, output)
    width = max(MIN_WIDTH, terminal_width()) if f == "table" else None
    text = render(f, width, f == "table" and color_allowed(not (output is not None and str(output) != "-")
                                                           and stdout_is_terminal()))
    to_file = output is not None and str(output) != "-"
    try:
        if memo is not None and (to_file or not stdout_is_terminal()):  # a pipe or a file: no pager
            blocks = memo.tee_utf8([text] if isinstance(text, str) else text)
            if blocks is not None:
                deliver_utf8(blocks, output, force)
                return
        if memo is not None:
            text = memo.tee([text] if isinstance(text, str) else text)
        deliver_terminal(text, output, force)
    except OutputError as exc:
        if memo is not None:
            memo.abandon()
        raise fail(str(exc))


@app.command()
def compare(
    paths: Optional[List[Path]] = PATHS_ARG,
    topic: Optional[List[str]] = TOPIC_OPT,
    brief: Optional[List[str]] = BRIEF_OPT,
    subject: Optional[List[str]] = SUBJECT_OPT,
    key: Optional[List[str]] = KEY_OPT,
    kind: Optional[List[str]] = typer.Option(None, "--kind", metavar="KIND", show_default=False,
                                             click_type=kind_choice(RELATION_KINDS),
                                             help="Only relations of this kind (repeatable): " + KINDS_HELP),
    only: Optional[str] = typer.Option(None, "--only", show_default=False,
                                       click_type=kind_choice(("contradiction", "agreement"), plural_names=True),
                                       help="contradictions (contradictions and disagreements) or agreements."),
    fail_on: Optional[List[str]] = typer.Option(
        None, "--fail-on", metavar="KIND", show_default=False, click_type=kind_choice(RELATION_KINDS),
        help="Exit 1 when an unreviewed relation of this kind is listed (repeatable; singular or plural), "
             "e.g. contradiction."),
    suggest: bool = typer.Option(False, "--suggest", help="Also list claims that look like the same question "
                                                          "but share no key (candidate keys; nothing is merged)."),
    details: bool = typer.Option(False, "--details", help="Terminal: one card per relation with its claims, "
                                                          "quotes and relation id, grouped by topic (as piped)."),
    matrix: bool = typer.Option(False, "--matrix", help="Keys x briefs: each cell the brief's value (as-of) "
                                                        "with a symbol for the verdict (table or plain)."),
    format: CompareFormat = typer.Option(
        CompareFormat.table, "--format", "-f",
        help="table (terminal; becomes plain when piped or with -o), plain, json, jsonl, csv, markdown, "
             "or html (one self-contained page to share: conflicts, coverage heat map, quotes, filters)."),
    output: Optional[Path] = OUTPUT_OPT,
    force: bool = FORCE_OPT,
    color: Optional[ColorMode] = COLOR_OPT,
    no_pager: bool = NO_PAGER_OPT,
) -> None:
    """Show where briefs agree and contradict each other: conflicts first.

    Claims sharing a key are compared: figures after scale, unit and bounds, within the
    key's tolerance; figures for different periods are a change over time, not a
    contradiction; a unit or currency mismatch is an annotation problem. On a terminal:
    a summary, then a table for each of: conflicts (unreviewed first), annotation
    problems, agreements, forecast checks, changes over time, in that order, with what
    `briefcmp align` left undecided before the agreements; --details for quotes,
    --matrix for keys x briefs. Piped or with -o: plain text grouped by topic, lines as
    long as they are (wrapped at $COLUMNS when it is set). compare does not run align: it
    says what align's last run on the corpus as it is left undecided (kept in the cache),
    or how many unkeyed claims wait to be lined up; with no cache it runs align. Exit 0,
    or 1 with --fail-on when such relations are listed; 2 for usage or unusable input.

    Example: briefcmp compare briefs/ --only contradictions

    \b
    More examples:
      briefcmp compare --matrix
      briefcmp compare -t sanctions -f markdown -o report.md
      briefcmp compare --suggest --details
      briefcmp compare --fail-on contradiction -f json
      briefcmp compare -f html -o report.html
    """
    from briefcmp.cli.memo import Memo

    terminal_options(color, no_pager)
    # Whether PATH was given is part of the key: a discovered corpus is named in the JSON report.
    options = (topic, brief, subject, key, kind, only, fail_on, suggest, details, matrix, bool(paths))
    memo = Memo("compare", default_paths(paths), repr(options), _format(format, output))
    code = memo.replay(output, force)
    if code is not None:
        raise typer.Exit(code)

    from briefcmp.analysis.crossref import ONLY, analyse

    if details and matrix:
        raise fail("--details and --matrix are two views: give one")
    if matrix and format.value not in ("table", "plain"):
        raise fail(f"--matrix is a view for reading (--format table or plain), not for --format {format.value}")
    # Relations are between claims with a key: only their quotes and texts are shown, unless
    # suggestions (claims without a key) or the HTML page (every claim) are asked for.
    corpus = _analysis_corpus(paths, memo, texts="all" if suggest or format is CompareFormat.html else "keyed")
    kinds = list(dict.fromkeys(kind or ()))
    if only is not None:
        chosen = [k for k in ONLY[only] if not kinds or k in kinds]
        if not chosen:
            raise fail(f"--only {only} and --kind {' '.join(kinds)} together select no relation")
        kinds = chosen
    filters = _filters(corpus, topic, brief, subject, key, kinds)
    analysis = analyse(corpus, filters, coverage=format is CompareFormat.html, suggestions=suggest)
    _mark_reviewed(corpus, analysis, memo)
    analysis.undecided, analysis.corpus_arg = _undecided(corpus, memo)

    def render(fmt, width, color):
        if fmt == "html":
            from briefcmp.render.html import render_html

            return render_html(analysis)
        from briefcmp.render.compare import chunks

        return chunks(analysis, fmt, width, color, view="matrix" if matrix else "details" if details else "findings")

    _send(render, format, output, force, color, no_pager, memo)
    failing = analysis.failing(fail_on or ())
    if failing:
        memo.note(f"briefcmp: {len(failing)} relation{'s' * (len(failing) != 1)} "
                  f"{'reach' if len(failing) != 1 else 'reaches'} --fail-on "
                  f"({', '.join(sorted({r.kind for r in failing}))})")
    code = EXIT_FINDINGS if failing else EXIT_CLEAN
    memo.finish(code)
    raise typer.Exit(code)


@app.command()
def coverage(
    paths: Optional[List[Path]] = PATHS_ARG,
    topic: Optional[List[str]] = TOPIC_OPT,
    brief: Optional[List[str]] = BRIEF_OPT,
    format: ReportFormat = REPORT_FORMAT_OPT,
    output: Optional[Path] = OUTPUT_OPT,
    force: bool = FORCE_OPT,
    color: Optional[ColorMode] = COLOR_OPT,
    no_pager: bool = NO_PAGER_OPT,
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

    _send(render, format, output, force, color, no_pager)


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
    color: Optional[ColorMode] = COLOR_OPT,
    no_pager: bool = NO_PAGER_OPT,
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
        from briefcmp.render.listing import claims_chunks

        return claims_chunks(rows, corpus, fmt, width, color)

    _send(render, format, output, force, color, no_pager)


@app.command()
def show(
    target: str = typer.Argument(..., metavar="KEY|BRIEF#CLAIM|RELATION", show_default=False,
                                 autocompletion=complete_show,
                                 help="A key id, a claim as BRIEF#CLAIM, or a relation id (KEY:KIND:HASH)."),
    paths: Optional[List[Path]] = PATHS_ARG,
    format: ReportFormat = REPORT_FORMAT_OPT,
    output: Optional[Path] = OUTPUT_OPT,
    force: bool = FORCE_OPT,
    color: Optional[ColorMode] = COLOR_OPT,
    no_pager: bool = NO_PAGER_OPT,
) -> None:
    """Show everything about one key, claim or relation: claims, quotes in context, relations
    (and whether a conflict is reviewed).

    Example: briefcmp show japan-russia-trade-total

    \b
    More examples:
      briefcmp show pism-2022-03-03#japan-swift-scope briefs/
      briefcmp show japan-swift-exclusion-scope -f markdown
    """
    from briefcmp.analysis.crossref import analyse, detail

    corpus = _analysis_corpus(paths)
    analysis = analyse(corpus, coverage=False)
    _mark_reviewed(corpus, analysis)
    try:
        found = detail(analysis, target)
    except LookupError as exc:
        raise fail(str(exc))

    def render(fmt, width, color):
        from briefcmp.render.show import render as render_show

        return render_show(found, corpus, fmt, width, color)

    _send(render, format, output, force, color, no_pager)


@app.command()
def briefs(
    paths: Optional[List[Path]] = PATHS_ARG,
    format: ReportFormat = REPORT_FORMAT_OPT,
    output: Optional[Path] = OUTPUT_OPT,
    force: bool = FORCE_OPT,
    color: Optional[ColorMode] = COLOR_OPT,
    no_pager: bool = NO_PAGER_OPT,
) -> None:
    """List the briefs with their metadata and claim counts.

    Example: briefcmp briefs briefs/ --format json
    """
    corpus = _analysis_corpus(paths)

    def render(fmt, width, color):
        from briefcmp.render.listing import render_briefs

        return render_briefs(corpus.briefs, corpus, fmt, width, color)

    _send(render, format, output, force, color, no_pager)
