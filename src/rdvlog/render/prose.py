"""The synthèse of a case in the register of a requête, and the warnings that go above it."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from typing import Literal

from rdvlog import labels
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
    """The synthèse's sentence ``key`` (``synthese.<key>`` in the label table)."""
    return labels.t(lang, f"synthese.{key}", **values)


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
    """``a, b et c`` / ``a, b and c``; items that hold a comma themselves (« un courriel du
    12 octobre, suivi d'une réponse… ») are set apart by semicolons, so that no reader takes
    the next item for part of the previous one."""
    if len(items) <= 1:
        return "".join(items)
    if any("," in item for item in items):
        semicolon = labels.t(lang, "semicolon")  # « ; » in French, "; " in English
        return semicolon.join(items[:-1]) + semicolon.rstrip() + t(lang, "and") + items[-1]
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
        return t(lang, "dates", e=feminine(facts)) + t(lang, "attempts.none")
    span = period(lang, facts.first.date(), facts.last.date())
    if n == 1:
        return t(lang, "dates", e=feminine(facts)) + t(
            lang, "attempts.one", how=how(facts, lang), period=span
        )
    text = t(
        lang, "attempts.other", n=n, how=how(facts, lang), period=span, spread=spread(facts, lang)
    )
    return t(lang, "dates", e=feminine(facts)) + text


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
