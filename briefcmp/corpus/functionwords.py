"""The one home of English function words: the words that carry no content (articles, pronouns,
prepositions, conjunctions, auxiliaries and the commonest adverbs), and the small closed sets
that every reader of a brief leaves out with them (month and weekday names, scale words).

Each user composes its own list from these and keeps its own extras beside it, named for what they
are (``analysis.measure``: words that say nothing about what a figure measures; ``drafting.unitwords``:
words that end a modifier run before a counted noun; ...). Below analysis and drafting, which both use it.
"""

from __future__ import annotations

# The function words of English (the classic information-retrieval stop list, 108 words).
FUNCTION_WORDS = frozenset("""
a about above after again against all also an and any are as at be because been before being below between
both but by can could did do does during each few for from further had has have having he her here his how i
if in into is it its itself just more most no nor not now of off on once only or other our out over own same
she should so some such than that the their them then there these they this those through to too under until
very was we were what when where which while who whom why with would you your
""".split())

MONTH_NAMES = frozenset("""
january february march april may june july august september october november december
""".split())
# A month's number by its first three letters ("Sept." and "September" are both "sep"): 9.
MONTH_NUMBER = {m: i + 1 for i, m in enumerate("jan feb mar apr may jun jul aug sep oct nov dec".split())}
WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
# Words that scale a number: "3 billion", "1.2 trillion".
SCALE_WORDS = frozenset("thousand million billion trillion".split())
# "per cent", "percent": the unit of a percentage, written as words.
PERCENT_WORDS = frozenset("per cent percent".split())
# The reporting verb of every news story: "said", "says".
SAYING = frozenset("said says say".split())
