"""``attempts.hint``: how many attempt entries the journal holds, so ``attempt add`` can print
the new attempt's number without reading the journal (DESIGN.md §3, §6).

An attempt's number is one more than the attempt entries before it. The hint records that
count up to one entry (its offset, length, seq and hash); a reader checks that the line is
really there with that hash, then counts the attempt lines written after it (entries added by
``case set`` or ``void`` do not move the hint). Like ``case.hint`` it is a cache: checked on
every use, never trusted when wrong, safe to delete; without it the journal is counted once.

It also says which case entry was the latest as of that line (``case``: its offset, length
and hash, or ``null`` when there was none), so that ``attempt add`` can trust ``case.hint``
after searching only the bytes written since (see :mod:`.hint`). The writer works it out under
the lock, from the previous hint's ``case`` and the bytes after the previous hinted line, so
the claim is about a stretch of the journal that only grows. A hint without the key (from an
older rdvlog) or with a malformed one says nothing about the case: the next ``attempt add``
searches backwards once and writes it. An older rdvlog ignores the key.
"""

from __future__ import annotations

import contextlib
import json
import os
from pathlib import Path

from rdvlog.journal.files import line_at, read_store_file
from rdvlog.journal.hint import CaseMark, Unreadable, last_case_mark, mark_from_json, mark_json

COUNT_HINT_NAME = "attempts.hint"
#: The envelope of an attempt line as written (DESIGN.md §3, line form). A quote inside a JSON
#: string is escaped, so the pattern cannot match inside a note or a message.
ATTEMPT_LINE = b',"kind":"attempt","recorded_at":'
_CHUNK = 1 << 20
#: What an older rdvlog reads at most (its hint reader's bound): the hint must stay below it.
MAX_HINT_BYTES = 512


class Tally:
    """What ``attempt add`` finds under the lock before appending at byte ``size``: the attempt
    entries before it, and the latest case entry (``None``: there is none) if ``case_known``.

    A plain class, cheaper to define at import than a NamedTuple (docs/DEVELOPERS.md)."""

    __slots__ = ("attempts", "case", "case_known", "size")

    def __init__(self, size: int, attempts: int, case: CaseMark | None, case_known: bool) -> None:
        self.size = size
        self.attempts = attempts
        self.case = case
        self.case_known = case_known


#: What a right hint says: the end of its line, the attempt entries up to it, the latest case
#: entry up to it, and whether the hint says so (a hint without ``case`` does not).
_Hinted = tuple[int, int, CaseMark | None, bool]
_NOTHING_BEFORE: _Hinted = (0, 0, None, True)  # nothing is known before byte 0, so no case


def hint_path(root: Path) -> Path:
    return root / COUNT_HINT_NAME


def count_attempts(fd: int, start: int = 0, end: int | None = None) -> int:
    """Attempt lines in bytes ``start``–``end`` of the journal open as ``fd``, chunk by chunk."""
    end = os.fstat(fd).st_size if end is None else end
    found = 0
    carry = b""
    position = start
    while position < end:
        chunk = carry + os.pread(fd, min(_CHUNK, end - position), position)
        if len(chunk) == len(carry):
            break
        position += len(chunk) - len(carry)
        found += chunk.count(ATTEMPT_LINE)
        # Keep a pattern's length minus one: a match cut by the chunk's end is counted next.
        carry = chunk[-(len(ATTEMPT_LINE) - 1) :]
    return found


def _hinted(hint: Path, fd: int, size: int) -> _Hinted | None:
    """What the hint says, when the line it points at is really there, else ``None``."""
    try:
        content = json.loads(read_store_file(hint, root=hint.parent, max_bytes=MAX_HINT_BYTES))
        offset, length = content["offset"], content["length"]
        seq, digest, attempts = content["seq"], content["hash"], content["attempts"]
    except (OSError, ValueError, TypeError, KeyError, RecursionError):
        return None
    numbers = (offset, length, seq, attempts)
    if not all(isinstance(n, int) and not isinstance(n, bool) for n in numbers):
        return None
    if offset < 0 or length < 2 or attempts < 0 or offset + length > size:
        return None
    raw = line_at(fd, offset, length)
    if raw is None:
        return None
    try:
        obj = json.loads(raw)
    except (ValueError, RecursionError):
        return None
    if not isinstance(obj, dict) or obj.get("seq") != seq or obj.get("hash") != digest:
        return None
    end = offset + length
    case, known = _case_of(content, end)
    return end, attempts, case, known


