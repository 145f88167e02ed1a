"""Writers killed at any moment, and every durable system call failing in turn: nothing lost.

Four campaigns, all on the same invariants:

* a forked writer kills itself with SIGKILL just before, just after, or half-way through the
  k-th durable system call, for every k of a fixed sequence of commands;
* a forked writer is killed from outside after a random number of acknowledged commands;
* in-process, the k-th durable call raises (ENOSPC, EIO) or writes short, for every k: the
  failing command exits 1 with one ``error:`` line and leaves the store byte-for-byte as it was;
* in-process, every durable call from the k-th on fails (a disk that dies), undo included.

After a crash the journal verifies, or has only a torn last line that ``rdvlog repair`` fixes;
every command that exited 0 is still in the journal, once; no entry points at a missing file.
"""

from __future__ import annotations

import errno
import os
import random
import shutil
import signal
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from typer.main import get_command

from rdvlog import disk
from rdvlog.cli import app
from rdvlog.journal import Journal
from rdvlog.service.reading import read_history

from builders import snapshot
from conftest import Invoke

pytestmark = pytest.mark.reliability

PNG = b"\x89PNG\r\n\x1a\n"
DURABLE = ("write", "fsync", "truncate", "replace")
COMMAND = get_command(app)


def run(*args: str) -> int:
    """Run the real CLI in this process and return its exit code."""
    try:
        COMMAND.main(list(args), prog_name="rdvlog")
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else 1
    return 0


def add(store: Path, note: str, *evidence: Path) -> list[str]:
    args = ["--store", str(store), "attempt", "add", "--unlisted", "-p", "Bobigny", "-d", "AES"]
    args += ["-n", note]
    for path in evidence:
        args += ["-e", str(path)]
    return args


class SyscallCounter:
    """Wraps :mod:`rdvlog.disk` so that the ``at``-th durable call does ``action``."""

    def __init__(self, at: int | None = None, action: Callable[..., Any] | None = None) -> None:
        self.calls = 0
        self.at = at
        self.action = action
        self.real = {name: getattr(disk, name) for name in DURABLE}

    def install(self, monkeypatch: pytest.MonkeyPatch | None = None) -> None:
        for name in DURABLE:
            wrapper = self._wrap(name)
            if monkeypatch is None:
                setattr(disk, name, wrapper)
            else:
                monkeypatch.setattr(disk, name, wrapper)

    def _wrap(self, name: str) -> Callable[..., Any]:
        real = self.real[name]

        def wrapper(*args: Any) -> Any:
            self.calls += 1
            if self.calls == self.at and self.action is not None:
                return self.action(name, real, *args)
            return real(*args)

        return wrapper


def kill_self() -> None:
    os.kill(os.getpid(), signal.SIGKILL)


