"""Benchmarks against TA-Lib (not a test): `make bench` or `python benches/bench.py`.

Tables, each timing the median of --repeat runs after a warm-up, ours and TA-Lib interleaved:

1. Kernels alone: every catalog indicator's Rust state machine over plain slices (the
   `kernel_bench` example, no Polars) versus TA-Lib's C on the same numpy arrays.
2. One series of --rows bars through Polars: eager ``df.select(expr)`` and lazy
   ``df.lazy().select(expr).collect()`` (default engine) versus TA-Lib; with the engine's floor
   (a do-nothing non-elementwise plugin call) for reference.
3. A --symbols x --bars panel: ``by="symbol"`` with a String and a Categorical symbol column,
   and ``.over("symbol")``, versus a TA-Lib loop over contiguous per-symbol slices; then a
   realistic 20-indicator ``select`` versus TA-Lib computing the same 20 in a loop.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import polars as pl
import talib
from polars.plugins import register_plugin_function

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
from conftest import (  # noqa: E402
    ENTRIES,
    OHLCV,
    free_column,
    ours_expr,
    synthetic_ohlcv,
    talib_params,
)
from laakhay import ta  # noqa: E402

BY_NAME = {e["name"]: e for e in ENTRIES}
PANEL_SET = [
    "sma", "ema", "wma", "rsi", "macd", "bbands", "atr", "natr", "stoch", "adx",
    "cci", "willr", "mfi", "obv", "roc", "stddev", "kama", "trix", "aroon", "sar",
]  # fmt: skip


def timed(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def race(*fns: Callable[[], object], repeat: int) -> list[float]:
    """Median milliseconds of each function, run interleaved."""
    for fn in fns:
        fn()
    runs: list[list[float]] = [[] for _ in fns]
    for _ in range(repeat):
        for times, fn in zip(runs, fns, strict=True):
            times.append(timed(fn))
    return [statistics.median(t) * 1e3 for t in runs]


def defaults(entry: dict[str, Any]) -> dict[str, float]:
    return {p["name"]: p["default"] for p in entry["params"]}


def talib_call(entry: dict[str, Any], arrays: dict[str, np.ndarray]) -> Callable[[], object]:
    """TA-Lib computing `entry` with default parameters: the 0.8.1 wheel on numpy arrays, or
    for the functions 0.8.3 added, TA-Lib 0.8.3 (polars-talib-fast) in an eager select."""
    args = [arrays[free_column(entry, i)] for i in entry["inputs"]]
    kwargs = {
        p["talib_name"]: (p["default"] if p["kind"] == "float" else int(p["default"]))
        for p in talib_params(entry)
    }
    if not hasattr(talib, entry["talib_name"]):
        import polars_talib_fast as ptf

        df = pl.DataFrame({f"in{k}": a for k, a in enumerate(args)})
        expr = getattr(ptf, entry["talib_name"].lower())(*(pl.col(c) for c in df.columns), **kwargs)
        return lambda: df.select(expr)
    fn = getattr(talib, entry["talib_name"])
    return lambda: fn(*args, **kwargs)


def table(title: str, header: list[str], rows: list[list[str]]) -> None:
    print(f"\n## {title}\n")
    widths = [max(len(h), *(len(r[i]) for r in rows)) for i, h in enumerate(header)]
    print("| " + " | ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)) + " |")
    print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    for r in rows:
        print("| " + " | ".join(c.rjust(w) for c, w in zip(r, widths, strict=True)) + " |")


def summary(name: str, ratios: list[float]) -> None:
    if ratios:
        print(
            f"\n{name}: geometric mean ratio {statistics.geometric_mean(ratios):.2f}, "
            f"worst {max(ratios):.2f}"
        )


def kernel_times(data: dict[str, np.ndarray], repeat: int, names: list[str]) -> dict[str, float]:
    """Median ms per indicator from the `kernel_bench` example (built in release here)."""
    target = os.environ.get("CARGO_TARGET_DIR", str(Path.home() / ".cache/laakhay-ta/target"))
    build = ["cargo", "build", "-q", "--release", "-p", "ta-engine", "--example", "kernel_bench"]
    subprocess.run(build, cwd=ROOT, check=True, env={**os.environ, "CARGO_TARGET_DIR": target})
    with tempfile.NamedTemporaryFile(suffix=".bin") as f:
        np.concatenate([data[k] for k in (*OHLCV, "periods", "unit")]).astype("<f8").tofile(f.name)
        exe = Path(target) / "release" / "examples" / "kernel_bench"
        out = subprocess.run(
            [str(exe), f.name, str(repeat), *names], capture_output=True, text=True, check=True
        ).stdout
    return {name: float(ms) for name, ms in (line.split() for line in out.splitlines())}


def kernels(rows: int, repeat: int, only: list[str]) -> None:
    data = synthetic_ohlcv(rows, seed=1)
    names = only or [e["name"] for e in ENTRIES]
    ours = kernel_times(data, repeat, names)
    out, ratios = [], []
    for name in names:
        (theirs,) = race(talib_call(BY_NAME[name], data), repeat=repeat)
        ratios.append(ours[name] / theirs)
        out.append([name, f"{ours[name]:.2f}", f"{theirs:.2f}", f"{ratios[-1]:.2f}"])
    table(
        f"Kernels alone, {rows:,} rows (median of {repeat}; ms)",
        ["indicator", "ta-engine", "TA-Lib", "ratio"],
        out,
    )
    summary("kernels", ratios)


def noop(column: str) -> pl.Expr:
    """A plugin call that does nothing (returns its input): the engine's floor."""
    return register_plugin_function(
        plugin_path=Path(ta.__file__).parent,
        function_name="ta_noop",
        args=[pl.col(column)],
        is_elementwise=False,
    )


