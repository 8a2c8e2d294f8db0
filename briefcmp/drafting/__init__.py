"""Drafting: from a source text to a draft claims file.

Takes: plain source text (and the corpus config, to suggest topics and keys).
Gives: draft claims, each anchored to a verbatim quote, with typed figures found by
``figures`` (built from ``numbers``, ``dates`` and ``qualifiers``) in ``sentences``.
A person reviews every draft; nothing here decides what a brief claims.
"""
