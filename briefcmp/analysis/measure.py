"""The measured thing of a figure's clause: its words, normalised and folded into notions
(``analysis.lexicon``), and how two figures' words compare (``word_match``).

Split from ``align`` (which describes and groups figures): the word tables (words that say nothing
about what is measured, concepts, phrases), what a change is measured against (``_basis``: yoy,
qoq, annualized: ``changebasis``), which estimate a figure is (``analysis.vintages``), and ``effective_words`` (a report's
own wording among three or more reports).
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from typing import Optional

from briefcmp.analysis import acronyms, clauses, comparatives, figurerole, lexicon, statnames
from briefcmp.analysis.changebasis import BASIS_TAGS, basis as _basis, basis_against  # noqa: F401 (callers name them here)
from briefcmp.analysis.entities import Entities, fold_spelling, proper_names
from briefcmp.analysis.organisations import _KIND
from briefcmp.analysis.terms import cjk_words
from briefcmp.corpus.functionwords import FUNCTION_WORDS, MONTH_NAMES, PERCENT_WORDS, SAYING, SCALE_WORDS, WEEKDAYS

# Words; a hyphenated compound is its parts ("power-sector emissions" are "power sector emissions").
_WORD = re.compile(r"[A-Za-z][A-Za-z']*[A-Za-z]|[A-Za-z]")
_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")  # (align reads it here)
_CLAUSE_BREAK = clauses.CLAUSE_BREAK  # (figurecontext, subjects, briefcontext and linking read it here)
_COMPARED = re.compile(r"\s*(?:up|down|compared|against|versus|vs\.?|from|as\s+against|(?:(?:well|far|just|slightly|"
                       r"much)\s+)?(?:below|above|under|over|short\s+of)\s+the)\b", re.I)
# ... but not "its share of world output", "the highest in the region", "faster than its neighbours".
_GENERIC_NOT_SUBJECT = re.compile(r"\b(?:of|in|across|than|among|from|to|with)\s+(?:the\s+|its\s+|their\s+)?$", re.I)
_POSSESSIVE_START = re.compile(r"\s*(?:Its|Their|His|Her)\b")
# A company named by its kind as the subject of a verb or an owner ("The group proposed a dividend", "the
# company's revenue"): whose figure it is (the issuer), not what it measures ("Group profit" is the consolidated one).
_COMPANY_REF = re.compile(r"\b(?:[Tt]he|[Ii]ts)\s+" + _KIND[:_KIND.rindex(")s?") + 1] + r"(?:(?:'s|’s)|(?=\s+(?:[a-z]+ly\s+)?"
                          r"(?:[a-z]+ed|said|says|sees|expects|reports|posts|will|would|has|had|is|was|did|does)\b))")
# Words that make a figure about somewhere or something other than a named country.
_GENERIC_SUBJECT = re.compile(r"\b(?:(?i:region|regional|global|globally|world|worldwide|continent|continental|bloc|"
                              r"eurozone|euro\s+area|emerging\s+(?:markets?|economies)|developing\s+(?:countries|"
                              r"economies)|advanced\s+economies|peers|neighbou?rs|neighbou?ring)|Europe|European|Asia|"
                              r"Asian|Africa|African|Americas|Latin\s+America|Middle\s+East|Gulf|Baltic|Nordic|"
                              r"Balkans?|"
                              r"Caribbean|Pacific|Sahel|Scandinavia|EU|OECD|G7|G20|OPEC|ASEAN|NATO|Mercosur)\b")
# Words that say nothing about what a figure measures: the function words, months, weekdays, scale,
# percent and saying words (corpus/functionwords.py), and these: reporting verbs, units, periods, how a
# series is adjusted ("sa", "nsa": seasonally adjusted or not, as the phrase is blanked below) and how big a
# change is ("a modest 0.2% rise", "a sharp fall": the size is the figure, not what it measures).
_STOP = FUNCTION_WORDS | MONTH_NAMES | WEEKDAYS | SCALE_WORDS | PERCENT_WORDS | SAYING | frozenset("""
percentage point points bn mn tn roughly around approximately nearly almost
least estimated well exceeding up-to according record high low highest lowest
year years month months week weeks day days quarter quarters annual annually yearly average averaged total
totalled totaled overall previous last next current latest early mid late first second half
reach reached reaching stood stand stands come came amount amounted worth value valued equal equaled equalled
hit hits get got gets make made making represent represented represents account accounted accounts
supply supplied supplies generate generated generates produce produced produces provide provided
register registered record recorded post posted see saw seen put estimate
face faced faces facing affect affected affects affecting cover covered covers covering
fleet fleets plant plants farm farms station stations facility facilities sector sectors generation
end ended ending close closed closing finish finished earlier ago later prior
slow slowed slowing accelerate accelerated accelerating eased easing edged picked quickened
country countries nation receive received receives receiving
dollar dollars euro euros yen won ruble rubles rouble roubles yuan pound pounds usd eur jpy gbp cny
watt watts kilowatt kilowatts megawatt megawatts gigawatt gigawatts terawatt terawatts hour hours kwh mwh gwh twh
tonne tonnes ton tons barrel barrels cubic metre metres meter meters bcm
us leaving leave resulting result producing bringing taking marking logs logged log bln mln tril bil pct pc
showed show shows data figures according reported report reports cited citing
approve approved approves approv adopt adopted adopts decide decided decid government draft will official move moved
bring brings brought basis combined combin set press ahead steady policy stayed stay came comes statement
meeting today start starting starts begin beginning begins metric led leading behind
govt proposed propose proposes pegged pegs peg aims aim targeted lakh crore crores lakhs rupee rupees rupe rs cr inr
pace period calendar whole unchanged unchang bps bp
seasonally adjusted terms inflation-adjusted preliminary revised
finalize finalized finalised finaliz finalis pass passed passes mined fy
tick ticked ticks edge edged edges inch inched inches crept creep barely slightly marginally modestly sharply
final yet though although whereas still even nonetheless nevertheless meanwhile third fourth
little shade tad yesterday tomorrow season seasons since millions billions thousands trillions
sa nsa modest slight sharp steep marginal robust solid brisk tepid sluggish meagre meager hefty whopping mere
""".split())  # ("final": "the final quarter"; "yet", "still": how a sentence goes on, not what it measures)
_MULTI_PERIOD = re.compile(r"\b(?:\w+|\d+)[\s-]years?[\s-](?:buildup|plan|programme|program|period|total)\b|"
                           r"\bcombined\b|\bcumulative\b|\bover\s+(?:the\s+)?(?:next\s+|past\s+)?\w+\s+years\b|"
                           r"\bin\s+total\b", re.I)
# "since 2000 the programmes averted 12.7 million deaths": a running total, not a year's; "the fastest pace
# since 2008", "the first time since 2019" say where a record run starts
_SINCE_YEAR = re.compile(r"\bsince\s+(?:19|20)\d\d\b", re.I)
_RECORD_BEFORE = re.compile(r"\b(?:\w+est|most|least|first|time|record|ever|level|pace|rate)\b[^,;:.]{0,30}$", re.I)


def multi_period(clause: str, sentence: str = "") -> bool:
    """Whether a clause's figure is a total over several periods ("over five years", "since 2000"; a sentence
    opening "Since 2000, ..." says it of each of its figures)."""
    return bool(_MULTI_PERIOD.search(clause)) or any(
        not _RECORD_BEFORE.search(clause, 0, m.start()) for m in _SINCE_YEAR.finditer(clause)) or bool(
        _SINCE_YEAR.match(sentence.lstrip()))


_OF_GDP = re.compile(r"\s*(?:per\s*cent|percent|%)?\s*of\s+(?:the\s+|its\s+|their\s+)?(?:GDP|gross\s+domestic\s+product|"
                     r"(?:the\s+)?economy|economic\s+output)\b", re.I)
_CHANGE_OF = re.compile(r"\s*(?:an?\s+)?(?:increase|decrease|rise|fall|decline|drop|gain|growth|up|down)\s+"
                        r"(?:by|of)\b", re.I)
_PCT_OF_GDP = re.compile(r"(?:per\s*cent|percent|%)\s+of\s+(?:the\s+|its\s+|their\s+)?(?:GDP|gross\s+domestic\s+"
                         r"product)\b", re.I)
_APPOSITION = re.compile(r"\s*(?:which|that)\s+(?:is|was|are|were)\b|\s*equivalent\s+to\b", re.I)
# A clause that only gives the level a change reached: "..., climbed for a fourth month, to 4.3%".
REACHED = re.compile(r"\s*to\s+(?:about\s+|around\s+|roughly\s+|nearly\s+|a\s+|an\s+)?(?:[A-Z]{1,3}\$|[$€£¥₹+-])?\d")
_TO_FIGURE = re.compile(r"\bto\s+(?:about\s+)?\S*\d")
# A noun that names a change: "growth accelerated to 7.1% from 5.0%" gives two growth rates, where
# "cut its deficit to 5.1% from 5.8%" gives two levels.
CHANGE_NOUN = re.compile(r"\b(?:growth|expansion|contraction)\b", re.I)
# An abbreviation defined in parentheses, with or without a base: "the consumer price index (CPI, 2003=100)
# rose", "the cash reserve ratio (CRR)". It names the thing before it, and ends no clause.
_ACRONYM_ASIDE = re.compile(r"\(\s*[A-Z][A-Za-z&-]*[A-Z](?:\s*[,;][^()]{0,40})?\s*\)")


def blank_acronym_asides(sentence: str, figure: Optional[tuple[int, int]] = None) -> str:
    """``sentence`` with its abbreviation asides blanked (same length, for finding clause breaks); an
    aside that holds the figure itself stays."""
    def blank(m: re.Match) -> str:
        if figure is not None and m.start() <= figure[0] < m.end():
            return m.group()
        return " " * len(m.group())
    return _ACRONYM_ASIDE.sub(blank, sentence)


# Which estimate a figure is: a budget estimate, a first estimate and a revision of one period are
# three figures, never a contradiction.
_YEAR_LONG = re.compile(r"\d{4}|(\d{4})-(\d{2})/\d{4}-\d{2}")



# Words that say "how much" without saying of what: a measured thing needs another word.
# Words that leave the measured thing as it is: "real GDP growth" is "GDP growth", "public debt" is
# "debt". Any other extra word narrows it ("tea exports", "GDP per capita"), and the match is only a candidate.
_ORDINAL = re.compile(r"\b(?:\d+(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|"
                      r"eleventh|twelfth|fifteenth|twentieth)(?=[\s-]|[.,;:)]|$)(?!-(?:time|hand|class|rate|half|quarter)\b)-?", re.I)
_DIRECTED = frozenset("export import lend borrow send give buy sell pay invest".split())
# ("prices of consumer goods and services": how statistics offices write the CPI's basket)
_CONSUMER_PRICES = re.compile(r"\bconsumer[\s-]+prices?(?:[\s-]+index)?\b|\bprices\s+of\s+consumer\s+goods"
                              r"(?:\s+and\s+services)?\b", re.I)
_HARMLESS = frozenset("real annual overall total headline official national economic estimat preliminary initial "
                      "provisional revis report public government gross year-on-year annualiz birth "
                      # the same words as lemmas (norm_word)
                      "estimate revise revised annualized annualize annualise annualised".split())
_VAGUE = frozenset("share rate number amount level part value figure size volume proportion increase decrease "
                   "gdp".split()) - {"gdp"}
_CONCEPTS = {
    "economy": "gdp", "economic": "gdp", "gdp": "gdp", "gross": "", "domestic": "", "product": "",
    "grow": "increase", "grew": "increase", "grown": "increase", "growth": "increase", "rise": "increase",
    "rose": "increase", "risen": "increase", "increase": "increase", "expand": "increase",
    "expansion": "increase", "gain": "increase", "climb": "increase", "jump": "increase", "up": "increase",
    "fall": "decrease", "fell": "decrease", "fallen": "decrease", "decline": "decrease", "drop": "decrease",
    "shrink": "decrease", "shrank": "decrease", "shrunk": "decrease", "contracted": "decrease",
    "contracting": "decrease", "contraction": "decrease",  # (not "contracts": deals)
    "down": "decrease", "lose": "decrease", "lost": "decrease",
    "inflation": "inflation", "inflationary": "inflation", "cpi": "inflation",
    "export": "export", "import": "import", "unemployment": "unemployment", "jobless": "unemployment",
    # Irregular verb forms and nominalisations: "spent" and "spending" are one word.
    "spent": "spend", "spend": "spend", "expenditure": "spend", "outlay": "spend", "paid": "pay",
    "sold": "sell", "sale": "sell", "bought": "buy", "purchase": "buy", "built": "build", "held": "hold",
    "lent": "lend", "lending": "lend", "borrowed": "borrow", "borrowing": "borrow", "sent": "send",
    "gave": "give", "given": "give", "took": "take", "taken": "take", "brought": "bring",
    "production": "output", "invested": "invest", "investment": "invest",
    "employed": "employ", "employment": "employ", "emitted": "emit", "emission": "emit",
    "global": "world", "worldwide": "world", "budget": "spend", "budgetary": "spend",
    "vaccination": "vaccine", "vaccinated": "vaccine", "immunization": "vaccine", "immunisation": "vaccine",
    # Policy-measure synonyms (a general table, not fitted to any brief; WordNet would need a data download
    # at run time and joins far more than it should). Each entry joins words that name ONE measure;
    # near neighbours stay apart on purpose: exports/imports, spending/revenue, unemployment/employment,
    # budget/procurement, budget/spending. Inflected forms find their entry through norm_word.
    "military": "defense", "defence": "defense",  # and "armed forces" (_PHRASES)
    "devote": "spend",
    # An expectation however worded (grouping halves a match that has one on one side only); not "project",
    # a noun as often as a verb.
    "expect": "forecast", "expected": "forecast", "expects": "forecast", "expecting": "forecast",
    "expectation": "forecast", "expectations": "forecast", "projected": "forecast", "projecting": "forecast",
    "projection": "forecast", "projections": "forecast", "predicted": "forecast", "sees": "forecast",
    # Change verbs keep their direction: "increased", "raised", "went up" are "rose", never "fell".
    "raise": "increase", "boost": "increase",
    "decrease": "decrease", "reduce": "decrease", "reduction": "decrease", "cut": "decrease",
    "lowered": "decrease", "lowers": "decrease", "lowering": "decrease",  # (not "lower": "the lower rate")
}
_CONCEPT_VALUES = frozenset(_CONCEPTS.values())
# Phrases that read as one word (replaced in place, padded to their length, before words are taken).
_PHRASES = ((re.compile(r"\barmed[\s-]+forces\b", re.I), "military"),
            # a company's measure before one-off items is its underlying measure; "including exceptional
            # items" is the measure as reported, no qualifier (IAG-style results give both for one year)
            (re.compile(r"\b(?:before|excluding|ex|pre)[\s-]+(?:exceptional|one[\s-]?off|special|"
                        r"non[\s-]?recurring)(?:\s+(?:items?|charges?|costs?|effects?))?\b", re.I), "underlying"),
            (re.compile(r"\b(?:including|after)\s+(?:exceptional|one[\s-]?off|special|non[\s-]?recurring)\s+"
                        r"(?:items?|charges?|costs?|effects?)\b", re.I), ""),
            (re.compile(r"\bgross[\s-]+domestic[\s-]+product\b", re.I), "GDP"),
            # an attribution names who said it, not what is measured: ", the coal ministry said"
            (re.compile(r"\b(?:the\s+)?(?:[A-Za-z-]+\s+){0,3}(?:ministry|office|bureau|agency|department|"
                        r"government)\s+(?:said|says|reported|announced|showed)\b", re.I), ""),
            # one notion, however written ("R&D spending", "research and development funding")
            (re.compile(r"(?<![\w&])R\s?&\s?D(?![\w&])|\bresearch\s+and\s+development\b", re.I), "rnd"),
            (re.compile(r"\b(?:fiscal|financial)\s+year\b", re.I), ""),
            (clauses.PAIR_BACK, ""),  # "between the two countries": who, not what is measured
            (re.compile(r"\b(?:at\s+)?constant\s+prices\b|\bin\s+real\s+terms\b", re.I), ""),
            # how a series is adjusted is not what it measures: "price-adjusted", "adjusted for calendar effects"
            (re.compile(r"\b(?:price|calendar|inflation|seasonally|seasonal)[\s-]+(?:and\s+calendar[\s-]+)?adjusted\b|"
                        r"\b(?:after\s+)?adjust(?:ed|ing|ment)\s+for\s+(?:price\s+changes|prices?|inflation|"
                        r"(?:seasonal|calendar)(?:\s+and\s+calendar)?\s+(?:effects|factors|variations?))\b|"
                        # "after price, seasonal and calendar adjustment" (a clause may end at "after price")
                        r"\b(?:after|before)\s+(?:(?:price|seasonal|calendar|seasonally)[\s,-]*(?:and\s+)?)+"
                        r"(?:adjust(?:ment|ed|ments)?\b|$)", re.I), ""),
            (re.compile(r"\b(?:falling|fell|fall|slipped|slipping)\s+behind\b", re.I), ""),
            (re.compile(r"\b(?:in\s+line|on\s+par|level)\s+with\b", re.I), ""),  # a comparison, not a measure
            # "the cereal index added 0.8%": a rise ("he added" is a saying word)
            (re.compile(r"\b(?:added|adds|adding)\b(?=\s+(?:about\s+|some\s+|nearly\s+|another\s+|a\s+further\s+)?"
                        r"[\d$€£¥₹+])", re.I), "rose"),
            # which account a national-accounts figure is read from: "On the expenditure side, ..."
            (re.compile(r"\b(?:on|from)\s+the\s+(?:expenditure|spending|production|output|supply|demand|income)\s+"
                        r"side\b", re.I), ""),
            # money sent abroad leaves the country; money sent by its people abroad (or from abroad) comes in;
            # where the senders live ("Kenyans working abroad") says who, not what is measured
            (re.compile(r"\b(?:sent|sends?|sending|transferred|transfers?|remitted|paid)\s+abroad\b", re.I), "outflow"),
            (re.compile(r"\bby\s+(?:[A-Za-z'-]+\s+){0,2}?(?:(?:living|working|residing)\s+)?abroad\b|\bfrom\s+abroad\b",
                        re.I), "inflow"),
            (re.compile(r"\b(?:living|working|residing|based)\s+abroad\b", re.I), ""),
            (re.compile(r"\b(?:went|gone|goes|go|going)\s+up\b", re.I), "rose"),
            (re.compile(r"\b(?:went|gone|goes|go|going)\s+down\b", re.I), "fell"),
            # a forecast or figure corrected, not a measure that moved: "growth was revised down to 3 percent"
            (re.compile(r"\b(?:revised|marked)\s+(?:up|down|higher|lower)(?:wards?)?\b", re.I), ""))
# After the figure, "up from" and "down from" compare it with another ("3.25 percent, down from 4.4").
_FROM_AFTER = re.compile(r"\b(?:up|down)(?=\s+from\b)|"
                         # the base it is compared with: "revised to 5.8% from the budgeted 5.9%" (the budget's
                         # figure, not a budget measure)
                         r"\b(?:from|against|versus|vs\.?|compared\s+(?:with|to))\s+(?:(?:the|a|an|its|their)\s+)?"
                         r"(?:[A-Za-z-]+\s+){1,3}?(?=[-+]?(?:US\$|[$€£¥₹])?\d(?!\d{3}\b)(?![\d,.]*\s*(?:/|-)\s*\d))", re.I)
_DIRECTION = frozenset({"increase", "decrease"})
# A figure in a sentence about the future is a forecast: "will", "is expected to", "expects growth
# of", "aims to", "plans to", "is forecast to" - not "faster than expected", "most forecasts", "willingness".
FORECAST_WORDS = re.compile(
    r"\b(?:will\b|shall\b|would\s+(?!have\b)|(?:is|are|was|were)\s+(?:\w+\s+)?(?:expected|forecast|projected|set|"
    r"likely|poised|due|predicted|estimated)\s+to|expects?\s+(?!that\b)\w|expecting\s|(?:intends?|intending|seeks?|"
    r"pledged?|promised?|hopes?|wants?)\s+to\b|(?:forecasts?|projects?|predicts?)\s+"
    r"(?:that\s|an?\s|growth|\w+\s+(?:of|to|at)\b)|aims?\s+(?:to|for)|aiming\s+(?:to|for)|plans?\s+to|planned\s+to|"
    r"targets?\s+(?:of|for)\b|targeting|by\s+(?:the\s+(?:end\s+of\s+)?)?(?:year\s+)?20[3-9]\d|"
    # a company's or a government's aim ("Airbus targets around 820 deliveries", "targets adjusted profit of
    # around 7 billion"), and a forecaster's own number ("our FY25 estimate stays at 7.3bn")
    r"targets\s+(?:around|about|roughly|some|up\s+to|at\s+least|\w+(?:\s+\w+){0,3}\s+of\s+(?:around|about|roughly|some)\b)|"
    r"(?:estimate|forecast|projection|guidance)\s+(?:stays|stands|remains|is)\s+at\b)", re.I)
# A forecaster's view ("we see headline inflation near 2.5-3%", "analysts now see growth of 1%"; not "as we see
# it" or "we see that"), and a forecast reported after the fact ("Moody's had expected growth of 0.5% for 2024",
# "the bank had projected 0.6%"): made before the outcome, never a report of it; its object follows ("more than
# analysts had expected." and "... had expected in January" are an outcome's). Drafting reads them for the
# figures after them, outside a comparison base ("had expected the rate to climb to 4.2% from 4.1% in October":
# 4.1% is October's outcome; "2024 deficit 4.7% of GDP; we see 4.3% in 2025": 4.7% is the outcome).
REPORTED_FORECAST = re.compile(
    r"\b(?:we|analysts?|economists?|traders?|markets?|investors?|forecasters?)\s+(?:now\s+|still\s+|also\s+)?"
    r"sees?\s+(?!(?:it|this|that|them|as)\b)|"
    r"\bhad\s+(?:been\s+)?(?:expected|projected|forecast|predicted|anticipated|tipped|pencilled\s+in|penciled\s+in)\s+"
    r"(?!(?:in|on|at|by|for|and|or|but|as|when|after|before|since|until|from|with)\b)[\w$€£¥]", re.I)
_SHOW = {"increase": "growth", "decrease": "decline", "gdp": "GDP", "cpi": "CPI"}


@functools.lru_cache(maxsize=1)
def _canonical_words() -> frozenset[str]:
    """The catalogue's canonical measure words ("keyrate", "indprod"): shown as the catalogue says."""
    return statnames.measure_words()
