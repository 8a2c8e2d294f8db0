"""Commands that set up and maintain a corpus: `init`, `schema`, and `cache`."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Optional

import typer

from briefcmp.cli.app import EXIT_CLEAN, app, fail, say


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
    from briefcmp.corpus.files import OutputError, write_file
    from briefcmp.render.output import emit
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
            say(f"wrote {target}")
    except (OutputError, OSError) as exc:
        raise fail(str(exc))


@app.command()
def init(
    folder: Path = typer.Argument(..., help="Folder for the new corpus (created if missing)."),
    example: bool = typer.Option(False, "--example", help="Also write an example brief (source and claims file)."),
) -> None:
    """Scaffold a new corpus: a config with a general-purpose taxonomy, a sources folder and the schemas.

    A folder that already holds a corpus is refused (exit 2); other existing files are
    kept, never overwritten. The result passes `briefcmp check`; --example adds one
    annotated example brief. The next steps are printed.

    Example: briefcmp init my-briefs && briefcmp check my-briefs
    """
    from briefcmp.corpus.scaffold import ScaffoldError, scaffold

    try:
        written, skipped = scaffold(folder, example=example)
    except ScaffoldError as exc:
        raise fail(str(exc))
    for p in written:
        say(f"created {p}")
    for p in skipped:
        say(f"kept existing {p}")
    say(next_steps(str(folder)), nl=False)


def next_steps(folder: str) -> str:
    """What to do after `init`, wrapped to the terminal on stderr (unwrapped off one); each command on
    a line of its own, never broken, so it can be copied whole."""
    import shlex

    from briefcmp.render.layout import UNWRAPPED, stderr_width, wrap

    width = stderr_width() or UNWRAPPED
    where = shlex.quote(folder)
    steps = [
        ("for each brief, a PDF, saved web page, .md or .txt (PDF and HTML need the 'add' extra: "
         "pip install '.[add]' in the clone):", [f"briefcmp add FILE {where}"]),
        ("key the figures and statements that answer the same question across briefs, then decide the "
         "candidates one keystroke each:", [f"briefcmp align {where} --apply", f"briefcmp align {where} --review"]),
        ("agreements and contradictions:", [f"briefcmp compare {where}"]),
    ]
    lines = ["next steps:"]
    for n, (what, commands) in enumerate(steps, 1):
        lines += wrap(f"{n}. {what}", max(20, width - 2), "  ", "     ")
        lines += [f"       {c}" for c in commands]
    return "\n".join(lines) + "\n"


cache_app = typer.Typer(
    name="cache", no_args_is_help=True, rich_markup_mode=None,
    help="Show or clear the cache of loaded claims files and finished reports.\n\n"
         "Each corpus has one cache file holding what loading each claims file found, valid while the "
         "file, its source text and the corpus config are unchanged; a finished `compare` report is "
         "kept too and answers the same command on an unchanged corpus. Results are the same with or "
         "without the cache. The folder is BRIEFCMP_CACHE_DIR, else the platform's user cache folder. "
         "BRIEFCMP_NO_CACHE=1 turns it off.\n\n"
         "Example: briefcmp cache info",
    context_settings={"help_option_names": ["-h", "--help"]},
)
app.add_typer(cache_app, name="cache")


def _size(n: int) -> str:
    return f"{n / 1e6:.1f} MB" if n >= 100_000 else f"{n / 1e3:.1f} kB"


@cache_app.command("info")
def cache_info() -> None:
    """Show the cache folder, whether caching is on, and how many cache files (corpora, reports) it holds.

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
    say(f"removed {removed.entries} cache entr{'y' if removed.entries == 1 else 'ies'} "
               f"({_size(removed.bytes)}) from {removed.path}")
