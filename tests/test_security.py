"""Privacy and hostile input: a private store, names never used as paths, no network, no markup.

The store holds a foreign national's identity and immigration history: it is readable by its
owner only, whatever the umask. Text typed by the user (or copied from a web page) never
becomes a path, a table column, HTML or a spreadsheet formula.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import socket
import stat
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import pytest
from markdown_it import MarkdownIt

from rdvlog.evidence import Source, ingest, stored_path
from rdvlog.models import Evidence

from conftest import Invoke

RDVLOG = str(Path(sys.executable).parent / "rdvlog")
PNG = b"\x89PNG\r\n\x1a\n"
ADD = ("attempt", "add", "--unlisted", "-p", "Bobigny", "-d", "AES salarié")


def test_store_is_private_with_umask_000_through_every_command(store: Path, tmp_path: Path) -> None:
    shot = tmp_path / "capture.png"
    shot.write_bytes(PNG + b"screenshot" * 20)
    other = tmp_path / "notes.txt"
    other.write_text("courriel envoyé\n")

    def run(*args: str) -> None:
        done = subprocess.run(
            [RDVLOG, *args],
            capture_output=True,
            text=True,
            preexec_fn=lambda: os.umask(0),
            check=False,
        )
        assert done.returncode == 0, done.stderr

    run(*ADD, "-e", str(shot), "-e", str(other))
    run("case", "set", "--applicant", "A. B.", "--foreigner-number", "7501234567")
    run("attempt", "void", "1", "--reason", "doublon")
    with (store / "journal.jsonl").open("ab") as handle:
        handle.write(b'{"v":1,"seq":4,"ki')
    run("repair")
    run(*ADD)

    assert stat.S_IMODE(store.stat().st_mode) == 0o700
    seen = set()
    for path in store.rglob("*"):
        mode = stat.S_IMODE(path.stat().st_mode)
        relative = path.relative_to(store)
        if path.is_dir():
            assert mode == 0o700, relative
        elif relative.parts[0] == "evidence":
            assert mode == 0o400, relative
        else:
            assert mode == 0o600, relative
        seen.add(relative.parts[0])
    assert seen == {
        "journal.jsonl",
        "journal.lock",
        "case.hint",
        "attempts.hint",
        "evidence",
        "quarantine",
    }


HOSTILE_NAMES = [
    "../../x.png",
    "../../../../etc/passwd",
    "/etc/shadow",
    "a/b/c.png",
    "..\\..\\windows\\system32\\x.png",
    "capture.png/../../../x",
    "~root/.ssh/authorized_keys",
    ".",
    "..",
    "x." + "/" * 5,
    "x.PNG/..",
]


@pytest.mark.parametrize("name", HOSTILE_NAMES)
def test_a_file_name_never_chooses_where_evidence_is_stored(
    name: str, store: Path, tmp_path: Path
) -> None:
    """The stored file is named by its hash alone; the original name is only recorded."""
    source = tmp_path / "plain.bin"
    source.write_bytes(os.urandom(64))
    evidence_dir = store / "evidence"
    evidence_dir.mkdir(parents=True)
    evidence, created = ingest(Source(path=source, name=name, size=64), evidence_dir)
    assert evidence.name == name
    target = stored_path(evidence_dir, evidence)
    assert created[-1] == target
    assert target.parent.parent == evidence_dir
    assert target.name.startswith(evidence.sha256 + ".")
    assert "/" not in target.name and ".." not in target.name.removeprefix(evidence.sha256)
    everything = [p for p in tmp_path.rglob("*") if p.is_file()]
    assert sorted(everything) == sorted([source, target])


@pytest.mark.parametrize("name", HOSTILE_NAMES)
@pytest.mark.parametrize("media_type", ["../../x", "image/png/../../..", "text/plain"])
def test_a_forged_record_cannot_point_outside_the_evidence_folder(
    name: str, media_type: str, tmp_path: Path
) -> None:
    """Even a journal edited by hand only ever names a file inside ``evidence/``."""
    evidence = Evidence(sha256="ab" * 32, name=name, size=1, media_type=media_type)
    path = stored_path(tmp_path / "evidence", evidence)
    assert path.resolve().parent.parent == (tmp_path / "evidence").resolve()


def test_only_the_base_name_of_an_attached_file_is_recorded(rdvlog: Invoke, tmp_path: Path) -> None:
    """The path of the user's files (their home, their folders) stays out of the journal."""
    folder = tmp_path / "Documents" / "préfecture" / "dossier privé"
    folder.mkdir(parents=True)
    shot = folder / "capture.png"
    shot.write_bytes(PNG + b"1")
    result = rdvlog(*ADD, "--json", "-e", str(shot))
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["data"]["evidence"][0]["name"] == "capture.png"
    assert "Documents" not in result.stdout


