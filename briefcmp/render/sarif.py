"""SARIF 2.1.0 output, for GitHub code scanning and other static-analysis dashboards.

Check problems and focused relations become results. A relation's result sits at
the claim being checked, points at the other claims as related locations, and
carries the relation id as a partial fingerprint so dashboards track it across
line moves. Reviewed conflicts stay in the log with a ``suppressions`` entry
(external: the reviewed file; inSource: acknowledged in the claims file), so
code scanning shows them as dismissed rather than losing them.
"""

from __future__ import annotations

import itertools
import os
from pathlib import Path
from typing import Iterable, Iterator, Optional
from urllib.parse import quote

from briefcmp import __version__
from briefcmp.gate.check import CheckReport
from briefcmp.corpus.model import Claim, Relation
from briefcmp.corpus.problems import Problem, Severity
from briefcmp.gate.review import Judgement, is_finding, primary, relation_message
from briefcmp.render.stream import Stream, json_chunks

SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
BASE_ID = "%SRCROOT%"
FINGERPRINT = "briefcmpRelation/v1"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
SUPPRESSION_STATUS = {"accepted": "accepted", "under-review": "underReview"}

# Short descriptions of the rules; a rule not listed gets a generic one.
RULES = {
    "contradiction": "Claims give values that differ beyond tolerance for the same key and period.",
    "disagreement": "Briefs take opposed positions or forecasts on the same question.",
    "annotation-problem": "A claim cannot be compared under its key (value type, unit or currency mismatch).",
    "review-stale": "A reviewed conflict no longer matches any conflict of the corpus.",
    "acknowledgement-stale": "A claim acknowledges a conflict that no longer exists.",
    "acknowledgement-unjustified": "A claim acknowledges a conflict without a note saying why.",
    "quote-not-found": "A claim's quote does not occur in the brief's source text.",
    "quote-ambiguous": "A claim's quote occurs several times in the source text.",
    "yaml-syntax": "The file is not valid YAML.",
    "unknown-key": "A claim uses a key that is not registered in briefcmp.yaml.",
    "unknown-field": "A field that the format does not define.",
    "missing-field": "A required field is missing.",
    "source-changed": "The source text changed since the claims were annotated.",
}


def artifact(path: str, root: Optional[Path]) -> dict:
    """An artifactLocation: a URI relative to the repository root (with uriBaseId), else an absolute file URI."""
    return _artifact(path, root.resolve() if root is not None else None)


def _artifact(path: str, resolved_root: Optional[Path]) -> dict:
    full = Path(os.path.abspath(path))
    if resolved_root is not None:
        try:
            rel = full.relative_to(resolved_root)
        except ValueError:
            rel = None
        if rel is not None:
            return {"uri": quote(rel.as_posix(), safe="/"), "uriBaseId": BASE_ID}
    return {"uri": full.as_uri()}


class _Artifacts:
    """``artifact`` for many locations: the root resolved once, each path's location made once
    (a relation at 10,000 briefs can point at dozens of claims, most in files met before)."""

    def __init__(self, root: Optional[Path]) -> None:
        self.root = root.resolve() if root is not None else None
        self.made: dict[str, dict] = {}

    def __call__(self, path: str) -> dict:
        found = self.made.get(path)
        if found is None:
            found = self.made[path] = _artifact(path, self.root)
        return found


def _location(path: str, line: int, col: int, artifacts: _Artifacts, message: str = "", index: int = -1) -> dict:
    physical: dict = {"artifactLocation": artifacts(path)}
    if line > 0:
        physical["region"] = {"startLine": line, **({"startColumn": col} if col > 0 else {})}
    loc: dict = {"physicalLocation": physical}
    if index >= 0:
        loc["id"] = index
    if message:
        loc["message"] = {"text": message}
    return loc


def _claim_note(c: Claim) -> str:
    value = c.value.display() if c.value is not None else "no value"
    return f"{c.ref}: {value}" + (f" ({c.as_of})" if c.as_of is not None else "")


