"""What is wrong with a journal line or a value, as a sentence in either language.

The journal states a problem as a machine ``kind`` and a dict of values (``journal/audit.py``
``Break``, ``journal/codec.py`` ``LineError``), beside an English ``detail`` that ``verify
--json`` keeps stable; pydantic states a refused value as an error ``type`` and its context.
The functions here turn both into a :class:`Phrase` for the label table, so that a French
reader never meets an English fragment. The English of each sentence is the ``detail`` as it
always read (``tests/test_i18n_problems.py`` checks they agree).
"""

from __future__ import annotations

import errno
import os
from collections.abc import Mapping
from typing import Any, Protocol

from rdvlog.errors import InEachLanguage, Phrase


class Located(Protocol):
    """A journal break: its line, its kind, and what its sentence needs (``audit.Break``)."""

    @property
    def line(self) -> int: ...
    @property
    def kind(self) -> str: ...
    @property
    def values(self) -> Mapping[str, object]: ...


def break_phrase(brk: Located) -> Phrase:
    """``line 4: hash-mismatch: content does not match its hash`` / « ligne 4 : le contenu
    ne correspond plus à son empreinte »."""
    detail = detail_phrase(brk.kind, brk.values)
    # The English names the kind (scripts and tests match on it); the French says what it
    # means instead.
    what = InEachLanguage(fr=detail.text("fr"), en=f"{brk.kind}: {detail.text('en')}")
    return Phrase("break.line", {"line": brk.line, "what": what})


def detail_phrase(kind: str, values: Mapping[str, object]) -> Phrase:
    """What is wrong with a line, without its number (a ``LineError``'s ``detail``)."""
    cause = values.get("cause")
    key = f"break.{kind}.{cause}" if cause else f"break.{kind}"
    shown: dict[str, object] = {
        name: value for name, value in values.items() if name not in ("cause", "errno")
    }
    if "error" in values:
        shown["what"] = invalid_value(
            str(values["error"]), _context(values), str(values.get("msg", ""))
        )
    if "entry" in values:
        entry = str(values["entry"])
        key_of_entry = f"entry.{entry}"
        shown["entry"] = InEachLanguage(fr=_french(key_of_entry, entry), en=entry)
    if "reason" in values:
        shown["reason"] = os_reason(values.get("errno"), str(values["reason"]))
    return Phrase(key, shown)


def _french(key: str, otherwise: str) -> str:
    from rdvlog.labels import has_label, t

    return t("fr", key) if has_label(key) else otherwise


def _context(values: Mapping[str, object]) -> dict[str, object]:
    context = values.get("ctx")
    return dict(context) if isinstance(context, Mapping) else {}


def validation_values(error: Mapping[str, Any]) -> dict[str, object]:
    """What a journal line keeps of one pydantic error (``exc.errors()[0]``): where, which
    error, its context and pydantic's own English message."""
    where = ".".join(str(part) for part in error["loc"]) or "entry"
    context = {k: v for k, v in (error.get("ctx") or {}).items() if k in _CONTEXT_KEYS}
    if "error" in (error.get("ctx") or {}):
        context["error"] = str(error["ctx"]["error"])
    return {"field": where, "error": error["type"], "msg": error["msg"], "ctx": context}


def refused(error: Mapping[str, Any]) -> InEachLanguage:
    """What is wrong with an option's value (one pydantic error), ``Value error, `` left
    out of the English: ``is empty`` / « est vide »."""
    values = validation_values(error)
    english = str(values["msg"]).removeprefix("Value error, ")
    return invalid_value(str(values["error"]), _context(values), english)


#: The pydantic context values a sentence may name (the others are not for a person).
_CONTEXT_KEYS = ("max_length", "min_length", "ge", "gt", "le", "lt", "expected")


def invalid_value(kind: str, context: Mapping[str, object], english: str) -> InEachLanguage:
    """A value pydantic refused, in French from the label table; in English as given
    (pydantic's or the model validator's own words)."""
    from rdvlog.labels import has_label, t

    if kind == "value_error":
        key, values = _value_error(str(context.get("error", english)).removeprefix("Value error, "))
    else:
        key, values = f"invalid.{kind}", {k: _spoken(v) for k, v in context.items()}
    if not has_label(key):
        key, values = "invalid.other", {}
    return InEachLanguage(fr=t("fr", key, **values), en=english)


def _spoken(value: object) -> object:
    """pydantic's ``'a', 'b' or 'c'`` with a French « ou »."""
    if isinstance(value, str) and " or " in value:
        head, _, last = value.rpartition(" or ")
        return f"{head} ou {last}"
    return value


