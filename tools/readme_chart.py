"""Writes docs/chart.png, the chart the README shows, with `ta.plot` (needs plotly and a
headless Chromium: `make browser`). Synthetic data, so anyone can make the same picture."""

from __future__ import annotations

import sys
from pathlib import Path

import polars as pl
from laakhay import ta
from laakhay.ta.plot import write_png

TARGET = Path(__file__).resolve().parents[1] / "docs" / "chart.png"


def main() -> int:
    bars = ta.sample_ohlcv(240, seed=11).with_columns(
        ts=pl.datetime(2024, 1, 2, 9, 30) + pl.duration(hours=pl.col("bar"))
    )
    figure = ta.plot(
        bars,
        ("bbands", {"period": 20}),
        "sar",
        ta.pivot_high(),
        ta.pivot_low(),
        "cdlengulfing",
        "rsi",
        "macd",
        ("adx", {}),
        "plus_di",
        "minus_di",
        height=900,
    )
    write_png(figure, TARGET, width=1300, height=900)
    print(f"wrote {TARGET}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
