"""Plans run live (`plan.stream`): fed a history tick by tick, every output must equal
`plan.apply(history)` row for row and bit for bit (nulls included), across gaps, missing
values, higher timeframes, stamps, time zones, grids and snapshots taken mid-way."""

from __future__ import annotations

import pickle
from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any

import numpy as np
import polars as pl
import pytest
from hypothesis import HealthCheck, given, reject, settings
from hypothesis import strategies as st
from laakhay import ta
from laakhay.ta.dsl import DslError, LiveError, PlanStream
from polars.testing import assert_frame_equal

SYMBOLS = ["AAA", "BBB", "CCC"]


def history(
    n: int = 300,
    base: timedelta = timedelta(minutes=1),
    start: datetime = datetime(2024, 1, 2, 9, 0),
    stamp: str = "open",
    tz: str | None = None,
    seed: int = 7,
    symbols: Sequence[str] = SYMBOLS,
) -> pl.DataFrame:
    """Bars of several symbols, time-major: each symbol misses some ticks (one starts late,
    mid-bucket), and a few values are NaN or null mid-series."""
    rng = np.random.default_rng(seed)
    parts = []
    for k, symbol in enumerate(symbols):
        close = 100 * np.exp(np.cumsum(rng.normal(0, 0.004, n)))
        spread = np.abs(rng.normal(0, 0.003, n)) * close
        high = close + spread * rng.uniform(0, 1, n)
        low = close - spread * rng.uniform(0, 1, n)
        open_ = low + (high - low) * rng.uniform(0, 1, n)
        # Some equal opens and closes (dojis), some repeated prices (zero ranges).
        open_[::17] = close[::17]
        high[::23] = low[::23] = open_[::23] = close[::23]
        volume = rng.integers(100, 10_000, n).astype(np.float64) / 10
        opens = [start + i * base for i in range(n)]
        frame = pl.DataFrame(
            {
                "symbol": symbol,
                "ts": [t + base for t in opens] if stamp == "close" else opens,
                "open": open_,
                "high": high,
                "low": low,
                "close": close,
                "volume": volume,
            }
        ).with_row_index("i")
        keep = (pl.col("i") % (7 + 2 * k) != 3) & ~pl.col("i").is_between(60 + 40 * k, 75 + 40 * k)
        if k == 1:
            keep &= pl.col("i") >= 13  # starts late, in the middle of a bucket
        frame = frame.filter(keep)
        if k == 2:
            frame = frame.with_columns(
                close=pl.when(pl.col("i").is_in([40, 41, 150]))
                .then(float("nan"))
                .otherwise("close"),
                volume=pl.when(pl.col("i").is_in([20, 90])).then(None).otherwise("volume"),
                high=pl.when(pl.col("i") == 101).then(float("nan")).otherwise("high"),
            )
        parts.append(frame.drop("i"))
    frame = pl.concat(parts).sort("ts", "symbol", maintain_order=True)
    if tz is not None:
        frame = frame.with_columns(
            pl.col("ts").dt.replace_time_zone("UTC").dt.convert_time_zone(tz)
        )
    return frame


def replay(
    plan: ta.Plan, bars: pl.DataFrame, symbols: Sequence[Any], cuts: Sequence[int] = ()
) -> pl.DataFrame:
    """Feeds `bars` tick by tick (one tick per timestamp); at each cut the stream is
    snapshotted and restored (alternately through bytes and pickle)."""
    stream = plan.stream(symbols)
    parts = []
    for i, tick in enumerate(bars.partition_by("ts", maintain_order=True)):
        if i in cuts:
            if len(parts) % 2:
                stream = pickle.loads(pickle.dumps(stream))
            else:
                stream = PlanStream.from_bytes(stream.to_bytes())
        parts.append(stream.update(tick))
    return pl.concat(parts, how="vertical")


