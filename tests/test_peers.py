"""Our own entries (origin ``laakhay``) against pandas-ta-classic 0.8.32, the peer library the
comparisons are made with, on the real data in `conftest.SHARED_DATA` (EURUSD hourly, GOOG
daily, BTCUSD monthly).

Where the two implement the same definition the values must agree (relative 1e-12 unless a
test says otherwise: the same arithmetic in another order, or pandas' compensated running
sums against ours, leaves a few units in the last place). Where the definitions differ,
each test's docstring names the difference and the test asserts that it is exactly that
one: agreement after a transformation of the peer's input or output, or the difference
itself computed from the data. Every expected value is computed by pandas-ta-classic (or
from the data); nothing is taken from our output.
"""

from __future__ import annotations

import math
import warnings
from datetime import timedelta
from typing import Any

import numpy as np
import pandas as pd
import polars as pl
import pytest
from conftest import SHARED_DATA
from laakhay import ta
from laakhay.ta._plugin import call

with warnings.catch_warnings():
    # Its import stamps its strategies with the time through an API pandas 3 deprecates.
    warnings.simplefilter("ignore", DeprecationWarning)
    import pandas_ta_classic as pta

DATASETS = ("EURUSD", "GOOG", "BTCUSD")
NEW_YORK = "America/New_York"
RTOL = 1e-12
"""Same definition, arithmetic in another order: a few ulps apart (observed ≤ 3e-14)."""
EPS = float(np.finfo(np.float64).eps)


def load(name: str) -> pl.DataFrame:
    """A real data set with its timestamps as ``ts`` and Float64 OHLCV (skips if absent)."""
    path = SHARED_DATA / f"{name}.csv"
    if not path.exists():
        pytest.skip(f"shared data {name} not present")
    df = pl.read_csv(path).rename(lambda c: c.lower() or "ts")
    prices = ("open", "high", "low", "close", "volume")
    return df.with_columns(pl.col("ts").str.to_datetime(), pl.col(prices).cast(pl.Float64))


@pytest.fixture(scope="module", params=DATASETS)
def bars(request: pytest.FixtureRequest) -> pl.DataFrame:
    return load(request.param)


@pytest.fixture(scope="module")
def eurusd() -> pl.DataFrame:
    return load("EURUSD")


def frame(df: pl.DataFrame) -> pd.DataFrame:
    """The same bars as pandas-ta-classic takes them: float columns on a DatetimeIndex."""
    columns = {c: df[c].to_numpy() for c in ("open", "high", "low", "close", "volume")}
    return pd.DataFrame(columns, index=pd.DatetimeIndex(df["ts"].to_numpy()))


def values(s: pd.Series | pl.Series) -> np.ndarray:
    """Float64 values, null and NaN as NaN."""
    if isinstance(s, pl.Series):
        return s.cast(pl.Float64).fill_null(math.nan).to_numpy()
    out: np.ndarray = s.to_numpy(dtype=np.float64, na_value=np.nan)
    return out


def flags(s: pl.Series) -> list[bool | None]:
    """A Boolean (or 0/1) column as True, False and None."""
    return [None if v is None else bool(v) for v in s.to_list()]


def assert_close(got: np.ndarray, expected: np.ndarray, rtol: float = RTOL) -> None:
    """Equal within `rtol`, NaN in exactly the same places."""
    np.testing.assert_allclose(got, expected, rtol=rtol, atol=0.0, equal_nan=True)


def struct(df: pl.DataFrame, expr: pl.Expr) -> pl.DataFrame:
    return df.select(expr).to_series().struct.unnest()


# -- session-anchored ---------------------------------------------------------------------


@pytest.mark.parametrize(("anchor", "every"), [("D", "1d"), ("W", "1w"), ("M", "1mo")])
def test_anchored_vwap_equals_vwap(bars: pl.DataFrame, anchor: str, every: str) -> None:
    """Same definition: the typical price (H + L + C) / 3 weighted by volume, summed since the
    start of the period. Differences: pandas-ta-classic's `vwap` anchors to the calendar
    periods of its index (pandas periods: days, weeks Monday to Sunday, months), ours to any
    Boolean anchor (`ta.session_start` gives the same periods for naive, UTC, timestamps);
    its `vwap` has no bands (0.8.32), so only our ``vwap`` field is compared."""
    p = frame(bars)
    theirs = pta.vwap(p["high"], p["low"], p["close"], p["volume"], anchor=anchor)
    ours = struct(bars, ta.anchored_vwap(ta.session_start("ts", every)))["vwap"]
    assert_close(values(ours), values(theirs))


