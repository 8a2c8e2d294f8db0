"""A long report's record texts made on two processes, in order.

``texts(items, make)`` gives ``make(item)`` for every item, in order. For many items, a
forked child (sharing the analysis, nothing copied) makes the texts of the second half
into an unlinked temporary file while this process makes and hands out the first half;
the child's texts follow from the file. The file, not a pipe: a pipe would stop the child
as soon as it filled, long before the first half is written out. Memory does not grow
with the report either way. A child that fails means its half is made here; a reader that
stops early ends the child.
"""

from __future__ import annotations

import os
import struct
from typing import Callable, Iterator, Sequence, TypeVar

T = TypeVar("T")

# Records from which a second process pays off (forking and reading the texts back cost
# about as much as making a few thousand records).
PARALLEL_ITEMS = 5_000

_LEN = struct.Struct("<I")


def texts(items: Sequence[T], make: Callable[[T], str]) -> Iterator[str]:
    """``make(item)`` for each item, in order; the second half made by a forked child when there are many."""
    from briefcmp.corpus.load import jobs

    if len(items) < PARALLEL_ITEMS or jobs() < 2:  # jobs() is 1 where fork is missing or unsafe
        yield from map(make, items)
        return
    import tempfile

    split = len(items) // 2
    try:
        spool = tempfile.TemporaryFile()
        pid = os.fork()
    except OSError:
        yield from map(make, items)
        return
    if pid == 0:  # the child: the second half's texts, length-prefixed UTF-8, then leave without cleanup
        code = 1
        try:
            pack = _LEN.pack
            for item in items[split:]:
                data = make(item).encode("utf-8", "surrogatepass")
                spool.write(pack(len(data)) + data)
            spool.flush()
            code = 0
        finally:
            os._exit(code)  # never runs the parent's exit handlers or flushes its buffers
    done = False
    try:
        yield from map(make, items[:split])
        _, status = os.waitpid(pid, 0)
        done = True
        if status != 0:
            yield from map(make, items[split:])
            return
        spool.seek(0)
        for _ in range(len(items) - split):
            (n,) = _LEN.unpack(spool.read(_LEN.size))
            yield spool.read(n).decode("utf-8", "surrogatepass")
    finally:
        if not done:  # the reader stopped early (or failed): the child's work is not wanted
            try:
                os.kill(pid, 9)
            except OSError:
                pass
            os.waitpid(pid, 0)
        spool.close()
