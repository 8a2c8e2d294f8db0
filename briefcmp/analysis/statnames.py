"""How standard statistics are named in reporting: a catalogue of measures, their wordings and qualifiers.

A wire story, a newspaper and a statistics office name one statistic many ways: "the jobless rate",
"the unemployment rate", "the share of the labour force out of work"; "outbound shipments" and
"exports"; "consumer prices", "the CPI" and "headline inflation". ``find(text)`` returns the
catalogue measures a clause names, each as the canonical words ``measure.measured_words`` keeps
(the notions of ``analysis.lexicon`` where it has them: ``unemployment``, ``export``,
``inflation``), with the span of the wording. A clause that names a catalogue measure has that
measure as its measured thing: the rest of its words count only as qualifiers (``QUALIFIERS``:
core, services, monthly, per capita) or as modifiers written next to the measure
("tea exports", "GDP deflator"); verbs and the outlet's own wording drop out.

The catalogue is written from how statistics offices, central banks, finance ministries and
companies name what they publish (national accounts, prices, the labour market, trade, public
finance, policy rates, company results, commodities, population, tourism), not from any brief.
No maintained package on PyPI ships such a vocabulary (measured 2026-12-06: SDMX libraries such
as sdmx1 and pysdmx fetch code lists from statistics agencies at run time; WordNet, through wn,
nltk or textblob, needs a data download at run time, and oewn-core ships no data), so it is a
hand table, kept general. Near neighbours stay apart: exports/imports, the unemployment rate/
employment, core/headline, producer/consumer prices.
"""

from __future__ import annotations

import functools
import re

