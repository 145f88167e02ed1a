"""``rdvlog dossier``: one PDF per pièce and the bordereau, in a new folder or a zip.

Everything is built in a temporary folder beside the target, then renamed into place (or
zipped into it): the target holds the whole dossier or is untouched, and nothing else is
ever left in it (DESIGN.md §5).
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import re
import shutil
import tempfile
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from rdvlog import disk
from rdvlog.errors import InEachLanguage, JournalDamaged, UsageError, os_failure
from rdvlog.evidence import stored_path
from rdvlog.export import atomic_output, check_target
from rdvlog.journal.files import NotAStoreFile, read_store_file
from rdvlog.models import Evidence
from rdvlog.pieces import Piece, PieceItem
from rdvlog.render.dossier import (
    BordereauRow,
    Page,
    bordereau,
    image_piece,
    text_of,
    text_piece,
    unprintable_piece,
)
from rdvlog.render.filenames import piece_file_name
from rdvlog.render.pdf import render_pdf
from rdvlog.report import ReportInput
from rdvlog.service.report import ReportRequest, build_report
from rdvlog.service.session import Session

#: Télérecours refuses a file over 32 Mo; counted in decimal megabytes, the stricter reading,
#: so that no file the dossier accepts can be refused at filing time.
MAX_FILE_BYTES = 32_000_000
BORDEREAU_NAME = "PJ00_bordereau.pdf"
_IMAGES = frozenset({"image/png", "image/jpeg", "image/gif", "image/webp"})
# What a folder may hold to be replaced by --force: an earlier dossier, nothing else.
_DOSSIER_FILE = re.compile(r"PJ\d+_[A-Za-z0-9_-]*\.pdf")


class TooLarge(UsageError):
    """A pièce over the e-filing limit."""


@dataclass(frozen=True)
class DossierRequest:
    """The options of ``dossier``: the report's (language, first pièce, weeks) and the target."""

    report: ReportRequest
    output: Path
    zip: bool = False
    force: bool = False


@dataclass(frozen=True)
class DossierFile:
    """One file of the dossier: its pièce number (0 for the bordereau), label, name, hash."""

    number: int
    label: str
    name: str
    sha256: str
    size: int


@dataclass(frozen=True)
class Dossier:
    target: Path
    report: ReportInput
    files: tuple[DossierFile, ...]

    @property
    def pieces(self) -> int:
        """How many pièces (the bordereau is not one)."""
        return sum(1 for f in self.files if f.number > 0)


def check_output(request: DossierRequest, store: Path) -> Path:
    """Refuse, before anything is read, a target the dossier may not be written to."""
    if request.zip:
        target = check_target(request.output, store=store, force=request.force)
        if target.suffix.lower() != ".zip":
            raise UsageError(key="error.dossier.zip_name", output=request.output)
        return target
    target = check_target(request.output, store=store, force=request.force, directory=True)
    root = store.expanduser().resolve()
    if target in root.parents:
        raise UsageError(key="error.dossier.holds_store", output=request.output)
    if target.exists() or target.is_symlink():
        if not target.is_dir() or target.is_symlink():
            raise UsageError(key="error.output.not_folder", target=request.output)
        names = [entry.name for entry in target.iterdir()]
        if names and not request.force:
            raise UsageError(key="error.dossier.not_empty", output=request.output)
        strangers = [n for n in names if not _DOSSIER_FILE.fullmatch(n)]
        if strangers:
            raise UsageError(
                key="error.dossier.strangers", output=request.output, name=sorted(strangers)[0]
            )
    return target


def write_dossier(session: Session, request: DossierRequest, store: Path) -> Dossier:
    """Check the target, build every file in a temporary folder, then put it in place."""
    target = check_output(request, store)
    report = build_report(session, request.report)
    evidence_dir = session.journal().evidence_dir
    pieces = report.pieces
    _check_copies(pieces)
    work = _temporary_folder(target)
    try:
        files = list(_write_pieces(report, pieces, evidence_dir, work))
        files.insert(0, _write_bordereau(report, files, work))
        if request.zip:
            _zip(report, files, work, target)
        else:
            _put_in_place(work, target)
    except OSError as exc:
        raise os_failure(exc, f"writing the dossier {request.output}") from None
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return Dossier(target, report, tuple(files))


def _check_copies(pieces: tuple[Piece, ...]) -> None:
    """Pièces copied as they are: too large is known before anything is read."""
    for piece in pieces:
        for item in piece.items:
            if item.evidence.media_type == "application/pdf":
                _check_size(piece, item.evidence.size)


def _check_size(piece: Piece, size: int) -> None:
    if size > MAX_FILE_BYTES:
        megabytes = f"{size / 1_000_000:.1f}"
        week = piece.kind == "week"
        raise TooLarge(
            key="error.dossier.too_large_week" if week else "error.dossier.too_large",
            number=piece.number,
            label=piece.label,
            size=InEachLanguage(fr=megabytes.replace(".", ","), en=megabytes),
            limit=MAX_FILE_BYTES // 1_000_000,
        )


