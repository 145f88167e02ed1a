"""Whatever the writer accepts, the reader reads back: issue 11, item 1 (the class).

Hypothesis (derandomized, bounded) builds attempts from any ``--at`` form ``parse_when`` takes in
any IANA zone, from any aware datetime at all, and from any text in every text field (control
characters, U+2028, bidi overrides, non-BMP, lone surrogates). Each one ``Attempt`` validation
accepts is appended to a fresh store, then must read back equal, verify, and render in every
report format (Markdown and CSV report, the listing's JSON, JSONL and CSV).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import tempfile
import zoneinfo
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from rdvlog.errors import UsageError
from rdvlog.history import fold
from rdvlog.journal import Journal
from rdvlog.models import Attempt, Case, Place
from rdvlog.printable import json_safe
from rdvlog.render import listing
from rdvlog.render.markdown import render_markdown
from rdvlog.render.spreadsheet import render_csv
from rdvlog.service.report import ReportRequest, build_report
from rdvlog.service.session import Session
from rdvlog.when import parse_when

from builders import Clock

pytestmark = pytest.mark.reliability

ZONES = sorted(zoneinfo.available_timezones())
NOW = dt.datetime(2026, 11, 26, 10, 0, tzinfo=dt.timezone.utc)
SETTINGS = settings(
    derandomize=True,
    max_examples=80,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)

# Every character, lone surrogates included, and the ones that broke readers before.
SPECIAL = ["\u2028", "\u2029", "\u202e", "\u2066", "\x85", "\x9b", "\x00", "\t", "\n",
           "\r", "\U0001f600", "\ud800", "\udfff", "\ufeff", "\u200b", "é", "\\", '"', "/",
           " "]  # fmt: skip
texts = st.one_of(
    st.text(alphabet=st.characters(exclude_categories=()), max_size=40),
    st.lists(st.sampled_from(SPECIAL), max_size=6).map("".join),
    st.text(max_size=12).map(lambda t: "Préfecture " + t),
)
FORMS = ["%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M", "%d/%m/%Y %H:%M", "%d/%m/%Y %Hh%M", "%d.%m.%Y %H:%M"]


def _checked_out(root: Path, attempt: Attempt, case: Case | None, zone: str) -> None:
    """Append, then read back, verify and render everything: the property itself."""
    journal = Journal(root, clock=Clock(NOW))
    if case is not None:
        journal.append(case)
    entry = journal.append(attempt)
    records = journal.records()
    assert records[-1].payload == attempt
    assert records[-1].seq == entry.seq
    if case is not None:
        assert journal.latest_case() == case
    verification = journal.verify()
    assert verification.ok, verification.first_break
    session = Session(root, clock=Clock(NOW), zone=ZoneInfo(zone))
    for lang in ("fr", "en"):
        report = build_report(session, ReportRequest(lang=lang))
        assert render_markdown(report)
        sheet = render_csv(report, excel=lang == "fr")
        assert list(csv.reader(io.StringIO(sheet)))
    history = fold(records)
    attempts = list(history.attempts)
    numbers = history.numbers
    for line in listing.jsonl(attempts, numbers):
        assert json.loads(line)["seq"] == entry.seq
        # The listing writes its items itself: byte for byte what json.dumps writes.
        dumped = json.dumps(listing.as_dict(attempts[-1], numbers[entry.seq]), ensure_ascii=False)
        assert line == json_safe(dumped) + "\n"
    assert json.loads("".join(listing.json_array(attempts, numbers)))
    rows = list(csv.reader(io.StringIO("".join(listing.csv_rows(attempts, numbers)))))
    assert len(rows) == 2


def _attempt(**fields: Any) -> Attempt | None:
    try:
        return Attempt(**fields)
    except ValidationError:
        return None


@SETTINGS
@given(
    zone=st.sampled_from(ZONES),
    moment=st.datetimes(min_value=dt.datetime(1999, 12, 25), max_value=dt.datetime(2026, 11, 27)),
    form=st.sampled_from(FORMS),
)
def test_every_at_form_in_every_zone_reads_back_and_renders(
    zone: str, moment: dt.datetime, form: str
) -> None:
    try:
        at = parse_when(moment.strftime(form), zone=ZoneInfo(zone), now=NOW, option="--at")
    except UsageError:
        return  # refused on input: nothing reaches the journal
    attempt = _attempt(at=at, place=Place(label="Bobigny", kind="prefecture"), procedure="AES")
    assert attempt is not None, at  # what --at accepts, the model accepts
    with tempfile.TemporaryDirectory() as tmp:
        _checked_out(Path(tmp) / "store", attempt, None, zone)


@SETTINGS
@given(
    at=st.datetimes(
        min_value=dt.datetime(1, 1, 2),
        max_value=dt.datetime(9999, 12, 30),
        timezones=st.sampled_from([ZoneInfo(z) for z in ZONES]) | st.timezones(),
    ),
    zone=st.sampled_from(ZONES),
)
def test_any_aware_datetime_the_model_accepts_reads_back(at: dt.datetime, zone: str) -> None:
    """Local mean time (``+00:09:21``), year 1026, year 9999: refused by the model or sound."""
    try:
        at.utcoffset()
    except (OverflowError, ValueError):
        return  # not even a datetime Python can place on the time line
    attempt = _attempt(at=at, place=Place(label="Bobigny", kind="prefecture"), procedure="AES")
    if attempt is None:
        return
    with tempfile.TemporaryDirectory() as tmp:
        _checked_out(Path(tmp) / "store", attempt, None, zone)


@SETTINGS
@given(
    message=texts,
    note=texts,
    procedure=texts,
    reference=texts,
    label=texts,
    applicant=texts,
    zone=st.sampled_from(ZONES),
)
def test_any_text_in_every_field_reads_back_verifies_and_renders(
    message: str, note: str, procedure: str, reference: str, label: str, applicant: str, zone: str
) -> None:
    try:
        place = Place(label=label, kind="unlisted")
    except ValidationError:
        place = Place(label="Bobigny", kind="prefecture")
    fields: dict[str, Any] = {"message": message, "note": note, "reference": reference}
    attempt = None
    while attempt is None:  # drop refused fields one by one until the attempt is valid
        attempt = _attempt(
            at=dt.datetime(2026, 11, 20, 8, 30, tzinfo=ZoneInfo(zone)),
            place=place,
            procedure=procedure if fields.get("procedure", True) else "AES",
            **{k: v for k, v in fields.items() if k != "procedure"},
        )
        if attempt is None and fields:
            fields.pop(next(iter(fields)))
        elif attempt is None:
            procedure = "AES"
    try:
        case: Case | None = Case(applicant=applicant, place=place)
    except ValidationError:
        case = None
    with tempfile.TemporaryDirectory() as tmp:
        _checked_out(Path(tmp) / "store", attempt, case, zone)
