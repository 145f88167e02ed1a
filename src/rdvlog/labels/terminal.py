"""Words of the terminal's tables and notices added for the French interface: key → (French,
English)."""

TERMINAL_LABELS: dict[str, tuple[str, str]] = {
    "list.col.#": ("n°", "#"),
    "list.col.when": ("quand", "when"),
    "list.col.place": ("préfecture", "place"),
    "list.col.démarche": ("démarche", "démarche"),
    "list.col.channel": ("canal", "channel"),
    "list.col.outcome": ("résultat", "outcome"),
    "list.col.files": ("fichiers", "files"),
    "list.col.message": ("message", "message"),
    "list.col.void": ("annulée", "void"),
    "list.day.0": ("lun.", "Mon"),
    "list.day.1": ("mar.", "Tue"),
    "list.day.2": ("mer.", "Wed"),
    "list.day.3": ("jeu.", "Thu"),
    "list.day.4": ("ven.", "Fri"),
    "list.day.5": ("sam.", "Sat"),
    "list.day.6": ("dim.", "Sun"),
    "list.shared": ("{name} : {value}", "{name}: {value}"),
    "cli.duplicate": (
        "la tentative {seq} a la même heure, la même préfecture et le même résultat que la "
        "précédente (n° {previous}) ; annulez-la avec `rdvlog attempt void {seq} --reason "
        "doublon` si c'est une erreur",
        "attempt {seq} has the same time, préfecture and outcome as the previous one "
        "({previous}); void it with `rdvlog attempt void {seq} --reason duplicate` if it was "
        "a mistake",
    ),
}
