"""The fast path of reading a whole journal: attempt lines exactly as rdvlog writes them,
checked with compiled code, their validated payloads shared; anything else goes the slow way.

A journal repeats itself: of 100,000 attempts, a few thousand differ in anything but their
``at``. :class:`FastLines` takes a line only when it is the line rdvlog writes for its content
(canonical form, right hash, linked to the previous line, the expected number), so that its
bytes name its content; the model validates each distinct rest of an attempt once, and ``at``
alone for the others (:func:`rdvlog.journal.forms.written_at`), whose lines are not even parsed:
matched byte for byte against the written form, hashed over the canonical bytes put together
from the shared parts (:meth:`FastLines._known`). For anything else — another kind of
entry, a float, an unusual spelling, any field the model might refuse — it answers ``None``
and the caller reads the line the exact slow way, so every result, break and message stays
that path's. msgspec is imported here only: ``attempt add`` never loads it.
"""

from __future__ import annotations

import datetime as dt
import gc
import hashlib
import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, NamedTuple

from pydantic import ValidationError

from rdvlog.journal.codec import (
    DATA_ORDER,
    ENVELOPE_ORDER,
    EVIDENCE_ORDER,
    HASH_FIELD_LENGTH,
    PLACE_ORDER,
    FastJson,
    PayloadReader,
    Recorded,
    in_order,
)
from rdvlog.journal.forms import is_utc_stamp, written_at
from rdvlog.models import FORMAT_VERSION, Attempt, Evidence

_DATA_KEY = b',"data":'
_AT_KEY = b'{"at":"'
#: What follows the data object on a written line: the hash field and the closing brace.
_AFTER_DATA = HASH_FIELD_LENGTH + 1
#: At most this many distinct attempt rests are kept (a few MB at most).
_MAX_SHARED = 4096
#: Where ``recorded_at``'s text starts, after ``seq``'s digits.
_STAMP_START = len(b'{"v":1,"seq":,"kind":"attempt","recorded_at":"')
#: A written attempt line, its parts: ``seq``, ``recorded_at``, ``prev``, ``at``'s text, the
#: rest of ``data`` after it (with its closing brace), ``hash``. The texts are ASCII without
#: quotes or backslashes, so each is its JSON string's content; ``seq`` in its one spelling.
_KNOWN = re.compile(
    rb'\{"v":1,"seq":([1-9][0-9]{0,17}),"kind":"attempt","recorded_at":"([0-9T:.Z-]{24})"'
    rb',"prev":"([0-9a-f]{64})","data":\{"at":"([0-9T:+-]{25})"(.*),"hash":"([0-9a-f]{64})"\}',
    re.DOTALL,
)
#: The same line's ``recorded_at`` and ``at`` texts, where nothing else needs checking: a
#: line of a verified prefix (see :meth:`FastLines._verified`).
_VERIFIED = re.compile(
    rb'\{"v":1,"seq":[0-9]+,"kind":"attempt","recorded_at":"(.{24})","prev":".{64}"'
    rb',"data":\{"at":"(.{25})"',
    re.DOTALL,
)
#: Where the hash's 64 digits start, counted from the end of a written line.
_HASH_FROM_END = 64 + len(b'"}')
_new = object.__new__
_set = object.__setattr__
_tuple_new = tuple.__new__


class _Shared(NamedTuple):
    """What lines that differ only in ``at`` (and their envelope) have in common."""

    #: The attempt validated by the model, with the ``at`` of the first such line (its fields
    #: in a dict that shares the class's key table: :func:`_sharing_keys`).
    attempt: Attempt
    #: The canonical ``data`` (sorted keys, the hashed form) before and after ``at``'s text.
    before_at: bytes
    after_at: bytes


