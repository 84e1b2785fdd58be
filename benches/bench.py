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
4. Live streams (``ta.stream``) on --stream-bars bars, fed from a Python loop, versus TA-Lib
   0.8's ``talib.stream`` handles (opened on the same history): ns per update, peek and revise,
   snapshot size and time, and a --stream-symbols RSI panel tick (p50/p99) versus a loop over
   as many TA-Lib handles. First, every stream path is checked bit for bit against TA-Lib's
   batch functions on the same data.
5. ``ta.distributed`` on the panel written as partitioned Parquet: single process versus
   bucketed runs inline, on a local process pool and on a Dask LocalCluster
   (benches/bench_distributed.py).
"""

from __future__ import annotations

import argparse
import math
import os
import pickle
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, cast

import numpy as np
import polars as pl
import talib
from polars.plugins import register_plugin_function
from talib import stream as ta_stream

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
from conftest import (  # noqa: E402
    ENTRIES as ALL_ENTRIES,
)
from conftest import (  # noqa: E402
    OHLCV,
    free_column,
    is_talib,
    ours_expr,
    synthetic_ohlcv,
    talib_params,
)
from laakhay import ta  # noqa: E402

# Every table races TA-Lib: only its functions (our own entries have no TA-Lib counterpart).
ENTRIES = [e for e in ALL_ENTRIES if is_talib(e)]

BY_NAME = {e["name"]: e for e in ENTRIES}
PANEL_SET = [
    "sma", "ema", "wma", "rsi", "macd", "bbands", "atr", "natr", "stoch", "adx",
    "cci", "willr", "mfi", "obv", "roc", "stddev", "kama", "trix", "aroon", "sar",
]  # fmt: skip
STREAM_SET = ["rsi", "ema", "atr", "macd", "bbands", "stoch"]
STREAM_HISTORY = 1_000
"""Bars every stream and TA-Lib handle is opened on before the timed updates."""


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


def talib_kwargs(entry: dict[str, Any]) -> dict[str, int | float]:
    """`entry`'s default parameters by TA-Lib's names (ints where TA-Lib takes ints)."""
    return {
        p["talib_name"]: (p["default"] if p["kind"] == "float" else int(p["default"]))
        for p in talib_params(entry)
    }


def talib_call(entry: dict[str, Any], arrays: dict[str, np.ndarray]) -> Callable[[], object]:
    """TA-Lib computing `entry` with default parameters: the 0.8.1 wheel on numpy arrays, or
    for the functions 0.8.3 added, TA-Lib 0.8.3 (polars-talib-fast) in an eager select."""
    args = [arrays[free_column(entry, i)] for i in entry["inputs"]]
    kwargs = talib_kwargs(entry)
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


def ours_values(entry: dict[str, Any]) -> dict[str, int | float]:
    """`entry`'s default parameters by our names (ints where the parameter is an int)."""
    return {
        p["name"]: (p["default"] if p["kind"] == "float" else int(p["default"]))
        for p in entry["params"]
    }


def ours_stream(entry: dict[str, Any], revisable: bool = False) -> ta.stream.Stream[Any]:
    """A new ``ta.stream.<name>(...)`` with the catalog's default parameters."""
    make = getattr(ta.stream, entry["name"])
    return cast("ta.stream.Stream[Any]", make(**ours_values(entry), revisable=revisable))


def talib_handle(entry: dict[str, Any], history: list[np.ndarray]) -> Any:
    """A ``talib.stream.<NAME>`` handle opened on `history` (one array per input)."""
    return getattr(ta_stream, entry["talib_name"])(*history, **talib_kwargs(entry))


def feed(fn: Callable[..., object], cols: list[list[float]]) -> None:
    """Calls `fn` with each bar's inputs from a plain Python loop (the loop a live feed runs)."""
    if len(cols) == 1:
        for x in cols[0]:
            fn(x)
    elif len(cols) == 3:
        for a, b, c in zip(*cols, strict=True):
            fn(a, b, c)
    else:
        for bar in zip(*cols, strict=True):
            fn(*bar)


