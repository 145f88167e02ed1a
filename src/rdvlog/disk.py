"""The system calls that make the store durable, in one place so tests can inject faults."""

from __future__ import annotations

import os
from pathlib import Path


def write(fd: int, data: bytes) -> int:
    return os.write(fd, data)


def fsync(fd: int) -> None:
    os.fsync(fd)


def truncate(fd: int, size: int) -> None:
    os.ftruncate(fd, size)


def replace(source: Path, target: Path) -> None:
    source.replace(target)


def sync_directory(path: Path) -> None:
    """Make a rename or a new file in ``path`` durable (skipped where directories can't sync)."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
