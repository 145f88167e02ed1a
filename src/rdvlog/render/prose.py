"""The synthèse of a case in the register of a requête, and the warnings that go above it."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from typing import Literal

from rdvlog.codes import Channel
from rdvlog.facts import CaseFacts, WrittenStep
from rdvlog.models import Lang
from rdvlog.render import i18n
from rdvlog.render.document import Runs

#: Where the synthèse is read: the report ("à la date du présent relevé") or a draft (a date).
AsOf = Literal["report", "draft"]

#: The courts look for attempts spread over at least this many calendar weeks (DESIGN.md §5).
MIN_WEEKS = 3
#: Up to this many written steps are named one by one; beyond, they are counted by kind.
LISTED_STEPS = 4

#: key → (French, English). Sentences of the synthèse and of the warnings; « » enclose a
#: no-break space (U+00A0) on each side, as French typography wants.
_TABLE: dict[str, tuple[str, str]] = {
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
        "Selon les dates et heures consignées par le demandeur dans son journal (déclarées ou "
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


def _french_spacing(text: str) -> str:
    """« » take a no-break space inside; the table is typed with plain spaces to stay legible."""
    return text.replace("« ", "«\u00a0").replace(" »", "\u00a0»")


_TABLE = {key: (_french_spacing(fr), en) for key, (fr, en) in _TABLE.items()}

_MONTHS = {
    "fr": (
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ),
    "en": (
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),
}
_ONLINE = frozenset({Channel.WEB, Channel.ANEF})
_LRAR_MARKS = ("lrar", "recommand", "registered", "avis de réception", "accusé de réception")


def t(lang: Lang, key: str, **values: object) -> str:
    """The sentence ``key`` in ``lang``, with ``values`` substituted (``str.format``)."""
    text = _TABLE[key][0 if lang == "fr" else 1]
    return text.format(**values) if values else text


def label_keys() -> tuple[str, ...]:
    """Every key of the table (for the test that each one reads in both languages)."""
    return tuple(_TABLE)


def plain(runs: Runs) -> str:
    """The text of ``runs``, without formatting."""
    return "".join(run if isinstance(run, str) else run.text for run in runs)


def day_number(lang: Lang, day: dt.date) -> str:
    """``1er`` for the first of the month in French, else the bare number."""
    return "1er" if lang == "fr" and day.day == 1 else str(day.day)


def long_date(lang: Lang, day: dt.date) -> str:
    """``1er novembre 2026`` / ``1 November 2026``: the date as a requête writes it."""
    return f"{day_number(lang, day)} {_MONTHS[lang][day.month - 1]} {day.year}"


def period(lang: Lang, start: dt.date, end: dt.date) -> str:
    """``du 5 octobre au 14 novembre 2026``, ``du 5 au 9 octobre 2026`` or ``le 5 octobre 2026``."""
    if start == end:
        return t(lang, "period.one", day=long_date(lang, start))
    d1, d2 = day_number(lang, start), day_number(lang, end)
    if start.year != end.year:
        return t(lang, "period.years", start=long_date(lang, start), end=long_date(lang, end))
    months = _MONTHS[lang]
    if start.month == end.month:
        return t(
            lang, "period.same_month", d1=d1, d2=d2, month=months[end.month - 1], year=end.year
        )
    m1, m2 = months[start.month - 1], months[end.month - 1]
    return t(lang, "period.same_year", d1=d1, m1=m1, d2=d2, m2=m2, year=end.year)


def enumerate_words(lang: Lang, items: Sequence[str]) -> str:
    """``a, b et c`` / ``a, b and c``."""
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + t(lang, "and") + items[-1]


def who(facts: CaseFacts, lang: Lang) -> str:
    """``M. Amadou DIALLO``, the name alone, or « Le demandeur »."""
    if not facts.applicant:
        return t(lang, "who.unknown")
    return f"{facts.civility}\u00a0{facts.applicant}" if facts.civility else facts.applicant


def feminine(facts: CaseFacts) -> str:
    """The French agreement of the applicant: ``""``, ``"e"`` or ``"(e)"`` when unknown."""
    return {"M.": "", "Mme": "e"}.get(facts.civility or "", "(e)")


def office(facts: CaseFacts, lang: Lang) -> str:
    """``la préfecture de la Seine-Saint-Denis``: the label, as it reads inside a sentence."""
    label = facts.prefecture
    if not label:
        return t(lang, "office.unknown")
    for prefix in ("Préfecture", "Sous-préfecture"):
        if label.startswith(prefix):
            return ("la " + label[0].lower() + label[1:]) if lang == "fr" else "the " + label
    return t(lang, "office.quoted", label=label)


def days(lang: Lang, n: int) -> str:
    return t(lang, "days.one" if (n in (0, 1) if lang == "fr" else n == 1) else "days.other", n=n)


def how(facts: CaseFacts, lang: Lang) -> str:
    """« en ligne », « par téléphone », or a breakdown « (25 en ligne et 2 au guichet) »."""
    modes: Counter[str] = Counter()
    for line in facts.attempts:
        if line.channel in _ONLINE:
            modes["online"] += 1
        elif line.channel in (Channel.PHONE, Channel.COUNTER):
            modes[line.channel.value] += 1
        else:
            modes["other"] += 1
    if len(modes) <= 1:
        return "".join(t(lang, f"how.{mode}") for mode in modes)
    parts = [f"{n}{t(lang, f'how.{mode}')}" for mode, n in modes.most_common()]
    return t(lang, "how.mixed", parts=enumerate_words(lang, parts))


def spread(facts: CaseFacts, lang: Lang) -> str:
    """« 19 jours distincts répartis sur 6 semaines calendaires (du lundi au dimanche) »."""
    if facts.distinct_days <= 1:
        return t(lang, "spread.one_day")
    if facts.distinct_weeks == 1:
        return t(lang, "spread.one_week", days=facts.distinct_days)
    return t(lang, "spread.weeks", days=facts.distinct_days, weeks=facts.distinct_weeks)


def _attempts_sentence(facts: CaseFacts, lang: Lang) -> str:
    n = facts.booking_attempts
    if n == 0 or facts.first is None or facts.last is None:
        return t(lang, "dates") + t(lang, "attempts.none")
    span = period(lang, facts.first.date(), facts.last.date())
    if n == 1:
        return t(lang, "dates") + t(lang, "attempts.one", how=how(facts, lang), period=span)
    text = t(
        lang, "attempts.other", n=n, how=how(facts, lang), period=span, spread=spread(facts, lang)
    )
    return t(lang, "dates") + text


def _outcomes_sentence(facts: CaseFacts, lang: Lang) -> str:
    parts = [f"{t(lang, f'outcome.{o.value}')} ({n})" for o, n in facts.by_outcome.items() if n]
    return t(lang, "outcomes", list=", ".join(parts)) if parts else ""


def _screenshots_sentence(facts: CaseFacts, lang: Lang) -> str:
    n, shots, weeks = facts.booking_attempts, facts.with_screenshot, facts.distinct_weeks
    if n == 0:
        return ""
    if n == 1:
        return t(lang, "shots.all_one" if shots else "shots.none_one")
    if shots == 0:
        return t(lang, "shots.none")
    spread = ""
    if weeks > 1:
        if facts.weeks_with_screenshot == weeks:
            spread = t(lang, "shots.every_week", weeks=weeks)
        elif facts.weeks_with_screenshot == 1:
            spread = t(lang, "shots.one_week", weeks=weeks)
        else:
            spread = t(lang, "shots.some_weeks", n=facts.weeks_with_screenshot, weeks=weeks)
    if shots == n:
        return t(lang, "shots.all", weeks=spread)
    if shots == 1:
        return t(lang, "shots.single", weeks=spread)
    return t(lang, "shots.some", n=shots, weeks=spread)


def step_kind(step: WrittenStep) -> str:
    """``email``, ``lrar``, ``letter`` or ``contact-form``: a letter is called registered (LRAR)
    only when its reference says so or an avis de réception came back."""
    if step.channel is Channel.LETTER:
        reference = (step.reference or "").lower()
        registered = step.delivered is not None or any(m in reference for m in _LRAR_MARKS)
        return "lrar" if registered else "letter"
    return str(step.channel.value)


def step_phrase(step: WrittenStep, lang: Lang) -> str:
    """« une lettre recommandée avec accusé de réception du 2 novembre 2026, reçue le … »."""
    kind = step_kind(step)
    e = "e" if kind == "lrar" else ""
    text = t(lang, "step.item", kind=t(lang, f"kind.{kind}"), day=long_date(lang, step.at.date()))
    if step.delivered:
        text += t(lang, "step.delivered", e=e, day=long_date(lang, step.delivered.date()))
    if step.answered:
        text += t(lang, "step.answered", e=e, day=long_date(lang, step.answered.date()))
    return text


def written_sentence(facts: CaseFacts, lang: Lang) -> str:
    steps = facts.written
    if not steps:
        return t(lang, "written.none")
    answered = sum(1 for step in steps if step.answered)
    answers = t(lang, "written.no_answer") if not answered else ""
    if len(steps) <= LISTED_STEPS:
        return t(
            lang,
            "written.listed",
            steps_one_or_more=t(lang, f"written.steps.{'one' if len(steps) == 1 else 'other'}"),
            s="" if len(steps) == 1 else "s",
            list=enumerate_words(lang, [step_phrase(step, lang) for step in steps]),
            answers=answers,
        )
    kinds = Counter(step_kind(step) for step in steps)
    parts = [
        t(lang, f"kind.{kind}.n", n=n) if n > 1 else t(lang, f"kind.{kind}")
        for kind, n in kinds.most_common()
    ]
    delivered = sum(1 for step in steps if step.delivered)
    return t(
        lang,
        "written.counted",
        n=len(steps),
        list=enumerate_words(lang, parts),
        delivered=t(lang, "written.delivered_count", n=delivered) if delivered else "",
        answers=answers or t(lang, "written.answered_count", n=answered),
    )


def expiry(facts: CaseFacts, lang: Lang, *, as_of: AsOf = "report") -> str | None:
    """« Le titre de séjour de l'intéressé expire le …, soit dans 34 jours … », when known."""
    if facts.permit_expires is None or facts.days_left is None:
        return t(lang, "expires.unknown") if facts.application == "renewal" else None
    person = t(lang, f"person.{facts.civility if facts.civility in ('M.', 'Mme') else 'unknown'}")
    kind = "current" if facts.application == "first" else "permit"
    document = t(lang, f"document.{kind}", person=person)
    if lang == "en":
        document = document[0].upper() + document[1:]
    when = t(lang, f"as_of.{as_of}", day=long_date(lang, facts.today))
    day = long_date(lang, facts.permit_expires)
    left = facts.days_left
    if left > 0:
        key, count = "expires.future", days(lang, left)
    elif left == 0:
        key, count = "expires.today", ""
    else:
        key, count = "expires.past", days(lang, -left)
    return t(lang, key, document=document, day=day, days=count, as_of=when)


