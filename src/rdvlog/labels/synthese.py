"""The sentences of the synthèse and its warnings (report, requête), French and English."""

#: key → (French, English). Sentences of the synthèse and of the warnings; « » enclose a
#: no-break space (U+00A0) on each side, as French typography wants.
SYNTHESE_LABELS: dict[str, tuple[str, str]] = {
    "who.unknown": ("Le demandeur", "The applicant"),
    "office.unknown": ("la préfecture compétente", "the competent préfecture"),
    "office.quoted": ("« {label} »", "“{label}”"),
    "open.procedure": (
        "{who} cherche à obtenir un rendez-vous auprès de {office} pour la démarche "
        "« {procedure} ».",
        "{who} is seeking an appointment at {office} for the procedure “{procedure}”.",
    ),
    "open.bare": (
        "{who} cherche à obtenir un rendez-vous auprès de {office}.",
        "{who} is seeking an appointment at {office}.",
    ),
    "dates": (
        "Selon les dates et heures consignées par l'intéressé{e} dans son journal (déclarées ou "
        "relevées sur l'horloge de son ordinateur), ",
        "According to the dates and times recorded by the applicant in their journal (stated by "
        "the applicant or read from their computer's clock), ",
    ),
    "attempts.none": (
        "aucune tentative de prise de rendez-vous n'est consignée.",
        "no attempt to book an appointment is recorded.",
    ),
    "attempts.one": (
        "une seule tentative de prise de rendez-vous{how} a été effectuée, {period}.",
        "a single attempt to book an appointment{how} was made, {period}.",
    ),
    "attempts.other": (
        "{n} tentatives de prise de rendez-vous{how} ont été effectuées {period}, sur {spread}.",
        "{n} attempts to book an appointment{how} were made {period}, on {spread}.",
    ),
    "spread.one_day": ("un seul jour", "a single day"),
    "spread.one_week": (
        "{days} jours distincts compris dans une seule semaine calendaire (du lundi au dimanche)",
        "{days} distinct days within a single calendar week (Monday to Sunday)",
    ),
    "spread.weeks": (
        "{days} jours distincts répartis sur {weeks} semaines calendaires (du lundi au dimanche)",
        "{days} distinct days spread over {weeks} calendar weeks (Monday to Sunday)",
    ),
    "how.online": (" en ligne", " online"),
    "how.phone": (" par téléphone", " by phone"),
    "how.counter": (" au guichet", " at the counter"),
    "how.other": (" par un autre moyen", " by other means"),
    "how.mixed": (" ({parts})", " ({parts})"),
    "period.one": ("le {day}", "on {day}"),
    "period.same_month": ("du {d1} au {d2} {month} {year}", "from {d1} to {d2} {month} {year}"),
    "period.same_year": ("du {d1} {m1} au {d2} {m2} {year}", "from {d1} {m1} to {d2} {m2} {year}"),
    "period.years": ("du {start} au {end}", "from {start} to {end}"),
    "outcomes": ("Résultats consignés : {list}.", "Outcomes recorded: {list}."),
    "outcome.no-slot": ("absence de créneau disponible", "no slot available"),
    "outcome.site-error": ("erreur ou indisponibilité du site", "site error or unavailable"),
    "outcome.no-answer": ("absence de réponse", "no answer"),
    "outcome.refused": (
        "refus et renvoi vers la prise de rendez-vous en ligne",
        "refused and told to book online",
    ),
    "outcome.booked": ("rendez-vous obtenu", "appointment obtained"),
    "outcome.other": ("autre résultat", "other outcome"),
    "shots.all_one": (
        "Cette tentative est accompagnée d'au moins une capture d'écran.",
        "This attempt is backed by at least one screenshot.",
    ),
    "shots.none_one": (
        "Cette tentative n'est accompagnée d'aucune capture d'écran.",
        "This attempt is not backed by any screenshot.",
    ),
    "shots.all": (
        "Toutes ces tentatives sont accompagnées d'au moins une capture d'écran{weeks}.",
        "All of these attempts are backed by at least one screenshot{weeks}.",
    ),
    "shots.none": (
        "Aucune de ces tentatives n'est accompagnée d'une capture d'écran.",
        "None of these attempts is backed by a screenshot.",
    ),
    "shots.single": (
        "Une seule de ces tentatives est accompagnée d'une capture d'écran{weeks}.",
        "Only one of these attempts is backed by a screenshot{weeks}.",
    ),
    "shots.some": (
        "Parmi ces tentatives, {n} sont accompagnées d'au moins une capture d'écran{weeks}.",
        "Of these attempts, {n} are backed by at least one screenshot{weeks}.",
    ),
    "shots.every_week": (
        " ; chacune des {weeks} semaines en compte au moins une",
        "; each of the {weeks} weeks has at least one",
    ),
    "shots.one_week": (
        " ; une seule des {weeks} semaines en compte",
        "; only one of the {weeks} weeks has any",
    ),
    "shots.some_weeks": (
        " ; {n} des {weeks} semaines en comptent au moins une",
        "; {n} of the {weeks} weeks have at least one",
    ),
    "written.none": (
        "Aucune démarche écrite (courriel, courrier ou formulaire de contact) adressée à la "
        "préfecture n'est consignée.",
        "No written step (email, letter or contact form) to the préfecture is recorded.",
    ),
    "written.listed": (
        "Le journal consigne en outre {steps_one_or_more} adressée{s} à la préfecture : "
        "{list}{answers}.",
        "The journal also records {steps_one_or_more} to the préfecture: {list}{answers}.",
    ),
    "written.steps.one": ("la démarche écrite suivante", "the following written step"),
    "written.steps.other": ("les démarches écrites suivantes", "the following written steps"),
    "written.counted": (
        "Le journal consigne en outre {n} démarches écrites adressées à la préfecture "
        "({list}){delivered}{answers}.",
        "The journal also records {n} written steps to the préfecture ({list}){delivered}"
        "{answers}.",
    ),
    "written.no_answer": (" ; aucune réponse n'est consignée", "; no reply is recorded"),
    "written.answered_count": (
        " ; une réponse est consignée pour {n} d'entre elles",
        "; a reply is recorded for {n} of them",
    ),
    "written.delivered_count": (
        " ; un avis de réception est consigné pour {n} d'entre elles",
        "; a delivery receipt is recorded for {n} of them",
    ),
    "step.item": ("{kind} du {day}", "{kind} of {day}"),
    "step.delivered": (", reçu{e} le {day}", ", received on {day}"),
    "step.answered": (", suivi{e} d'une réponse le {day}", ", answered on {day}"),
    "kind.email": ("un courriel", "an email"),
    "kind.email.n": ("{n} courriels", "{n} emails"),
    "kind.lrar": (
        "une lettre recommandée avec accusé de réception",
        "a registered letter with acknowledgement of receipt",
    ),
    "kind.lrar.n": (
        "{n} lettres recommandées avec accusé de réception",
        "{n} registered letters with acknowledgement of receipt",
    ),
    "kind.letter": ("un courrier", "a letter"),
    "kind.letter.n": ("{n} courriers", "{n} letters"),
    "kind.contact-form": (
        "un message par formulaire de contact",
        "a message through a contact form",
    ),
    "kind.contact-form.n": (
        "{n} messages par formulaire de contact",
        "{n} messages through a contact form",
    ),
    "booked.none": (
        "Aucun rendez-vous obtenu n'est consigné.",
        "No appointment obtained is recorded.",
    ),
    "booked.on": (
        "Le journal consigne l'obtention d'un rendez-vous le {day}.",
        "The journal records that an appointment was obtained on {day}.",
    ),
    "application.renewal": (
        "Il s'agit d'une demande de renouvellement de titre de séjour.",
        "The application is for the renewal of a residence permit.",
    ),
    "application.first": (
        "Il s'agit d'une première demande de titre de séjour.",
        "The application is a first application for a residence permit.",
    ),
    "person.M.": ("l'intéressé", "the applicant's"),
    "person.Mme": ("l'intéressée", "the applicant's"),
    "person.unknown": ("l'intéressé(e)", "the applicant's"),
    "document.permit": ("Le titre de séjour de {person}", "{person} residence permit"),
    "document.current": (
        "Le document de séjour actuel de {person}",
        "{person} current residence document",
    ),
    "as_of.report": ("à la date du présent relevé", "as of the date of this record"),
    "as_of.draft": ("au {day}", "as of {day}"),
    "expires.future": (
        "{document} expire le {day}, soit dans {days} {as_of}.",
        "{document} expires on {day}, that is in {days} {as_of}.",
    ),
    "expires.today": (
        "{document} expire le {day}, soit le jour même {as_of}.",
        "{document} expires on {day}, that is on the very day {as_of}.",
    ),
    "expires.past": (
        "{document} a expiré le {day}, soit depuis {days} {as_of}.",
        "{document} expired on {day}, that is {days} ago {as_of}.",
    ),
    "expires.unknown": (
        "La date d'expiration du titre de séjour n'est pas renseignée.",
        "The residence permit's expiry date is not recorded.",
    ),
    "days.one": ("{n} jour", "{n} day"),
    "days.other": ("{n} jours", "{n} days"),
    "and": (" et ", " and "),
    # Warnings, directly under the title
    "warning.weeks.zero": (
        "Aucune tentative de prise de rendez-vous n'est consignée.",
        "No booking attempt is recorded.",
    ),
    "warning.weeks.single": (
        "Une seule tentative de prise de rendez-vous est consignée.",
        "A single booking attempt is recorded.",
    ),
    "warning.weeks.one": (
        "Les tentatives de prise de rendez-vous consignées sont toutes comprises dans une seule "
        "semaine calendaire (du lundi au dimanche).",
        "The booking attempts recorded all fall within a single calendar week (Monday to Sunday).",
    ),
    "warning.weeks.other": (
        "Les tentatives de prise de rendez-vous consignées ne couvrent que {n} semaines "
        "calendaires (du lundi au dimanche).",
        "The booking attempts recorded cover only {n} calendar weeks (Monday to Sunday).",
    ),
    "warning.weeks.case_law": (
        "Le Conseil d'État a jugé insuffisantes des tentatives toutes effectuées au cours d'une "
        "même semaine (CE, 10 juin 2020, n° 435594) ; les ordonnances favorables ont retenu des "
        "tentatives réparties sur au moins trois semaines (TA Cergy-Pontoise, 2 nov. 2020, "
        "n° 2010725 ; TA Paris, 3 nov. 2020, n° 2016798).",
        "The Conseil d'État held attempts all made within the same week insufficient (CE, "
        "10 June 2020, no. 435594); the orders that granted such requests relied on attempts "
        "spread over at least three weeks (TA Cergy-Pontoise, 2 Nov. 2020, no. 2010725; TA "
        "Paris, 3 Nov. 2020, no. 2016798).",
    ),
    "warning.no_screenshot": (
        "Aucune tentative de prise de rendez-vous n'est accompagnée d'une capture d'écran. Le "
        "Conseil d'État a admis que des captures d'écran de la page indiquant l'absence de "
        "créneau puissent établir les tentatives (CE, 21 avril 2021, n° 448178) ; une capture "
        "montrant la date, l'heure, l'adresse de la page et le message affiché est la plus utile.",
        "No booking attempt is backed by a screenshot. The Conseil d'État accepted that "
        "screenshots of the page showing no available slot may establish the attempts (CE, "
        "21 April 2021, no. 448178); a screenshot showing the date, the time, the page's address "
        "and the message displayed is the most useful.",
    ),
    "warning.no_written": (
        "Aucune démarche écrite (courriel, courrier ou formulaire de contact) adressée à la "
        "préfecture n'est consignée ; les ordonnances favorables citées ci-dessus ont retenu, "
        "outre des captures d'écran, un courriel adressé à la préfecture.",
        "No written step (email, letter or contact form) to the préfecture is recorded; the "
        "favourable orders cited above relied, besides screenshots, on an email to the "
        "préfecture.",
    ),
    "warning.filtered": (
        "Extrait : ce document ne porte que sur une partie du journal (période ou lieu "
        "sélectionnés) ; le journal complet compte {attempts}.",
        "Extract: this document covers only part of the journal (selected period or place); the "
        "whole journal holds {attempts}.",
    ),
    "total.one": ("{n} tentative", "{n} attempt"),
    "total.other": ("{n} tentatives", "{n} attempts"),
}
