"""Every help text of the command line, in French and English: key → (French, English).

``help.cmd.<command path>`` for a command, ``help.opt.<command path>.<option>`` for an option,
``help.opt.<option>`` for an option several commands share with one meaning, ``metavar.*``
for the word that stands for an option's value (``cli/helptext.py`` puts them in place).
"""

HELP_LABELS: dict[str, tuple[str, str]] = {
    "help.rdvlog": (
        "Garder une preuve datée et infalsifiable des tentatives infructueuses de rendez-vous "
        "en préfecture.",
        "Keep dated, tamper-evident proof of failed préfecture appointment attempts.",
    ),
    "help.store": (
        "Dossier des données (par défaut : $RDVLOG_HOME, sinon le dossier de données de "
        "l'utilisateur).",
        "Store directory (default: $RDVLOG_HOME, else the user data directory).",
    ),
    "help.lang": (
        "Langue des messages : fr ou en (par défaut : $RDVLOG_LANG, le profil du dossier, "
        "sinon la langue du système).",
        "Language of the messages: fr or en (default: $RDVLOG_LANG, the case profile's, "
        "else the system's).",
    ),
    "help.version": ("Afficher la version et quitter.", "Print the version and exit."),
    "help.help": ("Afficher cette aide et quitter.", "Show this message and exit."),
    "help.install_completion": (
        "Installer la complétion pour le shell utilisé.",
        "Install completion for the current shell.",
    ),
    "help.show_completion": (
        "Afficher le script de complétion du shell utilisé, pour le copier ou l'adapter.",
        "Show completion for the current shell, to copy it or customize the installation.",
    ),
    "metavar.file": ("FICHIER", "FILE"),
    "metavar.folder": ("DOSSIER", "DIR"),
    "metavar.text": ("TEXTE", "TEXT"),
    "metavar.date": ("DATE", "DATE"),
    "metavar.when": ("QUAND", "WHEN"),
    "metavar.place": ("PRÉFECTURE", "PREFECTURE"),
    "metavar.channel": ("CANAL", "CHANNEL"),
    "metavar.outcome": ("RÉSULTAT", "OUTCOME"),
    # Commands
    "help.cmd.attempt": (
        "Enregistrer une tentative, les lister, en afficher une, en annuler une.",
        "Record an attempt, list them, show one, void one.",
    ),
    "help.cmd.attempt.add": (
        "Enregistrer une tentative de prise de rendez-vous (juste après chaque essai).",
        "Record one attempt to get an appointment (run it right after each try).",
    ),
    "help.cmd.attempt.list": (
        "Lister les tentatives enregistrées, de la plus ancienne à la plus récente.",
        "List recorded attempts, oldest first.",
    ),
    "help.cmd.attempt.show": (
        "Afficher une tentative en entier, avec l'emplacement de ses preuves.",
        "Show one attempt in full, with where its evidence files are stored.",
    ),
    "help.cmd.attempt.void": (
        "Retirer une tentative enregistrée par erreur ; elle reste au journal, marquée annulée.",
        "Withdraw an attempt recorded by mistake; it stays in the journal, marked void.",
    ),
    "help.cmd.bundle": (
        "Écrire le rapport, le tableau, chaque pièce et le journal dans une archive zip.",
        "Write the report, the spreadsheet, every exhibit and the journal into one zip.",
    ),
    "help.cmd.case": (
        "Le profil du dossier : demandeur, préfecture et démarche par défaut…",
        "The case profile: applicant, default préfecture and démarche…",
    ),
    "help.cmd.case.set": (
        "Renseigner un ou plusieurs champs du profil ; les autres gardent leur valeur.",
        "Set one or more fields of the case profile; the others keep their value.",
    ),
    "help.cmd.case.show": (
        "Afficher le profil du dossier et les documents joints.",
        "Show the case profile and the documents attached to the case.",
    ),
    "help.cmd.path": ("Afficher le dossier des données.", "Print the store directory."),
    "help.cmd.prefectures": (
        "Chercher dans l'annuaire : ce que -p accepte et ce qu'il enregistre.",
        "Search the directory: what `-p` accepts and what it records.",
    ),
    "help.cmd.repair": (
        "Mettre en quarantaine une dernière ligne incomplète (laissée par un arrêt brutal) "
        "et enregistrer la réparation.",
        "Move a torn last line (left by a crash) to quarantine/ and record the repair.",
    ),
    "help.cmd.report": (
        "Écrire le rapport chronologique que l'avocat joint à un référé mesures utiles.",
        "Write the chronological report a lawyer attaches to a référé mesures utiles.",
    ),
    "help.cmd.status": (
        "Les tentatives jusqu'ici, les jours et semaines couverts, un calendrier de 12 "
        "semaines et les points d'attention.",
        "Attempts so far, days and weeks covered, a 12-week calendar, and what to watch.",
    ),
    "help.cmd.verify": (
        "Vérifier toute la chaîne d'empreintes et chaque preuve ; code 1 à la première rupture.",
        "Check the whole hash chain and every evidence file; exit 1 at the first break.",
    ),
    "help.cmd.case.attach": (
        "Joindre un document du dossier (titre de séjour, passeport, récépissé, promesse "
        "d'embauche…) ; il vient en tête des pièces du dossier.",
        "Attach a document of the case (titre de séjour, passport, récépissé, job offer…); "
        "it comes first among the dossier's pièces.",
    ),
    "help.cmd.dossier": (
        "Écrire le dossier pour le tribunal : PJ00_bordereau.pdf et un PDF par pièce.",
        "Write the dossier for the tribunal: PJ00_bordereau.pdf and one PDF per pièce.",
    ),
    "help.cmd.draft": (
        "Écrire un brouillon à partir du journal, à relire, compléter et signer : le courrier "
        "au préfet, la requête en référé mesures utiles ou l'attestation sur l'honneur. "
        "Les brouillons sont en français ; rdvlog ne donne pas de conseil juridique.",
        "Write a draft from the journal, to read, complete and sign: the letter to the préfet, "
        "the requête en référé mesures utiles, or the attestation sur l'honneur. "
        "Drafts are in French; rdvlog gives no legal advice.",
    ),
    "help.cmd.draft.letter": (
        "Le courrier au préfet : une demande de rendez-vous valant mise en demeure, avec la "
        "liste des tentatives et l'empreinte du journal (empreinte de tête). Envoyez-le en "
        "recommandé avec accusé de réception (LRAR) : les archives de la préfecture gardent "
        "alors une copie datée de l'empreinte. Avec -o FICHIER.txt : un texte court à coller "
        "dans un courriel ou un formulaire de contact, de 2 000 caractères au plus, assez "
        "court pour le formulaire de contact de l'ANEF.",
        "The letter to the préfet: a request for an appointment and formal notice (mise en "
        "demeure), listing the attempts so far and the journal's fingerprint (head hash). Send "
        "it by registered letter (LRAR): the préfecture's own records then hold a dated copy "
        "of the fingerprint. With -o FILE.txt: a short text to paste in an email or a contact "
        "form, at most 2,000 characters, short enough for the ANEF contact form.",
    ),
    "help.short.draft.letter": (
        "Le courrier au préfet (demande de rendez-vous, mise en demeure).",
        "The letter to the préfet (demande de rendez-vous, mise en demeure).",
    ),
    "help.cmd.draft.requete": (
        "La requête en référé « mesures utiles » (art. L. 521-3 CJA) au tribunal "
        "administratif du département de la préfecture : parties, faits tirés du journal, "
        "urgence, utilité, conclusions (une injonction de donner un rendez-vous) et la liste "
        "des pièces, numérotées comme `rdvlog dossier` les numérote. Pour un avocat, ou pour "
        "déposer par Télérecours citoyens.",
        "The requête en référé « mesures utiles » (art. L. 521-3 CJA) to the tribunal "
        "administratif of the préfecture's département: parties, facts from the journal, "
        "urgency, usefulness, conclusions (an order to give an appointment) and the list of "
        "pièces numbered as `rdvlog dossier` numbers them. For a lawyer, or to file through "
        "Télérecours citoyens.",
    ),
    "help.short.draft.requete": (
        "La requête en référé mesures utiles pour le tribunal.",
        "The requête en référé mesures utiles for the tribunal.",
    ),
    "help.cmd.draft.attestation": (
        "L'attestation sur l'honneur que vous avez fait les tentatives listées, aux dates "
        "indiquées, « établie pour servir en justice », avec le rappel de l'art. 441-7 du "
        "code pénal ; à signer et à joindre avec la copie d'une pièce d'identité.",
        "The attestation sur l'honneur that you made the attempts listed, on the dates shown, "
        "« établie pour servir en justice », with the reminder of art. 441-7 code pénal; to "
        "sign and attach with a copy of an identity document.",
    ),
    "help.short.draft.attestation": (
        "L'attestation sur l'honneur qui liste vos tentatives.",
        "The attestation sur l'honneur listing your attempts.",
    ),
    # Options shared by several commands, with one meaning
    "help.opt.since": (
        "Seulement les tentatives depuis cette date ou heure.",
        "Only attempts from this date or time.",
    ),
    "help.opt.until": (
        "Seulement les tentatives jusqu'à cette date (incluse) ou heure.",
        "Only attempts up to this date (included) or time.",
    ),
    "help.opt.prefecture": (
        "Seulement les tentatives dans cette préfecture.",
        "Only attempts at this préfecture.",
    ),
    "help.opt.as_json": ("Afficher en JSON.", "Print as JSON."),
    "help.opt.force": (
        "Remplacer le fichier de sortie s'il existe.",
        "Replace the output file if it exists.",
    ),
    "help.opt.unlisted": (
        "Enregistrer -p tel que tapé, hors de l'annuaire.",
        "Record -p as typed, outside the directory.",
    ),
    "help.opt.lang": (
        "Langue du document : fr ou en (par défaut : celle du profil, sinon fr).",
        "Language of the document: fr or en (default: the case profile's, else fr).",
    ),
    "help.opt.number": (
        "Le numéro de la tentative (tel que `attempt list` l'affiche).",
        "The attempt's number (as `attempt list` shows it).",
    ),
    # attempt add
    "help.opt.attempt.add.prefecture": (
        "Préfecture : commune, nom ou code du département (par défaut : celle du profil).",
        "Préfecture: town, département name or code (default: the case profile's).",
    ),
    "help.opt.attempt.add.procedure": (
        "Démarche (par défaut : celle du profil).",
        "Démarche (default: the case profile's).",
    ),
    "help.opt.attempt.add.channel": (
        "Comment vous avez essayé : site, anef, formulaire, téléphone, courriel, courrier, "
        "guichet, autre.",
        "How you tried: web, anef, contact-form, phone, email, letter, counter, other.",
    ),
    "help.opt.attempt.add.outcome": (
        "Ce qui en est sorti : pas-de-créneau, erreur-site, sans-réponse, refus, envoyé, "
        "reçu, répondu, obtenu, autre.",
        "What came of it: no-slot, site-error, no-answer, refused, sent, delivered, "
        "answered, booked, other.",
    ),
    "help.opt.attempt.add.at": (
        "Quand : maintenant, 08:30, hier à 18h05, lundi 9h, 20/11/2026 8h30…",
        "When: now, 08:30, yesterday 18:05, 2026-11-20 08:30, 20/11/2026 8h30…",
    ),
    "help.opt.attempt.add.message": (
        "Le message exact affiché.",
        "The exact message shown.",
    ),
    "help.opt.attempt.add.url": ("L'adresse de la page.", "The page's address."),
    "help.opt.attempt.add.reference": (
        "Numéro de LRAR, objet du courriel, numéro de ticket.",
        "LRAR number, email subject, ticket number.",
    ),
    "help.opt.attempt.add.evidence": (
        "Capture d'écran ou autre fichier ; -e a.png b.png ou -e *.png pour plusieurs.",
        "Screenshot or other file; -e a.png b.png or -e *.png for several.",
    ),
    "help.opt.attempt.add.extra": (
        "D'autres preuves après -e.",
        "More evidence files after -e.",
    ),
    "help.opt.attempt.add.latest_screenshot": (
        "Joindre la dernière image de votre dossier de captures d'écran ($RDVLOG_SCREENSHOT_DIR).",
        "Attach the newest image of your screenshot folder ($RDVLOG_SCREENSHOT_DIR).",
    ),
    "help.opt.attempt.add.note": ("Texte libre.", "Free text."),
    "help.opt.attempt.add.as_json": (
        "Afficher l'entrée enregistrée en JSON.",
        "Print the recorded entry as JSON.",
    ),
    # attempt list / void
    "help.opt.attempt.list.outcome": (
        "Seulement ce résultat (codes ou mots français : pas-de-créneau…).",
        "Only this outcome (codes or French words: pas-de-créneau…).",
    ),
    "help.opt.attempt.list.include_void": (
        "Montrer aussi les tentatives annulées.",
        "Show voided attempts too.",
    ),
    "help.opt.attempt.list.output_format": (
        "table, json, jsonl ou csv.",
        "table, json, jsonl or csv.",
    ),
    "help.opt.attempt.void.reason": (
        "Pourquoi elle est retirée (obligatoire).",
        "Why it is withdrawn (required).",
    ),
    "help.opt.attempt.add.about": (
        "Avec --outcome reçu ou répondu : le numéro du courriel, du courrier ou du formulaire "
        "envoyé auquel cette tentative fait suite.",
        "With --outcome delivered or answered: the number of the email, letter or form sent "
        "that this follows up.",
    ),
    # verify
    "help.opt.verify.full": (
        "Relire toutes les lignes, sans tenir compte de la partie déjà vérifiée.",
        "Read every line again, ignoring the record of the part already verified.",
    ),
    # report and bundle
    "help.opt.report.output_format": (
        "markdown (par défaut), csv ou pdf ; sans --format, l'extension de -o décide.",
        "markdown (default), csv or pdf; without --format, the extension of -o decides.",
    ),
    "help.opt.report.output": (
        "Écrire dans ce fichier (par défaut : la sortie standard).",
        "Write to this file (default: stdout).",
    ),
    "help.opt.report.excel": (
        "CSV pour les tableurs français : « ; », BOM, CRLF.",
        "CSV for French spreadsheet software: ';', BOM, CRLF.",
    ),
    "help.opt.bundle.output": ("Le fichier zip à écrire.", "The zip file to write."),
    # case set
    "help.opt.case.set.applicant": (
        "Nom complet du demandeur.",
        "The applicant's full name.",
    ),
    "help.opt.case.set.civility": (
        "M (Monsieur) ou Mme (Madame), comme les documents vous nomment.",
        "M (Monsieur) or Mme (Madame), as reports name you.",
    ),
    "help.opt.case.set.prefecture": (
        "Préfecture par défaut pour `attempt add`.",
        "Default préfecture for `attempt add`.",
    ),
    "help.opt.case.set.procedure": ("Démarche par défaut.", "Default démarche."),
    "help.opt.case.set.permit_expires": (
        "Date de fin du titre de séjour ou du récépissé en cours.",
        "Expiry date of the current permit or récépissé.",
    ),
    "help.opt.case.set.foreigner_number": ("N° étranger (AGDREF).", "N° étranger (AGDREF)."),
    "help.opt.case.set.application": (
        "Une première demande, ou le renouvellement d'un titre.",
        "A first application, or the renewal of a permit.",
    ),
    # case attach
    "help.opt.case.attach.files": (
        "Le fichier du document ; plusieurs images pour ses pages (recto, verso).",
        "The document's file; several images for its pages (recto, verso).",
    ),
    "help.opt.case.attach.label": (
        "Ce qu'il est, tel que le bordereau le nomme : « Titre de séjour expirant… ».",
        'What it is, as the bordereau names it: "Titre de séjour expirant…".',
    ),
    # dossier
    "help.opt.dossier.output": (
        "Un nouveau dossier (ou, avec --zip, un fichier .zip).",
        "A new folder (or, with --zip, a .zip file).",
    ),
    "help.opt.dossier.as_zip": (
        "Écrire plutôt les mêmes fichiers dans une seule archive zip.",
        "Write the same files into one zip instead.",
    ),
    "help.opt.dossier.group_weeks": (
        "Les captures d'écran d'une même semaine en une seule pièce.",
        "The screenshots of one calendar week as one pièce.",
    ),
    "help.opt.dossier.first_exhibit": (
        "Le numéro de pièce du rapport ; les pièces 1 à N-1 restent à celles que l'avocat ajoute.",
        "The report's pièce number; 1…N-1 are left to pièces the lawyer adds.",
    ),
    # draft
    "help.opt.draft.output": (
        "Le fichier à écrire ; son extension choisit le format : .docx (modifiable), .pdf, .txt.",
        "The file to write; its extension picks the format: .docx (editable), .pdf, .txt.",
    ),
    "help.opt.draft.lang": (
        "fr (par défaut : ce qu'il faut à la préfecture et au tribunal) ou en (une traduction "
        "de travail en anglais, à lire seulement).",
        "fr (default: what the préfecture and the tribunal need) or en (an English working "
        "translation, for reading only).",
    ),
    "help.opt.draft.requete.astreinte": (
        "Demander l'injonction sous astreinte par jour de retard.",
        "Ask for the order under a penalty per day of delay.",
    ),
    "help.opt.draft.requete.first_exhibit": (
        "Numéro de la première pièce, tel que donné à `rdvlog dossier` (par défaut 1).",
        "Number of the first pièce, as given to `rdvlog dossier` (default 1).",
    ),
    "help.opt.draft.requete.group_weeks": (
        "Une pièce par semaine de captures d'écran, comme `rdvlog dossier --group-weeks`.",
        "One pièce per calendar week of screenshots, as `rdvlog dossier --group-weeks`.",
    ),
    # prefectures
    "help.opt.prefectures.query": (
        "Commune, nom ou code du département ; tous si absent.",
        "Town, département name or code; all when omitted.",
    ),
}
