"""The letter, the requête and the attestation: facts, fingerprint, pièces and placeholders."""

from __future__ import annotations

import dataclasses
import datetime as dt
import string

import pytest

from rdvlog.facts import CaseFacts, case_facts
from rdvlog.labels import label_keys
from rdvlog.render.document import Bullets, Document, Heading, Paragraph, Runs, Table, Text
from rdvlog.render.drafts import (
    CONTACT_FORM_LIMIT,
    attestation,
    labels,
    letter,
    letter_text,
    requete,
)
from rdvlog.render.prose import plain
from test_facts import CASE, HEAD, PARIS, PIECES, THIN_HEAD, TODAY, entry, journal, realistic, thin

DRAFTS = {"letter": letter, "requete": requete, "attestation": attestation}


def _runs(document: Document) -> list[Runs]:
    found: list[Runs] = []
    for block in document.blocks:
        if isinstance(block, Heading):
            found.append((block.text,))
        elif isinstance(block, Paragraph):
            found.append(block.runs)
        elif isinstance(block, Bullets):
            found.extend(block.items)
        elif isinstance(block, Table):
            found.append(tuple(" | ".join(block.header)))
            found.extend(cell for row in block.rows for cell in row)
    return found


def text_of(document: Document) -> str:
    return "\n".join(plain(runs) for runs in _runs(document))


def placeholders(document: Document) -> list[str]:
    return [
        run.text
        for runs in _runs(document)
        for run in runs
        if isinstance(run, Text) and run.placeholder
    ]


@pytest.mark.parametrize("kind", DRAFTS)
def test_every_draft_is_marked_a_draft_with_no_legal_advice(kind: str) -> None:
    document = DRAFTS[kind](realistic(), "fr")
    assert document.header == "PROJET — à relire, compléter et signer par le demandeur"
    text = text_of(document)
    assert text.startswith("Projet généré par le logiciel rdvlog à partir du journal")
    assert "rdvlog ne donne aucun conseil juridique" in text
    assert document.lang == "fr"
    assert document.created == dt.datetime(2026, 11, 29, tzinfo=dt.timezone.utc)


@pytest.mark.parametrize("kind", DRAFTS)
def test_every_draft_names_the_applicant_and_the_prefecture(kind: str) -> None:
    text = text_of(DRAFTS[kind](realistic(), "fr"))
    assert "Amadou DIALLO" in text
    assert "Seine-Saint-Denis" in text
    assert "7501234567" in text


@pytest.mark.parametrize("kind", DRAFTS)
def test_every_draft_of_a_thin_log_says_what_the_log_lacks(kind: str) -> None:
    document = DRAFTS[kind](thin(), "fr")
    text = text_of(document)
    assert "Ce que le journal ne montre pas encore :" in text
    assert "une seule semaine calendaire" in text
    assert "Aucune tentative de prise de rendez-vous n'est accompagnée d'une capture" in text
    assert "Aucune démarche écrite" in text
    assert "[À COMPLÉTER : nom et prénom]" in placeholders(document)
    assert "[À COMPLÉTER : numéro étranger (10 chiffres)]" in placeholders(document)


@pytest.mark.parametrize("kind", DRAFTS)
def test_the_english_version_is_a_working_translation(kind: str) -> None:
    document = DRAFTS[kind](realistic(), "en")
    text = text_of(document)
    assert text.startswith("Working translation, for reading only")
    assert "need the French version" in text
    assert "rdvlog gives no legal advice" in text
    assert all(p.startswith("[TO BE COMPLETED: ") for p in placeholders(document))


def test_the_letter_lists_the_attempts_and_prints_the_fingerprint_in_full() -> None:
    document = letter(realistic(), "fr")
    text = text_of(document)
    assert "Lettre recommandée avec demande d'avis de réception" in text
    assert (
        "Objet : Demande de rendez-vous — Renouvellement de titre de séjour — salarié — "
        "mise en demeure" in text
    )
    assert (
        "j'ai tenté à 27 reprises d'obtenir un rendez-vous en ligne, sur 19 jours distincts "
        "répartis sur 6 semaines calendaires" in text
    )
    assert HEAD in text
    assert "n'ont pas été réécrites depuis" in text
    assert "Mon titre de séjour expire le 2 janvier 2027." in text
    assert "Je soussigné Amadou DIALLO, né le [À COMPLÉTER : date de naissance]" in text
    blanks = placeholders(document)
    assert "[À COMPLÉTER : délai, par exemple 15 jours]" in blanks
    assert "[À COMPLÉTER : adresse de la préfecture]" in blanks
    assert "[À COMPLÉTER : Madame la Préfète / Monsieur le Préfet]" in blanks


def test_a_long_log_is_summarised_in_the_letter_first_and_last_attempts_and_a_count() -> None:
    (table,) = [block for block in letter(realistic(), "fr").blocks if isinstance(block, Table)]
    assert len(table.rows) == 13
    assert plain(table.rows[6][0]) == "…"
    assert plain(table.rows[6][4]).startswith("… 15 autres tentatives, du 12/10/2026 au 04/11/2026")


