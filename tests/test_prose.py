"""The synthèse in the register of a requête, its French typography, and the warnings."""

from __future__ import annotations

import dataclasses
import datetime as dt
import string

import pytest

from rdvlog.labels import label_keys
from rdvlog.render import prose
from rdvlog.render.prose import long_date, period, plain, synthese, warnings
from test_facts import realistic, thin

NBSP = "\u00a0"
REALISTIC_FR = (
    "M.\u00a0Amadou DIALLO cherche à obtenir un rendez-vous auprès de la préfecture de la "
    "Seine-Saint-Denis pour la démarche «\u00a0Renouvellement de titre de séjour — salarié\u00a0». "
    "Selon les dates et heures consignées par l'intéressé dans son journal (déclarées ou "
    "relevées sur l'horloge de son ordinateur), 27 tentatives de prise de rendez-vous en ligne "
    "ont été effectuées du 5 octobre au 14 novembre 2026, sur 19 jours distincts répartis sur "
    "6 semaines calendaires (du lundi au dimanche). Résultats consignés : absence de créneau "
    "disponible (23), erreur ou indisponibilité du site (4). Parmi ces tentatives, 24 sont "
    "accompagnées d'au moins une capture d'écran ; chacune des 6 semaines en compte au moins "
    "une. Le journal consigne en outre les démarches écrites suivantes adressées à la "
    "préfecture : un courriel du 12 octobre 2026 ; un courriel du 26 octobre 2026 ; et une lettre "
    "recommandée avec accusé de réception du 2 novembre 2026, reçue le 3 novembre 2026 ; "
    "aucune réponse n'est consignée. Aucun rendez-vous obtenu n'est consigné. Il s'agit d'une "
    "demande de renouvellement de titre de séjour. Le titre de séjour de l'intéressé expire le "
    "2 janvier 2027, soit dans 34 jours à la date du présent relevé."
)


def test_the_realistic_synthese_reads_exactly_as_a_requete_states_the_facts() -> None:
    assert plain(synthese(realistic(), "fr")) == REALISTIC_FR


def test_the_thin_synthese_says_one_week_no_screenshot_no_written_step() -> None:
    text = plain(synthese(thin(), "fr"))
    assert text.startswith("Le demandeur cherche à obtenir un rendez-vous")
    assert "3 tentatives de prise de rendez-vous en ligne ont été effectuées du 23 au 25 " in text
    assert "compris dans une seule semaine calendaire (du lundi au dimanche)" in text
    assert "Aucune de ces tentatives n'est accompagnée d'une capture d'écran." in text
    assert "Aucune démarche écrite" in text
    assert "Il s'agit d'une première demande de titre de séjour." in text
    assert "expire" not in text


def test_the_english_synthese_is_the_same_facts() -> None:
    text = plain(synthese(realistic(), "en"))
    assert (
        "27 attempts to book an appointment online were made from 5 October to 14 November 2026"
        in text
    )
    assert "19 distinct days spread over 6 calendar weeks" in text
    assert "expires on 2 January 2027, that is in 34 days" in text


def test_an_expired_permit_counts_the_days_since() -> None:
    facts = realistic(today=dt.date(2027, 1, 3))
    assert (
        "Le titre de séjour de l'intéressé a expiré le 2 janvier 2027, soit depuis 1 jour à la "
        "date du présent relevé." in plain(synthese(facts, "fr"))
    )


def test_a_draft_dates_the_days_left_instead_of_citing_the_report() -> None:
    text = plain(synthese(realistic(), "fr", as_of="draft"))
    assert "soit dans 34 jours au 29 novembre 2026." in text


def test_singulars_read_as_french_does() -> None:
    facts = dataclasses.replace(
        thin(), booking_attempts=1, attempts=thin().attempts[:1], last=thin().first, distinct_days=1
    )
    text = plain(synthese(facts, "fr"))
    assert (
        "une seule tentative de prise de rendez-vous en ligne a été effectuée, le 23 novembre"
        in text
    )
    assert "Cette tentative n'est accompagnée d'aucune capture d'écran." in text


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        ((2026, 11, 1), (2026, 11, 1), "le 1er novembre 2026"),
        ((2026, 11, 1), (2026, 11, 9), "du 1er au 9 novembre 2026"),
        ((2026, 10, 5), (2026, 11, 14), "du 5 octobre au 14 novembre 2026"),
        ((2026, 12, 28), (2027, 1, 2), "du 28 décembre 2026 au 2 janvier 2027"),
    ],
)
def test_periods_are_written_out_in_french(
    start: tuple[int, int, int], end: tuple[int, int, int], expected: str
) -> None:
    assert period("fr", dt.date(*start), dt.date(*end)) == expected


def test_long_dates_in_english() -> None:
    assert long_date("en", dt.date(2026, 11, 1)) == "1 November 2026"


def test_guillemets_take_a_no_break_space_inside() -> None:
    text = plain(synthese(realistic(), "fr"))
    assert f"«{NBSP}Renouvellement" in text and f"salarié{NBSP}»" in text
    assert "« " not in text and " »" not in text


def test_the_thin_case_warns_of_one_week_no_screenshot_and_no_written_step() -> None:
    found = warnings(thin(), "fr")
    assert len(found) == 3
    assert found[0].startswith(
        "Les tentatives de prise de rendez-vous consignées sont toutes comprises dans une seule "
        "semaine calendaire (du lundi au dimanche). Le Conseil d'État a jugé insuffisantes des "
        "tentatives toutes effectuées au cours d'une même semaine (CE, 10 juin 2020, n° 435594) ; "
        "les ordonnances favorables ont retenu des tentatives réparties sur au moins trois "
        "semaines (TA Cergy-Pontoise, 2 nov. 2020, n° 2010725 ; TA Paris, 3 nov. 2020, "
        "n° 2016798)."
    )
    assert "capture d'écran" in found[1]
    assert "démarche écrite" in found[2]


def test_the_realistic_case_has_no_warning() -> None:
    assert warnings(realistic(), "fr") == ()


def test_an_extract_says_how_many_attempts_the_whole_journal_holds() -> None:
    facts = dataclasses.replace(realistic(), filtered=True, total_attempts_in_journal=1234)
    (found,) = warnings(facts, "fr")
    assert found.startswith("Extrait : ")
    assert found.endswith(f"le journal complet compte 1{NBSP}234 tentatives.")


def test_every_prose_label_reads_in_both_languages_with_the_same_fields() -> None:
    keys = [k.removeprefix("synthese.") for k in label_keys() if k.startswith("synthese.")]
    assert keys
    for key in keys:
        french, english = prose.t("fr", key), prose.t("en", key)
        assert french.strip() and english.strip(), key
        # ``e`` and ``s`` are French agreements; English has none.
        assert _fields(french) - {"e", "s"} == _fields(english) - {"e", "s"}, key


def _fields(text: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(text) if field}
