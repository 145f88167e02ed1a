"""The installed ``rdvlog`` executable driven the way a shell script drives it."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

RDVLOG = shutil.which("rdvlog", path=str(Path(sys.executable).parent)) or shutil.which("rdvlog")
pytestmark = pytest.mark.skipif(RDVLOG is None, reason="rdvlog is not installed")


def run(*args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    assert RDVLOG is not None
    result = subprocess.run(
        [RDVLOG, *args], capture_output=True, text=True, encoding="utf-8", stdin=subprocess.DEVNULL
    )
    if check:
        assert result.returncode == 0, result.stderr
    return result


def test_add_list_verify_like_a_shell_script(store: Path, tmp_path: Path) -> None:
    shot = tmp_path / "capture.png"
    shot.write_bytes(b"\x89PNG\r\n\x1a\n" + os.urandom(256))
    run(
        "attempt", "add", "-p", "93", "-d", "AES salarié", "--at", "yesterday 07:58",
        "-m", "Il n'existe plus de plage horaire libre pour votre demande de rendez-vous.",
        "-e", str(shot),
    )  # fmt: skip
    added = json.loads(run("attempt", "add", "-p", "93", "-d", "AES salarié", "--json").stdout)
    assert added["seq"] == 2

    listed = json.loads(run("attempt", "list", "--format", "json").stdout)
    assert [a["seq"] for a in listed] == [1, 2]
    assert listed[0]["place"]["label"] == "Préfecture de la Seine-Saint-Denis"
    assert listed[0]["evidence"][0]["name"] == "capture.png"

    verified = json.loads(run("verify", "--json").stdout)
    assert verified["ok"] is True
    assert verified["entries"] == 2
    assert verified["head_hash"] == added["hash"]
    assert run("path").stdout.strip() == str(store)


def test_errors_are_one_line_with_documented_exit_codes(store: Path) -> None:
    bad_date = run("attempt", "add", "-p", "93", "-d", "AES", "--at", "31/02/2026 8h", check=False)
    assert bad_date.returncode == 2
    assert bad_date.stderr.startswith("error: --at") and bad_date.stderr.count("\n") == 1
    assert bad_date.stdout == ""

    run("attempt", "add", "-p", "93", "-d", "AES")
    with (store / "journal.jsonl").open("ab") as journal:
        journal.write(b'{"v":1,"seq":2,')
    torn = run("attempt", "list", check=False)
    assert torn.returncode == 1
    assert "rdvlog repair" in torn.stderr and "Traceback" not in torn.stderr
    assert run("verify", check=False).returncode == 1
    assert "moved 15 bytes" in run("repair").stderr
    assert run("verify").returncode == 0


def test_python_dash_m_and_version() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "rdvlog", "--version"], capture_output=True, text=True
    )
    assert result.returncode == 0
    assert result.stdout.startswith("rdvlog ")
    assert run("--version").stdout == result.stdout


def test_nothing_is_read_from_stdin_when_not_a_terminal(store: Path) -> None:
    assert RDVLOG is not None
    result = subprocess.run(
        [RDVLOG, "attempt", "add", "-p", "93", "-d", "AES"],
        input="y\n",
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0