def _case_of(content: dict[str, object], end: int) -> tuple[CaseMark | None, bool]:
    """The hint's ``case``: ``(mark, True)``, ``(None, True)`` for ``null``, and
    ``(None, False)`` when it is missing or not a case entry wholly before byte ``end``."""
    if "case" not in content:
        return None, False
    if content["case"] is None:
        return None, True
    mark = mark_from_json(content["case"])
    if mark is None or mark[0] + mark[1] > end:
        return None, False
    return mark, True


def tally(journal: Path, hint: Path) -> Tally:
    """The attempt entries in ``journal`` and its latest case entry, from the hint and the
    bytes after its line, or from the whole journal when the hint is missing or wrong (once).
    Call it with the lock held: the answer is about the journal as it is then."""
    try:
        fd = os.open(journal, os.O_RDONLY)
    except FileNotFoundError:
        return Tally(0, 0, None, True)
    try:
        size = os.fstat(fd).st_size
        end, attempts, case, case_known = _hinted(hint, fd, size) or _NOTHING_BEFORE
        attempts += count_attempts(fd, end, size)
        case, case_known = _latest_case(fd, end, case, case_known, size)
        return Tally(size, attempts, case, case_known)
    finally:
        os.close(fd)


def _latest_case(
    fd: int, end: int, case: CaseMark | None, case_known: bool, size: int
) -> tuple[CaseMark | None, bool]:
    """The latest case entry up to ``size``: the last one after the hinted line (which ends
    at ``end``), else ``case``, the one the hint names; searched backwards from the hinted
    line when the hint says nothing (``case_known`` false)."""
    try:
        found = last_case_mark(fd, end, size)
        if found is not None or case_known:
            return found or case, True
        return last_case_mark(fd, 0, end), True
    except Unreadable:
        return None, False


def attempts_in(journal: Path, hint: Path) -> int:
    """How many attempt entries ``journal`` holds (see :func:`tally`)."""
    return tally(journal, hint).attempts


def vouched_case(hint: Path, fd: int, size: int) -> tuple[int, CaseMark] | None:
    """``(end, mark)`` when the hint is right and names ``mark`` as the latest case entry up
    to byte ``end`` of the journal open as ``fd`` (see :func:`.hint.hinted_case_line`)."""
    known = _hinted(hint, fd, size)
    if known is None or known[2] is None:
        return None
    return known[0], known[2]


def remember(
    hint: Path,
    *,
    offset: int,
    length: int,
    seq: int,
    digest: str,
    attempts: int,
    case: CaseMark | None = None,
    case_known: bool = False,
) -> None:
    """Point the hint at the entry ``seq`` (``length`` bytes at ``offset``), with the number
    of attempt entries up to and including it, and, if ``case_known``, the latest case entry
    up to it (``case``, ``None`` when there is none; otherwise the key is left out). Best
    effort: a hint that is not written, or is overwritten by an older one, is only a longer
    count next time."""
    fields: dict[str, object] = {
        "offset": offset,
        "length": length,
        "seq": seq,
        "hash": digest,
        "attempts": attempts,
    }
    if case_known:
        fields["case"] = None if case is None else mark_json(case)
    content = json.dumps(fields).encode()
    temp = hint.with_name(f".{hint.name}.{os.getpid()}.tmp")
    try:
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        try:
            os.write(fd, content)
        finally:
            os.close(fd)
        os.replace(temp, hint)
    except OSError:
        with contextlib.suppress(OSError):
            temp.unlink(missing_ok=True)
