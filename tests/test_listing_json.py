"""attempt list's JSON items, written in place, are what ``json.dumps(as_dict(…))`` writes."""

from __future__ import annotations

import datetime as dt
import json

from rdvlog.history import AttemptRecord
from rdvlog.models import Evidence, Place
from rdvlog.printable import json_safe
from rdvlog.render import listing

from builders import attempt

AT = dt.datetime(2026, 11, 20, 9, 0, tzinfo=dt.timezone(dt.timedelta(hours=1)))


def test_items_of_attempts_sharing_some_fields_are_each_their_own() -> None:
    """Items are put together per distinct set of field objects: attempts that share some
    objects (one Place, one démarche) and differ in another each get their own item."""
    place = Place(label="Préfecture « Bobigny »", kind="unlisted")
    shot = Evidence(sha256="a" * 64, name="capture é.png", size=12, media_type="image/png")
    variants = [
        {},
        {"note": "rappel"},
        {"note": "autre\u2028note\U0001f600"},
        {"message": "Plus de plage horaire"},
        {"evidence": (shot,)},
        {"about": 1},
        {"reference": "REF-1", "url": "https://example.org/rdv"},
    ]
    records = [
        AttemptRecord(n, f"2026-11-20T08:{n:02d}:00.000Z", attempt(AT, place=place, **fields))
        for n, fields in enumerate(variants * 2, start=1)
    ]
    records.append(AttemptRecord(99, "2026-11-20T10:30:00.000Z", records[0].attempt, "doublon"))
    numbers = {record.seq: n for n, record in enumerate(records, start=1)}
    lines = "".join(listing.jsonl(records, numbers)).splitlines()
    expected = [
        json_safe(json.dumps(listing.as_dict(r, numbers[r.seq]), ensure_ascii=False))
        for r in records
    ]
    assert lines == expected
    assert json.loads("".join(listing.json_array(records, numbers))) == [
        json.loads(line) for line in expected
    ]
