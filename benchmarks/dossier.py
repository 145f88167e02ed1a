"""Time and peak memory of ``rdvlog dossier`` and ``rdvlog report --format pdf`` on a big case.

Run it with the interpreter of the rdvlog under test::

    .venv/bin/python benchmarks/dossier.py                 # 1,000 attempts, 300 screenshots
    .venv/bin/python benchmarks/dossier.py --attempts 200 --screenshots 60   # a quick look

The store is built once under ``benchmarks/.work/dossier-store`` through the library's own
``Journal.append`` (so every screenshot is copied and hashed as ``attempt add`` does): 1,000
attempts over twenty weeks, 300 of them with a screenshot, each a distinct 1280×800 PNG drawn
with Pillow like a préfecture's booking page (a coloured banner, lines of text, a message box,
flat colours and no noise: what a real screenshot compresses like). Each command then runs in
a fresh process; wall time and the child's peak RSS (``ru_maxrss`` from ``os.wait4``) are
printed as a Markdown table. A command the rdvlog under test does not have is shown as n/a.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from zoneinfo import ZoneInfo

from PIL import Image, ImageDraw

from rdvlog.evidence import check_source
from rdvlog.journal import Journal
from rdvlog.models import Attempt, Case, Place

WORK = Path(__file__).parent / ".work"
PARIS = ZoneInfo("Europe/Paris")
PLACE = Place(label="Préfecture de la Seine-Saint-Denis", kind="prefecture", department="93")
MESSAGE = "Il n'existe plus de plage horaire libre pour votre demande de rendez-vous."


def screenshot(path: Path, index: int, at: dt.datetime) -> None:
    """A 1280×800 booking page: banner, form lines, the refusal in a box, a time stamp."""
    image = Image.new("RGB", (1280, 800), (246, 246, 246))
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, 1280, 96), fill=(0, 0, 145))
    draw.text((40, 36), "PRÉFET DE LA SEINE-SAINT-DENIS — Prendre un rendez-vous", fill="white")
    for line in range(12):
        y = 140 + line * 28
        draw.text((80, y), f"Étape {line + 1} : champ du formulaire n° {index}-{line}", fill=40)
        draw.rectangle((520, y - 4, 1180, y + 18), outline=(180, 180, 180), fill="white")
    draw.rectangle((80, 520, 1200, 620), outline=(200, 60, 60), fill=(253, 236, 234))
    draw.text((110, 560), MESSAGE, fill=(150, 20, 20))
    draw.text((80, 740), f"{at:%d/%m/%Y %H:%M} — capture {index}", fill=90)
    image.save(path, format="PNG")


def build_store(root: Path, attempts: int, screenshots: int) -> None:
    if root.exists():
        shutil.rmtree(root)
    moment = dt.datetime(2026, 6, 1, 8, 0, tzinfo=PARIS)
    now = [moment]
    journal = Journal(root, clock=lambda: now[0])
    journal.append(
        Case(applicant="Aïcha Ben Saïd", civility="Mme", place=PLACE, procedure="AES salarié")
    )
    every = max(1, attempts // max(screenshots, 1))
    shots = 0
    with tempfile.TemporaryDirectory() as folder:
        for i in range(attempts):
            # Twenty weeks, several tries a day at different hours.
            at = moment + dt.timedelta(hours=i * 20 * 7 * 24 // attempts, minutes=i % 50)
            now[0] = at + dt.timedelta(minutes=3)
            attempt = Attempt(at=at, place=PLACE, procedure="AES salarié", message=MESSAGE)
            if shots < screenshots and i % every == 0:
                path = Path(folder) / f"capture-{i:04d}.png"
                screenshot(path, i, at)
                journal.append(attempt, [check_source(path, store=root)])
                path.unlink()
                shots += 1
            else:
                journal.append(attempt)


def measure(args: list[str], store: Path) -> tuple[float, float] | None:
    """Wall seconds and peak MiB of one ``rdvlog`` run; ``None`` when it is not supported."""
    rdvlog = shutil.which("rdvlog", path=str(Path(sys.executable).parent)) or "rdvlog"
    env = {**os.environ, "RDVLOG_HOME": str(store), "SOURCE_DATE_EPOCH": "1790000000"}
    start = time.perf_counter()
    child = subprocess.Popen(
        [rdvlog, *args], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - start
    stderr = child.stderr.read().decode() if child.stderr else ""
    if os.waitstatus_to_exitcode(status) != 0:
        if "No such option" in stderr or "Invalid value" in stderr:
            return None
        raise SystemExit(f"rdvlog {' '.join(args)} failed: {stderr}")
    peak = usage.ru_maxrss / 1024 if sys.platform != "darwin" else usage.ru_maxrss / 2**20
    return wall, peak


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--attempts", type=int, default=1000)
    parser.add_argument("--screenshots", type=int, default=300)
    parser.add_argument(
        "--keep-store", action="store_true", help="Reuse the store of the last run as it is."
    )
    options = parser.parse_args(argv)
    store = WORK / "dossier-store"
    started = time.perf_counter()
    if not (options.keep_store and (store / "journal.jsonl").exists()):
        build_store(store, options.attempts, options.screenshots)
    built = time.perf_counter() - started
    evidence = sum(p.stat().st_size for p in (store / "evidence").rglob("*.png"))
    print(
        f"store: {options.attempts} attempts, {options.screenshots} screenshots "
        f"({evidence / 2**20:.1f} MiB of PNG), built in {built:.1f} s\n"
    )
    out = WORK / "dossier-out"
    commands = {
        "dossier -o DIR": ["dossier", "-o", str(out / "each"), "--force"],
        "dossier -o DIR --group-weeks": ["dossier", "-o", str(out / "weeks"), "--force"],
        "dossier --zip": ["dossier", "-o", str(out / "dossier.zip"), "--zip", "--force"],
        "report --format pdf": ["report", "--format", "pdf", "-o", str(out / "rapport.pdf")],
    }
    commands["dossier -o DIR --group-weeks"].append("--group-weeks")
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    print("| command | wall time | peak memory | output |")
    print("|---|---:|---:|---:|")
    for name, args in commands.items():
        result = measure(args, store)
        if result is None:
            print(f"| `rdvlog {name}` | n/a | n/a | n/a |")
            continue
        target = Path(args[args.index("-o") + 1])
        files = list(target.iterdir()) if target.is_dir() else [target]
        size = sum(f.stat().st_size for f in files) / 2**20
        wall, peak = result
        print(
            f"| `rdvlog {name}` | {wall:.1f} s | {peak:.0f} MiB | "
            f"{len(files)} file(s), {size:.1f} MiB |"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
