"""What names no subject of a figure in its own sentence, for ``align.describe``:

- **a company's home** (``blank_home``): "the Finnish lender posted a profit of 2.1 billion euros", "The
  Asian chipmaker booked revenue of $9 billion": a place's adjective before one company's kind, after
  "the", says where the company a story is about comes from; the figure is that company's (its name,
  said elsewhere), not the place's. Plural or bare ("Finnish lenders", "Asian chipmakers") names a
  sector of the place: kept.
- **where a company is listed or based** (``blank_home`` too): "The London-listed company made earnings of
  $23.7bn", "the Zurich-based lender earned 3 billion francs": the place before "-listed", "-based",
  "-headquartered" says where one company is, not whose the figure is (plural, "London-listed companies",
  names a market's sector: kept).
- **a forecaster** (``source_not_subject``): "OPEC expects oil demand of 104.1 mb/d", "the agency revised its
  forecast for global demand growth", "below the Fund's projection of 1.5%": a body that publishes outlooks of
  others' figures (a producer group, a body named in the text that is no country or company), or one named after the
  forecast it made ("the 2.2% estimate the Finance Ministry used", "a projection by the Budget Office"), is their source, not
  whose they are; the world when the forecast is of a world's measure. A country or a company forecasting is
  forecasting its own ("Toyota expects profit of ...").
- **another clause's aside** (``blank_asides``): "Tourist spending, most of which came from Germany,
  totalled 3.2 billion euros": a relative or "mostly from" aside, closed by its comma before the
  figure's clause, describes something else; a country it names is not whose the figure is.

Both blank what they find (offsets kept), so the rest of ``describe`` reads the same positions.
"""

from __future__ import annotations

import re

from briefcmp.analysis.organisations import _KIND

# Regions' adjectives that a company's home is told by ("the European planemaker"); countries' come from Entities.
_REGION_ADJECTIVES = r"European|Asian|African|Nordic|Scandinavian|Latin\s+American|Middle\s+Eastern|Gulf"
# "the Finnish lender", "The Asian aircraft maker", "the Swiss food group": (the adjective) and the kind after it
_HOME = re.compile(r"\b(?:[Tt]he|[Ii]ts)\s+(?:[a-z]+-)?(?P<adj>[A-Z][A-Za-z]+(?:[-\s][A-Z][a-z]+)?)\s+"
                   r"(?:[a-z][\w-]*\s+){0,2}?" + _KIND.replace("s?(?!", "(?!"))  # (singular: one company)
# "Shares in Kestrel rose after the Dutch brewer reported ...": in a sentence naming a company, a home's adjective
# before one agent noun of a trade (brewer, refiner, distiller, jeweller) is the company's description too; not a
# person's or an office's ("the Dutch minister", "the German consumer", "the Swiss regulator")
_HOME_AGENT = re.compile(r"\b(?:[Tt]he|[Ii]ts)\s+(?:[a-z]+-)?(?P<adj>[A-Z][A-Za-z]+)\s+(?:[a-z][\w-]*\s+){0,2}?"
                         r"(?!(?:minister|premier|leader|chancellor|speaker|governor|member|consumer|worker|farmer|voter|"
                         r"taxpayer|buyer|holder|officer|manager|founder|owner|partner|customer|user|borrower|saver|"
                         r"regulator|supervisor|commissioner|ambassador|negotiator|prosecutor|investor|shopper|player|"
                         r"driver|passenger|teacher|doctor|director|monitor|counterpart|neighbour|neighbor)\b)"
                         r"[a-z]{3,}(?:er|or)(?![\w'’-])")
# "the London-listed company", "a Zurich-based lender", "the New York-headquartered bank": any place (a city names
# its country) before the word that says where one company is listed or based, then its kind
_SEAT = re.compile(r"\b(?:[Tt]he|[Aa]n?|[Ii]ts)\s+(?P<adj>[A-Z][A-Za-z]+(?:\s[A-Z][a-z]+)?)-(?:listed|based|headquartered|"
                   r"registered|domiciled)\s+(?:[a-z][\w-]*\s+){0,2}?(?:" + _KIND.replace("s?(?!", "(?!") +
                   r"|(?:organi[sz]ation|agency|body|institution|think\s+tank)(?![\w'’]))")  # ("the Paris-based organisation")


