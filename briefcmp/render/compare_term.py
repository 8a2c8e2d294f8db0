"""`briefcmp compare` on a terminal: findings first, in tables that fit any width.

- the findings view: a summary line, then one table of conflicts (unreviewed
  contradictions and disagreements first, then reviewed ones, marked "reviewed" in
  words and dim), then agreements, changes over time, forecast checks and annotation
  problems as tables of the same shape: key, question, the value (as-of) each brief
  gives, one column per brief, and a short verdict;
- the matrix view (``--matrix``): keys x briefs, each cell the brief's value (as-of)
  with a symbol for the verdict, split into column pages when the briefs do not fit.

Colour always repeats a word or a symbol: red (✗) unreviewed conflict, dim (reviewed)
reviewed conflict, green (✓) agreement. Piped output never comes here.
"""

from __future__ import annotations

import re
from typing import Optional

from briefcmp.analysis.crossref import CONFLICT_KINDS, Analysis
from briefcmp.corpus.model import Claim, Corpus, Relation
from briefcmp.render.layout import Cell
from briefcmp.render.sanitize import terminal_safe
from briefcmp.render.terminal import (
    ELLIPSIS, Col, Grid, Line, _pad, _rstrip, cells, cut, grid_or_stacked, item_lines, list_lines, paint, text_lines,
    wrap_words,
)
from briefcmp.render.words import count

SECTIONS = (  # (title, kinds): what a reader must act on first, then what holds, then what moved
    ("Conflicts", CONFLICT_KINDS),
    ("Annotation problems", ("annotation-problem",)),
    ("Agreements", ("agreement",)),
    ("Forecast checks", ("forecast-vs-fact",)),
    ("Changes over time", ("change-over-time",)),
)

SYMBOL = {"contradiction": "✗", "disagreement": "✗", "annotation-problem": "!", "forecast-vs-fact": "◇",
          "change-over-time": "→", "agreement": "✓"}
STYLE = {"contradiction": "bold red", "disagreement": "red", "annotation-problem": "yellow",
         "forecast-vs-fact": "blue", "change-over-time": "cyan", "agreement": "green"}
REVIEWED_STYLE = "dim"


def relation_style(r: Relation) -> str:
    return REVIEWED_STYLE if r.reviewed else STYLE.get(r.kind, "")


# --------------------------------------------------------------------------- labels and values


def short_labels(briefs: list[str]) -> dict[str, str]:
    """Short, unique column labels for brief ids: the fewest leading "-" parts that are
    unique (at most 10 characters), else B1, B2, ... ."""
    labels: dict[str, str] = {}
    for b in briefs:
        parts = b.split("-")
        for n in range(1, len(parts) + 1):
            cand = "-".join(parts[:n])
            if len(cand) <= 10 and sum(1 for o in briefs if o == cand or o.startswith(cand + "-")) == 1:
                labels[b] = cand
                break
    if len(labels) != len(briefs) or len(set(labels.values())) != len(briefs):
        return {b: f"B{i}" for i, b in enumerate(briefs, 1)}
    return labels


def legend(labels: dict[str, str]) -> str:
    pairs = [f"{lab} = {b}" for b, lab in labels.items() if lab != b]
    return ("briefs: " + ", ".join(pairs)) if pairs else ""


def as_of_short(c: Claim) -> str:
    """The as-of period, a range written with its end shortened (2022-02-24/03-15)."""
    if c.as_of is None:
        return ""
    text = str(c.as_of)
    if "/" in text:
        a, b = text.split("/", 1)
        common = 0
        for x, y in zip(a.split("-"), b.split("-")):
            if x != y:
                break
            common += 1
        if 0 < common < len(b.split("-")):
            b = "-".join(b.split("-")[common:])
        text = f"{a}/{b}"
    return text + (" inferred" if c.as_of_inferred else "")


