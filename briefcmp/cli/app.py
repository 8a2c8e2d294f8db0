"""The typer app, the options every command shares, and the exit codes.

Every command imports what it needs inside its body, so ``briefcmp --help``
loads nothing but typer. Exit codes: 0 clean, 1 findings, 2 usage or unusable input.
"""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import List, Optional

import click
import typer

from briefcmp import __version__

EXIT_CLEAN, EXIT_FINDINGS, EXIT_INPUT = 0, 1, 2


class ColorMode(str, Enum):
    auto = "auto"
    always = "always"
    never = "never"


COLOR_HELP = ("auto (default: colour on a terminal; NO_COLOR turns it off, FORCE_COLOR on, "
              "e.g. for | less -R), always or never. Colour never says anything alone: a word or "
              "symbol says it too.")
NO_PAGER_HELP = ("Do not send terminal output taller than the screen through the pager "
                 "($BRIEFCMP_PAGER, else $PAGER, else less -FRX; never used in pipes, files or CI).")

app = typer.Typer(
    name="briefcmp",
    help="Cross-reference the claims of policy briefs: agreements, contradictions and topic coverage.",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    suggest_commands=False,  # click already says "Did you mean ...?"
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _keep_words_whole() -> None:
    """Help text wraps between words only: click's wrapper would break ids and paths at
    hyphens or in the middle (``japan-russia-trade-`` / ``total``) on a narrow terminal."""
    from click import _textwrap

    class WholeWords(_textwrap.TextWrapper):
        def __init__(self, *args, **kwargs):
            kwargs.update(break_on_hyphens=False, break_long_words=False)
            super().__init__(*args, **kwargs)

    _textwrap.TextWrapper = WholeWords  # type: ignore[misc]  (formatting.wrap_text imports it per call)


_keep_words_whole()


def _did_you_mean() -> None:
    """Every choice option (--kind, --format, --fail-on...) says the nearest choice after a typo:
    "'contradictons' is not one of ...; did you mean 'contradiction'?"."""
    plain = getattr(click.Choice, "get_invalid_choice_message", None)
    if plain is None:  # click before 8.2: its own message only
        return

    def message(self, value, ctx):
        import difflib

        aliases = getattr(self, "aliases", {})
        names = [str(getattr(c, "value", c)) for c in self.choices]
        near = difflib.get_close_matches(str(value), [*names, *aliases], n=1, cutoff=0.6)
        text = plain(self, value, ctx)
        return text.rstrip(".") + f"; did you mean {aliases.get(near[0], near[0])!r}?" if near else text

    click.Choice.get_invalid_choice_message = message  # type: ignore[method-assign]


_did_you_mean()


def _version(value: bool) -> None:
    if value:
        typer.echo(f"briefcmp {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: bool = typer.Option(False, "--version", "-V", callback=_version, is_eager=True,
                                 help="Show the version and exit."),
    no_cache: bool = typer.Option(False, "--no-cache",
                                  help="Do not read or write the cache of loaded claims files "
                                       "(also BRIEFCMP_NO_CACHE=1)."),
    color: Optional[ColorMode] = typer.Option(None, "--color", show_default=False,
                                              help=COLOR_HELP),
    no_pager: bool = typer.Option(False, "--no-pager", help=NO_PAGER_HELP),
) -> None:
    """Cross-reference the claims of policy briefs: agreements, contradictions and topic coverage.

    Example: briefcmp compare briefs/
    """
    from briefcmp.corpus import files

    files.note_inherited_descriptors()  # before any file is opened: -o /dev/fd/N names the caller's descriptor
    if no_cache:
        from briefcmp.corpus import cache

        cache.disable()
    from briefcmp.render import output

    output.set_color_mode(color.value if color is not None else "auto")  # each run starts afresh
    output.set_pager(not no_pager)


def terminal_options(color: Optional["ColorMode"], no_pager: bool) -> None:
    """Apply a command's own --color and --no-pager (they override the global ones)."""
    if color is not None or no_pager:
        from briefcmp.render import output

        if color is not None:
            output.set_color_mode(color.value)
        if no_pager:
            output.set_pager(False)


def say(message: str, nl: bool = True) -> None:
    """Print a message on stderr. Every message goes through here: it may hold command-line
    arguments and file names, so control and bidi characters are made visible (``\\x1b``,
    ``\\u202e``) by the one sanitiser, and a name that is not UTF-8 prints as ``\\xff``."""
    from briefcmp.corpus.safetext import visible

    typer.echo(_fit_stderr(visible(message)), err=True, nl=nl)


