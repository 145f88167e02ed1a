"""``case.hint``: where the latest case entry is, so ``attempt add`` finds its defaults in O(1).

The hint is a cache: checked on every use (the line it points at must be a whole case entry
carrying the hinted hash), ignored when wrong, safe to delete; readers then search backwards.
"""

from __future__ import annotations

import json
import mmap
import os
from pathlib import Path

from rdvlog import disk
from rdvlog.errors import os_failure

CASE_HINT_NAME = "case.hint"


def hint_bytes(offset: int, line: bytes, digest: str) -> bytes:
    """The content of ``case.hint`` for a case entry written at ``offset``."""
    return json.dumps({"offset": offset, "length": len(line), "hash": digest}).encode()


def hinted_case_line(hint: Path, fd: int) -> bytes | None:
    """The line ``hint`` points at in the journal open as ``fd``, if it is really the hinted
    case entry; ``None`` otherwise."""
    try:
        content = json.loads(hint.read_bytes())
        offset, length, digest = content["offset"], content["length"], content["hash"]
    except (OSError, ValueError, TypeError, KeyError):
        return None
    if not (isinstance(offset, int) and isinstance(length, int) and offset >= 0):
        return None
    raw = os.pread(fd, length, offset)
    if len(raw) != length or not raw.endswith(b"\n") or b"\n" in raw[:-1]:
        return None
    if offset > 0 and os.pread(fd, 1, offset - 1) != b"\n":
        return None
    try:
        obj = json.loads(raw)
    except ValueError:
        return None
    if not isinstance(obj, dict) or obj.get("kind") != "case" or obj.get("hash") != digest:
        return None
    return raw


def search_case_line(fd: int) -> bytes | None:
    """The last line of the journal whose kind is ``case``, found by a backward search, with
    its newline (none when it is the torn end of the file).

    A quote inside a JSON string is escaped, so the pattern cannot match inside a note.
    """
    if os.fstat(fd).st_size == 0:
        return None
    with mmap.mmap(fd, 0, access=mmap.ACCESS_READ) as view:
        position = view.rfind(b'"kind":"case"')
        if position < 0:
            return None
        start = view.rfind(b"\n", 0, position) + 1
        end = view.find(b"\n", position)
        return view[start : end + 1] if end >= 0 else view[start:]


def write_hint(hint: Path, content: bytes) -> bytes | None:
    """Point ``hint`` at the case entry about to be written; return the old hint.

    Written durably before the entry: if the entry then fails to land, the hint points at
    nothing that carries its hash, and readers search instead.
    """
    previous = hint.read_bytes() if hint.exists() else None
    temp = hint.with_name(f".{hint.name}.tmp")
    try:
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
            hint.unlink(missing_ok=True)
        else:
            temp = hint.with_name(f".{hint.name}.tmp")
            disk.write_file(temp, previous, exclusive=False)  # 0600 whatever the umask
            temp.replace(hint)
    except OSError:
        hint.unlink(missing_ok=True)
