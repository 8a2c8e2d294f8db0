"""One brief's source as align reads it: paragraphs and sentences in the offsets of its normalised
text (where claim spans live, from its ``analysis.document.Document``), its title's and dateline's
subjects, its lead sentence, and its main subject (``analysis.subjects``); a wire dateline with no year,
or a date in numbers that ``add`` left unread, dates the story from the reports beside it
(``analysis.datelines``)."""

from __future__ import annotations

import bisect
import functools
import re
from datetime import date
from typing import Optional

from briefcmp.analysis import clauses, datelines, figuresubject, issuer, issuernames
from briefcmp.analysis import subjects as whose
from briefcmp.analysis.document import Document
from briefcmp.analysis.entities import WORLD, Entities, proper_names
from briefcmp.analysis.measure import _CLAUSE_BREAK

# A brief that names the EU or one of its institutions writes "Brussels" for them (the press's metonymy, as
# "Washington" for the US government): there the city is no mention of Belgium
_EU_BODY = re.compile(r"\b(?:EU|European\s+(?:Union|Commission|Parliament|Council)|Council\s+of\s+the\s+"
                      r"(?:European\s+Union|EU))\b")
_EU_SEATS = frozenset({"Brussels"})
from briefcmp.corpus.model import Brief


_FIGURE = re.compile(r"\d")  # a clause that holds a figure
_ITEM = re.compile(r"\s*(?:[-•*–]|\d{1,2}[.)])\s")  # a list item, not running text


