"""The journal as a library: appending, reading, hashing, locking, permissions."""

from __future__ import annotations

import datetime as dt
import json
import mmap
import os
import stat
from pathlib import Path

import pytest
import rfc8785

from rdvlog.errors import JournalDamaged, StoreError, TornTail
from rdvlog.evidence import check_source
from rdvlog.journal import Journal, canonical, entry_hash
from rdvlog.models import ZERO_HASH, Case, Void

from builders import PARIS, Clock, attempt, snapshot


def test_first_entry_starts_the_chain(store: Path, clock: Clock) -> None:
    entry = Journal(store, clock=clock).append(attempt())
    assert entry.seq == 1
    assert entry.prev == ZERO_HASH
    assert entry.recorded_at == "2026-11-26T09:00:00.000Z"
    line = json.loads((store / "journal.jsonl").read_text(encoding="utf-8"))
    assert list(line) == ["v", "seq", "kind", "recorded_at", "prev", "data", "hash"]
    assert line["hash"] == entry_hash(line)


def test_each_entry_links_to_the_previous_hash(store: Path, clock: Clock) -> None:
    journal = Journal(store, clock=clock)
    first = journal.append(attempt())
    second = journal.append(Void(target=1, reason="doublon"))
    assert (second.seq, second.prev) == (2, first.hash)
    assert [e.kind for e in journal.entries()] == ["attempt", "void"]


def test_canonical_bytes_equal_rfc8785_for_real_entries(store: Path, clock: Clock) -> None:
    journal = Journal(store, clock=clock)
    evidence = store.parent / "capture d’écran.png"
    evidence.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 50)
    journal.append(
        attempt(
            note='Ligne 1\nligne 2 « guillemets » | <script>alert("x")</script> 😀 \\ \t',
            url="https://www.seine-saint-denis.gouv.fr/booking/create/9829",
            reference="1A 234 567 8901 2",
        ),
        [check_source(evidence, store=store)],
    )
    journal.append(Case(applicant="Aïcha Ben Saïd", permit_expires=dt.date(2027, 1, 31)))
    journal.append(Void(target=1, reason="doublon"))
    for raw in (store / "journal.jsonl").read_bytes().splitlines():
        obj = json.loads(raw)
        body = {k: v for k, v in obj.items() if k != "hash"}
        assert canonical(body) == rfc8785.dumps(body)


