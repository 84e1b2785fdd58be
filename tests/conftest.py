"""Shared fixtures: synthetic and real OHLCV, and running an indicator both ways."""

from __future__ import annotations

import math
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import polars as pl
import pytest
import talib
from hypothesis import HealthCheck, settings
from laakhay import ta
from laakhay.ta import _catalog

settings.register_profile(
    "default",
    deadline=None,
    max_examples=int(os.environ.get("HYPOTHESIS_EXAMPLES", "60")),
    suppress_health_check=[HealthCheck.too_slow],
)
settings.load_profile("default")

OHLCV = ("open", "high", "low", "close", "volume")
SHARED_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "real"
# Free series stand-ins: single-series indicators read close; two-series ones close and open;
# a per-bar period series (MAVP) reads `periods`; math transforms read `unit`, the close
# scaled into (0, 1) (inside every transform's domain: ACOS, LN, ...); signals (a position's
# entries and exits) read 0/1 columns of their names.
FREE_COLUMNS = {"real": "close", "real0": "close", "real1": "open", "periods": "periods"}
SIGNALS = ("long_entry", "long_exit", "short_entry", "short_exit")
COLUMNS = (*OHLCV, "periods", "unit", *SIGNALS, "reset", "window")


def free_column(entry: dict[str, Any], role: str) -> str:
    """The column a free input of `entry` reads in the tests (OHLCV inputs read their own)."""
    if entry["group"] == "math_transform" and role == "real":
        return "unit"
    return FREE_COLUMNS.get(role, role)


ENTRIES: list[dict[str, Any]] = list(_catalog.entries().values())
NAMES = [e["name"] for e in ENTRIES]


def synthetic_ohlcv(n: int, seed: int, scale: float = 100.0) -> dict[str, np.ndarray]:
    """A seeded random walk with consistent OHLC and positive volume."""
    rng = np.random.default_rng(seed)
    close = scale * np.exp(np.cumsum(rng.normal(0, 0.02, n)))
    spread = np.abs(rng.normal(0, 0.01, n)) * close
    high = close + spread * rng.uniform(0, 1, n)
    low = close - spread * rng.uniform(0, 1, n)
    open_ = low + (high - low) * rng.uniform(0, 1, n)
    volume = rng.integers(100, 10_000, n).astype(np.float64)
    return {
        "open": open_,
        "high": high,
        "low": low,
        "close": close,
        "volume": volume,
        "periods": periods_for(n),
        "unit": close / (np.max(close) * 1.01) if n else close,
        **signals_for(n, rng),
        "reset": resets_for(n),
        "window": windows_for(n),
    }


def periods_for(n: int) -> np.ndarray:
    """A per-bar period series cycling through 2..30 (and beyond MAVP's default bounds)."""
    return (2 + (np.arange(n) * 7) % 33).astype(np.float64)


def signals_for(n: int, rng: np.random.Generator | None = None) -> dict[str, np.ndarray]:
    """Entry and exit signals as 0/1 floats, each true on about one bar in eight (so a
    position goes long, short, flat and reverses, and both entries sometimes coincide)."""
    rng = rng if rng is not None else np.random.default_rng(8)
    return {name: (rng.uniform(0, 1, n) < 0.125).astype(np.float64) for name in SIGNALS}


def resets_for(n: int) -> np.ndarray:
    """Anchors (session- and event-anchored entries' ``reset``) as 0/1 floats: periods of 13
    bars, plus a few irregular ones (a period of one bar, two anchors in a row)."""
    reset = (np.arange(n) % 13 == 0).astype(np.float64)
    reset[np.arange(n) % 97 == 50] = 1.0
    reset[np.arange(n) % 97 == 51] = 1.0
    return reset


def windows_for(n: int) -> np.ndarray:
    """Time windows (``window_range``'s ``window``) as 0/1 floats: the first 3 bars of each
    13-bar period, plus a one-bar window and two windows back to back now and then."""
    window = (np.arange(n) % 13 < 3).astype(np.float64)
    window[np.arange(n) % 97 == 60] = 1.0
    window[np.arange(n) % 97 == 3] = 0.0
    return window


def real_ohlcv(name: str) -> dict[str, np.ndarray] | None:
    path = SHARED_DATA / f"{name}.csv"
    if not path.exists():
        return None
    df = pl.read_csv(path)
    cols = {c.lower(): c for c in df.columns}
    data = {k: df[cols[k]].cast(pl.Float64).to_numpy() for k in OHLCV}
    unit = data["close"] / (np.max(data["close"]) * 1.01)
    n = len(df)
    return {
        **data,
        "periods": periods_for(n),
        "unit": unit,
        **signals_for(n),
        "reset": resets_for(n),
        "window": windows_for(n),
    }


def param_sets(entry: dict[str, Any]) -> list[dict[str, float]]:
    """Defaults, minimum periods, small periods, scaled-up values, swapped fast/slow and
    every moving-average type, by our parameter names."""
    params = entry["params"]
    if not params:
        return [{}]

    def build(f: Any) -> dict[str, float]:
        return {p["name"]: min(max(f(p), p["min"]), p["max"]) for p in params}

    sets = [
        build(lambda p: p["default"]),
        build(lambda p: p["min"] if p["kind"] == "int" else p["default"]),
        build(lambda p: max(p["min"], 3.0) if p["kind"] == "int" else p["default"]),
        build(
            lambda p: (
                float(round(p["default"] * 1.7))
                if p["kind"] == "int"
                else min(p["default"] * 1.3, p["max"])
                if p["kind"] == "float"
                else p["default"]
            )
        ),
    ]
    names = {p["name"] for p in params}
    if {"fast_period", "slow_period"} <= names:
        swapped = dict(sets[0])
        swapped["fast_period"], swapped["slow_period"] = (
            sets[0]["slow_period"],
            sets[0]["fast_period"],
        )
        sets.append(swapped)
    ma_params = [p["name"] for p in params if p["kind"] == "matype"]
    if ma_params:
        for _, code in _catalog.ma_types():
            sets.append({**sets[0], **{m: float(code) for m in ma_params}})
    return [s for s in sets if accepted(entry, s)]


