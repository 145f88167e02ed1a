"""The report as CSV for spreadsheets: one row per counted attempt, in the report language."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator, Sequence

from rdvlog.history import AttemptRecord
from rdvlog.pieces import PieceItem
from rdvlog.printable import printable
from rdvlog.render import i18n
from rdvlog.render.i18n import t
from rdvlog.report import ReportInput

# (label key, ...) in column order; values come from _row in the same order.
_COLUMNS = (
    "col.attempt_no",
    "col.date",
    "csv.weekday",
    "col.time",
    "csv.timestamp",
    "col.place",
    "csv.department",
    "col.procedure",
    "col.channel",
    "col.outcome",
    "csv.message",
    "csv.url",
    "col.reference",
    "csv.note",
    "csv.exhibits",
    "csv.files",
    "csv.hashes",
    "csv.recorded",
    "csv.late",
    "csv.integrity",
)

# A spreadsheet runs a cell that starts with one of these as a formula (OWASP "CSV injection").
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(cell: str) -> str:
    """``cell`` with a leading ``'`` when a spreadsheet would read it as a formula."""
    return f"'{cell}" if cell.startswith(_FORMULA_START) else cell


def _row(
    report: ReportInput, record: AttemptRecord, files: Sequence[tuple[int, PieceItem]], state: str
) -> list[str]:
    lang, attempt = report.lang, record.attempt
    moment = report.local(attempt.at)
    return [
        str(report.numbers.get(record.seq, record.seq)),
        i18n.plain_date(lang, moment.date()),
        i18n.weekday(lang, moment.weekday()),
        i18n.clock(moment),
        moment.isoformat(timespec="seconds"),
        attempt.place.label,
        attempt.place.department or "",
        attempt.procedure,
        i18n.channel(lang, attempt.channel),
        i18n.outcome(lang, attempt.outcome),
        attempt.message or "",
        attempt.url or "",
        attempt.reference or "",
        attempt.note or "",
        # One line per exhibit, so the three columns line up in a wrapped cell.
        "\n".join(str(number) for number, _ in files),
        "\n".join(item.evidence.name for _, item in files),
        "\n".join(item.evidence.sha256 for _, item in files),
        report.local(record.recorded_at).isoformat(timespec="seconds"),
        t(lang, "yes") if record.late else t(lang, "no"),
        state,
    ]


def render_csv(report: ReportInput, *, excel: bool = False) -> str:
    """RFC 4180 text (``,``, LF); with ``excel``, ``;``, CRLF and a BOM for French spreadsheets.

    Voided attempts are left out, as in the chronological table of the Markdown report (which
    lists them under integrity). Every row states whether the journal verified, so that a broken
    chain shows even in a filtered or copied sheet. Write the result with ``newline=""``.
    """
    return "".join(csv_chunks(report, excel=excel))


#: Rows written to the buffer before it is handed on: a year of attempts is a few of them.
_ROWS_PER_CHUNK = 2000


def csv_chunks(report: ReportInput, *, excel: bool = False) -> Iterator[str]:
    """:func:`render_csv`'s text, a few thousand rows at a time: a journal of years is never
    held whole as text beside its entries."""
    lang, integrity = report.lang, report.integrity
    state = t(lang, "csv.integrity_ok")
    if not integrity.ok:
        state = t(lang, "csv.integrity_failed", problem=integrity.problem_in(lang))
    # The pièce holding each file of each attempt: the numbers of the report and the dossier.
    files: dict[int, list[tuple[int, PieceItem]]] = {}
    for piece in report.pieces:
        for item in piece.items:
            if item.record is not None:
                files.setdefault(item.record.seq, []).append((piece.number, item))

    buffer = io.StringIO()
    writer = csv.writer(
        buffer,
        delimiter=";" if excel else ",",
        lineterminator="\r\n" if excel else "\n",
        quoting=csv.QUOTE_MINIMAL,
    )
    if excel:
        buffer.write("\ufeff")
    writer.writerow([neutralise(t(lang, key)) for key in _COLUMNS])
    clock = {back.line: back for back in integrity.recorded_backwards}
    for number, record in enumerate(report.active, start=1):
        cell_state = state
        if record.seq in clock:
            cell_state = f"{state} ; {i18n.clock_back(lang, clock[record.seq], report.zone)}"
        row = _row(report, record, files.get(record.seq, ()), cell_state)
        writer.writerow([neutralise(printable(cell)) for cell in row])
        if number % _ROWS_PER_CHUNK == 0:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()
