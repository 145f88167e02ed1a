"""Evidence files: checked before anything is written, then copied in by content hash."""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import re
import stat
import tempfile
from pathlib import Path
from typing import NamedTuple

from pydantic import TypeAdapter, ValidationError

from rdvlog import disk
from rdvlog.disk import remove_created
from rdvlog.errors import BadEvidence, os_failure
from rdvlog.journal.files import stream_store_file
from rdvlog.labels.problems import reason_of
from rdvlog.models import Evidence, ShortText

#: Larger files are refused: a screenshot, a PDF or a saved page is far smaller.
MAX_EVIDENCE_BYTES = 200 * 1024 * 1024
_CHUNK = 1024 * 1024

# Content signatures first: a screenshot renamed ``.txt`` is still a PNG.
_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"%PDF-", "application/pdf"),
    (b"GIF87a", "image/gif"),
    (b"GIF89a", "image/gif"),
)
_EXTENSIONS = {
    "image/png": "png",
    "image/jpeg": "jpg",
    "application/pdf": "pdf",
    "image/gif": "gif",
    "image/webp": "webp",
    "text/html": "html",
    "message/rfc822": "eml",
    "text/plain": "txt",
}
_BY_SUFFIX = {ext: media for media, ext in _EXTENSIONS.items()} | {
    "jpeg": "image/jpeg",
    "htm": "text/html",
    "mhtml": "multipart/related",
}
_SAFE_EXT = re.compile(r"[a-z0-9]{1,10}")
_TEMP_PREFIX = ".incoming-"
_NAME = TypeAdapter(ShortText)


def detect_media_type(head: bytes, name: str) -> str:
    """The media type from the first bytes of a file, else from its name."""
    for signature, media_type in _SIGNATURES:
        if head.startswith(signature):
            return media_type
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "image/webp"
    start = head.lstrip()[:64].lower()
    if start.startswith((b"<!doctype html", b"<html")):
        return "text/html"
    suffix = name.rpartition(".")[2].lower() if "." in name else ""
    return _BY_SUFFIX.get(suffix, "application/octet-stream")


def extension(evidence: Evidence) -> str:
    """The stored file's extension: from the media type, else the original name, else ``bin``."""
    known = _EXTENSIONS.get(evidence.media_type)
    if known:
        return known
    suffix = evidence.name.rpartition(".")[2].lower() if "." in evidence.name else ""
    return suffix if _SAFE_EXT.fullmatch(suffix) else "bin"


def stored_path(evidence_dir: Path, evidence: Evidence) -> Path:
    """Where an evidence file lives in the store: ``evidence/ab/<sha256>.<ext>``."""
    return evidence_dir / evidence.sha256[:2] / f"{evidence.sha256}.{extension(evidence)}"


class Source(NamedTuple):
    """An evidence file the user named, checked to be a readable, non-empty regular file."""

    path: Path
    name: str
    size: int


def check_source(path: Path, *, store: Path) -> Source:
    """Refuse, before anything is written, a file that cannot be attached (exit 2)."""
    shown = str(path).replace("\0", "\\0")
    try:
        info = path.stat()
    except FileNotFoundError:
        raise BadEvidence(key="error.evidence.missing", shown=shown) from None
    except OSError as exc:
        raise BadEvidence(
            key="error.evidence.unreadable", shown=shown, reason=reason_of(exc)
        ) from None
    except ValueError:  # a NUL byte: no such path can exist
        raise BadEvidence(key="error.evidence.nul", shown=shown) from None
    if stat.S_ISDIR(info.st_mode):
        raise BadEvidence(key="error.evidence.directory", shown=shown)
    if not stat.S_ISREG(info.st_mode):
        raise BadEvidence(key="error.evidence.special", shown=shown)
    if info.st_size == 0:
        raise BadEvidence(key="error.evidence.empty", shown=shown)
    if info.st_size > MAX_EVIDENCE_BYTES:
        limit = MAX_EVIDENCE_BYTES // (1024 * 1024)
        raise BadEvidence(key="error.evidence.too_large", shown=shown, limit=limit)
    if _inside(path, store):
        raise BadEvidence(key="error.evidence.in_store", shown=shown)
    try:
        with path.open("rb"):
            pass
    except OSError as exc:
        raise BadEvidence(
            key="error.evidence.unreadable", shown=shown, reason=reason_of(exc)
        ) from None
    try:
        name = _NAME.validate_python(path.name)
    except ValidationError:
        raise BadEvidence(key="error.evidence.name", shown=ascii(shown)) from None
    return Source(path=path, name=name, size=info.st_size)


