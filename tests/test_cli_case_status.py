"""``rdvlog case``, ``rdvlog prefectures`` and ``rdvlog status`` through CliRunner."""

from __future__ import annotations

import json
from pathlib import Path

from builders import Clock, snapshot
from conftest import Invoke


def test_case_set_then_show(rdvlog: Invoke) -> None:
    result = rdvlog(
        "case", "set", "--applicant", "Aïcha Ben Saïd", "-p", "bobigny", "-d", "AES salarié",
        "--permit-expires", "31/12/2026", "--renewal", "--foreigner-number", "7501234567",
        "--civility", "Mme",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    shown = json.loads(rdvlog("case", "show", "--json").stdout)
    assert shown == {
        "applicant": "Aïcha Ben Saïd",
        "civility": "Mme",
        "place": {
            "label": "Préfecture de la Seine-Saint-Denis",
            "kind": "prefecture",
            "department": "93",
            "office": "Bobigny",
        },
        "procedure": "AES salarié",
        "permit_expires": "2026-12-31",
        "foreigner_number": "7501234567",
        "application": "renewal",
        "lang": None,
    }
    text = rdvlog("case", "show").stdout
    assert "Préfecture de la Seine-Saint-Denis" in text and "renewal" in text


def test_each_case_change_is_on_record_and_latest_wins(rdvlog: Invoke, store: Path) -> None:
    rdvlog("case", "set", "-d", "AES salarié", "--lang", "en")
    rdvlog("case", "set", "-d", "Renouvellement")
    unchanged = rdvlog("case", "set", "-d", "Renouvellement")
    assert unchanged.stderr == "case profile unchanged\n"
    lines = [json.loads(x) for x in (store / "journal.jsonl").read_text().splitlines()]
    assert [line["data"] for line in lines] == [
        {"procedure": "AES salarié", "lang": "en"},
        {"procedure": "Renouvellement", "lang": "en"},
    ]


def test_attempt_add_takes_place_and_procedure_from_the_case(rdvlog: Invoke) -> None:
    rdvlog("case", "set", "-p", "93", "-d", "AES salarié")
    entry = json.loads(rdvlog("attempt", "add", "--json").stdout)
    assert entry["data"]["place"]["office"] == "Bobigny"
    assert entry["data"]["procedure"] == "AES salarié"
    override = json.loads(rdvlog("attempt", "add", "-p", "le raincy", "--json").stdout)
    assert override["data"]["place"]["label"] == "Sous-préfecture du Raincy"
    assert override["data"]["procedure"] == "AES salarié"


def test_case_set_refuses_bad_values_and_writes_nothing(rdvlog: Invoke, store: Path) -> None:
    rdvlog("case", "set", "-d", "AES")
    before = snapshot(store)
    for args in (
        [],
        ["--permit-expires", "31/02/2027"],
        ["--permit-expires", "soon"],
        ["-p", "saint-denis"],
        ["-p", "atlantis"],
        ["--lang", "de"],
        ["--applicant", " "],
    ):
        result = rdvlog("case", "set", *args)
        assert result.exit_code == 2, (args, result.output)
        assert result.stderr.startswith("error: ") and result.stderr.count("\n") == 1
    assert snapshot(store) == before


def test_prefecture_resolution_in_attempt_add(rdvlog: Invoke, store: Path) -> None:
    ambiguous = rdvlog("attempt", "add", "-p", "saint-denis", "-d", "AES")
    assert ambiguous.exit_code == 2
    assert "93" in ambiguous.stderr and "974" in ambiguous.stderr
    unknown = rdvlog("attempt", "add", "-p", "bobignu", "-d", "AES")
    assert unknown.exit_code == 2 and "Bobigny" in unknown.stderr
    assert not store.exists()
    typed = json.loads(
        rdvlog("attempt", "add", "-p", "Mairie annexe", "--unlisted", "-d", "AES", "--json").stdout
    )
    assert typed["data"]["place"] == {"label": "Mairie annexe", "kind": "unlisted"}


def test_prefectures_search(rdvlog: Invoke) -> None:
    found = json.loads(rdvlog("prefectures", "raincy", "--json").stdout)
    assert [o["label"] for o in found] == ["Sous-préfecture du Raincy"]
    every = json.loads(rdvlog("prefectures", "--json").stdout)
    assert len(every) == 334
    plain = rdvlog("prefectures", "2a").stdout.splitlines()
    assert plain[0] == "2A\tprefecture\tAjaccio\tPréfecture de la Corse-du-Sud"
    none = rdvlog("prefectures", "zzzz")
    assert none.exit_code == 2
    assert none.stderr.startswith('error: no préfecture matches "zzzz"')


def add_at(rdvlog: Invoke, when: str, *extra: str) -> None:
    result = rdvlog("attempt", "add", "--unlisted", "-p", "X", "-d", "AES", "--at", when, *extra)
    assert result.exit_code == 0, result.output


def test_status_of_an_empty_journal(rdvlog: Invoke, store: Path) -> None:
    facts = json.loads(rdvlog("status", "--json").stdout)
    assert facts["attempts"] == 0
    assert facts["journal"] == {"entries": 0, "head_hash": None, "verified": True, "problem": None}
    assert facts["warnings"] == ["no attempt recorded yet: run `rdvlog attempt add` after each try"]
    assert len(facts["heatmap"]["rows"]) == 7
    assert all(len(row) == 12 and not any(row) for row in facts["heatmap"]["rows"])
    assert not store.exists()


def test_status_of_a_one_week_journal(rdvlog: Invoke) -> None:
    add_at(rdvlog, "23/11/2026 08:00")  # Monday
    add_at(rdvlog, "24/11/2026 08:00")
    add_at(rdvlog, "24/11/2026 14:00", "--outcome", "site-error")
    rdvlog("case", "set", "--permit-expires", "2026-12-08")
    facts = json.loads(rdvlog("status", "--json").stdout)
    assert (facts["attempts"], facts["distinct_days"], facts["distinct_weeks"]) == (3, 2, 1)
    assert facts["by_outcome"] == {"no-slot": 2, "site-error": 1}
    assert facts["days_since_last"] == 2
    assert facts["heatmap"]["weeks"][-1] == "2026-11-23"
    assert [row[-1] for row in facts["heatmap"]["rows"]] == [1, 2, 0, 0, 0, 0, 0]
    assert facts["warnings"] == [
        "all attempts fall within 1 distinct week — courts look for attempts over several weeks"
        " (CE 10 juin 2020 n° 435594)",
        "no screenshot yet this week: attach one to an attempt (-e FILE or --latest-screenshot)",
        "permit expires in 12 days",
    ]
    text = rdvlog("status").stdout
    assert "permit expires in 12 days" in text and "Tue" in text


def test_status_of_a_many_week_journal(rdvlog: Invoke, clock: Clock) -> None:
    for day in ("05/10/2026", "14/10/2026", "21/10/2026", "02/11/2026", "18/11/2026"):
        add_at(rdvlog, f"{day} 07:30")
    clock.advance(days=3)
    facts = json.loads(rdvlog("status", "--json").stdout)
    assert (facts["attempts"], facts["distinct_weeks"]) == (5, 5)
    assert facts["days_since_last"] == 11
    assert facts["warnings"] == [
        "no attempt for 11 days",
        "no screenshot yet this week: attach one to an attempt (-e FILE or --latest-screenshot)",
    ]
    assert sum(map(sum, facts["heatmap"]["rows"])) == 5
    assert facts["journal"]["verified"] is True


def test_status_reports_a_broken_chain(rdvlog: Invoke, store: Path) -> None:
    add_at(rdvlog, "08:00")
    add_at(rdvlog, "09:00")
    journal = store / "journal.jsonl"
    journal.write_text(journal.read_text().replace("AES", "AEZ", 1))
    facts = json.loads(rdvlog("status", "--json").stdout)
    assert facts["journal"]["verified"] is False
    assert facts["journal"]["problem"].startswith("line 1: hash-mismatch")
    assert facts["warnings"][0].startswith("the journal does not verify")
