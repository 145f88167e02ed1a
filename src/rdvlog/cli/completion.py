"""Shell completion (``rdvlog --install-completion``): codes with their French aliases,
préfecture towns, attempt numbers. Each loads what it needs only when the shell asks."""

from __future__ import annotations

import typer  # Typer reads the completion functions' annotations when it builds the command

from rdvlog.codes import CHANNEL_CHOICES, OUTCOME_CHOICES, code_key


def _starting(words: tuple[str, ...] | list[str], incomplete: str) -> list[str]:
    key = code_key(incomplete) if incomplete else ""
    return [word for word in words if code_key(word).startswith(key)]


def complete_channel(incomplete: str) -> list[str]:
    return _starting(CHANNEL_CHOICES, incomplete)


def complete_outcome(incomplete: str) -> list[str]:
    return _starting(OUTCOME_CHOICES, incomplete)


def complete_place(incomplete: str) -> list[str]:
    """Towns of the directory's offices and département codes that start as typed."""
    from rdvlog import places

    typed = places.normalise(incomplete)
    names: dict[str, None] = {}
    for office in places.offices():
        for name in (office.department, office.office.lower()):
            if places.normalise(name).startswith(typed):
                names[name] = None
    return sorted(names)


def complete_number(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    """Attempt numbers for shell completion, each with its date, place and outcome."""
    return _numbers(ctx, incomplete, include_void=True)


def complete_active_number(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    """Attempt numbers that can still be voided."""
    return _numbers(ctx, incomplete, include_void=False)


def _numbers(ctx: typer.Context, incomplete: str, *, include_void: bool) -> list[tuple[str, str]]:
    """The attempts of the store ``--store`` names (else ``$RDVLOG_HOME``, else the user data
    directory); nothing when there is no store, and never an error printed into the shell."""
    from rdvlog.cli.context import State

    root = ctx.find_root()
    state = root.obj if isinstance(root.obj, State) else State(store=root.params.get("store"))
    try:
        journal = state.session.journal()
        if not journal.exists():
            return []
        from rdvlog.service.reading import read_history

        history = read_history(journal)
    except Exception:  # completion must never print an error into the shell
        return []
    return [
        (str(n), f"{r.attempt.at:%Y-%m-%d %H:%M} {r.attempt.place.label} {r.attempt.outcome.value}")
        for n, r in enumerate(history.attempts, start=1)
        if str(n).startswith(incomplete) and (include_void or not r.voided)
    ]