def _fit_stderr(text: str) -> str:
    """On a terminal, each line wrapped at words to its width (a path or a command word never broken;
    later lines indented two more); off a terminal, as it is."""
    from briefcmp.render.layout import hold_counts, release_counts, stderr_width

    width = stderr_width()
    if width is None or width < 20 or all(len(line) <= width for line in text.split("\n")):
        return text
    import textwrap

    out = []
    for line in text.split("\n"):
        lead = line[:len(line) - len(line.lstrip(" "))]
        out += [release_counts(piece) for piece in textwrap.wrap(  # (a count stays with its word: "6 candidates")
            hold_counts(line), width, initial_indent="", subsequent_indent=lead + "  ", break_long_words=False,
            break_on_hyphens=False, drop_whitespace=True)] if len(line) > width else [line]
    return "\n".join(out)


def fail(message: str, code: int = EXIT_INPUT) -> typer.Exit:
    """Print ``briefcmp: error: message`` on stderr and return the Exit to raise."""
    say(f"briefcmp: error: {message}")
    return typer.Exit(code)


def _safe_click_echo(message=None, *args, **kwargs):
    """click's own messages (usage errors quote the bad value, "No such option: ...") through the
    same sanitiser: click.exceptions looks ``echo`` up in its module when it shows an error."""
    from briefcmp.corpus.safetext import visible

    return click.utils.echo(visible(message) if isinstance(message, str) else message, *args, **kwargs)


click.exceptions.echo = _safe_click_echo  # type: ignore[attr-defined]


PATHS_ARG = typer.Argument(None, metavar="[PATH]...", show_default=False,
                           help="Corpus folder(s) or claims files. Default: ./briefs if it exists, else the "
                                "nearest folder upward holding briefcmp.yaml.")


def output_path(value: str, example: str = "report.txt") -> Path:
    """``-o`` value (and every option naming a file to write, e.g. ``export --sqlite``): a file path;
    one ending in ``/`` names a folder and is refused here (clear usage error)."""
    if value != "-" and value.endswith(("/", "\\")):
        raise typer.BadParameter(f"{value}: is a folder; give a file name, e.g. {value}{example}")
    return Path(value)


def database_path(value: str) -> Path:
    """``export --sqlite`` value: the rule of ``output_path``."""
    return output_path(value, "corpus.db")


OUTPUT_OPT = typer.Option(None, "--output", "-o", parser=output_path, metavar="PATH",
                          help="Write to this file (atomically) instead of stdout.")
FORCE_OPT = typer.Option(False, "--force", help="Replace an existing --output file.")
COLOR_OPT = typer.Option(None, "--color", show_default=False, help=COLOR_HELP)
NO_PAGER_OPT = typer.Option(False, "--no-pager", help=NO_PAGER_HELP)


def default_paths(paths: Optional[List[Path]]) -> list[Path]:
    """The paths given, else the corpus found from the working folder (said on stderr in a terminal).

    Like git and ruff: ``./briefs`` when it exists, else the nearest folder at or above the
    working folder that holds ``briefcmp.yaml``. Exit 2 when there is none.
    """
    if paths:
        return list(paths)
    from briefcmp.corpus.load import discover_corpus, display_path

    found = discover_corpus(Path.cwd())
    if found is None:
        raise fail("no corpus here: no ./briefs folder and no briefcmp.yaml in this folder or a parent; "
                   "give the corpus folder as PATH, or create one with `briefcmp init DIR`")
    import sys

    if sys.stderr.isatty():
        how = "./briefs" if found == Path.cwd() / "briefs" else "the nearest folder upward holding briefcmp.yaml"
        say(f"briefcmp: corpus {display_path(found)} ({how})")
    return [Path(display_path(found))]


def discovered(paths: Optional[List[Path]], corpus) -> None:
    """Record on the corpus where it was found when no PATH was given (JSON reports show it)."""
    if not paths:
        corpus.discovered = corpus_shown(corpus)


def corpus_shown(corpus) -> str:
    from briefcmp.corpus.load import display_path

    return display_path(Path(corpus.root))


class Choice(click.Choice):
    """A choice that also takes aliases (plural kinds, an older format name), not listed in --help."""

    def __init__(self, choices, aliases: Optional[dict] = None) -> None:
        super().__init__(list(choices))
        self.aliases = dict(aliases or {})

    def convert(self, value, param, ctx):
        if isinstance(value, str):
            value = self.aliases.get(value, value)
        return super().convert(value, param, ctx)


_PLURALS = {"change-over-time": "changes-over-time", "forecast-vs-fact": "forecasts-vs-facts"}


def plural(kind: str) -> str:
    return _PLURALS.get(kind, kind + "s")


def kind_choice(kinds, plural_names: bool = False, extra=()) -> Choice:
    """Relation kinds, singular or plural (``plural_names``: the plural is the listed name)."""
    kinds = list(kinds)
    listed = [plural(k) if plural_names else k for k in kinds] + list(extra)
    aliases: dict[str, str] = {}
    for k, shown in zip(kinds, listed):
        for form in {k, plural(k), k + "s"} - {shown}:
            aliases[form] = shown
    for e in extra:
        aliases.setdefault(e + "s", e)
    return Choice(listed, aliases)
