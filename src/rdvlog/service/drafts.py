"""The drafts from the journal: the letter to the préfet, the requête, the attestation."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from rdvlog.errors import Phrase, UsageError
from rdvlog.export import atomic_output
from rdvlog.facts import CaseFacts, case_facts
from rdvlog.history import AttemptRecord
from rdvlog.models import Case, Lang, Place
from rdvlog.pieces import number_pieces
from rdvlog.render.document import Document
from rdvlog.render.drafts import attestation, letter, letter_text, requete, with_broken_chain
from rdvlog.report import ReportInput
from rdvlog.service.report import ReportRequest, build_report
from rdvlog.service.session import Session
from rdvlog.tribunals import tribunal_for

DraftKind = Literal["letter", "requete", "attestation"]
#: The formats ``-o`` may name, by extension.
FORMATS = (".docx", ".pdf", ".txt")


@dataclass(frozen=True)
class DraftRequest:
    """What ``rdvlog draft`` asks for. ``first_exhibit`` and ``group_weeks`` number the
    requête's pièces the way ``rdvlog dossier`` does; ``astreinte`` adds the penalty to its
    conclusions."""

    kind: DraftKind
    lang: Lang = "fr"
    astreinte: bool = False
    first_exhibit: int = 1
    group_weeks: bool = False


@dataclass(frozen=True)
class Draft:
    """A draft's facts and what the one verified read found: the first break, if any."""

    facts: CaseFacts
    problem: str | None
    generated_at: dt.datetime
    #: The first break as a sentence in either language (``problem`` is the draft's).
    broken: Phrase | None = None


def draft_format(target: Path) -> str:
    """The writer ``target``'s extension names (``.docx``, ``.pdf``, ``.txt``); any other
    extension is a usage error, raised before the journal is read."""
    suffix = target.suffix.lower()
    if suffix not in FORMATS:
        given = (
            Phrase("error.draft.unknown_format", {"suffix": target.suffix})
            if target.suffix
            else Phrase("error.draft.no_extension")
        )
        raise UsageError(key="error.draft.format", target=target, given=given)
    return suffix


def case_place(case: Case, records: Sequence[AttemptRecord]) -> Place | None:
    """The case's préfecture: the profile's place, else the place most attempts were made at
    (a place of the directory first, since only it has a département), latest on a tie."""
    if case.place is not None:
        return case.place
    active = [r for r in records if not r.voided]
    for candidates in ([r for r in active if r.attempt.place.department], active):
        if candidates:
            counts = Counter(r.attempt.place for r in candidates)
            last = {r.attempt.place: i for i, r in enumerate(candidates)}
            return max(counts, key=lambda place: (counts[place], last[place]))
    return None


def facts_of(report: ReportInput, *, pieces: Sequence[tuple[int, str]] = ()) -> CaseFacts:
    """The facts of the whole journal read into ``report``: the tribunal of the case's
    département (art. R. 221-3 CJA), and ``pieces`` as the requête lists them."""
    place = case_place(report.case, report.records)
    tribunal = tribunal_for(place.department) if place and place.department else None
    return case_facts(
        report.records,
        report.case.model_copy(update={"place": place}),
        zone=report.zone,
        today=report.generated_at.astimezone(report.zone).date(),
        head_hash=report.integrity.head_hash,
        tribunal=tribunal.name if tribunal else None,
        pieces=pieces,
        numbers=report.numbers,
    )


def dossier_pieces(
    session: Session,
    *,
    first_exhibit: int,
    group_weeks: bool,
    report: ReportInput | None = None,
) -> tuple[tuple[int, str], ...]:
    """The pièces ``rdvlog dossier`` writes, as (number, label), in its order: the same
    :func:`~rdvlog.pieces.number_pieces` over the whole journal's report (no filter), so the
    requête's list and the dossier's files agree. ``report`` is the journal already read."""
    report = report or build_report(session, ReportRequest())
    numbered = number_pieces(report, first=first_exhibit, group_weeks=group_weeks)
    return tuple((piece.number, piece.label) for piece in numbered)


def read_draft(
    session: Session, request: DraftRequest, *, pieces: Sequence[tuple[int, str]] | None = None
) -> Draft:
    """One verified read of the journal into the draft's facts; ``pieces`` default to the
    dossier's numbering (requête only: the other drafts list none)."""
    report = build_report(session, ReportRequest(lang=request.lang))
    if pieces is None:
        pieces = (
            dossier_pieces(
                session,
                first_exhibit=request.first_exhibit,
                group_weeks=request.group_weeks,
                report=report,
            )
            if request.kind == "requete"
            else ()
        )
    integrity = report.integrity
    return Draft(
        facts=facts_of(report, pieces=pieces),
        problem=None if integrity.ok else integrity.problem_in(request.lang),
        generated_at=report.generated_at,
        broken=integrity.broken,
    )


def build_facts(
    session: Session, request: DraftRequest, *, pieces: Sequence[tuple[int, str]] | None = None
) -> CaseFacts:
    """The facts a draft states, from one verified read of the journal."""
    return read_draft(session, request, pieces=pieces).facts


def draft_document(draft: Draft, request: DraftRequest) -> Document:
    """The draft as a document: a broken chain said first, created at the generation time
    (``SOURCE_DATE_EPOCH`` when set, so the bytes are reproducible)."""
    facts, lang = draft.facts, request.lang
    if request.kind == "letter":
        document = letter(facts, lang)
    elif request.kind == "requete":
        document = requete(facts, lang, astreinte=request.astreinte)
    else:
        document = attestation(facts, lang)
    if draft.problem is not None:
        document = with_broken_chain(document, lang, draft.problem)
    return dataclasses.replace(document, created=draft.generated_at)


def draft_bytes(draft: Draft, request: DraftRequest, suffix: str) -> bytes:
    """The draft in the format of ``suffix``. The letter's ``.txt`` is the short text for a
    contact form or an email (at most CONTACT_FORM_LIMIT characters)."""
    if suffix == ".txt" and request.kind == "letter":
        return letter_text(draft.facts, request.lang, problem=draft.problem).encode("utf-8")
    document = draft_document(draft, request)
    # Each writer loads its own library (reportlab, python-docx) only when asked for.
    if suffix == ".docx":
        from rdvlog.render.docx import render_docx

        return render_docx(document)
    if suffix == ".pdf":
        from rdvlog.render.pdf import render_pdf

        return render_pdf(document)
    from rdvlog.render.text import render_text

    return render_text(document).encode("utf-8")


def write_draft(
    session: Session,
    request: DraftRequest,
    target: Path,
    *,
    draft: Draft | None = None,
) -> Path:
    """Write the draft to ``target`` (checked by the caller: ``export.check_target``),
    atomically, mode 0600, in the format of its extension; ``draft`` is the journal already
    read (:func:`read_draft`), else it is read here."""
    suffix = draft_format(target)
    data = draft_bytes(draft or read_draft(session, request), request, suffix)
    with atomic_output(target) as out:
        out.write(data)
    return target
