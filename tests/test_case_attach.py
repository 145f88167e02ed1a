"""``rdvlog case attach``: case documents recorded like evidence and listed by ``case show``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from test_document_model import png

from builders import snapshot
from conftest import Invoke

LABEL = "Titre de séjour expirant le 02/01/2027"


def test_attach_copies_and_hashes_the_file_and_case_show_lists_it(
    rdvlog: Invoke, store: Path, tmp_path: Path
) -> None:
    recto, verso = tmp_path / "recto.png", tmp_path / "verso.png"
    recto.write_bytes(png(40, 30))
    verso.write_bytes(png(40, 30, (200, 20, 20)))
    result = rdvlog("case", "attach", str(recto), str(verso), "--label", LABEL, "--json")
    assert result.exit_code == 0, result.output
    entry = json.loads(result.stdout)
    assert entry["kind"] == "document"
    assert entry["data"]["label"] == LABEL
    assert [e["name"] for e in entry["data"]["evidence"]] == ["recto.png", "verso.png"]
    for evidence in entry["data"]["evidence"]:
        stored = store / "evidence" / evidence["sha256"][:2] / f"{evidence['sha256']}.png"
        assert stored.exists()
    assert rdvlog("verify").exit_code == 0

    shown = rdvlog("case", "show").stdout
    assert "case documents:" in shown
    assert f"1. {LABEL}" in shown
    assert "recto.png, verso.png (attached 2026-11-26)" in shown
    listed = json.loads(rdvlog("case", "show", "--json").stdout)["documents"]
    assert listed[0]["label"] == LABEL and listed[0]["files"] == ["recto.png", "verso.png"]


def test_attach_says_what_it_recorded(rdvlog: Invoke, tmp_path: Path) -> None:
    offer = tmp_path / "promesse.pdf"
    offer.write_bytes(b"%PDF-1.4\n%%EOF\n")
    result = rdvlog("case", "attach", str(offer), "--label", "Promesse d'embauche")
    assert result.exit_code == 0, result.output
    confirmation, notice = result.stderr.splitlines()
    assert confirmation == "document attached (entry 1): Promesse d'embauche, 1 file"
    assert notice.startswith("warning: creating a new store at ")  # the first write of a store


@pytest.mark.parametrize(
    ("files", "label", "error"),
    [
        (["missing.png"], LABEL, "does not exist"),
        (["empty.png"], LABEL, "is empty"),
        (["page.png", "offre.pdf"], LABEL, "is not an image"),
        (["page.png"], "", "--label: is empty"),
        (["page.png"], "a\x07b", "--label: contains a control character"),
    ],
)
def test_bad_attach_exits_2_and_leaves_the_store_unchanged(
    rdvlog: Invoke, store: Path, tmp_path: Path, files: list[str], label: str, error: str
) -> None:
    (tmp_path / "empty.png").write_bytes(b"")
    (tmp_path / "page.png").write_bytes(png(10, 10))
    (tmp_path / "offre.pdf").write_bytes(b"%PDF-1.4\n%%EOF\n")
    rdvlog("case", "set", "-d", "AES salarié")
    before = snapshot(store)
    result = rdvlog("case", "attach", *(str(tmp_path / f) for f in files), "--label", label)
    assert result.exit_code == 2
    assert result.stderr.startswith("error: ") and error in result.stderr
    assert result.stderr.count("\n") == 1
    assert snapshot(store) == before


def test_case_show_without_documents_keeps_its_shape(rdvlog: Invoke) -> None:
    rdvlog("case", "set", "-d", "AES salarié")
    assert "documents" not in json.loads(rdvlog("case", "show", "--json").stdout)
    assert "documents" not in rdvlog("case", "show").stdout
