"""Recording an attempt (case defaults, screenshots, evidence) and voiding one."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple, TypeVar

from pydantic import BaseModel, ValidationError

from rdvlog.codes import Channel, Outcome, spoken
from rdvlog.errors import InEachLanguage, NotFound, UsageError
from rdvlog.journal import Journal, counter
from rdvlog.journal.codec import encode_line
from rdvlog.labels.problems import refused
from rdvlog.models import Attempt, Entry, Place, Void

if TYPE_CHECKING:
    from rdvlog.evidence import Source

M = TypeVar("M", bound=BaseModel)

# Which option the user typed for each model field, so that validation errors name it.
OPTION_NAMES = {
    "at": "--at",
    "place": "-p",
    "procedure": "-d",
    "message": "-m",
    "url": "--url",
    "reference": "--reference",
    "note": "-n",
    "reason": "--reason",
    "applicant": "--applicant",
    "foreigner_number": "--foreigner-number",
    "permit_expires": "--permit-expires",
    "label": "-p",
}


def validated(model: type[M], **fields: Any) -> M:
    """Build a payload model from options, turning a validation error into a usage error."""
    try:
        return model(**fields)
    except ValidationError as exc:
        error = exc.errors()[0]
        field_name = next((str(part) for part in error["loc"] if str(part) in OPTION_NAMES), "")
        option = OPTION_NAMES.get(field_name, field_name or "value")
        raise UsageError(key="error.invalid_field", option=option, detail=refused(error)) from None


def unix_newlines(text: str | None) -> str | None:
    """Text pasted from a Windows program, with its CR LF line ends made plain newlines."""
    return text.replace("\r\n", "\n") if text is not None else None


# NamedTuples, not dataclasses: each dataclass costs about 1 % of attempt add's start-up
# budget to define (docs/DEVELOPERS.md, "Start-up").
class AttemptRequest(NamedTuple):
    """What the person says about one attempt; ``place``/``procedure`` default to the case's."""

    at: dt.datetime
    place: Place | None = None
    procedure: str | None = None
    channel: Channel = Channel.WEB
    outcome: Outcome = Outcome.NO_SLOT
    message: str | None = None
    url: str | None = None
    reference: str | None = None
    note: str | None = None
    files: tuple[Path, ...] = ()
    latest_screenshot: bool = False
    #: The attempt number of the written step a ``delivered``/``answered`` entry follows up.
    about: int | None = None


class Reuse(NamedTuple):
    """A file just attached that an attempt of another day already carries."""

    name: str
    number: int
    day: str


class Added(NamedTuple):
    """What ``attempt add`` recorded: the entry, its attempt number, and any reused file."""

    entry: Entry
    number: int
    reused: tuple[Reuse, ...] = ()


def record_attempt(journal: Journal, request: AttemptRequest) -> Entry:
    """Check everything (defaults, fields, files) before the store is touched, then append."""
    return add_attempt(journal, request).entry


def add_attempt(journal: Journal, request: AttemptRequest) -> Added:
    """Record an attempt as :func:`record_attempt` does, and number it.

    The number is one more than the attempt entries already in the journal, counted under the
    lock from ``attempts.hint`` and the few lines after it, so that adding stays O(1) in the
    journal's size (DESIGN.md §6); only ``--about`` and attached files make it read more.
    """
    place, procedure = _place_and_procedure(journal, request)
    about = _written_step(journal, request) if request.about is not None else None
    attempt = validated(
        Attempt,
        at=request.at,
        place=place,
        procedure=procedure,
        channel=request.channel,
        outcome=request.outcome,
        message=unix_newlines(request.message),
        url=request.url,
        reference=request.reference,
        note=unix_newlines(request.note),
        about=about,
    )
    sources = _sources(journal, request)
    hint = counter.hint_path(journal.root)
    before: list[counter.Tally] = []

    def numbered() -> Attempt:
        # Under the lock: nothing can be appended between this count and the entry, so the
        # tally (attempts, latest case entry) is true of the journal up to the new line.
        before.append(counter.tally(journal.path, hint))
        return attempt

    entry = journal.update(numbered, sources)
    assert entry is not None
    (known,) = before
    offset, number = known.size, known.attempts + 1
    line = encode_line(entry.model_dump(mode="json"))
    counter.remember(
        hint,
        offset=offset,
        length=len(line),
        seq=entry.seq,
        digest=entry.hash,
        attempts=number,
        case=known.case,
        case_known=known.case_known,
    )
    reused = _reused_files(journal, entry, offset) if sources else ()
    return Added(entry, number, reused)


def _place_and_procedure(journal: Journal, request: AttemptRequest) -> tuple[Place, str]:
    """The request's place and procedure, each defaulting to the latest case's."""
    place, procedure = request.place, request.procedure
    if place is None or procedure is None:
        case = journal.latest_case()
        place = place or (case.place if case else None)
        procedure = procedure or (case.procedure if case else None)
    if place is None:
        raise UsageError(key="error.attempt.no_place")
    if procedure is None:
        raise UsageError(key="error.attempt.no_procedure")
    return place, procedure


