"""What an input column may be: every numeric dtype (cast to Float64), constants that
broadcast, and a clear error naming the input and column for anything else."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import numpy as np
import polars as pl
import pytest
import talib
from conftest import ENTRIES, OHLCV, SIGNALS, ours_expr, param_sets, synthetic_ohlcv, unpack
from laakhay import ta
from polars.exceptions import ComputeError, InvalidOperationError
from polars.testing import assert_series_equal

IDS = [e["name"] for e in ENTRIES]

NUMERIC = [
    pl.Int8,
    pl.Int16,
    pl.Int32,
    pl.Int64,
    pl.Int128,
    pl.UInt8,
    pl.UInt16,
    pl.UInt32,
    pl.UInt64,
    pl.Float16,
    pl.Float32,
    pl.Float64,
    pl.Decimal(10, 2),
]


def small_ohlcv(n: int = 120) -> pl.DataFrame:
    """Whole numbers that fit every numeric dtype (Int8 and UInt8 included)."""
    data = synthetic_ohlcv(n, seed=31, scale=50.0)
    columns = {k: np.clip(np.round(data[k]), 1, 120) for k in (*OHLCV, "periods")}
    # `unit` (what math transforms read) as 0s and 1s, exact in every dtype; signals are too.
    signals = {k: data[k] for k in (*SIGNALS, "reset", "window")}
    return pl.DataFrame({**columns, "unit": np.round(data["unit"]), **signals})


@pytest.mark.parametrize("entry", ENTRIES, ids=IDS)
def test_every_numeric_dtype_equals_float64(entry: dict[str, Any]) -> None:
    df = small_ohlcv()
    expr = ours_expr(entry, param_sets(entry)[0])
    expected = unpack(entry, df.select(expr))
    for dtype in NUMERIC:
        got = unpack(entry, df.cast(dtype).select(expr))
        for mine, ref, out in zip(got, expected, entry["outputs"], strict=True):
            assert mine.dtype == getattr(pl, out["dtype"])
            assert_series_equal(mine, ref, check_names=False)


NON_NUMERIC: list[tuple[pl.DataType, pl.Series]] = [
    (pl.String, pl.Series(["a", "b"] * 30)),
    (pl.Categorical, pl.Series(["a", "b"] * 30, dtype=pl.Categorical)),
    (pl.Enum(["a", "b"]), pl.Series(["a", "b"] * 30, dtype=pl.Enum(["a", "b"]))),
    (pl.Boolean, pl.Series([True, False] * 30)),
    (pl.Date, pl.Series([dt.date(2024, 1, 1)] * 60)),
    (pl.Datetime, pl.Series([dt.datetime(2024, 1, 1)] * 60)),
    (pl.Duration, pl.Series([dt.timedelta(1)] * 60)),
    (pl.Time, pl.Series([dt.time(1)] * 60)),
    (pl.List(pl.Float64), pl.Series([[1.0]] * 60)),
    (pl.Array(pl.Float64, 2), pl.Series([[1.0, 2.0]] * 60, dtype=pl.Array(pl.Float64, 2))),
    (pl.Struct({"a": pl.Float64}), pl.Series([{"a": 1.0}] * 60)),
    (pl.Binary, pl.Series([b"x"] * 60)),
]


@pytest.mark.parametrize(("dtype", "column"), NON_NUMERIC, ids=[str(d) for d, _ in NON_NUMERIC])
def test_non_numeric_columns_are_refused_by_name(dtype: pl.DataType, column: pl.Series) -> None:
    df = small_ohlcv(60).with_columns(weird=column)
    for entry in ENTRIES:
        role = entry["input_keywords"][entry["primary_input"]]
        expr = getattr(ta, entry["name"])(
            **{k: ("weird" if k == role else "close") for k in entry["input_keywords"]}
        )
        if dtype == pl.Boolean and entry["input_roles"][entry["primary_input"]] == "signal":
            # A signal (an entry, an exit) takes a Boolean column: true is 1, false 0.
            numbers = getattr(ta, entry["name"])(
                **{k: ("ones" if k == role else "close") for k in entry["input_keywords"]}
            )
            ones = df.with_columns(ones=pl.col("weird").cast(pl.Float64))
            assert_series_equal(
                df.select(expr).to_series(), ones.select(numbers).to_series(), check_names=False
            )
            continue
        with pytest.raises((ComputeError, InvalidOperationError)) as raised:
            df.select(expr)
        message = str(raised.value)
        assert "panicked" not in message
        assert f"input '{role}'" in message and '"weird"' in message, message


def test_null_dtype_column_is_all_missing() -> None:
    df = pl.DataFrame({"close": pl.Series([None] * 20, dtype=pl.Null)})
    assert df.select(ta.sma("close", 3)).to_series().null_count() == 20


def test_decimal_values_are_used() -> None:
    df = pl.DataFrame({"close": [Decimal("1.10"), Decimal("2.20"), Decimal("3.30")]})
    assert df.select(ta.sma("close", 2)).to_series().to_list() == pytest.approx([None, 1.65, 2.75])


def test_literals_broadcast() -> None:
    data = synthetic_ohlcv(200, seed=4)
    df = pl.DataFrame({k: data[k] for k in OHLCV})
    flat_high = np.full(200, 1000.0)
    ref = talib.ATR(flat_high, data["low"], data["close"], 3)
    for high in (pl.lit(1000.0), pl.lit(1000), pl.lit(1000.0).cast(pl.Float32)):
        got = df.select(ta.atr(3, high=high)).to_series().to_numpy()
        np.testing.assert_array_equal(np.isnan(ref), np.isnan(got))
        np.testing.assert_allclose(got[3:], ref[3:], rtol=1e-12)
    with pytest.raises(TypeError, match=r"input 'high' must be .* \(pl.lit\(x\) for a constant\)"):
        ta.atr(3, high=1000.0)  # type: ignore[arg-type]
