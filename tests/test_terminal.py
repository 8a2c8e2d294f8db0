"""The terminal view, rendered by the installed `briefcmp` in a real pseudo-terminal.

Each run gets a pty of a given size (TIOCSWINSZ) and PAGER=cat, the way a person sees
the output. Golden snapshots use the small render fixture; the rules (first screen, no
broken identifier, no line wider than the terminal, bounded length) run on the bundled
corpus. Regenerate the snapshots with UPDATE_GOLDEN=1 and review the diff.
"""

from __future__ import annotations

import errno
import fcntl
import itertools
import json
import os
import re
import select
import struct
import subprocess
import sys
import termios
import unicodedata
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from hypothesis import given, strategies as st

ROOT = Path(__file__).resolve().parent.parent
RENDER = Path(__file__).parent / "fixtures" / "crossref"
GOLDEN = Path(__file__).parent / "golden" / "terminal"
SIZES = ((60, 20), (80, 24), (120, 40))
ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")
IGNORED_ENV = ("NO_COLOR", "FORCE_COLOR", "CI", "COLUMNS", "LINES", "PAGER", "BRIEFCMP_PAGER", "LESS")


def _command() -> list[str]:
    exe = Path(sys.executable).parent / "briefcmp"
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "briefcmp"]


def _env(**extra: str) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in IGNORED_ENV}
    env.update({"TERM": "xterm", "PAGER": "cat", "NO_COLOR": "1", "PYTHONIOENCODING": "utf-8"})
    env.update(extra)
    return {k: v for k, v in env.items() if v is not None and v != "<unset>"}


def in_pty(args: list[str], cols: int, rows: int, cwd: Path = ROOT, **env: str) -> tuple[int, str]:
    """Run ``briefcmp ARGS`` with stdin/stdout/stderr on a pty of ``cols`` x ``rows``."""
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
    proc = subprocess.Popen(_command() + args, stdin=slave, stdout=slave, stderr=slave, cwd=cwd,
                            env=_env(**env), start_new_session=True)
    os.close(slave)
    chunks = []
    try:
        while True:
            ready, _, _ = select.select([master], [], [], 30)
            if not ready:
                break
            try:
                data = os.read(master, 65536)
            except OSError as exc:  # EIO: the child closed the pty
                if exc.errno != errno.EIO:
                    raise
                break
            if not data:
                break
            chunks.append(data)
    finally:
        os.close(master)
        code = proc.wait(timeout=30)
    return code, b"".join(chunks).decode("utf-8").replace("\r\n", "\n")


def width(line: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in ANSI.sub("", line))


def broken_ids(text: str, ids: set[str]) -> list[str]:
    """Identifiers split across two lines: the end of one line and the start of the next
    together hold an id that neither holds alone."""
    lines = text.splitlines()
    bad = []
    for a, b in zip(lines, lines[1:]):
        tail, head = (a.split() or [""])[-1], (b.split() or [""])[0]
        if not tail or not head:
            continue
        joined = tail + head
        bad += [i for i in ids if i in joined and i not in tail and i not in head]
    return bad


@pytest.fixture(scope="module")
def bundled():
    """The bundled corpus: ids from its JSON reports, and every terminal view at every size."""
    env = _env()
    # align has run on it (compare says what align left undecided: nothing here), as in the golden snapshots
    subprocess.run(_command() + ["align", "briefs"], cwd=ROOT, env=env, capture_output=True, check=True)

    def js(*args):
        return json.loads(subprocess.run(_command() + list(args), cwd=ROOT, env=env, capture_output=True,
                                         check=True).stdout)
    doc, claims, briefs = js("compare", "briefs", "-f", "json"), js("claims", "briefs", "-f", "json"), \
        js("briefs", "briefs", "-f", "json")
    jobs = {("compare", c, r): (["compare", "briefs"], c, r) for c, r in SIZES}
    jobs.update({("claims", c, r): (["claims", "briefs"], c, r) for c, r in SIZES[1:]})
    jobs.update({(cmd, 60, 20): ([cmd, "briefs"], 60, 20) for cmd in ("coverage", "briefs")})
    jobs[("compare --matrix", 80, 24)] = (["compare", "--matrix", "briefs"], 80, 24)
    with ThreadPoolExecutor(8) as pool:
        futures = {k: pool.submit(in_pty, *v) for k, v in jobs.items()}
        views = {k: f.result() for k, f in futures.items()}
    return {"relations": doc["relations"], "claims": claims["claims"], "briefs": [b["id"] for b in briefs["briefs"]],
            "views": views}


