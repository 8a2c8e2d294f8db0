"""`briefcmp export --sqlite FILE`: the analysis as a normalised SQLite database.

The database opens as it is in sqlite-utils and Datasette: plain tables with primary keys,
declared foreign keys, and FTS5 indexes named ``<table>_fts`` with ``content=[<table>]``
(the convention both tools detect), so ``db["claims"].search("SWIFT")`` and Datasette's
search box work without any set-up.

Tables (one row per thing, links in their own tables):

- ``briefs``: id, metadata, claim count and the (normalised) source text
- ``claims``: ``ref`` (``brief#claim``) is the primary key; the value in typed, normalised
  columns (``amount``/``upper`` in base units with the scale applied, ``unit``, ``currency``,
  ``bound``, ``rank``, ``date``, ``category``, ``stance``), the as-of period as text and as
  ISO ``as_of_start``/``as_of_end`` days
- ``keys``, ``topics`` (with ``parent``), ``entities``: the registry, plus any id claims use
  without registering it (``registered`` = 0), so every foreign key resolves
- ``relations`` and ``relation_claims`` (the link table, with each claim's position)
- ``claim_topics``, ``claim_subjects``: a claim's topics and subjects
- ``meta``: the tool, its version and the schema version
- ``claims_fts`` (quote, text, note) and ``briefs_fts`` (title, text): full-text search

Written with the standard library's ``sqlite3``, not sqlite-utils: the schema (composite
primary keys, foreign keys, FTS tables) is fixed and small, so a few CREATE statements do the
job and briefcmp gains no run-time dependency (sqlite-utils would bring click 8 pins,
tabulate, dateutil and pluggy with it). The tests open the result with sqlite-utils to
prove it reads "as is".

The file is replaced atomically: everything is written to a temporary file in the same
folder, which then replaces the target with ``os.replace``; a reader never sees half a
database. A file that is not a briefcmp export (its SQLite ``application_id`` says so) is
only replaced with ``force``.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any, Iterable, Optional

from briefcmp import __version__
from briefcmp.analysis.crossref import Analysis
from briefcmp.corpus.model import Claim, Corpus
from briefcmp.render.records import value_record

# PRAGMA application_id of every export: "bcmp". A file carrying it may be replaced freely.
APPLICATION_ID = int.from_bytes(b"bcmp", "big")
SCHEMA_VERSION = 1  # PRAGMA user_version; change with the tables below

SCHEMA = """
CREATE TABLE [meta] (
  [name] TEXT PRIMARY KEY,
  [value] TEXT
);
CREATE TABLE [topics] (
  [id] TEXT PRIMARY KEY,
  [label] TEXT,
  [description] TEXT,
  [parent] TEXT REFERENCES [topics]([id]),
  [registered] INTEGER NOT NULL
);
CREATE TABLE [entities] (
  [id] TEXT PRIMARY KEY,
  [label] TEXT,
  [aliases] TEXT,
  [registered] INTEGER NOT NULL
);
CREATE TABLE [keys] (
  [id] TEXT PRIMARY KEY,
  [label] TEXT,
  [description] TEXT,
  [type] TEXT,
  [unit] TEXT,
  [tolerance_relative] REAL,
  [tolerance_absolute] REAL,
  [registered] INTEGER NOT NULL
);
CREATE TABLE [briefs] (
  [id] TEXT PRIMARY KEY,
  [title] TEXT,
  [publisher] TEXT,
  [authors] TEXT,
  [published] TEXT,
  [language] TEXT,
  [url] TEXT,
  [source] TEXT,
  [path] TEXT,
  [note] TEXT,
  [claims] INTEGER NOT NULL,
  [text] TEXT
);
CREATE TABLE [claims] (
  [ref] TEXT PRIMARY KEY,
  [brief] TEXT NOT NULL REFERENCES [briefs]([id]),
  [claim] TEXT NOT NULL,
  [kind] TEXT,
  [status] TEXT,
  [key] TEXT REFERENCES [keys]([id]),
  [quote] TEXT NOT NULL,
  [text] TEXT,
  [note] TEXT,
  [cites] TEXT,
  [value] TEXT,
  [value_type] TEXT,
  [amount] REAL,
  [upper] REAL,
  [amount_as_written] REAL,
  [upper_as_written] REAL,
  [scale] TEXT,
  [unit] TEXT,
  [currency] TEXT,
  [bound] TEXT,
  [rank] INTEGER,
  [rank_of] TEXT,
  [date] TEXT,
  [category] TEXT,
  [stance] TEXT,
  [as_of] TEXT,
  [as_of_start] TEXT,
  [as_of_end] TEXT,
  [as_of_inferred] INTEGER NOT NULL,
  [path] TEXT,
  [line] INTEGER,
  UNIQUE ([brief], [claim])
);
CREATE TABLE [claim_topics] (
  [claim] TEXT NOT NULL REFERENCES [claims]([ref]),
  [topic] TEXT NOT NULL REFERENCES [topics]([id]),
  PRIMARY KEY ([claim], [topic])
);
CREATE TABLE [claim_subjects] (
  [claim] TEXT NOT NULL REFERENCES [claims]([ref]),
  [entity] TEXT NOT NULL REFERENCES [entities]([id]),
  PRIMARY KEY ([claim], [entity])
);
CREATE TABLE [relations] (
  [id] TEXT PRIMARY KEY,
  [kind] TEXT NOT NULL,
  [severity] TEXT,
  [key] TEXT NOT NULL REFERENCES [keys]([id]),
  [topic] TEXT REFERENCES [topics]([id]),
  [origins] INTEGER,
  [reviewed] TEXT,
  [explanation] TEXT
);
CREATE TABLE [relation_claims] (
  [relation] TEXT NOT NULL REFERENCES [relations]([id]),
  [claim] TEXT NOT NULL REFERENCES [claims]([ref]),
  [position] INTEGER NOT NULL,
  PRIMARY KEY ([relation], [claim])
);
CREATE INDEX [idx_claims_brief] ON [claims] ([brief]);
CREATE INDEX [idx_claims_key] ON [claims] ([key]);
CREATE INDEX [idx_claim_topics_topic] ON [claim_topics] ([topic]);
CREATE INDEX [idx_claim_subjects_entity] ON [claim_subjects] ([entity]);
CREATE INDEX [idx_relations_key] ON [relations] ([key]);
CREATE INDEX [idx_relation_claims_claim] ON [relation_claims] ([claim]);
CREATE VIRTUAL TABLE [claims_fts] USING FTS5 ([quote], [text], [note], content=[claims]);
CREATE VIRTUAL TABLE [briefs_fts] USING FTS5 ([title], [text], content=[briefs]);
"""


class ExportError(Exception):
    """The database cannot be written (exists without --force, bad folder, duplicate ids): exit 2."""


def _none(s: Optional[str]) -> Optional[str]:
    return s or None


def claim_columns(c: Claim) -> dict[str, Any]:
    """One ``claims`` row: the value spread over typed columns (see the module docstring)."""
    v = value_record(c.value) or {}
    vt = v.get("type")
    span = c.as_of.span() if c.as_of is not None else None
    return {
        "ref": c.ref, "brief": c.brief, "claim": c.id, "kind": c.kind, "status": c.status,
        "key": _none(c.key), "quote": c.quote, "text": _none(c.text), "note": _none(c.note),
        "cites": _none(c.cites), "value": v.get("display"), "value_type": vt,
        "amount": v.get("base_amount"), "upper": v.get("base_upper"),
        "amount_as_written": v.get("amount"), "upper_as_written": v.get("upper"),
        "scale": v.get("scale"), "unit": v.get("unit"), "currency": v.get("currency"),
        "bound": v.get("bound"), "rank": v.get("rank"), "rank_of": v.get("of"), "date": v.get("date"),
        "category": v.get("category"), "stance": v.get("stance"),
        "as_of": str(c.as_of) if c.as_of is not None else None,
        "as_of_start": span[0].isoformat() if span else None,
        "as_of_end": span[1].isoformat() if span else None,
        "as_of_inferred": int(bool(c.as_of_inferred)), "path": _none(c.path), "line": c.line or None,
    }


def _insert(db, table: str, rows: Iterable[dict[str, Any]]) -> None:
    rows = list(rows)
    if not rows:
        return
    cols = list(rows[0])
    sql = (f"INSERT INTO [{table}] ({', '.join(f'[{c}]' for c in cols)}) "
           f"VALUES ({', '.join('?' * len(cols))})")
    db.executemany(sql, ([r[c] for c in cols] for r in rows))


def _duplicates(ids: Iterable[str], what: str) -> None:
    seen: set[str] = set()
    for i in ids:
        if i in seen:
            raise ExportError(f"the corpus has two {what} {i}; run `briefcmp check` and fix it before exporting")
        seen.add(i)


def fill(db, analysis: Analysis) -> None:
    """Create the tables in an empty database and write the analysis into them."""
    from briefcmp.corpus.load import source_text  # sources are not kept in memory after loading

    corpus: Corpus = analysis.corpus
    config = corpus.config
    claims = list(corpus.claims())
    relations = analysis.relations
    _duplicates((b.id for b in corpus.briefs), "briefs with the id")
    _duplicates((c.ref for c in claims), "claims")

    topics = {t.id: {"id": t.id, "label": t.label, "description": _none(t.description),
                     "parent": _none(t.parent), "registered": 1} for t in config.topics.values()}
    used_topics = [t for c in claims for t in c.topics] + [r.topic for r in relations if r.topic]
    used_topics += [t for k in config.keys.values() for t in k.topics]
    used_topics += [t["parent"] for t in topics.values() if t["parent"]]
    for t in used_topics:
        topics.setdefault(t, {"id": t, "label": None, "description": None, "parent": None, "registered": 0})
    entities = {e.id: {"id": e.id, "label": e.label, "aliases": json.dumps(list(e.aliases), ensure_ascii=False),
                       "registered": 1} for e in config.entities.values()}
    for s in (s for c in claims for s in c.subjects):
        entities.setdefault(s, {"id": s, "label": None, "aliases": None, "registered": 0})
    keys = {k.id: {"id": k.id, "label": k.label, "description": _none(k.description), "type": k.type,
                   "unit": _none(k.unit), "tolerance_relative": k.tolerance.relative or None,
                   "tolerance_absolute": k.tolerance.absolute or None, "registered": 1}
            for k in config.keys.values()}
    for k in [c.key for c in claims if c.key] + [r.key for r in relations]:
        keys.setdefault(k, {"id": k, "label": None, "description": None, "type": None, "unit": None,
                            "tolerance_relative": None, "tolerance_absolute": None, "registered": 0})

    db.execute("PRAGMA foreign_keys = ON")  # (a no-op inside a transaction: set first)
    db.executescript("BEGIN;\n" + SCHEMA)  # one transaction: one sync to disk, not one per table
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    db.execute("PRAGMA defer_foreign_keys = ON")  # topics name their parents in any order
    _insert(db, "meta", [{"name": n, "value": v} for n, v in (
        ("tool", "briefcmp"), ("version", __version__), ("schema_version", str(SCHEMA_VERSION)),
        ("title", config.title or None))])
    _insert(db, "topics", topics.values())
    _insert(db, "entities", entities.values())
    _insert(db, "keys", keys.values())
    _insert(db, "briefs", ({
        "id": b.id, "title": b.title, "publisher": _none(b.publisher),
        "authors": json.dumps(list(b.authors), ensure_ascii=False) if b.authors else None,
        "published": str(b.published) if b.published else None, "language": _none(b.language),
        "url": _none(b.url), "source": _none(b.source), "path": _none(b.path), "note": _none(b.note),
        "claims": len(b.claims), "text": source_text(b)} for b in corpus.briefs))
    _insert(db, "claims", (claim_columns(c) for c in claims))
    _insert(db, "claim_topics", ({"claim": c.ref, "topic": t} for c in claims for t in dict.fromkeys(c.topics)))
    _insert(db, "claim_subjects", ({"claim": c.ref, "entity": s} for c in claims for s in dict.fromkeys(c.subjects)))
    _duplicates((r.id for r in relations), "relations with the id")
    _insert(db, "relations", ({
        "id": r.id, "kind": r.kind, "severity": r.severity, "key": r.key, "topic": _none(r.topic),
        "origins": r.origins, "reviewed": r.reviewed, "explanation": r.explanation} for r in relations))
    _insert(db, "relation_claims", ({"relation": r.id, "claim": ref, "position": i}
                                    for r in relations for i, ref in enumerate(dict.fromkeys(c.ref for c in r.claims))))
    for table, cols in (("claims", "[quote], [text], [note]"), ("briefs", "[title], [text]")):
        db.execute(f"INSERT INTO [{table}_fts] (rowid, {cols}) SELECT rowid, {cols} FROM [{table}]")
    broken = db.execute("PRAGMA foreign_key_check").fetchall()
    if broken:  # a bug in the rows above, never bad input: every id is added to its table first
        raise ExportError(f"internal: {len(broken)} rows break a foreign key, first: {broken[0]}")
    db.execute("COMMIT")


def is_export(path: Path) -> bool:
    """Whether ``path`` is an SQLite file that briefcmp wrote (header: magic + application_id)."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(72)
    except OSError:
        return False
    return len(head) == 72 and head[:16] == b"SQLite format 3\x00" and int.from_bytes(head[68:72], "big") == APPLICATION_ID


