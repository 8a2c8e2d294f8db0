"""`briefcmp align --review` (the prompt loop, as git add -p) and `--accept/--reject ID` (for scripts).

In a terminal each answer is a single keypress (cbreak mode, restored after every key);
when stdin is not a terminal, answers are read a line at a time, as git does. End of input
is a quit: what was decided is kept, the rest stays undecided.
"""

from __future__ import annotations

import os
import re
import sys
from dataclasses import replace
from typing import Callable, List, Optional

import typer

from briefcmp.cli.app import EXIT_INPUT, fail, say

_KEY_ID = re.compile(r"[a-z0-9][a-z0-9._-]*")


def split_ids(values: Optional[List[str]]) -> list[str]:
    """``--accept a --accept b,c`` -> [a, b, c]."""
    return [v.strip() for value in values or () for v in value.split(",") if v.strip()]


def reloader(paths):
    """The corpus read again (after a decision wrote to it), quietly: its problems were noted once."""
    from briefcmp.cli.app import default_paths
    from briefcmp.corpus.cache import load_corpus

    return lambda: load_corpus(default_paths(paths)).corpus


def load_decisions(corpus):
    """The corpus's decisions file; its problems on stderr (located); exit 2 when it has errors."""
    from briefcmp.analysis.decisions import corpus_store
    from briefcmp.corpus.problems import sort_problems

    store = corpus_store(corpus)
    for p in sort_problems(store.problems):
        say(p.format())
    if store.errors:
        raise fail(f"{store.shown}: fix the decisions file (or delete the bad entries) and run align again")
    return store


def _echo(text: str = "", nl: bool = True) -> None:
    sys.stdout.write(text + ("\n" if nl else ""))
    sys.stdout.flush()


def _stdin_is_terminal() -> bool:
    try:
        return sys.stdin.isatty()
    except (AttributeError, ValueError):
        return False


def _read_key() -> Optional[str]:
    """One keypress in a terminal (echoed), else the first letter of a line; None at end of input."""
    if _stdin_is_terminal():
        try:
            import termios
            import tty
        except ImportError:  # pragma: no cover - Windows: the console's own single-key read
            try:
                import msvcrt
            except ImportError:
                pass
            else:
                ch = msvcrt.getwch()
                if ch in ("\x04", "\x1a"):
                    _echo()
                    return None
                _echo(ch if ch.isprintable() else "")
                return ch.lower()
        else:
            fd = sys.stdin.fileno()
            old = termios.tcgetattr(fd)
            try:
                tty.setcbreak(fd, termios.TCSANOW)  # not TCSAFLUSH: keys typed ahead are kept
                data = _one_key(fd)
            finally:
                termios.tcsetattr(fd, termios.TCSADRAIN, old)
            ch = data.decode("utf-8", "replace")[:1]
            if not data or ch == "\x04":
                _echo()
                return None
            _echo(ch if ch.isprintable() else "")
            return ch.lower()
    line = sys.stdin.readline()
    if not line:
        _echo()
        return None
    return line.strip()[:1].lower()


def _one_key(fd: int) -> bytes:
    """One key's bytes: a character (all its UTF-8 bytes), or an escape sequence (an arrow key) whole;
    the keys typed after it stay for the next read."""
    import select

    data = os.read(fd, 1)
    if data == b"\x1b":
        while select.select([fd], [], [], 0.02)[0]:
            data += os.read(fd, 1)
            if data[-1:].isalpha() or data[-1:] == b"~" or len(data) > 8:
                break
    elif data and data[0] >= 0xC0:
        for _ in range(3 if data[0] >= 0xF0 else 2 if data[0] >= 0xE0 else 1):
            data += os.read(fd, 1)
    return data


def _read_line(prompt: str) -> Optional[str]:
    """A line typed after ``prompt``; None at end of input. In a terminal, read from the descriptor (a
    line at a time: the terminal is in line mode here), so that no key typed after it is buffered away."""
    _echo(prompt, nl=False)
    if _stdin_is_terminal():
        data = os.read(sys.stdin.fileno(), 4096)
        return None if not data else data.decode("utf-8", "replace").rstrip("\r\n")
    line = sys.stdin.readline()
    return None if not line else line.rstrip("\r\n")


