"""Bad input gets a clear Python exception naming the parameter or column; nothing panics."""

from __future__ import annotations

import polars as pl
import pytest
from conftest import ENTRIES, free_inputs, talib_params
from laakhay import ta
from polars.exceptions import ColumnNotFoundError, ComputeError


@pytest.fixture
def df() -> pl.DataFrame:
    return ta.sample_ohlcv(50)


@pytest.mark.parametrize("period", [0, 1, -3, 100_001])
def test_period_out_of_range(period: int) -> None:
    with pytest.raises(ValueError, match=r"rsi: parameter 'period' must be between 2 and 100000"):
        ta.rsi("close", period)


def test_every_indicator_rejects_out_of_range_params() -> None:
    for entry in ENTRIES:
        fn = getattr(ta, entry["name"])
        for p in talib_params(entry):
            if p["kind"] == "float":
                continue
            with pytest.raises(ValueError, match=f"parameter '{p['name']}'"):
                fn(**free_inputs(entry), **{p["name"]: int(p["min"]) - 1})
            with pytest.raises(ValueError, match=f"parameter '{p['name']}'"):
                fn(**free_inputs(entry), **{p["name"]: int(p["max"]) + 1})


def test_candle_settings_are_checked() -> None:
    with pytest.raises(ValueError, match="parameter 'body_doji_period'"):
        huge = ta.CandleSetting("high_low", 100_001, 0.1)
        ta.cdldoji(settings=ta.CandleSettings().replace(body_doji=huge))
    with pytest.raises(ValueError, match="range must be one of"):
        ta.CandleSetting("body", 10, 0.1)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="unknown candle settings preset 'nope'"):
        ta.cdldoji(settings="nope")
    with pytest.raises(TypeError, match="'settings' must be a CandleSettings"):
        ta.cdldoji(settings=3)  # type: ignore[arg-type]


def test_float_param_out_of_range() -> None:
    with pytest.raises(ValueError, match="parameter 'vfactor' must be between 0 and 1"):
        ta.t3("close", vfactor=1.5)
    with pytest.raises(ValueError, match="parameter 'acceleration' must be a finite number"):
        ta.sar(acceleration=float("nan"))


def test_wrong_param_types() -> None:
    with pytest.raises(TypeError, match="parameter 'period' must be a number \\(int\\), got '14'"):
        ta.sma("close", "14")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="parameter 'period' must be a number, got bool"):
        ta.sma("close", True)
    with pytest.raises(ValueError, match="parameter 'period' must be a whole number"):
        ta.sma("close", 14.5)  # type: ignore[arg-type]


def test_unknown_keyword() -> None:
    with pytest.raises(TypeError, match="unexpected keyword argument 'periods'"):
        ta.rsi("close", periods=14)  # type: ignore[call-arg]


def test_number_where_a_series_belongs() -> None:
    with pytest.raises(
        TypeError, match="rsi: input 'expr' must be a column name or a polars expression"
    ):
        ta.rsi(14)  # type: ignore[arg-type]


def test_string_column(df: pl.DataFrame) -> None:
    with pytest.raises(
        ComputeError, match=r"rsi: input 'expr' \(column \"symbol\"\) must be numeric"
    ):
        df.select(ta.rsi("symbol"))


def test_missing_column(df: pl.DataFrame) -> None:
    with pytest.raises(ColumnNotFoundError, match="nope"):
        df.select(ta.rsi("nope"))
    with pytest.raises(ColumnNotFoundError, match="hi"):
        df.select(ta.atr(high="hi"))


def test_unknown_indicator_lookup() -> None:
    with pytest.raises(KeyError, match="unknown indicator 'rsx'; did you mean"):
        ta.info("rsx")


def test_plugin_revalidates_kwargs(df: pl.DataFrame) -> None:
    """The plugin checks again (plans can be built by hand or unpickled from elsewhere)."""
    from pathlib import Path

    from polars.plugins import register_plugin_function

    expr = register_plugin_function(
        plugin_path=Path(ta.__file__).parent,
        function_name="ta_indicator",
        args=[pl.col("close")],
        kwargs={"name": "rsi", "params": [0.0]},
        is_elementwise=False,
    )
    with pytest.raises(ComputeError, match="rsi: parameter 'period' must be between 2"):
        df.select(expr)
    bogus = register_plugin_function(
        plugin_path=Path(ta.__file__).parent,
        function_name="ta_indicator",
        args=[pl.col("close")],
        kwargs={"name": "nope", "params": []},
        is_elementwise=False,
    )
    with pytest.raises(ComputeError, match="unknown indicator 'nope'"):
        df.select(bogus)


def test_numpy_and_other_numbers_are_parameters() -> None:
    import fractions

    import numpy as np

    df = ta.sample_ohlcv(60)
    want = df.select(ta.sma("close", 10)).to_series()
    for period in (np.int64(10), np.int32(10), np.uint8(10), 10.0, np.float64(10.0)):
        assert df.select(ta.sma("close", period)).to_series().equals(want)  # type: ignore[arg-type]
    for period in np.arange(5, 8):
        assert ta.lookback("sma", period) == period - 1
    assert ta.lookback("t3", 5, fractions.Fraction(7, 10)) == ta.lookback("t3", 5, 0.7)
    with pytest.raises(TypeError, match="parameter 'period' must be a number, got bool"):
        ta.sma("close", np.bool_(True))  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="parameter 'period' must be a whole number"):
        ta.sma("close", np.float64(10.5))  # type: ignore[arg-type]


def test_lookback_takes_parameters_positionally() -> None:
    assert ta.lookback("rsi", 14) == ta.lookback("rsi", period=14) == 14
    assert ta.lookback("macd", 5, 13, 4) == ta.lookback(
        "macd", fast_period=5, slow_period=13, signal_period=4
    )
    with pytest.raises(TypeError, match="takes 1 parameters"):
        ta.lookback("rsi", 14, 3)
    with pytest.raises(TypeError, match="given twice"):
        ta.lookback("rsi", 14, period=3)


def test_huge_integers_are_reported_exactly() -> None:
    with pytest.raises(ValueError, match=r"between 2 and 100000, got 9223372036854775808$"):
        ta.rsi("close", 2**63)


def test_parameters_are_resolved_by_the_engine() -> None:
    """Names, TA-Lib aliases and moving-average names go through the engine's resolution."""
    assert ta.lookback("ma", period=10, ma_type="ema") == ta.lookback("ma", 10, ta.MaType.EMA)
    assert ta.lookback("macd", fastperiod=5, slowperiod=13, signalperiod=4) == ta.lookback(
        "macd", 5, 13, 4
    )
    with pytest.raises(TypeError, match="names no moving-average type: 'nope'"):
        ta.ma("close", 10, "nope")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="unknown parameter 'periods'"):
        ta.lookback("rsi", periods=3)
