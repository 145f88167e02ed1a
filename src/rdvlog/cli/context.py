"""What every command shares: the store location, the clock, and how results are printed."""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TypeVar

import typer

from rdvlog.when import Clock, system_clock, system_zone

if TYPE_CHECKING:
    from pydantic import BaseModel

    from rdvlog.journal import Journal
    from rdvlog.models import Place

M = TypeVar("M", bound="BaseModel")


@dataclass
class State:
    """Per-invocation settings; tests pass their own (a fixed clock) as ``obj``."""

    store: Path | None = None
    clock: Clock = system_clock
    _zone: dt.tzinfo | None = field(default=None, repr=False)

    def store_path(self) -> Path:
        """``--store``, else ``RDVLOG_HOME``, else the platform's user data directory."""
        if self.store is not None:
            return self.store.expanduser()
        home = os.environ.get("RDVLOG_HOME")
        if home:
            return Path(home).expanduser()
        from platformdirs import user_data_dir

        return Path(user_data_dir("rdvlog", appauthor=False))

    def journal(self) -> Journal:
        from rdvlog.journal import Journal

        return Journal(self.store_path(), clock=self.clock)

    @property
    def zone(self) -> dt.tzinfo:
        if self._zone is None:
            self._zone = system_zone()
        return self._zone

    def now(self) -> dt.datetime:
        return self.clock().astimezone(self.zone)


def state(ctx: typer.Context) -> State:
    obj = ctx.find_root().obj
    assert isinstance(obj, State)
    return obj


def fail(message: str, code: int) -> NoReturn:
    """The one way a command ends in error: a single line on stderr, then the exit code."""
    line = " ".join(message.split())
    sys.stderr.write(f"error: {line}\n")
    sys.stderr.flush()
    sys.exit(code)


def say(message: str) -> None:
    """A message for the person at the terminal (stderr, so stdout stays data)."""
    sys.stderr.write(message + "\n")


def warn(message: str) -> None:
    sys.stderr.write(f"warning: {message}\n")


def print_json(document: Any) -> None:
    """One JSON document on stdout (UTF-8, not ASCII-escaped)."""
    sys.stdout.write(json.dumps(document, ensure_ascii=False, indent=2) + "\n")


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
    from pydantic import ValidationError

    from rdvlog.errors import UsageError

    try:
        return model(**fields)
    except ValidationError as exc:
        error = exc.errors()[0]
        field_name = next((str(part) for part in error["loc"] if str(part) in OPTION_NAMES), "")
        option = OPTION_NAMES.get(field_name, field_name or "value")
        message = str(error["msg"]).removeprefix("Value error, ")
        raise UsageError(f"{option}: {message}") from None


def resolve_place(text: str, *, unlisted: bool) -> Place:
    """The :class:`~rdvlog.models.Place` for what the user typed after ``-p``."""
    if unlisted:
        from rdvlog.models import Place

        return validated(Place, label=text.strip(), kind="unlisted")
    from rdvlog import places

    return places.resolve(text).to_place()


def unix_newlines(text: str | None) -> str | None:
    """Text pasted from a Windows program, with its CR LF line ends made plain newlines."""
    return text.replace("\r\n", "\n") if text is not None else None