@pytest.mark.parametrize("cols,rows", SIZES)
def test_compare_on_the_bundled_corpus(bundled, cols, rows):
    code, text = bundled["views"][("compare", cols, rows)]
    assert code == 0, text
    lines = text.splitlines()
    rels = bundled["relations"]
    assert max(width(line) for line in lines) <= cols
    assert len(lines) <= 6 * len(rels) + 40, len(lines)  # a relation: key, verdict, the whole question, values
    first_screen = "\n".join(lines[:rows - 1])  # less keeps the last row for its prompt
    for r in rels:  # at 60 columns whole questions leave room for the unreviewed ones only
        if r["kind"] == "contradiction" and (cols >= 80 or not r.get("reviewed")):
            assert re.search(rf"(^|\s){re.escape(r['key'])}(\s|$)", first_screen, re.M), r["key"]
    ids = {r["key"] for r in rels} | set(bundled["briefs"])
    assert not broken_ids(text, ids)
    words = set(text.split())
    assert {r["key"] for r in rels} <= words  # every key whole, ready for `briefcmp show KEY`
    assert "\x1b" not in text  # NO_COLOR


@pytest.mark.parametrize("cols,rows", SIZES[1:])
def test_claims_on_the_bundled_corpus(bundled, cols, rows):
    code, text = bundled["views"][("claims", cols, rows)]
    assert code == 0
    lines = text.splitlines()
    claims = bundled["claims"]
    assert max(width(line) for line in lines) <= cols
    assert len(lines) <= 2 * len(claims) + 20, len(lines)
    # 479 claims are many screens: the first one says what they hold, brief by brief, and how to narrow them
    first_screen = "\n".join(lines[:rows - 1])
    for brief in bundled["briefs"]:
        n = sum(1 for c in claims if c["brief"] == brief)
        keyed = sum(1 for c in claims if c["brief"] == brief and c["key"])
        assert re.search(rf"^  {re.escape(brief)}: {n} claims, {keyed} with a key$", first_screen, re.M), brief
    assert "Narrow with -b BRIEF" in first_screen
    refs = {f"{c['brief']}#{c['claim']}" for c in claims}
    assert refs <= set(text.split())
    assert not broken_ids(text, refs | {c["key"] for c in claims if c["key"]})


@pytest.mark.parametrize("cmd", ["coverage", "briefs"])
def test_brief_ids_are_never_broken_at_60_columns(bundled, cmd):
    cols = 60
    code, text = bundled["views"][(cmd, cols, 20)]
    assert code == 0
    assert max(width(line) for line in text.splitlines()) <= cols
    assert set(bundled["briefs"]) <= set(text.split())
    assert not broken_ids(text, set(bundled["briefs"]))


def test_matrix_has_five_briefs_in_80_columns(bundled):
    code, text = bundled["views"][("compare --matrix", 80, 24)]
    assert code == 0
    lines = text.splitlines()
    assert max(width(line) for line in lines) <= 80
    header = next(line for line in lines if line.startswith("cap "))
    assert header.split() == ["cap", "cbga", "cescube", "diplomat", "pism"]  # one page, short labels
    assert "cap = cap-2022-02" in text  # with their legend
    keys = {r["key"] for r in bundled["relations"]}
    assert keys <= set(text.split())
    assert "✗r" in text  # reviewed conflicts marked without colour


def _golden(name: str, text: str) -> None:
    path = GOLDEN / f"{name}.txt"
    if os.environ.get("UPDATE_GOLDEN"):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="\n")
    assert path.exists(), f"{path} is missing: run with UPDATE_GOLDEN=1"
    assert text == path.read_text(encoding="utf-8"), f"{path} differs"