def accepted(entry: dict[str, Any], values: dict[str, float]) -> bool:
    """False for a combination the engine refuses (FRAMA's odd period; TA-Lib refuses those
    too, which `test_lookback_matches_talib` checks)."""
    try:
        _catalog.lookback(entry["name"], **py_params(entry, values))
    except ValueError:
        return False
    return True


def py_params(entry: dict[str, Any], values: dict[str, float]) -> dict[str, float | int]:
    kinds = {p["name"]: p["kind"] for p in entry["params"]}
    return {k: (v if kinds[k] == "float" else int(v)) for k, v in values.items()}


CANDLE_SETTINGS = [
    "body_long", "body_very_long", "body_short", "body_doji", "shadow_long",
    "shadow_very_long", "shadow_short", "shadow_very_short", "near", "far", "equal",
]  # fmt: skip


IN_WHEEL = set(talib.get_functions())
"""TA-Lib 0.8.1's functions (the pinned wheel); the rest were added in 0.8.3."""


def is_talib(entry: dict[str, Any]) -> bool:
    """A TA-Lib function's entry; the others (origin ``laakhay``) are our own, checked
    against `REFERENCES` instead."""
    return bool(entry["origin"] == "talib")


def is_setting(entry: dict[str, Any], param: dict[str, Any]) -> bool:
    """A pattern's candle-setting parameter (TA-Lib keeps these in a global table)."""
    return entry["group"] == "pattern" and param["name"].endswith(("_range", "_period", "_factor"))


def talib_params(entry: dict[str, Any]) -> list[dict[str, Any]]:
    """The parameters TA-Lib takes as arguments (all but candle settings)."""
    return [p for p in entry["params"] if not is_setting(entry, p)]


MA_TYPES_083 = 14
"""MA types from this code on (VIDYA, ALMA) exist from TA-Lib 0.8.3."""


def oracle_083(entry: dict[str, Any], values: dict[str, float] | None = None) -> bool:
    """True where TA-Lib 0.8.3 is the oracle: its own additions, and any function run with an
    MA type 0.8.3 added."""
    if entry["talib_name"] not in IN_WHEEL:
        return True
    kinds = {p["name"]: p["kind"] for p in entry["params"]}
    return any(kinds[k] == "matype" and v >= MA_TYPES_083 for k, v in (values or {}).items())


def candle_settings(values: dict[str, float]) -> dict[str, tuple[int, int, float]]:
    """A pattern's candle-setting parameters (`body_long_period`, `_range`, `_factor`) as
    TA-Lib's (range type, average period, factor) per setting."""
    found = {}
    for setting in CANDLE_SETTINGS:
        if f"{setting}_period" in values:
            found[setting] = (
                int(values[f"{setting}_range"]),
                int(values[f"{setting}_period"]),
                float(values[f"{setting}_factor"]),
            )
    return found


def oracle_run(
    entry: dict[str, Any], values: dict[str, float], data: dict[str, np.ndarray]
) -> list[np.ndarray]:
    """The oracle's outputs for the same inputs and parameters: TA-Lib's (`talib_run`) for a
    TA-Lib function, the reference implementation of the documented rules (`reference_run`)
    for one of our own entries. Floats, NaN where there is no value."""
    if is_talib(entry):
        return talib_run(entry, values, data)
    return reference_run(entry, values, data)


def talib_run(
    entry: dict[str, Any], values: dict[str, float], data: dict[str, np.ndarray]
) -> list[np.ndarray]:
    """TA-Lib's outputs for the same inputs and parameters (the oracle): the 0.8.2 wheel
    (TA-Lib C 0.8.1), or TA-Lib 0.8.3 through polars-talib-fast for the functions 0.8.3
    added. Integer outputs come back as floats with TA-Lib's 0-filled warm-up as NaN."""
    assert is_talib(entry), f"{entry['name']} is not a TA-Lib function"
    arrays = [
        np.ascontiguousarray(data[free_column(entry, i)], dtype=np.float64) for i in entry["inputs"]
    ]
    settings = candle_settings(values)
    talib_kwargs = {
        p["talib_name"]: v
        for p, v in zip(entry["params"], py_params(entry, values).values(), strict=True)
        if not any(p["name"].startswith(f"{s}_") for s in settings)
    }
    if oracle_083(entry, values):
        outputs = talib_083(entry["talib_name"], arrays, talib_kwargs)
    else:
        outputs = talib_081(entry["talib_name"], arrays, talib_kwargs, settings)
    lookback = _catalog.lookback(entry["name"], **py_params(entry, values))
    result = []
    for spec, out in zip(entry["outputs"], outputs, strict=True):
        out = np.asarray(out, dtype=np.float64).copy()
        if spec["dtype"] == "Int32":
            out[: min(lookback, len(out))] = np.nan
        result.append(out)
    return result


