"""Small constructors for test data (plain functions, no fixtures)."""

from __future__ import annotations

import datetime as dt
from typing import Any
from zoneinfo import ZoneInfo

from rdvlog.models import Attempt, Place

PARIS = ZoneInfo("Europe/Paris")
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
