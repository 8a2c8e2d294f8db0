"""The corpus: claims files and their sources, read safely and checked.

Takes: a corpus folder (``briefcmp.yaml``, ``*.claims.yaml``, source texts).
Gives: a typed ``model.Corpus`` and located ``problems.Problems``; ``load`` reads and
validates, ``anchor`` finds quotes in sources, ``cache`` is a layer over ``load`` that
answers an unchanged file from disk. Nothing here compares claims or prints.
"""
