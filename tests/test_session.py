"""Session- and event-anchored entries (`anchored_vwap`, `pivot_points`, `demark_pivots`,
`prev_levels`, `opening_range`, `window_range`, `volume_profile`), their anchors
(`ta.session_start`, `ta.session_elapsed`) and swing pivots. The generic suites check them against
the reference rules in conftest (`REFERENCES`) on synthetic data, with gaps, chunks, groups
and streams; here: the anchor itself, real intraday data, independent Polars computations,
and the properties a trader relies on."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import numpy as np
import polars as pl
import pytest
from conftest import SHARED_DATA
from laakhay import ta
from polars.testing import assert_frame_equal, assert_series_equal

NEW_YORK = "America/New_York"


def hourly(start: datetime, hours: int) -> pl.DataFrame:
    return pl.DataFrame({"ts": [start + timedelta(hours=h) for h in range(hours)]})


def local_change(key: pl.Expr) -> pl.Expr:
    """True where `key` of the local time differs from the previous row's (first row true),
    computed with Polars' own time-zone conversion, not the engine's buckets."""
    return key.ne_missing(key.shift(1)).fill_null(True)


def test_days_start_at_local_midnight_across_dst() -> None:
    # 2024-03-10: New York moves from UTC-5 to UTC-4; 2024-11-03 back.
    for day in (datetime(2024, 3, 8), datetime(2024, 11, 1)):
        df = hourly(day, 24 * 5)
        local = pl.col("ts").dt.replace_time_zone("UTC").dt.convert_time_zone(NEW_YORK)
        got = df.select(ta.session_start("ts", "1d", tz=NEW_YORK)).to_series()
        expected = df.select(local_change(local.dt.date())).to_series()
        assert_series_equal(got, expected, check_names=False)
        # Midnight New York is 05:00 UTC before the change and 04:00 after (or back).
        hours = df.filter(got)["ts"].dt.hour().to_list()
        assert set(hours[1:]) == ({5, 4} if day.month == 3 else {4, 5})


def test_weeks_months_and_offsets() -> None:
    df = hourly(datetime(2024, 1, 1), 24 * 70)
    local = pl.col("ts").dt.replace_time_zone("UTC").dt.convert_time_zone(NEW_YORK)
    cases = {
        "1w": local.dt.truncate("1w"),
        "1mo": local.dt.month(),
        # A futures/FX session from 17:00 New York: the local time shifted by 7 hours.
        "1d": (local + pl.duration(hours=7)).dt.date(),
    }
    for every, key in cases.items():
        offset = "-7h" if every == "1d" else None
        got = df.select(ta.session_start("ts", every, offset=offset, tz=NEW_YORK)).to_series()
        expected = df.select(local_change(key)).to_series()
        assert_series_equal(got, expected, check_names=False)


def test_symbols_dates_and_nulls() -> None:
    df = pl.DataFrame(
        {
            "symbol": ["a", "b", "a", "b", "a", "b"],
            "day": [date(2024, 1, 1)] * 3 + [None] + [date(2024, 1, 2)] * 2,
        }
    )
    got = df.select(ta.session_start("day", "1d", by="symbol")).to_series().to_list()
    # a: new, same day, next day; b: new, null stamp, next day (a new period).
    assert got == [True, True, False, None, True, True]


def test_bad_periods_are_refused_eagerly() -> None:
    with pytest.raises(ValueError, match="session_start"):
        ta.session_start("ts", "1x")
    with pytest.raises(ValueError, match="session_start"):
        ta.session_start("ts", "1d", tz="Mars/Olympus")
    with pytest.raises(TypeError, match="ts"):
        ta.session_start(5)  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def eurusd() -> pl.DataFrame:
    path = SHARED_DATA / "EURUSD.csv"
    if not path.exists():
        pytest.skip("shared real data not present")
    df = pl.read_csv(path).rename(lambda c: c.lower() or "ts")
    df = df.with_columns(pl.col("ts").str.to_datetime(), pl.col("volume").cast(pl.Float64))
    # FX sessions roll at 17:00 New York.
    return df.with_columns(session=ta.session_start("ts", "1d", offset="-7h", tz=NEW_YORK))


def sessions(df: pl.DataFrame) -> pl.DataFrame:
    """Each session's open, high, low, close by Polars' group_by (independent of the engine)."""
    return (
        df.with_columns(sid=pl.col("session").cum_sum())
        .group_by("sid", maintain_order=True)
        .agg(
            pl.col("open").first(),
            pl.col("high").max(),
            pl.col("low").min(),
            pl.col("close").last(),
        )
    )


def test_previous_levels_equal_a_group_by(eurusd: pl.DataFrame) -> None:
    got = eurusd.select(ta.prev_levels("session")).to_series().struct.unnest()
    levels = sessions(eurusd).with_columns(pl.col("sid") + 1)
    expected = (
        eurusd.with_columns(sid=pl.col("session").cum_sum())
        .join(levels, on="sid", how="left", suffix="_prev")
        .select(
            open=pl.col("open_prev"),
            high=pl.col("high_prev"),
            low=pl.col("low_prev"),
            close=pl.col("close_prev"),
        )
    )
    assert_frame_equal(got, expected)
    assert got["close"].null_count() == int(np.argmax(eurusd["session"].to_numpy()[1:])) + 1


@pytest.mark.parametrize("method", range(5))
def test_pivots_from_the_previous_session(eurusd: pl.DataFrame, method: int) -> None:
    got = eurusd.select(ta.pivot_points("session", method=method)).to_series().struct.unnest()
    prev = sessions(eurusd).with_columns(pl.col("sid") + 1)
    opens = sessions(eurusd).select("sid", current_open="open")
    h, lo, c, o = pl.col("high"), pl.col("low"), pl.col("close"), pl.col("current_open")
    rng = h - lo
    pp = (h + lo + c) / 3
    formulas = [
        [pp, pp * 2 - lo, pp * 2 - h, pp + rng, pp - rng, pp * 2 + (h - 2 * lo),
         pp * 2 - (2 * h - lo)],
        [pp, pp * 2 - lo, pp * 2 - h, pp + rng, pp - rng, pp + 2 * rng, pp - 2 * rng],
        [pp, pp + 0.382 * rng, pp - 0.382 * rng, pp + 0.618 * rng, pp - 0.618 * rng,
         pp + rng, pp - rng],
        None,
        [pp, c + 1.1 * rng / 12, c - 1.1 * rng / 12, c + 1.1 * rng / 6, c - 1.1 * rng / 6,
         c + 1.1 * rng / 4, c - 1.1 * rng / 4],
    ]  # fmt: skip
    wp = (h + lo + 2 * o) / 4
    formulas[3] = [wp, wp * 2 - lo, wp * 2 - h, wp + rng, wp - rng, h + 2 * (wp - lo),
                   lo - 2 * (h - wp)]  # fmt: skip
    names = ["pp", "r1", "s1", "r2", "s2", "r3", "s3"]
    levels = prev.join(opens, on="sid").select(
        "sid", *(f.alias(n) for f, n in zip(formulas[method], names, strict=True))
    )
    expected = (
        eurusd.with_columns(sid=pl.col("session").cum_sum())
        .join(levels, on="sid", how="left")
        .select(names)
    )
    # The same formulas in another evaluation order: equal to the last bits or within 1e-12.
    assert_frame_equal(got, expected, check_exact=False, rel_tol=1e-12, abs_tol=0.0)
    assert (got["r1"] >= got["s1"]).all()


def test_anchored_vwap_restarts_each_session(eurusd: pl.DataFrame) -> None:
    out = eurusd.select(ta.anchored_vwap("session", band_mult=2.0)).to_series().struct.unnest()
    typical = (eurusd["high"] + eurusd["low"] + eurusd["close"]) / 3
    first = eurusd["session"] & (eurusd["volume"] > 0)
    # On an anchor bar the VWAP is that bar's typical price, and the bands have no width but
    # the cancellation of TradingView's variance form (mean of p² - vwap², about 1e-16).
    assert_series_equal(out["vwap"].filter(first), typical.filter(first), check_names=False)
    width = (out["upper"] - out["lower"]).filter(first) / typical.filter(first)
    assert width.abs().max() < 1e-6
    # Within a session: Σ v·p / Σ v by Polars' cumulative sums per session.
    sid = eurusd["session"].cum_sum()
    frame = eurusd.with_columns(sid=sid, p=typical)
    expected = frame.select(
        (
            (pl.col("p") * pl.col("volume")).cum_sum().over("sid")
            / pl.col("volume").cum_sum().over("sid")
        ).alias("vwap")
    )["vwap"]
    np.testing.assert_allclose(out["vwap"].to_numpy(), expected.to_numpy(), rtol=1e-12)
    assert (out["upper"] >= out["vwap"]).all() and (out["lower"] <= out["vwap"]).all()


def test_event_anchors_and_opening_range(eurusd: pl.DataFrame) -> None:
    # An event anchor: every close above the 50-bar SMA after one below (a crossing).
    cross = ta.crosses_above("close", ta.sma("close", 50)).fill_null(False)
    out = eurusd.with_columns(cross=cross).select(
        "cross", "high", "low", "close", vwap=ta.anchored_vwap("cross").struct.field("vwap")
    )
    at = out.filter(pl.col("cross"))
    assert at.height > 10
    assert_series_equal(at["vwap"], ((at["high"] + at["low"] + at["close"]) / 3), check_names=False)
    # Opening range of each session's first 3 hours: known from the third bar on.
    rng = eurusd.select(ta.opening_range("session", bars=3)).to_series().struct.unnest()
    sid = eurusd["session"].cum_sum()
    position = eurusd.with_columns(sid=sid).select(pl.int_range(pl.len()).over("sid"))
    first3 = eurusd.with_columns(sid=sid, k=position.to_series()).filter(pl.col("k") < 3)
    ranges = first3.group_by("sid").agg(pl.col("high").max(), pl.col("low").min(), pl.len())
    expected = (
        eurusd.with_columns(sid=sid, k=position.to_series())
        .join(ranges, on="sid", how="left", suffix="_or")
        .select(
            high=pl.when((pl.col("k") >= 2) & (pl.col("len") == 3)).then(pl.col("high_or")),
            low=pl.when((pl.col("k") >= 2) & (pl.col("len") == 3)).then(pl.col("low_or")),
        )
    )
    assert_frame_equal(rng, expected)


def test_opening_range_in_minutes(eurusd: pl.DataFrame) -> None:
    # The FX session's first 150 minutes (bars at 17:00, 18:00, 19:00 New York): the range is
    # known on the first bar after the window and holds until the next window opens.
    elapsed = ta.session_elapsed("ts", "1d", offset="-7h", tz=NEW_YORK)
    frame = eurusd.with_columns(window=elapsed < pl.duration(minutes=150))
    got = frame.select(ta.window_range("session", "window")).to_series().struct.unnest()
    # Independently: windows numbered by where a run of window bars starts (after a bar
    # outside the window, or on a session's first bar: Friday's 17:00 bar and Sunday's
    # opening hours are two windows).
    w = pl.col("window")
    runs = frame.with_columns(
        run=(w & (~w.shift(1, fill_value=False) | pl.col("session"))).cum_sum()
    )
    ranges = (
        runs.filter(w)
        .group_by("run")
        .agg(high_w=pl.col("high").max(), low_w=pl.col("low").min(), n=pl.len())
    )
    expected = runs.join(ranges, on="run", how="left").select(
        high=pl.when(~w & (pl.col("run") > 0)).then(pl.col("high_w")),
        low=pl.when(~w & (pl.col("run") > 0)).then(pl.col("low_w")),
    )
    assert_frame_equal(got, expected)
    # Local 17:00-19:59 (the window) is 3 hourly bars on a full session.
    assert ranges["n"].max() == 3
    assert got["high"].null_count() < frame.height // 2


def test_demark_pivots_from_the_previous_session(eurusd: pl.DataFrame) -> None:
    got = eurusd.select(ta.demark_pivots("session")).to_series().struct.unnest()
    o, h, lo, c = pl.col("open"), pl.col("high"), pl.col("low"), pl.col("close")
    x = (
        pl.when(c < o)
        .then(h + 2 * lo + c)
        .when(c > o)
        .then(2 * h + lo + c)
        .otherwise(h + lo + 2 * c)
    )
    levels = sessions(eurusd).select(pl.col("sid") + 1, pp=x / 4, r1=x / 2 - lo, s1=x / 2 - h)
    expected = (
        eurusd.with_columns(sid=pl.col("session").cum_sum())
        .join(levels, on="sid", how="left")
        .select("pp", "r1", "s1")
    )
    assert_frame_equal(got, expected, check_exact=False, rel_tol=1e-12, abs_tol=0.0)
    # Each direction of the previous session occurs in this data.
    assert got["pp"].n_unique() > 100


@pytest.mark.parametrize(("left", "right"), [(5, 5), (2, 7), (10, 1)])
def test_swing_pivots_by_rolling_extremes(eurusd: pl.DataFrame, left: int, right: int) -> None:
    for name, high in (("pivot_high", True), ("pivot_low", False)):
        src = pl.col("high" if high else "low")
        got = eurusd.select(getattr(ta, name)(left_bars=left, right_bars=right)).to_series()
        # The bar `right` back against the `left` before it and the `right` after it, by
        # Polars' rolling extremes; reported on the confirming bar.
        candidate = src.shift(right)
        if high:
            before = src.shift(right + 1).rolling_max(left)
            after = src.rolling_max(right)
            is_pivot = (candidate > before) & (candidate > after)
        else:
            before = src.shift(right + 1).rolling_min(left)
            after = src.rolling_min(right)
            is_pivot = (candidate < before) & (candidate < after)
        expected = eurusd.select(pl.when(is_pivot).then(candidate)).to_series()
        assert_series_equal(got, expected, check_names=False)
        assert got.drop_nulls().len() > 50
        # The catalog's event lag tells a chart where the pivot was.
        outputs = ta.info(name)["outputs"]
        assert outputs[0]["event_lag_param"] == "right_bars"


@pytest.mark.parametrize(
    "name",
    [
        "anchored_vwap", "pivot_points", "demark_pivots", "prev_levels", "opening_range",
        "volume_profile",
    ],
)  # fmt: skip
def test_no_row_depends_on_later_rows(eurusd: pl.DataFrame, name: str) -> None:
    expr = getattr(ta, name)("session")
    full = eurusd.select(expr).to_series()
    for cut in (1, 24, 500, eurusd.height - 1):
        part = eurusd.head(cut).select(expr).to_series()
        assert_series_equal(part, full.head(cut))


def test_live_stream_equals_batch(eurusd: pl.DataFrame) -> None:
    head = eurusd.head(300)
    batch = head.select(ta.pivot_points("session", method=3)).to_series().struct.unnest()
    stream = ta.stream.pivot_points(method=3)
    rows = []
    for r in head.iter_rows(named=True):
        value = stream.update(r["open"], r["high"], r["low"], r["close"], r["session"])
        rows.append(None if value is None else value.r3)
    assert rows == batch["r3"].to_list()


def test_the_dsl_takes_the_anchor_first(eurusd: pl.DataFrame) -> None:
    frame = eurusd.rename({"session": "s"}).with_columns(pl.col("volume").cast(pl.Float64))
    plan = ta.compile(
        {
            "v": "anchored_vwap(crosses_above(close, sma(close, 50)), 2).upper",
            "p": "pivot_points(s).r1",
        },
        columns=["s"],
    )
    got = plan.apply(frame).select("v", "p")
    event = ta.crosses_above("close", ta.sma("close", 50))
    expected = frame.select(
        v=ta.anchored_vwap(event, 2.0).struct.field("upper"),
        p=ta.pivot_points("s").struct.field("r1"),
    )
    assert_frame_equal(got, expected)
