"""The store: a locked, append-only, hash-chained JSON Lines journal and its evidence files."""

from __future__ import annotations

import errno
import hashlib
import json
import os
import stat
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from pydantic import ValidationError
from pydantic_core import from_json

from rdvlog import disk
from rdvlog.disk import remove_created
from rdvlog.errors import (
    JournalDamaged,
    LockTimeout,
    StoreError,
    TornTail,
    UsageError,
    os_failure,
)
from rdvlog.models import (
    FORMAT_VERSION,
    PAYLOADS,
    ZERO_HASH,
    Attempt,
    Case,
    Entry,
    Evidence,
    Payload,
    Place,
    Repair,
    Void,
    dump_payload,
)
from rdvlog.when import Clock, system_clock, utc_stamp

if TYPE_CHECKING:
    # Evidence and history are imported where they are used: `attempt add` without files
    # needs neither, and every module costs start-up time (DESIGN.md §6).
    from rdvlog.evidence import Source
    from rdvlog.history import History, Recorded

_Line = TypeVar("_Line", "Entry", "Recorded")

JOURNAL_NAME = "journal.jsonl"
LOCK_NAME = "journal.lock"
EVIDENCE_DIR = "evidence"
QUARANTINE_DIR = "quarantine"
CASE_HINT_NAME = "case.hint"
DEFAULT_LOCK_TIMEOUT = 10.0
_TAIL_CHUNK = 64 * 1024
_KINDS: dict[type[Payload], str] = {
    Attempt: "attempt",
    Void: "void",
    Repair: "repair",
    Case: "case",
}


def canonical(obj: dict[str, Any]) -> bytes:
    """RFC 8785 canonical JSON, for objects with ASCII keys and no floats (all of ours)."""
    return json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def entry_hash(envelope: dict[str, Any]) -> str:
    """SHA-256 of the canonical envelope without its ``hash`` field."""
    return hashlib.sha256(_body(envelope)).hexdigest()


def _body(envelope: dict[str, Any]) -> bytes:
    """The bytes the hash is computed over: the canonical envelope without ``hash``."""
    return canonical({key: value for key, value in envelope.items() if key != "hash"})


def encode_line(envelope: dict[str, Any]) -> bytes:
    """The journal line for an envelope: compact JSON in the documented field order."""
    return json.dumps(envelope, separators=(",", ":"), ensure_ascii=False).encode() + b"\n"


@dataclass(frozen=True)
class Break:
    """The first place where the journal stops being a valid chain."""

    line: int
    kind: str
    detail: str

    def describe(self) -> str:
        return f"line {self.line}: {self.kind}: {self.detail}"


@dataclass(frozen=True)
class Verification:
    """The result of walking the whole journal and its evidence."""

    entry_count: int
    head_hash: str | None
    first_break: Break | None
    unreferenced: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return self.first_break is None


class _LineError(Exception):
    def __init__(self, kind: str, detail: str, *, newer: bool = False) -> None:
        super().__init__(detail)
        self.kind = kind
        self.detail = detail
        # A whole entry from a newer rdvlog is not a torn line: repair must never remove it.
        self.newer = newer


def _parse_line(raw: bytes) -> tuple[dict[str, Any], Entry]:
    """Parse one complete line into its raw object and its validated envelope."""
    try:
        # pydantic-core's parser reads a line three times faster than the json module.
        obj = from_json(raw)
    except (UnicodeDecodeError, ValueError):
        raise _LineError("unparseable", "not a JSON object") from None
    if not isinstance(obj, dict):
        raise _LineError("unparseable", "not a JSON object")
    version = obj.get("v")
    if isinstance(version, int) and version > FORMAT_VERSION:
        raise _LineError(
            "unparseable",
            f"written by a newer rdvlog (format v{version}); upgrade rdvlog to read it",
            newer=True,
        )
    try:
        entry = Entry.model_validate(obj)
    except ValidationError as exc:
        raise _LineError("unparseable", _first_error(exc)) from None
    if entry.v != FORMAT_VERSION:
        raise _LineError("unparseable", f"unknown format version {entry.v}")
    return obj, entry


