"""Benchmarks against TA-Lib (not a test): `make bench` or `python benches/bench.py`.

1. Every catalog indicator on one series of --rows bars through
   ``df.lazy().select(expr).collect()`` versus TA-Lib on the same numpy arrays.
2. A --symbols x --bars panel with ``.over("symbol")`` versus a TA-Lib loop over contiguous
   per-symbol slices.

Each timing is the median of --repeat runs after a warm-up, ours and TA-Lib interleaved.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import polars as pl
import talib

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from conftest import ENTRIES, FREE_COLUMNS, OHLCV, ours_expr, synthetic_ohlcv


def timed(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def race(
    ours: Callable[[], object], theirs: Callable[[], object], repeat: int
) -> tuple[float, float]:
    ours()
    theirs()
    a, b = [], []
    for _ in range(repeat):
        a.append(timed(ours))
        b.append(timed(theirs))
    return statistics.median(a) * 1e3, statistics.median(b) * 1e3


def talib_call(entry: dict[str, Any], arrays: dict[str, np.ndarray]) -> Callable[[], object]:
    fn = getattr(talib, entry["talib_name"])
    args = [arrays[FREE_COLUMNS.get(i, i)] for i in entry["inputs"]]
    kwargs = {
        p["talib_name"]: (p["default"] if p["kind"] == "float" else int(p["default"]))
        for p in entry["params"]
    }
    return lambda: fn(*args, **kwargs)


def defaults(entry: dict[str, Any]) -> dict[str, float]:
    return {p["name"]: p["default"] for p in entry["params"]}


def single_series(rows: int, repeat: int, only: set[str]) -> None:
    data = synthetic_ohlcv(rows, seed=1)
    df = pl.DataFrame({k: data[k] for k in OHLCV})
    print(f"\n## One series, {rows:,} rows (median of {repeat}; ms)\n")
    print(f"| {'indicator':<20} | {'laakhay':>9} | {'TA-Lib':>9} | {'ratio':>6} |")
    print(f"|{'-' * 22}|{'-' * 11}|{'-' * 11}|{'-' * 8}|")
    ratios = []
    for entry in ENTRIES:
        if only and entry["name"] not in only:
            continue
        expr = ours_expr(entry, defaults(entry))
        lazy = df.lazy().select(expr)
        ours_ms, ta_ms = race(lazy.collect, talib_call(entry, data), repeat)
        ratio = ours_ms / ta_ms
        ratios.append(ratio)
        print(f"| {entry['name']:<20} | {ours_ms:9.2f} | {ta_ms:9.2f} | {ratio:6.2f} |")
    if ratios:
        mean = statistics.geometric_mean(ratios)
        print(f"\ngeometric mean ratio {mean:.2f}, worst {max(ratios):.2f}")


def panel(symbols: int, bars: int, repeat: int, names: list[str]) -> None:
    data = synthetic_ohlcv(symbols * bars, seed=2)
    df = pl.DataFrame({k: data[k] for k in OHLCV}).with_columns(
        symbol=pl.int_range(pl.len()) // bars
    )
    starts = range(0, symbols * bars, bars)
    shape = f"{symbols:,} symbols x {bars:,} bars"
    print(f"\n## Panel, {shape}, .over('symbol') (median of {repeat}; ms)\n")
    print(
        f"| {'indicator':<20} | {'.over()':>9} | {'by=':>9} | {'TA-Lib loop':>11} "
        f"| {'over/TA':>7} | {'by/TA':>6} |"
    )
    print(f"|{'-' * 22}|{'-' * 11}|{'-' * 11}|{'-' * 13}|{'-' * 9}|{'-' * 8}|")
    by_name = {e["name"]: e for e in ENTRIES}
    for name in names:
        entry = by_name[name]
        lazy = df.lazy().select(ours_expr(entry, defaults(entry)).over("symbol"))
        slices = [{k: data[k][s : s + bars] for k in OHLCV} for s in starts]
        calls = [talib_call(entry, sl) for sl in slices]

        def loop(calls: list[Callable[[], object]] = calls) -> None:
            for c in calls:
                c()

        ours_ms, ta_ms = race(lazy.collect, loop, repeat)
        grouped = df.lazy().select(ours_expr(entry, defaults(entry), by="symbol"))
        by_ms, _ = race(grouped.collect, loop, repeat)
        print(
            f"| {name:<20} | {ours_ms:9.2f} | {by_ms:9.2f} | {ta_ms:11.2f} "
            f"| {ours_ms / ta_ms:7.2f} | {by_ms / ta_ms:6.2f} |"
        )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--symbols", type=int, default=2_000)
    parser.add_argument("--bars", type=int, default=1_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--only", nargs="*", default=[])
    args = parser.parse_args()
    print(f"polars {pl.__version__}, TA-Lib {talib.__ta_version__.decode().split()[0]}")
    single_series(args.rows, args.repeat, set(args.only))
    panel_names = args.only or ["sma", "ema", "rsi", "atr", "macd", "bbands", "adx"]
    panel(args.symbols, args.bars, args.repeat, panel_names)


if __name__ == "__main__":
    main()
