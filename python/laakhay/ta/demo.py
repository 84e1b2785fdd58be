"""`make demo`: a lazy multi-symbol pipeline on built-in synthetic data, the same RSI
stepped live for every symbol by one stream panel, a strategy compiled from the DSL, and a
chart of one symbol (``demo-chart.html``).

Run with ``python -m laakhay.ta.demo``.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import polars as pl

from laakhay import ta


def main(chart: str | Path | None = "demo-chart.html") -> None:
    symbols = ["AAA", "BBB", "CCC", "DDD"]
    bars = ta.sample_ohlcv(n_bars=300, symbols=symbols, seed=7)
    print(f"Input: {bars.height} bars of SYNTHETIC OHLCV (seeded random walk, not market data)")
    print(f"for {len(symbols)} symbols: {', '.join(symbols)}.\n")

    # `by="symbol"` computes each symbol on its own (any row order); results are named after
    # the indicator and its parameters, so nothing collides with an input column.
    per_symbol = (
        bars.lazy()
        .with_columns(
            ta.sma("close", 20, by="symbol"),
            ta.ema("close", 20, by="symbol"),
            ta.rsi("close", 14, by="symbol"),
            ta.atr(14, by="symbol"),
            ta.adx(14, by="symbol"),
            ta.macd("close", by="symbol"),
            ta.bbands("close", 20, by="symbol"),
        )
        .unnest("macd_12_26_9", "bbands_20_2_2_sma", separator=".")
        .group_by("symbol", maintain_order=True)
        .agg(pl.all().exclude("bar").last(), pl.col("bar").max().alias("last_bar"))
        .select(
            "symbol",
            "last_bar",
            "close",
            "sma_20",
            "ema_20",
            "rsi_14",
            "atr_14",
            "adx_14",
            "macd_12_26_9.macd",
            "macd_12_26_9.signal",
            "bbands_20_2_2_sma.upper",
            "bbands_20_2_2_sma.lower",
        )
    )
    with pl.Config(tbl_cols=-1, tbl_width_chars=160, float_precision=3):
        print("Last bar per symbol (each indicator computed per symbol with by='symbol'):")
        print(per_symbol.collect())

    live(bars, symbols)
    strategy(bars)
    if chart is not None:
        draw(bars, Path(chart))

    cat = ta.catalog()
    groups = cat.group_by("group", maintain_order=True).len()
    summary = ", ".join(f"{g} {n}" for g, n in groups.iter_rows())
    print(f"\nCatalog: {cat.height} indicators ({summary}).")


def live(bars: pl.DataFrame, symbols: list[str]) -> None:
    """The same RSI live: one panel for all symbols, fed every bar a tick at a time (one
    array of closes per tick); its last values equal the batch result's."""
    panel = ta.stream.panel("rsi", symbols, timeperiod=14)
    wide = bars.pivot(on="symbol", index="bar", values="close").select(symbols)
    for tick in wide.iter_rows():
        values = panel.update(np.array(tick))
    batch = bars.group_by("symbol", maintain_order=True).agg(
        ta.rsi("close", 14).last().alias("rsi_14")
    )
    print("\nLive: RSI(14) stepped a tick at a time for all symbols by one panel")
    for symbol, value, expected in zip(symbols, values, batch["rsi_14"], strict=True):
        print(f"  {symbol}: {value:.6f} (batch {expected:.6f})")


def strategy(bars: pl.DataFrame) -> None:
    """A strategy in the DSL: compiled to one lazy plan, explained, run and backtested."""
    plan = ta.compile(
        {
            "fast": "ema(close, 12)",
            "slow": "ema(close, 26)",
            "entry": "crosses_above(fast, slow) and rsi(close, 14) < 70",
            "exit": "crosses_below(fast, slow) or close < lowest(low, 20)[1]",
        },
        by="symbol",
        ts="ts",
    )
    print("\nStrategy: ta.compile(...) -> plan.explain()")
    print(plan.explain())
    timed = bars.with_columns(ts=pl.datetime(2024, 1, 2) + pl.duration(days=pl.col("bar")))
    signals = plan.apply(timed)
    counts = signals.group_by("symbol", maintain_order=True).agg(
        pl.col("entry").sum().alias("entries"), pl.col("exit").sum().alias("exits")
    )
    result = plan.backtest(timed, fee=0.0005)
    with pl.Config(tbl_cols=-1, tbl_width_chars=160, float_precision=3):
        print("Signals per symbol:")
        print(counts)
        print("Backtest (next-open fills, 5 bp fee), per symbol:")
        print(result.stats.select("symbol", "total_return", "sharpe", "max_drawdown", "trades"))


def draw(bars: pl.DataFrame, path: Path) -> None:
    """One symbol's candles with Bollinger Bands, SAR, swing pivots, RSI and MACD, placed by
    the catalog's plot hints, as a standalone HTML page."""
    try:
        from laakhay.ta.plot import write_html
    except ImportError:  # pragma: no cover - plotly is in the `plot` extra
        print("\nChart: skipped (pip install 'laakhay-ta[plot]')")
        return
    try:
        figure = ta.plot(
            bars.with_columns(ts=pl.datetime(2024, 1, 2) + pl.duration(days=pl.col("bar"))),
            "bbands",
            "sar",
            ta.pivot_high(),
            ta.pivot_low(),
            "rsi",
            "macd",
            symbol="AAA",
            title="AAA (synthetic): laakhay-ta demo",
        )
    except ImportError:
        print("\nChart: skipped (pip install 'laakhay-ta[plot]')")
        return
    written = write_html(figure, path)
    print(f"\nChart: {written} (open it in a browser)")


if __name__ == "__main__":
    main()
