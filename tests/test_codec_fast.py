"""The fast reading path gives the stdlib's bytes: msgspec's parser and deterministic encoder
(issue 16) against ``json.dumps(sort_keys=True, …)``, on hostile strings and any integers."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from rdvlog.journal.codec import FastJson, canonical, parse_line
from rdvlog.models import ZERO_HASH

FAST = FastJson()
HOSTILE = st.text(
    alphabet=st.one_of(
        st.characters(codec="utf-8"),
        st.sampled_from(
            [chr(c) for c in range(0x20)]
            + ["\x7f", "\u2028", "\u2029", "\u200e", "\u200f", "\u202a", "\u202e", "\u2066"]
            + ["\u2069", "\ufeff", "\U0001f600", "\U00010348", '"', "\\", "/", "<", "&"]
        ),
    ),
    max_size=40,
)
SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),  # beyond 64 bits too
    st.integers(min_value=-(2**200), max_value=2**200),
    HOSTILE,
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(HOSTILE, inner, max_size=4)
    ),
    max_leaves=12,
)


@settings(derandomize=True, max_examples=400, deadline=None)
@given(st.dictionaries(HOSTILE, VALUES, max_size=6))
def test_fast_canonical_is_the_stdlib_canonical(obj: dict[str, object]) -> None:
    assert FAST.canonical(obj) == canonical(obj)


@settings(derandomize=True, max_examples=400, deadline=None)
@given(st.dictionaries(HOSTILE, VALUES, max_size=6))
def test_fast_decode_reads_what_json_reads(obj: dict[str, object]) -> None:
    raw = json.dumps(obj, ensure_ascii=False).encode()
    assert FAST.decode(raw) == json.loads(raw)
    assert FAST.canonical(FAST.decode(raw) or {}) == canonical(json.loads(raw))


def test_floats_and_anomalies_go_to_the_exact_path() -> None:
    for raw in (b'{"a":1.5}', b'{"a":1e16}', b'{"a":NaN}', b"[1]", b'{"a":"\xff"}', b"{"):
        assert FAST.decode(raw) is None


def test_error_messages_are_the_slow_paths() -> None:
    envelope = {"v": 1, "seq": 1.5, "kind": "void", "recorded_at": "x", "prev": ZERO_HASH}
    raw = json.dumps({**envelope, "data": {}, "hash": ZERO_HASH}).encode()
    messages = []
    for fast in (None, FAST):
        try:
            parse_line(raw, fast)
        except Exception as exc:
            messages.append(str(exc))
    assert len(messages) == 2 and messages[0] == messages[1]


def test_shared_attempt_validation_gives_the_models_results_and_errors() -> None:
    from pydantic import ValidationError

    from rdvlog.journal.codec import PayloadReader
    from rdvlog.models import Attempt, Entry

    base = {
        "at": "2026-11-20T08:30:00+01:00",
        "place": {"label": "Préfecture", "kind": "unlisted"},
        "procedure": "AES",
    }
    variants = [
        {"at": "2026-11-21T08:30:00.7+01:00"},
        {"at": "2026-11-21T08:30:00"},
        {"at": "nope"},
        {"at": 5},
        {"at": None},
        {"about": True},
        {"about": 0},
        {"procedure": " "},
        {"place": {"label": "Préfecture", "kind": "other"}},
    ]
    reader = PayloadReader(fast=True)
    envelope = {"v": 1, "seq": 1, "kind": "attempt", "recorded_at": "2026-11-20T07:31:00.000Z"}
    envelope |= {"prev": ZERO_HASH, "hash": ZERO_HASH}
    reader(Entry.model_validate({**envelope, "data": base}))
    for change in variants:
        data = {**base, **change}
        entry = Entry.model_validate({**envelope, "data": data})
        try:
            expected: object = Attempt.model_validate(data)
        except ValidationError as exc:
            expected = [(e["type"], e["loc"], e["msg"]) for e in exc.errors()]
        try:
            found: object = reader(entry)
        except ValidationError as exc:
            found = [(e["type"], e["loc"], e["msg"]) for e in exc.errors()]
        assert found == expected, change


# -- the fast line path (journal/fastpath.py) against the exact one --------------------------

_AT_FORMS = st.from_regex(
    r"\A[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]{1,3})?([+-][0-9]{2}:[0-9]{2}|Z)?\Z"
)


def _validated_at(text: str) -> object:
    from pydantic import TypeAdapter, ValidationError

    from rdvlog.models import Attempt

    adapter: TypeAdapter[object] = TypeAdapter(Attempt.model_fields["at"].rebuild_annotation())
    try:
        value = adapter.validate_python(text)
    except ValidationError:
        return None
    return value, repr(value), value.utcoffset()  # type: ignore[attr-defined]


@settings(derandomize=True, max_examples=600, deadline=None)
@given(st.one_of(_AT_FORMS, st.datetimes(timezones=st.timezones()).map(str), HOSTILE))
def test_written_at_is_what_the_model_validates_or_none(text: str) -> None:
    from rdvlog.journal.forms import written_at

    found = written_at(text)
    if found is not None:
        assert (found, repr(found), found.utcoffset()) == _validated_at(text)


def test_written_at_takes_what_rdvlog_writes() -> None:
    import datetime as dt

    from rdvlog.journal.forms import written_at

    for text in (
        "2026-11-20T08:30:00+01:00",
        "1900-01-01T00:00:00+00:00",
        "2024-02-29T23:59:59-09:30",
    ):
        assert written_at(text) == dt.datetime.fromisoformat(text)
    for text in ("1899-12-31T23:00:00+00:00", "2026-02-30T08:30:00+01:00", "2026-11-20T08:30:00Z"):
        assert written_at(text) is None


@settings(derandomize=True, max_examples=400, deadline=None)
@given(
    st.one_of(
        st.from_regex(r"\A[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{3}Z\Z"),
        HOSTILE,
    )
)
def test_is_utc_stamp_is_the_envelope_models_rule(text: str) -> None:
    from pydantic import TypeAdapter, ValidationError

    from rdvlog.journal.forms import is_utc_stamp
    from rdvlog.models import Entry

    adapter: TypeAdapter[str] = TypeAdapter(Entry.model_fields["recorded_at"].rebuild_annotation())
    try:
        adapter.validate_python(text)
        valid = True
    except ValidationError:
        valid = False
    assert is_utc_stamp(text) == valid


_BASE = {
    "at": "2026-11-20T08:30:00+01:00",
    "place": {"label": "Préfecture", "kind": "prefecture", "department": "93", "office": "B"},
    "procedure": "AES",
    "channel": "web",
    "outcome": "no-slot",
    "message": "Plus de plage horaire libre.",
    "evidence": [],
}
_EVIDENCE = {"sha256": "a" * 64, "name": "capture.png", "size": 12, "media_type": "image/png"}
_VARIANTS: list[dict[str, object]] = [
    {},
    {"at": "2026-11-21T08:30:00+01:00"},
    {"at": "2026-11-21T08:30:00-09:30"},
    {"at": "2026-11-21T08:30:00Z"},
    {"at": "2026-11-21T08:30:00.5+01:00"},
    {"at": "2026-11-21T08:30:00"},
    {"at": "2026-02-30T08:30:00+01:00"},
    {"at": "1899-12-31T08:30:00+01:00"},
    {"at": "9001-01-01T08:30:00+01:00"},
    {"at": "2026-11-21T24:00:00+01:00"},
    {"at": "2026-11-21T08:30:00+24:00"},
    {"at": 1700000000},
    {"at": None},
    {"message": "Plus de plage\u202e horaire"},
    {"message": " "},
    {"message": "x" * 10_001},
    {"procedure": "AES\x00"},
    {"about": 0},
    {"about": True},
    {"about": 3},
    {"channel": "fax"},
    {"url": "ftp://example.org"},
    {"evidence": [_EVIDENCE]},
    {"evidence": [{**_EVIDENCE, "size": -1}]},
    {"evidence": [{**_EVIDENCE, "size": 12.0}]},
    {"evidence": [dict(reversed(list(_EVIDENCE.items())))]},
    {"place": {"kind": "prefecture", "label": "Préfecture"}},
    {"place": {"label": "Préfecture", "kind": "other"}},
    {"place": {"label": "Préfecture", "kind": "prefecture", "extra": 1}},
    {"unknown": 1},
    {"note": "Voir le courriel\nci-joint."},
]


def _line(number: int, link: str, data: dict[str, object], **envelope: object) -> bytes:
    from rdvlog.journal.codec import encode_line, entry_hash

    obj: dict[str, object] = {"v": 1, "seq": number, "kind": "attempt"}
    obj |= {"recorded_at": "2026-11-20T07:31:00.000Z", "prev": link, "data": data}
    obj |= envelope
    obj["hash"] = entry_hash(obj)
    return encode_line(obj)[:-1]


def _reorder(data: dict[str, object]) -> dict[str, object]:
    return {key: data[key] for key in sorted(data, key=lambda k: k != "procedure")}


def test_fast_lines_give_the_exact_paths_entries_and_breaks() -> None:
    """Every line, right or wrong but correctly hashed (so that only validation and form
    can refuse it), gets from the fast reader exactly what the slow one gives."""
    from rdvlog.journal import fastpath
    from rdvlog.journal.audit import check_line
    from rdvlog.journal.codec import PayloadReader, Recorded
    from rdvlog.models import Attempt

    fast = fastpath.reader()
    lines: list[tuple[bytes, str]] = []
    for change in _VARIANTS:
        data = {**_BASE, **change}
        for shape in (data, _reorder(data)):
            lines.append((_line(1, ZERO_HASH, shape), ZERO_HASH))
    for envelope in (
        {"recorded_at": "2026-11-20T07:31:00Z"},
        {"recorded_at": "2026-13-20T07:31:00.000Z"},
        {"v": 2},
        {"seq": 2},
        {"prev": "b" * 64},
    ):
        lines.append((_line(1, ZERO_HASH, _BASE, **envelope), ZERO_HASH))
    lines.append((_line(1, ZERO_HASH, _BASE).replace(b'"web"', b'"w\\u0065b"'), ZERO_HASH))
    taken = 0
    for raw, prev in lines * 2:  # the second time, the shared validations are used
        exact = check_line(1, raw, prev, PayloadReader(), None)
        found = check_line(1, raw, prev, fast, None)
        assert found == exact, raw
        assert repr(found) == repr(exact)
        assert fast.lines is not None
        taken += fast.lines.read(1, raw, prev) is not None
        verified = fast.lines.verified(1, raw, prev)
        if verified is not None:  # only a sound line, and its hash and files
            assert isinstance(exact, Recorded) and isinstance(exact.payload, Attempt)
            assert verified == (exact.hash, exact.payload.evidence)
    assert taken >= 10  # the fast path did take the sound lines


def test_the_hashed_form_put_together_from_shared_parts_is_the_canonical_one() -> None:
    """Lines that differ from a seen one only in ``at`` and the envelope are hashed over
    bytes assembled from parts; those must be the canonical body, or no line would pass."""
    from rdvlog.journal import fastpath
    from rdvlog.models import Attempt

    fast = fastpath.reader()
    assert fast.lines is not None
    prev = ZERO_HASH
    changes = [{}, {"about": 7}, {"evidence": [_EVIDENCE]}, {"message": "« é »\u2028\U0001f600"}]
    for number in range(1, 41):
        change = changes[number % len(changes)]
        at = f"2026-11-{1 + number % 28:02d}T{number % 24:02d}:30:00+0{number % 10}:00"
        data = {**_BASE, **change, "at": at}
        raw = _line(number, prev, {key: data[key] for key in Attempt.model_fields if key in data})
        found = fast.lines.read(number, raw, prev)
        assert found is not None, raw
        prev = found.hash
    assert len(fast.lines._shared) == len(changes)  # the others came from the shared parts


def test_a_line_of_a_verified_prefix_reads_as_the_exact_path_reads_it() -> None:
    """In a verified prefix the fast path takes a line's number, stamp, link and hash as
    written (a full check accepted those bytes) but still reads ``at`` itself: whatever
    spelling of it the exact path accepted, the entry is the exact path's."""
    from rdvlog.journal import fastpath
    from rdvlog.journal.audit import check_line
    from rdvlog.journal.codec import PayloadReader, Recorded

    fast = fastpath.reader()
    assert fast.lines is not None
    spellings = [
        {"at": "2026-11-21 08:30:00+01:00"},
        {"at": "2026-11-21t08:30:00+01:00"},
        {"at": "2026-11-21T08:30:00-00:00"},
        {"at": "2026-11-21T08:30+01:00:00"},
    ]
    sound = []
    for change in [*_VARIANTS, *spellings]:
        raw = _line(1, ZERO_HASH, {**_BASE, **change})
        exact = check_line(1, raw, ZERO_HASH, PayloadReader(), None)
        if isinstance(exact, Recorded):  # what a full check accepts, and a marker records
            sound.append((raw, exact))
    taken = 0
    for raw, exact in sound * 2:  # the second time, the shared validations are used
        found = fast.lines.read(1, raw, ZERO_HASH, verified=True)
        if found is not None:  # else the caller reads the line the exact way
            assert found == exact, raw
            assert repr(found) == repr(exact)
        taken += fast.lines._verified(raw) is not None
    assert len(sound) >= 8 and taken >= 8
