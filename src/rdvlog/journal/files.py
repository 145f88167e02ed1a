"""The one checked open for every read of a store file (journal, evidence, quarantine, hint).

A store file is read only if it is a regular file (never a FIFO, a device or a directory:
``O_NONBLOCK`` so that opening a FIFO cannot wait), not a symbolic link (``O_NOFOLLOW``),
inside the store (no folder on the way leads out of it), and no larger than the caller's
bound. Anything else is an ``OSError`` the caller turns into a break or ignores.

The store folder itself is checked (and created, private) here too.
"""

from __future__ import annotations

import errno
import hashlib
import os
import stat
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from rdvlog import disk
from rdvlog.errors import StoreError, UsageError, os_failure

_CHUNK = 1024 * 1024
_FLAGS = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
#: The largest journal rdvlog reads (a million attempts take about 500 MiB).
MAX_JOURNAL_BYTES = 4 * 1024 * 1024 * 1024


class NotAStoreFile(OSError):
    """A store path that is not a regular file of the store, or is larger than allowed."""

    def __init__(self, path: Path, why: str) -> None:
        super().__init__(errno.EINVAL, why, str(path))


def _inside(path: Path, root: Path) -> bool:
    folder = os.path.realpath(path.parent)
    top = os.path.realpath(root)
    return folder == top or folder.startswith(top.rstrip(os.sep) + os.sep)


@contextmanager
def open_store_file(path: Path, *, root: Path, max_bytes: int) -> Iterator[tuple[int, int]]:
    """Open ``path`` for reading after every check; yield ``(fd, size)``.

    ``FileNotFoundError`` when it does not exist; :class:`NotAStoreFile` when it is not a
    regular file of the store within ``max_bytes``.
    """
    if not _inside(path, root):
        raise NotAStoreFile(path, "leads out of the store")
    try:
        fd = os.open(path, _FLAGS)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise NotAStoreFile(path, "is a symbolic link") from None
        raise
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise NotAStoreFile(path, "is not a regular file")
        if info.st_size > max_bytes:
            raise NotAStoreFile(path, f"is larger than {max_bytes} bytes")
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        yield fd, info.st_size
    finally:
        os.close(fd)


def read_store_file(path: Path, *, root: Path, max_bytes: int) -> bytes:
    """The whole content of a store file, read through :func:`open_store_file`.

    At most ``max_bytes`` are read even if the file grows meanwhile (then it is refused).
    """
    with open_store_file(path, root=root, max_bytes=max_bytes) as (fd, size):
        # The size known, in one read: chunks joined would hold the journal twice at once
        # (61 MiB more at 100,000 attempts). One byte more, to see that it grew.
        first = os.read(fd, min(size, max_bytes) + 1)
        if len(first) == size:
            return first
        parts: list[bytes] = [first]
        total = len(first)
        if total > max_bytes:
            raise NotAStoreFile(path, f"is larger than {max_bytes} bytes")
        while chunk := os.read(fd, _CHUNK):
            total += len(chunk)
            if total > max_bytes:
                raise NotAStoreFile(path, f"is larger than {max_bytes} bytes")
            parts.append(chunk)
        return b"".join(parts)


def stream_store_file(
    path: Path,
    *,
    root: Path,
    max_bytes: int,
    sink: Callable[[bytes], object] | None = None,
) -> tuple[str, int]:
    """Read a store file through :func:`open_store_file` in chunks, hashing as it goes.

    Each chunk goes to ``sink`` (a copy being written); returns the SHA-256 and the size.
    Never reads more than ``max_bytes`` (a file that grows past it is refused).
    """
    digest = hashlib.sha256()
    total = 0
    with open_store_file(path, root=root, max_bytes=max_bytes) as (fd, _):
        while chunk := os.read(fd, _CHUNK):
            total += len(chunk)
            if total > max_bytes:
                raise NotAStoreFile(path, f"is larger than {max_bytes} bytes")
            digest.update(chunk)
            if sink is not None:
                sink(chunk)
    return digest.hexdigest(), total


def line_at(fd: int, offset: int, length: int) -> bytes | None:
    """The ``length`` bytes at ``offset`` of the journal open as ``fd`` if they are exactly one
    whole line (starting after a newline, ending with one); ``None`` otherwise. What the
    hints (``case.hint``, ``attempts.hint``) point at is read this way."""
    raw = os.pread(fd, length, offset)
    if len(raw) != length or not raw.endswith(b"\n") or b"\n" in raw[:-1]:
        return None
    if offset > 0 and os.pread(fd, 1, offset - 1) != b"\n":
        return None
    return raw


def root_exists(root: Path) -> bool:
    """Whether the store folder exists; a store path that is not a folder is an error."""
    try:
        info = root.stat()
    except FileNotFoundError:
        return False
    except OSError as exc:
        raise os_failure(exc, "opening the store") from None
    except ValueError:  # a NUL byte: no such path can exist
        shown = str(root).replace("\0", "\\0")
        raise UsageError(key="error.store.nul", shown=shown) from None
    if not stat.S_ISDIR(info.st_mode):
        raise StoreError(key="error.store.not_a_directory", root=root)
    return True


def create_root(root: Path, created: list[Path]) -> None:
    """Create the store folder and any missing parent, private (0700), each one it made
    added to ``created`` (removed again if one fails)."""
    if root_exists(root):
        return
    missing = [p for p in (root, *root.parents) if not p.exists()]
    try:
        for path in reversed(missing):
            try:
                path.mkdir(mode=0o700)
            except FileExistsError:
                if not path.is_dir():
                    raise
                continue  # another rdvlog process created it first: share it
            created.append(path)
        root.chmod(0o700)  # mkdir's mode is filtered by the umask
        disk.sync_directory(root.parent)
    except OSError as exc:
        disk.remove_created(created)
        raise os_failure(exc, "creating the store") from None
