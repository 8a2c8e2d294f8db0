"""`briefcmp check`: validate claims files and report the conflicts they bring into the corpus.

The core is ``run_check(settings) -> GateReport``: the CLI only builds the
settings (what to check: paths, --changed, --against) and renders the report.
The whole corpus is always loaded, so relations are found against every brief;
the *focus* (the briefs being checked) decides which problems and relations are
reported.
"""

from __future__ import annotations

import difflib
import os
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from typing import Optional

from briefcmp.gate.changed import Selection, select_against, select_changed, select_paths
from briefcmp.corpus.cache import load_corpus
from briefcmp.corpus.load import CONFIG_NAME, InputError, LoadResult, display_path, load_claims_file
from briefcmp.corpus.model import Relation
from briefcmp.corpus.problems import Problem, Problems, Severity, sort_problems
from briefcmp.corpus.rules import RuleError, RuleSelection, check_selectors
from briefcmp.gate.review import CHECKED_KINDS, Judgement, in_focus, is_finding, judge, relation_problems
from briefcmp.gate.reviewed import REVIEWED_NAME, ReviewedFile, load_reviewed


@dataclass
class CheckSettings:
    """What ``briefcmp check`` was asked to do (the CLI's options as plain data)."""

    paths: list[Path] = field(default_factory=lambda: [Path("briefs")])
    changed: bool = False  # only files changed in git (against ``base``)
    base: Optional[str] = None
    against: Optional[Path] = None  # check ``paths`` (anywhere) against this corpus
    reviewed: Optional[Path] = None  # reviewed-conflicts file; default <corpus>/reviewed.yaml
    allow_stale: bool = False
    fail_on: str = "error"  # error | warning | contradiction | never
    select: tuple[str, ...] = ()  # rules or prefixes to report (ruff's --select); () with ignore: all
    ignore: tuple[str, ...] = ()  # rules or prefixes not to report; see corpus/rules.py

    def selection(self) -> Selection:
        """The corpus and focus these settings name; InputError when unusable."""
        if self.against is not None:
            if self.changed or self.base is not None:
                raise InputError("--against and --changed cannot be combined")
            if not self.paths:
                raise InputError("--against needs the new claims files, "
                                 "e.g. briefcmp check new.claims.yaml --against briefs/")
            return select_against(self.paths, self.against)
        if self.changed or self.base is not None:
            return select_changed(self.paths, self.base)
        return select_paths(self.paths)


@dataclass
class CheckReport:
    problems: list[Problem]
    files: list[str]
    briefs: int
    claims: int
    load: LoadResult

    def count(self, severity: Severity) -> int:
        return sum(1 for p in self.problems if p.severity == severity)

    def exit_code(self, fail_on: str) -> int:
        """0 clean, 1 when a problem reaches ``fail_on`` (error | warning | never)."""
        if fail_on == "never":
            return 0
        threshold = Severity.WARNING if fail_on == "warning" else Severity.ERROR
        return 1 if any(p.severity >= threshold for p in self.problems) else 0


_MAX_CANDIDATES = 200


def corpus_checks(result: LoadResult, affected: Optional[set[str]] = None) -> Problems:
    """Checks across a loaded corpus: topic-less claims, drafts, keys that look like another key.

    ``affected``: report a lonely key only when it or the key it looks like is one of these
    (None: every lonely key).
    """
    problems = Problems()
    corpus = result.corpus
    used_by: dict[str, set[str]] = defaultdict(set)
    first_use: dict[str, tuple[str, int, int]] = {}
    for claim in corpus.claims():
        if claim.status == "draft":  # one warning a draft: its review covers its topics too
            problems.warning(claim.path, (claim.line, claim.col), "draft-claim",
                             f"claim {claim.id}: drafted by `briefcmp annotate` and not yet reviewed; "
                             f"check it{'' if claim.topics else ', give it topics'}, then remove `status: draft`")
        elif not claim.topics:
            problems.warning(claim.path, (claim.line, claim.col), "no-topic",
                             f"claim {claim.id}: has no topics; coverage cannot place it")
        if claim.key:
            used_by[claim.key].add(claim.brief)
            first_use.setdefault(claim.key, (claim.path, claim.line, claim.col))
    shared = [k for k, briefs in used_by.items() if len(briefs) > 1]
    # Compare each lonely key only with shared keys that have one of its rarer words, so the
    # cost stays linear in the number of keys instead of lonely x shared.
    by_word: dict[str, list[str]] = defaultdict(list)
    for k in shared:
        for word in set(k.split("-")):
            by_word[word].append(k)
    for key, briefs in sorted(used_by.items()):
        if len(briefs) != 1 or key not in corpus.config.keys:
            continue
        words = sorted(set(key.split("-")), key=lambda w: len(by_word.get(w, ())))
        candidates = sorted({k for w in words[:3] for k in by_word.get(w, ())[:_MAX_CANDIDATES]})
        near = difflib.get_close_matches(key, candidates, n=1, cutoff=0.85)
        if near and (affected is None or key in affected or near[0] in affected):
            path, line, col = first_use[key]
            problems.warning(path, (line, col), "lonely-key",
                             f'key "{key}" is used by one brief only and looks like "{near[0]}" '
                             f"(used by {len(used_by[near[0]])} briefs); should these claims share a key?")
    return problems