def _edit(session, group):
    """e: a new key's question and id, then claims' values, by line input (enter keeps each)."""
    from briefcmp.render.sanitize import terminal_safe

    if group.new:
        label = _read_line(terminal_safe(f"Question [{group.label}]: ", one_line=True))
        if label is None:
            return group
        # a new question names its key: "How many lawmakers voted to lift martial law?" -> lawmakers-voted-lift-...
        default = _key_from_question(label) or group.key
        key = (_read_line(terminal_safe(f"Key id [{default}]: ", one_line=True)) or "").strip() or default
        if key and not _KEY_ID.fullmatch(key):
            _echo(f"{terminal_safe(key, one_line=True)!r} is not a key id: lower-case letters, digits, '.', '_', '-'")
            key = ""
        known = session.reload().config.keys.get(key) if key and key != group.key else None
        if known is not None and known.unit and group.unit and known.unit != group.unit:
            _echo(terminal_safe(f"{key} is a registered key in {known.unit}, these claims are in {group.unit}: "
                                f"kept {group.key}", one_line=True))
            key = ""
        elif known is not None:  # an existing key typed: the claims join it (never a second key "KEY-2")
            _echo(terminal_safe(f"{key} is a registered key ({known.label}): these claims join it", one_line=True))
            return _edit_values(session, replace(group, key=key, label=known.label, new=False))
        group = replace(group, label=label.strip() or group.label, key=key or group.key)
    else:
        _echo(f"{group.key} is a registered key: its question is in briefcmp.yaml")
    return _edit_values(session, group)


def _key_from_question(question: str) -> str:
    """A key id from a question typed at ``e``: its words without the function words, at most six ("" for none)."""
    from briefcmp.corpus.functionwords import FUNCTION_WORDS

    words = re.findall(r"[^\W_]+", question.lower())
    if any(not re.fullmatch(r"[a-z0-9]+", w) for w in words):
        return ""  # a question in another script or with accents: the proposed key stays
    words = [w for w in words if (len(w) > 1 or w.isdigit()) and w not in FUNCTION_WORDS
             and w not in ("many", "much", "what", "which", "who", "whom", "whose")]
    return "-".join(words[:6])[:60].strip("-")


def _edit_values(session, group):
    """A claim's value typed as a person says it (a number, a date, a word), then its as-of (a date or
    START/END); enter keeps either. Each is written to the claims file at once."""
    from briefcmp.drafting.valueedit import ValueEditError, parse_as_of, parse_value, set_as_ofs, set_values
    from briefcmp.render.alignreview import numbered
    from briefcmp.render.sanitize import terminal_safe

    _echo(numbered(group), nl=False)
    while True:
        line = _read_line("Edit claim number (enter: done): ")
        if not line or not line.strip():
            return group
        if not re.fullmatch(r"[0-9]{1,6}", line.strip()) or not 1 <= int(line) <= len(group.members):
            _echo(f"a number from 1 to {len(group.members)}")
            continue
        n = int(line)
        claim = group.members[n - 1].claim
        if claim.value is None:
            _echo(f"{claim.ref} has no value")
            continue
        text = _read_line(terminal_safe(f"New value of {claim.ref} [{claim.value.display()}]: ", one_line=True))
        if text is None:
            return group
        try:
            if text.strip():
                session.written += set_values(session.reload(), {claim.ref: parse_value(claim.value, text)})
            shown = str(claim.as_of) if claim.as_of is not None else "none"
            when = _read_line(terminal_safe(f"As of [{shown}]: ", one_line=True))
            if when is not None and when.strip():
                period = parse_as_of(when)
                session.written += set_as_ofs(session.reload(), {claim.ref: period})
                # what a person typed is the period: accepting must not write align's reading over it
                group = replace(group, members=[replace(m, period=str(period), period_how="") if i == n - 1 else m
                                                for i, m in enumerate(group.members)])
        except ValueEditError as exc:
            _echo(terminal_safe(f"error: {exc}", one_line=True))
            continue
        finally:
            # the corpus as edited: the claims already under a key, shown beside a group joining it, included
            session.corpus = session.reload()
            fresh = {c.ref: c for b in session.corpus.briefs for c in b.claims}
            group = replace(group, members=[replace(m, claim=fresh.get(m.claim.ref, m.claim)) for m in group.members])
        c = group.members[n - 1].claim
        _echo(terminal_safe(f"{c.ref}: {c.value.display() if c.value else ''}"
                            f"{f', as of {c.as_of}' if c.as_of is not None else ''}", one_line=True))


