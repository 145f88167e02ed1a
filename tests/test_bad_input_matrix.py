"""Bad input, one table: the documented exit code, one ``error:`` line, the store untouched.

Exit 2 is the command line's fault (option, date, place, evidence file); exit 1 is the store's
or the system's (damaged journal, lock, permissions). Rows run in-process through CliRunner
unless they need what only a real process has: bytes in argv (invalid UTF-8) or a root
without the power to ignore file permissions (unreadable files, a read-only store).
"""

from __future__ import annotations

import ctypes
import json
import os
import stat
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from rdvlog.evidence import check_source
from rdvlog.journal import Journal, encode_line, entry_hash
from rdvlog.models import Void

from builders import Clock, attempt, snapshot
from conftest import Invoke

RDVLOG = str(Path(sys.executable).parent / "rdvlog")
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
ADD = ("attempt", "add", "--unlisted", "-p", "Bobigny", "-d", "AES salarié")
LIST = ("attempt", "list", "--format", "json")


@dataclass(frozen=True)
class Workspace:
    tmp: Path
    store: Path

    @property
    def journal(self) -> Path:
        return self.store / "journal.jsonl"

    @property
    def stored(self) -> Path:
        return next(p for p in (self.store / "evidence").glob("*/*") if p.is_file())

    def placeholders(self) -> dict[str, str]:
        return {
            "tmp": str(self.tmp),
            "store": str(self.store),
            "journal": str(self.journal),
            "stored": str(self.stored),
        }


Setup = Callable[[Workspace], None]


@dataclass(frozen=True)
class Row:
    id: str
    args: tuple[str, ...]
    code: int
    #: a fragment of the error line (lower case); empty for rows that succeed
    says: str = ""
    setup: Setup | None = None
    #: "cli" in-process, "exe" the installed executable (argv as bytes), "nocaps" the
    #: executable run by a root that cannot bypass file permissions
    via: str = "cli"
    env: dict[str, str] = field(default_factory=dict)
    #: another process holds the store's lock while the command runs
    locked: bool = False


# -- setups ------------------------------------------------------------------------------


def write(name: str, data: bytes) -> Setup:
    def setup(w: Workspace) -> None:
        (w.tmp / name).write_bytes(data)  # a lone surrogate becomes that byte on disk

    return setup


def sparse_file(w: Workspace) -> None:
    with (w.tmp / "huge.png").open("wb") as handle:
        handle.write(PNG)
        handle.truncate(201 * 1024 * 1024)


def directory(w: Workspace) -> None:
    (w.tmp / "folder").mkdir()


def fifo(w: Workspace) -> None:
    os.mkfifo(w.tmp / "pipe.png")


def symlink_loop(w: Workspace) -> None:
    (w.tmp / "loop-a.png").symlink_to(w.tmp / "loop-b.png")
    (w.tmp / "loop-b.png").symlink_to(w.tmp / "loop-a.png")


def link_to_journal(w: Workspace) -> None:
    (w.tmp / "innocent.png").symlink_to(w.journal)


def hard_link_to_journal(w: Workspace) -> None:
    os.link(w.journal, w.tmp / "alias.md")


def journal_is_a_symlink(w: Workspace) -> None:
    real = w.tmp / "real.jsonl"
    w.journal.rename(real)
    w.journal.symlink_to(real)


def store_seen_through_a_link(w: Workspace) -> None:
    (w.tmp / "mounted").symlink_to(w.store, target_is_directory=True)


def unreadable(w: Workspace) -> None:
    path = w.tmp / "secret.png"
    path.write_bytes(PNG)
    path.chmod(0)


def unsearchable(w: Workspace) -> None:
    folder = w.tmp / "closed"
    folder.mkdir()
    (folder / "shot.png").write_bytes(PNG)
    folder.chmod(0)


def store_is_a_file(w: Workspace) -> None:
    (w.tmp / "not-a-store").write_text("my notes\n")


def read_only_store(w: Workspace) -> None:
    for path in [*w.store.rglob("*"), w.store]:
        mode = stat.S_IMODE(path.stat().st_mode)
        path.chmod(mode & ~0o222)


def newer_entry(w: Workspace) -> None:
    last = json.loads(w.journal.read_bytes().splitlines()[-1])
    entry = {**last, "v": 2, "seq": last["seq"] + 1, "prev": last["hash"]}
    entry["hash"] = entry_hash(entry)
    with w.journal.open("ab") as handle:
        handle.write(encode_line(entry))