def blank_home(sentence: str, entities) -> str:
    """``sentence`` with the adjective of a company's home, or the place it is listed or based in, blanked ("the
    Finnish lender", "the London-listed company": see the module docstring). ``entities``: ``analysis.entities.Entities`` (its adjectives are the countries')."""
    out = None
    agents = _HOME_AGENT.finditer(sentence) if any(eid in entities.company_ids for _, _, eid in entities.find(sentence)) \
        else ()
    for m in (*_HOME.finditer(sentence), *_SEAT.finditer(sentence), *agents):
        adj = m.group("adj")
        if m.re is not _SEAT and adj not in entities.adjectives and not re.fullmatch(_REGION_ADJECTIVES, adj):
            continue
        out = out if out is not None else list(sentence)
        out[m.start("adj"):m.end("adj")] = " " * (m.end("adj") - m.start("adj"))
    return "".join(out) if out is not None else sentence


# What opens a phrase of circumstance, a cause or a concession: "hit by", "boosted by", "driven by" (a passive
# participle and its agent; not a rank's "followed by Spain, with 3%", whose figure is the name's), "amid",
# "despite", "thanks to", "due to", "because of", "owing to", "given"
_CIRCUMSTANCE = (r"(?:(?!(?:follow|precede|trail|join|rank|chas|match|equal|top)(?:ed|p?ed)\b)[a-z]+(?:ed|en)|hit|led|held|hurt|cut|set|beset|struck|undercut)\s+(?:in\s+part\s+|partly\s+|mainly\s+|"
                 r"largely\s+)?by|amid|amidst|despite|notwithstanding|given|thanks\s+to|due\s+to|because\s+of|owing\s+to")
# ", most of which came from Germany,", ", mostly from Germany,", ", which ...,", ", who ...,", ", hit by weak demand in
# Germany,": an aside of another clause or of a circumstance, closed by its comma (a figure inside it is the aside's
# own: never blanked)
_ASIDE = re.compile(r",\s+(?:(?:most|much|many|some|all|part|half|none|one|two|three|a\s+third|a\s+quarter)\s+of\s+"
                    r"(?:which|whom|them|it)|which|who|whose|mostly|mainly|largely|chiefly|primarily|partly|"
                    + _CIRCUMSTANCE + r")\b[^,;:()\d]*,")
# "With euro area demand weak, we forecast growth of 3.4%", "Despite softer sales in China, group revenue rose 2%",
# "Hit by a strike in Canada, output fell 4%": a sentence's opening phrase of circumstance, to its first comma
_OPENER = re.compile(r"\s*(?:[-•*–]\s+)?(?:with|" + _CIRCUMSTANCE + r")\b[^,;:()]*,", re.I)


def blank_asides(text: str) -> str:
    """``text`` (a figure's sentence up to its clause) with the asides of another clause blanked (see the
    module docstring): their countries name no subject of the figure after them."""
    return _ASIDE.sub(lambda m: " " * len(m.group()), text)


# "followed by Austria (1.2 million), Poland (0.9 million)": a name, then its figure alone in parentheses
_PAREN_OPEN = re.compile(r"\s*\(\s*(?:US\$|[$€£¥₹])?\s*$")
_PAREN_ONLY = re.compile(r"\s*(?:[a-z]+\s*)?\)")  # (the figure and at most a scale word: "(1.2 million)")


def named_before_paren(sentence: str, figure: tuple[int, int], entities) -> str:
    """The country or province named right before the parenthesis that holds a figure alone ("Austria (1.2
    million)"): the figure is that name's, not a conversion of the figure before it; "" otherwise."""
    fa, fb = figure
    opening = _PAREN_OPEN.search(sentence, max(0, fa - 8), fa)
    if opening is None or not _PAREN_ONLY.match(sentence, fb):
        return ""
    before = sentence[max(0, opening.start() - 40):opening.start()]
    found = [(b, eid) for _, b, eid in entities.find(before)] + [(b, eid) for _, b, eid in entities.provinces(before)]
    last = [eid for b, eid in found if not before[b:].strip()]
    gap = sentence[:opening.start()]
    digits = [m.end() for m in re.finditer(r"\d", gap)]
    # ("invested 5 billion euros in Spain ($5.4 billion)": no break since the figure before, nor its parenthesis
    # closed ("Austria (1.2 million) and Poland (0.9 million)"): a conversion of it)
    if not last or digits and not re.search(r"[,;:)]", gap[digits[-1]:]):
        return ""
    return last[0]


