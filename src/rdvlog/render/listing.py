"""Attempts for ``attempt list`` and ``attempt show``: JSON, JSON Lines, CSV, Rich tables.

Each view returns text or a renderable; the command line prints it.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from rich.table import Table

from rdvlog.history import AttemptRecord
from rdvlog.models import Place
from rdvlog.printable import json_safe, printable
from rdvlog.timestamps import rfc3339, utc_stamp

#: The machine CSV's columns: stable English snake_case, enum codes, ISO timestamps.
CSV_COLUMNS = (
    "seq",
    "number",
    "at",
    "recorded_at",
    "place_label",
    "place_kind",
    "department",
    "office",
    "procedure",
    "channel",
    "outcome",
    "message",
    "url",
    "reference",
    "note",
    "evidence_count",
    "evidence_sha256",
    "late",
    "voided",
    "void_reason",
)


def as_dict(
    record: AttemptRecord, number: int, *, stored: Sequence[Path] | None = None
) -> dict[str, Any]:
    """One attempt as a JSON object: its journal and attempt numbers, the recorded data, and
    its state; ``stored`` gives where each evidence file is kept, for ``attempt show``."""
    data = record.attempt.model_dump(mode="json", exclude_none=True)
    if stored is not None:
        for item, path in zip(data["evidence"], stored, strict=True):
            item["stored_path"] = str(path)
    return {
        "seq": record.seq,
        "number": number,
        "recorded_at": utc_stamp(record.recorded_at),
        **data,
        "late": record.late,
        "voided": record.voided,
        **({"void_reason": record.void_reason} if record.voided else {}),
    }


def jsonl(records: Sequence[AttemptRecord], numbers: Mapping[int, int]) -> Iterator[str]:
    for record in records:
        yield json_safe(json.dumps(as_dict(record, numbers[record.seq]), ensure_ascii=False)) + "\n"


def json_array(records: Sequence[AttemptRecord], numbers: Mapping[int, int]) -> Iterator[str]:
    """One JSON array, one attempt per line, produced as it goes.

    Compact items keep the C encoder (an indented document is encoded in pure Python) and
    streaming keeps memory flat on a journal of years of attempts.
    """
    yield "["
    for number, record in enumerate(records):
        item = json_safe(json.dumps(as_dict(record, numbers[record.seq]), ensure_ascii=False))
        yield (",\n  " if number else "\n  ") + item
    yield "\n]\n" if records else "]\n"


def csv_row(record: AttemptRecord, number: int) -> list[str]:
    attempt = record.attempt
    place = attempt.place
    return [
        str(record.seq),
        str(number),
        rfc3339(attempt.at),
        utc_stamp(record.recorded_at),
        place.label,
        place.kind,
        place.department or "",
        place.office or "",
        attempt.procedure,
        attempt.channel.value,
        attempt.outcome.value,
        attempt.message or "",
        attempt.url or "",
        attempt.reference or "",
        attempt.note or "",
        str(len(attempt.evidence)),
        " ".join(e.sha256 for e in attempt.evidence),
        "true" if record.late else "false",
        "true" if record.voided else "false",
        record.void_reason or "",
    ]


def csv_rows(
    records: Sequence[AttemptRecord], numbers: Mapping[int, int], *, chunk: int = 1000
) -> Iterator[str]:
    """The machine CSV, a chunk of rows at a time."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for number, record in enumerate(records, start=1):
        writer.writerow([printable(cell) for cell in csv_row(record, numbers[record.seq])])
        if number % chunk == 0:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


def _when(record: AttemptRecord, zone: dt.tzinfo) -> str:
    return f"{record.attempt.at.astimezone(zone):%a %Y-%m-%d %H:%M}"


def table(
    records: Sequence[AttemptRecord],
    numbers: Mapping[int, int],
    *,
    zone: dt.tzinfo,
    show_void: bool,
    width: int,
) -> Table:
    """The attempts as a table for a terminal ``width`` columns wide, by attempt number."""
    grid = Table(box=None, header_style="bold", pad_edge=False)
    # Number, time and codes never wrap; free text wraps to give way on a narrow screen, where
    # the message (shown in full by `attempt show`) is left out altogether.
    columns = ["#", "when", "place", "démarche", "channel", "outcome", "files"]
    if width >= 100:
        columns.append("message")
    for column in columns:
        wraps = column in ("place", "démarche", "message")
        grid.add_column(column, no_wrap=not wraps, overflow="fold" if wraps else "ellipsis")
    if show_void:
        grid.add_column("void", overflow="fold")
    for record in records:
        attempt = record.attempt
        row = [
            str(numbers[record.seq]),
            _when(record, zone) + (" *" if record.late else ""),
            printable(_place(attempt.place)),
            printable(attempt.procedure),
            attempt.channel.value,
            attempt.outcome.value,
            str(len(attempt.evidence)) if attempt.evidence else "",
            printable(_shorten(attempt.message or "", 40)),
        ][: len(columns)]
        if show_void:
            row.append(printable(record.void_reason or ""))
        grid.add_row(*row, style="dim strike" if record.voided else None)
    return grid


def _place(place: Place) -> str:
    """A short name for a table cell: the office and its département, else the text typed."""
    if place.office and place.department:
        return f"{place.office} ({place.department})"
    return place.label


def _shorten(text: str, width: int = 60) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def detail(
    record: AttemptRecord,
    number: int,
    *,
    zone: dt.tzinfo,
    stored: Sequence[Path],
    about: int | None = None,
) -> Table:
    """One attempt in full, with its journal entry, the attempt number of the written step
    it follows up (``about``), and where each evidence file is stored."""
    attempt = record.attempt
    grid = Table(box=None, show_header=False, pad_edge=False)
    grid.add_column(style="bold")
    grid.add_column(overflow="fold")
    fields: list[tuple[str, str | None]] = [
        ("attempt", str(number) + (f"  VOID: {record.void_reason}" if record.voided else "")),
        ("entry", f"journal line {record.seq}"),
        ("when", f"{attempt.at.astimezone(zone):%A %Y-%m-%d %H:%M %Z}"),
        (
            "recorded",
            f"{record.recorded_at.astimezone(zone):%Y-%m-%d %H:%M:%S %Z}"
            + (" (late entry)" if record.late else ""),
        ),
        ("place", attempt.place.label),
        ("démarche", attempt.procedure),
        ("channel", attempt.channel.value),
        ("outcome", attempt.outcome.value),
        ("message", attempt.message),
        ("url", attempt.url),
        ("reference", attempt.reference),
        ("about", f"attempt {about}" if about is not None else None),
        ("note", attempt.note),
    ]
    for name, value in fields:
        if value:
            grid.add_row(name, printable(value))
    for number, (evidence, path) in enumerate(zip(attempt.evidence, stored, strict=True), 1):
        grid.add_row(
            f"file {number}",
            printable(f"{evidence.name} ({evidence.media_type}, {evidence.size} bytes)")
            + f"\n{printable(str(path))}\nsha256 {evidence.sha256}",
        )
    return grid