def test_anchored_vwap_fx_session(eurusd: pl.DataFrame) -> None:
    """Anchor handling: pandas-ta-classic knows only its index's calendar periods, so an FX
    day that rolls at 17:00 New York needs its index moved to New York time plus 7 hours;
    with that, its daily VWAP equals ours anchored by
    ``session_start("ts", "1d", offset="-7h", tz="America/New_York")``."""
    p = frame(eurusd)
    local = p.index.tz_localize("UTC").tz_convert(NEW_YORK).tz_localize(None)
    p.index = local + pd.Timedelta(hours=7)
    theirs = pta.vwap(p["high"], p["low"], p["close"], p["volume"], anchor="D")
    session = ta.session_start("ts", "1d", offset="-7h", tz=NEW_YORK)
    ours = struct(eurusd, ta.anchored_vwap(session))["vwap"]
    assert_close(values(ours), values(theirs))
    # Not the calendar day's VWAP: the two anchors really differ on this data.
    calendar = struct(eurusd, ta.anchored_vwap(ta.session_start("ts", "1d")))["vwap"]
    assert not np.allclose(values(calendar), values(theirs), rtol=1e-6)


def test_anchored_vwap_missing_and_zero_volume(eurusd: pl.DataFrame) -> None:
    """NaN and no-volume policy inside a period: pandas' cumulative sums skip a NaN (NaN on
    that row, the sums carry on without it), and 0 / 0 is NaN until the day trades; ours
    skips the row with the NaN and has no value while the period has traded no volume, so
    both agree on every row. (A NaN on a period's first bar: the next test.)"""
    day = eurusd["ts"].dt.date()
    first = day.ne_missing(day.shift(1)).to_numpy()
    volume = eurusd["volume"].to_numpy().copy()
    holes = [i for i in (7, 100, 1001, 1002, 3003) if not first[i]]
    volume[holes] = np.nan
    for start in np.flatnonzero(first)[3:8]:
        volume[start : start + 2] = 0.0  # the day's first two bars trade nothing
    holed = eurusd.with_columns(volume=pl.Series(volume))
    p = frame(holed)
    theirs = pta.vwap(p["high"], p["low"], p["close"], p["volume"], anchor="D")
    ours = values(struct(holed, ta.anchored_vwap(ta.session_start("ts", "1d")))["vwap"])
    assert np.isnan(ours[holes]).all() and np.isnan(ours[volume == 0.0]).all()
    assert_close(ours, values(theirs))


def test_anchored_vwap_missing_value_on_anchor_bar(eurusd: pl.DataFrame) -> None:
    """A NaN on a period's first bar: pandas-ta-classic's periods come from the timestamps, so
    the day restarts on its second bar; ours skips the bar but keeps its anchor, which starts
    the period on the next complete bar. The same: that row is NaN on both sides, and the
    day's sums start from its second bar on both. (A missing close instead is not compared:
    pandas-ta-classic's running sum of volume still counts that bar's volume, whose price it
    dropped.)"""
    day = eurusd["ts"].dt.date()
    starts = np.flatnonzero(day.ne_missing(day.shift(1)).to_numpy())
    first, end = int(starts[10]), int(starts[11])
    for hole in ("volume",):
        column = eurusd[hole].to_numpy().copy()
        column[first] = np.nan
        holed = eurusd.with_columns(pl.Series(hole, column))
        ours = values(struct(holed, ta.anchored_vwap(ta.session_start("ts", "1d")))["vwap"])
        p = frame(holed)
        theirs = values(pta.vwap(p["high"], p["low"], p["close"], p["volume"], anchor="D"))
        assert np.isnan(ours[first]) and np.isnan(theirs[first])
        assert_close(ours, theirs)
        # Null instead of NaN (a Polars user's missing value): the same.
        nulled = eurusd.with_columns(
            pl.when(pl.int_range(pl.len()) == first).then(None).otherwise(pl.col(hole)).alias(hole)
        )
        again = values(struct(nulled, ta.anchored_vwap(ta.session_start("ts", "1d")))["vwap"])
        assert_close(again, ours)
        assert end > first + 1


