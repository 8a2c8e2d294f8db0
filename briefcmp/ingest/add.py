"""`briefcmp add`: an original (PDF, saved web page, Markdown or text) in, a source text and a draft out.

``run_add(AddSettings) -> AddResult`` reads the original, extracts and cleans its text
(``pdf``, ``html``, ``markdown``, ``clean``), writes it to the corpus's ``sources/``
folder, drafts the claims file with ``briefcmp annotate``'s core on that text, and
records in the brief the original's name, type and sha256, and its path: an original from
outside the corpus is first copied to ``PATH/originals/`` (unless ``keep_original`` is off),
so that ``briefcmp check`` reports when it changes; with the
title, publisher, date and address the document states and where each was found.

Nothing is overwritten without ``force``; both files are written atomically, and when
the draft cannot be written the source text written just before is taken back.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from briefcmp.ingest import IngestError
from briefcmp.ingest.metadata import DocMeta, from_masthead, settle_date

TYPES = {".pdf": "pdf", ".html": "html", ".htm": "html", ".xhtml": "html", ".md": "md", ".markdown": "md",
         ".txt": "txt"}
MAX_ORIGINAL_BYTES = 512 * 1024 * 1024
# A scheme of two letters or more ("C:/" is a Windows drive); a Path folds "https://" into "https:/".
_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]+:/|^www\.", re.I)
_ID = re.compile(r"^[a-z0-9][a-z0-9._-]*$")


@dataclass
class AddSettings:
    original: Path | str  # as given: a URL is refused before it becomes a path
    corpus: Path = Path("briefs")
    brief_id: Optional[str] = None
    force: bool = False
    positions: bool = False  # also draft a candidate claim per position-taking sentence (annotate --sentences)
    keep_original: bool = True  # copy an original from outside the corpus to PATH/originals/


@dataclass
class AddResult:
    brief_id: str
    kind: str  # pdf, html, md or txt
    sha256: str
    source: Path  # the source text written
    claims_file: Path  # the draft written
    paragraphs: int
    claims: int
    meta: DocMeta  # the metadata written, each field with where it came from
    original_path: str = ""  # relative to the claims file, when the original is inside the corpus
    copied_to: Optional[Path] = None  # where the original was copied (PATH/originals/NAME), if it was
    pages: int = 0
    warnings: list[str] = field(default_factory=list)


@dataclass
class Extracted:
    text: str
    meta: DocMeta
    paragraphs: int
    pages: int = 0
    warnings: list[str] = field(default_factory=list)


def kind_of(path: Path | str) -> str:
    """The original's type from its file name; IngestError for a URL or an unsupported type."""
    if _URL.match(str(path)):
        raise IngestError(f"{path}: briefcmp add reads files and never fetches from the network: save the page "
                          "first (in the browser: Save Page As, 'Web Page, HTML only'; or print it to PDF), "
                          "then add the saved file")
    path = Path(path)
    kind = TYPES.get(path.suffix.lower())
    if kind is None:
        raise IngestError(f"{path}: unsupported type '{path.suffix or '(no extension)'}'; briefcmp add takes "
                          ".pdf, .html/.htm (a saved web page), .md and .txt: save or export the document as "
                          "one of these (a word processor can save as PDF), then add that")
    return kind


def read_original(path: Path) -> bytes:
    """The original's bytes: a regular file only, opened without blocking (a FIFO or a device is an
    error, not a hang), within the size limit."""
    from briefcmp.corpus.files import FileTooLarge, NotRegularFile, read_regular

    try:
        if path.is_dir():
            raise IngestError(f"{path}: is a folder; give the file to add")
        return read_regular(path, MAX_ORIGINAL_BYTES)
    except FileTooLarge:
        raise IngestError(f"{path}: file is larger than {MAX_ORIGINAL_BYTES:,} bytes") from None
    except NotRegularFile as exc:
        raise IngestError(f"{path}: {exc.strerror}; give the file to add") from None
    except FileNotFoundError:
        raise IngestError(f"{path}: no such file") from None
    except OSError as exc:
        raise IngestError(f"{path}: cannot read: {exc.strerror}") from None


