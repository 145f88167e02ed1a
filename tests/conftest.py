"""Every test gets its own store, a fixed zone, no colours and a fixed terminal width."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from typer.testing import CliRunner, Result

from rdvlog.cli import app
from rdvlog.cli.context import State

PARIS = ZoneInfo("Europe/Paris")
#: The injected "now" of every CLI test: Thursday 26 November 2026, 10:00 in Paris.
NOW = dt.datetime(2026, 11, 26, 10, 0, tzinfo=PARIS)


@pytest.fixture(autouse=True)
def isolated(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    store = tmp_path / "store"
    monkeypatch.setenv("RDVLOG_HOME", str(store))
    monkeypatch.setenv("RDVLOG_TZ", "Europe/Paris")
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "200")
    monkeypatch.setenv("TERM", "dumb")
    monkeypatch.setenv("RDVLOG_LOCK_TIMEOUT", "2")
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    monkeypatch.delenv("RDVLOG_SCREENSHOT_DIR", raising=False)
    return store


@pytest.fixture
def store(isolated: Path) -> Path:
    return isolated


class Clock:
    """A clock tests move by hand; it never reads the system time."""

    def __init__(self, start: dt.datetime = NOW) -> None:
        self.now = start

    def __call__(self) -> dt.datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += dt.timedelta(**delta)


@pytest.fixture
def clock() -> Clock:
    return Clock()


Invoke = Callable[..., Result]


@pytest.fixture
def rdvlog(clock: Clock) -> Invoke:
    """Run the CLI in-process with the test clock: ``rdvlog("attempt", "list")``."""
    runner = CliRunner()

    def invoke(*args: str, input: str | None = None) -> Result:
        return runner.invoke(app, list(args), obj=State(clock=clock), input=input)

    return invoke


def snapshot(root: Path) -> dict[str, str]:
    """Every file under ``root`` with the SHA-256 of its bytes (and every directory)."""
    if not root.exists():
        return {}
    result: dict[str, str] = {}
    for path in sorted(root.rglob("*")):
        key = str(path.relative_to(root))
        result[key] = "dir" if path.is_dir() else hashlib.sha256(path.read_bytes()).hexdigest()
    return result
