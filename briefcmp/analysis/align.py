"""Line up unkeyed figures across briefs: which registered key they answer, or which new key they share.

``align(corpus)`` looks at every figure claim without a key (quantities and ranks) and
describes it by

- its **subjects**: the entities named in the figure's clause, else earlier in its
  sentence, else carried from the sentence before in the same paragraph ("Its share
  ..."), else the one entity the brief's title names, else the one entity the whole brief names
  or the one it names far more than any other (config entities and countries, see
  ``briefcmp.analysis.entities`` and ``briefcmp.analysis.subjects``); a reviewed claim's own
  subjects come first. A clause about a region, bloc or the world ("the region's economy") has
  no country subject; a company named before the figure's clause ("Output at state-run Coal
  India, ..., rose to") is the subject, not the title's country. A brief that names no country
  takes the country of its one national currency ("Rs 11.21 lakh crore"), else the subject of the
  release it reports, for its figures that agree with other reports
  (``subjects.adopt_release_subjects``). The euro area is a subject however it is written, "global"
  and "world" are one subject ("the bloc" of a brief about the euro area is the euro area), a
  fronted clause ("Even with growth easing to 5.2 percent, the Philippines ...") takes the main
  clause's subject, a wire dateline opening a sentence ("Taipei, Oct. 17 (CNA)") and a clause of
  cause ("as output disappointed in Malaysia") name none, a country's statistics office, central
  bank or an organ of its state ("the Monetary Policy Committee") is the country, and a
  company named with its legal form anywhere in the corpus is the subject of its figures under its
  short name ("Toyota"), a country only qualifying it ("Japanese automaker Toyota") dropped;
- its **dimension and unit** (durations compare in days; ranks are their own dimension);
- the **measured thing**: the content words of the figure's clause without subject
  names, units, dates and verbs that only state a value ("was", "reached"), spellings
  folded and words stemmed, a few synonyms joined ("economy grew" and "GDP growth" are
  both ``gdp increase``, "spent", "spending", "devoted" and "outlays" one word, "military",
  "defence" and "armed forces" one word, "increased", "raised" and "went up" one change).
  A change keeps its direction: a rise never matches a fall, and a change ("increased by 7.5
  percent") never matches a level ("3.9 percent of GDP", "rose to 3.9 percent");
- its **period** (as-of) and kind.

Groups are formed over every figure, keyed or not, as a first run forms them, and read against the
keys already written (``joinkeys.settle``): a group holding all of a key's claims and new ones is the
new ones joining it, so a second run on the corpus a first keyed proposes nothing new. A claim no group
reached joins a registered key when the subjects, the unit and the measured thing agree with the key's
label or claims, and it and the key's claims form a group a new key would form (``joinkeys.joins``).
Claims of at least two briefs
that agree on all of them form a new key: an id and a question drafted from the shared
words, the type, the unit, and a tolerance for rounding only. A group is *sure* (applied
by ``--apply``) only when the subjects and the unit agree, the measured words agree but
for harmless ones ("real", "annual", "public"), every claim states its period, every claim
is a fact, no brief gives two values for one period, and a directed measure (exports,
loans) names its countries in one order; anything less is a *candidate*, listed and
never applied.

Only claims in the same bucket (subjects, unit) are compared, and a bucket's groups are
bounded, so the cost is linear in the number of claims. ``apply_plan`` writes the keys
into the config and the claims files as text edits (every untouched line stays byte
for byte), re-parses the result and writes atomically.
"""

from __future__ import annotations

import dataclasses
import re
from collections import defaultdict
from typing import Optional

