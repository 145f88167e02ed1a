"""``rdvlog repair``: move a torn last line to ``quarantine/`` and record the repair."""

from __future__ import annotations

import errno
import hashlib
import os
from pathlib import Path
from typing import TYPE_CHECKING

from rdvlog import disk
from rdvlog.errors import JournalDamaged, os_failure
from rdvlog.journal.audit import first_break
from rdvlog.journal.codec import LineError, parse_line, split_lines
from rdvlog.journal.reading import newer_entry
from rdvlog.models import Entry, Repair
from rdvlog.timestamps import utc_stamp

if TYPE_CHECKING:  # the facade calls this module; the type is only for the signature
    from rdvlog.journal.store import Journal


def repair(journal: Journal) -> Entry | None:
    """Quarantine a torn last line and record the repair; refuse any other damage.

    Returns the ``repair`` entry, or ``None`` when the journal is whole. Damage elsewhere is
    reported even without a torn line: "nothing to repair" must mean the chain is sound.
    """
    if not journal.exists():
        return None
    with journal.locked():
        data = journal.path.read_bytes()
        lines, rest = split_lines(data)
        keep = len(data) - len(rest)
        if not rest and lines:
            try:
                parse_line(lines.last)
            except LineError as exc:
                if exc.newer:
                    raise newer_entry(journal.path, exc) from None
                keep = len(data) - len(lines.last) - 1
        _refuse_other_damage(data[:keep])
        if keep == len(data):
            return None
        torn = data[keep:]
        created: list[Path] = []
        name = _quarantine(journal, torn, created)
        digest = hashlib.sha256(torn).hexdigest()
        record = Repair(
            file=f"{journal.quarantine_dir.name}/{name}", bytes=len(torn), sha256=digest
        )
        try:
            with journal.path.open("r+b") as handle:
                disk.truncate(handle.fileno(), keep)
                disk.fsync(handle.fileno())
            return journal.append_locked(record, (), [])
        except OSError as exc:
            _put_back(journal.path, torn, keep, created)
            raise os_failure(exc, "truncating the journal") from None
        except BaseException:
            _put_back(journal.path, torn, keep, created)
            raise


def _refuse_other_damage(kept: bytes) -> None:
    problem = first_break(kept)
    if problem is not None:
        raise JournalDamaged(key="error.repair.not_torn", problem=problem.describe())


def _put_back(path: Path, torn: bytes, keep: int, created: list[Path]) -> None:
    """Undo a failed repair: the torn bytes back at the end, the quarantine copy removed.

    If the bytes cannot be put back, the quarantine copy is kept: it is then the only one.
    """
    try:
        with path.open("r+b") as handle:
            fd = handle.fileno()
            if os.fstat(fd).st_size != keep + len(torn):
                disk.truncate(fd, keep)
                os.lseek(fd, keep, os.SEEK_SET)
                if disk.write(fd, torn) != len(torn):
                    raise OSError(errno.ENOSPC, "short write")
                disk.fsync(fd)
    except OSError:
        return
    disk.remove_created(created)


def _quarantine(journal: Journal, torn: bytes, created: list[Path]) -> str:
    """Save the torn bytes in ``quarantine/``; ``created`` gets what was made for that."""
    digest = hashlib.sha256(torn).hexdigest()
    stamp = utc_stamp(journal.clock()).replace(":", "").replace("-", "").replace(".", "")
    name = f"journal-{stamp}-{digest[:12]}.torn"
    folder = journal.quarantine_dir
    try:
        if not folder.is_dir():
            folder.mkdir(mode=0o700)
            folder.chmod(0o700)  # mkdir's mode is filtered by the umask
            created.append(folder)
        disk.write_file(folder / name, torn, exclusive=True)
        created.append(folder / name)
        disk.sync_directory(folder)
    except OSError as exc:
        disk.remove_created(created)
        raise os_failure(exc, "saving the torn line to quarantine") from None
    return name
