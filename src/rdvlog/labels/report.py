"""Every label of the report in French and English: key → (French, English).

Labels are plain text: renderers add Markdown and escape user text.
"""

REPORT_LABELS: dict[str, tuple[str, str]] = {
    # Pièces (rdvlog.pieces): dates, weeks, labels
    "month.1": ("janvier", "January"),
    "month.2": ("février", "February"),
    "month.3": ("mars", "March"),
    "month.4": ("avril", "April"),
    "month.5": ("mai", "May"),
    "month.6": ("juin", "June"),
    "month.7": ("juillet", "July"),
    "month.8": ("août", "August"),
    "month.9": ("septembre", "September"),
    "month.10": ("octobre", "October"),
    "month.11": ("novembre", "November"),
    "month.12": ("décembre", "December"),
    "week.span": ("du {start} au {end}", "{start} to {end}"),
    "week.named": ("semaine {span}", "week of {span}"),
    "piece.screenshot": (
        "Capture d'écran du {day} à {time} ({attempts})",
        "Screenshot of {day} at {time} ({attempts})",
    ),
    "piece.file": (
        "Fichier joint du {day} à {time} ({attempts}) : {name}",
        "File attached on {day} at {time} ({attempts}): {name}",
    ),
    "piece.week": ("Captures d'écran, semaine {span}", "Screenshots, week of {span}"),
    "piece.attempt.one": ("tentative n° {n}", "attempt {n}"),
    "piece.attempt.other": ("tentatives n° {list} et {last}", "attempts {list} and {last}"),
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
    "header.place": ("Préfecture compétente", "Competent préfecture"),
    "header.permit_expires": ("Fin de validité du titre de séjour", "Residence permit expires"),
    "header.application": ("Type de demande", "Application"),
    "header.period": ("Période couverte", "Period covered"),
    "header.period_both": ("du {start} au {end}", "from {start} to {end}"),
    "header.period_from": ("à partir du {start}", "from {start}"),
    "header.period_until": ("jusqu'au {end}", "until {end}"),
    "header.period_none": ("aucune tentative", "no attempts"),
    "header.place_filter": ("Lieu sélectionné", "Place selected"),
    "header.zone": (
        "Heures exprimées dans le fuseau {zone}.",
        "Times are in the {zone} time zone.",
    ),
    "header.generated": ("Relevé établi le", "Record generated on"),
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
    "section.weekly": ("Tentatives par semaine calendaire", "Attempts per calendar week"),
    "section.written": ("Démarches écrites", "Written steps"),
    "written.none": (
        "Aucune démarche écrite (courriel, courrier ou formulaire de contact) n'est consignée.",
        "No written step (email, letter or contact form) is recorded.",
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
    "details.note": ("Observation : {text}", "Note: {text}"),
    "late.legend": (
        "Saisie différée : tentative enregistrée dans le journal plus d'une heure après avoir été "
        "effectuée ; sa date et son heure sont celles déclarées par le demandeur.",
        "Deferred entry: attempt recorded in the journal more than one hour after it was made; "
        "its date and time are as stated by the applicant.",
    ),
    "late.item": (
        "n° {row} : tentative du {at}, enregistrée le {recorded}",
        "no. {row}: attempt of {at}, recorded on {recorded}",
    ),
    # Integrity
    "section.integrity": ("Intégrité du journal", "Journal integrity"),
    "integrity.result": ("Contrôle de cohérence", "Consistency check"),
    "integrity.ok": (
        "contrôle de cohérence interne effectué par le logiciel rdvlog le {day} : la chaîne "
        "d'empreintes des entrées et les empreintes des fichiers joints concordent",
        "internal consistency check made by the rdvlog software on {day}: the chain of the "
        "entries' hashes and the hashes of the attached files agree",
    ),
    "integrity.failed": (
        "ÉCHEC du contrôle de cohérence : {problem}",
        "Consistency check FAILED: {problem}",
    ),
    "integrity.entries": ("Entrées dans le journal", "Entries in the journal"),
    "integrity.head": ("Empreinte de la dernière entrée", "Hash of the last entry"),
    "integrity.head_none": ("aucune (journal vide)", "none (empty journal)"),
    "integrity.head_unknown": ("non disponible", "not available"),
    "integrity.voided": ("Saisies annulées par le demandeur", "Entries voided by the applicant"),
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
        "entrée est liée à la précédente par une empreinte SHA-256 et chaque fichier joint est "
        "identifié par son empreinte SHA-256. Le contrôle de cohérence décrit ci-dessus détecte "
        "la modification isolée d'une entrée ou d'un fichier, mais non la réécriture complète du "
        "journal ; il ne certifie pas les dates. L'empreinte de la dernière entrée, communiquée à "
        "un tiers (par exemple dans une lettre recommandée à la préfecture), permet de vérifier "
        "ultérieurement que le journal n'a pas été réécrit depuis. Ce document n'est pas un "
        "constat de commissaire de justice.",
        "This log is kept by the applicant themselves, using the rdvlog software. Each entry is "
        "linked to the previous one by a SHA-256 hash and each attached file is identified by its "
        "SHA-256 hash. The consistency check above detects the alteration of an isolated entry or "
        "file, but not a complete rewrite of the journal; it does not certify the dates. The hash "
        "of the last entry, once given to a third party (for instance in a registered letter to "
        "the préfecture), allows checking later that the journal was not rewritten since. This "
        "document is not a report by a commissaire de justice (court officer).",
    ),
    "warning.mark": ("Attention : ", "Warning: "),
    "warning.check": (
        "des pièces appellent une vérification avant tout dépôt (pièces n° {list}) : voir « "
        "Points à vérifier » sous la liste des pièces.",
        "some exhibits call for a check before filing (exhibits {list}): see “Points to check” "
        "under the list of exhibits.",
    ),
    "section.synthese": ("Synthèse", "Summary"),
    "section.header": ("Dossier", "Case"),
    "header.url": ("Adresse de prise de rendez-vous", "Booking address"),
    "header.message": (
        "Message affiché lors de chaque tentative",
        "Message shown at every attempt",
    ),
    "header.tribunal": ("Tribunal administratif compétent", "Competent tribunal administratif"),
    "header.tribunal_value": (
        "{name} (suggestion à vérifier, art. R. 221-3 du code de justice administrative)",
        "{name} (a suggestion to check, art. R. 221-3 of the code de justice administrative)",
    ),
    "header.dates": (
        "Les dates et heures de toutes les tentatives sont déclarées par le demandeur ou relevées "
        "sur l'horloge de son ordinateur ; elles ne sont pas certifiées par un tiers.",
        "The dates and times of all attempts are stated by the applicant or read from their "
        "computer's clock; they are not certified by a third party.",
    ),
    "header.zone_paris": ("Heures exprimées en heure de Paris.", "Times are Paris time."),
    "when": ("{day} à {time}", "{day} at {time}"),
    "ref.piece": ("Pièce n° {n}", "Exhibit {n}"),
    "ref.check": (" (à vérifier)", " (to check)"),
    "section.figures": ("Chiffres", "Figures"),
    "figures.measure": ("Indicateur", "Measure"),
    "figures.value": ("Valeur", "Value"),
    "figures.booking": ("Tentatives de prise de rendez-vous", "Booking attempts"),
    "figures.written": (
        "Démarches écrites (comptées à part)",
        "Written steps (counted separately)",
    ),
    "figures.written_none": ("aucune", "none"),
    "figures.distinct_days": ("Jours distincts", "Distinct days"),
    "figures.distinct_weeks": (
        "Semaines calendaires distinctes (du lundi au dimanche)",
        "Distinct calendar weeks (Monday to Sunday)",
    ),
    "figures.with_screenshot": (
        "Tentatives accompagnées d'une capture d'écran",
        "Attempts backed by a screenshot",
    ),
    "figures.shots_value.one": ("{shots}, sur {n} semaine", "{shots}, in {n} week"),
    "figures.shots_value.other": ("{shots}, sur {n} semaines", "{shots}, in {n} weeks"),
    "figures.first": ("Première tentative", "First attempt"),
    "figures.last": ("Dernière tentative", "Last attempt"),
    "figures.longest_gap": (
        "Plus long intervalle entre deux tentatives",
        "Longest gap between two attempts",
    ),
    "figures.gap_value": ("{length} (du {start} au {end})", "{length} (from {start} to {end})"),
    "figures.places": ("Lieux des tentatives", "Places of the attempts"),
    "figures.booked": ("Rendez-vous", "Appointment"),
    "figures.booked_none": (
        "aucun rendez-vous obtenu n'est consigné",
        "no appointment obtained is recorded",
    ),
    "figures.booked_yes": (
        "rendez-vous obtenu consigné le {when} (tentative n° {n})",
        "appointment obtained recorded on {when} (attempt {n})",
    ),
    "figures.voided": (
        "Saisies annulées par le demandeur (non comptées)",
        "Entries voided by the applicant (not counted)",
    ),
    "weekly.explain": (
        "Une semaine calendaire va du lundi au dimanche ; les semaines sans tentative figurent "
        "avec la valeur 0.",
        "A calendar week runs from Monday to Sunday; weeks without an attempt are shown with 0.",
    ),
    "written.intro": (
        "Courriels, courriers et messages par formulaire de contact adressés à la préfecture. Ils "
        "ne sont pas comptés parmi les tentatives de prise de rendez-vous. L'avis de réception et "
        "la réponse sont ceux que le demandeur a consignés à la suite de chaque envoi.",
        "Emails, letters and contact-form messages to the préfecture. They are not counted among "
        "the booking attempts. The delivery receipt and the reply are those the applicant "
        "recorded after each step.",
    ),
    "written.not_recorded": ("non consigné", "not recorded"),
    "col.attempt_no": ("Tentative n°", "Attempt no."),
    "col.kind": ("Nature", "Kind"),
    "col.sent": ("Envoi", "Sent"),
    "col.delivered": ("Avis de réception", "Delivery receipt"),
    "col.answered": ("Réponse", "Reply"),
    "col.pieces": ("Pièces", "Exhibits"),
    "col.row": ("N°", "No."),
    "col.entry": ("Entrée du journal n°", "Journal entry no."),
    "col.piece": ("Pièce", "Exhibit"),
    "col.designation": ("Désignation", "Description"),
    "details.place": ("Lieu : {text}", "Place: {text}"),
    "details.procedure": ("Démarche : {text}", "Procedure: {text}"),
    "attempts.intro": (
        "Les tentatives de prise de rendez-vous sont numérotées de 1 à N dans l'ordre des dates. "
        "La correspondance avec les numéros de tentative et les entrées du journal figure en "
        "annexe ; les numéros de pièce forment une série distincte.",
        "Booking attempts are numbered 1 to N in date order. The matching attempt numbers and "
        "journal entries are given in the annex; exhibit numbers are a separate series.",
    ),
    "section.pieces": ("Liste des pièces", "List of exhibits"),
    "pieces.intro": (
        "Le présent relevé, puis les documents du dossier, puis les fichiers joints aux "
        "tentatives dans l'ordre des dates. Un même fichier (même empreinte SHA-256) joint à "
        "plusieurs tentatives constitue une seule pièce.",
        "This record, then the case documents, then the files attached to the attempts in date "
        "order. One file (same SHA-256) attached to several attempts is a single exhibit.",
    ),
    "section.checks": ("Points à vérifier", "Points to check"),
    "check.reused": (
        "Pièce n° {n} : le même fichier est joint aux tentatives n° {attempts}, effectuées des "
        "jours différents ({days}).",
        "Exhibit {n}: the same file is attached to attempts {attempts}, made on different days "
        "({days}).",
    ),
    "check.capture": (
        "Pièce n° {n} ({name}) : l'heure de capture enregistrée dans le fichier ({captured}) "
        "s'écarte de plus d'une heure de celle de la tentative n° {attempt} ({at}).",
        "Exhibit {n} ({name}): the capture time stored in the file ({captured}) is more than an "
        "hour from that of attempt {attempt} ({at}).",
    ),
    "integrity.entries_why": (
        "Le journal compte plus d'entrées que de tentatives : il enregistre aussi le profil du "
        "dossier, les documents, les démarches écrites et les annulations.",
        "The journal holds more entries than attempts: it also records the case profile, "
        "documents, written steps and voids.",
    ),
    "section.annex": ("Annexe : correspondance des numéros", "Annex: number mapping"),
    "annex.intro": (
        "Pour chaque ligne du relevé chronologique : le numéro de la tentative attribué par "
        "rdvlog (les saisies annulées conservent le leur) et le numéro de l'entrée du journal.",
        "For each row of the chronological table: the attempt number given by rdvlog (voided "
        "entries keep theirs) and the number of the journal entry.",
    ),
    "caption": (
        "Pièce n° {n} — capture d'écran jointe à la tentative n° {attempt} du {day} à {time}",
        "Exhibit {n} — screenshot attached to attempt {attempt} of {day} at {time}",
    ),
    "caption.sha": ("SHA-256 : ", "SHA-256: "),
    "pdf.footer": ("{title} — {who}", "{title} — {who}"),
    "chart.title": (
        "Nombre de tentatives par semaine (sous chaque barre : le lundi de la semaine)",
        "Attempts per week (under each bar: the week's Monday)",
    ),
}