#: The sentences of the models' own validators (models.py), by their English words.
_VALUE_ERRORS: tuple[tuple[str, str], ...] = (
    ("is not valid UTF-8 text", "invalid.utf8"),
    ("contains a control character", "invalid.control"),
    ("is empty", "invalid.empty"),
    ("is not a date and time", "invalid.stamp"),
    ("must be an http:// or https:// address", "invalid.url"),
    ("must carry a UTC offset", "invalid.offset"),
    ("has a UTC offset that is not a whole number of minutes", "invalid.offset_minutes"),
)


def _value_error(message: str) -> tuple[str, dict[str, object]]:
    for english, key in _VALUE_ERRORS:
        if message == english:
            return key, {}
    if message.startswith("must be between the years "):
        first, _, last = message.removeprefix("must be between the years ").partition(" and ")
        return "invalid.years", {"first": first, "last": last}
    return "invalid.other", {}


def os_reason(number: object, english: str) -> InEachLanguage:
    """The system's reason for a failed file operation (``Permission denied``), in French
    when the table has it; in English as the system says it."""
    from rdvlog.labels import has_label, t

    if isinstance(number, int) and english == os.strerror(number):
        key = f"errno.{errno.errorcode.get(number, '')}"
        if has_label(key):
            return InEachLanguage(fr=t("fr", key), en=english)
    for words, reason in _STORE_FILE_REASONS:  # journal/files.py's NotAStoreFile
        if english == words:
            return InEachLanguage(fr=t("fr", reason), en=english)
    if english.startswith("is larger than ") and english.endswith(" bytes"):
        size = english.removeprefix("is larger than ").removesuffix(" bytes")
        return InEachLanguage(fr=t("fr", "store_file.larger", size=size), en=english)
    return InEachLanguage(fr=english, en=english)


def reason_of(exc: OSError) -> InEachLanguage:
    """:func:`os_reason` of a failed file operation."""
    return os_reason(exc.errno, str(exc.strerror or exc))


_STORE_FILE_REASONS: tuple[tuple[str, str], ...] = (
    ("leads out of the store", "store_file.outside"),
    ("is a symbolic link", "store_file.link"),
    ("is not a regular file", "store_file.special"),
)


