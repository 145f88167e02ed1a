"""The command line's own mistakes (Click's errors, near-miss command names) in the user's
language."""

from __future__ import annotations

import difflib
from collections.abc import Iterable

from typer._click import exceptions as click_errors  # Typer vendors Click since 0.29

from rdvlog.codes import Lang
from rdvlog.errors import Phrase, UsageError
from rdvlog.labels import t

#: What people type for an attempt command without the ``attempt`` in front.
ATTEMPT_WORDS = ("add", "list", "show", "void")


def near_miss(name: str, commands: Iterable[str], *, group: str = "") -> UsageError:
    """``rdvlog add`` → did you mean ``rdvlog attempt add``; a typo → the closest name."""
    prefix = f"rdvlog {group} " if group else "rdvlog "
    names = sorted(commands)
    if not group and name in ATTEMPT_WORDS:
        suggestion = f"rdvlog attempt {name}"
    else:
        close = difflib.get_close_matches(name, names, n=1, cutoff=0.6)
        if not close and not group:
            attempt = difflib.get_close_matches(name, ATTEMPT_WORDS, n=1, cutoff=0.6)
            close = [f"attempt {attempt[0]}"] if attempt else []
        if not close:
            return UsageError(key="error.cli.no_command", name=name)
        suggestion = prefix + close[0]
    return UsageError(key="error.cli.did_you_mean", name=name, suggestion=suggestion)


def click_error_text(exc: click_errors.ClickException, lang: Lang) -> str:
    """Click's message for ``exc``, said in ``lang`` for the errors people meet."""
    if lang == "en":
        return exc.format_message()
    if isinstance(exc, click_errors.NoSuchOption):
        close = difflib.get_close_matches(exc.option_name, exc.possibilities or (), 1, 0.8)
        if close:
            return t(lang, "error.cli.no_option_close", name=exc.option_name, close=close[0])
        return t(lang, "error.cli.no_option", name=exc.option_name)
    if isinstance(exc, click_errors.MissingParameter):
        name = _hint(exc)
        argument = exc.param is not None and exc.param.param_type_name == "argument"
        what = Phrase(f"error.cli.missing_{'argument' if argument else 'option'}", {"name": name})
        return t(lang, "error.cli.missing", what=what.text(lang))
    if isinstance(exc, click_errors.BadParameter):
        return t(lang, "error.cli.bad_value", name=_hint(exc), detail=_detail(exc.message, lang))
    if isinstance(exc, click_errors.BadOptionUsage) and "requires an argument" in exc.message:
        return t(lang, "error.cli.needs_value", name=exc.option_name)
    if isinstance(exc, click_errors.BadOptionUsage) and "does not take a value" in exc.message:
        return t(lang, "error.cli.takes_no_value", name=exc.option_name)
    if exc.message.startswith("Got unexpected extra argument"):
        value = exc.message.rpartition("(")[2].rstrip(")")
        return t(lang, "error.cli.extra", value=value)
    if exc.message.startswith("Missing command"):
        return t(lang, "error.cli.missing_command")
    return exc.format_message()


def _hint(exc: click_errors.BadParameter) -> str:
    if exc.param_hint is not None:
        hint = exc.param_hint
        return hint if isinstance(hint, str) else " / ".join(hint)
    if exc.param is not None:
        return exc.param.get_error_hint()
    return "?"


def _detail(message: str, lang: Lang) -> str:
    """Click's reason for refusing a value, in ``lang`` for the kinds rdvlog meets."""
    message = message.removeprefix("Value error, ")
    if message.startswith("Input should be a valid integer"):
        return t(lang, "error.cli.integer")
    if message.endswith("is not a valid integer."):
        return t(lang, "error.cli.not_a_number", value=message.split("'")[1])
    if " is not one of " in message:
        value, _, choices = message.partition(" is not one of ")
        return t(lang, "error.cli.not_one_of", value=value.strip("'"), choices=choices.rstrip("."))
    if message.startswith("Input should be greater than or equal to "):
        least = message.removeprefix("Input should be greater than or equal to ")
        return t(lang, "error.cli.at_least", n=least.rstrip("."))
    return message