def newer_entry_in_the_middle(w: Workspace) -> None:
    lines = w.journal.read_bytes().splitlines(keepends=True)
    obj = json.loads(lines[1])
    obj["v"] = 3
    lines[1] = encode_line(obj)
    w.journal.write_bytes(b"".join(lines))


def journal_bytes(data: bytes) -> Setup:
    def setup(w: Workspace) -> None:
        w.journal.write_bytes(data)

    return setup


def torn_journal(w: Workspace) -> None:
    with w.journal.open("ab") as handle:
        handle.write(b'{"v":1,"seq":4,"kind":"attempt","recorded_at":"2026-11')


def tampered_middle_line(w: Workspace) -> None:
    lines = w.journal.read_bytes().splitlines(keepends=True)
    lines[1] = lines[1].replace(b'"deux"', b'"DEUX"')
    w.journal.write_bytes(b"".join(lines))


def journal_is_a_directory(w: Workspace) -> None:
    w.journal.unlink()
    w.journal.mkdir()


# -- the table -----------------------------------------------------------------------------

S = "{tmp}/shot.png"
ROWS = [
    # dates (the injected clock says Thursday 26 November 2026, 10:00 in Paris)
    Row("at-month-13", (*ADD, "--at", "2026-13-01 08:00"), 2, "--at"),
    Row("at-30-february", (*ADD, "--at", "30/02/2026 08:00"), 2, "--at"),
    Row("at-in-words", (*ADD, "--at", "demain matin"), 2, "accepted forms"),
    Row("at-next-year", (*ADD, "--at", "2027-01-01 08:00"), 2, "future"),
    Row("at-one-minute-ahead", (*ADD, "--at", "2026-11-26 10:01"), 2, "future"),
    Row("at-date-without-time", (*ADD, "--at", "2026-11-20"), 2, "no time of day"),
    Row("at-empty", (*ADD, "--at", ""), 2, "--at"),
    Row("at-25-hours", (*ADD, "--at", "25:00"), 2, "--at"),
    Row("at-skipped-by-dst", (*ADD, "--at", "2026-03-29 02:30"), 2, "does not exist"),
    Row("at-twice-by-dst", (*ADD, "--at", "2026-10-25 02:30"), 2, "happens twice"),
    Row("at-offset-25h", (*ADD, "--at", "2026-11-20T08:30+25:00"), 2, "--at"),
    Row("list-since-garbage", (*LIST, "--since", "last week"), 2, "--since"),
    # enumerations
    Row("channel-unknown", (*ADD, "-c", "fax"), 2, "fax"),
    Row("outcome-unknown", (*ADD, "--outcome", "maybe"), 2, "maybe"),
    Row("outcome-empty", (*ADD, "--outcome", ""), 2, "outcome"),
    Row("list-format-unknown", ("attempt", "list", "--format", "xml"), 2, "xml"),
    # empty, long and hostile text
    Row("procedure-empty", ("attempt", "add", "--unlisted", "-p", "X", "-d", ""), 2, "-d"),
    Row("procedure-blank", ("attempt", "add", "--unlisted", "-p", "X", "-d", "   "), 2, "-d"),
    Row("place-empty", ("attempt", "add", "--unlisted", "-p", "", "-d", "AES"), 2, "-p"),
    Row("message-empty", (*ADD, "-m", ""), 2, "-m"),
    Row("void-reason-empty", ("attempt", "void", "2", "--reason", ""), 2, "--reason"),
    Row("note-one-megabyte", (*ADD, "-n", "x" * 1_000_000), 2, "-n"),
    Row("message-too-long", (*ADD, "-m", "m" * 10_001), 2, "-m"),
    Row("reference-too-long", (*ADD, "--reference", "r" * 501), 2, "--reference"),
    Row("note-escape-sequence", (*ADD, "-n", "\x1b[2J\x1b[31mfaux"), 2, "control"),
    Row("note-nul", (*ADD, "-n", "avant\x00après"), 2, "control"),
    Row(
        "place-newline",
        ("attempt", "add", "--unlisted", "-p", "Bob\nigny", "-d", "A"),
        2,
        "control",
    ),
    Row("note-bidi-override", (*ADD, "-n", "abc\u202egnp.exe"), 2, "control"),
    Row("note-invalid-utf8", (*ADD, "-n", "caf\udce9"), 2, "-n: is not valid utf-8", via="exe"),
    Row(
        "place-invalid-utf8",
        ("attempt", "add", "--unlisted", "-p", "Cr\udce9teil", "-d", "AES"),
        2,
        "not valid utf-8",
        via="exe",
    ),
    Row("url-javascript", (*ADD, "--url", "javascript:alert(1)"), 2, "--url"),
    Row("url-ftp", (*ADD, "--url", "ftp://example.org/x"), 2, "--url"),
    # evidence files
    Row("evidence-missing", (*ADD, "-e", "{tmp}/nowhere.png"), 2, "does not exist"),
    Row("evidence-empty", (*ADD, "-e", "{tmp}/empty.png"), 2, "empty", write("empty.png", b"")),
    Row("evidence-201-mib", (*ADD, "-e", "{tmp}/huge.png"), 2, "larger than", sparse_file),
    Row("evidence-directory", (*ADD, "-e", "{tmp}/folder"), 2, "directory", directory),
    Row("evidence-fifo", (*ADD, "-e", "{tmp}/pipe.png"), 2, "not a regular file", fifo),
    Row("evidence-device", (*ADD, "-e", "/dev/zero"), 2, "not a regular file"),
    Row(
        "evidence-symlink-loop", (*ADD, "-e", "{tmp}/loop-a.png"), 2, "cannot be read", symlink_loop
    ),
    Row("evidence-is-the-journal", (*ADD, "-e", "{journal}"), 2, "inside the rdvlog store"),
    Row(
        "evidence-links-to-journal",
        (*ADD, "-e", "{tmp}/innocent.png"),
        2,
        "inside",
        link_to_journal,
    ),
    Row("evidence-already-stored", (*ADD, "-e", "{stored}"), 2, "inside the rdvlog store"),
    Row("evidence-second-missing", (*ADD, "-e", S, "-e", "{tmp}/gone.png"), 2, "gone.png"),
    Row("evidence-unreadable", (*ADD, "-e", "{tmp}/secret.png"), 2, "read", unreadable, "nocaps"),
    Row(
        "evidence-in-closed-folder",
        (*ADD, "-e", "{tmp}/closed/shot.png"),
        2,
        "read",
        unsearchable,
        "nocaps",
    ),
    Row(
        "evidence-name-newline",
        (*ADD, "-e", "{tmp}/shot\n.png"),
        2,
        "rename",
        write("shot\n.png", PNG),
    ),
    Row(
        "evidence-name-invalid-utf8",
        (*ADD, "-e", "{tmp}/shot\udcff.png"),
        2,
        "rename",
        write("shot\udcff.png", PNG),
        "exe",
    ),
    Row("evidence-path-nul", (*ADD, "-e", "{tmp}/shot\x00.png"), 2, "nul"),
    # the store itself
    Row(
        "store-is-a-file",
        ("--store", "{tmp}/not-a-store", *ADD),
        1,
        "not a directory",
        store_is_a_file,
    ),
    Row(
        "store-is-a-file-list",
        ("--store", "{tmp}/not-a-store", *LIST),
        1,
        "not a directory",
        store_is_a_file,
    ),
    Row("store-path-nul", ("--store", "{tmp}/a\x00b", *ADD), 2, "nul"),
    Row("store-read-only-add", ADD, 1, "is not writable", read_only_store, "nocaps"),
    Row(
        "store-read-only-void",
        ("attempt", "void", "2", "--reason", "x"),
        1,
        "is not writable",
        read_only_store,
        "nocaps",
    ),
    Row("store-read-only-list", LIST, 0, "", read_only_store, "nocaps"),
    Row("store-read-only-verify", ("verify",), 0, "", read_only_store, "nocaps"),
    Row("journal-newer-version-add", ADD, 1, "newer rdvlog", newer_entry),
    Row("journal-newer-version-list", LIST, 1, "newer rdvlog", newer_entry),
    Row("journal-newer-version-repair", ("repair",), 1, "newer rdvlog", newer_entry),
    Row("journal-newer-line-inside", LIST, 1, "newer rdvlog", newer_entry_in_the_middle),
    Row("journal-empty-list", LIST, 0, "", journal_bytes(b"")),
    Row("journal-empty-verify", ("verify",), 0, "", journal_bytes(b"")),
    Row("journal-garbage-add", ADD, 1, "rdvlog repair", journal_bytes(b"\x00\xffgarbage")),
    Row("journal-garbage-list", LIST, 1, "journal", journal_bytes(b"garbage\nmore garbage\n")),
    Row("journal-garbage-verify", ("verify",), 1, "unparseable", journal_bytes(b"garbage\nmore\n")),
    # A complete (empty) line is not what a crash leaves: damage, not a torn tail.
    Row("journal-just-a-newline", LIST, 1, "damaged at line 1", journal_bytes(b"\n")),
    Row("journal-tampered-repair", ("repair",), 1, "hash-mismatch", tampered_middle_line),
    Row("journal-tampered-verify", ("verify",), 1, "line 2: hash-mismatch", tampered_middle_line),
    Row("journal-torn-add", ADD, 1, "incomplete", torn_journal),
    Row(
        "journal-torn-void",
        ("attempt", "void", "2", "--reason", "x"),
        1,
        "incomplete",
        torn_journal,
    ),
    Row("journal-is-a-directory", ADD, 1, "journal", journal_is_a_directory),
    Row(
        "lock-held-add",
        ADD,
        1,
        "another rdvlog process",
        env={"RDVLOG_LOCK_TIMEOUT": "0.2"},
        locked=True,
    ),
    Row(
        "lock-held-list",
        LIST,
        1,
        "another rdvlog process",
        env={"RDVLOG_LOCK_TIMEOUT": "0.2"},
        locked=True,
    ),
    Row(
        "lock-held-repair",
        ("repair",),
        1,
        "another rdvlog process",
        torn_journal,
        env={"RDVLOG_LOCK_TIMEOUT": "0.2"},
        locked=True,
    ),
    # everything else the user can get wrong
    Row("time-zone-unknown", ADD, 2, "rdvlog_tz", env={"RDVLOG_TZ": "Mars/Olympus_Mons"}),
    Row("void-unknown-attempt", ("attempt", "void", "99", "--reason", "x"), 2, "99"),
    Row("void-already-void", ("attempt", "void", "1", "--reason", "x"), 2, "already void"),
    # Entry 3 is the void: there are two attempts, numbered 1 and 2.
    Row("void-not-an-attempt", ("attempt", "void", "3", "--reason", "x"), 2, "no attempt 3"),
    Row("show-zero", ("attempt", "show", "0"), 2, "no attempt 0"),
    Row("show-not-a-number", ("attempt", "show", "deux"), 2, "integer"),
    Row("option-unknown", (*ADD, "--colour", "red"), 2, "--colour"),
    Row("prefecture-unknown", ("attempt", "add", "-p", "atlantis", "-d", "AES"), 2, "atlantis"),
    Row(
        "prefecture-ambiguous",
        ("attempt", "add", "-p", "saint-denis", "-d", "AES"),
        2,
        "saint-denis",
    ),
    # issue #11: outputs aimed at the store under another name, bad settings, C1 controls
    Row(
        "report-onto-hard-link-of-journal",
        ("report", "-o", "{tmp}/alias.md"),
        2,
        "inside the rdvlog store",
        hard_link_to_journal,
    ),
    Row(
        "report-onto-target-of-symlinked-journal",
        ("report", "-o", "{tmp}/real.jsonl"),
        2,
        "inside the rdvlog store",
        journal_is_a_symlink,
    ),
    Row(
        "bundle-into-store-through-a-link",
        ("bundle", "--force", "-o", "{tmp}/mounted/journal.jsonl"),
        2,
        "inside the rdvlog store",
        store_seen_through_a_link,
    ),
    Row("lock-timeout-text", ADD, 2, "rdvlog_lock_timeout", env={"RDVLOG_LOCK_TIMEOUT": "abc"}),
    Row("lock-timeout-nan", LIST, 2, "rdvlog_lock_timeout", env={"RDVLOG_LOCK_TIMEOUT": "nan"}),
    Row("lock-timeout-inf", ADD, 2, "rdvlog_lock_timeout", env={"RDVLOG_LOCK_TIMEOUT": "inf"}),
    Row("lock-timeout-negative", ADD, 2, "rdvlog_lock_timeout", env={"RDVLOG_LOCK_TIMEOUT": "-1"}),
    Row("epoch-superscript", ("report",), 2, "source_date_epoch", env={"SOURCE_DATE_EPOCH": "²"}),
    Row("epoch-negative", ("report",), 2, "source_date_epoch", env={"SOURCE_DATE_EPOCH": "-5"}),
    Row(
        "epoch-after-9999",
        ("bundle", "-o", "{tmp}/b.zip"),
        2,
        "source_date_epoch",
        env={"SOURCE_DATE_EPOCH": "253402300800"},
    ),
    Row("prefectures-unknown", ("prefectures", "zzzz"), 2, "no préfecture matches"),
    Row("message-with-csi", (*ADD, "-m", "a\x9b2Jb"), 2, "control character"),
    Row("note-with-c1", (*ADD, "-n", "x\x85y"), 2, "control character"),
]
LOCK_HOLDER = """
import fcntl, sys
handle = open(sys.argv[1], "a")
fcntl.flock(handle, fcntl.LOCK_EX)
print("locked", flush=True)
sys.stdin.read()
"""


