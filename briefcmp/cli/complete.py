"""Shell completion of corpus names: keys, brief ids, claim refs, topics and entities.

Read from the corpus the command line names (its PATH arguments), else the one found from the
working folder, through the cache of parsed briefs, so a completion costs about as much as a
warm `briefcmp briefs`. Outside a corpus, or on any problem, nothing is offered: completion
never prints, never fails.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable, Iterable

import typer


def _paths(args: list[str]) -> list[Path]:
    """The corpus folders and claims files among the words typed so far (click does not parse
    a variadic argument before the option being completed)."""
    from briefcmp.corpus.load import CLAIMS_SUFFIX, CONFIG_NAME

    out = []
    for word in args:
        p = Path(word)
        if not word.startswith("-") and (p.is_dir() or p.name.endswith(CLAIMS_SUFFIX) or p.name == CONFIG_NAME) \
                and p.exists():
            out.append(p)
    return out


def _corpus(ctx: typer.Context):
    try:
        from briefcmp.corpus.cache import load_corpus
        from briefcmp.corpus.load import discover_corpus

        # Paths parsed so far, and words left unparsed before the option being completed.
        paths = _paths([str(p) for p in ctx.params.get("paths") or ()] + list(ctx.args))
        if not paths:
            found = discover_corpus(Path.cwd())
            if found is None:
                return None
            paths = [found]
        return load_corpus(paths, progress=lambda done, total: None).corpus
    except Exception:  # noqa: BLE001  (a completion must never raise or print)
        return None


def _names(names: Callable[[object], Iterable[str]]) -> Callable[[list[str], str], list[str]]:
    def complete(ctx: typer.Context, incomplete: str) -> list[str]:
        corpus = _corpus(ctx)
        if corpus is None:
            return []
        try:
            return sorted({n for n in names(corpus) if n and n.startswith(incomplete)})
        except Exception:  # noqa: BLE001
            return []

    return complete


complete_keys = _names(lambda c: [*c.config.keys, *(cl.key for cl in c.claims())])
complete_briefs = _names(lambda c: [b.id for b in c.briefs])
complete_topics = _names(lambda c: [*c.config.topics, *(t for cl in c.claims() for t in cl.topics)])
complete_subjects = _names(lambda c: [*c.config.entities, *(s for cl in c.claims() for s in cl.subjects)])


def complete_show(ctx: typer.Context, incomplete: str) -> list[str]:
    """Keys, and claim refs (BRIEF#CLAIM) once a brief id and '#' are typed, or brief ids followed by '#'."""
    corpus = _corpus(ctx)
    if corpus is None:
        return []
    if "#" in incomplete:
        return sorted(c.ref for c in corpus.claims() if c.ref.startswith(incomplete))
    keys = {k for k in [*corpus.config.keys, *(c.key for c in corpus.claims())] if k and k.startswith(incomplete)}
    briefs = {b.id + "#" for b in corpus.briefs if b.id.startswith(incomplete)}
    return sorted(keys | briefs)