def comparable_rows(df: pl.DataFrame, intraday: bool) -> np.ndarray:
    """Rows on which pandas-ta-classic's `cpr` has a previous period: with
    ``timeframe="daily"`` the previous row; with ``"intraday"`` the previous calendar day,
    which must have bars (it resamples to calendar days and shifts by one)."""
    if not intraday:
        return np.arange(df.height) > 0
    day = df["ts"].dt.date()
    days = set(day.to_list())
    return np.array([d - timedelta(days=1) in days for d in day.to_list()])


def session_gaps(df: pl.DataFrame) -> np.ndarray:
    """Each row's session open minus the previous session's close (sessions: calendar days),
    from Polars' group_by; NaN in the first session."""
    keyed = df.with_columns(day=pl.col("ts").dt.date())
    sessions = (
        keyed.group_by("day", maintain_order=True)
        .agg(first_open=pl.col("open").first(), last_close=pl.col("close").last())
        .with_columns(prev_close=pl.col("last_close").shift(1))
    )
    joined = keyed.join(sessions, on="day", how="left", maintain_order="left")
    return values(joined["first_open"] - joined["prev_close"])


def cpr_and_pivots(bars: pl.DataFrame, method: str, ours_method: int) -> tuple[Any, Any, Any]:
    """pandas-ta-classic's CPR levels, our pivot points on calendar-day sessions, and the rows
    both have a previous period on (with the assertion that those are the only rows where
    their NaN differs)."""
    intraday = bool(bars["ts"].dt.date().is_duplicated().any())
    p = frame(bars)
    theirs = pta.cpr(
        p["open"],
        p["high"],
        p["low"],
        p["close"],
        method=method,
        timeframe="intraday" if intraday else "daily",
        levels="all",
        width_analysis=False,
        price_position=False,
    )
    ours = struct(bars, ta.pivot_points(ta.session_start("ts", "1d"), ours_method))
    rows = comparable_rows(bars, intraday)
    first_session = (bars["ts"].dt.date() == bars["ts"].dt.date()[0]).to_numpy()
    # Theirs has no value exactly where it has no previous period; ours only in the first
    # session (a period after a day without bars is still the previous period for us).
    assert np.array_equal(np.isnan(values(theirs["CPR_PIVOT"])), ~rows)
    assert np.array_equal(np.isnan(values(ours["pp"])), first_session)
    return theirs, ours, rows


PIVOT_LEVELS = {"pp": "CPR_PIVOT", "r1": "CPR_R1", "s1": "CPR_S1", "r2": "CPR_R2",
                "s2": "CPR_S2", "r3": "CPR_R3", "s3": "CPR_S3"}  # fmt: skip


@pytest.mark.parametrize(
    ("method", "ours_method"), [("classic", 0), ("fibonacci", 2), ("camarilla", 4)]
)
def test_pivot_points_equal_cpr(bars: pl.DataFrame, method: str, ours_method: int) -> None:
    """Same formulas from the previous period's H, L, C: pandas-ta-classic's `cpr` classic
    (with ``levels="all"``: its R3 = H + 2(PP - L), S3 = L - 2(H - PP)) is TradingView's
    traditional (ours 0: R3 = 2PP + (H - 2L), the same level), fibonacci and camarilla are
    ours 2 and 4. The difference is the previous period: with ``timeframe="intraday"`` it is
    the previous calendar day, NaN after a day without bars (EURUSD's Sundays after
    Saturdays, the days after holidays), where ours takes the last period that had bars;
    with ``"daily"`` it is the previous row, as our day sessions on daily and monthly bars.
    On the rows where both have a previous period, all seven levels agree."""
    theirs, ours, rows = cpr_and_pivots(bars, method, ours_method)
    for level, column in PIVOT_LEVELS.items():
        assert_close(values(ours[level])[rows], values(theirs[column])[rows])


