"""The préfecture directory and the resolution of loosely typed names."""

from __future__ import annotations

import pytest

from rdvlog.errors import EXIT_USAGE, UsageError
from rdvlog.places import (
    AmbiguousPlace,
    Office,
    UnknownPlace,
    normalise,
    offices,
    resolve,
    search,
    suggestions,
)

PREFECTURES = [office for office in offices() if office.kind == "prefecture"]
SOUS_PREFECTURES = [office for office in offices() if office.kind == "sous-prefecture"]

# Names that fit more than one office, found by building the directory: two towns of the same
# name, or a town named like another département.
AMBIGUOUS = {
    "Saint-Denis": {("93", "Saint-Denis"), ("974", "Saint-Denis")},
    "Saint-Pierre": {("972", "Saint-Pierre"), ("974", "Saint-Pierre")},
    "Mayenne": {("53", "Laval"), ("53", "Mayenne")},
    "Vienne": {("38", "Vienne"), ("86", "Poitiers")},
    "20": {("2A", "Ajaccio"), ("2B", "Bastia")},
}


def office(department: str, town: str) -> Office:
    (found,) = [o for o in offices() if o.department == department and o.office == town]
    return found


def test_directory_has_one_office_per_arrondissement_plus_mayotte() -> None:
    # COG 2025 has 333 arrondissements; Mayotte (976) has none but has a préfecture.
    assert len(offices()) == 334
    assert len(PREFECTURES) == 101
    assert len({o.department for o in PREFECTURES}) == 101
    assert len(set(offices())) == 334


def test_directory_is_sorted_by_department_then_prefecture_first_then_town() -> None:
    keys = [(o.department, o.kind != "prefecture", normalise(o.office)) for o in offices()]
    assert keys == sorted(keys)


@pytest.mark.parametrize(
    ("department", "town", "kind", "label"),
    [
        ("93", "Bobigny", "prefecture", "Préfecture de la Seine-Saint-Denis"),
        ("93", "Le Raincy", "sous-prefecture", "Sous-préfecture du Raincy"),
        ("93", "Saint-Denis", "sous-prefecture", "Sous-préfecture de Saint-Denis"),
        ("75", "Paris", "prefecture", "Préfecture de police"),
        ("01", "Bourg-en-Bresse", "prefecture", "Préfecture de l'Ain"),
        ("13", "Marseille", "prefecture", "Préfecture des Bouches-du-Rhône"),
        ("69", "Lyon", "prefecture", "Préfecture du Rhône"),
        ("92", "Nanterre", "prefecture", "Préfecture des Hauts-de-Seine"),
        ("2A", "Ajaccio", "prefecture", "Préfecture de la Corse-du-Sud"),
        ("2B", "Bastia", "prefecture", "Préfecture de la Haute-Corse"),
        ("90", "Belfort", "prefecture", "Préfecture du Territoire de Belfort"),
        ("974", "Saint-Denis", "prefecture", "Préfecture de La Réunion"),
        ("972", "Fort-de-France", "prefecture", "Préfecture de la Martinique"),
        ("976", "Mamoudzou", "prefecture", "Préfecture de Mayotte"),
        ("27", "Les Andelys", "sous-prefecture", "Sous-préfecture des Andelys"),
        ("61", "Argentan", "sous-prefecture", "Sous-préfecture d'Argentan"),
        ("94", "L'Haÿ-les-Roses", "sous-prefecture", "Sous-préfecture de L'Haÿ-les-Roses"),
        ("36", "La Châtre", "sous-prefecture", "Sous-préfecture de La Châtre"),
        ("972", "Le Marin", "sous-prefecture", "Sous-préfecture du Marin"),
        ("91", "Étampes", "sous-prefecture", "Sous-préfecture d'Étampes"),
        (
            "50",
            "Cherbourg-en-Cotentin",
            "sous-prefecture",
            "Sous-préfecture de Cherbourg-en-Cotentin",
        ),
    ],
)
def test_stored_labels_are_correct_french(
    department: str, town: str, kind: str, label: str
) -> None:
    found = office(department, town)
    assert (found.kind, found.label) == (kind, label)


def test_labels_are_unique_but_for_the_two_saint_pierre() -> None:
    labels = [o.label for o in offices()]
    repeated = {label for label in labels if labels.count(label) > 1}
    assert repeated == {"Sous-préfecture de Saint-Pierre"}


def test_to_place_gives_the_journal_form() -> None:
    place = resolve("bobigny").to_place()
    assert place.model_dump(exclude_none=True) == {
        "department": "93",
        "office": "Bobigny",
        "kind": "prefecture",
        "label": "Préfecture de la Seine-Saint-Denis",
    }


@pytest.mark.parametrize("prefecture", PREFECTURES, ids=lambda o: o.department)
def test_every_department_code_resolves_to_its_prefecture(prefecture: Office) -> None:
    assert resolve(prefecture.department) == prefecture
    assert resolve(prefecture.department.lower()) == prefecture
    assert resolve(f"pref {prefecture.department}") == prefecture


