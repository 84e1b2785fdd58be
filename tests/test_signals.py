"""Our own entries (origin ``laakhay``): lags, crossings and positions, the stateful built-ins
of trading rules. The catalog-wide tests hold them to conftest's reference; these check what
is particular to them by hand: Boolean results and inputs end to end, the skip rule on small
series, streams and panels, and composing them."""

from __future__ import annotations

import itertools

import numpy as np
import polars as pl
import pytest
from conftest import ENTRIES, SIGNALS, frame, synthetic_ohlcv
from laakhay import ta
from polars.testing import assert_series_equal

OURS = [e["name"] for e in ENTRIES if e["origin"] == "laakhay"]


def test_the_catalog_says_which_entries_are_ours() -> None:
    expected = [
        *("lag", "crosses_above", "crosses_below", "crosses", "position"),
        *("anchored_vwap", "pivot_points", "prev_levels", "opening_range"),
        *("demark_pivots", "window_range", "volume_profile"),
        *("rolling_vwap", "ulcer_index", "laguerre_rsi", "chandelier_exit"),
        *("pivot_high", "pivot_low", "ttm_squeeze", "td_sequential"),
    ]
    assert expected == OURS
    cat = ta.catalog()
    ours = cat.filter(pl.col("origin") == "laakhay")
    assert ours["name"].to_list() == OURS
    assert ours["talib_name"].null_count() == ours.height
    assert ours["talib_group"].null_count() == ours.height
    assert set(ours["group"]) == {"signal", "session", "extra"}
    assert cat.filter(pl.col("origin") == "talib")["talib_name"].null_count() == 0
    assert "reverses to short" in ta.info("position")["details"]
    assert ta.info("position")["input_roles"] == ["signal"] * 4
    assert ta.info("crosses")["outputs"][0]["dtype"] == "Boolean"


def test_lag_counts_complete_bars() -> None:
    df = pl.DataFrame({"x": [1.0, None, 2.0, 3.0, float("nan"), 4.0, 5.0]})
    assert df.select(ta.lag("x", 1)).to_series().to_list() == [
        None, None, 1.0, 2.0, None, 3.0, 4.0,
    ]  # fmt: skip
    got = df.select(pl.col("x").ta.lag(2)).to_series()
    assert got.name == "x_lag_2"
    assert got.to_list() == [None, None, None, 1.0, None, 2.0, 3.0]


def test_crossings_are_booleans() -> None:
    df = pl.DataFrame(
        {
            "a": [1.0, 3.0, 3.0, 2.0, 2.0, 1.0, None, 3.0],
            "b": [2.0, 2.0, 2.0, 2.0, 2.0, 2.0, 2.0, 2.0],
        }
    )
    out = df.select(
        ta.crosses_above("a", "b"),
        ta.crosses_below("a", "b"),
        ta.crosses("a", "b"),
    )
    assert out.columns == ["a_crosses_above", "a_crosses_below", "a_crosses"]
    assert out.dtypes == [pl.Boolean] * 3
    # Rows: up, stay above, touch (no cross), stay equal, go below (a cross: was equal), gap,
    # back above (the previous complete bar was below).
    assert out["a_crosses_above"].to_list() == [None, True, False, False, False, False, None, True]
    assert out["a_crosses_below"].to_list() == [None, False, False, False, False, True, None, False]
    assert out["a_crosses"].to_list() == [None, True, False, False, False, True, None, True]


def test_crossing_a_level_and_the_namespace() -> None:
    df = frame(synthetic_ohlcv(300, seed=3))
    level = float(df["close"].median())  # type: ignore[arg-type]
    via_lit = df.select(ta.crosses_above("close", pl.lit(level))).to_series()
    via_col = df.with_columns(level=pl.lit(level)).select(ta.crosses_above("close", "level"))
    assert_series_equal(via_lit, via_col.to_series())
    assert via_lit.sum() > 0
    via_namespace = df.select(pl.col("close").ta.crosses_above(pl.lit(level))).to_series()
    assert_series_equal(via_namespace, via_lit)
    close = df["close"].to_numpy()
    expected = [None] + [
        bool(close[i] > level and close[i - 1] <= level) for i in range(1, len(close))
    ]
    assert via_lit.to_list() == expected


def test_position_takes_booleans_and_numbers() -> None:
    df = frame(synthetic_ohlcv(400, seed=4))
    as_numbers = df.select(ta.position(*SIGNALS)).to_series()
    as_booleans = df.with_columns(pl.col(list(SIGNALS)).cast(pl.Boolean)).select(
        ta.position(*SIGNALS)
    )
    assert_series_equal(as_booleans.to_series(), as_numbers)
    scaled = df.with_columns(pl.col(list(SIGNALS)) * -3.5).select(ta.position(*SIGNALS))
    assert_series_equal(scaled.to_series(), as_numbers)
    # The test data exercises every rule: all three positions, and reversals both ways.
    values = as_numbers.to_numpy()
    assert set(values) == {-1, 0, 1}
    steps = set(itertools.pairwise(values))
    assert {(1, -1), (-1, 1), (1, 0), (-1, 0), (0, 1), (0, -1)} <= steps


