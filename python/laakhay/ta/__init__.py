"""Laakhay TA: technical indicators for Polars, computed by Rust kernels.

Use the typed functions (``ta.rsi("close", 14)``, ``ta.atr(14)``) or the ``.ta`` expression
namespace (``pl.col("close").ta.rsi(14)``) in any Polars pipeline: eager, lazy, ``.over()``
and the streaming engine. Every value comes from ``ta-engine``; semantics follow TA-Lib 0.8.
"""

from __future__ import annotations

from laakhay.ta import distributed, dsl, stream
from laakhay.ta import namespace as _namespace  # registers the `.ta` namespace
from laakhay.ta._catalog import catalog, info, lookback, output_name
from laakhay.ta._engine import __version__
from laakhay.ta.anchors import session_elapsed, session_start
from laakhay.ta.candles import CANDLE_PRESETS, CandleSetting, CandleSettings
from laakhay.ta.datasets import sample_ohlcv
from laakhay.ta.dsl import DslError, Plan, compile
from laakhay.ta.indicators import *  # noqa: F403
from laakhay.ta.indicators import __all__ as _indicator_names
from laakhay.ta.plot import plot

__all__ = [
    "CANDLE_PRESETS",
    "CandleSetting",
    "CandleSettings",
    "DslError",
    "Plan",
    "__version__",
    "catalog",
    "compile",
    "distributed",
    "dsl",
    "info",
    "lookback",
    "output_name",
    "plot",
    "sample_ohlcv",
    "session_elapsed",
    "session_start",
    "stream",
    *_indicator_names,
]
del _namespace
