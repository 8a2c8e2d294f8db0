"""Rendering: one module per view or output format.

Takes: an analysis result (``analysis.crossref.Analysis``) or a gate report.
Gives: text for a terminal (rich), for pipes and files (plain, json, jsonl, csv,
markdown), and for CI (github, sarif); ``output`` delivers it to stdout or a file.
"""
