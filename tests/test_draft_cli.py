"""``rdvlog draft``: each draft written from a real store, read back from DOCX, PDF and text."""

from __future__ import annotations

import io
import re
import stat
from pathlib import Path

import pytest
from docx import Document as read_docx
from docx.enum.text import WD_COLOR_INDEX
from pypdf import PdfReader

from rdvlog.evidence import check_source
from rdvlog.journal import Journal
from rdvlog.models import Case, Void
from test_facts import CASE, THIN_CASE, realistic_records, thin_records

from builders import Clock, snapshot
from conftest import Invoke

EPOCH = "1795000000"  # 2026-11-18, 10:06:40 UTC
KINDS = ("letter", "requete", "attestation")
BLANK = "[À COMPLÉTER"


def fill(store: Path, tmp_path: Path, case: Case, records: list, clock: Clock) -> str:  # type: ignore[type-arg]
    """Append ``case`` then ``records`` (voids included) to the store through the journal,
    each screenshot a real file; return the head hash."""
    journal = Journal(store, clock=clock)
    journal.append(case)
    for record in records:
        attempt, sources = record.attempt, []
        if attempt.evidence:
            shot = tmp_path / f"shot-{record.seq}.png"
            shot.write_bytes(b"\x89PNG\r\n\x1a\n" + str(record.seq).encode() * 64)
            sources = [check_source(shot, store=store)]
            attempt = attempt.model_copy(update={"evidence": ()})
        entry = journal.append(attempt, sources)
        assert entry.seq == record.seq
        if record.voided:
            journal.append(Void(target=record.seq, reason=record.void_reason or "double"))
    verification = journal.verify()
    assert verification.ok
    assert verification.head_hash is not None
    return verification.head_hash


@pytest.fixture
def realistic_store(store: Path, tmp_path: Path, clock: Clock) -> str:
    return fill(store, tmp_path, CASE, realistic_records(), clock)


@pytest.fixture
def thin_store(store: Path, tmp_path: Path, clock: Clock) -> str:
    return fill(store, tmp_path, THIN_CASE, thin_records(), clock)


def docx_text(path: Path) -> str:
    document = read_docx(str(path))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        parts.extend(cell.text for row in table.rows for cell in row.cells)
    return "\n".join(parts)


def pdf_text(path: Path) -> str:
    return "\n".join(
        page.extract_text() or "" for page in PdfReader(io.BytesIO(path.read_bytes())).pages
    )


def flat(text: str) -> str:
    """Whitespace (line ends, no-break spaces) as single spaces: a PDF wraps where it likes."""
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ").replace("\u202f", " "))


def read_back(path: Path) -> str:
    if path.suffix == ".docx":
        return flat(docx_text(path))
    if path.suffix == ".pdf":
        return flat(pdf_text(path))
    return flat(path.read_text(encoding="utf-8"))


def write(rdvlog: Invoke, kind: str, target: Path, *options: str) -> str:
    result = rdvlog("draft", kind, "-o", str(target), *options)
    assert result.exit_code == 0, result.output
    return read_back(target)


# The applicant, the préfecture and what each draft must state of the realistic journal.
REALISTIC = {
    "letter": ("à 27 reprises", "19 jours distincts répartis sur 6 semaines calendaires"),
    "requete": (
        "tribunal administratif de Montreuil",
        "27 tentatives de prise de rendez-vous",
        "19 jours distincts répartis sur 6 semaines calendaires",
    ),
    "attestation": ("Soit 27 tentatives, sur 19 jours distincts répartis sur 6 semaines",),
}


@pytest.mark.parametrize("suffix", [".docx", ".pdf"])
@pytest.mark.parametrize("kind", KINDS)
def test_each_draft_of_a_realistic_journal_states_the_case_and_its_fingerprint(
    rdvlog: Invoke, realistic_store: str, tmp_path: Path, kind: str, suffix: str
) -> None:
    text = write(rdvlog, kind, tmp_path / f"{kind}{suffix}")
    assert "Amadou DIALLO" in text
    assert "Seine-Saint-Denis" in text
    assert "7501234567" in text
    for expected in REALISTIC[kind]:
        assert expected in text, expected
    # The fingerprint in full, on one line (never cut).
    assert realistic_store in text
    assert "Projet généré par le logiciel rdvlog" in text[:300]


@pytest.mark.parametrize("suffix", [".docx", ".pdf", ".txt"])
@pytest.mark.parametrize("kind", KINDS)
def test_each_draft_of_a_thin_journal_says_what_it_lacks_and_leaves_blanks(
    rdvlog: Invoke, thin_store: str, tmp_path: Path, kind: str, suffix: str
) -> None:
    text = write(rdvlog, kind, tmp_path / f"{kind}{suffix}")
    assert "[À COMPLÉTER : nom et prénom]" in text
    # No préfecture in the profile: the place of the attempts, and its tribunal.
    assert "Seine-Saint-Denis" in text
    assert thin_store in text
    if kind == "letter" and suffix == ".txt":
        assert "à 3 reprises" in text
        return
    assert "Ce que le journal ne montre pas encore" in text
    assert "une seule semaine calendaire" in text
    if kind == "requete":
        assert "tribunal administratif de Montreuil" in text
        assert "3 tentatives de prise de rendez-vous" in text
        # The pièces as `rdvlog dossier` numbers them: the relevé itself is pièce 1.
        assert "Relevé des tentatives de prise de rendez-vous" in text


