"""How a proposed key is named and explained: its id, the question it answers, its topics and its reason.

Split from ``grouping`` (which forms the groups). A key is named by the words its claims share, in the
order the first claim writes them ("What is Uganda's transit cargo (tonnes)?").
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import TYPE_CHECKING

from briefcmp.analysis import evidence
from briefcmp.analysis.countrydata import slug

if TYPE_CHECKING:  # (an annotation only: entities is not imported at run time here)
    from briefcmp.analysis.entities import Entities


def common_topics(group: list) -> tuple[str, ...]:
    """The topics every claim of the group has; else the two most frequent among them."""
    common = set(group[0].claim.topics)
    for m in group[1:]:
        common &= set(m.claim.topics)
    if common:
        return tuple(t for t in group[0].claim.topics if t in common)
    counts: dict[str, int] = defaultdict(int)
    for m in group:
        for t in m.claim.topics:
            counts[t] += 1
    return tuple(sorted(counts, key=lambda t: (-counts[t], t))[:2])


def shared_order(group: list) -> list[str]:
    shared = set(group[0].words)
    for m in group[1:]:
        shared &= m.words
    return [w for w in group[0].order if w in shared]


def new_key_id(group: list, taken: set[str]) -> str:
    words = [group[0].shown[w] for w in shared_order(group)]
    unit = "rank" if group[0].dim == "rank" else {"percent": "pct", "percentage-points": "pp"}.get(group[0].unit,
                                                                                                group[0].unit)
    base = slug("-".join([*group[0].subjects, *words[:4], unit]))[:60].strip("-") or "figure"
    key, n = base, 2
    while key in taken:
        key, n = f"{base}-{n}", n + 1
    return key


def label(group: list, entities: Entities) -> str:
    """The drafted key's question, as compare shows it: "What is Uganda's transit cargo (tonnes)?",
    "What is the trade of Japan and Russia (USD)?", "How many visitors does Kenya count?"."""
    names = [entities.label(s) for s in group[0].subjects]
    who = " and ".join(names)
    what = " ".join(group[0].shown[w] for w in shared_order(group)) or "figure"
    # "per" is no measured word, so "GDP per capita" keeps "capita" alone: the question says it whole
    what = re.sub(r"(?<!\bper )\bcapita\b", "per capita", what)
    if group[0].dim == "rank":
        return f"Where does {who or 'it'} rank in {what}?"
    if not group[0].unit:
        last = what.split()[-1]
        if re.fullmatch(r"[A-Za-z]+[^s]s", last):  # a counted plural: "How many visitors does Kenya count?"
            return f"How many {what} does {who} count?" if who else f"How many {what}?"
        # "employment growth", "part time employment decline": a number of what the measure names, not a noun to count
        return f"What is {who}{chr(39) if who.endswith('s') else chr(39) + 's'} {what} (number)?" if who \
            else f"What is the {what} (number)?"
    unit = {"percent": "percent", "percentage-points": "percentage points"}.get(group[0].unit, group[0].unit)
    if len(names) == 1:
        return f"What is {who}{chr(39) if who.endswith('s') else chr(39) + 's'} {what} ({unit})?"
    return f"What is the {what} of {who} ({unit})?" if who else f"What is the {what} ({unit})?"


def reason(group: list, target: str) -> str:
    subjects = ", ".join(group[0].subjects) or "(none)"
    how = sorted({m.subjects_from for m in group if m.subjects_from not in ("clause", "claim", "release")})
    shared = sorted(m.claim.ref for m in group if m.subjects_from == "release")
    words = " ".join(group[0].shown[w] for w in shared_order(group)) or "(none)"
    how_p = {"relative": " (from the publication date)", "release": " (inferred from the release: reports within "
             f"{evidence.RELEASE_DAYS} days)", "release-date": " (the release's date: no report states a period)",
             "brief": " (the brief's own: its title's or its figures' period, and the values agree)",
             "named": " (\"in the quarter\": the brief's own, its title's or lead's)",
             "": " (inferred)"}
    found = sorted({(m.period or str(m.claim.as_of or "")) + how_p.get(m.period_how, "")
                    for m in group if m.period or m.claim.as_of is not None})
    how = ["brief's main subject (named most)" if h == "main subject" else
           f"the event its brief reports (its figures are other reports' within {evidence.RELEASE_DAYS} days)"
           if h == "event" else f"the {h}" for h in how]
    if shared:  # analysis/subjects.py: a brief that names no country, its figure agreeing with the release's
        how.append(f"for {', '.join(shared)}: other reports of the release within {evidence.RELEASE_DAYS} days, "
                   "inferred as its value agrees")
    parts = [f"subject {subjects}" + (f" (from {', '.join(how)})" if how else ""),
             f"unit {'rank' if group[0].dim == 'rank' else group[0].unit or 'count'}" + "".join(
                 f" (for {m.claim.ref}: {m.unit_from})" for m in group if getattr(m, "unit_from", "")),
             f"shared words: {words}" + (
                 f" (for {', '.join(sorted(m.claim.ref for m in group if m.words_from))}: from "
                 f"{', '.join(sorted({m.words_from for m in group if m.words_from}))})"
                 if any(m.words_from for m in group) else ""),
             f"period {', '.join(found) or 'not stated'}"]
    if target:
        parts.insert(0, target)
    return "; ".join(parts)


def distinct_new_keys(result, registered) -> None:
    """Candidates that propose one new name for different groups get distinct names ("…-pct", "…-pct-2"): each
    is named apart from the keys only, so a listing showed one key id for five different questions, and
    accepting two of them would put both under one key. A candidate named as an applied or registered key
    proposes to join it (a like of a sure group waiting for a person) and keeps that name. (Decisions name
    their claims, not the key, so a name changing between runs loses no decision.)"""
    joins = set(registered) | {g.key for g in result.groups}
    taken = set(joins)
    seen: set[str] = set()
    for g in result.candidates:
        if not g.new or g.key in joins:
            continue
        if g.key in seen:
            n = 2  # (the name itself is the base: "...-2024" ends in a year, not a count)
            while f"{g.key}-{n}" in taken or f"{g.key}-{n}" in seen:
                n += 1
            g.key = f"{g.key}-{n}"
        seen.add(g.key)