from briefcmp.analysis import clauses, datelines, ellipsis, eventdates, evidence, figurerole, grouping, joinkeys, linking
from briefcmp.analysis import briefunits, figlinkplace, fellowperiods, fiscalissuer, headline, issuer, onefact, views
from briefcmp.analysis import acronyms, appliedmarks, baregrowth, comparatives, figurecontext, figuresubject
from briefcmp.analysis import issuernames, keynames, organisations, periods, sharedcurrency, titleperiods, vintages
from briefcmp.analysis import subjects as whose
from briefcmp.analysis.briefcontext import (  # noqa: F401  (names tests and the diagnostics import from align)
    _Context, _dateline_day,
)
from briefcmp.analysis.entities import _GROUP_BEFORE, Entities, proper_names
from briefcmp.analysis.causes import cause_at
from briefcmp.analysis.figurespans import _figure_at
from briefcmp.analysis.measure import (  # noqa: F401  (names other modules import from align)
    CHANGE_NOUN, FORECAST_WORDS, _APPOSITION, _CHANGE_OF, _CLAUSE_BREAK, _COMPARED, _DIRECTED, _DIRECTION,
    _GENERIC_NOT_SUBJECT, _GENERIC_SUBJECT, _HARMLESS, _MULTI_PERIOD, _NUMBER, _VAGUE, _OF_GDP, _POSSESSIVE_START,
    _RELATIVE, _SHOW, _TO_FIGURE, _YEAR_LONG, REACHED, _basis, blank_acronym_asides, basis_against, _meaningful, effective_words, measured_words,
    multi_period, word_match,
)
from briefcmp.analysis.percentreading import percent_reading, scenario
from briefcmp.analysis.alignresult import AlignResult, Group, Member  # noqa: F401  (the typed results, split out)
from briefcmp.analysis.changebasis import settle_bases
from briefcmp.analysis.figurecontext import _BLOCS, _WORLD, _WORLD_RANK, _from_sentence_before, _fronted_subject, _region
from briefcmp.analysis.terms import term_match
from briefcmp.corpus import units
from briefcmp.corpus.model import Claim, Corpus, Period

FIGURE_TYPES = ("quantity", "rank")
DEFAULT_TOLERANCE = "2%"  # money and counts: rounding ("about 1.3 billion" and "1.28 billion"), not another figure
MAX_GROUPS_PER_BUCKET = grouping.MAX_GROUPS_PER_BUCKET

# --------------------------------------------------------------------------- describing claims


# A sentence's opening frame that qualifies the measure of the clause after it: "Measured per person,",
# "On the expenditure side,", "In real terms,", "Per capita,", "Seasonally adjusted,"
_FRAME = re.compile(r"\s*(?:(?:measured|expressed|calculated|counted)\s+(?P<a>[a-z][a-z\s-]{1,30}?)|"
                    r"(?:on|from)\s+the\s+(?P<b>[a-z][a-z\s-]{1,30}?)\s+side|in\s+(?P<c>[a-z][a-z\s-]{1,30}?)\s+terms|"
                    r"(?P<d>per\s+(?:capita|person|head)|seasonally\s+adjusted))\s*,\s*", re.I)
_PER_HEAD = re.compile(r"\bper\s+(?:person|head|inhabitant|resident)\b", re.I)


def _clause(text: str, a: int, b: int) -> tuple[int, int]:
    start = max((m.end() for m in clauses.breaks(_CLAUSE_BREAK, text, 0, a)), default=0)
    end = min((m.start() for m in clauses.breaks(_CLAUSE_BREAK, text, b)), default=len(text))
    return start, end


def _unit_words(unit: str) -> set[str]:
    return {w.lower() for s in units.spellings(unit) for w in re.findall(r"[A-Za-z]+", s)} \
        if unit not in ("", "percent") else set()


