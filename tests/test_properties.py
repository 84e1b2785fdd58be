"""How indicators behave inside Polars: groups, chunks, engines, nulls, pickled plans."""

from __future__ import annotations

import pickle
from typing import Any

import numpy as np
import polars as pl
import pytest
import talib
from conftest import (
    ENTRIES,
    OHLCV,
    SIGNALS,
    frame,
    free_column,
    oracle_run,
    ours_expr,
    param_sets,
    synthetic_ohlcv,
    tolerance,
    unpack,
)
from hypothesis import given
from hypothesis import strategies as st
from laakhay import ta
from polars.testing import assert_frame_equal, assert_series_equal

IDS = [e["name"] for e in ENTRIES]


def panel(symbols: int, bars: int, seed: int = 0) -> pl.DataFrame:
    parts = []
    for s in range(symbols):
        df = frame(synthetic_ohlcv(bars + s * 7, seed=seed + s))
        parts.append(df.with_columns(symbol=pl.lit(f"S{s}")))
    return pl.concat(parts)


def exprs(entry: dict[str, Any]) -> pl.Expr:
    return ours_expr(entry, param_sets(entry)[0])


@pytest.mark.parametrize("entry", ENTRIES, ids=IDS)
def test_over_equals_each_group_alone(entry: dict[str, Any]) -> None:
    df = panel(4, 120)
    together = df.select(exprs(entry).over("symbol"))
    alone = pl.concat(
        [g.select(exprs(entry)) for _, g in df.group_by("symbol", maintain_order=True)]
    )
    assert_frame_equal(together, alone)


@pytest.mark.parametrize("entry", ENTRIES, ids=IDS)
def test_by_equals_over(entry: dict[str, Any]) -> None:
    """`by=` restarts the indicator at each group in one pass: same as `.over()` on a
    panel whose groups are contiguous, nulls included."""
    df = panel(5, 70).with_columns(
        close=pl.when(pl.int_range(pl.len()) % 37 == 5).then(None).otherwise(pl.col("close"))
    )
    grouped = df.select(ours_expr(entry, param_sets(entry)[0], by="symbol"))
    assert_frame_equal(grouped, df.select(exprs(entry).over("symbol")))


@pytest.mark.parametrize("entry", ENTRIES, ids=IDS)
def test_multi_chunk_equals_rechunked(entry: dict[str, Any]) -> None:
    df = frame(synthetic_ohlcv(300, seed=2))
    chunked = pl.concat([df[:37], df[37:150], df[150:]], rechunk=False)
    assert chunked["close"].n_chunks() == 3
    assert_frame_equal(chunked.select(exprs(entry)), df.select(exprs(entry)))


@pytest.mark.parametrize("entry", ENTRIES, ids=IDS)
def test_eager_lazy_streaming_agree(entry: dict[str, Any]) -> None:
    df = panel(3, 150)
    eager = df.select(exprs(entry).over("symbol"))
    lazy = df.lazy().select(exprs(entry).over("symbol"))
    assert_frame_equal(lazy.collect(engine="in-memory"), eager)
    assert_frame_equal(lazy.collect(engine="streaming"), eager)
    plain = df.lazy().select(exprs(entry)).collect(engine="streaming")
    assert_frame_equal(plain, df.select(exprs(entry)))


@pytest.mark.parametrize("entry", ENTRIES, ids=IDS)
def test_group_by_agg_matches_over(entry: dict[str, Any]) -> None:
    df = panel(3, 90)
    over = df.select("symbol", exprs(entry).over("symbol"))
    agg = df.group_by("symbol", maintain_order=True).agg(exprs(entry)).explode(over.columns[1])
    assert_frame_equal(agg, over)


@pytest.mark.parametrize("entry", ENTRIES, ids=IDS)
def test_pickled_lazy_plan(entry: dict[str, Any]) -> None:
    df = panel(2, 80)
    plan = df.lazy().with_columns(exprs(entry).over("symbol"))
    restored = pickle.loads(pickle.dumps(plan))
    assert_frame_equal(restored.collect(), plan.collect())


