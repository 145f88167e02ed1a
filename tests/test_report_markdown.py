"""The Markdown report: snapshots, table structure as a renderer sees it, escaping, edge cases."""

from __future__ import annotations

import datetime as dt
import re
import string
from zoneinfo import ZoneInfo

import pytest
from markdown_it import MarkdownIt
from markdown_it.token import Token

from rdvlog.history import AttemptRecord
from rdvlog.models import Lang, Outcome
from rdvlog.render import i18n
from rdvlog.render.markdown import escape, render_markdown
from rdvlog.render.report_content import Content
from rdvlog.report import Exhibit, Integrity, ReportInput, within

from report_fixture import (
    EMAIL_PDF,
    HOSTILE_NOTE,
    PARIS,
    UTC,
    assert_snapshot,
    evidence,
    journal_records,
    make_record,
    report_input,
    thin_report_input,
)

MD = MarkdownIt("commonmark").enable("table")
# Everything the report itself may produce; any other tag would have come from user text.
ALLOWED_TAGS = {
    "h1", "h2", "h3", "p", "ul", "li", "strong", "code", "blockquote",
    "table", "thead", "tbody", "tr", "th", "td",
}  # fmt: skip


def cell_text(inline: Token) -> str:
    return "".join(child.content for child in inline.children or ())


def tables(markdown: str) -> list[list[list[str]]]:
    """Each table as rows of cell texts, header row first, as markdown-it parses them."""
    found: list[list[list[str]]] = []
    for token in MD.parse(markdown):
        if token.type == "table_open":
            found.append([])
        elif token.type == "tr_open":
            found[-1].append([])
        elif token.type == "inline" and found and found[-1] and token.level > 3:
            found[-1][-1].append(cell_text(token))
    return found


def html_tags(markdown: str) -> set[str]:
    return set(re.findall(r"</?([a-zA-Z][a-zA-Z0-9]*)", MD.render(markdown)))


# --- Snapshots --------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_markdown_report_of_the_fixed_journal_matches_the_snapshot(lang: Lang) -> None:
    assert_snapshot(f"report-{lang}.md", render_markdown(report_input(lang)))


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_markdown_report_of_a_thin_week_matches_the_snapshot_and_warns_first(lang: Lang) -> None:
    text = render_markdown(thin_report_input(lang))
    assert_snapshot(f"report-thin-{lang}.md", text)
    # The warnings stand right under the title, before the synthèse.
    title, _, rest = text.partition("\n\n")
    assert title.startswith("# ")
    assert rest.startswith("> ")


def test_same_journal_renders_the_same_bytes_whatever_the_record_order() -> None:
    records = journal_records()
    shuffled = records[1::2] + records[::2]
    once = render_markdown(report_input(records=records))
    assert render_markdown(report_input(records=records)) == once
    assert render_markdown(report_input(records=shuffled)) == once


# --- Tables as a Markdown renderer reads them ----------------------------------------------


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_every_table_has_the_expected_header_and_number_of_rows(lang: Lang) -> None:
    report = report_input(lang)
    content = Content(report)
    found = tables(render_markdown(report))
    t = i18n.t
    booking = len(content.booking)
    expected = [
        ([t(lang, "figures.measure"), t(lang, "figures.value")], 11),
        ([t(lang, "col.outcome"), t(lang, "col.attempts")], 5),
        ([t(lang, "col.channel"), t(lang, "col.attempts")], 5),
        ([t(lang, "col.hour_band"), t(lang, "col.attempts")], 4),
        ([t(lang, "col.weekday"), t(lang, "col.attempts")], 7),
        ([t(lang, k) for k in ("col.week", "col.attempts", "col.bar")], 7),
        ([t(lang, f"col.{k}") for k in ("attempt_no", "kind", "reference", "sent")], 2),
        ([t(lang, f"col.{k}") for k in ("row", "date", "time", "channel", "outcome")], booking),
        ([t(lang, f"col.{k}") for k in ("piece", "designation", "file", "size")], 16),
        ([t(lang, f"col.{k}") for k in ("attempt_no", "date", "void_reason")], 1),
        ([t(lang, f"col.{k}") for k in ("row", "date", "attempt_no", "entry")], booking),
    ]
    assert len(found) == len(expected)
    for table, (header_start, rows) in zip(found, expected, strict=True):
        assert table[0][: len(header_start)] == header_start
        assert len(table) - 1 == rows
        assert all(len(row) == len(table[0]) for row in table)
    assert len(found[8]) - 1 == len(report.pieces)


