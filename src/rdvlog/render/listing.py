"""Attempts for ``attempt list`` and ``attempt show``: JSON, JSON Lines, CSV, Rich tables."""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from rdvlog.history import AttemptRecord
from rdvlog.models import Place
from rdvlog.when import rfc3339, utc_stamp

#: The machine CSV's columns: stable English snake_case, enum codes, ISO timestamps.
CSV_COLUMNS = (
    "seq",
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


def as_dict(record: AttemptRecord, *, evidence_dir: Path | None = None) -> dict[str, Any]:
    """One attempt as a JSON object: its number, the recorded data, and its state."""
    data = record.attempt.model_dump(mode="json", exclude_none=True)
    if evidence_dir is not None:
        from rdvlog.evidence import stored_path

        for item, evidence in zip(data["evidence"], record.attempt.evidence, strict=True):
            item["stored_path"] = str(stored_path(evidence_dir, evidence))
    return {
        "seq": record.seq,
        "recorded_at": utc_stamp(record.recorded_at),
        **data,
        "late": record.late,
        "voided": record.voided,
        **({"void_reason": record.void_reason} if record.voided else {}),
    }


def write_jsonl(records: Sequence[AttemptRecord]) -> None:
    out = sys.stdout
    for record in records:
        out.write(json.dumps(as_dict(record), ensure_ascii=False) + "\n")


def write_json(records: Sequence[AttemptRecord]) -> None:
    """One JSON array, one attempt per line, written as it goes.

    Compact items keep the C encoder (an indented document is encoded in pure Python) and
    streaming keeps memory flat on a journal of years of attempts.
    """
    out = sys.stdout
    out.write("[")
    for number, record in enumerate(records):
        out.write(",\n  " if number else "\n  ")
        out.write(json.dumps(as_dict(record), ensure_ascii=False))
    out.write("\n]\n" if records else "]\n")


def csv_row(record: AttemptRecord) -> list[str]:
    attempt = record.attempt
    place = attempt.place
    return [
        str(record.seq),
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


def write_csv(records: Sequence[AttemptRecord]) -> None:
    import csv

    writer = csv.writer(sys.stdout, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    writer.writerows(csv_row(record) for record in records)


def _when(record: AttemptRecord, zone: dt.tzinfo) -> str:
    return f"{record.attempt.at.astimezone(zone):%a %Y-%m-%d %H:%M}"


def print_table(records: Sequence[AttemptRecord], *, zone: dt.tzinfo, show_void: bool) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console()
    if not records:
        Console(stderr=True).print("no attempts recorded yet" if not show_void else "no attempts")
        return
    table = Table(box=None, header_style="bold", pad_edge=False)
    # Number, time and codes never wrap; free text wraps to give way on a narrow screen, where
    # the message (shown in full by `attempt show`) is left out altogether.
    columns = ["#", "when", "place", "démarche", "channel", "outcome", "files"]
    if console.width >= 100:
        columns.append("message")
    for column in columns:
        wraps = column in ("place", "démarche", "message")
        table.add_column(column, no_wrap=not wraps, overflow="fold" if wraps else "ellipsis")
    if show_void:
        table.add_column("void", overflow="fold")
    for record in records:
        attempt = record.attempt
        row = [
            str(record.seq),
            _when(record, zone) + (" *" if record.late else ""),
            _place(attempt.place),
            attempt.procedure,
            attempt.channel.value,
            attempt.outcome.value,
            str(len(attempt.evidence)) if attempt.evidence else "",
            _shorten(attempt.message or "", 40),
        ][: len(columns)]
        if show_void:
            row.append(record.void_reason or "")
        table.add_row(*row, style="dim strike" if record.voided else None)
    console.print(table, markup=False, highlight=False)
    if any(record.late for record in records):
        Console(stderr=True).print(
            "* recorded more than an hour after the attempt", highlight=False
        )


def _place(place: Place) -> str:
    """A short name for a table cell: the office and its département, else the text typed."""
    if place.office and place.department:
        return f"{place.office} ({place.department})"
    return place.label


def _shorten(text: str, width: int = 60) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def print_detail(record: AttemptRecord, *, zone: dt.tzinfo, evidence_dir: Path) -> None:
    from rich.console import Console
    from rich.table import Table

    from rdvlog.evidence import stored_path

    attempt = record.attempt
    table = Table(box=None, show_header=False, pad_edge=False)
    table.add_column(style="bold")
    table.add_column(overflow="fold")
    fields: list[tuple[str, str | None]] = [
        ("attempt", str(record.seq) + (f"  VOID: {record.void_reason}" if record.voided else "")),
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
        ("note", attempt.note),
    ]
    for name, value in fields:
        if value:
            table.add_row(name, value)
    for number, evidence in enumerate(attempt.evidence, start=1):
        table.add_row(
            f"file {number}",
            f"{evidence.name} ({evidence.media_type}, {evidence.size} bytes)\n"
            f"{stored_path(evidence_dir, evidence)}\nsha256 {evidence.sha256}",
        )
    Console().print(table, markup=False, highlight=False)
