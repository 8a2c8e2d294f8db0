"""The JSON Schemas shipped with briefcmp (claims files, corpus config, JSON reports)."""

from __future__ import annotations

from importlib import resources

NAMES = ("claims", "config")  # written into a corpus for editors
ALL = (*NAMES, "report")


def schema_text(name: str) -> str:
    """The text of ``<name>.schema.json`` as shipped in the package."""
    return resources.files(__package__).joinpath(f"{name}.schema.json").read_text(encoding="utf-8")
