"""The verified-prefix marker (issue 16): outside the store, best-effort, never changing a
result — only which lines a check reads again."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from rdvlog.evidence import check_source
from rdvlog.journal import Journal, audit, fastpath, marker

from builders import attempt
from conftest import Invoke


@pytest.fixture
def counted(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Line numbers read (by ``check_line``, or by the fast path when only verifying);
    and markers for journals of any size."""
    monkeypatch.setattr(marker, "MIN_PREFIX", 0)
    seen: list[int] = []
    real = audit.check_line
    verified = fastpath.FastLines.verified

    def spy(number: int, *args: object) -> object:
        seen.append(number)
        return real(number, *args)  # type: ignore[arg-type]

    def spy_verified(self: fastpath.FastLines, number: int, *args: object) -> object:
        found = verified(self, number, *args)  # type: ignore[arg-type]
        if found is not None:  # else check_line reads it, and counts it
            seen.append(number)
        return found

    monkeypatch.setattr(audit, "check_line", spy)
    monkeypatch.setattr(fastpath.FastLines, "verified", spy_verified)
    return seen


def _journal(store: Path, tmp_path: Path, n: int = 5) -> Journal:
    journal = Journal(store)
    shot = tmp_path / "capture.png"
    shot.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    journal.append(attempt(), [check_source(shot, store=store)])
    for day in range(1, n):
        journal.append(attempt(dt.datetime(2026, 11, day, 9, 0, tzinfo=dt.timezone.utc)))
    return journal


def test_marker_lives_outside_the_store(store: Path, tmp_path: Path, counted: list[int]) -> None:
    journal = _journal(store, tmp_path)
    assert journal.verify().ok
    path = marker.marker_path(store)
    assert path.is_file() and store not in path.parents
    assert json.loads(path.read_text())["lines"] == 5


def test_only_new_lines_are_read_and_the_result_is_a_full_checks(
    store: Path, tmp_path: Path, counted: list[int]
) -> None:
    journal = _journal(store, tmp_path)
    journal.verify()
    journal.append(attempt())
    counted.clear()
    quick = journal.verify()
    assert counted == [6]
    counted.clear()
    full = journal.verify(full=True)
    assert counted == [1, 2, 3, 4, 5, 6]
    assert quick == full and quick.ok and quick.entry_count == 6


def test_a_changed_prefix_means_a_full_check(
    store: Path, tmp_path: Path, counted: list[int]
) -> None:
    journal = _journal(store, tmp_path)
    journal.verify()
    data = journal.path.read_bytes()
    journal.path.write_bytes(data.replace(b"AES salari", b"AES salarx", 1))
    counted.clear()
    result = journal.verify()
    assert counted[0] == 1
    assert result.first_break is not None and result.first_break.line == 1
    assert result == journal.verify(full=True)


def test_evidence_of_the_prefix_is_still_hashed(
    store: Path, tmp_path: Path, counted: list[int]
) -> None:
    journal = _journal(store, tmp_path)
    journal.verify()
    (stored,) = (store / "evidence").glob("*/*")
    stored.chmod(0o600)
    stored.write_bytes(b"changed")
    result = journal.verify()
    assert result.first_break is not None and result.first_break.kind == "evidence-mismatch"
    assert result == journal.verify(full=True)
    stored.unlink()
    assert journal.verify().first_break.kind == "missing-evidence"  # type: ignore[union-attr]


@pytest.mark.parametrize("content", [b"", b"{", b'{"version": 1}', b"[]", b"\xff" * 10])
def test_a_broken_marker_means_a_full_check(
    store: Path, tmp_path: Path, counted: list[int], content: bytes
) -> None:
    journal = _journal(store, tmp_path)
    journal.verify()
    marker.marker_path(store).write_bytes(content)
    counted.clear()
    assert journal.verify().ok
    assert counted == [1, 2, 3, 4, 5]


