"""Every error sentence, in French and English: key → (French, English).

The terminal prints ``error: `` (stable, English, for scripts) then the sentence in the chosen
language; a library caller reads the English one in ``RdvlogError.message``.
"""

ERROR_LABELS: dict[str, tuple[str, str]] = {
    # What rdvlog was doing when the system failed (inside error.os / error.disk_full)
    "error.os": ("échec en {doing} : {reason}{where}", "{doing} failed: {reason}{where}"),
    "error.disk_full": (
        "plus de place sur le disque en {doing} ; rien n'a été enregistré",
        "no space left on device while {doing}; nothing was recorded",
    ),
    "doing.as_given": ("{text}", "{text}"),
    "doing.writing": ("écrivant {target}", "writing {target}"),
    "doing.writing_dossier": ("écrivant le dossier {target}", "writing the dossier {target}"),
    "doing.copying evidence": ("copiant une preuve", "copying evidence"),
    "doing.creating the evidence folder": (
        "créant le dossier des preuves",
        "creating the evidence folder",
    ),
    "doing.creating the store": ("créant le dossier de données", "creating the store"),
    "doing.locking the journal": ("verrouillant le journal", "locking the journal"),
    "doing.opening the journal": ("ouvrant le journal", "opening the journal"),
    "doing.opening the store": ("ouvrant le dossier de données", "opening the store"),
    "doing.reading the journal": ("lisant le journal", "reading the journal"),
    "doing.repairing the journal": ("réparant le journal", "repairing the journal"),
    "doing.saving the torn line to quarantine": (
        "mettant la ligne incomplète en quarantaine",
        "saving the torn line to quarantine",
    ),
    "doing.truncating the journal": ("raccourcissant le journal", "truncating the journal"),
    "doing.writing the case profile": (
        "écrivant le profil du dossier",
        "writing the case profile",
    ),
    "doing.writing the journal": ("écrivant le journal", "writing the journal"),
    "doing.rdvlog": ("exécutant rdvlog", "rdvlog"),
    # Dates and times
    "error.tz_unknown": (
        "RDVLOG_TZ=« {name} » n'est pas un nom de fuseau horaire connu",
        'RDVLOG_TZ="{name}" is not a known time zone name',
    ),
    "error.when.not_a_date": (
        "{option} « {shown} » n'est pas une date ; écrivez 2027-01-31 ou 31/01/2027",
        '{option} "{shown}" is not a date; use 2027-01-31 or 31/01/2027',
    ),
    "error.when.year": (
        "{option} « {shown} » : l'année {year} n'est pas plausible ; vérifiez-la",
        '{option} "{shown}": the year {year} is not plausible; check it',
    ),
    "error.when.invalid": ("{option} « {shown} » : {reason}", '{option} "{shown}": {reason}'),
    "error.when.unknown_form": (
        "{option} « {shown} » n'est ni une date ni une heure ; formes acceptées : {forms}",
        '{option} "{shown}" is not a date or time; accepted forms: {forms}',
    ),
    "error.when.no_time": (
        "{option} « {shown} » n'a pas d'heure ; ajoutez-en une, par ex. « {shown} 08:30 »",
        '{option} "{shown}" has no time of day; add one, e.g. "{shown} 08:30"',
    ),
    "error.when.future": (
        "{what} est dans le futur (il est {now})",
        "{what} is in the future (now is {now})",
    ),
    "error.when.before_2000": (
        "{what} est avant l'an 2000 ; vérifiez l'année",
        "{what} is before the year 2000; check the year",
    ),
    "error.when.not_a_clock": (
        "{clock} n'est pas une heure (heures 0-23, minutes 0-59)",
        "{clock} is not a time of day (hours 0-23, minutes 0-59)",
    ),
    "error.when.no_month": (
        "il n'y a pas de mois {month} ; les mois vont de 1 à 12",
        "there is no month {month}; months go from 1 to 12",
    ),
    "error.when.no_such_day": (
        "le {day} {month} {year} n'existe pas",
        "{day} {month} {year} does not exist",
    ),
    "error.when.no_leap_day": (
        "le {day} {month} {year} n'existe pas ({year} n'est pas bissextile)",
        "{day} {month} {year} does not exist ({year} is not a leap year)",
    ),
    "error.when.no_offset": (
        "le décalage UTC {offset} n'existe pas",
        "the UTC offset {offset} does not exist",
    ),
    "error.when.dst_gap": (
        "{wall} n'existe pas dans ce fuseau (changement d'heure)",
        "{wall} does not exist in this time zone (DST change)",
    ),
    "error.when.dst_fold": (
        "{wall} arrive deux fois (changement d'heure) ; donnez le décalage, par ex. {example}",
        "{wall} happens twice (DST change); give the offset, e.g. {example}",
    ),
    "error.when.odd_offset": (
        "le décalage du fuseau à cette date ({offset}) n'est pas un nombre entier de minutes",
        "the time zone's offset then ({offset}) is not whole minutes",
    ),
    "when.now": ("maintenant", "now"),
    "when.month.1": ("janvier", "January"),
    "when.month.2": ("février", "February"),
    "when.month.3": ("mars", "March"),
    "when.month.4": ("avril", "April"),
    "when.month.5": ("mai", "May"),
    "when.month.6": ("juin", "June"),
    "when.month.7": ("juillet", "July"),
    "when.month.8": ("août", "August"),
    "when.month.9": ("septembre", "September"),
    "when.month.10": ("octobre", "October"),
    "when.month.11": ("novembre", "November"),
    "when.month.12": ("décembre", "December"),
    "error.period.reversed": (
        "--since « {since} » est après --until « {until} »",
        '--since "{since}" is after --until "{until}"',
    ),
    # Codes and places
    "error.code.channel": (
        "{option} « {shown} » n'est pas un canal connu ; valeurs possibles : {choices}",
        '{option} "{shown}" is not a known channel; use one of: {choices}',
    ),
    "error.code.outcome": (
        "{option} « {shown} » n'est pas un résultat connu ; valeurs possibles : {choices}",
        '{option} "{shown}" is not a known outcome; use one of: {choices}',
    ),
    "error.place.empty": (
        "nom de préfecture vide ; donnez un code de département, un département ou une "
        "commune (voir « rdvlog prefectures »)",
        "empty préfecture name; give a département code, a département or a town "
        '(see "rdvlog prefectures")',
    ),
    "error.place.unknown": (
        "préfecture inconnue « {shown} » ; « rdvlog prefectures » liste les services connus. "
        "Avec --unlisted, elle est enregistrée telle que tapée.",
        'unknown préfecture "{shown}"; "rdvlog prefectures" lists the known offices. '
        "Use --unlisted to record it as typed.",
    ),
    "error.place.unknown_close": (
        "préfecture inconnue « {shown} » ; vouliez-vous dire : {names} ? "
        "Avec --unlisted, elle est enregistrée telle que tapée.",
        'unknown préfecture "{shown}"; did you mean: {names}? '
        "Use --unlisted to record it as typed.",
    ),
    "error.place.ambiguous": (
        "préfecture ambiguë « {shown} » : {names} ; {hint}, ou utilisez --unlisted pour "
        "l'enregistrer telle que tapée.",
        'ambiguous préfecture "{shown}": {names}; {hint}, or use --unlisted to record it as typed.',
    ),
    "error.place.hint_code": (
        "utilisez le code de département {codes}",
        "use the département code {codes}",
    ),
    "error.place.hint_add_code": (
        "ajoutez le code de département (par ex. « {example} »)",
        'add the département code (e.g. "{example}")',
    ),
    "error.place.hint_full": (
        "tapez le nom complet (par ex. « {example} »)",
        'type the full name (e.g. "{example}")',
    ),
    # Evidence
    "error.evidence.missing": (
        "le fichier de preuve {shown} n'existe pas",
        "evidence file {shown} does not exist",
    ),
    "error.evidence.unreadable": (
        "le fichier de preuve {shown} ne peut pas être lu : {reason}",
        "evidence file {shown} cannot be read: {reason}",
    ),
    "error.evidence.nul": (
        "le chemin du fichier de preuve {shown} contient un octet NUL",
        "evidence file path {shown} contains a NUL byte",
    ),
    "error.evidence.directory": (
        "la preuve {shown} est un dossier, pas un fichier",
        "evidence {shown} is a directory, not a file",
    ),
    "error.evidence.special": (
        "la preuve {shown} n'est pas un fichier ordinaire",
        "evidence {shown} is not a regular file",
    ),
    "error.evidence.empty": (
        "le fichier de preuve {shown} est vide",
        "evidence file {shown} is empty",
    ),
    "error.evidence.too_large": (
        "le fichier de preuve {shown} dépasse {limit} Mio",
        "evidence file {shown} is larger than {limit} MiB",
    ),
    "error.evidence.grew": (
        "le fichier de preuve {shown} est trop gros",
        "evidence file {shown} is too large",
    ),
    "error.evidence.in_store": (
        "le fichier de preuve {shown} est dans le dossier de données de rdvlog lui-même",
        "evidence file {shown} is inside the rdvlog store itself",
    ),
    "error.evidence.name": (
        "le nom du fichier de preuve {shown} n'est pas du texte simple (UTF-8 invalide ou "
        "caractère de contrôle) ; renommez le fichier",
        "evidence file name {shown} is not plain text (invalid UTF-8 or a control "
        "character); rename the file",
    ),
    "error.evidence.extra": (
        "{shown} : un seul fichier par -e ; répétez -e pour chaque fichier (-e a.png -e b.png)",
        "{shown}: one file per -e; repeat -e for each file (-e a.png -e b.png)",
    ),
    "error.screenshot.old": (
        "la dernière capture d'écran, {path}, a été prise {age} avant la tentative ; ce "
        "n'est sans doute pas celle de cette tentative (joignez-la avec -e, ou donnez --at)",
        "the newest screenshot, {path}, was taken {age} before the attempt; it is probably "
        "not this attempt's (attach it with -e, or give --at)",
    ),
    "error.screenshot.none": (
        "aucune capture d'écran dans {where} ; définissez RDVLOG_SCREENSHOT_DIR ou joignez "
        "le fichier avec -e",
        "no screenshot found in {where}; set RDVLOG_SCREENSHOT_DIR or attach the file with -e",
    ),
    "error.age.minutes": ("{n} minutes", "{n} minutes"),
    "error.age.hours": ("{n} heures", "{n} hours"),
    "error.age.days": ("{n} jours", "{n} days"),
    "error.exhibit.unreadable": (
        "le fichier de la pièce {number} ({source}) ne peut être lu ({reason}) ; "
        "lancez `rdvlog verify`",
        "the file of exhibit {number} ({source}) cannot be read ({reason}); run `rdvlog verify`",
    ),
    "error.evidence.stored_folder": (
        "la copie enregistrée {target} est un dossier, pas un fichier ; lancez `rdvlog verify`",
        "the stored copy {target} is a folder, not a file; run `rdvlog verify`",
    ),
    "error.repair.no_space": (
        "plus de place sur le disque en {doing} ; le journal est resté exactement tel quel, "
        "rien n'a été mis en quarantaine",
        "no space left on device while {doing}; the journal was left exactly as it was, "
        "nothing was quarantined",
    ),
    "error.repair.failed": (
        "la réparation a échoué en {doing} ({reason}) ; le journal est resté exactement tel "
        "quel, rien n'a été mis en quarantaine",
        "{doing} failed ({reason}); the journal was left exactly as it was, nothing was "
        "quarantined",
    ),
    "error.repair.not_durable": (
        "la réparation a été écrite mais n'a pas pu être rendue durable ({reason}) ; "
        "lancez `rdvlog verify`",
        "the repair was written but could not be made durable ({reason}); run `rdvlog verify`",
    ),
    "error.journal.not_regular": (
        "{path} n'est pas un fichier ordinaire ; rdvlog ne peut pas y écrire",
        "{path} is not a regular file; rdvlog cannot write it",
    ),
    "error.journal.not_store_file": (
        "{path} : {reason} ; rdvlog ne lit que ses propres fichiers",
        "{path} {reason}; rdvlog reads only its own files",
    ),
    # Output files
    "error.output.in_store": (
        "{target} est dans le dossier de données de rdvlog ; écrivez le résultat ailleurs",
        "{target} is inside the rdvlog store; write the output elsewhere",
    ),
    "error.output.directory": (
        "{target} est un dossier ; donnez un nom de fichier",
        "{target} is a directory; give a file name",
    ),
    "error.output.exists": (
        "{target} existe déjà ; ajoutez --force pour le remplacer",
        "{target} already exists; use --force to replace it",
    ),
    "error.output.not_folder": (
        "{target} existe et n'est pas un dossier ; donnez un nom de dossier",
        "{target} exists and is not a folder; give a folder name",
    ),
    "error.output.not_empty": (
        "{target} n'est pas vide ; ajoutez --force pour écrire dedans",
        "{target} is not empty; use --force to write into it",
    ),
    "error.report.pdf_terminal": (
        "un PDF ne s'affiche pas dans un terminal : donnez -o FICHIER.pdf ou redirigez la sortie",
        "a PDF is not written to a terminal: give -o FILE.pdf or redirect stdout",
    ),
    "error.output.no_folder": (
        "le dossier {folder} n'existe pas",
        "the folder {folder} does not exist",
    ),
    # Attempts and the case
    "error.attempt.no_place": (
        "quelle préfecture ? Donnez -p (par ex. -p bobigny ou -p 93), ou fixez-en une par "
        "défaut avec `rdvlog case set -p PRÉFECTURE`",
        "which préfecture? Give -p (e.g. -p bobigny or -p 93), "
        "or set a default once with `rdvlog case set -p PREFECTURE`",
    ),
    "error.attempt.no_procedure": (
        "quelle démarche ? Donnez -d (par ex. -d « AES salarié »), ou fixez-en une par "
        "défaut avec `rdvlog case set -d DEMARCHE`",
        'which démarche? Give -d (e.g. -d "AES salarié"), '
        "or set a default once with `rdvlog case set -d PROCEDURE`",
    ),
    "error.attempt.not_an_attempt": (
        "l'entrée {seq} n'est pas une tentative, ou n'existe pas",
        "entry {seq} is not an attempt, or does not exist",
    ),
    "error.attempt.already_void": (
        "la tentative {seq} est déjà annulée (« {reason} »)",
        'attempt {seq} is already void ("{reason}")',
    ),
    "error.attempt.none": ("il n'y a pas de tentative {seq}", "there is no attempt {seq}"),
    "error.case.nothing": (
        "rien à modifier ; voir `rdvlog case set --help` pour les champs",
        "nothing to set; see `rdvlog case set --help` for the fields",
    ),
}
