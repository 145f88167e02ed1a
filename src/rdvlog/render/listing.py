"""Attempts for ``attempt list`` and ``attempt show``: JSON, JSON Lines, CSV, Rich tables.

Each view returns text or a renderable; the command line prints it. The JSON views are
:mod:`rdvlog.render.listing_json`'s, named here too.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path

from rich.table import Table

from rdvlog.codes import Lang, spoken
from rdvlog.history import AttemptRecord
from rdvlog.labels import t
from rdvlog.models import Place
from rdvlog.printable import printable
from rdvlog.render.listing_json import as_dict, json_array, jsonl
from rdvlog.timestamps import rfc3339

__all__ = [
    "CSV_COLUMNS",
    "as_dict",
    "constant_columns",
    "csv_row",
    "csv_rows",
    "detail",
    "json_array",
    "jsonl",
    "stored_lines",
    "table",
]

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


def csv_row(record: AttemptRecord, number: int) -> list[str]:
    attempt = record.attempt
    place = attempt.place
    return [
        str(record.seq),
        str(number),
        rfc3339(attempt.at),
        record.stamp,
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


def _when(record: AttemptRecord, zone: dt.tzinfo, lang: Lang = "en", *, day: bool = True) -> str:
    moment = record.attempt.at.astimezone(zone)
    weekday = f"{t(lang, f'list.day.{moment.weekday()}')} " if day else ""
    return f"{weekday}{moment:%Y-%m-%d %H:%M}"


def constant_columns(records: Sequence[AttemptRecord]) -> dict[str, str]:
    """``place``/``démarche`` → the value every record shares (a table need not repeat it),
    made printable as the table's cells are."""
    shared: dict[str, str] = {}
    if records:
        places = {_place(record.attempt.place) for record in records}
        procedures = {record.attempt.procedure for record in records}
        if len(places) == 1:
            shared["place"] = printable(places.pop())
        if len(procedures) == 1:
            shared["démarche"] = printable(procedures.pop())
    return shared


def table(
    records: Sequence[AttemptRecord],
    numbers: Mapping[int, int],
    *,
    zone: dt.tzinfo,
    show_void: bool,
    width: int,
    lang: Lang = "en",
    omit: Sequence[str] = (),
) -> Table:
    """The attempts as a table for a terminal ``width`` columns wide, about one line each.

    ``omit`` names columns the caller states once above the table (a préfecture and démarche
    every row shares). Number, time and codes never wrap; place and démarche are cut short
    with an ellipsis rather than wrapping every row; the message (shown in full by
    `attempt show`) appears only on a wide screen.
    """
    narrow = width < 70
    # One space between columns: two would cost a narrow screen ten of its sixty columns.
    grid = Table(box=None, header_style="bold", pad_edge=False, padding=(0, 1, 0, 0))
    columns = ["#", "when", "place", "démarche", "channel", "outcome", "files"]
    if width >= 100:
        columns.append("message")
    shown = [column for column in columns if column not in omit]
    cells = [_cells(record, numbers[record.seq], zone, lang, narrow) for record in records]
    for column in shown:
        # Codes, numbers and times are never cut (min_width: their longest value); free text
        # is cut with an ellipsis rather than wrapping every row.
        longest = max((len(row[column]) for row in cells), default=0)
        cut = column in ("place", "démarche", "message")
        grid.add_column(
            t(lang, f"list.col.{column}"),
            no_wrap=True,
            overflow="ellipsis",
            min_width=None if cut else longest,
            max_width=max(12, width // 5) if cut else None,
        )
    if show_void:
        grid.add_column(t(lang, "list.col.void"), overflow="fold")
    for record, row in zip(records, cells, strict=True):
        values = [row[column] for column in shown]
        if show_void:
            values.append(printable(record.void_reason or ""))
        grid.add_row(*values, style="dim strike" if record.voided else None)
    return grid


def _cells(
    record: AttemptRecord, number: int, zone: dt.tzinfo, lang: Lang, narrow: bool
) -> dict[str, str]:
    """One row's cells (user text made printable); on a narrow screen without the weekday,
    and the place as its département code (the préfecture people know by its number)."""
    attempt = record.attempt
    place = attempt.place
    return {
        "#": str(number),
        "when": _when(record, zone, lang, day=not narrow) + ("*" if record.late else ""),
        "place": printable(
            (place.department or place.label.split()[0]) if narrow else _place(place)
        ),
        "démarche": printable(attempt.procedure),
        "channel": spoken(attempt.channel, lang),
        "outcome": spoken(attempt.outcome, lang),
        "files": str(len(attempt.evidence)) if attempt.evidence else "",
        "message": printable(_shorten(attempt.message or "", 40)),
    }


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
    lang: Lang = "en",
    about: int | None = None,
) -> Table:
    """One attempt in full, with its journal entry and the attempt number of the written
    step it follows up (``about``); where its files are stored is :func:`stored_lines`."""
    attempt = record.attempt
    grid = Table(box=None, show_header=False, pad_edge=False)
    grid.add_column(style="bold", no_wrap=True)
    grid.add_column(overflow="fold")
    at = attempt.at.astimezone(zone)
    recorded = record.recorded_at.astimezone(zone)
    void = t(lang, "show.void", reason=record.void_reason) if record.voided else ""
    fields: list[tuple[str, str | None]] = [
        ("attempt", str(number) + void),
        ("entry", t(lang, "show.entry_line", seq=record.seq)),
        ("when", f"{t(lang, f'show.day.{at.weekday()}')} {at:%Y-%m-%d %H:%M %Z}"),
        (
            "recorded",
            f"{recorded:%Y-%m-%d %H:%M:%S %Z}" + (t(lang, "show.late") if record.late else ""),
        ),
        ("place", attempt.place.label),
        ("démarche", attempt.procedure),
        ("channel", spoken(attempt.channel, lang)),
        ("outcome", spoken(attempt.outcome, lang)),
        ("message", attempt.message),
        ("url", attempt.url),
        ("reference", attempt.reference),
        ("note", attempt.note),
        ("about", t(lang, "show.about_line", n=about) if about is not None else None),
    ]
    for name, value in fields:
        if value:
            grid.add_row(t(lang, f"show.{name}"), printable(value))
    for number, evidence in enumerate(attempt.evidence, 1):
        grid.add_row(
            t(lang, "show.file", n=number),
            t(
                lang,
                "show.file_line",
                name=printable(evidence.name),
                type=evidence.media_type,
                size=evidence.size,
            ),
        )
    return grid


def stored_lines(record: AttemptRecord, stored: Sequence[Path], lang: Lang = "en") -> list[str]:
    """Where each evidence file is stored, and its hash: plain lines that a terminal may
    soft-wrap but that no table breaks, so that they are copied whole."""
    lines = []
    pairs = zip(record.attempt.evidence, stored, strict=True)
    for number, (evidence, path) in enumerate(pairs, 1):
        lines += [
            t(lang, "show.file", n=number) + t(lang, "colon").rstrip(),
            printable(str(path)),
            f"sha256 {evidence.sha256}",
        ]
    return lines