class _Context:
    """Paragraphs and sentences of one brief's source, in the offsets of its normalised text
    (``Brief.source_text``, where claim spans live), to find a figure's clause and subjects."""

    def __init__(self, brief: Brief, entities: Entities, known: tuple[date, ...] = ()) -> None:
        self.ok = False
        self.lead_sentence = ""
        self.topic: frozenset[str] = frozenset()
        self.mentioned: frozenset[str] = frozenset()
        self.several = False
        self.entities = entities
        self.brief_subjects: tuple[str, ...] = ()
        self.brief_how = ""  # "whole brief" (the one entity it names) | "main subject" (the one it names most)
        self.issuer_subjects: tuple[str, ...] = ()  # the world, for a global body's report (``analysis.issuer``)
        self.masthead = ""
        self.published = brief.published.start() if brief.published is not None else None
        # the last day its date may be: a date of a month only ("Outubro de 2024") is any day of the month
        self.published_last = brief.published.end() if brief.published is not None else None
        # the loader keeps no source in memory: read it again, once, into the brief's document
        doc = Document.read(brief.source_path) if brief.source_path else None
        if doc is None or not doc.original or not doc.norm:
            return
        self.doc = doc
        original, norm = doc.original, doc.norm
        if self.published is None:  # a date add could not settle before the briefs beside it were added
            self.published = _dateline_day(original[:3000], known) or datelines.numbers_day(original[:3000], known)
        self.text = norm
        self.blocks = doc.norm_paragraphs
        self.sentences = doc.norm_sentences
        self.starts = [s for s, _ in self.sentences]
        self.block_starts = [a for a, _ in self.blocks]
        title = self.title = brief.title or ""
        # A headline in sentence case starts with a capital: "Oil fund earned 2,511 billion kroner" names no
        # body called "Oil fund" (a name of more capitalised words, or later in the title, does).
        title_subjects = entities.qualified(title, entities.subjects(title)) or tuple(dict.fromkeys(
            entities.adopt(n) for a, _, n in proper_names(title) if a > 0 or sum(w[:1].isupper() for w in n.split()) > 1))
        # ("OPEC cuts oil demand growth forecast": the forecaster is no subject; "... global demand ...": the world's)
        title_subjects = figuresubject.source_not_subject(title, title_subjects, entities, alone=True)
        companies = [x for x in title_subjects if x in entities.company_ids]
        if len(title_subjects) > 1 and len(companies) == 1:  # "Kestrava results lift Spanish suppliers": a
            title_subjects = tuple(companies)  # company's headline names its markets and suppliers beside it
        self.title_subjects = title_subjects if len(title_subjects) == 1 and not _later_item(title, entities) else ()
        if not title_subjects and whose.title_world(title) or whose.title_world_figure(title):  # "World food prices
            # rise ...", "Drought, war push global hunger past 300 million": the world's figures
            self.title_subjects = (WORLD,)
        title_countries = entities.subjects(brief.title or "")
        self.title_countries = title_countries if len(title_countries) == 1 else ()
        # The brief's main subject (analysis/subjects.py); an adjective in the lead paragraph ("German
        # economic output grew") says what the story is about, one further down may describe a side matter.
        lead = next(((a, b) for a, b in self.blocks if b - a >= 200), (0, 0))  # (not a heading or table line)
        # the lead: the story's first sentence of running text (ten words or more, ended by a full stop), past the
        # title, masthead and dateline lines: what it reports, when the title names no period ("GDP rose 7.09% last year")
        self.lead_sentence = next((norm[a:b] for a, b in self.sentences[:12] if len(norm[a:b].split()) >= 10
                                   and re.search(r"[.!?][\"'’”)]*\s*$", norm[a:b]) and not _ITEM.match(norm[a:b])), "")
        # ("the Philippine Statistics Authority", "the Turkish Statistical Institute": the country's own body,
        # the issuer of a release, names it as a noun does)
        found = _unqualified(doc.entities(entities), self.sentences, norm, entities)
        eu_seat = bool(_EU_BODY.search(norm))
        if eu_seat:  # "Press release | Brussels, ...", "Brussels wants ...": where the EU sits, not Belgium
            found = [f for f in found if norm[f[0]:f[1]] not in _EU_SEATS]
        # (the lead sentence too, where the lead paragraph is a short one: "The Slovak economy picked up speed, the
        # statistics office said." alone above the story says what it is about as a longer lead would)
        # (not a company's home: "Last week the Danish carrier reported ...", ``figuresubject.blank_home``)
        first = next(((a, b) for a, b in self.sentences[:12] if norm[a:b] == self.lead_sentence), (0, 0)) \
            if self.lead_sentence else (0, 0)
        homed = figuresubject.blank_home(self.lead_sentence, entities) if self.lead_sentence else ""
        mentions = [(eid, (norm[a:b] in entities.adjectives or _attributive(norm, a, b)) and not lead[0] <= a < lead[1]
                     and not (first[0] <= a < first[1] and homed[a - first[0]:b - first[0]] == norm[a:b])
                     and not _OWN_BODY.match(norm, b)) for a, b, eid in found]
        lead_first = next((eid for a, b, eid in found if lead[0] <= a < lead[1] and norm[a:b] not in entities.adjectives), "")
        dateline = datelines.find(original)
        if dateline and not (eu_seat and dateline.city.title() in _EU_SEATS):
            # "SEOUL --", "TOKYO, Dec 26 (Reuters) -": the city a wire story is filed from names its country
            mentions += [(eid, False) for eid in entities.subjects(dateline.city.title())]
        # the one entity the lead sentence names, when the title names no other, says what the story is about
        in_lead = set(entities.qualified(self.lead_sentence, entities.subjects(self.lead_sentence)))
        lead_only = next(iter(in_lead)) if len(in_lead) == 1 and not set(entities.subjects(title)) - in_lead else ""
        self.brief_subjects, self.brief_how = whose.main_subject(mentions, lead_first, lead_only)
        own = [a for a, _, eid in found if eid in self.brief_subjects]
        if self.brief_how == "whole brief" and own and len(own) == sum(eid in self.brief_subjects for eid, _ in mentions) \
                and all(self._beside_world(a) and not lead[0] <= a < lead[1] for a in own):
            # "Its additions alone were 64% of the global figure": a country named only beside the world's total,
            # outside the lead, is named as a part of the world, not what a brief about the world's figures is about
            self.brief_subjects, self.brief_how = (), ""
        # the entities the brief names itself (not a body of words any country uses), and whether its title names
        # several: a brief about several is no brief that names none (``subjects.adopt_reported_subjects``)
        self.mentioned = frozenset(eid for eid, _ in mentions if eid not in entities.adopted or entities.distinctive(eid))
        self.several = len(title_subjects) > 1
        if not self.title_subjects and whose.lead_world(self.lead_sentence, entities):
            self.brief_subjects, self.brief_how = (WORLD,), "main subject"  # "Global air passenger demand rose ..."
        if len(title_countries) >= whose.TITLE_MANY:  # "IMF raises US, Brazil, UK growth forecasts, cuts China, ...":
            self.brief_subjects, self.brief_how = (), ""  # a brief about several, none of them its main subject
        # the brief's issuer (``analysis.issuer``): a global body's report gives its figures that name no one the world,
        # when neither the title nor a main subject the title or lead names says whose they are (inferred)
        self.masthead = issuer.masthead(original, title)
        own = issuernames.issuer_company(self.masthead, entities)
        if own and self.brief_subjects != (own,) and (not self.title_subjects or self.title_subjects == (own,)):
            # "Kestrel Werke AG | Press release": a company's own release is about the company, however often it
            # names its seat's country ("Danish kroner", "Bremen, Germany") or a market
            self.brief_subjects, self.brief_how = (own,), issuer.ISSUER
        self.issuer_subjects: tuple[str, ...] = ()
        if not self.title_subjects and issuer.world_issuer(title, self.masthead, self.lead_sentence) and (
                not self.brief_subjects or self.brief_how in ("main subject",) and self.brief_subjects != (WORLD,) and
                not set(self.brief_subjects) &
                set(entities.subjects(f"{title} {self.lead_sentence}"))):
            self.brief_subjects, self.brief_how = (), ""
            self.issuer_subjects = (WORLD,)
        elif not self.title_subjects and not self.brief_subjects:  # "STATISTICS LITHUANIA | News release": the issuer
            self.issuer_subjects = issuer.capitals_subjects(self.masthead, entities)  # its masthead names in capitals
        self.headed = doc.headed  # list items under a heading that dates them
        # what the story's title and lead say it is about, to find the other reports of its event (``subjects``)
        self.topic = whose.topic_words(f"{title} {self.lead_sentence}")
        self.ok = bool(self.sentences)

    @functools.cached_property
    def own_year(self) -> str:
        """The past year a brief's title reports on ("Lufthansa closes 2024 with record revenue", published in
        2025): what "the previous year" of a sentence that names no year of its own is the year before."""
        if not self.title or self.published is None:
            return ""
        from briefcmp.analysis.titleperiods import title_period

        own = title_period(self.title, self.published)
        return own if re.fullmatch(r"\d{4}", own) and int(own) < self.published.year else ""

    @functools.cached_property
    def headline_measure(self) -> tuple[str, ...]:
        """The one measure the brief's title (else its lead) names: its figures' that name none (``headline``)."""
        from briefcmp.analysis.headline import headline_measure

        return headline_measure(self.title, self.lead_sentence, self.entities) if self.ok else ()

    def label_of(self, pos: int) -> tuple[str, ...]:
        """The one entity the label in capitals that opens the paragraph holding ``pos`` names ("VELMORA: ..."),
        else () (``issuer.label_subjects``)."""
        a, b = self.block_of(pos)
        labels = self.__dict__.setdefault("_labels", {})
        if a not in labels:
            labels[a] = issuer.label_subjects(self.text[a:b], self.entities)
        return labels[a]

    def heading_of(self, pos: int) -> str:
        """The heading over the list item holding offset ``pos``, or ""."""
        return next((h for a, b, h in self.headed if a <= pos < b), "")

    def _beside_world(self, pos: int) -> bool:
        """Whether the sentence holding offset ``pos`` names the world ("of the global total", "worldwide"; not a rank,
        "the world's largest"): a country named there is named as a part of the world."""
        if not self.sentences:
            return False
        a, b = self.sentences[self.sentence_index(pos)]
        return a <= pos < b and bool(whose._WORLD_WORD.search(self.text, a, b))

    def last_named(self, pos: int, among: frozenset[str]) -> str:
        """The last entity of ``among`` the brief names before offset ``pos`` within its last few sentences (what
        "the bloc" points back to), else ""."""
        start = self.sentences[max(self.sentence_index(pos) - 3, 0)][0] if self.sentences else 0
        return next((eid for _, _, eid in reversed(self.entities.find(self.text[start:pos])) if eid in among), "")

    def sentence_index(self, pos: int) -> int:
        return max(bisect.bisect_right(self.starts, pos) - 1, 0)

    def block_of(self, pos: int) -> tuple[int, int]:
        i = max(bisect.bisect_right(self.block_starts, pos) - 1, 0)
        return self.blocks[i] if self.blocks else (0, len(self.text))

    def carried(self, sentence_index: int, names: bool = True) -> tuple[str, ...]:
        """Subjects of the nearest earlier sentence in the same paragraph that names any: those of
        its first clause that names one ("Vietnam's economy grew 5 percent, as demand weakened in the
        United States" is about Vietnam; the next sentence goes on about it, not about both). A sentence whose
        figure's clause names no one carries no subject: a later clause names a comparison's ("net profit
        doubled to 4.9 trillion yen, just short of the record set by SoftBank")."""
        s, _ = self.sentences[sentence_index]
        block = self.block_of(s)
        for j in range(sentence_index - 1, max(sentence_index - 4, -1), -1):
            a, b = self.sentences[j]
            if a < block[0]:
                break
            sentence = self.text[a:b]
            start = 0
            for m in [*clauses.breaks(_CLAUSE_BREAK, sentence), None]:
                end = m.start() if m is not None else len(sentence)
                part = sentence[start:end]
                found = self.entities.subjects_or_names(part) if names else self.entities.subjects(part)
                found = self.entities.qualified(part, found) if found else found  # ("a Japanese company": no one's)
                if found and (issuer.describes_issuer(sentence) and issuer.only_markets(part, self.entities)
                              or issuer.market_clause(part) or _only_attributive(part, found, self.entities)):
                    # "The group's sales in China rose 8%", "Germany was the largest market", "... the effect of US
                    # tariffs": a market or a cause of the brief's figures, no subject the next sentence goes on about
                    return ()
                if found:  # ("The Bank cut its forecast for global growth to 2.3%": the world's, not the forecaster's)
                    return figuresubject.source_not_subject(part, found, self.entities) or found
                if _FIGURE.search(part):
                    break  # its figure's clause names no one: a later clause names a comparison's ("the record set by X")
                start = m.end() if m is not None else start
        return ()

    def pair_before(self, pos: int) -> tuple[str, ...]:
        """The last two subjects named before ``pos`` in its paragraph, for "the two countries"
        (none when fewer than two are named)."""
        a = self.block_of(pos)[0]
        found: list[str] = []
        for _, _, eid in reversed(self.entities.find(self.text[a:pos])):
            if eid not in found:
                found.append(eid)
            if len(found) == 2:
                return tuple(reversed(found))
        return ()


