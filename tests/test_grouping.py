"""`by=` and `order_by=`: each group is its own series for any row order and any key dtype,
exactly as `.over(by, order_by=...)`."""

from __future__ import annotations

import datetime as dt
from typing import Any

import numpy as np
import polars as pl
import pytest
from conftest import ENTRIES, frame, ours_expr, param_sets, synthetic_ohlcv
from hypothesis import given
from hypothesis import strategies as st
from laakhay import ta
from polars.testing import assert_frame_equal

IDS = [e["name"] for e in ENTRIES]
START = dt.datetime(2024, 1, 1)


def symbols_panel(bars: int = 120, symbols: int = 3) -> pl.DataFrame:
    """A panel sorted by symbol, with a timestamp and an exchange per symbol."""
    parts = []
    for s in range(symbols):
        df = frame(synthetic_ohlcv(bars, seed=100 + s))
        parts.append(
            df.with_columns(
                ts=pl.datetime_range(
                    START, START + dt.timedelta(minutes=bars - 1), "1m", eager=True
                ),
                symbol=pl.lit(f"S{s}"),
                exchange=pl.lit("X" if s % 2 else "Y"),
            )
        )
    return pl.concat(parts)


def same(a: pl.DataFrame, b: pl.DataFrame) -> None:
    """Equal frames, nulls included, with something to compare."""
    assert_frame_equal(a, b)
    column = a.to_series(0)
    assert column.len() - column.null_count() > 0


def time_major(df: pl.DataFrame) -> pl.DataFrame:
    return df.sort("ts", "symbol")


@pytest.mark.parametrize("entry", ENTRIES, ids=IDS)
def test_time_major_panel(entry: dict[str, Any]) -> None:
    """The natural order after a join: rows interleaved by time (was: all null)."""
    df = time_major(symbols_panel())
    expr = ours_expr(entry, param_sets(entry)[0])
    by = df.select(ours_expr(entry, param_sets(entry)[0], by="symbol"))
    same(by, df.select(expr.over("symbol")))


@pytest.mark.parametrize("name", ["sma", "macd", "atr", "bbands", "obv", "kama"])
def test_split_blocks_null_keys_and_several_keys(name: str) -> None:
    entry = next(e for e in ENTRIES if e["name"] == name)
    expr = ours_expr(entry, param_sets(entry)[0])
    df = symbols_panel(80, 3)
    # S0 in two blocks, with S1 between them.
    split = pl.concat([df[:40], df[80:160], df[40:80], df[160:]])
    same(
        split.select(ours_expr(entry, param_sets(entry)[0], by="symbol")),
        split.select(expr.over("symbol")),
    )
    # A null key in the middle of a symbol: null keys are a group of their own.
    holed = df.with_columns(
        symbol=pl.when(pl.int_range(pl.len()) % 29 == 7).then(None).otherwise("symbol")
    )
    same(
        holed.select(ours_expr(entry, param_sets(entry)[0], by="symbol")),
        holed.select(expr.over("symbol")),
    )
    # Several keys.
    mixed = time_major(df)
    same(
        mixed.select(ours_expr(entry, param_sets(entry)[0], by=["exchange", "symbol"])),
        mixed.select(expr.over(["exchange", "symbol"])),
    )
    same(
        mixed.select(ours_expr(entry, param_sets(entry)[0], by=[pl.col("exchange")])),
        mixed.select(expr.over("exchange")),
    )


@pytest.mark.parametrize(
    "dtype",
    [
        pl.String,
        pl.Categorical,
        pl.Enum(["S0", "S1", "S2"]),
        pl.Int64,
        pl.Int8,
        pl.UInt16,
        pl.Float64,
        pl.Date,
        pl.Datetime("us"),
        pl.Boolean,
        pl.Binary,
    ],
    ids=str,
)
def test_any_key_dtype(dtype: pl.DataType) -> None:
    df = time_major(symbols_panel(50, 3))
    codes = {"S0": 0, "S1": 1, "S2": 2}
    if dtype in (pl.String, pl.Categorical) or isinstance(dtype, pl.Enum):
        key = pl.col("symbol").cast(dtype)
    elif dtype == pl.Binary:
        key = pl.col("symbol").cast(pl.Binary)
    elif dtype == pl.Boolean:
        key = pl.col("symbol") == "S1"
    elif dtype in (pl.Date, pl.Datetime("us")):
        key = (pl.date(2024, 1, 1) + pl.duration(days=pl.col("symbol").replace_strict(codes))).cast(
            dtype
        )
    else:
        key = pl.col("symbol").replace_strict(codes).cast(dtype)
    df = df.with_columns(key=key)
    for name in ("rsi", "macd"):
        entry = next(e for e in ENTRIES if e["name"] == name)
        expr = ours_expr(entry, param_sets(entry)[0])
        same(
            df.select(ours_expr(entry, param_sets(entry)[0], by="key")),
            df.select(expr.over("key")),
        )


