"""The append machinery under :class:`~rdvlog.journal.store.Journal`: the next entry's
envelope, one durable write of its line (cut back on failure), the last entry read from the end
of the file, and the copies of attached files into the evidence folder.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rdvlog import disk
from rdvlog.errors import StoreError, os_failure
from rdvlog.journal import reading
from rdvlog.journal.codec import LineError, entry_hash, parse_line
from rdvlog.labels.problems import os_reason
from rdvlog.models import (
    FORMAT_VERSION,
    KINDS,
    ZERO_HASH,
    Attempt,
    CaseDocument,
    Entry,
    Payload,
    dump_payload,
)
from rdvlog.timestamps import Clock, utc_stamp

if TYPE_CHECKING:
    from rdvlog.evidence import Source

_TAIL_CHUNK = 64 * 1024


def envelope(payload: Payload, last: Entry | None, clock: Clock) -> dict[str, Any]:
    """The next entry, as written: chained to ``last``, stamped by ``clock`` and hashed."""
    envelope: dict[str, Any] = {
        "v": FORMAT_VERSION,
        "seq": last.seq + 1 if last else 1,
        "kind": KINDS[type(payload)],
        "recorded_at": utc_stamp(clock()),
        "prev": last.hash if last else ZERO_HASH,
        "data": dump_payload(payload),
    }
    envelope["hash"] = entry_hash(envelope)
    return envelope


def write_all(fd: int, line: bytes, size: int, created: list[Path], path: Path) -> None:
    """One write of the whole line; on any failure, cut the file back to ``size``.

    If even that fails, the line (whole or torn) may stay in the journal, so the files it
    points to are kept: ``created`` is emptied and the error says to verify.
    """
    try:
        written = disk.write(fd, line)
        if written != len(line):
            raise OSError(errno.ENOSPC, "short write", str(path))
        disk.fsync(fd)
    except OSError as exc:
        try:
            disk.truncate(fd, size)
            disk.fsync(fd)
        except OSError:
            created.clear()
            reason = os_reason(exc.errno, os.strerror(exc.errno) if exc.errno else str(exc))
            raise StoreError(key="error.store.uncut", reason=reason) from None
        raise os_failure(exc, "writing the journal") from None


def tail_entry(fd: int, size: int, path: Path) -> Entry | None:
    """The last entry, reading only the end of the file; a torn tail is refused."""
    if size == 0:
        return None
    raw = read_last_line(fd, size)
    if not raw.endswith(b"\n"):
        raise reading.torn_tail(path)
    try:
        return parse_line(raw[:-1])[1]
    except LineError as exc:
        if exc.newer:
            raise reading.newer_entry(path, exc) from None
        raise reading.torn_tail(path) from None


def read_last_line(fd: int, size: int) -> bytes:
    """The bytes after the second-to-last newline: the last line, with its newline if any."""
    end = size
    tail = b""
    while end > 0:
        start = max(0, end - _TAIL_CHUNK)
        tail = os.pread(fd, end - start, start) + tail
        end = start
        cut = tail.rfind(b"\n", 0, len(tail) - 1)
        if cut >= 0:
            return tail[cut + 1 :]
    return tail


def copy_evidence(
    payload: Payload, sources: Sequence[Source], evidence_dir: Path, created: list[Path]
) -> Payload:
    """``payload`` with copies of ``sources`` in ``evidence_dir`` added to its evidence;
    ``created`` gets every file and folder made."""
    if not isinstance(payload, Attempt | CaseDocument):
        raise TypeError("only attempts and case documents carry evidence")
    if not evidence_dir.is_dir():
        try:
            evidence_dir.mkdir(mode=0o700)
            evidence_dir.chmod(0o700)  # mkdir's mode is filtered by the umask
        except OSError as exc:
            raise os_failure(exc, "creating the evidence folder") from None
        created.append(evidence_dir)
    # Imported here: an attempt without files needs none of the copying machinery
    # (tempfile and its imports), and `attempt add` pays for every module (DESIGN.md §6).
    from rdvlog.evidence import ingest, remove_stale_copies

    remove_stale_copies(evidence_dir)
    records = []
    for source in sources:
        evidence, new_paths = ingest(source, evidence_dir)
        created.extend(new_paths)
        records.append(evidence)
    return payload.model_copy(update={"evidence": (*payload.evidence, *records)})