def assert_same(expected: pl.DataFrame, got: pl.DataFrame) -> None:
    """Equal row for row, nulls in the same places, floats bit for bit."""
    assert_frame_equal(expected, got, check_exact=True)
    for name in expected.columns:
        e, g = expected[name], got[name]
        if e.dtype == pl.Float64:
            present = e.is_not_null().to_numpy()
            bits_e = e.to_numpy()[present].view(np.uint64)
            bits_g = g.to_numpy()[present].view(np.uint64)
            diff = np.flatnonzero(bits_e != bits_g)
            assert diff.size == 0, f"{name}: row {np.flatnonzero(present)[diff[0]]} differs"


def check(
    plan: ta.Plan,
    bars: pl.DataFrame,
    symbols: Sequence[Any] = SYMBOLS,
    cuts: Sequence[int] = (),
) -> pl.DataFrame:
    expected = plan.apply(bars).select("symbol", *plan.outputs)
    got = replay(plan, bars, symbols, cuts)
    assert_same(expected, got)
    return expected


def lit(plan: ta.Plan) -> dict[str, int]:
    """Non-null values per output (a test that only compares nulls proves little)."""
    out = plan.apply(BARS)
    return {name: out[name].count() for name in plan.outputs}


BARS = history()

SINGLE_FRAME = {
    "shared": {
        "fast": "ema(close, 12)",
        "slow": "ema(close, 26)",
        "up": "fast > slow and rsi(close, 14) > 50",
        "down": "rsi(close, 14) < 30 or close < sma(close, 20)",
        "spread": "(fast - slow) / atr(14)",
        "typical": "hlc3 - ohlc4 + hl2 / 3",
    },
    "structs": {
        "hist": "macd(close).hist",
        "upper": "bbands(close, 20).upper",
        "width": "bbands(close, 20, ma_type=ema).upper - bbands(close, 20, ma_type=ema).lower",
        "k": "stoch(high, low, close).slowk > 80",
        "d": "stoch(high, low, close).slowd",
    },
    "kleene": {
        "a": "rsi(close, 14) > 50 and sma(close, 30) > close",
        "o": "rsi(close, 5) > 70 or sma(close, 40) < close",
        "n": "not (rsi(close, 14) > 50)",
        "t": "(close > open) == (sma(close, 3) > sma(close, 8))",
        "f": "(volume > 500) != (close > open)",
    },
    "arithmetic": {
        "zero": "close / (close - close)",
        "range": "(close - open) / (high - low)",
        "mod": "close % 3",
        "mod0": "close % (high - low)",
        "rmod": "7 % (close - open)",
        "cube": "(close / 100) ** 3",
        "root": "(close - open) ** 0.5",
        "exp": "2 ** (close / 100)",
        "pow": "(close / 100) ** (open / 100)",
        "neg": "0 - (close - close)",
        "plus0": "(close - close) + 0",
        "third": "close / 3",
        "minus": "-(high - low) * -1",
        "vol": "volume / 1000 - 1",
    },
    "builtins": {
        "ie": "if_else(rsi(close, 14) > 50, close, open)",
        "ieb": "if_else(close > open, rsi(close, 5) > 50, false)",
        "filled": "nz(rsi(close, 14), 50)",
        "nzb": "nz(rsi(close, 14) > 50, true)",
        "mn": "min(sma(close, 5), ema(close, 5))",
        "mx": "max(close, sma(close, 10))",
        "ab": "abs(close - sma(close, 10))",
        "hi": "highest(high, 10)",
        "lo": "lowest(low, 10) - low",
        "ch": "change(close, 3)",
    },
    "patterns": {
        "doji": "cdldoji()",
        "engulfing": "cdlengulfing()",
        "sum": "cdldoji() + cdlengulfing()",
        "neg": "-cdlengulfing()",
        "mod": "cdlengulfing() % 7",
        "size": "abs(cdlengulfing())",
        "mx": "max(cdldoji(), cdlengulfing())",
        "ie": "if_else(close > open, cdldoji(), cdlengulfing())",
        "zeroed": "nz(cdldoji())",
        "ratio": "cdlengulfing() / 100",
    },
}