def _inside(path: Path, store: Path) -> bool:
    try:
        resolved = path.resolve(strict=True)
        root = store.resolve()
    except (OSError, RuntimeError):
        return False
    return resolved == root or root in resolved.parents


def ingest(source: Source, evidence_dir: Path) -> tuple[Evidence, list[Path]]:
    """Copy ``source`` into the existing ``evidence_dir``, hashing as it goes.

    Returns the evidence record and the paths it created (none when the same content was
    already stored), so that the caller can remove them if the append then fails.
    """
    created: list[Path] = []
    try:
        fd, temp_name = tempfile.mkstemp(prefix=_TEMP_PREFIX, dir=evidence_dir)
    except OSError as exc:
        raise os_failure(exc, "copying evidence") from None
    temp = Path(temp_name)
    try:
        try:
            evidence = _copy_hashing(source, fd)
        finally:
            os.close(fd)
        target = stored_path(evidence_dir, evidence)
        if os.path.lexists(target):
            if stored_copy_is_intact(target, evidence):
                temp.unlink()
                return evidence, created
            # The stored copy no longer matches its name (damaged, replaced, not a file):
            # the verified new copy takes its place, atomically.
            if target.is_symlink() or not target.is_dir():
                temp.chmod(0o400)
                disk.replace(temp, target)
                disk.sync_directory(target.parent)
                return evidence, created
            raise BadEvidence(key="error.evidence.stored_folder", target=target)
        if not target.parent.is_dir():
            target.parent.mkdir(mode=0o700)
            target.parent.chmod(0o700)  # mkdir's mode is filtered by the umask
            created.append(target.parent)
        temp.chmod(0o400)
        disk.replace(temp, target)
        created.append(target)
        disk.sync_directory(target.parent)
        disk.sync_directory(evidence_dir)
        return evidence, created
    except BaseException as exc:
        temp.unlink(missing_ok=True)
        remove_created(created)
        if not isinstance(exc, OSError):
            raise
        if isinstance(exc, FileNotFoundError | PermissionError) and exc.filename == str(
            source.path
        ):
            raise BadEvidence(
                key="error.evidence.unreadable", shown=source.path, reason="?"
            ) from None
        raise os_failure(exc, "copying evidence") from None


def _copy_hashing(source: Source, fd: int) -> Evidence:
    """Copy ``source`` to ``fd`` (fsynced), hashing as it goes: the evidence record."""
    digest = hashlib.sha256()
    size = 0
    head = b""
    with source.path.open("rb") as reader:
        while chunk := reader.read(_CHUNK):
            if not head:
                head = chunk[:512]
            digest.update(chunk)
            size += len(chunk)
            if size > MAX_EVIDENCE_BYTES:  # it grew since it was checked
                raise BadEvidence(key="error.evidence.grew", shown=source.path)
            _write_fully(fd, chunk)
    disk.fsync(fd)
    return Evidence(
        sha256=digest.hexdigest(),
        name=source.name,
        size=size,
        media_type=detect_media_type(head, source.name),
    )


def _write_fully(fd: int, data: bytes) -> None:
    """Write all of ``data``: a short write is followed by another (which reports ENOSPC)."""
    while data:
        written = disk.write(fd, data)
        if written <= 0:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        data = data[written:]


def remove_stale_copies(evidence_dir: Path) -> None:
    """Remove temporary copies left by a writer that was killed (call it under the lock)."""
    for path in evidence_dir.glob(f"{_TEMP_PREFIX}*"):
        with contextlib.suppress(OSError):
            path.unlink()


def sha256_file(path: Path, *, root: Path, max_bytes: int = MAX_EVIDENCE_BYTES) -> str:
    """The SHA-256 of a stored file, read through the store's one checked open: anything
    but a regular file of the store within ``max_bytes`` is an ``OSError``, never a wait."""
    return stream_store_file(path, root=root, max_bytes=max_bytes)[0]


def stored_copy_is_intact(target: Path, evidence: Evidence) -> bool:
    """Whether the stored file ``target`` still holds exactly the bytes its name says."""
    try:
        digest, size = stream_store_file(
            target, root=target.parent.parent.parent, max_bytes=evidence.size
        )
    except OSError:
        return False
    return digest == evidence.sha256 and size == evidence.size
