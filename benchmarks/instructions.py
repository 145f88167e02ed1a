"""``attempt add``'s start-up in instructions executed, which the machine's load does not move.

Wall and CPU times drift by 10-20 % on a shared machine (``run.py`` interleaves its runs for
that reason); the count of instructions a process executes does not. This script counts
them with Valgrind's callgrind (Debian's ``valgrind`` package; the script says so and stops
when it is missing), for the floor of DESIGN.md §6 and for ``rdvlog``, each run once after
an untimed run that writes its bytecode::

    .venv/bin/python benchmarks/instructions.py          # about a minute

It prints, in millions of instructions and as a ratio to the floor:

- ``floor_app.py``, the floor (a one-command Typer app, three options);
- ``floor_add_options.py``, Typer with ``attempt add``'s own sixteen options, doing nothing:
  the share of the start-up that is Typer's handling of that interface;
- ``rdvlog --version``;
- ``rdvlog attempt add --unlisted -p … -d …`` on a store of one attempt (``run.py``'s case);
- ``rdvlog attempt add`` alone on a store whose case profile is in French (the daily form).

Instructions are not time: a process that waits on the disk costs time and no instructions.
The ratios follow ``run.py``'s CPU ratios within a few hundredths.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
RDVLOG = Path(sys.executable).with_name("rdvlog")
PLACE = ("--unlisted", "-p", "Bobigny", "-d", "AES")


def count(argv: list[str], env: dict[str, str]) -> int:
    """Instructions executed by one run of ``argv`` (after one run that writes bytecode)."""
    subprocess.run(argv, env=env, capture_output=True, check=True)
    done = subprocess.run(
        ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", *argv],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    for line in done.stderr.splitlines():
        if "Collected :" in line:
            return int(line.rsplit(":", 1)[1])
    raise SystemExit(f"error: no instruction count from callgrind for {argv}")


def main() -> None:
    if shutil.which("valgrind") is None:
        raise SystemExit("error: valgrind is not installed (Debian: apt install valgrind)")
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    # One hash seed: set and dict layouts, hence the count, are then the same on each run.
    env["PYTHONHASHSEED"] = "0"
    with tempfile.TemporaryDirectory() as work:
        unlisted = Path(work, "unlisted")
        french = Path(work, "french")
        add = [str(RDVLOG), "attempt", "add"]
        runs = {
            "floor: Typer app doing nothing (floor_app.py)": (
                [sys.executable, str(HERE / "floor_app.py"), *PLACE],
                unlisted,
            ),
            "Typer with attempt add's options, doing nothing": (
                [sys.executable, str(HERE / "floor_add_options.py"), "attempt", "add", *PLACE],
                unlisted,
            ),
            "rdvlog --version": ([str(RDVLOG), "--version"], unlisted),
            f"rdvlog attempt add {' '.join(PLACE)}": ([*add, *PLACE], unlisted),
            "rdvlog attempt add (French case profile)": (add, french),
        }
        setup = dict(env, RDVLOG_HOME=str(french))
        subprocess.run(
            [str(RDVLOG), "case", "set", "-p", "Bobigny", "-d", "AES", "--lang", "fr"],
            env=setup,
            capture_output=True,
            check=True,
        )
        counts = {
            name: count(argv, dict(env, RDVLOG_HOME=str(home)))
            for name, (argv, home) in runs.items()
        }
    floor = next(iter(counts.values()))
    print("| command | instructions | × floor |")
    print("|---|---:|---:|")
    for name, n in counts.items():
        print(f"| {name} | {n / 1e6:,.0f} M | {n / floor:.3f} |")
    print("\nBudget (DESIGN.md §6): `attempt add` at most 1.10 × the floor.")


if __name__ == "__main__":
    main()