def describe(claim: Claim, ctx: Optional[_Context], entities: Entities, nth: int = 0) -> Optional[Member]:
    """How align sees a figure claim (None for other claims); ``nth``: which writing of its value in its
    quote it is, when the quote writes the value more than once."""
    v = claim.value
    if v is None or v.type not in FIGURE_TYPES or v.amount is None:
        return None
    if v.type == "rank":  # "the sixth-largest economy": what is ranked is in the measured words
        unit, dim = "", "rank"
    else:
        unit = units.canonical_unit(v.unit)
        dim = units.comparable(unit, 0.0)[0]
        if unit == "bps":  # "25 basis points" is 0.25 percentage point (corpus/units.py converts)
            unit = "percentage-points"
    counted = ""  # "36.9 million foreign visitors": a count like "36.87 million", the noun a measured word
    if units.is_count(unit):
        counted, unit, dim = unit, "", ""
    text = claim.quote
    frame = None
    subjects_from = ""
    figure_span: Optional[tuple[int, int]] = None
    sentence_text = ""
    alternate = False
    subjects: tuple[str, ...] = ()
    clause_at: Optional[tuple[int, int]] = None  # the figure's clause in ``sentence``
    respective = None  # "A and B rose 3% and 5% respectively": B's words (read only from the source text)
    if claim.status != "draft" and claim.subjects:
        subjects, subjects_from = tuple(claim.subjects), "claim"
    if ctx is not None and ctx.ok and claim.span is not None:
        a, b = claim.span
        si = ctx.sentence_index(a)
        s0, s1 = ctx.sentences[si] if ctx.sentences else (a, b)
        sentence = sentence_text = ctx.text[min(s0, a):max(s1, b)]
        fig = _figure_at(ctx.text[a:b], v, nth)
        if fig is not None:
            fa, fb = a + fig[0] - min(s0, a), a + fig[1] - min(s0, a)
            figure_span = (fa, fb)
            # "7.95 trillion yen ($56 billion) defense budget": the sentence reads on past a conversion,
            # and the converted figure stands where its parenthesis is; "X, or Y, depending on the
            # exchange rate": Y stands where X is.
            subjects, subjects_from = figuresubject.paren_subject(sentence, (fa, fb), entities, subjects, subjects_from)
            lead = datelines.opening(sentence)
            if lead and lead <= fa:  # "Taipei, Oct. 17 (CNA) TSMC reported ...": where it was filed, not whose
                sentence = " " * lead + sentence[lead:]
            sentence, paren = clauses.blank_conversions(figuresubject.blank_home(sentence, entities), (fa, fb))
            alt = clauses.alternative(sentence, (fa, fb))
            conv = clauses.or_conversion(sentence, (fa, fb)) if alt is None else None
            if conv is not None:
                paren = conv
            if paren is not None or alt is not None:
                at = paren if paren is not None else alt
                main = [m for m in _NUMBER.finditer(sentence, 0, at)]  # the figure it converts
                fa, fb = (main[-1].start(), main[-1].end()) if main else (max(at - 1, 0), max(at - 1, 0))
                alternate = alt is not None and paren is None
            respective = clauses.respective_words(sentence, (fa, fb))
            c0, c1 = _clause(blank_acronym_asides(sentence, (fa, fb)), fa, fb)
            reach = comparatives.reach(sentence, (fa, fb), _unit_words(unit))  # "$6.4 billion, or 26.8%, higher"
            if reach is not None and reach > c1:
                c1 = _clause(sentence, reach, reach)[1]
            frame = _FRAME.fullmatch(sentence[:c0]) if c0 else None
            clause_at = (c0, c1)
            clause, fig_in_clause = sentence[c0:c1], (fa - c0, fb - c0)
            cause = cause_at(clause, fig_in_clause)
            if cause is not None:  # "... swelled to $992.1 billion as exporters beat expected U.S. tariffs": not the US's
                clause = clause[:cause]
            upto = sentence[:c0 + len(clause)]  # (nor the sentence's: a cause names no subject of the figure)
        else:
            clause, fig_in_clause = ctx.text[a:b], None
            upto = sentence
        company = [] if subjects or entities.subjects(clause) else entities.companies(clause)
        if company:  # "Coal India mined 773.81 million tonnes": the company's figure, not India's
            subjects, subjects_from = (entities.adopt(company[0]),), "clause"
        elif not subjects and not entities.subjects(clause) and not entities.subjects(upto):
            # "Output at state-run Coal India, which accounts for most of the country's production, rose to
            # 773.8 million tons": the company the sentence names before the clause, not the title's country
            company = entities.companies(upto)
            if company:
                subjects, subjects_from = (entities.adopt(company[-1]),), "sentence"
        named = [] if subjects or entities.subjects(clause) else [n for n in proper_names(clause) if not _WORLD_RANK.match(
            clause, n[1]) and not figuresubject.forecasts(clause, n[1], n[0])]  # ("the Fund's projection of": its source)
        generic = next((g for g in _GENERIC_SUBJECT.finditer(clause)
                        if not _GENERIC_NOT_SUBJECT.search(clause, max(0, g.start() - 12), g.start())
                        and not _GROUP_BEFORE.search(clause, max(0, g.start() - 10), g.start())  # "black African"
                        and not _WORLD_RANK.match(clause, g.end())  # "Southeast Asia's largest economy": a country
                        and not figuresubject.forecasts(clause, g.end())  # "the OECD sees growth of 2.4%": a source
                        and not any(a <= g.start() < b for a, b, _ in named)), None)
        if named and not generic:
            # "reservoir storage in the Santiago metropolitan region": a named place or body is a
            # subject (its name is no measured word), with the country around it (below).
            subjects, subjects_from = (figuresubject.named_id(named[0][2], entities),), "clause"
        if not subjects and generic and not entities.subjects(clause) and not _POSSESSIVE_START.match(clause):
            # "The region's economy grew 4 percent": about no country, whatever the brief's title says; "the
            # bloc's economy" in a brief about the euro area is the euro area's.
            # ("... beat the euro area as a whole. For the full year the bloc grew 0.7%": the bloc named last before it)
            region = next((x for x in (*ctx.title_subjects, *ctx.brief_subjects) if x in _BLOCS), "") or \
                ctx.last_named(claim.span[0], _BLOCS) if generic.group().lower() == "bloc" else ""
            subjects, subjects_from = (region or _region(clause, generic),), "clause"
        pair = None if subjects or figure_span is None or entities.subjects(clause) else \
            next((m for m in reversed(list(clauses.PAIR_BACK.finditer(upto)))), None)
        if pair is not None:  # "trade between the two countries": the two named before
            subjects = ctx.pair_before(min(s0, a) + pair.start())
            subjects_from = "two named before" if subjects else ""
        if not subjects and fig_in_clause is not None and not entities.subjects(upto):
            # "employment grew in Ontario (+43,000)": the province's figure, not its country's
            provinces = entities.provinces(clause) or entities.provinces(upto)
            if provinces:
                end = fig_in_clause[0] + (len(upto) - len(clause) if not entities.provinces(clause) else 0)
                before = [p for p in provinces if p[1] <= end]
                subjects, subjects_from = ((before[-1] if before else provinces[0])[2],), "clause"
        if not subjects:
            for how, found in (("clause", lambda: figuresubject.clause_subjects(clause, entities)),
                               ("sentence", lambda: figuresubject.sentence_subjects(upto, len(upto) - len(clause), entities)),
                               ("sentence", lambda: _fronted_subject(sentence, clause_at, entities)),
                               ("sentence", lambda: figuresubject.world_sentence(upto[:len(upto) - len(clause)], entities)),
                               (issuer.ISSUER, lambda: issuer.described(ctx, sentence, entities)),
                               (issuer.ISSUER, lambda: ctx.label_of(min(s0, a))),
                               ("previous sentence", lambda: ctx.carried(si)),
                               ("title", lambda: ctx.title_subjects),
                               (ctx.brief_how, lambda: ctx.brief_subjects),
                               (issuer.ISSUER, lambda: ctx.issuer_subjects)):
                subjects = found()
                if subjects:
                    subjects_from = how
                    break
        subjects, subjects_from = issuer.organ_as_company(subjects, subjects_from, ctx, entities)  # "The Supervisory Board"
        if subjects and all(x in entities.adopted and not entities.distinctive(x) for x in subjects):
            # A name of words any country uses ("the Central Bank", "the Supreme Court") is that
            # country's: the one the sentence, the one before, the title or the brief names; with
            # none, the subject is unsure (never applied).
            for found in (lambda: entities.subjects(upto), lambda: ctx.carried(si, names=False),
                          lambda: ctx.title_countries, lambda: ctx.brief_subjects):
                country = found()
                if country:
                    # A body named only in the title ("Budget Passed by the National Assembly") is the
                    # headline's actor, not whose figure it is: the country's.
                    # An organ of the state ("the MPC", "the Reserve Bank") stands for its country.
                    subjects = country if subjects_from == "title" or all(entities.organ(x) for x in subjects) \
                        else (*subjects, *country)
                    break
            else:
                subjects = tuple(f"({x})" for x in subjects)
    else:
        fig = _figure_at(text, v, nth)
        clause, fig_in_clause = (text[slice(*_clause(text, *fig))], None) if fig else (text, None)
        if not subjects:
            subjects, subjects_from = entities.subjects(text), "sentence"
    if fig_in_clause is not None:
        cause = cause_at(clause, fig_in_clause)
        if cause is not None:
            clause = clause[:cause]
        if unit == "percent":  # "5.1 per cent of GDP": the denominator of a share, not the measured thing
            share = _OF_GDP.match(clause, fig_in_clause[1])
            if share:
                clause = clause[:share.start()] + " " * (share.end() - share.start()) + clause[share.end():]
        clause = figurerole.blank_against_expectations(clause)  # "rose more than expected to 4.7%": an outcome
    # the unit in any spelling is no measured word ("402 billion kroner" is in crowns)
    written = " ".join(units.spellings(unit)) if unit not in ("", "percent") else unit
    words, shown, order = measured_words(clause, entities, (counted if counted in units.PERSON_NOUNS else "")
                                         if counted else written if unit != "percent" else "", fig_in_clause)
    if respective is not None:
        words, shown, order = measured_words(respective[0], entities, "")
    elif frame is not None:  # "Measured per person, GDP dropped 1.2%": the frame qualifies the measure
        said = _PER_HEAD.sub("per capita", next(g for g in frame.groups() if g))
        more, more_shown, more_order = measured_words(said, entities, "")
        words, order = words | more, (*order, *(w for w in more_order if w not in shown))
        shown = {**shown, **{w: x for w, x in more_shown.items() if w not in shown}}
    elided = ellipsis.elision(clause, fig_in_clause) if respective is None else ""
    words_from = ""
    item_year = ellipsis.item_year(sentence_text[c0:c1], sentence_text[c1:c1 + 12]) \
        if elided and fig_in_clause is not None else ""  # (the text as written: a year in parentheses is no aside here)
    if not _meaningful(words) and ctx is not None and fig_in_clause is not None:
        # "grew 3.4 percent in 2023, up from 4.8 percent a year earlier": the clause before says what
        words, shown, order, words_from = figurecontext.clause_before(clause, fig_in_clause, upto, (words, shown, order),
                                                                      entities, written if unit != "percent" else "")
    if not _meaningful(words) and ctx is not None and fig_in_clause is not None and (
            elided == "bare" or ellipsis.verb_only(clause, fig_in_clause)):
        # "Soybean production, with the harvest complete, is estimated at 169.5 million tonnes": a clause of
        # a verb and the figure says it of the sentence's subject, its first clause (the first figure only:
        # a later one is a list item, ellipsis.carry)
        subject = ellipsis.sentence_subject(upto[:len(upto) - len(clause)])
        if subject:
            found = measured_words(subject, entities, written if unit != "percent" else "")
            if _meaningful(found[0] - _HARMLESS):  # (with the clause's own change word: "expanded 0.9%")
                own = [w for w in order if w in _DIRECTION and w not in found[0]]
                words, shown, order = found[0] | frozenset(own), {**found[1], **{w: shown[w] for w in own}}, \
                    (*found[2], *own)
                words_from = "its sentence's subject"
    if figure_span is not None and ellipsis.signed_rise(sentence_text[:figure_span[0]]) and not words & _DIRECTION:
        words, order, shown = words | {"increase"}, (*order, "increase"), {**shown, "increase": "growth"}  # "+2.1%"
    if fig_in_clause is not None and figure_span is not None:
        topical = ellipsis.topic(sentence, clause, figure_span, entities, (words, shown, order))
        if topical is not None:  # "For inflation excluding energy and food, staff project 2.9%"
            words, shown, order = topical
    carried_period: tuple[str, str] = ("", "")
    stated_basis = ""
    if not _meaningful(words) and ctx is not None and figure_span is not None and ctx.ok and claim.span is not None:
        own_words = words
        words, shown, order, carried_period = _from_sentence_before(ctx, claim.span[0], sentence_text, entities,
                                                                     unit, (words, shown, order), subjects)
        words_from = words_from or ("the sentence before it" if words != own_words else "")  # (an inference: evidence)
    gap = figurecontext.gapped_sentence(ctx, claim.span[0], sentence_text, entities, unit) \
        if ctx is not None and ctx.ok and claim.span is not None and not words & _DIRECTION else None
    if gap:  # "Exports fell 3%. Imports, 5%.": the verb (its change word, base, period) is the sentence before's
        words, order, shown = words | gap[0], (*order, *sorted(gap[0] - words)), {**shown, **{w: w for w in gap[0]}}
        carried_period = carried_period if carried_period[1] else gap[1]
    if dim in ("percent", "percentage-points") or unit in ("percent", "percentage-points"):
        # what a change is measured against is part of the measure: growth on the quarter before, on
        # the year before, or at an annualized rate are three figures ("5.2% year on year" and "1.0%
        # quarter on quarter" of one quarter never contradict)
        basis = stated_basis = _basis(clause, sentence_text, figure_span, period_full_year=False,
                                      word_figure=figure_span is None)
        if basis:
            words, order = words | {basis}, (*order, basis)
            shown = {**shown, basis: basis}
    if fig_in_clause is not None and scenario(sentence_text, clause):  # "without action, it would reach 7%"
        words, order, shown = words | {"scenario"}, (*order, "scenario"), {**shown, "scenario": "without action"}
    part = figuresubject.ranked_part(sentence_text) if fig_in_clause is not None else ""
    if part and part not in words:  # "the most remittances of any state, 5,646 million": a state's, not the whole's
        words, order, shown = words | {part}, (*order, part), {**shown, part: part}
    if multi_period(clause, sentence_text):
        dim += ":total"  # "a combined 43 trillion yen over five years": not one year's figure
    published = ctx.published if ctx is not None else None
    period, how = "", ""
    read, listed = None, False  # how the period was read, to read it again for the fiscal year its subjects give
    if ctx is not None and ctx.ok and figure_span is not None:
        country = next((x for x in subjects if x in periods.FISCAL_START), subjects[0] if subjects else "")
        period, how = periods.resolve(sentence_text, figure_span, published, country, ctx.own_year)
        read = (sentence_text, figure_span, published, country, ctx.own_year, "")
    if not how and ctx is not None and ctx.ok and claim.span is not None and figure_span is not None:
        heading = ctx.heading_of(claim.span[0])  # an item of a list under "Revised Estimates 2024-25"
        if heading and not periods.compared_aside(sentence_text, figure_span):  # ("USD 6.5bn (USD 3.9bn)": another's)
            period, how = titleperiods.heading_period(heading, published, country)
            read = (sentence_text, figure_span, published, country, ctx.own_year, heading)
            listed = bool(how) and titleperiods.introduces(heading)
    read_how = how
    if not how and carried_period[1] and not periods.in_base(sentence_text, figure_span or (0, 0)):
        period, how = carried_period  # (a figure in a comparison base is of another period: never carried)
    if not how and claim.as_of is not None and not claim.as_of_inferred and not (
            claim.status == "draft" and figure_span is not None and
            periods.base_dated(sentence_text, figure_span, str(claim.as_of))):
        # (a drafted as-of may be a comparison base's: drafting reads bases as align does, a figure in one excepted)
        period, how = str(claim.as_of), "drafted" if claim.status == "draft" else "claim"
    if claim.status != "draft" and claim.as_of is not None and not claim.as_of_inferred:
        period, how = str(claim.as_of), "claim"  # a reviewed as-of stands
    if unit == "percent" and not words & {"yoy", "qoq", "saar"} and figure_span is not None:
        basis = basis_against(sentence_text, period)  # "than in the 2nd quarter of 2024": the quarter before
        basis = basis or periods.month_basis(sentence_text, figure_span, period)  # "rose 0.3% from October"
        basis = basis or figurecontext.year_against(clause, fig_in_clause, period)  # "15.6% more than in 2019"
        if basis:
            words, order, shown = words | {basis}, (*order, basis), {**shown, basis: basis}
    to = _TO_FIGURE.search(sentence_text, 0, figure_span[0]) if figure_span is not None else None
    to_clause = max((m.end() for m in clauses.breaks(_CLAUSE_BREAK, sentence_text, 0, to.start())), default=0) \
        if to else 0  # (the noun of the clause that says "to": not "Growth worries ..., it cut X to Y from Z")
    if to and periods.in_base(sentence_text, figure_span) and words & _DIRECTION and \
            not CHANGE_NOUN.search(sentence_text, to_clause, to.start()):
        # "cut its deficit to 5.1% from a revised 5.8%": the figure a change starts from is a level
        words, order = words - _DIRECTION, tuple(w for w in order if w not in _DIRECTION)
    if unit == "percent" and figure_span is not None:  # "steady at 4.9% y/y" is a rise; "prices rose 0.3% m/m" inflation
        words, order, shown = percent_reading(words, order, shown, claim.value.amount, bool(elided))
    if unit == "percent" and {"inflation", "increase"} <= words:  # "consumer prices ... rose 1.6%": inflation of 1.6%
        words, order = words - {"increase"}, tuple(w for w in order if w != "increase")
    if "yoy" in words and _YEAR_LONG.fullmatch(period):  # a year's growth is on the year before anyway
        words, order = words - {"yoy"}, tuple(w for w in order if w != "yoy")
    vintage = ""
    if figure_span is not None:
        vintage = vintages.vintage(sentence_text, figure_span)
    words, order = figurerole.undirected(claim.value, unit, words, order)  # "flat": no rise, no fall
    member = Member(claim, tuple(sorted(set(subjects))), subjects_from, unit, dim, words, shown, order,
                    subjects[0] if subjects else "", period, how, published, alternate, vintage)
    if not how and figure_span is not None:
        member.the_period = periods.the_period(sentence_text, figure_span)
    if read is not None and how == read_how and (how or not period):  # (a period carried, drafted, reviewed: not)
        member.period_read, member.listed = (*read, period, how), listed  # (fiscalissuer.reread)
    if ctx is not None and ctx.ok and claim.span is not None and figure_span is not None:
        member.sentence, member.at = si, min(s0, claim.span[0]) + figure_span[0]
        member.elided, member.basis, member.item_year, member.words_from = elided, stated_basis, item_year, words_from
        member.item_quarter = ellipsis.item_quarter(sentence_text[c0:c1]) if elided else 0
        member.item_base = bool(elided) and ellipsis.has_base(sentence_text[c0:c1])
        member.outcome = figurerole.outcome(sentence_text, figure_span, FORECAST_WORDS)
    if figure_span is not None:
        member.view = views.held_view(sentence_text, figure_span)
    return member


