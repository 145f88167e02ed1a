"""The ``Journal`` facade: one person's store, created on first write, appended under a lock."""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from rdvlog import disk, settings
from rdvlog.errors import (
    LockTimeout,
    StoreError,
    os_failure,
)
from rdvlog.journal import append, counter, hint, reading
from rdvlog.journal.codec import (
    Recorded,
    encode_line,
    parse_line,
    read_line,
)
from rdvlog.journal.files import (
    MAX_JOURNAL_BYTES,
    NotAStoreFile,
    create_root,
    open_store_file,
    read_store_file,
    root_exists,
)
from rdvlog.journal.lock import exclusive_lock
from rdvlog.labels.problems import reason_of
from rdvlog.models import (
    ZERO_HASH,
    Case,
    Entry,
    Payload,
)
from rdvlog.timestamps import Clock, system_clock

if TYPE_CHECKING:
    from rdvlog.evidence import Source
    from rdvlog.journal.audit import Sink
    from rdvlog.journal.checks import Verification
    from rdvlog.journal.marker import Backwards

_Line = TypeVar("_Line", Entry, Recorded)
_Sink = TypeVar("_Sink", bound="Sink")

JOURNAL_NAME = "journal.jsonl"
LOCK_NAME = "journal.lock"
EVIDENCE_DIR = "evidence"
QUARANTINE_DIR = "quarantine"
DEFAULT_LOCK_TIMEOUT = 10.0
_TAIL_CHUNK = 64 * 1024
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)