# The reference for our own entries (which TA-Lib does not have): their rules as documented,
# written again as plain loops over the series without its incomplete rows. It never calls
# the engine (not even for the lookback or parameter checks).


def _ref_period(
    params: dict[str, Any], name: str = "period", low: int = 1, high: int = 100_000
) -> int:
    period = int(params[name])
    if not low <= period <= high:
        raise ValueError(f"{name} must be between {low} and {high}, got {period}")
    return period


def _ref_lag(x: list[np.ndarray], params: dict[str, Any]) -> list[list[float]]:
    """`period` bars ago."""
    (series,) = x
    period = _ref_period(params)
    return [[series[i - period] if i >= period else math.nan for i in range(len(series))]]


def _ref_cross(rule: Callable[[float, float, float, float], bool]) -> Any:
    """True where `rule(a, b, previous a, previous b)` holds; nothing on the first row."""

    def run(x: list[np.ndarray], params: dict[str, Any]) -> list[list[float]]:
        a, b = x
        out = [math.nan] * len(a)
        for i in range(1, len(a)):
            out[i] = 1.0 if rule(a[i], b[i], a[i - 1], b[i - 1]) else 0.0
        return [out]

    return run


def _above(a: float, b: float, pa: float, pb: float) -> bool:
    return a > b and pa <= pb


def _below(a: float, b: float, pa: float, pb: float) -> bool:
    return a < b and pa >= pb


def _ref_position(x: list[np.ndarray], params: dict[str, Any]) -> list[list[float]]:
    """Flat: enter long (long entry, no short entry) or short (the reverse). Long: reverse on a
    short entry without a long entry, else leave on a long exit. Short: the mirror image."""
    long_entry, long_exit, short_entry, short_exit = ([v != 0 for v in s] for s in x)
    position, out = 0, []
    for le, lx, se, sx in zip(long_entry, long_exit, short_entry, short_exit, strict=True):
        if position == 0:
            if le and not se:
                position = 1
            elif se and not le:
                position = -1
        elif position == 1:
            if se and not le:
                position = -1
            elif lx:
                position = 0
        elif le and not se:
            position = 1
        elif sx:
            position = 0
        out.append(float(position))
    return [out]


def _periods(reset: np.ndarray) -> np.ndarray:
    """Each row's period number: the first row and every reset row start a new one."""
    starts = reset != 0
    if len(starts):
        starts[0] = True
    return np.cumsum(starts) - 1


def _ref_anchored_vwap(x: list[np.ndarray], params: dict[str, Any]) -> list[list[float]]:
    """TradingView's ta.vwap(hlc3, anchor, mult): sums of v*p, v and v*p^2 since the anchor;
    bands at vwap +/- mult * sqrt(max(mean of p^2 - vwap^2, 0)); nothing while sum v == 0."""
    high, low, close, volume, reset = x
    period = _periods(reset)
    out: list[list[float]] = [[], [], []]
    pv = v = pv2 = 0.0
    for i in range(len(close)):
        if i == 0 or period[i] != period[i - 1]:
            pv = v = pv2 = 0.0
        p = (high[i] + low[i] + close[i]) / 3.0
        pv += p * volume[i]
        v += volume[i]
        pv2 += volume[i] * (p * p)
        if v == 0.0:
            for o in out:
                o.append(math.nan)
            continue
        vwap = pv / v
        width = params["band_mult"] * math.sqrt(max(pv2 / v - vwap * vwap, 0.0))
        for o, value in zip(out, (vwap, vwap + width, vwap - width), strict=True):
            o.append(value)
    return out


def _previous_periods(x: list[np.ndarray]) -> list[tuple[float, float, float, float] | None]:
    """Per row: the last completed period's open, high, low and close (None in the first)."""
    open_, high, low, close, reset = x
    period = _periods(reset)
    levels: list[tuple[float, float, float, float]] = []
    for k in range(int(period[-1]) + 1 if len(period) else 0):
        rows = np.flatnonzero(period == k)
        levels.append(
            (open_[rows[0]], float(np.max(high[rows])), float(np.min(low[rows])), close[rows[-1]])
        )
    return [levels[p - 1] if p > 0 else None for p in period]


def _ref_prev_levels(x: list[np.ndarray], params: dict[str, Any]) -> list[list[float]]:
    """The last completed period's open, high, low and close."""
    rows = _previous_periods(x)
    return [[r[k] if r else math.nan for r in rows] for k in range(4)]


def _ref_pivot_points(x: list[np.ndarray], params: dict[str, Any]) -> list[list[float]]:
    """TradingView's Pivot Points Standard (pp, r1, s1, r2, s2, r3, s3) from the previous
    period's H, L, C and the current period's open."""
    method = _ref_period(params, "method", 0, 4)
    period = _periods(x[4])
    first_open = {int(p): x[0][i] for i, p in reversed(list(enumerate(period)))}
    out: list[list[float]] = [[] for _ in range(7)]
    for i, prev in enumerate(_previous_periods(x)):
        if prev is None:
            levels = [math.nan] * 7
        else:
            _, h, lo, c = prev
            rng, pp = h - lo, (h + lo + c) / 3.0
            if method == 0:
                levels = [pp, pp * 2 - lo, pp * 2 - h, pp + rng, pp - rng,
                          pp * 2 + (h - 2 * lo), pp * 2 - (2 * h - lo)]  # fmt: skip
            elif method == 1:
                levels = [pp, pp * 2 - lo, pp * 2 - h, pp + rng, pp - rng,
                          pp + 2 * rng, pp - 2 * rng]  # fmt: skip
            elif method == 2:
                levels = [pp, pp + 0.382 * rng, pp - 0.382 * rng, pp + 0.618 * rng,
                          pp - 0.618 * rng, pp + rng, pp - rng]  # fmt: skip
            elif method == 3:
                pp = (h + lo + 2 * first_open[int(period[i])]) / 4
                levels = [pp, pp * 2 - lo, pp * 2 - h, pp + rng, pp - rng,
                          h + 2 * (pp - lo), lo - 2 * (h - pp)]  # fmt: skip
            else:
                step = 1.1 * rng
                levels = [pp, c + step / 12, c - step / 12, c + step / 6, c - step / 6,
                          c + step / 4, c - step / 4]  # fmt: skip
        for o, value in zip(out, levels, strict=True):
            o.append(value)
    return out