# These need the catalog's signal entries (lag, crosses_above, crosses_below, crosses).
SIGNALS = {
    "history": {
        "lag": "close[3]",
        "chg": "close - close[1]",
        "bool": "(close > open)[2]",
        "htf": "sma(close, 3)[1] > sma(close, 5)",
    },
    "crosses": {
        "level": "crosses_above(rsi(close, 14), 30)",
        "below": "crosses_below(ema(close, 5), ema(close, 20))",
        "either": "crosses(close, sma(close, 10))",
        "entry": "crosses_above(rsi(close, 7), 50) and close > sma(close, 20)",
    },
}


@pytest.mark.parametrize("name", list(SINGLE_FRAME))
def test_single_timeframe_plans(name: str) -> None:
    plan = ta.compile(SINGLE_FRAME[name], by="symbol")
    check(plan, BARS)
    counts = lit(plan)
    always_null = {"zero"}  # x / 0
    assert all(c > 0 for k, c in counts.items() if k not in always_null), counts


@pytest.mark.parametrize("name", list(SIGNALS))
def test_signal_plans(name: str) -> None:
    plan = ta.compile(SIGNALS[name], by="symbol")
    check(plan, BARS, cuts=(50, 51, 200))


@pytest.mark.parametrize("name", ["shared", "structs", "builtins", "patterns"])
def test_snapshots_mid_way(name: str) -> None:
    plan = ta.compile(SINGLE_FRAME[name], by="symbol")
    check(plan, BARS, cuts=(1, 40, 41, 177))


def test_output_dtypes_are_the_batch_dtypes() -> None:
    plan = ta.compile(SINGLE_FRAME["patterns"], by="symbol")
    got = replay(plan, BARS.head(30), SYMBOLS)
    assert got.schema == plan.apply(BARS.head(30)).select("symbol", *plan.outputs).schema
    assert got.schema["doji"] == pl.Int32 and got.schema["ratio"] == pl.Float64
    # Integer input columns: the batch keeps integer arithmetic's dtype, so does the stream.
    ints = BARS.with_columns(volume=pl.col("volume").fill_null(0).round().cast(pl.Int64))
    plan = ta.compile({"v": "volume", "w": "volume + volume", "x": "volume / 2"}, by="symbol")
    check(plan, ints)


# --- higher timeframes ------------------------------------------------------------------------

FRAMES = {
    "trend": {
        "trend": "close > sma(close@1h, 5)",
        "rsi": "rsi(close@15m, 14) > 50",
        "day": "close@1d",
        "ratio": "(high - low)@1d / atr(14)@1h",
        "hourly_volume": "volume@1h",
        "hourly_body": "open@1h - low@1h",
    },
    "nested": {
        # A 1h node reading a 1d node: coarser bars reach finer higher frames too.
        "nested": "(close > sma(close@1d, 2))@1h",
        "mixed": "(high - sma(close@1d, 2))@1h + close",
        "count": "(volume@1h / volume@1d) * 100",
    },
}


def frame_bars(stamp: str = "open", tz: str | None = None, n: int = 1_300) -> pl.DataFrame:
    # 5-minute bars over four and a half days, across the US DST change (2024-03-10).
    return history(n, timedelta(minutes=5), datetime(2024, 3, 8, 0, 0), stamp, tz, seed=11)


@pytest.mark.parametrize("stamp", ["open", "close"])
@pytest.mark.parametrize("name", list(FRAMES))
def test_higher_timeframes(name: str, stamp: str) -> None:
    bars = frame_bars(stamp)
    plan = ta.compile(FRAMES[name], by="symbol", ts="ts", base="5m", stamp=stamp)
    expected = check(plan, bars, cuts=(5, 300, 301, 777))
    assert all(expected[c].count() > 0 for c in plan.outputs)


