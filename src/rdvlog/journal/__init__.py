"""The store, a package: codec (bytes and hashes), lock, store (the ``Journal`` facade), the
case hint, audit (verify) and repair. ``from rdvlog.journal import Journal`` is the entry point."""

from rdvlog.journal.codec import Recorded, canonical, encode_line, entry_hash
from rdvlog.journal.store import (
    EVIDENCE_DIR,
    JOURNAL_NAME,
    LOCK_NAME,
    QUARANTINE_DIR,
    Journal,
)

__all__ = [
    "EVIDENCE_DIR",
    "JOURNAL_NAME",
    "LOCK_NAME",
    "QUARANTINE_DIR",
    "Journal",
    "Recorded",
    "canonical",
    "encode_line",
    "entry_hash",
]
