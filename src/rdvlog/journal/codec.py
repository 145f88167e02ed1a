"""The journal's bytes: canonical JSON, entry hashes, the written line form, reading a line."""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import json
import re
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any, NamedTuple

from pydantic import TypeAdapter, ValidationError
from pydantic_core import from_json

from rdvlog.labels.problems import validation_values
from rdvlog.models import (
    FORMAT_VERSION,
    PAYLOADS,
    Attempt,
    Entry,
    Evidence,
    Payload,
    Place,
)
from rdvlog.timestamps import parse_utc_stamp

if TYPE_CHECKING:
    from rdvlog.journal.fastpath import FastLines


def canonical(obj: dict[str, Any]) -> bytes:
    """RFC 8785 canonical JSON, for objects with ASCII keys and no floats (all of ours)."""
    return json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def hashed_body(
    envelope: dict[str, Any], encode: Callable[[dict[str, Any]], bytes] = canonical
) -> bytes:
    """The bytes the hash is computed over: the canonical envelope without ``hash``.

    ``encode`` is :func:`canonical`, or :meth:`FastJson.canonical` for an object that
    :meth:`FastJson.decode` parsed (the same bytes, several times faster).
    """
    return encode({key: value for key, value in envelope.items() if key != "hash"})


class FastJson:
    """msgspec's parser and deterministic encoder, for reading a whole journal.

    ``canonical`` gives exactly :func:`canonical`'s bytes for what ``decode`` returns: JSON
    objects with string keys, strings, integers of any size, booleans and null — ``decode``
    refuses floats, the one type whose spelling differs (``1e16`` against ``1e+16``), and
    ``tests/test_codec_fast.py`` checks the equality on hostile strings. ``decode`` returns
    ``None`` for anything it does not take (a float, NaN, bad UTF-8, not an object…): the
    caller then reads the line the usual way, so every error message stays the same.
    msgspec is imported here only: ``attempt add`` never loads it.
    """

    def __init__(self) -> None:
        import msgspec

        def no_float(literal: str) -> Any:
            raise ValueError(literal)

        self._decoder = msgspec.json.Decoder(float_hook=no_float)
        self._encoder = msgspec.json.Encoder(order="sorted")

    def decode(self, raw: bytes) -> dict[str, Any] | None:
        try:
            obj = self._decoder.decode(raw)
        except Exception:  # any anomaly: the exact slow path decides
            return None
        return obj if isinstance(obj, dict) else None

    def canonical(self, obj: dict[str, Any]) -> bytes:
        try:
            return self._encoder.encode(obj)
        except Exception:  # e.g. integers beyond 64 bits on an older msgspec
            return canonical(obj)


def entry_hash(envelope: dict[str, Any]) -> str:
    """SHA-256 of the canonical envelope without its ``hash`` field."""
    return hashlib.sha256(hashed_body(envelope)).hexdigest()


def encode_line(envelope: dict[str, Any]) -> bytes:
    """The journal line for an envelope: compact JSON in the documented field order."""
    return json.dumps(envelope, separators=(",", ":"), ensure_ascii=False).encode() + b"\n"


class Recorded(NamedTuple):
    """One journal line once read and validated: its envelope fields and its payload.

    A NamedTuple: quicker to make than a frozen dataclass, and free to define at import
    (a dataclass costs ``attempt add`` about 1 % of its start-up; docs/DEVELOPERS.md)."""

    seq: int
    kind: str
    recorded_at: str
    hash: str
    payload: Payload

    @property
    def recorded(self) -> dt.datetime:
        return parse_utc_stamp(self.recorded_at)


class LineError(Exception):
    """One line that cannot be read as an entry; ``kind`` is the break kind it is."""

    def __init__(
        self,
        kind: str,
        detail: str,
        *,
        newer: bool = False,
        values: dict[str, object] | None = None,
    ) -> None:
        super().__init__(detail)
        self.kind = kind
        self.detail = detail
        #: What ``detail`` says as values, for a sentence in any language (labels/problems.py).
        self.values = values or {}
        # A whole entry from a newer rdvlog is not a torn line: repair must never remove it.
        self.newer = newer


def first_error(exc: ValidationError) -> str:
    """The first validation error as ``where: what``."""
    error = exc.errors()[0]
    where = ".".join(str(part) for part in error["loc"]) or "entry"
    return f"{where}: {error['msg']}"


def _invalid(exc: ValidationError, entry: str | None = None) -> dict[str, object]:
    """:func:`first_error` as values: which field, pydantic's error type and context."""
    values = validation_values(exc.errors()[0])
    if entry is None:
        return {"cause": "field", **values}
    return {"cause": "data", "entry": entry, **values}