@pytest.mark.parametrize("offset", [None, "-8h"])
def test_tz_aware_daily_buckets(offset: str | None) -> None:
    bars = frame_bars(tz="America/New_York")
    plan = ta.compile(
        {"day": "close@1d", "range": "(high - low)@1d", "t": "close > sma(close@4h, 3)"},
        by="symbol",
        ts="ts",
        base="5m",
        tz="America/New_York",
        session_offset=offset,
    )
    expected = check(plan, bars, cuts=(500,))
    assert expected["day"].count() > 0


def test_higher_timeframe_volume_is_the_running_sum() -> None:
    """The batch sums a bucket's volumes in bar order (so its bits do not depend on how
    many threads Polars runs), as the live runner does."""
    bars = frame_bars()
    out = ta.compile("volume@1d", by="symbol", ts="ts", base="5m").apply(bars)
    for symbol in SYMBOLS:
        mine = bars.filter(pl.col("symbol") == symbol)
        sums: dict[Any, float] = {}
        for day, volume in zip(mine["ts"].dt.date(), mine["volume"], strict=True):
            if volume is not None:
                sums[day] = sums[day] + volume if day in sums else volume
        first = mine["ts"][0]
        days = sorted(sums)
        complete = days[1 if (first.hour, first.minute) != (0, 0) else 0 : -1]
        shown = set(out.filter(pl.col("symbol") == symbol)["signal"].drop_nulls().to_list())
        assert shown == {sums[d] for d in complete}


def test_weeks_and_calendar_months_over_dates() -> None:
    bars = history(260, timedelta(days=1), datetime(2024, 1, 15), seed=5).with_columns(
        pl.col("ts").dt.date()
    )
    plan = ta.compile(
        {"m": "close@1mo", "s": "sma(close@1mo, 2)", "w": "(high - low)@1w", "q": "close@1q"},
        by="symbol",
        ts="ts",
        base="1d",
    )
    expected = check(plan, bars, cuts=(100,))
    assert all(expected[c].count() > 0 for c in plan.outputs)


def test_signals_on_higher_timeframes() -> None:
    bars = frame_bars()
    plan = ta.compile(
        {
            "prev": "close@1h[1]",
            "breakout": "crosses_above(close, highest(high@1h, 2)[1])",
            "cross": "crosses_below(ema(close@15m, 3), sma(close@15m, 8))",
        },
        by="symbol",
        ts="ts",
        base="5m",
    )
    check(plan, bars, cuts=(400,))


def test_grids() -> None:
    plan = ta.compile(
        {"up": "ema(close, $fast) > ema(close, $slow)", "gap": "ema(close, $fast) - close"},
        by="symbol",
        grid={"fast": [5, 10], "slow": [20, 40]},
    )
    assert len(plan.outputs) == 8
    check(plan, BARS, cuts=(100,))


def test_grids_with_crossings() -> None:
    plan = ta.compile(
        {
            "entry": "crosses_above(ema(close, $fast), ema(close, $slow))",
            "exit": "crosses_below(ema(close, $fast), ema(close, $slow))",
        },
        by="symbol",
        grid={"fast": [5, 10], "slow": [30, 60]},
    )
    check(plan, BARS)


# --- the fast path, symbols, errors -----------------------------------------------------------


