"""The company a release is issued by, read from its masthead: "Kestrel Werke AG | Press release | Bremen,
3 March", "Nordvik Pharma A/S - Company announcement": a name then its legal form, alone in one part of the
masthead (the short lines under the title, ``issuer.masthead``), is the issuer, a company.

Its figures are the company's, whatever country the release names (its seat in the dateline, "sales in
China" once): registered as a company (``organisations.register``), it is what the brief and the other
reports of its results are about (``subjects.main_subject``), not the country of its head office nor one of
its markets. The legal forms are the ``cleanco`` package's (a maintained table of the forms of many
countries: "A/S", "Oyj", "S.p.A.", "KGaA"), not a list of our own. A brand the issuer writes in lower case
("kestrel AG") is named capitalised at a sentence's start or in a headline too: both writings are the company.

Only a whole part of the masthead counts ("Kestrel Werke AG", not a series' name that ends with a form's
word), a form of two letters only in capitals ("AG", "AB"; "as" is an English word), and never a country's
name or generic words (``Entities._company_core``).
"""

from __future__ import annotations

import functools
import re
from typing import Iterable

# Forms that are also plain words of an outlet's name ("The Lisbon Publishing Company", "Private Banking"):
# they tell no company's release from an outlet's line.
_WORDS = frozenset({"company", "private", "unlimited"})
_PART_BREAK = re.compile(r"\s+[-–—|]\s+|\s*\|\s*|,\s+")
_NAME = re.compile(r"[^\W\d_][\w&'’.-]*(?:\s+[^\W\d_][\w&'’.-]*){0,3}")  # (one to four words, no number)


@functools.lru_cache(maxsize=1)
def legal_forms() -> frozenset[str]:
    """The legal forms of companies, folded to lower case (``cleanco``'s table); empty without the package."""
    try:
        from cleanco.termdata import terms_by_type
    except ImportError:  # pragma: no cover - a dependency; a missing one only finds no issuer
        return frozenset()
    return frozenset(t.strip().lower() for ts in terms_by_type.values() for t in ts if t.strip().lower() not in _WORDS)


def _form(written: str) -> bool:
    """Whether ``written`` is a company's legal form as a masthead writes it (two letters only in capitals)."""
    letters = re.sub(r"[^A-Za-z]", "", written)
    if len(letters) <= 2 and not written.isupper():
        return False
    return written.lower() in legal_forms()


def _named(head: str) -> list[str]:
    """The names a masthead (``head``: its parts joined by " | ") gives with a legal form after them, in order."""
    from briefcmp.corpus.functionwords import FUNCTION_WORDS

    out = []
    for part in _PART_BREAK.split(head):
        words = part.split()
        for k in range(1, min(3, len(words) - 1) + 1):  # the form: its last one to three words ("GmbH & Co. KG")
            name = " ".join(words[:-k])
            if _form(" ".join(words[-k:])) and len(words) - k <= 4 and _NAME.fullmatch(name) and \
                    name.split()[0].lower() not in FUNCTION_WORDS and re.search(r"[A-Za-z]{2}", name):
                out.append(name)
                break
    return out


def issuer_name(head: str, entities) -> str:
    """The company a masthead names by its legal form, not yet registered and no country (see the module
    docstring), or ""."""
    return next((n for n in _named(head) if entities._company_core(n)), "")


def issuer_company(head: str, entities) -> str:
    """The id of the registered company a masthead names by its legal form (the brief's issuer), or ""."""
    for name in _named(head):
        eid = entities.entity_of.get(name)
        if eid in entities.company_ids:
            return eid
    return ""


def writings(name: str) -> list[str]:
    """The writings of an issuer's name to register: as its masthead writes it, capitalised (a lower-case
    brand at a sentence's start, "Kestrel"), and in capitals when it is long enough to be no acronym
    ("KESTREL WERKE": a newsletter's heading)."""
    out = [name]
    if name[:1].islower():
        out.append(name[:1].upper() + name[1:])
    if not name.isupper() and len(re.sub(r"\W", "", name)) >= 5:
        out.append(name.upper())
    return out


def register_issuers(mastheads: Iterable[str], entities, texts: Iterable[str] = ()) -> list[str]:
    """Register as companies the issuers the briefs' mastheads name (see the module docstring) that another
    brief names too (``texts``: each brief's text, in the order of ``mastheads``): the company the corpus reports
    on, not an adviser's or a newsletter's firm that signs its own notes ("Kestrel Tax Advisers LLP | Update").
    Returns the new ids."""
    from briefcmp.analysis.organisations import register

    heads, texts = list(mastheads), list(texts)
    names = []
    for i, head in enumerate(heads):
        name = issuer_name(head, entities) if head else ""
        if not name:
            continue
        said = re.compile(r"(?<![\w-])" + re.escape(name) + r"(?![\w-])", re.I)
        if any(said.search(t) for j, t in enumerate(texts) if j != i):
            names += writings(name)
    return register(entities, names) if names else []


def corpus_issuers(briefs, entities) -> list[str]:
    """Register the issuers the mastheads of ``briefs`` name (``register_issuers``), reading each source once."""
    from briefcmp.analysis.issuer import masthead
    from briefcmp.corpus import yamlsafe
    from briefcmp.corpus.files import read_regular
    from briefcmp.corpus.load import MAX_SOURCE_BYTES
    from briefcmp.corpus.problems import Problems

    heads, texts = [], []
    for b in briefs:
        try:
            data = read_regular(b.source_path, MAX_SOURCE_BYTES) if b.source_path else b""
        except OSError:
            data = b""
        text = (yamlsafe.decode(data, b.source_path, Problems()) if data else None) or ""
        heads.append(masthead(text[:2000], b.title or ""))
        texts.append(text)
    return register_issuers(heads, entities, texts)
