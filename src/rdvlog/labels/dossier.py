"""The dossier's sentences (``rdvlog dossier``): the bordereau and the pièces' captions."""

DOSSIER_LABELS: dict[str, tuple[str, str]] = {
    "dossier.bordereau_title": (
        "Bordereau des pièces communiquées",
        "Bordereau: list of the pièces submitted",
    ),
    # Followed by the value on the same line.
    "dossier.applicant": ("Demandeur : ", "Applicant: "),
    "dossier.prefecture": ("Préfecture : ", "Préfecture: "),
    "dossier.procedure": ("Démarche : ", "Démarche: "),
    "dossier.unknown": ("[À COMPLÉTER]", "[TO BE COMPLETED]"),
    "dossier.reserved": (
        "Les pièces n° 1 à {last} sont produites par ailleurs ; la numérotation reprend "
        "ci-dessous à la pièce n° {first}.",
        "Pièces 1 to {last} are produced separately; the numbering continues below from "
        "pièce {first}.",
    ),
    "dossier.col_number": ("N°", "No."),
    "dossier.col_label": ("Intitulé de la pièce", "Pièce"),
    "dossier.col_date": ("Date", "Date"),
    "dossier.col_sha": ("Empreinte SHA-256 du fichier", "SHA-256 of the file"),
    "dossier.sha_note": (
        "L'empreinte SHA-256 est celle de chaque fichier tel qu'il figure au dossier ; elle "
        "permet de vérifier qu'il n'a pas été modifié. Une pièce reproduite telle quelle "
        "(document PDF d'origine) garde l'empreinte du fichier enregistré dans le journal ; "
        "les autres sont des mises en page, par rdvlog, des fichiers enregistrés, dont "
        "l'empreinte figure dans leur légende.",
        "The SHA-256 is that of each file as it is in the dossier; it shows that the file has "
        "not been altered. A pièce reproduced as it is (an original PDF) keeps the hash of the "
        "file recorded in the journal; the others are rdvlog's layout of the recorded files, "
        "whose own hash is given in their caption.",
    ),
    "dossier.prepared": (
        "Établi le {date} avec rdvlog {version}.",
        "Prepared on {date} with rdvlog {version}.",
    ),
    "dossier.header": ("Pièce n° {piece} : {label}", "Pièce {piece}: {label}"),
    "dossier.piece": ("Pièce n° {piece}", "Pièce {piece}"),
    "dossier.page": ("page {index}/{total}", "page {index}/{total}"),
    "dossier.attempt": ("tentative n° {number} du {when}", "attempt {number}, {when}"),
    "dossier.file": ("fichier « {name} »", "file “{name}”"),
    "dossier.sha": ("SHA-256 du fichier d'origine : ", "SHA-256 of the original file: "),
    "dossier.text_intro": (
        "Texte du fichier enregistré, reproduit sans sa mise en forme d'origine.",
        "The text of the recorded file, without its original layout.",
    ),
    "dossier.image_unreadable": (
        "Image illisible : le fichier enregistré est endommagé ou incomplet. Il est conservé "
        "tel quel ; son empreinte SHA-256 permet de le reconnaître.",
        "Unreadable image: the recorded file is damaged or incomplete. It is kept as it is; its "
        "SHA-256 identifies it.",
    ),
    "dossier.unprintable": (
        "Ce fichier ({media_type}, {size}) ne peut pas être reproduit sur une page. Il est "
        "conservé dans le journal ; son empreinte SHA-256 ci-dessus permet de vérifier la copie "
        "qui en serait produite.",
        "This file ({media_type}, {size}) cannot be shown on a page. It is kept in the journal; "
        "its SHA-256 above identifies any copy of it that is produced.",
    ),
    "dossier.empty_text": ("(fichier sans texte)", "(no text in the file)"),
}