def test_update_arrays_equals_update() -> None:
    bars = frame_bars(n=400)
    plan = ta.compile(FRAMES["trend"], by="symbol", ts="ts", base="5m")
    expected = plan.apply(bars).select("symbol", *plan.outputs)
    stream = plan.stream(SYMBOLS)
    index = {s: i for i, s in enumerate(SYMBOLS)}
    flags = {name for name, dtype in expected.schema.items() if dtype == pl.Boolean}
    rows = []
    for tick in bars.partition_by("ts", maintain_order=True):
        has_bar = np.zeros(3, dtype=bool)
        columns = {c: np.full(3, np.nan) for c in stream.columns}
        for row in tick.iter_rows(named=True):
            s = index[row["symbol"]]
            has_bar[s] = True
            for c in stream.columns:
                columns[c][s] = np.nan if row[c] is None else row[c]
        arrays = stream.update_arrays(tick["ts"][0], columns, has_bar)
        for symbol in tick["symbol"]:
            s = index[symbol]
            rows.append(
                {
                    "symbol": symbol,
                    **{
                        name: (
                            (bool if name in flags else float)(arrays.values[k, s])
                            if arrays.valid[k, s]
                            else None
                        )
                        for k, name in enumerate(arrays.outputs)
                    },
                }
            )
    got = pl.DataFrame(rows, schema=expected.schema)
    assert_same(expected, got)
    assert isinstance(arrays["trend"], np.ma.MaskedArray)


def test_symbols_added_and_removed_mid_way() -> None:
    plan = ta.compile(SINGLE_FRAME["shared"], by="symbol")
    expected = plan.apply(BARS).select("symbol", *plan.outputs)
    stream = plan.stream(["AAA", "BBB"])
    parts = []
    for i, tick in enumerate(BARS.partition_by("ts", maintain_order=True)):
        if i == 100:
            stream.add(["CCC"])
        if i == 200:
            stream.remove("AAA")
        if i >= 200:
            tick = tick.filter(pl.col("symbol") != "AAA")
        if i < 100:
            tick = tick.filter(pl.col("symbol") != "CCC")
        parts.append(stream.update(tick))
    got = pl.concat(parts)
    # CCC starts at tick 100: it matches a batch over its bars from there.
    late = BARS.partition_by("ts", maintain_order=True)[100]["ts"][0]
    ccc = BARS.filter((pl.col("symbol") == "CCC") & (pl.col("ts") >= late))
    alone = plan.apply(ccc).select("symbol", *plan.outputs)
    assert_same(alone, got.filter(pl.col("symbol") == "CCC"))
    for symbol in ["AAA", "BBB"]:
        mine = got.filter(pl.col("symbol") == symbol)
        assert_same(expected.filter(pl.col("symbol") == symbol).head(mine.height), mine)
    assert stream.symbols == ["BBB", "CCC"]


def test_one_series_without_keys_and_several_keys() -> None:
    one = BARS.filter(pl.col("symbol") == "AAA").drop("symbol")
    plan = ta.compile(SINGLE_FRAME["shared"])
    stream = plan.stream(["AAA"])
    got = pl.concat([stream.update(one.slice(i, 1)) for i in range(one.height)])
    assert_same(plan.apply(one).select(plan.outputs), got)
    with pytest.raises(LiveError, match="one series"):
        plan.stream(["AAA", "BBB"])
    # Two key columns: a symbol is a tuple.
    keyed = BARS.with_columns(venue=pl.col("symbol").str.slice(0, 1).replace({"C": "X"}))
    plan = ta.compile(SINGLE_FRAME["builtins"], by=["venue", "symbol"])
    symbols = [("A", "AAA"), ("B", "BBB"), ("X", "CCC")]
    expected = plan.apply(keyed).select("venue", "symbol", *plan.outputs)
    stream = plan.stream(symbols)
    parts = []
    for i, tick in enumerate(keyed.partition_by("ts", maintain_order=True)):
        if i == 150:
            stream = pickle.loads(pickle.dumps(stream))
        parts.append(stream.update(tick))
    assert_same(expected, pl.concat(parts))
    assert stream.symbols == symbols