def claim_value(c: Claim) -> str:
    value = c.value.display() if c.value else "no value"
    when = as_of_short(c)
    return f"{value} ({when})" if when else value


def brief_values(claims: list[Claim], brief: str) -> str:
    """The values one brief gives, grouped by as-of: "USD 20 billion / ~USD 20 billion (2021); 2.8 (2000)"."""
    groups: dict[str, list[str]] = {}
    for c in claims:
        if c.brief == brief:
            values = groups.setdefault(as_of_short(c), [])
            value = c.value.display() if c.value else "no value"
            if value not in values:
                values.append(value)
    return "; ".join(" / ".join(v) + (f" ({when})" if when else "") for when, v in groups.items())


_GAP = re.compile(r"(?:up to )?([^:;]*? apart)(?: \(tolerance ([^)]*)\))?")
_CHANGE = re.compile(r": ((?:un)?changed(?: \(tolerance [^)]*\))?|up [^;(]+|down [^;(]+|later by [^;(]+|"
                     r"earlier by [^;(]+|the figures differ within one period)")
_FORECAST = re.compile(r"the forecast (held|missed by [^;(]+|did not hold)")
_ORIGINS = re.compile(r"(\d+) independent origins?")
# What an annotation problem is (``rules.screening``, ``bykey``), in the verdict's few words.
_PROBLEM = re.compile(r"has (no as-of date)|has (no value)|gives an? (\w+) \(.*?\) but key \S+ is an? (\w+)|"
                      r"(mix units)|an? (unit|currency) mismatch")
# How figures written differently agree (``rules.wording.agreement_reason``), in the verdict's few words.
_AGREE_HOW = (("(within rounding:", " within rounding"), (" allows ", " (about)"), (" holds ", " (bound)"),
              ("within the key's tolerance", " within tolerance"))


def verdict(r: Relation) -> str:
    """A few words on the relation: "27% apart, tolerance 5%", "no vs yes", "agree, 2 origins"."""
    e = r.explanation
    values = list(dict.fromkeys(c.value.display() for c in r.claims if c.value is not None))
    if r.kind == "contradiction":
        m = _GAP.search(e)
        text = (m.group(1) + (f", tolerance {m.group(2)}" if m.group(2) else "")) if m else " vs ".join(values)
        if "contradicts itself" in e:
            text += ", within one brief"
    elif r.kind == "disagreement":
        text = " vs ".join(values)
    elif r.kind == "agreement":
        m = _ORIGINS.search(e)
        head = e.split("; ", 1)[0]  # the values and why they agree; quotes of statements come later
        how = next((words for phrase, words in _AGREE_HOW if phrase in head), "")
        text = "agree" + how + (f", {m.group(1)} origin{'s' * (m.group(1) != '1')}" if m else "")
    elif r.kind == "change-over-time":
        m = _CHANGE.search(e)
        text = m.group(1) if m else ("periods overlap: same moment?" if "overlap" in e else "changed")
    elif r.kind == "forecast-vs-fact":
        m = _FORECAST.search(e)
        text = ("forecast " + m.group(1)) if m else "forecast checked"
    elif r.kind == "annotation-problem":
        text = _problem(e)
    else:
        text = r.kind.replace("-", " ")
    if r.kind == "change-over-time" and r.inferred_decides and len(values) > 1:
        # only the publication dates standing in for as-of make this a change: say what it would be
        return " vs ".join(values) + ": a conflict if of one moment (as-of inferred)"
    if "inferred" in e and r.kind in CONFLICT_KINDS + ("change-over-time",):
        text += ", as-of inferred"
    return text


def _problem(explanation: str) -> str:
    """"no as-of date", "a rank, key wants quantity", "unit mismatch": not the kind's name again."""
    m = _PROBLEM.search(explanation)
    if not m:
        return "see the explanation"
    asof, novalue, given, wanted, mixed, what = m.groups()
    if given:
        return f"a {given}, key wants a {wanted}"
    if what:
        return f"{what} mismatch"
    return asof or novalue or "units mixed"