def test_placeholders_are_highlighted_yellow_in_docx(
    rdvlog: Invoke, thin_store: str, tmp_path: Path
) -> None:
    target = tmp_path / "requete.docx"
    write(rdvlog, "requete", target)
    document = read_docx(str(target))
    runs = [run for p in document.paragraphs for run in p.runs]
    runs += [
        run
        for table in document.tables
        for row in table.rows
        for cell in row.cells
        for p in cell.paragraphs
        for run in p.runs
    ]
    # The opening sentence names the mark, "[À COMPLÉTER : …]", without being one.
    blanks = [run for run in runs if run.text.startswith(BLANK)]
    assert len(blanks) >= 8
    assert all(run.font.highlight_color == WD_COLOR_INDEX.YELLOW for run in blanks)
    assert not any(
        run.font.highlight_color == WD_COLOR_INDEX.YELLOW
        for run in runs
        if "COMPLÉTER" not in run.text
    )


@pytest.mark.parametrize(
    ("department", "tribunal"),
    [
        ("93", "tribunal administratif de Montreuil"),
        ("92", "tribunal administratif de Cergy-Pontoise"),
        ("95", "tribunal administratif de Cergy-Pontoise"),
        ("75", "tribunal administratif de Paris"),
        ("974", "tribunal administratif de La Réunion"),
    ],
)
def test_the_requete_goes_to_the_tribunal_of_the_prefecture_department(
    rdvlog: Invoke, tmp_path: Path, department: str, tribunal: str
) -> None:
    assert rdvlog("case", "set", "-p", department, "-d", "AES salarié").exit_code == 0
    for day in ("2026-11-02", "2026-11-10", "2026-11-18"):
        assert rdvlog("attempt", "add", "--at", f"{day} 08:00").exit_code == 0
    text = write(rdvlog, "requete", tmp_path / "requete.docx")
    assert f"À Madame ou Monsieur le juge des référés du {tribunal}" in text
    assert "3 tentatives de prise de rendez-vous" in text


def test_the_text_letter_fits_the_contact_form(
    rdvlog: Invoke, realistic_store: str, tmp_path: Path
) -> None:
    target = tmp_path / "letter.txt"
    result = rdvlog("draft", "letter", "-o", str(target))
    assert result.exit_code == 0, result.output
    text = target.read_text(encoding="utf-8")
    assert len(text) <= 2000
    assert realistic_store in text
    assert "à 27 reprises" in text
    assert "formulaire de contact" not in text  # the hint is for the terminal
    assert "-c formulaire --outcome envoyé" in result.stderr  # French words: the profile is French
    # The profile is French, and so is the terminal unless --lang says otherwise.
    assert "2,000" in rdvlog("--lang", "en", "draft", "letter", "--help").output
    assert "2 000" in rdvlog("draft", "letter", "--help").output


def test_a_long_profile_still_gives_a_contact_form_text_within_the_limit(
    rdvlog: Invoke, realistic_store: str, tmp_path: Path
) -> None:
    long = "Renouvellement de titre de séjour pluriannuel — salarié — " * 8
    assert (
        rdvlog("case", "set", "--applicant", "Amadou " + "DIALLO " * 40, "-d", long).exit_code == 0
    )
    target = tmp_path / "letter.txt"
    write(rdvlog, "letter", target)
    text = target.read_text(encoding="utf-8")
    assert len(text) <= 2000
    assert realistic_store not in text  # the case entry moved the head
    assert re.search(r"\b[0-9a-f]{64}\b", text)


def test_the_letter_says_to_send_it_by_lrar_and_record_it(
    rdvlog: Invoke, realistic_store: str, tmp_path: Path
) -> None:
    # The profile is French: the terminal speaks English only when asked to.
    result = rdvlog("--lang", "en", "draft", "letter", "-o", str(tmp_path / "letter.docx"))
    assert result.exit_code == 0
    assert f"draft written to {tmp_path / 'letter.docx'}" in result.stderr
    assert "rdvlog attempt add -c letter --outcome sent --reference" in result.stderr
    french = rdvlog("draft", "letter", "-o", str(tmp_path / "lettre.docx"))
    assert french.exit_code == 0
    assert f"projet écrit dans {tmp_path / 'lettre.docx'}" in french.stderr
    assert "recommandé" in french.stderr
    assert "rdvlog attempt add -c courrier --outcome envoyé --reference" in french.stderr


def test_the_english_draft_is_marked_a_working_translation(
    rdvlog: Invoke, realistic_store: str, tmp_path: Path
) -> None:
    text = write(rdvlog, "requete", tmp_path / "requete.docx", "--lang", "en")
    assert "Working translation, for reading only" in text
    assert "To the interim-relief judge of the Tribunal administratif de Montreuil" in text