def load_selection(sel: Selection) -> LoadResult:
    """The whole corpus plus any outside claims files, read with the corpus config.

    Quotes and texts are checked while loading; only keyed claims' are kept: a relation's explanation
    quotes the drafted statements it joins ("bspc recommends oppose (bspc#x: "The EU should not ...")"),
    never an empty pair of quotation marks.
    """
    result = load_corpus([sel.root], texts="keyed")
    ids = {b.id: b.path for b in result.corpus.briefs}
    for f in sel.extra:
        shown = display_path(f)
        result.files.append(shown)
        # An outside file's source is confined to the file's own folder, as the corpus confines its own.
        loaded = load_claims_file(f, shown, result.corpus.config, f.resolve().parent)
        result.problems.extend(loaded.problems)
        brief = loaded.brief
        if brief is None:
            continue
        if brief.id in ids:
            result.problems.error(shown, (brief.line, brief.col), "duplicate-brief",
                                  f'brief id "{brief.id}" is also used by {ids[brief.id]}; '
                                  "give the new brief its own id (this file is left out)")
            continue
        result.problems.extend(loaded.source_problems)
        ids[brief.id] = shown
        result.corpus.briefs.append(brief)
    return result


def focus_briefs(sel: Selection, result: LoadResult) -> Optional[set[str]]:
    """Ids of the briefs being checked (None: all): focused claims files and briefs whose source changed."""
    if sel.everything:
        return None
    out = set()
    for b in result.corpus.briefs:
        if Path(b.path).resolve() in sel.focus_files or (  # type: ignore[operator]
                b.source_path and Path(b.source_path).resolve() in sel.touched):
            out.add(b.id)
    return out


@dataclass
class GateReport:
    """Everything ``check`` reports: validation problems and the conflicts of the focused briefs."""

    report: CheckReport  # problems of the focused files and of the reviewed file (no relation problems)
    relations: list[Relation]  # conflicts involving a focused brief, ``reviewed`` set
    judgement: Judgement
    focus: Optional[set[str]]  # brief ids being checked; None: every brief
    reviewed: ReviewedFile
    selection: Selection
    total_relations: int = 0  # relations made (see ``analyse_relations``)

    def combined(self, show_reviewed: bool = True) -> CheckReport:
        """The report with the conflicts as problems (what text and JSON output show)."""
        rel = relation_problems(self.relations, self.judgement, self.focus, show_reviewed)
        r = self.report
        return CheckReport(sort_problems(list(r.problems) + rel), r.files, r.briefs, r.claims, r.load)

    def unreviewed(self, kind: Optional[str] = None) -> list[Relation]:
        return [r for r in self.relations if r.id not in self.judgement.suppressions
                and (kind is None or r.kind == kind)]

    def exit_code(self, fail_on: str) -> int:
        """0 clean, 1 when something reaches ``fail_on``: error | warning | contradiction | never."""
        if fail_on == "never":
            return 0
        if fail_on == "contradiction":
            return 1 if self.unreviewed("contradiction") else 0
        return self.combined(show_reviewed=False).exit_code(fail_on)


def analyse_relations(result: LoadResult, reviewed: Optional[ReviewedFile] = None) -> list[Relation]:
    """The relations of the loaded corpus that ``check`` uses, from ``briefcmp.analysis.crossref``.

    The kinds it reports, and changes over time (an inferred as-of date that decides one is
    warned about; their explanations are not written). Agreements and forecasts set against
    facts are made only under the keys that reviewed entries or acknowledgements name: judging
    those entries looks at every relation of their key ("no longer in conflict (now:
    agreement)"). ``reviewed`` None: every relation.
    """
    from briefcmp.analysis.crossref import find_relations

    if reviewed is None:
        return find_relations(result.corpus)
    keys = {e.key or e.id.partition(":")[0] for e in reviewed.entries}
    keys.update(ack.partition(":")[0] for c in result.corpus.claims() for ack in c.acknowledges)
    return find_relations(result.corpus, kinds=(*CHECKED_KINDS, "change-over-time"), every_kind_for=keys,
                          unexplained=("change-over-time",))


def inferred_as_of_warnings(relations: list[Relation]) -> list[Problem]:
    """A warning at each claim whose inferred as-of date decides a relation (a change over time
    where, with the other claims' period, it would be a contradiction)."""
    problems = Problems()
    for rel in relations:
        for claim in rel.claims:
            if claim.ref in rel.inferred_decides:
                others = ", ".join(c.ref for c in rel.claims if c.ref != claim.ref)
                problems.warning(claim.path, (claim.line, claim.col), "as-of-inferred",
                                 f"claim {claim.id}: has no as_of, so it takes its publication date "
                                 f"({claim.as_of}); that date makes it a change over time against {others} "
                                 f"(relation {rel.id}) rather than a contradiction: add as_of")
    return list(problems)