# "won 12 orders from Peru in the spring, but booked a loss of 80 million": a country an earlier clause names as the
# object of a preposition (whom for, to, from...) is not who the later clause's figure is of ("In Peru, ..." is)
_OBJECT_BEFORE = re.compile(r"\b(?:for|to|from|with|against|than|by|into|toward|towards)\s+(?:the\s+)?$", re.I)


def other_clauses(upto: str, clause_start: int, entities) -> str:
    """``upto`` (a figure's sentence up to the end of its clause, which starts at ``clause_start``) as the
    sentence's subject is read from: no aside of another clause or of a circumstance (``blank_asides``), no opening
    phrase of circumstance ("With euro area demand weak, we forecast ..."), no country named as a preposition's
    object in an earlier clause."""
    out = list(blank_asides(upto))
    opener = _OPENER.match(upto)
    if opener is not None and opener.end() <= clause_start:  # (the figure's own clause is never blanked)
        out[:opener.end()] = " " * opener.end()
    for a, b, _ in entities.find(upto[:clause_start]):
        if _OBJECT_BEFORE.search(upto, max(0, a - 16), a):
            out[a:b] = " " * (b - a)
    return "".join(out)


# Where a sentence turns to another subject: "A grew 2.8% in 2024; in B, growth is expected at 0.8%", "Growth in A is
# projected at 4.8%, while B is expected to grow by 6.5%"
_TURN = re.compile(r";\s*|,\s+(?:while|whereas|but|although|though)\s+")
# "Iraq, OPEC's second-largest producer, cut output": a name that scopes a rank describes another, whose figure it is
_RANK_AFTER = re.compile(r"(?:'s|’s)\s+(?:[\w-]+\s+)?[\w-]*(?:largest|biggest|top|leading|highest|lowest|smallest)\b", re.I)


def sentence_subjects(upto: str, clause_start: int, entities) -> tuple[str, ...]:
    """The subjects a figure's sentence names before the end of its clause, but in another clause's aside or
    object (``other_clauses``); a name after the clause is another's. Where the sentence turns to another
    subject before the figure's clause ("...; in the euro area, growth ...", "..., while India is expected to grow by
    6.5%"), the part after the turn names the figure's (when it names anyone); a name scoping a rank ("OPEC's
    second-largest producer") is none beside another, nor a forecaster (``source_not_subject``)."""
    text = other_clauses(upto, clause_start, entities)
    turns = [m.end() for m in _TURN.finditer(text, 0, clause_start)]
    part = next((t for t in reversed(turns) if entities.subjects(text[t:])), 0)
    found = entities.subjects_or_names(text[part:])
    ranked = {eid for _, b, eid in entities.find(text[part:]) if _RANK_AFTER.match(text, part + b)}
    kept = tuple(x for x in found if x not in ranked)
    return source_not_subject(upto, entities.qualified(upto[part:], kept or found), entities)


# "Australia's largest company reported ...", "Germany's second-biggest lender earned ...": a country that scopes a
# company's rank describes the company, whose figure it is (the company's name is said elsewhere)
_RANKED_COMPANY = re.compile(r"(?:['’]s)\s+(?:[\w-]+\s+)?[\w-]*(?:largest|biggest|top|leading)\s+(?:[a-z-]+\s+){0,2}?"
                             + _KIND.replace("s?(?!", "(?!"))


def clause_subjects(clause: str, entities) -> tuple[str, ...]:
    """The subjects a figure's clause names (``Entities.qualified``), but a forecaster (``source_not_subject``) and
    a country that only scopes a company's rank (``_RANKED_COMPANY``)."""
    found = entities.qualified(clause, entities.subjects(clause))
    ranked = {eid for _, b, eid in entities.find(clause) if _RANKED_COMPANY.match(clause, b)}
    if ranked and ranked >= set(found):
        return ()
    owned = possessed(clause, found, entities)
    return owned or source_not_subject(clause, found, entities)


