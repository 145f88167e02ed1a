"""The drafts as a library: the facts from one read, the case's place, the pièces seam."""

from __future__ import annotations

from pathlib import Path

from docx import Document as read_docx

from rdvlog.models import Case
from rdvlog.pieces import number_pieces
from rdvlog.service.drafts import (
    DraftRequest,
    build_facts,
    case_place,
    dossier_pieces,
    read_draft,
    write_draft,
)
from rdvlog.service.report import ReportRequest, build_report
from rdvlog.service.session import Session
from test_draft_cli import fill, flat
from test_facts import CASE, PIECES, THIN_CASE, entry, journal, realistic_records, thin_records

from builders import Clock


def session(store: Path, clock: Clock) -> Session:
    return Session(store, clock=clock)


def test_the_facts_count_booking_attempts_and_name_the_tribunal(
    store: Path, tmp_path: Path, clock: Clock
) -> None:
    head = fill(store, tmp_path, CASE, realistic_records(), clock)
    facts = build_facts(session(store, clock), DraftRequest("requete"))
    assert (facts.booking_attempts, facts.distinct_days, facts.distinct_weeks) == (27, 19, 6)
    assert facts.with_screenshot == 24
    assert len(facts.written) == 3
    assert facts.head_hash == head
    assert facts.tribunal == "Tribunal administratif de Montreuil"
    assert facts.applicant == "Amadou DIALLO"
    assert facts.today == clock.now.date()


def test_without_a_place_in_the_profile_the_attempts_most_frequent_place_is_the_case(
    store: Path, tmp_path: Path, clock: Clock
) -> None:
    fill(store, tmp_path, THIN_CASE, thin_records(), clock)
    facts = build_facts(session(store, clock), DraftRequest("letter"))
    assert facts.prefecture == "Préfecture de la Seine-Saint-Denis"
    assert facts.department == "93"
    assert facts.tribunal == "Tribunal administratif de Montreuil"


def test_an_unlisted_place_never_outvotes_a_prefecture_of_the_directory() -> None:
    from rdvlog.models import Place

    anef = Place(label="ANEF", kind="unlisted")
    records = journal(
        [entry("2026-11-02T08:00"), entry("2026-11-03T08:00", place=anef)]
        + [entry(f"2026-11-1{d}T08:00", place=anef) for d in range(3)]
    )
    place = case_place(Case(), records)
    assert place is not None and place.department == "93"
    assert case_place(Case(), []) is None


def test_the_requete_lists_the_pieces_it_is_given(
    store: Path, tmp_path: Path, clock: Clock
) -> None:
    fill(store, tmp_path, CASE, realistic_records(), clock)
    request = DraftRequest("requete")
    s = session(store, clock)
    target = tmp_path / "requete.docx"
    write_draft(s, request, target, draft=read_draft(s, request, pieces=PIECES))
    document = read_docx(str(target))
    text = flat("\n".join(p.text for p in document.paragraphs))
    for n, label in PIECES:
        assert f"Pièce n° {n} : {label}" in text
    assert "rdvlog dossier" not in text.split("Bordereau des pièces")[-1]


def test_the_requete_lists_the_pieces_as_the_dossier_numbers_them(
    store: Path, tmp_path: Path, clock: Clock
) -> None:
    fill(store, tmp_path, CASE, realistic_records(), clock)
    s = session(store, clock)
    report = build_report(s, ReportRequest())
    expected = tuple(
        (piece.number, piece.label) for piece in number_pieces(report, first=3, group_weeks=True)
    )
    assert dossier_pieces(s, first_exhibit=3, group_weeks=True) == expected
    assert expected[0][0] == 3 and expected[0][1].startswith("Relevé des tentatives")
    facts = build_facts(s, DraftRequest("requete", first_exhibit=5, group_weeks=True))
    assert [n for n, _ in facts.pieces] == list(range(5, 5 + len(expected)))
    # The letter and the attestation list no pièces.
    assert build_facts(s, DraftRequest("letter")).pieces == ()
