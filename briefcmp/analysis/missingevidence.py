"""Which kinds of evidence a candidate lacks, read from the reasons align gives (issue 21, point 6).

A candidate's ``doubt`` says, in words, why ``--apply`` did not write it; the modules that hold a group
back each word it their own way ("no stated period for ...", "linked only by context: ..."). ``missing``
names the kinds of evidence those reasons say are missing, in one fixed vocabulary, so that ``align``
can list them with each candidate and ``benchmarks/lineup_candidates.py`` can measure how precise each
class of candidates is. The table lists align's own phrasings (not any brief's text); a reason it does
not know is ``other`` (none of the 2,096 figure candidates of the lineup tuning halves was, session 15).
Statements' reasons (``alignfacts``, ``factgroups``) use the same kinds: their actor is the subject, what
they state (verb, object, scope) the measure.

Value closeness is never evidence: "the values differ" in a reason says why weak evidence was not
enough to set two values against each other, and it names the weak evidence, not the values.
"""

from __future__ import annotations

import re

# the kinds of evidence, in the order issue 21 lists them (subject, measure meaning, unit, period, kind),
# then those align adds: the base a change is measured on, one value per brief and period, a person's say
KINDS = ("subject", "measure", "basis", "unit", "period", "kind", "one value", "a person's decision", "other")

# (kind, a stem of a reason align writes); one reason may name several kinds
_REASONS: tuple[tuple[str, re.Pattern], ...] = tuple((kind, re.compile(stem, re.I)) for kind, stem in (
    ("subject", r"no country or registered entity named|the subject of \S+ is inferred|subjects are named in "
                r"another order|names the subjects in another order|the actors differ|"
                r"the actors \(.*?\) are taken as one"),
    ("measure", r"wording (?:of \S+ \(.*?\) )?is only alike|asked as one measure: wording alike|"
                r"wording that says they are one measure|"
                r"linked only by (?:context|the figure linker)|linked by context|names more than|names less than|"
                r"measure of \S+ is taken from|a measure its own clause states|weak evidence \(measure|"
                # statements (alignfacts, factgroups): what is stated is their measure
                r"the verbs differ|not every claim names|the statements are only alike|the linker rates them|"
                r"some claims state a scope"),
    ("basis", r"states no base|the base is missing|is measured \S+; the others state no base"),
    ("unit", r"the currency of \S+ is inferred|currency \(.*?\) (?:and period )?.*?is inferred"),
    ("period", r"no stated period|period \(inferred from the release\)|period \(the one its brief's figures|"
               r"no report states the period|periods of another length|weak evidence \((?:.*, )?period|"
               r"no date for|the stated periods do not overlap"),
    ("kind", r"forecast|an expectation, not an outcome"),
    ("one value", r"gives two values for|rounds a figure .* more precisely|two values for one period"),
    ("a person's decision", r"not decided and not done can both hold|keyed otherwise meanwhile|split by a person|"
                            r"a person just gave|line up with them|a claim the key held is in doubt|"
                            r"not in the confident core"),
))


def missing(doubt: str) -> tuple[str, ...]:
    """The kinds of evidence ``doubt`` (a candidate's reason) says are missing, in ``KINDS`` order; ("other",)
    for a reason none of align's phrasings matches, () for none."""
    if not doubt.strip():
        return ()
    found = {kind for kind, stem in _REASONS if stem.search(doubt)}
    return tuple(k for k in KINDS if k in found) or ("other",)


def said(doubt: str) -> str:
    """How ``align`` lists them: "period, measure" (empty when none)."""
    return ", ".join(missing(doubt))