def test_append_reads_only_the_tail(
    store: Path, clock: Clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    journal = Journal(store, clock=clock)
    long_note = "n" * 9_000  # 30 entries of ~10 kB: far more than the tail an append reads
    for minute in range(30):
        at = dt.datetime(2026, 11, 1, 8, minute, tzinfo=PARIS)
        journal.append(attempt(at=at, note=long_note))
    size = (store / "journal.jsonl").stat().st_size
    reads: list[int] = []
    real_pread = os.pread

    def counting_pread(fd: int, n: int, offset: int) -> bytes:
        reads.append(n)
        return real_pread(fd, n, offset)

    monkeypatch.setattr(os, "pread", counting_pread)
    monkeypatch.setattr(Path, "read_bytes", lambda self: pytest.fail("read the whole file"))
    entry = journal.append(attempt())
    assert entry.seq == 31
    assert sum(reads) <= 64 * 1024 < size // 4


def test_store_is_private_even_with_a_permissive_umask(store: Path, clock: Clock) -> None:
    old = os.umask(0)
    try:
        source = store.parent / "shot.png"
        source.write_bytes(b"\x89PNG\r\n\x1a\nxyz")
        Journal(store, clock=clock).append(attempt(), [check_source(source, store=store)])
    finally:
        os.umask(old)
    assert stat.S_IMODE(store.stat().st_mode) == 0o700
    for path in store.rglob("*"):
        mode = stat.S_IMODE(path.stat().st_mode)
        if path.is_dir():
            assert mode == 0o700, path
        elif path.parent.parent.name == "evidence":
            assert mode == 0o400, path
        else:
            assert mode == 0o600, path


def test_same_file_attached_twice_is_stored_once(store: Path, clock: Clock) -> None:
    source = store.parent / "shot.png"
    source.write_bytes(b"\x89PNG\r\n\x1a\n" + b"1" * 100)
    copy = store.parent / "copy.PNG"
    copy.write_bytes(source.read_bytes())
    journal = Journal(store, clock=clock)
    entry = journal.append(
        attempt(), [check_source(source, store=store), check_source(copy, store=store)]
    )
    journal.append(attempt(), [check_source(source, store=store)])
    stored = [p for p in (store / "evidence").rglob("*") if p.is_file()]
    assert len(stored) == 1
    assert stored[0].name == f"{entry.data['evidence'][0]['sha256']}.png"
    assert [e["name"] for e in entry.data["evidence"]] == ["shot.png", "copy.PNG"]
    assert entry.data["evidence"][0]["media_type"] == "image/png"


def test_torn_tail_is_refused_by_readers_and_writers(store: Path, clock: Clock) -> None:
    journal = Journal(store, clock=clock)
    journal.append(attempt())
    with (store / "journal.jsonl").open("ab") as handle:
        handle.write(b'{"v":1,"seq":2,"kind":"att')
    before = snapshot(store)
    with pytest.raises(TornTail, match="rdvlog repair"):
        journal.entries()
    with pytest.raises(TornTail):
        journal.append(attempt())
    assert snapshot(store) == before


def test_a_damaged_middle_line_is_never_skipped(store: Path, clock: Clock) -> None:
    journal = Journal(store, clock=clock)
    for _ in range(3):
        journal.append(attempt())
    lines = (store / "journal.jsonl").read_bytes().splitlines(keepends=True)
    lines[1] = b"garbage\n"
    (store / "journal.jsonl").write_bytes(b"".join(lines))
    with pytest.raises(JournalDamaged, match="line 2"):
        journal.entries()


def test_repair_quarantines_the_torn_bytes_and_records_it(store: Path, clock: Clock) -> None:
    journal = Journal(store, clock=clock)
    journal.append(attempt())
    torn = b'{"v":1,"seq":2,"kind":"attempt","recorded_at":"2026-11'
    with (store / "journal.jsonl").open("ab") as handle:
        handle.write(torn)
    entry = journal.repair()
    assert entry is not None and entry.kind == "repair" and entry.seq == 2
    assert entry.data["bytes"] == len(torn)
    quarantined = store / entry.data["file"]
    assert quarantined.read_bytes() == torn
    assert journal.verify().ok
    assert journal.repair() is None


def test_repair_refuses_damage_that_is_not_a_torn_tail(store: Path, clock: Clock) -> None:
    journal = Journal(store, clock=clock)
    journal.append(attempt())
    journal.append(attempt())
    path = store / "journal.jsonl"
    path.write_bytes(path.read_bytes().replace(b"AES salari", b"AES salaru", 1) + b"{torn")
    before = snapshot(store)
    with pytest.raises(StoreError, match="hash-mismatch"):
        journal.repair()
    assert snapshot(store) == before


def test_latest_case_finds_the_last_snapshot(store: Path, clock: Clock) -> None:
    journal = Journal(store, clock=clock)
    assert journal.latest_case() is None
    journal.append(Case(procedure="AES salarié"))
    journal.append(attempt(note='"kind":"case" in a note is escaped'))
    journal.append(Case(procedure="Renouvellement", applicant="A. B."))
    journal.append(attempt())
    case = journal.latest_case()
    assert case is not None and case.procedure == "Renouvellement"


def test_store_path_that_is_a_file_is_a_store_error(tmp_path: Path, clock: Clock) -> None:
    target = tmp_path / "not-a-dir"
    target.write_text("x")
    with pytest.raises(StoreError, match="not a directory"):
        Journal(target, clock=clock).append(attempt())
    assert target.read_text() == "x"


@pytest.mark.parametrize(
    ("original", "respelled"),
    [
        (b'"seq":1,', b'"seq": 1,'),
        (b'"procedure":"AES salari', b'"procedure":"\\u0041ES salari'),
        (b'"v":1,', b'"v":1,"v":1,'),
        (b'"v":1,"seq":1,', b'"seq":1,"v":1,'),
        (b'"label":"Pr', b'"label":"\\u0050r'),
        (b"\xc3\xa9", b"\\u00e9"),
    ],
)
def test_verify_sees_a_respelled_line_that_the_hash_cannot(
    store: Path, clock: Clock, original: bytes, respelled: bytes
) -> None:
    journal = Journal(store, clock=clock)
    journal.append(attempt())
    path = store / "journal.jsonl"
    line = path.read_bytes()
    assert original in line
    path.write_bytes(line.replace(original, respelled, 1))
    assert json.loads(path.read_bytes()) == json.loads(line)  # the same content, respelled
    result = journal.verify()
    assert result.first_break is not None
    assert (result.first_break.line, result.first_break.kind) == (1, "non-canonical")
    assert "form rdvlog wrote" in result.first_break.detail


def test_latest_case_reads_the_hinted_line_without_searching(
    store: Path, clock: Clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    journal = Journal(store, clock=clock)
    journal.append(Case(procedure="AES salarié"))
    for _ in range(5):
        journal.append(attempt())
    hint = json.loads((store / "case.hint").read_text())
    assert hint["offset"] == 0 and hint["hash"] == journal.entries()[0].hash
    # The backward search maps the whole journal; a hint that is trusted needs no map.
    monkeypatch.setattr(mmap, "mmap", lambda *a, **k: pytest.fail("searched the journal"))
    case = journal.latest_case()
    assert case is not None and case.procedure == "AES salarié"


@pytest.mark.parametrize(
    "hint",
    [
        b"garbage",
        b'{"offset": 0, "length": 10, "hash": "00"}',
        b'{"offset": 999999, "length": 40, "hash": "00"}',
        b'{"offset": -5, "length": 40, "hash": "00"}',
    ],
)
def test_a_wrong_case_hint_is_ignored_not_trusted(store: Path, clock: Clock, hint: bytes) -> None:
    journal = Journal(store, clock=clock)
    journal.append(Case(procedure="Ancienne"))
    journal.append(attempt())
    journal.append(Case(procedure="Nouvelle"))
    journal.append(attempt())
    (store / "case.hint").write_bytes(hint)
    case = journal.latest_case()
    assert case is not None and case.procedure == "Nouvelle"


def test_a_hint_for_an_entry_that_never_landed_is_ignored(store: Path, clock: Clock) -> None:
    journal = Journal(store, clock=clock)
    journal.append(Case(procedure="AES salarié"))
    size = (store / "journal.jsonl").stat().st_size
    # As after a crash between writing the hint and writing the case entry it announces:
    (store / "case.hint").write_text(json.dumps({"offset": size, "length": 400, "hash": "a" * 64}))
    journal.append(attempt())  # lands where the hint points
    case = journal.latest_case()
    assert case is not None and case.procedure == "AES salarié"


def test_a_failed_case_append_puts_the_old_hint_back(
    store: Path, clock: Clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno

    from rdvlog import disk

    journal = Journal(store, clock=clock)
    journal.append(Case(procedure="AES salarié"))
    journal.append(attempt())
    before = snapshot(store)
    real_write = disk.write
    calls: list[int] = []

    def failing_journal_write(fd: int, data: bytes) -> int:
        calls.append(fd)
        if len(calls) == 2:  # the hint is written first, then the journal line
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_write(fd, data)

    monkeypatch.setattr(disk, "write", failing_journal_write)
    with pytest.raises(StoreError, match="no space left"):
        journal.append(Case(procedure="Renouvellement"))
    assert snapshot(store) == before
    case = journal.latest_case()
    assert case is not None and case.procedure == "AES salarié"


def test_a_torn_or_damaged_case_entry_is_reported_not_taken_for_no_profile(
    store: Path, clock: Clock
) -> None:
    journal = Journal(store, clock=clock)
    journal.append(Case(procedure="AES salarié"))
    path = store / "journal.jsonl"
    (store / "case.hint").unlink()
    with path.open("ab") as handle:
        handle.write(b'{"v":1,"seq":2,"kind":"case","recorded_at":"2026-11')
    with pytest.raises(TornTail):
        journal.latest_case()
    path.write_bytes(path.read_bytes().replace(b"AES salari", b"AES salaru").split(b"\n")[0][:-20])
    path.write_bytes(path.read_bytes() + b"\n")
    with pytest.raises(JournalDamaged, match="case-profile entry"):
        journal.latest_case()
