"""Small constructors for test data (plain functions, no fixtures)."""

from __future__ import annotations

import datetime as dt
import hashlib
import stat
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from rdvlog.models import Attempt, Place

PARIS = ZoneInfo("Europe/Paris")
#: The injected "now" of every CLI test: Thursday 26 November 2026, 10:00 in Paris.
NOW = dt.datetime(2026, 11, 26, 10, 0, tzinfo=PARIS)
BOBIGNY = Place(
    label="Préfecture de la Seine-Saint-Denis",
    kind="prefecture",
    department="93",
    office="Bobigny",
)


def attempt(at: dt.datetime | None = None, **fields: Any) -> Attempt:
    values: dict[str, Any] = {
        "at": at or dt.datetime(2026, 11, 20, 8, 30, tzinfo=PARIS),
        "place": BOBIGNY,
        "procedure": "AES salarié",
        "message": "Il n'existe plus de plage horaire libre pour votre demande de rendez-vous.",
    }
    values.update(fields)
    return Attempt(**values)


class Clock:
    """A clock tests move by hand; it never reads the system time."""

    def __init__(self, start: dt.datetime = NOW) -> None:
        self.now = start

    def __call__(self) -> dt.datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += dt.timedelta(**delta)


def snapshot(root: Path) -> dict[str, str]:
    """Every path under ``root`` (and ``root`` itself) with its permission bits, and for a
    file the SHA-256 of its bytes: "unchanged" means byte for byte and mode for mode."""
    if not root.exists():
        return {}
    result: dict[str, str] = {".": f"dir {stat.S_IMODE(root.lstat().st_mode):04o}"}
    for path in sorted(root.rglob("*")):
        key = str(path.relative_to(root))
        info = path.lstat()
        mode = f"{stat.S_IMODE(info.st_mode):04o}"
        if stat.S_ISLNK(info.st_mode):
            result[key] = f"link {path.readlink()}"
        elif stat.S_ISDIR(info.st_mode):
            result[key] = f"dir {mode}"
        else:
            result[key] = f"{hashlib.sha256(path.read_bytes()).hexdigest()} {mode}"
    return result
