"""The installed ``rdvlog`` executable writing drafts, the way a shell script drives it."""

from __future__ import annotations

import datetime as dt
import os
import stat
from pathlib import Path

import pytest
from docx import Document as read_docx

from test_script import RDVLOG, run

pytestmark = pytest.mark.skipif(RDVLOG is None, reason="rdvlog is not installed")


def test_log_then_draft_the_letter_and_the_requete_like_a_shell_script(
    store: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1795000000")
    run("case", "set", "--applicant", "Awa TRAORÉ", "--civility", "Mme", "-p", "95", "-d", "AES")
    today = dt.date.today()
    for days in (3, 10, 17):  # three calendar weeks, before today whatever the date
        run("attempt", "add", "--at", f"{today - dt.timedelta(days=days)} 08:00")
    out = tmp_path / "out"
    out.mkdir()
    letter, requete = out / "letter.txt", out / "requete.docx"

    done = run("draft", "letter", "-o", str(letter))
    assert done.stdout == ""
    assert done.stderr.startswith(f"draft written to {letter}\n")
    text = letter.read_text(encoding="utf-8")
    assert len(text) <= 2000 and "Awa TRAORÉ" in text and "à 3 reprises" in text
    assert stat.S_IMODE(letter.stat().st_mode) == 0o600

    run("draft", "requete", "-o", str(requete), "--astreinte")
    paragraphs = [p.text for p in read_docx(str(requete)).paragraphs]
    assert "Requérante" in paragraphs
    assert any("tribunal administratif de Cergy-Pontoise" in p for p in paragraphs)

    again = run("draft", "requete", "-o", str(requete), check=False)
    assert again.returncode == 2
    assert again.stderr.startswith("error: ") and again.stderr.count("\n") == 1
    bad = run("draft", "attestation", "-o", str(out / "a.odt"), check=False)
    assert bad.returncode == 2 and "unknown format" in bad.stderr
    assert sorted(os.listdir(out)) == ["letter.txt", "requete.docx"]