def _sources(journal: Journal, request: AttemptRequest) -> list[Source]:
    """The files to attach, the latest screenshot included, each checked before the lock."""
    files = list(request.files)
    if request.latest_screenshot:
        from rdvlog.screenshots import latest_screenshot, screenshot_dirs

        files.append(latest_screenshot(screenshot_dirs(), attempt_at=request.at))
    sources: list[Source] = []
    if files:
        # Imported here: an attempt without files needs none of the copying machinery, and
        # `attempt add` pays for every module it loads (DESIGN.md §6, tests/test_startup.py).
        from rdvlog.evidence import check_source

        sources = [check_source(path, store=journal.root) for path in files]
    return sources


def _written_step(journal: Journal, request: AttemptRequest) -> int:
    """The journal number of the written step ``--about`` names; refused unless the entry is
    a ``delivered``/``answered`` follow-up and the step an email, letter or form sent."""
    from rdvlog.facts import FOLLOW_UPS, WRITTEN_CHANNELS

    number = request.about
    assert number is not None
    if request.outcome not in FOLLOW_UPS:
        raise UsageError(key="cli.about.outcome", n=number, outcome=_spoken(request.outcome))
    from rdvlog.history import fold  # only for a follow-up: attempt add never loads it

    step = fold(journal.records()).numbered(number)
    if step is None:
        raise NotFound(key="cli.about.missing", n=number)
    written = step.attempt.channel in WRITTEN_CHANNELS and step.attempt.outcome is Outcome.SENT
    if not written:
        raise UsageError(
            key="cli.about.not_written",
            n=number,
            channel=_spoken(step.attempt.channel),
            outcome=_spoken(step.attempt.outcome),
        )
    if step.voided:
        raise UsageError(key="cli.about.void", n=number, reason=step.void_reason)
    return step.seq


def _spoken(code: Channel | Outcome) -> InEachLanguage:
    """A code as a person types it: ``no-slot`` / ``pas-de-créneau``."""
    return InEachLanguage(fr=spoken(code, "fr"), en=spoken(code, "en"))


_VOID_LINE = b',"kind":"void","recorded_at":'


def _reused_files(journal: Journal, entry: Entry, end: int) -> tuple[Reuse, ...]:
    """Files of ``entry`` that an attempt of another day (not voided) already carries.

    Only run when files are attached; it searches the journal's bytes before ``end`` (where
    ``entry`` was written) for each file's hash rather than reading every entry.
    """
    data = journal.read_bytes()[:end]
    day = str(entry.data["at"])[:10]
    voided = _void_targets(data)
    found: list[Reuse] = []
    for item in entry.data.get("evidence", []):
        if not str(item["media_type"]).startswith("image/"):
            continue  # a PDF (a receipt, a letter) is rightly attached to several steps
        needle = f'"sha256":"{item["sha256"]}"'.encode()
        position = data.find(needle)
        while position >= 0:
            start = data.rfind(b"\n", 0, position) + 1
            stop = data.find(b"\n", position)
            stop = len(data) if stop < 0 else stop
            line = data[start:stop]
            if counter.ATTEMPT_LINE in line:
                other = json.loads(line)
                other_day = str(other["data"]["at"])[:10]
                if other_day != day and other["seq"] not in voided:
                    number = data.count(counter.ATTEMPT_LINE, 0, start) + 1
                    found.append(Reuse(item["name"], number, other_day))
                    break
            position = data.find(needle, stop)
    return tuple(found)


def _void_targets(data: bytes) -> set[int]:
    targets = set()
    position = data.find(_VOID_LINE)
    while position >= 0:
        start = data.rfind(b"\n", 0, position) + 1
        stop = data.find(b"\n", position)
        stop = len(data) if stop < 0 else stop
        targets.add(int(json.loads(data[start:stop])["data"]["target"]))
        position = data.find(_VOID_LINE, stop)
    return targets


def void_attempt(journal: Journal, number: int, reason: str) -> Entry:
    """Withdraw attempt ``number`` (its attempt number) with a reason; refused when there is
    no such attempt or it is already void. The entry stores the attempt's journal number.

    Checked once before the store is touched, and again under the lock: two processes voiding
    one attempt cannot both succeed.
    """
    validated(Void, target=1, reason=reason)

    def checked() -> Void:
        from rdvlog.history import fold

        record = fold(journal.records()).numbered(number)
        if record is None:
            raise NotFound(key="error.attempt.none", seq=number)
        if record.voided:
            raise UsageError(
                key="error.attempt.already_void", seq=number, reason=record.void_reason
            )
        return validated(Void, target=record.seq, reason=reason)

    checked()
    entry = journal.update(checked)
    assert entry is not None
    return entry