def _decode_text(path: Path, data: bytes) -> str:
    """Text and Markdown are read as annotate reads a source: UTF-8, and no NUL byte (binary, or UTF-16)."""
    from briefcmp.drafting.annotate import AnnotateError, decode_text

    try:
        return decode_text(path, data)
    except AnnotateError as exc:
        raise IngestError(str(exc)) from None


def extract(path: Path, kind: str, data: bytes) -> Extracted:
    """The cleaned source text and the metadata the document states (see ``briefcmp.ingest.clean``)."""
    from briefcmp.ingest import clean, metadata

    if kind == "pdf":
        from briefcmp.ingest.pdf import extract_pdf

        if not data.lstrip()[:5].startswith(b"%PDF"):
            raise IngestError(f"{path}: not a PDF file (it does not start with %PDF); check the file, "
                              "or give it the extension of what it is")
        got = extract_pdf(path, data)
        return Extracted(clean.paragraphs_text(got.paragraphs), metadata.from_pdf(got.info, path.stem, got.headline),
                         len(got.paragraphs), got.pages, got.warnings)
    if kind == "html":
        from briefcmp.ingest.html import extract_html
        from briefcmp.ingest.htmlmeta import from_html

        paragraphs = _mend(extract_html(path, data))
        meta = from_html(data)
        at = next((i for i, p in enumerate(paragraphs[:3]) if _opens_with(p, meta.title)), None) if meta.title else 0
        if at and all(len(p.split()) <= 4 and p.rstrip()[-1:] not in ".!?" for p in paragraphs[:at]):
            del paragraphs[:at]  # a kicker above the headline ("Georgia"): a section label, not the text
        elif meta.title and at is None:
            # the headline, which trafilatura leaves out with the article's <header>: the text opens with its
            # title as every other source does (what the headline states is read as the title's)
            paragraphs.insert(0, meta.title)
        return Extracted(clean.paragraphs_text(paragraphs), meta, len(paragraphs))
    text = _decode_text(path, data)
    if kind == "md":
        from briefcmp.ingest.markdown import extract_markdown, split_front_matter

        front, body = split_front_matter(text)
        paragraphs = _mend(_head_apart(extract_markdown(body)))
        return Extracted(clean.paragraphs_text(paragraphs), metadata.from_front_matter(front), len(paragraphs))
    cleaned = clean.clean_plain_text(text)
    return Extracted(cleaned, DocMeta(), sum(1 for p in cleaned.split("\n\n") if p.strip()))


def _opens_with(paragraph: str, line: str) -> bool:
    """Whether a paragraph opens with the words of ``line`` (case, spacing and punctuation aside)."""
    words, head = (re.findall(r"\w+", x.casefold()) for x in (paragraph, line))
    return words[:len(head)] == head


def _head_apart(paragraphs: list[str]) -> list[str]:
    """A first paragraph that is a title line and a masthead line under it ("Nigeria CPI: ..." then
    "Eko Securities | Fixed Income Research | 16-Dec-24"), which Markdown joins into one paragraph,
    as two paragraphs: the masthead is read as the text's publisher and date, not as words of the title."""
    from briefcmp.ingest.metadata import from_masthead

    lines = paragraphs[0].split("\n") if paragraphs else []
    if len(lines) == 2 and from_masthead("\n".join(lines))[0].origin:
        return lines + paragraphs[1:]
    return paragraphs


def _mend(paragraphs: list[str]) -> list[str]:
    """Paragraphs whose lines are mended at their ends (words hyphenated across lines joined)."""
    from briefcmp.ingest import clean

    vocab = clean.vocabulary(line for p in paragraphs for line in p.split("\n"))
    return [clean.join_lines(p.split("\n"), vocab) for p in paragraphs]


# ---------------------------------------------------------------------------- the claims file