def floor_loop(cols: list[list[float]]) -> None:
    """`feed`'s loop calling ``float`` on the bar's first input: the Python floor."""
    fl = float
    if len(cols) == 1:
        for x in cols[0]:
            fl(x)
    elif len(cols) == 3:
        for a, _b, _c in zip(*cols, strict=True):
            fl(a)
    else:
        for bar in zip(*cols, strict=True):
            fl(bar[0])


def race_fresh(*preps: Callable[[], Callable[[], object]], repeat: int) -> list[float]:
    """`race` with untimed set-up: each prep returns the function to time, made anew per run
    (a fresh copy of a stream, so every run starts from the same state)."""
    for prep in preps:
        prep()()
    runs: list[list[float]] = [[] for _ in preps]
    for _ in range(repeat):
        for times, prep in zip(runs, preps, strict=True):
            times.append(timed(prep()))
    return [statistics.median(t) * 1e3 for t in runs]


def as_rows(values: list[Any], width: int) -> np.ndarray:
    """Stream outputs (None, a float or a tuple per bar) as a (bars, width) float64 array."""
    blank = (math.nan,) * width
    rows = [blank if v is None else (v,) if width == 1 else tuple(v) for v in values]
    return np.array(rows, dtype=np.float64).reshape(len(values), width)


def batch_rows(result: Any) -> np.ndarray:
    """A TA-Lib batch result (an array or a tuple of arrays) as a (bars, outputs) array."""
    arrays = result if isinstance(result, tuple) else (result,)
    return np.column_stack([np.asarray(a, dtype=np.float64) for a in arrays])


def bit_mismatches(ours: np.ndarray, theirs: np.ndarray) -> np.ndarray:
    """Bar indices where some output differs in bits (NaN matches NaN)."""
    same = (np.isnan(ours) & np.isnan(theirs)) | (ours.view(np.int64) == theirs.view(np.int64))
    return np.flatnonzero(~same.all(axis=1))


def check_stream(entry: dict[str, Any], data: dict[str, np.ndarray]) -> dict[str, str]:
    """Every stream path of `entry` against TA-Lib's batch function on `data`, bit for bit: a
    fresh stream's updates; updates after ``update_many`` over the history; peek, and revise
    after committing a wrong bar (a revisable stream); and TA-Lib's own handle. Returns the
    paths that differ, with the first difference."""
    hist = STREAM_HISTORY
    arrays = [data[free_column(entry, i)] for i in entry["inputs"]]
    cols = [a.tolist() for a in arrays]
    tail = [c[hist:] for c in cols]
    want = batch_rows(getattr(talib, entry["talib_name"])(*arrays, **talib_kwargs(entry)))

    fresh = ours_stream(entry)
    fresh_out: list[Any] = []
    feed(lambda *bar: fresh_out.append(fresh.update(*bar)), cols)

    opened = ours_stream(entry)
    opened.update_many(*(a[:hist] for a in arrays))
    opened_out: list[Any] = []
    feed(lambda *bar: opened_out.append(opened.update(*bar)), tail)

    rev = ours_stream(entry, revisable=True)
    peeked: list[Any] = []
    revised: list[Any] = []

    def peek_then_revise(*bar: float) -> None:
        peeked.append(rev.peek(*bar))
        rev.update(*(x * 1.01 for x in bar))
        revised.append(rev.revise(*bar))

    feed(peek_then_revise, cols)

    handle = talib_handle(entry, [a[:hist] for a in arrays])
    handle_out: list[Any] = []
    feed(lambda *bar: handle_out.append(handle.update(*bar)), tail)

    width = want.shape[1]
    results = {
        "update": (fresh_out, want),
        "update_many+update": (opened_out, want[hist:]),
        "peek": (peeked, want),
        "revise": (revised, want),
        "TA-Lib handle": (handle_out, want[hist:]),
    }
    bad = {}
    for path, (values, expected) in results.items():
        got = as_rows(values, width)
        wrong = bit_mismatches(got, expected)
        if len(wrong):
            i = int(wrong[0])
            bad[path] = (
                f"{len(wrong)} of {len(got):,} bars differ, first at bar "
                f"{i + len(want) - len(got)}: {got[i].tolist()} vs TA-Lib {expected[i].tolist()}"
            )
    return {path: bad.get(path, "") for path in results}


