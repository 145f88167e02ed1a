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
