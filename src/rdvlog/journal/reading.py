"""Reading journal lines back: every line in order, or the latest case entry, damage refused."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Protocol, TypeVar

from pydantic import ValidationError

from rdvlog.errors import JournalDamaged, Phrase, TornTail
from rdvlog.journal.codec import LineError, parse_line, split_lines
from rdvlog.labels.problems import detail_phrase, validation_values
from rdvlog.models import Case


class _Numbered(Protocol):
    @property
    def seq(self) -> int: ...


_Line = TypeVar("_Line", bound=_Numbered)


def read_lines(data: bytes, read: Callable[[bytes], _Line], path: Path) -> list[_Line]:
    """Every line of the snapshot ``data`` read with ``read``: a torn tail, a damaged line or
    a gap in the numbering is refused, never skipped (exit 1)."""
    lines, rest = split_lines(data)
    if rest:
        raise torn_tail(path)
    items: list[_Line] = []
    for number, raw in enumerate(lines, start=1):
        try:
            item = read(raw)
        except LineError as exc:
            if exc.newer:
                raise newer_entry(path, exc) from None
            raise damaged(path, number, detail_phrase(exc.kind, exc.values)) from None
        if item.seq != number:
            gap = {"found": item.seq, "expected": number}
            raise damaged(path, number, detail_phrase("seq-gap", gap))
        items.append(item)
    return items


def case_from_line(raw: bytes, path: Path) -> Case:
    """The case profile a line found by the hint or the search holds (with its newline)."""
    if not raw.endswith(b"\n"):
        raise torn_tail(path)
    try:
        payload = parse_line(raw[:-1])[1].payload()
    except LineError as exc:
        if exc.newer:
            raise newer_entry(path, exc) from None
        raise _unreadable_case(path, detail_phrase(exc.kind, exc.values)) from None
    except ValidationError as exc:
        invalid = {"cause": "field", **validation_values(exc.errors()[0])}
        raise _unreadable_case(path, detail_phrase("invalid-field", invalid)) from None
    if not isinstance(payload, Case):
        raise _unreadable_case(path, Phrase("break.case"))
    return payload


def torn_tail(path: Path) -> TornTail:
    return TornTail(key="error.journal.torn_tail", path=path)


def newer_entry(path: Path, exc: LineError) -> JournalDamaged:
    return JournalDamaged(
        key="error.journal.newer", path=path, detail=detail_phrase(exc.kind, exc.values)
    )


def damaged(path: Path, line: int, detail: Phrase) -> JournalDamaged:
    return JournalDamaged(key="error.journal.damaged", path=path, line=line, detail=detail)


def _unreadable_case(path: Path, detail: Phrase) -> JournalDamaged:
    return JournalDamaged(key="error.journal.case", path=path, detail=detail)
