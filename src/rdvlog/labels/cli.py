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
    "cli.draft_written": ("projet écrit dans {target}", "draft written to {target}"),
    "cli.draft_letter_hint": (
        "envoyez-le en recommandé avec avis de réception, puis consignez l'envoi : rdvlog attempt "
        "add -c courrier --outcome envoyé --reference NUMÉRO_DU_RECOMMANDÉ",
        "send it by registered letter with acknowledgement of receipt (LRAR), then record it: "
        "rdvlog attempt add -c letter --outcome sent --reference REGISTERED_LETTER_NUMBER",
    ),
    "cli.draft_text_hint": (
        "collez-le dans le formulaire de contact ou un courriel (2 000 caractères au plus), puis "
        "consignez l'envoi : rdvlog attempt add -c formulaire --outcome envoyé (ou -c courriel)",
        "paste it in the contact form or an email (2,000 characters at most), then record it: "
        "rdvlog attempt add -c contact-form --outcome sent (or -c email)",
    ),
    "cli.draft_not_verified": (
        "le journal ne se vérifie pas ({problem}) ; le projet le dit en tête",
        "the journal does not verify ({problem}); the draft says so first",
    ),
    "cli.document_attached": (
        "document joint (entrée {entry}) : {label}{files}",
        "document attached (entry {entry}): {label}{files}",
    ),
    "cli.dossier_written.one": (
        "dossier écrit dans {target} : {n} pièce",
        "dossier written to {target}: {n} pièce",
    ),
    "cli.dossier_written.other": (
        "dossier écrit dans {target} : {n} pièces",
        "dossier written to {target}: {n} pièces",
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
    "cli.screenshot_reused": (
        "{name} est déjà jointe à la tentative {n} du {day} : la même capture pour deux jours "
        "différents sera relevée par la partie adverse ; joignez la capture de cette tentative",
        "{name} is already attached to attempt {n} of {day}: the same screenshot on two "
        "different days will be noticed by the other side; attach this attempt's own screenshot",
    ),
    "cli.about.outcome": (
        "--about {n} : réservé à un suivi (--outcome reçu ou répondu), pas à « {outcome} »",
        "--about {n}: only for a follow-up (--outcome delivered or answered), not {outcome}",
    ),
    "cli.about.missing": (
        "--about {n} : il n'y a pas de tentative {n} (voir `rdvlog attempt list`)",
        "--about {n}: there is no attempt {n} (see `rdvlog attempt list`)",
    ),
    "cli.about.not_written": (
        "--about {n} : la tentative {n} ({channel}, {outcome}) n'est pas une démarche écrite "
        "envoyée (courriel, courrier ou formulaire, --outcome envoyé)",
        "--about {n}: attempt {n} ({channel}, {outcome}) is not a written step sent "
        "(an email, letter or contact form with --outcome sent)",
    ),
    "cli.about.void": (
        "--about {n} : la tentative {n} est annulée (« {reason} »)",
        '--about {n}: attempt {n} is void ("{reason}")',
    ),
    "cli.store_created": (
        "création d'un nouveau dossier de stockage dans {path} (vérifiez --store ou "
        "RDVLOG_HOME s'il devait déjà exister)",
        "creating a new store at {path} (check --store or RDVLOG_HOME if one should already exist)",
    ),
    "cli.store_created_default": (
        "création de votre dossier de stockage dans {path}",
        "creating your store at {path}",
    ),
    "cli.no_store": (
        "il n'y a pas encore de dossier de stockage dans {path} : rien n'y a été enregistré "
        "(vérifiez --store ou RDVLOG_HOME)",
        "there is no store at {path} yet: nothing has been recorded there "
        "(check --store or RDVLOG_HOME)",
    ),
    "cli.no_store_default": (
        "rien n'est encore enregistré : votre dossier de stockage {path} sera créé par le "
        "premier `rdvlog attempt add`",
        "nothing recorded yet: your store {path} will be created by the first `rdvlog attempt add`",
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
    "verify.failed": ("vérification échouée : {problem}", "verification failed at {problem}"),
    # case show
    "profile.applicant": ("demandeur", "applicant"),
    "profile.civility": ("civilité", "civility"),
    "profile.place": ("préfecture", "préfecture"),
    "profile.procedure": ("démarche", "démarche"),
    "profile.permit_expires": ("fin du titre", "permit expires"),
    "profile.foreigner_number": ("n° étranger", "n° étranger"),
    "profile.application": ("demande", "application"),
    "profile.lang": ("langue du rapport", "report language"),
    "profile.documents": ("documents du dossier", "case documents"),
    "profile.document_files": ("{files} (joint le {day})", "{files} (attached {day})"),
    # prefectures
    "directory.department": ("dép.", "dép."),
    "directory.office": ("service", "office"),
    "directory.town": ("commune", "town"),
    "directory.department_name": ("département", "département"),
    # status
    "status.attempts": ("tentatives", "attempts"),
    "status.voided.one": (" ({n} annulée)", " ({n} void)"),
    "status.voided.other": (" ({n} annulées)", " ({n} void)"),
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
    "status.journal_state.one": ("{n} entrée, {state}", "{n} entry, {state}"),
    "status.journal_state.other": ("{n} entrées, {state}", "{n} entries, {state}"),
    "status.intact": ("intact", "intact"),
    "status.broken": ("ROMPU ({problem})", "BROKEN ({problem})"),
    "status.broken_below": ("ROMPU (voir plus bas)", "BROKEN (see below)"),
    "status.head": ("empreinte", "head hash"),
    "status.heatmap": (
        "12 dernières semaines (numéros de semaine ISO)",
        "last 12 weeks (ISO week numbers)",
    ),
    "status.applicant_line": ("demandeur : {applicant}", "applicant: {applicant}"),
    "status.store_line": ("stockage : {path}", "store: {path}"),
    "status.today_label": ("aujourd'hui", "today"),
    "status.today_none": ("aucune tentative pour l'instant", "no attempt yet"),
    "status.today_some.one": (
        "{n} tentative, à {time} ({outcome})",
        "{n} attempt, at {time} ({outcome})",
    ),
    "status.today_some.other": (
        "{n} tentatives, la dernière à {time} ({outcome})",
        "{n} attempts, the last at {time} ({outcome})",
    ),
    "status.this_week": ("cette semaine", "this week"),
    "status.week_shots.one": (
        "{n} tentative, {shots} avec capture d'écran",
        "{n} attempt, {shots} with a screenshot",
    ),
    "status.week_shots.other": (
        "{n} tentatives, {shots} avec capture d'écran",
        "{n} attempts, {shots} with a screenshot",
    ),
    "status.weeks_with_screenshot": ("semaines avec capture", "weeks with a screenshot"),
    "status.weeks_of": ("{n} sur {total}", "{n} of {total}"),
    "status.written_steps": ("démarches écrites", "written steps"),
    "status.head_line": (
        "empreinte du journal (à recopier en entier) :",
        "head hash (the journal's fingerprint, copy it whole):",
    ),
    "status.legend": (
        "tentatives par jour : · aucune  ░ 1  ▒ 2  ▓ 3  █ 4 ou plus",
        "attempts a day: · none  ░ 1  ▒ 2  ▓ 3  █ 4 or more",
    ),
    "status.booked": (
        "rendez-vous obtenu : tentative {n} du {when} ; conservez ce journal tel quel, "
        "il retrace les tentatives qui l'ont précédé",
        "appointment obtained: attempt {n} of {when}; keep this journal as it is, it records "
        "the attempts that came before",
    ),
    "status.warn.no_screenshot_week": (
        "aucune capture d'écran cette semaine : joignez-en une à une tentative "
        "(-e FICHIER ou --latest-screenshot)",
        "no screenshot yet this week: attach one to an attempt (-e FILE or --latest-screenshot)",
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