# "rose to 7.7 percent", "raised defence spending to 2 percent of GDP", "grew 5 percent to $3 billion":
# the figure after "to" is a level (but "grew exports to Kenya by 5 percent" is a change).
_LEVEL_CHANGE = re.compile(r"\b(?P<verb>(?:rose|ris(?:e[sn]?|ing)|grew|grow(?:[sn]|ing)?|increas(?:e[sd]?|ing)|"
                           r"climb(?:ed|s|ing)?|jump(?:ed|s|ing)?|fell|fall(?:s|en|ing)?|declin(?:e[sd]?|ing)|"
                           r"drop(?:ped|s|ping)?|slips|eases|cuts|lowers|shrank|shr(?:ink(?:s|ing)?|unk)|slowed|slipped|"
                           r"eased|recovered|returned|raised?|boosted|lifted|hiked|decreas(?:e[sd]?|ing)|reduc(?:e[sd]?|ing)|"
                           r"cut|lowered|slid|sank|dipped|surged|soared|plunged|tumbled|widened|narrowed|swelled|"
                           r"accelerated|cooled|moderated|rebounded|ticked|edged|edges|inched|inches|crept|creeps|moved|"
                           # ("expanded 6.2 percent to 107 trillion", "net income up 9% to 5.9 billion", "has come
                           # down to 4.9%": the particle alone is the movement, and what follows "to" is a level)
                           r"expand(?:ed|s|ing)|contract(?:ed|ing)|advanced|gained|up|down)"
                           # "ticked up to 4.3%", "edged down to 1.7%": the particle is the verb's
                           r"(?:\s+(?:up|down|back|higher|lower))?)\s+(?:[\w.%-]+\s+){0,7}?to\s+"
                           r"(?:(?!by\b)\w+\s+){0,2}(?:[A-Z]{1,3}\$|Rs\.?\s?|[$€£¥₹])?$", re.I)  # (NT$, R$, HK$, US$: a currency)


