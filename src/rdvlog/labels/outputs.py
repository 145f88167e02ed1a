"""Labels of the spreadsheet, the bundle, the journal's codes and units: key → (French,
English).

Split from :mod:`.report` (same keys, merged unprefixed in ``labels/__init__.py``).
"""

OUTPUT_LABELS: dict[str, tuple[str, str]] = {
    # Spreadsheet columns and values
    "csv.weekday": ("Jour", "Weekday"),
    "csv.timestamp": ("Horodatage (ISO 8601)", "Timestamp (ISO 8601)"),
    "csv.department": ("Département", "Department"),
    "csv.message": ("Message affiché", "Message shown"),
    "csv.url": ("Adresse (URL)", "Address (URL)"),
    "csv.note": ("Observation", "Note"),
    "csv.exhibits": ("Pièces n°", "Exhibit nos."),
    "csv.files": ("Fichiers d'origine", "Original files"),
    "csv.hashes": ("SHA-256 des pièces", "Exhibit SHA-256"),
    "csv.recorded": ("Enregistrée le", "Recorded at"),
    "csv.late": ("Saisie différée", "Deferred entry"),
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
