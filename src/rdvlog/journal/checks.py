"""What a check of the journal finds: the first :class:`Break`, the :class:`Verification`,
and the files entries name (evidence, quarantined lines) checked against them."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from rdvlog.evidence import MAX_EVIDENCE_BYTES, stored_path
from rdvlog.journal.files import stream_store_file
from rdvlog.models import Attempt, CaseDocument, Evidence, Repair

QUARANTINE_FOLDER = "quarantine"


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
