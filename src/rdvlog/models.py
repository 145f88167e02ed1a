"""Pydantic models of the journal: the entry envelope and its payloads (DESIGN.md §3)."""

import datetime as dt
from typing import Annotated, Any, Literal
from urllib.parse import urlsplit

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    GetCoreSchemaHandler,
)
from pydantic_core import CoreSchema, core_schema

from rdvlog.codes import Channel as Channel  # re-exported: models name every code
from rdvlog.codes import Lang as Lang
from rdvlog.codes import Outcome as Outcome
from rdvlog.timestamps import parse_utc_stamp

FORMAT_VERSION = 1
#: The years an attempt's ``at`` may fall in: any instant in them stays a valid date in
#: every time zone and after a day or a week is added (reports group by week).
MIN_YEAR = 1900
MAX_YEAR = 9000
ZERO_HASH = "0" * 64

Kind = Literal["case", "attempt", "void", "repair", "document"]
PlaceKind = Literal["prefecture", "sous-prefecture", "unlisted"]
Application = Literal["first", "renewal"]
Civility = Literal["M.", "Mme"]


# Newlines and tabs are allowed in long text (a message copied from a page); no other control
# character (C0, DEL, C1: U+009B is a terminal's CSI), and no lone surrogate (what invalid
# UTF-8 in argv decodes to), can reach the journal.
# Bidirectional overrides are refused too: they can make a file name display as another.
# (Sets of characters rather than patterns: compiling a pattern costs `attempt add` more.)
def _characters(*spans: tuple[int, int]) -> frozenset[str]:
    return frozenset(chr(code) for first, last in spans for code in range(first, last + 1))


_BIDI = ((0x202A, 0x202E), (0x2066, 0x2069))
_FORBIDDEN_SHORT = _characters((0x00, 0x1F), (0x7F, 0x9F), (0x2028, 0x2029), *_BIDI)
_FORBIDDEN_LONG = _characters((0x00, 0x08), (0x0B, 0x1F), (0x7F, 0x9F), *_BIDI)


#: Texts that passed a rule, per rule: a journal repeats the same place, démarche and message
#: thousands of times (bounded, so a journal of distinct texts does not grow it forever).
_PASSED: set[tuple[str, frozenset[str]]] = set()


def _checked(value: str, forbidden: frozenset[str]) -> str:
    if (value, forbidden) in _PASSED:
        return value
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise ValueError("is not valid UTF-8 text") from None
    if not forbidden.isdisjoint(value):
        raise ValueError("contains a control character")
    if not value.strip():
        raise ValueError("is empty")
    if len(_PASSED) < 4096 and len(value) <= 500:  # at most about 2 MB of texts
        _PASSED.add((value, forbidden))
    return value


def _utf8(value: Any) -> Any:
    """Before pydantic's own string check, whose message for a lone surrogate is obscure."""
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            raise ValueError("is not valid UTF-8 text") from None
    return value


def _short(value: str) -> str:
    return _checked(value, _FORBIDDEN_SHORT)


def _long(value: str) -> str:
    return _checked(value, _FORBIDDEN_LONG)


ShortText = Annotated[str, Field(max_length=500), BeforeValidator(_utf8), AfterValidator(_short)]
LongText = Annotated[str, Field(max_length=10_000), BeforeValidator(_utf8), AfterValidator(_long)]
Sha256 = Annotated[str, Field(pattern=r"^[0-9a-f]{64}$")]


def _utc_stamp(value: str) -> str:
    """``recorded_at``: exactly the form rdvlog writes, and a real instant."""
    try:
        parse_utc_stamp(value)
    except ValueError:
        raise ValueError("is not a date and time") from None
    return value


_UTC_STAMP = r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{3}Z"
#: ``2026-11-26T09:52:25.104Z``, the only form of ``recorded_at``.
UtcStamp = Annotated[str, Field(pattern=f"^{_UTC_STAMP}$"), AfterValidator(_utc_stamp)]


def _http_url(value: str) -> str:
    parts = urlsplit(value)
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        raise ValueError("must be an http:// or https:// address")
    return value


Url = Annotated[str, Field(max_length=2_000), AfterValidator(_short), AfterValidator(_http_url)]


def _aware(value: dt.datetime) -> dt.datetime:
    """Keep the instant and its offset, as stored: a fixed offset, whole seconds.

    A fixed offset (not a named zone) makes comparisons and differences exact across DST
    changes, and whole seconds make a validated attempt equal to the one read back.
    """
    offset = value.utcoffset()
    if value.tzinfo is None or offset is None:
        raise ValueError("must carry a UTC offset")
    if offset.microseconds or offset.seconds % 60:
        # Local mean time before standard zones (Paris before 1911: +00:09:21): RFC 3339
        # cannot write such an offset, so no reader could read it back.
        raise ValueError("has a UTC offset that is not a whole number of minutes")
    if not MIN_YEAR <= value.year <= MAX_YEAR:
        raise ValueError(f"must be between the years {MIN_YEAR} and {MAX_YEAR}")
    return value.replace(microsecond=0).astimezone(zone_of(offset))