def original_yaml(name: str, kind: str, sha256: str, path: str, origin: dict[str, str]) -> str:
    """The ``original:`` block of the brief section."""
    from briefcmp.drafting.claimsyaml import yaml_scalar

    lines = ["  original:", f"    name: {yaml_scalar(name, 4, 10)}"]
    if path:
        lines.append(f"    path: {yaml_scalar(path, 4, 10)}")
    lines += [f"    type: {kind}", f"    sha256: {sha256}"]
    if origin:
        lines.append("    metadata_from:")
        lines += [f"      {k}: {origin[k]}" for k in ("title", "publisher", "published", "url") if k in origin]
    return "\n".join(lines) + "\n"


def _with_original(claims_text: str, block: str, url: str) -> str:
    """The drafted claims file with the url and the original block added at the end of its brief section."""
    from briefcmp.drafting.claimsyaml import yaml_scalar

    extra = (f"  url: {yaml_scalar(url, 2, 7)}\n" if url else "") + block
    m = re.search(r"^claims:", claims_text, re.M)
    if m is None:
        return claims_text + ("" if claims_text.endswith("\n") else "\n") + extra
    return claims_text[:m.start()] + extra + claims_text[m.start():]


def _stated(found: DocMeta, text: str = "") -> DocMeta:
    """The document's own metadata, completed by what the top of the text states in a set form: a
    masthead line ("Publisher | Series | Date"), a labelled date line ("Released: 2022-10-07"), a
    wire dateline ("OTTAWA, Oct 7 (Agency) -"), a letterhead ("RESERVE BANK OF NEW ZEALAND | ..." over
    "Wellington, 27 November 2024 · For release at 2.00 pm")."""
    from briefcmp.ingest.letterhead import from_letterhead
    from briefcmp.ingest.metadata import from_date_line, from_dateline, from_masthead

    merged = DocMeta(title=found.title, publisher=found.publisher, published=found.published, url=found.url,
                     origin=dict(found.origin))
    masthead, _ = from_masthead(text)
    for stated in (masthead, from_date_line(text), from_dateline(text), from_letterhead(text, found.title)):
        for name in ("title", "publisher", "published"):
            merged.set(name, getattr(stated, name), "text")
    merged.readings, merged.date_text, merged.order, merged.order_why = (
        masthead.readings, masthead.date_text, masthead.order, masthead.order_why)
    return merged


def _merge(stated: DocMeta, draft_meta) -> DocMeta:
    """The metadata the document states (``_stated``), then what annotate found at the top of the text."""
    merged = DocMeta(title=stated.title, publisher=stated.publisher, published=stated.published, url=stated.url,
                     origin=dict(stated.origin))
    merged.set("title", draft_meta.title, "text")
    merged.set("publisher", draft_meta.publisher, "text")
    merged.set("published", draft_meta.published, "text")
    return merged


def settle_earlier(corpus: Path, claims_file: Path) -> list[str]:
    """Date the briefs added before this one that ``add`` left undated because the corpus had no date
    near them yet (a wire dateline with no year, a date in numbers nothing decided), now that this brief
    gives one: ``published:`` is written into each such claims file (origin ``corpus``; a brief that has
    a date, however it got it, is never touched). Returns a line for the user per brief dated."""
    from briefcmp.corpus.cache import load_corpus
    from briefcmp.corpus.files import OutputError, read_regular, shown_path, write_file
    from briefcmp.corpus.load import MAX_SOURCE_BYTES, InputError

    try:
        briefs = load_corpus([corpus], anchor_quotes=False).corpus.briefs
    except InputError:
        return []
    known = tuple(sorted({b.published.start() for b in briefs if b.published is not None and b.published.day}))
    said = []
    for b in briefs:
        if b.published is not None or b.original is None or not b.path or not b.source_path:
            continue
        try:
            text = read_regular(b.source_path, MAX_SOURCE_BYTES).decode("utf-8")
            claims_text = read_regular(b.path, MAX_SOURCE_BYTES).decode("utf-8")
        except (OSError, ValueError):  # (a file that cannot be read whole is left as it is)
            continue
        found = from_masthead(text)[0]
        dated, how, note = settle_date(found, text, known)
        if dated is None:
            continue
        edited = _with_published(_with_periods(b, claims_text, dated), dated, how)
        if edited is None:
            continue
        try:
            write_file(Path(b.path), edited, force=True, within=corpus)
        except OutputError:
            continue
        said.append(f"{b.id}, added before: {note}; wrote `published: {dated}` in {shown_path(b.path)}: check it")
    return said


