"""``attempt add`` takes its defaults from the case profile in O(bytes written since the last
add) (issue 16), keeping issue 11's rule: ``case.hint`` is trusted only for the *latest* case
entry.

``attempts.hint`` names the latest case entry as of its own line; when it names the entry
``case.hint`` names, only the bytes after the attempt line are searched for a later one. Every
other state of the two hints (missing, old, older than each other, malformed, left behind by a
failed write) falls back to searching everything after the hinted case entry, as before.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import json
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rdvlog import disk
from rdvlog.errors import NotFound, StoreError, UsageError
from rdvlog.journal import Journal, counter, hint
from rdvlog.models import Case, Place
from rdvlog.service.attempts import AttemptRequest, add_attempt, void_attempt
from rdvlog.service.case import set_case

from builders import PARIS, Clock, attempt

AT = dt.datetime(2026, 11, 20, 8, 30, tzinfo=PARIS)


def place(n: int) -> Place:
    return Place(label=f"Préfecture {n}", kind="prefecture", department=f"{10 + n}")


def add(journal: Journal, *, explicit: bool = False) -> Any:
    """``attempt add`` as the command calls it: with ``-p``/``-d`` or from the case profile."""
    if explicit:
        request = AttemptRequest(at=AT, place=place(99), procedure="donnée")
    else:
        request = AttemptRequest(at=AT)
    return add_attempt(journal, request)


def folded_case(journal: Journal) -> Case | None:
    """The latest case entry, from every entry of the journal: what the hints must agree with."""
    cases = [e for e in journal.entries() if e.kind == "case"]
    return Case.model_validate(cases[-1].data) if cases else None


def hint_json(store: Path, name: str) -> dict[str, Any]:
    content: dict[str, Any] = json.loads((store / name).read_bytes())
    return content


def latest_case_line(store: Path) -> dict[str, Any]:
    """Where the latest case entry really is, from the journal's bytes."""
    offset, found = 0, {}
    for line in (store / "journal.jsonl").read_bytes().splitlines(keepends=True):
        if json.loads(line)["kind"] == "case":
            found = {"offset": offset, "length": len(line), "hash": json.loads(line)["hash"]}
        offset += len(line)
    return found


def case_hint_mark(store: Path) -> dict[str, Any]:
    return {k: hint_json(store, "case.hint")[k] for k in ("offset", "length", "hash")}


@contextlib.contextmanager
def bytes_read() -> Iterator[list[int]]:
    """Count the bytes read from files with ``os.pread`` (how the journal's lines and
    stretches are read), and fail if the journal is mapped (the backward search)."""
    import mmap

    total = [0]
    real = os.pread

    def counting(fd: int, n: int, offset: int) -> bytes:
        data = real(fd, n, offset)
        total[0] += len(data)
        return data

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(os, "pread", counting)
        patch.setattr(mmap, "mmap", lambda *a, **k: pytest.fail("searched the journal"))
        yield total


@pytest.fixture
def quick(monkeypatch: pytest.MonkeyPatch) -> None:
    """No fsync: these tests are about which bytes are read, not about durability."""
    monkeypatch.setattr(disk, "fsync", lambda fd: None)
    monkeypatch.setattr(disk, "sync_directory", lambda path: None)


def fail_journal_writes(patch: pytest.MonkeyPatch, *, restore_fails: bool = False) -> None:
    """The disk is full for the journal's line (not for the hint written before it); with
    ``restore_fails``, a failed ``case set`` cannot put the old ``case.hint`` back either."""
    real_write = disk.write

    def failing(fd: int, data: bytes) -> int:
        if data.startswith(b'{"v":'):
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_write(fd, data)

    patch.setattr(disk, "write", failing)
    if restore_fails:
        patch.setattr(hint, "restore_hint", lambda path, previous: None)


def long_journal(store: Path, clock: Clock, attempts: int = 1500) -> Journal:
    """A profile set once, then many attempts: the user of issue 16."""
    journal = Journal(store, clock=clock)
    journal.append(Case(place=place(1), procedure="AES salarié"))
    for _ in range(attempts):
        journal.append(attempt())
    return journal


# -- the cost ----------------------------------------------------------------------------------


def test_the_profile_is_found_reading_only_the_hinted_lines(
    store: Path, clock: Clock, quick: None
) -> None:
    journal = long_journal(store, clock)
    add(journal)  # no attempts.hint yet: counted once, the case entry found once
    add(journal)
    size = (store / "journal.jsonl").stat().st_size
    assert size > 500_000
    with bytes_read() as total:
        case = journal.latest_case()
    assert case is not None and case.procedure == "AES salarié"
    # Two lines: the one attempts.hint points at and the case entry; nothing after them.
    assert total[0] < 2 * 1024
    # Without attempts.hint, everything after the case entry is searched (the old cost): the
    # measure above is not blind.
    (store / "attempts.hint").unlink()
    with bytes_read() as total:
        assert journal.latest_case() == case
    assert total[0] > size - 1024


