"""``case.hint``: where the latest case entry is, so ``attempt add`` finds its defaults in O(1).

The hint is a cache: checked on every use (the line it points at must be a whole case entry
carrying the hinted hash), ignored when wrong, safe to delete; readers then search backwards.

A hinted case entry is trusted only when no case entry follows it (issue 11). Looking for one
in every byte after it would cost a scan of the whole journal when the profile was set long
ago, so ``attempts.hint`` vouches for a stretch: it names the latest case entry as of the
attempt line it points at (a :data:`CaseMark`), worked out under the lock by the ``attempt add``
that wrote that line. When both hints name the same entry, only the bytes after that attempt
line are searched (:func:`hinted_case_line`'s ``vouched``).
"""

from __future__ import annotations

import contextlib
import json
import mmap
import os
from pathlib import Path
from typing import Any

from rdvlog import disk
from rdvlog.errors import os_failure
from rdvlog.journal.files import line_at, read_store_file

CASE_HINT_NAME = "case.hint"


#: A hint is a few dozen bytes; a larger file is not one.
_MAX_HINT_BYTES = 512
#: Longer than any case entry (a few hundred bytes of bounded fields): not a hint's.
_MAX_CASE_LINE = 64 * 1024
_CASE_KIND = b'"kind":"case"'
_SCAN_CHUNK = 1024 * 1024


#: Where a case entry is: its line's offset and length in the journal, and its hash (a plain
#: tuple: nothing to define at import, which every ``attempt add`` pays for).
CaseMark = tuple[int, int, str]


def mark_json(mark: CaseMark) -> dict[str, Any]:
    """A :data:`CaseMark` as a hint file holds it."""
    offset, length, digest = mark
    return {"offset": offset, "length": length, "hash": digest}


def mark_from_json(content: object) -> CaseMark | None:
    """A :data:`CaseMark` from what a hint file holds, or ``None`` if it is not one."""
    if not isinstance(content, dict):
        return None
    offset, length, digest = content.get("offset"), content.get("length"), content.get("hash")
    if type(offset) is not int or type(length) is not int or type(digest) is not str:
        return None
    if offset < 0 or not 0 < length <= _MAX_CASE_LINE:
        return None
    return offset, length, digest


def hint_bytes(offset: int, line: bytes, digest: str) -> bytes:
    """The content of ``case.hint`` for a case entry written at ``offset``: a mark."""
    return json.dumps(mark_json((offset, len(line), digest))).encode()


def _read_hint(hint: Path, root: Path) -> CaseMark | None:
    try:
        content = json.loads(read_store_file(hint, root=root, max_bytes=_MAX_HINT_BYTES))
    except (OSError, ValueError, RecursionError):
        return None
    return mark_from_json(content)


def hinted_case_line(
    hint: Path,
    fd: int,
    size: int,
    *,
    root: Path,
    vouched: tuple[int, CaseMark] | None = None,
) -> bytes | None:
    """The line ``hint`` points at in the journal open as ``fd`` (``size`` bytes), if it is
    really the hinted case entry *and the latest one*; ``None`` otherwise.

    A hint left behind by a failed write (a double fault) can point at an older case entry,
    whole and with its right hash: it is trusted only when no case entry follows it, which
    only the bytes after it can tell. ``vouched`` is ``(end, mark)`` from a checked
    ``attempts.hint``: no case entry after ``mark`` up to byte ``end``. When ``mark`` is
    exactly what ``hint`` names, the search starts at ``end``; otherwise (another entry, or
    none) right after the hinted line, as without it.
    """
    found = _read_hint(hint, root)
    if found is None:
        return None
    offset, length, digest = found
    if offset + length > size:
        return None
    raw = line_at(fd, offset, length)
    if raw is None:
        return None
    try:
        obj = json.loads(raw)
    except (ValueError, RecursionError):
        return None
    if not isinstance(obj, dict) or obj.get("kind") != "case" or obj.get("hash") != digest:
        return None
    start = offset + length
    if vouched is not None:
        end, mark = vouched
        if mark == (offset, length, digest) and start <= end <= size:
            start = end
    if start < size and _later_case(fd, start, size):
        return None
    return raw


def _later_case(fd: int, start: int, size: int) -> bool:
    """Whether a case entry begins in the journal after byte ``start``: only the bytes after
    the hinted line are read (chunks overlapping by the pattern's length)."""
    overlap = len(_CASE_KIND) - 1
    while start < size:
        chunk = os.pread(fd, min(_SCAN_CHUNK, size - start), start)
        if not chunk:
            return False
        if _CASE_KIND in chunk:
            return True
        if start + len(chunk) >= size:
            return False
        start += max(1, len(chunk) - overlap)
    return False