def crash(mode: str) -> Callable[..., Any]:
    """An action that kills the process before, after, or half-way through the call."""

    def action(name: str, real: Callable[..., Any], *args: Any) -> Any:
        if mode == "torn" and name == "write":
            fd, data = args
            os.write(fd, data[: len(data) // 2])
        elif mode == "after":
            real(*args)
        kill_self()

    return action


@contextmanager
def forked(body: Callable[[int], None]) -> Iterator[tuple[int, int]]:
    """Fork; the child runs ``body(ack_fd)`` with stdout and stderr silenced, then exits 0."""
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child never returns into pytest
        code = 0
        try:
            os.close(read_end)
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, 1)
            os.dup2(devnull, 2)
            body(write_end)
        except BaseException:
            code = 3
        finally:
            os._exit(code)
    os.close(write_end)
    try:
        yield pid, read_end
    finally:
        os.close(read_end)


def acks(read_end: int) -> Iterator[int]:
    """The numbers of the commands the child saw exit 0, as it reports them."""
    buffer = b""
    while chunk := os.read(read_end, 4096):
        buffer += chunk
        *lines, buffer = buffer.split(b"\n")
        yield from (int(line) for line in lines)


def run_acked(commands: Sequence[list[str]], ack_fd: int, start: int = 0) -> None:
    for number, args in enumerate(commands, start=start):
        code = run(*args)
        if code != 0:
            os._exit(10 + code)
        os.write(ack_fd, b"%d\n" % number)


def recover(store: Path) -> str:
    """Verify; a torn last line (and only that) is repaired. Returns what was found."""
    journal = Journal(store)
    result = journal.verify()
    if result.ok:
        return "intact"
    assert result.first_break is not None
    assert result.first_break.kind == "torn-tail", result.first_break.describe()
    assert result.first_break.line == result.entry_count
    assert run("--store", str(store), "repair") == 0
    after = journal.verify()
    assert after.ok, after.first_break
    return "repaired"


def notes(store: Path) -> list[str]:
    return [e.data["note"] for e in Journal(store).entries() if e.kind == "attempt"]


@pytest.fixture
def shots(tmp_path: Path) -> list[Path]:
    paths = []
    for n in range(4):
        path = tmp_path / f"shot-{n}.png"
        path.write_bytes(PNG + bytes([n]) * (3000 + n))
        paths.append(path)
    return paths


def sequence(store: Path, shots: list[Path]) -> list[list[str]]:
    """Commands that touch every durable path: new store, new and known evidence, void."""
    return [
        add(store, "op0", shots[0], shots[1]),
        add(store, "op1"),
        ["--store", str(store), "attempt", "void", "1", "--reason", "doublon"],
        add(store, "op3", shots[0], shots[2]),
    ]


def check_acked(store: Path, commands: list[list[str]], acked: list[int]) -> None:
    """Every acknowledged command is in the journal exactly once; nothing else is doubled."""
    found = notes(store)
    assert len(found) == len(set(found)), "an attempt was recorded twice"
    for number in acked:
        args = commands[number]
        if "add" in args:
            assert args[args.index("-n") + 1] in found
        else:
            history = read_history(Journal(store))
            target = history.attempt(int(args[args.index("void") + 1]))
            assert target is not None and target.voided


def test_sigkill_at_every_durable_syscall_loses_nothing(tmp_path: Path, shots: list[Path]) -> None:
    store = tmp_path / "crash-store"
    commands = sequence(store, shots)
    counter = SyscallCounter()
    counter.install()
    try:
        assert [run(*args) for args in commands] == [0, 0, 0, 0]
    finally:
        for name, real in counter.real.items():
            setattr(disk, name, real)
    total = counter.calls
    assert total >= 20  # the campaign really covers the evidence copies and the appends
    rounds = {"intact": 0, "repaired": 0}
    for at in range(1, total + 1):
        for mode in ("before", "after", "torn"):
            shutil.rmtree(store, ignore_errors=True)

            def body(ack_fd: int, at: int = at, mode: str = mode) -> None:
                SyscallCounter(at, crash(mode)).install()
                run_acked(commands, ack_fd)

            with forked(body) as (pid, read_end):
                acked = list(acks(read_end))
                _, status = os.waitpid(pid, 0)
            assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL, (
                at,
                mode,
                status,
            )
            if not store.exists():
                assert acked == []
                continue
            rounds[recover(store)] += 1
            check_acked(store, commands, acked)
            # the store takes the next write, and a crashed copy leaves no debris behind
            assert run(*add(store, "after the crash", shots[3])) == 0
            assert Journal(store).verify().ok
            assert not list(store.glob("evidence/.incoming-*"))
    assert rounds["repaired"] > 0  # some crash really did tear the last line
    print(f"{3 * total} kill rounds: {rounds}")


def test_sigkill_from_outside_at_random_moments(tmp_path: Path, shots: list[Path]) -> None:
    store = tmp_path / "random-kill-store"
    rng = random.Random(20261126)
    acked_notes: list[str] = []
    seen = {"intact": 0, "repaired": 0}
    rounds = 60
    for round_number in range(rounds):
        commands = [
            add(store, f"r{round_number}-{n}", *rng.sample(shots, rng.randint(0, 2)))
            for n in range(6)
        ]
        wanted = rng.randint(0, 4)

        def body(ack_fd: int, commands: list[list[str]] = commands) -> None:
            run_acked(commands, ack_fd)

        with forked(body) as (pid, read_end):
            got: list[int] = []
            for number in acks(read_end):
                got.append(number)
                if len(got) > wanted:
                    break
            os.kill(pid, signal.SIGKILL)
            got.extend(acks(read_end))  # an ack written just before the kill still counts
            os.waitpid(pid, 0)
        seen[recover(store)] += 1
        acked_notes.extend(commands[n][commands[n].index("-n") + 1] for n in got)
        found = notes(store)
        assert len(found) == len(set(found))
        missing = set(acked_notes) - set(found)
        assert not missing, f"round {round_number}: acknowledged attempts lost: {missing}"
    assert Journal(store).verify().ok
    print(f"{rounds} rounds killed from outside, {len(acked_notes)} acknowledged adds: {seen}")


# -- in-process faults: the failing command leaves the store exactly as it was -------------


def fail_with(code: int) -> Callable[..., Any]:
    def action(name: str, real: Callable[..., Any], *args: Any) -> Any:
        raise OSError(code, os.strerror(code))

    return action


def short_write(then_raise: bool) -> Callable[..., Any]:
    """Half the bytes, then a short count or ENOSPC; any other call fails with ENOSPC."""

    def action(name: str, real: Callable[..., Any], *args: Any) -> Any:
        if name != "write":
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        fd, data = args
        written = real(fd, data[: max(1, len(data) // 2)])
        if then_raise:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return written

    return action


FAULTS = {
    "ENOSPC": fail_with(errno.ENOSPC),
    "EIO": fail_with(errno.EIO),
    "short": short_write(then_raise=False),
    "short+ENOSPC": short_write(then_raise=True),
}


def build_base(rdvlog: Invoke, store: Path, shots: list[Path]) -> None:
    common = ("attempt", "add", "--unlisted", "-p", "Bobigny", "-d", "AES")
    assert rdvlog(*common, "-n", "base-1", "-e", str(shots[0])).exit_code == 0
    assert rdvlog(*common, "-n", "base-2").exit_code == 0


def operations(store: Path, shots: list[Path]) -> dict[str, tuple[list[str], Callable[[], None]]]:
    """Commands to break, each with how to prepare the store copy it runs on."""

    def nothing() -> None:
        pass

    def tear() -> None:
        with (store / "journal.jsonl").open("ab") as handle:
            handle.write(b'{"v":1,"seq":3,"kind":"attempt","recorded_at":"2026-11-26T09:0')

    def wipe() -> None:
        shutil.rmtree(store)

    common = ["attempt", "add", "--unlisted", "-p", "Bobigny", "-d", "AES"]
    return {
        "add with new and known evidence": (
            [*common, "-n", "new", "-e", str(shots[1]), "-e", str(shots[0])],
            nothing,
        ),
        "add to a store that does not exist": (
            [*common, "-n", "first", "-e", str(shots[2])],
            wipe,
        ),
        "void": (["attempt", "void", "2", "--reason", "doublon"], nothing),
        "repair a torn tail": (["repair"], tear),
    }


def count_durable_calls(rdvlog: Invoke, args: list[str], monkeypatch: pytest.MonkeyPatch) -> int:
    """How many durable calls the command makes when nothing fails (run on a scratch copy)."""
    counter = SyscallCounter()
    with monkeypatch.context() as patch:
        counter.install(patch)
        assert rdvlog(*args).exit_code == 0, args
    assert counter.calls > 0, args
    return counter.calls


def only_lock_left(before: dict[str, str], after: dict[str, str]) -> bool:
    """A failed first write may leave the new, empty store directory and its lock file."""
    return before == {} and set(after) <= {".", "journal.lock"}


def test_every_durable_call_failing_leaves_the_store_as_it_was(
    rdvlog: Invoke,
    store: Path,
    tmp_path: Path,
    shots: list[Path],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    build_base(rdvlog, store, shots)
    base = tmp_path / "base-store"
    shutil.copytree(store, base)
    runs = 0
    for label, (args, prepare) in operations(store, shots).items():
        shutil.rmtree(store)
        shutil.copytree(base, store)
        prepare()
        total = count_durable_calls(rdvlog, args, monkeypatch)
        for at in range(1, total + 1):
            for fault, action in FAULTS.items():
                shutil.rmtree(store, ignore_errors=True)
                shutil.copytree(base, store)
                prepare()
                before = snapshot(store)
                with monkeypatch.context() as patch:
                    SyscallCounter(at, action).install(patch)
                    result = rdvlog(*args)
                where = f"{label}: {fault} at durable call {at}/{total}"
                runs += 1
                assert result.exception is None or isinstance(result.exception, SystemExit), (
                    where,
                    result.exception,
                )
                if result.exit_code == 0:
                    # only a short write can be survived: the rest is written by the next call
                    assert fault == "short", where
                    assert Journal(store).verify().ok, where
                    continue
                assert result.exit_code == 1, (where, result.output)
                lines = result.stderr.splitlines()
                assert len(lines) == 1 and lines[0].startswith("error: "), (where, lines)
                if fault != "EIO":
                    assert "no space left" in lines[0], (where, lines)
                after = snapshot(store)
                assert after == before or only_lock_left(before, after), where
    print(f"{runs} runs with one failing durable call")


class BrokenDisk(SyscallCounter):
    """From the ``at``-th durable call on, every one fails with EIO: a disk that died."""

    def _wrap(self, name: str) -> Callable[..., Any]:
        real = self.real[name]

        def wrapper(*args: Any) -> Any:
            self.calls += 1
            if self.at is not None and self.calls >= self.at:
                raise OSError(errno.EIO, os.strerror(errno.EIO))
            return real(*args)

        return wrapper


def test_a_disk_that_dies_mid_command_never_loses_an_entry(
    rdvlog: Invoke,
    store: Path,
    tmp_path: Path,
    shots: list[Path],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Not even the undo can write; once the disk is back, ``repair`` is all it takes."""
    build_base(rdvlog, store, shots)
    base = tmp_path / "base-store"
    shutil.copytree(store, base)
    expected = set(notes(base))
    runs = 0
    for label, (args, prepare) in operations(store, shots).items():
        shutil.rmtree(store)
        shutil.copytree(base, store)
        prepare()
        total = count_durable_calls(rdvlog, args, monkeypatch)
        for at in range(1, total + 1):
            shutil.rmtree(store, ignore_errors=True)
            shutil.copytree(base, store)
            prepare()
            before = snapshot(store)
            disk_ = BrokenDisk(at)
            with monkeypatch.context() as patch:
                disk_.install(patch)
                result = rdvlog(*args)
            where = f"{label}: disk dead from durable call {at}"
            runs += 1
            assert result.exit_code == 1, (where, result.output)
            lines = result.stderr.splitlines()
            assert len(lines) == 1 and lines[0].startswith("error: "), (where, lines)
            after = snapshot(store)
            if after == before or only_lock_left(before, after):
                continue
            recover(store)
            if label != "add to a store that does not exist":
                assert expected <= set(notes(store)), where
    assert runs > 20
    print(f"{runs} runs on a disk that dies")