def test_pivot_points_classic_r3_s3(bars: pl.DataFrame) -> None:
    """TradingView's classic (ours 1) and pandas-ta-classic's classic share PP, R1, S1, R2,
    S2; their R3/S3 are the traditional ones, H + 2(PP - L) and L - 2(H - PP), ours PP +
    2(H - L) and PP - 2(H - L): ours exceed theirs by H - PP (= their R2 - R1) and fall
    short by PP - L (= their S1 - S2)."""
    theirs, ours, rows = cpr_and_pivots(bars, "classic", 1)
    for level in ("pp", "r1", "s1", "r2", "s2"):
        assert_close(values(ours[level])[rows], values(theirs[PIVOT_LEVELS[level]])[rows])
    t = {k: values(theirs[c])[rows] for k, c in PIVOT_LEVELS.items()}
    assert_close(values(ours["r3"])[rows], t["r3"] + (t["r2"] - t["r1"]))
    assert_close(values(ours["s3"])[rows], t["s3"] + (t["s2"] - t["s1"]))


def test_pivot_points_woodie(bars: pl.DataFrame) -> None:
    """Woodie's pivot: TradingView (ours 3) takes PP = (H + L + 2 O) / 4 with O the current
    period's open; pandas-ta-classic (H + L + 2 C) / 4 with C the previous period's close.
    R1/S1/R2/S2 are the same expressions of PP, so ours exceed theirs by exactly the opening
    gap (O - C) / 2 on PP, R2, S2 and by O - C on R1, S1 (2 PP)."""
    theirs, ours, rows = cpr_and_pivots(bars, "woodie", 3)
    gap = session_gaps(bars)[rows]
    for level, shift in (("pp", 0.5), ("r1", 1.0), ("s1", 1.0), ("r2", 0.5), ("s2", 0.5)):
        expected = values(theirs[PIVOT_LEVELS[level]])[rows] + shift * gap
        assert_close(values(ours[level])[rows], expected)
    assert np.count_nonzero(gap) > 0.5 * gap.size  # the gap is not (mostly) zero


# -- extra ----------------------------------------------------------------------------------


@pytest.mark.parametrize("period", [2, 5, 14, 30])
def test_ulcer_index_equals_ui(bars: pl.DataFrame, period: int) -> None:
    """Same definition (Martin): R = 100 (close - max) / max over the last `period` closes,
    UI = sqrt(sum(R^2) / period), first value on row 2 (period - 1) on both sides. The
    difference is the window sum: pandas' rolling sum is a running one (the leaving square
    subtracted, the arriving one added, Kahan-compensated), ours sums each window afresh. A
    running sum keeps rounding from the largest sums it has held, so the sums S = period *
    UI^2 agree within 1e-12 S + 16 eps M, M the largest window sum so far; where UI is small
    after a deep drawdown that is looser than 1e-12 relative (up to 2e-10 on GOOG with period
    5). Windows without a drawdown are exactly 0 on both sides (pandas special-cases windows
    of equal values)."""
    p = frame(bars)
    theirs = values(pta.ui(p["close"], length=period))
    ours = values(bars.select(ta.ulcer_index("close", period)).to_series())
    assert np.array_equal(np.isnan(ours), np.isnan(theirs))
    assert np.isnan(ours[: 2 * (period - 1)]).all() and not np.isnan(ours[2 * (period - 1)])
    ok = ~np.isnan(theirs)
    s_ours, s_theirs = period * ours[ok] ** 2, period * theirs[ok] ** 2
    largest = np.maximum.accumulate(s_theirs)
    assert (np.abs(s_ours - s_theirs) <= 1e-12 * s_theirs + 16 * EPS * largest).all()
    assert np.array_equal(ours[ok] == 0.0, theirs[ok] == 0.0)


def transient_rows(gamma: float) -> int:
    """Rows until a different start of a four-stage Laguerre filter (pole gamma) is forgotten:
    its effect decays like n^3 gamma^n; the first n where that is below 1e-18."""
    n = 1
    while n**3 * gamma**n >= 1e-18:
        n += 1
    return n