# canonical words <- wordings. Words are the notions measured_words already uses (analysis/lexicon,
# measure._CONCEPTS), so a catalogue measure and the same word written plainly are one.
_MEASURES: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...] = (
    # national accounts
    (("gdp",), ("gross domestic product", "gdp", "economic output", "output of the economy", "national output",
                "size of the economy", "scale of the economy", "value of the economy")),
    (("gdp", "increase"), ("economic growth", "growth of the economy", "economic expansion")),
    (("gdp", "decrease"), ("economic contraction", "contraction of the economy", "recession")),
    (("consumption",), ("private consumption", "household consumption", "consumer spending", "household spending",
                        "personal consumption", "personal spending", "private spending", "consumer outlays",
                        "spending by households", "spending by consumers", "consumption",
                        "household consumption expenditure", "household final consumption expenditure",
                        "final consumption expenditure of households", "private final consumption expenditure",
                        "private consumption expenditure", "personal consumption expenditures")),
    # the state's own consumption is another component of demand ("government consumption 0.8%")
    (("govconsumption",), ("government consumption", "public consumption", "government spending on goods and services",
                                 "government final consumption expenditure", "government consumption expenditure",
                                 "general government final consumption expenditure", "public consumption expenditure")),
    (("capex",), ("business investment", "capital expenditure", "capital spending", "capital investment", "capital outlay",
                  "fixed investment", "gross fixed capital formation", "fixed capital formation",
                  "fixed-asset investment", "fixed asset investment", "corporate investment",
                  # its standard abbreviation, and the measure named by what it buys
                  "gfcf", "investment in fixed assets", "investment in fixed capital", "fixed assets investment")),
    (("inventory",), ("inventories", "stockbuilding", "stock building", "change in inventories")),
    (("demand", "domestic"), ("domestic demand",)),
    # prices
    (("inflation",), ("consumer price index", "consumer price inflation", "consumer prices", "consumer price",
                      "cpi", "inflation rate", "rate of inflation", "inflation", "cost of living",
                      "cost-of-living", "price growth", "price inflation")),
    (("inflation", "harmonised"), ("harmonised index of consumer prices", "harmonized index of consumer prices",
                                   "harmonised consumer prices", "harmonized consumer prices", "hicp",
                                   "harmonised inflation", "harmonized inflation")),
    (("inflation", "pce"), ("pce price index", "personal consumption expenditures price index",
                            "personal consumption expenditure price index", "pce inflation", "pce prices")),
    (("ppi",), ("producer price index", "producer prices", "producer price inflation", "ppi", "factory-gate prices",
                "factory gate prices", "factory-gate inflation", "wholesale prices", "wholesale price index",
                "corporate goods price index")),
    # labour market
    (("unemployment",), ("unemployment rate", "jobless rate", "rate of unemployment", "unemployment",
                         "joblessness", "share of the labour force out of work", "share of the labor force out of work",
                         "proportion of the labour force out of work", "proportion of the labor force out of work",
                         "share of people out of work", "proportion of people out of work", "out of work",
                         "unemployed people", "unemployed persons", "people unemployed", "persons unemployed",
                         "number of unemployed", "the unemployed")),
    (("employ",), ("nonfarm payrolls", "non-farm payrolls", "nonfarm payroll", "non-farm payroll", "payrolls", "payroll",
                   "payroll employment", "employment", "jobs", "job", "positions", "headcount",
                   # (how a labour force survey's count of the employed is said: "people in work")
                   "in work", "in employment", "people in work", "people in employment", "employed people",
                   "employed persons", "people employed", "persons employed", "number of employed")),
    (("employ", "increase"), ("job creation", "job gain", "job growth", "jobs growth", "hiring", "new jobs",
                              "jobs added", "jobs created", "net new jobs", "payroll gain", "payroll growth",
                              "employment gain", "employment growth")),
    (("employ", "decrease"), ("job losses", "jobs lost", "job cuts", "layoffs")),
    (("participation",), ("participation rate", "labour force participation", "labor force participation",
                          "labour-force participation", "labor-force participation", "participation")),
    (("wage",), ("average hourly earnings", "hourly earnings", "average earnings", "weekly earnings", "hourly pay",
                 "hourly wages", "hourly wage", "wages", "wage", "pay packets", "salaries")),
    (("wage", "increase"), ("pay growth", "wage growth", "earnings growth", "wage gains", "pay rises", "pay increases",
                            "wage increases")),
    (("vacancy",), ("job openings", "job vacancies", "vacancies", "openings")),
    # trade
    (("export",), ("exports", "export", "outbound shipments", "overseas shipments", "shipments abroad",
                   "foreign shipments", "shipments overseas", "sales abroad", "overseas sales of goods")),
    (("import",), ("imports", "import", "inbound shipments", "purchases from abroad", "foreign purchases")),
    # (money migrants send home, as a central bank's balance of payments names it; "cash" and "personal"
    # remittances stay apart: the words next to the measure are kept)
    (("remittance",), ("remittances", "remittance", "remittance inflows", "remittance inflow", "inflows of remittances",
                       "remittance revenues", "remittance revenue", "remittance receipts", "remittance income",
                       "remittance flows", "remittances from abroad")),
    (("fdi",), ("foreign direct investment", "foreign direct investments", "direct foreign investment", "fdi",
                "fdi inflows", "fdi inflow")),
    (("trade", "surplus"), ("trade surplus",)),
    (("trade", "deficit"), ("trade deficit", "trade gap")),
    (("trade", "balance"), ("trade balance", "balance of trade", "trade account")),
    (("currentaccount",), ("current account", "current-account", "current account balance")),
    # public finance
    # (the underlying cash balance is the headline measure of a budget in Australia, not a narrower one)
    (("deficit",), ("budget deficit", "fiscal deficit", "budget shortfall", "fiscal shortfall", "deficit",
                    "underlying cash deficit", "underlying deficit", "underlying budget deficit")),
    (("surplus",), ("budget surplus", "fiscal surplus", "surplus", "underlying cash surplus", "underlying surplus",
                    "underlying budget surplus")),
    (("balance",), ("budget balance", "fiscal balance", "cash balance", "budget position",
                    "underlying cash balance", "underlying budget balance")),
    (("debt",), ("public debt", "government debt", "national debt", "sovereign debt", "state debt", "debt")),
    # (a company's "sales" and "net sales" are its revenue; sales of goods counted in units are counts, a
    # dimension of their own)
    (("revenue",), ("tax revenue", "tax revenues", "tax receipts", "tax take", "tax intake", "tax collections", "collections",
                    "revenue", "revenues", "receipts", "turnover", "top line", "net sales", "sales",
                    "net revenue", "net revenues")),
    (("nics",), ("national insurance contributions", "national insurance contribution", "national insurance",
                 "nics", "nic")),  # the UK's payroll tax
    (("spend",), ("government spending", "public spending", "public expenditure", "government expenditure",
                  "state spending", "expenditure", "expenditures", "outlays", "spending")),
    # central banks
    (("keyrate",), ("cash rate target", "official cash rate", "cash rate", "policy rate", "benchmark rate",
                    "benchmark interest rate", "key interest rate", "key policy rate", "policy interest rate",
                    "overnight rate", "target for the overnight rate", "overnight interest rate", "key rate",
                    "federal funds rate", "fed funds rate", "bank rate", "base rate", "repo rate",
                    "discount rate", "interest rates", "interest rate",
                    "borrowing costs", "policy rates", "benchmark rates", "key rates")),
    # a central bank's facilities, named by the facility, its rate, or its abbreviation (ECB: MRO, DFR, MLF;
    # RBI: SDF, MSF): each its own rate ("the refi rate" is the main refinancing operations rate)
    (("keyrate", "deposit"), ("deposit facility rate", "deposit rate", "deposit facility", "rate on the deposit facility",
                              "standing deposit facility", "standing deposit facility rate", "sdf", "sdf rate", "dfr")),
    (("keyrate", "refi"), ("main refinancing operations rate", "main refinancing operations", "main refinancing rate",
                           "rate on the main refinancing operations", "refinancing rate", "main refi rate", "refi rate",
                           "mro rate", "mro")),
    (("keyrate", "marginal"), ("marginal lending facility rate", "marginal lending facility", "marginal lending rate",
                               "rate on the marginal lending facility", "marginal standing facility",
                               "marginal standing facility rate", "msf", "msf rate")),
    (("keyrate", "reverse"), ("reverse repo rate", "reverse repo")),
    # reserve requirements: a share of deposits, not a rate a bank is paid
    (("reserveratio",), ("cash reserve ratio", "crr", "reserve requirement ratio", "reserve requirement",
                         "required reserve ratio", "rrr")),
    (("slr",), ("statutory liquidity ratio", "slr")),
    # company results (with the abbreviations of annual reports and brokers' notes: PAT, PBT/EBT, DPS, FCF, opex)
    (("profit",), ("net profit", "net income", "profit", "profits", "bottom line", "net earnings",
                   "earnings attributable", "profit attributable", "profit after tax", "profits after tax",
                   "after-tax profit", "after tax profit", "net profit after tax", "pat",
                   # (IFRS's "profit attributable to owners": the attribution is no other measure)
                   "profit after tax attributable", "net profit attributable", "net income attributable")),
    (("profit", "operating"), ("operating profit", "operating income", "operating earnings", "ebit")),
    (("profit", "pretax"), ("pretax profit", "pre-tax profit", "profit before tax", "pretax income",
                            "pre-tax income", "profit before taxes", "earnings before tax", "earnings before taxes",
                            "before-tax profit", "pbt", "ebt")),
    (("margin",), ("operating margin", "profit margin", "margin")),
    (("eps",), ("earnings per share", "eps", "earnings per diluted share", "profit per share")),
    # ("per share" is how much, as "rate" is: a dividend of 0.5 per share and DPS 0.5 are one measure; a bare
    # "dividend" stays a plain word, its modifiers the outlet's: "the full-year ordinary dividend")
    (("dividend",), ("dividend per share", "dividends per share", "dps")),
    (("freecashflow",), ("free cash flow", "free cash flows", "free cashflow", "fcf")),
    (("opcost",), ("operating costs", "operating cost", "operating expenses", "operating expense",
                   "operating expenditure", "opex")),
    # an airline's seats filled: one ratio however named
    (("loadfactor",), ("load factor", "passenger load factor", "seat load factor", "seat factor", "seat occupancy")),
    # activity
    (("retail",), ("total retail sales of consumer goods", "retail sales of consumer goods", "total retail sales", "retail sales", "retail spending", "sales at retailers", "retail trade", "store sales",
                   "sales at stores", "retail receipts")),
    (("indprod",), ("industrial production", "industrial output", "factory output", "factory production",
                    "industrial activity")),
    (("population",), ("population", "number of residents", "inhabitants")),
    (("visitor",), ("foreign visitors", "international visitors", "overseas visitors", "inbound tourists",
                    "foreign tourists", "international tourists", "overseas tourists", "tourist arrivals",
                    "visitor arrivals", "international arrivals", "foreign arrivals", "inbound visitors",
                    "visitors", "tourists", "arrivals")),
)

