"""The gate: what CI runs on a corpus and its changes.

Takes: a corpus path, optionally a git selection (``changed``) and reviewed conflicts
(``review``). Gives: a ``check.CheckReport`` (problems and unreviewed findings) with an
exit code; renderers in ``briefcmp.render`` format it for terminals, GitHub and SARIF.
"""
