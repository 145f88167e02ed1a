"""Where ``rdvlog attempt add`` spends its start-up beyond Typer's: ``python -X importtime``.

Run it with the interpreter of the rdvlog under test::

    .venv/bin/python benchmarks/importtime.py            # 9 runs of each, interleaved
    .venv/bin/python benchmarks/importtime.py --runs 21 --top 40
    .venv/bin/python benchmarks/importtime.py -- attempt add -p 93 -d AES   # another command

It runs ``floor_app.py`` (a one-command Typer app doing nothing) and the rdvlog command in
turn under ``-X importtime``, each in a fresh store, and prints medians in microseconds:
the total import time of each, then every module the rdvlog command loads that the floor
does not, by self time (what the module's own body costs, model building included), and the
same grouped by package. Modules both load cost the same in each and are left out.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_ARGS = ("attempt", "add", "--unlisted", "-p", "Bobigny", "-d", "AES")
_LINE = re.compile(r"import time:\s+(\d+) \|\s+(\d+) \|( *)(\S+)")


def import_times(argv: Sequence[str], env: dict[str, str]) -> dict[str, tuple[int, int]]:
    """``module: (self µs, cumulative µs)`` for one run under ``-X importtime``."""
    done = subprocess.run(
        [sys.executable, "-X", "importtime", *argv],
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        tail = [line for line in done.stderr.splitlines() if not line.startswith("import time")]
        raise SystemExit(f"error: {' '.join(argv)} exited {done.returncode}: {tail[-1:]}")
    times = {}
    for line in done.stderr.splitlines():
        match = _LINE.match(line)
        if match:
            times[match[4]] = (int(match[1]), int(match[2]))
    return times


def medians(runs: list[dict[str, tuple[int, int]]]) -> dict[str, float]:
    """Median self time of each module loaded in every run."""
    common = set.intersection(*(set(run) for run in runs))
    return {name: statistics.median(run[name][0] for run in runs) for name in common}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--runs", type=int, default=9, help="runs of each (default 9)")
    parser.add_argument("--top", type=int, default=30, help="modules to list (default 30)")
    parser.add_argument("command", nargs="*", help="rdvlog arguments (default: attempt add …)")
    args = parser.parse_args(argv)
    rdvlog = Path(sys.executable).parent / "rdvlog"
    command = tuple(args.command) or DEFAULT_ARGS
    floor_runs: list[dict[str, tuple[int, int]]] = []
    rdvlog_runs: list[dict[str, tuple[int, int]]] = []
    with tempfile.TemporaryDirectory(prefix="rdvlog-importtime-") as scratch:
        # Bytecode is cached (outside the source tree) as in an installed package; without
        # it, every module edited since its last compilation would be compiled in every run.
        env = {
            k: v
            for k, v in os.environ.items()
            if not k.startswith("RDVLOG_") and k != "PYTHONDONTWRITEBYTECODE"
        }
        env |= {"RDVLOG_HOME": str(Path(scratch) / "store"), "RDVLOG_TZ": "Europe/Paris"}
        env["PYTHONPYCACHEPREFIX"] = str(HERE / ".work" / "pycache")
        floor = (str(HERE / "floor_app.py"), *DEFAULT_ARGS[2:])
        import_times(floor, env)  # warm-up: bytecode caches
        import_times((str(rdvlog), *command), env)
        for _ in range(args.runs):
            floor_runs.append(import_times(floor, env))
            rdvlog_runs.append(import_times((str(rdvlog), *command), env))
    floor_self, rdvlog_self = medians(floor_runs), medians(rdvlog_runs)
    floor_total = statistics.median(sum(s for s, _ in run.values()) for run in floor_runs)
    rdvlog_total = statistics.median(sum(s for s, _ in run.values()) for run in rdvlog_runs)
    extra = {name: t for name, t in rdvlog_self.items() if name not in floor_self}
    print(f"rdvlog {' '.join(command)}: median of {args.runs} runs, microseconds\n")
    print(f"total import time, floor (Typer app doing nothing): {floor_total:>9,.0f}")
    print(f"total import time, rdvlog:                          {rdvlog_total:>9,.0f}")
    print(f"  of which in {len(extra)} modules the floor never loads: {sum(extra.values()):,.0f}")
    print(f"\nmodules loaded by rdvlog but not by the floor, by self time (top {args.top}):\n")
    for name, self_us in sorted(extra.items(), key=lambda kv: -kv[1])[: args.top]:
        print(f"{self_us:>9,.0f}  {name}")
    groups: dict[str, float] = defaultdict(float)
    for name, self_us in extra.items():
        parts = name.split(".")
        groups[".".join(parts[:2]) if parts[0] == "rdvlog" else parts[0]] += self_us
    print("\nthe same, by package:\n")
    for name, total in sorted(groups.items(), key=lambda kv: -kv[1]):
        print(f"{total:>9,.0f}  {name}")
    floor_only = sorted(set(floor_self) - set(rdvlog_self))
    if floor_only:
        print(f"\nloaded by the floor only: {', '.join(floor_only)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