def possessed(clause: str, found: tuple[str, ...], entities) -> tuple[str, ...]:
    """The place or body a clause's one country owns by name ("Egypt's Suez Canal earned $4bn", "Norway's Kestrel
    Pension Fund returned 13%"): the figure is the named one's, the country only says whose it is; else ()."""
    from briefcmp.analysis.entities import proper_names

    if len(found) != 1:
        return ()
    names = proper_names(clause)
    for _, b, eid in entities.find(clause):
        owner = re.match(r"['’]s\s+", clause[b:])
        at = b + owner.end() if owner else -1  # (the name read may run from the owner on: "Egypt's Suez Canal")
        name = next((clause[at:e] for a, e, _ in names if a <= at < e and clause[at:at + 1].isupper()), "")
        if eid == found[0] and name:
            own = named_id(name, entities)
            return (own,) if own in entities.adopted and entities.distinctive(own) else ()
    return ()


def paren_subject(sentence: str, figure: tuple[int, int], entities, subjects: tuple, how: str) -> tuple[tuple, str]:
    """(subjects, where from) of a figure alone in parentheses after a name (``named_before_paren``): the name's,
    read in its clause; else ``subjects`` and ``how`` as they were."""
    named = "" if subjects else named_before_paren(sentence, figure, entities)
    return ((named,), "clause") if named else (subjects, how)


_PLACE_HEAD = re.compile(r"\s+(?:State|Province|Region|County|Prefecture|Governorate|Oblast|Territory)", re.I)


def named_id(name: str, entities) -> str:
    """The subject of a place or body a clause names: a province under its head word ("Ontario Province") is the
    province ("Ontario": one subject however written), else the name ``adopt`` keeps."""
    found = entities.provinces(name)
    if len(found) == 1 and found[0][0] == 0 and _PLACE_HEAD.fullmatch(name, found[0][1]):
        return found[0][2]
    return entities.adopt(name)


# "World oil demand rose in the quarter, with annual growth reaching 1.5 mb/d", "In 2025, global demand is forecast to
# grow by 1.6 mb/d": a sentence whose subject is the world's measure (after an opening frame or a heading's label)
_WORLD_OPENS = re.compile(r"\s*(?:[-•*–]\s+)?(?:(?:In|For|Over|By|Across|During)\s[^,;:]{1,40},\s*)?(?:[Tt]he\s+|[Tt]otal\s+)?"
                          r"(?:[Ww]orld|[Gg]lobal|[Ww]orldwide)\s+(?!(?:Bank|Cup|Series|Trade\s+Organi[sz]ation)\b)[a-z]")


def world_sentence(before: str, entities) -> tuple[str, ...]:
    """The world (``entities.WORLD``), when the sentence before a figure's clause (``before``) opens with the world's
    measure as its subject and names no one ("World oil demand rose ..., with annual growth reaching 1.5 mb/d");
    else (). Not a world word later in the sentence ("Despite weak global demand, exports rose 5%": whose exports
    the sentence does not say)."""
    from briefcmp.analysis.entities import WORLD

    return (WORLD,) if _WORLD_OPENS.match(before) and not entities.subjects(before) else ()


# After a body's name, a forecast it makes: "OPEC expects", "OPEC (the group) has again revised its forecast for",
# "the agency cut its 2025 demand growth estimate", "OPEC's forecast", "the IMF's recently revised projection"
_FORECAST_NOUNS = r"(?:forecasts?|estimates?|outlook|views?|projections?|predictions?|assessments?|guidance)\b"
_FORECAST_AFTER = re.compile(
    # ("the Ministry's 2.2% estimate": a figure may stand between)
    r"(?:['’]s\s+(?:[\w.,%$€£¥-]+\s+){0,3}?" + _FORECAST_NOUNS + r"|(?:\s+\([A-Z+]{2,8}\))?"
    r"(?:\s+(?:[A-Z][a-z]+\s+)?(?:Outlook|Report|Survey|Review|Bulletin|Update))?"  # ("the OECD Economic Outlook projects")
    r"(?:\s+(?:now|again|also|still|has|had|have|will|would|on\s+[A-Z][a-z]+day|yesterday|today|on\s+Monday|"
    r"this\s+week|last\s+week))*\s+"
    r"(?:(?:expects?|expected|sees?|saw|forecasts?|projects?|projected|predicts?|predicted|anticipates?|anticipated)\b|"
    r"(?:estimates?|estimated|puts?)\s+(?![\w-]*\s*(?:output|production|crude|supply)\b)|"
    r"(?:cut|cuts|raised|raises|lowered|lowers|trimmed|trims|revised|revises|kept|keeps|held|holds|dropped|drops|lifted|"
    r"lifts|upgraded|downgraded|reduced|reduces|maintained|maintains)\s+(?:its\s+|their\s+)?(?:[\w/-]+,?\s+){0,6}?"
    + _FORECAST_NOUNS + r")|"
    # "World Bank 2025 global growth: 2.3%", "the Fund's world growth": a body's label on the world's measure
    r"(?:['’]s)?(?:\s+(?:19|20)\d\d(?:/\d\d)?)?\s+(?=(?:global|world|worldwide)\s+[a-z]))")


