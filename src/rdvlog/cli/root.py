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
from rdvlog.cli.context import State, fail
from rdvlog.errors import EXIT_STORE, RdvlogError, os_failure


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


class RdvlogGroup(TyperGroup):
    """The root command: every failure becomes one ``error:`` line and its exit code."""

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
        try:
            code = super().main(
                args,
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
            fail(exc.message, exc.exit_code)
        except ClickException as exc:
            fail(exc.format_message(), exc.exit_code)
        except typer.Abort:
            fail("aborted", EXIT_STORE)
        except OSError as exc:
            error = os_failure(exc, "rdvlog")
            fail(error.message, error.exit_code)
        except Exception as exc:
            # A bug, not a user error: still one line, unless RDVLOG_DEBUG asks for the trace.
            if os.environ.get("RDVLOG_DEBUG"):
                raise
            fail(
                f"internal error: {type(exc).__name__}: {exc} (set RDVLOG_DEBUG=1 for details)",
                EXIT_STORE,
            )
        try:
            sys.stdout.flush()  # now, where a closed pipe can still be told apart
        except BrokenPipeError:
            quiet_stdout()
            sys.exit(0)
        sys.exit(code if isinstance(code, int) else 0)


app = typer.Typer(
    cls=RdvlogGroup,
    name="rdvlog",
    help="Keep dated, tamper-evident proof of failed préfecture appointment attempts.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        print(f"rdvlog {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    ctx: typer.Context,
    store: Annotated[
        Path | None,
        typer.Option(
            "--store",
            help="Store directory (default: $RDVLOG_HOME, else the user data directory).",
            file_okay=True,
            dir_okay=True,
        ),
    ] = None,
    version: Annotated[
        bool,
        typer.Option(
            "--version",
            help="Print the version and exit.",
            callback=_version,
            is_eager=True,
        ),
    ] = False,
) -> None:
    """rdvlog: dated, hash-chained proof of failed préfecture appointment attempts."""
    if isinstance(ctx.obj, State):
        if store is not None:
            ctx.obj.store = store
    else:
        ctx.obj = State(store=store)
