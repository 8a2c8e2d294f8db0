"""Analysis: what the claims of a corpus say about each other.

Takes: a loaded ``corpus.model.Corpus``.
Gives: an ``crossref.Analysis`` (relations between claims sharing a key, topic coverage,
key suggestions), the one result every renderer and output format starts from. The
relation rules live one per module in ``analysis.rules``. Nothing here reads files or prints.
"""
