"""Files written for the user (reports, bundles): atomically, and never inside the store."""

from __future__ import annotations

import os
import stat
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from rdvlog import disk
from rdvlog.errors import UsageError, os_failure


def check_target(target: Path, *, store: Path, force: bool = True, directory: bool = False) -> Path:
    """The checked path of an output file (or, with ``directory``, an output folder).

    Refused: anything that is, or is inside, the store — compared by file identity (device
    and inode), so that no symlink, hard link, bind mount or other alias of the journal or of
    the store can be written over (issue #11) —; a directory where a file is wanted, a file
    where a directory is wanted; without ``force``, an existing file (or non-empty folder).
    Every command that writes for the user calls this first.
    """
    resolved = target.expanduser().resolve()
    root = store.expanduser().resolve()
    if resolved == root or root in resolved.parents or _aliases_store(resolved, root):
        raise UsageError(key="error.output.in_store", target=target)
    if directory:
        if resolved.exists() and not resolved.is_dir():
            raise UsageError(key="error.output.not_folder", target=target)
        if not force and resolved.is_dir() and any(resolved.iterdir()):
            raise UsageError(key="error.output.not_empty", target=target)
    else:
        if resolved.is_dir():
            raise UsageError(key="error.output.directory", target=target)
        if not force and resolved.exists():
            raise UsageError(key="error.output.exists", target=target)
    if not resolved.parent.is_dir():
        raise UsageError(key="error.output.no_folder", folder=resolved.parent)
    return resolved


def _identity(path: Path) -> tuple[int, int] | None:
    try:
        info = path.stat()
    except (OSError, ValueError):
        return None
    return (info.st_dev, info.st_ino)


def _store_identities(root: Path) -> set[tuple[int, int]]:
    """The identity of the store folder and of everything in it (a few files and folders,
    plus the evidence: one ``stat`` each, nothing read)."""
    found: set[tuple[int, int]] = set()
    pending = [root]
    while pending:
        folder = pending.pop()
        identity = _identity(folder)
        if identity is None:
            continue
        found.add(identity)
        try:
            children = list(os.scandir(folder))
        except OSError:
            continue
        for child in children:
            try:
                # Followed: a symlinked journal.jsonl is the file it points at.
                info = child.stat()
            except OSError:
                continue
            found.add((info.st_dev, info.st_ino))
            if child.is_dir(follow_symlinks=False):
                pending.append(Path(child.path))
    return found


def _aliases_store(resolved: Path, root: Path) -> bool:
    """Whether ``resolved`` or one of its folders is the store, or one of its files, under
    another name (a hard link, a bind mount, a symlink the path comparison could not see)."""
    if _identity(root) is None:
        return False
    store = _store_identities(root)
    candidates = [resolved, *resolved.parents]
    return any(_identity(path) in store for path in candidates)


#: Temporary outputs are ``.rdvlog-partial-<pid>-<random>-<name>``: recognisable, so that one
#: left by a killed run (a report names the applicant) is removed by the next run there.
TEMP_PREFIX = ".rdvlog-partial-"
#: A temporary this old is stale whatever its owner: no output takes an hour to write.
STALE_AFTER = 3600.0


def remove_stale_temporaries(folder: Path, *, now: float | None = None) -> list[Path]:
    """Remove the temporary outputs in ``folder`` whose process is gone or that are older than
    an hour; return them. Best effort: a file that cannot be removed is left."""
    moment = time.time() if now is None else now
    removed = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return []
    for entry in entries:
        if not entry.name.startswith(TEMP_PREFIX):
            continue
        pid_text = entry.name[len(TEMP_PREFIX) :].split("-", 1)[0]
        try:
            info = entry.stat(follow_symlinks=False)
        except OSError:
            continue
        if not stat.S_ISREG(info.st_mode):
            continue
        if moment - info.st_mtime < STALE_AFTER and _running(pid_text):
            continue
        try:
            os.unlink(entry.path)
        except OSError:
            continue
        removed.append(Path(entry.path))
    return removed


def _running(pid_text: str) -> bool:
    """Whether the process numbered ``pid_text`` still runs (unknown counts as running)."""
    if not pid_text.isascii() or not pid_text.isdigit():
        return False
    pid = int(pid_text)
    if pid == os.getpid() or sys.platform == "win32":  # os.kill(pid, 0) kills on Windows
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (OSError, OverflowError):
        return True  # another user's process (EPERM), or a number the system refuses
    return True


@contextmanager
def atomic_output(target: Path) -> Iterator[BinaryIO]:
    """Write to a temporary file beside ``target``, then rename it into place.

    Readers see either the old file or the complete new one; on any error the temporary file
    is removed and ``target`` is untouched.
    """
    remove_stale_temporaries(target.parent)
    try:
        fd, temp_name = tempfile.mkstemp(
            prefix=f"{TEMP_PREFIX}{os.getpid()}-", suffix=f"-{target.name}", dir=target.parent
        )
    except OSError as exc:
        raise os_failure(exc, f"writing {target}") from None
    temp = Path(temp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            yield handle
            handle.flush()
            disk.fsync(handle.fileno())
        # Reports name the applicant and their foreigner number: private, like the store.
        os.chmod(temp, 0o600)
        disk.replace(temp, target)
        disk.sync_directory(target.parent)
    except OSError as exc:
        temp.unlink(missing_ok=True)
        raise os_failure(exc, f"writing {target}") from None
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