class Unreadable(Exception):
    """A case entry begins in the searched bytes, but its line cannot be read as one."""


def last_case_mark(fd: int, start: int, end: int) -> CaseMark | None:
    """The last case entry whose line lies in bytes ``start``–``end`` of the journal open as
    ``fd``, searched backwards from ``end``: the cost is the bytes after that entry, or the
    whole stretch when there is none (``None``). ``start`` must begin a line.

    Raises :class:`Unreadable` when a line in the stretch looks like a case entry (the
    pattern begins in it) but is not a whole, parseable line: the caller then knows nothing.
    A line that parses and is another kind (the pattern nested in its data) is passed over.
    """
    overlap = len(_CASE_KIND) - 1
    stop = end
    while stop > start:
        begin = max(start, stop - _SCAN_CHUNK)
        chunk = os.pread(fd, stop - begin, begin)
        if len(chunk) != stop - begin:
            raise Unreadable
        found = chunk.rfind(_CASE_KIND)
        if found < 0:
            if begin == start:
                return None
            stop = min(stop - 1, begin + overlap)  # a match cut by ``begin`` is seen next
            continue
        offset, raw = _line_around(fd, begin + found, start, end)
        try:
            obj = json.loads(raw)
        except (ValueError, RecursionError):
            raise Unreadable from None
        if not isinstance(obj, dict):
            raise Unreadable
        if obj.get("kind") == "case":
            mark = mark_from_json({"offset": offset, "length": len(raw), "hash": obj.get("hash")})
            if mark is None:
                raise Unreadable
            return mark
        stop = offset  # another kind: the pattern was nested in its data
    return None


def _line_around(fd: int, position: int, start: int, end: int) -> tuple[int, bytes]:
    """The whole line (offset, bytes with its newline) around byte ``position``, within
    ``start``–``end`` and no longer than a case entry can be; :class:`Unreadable` if none."""
    low = max(start, position - _MAX_CASE_LINE)
    before = os.pread(fd, position - low, low)
    cut = before.rfind(b"\n")
    if cut < 0 and low != start:
        raise Unreadable  # no line begins within a case entry's length
    offset = low + cut + 1
    after = os.pread(fd, min(end, offset + _MAX_CASE_LINE) - position, position)
    newline = after.find(b"\n")
    if newline < 0:
        raise Unreadable
    raw = line_at(fd, offset, position + newline + 1 - offset)
    if raw is None:
        raise Unreadable
    return offset, raw


def search_case_line(fd: int, size: int) -> bytes | None:
    """The last line of the journal whose kind is ``case``, found by a backward search, with
    its newline (none when it is the torn end of the file).

    A quote inside a JSON string is escaped, so the pattern cannot match inside a note.
    """
    if size == 0:
        return None
    with mmap.mmap(fd, size, access=mmap.ACCESS_READ) as view:
        position = view.rfind(_CASE_KIND)
        if position < 0:
            return None
        start = view.rfind(b"\n", 0, position) + 1
        end = view.find(b"\n", position)
        return view[start : end + 1] if end >= 0 else view[start:]


def write_hint(hint: Path, content: bytes, *, root: Path) -> bytes | None:
    """Point ``hint`` at the case entry about to be written; return the old hint.

    Written durably before the entry: if the entry then fails to land, the hint points at
    nothing that carries its hash, and readers search instead.
    """
    try:
        previous: bytes | None = read_store_file(hint, root=root, max_bytes=_MAX_HINT_BYTES)
    except OSError:  # missing, or not a hint at all: nothing worth putting back
        previous = None
    if hint.is_dir() and not hint.is_symlink():
        return None  # a folder cannot be replaced by a file; readers ignore it and search
    temp = hint.with_name(f".{hint.name}.tmp")
    try:
        temp.unlink(missing_ok=True)  # whatever a crash or someone else left there
        disk.write_file(temp, content, exclusive=False)
        disk.replace(temp, hint)
        disk.sync_directory(hint.parent)
    except OSError as exc:
        temp.unlink(missing_ok=True)
        raise os_failure(exc, "writing the case profile") from None
    return previous


def restore_hint(hint: Path, previous: bytes | None) -> None:
    """Put the old hint back after a failed append (best effort: a wrong hint is only
    ignored, a missing one only slower)."""
    try:
        if previous is None:
            if not hint.is_dir() or hint.is_symlink():
                hint.unlink(missing_ok=True)
        else:
            temp = hint.with_name(f".{hint.name}.tmp")
            temp.unlink(missing_ok=True)
            disk.write_file(temp, previous, exclusive=True)
            temp.replace(hint)
    except OSError:
        with contextlib.suppress(OSError):
            hint.unlink(missing_ok=True)
