"""`briefcmp annotate`: draft a claims file from a source text.

The core is ``build_draft(text, ...) -> Draft``: brief metadata found in the
text, one claim per figure (``briefcmp.drafting.figures``), optionally one candidate
claim per sentence that takes a position, each with topics, subjects and a key
suggested from the corpus config. ``render_draft`` turns a draft into YAML
text; ``append_to_claims_file`` adds new claims to an existing file by
appending text, so every reviewed claim, comment and blank line stays exactly
as it was. Every drafted claim is ``status: draft``.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from briefcmp.corpus import anchor
from briefcmp.corpus.model import Config, Corpus
from briefcmp.drafting import sentences as sent
from briefcmp.drafting.claimsyaml import (
    AnnotateError, add_drafted_lines, append_to_claims_file, drafted_before, refresh_sha, render_draft,
)
from briefcmp.drafting.draft import BriefMeta, Draft, build_draft, fingerprint
from briefcmp.drafting.metadata import brief_id_from, find_metadata, language_of, reference_date

# --------------------------------------------------------------------------- files


@dataclass
class AnnotateSettings:
    source: Path
    output: Optional[Path] = None  # None: stdout
    update: Optional[Path] = None  # an existing claims file to add to
    positions: bool = False
    refresh_sha: bool = False  # with update: set source_sha256 to the source's current hash
    language: Optional[str] = None  # None: the claims file's (with update), else detected from the text


@dataclass
class AnnotateResult:
    text: str  # the claims file text to write (or print)
    draft: Draft
    target: Optional[Path]  # where to write; None for stdout
    warnings: list[str] = field(default_factory=list)
    unchanged: bool = False  # --update found nothing new


def read_source(path: Path) -> tuple[str, bytes]:
    """The text and bytes of a source file; AnnotateError with a located message when unusable."""
    from briefcmp.corpus import yamlsafe
    from briefcmp.corpus.load import MAX_SOURCE_BYTES
    from briefcmp.corpus.problems import Problems

    try:
        if path.is_dir():
            raise AnnotateError(f"{path}: is a folder; give a source text file")
        with open(path, "rb") as fh:
            data = fh.read(MAX_SOURCE_BYTES + 1)
    except FileNotFoundError:
        raise AnnotateError(f"{path}: no such file") from None
    except OSError as exc:
        raise AnnotateError(f"{path}: cannot read: {exc.strerror}") from None
    if len(data) > MAX_SOURCE_BYTES:
        raise AnnotateError(f"{path}:1:1: file is larger than {MAX_SOURCE_BYTES:,} bytes")
    problems = Problems()
    text = yamlsafe.decode(data, str(path), problems) if len(data) <= yamlsafe.MAX_BYTES else None
    if text is None:
        if not problems:  # larger than the YAML limit but within the source limit: decode directly
            try:
                text = data.decode("utf-8-sig")
            except UnicodeDecodeError as exc:
                raise AnnotateError(f"{path}: byte {exc.start} is not valid UTF-8; save the file as UTF-8") from None
        else:
            p = problems[0]
            raise AnnotateError(f"{p.path}:{p.line}:{p.col}: {p.message}")
    if not text.strip():
        raise AnnotateError(f"{path}:1:1: the source text is empty")
    _check_draftable(path, text)
    return text, data


# Drafting does real work per figure: a text far beyond any brief (a data dump, a
# megabytes-long line) is refused at once with its place, instead of running for minutes.
MAX_DRAFT_CHARS = 2_000_000
MAX_DRAFT_NUMBERS = 20_000
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


def _check_draftable(path: Path, text: str) -> None:
    if len(text) > MAX_DRAFT_CHARS:
        raise AnnotateError(f"{path}:1:1: the text has {len(text):,} characters; annotate drafts from texts of "
                            f"up to {MAX_DRAFT_CHARS:,} (split it into parts)")
    for n, m in enumerate(_NUMBER.finditer(text), 1):
        if n > MAX_DRAFT_NUMBERS:
            line = text.count("\n", 0, m.start()) + 1
            col = m.start() - (text.rfind("\n", 0, m.start()) + 1) + 1
            raise AnnotateError(f"{path}:{line}:{col}: more than {MAX_DRAFT_NUMBERS:,} numbers; annotate drafts "
                                "claims from briefs, not from data tables (split the text or leave the table out)")


def run_annotate(settings: AnnotateSettings) -> AnnotateResult:
    """Read the source (and the claims file to update), build the draft, and produce the text to write."""
    from briefcmp.corpus.cache import load_corpus
    from briefcmp.corpus.load import InputError, find_root

    src = settings.source
    text, data = read_source(src)
    warnings: list[str] = []
    target = settings.update or settings.output
    if target is not None and str(target) == "-":
        target = None
    base = target.resolve().parent if target is not None else None
    root = find_root(base if base is not None else src.resolve().parent) or \
        (find_root(Path.cwd()) if base is None else None)
    if base is None:
        base = root or Path.cwd().resolve()
    config = Config()
    corpus: Optional[Corpus] = None
    if root is not None:
        try:
            loaded = load_corpus([root], anchor_quotes=False)
        except InputError as exc:  # an unusable config: one error, as for every command
            raise AnnotateError(str(exc)) from None
        corpus, config = loaded.corpus, loaded.corpus.config
        if any(p.severity >= 2 and p.path == config.path for p in loaded.problems):
            warnings.append(f"{config.path} has problems (run `briefcmp check`); suggestions may be incomplete")
    else:
        warnings.append("no briefcmp.yaml found above the output: no topics, subjects or keys are suggested")
    rel = Path(os.path.relpath(src.resolve(), base)).as_posix()
    if root is not None and not src.resolve().is_relative_to(root.resolve()):
        warnings.append(f"{src} is outside the corpus folder {root}; copy it into {root}/sources/ "
                        "so that `briefcmp check` can read it")
    prep = sent.prepare(text)
    title, publisher, published = find_metadata(prep)
    reference, ref_from = reference_date(src.name) if published is None else (None, "")
    meta = BriefMeta(id=brief_id_from(src), title=title, source=rel, source_sha256=anchor.sha256(data),
                     publisher=publisher, published=published, language=settings.language or language_of(text),
                     reference=reference, reference_from=ref_from)
    if settings.update is None:
        draft = build_draft(text, meta=meta, config=config, positions=settings.positions, prepared=prep,
                            corpus=corpus)
        return AnnotateResult(render_draft(draft), draft, target, warnings)
    return _update(settings.update, src, prep, meta, config, settings.positions, warnings, corpus,
                   settings.refresh_sha, settings.language)


def _update(path: Path, source: Path, prep: sent.Prepared, meta: BriefMeta, config: Config, positions: bool,
            warnings: list[str], corpus: Optional[Corpus], refresh: bool = False,
            language: Optional[str] = None) -> AnnotateResult:
    from briefcmp.corpus import yamlsafe
    from briefcmp.corpus.parse import parse_claims_file
    from briefcmp.corpus.problems import Problems, Severity

    from briefcmp.corpus.files import read_regular

    try:
        raw = read_regular(path, yamlsafe.MAX_BYTES)
    except FileNotFoundError:
        raise AnnotateError(f"{path}: no such claims file (leave out --update to start a new one)") from None
    except OSError as exc:
        raise AnnotateError(f"{path}: cannot read: {exc.strerror}") from None
    problems = Problems()
    existing_text = yamlsafe.decode(raw, str(path), problems)
    parsed = yamlsafe.parse(existing_text, str(path), problems) if existing_text is not None else None
    errors = [p for p in problems if p.severity == Severity.ERROR]
    if errors or parsed is None or existing_text is None:
        raise AnnotateError("cannot update: " + (errors[0].format() if errors else f"{path}: unreadable"))
    brief = parse_claims_file(parsed, str(path), Problems(), config)
    if brief is None:
        raise AnnotateError(f"cannot update: {path}: not a claims file (it needs a brief: section with id, "
                            "title and source)")
    if brief.source and (path.resolve().parent / brief.source).resolve() != source.resolve():
        raise AnnotateError(f"cannot update: {path} annotates {brief.source}, not {source}")
    stale = brief.source_sha256 != meta.source_sha256
    if brief.source_sha256 and stale and not refresh:
        warnings.append(f"{path}: the source changed since it was annotated (source_sha256 differs); "
                        "review the existing quotes, then add --refresh-sha to record the new hash")
    for c in brief.claims:
        if c.quote:
            c.span = anchor.find_quote(prep.norm, c.quote, c.prefix, c.suffix).span
    if brief.published:
        meta.published = brief.published
    if brief.language and not language:
        meta.language = brief.language  # as the reviewer set it
    meta.id = brief.id or meta.id
    draft = build_draft(prep.original, meta=meta, config=config, positions=positions, existing=brief.claims,
                        prepared=prep, corpus=corpus)
    rejected = drafted_before(existing_text)
    kept = [c for c in draft.claims if fingerprint(c) not in rejected]
    draft.rejected, draft.claims = len(draft.claims) - len(kept), kept
    new_text = add_drafted_lines(append_to_claims_file(existing_text, draft.claims), draft.claims)
    if refresh and stale:
        new_text = refresh_sha(new_text, meta.source_sha256)
    if raw.startswith(b"\xef\xbb\xbf"):
        new_text = "\ufeff" + new_text
    return AnnotateResult(new_text, draft, path, warnings, unchanged=new_text == existing_text)