@pytest.mark.parametrize("entry", ENTRIES, ids=IDS)
def test_order_by_sorts_each_group_in_time(entry: dict[str, Any]) -> None:
    df = symbols_panel(120, 3)
    shuffled = df.sample(fraction=1.0, shuffle=True, seed=5)
    values = param_sets(entry)[0]
    got = shuffled.select(ours_expr(entry, values, by="symbol", order_by="ts"))
    same(got, shuffled.select(ours_expr(entry, values).over("symbol", order_by="ts")))
    # And equal to computing on the sorted frame, then putting rows back.
    sorted_result = (
        df.with_row_index("row")
        .with_columns(out=ours_expr(entry, values, by="symbol"))
        .select("row", "out")
    )
    back = (
        df.with_row_index("row")
        .sample(fraction=1.0, shuffle=True, seed=5)
        .join(sorted_result, on="row", how="left", maintain_order="left")
        .select("out")
    )
    assert_frame_equal(got.rename({got.columns[0]: "out"}), back)


def test_order_by_without_by() -> None:
    df = frame(synthetic_ohlcv(200, seed=8)).with_row_index("t")
    shuffled = df.sample(fraction=1.0, shuffle=True, seed=1)
    got = shuffled.select("t", ta.ema("close", 10, order_by="t")).sort("t")
    want = df.select("t", ta.ema("close", 10))
    assert_frame_equal(got, want)


@given(
    keys=st.lists(st.sampled_from(["a", "b", "c", None]), min_size=0, max_size=120),
    seed=st.integers(0, 2**32 - 1),
    name=st.sampled_from(["sma", "ema", "macd", "adx", "stoch"]),
)
def test_by_equals_over_random(keys: list[str | None], seed: int, name: str) -> None:
    entry = next(e for e in ENTRIES if e["name"] == name)
    values = param_sets(entry)[2]
    df = frame(synthetic_ohlcv(len(keys), seed)).with_columns(key=pl.Series(keys, dtype=pl.String))
    got = df.select(ours_expr(entry, values, by="key"))
    assert_frame_equal(got, df.select(ours_expr(entry, values).over("key")))


@given(
    keys=st.lists(st.sampled_from(["a", "b"]), min_size=1, max_size=80),
    seed=st.integers(0, 2**32 - 1),
)
def test_order_by_equals_over_random(keys: list[str], seed: int) -> None:
    rng = np.random.default_rng(seed)
    df = frame(synthetic_ohlcv(len(keys), seed)).with_columns(
        key=pl.Series(keys), ts=pl.Series(rng.permutation(len(keys)))
    )
    got = df.select(ta.sma("close", 3, by="key", order_by="ts"))
    assert_frame_equal(got, df.select(ta.sma("close", 3).over("key", order_by="ts")))


def test_bad_keys_are_refused() -> None:
    with pytest.raises(TypeError, match="'by' takes column names or polars expressions"):
        ta.sma("close", 5, by=3)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="'order_by' needs at least one column"):
        ta.sma("close", 5, order_by=[])


@pytest.mark.parametrize("name", ["sma", "macd", "stoch"])
def test_large_panel_split_across_threads(name: str) -> None:
    """A call alone in the process with many rows splits its groups across threads: same
    result as `.over`, whatever the split."""
    entry = next(e for e in ENTRIES if e["name"] == name)
    values = param_sets(entry)[0]
    df = frame(synthetic_ohlcv(400_000, seed=12)).with_columns(
        symbol=(pl.int_range(pl.len()) // 997).cast(pl.String)
    )
    got = df.select(ours_expr(entry, values, by="symbol"))
    assert_frame_equal(got, df.select(ours_expr(entry, values).over("symbol")))


def test_float_keys_group_nan_and_signed_zeros_like_polars() -> None:
    keys = [0.0, -0.0, float("nan"), float("nan"), 1.5, None, 0.0, float("nan")] * 40
    df = frame(synthetic_ohlcv(len(keys), seed=13)).with_columns(key=pl.Series(keys))
    got = df.select(ta.sma("close", 3, by="key"))
    assert_frame_equal(got, df.select(ta.sma("close", 3).over("key")))


@pytest.mark.parametrize("dtype", [pl.String, pl.Int64, pl.Float64, pl.Categorical], ids=str)
def test_keys_in_several_chunks(dtype: pl.DataType) -> None:
    """Run boundaries are found across chunk boundaries too (the streaming engine hands
    columns over in many chunks)."""
    number = pl.col("symbol").str.slice(1).cast(pl.Int64)
    key = {pl.String: pl.col("symbol"), pl.Categorical: pl.col("symbol").cast(pl.Categorical)}
    df = symbols_panel(90, 3).with_columns(key=key.get(dtype, number.cast(dtype)))
    parts = [df[:50], df[50:90], df[90:91], df[91:200], df[200:]]
    chunked = pl.concat(parts, rechunk=False)
    assert chunked["key"].n_chunks() > 1
    got = chunked.select(ta.sma("close", 4, by="key"))
    assert_frame_equal(got, df.select(ta.sma("close", 4).over("key")))
    lazy = chunked.lazy().select(ta.sma("close", 4, by="key")).collect(engine="streaming")
    assert_frame_equal(lazy, got)