def null_rule_check(
    entry: dict[str, Any],
    data: dict[str, np.ndarray],
    null_rows: np.ndarray,
    marker: float | None = None,
) -> None:
    """Missing inputs are skipped: the result equals computing without those rows (checked
    against TA-Lib, or our own entries' reference, on the compacted series), with null put back
    in their place. `marker` is what marks the rows missing: null, or NaN / ±inf (missing data
    too)."""
    values = param_sets(entry)[0]
    n = len(data["close"])
    mask = np.zeros(n, dtype=bool)
    mask[null_rows] = True
    df = frame(data)
    # Null a different input column on different rows: any null input makes the row missing.
    used = [c for c in OHLCV if c in entry["inputs"]] or ["close", "open"]
    if "real" in entry["inputs"] or "real0" in entry["inputs"]:
        used = [free_column(entry, "real")] + (["open"] if "real1" in entry["inputs"] else [])
    elif set(entry["inputs"]) <= set(SIGNALS):
        used = list(entry["inputs"])
    cols = {c: pl.Series(c, df[c]) for c in df.columns}
    for k, row in enumerate(np.nonzero(mask)[0]):
        col = used[k % len(used)]
        cols[col] = cols[col].scatter(int(row), marker)
    with_nulls = pl.DataFrame(cols)
    got = unpack(entry, with_nulls.select(ours_expr(entry, values)))
    compact = {k: v[~mask] for k, v in data.items()}
    if "reset" in entry["inputs"]:
        # An anchor on a missing row moves to the next present row (it is kept, not lost).
        carried = data["reset"].copy()
        for row in np.nonzero(mask)[0]:
            later = np.nonzero(~mask[row:])[0]
            if carried[row] != 0 and len(later):
                carried[row + later[0]] = 1.0
        compact["reset"] = carried[~mask]
    expected = oracle_run(entry, values, compact) if (~mask).sum() else None
    for i, series in enumerate(got):
        arr = series.to_numpy()
        nulls = series.is_null().to_numpy()
        assert nulls[mask].all(), "a row with a null input must come out null"
        if expected is None:
            continue
        ref = expected[i]
        np.testing.assert_array_equal(nulls[~mask], np.isnan(ref))
        present = ~np.isnan(ref)
        scale = max(float(np.max(np.abs(ref[present]), initial=0.0)), 1e-300)
        err = float(np.max(np.abs(arr[~mask][present] - ref[present]), initial=0.0))
        assert err <= tolerance(entry) * scale


@pytest.mark.parametrize("marker", [None, float("nan"), float("inf"), float("-inf")])
@pytest.mark.parametrize("entry", ENTRIES, ids=IDS)
def test_missing_rows_are_skipped(entry: dict[str, Any], marker: float | None) -> None:
    data = synthetic_ohlcv(250, seed=9)
    null_rule_check(entry, data, np.array([0, 1, 2, 40, 41, 97, 180, 249]), marker)


@given(
    index=st.integers(0, len(ENTRIES) - 1),
    seed=st.integers(0, 2**32 - 1),
    missing=st.lists(st.integers(0, 199), max_size=30, unique=True),
    marker=st.sampled_from([None, float("nan"), float("inf"), float("-inf")]),
)
def test_missing_rows_are_skipped_random(
    index: int, seed: int, missing: list[int], marker: float | None
) -> None:
    data = synthetic_ohlcv(200, seed)
    null_rule_check(ENTRIES[index], data, np.array(missing, dtype=int), marker)


def test_nan_is_missing_data_like_null() -> None:
    """NaN and ±inf are skipped exactly like null (the issue's cases: leading NaNs, a NaN in
    one input mid-series, an inf in the close)."""
    nan, inf = float("nan"), float("inf")
    df = pl.DataFrame({"close": [1.0, 2.0, nan, 4.0, inf, 5.0, 6.0]})
    got = df.select(ta.sma("close", 2)).to_series()
    assert got.to_list() == [None, 1.5, None, 3.0, None, 4.5, 5.5]
    data = synthetic_ohlcv(400, seed=21)
    data["close"][:3] = np.nan
    rsi = frame(data).select(ta.rsi("close", 14)).to_series().to_numpy()
    ref = talib.RSI(data["close"], 14)  # TA-Lib's wrapper skips leading NaNs
    np.testing.assert_array_equal(np.isnan(rsi), np.isnan(ref))
    np.testing.assert_array_equal(np.nan_to_num(rsi), np.nan_to_num(ref))
    data = synthetic_ohlcv(1000, seed=22)
    data["high"][500] = np.nan
    out = frame(data).select(ta.stoch()).to_series().struct.unnest()
    assert out["slowk"][501:].null_count() == 0
    keep = np.arange(1000) != 500
    ref_k, _ = talib.STOCH(data["high"][keep], data["low"][keep], data["close"][keep])
    np.testing.assert_allclose(out["slowk"].to_numpy()[keep][20:], ref_k[20:], rtol=0, atol=1e-10)


@pytest.mark.parametrize("entry", ENTRIES, ids=IDS)
def test_all_nan_input_gives_all_null(entry: dict[str, Any]) -> None:
    data = synthetic_ohlcv(60, seed=3)
    for k in (*OHLCV, "unit", *SIGNALS):
        data[k][:] = np.nan
    for series in unpack(entry, frame(data).select(exprs(entry))):
        assert series.null_count() == 60


def test_namespace_equals_function() -> None:
    df = frame(synthetic_ohlcv(200, seed=1))
    pairs = [
        (pl.col("close").ta.rsi(10), ta.rsi("close", 10)),
        (pl.col("close").ta.atr(7), ta.atr(7)),
        (pl.col("close").ta.macd(5, 13, 4), ta.macd("close", 5, 13, 4)),
        (pl.col("high").ta.sar(0.03), ta.sar(0.03)),
        (pl.col("close").ta.beta(pl.col("open"), 7), ta.beta("close", "open", 7)),
    ]
    for via_namespace, via_function in pairs:
        assert_series_equal(
            df.select(via_namespace).to_series(), df.select(via_function).to_series()
        )
