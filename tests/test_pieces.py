"""Pièce numbering shared by the report, the bundle and the dossier (rdvlog.pieces)."""

from __future__ import annotations

import datetime as dt
import hashlib

from hypothesis import given, settings
from hypothesis import strategies as st
from tests.report_fixture import PARIS, UTC, evidence, make_record, report_input

from rdvlog.history import DocumentRecord
from rdvlog.models import CaseDocument, Evidence
from rdvlog.pieces import monday_of, number_pieces, week_label


def _file(n: int, image: bool = True) -> Evidence:
    digest = hashlib.sha256(str(n).encode()).hexdigest()
    return Evidence(
        sha256=digest,
        name=f"f{n}.{'png' if image else 'pdf'}",
        size=10 + n,
        media_type="image/png" if image else "application/pdf",
    )


_attempt = st.tuples(
    st.integers(0, 60 * 24 * 40),  # minutes after the start
    st.lists(st.integers(0, 8), max_size=3),
    st.booleans(),  # voided
)


@settings(derandomize=True, max_examples=60, deadline=None)
@given(
    st.lists(_attempt, max_size=25),
    st.integers(0, 3),
    st.integers(1, 9),
    st.booleans(),
)
def test_numbering_is_continuous_and_complete(plan, documents, first, group_weeks):
    start = dt.datetime(2026, 10, 1, 8, 0, tzinfo=UTC)
    records = [
        make_record(
            start + dt.timedelta(minutes=minutes),
            seq=index + 2,
            files=tuple(_file(n, n % 3 != 0) for n in files),
            void="doublon" if voided else None,
        )
        for index, (minutes, files, voided) in enumerate(plan)
    ]
    docs = tuple(
        DocumentRecord(
            100 + i, start, CaseDocument(label=f"Document {i}", evidence=(_file(50 + i, False),))
        )
        for i in range(documents)
    )
    numbers = {r.seq: i for i, r in enumerate(records, start=1)}
    report = report_input(records=records, documents=docs, numbers=numbers)
    pieces = number_pieces(report, first=first, group_weeks=group_weeks)

    assert [p.number for p in pieces] == list(range(first, first + len(pieces)))
    assert pieces[0].kind == "report" and not pieces[0].items
    kinds = [p.kind for p in pieces[1:]]
    assert kinds[:documents] == ["document"] * documents
    assert "document" not in kinds[documents:]

    # Every file of every counted attempt is in exactly one pièce; voided ones in none.
    placed: dict[tuple[int, str], int] = {}
    for piece in pieces:
        for item in piece.items:
            if item.record is None:
                continue
            key = (item.record.seq, item.evidence.sha256)
            assert key not in placed
            placed[key] = piece.number
            assert item.number == numbers[item.record.seq]
    expected = {(r.seq, e.sha256) for r in records if not r.voided for e in r.attempt.evidence}
    assert set(placed) == expected
    # One file is one pièce (never split across pièces).
    sha_piece: dict[str, int] = {}
    for (_, sha), number in placed.items():
        assert sha_piece.setdefault(sha, number) == number

    if group_weeks:
        weeks = [p for p in pieces if p.kind == "week"]
        assert all(p.day is not None and p.day.weekday() == 0 for p in weeks)
        assert len({p.day for p in weeks}) == len(weeks)
        # A week with a screenshot first shown in it has its pièce.
        firsts: dict[str, dt.date] = {}
        for r in sorted((r for r in records if not r.voided), key=lambda r: (r.attempt.at, r.seq)):
            for e in r.attempt.evidence:
                if e.media_type.startswith("image/"):
                    day = monday_of(r.attempt.at.astimezone(PARIS).date())
                    firsts.setdefault(e.sha256, day)
        assert {p.day for p in weeks} == set(firsts.values())
        assert not any(p.kind == "screenshot" for p in pieces)
    else:
        assert not any(p.kind == "week" for p in pieces)


def test_reused_screenshot_is_one_piece_with_cross_references():
    shot = evidence("capture-reutilisee.png")
    a = make_record(dt.datetime(2026, 10, 19, 8, 30, tzinfo=PARIS), 2, files=(shot,))
    b = make_record(dt.datetime(2026, 10, 21, 9, 0, tzinfo=PARIS), 3, files=(shot,))
    c = make_record(dt.datetime(2026, 10, 21, 9, 5, tzinfo=PARIS), 4, files=(shot,))
    report = report_input(records=[a, b, c], numbers={2: 1, 3: 2, 4: 3})
    (_, piece) = report.pieces
    assert piece.reused and piece.kind == "screenshot"
    assert piece.attempt_numbers == (1, 2, 3)
    assert piece.label == (
        "Capture d'écran du 19 octobre 2026 à 8\u00a0h\u00a030 (tentatives n° 1, 2 et 3)"
    )
    same_day = report_input(records=[b, c], numbers={3: 1, 4: 2}).pieces[1]
    assert not same_day.reused


def test_labels_in_both_languages():
    report = report_input(numbers={})
    assert report.pieces[0].label == ("Relevé des tentatives de prise de rendez-vous en préfecture")
    assert week_label("fr", dt.date(2026, 10, 19)) == "semaine du 19 au 25 octobre 2026"
    assert week_label("fr", dt.date(2026, 9, 28)) == "semaine du 28 septembre au 4 octobre 2026"
    assert week_label("fr", dt.date(2026, 12, 28)) == (
        "semaine du 28 décembre 2026 au 3 janvier 2027"
    )
    assert week_label("en", dt.date(2026, 10, 19)) == "week of 19 to 25 October 2026"
    grouped = number_pieces(report_input(), group_weeks=True)
    assert "Captures d'écran, semaine du 5 au 11 octobre 2026" in [p.label for p in grouped]