def _only_attributive(part: str, found: tuple[str, ...], entities: Entities) -> bool:
    """Whether every name of ``found`` that ``part`` writes is used as an adjective ("US tariffs",
    ``_attributive``) after a preposition: what it describes is a side matter, not a subject to carry."""
    hits = [(a, b, eid) for a, b, eid in entities.find(part) if eid in found]
    return {eid for _, _, eid in hits} == set(found) and all(
        _attributive(part, a, b) and _SIDE_BEFORE.search(part, max(0, a - 30), a) for a, b, _ in hits)


# A preposition before an adjective's name ("the effect of US tariffs", "amid higher U.S. rates"): a side matter's; one
# opening the sentence's subject ("U.S. wheat exports ...") is what the sentence is about
_SIDE_BEFORE = re.compile(r"\b(?:of|from|by|on|over|against|amid|despite|after|to|with|for|about)\s+(?:[a-z-]+\s+)?$")


def _later_item(title: str, entities: Entities) -> bool:
    """Whether a headline of items ("Shipping Digest: box rates ease; Peru port strike ends") names a country in
    a later item that its first item does not name: another story of a digest, not what the brief is about."""
    first, *later = title.split(";")
    return bool(later) and bool(set(entities.subjects(";".join(later))) - set(entities.subjects(first)))


