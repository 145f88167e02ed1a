"""The pièces of a dossier, numbered once for the report and the dossier (DESIGN.md §5).

Minimal version for the ``dossier`` branch; the ``report`` branch's module replaces it with
the same API.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from rdvlog.history import AttemptRecord
from rdvlog.models import Evidence

if TYPE_CHECKING:
    from rdvlog.report import ReportInput

PieceKind = Literal["report", "document", "screenshot", "week", "file"]

_MONTHS = (
    "janvier", "février", "mars", "avril", "mai", "juin",
    "juillet", "août", "septembre", "octobre", "novembre", "décembre",
)  # fmt: skip
REPORT_LABEL = "Relevé des tentatives de prise de rendez-vous en préfecture"


@dataclass(frozen=True)
class PieceItem:
    evidence: Evidence
    record: AttemptRecord | None  # the attempt the file is attached to; None for a document
    number: int | None  # that attempt's number; None for a document


@dataclass(frozen=True)
class Piece:
    number: int
    kind: PieceKind
    label: str
    day: datetime.date | None
    items: tuple[PieceItem, ...]  # its files in order (empty for the report)
    reused: bool = False


@dataclass
class _Draft:
    kind: PieceKind
    label: str
    day: datetime.date | None
    items: list[PieceItem] = field(default_factory=list)
    reused: bool = False


def _day(day: datetime.date) -> str:
    first = "1er" if day.day == 1 else str(day.day)
    return f"{first} {_MONTHS[day.month - 1]} {day.year}"


def _week(monday: datetime.date) -> str:
    sunday = monday + datetime.timedelta(days=6)
    if monday.month == sunday.month:
        start = "1er" if monday.day == 1 else str(monday.day)
    elif monday.year == sunday.year:
        start = f"{monday.day} {_MONTHS[monday.month - 1]}"
    else:
        start = _day(monday)
    return f"Captures d'écran, semaine du {start} au {_day(sunday)}"


def _is_image(evidence: Evidence) -> bool:
    return evidence.media_type.startswith("image/")


def number_pieces(
    report: ReportInput, *, first: int = 1, group_weeks: bool = False, include_report: bool = True
) -> tuple[Piece, ...]:
    """The report, then the case documents, then the attempts' files, numbered from ``first``."""
    drafts: list[_Draft] = []
    if include_report:
        drafts.append(_Draft("report", REPORT_LABEL, report.local(report.generated_at).date()))
    for document in report.documents:
        if document.document.evidence:
            items = [PieceItem(e, None, None) for e in document.document.evidence]
            day = report.local(document.recorded_at).date()
            drafts.append(_Draft("document", document.document.label, day, items))
    by_file: dict[str, _Draft] = {}
    by_week: dict[datetime.date, _Draft] = {}
    for record in report.active:
        moment = report.local(record.attempt.at)
        number = report.numbers.get(record.seq)
        for evidence in record.attempt.evidence:
            item = PieceItem(evidence, record, number)
            if group_weeks and _is_image(evidence):
                monday = moment.date() - datetime.timedelta(days=moment.weekday())
                week = by_week.get(monday)
                if week is None:
                    week = by_week[monday] = _Draft("week", _week(monday), monday)
                    drafts.append(week)
                week.reused = week.reused or any(
                    i.evidence.sha256 == evidence.sha256 for i in week.items
                )
                week.items.append(item)
                continue
            known = by_file.get(evidence.sha256)
            if known is not None:
                known.items.append(item)
                known.reused = True
                continue
            attempt = f"tentative n° {number}" if number is not None else "tentative"
            when = f"{_day(moment.date())} à {moment.hour} h {moment.minute:02d}"
            if _is_image(evidence):
                draft = _Draft("screenshot", f"Capture d'écran du {when} ({attempt})", None)
            else:
                draft = _Draft("file", f"Fichier joint à la {attempt} du {when}", None)
            draft.day = moment.date()
            draft.items.append(item)
            by_file[evidence.sha256] = draft
            drafts.append(draft)
    return tuple(
        Piece(first + i, d.kind, d.label, d.day, tuple(d.items), d.reused)
        for i, d in enumerate(drafts)
    )