def _split(session, group):
    """s: which claims go together; returns the parts to ask, or None when cancelled."""
    from briefcmp.analysis.decide import ReviewError, split
    from briefcmp.render.alignreview import numbered

    _echo(numbered(group), nl=False)
    line = _read_line("Claims to key together (numbers, e.g. 1 3; enter: cancel): ")
    if not line or not line.strip():
        return None
    try:
        picks = sorted({int(x) for x in re.split(r"[\s,]+", line.strip())})
    except ValueError:
        _echo("give the numbers of the claims, e.g. 1 3")
        return None
    if not picks or picks[0] < 1 or picks[-1] > len(group.members) or len(picks) == len(group.members):
        _echo(f"choose some of the claims 1-{len(group.members)}, not all")
        return None
    try:
        return split(session, group, [group.members[i - 1].claim.ref for i in picks])
    except ReviewError as exc:
        _echo(f"error: {exc}")
        return None


def interactive(session, skip_sure: bool = False, read_key: Callable[[], Optional[str]] = _read_key,
                again: Optional[Callable[[], object]] = None) -> int:
    """Ask about each proposal; returns the exit code (0; 2 when a decision could not be written; 130 on Ctrl-C).
    ``again``: a new session on the corpus as decided so far (align run again; with --apply, its sure groups
    written): once every proposal is answered, what the decisions made possible is asked too (``_next_round``)."""
    from briefcmp.render.alignreview import summary
    from briefcmp.render.layout import PLAIN_WIDTH
    from briefcmp.render.output import stdout_is_terminal, terminal_width

    queue = list(session.result.candidates if skip_sure else session.proposals)
    width = terminal_width() if stdout_is_terminal() else PLAIN_WIDTH
    if not queue:
        _echo("nothing to review: align proposes no group")
        return 0
    state = {"i": 0, "failed": 0}
    interrupted = False
    asked: set[str] = set()
    try:
        while True:
            before = session.decided
            _loop(session, queue, state, read_key, width)
            if state["i"] < len(queue) or again is None or session.decided == before:
                break  # (quit, or a round that decided nothing: the next reading would propose the same)
            fresh, more = _next_round(session, queue, asked, again, skip_sure)
            if not more:
                break
            session, queue, state["i"] = fresh, more, 0
    except KeyboardInterrupt:  # Ctrl-C: as q, what was decided stays
        interrupted = True
        _echo()
    i, failed = state["i"], state["failed"]
    left = len(queue) - i
    for p in dict.fromkeys(session.written):  # the files first, so the summary is the last thing shown
        say(f"updated {p}")
    _echo(summary(session.decided, left, session.store.shown, width), nl=False)
    return 130 if interrupted else EXIT_INPUT if failed else 0


def _next_round(session, queue: list, asked: set[str], again: Callable[[], object], skip_sure: bool):
    """The next round of a review, as ``--apply`` reads the corpus again after it wrote keys: align run on
    the corpus as decided (``again``), and the proposals no earlier round asked (a claim keyed lets another
    group form, or a candidate join its key). Returns the new session, carrying the decisions and the files
    written so far, and its queue."""
    from briefcmp.analysis.decide import pending
    from briefcmp.analysis.decisions import group_id

    asked.update(group_id(g) for g in queue)
    fresh = again()
    fresh.decided += session.decided
    fresh.written[:0] = session.written
    # (a candidate to join a key a person rejected is no question: pending leaves it out, as _loop would)
    more = [g for g in (fresh.result.candidates if skip_sure else fresh.proposals)
            if group_id(g) not in asked and pending(fresh, g) is not None]
    if more:
        _echo(f"{len(more)} more proposal{'s' * (len(more) != 1)}, made possible by the decisions so far:")
    return fresh, more


