"""Generate a synthetic briefcmp corpus in the real format, deterministically.

    python benchmarks/generate.py /tmp/corpus-1000 --briefs 1000 --claims 40

The corpus looks like a real one at scale: a config with topics, entities and a
key registry that grows with the corpus (some keys popular, most answered by a
few briefs); claims files in per-year folders with a realistic mix of kinds,
value types, as-of periods, citations and notes; one source text per brief in
which every quote occurs once (typographic quotes, dashes and line wrapping in
the source, plain ASCII in the quotes, as annotators write them). Briefs that
answer the same key mostly agree within tolerance; some conflict, some refer to
another period, and a few claims carry the defects `check` reports (no topic,
draft status, a quote that is not in the source).

The same arguments always give byte-identical files (no clock, no global RNG).
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import json
import random
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

GENERATOR_VERSION = 2
STAMP = ".generated.json"

sys.path.insert(0, str(Path(__file__).resolve().parent))  # (benchmarks/ is not a package; tests load this by path)
from generate_words import (  # noqa: E402
    TOPICS, ENTITIES, METRICS, CATEGORIES, PUBLISHERS, FIRST, LAST, CITES, VERBS, OBJECTS, HORIZONS, ADVERBS, FILLER,
)


@dataclass(frozen=True)
class KeySpec:
    id: str
    type: str
    unit: str
    tolerance: str
    topics: tuple[str, ...]
    subjects: tuple[str, ...]
    label: str
    sentence: str
    magnitude: float
    scale: str
    categories: tuple[str, ...] = ()


def make_keys(count: int, rng: random.Random) -> list[KeySpec]:
    """``count`` distinct keys drawn from metric x entity combinations (numbered once those run out)."""
    ents = list(ENTITIES)
    keys: list[KeySpec] = []
    seen: set[str] = set()
    attempt = 0
    while len(keys) < count:
        attempt += 1
        metric = rng.choice(METRICS)
        pattern, vtype, unit, tol, topics, label, sentence, mag, scale = metric
        a, b = rng.sample(ents, 2)
        kid = pattern.format(a=a, b=b)
        if kid in seen:
            if attempt < count * 20:
                continue
            kid = f"{kid}-{len(keys)}"
        seen.add(kid)
        subjects = (a, b) if "{b}" in pattern else (a,)
        cats: tuple[str, ...] = ()
        if vtype == "category":
            cats = tuple(next(v for k, v in CATEGORIES.items() if k in pattern))
        A, B = ENTITIES[a][0], ENTITIES[b][0]
        keys.append(KeySpec(kid, vtype, unit, tol, tuple(topics), subjects, label.format(A=A, B=B),
                            sentence.replace("{A}", A).replace("{B}", B), mag, scale, cats))
    return keys


def yq(s: str) -> str:
    """A YAML scalar for ``s``: plain when that is safe, otherwise double-quoted."""
    if (s and s.strip() == s and s[0] not in "-?:,[]{}#&*!|>'\"%@`~" and ": " not in s and " #" not in s
            and s.lower() not in ("yes", "no", "true", "false", "null", "on", "off", "y", "n")
            and not s[0].isdigit() and "\n" not in s):
        return s
    return json.dumps(s, ensure_ascii=False)


def yblock(field: str, s: str, indent: str) -> str:
    """``field: value``, folded (``>-``) over several lines when long, as annotators write quotes."""
    if len(s) <= 90 or s.strip() != s or "  " in s:
        return f"{indent}{field}: {yq(s)}\n"
    lines = wrap(s, 96)
    body = "".join(f"{indent}  {line}\n" for line in lines)
    return f"{indent}{field}: >-\n{body}"


def wrap(text: str, width: int) -> list[str]:
    """Greedy word wrap (textwrap is ten times slower and this text has no tabs or long words)."""
    lines: list[str] = []
    line = ""
    for word in text.split(" "):
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    lines.append(line)
    return lines


def fmt_amount(x: float) -> str:
    if x >= 100:
        return str(int(round(x)))
    return f"{x:.1f}".rstrip("0").rstrip(".")


class Truth:
    """The 'true' answer of each key for each year, so that briefs agree (or not) consistently."""

    def __init__(self, seed: int) -> None:
        self.seed = seed
        self.memo: dict[tuple[str, int], object] = {}

    def get(self, key: KeySpec, year: int):
        if key.type in ("date", "stance"):
            year = 0  # one true date (when something happened) and one view per question
        k = (key.id, year)
        if k not in self.memo:
            r = random.Random(f"{self.seed}:{key.id}:{year}")
            if key.type == "quantity":
                v: object = key.magnitude * r.uniform(0.4, 1.6)
            elif key.type == "rank":
                v = r.randint(1, max(2, int(key.magnitude * 2)))
            elif key.type == "date":
                v = (r.randint(2014, 2023), r.randint(1, 12), r.randint(1, 28))
            elif key.type == "category":
                v = r.choice(key.categories)
            else:
                v = r.choice(["support", "oppose", "mixed"])
            self.memo[k] = v
        return self.memo[k]


def ordinal(n: int) -> str:
    return f"{n}{'th' if 10 <= n % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


UNIT_WORDS = {"people": "people", "banks": "banks", "days": "days"}


def keyed_claim(key: KeySpec, year: int, truth: Truth, rng: random.Random, conflict: float):
    """(value mapping text, value as written in prose, as_of or None, kind) for a claim on ``key``."""
    t = truth.get(key, year)
    as_of: object = str(year)
    kind = "fact"
    conflicting = rng.random() < conflict
    if key.type == "quantity":
        x = float(t)  # type: ignore[arg-type]
        x *= rng.uniform(1.3, 1.8) if conflicting else rng.uniform(0.985, 1.015)
        amount = fmt_amount(x)
        bound = rng.choices(["", "approximate", "more-than", "at-least"], [70, 20, 6, 4])[0]
        word = {"approximate": "about ", "more-than": "more than ", "at-least": "at least "}.get(bound, "")
        if key.unit == "USD":
            prose = f"{word}${amount} {key.scale}"
            unit_field = rng.choice(["USD", "USD", "USD", "$", "US$"])
            fields = [f"amount: {amount}", f"scale: {key.scale}", f"unit: {yq(unit_field)}"]
        elif key.unit == "percent":
            prose = f"{word}{amount} percent"
            fields = [f"amount: {amount}", f"unit: {rng.choice(['percent', 'percent', yq('%')])}"]
        else:
            prose = f"{word}{amount} {UNIT_WORDS.get(key.unit, key.unit)}"
            fields = [f"amount: {amount}", f"unit: {key.unit}"]
        if bound:
            fields.append(f"bound: {bound}")
        if rng.random() < 0.08:
            kind = "forecast"
        value = "{" + ", ".join(fields) + "}"
        if rng.random() < 0.05:
            as_of = f"{year - rng.randint(1, 6)}/{year}"
        elif rng.random() < 0.1:
            as_of = None  # taken from the publication date
    elif key.type == "rank":
        r = int(t)  # type: ignore[arg-type]
        if conflicting:
            r += rng.randint(2, 5)
        prose = ordinal(r)
        value = f"{{rank: {r}, of: {key.unit}}}"
    elif key.type == "date":
        y, m, d = t  # type: ignore[misc]
        if conflicting:
            d = d % 28 + 1
        precision = rng.choices(["day", "month"], [80, 20])[0]
        date_text = f"{y:04d}-{m:02d}-{d:02d}" if precision == "day" else f"{y:04d}-{m:02d}"
        prose = date_text
        value = f"{{date: {date_text}}}"
        as_of = None
    elif key.type == "category":
        c = str(t)
        if conflicting:
            c = rng.choice([x for x in key.categories if x != c])
        prose = c
        value = f"{{category: {yq(c)}}}"
        as_of = str(year)
    else:
        s = str(t)
        if conflicting:
            s = {"support": "oppose", "oppose": "support", "mixed": "oppose"}[s]
        prose = s
        value = f"{{stance: {s}}}"
        kind = rng.choice(["recommendation", "assessment"])
        as_of = None
    return value, prose, as_of, kind


@dataclass
class Claim:
    id: str
    sentence: str  # ASCII, as the annotator quotes it
    text: str
    kind: str
    topics: list[str]
    subjects: list[str]
    key: str = ""
    value: str = ""
    as_of: str = ""
    cites: str = ""
    note: str = ""
    status: str = ""
    quote_override: str = ""  # a quote that is not in the source (defect)


def claim_yaml(c: Claim) -> str:
    out = [f"  - id: {c.id}\n"]
    if c.kind != "fact":
        out.append(f"    kind: {c.kind}\n")
    if c.key:
        out.append(f"    key: {c.key}\n")
    if c.topics:
        out.append(f"    topics: [{', '.join(c.topics)}]\n")
    out.append(f"    subjects: [{', '.join(c.subjects)}]\n")
    out.append(yblock("quote", c.quote_override or c.sentence, "    "))
    out.append(yblock("text", c.text, "    "))
    if c.value:
        out.append(f"    value: {c.value}\n")
    if c.as_of:
        out.append(f"    as_of: {c.as_of}\n")
    if c.cites:
        out.append(f"    cites: {yq(c.cites)}\n")
    if c.note:
        out.append(yblock("note", c.note, "    "))
    if c.status:
        out.append(f"    status: {c.status}\n")
    return "".join(out)


def typographic(text: str) -> str:
    """How the published source writes what annotators type as ASCII."""
    return text.replace("'", "\u2019").replace(" - ", " \u2013 ")


def make_brief(n: int, keys: list[KeySpec], cum_weights: list[float], truth: Truth, claims_per_brief: int,
               defects: float, conflict: float, seed: int) -> tuple[str, str, str, str]:
    """(brief id, folder, claims file text, source text) for brief number ``n``."""
    rng = random.Random(f"{seed}:brief:{n}")
    publisher = PUBLISHERS[n % len(PUBLISHERS)]
    pub_slug = "".join(w[0] for w in publisher.lower().split() if w[0].isalpha())
    year = 2014 + rng.randint(0, 10)
    month, day = rng.randint(1, 12), rng.randint(1, 28)
    bid = f"{pub_slug}-{year}-{n:05d}"
    published = f"{year:04d}-{month:02d}-{day:02d}" if rng.random() < 0.85 else f"{year:04d}-{month:02d}"
    main = rng.sample(list(ENTITIES), 2)
    A, B = ENTITIES[main[0]][0], ENTITIES[main[1]][0]
    title = f"{A} and {B}: {rng.choice(['Options', 'Lessons', 'Risks', 'Choices', 'Stakes'])} " \
            f"{rng.choice(['after the invasion', 'for the next decade', 'in a changing region', 'under sanctions'])}"
    claims: list[Claim] = []
    used_sentences: set[str] = set()
    used_key_years: set[tuple[str, int]] = set()
    n_keyed = int(claims_per_brief * rng.uniform(0.45, 0.75))
    for i in range(claims_per_brief):
        if i < n_keyed:
            key = rng.choices(keys, cum_weights=cum_weights)[0]
            ky = max(2012, min(2024, year - rng.choices([0, 1, 2, 3], [30, 40, 20, 10])[0]))
            if (key.id, ky) in used_key_years:
                ky -= 1
            if (key.id, ky) in used_key_years:
                key = keys[(n * 7919 + i) % len(keys)]
            used_key_years.add((key.id, ky))
            value, prose, as_of, kind = keyed_claim(key, ky, truth, rng, conflict)
            sentence = key.sentence.replace("{V}", prose).replace("{Y}", str(ky)) + "."
            sentence = sentence[0].upper() + sentence[1:]
            text = f"{key.label}: {prose}" + (f" ({as_of})" if as_of else "") + "."
            c = Claim(f"{key.id.split('-')[-1]}-{ky}-{i}", sentence, text, kind,
                      list(dict.fromkeys(key.topics + tuple(rng.sample(list(TOPICS), rng.randint(0, 1))))),
                      list(key.subjects), key=key.id, value=value, as_of=as_of or "")
            if rng.random() < 0.35:
                c.cites = rng.choice(CITES)
        else:
            subj = rng.sample(list(ENTITIES), rng.randint(1, 2))
            kind = rng.choices(["assessment", "recommendation", "forecast", "fact"], [45, 30, 10, 15])[0]
            S = ENTITIES[subj[0]][0]
            verb, obj, hor, adv = rng.choice(VERBS), rng.choice(OBJECTS), rng.choice(HORIZONS), rng.choice(ADVERBS)
            if kind == "recommendation":
                sentence = f"{S} should {adv} {verb} {obj} {hor}"
            elif kind == "forecast":
                sentence = f"{S} is likely to {verb} {obj} {hor}"
            else:
                sentence = f"{S} has {adv} moved to {verb} {obj} {hor}"
            if len(subj) > 1:
                sentence += f", in step with {ENTITIES[subj[1]][0]}"
            sentence += "."
            text = sentence.replace(" should ", " ought to ", 1)
            value = ""
            if kind == "recommendation" and rng.random() < 0.5:
                value = f"{{stance: {rng.choice(['support', 'oppose'])}}}"
            c = Claim(f"{verb}-{obj.split()[-1].lower()}-{i}", sentence, text, kind,
                      rng.sample(list(TOPICS), rng.randint(1, 2)), subj, value=value)
        while c.sentence in used_sentences:
            c.sentence = c.sentence[:-1] + f", as noted in part {len(used_sentences)}."
        used_sentences.add(c.sentence)
        if rng.random() < 0.05:
            c.note = "The figure is given without a date in the text; the year is taken from the context."
        if rng.random() < defects:
            defect = rng.choices(["no-topic", "draft", "not-found"], [45, 45, 10])[0]
            if defect == "no-topic":
                c.topics = []
            elif defect == "draft":
                c.status = "draft"
            else:
                c.quote_override = c.sentence.replace(" ", "  ", 1)[:-1] + " and more."
        claims.append(c)
    # The source: the quoted sentences in order, with filler between them, in paragraphs.
    sentences: list[str] = [f"{title}."]
    for c in claims:
        for _ in range(rng.randint(1, 3)):
            sentences.append(rng.choice(FILLER) + ".")
        sentences.append(c.sentence)
    sentences.append("The views expressed are those of the authors.")
    paragraphs, para = [], []
    for s in sentences:
        para.append(s)
        if len(para) >= rng.randint(4, 8):
            paragraphs.append(" ".join(para))
            para = []
    if para:
        paragraphs.append(" ".join(para))
    body = "\n\n".join("\n".join(wrap(p, rng.choice([80, 100, 1000]))) for p in paragraphs)
    source = (typographic(body) if rng.random() < 0.6 else body) + "\n"
    flat = " ".join(" ".join(sentences).split())
    for c in claims:
        if not c.quote_override:
            assert flat.count(c.sentence) == 1, (bid, c.sentence)
    digest = hashlib.sha256(source.encode("utf-8")).hexdigest()
    authors = [f"{rng.choice(FIRST)} {rng.choice(LAST)}" for _ in range(rng.randint(1, 3))]
    head = [
        "# yaml-language-server: $schema=../schemas/claims.schema.json\n",
        "format: 1\n",
        "brief:\n",
        f"  id: {bid}\n",
        f"  title: {yq(title)}\n",
        f"  publisher: {yq(publisher)}\n",
        f"  authors: [{', '.join(authors)}]\n",
        f"  published: {published}\n",
        f"  url: https://example.org/{pub_slug}/{year}/{n:05d}\n",
        "  language: en\n",
        f"  source: ../sources/{bid}.txt\n",
        f"  source_sha256: {digest}\n",
        "claims:\n",
    ]
    text = "".join(head) + "".join(claim_yaml(c) for c in claims)
    return bid, str(year), text, source


def config_yaml(keys: list[KeySpec]) -> str:
    out = ["# Synthetic corpus written by benchmarks/generate.py\n", "format: 1\n",
           "title: Synthetic corpus for briefcmp benchmarks\n", "topics:\n"]
    for tid, (label, parent) in TOPICS.items():
        out.append(f"  {tid}:\n    label: {yq(label)}\n")
        if parent:
            out.append(f"    parent: {parent}\n")
    out.append("entities:\n")
    for eid, (label, aliases) in ENTITIES.items():
        out.append(f"  {eid}:\n    label: {yq(label)}\n")
        if aliases:
            out.append(f"    aliases: [{', '.join(yq(a) for a in aliases)}]\n")
    out.append("keys:\n")
    for k in keys:
        out.append(f"  {k.id}:\n    label: {yq(k.label)}\n    type: {k.type}\n")
        if k.type == "quantity" and k.unit:
            out.append(f"    unit: {k.unit}\n")
        if k.tolerance:
            out.append(f"    tolerance: {k.tolerance}\n")
        out.append(f"    topics: [{', '.join(k.topics)}]\n    subjects: [{', '.join(k.subjects)}]\n")
        if k.categories:
            out.append(f"    values: [{', '.join(yq(c) for c in k.categories)}]\n")
    return "".join(out)


def parameters(briefs: int, claims: int, seed: int, keys: int | None, defects: float,
               conflict: float) -> dict:
    return {"generator": GENERATOR_VERSION, "briefs": briefs, "claims": claims, "seed": seed,
            "keys": keys if keys is not None else max(40, briefs), "defects": defects, "conflict": conflict}


def generate(out: Path, briefs: int, claims: int = 40, seed: int = 0, keys: int | None = None,
             defects: float = 0.002, conflict: float = 0.08) -> dict:
    """Write a corpus into ``out`` (which must be empty or missing); return its parameters and size."""
    params = parameters(briefs, claims, seed, keys, defects, conflict)
    out = Path(out)
    if out.exists() and any(out.iterdir()):
        raise FileExistsError(f"{out}: folder is not empty")
    rng = random.Random(f"{seed}:keys")
    key_specs = make_keys(params["keys"], rng)
    # Popularity: a few keys are answered by many briefs, most by a handful.
    cum_weights = list(itertools.accumulate(1.0 / (i + 1) ** 0.5 for i in range(len(key_specs))))
    truth = Truth(seed)
    (out / "sources").mkdir(parents=True)
    (out / "briefcmp.yaml").write_text(config_yaml(key_specs), encoding="utf-8")
    total_bytes = 0
    folders: set[str] = set()
    for n in range(briefs):
        bid, folder, text, source = make_brief(n, key_specs, cum_weights, truth, claims, defects, conflict, seed)
        if folder not in folders:
            (out / folder).mkdir(exist_ok=True)
            folders.add(folder)
        data = text.encode("utf-8")
        (out / folder / f"{bid}.claims.yaml").write_bytes(data)
        (out / "sources" / f"{bid}.txt").write_bytes(source.encode("utf-8"))
        total_bytes += len(data)
    stats = dict(params, claims_files=briefs, claims_bytes=total_bytes)
    (out / STAMP).write_text(json.dumps(stats, indent=1) + "\n", encoding="utf-8")
    return stats


def ensure(out: Path, briefs: int, claims: int = 40, seed: int = 0, **kw) -> dict:
    """Generate into ``out`` unless it already holds exactly this corpus (by its stamp)."""
    out = Path(out)
    want = parameters(briefs, claims, seed, kw.get("keys"), kw.get("defects", 0.002), kw.get("conflict", 0.08))
    stamp = out / STAMP
    if stamp.is_file():
        try:
            have = json.loads(stamp.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            have = {}
        if {k: have.get(k) for k in want} == want:
            return have
    if out.exists():
        if not stamp.is_file() and any(out.iterdir()):
            raise FileExistsError(f"{out}: not a generated corpus; refusing to replace it")
        shutil.rmtree(out)
    return generate(out, briefs, claims, seed, **kw)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out", type=Path, help="folder to write the corpus into (must be empty or missing)")
    ap.add_argument("--briefs", type=int, default=100, help="number of briefs (claims files)")
    ap.add_argument("--claims", type=int, default=40, help="claims per brief")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--keys", type=int, default=None, help="registered keys (default: max(40, briefs))")
    ap.add_argument("--defects", type=float, default=0.002, help="share of claims with a problem check reports")
    ap.add_argument("--conflict", type=float, default=0.08, help="share of keyed claims that disagree")
    ap.add_argument("--force", action="store_true", help="replace OUT if it is a corpus generated earlier")
    args = ap.parse_args(argv)
    if args.force and (args.out / STAMP).is_file():
        shutil.rmtree(args.out)
    try:
        stats = generate(args.out, args.briefs, args.claims, args.seed, args.keys, args.defects, args.conflict)
    except FileExistsError as exc:
        print(f"generate.py: error: {exc} (use --force to replace a generated corpus)", file=sys.stderr)
        return 2
    print(f"wrote {stats['claims_files']} claims files ({stats['claims_bytes'] / 1e6:.1f} MB), "
          f"{args.claims} claims each, into {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