def _unqualified(found: list, sentences: list, text: str, entities: Entities) -> list:
    """``found`` (a brief's entity mentions) without the countries that only say where a company named beside
    them is from ("Swiss food group Brevanne", "Brevanne, the group based in Switzerland"): the brief is the
    company's, not its home country's (``Entities.qualified``, sentence by sentence)."""
    if not entities.company_ids or not any(eid in entities.company_ids for _, _, eid in found):
        return found
    out, i = [], 0
    for a, b in sentences:
        inside = []
        while i < len(found) and found[i][0] < b:
            if found[i][0] >= a:
                inside.append(found[i])
            else:
                out.append(found[i])  # (between sentences: a heading)
            i += 1
        if any(eid in entities.company_ids for _, _, eid in inside):
            sentence = text[a:b]
            kept = set(entities.qualified(sentence, entities.subjects(sentence)))
            inside = [x for x in inside if x[2] in kept]
        out += inside
    return out + found[i:]


# A country's abbreviation before a noun ("U.S. tariff policy", "UK gilt yields"): the press's adjective
_ABBREVIATION = re.compile(r"[A-Z](?:\.?[A-Z])+\.?")
_NOUN_AFTER = re.compile(r"\s+([a-z]+)\b")


_SEAT_AFTER = re.compile(r"-(?:listed|based|headquartered|registered|domiciled)\b")


