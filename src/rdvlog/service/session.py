"""Where the store is, what time it is, and in which zone: what every service call needs."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from rdvlog.journal import Journal
from rdvlog.timestamps import Clock, system_clock
from rdvlog.when import system_zone


@dataclass
class Session:
    """One person's store, the clock, and the time zone (``RDVLOG_TZ`` or the system's)."""

    root: Path
    clock: Clock = system_clock
    _zone: dt.tzinfo | None = field(default=None, repr=False)

    @property
    def zone(self) -> dt.tzinfo:
        if self._zone is None:
            self._zone = system_zone()
        return self._zone

    def now(self) -> dt.datetime:
        return self.clock().astimezone(self.zone)

    def journal(self) -> Journal:
        return Journal(self.root, clock=self.clock)