def verdict_cell(r: Relation) -> Cell:
    word = r.kind.replace("-", " ")
    sym = SYMBOL.get(r.kind, "•")
    text = f"{sym} {word}: {verdict(r)}" if r.kind in CONFLICT_KINDS + ("annotation-problem",) else \
        f"{sym} {verdict(r)}"
    return Cell(text, relation_style(r))


# --------------------------------------------------------------------------- findings view


def review_cell(r: Relation) -> Cell:
    """"reviewed: accepted" (dim), or for a conflict nobody reviewed "not reviewed" (red)."""
    if r.reviewed:
        return Cell(f"reviewed: {r.reviewed}", REVIEWED_STYLE)
    return Cell("not reviewed", STYLE.get(r.kind, "")) if r.kind in CONFLICT_KINDS else Cell("")


def question(r: Relation, corpus: Corpus) -> str:
    k = corpus.config.keys.get(r.key)
    return k.label if k and k.label and k.label != r.key else ""


def section_relations(analysis: Analysis) -> list[tuple[str, list[Relation]]]:
    out = []
    for title, kinds in SECTIONS:
        rels = [r for r in analysis.relations if r.kind in kinds]
        if title == "Conflicts":  # unreviewed first, then reviewed; contradictions before disagreements
            rels.sort(key=lambda r: (bool(r.reviewed), kinds.index(r.kind)))
        if rels:
            out.append((title, rels))
    return out


def section_title(title: str, rels: list[Relation]) -> str:
    if title != "Conflicts":
        return f"{title} ({len(rels)})"
    open_ = sum(1 for r in rels if not r.reviewed)
    return f"{title} ({len(rels)}: {open_} unreviewed, {len(rels) - open_} reviewed)"


def relation_grid(title: str, rels: list[Relation], corpus: Corpus, heading: str = "") -> Grid:
    briefs = [b.id for b in corpus.briefs if any(c.brief == b.id for r in rels for c in r.claims)]
    labels = short_labels(briefs)
    # The question is read whole: wrapped at words, never cut (a "short" column).
    cols = [Col("key", "id"), Col("question", "short")]
    cols += [Col(labels[b], "short", label=b) for b in briefs]
    cols.append(Col("verdict", "short"))
    reviewed = any(r.reviewed for r in rels)
    if reviewed:
        cols.append(Col("review", "short"))
    # a question wrapped into a narrow column over many lines reads worse than a record
    grid = Grid(cols, title=heading or section_title(title, rels), legend=legend(labels), row_lines=3)
    for r in rels:
        style = relation_style(r)
        key_style = "bold " + style if not r.reviewed else style
        grid.add(Cell(r.key, key_style.strip()), question(r, corpus),
                 *(brief_values(r.claims, b) for b in briefs), verdict_cell(r),
                 *([review_cell(r)] if reviewed else []), style=REVIEWED_STYLE if r.reviewed else "")
    v = 2 + len(briefs)
    grid.stack = [[0, *([v + 1] if reviewed else [])], [v, 1], list(range(2, v))]
    return grid


_SHORT = {"Annotation problems": ("annotation problem", "annotation problems"),
          "Forecast checks": ("forecast check", "forecast checks"), "Changes over time": ("change", "changes"),
          "Agreements": ("agreement", "agreements")}


def summary_line(analysis: Analysis) -> str:
    """One short line: "5 briefs: 7 conflicts (0 unreviewed), 2 forecast checks, 8 changes, 26 agreements"."""
    head, parts = summary_parts(analysis)
    return f"{head} " + ", ".join(parts)


def summary_lines(analysis: Analysis, width: int) -> list[Line]:
    """The summary wrapped between its counts, never inside one ("8" at a line's end, "changes" below)."""
    head, parts = summary_parts(analysis)
    return list_lines(head, parts, width, "bold")


