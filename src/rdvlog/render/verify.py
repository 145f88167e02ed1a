"""``rdvlog verify``: the result as lines for a person, or as a JSON document."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from rdvlog.journal.checks import Verification
from rdvlog.labels import t
from rdvlog.labels.problems import break_phrase
from rdvlog.models import Lang
from rdvlog.printable import printable
from rdvlog.report import ClockBack
from rdvlog.timestamps import utc_stamp


def verify_json(
    journal: Path, result: Verification, backwards: Sequence[ClockBack] = ()
) -> dict[str, object]:
    brk = result.first_break
    return {
        "ok": result.ok,
        "journal": str(journal),
        "entries": result.entry_count,
        "head_hash": result.head_hash,
        "first_break": (
            {"line": brk.line, "kind": brk.kind, "detail": brk.detail} if brk else None
        ),
        "unreferenced_evidence": list(result.unreferenced),
        "recorded_at_backwards": [
            {
                "line": back.line,
                "recorded_at": utc_stamp(back.recorded_at),
                "previous": utc_stamp(back.previous),
            }
            for back in backwards
        ],
    }


def backwards_warnings(backwards: Sequence[ClockBack], lang: Lang = "en") -> list[str]:
    """One warning an entry recorded before the entry above it (UTC, to the second)."""
    return [
        t(
            lang,
            "cli.recorded_backwards",
            line=back.line,
            recorded=utc_stamp(back.recorded_at),
            previous=utc_stamp(back.previous),
        )
        for back in backwards
    ]


def verify_lines(journal: Path, result: Verification, lang: Lang = "en") -> list[str]:
    """``journal:``, ``entries:``, ``head hash:`` and ``result:``, aligned; the head hash whole."""
    brk = result.first_break
    outcome = (
        t(lang, "verify.intact")
        if brk is None
        else t(lang, "verify.broken", problem=printable(break_phrase(brk).text(lang)))
    )
    rows = [
        (t(lang, "verify.journal"), printable(str(journal))),
        (t(lang, "verify.entries"), str(result.entry_count)),
        (t(lang, "verify.head"), result.head_hash or "-"),
        (t(lang, "verify.result"), outcome),
    ]
    # « entrées : 10 » in French, "entries: 10" in English.
    colon = t(lang, "colon").rstrip()
    width = max(len(label + colon) for label, _ in rows) + 1
    return [f"{label + colon:<{width}}{value}" for label, value in rows]
