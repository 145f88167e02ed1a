"""Error sentences about the store (the journal, its files, verify and repair), in French and
English: key → (French, English).
"""

STORE_ERROR_LABELS: dict[str, tuple[str, str]] = {
    # The store
    "error.store.nul": (
        "le chemin du dossier de données {shown} contient un octet NUL",
        "store path {shown} contains a NUL byte",
    ),
    "error.store.not_a_directory": (
        "le chemin du dossier de données {root} existe et n'est pas un dossier",
        "store path {root} exists and is not a directory",
    ),
    "error.store.locked": (
        "un autre processus rdvlog tient {lock} ; abandon après {seconds} s",
        "another rdvlog process holds {lock}; gave up after {seconds} s",
    ),
    "error.store.read_only": (
        "le dossier de données {root} n'est pas modifiable (lecture seule ou à un autre "
        "utilisateur) ; rdvlog ne peut pas le verrouiller",
        "the store {root} is not writable (read-only or another user's); rdvlog cannot lock it",
    ),
    "error.store.uncut": (
        "l'écriture du journal a échoué ({reason}) et il n'a pas pu être raccourci : "
        "l'entrée y est peut-être, complète ou incomplète ; lancez `rdvlog verify`",
        "writing the journal failed ({reason}) and it could not be cut back: the "
        "entry may be there, complete or torn; run `rdvlog verify`",
    ),
    "error.journal.torn": (
        "{path} ne peut pas être lu ({where}) ; lancez `rdvlog repair`",
        "{path} cannot be read ({where}); run `rdvlog repair`",
    ),
    "error.journal.unreadable": (
        "{path} ne peut pas être lu ({where}) ; restaurez une sauvegarde",
        "{path} cannot be read ({where}); restore a backup",
    ),
    "error.journal.torn_tail": (
        "la dernière ligne de {path} est incomplète (sans doute un arrêt brutal pendant une "
        "écriture) ; lancez `rdvlog verify`, puis `rdvlog repair`",
        "the last line of {path} is incomplete (probably a crash during a write); "
        "run `rdvlog verify`, then `rdvlog repair`",
    ),
    "error.journal.newer": ("{path} : une entrée a été {detail}", "{path}: an entry was {detail}"),
    "error.journal.damaged": (
        "{path} est endommagé à la ligne {line} ({detail}) ; lancez `rdvlog verify` et "
        "restaurez une sauvegarde",
        "{path} is damaged at line {line} ({detail}); "
        "run `rdvlog verify` and restore from a backup",
    ),
    "error.journal.case": (
        "la dernière entrée du profil de {path} ne peut pas être lue ({detail}) ; lancez "
        "`rdvlog verify`",
        "the latest case-profile entry of {path} cannot be read ({detail}); run `rdvlog verify`",
    ),
    "error.exhibit.missing": (
        "le fichier de la pièce {number} ({source}) manque ; lancez `rdvlog verify` et "
        "restaurez-le depuis une sauvegarde",
        "the file of exhibit {number} ({source}) is missing; "
        "run `rdvlog verify` and restore it from a backup",
    ),
    "error.exhibit.changed": (
        "le fichier de la pièce {number} ({source}) a changé depuis son enregistrement ; "
        "lancez `rdvlog verify`",
        "the file of exhibit {number} ({source}) has changed since it was recorded; "
        "run `rdvlog verify`",
    ),
    "error.repair.not_torn": (
        "la réparation ne retire qu'une dernière ligne incomplète, mais le journal est "
        "endommagé ailleurs ({problem}) ; rien n'a "
        "été modifié — restaurez le journal depuis une sauvegarde",
        "repair only removes a torn last line, but {problem}; "
        "nothing was changed — restore the journal from a backup",
    ),
    "error.invalid_field": ("{option} : {detail}", "{option}: {detail}"),
}
