"""Every indicator, every output, several parameter sets: equal to TA-Lib 0.8 (the oracle)."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest
import talib
from conftest import (
    ENTRIES,
    assert_matches_talib,
    param_sets,
    real_ohlcv,
    synthetic_ohlcv,
)
from hypothesis import given
from hypothesis import strategies as st

CASES = [
    pytest.param(e, values, id=f"{e['name']}-{i}")
    for e in ENTRIES
    for i, values in enumerate(param_sets(e))
]


@pytest.mark.parametrize(("entry", "values"), CASES)
def test_synthetic_walk(
    entry: dict[str, Any], values: dict[str, float], walk: dict[str, np.ndarray]
) -> None:
    assert_matches_talib(entry, values, walk)


@pytest.mark.parametrize("dataset", ["GOOG", "EURUSD", "BTCUSD"])
@pytest.mark.parametrize("entry", ENTRIES, ids=[e["name"] for e in ENTRIES])
def test_real_data(entry: dict[str, Any], dataset: str) -> None:
    data = real_ohlcv(dataset)
    if data is None:
        pytest.skip(f"shared data {dataset} not present")
    for values in param_sets(entry):
        assert_matches_talib(entry, values, data)


@given(
    index=st.integers(0, len(ENTRIES) - 1),
    seed=st.integers(0, 2**32 - 1),
    n=st.integers(0, 400),
    scale=st.sampled_from([1e-4, 1.0, 100.0, 1e6]),
)
def test_random_series(index: int, seed: int, n: int, scale: float) -> None:
    entry = ENTRIES[index]
    data = synthetic_ohlcv(n, seed, scale)
    for values in param_sets(entry)[:3]:
        if n == 0:
            continue  # TA-Lib has no answer for empty input; covered in test_edges
        assert_matches_talib(entry, values, data)


def derived_inputs() -> dict[str, np.ndarray]:
    """Series other indicators produce, fed back in (as users chain them): their changes can
    be ~1e-15 where prices are flat, which decides zero tests and running sums."""
    data = synthetic_ohlcv(3000, seed=41, scale=100.0)
    close = data["close"].copy()
    for start in range(200, 3000, 400):
        close[start : start + 120] = close[start]
    moving = synthetic_ohlcv(600, seed=42)["close"]
    moving[100:400] = 50.0
    return {
        "rsi_of_flat_runs": talib.RSI(close, 14),
        "mom_of_flat_runs": talib.MOM(close, 10),
        "flat_then_moving": moving,
    }


DERIVED = derived_inputs()
SINGLE_SERIES = [e for e in ENTRIES if e["inputs"] == ["real"]]


@pytest.mark.parametrize("source", list(DERIVED))
@pytest.mark.parametrize("entry", SINGLE_SERIES, ids=[e["name"] for e in SINGLE_SERIES])
def test_derived_inputs(entry: dict[str, Any], source: str) -> None:
    series = DERIVED[source]
    if any(o["dtype"] != "Float64" for o in entry["outputs"]):
        # TA-Lib's integer outputs carry no NaN for the leading NaN inputs; the contract is
        # TA-Lib on the series without them (test_properties covers the gaps themselves).
        series = series[~np.isnan(series)]
    data = {k: series for k in ("open", "high", "low", "close", "volume", "unit")}
    for values in param_sets(entry):
        assert_matches_talib(entry, values, data)