def summary_parts(analysis: Analysis) -> tuple[str, list[str]]:
    """("5 briefs:", ["7 conflicts (0 unreviewed)", "26 agreements", ...]): what the summary counts. What
    align left undecided is said on the lines under it (``undecided_lines``), not counted again here."""
    corpus = analysis.corpus
    n = len(corpus.briefs)
    counts = {title: [r for r in analysis.relations if r.kind in kinds] for title, kinds in SECTIONS}
    conflicts = counts["Conflicts"]
    open_ = sum(1 for r in conflicts if not r.reviewed)
    parts = [f"{len(conflicts)} conflict{'s' * (len(conflicts) != 1)}" + (f" ({open_} unreviewed)" if conflicts else "")]
    for title, _ in SECTIONS[1:]:
        k = len(counts[title])
        if k:
            one, many = _SHORT[title]
            parts.append(f"{k} {one if k == 1 else many}")
    hidden = len(analysis.all_relations) - len(analysis.relations)
    if hidden:
        parts.append(f"{hidden} more left out by the filters")
    return f"{n} brief{'s' * (n != 1)}:", parts


HINT = ("Quotes and relation ids: briefcmp compare --details", "one key: briefcmp show KEY",
        "keys x briefs: briefcmp compare --matrix")  # each kept on one line where it fits


def findings_lines(analysis: Analysis, width: int) -> list[Line]:
    """The first screen says what matters first: the counts, what waits to be decided (align's groups,
    claims not yet lined up), then the conflicts nobody reviewed in full, the reviewed ones two lines
    each; then the rest."""
    corpus = analysis.corpus
    out: list[Line] = summary_lines(analysis, width)
    if not analysis.relations:
        out += text_lines("No relations: no two claims share a key" if not analysis.all_relations
                          else "No relation matches the filters.", width)
    out += undecided_lines(analysis, width)
    for title, rels in section_relations(analysis):
        out.append([])
        if title != "Conflicts":
            out += grid_or_stacked(relation_grid(title, rels, corpus), width)
            continue
        unreviewed = [r for r in rels if not r.reviewed]
        if unreviewed:
            out += grid_or_stacked(relation_grid(title, unreviewed, corpus, section_title(title, rels)), width)
        else:
            out += text_lines(section_title(title, rels), width, "bold")
        out += reviewed_lines([r for r in rels if r.reviewed], width, bool(unreviewed))
    if analysis.suggested:
        out.append([])
        out += suggestion_lines(analysis, width)
    out += [[]] + item_lines("", [h + ";" for h in HINT[:-1]] + [HINT[-1]], width, "dim")
    return out


def reviewed_lines(rels: list[Relation], width: int, after_unreviewed: bool) -> list[Line]:
    """Reviewed conflicts, two lines each (dim): the key, the verdict and the review; then each brief's
    values on one line, shortened with "…" (``briefcmp show KEY`` gives the question and the quotes)."""
    if not rels:
        return []
    out: list[Line] = []
    if after_unreviewed:
        out.append([])
        out += text_lines(f"Reviewed ({len(rels)})", width, "bold")
    out += text_lines("the question and quotes of one: briefcmp show KEY", width, "dim", "  ")
    for r in rels:
        line = r.key
        for piece in (f"{SYMBOL.get(r.kind, '•')} {verdict(r).strip()}", f"reviewed: {r.reviewed}"):
            if cells(line) + 2 + cells(piece) > width:  # (pieces whole, the key never broken)
                out.append([(line, REVIEWED_STYLE)])
                line = "  " + piece
            else:
                line += "  " + piece
        out.append([(cut(line, width), REVIEWED_STYLE)])
        briefs = list(dict.fromkeys(c.brief for c in r.claims))
        values = "  ".join(f"{b}: {brief_values(r.claims, b)}" for b in briefs)
        out.append([(cut("  " + terminal_safe(values), width), REVIEWED_STYLE)])
    return out


