"""Built-in deterministic sample data (synthetic, not market data)."""

from __future__ import annotations

import math
import random
from collections.abc import Sequence

import polars as pl


def sample_ohlcv(
    n_bars: int = 500, symbols: Sequence[str] = ("SYN",), seed: int = 7
) -> pl.DataFrame:
    """Synthetic OHLCV bars: a seeded geometric random walk per symbol.

    The same arguments always give the same frame (Python's Mersenne Twister). Prices are
    synthetic and labelled so; they are for demos, docs and tests, not for research.

    Parameters
    ----------
    n_bars
        Bars per symbol.
    symbols
        Symbol names; each gets its own walk.
    seed
        Random seed.

    Returns
    -------
    polars.DataFrame
        Columns ``symbol``, ``bar`` (0-based index per symbol), ``open``, ``high``, ``low``,
        ``close`` (Float64) and ``volume`` (Int64), sorted by symbol then bar.

    Examples
    --------
    >>> from laakhay import ta
    >>> df = ta.sample_ohlcv(3, symbols=["A", "B"])
    >>> df.shape, df.columns
    ((6, 7), ['symbol', 'bar', 'open', 'high', 'low', 'close', 'volume'])
    >>> bool((df["high"] >= df["low"]).all())
    True
    """
    rng = random.Random(seed)
    cols: dict[str, list[float] | list[int] | list[str]] = {}
    sym: list[str] = []
    bar: list[int] = []
    o: list[float] = []
    h: list[float] = []
    lo: list[float] = []
    c: list[float] = []
    v: list[int] = []
    for s in symbols:
        price = 50.0 + 100.0 * rng.random()
        for i in range(n_bars):
            open_ = price
            price *= math.exp(rng.gauss(0.0, 0.02))
            wick = abs(rng.gauss(0.0, 0.01)) * price
            sym.append(s)
            bar.append(i)
            o.append(open_)
            c.append(price)
            h.append(max(open_, price) + wick * rng.random())
            lo.append(min(open_, price) - wick * rng.random())
            v.append(rng.randint(1_000, 100_000))
    cols = {"symbol": sym, "bar": bar, "open": o, "high": h, "low": lo, "close": c, "volume": v}
    return pl.DataFrame(
        cols,
        schema={
            "symbol": pl.String,
            "bar": pl.Int64,
            "open": pl.Float64,
            "high": pl.Float64,
            "low": pl.Float64,
            "close": pl.Float64,
            "volume": pl.Int64,
        },
    )
