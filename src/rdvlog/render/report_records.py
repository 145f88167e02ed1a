"""The report's record sections: the chronological table, the pièces and the points to
check, the journal's integrity, and the annex of journal numbers. Each reads a
:class:`~rdvlog.render.report_parts.ReportView`. No I/O.
"""

from __future__ import annotations

from collections.abc import Iterator
from operator import attrgetter

from rdvlog.history import AttemptRecord
from rdvlog.pieces import long_date
from rdvlog.render import i18n, prose
from rdvlog.render.document import Bullets, Heading, Paragraph, Runs, Table, Text
from rdvlog.render.report_parts import LATE_MARK, Item, ReportView, RowTable

#: What a row's details cell is made of: message, place, démarche, address, reference, note.
_Said = tuple[str | None, str, str, str | None, str | None, str | None]


#: A row's :data:`_Said`, read from its attempt in one call.
_said = attrgetter("message", "place.label", "procedure", "url", "reference", "note")


def details(view: ReportView, record: AttemptRecord) -> str:
    """The row's « message affiché et observations »: written once for each distinct set of
    values (most rows repeat one of a few messages and places)."""
    said: _Said = _said(record.attempt)
    written = view.details_written.get(said)
    if written is None:
        written = view.details_written[said] = _details(view, said)
    return written


def _details(view: ReportView, said: _Said) -> str:
    message, place, procedure, url, reference, note = said
    parts = []
    if message and message != view.constant_message:
        parts.append(view.label("details.message", text=message))
    if place != view.place_label:
        parts.append(view.label("details.place", text=place))
    if view.report.case.procedure and procedure != view.report.case.procedure:
        parts.append(view.label("details.procedure", text=procedure))
    if url and url != view.constant_url:
        parts.append(url)
    if reference:
        parts.append(view.label("details.reference", text=reference))
    if note:
        parts.append(view.label("details.note", text=note))
    return " — ".join(parts)


def chronological(view: ReportView) -> Iterator[Item]:
    keys = ("row", "date", "time", "channel", "outcome", "details", "pieces")

    def rows() -> Iterator[tuple[str, ...]]:
        channels, outcomes = view.channel_names, view.outcome_names
        written, by_seq = view.details_written, view.pieces_by_seq
        stamped = zip(view.booking, view.booking_stamps, strict=True)
        for row, (record, (day, time)) in enumerate(stamped, start=1):
            attempt = record.attempt
            cell = written.get(_said(attempt))
            yield (
                f"{row} {LATE_MARK}" if record.late else str(row),
                day,
                time,
                channels[attempt.channel],
                outcomes[attempt.outcome],
                details(view, record) if cell is None else cell,
                view.refs_text(record) if record.seq in by_seq else "",
            )

    yield Heading(view.label("section.attempts"), 2)
    yield Paragraph((view.label("attempts.intro"),), style="small")
    yield RowTable(
        tuple(view.label(f"col.{k}") for k in keys),
        rows,
        widths=(0.9, 2.1, 1.3, 2.2, 2.4, 6.2, 1.6),
    )
    late = [(row, r) for row, r in enumerate(view.booking, start=1) if r.late]
    if late:
        yield Paragraph((f"{LATE_MARK} ", view.label("late.legend")), style="small")
        yield Bullets(
            tuple(
                (
                    view.label(
                        "late.item",
                        row=row,
                        at=view.when(r.attempt.at),
                        recorded=view.when(r.recorded_at),
                    ),
                )
                for row, r in late
            )
        )


def pieces(view: ReportView) -> Iterator[Item]:
    report = view.report
    yield Heading(view.label("section.pieces"), 2)
    yield Paragraph((view.label("pieces.intro"),), style="small")
    rows: list[tuple[Runs, ...]] = []
    for piece in report.pieces:
        names = "; ".join(dict.fromkeys(item.evidence.name for item in piece.items))
        size = sum({item.evidence.sha256: item.evidence.size for item in piece.items}.values())
        digest = piece.sha256 if piece.kind != "week" else None
        flag = view.label("ref.check").strip() if piece.number in view.doubtful else ""
        rows.append(
            (
                (view.label("ref.piece", n=piece.number),),
                (piece.label, " ", Text(flag, bold=True)) if flag else (piece.label,),
                (names,),
                (i18n.size(view.lang, size) if piece.items else "",),
                (Text(digest, mono=True),) if digest else ("",),
            )
        )
    keys = ("piece", "designation", "file", "size", "sha256")
    yield Table(
        tuple(view.label(f"col.{k}") for k in keys),
        tuple(rows),
        widths=(1.3, 4.5, 2.6, 1.6, 4.5),
    )
    checks = list(_checks(view))
    if checks:
        yield Heading(view.label("section.checks"), 3)
        yield Bullets(tuple((c,) for c in checks))


