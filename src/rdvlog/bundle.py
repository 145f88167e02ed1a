"""``rdvlog bundle``: the report, the spreadsheet, every exhibit and the journal in one zip."""

from __future__ import annotations

import datetime as dt
import hashlib
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from rdvlog.errors import JournalDamaged
from rdvlog.evidence import stored_path
from rdvlog.journal.files import stream_store_file
from rdvlog.labels.problems import reason_of
from rdvlog.render import i18n
from rdvlog.render.markdown import render_markdown
from rdvlog.render.spreadsheet import render_csv
from rdvlog.report import Exhibit, ReportInput
from rdvlog.when import zone_name

_CHUNK = 1024 * 1024
_TEXT_MODE = 0o644 << 16
# Images and PDFs are compressed already: storing them is faster and costs nothing.
_STORED_SUFFIXES = frozenset({".png", ".jpg", ".jpeg", ".webp", ".gif", ".pdf", ".zip"})


def _info(name: str, stamp: tuple[int, int, int, int, int, int], stored: bool) -> zipfile.ZipInfo:
    """A zip member with fixed metadata, so the same input gives the same bytes."""
    info = zipfile.ZipInfo(name, date_time=stamp)
    info.create_system = 3
    info.external_attr = _TEXT_MODE
    info.compress_type = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
    return info


def _zip_stamp(local: dt.datetime) -> tuple[int, int, int, int, int, int]:
    """The members' date: a zip (MS-DOS) date runs from 1980 to 2107, so a generation time
    outside it is clamped there; the report inside keeps the true date."""
    if local.year > 2107:
        return (2107, 12, 31, 23, 59, 58)
    return (max(local.year, 1980), local.month, local.day, local.hour, local.minute, 0)


def write_bundle(
    report: ReportInput,
    *,
    journal_bytes: bytes,
    evidence_dir: Path,
    out: BinaryIO,
    progress: Callable[[int], None] | None = None,
) -> list[str]:
    """Write the zip to ``out``; return its member names (``SHA256SUMS`` last).

    Each exhibit is checked against its SHA-256 while it is copied: a missing or changed file
    stops the bundle (exit 1) rather than ship a dossier with a hole in it.
    """
    lang = report.lang
    local = report.local(report.generated_at)
    stamp = _zip_stamp(local)
    sums: list[tuple[str, str]] = []

    def add_bytes(zf: zipfile.ZipFile, name: str, data: bytes) -> None:
        zf.writestr(_info(name, stamp, stored=False), data, compresslevel=9)
        sums.append((hashlib.sha256(data).hexdigest(), name))

    report_name = i18n.t(lang, "bundle.report")
    sheet_name = i18n.t(lang, "bundle.spreadsheet")
    with zipfile.ZipFile(out, "w") as zf:
        add_bytes(zf, i18n.t(lang, "bundle.readme"), _readme(report).encode("utf-8"))
        add_bytes(zf, report_name, render_markdown(report).encode("utf-8"))
        add_bytes(zf, sheet_name, render_csv(report, excel=True).encode("utf-8"))
        for done, exhibit in enumerate(report.exhibits, start=1):
            name = f"pieces/{exhibit.file_name}"
            _copy_exhibit(zf, _info(name, stamp, _is_compressed(name)), exhibit, evidence_dir)
            sums.append((exhibit.evidence.sha256, name))
            if progress is not None:
                progress(done)
        add_bytes(zf, "journal/journal.jsonl", journal_bytes)
        listing = "".join(f"{digest}  {name}\n" for digest, name in sums)
        zf.writestr(_info("SHA256SUMS", stamp, stored=False), listing.encode(), compresslevel=9)
    return [name for _, name in sums] + ["SHA256SUMS"]


def _is_compressed(name: str) -> bool:
    return Path(name).suffix.lower() in _STORED_SUFFIXES


def _copy_exhibit(
    zf: zipfile.ZipFile, info: zipfile.ZipInfo, exhibit: Exhibit, evidence_dir: Path
) -> None:
    """Copy one exhibit into the zip, checking its SHA-256 while it streams: a missing or
    changed file stops the bundle rather than ship a dossier with a hole in it."""
    source = stored_path(evidence_dir, exhibit.evidence)
    try:
        with zf.open(info, "w") as writer:
            digest, _ = stream_store_file(
                source,
                root=evidence_dir.parent,
                max_bytes=exhibit.evidence.size,
                sink=writer.write,
            )
    except FileNotFoundError:
        raise JournalDamaged(
            key="error.exhibit.missing", number=exhibit.number, source=source
        ) from None
    except OSError as exc:
        raise JournalDamaged(
            key="error.exhibit.unreadable",
            number=exhibit.number,
            source=source,
            reason=reason_of(exc),
        ) from None
    if digest != exhibit.evidence.sha256:
        raise JournalDamaged(key="error.exhibit.changed", number=exhibit.number, source=source)


def _readme(report: ReportInput) -> str:
    lang = report.lang
    return i18n.t(
        lang,
        "bundle.readme_text",
        applicant=report.case.applicant or i18n.t(lang, "bundle.no_applicant"),
        generated=i18n.date_time(lang, report.local(report.generated_at)),
        zone=zone_name(report.zone),
        version=report.version,
        report=i18n.t(lang, "bundle.report"),
        spreadsheet=i18n.t(lang, "bundle.spreadsheet"),
        head=report.integrity.head_hash or "-",
    )
