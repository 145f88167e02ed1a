"""The system calls that make the store durable, in one place so tests can inject faults."""

from __future__ import annotations

import errno
import os
from pathlib import Path

# What file systems that cannot sync a directory answer; nothing is lost by skipping it there.
_CANNOT_SYNC_DIRECTORIES = frozenset({errno.EINVAL, errno.ENOTSUP, errno.EBADF})


def write(fd: int, data: bytes) -> int:
    return os.write(fd, data)


def fsync(fd: int) -> None:
    os.fsync(fd)


def truncate(fd: int, size: int) -> None:
    os.ftruncate(fd, size)


def replace(source: Path, target: Path) -> None:
    source.replace(target)


def sync_directory(path: Path) -> None:
    """Make a rename or a new file in ``path`` durable (skipped where directories can't sync).

    A real failure (EIO, ENOSPC) is raised: the rename it should have made durable may be lost.
    """
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return  # Windows cannot open a directory
    try:
        fsync(fd)
    except OSError as exc:
        if exc.errno not in _CANNOT_SYNC_DIRECTORIES:
            raise
    finally:
        os.close(fd)


def remove_created(paths: list[Path]) -> None:
    """Undo what an aborted write created, newest first (best effort: the append failed)."""
    for path in reversed(paths):
        try:
            if path.is_dir():
                path.rmdir()
            else:
                path.unlink()
        except OSError:
            pass


def write_file(path: Path, data: bytes, *, exclusive: bool) -> None:
    """Write a small file whole (0600) and fsync it; on failure nothing is left at ``path``.

    ``exclusive`` refuses an existing file; otherwise it is replaced in place.
    """
    flags = os.O_WRONLY | os.O_CREAT | (os.O_EXCL if exclusive else os.O_TRUNC)
    fd = os.open(path, flags, 0o600)
    try:
        if write(fd, data) != len(data):
            raise OSError(errno.ENOSPC, "short write", str(path))
        fsync(fd)
    except BaseException:
        os.close(fd)
        path.unlink(missing_ok=True)
        raise
    os.close(fd)