def _with_periods(brief, claims_text: str, day) -> str:
    """The claims file with the periods its drafts name ("in November") read against ``day``: what the draft
    would have held had the brief been dated when it was added. Only drafts with no ``as_of`` get one."""
    from briefcmp.analysis.alignedit import set_as_of_line
    from briefcmp.drafting.annotate import AnnotateSettings, run_annotate
    from briefcmp.drafting.claimsyaml import AnnotateError

    try:
        redrafted = run_annotate(AnnotateSettings(source=Path(brief.source_path), output=Path(brief.path),
                                                  published=day)).draft.claims
    except AnnotateError:
        return claims_text
    periods = {c.id: c.as_of for c in redrafted if getattr(c, "as_of", None) is not None}
    why = "read from the text against the publication date the corpus gave"
    for claim in sorted(brief.claims, key=lambda c: -c.line):  # from the end: earlier lines stay where they are
        if claim.status == "draft" and claim.as_of is None and claim.id in periods:
            try:
                claims_text = set_as_of_line(claims_text, claim, str(periods[claim.id]), why)
            except Exception:  # (a claim whose id line was edited away keeps no as_of: it takes the date)
                continue
    return claims_text.replace(f"# align: {why}", f"# add: {why}")


def _with_published(claims_text: str, day, how: str) -> Optional[str]:
    """The claims file with ``published: day`` added to its brief section (which has none) and the origin
    under ``metadata_from``; None when the layout is not the one ``add`` writes, or the result would not
    read back with that date."""
    from briefcmp.corpus import yamlsafe

    lines = claims_text.split("\n")
    try:
        start = lines.index("brief:")
    except ValueError:
        return None
    end = next((i for i in range(start + 1, len(lines)) if lines[i] and not lines[i].startswith(" ")), len(lines))
    at = next((i for i in range(start + 1, end) if re.match(r"  (?:language|source):", lines[i])), None)
    origin = next((i for i in range(start + 1, end) if lines[i] == "    metadata_from:"), None)
    if at is None or any(re.match(r"  published:", line) for line in lines[start:end]):
        return None
    if origin is not None:
        lines.insert(origin + 1, f"      published: {how}")
    lines.insert(at, f"  published: {day}")
    edited = "\n".join(lines)
    try:
        data = yamlsafe.parse(edited, "claims", [])
    except Exception:  # (safe YAML only: an edit that does not read back is not written)
        return None
    brief = data.get("brief") if isinstance(data, dict) else None
    return edited if isinstance(brief, dict) and str(brief.get("published")) == str(day) else None


def _known_dates(corpus: Path, claims_file: Path) -> tuple:
    """The days the corpus's other briefs were published, for a date the document leaves open (a date in
    numbers whose order nothing in it decides, a wire dateline with no year: ``metadata.settle_date``).
    They come through the loader (its cache, safe YAML, no file outside the corpus), as every command
    reads them."""
    from briefcmp.corpus.cache import load_corpus
    from briefcmp.corpus.load import InputError

    try:
        briefs = load_corpus([corpus], anchor_quotes=False).corpus.briefs
    except InputError:
        return ()  # an unusable config: annotate says so next
    own = claims_file.resolve()
    return tuple(sorted({b.published.start() for b in briefs if b.published is not None and b.published.day
                         and not (b.path and Path(b.path).resolve() == own)}))


def _open_date(stated: DocMeta, text: str) -> bool:
    """Whether the document states a date only the corpus can settle."""
    from briefcmp.analysis import datelines

    if stated.published is not None:
        return False
    found = datelines.find(text)
    return bool(stated.readings) or (found is not None and found.month > 0 and not found.year)


