"""Commands that draft claims from source texts: `annotate`."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Optional

import typer

from briefcmp.cli.app import EXIT_CLEAN, app, fail, say, output_path


def _claims_count(n: int) -> str:
    return f"{n} draft claim{'s' * (n != 1)}"


@app.command()
def annotate(
    source: Path = typer.Argument(..., metavar="SOURCE", show_default=False,
                                  help="The source text (UTF-8) to draft claims from."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", parser=output_path, metavar="PATH",
                                          help="Write the draft to this new claims file (atomically)."),
    force: bool = typer.Option(False, "--force", help="Replace an existing --output file."),
    update: Optional[Path] = typer.Option(None, "--update", "-u", metavar="CLAIMS_FILE",
                                          help="Add the figures not yet annotated to this existing claims file; "
                                               "everything already in it stays exactly as it is."),
    refresh_sha: bool = typer.Option(False, "--refresh-sha",
                                     help="With --update: set source_sha256 to the source's current hash "
                                          "(after you have checked the existing quotes)."),
    sentences: bool = typer.Option(False, "--sentences",
                                   help="Also draft the statements of each sentence: an action or state "
                                        "(yes / no / undecided), a forecast, or a recommendation (support / "
                                        "oppose), one claim per actor and action; with the 'nlp' extra, else "
                                        "a claim with no value per sentence that takes a position."),
    language: Optional[str] = typer.Option(None, "--language", metavar="CODE",
                                           help="The language of the source (ja, ko, zh, de, fr, en, ...): how its "
                                                "numbers and sentences are read. Default: the claims file's "
                                                "language with --update, else detected from the text."),
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

    Every drafted figure is listed on a `# briefcmp-drafted:` comment line: delete a draft
    you reject and leave those lines in place, and --update never drafts it again.

    Example: briefcmp annotate briefs/sources/new-brief.txt -o briefs/new-brief.claims.yaml
    """
    from briefcmp.drafting.annotate import AnnotateError, AnnotateSettings, run_annotate
    from briefcmp.corpus.files import OutputError, write_file
    from briefcmp.render.output import emit

    if output is not None and update is not None:
        raise fail("give either --output or --update, not both")
    if output is not None and str(output) != "-" and output.exists() and not force:
        raise fail(f"{output}: file exists; use --force to replace it (or --update to add to it)")
    if refresh_sha and update is None:
        raise fail("--refresh-sha works with --update CLAIMS_FILE")
    if language is not None and not re.fullmatch(r"[a-z]{2,3}(?:[-_][A-Za-z]{2,4})?", language):
        raise fail(f"--language: {language!r} is not a language code (ja, ko, zh, de, fr, en, ...)")
    settings = AnnotateSettings(source=source, output=output, update=update, positions=sentences,
                                refresh_sha=refresh_sha, language=language)
    try:
        result = run_annotate(settings)
        for warning in result.warnings:
            say(f"briefcmp: warning: {warning}")
        draft = result.draft
        if draft.unanchored:
            from briefcmp.render.words import count, plural

            lines = ", ".join(map(str, sorted(set(draft.unanchored))[:10]))
            say(f"briefcmp: warning: {count(len(draft.unanchored), 'figure or sentence')} "
                f"{plural('is', len(draft.unanchored))} in passages repeated "
                f"word for word, so no quote can pick one of them; not drafted (source lines {lines}"
                f"{', ...' if len(set(draft.unanchored)) > 10 else ''})")
        if update is not None:
            from briefcmp.render.words import count

            rejected = f", {draft.rejected} you deleted before not re-added" if draft.rejected else ""
            if result.unchanged:
                say(f"{update}: nothing to add ({count(draft.already, 'figure')} already annotated{rejected})")
            else:
                write_file(update, result.text, force=True, within=result.root)  # a corpus's file stays inside it
                say(f"{update}: added {_claims_count(len(draft.claims))} "
                    f"({count(draft.already, 'figure')} already annotated{rejected})"
                    f"{'; source_sha256 updated' if refresh_sha else ''}")
        elif result.target is not None:
            write_file(result.target, result.text, force, within=result.root)  # in a corpus: confined to it
            say(f"wrote {result.target}: {_claims_count(len(draft.claims))}")
        else:
            emit(result.text)
    except (AnnotateError, OutputError) as exc:
        raise fail(str(exc))
    raise typer.Exit(EXIT_CLEAN)