class _PayloadReader:
    """Validates payloads while reading a whole journal, sharing what repeats.

    Most attempts name the same place and démarche: one validated :class:`Place` and one
    string each are shared by all of them, which saves time and most of the memory.
    """

    def __init__(self) -> None:
        self._places: dict[tuple[tuple[str, Any], ...], Place] = {}
        self._texts: dict[str, str] = {}

    def __call__(self, entry: Entry) -> Payload:
        data = entry.data
        if entry.kind != "attempt":
            return PAYLOADS[entry.kind].model_validate(data)
        data = dict(data)
        place = data.get("place")
        if isinstance(place, dict):
            key = tuple(place.items())
            shared = self._places.get(key)
            if shared is None:
                try:
                    shared = self._places[key] = Place.model_validate(place)
                except ValidationError:
                    return Attempt.model_validate(entry.data)  # raises, naming "place.…"
            data["place"] = shared
        for name in ("procedure", "message"):
            text = data.get(name)
            if isinstance(text, str):
                data[name] = self._texts.setdefault(text, text)
        return Attempt.model_validate(data)


def _read_line(raw: bytes, read_payload: _PayloadReader) -> tuple[dict[str, Any], Recorded]:
    """Parse and validate one line, envelope and payload (``_LineError`` when it cannot)."""
    from rdvlog.history import Recorded

    obj, entry = _parse_line(raw)
    try:
        payload = read_payload(entry)
    except ValidationError as exc:
        raise _LineError("unparseable", f"{entry.kind} data: {_first_error(exc)}") from None
    return obj, Recorded(entry.seq, entry.kind, entry.recorded_at, entry.hash, payload)


# Key order of every object rdvlog writes: the model's field order (DESIGN.md §3).
_ENVELOPE_ORDER = tuple(Entry.model_fields)
_DATA_ORDER = {kind: tuple(model.model_fields) for kind, model in PAYLOADS.items()}
_PLACE_ORDER = tuple(Place.model_fields)
_EVIDENCE_ORDER = tuple(Evidence.model_fields)


def _in_order(obj: dict[str, Any], order: tuple[str, ...]) -> bool:
    return list(obj) == [name for name in order if name in obj]


# What a written line holds beyond the canonical body: ``,"hash":"<64 hex>"``.
_HASH_FIELD_LENGTH = len(',"hash":""') + 64


def _as_written(obj: dict[str, Any], raw: bytes, body: bytes) -> bool:
    """Whether ``raw`` is exactly the line rdvlog writes for ``obj``, whose canonical body
    (the hashed bytes) is ``body``.

    The hash covers the content, not its spelling: this catches the changes it cannot see.
    Keys must come in the order rdvlog writes them. Beyond that, the line holds the same
    tokens as the canonical body plus the hash field, and rdvlog writes each token in its one
    shortest spelling (no spaces, no optional escapes); any other spelling of the same
    content — a space, ``\\u0041`` for ``A``, ``\\/`` for ``/``, a repeated key — is longer.
    So equal length proves equal spelling, without encoding the line a second time.
    """
    data = obj["data"]
    if tuple(obj) != _ENVELOPE_ORDER or not _in_order(data, _DATA_ORDER[obj["kind"]]):
        return False
    place = data.get("place")
    if isinstance(place, dict) and not _in_order(place, _PLACE_ORDER):
        return False
    for item in data.get("evidence", ()):
        if not _in_order(item, _EVIDENCE_ORDER):
            return False
    return len(raw) == len(body) + _HASH_FIELD_LENGTH


def _first_error(exc: ValidationError) -> str:
    error = exc.errors()[0]
    where = ".".join(str(part) for part in error["loc"]) or "entry"
    return f"{where}: {error['msg']}"


