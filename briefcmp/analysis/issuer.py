"""Whose figures a brief reports when a figure's own text names no one: the brief's issuer, read once per
brief from its title, its masthead line (the short lines under the title: "Northsea Statistics Office | Release |
4 May 2026") and its lead sentence (``briefcontext``), and what refers to it in a sentence.

- **A global body's report** (``world_issuer``): a brief whose title, masthead or lead names a body of the
  world's governments (``GLOBAL_BODIES``, by name or acronym, or a name of that shape: "World ... Organization",
  "International ... Agency", "United Nations ...") reports that body's report; its figures that name no one
  are the world's ("The jobless rate held at 5.1%" in a think tank's note on the ILO's jobs report). Not a producer
  group (OPEC's output is its own) nor a regional body.
- **A company's organs** (``company_organ``): "the Supervisory Board", "the Board of Management", "the Annual
  General Meeting" propose the company's dividend: their figures are the company's, the brief's.
- **A description of the issuer** (``describes_issuer``): a sentence opening with "The company", "The group's",
  "The carrier" speaks of the company the brief is about; a place it names after a preposition ("sales in
  China", "exports to Japan") is a market, not whose the figure is, and the next sentence's figure is not that
  place's either.

Each gives a subject marked ``ISSUER``: inferred (``evidence.INFERRED_SUBJECT``), so such a figure may join an
agreement, never decides a contradiction alone, and never crosses a subject its own text states (it is read
only after every reading of the figure's clause, sentence and the sentence before has named no one).
"""

from __future__ import annotations

import re

from briefcmp.analysis.organisations import _KIND

ISSUER = "issuer"  # Member.subjects_from of a subject read from the brief's issuer

# Bodies of the world's governments whose reports give the world's figures (by name, short name and acronym, as
# the press writes them). A regional body (the EU, the African Union, the ADB) or a producer group (OPEC) is not one.
GLOBAL_BODIES = (
    "United Nations", "UN", "International Monetary Fund", "IMF", "World Bank", "World Trade Organization",
    "World Trade Organisation", "WTO", "International Labour Organization", "International Labour Organisation",
    "International Labor Organization", "ILO", "International Energy Agency", "IEA", "World Health Organization",
    "World Health Organisation", "WHO", "Food and Agriculture Organization", "Food and Agriculture Organisation",
    "FAO", "UN Trade and Development", "United Nations Conference on Trade and Development", "UNCTAD",
    "UN Refugee Agency", "UNHCR", "UNAIDS", "UNICEF", "UNDP", "UNEP", "UNFPA", "UN Tourism", "UNWTO",
    "World Tourism Organization", "World Meteorological Organization", "WMO", "International Air Transport "
    "Association", "IATA", "International Maritime Organization", "IMO", "International Civil Aviation "
    "Organization", "ICAO", "International Telecommunication Union", "ITU", "World Intellectual Property "
    "Organization", "WIPO", "World Food Programme", "WFP", "International Organization for Migration", "IOM",
    "Bank for International Settlements", "BIS", "International Atomic Energy Agency", "IAEA",
    "International Renewable Energy Agency", "IRENA", "World Economic Forum",
)
_BODY_NAMES = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(n) for n in sorted(GLOBAL_BODIES, key=len, reverse=True))
                         + r")(?![\w-])")
# A name of that shape: "World Steel Organization", "International Grains Council" (a world word first, a body's head
# last); not "World Cup", "International Airlines Group" (a company)
_BODY_SHAPE = re.compile(r"\b(?:World|International|United\s+Nations|UN)(?:\s+[A-Z][a-z]+){1,4}\s+"
                         r"(?:Organi[sz]ation|Agency|Council|Union|Programme|Program|Fund|Federation|Association)\b")
# "UN" is also a word in some languages' text and the start of names ("UN Tourism" is named above): only in capitals,
# before no lower-case letter (already ensured by the boundaries) and not "UN-" compounds
_NOT_BODY = re.compile(r"\b(?:Association\s+of\s+Southeast|World\s+Cup|World\s+Series)\b")