def _ref_opening_range(x: list[np.ndarray], params: dict[str, Any]) -> list[list[float]]:
    """High and low of each period's first `bars` rows, from its `bars`-th row on."""
    high, low, reset = x
    bars = _ref_period(params, "bars")
    period = _periods(reset)
    out: list[list[float]] = [[], []]
    for i in range(len(high)):
        rows = np.flatnonzero(period == period[i])
        first = rows[:bars]
        if len(first) < bars or i < first[-1]:
            out[0].append(math.nan)
            out[1].append(math.nan)
        else:
            out[0].append(float(np.max(high[first])))
            out[1].append(float(np.min(low[first])))
    return out


def _running_sum(values: list[float], period: int) -> list[float | None]:
    """TA-Lib's running window sum: the leaving value subtracted, then the arriving one added;
    None until the window is full."""
    total, out = 0.0, []
    for i, v in enumerate(values):
        if i >= period:
            total -= values[i - period]
        total += v
        out.append(total if i >= period - 1 else None)
    return out


def _rolling(series: np.ndarray, period: int, extreme: Any) -> np.ndarray:
    """`extreme` (np.max, np.min) of each window of `period` values; NaN before the first."""
    out = np.full(len(series), np.nan)
    if len(series) >= period:
        windows = np.lib.stride_tricks.sliding_window_view(series, period)
        out[period - 1 :] = extreme(windows, axis=1)
    return out


def _ref_rolling_vwap(x: list[np.ndarray], params: dict[str, Any]) -> list[list[float]]:
    """Σ p·v / Σ v over the last `period` bars, p = (h + l + c) / 3; nothing without volume."""
    high, low, close, volume = x
    period = _ref_period(params)
    p = (high + low + close) / 3.0
    weighted = _running_sum(list(p * volume), period)
    total = _running_sum(list(volume), period)
    out = []
    for w, v in zip(weighted, total, strict=True):
        value = w / v if w is not None and v is not None and v != 0.0 else math.nan
        out.append(value if math.isfinite(value) else math.nan)
    return [out]


def _ref_ulcer_index(x: list[np.ndarray], params: dict[str, Any]) -> list[list[float]]:
    """Martin: R = 100 (x - max) / max over the last `period` values, UI = sqrt(ΣR² / period)."""
    (series,) = x
    period = _ref_period(params)
    n = len(series)
    top = _rolling(series, period, np.max)
    with np.errstate(divide="ignore", invalid="ignore"):
        drops = [100.0 * (series[i] - top[i]) / top[i] for i in range(period - 1, n)]
    squares = [d * d for d in drops]
    out = [math.nan] * n
    for k in range(period - 1, len(squares)):
        # Each window summed afresh, oldest first (a plain loop: `sum` may compensate).
        total = 0.0
        for square in squares[k - period + 1 : k + 1]:
            total += square
        value = math.sqrt(total / period)
        out[period - 1 + k] = value if math.isfinite(value) else math.nan
    return [out]


def _ref_laguerre_rsi(x: list[np.ndarray], params: dict[str, Any]) -> list[list[float]]:
    """Ehlers' Laguerre RSI in his EasyLanguage's order, filter and RSI starting at 0."""
    (series,) = x
    g = params["gamma"]
    p0 = p1 = p2 = p3 = rsi = 0.0
    out = []
    for value in series:
        l0 = (1.0 - g) * value + g * p0
        l1 = -g * l0 + p0 + g * p1
        l2 = -g * l1 + p1 + g * p2
        l3 = -g * l2 + p2 + g * p3
        up = down = 0.0
        for a, b in ((l0, l1), (l1, l2), (l2, l3)):
            if a >= b:
                up += a - b
            else:
                down += b - a
        if up + down != 0.0:
            rsi = up / (up + down)
        p0, p1, p2, p3 = l0, l1, l2, l3
        out.append(rsi)
    return [out]


def _ref_chandelier_exit(x: list[np.ndarray], params: dict[str, Any]) -> list[list[float]]:
    """LeBeau: highest high - mult·ATR and lowest low + mult·ATR (TA-Lib's ATR)."""
    high, low, close = x
    period, mult = _ref_period(params), params["mult"]
    if len(close) == 0:
        return [[], []]
    atr = talib.ATR(high, low, close, period)
    highest, lowest = _rolling(high, period, np.max), _rolling(low, period, np.min)
    return [list(highest - mult * atr), list(lowest + mult * atr)]