def test_chronological_table_lists_counted_attempts_in_order_with_late_entry_marked() -> None:
    report = report_input()
    chronological = tables(render_markdown(report))[7]
    numbers = [row[0].removesuffix(" †") for row in chronological[1:]]
    assert numbers == [str(n) for n in range(1, len(numbers) + 1)]  # 1…N, no gap
    assert sum(row[0].endswith("†") for row in chronological[1:]) == 2


def test_table_numbers_follow_the_dates_whatever_the_journal_order() -> None:
    records = journal_records()
    late = make_record(dt.datetime(2026, 10, 5, 7, 0, tzinfo=PARIS), 200)  # entered last
    report = report_input(records=[*records, late])
    found = tables(render_markdown(report))
    rows = found[7][1:]
    assert [row[0].removesuffix(" †") for row in rows] == [str(n) for n in range(1, len(rows) + 1)]
    assert rows[0][1:3] == ["lun. 05/10/2026", "07:00"]
    annex = found[-1]
    assert annex[1][2:] == [str(report.numbers[200]), "200"]


def test_emails_and_letters_are_not_counted_as_attempts() -> None:
    report = report_input()
    content = Content(report)
    written = [r for r in report.active if r.attempt.channel.value in ("email", "letter")]
    assert len(written) == 4  # two steps sent, a reply and an avis de réception
    assert len(content.booking) == len(report.active) - 4
    markdown = render_markdown(report)
    assert f"| Tentatives de prise de rendez-vous | {len(content.booking)} |" in markdown
    assert f"{len(content.booking)} tentatives de prise de rendez-vous" in markdown
    assert "Courriel" not in [row[3] for row in tables(markdown)[7]]


def test_hostile_note_stays_in_its_cell_as_plain_text() -> None:
    report = report_input()
    row = next(r for r in tables(render_markdown(report))[7] if r[1] == "dim. 25/10/2026")
    assert row[5].endswith("Observation : " + HOSTILE_NOTE.replace("\n", " "))
    assert row[6] == ""


def test_file_names_with_pipes_and_tags_stay_in_their_cell() -> None:
    exhibit_table = tables(render_markdown(report_input()))[8]
    names = [row[2] for row in exhibit_table[1:]]
    assert "capture | 06-11 <b>.png" in names
    assert "=cmd|' /C calc'!A0.png" in names


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_no_html_from_user_text_reaches_the_rendered_page(lang: Lang) -> None:
    markdown = render_markdown(report_input(lang))
    assert html_tags(markdown) <= ALLOWED_TAGS
    assert "<script" not in MD.render(markdown)


HOSTILE = [
    "<img src=x onerror=alert(1)>",
    "<!-- hidden -->",
    "<http://evil.example>",
    "[click](javascript:alert(1)) ![img](http://evil.example/x.png)",
    "**bold** __bold__ *it* _it_ ~~strike~~ `code` ``x``",
    "a | b || c \\| d \\\\| e",
    "ends with a backslash \\",
    "&lt;script&gt; &amp; &#60;b&#62; &copy;",
    "# heading",
    "- item",
    "> quote",
    "1. item",
    "---",
    "$x^2$ and \\(y\\)",
    "line one\nline two\r\nline three\u2028four",
    "tab\there",
    string.punctuation,
]


@pytest.mark.parametrize("text", HOSTILE)
def test_escaped_text_renders_literally_in_a_table_cell(text: str) -> None:
    markdown = f"| a | b |\n|---|---|\n| {escape(text)} | end |\n"
    [[_header, row]] = tables(markdown)
    flat = re.sub(r"\r\n|[\n\r\t\u2028]", " ", text).strip()
    assert row == [flat, "end"]
    assert html_tags(markdown) <= {"table", "thead", "tbody", "tr", "th", "td"}


@pytest.mark.parametrize("text", HOSTILE)
def test_escaped_text_renders_literally_in_a_list_item(text: str) -> None:
    markdown = f"- **label** : {escape(text)}\n"
    tokens = MD.parse(markdown)
    inline = next(token for token in tokens if token.type == "inline")
    flat = re.sub(r"\r\n|[\n\r\t\u2028]", " ", text).strip()
    assert [child.type for child in inline.children or ()][-1] == "text"
    assert cell_text(inline) == f"label : {flat}"
    assert html_tags(markdown) <= {"ul", "li", "strong"}


# --- Edge cases -----------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_empty_selection_says_there_are_no_attempts(lang: Lang) -> None:
    report = report_input(lang, records=[])
    markdown = render_markdown(report)
    assert i18n.t(lang, "synthese.warning.weeks.zero") in markdown
    assert i18n.t(lang, "synthese.attempts.none") in markdown
    assert i18n.t(lang, "section.attempts") not in markdown
    assert i18n.t(lang, "section.integrity") in markdown
    assert len(tables(markdown)) == 1  # the pièces: the report itself


