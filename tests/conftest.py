"""Every test gets its own store, a fixed zone, no colours and a fixed terminal width."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from rdvlog.cli import app
from rdvlog.cli.context import State

from builders import Clock


@pytest.fixture(autouse=True)
def isolated(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    store = tmp_path / "store"
    monkeypatch.setenv("RDVLOG_HOME", str(store))
    monkeypatch.setenv("RDVLOG_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("RDVLOG_TZ", "Europe/Paris")
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "200")
    monkeypatch.setenv("TERM", "dumb")
    monkeypatch.setenv("RDVLOG_LOCK_TIMEOUT", "2")
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    monkeypatch.delenv("RDVLOG_SCREENSHOT_DIR", raising=False)
    # English messages unless a test asks for French (the language follows the locale).
    for name in ("RDVLOG_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
    return store


@pytest.fixture
def store(isolated: Path) -> Path:
    return isolated


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


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--all",
        action="store_true",
        help="also run the slow reliability tests (crashes, tampering, concurrency), as CI does",
    )


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """The local default leaves out the reliability tests; ``--all`` or ``-m`` brings them."""
    if config.getoption("--all") or config.getoption("-m"):
        return
    slow = [item for item in items if item.get_closest_marker("reliability")]
    if slow:
        config.hook.pytest_deselected(items=slow)
        items[:] = [item for item in items if not item.get_closest_marker("reliability")]
