"""Backtests: the position state machine and returns, equity, trades and statistics against a
plain per-bar Python loop written from the documented rules, on minute data with gaps."""

from __future__ import annotations

import math
from datetime import datetime, timedelta
from typing import Any

import numpy as np
import polars as pl
import pytest
from laakhay import ta
from laakhay.ta import backtest

YEAR_SECONDS = 365.2425 * 86_400


def next_position(pos: int, le: bool, lx: bool, se: bool, sx: bool) -> int:
    if pos == 0:
        if le and not se:
            return 1
        if se and not le:
            return -1
        return 0
    if pos == 1:
        if se and not le:
            return -1
        return 0 if lx else 1
    if le and not se:
        return 1
    return 0 if sx else -1


def loop(rows: list[dict[str, Any]], fill: str, cost: float) -> dict[str, Any]:
    """One symbol, bar by bar: positions, returns, equity and trades."""
    positions, returns, held = [], [], []
    pos, price, trades = 0, None, []
    current: dict[str, Any] | None = None
    for t, row in enumerate(rows):
        flag = [bool(row[k]) if row[k] is not None else False for k in ("le", "lx", "se", "sx")]
        if row["close"] is not None and not math.isfinite(row["close"]):
            row = {**row, "close": None}
        if row["open"] is not None and not math.isfinite(row["open"]):
            row = {**row, "open": None}
        pos = next_position(pos, *flag)
        positions.append(pos)
        prev_price = price
        if row["close"] is not None:
            price = row["close"]
        if fill == "next_open":
            before = positions[t - 2] if t >= 2 else 0
            after = positions[t - 1] if t >= 1 else 0
        else:
            before = positions[t - 1] if t >= 1 else 0
            after = pos
        held.append(after if fill == "next_open" else before)
        if prev_price is None or price is None:
            old = new = 0.0
        elif before == after:
            old, new = before * (price / prev_price - 1), 0.0
        else:
            if fill == "next_open":
                opened = row["open"] if row["open"] is not None else prev_price
                old = before * (opened / prev_price - 1) - abs(before) * cost
                new = after * (price / opened - 1) - abs(after) * cost
            else:
                old = before * (price / prev_price - 1) - abs(before) * cost
                new = -abs(after) * cost
        if current is not None:
            current["growth"] *= 1 + old
            current["bars"] += 1
            if before != after:
                current["exit"] = row["ts"]
                trades.append(current)
                current = None
        if before != after and after != 0:
            current = {
                "side": after,
                "entry": row["ts"],
                "exit": None,
                "growth": 1 + new,
                "bars": 0,
            }
        returns.append((1 + old) * (1 + new) - 1)
    if current is not None:
        trades.append(current)
    equity = np.cumprod(1 + np.array(returns))
    return {
        "position": positions,
        "return": returns,
        "equity": equity,
        "held": held,
        "trades": trades,
    }


def statistics(
    ts: list[datetime], returns: list[float], equity: np.ndarray, held: list[int]
) -> dict[str, float]:
    r = np.array(returns)
    years = (ts[-1] - ts[0]).total_seconds() / YEAR_SECONDS
    per_year = (len(r) - 1) / years
    downside = math.sqrt(np.mean(np.minimum(r, 0.0) ** 2))
    peaks = np.maximum.accumulate(equity)
    return {
        "total_return": equity[-1] - 1,
        "cagr": equity[-1] ** (1 / years) - 1,
        "sharpe": r.mean() / r.std(ddof=1) * math.sqrt(per_year),
        "sortino": r.mean() / downside * math.sqrt(per_year),
        "max_drawdown": min(0.0, float(np.min(equity / peaks - 1))),
        "exposure": float(np.mean(np.array(held) != 0)),
    }


@pytest.fixture(scope="module")
def minutes() -> pl.DataFrame:
    """Two symbols of 24/7 minute bars with gaps (missing minutes) and a missing close."""
    rng = np.random.default_rng(5)
    frames = []
    for symbol in ("A", "B"):
        n = 2_000
        close = 100 * np.exp(np.cumsum(rng.normal(0, 0.002, n)))
        ts = [datetime(2024, 3, 1) + timedelta(minutes=k) for k in range(n)]
        frame = pl.DataFrame(
            {
                "symbol": symbol,
                "ts": ts,
                "open": close * (1 + rng.normal(0, 0.0005, n)),
                "high": close * 1.001,
                "low": close * 0.999,
                "close": close,
                "volume": rng.integers(1, 100, n).astype(float),
            }
        )
        keep = rng.random(n) > 0.1  # 10% of the minutes are missing
        row = pl.int_range(pl.len())
        frame = frame.filter(pl.Series(keep)).with_columns(
            close=pl.when(row == 700)
            .then(None)
            .when(row == 900)
            .then(float("nan"))
            .otherwise(pl.col("close")),
            open=pl.when(row == 1200).then(float("inf")).otherwise(pl.col("open")),
        )
        frames.append(frame)
    return pl.concat(frames).sort("ts", "symbol")  # interleaved


PROGRAM = {
    "entry": "crosses_above(ema(close, 10), ema(close, 40))",
    "exit": "crosses_below(ema(close, 10), ema(close, 40))",
    "short": "crosses_below(ema(close, 10), ema(close, 40)) and rsi(close, 14) < 45",
    "cover": "rsi(close, 14) < 30",
}


