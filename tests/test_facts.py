"""The facts of a case: booking attempts counted apart from written steps, days, weeks, urgency.

Also the two cases the prose and draft tests share: a realistic six-week case and a thin one.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from zoneinfo import ZoneInfo

from rdvlog.codes import Channel, Outcome
from rdvlog.facts import CaseFacts, attempt_numbers, case_facts
from rdvlog.history import AttemptRecord
from rdvlog.models import Attempt, Case, Evidence, Place

PARIS = ZoneInfo("Europe/Paris")
UTC = dt.timezone.utc
BOBIGNY = Place(
    label="Préfecture de la Seine-Saint-Denis", kind="prefecture", department="93", office="Bobigny"
)
PROCEDURE = "Renouvellement de titre de séjour — salarié"
NO_SLOT = (
    "Il n'existe plus de plage horaire libre pour votre demande de rendez-vous. "
    "Veuillez recommencer ultérieurement."
)
HEAD = hashlib.sha256(b"head of the realistic journal").hexdigest()
THIN_HEAD = hashlib.sha256(b"head of the thin journal").hexdigest()
TODAY = dt.date(2026, 11, 29)
TRIBUNAL = "Tribunal administratif de Montreuil"
PIECES = (
    (1, "Relevé des tentatives de prise de rendez-vous"),
    (2, "Titre de séjour expirant le 2 janvier 2027"),
    (3, "Captures d'écran des tentatives (série homogène)"),
    (4, "Lettre recommandée du 2 novembre 2026 et avis de réception"),
)


CASE = Case(
    applicant="Amadou DIALLO",
    place=BOBIGNY,
    procedure=PROCEDURE,
    permit_expires=dt.date(2027, 1, 2),
    foreigner_number="7501234567",
    application="renewal",
    lang="fr",
    civility="M.",
)
THIN_CASE = Case(procedure="Admission exceptionnelle au séjour — salarié", application="first")


def screenshot(name: str) -> Evidence:
    digest = hashlib.sha256(name.encode()).hexdigest()
    return Evidence(sha256=digest, name=name, size=50_000, media_type="image/png")


def entry(
    when: str,
    channel: Channel = Channel.WEB,
    outcome: Outcome = Outcome.NO_SLOT,
    *,
    shot: bool = False,
    place: Place = BOBIGNY,
    procedure: str = PROCEDURE,
    **fields: object,
) -> Attempt:
    at = dt.datetime.fromisoformat(when).replace(tzinfo=PARIS)
    message = NO_SLOT if outcome is Outcome.NO_SLOT else None
    return Attempt(
        at=at,
        place=place,
        procedure=procedure,
        channel=channel,
        outcome=outcome,
        message=fields.pop("message", message),  # type: ignore[arg-type]
        evidence=(screenshot(f"capture-{when}.png"),) if shot else (),
        **fields,  # type: ignore[arg-type]
    )


def journal(attempts: list[Attempt], voided: frozenset[int] = frozenset()) -> list[AttemptRecord]:
    """Records in journal order: seq 1 is the case entry; a void takes the next seq."""
    records, seq = [], 1
    for index, attempt in enumerate(attempts):
        seq += 1
        reason = "Saisie en double" if index in voided else None
        recorded = attempt.at.astimezone(UTC) + dt.timedelta(seconds=30)
        records.append(AttemptRecord(seq, recorded, attempt, reason))
        if reason:
            seq += 1
    return records


# Six calendar weeks, 5 October – 14 November 2026: 19 days, 27 attempts (two on eight days).
_DAYS = {
    "2026-10-05": ("08:02", "21:47"),
    "2026-10-06": ("12:30",),
    "2026-10-07": ("07:15", "19:10"),
    "2026-10-09": ("09:00",),
    "2026-10-12": ("08:30",),
    "2026-10-13": ("19:20", "22:40"),
    "2026-10-15": ("13:10",),
    "2026-10-19": ("08:00",),
    "2026-10-20": ("12:15", "18:00"),
    "2026-10-22": ("07:51",),
    "2026-10-24": ("16:00",),
    "2026-10-27": ("08:45", "20:05"),
    "2026-10-29": ("06:50",),
    "2026-11-02": ("08:10",),
    "2026-11-04": ("13:45", "21:30"),
    "2026-11-06": ("17:55",),
    "2026-11-10": ("12:00", "23:15"),
    "2026-11-12": ("07:40",),
    "2026-11-14": ("09:30", "10:15"),
}
_SITE_ERRORS = {"2026-10-06T12:30", "2026-10-20T18:00", "2026-11-04T21:30", "2026-11-12T07:40"}
_NO_SHOT = {"2026-10-05T21:47", "2026-10-13T22:40", "2026-11-14T10:15"}


def realistic_records() -> list[AttemptRecord]:
    plan = []
    for day, times in _DAYS.items():
        for time in times:
            when = f"{day}T{time}"
            outcome = Outcome.SITE_ERROR if when in _SITE_ERRORS else Outcome.NO_SLOT
            message = "Service surchargé" if outcome is Outcome.SITE_ERROR else NO_SLOT
            plan.append(entry(when, outcome=outcome, shot=when not in _NO_SHOT, message=message))
    plan += [
        entry("2026-10-12T14:05", Channel.EMAIL, Outcome.SENT, reference="Demande de rendez-vous"),
        entry("2026-10-26T10:00", Channel.EMAIL, Outcome.SENT, reference="Relance"),
        entry("2026-11-02T10:00", Channel.LETTER, Outcome.SENT, reference="LRAR 1A 234 567 8901 2"),
        # A duplicate, voided: numbered, never counted.
        entry("2026-10-22T07:50", shot=True),
    ]
    plan.sort(key=lambda attempt: attempt.at)
    duplicate = next(i for i, a in enumerate(plan) if a.at.minute == 50 and a.at.day == 22)
    records = journal(plan, voided=frozenset({duplicate}))
    letter = next(r for r in records if r.attempt.channel is Channel.LETTER)
    delivered = entry("2026-11-03T11:20", Channel.LETTER, Outcome.DELIVERED, about=letter.seq)
    last = records[-1].seq + 1
    records.append(AttemptRecord(last, dt.datetime(2026, 11, 20, 9, tzinfo=UTC), delivered))
    return records


def realistic(**options: object) -> CaseFacts:
    defaults: dict[str, object] = {
        "zone": PARIS,
        "today": TODAY,
        "head_hash": HEAD,
        "tribunal": TRIBUNAL,
        "pieces": PIECES,
    }
    defaults.update(options)
    return case_facts(realistic_records(), CASE, **defaults)  # type: ignore[arg-type]


def thin_records() -> list[AttemptRecord]:
    plan = [
        entry("2026-11-23T09:00", procedure=THIN_CASE.procedure or ""),
        entry("2026-11-24T14:30", procedure=THIN_CASE.procedure or ""),
        entry("2026-11-25T20:15", procedure=THIN_CASE.procedure or ""),
    ]
    return journal(plan)


def thin() -> CaseFacts:
    return case_facts(thin_records(), THIN_CASE, zone=PARIS, today=TODAY, head_hash=THIN_HEAD)


def test_booking_attempts_exclude_written_steps_follow_ups_and_voided_entries() -> None:
    facts = realistic()
    assert facts.booking_attempts == 27
    assert len(facts.attempts) == 27
    assert facts.by_outcome == {Outcome.NO_SLOT: 23, Outcome.SITE_ERROR: 4}
    assert all(line.channel is Channel.WEB for line in facts.attempts)


def test_distinct_days_and_calendar_weeks_are_counted_in_local_time() -> None:
    facts = realistic()
    assert (facts.distinct_days, facts.distinct_weeks) == (19, 6)
    assert facts.first == dt.datetime(2026, 10, 5, 8, 2, tzinfo=PARIS)
    assert facts.last is not None and facts.last.date() == dt.date(2026, 11, 14)


def test_a_late_evening_attempt_counts_on_its_local_day_not_its_utc_day() -> None:
    records = journal([entry("2026-11-29T00:30"), entry("2026-11-28T23:30")])
    facts = case_facts(records, CASE, zone=PARIS, today=TODAY, head_hash=None)
    # 28 Nov is a Saturday, 29 Nov a Sunday: two days, one calendar week (Monday–Sunday).
    assert (facts.distinct_days, facts.distinct_weeks) == (2, 1)


def test_screenshots_are_counted_per_attempt_and_per_week() -> None:
    facts = realistic()
    assert facts.with_screenshot == 24
    assert facts.weeks_with_screenshot == 6
    assert sum(1 for line in facts.attempts if line.screenshots) == 24


def test_written_steps_carry_their_delivery_and_answer() -> None:
    steps = realistic().written
    assert [step.channel for step in steps] == [Channel.EMAIL, Channel.EMAIL, Channel.LETTER]
    assert [step.delivered for step in steps[:2]] == [None, None]
    assert steps[2].delivered == dt.datetime(2026, 11, 3, 11, 20, tzinfo=PARIS)
    assert steps[2].reference == "LRAR 1A 234 567 8901 2"
    assert all(step.answered is None for step in steps)


def test_a_follow_up_without_about_goes_to_the_latest_earlier_step_of_its_channel() -> None:
    records = journal(
        [
            entry("2026-10-01T10:00", Channel.EMAIL, Outcome.SENT),
            entry("2026-10-05T10:00", Channel.LETTER, Outcome.SENT),
            entry("2026-10-08T10:00", Channel.EMAIL, Outcome.SENT),
            entry("2026-10-09T10:00", Channel.EMAIL, Outcome.ANSWERED),
            entry("2026-10-10T10:00", Channel.CONTACT_FORM, Outcome.SENT),
        ]
    )
    facts = case_facts(records, CASE, zone=PARIS, today=TODAY, head_hash=None)
    assert [step.answered is not None for step in facts.written] == [False, False, True, False]
    assert facts.booking_attempts == 0
    assert facts.written[3].channel is Channel.CONTACT_FORM


def test_attempt_numbers_count_attempt_entries_voided_ones_included() -> None:
    records = realistic_records()
    numbers = attempt_numbers(records)
    assert sorted(numbers.values()) == list(range(1, len(records) + 1))
    facts = realistic()
    # The void after the duplicate takes a seq but no number; the duplicate keeps its number.
    assert [line.number for line in facts.attempts] == sorted(
        line.number for line in facts.attempts
    )
    assert facts.written[0].number == 8  # 7 web attempts before it, from 5 to 12 October
    duplicate = next(r for r in records if r.voided)
    shown = [line.number for line in facts.attempts]
    assert numbers[duplicate.seq] not in shown
    assert numbers[duplicate.seq] + 1 in shown  # the attempt re-entered a minute later


def test_given_numbers_win_for_a_selection_of_the_journal() -> None:
    records = realistic_records()
    numbers = attempt_numbers(records)
    selection = [r for r in records if r.attempt.at.date() >= dt.date(2026, 11, 1)]
    facts = case_facts(
        selection,
        CASE,
        zone=PARIS,
        today=TODAY,
        head_hash=HEAD,
        numbers=numbers,
        filtered=True,
        total_attempts=27,
    )
    assert facts.attempts[0].number == numbers[selection[0].seq]
    assert facts.attempts[0].number > 20
    assert facts.filtered and facts.total_attempts_in_journal == 27


def test_days_left_until_expiry_and_negative_once_expired() -> None:
    assert realistic().days_left == 34
    assert realistic(today=dt.date(2027, 1, 12)).days_left == -10
    assert thin().days_left is None


def test_the_case_profile_gives_identity_and_place_with_the_attempts_as_fallback() -> None:
    facts = realistic()
    assert (facts.applicant, facts.civility, facts.foreigner_number) == (
        "Amadou DIALLO",
        "M.",
        "7501234567",
    )
    assert (facts.prefecture, facts.department) == ("Préfecture de la Seine-Saint-Denis", "93")
    thin_facts = thin()
    assert thin_facts.prefecture == "Préfecture de la Seine-Saint-Denis"
    assert thin_facts.applicant is None and thin_facts.civility is None
    assert thin_facts.procedure == "Admission exceptionnelle au séjour — salarié"


def test_a_booked_appointment_is_reported() -> None:
    records = journal(
        [entry("2026-11-02T08:00"), entry("2026-11-20T08:00", outcome=Outcome.BOOKED)]
    )
    facts = case_facts(records, CASE, zone=PARIS, today=TODAY, head_hash=None)
    assert facts.booked == dt.datetime(2026, 11, 20, 8, 0, tzinfo=PARIS)