@pytest.mark.parametrize("prefecture", PREFECTURES, ids=lambda o: o.department_name)
def test_every_department_name_resolves_to_its_prefecture(prefecture: Office) -> None:
    name = prefecture.department_name
    if name in AMBIGUOUS:
        with pytest.raises(AmbiguousPlace):
            resolve(name)
        return
    assert resolve(name) == prefecture
    assert resolve(name.upper()) == prefecture
    assert resolve(f"préfecture {name}") == prefecture


@pytest.mark.parametrize("known", list(offices()), ids=lambda o: f"{o.department}-{o.office}")
def test_every_office_resolves_by_its_town_unless_the_town_is_ambiguous(known: Office) -> None:
    if known.office in AMBIGUOUS:
        with pytest.raises(AmbiguousPlace):
            resolve(known.office)
        same_department = {d for d, _ in AMBIGUOUS[known.office]} == {known.department}
        precise = known.label if same_department else f"{known.office} {known.department}"
        assert resolve(precise) == known
    else:
        assert resolve(known.office) == known
        assert resolve(f"prefecture {known.office}") == known


@pytest.mark.parametrize("known", list(offices()), ids=lambda o: f"{o.department}-{o.office}")
def test_every_label_resolves_to_its_office(known: Office) -> None:
    if known.label == "Sous-préfecture de Saint-Pierre":
        assert resolve(f"{known.label} ({known.department})") == known
    else:
        assert resolve(known.label) == known
        assert resolve(normalise(known.label)) == known


@pytest.mark.parametrize(
    ("text", "department", "town"),
    [
        ("93", "93", "Bobigny"),
        ("1", "01", "Bourg-en-Bresse"),
        ("2a", "2A", "Ajaccio"),
        ("2B", "2B", "Bastia"),
        ("974", "974", "Saint-Denis"),
        ("seine st denis", "93", "Bobigny"),
        ("  SEINE–SAINT–DENIS ", "93", "Bobigny"),
        ("seinesaintdenis", "93", "Bobigny"),
        ("bobigny", "93", "Bobigny"),
        ("le raincy", "93", "Le Raincy"),
        ("Raincy", "93", "Le Raincy"),
        ("sous-prefecture du raincy", "93", "Le Raincy"),
        ("Préfecture de la Seine-Saint-Denis", "93", "Bobigny"),
        ("prefecture bobigny", "93", "Bobigny"),
        ("pref 93", "93", "Bobigny"),
        ("pref de police", "75", "Paris"),
        ("préfecture de police", "75", "Paris"),
        ("PP", "75", "Paris"),
        ("paris", "75", "Paris"),
        ("75", "75", "Paris"),
        ("la reunion", "974", "Saint-Denis"),
        ("Réunion", "974", "Saint-Denis"),
        ("l'hay-les-roses", "94", "L'Haÿ-les-Roses"),
        ("L’Haÿ les Roses", "94", "L'Haÿ-les-Roses"),
        ("lhay les roses", "94", "L'Haÿ-les-Roses"),
        ("sous pref d'argentan", "61", "Argentan"),
        ("ST-DIE-DES-VOSGES", "88", "Saint-Dié-des-Vosges"),
        ("Sous-préfecture de Saint-Denis", "93", "Saint-Denis"),
        ("saint-denis 93", "93", "Saint-Denis"),
        ("Saint-Denis (974)", "974", "Saint-Denis"),
        ("saint pierre 972", "972", "Saint-Pierre"),
        ("vienne 38", "38", "Vienne"),
        ("Sous-préfecture de Mayenne", "53", "Mayenne"),
        ("cergy", "95", "Pontoise"),
        ("Cergy-Pontoise", "95", "Pontoise"),
        ("préfecture de cergy", "95", "Pontoise"),
        ("pontoise", "95", "Pontoise"),
        ("evry", "91", "Évry-Courcouronnes"),
        ("Évry", "91", "Évry-Courcouronnes"),
        ("courcouronnes", "91", "Évry-Courcouronnes"),
        ("pp", "75", "Paris"),
        ("créteil", "94", "Créteil"),
        ("nanterre", "92", "Nanterre"),
        ("versailles", "78", "Versailles"),
        ("bobigny", "93", "Bobigny"),
    ],
)
def test_loose_forms_resolve(text: str, department: str, town: str) -> None:
    assert resolve(text) == office(department, town)


@pytest.mark.parametrize(("text", "candidates"), list(AMBIGUOUS.items()))
def test_ambiguous_names_list_every_candidate(text: str, candidates: set[tuple[str, str]]) -> None:
    with pytest.raises(AmbiguousPlace) as raised:
        resolve(text)
    message = str(raised.value)
    assert "\n" not in message
    assert "--unlisted" in message
    for department, town in candidates:
        assert office(department, town).describe() in message


def test_ambiguous_saint_denis_says_to_add_the_department_code() -> None:
    with pytest.raises(AmbiguousPlace) as raised:
        resolve("saint-denis")
    assert str(raised.value) == (
        'ambiguous préfecture "saint-denis": '
        "Sous-préfecture de Saint-Denis (Saint-Denis, 93), "
        "Préfecture de La Réunion (Saint-Denis, 974); "
        'add the département code (e.g. "saint-denis 93"), '
        "or use --unlisted to record it as typed."
    )
    assert raised.value.exit_code == EXIT_USAGE