def test_drafts_are_byte_identical_under_source_date_epoch(
    rdvlog: Invoke, realistic_store: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    for kind in KINDS:
        for suffix in (".docx", ".pdf", ".txt"):
            first, second = tmp_path / f"a-{kind}{suffix}", tmp_path / f"b-{kind}{suffix}"
            write(rdvlog, kind, first)
            write(rdvlog, kind, second)
            assert first.read_bytes() == second.read_bytes(), f"{kind}{suffix}"
    properties = read_docx(str(tmp_path / "a-requete.docx")).core_properties
    assert properties.created is not None
    assert int(properties.created.timestamp()) == int(EPOCH)
    metadata = PdfReader(str(tmp_path / "a-requete.pdf")).metadata
    assert metadata is not None and "20261118" in str(metadata.get("/CreationDate"))


def test_the_astreinte_is_asked_only_when_requested(
    rdvlog: Invoke, realistic_store: str, tmp_path: Path
) -> None:
    plain = write(rdvlog, "requete", tmp_path / "a.docx")
    asked = write(rdvlog, "requete", tmp_path / "b.docx", "--astreinte")
    assert "astreinte" not in plain
    assert "sous astreinte de [À COMPLÉTER : montant] euros par jour de retard" in asked


def test_a_broken_chain_is_said_first_and_on_the_terminal(
    rdvlog: Invoke, realistic_store: str, store: Path, tmp_path: Path
) -> None:
    journal = store / "journal.jsonl"
    journal.write_bytes(journal.read_bytes().replace(b"Service surcharg", b"Service Surcharg", 1))
    target = tmp_path / "requete.docx"
    result = rdvlog("--lang", "en", "draft", "requete", "-o", str(target))
    assert result.exit_code == 0, result.output
    assert "warning: the journal does not verify" in result.stderr
    first = read_docx(str(target)).paragraphs[0].text
    assert first.startswith("ATTENTION : la vérification d'intégrité du journal a échoué")
    letter = tmp_path / "letter.txt"
    write(rdvlog, "letter", letter)
    text = letter.read_text(encoding="utf-8")
    assert text.startswith("ATTENTION : la vérification d'intégrité du journal a échoué")
    assert len(text) <= 2000


def test_an_existing_file_is_kept_without_force_and_the_store_is_untouched(
    rdvlog: Invoke, realistic_store: str, store: Path, tmp_path: Path
) -> None:
    target = tmp_path / "requete.docx"
    target.write_bytes(b"the lawyer's edited copy")
    before = snapshot(store)
    result = rdvlog("draft", "requete", "-o", str(target))
    assert result.exit_code == 2
    assert result.stderr.startswith("error: ") and result.stderr.count("\n") == 1
    assert "--force" in result.stderr
    assert target.read_bytes() == b"the lawyer's edited copy"
    assert snapshot(store) == before
    write(rdvlog, "requete", target, "--force")
    assert target.read_bytes().startswith(b"PK")
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert snapshot(store) == before


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("requete.odt", 'unknown format ".odt"'),
        ("requete", "no extension"),
        ("missing/requete.docx", "does not exist"),
    ],
)
def test_bad_targets_are_usage_errors_that_write_nothing(
    rdvlog: Invoke, realistic_store: str, store: Path, tmp_path: Path, name: str, message: str
) -> None:
    before = snapshot(store)
    listing = sorted(p.name for p in tmp_path.iterdir())
    result = rdvlog("--lang", "en", "draft", "requete", "-o", str(tmp_path / name))
    assert result.exit_code == 2
    assert result.stderr.startswith("error: ") and message in result.stderr
    assert result.stderr.count("\n") == 1
    assert snapshot(store) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == listing


def test_a_draft_is_never_written_inside_the_store(
    rdvlog: Invoke, realistic_store: str, store: Path
) -> None:
    before = snapshot(store)
    result = rdvlog("--lang", "en", "draft", "letter", "-o", str(store / "letter.docx"))
    assert result.exit_code == 2
    assert "inside the rdvlog store" in result.stderr
    assert snapshot(store) == before


def test_an_empty_store_gives_drafts_full_of_blanks(
    rdvlog: Invoke, store: Path, tmp_path: Path
) -> None:
    text = write(rdvlog, "letter", tmp_path / "letter.docx")
    assert "[À COMPLÉTER : empreinte affichée par la commande « rdvlog verify »]" in text
    assert "[À COMPLÉTER : décrire les tentatives de prise de rendez-vous effectuées]" in text
    assert not store.exists()  # reading an absent store creates nothing


def test_every_draft_command_and_option_has_help(rdvlog: Invoke) -> None:
    overview = rdvlog("draft", "--help").output
    for kind in KINDS:
        assert kind in overview
        page = rdvlog("draft", kind, "--help").output
        assert "--output" in page and "--lang" in page and "--force" in page
    requete_help = flat(rdvlog("draft", "requete", "--help").output)
    for option in ("--astreinte", "--first-exhibit", "--group-weeks"):
        assert option in requete_help