def _loop(session, queue: list, state: dict, read_key, width: int) -> None:
    """Ask about queue[state["i"]] and on; ``state`` keeps the position and failures (read after Ctrl-C)."""
    from briefcmp.analysis.decide import ReviewError, accept, pending, reject
    from briefcmp.render.alignreview import help_text, prompt, view
    from briefcmp.render.sanitize import terminal_safe

    shown = -1
    while state["i"] < len(queue):
        i = state["i"]
        g = pending(session, queue[i])
        if g is None:  # its claims were keyed with another group meanwhile
            del queue[i]
            continue
        queue[i] = g
        if shown != i:
            _echo(view(g, width, _under(session, g)), nl=False)
            shown = i
        _echo(prompt(i + 1, len(queue), g), nl=False)
        key = read_key()
        if key is None or key == "q":
            break
        if key == "y":
            try:
                done = accept(session, g)
                _echo(terminal_safe(f"keyed {len(done.members)} claim{'s' * (len(done.members) != 1)} "
                                    f"as {done.key}", one_line=True))
            except ReviewError as exc:
                _echo(f"error: {terminal_safe(str(exc), one_line=True)} (left undecided)")
                state["failed"] += 1
            state["i"] += 1
        elif key == "n":
            try:
                reject(session, g)
            except ReviewError as exc:
                _echo(f"error: {terminal_safe(str(exc), one_line=True)}")
                state["failed"] += 1
            state["i"] += 1
        elif key == "e":
            queue[i] = _edit(session, g)
            shown = -1
        elif key == "s":
            if len(g.members) < 2:
                _echo("one claim: nothing to split; y or n")
                continue
            parts = _split(session, g)
            if parts is not None:
                queue[i:i + 1] = parts
                shown = -1
                if not parts:
                    _echo("split: no part holds two claims; recorded as apart")
        elif key == "":
            continue
        else:
            _echo(help_text(width), nl=False)


def _under(session, group) -> list:
    """The claims already under the key ``group`` joins (none for a new key), as the corpus read them."""
    if group.new:
        return []
    refs = set(session.under.get(group.key, ())) - {m.claim.ref for m in group.members}
    if refs & session.keyed.keys() and session.read_at != session.decided:
        # claims keyed in this review: shown as keying wrote them (their as-of), not as the round began
        session.corpus, session.read_at = session.reload(), session.decided
    periods = {m.period for m in group.members if m.period}
    under = [c for b in session.corpus.briefs for c in b.claims if c.ref in refs]
    return sorted(under, key=lambda c: str(c.as_of or "") not in periods)  # those of the joining claims' period first


def decide_ids(session, accept_ids: list[str], reject_ids: list[str], skip_sure: bool = False) -> int:
    """--accept and --reject: every id must name a proposal (or a decided group); exit 2 with did-you-mean if not."""
    from briefcmp.analysis.decide import ReviewError, accept, reject
    from briefcmp.analysis.decisions import find, group_id, reduce
    from briefcmp.corpus.problems import suggest
    from briefcmp.render.sanitize import terminal_safe

    both = set(accept_ids) & set(reject_ids)
    if both:
        raise fail(f"{', '.join(sorted(both))}: given to both --accept and --reject")
    pool = list(session.result.candidates if skip_sure else session.proposals)
    # and the groups `align` lists, whose ids a person read there (as long as no decision changed them)
    asked = {group_id(g) for g in pool}
    pool += [g for g in session.listed if group_id(g) not in asked and not (skip_sure and g.sure)
             and reduce(g, session.store, session.under) is g]
    earlier = session.store.last()
    known = [group_id(g) for g in pool]
    actions = []
    bad = []
    for verb, ids in (("accept", accept_ids), ("reject", reject_ids)):
        found, unknown = find(ids, pool)
        for u in unknown:
            d = earlier.get(u)
            if d is not None and d.decision == verb:
                say(f"{u}: already {verb}ed ({session.store.shown}:{d.line})")
                continue
            again, _ = find([u], [*session.raw.groups, *session.raw.candidates]) if d is not None else ([], [])
            if again:  # decided otherwise before: the later decision counts
                actions.append((verb, again[0]))
                continue
            bad.append(u)
        actions += [(verb, g) for g in found]
    for u in bad:
        say(f"briefcmp: error: no proposal has the id {u}{suggest(u, known + list(earlier))} (align lists the ids)")
    if bad:
        raise typer.Exit(EXIT_INPUT)
    failed = 0
    for verb, g in actions:
        try:
            if verb == "accept":
                done = accept(session, g)
                typer.echo(terminal_safe(f"accepted {group_id(g)}: keyed {len(done.members)} claims as {done.key}",
                                         one_line=True))
            else:
                reject(session, g)
                typer.echo(f"rejected {group_id(g)}: not proposed again")
        except ReviewError as exc:
            say(f"briefcmp: error: {group_id(g)}: {exc}")
            failed += 1
    left = len(pool) - len(actions)
    for p in dict.fromkeys(session.written):
        say(f"updated {p}")
    typer.echo(f"{left} proposal{'s' * (left != 1)} left undecided")
    return EXIT_INPUT if failed else 0