def urgency(facts: CaseFacts, lang: Lang, *, as_of: AsOf = "report") -> tuple[str, ...]:
    """The type of application and the permit's expiry, with the days left."""
    sentences = []
    if facts.application:
        sentences.append(t(lang, f"application.{facts.application}"))
    sentence = expiry(facts, lang, as_of=as_of)
    if sentence:
        sentences.append(sentence)
    return tuple(sentences)


def synthese(facts: CaseFacts, lang: Lang, *, as_of: AsOf = "report") -> Runs:
    """The paragraph that opens the report and the « faits » of the requête."""
    if facts.procedure:
        opening = t(
            lang,
            "open.procedure",
            who=who(facts, lang),
            office=office(facts, lang),
            procedure=facts.procedure,
        )
    else:
        opening = t(lang, "open.bare", who=who(facts, lang), office=office(facts, lang))
    booked = (
        t(lang, "booked.on", day=long_date(lang, facts.booked.date()))
        if facts.booked
        else t(lang, "booked.none")
    )
    sentences = [
        opening,
        _attempts_sentence(facts, lang),
        _outcomes_sentence(facts, lang),
        _screenshots_sentence(facts, lang),
        written_sentence(facts, lang),
        booked,
        *urgency(facts, lang, as_of=as_of),
    ]
    return (" ".join(sentence for sentence in sentences if sentence),)


def weeks_warning(facts: CaseFacts, lang: Lang) -> str:
    """What the log covers, when fewer than three weeks, and what the courts held."""
    n = facts.distinct_weeks
    if facts.booking_attempts <= 1:
        key = "single" if facts.booking_attempts else "zero"
    else:
        key = "one" if n == 1 else "other"
    return t(lang, f"warning.weeks.{key}", n=n) + " " + t(lang, "warning.weeks.case_law")


def warnings(facts: CaseFacts, lang: Lang) -> tuple[str, ...]:
    """What the log lacks, to print directly under the title (the report adds a broken chain)."""
    found = []
    if facts.filtered:
        total = facts.total_attempts_in_journal
        count = t(lang, "total.one" if total == 1 else "total.other", n=i18n.number(lang, total))
        found.append(t(lang, "warning.filtered", attempts=count))
    if facts.distinct_weeks < MIN_WEEKS:
        found.append(weeks_warning(facts, lang))
    if facts.booking_attempts and not facts.with_screenshot:
        found.append(t(lang, "warning.no_screenshot"))
    if not facts.written:
        found.append(t(lang, "warning.no_written"))
    return tuple(found)