def _checks(view: ReportView) -> Iterator[str]:
    for piece in view.report.pieces:
        if piece.reused:
            listed = prose.enumerate_words(view.lang, [str(n) for n in piece.attempt_numbers])
            days = prose.enumerate_words(
                view.lang,
                list(
                    dict.fromkeys(
                        long_date(view.lang, view.report.local(i.record.attempt.at).date())
                        for i in piece.items
                        if i.record
                    )
                ),
            )
            yield view.label("check.reused", n=piece.number, attempts=listed, days=days)
        for item in piece.items:
            captured = view.capture_gap(item)
            if captured is not None and item.record is not None:
                yield view.label(
                    "check.capture",
                    n=piece.number,
                    name=item.evidence.name,
                    captured=view.when(captured),
                    attempt=item.number or "?",
                    at=view.when(item.record.attempt.at),
                )


def integrity(view: ReportView) -> Iterator[Item]:
    lang, integrity, report = view.lang, view.report.integrity, view.report
    local = report.local(report.generated_at)
    if integrity.ok:
        result = view.label("integrity.ok", day=long_date(lang, local.date()))
    else:
        result = view.label("integrity.failed", problem=integrity.problem_in(lang))
    head: Runs
    if integrity.head_hash:
        head = (Text(integrity.head_hash, mono=True),)
    else:
        empty = integrity.entry_count == 0
        head = (view.label("integrity.head_none" if empty else "integrity.head_unknown"),)
    voided = report.voided
    count = i18n.number(lang, len(voided)) if voided else view.label("integrity.voided_none")
    yield Heading(view.label("section.integrity"), 2)
    yield Bullets(
        (
            (Text(view.label("integrity.result"), bold=True), view.label("colon"), result),
            (
                Text(view.label("integrity.entries"), bold=True),
                view.label("colon"),
                i18n.number(lang, integrity.entry_count),
            ),
            (Text(view.label("integrity.head"), bold=True), view.label("colon"), *head),
            (Text(view.label("integrity.voided"), bold=True), view.label("colon"), count),
        )
    )
    yield Paragraph((view.label("integrity.entries_why"),), style="small")
    if voided:
        rows = tuple(
            (
                (str(report.numbers.get(r.seq, r.seq)),),
                (view.when(r.attempt.at),),
                (r.void_reason or "",),
            )
            for r in voided
        )
        keys = ("attempt_no", "date", "void_reason")
        yield Table(tuple(view.label(f"col.{k}") for k in keys), rows, widths=(1, 3, 4))
    if integrity.recorded_backwards:
        # The computer's clock went back between two entries: said, never hidden (#11).
        yield Paragraph((Text(view.label("integrity.backwards"), bold=True),))
        yield Bullets(
            tuple(
                (i18n.clock_back(lang, back, report.zone),) for back in integrity.recorded_backwards
            )
        )
    if report.filtered:
        yield Paragraph((view.label("integrity.selection"),), style="small")
    yield Paragraph((view.label("integrity.statement"),))


def annex(view: ReportView) -> Iterator[Item]:
    def rows() -> Iterator[tuple[str, ...]]:
        numbers = view.report.numbers
        stamped = zip(view.booking, view.booking_stamps, strict=True)
        for row, (record, (day, time)) in enumerate(stamped, start=1):
            # The date as i18n.date_time writes it.
            yield (str(row), f"{day} {time}", str(numbers.get(record.seq, "")), str(record.seq))

    keys = ("row", "date", "attempt_no", "entry")
    yield Heading(view.label("section.annex"), 2)
    yield Paragraph((view.label("annex.intro"),), style="small")
    yield RowTable(
        tuple(view.label(f"col.{k}") for k in keys), rows, widths=(1, 3, 2, 2), align="lllr"
    )
