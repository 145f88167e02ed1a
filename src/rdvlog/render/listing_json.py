"""Attempts as JSON for ``attempt list`` and ``attempt show``: one object each, and a
listing of many written fast, byte for byte what ``json.dumps`` writes."""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping, Sequence
from operator import attrgetter
from pathlib import Path
from typing import Any

from rdvlog.codes import Channel, Outcome
from rdvlog.history import AttemptRecord
from rdvlog.models import Attempt, Evidence, Place
from rdvlog.printable import json_safe


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
        #: :meth:`beside_at` by the identity of the fields it writes (and those fields).
        self.written: dict[tuple[int, ...], tuple[str, tuple[object, ...]]] = {}

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
        # Attempts the journal's fast path reads share their fields but ``at`` (the same
        # objects: fastpath._with_at), so what those write is looked up by their identity;
        # the entry keeps them, so that no other object takes one of their ids meanwhile.
        fields = _BESIDE_AT(attempt)
        key = tuple(map(id, fields))
        found = self.written.get(key)
        if found is None:
            found = (self.beside_at(attempt), fields)
            if len(self.written) < 4096:
                self.written[key] = found
        reason = record.void_reason
        return (
            f'{{"seq": {record.seq}, "number": {number}, "recorded_at": "{record.stamp}", '
            f'"at": "{attempt.at.isoformat(timespec="seconds")}", {found[0]}'
            + (', "late": true' if record.late else ', "late": false')
            + (', "voided": false}' if reason is None else _voided(reason))
        )

    def beside_at(self, attempt: Attempt) -> str:
        """What an attempt's item says between ``at`` and ``late``."""
        place = self.places.get(id(attempt.place))
        if place is None:
            dumped = attempt.place.model_dump(mode="json", exclude_none=True)
            place = self.places[id(attempt.place)] = _json_safe(_encode(dumped))
        text = self.text
        parts = [
            f'"place": {place}, "procedure": {text(attempt.procedure)}, '
            f'"channel": {_CODES[attempt.channel]}, "outcome": {_CODES[attempt.outcome]}'
        ]
        if attempt.message is not None:
            parts.append(f', "message": {text(attempt.message)}')
        if attempt.url is not None:
            parts.append(f', "url": {_safe_string(attempt.url)}')
        if attempt.reference is not None:
            parts.append(f', "reference": {_safe_string(attempt.reference)}')
        if attempt.about is not None:
            parts.append(f', "about": {int(attempt.about)}')
        parts.append(f', "evidence": [{self.files(attempt.evidence)}]')
        if attempt.note is not None:
            parts.append(f', "note": {_safe_string(attempt.note)}')
        return "".join(parts)

    def files(self, evidence: Sequence[Evidence]) -> str:
        return ", ".join(
            [
                f'{{"sha256": {_safe_string(e.sha256)}, "name": {_safe_string(e.name)}, '
                f'"size": {int(e.size)}, "media_type": {self.text(e.media_type)}}}'
                for e in evidence
            ]
        )


#: An attempt's fields but ``at``, in one call.
_BESIDE_AT = attrgetter(*_ATTEMPT_FIELDS[1:])


def _voided(reason: str) -> str:
    return f', "voided": true, "void_reason": {_safe_string(reason)}}}'


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
