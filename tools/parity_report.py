"""Worst error against TA-Lib per indicator, over every parameter set and several data sets.

Usage: python tools/parity_report.py   (needs the built extension; prints a Markdown table)

The error is max|ours - TA-Lib| / max|TA-Lib| per output, worst over outputs, parameter sets
and data sets ("exact" when every value has TA-Lib's bits); the null mask must also equal
TA-Lib's NaN mask ("mask" column). The oracle is the 0.8.2 wheel (TA-Lib C 0.8.1) for its 201
functions and TA-Lib 0.8.3 (polars-talib-fast) for the 36 that 0.8.3 added. A second table
counts each candlestick pattern's signals (+ and -) for ours and TA-Lib over the data sets.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import polars as pl

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from conftest import (
    ENTRIES,
    IN_WHEEL,
    OHLCV,
    frame,
    is_talib,
    oracle_run,
    ours_run,
    param_sets,
    real_ohlcv,
    signals_for,
    synthetic_ohlcv,
)


def datasets() -> dict[str, dict[str, np.ndarray]]:
    sets = {
        "walk": synthetic_ohlcv(5000, seed=11),
        "tiny (1e-6)": synthetic_ohlcv(1000, seed=5, scale=1e-6),
        "huge (1e9)": synthetic_ohlcv(1000, seed=5, scale=1e9),
        "flat": {
            **{k: np.full(300, 1000.0 if k == "volume" else 42.0) for k in OHLCV},
            "periods": np.full(300, 10.0),
            "unit": np.full(300, 0.42),
            **signals_for(300),
        },
    }
    for name in ("GOOG", "EURUSD", "BTCUSD"):
        data = real_ohlcv(name)
        if data is not None:
            sets[name] = data
    return sets


def main() -> None:
    sets = datasets()
    print(f"data sets: {', '.join(sets)}\n")
    print("| indicator | oracle | worst rel. error | where | mask |")
    print("|---|---|---|---|---|")
    fires: dict[str, list[int]] = {}
    for entry in ENTRIES:
        worst, where, masks_ok = 0.0, "-", True
        oracle = "0.8.1" if entry["talib_name"] in IN_WHEEL else "0.8.3"
        if not is_talib(entry):
            oracle = "reference"  # one of our own entries: the rules, as tests/conftest.py has them
        pattern = entry["group"] == "pattern"
        for set_name, data in sets.items():
            df = frame(data)
            for number, values in enumerate(param_sets(entry)):
                ours = ours_run(entry, values, df)
                theirs = oracle_run(entry, values, data)
                for mine, ref in zip(ours, theirs, strict=True):
                    got = mine.cast(pl.Float64).to_numpy()
                    null = mine.is_null().to_numpy()
                    masks_ok &= bool(np.array_equal(null, np.isnan(ref)))
                    ok = ~null & ~np.isnan(ref) & np.isfinite(ref)
                    if pattern and number == 0:
                        counts = fires.setdefault(entry["name"], [0, 0, 0, 0])
                        counts[0] += int((got[ok] > 0).sum())
                        counts[1] += int((got[ok] < 0).sum())
                        counts[2] += int((ref[ok] > 0).sum())
                        counts[3] += int((ref[ok] < 0).sum())
                    if not ok.any():
                        continue
                    scale = float(np.max(np.abs(ref[ok]))) or 1.0
                    err = float(np.max(np.abs(got[ok] - ref[ok]))) / scale
                    if err > worst:
                        worst, where = err, set_name
        shown = "exact" if worst == 0.0 else f"{worst:.1e}"
        mask = "ok" if masks_ok else "DIFF"
        print(f"| {entry['name']} | {oracle} | {shown} | {where} | {mask} |")
    print("\n| pattern | ours + | ours - | TA-Lib + | TA-Lib - |")
    print("|---|---|---|---|---|")
    for name, (up, down, their_up, their_down) in fires.items():
        print(f"| {name} | {up} | {down} | {their_up} | {their_down} |")


if __name__ == "__main__":
    main()
