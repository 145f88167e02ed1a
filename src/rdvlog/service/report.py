"""Building what the reading commands show: the report's input, the bundle, the status facts."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from rdvlog import __version__, dashboard, settings
from rdvlog.bundle import write_bundle
from rdvlog.capture import HEAD, capture_time
from rdvlog.errors import JournalDamaged
from rdvlog.evidence import stored_path
from rdvlog.facts import is_booking_attempt
from rdvlog.history import AttemptRecord
from rdvlog.journal import Journal
from rdvlog.journal.files import NotAStoreFile, open_store_file, read_store_file
from rdvlog.labels.problems import break_phrase
from rdvlog.models import Evidence, Lang
from rdvlog.report import Integrity, ReportInput
from rdvlog.service.reading import audited_history, checked_history
from rdvlog.service.selection import parse_period, select_attempts
from rdvlog.service.session import Session


@dataclass(frozen=True)
class ReportRequest:
    """The options of ``report`` and ``bundle``: language, period and place, all optional."""

    lang: Lang | None = None
    since: str | None = None
    until: str | None = None
    prefecture: str | None = None
    #: The number of the first pièce (``--first-exhibit``).
    first_piece: int = 1
    #: One pièce per calendar week of screenshots (``--group-weeks``).
    group_weeks: bool = False


def generation_time(session: Session) -> dt.datetime:
    """When the report is made: ``SOURCE_DATE_EPOCH`` when set (reproducible output)."""
    epoch = settings.source_date_epoch()
    if epoch is not None:
        return dt.datetime.fromtimestamp(epoch, dt.timezone.utc).astimezone(session.zone)
    return session.now()


def build_report(
    session: Session, request: ReportRequest, *, journal_bytes: bytes | None = None
) -> ReportInput:
    """Read and verify the journal once, select the attempts, and gather the report's input.

    ``report`` and ``bundle`` both come here, so that both number the exhibits the same way;
    ``journal_bytes`` is the snapshot a bundle also copies.
    """
    period = parse_period(request.since, request.until, zone=session.zone, now=session.now())
    journal = session.journal()
    history, verification, backwards = audited_history(journal, journal_bytes)
    records, place = select_attempts(history.attempts, period, request.prefecture)
    brk = verification.first_break
    lang: Lang = request.lang or history.case.lang or "fr"
    # The whole journal's count matters only for an extract: unfiltered, the facts count the
    # same attempts from the selection, which classifies each of them once.
    whole = not (period.start or period.end or place)
    return ReportInput(
        records=records,
        case=history.case,
        integrity=Integrity(
            ok=verification.ok,
            entry_count=verification.entry_count,
            head_hash=verification.head_hash,
            problem=brk.describe() if brk else None,
            recorded_backwards=backwards,
            broken=break_phrase(brk) if brk else None,
        ),
        zone=session.zone,
        generated_at=generation_time(session),
        version=__version__,
        lang=lang,
        since=period.start,
        until=period.end,
        place_filter=place.label if place else None,
        documents=tuple(history.documents),
        numbers=history.numbers,
        first_piece=request.first_piece,
        group_weeks=request.group_weeks,
        capture_times=capture_times(journal.evidence_dir, records),
        journal_attempts=None if whole else _booking_count(history.attempts),
    )


def _booking_count(records: Iterable[AttemptRecord]) -> int:
    return sum(1 for r in records if is_booking_attempt(r) and not r.voided)


def capture_times(
    evidence_dir: Path, records: Iterable[AttemptRecord]
) -> dict[str, dt.datetime | None]:
    """The capture time each PNG/JPEG of ``records`` carries (first 64 KiB read), by SHA-256.

    A missing or unreadable file gives None here: ``verify`` and the bundle report it.
    """
    found: dict[str, dt.datetime | None] = {}
    for record in records:
        for evidence in record.attempt.evidence:
            if evidence.sha256 in found or evidence.media_type not in _CAPTURE_TYPES:
                continue
            path = stored_path(evidence_dir, evidence)
            try:
                # The checked open: a FIFO or a link out of the store is never read or waited on.
                with open_store_file(path, root=evidence_dir.parent, max_bytes=evidence.size) as (
                    fd,
                    _,
                ):
                    found[evidence.sha256] = capture_time(os.read(fd, HEAD))
            except OSError:
                found[evidence.sha256] = None
    return found


_CAPTURE_TYPES = frozenset({"image/png", "image/jpeg"})


def evidence_reader(session: Session) -> Callable[[Evidence], bytes]:
    """Reads a stored evidence file whole (the PDF embeds screenshots)."""
    evidence_dir = session.journal().evidence_dir

    def read(evidence: Evidence) -> bytes:
        path = stored_path(evidence_dir, evidence)
        try:
            return read_store_file(path, root=evidence_dir.parent, max_bytes=evidence.size)
        except (FileNotFoundError, NotAStoreFile):
            raise JournalDamaged(
                key="error.evidence.not_in_store", name=evidence.name, sha=evidence.sha256[:12]
            ) from None

    return read


@dataclass(frozen=True)
class Bundle:
    """A bundle ready to write: its report and the journal snapshot the report was made from."""

    report: ReportInput
    journal_bytes: bytes
    evidence_dir: Path

    def write(self, out: BinaryIO, progress: Callable[[int], None] | None = None) -> list[str]:
        """Write the zip to ``out``; return its member names."""
        return write_bundle(
            self.report,
            journal_bytes=self.journal_bytes,
            evidence_dir=self.evidence_dir,
            out=out,
            progress=progress,
        )


def plan_bundle(session: Session, request: ReportRequest) -> Bundle:
    """Read one snapshot of the journal for both the report and the copy, so they agree."""
    journal = session.journal()
    journal_bytes = journal.read_bytes()
    report = build_report(session, request, journal_bytes=journal_bytes)
    return Bundle(report, journal_bytes, journal.evidence_dir)


def status_facts(session: Session, journal: Journal | None = None) -> dashboard.Status:
    """What ``status`` shows, from one verified read of the journal."""
    history, verification = checked_history(journal or session.journal())
    brk = verification.first_break
    return dashboard.status(
        history.attempts,
        history.case,
        zone=session.zone,
        today=session.now().date(),
        entries=verification.entry_count,
        head_hash=verification.head_hash,
        problem=break_phrase(brk) if brk else None,
        store=str(session.root),
        numbers=history.numbers,
    )