def _ref_swing_pivot(beats: Callable[[float, float], bool]) -> Any:
    """TradingView's ta.pivothigh / ta.pivotlow: the value `right_bars` back, on the bar that
    confirms it, when it beats each of the `left_bars` before and `right_bars` after it."""

    def run(x: list[np.ndarray], params: dict[str, Any]) -> list[list[float]]:
        (series,) = x
        left = _ref_period(params, "left_bars", 1, 1000)
        right = _ref_period(params, "right_bars", 1, 1000)
        out = [math.nan] * len(series)
        for t in range(left + right, len(series)):
            at = t - right
            others = [series[i] for i in range(at - left, t + 1) if i != at]
            if all(beats(series[at], v) for v in others):
                out[t] = float(series[at])
        return [out]

    return run


def _ref_demark_pivots(x: list[np.ndarray], params: dict[str, Any]) -> list[list[float]]:
    """DeMark: X from the previous period's O, H, L, C by its direction; PP = X/4,
    R1 = X/2 - L, S1 = X/2 - H."""
    out: list[list[float]] = [[], [], []]
    for prev in _previous_periods(x):
        levels = [math.nan] * 3
        if prev is not None:
            o, h, lo, c = prev
            if c < o:
                x_ = h + 2 * lo + c
            elif c > o:
                x_ = 2 * h + lo + c
            else:
                x_ = h + lo + 2 * c
            levels = [x_ / 4, x_ / 2 - lo, x_ / 2 - h]
        for o_, value in zip(out, levels, strict=True):
            o_.append(value if math.isfinite(value) else math.nan)
    return out


def _ref_window_range(x: list[np.ndarray], params: dict[str, Any]) -> list[list[float]]:
    """High and low of the last run of window rows (a reset row ends a run and may start the
    next), from the row after it to the next run."""
    high, low, reset, window = x
    starts = _periods(reset)
    out: list[list[float]] = [[], []]
    run: list[int] = []
    last: tuple[float, float] | None = None
    for i in range(len(high)):
        if run and starts[i] != starts[run[-1]]:
            last = (float(np.max(high[run])), float(np.min(low[run])))
            run = []
        if window[i] != 0:
            run.append(i)
            value = None
        else:
            if run:
                last = (float(np.max(high[run])), float(np.min(low[run])))
                run = []
            value = last
        out[0].append(value[0] if value else math.nan)
        out[1].append(value[1] if value else math.nan)
    return out


def _ref_ttm_squeeze(x: list[np.ndarray], params: dict[str, Any]) -> list[list[float]]:
    """Carter's squeeze: SMA ± bb_mult·STDDEV (TA-Lib's) inside SMA ± kc_mult·SMA(TRANGE)."""
    high, low, close = x
    period = _ref_period(params, "period", 2)
    if len(close) == 0:
        return [[], []]
    mid = talib.SMA(close, period)
    bb = params["bb_mult"] * talib.STDDEV(close, period, 1.0)
    kc = params["kc_mult"] * talib.SMA(talib.TRANGE(high, low, close), period)
    on, off = [], []
    for m, b, k in zip(mid, bb, kc, strict=True):
        if math.isnan(k):
            on.append(math.nan)
            off.append(math.nan)
            continue
        on.append(float(m + b < m + k and m - b > m - k))
        off.append(float(m + b > m + k and m - b < m - k))
    return [on, off]


def _ref_td_sequential(x: list[np.ndarray], params: dict[str, Any]) -> list[list[float]]:
    """DeMark's TD Sequential (DeMark 1994, Perl 2008): setup and countdown counts, negative
    for buy, positive for sell, 0 otherwise; nothing on the first `setup_lag + 1` rows."""
    high, low, close = x
    setup_bars = _ref_period(params, "setup_bars", 2, 100)
    lag = _ref_period(params, "setup_lag", 1, 100)
    countdown_bars = _ref_period(params, "countdown_bars", 2, 100)
    cd_lag = _ref_period(params, "countdown_lag", 1, 100)
    qualifier_count = max(countdown_bars - 5, 1)
    n = len(close)
    setup_out = [math.nan] * n
    countdown_out = [math.nan] * n
    # Setup in progress: direction (-1 buy, +1 sell, 0 none), bars so far, extreme of its bars.
    setup_dir, setup_count, setup_extreme = 0, 0, math.nan
    # Countdown in progress: direction (0 none), bars counted, qualifier close, reference.
    cd_dir, cd_count, cd_qualifier, cd_extreme = 0, 0, math.nan, math.nan
    for t in range(lag + 1, n):
        down = close[t] < close[t - lag]
        up = close[t] > close[t - lag]
        was_down = close[t - 1] < close[t - 1 - lag]
        was_up = close[t - 1] > close[t - 1 - lag]
        if setup_dir == -1 and down:
            setup_count += 1
            setup_extreme = max(setup_extreme, high[t])
        elif setup_dir == 1 and up:
            setup_count += 1
            setup_extreme = min(setup_extreme, low[t])
        elif down and was_up:
            setup_dir, setup_count, setup_extreme = -1, 1, high[t]
        elif up and was_down:
            setup_dir, setup_count, setup_extreme = 1, 1, low[t]
        else:
            setup_dir, setup_count = 0, 0
        setup_out[t] = float(setup_dir * setup_count)
        if setup_dir != 0 and setup_count == setup_bars:
            # Complete: a fresh countdown its way (cancels the other, recycles its own).
            cd_dir, cd_count, cd_qualifier, cd_extreme = setup_dir, 0, math.nan, setup_extreme
            setup_dir, setup_count = 0, 0
        elif (cd_dir == -1 and close[t] > cd_extreme) or (cd_dir == 1 and close[t] < cd_extreme):
            # A close beyond the setup's extreme cancels its countdown.
            cd_dir = 0
        countdown_out[t] = 0.0
        if cd_dir != 0 and t >= cd_lag:
            if cd_dir == -1:
                qualifies = close[t] <= low[t - cd_lag]
                reaches = low[t] <= cd_qualifier
            else:
                qualifies = close[t] >= high[t - cd_lag]
                reaches = high[t] >= cd_qualifier
            if qualifies and (cd_count + 1 < countdown_bars or reaches):
                cd_count += 1
                countdown_out[t] = float(cd_dir * cd_count)
                if cd_count == qualifier_count:
                    cd_qualifier = close[t]
                if cd_count == countdown_bars:
                    cd_dir = 0
    return [setup_out, countdown_out]