def parse_line(raw: bytes, fast: FastJson | None = None) -> tuple[dict[str, Any], Entry]:
    """Parse one complete line into its raw object and its validated envelope."""
    obj = fast.decode(raw) if fast is not None else None
    if obj is None:
        try:
            # pydantic-core's parser reads a line three times faster than the json module.
            obj = from_json(raw)
        except (UnicodeDecodeError, ValueError):
            raise LineError("unparseable", "not a JSON object") from None
    if not isinstance(obj, dict):
        raise LineError("unparseable", "not a JSON object")
    version = obj.get("v")
    if isinstance(version, int) and version > FORMAT_VERSION:
        raise LineError(
            "unparseable",
            f"written by a newer rdvlog (format v{version}); upgrade rdvlog to read it",
            newer=True,
            values={"cause": "newer", "version": version},
        )
    try:
        entry = Entry.model_validate(obj)
    except ValidationError as exc:
        raise LineError("invalid-field", first_error(exc), values=_invalid(exc)) from None
    if entry.v != FORMAT_VERSION:
        raise LineError(
            "invalid-field",
            f"unknown format version {entry.v}",
            values={"cause": "version", "version": entry.v},
        )
    return obj, entry


@functools.cache
def _at() -> TypeAdapter[dt.datetime]:
    """``Attempt.at`` as the model defines it (type and validators), to validate it alone;
    built when first needed, as the models are (``attempt add`` never needs it)."""
    return TypeAdapter(Attempt.model_fields["at"].rebuild_annotation())


class PayloadReader:
    """Validates payloads while reading a whole journal, sharing what repeats.

    Most attempts name the same place and démarche: one validated :class:`Place` and one
    string each are shared by all of them, which saves time and most of the memory.
    """

    def __init__(self, *, fast: bool = False) -> None:
        self._places: dict[tuple[tuple[str, Any], ...], Place] = {}
        self._texts: dict[str, str] = {}
        self._templates: dict[tuple[tuple[str, type, object], ...], Attempt] = {}
        #: msgspec parsing and canonical encoding when ``fast`` (reading a whole journal).
        self.json = FastJson() if fast else None
        self.canonical = self.json.canonical if self.json is not None else canonical
        #: The fast path tried first for each line (:func:`rdvlog.journal.fastpath.reader`).
        self.lines: FastLines | None = None

    def __call__(self, entry: Entry) -> Payload:
        data = entry.data
        if entry.kind != "attempt":
            return PAYLOADS[entry.kind].model_validate(data)
        data = dict(data)
        place = data.get("place")
        if isinstance(place, dict):
            try:
                key = tuple(place.items())
                shared = self._places.get(key)
            except TypeError:  # a list or an object where a text should be: not sharable
                return Attempt.model_validate(entry.data)  # raises, naming "place.…"
            if shared is None:
                try:
                    shared = self._places[key] = Place.model_validate(place)
                except ValidationError:
                    return Attempt.model_validate(entry.data)  # raises, naming "place.…"
            data["place"] = shared
        for name in ("procedure", "message"):
            text = data.get(name)
            if isinstance(text, str):
                data[name] = self._texts.setdefault(text, text)
        return self._attempt(data, place)

    def _attempt(self, data: dict[str, Any], place: object) -> Attempt:
        """``Attempt.model_validate(data)``, sharing the work with attempts that differ
        only in ``at`` (most of a journal): the model validates the first of them whole;
        the next ones validate ``at`` with the model's own field definition and copy the
        rest. Anything unusual (no ``at``, a list or a value of another type) is validated
        whole, so an error names the same field with the same message."""
        if "at" not in data or Attempt.__pydantic_decorators__.model_validators:
            return Attempt.model_validate(data)
        key: list[tuple[str, type, object]] = []
        for name, value in data.items():
            if name == "at":
                continue
            if name == "place" and isinstance(place, dict):
                value = tuple((k, type(v), v) for k, v in place.items())
            elif value is not None and type(value) not in (str, int):
                return Attempt.model_validate(data)
            key.append((name, type(value), value))
        frozen = tuple(key)
        template = self._templates.get(frozen)
        if template is None:
            attempt = Attempt.model_validate(data)
            if len(self._templates) < 4096:
                self._templates[frozen] = attempt
            return attempt
        try:
            at = _at().validate_python(data["at"])
        except ValidationError:
            return Attempt.model_validate(data)  # raises, naming "at"
        return template.model_copy(update={"at": at})