_LEX_PHRASES: list = []


def _lexicon_phrases() -> list:
    """The lexicon's multiword notions as one pattern ("private consumption" -> consumption)."""
    if not _LEX_PHRASES:
        notion_of = {re.sub(r"[\s-]+", " ", p.lower()): n for p, n in lexicon.multiword()}
        pattern = re.compile(r"\b(?:" + "|".join(r"[\s-]+".join(map(re.escape, p.split())) for p in notion_of) +
                             r")s?\b", re.I)
        _LEX_PHRASES.append((pattern, notion_of))
    return _LEX_PHRASES


def _stem(word: str) -> str:
    for suffix in ("ing", "ed", "es", "s"):
        if len(word) > len(suffix) + 3 and word.endswith(suffix):
            return word[: -len(suffix)]
    return word


# Words kept as written: qualifiers whose dictionary form says another thing ("underlying" is not "underlie").
_AS_WRITTEN = frozenset("underlying adjusted goods earnings sales services".split())


def norm_word(word: str) -> str:
    """One form per word: lower case, spelling folded, a concept if it has one, else its lemma
    (``lexicon.base``: "estimated" and "estimates" are "estimate", "funding" is "fund")."""
    w = fold_spelling(word.lower().strip("'-"))
    if w.endswith("'s"):
        w = w[:-2]
    if w in _CONCEPTS:
        return _CONCEPTS[w]
    if lexicon.known(w):  # "mined", "outlays", "earmarked", "shipments": the shared lexicon's notion
        return lexicon.notion(w)
    if w in _AS_WRITTEN:
        return "service" if w == "services" else w
    s = _stem(w)
    # "increased" -> "increas" is "increase"; "dropped" -> "dropp" is "drop"
    for form in (s, s + "e", s[:-1] if len(s) > 3 and s[-1] == s[-2] else s):
        if form in _CONCEPTS:
            return _CONCEPTS[form]
    derived = lexicon.derived_notion(w)
    if derived:  # "unemployed" is the notion of "unemployment", "consumed" of "consumption"
        return _CONCEPTS.get(derived, derived)
    if _ABBREVIATION.fullmatch(word):
        # an abbreviation is read as written, never through the lemmatiser's dictionary: a company's "OG"
        # (organic growth) is not oganesson, "US" not "we" (analysis/acronyms gives its long form)
        return w
    lem = lexicon.base(w) if _ASCII.fullmatch(w) else w
    return _CONCEPTS.get(lem, lem)