# ---------------------------------------------------------------------------- the command's core


def run_add(settings: AddSettings) -> AddResult:
    from briefcmp.corpus import anchor
    from briefcmp.corpus.files import OutputError, confine, write_file
    from briefcmp.corpus.load import MAX_SOURCE_BYTES
    from briefcmp.corpus.parse import CONFIG_NAME
    from briefcmp.drafting.annotate import AnnotateSettings, run_annotate
    from briefcmp.drafting.claimsyaml import AnnotateError, render_draft
    from briefcmp.drafting.metadata import brief_id_from

    if not _URL.match(str(settings.original)) and Path(settings.original).is_dir():
        raise IngestError(f"{settings.original}: is a folder; give the file to add")
    kind = kind_of(settings.original)
    original = Path(settings.original)
    corpus = settings.corpus
    if not (corpus / CONFIG_NAME).is_file():
        raise IngestError(f"{corpus}: not a corpus folder (no {CONFIG_NAME}); create one with "
                          f"`briefcmp init {corpus}`, or give the corpus folder as PATH")
    brief_id = settings.brief_id or brief_id_from(original)
    if not _ID.match(brief_id):
        raise IngestError(f"--id {brief_id!r}: a brief id is lower-case letters, digits, '.', '_' and '-', "
                          "starting with a letter or digit")
    source = corpus / "sources" / f"{brief_id}.txt"
    claims_file = corpus / f"{brief_id}.claims.yaml"
    try:  # both files are the corpus's: written only inside it, as they are read (a link out is refused)
        confine(source, corpus)
        confine(claims_file, corpus)
    except OutputError as exc:
        raise IngestError(str(exc)) from None
    data = read_original(original)
    if source.exists() and source.resolve() == original.resolve():
        raise IngestError(f"{original} is already the corpus's source text for {brief_id}; draft claims from it "
                          f"with `briefcmp annotate {original} -o {claims_file}`")
    existing = [p for p in (source, claims_file) if p.exists()]
    if existing and not settings.force:
        raise IngestError(" and ".join(str(p) for p in existing) + (" exists" if len(existing) == 1 else " exist")
                          + f"; use --force to replace {'it' if len(existing) == 1 else 'them'}, "
                            "or --id to add the brief under another id")
    got = extract(original, kind, data)
    if not got.text.strip():
        raise IngestError(f"{original}: no text found")
    encoded = got.text.encode("utf-8")
    if len(encoded) > MAX_SOURCE_BYTES:
        raise IngestError(f"{original}: the text is larger than {MAX_SOURCE_BYTES:,} bytes, "
                          "more than a source text may be")
    sha = anchor.sha256(data)
    root = corpus.resolve()
    inside = original.resolve().is_relative_to(root)
    warnings = list(got.warnings)
    copy = None
    if not inside and settings.keep_original:
        copy = _copy_target(corpus, original, data, settings.force)
    elif not inside:
        warnings.append(f"{original} is outside the corpus: its sha256 is recorded, but `briefcmp check` "
                        f"reports changes to an original only when it is kept inside the corpus "
                        f"(without --no-copy, add copies it to {corpus}/originals/)")
    kept = copy if copy is not None else (original if inside else None)
    rel_original = Path(os.path.relpath(kept.resolve(), claims_file.resolve().parent)).as_posix() if kept else ""
    previous = source.read_bytes() if source.exists() else None
    copied = False
    try:
        if copy is not None and not (copy.is_file() and copy.read_bytes() == data):
            copy.parent.mkdir(parents=True, exist_ok=True)
            write_file(copy, [data], force=True)  # _copy_target refused a different file without --force
            copied = True
        source.parent.mkdir(parents=True, exist_ok=True)
        write_file(source, got.text, force=settings.force, within=corpus)
        # The date the document states (a page's meta tags, a masthead, "Released: ...") is the one
        # relative periods are read against ("last month", "in September"), not annotate's guess.
        stated = _stated(got.meta, got.text)
        dated, how, note = None, "", ""
        if _open_date(stated, got.text):  # "03/12/2024", "ROME, Oct. 4 (Xinhua) --"
            dated, how, note = settle_date(stated, got.text, _known_dates(corpus, claims_file))
        result = run_annotate(AnnotateSettings(source=source, output=claims_file, positions=settings.positions,
                                               published=stated.published or dated))
        meta = _merge(stated, result.draft.meta)
        if dated is not None and meta.published in (None, dated):  # annotate took the date it was given
            meta.published, meta.origin["published"] = dated, how
        if note and (meta.published is None or meta.published == dated):
            warnings.append(f"{original}: {note}; check `published:` in {claims_file}")
        dm = result.draft.meta
        dm.id, dm.title, dm.publisher, dm.published = brief_id, meta.title, meta.publisher, meta.published
        text = _with_original(render_draft(result.draft), original_yaml(original.name, kind, sha, rel_original,
                                                                         meta.origin), meta.url)
        write_file(claims_file, text, force=settings.force, within=corpus)
    except (AnnotateError, OutputError, OSError) as exc:
        _restore(source, previous)
        if copied:
            _remove(copy)
        if isinstance(exc, (AnnotateError, OutputError)):
            raise IngestError(str(exc)) from None
        raise IngestError(f"{exc.filename or source}: cannot write: {exc.strerror or exc}") from None
    except BaseException:
        _restore(source, previous)
        if copied:
            _remove(copy)
        raise
    warnings.extend(w for w in result.warnings if "outside the corpus folder" not in w)
    if meta.published is not None:  # a date now near the briefs added before any other
        warnings.extend(settle_earlier(corpus, claims_file))
    if meta.published is None:  # said now: compare would only report the claims' missing as-of dates later
        later = (", or add a brief published near its dateline's day next (add then dates this one)"
                 if _open_date(stated, got.text) and not note else "")
        warnings.append(f"{original}: no publication date with its year found; add `published:` to the brief "
                        f"section of {claims_file}{later} (claims without as_of take it, and relative periods such "
                        f"as \"last month\" were left undated)")
    return AddResult(brief_id, kind, sha, source, claims_file, got.paragraphs, len(result.draft.claims), meta,
                     rel_original, copy, got.pages, warnings)


