"""A fixed journal of 40 attempts over seven ISO weeks, and snapshot comparison."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from rdvlog.history import AttemptRecord, DocumentRecord
from rdvlog.models import Attempt, Case, CaseDocument, Channel, Evidence, Lang, Outcome, Place
from rdvlog.report import Integrity, ReportInput

PARIS = ZoneInfo("Europe/Paris")
UTC = dt.timezone.utc
GENERATED_AT = dt.datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
VERSION = "0.1.0"
HEAD_HASH = hashlib.sha256(b"head of the fixed journal").hexdigest()
SNAPSHOTS = Path(__file__).parent / "snapshots"

BOBIGNY = Place(
    label="Préfecture de la Seine-Saint-Denis", kind="prefecture", department="93", office="Bobigny"
)
ANEF = Place(label="ANEF — administration-etrangers-en-france.interieur.gouv.fr", kind="unlisted")
PROCEDURE = "Renouvellement de titre de séjour — salarié"
NO_SLOT = (
    "Il n'existe plus de plage horaire libre pour votre demande de rendez-vous. "
    "Veuillez recommencer ultérieurement."
)
BOOKING_URL = "https://www.seine-saint-denis.gouv.fr/booking/create/9829/0"
HOSTILE_NOTE = (
    "<script>alert('x')</script> | colonne | **gras** `code` [lien](http://evil.example)\n"
    "deuxième ligne \\ fin_de_note & <b>fin</b>"
)
COUNTER_NOTE = (
    "Agent d'accueil : « il faut prendre rendez-vous sur internet ».\n"
    "Aucun document remis.\nFile d'attente > 2 h"
)

CASE = Case(
    applicant="Amina Diallo",
    place=BOBIGNY,
    procedure=PROCEDURE,
    permit_expires=dt.date(2026, 12, 15),
    foreigner_number="7501234567",
    application="renewal",
    civility="Mme",
    lang="fr",
)


def evidence(name: str) -> Evidence:
    """A file with a hash and size derived from its name, so the fixture is fixed."""
    digest = hashlib.sha256(name.encode()).hexdigest()
    media = "application/pdf" if name.endswith(".pdf") else "image/png"
    return Evidence(sha256=digest, name=name, size=40_000 + int(digest[:4], 16), media_type=media)


EMAIL_PDF = evidence("courriel-prefecture-2026-10-12.pdf")

# (local time, channel, outcome, extra fields); web/no-slot attempts carry the usual message.
_PLAN: list[tuple[str, Channel, Outcome, dict[str, object]]] = [
    # ISO week 41
    ("2026-10-05T08:02+02:00", Channel.WEB, Outcome.NO_SLOT, {"ev": ["capture-0510.png"]}),
    ("2026-10-05T21:47+02:00", Channel.WEB, Outcome.NO_SLOT, {}),
    ("2026-10-06T12:30+02:00", Channel.WEB, Outcome.SITE_ERROR, {"message": "502 Bad Gateway"}),
    ("2026-10-07T07:15+02:00", Channel.WEB, Outcome.NO_SLOT, {"ev": ["capture-0710.png"]}),
    ("2026-10-08T23:40+02:00", Channel.WEB, Outcome.NO_SLOT, {}),
    (
        "2026-10-09T09:00+02:00",
        Channel.PHONE,
        Outcome.NO_ANSWER,
        {"note": "Appel au standard | 20 minutes d'attente, puis coupure"},
    ),
    ("2026-10-10T03:12+02:00", Channel.WEB, Outcome.NO_SLOT, {}),
    # ISO week 42
    ("2026-10-12T08:30+02:00", Channel.WEB, Outcome.NO_SLOT, {"ev": ["capture-1210.png"]}),
    (
        "2026-10-12T14:05+02:00",
        Channel.EMAIL,
        Outcome.SENT,
        {"reference": "Demande de rendez-vous — renouvellement [salarié]", "email": True},
    ),
    ("2026-10-13T19:20+02:00", Channel.WEB, Outcome.NO_SLOT, {}),
    ("2026-10-14T06:45+02:00", Channel.WEB, Outcome.NO_SLOT, {"ev": ["capture-1410.png"]}),
    ("2026-10-15T13:10+02:00", Channel.WEB, Outcome.NO_SLOT, {"late": True}),
    ("2026-10-16T22:05+02:00", Channel.WEB, Outcome.SITE_ERROR, {"message": "Service surchargé"}),
    ("2026-10-18T10:00+02:00", Channel.WEB, Outcome.NO_SLOT, {}),
    # ISO week 43 (ends with the night the clocks go back)
    ("2026-10-19T08:00+02:00", Channel.WEB, Outcome.NO_SLOT, {"ev": ["capture-1910.png"]}),
    ("2026-10-20T12:15+02:00", Channel.COUNTER, Outcome.REFUSED, {"note": COUNTER_NOTE}),
    ("2026-10-21T18:30+02:00", Channel.WEB, Outcome.NO_SLOT, {}),
    (
        "2026-10-22T07:50+02:00",
        Channel.WEB,
        Outcome.NO_SLOT,
        {"void": "Saisie en double", "ev": ["capture-2210-doublon.png"]},
    ),
    ("2026-10-22T07:51+02:00", Channel.WEB, Outcome.NO_SLOT, {"ev": ["capture-2210.png"]}),
    ("2026-10-24T16:00+02:00", Channel.WEB, Outcome.NO_SLOT, {}),
    ("2026-10-25T02:30+01:00", Channel.WEB, Outcome.NO_SLOT, {"note": HOSTILE_NOTE}),
    # ISO week 44: no attempt
    # ISO week 45
    ("2026-11-02T08:10+01:00", Channel.WEB, Outcome.NO_SLOT, {"ev": ["capture-0211.png"]}),
    (
        "2026-11-02T10:00+01:00",
        Channel.LETTER,
        Outcome.SENT,
        {"reference": "LRAR 1A 234 567 8901 2", "ev": ["preuve-depot-lrar.pdf"], "email": True},
    ),
    ("2026-11-03T20:30+01:00", Channel.WEB, Outcome.NO_SLOT, {}),
    ("2026-11-04T13:45+01:00", Channel.ANEF, Outcome.SITE_ERROR, {"place": ANEF}),
    ("2026-11-05T09:20+01:00", Channel.WEB, Outcome.NO_SLOT, {}),
    ("2026-11-06T17:55+01:00", Channel.WEB, Outcome.NO_SLOT, {"ev": ["capture | 06-11 <b>.png"]}),
    ("2026-11-07T11:11+01:00", Channel.WEB, Outcome.NO_SLOT, {}),
    # ISO week 46
    ("2026-11-09T08:05+01:00", Channel.WEB, Outcome.NO_SLOT, {}),
    ("2026-11-10T12:00+01:00", Channel.WEB, Outcome.NO_SLOT, {"ev": ["capture-1011.png"]}),
    ("2026-11-11T15:30+01:00", Channel.WEB, Outcome.NO_SLOT, {}),
    ("2026-11-12T07:40+01:00", Channel.WEB, Outcome.NO_SLOT, {}),
    ("2026-11-13T22:50+01:00", Channel.WEB, Outcome.SITE_ERROR, {"message": "=1+1 (erreur)"}),
    (
        "2026-11-14T09:30+01:00",
        Channel.WEB,
        Outcome.NO_SLOT,
        {"ev": ["=cmd|' /C calc'!A0.png"], "note": "-- capture prise sur téléphone"},
    ),
    # ISO week 47
    ("2026-11-16T08:00+01:00", Channel.WEB, Outcome.NO_SLOT, {"ev": ["capture-1611.png"]}),
    ("2026-11-17T13:00+01:00", Channel.WEB, Outcome.NO_SLOT, {}),
    ("2026-11-18T19:45+01:00", Channel.WEB, Outcome.NO_SLOT, {}),
    ("2026-11-19T06:10+01:00", Channel.WEB, Outcome.NO_SLOT, {"ev": ["capture-1911.png"]}),
    (
        "2026-11-20T10:30+01:00",
        Channel.OTHER,
        Outcome.OTHER,
        {"note": "Point d'accueil numérique : pas de solution proposée"},
    ),
    ("2026-11-20T21:00+01:00", Channel.WEB, Outcome.NO_SLOT, {}),
]


def _attempt(
    at: dt.datetime, channel: Channel, outcome: Outcome, extra: dict[str, object]
) -> Attempt:
    files = [evidence(str(name)) for name in extra.get("ev", [])]
    if extra.get("email"):
        files.insert(0, EMAIL_PDF)
    message = extra.get("message")
    if message is None and outcome is Outcome.NO_SLOT:
        message = NO_SLOT
    web = channel is Channel.WEB
    return Attempt(
        at=at,
        place=extra.get("place", BOBIGNY),
        procedure=PROCEDURE,
        channel=channel,
        outcome=outcome,
        message=message,
        url=BOOKING_URL if web else None,
        reference=extra.get("reference"),
        about=extra.get("about"),
        evidence=tuple(files),
        note=extra.get("note"),
    )


def journal_records() -> list[AttemptRecord]:
    """The 40 attempts in journal order (seq 1 is the case entry; one void takes a seq too)."""
    written = []
    for text, channel, outcome, extra in _PLAN:
        at = dt.datetime.fromisoformat(text)
        delay = dt.timedelta(hours=20) if extra.get("late") else dt.timedelta(seconds=40)
        written.append(((at + delay).astimezone(UTC), _attempt(at, channel, outcome, extra), extra))
    written.sort(key=lambda item: item[0])
    records, seq = [], 1
    for recorded_at, attempt, extra in written:
        seq += 1
        reason = extra.get("void")
        records.append(AttemptRecord(seq, recorded_at, attempt, str(reason) if reason else None))
        if reason:
            seq += 1  # the void entry
    # Entered afterwards (journal numbers after the others): the follow-ups of the written
    # steps, and an attempt whose screenshot is the one already attached on 16 November.
    recorded = dt.datetime(2026, 11, 21, 18, 0, tzinfo=UTC)
    for text, channel, outcome, extra in _LATER:
        seq += 1
        at = dt.datetime.fromisoformat(text)
        records.append(AttemptRecord(seq, recorded, _attempt(at, channel, outcome, extra)))
    return records


_LATER: list[tuple[str, Channel, Outcome, dict[str, object]]] = [
    (
        "2026-10-12T14:06+02:00",
        Channel.EMAIL,
        Outcome.ANSWERED,
        {"reference": "Réponse automatique : « votre message a bien été reçu »", "about": 10},
    ),
    ("2026-11-04T11:20+01:00", Channel.LETTER, Outcome.DELIVERED, {}),
    ("2026-11-17T08:15+01:00", Channel.WEB, Outcome.NO_SLOT, {"ev": ["capture-1611.png"]}),
]

#: A case document (``rdvlog case attach``): the first pièce after the report.
DOCUMENTS = (
    DocumentRecord(
        len(_PLAN) + 2 + len(_LATER) + 1,
        dt.datetime(2026, 11, 21, 18, 5, tzinfo=UTC),
        CaseDocument(
            label="Titre de séjour expirant le 15/12/2026",
            evidence=(evidence("titre-de-sejour.pdf"),),
        ),
    ),
)

ENTRY_COUNT = 1 + len(_PLAN) + 1 + len(_LATER) + len(DOCUMENTS)


def report_input(
    lang: Lang = "fr",
    *,
    records: list[AttemptRecord] | None = None,
    integrity: Integrity | None = None,
    **options: object,
) -> ReportInput:
    """The report of the fixed journal (or of ``records``), as the CLI would assemble it."""
    fields: dict[str, Any] = {
        "documents": DOCUMENTS if records is None else (),
        "case": CASE,
        "zone": PARIS,
        "generated_at": GENERATED_AT,
        "version": VERSION,
        **options,
    }
    return ReportInput(
        records=tuple(journal_records() if records is None else records),
        integrity=integrity or Integrity(True, ENTRY_COUNT, HEAD_HASH),
        lang=lang,
        **fields,
    )


def assert_snapshot(name: str, text: str) -> None:
    """Compare ``text`` with ``tests/snapshots/name`` byte for byte.

    ``RDVLOG_UPDATE_SNAPSHOTS=1`` rewrites the file instead; review the diff before committing.
    """
    path = SNAPSHOTS / name
    if os.environ.get("RDVLOG_UPDATE_SNAPSHOTS") == "1":
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(text.encode("utf-8"))
        return
    if not path.exists():
        pytest.fail(f"no snapshot {path}; run with RDVLOG_UPDATE_SNAPSHOTS=1 to create it")
    expected = path.read_bytes().decode("utf-8")
    assert text == expected, f"{name} differs; RDVLOG_UPDATE_SNAPSHOTS=1 rewrites it"


def make_record(
    at: dt.datetime,
    seq: int = 1,
    *,
    channel: Channel = Channel.WEB,
    outcome: Outcome = Outcome.NO_SLOT,
    void: str | None = None,
    files: tuple[Evidence, ...] = (),
    recorded_at: dt.datetime | None = None,
) -> AttemptRecord:
    """One attempt at Bobigny, recorded a minute after it happened unless told otherwise."""
    attempt = Attempt(
        at=at,
        place=BOBIGNY,
        procedure=PROCEDURE,
        channel=channel,
        outcome=outcome,
        evidence=files,
    )
    recorded = recorded_at or (at + dt.timedelta(minutes=1)).astimezone(UTC)
    return AttemptRecord(seq, recorded, attempt, void)


#: The thin case: three attempts in one week, no screenshot, no written step, a first
#: application with no profile but the démarche (what a lawyer must not file as it is).
THIN_CASE = Case(procedure="Admission exceptionnelle au séjour — salarié", application="first")


def thin_records() -> list[AttemptRecord]:
    """Three web attempts of 23, 24 and 25 November 2026 (entry 1 is the case)."""
    days = (23, 24, 25)
    return [
        make_record(dt.datetime(2026, 11, day, 8 + n, 15, tzinfo=PARIS), seq=n + 2)
        for n, day in enumerate(days)
    ]


def thin_report_input(lang: Lang = "fr") -> ReportInput:
    return ReportInput(
        records=tuple(thin_records()),
        integrity=Integrity(True, 4, HEAD_HASH),
        lang=lang,
        case=THIN_CASE,
        zone=PARIS,
        generated_at=GENERATED_AT,
        version=VERSION,
    )
