"""The root of the command line: the Typer app, its global options, its error boundary."""

import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Annotated, Any

import typer
from typer._click.exceptions import ClickException  # Typer vendors Click since 0.29
from typer.core import TyperGroup

from rdvlog import __version__
from rdvlog.cli import helptext, language
from rdvlog.cli.context import State, fail
from rdvlog.cli.usage import click_error_text, near_miss
from rdvlog.codes import Lang
from rdvlog.errors import EXIT_STORE, RdvlogError, os_failure
from rdvlog.labels import t


class ClosedPipe(Exception):
    """Whoever read stdout has stopped (``rdvlog … | head -1``): not an error, just the end.

    Not an OSError, so that Typer's own EPIPE handling (exit 1, nothing said) lets it through.
    """


def quiet_stdout() -> None:
    """Point stdout at the null device, so that nothing more (and no flush at exit) can fail
    on the closed pipe and make the interpreter print its own complaint."""
    try:
        fileno = sys.stdout.fileno()
    except (OSError, ValueError, AttributeError):
        return  # not a real file (a test runner's buffer)
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, fileno)
    os.close(devnull)


class RdvlogSubgroup(TyperGroup):
    """A group of commands (``attempt``, ``case``) that suggests the name meant."""

    def resolve_command(self, ctx: Any, args: list[str]) -> Any:
        if args and not args[0].startswith("-") and args[0] not in self.commands:
            group = "" if isinstance(self, RdvlogGroup) else str(self.name)
            raise near_miss(args[0], self.commands, group=group)
        return super().resolve_command(ctx, args)


class RdvlogGroup(RdvlogSubgroup):
    """The root command: the run's language first, then every failure becomes one ``error:``
    line and its exit code."""

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except BrokenPipeError as exc:
            raise ClosedPipe from exc

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        windows_expand_args: bool = True,
        **extra: Any,
    ) -> Any:
        words = helptext.global_first(sys.argv[1:] if args is None else args, self)
        lang = language.choose(words, store=_store(words))
        language.use(lang)
        helptext.translate(self, lang)
        helptext.help_headings(lang, words, self)
        if not words and "_RDVLOG_COMPLETE" not in os.environ:
            # Bare `rdvlog`: the help, and success (no empty `error:` line).
            words = ["--help"]
        try:
            code = super().main(
                words,
                prog_name or "rdvlog",
                complete_var,
                standalone_mode=False,
                windows_expand_args=windows_expand_args,
                **extra,
            )
        except ClosedPipe:
            quiet_stdout()
            sys.exit(0)
        except RdvlogError as exc:
            fail(exc.text(lang), exc.exit_code)
        except ClickException as exc:
            fail(click_error_text(exc, lang), exc.exit_code)
        except typer.Abort:
            fail(t(lang, "error.cli.aborted"), EXIT_STORE)
        except OSError as exc:
            error = os_failure(exc, "rdvlog")
            fail(error.text(lang), error.exit_code)
        except Exception as exc:
            # A bug, not a user error: still one line, unless RDVLOG_DEBUG asks for the trace.
            if os.environ.get("RDVLOG_DEBUG"):
                raise
            fail(t(lang, "error.cli.internal", name=type(exc).__name__, detail=exc), EXIT_STORE)
        try:
            sys.stdout.flush()  # now, where a closed pipe can still be told apart
        except BrokenPipeError:
            quiet_stdout()
            sys.exit(0)
        sys.exit(code if isinstance(code, int) else 0)


def _store(args: Sequence[str]) -> Path:
    """The store this run will use, to read the profile's language (never created here)."""
    return State(store=_path(language.option_value(args, "--store"))).store_path()


def _path(text: str | None) -> Path | None:
    return Path(text).expanduser() if text else None


app = typer.Typer(
    cls=RdvlogGroup,
    name="rdvlog",
    help="help.rdvlog",
    no_args_is_help=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        print(f"rdvlog {__version__}")
        raise typer.Exit()


def _lang(value: str | None) -> Lang | None:
    if value is None:
        return None
    chosen = language.as_lang(value)
    if chosen is None:
        raise typer.BadParameter(t(language.current(), "error.cli.lang", value=value))
    return chosen


@app.callback()
def root(
    ctx: typer.Context,
    store: Annotated[
        Path | None,
        typer.Option(
            "--store",
            help="help.store",
            metavar="metavar.folder",
            file_okay=True,
            dir_okay=True,
        ),
    ] = None,
    lang: Annotated[
        str | None,
        typer.Option("--lang", help="help.lang", metavar="fr|en", callback=_lang),
    ] = None,
    version: Annotated[
        bool,
        typer.Option("--version", help="help.version", callback=_version, is_eager=True),
    ] = False,
) -> None:
    """The global options: the store and the language of messages."""
    store = store.expanduser() if store is not None else None
    if isinstance(ctx.obj, State):
        if store is not None:
            ctx.obj.store = store
    else:
        ctx.obj = State(store=store)
    ctx.obj.lang = language.current()