SNAPSHOTS = {
    **{f"compare-{c}x{r}": (["compare", "render"], c, r) for c, r in SIZES},
    "compare-matrix-80x24": (["compare", "--matrix", "render"], 80, 24),
    "compare-details-60x20": (["compare", "--details", "render"], 60, 20),
    "claims-60x20": (["claims", "render"], 60, 20),  # at most 3 lines a claim here (a long key: a line of its own)
    "coverage-60x20": (["coverage", "render"], 60, 20),
    "briefs-60x20": (["briefs", "render"], 60, 20),
    "show-80x24": (["show", "russia-coal-share", "render"], 80, 24),
}


def test_golden_snapshots():
    # align has run on the fixture: the snapshots do not depend on which test ran it first
    subprocess.run(_command() + ["align", "render"], cwd=RENDER, env=_env(), capture_output=True, check=True)
    with ThreadPoolExecutor(8) as pool:
        futures = {name: pool.submit(in_pty, args, c, r, RENDER) for name, (args, c, r) in SNAPSHOTS.items()}
        results = {name: f.result() for name, f in futures.items()}
    for name, (code, text) in results.items():
        assert code == 0, (name, text)
        cols = SNAPSHOTS[name][1]
        for line in text.splitlines():
            if width(line) > cols:  # only an id about as long as the whole line may stick out
                assert max(len(w) for w in line.split()) > cols - 8, (name, line)
        _golden(name, text)
    records = re.split(r"\n(?=\S)", results["claims-60x20"][1])
    assert max(len(r.splitlines()) for r in records) <= 3  # a claim: its ref line and at most two more


# --------------------------------------------------------------------------- pager and colour

FAKE_PAGER = f"{sys.executable} -c \"import sys; d = sys.stdin.read(); print('PAGED', d.count(chr(10)))\""


def _piped(args: list[str], **extra: str) -> str:
    env = {**_env(BRIEFCMP_PAGER=FAKE_PAGER, NO_COLOR="<unset>"), **extra}
    env = {k: v for k, v in env.items() if v != "<unset>"}
    return subprocess.run(_command() + args, cwd=RENDER, env=env, capture_output=True, text=True, check=True).stdout


@pytest.fixture(scope="module")
def pager_and_colour():
    """Every pager and colour scenario, run at once (each is a process of its own)."""
    ttys = {
        "paged": (["compare", "render"], 80, 10, {"BRIEFCMP_PAGER": FAKE_PAGER}),
        "fits": (["briefs", "render"], 120, 40, {"BRIEFCMP_PAGER": FAKE_PAGER}),
        "no-pager": (["compare", "--no-pager", "render"], 80, 10, {"BRIEFCMP_PAGER": FAKE_PAGER}),
        "ci": (["compare", "render"], 80, 10, {"BRIEFCMP_PAGER": FAKE_PAGER, "CI": "true"}),
        "missing": (["compare", "render"], 80, 10, {"BRIEFCMP_PAGER": "/nonexistent/pager"}),
        "quits": (["claims", "render"], 80, 5, {"BRIEFCMP_PAGER": "head -c 20"}),
        "coloured": (["compare", "render"], 100, 60, {"NO_COLOR": "<unset>"}),
        "never": (["--no-pager", "--color", "never", "compare", "render"], 100, 60, {"NO_COLOR": "<unset>"}),
    }
    pipes = {
        "piped": (["compare", "render"], {}),
        "plain": (["compare", "render", "-f", "plain"], {}),
        "forced": (["compare", "render"], {"FORCE_COLOR": "1"}),
        "always": (["--color", "always", "compare", "render"], {}),
        "never-forced": (["compare", "render", "--color", "never"], {"FORCE_COLOR": "1"}),
    }
    with ThreadPoolExecutor(8) as pool:
        a = {k: pool.submit(in_pty, args, c, r, RENDER, **env) for k, (args, c, r, env) in ttys.items()}
        b = {k: pool.submit(_piped, args, **env) for k, (args, env) in pipes.items()}
        return {**{k: f.result() for k, f in a.items()}, **{k: f.result() for k, f in b.items()}}