def test_position_by_hand() -> None:
    signals = {
        # bar:          0  1  2  3  4  5  6  7  8
        "long_entry": [0, 1, 0, 0, 1, 1, 0, 0, 0],
        "long_exit": [1, 0, 0, 1, 0, 0, 0, 0, 1],
        "short_entry": [0, 0, 0, 1, 1, 0, 0, 0, 0],
        "short_exit": [0, 0, 0, 0, 0, 0, 1, 0, 0],
    }
    df = pl.DataFrame(signals).cast(pl.Boolean)
    got = df.select(ta.position(*SIGNALS)).to_series()
    assert got.name == "position" and got.dtype == pl.Int32
    # 0: an exit while flat; 1: long; 3: reversal (short entry beats the long exit); 4: both
    # entries while short: stays; 5: long entry: reversal; 8: long exit.
    assert got.to_list() == [0, 1, 1, -1, -1, 1, 1, 1, 0]
    long_only = df.with_columns(short_entry=False, short_exit=False)
    got = long_only.select(ta.position(*SIGNALS)).to_series()
    assert got.to_list() == [0, 1, 1, 0, 1, 1, 1, 1, 0]


def test_rules_compose() -> None:
    """A moving-average crossover system: long above, short below, from crossings."""
    df = frame(synthetic_ohlcv(500, seed=5))
    fast, slow = ta.ema("close", 10), ta.ema("close", 30)
    up, down = ta.crosses_above(fast, slow), ta.crosses_below(fast, slow)
    held = df.select(ta.position(up, down, down, up).alias("held")).to_series()
    # After the first crossing the position is long exactly where fast > slow (the crossings
    # happen on complete bars of both averages).
    lines = df.select(fast.alias("f"), slow.alias("s"))
    crossed = df.select(up.alias("u"), down.alias("d")).select(pl.any_horizontal("u", "d"))
    first = int(np.argmax(crossed.to_series().fill_null(False).to_numpy()))
    assert first > 0
    above = (lines["f"] > lines["s"]).to_numpy()[first:]
    assert (held.to_numpy()[first:] == np.where(above, 1, -1)).all()


def test_streams_give_python_bools_and_ints() -> None:
    s = ta.stream.crosses_above()
    assert s.update(1.0, 2.0) is None
    assert s.update(3.0, 2.0) is True
    assert s.update(4.0, 2.0) is False
    assert s.peek(1.0, 2.0) is False
    p = ta.stream.position()
    assert p.inputs == list(SIGNALS)
    assert p.update(True, False, False, False) == 1
    assert p.update(0.0, None, 1.0, 0.0) is None  # a missing value: the bar is skipped
    assert p.update(0.0, 0.0, 1.0, 0.0) == -1
    lag = ta.stream.lag(2)
    assert [lag.update(x) for x in (1.0, 2.0, float("nan"), 3.0, 4.0)] == [
        None, None, None, 1.0, 2.0,
    ]  # fmt: skip


def test_panel_frames_keep_the_dtypes() -> None:
    panel = ta.stream.panel("crosses_above", ["X", "Y"])
    tick = pl.DataFrame({"symbol": ["X", "Y"], "close": [1.0, 5.0], "open": [2.0, 4.0]})
    panel.update_frame(tick, columns={"other": "open"})
    tick = pl.DataFrame({"symbol": ["X", "Y"], "close": [3.0, 6.0], "open": [2.0, 4.0]})
    out = panel.update_frame(tick, columns={"other": "open"})
    assert out.schema["value"] == pl.Boolean
    assert out["value"].to_list() == [True, False]
    positions = ta.stream.panel("position", ["X", "Y"])
    tick = pl.DataFrame(
        {
            "symbol": ["Y", "X"],
            "long_entry": [False, True],
            "long_exit": [False, False],
            "short_entry": [True, False],
            "short_exit": [False, False],
        }
    )
    out = positions.update_frame(tick)  # signals read the columns of their names
    assert out.schema["value"] == pl.Int32
    assert out.to_dict(as_series=False) == {"symbol": ["X", "Y"], "value": [1, -1]}


@pytest.mark.parametrize("name", OURS)
def test_docs_state_the_origin(name: str) -> None:
    doc = getattr(ta, name).__doc__ or ""
    assert "not a TA-Lib function" in " ".join(doc.split())
    assert "TA-Lib ``" not in doc
