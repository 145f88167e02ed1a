"""Where the store is, what time it is, and in which zone: what every service call needs."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from rdvlog.journal import Journal
from rdvlog.timestamps import Clock, system_clock
from rdvlog.when import system_zone


class Session:
    """One person's store, the clock, and the time zone (``RDVLOG_TZ`` or the system's,
    looked up when first needed)."""

    # A plain class, not a dataclass: it is created on every run of ``attempt add``, and a
    # dataclass costs about 1 % of the start-up budget to define (docs/DEVELOPERS.md).
    def __init__(
        self, root: Path, clock: Clock = system_clock, zone: dt.tzinfo | None = None
    ) -> None:
        self.root = root
        self.clock = clock
        self._zone = zone

    def __repr__(self) -> str:
        return f"Session({self.root!r})"

    @property
    def zone(self) -> dt.tzinfo:
        if self._zone is None:
            self._zone = system_zone()
        return self._zone

    def now(self) -> dt.datetime:
        return self.clock().astimezone(self.zone)

    def journal(self) -> Journal:
        return Journal(self.root, clock=self.clock)
