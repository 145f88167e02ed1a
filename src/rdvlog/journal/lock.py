"""The store's exclusive lock: ``flock`` on ``journal.lock`` (``filelock`` on Windows)."""

from __future__ import annotations

import errno
import os
import stat
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def exclusive_lock(path: Path, timeout: float) -> Iterator[None]:
    """An exclusive lock on ``path``, taken within ``timeout`` seconds (else TimeoutError).

    On POSIX this is ``flock`` on the lock file, exactly what the ``filelock`` package does
    there, so that rdvlog versions using either exclude each other; done here because
    importing ``filelock`` costs more start-up time than all of ``attempt add``'s own work
    (DESIGN.md §6). Elsewhere, ``filelock``.
    """
    if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
        from filelock import FileLock, Timeout

        lock = FileLock(path, timeout=timeout, mode=0o600, preserve_lock_file=True)
        try:
            lock.acquire()
        except Timeout:
            raise TimeoutError(str(path)) from None
        try:
            yield
        finally:
            lock.release()
        return
    import fcntl

    # No symlink followed, and only a regular file: a planted link must not make even
    # `verify` open or chmod what it points at (issue #11).
    fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_NONBLOCK, 0o600)
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise OSError(errno.EINVAL, "the lock file is not a regular file", str(path))
        if stat.S_IMODE(os.fstat(fd).st_mode) != 0o600:
            os.fchmod(fd, 0o600)  # a new file's mode is filtered by the umask
        deadline = time.monotonic() + timeout
        pause = 0.001
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise TimeoutError(str(path)) from None
                time.sleep(pause)
                pause = min(pause * 2, 0.02)
        try:
            yield
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)
