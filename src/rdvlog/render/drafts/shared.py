"""What every draft shares: the opening warnings, the identity lines, the lists of attempts."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import Counter
from collections.abc import Sequence

from rdvlog.facts import AttemptLine, CaseFacts, WrittenStep
from rdvlog.models import Lang
from rdvlog.render import i18n, prose
from rdvlog.render.document import Block, Bullets, Document, Inline, Paragraph, Runs, Table, Text
from rdvlog.render.drafts.labels import blank, runs, t


def document(facts: CaseFacts, lang: Lang, title_key: str, blocks: Sequence[Block]) -> Document:
    """A draft: the PROJET header, the opening warnings, then ``blocks``."""
    return Document(
        title=t(lang, title_key),
        blocks=(*opening(facts, lang), *blocks),
        lang=lang,
        # The report's day, not the wall clock: the same journal gives the same draft.
        created=dt.datetime.combine(facts.today, dt.time(), tzinfo=dt.timezone.utc),
        subject=t(lang, title_key),
        header=t(lang, "header"),
        footer=t(lang, "footer"),
    )


def opening(facts: CaseFacts, lang: Lang) -> tuple[Block, ...]:
    """It is a draft to read, complete and sign; no legal advice; what the log lacks."""
    blocks: list[Block] = []
    if lang == "en":
        blocks.append(Paragraph((Text(t(lang, "draft.translation"), bold=True),), style="warning"))
    blocks.append(Paragraph((t(lang, "draft.what"),), style="warning"))
    blocks.append(Paragraph((Text(t(lang, "draft.no_advice"), bold=True),), style="warning"))
    lacks = prose.warnings(facts, lang)
    if lacks:
        blocks.append(Paragraph((t(lang, "draft.lacks"),), style="warning"))
        blocks.append(Bullets(tuple((text,) for text in lacks)))
    return tuple(blocks)


def broken_chain(lang: Lang, problem: str) -> str:
    """The warning a draft opens with when the journal does not verify, like the report."""
    return t(lang, "draft.broken", problem=problem.rstrip(". "))


def with_broken_chain(document: Document, lang: Lang, problem: str) -> Document:
    """``document`` with the broken-chain warning as its very first lines."""
    warning = Paragraph((Text(broken_chain(lang, problem), bold=True),), style="warning")
    return dataclasses.replace(document, blocks=(warning, *document.blocks))


def feminine(facts: CaseFacts) -> str:
    return prose.feminine(facts)


def name(facts: CaseFacts, lang: Lang) -> Inline:
    """« M. Amadou DIALLO », or a placeholder."""
    return prose.who(facts, lang) if facts.applicant else blank(lang, "who.unknown")


def signer(facts: CaseFacts, lang: Lang) -> Inline:
    """The name as the applicant writes it after « Je soussigné »: no civility."""
    return facts.applicant or blank(lang, "who.unknown")


def number(facts: CaseFacts, lang: Lang) -> Inline:
    return facts.foreigner_number or blank(lang, "foreigner_number")


def procedure(facts: CaseFacts, lang: Lang) -> Inline:
    return facts.procedure or blank(lang, "procedure.unknown")


def office(facts: CaseFacts, lang: Lang) -> Inline:
    """« la préfecture de la Seine-Saint-Denis », or a placeholder."""
    return prose.office(facts, lang) if facts.prefecture else blank(lang, "prefecture.unknown")


def prefet_of(facts: CaseFacts) -> tuple[str, str] | None:
    """(``prefet`` or ``sous_prefet``, « de la Seine-Saint-Denis ») from the préfecture's label."""
    label = facts.prefecture or ""
    for prefix, kind in (("Sous-préfecture ", "sous_prefet"), ("Préfecture ", "prefet")):
        if label.startswith(prefix) and len(label) > len(prefix):
            return kind, label[len(prefix) :]
    return None


def prefet(facts: CaseFacts, lang: Lang, key: str = "prefet.default") -> Inline:
    """« le préfet de la Seine-Saint-Denis » (the institution, as a requête names it)."""
    found = prefet_of(facts)
    if found is None:
        return blank(lang, "prefecture.unknown")
    kind, of = found
    text = t(lang, key, of=of)
    return text.replace("préfet", "sous-préfet") if kind == "sous_prefet" else text


def fingerprint(facts: CaseFacts, lang: Lang) -> Paragraph:
    """The journal's head hash in full, on a line of its own, or a placeholder."""
    run = (
        Text(facts.head_hash, mono=True, bold=True)
        if facts.head_hash
        else blank(lang, "letter.no_hash")
    )
    return Paragraph((run,), align="center")


def made_at(lang: Lang) -> Paragraph:
    line = runs(lang, "made_at", city=blank(lang, "city"), date=blank(lang, "date"))
    return Paragraph(line, align="right")