def test_the_requete_has_its_parts_and_the_case_figures() -> None:
    document = requete(realistic(), "fr")
    text = text_of(document)
    for heading in (
        "REQUÊTE EN RÉFÉRÉ MESURES UTILES",
        "(article L.\u00a0521-3 du code de justice administrative)",
        "À Madame ou Monsieur le juge des référés du tribunal administratif de Montreuil",
        "Le préfet de la Seine-Saint-Denis.",
        "I. Faits",
        "A. Sur la compétence du juge des référés et la recevabilité",
        "B. Sur l'urgence",
        "C. Sur l'utilité de la mesure",
        "D. Sur l'absence d'obstacle à l'exécution d'une décision administrative",
        "III. Conclusions",
        "Bordereau des pièces",
    ):
        assert heading in text, heading
    assert "l'urgence est en principe présumée (CE, 9 juin 2022, n°\u00a0453391)" in text
    assert "27 tentatives de prise de rendez-vous en ligne ont été effectuées" in text
    assert "19 jours distincts répartis sur 6 semaines calendaires" in text
    assert "soit dans 34 jours au 29 novembre 2026" in text
    assert "d'enjoindre au préfet de la Seine-Saint-Denis de lui fixer un rendez-vous" in text
    assert "astreinte" not in text
    for n, label in PIECES:
        assert f"Pièce n° {n} : {label}" in text
    assert "[À COMPLÉTER : … jours]" in placeholders(document)
    assert any("L.\u00a0761-1" in blank for blank in placeholders(document))


def test_the_requete_lists_written_steps_with_attempts_in_date_order() -> None:
    tables = [b for b in requete(realistic(), "fr").blocks if isinstance(b, Table)]
    (table,) = tables
    numbers = [int(plain(row[0])) for row in table.rows]
    assert numbers == sorted(numbers)
    assert any("LRAR 1A 234 567 8901 2" in plain(row[4]) for row in table.rows)


def test_the_requete_asks_for_a_penalty_only_when_told() -> None:
    document = requete(realistic(), "fr", astreinte=True)
    assert "sous astreinte de [À COMPLÉTER : montant] euros par jour de retard" in text_of(document)


def test_the_requete_of_a_thin_log_leaves_tribunal_urgency_and_pieces_to_complete() -> None:
    document = requete(thin(), "fr")
    blanks = placeholders(document)
    assert (
        "[À COMPLÉTER : tribunal administratif territorialement compétent (art. R.\u00a0221-3 CJA)]"
        in blanks
    )
    assert any("circonstances particulières" in blank for blank in blanks)
    assert any("rdvlog dossier" in blank for blank in blanks)
    text = text_of(document)
    assert "il appartient au demandeur de justifier de circonstances particulières" in text
    assert THIN_HEAD in text  # the fingerprint at the date of the draft, as in the letter


def test_a_woman_applicant_reads_in_the_feminine() -> None:
    facts = dataclasses.replace(realistic(), civility="Mme", applicant="Awa TRAORÉ")
    assert "Je soussignée Awa TRAORÉ, née le" in text_of(letter(facts, "fr"))
    requete_text = text_of(requete(facts, "fr"))
    assert "au besoin d'office, la requérante demande" in requete_text
    assert "Requérante" in requete_text
    assert "à la connaissance de la requérante" in requete_text
    assert "Je suis informée qu'une fausse attestation" in text_of(attestation(facts, "fr"))


def test_the_attestation_lists_every_attempt_and_recalls_article_441_7() -> None:
    document = attestation(realistic(), "fr")
    text = text_of(document)
    assert "ATTESTATION SUR L'HONNEUR" in text
    assert (
        "atteste sur l'honneur avoir effectué personnellement les tentatives de prise de "
        "rendez-vous suivantes auprès de la préfecture de la Seine-Saint-Denis" in text
    )
    (table,) = [b for b in document.blocks if isinstance(b, Table)]
    assert len(table.rows) == 27
    assert table.header == ("N°", "Date", "Heure", "Canal", "Résultat")
    assert "La présente attestation est établie pour servir en justice." in text
    assert "(article 441-7 du code pénal)" in text
    assert "Joindre la copie d'un document officiel justifiant de l'identité" in text
    blanks = placeholders(document)
    assert "[À COMPLÉTER : date de naissance]" in blanks
    assert "[À COMPLÉTER : lieu de naissance]" in blanks
    assert "[À COMPLÉTER : adresse postale complète]" in blanks


def _long_case(n: int) -> CaseFacts:
    start = dt.datetime(2026, 3, 2, 8, 0)
    plan = [
        entry((start + dt.timedelta(hours=19 * i)).isoformat(timespec="minutes")) for i in range(n)
    ]
    return case_facts(journal(plan), CASE, zone=PARIS, today=TODAY, head_hash=HEAD)


def test_the_contact_form_text_keeps_under_the_limit_with_the_fingerprint_in_full() -> None:
    for facts in (realistic(), thin(), _long_case(200)):
        for lang in ("fr", "en"):
            text = letter_text(facts, lang)  # type: ignore[arg-type]
            assert len(text) <= CONTACT_FORM_LIMIT
            assert (facts.head_hash or "") in text
    assert "j'ai tenté à 200 reprises" in letter_text(_long_case(200), "fr")


def test_the_contact_form_text_stays_under_the_limit_with_the_longest_fields() -> None:
    facts = dataclasses.replace(
        realistic(), applicant="A" * 500, procedure="P" * 500, prefecture="Préfecture " + "x" * 490
    )
    text = letter_text(facts, "fr")
    assert len(text) <= CONTACT_FORM_LIMIT
    assert HEAD in text


def test_every_draft_label_reads_in_both_languages_with_the_same_fields() -> None:
    keys = [k.removeprefix("draft.") for k in label_keys() if k.startswith("draft.")]
    assert keys
    for key in keys:
        french, english = labels.t("fr", key), labels.t("en", key)
        assert french.strip() and english.strip(), key
        assert _fields(french) - {"e"} == _fields(english) - {"e"}, key


def _fields(text: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(text) if field}