def test_errors_name_the_problem() -> None:
    plan = ta.compile("close > sma(close@1h, 3)", by="symbol", ts="ts", base="1m")
    stream = plan.stream(SYMBOLS)
    tick = BARS.filter(pl.col("ts") == BARS["ts"][0])
    stream.update(tick)
    with pytest.raises(LiveError, match="unknown symbol 'ZZZ'"):
        stream.update(tick.with_columns(symbol=pl.lit("ZZZ")))
    with pytest.raises(LiveError, match="'AAA' has two rows"):
        stream.update(pl.concat([tick.head(1), tick.head(1)]))
    with pytest.raises(LiveError, match="no column 'close'"):
        stream.update(tick.drop("close"))
    with pytest.raises(LiveError, match="no column 'ts'"):
        stream.update(tick.drop("ts"))
    with pytest.raises(LiveError, match="'close' is String"):
        stream.update(tick.with_columns(pl.col("close").cast(pl.String)))
    with pytest.raises(LiveError, match=r"symbol 'AAA': a bar at .* \(bars must come in time"):
        stream.update(tick.with_columns(pl.col("ts") - timedelta(minutes=5)))
    with pytest.raises(LiveError, match="already"):
        stream.add(["AAA"])
    with pytest.raises(KeyError):
        stream.remove("ZZZ")
    with pytest.raises(LiveError, match="column 'close'"):
        stream.update_arrays(0, {"high": np.zeros(3)})
    with pytest.raises(ValueError, match="column 'close' has 2 values for 3 symbols"):
        stream.update_arrays(0, {"close": np.zeros(2)})
    with pytest.raises(ta.stream.SnapshotError):
        PlanStream.from_bytes(b"LKTP" + b"\0" * 20)
    with pytest.raises(ta.stream.SnapshotError):
        PlanStream.from_bytes(stream.to_bytes()[:-1])
    # A refused tick changed nothing: the stream still equals the batch.
    rest = BARS.filter(pl.col("ts") > BARS["ts"][0])
    got = pl.concat([stream.update(t) for t in rest.partition_by("ts", maintain_order=True)])
    expected = plan.apply(BARS).select("symbol", "signal").slice(tick.height)
    assert_same(expected, got)


def test_malformed_plans_are_refused() -> None:
    from laakhay.ta import _engine

    with pytest.raises(ValueError, match="unknown indicator"):
        _engine.RawPlanRunner(
            '{"version": 1, "nodes": [{"id": 0, "op": "source", "type": "float", '
            '"name": "close"}, {"id": 1, "op": "call", "type": "float", "args": [0], '
            '"name": "nope", "params": {}}], "outputs": {"x": 1}}',
            2,
        )
    with pytest.raises(ValueError, match="plan"):
        _engine.RawPlanRunner("[]", 2)


# --- random plans -------------------------------------------------------------------------------


def numbers(depth: int, signals: bool, frames: bool) -> st.SearchStrategy[str]:
    """Random number-valued programs over the bar fields (after tests/test_dsl.py's)."""
    leaf = st.sampled_from(
        ["close", "open", "high", "low", "hl2", "ohlc4", "volume / 1000", "2.5", "3", "0"]
    )
    if depth == 0:
        return leaf
    inner = numbers(depth - 1, signals, frames)
    period = st.integers(2, 12).map(str)
    options = [
        leaf,
        st.tuples(inner, st.sampled_from(["+", "-", "*", "/", "%", "**"]), inner).map(
            lambda t: f"({t[0]} {t[1]} {t[2]})"
        ),
        st.tuples(st.sampled_from(["sma", "ema", "rsi", "wma"]), inner, period).map(
            lambda t: f"{t[0]}({t[1]} + close, {t[2]})"
        ),
        st.tuples(inner, period).map(lambda t: f"highest({t[0]} + low, {t[1]})"),
        inner.map(lambda x: f"abs({x})"),
        inner.map(lambda x: f"-({x})"),
        st.tuples(period, period).map(
            lambda t: f"macd(close, {t[0]}, {int(t[0]) + int(t[1])}).hist"
        ),
        st.tuples(st.sampled_from(["min", "max"]), inner, inner).map(
            lambda t: f"{t[0]}({t[1]}, {t[2]})"
        ),
        st.tuples(inner, inner).map(lambda t: f"nz({t[0]} / ({t[1]} - {t[1]}), 1.5)"),
        st.sampled_from(["cdlengulfing()", "cdldoji()"]),
    ]
    if signals:
        options.append(st.tuples(inner, st.integers(1, 4)).map(lambda t: f"({t[0]})[{t[1]}]"))
    if frames:
        options.append(
            st.tuples(inner, st.sampled_from(["15m", "1h", "4h"])).map(
                lambda t: f"({t[0]} + close)@{t[1]}"
            )
        )
    return st.one_of(*options)