# Before a body's name, the forecast it made: "the 2.2% estimate the Finance Ministry used", "a projection by the
# Planning Commission", "the forecasts of the Budget Office", "the outlook published by the Agency"
_FORECAST_BEFORE = re.compile(r"\b" + _FORECAST_NOUNS + r"\s+(?:(?:that|which)\s+)?(?:(?:made|used|given|published|issued|"
                              r"released|set|pencilled\s+in|penciled\s+in)\s+)?(?:(?:by|from|of)\s+)?(?:the\s+)?$", re.I)


def forecasts(text: str, end: int, start: int = -1) -> bool:
    """Whether the body named before ``end`` (from ``start``, when given) makes a forecast there ("the Fund's
    projection of", "the agency expects", "the estimate the Finance Ministry used"): a named body's forecast is its
    source's, not its own figure."""
    return bool(_FORECAST_AFTER.match(text, end)) or start >= 0 and bool(_FORECAST_BEFORE.search(text, max(0, start - 60), start))


def _forecasts_others(eid: str, entities) -> bool:
    """Whether a body publishes outlooks of others' figures: a producer group, or a body named in the text that is
    no company (countries and companies forecast their own)."""
    from briefcmp.analysis.entities import PRODUCER_GROUPS

    return eid in PRODUCER_GROUPS or eid in entities.adopted and eid not in entities.company_ids


def source_not_subject(text: str, found: tuple[str, ...], entities, alone: bool = False) -> tuple[str, ...]:
    """``found`` (the subjects read from ``text``) without the bodies ``text`` names as making a forecast (see the
    module docstring): the world when none is left and the forecast names the world's measure ("revised its
    forecast for global oil demand growth"); () when none is left otherwise (whose it is, a later step reads).
    ``alone``: only when every subject found is such a body (a headline naming another beside it, "OPEC trims its
    view as Libya outage sinks output", names several: left as it is)."""
    from briefcmp.analysis.entities import WORLD, proper_names
    from briefcmp.analysis.subjects import _WORLD_WORD

    who, start = set(), len(text)
    named = [(a, b, entities.adopt(n)) for a, b, n in proper_names(text)] if set(found) & entities.adopted else []
    for a, b, eid in [*entities.find(text), *named]:
        if eid in found and _forecasts_others(eid, entities) and (
                _FORECAST_AFTER.match(text, b) or _FORECAST_BEFORE.search(text, max(0, a - 60), a)):
            who.add(eid)
            start = min(start, b)
    kept = tuple(x for x in found if x not in who)
    if not who or alone and kept:
        return found
    if kept:
        return kept
    return (WORLD,) if _WORLD_WORD.search(text, start) else ()


# "Michoacan received the most remittances of any state, 5,646 million dollars, followed by Guanajuato with
# 5,645 million": parts of the country ranked among themselves; their figures are a part's, never the whole's
_RANKED_PART = re.compile(r"\b(?:of|among)\s+(?:any|all\s+the|all)\s+(?P<part>states?|provinces?|regions?|cities|city|"
                          r"districts?|counties|county|municipalit(?:y|ies)|prefectures?|territor(?:y|ies)|departments?|"
                          r"cantons?|emirates?|oblasts?|republics?|governorates?|länder|land)\b", re.I)
_PART_NOUN = {"cities": "city", "counties": "county", "municipalities": "municipality", "territories": "territory",
              "länder": "land"}


def ranked_part(sentence: str) -> str:
    """The kind of part ("state") a sentence ranks its figures among ("the most remittances of any state",
    "the highest rate among all regions"), or ""."""
    m = _RANKED_PART.search(sentence)
    if m is None:
        return ""
    part = m.group("part").lower()
    return _PART_NOUN.get(part, part[:-1] if part.endswith("s") else part)

