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


def check_target(target: Path, *, store: Path, force: bool = True, directory: bool = False) -> Path:
    """Refuse an output path inside the store (the journal's own files), a directory, or —
    without ``force`` — an existing file. With ``directory``, the output is a folder: only
    the store and the parent folder are checked here, the caller decides about the rest."""
    resolved = target.expanduser().resolve()
    root = store.expanduser().resolve()
    if resolved == root or root in resolved.parents:
        raise UsageError(f"{target} is inside the rdvlog store; write the output elsewhere")
    if directory:
        if not resolved.parent.is_dir():
            raise UsageError(f"the folder {resolved.parent} does not exist")
        return resolved
    if resolved.is_dir():
        raise UsageError(f"{target} is a directory; give a file name")
    if not force and resolved.exists():
        raise UsageError(f"{target} already exists; use --force to replace it")
    if not resolved.parent.is_dir():
        raise UsageError(f"the folder {resolved.parent} does not exist")
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