@pytest.mark.parametrize("fill", ["next_open", "close"])
@pytest.mark.parametrize("shorts", [False, True])
def test_backtest_equals_a_per_bar_loop(minutes: pl.DataFrame, fill: str, shorts: bool) -> None:
    plan = ta.compile(PROGRAM, by="symbol", ts="ts")
    kwargs = {"short_entry": "short", "short_exit": "cover"} if shorts else {}
    result = plan.backtest(minutes, fill=fill, fee=0.0005, slippage=0.0002, **kwargs)
    signals = plan.apply(minutes)
    for symbol in ("A", "B"):
        part = signals.filter(pl.col("symbol") == symbol).sort("ts")
        rows = [
            {
                "ts": r["ts"],
                "open": r["open"],
                "close": r["close"],
                "le": r["entry"],
                "lx": r["exit"],
                "se": r["short"] if shorts else None,
                "sx": r["cover"] if shorts else None,
            }
            for r in part.iter_rows(named=True)
        ]
        expected = loop(rows, fill, 0.0007)
        bars = result.bars.filter(pl.col("symbol") == symbol)
        assert bars["position"].to_list() == expected["position"]
        np.testing.assert_allclose(
            bars["return"].to_numpy(), expected["return"], rtol=1e-12, atol=1e-15
        )
        np.testing.assert_allclose(bars["equity"].to_numpy(), expected["equity"], rtol=1e-9)
        stats = result.stats.filter(pl.col("symbol") == symbol).row(0, named=True)
        for key, value in statistics(
            part["ts"].to_list(), expected["return"], expected["equity"], expected["held"]
        ).items():
            assert stats[key] == pytest.approx(value, rel=1e-9, abs=1e-12), key
        trades = result.trades.filter(pl.col("symbol") == symbol)
        assert stats["trades"] == len(expected["trades"]) == trades.height
        assert trades["side"].to_list() == [t["side"] for t in expected["trades"]]
        assert trades["entry_ts"].to_list() == [t["entry"] for t in expected["trades"]]
        assert trades["exit_ts"].to_list() == [t["exit"] for t in expected["trades"]]
        assert trades["bars"].to_list() == [t["bars"] for t in expected["trades"]]
        np.testing.assert_allclose(
            trades["return"].to_numpy(), [t["growth"] - 1 for t in expected["trades"]], rtol=1e-9
        )
        closed = [t for t in expected["trades"] if t["exit"] is not None]
        wins = sum(t["growth"] > 1 for t in closed) / len(closed) if closed else None
        assert stats["win_rate"] == pytest.approx(wins)
        assert len(expected["trades"]) > 3  # the data exercises trades


def test_portfolio_is_the_equal_weight_mean(minutes: pl.DataFrame) -> None:
    plan = ta.compile(PROGRAM, by="symbol", ts="ts")
    result = plan.backtest(minutes)
    per_ts = result.bars.group_by("ts").agg(pl.col("return").mean()).sort("ts")
    equity = np.cumprod(1 + per_ts["return"].to_numpy())
    held = result.bars.group_by("ts").agg((pl.col("held") != 0).mean()).sort("ts")["held"]
    expected = statistics(
        per_ts["ts"].to_list(), per_ts["return"].to_list(), equity, held.to_list()
    )
    row = result.portfolio.row(0, named=True)
    assert row["exposure"] == pytest.approx(float(held.mean()))
    for key in ("total_return", "cagr", "sharpe", "sortino", "max_drawdown"):
        assert row[key] == pytest.approx(expected[key], rel=1e-9), key


def test_sweep_is_long_format_and_matches_single_runs(minutes: pl.DataFrame) -> None:
    program = {
        "entry": "crosses_above(ema(close, $fast), ema(close, $slow))",
        "exit": "crosses_below(ema(close, $fast), ema(close, $slow))",
    }
    grid = {"fast": [5, 10], "slow": [30, 60]}
    sweep = ta.compile(program, by="symbol", ts="ts", grid=grid).backtest(minutes, fee=0.001)
    assert sweep.stats.height == 2 * 4
    assert set(sweep.stats.columns) >= {"symbol", "fast", "slow", "sharpe", "win_rate"}
    for fast in (5, 10):
        for slow in (30, 60):
            single = {
                k: v.replace("$fast", str(fast)).replace("$slow", str(slow))
                for k, v in program.items()
            }
            alone = ta.compile(single, by="symbol", ts="ts").backtest(minutes, fee=0.001)
            got = sweep.stats.filter((pl.col("fast") == fast) & (pl.col("slow") == slow))
            assert got.drop("fast", "slow").sort("symbol").equals(alone.stats.sort("symbol"))


def test_position_needs_no_warmup_and_treats_null_as_no_signal() -> None:
    df = pl.DataFrame(
        {
            "le": [None, True, False, False, None, False],
            "lx": [None, False, False, True, False, False],
        }
    )
    out = df.select(backtest.position("le", "lx"))
    assert out.to_series().to_list() == [0, 1, 1, 0, 0, 0]


def test_bad_options_are_named() -> None:
    plan = ta.compile({"entry": "close > open", "exit": "close < open"}, by="symbol")
    with pytest.raises(ta.DslError, match="ts="):
        plan.backtest(pl.DataFrame())
    plan = ta.compile({"entry": "close > open", "exit": "close < open"}, ts="ts")
    with pytest.raises(ta.DslError, match="no output 'exits'"):
        plan.backtest(pl.DataFrame(), exit="exits")
    with pytest.raises(ValueError, match="fill"):
        backtest.run(pl.DataFrame(), entry="a", exit="b", fill="open")
