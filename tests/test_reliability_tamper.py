"""Tampering: every change to the journal or to an evidence file is found, at the right line.

Thousands of seeded random mutations go through ``Journal.verify()``; each named break kind
is then checked through ``rdvlog verify`` and ``rdvlog verify --json``.

What no verifier can see, without a copy of the head hash kept elsewhere: entries cut off the
end, or the last entry rewritten with a freshly computed hash. Those mutations are checked to
change the head hash (the journal's fingerprint), which is what a lawyer compares.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import random
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from rdvlog.errors import JournalDamaged, TornTail
from rdvlog.evidence import check_source
from rdvlog.journal import Journal, encode_line, entry_hash
from rdvlog.models import Case, Outcome, Void

from builders import PARIS, Clock, attempt
from conftest import Invoke

pytestmark = pytest.mark.reliability

PNG = b"\x89PNG\r\n\x1a\n"
KINDS = (
    "torn-tail",
    "unparseable",
    "invalid-field",
    "seq-gap",
    "prev-mismatch",
    "hash-mismatch",
    "non-canonical",
    "missing-evidence",
    "evidence-mismatch",
)


def build_journal(store: Path, tmp_path: Path) -> Journal:
    """Every kind of entry, three evidence files (one attached twice), notes in French."""
    clock = Clock()
    journal = Journal(store, clock=clock)
    shots = []
    for n in range(3):
        path = tmp_path / f"capture-{n}.png"
        path.write_bytes(PNG + bytes([n + 1]) * (500 + n))
        shots.append(path)
    journal.append(Case(applicant="Aïcha Ben Saïd", procedure="AES salarié"))
    for n in range(18):
        at = dt.datetime(2026, 10, 1, 8, 30, tzinfo=PARIS) + dt.timedelta(days=2 * n, minutes=n)
        sources = [check_source(shots[n % 3], store=store)] if n % 4 == 0 else []
        note = f"essai n° {n} « plus de plage » | <b>{n}</b>" if n % 2 else None
        journal.append(attempt(at=at, note=note, outcome=Outcome.NO_SLOT), sources)
        clock.advance(days=2)
        if n % 7 == 6:
            journal.append(Void(target=journal.entries()[-1].seq, reason="doublon"))
    with journal.path.open("ab") as handle:
        handle.write(b'{"v":1,"seq":99,"kind":"att')
    assert journal.repair() is not None
    journal.append(attempt(note="après réparation"), [check_source(shots[1], store=store)])
    assert journal.verify().ok
    return journal


@dataclass
class Mutation:
    data: bytes
    #: the lines the first break may be on (empty: no verifier can see the change)
    lines: tuple[int, ...]
    #: the kind of break expected, when the mutation determines it
    kind: str | None = None
    #: a valid rewrite of the tail, invisible without an outside copy of the head hash
    may_hide: bool = False


def first_difference(old: bytes, new: bytes) -> int:
    """The 1-based number of the first line that differs (a line ends at its newline)."""
    old_lines, new_lines = old.split(b"\n"), new.split(b"\n")
    for number, (a, b) in enumerate(zip(old_lines, new_lines, strict=False), start=1):
        if a != b:
            return number
    return min(len(old_lines), len(new_lines))


def lines_of(data: bytes) -> list[bytes]:
    return data.split(b"\n")[:-1]


def joined(lines: list[bytes]) -> bytes:
    return b"".join(line + b"\n" for line in lines)


def flip_bit(rng: random.Random, data: bytes) -> Mutation:
    position = rng.randrange(len(data))
    changed = bytearray(data)
    changed[position] ^= 1 << rng.randrange(8)
    return Mutation(bytes(changed), (first_difference(data, bytes(changed)),))


def splice(rng: random.Random, data: bytes) -> Mutation:
    """Insert, delete or overwrite a few random bytes."""
    position = rng.randrange(len(data))
    noise = bytes(rng.randrange(256) for _ in range(rng.randint(1, 4)))
    how = rng.choice(("insert", "delete", "overwrite"))
    if how == "insert":
        changed = data[:position] + noise + data[position:]
    elif how == "delete":
        changed = data[:position] + data[position + len(noise) :]
    else:
        changed = data[:position] + noise + data[position + len(noise) :]
    if changed == data:
        changed = data[:position] + data[position + 1 :]
    return Mutation(changed, (first_difference(data, changed),))


def _edit_leaf(rng: random.Random, obj: dict[str, Any]) -> str:
    """Change one value deep inside ``data`` (or the envelope) to another plausible one."""
    target: Any = obj["data"] if rng.random() < 0.7 else obj
    while True:
        key = rng.choice(sorted(target))
        value = target[key]
        if isinstance(value, dict) and value:
            target = value
            continue
        if isinstance(value, list) and value and isinstance(value[0], dict):
            target = rng.choice(value)
            continue
        break
    if key in ("hash", "prev", "sha256"):
        target[key] = f"{rng.getrandbits(256):064x}"
    elif key == "outcome":
        target[key] = "booked" if value != "booked" else "no-slot"
    elif isinstance(value, bool):
        target[key] = not value
    elif isinstance(value, int):
        target[key] = value + rng.choice((-1, 1))
    elif isinstance(value, str):
        target[key] = value[:-1] + ("0" if value[-1:] != "0" else "1")
    else:
        target[key] = "modifié"
    return key


def edit_field(rng: random.Random, data: bytes) -> Mutation:
    """Change a value and write the line back as rdvlog would, keeping or redoing the hash."""
    lines = lines_of(data)
    index = rng.randrange(len(lines))
    obj = json.loads(lines[index])
    _edit_leaf(rng, obj)
    rehash = rng.random() < 0.3
    if rehash:
        obj["hash"] = entry_hash(obj)
    lines[index] = encode_line(obj)[:-1]
    changed = joined(lines)
    if not rehash:
        return Mutation(changed, (index + 1,))
    # A rehashed line that is still a valid entry can only be caught by the next line's link
    # (and the last one not at all); an invalid one is caught on its own line.
    if index == len(lines) - 1:
        return Mutation(changed, (index + 1,), may_hide=True)
    return Mutation(changed, (index + 1, index + 2))


def reorder_keys(rng: random.Random, data: bytes) -> Mutation:
    """Same content, same hash, other bytes: still not what rdvlog wrote."""
    lines = lines_of(data)
    index = rng.randrange(len(lines))
    obj = json.loads(lines[index])
    if rng.random() < 0.5:
        obj["data"] = dict(reversed(list(obj["data"].items())))
    else:
        obj = dict(reversed(list(obj.items())))
    lines[index] = encode_line(obj)[:-1]
    changed = joined(lines)
    if changed == data:
        return Mutation(data[:-1], (len(lines),), "torn-tail")
    return Mutation(changed, (index + 1,), "non-canonical")


def reformat(rng: random.Random, data: bytes) -> Mutation:
    """Whitespace or escapes that leave the JSON value equal."""
    lines = lines_of(data)
    index = rng.randrange(len(lines))
    obj = json.loads(lines[index])
    if rng.random() < 0.5:
        text = json.dumps(obj, separators=(", ", ": "), ensure_ascii=False)
    else:
        text = json.dumps(obj, separators=(",", ":"), ensure_ascii=True)
    if text.encode() == lines[index]:
        text = " " + text
    lines[index] = text.encode()
    return Mutation(joined(lines), (index + 1,), "non-canonical")


def move_lines(rng: random.Random, data: bytes) -> Mutation:
    """Delete, duplicate or swap whole lines."""
    lines = lines_of(data)
    how = rng.choice(("delete", "duplicate", "swap", "cut"))
    index = rng.randrange(len(lines) - 1)
    if how == "delete":
        del lines[index]
        return Mutation(joined(lines), (index + 1,), "seq-gap")
    if how == "duplicate":
        lines.insert(index + 1, lines[index])
        return Mutation(joined(lines), (index + 2,), "seq-gap")
    if how == "swap":
        other = rng.randrange(index + 1, len(lines))
        lines[index], lines[other] = lines[other], lines[index]
        return Mutation(joined(lines), (index + 1,), "seq-gap")
    # entries cut off the end: a valid, shorter chain
    return Mutation(joined(lines[: index + 1]), (), may_hide=True)


def tear(rng: random.Random, data: bytes) -> Mutation:
    """Cut the file inside its last line, as a crash would."""
    lines = lines_of(data)
    cut = len(data) - rng.randint(1, len(lines[-1]))
    return Mutation(data[:cut], (len(lines),), "torn-tail")


MUTATIONS: tuple[Callable[[random.Random, bytes], Mutation], ...] = (
    flip_bit,
    flip_bit,
    splice,
    edit_field,
    edit_field,
    reorder_keys,
    reformat,
    move_lines,
    tear,
)


def test_thousands_of_random_mutations_are_all_detected(store: Path, tmp_path: Path) -> None:
    journal = build_journal(store, tmp_path)
    original = journal.path.read_bytes()
    head = journal.verify().head_hash
    rng = random.Random(5)
    tried = blind = 0
    for _ in range(3000):
        mutation = rng.choice(MUTATIONS)(rng, original)
        if mutation.data == original:
            continue
        journal.path.write_bytes(mutation.data)
        result = journal.verify()
        tried += 1
        brk = result.first_break
        if brk is None:
            # invisible without an outside copy of the head hash; the fingerprint changes
            assert mutation.may_hide, f"undetected change at line {mutation.lines}"
            assert result.head_hash != head
            blind += 1
            continue
        assert brk.kind in (*KINDS, "quarantine-mismatch")  # a repair entry's record edited
        assert brk.line in mutation.lines, (brk, mutation.lines, mutation.kind)
        if mutation.kind is not None:
            assert brk.kind == mutation.kind, (brk, mutation.kind)
        if brk.line == max(mutation.lines) > min(mutation.lines):
            assert brk.kind == "prev-mismatch", brk  # a rehashed line, caught by the next
    journal.path.write_bytes(original)
    assert journal.verify().ok
    assert tried > 2500
    print(f"{tried} journal mutations, all detected ({blind} tail rewrites changed the head hash)")


def _stored_files(store: Path) -> list[Path]:
    return sorted(p for p in (store / "evidence").glob("*/*") if p.is_file())


def _first_reference(journal: Journal, path: Path) -> int:
    for entry in journal.entries():
        for item in entry.data.get("evidence", []) if entry.kind == "attempt" else []:
            if item["sha256"] == path.stem:
                return entry.seq
    raise AssertionError(f"{path} is not referenced")


def test_every_change_to_an_evidence_file_is_detected(store: Path, tmp_path: Path) -> None:
    journal = build_journal(store, tmp_path)
    rng = random.Random(7)
    tried = 0
    for _ in range(150):
        path = rng.choice(_stored_files(store))
        line = _first_reference(journal, path)
        saved = path.read_bytes()
        how = rng.choice(("flip", "truncate", "extend", "replace", "delete", "directory", "fifo"))
        path.chmod(0o600)
        expected = "evidence-mismatch"
        if how == "flip":
            changed = bytearray(saved)
            changed[rng.randrange(len(changed))] ^= 1 << rng.randrange(8)
            path.write_bytes(bytes(changed))
        elif how == "truncate":
            path.write_bytes(saved[: rng.randrange(len(saved))])
        elif how == "extend":
            path.write_bytes(saved + b"\0")
        elif how == "replace":
            path.write_bytes(PNG + os.urandom(len(saved) - len(PNG)))
        else:
            path.unlink()
            expected = "missing-evidence"
            if how == "directory":
                path.mkdir()
            elif how == "fifo":
                os.mkfifo(path)  # must be reported, not waited on
        result = journal.verify()
        tried += 1
        assert result.first_break is not None, how
        assert (result.first_break.line, result.first_break.kind) == (line, expected), how
        if path.is_dir():
            path.rmdir()
        else:
            path.unlink(missing_ok=True)
        path.write_bytes(saved)
        path.chmod(0o400)
    assert journal.verify().ok
    print(f"{tried} evidence mutations, all detected")


# -- each named break, through the command line ------------------------------------------


def _three_entries(store: Path, tmp_path: Path) -> Journal:
    journal = Journal(store, clock=Clock())
    shot = tmp_path / "capture.png"
    shot.write_bytes(PNG + b"proof" * 50)
    journal.append(attempt(note="un"))
    journal.append(attempt(note="deux"), [check_source(shot, store=store)])
    journal.append(attempt(note="trois"))
    return journal


def _rewrite(journal: Journal, change: Callable[[list[bytes]], list[bytes]]) -> None:
    lines = lines_of(journal.path.read_bytes())
    journal.path.write_bytes(joined(change(lines)))


def _edit_note(lines: list[bytes]) -> list[bytes]:
    return [lines[0], lines[1].replace(b'"deux"', b'"DEUX"'), lines[2]]


def _swap(lines: list[bytes]) -> list[bytes]:
    return [lines[0], lines[2], lines[1]]


def _relink(lines: list[bytes]) -> list[bytes]:
    obj = json.loads(lines[1])
    obj["data"]["note"] = "deux bis"
    obj["hash"] = entry_hash(obj)  # a careful forger rehashes; the next line gives it away
    return [lines[0], encode_line(obj)[:-1], lines[2]]


def _set_field(line: bytes, key: str, value: Any) -> bytes:
    obj = json.loads(line)
    obj[key] = value
    return encode_line(obj)[:-1]


def _evidence_file(store: Path) -> Path:
    return _stored_files(store)[0]


def _replace_evidence(store: Path) -> None:
    path = _evidence_file(store)
    path.chmod(0o600)
    path.write_bytes(PNG + b"forged" * 50)


BREAKS: dict[str, tuple[int, Callable[[Journal, Path], None]]] = {
    "torn-tail": (
        4,
        lambda j, s: j.path.write_bytes(j.path.read_bytes() + b'{"v":1,"seq":4,"ki'),
    ),
    "unparseable": (2, lambda j, s: _rewrite(j, lambda ls: [ls[0], b"garbage", ls[2]])),
    "seq-gap": (2, lambda j, s: _rewrite(j, _swap)),
    "prev-mismatch": (3, lambda j, s: _rewrite(j, _relink)),
    "invalid-field": (
        2,
        lambda j, s: _rewrite(j, lambda ls: [ls[0], _set_field(ls[1], "recorded_at", "x"), ls[2]]),
    ),
    "hash-mismatch": (2, lambda j, s: _rewrite(j, _edit_note)),
    "non-canonical": (2, lambda j, s: _rewrite(j, lambda ls: [ls[0], b" " + ls[1], ls[2]])),
    "missing-evidence": (2, lambda j, s: _evidence_file(s).unlink()),
    "evidence-mismatch": (2, lambda j, s: _replace_evidence(s)),
}


@pytest.mark.parametrize("kind", KINDS)
def test_verify_names_the_first_bad_line_and_its_kind(
    kind: str, rdvlog: Invoke, store: Path, tmp_path: Path
) -> None:
    journal = _three_entries(store, tmp_path)
    line, damage = BREAKS[kind]
    damage(journal, store)

    result = rdvlog("verify")
    assert result.exit_code == 1
    assert f"result:    BROKEN, line {line}: {kind}: " in result.stdout
    (only,) = result.stderr.splitlines()
    assert only.startswith(f"error: verification failed at line {line}: {kind}: ")

    result = rdvlog("verify", "--json")
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    assert report["ok"] is False
    assert (report["first_break"]["line"], report["first_break"]["kind"]) == (line, kind)
    assert len(result.stderr.splitlines()) == 1


def test_installed_verify_reports_tampering_to_a_shell_script(store: Path, tmp_path: Path) -> None:
    journal = _three_entries(store, tmp_path)
    ok = subprocess.run(
        [str(Path(sys.executable).parent / "rdvlog"), "verify", "--json"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert ok.returncode == 0 and json.loads(ok.stdout)["ok"] is True
    _rewrite(journal, _edit_note)
    broken = subprocess.run(
        [str(Path(sys.executable).parent / "rdvlog"), "verify"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert broken.returncode == 1
    assert broken.stderr.splitlines() == [
        "error: verification failed at line 2: hash-mismatch: content does not match its hash"
    ]
    assert "Traceback" not in broken.stderr


def test_repair_never_removes_a_tampered_or_newer_last_line(store: Path, tmp_path: Path) -> None:
    """Only a torn line is repair's to remove; anything else needs a backup or an upgrade."""
    journal = _three_entries(store, tmp_path)
    original = journal.path.read_bytes()
    for change in (_edit_note, lambda ls: [*ls[:2], ls[2].replace(b'"trois"', b'"TROIS"')]):
        _rewrite(journal, change)
        tampered = journal.path.read_bytes()
        with pytest.raises(JournalDamaged, match=r"hash-mismatch.*restore"):
            journal.repair()
        assert journal.path.read_bytes() == tampered
        journal.path.write_bytes(original)
    assert journal.repair() is None

    last = json.loads(lines_of(original)[-1])
    newer = {**last, "v": 2, "seq": 4, "prev": last["hash"]}
    newer["hash"] = entry_hash(newer)
    journal.path.write_bytes(original + encode_line(newer))
    for operation in (journal.repair, journal.entries, lambda: journal.append(attempt())):
        with pytest.raises(JournalDamaged, match="newer rdvlog") as caught:
            operation()
        assert not isinstance(caught.value, TornTail)
    brk = journal.verify().first_break
    assert brk is not None and (brk.line, brk.kind) == (4, "unparseable")
    assert "newer rdvlog" in brk.detail
    assert journal.path.read_bytes() == original + encode_line(newer)
    assert not (store / "quarantine").exists()