def check_streams(names: list[str], data: dict[str, np.ndarray]) -> bool:
    """`check_stream` for each of `names`, a line each; True where all agree."""
    all_ok = True
    for name in names:
        paths = check_stream(BY_NAME[name], data)
        bad = [f"{path}: {why}" for path, why in paths.items() if why]
        all_ok = all_ok and not bad
        verdict = "; ".join(bad) if bad else "identical bits (" + ", ".join(paths) + ")"
        print(f"- {name}: {verdict}")
    return all_ok


def repeated(fn: Callable[[], object], calls: int) -> Callable[[], None]:
    """`fn` called `calls` times in a loop."""

    def loop() -> None:
        for _ in range(calls):
            fn()

    return loop


def streams(bars: int, symbols: int, repeat: int, names: list[str]) -> None:
    data = synthetic_ohlcv(bars, seed=1)
    hist = STREAM_HISTORY
    print(f"\n## Streams: bit-for-bit check against TA-Lib's batch functions, {bars:,} bars\n")
    if not check_streams(names, data):
        print("\nWARNING: a stream disagrees with TA-Lib above; its timings are of wrong numbers.")

    live = bars - hist
    calls = 1_000
    updates, peeks, snaps = [], [], []
    ratios, net_ratios = [], []
    for name in names:
        entry = BY_NAME[name]
        arrays = [data[free_column(entry, i)] for i in entry["inputs"]]
        cols = [a[hist:].tolist() for a in arrays]
        ours = ours_stream(entry)
        ours.update_many(*(a[:hist] for a in arrays))
        rev = ours_stream(entry, revisable=True)
        rev.update_many(*(a[:hist] for a in arrays))
        theirs = talib_handle(entry, [a[:hist] for a in arrays])

        def run(method: str, proto: Any, cols: list[list[float]] = cols) -> Callable[[], object]:
            fn = getattr(proto.copy(), method)
            return lambda: feed(fn, cols)

        ours_ms, theirs_ms, floor_ms = race_fresh(
            lambda ours=ours: run("update", ours),
            lambda theirs=theirs: run("update", theirs),
            lambda cols=cols: lambda: floor_loop(cols),
            repeat=repeat,
        )
        ours_ns, theirs_ns, floor_ns = (ms * 1e6 / live for ms in (ours_ms, theirs_ms, floor_ms))
        ratios.append(ours_ns / theirs_ns)
        net_ratios.append((ours_ns - floor_ns) / (theirs_ns - floor_ns))
        updates.append(
            [
                name,
                f"{ours_ns:.0f}",
                f"{theirs_ns:.0f}",
                f"{floor_ns:.0f}",
                f"{ratios[-1]:.2f}",
                f"{net_ratios[-1]:.2f}",
            ]
        )

        rev_ms, peek_ms, revise_ms, ta_peek_ms = race_fresh(
            lambda rev=rev: run("update", rev),
            lambda rev=rev: run("peek", rev),
            lambda rev=rev: run("revise", rev),
            lambda theirs=theirs: run("peek", theirs),
            repeat=repeat,
        )
        rev_ns, peek_ns, revise_ns, ta_peek_ns = (
            ms * 1e6 / live for ms in (rev_ms, peek_ms, revise_ms, ta_peek_ms)
        )
        peeks.append(
            [
                name,
                f"{ours_ns:.0f}",
                f"{rev_ns:.0f}",
                f"{peek_ns:.0f}",
                f"{revise_ns:.0f}",
                f"{ta_peek_ns:.0f}",
                f"{peek_ns / ta_peek_ns:.2f}",
            ]
        )

        blob = ours.to_bytes()
        to_ms, from_ms, copy_ms, ta_copy_ms = race(
            repeated(ours.to_bytes, calls),
            repeated(lambda blob=blob: ta.stream.from_bytes(blob), calls),
            repeated(ours.copy, calls),
            repeated(theirs.copy, calls),
            repeat=repeat,
        )
        snaps.append(
            [
                name,
                f"{len(blob):,}",
                f"{len(pickle.dumps(ours)):,}",
                *(f"{ms * 1e3 / calls:.2f}" for ms in (to_ms, from_ms, copy_ms, ta_copy_ms)),
            ]
        )

    floor_note = "a bare loop calling float on the bar's first input"
    table(
        f"Stream update from a Python loop, {live:,} bars after {hist:,} of history: ta.stream "
        f"vs TA-Lib 0.8 talib.stream handles (stateful, O(1) update) (median of {repeat}; "
        f"ns/update; floor: {floor_note}; net = both minus the floor)",
        ["indicator", "ours", "TA-Lib handle", "floor", "ours/TA", "net ours/TA"],
        updates,
    )
    summary("stream update", ratios)
    summary("stream update net of the floor", net_ratios)
    table(
        f"Stream peek and revise, same {live:,} bars (median of {repeat}; ns/call; peek and "
        "revise on a revisable stream at the last history bar; TA-Lib has peek, no revise)",
        [
            "indicator",
            "update",
            "update (revisable)",
            "peek",
            "revise",
            "TA-Lib peek",
            "peek/TA",
        ],
        peeks,
    )
    table(
        f"Stream snapshots after {hist:,} bars (median of {repeat} x 1,000 calls; µs/call; "
        "TA-Lib handles cannot be serialised, copy() is their nearest)",
        [
            "indicator",
            "to_bytes size",
            "pickle size",
            "to_bytes",
            "from_bytes",
            "copy",
            "TA-Lib copy",
        ],
        snaps,
    )
    if "rsi" in names:
        panel_tick(symbols, repeat)


