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

from rdvlog.codes import Channel, Lang, Outcome, spoken
from rdvlog.history import AttemptRecord
from rdvlog.labels import t
from rdvlog.models import Attempt, Evidence, Place
from rdvlog.printable import json_safe, printable
from rdvlog.timestamps import rfc3339

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
        "recorded_at": record.stamp,
        **data,
        "late": record.late,
        "voided": record.voided,
        **({"void_reason": record.void_reason} if record.voided else {}),
    }


# The fields :class:`_Items` writes out as ``as_dict`` has pydantic dump them (a list of
# years of attempts spent most of its time in pydantic's serializer and the JSON encoder);
# a model with other fields than these is dumped by pydantic.
_ATTEMPT_FIELDS = (
    "at",
    "place",
    "procedure",
    "channel",
    "outcome",
    "message",
    "url",
    "reference",
    "about",
    "evidence",
    "note",
)
_FAST_DUMP = (
    tuple(Attempt.model_fields) == _ATTEMPT_FIELDS
    and tuple(Place.model_fields) == ("label", "kind", "department", "office")
    and tuple(Evidence.model_fields) == ("sha256", "name", "size", "media_type")
    and not Attempt.model_config.get("ser_json_timedelta")
)


#: ``json.dumps(value, ensure_ascii=False)``, with one encoder for every item.
_encode = json.JSONEncoder(ensure_ascii=False).encode
#: How that encoder writes a string.
_string = json.encoder.encode_basestring


class _Items:
    """Each attempt as ``json_safe(json.dumps(as_dict(record, number), ensure_ascii=False))``
    writes it, byte for byte, for a listing of many: the texts a journal repeats (places,
    démarches, messages, codes) are encoded once each, and the rest is written in place.

    Only the JSON strings of user text can hold what :func:`~rdvlog.printable.json_safe`
    escapes, and it escapes character by character: each string is made safe alone."""

    def __init__(self) -> None:
        self.places: dict[int, str] = {}
        self.texts: dict[str, str] = {}

    def text(self, value: str) -> str:
        """A text the journal repeats, as a safe JSON string (the first 4,096 are kept)."""
        encoded = self.texts.get(value)
        if encoded is None:
            encoded = _safe_string(value)
            if len(self.texts) < 4096:
                self.texts[value] = encoded
        return encoded

    def item(self, record: AttemptRecord, number: int) -> str:
        if not _FAST_DUMP:
            return _json_safe(_encode(as_dict(record, number)))
        attempt = record.attempt
        place = self.places.get(id(attempt.place))
        if place is None:
            dumped = attempt.place.model_dump(mode="json", exclude_none=True)
            place = self.places[id(attempt.place)] = _json_safe(_encode(dumped))
        text = self.text
        parts = [
            f'{{"seq": {record.seq}, "number": {number}, "recorded_at": "{record.stamp}", '
            f'"at": "{attempt.at.isoformat(timespec="seconds")}", "place": {place}, '
            f'"procedure": {text(attempt.procedure)}, "channel": {_CODES[attempt.channel]}, '
            f'"outcome": {_CODES[attempt.outcome]}'
        ]
        if attempt.message is not None:
            parts.append(f', "message": {text(attempt.message)}')
        if attempt.url is not None:
            parts.append(f', "url": {_safe_string(attempt.url)}')
        if attempt.reference is not None:
            parts.append(f', "reference": {_safe_string(attempt.reference)}')
        if attempt.about is not None:
            parts.append(f', "about": {int(attempt.about)}')
        if attempt.evidence:
            parts.append(f', "evidence": [{self.files(attempt.evidence)}]')
        else:
            parts.append(', "evidence": []')
        if attempt.note is not None:
            parts.append(f', "note": {_safe_string(attempt.note)}')
        parts.append(', "late": true' if record.late else ', "late": false')
        reason = record.void_reason
        if reason is not None:
            parts.append(f', "voided": true, "void_reason": {_safe_string(reason)}}}')
        else:
            parts.append(', "voided": false}')
        return "".join(parts)

    def files(self, evidence: Sequence[Evidence]) -> str:
        return ", ".join(
            [
                f'{{"sha256": {_safe_string(e.sha256)}, "name": {_safe_string(e.name)}, '
                f'"size": {int(e.size)}, "media_type": {self.text(e.media_type)}}}'
                for e in evidence
            ]
        )


#: Channels and outcomes as JSON strings.
_CODES: dict[str, str] = {code: _string(code.value) for code in (*Channel, *Outcome)}


def _json_safe(item: str) -> str:
    """:func:`~rdvlog.printable.json_safe`; text Python calls printable holds none of the
    characters it escapes (controls, invisible formatting, separators, surrogates)."""
    return item if item.isprintable() else json_safe(item)


def _safe_string(value: str) -> str:
    """``value`` as a JSON string, made safe as :func:`_json_safe` makes a whole item."""
    return _json_safe(_string(value))


def jsonl(records: Sequence[AttemptRecord], numbers: Mapping[int, int]) -> Iterator[str]:
    items = _Items()
    for start in range(0, len(records), _CHUNK):
        chunk = records[start : start + _CHUNK]
        yield "".join([items.item(r, numbers[r.seq]) + "\n" for r in chunk])


def json_array(records: Sequence[AttemptRecord], numbers: Mapping[int, int]) -> Iterator[str]:
    """One JSON array, one attempt per line, produced as it goes.

    Compact items (as the C encoder writes them; an indented document is encoded in pure
    Python) and streaming keep it fast and memory flat on a journal of years of attempts.
    """
    if not records:
        yield "[]\n"
        return
    items = _Items()
    for start in range(0, len(records), _CHUNK):
        chunk = records[start : start + _CHUNK]
        lines = [items.item(r, numbers[r.seq]) for r in chunk]
        yield ("[\n  " if start == 0 else ",\n  ") + ",\n  ".join(lines)
    yield "\n]\n"


#: Items written out at a time: each chunk is one write, which the standard output may not
#: gather (``PYTHONUNBUFFERED``), and a few hundred kilobytes at most.
_CHUNK = 500


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
