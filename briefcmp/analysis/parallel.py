"""Cross-referencing on two cores: a forked process makes the relations of the first keys.

Keys are independent, so a large corpus is split in two runs of keys with about as many
claims each. A child process (forked: it shares the loaded corpus, nothing is copied to it)
makes the relations of the first run while this process makes those of the second; the
child then sends its relations back with each claim named by its place in its key's list,
and they are rebuilt here around this process's own claim objects. The result is the list
the serial loop makes, in the same order. Anything unusual (no fork, a failed child, a
relation that does not pickle) means the child's keys are done here after all.
"""

from __future__ import annotations

import dataclasses
import os
import pickle
from typing import Callable

from briefcmp.corpus.model import Claim, Relation

# Claims with a key from which a second process pays off (forking and sending relations back
# cost about as much as cross-referencing a few thousand claims).
PARALLEL_CLAIMS = 20_000

_FIELDS = tuple(f.name for f in dataclasses.fields(Relation))
_CLAIMS_AT = _FIELDS.index("claims")


def relations_for_keys(keys: list[str], by_key: dict[str, list[Claim]],
                       make: Callable[[str], list[Relation]]) -> list[Relation]:
    """``[*make(k) for k in keys]``: on two processes when the corpus is large, else here."""
    from briefcmp.corpus.load import jobs

    total = sum(len(by_key[k]) for k in keys)
    if total < PARALLEL_CLAIMS or jobs() < 2:  # jobs() is 1 where fork is missing or unsafe
        return [r for k in keys for r in make(k)]
    half, split = 0, 0
    while split < len(keys) and half < total // 2:
        half += len(by_key[keys[split]])
        split += 1
    first, second = keys[:split], keys[split:]
    read, write = os.pipe()
    try:
        pid = os.fork()
    except OSError:
        os.close(read)
        os.close(write)
        return [r for k in keys for r in make(k)]
    if pid == 0:  # the child: make the first keys' relations, send them, and leave without cleanup
        code = 1
        try:
            os.close(read)
            made = [(k, make(k)) for k in first]  # all made before sending: the parent reads only later
            with os.fdopen(write, "wb") as sink:
                batch: list = []
                for k, relations in made:
                    batch.append(_encode(k, relations, by_key[k]))
                    if len(batch) >= _BATCH_KEYS:
                        pickle.dump(batch, sink, pickle.HIGHEST_PROTOCOL)
                        batch = []
                pickle.dump(batch, sink, pickle.HIGHEST_PROTOCOL)
            code = 0
        finally:
            os._exit(code)  # never runs the parent's exit handlers or flushes its buffers
    os.close(write)
    inp = os.fdopen(read, "rb")
    out: list[Relation] = []
    received = 0
    try:
        rest = [r for k in second for r in make(k)]
        while True:  # batch by batch: the encoded relations are never all held here
            try:
                batch = pickle.load(inp)
            except EOFError:
                break
            for encoded in batch:
                claims = by_key[first[received]]
                received += 1
                for values in encoded:
                    values = list(values)
                    values[_CLAIMS_AT] = [claims[i] for i in values[_CLAIMS_AT]]
                    out.append(Relation(*values))
    except (pickle.UnpicklingError, IndexError, TypeError, ValueError):
        received = -1
    finally:
        inp.close()  # first: a child still writing gets EPIPE instead of waiting for a reader
        _, status = os.waitpid(pid, 0)
    if status != 0 or received != len(first):
        out = [r for k in first for r in make(k)]
    out.extend(rest)
    return out


_BATCH_KEYS = 200


def _encode(key: str, relations: list[Relation], claims: list[Claim]) -> list[tuple]:
    """Relations as tuples of their fields, each claim as its place in ``claims`` (the key's list)."""
    at = {id(c): i for i, c in enumerate(claims)}
    out = []
    for r in relations:
        values = [getattr(r, name) for name in _FIELDS]
        values[_CLAIMS_AT] = [at[id(c)] for c in r.claims]
        out.append(tuple(values))
    return out