def test_no_command_opens_a_network_connection(
    rdvlog: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    attempts: list[Any] = []

    def refuse(*args: Any, **kwargs: Any) -> Any:
        attempts.append(args)
        raise OSError("the network is off limits in this test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket.socket, "sendto", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    shot = tmp_path / "capture.png"
    shot.write_bytes(PNG + b"2")
    commands = [
        ("case", "set", "--applicant", "A. B.", "-p", "93", "-d", "AES salarié"),
        ("attempt", "add", "-e", str(shot), "--url", "https://www.seine-saint-denis.gouv.fr/"),
        (*ADD, "-c", "email", "--outcome", "sent"),
        ("attempt", "void", "2", "--reason", "doublon"),
        (
            "attempt",
            "list",
        ),
        ("attempt", "list", "--format", "csv"),
        ("attempt", "show", "2", "--json"),
        ("case", "show"),
        ("prefectures", "bobigny"),
        ("status",),
        ("verify",),
        ("repair",),
        ("report",),
        ("report", "--format", "csv"),
        ("bundle", "-o", str(tmp_path / "dossier.zip")),
        ("path",),
    ]
    for args in commands:
        result = rdvlog(*args)
        assert result.exit_code == 0, (args, result.output)
    assert attempts == []


# -- hostile text in the report ------------------------------------------------------------

HOSTILE_TEXT = [
    "| colonne | en trop |",
    "ligne 1\nligne 2\nligne 3",
    '<script>alert("x")</script><img src=x onerror=alert(1)>',
    "[cliquez ici](javascript:alert(1)) ![](http://tracker.example/p.png)",
    "**gras** _it_ `code` ~~barré~~ $x$ \\",
    '=HYPERLINK("http://evil.example","Pièce")',
    "+33 1 23 45 67 89",
    "-1+2",
    "@SUM(A1:A9)",
    "\tcellule",
    "# pas un titre",
    "> pas une citation",
    "&lt;déjà échappé&gt; &amp;",
]


@pytest.fixture
def hostile_store(rdvlog: Invoke, tmp_path: Path) -> list[str]:
    """One attempt per hostile text, in the note, the message and the reference."""
    for number, text in enumerate(HOSTILE_TEXT):
        shot = tmp_path / f"pièce {number} | <b>.png"
        shot.write_bytes(PNG + bytes([number]))
        at = f"2026-11-{number + 1:02d} 09:00"
        args = [*ADD, "--at", at, "-n", text, "-m", text, "-e", str(shot)]
        if "\n" not in text and "\t" not in text:
            args += ["--reference", text]
        result = rdvlog(*args)
        assert result.exit_code == 0, (text, result.output)
    return HOSTILE_TEXT


def test_hostile_text_in_the_markdown_report_stays_text_in_its_cell(
    rdvlog: Invoke, hostile_store: list[str]
) -> None:
    result = rdvlog("report", "--lang", "en")
    assert result.exit_code == 0, result.output
    tokens = MarkdownIt("commonmark").enable("table").parse(result.stdout)
    children = [child for token in tokens for child in token.children or []]
    kinds = {token.type for token in tokens} | {child.type for child in children}
    assert not kinds & {"html_inline", "html_block", "link_open", "image"}
    for child in children:  # the report's own code spans hold hashes, nothing typed
        if child.type == "code_inline":
            assert re.fullmatch(r"[0-9a-f]{64}", child.content), child.content
    # every row of every table has as many cells as its header
    widths: list[int] = []
    cells = 0
    for token in tokens:
        if token.type == "tr_open":
            cells = 0
        elif token.type in ("th_open", "td_open"):
            cells += 1
        elif token.type == "tr_close":
            widths.append(cells)
        elif token.type == "table_close":
            assert len(set(widths)) == 1, widths
            widths = []
    text = " ".join(
        child.content for token in tokens for child in token.children or [] if child.type == "text"
    )
    for hostile in hostile_store:
        flat = " ".join(hostile.split())
        assert flat in " ".join(text.split()), hostile


@pytest.mark.parametrize("excel", [False, True])
def test_no_report_spreadsheet_cell_is_a_formula(
    rdvlog: Invoke, hostile_store: list[str], excel: bool
) -> None:
    args = ["report", "--format", "csv", "--lang", "en"] + (["--excel"] if excel else [])
    result = rdvlog(*args)
    assert result.exit_code == 0, result.output
    text = result.stdout.removeprefix("\ufeff")
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=";" if excel else ","))
    assert len(rows) == len(hostile_store) + 1
    assert len({len(row) for row in rows}) == 1
    for row in rows:
        for cell in row:
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), cell
    notes = {cell.removeprefix("'") for row in rows for cell in row}
    for hostile in hostile_store:
        assert hostile in notes, hostile


def test_bundle_member_names_stay_inside_the_zip(
    rdvlog: Invoke, hostile_store: list[str], tmp_path: Path
) -> None:
    out = tmp_path / "dossier.zip"
    result = rdvlog("bundle", "-o", str(out))
    assert result.exit_code == 0, result.output
    with zipfile.ZipFile(out) as archive:
        names = archive.namelist()
        assert archive.testzip() is None
    for name in names:
        parts = Path(name).parts
        assert not name.startswith("/") and ".." not in parts and "\\" not in name, name
        assert not any(ord(char) < 32 for char in name), name
    assert sum(name.startswith("pieces/") for name in names) == len(hostile_store)
