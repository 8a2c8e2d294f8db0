"""Which drafted claim a gold quote names: the same source, overlapping text, and the claim's figure or date
written inside the quote (``claim_matches``); a quote's text folded as the gold is typed (``norm``); where each
of several claims sharing one quote and one value is written (``pinned``). Split from ``lineup_eval``, which
re-exports these names for the other benchmarks.
"""

from __future__ import annotations

import re
import unicodedata

_NUM = re.compile(r"\d[\d,]*(?:\.\d+)?")
_SUBUNIT = re.compile(r"(\d[\d,]*(?:\.\d+)?)\s*(?:(?:US|U\.S\.|euro|[A-Z][a-z]+)\s+)?(?:cents?|pence)\b")
_SPACE = re.compile(r"\s+")


def norm(text: str) -> str:
    # curly quotes folded: a reviewed quote may be typed with straight ones ("Russia's" for "Russia’s")
    return _SPACE.sub(" ", text.replace("\u00a0", " ").translate(_QUOTES)).strip()


_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"'})


# --------------------------------------------------------------------------- matching claims to gold quotes


def _spelled_numbers(text: str) -> list[float]:
    """Numbers written in words, as the drafting reads them ("two", "one-point-six"), and fractions
    ("half", "two-tenths") as shares (50, 20) and as parts of a percentage point (0.5, 0.2)."""
    from briefcmp.drafting.numbers import FRACTIONS, TOKEN, WORD_NUMBERS, number_value

    out = []
    for m in TOKEN.finditer(text):
        if m.group("word"):
            n = number_value(m.group())
            if n is not None:
                out.append(n)
        elif m.group("frac"):
            parts = re.split(r"[\s-]+", m.group().lower())
            share = (WORD_NUMBERS.get(parts[0], 1) if len(parts) > 1 else 1) * FRACTIONS[parts[-1]]
            out += [round(share, 1), round(share / 100, 4)]
    return out


# a period's label glued to its digits is no figure: "FY25", "Q4", "H1", "Q4/23" (session 18: "FY25" made a
# quote of "an increase of 3%" write 25, and the simulated analyst keyed a 25% with a 3%)
_PERIOD_LABEL = re.compile(r"(?:\b(?:FY|CY|FQ|Q|H|1H|2H)|\bQ[1-4]/)$", re.I)


def _numbers(text: str) -> list[float]:
    out = []
    for m in _NUM.finditer(text):
        if _PERIOD_LABEL.search(text, max(0, m.start() - 4), m.start()):
            continue
        try:
            out.append(float(m.group().replace(",", "")))
        except ValueError:
            pass
    return out


def value_written_in(value: dict, text: str, subunits: bool = True) -> bool:
    """Whether the figure or date of a claim's value is written in ``text``; other values: always. ``subunits``:
    "225 cents" writes 2.25 (session 16; not before)."""
    if not isinstance(value, dict):
        return True
    if "date" in value:
        d = str(value.get("date") or "")
        if d[:4] and d[:4] in text:
            return True
        if len(d) == 10:  # "On February 15, Kishida ...": a day written without its year
            month = ("january february march april may june july august september october november "
                     "december").split()[int(d[5:7]) - 1]
            return bool(re.search(rf"\b{month[:3]}[a-z]*\.?\s+{int(d[8:])}\b|\b{int(d[8:])}\s+{month[:3]}",
                                  text, re.I))
        return False
    amount = value.get("amount", value.get("rank"))
    if amount is None:
        return True
    try:
        amount = float(amount)
    except (TypeError, ValueError):
        return True
    nums = _numbers(text)
    # "81,4%", "51 770 560": a text that writes a decimal comma or groups digits with spaces
    # (corpus/numerals.py reads them so when drafting)
    from briefcmp.corpus.numerals import english_digits

    nums += _numbers(english_digits(text))
    for ch in {c for c in text if unicodedata.category(c) == "No" and 0 < unicodedata.numeric(c, 0) < 1}:
        nums += [n + unicodedata.numeric(ch) for n in nums] + [unicodedata.numeric(ch)]  # "3¾%", "½"
    nums += _spelled_numbers(text)  # "one-point-six percent", "two per cent", "half a percentage point"
    # a hundredth of a currency, as drafting reads "225 US cents" (USD 2.25)
    nums += [float(m.group(1).replace(",", "")) / 100 for m in _SUBUNIT.finditer(text)] if subunits else []
    from briefcmp.drafting.fractions import written_shares

    nums += written_shares(text)  # "three in four refugees": a share of 75 percent
    from briefcmp.drafting.digitbands import bands_written

    nums += [float(low) for low, _high in bands_written(text)]  # "a high single-digit percentage": 7-9
    from briefcmp.drafting.nochange import says_no_change

    if says_no_change(text):  # "prices were unchanged", "held steady": a change of 0 (drafting/nochange.py)
        nums.append(0.0)
    # (a sign is not read from the text: "-0.6 percent" holds the amount -0.6)
    return any(abs(n - abs(amount)) <= 1e-9 * max(1.0, abs(n)) for n in nums)