def undecided_lines(analysis: Analysis, width: int) -> list[Line]:
    """What align left undecided, under the summary (what waits to be decided, on the first screen): a
    heading, then one line a command ("what it does: command", the command never broken). When align
    has not run on the corpus as it is, the one step that lines the claims up."""
    u = analysis.undecided
    if not u:
        return []
    from briefcmp.render.undecided import undecided_head, undecided_steps

    if not (u.sure or u.candidates):
        return text_lines(undecided_head(analysis), width, "yellow", "", "  ")
    out: list[Line] = text_lines(undecided_head(analysis), width, "bold yellow")
    for what, command in undecided_steps(analysis):
        line = f"  {what}: {command}"
        out += [[(line, "yellow")]] if cells(line) <= width else \
            [[(f"  {what}:", "yellow")], [(f"    {command}", "yellow")]]
    out += text_lines("Until then this report cannot show whether they agree or conflict.", width, "dim", "  ")
    return out


def suggestion_lines(analysis: Analysis, width: int) -> list[Line]:
    if not analysis.suggestions:
        return text_lines("Candidate keys (nothing is merged): none.", width, "bold")
    grid = Grid([Col("candidate", "id"), Col("alike", "short", justify="right"), Col("claims", "id"),
                 Col("why", "text", max_lines=2)], title=f"Candidate keys ({len(analysis.suggestions)}; "
                                                         "nothing is merged)")
    for s in analysis.suggestions:
        grid.add(Cell(s.id, "bold"), f"{s.score:.0%}", "\n".join(c.ref for c in s.claims), s.reason)
    grid.stack = [[0, 1], [2], [3]]
    return grid_or_stacked(grid, width)


def render_findings(analysis: Analysis, width: int, color: bool) -> str:
    return paint(findings_lines(analysis, width), color)


# --------------------------------------------------------------------------- matrix view

MATRIX_LEGEND = ("✗ conflict (red)", "✗r reviewed conflict (dim)", "✓ agreement (green)", "→ change over time",
                 "◇ forecast checked", "! annotation problem", "· in no relation", "- no claim")
_RANK = ["unreviewed", "reviewed", "annotation-problem", "forecast-vs-fact", "change-over-time", "agreement"]


def _cell_state(rels: list[Relation], brief: str) -> Optional[str]:
    states = set()
    for r in rels:
        if any(c.brief == brief for c in r.claims):
            if r.kind in CONFLICT_KINDS:
                states.add("reviewed" if r.reviewed else "unreviewed")
            else:
                states.add(r.kind)
    return min(states, key=_RANK.index) if states else None


_STATE_MARK = {"unreviewed": ("✗", "bold red"), "reviewed": ("✗r", "dim"), "annotation-problem": ("!", "yellow"),
               "forecast-vs-fact": ("◇", "blue"), "change-over-time": ("→", "cyan"), "agreement": ("✓", "green")}


