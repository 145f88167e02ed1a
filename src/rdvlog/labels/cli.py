"""Every sentence the terminal shows, in French and English: key → (French, English).

Machine outputs (``--json``, CSV, JSON Lines, exit codes, the ``error:`` prefix) are not here:
they stay English and stable.
"""

CLI_LABELS: dict[str, tuple[str, str]] = {
    # Confirmations and notices (stderr)
    "cli.attempt_recorded": (
        "tentative {seq} enregistrée : {when}, {place}, {outcome}{files}",
        "attempt {seq} recorded: {when}, {place}, {outcome}{files}",
    ),
    "cli.files.one": (", {n} fichier", ", {n} file"),
    "cli.files.other": (", {n} fichiers", ", {n} files"),
    "cli.attempt_voided": (
        "tentative {seq} annulée (entrée {entry})",
        "attempt {seq} voided (entry {entry})",
    ),
    "cli.no_attempts_yet": ("aucune tentative enregistrée", "no attempts recorded yet"),
    "cli.no_attempts": ("aucune tentative", "no attempts"),
    "cli.late_legend": (
        "* enregistrée plus d'une heure après la tentative",
        "* recorded more than an hour after the attempt",
    ),
    "cli.case_unchanged": ("profil du dossier inchangé", "case profile unchanged"),
    "cli.case_updated": (
        "profil du dossier mis à jour (entrée {entry}) : {fields}",
        "case profile updated (entry {entry}): {fields}",
    ),
    "cli.case_empty": (
        "le profil du dossier est vide ; renseignez-le avec `rdvlog case set`",
        "the case profile is empty; set it with `rdvlog case set`",
    ),
    "cli.report_written": ("rapport écrit dans {target}", "report written to {target}"),
    "cli.bundle_written.one": (
        "archive écrite dans {target} : {n} pièce",
        "bundle written to {target}: {n} exhibit",
    ),
    "cli.bundle_written.other": (
        "archive écrite dans {target} : {n} pièces",
        "bundle written to {target}: {n} exhibits",
    ),
    "cli.bundle_progress": ("copie des pièces", "copying exhibits"),
    "cli.not_verified": (
        "le journal ne se vérifie pas ({problem}) ; le rapport le dit",
        "the journal does not verify ({problem}); the report says so",
    ),
    "cli.nothing_to_repair": (
        "rien à réparer : le journal se termine par une entrée complète",
        "nothing to repair: the journal ends with a complete entry",
    ),
    "cli.repaired": (
        "{bytes} octets d'une dernière ligne incomplète déplacés dans {file} ; "
        "réparation enregistrée comme entrée {entry}",
        "moved {bytes} bytes of a torn last line to {file}; recorded as entry {entry}",
    ),
    "cli.recorded_backwards": (
        "l'entrée {line} a été enregistrée le {recorded}, avant l'entrée précédente "
        "({previous}) : l'horloge de l'ordinateur a pu être modifiée",
        "entry {line} was recorded at {recorded}, before the previous entry ({previous}): "
        "the computer's clock may have been changed",
    ),
    "cli.unreferenced": (
        "{name} n'est référencé par aucune entrée",
        "{name} is not referenced by any entry",
    ),
    "cli.no_prefecture": (
        "aucune préfecture ne correspond à « {query} »",
        'no préfecture matches "{query}"',
    ),
    "cli.prefecture_suggestions": (
        "vouliez-vous dire : {names} ?",
        "did you mean: {names}?",
    ),
    "cli.prefecture_list_hint": (
        "« rdvlog prefectures » sans argument les liste toutes.",
        '"rdvlog prefectures" with no argument lists them all.',
    ),
    # verify
    "verify.journal": ("journal", "journal"),
    "verify.entries": ("entrées", "entries"),
    "verify.head": ("empreinte", "head hash"),
    "verify.result": ("résultat", "result"),
    "verify.intact": ("intact", "intact"),
    "verify.broken": ("ROMPU, {problem}", "BROKEN, {problem}"),
    "verify.failed": ("vérification échouée à {problem}", "verification failed at {problem}"),
    # case show
    "profile.applicant": ("demandeur", "applicant"),
    "profile.civility": ("civilité", "civility"),
    "profile.place": ("préfecture", "préfecture"),
    "profile.procedure": ("démarche", "démarche"),
    "profile.permit_expires": ("fin du titre", "permit expires"),
    "profile.foreigner_number": ("n° étranger", "n° étranger"),
    "profile.application": ("demande", "application"),
    "profile.lang": ("langue du rapport", "report language"),
    # prefectures
    "directory.department": ("dép.", "dép."),
    "directory.office": ("service", "office"),
    "directory.town": ("commune", "town"),
    "directory.department_name": ("département", "département"),
    # status
    "status.attempts": ("tentatives", "attempts"),
    "status.voided": (" ({n} annulées)", " ({n} void)"),
    "status.distinct_days": ("jours distincts", "distinct days"),
    "status.distinct_weeks": ("semaines distinctes", "distinct weeks"),
    "status.first": ("première", "first"),
    "status.last": ("dernière", "last"),
    "status.today": (" (aujourd'hui)", " (today)"),
    "status.ago.one": (" (il y a {n} jour)", " ({n} day ago)"),
    "status.ago.other": (" (il y a {n} jours)", " ({n} days ago)"),
    "status.outcomes": ("résultats", "outcomes"),
    "status.permit_expires": ("fin du titre", "permit expires"),
    "status.journal": ("journal", "journal"),
    "status.journal_state": ("{entries} entrées, {state}", "{entries} entries, {state}"),
    "status.intact": ("intact", "intact"),
    "status.broken": ("ROMPU ({problem})", "BROKEN ({problem})"),
    "status.head": ("empreinte", "head hash"),
    "status.heatmap": (
        "12 dernières semaines (numéros de semaine ISO)",
        "last 12 weeks (ISO week numbers)",
    ),
    "status.warning": ("attention : {text}", "warning: {text}"),
    "status.warn.broken": (
        "le journal ne se vérifie pas : {problem}",
        "the journal does not verify: {problem}",
    ),
    "status.warn.empty": (
        "aucune tentative enregistrée : lancez `rdvlog attempt add` après chaque essai",
        "no attempt recorded yet: run `rdvlog attempt add` after each try",
    ),
    "status.warn.few_weeks.one": (
        "toutes les tentatives tiennent en {n} semaine — les tribunaux attendent des "
        "tentatives sur plusieurs semaines (CE 10 juin 2020 n° 435594)",
        "all attempts fall within {n} distinct week — courts look for attempts over several "
        "weeks (CE 10 juin 2020 n° 435594)",
    ),
    "status.warn.few_weeks.other": (
        "toutes les tentatives tiennent en {n} semaines — les tribunaux attendent des "
        "tentatives sur plusieurs semaines (CE 10 juin 2020 n° 435594)",
        "all attempts fall within {n} distinct weeks — courts look for attempts over several "
        "weeks (CE 10 juin 2020 n° 435594)",
    ),
    "status.warn.quiet.one": ("aucune tentative depuis {n} jour", "no attempt for {n} day"),
    "status.warn.quiet.other": ("aucune tentative depuis {n} jours", "no attempt for {n} days"),
    "status.warn.expired.one": (
        "le titre a expiré il y a {n} jour",
        "permit expired {n} day ago",
    ),
    "status.warn.expired.other": (
        "le titre a expiré il y a {n} jours",
        "permit expired {n} days ago",
    ),
    "status.warn.expires.one": ("le titre expire dans {n} jour", "permit expires in {n} day"),
    "status.warn.expires.other": (
        "le titre expire dans {n} jours",
        "permit expires in {n} days",
    ),
}
