"""Writes tests/snapshots/<version>.json: a snapshot of every catalog indicator's stream.

Each version commits one; `tests/test_streams.py` restores every committed fixture and checks
that the streams continue exactly as the batch result does, so a later version that could no
longer read an earlier version's snapshots fails its tests. A development tool: not part of
the installed package. Run it after adding indicators or changing a state machine's fields.
"""

from __future__ import annotations

import base64
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from conftest import ENTRIES, free_column, synthetic_ohlcv  # noqa: E402
from laakhay import ta  # noqa: E402

BARS = 300
TAKEN_AT = 150


def main() -> int:
    data = synthetic_ohlcv(BARS, 2024)
    snapshots = {}
    for entry in ENTRIES:
        columns = [data[free_column(entry, role)] for role in entry["inputs"]]
        stream = ta.stream.new(entry["name"], {}, revisable=True)
        for bar in zip(*(c[:TAKEN_AT].tolist() for c in columns), strict=True):
            stream.update(*bar)
        snapshots[entry["name"]] = base64.b64encode(stream.to_bytes()).decode()
    fixture = {
        "version": ta.__version__,
        "taken_at": TAKEN_AT,
        "data": {k: v.tolist() for k, v in data.items()},
        "indicators": snapshots,
    }
    path = ROOT / "tests" / "snapshots" / f"{ta.__version__}.json"
    path.parent.mkdir(exist_ok=True)
    path.write_text(json.dumps(fixture, indent=0) + "\n")
    print(f"wrote {path} ({path.stat().st_size:,} bytes, {len(snapshots)} indicators)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