def test_unknown_name_suggests_the_closest_office() -> None:
    with pytest.raises(UnknownPlace) as raised:
        resolve("bobignu")
    assert str(raised.value) == (
        'unknown préfecture "bobignu"; did you mean: '
        "Préfecture de la Seine-Saint-Denis (Bobigny, 93)? "
        "Use --unlisted to record it as typed."
    )
    assert raised.value.exit_code == EXIT_USAGE


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("seine st denys", "Préfecture de la Seine-Saint-Denis (Bobigny, 93)"),
        ("cherbourg", "Sous-préfecture de Cherbourg-en-Cotentin (Cherbourg-en-Cotentin, 50)"),
        ("evry courcouronne", "Préfecture de l'Essonne (Évry-Courcouronnes, 91)"),
        ("corse", "Préfecture de la Haute-Corse (Bastia, 2B)"),
        ("montreuil", "Sous-préfecture de Montreuil-sur-Mer (Montreuil-sur-Mer, 62)"),
    ],
)
def test_unknown_names_get_up_to_three_suggestions(text: str, expected: str) -> None:
    with pytest.raises(UnknownPlace) as raised:
        resolve(text)
    message = str(raised.value)
    assert expected in message
    assert message.count("(") <= 3
    assert "\n" not in message


@pytest.mark.parametrize("text", ["", "   ", "xyzzy", "Бобиньи", "bobigny\nrm -rf", "99"])
def test_unresolvable_text_is_a_one_line_usage_error(text: str) -> None:
    with pytest.raises(UnknownPlace) as raised:
        resolve(text)
    assert "\n" not in str(raised.value)
    assert isinstance(raised.value, UsageError)


def test_search_without_query_lists_the_whole_directory() -> None:
    assert search(None) == list(offices())
    assert search("  ") == list(offices())


def test_search_finds_an_office_by_part_of_its_town() -> None:
    assert search("raincy") == [office("93", "Le Raincy")]


def test_search_by_code_lists_the_departments_offices_prefecture_first() -> None:
    assert [o.office for o in search("93")] == ["Bobigny", "Le Raincy", "Saint-Denis"]


def test_search_ranks_exact_town_matches_before_partial_ones() -> None:
    found = search("saint denis")
    assert found[:2] == [office("93", "Saint-Denis"), office("974", "Saint-Denis")]
    assert office("93", "Bobigny") in found[2:]


def test_unknown_query_gives_no_search_result_but_close_suggestions() -> None:
    # search is what "rdvlog prefectures" lists: only offices that match; the CLI's error
    # for an unknown query offers suggestions(), the close names resolve's message names.
    assert search("bobignu") == []
    assert suggestions("bobignu") == [office("93", "Bobigny")]
    assert search("Бобиньи") == []
    assert suggestions("Бобиньи") == []


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Seine-Saint-Denis", "seinesaintdenis"),
        ("seine st denis", "seinesaintdenis"),
        ("L’Haÿ-les-Roses", "lhaylesroses"),
        ("Sainte-Menehould", normalise("STE  MENEHOULD")),
        ("Cœur", "coeur"),
        ("2A", "2a"),
    ],
)
def test_normalise_ignores_accents_case_spacing_and_punctuation(text: str, key: str) -> None:
    assert normalise(text) == key


def test_import_loads_no_data() -> None:
    import subprocess
    import sys

    code = "import rdvlog.places as p; assert p.offices.cache_info().currsize == 0"
    subprocess.run([sys.executable, "-c", code], check=True)


@pytest.mark.parametrize(
    ("query", "first"),
    [
        ("PP", ("75", "Paris")),
        ("saint-denis 93", ("93", "Saint-Denis")),
        ("cergy", ("95", "Pontoise")),
        ("evry", ("91", "Évry-Courcouronnes")),
        ("93", ("93", "Bobigny")),
    ],
)
def test_search_lists_first_the_office_that_p_would_record(
    query: str, first: tuple[str, str]
) -> None:
    found = search(query)
    assert found[0] == resolve(query) == office(*first)
    assert found.count(found[0]) == 1


def test_search_for_a_resolved_query_lists_no_loose_matches() -> None:
    assert search("saint-denis 93") == [office("93", "Saint-Denis")]
    assert search("PP") == [office("75", "Paris")]


@pytest.mark.parametrize(
    "typed",
    [
        "Évry",  # NFC
        "E\u0301vry",  # NFD
        "\u00c9v\u200bry",
        "\ufeff\u00c9vry\u2060",
        "\u00c9v\u00adry",
        "\u00c9v\u200c\u200dry",
    ],
)
def test_normalise_makes_invisible_and_decomposed_spellings_equal(typed: str) -> None:
    assert normalise(typed) == "evry"


def test_unlisted_names_in_other_scripts_keep_distinct_keys() -> None:
    assert normalise("Бобиньи") != normalise("Москва")
    assert normalise("Бобиньи") == normalise("бобиньи\u200b")
