"""A full disk: exit 1, one ``error: ... no space left ...`` line, and the store as it was.

Two ways to fill a disk for real, both through the installed executable: a file-size limit
(``RLIMIT_FSIZE``, with SIGXFSZ ignored so that writes fail with EFBIG instead of killing the
process) and a 64 KiB tmpfs (when this machine lets us mount one).
"""

from __future__ import annotations

import errno
import os
import resource
import signal
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from rdvlog.journal import Journal

from builders import attempt, snapshot

pytestmark = pytest.mark.reliability

RDVLOG = str(Path(sys.executable).parent / "rdvlog")
PNG = b"\x89PNG\r\n\x1a\n"
ADD = ("attempt", "add", "--unlisted", "-p", "Bobigny", "-d", "AES salarié")


def file_size_limit(limit: int) -> Callable[[], None]:
    def in_child() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return in_child


def rdvlog(
    store: Path, *args: str, preexec: Callable[[], None] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [RDVLOG, "--store", str(store), *args],
        capture_output=True,
        text=True,
        preexec_fn=preexec,
        check=False,
    )


def assert_refused_cleanly(
    result: subprocess.CompletedProcess[str], store: Path, before: dict[str, str]
) -> None:
    assert result.returncode == 1, result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1, lines
    assert lines[0].startswith("error: ") and "no space left" in lines[0], lines
    assert result.stdout == ""
    assert snapshot(store) == before
    assert not list(store.rglob(".incoming-*"))


def populate(store: Path, count: int = 2) -> None:
    journal = Journal(store)
    for n in range(count):
        journal.append(attempt(note=f"entry {n}"))


@pytest.fixture
def screenshot(tmp_path: Path) -> Path:
    path = tmp_path / "capture.png"
    path.write_bytes(PNG + os.urandom(96 * 1024))
    return path


# -- a file-size limit -------------------------------------------------------------------


def test_journal_line_that_does_not_fit_is_cut_back(store: Path) -> None:
    populate(store)
    size = (store / "journal.jsonl").stat().st_size
    before = snapshot(store)
    for room in (0, 1, 40):  # at the limit (EFBIG), or a short write
        result = rdvlog(store, *ADD, "-n", "x" * 200, preexec=file_size_limit(size + room))
        assert_refused_cleanly(result, store, before)
    assert Journal(store).verify().ok


def test_evidence_that_does_not_fit_leaves_no_temporary_file(store: Path, screenshot: Path) -> None:
    populate(store)
    before = snapshot(store)
    result = rdvlog(store, *ADD, "-e", str(screenshot), preexec=file_size_limit(32 * 1024))
    assert_refused_cleanly(result, store, before)
    # the same add goes through once there is room, and the store verifies
    assert rdvlog(store, *ADD, "-e", str(screenshot)).returncode == 0
    assert Journal(store).verify().ok


def test_repair_that_cannot_save_the_torn_bytes_changes_nothing(store: Path) -> None:
    populate(store)
    with (store / "journal.jsonl").open("ab") as handle:
        handle.write(b'{"v":1,"seq":3,"kind":"attempt","data":{"note":"' + b"y" * 300)
    before = snapshot(store)
    result = rdvlog(store, "repair", preexec=file_size_limit(100))
    assert result.returncode == 1
    assert_refused_cleanly(result, store, before)
    assert rdvlog(store, "repair").returncode == 0
    assert Journal(store).verify().ok


def test_first_write_to_a_new_store_on_a_full_disk_records_nothing(store: Path) -> None:
    result = rdvlog(store, *ADD, preexec=file_size_limit(1))
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and "no space left" in lines[0]
    # the new, empty store directory and its lock file may stay; nothing else
    assert set(snapshot(store)) <= {".", "journal.lock"}


# -- a tiny tmpfs --------------------------------------------------------------------------


@pytest.fixture
def tiny_disk(tmp_path: Path) -> Iterator[Path]:
    mount_point = tmp_path / "tiny"
    mount_point.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=64k,mode=0700", "tmpfs", str(mount_point)],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.strip()}")
    try:
        yield mount_point
    finally:
        subprocess.run(["umount", "-l", str(mount_point)], check=False)


def fill(disk: Path) -> Path:
    """Take every free byte of ``disk``; return the file to delete to free them again."""
    filler = disk / "filler"
    with filler.open("wb", buffering=0) as handle:
        chunk = b"\0" * 4096
        while True:
            try:
                handle.write(chunk)
            except OSError as exc:
                assert exc.errno == errno.ENOSPC
                break
    return filler


def test_full_tmpfs_refuses_evidence_attempts_voids_and_repairs_cleanly(
    tiny_disk: Path, screenshot: Path
) -> None:
    store = tiny_disk / "store"
    populate(store)
    before = snapshot(store)

    # a screenshot larger than the whole disk
    assert_refused_cleanly(rdvlog(store, *ADD, "-e", str(screenshot)), store, before)

    # the next line needs a new page: tmpfs allocates whole pages, so grow the journal
    # until the next entry cannot fit in its last page
    page = os.sysconf("SC_PAGE_SIZE")
    while (store / "journal.jsonl").stat().st_size % page < page - 400:
        populate(store, 1)
    filler = fill(tiny_disk)
    before = snapshot(store)
    assert_refused_cleanly(rdvlog(store, *ADD, "-n", "x" * 300), store, before)
    void = rdvlog(store, "attempt", "void", "1", "--reason", "x" * 400)
    assert_refused_cleanly(void, store, before)

    # a torn tail on a full disk: repair cannot save it to quarantine, so it changes nothing
    filler.unlink()
    with (store / "journal.jsonl").open("ab") as handle:
        handle.write(b'{"v":1,"seq":99,"kind":"attempt"')
    filler = fill(tiny_disk)
    before = snapshot(store)
    assert_refused_cleanly(rdvlog(store, "repair"), store, before)

    # room again: everything goes through and the chain is whole
    filler.unlink()
    assert rdvlog(store, "repair").returncode == 0
    assert rdvlog(store, *ADD, "-n", "after").returncode == 0
    result = Journal(store).verify()
    assert result.ok, result.first_break
