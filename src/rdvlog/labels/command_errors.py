"""Error sentences of single commands (case documents, dossier, drafts, report, directory),
of settings and of the command line itself, in French and English: key → (French, English).
"""

COMMAND_ERROR_LABELS: dict[str, tuple[str, str]] = {
    # Case documents (`case attach`)
    "error.document.no_file": (
        "donnez le fichier du document : rdvlog case attach FICHIER --label INTITULÉ",
        "give the document's file: rdvlog case attach FILE --label LABEL",
    ),
    "error.document.too_many": (
        "un document a au plus {n} fichiers",
        "a document has at most {n} files",
    ),
    "error.document.not_an_image": (
        "{path} n'est pas une image : les fichiers d'un même document en sont les pages "
        "(recto, verso), en images ; joignez un PDF seul",
        "{path} is not an image: several files of one document are its pages (recto, verso) "
        "as images; attach a PDF on its own",
    ),
    # The dossier (`rdvlog dossier`)
    "error.dossier.zip_name": (
        "{output} : avec --zip, -o désigne un fichier .zip",
        "{output}: with --zip, -o names a .zip file",
    ),
    "error.dossier.holds_store": (
        "{output} contient le dossier de données de rdvlog ; écrivez les pièces ailleurs",
        "{output} holds the rdvlog store; write the dossier elsewhere",
    ),
    "error.dossier.not_empty": (
        "{output} n'est pas vide ; ajoutez --force pour le remplacer",
        "{output} is not empty; use --force to replace it",
    ),
    "error.dossier.strangers": (
        "{output} contient d'autres fichiers que des pièces ({name}) ; rdvlog ne remplace "
        "qu'un dossier de pièces qu'il a écrit : donnez un nouveau dossier",
        "{output} holds other files than a dossier ({name}); rdvlog replaces only an earlier "
        "dossier: give a new folder",
    ),
    "error.dossier.too_large": (
        "la pièce {number} ({label}) ferait {size} Mo, au-delà de la limite de {limit} Mo "
        "par fichier du dépôt en ligne",
        "pièce {number} ({label}) would be {size} Mo, over the e-filing limit of {limit} Mo "
        "per file",
    ),
    "error.dossier.too_large_week": (
        "la pièce {number} ({label}) ferait {size} Mo, au-delà de la limite de {limit} Mo "
        "par fichier du dépôt en ligne ; n'utilisez pas --group-weeks",
        "pièce {number} ({label}) would be {size} Mo, over the e-filing limit of {limit} Mo "
        "per file; leave out --group-weeks",
    ),
    "error.dossier.mixed": (
        "la pièce {number} ({label}) mêle des images et d'autres fichiers ; une pièce de "
        "plusieurs fichiers ne peut être faite que d'images",
        "pièce {number} ({label}) mixes images and other files; a pièce of several files can "
        "only be images",
    ),
    "error.evidence.gone": (
        "le fichier {name} ({source}) manque ; lancez `rdvlog verify` et restaurez-le depuis "
        "une sauvegarde",
        "the file {name} ({source}) is missing; run `rdvlog verify` and restore it from a backup",
    ),
    "error.evidence.changed": (
        "le fichier {name} ({source}) a changé depuis son enregistrement ; lancez `rdvlog verify`",
        "the file {name} ({source}) has changed since it was recorded; run `rdvlog verify`",
    ),
    "error.evidence.not_in_store": (
        "le fichier {name} ({sha}…) manque dans le dossier de données ; lancez "
        "`rdvlog verify` et restaurez-le depuis une sauvegarde",
        "the file {name} ({sha}…) is missing from the store; run `rdvlog verify` and restore "
        "it from a backup",
    ),
    # Drafts (`rdvlog draft`)
    "error.draft.format": (
        "-o {target} : {given} ; donnez un fichier en .docx, .pdf ou .txt",
        "-o {target}: {given}; give a file ending in .docx, .pdf or .txt",
    ),
    "error.draft.unknown_format": ("format inconnu « {suffix} »", 'unknown format "{suffix}"'),
    "error.draft.no_extension": ("pas d'extension", "no extension"),
    # The report, the directory
    "error.report.format_contradicts": (
        "--format {format} contredit l'extension de {output} ; donnez un nom de fichier "
        "en .{extension}",
        "--format {format} contradicts the extension of {output}; use a .{extension} file name",
    ),
    "error.prefecture.none": (
        "aucune préfecture ne correspond à « {query} » ; {hint}",
        'no préfecture matches "{query}"; {hint}',
    ),
    # Settings from the environment
    "error.setting.lock_timeout": (
        "RDVLOG_LOCK_TIMEOUT={raw} n'est pas un nombre de secondes entre 0 et {limit} ; "
        "supprimez cette variable ou donnez par ex. RDVLOG_LOCK_TIMEOUT=30",
        "RDVLOG_LOCK_TIMEOUT={raw} is not a number of seconds from 0 to {limit}; unset it "
        "or give e.g. RDVLOG_LOCK_TIMEOUT=30",
    ),
    "error.setting.source_date_epoch": (
        "SOURCE_DATE_EPOCH={raw} n'est pas un nombre de secondes depuis 1970 (jusqu'à "
        "l'an 9999) ; supprimez cette variable ou donnez par ex. SOURCE_DATE_EPOCH=1700000000",
        "SOURCE_DATE_EPOCH={raw} is not a number of seconds since 1970 (up to the year "
        "9999); unset it or give e.g. SOURCE_DATE_EPOCH=1700000000",
    ),
    # The command line itself (Click's own errors, in the user's language)
    "error.cli.aborted": ("abandon", "aborted"),
    "error.cli.internal": (
        "erreur interne : {name} : {detail} (RDVLOG_DEBUG=1 pour les détails)",
        "internal error: {name}: {detail} (set RDVLOG_DEBUG=1 for details)",
    ),
    "error.cli.no_command": (
        "pas de commande « {name} »",
        "no such command '{name}'",
    ),
    "error.cli.did_you_mean": (
        "pas de commande « {name} » ; vouliez-vous dire `{suggestion}` ?",
        "no such command '{name}'; did you mean `{suggestion}`?",
    ),
    "error.cli.no_option": ("pas d'option {name}", "no such option: {name}"),
    "error.cli.no_option_close": (
        "pas d'option {name} ; vouliez-vous dire {close} ?",
        "no such option: {name}; did you mean {close}?",
    ),
    "error.cli.missing": ("il manque {what}", "missing {what}"),
    "error.cli.missing_option": ("l'option {name}", "option {name}"),
    "error.cli.missing_argument": ("l'argument {name}", "argument {name}"),
    "error.cli.takes_no_value": (
        "l'option {name} ne prend pas de valeur",
        "option {name} does not take a value",
    ),
    "error.cli.needs_value": (
        "l'option {name} attend une valeur",
        "option {name} requires an argument",
    ),
    "error.cli.bad_value": (
        "valeur invalide pour {name} : {detail}",
        "invalid value for {name}: {detail}",
    ),
    "error.cli.not_a_number": (
        "« {value} » n'est pas un nombre entier",
        "'{value}' is not a valid integer",
    ),
    "error.cli.at_least": ("un nombre au moins égal à {n} est attendu", "at least {n} is expected"),
    "error.cli.integer": ("un nombre entier est attendu", "an integer is expected"),
    "error.cli.not_one_of": (
        "« {value} » n'est pas l'une des valeurs {choices}",
        "'{value}' is not one of {choices}",
    ),
    "error.cli.extra": (
        "argument en trop : {value}",
        "got unexpected extra argument ({value})",
    ),
    "error.cli.lang": (
        "« {value} » n'est pas une langue connue ; fr ou en",
        "'{value}' is not a known language; fr or en",
    ),
    "error.cli.missing_command": ("il manque la commande", "missing command"),
}
