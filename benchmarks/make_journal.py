"""Build a benchmark store: a valid, hash-chained rdvlog journal holding N attempts.

Run it with the interpreter of the rdvlog under test::

    .venv/bin/python benchmarks/make_journal.py benchmarks/.work/demo --attempts 100000

The first entries go through the library's own ``Journal.append``: a case profile and up to
three attempts whose evidence files the library copies into the store. Appending 100,000
entries that way (one lock and one fsync each) takes minutes, so the bulk is built in-process
with the library's own models, ``dump_payload``, ``entry_hash`` and ``encode_line``, chained
from the journal's last line and written in one go. The whole store is then checked once with
``Journal(root).verify()``; a store that does not verify is an error, never a benchmark input.

Besides attempts, the journal holds what a real one does: one void every 250 attempts, a
second case snapshot near the start, a few attempts citing the evidence files, written steps
(emails, letters with a reference), a few late entries, places from the directory and typed
ones.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import shutil
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from rdvlog.evidence import check_source
from rdvlog.journal import Journal, encode_line, entry_hash
from rdvlog.journal.hint import CASE_HINT_NAME, hint_bytes
from rdvlog.models import (
    FORMAT_VERSION,
    Attempt,
    Case,
    Channel,
    Evidence,
    Outcome,
    Place,
    Void,
    dump_payload,
)
from rdvlog.timestamps import utc_stamp

PARIS = ZoneInfo("Europe/Paris")
#: The last bulk attempt happens here; everything is in the past of any real "now".
END = dt.datetime(2026, 1, 5, 9, 0, tzinfo=PARIS)
STEP = dt.timedelta(minutes=31)
VOID_EVERY = 250
EVIDENCE_EVERY = 200
LIBRARY_ATTEMPTS = 3
# The second case snapshot comes early, as in real use (the profile is set up once, near the
# start): `attempt add` without -p/-d then searches back through nearly the whole file for it.
CASE_UPDATE_AT = 10

BOBIGNY = Place(
    label="Préfecture de la Seine-Saint-Denis",
    kind="prefecture",
    department="93",
    office="Bobigny",
)
LE_RAINCY = Place(
    label="Sous-préfecture du Raincy",
    kind="sous-prefecture",
    department="93",
    office="Le Raincy",
)
TYPED = Place(label="Plateforme ANEF (téléphone)", kind="unlisted")
# Like `rdvlog case set`, every case entry is a full snapshot of the profile.
PROFILE = Case(
    applicant="Awa Diallo",
    place=BOBIGNY,
    procedure="Titre de séjour salarié (AES)",
    application="renewal",
    permit_expires=dt.date(2026, 3, 31),
    lang="fr",
)
NO_SLOT = (
    "Il n'existe plus de plage horaire libre pour votre demande de rendez-vous. "
    "Veuillez recommencer ultérieurement."
)
URL = "https://www.seine-saint-denis.gouv.fr/booking/create/9829/1"


@dataclass(frozen=True)
class StoreInfo:
    """What was built, for the benchmark's table."""

    root: Path
    attempts: int
    entries: int
    size_bytes: int
    head_hash: str | None
    seconds: float


class FixedClock:
    """The journal's clock, set by hand before each library append."""

    def __init__(self, now: dt.datetime) -> None:
        self.now = now

    def __call__(self) -> dt.datetime:
        return self.now


def _evidence_files(folder: Path) -> list[Path]:
    """Three small capture files of the kinds users attach (PNG, PDF, saved email)."""
    png = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 16
    pdf = b"%PDF-1.7\n" + "% accusé de réception LRAR\n".encode() * 64
    eml = b"Subject: Demande de rendez-vous\n\nMadame, Monsieur,\n" * 8
    paths = []
    for name, content in (
        ("capture-2025-01-02-0830.png", png),
        ("accuse-reception-lrar.pdf", pdf),
        ("courriel-prefecture.eml", eml),
    ):
        path = folder / name
        path.write_bytes(content)
        paths.append(path)
    return paths


def _attempt(rng: random.Random, at: dt.datetime, evidence: tuple[Evidence, ...]) -> Attempt:
    roll = rng.random()
    fields: dict[str, Any] = {"at": at, "procedure": "Titre de séjour salarié (AES)"}
    if roll < 0.03:
        fields |= {
            "place": BOBIGNY,
            "channel": Channel.LETTER,
            "outcome": Outcome.SENT,
            "reference": f"1A {rng.randrange(10**9, 10**10)} 1",
            "note": "LRAR au préfet: demande de rendez-vous",
        }
    elif roll < 0.06:
        fields |= {
            "place": BOBIGNY,
            "channel": Channel.EMAIL,
            "outcome": Outcome.NO_ANSWER,
            "reference": "Demande de rendez-vous, dossier AES",
        }
    elif roll < 0.11:
        fields |= {"place": TYPED, "channel": Channel.PHONE, "outcome": Outcome.NO_ANSWER}
    elif roll < 0.20:
        fields |= {
            "place": LE_RAINCY,
            "outcome": Outcome.SITE_ERROR,
            "message": "Service surchargé | erreur 502",
        }
    else:
        fields |= {"place": BOBIGNY, "message": NO_SLOT, "url": URL}
    if evidence:
        fields["evidence"] = evidence
    return Attempt(**fields)