def _attributive(text: str, a: int, b: int) -> bool:
    """Whether the name at ``text[a:b]`` is used as an adjective: an abbreviation before a noun ("U.S. tariff
    policy"), or a place that says where a company is ("the Oslo-listed carrier"). Named so once outside the lead,
    it describes a side matter as "American tariffs" does (``subjects.main_subject``)."""
    from briefcmp.corpus.functionwords import FUNCTION_WORDS, SAYING

    if _SEAT_AFTER.match(text, b):
        return True
    noun = _NOUN_AFTER.match(text, b)  # (not a verb: "the U.S. said", "the U.S. imposed")
    return bool(_ABBREVIATION.fullmatch(text[a:b])) and noun is not None and \
        noun.group(1) not in FUNCTION_WORDS | SAYING and not noun.group(1).endswith("ed")


# After a country's adjective, the name of one of its bodies: "Philippine Statistics Authority".
_OWN_BODY = re.compile(r"(?:\s+[A-Z][A-Za-z]+){0,4}\s+(?:Authority|Office|Institute|Bank|Ministry|Bureau|Agency|Commission|"
                       r"Council|Committee|Board|Department|Treasury)\b")


def _dateline_day(text: str, known: tuple[date, ...]) -> Optional[date]:
    """A wire dateline with no year ("TOKYO, Dec 26 (Reuters) -") dates the story when the corpus holds
    other reports published near that day in exactly one year (``datelines.day_in_corpus``)."""
    found = datelines.find(text)
    if found is None or found.year:
        return None
    return datelines.day_in_corpus(found.month, found.day, known)