def test_a_whole_add_reads_the_end_of_the_journal_not_all_of_it(
    store: Path, clock: Clock, quick: None
) -> None:
    journal = long_journal(store, clock)
    add(journal)
    journal.append(attempt())  # written since: searched, and only that
    with bytes_read() as total:
        added = add(journal)
    assert added.entry.data["procedure"] == "AES salarié" and added.number == 1503
    # The last entry is read from a 64 KiB window at the end; the rest is a few lines.
    assert total[0] < 64 * 1024 + 8 * 1024
    assert (store / "journal.jsonl").stat().st_size > 10 * total[0]


def test_bytes_written_since_the_last_add_are_searched(
    store: Path, clock: Clock, quick: None
) -> None:
    journal = long_journal(store, clock, attempts=200)
    add(journal)
    for _ in range(300):
        journal.append(attempt())  # e.g. an older rdvlog's adds, which leave the hint alone
    end = hint_json(store, "attempts.hint")
    stretch = (store / "journal.jsonl").stat().st_size - (end["offset"] + end["length"])
    with bytes_read() as total:
        assert journal.latest_case() is not None
    assert stretch <= total[0] < stretch + 2 * 1024


# -- the claim is right, and a wrong one is not trusted -----------------------------------------


def test_an_add_with_place_given_still_records_a_case_written_since(
    store: Path, clock: Clock
) -> None:
    journal = Journal(store, clock=clock)
    set_case(journal, {"place": place(1), "procedure": "ancienne"})
    add(journal, explicit=True)
    assert hint_json(store, "attempts.hint")["case"] == case_hint_mark(store)
    set_case(journal, {"procedure": "nouvelle"})
    add(journal, explicit=True)  # never reads the profile, but finds the new entry after its line
    assert hint_json(store, "attempts.hint")["case"] == case_hint_mark(store)
    assert add(journal).entry.data["procedure"] == "nouvelle"


def test_no_profile_is_recorded_as_none_and_adds_with_place_given_stay_cheap(
    store: Path, clock: Clock
) -> None:
    journal = Journal(store, clock=clock)
    add(journal, explicit=True)
    assert hint_json(store, "attempts.hint")["case"] is None
    for _ in range(3):
        journal.append(attempt())
    with bytes_read() as total:
        add(journal, explicit=True)  # no backward search for a case entry that is not there
    assert total[0] < 8 * 1024
    assert hint_json(store, "attempts.hint")["case"] is None


def test_double_fault_case_entry_after_the_attempts_hinted_line_is_found(
    store: Path, clock: Clock
) -> None:
    """Issue 11: case.hint left on the older entry, whole and hashed. attempts.hint names that
    same entry (it was the latest as of its line), so the hints agree; the newer case entry
    lies after the attempts-hinted line, in the stretch that is still searched."""
    journal = Journal(store, clock=clock)
    set_case(journal, {"place": place(1), "procedure": "ancienne"})
    add(journal)
    old_case_hint = (store / "case.hint").read_bytes()
    set_case(journal, {"procedure": "nouvelle"})
    journal.append(attempt())
    (store / "case.hint").write_bytes(old_case_hint)
    assert hint_json(store, "attempts.hint")["case"] == case_hint_mark(store)  # they agree
    case = journal.latest_case()
    assert case is not None and case.procedure == "nouvelle"
    assert add(journal).entry.data["procedure"] == "nouvelle"


def test_double_fault_case_entry_before_the_attempts_hinted_line_is_found(
    store: Path, clock: Clock
) -> None:
    """The newer case entry lies *before* the attempts-hinted line: attempts.hint names it,
    case.hint the older one; they disagree, so everything after the older one is searched."""
    journal = Journal(store, clock=clock)
    set_case(journal, {"place": place(1), "procedure": "ancienne"})
    old_case_hint = (store / "case.hint").read_bytes()
    add(journal)
    set_case(journal, {"procedure": "nouvelle"})
    add(journal)
    add(journal)
    (store / "case.hint").write_bytes(old_case_hint)
    assert hint_json(store, "attempts.hint")["case"] != case_hint_mark(store)
    case = journal.latest_case()
    assert case is not None and case.procedure == "nouvelle"
    assert add(journal).entry.data["procedure"] == "nouvelle"


