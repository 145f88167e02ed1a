"""``attempt add --latest-screenshot`` with a fake screenshot folder."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest

from builders import NOW, snapshot
from conftest import Invoke

PNG = b"\x89PNG\r\n\x1a\n" + b"\x01" * 40


@pytest.fixture
def shots(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "Screenshots"
    folder.mkdir()
    monkeypatch.setenv("RDVLOG_SCREENSHOT_DIR", str(folder))
    return folder


def shot(folder: Path, name: str, minutes_before_now: float, content: bytes = PNG) -> Path:
    path = folder / name
    path.write_bytes(content)
    moment = NOW.timestamp() - minutes_before_now * 60
    os.utime(path, (moment, moment))
    return path


def add(rdvlog: Invoke, *extra: str):  # type: ignore[no-untyped-def]
    return rdvlog(
        "attempt", "add", "--unlisted", "-p", "X", "-d", "AES", "--latest-screenshot", *extra
    )


def test_attaches_the_newest_image(rdvlog: Invoke, shots: Path) -> None:
    shot(shots, "Capture 07h50.png", 10)
    shot(shots, "Capture 07h58.png", 2, PNG + b"newer")
    shot(shots, "notes.txt", 0, b"not an image")
    result = add(rdvlog, "--json")
    assert result.exit_code == 0, result.output
    evidence = json.loads(result.stdout)["data"]["evidence"]
    assert [e["name"] for e in evidence] == ["Capture 07h58.png"]


def test_refuses_a_stale_screenshot(rdvlog: Invoke, shots: Path, store: Path) -> None:
    shot(shots, "old.png", 16)
    result = add(rdvlog)
    assert result.exit_code == 2
    assert "16 minutes before the attempt" in result.stderr
    assert not store.exists()


def test_an_earlier_at_accepts_an_older_screenshot(rdvlog: Invoke, shots: Path) -> None:
    shot(shots, "old.png", 60)
    result = add(rdvlog, "--at", "09:05", "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["data"]["evidence"][0]["name"] == "old.png"


def test_empty_folder_and_non_images_are_refused(rdvlog: Invoke, shots: Path, store: Path) -> None:
    empty = add(rdvlog)
    assert empty.exit_code == 2 and "no screenshot found" in empty.stderr
    shot(shots, "fake.png", 1, b"this is text, not a PNG")
    shot(shots, "page.html", 1, b"<html></html>")
    fake = add(rdvlog)
    assert fake.exit_code == 2 and "no screenshot found" in fake.stderr
    assert not store.exists()


def test_combines_with_explicit_evidence(rdvlog: Invoke, shots: Path, tmp_path: Path) -> None:
    shot(shots, "screen.png", 1)
    letter = tmp_path / "lrar.pdf"
    letter.write_bytes(b"%PDF-1.7\n...")
    result = add(rdvlog, "-e", str(letter), "--json")
    names = [e["name"] for e in json.loads(result.stdout)["data"]["evidence"]]
    assert names == ["lrar.pdf", "screen.png"]


def test_missing_folder_is_a_clear_error(
    rdvlog: Invoke, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, store: Path
) -> None:
    monkeypatch.setenv("RDVLOG_SCREENSHOT_DIR", str(tmp_path / "nowhere"))
    before = snapshot(store)
    result = add(rdvlog)
    assert result.exit_code == 2 and str(tmp_path / "nowhere") in result.stderr
    assert snapshot(store) == before


@pytest.fixture
def fake_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A home folder with no real desktop behind it, and an XDG pictures folder of its own."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.delenv("RDVLOG_SCREENSHOT_DIR", raising=False)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setattr(Path, "home", classmethod(lambda cls: home))
    monkeypatch.setattr("platformdirs.user_pictures_dir", lambda: str(home / "Photos"))
    return home


def test_french_desktop_folders_are_searched(fake_home: Path) -> None:
    from rdvlog.screenshots import screenshot_dirs

    found = screenshot_dirs()
    for folder in (
        fake_home / "Images" / "Captures d'écran",
        fake_home / "Images" / "Captures d\u2019écran",
        fake_home / "Images",
        fake_home / "Pictures" / "Screenshots",
        fake_home / "Photos",
        fake_home / "Photos" / "Captures d'écran",
        fake_home / "Photos" / "Capture d'écran",
        fake_home / "Photos" / "Screenshots",
    ):
        assert folder in found, folder
    assert len(found) == len(set(found))


def test_the_mac_desktop_is_searched_under_either_name(
    fake_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from rdvlog.screenshots import screenshot_dirs

    assert fake_home / "Bureau" not in screenshot_dirs() or sys.platform == "darwin"
    monkeypatch.setattr(sys, "platform", "darwin")
    assert {fake_home / "Desktop", fake_home / "Bureau"} <= set(screenshot_dirs())


def test_the_configured_folder_overrides_every_usual_place(
    fake_home: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from rdvlog.screenshots import screenshot_dirs

    monkeypatch.setenv("RDVLOG_SCREENSHOT_DIR", str(tmp_path / "mine"))
    assert screenshot_dirs() == [tmp_path / "mine"]


def test_a_screenshot_in_the_french_gnome_folder_is_attached(
    rdvlog: Invoke, fake_home: Path
) -> None:
    folder = fake_home / "Images" / "Captures d’écran"
    folder.mkdir(parents=True)
    shot(fake_home / "Images", "older.png", 5)
    shot(folder, "Capture d’écran du 2026-11-26 09-58-00.png", 2, PNG + b"newest")
    result = add(rdvlog, "--json")
    assert result.exit_code == 0, result.output
    evidence = json.loads(result.stdout)["data"]["evidence"]
    assert [e["name"] for e in evidence] == ["Capture d’écran du 2026-11-26 09-58-00.png"]
