"""The préfecture directory (COG 2025 data shipped in the package) and loose name resolution."""

from __future__ import annotations

import csv
import difflib
import functools
import re
import unicodedata
from dataclasses import dataclass
from importlib.resources import files
from typing import Any, Literal

from rdvlog.errors import Phrase, UsageError
from rdvlog.models import Place

OfficeKind = Literal["prefecture", "sous-prefecture"]
_KINDS: dict[str, OfficeKind] = {"prefecture": "prefecture", "sous-prefecture": "sous-prefecture"}

_SEPARATORS = re.compile(r"[\W_]+")
_LIGATURES = str.maketrans({"œ": "oe", "æ": "ae"})  # NFKD does not split these
_ABBREVIATIONS = {"st": "saint", "ste": "sainte"}
_ARTICLES = frozenset({"de", "du", "des", "d", "la", "le", "les", "l"})
# Words that name the kind of office, as in "pref 93" or "sous-préfecture du Raincy".
_OFFICE_WORDS = (
    ("sous", "prefecture"),
    ("sous", "pref"),
    ("sousprefecture",),
    ("souspref",),
    ("prefecture",),
    ("pref",),
)
_OFFICE_FIRST_WORDS = frozenset(office_words[0] for office_words in _OFFICE_WORDS)
_CODE = re.compile(r"\d{1,3}|2[ab]")
# What people call a préfecture when it is not the COG name of its town: "PP" for the
# Préfecture de police; the Val-d'Oise's sits at Cergy (COG: Pontoise), the Essonne's at Évry
# (COG: Évry-Courcouronnes since the 2019 merger).
_ALIASES = {
    "pp": "75",
    "cergy": "95",
    "cergypontoise": "95",
    "evry": "91",
    "courcouronnes": "91",
}


class AmbiguousPlace(UsageError):
    """A name that fits several offices ("saint-denis" is in 93 and in 974)."""


class UnknownPlace(UsageError):
    """A name that fits no office of the directory."""


@dataclass(frozen=True)
class Office:
    """A préfecture or sous-préfecture of the directory."""

    department: str
    department_name: str
    office: str
    kind: OfficeKind
    label: str

    def to_place(self) -> Place:
        """The ``place`` recorded in an attempt or the case profile."""
        return Place(
            label=self.label, kind=self.kind, department=self.department, office=self.office
        )

    def describe(self) -> str:
        """One line naming the office unambiguously: label, town and département code."""
        return f"{self.label} ({self.office}, {self.department})"


def normalise(text: str) -> str:
    """The comparison key of a name: no accents, case, spaces or punctuation; st/ste expanded.

    ``normalise("Seine-St-Denis") == normalise("seine saint denis") == "seinesaintdenis"``.
    NFC and NFD spellings, and invisible characters (zero-width space, soft hyphen), give the
    same key, so that one unlisted place typed three ways counts as one (issue #11).
    """
    return "".join(_words(text))


def _words(text: str) -> list[str]:
    # NFKD splits "é" into "e" and a combining accent, which is then dropped; format
    # characters (U+200B, U+2060, U+FEFF, soft hyphen…) are invisible, so they join, not split.
    # Letters of other scripts stay: two Cyrillic names must not share the empty key.
    folded = unicodedata.normalize("NFKD", text.casefold().translate(_LIGATURES)).casefold()
    plain = "".join(
        c for c in folded if not unicodedata.combining(c) and unicodedata.category(c) != "Cf"
    )
    return [_ABBREVIATIONS.get(word, word) for word in _SEPARATORS.split(plain) if word]


def _core(words: list[str]) -> str:
    """The key without a leading office word and articles: "préfecture de la X" → "x"."""
    start = 0
    while start < len(words) and words[start] in _ARTICLES:
        start += 1
    if start < len(words) and words[start] in _OFFICE_FIRST_WORDS:
        for office_words in _OFFICE_WORDS:
            if tuple(words[start : start + len(office_words)]) == office_words:
                start += len(office_words)
                break
    while start < len(words) and words[start] in _ARTICLES:
        start += 1
    return "".join(words[start:])


@functools.cache  # the index and the search table share the keys of the directory's names
def _keys(name: str) -> frozenset[str]:
    words = _words(name)
    return frozenset(key for key in ("".join(words), _core(words)) if key)


def _code_keys(code: str) -> frozenset[str]:
    # "1" means "01"; "20", Corsica's code before 1976, means both 2A and 2B.
    keys = {code.lower(), code.lstrip("0")}
    if code in ("2A", "2B"):
        keys.add("20")
    return frozenset(keys)


@functools.cache
def offices() -> tuple[Office, ...]:
    """The whole directory, sorted by département code, préfecture first, then town."""

    text = (files("rdvlog") / "data" / "offices.csv").read_text(encoding="utf-8")
    return tuple(
        Office(
            department=row["department"],
            department_name=row["department_name"],
            office=row["office"],
            kind=_KINDS[row["kind"]],
            label=row["label"],
        )
        for row in csv.DictReader(text.splitlines())
    )