# Problems that one file can cause in another: reported by `check --changed` wherever they are.
CROSS_FILE_RULES = ("duplicate-brief", "lonely-key")


def affected_keys(sel: Selection, result: LoadResult, focus: set[str]) -> set[str]:
    """Keys whose relations the focused change can alter: the focused briefs' keys now, and the
    keys the changed claims files used at the git base (a claim moved off a key, a brief deleted)."""
    keys = set(sel.keys)
    for b in result.corpus.briefs:
        if b.id in focus:
            keys.update(c.key for c in b.claims if c.key)
    return keys


def run_check(settings: CheckSettings) -> GateReport:
    """Load, validate, cross-reference and judge; keep what concerns the focused briefs.

    With ``--changed`` the report is exact: it holds every problem the change can cause, so
    when the base passed `check` and the focused report passes, `check` passes after the
    change. That is, besides the focused files' own problems: every stale review or
    acknowledgement and every problem of the reviewed file, wherever it is; problems one
    file causes in another (``CROSS_FILE_RULES``); and every unreviewed conflict, and every
    inferred as-of date deciding a relation, on a key the change touches (``affected_keys``).
    Named files (``check a.claims.yaml``) get their own problems, the conflicts that involve
    them, and the stale reviews and cross-file problems.

    InputError propagates for unusable input (no corpus, bad paths, git failures).
    """
    for option, selectors in (("--select", settings.select), ("--ignore", settings.ignore)):
        try:  # a typo is a usage error, found before loading
            check_selectors(selectors)
        except RuleError as exc:
            raise InputError(f"{option}: {exc}") from None
    sel = settings.selection()
    reviewed_path, allow_stale = settings.reviewed, settings.allow_stale
    result = load_selection(sel)
    if reviewed_path is not None and not Path(reviewed_path).is_file():
        raise InputError(f"{reviewed_path}: no such reviewed-conflicts file")
    path = reviewed_path or sel.root / REVIEWED_NAME
    reviewed = load_reviewed(path, display_path(path))
    relations = analyse_relations(result, reviewed)
    judgement = judge(relations, reviewed, result.corpus, allow_stale)
    focus = focus_briefs(sel, result)
    keys = None if focus is None or sel.all_relations else affected_keys(sel, result, focus)
    problems: list[Problem] = list(result.problems) + list(corpus_checks(result, keys))
    if not sel.exact and focus is not None:
        keys = set()  # named files: the conflicts that involve them
    if focus is not None:
        keep = {display_path(sel.root / CONFIG_NAME)}
        for b in result.corpus.briefs:
            if b.id in focus:
                keep.update(p for p in (b.path, b.source_path) if p)
        keep.update(display_path(f) for f in sel.focus_files or ())  # files that failed to load
        problems = [p for p in problems if p.path in keep or p.rule in CROSS_FILE_RULES]
    def selected(r: Relation) -> bool:
        return in_focus(r, focus) or keys is None or r.key in keys

    problems += list(reviewed.problems) + list(judgement.problems)  # wherever they are
    problems += _decisions_problems(sel.root)
    problems += inferred_as_of_warnings([r for r in relations if r.inferred_decides and selected(r)])
    briefs = [b for b in result.corpus.briefs if focus is None or b.id in focus]
    files = [f for f in result.files if focus is None or Path(f).resolve() in (sel.focus_files or ())]
    report = CheckReport(sort_problems(_unique(problems)), files, len(briefs),
                         sum(len(b.claims) for b in briefs), result)
    config = result.corpus.config
    rules = RuleSelection(((config.check_select, config.check_ignore), (settings.select, settings.ignore)))
    if not rules.everything:
        report.problems = [p for p in report.problems if rules.enabled(p.rule)]
    focused = [r for r in relations if is_finding(r) and selected(r) and rules.enabled(r.kind)]
    focused.sort(key=lambda r: (min((c.path, c.line) for c in r.claims), r.id))
    return GateReport(report, focused, judgement, focus, reviewed, sel, len(relations))


def _decisions_problems(root: Path) -> list[Problem]:
    """The problems of the corpus's align-decisions.yaml (what `align --review` decided), when it has one."""
    from briefcmp.analysis.decisions import DECISIONS_NAME, load_store

    path = Path(root) / DECISIONS_NAME
    return list(load_store(path, display_path(path), root=Path(root)).problems) if os.path.lexists(path) else []


def _unique(problems: list[Problem]) -> list[Problem]:
    seen = set()
    out = []
    for p in problems:
        k = (p.path, p.line, p.col, p.severity, p.message, p.rule)
        if k not in seen:
            seen.add(k)
            out.append(p)
    return out