_ABBREVIATION = re.compile(r"[A-Z][A-Z0-9&]{1,5}")


@functools.lru_cache(maxsize=1)
def _protected() -> frozenset[str]:
    """Words whose class here decides a match (how much, which way, what kind): WordNet never folds them."""
    return (_STOP | _VAGUE | _HARMLESS | _DIRECTION | _QUALIFIERS | _EXPECTATION | _HOW_WORDS | _AS_WRITTEN
            | frozenset(_CONCEPTS) | _CONCEPT_VALUES | statnames.NOISE | statnames.qualifier_words() | BASIS_TAGS)


_ASCII = re.compile(r"[a-z][a-z'-]*")



def measured_words(text: str, entities: Entities, unit: str, figure: Optional[tuple[int, int]] = None
                   ) -> tuple[frozenset[str], dict[str, str], tuple[str, ...]]:
    """The measured thing of ``text`` (a clause): normalised content words, how they read, their order."""
    blank = list(text)
    for a, b, _ in [*entities.find(text), *proper_names(text)]:  # a named place is no measured word either
        for i in range(a, min(b + 2, len(blank))):  # and a possessive "'s"
            if i < b or text[b:b + 2] == "'s":
                blank[i] = " "
    cleaned = _CONSUMER_PRICES.sub(lambda m: "inflation".ljust(len(m.group())), "".join(blank))
    cleaned = _COMPANY_REF.sub(lambda m: " " * len(m.group()), cleaned)  # "The group proposed a dividend": whose, not what
    cleaned = _INDEX_NAME.sub(lambda m: m.group().lower(), cleaned)  # "the FAO Cereal Price Index": cereal prices
    cleaned = _PCT_OF_GDP.sub(lambda m: " " * len(m.group()), cleaned)  # a share's denominator
    cleaned = _ORDINAL.sub(lambda m: " " * len(m.group()), cleaned)  # the rank itself is the value, not the thing
    for phrase, word in (*_PHRASES, *statnames.PHRASES):
        cleaned = phrase.sub(lambda m, word=word: word.ljust(len(m.group())), cleaned)
    for pattern, notion_of in _lexicon_phrases():
        def one(m: re.Match, notion_of=notion_of) -> str:
            key = re.sub(r"[\s-]+", " ", m.group().lower())
            word = notion_of.get(key, notion_of.get(key[:-1], ""))
            return word.ljust(len(m.group())) if len(word) <= len(m.group()) else m.group()  # offsets stay
        cleaned = pattern.sub(one, cleaned)
    if figure is not None:
        cleaned = cleaned[:figure[1]] + _FROM_AFTER.sub(lambda m: " " * len(m.group()), cleaned[figure[1]:])
    level = figure is not None and _LEVEL_CHANGE.search(cleaned[:figure[0]])
    if figure is not None:  # the grammar around the figure (analysis/figurerole.py): a level reached, an expectation's figure
        # read on the text as written: the canonical words put in (a "keyrate") are no English the tagger knows
        head = None if level else figurerole.level_head(text, figure, lambda w: norm_word(w) in _DIRECTION)
        level = figurerole.Span(*head) if head else level
        for a, b in figurerole.governed_expectations(cleaned, figure, lambda w: norm_word(w) in _EXPECTATION_NOTIONS):
            cleaned = cleaned[:a] + " " * (b - a) + cleaned[b:]
    # "GDP was 0.2% higher than in the quarter before": the comparative after the figure is its direction
    unit_words = {w.lower() for w in re.findall(r"[A-Za-z]+", unit)}
    comparative = comparatives.after(cleaned, figure, unit_words) if figure is not None else None
    # How standard statistics are named (analysis/statnames): the catalogue's measures and qualifiers
    # are taken first, as their canonical words, and blanked so that their words are not read again.
    # An aside describes the thing ("CPIH, which adds housing costs to the CPI, rose"): not what is measured.
    for a, b in _asides(cleaned):
        if figure is None or not a <= figure[0] < b:
            cleaned = cleaned[:a] + " " * (b - a) + cleaned[b:]
    # A relative clause read alone names what it describes, not the measure ("which adds ... to the CPI").
    named = [] if _RELATIVE.match(cleaned) else statnames.find(cleaned)
    found: list[tuple[int, str, str]] = []  # (position, word, how it reads)
    for a, b, canon, written in named:
        if level and a < level.end("verb") and b > level.start("verb"):
            canon = tuple(w for w in canon if w not in _DIRECTION)  # "job growth slowed to": a level
        for w in canon:
            found.append((a, w, written.lower() if len(canon) == 1 else statnames.shown(w)))
        cleaned = cleaned[:a] + " " * (b - a) + cleaned[b:]
    for a, b, q in statnames.qualifiers(cleaned):
        if q:
            found.append((a, q, q))
        cleaned = cleaned[:a] + " " * (b - a) + cleaned[b:]
    for m in _WORD.finditer(cleaned):
        raw = m.group()
        low = raw.lower()
        if raw[0].isupper() and raw[1:2].islower() and not lexicon.known(low) and (
                low.endswith("'s") or (m.start() > 0 and cleaned[:m.start()].strip(" \t\n-*•–—"))) and not (
                low in _PREFIXES and cleaned[m.end():m.end() + 1] == "-"):
            continue  # a name inside the clause ("Korea's exports"), not a measured word ("- Non-oil": a prefix)
        if low == "per" and _PER_NOUN.match(cleaned, m.end()):
            found.append((m.start(), "per", "per"))  # "spending per tourist": a rate, never the total spent
            continue
        if low in _STOP or low in statnames.NOISE or low in unit_words or _stem(low) in unit_words or len(low) < 2:
            continue
        long = acronyms.long_form(raw)
        if long is not None:  # "UTOP", defined in the corpus as "underlying trading operating profit"
            with acronyms.defined({}):
                _, long_shown, long_order = measured_words(long, entities, unit)
            found.extend((m.start(), w, long_shown[w]) for w in long_order)
            continue
        w = norm_word(raw)
        if not w or w in _STOP or w in statnames.NOISE:
            continue
        if level and level.start("verb") <= m.start() < level.end("verb"):
            continue  # "rose to 7.7 percent" gives a level, not a change
        if w == "gdp" and low.startswith("econom") and any("gdp" not in c for _, _, c, _ in named):
            continue  # "the economy added 254,000 jobs": whose measure, not GDP
        if named and not (raw.isupper() and len(raw) > 1) and not _kept_beside(w, cleaned, m, named):
            continue  # a catalogue measure is named: other words count only as its modifiers or qualifiers
        # a catalogue's canonical word met as written ("keyrate" where the measure was read on canonical text)
        # reads as the catalogue shows it ("policy rate"), never as the token
        found.append((m.start(), w, _SHOW.get(w, statnames.shown(w) if low == w and w in _canonical_words()
                                              else low[:-2] if low.endswith("'s") else low)))
    if comparative:
        found.append((comparative.start(1), "increase" if comparative.group(1).lower() in comparatives.RISING
                      else "decrease",  # (less, lower, fewer...)
                      comparative.group(1).lower()))
    shown: dict[str, str] = {}
    order: list[str] = []
    for _, w, how in sorted(found, key=lambda f: f[0]):
        if w not in shown:
            shown[w] = _SHOW.get(w, how)
            order.append(w)
    if "spend" in shown and re.match(r"budget|fiscal", shown["spend"], re.I) and shown.keys() & _BALANCES:
        del shown["spend"]  # "the federal budget surplus", "the fiscal deficit": a balance, not spending
        order.remove("spend")
    if "balance" in shown and shown.keys() & {"deficit", "surplus"}:  # "a cash balance deficit" is a deficit
        del shown["balance"]
        order.remove("balance")
    if "capex" in shown and "spend" in shown:  # "capital expenditure outlay": capex is the spending
        del shown["spend"]
        order.remove("spend")
    if "inflation" in shown and "increase" in shown:  # "consumer prices rose 5 percent" is inflation of 5 percent
        del shown["increase"]
        order.remove("increase")
    if "price" in shown and shown.keys() & {"inflation", "ppi"}:  # a price index is of prices: no other word
        del shown["price"]
        order.remove("price")
    if [w for w in order if w not in _EXPECTATION] == ["increase"] and re.search(r"\bgrowth\b", cleaned, re.I):
        # "Kenya's growth was 3 percent", "the bank forecast growth of 1.2%": its economy's
        shown["gdp"], order[:0] = "GDP", ["gdp"]
    for w in cjk_words(cleaned):  # Japanese, Korean, Chinese content words (analysis/terms.py)
        if w not in shown:
            shown[w] = w
            order.append(w)
    return frozenset(order), shown, tuple(order)