class Journal:
    """One person's store: ``journal.jsonl``, its lock, and the evidence it points to."""

    def __init__(
        self,
        root: Path,
        *,
        clock: Clock = system_clock,
        lock_timeout: float | None = None,
    ) -> None:
        self.root = root
        self.path = root / JOURNAL_NAME
        self.lock_path = root / LOCK_NAME
        self.evidence_dir = root / EVIDENCE_DIR
        self.quarantine_dir = root / QUARANTINE_DIR
        self.case_hint = root / hint.CASE_HINT_NAME
        self.clock = clock
        if lock_timeout is None:
            lock_timeout = settings.lock_timeout()
        self.lock_timeout = lock_timeout
        self._holding = False  # the lock is held by this object: reads must not take it again

    # -- the store and its lock -----------------------------------------------------------

    def exists(self) -> bool:
        """Whether the journal file exists; a store path that is not a directory is an error."""
        return root_exists(self.root) and self.path.exists()

    @contextmanager
    def locked(self) -> Iterator[None]:
        """Hold the store's exclusive lock (``journal.lock``) or fail after the timeout."""
        if self._holding:
            yield
            return
        try:
            with exclusive_lock(self.lock_path, self.lock_timeout):
                self._holding = True
                try:
                    yield
                finally:
                    self._holding = False
        except TimeoutError:
            raise LockTimeout(
                key="error.store.locked", lock=self.lock_path, seconds=f"{self.lock_timeout:g}"
            ) from None
        except PermissionError:
            raise StoreError(key="error.store.read_only", root=self.root) from None
        except OSError as exc:
            raise os_failure(exc, "locking the journal") from None

    @contextmanager
    def _reading(self) -> Iterator[None]:
        """Hold the lock while reading, so that no half-written line is ever seen.

        A read-only store cannot hold a lock file; reading it unlocked is still safe, because
        no writer can append to it either.
        """
        try:
            lock = self.locked()
            lock.__enter__()
        except LockTimeout:
            raise
        except StoreError:
            yield
            return
        try:
            yield
        finally:
            lock.__exit__(None, None, None)

    # -- appending ------------------------------------------------------------------------

    def append(self, payload: Payload, sources: Sequence[Source] = ()) -> Entry:
        """Add one entry (copying ``sources`` in first, for an attempt) and make it durable.

        Everything happens under the lock; if anything fails, the files this call created are
        removed and the journal is truncated back, so the store is left as it was. The undoing
        happens under the lock too: once released, another writer may rely on those files
        (an evidence file it found already stored, a journal it appended to).
        """
        entry = self.update(lambda: payload, sources)
        assert entry is not None
        return entry

    def update(
        self, make: Callable[[], Payload | None], sources: Sequence[Source] = ()
    ) -> Entry | None:
        """Read, decide and append under one hold of the lock: ``make`` may read the journal
        (it sees every entry appended before it) and returns the entry to add, or ``None``
        to add nothing. It may refuse by raising, before anything is written.

        Every read-modify-write goes through here, so no acknowledged change is reverted by
        a decision taken on an older read (two voids of one attempt, two ``case set``).
        """
        created_root: list[Path] = []
        create_root(self.root, created_root)
        try:
            with self.locked():
                created: list[Path] = []
                try:
                    payload = make()
                    if payload is None:
                        return None
                    return self.append_locked(payload, sources, created)
                except BaseException:
                    disk.remove_created(created)
                    raise
        except BaseException:
            disk.remove_created(created_root)  # only empty directories: rmdir refuses the rest
            raise

    def append_locked(
        self, payload: Payload, sources: Sequence[Source], created: list[Path]
    ) -> Entry:
        """Append with the lock already held; ``created`` gets every file this call made."""
        is_new = not os.path.lexists(self.path)
        flags = os.O_RDWR | os.O_APPEND | os.O_CREAT | _NOFOLLOW | _NONBLOCK
        try:
            fd = os.open(self.path, flags, 0o600)
        except OSError as exc:
            raise os_failure(exc, "opening the journal") from None
        try:
            if not stat.S_ISREG(os.fstat(fd).st_mode):
                raise StoreError(key="error.journal.not_regular", path=self.path)
            if is_new:
                created.append(self.path)
                os.fchmod(fd, 0o600)
            size = os.fstat(fd).st_size
            last = append.tail_entry(fd, size, self.path)
            if sources:
                payload = append.copy_evidence(payload, sources, self.evidence_dir, created)
            envelope = append.envelope(payload, last, self.clock)
            entry = Entry.model_validate(envelope)
            line = encode_line(envelope)
            if entry.kind != "case":
                append.write_all(fd, line, size, created, self.path)
            else:
                previous = hint.write_hint(
                    self.case_hint, hint.hint_bytes(size, line, entry.hash), root=self.root
                )
                try:
                    append.write_all(fd, line, size, created, self.path)
                except BaseException:
                    hint.restore_hint(self.case_hint, previous)
                    raise
            if is_new:
                try:
                    disk.sync_directory(self.root)
                except OSError as exc:
                    raise os_failure(exc, "writing the journal") from None
        finally:
            os.close(fd)
        return entry

    def last_entry(self) -> Entry | None:
        """The last entry, reading only the end of the file (``attempt add`` compares the new
        attempt with it)."""
        if not self.exists():
            return None
        with self._opened() as (fd, size):
            return append.tail_entry(fd, size, self.path)

    # -- reading --------------------------------------------------------------------------

    @contextmanager
    def _opened(self) -> Iterator[tuple[int, int]]:
        """The journal open for reading through the checked open, ``(fd, size)``, under the
        lock; a file that is not the store's own, or a failed read, is one clear error."""
        try:
            with (
                self._reading(),
                open_store_file(self.path, root=self.root, max_bytes=MAX_JOURNAL_BYTES) as opened,
            ):
                yield opened
        except NotAStoreFile as exc:
            raise StoreError(
                key="error.journal.not_store_file", path=self.path, reason=reason_of(exc)
            ) from None
        except OSError as exc:
            raise os_failure(exc, "reading the journal") from None

    def read_bytes(self) -> bytes:
        """The whole journal as one consistent snapshot."""
        if not self.exists():
            return b""
        try:
            with self._reading():
                return read_store_file(self.path, root=self.root, max_bytes=MAX_JOURNAL_BYTES)
        except NotAStoreFile as exc:
            raise StoreError(
                key="error.journal.not_store_file", path=self.path, reason=reason_of(exc)
            ) from None
        except OSError as exc:
            raise os_failure(exc, "reading the journal") from None

    def entries(self) -> list[Entry]:
        """Every entry, in order. Damage is refused, never skipped (exit 1)."""
        return reading.read_lines(self.read_bytes(), lambda raw: parse_line(raw)[1], self.path)

    def records(self, data: bytes | None = None) -> list[Recorded]:
        """Every entry with its validated payload, in order; hashes are left to :meth:`verify`.

        Damage is refused, never skipped. ``data`` is a snapshot taken with :meth:`read_bytes`.
        """
        # The fast path takes the lines rdvlog wrote (it checks their hashes, which is what
        # lets it share validations); any other line is read the exact way, with its error.
        from rdvlog.journal import fastpath, marker

        read_payload = fastpath.reader()
        fast = read_payload.lines
        snapshot = self.read_bytes() if data is None else data
        # The lines of a prefix a full check found intact: their hashes are not computed
        # again (as when a report reads them, see audit._audit_kept).
        prefix = marker.load(self.root, snapshot)
        verified = 0 if prefix is None else prefix.lines
        numbers = iter(range(1, 1 << 62))
        last = [ZERO_HASH]  # the hash of the line read before

        def read(raw: bytes) -> Recorded:
            number = next(numbers)
            found = (
                fast.read(number, raw, last[0], verified=number <= verified)
                if fast is not None
                else None
            )
            record = found or read_line(raw, read_payload)[1]
            last[0] = record.hash
            return record

        with fastpath.collector_paused():
            return reading.read_lines(snapshot, read, self.path)

    def latest_case(self) -> Case | None:
        """The case profile, without reading every entry (``attempt add`` needs its defaults).

        ``case`` entries are full snapshots of the profile, so the last one is enough; the
        hint says where it is, else the journal is searched backwards for it. Whether a later
        case entry follows the hinted one is searched after the stretch ``attempts.hint``
        vouches for when it names the same entry (see :mod:`.hint`), else after that entry.
        """
        if not self.exists():
            return None
        with self._opened() as (fd, size):
            vouched = counter.vouched_case(counter.hint_path(self.root), fd, size)
            raw = hint.hinted_case_line(self.case_hint, fd, size, root=self.root, vouched=vouched)
            if raw is None:
                raw = hint.search_case_line(fd, size)
        if raw is None:
            return None
        return reading.case_from_line(raw, self.path)

    # -- verifying and repairing (their own modules; these load evidence hashing) ----------

    def verify(self, *, full: bool = False) -> Verification:
        """Walk every line and every evidence file; report the first break.

        Unless ``full``, the lines of a verified prefix recorded outside the store
        (:mod:`.marker`) are not read again; their evidence files still are.
        """
        return self._verify(full=full, clocked=False)[0]

    def verify_clock(self, *, full: bool = False) -> tuple[Verification, Backwards]:
        """:meth:`verify`, and every line whose ``recorded_at`` is earlier than the line's
        before it (line, its time, the previous one): what ``verify`` warns about. A
        verified prefix's marker holds its own, so only the lines after it are searched."""
        return self._verify(full=full, clocked=True)

    def _verify(self, *, full: bool, clocked: bool) -> tuple[Verification, Backwards]:
        from rdvlog.journal import marker
        from rdvlog.journal.audit import audit_marked

        data = self.read_bytes()
        prefix = None if full else marker.load(self.root, data)
        (result, _), intact = audit_marked(
            data, root=self.root, evidence_dir=self.evidence_dir, keep=False, prefix=prefix
        )
        clock = marker.clock_of(data, prefix) if clocked else None
        if intact is not None and (
            prefix is None
            or intact.length > prefix.length
            or (clock is not None and prefix.clock is None)
        ):
            marker.save(self.root, data, replace(intact, clock=clock), since=prefix)
        return result, () if clock is None else clock.backwards

    def audit(
        self, data: bytes | None = None, *, keep: bool = True
    ) -> tuple[Verification, list[Recorded] | None]:
        """Verify the journal and return its entries in the same pass (see
        :func:`rdvlog.journal.audit.audit`); ``data`` is a snapshot from :meth:`read_bytes`."""
        from rdvlog.journal.audit import entry_list

        return self.audit_into(entry_list if keep else None, data)

    def audit_into(
        self, make: Callable[[], _Sink] | None, data: bytes | None = None
    ) -> tuple[Verification, _Sink | None]:
        """:meth:`audit`, each entry handed to a sink ``make`` makes (see
        :func:`rdvlog.journal.audit.audit_into`) instead of a list of them all; no entry at
        all when ``make`` is ``None``."""
        from rdvlog.journal import marker
        from rdvlog.journal.audit import audit_into

        snapshot = self.read_bytes() if data is None else data
        prefix = marker.load(self.root, snapshot)
        result, intact = audit_into(
            snapshot, root=self.root, evidence_dir=self.evidence_dir, prefix=prefix, make=make
        )
        if intact is not None and (prefix is None or intact.length > prefix.length):
            marker.save(self.root, snapshot, intact, since=prefix)
        return result

    def repair(self) -> Entry | None:
        """Quarantine a torn last line and record the repair (see :mod:`.repair`)."""
        from rdvlog.journal.repair import repair

        return repair(self)
