"""Commands that bring a brief into the corpus as it came (a PDF, a saved web page): `add`."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from briefcmp.cli.app import EXIT_CLEAN, app, default_paths, fail, say


@app.command()
def add(
    original: str = typer.Argument(..., metavar="FILE", show_default=False,
                                    help="The brief as it came: .pdf, .html/.htm (a saved web page), .md or .txt."),
    corpus: Optional[Path] = typer.Argument(None, metavar="[PATH]", show_default=False,
                                            help="The corpus folder (holding briefcmp.yaml). Default: ./briefs if "
                                                 "it exists, else the nearest folder upward holding briefcmp.yaml "
                                                 "(as for every other command)."),
    brief_id: Optional[str] = typer.Option(None, "--id", metavar="ID",
                                           help="The brief id (and file names). Default: from FILE's name."),
    force: bool = typer.Option(False, "--force", help="Replace an existing source text and claims file."),
    sentences: bool = typer.Option(False, "--sentences",
                                   help="Also draft the statements of each sentence (actions with yes / no / "
                                        "undecided, forecasts, recommendations with support / oppose; see "
                                        "`annotate --sentences`)."),
    no_copy: bool = typer.Option(False, "--no-copy",
                                 help="Do not copy an original from outside the corpus to PATH/originals/ "
                                      "(its sha256 is recorded, but check cannot see it change)."),
) -> None:
    """Add a brief from a PDF, a saved web page, Markdown or text: clean source text + draft claims file.

    Writes PATH/sources/ID.txt (the text, cleaned: words hyphenated at line ends joined,
    running headers, footers and page numbers dropped, ligatures expanded, paragraphs kept,
    footnote markers left) and PATH/ID.claims.yaml (what `briefcmp annotate` drafts on it),
    with the title, publisher and date the document states, where each was found, and the
    original's name, type and sha256. An original from outside the corpus is copied to
    PATH/originals/ (not with --no-copy), so `briefcmp check` reports when it changes. Nothing is fetched: save a
    web page first. Nothing is replaced without --force. PDF and web pages need the 'add'
    extra (from the clone: pip install '.[add]').

    Example: briefcmp add ~/Downloads/water-tariffs.pdf briefs --id water-2025
    """
    import shlex

    from briefcmp.ingest import IngestError
    from briefcmp.ingest.add import AddSettings, run_add

    # Found the way every other command finds it, so `briefcmp add report.pdf` works from inside the corpus
    # folder as `briefcmp compare` does (it used to insist on ./briefs).
    corpus = corpus if corpus is not None else default_paths(None)[0]

    try:
        result = run_add(AddSettings(original=original, corpus=corpus, brief_id=brief_id, force=force,
                                     positions=sentences, keep_original=not no_copy))
    except IngestError as exc:
        raise fail(str(exc))
    for warning in result.warnings:
        say(f"briefcmp: warning: {warning}")
    pages = f", {result.pages} page{'s' * (result.pages != 1)}" if result.pages else ""
    paragraphs = f"{result.paragraphs} paragraph{'s' * (result.paragraphs != 1)}"
    if result.copied_to is not None:
        say(f"kept the original as {result.copied_to} (`briefcmp check` reports if it changes)")
    say(f"wrote {result.source}: {paragraphs}{pages} from {Path(original).name}")
    say(f"wrote {result.claims_file}: {result.claims} draft claim{'s' * (result.claims != 1)}")
    say(_metadata_line(result.meta))
    where = shlex.quote(str(corpus))
    say(f"next: add the other briefs the same way, then key what answers the same question: "
        f"briefcmp align {where} --apply")
    say(f"the drafts to review: briefcmp check {where}")
    raise typer.Exit(EXIT_CLEAN)


def _metadata_line(meta) -> str:
    """What the document states, each value with where it was found ("published 2024-12-16 (corpus)"),
    so that a wrong title or date is seen at once; the fields nobody stated are named, to fill in."""
    shown = []
    for name in ("title", "publisher", "published"):
        if name in meta.origin:
            value = str(getattr(meta, name))
            value = value if len(value) <= 60 else value[:59].rstrip() + "…"
            shown.append(f'{name} "{value}" ({meta.origin[name]})' if name == "title" else
                         f"{name} {value} ({meta.origin[name]})")
    missing = [name for name in ("title", "published") if name not in meta.origin]
    line = "stated: " + ("; ".join(shown) if shown else "nothing")
    return line + (f"; not stated: {', '.join(missing)} (fill in the brief section)" if missing else "")