ORIGINALS = "originals"


def _copy_target(corpus: Path, original: Path, data: bytes, force: bool) -> Path:
    """Where the original is kept in the corpus (PATH/originals/NAME); IngestError when another file
    of that name is there already (replaced only with --force: an original is evidence)."""
    target = corpus / ORIGINALS / original.name
    if not target.resolve().is_relative_to(corpus.resolve()):  # originals/ linked elsewhere: nothing written there
        raise IngestError(f"{corpus / ORIGINALS}: leads outside the corpus; make it a folder, or add with --no-copy")
    if target.is_symlink() or (target.exists() and not target.is_file()):
        raise IngestError(f"{target}: exists and is not a regular file; move it away, or add with --no-copy")
    if target.is_file() and not force and target.read_bytes() != data:
        raise IngestError(f"{target} exists with other content; use --force to replace it, rename the file "
                          "you add, or add with --no-copy")
    return target


def _remove(path: Optional[Path]) -> None:
    try:
        if path is not None:
            path.unlink(missing_ok=True)
    except OSError:  # best effort, as _restore
        pass


def _restore(source: Path, previous: Optional[bytes]) -> None:
    """Put the source text back as it was before this run (remove it when there was none)."""
    import tempfile

    try:
        if previous is None:
            source.unlink(missing_ok=True)
            return
        fd, tmp = tempfile.mkstemp(prefix=f".{source.name}.", suffix=".tmp", dir=source.parent)
        with os.fdopen(fd, "wb") as fh:
            fh.write(previous)
        os.replace(tmp, source)
    except OSError:  # best effort: the error being reported matters more
        pass
