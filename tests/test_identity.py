"""Byte identity of the reading commands' outputs (issue 16): ``report``, ``status --json``,
``attempt list --format json`` and ``verify --json`` on the 1,000-attempt benchmark store
give the digests recorded in ``benchmarks/expected/`` from the code before the speed-ups.

An intended change of an output means recording them again:
``.venv/bin/python benchmarks/identity.py --attempts 1000 --record``.
"""

from __future__ import annotations

import sys
from pathlib import Path

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"


def test_outputs_are_byte_identical(tmp_path: Path) -> None:
    sys.path.insert(0, str(BENCHMARKS))
    try:
        from identity import compare  # type: ignore[import-not-found]
        from make_journal import build_store  # type: ignore[import-not-found]
    finally:
        sys.path.remove(str(BENCHMARKS))
    store = tmp_path / "bench"
    build_store(store, 1000)
    assert compare(store, 1000) == []