def _envelope(
    seq: int, prev: str, kind: str, recorded: dt.datetime, data: dict[str, Any]
) -> tuple[bytes, str]:
    """The journal line of one entry, and its hash (the next entry's ``prev``)."""
    envelope: dict[str, Any] = {
        "v": FORMAT_VERSION,
        "seq": seq,
        "kind": kind,
        "recorded_at": utc_stamp(recorded),
        "prev": prev,
        "data": data,
    }
    envelope["hash"] = digest = entry_hash(envelope)
    return encode_line(envelope), digest


def _bulk_lines(
    rng: random.Random,
    count: int,
    *,
    first_seq: int,
    prev: str,
    evidence: list[Evidence],
) -> tuple[list[bytes], int]:
    """``count`` attempts (with voids and a case update among them) chained after ``prev``."""
    lines: list[bytes] = []
    seq = first_seq
    attempt_seqs: list[int] = []
    for index in range(count):
        at = END - STEP * (count - 1 - index) + dt.timedelta(seconds=rng.randrange(0, 600))
        at = at.replace(second=0, microsecond=0)
        late = rng.random() < 0.01
        recorded = at + (dt.timedelta(hours=3) if late else dt.timedelta(seconds=90))
        cited = (
            (evidence[index % len(evidence)],) if evidence and index % EVIDENCE_EVERY == 7 else ()
        )
        data = dump_payload(_attempt(rng, at, cited))
        line, prev = _envelope(seq, prev, "attempt", recorded, data)
        lines.append(line)
        attempt_seqs.append(seq)
        seq += 1
        extra: tuple[str, dict[str, Any]] | None = None
        if index % VOID_EVERY == VOID_EVERY - 1:
            target = attempt_seqs[-3]
            extra = ("void", dump_payload(Void(target=target, reason="saisie en double")))
        elif index == CASE_UPDATE_AT:
            renewed = PROFILE.model_copy(update={"permit_expires": dt.date(2026, 6, 30)})
            extra = ("case", dump_payload(renewed))
        if extra is not None:
            kind, data = extra
            line, prev = _envelope(seq, prev, kind, recorded + dt.timedelta(seconds=30), data)
            lines.append(line)
            seq += 1
    return lines, seq - 1


def _point_case_hint(root: Path, journal: Path) -> None:
    """``case.hint`` at the latest case entry, as ``rdvlog case set`` leaves it: the bulk lines
    hold a case update the library did not write, and a stale hint would make every
    ``attempt add`` search the whole journal for the profile (a fallback, not daily use)."""
    data = journal.read_bytes()
    found = data.rfind(b'"kind":"case"')
    start = data.rfind(b"\n", 0, found) + 1
    line = data[start : data.index(b"\n", found) + 1]
    hint = root / CASE_HINT_NAME
    hint.write_bytes(hint_bytes(start, line, json.loads(line)["hash"]))
    hint.chmod(0o600)


def build_store(root: Path, attempts: int, *, seed: int = 7) -> StoreInfo:
    """Create ``root`` (which must not exist) holding ``attempts`` attempts; verify it."""
    started = time.perf_counter()
    if root.exists():
        raise FileExistsError(f"{root} already exists")
    if attempts == 0:
        root.mkdir(mode=0o700, parents=True)
        return StoreInfo(root, 0, 0, 0, None, time.perf_counter() - started)
    rng = random.Random(seed)
    first_bulk = END - STEP * max(attempts - LIBRARY_ATTEMPTS, 0)
    clock = FixedClock(first_bulk - dt.timedelta(days=2))
    journal = Journal(root, clock=clock)
    journal.append(PROFILE)
    evidence: list[Evidence] = []
    with tempfile.TemporaryDirectory(prefix="rdvlog-bench-") as scratch:
        for number, path in enumerate(_evidence_files(Path(scratch))[: min(attempts, 3)]):
            clock.now += dt.timedelta(hours=1)
            at = clock.now.replace(second=0, microsecond=0)
            source = check_source(path, store=root)
            entry = journal.append(_attempt(rng, at, ()), [source])
            payload = entry.payload()
            assert isinstance(payload, Attempt)
            evidence.extend(payload.evidence)
            if number == 0:
                clock.now += dt.timedelta(minutes=5)
                journal.append(Void(target=entry.seq, reason="mauvaise capture jointe"))
    tail = journal.entries()[-1]
    bulk = attempts - min(attempts, LIBRARY_ATTEMPTS)
    lines, last_seq = _bulk_lines(
        rng, bulk, first_seq=tail.seq + 1, prev=tail.hash, evidence=evidence
    )
    with journal.path.open("ab") as handle:
        handle.write(b"".join(lines))
    _point_case_hint(root, journal.path)
    result = Journal(root).verify()
    if not result.ok or result.entry_count != last_seq:
        detail = result.first_break.describe() if result.first_break else "wrong entry count"
        raise RuntimeError(f"the generated journal in {root} does not verify: {detail}")
    size = journal.path.stat().st_size
    elapsed = time.perf_counter() - started
    return StoreInfo(root, attempts, result.entry_count, size, result.head_hash, elapsed)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("store", type=Path, help="store directory to create")
    parser.add_argument("--attempts", type=int, default=1000, help="number of attempts")
    parser.add_argument("--seed", type=int, default=7, help="random seed (output is repeatable)")
    parser.add_argument("--force", action="store_true", help="replace the store if it exists")
    args = parser.parse_args(argv)
    if args.force and args.store.exists():
        shutil.rmtree(args.store)
    info = build_store(args.store, args.attempts, seed=args.seed)
    print(
        f"{info.root}: {info.attempts} attempts, {info.entries} entries, "
        f"{info.size_bytes / 2**20:.1f} MiB, head {info.head_hash}, "
        f"built and verified in {info.seconds:.1f} s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
