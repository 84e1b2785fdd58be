"""Edge data against TA-Lib (our own entries: against their reference): flat prices, zero
volume, short series, extreme magnitudes, integer columns; and empty input."""

from __future__ import annotations

from typing import Any

import numpy as np
import polars as pl
import pytest
from conftest import (
    ENTRIES,
    OHLCV,
    assert_matches_talib,
    frame,
    oracle_run,
    ours_expr,
    param_sets,
    resets_for,
    signals_for,
    synthetic_ohlcv,
    tolerance,
    unpack,
    windows_for,
)

IDS = [e["name"] for e in ENTRIES]


def flat(n: int, price: float = 42.0) -> dict[str, np.ndarray]:
    data = {k: np.full(n, 1000.0 if k == "volume" else price) for k in OHLCV}
    fixed = {"periods": np.full(n, 10.0), "unit": np.full(n, 0.42), "reset": resets_for(n)}
    fixed["window"] = windows_for(n)
    return {**data, **fixed, **signals_for(n)}


@pytest.mark.parametrize("entry", ENTRIES, ids=IDS)
def test_flat_prices(entry: dict[str, Any]) -> None:
    for values in param_sets(entry)[:3]:
        assert_matches_talib(entry, values, flat(200))


@pytest.mark.parametrize("entry", ENTRIES, ids=IDS)
def test_flat_then_moving(entry: dict[str, Any]) -> None:
    data = synthetic_ohlcv(300, seed=3)
    for k in OHLCV[:4]:
        data[k][100:160] = 50.0
    assert_matches_talib(entry, param_sets(entry)[0], data)


@pytest.mark.parametrize("entry", ENTRIES, ids=IDS)
def test_zero_volume(entry: dict[str, Any]) -> None:
    data = synthetic_ohlcv(300, seed=4)
    data["volume"][:] = 0.0
    assert_matches_talib(entry, param_sets(entry)[0], data)


@pytest.mark.parametrize("scale", [1e-6, 1e9])
@pytest.mark.parametrize("entry", ENTRIES, ids=IDS)
def test_extreme_magnitudes(entry: dict[str, Any], scale: float) -> None:
    data = synthetic_ohlcv(500, seed=5, scale=scale)
    for values in param_sets(entry)[:2]:
        assert_matches_talib(entry, values, data)


@pytest.mark.parametrize("n", [1, 2, 5])
@pytest.mark.parametrize("entry", ENTRIES, ids=IDS)
def test_shorter_than_lookback(entry: dict[str, Any], n: int) -> None:
    assert_matches_talib(entry, param_sets(entry)[0], synthetic_ohlcv(n, seed=6))


@pytest.mark.parametrize("entry", ENTRIES, ids=IDS)
def test_empty_input(entry: dict[str, Any]) -> None:
    df = frame(synthetic_ohlcv(0, seed=1))
    got = unpack(entry, df.select(ours_expr(entry, param_sets(entry)[0])))
    for series, out in zip(got, entry["outputs"], strict=True):
        assert series.len() == 0
        assert series.dtype == getattr(pl, out["dtype"])


@pytest.mark.parametrize("entry", ENTRIES, ids=IDS)
def test_integer_and_float32_columns(entry: dict[str, Any]) -> None:
    data = synthetic_ohlcv(400, seed=8)
    rounded = {k: np.round(v * 100) for k, v in data.items()}
    values = param_sets(entry)[0]
    expected = oracle_run(entry, values, rounded)
    for dtype in (pl.Int64, pl.Int32, pl.Float32):
        df = frame(rounded).cast(dtype)
        got = unpack(entry, df.select(ours_expr(entry, values)))
        for series, ref, out in zip(got, expected, entry["outputs"], strict=True):
            assert series.dtype == getattr(pl, out["dtype"])
            series = series.cast(pl.Float64)
            np.testing.assert_array_equal(series.is_null().to_numpy(), np.isnan(ref))
            present = ~np.isnan(ref)
            scale = max(float(np.max(np.abs(ref[present]), initial=0.0)), 1e-300)
            err = np.max(np.abs(series.to_numpy()[present] - ref[present]), initial=0.0)
            assert err <= tolerance(entry) * scale, f"{entry['name']} {dtype}: {err}"
