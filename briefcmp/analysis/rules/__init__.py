"""The relation rules: one module per kind of finding among claims that share a key.

Each rule takes prepared claims (``rules.base``: items, periods, value groups) and gives
``Relation`` objects with an explanation that names briefs, claims and values.
"""
