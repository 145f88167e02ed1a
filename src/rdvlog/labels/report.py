"""Every label of the report in French and English: key → (French, English).

Labels are plain text: renderers add Markdown and escape user text.
"""

REPORT_LABELS: dict[str, tuple[str, str]] = {
    "title": (
        "Relevé des tentatives de prise de rendez-vous en préfecture",
        "Record of attempts to book a préfecture appointment",
    ),
    "colon": (" : ", ": "),
    "semicolon": (" ; ", "; "),
    # Header
    "header.applicant": ("Demandeur", "Applicant"),
    "header.foreigner_number": ("N° étranger", "Foreign national number"),
    "header.procedure": ("Démarche", "Procedure"),
    "header.place": ("Préfecture du dossier", "Préfecture of the case"),
    "header.permit_expires": ("Fin de validité du titre de séjour", "Residence permit expires"),
    "header.application": ("Type de demande", "Application"),
    "header.period": ("Période couverte", "Period covered"),
    "header.period_both": ("du {start} au {end}", "from {start} to {end}"),
    "header.period_from": ("à partir du {start}", "from {start}"),
    "header.period_until": ("jusqu'au {end}", "until {end}"),
    "header.period_none": ("aucune tentative", "no attempts"),
    "header.place_filter": ("Lieu sélectionné", "Place selected"),
    "header.zone": ("Fuseau horaire des dates et heures", "Time zone of all dates and times"),
    "header.generated": ("Rapport établi le", "Report generated on"),
    "header.software": ("Logiciel", "Software"),
    "application.first": ("Première demande", "First application"),
    "application.renewal": ("Renouvellement", "Renewal"),
    "broken.title": (
        "ATTENTION : la vérification d'intégrité du journal a échoué.",
        "WARNING: the journal failed its integrity check.",
    ),
    "broken.body": (
        "Problème constaté : {problem}. Ce rapport est établi à partir d'un journal dont "
        "l'intégrité n'est pas établie (voir « Intégrité du journal »).",
        "Problem found: {problem}. This report was produced from a journal whose integrity is "
        "not established (see “Journal integrity”).",
    ),
    # Summary
    "section.summary": ("Synthèse", "Summary"),
    "summary.measure": ("Indicateur", "Measure"),
    "summary.value": ("Valeur", "Value"),
    "summary.count": ("Tentatives", "Attempts"),
    "summary.distinct_days": ("Jours distincts", "Distinct days"),
    "summary.distinct_weeks": ("Semaines ISO distinctes", "Distinct ISO weeks"),
    "summary.first": ("Première tentative", "First attempt"),
    "summary.last": ("Dernière tentative", "Last attempt"),
    "summary.longest_gap": (
        "Plus long intervalle entre deux tentatives",
        "Longest gap between two attempts",
    ),
    "summary.gap_value": ("{length} (du {start} au {end})", "{length} (from {start} to {end})"),
    "summary.places": ("Lieux des tentatives", "Places of the attempts"),
    "summary.booked": ("Rendez-vous obtenu", "Appointment obtained"),
    "summary.booked_yes": ("oui, le {when} (tentative n° {seq})", "yes, on {when} (attempt {seq})"),
    "summary.voided": ("Tentatives annulées (non comptées)", "Voided attempts (not counted)"),
    "summary.none": (
        "Aucune tentative n'est enregistrée pour la période et le lieu sélectionnés.",
        "No attempt is recorded for the selected period and place.",
    ),
    "section.by_outcome": ("Par résultat", "By outcome"),
    "section.by_channel": ("Par canal", "By channel"),
    "section.by_hour_band": ("Par tranche horaire", "By time of day"),
    "section.by_weekday": ("Par jour de la semaine", "By day of the week"),
    "warning.title": (
        "Attention : moins de trois semaines ISO distinctes.",
        "Warning: fewer than three distinct ISO weeks.",
    ),
    "warning.body": (
        "Les tentatives retenues ne couvrent que {weeks}. Le Conseil d'État exige que "
        "l'impossibilité d'obtenir un rendez-vous soit établie par plusieurs tentatives « n'ayant "
        "pas été effectuées la même semaine » (CE, 10 juin 2020, n° 435594) ; les ordonnances "
        "qui ont fait droit à de telles demandes retenaient des tentatives réparties sur au moins "
        "trois semaines. Il est utile de poursuivre les tentatives et de les consigner.",
        "The attempts counted span only {weeks}. The Conseil d'État requires the impossibility "
        "of obtaining an appointment to be shown by several attempts “not made in the same week” "
        "(CE, 10 June 2020, no. 435594); the orders that granted such requests relied on attempts "
        "spread over at least three weeks. Keep trying, and keep recording the attempts.",
    ),
    # Sections and columns
    "section.weekly": ("Tentatives par semaine ISO", "Attempts per ISO week"),
    "section.written": (
        "Démarches écrites (courriels, courriers)",
        "Written steps (emails, letters)",
    ),
    "written.none": (
        "Aucune démarche écrite (courriel ou courrier) n'est enregistrée.",
        "No written step (email or letter) is recorded.",
    ),
    "section.attempts": ("Relevé chronologique des tentatives", "Chronological record of attempts"),
    "section.exhibits": ("Pièces", "Exhibits"),
    "exhibits.intro": (
        "Chaque fichier joint à une tentative retenue reçoit un numéro de pièce, dans l'ordre "
        "chronologique des tentatives ; un même fichier joint à deux tentatives reçoit deux "
        "numéros. La numérotation est propre à ce rapport.",
        "Every file attached to a counted attempt gets an exhibit number, in the chronological "
        "order of the attempts; a file attached to two attempts gets two numbers. The numbering "
        "is specific to this report.",
    ),
    "exhibits.none": (
        "Aucune pièce n'est jointe aux tentatives retenues.",
        "No file is attached to the counted attempts.",
    ),
    "col.attempts": ("Tentatives", "Attempts"),
    "col.outcome": ("Résultat", "Outcome"),
    "col.channel": ("Canal", "Channel"),
    "col.hour_band": ("Tranche horaire", "Time of day"),
    "col.weekday": ("Jour", "Day"),
    "col.week": ("Semaine", "Week"),
    "col.week_start": ("Du lundi", "Starting Monday"),
    "col.bar": ("Histogramme", "Chart"),
    "col.seq": ("N°", "No."),
    "col.date": ("Date", "Date"),
    "col.time": ("Heure", "Time"),
    "col.place": ("Lieu", "Place"),
    "col.procedure": ("Démarche", "Procedure"),
    "col.reference": ("Référence", "Reference"),
    "col.details": ("Message affiché et observations", "Message shown and notes"),
    "col.exhibits": ("Pièces", "Exhibits"),
    "col.exhibit": ("Pièce n°", "Exhibit no."),
    "col.file": ("Fichier d'origine", "Original file"),
    "col.attempt": ("Tentative", "Attempt"),
    "col.size": ("Taille", "Size"),
    "col.sha256": ("SHA-256", "SHA-256"),
    "col.void_reason": ("Motif de l'annulation", "Reason for voiding"),
    "week.label": ("{year}-S{week:02d}", "{year}-W{week:02d}"),
    "ref.attempt": ("n° {seq}", "no. {seq}"),
    "ref.exhibit": ("n° {n}", "no. {n}"),
    "exhibit.number": ("Pièce n° {n}", "Exhibit {n}"),
    "exhibit.attempt": ("n° {seq} du {at}", "no. {seq} of {at}"),
    "details.message": ("« {text} »", "“{text}”"),
    "details.reference": ("Réf. : {text}", "Ref.: {text}"),
    "details.note": ("Note : {text}", "Note: {text}"),
    "late.legend": (
        "Saisie tardive : tentative enregistrée dans le journal plus d'une heure après avoir été "
        "effectuée. La date de la tentative est alors déclarée par le demandeur.",
        "Late entry: attempt recorded in the journal more than one hour after it was made. Its "
        "time is then as stated by the applicant.",
    ),
    "late.item": (
        "n° {seq} : tentative du {at}, enregistrée le {recorded}",
        "no. {seq}: attempt of {at}, recorded on {recorded}",
    ),
    # Integrity
    "section.integrity": ("Intégrité du journal", "Journal integrity"),
    "integrity.result": ("Vérification", "Verification"),
    "integrity.ok": (
        "réussie — la chaîne d'empreintes du journal et les empreintes des pièces sont intactes",
        "passed — the journal's hash chain and the exhibits' hashes are intact",
    ),
    "integrity.failed": ("ÉCHEC : {problem}", "FAILED: {problem}"),
    "integrity.entries": ("Entrées dans le journal", "Entries in the journal"),
    "integrity.head": ("Empreinte de la dernière entrée", "Hash of the last entry"),
    "integrity.head_none": ("aucune (journal vide)", "none (empty journal)"),
    "integrity.head_unknown": ("non disponible", "not available"),
    "integrity.voided": ("Tentatives annulées", "Voided attempts"),
    "integrity.voided_none": ("aucune", "none"),
    "integrity.backwards": (
        "Horloge de l'ordinateur",
        "Computer clock",
    ),
    "integrity.backwards_item": (
        "L'horodatage d'enregistrement de l'entrée n° {line} ({recorded}) est antérieur à "
        "celui de l'entrée précédente ({previous}) : l'horloge de l'ordinateur a pu être "
        "modifiée.",
        "The recording time of entry no. {line} ({recorded}) is earlier than that of the "
        "previous entry ({previous}): the computer's clock may have been changed.",
    ),
    "integrity.selection": (
        "Les décomptes de ce rapport portent sur la sélection indiquée en tête ; le nombre "
        "d'entrées et l'empreinte portent sur le journal entier.",
        "The counts in this report cover the selection stated at the top; the entry count and "
        "the hash cover the whole journal.",
    ),
    "integrity.statement": (
        "Ce journal est tenu par le demandeur lui-même, au moyen du logiciel rdvlog. Chaque "
        "entrée est liée à la précédente par une empreinte SHA-256 et chaque pièce est "
        "identifiée par son empreinte SHA-256 : la modification d'une entrée ou d'une pièce "
        "est détectée par la commande « rdvlog verify », et l'empreinte de la dernière entrée, "
        "communiquée à un tiers, permet de vérifier plus tard que le journal n'a pas été réécrit. "
        "Les heures d'enregistrement proviennent de l'horloge de l'ordinateur du demandeur et ne "
        "sont pas certifiées par un tiers. Ce document n'est pas un constat de commissaire de "
        "justice.",
        "This log is kept by the applicant themselves, using the rdvlog software. Each entry is "
        "linked to the previous one by a SHA-256 hash and each exhibit is identified by its "
        "SHA-256 hash: a change to an entry or an exhibit is detected by the command “rdvlog "
        "verify”, and the hash of the last entry, once given to a third party, allows checking "
        "later that the journal was not rewritten. Recording times come from the applicant's own "
        "computer clock and are not certified by a third party. This document is not a report "
        "by a commissaire de justice (court officer).",
    ),
    # Spreadsheet columns and values
    "csv.weekday": ("Jour", "Weekday"),
    "csv.timestamp": ("Horodatage (ISO 8601)", "Timestamp (ISO 8601)"),
    "csv.department": ("Département", "Department"),
    "csv.message": ("Message affiché", "Message shown"),
    "csv.url": ("Adresse (URL)", "Address (URL)"),
    "csv.note": ("Note", "Note"),
    "csv.exhibits": ("Pièces n°", "Exhibit nos."),
    "csv.files": ("Fichiers d'origine", "Original files"),
    "csv.hashes": ("SHA-256 des pièces", "Exhibit SHA-256"),
    "csv.recorded": ("Enregistrée le", "Recorded at"),
    "csv.late": ("Saisie tardive", "Late entry"),
    "csv.integrity": ("Intégrité du journal", "Journal integrity"),
    "csv.integrity_ok": ("vérifiée", "verified"),
    "csv.integrity_failed": ("NON VÉRIFIÉE : {problem}", "NOT VERIFIED: {problem}"),
    "yes": ("oui", "yes"),
    "no": ("non", "no"),
    # The bundle (one zip for the lawyer): file names and its read-me
    "bundle.report": ("rapport.md", "report.md"),
    "bundle.spreadsheet": ("tentatives.csv", "attempts.csv"),
    "bundle.readme": ("LISEZMOI.txt", "README.txt"),
    "bundle.readme_text": (
        "Dossier de preuves rdvlog — {applicant}\n"
        "Établi le {generated} ({zone}), rdvlog {version}.\n"
        "\n"
        "Contenu :\n"
        "  {report}  le relevé des tentatives (Markdown, lisible dans tout éditeur de texte)\n"
        "  {spreadsheet}  les mêmes tentatives, une ligne par tentative (tableur : séparateur ;)\n"
        "  pieces/  les pièces, nommées par leur numéro (piece-007-... = Pièce n° 7)\n"
        "  journal/journal.jsonl  le journal complet, chaîné par empreintes SHA-256\n"
        "  SHA256SUMS  l'empreinte SHA-256 de chaque fichier de ce dossier\n"
        "\n"
        "Vérifier les empreintes : dans ce dossier, « sha256sum -c SHA256SUMS » (Linux),\n"
        "« shasum -a 256 -c SHA256SUMS » (macOS), ou « Get-FileHash -Algorithm SHA256 »\n"
        "(Windows PowerShell) et comparer avec SHA256SUMS. Le SHA-256 de chaque pièce figure\n"
        "aussi dans le relevé. Empreinte de la dernière entrée du journal : {head}.\n"
        "\n"
        "Ce journal est tenu par le demandeur ; "
        "ce n'est pas un constat de commissaire de justice.\n",
        "rdvlog evidence bundle — {applicant}\n"
        "Generated on {generated} ({zone}), rdvlog {version}.\n"
        "\n"
        "Contents:\n"
        "  {report}  the record of attempts (Markdown, readable in any text editor)\n"
        "  {spreadsheet}  the same attempts, one row each (spreadsheet; separator ;)\n"
        "  pieces/  the exhibits, named by number (piece-007-... = exhibit no. 7)\n"
        "  journal/journal.jsonl  the complete journal, chained by SHA-256 hashes\n"
        "  SHA256SUMS  the SHA-256 hash of every file in this bundle\n"
        "\n"
        "Checking the hashes: in this folder, `sha256sum -c SHA256SUMS` (Linux),\n"
        "`shasum -a 256 -c SHA256SUMS` (macOS), or `Get-FileHash -Algorithm SHA256`\n"
        "(Windows PowerShell) and compare with SHA256SUMS. Each exhibit's SHA-256 is also in\n"
        "the report. Hash of the journal's last entry: {head}.\n"
        "\n"
        "This log is kept by the applicant; it is not a commissaire de justice's report.\n",
    ),
    "bundle.no_applicant": ("demandeur non renseigné", "applicant not set"),
    # Codes of the journal
    "outcome.no-slot": ("Aucun créneau disponible", "No slot available"),
    "outcome.site-error": ("Erreur ou indisponibilité du site", "Site error or unavailable"),
    "outcome.no-answer": ("Pas de réponse", "No answer"),
    "outcome.refused": (
        "Refus, renvoi vers la prise de rendez-vous en ligne",
        "Refused, told to book online",
    ),
    "outcome.sent": ("Envoyé", "Sent"),
    "outcome.delivered": ("Avis de réception reçu", "Delivery receipt received"),
    "outcome.answered": ("Réponse reçue", "Reply received"),
    "outcome.booked": ("Rendez-vous obtenu", "Appointment obtained"),
    "outcome.other": ("Autre", "Other"),
    "channel.web": ("Site de prise de rendez-vous", "Booking website"),
    "channel.anef": ("ANEF", "ANEF"),
    "channel.contact-form": ("Formulaire de contact", "Contact form"),
    "channel.phone": ("Téléphone", "Phone"),
    "channel.email": ("Courriel", "Email"),
    "channel.letter": ("Courrier", "Letter"),
    "channel.counter": ("Guichet", "Counter"),
    "channel.other": ("Autre", "Other"),
    "band.night": ("Nuit (0 h – 6 h)", "Night (00:00–06:00)"),
    "band.morning": ("Matin (6 h – 12 h)", "Morning (06:00–12:00)"),
    "band.afternoon": ("Après-midi (12 h – 18 h)", "Afternoon (12:00–18:00)"),
    "band.evening": ("Soirée (18 h – 24 h)", "Evening (18:00–24:00)"),
    "kind.prefecture": ("préfecture", "préfecture"),
    "kind.sous-prefecture": ("sous-préfecture", "sous-préfecture"),
    "kind.unlisted": ("hors annuaire", "not in the directory"),
    # Units, with a plural form where the number decides it
    "weeks.one": ("{n} semaine ISO distincte", "{n} distinct ISO week"),
    "weeks.other": ("{n} semaines ISO distinctes", "{n} distinct ISO weeks"),
    "days.one": ("{n} jour", "{n} day"),
    "days.other": ("{n} jours", "{n} days"),
    "bytes.one": ("{n} octet", "{n} byte"),
    "bytes.other": ("{n} octets", "{n} bytes"),
    "hours": ("{n} h", "{n} h"),
    "minutes": ("{n} min", "{n} min"),
}
