"""The document model, and the realistic sample document that the writers' tests render."""

from __future__ import annotations

import datetime
import struct
import zlib

from rdvlog.render.document import (
    BarChart,
    Bullets,
    Document,
    Figure,
    Heading,
    PageBreak,
    Paragraph,
    Table,
    Text,
    page_label,
    plain,
)

CREATED = datetime.datetime(
    2026, 11, 26, 9, 52, 25, tzinfo=datetime.timezone(datetime.timedelta(hours=1))
)
HASH = "9f2c4e1b7a0d3c5e8f6a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f6a"
NNBSP = "\u202f"
NBSP = "\u00a0"
PLACEHOLDER = "[À COMPLÉTER : date de naissance]"


def png(width: int, height: int, rgb: tuple[int, int, int] = (40, 90, 160)) -> bytes:
    """A PNG written by hand: a coloured frame with a white band, like a bare screenshot."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return (
            struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
        )

    rows = bytearray()
    for y in range(height):
        rows.append(0)
        for x in range(width):
            band = height // 3 < y < 2 * height // 3 and width // 8 < x < 7 * width // 8
            rows.extend((250, 250, 250) if band else rgb)
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(bytes(rows)))
        + chunk(b"IEND", b"")
    )


def sample_document(rows: int = 60, figures: int = 2) -> Document:
    """A report-like document: title, warning, synthèse, chart, long table, screenshots."""
    table_rows = tuple(
        (
            (str(n),),
            (f"{(n % 28) + 1:02d}/10/2026 {8 + n % 10:02d}h{n % 60:02d}",),
            ("Préfecture de la Seine-Saint-Denis (Bobigny)",),
            ("pas de créneau",),
            (Text(HASH, mono=True),),
        )
        for n in range(1, rows + 1)
    )
    shots = tuple(
        Figure(
            png(480 + 40 * (i % 3), 300 + 60 * (i % 2), (40 + 20 * (i % 5), 90, 160)),
            "image/png",
            (
                Text(f"Capture n° {i + 1}", bold=True),
                f" — 2{i % 10}/10/2026 à 09h1{i % 10}, « Il n’existe plus de plage horaire libre »",
            ),
        )
        for i in range(figures)
    )
    return Document(
        title="Journal des tentatives de prise de rendez-vous",
        lang="fr",
        created=CREATED,
        subject="Préfecture de la Seine-Saint-Denis",
        header="PJ 3 — Captures d’écran, semaine du 19 au 25 octobre 2026",
        footer="Empreinte du journal : " + HASH[:16] + "…",
        blocks=(
            Paragraph(
                ("Journal des tentatives de prise de rendez-vous",), align="center", style="title"
            ),
            Paragraph(
                (
                    "Les tentatives s’étendent sur moins de trois semaines calendaires "
                    "(CE, 10 juin 2020, n°" + NBSP + "435594).",
                ),
                style="warning",
            ),
            Heading("1. Synthèse"),
            Paragraph(
                (
                    "M. Jean Dupont a tenté de prendre rendez-vous auprès de la ",
                    Text("Préfecture de la Seine-Saint-Denis", bold=True),
                    " pour un renouvellement de titre de séjour. "
                    "Le site a affiché à chaque fois le message "
                    f"«{NNBSP}Il n’existe plus de plage horaire libre pour votre demande "
                    f"de rendez-vous{NNBSP}» ; "
                    "œuvre, Œdipe, cœur, ça, où, à, è : la typographie française doit s’afficher. "
                    f"Durée{NNBSP}: 42{NNBSP}jours. Né le ",
                    Text(PLACEHOLDER, placeholder=True),
                    ". ",
                    Text("Texte en italique", italic=True),
                    ".",
                ),
            ),
            Bullets((("12 tentatives sur 9 jours distincts",), ("4 semaines calendaires",))),
            Bullets((("première",), ("seconde",)), numbered=True),
            BarChart(
                "Tentatives par semaine calendaire",
                (
                    "28 sept.–4 oct.",
                    "5–11 oct.",
                    "12–18 oct.",
                    "19–25 oct.",
                    "26 oct.–1er nov.",
                    "2–8 nov.",
                    "9–15 nov.",
                    "16–22 nov.",
                ),
                (3, 0, 5, 2, 0, 0, 7, 1),
            ),
            Heading("2. Chronologie", level=1),
            Heading("2.1 Tentatives de réservation", level=2),
            Table(
                ("N°", "Date", "Lieu", "Résultat", "SHA-256 de la capture"),
                table_rows,
                widths=(0.5, 1.3, 2.2, 1.1, 2.4),
            ),
            Heading("Pièces", level=3),
            *shots,
            PageBreak(),
            Paragraph(
                ("Fait à Bobigny, le ", Text("[À COMPLÉTER : date]", placeholder=True)),
                align="right",
                style="signature",
            ),
            Paragraph(("Petit texte.",), style="small"),
            Paragraph(("Citation.",), style="quote"),
        ),
    )


def test_page_label_in_both_languages() -> None:
    assert page_label("fr", 1, 3) == "page 1 / 3"
    assert page_label("en", 2, 3) == "page 2 of 3"


def test_plain_joins_runs_without_formatting() -> None:
    assert plain(("a", Text("b", bold=True), Text("c", placeholder=True))) == "abc"


def test_blocks_are_immutable_and_hashable() -> None:
    doc = sample_document(rows=2, figures=1)
    assert hash(doc.blocks[2]) == hash(Heading("1. Synthèse"))