def global_body(text: str) -> bool:
    """Whether ``text`` names a body of the world's governments (see the module docstring)."""
    if not text:
        return False
    return bool(_BODY_NAMES.search(text) or _BODY_SHAPE.search(text)) and not _NOT_BODY.search(text)


_LINE_WORDS = 16  # a masthead line is short: an outlet's or issuer's name, a place, a date, a series


def masthead(original: str, title: str) -> str:
    """The short lines between a brief's title and its first line of running text (the issuer's or outlet's
    line, "NATIONAL STATISTICS OFFICE | Release | 4 May 2026"), joined by " | "; "" when none."""
    lines = [x.strip() for x in original[:2000].split("\n")]
    lines = [x for x in lines if x]
    if lines and title and lines[0].strip() == title.strip():
        lines = lines[1:]
    out = []
    for line in lines[:3]:
        if len(line.split()) > _LINE_WORDS or re.search(r"[a-z][.!?]\s+[A-Z]", line):
            break  # running text: the lead
        out.append(line)
    return " | ".join(out)


def world_issuer(title: str, head: str, lead: str) -> bool:
    """Whether the brief reports a global body's report: its title, masthead (``head``) or lead sentence names
    one (``global_body``)."""
    return any(global_body(x) for x in (title, head, lead))


# The organs of a company, whose figures are the company's: "the Supervisory Board", "the Board of Management",
# "the Managing Board and Supervisory Board", "the Annual General Meeting", "the Executive Board"
_ORGAN_WORDS = frozenset("supervisory management managing executive board boards directors of and the annual "
                         "general meeting shareholders shareholders' audit committee".split())
_ORGAN_HEADS = frozenset("board boards meeting management committee".split())


def company_organ(label: str) -> bool:
    """Whether a body's name (an adopted name's label) is only the words of a company's organs (see
    ``_ORGAN_WORDS``), with an organ's head: "Supervisory Board", not "Audi Board" nor "the Monetary Policy
    Committee" (a state's, ``Entities.organ``)."""
    words = [w.lower() for w in re.findall(r"[A-Za-z][A-Za-z']*", label)]
    return bool(words) and all(w in _ORGAN_WORDS for w in words) and any(w in _ORGAN_HEADS for w in words) and \
        any(w in {"supervisory", "management", "managing", "executive", "directors", "shareholders", "annual",
                  "shareholders'"} for w in words)


# A sentence that opens with a definite description of a company ("The company", "The group's", "The German
# carmaker", "The Group") or its pronoun ("Its"): it speaks of the company the brief is about
_DESCRIPTION = re.compile(r"\s*(?:[-•*–]\s+)?(?:(?:In|For|Over|During|By)\s[^,;:]{1,40},\s*)?(?:(?:[Tt]he\s+(?:[A-Za-z-]+\s+){0,2}?"
                          + _KIND.replace("s?(?![\\w'’])", "(?!\\w)") + r")(?:['’]s)?|Its)\b")


def describes_issuer(sentence: str) -> bool:
    """Whether ``sentence`` opens with a description of the company the brief is about (see ``_DESCRIPTION``)."""
    return bool(_DESCRIPTION.match(sentence))


_PREPOSITION_BEFORE = re.compile(r"\b(?:in|to|from|into|across|at|for|with|on|throughout|outside|inside|than|"
                                 r"including|excluding|like|such\s+as)\s+(?:the\s+)?$", re.I)


def only_markets(sentence: str, entities) -> bool:
    """Whether every name ``sentence`` gives is a preposition's object ("sales in China", "exports to Japan"): the
    places where a company described at the sentence's start (``describes_issuer``) sells or buys."""
    found = entities.find(sentence)
    return bool(found) and all(_PREPOSITION_BEFORE.search(sentence, max(0, a - 24), a) for a, _, _ in found)