class _Rules:
    def __init__(self) -> None:
        self.index: dict[str, int] = {}
        self.rules: list[dict] = []

    def __call__(self, rule: str, level: str) -> int:
        if rule not in self.index:
            self.index[rule] = len(self.rules)
            self.rules.append({
                "id": rule,
                "shortDescription": {"text": RULES.get(rule, f"briefcmp check: {rule}")},
                "defaultConfiguration": {"level": level},
            })
        return self.index[rule]


def _problem_result(p: Problem, rules: _Rules, artifacts: _Artifacts) -> dict:
    level = LEVELS[p.severity]
    return {"ruleId": p.rule, "ruleIndex": rules(p.rule, level), "level": level,
            "message": {"text": p.message}, "locations": [_location(p.path, p.line, p.col, artifacts)]}


def _relation_level(r: Relation) -> str:
    return "error" if r.severity == "error" else "warning"


def _relation_result(r: Relation, judgement: Judgement, focus: Optional[set[str]], rules: _Rules,
                     artifacts: _Artifacts) -> dict:
    level = _relation_level(r)
    first, others = primary(r, focus)
    result = {
        "ruleId": r.kind, "ruleIndex": rules(r.kind, level), "level": level,
        "message": {"text": relation_message(r, focus)},
        "locations": [_location(first.path, first.line, first.col, artifacts, _claim_note(first))],
        "partialFingerprints": {FINGERPRINT: r.id},
    }
    if others:
        result["relatedLocations"] = [_location(c.path, c.line, c.col, artifacts, _claim_note(c), i)
                                      for i, c in enumerate(others)]
    sup = judgement.suppressions.get(r.id)
    if sup is not None:
        justification = sup.justification
        if sup.reviewer or sup.date:
            justification += f" ({', '.join(x for x in (sup.reviewer, sup.date) if x)})"
        result["suppressions"] = [{"kind": sup.kind, "status": SUPPRESSION_STATUS[sup.status],
                                   "justification": justification}]
    return result


def render_sarif(report: CheckReport, relations: Iterable[Relation] = (), judgement: Optional[Judgement] = None,
                 focus: Optional[set[str]] = None, *, root: Optional[Path] = None) -> str:
    """One SARIF 2.1.0 log with one run: check problems, then the focused relations (reviewed ones suppressed).

    ``root`` is the repository root that artifact URIs are relative to (``%SRCROOT%``).
    """
    return "".join(sarif_chunks(report, relations, judgement, focus, root=root))


def sarif_chunks(report: CheckReport, relations: Iterable[Relation] = (), judgement: Optional[Judgement] = None,
                 focus: Optional[set[str]] = None, *, root: Optional[Path] = None) -> Iterator[str]:
    """``render_sarif`` in chunks, a result at a time (at 10,000 briefs the log is about 100 MB)."""
    judgement = judgement or Judgement()
    findings = [r for r in relations if is_finding(r)]  # the ones to report, as ``gate.check.run_check`` selected them
    rules = _Rules()
    # The rules come before the results in the log and are numbered in the order results first
    # use them: registered in a first pass, so that the results can then be written as made.
    for p in report.problems:
        rules(p.rule, LEVELS[p.severity])
    for r in findings:
        rules(r.kind, _relation_level(r))
    artifacts = _Artifacts(root)
    results = itertools.chain((_problem_result(p, rules, artifacts) for p in report.problems),
                              (_relation_result(r, judgement, focus, rules, artifacts) for r in findings))
    driver = {"name": "briefcmp", "version": __version__, "semanticVersion": __version__, "rules": rules.rules}
    log = {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": Stream([{  # a Stream, so that the writer looks inside it for the results' Stream
            "tool": {"driver": driver},
            "invocations": [{"executionSuccessful": True}],
            "columnKind": "unicodeCodePoints",
            "results": Stream(results),
        }]),
    }
    return json_chunks(log)
