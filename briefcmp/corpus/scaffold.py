"""`briefcmp init`: write a small corpus that passes `briefcmp check`, never overwriting anything."""

from __future__ import annotations

import hashlib
from pathlib import Path

from briefcmp.corpus.files import OutputError, write_file
from briefcmp.schemas import NAMES, schema_text


class ScaffoldError(Exception):
    """The folder cannot be scaffolded (a file is in the way, not writable)."""


CONFIG_HEAD = """\
# yaml-language-server: $schema=schemas/config.schema.json
# The corpus config: topics, entities and the registry of shared questions (keys).
# The format: `briefcmp schema config` (a JSON Schema; editors use schemas/ here) and docs/format.md
# in the briefcmp source distribution.
format: 1
title: My corpus
# The month fiscal years start, so that "fiscal 2024" is read as a period: 4 for April (Japan,
# the UK, India), 10 for October (US federal). Leave it out for calendar years.
# fiscal_year_start: 4

# A general-purpose taxonomy: rename, remove or add topics (a child names its parent).
# `briefcmp annotate` suggests topics from these labels and descriptions.
topics:
  economy:
    label: Economy
    description: GDP growth, inflation, unemployment, wages, budgets, public spending, revenue, taxes, debt, deficits, central bank, interest rates.
  trade:
    label: Trade
    description: Exports, imports, tariffs, quotas, trade agreements, trade disputes, supply chains, investment.
  sanctions:
    label: Sanctions
    description: Economic and financial sanctions, asset freezes, export controls, embargoes, price caps.
  energy:
    label: Energy
    description: Oil, gas, LNG, coal, electricity, power generation, nuclear reactors, hydropower, renewables, wind, solar, grids, energy storage, batteries.
  defence:
    label: Defence
    description: Military spending, defence budgets, armed forces, weapons, procurement, alliances, troops.
  aid:
    label: Aid
    description: Development aid, humanitarian assistance, loans, grants, reconstruction, donors.
  diplomacy:
    label: Diplomacy
    description: Summits, talks, treaties, agreements, visits, negotiations, ambassadors, foreign policy.
  security:
    label: Security
    description: Conflict, war, attacks, terrorism, cyber security, borders, intelligence, nuclear weapons.
  domestic-politics:
    label: Domestic politics
    description: Elections, parties, parliament, coalitions, cabinet, polls, approval ratings, protests.
  health:
    label: Health
    description: Public health, hospitals, disease, vaccines, pandemics, health spending, life expectancy.
  environment:
    label: Environment
    description: Climate change, emissions, carbon, pollution, biodiversity, climate targets, adaptation.
  technology:
    label: Technology
    description: Semiconductors, chips, artificial intelligence, telecommunications, research, innovation, digital.
  migration:
    label: Migration
    description: Migrants, refugees, asylum, displacement, labour migration, remittances.
  society:
    label: Society
    description: Population, education, poverty, inequality, housing, social policy, pensions.
"""

# Without --example: empty registries that `briefcmp align --apply` fills.
CONFIG_EMPTY = """\

# People, countries and organisations the briefs are about. Countries are recognised
# without registration; `briefcmp align --apply` adds the ones its keys name.
entities: {}

# Shared questions that claims of different briefs answer (`briefcmp align` drafts them).
keys: {}
"""

CONFIG_EXAMPLE = """\

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


def scaffold(folder: Path, example: bool = False) -> tuple[list[Path], list[Path]]:
    """Create a corpus in ``folder`` (with an example brief if asked); returns (written, kept existing)."""
    files = {folder / "briefcmp.yaml": CONFIG_HEAD + (CONFIG_EXAMPLE if example else CONFIG_EMPTY)}
    if example:
        files[folder / "sources" / "example-2022.txt"] = SOURCE
        files[folder / "example-2022.claims.yaml"] = CLAIMS.format(sha=hashlib.sha256(SOURCE.encode()).hexdigest())

    for name in NAMES:
        files[folder / "schemas" / f"{name}.schema.json"] = schema_text(name)
    if (folder / "briefcmp.yaml").exists() or any(folder.rglob("*.claims.yaml")):
        raise ScaffoldError(f"{folder} already holds a corpus (briefcmp.yaml or claims files); "
                            "init only scaffolds a new one and changes nothing here")
    written, kept = [], []
    try:
        (folder / "sources").mkdir(parents=True, exist_ok=True)
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