# Qualifiers: words that make another measure of the same name, kept wherever in the clause they are
# written ("core", "services", "monthly"); each folded to one spelling.
_QUALIFIER_WORDINGS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("", ("goods and services", "goods & services")),  # the whole, as a bare "exports" is: no qualifier
    # (core inflation as its definition: food and energy left out; not "excluding fresh food", Japan's core)
    ("core", ("core", "core-core", "excluding food and energy", "excluding energy and food", "ex food and energy",
              "ex energy and food", "ex-food and energy", "ex-energy and food", "less food and energy",
              "ex food & energy", "excluding food & energy", "ex-food & energy", "ex energy & food")),
    ("headline", ("headline", "all-items", "all items", "overall")),
    ("underlying", ("underlying",)),
    ("trimmed", ("trimmed mean", "trimmed-mean", "weighted median")),
    # a part of the population is not all of it: "the youth unemployment rate", "women's employment"
    ("youth", ("youth", "young people", "aged 15-24", "aged 15 to 24", "15-24", "teen", "teenage", "teenagers")),
    ("women", ("women", "women's", "female")),
    ("men", ("men", "men's", "male")),
    ("service", ("services", "service")),
    ("goods", ("goods",)),
    ("food", ("food", "foodstuffs")),
    ("energy", ("energy",)),
    ("fuel", ("fuel", "fuels", "petrol", "gasoline")),
    ("housing", ("housing", "shelter", "rents", "rent")),
    ("manufacturing", ("manufacturing", "manufacturers", "factory")),
    # (month on month is a basis like year on year, measure._basis: "from August" says it as well as "on the
    # month", so a qualifier read from one wording only would split one figure)
    ("monthly", ("monthly",)),
    ("quarterly", ("quarterly",)),
    ("nominal", ("nominal", "current prices", "in cash terms")),
    ("capita", ("per capita", "per head", "per person")),
    ("net", ("net",)),
    ("gross", ("gross",)),
    ("private", ("private", "private-sector", "private sector")),
    ("public", ("public", "public-sector", "public sector")),
    ("household", ("household", "households")),
    ("federal", ("federal",)),
    ("foreign", ("foreign", "international", "overseas", "inbound")),
    ("domestic", ("domestic", "internal")),  # "internal demand" is domestic demand
    ("hourly", ("hourly",)),
)

