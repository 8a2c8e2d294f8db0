"""`briefcmp export`: the corpus and its analysis as an SQLite database."""

from __future__ import annotations

from pathlib import Path
from typing import List, Optional

import typer

from briefcmp.cli.analysis import _analysis_corpus, _mark_reviewed
from briefcmp.cli.app import EXIT_CLEAN, PATHS_ARG, app, database_path, fail, say


@app.command()
def export(
    paths: Optional[List[Path]] = PATHS_ARG,
    sqlite: Path = typer.Option(..., "--sqlite", metavar="FILE", show_default=False, parser=database_path,
                                help="Write the corpus and its analysis to this SQLite database (required)."),
    force: bool = typer.Option(False, "--force", help="Replace an existing file that is not a briefcmp export "
                                                      "(an earlier export is always replaced)."),
) -> None:
    """Export the corpus and its analysis as one SQLite database (for SQL, sqlite-utils, Datasette).

    Tables: briefs, claims (normalised value columns), relations, relation_claims (which
    claims each relation involves), keys, topics, entities, claim_topics, claim_subjects
    and meta; foreign keys between them; full-text search on claim quotes, texts and
    notes (claims_fts) and on brief titles and source texts (briefs_fts). The file is
    replaced atomically. Exit 0, or 2 for usage or unusable input.

    Example: briefcmp export briefs/ --sqlite corpus.db

    \b
    More examples:
      datasette corpus.db
      sqlite-utils search corpus.db claims SWIFT
    """
    from briefcmp.analysis.crossref import analyse
    from briefcmp.render.sqlite import ExportError, write_sqlite

    corpus = _analysis_corpus(paths)
    analysis = analyse(corpus, coverage=False)
    _mark_reviewed(corpus, analysis)
    try:
        written = write_sqlite(analysis, sqlite, force)
    except ExportError as exc:
        raise fail(str(exc))
    from briefcmp.render.words import count

    say(f"wrote {written}: {count(len(corpus.briefs), 'brief')}, "
        f"{count(sum(len(b.claims) for b in corpus.briefs), 'claim')}, "
        f"{count(len(analysis.relations), 'relation')}")
    raise typer.Exit(EXIT_CLEAN)