@pytest.mark.parametrize("gamma", [0.2, 0.5, 0.8])
def test_laguerre_rsi_equals_lrsi(bars: pl.DataFrame, gamma: float) -> None:
    """Same filter and RSI (Ehlers), three differences: pandas-ta-classic scales to 0..100
    (ours 0..1); it starts the four filter stages at the first close (ours at 0, as Ehlers'
    EasyLanguage variables), so its first value is 0 (all stages equal) and the start fades
    as n^3 gamma^n; where CU + CD = 0 it gives 0, ours keeps the previous value (no such bar
    in this data after the first). Fed one leading bar of 0, its stages start at 0 after it,
    like ours, and every row agrees; on the data as it is, rows agree to 1e-9 once the start
    is forgotten. (Its `length` only names the column; gamma 0 or 1 fall back to 0.5.)"""
    close = bars["close"].to_numpy()
    shifted = pd.Series(np.concatenate([[0.0], close]))
    theirs_from_zero = values(pta.lrsi(shifted, gamma=gamma))[1:] / 100.0
    ours = values(bars.select(ta.laguerre_rsi("close", gamma)).to_series())
    assert_close(ours, theirs_from_zero)
    theirs = values(pta.lrsi(pd.Series(close), gamma=gamma)) / 100.0
    assert theirs[0] == 0.0 and ours[0] > 0.0
    start = transient_rows(gamma)
    assert_close(ours[start:], theirs[start:], rtol=1e-9)


@pytest.mark.parametrize(("period", "mult"), [(22, 3.0), (10, 2.5), (3, 1.0)])
def test_chandelier_exit_equals_ce(bars: pl.DataFrame, period: int, mult: float) -> None:
    """Same definition: MAX(high, period) - mult * ATR and MIN(low, period) + mult * ATR, ATR
    Wilder's (pandas-ta-classic's default ``mamode="rma"``: SMA seed of the first `period`
    true ranges, which start on the second bar, then alpha = 1 / period), first value on row
    `period` on both sides. Only the arithmetic differs: pandas' ewm against TA-Lib's
    (prev (n - 1) + tr) / n; and pandas-ta-classic's true range replaces a zero high - low by
    machine epsilon (immaterial: it matters only when high = low = the previous close)."""
    p = frame(bars)
    theirs = pta.ce(p["high"], p["low"], p["close"], length=period, multiplier=mult)
    ours = struct(bars, ta.chandelier_exit(period, mult))
    assert_close(values(ours["long"]), values(theirs.iloc[:, 0]))
    assert_close(values(ours["short"]), values(theirs.iloc[:, 1]))
    assert np.isnan(values(ours["long"])[:period]).all()


@pytest.mark.parametrize("period", [1, 3, 14, 50])
def test_rolling_vwap_equals_vwma_of_typical_price(bars: pl.DataFrame, period: int) -> None:
    """pandas-ta-classic's `vwma` weights whatever series it is given; given the typical
    price (its `hlc3`) it is our rolling VWAP: sum(p v) / sum(v) over the last `period` bars
    (its SMA(p v) / SMA(v), the 1 / period cancels). Pandas' rolling means are compensated
    running sums, ours plain running sums: a few ulps apart (observed ≤ 3e-14)."""
    p = frame(bars)
    typical = pta.hlc3(p["high"], p["low"], p["close"])
    theirs = pta.vwma(typical, p["volume"], length=period)
    ours = bars.select(ta.rolling_vwap(period)).to_series()
    assert_close(values(ours), values(theirs))


# -- signals --------------------------------------------------------------------------------


@pytest.mark.parametrize("period", [1, 3, 24])
def test_lag_equals_lag(bars: pl.DataFrame, period: int) -> None:
    """Same definition on complete data: the value `period` rows back (pandas' shift)."""
    theirs = pta.lag(frame(bars)["close"], period)
    ours = bars.select(ta.lag("close", period)).to_series()
    np.testing.assert_array_equal(values(ours), values(theirs))


