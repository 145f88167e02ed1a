"""Settings read from the environment: one function a variable, each refusing bad values cleanly.

A bad value is the user's (or their script's) mistake: one ``error:`` line and exit 2, never an
internal error and never a setting that silently means "wait forever" (issue #11, item 12).
"""

from __future__ import annotations

import math
import os

from rdvlog.errors import UsageError

DEFAULT_LOCK_TIMEOUT = 10.0
#: A day: more than any writer should ever wait for another; beyond it the value is a typo.
MAX_LOCK_TIMEOUT = 86_400.0
#: 9999-12-30T00:00:00Z: late enough for any real use, early enough that the date stays in
#: the year 9999 in every time zone (Python's dates end there).
MAX_SOURCE_DATE_EPOCH = 253_402_128_000


def lock_timeout() -> float:
    """``RDVLOG_LOCK_TIMEOUT`` in seconds (default 10): a finite number from 0 to a day."""
    raw = os.environ.get("RDVLOG_LOCK_TIMEOUT")
    if raw is None or not raw.strip():
        return DEFAULT_LOCK_TIMEOUT
    try:
        # ASCII digits only: float() would take "١٠" or "1_0", which no one means here.
        value = float(raw) if raw.strip().isascii() else math.nan
    except ValueError:
        value = math.nan
    if not math.isfinite(value) or not 0 <= value <= MAX_LOCK_TIMEOUT:
        raise UsageError(
            key="error.setting.lock_timeout", raw=repr(raw), limit=f"{MAX_LOCK_TIMEOUT:.0f}"
        )
    return value


def source_date_epoch() -> int | None:
    """``SOURCE_DATE_EPOCH`` (reproducible builds): whole seconds since 1970, up to 9999."""
    raw = os.environ.get("SOURCE_DATE_EPOCH")
    if raw is None or not raw.strip():
        return None
    text = raw.strip()
    # str.isdigit() accepts "²" and other digits int() refuses; only ASCII digits are meant.
    if not (text.isascii() and text.isdigit()) or int(text) > MAX_SOURCE_DATE_EPOCH:
        raise UsageError(key="error.setting.source_date_epoch", raw=repr(raw))
    return int(text)