_ASIDE = re.compile(r",\s*(?:which|who)\b[^,;:()]{0,120}?,")
# An index named in title case: its words say what it measures ("Vegetable Oil Price Index"), not a name.
_INDEX_NAME = re.compile(r"\b(?:[A-Z][a-z]+\s+){1,4}(?:Price\s+|Prices\s+)?Ind(?:ex|ices)\b")
_RELATIVE = re.compile(r"\s*(?:which|that|who|whose)\b", re.I)


def _asides(text: str) -> list[tuple[int, int]]:
    """Spans of non-restrictive relative clauses (", which excludes food and energy,"): they describe the
    measure, and a measure named inside one is not the clause's."""
    return [m.span() for m in _ASIDE.finditer(text)]


_PREFIXES = frozenset("non ex pre post anti semi sub self co over under".split())  # "Non-oil", "Pre-tax": no name
_MODIFIER_GAP = re.compile(r"[\s-]*\Z")
# "per" before the noun a rate is counted by ("per tourist", "per household"), not a unit's or a price's
# "per" ("per cent", "per annum", "per day": how often, the unit's business)
_PER_NOUN = re.compile(r"\s+(?!(?:cent|centum|annum|year|month|day|week|quarter|hour|capita|head|share|barrel|"
                       r"tonne|ton|ounce|litre|liter|gallon|bushel|kilogram|kilo|pound|unit|kilowatt|megawatt|"
                       r"metre|meter|acre|hectare|mile)s?\b)[A-Za-z]{3,}")  # (a price's or a unit's "per": its unit)