def test_pager_for_output_taller_than_the_screen(pager_and_colour):
    out = pager_and_colour
    code, text = out["paged"]
    assert code == 0 and text.startswith("PAGED ")
    code, text = out["fits"]  # short enough for the screen: no pager
    assert code == 0 and "PAGED" not in text and "briefcmp briefs" in text
    for name in ("no-pager", "ci"):  # --no-pager, or CI: printed directly
        code, text = out[name]
        assert code == 0 and "PAGED" not in text and "Conflicts" in text, name


def test_a_missing_pager_or_one_that_quits_early_is_no_error(pager_and_colour):
    code, text = pager_and_colour["missing"]
    assert code == 0 and "Conflicts" in text and "Traceback" not in text
    code, text = pager_and_colour["quits"]
    assert code == 0 and "Traceback" not in text and "Error" not in text


def test_never_paged_or_coloured_in_a_pipe(pager_and_colour):
    out = pager_and_colour
    piped = out["piped"]
    assert "PAGED" not in piped and "\x1b" not in piped
    assert piped == out["plain"]  # piped output is the plain report, unchanged
    forced = out["forced"]  # FORCE_COLOR: for `| less -R`
    assert "\x1b[" in forced and "✗ contradiction" in ANSI.sub("", forced)
    assert "\x1b[" in out["always"]
    assert out["never-forced"] == piped


def test_colour_on_a_terminal_follows_color_and_no_color(pager_and_colour):
    _, coloured = pager_and_colour["coloured"]
    assert "\x1b[" in coloured
    plain = ANSI.sub("", coloured)
    assert "✗ contradiction" in plain and "✓ agree" in plain  # a symbol and a word as well as colour
    _, text = pager_and_colour["never"]
    assert "\x1b" not in text  # (NO_COLOR=1: every other test here)


def test_readme_picture_is_current_output():
    sys.path.insert(0, str(ROOT / "scripts"))
    import gen_readme_svg

    current = (ROOT / "docs" / "img" / "compare.svg").read_text(encoding="utf-8")
    assert current == gen_readme_svg.render(), "docs/img/compare.svg is stale: run python scripts/gen_readme_svg.py"
    assert "japan-russia-trade-total" in current  # the real corpus, conflicts first


# --------------------------------------------------------------------------- in-process: order, marks, safety


@pytest.fixture
def render_analysis(monkeypatch):
    from briefcmp.analysis.crossref import analyse
    from briefcmp.corpus.load import load_corpus

    monkeypatch.chdir(RENDER)
    return analyse(load_corpus([Path("render")]).corpus, coverage=False)


@pytest.mark.parametrize("cols", [60, 200])
def test_unreviewed_conflicts_come_first_and_reviewed_ones_say_so(render_analysis, cols):
    from briefcmp.render.compare_term import render_findings

    a = render_analysis
    conflicts = [r for r in a.relations if r.kind == "contradiction"]
    assert len(conflicts) >= 2
    first = conflicts[0]
    first.reviewed = "accepted"  # reviewed: must move below the unreviewed one
    plain = render_findings(a, cols, False)
    assert plain.index(conflicts[1].key) < plain.index(first.key)
    assert "1 unreviewed, 1 reviewed" in plain
    block = plain[plain.index(first.key):]
    assert "reviewed" in block.split("\n\n")[0] and "accepted" in block.split("\n\n")[0]
    coloured = render_findings(a, cols, True)
    line = next(ln for ln in coloured.splitlines() if first.key in ln)
    assert "\x1b[2m" in line and "\x1b[31m" not in line and "\x1b[1;31m" not in line  # dim, not red
    open_line = next(ln for ln in coloured.splitlines() if ANSI.sub("", ln).startswith(conflicts[1].key))
    assert "31m" in open_line  # unreviewed: red