class FastLines:
    """Reads the attempt lines rdvlog writes, sharing the payload validation (see the module)."""

    def __init__(self, json: FastJson) -> None:
        self._json = json
        #: Per rest of an attempt's ``data`` (its written bytes after ``at``'s text).
        self._shared: dict[bytes, _Shared] = {}
        decorators = Attempt.__pydantic_decorators__
        # A validator that looks at several fields could refuse a rest with another ``at``.
        self._sharing = not (decorators.model_validators or decorators.field_validators)

    def read(
        self, number: int, raw: bytes, prev: str, *, verified: bool = False
    ) -> Recorded | None:
        """Line ``number``'s entry when it is sound, links to ``prev`` and is an attempt in
        rdvlog's written form; ``None`` otherwise (then read it the slow way).

        ``verified``: the line lies in a prefix a full check found intact (:mod:`.marker`),
        so its hash and link are not computed again, only its form and content read."""
        if verified:
            parts = self._verified(raw)
            if parts is not None:
                shared, moment, recorded_at = parts
                stated = raw[-_HASH_FROM_END:-2].decode("ascii")
                attempt = _with_at(shared.attempt, moment)
                # Made as a plain tuple is (the named tuple's own ``__new__`` is Python).
                return _tuple_new(Recorded, (number, "attempt", recorded_at, stated, attempt))
        known = self._known(number, raw, prev)
        if known is None:
            return self._decoded(number, raw, prev)
        shared, moment, stated = known
        start = _STAMP_START + len(str(number))
        recorded_at = raw[start : start + 24].decode("ascii")
        return Recorded(number, "attempt", recorded_at, stated, _with_at(shared.attempt, moment))

    def _verified(self, raw: bytes) -> tuple[_Shared, dt.datetime, str] | None:
        """A line of a verified prefix: its shared parts, ``at`` and ``recorded_at``'s text,
        when it is an attempt whose rest was seen before; ``None`` otherwise.

        Its bytes are those of a line a full check accepted, and a full check accepts only
        a line in the written form (compact, keys in order, ``,"hash":…}`` last) whose
        number, ``recorded_at``, link and hash are right: those are not checked again (a
        check without a marker, as ``verify --full``, still checks them all). ``at`` is: a
        line the full check read the exact way may spell it otherwise, and only its written
        form gives the model's value here (:func:`rdvlog.journal.forms.written_at`, which refuses
        any text with a quote or a backslash, so the 25 characters are the whole string).
        """
        found = _VERIFIED.match(raw)
        if found is None:
            return None
        shared = self._shared.get(raw[found.end() : len(raw) - _AFTER_DATA])
        if shared is None:
            return None
        stamp, at_text = found.groups()
        moment = written_at(at_text.decode("ascii", "replace"))
        if moment is None:
            return None
        return shared, moment, stamp.decode("ascii")

    def verified(
        self, number: int, raw: bytes, prev: str
    ) -> tuple[str, tuple[Evidence, ...]] | None:
        """:meth:`read` for a check that keeps no entry: the line's hash and the files its
        attempt names, without making the attempt."""
        known = self._known(number, raw, prev, kept=False)
        if known is not None:
            return known[2], known[0].attempt.evidence
        record = self._decoded(number, raw, prev)
        if record is None:
            return None
        assert isinstance(record.payload, Attempt)
        return record.hash, record.payload.evidence

    def _known(
        self, number: int, raw: bytes, prev: str, kept: bool = True
    ) -> tuple[_Shared, dt.datetime, str] | None:
        """When the line is byte for byte the written line of an attempt whose rest was
        seen before, that rest's shared parts, ``at`` and the hash: the envelope's values
        and ``at`` are checked in place, the hash is computed over the canonical form put
        together from the shared parts — no parsing, no validation of the rest again.
        Unless ``kept`` (in an entry), ``at`` is only checked."""
        found = _KNOWN.fullmatch(raw)
        if found is None:
            return None
        seq, stamp, linked, at_text, rest, hashed = found.groups()
        shared = self._shared.get(rest)
        if shared is None or int(seq) != number:
            return None
        if not is_utc_stamp(stamp.decode("ascii")):
            return None
        moment = written_at(at_text.decode("ascii"), shared=kept)  # kept: in an entry
        if moment is None:
            return None
        stated = hashed.decode("ascii")
        if linked != prev.encode("ascii"):
            return None
        body = b"".join(
            (
                b'{"data":',
                shared.before_at,
                at_text,
                shared.after_at,
                b',"kind":"attempt","prev":"',
                linked,
                b'","recorded_at":"',
                stamp,
                b'","seq":',
                seq,
                b',"v":1}',
            )
        )
        if hashlib.sha256(body).hexdigest() != stated:
            return None
        return shared, moment, stated

    def _decoded(self, number: int, raw: bytes, prev: str) -> Recorded | None:
        """The line parsed and its envelope checked in Python, its payload validated whole
        the first time its rest is seen (then shared with :meth:`_known`)."""
        obj = self._json.decode(raw)
        if obj is None or tuple(obj) != ENVELOPE_ORDER:
            return None
        version, seq, kind, recorded_at, linked, data, stated = obj.values()
        if (
            type(version) is not int
            or version != FORMAT_VERSION
            or type(seq) is not int
            or seq != number
            or kind != "attempt"
            or linked != prev
            or type(stated) is not str
            or type(recorded_at) is not str
            or type(data) is not dict
        ):
            return None
        at = data.get("at")
        # Only ``at`` in its written form: its JSON is then its text between quotes.
        if type(at) is not str or (moment := written_at(at)) is None:
            return None
        if not is_utc_stamp(recorded_at):
            return None
        del obj["hash"]
        body = self._json.canonical(obj)
        # Equal length is the written form (see codec.as_written; the envelope's key order
        # was checked above): the line is then exactly the compact JSON of ``obj``.
        if len(raw) != len(body) + HASH_FIELD_LENGTH:
            return None
        if hashlib.sha256(body).hexdigest() != stated:
            return None
        payload = self._attempt(raw, data, at, moment)
        if payload is None:
            return None
        return Recorded(seq, "attempt", recorded_at, stated, payload)

    def _attempt(
        self, raw: bytes, data: dict[str, Any], at: str, moment: dt.datetime
    ) -> Attempt | None:
        """The attempt ``data`` holds: validated whole the first time its rest (everything
        but ``at``) is seen, else its ``at`` alone, the rest shared."""
        # The values before ``data`` were checked and hold no such bytes: this is its key.
        start = raw.find(_DATA_KEY) + len(_DATA_KEY)
        if not raw.startswith(_AT_KEY, start):
            return None  # ``at`` is not the first key: let the slow path say what is wrong
        # The written line is compact JSON, so these bytes are the rest of ``data`` (its
        # keys in their order, its values), ``at``'s text aside: equal bytes, equal content.
        rest = raw[start + len(_AT_KEY) + len(at) + 1 : len(raw) - _AFTER_DATA]
        shared = self._shared.get(rest)
        if shared is not None:
            return _with_at(shared.attempt, moment)
        try:
            attempt = Attempt.model_validate(data)
        except ValidationError:
            return None
        if not _written_order(data):
            return None
        if self._sharing and len(self._shared) < _MAX_SHARED:
            # ``at`` comes first in the hashed form too, after ``about`` only (an integer).
            canonical = self._json.canonical(data)
            cut = canonical.find(b'"at":"') + len(b'"at":"')
            if canonical[cut : cut + len(at) + 1] == at.encode("ascii") + b'"':
                self._shared[rest] = _Shared(
                    _sharing_keys(attempt), canonical[:cut], canonical[cut + len(at) :]
                )
        return attempt