PROBLEM_LABELS: dict[str, tuple[str, str]] = {
    # A journal break; the English is ``Break.describe()``, word for word.
    "break.line": ("ligne {line} : {what}", "line {line}: {what}"),
    "break.torn-tail": (
        "{bytes} octets sans retour à la ligne final",
        "{bytes} bytes without a final newline",
    ),
    "break.unparseable": ("ce n'est pas un objet JSON", "not a JSON object"),
    "break.unparseable.newer": (
        "écrite par une version plus récente de rdvlog (format v{version}) ; mettez rdvlog à "
        "jour pour la lire",
        "written by a newer rdvlog (format v{version}); upgrade rdvlog to read it",
    ),
    "break.invalid-field.version": (
        "version de format inconnue {version}",
        "unknown format version {version}",
    ),
    "break.invalid-field.field": ("champ {field} : {what}", "{field}: {what}"),
    "break.invalid-field.data": (
        "entrée « {entry} », champ {field} : {what}",
        "{entry} data: {field}: {what}",
    ),
    "break.seq-gap": (
        "numéro de séquence {found} au lieu de {expected}",
        "sequence number {found}, expected {expected}",
    ),
    "break.prev-mismatch": (
        "ne se rattache pas à l'empreinte de l'entrée précédente",
        "does not link to the previous entry's hash",
    ),
    "break.hash-mismatch": (
        "le contenu ne correspond plus à son empreinte",
        "content does not match its hash",
    ),
    "break.non-canonical": (
        "la ligne n'est pas sous la forme écrite par rdvlog",
        "line is not in the form rdvlog wrote",
    ),
    "break.missing-evidence": ("le fichier de preuve {path} manque", "{path} is missing"),
    "break.missing-evidence.unreadable": (
        "le fichier de preuve {path} ne peut être lu : {reason}",
        "{path}: {reason}",
    ),
    "break.evidence-mismatch": (
        "le fichier de preuve {path} a été modifié",
        "{path} has changed",
    ),
    "break.quarantine-mismatch": (
        "le fichier de quarantaine {path} manque",
        "{path} is missing",
    ),
    "break.quarantine-mismatch.outside": (
        "{path} n'est pas dans quarantine/",
        "{path} is not in quarantine/",
    ),
    "break.quarantine-mismatch.unreadable": (
        "le fichier de quarantaine {path} ne peut être lu : {reason}",
        "{path} {reason}",
    ),
    "break.quarantine-mismatch.changed": (
        "le fichier de quarantaine {path} a été modifié",
        "{path} has changed",
    ),
    "entry.attempt": ("tentative", "attempt"),
    "entry.case": ("profil", "case"),
    "entry.void": ("annulation", "void"),
    "entry.repair": ("réparation", "repair"),
    "entry.document": ("document", "document"),
    "break.case": ("ce n'est pas une entrée de profil", "not a case entry"),
    # A value refused by a model: pydantic's error types, then the models' own validators.
    "invalid.missing": ("champ obligatoire absent", "field required"),
    "invalid.extra_forbidden": ("champ inconnu", "unknown field"),
    "invalid.string_too_long": (
        "trop long ({max_length} caractères au plus)",
        "too long (at most {max_length} characters)",
    ),
    "invalid.string_too_short": (
        "trop court ({min_length} caractères au moins)",
        "too short (at least {min_length} characters)",
    ),
    "invalid.too_long": (
        "trop d'éléments ({max_length} au plus)",
        "too many items (at most {max_length})",
    ),
    "invalid.string_pattern_mismatch": (
        "n'a pas la forme attendue",
        "does not have the expected form",
    ),
    "invalid.string_type": ("doit être un texte", "must be a text"),
    "invalid.int_type": ("doit être un nombre entier", "must be an integer"),
    "invalid.int_parsing": ("doit être un nombre entier", "must be an integer"),
    "invalid.bool_type": ("doit être vrai ou faux", "must be true or false"),
    "invalid.greater_than_equal": ("doit valoir au moins {ge}", "must be at least {ge}"),
    "invalid.greater_than": ("doit être supérieur à {gt}", "must be greater than {gt}"),
    "invalid.literal_error": ("doit valoir {expected}", "must be {expected}"),
    "invalid.enum": ("doit valoir {expected}", "must be {expected}"),
    "invalid.dict_type": ("doit être un objet", "must be an object"),
    "invalid.model_type": ("doit être un objet", "must be an object"),
    "invalid.model_attributes_type": ("doit être un objet", "must be an object"),
    "invalid.tuple_type": ("doit être une liste", "must be a list"),
    "invalid.list_type": ("doit être une liste", "must be a list"),
    "invalid.date_type": ("n'est pas une date", "is not a date"),
    "invalid.date_parsing": ("n'est pas une date", "is not a date"),
    "invalid.date_from_datetime_parsing": ("n'est pas une date", "is not a date"),
    "invalid.datetime_type": ("n'est pas une date et heure", "is not a date and time"),
    "invalid.datetime_parsing": ("n'est pas une date et heure", "is not a date and time"),
    "invalid.datetime_from_date_parsing": (
        "n'est pas une date et heure",
        "is not a date and time",
    ),
    "invalid.utf8": ("n'est pas un texte UTF-8 valide", "is not valid UTF-8 text"),
    "invalid.control": ("contient un caractère de contrôle", "contains a control character"),
    "invalid.empty": ("est vide", "is empty"),
    "invalid.stamp": ("n'est pas une date et heure", "is not a date and time"),
    "invalid.url": (
        "doit être une adresse http:// ou https://",
        "must be an http:// or https:// address",
    ),
    "invalid.offset": ("doit indiquer son décalage UTC", "must carry a UTC offset"),
    "invalid.offset_minutes": (
        "a un décalage UTC qui n'est pas un nombre entier de minutes",
        "has a UTC offset that is not a whole number of minutes",
    ),
    "invalid.years": (
        "doit être entre les années {first} et {last}",
        "must be between the years {first} and {last}",
    ),
    "invalid.other": ("valeur refusée", "value refused"),
    # The system's reasons for a failed file operation (strerror), by errno name.
    "store_file.outside": ("mène hors du dossier des données", "leads out of the store"),
    "store_file.link": ("est un lien symbolique", "is a symbolic link"),
    "store_file.special": ("n'est pas un fichier ordinaire", "is not a regular file"),
    "store_file.larger": ("dépasse {size} octets", "is larger than {size} bytes"),
    "errno.EACCES": ("permission refusée", "Permission denied"),
    "errno.EPERM": ("opération non permise", "Operation not permitted"),
    "errno.EROFS": ("système de fichiers en lecture seule", "Read-only file system"),
    "errno.ENOENT": ("fichier ou dossier introuvable", "No such file or directory"),
    "errno.EISDIR": ("c'est un dossier", "Is a directory"),
    "errno.ENOTDIR": ("ce n'est pas un dossier", "Not a directory"),
    "errno.ELOOP": ("trop de liens symboliques", "Too many levels of symbolic links"),
    "errno.EIO": ("erreur d'entrée-sortie", "Input/output error"),
    "errno.ENOSPC": ("plus de place sur le disque", "No space left on device"),
    "errno.EEXIST": ("le fichier existe déjà", "File exists"),
    "errno.EBUSY": ("périphérique ou ressource occupé", "Device or resource busy"),
    "errno.EMFILE": ("trop de fichiers ouverts", "Too many open files"),
    "errno.ENAMETOOLONG": ("nom de fichier trop long", "File name too long"),
}