def test_terminal_text_cannot_inject_escapes(render_analysis):
    from briefcmp.render.compare_term import render_findings
    from briefcmp.render.sanitize import terminal_safe

    assert terminal_safe("a\x1b[31mb\rc\u202ed\u2066e\x07") == "a\\x1b[31mb\\x0dc\\u202ed\\u2066e\\x07"
    assert terminal_safe("line\nnext\ttab é 日本") == "line\nnext\ttab é 日本"
    a = render_analysis
    key = a.corpus.config.keys[a.relations[0].key]
    object.__setattr__(key, "label", "evil \x1b]0;pwned\x07 \u202eреверс")  # a question from the config
    for cols in (60, 200):
        text = render_findings(a, cols, True)
        assert "\x1b]0;" not in text and "\u202e" not in text and "\x07" not in text
        assert "\\x1b]0;pwned" in ANSI.sub("", text) or cols == 60  # shown, not obeyed (may be cut at 60)


def test_matrix_splits_brief_columns_into_pages(render_analysis):
    from briefcmp.render.compare_term import render_matrix

    text = render_matrix(render_analysis, 40, False)
    assert "Briefs 1-2 of 3" in text and "Briefs 3-3 of 3" in text
    assert max(len(line) for line in text.splitlines()) <= 40 or all(
        len(max(line.split(), key=len)) > 30 for line in text.splitlines() if len(line) > 40)


def test_what_waits_to_be_decided_comes_under_the_counts():
    # align left a candidate group in the render fixture: said under the summary, before the conflicts,
    # at 60x20 as at 120 columns
    for cols, rows in ((60, 20), (120, 40)):
        code, text = in_pty(["compare", "render"], cols, rows, RENDER)
        lines = text.splitlines()
        assert code == 0 and lines[0].startswith("3 briefs: 2 conflicts (2 unreviewed), 1 agreement")
        # (as align left it, or, when align has not run on the fixture as it is, the claims to line up)
        assert re.match(r"Undecided \(1 candidate group|\d+ unkeyed claims not yet lined up", lines[1]), lines[1]
        assert "briefcmp align render" in " ".join(lines[1:5])
        assert text.index(lines[1]) < text.index("Conflicts (2: 2 unreviewed, 0 reviewed)")


@given(st.lists(st.tuples(st.integers(0, 10**6), st.sampled_from(["conflicts (3 unreviewed)", "agreements",
                                                                  "forecast checks", "changes", "annotation problems"])),
                min_size=1, max_size=8), st.integers(30, 120))
def test_a_summary_wraps_between_its_counts(counts, width):
    from briefcmp.render.terminal import cells, list_lines

    items = [f"{n} {what}" for n, what in counts]
    lines = ["".join(t for t, _ in line) for line in list_lines("5 briefs:", items, width)]
    assert all(cells(line) <= width for line in lines)
    joined = "\n".join(lines)
    for item in (i for i in items if cells(i) + 3 <= width):  # each count with its noun on one line, never "8"
        assert re.search(rf"(^|\s){re.escape(item)}(,|$)", joined, re.M), (item, lines)
    assert " ".join(" ".join(lines).split()) == "5 briefs: " + ", ".join(items)


@given(st.lists(st.tuples(st.integers(0, 10**5), st.sampled_from(["candidates", "unkeyed claims", "groups to key"])),
                min_size=1, max_size=6), st.integers(20, 90))
def test_plain_and_message_wrapping_keep_a_count_with_its_word(counts, width):
    from briefcmp.render.layout import wrap

    text = "briefcmp align: " + ", ".join(f"{n:,} {what}" for n, what in counts) + " (never applied)"
    lines = wrap(text, width, "", "  ")
    assert " ".join(" ".join(lines).split()) == " ".join(text.split())  # nothing lost or changed
    for a, b in zip(lines, lines[1:]):  # "6" never ends a line whose next one starts "candidates"
        assert not (re.search(r"(^|\s)\d[\d,]*$", a) and re.match(r"\s*[a-z]", b)), (a, b)