class _Lines:
    """The complete lines of a journal snapshot, sliced one at a time as they are read.

    A list of every line would hold a second copy of the whole journal in memory.
    """

    def __init__(self, data: bytes) -> None:
        self._data = data
        self._end = data.rfind(b"\n") + 1
        self._count = data.count(b"\n", 0, self._end)

    def __len__(self) -> int:
        return self._count

    def __iter__(self) -> Iterator[bytes]:
        data, start = self._data, 0
        while start < self._end:
            stop = data.index(b"\n", start)
            yield data[start:stop]
            start = stop + 1

    @property
    def last(self) -> bytes:
        start = self._data.rfind(b"\n", 0, self._end - 1) + 1
        return self._data[start : self._end - 1]


def _split_lines(data: bytes) -> tuple[_Lines, bytes]:
    """Complete lines, and the bytes after the last newline (a torn tail when not empty)."""
    lines = _Lines(data)
    return lines, data[data.rfind(b"\n") + 1 :]


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
        self.case_hint = root / CASE_HINT_NAME
        self.clock = clock
        if lock_timeout is None:
            lock_timeout = float(os.environ.get("RDVLOG_LOCK_TIMEOUT", DEFAULT_LOCK_TIMEOUT))
        self.lock_timeout = lock_timeout

    # -- locking and store creation -------------------------------------------------------

    def _check_root(self) -> bool:
        """Whether the store exists; a store path that is not a directory is an error."""
        try:
            info = self.root.stat()
        except FileNotFoundError:
            return False
        except OSError as exc:
            raise os_failure(exc, "opening the store") from None
        except ValueError:  # a NUL byte: no such path can exist
            shown = str(self.root).replace("\0", "\\0")
            raise UsageError(f"store path {shown} contains a NUL byte") from None
        if not stat.S_ISDIR(info.st_mode):
            raise StoreError(f"store path {self.root} exists and is not a directory")
        return True

    def _create_root(self, created: list[Path]) -> None:
        if self._check_root():
            return
        missing = [p for p in (self.root, *self.root.parents) if not p.exists()]
        try:
            for path in reversed(missing):
                try:
                    path.mkdir(mode=0o700)
                except FileExistsError:
                    if not path.is_dir():
                        raise
                    continue  # another rdvlog process created it first: share it
                created.append(path)
            self.root.chmod(0o700)  # mkdir's mode is filtered by the umask
            disk.sync_directory(self.root.parent)
        except OSError as exc:
            remove_created(created)
            raise os_failure(exc, "creating the store") from None

    @contextmanager
    def _locked(self) -> Iterator[None]:
        """Hold the store's exclusive lock (``journal.lock``) or fail after the timeout."""
        try:
            with _exclusive_lock(self.lock_path, self.lock_timeout):
                yield
        except TimeoutError:
            raise LockTimeout(
                f"another rdvlog process holds {self.lock_path}; "
                f"gave up after {self.lock_timeout:g} s"
            ) from None
        except PermissionError:
            raise StoreError(
                f"the store {self.root} is not writable (read-only or another user's); "
                "rdvlog cannot lock it"
            ) from None
        except OSError as exc:
            raise os_failure(exc, "locking the journal") from None

    # -- appending ------------------------------------------------------------------------

    def append(
        self,
        payload: Payload,
        sources: Sequence[Source] = (),
        *,
        check: Callable[[History], None] | None = None,
    ) -> Entry:
        """Add one entry (copying ``sources`` in first, for an attempt) and make it durable.

        Everything happens under the lock; if anything fails, the files this call created are
        removed and the journal is truncated back, so the store is left as it was. The undoing
        happens under the lock too: once released, another writer may rely on those files
        (an evidence file it found already stored, a journal it appended to). ``check`` sees
        the journal's history under the lock, before anything is written, and may refuse the
        entry by raising (two processes voiding one attempt: the second is refused).
        """
        created_root: list[Path] = []
        self._create_root(created_root)
        try:
            with self._locked():
                created: list[Path] = []
                try:
                    if check is not None and self.path.exists():
                        check(self._history(self.path.read_bytes()))
                    return self._append_locked(payload, sources, created)
                except BaseException:
                    remove_created(created)
                    raise
        except BaseException:
            remove_created(created_root)  # only empty directories: rmdir refuses the rest
            raise

    def _append_locked(
        self, payload: Payload, sources: Sequence[Source], created: list[Path]
    ) -> Entry:
        is_new = not self.path.exists()
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_APPEND | os.O_CREAT, 0o600)
        except OSError as exc:
            raise os_failure(exc, "opening the journal") from None
        try:
            if is_new:
                created.append(self.path)
                os.fchmod(fd, 0o600)
            size = os.fstat(fd).st_size
            last = self._tail_entry(fd, size)
            if sources:
                payload = self._copy_evidence(payload, sources, created)
            envelope = self._envelope(payload, last)
            entry = Entry.model_validate(envelope)
            line = encode_line(envelope)
            if entry.kind != "case":
                self._write_all(fd, line, size, created)
            else:
                previous = self._write_case_hint(_case_hint(size, line, entry.hash))
                try:
                    self._write_all(fd, line, size, created)
                except BaseException:
                    self._restore_case_hint(previous)
                    raise
            if is_new:
                try:
                    disk.sync_directory(self.root)
                except OSError as exc:
                    raise os_failure(exc, "writing the journal") from None
        finally:
            os.close(fd)
        return entry

    def _copy_evidence(
        self, payload: Payload, sources: Sequence[Source], created: list[Path]
    ) -> Payload:
        if not isinstance(payload, Attempt):
            raise TypeError("only attempts carry evidence")
        if not self.evidence_dir.is_dir():
            try:
                self.evidence_dir.mkdir(mode=0o700)
            except OSError as exc:
                raise os_failure(exc, "creating the evidence folder") from None
            created.append(self.evidence_dir)
        from rdvlog.evidence import ingest, remove_stale_copies

        remove_stale_copies(self.evidence_dir)
        records = []
        for source in sources:
            evidence, new_paths = ingest(source, self.evidence_dir)
            created.extend(new_paths)
            records.append(evidence)
        return payload.model_copy(update={"evidence": (*payload.evidence, *records)})

    def _envelope(self, payload: Payload, last: Entry | None) -> dict[str, Any]:
        """The next entry, as written: chained to ``last`` and hashed."""
        envelope: dict[str, Any] = {
            "v": FORMAT_VERSION,
            "seq": last.seq + 1 if last else 1,
            "kind": _KINDS[type(payload)],
            "recorded_at": utc_stamp(self.clock()),
            "prev": last.hash if last else ZERO_HASH,
            "data": dump_payload(payload),
        }
        envelope["hash"] = entry_hash(envelope)
        return envelope

    def _write_all(self, fd: int, line: bytes, size: int, created: list[Path]) -> None:
        """One write of the whole line; on any failure, cut the file back to ``size``.

        If even that fails, the line (whole or torn) may stay in the journal, so the files it
        points to are kept: ``created`` is emptied and the error says to verify.
        """
        try:
            written = disk.write(fd, line)
            if written != len(line):
                raise OSError(errno.ENOSPC, "short write", str(self.path))
            disk.fsync(fd)
        except OSError as exc:
            try:
                disk.truncate(fd, size)
                disk.fsync(fd)
            except OSError:
                created.clear()
                reason = os.strerror(exc.errno) if exc.errno else str(exc)
                raise StoreError(
                    f"writing the journal failed ({reason}) and it could not be cut back: the "
                    "entry may be there, complete or torn; run `rdvlog verify`"
                ) from None
            raise os_failure(exc, "writing the journal") from None

    def _tail_entry(self, fd: int, size: int) -> Entry | None:
        """The last entry, reading only the end of the file; a torn tail is refused."""
        if size == 0:
            return None
        raw = _read_last_line(fd, size)
        if not raw.endswith(b"\n"):
            raise TornTail(self._torn_message())
        try:
            return _parse_line(raw[:-1])[1]
        except _LineError as exc:
            if exc.newer:
                raise self._newer(exc) from None
            raise TornTail(self._torn_message()) from None

    def _newer(self, exc: _LineError) -> JournalDamaged:
        return JournalDamaged(f"{self.path}: an entry was {exc.detail}")

    def _torn_message(self) -> str:
        return (
            f"the last line of {self.path} is incomplete (probably a crash during a write); "
            "run `rdvlog verify`, then `rdvlog repair`"
        )

    # -- reading --------------------------------------------------------------------------

    @contextmanager
    def _reading(self) -> Iterator[None]:
        """Hold the lock while reading, so that no half-written line is ever seen.

        A read-only store cannot hold a lock file; reading it unlocked is still safe, because
        no writer can append to it either.
        """
        try:
            lock = self._locked()
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

    def read_bytes(self) -> bytes:
        """The whole journal as one consistent snapshot."""
        if not self._check_root() or not self.path.exists():
            return b""
        try:
            with self._reading():
                return self.path.read_bytes()
        except OSError as exc:
            raise os_failure(exc, "reading the journal") from None

    def entries(self) -> list[Entry]:
        """Every entry, in order. Damage is refused, never skipped (exit 1)."""
        return self._read_all(self.read_bytes(), lambda raw: _parse_line(raw)[1])

    def history(self) -> History:
        """The journal folded into attempts, voids and the case profile.

        Every line is parsed and validated (damage is refused, never skipped); hashes are
        left to :meth:`verify`.
        """
        return self._history(self.read_bytes())

    def _history(self, data: bytes) -> History:
        from rdvlog.history import fold

        read_payload = _PayloadReader()
        return fold(self._read_all(data, lambda raw: _read_line(raw, read_payload)[1]))

    def _read_all(self, data: bytes, read: Callable[[bytes], _Line]) -> list[_Line]:
        """Every line read with ``read``: a torn tail, a damaged line or a gap is refused."""
        lines, rest = _split_lines(data)
        if rest:
            raise TornTail(self._torn_message())
        items: list[_Line] = []
        for number, raw in enumerate(lines, start=1):
            try:
                item = read(raw)
            except _LineError as exc:
                if exc.newer:
                    raise self._newer(exc) from None
                if number == len(lines) and _torn(raw):
                    raise TornTail(self._torn_message()) from None
                raise self._damaged(number, exc.detail) from None
            if item.seq != number:
                raise self._damaged(number, f"sequence number {item.seq}, expected {number}")
            items.append(item)
        return items

    def latest_case(self) -> Case | None:
        """The case profile, without reading every entry (``attempt add`` needs its defaults).

        ``case`` entries are full snapshots of the profile, so the last one is enough.
        ``case.hint`` says where it is; the line found there must carry the hinted hash, else
        the journal is searched backwards for it (a quote inside a JSON string is escaped, so
        the pattern cannot match inside a note).
        """
        if not self._check_root() or not self.path.exists():
            return None
        try:
            with self._reading(), self.path.open("rb") as handle:
                raw = self._hinted_case_line(handle.fileno())
                if raw is None:
                    raw = _search_case_line(handle.fileno())
        except OSError as exc:
            raise os_failure(exc, "reading the journal") from None
        if raw is None:
            return None
        if not raw.endswith(b"\n"):
            raise TornTail(self._torn_message())
        try:
            payload = _parse_line(raw[:-1])[1].payload()
        except _LineError as exc:
            if exc.newer:
                raise self._newer(exc) from None
            raise JournalDamaged(self._unreadable_case(exc.detail)) from None
        except ValidationError as exc:
            raise JournalDamaged(self._unreadable_case(_first_error(exc))) from None
        if not isinstance(payload, Case):
            raise JournalDamaged(self._unreadable_case("not a case entry"))
        return payload

    def _unreadable_case(self, detail: str) -> str:
        return (
            f"the latest case-profile entry of {self.path} cannot be read ({detail}); "
            "run `rdvlog verify`"
        )

    def _hinted_case_line(self, fd: int) -> bytes | None:
        """The line ``case.hint`` points at, if it is really the hinted case entry."""
        try:
            hint = json.loads(self.case_hint.read_bytes())
            offset, length, digest = hint["offset"], hint["length"], hint["hash"]
        except (OSError, ValueError, TypeError, KeyError):
            return None
        if not (isinstance(offset, int) and isinstance(length, int) and offset >= 0):
            return None
        raw = os.pread(fd, length, offset)
        if len(raw) != length or not raw.endswith(b"\n") or b"\n" in raw[:-1]:
            return None
        if offset > 0 and os.pread(fd, 1, offset - 1) != b"\n":
            return None
        try:
            obj = json.loads(raw)
        except ValueError:
            return None
        if not isinstance(obj, dict) or obj.get("kind") != "case" or obj.get("hash") != digest:
            return None
        return raw

    def _write_case_hint(self, hint: bytes) -> bytes | None:
        """Point ``case.hint`` at the case entry about to be written; return the old hint.

        Written durably before the entry: if the entry then fails to land, the hint points at
        nothing that carries its hash, and readers search instead.
        """
        previous = self.case_hint.read_bytes() if self.case_hint.exists() else None
        temp = self.case_hint.with_name(f".{CASE_HINT_NAME}.tmp")
        try:
            disk.write_file(temp, hint, exclusive=False)
            disk.replace(temp, self.case_hint)
            disk.sync_directory(self.root)
        except OSError as exc:
            temp.unlink(missing_ok=True)
            raise os_failure(exc, "writing the case profile") from None
        return previous

    def _restore_case_hint(self, previous: bytes | None) -> None:
        """Put the old hint back after a failed append (best effort: a wrong hint is only
        ignored, a missing one only slower)."""
        try:
            if previous is None:
                self.case_hint.unlink(missing_ok=True)
            else:
                temp = self.case_hint.with_name(f".{CASE_HINT_NAME}.tmp")
                temp.write_bytes(previous)
                temp.replace(self.case_hint)
        except OSError:
            self.case_hint.unlink(missing_ok=True)

    def _damaged(self, line: int, detail: str) -> JournalDamaged:
        return JournalDamaged(
            f"{self.path} is damaged at line {line} ({detail}); "
            "run `rdvlog verify` and restore from a backup"
        )

    # -- verifying and repairing ----------------------------------------------------------

    def verify(self) -> Verification:
        """Walk every line and every evidence file; report the first break."""
        return self.audit(keep=False)[0]

    def audit(
        self, data: bytes | None = None, *, keep: bool = True
    ) -> tuple[Verification, list[Recorded] | None]:
        """Verify the journal and return its entries in the same pass.

        The entries come back even when the chain is broken (a report must show what the
        journal says *and* that it does not verify); ``None`` when some line cannot be read,
        or when ``keep`` is false (verifying only, in less memory). ``data`` is a snapshot
        already taken with :meth:`read_bytes`, to audit exactly it.
        """
        return self._audit(self.read_bytes() if data is None else data, keep)

    def _audit(self, data: bytes, keep: bool) -> tuple[Verification, list[Recorded] | None]:
        from rdvlog.history import Recorded

        lines, rest = _split_lines(data)
        count = len(lines) + (1 if rest else 0)
        prev = ZERO_HASH
        head: str | None = None
        first: Break | None = None
        entries: list[Recorded] = []
        readable = True
        referenced: set[str] = set()
        checked: dict[str, str] = {}
        read_payload = _PayloadReader()
        for number, raw in enumerate(lines, start=1):
            if first is None:
                result = self._check_line(number, raw, prev, referenced, checked, read_payload)
                if isinstance(result, Recorded):
                    prev = head = result.hash
                    if keep:
                        entries.append(result)
                    continue
                first = result
                readable = False
                if number == len(lines) and not rest and _torn(raw):
                    first = Break(number, "torn-tail", first.detail)
                elif first.kind != "unparseable":  # the line reads; only the chain breaks here
                    readable = True
                    record = _read_line(raw, read_payload)[1]
                    head = record.hash
                    if keep:
                        entries.append(record)
                continue
            if readable:
                try:
                    record = _read_line(raw, read_payload)[1]
                except _LineError:
                    readable = False
                else:
                    head = record.hash
                    if keep:
                        entries.append(record)
        if rest:
            readable = False
            if first is None:
                detail = f"{len(rest)} bytes without a final newline"
                first = Break(len(lines) + 1, "torn-tail", detail)
        unreferenced = self._unreferenced(referenced) if first is None else ()
        verification = Verification(count, head, first, unreferenced)
        return verification, (entries if readable and keep else None)

    def _check_line(
        self,
        number: int,
        raw: bytes,
        prev: str,
        referenced: set[str] | None,
        checked: dict[str, str],
        read_payload: _PayloadReader,
    ) -> Break | Recorded:
        """The first problem of one line, or its entry when the line is sound.

        ``referenced`` collects evidence file names; ``None`` skips the evidence checks.
        """
        from rdvlog.evidence import sha256_file, stored_path

        try:
            obj, entry = _read_line(raw, read_payload)
        except _LineError as exc:
            return Break(number, exc.kind, exc.detail)
        payload = entry.payload
        if entry.seq != number:
            return Break(number, "seq-gap", f"sequence number {entry.seq}, expected {number}")
        if obj["prev"] != prev:
            return Break(number, "prev-mismatch", "does not link to the previous entry's hash")
        body = _body(obj)
        if hashlib.sha256(body).hexdigest() != entry.hash:
            return Break(number, "hash-mismatch", "content does not match its hash")
        if not _as_written(obj, raw, body):
            return Break(number, "hash-mismatch", "line is not in the form rdvlog wrote")
        if isinstance(payload, Attempt) and referenced is not None:
            for evidence in payload.evidence:
                path = stored_path(self.evidence_dir, evidence)
                referenced.add(path.name)
                if evidence.sha256 not in checked:
                    try:
                        checked[evidence.sha256] = sha256_file(path)
                    except FileNotFoundError:
                        return Break(number, "missing-evidence", f"{path} is missing")
                    except OSError as exc:
                        return Break(number, "missing-evidence", f"{path}: {exc.strerror}")
                if checked[evidence.sha256] != evidence.sha256:
                    return Break(number, "evidence-mismatch", f"{path} has changed")
        return entry

    def _unreferenced(self, referenced: set[str]) -> tuple[str, ...]:
        if not self.evidence_dir.is_dir():
            return ()
        found = sorted(
            str(path.relative_to(self.root))
            for path in self.evidence_dir.glob("*/*")
            if path.name not in referenced
        )
        return tuple(found)

    def repair(self) -> Entry | None:
        """Quarantine a torn last line and record the repair; refuse any other damage.

        Returns the ``repair`` entry, or ``None`` when the journal is whole. Damage elsewhere
        is reported even without a torn line: "nothing to repair" must mean the chain is sound.
        """
        if not self._check_root() or not self.path.exists():
            return None
        with self._locked():
            data = self.path.read_bytes()
            lines, rest = _split_lines(data)
            keep = len(data) - len(rest)
            if not rest and lines:
                try:
                    _parse_line(lines.last)
                except _LineError as exc:
                    if exc.newer:
                        raise self._newer(exc) from None
                    keep = len(data) - len(lines.last) - 1
            self._refuse_other_damage(data[:keep])
            if keep == len(data):
                return None
            torn = data[keep:]
            created: list[Path] = []
            name = self._quarantine(torn, created)
            digest = hashlib.sha256(torn).hexdigest()
            record = Repair(file=f"{QUARANTINE_DIR}/{name}", bytes=len(torn), sha256=digest)
            try:
                with self.path.open("r+b") as handle:
                    disk.truncate(handle.fileno(), keep)
                    disk.fsync(handle.fileno())
                return self._append_locked(record, (), [])
            except OSError as exc:
                self._put_back(torn, keep, created)
                raise os_failure(exc, "truncating the journal") from None
            except BaseException:
                self._put_back(torn, keep, created)
                raise

    def _put_back(self, torn: bytes, keep: int, created: list[Path]) -> None:
        """Undo a failed repair: the torn bytes back at the end, the quarantine copy removed.

        If the bytes cannot be put back, the quarantine copy is kept: it is then the only one.
        """
        try:
            with self.path.open("r+b") as handle:
                fd = handle.fileno()
                if os.fstat(fd).st_size != keep + len(torn):
                    disk.truncate(fd, keep)
                    os.lseek(fd, keep, os.SEEK_SET)
                    if disk.write(fd, torn) != len(torn):
                        raise OSError(errno.ENOSPC, "short write")
                    disk.fsync(fd)
        except OSError:
            return
        remove_created(created)

    def _refuse_other_damage(self, kept: bytes) -> None:
        lines, _ = _split_lines(kept)
        prev = ZERO_HASH
        for number, raw in enumerate(lines, start=1):
            result = self._check_line(number, raw, prev, None, {}, _PayloadReader())
            if isinstance(result, Break):
                raise JournalDamaged(
                    f"repair only removes a torn last line, but {result.describe()}; "
                    "nothing was changed — restore the journal from a backup"
                )
            prev = result.hash

    def _quarantine(self, torn: bytes, created: list[Path]) -> str:
        """Save the torn bytes in ``quarantine/``; ``created`` gets what was made for that."""
        digest = hashlib.sha256(torn).hexdigest()
        stamp = utc_stamp(self.clock()).replace(":", "").replace("-", "").replace(".", "")
        name = f"journal-{stamp}-{digest[:12]}.torn"
        path = self.quarantine_dir / name
        try:
            if not self.quarantine_dir.is_dir():
                self.quarantine_dir.mkdir(mode=0o700)
                created.append(self.quarantine_dir)
            disk.write_file(path, torn, exclusive=True)
            created.append(path)
            disk.sync_directory(self.quarantine_dir)
        except OSError as exc:
            remove_created(created)
            raise os_failure(exc, "saving the torn line to quarantine") from None
        return name