# Words and phrases a report uses about the release itself or to state a value: never the measured
# thing ("the print", "data showed", "beat forecasts", "came in at", "two-tenths of a point").
NOISE = frozenset("""
print printed prints reading readings data datum release released releases publish published publishes
report reports reported reporting show showed shows shown see saw seen put puts keep keeps kept hold holds
held remain remains remained stay stays stayed beat beats beating miss missed misses top topped tops exceed
exceeded exceeds surpass surpassed confirm confirmed confirms compare compared comparison relative relate related
relation previously prior initially unrevised place placed places welcome welcomed mark marked marks leave left
leaves deliver delivered delivers pick picked picks run ran running runs come comes came include included
includes including notch notched touch touched settle settled settles landed clock clocked
figure figures number print-out tally count counted counts measure measured measures gauge gauges index
statistic statistics statistical agency bureau office ministry department treasurer treasury statistician
officials official spokesman spokeswoman spokesperson economist's analysts' announce announced announces
note noted notes add adds added adding say said says tenth tenths hundredth hundredths one two three four five
six seven eight nine ten eleven twelve half quarter quarters
improve improved improves improvement decelerate decelerated decelerates decelerating moderate moderated
moderating cool cooled cooling soften softened softening firm firmed strengthen strengthened weaken
weakened quicken quickened slowdown pickup print's reading's latest fresh new key main big biggest large largest driver
watch watched watchers far much every bank meanwhile however moreover nevertheless instead minus plus trim trimmed
eurozone euro-zone ex excl excluding exclude excludes except
""".split())
# "new" is no measured word (a "new record"), but "new jobs" is a catalogue wording, matched first.


