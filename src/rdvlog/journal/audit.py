"""Verifying the journal: every line, the chain, every evidence file; entries in the same pass."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from contextlib import nullcontext
from itertools import islice
from pathlib import Path
from typing import Protocol, TypeVar, cast

from rdvlog.journal.checks import Break, EvidenceCheck, Verification
from rdvlog.journal.codec import (
    LineError,
    PayloadReader,
    Recorded,
    as_written,
    hashed_body,
    read_line,
    split_lines,
)
from rdvlog.journal.marker import Prefix
from rdvlog.models import ZERO_HASH, Attempt

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
    """One pass over ``data`` after ``prefix``; entries go to ``into`` (holding the prefix's
    entries already) or to a sink ``make`` makes. Verifying only (no sink), the fast path
    gives each line's hash and the files it names, no entry."""
    keep = make is not None
    skipped = 0 if prefix is None else prefix.lines
    lines, rest = split_lines(data if prefix is None else data[prefix.length :])
    count = skipped + len(lines) + (1 if rest else 0)
    prev = ZERO_HASH if prefix is None else prefix.head
    head: str | None = None if prefix is None else prefix.head
    first: Break | None = None
    entries: Sink = into if into is not None else (make or list)()
    readable = True  # with ``checked``, _audit_kept read the prefix's entries and files
    evidence, read_payload = checked or (EvidenceCheck(evidence_dir, root), _fast_reader())
    if checked is None and _prefix_files_changed(prefix, evidence):
        # A file the prefix names changed: a full check, for exactly a full check's result.
        return _audit(data, root=root, evidence_dir=evidence_dir, make=make, prefix=None)
    verified = None if keep or read_payload.lines is None else read_payload.lines.verified
    numbered = enumerate(lines, start=skipped + 1)
    for number, raw in numbered:
        if verified is not None and (found := verified(number, raw, prev)) is not None:
            prev = head = found[0]
            if found[1]:  # a missing or changed file: the line still reads
                first = evidence.problem_in(number, found[1])
                if first is not None:
                    break
            continue
        result = check_line(number, raw, prev, read_payload, evidence)
        if isinstance(result, Recorded):
            prev = head = result.hash
            if keep:
                entries.append(result)
            continue
        first = result
        # A whole line that does not read is damage, wherever it is (not a torn tail).
        readable = first.kind not in UNREADABLE  # the line reads; only the chain breaks
        if readable:
            record = read_line(raw, read_payload)[1]
            head = record.hash
            if keep:
                entries.append(record)
        break
    if first is not None and readable:
        readable, head = _read_on(numbered, read_payload, entries if keep else None, head)
    if rest:
        readable = False
        first = first or _torn_tail(count, rest)
    unreferenced = evidence.unreferenced(root) if first is None else ()
    verification = Verification(count, head, first, unreferenced)
    kept = entries if readable and keep else None
    return (verification, kept), _intact(data, verification, evidence)


def _torn_tail(number: int, rest: bytes) -> Break:
    """Bytes after the last newline: what a crash during a write leaves."""
    detail = f"{len(rest)} bytes without a final newline"
    return Break(number, "torn-tail", detail, {"bytes": len(rest)})


def _read_on(
    numbered: Iterator[tuple[int, bytes]],
    read_payload: PayloadReader,
    entries: Sink | None,
    head: str | None,
) -> tuple[bool, str | None]:
    """The lines after the first break, read for what they say (a report still shows them)
    until one does not read: whether all did, and the hash of the last one read."""
    for _, raw in numbered:
        try:
            record = read_line(raw, read_payload)[1]
        except LineError:
            return False, head
        head = record.hash
        if entries is not None:
            entries.append(record)
    return True, head


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