def panel_tick(symbols: int, repeat: int, warm: int = 100, ticks: int = 2_000) -> None:
    """One RSI tick over `symbols` symbols: ``ta.stream.panel(...).update(closes)`` versus a
    Python loop over as many TA-Lib handles, interleaved tick by tick (alternating which goes
    first), after `warm` ticks of history; every tick's values compared bit for bit."""
    entry = BY_NAME["rsi"]
    closes = synthetic_ohlcv(symbols * (warm + ticks), seed=3)["close"]
    closes = closes.reshape(symbols, warm + ticks)
    by_tick = [np.ascontiguousarray(closes[:, t]) for t in range(warm + ticks)]
    live = ta.stream.panel("rsi", [f"S{i:04d}" for i in range(symbols)], **ours_values(entry))
    for row in by_tick[:warm]:
        live.update(row)
    handles = [talib_handle(entry, [closes[i, :warm]]) for i in range(symbols)]
    ups = [h.update for h in handles]
    fl = float
    ours_ns: list[int] = []
    theirs_ns: list[int] = []
    floor_ns: list[int] = []
    wrong = 0
    clock = time.perf_counter_ns
    for k, row in enumerate(by_tick[warm:]):
        values = row.tolist()
        for turn in (0, 1, 2) if k % 2 else (1, 0, 2):
            start = clock()
            if turn == 0:
                got = live.update(row)
                ours_ns.append(clock() - start)
            elif turn == 1:
                want = [u(x) for u, x in zip(ups, row.tolist(), strict=True)]
                theirs_ns.append(clock() - start)
            else:
                _ = [fl(x) for x in values]
                floor_ns.append(clock() - start)
        wrong += len(bit_mismatches(got.reshape(-1, 1), np.array(want).reshape(-1, 1)))
    rows = []
    for label, ns in (
        ("ta.stream.panel update(closes)", ours_ns),
        (f"loop over {symbols:,} TA-Lib handles", theirs_ns),
        (f"floor: loop calling float x {symbols:,}", floor_ns),
    ):
        q = np.percentile(np.array(ns) / 1e3, [50, 99])
        rows.append([label, f"{q[0]:.1f}", f"{q[1]:.1f}"])
    table(
        f"RSI panel tick, {symbols:,} symbols, {ticks:,} ticks after {warm} of history "
        "(µs/tick; TA-Lib loop builds a list of values from row.tolist())",
        ["per tick", "p50", "p99"],
        rows,
    )
    ratio = statistics.median(ours_ns) / statistics.median(theirs_ns)
    verdict = "identical bits" if not wrong else f"{wrong:,} symbol-ticks DIFFER"
    print(f"\npanel p50 / TA-Lib loop p50: {ratio:.2f}; panel vs TA-Lib handles: {verdict}.")