def read_line(raw: bytes, read_payload: PayloadReader) -> tuple[dict[str, Any], Recorded]:
    """Parse and validate one line, envelope and payload (``LineError`` when it cannot)."""
    obj, entry = parse_line(raw, read_payload.json)
    try:
        payload = read_payload(entry)
    except ValidationError as exc:
        raise LineError(
            "invalid-field",
            f"{entry.kind} data: {first_error(exc)}",
            values=_invalid(exc, entry.kind),
        ) from None
    return obj, Recorded(entry.seq, entry.kind, entry.recorded_at, entry.hash, payload)


# Key order of every object rdvlog writes: the model's field order (DESIGN.md §3).
ENVELOPE_ORDER = tuple(Entry.model_fields)
DATA_ORDER = {kind: tuple(model.model_fields) for kind, model in PAYLOADS.items()}
PLACE_ORDER = tuple(Place.model_fields)
EVIDENCE_ORDER = tuple(Evidence.model_fields)
# What a written line holds beyond the canonical body: ``,"hash":"<64 hex>"``.
HASH_FIELD_LENGTH = len(',"hash":""') + 64


#: Key sequences already found in order, per expected order (a journal repeats a few).
_ORDERED: set[tuple[tuple[str, ...], tuple[str, ...]]] = set()


def in_order(obj: dict[str, Any], order: tuple[str, ...]) -> bool:
    keys = tuple(obj)
    if (keys, order) in _ORDERED:
        return True
    if list(keys) != [name for name in order if name in obj]:
        return False
    if len(_ORDERED) < 4096:
        _ORDERED.add((keys, order))
    return True


def as_written(obj: dict[str, Any], raw: bytes, body: bytes) -> bool:
    """Whether ``raw`` is exactly the line rdvlog writes for ``obj``, whose canonical body
    (the hashed bytes) is ``body``.

    The hash covers the content, not its spelling: this catches the changes it cannot see.
    Keys must come in the order rdvlog writes them. Beyond that, the line holds the same
    tokens as the canonical body plus the hash field, and rdvlog writes each token in its one
    shortest spelling (no spaces, no optional escapes); any other spelling of the same
    content — a space, ``\\u0041`` for ``A``, ``\\/`` for ``/``, a repeated key — is longer.
    So equal length proves equal spelling, without encoding the line a second time.
    """
    data = obj["data"]
    if tuple(obj) != ENVELOPE_ORDER or not in_order(data, DATA_ORDER[obj["kind"]]):
        return False
    place = data.get("place")
    if isinstance(place, dict) and not in_order(place, PLACE_ORDER):
        return False
    for item in data.get("evidence", ()):
        if not in_order(item, EVIDENCE_ORDER):
            return False
    return len(raw) == len(body) + HASH_FIELD_LENGTH


class Lines:
    """The complete lines of a journal snapshot, sliced one at a time as they are read.

    A list of every line would hold a second copy of the whole journal in memory.
    """

    def __init__(self, data: bytes) -> None:
        self._data = data
        self._end = data.rfind(b"\n") + 1
        self._count = data.count(b"\n", 0, self._end)

    def __len__(self) -> int:
        return self._count

    def __iter__(self) -> Iterator[bytes]:
        data, start = self._data, 0
        while start < self._end:
            stop = data.index(b"\n", start)
            yield data[start:stop]
            start = stop + 1

    @property
    def last(self) -> bytes:
        start = self._data.rfind(b"\n", 0, self._end - 1) + 1
        return self._data[start : self._end - 1]


def split_lines(data: bytes) -> tuple[Lines, bytes]:
    """Complete lines, and the bytes after the last newline (a torn tail when not empty)."""
    return Lines(data), data[data.rfind(b"\n") + 1 :]


#: Compiled by the one command that needs it (``verify``), not at import by ``attempt add``.
_RECORDED_AT = rb'"recorded_at":"([^"\\]{1,40})"'


def recorded_times(
    data: bytes, start: int = 0, number: int = 0
) -> Iterator[tuple[int, dt.datetime]]:
    """(line number, ``recorded_at``) of every line of a snapshot that has a readable one,
    without parsing the lines (``verify`` reads no entry it has already verified).

    Each line is searched in place, near its start where the field is: no copy of it.
    ``start`` is where a line starts, ``number`` the lines before it (a verified prefix's).
    """
    end = data.rfind(b"\n") + 1
    search, find = re.compile(_RECORDED_AT).search, data.find
    while start < end:
        stop = find(b"\n", start)
        number += 1
        found = search(data, start, stop)
        start = stop + 1
        if found is None:
            continue
        try:
            yield number, parse_utc_stamp(found[1].decode("ascii"))
        except (UnicodeDecodeError, ValueError):
            continue