def organ_as_company(subjects: tuple[str, ...], how: str, ctx, entities) -> tuple[tuple[str, ...], str]:
    """(subjects, where from) of a figure whose subjects are a company's organs (``company_organ``: "The Supervisory
    Board proposes a dividend of EUR 0.30"): the company the brief is about, marked ``ISSUER``; else as they were."""
    if subjects and all(x in entities.adopted and company_organ(entities.label(x)) for x in subjects):
        company = brief_company(ctx, entities)
        if company:
            return (company,), ISSUER
    return subjects, how


def brief_company(ctx, entities) -> str:
    """The company a brief is about (its title's subject, else its main subject, when that is a company), or ""."""
    own = ctx.title_subjects or ctx.brief_subjects
    if len(own) != 1:
        return ""
    x = own[0]
    return x if x in entities.company_ids or x in entities.adopted and entities.distinctive(x) else ""


def described(ctx, sentence: str, entities) -> tuple[str, ...]:
    """The company a brief is about, for a figure whose sentence opens with a description of it ("The group will
    pay a dividend of EUR 1.10"), else (): no earlier sentence's subject is carried to it."""
    company = brief_company(ctx, entities) if describes_issuer(sentence) else ""
    return (company,) if company else ()


_CAPS_WORD = re.compile(r"\b[A-Z][A-Z'’-]*[A-Z]\b")


def title_case(text: str) -> str:
    """``text`` with its words in capitals written as names ("STATISTICS LITHUANIA" -> "Statistics Lithuania"),
    offsets kept, so that the names a masthead or a section label writes in capitals are read as names are."""
    return _CAPS_WORD.sub(lambda m: m.group()[0] + m.group()[1:].lower(), text)


def capitals_subjects(text: str, entities) -> tuple[str, ...]:
    """The entities ``text`` (a masthead or a label) names in capitals ("STATISTICS NORWAY", "VELMORA"),
    beyond those it names as written; () unless it names exactly one."""
    found = set(entities.subjects(title_case(text))) - set(entities.subjects(text)) if _CAPS_WORD.search(text) else set()
    return (next(iter(found)),) if len(found) == 1 and not set(entities.subjects(text)) else ()


# A paragraph that opens with a label in capitals and a colon ("VELMORA: The group's operating profit ...",
# "KENYA: Inflation eased to ..."): a digest's item, whose figures are the label's
_LABEL = re.compile(r"\s*(?:[-•*–]\s+)?(?P<label>[A-Z][A-Z&'’.\- ]{1,40}[A-Z])\s*:\s")


def label_subjects(paragraph: str, entities) -> tuple[str, ...]:
    """The one entity a paragraph's label in capitals names (see ``_LABEL``), else ()."""
    m = _LABEL.match(paragraph)
    if m is None:
        return ()
    found = entities.subjects(title_case(m.group("label")))
    return found if len(found) == 1 else ()


# "Germany remained the largest market", "Italy remained the top source of visitors", "Japan is one of its
# largest customers": a place said to be a market or source of the brief's subject (its figures are that subject's)
_MARKET_PREDICATE = re.compile(r"\b(?:was|is|were|are|remained|remains|became|becomes|stayed|stays|regained\s+its\s+place\s+as)"
                               r"\s+(?:again\s+|still\s+|now\s+|once\s+again\s+)?(?:the\s+|its\s+|their\s+|one\s+of\s+"
                               r"(?:the|its|their)\s+)?(?:[\w-]+\s+){0,2}?(?:markets?|sources?|destinations?|buyers?|"
                               r"customers?|suppliers?|origins?|trading\s+partners?)\b")


def market_clause(clause: str) -> bool:
    """Whether ``clause`` says a place is a market or source of the brief's subject (see ``_MARKET_PREDICATE``): the
    place is no subject the sentences after it go on about."""
    return bool(_MARKET_PREDICATE.search(clause))