DSL_SIGNALS = {
    "oversold": "rsi(close, 14) < 30",
    "overbought": "rsi(close, 14) > 70",
    "golden": "crosses_above(ema(close, 12), ema(close, 26))",
    "death": "crosses_below(ema(close, 12), ema(close, 26))",
    "hist_up": "macd(close).hist > 0",
    "macd_up": "macd(close).macd > macd(close).signal",
    "above50": "close > sma(close, 50)",
    "below50": "close < sma(close, 50)",
    "band_up": "close > bbands(close, 20).upper",
    "band_down": "close < bbands(close, 20).lower",
    "volatile": "atr(14) / close > 0.02",
    "trending": "adx(14) > 25",
    "dip": "rsi(close, 14) < 30 and close > sma(close, 200)",
    "reclaim": "crosses_above(close, sma(close, 50))",
    "breakout": "close > highest(high, 20)[1]",
    "breakdown": "close < lowest(low, 20)[1]",
    "trend_up": "ema(close, 12) > ema(close, 26) and adx(14) > 20",
    "momentum": "change(close, 10) > 0",
    "willr_low": "willr(14) < -80",
    "stoch_low": "stoch().slowk < 20",
}


def dsl_hand_written(by: str) -> list[list[pl.Expr]]:
    """The same 20 signals written by hand in Polars, each indicator computed once."""
    c, h, lo = pl.col("close"), pl.col("high"), pl.col("low")

    def prev(e: pl.Expr) -> pl.Expr:
        return e.shift(1).over(by)

    indicators = [
        ta.rsi("close", 14, by=by).alias("rsi"),
        ta.ema("close", 12, by=by).alias("e12"),
        ta.ema("close", 26, by=by).alias("e26"),
        ta.macd("close", by=by).alias("macd"),
        ta.sma("close", 50, by=by).alias("s50"),
        ta.sma("close", 200, by=by).alias("s200"),
        ta.bbands("close", 20, by=by).alias("bb"),
        ta.atr(14, by=by).alias("atr"),
        ta.adx(14, by=by).alias("adx"),
        ta.max("high", 20, by=by).alias("hh"),
        ta.min("low", 20, by=by).alias("ll"),
        ta.mom("close", 10, by=by).alias("mom"),
        ta.willr(14, by=by).alias("willr"),
        ta.stoch(by=by).alias("stoch"),
    ]
    r, e12, e26, s50 = pl.col("rsi"), pl.col("e12"), pl.col("e26"), pl.col("s50")
    m = pl.col("macd")
    signals = [
        (r < 30).alias("oversold"),
        (r > 70).alias("overbought"),
        ((e12 > e26) & (prev(e12) <= prev(e26))).alias("golden"),
        ((e12 < e26) & (prev(e12) >= prev(e26))).alias("death"),
        (m.struct.field("hist") > 0).alias("hist_up"),
        (m.struct.field("macd") > m.struct.field("signal")).alias("macd_up"),
        (c > s50).alias("above50"),
        (c < s50).alias("below50"),
        (c > pl.col("bb").struct.field("upper")).alias("band_up"),
        (c < pl.col("bb").struct.field("lower")).alias("band_down"),
        (pl.when(c != 0).then(pl.col("atr") / c) > 0.02).alias("volatile"),
        (pl.col("adx") > 25).alias("trending"),
        ((r < 30) & (c > pl.col("s200"))).alias("dip"),
        ((c > s50) & (prev(c) <= prev(s50))).alias("reclaim"),
        (c > prev(pl.col("hh"))).alias("breakout"),
        (c < prev(pl.col("ll"))).alias("breakdown"),
        ((e12 > e26) & (pl.col("adx") > 20)).alias("trend_up"),
        (pl.col("mom") > 0).alias("momentum"),
        (pl.col("willr") < -80).alias("willr_low"),
        (pl.col("stoch").struct.field("slowk") < 20).alias("stoch_low"),
    ]
    del h, lo
    return [indicators, signals]