def test_selection_of_only_voided_attempts_counts_none_but_lists_them() -> None:
    voided = make_record(dt.datetime(2026, 10, 5, 9, tzinfo=PARIS), 2, void="wrong day")
    markdown = render_markdown(report_input(records=[voided]))
    assert i18n.t("fr", "synthese.attempts.none") in markdown
    assert tables(markdown)[-1] == [
        ["Tentative n°", "Date", "Motif de l'annulation"],
        ["1", "5 octobre 2026 à 9\u00a0h\u00a000", "wrong day"],
    ]


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_journal_that_does_not_verify_says_so_before_anything_else(lang: Lang) -> None:
    problem = "line 17: hash-mismatch | <recomputed>"
    broken = Integrity(False, 42, None, problem)
    markdown = render_markdown(report_input(lang, integrity=broken))
    lines = markdown.splitlines()
    assert lines[0].startswith("# ")
    assert lines[2].startswith(f"> **{escape(i18n.t(lang, 'broken.title'))}**")
    assert escape(problem) in lines[2]
    first_section = markdown.index("\n## ")
    assert markdown.index(escape(i18n.t(lang, "broken.title"))) < first_section
    assert escape(i18n.t(lang, "integrity.failed", problem=problem)) in markdown
    assert i18n.t(lang, "integrity.head_unknown") in markdown
    assert html_tags(markdown) <= ALLOWED_TAGS


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_attempts_within_two_iso_weeks_carry_the_conseil_d_etat_warning(lang: Lang) -> None:
    since = dt.datetime(2026, 10, 5, tzinfo=PARIS)
    until = dt.datetime(2026, 10, 18, 23, 59, 59, tzinfo=PARIS)
    records = within(journal_records(), since=since, until=until)
    report = report_input(
        lang, records=list(records), since=since, until=until, journal_attempts=37
    )
    markdown = render_markdown(report)
    head = markdown[: markdown.index("\n## ")]
    assert "435594" in head and "2010725" in head and "2016798" in head
    assert i18n.t(lang, "synthese.warning.weeks.other", n=2) in head
    assert ("37 tentatives" if lang == "fr" else "37 attempts") in head  # the whole journal
    assert i18n.t(lang, "integrity.selection") in markdown.replace("\\", "")


def test_three_weeks_or_more_carry_no_warning() -> None:
    assert "435594" not in render_markdown(report_input())


def test_dates_read_the_french_or_the_english_way() -> None:
    assert "lun. 05/10/2026 08:02" in render_markdown(report_input("fr"))
    assert "Mon 2026-10-05 08:02" in render_markdown(report_input("en"))


def test_an_appointment_obtained_is_stated_with_its_date_and_attempt() -> None:
    records = journal_records()
    booked = make_record(dt.datetime(2026, 11, 21, 9, 5, tzinfo=PARIS), 99, outcome=Outcome.BOOKED)
    report = report_input(records=[*records, booked])
    markdown = render_markdown(report)
    n = report.numbers[99]
    assert (
        "| Rendez-vous | rendez-vous obtenu consigné le 21 novembre 2026 à 9 h 05 "
        f"(tentative n° {n}) |" in markdown.replace("\u00a0", " ")
    )


def test_a_repeated_wall_time_shows_its_utc_offset() -> None:
    markdown = render_markdown(report_input())
    assert "| dim. 25/10/2026 | 02:30 (UTC+01:00) |" in markdown


@pytest.mark.parametrize(
    "zone", ["Europe/Paris", "America/New_York", "Australia/Lord_Howe", "America/Santiago"]
)
def test_a_time_skips_the_repeated_hour_check_only_on_days_the_clocks_do_not_change(
    zone: str,
) -> None:
    # The tables check a time for a repeated hour only on a day that is not steady: on every
    # other day the time must read exactly as i18n.time writes it (here every 15 minutes of
    # 2024, in zones changing by an hour, by half an hour, and south of the equator).
    local = ZoneInfo(zone)
    moment = dt.datetime(2024, 1, 1, tzinfo=dt.timezone.utc)
    steady: dict[dt.date, bool] = {}
    while moment.year < 2025:
        at = moment.astimezone(local)
        day = at.date()
        if steady.setdefault(day, i18n.steady_day(day, local)):
            assert i18n.clock(at) == i18n.time(at), at
        moment += dt.timedelta(minutes=15)
    assert 2 <= sum(not s for s in steady.values()) <= 4  # two changes a year
    assert i18n.steady_day(dt.date(2024, 10, 27), dt.timezone(dt.timedelta(hours=2)))