#: One ``dt.timezone`` per offset: 100,000 attempts share a handful instead of holding one
#: each, and datetimes with the same ``tzinfo`` object compare without asking it.
_ZONES: dict[dt.timedelta, dt.timezone] = {}


def zone_of(offset: dt.timedelta) -> dt.timezone:
    zone = _ZONES.get(offset)
    if zone is None:
        zone = _ZONES[offset] = dt.timezone(offset)
    return zone


def _rfc3339(value: dt.datetime) -> str:
    """``at`` as written: seconds and the offset (pydantic's own form writes ``Z`` for UTC)."""
    return value.isoformat(timespec="seconds")


class _Instant:
    """``at``: checked and kept by :func:`_aware`, written by :func:`_rfc3339`. What
    ``AfterValidator`` and ``@field_serializer`` would do, without the module that defines
    the latter, whose import costs ``attempt add`` 1.3 % of its start-up."""

    def __get_pydantic_core_schema__(
        self, source: type[Any], handler: GetCoreSchemaHandler
    ) -> CoreSchema:
        return core_schema.no_info_after_validator_function(
            _aware,
            handler(source),
            serialization=core_schema.plain_serializer_function_ser_schema(_rfc3339),
        )


AwareDatetime = Annotated[dt.datetime, _Instant()]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class Place(_Model):
    """A préfecture or sous-préfecture from the directory, or a place typed by the user."""

    label: ShortText
    kind: PlaceKind
    department: ShortText | None = None
    office: ShortText | None = None


class Evidence(_Model):
    """A file attached to an attempt, stored by content hash."""

    sha256: Sha256
    name: ShortText
    size: int = Field(ge=0, strict=True)
    media_type: ShortText


class Attempt(_Model):
    """One try at getting an appointment."""

    at: AwareDatetime
    place: Place
    procedure: ShortText
    channel: Channel = Channel.WEB
    outcome: Outcome = Outcome.NO_SLOT
    message: LongText | None = None
    url: Url | None = None
    reference: ShortText | None = None
    about: int | None = Field(default=None, ge=1, strict=True)
    evidence: tuple[Evidence, ...] = ()
    note: LongText | None = None


class Void(_Model):
    """An attempt withdrawn from the record, with the reason; the attempt itself stays."""

    target: int = Field(ge=1, strict=True)
    reason: ShortText


class Repair(_Model):
    """A torn last line moved to ``quarantine/`` by ``rdvlog repair``."""

    file: ShortText
    bytes: int = Field(ge=1, strict=True)
    sha256: Sha256


class Case(_Model):
    """The case profile: each ``case`` entry is a whole snapshot, and the latest one is the
    profile (a field it leaves out is unset). ``rdvlog case set`` writes the previous
    snapshot with the changed fields."""

    applicant: ShortText | None = None
    #: How the applicant is named in a report or a draft: « M. X », « Mme X ».
    civility: Civility | None = None
    place: Place | None = None
    procedure: ShortText | None = None
    permit_expires: dt.date | None = None
    foreigner_number: ShortText | None = None
    application: Application | None = None
    lang: Lang | None = None


class CaseDocument(_Model):
    """A document of the case that is not an attempt (titre de séjour, passport, récépissé,
    job offer, proof of address), stored like evidence; it comes first among the pièces."""

    label: ShortText
    evidence: tuple[Evidence, ...] = Field(default=(), max_length=20)


Payload = Attempt | Void | Repair | Case | CaseDocument
PAYLOADS: dict[str, type[Payload]] = {
    "attempt": Attempt,
    "void": Void,
    "repair": Repair,
    "case": Case,
    "document": CaseDocument,
}
#: The ``kind`` written for each payload type.
KINDS: dict[type[Payload], str] = {model: kind for kind, model in PAYLOADS.items()}


def dump_payload(payload: Payload) -> dict[str, Any]:
    """The JSON-ready ``data`` of an entry, without null fields."""
    return payload.model_dump(mode="json", exclude_none=True)


class Entry(_Model):
    """One line of the journal: the envelope around a payload."""

    v: int = Field(strict=True)
    seq: int = Field(ge=1, strict=True)
    kind: Kind
    recorded_at: UtcStamp
    prev: Sha256
    data: dict[str, Any]
    hash: Sha256

    def payload(self) -> Payload:
        return PAYLOADS[self.kind].model_validate(self.data)

    @property
    def recorded(self) -> dt.datetime:
        return parse_utc_stamp(self.recorded_at)