def test_a_read_only_store_is_checked_in_full(
    store: Path, tmp_path: Path, counted: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    journal = _journal(store, tmp_path)
    journal.verify()
    monkeypatch.setattr(marker, "usable", lambda root: False)
    counted.clear()
    assert journal.verify().ok
    assert counted == [1, 2, 3, 4, 5]


def test_an_unwritable_cache_is_ignored(
    store: Path, tmp_path: Path, counted: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "not-a-dir").write_text("")
    monkeypatch.setenv("RDVLOG_CACHE_DIR", str(tmp_path / "not-a-dir"))
    journal = _journal(store, tmp_path)
    assert journal.verify().ok
    assert journal.verify().ok


def test_verify_full_on_the_command_line(
    store: Path, tmp_path: Path, counted: list[int], rdvlog: Invoke
) -> None:
    _journal(store, tmp_path)
    assert rdvlog("verify").exit_code == 0
    counted.clear()
    assert rdvlog("verify", "--full").exit_code == 0
    assert counted == [1, 2, 3, 4, 5]


@pytest.mark.parametrize("damage", ["none", "tail-line", "torn", "evidence"])
def test_entries_for_a_report_are_a_full_checks(
    store: Path, tmp_path: Path, counted: list[int], damage: str
) -> None:
    journal = _journal(store, tmp_path)
    journal.verify()
    journal.append(attempt(note="après le contrôle"))
    if damage == "tail-line":
        data = journal.path.read_bytes()
        journal.path.write_bytes(data.replace("après".encode(), b"apres"))
    elif damage == "torn":
        with journal.path.open("ab") as handle:
            handle.write(b'{"v":1')
    elif damage == "evidence":
        (stored,) = (store / "evidence").glob("*/*")
        stored.chmod(0o600)
        stored.write_bytes(b"changed")
    data = journal.path.read_bytes()
    counted.clear()
    marked = journal.audit(data)
    if damage == "none":
        assert counted == [6]
    marker.marker_path(store).unlink()
    full = journal.audit(data)
    assert marked == full


def test_the_clock_going_back_is_kept_with_the_marker(
    store: Path, tmp_path: Path, counted: list[int]
) -> None:
    """``verify``'s warnings about ``recorded_at`` going back are the whole journal's, the
    prefix's taken from its marker, only the new lines searched."""
    from rdvlog.journal.codec import recorded_times
    from rdvlog.service.reading import recorded_backwards

    moments = iter(
        dt.datetime(2026, 11, 20, hour, minute, tzinfo=dt.timezone.utc)
        for hour, minute in ((9, 0), (8, 0), (10, 0), (9, 30), (11, 0), (7, 0), (12, 0), (6, 0))
    )
    journal = Journal(store, clock=lambda: next(moments))
    for day in range(1, 5):
        journal.append(attempt(dt.datetime(2026, 11, day, 9, 0, tzinfo=dt.timezone.utc)))

    def whole() -> tuple[tuple[int, dt.datetime, dt.datetime], ...]:
        found = recorded_backwards(recorded_times(journal.read_bytes()))
        return tuple((back.line, back.recorded_at, back.previous) for back in found)

    first = journal.verify_clock()[1]
    assert first == whole() and len(first) == 2
    assert json.loads(marker.marker_path(store).read_text())["clock"]["backwards"][0][0] == 2
    for day in range(5, 9):
        journal.append(attempt(dt.datetime(2026, 11, day, 9, 0, tzinfo=dt.timezone.utc)))
    counted.clear()
    found = journal.verify_clock()[1]
    assert counted == [5, 6, 7, 8]
    assert found == whole() and len(found) == 4
    assert journal.verify_clock(full=True)[1] == found


def test_records_read_with_a_marker_are_those_read_without(
    store: Path, tmp_path: Path, counted: list[int]
) -> None:
    """``records`` (``attempt list``) takes the hashes of a verified prefix as written:
    the entries are the same, and an attempt changed after the check still reads as it is."""
    journal = _journal(store, tmp_path, n=8)
    journal.verify()
    journal.append(attempt(note="après le contrôle"))
    with_marker = journal.records()
    assert marker.marker_path(store).is_file()
    marker.marker_path(store).unlink()
    assert with_marker == journal.records()
    journal.verify()
    data = journal.path.read_bytes()
    changed = data.replace(b"T09:00:00+00:00", b"T10:00:00+00:00", 1)
    assert changed != data
    journal.path.write_bytes(changed)  # the prefix changed: the marker no longer applies
    marked = journal.records()
    marker.marker_path(store).unlink()
    assert marked == journal.records()