_OF_GAP = re.compile(r"[\s-]*(?:(?:of|on|for|in)\s+(?:the\s+|its\s+|their\s+)?)?\Z")


def _kept_beside(w: str, cleaned: str, m: re.Match, named: list) -> bool:
    """Whether a word counts beside the catalogue measures a clause names: a notion of the lexicon, a
    change's direction, an expectation, or a modifier written next to a measure ("tea exports", "the GDP
    deflator", "spending on schools"); other words are how the outlet wrote it ("the print beat")."""
    if w in _DIRECTION or w in _CONCEPT_VALUES or lexicon.known(w) or w in _EXPECTATION:
        return True
    for a, b, _, _ in named:
        if b <= m.start():
            gap = cleaned[b:m.start()]
            if _MODIFIER_GAP.match(gap) or _OF_GAP.match(gap) and len(gap) < 14:
                return True  # the word after the measure ("deflator"), or its object ("of tea")
        elif m.end() <= a:
            between = cleaned[m.end():a]
            if _MODIFIER_GAP.match(between) or (len(_WORD.findall(between)) == 1 and
                                                 not re.search(r"[^\w\s-]", between)):
                return True  # one or two words before it ("tea exports", "crude steel output")
    return False


_BALANCES = frozenset({"deficit", "surplus", "balance", "debt"})
# Words that say a figure is expected, not measured (grouping halves a match that has them on one side only).
_EXPECTATION = frozenset("expect expected forecast project projected predict poll consensus target goal aim "
                         "outlook economist analyst estimate plan".split())
