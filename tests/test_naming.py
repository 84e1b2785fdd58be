"""Result names: the indicator and its parameters, prefixed with the input column when that
is not the default one; never colliding between calls or expanded columns; `.alias` and
`.name.*` as in Polars; multi-output warm-ups are null structs."""

from __future__ import annotations

from typing import Any

import polars as pl
import polars.selectors as cs
import pytest
from conftest import ENTRIES, SIGNALS, ours_expr, param_sets
from laakhay import ta

IDS = [e["name"] for e in ENTRIES]


@pytest.fixture
def df() -> pl.DataFrame:
    # `unit`: the close scaled into (0, 1), what the tests feed math transforms; `periods`
    # feeds MAVP; the signals (0/1) a position; `reset` (Boolean) anchors sessions, `window`
    # (Boolean) marks time windows.
    return ta.sample_ohlcv(80).with_columns(
        unit=pl.col("close") / pl.col("close").max() / 1.01,
        periods=pl.col("bar") % 20 + 2,
        long_entry=(pl.col("bar") % 7 == 1).cast(pl.Float64),
        long_exit=(pl.col("bar") % 5 == 3).cast(pl.Float64),
        short_entry=(pl.col("bar") % 11 == 4).cast(pl.Float64),
        short_exit=(pl.col("bar") % 3 == 0).cast(pl.Float64),
        reset=pl.col("bar") % 13 == 0,
        window=pl.col("bar") % 13 < 3,
    )


def test_same_indicator_different_parameters(df: pl.DataFrame) -> None:
    out = df.with_columns(ta.rsi("close", 14), ta.rsi("close", 2), ta.bbands("close", 10))
    assert out.columns[-3:] == ["rsi_14", "rsi_2", "bbands_10_2_2_sma"]
    assert ta.output_name("rsi", 2) == "rsi_2"
    assert ta.output_name("macdext", fast_ma_type=ta.MaType.EMA) == "macdext_12_ema_26_sma_9_sma"


def test_multi_column_expansion(df: pl.DataFrame) -> None:
    numeric = ["open", "high", "low", "close", "volume"]
    expected = ["open_sma_5", "high_sma_5", "low_sma_5", "sma_5", "volume_sma_5"]
    assert df.select(pl.col(numeric).ta.sma(5)).columns == expected
    extra = ["bar", "unit", "periods", *SIGNALS, "reset", "window"]
    assert df.drop(extra).select(cs.numeric().ta.sma(5)).columns == expected
    assert df.select(pl.col("open", "close").ta.sma(5)).columns == ["open_sma_5", "sma_5"]
    both = df.select(pl.col("open", "close").ta.sma(5))
    assert not both["open_sma_5"].equals(both["sma_5"])


def test_alias_and_name_namespace(df: pl.DataFrame) -> None:
    assert df.select(ta.rsi("close").alias("r")).columns == ["r"]
    suffixed = df.select(pl.col("open", "close").ta.sma(5).name.suffix("_s"))
    assert suffixed.columns == ["open_sma_5_s", "sma_5_s"]
    assert df.select(ta.rsi("close").name.prefix("x_")).columns == ["x_rsi_14"]
    # `.name.keep()` asks for the input's name: Polars' rule, so it may replace the input.
    assert df.with_columns(ta.sma("close", 3).name.keep()).columns == df.columns


@pytest.mark.parametrize("entry", ENTRIES, ids=IDS)
def test_no_input_column_is_overwritten(entry: dict[str, Any], df: pl.DataFrame) -> None:
    out = df.with_columns(ours_expr(entry, param_sets(entry)[0]))
    assert out.columns[: df.width] == df.columns
    assert out.width == df.width + 1
    assert out.columns[-1].endswith(entry["output_name"])
    for column in df.columns:
        assert out[column].equals(df[column])


@pytest.mark.parametrize("entry", [e for e in ENTRIES if len(e["outputs"]) > 1], ids=str)
def test_multi_output_warm_up_is_a_null_struct(entry: dict[str, Any], df: pl.DataFrame) -> None:
    col = df.select(ours_expr(entry, param_sets(entry)[0])).to_series()
    warm_up = ta.lookback(entry["name"])
    if {"anchored", "events"} & set(entry["flags"]):
        # Where the anchors fall decides the warm-up; the lookback is the least one. Later
        # rows may have no value either (a window still open): null structs too.
        warm_up = int(col.is_not_null().arg_max() or 0)
        assert warm_up >= ta.lookback(entry["name"])
        for field in col.struct.unnest().iter_columns():
            assert field.is_null().equals(col.is_null())
        return
    assert col.is_null().sum() == warm_up
    assert col.is_null()[:warm_up].all()
    kept = df.with_columns(col).drop_nulls(col.name)
    assert kept.height == df.height - warm_up
    for field in col.struct.unnest().iter_columns():
        assert field[:warm_up].null_count() == warm_up
