"""`briefcmp export --sqlite`: a normalised database that sqlite-utils opens as it is."""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path

import pytest
import sqlite_utils
from typer.testing import CliRunner

from briefcmp.cli import app
from briefcmp.render.sqlite import is_export

ROOT = Path(__file__).resolve().parent.parent
HOSTILE = Path(__file__).parent / "fixtures" / "html" / "hostile"


def export(*args: str):
    return CliRunner().invoke(app, ["export", *args])


@pytest.fixture(scope="module")
def bundled_db(tmp_path_factory):
    out = tmp_path_factory.mktemp("export") / "corpus.db"
    result = export(str(ROOT / "briefs"), "--sqlite", str(out))
    assert result.exit_code == 0, result.output
    report = json.loads(CliRunner().invoke(app, ["compare", str(ROOT / "briefs"), "--format", "json"]).stdout)
    return sqlite_utils.Database(out), report


def test_row_counts_equal_the_json_report(bundled_db):
    db, report = bundled_db
    assert db["briefs"].count == report["corpus"]["briefs"] == 5
    assert db["claims"].count == report["corpus"]["claims"]
    assert db["relations"].count == report["summary"]["relations"] == len(report["relations"])
    assert db["relation_claims"].count == sum(len(r["claims"]) for r in report["relations"])
    kinds = dict(db.execute("select kind, count(*) from relations group by kind").fetchall())
    assert kinds == report["summary"]["by_kind"]
    for r in report["relations"]:
        row = db["relations"].get(r["id"])
        assert (row["kind"], row["key"], row["reviewed"], row["explanation"]) == \
               (r["kind"], r["key"], r["reviewed"], r["explanation"])
        linked = [x["claim"] for x in db["relation_claims"].rows_where("relation = ?", [r["id"]], order_by="position")]
        assert linked == [c["ref"] for c in r["claims"]]


def test_tables_keys_and_normalised_values(bundled_db):
    db, report = bundled_db
    assert {"briefs", "claims", "relations", "relation_claims", "keys", "topics"} <= set(db.table_names())
    fks = {(fk.table, fk.column, fk.other_table) for t in db.tables for fk in t.foreign_keys}
    assert {("claims", "brief", "briefs"), ("claims", "key", "keys"), ("relations", "key", "keys"),
            ("relation_claims", "relation", "relations"), ("relation_claims", "claim", "claims"),
            ("claim_topics", "topic", "topics"), ("topics", "parent", "topics")} <= fks
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    # a figure in base units, with unit, currency, bound and its period as days
    claim = next(c for r in report["relations"] for c in r["claims"] if c["value"] and c["value"].get("currency"))
    row = db["claims"].get(claim["ref"])
    v = claim["value"]
    assert (row["amount"], row["currency"], row["bound"], row["as_of"]) == \
           (v["base_amount"], v["currency"], v["bound"], claim["as_of"])
    assert row["as_of_start"] <= row["as_of_end"]
    topics = {r["topic"] for r in db["claim_topics"].rows_where("claim = ?", [claim["ref"]])}
    assert topics == set(claim["topics"])


def test_full_text_search_finds_a_claim_by_its_quote(bundled_db):
    db, report = bundled_db
    assert db["claims"].detect_fts() == "claims_fts" and db["briefs"].detect_fts() == "briefs_fts"
    claim = next(c for r in report["relations"] if r["kind"] == "contradiction" for c in r["claims"])
    words = " ".join(w for w in claim["quote"].split() if w.isalpha())  # a phrase from the quote
    hits = [row["ref"] for row in db["claims"].search(f'"{words}"', columns=["ref"])]
    assert claim["ref"] in hits
    assert [r["id"] for r in db["briefs"].search("Kishida", columns=["id"])]  # source texts are searchable


def test_reexport_replaces_atomically_and_foreign_files_need_force(tmp_path):
    out = tmp_path / "corpus.db"
    assert export(str(HOSTILE), "--sqlite", str(out)).exit_code == 0
    assert is_export(out) and sqlite_utils.Database(out)["claims"].count == 2
    reader = sqlite3.connect(out)  # a reader holding the old file keeps a whole database
    inode = os.stat(out).st_ino
    assert export(str(ROOT / "briefs"), "--sqlite", str(out)).exit_code == 0
    assert os.stat(out).st_ino != inode, "the file was rewritten in place, not replaced"
    assert reader.execute("select count(*) from claims").fetchone() == (2,)
    assert sqlite_utils.Database(out)["claims"].count > 400
    assert [p.name for p in tmp_path.iterdir()] == ["corpus.db"], "temporary files left behind"

    notes = tmp_path / "notes.db"
    notes.write_text("my notes\n")
    result = export(str(HOSTILE), "--sqlite", str(notes))
    assert result.exit_code == 2 and "--force" in result.output and notes.read_text() == "my notes\n"
    assert export(str(HOSTILE), "--sqlite", str(notes), "--force").exit_code == 0 and is_export(notes)

    link = tmp_path / "link.db"
    link.symlink_to(out)
    assert export(str(HOSTILE), "--sqlite", str(link)).exit_code == 0
    assert link.is_symlink() and sqlite_utils.Database(out)["claims"].count == 2


def test_unusable_targets_exit_2(tmp_path):
    assert export(str(HOSTILE), "--sqlite", str(tmp_path / "missing" / "x.db")).exit_code == 2
    assert export(str(HOSTILE), "--sqlite", str(tmp_path)).exit_code == 2
    assert export(str(HOSTILE)).exit_code == 2  # --sqlite is required
    assert export(str(tmp_path / "nothing-here"), "--sqlite", str(tmp_path / "x.db")).exit_code == 2
    assert not (tmp_path / "x.db").exists()


def test_dangling_symlink_needs_force_and_a_live_one_keeps_the_link(tmp_path):
    link = tmp_path / "link.db"
    link.symlink_to(tmp_path / "target.db")
    result = export(str(HOSTILE), "--sqlite", str(link))
    assert result.exit_code == 2 and "dangling" in result.output
    assert not (tmp_path / "target.db").exists()
    assert export(str(HOSTILE), "--sqlite", str(link), "--force").exit_code == 0
    assert link.is_symlink() and is_export(tmp_path / "target.db")
    assert export(str(HOSTILE), "--sqlite", str(link)).exit_code == 0  # now an export: replaced freely
    assert link.is_symlink()


def test_hostile_text_is_stored_verbatim(tmp_path):
    out = tmp_path / "h.db"
    assert export(str(HOSTILE), "--sqlite", str(out)).exit_code == 0
    db = sqlite_utils.Database(out)
    row = db["claims"].get("utility-2023#lead-max")
    assert '<script>alert("quote")</script>' in row["quote"] and "\u202e" in row["note"]
    assert db["briefs"].get("utility-2023")["url"] == "javascript:alert('url')"  # data, not a link
