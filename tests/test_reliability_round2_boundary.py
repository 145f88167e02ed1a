"""Issue #11, the boundary half: outputs, terminal text, settings, exits, the clock, privacy."""

from __future__ import annotations

import datetime as dt
import json
import os
import stat
import subprocess
import sys
import time
import unicodedata
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rdvlog import export
from rdvlog.errors import UsageError
from rdvlog.journal import Journal
from rdvlog.journal.hint import restore_hint
from rdvlog.printable import json_safe, printable
from rdvlog.stats import summarize

from builders import NOW, Clock, attempt, snapshot
from conftest import Invoke

RDVLOG = str(Path(sys.executable).parent / "rdvlog")
ADD = ("attempt", "add", "--unlisted", "-p", "Bobigny", "-d", "AES salarié")
PROPERTY = settings(
    max_examples=12,
    derandomize=True,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def controls(line: str) -> list[str]:
    """The characters of ``line`` that drive a terminal or hide text (ZWJ excepted)."""
    return [
        c
        for c in line
        if (c != "\t" and (unicodedata.category(c) in ("Cc", "Cs", "Zl", "Zp") or c == "\x7f"))
        or (unicodedata.category(c) == "Cf" and c != "\u200d")
    ]


# -- item 9: terminal escapes -------------------------------------------------------------


@given(st.text())
@settings(max_examples=300, derandomize=True)
def test_printable_leaves_no_control_or_format_character(text: str) -> None:
    for line in printable(text).split("\n"):
        assert controls(line) == []


@given(st.text())
@settings(max_examples=300, derandomize=True)
def test_json_safe_keeps_the_value_and_escapes_every_control(text: str) -> None:
    document = json.dumps({"note": text}, ensure_ascii=False)
    safe = json_safe(document)
    assert json.loads(safe) == {"note": text}
    assert controls(safe) == []


def test_c1_controls_are_refused_on_input_and_nothing_is_written(
    rdvlog: Invoke, store: Path
) -> None:
    for char in ("\x9b", "\x85", "\x80", "\x9f"):
        before = snapshot(store)
        result = rdvlog(*ADD, "-m", f"a{char}[2Jb")
        assert result.exit_code == 2
        assert "control character" in result.stderr
        assert snapshot(store) == before


# Text the model accepts, biased to what a terminal could misread: format characters
# (LRM, BOM, soft hyphen, zero-width space), separators, markup brackets, non-Latin scripts.
TRICKY = st.sampled_from(
    ["\u200e", "\u200f", "\ufeff", "\u00ad", "\u200b", "\u2028", "\u061c", "[", "]", "[/", "é"]
)
STORED_TEXT = (
    st.lists(
        st.one_of(TRICKY, st.characters(blacklist_categories=("Cc", "Cs"))), min_size=1, max_size=12
    )
    .map("".join)
    .filter(lambda s: s.strip() and "\u2028" not in s and "\u2029" not in s)
)


@pytest.mark.reliability
@given(place=STORED_TEXT, note=STORED_TEXT, applicant=STORED_TEXT)
@PROPERTY
def test_no_output_line_of_any_stored_text_holds_a_control(
    rdvlog: Invoke, store: Path, clock: Clock, place: str, note: str, applicant: str
) -> None:
    journal = store / "journal.jsonl"
    journal.unlink(missing_ok=True)
    (store / "case.hint").unlink(missing_ok=True)
    (store / "attempts.hint").unlink(missing_ok=True)
    results = [
        rdvlog("case", "set", "--applicant", applicant),
        rdvlog("attempt", "add", "--unlisted", "-p", place, "-d", note, "-n", note + "\u2028x"),
    ]
    for args in (
        ("attempt", "list"),
        ("attempt", "list", "--format", "csv"),
        ("attempt", "list", "--format", "json"),
        ("attempt", "show", "1"),  # the attempt's number (entry 1 is the case)
        ("attempt", "show", "1", "--json"),
        ("case", "show"),
        ("status",),
        ("verify",),
        ("report",),
        ("report", "--format", "csv"),
    ):
        results.append(rdvlog(*args))
    for result in results:
        assert result.exit_code == 0, result.output
        for line in (result.stdout + result.stderr).split("\n"):
            assert controls(line) == [], (line, result)


def test_rich_never_reads_markup_in_store_paths_or_names(rdvlog: Invoke, tmp_path: Path) -> None:
    store = tmp_path / "[/old]" / "[bold]x"
    result = rdvlog("--store", str(store), *ADD[:4], "[bold]Bob [/]", *ADD[5:])
    assert result.exit_code == 0, result.output
    for args in (("status",), ("attempt", "list"), ("attempt", "show", "1"), ("verify",)):
        shown = rdvlog("--store", str(store), *args)
        assert shown.exit_code == 0, shown.output
    assert "[bold]Bob [/]" in rdvlog("--store", str(store), "attempt", "list").stdout
    assert "[/old]/[bold]x" in rdvlog("--store", str(store), "verify").stdout


@given(st.lists(st.sampled_from(["[", "]", "/", "bold", "old", "a", "=", "#"]), min_size=1))
@settings(max_examples=25, derandomize=True, deadline=None)
def test_any_bracketed_store_path_works_for_status(path_words: list[str]) -> None:
    import tempfile

    from typer.testing import CliRunner

    from rdvlog.cli import app
    from rdvlog.cli.context import State

    with tempfile.TemporaryDirectory() as tmp:
        name = "".join(path_words).replace("/", "_")
        store = Path(tmp) / name
        runner = CliRunner()
        added = runner.invoke(app, ["--store", str(store), *ADD], obj=State(clock=Clock()))
        assert added.exit_code == 0, added.output
        status = runner.invoke(app, ["--store", str(store), "status"], obj=State(clock=Clock()))
        assert status.exit_code == 0, status.output


# -- item 4: outputs never replace a store file ---------------------------------------------


def test_check_target_refuses_every_alias_of_the_store(store: Path, tmp_path: Path) -> None:
    Journal(store, clock=Clock()).append(attempt())
    journal = store / "journal.jsonl"
    os.link(journal, tmp_path / "hard.md")
    (tmp_path / "soft.md").symlink_to(journal)
    (tmp_path / "mount").symlink_to(store, target_is_directory=True)
    for target in ("hard.md", "soft.md", "mount/report.md", "mount/journal.jsonl", "mount"):
        with pytest.raises(UsageError, match="inside the rdvlog store"):
            export.check_target(tmp_path / target, store=store)
        with pytest.raises(UsageError, match="inside the rdvlog store"):
            export.check_target(tmp_path / target, store=store, directory=True)
    assert export.check_target(tmp_path / "fine.md", store=store) == (tmp_path / "fine.md")


def test_report_cannot_replace_a_symlinked_journal(
    rdvlog: Invoke, store: Path, tmp_path: Path
) -> None:
    assert rdvlog(*ADD).exit_code == 0
    # Named .zip: `bundle -o x` writes x.zip for any other name, which would miss the journal.
    real = tmp_path / "elsewhere.zip"
    (store / "journal.jsonl").rename(real)
    (store / "journal.jsonl").symlink_to(real)
    before = real.read_bytes()
    for command in (("report",), ("bundle", "--force")):
        result = rdvlog(*command, "-o", str(real))
        assert result.exit_code == 2
        assert "inside the rdvlog store" in result.stderr
    assert real.read_bytes() == before


def test_check_target_for_a_folder(store: Path, tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x")
    with pytest.raises(UsageError, match="not a folder"):
        export.check_target(tmp_path / "file", store=store, directory=True)
    full = tmp_path / "full"
    full.mkdir()
    (full / "a").write_text("x")
    with pytest.raises(UsageError, match="not empty"):
        export.check_target(full, store=store, directory=True, force=False)
    assert export.check_target(full, store=store, directory=True) == full


# -- item 12: partial outputs of a killed run ------------------------------------------------


def test_stale_partial_outputs_are_removed_at_the_next_run(rdvlog: Invoke, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    dead = out / f"{export.TEMP_PREFIX}999999999-abc-dossier.zip"
    old = out / f"{export.TEMP_PREFIX}{os.getppid()}-def-dossier.zip"
    live = out / f"{export.TEMP_PREFIX}{os.getppid()}-ghi-dossier.zip"
    other = out / ".dossier.zip.keepme"
    for path in (dead, old, live, other):
        path.write_bytes(b"personal data")
    hour_ago = time.time() - 2 * export.STALE_AFTER
    os.utime(old, (hour_ago, hour_ago))
    assert rdvlog(*ADD).exit_code == 0
    assert rdvlog("bundle", "-o", str(out / "dossier.zip")).exit_code == 0
    assert sorted(p.name for p in out.iterdir()) == sorted(["dossier.zip", live.name, other.name])


def test_a_failed_output_leaves_no_partial_file(rdvlog: Invoke, tmp_path: Path) -> None:
    assert rdvlog(*ADD).exit_code == 0
    (Path(os.environ["RDVLOG_HOME"]) / "evidence").mkdir(exist_ok=True)
    with pytest.raises(RuntimeError), export.atomic_output(tmp_path / "r.md") as out:
        out.write(b"half")
        raise RuntimeError("killed")
    assert list(tmp_path.glob(".rdvlog-partial-*")) == []


# -- item 12: settings, pipes, SOURCE_DATE_EPOCH ---------------------------------------------


@pytest.mark.parametrize("value", ["abc", "nan", "inf", "-inf", "-1", "1e400", "٣"])
def test_bad_lock_timeouts_are_usage_errors(
    rdvlog: Invoke, monkeypatch: pytest.MonkeyPatch, value: str
) -> None:
    monkeypatch.setenv("RDVLOG_LOCK_TIMEOUT", value)
    result = rdvlog(*ADD)
    assert result.exit_code == 2
    assert result.stderr.startswith("error: RDVLOG_LOCK_TIMEOUT=")
    assert len(result.stderr.splitlines()) == 1


@pytest.mark.parametrize("value", ["²", "-1", "1.5", "0x10", "253402300800", "9" * 30])
def test_bad_source_date_epochs_are_usage_errors(
    rdvlog: Invoke, monkeypatch: pytest.MonkeyPatch, value: str
) -> None:
    assert rdvlog(*ADD).exit_code == 0
    monkeypatch.setenv("SOURCE_DATE_EPOCH", value)
    result = rdvlog("report")
    assert result.exit_code == 2
    assert result.stderr.startswith("error: SOURCE_DATE_EPOCH=")


def test_bundle_after_2107_clamps_the_zip_dates_and_keeps_the_report_date(
    rdvlog: Invoke, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    assert rdvlog(*ADD).exit_code == 0
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "5000000000")  # 2128
    result = rdvlog("bundle", "-o", str(tmp_path / "b.zip"))
    assert result.exit_code == 0, result.output
    with zipfile.ZipFile(tmp_path / "b.zip") as zf:
        assert {info.date_time[0] for info in zf.infolist()} == {2107}
        names = zf.namelist()
        report = next(n for n in names if n.endswith(".md") and "LISEZ" not in n.upper())
        assert "2128" in zf.read(report).decode()


@pytest.mark.parametrize(
    "args", [("prefectures",), ("attempt", "list", "--format", "csv"), ("report",), ("verify",)]
)
def test_a_closed_pipe_ends_quietly_with_exit_0(store: Path, args: tuple[str, ...]) -> None:
    subprocess.run([RDVLOG, *ADD], check=True, capture_output=True)
    reader = subprocess.Popen(
        [RDVLOG, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=os.environ
    )
    assert reader.stdout is not None and reader.stderr is not None
    reader.stdout.read(1)
    reader.stdout.close()
    assert reader.stderr.read() == b""
    assert reader.wait(timeout=60) == 0


# -- item 12: lock file, places ----------------------------------------------------------------


def test_a_planted_lock_symlink_is_refused_and_its_target_untouched(
    rdvlog: Invoke, store: Path, tmp_path: Path
) -> None:
    assert rdvlog(*ADD).exit_code == 0
    target = tmp_path / "victim"
    target.write_bytes(b"x")
    target.chmod(0o644)
    (store / "journal.lock").unlink()
    (store / "journal.lock").symlink_to(target)
    assert rdvlog("verify").exit_code == 0  # reading takes no lock
    result = rdvlog(*ADD)
    assert result.exit_code == 1, result.output
    assert result.stderr.startswith("error:")
    assert stat.S_IMODE(target.stat().st_mode) == 0o644
    assert target.read_bytes() == b"x"


def test_a_fifo_lock_file_is_refused(rdvlog: Invoke, store: Path) -> None:
    assert rdvlog(*ADD).exit_code == 0
    (store / "journal.lock").unlink()
    os.mkfifo(store / "journal.lock")
    result = rdvlog(*ADD)
    assert result.exit_code == 1
    assert "not a regular file" in result.stderr


@given(st.permutations(["Mairie de Créteil", "Mairie de Cre\u0301teil", "Mairie de\u200b Créteil"]))
@settings(max_examples=6, derandomize=True)
def test_one_place_spelt_three_ways_is_one_place(spellings: list[str]) -> None:
    from rdvlog.history import AttemptRecord
    from rdvlog.models import Place

    records = [
        AttemptRecord(n, NOW, attempt(place=Place(label=label, kind="unlisted")))
        for n, label in enumerate(spellings, 1)
    ]
    assert summarize(records, NOW.tzinfo or dt.timezone.utc).places == (spellings[0],)


# -- item 11: the clock set back -----------------------------------------------------------------


def test_recorded_at_going_backwards_is_flagged(
    rdvlog: Invoke, store: Path, clock: Clock, tmp_path: Path
) -> None:
    assert rdvlog(*ADD, "--at", "2026-11-20 08:30").exit_code == 0
    clock.advance(hours=-30)
    assert rdvlog(*ADD, "--at", "2026-11-20 09:30").exit_code == 0
    clock.advance(hours=31)
    assert rdvlog(*ADD, "--at", "2026-11-20 10:30").exit_code == 0

    verify = rdvlog("verify")
    assert verify.exit_code == 0
    warnings = [line for line in verify.stderr.splitlines() if line.startswith("warning:")]
    assert len(warnings) == 1 and "entry 2" in warnings[0] and "clock" in warnings[0]

    document = json.loads(rdvlog("verify", "--json").stdout)
    assert document["ok"] is True
    assert document["recorded_at_backwards"] == [
        {
            "line": 2,
            "recorded_at": "2026-11-25T03:00:00.000Z",
            "previous": "2026-11-26T09:00:00.000Z",
        }
    ]
    french = rdvlog("report", "--lang", "fr").stdout
    assert (
        "L'horodatage d'enregistrement de l'entrée n° 2 (mer. 25/11/2026 04:00:00) est "
        "antérieur à celui de l'entrée précédente (jeu. 26/11/2026 10:00:00) : l'horloge de "
        "l'ordinateur a pu être modifiée." in french.replace("\\", "")
    )
    english = rdvlog("report", "--lang", "en").stdout
    assert "the computer's clock may have been changed" in english
    sheet = rdvlog("report", "--format", "csv", "--lang", "en").stdout
    assert sheet.count("computer's clock may have been changed") == 1


def test_an_orderly_clock_flags_nothing(rdvlog: Invoke, clock: Clock) -> None:
    for _ in range(3):
        assert rdvlog(*ADD).exit_code == 0
        clock.advance(minutes=1)
    assert json.loads(rdvlog("verify", "--json").stdout)["recorded_at_backwards"] == []
    assert "warning" not in rdvlog("verify").stderr


# -- item 10: modes after a failure, and under a strict umask ------------------------------


def test_restoring_the_hint_under_umask_000_keeps_it_private(tmp_path: Path) -> None:
    hint = tmp_path / "case.hint"
    old = os.umask(0)
    try:
        restore_hint(hint, b'{"offset":0}')
    finally:
        os.umask(old)
    assert stat.S_IMODE(hint.stat().st_mode) == 0o600


def test_attempt_add_with_evidence_works_under_umask_0277(store: Path, tmp_path: Path) -> None:
    shot = tmp_path / "shot.png"
    shot.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
    for _ in range(2):  # the second add finds the folders the first one made
        done = subprocess.run(
            [RDVLOG, *ADD, "-e", str(shot)],
            capture_output=True,
            text=True,
            preexec_fn=lambda: os.umask(0o277),
            check=False,
        )
        assert done.returncode == 0, done.stderr
        shot.write_bytes(shot.read_bytes() + b"\x00")
    modes = {
        str(path.relative_to(store)): stat.S_IMODE(path.stat().st_mode)
        for path in [store, *store.rglob("*")]
        if path.is_dir()
    }
    assert set(modes.values()) == {0o700}, modes


def test_the_shared_place_and_demarche_above_a_list_are_escaped(rdvlog: Invoke) -> None:
    # Said once above the table when every attempt shares them: escaped as the cells are.
    for at in ("2026-11-20 08:30", "2026-11-21 08:30"):
        added = rdvlog("attempt", "add", "--at", at, "--unlisted", "-p", "Guichet \u200e8e",
                       "-d", "AES \u200fsalarié")  # fmt: skip
        assert added.exit_code == 0, added.output
    listed = rdvlog("attempt", "list")
    assert listed.exit_code == 0
    header = listed.stdout.splitlines()[:2]
    assert [controls(line) for line in header] == [[], []]
    assert header[0].startswith("place: Guichet") and header[1].startswith("démarche: AES")