@functools.cache
def _index() -> dict[str, tuple[Office, ...]]:
    """Every key ``resolve`` accepts, with the offices it names (several when ambiguous)."""
    index: dict[str, list[Office]] = {}
    for office in offices():
        keys = _keys(office.label) | _keys(office.office)
        if office.kind == "prefecture":
            keys |= _keys(office.department_name) | _code_keys(office.department)
            keys |= _alias_keys(office)
        for key in keys:
            index.setdefault(key, []).append(office)
    return {key: tuple(found) for key, found in index.items()}


def _alias_keys(office: Office) -> frozenset[str]:
    if office.kind != "prefecture":
        return frozenset()
    return frozenset(alias for alias, code in _ALIASES.items() if code == office.department)


@functools.cache
def _search_keys() -> tuple[tuple[Office, frozenset[str], frozenset[str]], ...]:
    """Each office with its code keys (matched exactly) and name keys (matched in part)."""
    return tuple(
        (
            office,
            _code_keys(office.department),
            _keys(office.label)
            | _keys(office.office)
            | _keys(office.department_name)
            | _alias_keys(office),
        )
        for office in offices()
    )


def _lookup(words: list[str]) -> tuple[Office, ...]:
    index = _index()
    for key in ("".join(words), _core(words)):
        if key in index:
            return index[key]
    return ()


def resolve(text: str) -> Office:
    """The office a loosely typed name means: code, département, town or label.

    Raises ``AmbiguousPlace`` when several offices fit and ``UnknownPlace`` when none does.
    """
    if not text.strip():
        raise UnknownPlace(key="error.place.empty")
    found = _find(text)
    if not found:
        raise UnknownPlace(**_unknown_message(text))
    if len(found) > 1:
        raise AmbiguousPlace(**_ambiguous_message(text, found))
    return found[0]


def _find(text: str) -> tuple[Office, ...]:
    """Every office ``text`` names for ``resolve``: none, one, or several when ambiguous."""
    words = _words(text)
    found = _lookup(words)
    if not found and len(words) > 1 and _CODE.fullmatch(words[-1]):
        # "saint-denis 93": the trailing code picks among the offices the name fits.
        departments = {office.department for office in _index().get(words[-1], ())}
        found = tuple(office for office in _lookup(words[:-1]) if office.department in departments)
    return found


def _shown(text: str) -> str:
    """The user's text on one line, for an error message."""
    return " ".join("".join(c if c.isprintable() else " " for c in text).split())


def _unknown_message(text: str) -> dict[str, Any]:
    close = suggestions(text)[:3]
    if not close:
        return {"key": "error.place.unknown", "shown": _shown(text)}
    names = ", ".join(office.describe() for office in close)
    return {"key": "error.place.unknown_close", "shown": _shown(text), "names": names}


def _ambiguous_message(text: str, found: tuple[Office, ...]) -> dict[str, Any]:
    shown = _shown(text)
    codes = [office.department for office in found]
    if _CODE.fullmatch(normalise(text)):
        hint = Phrase("error.place.hint_code", {"codes": " / ".join(codes)})
    elif len(set(codes)) == len(codes):
        hint = Phrase("error.place.hint_add_code", {"example": f"{shown} {codes[0]}"})
    else:
        hint = Phrase("error.place.hint_full", {"example": found[-1].label})
    candidates = ", ".join(office.describe() for office in found)
    return {"key": "error.place.ambiguous", "shown": shown, "names": candidates, "hint": hint}


def search(query: str | None) -> list[Office]:
    """Offices for ``rdvlog prefectures [QUERY]``: all of them, or those matching the query.

    The office ``resolve`` (what ``-p`` records) finds comes first, so that the two agree;
    then exact code, town or département matches, names starting with the query, and (when
    ``-p`` would not accept the query) names containing it. An unknown query gives ``[]``.
    """
    if query is None or not query.strip():
        return list(offices())
    ranked = _ranked(query)
    found = _find(query)
    if len(found) != 1:
        return [office for _, office in ranked]
    (chosen,) = found
    return [chosen, *(office for rank, office in ranked if rank < 2 and office != chosen)]


def suggestions(text: str) -> list[Office]:
    """Offices to suggest for a name ``-p`` does not know: matches, else the closest names."""
    ranked = _ranked(text)
    if ranked:
        return [office for _, office in ranked]
    key = _search_key(text)
    return _closest(key) if key else []


def _search_key(text: str) -> str:
    words = _words(text)
    return _core(words) or "".join(words)


def _ranked(text: str) -> list[tuple[int, Office]]:
    """Offices matching ``text``: 0 exact code or name, 1 name starting with it, 2 containing it."""
    key = _search_key(text)
    if not key:
        return []
    ranked: list[tuple[int, int, Office]] = []
    for position, (office, codes, names) in enumerate(_search_keys()):
        if key in codes or key in names:
            ranked.append((0, position, office))
        elif any(name.startswith(key) for name in names):
            ranked.append((1, position, office))
        elif any(key in name for name in names):
            ranked.append((2, position, office))
    return [(rank, office) for rank, _, office in sorted(ranked, key=lambda item: item[:2])]


def _closest(key: str) -> list[Office]:

    by_name: dict[str, list[Office]] = {}
    for office, _, names in _search_keys():
        for name in names:
            by_name.setdefault(name, []).append(office)
    found: list[Office] = []
    for name in difflib.get_close_matches(key, by_name, n=10, cutoff=0.6):
        found.extend(office for office in by_name[name] if office not in found)
    return found
