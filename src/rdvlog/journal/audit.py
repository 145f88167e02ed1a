"""Verifying the journal: every line, the chain, every evidence file; entries in the same pass."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from contextlib import nullcontext
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Protocol, TypeVar, cast

from rdvlog.evidence import MAX_EVIDENCE_BYTES, stored_path
from rdvlog.journal.codec import (
    LineError,
    PayloadReader,
    Recorded,
    as_written,
    hashed_body,
    read_line,
    split_lines,
)
from rdvlog.journal.files import stream_store_file
from rdvlog.journal.marker import Prefix
from rdvlog.models import ZERO_HASH, Attempt, CaseDocument, Evidence, Repair

QUARANTINE_FOLDER = "quarantine"
#: Break kinds of a line that cannot be read as an entry at all.
UNREADABLE = frozenset({"unparseable", "invalid-field"})


class Sink(Protocol):
    """What an audit hands each entry to, in journal order: a list, or a fold that keeps
    only what the entries say (:class:`rdvlog.history.Folding`)."""

    def append(self, entry: Recorded, /) -> None: ...


_Sink = TypeVar("_Sink", bound=Sink)


def entry_list() -> list[Recorded]:
    """The plainest sink: every entry, in a list."""
    return []


_Made = Callable[[], Sink]


@dataclass(frozen=True)
class Break:
    """The first place where the journal stops being a valid chain."""

    line: int
    kind: str
    detail: str
    #: What ``detail`` says as values (``path``, ``found``…), for a sentence in any language
    #: (labels/problems.py); ``cause`` tells apart the sentences of one kind.
    values: dict[str, object] = field(default_factory=dict, compare=False)

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


class EvidenceCheck:
    """Evidence files checked against their names, each file hashed once; quarantine files
    checked against what their ``repair`` entry records."""

    def __init__(self, evidence_dir: Path, root: Path | None = None) -> None:
        self.evidence_dir = evidence_dir
        self.root = evidence_dir.parent if root is None else root
        self.referenced: set[str] = set()
        self._hashed: dict[str, str] = {}
        #: (line, evidence) for every file named, in journal order: what a marker records.
        self.named: list[tuple[int, Evidence]] = []
        #: A ``repair`` entry was seen: its quarantine file must be checked on every run, so
        #: no verified-prefix marker may skip it.
        self.repairs = False

    def first_problem(self, number: int, payload: object) -> Break | None:
        if isinstance(payload, Repair):
            self.repairs = True
            return self._quarantine_problem(number, payload)
        if isinstance(payload, Attempt | CaseDocument):
            return self.problem_in(number, payload.evidence)
        return None

    def problem_in(self, number: int, named: tuple[Evidence, ...]) -> Break | None:
        """The first missing or changed file among ``named`` (line ``number``'s files)."""
        for evidence in named:
            self.named.append((number, evidence))
            path = stored_path(self.evidence_dir, evidence)
            self.referenced.add(path.name)
            if evidence.sha256 not in self._hashed:
                try:
                    digest, _ = stream_store_file(
                        path, root=self.root, max_bytes=MAX_EVIDENCE_BYTES
                    )
                except FileNotFoundError:
                    return Break(number, "missing-evidence", f"{path} is missing", {"path": path})
                except OSError as exc:
                    return Break(
                        number,
                        "missing-evidence",
                        f"{path}: {exc.strerror}",
                        _unreadable(path, exc),
                    )
                self._hashed[evidence.sha256] = digest
            if self._hashed[evidence.sha256] != evidence.sha256:
                return Break(number, "evidence-mismatch", f"{path} has changed", {"path": path})
        return None

    def _quarantine_problem(self, number: int, repair: Repair) -> Break | None:
        folder, _, name = repair.file.partition("/")
        if folder != QUARANTINE_FOLDER or not name or "/" in name or name in (".", ".."):
            return Break(
                number,
                "quarantine-mismatch",
                f"{repair.file} is not in quarantine/",
                {"cause": "outside", "path": repair.file},
            )
        path = self.root / folder / name
        try:
            digest, size = stream_store_file(path, root=self.root, max_bytes=repair.bytes)
        except FileNotFoundError:
            return Break(number, "quarantine-mismatch", f"{path} is missing", {"path": path})
        except OSError as exc:
            return Break(
                number, "quarantine-mismatch", f"{path} {exc.strerror}", _unreadable(path, exc)
            )
        if digest != repair.sha256 or size != repair.bytes:
            return Break(
                number,
                "quarantine-mismatch",
                f"{path} has changed",
                {"cause": "changed", "path": path},
            )
        return None

    def unreferenced(self, root: Path) -> tuple[str, ...]:
        """Stored files that no entry names (relative to ``root``)."""
        if not self.evidence_dir.is_dir():
            return ()
        found = sorted(
            str(path.relative_to(root))
            for path in self.evidence_dir.glob("*/*")
            if path.name not in self.referenced
        )
        return tuple(found)


def _unreadable(path: Path, exc: OSError) -> dict[str, object]:
    return {"cause": "unreadable", "path": path, "reason": exc.strerror, "errno": exc.errno}


def check_line(
    number: int,
    raw: bytes,
    prev: str,
    read_payload: PayloadReader,
    evidence: EvidenceCheck | None,
) -> Break | Recorded:
    """The first problem of one line, or its entry when the line is sound.

    ``evidence`` checks the files an attempt names; ``None`` skips them. The reader's fast
    path (:mod:`.fastpath`) answers for the lines it can, the exact path for the others.
    """
    fast = read_payload.lines
    entry = fast.read(number, raw, prev) if fast is not None else None
    if entry is not None:  # an attempt, whose files are all the evidence check needs
        payload = entry.payload
        if evidence is not None and isinstance(payload, Attempt) and payload.evidence:
            return evidence.problem_in(number, payload.evidence) or entry
        return entry
    checked = _check_slowly(number, raw, prev, read_payload)
    if isinstance(checked, Break):
        return checked
    entry = checked
    if evidence is not None:
        problem = evidence.first_problem(number, entry.payload)
        if problem is not None:
            return problem
    return entry


def _check_slowly(
    number: int, raw: bytes, prev: str, read_payload: PayloadReader
) -> Break | Recorded:
    """:func:`check_line` without the fast path and the evidence files."""
    try:
        obj, entry = read_line(raw, read_payload)
    except LineError as exc:
        return Break(number, exc.kind, exc.detail, exc.values)
    if entry.seq != number:
        return Break(
            number,
            "seq-gap",
            f"sequence number {entry.seq}, expected {number}",
            {"found": entry.seq, "expected": number},
        )
    if obj["prev"] != prev:
        return Break(number, "prev-mismatch", "does not link to the previous entry's hash")
    body = hashed_body(obj, read_payload.canonical)
    if hashlib.sha256(body).hexdigest() != entry.hash:
        return Break(number, "hash-mismatch", "content does not match its hash")
    if not as_written(obj, raw, body):
        return Break(number, "non-canonical", "line is not in the form rdvlog wrote")
    return entry


def audit(
    data: bytes,
    *,
    root: Path,
    evidence_dir: Path,
    keep: bool,
    prefix: Prefix | None = None,
) -> tuple[Verification, list[Recorded] | None]:
    """Verify the journal snapshot ``data`` and return its entries in the same pass.

    The entries come back even when the chain is broken (a report must show what the journal
    says *and* that it does not verify); ``None`` when some line cannot be read, or when
    ``keep`` is false (verifying only, in less memory).

    ``prefix`` (from :mod:`.marker`, only when ``keep`` is false) is a verified start of
    ``data``: its lines are not read again, only the evidence files they name are hashed.
    """
    made = list if keep else None
    found = _start(data, root=root, evidence_dir=evidence_dir, make=made, prefix=prefix)[0]
    return found[0], cast("list[Recorded] | None", found[1])


def audit_marked(
    data: bytes, *, root: Path, evidence_dir: Path, keep: bool, prefix: Prefix | None
) -> tuple[tuple[Verification, list[Recorded] | None], Prefix | None]:
    """:func:`audit`, and the prefix a marker may now record (``None`` unless intact)."""
    (verification, entries), intact = audit_into(
        data, root=root, evidence_dir=evidence_dir, make=entry_list if keep else None, prefix=prefix
    )
    return (verification, entries), intact


def audit_into(
    data: bytes,
    *,
    root: Path,
    evidence_dir: Path,
    prefix: Prefix | None,
    make: Callable[[], _Sink] | None,
) -> tuple[tuple[Verification, _Sink | None], Prefix | None]:
    """:func:`audit_marked` with the entries handed one by one to a sink ``make`` makes (a
    new one whenever the check starts again), or kept nowhere when ``make`` is ``None``."""
    (verification, entries), intact = _start(
        data, root=root, evidence_dir=evidence_dir, make=make, prefix=prefix
    )
    return (verification, cast("_Sink | None", entries)), intact


def _start(
    data: bytes, *, root: Path, evidence_dir: Path, make: _Made | None, prefix: Prefix | None
) -> tuple[tuple[Verification, Sink | None], Prefix | None]:
    """Keeping the entries of a journal with a verified prefix reads that prefix's lines
    (:func:`_audit_kept`); anything else is one pass of :func:`_audit`."""
    from rdvlog.journal.fastpath import collector_paused

    with collector_paused() if make is not None else nullcontext():
        if make is not None and prefix is not None:
            return _audit_kept(data, root=root, evidence_dir=evidence_dir, prefix=prefix, make=make)
        return _audit(data, root=root, evidence_dir=evidence_dir, make=make, prefix=prefix)


def _audit(
    data: bytes,
    *,
    root: Path,
    evidence_dir: Path,
    make: _Made | None,
    prefix: Prefix | None,
    checked: tuple[EvidenceCheck, PayloadReader] | None = None,
    into: Sink | None = None,
) -> tuple[tuple[Verification, Sink | None], Prefix | None]:
    """One pass over ``data`` (after ``prefix``); entries go to a sink ``make`` makes, or
    to ``into``, when given: the sink that holds the prefix's entries already."""
    keep = make is not None
    skipped = 0 if prefix is None else prefix.lines
    lines, rest = split_lines(data if prefix is None else data[prefix.length :])
    last = skipped + len(lines)
    count = last + (1 if rest else 0)
    prev = ZERO_HASH if prefix is None else prefix.head
    head: str | None = None if prefix is None else prefix.head
    first: Break | None = None
    entries: Sink = into if into is not None else (make or list)()
    readable = True
    # With ``checked``, the prefix's entries and evidence files were read by _audit_kept.
    evidence, read_payload = checked or (EvidenceCheck(evidence_dir, root), _fast_reader())
    if checked is None and _prefix_files_changed(prefix, evidence):
        # A file the prefix names is missing or changed: check everything, so that the
        # result (the break, the head hash) is exactly a full check's.
        return _audit(data, root=root, evidence_dir=evidence_dir, make=make, prefix=None)
    # Verifying only: the fast path gives each hash and the files named, no entry.
    verified = None if keep or read_payload.lines is None else read_payload.lines.verified
    for number, raw in enumerate(lines, start=skipped + 1):
        if first is None:
            if verified is not None and (found := verified(number, raw, prev)) is not None:
                prev = head = found[0]
                if found[1]:  # a missing or changed file: the line still reads
                    first = evidence.problem_in(number, found[1])
                continue
            result = check_line(number, raw, prev, read_payload, evidence)
            if isinstance(result, Recorded):
                prev = head = result.hash
                if keep:
                    entries.append(result)
                continue
            first = result
            readable = False
            # Only bytes after the last newline are a torn tail (what a crash leaves); a
            # complete line that does not read is damage, whatever its place.
            if first.kind not in UNREADABLE:  # the line reads; only the chain breaks here
                readable = True
                record = read_line(raw, read_payload)[1]
                head = record.hash
                if keep:
                    entries.append(record)
            continue
        if readable:
            try:
                record = read_line(raw, read_payload)[1]
            except LineError:
                readable = False
            else:
                head = record.hash
                if keep:
                    entries.append(record)
    if rest:
        readable = False
        if first is None:
            first = Break(
                last + 1,
                "torn-tail",
                f"{len(rest)} bytes without a final newline",
                {"bytes": len(rest)},
            )
    unreferenced = evidence.unreferenced(root) if first is None else ()
    verification = Verification(count, head, first, unreferenced)
    kept = entries if readable and keep else None
    return (verification, kept), _intact(data, verification, evidence)


def _fast_reader() -> PayloadReader:
    from rdvlog.journal import fastpath

    return fastpath.reader()


def _prefix_files_changed(prefix: Prefix | None, evidence: EvidenceCheck) -> bool:
    """Whether a file the verified prefix names is missing or changed (hashed again)."""
    for line, named in prefix.evidence if prefix is not None else ():
        if evidence.problem_in(line, (named,)) is not None:
            return True
    return False


def _intact(data: bytes, verification: Verification, evidence: EvidenceCheck) -> Prefix | None:
    """What a verified-prefix marker may record: only a whole, intact journal, and never one
    with a ``repair`` entry (its quarantine file must be checked on every run)."""
    head = verification.head_hash
    if verification.first_break is not None or head is None or evidence.repairs:
        return None
    return Prefix(len(data), verification.entry_count, head, tuple(evidence.named))


def _audit_kept(
    data: bytes, *, root: Path, evidence_dir: Path, prefix: Prefix, make: _Made
) -> tuple[tuple[Verification, Sink | None], Prefix | None]:
    """:func:`_audit` keeping the entries, with a verified prefix: its lines are read and
    validated (the entries are needed) and their evidence files hashed, but their hashes
    and form are not computed again. The rest is checked as usual, continuing the chain;
    anything but an intact journal or a torn tail is checked again in full, so that the
    result and the entries are exactly a full check's."""
    evidence = EvidenceCheck(evidence_dir, root)
    read_payload = _fast_reader()
    fast = read_payload.lines
    entries = make()
    append = entries.append
    lines, _ = split_lines(data)
    prev = ZERO_HASH
    for number, raw in enumerate(islice(lines, prefix.lines), start=1):
        record = fast.read(number, raw, prev, verified=True) if fast is not None else None
        if record is None:
            record = read_line(raw, read_payload)[1]
        prev = record.hash
        payload = record.payload
        # Most lines are attempts without files: nothing to check (first_problem's answer).
        if (type(payload) is not Attempt or payload.evidence) and evidence.first_problem(
            number, payload
        ) is not None:
            return _audit(data, root=root, evidence_dir=evidence_dir, make=make, prefix=None)
        append(record)
    (verification, tail), intact = _audit(
        data,
        root=root,
        evidence_dir=evidence_dir,
        make=make,
        prefix=prefix,
        checked=(evidence, read_payload),
        into=entries,
    )
    first = verification.first_break
    if first is not None and first.kind != "torn-tail":
        return _audit(data, root=root, evidence_dir=evidence_dir, make=make, prefix=None)
    return (verification, tail), intact


def first_break(data: bytes) -> Break | None:
    """The first break of a journal snapshot's chain, evidence files not checked."""
    lines, _ = split_lines(data)
    prev = ZERO_HASH
    read_payload = _fast_reader()
    for number, raw in enumerate(lines, start=1):
        result = check_line(number, raw, prev, read_payload, None)
        if isinstance(result, Break):
            return result
        prev = result.hash
    return None