def _torn(raw: bytes) -> bool:
    """Whether a last line is one ``repair`` may remove: unreadable, and not a newer entry."""
    try:
        _parse_line(raw)
    except _LineError as exc:
        return not exc.newer
    return False


@contextmanager
def _exclusive_lock(path: Path, timeout: float) -> Iterator[None]:
    """An exclusive lock on ``path``, taken within ``timeout`` seconds (else TimeoutError).

    On POSIX this is ``flock`` on the lock file, exactly what the ``filelock`` package does
    there, so that rdvlog versions using either exclude each other; done here because
    importing ``filelock`` costs more start-up time than all of ``attempt add``'s own work
    (DESIGN.md §6). Elsewhere, ``filelock``.
    """
    if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
        from filelock import FileLock, Timeout

        lock = FileLock(path, timeout=timeout, mode=0o600, preserve_lock_file=True)
        try:
            lock.acquire()
        except Timeout:
            raise TimeoutError(str(path)) from None
        try:
            yield
        finally:
            lock.release()
        return
    import fcntl
    import time

    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        if stat.S_IMODE(os.fstat(fd).st_mode) != 0o600:
            os.fchmod(fd, 0o600)  # a new file's mode is filtered by the umask
        deadline = time.monotonic() + timeout
        pause = 0.001
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise TimeoutError(str(path)) from None
                time.sleep(pause)
                pause = min(pause * 2, 0.02)
        try:
            yield
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


def _case_hint(offset: int, line: bytes, digest: str) -> bytes:
    """The content of ``case.hint`` for a case entry written at ``offset``."""
    return json.dumps({"offset": offset, "length": len(line), "hash": digest}).encode()


def _search_case_line(fd: int) -> bytes | None:
    """The last line of the journal whose kind is ``case``, found by a backward search, with
    its newline (none when it is the torn end of the file)."""
    import mmap

    if os.fstat(fd).st_size == 0:
        return None
    with mmap.mmap(fd, 0, access=mmap.ACCESS_READ) as view:
        position = view.rfind(b'"kind":"case"')
        if position < 0:
            return None
        start = view.rfind(b"\n", 0, position) + 1
        end = view.find(b"\n", position)
        return view[start : end + 1] if end >= 0 else view[start:]


def _read_last_line(fd: int, size: int) -> bytes:
    """The bytes after the second-to-last newline: the last line, with its newline if any."""
    end = size
    tail = b""
    while end > 0:
        start = max(0, end - _TAIL_CHUNK)
        tail = os.pread(fd, end - start, start) + tail
        end = start
        cut = tail.rfind(b"\n", 0, len(tail) - 1)
        if cut >= 0:
            return tail[cut + 1 :]
    return tail