def _ref_volume_profile(x: list[np.ndarray], params: dict[str, Any]) -> list[list[float]]:
    """Session volume profile since the last anchor (Market Profile; TradingView's Session
    Volume Profile): rows [k*size, (k+1)*size), each bar's volume spread uniformly over
    [low, high]; POC the fullest row (ties: nearest the middle of the touched rows, then the
    lower); the value area grows from it by the fuller neighbour (both on a tie) until it holds
    value_area of the volume. Nothing while the period has no volume, nor once it spans more
    than 100,000 rows (or a row number reaches 2^53), until the next reset."""
    high, low, volume, reset = x
    size = float(params["row_size"])
    share_of = float(params["value_area"])
    for name, value, lo_bound, hi_bound in (
        ("row_size", size, 1e-9, 1e12),
        ("value_area", share_of, 0.0, 1.0),
    ):
        if not lo_bound <= value <= hi_bound:
            raise ValueError(f"{name} must be between {lo_bound} and {hi_bound}, got {value}")
    period = _periods(reset)
    out: list[list[float]] = [[], [], []]
    totals: dict[int, float] = {}
    first = last = 0
    total = 0.0
    dead = False

    def row(price: float) -> int | None:
        k = math.floor(price / size) if math.isfinite(price / size) else None
        return k if k is not None and abs(k) < 2**53 else None

    def none() -> None:
        for o in out:
            o.append(math.nan)

    for i in range(len(high)):
        if i == 0 or period[i] != period[i - 1]:
            totals, total, dead = {}, 0.0, False
        if dead:
            none()
            continue
        h, lo_price, v = float(high[i]), float(low[i]), float(volume[i])
        a, b = row(lo_price), row(h if h > lo_price else lo_price)
        if a is None or b is None:
            dead = True
            none()
            continue
        new_first, new_last = (min(first, a), max(last, b)) if totals else (a, b)
        if new_last - new_first + 1 > 100_000:
            dead = True
            none()
            continue
        first, last = new_first, new_last
        for k in range(first, last + 1):
            totals.setdefault(k, 0.0)
        if h > lo_price:
            for k in range(a, b + 1):
                lo_edge = float(k) * size
                hi_edge = float(k + 1) * size
                totals[k] += v * (min(h, hi_edge) - max(lo_price, lo_edge)) / (h - lo_price)
        else:
            totals[a] += v
        total += v
        if total == 0.0:
            none()
            continue
        poc = first
        for k in range(first + 1, last + 1):
            if totals[k] > totals[poc] or (
                totals[k] == totals[poc]
                and abs(2 * k - (first + last)) < abs(2 * poc - (first + last))
            ):
                poc = k
        target = share_of * total
        top = bottom = poc
        area = totals[poc]
        while area < target and (bottom > first or top < last):
            up = totals[top + 1] if top < last else None
            down = totals[bottom - 1] if bottom > first else None
            if up is not None and down is not None:
                if up > down:
                    top += 1
                    area += up
                elif down > up:
                    bottom -= 1
                    area += down
                else:
                    top += 1
                    bottom -= 1
                    area += up
                    area += down
            elif up is not None:
                top += 1
                area += up
            else:
                bottom -= 1
                area += down
        out[0].append((float(poc) + 0.5) * size)
        out[1].append(float(top + 1) * size)
        out[2].append(float(bottom) * size)
    return out


REFERENCES: dict[str, Any] = {
    "lag": _ref_lag,
    "crosses_above": _ref_cross(_above),
    "crosses_below": _ref_cross(_below),
    "crosses": _ref_cross(lambda *v: _above(*v) or _below(*v)),
    "position": _ref_position,
    "anchored_vwap": _ref_anchored_vwap,
    "pivot_points": _ref_pivot_points,
    "prev_levels": _ref_prev_levels,
    "opening_range": _ref_opening_range,
    "rolling_vwap": _ref_rolling_vwap,
    "ulcer_index": _ref_ulcer_index,
    "laguerre_rsi": _ref_laguerre_rsi,
    "chandelier_exit": _ref_chandelier_exit,
    "demark_pivots": _ref_demark_pivots,
    "window_range": _ref_window_range,
    "pivot_high": _ref_swing_pivot(lambda a, b: a > b),
    "pivot_low": _ref_swing_pivot(lambda a, b: a < b),
    "ttm_squeeze": _ref_ttm_squeeze,
    "td_sequential": _ref_td_sequential,
    "volume_profile": _ref_volume_profile,
}
"""Our own entries' rules, by name: inputs in catalog order (complete rows only) and
parameters by name in, one list per output out."""

