"""Converged warm-ups: how many bars a recursive indicator needs before its values no longer
depend (within a tolerance) on where the series started.

A recursive indicator (flagged ``unstable_period`` in the catalog: EMA, RSI, ATR, MACD, ...)
has a value from its lookback on, but that value still carries the arbitrary seed of the
first bars. The number of bars until the seed's influence falls below ``tol`` is measured
with the engine itself: the indicator runs over a fixed synthetic random walk from its start
and from a later bar, and the bars until the two agree to ``tol`` (relative) from then on are
counted. It is a measurement on representative data, not a bound for every series.
"""

from __future__ import annotations

import functools
import math
from typing import Any

import numpy as np
import polars as pl

from laakhay.ta import _catalog, _plugin
from laakhay.ta.datasets import sample_ohlcv

_SAMPLE_BARS = 30_000
_LATER_START = 5_000


@functools.cache
def _sample() -> pl.DataFrame:
    return sample_ohlcv(_SAMPLE_BARS, seed=12345).select("open", "high", "low", "close", "volume")


@functools.cache
def settle_bars(name: str, params: tuple[tuple[str, Any], ...], tol: float) -> int:
    """Bars after an indicator's lookback until its values agree to `tol` (relative) with
    those of the same indicator started much earlier; 0 for indicators that are not
    recursive. At most the sample's length (a lower bound then)."""
    spec = _catalog.entry(name)
    if "unstable_period" not in spec["flags"]:
        return 0
    data = _sample()
    columns = [pl.col(k if k in data.columns else "close") for k in spec["input_keywords"]]
    expr = _plugin.call(name, columns, dict(params)).alias("value")
    full = data.select(expr).to_series()
    later = data.slice(_LATER_START).select(expr).to_series()
    if full.dtype == pl.Struct:
        full_values = np.column_stack([full.struct.field(f).to_numpy() for f in full.struct.fields])
        later_values = np.column_stack(
            [later.struct.field(f).to_numpy() for f in later.struct.fields]
        )
    else:
        full_values = full.to_numpy().reshape(-1, 1).astype(float)
        later_values = later.to_numpy().reshape(-1, 1).astype(float)
    a = full_values[_LATER_START:]
    b = later_values
    scale = np.maximum(np.abs(a), np.abs(b))
    with np.errstate(invalid="ignore"):
        off = np.abs(a - b) > tol * np.where(scale > 0, scale, 1.0)
    off |= np.isnan(a) != np.isnan(b)
    rows = np.flatnonzero(off.any(axis=1))
    lookback = int(_lookback(name, params))
    if rows.size == 0:
        return 0
    return max(0, int(rows[-1]) + 1 - lookback)


def _lookback(name: str, params: tuple[tuple[str, Any], ...]) -> int:
    from laakhay.ta import _engine

    values = _catalog.param_values(name, dict(params))
    return _engine.lookback(name, values)


def tolerance(tol: float) -> float:
    if not (isinstance(tol, float | int) and 0 < tol < 1 and math.isfinite(tol)):
        raise ValueError(f"tol must be a number between 0 and 1, got {tol!r}")
    return float(tol)