def claim_matches(claim: dict, source_id: str, quote: str, sources: dict[str, str], subunits: bool = True) -> bool:
    """A claim matches a gold quote: same source, overlapping text, and its value written in the quote."""
    if claim["brief"] != source_id:
        return False
    q = norm(quote)
    cq = claim["quote"]
    text = sources.get(source_id, "")
    if q in cq or cq in q:
        overlap = True
    else:
        i, j = text.find(q), text.find(cq)
        overlap = i >= 0 and j >= 0 and i < j + len(cq) and j < i + len(q)
    value = claim["value"]
    # "591.48 trillion yen, or $4.21 trillion": one claim whose alternates are its other expressions
    expressions = [value, *(a for a in value.get("alternates") or [] if isinstance(a, dict))] \
        if isinstance(value, dict) else [value]
    return overlap and any(value_written_in(v, q, subunits) for v in expressions)


def _ref(c: dict) -> str:
    return f"{c['brief']}:{c['claim']}"


def _pinned(claims: list[dict], sources: dict[str, str]) -> dict[str, int]:
    """Where in its source each of several claims sharing one quote and one value is written.

    A drafted sentence that states one figure twice ("grew 5.2% last year ..., with fourth-quarter
    growth of 5.2%") gives two claims with the same quote and value; the k-th of them (in the order
    the claims file lists them, the order of the text) stands for the k-th writing of the value, so
    each matches only the gold quote around its own writing, not both."""
    groups: dict[tuple, list[dict]] = {}
    for c in claims:
        amount = c["value"].get("amount") if isinstance(c["value"], dict) else None
        if isinstance(amount, (int, float)) and not isinstance(amount, bool):
            groups.setdefault((c["brief"], c["quote"], abs(float(amount))), []).append(c)
    out: dict[str, int] = {}
    for (brief, quote, amount), members in groups.items():
        text = sources.get(brief, "")
        start = text.find(quote)
        if len(members) < 2 or start < 0 or text.find(quote, start + 1) >= 0:
            continue
        at = [m.start() for m in _NUM.finditer(quote) if _as_float(m.group()) == amount]
        if len(at) == len(members):
            out.update({_ref(c): start + i for c, i in zip(members, at)})
    return out


def _as_float(written: str) -> float | None:
    try:
        return float(written.replace(",", ""))
    except ValueError:
        return None


# --------------------------------------------------------------------------- the figure a gold relation means


def unit_class(value: dict) -> tuple[str, str]:
    """(dimension, unit) of a claim's figure as align buckets it: physical units by dimension only ("kt" and
    "tonnes" are one), counted nouns as bare counts, a basis point as a percentage point; ("", "?") for no figure."""
    from briefcmp.corpus import units

    if not isinstance(value, dict) or value.get("amount") is None:
        return "", "?"
    unit = units.canonical_unit(str(value.get("unit") or ""))
    dim = units.comparable(unit, 0.0)[0]
    if units.is_count(unit):
        return "", ""
    return dim, "" if units.is_physical(unit) else ("percentage-points" if unit == "bps" else unit)


def _absolute(value: dict) -> float | None:
    from briefcmp.corpus.model import SCALES

    try:
        return abs(float(value["amount"])) * SCALES.get(str(value.get("scale") or ""), 1)
    except (KeyError, TypeError, ValueError):
        return None


def meant(quotes: list[set[str]], values: dict[str, dict], by_value: bool = True) -> list[set[str]]:
    """Each quote's matching claims narrowed to the figure the relation means, when a quote writes several
    ("fell 16% to $14.4 billion" matches a percent and an amount): the claims whose value (within 2%), then
    unit class (``unit_class``), the most other quotes' claims share (``by_value``: an agreement; a change or a
    contradiction sets two values apart, and only the class counts). A quote whose claims all share a class is
    unchanged."""
    classes = [{unit_class(values[r]) for r in q if r in values} for q in quotes]
    out = []
    for i, q in enumerate(quotes):
        if len(classes[i]) < 2:
            out.append(q)
            continue

        def support(ref: str) -> tuple[int, int]:
            cls, amount = unit_class(values[ref]), _absolute(values[ref])
            others = [[values[o] for o in other if o in values] for j, other in enumerate(quotes) if j != i]
            equal = sum(any(amount is not None and (b := _absolute(v)) is not None
                            and abs(amount - b) <= 0.02 * max(amount, b) for v in vs) for vs in others) if by_value else 0
            return equal, sum(any(unit_class(v) == cls for v in vs) for vs in others)

        scored = {r: support(r) for r in q if r in values}
        best = max(scored.values(), default=(0, 0))
        out.append({r for r in q if scored.get(r) == best} if any(best) else q)
    return out