def _reader(evidence_dir: Path) -> Callable[[Evidence], bytes]:
    def read(evidence: Evidence) -> bytes:
        """A stored file's bytes, checked against the hash the journal recorded."""
        source = stored_path(evidence_dir, evidence)
        try:
            data = read_store_file(source, root=evidence_dir.parent, max_bytes=evidence.size)
        except (FileNotFoundError, NotAStoreFile):
            raise JournalDamaged(
                key="error.evidence.gone", name=evidence.name, source=source
            ) from None
        if hashlib.sha256(data).hexdigest() != evidence.sha256:
            raise JournalDamaged(key="error.evidence.changed", name=evidence.name, source=source)
        return data

    return read


def _piece_bytes(report: ReportInput, piece: Piece, read: Callable[[Evidence], bytes]) -> bytes:
    """The PDF of one pièce (see DESIGN.md §5 for what each kind becomes)."""
    if piece.kind == "report":
        from rdvlog.render.report_pdf import render_report_pdf

        return render_report_pdf(report, read)
    items = piece.items
    first = items[0].evidence
    if all(item.evidence.media_type in _IMAGES for item in items):
        return render_pdf(image_piece(report, piece, _pages(items, read)))
    distinct = {item.evidence.sha256 for item in items}
    if len(distinct) > 1:
        raise UsageError(key="error.dossier.mixed", number=piece.number, label=piece.label)
    if first.media_type == "application/pdf":
        return read(first)  # the original, byte for byte
    text = text_of(first.media_type, read(first))
    if text is not None:
        return render_pdf(text_piece(report, piece, items, text))
    # A file with no printable form (a .docx, a saved .mhtml): refusing it would make the
    # dossier impossible, the journal being append-only; a page says what it is, and its hash.
    return render_pdf(unprintable_piece(report, piece, items))


def _pages(items: tuple[PieceItem, ...], read: Callable[[Evidence], bytes]) -> list[Page]:
    """One page per distinct file, standing for every attempt it is attached to."""
    grouped: dict[str, list[PieceItem]] = {}
    for item in items:
        grouped.setdefault(item.evidence.sha256, []).append(item)
    return [Page(tuple(group), read(group[0].evidence)) for group in grouped.values()]


def _write_pieces(
    report: ReportInput, pieces: tuple[Piece, ...], evidence_dir: Path, work: Path
) -> Iterator[DossierFile]:
    read = _reader(evidence_dir)
    for piece in pieces:
        data = _piece_bytes(report, piece, read)
        _check_size(piece, len(data))
        name = piece_file_name(piece.number, piece.label)
        _write_file(work / name, data)
        digest = hashlib.sha256(data).hexdigest()
        yield DossierFile(piece.number, piece.label, name, digest, len(data))


def _write_bordereau(report: ReportInput, files: list[DossierFile], work: Path) -> DossierFile:
    by_number = {piece.number: piece for piece in report.pieces}
    rows = [BordereauRow(by_number[f.number], f.sha256) for f in files]
    data = render_pdf(bordereau(report, rows))
    _write_file(work / BORDEREAU_NAME, data)
    title = "Bordereau des pièces communiquées"
    return DossierFile(0, title, BORDEREAU_NAME, hashlib.sha256(data).hexdigest(), len(data))


def _write_file(path: Path, data: bytes) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        while data:
            written = disk.write(fd, data)
            if written <= 0:
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(path))
            data = data[written:]
        disk.fsync(fd)
    finally:
        os.close(fd)


def _temporary_folder(target: Path) -> Path:
    try:
        return Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=target.parent))
    except OSError as exc:
        raise os_failure(exc, f"writing {target}") from None


def _put_in_place(work: Path, target: Path) -> None:
    """Rename the finished folder to ``target``; an earlier dossier there is replaced."""
    disk.sync_directory(work)
    old: Path | None = None
    if target.exists():
        with contextlib.suppress(OSError):
            target.rmdir()  # empty: simply replaced
        if target.exists():
            old = Path(tempfile.mkdtemp(prefix=f".{target.name}.old.", dir=target.parent))
            old.rmdir()
            target.rename(old)
    try:
        work.rename(target)
    except BaseException:
        if old is not None:
            old.rename(target)
        raise
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
    disk.sync_directory(target.parent)


def _zip(report: ReportInput, files: list[DossierFile], work: Path, target: Path) -> None:
    """The same files in a zip: the bordereau first, then by number; fixed dates and modes."""
    local = report.local(report.generated_at)
    stamp = (max(local.year, 1980), local.month, local.day, local.hour, local.minute, 0)
    with atomic_output(target) as out, zipfile.ZipFile(out, "w") as archive:
        for file in files:
            info = zipfile.ZipInfo(file.name, date_time=stamp)
            info.create_system = 3
            info.external_attr = 0o644 << 16
            info.compress_type = zipfile.ZIP_STORED  # PDFs are compressed already
            archive.writestr(info, (work / file.name).read_bytes())
