"""The sentences of the draft requête en référé « mesures utiles », French and English.

Merged with :mod:`.drafts` under the ``draft.`` prefix; ``{e}`` is a French agreement.
"""

REQUETE_LABELS: dict[str, tuple[str, str]] = {
    "requete.title": (
        "REQUÊTE EN RÉFÉRÉ MESURES UTILES",
        "APPLICATION FOR INTERIM RELIEF (RÉFÉRÉ MESURES UTILES)",
    ),
    "requete.article": (
        "(article L.\u00a0521-3 du code de justice administrative)",
        "(article L.\u00a0521-3 of the code de justice administrative)",
    ),
    "requete.to": (
        "À Madame ou Monsieur le juge des référés du {tribunal}",
        "To the interim-relief judge of the {tribunal}",
    ),
    "requete.tribunal_unknown": (
        "tribunal administratif territorialement compétent (art. R.\u00a0221-3 CJA)",
        "administrative tribunal with territorial jurisdiction (art. R.\u00a0221-3 CJA)",
    ),
    "requete.applicant_heading.m": ("Requérant", "Applicant"),
    "requete.applicant_heading.f": ("Requérante", "Applicant"),
    "requete.applicant": (
        "{name}, né{e} le {birth_date} à {birth_place}, de nationalité {nationality}, demeurant "
        "{address}, numéro étranger : {number}.",
        "{name}, born on {birth_date} in {birth_place}, of {nationality} nationality, living at "
        "{address}, foreign national number: {number}.",
    ),
    "requete.defendant_heading": ("Défendeur", "Defendant"),
    "requete.defendant": ("{prefet}.", "{prefet}."),
    "requete.facts": ("I. Faits", "I. Facts"),
    "requete.journal": (
        "{Applicant} consigne ses démarches dans un journal tenu au moyen du logiciel rdvlog, "
        "dont chaque entrée est liée à la précédente par son empreinte numérique. Au {day}, "
        "l'empreinte (SHA-256) de ce journal était la suivante :",
        "{Applicant} records the steps in a journal kept with the rdvlog software, each entry "
        "of which is linked to the previous one by its digital fingerprint. On {day}, the "
        "journal's fingerprint (SHA-256) was:",
    ),
    "requete.steps": (
        "Les démarches consignées dans le journal sont les suivantes, dans l'ordre chronologique :",
        "The steps recorded in the journal are the following, in chronological order:",
    ),
    "requete.discussion": ("II. Discussion", "II. Discussion"),
    "requete.a": (
        "A. Sur la compétence du juge des référés et la recevabilité",
        "A. Jurisdiction and admissibility",
    ),
    "requete.a.text": (
        "Aux termes de l'article L.\u00a0521-3 du code de justice administrative : « En cas "
        "d'urgence "
        "et sur simple requête qui sera recevable même en l'absence de décision administrative "
        "préalable, le juge des référés peut ordonner toutes autres mesures utiles sans faire "
        "obstacle à l'exécution d'aucune décision administrative. » La présente requête, qui "
        "tend à ce qu'il soit enjoint au préfet de fixer un rendez-vous, relève du juge des "
        "référés du tribunal administratif dans le ressort duquel se trouve la préfecture "
        "(articles R.\u00a0221-3 et R.\u00a0312-1 du même code).",
        "Under article L.\u00a0521-3 of the code de justice administrative: “In case of urgency "
        "and "
        "on a mere application, admissible even without a prior administrative decision, the "
        "interim-relief judge may order any other useful measure without hindering the "
        "execution of any administrative decision.” This application, which asks that the "
        "préfet be ordered to give an appointment, falls to the interim-relief judge of the "
        "administrative tribunal within whose area the préfecture lies (articles R.\u00a0221-3 and "
        "R.\u00a0312-1 of the same code).",
    ),
    "requete.b": ("B. Sur l'urgence", "B. Urgency"),
    "requete.b.renewal": (
        "{Applicant} sollicite le renouvellement de son titre de séjour. Dans le cas d'une "
        "demande de renouvellement, l'urgence est en principe présumée (CE, 9 juin 2022, "
        "n°\u00a0453391).",
        "{Applicant} is applying for the renewal of a residence permit. For a renewal, urgency "
        "is in principle presumed (CE, 9 June 2022, no. 453391).",
    ),
    "requete.b.other": (
        "Hors le cas d'un renouvellement, il appartient au demandeur de justifier de "
        "circonstances particulières caractérisant l'urgence (CE, 9 juin 2022, n°\u00a0453391).",
        "Outside a renewal, the applicant must show particular circumstances amounting to "
        "urgency (CE, 9 June 2022, no. 453391).",
    ),
    "requete.b.circumstances": (
        "circonstances particulières : emploi ou promesse d'embauche menacés, situation "
        "familiale, droits sociaux arrivant à échéance…",
        "particular circumstances: job or job offer at risk, family situation, benefits about "
        "to end…",
    ),
    "requete.b.oqtf": (
        "préciser si une obligation de quitter le territoire français a été prononcée ; "
        "l'urgence n'est en principe pas reconnue lorsqu'elle n'a pas été exécutée",
        "state whether an obligation to leave French territory (OQTF) was issued; urgency is in "
        "principle not recognised when it was not complied with",
    ),
    "requete.c": ("C. Sur l'utilité de la mesure", "C. Usefulness of the measure"),
    "requete.c.rule": (
        "Il appartient au demandeur d'établir qu'il n'a pu obtenir de rendez-vous malgré "
        "plusieurs tentatives n'ayant pas été effectuées la même semaine (CE, 10 juin 2020, "
        "n°\u00a0435594) ; des captures d'écran peuvent en justifier (CE, 21 avril 2021, "
        "n°\u00a0448178).",
        "The applicant must establish that no appointment could be obtained despite several "
        "attempts not made in the same week (CE, 10 June 2020, no. 435594); screenshots may show "
        "this (CE, 21 April 2021, no. 448178).",
    ),
    "requete.c.figures": (
        "En l'espèce, il ressort du journal tenu par {by_applicant} que {n} tentatives de prise de "
        "rendez-vous{how} ont été effectuées {period}, sur {spread}, sans qu'un rendez-vous "
        "puisse être obtenu. {shots}",
        "In this case, the journal kept by {by_applicant} shows {n} attempts to book an "
        "appointment{how} made {period}, on {spread}, without an appointment being obtained. "
        "{shots}",
    ),
    "requete.c.shots": (
        "Parmi elles, {n} sont accompagnées d'au moins une capture d'écran.",
        "Of these, {n} are backed by at least one screenshot.",
    ),
    "requete.c.all_shots": (
        "Chacune est accompagnée d'au moins une capture d'écran.",
        "Each is backed by at least one screenshot.",
    ),
    "requete.c.one_shot": (
        "Une seule d'entre elles est accompagnée d'une capture d'écran.",
        "Only one of them is backed by a screenshot.",
    ),
    "requete.c.no_shots": (
        "Aucune n'est accompagnée d'une capture d'écran.",
        "None is backed by a screenshot.",
    ),
    "requete.c.none": (
        "tentatives effectuées, dates et résultats",
        "attempts made, dates and outcomes",
    ),
    "requete.c.conclusion": (
        "La mesure sollicitée, qui consiste seulement à fixer un rendez-vous, est ainsi utile "
        "pour permettre {to_applicant} de déposer sa demande.",
        "The measure sought, which is only to fix an appointment, is therefore useful to let "
        "{to_applicant} file the application.",
    ),
    "requete.d": (
        "D. Sur l'absence d'obstacle à l'exécution d'une décision administrative",
        "D. No hindrance to the execution of an administrative decision",
    ),
    "requete.d.text": (
        "La mesure sollicitée se borne à enjoindre au préfet de fixer un rendez-vous ; elle ne "
        "fait obstacle à l'exécution d'aucune décision administrative, aucune décision n'ayant, "
        "à la connaissance {of_applicant}, été prise sur sa demande.",
        "The measure sought only orders the préfet to fix an appointment; it hinders the "
        "execution of no administrative decision, none having, to the knowledge of {of_applicant}, "
        "been taken on the application.",
    ),
    "requete.conclusions": ("III. Conclusions", "III. Relief sought"),
    "requete.therefore": (
        "PAR CES MOTIFS, et tous autres à produire, déduire ou suppléer, au besoin d'office, "
        "{applicant} demande au juge des référés :",
        "ON THESE GROUNDS, and any others to be produced, inferred or supplied, if need be of "
        "the judge's own motion, {applicant} asks the interim-relief judge:",
    ),
    "requete.order": (
        "d'enjoindre au {prefet_short} de lui fixer un rendez-vous pour le dépôt de sa demande "
        "dans un délai de {delay} à compter de la notification de l'ordonnance à intervenir"
        "{penalty} ;",
        "to order the {prefet_short} to give an appointment to file the application within "
        "{delay} of notification of the order{penalty};",
    ),
    "requete.delay": ("… jours", "… days"),
    "requete.penalty": (
        ", sous astreinte de {amount} euros par jour de retard",
        ", subject to a penalty of {amount} euros per day of delay",
    ),
    "requete.amount": ("montant", "amount"),
    "requete.costs": (
        "le cas échéant : de mettre à la charge de l'État la somme de … euros au titre de "
        "l'article L.\u00a0761-1 du code de justice administrative",
        "if applicable: to order the State to pay … euros under article L.\u00a0761-1 of the "
        "code de "
        "justice administrative",
    ),
    "requete.pieces": ("Bordereau des pièces", "List of exhibits"),
    "requete.piece": ("Pièce n° {n} : {label}", "Exhibit {n}: {label}"),
    "requete.no_pieces": (
        "exécuter « rdvlog dossier » pour produire et numéroter les pièces, puis reporter ici "
        "leur liste",
        "run “rdvlog dossier” to produce and number the exhibits, then copy their list here",
    ),
}
