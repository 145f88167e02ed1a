"""Pièce file names for Télérecours: PJ<nn>_<ascii label>.pdf, at most 80 characters."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from rdvlog.render.filenames import piece_file_name

NAME = re.compile(r"^PJ\d{2,}_[A-Za-z0-9_-]+\.pdf$")


def test_bordereau_and_pieces_are_numbered_with_two_digits_at_least() -> None:
    assert piece_file_name(0, "bordereau") == "PJ00_bordereau.pdf"
    assert piece_file_name(1, "Rapport") == "PJ01_Rapport.pdf"
    assert piece_file_name(12, "x") == "PJ12_x.pdf"
    assert piece_file_name(123, "x") == "PJ123_x.pdf"


def test_label_is_folded_to_ascii_and_separators_collapsed() -> None:
    name = piece_file_name(3, "Captures d'écran — semaine du 19/10 au 25/10 (œuvre, Straße, æ)")
    assert name == "PJ03_Captures_d_ecran_semaine_du_19_10_au_25_10_oeuvre_Strasse_ae.pdf"
    assert piece_file_name(4, "  Titre de séjour % & . ") == "PJ04_Titre_de_sejour.pdf"


def test_label_without_any_usable_character_falls_back_to_piece() -> None:
    assert piece_file_name(5, "") == "PJ05_piece.pdf"
    assert piece_file_name(6, "日本語 ./%") == "PJ06_piece.pdf"


def test_long_label_is_truncated_never_the_number_or_extension() -> None:
    name = piece_file_name(7, "Lettre recommandée " * 20)
    assert len(name) == 80
    assert name.startswith("PJ07_Lettre_recommandee_")
    assert name.endswith(".pdf")
    assert not name.endswith("_.pdf")


@given(st.integers(min_value=0, max_value=999), st.text())
def test_any_label_gives_a_valid_short_deterministic_name(number: int, label: str) -> None:
    name = piece_file_name(number, label)
    assert NAME.match(name), name
    assert len(name) <= 80
    assert name == piece_file_name(number, label)
    assert name.startswith(f"PJ{number:02d}_")


@given(st.integers(0, 999), st.integers(0, 999), st.text(), st.text())
def test_distinct_numbers_give_distinct_names(a: int, b: int, la: str, lb: str) -> None:
    if a != b:
        assert piece_file_name(a, la) != piece_file_name(b, lb)
