"""Files written for the user (reports, bundles): atomically, and never inside the store."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from rdvlog import disk
from rdvlog.errors import UsageError, os_failure


def check_target(target: Path, *, store: Path, force: bool = True) -> Path:
    """Refuse an output path inside the store (the journal's own files), a directory, or —
    without ``force`` — an existing file."""
    resolved = target.expanduser().resolve()
    root = store.expanduser().resolve()
    if resolved == root or root in resolved.parents:
        raise UsageError(key="error.output.in_store", target=target)
    if resolved.is_dir():
        raise UsageError(key="error.output.directory", target=target)
    if not force and resolved.exists():
        raise UsageError(key="error.output.exists", target=target)
    if not resolved.parent.is_dir():
        raise UsageError(key="error.output.no_folder", folder=resolved.parent)
    return resolved


@contextmanager
def atomic_output(target: Path) -> Iterator[BinaryIO]:
    """Write to a temporary file beside ``target``, then rename it into place.

    Readers see either the old file or the complete new one; on any error the temporary file
    is removed and ``target`` is untouched.
    """
    try:
        fd, temp_name = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
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