_EXPECTATION_NOTIONS = _EXPECTATION | {"consensu", "expectation"}  # (as norm_word gives them)

# --------------------------------------------------------------------------- matching


_HOW_WORDS = frozenset({"annualiz", "annualized", "annualize", "annualise", "annualised", *BASIS_TAGS})  # how, not what


def _meaningful(words: frozenset[str]) -> bool:
    return any(w not in _VAGUE and w not in _HOW_WORDS and w not in ("increase", "decrease") for w in words)


def word_match(a: frozenset[str], b: frozenset[str]) -> str:
    """"sure" when the measured things agree, "maybe" when they look alike, else "".

    Words that only say "how much" ("rate", "share", "level") are left out when others are
    there: "the unemployment rate" and "unemployment" measure one thing. What a change is measured
    against (yoy, qoq, mom, saar) is a qualifier, never the measure: two different ones are two figures,
    one stated on one side only leaves the match a "maybe"."""
    if not a or not b or not (_meaningful(a) and _meaningful(b)):
        return ""
    based_a, based_b = a & BASIS_TAGS, b & BASIS_TAGS
    if based_a and based_b and based_a != based_b:
        return ""
    if based_a != based_b:
        return "maybe" if _word_match(a - BASIS_TAGS, b - BASIS_TAGS) else ""
    return _word_match(a - BASIS_TAGS, b - BASIS_TAGS)


