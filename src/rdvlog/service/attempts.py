"""Recording an attempt (case defaults, screenshots, evidence) and voiding one."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from rdvlog.codes import Channel, Outcome
from rdvlog.errors import NotFound, UsageError
from rdvlog.history import fold
from rdvlog.journal import Journal
from rdvlog.models import Attempt, Entry, Place, Void

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
        message = str(error["msg"]).removeprefix("Value error, ")
        raise UsageError(key="error.invalid_field", option=option, detail=message) from None


def unix_newlines(text: str | None) -> str | None:
    """Text pasted from a Windows program, with its CR LF line ends made plain newlines."""
    return text.replace("\r\n", "\n") if text is not None else None


@dataclass(frozen=True)
class AttemptRequest:
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


def record_attempt(journal: Journal, request: AttemptRequest) -> Entry:
    """Check everything (defaults, fields, files) before the store is touched, then append."""
    place, procedure = request.place, request.procedure
    if place is None or procedure is None:
        case = journal.latest_case()
        place = place or (case.place if case else None)
        procedure = procedure or (case.procedure if case else None)
    if place is None:
        raise UsageError(key="error.attempt.no_place")
    if procedure is None:
        raise UsageError(key="error.attempt.no_procedure")
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
    )
    files = list(request.files)
    if request.latest_screenshot:
        from rdvlog.screenshots import latest_screenshot, screenshot_dirs

        files.append(latest_screenshot(screenshot_dirs(), attempt_at=request.at))
    if not files:
        return journal.append(attempt)
    # Imported here: an attempt without files needs none of the copying machinery, and
    # `attempt add` pays for every module it loads (DESIGN.md §6, tests/test_startup.py).
    from rdvlog.evidence import check_source

    return journal.append(attempt, [check_source(path, store=journal.root) for path in files])


def void_attempt(journal: Journal, seq: int, reason: str) -> Entry:
    """Withdraw attempt ``seq`` with a reason; refused when it is no attempt or already void.

    Checked once before the store is touched, and again under the lock: two processes voiding
    one attempt cannot both succeed.
    """
    void = validated(Void, target=seq, reason=reason)

    def checked() -> Void:
        record = fold(journal.records()).attempt(seq)
        if record is None:
            raise NotFound(key="error.attempt.not_an_attempt", seq=seq)
        if record.voided:
            raise UsageError(key="error.attempt.already_void", seq=seq, reason=record.void_reason)
        return void

    checked()
    entry = journal.update(checked)
    assert entry is not None
    return entry