def dsl(symbols: int, bars: int, repeat: int) -> None:
    """A compiled 20-signal plan against the same signals hand-written in Polars."""
    frame = ta.sample_ohlcv(bars, symbols=[f"S{k:04d}" for k in range(symbols)], seed=5)
    plan = ta.compile(DSL_SIGNALS, by="symbol")
    stages = dsl_hand_written("symbol")

    def hand() -> pl.DataFrame:
        lf = frame.lazy()
        for stage in stages:
            lf = lf.with_columns(stage)
        return lf.select(*frame.columns, *DSL_SIGNALS).collect()

    def compiled() -> pl.DataFrame:
        return plan.apply(frame.lazy()).collect()

    a, b = compiled(), hand()
    differ = sum(int(a[c].ne(b[c]).sum()) for c in DSL_SIGNALS)
    extra_nulls = sum(int((a[c].is_null() & b[c].is_not_null()).sum()) for c in DSL_SIGNALS)
    ours, theirs = race(compiled, hand, repeat=repeat)
    table(
        f"DSL: 20 signals over shared indicators, {symbols:,} symbols x {bars:,} bars "
        "(ms, lazy collect, by='symbol')",
        ["compiled plan", "hand-written Polars", "ratio"],
        [[f"{ours:.1f}", f"{theirs:.1f}", f"{ours / theirs:.2f}"]],
    )
    print(
        f"\nvalues that differ where both have one: {differ}; rows null in the plan but not by "
        f"hand: {extra_nulls} (a cross's first bar: the plan's warm-up; Kleene false by hand)"
    )
    sweep_memory(symbols, bars)


SWEEP = """
import resource, time, sys
import polars as pl
from laakhay import ta
symbols, bars = int(sys.argv[1]), int(sys.argv[2])
frame = ta.sample_ohlcv(bars, symbols=[f"S{k:04d}" for k in range(symbols)], seed=5)
frame = frame.with_columns(ts=pl.datetime(2020, 1, 1) + pl.duration(days=pl.col("bar")))
plan = ta.compile(
    {"entry": "crosses_above(ema(close, $fast), ema(close, $slow))",
     "exit": "crosses_below(ema(close, $fast), ema(close, $slow))"},
    by="symbol", ts="ts",
    grid={"fast": [5, 8, 10, 12, 15], "slow": [20, 30, 40, 50, 60, 70, 80, 90, 100, 110]},
)
start = time.perf_counter()
result = plan.backtest(frame, fee=0.0005)
took = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(f"{result.stats.height} {took:.1f} {peak:.0f}")
"""


def sweep_memory(symbols: int, bars: int) -> None:
    """A 50-parameter-set sweep backtest in a fresh process: its time and peak memory."""
    out = subprocess.run(
        [sys.executable, "-c", SWEEP, str(symbols), str(bars)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    rows, took, peak = int(out[0]), float(out[1]), float(out[2])
    table(
        f"DSL sweep: 50 parameter sets x {symbols:,} symbols x {bars:,} bars, backtested "
        "(one process)",
        ["stats rows", "seconds", "peak RSS (MiB)"],
        [[f"{rows:,}", f"{took:.1f}", f"{peak:,.0f}"]],
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
    parser.add_argument("--stream-bars", type=int, default=100_000)
    parser.add_argument("--stream-symbols", type=int, default=1_000)
    parser.add_argument(
        "--skip",
        nargs="*",
        default=[],
        choices=["kernels", "series", "panel", "streams", "dsl", "distributed"],
    )
    args = parser.parse_args()
    print(
        f"polars {pl.__version__}, TA-Lib {talib.__ta_version__.decode().split()[0]} "
        f"(Python wheel ta-lib {talib.__version__})"
    )
    if "kernels" not in args.skip:
        kernels(args.rows, args.repeat, args.only)
    if "series" not in args.skip:
        single_series(args.rows, args.repeat, args.only)
    if "panel" not in args.skip:
        panel_names = args.only or ["sma", "ema", "rsi", "atr", "macd", "bbands", "adx"]
        panel(args.symbols, args.bars, args.repeat, panel_names)
    if "streams" not in args.skip:
        stream_names = [n for n in STREAM_SET if not args.only or n in args.only]
        streams(args.stream_bars, args.stream_symbols, args.repeat, stream_names)
    if "dsl" not in args.skip:
        dsl(args.symbols, args.bars, args.repeat)
    if "distributed" not in args.skip:
        distributed_section(args.symbols, args.bars, args.repeat)


def distributed_section(symbols: int, bars: int, repeat: int) -> None:
    """``ta.distributed`` overhead (benches/bench_distributed.py)."""
    from bench_distributed import distributed_section as run

    run(symbols, bars, repeat)


if __name__ == "__main__":
    main()