def test_lag_counts_complete_bars(bars: pl.DataFrame) -> None:
    """NaN policy: pandas-ta-classic's lag shifts rows, so a NaN close is handed on and the
    bars after it reach over it by rows; ours skips the row (null there) and counts complete
    bars. Ours equals theirs on the series without the NaN rows, put back in place."""
    close = bars["close"].to_numpy().copy()
    holes = np.zeros(len(close), dtype=bool)
    holes[[5, 6, 40, len(close) // 2]] = True
    close[holes] = np.nan
    ours = values(bars.with_columns(close=pl.Series(close)).select(ta.lag("close", 3)).to_series())
    theirs = np.full(len(close), np.nan)
    theirs[~holes] = values(pta.lag(pd.Series(close[~holes]), 3))
    np.testing.assert_array_equal(ours, theirs)
    # Theirs as it is differs right after each hole.
    plain = values(pta.lag(pd.Series(close), 3))
    assert not np.array_equal(ours, plain, equal_nan=True)


def test_crosses_equal_cross(bars: pl.DataFrame) -> None:
    """Crossings of the close over the open. Ours (TradingView's ta.crossover/crossunder):
    above is a > b after a <= b, below is a < b after a >= b. pandas-ta-classic's
    ``cross(above=True)`` wants a strictly below before (a > b after a < b), and its
    ``above=False`` is the negation of both halves (a <= b after a >= b). So: above differs
    only where the previous bar was a tie (theirs false); below differs only where this bar
    is a tie (ours false, theirs a >= b before). On the first row ours is null; theirs
    above is 0 and below is a <= b (the missing previous bar compares false)."""
    a, b = bars["close"].to_numpy(), bars["open"].to_numpy()
    p = frame(bars)
    above = pta.cross(p["close"], p["open"], above=True).to_numpy()
    below = pta.cross(p["close"], p["open"], above=False).to_numpy()
    ours_above = flags(bars.select(ta.crosses_above("close", "open")).to_series())
    ours_below = flags(bars.select(ta.crosses_below("close", "open")).to_series())
    assert ours_above[0] is None and ours_below[0] is None
    assert above[0] == 0 and below[0] == int(a[0] <= b[0])
    for i in range(1, len(a)):
        tie_before, tie_now = a[i - 1] == b[i - 1], a[i] == b[i]
        assert ours_above[i] == (bool(a[i] > b[i]) if tie_before else bool(above[i])), i
        assert ours_below[i] == (False if tie_now else bool(below[i])), i


# -- entries under construction: run once they are in the catalog ----------------------------


def squeeze_on(result: pl.Series) -> tuple[list[bool | None], list[bool | None] | None]:
    """Our `on` flags (and `off`, where the entry has that output)."""
    if result.dtype == pl.Boolean:
        return flags(result), None
    fields = result.struct.unnest()
    off = flags(fields["off"]) if "off" in fields.columns else None
    return flags(fields["on"]), off


SQUEEZES = [(20, 2.0, 1.5), (10, 1.5, 1.0), (30, 2.5, 2.0)]


def peer_squeeze(p: pd.DataFrame, period: int, bb_mult: float, kc_mult: float) -> pd.DataFrame:
    return pta.squeeze(
        p["high"],
        p["low"],
        p["close"],
        bb_length=period,
        bb_std=bb_mult,
        kc_length=period,
        kc_scalar=kc_mult,
        mamode="sma",
    )


def ours_squeeze(bars: pl.DataFrame, period: int, bb_mult: float, kc_mult: float) -> pl.Series:
    params: dict[str, object] = {"period": period, "bb_mult": bb_mult, "kc_mult": kc_mult}
    return bars.select(call("ttm_squeeze", ["high", "low", "close"], params)).to_series()


@pytest.mark.parametrize(("period", "bb_mult", "kc_mult"), SQUEEZES)
def test_ttm_squeeze_equals_squeeze_on(
    bars: pl.DataFrame, period: int, bb_mult: float, kc_mult: float
) -> None:
    """Same definition (Carter): Bollinger Bands SMA(close) +/- bb_mult * population standard
    deviation (pandas-ta-classic's default ddof 0) strictly inside the Keltner Channel
    SMA(close) +/- kc_mult * SMA(true range) (its ``mamode="sma"``, ``tr=True``), all over
    `period`: its SQZ_ON is our `on` (and SQZ_OFF, both bands outside, our `off` where we
    have it) on every row from `period` on. The start differs: see the next test. The two
    sides' bands differ by rounding (about 1e-13 relative); no bar of this data comes within
    1e-10 of a tie between a band and the channel (checked), so no comparison is decided by
    rounding."""
    p = frame(bars)
    theirs = peer_squeeze(p, period, bb_mult, kc_mult)
    bands = pta.bbands(p["close"], length=period, std=bb_mult, ddof=0).to_numpy()
    channel = pta.kc(p["high"], p["low"], p["close"], length=period, scalar=kc_mult, mamode="sma")
    kc = channel.to_numpy()
    lower, upper = np.abs(bands[:, 0] / kc[:, 0] - 1), np.abs(bands[:, 2] / kc[:, 2] - 1)
    assert (np.fmin(lower, upper)[period:] > 1e-10).all()
    on, off = squeeze_on(ours_squeeze(bars, period, bb_mult, kc_mult))
    assert on[period:] == [bool(v) for v in theirs["SQZ_ON"].to_numpy()[period:]]
    if off is not None:
        assert off[period:] == [bool(v) for v in theirs["SQZ_OFF"].to_numpy()[period:]]
    assert any(on[period:])


@pytest.mark.parametrize(("period", "bb_mult", "kc_mult"), SQUEEZES)
def test_ttm_squeeze_first_value(
    bars: pl.DataFrame, period: int, bb_mult: float, kc_mult: float
) -> None:
    """The start: both take the true range from the second bar (TA-Lib's TRANGE; the first
    bar has no previous close), so the channel, and the state, start on row `period`. Ours
    is null before; pandas-ta-classic's SQZ_ON is false there (its NaN comparisons)."""
    theirs = peer_squeeze(frame(bars), period, bb_mult, kc_mult)
    on, off = squeeze_on(ours_squeeze(bars, period, bb_mult, kc_mult))
    assert on[:period] == [None] * period
    assert on[period] is not None
    assert not theirs["SQZ_ON"].to_numpy()[:period].any()
    assert off is not None and off[:period] == [None] * period


def td_runs(counts: np.ndarray) -> np.ndarray:
    """Length of the run of non-zero counts ending on each row, not capped (pandas-ta-classic
    caps its counts at 13; the runs themselves go on)."""
    out = np.zeros(len(counts), dtype=np.int64)
    run = 0
    for i, c in enumerate(counts):
        run = run + 1 if c > 0 else 0
        out[i] = run
    return out


@pytest.mark.parametrize("setup_bars", [9, 13])
def test_td_sequential_setup_from_td_seq(bars: pl.DataFrame, setup_bars: int) -> None:
    """pandas-ta-classic's `td_seq` counts every run of closes above (UP) or below (DN) the
    close 4 bars earlier, 1, 2, ... capped at 13 and held there, NaN when not in a run. Our
    setup (DeMark) differs in three ways: a buy (sell) setup starts only on a price flip,
    the bar before the run's first being an up (down) bar, i.e. in theirs' other column
    (after a tie or at the start there is no flip and no setup); it stops after
    `setup_bars` (later bars of the run are 0 until a new flip); and it is one signed column,
    -k for the k-th bar of a buy setup, +k of a sell setup, 0 otherwise. Their columns,
    transformed by exactly these rules, are our setup from row 5 on (the first 5 rows, where
    a flip cannot be seen, are null). No countdown in theirs: not compared."""
    td = pta.td_seq(frame(bars)["close"])
    up = td["TD_SEQ_UPa"].fillna(0).to_numpy()
    down = td["TD_SEQ_DNa"].fillna(0).to_numpy()
    up_run, down_run = td_runs(up), td_runs(down)
    expected: list[int | None] = [None] * 5
    for i in range(5, len(up)):
        value = 0
        for run, other, sign in ((down_run, up, -1), (up_run, down, 1)):
            if run[i] > 0:
                first = i - run[i] + 1
                flip = first >= 1 and other[first - 1] > 0
                value = sign * int(run[i]) if flip and run[i] <= setup_bars else 0
        expected.append(value)
    params: dict[str, object] = {"setup_bars": setup_bars}
    result = bars.select(call("td_sequential", ["high", "low", "close"], params)).to_series()
    assert result.struct.field("setup").to_list() == expected
    assert any(v is not None and abs(v) == setup_bars for v in expected)  # complete setups