@pytest.mark.parametrize("cols,rows", SIZES)
def test_the_first_screen_says_what_matters_first(bundled, cols, rows):
    # The bundled corpus (align has run on it): 7 conflicts, all reviewed. Its first screen gives the
    # counts, then every conflict, reviewed ones short.
    code, text = bundled["views"][("compare", cols, rows)]
    lines = text.splitlines()
    first = "\n".join(lines[:rows - 1])
    assert re.match(r"5 briefs: 7 conflicts \(0 unreviewed\),", lines[0])
    assert not re.search(r"\d$", lines[0])  # the summary never breaks between a number and its noun
    conflicts = [r for r in bundled["relations"] if r["kind"] in ("contradiction", "disagreement")]
    assert all(r.get("reviewed") for r in conflicts)
    shown = [r["key"] for r in conflicts if re.search(rf"^{re.escape(r['key'])}(\s|$)", first, re.M)]
    assert len(shown) == len(conflicts) if cols >= 80 else len(shown) >= 3
    for r in conflicts:  # a reviewed conflict: key, verdict and review, then its values on one line
        at = next(i for i, line in enumerate(lines) if re.match(rf"{re.escape(r['key'])}(\s|$)", line))
        block = [lines[at]] + list(itertools.takewhile(lambda line: line.startswith("  "), lines[at + 1:]))
        assert len(block) <= {60: 4, 80: 3, 120: 2}[cols], block  # (the question and quotes: briefcmp show KEY)
        assert "reviewed: accepted" in " ".join(block)


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=200), st.integers(8, 80))
def test_wrap_words_fits_and_keeps_words(text, width):
    from briefcmp.render.sanitize import terminal_safe
    from briefcmp.render.terminal import cells, wrap_words

    text = terminal_safe(text)
    cut_lines = wrap_words(text, width, max_lines=2)
    assert len(cut_lines) <= max(2, text.count("\n") + 1) and all(cells(line) <= width for line in cut_lines)
    whole = wrap_words(text, width, may_cut=False)
    assert " ".join(whole).split() == text.split()  # nothing lost, no word broken
    assert all(cells(line) <= width or " " not in line for line in whole)
    assert not any(ch in terminal_safe(text) for ch in "\x1b\x07\r\u202e")


def test_compare_views_and_show_by_relation_id(monkeypatch):
    from typer.testing import CliRunner

    from briefcmp.cli import app

    monkeypatch.chdir(RENDER)
    runner = CliRunner()
    r = runner.invoke(app, ["compare", "render", "--matrix", "-f", "json"])
    assert r.exit_code == 2 and "--matrix" in r.stderr
    r = runner.invoke(app, ["compare", "render", "--matrix", "--details"])
    assert r.exit_code == 2
    r = runner.invoke(app, ["compare", "render", "--matrix"])  # piped: the matrix as plain text
    assert r.exit_code == 0 and "keys x" in r.stdout and "\x1b" not in r.stdout
    rel = json.loads(runner.invoke(app, ["compare", "render", "-f", "json"]).stdout)["relations"][0]
    r = runner.invoke(app, ["show", rel["id"], "render", "-f", "json"])
    doc = json.loads(r.stdout)
    assert r.exit_code == 0 and [x["id"] for x in doc["relations"]] == [rel["id"]]
    assert sorted(c["ref"] for c in doc["claims"]) == sorted(c["ref"] for c in rel["claims"])
    r = runner.invoke(app, ["show", rel["id"][:-1] + "0", "render"])
    assert r.exit_code == 2 and "did you mean" in r.stderr


def test_shortened_text_ends_at_a_word():
    """A text shortened to its line ends after a whole word when one ends close by ("Russia…", not
    "shoul…"); a single long word is still cut inside it."""
    from briefcmp.render.terminal import cut_at_word

    text = "Thesis (subtitle): Japan's ties with Russia should not hold back its response"
    short = cut_at_word(text, 48)
    assert short == "Thesis (subtitle): Japan's ties with Russia…" and width(short) <= 48
    assert cut_at_word("https://example.org/a_very_long_path_without_spaces", 20).endswith("…")
    assert cut_at_word(text, 200) == text
