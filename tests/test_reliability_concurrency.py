"""Many writers and readers at once: nothing lost, nothing half-seen, no error exit."""

from __future__ import annotations

import errno
import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from rdvlog import disk
from rdvlog.errors import LockTimeout, StoreError
from rdvlog.evidence import check_source
from rdvlog.journal import Journal

from builders import attempt

pytestmark = pytest.mark.reliability

PYTHON = sys.executable
RDVLOG = str(Path(sys.executable).parent / "rdvlog")

# Each writer imports the CLI once, then runs `rdvlog attempt add` in-process COUNT times:
# fifty processes of twenty real Python startups each would cost minutes of CPU.
WRITER = textwrap.dedent(
    """
    import sys
    from typer.main import get_command
    from rdvlog.cli import app

    worker, count = int(sys.argv[1]), int(sys.argv[2])
    command = get_command(app)
    print("ready", flush=True)
    sys.stdin.readline()  # the start signal: every writer begins at once
    for i in range(count):
        args = ["attempt", "add", "--unlisted", "-p", f"Guichet {worker}", "-d", "AES",
                "-n", f"{worker}/{i}"]
        try:
            command.main(args, prog_name="rdvlog")
        except SystemExit as exc:
            if exc.code not in (0, None):
                sys.exit(f"worker {worker}: add {i} exited {exc.code}")
        else:
            sys.exit(f"worker {worker}: add {i} did not exit")
    """
)

# A reader runs `attempt list --format json`, `verify --json` and `report --format csv` in a
# loop until told to stop,
# and logs one line per read to the file it is given: the command, its exit code, what it saw.
READER = textwrap.dedent(
    """
    import contextlib, csv, io, json, select, sys
    from typer.main import get_command
    from rdvlog.cli import app

    command = get_command(app)
    log = open(sys.argv[1], "w")
    print("ready", flush=True)
    sys.stdin.readline()

    def run(args):
        # text streams over bytes, like real ones: the report writes to stdout.buffer
        out, err = (io.TextIOWrapper(io.BytesIO(), encoding="utf-8") for _ in range(2))
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                command.main(args, prog_name="rdvlog")
                code = None
            except SystemExit as exc:
                code = exc.code
        out.flush(), err.flush()
        return code, out.buffer.getvalue().decode(), err.buffer.getvalue().decode()

    while not select.select([sys.stdin], [], [], 0)[0]:
        code, out, err = run(["attempt", "list", "--format", "json"])
        seqs = sorted(a["seq"] for a in json.loads(out)) if code == 0 else None
        print(json.dumps(["list", code, seqs, err]), file=log, flush=True)
        code, out, err = run(["verify", "--json"])
        result = json.loads(out) if code == 0 else None
        print(json.dumps(["verify", code, result and result["entries"], err]), file=log, flush=True)
        code, out, err = run(["report", "--format", "csv", "--lang", "en"])
        rows = len(list(csv.reader(io.StringIO(out)))) - 1 if code == 0 else None
        print(json.dumps(["report", code, rows, err]), file=log, flush=True)
    """
)


