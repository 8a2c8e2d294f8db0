"""Names every layer shares, in a module with no imports (the CLI reads them at start-up)."""

# Relation kinds, from most to least alarming; crossref produces them, renderers colour them.
RELATION_KINDS = (
    "contradiction",  # same key, same period, values differ beyond tolerance
    "disagreement",  # opposed recommendations / stances on the same question
    "annotation-problem",  # unit or currency mismatch under one key, etc.
    "forecast-vs-fact",  # a forecast set against a later fact
    "change-over-time",  # same key, different as-of periods
    "agreement",  # same key, same period, values agree
)
