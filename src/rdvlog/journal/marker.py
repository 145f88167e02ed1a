"""The verified-prefix marker: how much of a journal a full check last found intact.

``rdvlog verify`` walks every line; on a journal of 100,000 attempts that is most of its
time, and the next run would do it all again for one new line. After a full check finds the
journal intact, a marker records the length of the bytes checked, their SHA-256, the number
of lines, the head hash and the evidence files those lines name. The next check whose
journal starts with exactly those bytes (same length, same SHA-256) checks only the lines
after them — and every evidence file, the prefix's included, is still hashed again.

The marker lives **outside the store**, in the user cache directory
(``platformdirs.user_cache_dir("rdvlog")/verified``, or ``RDVLOG_CACHE_DIR``), one file per
store named by the SHA-256 of the store's real path: nothing in the store depends on it,
deleting it only makes the next check a full one. It is best-effort: a missing, unreadable,
malformed or non-matching marker, a changed prefix or a read-only store means a full check,
and ``rdvlog verify --full`` ignores it. A marker is only a speed-up for this user on this
machine: anyone who can write the cache directory can make a later check skip the prefix,
which is why ``--full`` exists and why the marker also holds the head hash it vouches for.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rdvlog import __version__
from rdvlog.journal.codec import recorded_times
from rdvlog.models import Evidence
from rdvlog.timestamps import parse_utc_stamp, utc_stamp

#: Bumped when what a marker means changes: an older marker is then ignored.
MARKER_VERSION = 1
CACHE_ENV = "RDVLOG_CACHE_DIR"
#: Journals smaller than this are always checked in full (the marker would not pay).
MIN_PREFIX = 1 << 20
#: A prefix whose clock went back more often than this keeps no list of the times (its
#: marker must stay small): ``verify`` then searches the whole journal for them.
MAX_BACKWARDS = 4096

#: (line, its ``recorded_at``, the previous line's): where the clock went back.
Backwards = tuple[tuple[int, dt.datetime, dt.datetime], ...]


@dataclass(frozen=True)
class Clock:
    """The ``recorded_at`` stamps of a journal's lines, as ``verify`` reports them: every
    place where one is earlier than the one before (:func:`rdvlog.journal.codec
    .recorded_times`), and the last one, from which the next lines continue."""

    last: dt.datetime | None
    backwards: Backwards


def clock_of(data: bytes, prefix: Prefix | None = None) -> Clock:
    """The :class:`Clock` of the snapshot ``data``: only the lines after ``prefix`` are
    searched when it holds its own (the same result as searching every line). A stamp
    without an offset is no ``recorded_at`` (it cannot be compared with one): skipped."""
    start, number, last, found = 0, 0, None, []
    if prefix is not None and prefix.clock is not None:
        start, number = prefix.length, prefix.lines
        last, found = prefix.clock.last, list(prefix.clock.backwards)
    for line, moment in recorded_times(data, start, number):
        if moment.tzinfo is None:
            continue  # not a ``recorded_at`` (a damaged line): no time to compare it with
        if last is not None and moment < last:
            found.append((line, moment, last))
        last = moment
    return Clock(last, tuple(found))


@dataclass(frozen=True)
class Prefix:
    """The first ``length`` bytes of a journal (``lines`` whole lines), found intact."""

    length: int
    lines: int
    head: str
    #: (line number, evidence) for every evidence file the prefix names.
    evidence: tuple[tuple[int, Evidence], ...]
    #: The SHA-256 of these bytes as :func:`load` computed it, still open: :func:`save`
    #: continues it over the new lines instead of hashing the whole journal again.
    digest: Any = field(default=None, compare=False, repr=False)
    #: The prefix's :class:`Clock`, when its marker holds it.
    clock: Clock | None = field(default=None, compare=False)


def cache_dir() -> Path:
    configured = os.environ.get(CACHE_ENV)
    if configured:
        return Path(configured).expanduser()
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("rdvlog", appauthor=False))


def marker_path(root: Path) -> Path:
    real = os.path.realpath(root)
    return cache_dir() / "verified" / f"{hashlib.sha256(real.encode()).hexdigest()}.json"


def usable(root: Path) -> bool:
    """Whether a marker may be used for this store: a read-only store is checked in full."""
    return os.access(root, os.W_OK)


def load(root: Path, data: bytes) -> Prefix | None:
    """The verified prefix ``data`` starts with, or ``None`` (then check everything)."""
    if len(data) < MIN_PREFIX or not usable(root):
        return None
    try:
        with marker_path(root).open("rb") as handle:
            raw = handle.read(1 << 20)
        found = json.loads(raw)
        if (
            found.get("version") != MARKER_VERSION
            or found.get("rdvlog") != __version__  # another rdvlog may check differently
            or found.get("store") != os.path.realpath(root)
        ):
            return None
        length, lines, head = int(found["length"]), int(found["lines"]), str(found["head"])
        if not 0 < length <= len(data) or data[length - 1 : length] != b"\n":
            return None
        digest = hashlib.sha256(memoryview(data)[:length])
        if digest.hexdigest() != found["sha256"]:
            return None
        evidence = tuple(
            (int(line), Evidence.model_validate(item)) for line, item in found["evidence"]
        )
        clock = _clock(found.get("clock"))
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        return None  # pydantic's ValidationError is a ValueError
    return Prefix(length, lines, head, evidence, digest, clock)


def _clock(found: Any) -> Clock | None:
    """A marker's clock (``None``: it has none); a malformed one raises."""
    if found is None:
        return None
    last = found["last"]
    return Clock(
        None if last is None else parse_utc_stamp(str(last)),
        tuple(
            (int(line), parse_utc_stamp(str(moment)), parse_utc_stamp(str(previous)))
            for line, moment, previous in found["backwards"]
        ),
    )


def save(root: Path, data: bytes, prefix: Prefix, since: Prefix | None = None) -> None:
    """Record that the first ``prefix.length`` bytes of ``data`` are intact; errors ignored.

    ``since`` is the shorter prefix :func:`load` found in the same ``data``: its digest is
    continued, not computed again from the start.
    """
    if prefix.length < MIN_PREFIX or not usable(root):
        return
    view = memoryview(data)
    if since is not None and since.digest is not None and since.length <= prefix.length:
        digest = since.digest.copy()
        digest.update(view[since.length : prefix.length])
    else:
        digest = hashlib.sha256(view[: prefix.length])
    content: dict[str, Any] = {
        "version": MARKER_VERSION,
        "rdvlog": __version__,
        "store": os.path.realpath(root),
        "length": prefix.length,
        "lines": prefix.lines,
        "sha256": digest.hexdigest(),
        "head": prefix.head,
        "evidence": [[line, item.model_dump(mode="json")] for line, item in prefix.evidence],
    }
    clock = prefix.clock
    if clock is not None and len(clock.backwards) <= MAX_BACKWARDS:
        content["clock"] = {
            "last": None if clock.last is None else utc_stamp(clock.last),
            "backwards": [
                [line, utc_stamp(moment), utc_stamp(previous)]
                for line, moment, previous in clock.backwards
            ],
        }
    path = marker_path(root)
    with contextlib.suppress(OSError):
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd, temp = tempfile.mkstemp(dir=path.parent, prefix=".marker-")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as out:
                json.dump(content, out)
            os.replace(temp, path)
        except OSError:
            with contextlib.suppress(OSError):
                os.unlink(temp)
