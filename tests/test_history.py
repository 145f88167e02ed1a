"""AttemptRecord, made from the journal's ``recorded_at`` text or from an instant: one value."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from rdvlog.history import AttemptRecord
from rdvlog.timestamps import utc_stamp

from builders import attempt

UTC = dt.timezone.utc
AT = dt.datetime(2026, 11, 20, 9, 0, tzinfo=dt.timezone(dt.timedelta(hours=1)))


def test_a_record_made_from_the_text_is_the_record_made_from_its_instant() -> None:
    tried = attempt(AT)
    for stamp, late in (("2026-11-20T08:59:00.250Z", False), ("2026-11-20T09:00:00.001Z", True)):
        moment = dt.datetime.fromisoformat(stamp.replace("Z", "+00:00"))
        from_text = AttemptRecord(3, stamp, tried, "doublon")
        from_instant = AttemptRecord(3, moment, tried, "doublon")
        assert from_text == from_instant and hash(from_text) == hash(from_instant)
        assert repr(from_text) == repr(from_instant)
        assert from_text.recorded_at == moment and from_text.recorded_at.tzinfo == UTC
        assert from_text.late is from_instant.late is late
        assert from_text.stamp == from_instant.stamp == stamp == utc_stamp(moment)
    assert AttemptRecord(3, "2026-11-20T08:59:00.250Z", tried) != AttemptRecord(
        4, "2026-11-20T08:59:00.250Z", tried
    )


def test_stamp_is_utc_stamps_form_also_for_a_year_before_1000() -> None:
    old = AttemptRecord(1, "0999-01-02T03:04:05.006Z", attempt(AT))
    assert old.stamp == utc_stamp(old.recorded_at)
    precise = AttemptRecord(1, dt.datetime(2026, 1, 2, 3, 4, 5, 6789, tzinfo=UTC), attempt(AT))
    assert precise.stamp == "2026-01-02T03:04:05.006Z"


def test_a_record_cannot_be_changed_and_voiding_makes_another() -> None:
    record = AttemptRecord(2, "2026-11-20T08:59:00.000Z", attempt(AT))
    with pytest.raises(dataclasses.FrozenInstanceError):
        record.void_reason = "x"  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        del record.seq
    assert not record.late  # computed, kept: the voided copy keeps it too
    voided = record.voided_for("erreur de saisie")
    assert voided.voided and not record.voided
    assert voided == AttemptRecord(2, record.recorded_at, record.attempt, "erreur de saisie")


def test_a_folded_attempt_is_the_record_its_class_makes() -> None:
    from rdvlog.history import fold
    from rdvlog.journal.codec import Recorded

    tried = attempt(AT)
    stamp = "2026-11-20T10:30:00.000Z"
    (folded,) = fold([Recorded(7, "attempt", stamp, "0" * 64, tried)]).attempts
    made = AttemptRecord(7, stamp, tried)
    assert folded == made and repr(folded) == repr(made)
    assert folded.stamp == made.stamp and folded.late is made.late is True
    assert [getattr(folded, name) for name in AttemptRecord.__slots__] == [
        getattr(made, name) for name in AttemptRecord.__slots__
    ]