def start(script: str, *args: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [PYTHON, "-c", script, *args],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


def wait_ready(process: subprocess.Popen[bytes]) -> None:
    """Block until the child has imported everything and says so."""
    assert process.stdout is not None
    line = process.stdout.readline()
    assert line == b"ready\n", (line, process.poll())


def signal(process: subprocess.Popen[bytes], text: bytes = b"go\n") -> None:
    assert process.stdin is not None
    process.stdin.write(text)
    process.stdin.flush()


def check_reads(lines: list[str], final_count: int) -> int:
    """Every read succeeded, saw a contiguous prefix, and never saw the journal shrink."""
    seen = 0
    reads = 0
    for raw in lines:
        command, code, observed, err = json.loads(raw)
        assert code in (0, None), f"{command} failed during writes: {err}"
        if command == "list":
            assert observed == list(range(1, len(observed) + 1)), "a gap or a duplicate"
            count = len(observed)
        elif command == "report":  # one row per attempt; rows are not entries
            assert observed >= seen
            continue
        else:
            count = observed
        assert seen <= count <= final_count
        seen = count
        reads += 1
    return reads


def test_fifty_writers_lose_nothing_and_readers_never_see_half_an_entry(
    store: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    writers_count, adds_each = 50, 20
    # Fifty processes queue for one lock that is taken by polling, which is not fair: on a
    # busy 2-core machine one writer was seen waiting over 10 s (the default timeout). The
    # timeout is a promise to a person at a terminal, not to a stampede; a writer that gives
    # up exits 1 with nothing written, which is safe but not what this test is about.
    monkeypatch.setenv("RDVLOG_LOCK_TIMEOUT", "120")
    reader_outs = [tmp_path / f"reader-{n}.jsonl" for n in range(2)]
    readers = [start(READER, str(out)) for out in reader_outs]
    writers = [start(WRITER, str(n), str(adds_each)) for n in range(writers_count)]
    for process in [*readers, *writers]:
        wait_ready(process)
    for process in [*readers, *writers]:
        signal(process)

    # Meanwhile the installed executable reads too, the way a shell script would.
    executable_reads = 0
    while any(p.poll() is None for p in writers):
        for args in (["attempt", "list", "--format", "json"], ["verify"], ["report"]):
            done = subprocess.run([RDVLOG, *args], capture_output=True, check=False)
            assert done.returncode == 0, done.stderr.decode()
            assert b"Traceback" not in done.stderr
            if args[0] == "attempt":
                json.loads(done.stdout)
            executable_reads += 1

    failures = []
    for process in writers:
        _, err = process.communicate()
        if process.returncode != 0:
            failures.append(err.decode())
    for process in readers:
        signal(process, b"stop\n")
        process.communicate()
        assert process.returncode == 0
    assert not failures, failures[0]

    journal = Journal(store)
    entries = journal.entries()
    assert [e.seq for e in entries] == list(range(1, writers_count * adds_each + 1))
    notes = sorted(e.data["note"] for e in entries)
    assert notes == sorted(f"{w}/{i}" for w in range(writers_count) for i in range(adds_each))
    assert journal.verify().ok
    reads = sum(check_reads(out.read_text().splitlines(), len(entries)) for out in reader_outs)
    assert reads > 0
    print(f"{len(entries)} entries, {reads} in-process reads, {executable_reads} executable reads")


EXECUTABLE_WRITER = """
for i in 1 2 3; do
  "$0" attempt add --unlisted -p "Guichet $1" -d AES -n "$1/$i" || exit 1
done
"""


def test_installed_executable_writers_in_parallel(
    store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("RDVLOG_LOCK_TIMEOUT", "60")
    shells = [
        subprocess.Popen(
            ["sh", "-c", EXECUTABLE_WRITER, RDVLOG, str(n)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        for n in range(8)
    ]
    for shell in shells:
        out, err = shell.communicate()
        assert shell.returncode == 0, err.decode()
        assert out == b""
        assert err.decode().count("recorded") == 3
    journal = Journal(store)
    entries = journal.entries()
    assert [e.seq for e in entries] == list(range(1, 25))
    assert sorted(e.data["note"] for e in entries) == sorted(
        f"{n}/{i}" for n in range(8) for i in range(1, 4)
    )
    assert journal.verify().ok


# -- interleavings too narrow to hit by chance, forced deterministically -------------------


def test_a_failed_write_never_removes_what_a_concurrent_writer_recorded(
    store: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Writer A fails on a new store after copying a screenshot; writer B attaches the same
    screenshot. Whatever A undoes must be undone before B can take the lock, or B's entry
    (and the file it points to) would vanish."""
    shot = tmp_path / "shot.png"
    shot.write_bytes(b"\x89PNG\r\n\x1a\n" + b"same screenshot" * 100)
    writer_a = Journal(store)
    writer_b = Journal(store, lock_timeout=0)
    journal_name = str(store / "journal.jsonl")
    real_write = disk.write

    def full_journal(fd: int, data: bytes) -> int:
        if os.readlink(f"/proc/self/fd/{fd}") == journal_name:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_write(fd, data)

    b_done: list[int] = []
    tried: list[bool] = []
    real_remove = disk.remove_created

    def b_writes_in_between(paths: list[Path]) -> None:
        # the moment A undoes its work (the first undo is A's), B tries to write right then
        if paths and paths[-1].parent.parent == store / "evidence" and not tried:
            tried.append(True)
            with monkeypatch.context() as patch:
                patch.setattr(disk, "write", real_write)
                try:
                    entry = writer_b.append(attempt(note="B"), [check_source(shot, store=store)])
                    b_done.append(entry.seq)
                except LockTimeout:
                    pass  # A still holds the lock while undoing: B simply comes after A
        real_remove(paths)

    monkeypatch.setattr(disk, "write", full_journal)
    monkeypatch.setattr(disk, "remove_created", b_writes_in_between)
    with pytest.raises(StoreError, match="no space left"):
        writer_a.append(attempt(note="A"), [check_source(shot, store=store)])
    monkeypatch.undo()
    if not b_done:
        writer_b.append(attempt(note="B"), [check_source(shot, store=store)])
    entries = Journal(store).entries()
    assert [e.data["note"] for e in entries] == ["B"]
    assert Journal(store).verify().ok


def test_writers_racing_to_create_the_store_both_succeed(
    store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The store directory appears between a writer's check and its mkdir."""
    real_mkdir = Path.mkdir

    def other_process_first(self: Path, *args: object, **kwargs: object) -> None:
        if self == store and not store.exists():
            real_mkdir(store, mode=0o700)  # the other writer wins the race
        real_mkdir(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "mkdir", other_process_first)
    entry = Journal(store).append(attempt())
    monkeypatch.undo()
    assert entry.seq == 1
    assert Journal(store).verify().ok
