"""``rdvlog repair``: move a torn last line to ``quarantine/`` and record the repair.

A torn line is only what a crash leaves: bytes after the last newline. A complete line that
does not read (a changed byte, a bad field) cannot come from a crash, since rdvlog writes a
whole line, newline included, in one write: it is damage, and repair refuses it.

The repaired journal is written beside the old one and renamed over it, so a repair that
fails at any step (a full disk, say) leaves the journal byte for byte as it was, and no
quarantine file either.
"""

from __future__ import annotations

import errno
import hashlib
import os
from pathlib import Path
from typing import TYPE_CHECKING

from rdvlog import disk
from rdvlog.errors import JournalDamaged, Phrase, StoreError
from rdvlog.journal.append import envelope as next_envelope
from rdvlog.journal.audit import first_break
from rdvlog.journal.codec import LineError, encode_line, parse_line, split_lines
from rdvlog.journal.files import MAX_JOURNAL_BYTES, read_store_file
from rdvlog.journal.reading import newer_entry
from rdvlog.labels.problems import break_phrase, os_reason
from rdvlog.models import Entry, Repair
from rdvlog.timestamps import utc_stamp

if TYPE_CHECKING:  # the facade calls this module; the type is only for the signature
    from rdvlog.journal.store import Journal

_TEMP_NAME = ".journal.repair.tmp"


def repair(journal: Journal) -> Entry | None:
    """Quarantine a torn last line and record the repair; refuse any other damage.

    Returns the ``repair`` entry, or ``None`` when the journal is whole. Damage elsewhere is
    reported even without a torn line: "nothing to repair" must mean the chain is sound.
    """
    if not journal.exists():
        return None
    with journal.locked():
        try:
            data = read_store_file(journal.path, root=journal.root, max_bytes=MAX_JOURNAL_BYTES)
        except OSError as exc:
            raise _failed(exc, "reading the journal") from None
        lines, torn = split_lines(data)
        keep = len(data) - len(torn)
        last: Entry | None = None
        if lines:
            try:
                last = parse_line(lines.last)[1]
            except LineError as exc:
                if exc.newer:
                    raise newer_entry(journal.path, exc) from None
        _refuse_other_damage(data[:keep])
        if not torn:
            return None
        digest = hashlib.sha256(torn).hexdigest()
        record = Repair(
            file=f"{journal.quarantine_dir.name}/{_quarantine_name(journal, digest)}",
            bytes=len(torn),
            sha256=digest,
        )
        envelope = next_envelope(record, last, journal.clock)
        entry = Entry.model_validate(envelope)
        created: list[Path] = []
        try:
            _quarantine(journal, record, torn, created)
            _replace_journal(journal, data, data[:keep] + encode_line(envelope), created)
        except OSError as exc:
            disk.remove_created(created)
            raise _failed(exc, "repairing the journal") from None
        except BaseException:
            disk.remove_created(created)
            raise
        return entry


def _failed(exc: OSError, doing: str) -> StoreError:
    if exc.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
        return StoreError(key="error.repair.no_space", doing=Phrase(f"doing.{doing}"))
    reason = os_reason(exc.errno, os.strerror(exc.errno) if exc.errno else str(exc))
    return StoreError(key="error.repair.failed", doing=Phrase(f"doing.{doing}"), reason=reason)


def _refuse_other_damage(kept: bytes) -> None:
    problem = first_break(kept)
    if problem is not None:
        raise JournalDamaged(key="error.repair.not_torn", problem=break_phrase(problem))


def _quarantine_name(journal: Journal, digest: str) -> str:
    stamp = utc_stamp(journal.clock()).replace(":", "").replace("-", "").replace(".", "")
    return f"journal-{stamp}-{digest[:12]}.torn"


def _quarantine(journal: Journal, record: Repair, torn: bytes, created: list[Path]) -> None:
    """Save the torn bytes in ``quarantine/``; ``created`` gets what was made for that."""
    folder = journal.quarantine_dir
    if not folder.is_dir():
        folder.mkdir(mode=0o700)
        created.append(folder)
        folder.chmod(0o700)
    path = journal.root / record.file
    disk.write_file(path, torn, exclusive=True)
    created.append(path)
    disk.sync_directory(folder)


def _replace_journal(journal: Journal, old: bytes, new: bytes, created: list[Path]) -> None:
    """Write the repaired journal beside the old one, then rename it over it.

    Until the rename, the old journal is untouched; if making the rename durable fails, the
    old bytes are put back the same way.
    """
    _swap_in(journal, new)
    try:
        disk.sync_directory(journal.root)
    except OSError as exc:
        try:
            _swap_in(journal, old)
        except OSError:
            # The repaired journal stays, and so must the quarantine file it names.
            created.clear()
            reason = os_reason(exc.errno, os.strerror(exc.errno) if exc.errno else str(exc))
            raise StoreError(key="error.repair.not_durable", reason=reason) from None
        raise


def _swap_in(journal: Journal, content: bytes) -> None:
    temp = journal.root / _TEMP_NAME
    temp.unlink(missing_ok=True)
    disk.write_file(temp, content, exclusive=True)
    try:
        os.chmod(temp, 0o600)
        disk.replace(temp, journal.path)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