def conditions(signals: bool, frames: bool) -> st.SearchStrategy[str]:
    """Random true/false programs: comparisons, crossings, Kleene logic, if_else."""
    x = numbers(2, signals, frames)
    compare = st.tuples(x, st.sampled_from(["<", ">", ">=", "<=", "==", "!="]), x).map(
        lambda t: f"{t[0]} {t[1]} {t[2]}"
    )
    singles = [compare]
    if signals:
        singles.append(
            st.tuples(x, x).map(lambda t: f"crosses_above({t[0]} + close, {t[1]} + open)")
        )
    single = st.one_of(*singles)
    return st.one_of(
        single,
        st.tuples(single, st.sampled_from(["and", "or"]), single).map(
            lambda t: f"({t[0]}) {t[1]} ({t[2]})"
        ),
        single.map(lambda s: f"not ({s})"),
        st.tuples(single, x, x).map(lambda t: f"if_else({t[0]}, {t[1]}, {t[2]}) > close"),
        st.tuples(single, single).map(lambda t: f"nz({t[0]}, true) == ({t[1]})"),
    )


RANDOM_BARS = frame_bars(n=400).filter(pl.col("symbol") != "CCC")


def check_random(program: str, number: str) -> None:
    try:
        plan = ta.compile({"signal": program, "value": number}, by="symbol", ts="ts", base="5m")
    except DslError as error:  # 2.5 / (2.5 - 2.5); a finer timeframe inside a coarser one
        assert error.code in ("E_CONSTANT", "E_TIMEFRAME_ORDER"), error
        reject()
    check(plan, RANDOM_BARS, ["AAA", "BBB"], cuts=(150,))


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(program=conditions(signals=False, frames=True), number=numbers(3, False, True))
def test_random_plans(program: str, number: str) -> None:
    check_random(program, number)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(program=conditions(signals=True, frames=True), number=numbers(3, True, True))
def test_random_plans_with_signals(program: str, number: str) -> None:
    check_random(program, number)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(program=st.deferred(lambda: _dsl_conditions()))
def test_random_plans_of_the_dsl_tests(program: str) -> None:
    plan = ta.compile(program, by="symbol", ts="ts", base="5m")
    check(plan, RANDOM_BARS, ["AAA", "BBB"])


def _dsl_conditions() -> st.SearchStrategy[str]:
    from test_dsl import conditions

    return conditions(frames=True)


def test_a_constant_every_row_picks_divides_as_a_series() -> None:
    """Polars returns a constant that every row picks (nz's default after an all-null series,
    an if_else branch, min/max) as a scalar column, and divides by a scalar with a reciprocal
    multiply; the batch plan keeps it a column, so live and batch agree to the bit."""
    for text in (
        "close / abs(nz(close / (close - close), 1.5))",
        "close / if_else(close < 0, close, 1.5)",
        "close / max(close - close, 1.5)",
    ):
        check_random("close < close", text)
        plan = ta.compile({"v": text}, by="symbol", ts="ts", base="5m")
        got = plan.apply(RANDOM_BARS)["v"].to_numpy()
        assert (got == RANDOM_BARS["close"].to_numpy() / 1.5).all()