def matrix_lines(analysis: Analysis, width: int) -> list[Line]:
    corpus = analysis.corpus
    by_key: dict[str, list[Relation]] = {}
    for r in analysis.relations:
        by_key.setdefault(r.key, []).append(r)
    briefs = [b.id for b in corpus.briefs]
    labels = short_labels(briefs)
    claims_by_key: dict[str, list[Claim]] = {}
    for c in corpus.claims():
        if c.key in by_key:
            claims_by_key.setdefault(c.key, []).append(c)

    def order(key: str) -> tuple:
        rels = by_key[key]
        worst = min(_RANK.index("unreviewed" if r.kind in CONFLICT_KINDS and not r.reviewed else
                                "reviewed" if r.kind in CONFLICT_KINDS else r.kind) for r in rels)
        return (worst, analysis.relations.index(rels[0]))

    keys = sorted(by_key, key=order)
    out: list[Line] = text_lines(f"briefcmp compare --matrix: {count(len(keys), 'key')} x {count(len(briefs), 'brief')}", width, "bold")
    out += item_lines("", MATRIX_LEGEND, width, "dim")
    if analysis.undecided:
        from briefcmp.render.undecided import undecided_text

        out += text_lines(undecided_text(analysis), width, "yellow", "", "  ")
    if not keys:
        return out + text_lines("No relations.", width)
    # Pages of brief columns: each column at least 14 cells (a value and its as-of wrap inside).
    per_page = max(1, min(len(briefs), (width + 2) // (MATRIX_MIN_COLUMN + 2)))
    pages = [briefs[i:i + per_page] for i in range(0, len(briefs), per_page)]
    for p, page in enumerate(pages):
        out.append([])
        if len(pages) > 1:
            out += text_lines(f"Briefs {p * per_page + 1}-{p * per_page + len(page)} of {len(briefs)}", width, "bold")
        out += item_lines("briefs: ", [f"{labels[b]} = {b}" for b in page if labels[b] != b], width, "dim")
        colw = max(6, (width - 2 * (len(page) - 1)) // len(page))
        head: Line = []
        for i, b in enumerate(page):
            head.append((labels[b].ljust(colw) if i < len(page) - 1 else labels[b], "bold"))
            if i < len(page) - 1:
                head.append(("  ", ""))
        out.append(head)
        out.append([("  ".join("─" * colw for _ in page), "dim")])
        for key in keys:
            rels = by_key[key]
            q = question(rels[0], corpus)
            room = width - cells(key) - 2
            q = terminal_safe(q)
            if q and cells(q) <= room:  # the question read whole: beside its key, else wrapped under it
                out.append([(key, "bold"), ("  " + q, "dim")])
            else:
                out.append([(key, "bold")])
                out += [[("  " + line, "dim")] for line in wrap_words(q, width - 2, may_cut=False)] if q else []
            cells_ = []
            for b in page:
                state = _cell_state(rels, b)
                value = brief_values(claims_by_key.get(key, []), b)
                mark, style = _STATE_MARK.get(state or "", ("-" if not value else "·", "dim"))
                cells_.append((f"{mark} {value}".strip() if value else "-", style))
            out += _matrix_row(cells_, colw)
    return out


MATRIX_MIN_COLUMN = 14
MATRIX_CELL_LINES = 4


def _cell_wrap(text: str, width: int) -> list[str]:
    """Wrap a matrix cell at words; a period range wider than the cell breaks after its "/"."""
    lines: list[str] = []
    for line in wrap_words(terminal_safe(text), width, may_cut=False):
        while cells(line) > width and "/" in line[:width]:
            cut_at = line[:width].rindex("/") + 1
            lines.append(line[:cut_at])
            line = line[cut_at:]
        lines.append(line)
    if len(lines) > MATRIX_CELL_LINES:
        lines = lines[:MATRIX_CELL_LINES]
        lines[-1] = cut(lines[-1] + " " + ELLIPSIS, width) if cells(lines[-1]) + 2 <= width else \
            cut(lines[-1], width - 1) + ELLIPSIS
    return [cut(line, width) for line in lines]


def _matrix_row(cells_: list[tuple[str, str]], colw: int) -> list[Line]:
    wrapped = [_cell_wrap(text, colw) for text, _ in cells_]
    lines: list[Line] = []
    for k in range(max(len(w) for w in wrapped)):
        line: Line = []
        for i, ((_, style), w) in enumerate(zip(cells_, wrapped)):
            piece = w[k] if k < len(w) else ""
            line.append((_pad(piece, colw, "left") if i < len(cells_) - 1 else piece, style))
            if i < len(cells_) - 1:
                line.append(("  ", ""))
        lines.append(_rstrip(line))
    return lines


def render_matrix(analysis: Analysis, width: int, color: bool) -> str:
    return paint(matrix_lines(analysis, width), color)