# "employers added 114,000 jobs", "the economy created 2.3 million positions": jobs rose by that many.
PHRASES = ((re.compile(r"\b(?:added|adding|adds|add|created|creating|creates|create)\b(?=\s+(?:(?:a|an|just|only|some|"
                       r"about|around|roughly|nearly|almost|over|more\s+than|a\s+net|net|a\s+seasonally\s+adjusted)\s+)*"
                       r"[\d,.]+\s*(?:k|m|thousand|million)?\s+(?:\w+\s+)?(?:jobs|positions|workers|payrolls)\b)", re.I),
            "rose"),)


@functools.lru_cache(maxsize=1)
def _tables() -> tuple[re.Pattern, dict[str, tuple[str, ...]], re.Pattern, dict[str, str]]:
    measures: dict[str, tuple[str, ...]] = {}
    for words, wordings in _MEASURES:
        for w in wordings:
            measures.setdefault(_key(w), words)
    qualifiers = {_key(w): q for q, ws in _QUALIFIER_WORDINGS for w in ws}
    return _pattern(measures), measures, _pattern(qualifiers), qualifiers


def _key(text: str) -> str:
    return re.sub(r"[\s-]+", " ", text.lower()).strip()


def _pattern(table: dict) -> re.Pattern:
    alts = sorted(table, key=lambda w: (-len(w), w))
    body = "|".join(r"[\s-]+".join(re.escape(p) for p in w.split(" ")) for w in alts)
    return re.compile(r"(?<![\w&/-])(?:" + body + r")s?(?![\w&/-])", re.I)  # and a plural: "job gains"


def find(text: str) -> list[tuple[int, int, tuple[str, ...], str]]:
    """The catalogue measures ``text`` names: (start, end, canonical words, wording as written), in order,
    longest wording first where two overlap ("unemployment rate" before "unemployment")."""
    pattern, measures, _, _ = _tables()
    return [(m.start(), m.end(), _get(measures, m.group()), m.group()) for m in pattern.finditer(text)]


def qualifiers(text: str) -> list[tuple[int, int, str]]:
    """The qualifiers ``text`` writes: (start, end, folded qualifier), e.g. "per head" -> capita ("" for a
    wording that names the whole: "goods and services")."""
    _, _, pattern, table = _tables()
    return [(m.start(), m.end(), _get(table, m.group())) for m in pattern.finditer(text)]


def _get(table: dict, written: str):
    key = _key(written)
    return table[key] if key in table else table[key[:-1]]


def qualifier_words() -> frozenset[str]:
    """Every folded qualifier ("core", "service", "monthly", ...)."""
    return frozenset(q for q, _ in _QUALIFIER_WORDINGS if q)


def measure_words() -> frozenset[str]:
    """Every canonical word of the catalogue ("gdp", "unemployment", "keyrate", ...)."""
    return frozenset(w for words, _ in _MEASURES for w in words)


_SHOWN = {"gdp": "GDP", "keyrate": "policy rate", "employ": "employment", "indprod": "industrial production",
          "ppi": "producer prices", "currentaccount": "current account", "capex": "capital spending",
          "pce": "PCE", "pretax": "pre-tax", "reserveratio": "cash reserve ratio", "refi": "main refinancing",
          "eps": "EPS", "slr": "SLR", "govconsumption": "government consumption"}


def shown(word: str) -> str:
    """How a canonical word reads in a key's label."""
    return _SHOWN.get(word, word)