def single_series(rows: int, repeat: int, only: list[str]) -> None:
    data = synthetic_ohlcv(rows, seed=1)
    df = pl.DataFrame({k: data[k] for k in (*OHLCV, "periods", "unit")})
    floor_eager, floor_lazy = race(
        lambda: df.select(noop("close")),
        df.lazy().select(noop("close")).collect,
        repeat=repeat,
    )
    out, eager_ratios, lazy_ratios = [], [], []
    for entry in ENTRIES:
        if only and entry["name"] not in only:
            continue
        expr = ours_expr(entry, defaults(entry))
        lazy = df.lazy().select(expr)
        eager_ms, lazy_ms, ta_ms = race(
            lambda expr=expr: df.select(expr), lazy.collect, talib_call(entry, data), repeat=repeat
        )
        eager_ratios.append(eager_ms / ta_ms)
        lazy_ratios.append(lazy_ms / ta_ms)
        out.append(
            [
                entry["name"],
                f"{eager_ms:.2f}",
                f"{lazy_ms:.2f}",
                f"{ta_ms:.2f}",
                f"{eager_ratios[-1]:.2f}",
                f"{lazy_ratios[-1]:.2f}",
            ]
        )
    table(
        f"One series through Polars, {rows:,} rows (median of {repeat}; ms)",
        ["indicator", "eager", "lazy", "TA-Lib", "eager/TA", "lazy/TA"],
        out,
    )
    print(
        f"\nEngine floor (a do-nothing plugin call on the same column): eager "
        f"{floor_eager:.2f} ms, lazy {floor_lazy:.2f} ms."
    )
    summary("eager", eager_ratios)
    summary("lazy", lazy_ratios)


def panel(symbols: int, bars: int, repeat: int, names: list[str]) -> None:
    data = synthetic_ohlcv(symbols * bars, seed=2)
    ids = (pl.int_range(symbols * bars, eager=True) // bars).cast(pl.String).str.zfill(6)
    df = pl.DataFrame({k: data[k] for k in OHLCV}).with_columns(symbol=ids)
    cat = df.with_columns(pl.col("symbol").cast(pl.Categorical))
    slices = [{k: data[k][s : s + bars] for k in OHLCV} for s in range(0, symbols * bars, bars)]
    out, ratios = [], []
    for name in names:
        entry = BY_NAME[name]
        values = defaults(entry)
        calls = [talib_call(entry, sl) for sl in slices]

        def loop(calls: list[Callable[[], object]] = calls) -> None:
            for c in calls:
                c()

        by_string = df.lazy().select(ours_expr(entry, values, by="symbol"))
        by_cat = cat.lazy().select(ours_expr(entry, values, by="symbol"))
        over = df.lazy().select(ours_expr(entry, values).over("symbol"))
        s_ms, c_ms, o_ms, ta_ms = race(
            by_string.collect, by_cat.collect, over.collect, loop, repeat=repeat
        )
        ratios.append(s_ms / ta_ms)
        out.append(
            [
                name,
                f"{s_ms:.2f}",
                f"{c_ms:.2f}",
                f"{o_ms:.2f}",
                f"{ta_ms:.2f}",
                f"{s_ms / ta_ms:.2f}",
                f"{c_ms / ta_ms:.2f}",
                f"{o_ms / ta_ms:.2f}",
            ]
        )
    table(
        f"Panel, {symbols:,} symbols x {bars:,} bars (median of {repeat}; ms)",
        [
            "indicator",
            "by= str",
            "by= cat",
            ".over()",
            "TA-Lib loop",
            "str/TA",
            "cat/TA",
            "over/TA",
        ],
        out,
    )
    summary("by= (String)", ratios)

    exprs = [ours_expr(BY_NAME[n], defaults(BY_NAME[n]), by="symbol") for n in PANEL_SET]
    many = df.lazy().select(exprs)
    calls = [talib_call(BY_NAME[n], sl) for sl in slices for n in PANEL_SET]

    def all_loop() -> None:
        for c in calls:
            c()

    ours_ms, ta_ms = race(many.collect, all_loop, repeat=repeat)
    print(
        f"\n{len(PANEL_SET)} indicators in one select with by= ({', '.join(PANEL_SET)}): "
        f"{ours_ms:.1f} ms; TA-Lib loop over the same: {ta_ms:.1f} ms; "
        f"ratio {ours_ms / ta_ms:.2f}."
    )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--symbols", type=int, default=2_000)
    parser.add_argument("--bars", type=int, default=1_000)
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--only", nargs="*", default=[])
    parser.add_argument("--skip", nargs="*", default=[], choices=["kernels", "series", "panel"])
    args = parser.parse_args()
    print(f"polars {pl.__version__}, TA-Lib {talib.__ta_version__.decode().split()[0]}")
    if "kernels" not in args.skip:
        kernels(args.rows, args.repeat, args.only)
    if "series" not in args.skip:
        single_series(args.rows, args.repeat, args.only)
    if "panel" not in args.skip:
        panel_names = args.only or ["sma", "ema", "rsi", "atr", "macd", "bbands", "adx"]
        panel(args.symbols, args.bars, args.repeat, panel_names)


if __name__ == "__main__":
    main()
