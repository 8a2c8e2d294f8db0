"""A rate per head is never its total, and a company's measure before one-off items is its underlying measure."""

from __future__ import annotations

from briefcmp.analysis.entities import Entities
from briefcmp.analysis.measure import measured_words, word_match


def _words(text: str, unit: str = "EUR") -> frozenset[str]:
    return measured_words(text, Entities(), unit)[0]


def test_spending_per_visitor_is_not_the_spending():
    rate = _words("Over the first half, spending per visitor was EUR 812")
    total = _words("with visitor expenditure of 1.9 billion euros")
    assert "per" in rate and word_match(rate, total) == ""


def test_a_unit_per_is_no_rate_word():
    assert "per" not in _words("inflation was 3 per cent", "percent")
    assert "per" not in _words("output of 5 million barrels per day", "barrels")
    assert "per" not in _words("a dividend of 0.42 per share") and "per" not in _words("oil at 80 dollars per barrel", "USD")


def test_before_one_off_items_is_the_underlying_measure():
    underlying = _words("Operating profit before exceptional items reached EUR 2,110 million")
    reported = _words("Including exceptional items, operating profit was EUR 1,950 million")
    plain = _words("its operating profit was 1.9 billion euros")
    assert "underlying" in underlying and "underlying" not in reported
    assert word_match(reported, plain) == "sure" and word_match(underlying, plain) != "sure"


def test_a_currency_s_letters_are_no_measured_word():
    """"NT$", "HK$", "R$", "NZ$": the letters before the dollar sign name the currency, not what is measured, so
    two figures in one currency share no word by it (a revenue and a net income line of one list)."""
    assert _words("2. Net income: NT$325.3bn.", "TWD") == _words("net income of 325 billion", "TWD")
    assert "hk" not in _words("Retail sales fell to HK$31.2 billion in May", "HKD")
    assert "r" not in _words("Exports reached R$ 1.1 trillion", "BRL") and "nz" not in _words("a NZ$4bn deficit", "NZD")
    assert _words("1. Revenue: NT$759.7bn") & _words("2. Net income: NT$325.3bn") == frozenset()