def test_an_older_attempts_hint_rewritten_by_a_slower_process_is_still_true(
    store: Path, clock: Clock
) -> None:
    journal = Journal(store, clock=clock)
    set_case(journal, {"place": place(1), "procedure": "ancienne"})
    add(journal)
    older = (store / "attempts.hint").read_bytes()
    set_case(journal, {"procedure": "nouvelle"})
    add(journal)
    (store / "attempts.hint").write_bytes(older)  # its remember() landed last
    for stale_case_hint in (False, True):
        if stale_case_hint:  # and the double fault on top
            (store / "case.hint").write_text(json.dumps(hint_json(store, "attempts.hint")["case"]))
        case = journal.latest_case()
        assert case is not None and case.procedure == "nouvelle"
    added = add(journal)
    assert (added.number, added.entry.data["procedure"]) == (3, "nouvelle")


def test_a_hint_for_a_case_entry_that_never_landed_is_not_vouched_for(
    store: Path, clock: Clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A failed ``case set`` whose hint could not be put back (restore fails too): the hint
    names an entry that is not there; attempts.hint cannot make it trusted."""
    journal = Journal(store, clock=clock)
    set_case(journal, {"place": place(1), "procedure": "ancienne"})
    add(journal)
    fail_journal_writes(monkeypatch, restore_fails=True)
    with pytest.raises(StoreError):
        set_case(journal, {"procedure": "jamais écrite"})
    monkeypatch.undo()
    added = add(journal)  # lands where the failed case entry would have been
    assert added.entry.data["procedure"] == "ancienne"
    assert journal.latest_case() == folded_case(journal)


# -- formats -----------------------------------------------------------------------------------


def test_an_old_format_attempts_hint_still_works_and_is_upgraded(
    store: Path, clock: Clock, quick: None
) -> None:
    journal = long_journal(store, clock, attempts=300)
    add(journal)
    content = hint_json(store, "attempts.hint")
    del content["case"]  # as rdvlog 0.1 writes it
    (store / "attempts.hint").write_text(json.dumps(content))
    case = journal.latest_case()  # the old cost: everything after the case entry
    assert case is not None and case.procedure == "AES salarié"
    added = add(journal)
    assert (added.number, added.entry.data["procedure"]) == (302, "AES salarié")
    assert hint_json(store, "attempts.hint")["case"] == case_hint_mark(store)
    with bytes_read() as total:
        assert journal.latest_case() == case
    assert total[0] < 2 * 1024


def test_an_older_rdvlog_can_read_the_new_attempts_hint() -> None:
    """rdvlog 0.1 reads at most 512 bytes and takes five keys; the new key must not push the
    file past that bound, even with the largest numbers a journal can have."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "attempts.hint"
        big = 2**62
        mark = (big, 64 * 1024, "f" * 64)
        counter.remember(
            path, offset=big, length=big, seq=big, digest="f" * 64, attempts=big, case=mark,
            case_known=True,
        )  # fmt: skip
        content = json.loads(path.read_bytes())
        assert len(path.read_bytes()) < 512
        assert {k: content[k] for k in ("offset", "length", "seq", "hash", "attempts")} == {
            "offset": big, "length": big, "seq": big, "hash": "f" * 64, "attempts": big,
        }  # fmt: skip


@pytest.mark.parametrize(
    "case",
    [
        "x",
        [0, 400, "a" * 64],
        {"offset": True, "length": 400, "hash": "a"},
        {"offset": 0.0, "length": 400, "hash": "a"},
        {"offset": -1, "length": 400, "hash": "a"},
        {"offset": 0, "length": 0, "hash": "a"},
        {"offset": 0, "length": 10**12, "hash": "a"},
        {"offset": 0, "length": 400, "hash": 5},
        {"offset": 0, "length": 400},
        {"offset": 10**9, "length": 400, "hash": "a"},  # after the attempts-hinted line
    ],
)
def test_a_malformed_case_in_attempts_hint_is_ignored(
    store: Path, clock: Clock, case: object
) -> None:
    journal = Journal(store, clock=clock)
    set_case(journal, {"place": place(1), "procedure": "ancienne"})
    add(journal)
    old_case_hint = (store / "case.hint").read_bytes()
    set_case(journal, {"procedure": "nouvelle"})
    add(journal)
    (store / "attempts.hint").write_text(
        json.dumps({**hint_json(store, "attempts.hint"), "case": case})
    )
    (store / "case.hint").write_bytes(old_case_hint)  # the double fault as well
    case_now = journal.latest_case()
    assert case_now is not None and case_now.procedure == "nouvelle"
    added = add(journal)
    assert (added.number, added.entry.data["procedure"]) == (3, "nouvelle")
    assert hint_json(store, "attempts.hint")["case"] == latest_case_line(store)


def test_a_case_pattern_nested_in_another_entry_is_passed_over(store: Path, clock: Clock) -> None:
    """An attempt whose data holds ``"kind":"case"`` (a line another program wrote; rdvlog's
    places never say so) is not taken for the case entry."""
    journal = Journal(store, clock=clock)
    set_case(journal, {"place": place(1), "procedure": "AES"})
    path = store / "journal.jsonl"
    data = path.read_bytes()
    fake = data.replace(b'"kind":"case"', b'"kind":"attempt"').replace(
        b'"data":{', b'"data":{"x":{"kind":"case"},', 1
    )
    with path.open("ab") as handle:
        handle.write(fake)  # not a valid entry for verify; only its bytes matter here
    with open(path, "rb") as handle:
        mark = hint.last_case_mark(handle.fileno(), 0, len(data) + len(fake))
    assert mark is not None and mark[:2] == (0, len(data))


@pytest.mark.parametrize("chunk", [16, 97, 1 << 20])
def test_the_backward_search_reads_across_chunk_boundaries(
    store: Path, clock: Clock, chunk: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    journal = Journal(store, clock=clock)
    for n in range(3):
        journal.append(Case(procedure=f"D{n}"))
        journal.append(attempt())
    monkeypatch.setattr(hint, "_SCAN_CHUNK", chunk)
    lines = (store / "journal.jsonl").read_bytes().splitlines(keepends=True)
    with open(store / "journal.jsonl", "rb") as handle:
        fd = handle.fileno()
        mark = hint.last_case_mark(fd, 0, sum(map(len, lines)))
        assert mark == (sum(map(len, lines[:4])), len(lines[4]), json.loads(lines[4])["hash"])
        assert hint.last_case_mark(fd, sum(map(len, lines[:5])), sum(map(len, lines))) is None
        with pytest.raises(hint.Unreadable):  # a stretch that cuts the case line
            hint.last_case_mark(fd, 0, sum(map(len, lines[:4])) + 40)


# -- the property: the defaults are always the latest case entry's ------------------------------

# Adds, case changes and a stale case.hint are what the rule is about: drawn more often. The
# number is each operation's argument (a place, a hint to restore, a yes/no).
OPS = st.lists(
    st.tuples(
        st.sampled_from(
            ["add"] * 4
            + ["case"] * 3
            + ["old-case-hint"] * 2
            + ["void", "failed-case", "failed-add", "old-attempts-hint", "old-format"]
            + ["delete-hint"]
        ),
        st.integers(0, 20),
    ),
    min_size=1,
    max_size=16,
)


@settings(
    max_examples=200,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(ops=OPS)
def test_attempt_add_defaults_are_always_the_latest_case_entry(
    ops: list[tuple[str, Any]], quick: None
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        store = Path(folder) / "store"
        journal = Journal(store, clock=Clock())
        set_case(journal, {"place": place(0), "procedure": "D0"})
        saved: dict[str, list[bytes]] = {"case.hint": [], "attempts.hint": []}
        numbers = 0
        for n, (op, arg) in enumerate(ops):
            for name, kept in saved.items():
                if (store / name).is_file() and (store / name).read_bytes() not in kept:
                    kept.append((store / name).read_bytes())
            if op == "case":
                set_case(journal, {"place": place(arg % 4), "procedure": f"démarche {n + 1}"})
            elif op == "add":
                added = add(journal, explicit=arg % 2 == 1)
                numbers += 1
                assert added.number == numbers
                if arg % 2 == 0:
                    latest = folded_case(journal)
                    assert latest is not None and latest.place is not None
                    assert added.entry.data["procedure"] == latest.procedure
                    assert added.entry.data["place"] == latest.place.model_dump(exclude_none=True)
            elif op == "void" and numbers:
                with contextlib.suppress(NotFound, UsageError):
                    void_attempt(journal, arg % numbers + 1, "erreur")
            elif op in ("failed-case", "failed-add"):
                with pytest.MonkeyPatch.context() as patch:
                    fail_journal_writes(patch, restore_fails=arg % 2 == 1)
                    with pytest.raises(StoreError):
                        if op == "failed-case":
                            set_case(journal, {"procedure": f"jamais {n}"})
                        else:
                            add(journal)
            elif op in ("old-case-hint", "old-attempts-hint"):
                name = "case.hint" if op == "old-case-hint" else "attempts.hint"
                kept = saved[name]
                if kept:  # a hint left behind by a double fault or by a slower process
                    (store / name).write_bytes(kept[arg % len(kept)])
            elif op == "old-format" and (store / "attempts.hint").exists():
                content = hint_json(store, "attempts.hint")
                content.pop("case", None)
                (store / "attempts.hint").write_text(json.dumps(content))
            elif op == "delete-hint":
                (store / ("case.hint", "attempts.hint")[arg % 2]).unlink(missing_ok=True)
            assert journal.latest_case() == folded_case(journal), (n, op)
        assert journal.verify().ok