def signature(facts: CaseFacts, lang: Lang) -> tuple[Block, ...]:
    return (
        made_at(lang),
        Paragraph((name(facts, lang),), align="right", style="signature"),
        Paragraph((t(lang, "signature"),), align="right", style="signature"),
    )


#: Relative column widths: the number and the time are short, the outcome is long.
_ATTEMPT_WIDTHS = (0.6, 1.5, 0.8, 2.0, 2.0)
_STEP_WIDTHS = (0.6, 1.5, 0.8, 1.9, 3.2)


def usual_message(facts: CaseFacts) -> str | None:
    """The message the site showed most often, when one was recorded."""
    messages = Counter(line.message for line in facts.attempts if line.message)
    return messages.most_common(1)[0][0] if messages else None


def _attempt_row(line: AttemptLine, lang: Lang, *, shots: bool) -> tuple[Runs, ...]:
    row: tuple[Runs, ...] = (
        (str(line.number),),
        (i18n.date(lang, line.at.date()),),
        (i18n.time(line.at),),
        (i18n.channel(lang, line.channel),),
        (i18n.outcome(lang, line.outcome),),
    )
    return (*row, (str(line.screenshots),)) if shots else row


def attempts_table(
    facts: CaseFacts, lang: Lang, *, keep: int | None = None, shots: bool = True
) -> Table:
    """The booking attempts; with ``keep``, only the first and last ``keep`` and a count between."""
    header = tuple(
        t(lang, f"col.{key}") for key in ("number", "date", "time", "channel", "outcome")
    )
    if shots:
        header += (t(lang, "col.screenshots"),)
    lines = facts.attempts
    rows = [_attempt_row(line, lang, shots=shots) for line in lines]
    if keep is not None and len(lines) > 2 * keep + 1:
        skipped = lines[keep:-keep]
        note = t(
            lang,
            "rows.skipped",
            n=len(skipped),
            start=i18n.plain_date(lang, skipped[0].at.date()),
            end=i18n.plain_date(lang, skipped[-1].at.date()),
        )
        rows = [*rows[:keep], _gap(note, len(header), at=4), *rows[-keep:]]
    widths = _ATTEMPT_WIDTHS + ((0.9,) if shots else ())
    return Table(header=header, rows=tuple(rows), widths=widths)


def _gap(note: str, columns: int, *, at: int) -> tuple[Runs, ...]:
    """The row standing for the rows left out: « … » first, the note in the wide column
    ``at`` (a table has no cell spanning columns)."""
    cells: list[Runs] = [()] * columns
    cells[0] = ("…",)
    cells[at] = (Text(note, italic=True),)
    return tuple(cells)


def step_cell(step: WrittenStep, lang: Lang, *, kind: bool = True) -> str:
    """« Courriel, envoi — réf. … — aucune réponse consignée »; without ``kind`` (a table
    whose column already names it): « Envoi — réf. … »."""
    first = t(lang, "step.sent", kind=i18n.channel(lang, step.channel))
    parts = [first if kind else t(lang, "step.sent_only")]
    if step.reference:
        parts.append(t(lang, "step.reference", reference=step.reference))
    if step.delivered:
        parts.append(t(lang, "step.delivered", day=i18n.plain_date(lang, step.delivered.date())))
    if step.answered:
        parts.append(t(lang, "step.answered", day=i18n.plain_date(lang, step.answered.date())))
    else:
        parts.append(t(lang, "step.no_answer"))
    return " — ".join(parts)


def steps_table(facts: CaseFacts, lang: Lang, *, keep: int) -> Table:
    """Booking attempts and written steps together, in date order (the requête's « faits »)."""
    header = tuple(t(lang, f"col.{key}") for key in ("number", "date", "time", "step", "outcome"))
    dated: list[tuple[dt.datetime, int, tuple[Runs, ...]]] = []
    for line in facts.attempts:
        dated.append((line.at, line.number, _attempt_row(line, lang, shots=False)))
    for step in facts.written:
        cells: tuple[Runs, ...] = (
            (str(step.number),),
            (i18n.date(lang, step.at.date()),),
            (i18n.time(step.at),),
            (Text(i18n.channel(lang, step.channel), bold=True),),
            (step_cell(step, lang, kind=False),),
        )
        dated.append((step.at, step.number, cells))
    dated.sort(key=lambda item: (item[0], item[1]))
    rows = [cells for _, _, cells in dated]
    if len(rows) > 2 * keep + 1:
        skipped = len(rows) - 2 * keep
        first, last = dated[keep][0].date(), dated[-keep - 1][0].date()
        note = t(
            lang,
            "rows.skipped",
            n=skipped,
            start=i18n.plain_date(lang, first),
            end=i18n.plain_date(lang, last),
        )
        rows = [*rows[:keep], _gap(note, len(header), at=4), *rows[-keep:]]
    return Table(header=header, rows=tuple(rows), widths=_STEP_WIDTHS)


def capitalized(text: str) -> str:
    return text[:1].upper() + text[1:]
