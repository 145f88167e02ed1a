"""``attempts.hint``: how many attempt entries the journal holds, so ``attempt add`` can print
the new attempt's number without reading the journal (DESIGN.md §3, §6).

An attempt's number is one more than the attempt entries before it. The hint records that
count up to one entry (its offset, length, seq and hash); a reader checks that the line is
really there with that hash, then counts the attempt lines written after it (entries added by
``case set`` or ``void`` do not move the hint). Like ``case.hint`` it is a cache: checked on
every use, never trusted when wrong, safe to delete; without it the journal is counted once.
"""

from __future__ import annotations

import contextlib
import json
import os
from pathlib import Path

from rdvlog.journal.files import line_at, read_store_file

COUNT_HINT_NAME = "attempts.hint"
#: The envelope of an attempt line as written (DESIGN.md §3, line form). A quote inside a JSON
#: string is escaped, so the pattern cannot match inside a note or a message.
ATTEMPT_LINE = b',"kind":"attempt","recorded_at":'
_CHUNK = 1 << 20


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


def _hinted(hint: Path, fd: int, size: int) -> tuple[int, int] | None:
    """``(end of the hinted line, attempts up to it)`` when the hint is right, else ``None``."""
    try:
        content = json.loads(read_store_file(hint, root=hint.parent, max_bytes=512))
        offset, length = content["offset"], content["length"]
        seq, digest, attempts = content["seq"], content["hash"], content["attempts"]
    except (OSError, ValueError, TypeError, KeyError):
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
    except ValueError:
        return None
    if not isinstance(obj, dict) or obj.get("seq") != seq or obj.get("hash") != digest:
        return None
    return offset + length, attempts


def attempts_in(journal: Path, hint: Path) -> int:
    """How many attempt entries ``journal`` holds: from the hint and the lines after it, or
    counted in full when the hint is missing or wrong. Call it with the lock held."""
    try:
        fd = os.open(journal, os.O_RDONLY)
    except FileNotFoundError:
        return 0
    try:
        size = os.fstat(fd).st_size
        known = _hinted(hint, fd, size)
        if known is None:
            return count_attempts(fd, 0, size)
        end, attempts = known
        return attempts + count_attempts(fd, end, size)
    finally:
        os.close(fd)


def remember(hint: Path, *, offset: int, length: int, seq: int, digest: str, attempts: int) -> None:
    """Point the hint at the entry ``seq`` (``length`` bytes at ``offset``), with the number
    of attempt entries up to and including it. Best effort: a hint that is not written, or is
    overwritten by an older one, is only a longer count next time."""
    content = json.dumps(
        {"offset": offset, "length": length, "seq": seq, "hash": digest, "attempts": attempts}
    ).encode()
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