def write_sqlite(analysis: Analysis, path: Path, force: bool = False) -> Path:
    """Write the database to ``path`` atomically; returns the file written (a symlink's target).

    An existing briefcmp export is replaced; any other existing file only with ``force``.
    Devices, folders and other non-regular files are refused.
    """
    import sqlite3

    path = Path(path)
    if str(path).endswith(("/", os.sep)) or path.is_dir():
        raise ExportError(f"{path}: is a folder; give a file name such as {path / 'corpus.db'}")
    target = Path(os.path.realpath(path))  # write through a symlink, never replace the link
    if path.is_symlink() and not target.exists() and not force:
        raise ExportError(f"{path}: is a dangling symbolic link (to {os.readlink(path)}); "
                          "use --force to create its target")
    if target.exists():
        if not target.is_file():
            raise ExportError(f"{path}: not a regular file; give a file name for the database")
        if not force and not is_export(target):
            raise ExportError(f"{path}: file exists and is not a briefcmp export; use --force to replace it")
    folder = target.parent
    if not folder.is_dir():
        raise ExportError(f"{path}: folder {folder} does not exist")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise ExportError(f"{path}: cannot write: {exc.strerror}") from exc
    os.close(fd)
    try:
        db = sqlite3.connect(tmp, isolation_level=None)
        try:
            db.execute("PRAGMA journal_mode = DELETE")
            fill(db, analysis)
        finally:
            db.close()
        os.chmod(tmp, target.stat().st_mode & 0o777 if target.exists() else 0o644)
        os.replace(tmp, target)
    except sqlite3.Error as exc:
        _unlink(tmp)
        hint = " (this Python's SQLite has no FTS5)" if "fts5" in str(exc).lower() else ""
        raise ExportError(f"{path}: cannot write the database: {exc}{hint}") from exc
    except OSError as exc:
        _unlink(tmp)
        raise ExportError(f"{path}: cannot write: {exc.strerror}") from exc
    except BaseException:
        _unlink(tmp)
        raise
    return target


def _unlink(p: str) -> None:
    for name in (p, p + "-journal"):
        try:
            os.unlink(name)
        except OSError:
            pass
