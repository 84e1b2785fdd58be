"""Higher timeframes in the DSL: the visibility rule (a higher-timeframe bar shows from the
first base bar whose close time reaches its close time), checked by hand on 12 bars and
against a plain-Python reference on gaps, DST, calendar months, sessions and panels."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import numpy as np
import polars as pl
import pytest
from laakhay import ta
from polars.testing import assert_frame_equal

MINUTE = timedelta(minutes=1)


def twelve_bars(stamp: str = "open") -> pl.DataFrame:
    """1m bars opening 09:00..09:11; bar 09:0k closes at k + 0.1."""
    opens = [datetime(2024, 1, 2, 9, 0) + k * MINUTE for k in range(12)]
    ts = opens if stamp == "open" else [t + MINUTE for t in opens]
    k = np.arange(12, dtype=float)
    return pl.DataFrame(
        {"ts": ts, "open": k, "high": k + 0.5, "low": k - 0.5, "close": k + 0.1, "volume": 1.0}
    )


def test_the_worked_table_open_stamps() -> None:
    out = ta.compile("close@5m", ts="ts", base="1m").apply(twelve_bars())
    assert out["signal"].to_list() == [None] * 4 + [4.1] * 5 + [9.1] * 3


def test_the_worked_table_close_stamps() -> None:
    plan = ta.compile("close@5m", ts="ts", base="1m", stamp="close")
    out = plan.apply(twelve_bars("close"))
    assert out["signal"].to_list() == [None] * 4 + [4.1] * 5 + [9.1] * 3


def test_higher_timeframe_bars_aggregate_ohlcv() -> None:
    plan = ta.compile(
        {"o": "open@5m", "h": "high@5m", "l": "low@5m", "v": "volume@5m", "r": "(high - low)@5m"},
        ts="ts",
        base="1m",
    )
    row = plan.apply(twelve_bars()).row(4, named=True)  # 09:04 sees the 09:00-09:05 bar
    assert (row["o"], row["h"], row["l"], row["v"], row["r"]) == (0.0, 4.5, -0.5, 5.0, 5.0)


def test_a_gap_at_the_end_of_a_bucket() -> None:
    bars = twelve_bars().filter(pl.col("ts").dt.minute() != 4)  # 09:04 is missing
    out = ta.compile("close@5m", ts="ts", base="1m").apply(bars)
    # The first bucket closes at 09:05 with 09:03's close; 09:05 (closing 09:06) sees it.
    assert out["signal"].to_list() == [None] * 4 + [3.1] * 4 + [9.1] * 3


def test_a_partial_leading_bucket_never_shows() -> None:
    bars = twelve_bars().filter(pl.col("ts").dt.minute() >= 2)  # starts mid-bucket
    out = ta.compile("close@5m", ts="ts", base="1m").apply(bars)
    assert out["signal"].to_list() == [None] * 7 + [9.1] * 3


def test_history_and_indicators_run_in_higher_timeframe_bars() -> None:
    bars = twelve_bars()
    out = ta.compile({"prev": "close@5m[1]", "s": "sma(close, 2)@5m"}, ts="ts", base="1m").apply(
        bars
    )
    assert out["prev"].to_list() == [None] * 9 + [4.1] * 3
    assert out["s"].to_list() == [None] * 9 + [(4.1 + 9.1) / 2] * 3


# --- a plain-Python reference for the rule ------------------------------------------------------


def reference(
    opens: list[datetime],
    closes: list[float],
    bucket: Callable[[datetime], tuple[datetime, datetime]],
    base: timedelta,
) -> list[float | None]:
    """Per base bar, the close of the latest complete higher bar visible at its close time.
    `bucket(open time)` gives the bucket's [start, end)."""
    first = opens[0]
    spans: dict[datetime, datetime] = {}
    last_close: dict[datetime, float] = {}
    for t, c in zip(opens, closes, strict=True):
        start, end = bucket(t)
        spans[start] = end
        last_close[start] = c
    out: list[float | None] = []
    for t in opens:
        done = [s for s, e in spans.items() if s >= first and e <= t + base]
        out.append(last_close[max(done)] if done else None)
    return out


