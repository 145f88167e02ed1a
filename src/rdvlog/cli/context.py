"""What every command shares: the session it works on, and how results reach the terminal."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

import typer

from rdvlog.codes import Lang
from rdvlog.labels import t
from rdvlog.printable import json_safe, printable
from rdvlog.timestamps import Clock, system_clock

if TYPE_CHECKING:
    from rdvlog.service.session import Session


class State:
    """Per-invocation settings; tests pass their own (a fixed clock) as ``obj``.

    A plain class, as :class:`~rdvlog.service.session.Session` is: defining a dataclass costs
    about 1 % of ``attempt add``'s start-up budget."""

    def __init__(
        self, store: Path | None = None, clock: Clock = system_clock, lang: Lang = "en"
    ) -> None:
        self.store = store
        self.clock = clock
        #: The language of what the terminal shows.
        self.lang: Lang = lang
        self._session: Session | None = None

    def __repr__(self) -> str:
        return f"State(store={self.store!r}, lang={self.lang!r})"

    def store_chosen(self) -> bool:
        """Whether the store was named (``--store`` or ``RDVLOG_HOME``), not the default."""
        return self.store is not None or bool(os.environ.get("RDVLOG_HOME"))

    def store_path(self) -> Path:
        """``--store``, else ``RDVLOG_HOME``, else the platform's user data directory."""
        if self.store is not None:
            return self.store.expanduser()
        home = os.environ.get("RDVLOG_HOME")
        if home:
            return Path(home).expanduser()
        from platformdirs import user_data_dir  # only when neither is set

        return Path(user_data_dir("rdvlog", appauthor=False))

    @property
    def session(self) -> Session:
        if self._session is None:
            # Imported on first use: `--version`, `path` and `prefectures` need no journal,
            # and the journal brings pydantic (a third of `attempt add`'s start-up time).
            from rdvlog.service.session import Session

            self._session = Session(self.store_path(), clock=self.clock)
        return self._session


def state(ctx: typer.Context) -> State:
    obj = ctx.find_root().obj
    assert isinstance(obj, State)
    return obj


def session(ctx: typer.Context) -> Session:
    """The session of the command being run (``--store``, the clock, the time zone).

    A command that creates the store's journal says so when it ends: a mistyped ``--store``
    would otherwise start a new, empty case without a word.
    """
    current = state(ctx)
    if current._session is None:
        journal = current.session.journal().path
        if not journal.exists():
            ctx.find_root().call_on_close(lambda: _announce_new_store(current, journal))
    return current.session


def _announce_new_store(current: State, journal: Path) -> None:
    # Run as the command's context closes: only after a success (a failed write may leave a
    # torn journal behind, and then its `error:` line must be the only one).
    if sys.exc_info()[0] is not None or not journal.exists():
        return
    where = current.store_path()
    if current.store_chosen():
        warn(t(current.lang, "cli.store_created", path=where))
    else:
        say(t(current.lang, "cli.store_created_default", path=where))


def note_missing_store(ctx: typer.Context) -> bool:
    """For a reading command: say on stderr that nothing was ever recorded in this store, and
    return ``True``; ``False`` when the store has a journal."""
    current = state(ctx)
    if session(ctx).journal().exists():
        return False
    key = "cli.no_store" if current.store_chosen() else "cli.no_store_default"
    say(t(current.lang, key, path=current.store_path()))
    return True


def message_lang(ctx: typer.Context) -> Lang:
    """The language of the messages of the command being run."""
    return state(ctx).lang


def message(ctx: typer.Context, key: str, **values: object) -> None:
    """The label ``key`` on stderr, in the command's language."""
    say(t(state(ctx).lang, key, **values))


def fail(message: str, code: int) -> NoReturn:
    """The one way a command ends in error: a single line on stderr, then the exit code."""
    line = printable(" ".join(message.split()))
    sys.stderr.write(f"error: {line}\n")
    sys.stderr.flush()
    sys.exit(code)


def say(message: str) -> None:
    """A message for the person at the terminal (stderr, so stdout stays data)."""
    sys.stderr.write(printable(message) + "\n")


def warn(message: str) -> None:
    """A warning on stderr, its prefix in the run's language (``warning:`` / ``attention :``)."""
    from rdvlog.cli.language import current

    sys.stderr.write(t(current(), "warning.prefix", text=printable(message)) + "\n")


def print_json(document: Any) -> None:
    """One JSON document on stdout (UTF-8, not ASCII-escaped)."""
    sys.stdout.write(json_safe(json.dumps(document, ensure_ascii=False, indent=2)) + "\n")


def write_out(chunks: Iterable[str]) -> None:
    """Text on stdout, chunk by chunk, UTF-8 whatever the locale says."""
    sys.stdout.flush()
    for chunk in chunks:
        sys.stdout.buffer.write(chunk.encode("utf-8"))
    sys.stdout.buffer.flush()


def show(renderable: Any, *, stderr: bool = False) -> None:
    """A Rich renderable on the terminal, without markup or highlighting of user text."""
    from rich.console import Console

    # markup=False on the console, not only on print(): table cells are strings the console
    # renders with its own default, and a store path or a name may hold "[/old]" (issue #11).
    Console(stderr=stderr, markup=False, emoji=False, highlight=False).print(renderable)
