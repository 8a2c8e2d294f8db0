"""`briefcmp init`: write a small corpus that passes `briefcmp check`, never overwriting anything."""

from __future__ import annotations

import hashlib
from pathlib import Path

from briefcmp.corpus.files import OutputError, write_file
from briefcmp.schemas import NAMES, schema_text


class ScaffoldError(Exception):
    """The folder cannot be scaffolded (a file is in the way, not writable)."""


CONFIG = """\
# yaml-language-server: $schema=schemas/config.schema.json
# The corpus config: topics, entities and the registry of shared questions (keys).
# The format: `briefcmp schema config` (a JSON Schema; editors use schemas/ here) and docs/format.md
# in the briefcmp source distribution.
format: 1
title: My corpus

topics:
  trade:
    label: Trade
    description: Trade volumes and partners.
  sanctions:
    label: Sanctions
    description: Economic and financial sanctions.

entities:
  japan:
    label: Japan
    aliases: [Tokyo]
  russia:
    label: Russia
    aliases: [Moscow, Kremlin]

keys:
  japan-russia-trade-total:
    label: Total Japan-Russia trade in a year
    description: Exports plus imports, in US dollars, for one calendar year.
    type: quantity
    unit: USD
    tolerance: 5%
    topics: [trade]
    subjects: [japan, russia]
"""

SOURCE = """\
Example Brief: Japan and Russia

In 2021, trade between Japan and Russia totalled roughly $20 billion.
Japan should coordinate its sanctions with its G7 partners.
"""

CLAIMS = """\
# yaml-language-server: $schema=schemas/claims.schema.json
format: 1
brief:
  id: example-2022
  title: "Example Brief: Japan and Russia"
  publisher: Example Institute
  published: 2022
  language: en
  source: sources/example-2022.txt
  source_sha256: {sha}
claims:
  - id: trade-2021
    key: japan-russia-trade-total
    kind: fact
    topics: [trade]
    subjects: [japan, russia]
    quote: In 2021, trade between Japan and Russia totalled roughly $20 billion.
    text: Japan-Russia trade was about USD 20 billion in 2021.
    value: {{amount: 20, scale: billion, unit: USD, bound: approximate}}
    as_of: 2021
  - id: coordinate-sanctions
    kind: recommendation
    topics: [sanctions]
    subjects: [japan]
    quote: Japan should coordinate its sanctions with its G7 partners.
    text: Japan should act on sanctions together with the G7.
"""


def scaffold(folder: Path) -> tuple[list[Path], list[Path]]:
    """Create the example corpus in ``folder``; returns (written, kept existing)."""
    files = {
        folder / "briefcmp.yaml": CONFIG,
        folder / "sources" / "example-2022.txt": SOURCE,
        folder / "example-2022.claims.yaml": CLAIMS.format(sha=hashlib.sha256(SOURCE.encode()).hexdigest()),
    }
    for name in NAMES:
        files[folder / "schemas" / f"{name}.schema.json"] = schema_text(name)
    if (folder / "briefcmp.yaml").exists() or any(folder.rglob("*.claims.yaml")):
        raise ScaffoldError(f"{folder} already holds a corpus (briefcmp.yaml or claims files); "
                            "init only scaffolds a new one and changes nothing here")
    written, kept = [], []
    try:
        for path, text in files.items():
            if path.exists():
                kept.append(path)
                continue
            path.parent.mkdir(parents=True, exist_ok=True)
            write_file(path, text)
            written.append(path)
    except (OSError, OutputError) as exc:
        raise ScaffoldError(str(exc)) from exc
    return written, kept
