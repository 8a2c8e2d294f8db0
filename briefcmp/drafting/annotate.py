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

from briefcmp.analysis.document import Document
from briefcmp.corpus import anchor
from briefcmp.corpus.model import Config, Corpus, PartialDate
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
    published: Optional[PartialDate] = None  # the date the original states (briefcmp add), over the text's


@dataclass
class AnnotateResult:
    text: str  # the claims file text to write (or print)
    draft: Draft
    target: Optional[Path]  # where to write; None for stdout
    warnings: list[str] = field(default_factory=list)
    unchanged: bool = False  # --update found nothing new
    root: Optional[Path] = None  # the corpus the claims file belongs to (an update is written only inside it)


def read_source(path: Path) -> tuple[str, bytes]:
    """The text and bytes of a source file; AnnotateError with a located message when unusable."""
    from briefcmp.corpus.files import NotRegularFile, read_regular
    from briefcmp.corpus.load import MAX_SOURCE_BYTES

    try:
        if path.is_dir():
            raise AnnotateError(f"{path}: is a folder; give a source text file")
        # A regular file only, opened without blocking: a FIFO or a device given as the source is
        # an error, not a hang (the rule of every file briefcmp reads).
        data = read_regular(path, MAX_SOURCE_BYTES, allow_larger=True)
    except NotRegularFile as exc:
        raise AnnotateError(f"{path}: {exc.strerror}; give a source text file") from None
    except FileNotFoundError:
        raise AnnotateError(f"{path}: no such file") from None
    except OSError as exc:
        raise AnnotateError(f"{path}: cannot read: {exc.strerror}") from None
    if len(data) > MAX_SOURCE_BYTES:
        raise AnnotateError(f"{path}:1:1: file is larger than {MAX_SOURCE_BYTES:,} bytes")
    _not_an_original(path, data)
    text = decode_text(path, data)
    if not text.strip():
        raise AnnotateError(f"{path}:1:1: the source text is empty")
    _check_draftable(path, text)
    return text, data


def _not_an_original(path: Path, data: bytes) -> None:
    """A PDF or a saved web page given to annotate (which reads a source text as it is) is sent to
    `add`, which extracts its text: never drafted from its bytes or its markup."""
    head = data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"%PDF"):
        what = "a PDF"
    elif path.suffix.lower() in (".html", ".htm", ".xhtml") or re.match(rb"(?i)<(?:!doctype\s+html|html[\s>])", head):
        what = "a web page (HTML)"
    else:
        return
    raise AnnotateError(f"{path}:1:1: {what}, not a source text: `briefcmp add {path} CORPUS` extracts its text "
                        "into the corpus's sources/ and drafts its claims")


def _in_folder(path: Path, root: Optional[Path]) -> bool:
    """Whether ``path`` names a file in the folder ``root`` (as written, links not followed)."""
    return root is not None and os.path.abspath(path).startswith(os.path.join(os.path.abspath(root), ""))


def _confine(path: Path, root: Optional[Path]) -> None:
    """AnnotateError when the corpus file ``path`` is a link out of the corpus ``root`` (see files.confine)."""
    if root is None:
        return
    from briefcmp.corpus.files import OutputError, confine

    try:
        confine(path, root)
    except OutputError as exc:
        raise AnnotateError(str(exc)) from None


def too_large_warnings(src: Path, text: str, draft) -> list[str]:
    """A located warning for each figure not drafted because a claims file cannot hold it exactly."""
    out = []
    for offset, phrase in draft.too_large:
        line = text.count("\n", 0, offset) + 1
        col = offset - (text.rfind("\n", 0, offset) + 1) + 1
        out.append(f"{src}:{line}:{col}: {phrase!r} not drafted: a claims file keeps whole numbers below "
                   "9,007,199,254,740,992 exactly; write the figure with a scale (million, billion, ...)")
    return out


def decode_text(path: "Path | str", data: bytes) -> str:
    """A text file's bytes as text, by the rules of every file briefcmp reads: UTF-8 (BOM stripped);
    a NUL byte anywhere (a binary file, or UTF-16 without a BOM) or a byte that is not UTF-8 is an
    AnnotateError at its place. ``annotate`` and ``add`` both read their texts through here."""
    from briefcmp.corpus import yamlsafe
    from briefcmp.corpus.problems import Problems

    problems = Problems()
    # The decoder's checks, whatever the size (YAML's size limit does not apply to a source text).
    text = yamlsafe.decode(data, str(path), problems, limit=None)
    if text is None:
        p = problems[0]
        raise AnnotateError(f"{p.path}:{p.line}:{p.col}: {p.message}")
    return text


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
    # The folder the output is named in (a link as the output file is not followed: a corpus file that
    # links out of its corpus is refused, not written as a file of another folder).
    base = Path(os.path.abspath(target)).parent.resolve() if target is not None else None
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
    doc = Document(text)  # the source read once: metadata, figures and sentences all come from it
    title, publisher, published = find_metadata(doc.prepared)
    published = settings.published or published
    reference, ref_from = reference_date(src.name) if published is None else (None, "")
    meta = BriefMeta(id=brief_id_from(src), title=title, source=rel, source_sha256=anchor.sha256(data),
                     publisher=publisher, published=published, language=settings.language or language_of(text),
                     reference=reference, reference_from=ref_from)
    if settings.update is None:
        draft = build_draft(text, meta=meta, config=config, positions=settings.positions, document=doc,
                            corpus=corpus)
        warnings.extend(too_large_warnings(src, text, draft))
        inside = root if target is not None and _in_folder(target, root) else None
        return AnnotateResult(render_draft(draft), draft, target, warnings, root=inside)
    _confine(settings.update, root)  # a corpus's claims file is read and written only inside it
    result = _update(settings.update, src, doc, meta, config, settings.positions, warnings, corpus,
                     settings.refresh_sha, settings.language)
    result.root = root
    return result


def _update(path: Path, source: Path, doc: Document, meta: BriefMeta, config: Config, positions: bool,
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
            c.span = anchor.find_quote(doc.norm, c.quote, c.prefix, c.suffix).span
    if brief.published:
        meta.published = brief.published
    if brief.language and not language:
        meta.language = brief.language  # as the reviewer set it
    meta.id = brief.id or meta.id
    draft = build_draft(doc.prepared.original, meta=meta, config=config, positions=positions,
                        existing=brief.claims, document=doc, corpus=corpus)
    warnings.extend(too_large_warnings(source, doc.prepared.original, draft))
    rejected = drafted_before(existing_text)
    kept = [c for c in draft.claims if fingerprint(c) not in rejected]
    draft.rejected, draft.claims = len(draft.claims) - len(kept), kept
    new_text = add_drafted_lines(append_to_claims_file(existing_text, draft.claims), draft.claims)
    if refresh and stale:
        new_text = refresh_sha(new_text, meta.source_sha256)
    if raw.startswith(b"\xef\xbb\xbf"):
        new_text = "\ufeff" + new_text
    return AnnotateResult(new_text, draft, path, warnings, unchanged=new_text == existing_text)
