"""News agencies and wire services by name: who a report cites, and who a brief's publisher is;
and (``OFFICES``) the statistics offices and central banks whose figures are their country's.

One table for drafting (``drafting/cites.py`` writes ``cites:``) and for comparison (a claim of a
Yonhap story and a rewrite citing Yonhap are one origin).
"""

from __future__ import annotations

import re
from functools import lru_cache

# agency -> how it is written (longest first in the patterns)
AGENCIES = {
    "Kyodo": ("Kyodo News", "Kyodo"), "Jiji": ("Jiji Press", "Jiji"), "Yonhap": ("Yonhap News Agency", "Yonhap"),
    "Xinhua": ("Xinhua News Agency", "Xinhua"), "Reuters": ("Reuters",),
    "AP": ("the Associated Press", "Associated Press", "the AP", "AP"), "AFP": ("Agence France-Presse", "AFP"),
    "Bloomberg": ("Bloomberg News", "Bloomberg"), "PTI": ("Press Trust of India", "PTI"), "ANI": ("ANI",),
    "Bernama": ("Bernama",), "Antara": ("Antara",), "TASS": ("TASS",), "Interfax": ("Interfax",),
    "dpa": ("dpa",), "Anadolu": ("Anadolu Agency", "Anadolu"), "EFE": ("EFE",), "ANSA": ("ANSA",),
    "NHK": ("NHK",), "Nikkei": ("Nikkei Asia", "Nikkei"),
}
NAME_OF = {form: agency for agency, forms in AGENCIES.items() for form in forms}
_PUBLISHER = re.compile(r"\b(" + "|".join(re.escape(n) for n in sorted(NAME_OF, key=len, reverse=True)) + r")\b")


@lru_cache(maxsize=1024)  # a corpus has few publishers
def agency_of(publisher: str) -> str:
    """The agency a publisher line names ("Yonhap News Agency" -> "Yonhap"), or ""; a publisher
    naming two ("Reuters, AP") is none of them."""
    found = {NAME_OF[m.group(1)] for m in _PUBLISHER.finditer(publisher)}
    return next(iter(found)) if len(found) == 1 else ""


# National statistics offices, central banks and ministries, by the names the press gives them, with
# the ISO 3166 code of the country whose figures they publish ("EZ": the euro area, as in CLDR). Their
# releases and the figures said to come from them are that country's: "INEGI said GDP grew 1.0%" is
# Mexico's GDP. A name that holds its country's ("Bank of Canada", "Statistics Canada", "Bank of Korea")
# needs no entry (``analysis.entities`` reads the country in it); a name several countries' bodies share
# ("National Bureau of Statistics", "Ministry of Finance", "Commerce Department", "the Treasury", "NBS")
# gets none.
OFFICES: dict[str, tuple[str, ...]] = {
    "US": ("Census Bureau", "Bureau of Labor Statistics", "BLS", "Bureau of Economic Analysis", "BEA",
           "Federal Reserve", "Fed"),
    "CA": ("StatCan", "BoC"),
    "MX": ("INEGI", "Banxico"),
    "GB": ("Office for National Statistics", "ONS", "Bank of England", "BoE", "Office for Budget Responsibility", "OBR"),
    "EZ": ("European Central Bank", "ECB"),
    "JP": ("BOJ", "BoJ"),
    "KR": ("BOK", "KOSTAT"),
    "CN": ("PBOC", "PBoC", "General Administration of Customs"),
    "IN": ("RBI", "MoSPI", "Ministry of Statistics and Programme Implementation"),
    "AU": ("Australian Bureau of Statistics", "RBA"),
    "ID": ("Badan Pusat Statistik", "BPS"),
    "BR": ("IBGE", "Conab", "Banco Central do Brasil"),
    "DE": ("Destatis", "Bundesbank"),
    "FR": ("INSEE",), "IT": ("Istat",), "NO": ("Norges Bank",), "SE": ("Riksbank",), "TR": ("TurkStat",),
    "RU": ("Rosstat",), "ZA": ("Stats SA",), "NZ": ("Stats NZ", "RBNZ"),
}