REFERENCE_SPECS: dict[str, dict[str, Any]] = {
    "lag": {"inputs": ["real"], "params": [("period", 1, 1, 100_000)], "outputs": ["Float64"]},
    "crosses_above": {"inputs": ["real0", "real1"], "params": [], "outputs": ["Boolean"]},
    "crosses_below": {"inputs": ["real0", "real1"], "params": [], "outputs": ["Boolean"]},
    "crosses": {"inputs": ["real0", "real1"], "params": [], "outputs": ["Boolean"]},
    "position": {"inputs": list(SIGNALS), "params": [], "outputs": ["Int32"]},
    "anchored_vwap": {
        "inputs": ["high", "low", "close", "volume", "reset"],
        "params": [("band_mult", 1.0, 0.0, 1e6)],
        "outputs": ["Float64"] * 3,
    },
    "pivot_points": {
        "inputs": ["open", "high", "low", "close", "reset"],
        "params": [("method", 0, 0, 4)],
        "outputs": ["Float64"] * 7,
    },
    "prev_levels": {
        "inputs": ["open", "high", "low", "close", "reset"],
        "params": [],
        "outputs": ["Float64"] * 4,
    },
    "opening_range": {
        "inputs": ["high", "low", "reset"],
        "params": [("bars", 1, 1, 100_000)],
        "outputs": ["Float64"] * 2,
    },
    "rolling_vwap": {
        "inputs": ["high", "low", "close", "volume"],
        "params": [("period", 14, 1, 100_000)],
        "outputs": ["Float64"],
    },
    "ulcer_index": {
        "inputs": ["real"],
        "params": [("period", 14, 1, 100_000)],
        "outputs": ["Float64"],
    },
    "laguerre_rsi": {
        "inputs": ["real"],
        "params": [("gamma", 0.5, 0.0, 1.0)],
        "outputs": ["Float64"],
    },
    "chandelier_exit": {
        "inputs": ["high", "low", "close"],
        "params": [("period", 22, 1, 100_000), ("mult", 3.0, 0.0, 1e6)],
        "outputs": ["Float64"] * 2,
    },
    "demark_pivots": {
        "inputs": ["open", "high", "low", "close", "reset"],
        "params": [],
        "outputs": ["Float64"] * 3,
    },
    "window_range": {
        "inputs": ["high", "low", "reset", "window"],
        "params": [],
        "outputs": ["Float64"] * 2,
    },
    "pivot_high": {
        "inputs": ["high"],
        "params": [("left_bars", 5, 1, 1000), ("right_bars", 5, 1, 1000)],
        "outputs": ["Float64"],
    },
    "pivot_low": {
        "inputs": ["low"],
        "params": [("left_bars", 5, 1, 1000), ("right_bars", 5, 1, 1000)],
        "outputs": ["Float64"],
    },
    "ttm_squeeze": {
        "inputs": ["high", "low", "close"],
        "params": [
            ("period", 20, 2, 100_000),
            ("bb_mult", 2.0, 0.0, 1e6),
            ("kc_mult", 1.5, 0.0, 1e6),
        ],
        "outputs": ["Boolean"] * 2,
    },
    "td_sequential": {
        "inputs": ["high", "low", "close"],
        "params": [
            ("setup_bars", 9, 2, 100),
            ("setup_lag", 4, 1, 100),
            ("countdown_bars", 13, 2, 100),
            ("countdown_lag", 2, 1, 100),
        ],
        "outputs": ["Int32"] * 2,
    },
    "volume_profile": {
        "inputs": ["high", "low", "volume", "reset"],
        "params": [("row_size", 1.0, 1e-9, 1e12), ("value_area", 0.7, 0.0, 1.0)],
        "outputs": ["Float64"] * 3,
    },
}
"""Our own entries' inputs, parameters ``(name, default, min, max)`` and output dtypes, as
specified (the metadata test checks the catalog against it)."""


def reference_run(
    entry: dict[str, Any], values: dict[str, float], data: dict[str, np.ndarray]
) -> list[np.ndarray]:
    """Our own entry's outputs by `REFERENCES`: computed on the rows whose inputs are all
    finite (an anchor on another row moved to the next of them), NaN put back on the
    others."""
    arrays = [np.asarray(data[free_column(entry, i)], dtype=np.float64) for i in entry["inputs"]]
    complete = np.logical_and.reduce([np.isfinite(a) for a in arrays])
    if "reset" in entry["inputs"]:
        # An anchor on a skipped row moves to the next complete row (a missing one is none).
        k = entry["inputs"].index("reset")
        reset, pending = arrays[k].copy(), False
        for i, kept in enumerate(complete):
            if kept:
                if pending:
                    reset[i], pending = 1.0, False
            else:
                pending |= bool(np.isfinite(reset[i]) and reset[i] != 0)
        arrays[k] = reset
    outputs = REFERENCES[entry["name"]]([a[complete] for a in arrays], py_params(entry, values))
    result = []
    for out in outputs:
        full = np.full(len(complete), np.nan)
        full[complete] = out
        result.append(full)
    return result


def with_candle_settings(settings: dict[str, tuple[int, int, float]]) -> Any:
    """A context that sets TA-Lib's global candle settings and restores the defaults."""
    import contextlib

    from talib import _ta_lib

    @contextlib.contextmanager
    def applied() -> Any:
        for setting, (range_type, period, factor) in settings.items():
            code = getattr(_ta_lib.CandleSettingType, setting.title().replace("_", ""))
            _ta_lib._ta_set_candle_settings(code, range_type, period, factor)
        try:
            yield
        finally:
            _ta_lib._ta_restore_candle_default_settings(_ta_lib.CandleSettingType.AllCandleSettings)

    return applied()


