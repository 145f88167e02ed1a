"""The store's exclusive lock: ``flock`` on ``journal.lock`` (``filelock`` on Windows)."""

from __future__ import annotations

import errno
import os
import signal
import stat
import sys
import threading
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
        if threading.current_thread() is threading.main_thread() and hasattr(signal, "setitimer"):
            _wait_in_queue(fd, timeout, path)
        else:
            _poll(fd, timeout, path)
        try:
            yield
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


class _Expired(Exception):
    """Raised by the alarm handler to interrupt a blocking ``flock``."""


def _wait_in_queue(fd: int, timeout: float, path: Path) -> None:
    """Wait for the lock in the kernel's queue, woken by the kernel when it is released, and
    interrupted by a timer after ``timeout`` seconds.

    Polling is unfair: a waiter asleep between two tries misses every release, and with many
    writers one can wait past the timeout. A blocked ``flock`` is woken at each release. The
    previous SIGALRM handler and timer are put back afterwards.
    """
    import fcntl

    if not 0 < timeout < 1e8:  # nothing to wait for, or not a delay a timer can hold
        _poll(fd, timeout, path)
        return
    armed = [True]

    def expire(signum: int, frame: object) -> None:
        if armed[0]:
            raise _Expired

    previous = signal.signal(signal.SIGALRM, expire)
    started = time.monotonic()
    old_delay, old_interval = signal.setitimer(signal.ITIMER_REAL, timeout)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
            armed[0] = False
    except _Expired:
        # The alarm may have rung just after the lock was granted: holding it, a
        # non-blocking try succeeds.
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise TimeoutError(str(path)) from None
    finally:
        if previous is not None:
            signal.signal(signal.SIGALRM, previous)
        if old_delay > 0:
            remaining = max(old_delay - (time.monotonic() - started), 0.001)
            signal.setitimer(signal.ITIMER_REAL, remaining, old_interval)


def _poll(fd: int, timeout: float, path: Path) -> None:
    """Try the lock again and again until ``timeout`` (threads other than the main one, which
    cannot use the timer)."""
    import fcntl

    deadline = time.monotonic() + timeout
    pause = 0.001
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            if time.monotonic() >= deadline:
                raise TimeoutError(str(path)) from None
            time.sleep(pause)
            pause = min(pause * 2, 0.02)
