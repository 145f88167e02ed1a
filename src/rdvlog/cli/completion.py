"""Shell completion (``rdvlog --install-completion``): codes with their French aliases,
préfecture towns, attempt numbers. Each loads what it needs only when the shell asks."""

from __future__ import annotations

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


def complete_number(incomplete: str) -> list[str]:
    """The attempt numbers of the journal (``$RDVLOG_HOME``, else the user data directory)."""
    from rdvlog.cli.context import State
    from rdvlog.errors import RdvlogError
    from rdvlog.journal import Journal

    try:
        journal = Journal(State().store_path())
        if not journal.exists():
            return []
        from rdvlog.history import fold

        count = len(fold(journal.records()).attempts)
    except (RdvlogError, OSError):
        return []
    numbers = [str(number) for number in range(1, count + 1)]
    return [number for number in numbers if number.startswith(incomplete)]