@pytest.fixture
def workspace(tmp_path: Path, store: Path) -> Workspace:
    """A store with two attempts (the first with a screenshot, later voided) and a void."""
    shot = tmp_path / "shot.png"
    shot.write_bytes(PNG)
    journal = Journal(store, clock=Clock())
    journal.append(attempt(note="un"), [check_source(shot, store=store)])
    journal.append(attempt(note="deux"))
    journal.append(Void(target=1, reason="doublon"))
    return Workspace(tmp_path, store)


@pytest.fixture
def lock_holder(workspace: Workspace) -> Iterator[Callable[[], None]]:
    """Start a process that holds the store's lock until the test ends."""
    holders: list[subprocess.Popen[bytes]] = []

    def hold() -> None:
        process = subprocess.Popen(
            [sys.executable, "-c", LOCK_HOLDER, str(workspace.store / "journal.lock")],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
        )
        holders.append(process)
        assert process.stdout is not None
        assert process.stdout.readline() == b"locked\n"

    yield hold
    for process in holders:
        process.communicate(b"")


def drop_permission_override() -> None:
    """In the child: lose CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH, so modes apply to root."""
    libc = ctypes.CDLL(None, use_errno=True)
    for capability in (1, 2):  # CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH
        if libc.prctl(24, capability, 0, 0, 0) != 0:  # PR_CAPBSET_DROP
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP)")


