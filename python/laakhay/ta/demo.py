"""`make demo`: a lazy multi-symbol pipeline on built-in synthetic data.

Run with ``python -m laakhay.ta.demo``.
"""

from __future__ import annotations

import polars as pl

from laakhay import ta


def main() -> None:
    symbols = ["AAA", "BBB", "CCC", "DDD"]
    bars = ta.sample_ohlcv(n_bars=300, symbols=symbols, seed=7)
    print(f"Input: {bars.height} bars of SYNTHETIC OHLCV (seeded random walk, not market data)")
    print(f"for {len(symbols)} symbols: {', '.join(symbols)}.\n")

    per_symbol = (
        bars.lazy()
        .with_columns(
            ta.sma("close", 20).over("symbol"),
            ta.ema("close", 20).over("symbol"),
            ta.rsi("close", 14).over("symbol"),
            ta.atr(14).over("symbol"),
            ta.adx(14).over("symbol"),
            ta.macd("close").over("symbol"),
            ta.bbands("close", 20).over("symbol"),
        )
        .unnest("macd", "bbands", separator="_")
        .group_by("symbol", maintain_order=True)
        .agg(pl.all().exclude("bar").last(), pl.col("bar").max().alias("last_bar"))
        .select(
            "symbol",
            "last_bar",
            "close",
            "sma",
            "ema",
            "rsi",
            "atr",
            "adx",
            "macd_macd",
            "macd_signal",
            "bbands_upper",
            "bbands_lower",
        )
    )
    with pl.Config(tbl_cols=-1, tbl_width_chars=160, float_precision=3):
        print("Last bar per symbol (each indicator computed per symbol with .over('symbol')):")
        print(per_symbol.collect())

    cat = ta.catalog()
    groups = cat.group_by("group", maintain_order=True).len()
    summary = ", ".join(f"{g} {n}" for g, n in groups.iter_rows())
    print(f"\nCatalog: {cat.height} indicators ({summary}).")


if __name__ == "__main__":
    main()
