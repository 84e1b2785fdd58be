"""Vectorised backtests as Polars expressions: positions from the engine's position state
machine, per-bar strategy returns with fees and slippage, equity, trades and statistics.

Definitions (the tests check them against a plain per-bar loop):

- A signal at bar t is known at bar t's close. ``fill="next_open"`` (the default) trades at
  the next bar's open; ``fill="close"`` at the signal bar's close.
- A bar's return is split into the leg of the position held before the fill and the leg of
  the position after it. On a bar without a fill: ``p * (close / prev_close - 1)``. On a fill
  bar, next-open: ``(1 + before * (open / prev_close - 1) - |before| * cost) * (1 + after *
  (close / open - 1) - |after| * cost) - 1``; at the close: ``(1 + before * (close /
  prev_close - 1) - |before| * cost) * (1 - |after| * cost) - 1``, where ``cost = fee +
  slippage`` (fractions of the traded value, paid when a position is opened and when it is
  closed; a reversal pays both).
- Missing closes (null, NaN or infinite) are carried forward for pricing (the move is earned
  on the next bar that has one); a missing open on a fill bar fills at the previous close.
- Statistics annualise with the bars' actual spacing: ``bars_per_year = (bars - 1) / years``
  where ``years`` is the first-to-last timestamp span in 365.2425-day years, so minute bars and
  24/7 markets are annualised as they trade. Sharpe and Sortino use per-bar returns (Sortino's
  downside deviation is the root mean square of the negative returns, zero for the rest).
- A trade is a run of one non-zero position; its return compounds its legs, fees included.
  Win rate counts closed trades only.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import polars as pl

from laakhay.ta import _plugin

YEAR_DAYS = 365.2425
FILLS = ("next_open", "close")


def position(
    long_entry: pl.Expr | str,
    long_exit: pl.Expr | str,
    short_entry: pl.Expr | str | None = None,
    short_exit: pl.Expr | str | None = None,
    *,
    by: str | Sequence[str] | None = None,
) -> pl.Expr:
    """Position after each bar's signals: 1 long, -1 short, 0 flat (the engine's ``position``
    state machine; null signals count as false, so warm-ups never trade)."""
    signals = [_signal(s) for s in (long_entry, long_exit, short_entry, short_exit)]
    return _plugin.call("position", signals, {}, by=by)


def _signal(value: pl.Expr | str | None) -> pl.Expr:
    if value is None:
        return pl.repeat(False, pl.len())
    expr = pl.col(value) if isinstance(value, str) else value
    return expr.fill_null(False).cast(pl.Boolean)


@dataclass
class Backtest:
    """What `run` returns: per-bar rows, trades, per-symbol and portfolio statistics."""

    bars: pl.DataFrame
    """Per bar: keys, ``ts``, ``position`` (after the bar's signals), ``held`` (during the
    bar), ``return``, ``equity``."""
    trades: pl.DataFrame
    """Per trade: keys, ``side``, ``entry_ts`` (fill bar), ``exit_ts`` (null: still open),
    ``bars``, ``return``."""
    stats: pl.DataFrame
    """Per symbol (and parameter set): total_return, cagr, sharpe, sortino, max_drawdown,
    exposure, trades, win_rate, bars, years."""
    portfolio: pl.DataFrame
    """The same statistics for an equal-weight portfolio across symbols (per parameter set):
    each timestamp's return is the mean over the symbols with a bar then; exposure is the
    average share of those symbols holding a position."""

    def with_params(self, params: dict[str, int | float]) -> Backtest:
        """The same results with a column per parameter (a sweep's parameter set) first."""
        columns = [pl.lit(v).alias(k) for k, v in params.items()]

        def tag(frame: pl.DataFrame) -> pl.DataFrame:
            return frame.select(*columns, pl.all()) if columns else frame

        return Backtest(tag(self.bars), tag(self.trades), tag(self.stats), tag(self.portfolio))

    @staticmethod
    def concat(parts: list[Backtest]) -> Backtest:
        """Several parameter sets' results, stacked (long format)."""
        return Backtest(
            pl.concat([p.bars for p in parts]),
            pl.concat([p.trades for p in parts]),
            pl.concat([p.stats for p in parts]),
            pl.concat([p.portfolio for p in parts]),
        )


def run(
    frame: pl.DataFrame | pl.LazyFrame,
    *,
    entry: str,
    exit: str,
    short_entry: str | None = None,
    short_exit: str | None = None,
    by: str | Sequence[str] | None = None,
    ts: str = "ts",
    fill: str = "next_open",
    fee: float = 0.0,
    slippage: float = 0.0,
    open: str = "open",
    close: str = "close",
    params: Sequence[str] = (),
    keep_bars: bool = True,
) -> Backtest:
    """Backtests boolean signal columns of `frame` (e.g. a plan's outputs).

    ``params`` names columns that tell parameter sets apart (a sweep in long format); they
    are kept in every result like the ``by`` keys. ``keep_bars=False`` returns no per-bar
    rows (``bars`` is empty), which saves the memory they take.
    """
    if fill not in FILLS:
        raise ValueError(f"fill must be one of {FILLS}, got {fill!r}")
    for name, value in (("fee", fee), ("slippage", slippage)):
        if not 0 <= value < 1:
            raise ValueError(f"{name} must be a fraction in [0, 1), got {value!r}")
    keys = ([by] if isinstance(by, str) else list(by or [])) + list(params)
    lf = frame.lazy() if isinstance(frame, pl.DataFrame) else frame
    lf = lf.sort([*keys, ts], maintain_order=True)
    bars = _bars(
        lf, keys, entry, exit, short_entry, short_exit, ts, fill, fee + slippage, open, close
    ).collect()
    trades = _trades(bars.lazy(), keys, ts).collect()
    stats = _stats(bars.lazy(), trades.lazy(), keys, ts).collect()
    portfolio_keys = list(params)
    returns = (
        bars.lazy()
        .group_by([*portfolio_keys, ts])
        .agg(pl.col("return").mean(), (pl.col("held") != 0).mean().alias("held"))
        .sort([*portfolio_keys, ts])
        .with_columns(equity=_per((1 + pl.col("return")).cum_prod(), portfolio_keys))
    )
    portfolio = _stats(returns, None, portfolio_keys, ts).collect()
    kept = bars.drop("_leg_old", "_leg_new", "_fill", "_after_open")
    return Backtest(kept if keep_bars else kept.clear(), trades, stats, portfolio)


def _finite(expr: pl.Expr) -> pl.Expr:
    return pl.when(expr.is_finite()).then(expr)


def _per(expr: pl.Expr, keys: list[str]) -> pl.Expr:
    return expr.over(keys) if keys else expr


def _bars(
    lf: pl.LazyFrame,
    keys: list[str],
    entry: str,
    exit: str,
    short_entry: str | None,
    short_exit: str | None,
    ts: str,
    fill: str,
    cost: float,
    open: str,
    close: str,
) -> pl.LazyFrame:
    pos = position(entry, exit, short_entry, short_exit, by=keys or None).cast(pl.Float64)
    # Missing prices (null, NaN, inf: the engine's rule) are carried forward.
    price = _per(_finite(pl.col(close)).forward_fill(), keys)
    prev_close = _per(price.shift(1), keys)
    lf = lf.with_columns(
        position=pos,
        _price=price,
        _prev_close=prev_close,
    ).with_columns(
        _open=_finite(pl.col(open)).fill_null(pl.col("_prev_close")),
        _p1=_per(pl.col("position").shift(1), keys).fill_null(0.0),
        _p2=_per(pl.col("position").shift(2), keys).fill_null(0.0),
    )
    if fill == "next_open":
        before, after = pl.col("_p2"), pl.col("_p1")
        changed_old = before * (pl.col("_open") / pl.col("_prev_close") - 1) - before.abs() * cost
        changed_new = after * (pl.col("_price") / pl.col("_open") - 1) - after.abs() * cost
        held = after
    else:
        before, after = pl.col("_p1"), pl.col("position")
        changed_old = before * (pl.col("_price") / pl.col("_prev_close") - 1) - before.abs() * cost
        changed_new = -after.abs() * cost
        held = before
    steady = before * (pl.col("_price") / pl.col("_prev_close") - 1)
    is_fill = before != after
    lf = (
        lf.with_columns(
            _fill=is_fill,
            _leg_old=pl.when(is_fill).then(changed_old).otherwise(steady).fill_null(0.0),
            _leg_new=pl.when(is_fill).then(changed_new).otherwise(0.0).fill_null(0.0),
            held=held,
        )
        .with_columns(
            **{"return": (1 + pl.col("_leg_old")) * (1 + pl.col("_leg_new")) - 1},
        )
        .with_columns(equity=_per((1 + pl.col("return")).cum_prod(), keys))
    )
    return lf.select(
        *keys,
        ts,
        "position",
        "held",
        "return",
        "equity",
        "_leg_old",
        "_leg_new",
        "_fill",
        pl.col("_p1").alias("_after_open")
        if fill == "next_open"
        else pl.col("position").alias("_after_open"),
    )


def _trades(bars: pl.LazyFrame, keys: list[str], ts: str) -> pl.LazyFrame:
    # Segments of one position start at fill bars; a fill bar's old leg closes the previous
    # segment, its new leg opens the next one.
    seg = _per(pl.col("_fill").cast(pl.Int64).cum_sum(), keys)
    legs = bars.with_columns(_segment=seg)
    never = pl.lit(False)
    old = legs.select(
        *keys,
        (pl.col("_segment") - pl.col("_fill").cast(pl.Int64)).alias("_segment"),
        pl.col("_leg_old").alias("_leg"),
        pl.when(never).then(pl.col(ts)).alias("_start"),
        pl.when(pl.col("_fill")).then(pl.col(ts)).alias("_end"),
        pl.lit(None, dtype=pl.Float64).alias("_side"),
    )
    new = legs.filter(pl.col("_fill")).select(
        *keys,
        "_segment",
        pl.col("_leg_new").alias("_leg"),
        pl.col(ts).alias("_start"),
        pl.when(never).then(pl.col(ts)).alias("_end"),
        pl.col("_after_open").alias("_side"),
    )
    return (
        pl.concat([old, new])
        .group_by([*keys, "_segment"])
        .agg(
            pl.col("_side").drop_nulls().first().alias("side"),
            pl.col("_start").drop_nulls().first().alias("entry_ts"),
            pl.col("_end").drop_nulls().first().alias("exit_ts"),
            (pl.len() - 1).alias("bars"),
            ((1 + pl.col("_leg")).product() - 1).alias("return"),
        )
        .filter(pl.col("side").is_not_null() & (pl.col("side") != 0))
        .sort([*keys, "entry_ts"])
        .select(*keys, pl.col("side").cast(pl.Int32), "entry_ts", "exit_ts", "bars", "return")
    )


def _stats(
    bars: pl.LazyFrame, trades: pl.LazyFrame | None, keys: list[str], ts: str
) -> pl.LazyFrame:
    r = pl.col("return")
    span = (pl.col(ts).max() - pl.col(ts).min()).dt.total_microseconds() / 1e6
    years = span / (YEAR_DAYS * 86_400)
    per_year = (pl.len() - 1) / years
    downside = (pl.when(r < 0).then(r).otherwise(0.0) ** 2).mean().sqrt()
    equity = pl.col("equity")
    aggregates = [
        (equity.last() - 1).alias("total_return"),
        (equity.last() ** (1 / years) - 1).alias("cagr"),
        (r.mean() / r.std() * per_year.sqrt()).alias("sharpe"),
        (r.mean() / downside * per_year.sqrt()).alias("sortino"),
        (equity / equity.cum_max() - 1).min().clip(upper_bound=0.0).alias("max_drawdown"),
        # A symbol's held position is -1, 0 or 1; a portfolio's the share of symbols in one.
        pl.col("held").abs().mean().alias("exposure"),
        pl.len().alias("bars"),
        years.alias("years"),
    ]
    grouped = bars.group_by(keys, maintain_order=True) if keys else None
    stats = grouped.agg(aggregates) if grouped is not None else bars.select(aggregates)
    if trades is None:
        return stats
    counted = (
        trades.group_by(keys).agg(
            pl.len().alias("trades"),
            ((pl.col("return") > 0) & pl.col("exit_ts").is_not_null()).sum().alias("_wins"),
            pl.col("exit_ts").is_not_null().sum().alias("_closed"),
        )
        if keys
        else trades.select(
            pl.len().alias("trades"),
            ((pl.col("return") > 0) & pl.col("exit_ts").is_not_null()).sum().alias("_wins"),
            pl.col("exit_ts").is_not_null().sum().alias("_closed"),
        )
    )
    joined = (
        stats.join(counted, on=keys, how="left")
        if keys
        else pl.concat([stats, counted], how="horizontal")
    )
    return joined.with_columns(
        pl.col("trades").fill_null(0),
        pl.when(pl.col("_closed") > 0).then(pl.col("_wins") / pl.col("_closed")).alias("win_rate"),
    ).drop("_wins", "_closed")