def is_root() -> bool:
    return os.geteuid() == 0


def permissions_apply_in_child(tmp_path: Path) -> bool:
    probe = tmp_path / "probe"
    probe.write_bytes(b"x")
    probe.chmod(0)
    try:
        done = subprocess.run(
            ["cat", str(probe)],
            capture_output=True,
            preexec_fn=drop_permission_override if is_root() else None,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return False
    finally:
        probe.unlink()
    return done.returncode != 0


@dataclass
class Outcome:
    code: int
    stdout: str
    stderr: str


def run_row(row: Row, args: list[str], rdvlog: Invoke) -> Outcome:
    if row.via == "cli":
        result = rdvlog(*args)
        assert result.exception is None or isinstance(result.exception, SystemExit), repr(
            result.exception
        )
        return Outcome(result.exit_code, result.stdout, result.stderr)
    done = subprocess.run(
        [RDVLOG, *(os.fsencode(arg) for arg in args)],
        capture_output=True,
        preexec_fn=drop_permission_override if row.via == "nocaps" and is_root() else None,
        check=False,
    )
    decode = lambda data: data.decode("utf-8", "backslashreplace")  # noqa: E731
    return Outcome(done.returncode, decode(done.stdout), decode(done.stderr))


@pytest.mark.parametrize("row", ROWS, ids=[row.id for row in ROWS])
def test_bad_input(
    row: Row,
    workspace: Workspace,
    rdvlog: Invoke,
    lock_holder: Callable[[], None],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    if row.via == "nocaps" and not permissions_apply_in_child(workspace.tmp):
        pytest.skip("cannot run a child that file permissions apply to (root with no way out)")
    if row.setup is not None:
        row.setup(workspace)
    for name, value in row.env.items():
        monkeypatch.setenv(name, value)
    if row.locked:
        lock_holder()
    args = [arg.format(**workspace.placeholders()) for arg in row.args]
    before = snapshot(workspace.store)

    outcome = run_row(row, args, rdvlog)

    assert "Traceback" not in outcome.stderr + outcome.stdout
    assert outcome.code == row.code, outcome.stderr
    errors = [line for line in outcome.stderr.splitlines() if line.startswith("error:")]
    if row.code == 0:
        assert errors == []
    else:
        assert outcome.stderr.splitlines() == errors, "only the error line on stderr"
        assert len(errors) == 1
        assert row.says in errors[0].lower(), errors[0]
    assert snapshot(workspace.store) == before


def test_the_matrix_is_wide() -> None:
    assert len(ROWS) >= 40
    assert len({row.id for row in ROWS}) == len(ROWS)
    assert {row.code for row in ROWS} == {0, 1, 2}
