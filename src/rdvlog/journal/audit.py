"""Verifying the journal: every line, the chain, every evidence file; entries in the same pass."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

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
from rdvlog.models import ZERO_HASH, Attempt, Repair

QUARANTINE_FOLDER = "quarantine"
#: Break kinds of a line that cannot be read as an entry at all.
UNREADABLE = frozenset({"unparseable", "invalid-field"})


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


class EvidenceCheck:
    """Evidence files checked against their names, each file hashed once; quarantine files
    checked against what their ``repair`` entry records."""

    def __init__(self, evidence_dir: Path, root: Path | None = None) -> None:
        self.evidence_dir = evidence_dir
        self.root = evidence_dir.parent if root is None else root
        self.referenced: set[str] = set()
        self._hashed: dict[str, str] = {}

    def first_problem(self, number: int, payload: object) -> Break | None:
        if isinstance(payload, Repair):
            return self._quarantine_problem(number, payload)
        if not isinstance(payload, Attempt):
            return None
        for evidence in payload.evidence:
            path = stored_path(self.evidence_dir, evidence)
            self.referenced.add(path.name)
            if evidence.sha256 not in self._hashed:
                try:
                    digest, _ = stream_store_file(
                        path, root=self.root, max_bytes=MAX_EVIDENCE_BYTES
                    )
                except FileNotFoundError:
                    return Break(number, "missing-evidence", f"{path} is missing")
                except OSError as exc:
                    return Break(number, "missing-evidence", f"{path}: {exc.strerror}")
                self._hashed[evidence.sha256] = digest
            if self._hashed[evidence.sha256] != evidence.sha256:
                return Break(number, "evidence-mismatch", f"{path} has changed")
        return None

    def _quarantine_problem(self, number: int, repair: Repair) -> Break | None:
        folder, _, name = repair.file.partition("/")
        if folder != QUARANTINE_FOLDER or not name or "/" in name or name in (".", ".."):
            return Break(number, "quarantine-mismatch", f"{repair.file} is not in quarantine/")
        path = self.root / folder / name
        try:
            digest, size = stream_store_file(path, root=self.root, max_bytes=repair.bytes)
        except FileNotFoundError:
            return Break(number, "quarantine-mismatch", f"{path} is missing")
        except OSError as exc:
            return Break(number, "quarantine-mismatch", f"{path} {exc.strerror}")
        if digest != repair.sha256 or size != repair.bytes:
            return Break(number, "quarantine-mismatch", f"{path} has changed")
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


def check_line(
    number: int,
    raw: bytes,
    prev: str,
    read_payload: PayloadReader,
    evidence: EvidenceCheck | None,
) -> Break | Recorded:
    """The first problem of one line, or its entry when the line is sound.

    ``evidence`` checks the files an attempt names; ``None`` skips them.
    """
    try:
        obj, entry = read_line(raw, read_payload)
    except LineError as exc:
        return Break(number, exc.kind, exc.detail)
    if entry.seq != number:
        return Break(number, "seq-gap", f"sequence number {entry.seq}, expected {number}")
    if obj["prev"] != prev:
        return Break(number, "prev-mismatch", "does not link to the previous entry's hash")
    body = hashed_body(obj)
    if hashlib.sha256(body).hexdigest() != entry.hash:
        return Break(number, "hash-mismatch", "content does not match its hash")
    if not as_written(obj, raw, body):
        return Break(number, "non-canonical", "line is not in the form rdvlog wrote")
    if evidence is not None:
        problem = evidence.first_problem(number, entry.payload)
        if problem is not None:
            return problem
    return entry


def audit(
    data: bytes, *, root: Path, evidence_dir: Path, keep: bool
) -> tuple[Verification, list[Recorded] | None]:
    """Verify the journal snapshot ``data`` and return its entries in the same pass.

    The entries come back even when the chain is broken (a report must show what the journal
    says *and* that it does not verify); ``None`` when some line cannot be read, or when
    ``keep`` is false (verifying only, in less memory).
    """
    lines, rest = split_lines(data)
    count = len(lines) + (1 if rest else 0)
    prev = ZERO_HASH
    head: str | None = None
    first: Break | None = None
    entries: list[Recorded] = []
    readable = True
    evidence = EvidenceCheck(evidence_dir, root)
    read_payload = PayloadReader()
    for number, raw in enumerate(lines, start=1):
        if first is None:
            result = check_line(number, raw, prev, read_payload, evidence)
            if isinstance(result, Recorded):
                prev = head = result.hash
                if keep:
                    entries.append(result)
                continue
            first = result
            readable = False
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
            first = Break(len(lines) + 1, "torn-tail", f"{len(rest)} bytes without a final newline")
    unreferenced = evidence.unreferenced(root) if first is None else ()
    verification = Verification(count, head, first, unreferenced)
    return verification, (entries if readable and keep else None)


def first_break(data: bytes) -> Break | None:
    """The first break of a journal snapshot's chain, evidence files not checked."""
    lines, _ = split_lines(data)
    prev = ZERO_HASH
    read_payload = PayloadReader()
    for number, raw in enumerate(lines, start=1):
        result = check_line(number, raw, prev, read_payload, None)
        if isinstance(result, Break):
            return result
        prev = result.hash
    return None