def _doubts(members: list[Member]) -> str:
    """Why a group that agrees on subject, unit and wording must still not be applied ("" when sure)."""
    ev = evidence.evidence(members, _DIRECTED, FORECAST_WORDS)
    return "" if ev.sure() else ev.doubt()


group_evidence = grouping.group_evidence


RELEASE_DAYS = evidence.RELEASE_DAYS
plan = evidence.plan
adopt_release_periods = evidence.adopt_release_periods
_PLAN = evidence.PLAN


_brief_hints = evidence.brief_hints  # (moved to analysis/evidence.py; tests import it from here)


def _expressions(claim: Claim) -> list[Claim]:
    """The claim, then a copy of it for each alternate in another unit (``Value.alternates``): a
    conversion lines up with figures written in its unit; the key goes on the one claim."""
    v = claim.value
    if v is None or not v.alternates:
        return [claim]
    main, *alts = v.expressions()
    return [claim, *(dataclasses.replace(claim, value=dataclasses.replace(e, stands_for=main.display()))
                     for e in alts if units.canonical_unit(e.unit) != units.canonical_unit(main.unit))]


def align(corpus: Corpus, entities: Optional[Entities] = None) -> AlignResult:
    """Propose keys for unkeyed figure claims: registered keys they answer, or new keys they share."""
    entities = entities or Entities(corpus.config)
    known = tuple(sorted({b.published.start() for b in corpus.briefs if b.published is not None}))
    # companies named with their legal form anywhere (title, publisher, a figure's sentence): their figures
    # are theirs under every short name ("Toyota Motor Corp." -> "Toyota")
    entities.add_companies(t for b in corpus.briefs for t in (b.title, b.publisher, *(c.quote for c in b.claims)))
    organisations.corpus_names(corpus.briefs, entities)  # "Airbus", headlined by several reports: a company
    issuernames.corpus_issuers(corpus.briefs, entities)  # "Kestrel Werke AG | Press release": the issuer, a company
    contexts = {b.id: _Context(b, entities, known) for b in corpus.briefs
                if any(c.value is not None and c.value.type in FIGURE_TYPES for c in b.claims)}
    # an abbreviation one report defines ("organic growth (OG)") is its long form in every report (analysis/acronyms)
    with acronyms.defined(acronyms.table(c.text for c in contexts.values() if c.ok)):
        return _align(corpus, entities, contexts, known)