def talib_081(
    name: str,
    arrays: list[np.ndarray],
    kwargs: dict[str, Any],
    settings: dict[str, tuple[int, int, float]],
) -> list[np.ndarray]:
    with with_candle_settings(settings):
        out = getattr(talib, name)(*arrays, **kwargs)
    return list(out) if isinstance(out, tuple) else [out]


def talib_083(name: str, arrays: list[np.ndarray], kwargs: dict[str, Any]) -> list[np.ndarray]:
    import polars_talib_fast as ptf

    df = pl.DataFrame({f"in{k}": a for k, a in enumerate(arrays)})
    expr = getattr(ptf, name.lower())(*(pl.col(c) for c in df.columns), **kwargs)
    out = df.select(expr.alias("out")).to_series()
    if out.dtype == pl.Struct:
        fields = out.struct.unnest()
        return [fields[c].cast(pl.Float64).to_numpy() for c in fields.columns]
    return [out.cast(pl.Float64).to_numpy()]


def free_inputs(entry: dict[str, Any]) -> dict[str, str]:
    """The free series by our keyword (`expr`, `other`, `market`), reading the stand-in columns
    TA-Lib is given for them."""
    return {
        keyword: free_column(entry, role)
        for keyword, role in zip(entry["input_keywords"], entry["inputs"], strict=True)
        if role not in OHLCV
    }


def ours_expr(entry: dict[str, Any], values: dict[str, float], **kwargs: Any) -> pl.Expr:
    fn = getattr(ta, entry["name"])
    params = py_params(entry, values)
    settings = {p["name"] for p in entry["params"] if is_setting(entry, p)}
    if settings:
        # Candle settings travel as one CandleSettings value.
        changed = {
            name: ta.CandleSetting(("real_body", "high_low", "shadows")[range_type], period, factor)
            for name, (range_type, period, factor) in candle_settings(values).items()
        }
        params = {k: v for k, v in params.items() if k not in settings}
        params["settings"] = ta.CandleSettings().replace(**changed)
    return fn(**free_inputs(entry), **params, **kwargs)


def unpack(entry: dict[str, Any], frame: pl.DataFrame) -> list[pl.Series]:
    """The output(s) of a one-column result frame (its name depends on the parameters)."""
    col = frame.to_series(0)
    if len(entry["outputs"]) == 1:
        return [col]
    return [col.struct.field(o["name"]) for o in entry["outputs"]]


def ours_run(entry: dict[str, Any], values: dict[str, float], df: pl.DataFrame) -> list[pl.Series]:
    return unpack(entry, df.select(ours_expr(entry, values)))


def frame(data: dict[str, np.ndarray]) -> pl.DataFrame:
    return pl.DataFrame({k: data[k] for k in COLUMNS if k in data})


# Indicators not yet bit-identical to TA-Lib 0.8.1, with the allowed error relative to
# max|TA-Lib| and the reason. Empty: every indicator must give TA-Lib's exact bits.
NOT_YET_EXACT: dict[str, float] = {}


def tolerance(entry: dict[str, Any], values: dict[str, float] | None = None) -> float:
    """Allowed error relative to max|TA-Lib|: none (bit-identical) against the 0.8.1 wheel,
    except `NOT_YET_EXACT`; the contract's 1e-12 against TA-Lib 0.8.3 for its additions (their
    own arithmetic is exact to it; with an older function inside, e.g. ZLEMA as the MA type,
    0.8.3's reworked EMA differs from 0.8.1's in the last bits)."""
    if oracle_083(entry, values):
        return 1e-12
    return NOT_YET_EXACT.get(entry["name"], 0.0)


def assert_matches_talib(
    entry: dict[str, Any],
    values: dict[str, float],
    data: dict[str, np.ndarray],
    rel: float | None = None,
) -> float:
    """Null mask equals TA-Lib's NaN mask; values within `rel` of max|TA-Lib| (default: the
    entry's `tolerance`, i.e. identical bits for nearly all). Our own entries are held to
    their reference (`oracle_run`) the same way, exactly. Returns the worst relative error."""
    if rel is None:
        rel = tolerance(entry, values)
    theirs = oracle_run(entry, values, data)
    ours = ours_run(entry, values, frame(data))
    worst = 0.0
    for out, mine, ref in zip(entry["outputs"], ours, theirs, strict=True):
        assert mine.dtype == getattr(pl, out["dtype"])
        got = mine.cast(pl.Float64).to_numpy()
        null = mine.is_null().to_numpy()
        ref_nan = np.isnan(ref)
        where = f"{entry['name']}.{out['name']} {values}"
        mismatch = np.nonzero(null != ref_nan)[0]
        assert mismatch.size == 0, f"{where}: null mask differs from TA-Lib at rows {mismatch[:10]}"
        present = ~null
        if not present.any():
            continue
        assert not np.isnan(got[present]).any(), f"{where}: NaN where TA-Lib has a value"
        # Infinities (EXP, COSH of large prices) must be TA-Lib's, sign included.
        infinite = np.isinf(ref) & present
        assert np.array_equal(got[infinite], ref[infinite]), f"{where}: infinities differ"
        present &= ~infinite
        if not present.any():
            continue
        scale = float(np.max(np.abs(ref[present])))
        err = float(np.max(np.abs(got[present] - ref[present])))
        rel_err = err / scale if scale > 0 else err
        worst = max(worst, rel_err)
        assert rel_err <= rel, f"{where}: max error {err:.3e} = {rel_err:.3e} of max|TA-Lib|"
    return worst


@pytest.fixture(scope="session")
def walk() -> dict[str, np.ndarray]:
    return synthetic_ohlcv(3000, seed=11)
