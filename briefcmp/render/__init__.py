"""Renderers: analysis results in, text out. No analysis happens here."""