def test_report_input_needs_an_aware_generation_time() -> None:
    with pytest.raises(ValueError, match="aware"):
        report_input(generated_at=dt.datetime(2026, 11, 23, 9))


# --- Exhibit numbering and selection ---------------------------------------------------------


def test_bundle_exhibits_carry_their_piece_numbers_and_each_file_once() -> None:
    report = report_input()
    numbered = report.exhibits
    by_piece = {p.number: p for p in report.pieces}
    assert all(by_piece[e.number].sha256 == e.evidence.sha256 for e in numbered)
    assert next(e for e in numbered if e.evidence == EMAIL_PDF).seq == 10  # once, first use
    assert len({e.evidence.sha256 for e in numbered}) == len(numbered)
    assert all(not e.record.voided for e in numbered)
    assert "capture-2210-doublon.png" not in {e.evidence.name for e in numbered}


def test_exhibit_file_names_are_safe_for_a_bundle() -> None:
    record = make_record(dt.datetime(2026, 10, 5, 9, tzinfo=PARIS))

    def named(name: str, number: int = 7) -> str:
        return Exhibit(number, record, evidence(name)).file_name

    assert named("capture.png") == "piece-007-capture.png"
    assert named("../../etc/passwd") == "piece-007-passwd"
    assert named("C:\\Users\\amina\\capture.png") == "piece-007-capture.png"
    assert named('a<b>:c"d|e?f*g.png', 123) == "piece-123-a_b_c_d_e_f_g.png"
    assert named("...") == "piece-007-fichier"
    long = named("x" * 300 + ".jpeg")
    assert long.endswith(".jpeg") and len(long) == len("piece-007-") + 100


def test_select_keeps_the_period_and_place_inclusive_and_voided_attempts() -> None:
    records = journal_records()
    since = dt.datetime(2026, 10, 22, 7, 50, tzinfo=PARIS)
    until = dt.datetime(2026, 11, 4, 13, 45, tzinfo=PARIS)
    chosen = within(reversed(records), since=since, until=until)
    assert [r.seq for r in chosen] == [19, 21, 22, 23, 24, 25, 26, 44, 27]
    assert chosen[0].voided
    label = "ANEF — administration-etrangers-en-france.interieur.gouv.fr"
    anef = within(records, place=lambda place: place.label == label)
    assert [r.seq for r in anef] == [27]


def test_report_input_orders_records_chronologically() -> None:
    records: list[AttemptRecord] = journal_records()
    report = report_input(records=list(reversed(records)))
    assert isinstance(report, ReportInput)
    moments = [r.attempt.at.astimezone(UTC) for r in report.records]
    assert moments == sorted(moments)


# --- Labels ----------------------------------------------------------------------------------


def test_every_label_exists_in_both_languages_with_the_same_placeholders() -> None:
    for key in i18n.label_keys():
        french, english = i18n.t("fr", key), i18n.t("en", key)
        assert french.strip() and english.strip(), key
        # ``e`` and ``s`` fill French agreements (« informé{e} »); English has none.
        fields = [set(re.findall(r"\{(\w+)", text)) - {"e", "s"} for text in (french, english)]
        assert fields[0] == fields[1], key


def test_plain_text_skips_the_escape_cache_with_the_same_result() -> None:
    """Text made only of plain characters is returned as is; it must be what the full escape
    (printable, line breaks, Markdown punctuation) would have written."""
    from rdvlog.printable import printable
    from rdvlog.render.markdown import _BREAKS, _ESCAPES

    def full(text: str) -> str:
        return printable(_BREAKS.sub(" ", text)).translate(_ESCAPES)

    singles = [chr(code) for code in range(0x3000) if not 0xD800 <= code <= 0xDFFF]
    samples = [*singles, "\r\n", "lun. 05/10/2026 08:02", "12 †", "Préfecture | *x*", "a\u00adb"]
    for text in samples:
        assert escape(text) == full(text), repr(text)
        assert escape("plain " + text + " text") == full("plain " + text + " text"), repr(text)


@pytest.mark.parametrize(
    "row",
    [
        ("1", "lun. 05/10/2026", "08:02"),
        ("1", "a | b", "08:02"),
        ("1|2", "x", ""),
        ("|", "|", "|"),
        ("", "", ""),
        ("é à ç", "<b>", "a_b"),
        ("a\nb", "tab\there", "x|"),
    ],
)
def test_long_table_rows_are_escaped_as_cell_by_cell(row: tuple[str, ...]) -> None:
    # The one-match test over a row's line must take a bar inside a cell for what it is.
    from rdvlog.render.markdown import _row_lines, _table

    fast = list(_row_lines(["a", "b", "c"], [row]))
    assert fast == list(_table(["a", "b", "c"], [tuple(escape(cell) for cell in row)]))