def _with_at(shared: Attempt, moment: dt.datetime) -> Attempt:
    """``shared.model_copy(update={"at": moment})`` with less time and memory, sharing the
    set of fields given (the model is frozen: no one changes it); ``tests/test_codec_fast.py``
    checks the two are equal.

    ``shared`` is a :class:`_Shared`'s attempt, whose fields are in a dict that uses the key
    table the class shares among its instances (:func:`_sharing_keys`): a copy of such a dict
    shares it too (one C call), about 260 bytes an attempt instead of 550 for a dict with
    its own table (30 MB on 100,000 attempts).
    """
    attempt = _new(Attempt)
    fields = shared.__dict__.copy()
    fields["at"] = moment
    _set(attempt, "__dict__", fields)
    _set(attempt, "__pydantic_fields_set__", shared.__pydantic_fields_set__)
    _set(attempt, "__pydantic_extra__", None)
    _set(attempt, "__pydantic_private__", None)
    return attempt


def _sharing_keys(attempt: Attempt) -> Attempt:
    """``attempt`` again, its fields in a new instance's own dict, which uses the key table
    the class shares among its instances (filled pair by pair from the items: ``update``
    from a dict would copy that dict's own table), as :func:`_with_at` wants it."""
    again = _new(Attempt)
    again.__dict__.update(attempt.__dict__.items())
    _set(again, "__pydantic_fields_set__", attempt.__pydantic_fields_set__)
    _set(again, "__pydantic_extra__", None)
    _set(again, "__pydantic_private__", None)
    return again


def _written_order(data: dict[str, Any]) -> bool:
    """Whether the attempt's keys, its place's and its evidence's come in the written order."""
    if not in_order(data, DATA_ORDER["attempt"]):
        return False
    place = data.get("place")
    if isinstance(place, dict) and not in_order(place, PLACE_ORDER):
        return False
    evidence = data.get("evidence", ())
    return all(isinstance(item, dict) and in_order(item, EVIDENCE_ORDER) for item in evidence)


def reader() -> PayloadReader:
    """A :class:`PayloadReader` for a whole journal: msgspec, and :class:`FastLines` first."""
    read_payload = PayloadReader(fast=True)
    assert read_payload.json is not None
    read_payload.lines = FastLines(read_payload.json)
    return read_payload


@contextmanager
def collector_paused() -> Iterator[None]:
    """The cyclic garbage collector paused while a whole journal's entries are made.

    They hold no reference cycles, and every collection would walk all the entries made so
    far: about a quarter of the time of reading 100,000 entries. Its state is restored after.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
