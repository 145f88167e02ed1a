"""Help in the user's language, and global options wherever they are typed.

Commands and options declare no help text: the label table (``labels/help.py``) is its one
source, found by the command's path and the option's name (:func:`translate`,
:func:`help_key`); ``tests/test_help.py`` fails when a command or an option has no key.
:func:`translate` puts the sentences of the run's language into the Click command tree Typer
builds on each run, before anything is parsed or shown, which lets tests switch language per
invocation and costs nothing at import time.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from typer._click import Command, Parameter
from typer.core import TyperGroup as Group

from rdvlog.codes import Channel, Lang, Outcome, spoken
from rdvlog.labels import has_label, t

#: Options of the root command that may also be typed after the subcommand.
GLOBAL_OPTIONS = ("--store", "--lang")

_BUILT_IN_HELP = {
    "help": "help.help",
    "install_completion": "help.install_completion",
    "show_completion": "help.show_completion",
}


def global_first(args: Sequence[str], root: Group) -> list[str]:
    """``args`` with ``--store DIR`` and ``--lang L`` typed after the subcommand moved in
    front, unless that subcommand has such an option of its own (``report --lang`` is the
    report's language)."""
    front: list[str] = []
    rest: list[str] = []
    command: Command = root
    words = list(args)
    i = 0
    while i < len(words):
        word = words[i]
        if word == "--":
            rest.extend(words[i:])
            break
        name, has_value, _ = word.partition("=")
        if name in GLOBAL_OPTIONS and command is not root and not _takes(command, name):
            taken = [word] if has_value else words[i : i + 2]
            front.extend(taken)
            i += len(taken)
            continue
        if isinstance(command, Group) and not word.startswith("-"):
            sub = command.commands.get(word)
            if sub is not None:
                command = sub
        elif command is root and name in GLOBAL_OPTIONS and not has_value:
            rest.extend(words[i : i + 2])
            i += 2
            continue
        rest.append(word)
        i += 1
    return front + rest


def _takes(command: Command, option: str) -> bool:
    return any(option in param.opts for param in command.params)


def translate(command: Command, lang: Lang, path: str = "") -> None:
    """Every help text and metavar of ``command`` and its subcommands in ``lang``.

    The sentence of a command is ``help.cmd.<path>`` (``help.cmd.attempt.add``), its line in
    its group's list ``help.short.<path>`` when it has one, of an option
    ``help.opt.<path>.<name>``, else ``help.opt.<group>.<name>`` for an option every command of
    a group shares (``help.opt.draft.output``), else ``help.opt.<name>`` for an option shared
    by several commands; a help text that is itself a label key is translated as such.
    """
    command_key = f"help.cmd.{path}" if path else "help.rdvlog"
    for key in (command.help, command_key):
        if key and has_label(key):
            command.help = t(lang, key)
            break
    if has_label(f"help.short.{path}"):
        command.short_help = t(lang, f"help.short.{path}")
    for param in command.params:
        _translate_param(param, lang, path)
    _translate_help_option(command, lang)
    if isinstance(command, Group):
        for name, sub in command.commands.items():
            translate(sub, lang, f"{path}.{name}" if path else name)


def _translate_help_option(command: Command, lang: Lang) -> None:
    """Click makes ``--help`` when help is shown; its sentence is put in when it is made."""
    made = command.get_help_option

    def get_help_option(ctx: Any) -> Any:
        option = made(ctx)
        if option is not None:
            option.help = t(lang, "help.help")
            option.metavar = ""
        return option

    command.get_help_option = get_help_option  # type: ignore[method-assign]


def help_key(path: str, name: str, given: str | None) -> str | None:
    """The label key of the help of option ``name`` of command ``path``, if the table has one:
    the command's own, else its group's (``draft.letter`` → ``draft``), else the shared one."""
    parts = path.split(".") if path else []
    groups = [f"help.opt.{'.'.join(parts[:n])}.{name}" for n in range(len(parts), 0, -1)]
    for key in (given, _BUILT_IN_HELP.get(name), *groups, f"help.opt.{name}"):
        if key and has_label(key):
            return key
    return None


def _translate_param(param: Parameter, lang: Lang, path: str) -> None:
    key = help_key(path, str(param.name), getattr(param, "help", None))
    if key is not None:
        param.help = t(lang, key)  # type: ignore[attr-defined]
    if param.param_type_name == "argument":
        # An argument's name already says what it is (N, QUERY): no Python type beside it.
        param.display_type_rich = lambda ctx: None  # type: ignore[attr-defined]
    _default_as_typed(param, lang)
    if param.metavar and param.metavar.startswith("metavar."):  # a label key, not N or QUERY
        param.metavar = t(lang, param.metavar)
    elif param.metavar is None:
        param.metavar = _metavar(param, lang)


def _default_as_typed(param: Parameter, lang: Lang) -> None:
    """A default code or word as the reader would type it (« [défaut : site] », not ``web``):
    the parsers take every spelling, so the value the command receives means the same."""
    default = param.default
    if not isinstance(default, str):
        return
    if default in {code.value for code in Channel}:
        param.default = spoken(Channel(default), lang)
    elif default in {code.value for code in Outcome}:
        param.default = spoken(Outcome(default), lang)
    elif default == "now":
        param.default = t(lang, "when.now")


def _metavar(param: Parameter, lang: Lang) -> str:
    """A word for what the option takes, not a Python type (``<bool>``, ``<list[Path]>``)."""
    if getattr(param, "is_flag", False):
        return ""
    kind = getattr(param, "type_descriptor", None)
    if kind is None:
        return t(lang, "metavar.text")
    if kind.is_choice and kind.choices:
        return "|".join(str(getattr(choice, "value", choice)) for choice in kind.choices)
    if kind.is_path or "Path" in str(kind.annotation):
        return t(lang, "metavar.file")
    if kind.annotation is int:
        return "N"
    return t(lang, "metavar.text")


def shows_help(args: Sequence[str], root: Group) -> bool:
    """Whether these arguments may end in a help page: no arguments, ``-h``/``--help``, or a
    group named without one of its commands (``rdvlog attempt``)."""
    if not args:
        return True
    command: Command = root
    i = 0
    while i < len(args):
        word = args[i]
        if word == "--":
            break
        if word in ("-h", "--help"):
            return True
        if word.startswith("-"):
            name, has_value, _ = word.partition("=")
            i += 1 if has_value or not _takes_value(command, name) else 2
            continue
        sub = command.commands.get(word) if isinstance(command, Group) else None
        if sub is None:  # an argument of the command reached
            break
        command = sub
        i += 1
    rest = list(args[i:])
    rest = rest[: rest.index("--")] if "--" in rest else rest
    return isinstance(command, Group) or "-h" in rest or "--help" in rest


def _takes_value(command: Command, option: str) -> bool:
    return any(
        option in param.opts and not getattr(param, "is_flag", False) and param.nargs != 0
        for param in command.params
    )


def help_headings(lang: Lang, args: Sequence[str], root: Group) -> None:
    """Typer's own help headings in ``lang`` (module constants, read at each display).

    Loaded only when help may be shown: Typer's help module brings Rich and a Markdown
    parser, two thirds of the start-up of a Typer app: ``attempt add`` must not load it, in
    French either (tests/test_startup.py).
    """
    import sys

    if lang == "en" and "typer.rich_utils" not in sys.modules:
        return
    if lang == "fr" and not shows_help(args, root):
        return
    from typer import rich_utils

    french = lang == "fr"
    rich_utils.COMMANDS_PANEL_TITLE = "Commandes" if french else "Commands"
    rich_utils.DEFAULT_STRING = "[défaut : {}]" if french else "[default: {}]"
    rich_utils.REQUIRED_LONG_STRING = "[obligatoire]" if french else "[required]"
