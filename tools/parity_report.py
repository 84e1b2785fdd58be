"""Worst error against TA-Lib per indicator, over every parameter set and several data sets.

Usage: python tools/parity_report.py   (needs the built extension; prints a Markdown table)

The error is max|ours - TA-Lib| / max|TA-Lib| per output, worst over outputs, parameter sets
and data sets; the null mask must also equal TA-Lib's NaN mask ("mask" column).
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from conftest import (
    ENTRIES,
    OHLCV,
    frame,
    ours_run,
    param_sets,
    real_ohlcv,
    synthetic_ohlcv,
    talib_run,
)


def datasets() -> dict[str, dict[str, np.ndarray]]:
    sets = {
        "walk": synthetic_ohlcv(5000, seed=11),
        "tiny (1e-6)": synthetic_ohlcv(1000, seed=5, scale=1e-6),
        "huge (1e9)": synthetic_ohlcv(1000, seed=5, scale=1e9),
        "flat": {k: np.full(300, 1000.0 if k == "volume" else 42.0) for k in OHLCV},
    }
    for name in ("GOOG", "EURUSD", "BTCUSD"):
        data = real_ohlcv(name)
        if data is not None:
            sets[name] = data
    return sets


def main() -> None:
    sets = datasets()
    print(f"data sets: {', '.join(sets)}\n")
    print("| indicator | worst rel. error | where | mask |")
    print("|---|---|---|---|")
    for entry in ENTRIES:
        worst, where, masks_ok = 0.0, "-", True
        for set_name, data in sets.items():
            df = frame(data)
            for values in param_sets(entry):
                ours = ours_run(entry, values, df)
                theirs = talib_run(entry, values, data)
                for mine, ref in zip(ours, theirs, strict=True):
                    null = mine.is_null().to_numpy()
                    masks_ok &= bool(np.array_equal(null, np.isnan(ref)))
                    ok = ~null & ~np.isnan(ref)
                    if not ok.any():
                        continue
                    scale = float(np.max(np.abs(ref[ok]))) or 1.0
                    err = float(np.max(np.abs(mine.to_numpy()[ok] - ref[ok]))) / scale
                    if err > worst:
                        worst, where = err, set_name
        print(f"| {entry['name']} | {worst:.1e} | {where} | {'ok' if masks_ok else 'DIFF'} |")


if __name__ == "__main__":
    main()