def test_tz_aware_daily_buckets_across_dst() -> None:
    zone = ZoneInfo("America/New_York")
    utc = ZoneInfo("UTC")
    opens = [datetime(2024, 3, 8, 3, tzinfo=utc) + k * timedelta(hours=1) for k in range(24 * 6)]
    closes = [100 + k * 0.25 for k in range(len(opens))]

    def local_day(t: datetime) -> tuple[datetime, datetime]:
        local = t.astimezone(zone)
        start = datetime(local.year, local.month, local.day, tzinfo=zone)
        end = datetime.combine(start.date() + timedelta(days=1), datetime.min.time(), zone)
        return start.astimezone(utc), end.astimezone(utc)

    expected = reference(opens, closes, local_day, timedelta(hours=1))
    assert len({local_day(t)[1] - local_day(t)[0] for t in opens}) == 2  # a 23-hour day
    bars = pl.DataFrame({"ts": opens, "close": closes})
    plan = ta.compile("close@1d", ts="ts", base="1h", tz="America/New_York")
    assert plan.apply(bars)["signal"].to_list() == expected


def test_sessions_by_offset() -> None:
    zone = ZoneInfo("America/New_York")
    opens = [datetime(2024, 5, 6, 9, tzinfo=zone) + k * timedelta(hours=1) for k in range(24 * 4)]
    closes = [50 + (k % 7) * 0.5 + k * 0.01 for k in range(len(opens))]

    def session(t: datetime) -> tuple[datetime, datetime]:
        local = t.astimezone(zone)
        day = local.date() if local.hour < 16 else local.date() + timedelta(days=1)
        end = datetime.combine(day, datetime.min.time(), zone) + timedelta(hours=16)
        return end - timedelta(days=1), end

    expected = reference(opens, closes, session, timedelta(hours=1))
    bars = pl.DataFrame({"ts": opens, "close": closes})
    plan = ta.compile("close@1d", ts="ts", base="1h", tz="America/New_York", session_offset="-8h")
    assert plan.apply(bars)["signal"].to_list() == expected


def test_calendar_months() -> None:
    opens = [datetime(2024, 1, 15) + timedelta(days=k) for k in range(200)]
    closes = [10 + k * 0.5 for k in range(200)]

    def month(t: datetime) -> tuple[datetime, datetime]:
        start = datetime(t.year, t.month, 1)
        end = datetime(t.year + (t.month == 12), t.month % 12 + 1, 1)
        return start, end

    expected = reference(opens, closes, month, timedelta(days=1))
    bars = pl.DataFrame({"ts": opens, "close": closes})
    out = ta.compile({"m": "close@1mo", "s": "sma(close@1mo, 2)"}, ts="ts", base="1d").apply(bars)
    assert out["m"].to_list() == expected
    # SMA(2) of the monthly closes, visible with its second month.
    months = [v for i, v in enumerate(expected) if v is not None and v != expected[i - 1]]
    pairs = {b: (a + b) / 2 for a, b in itertools.pairwise(months)}
    assert out["s"].to_list() == [pairs.get(v) if v is not None else None for v in expected]


@pytest.mark.parametrize("order", ["interleaved", "symbol_sorted", "shuffled"])
def test_panels_in_any_row_order(order: str) -> None:
    rng = np.random.default_rng(3)
    parts = []
    for k, symbol in enumerate(["X", "Y", "Z"]):
        n = 400
        start = datetime(2024, 1, 2, 9, 0) + k * 7 * MINUTE
        opens = [start + i * MINUTE for i in range(n) if i % 37 != 5]
        close = 100 + np.cumsum(rng.normal(0, 1, len(opens)))
        parts.append(
            pl.DataFrame({"symbol": symbol, "ts": opens, "close": close, "high": close + 1})
        )
    panel = pl.concat(parts)
    if order == "interleaved":
        panel = panel.sort("ts", "symbol")
    elif order == "shuffled":
        panel = panel.sample(fraction=1.0, shuffle=True, seed=1)
    program = {
        "trend": "close > sma(close@15m, 5)",
        "breakout": "crosses_above(close, highest(high@1h, 2)[1])",
        "level": "ema(close@15m, 3) - close",
    }
    plan = ta.compile(program, by="symbol", ts="ts", base="1m")
    together = plan.apply(panel)
    assert together.select("symbol", "ts").equals(panel.select("symbol", "ts"))  # order kept
    for part in parts:
        symbol = part["symbol"][0]
        alone = ta.compile(program, ts="ts", base="1m").apply(part)
        got = together.filter(pl.col("symbol") == symbol).sort("ts")
        assert_frame_equal(got.select(*program), alone.select(*program))