def _align(corpus: Corpus, entities: Entities, contexts: dict[str, _Context], known: tuple) -> AlignResult:
    config = corpus.config
    result = AlignResult()
    keyed: dict[str, list[Member]] = defaultdict(list)
    loose: list[Member] = []
    described: list[Member] = []
    for brief in corpus.briefs:
        nth: dict[tuple, int] = {}
        # what an earlier --apply wrote (as-ofs, currencies), read once per keyed brief
        marks = appliedmarks.read(brief.path) if brief.path and any(c.key for c in brief.claims) else appliedmarks.NONE
        aligned = marks.periods()
        for claim in brief.claims:
            if claim.value is None or claim.value.type not in FIGURE_TYPES:
                continue
            if claim.id in aligned:  # read as the first run read it, before align wrote its period
                claim = dataclasses.replace(claim, as_of=Period(brief.published) if brief.published else None,
                                            as_of_inferred=brief.published is not None)
            if brief.id not in contexts:
                contexts[brief.id] = _Context(brief, entities, known)
            for expression in _expressions(claim):  # "9.1 trillion yen ($64 billion)": in yen, and in dollars
                # the same value twice in one quote: its first writing, then its second
                seen = (claim.span, expression.value.amount, expression.value.unit)
                m = describe(expression, contexts[brief.id], entities, nth.get(seen, 0))
                nth[seen] = nth.get(seen, 0) + 1
                if m is None or m.alternate:  # "or $4.5 trillion, depending on the rate": read with the first
                    continue
                described.append(m)
                (keyed[claim.key] if claim.key else loose).append(m)
        if brief.id in contexts:
            briefunits.read_named(described, contexts[brief.id], brief.path, marks)  # "10.9 billion francs", Swiss: CHF
            ellipsis.carry(described)  # "rose 1.5% on the quarter and investment 2.1%": a rise, on the quarter
            whose.carry_subjects(described)  # "... global growth at 3.2% for 2024 and 3.1% for 2025": the world's too
            ellipsis.national_accounts(described, brief.title or "")  # "output was up 4%" in a GDP report
            headline.adopt_headline(described, contexts[brief.id], entities)  # "-2.1% y/y" under "Q3 GDP"
            baregrowth.read(described, brief.title or "", entities)  # "it grew 2.1%" in a GDP report: the economy
            whose.currency_subject(described, contexts[brief.id])
            _brief_hints(described, brief.title or "", contexts[brief.id].published, contexts[brief.id].lead_sentence)
            settle_bases(described)  # "against 2024q2" named once the figure's quarter is known: "qoq"
        described = []
    result.considered = len(loose)
    # keyed figures are read as a first run read them (before they were keyed): what grouping sees stays the same
    every = [*loose, *(m for ms in keyed.values() for m in ms)]
    result.figures = every
    briefunits.adopt_currency(every, contexts, word_match)  # "Revenue 61.2bn" in a note whose amounts are in euros
    sharedcurrency.resolve(every, contexts)  # "$1.25 billion" from Sydney, "A$1.25 billion" on the wire: AUD
    whose.adopt_release_subjects(every, every, word_match, evidence.close, RELEASE_DAYS, _VAGUE)  # naming no country
    whose.adopt_event_subjects(every, every, evidence.close,
                               RELEASE_DAYS)  # figures that name no one, in a brief reporting one event
    whose.adopt_reported_subjects(every, {bid: (whose.own_subject(c, entities), c.published, c.topic)
                                          for bid, c in contexts.items() if c.ok}, RELEASE_DAYS,
                                last={bid: c.published_last for bid, c in contexts.items() if c.ok})  # a brief naming no one
    fiscalissuer.settle(every, contexts)  # "FY24" of a company, "this financial year" of a budget story
    fellowperiods.adopt(every, word_match)  # "went up to 6.2%" beside fellow reports' "6.2% in December"
    sharedcurrency.resolve(every, contexts)  # again, for the figures the steps above gave a subject
    # Registered keys: their subjects, unit and words.
    key_sigs = []
    for kid, kd in sorted(config.keys.items()):
        if kd.type not in FIGURE_TYPES:
            continue
        label_words, _, _ = measured_words(f"{kd.label}", entities, kd.unit)
        subjects = tuple(sorted(kd.subjects)) or (keyed[kid][0].subjects if keyed.get(kid) else ())
        unit = units.canonical_unit(kd.unit) or (keyed[kid][0].unit if keyed.get(kid) else "")
        if not unit and kd.type == "quantity":
            continue
        key_sigs.append((kid, kd, subjects, "rank" if kd.type == "rank" else units.comparable(unit, 0.0)[0],
                         [label_words, *(m.words for m in keyed.get(kid, ()))]))
    languages = {b.id: b.language for b in corpus.briefs}

    # 1. Registered keys no claim of the corpus holds (registered by hand), or by their word in the claim's language
    joinkeys.join_keys(loose, key_sigs, keyed, lambda kd, m: term_match(kd, m.claim, languages.get(
        m.claim.brief, "")), result, Group)
    asked = {id(m) for c in result.candidates for m in c.members}  # (doubtful joiners wait for that key only)
    # 2. Groups over every figure, keyed or not, as a first run forms them, read against the keys (joinkeys.settle)
    taken = set(config.keys)
    fresh = AlignResult()
    grouping.new_keys(every, entities, taken, fresh, Group)
    linking.place(every, contexts, entities, taken, fresh, Group)  # the figures left, by context (analysis/linking.py)
    figlinkplace.place(every, contexts, entities, taken, fresh, Group)  # still left: the learned pair linker
    onefact.merge(every, fresh)  # one fact told apart by two groups: one key (analysis/onefact.py)
    onefact.one_group_per_claim(fresh)
    joinkeys.settle(fresh, keyed, config.keys, result, Group, {id(m): g.key for g in result.groups for m in g.members},
                    asked)
    eventdates.add_groups(result, corpus, entities, lambda b: contexts.get(b.id) or _Context(b, entities),
                          Member, Group, taken)  # date claims by event (analysis/eventdates.py)
    onefact.one_group_per_claim(result)
    for g in result.groups:
        for s in g.subjects:
            if s not in config.entities:
                result.entities[s] = entities.label(s)
    for g in (*result.groups, *result.candidates):
        g.score = group_evidence(g.members).score
    from briefcmp.analysis.alignfacts import align_facts  # statements (category, stance): their own module

    result.considered += align_facts(corpus, entities, result, taken, Group, Member)
    keynames.distinct_new_keys(result, config.keys)  # one name, one question
    return result