def _word_match(a: frozenset[str], b: frozenset[str]) -> str:
    if not a or not b or not (_meaningful(a) and _meaningful(b)):
        return ""
    if a & _DIRECTION != b & _DIRECTION:
        return ""  # a rise is no fall, and a change ("rose 5 percent") no level ("5 percent of GDP")
    if ("per" in a) != ("per" in b):
        return ""  # a rate per head ("spending per tourist") is never the total ("tourist spending")
    a, b = a - _VAGUE, b - _VAGUE
    shared = a & b
    if not _meaningful(frozenset(shared)):
        return ""
    jac = len(shared) / len(a | b)
    if a == b:
        return "sure"
    if (a ^ b) <= _HARMLESS:
        return "sure"  # "real GDP growth" and "GDP growth"; but "tea exports" is not "exports"
    strong = [w for w in shared if w not in _VAGUE and w not in ("increase", "decrease", "export", "import")]
    return "maybe" if strong and (jac >= 0.5 or len(strong) >= 2) else ""


# Qualifiers that always tell measures apart, however few reports use them.
_QUALIFIERS = frozenset("monthly quarterly weekly daily nominal core underlying trimmed capita net gross average "
                        "median cumulative per household private public state local federal central foreign "
                        "domestic indicator expect expected forecast target projected project estimate "
                        "goal aim plan scenario".split())


def effective_words(members: list) -> dict[int, frozenset[str]]:
    """Each member's measured words less its own report's wording: among reports of three or more
    briefs, a word that only one brief uses ("approved", "set to cost", "constant prices") is how that
    outlet wrote it, not what it measured; table notions and qualifiers ("monthly", "nominal") always
    count. With two briefs nothing is dropped: whose wording is odd cannot be told. Words WordNet joins
    (``lexicon.word_folds``) are one word first."""
    # words the tables do not know, one where WordNet counts a sense they share often ("maize"/"corn"), named
    # by the one these reports use most; never this module's own classes (how much, which way, what kind)
    fold = lexicon.word_folds([w for m in members for w in m.words if _ASCII.fullmatch(w)], _protected())
    words = {id(m): frozenset(fold.get(w, w) for w in m.words) if fold else m.words for m in members}
    briefs_of: dict[str, set[str]] = defaultdict(set)
    for m in members:
        for w in words[id(m)]:
            briefs_of[w].add(m.claim.brief)
    if len({m.claim.brief for m in members}) < 3:
        return words
    drop = {w for w, b in briefs_of.items() if len(b) == 1 and w not in _QUALIFIERS and w not in _DIRECTION
            and not lexicon.known(w) and w not in _CONCEPT_VALUES and w not in statnames.qualifier_words()
            and w not in BASIS_TAGS  # (a base is no wording)
            and not w.startswith("against ")}  # (a change against a named quarter: basis_against)
    return {id(m): (words[id(m)] - drop) or words[id(m)] for m in members}

