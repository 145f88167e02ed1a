"""The plain-text writer: wrapped, stable, placeholders verbatim."""

from __future__ import annotations

from rdvlog.render.document import Document, Table
from rdvlog.render.text import render_text
from test_document_model import CREATED, PLACEHOLDER, sample_document


def test_text_is_stable_and_wrapped() -> None:
    text = render_text(sample_document(rows=3, figures=1), width=60)
    assert text == render_text(sample_document(rows=3, figures=1), width=60)
    assert all(len(line) <= 60 for line in text.splitlines())
    assert text.endswith("\n")


def test_text_keeps_placeholders_and_headings() -> None:
    text = render_text(sample_document(rows=3, figures=1))
    assert PLACEHOLDER in text
    assert "1. SYNTHÈSE\n===========" in text
    assert "- 12 tentatives sur 9 jours distincts" in text
    assert "1. première" in text
    assert "[Figure : Capture n° 1" in text


def test_bar_chart_lists_empty_weeks_with_zero() -> None:
    text = render_text(sample_document(rows=1, figures=0))
    assert "5–11 oct.           0" in text


def test_narrow_table_is_aligned_and_wide_table_becomes_label_value_lines() -> None:
    narrow = Table(("N°", "Date"), ((("1",), ("02/10/2026",)), (("12",), ("03/10/2026",))))
    text = render_text(Document("t", (narrow,), "fr", CREATED))
    assert "N°  Date\n--  ----------\n1   02/10/2026\n12  03/10/2026\n" in text
    wide = Table(("Lieu", "Message"), ((("Bobigny",), ("mot " * 40,)),))
    text = render_text(Document("t", (wide,), "fr", CREATED), width=40)
    assert "Lieu : Bobigny" in text
    assert all(len(line) <= 40 for line in text.splitlines())
