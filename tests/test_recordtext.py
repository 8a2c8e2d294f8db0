"""The relation and claim records written straight from the model are the dicts of
``render.records`` encoded: byte for byte, for every value type and awkward text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from briefcmp.corpus.model import Claim, Config, Corpus, KeyDef, PartialDate, Period, Relation, Value
from briefcmp.render import records, recordtext, stream

# Text that the JSON encoder treats specially: quotes, backslashes, control characters,
# non-ASCII, U+2028/U+2029 (left as they are), DEL.
_odd = st.sampled_from(['"', "\\", "\n", "\t", "\x00", "\x1f", "\x7f", "é", "日本", "\u2028", "\u2029", "😀", "a"])
_text = st.lists(_odd | st.text(max_size=4), max_size=5).map("".join)
_floats = st.sampled_from([1e16, 1e-05, 0.1, -2.5, 1e300, 2.0**63, -0.0, 123456789.125, 3.0]) | st.floats(
    allow_nan=False, allow_infinity=False)
_numbers = st.none() | _floats | st.integers(-10**20, 10**20)
_dates = st.builds(PartialDate, st.integers(1, 9999), st.integers(0, 12), st.integers(0, 28))
_periods = st.builds(Period, _dates, st.none() | _dates)
_values = st.none() | st.builds(
    Value, st.sampled_from(["quantity", "rank", "date", "category", "stance"]), _numbers, _numbers,
    st.sampled_from(["", "thousand", "million", "billion"]), st.sampled_from(["", "USD", "JPY", "percent", "banks", "Üunit"]),
    st.sampled_from(["exact", "approximate", "at-least", "up-to"]), st.none() | _dates, _text, _text)
_claims = st.builds(
    Claim, id=_text, brief=_text, quote=_text, text=_text, kind=_text, topics=st.lists(_text, max_size=3).map(tuple),
    subjects=st.lists(_text, max_size=3).map(tuple), key=_text, value=_values, as_of=st.none() | _periods,
    as_of_inferred=st.booleans(), cites=_text, note=_text, path=_text, line=st.integers(0, 10**6))
_relations = st.builds(Relation, kind=_text, severity=_text, key=st.sampled_from(["k", "other", ""]),
                       claims=st.lists(_claims, max_size=3), explanation=_text, topic=_text,
                       origins=st.integers(0, 9), digest=st.integers(0, 16**10 - 1), reviewed=st.none() | _text)
_CORPUS = Corpus("", Config(keys={"k": KeyDef("k", "Ké \u2028 label", "quantity")}))


@settings(max_examples=150, deadline=None)
@given(_claims, st.sampled_from(["\n", "\n        ", "\n  "]))
def test_claim_text_is_the_claim_record_encoded(claim, nl):
    try:
        expected = stream.encode(records.claim_record(claim), nl)
    except ValueError:  # a base amount out of range (inf): refused both ways
        try:
            recordtext.claim_text(claim, nl)
        except ValueError:
            return
        raise AssertionError("accepted a non-finite number")
    assert recordtext.claim_text(claim, nl) == expected


@settings(max_examples=80, deadline=None)
@given(_relations, st.sampled_from(["\n", "\n    "]))
def test_relation_text_is_the_relation_record_encoded(relation, nl):
    try:
        expected = stream.encode(records.relation_record(relation, _CORPUS), nl)
    except ValueError:
        return
    assert recordtext.relation_text(relation, _CORPUS, nl) == expected
