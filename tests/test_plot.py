"""Charts (`laakhay.ta.plot`): structure from the catalog's plot hints, and a real render of
the exported HTML in headless Chromium (`make browser` installs it)."""

from __future__ import annotations

import datetime
import importlib
import re
import struct
import sys
import time
import zlib
from pathlib import Path
from typing import Any

import numpy as np
import polars as pl
import pytest
from laakhay import ta

pytest.importorskip("plotly")

from laakhay.ta.plot import plot

# The module itself (``laakhay.ta.plot`` may also name the function once the package exports it).
chart = importlib.import_module("laakhay.ta.plot")

REAL = Path("/work/shared/data/real")
EURUSD = REAL / "EURUSD.csv"


@pytest.fixture(scope="module")
def bars() -> pl.DataFrame:
    return ta.sample_ohlcv(400)


def traces(fig: Any, name: str) -> list[Any]:
    return [t for t in fig.data if t.name == name]


def one(fig: Any, name: str) -> Any:
    found = traces(fig, name)
    assert len(found) == 1, [t.name for t in fig.data]
    return found[0]


def yaxes(fig: Any) -> list[str]:
    return sorted(k for k in fig.layout.to_plotly_json() if re.fullmatch(r"yaxis\d*", k))


def axis_ref(trace: Any) -> str:
    """A trace's y axis as layout names it (``y2`` -> ``yaxis2``)."""
    return "yaxis" + trace.yaxis[1:]


# --- price and panes ---------------------------------------------------------------------------


def test_price_trace_kinds(bars: pl.DataFrame) -> None:
    fig = plot(bars)
    assert fig.data[0].type == "candlestick"
    assert list(fig.data[0].x) == list(range(bars.height))
    assert list(fig.data[0].close) == bars["close"].to_list()
    assert fig.layout.meta["panes"] == ["price"]
    line = plot(bars, kind="line").data[0]
    assert line.type == "scatter"
    assert line.mode == "lines"
    assert list(line.y) == bars["close"].to_list()
    with pytest.raises(ValueError, match="kind"):
        plot(bars, kind="ohlc")


def test_pane_count_from_catalog(bars: pl.DataFrame) -> None:
    fig = plot(bars, "rsi", ta.macd("close"), "adx", "plus_di", "minus_di", "sma", "sar")
    # price + rsi + macd + one pane shared by the "directional" pane group
    assert fig.layout.meta["panes"] == ["price", "rsi", "macd", "directional"]
    assert yaxes(fig) == ["yaxis", "yaxis2", "yaxis3", "yaxis4"]
    assert one(fig, "rsi_14").yaxis == "y2"
    assert {one(fig, f"macd_12_26_9.{o}").yaxis for o in ("macd", "signal", "hist")} == {"y3"}
    assert {one(fig, n).yaxis for n in ("adx_14", "plus_di_14", "minus_di_14")} == {"y4"}
    assert one(fig, "sma_30").yaxis == "y"
    # one shared time axis
    assert {t.xaxis for t in fig.data} == {"x", "x2", "x3", "x4"}
    assert all(fig.layout[f"xaxis{i}"].matches == "x4" for i in ("", "2", "3"))


def test_values_are_the_indicator(bars: pl.DataFrame) -> None:
    fig = plot(bars, ("rsi", {"period": 7}))
    expected = bars.select(ta.rsi("close", 7)).to_series()
    tr = one(fig, "rsi_7")
    rows = [i for i, v in enumerate(expected) if v is not None]
    assert list(tr.x) == rows
    assert np.allclose(tr.y, expected.drop_nulls().to_numpy())


def test_bands_are_filled_on_the_price_pane(bars: pl.DataFrame) -> None:
    fig = plot(bars, ("bbands", {"period": 20}), "kc")
    for name in ("bbands_20_2_2_sma", "kc_20_10_2"):
        upper, lower = one(fig, f"{name}.upper"), one(fig, f"{name}.lower")
        assert upper.yaxis == lower.yaxis == "y"
        order = list(fig.data)
        # `tonexty` fills to the trace just before: the pair is adjacent, the second filled
        assert order.index(lower) == order.index(upper) + 1
        assert lower.fill == "tonexty"
        assert upper.fill is None
        assert one(fig, f"{name}.middle").fill is None
        assert np.all(np.array(upper.y) >= np.array(lower.y))


def test_levels_are_lines_in_their_pane(bars: pl.DataFrame) -> None:
    fig = plot(bars, "sma", "rsi", "stoch")
    shapes = [(s.y0, s.y1, s.yref, s.type) for s in fig.layout.shapes]
    rsi_axis = one(fig, "rsi_14").yaxis
    assert (30.0, 30.0, rsi_axis, "line") in shapes
    assert (70.0, 70.0, rsi_axis, "line") in shapes
    stoch_axis = one(fig, "stoch_5_3_sma_3_sma.slowk").yaxis
    assert {s[0] for s in shapes if s[2] == stoch_axis} == {20.0, 80.0}
    assert len(shapes) == 4


def test_macd_histogram_is_bars(bars: pl.DataFrame) -> None:
    fig = plot(bars, ta.macd("close"))
    hist = one(fig, "macd_12_26_9.hist")
    assert hist.type == "bar"
    assert one(fig, "macd_12_26_9.macd").type == "scatter"
    assert one(fig, "macd_12_26_9.signal").line.dash == "dash"
    expected = bars.select(ta.macd("close")).to_series().struct.field("hist")
    assert np.allclose(hist.y, expected.drop_nulls().to_numpy())


def test_sar_is_dots_on_the_price(bars: pl.DataFrame) -> None:
    fig = plot(bars, "sar")
    sar = one(fig, "sar_0.02_0.2")
    assert sar.mode == "markers"
    assert sar.yaxis == "y"
    expected = bars.select(ta.sar()).to_series()
    assert np.allclose(sar.y, expected.drop_nulls().to_numpy())


def test_pattern_markers_at_the_bars(bars: pl.DataFrame) -> None:
    fig = plot(bars, "cdlengulfing")
    flags = bars.select(ta.cdlengulfing()).to_series()
    bull, bear = one(fig, "cdlengulfing +"), one(fig, "cdlengulfing -")
    assert bull.yaxis == bear.yaxis == "y"
    assert bull.mode == bear.mode == "markers"
    assert list(bull.x) == [i for i, v in enumerate(flags) if (v or 0) > 0]
    assert list(bear.x) == [i for i, v in enumerate(flags) if (v or 0) < 0]
    assert bull.x and bear.x
    low, high = bars["low"].to_numpy(), bars["high"].to_numpy()
    assert all(y < low[int(x)] for x, y in zip(bull.x, bull.y, strict=True))
    assert all(y > high[int(x)] for x, y in zip(bear.x, bear.y, strict=True))


@pytest.mark.parametrize("right", [2, 5])
def test_pivot_markers_at_the_pivot_bar(bars: pl.DataFrame, right: int) -> None:
    fig = plot(bars, ta.pivot_high(4, right), ta.pivot_low(4, right))
    reported = bars.select(ta.pivot_high(4, right)).to_series()
    rows = [i for i, v in enumerate(reported) if v is not None]
    assert rows
    high = one(fig, f"pivot_high_4_{right}")
    assert high.yaxis == "y"
    assert list(high.x) == [r - right for r in rows]
    assert list(high.y) == [bars["high"][r - right] for r in rows]
    low = one(fig, f"pivot_low_4_{right}")
    assert all(y == bars["low"][int(x)] for x, y in zip(low.x, low.y, strict=True))


def test_display_shift(bars: pl.DataFrame) -> None:
    fig = plot(bars, "ichimoku")
    values = bars.select(ta.ichimoku()).to_series()
    shift = {o["name"]: o["display_shift"] for o in ta.info("ichimoku")["outputs"]}
    assert shift["senkou_a"] == 26
    for out in ("tenkan", "senkou_a"):
        rows = [i for i, v in enumerate(values.struct.field(out)) if v is not None]
        assert list(one(fig, f"ichimoku_9_26_52.{out}").x) == [r + shift[out] for r in rows]
    assert one(fig, "ichimoku_9_26_52.senkou_b").fill == "tonexty"
    # the axis reaches the shifted values beyond the last bar
    assert fig.layout.xaxis.range[1] >= bars.height - 1 + 26


# --- inputs ------------------------------------------------------------------------------------


def test_indicator_spellings_agree(bars: pl.DataFrame) -> None:
    given = bars.with_columns(ta.bbands("close", 20))
    spellings = [
        ("bbands", {"period": 20}),
        ta.bbands("close", 20),
        "bbands(close, 20)",
        "bbands",
    ]
    ys = []
    for spec in [*spellings, "bbands_20_2_2_sma"]:
        frame = given if isinstance(spec, str) and spec in given.columns else bars
        fig = plot(frame, spec)
        assert fig.layout.meta["panes"] == ["price"]
        ys.append(list(one(fig, "bbands_20_2_2_sma.upper").y))
    assert all(y == ys[0] for y in ys)


def test_plain_series(bars: pl.DataFrame) -> None:
    fig = plot(bars, "rsi(close, 14) < 30", ta.rsi("close").alias("mine"))
    signal = one(fig, "rsi(close, 14) < 30")
    assert signal.mode == "markers"
    assert signal.yaxis == "y"
    hits = bars.select(ta.rsi("close") < 30).to_series()
    assert list(signal.x) == [i for i, v in enumerate(hits) if v]
    assert fig.layout.meta["panes"] == ["price", "mine"]


def test_unknown_indicator_and_inputs(bars: pl.DataFrame) -> None:
    with pytest.raises(ta.DslError):
        plot(bars, "no_such_indicator(close)")
    with pytest.raises(TypeError, match="indicator"):
        plot(bars, 14)
    with pytest.raises(ValueError, match="needs columns"):
        plot(bars.drop("low"))
    with pytest.raises(ValueError, match="crosses_above needs its"):
        plot(bars, "crosses_above")
    fig = plot(bars, ta.crosses_above("close", ta.sma("close", 20)))
    assert fig.layout.meta["panes"] == ["price", "crosses_above"]


def test_identify() -> None:
    assert chart.identify("rsi_14") == (ta.info("rsi"), {"period": 14.0})
    entry, params = chart.identify("open_sma_5") or ({}, {})
    assert entry["name"] == "sma"
    assert params == {"period": 5.0}
    found = chart.identify(ta.output_name("bbands", 10, ma_type="ema"))
    assert found is not None
    assert found[1]["ma_type"] == 1.0
    assert chart.identify("plus_di_14") is not None
    assert chart.identify("signal") is None


def test_symbol_selection() -> None:
    frame = ta.sample_ohlcv(300, symbols=["AAA", "BBB"])
    with pytest.raises(ValueError, match="symbol="):
        plot(frame, "rsi")
    fig = plot(frame, "rsi", symbol="BBB")
    own = frame.filter(pl.col("symbol") == "BBB")
    assert list(fig.data[0].open) == own["open"].to_list()
    expected = own.select(ta.rsi("close")).to_series().drop_nulls()
    assert np.allclose(one(fig, "rsi_14").y, expected.to_numpy())
    # the same as the indicator computed per symbol over the whole frame
    grouped = frame.with_columns(ta.rsi("close", by="symbol")).filter(pl.col("symbol") == "BBB")
    assert np.allclose(one(fig, "rsi_14").y, grouped["rsi_14"].drop_nulls().to_numpy())
    with pytest.raises(ValueError, match="no rows"):
        plot(frame, symbol="CCC")


@pytest.mark.skipif(not EURUSD.exists(), reason="real data not present")
def test_time_axis_has_no_gaps() -> None:
    frame = pl.read_csv(EURUSD)
    fig = plot(frame, "sma", title="EURUSD", max_points=None)
    stamps = frame[""].str.to_datetime()
    steps = stamps.diff().drop_nulls()
    # the data has weekend (and other) gaps in time...
    assert steps.max() >= datetime.timedelta(days=2)
    # ...and the chart draws consecutive bars side by side regardless
    x = np.array(fig.data[0].x)
    assert np.all(np.diff(x) == 1)
    assert fig.layout.xaxis.type in (None, "linear", "-")  # a bar-number axis, not dates
    labels = list(fig.layout.xaxis.ticktext)
    assert labels[0] == "2017-04-19 09:00"
    assert labels[-1] == stamps[-1].strftime("%Y-%m-%d %H:%M")
    assert list(fig.data[0].text[:2]) == ["2017-04-19 09:00", "2017-04-19 10:00"]


@pytest.mark.skipif(not (REAL / "GOOG.csv").exists(), reason="real data not present")
def test_daily_labels_are_dates() -> None:
    fig = plot(pl.read_csv(REAL / "GOOG.csv"))
    assert fig.layout.xaxis.ticktext[0] == "2004-08-19"


def test_long_series_are_reduced() -> None:
    frame = ta.sample_ohlcv(20_000)
    fig = plot(frame, "sma", ta.macd("close"), "sar", "cdlengulfing", max_points=1000)
    assert fig.layout.meta["stride"] == 20
    candles = fig.data[0]
    assert len(candles.x) == 1000
    assert candles.high[0] == frame["high"][:20].max()
    assert candles.low[-1] == frame["low"][-20:].min()
    assert candles.open[1] == frame["open"][20]
    assert candles.close[1] == frame["close"][39]
    assert all(len(t.x) <= 1000 for t in fig.data)
    full = plot(frame.head(3000), "sma", max_points=None)
    assert len(full.data[0].x) == 3000


def test_missing_plotly(monkeypatch: pytest.MonkeyPatch, bars: pl.DataFrame) -> None:
    monkeypatch.setitem(sys.modules, "plotly.graph_objects", None)
    with pytest.raises(ImportError, match=r"laakhay-ta\[plot\]"):
        plot(bars)


def test_write_html(tmp_path: Path, bars: pl.DataFrame) -> None:
    page = chart.write_html(plot(bars, "rsi"), tmp_path / "chart.html")
    text = page.read_text()
    assert "<html>" in text[:100]
    assert "Plotly.newPlot" in text
    assert '<script src="https://cdn.plot.ly' not in text  # standalone: plotly.js inlined
    assert len(text) > 1_000_000


# --- a real browser ---------------------------------------------------------------------------

needs_browser = pytest.mark.skipif(
    chart.browser() is None, reason="headless chromium not installed (make browser)"
)


def minute_bars(n: int) -> pl.DataFrame:
    """`n` one-minute bars of a 390-minute session (09:30-16:00), weekdays only."""
    days = pl.date_range(pl.date(2015, 1, 5), pl.date(2040, 1, 1), eager=True)
    days = days.filter(days.dt.weekday() <= 5).head(n // 390 + 1)
    day = pl.Series(range(n)) // 390
    start = days.gather(day).cast(pl.Datetime("us")).cast(pl.Int64)
    minute = (pl.Series(range(n)) % 390 + 570) * 60_000_000
    ts = (start + minute).cast(pl.Datetime("us")).alias("ts")
    return ta.sample_ohlcv(n).with_columns(ts)


def decode_png(data: bytes) -> np.ndarray:
    """An 8-bit RGB/RGBA PNG as an array (stdlib zlib and struct, numpy for the rows)."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, chunks = 8, b""
    width = height = channels = 0
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind, body = data[pos + 4 : pos + 8], data[pos + 8 : pos + 8 + length]
        pos += 12 + length
        if kind == b"IHDR":
            width, height, depth, colour = struct.unpack(">IIBB", body[:10])
            assert depth == 8
            channels = {2: 3, 6: 4}[colour]
        elif kind == b"IDAT":
            chunks += body
    raw = zlib.decompress(chunks)
    stride = width * channels
    out = np.zeros((height, stride), dtype=np.uint8)
    prev = np.zeros(stride, dtype=np.int64)
    for row in range(height):
        start = row * (stride + 1)
        method = raw[start]
        line = np.frombuffer(raw, dtype=np.uint8, count=stride, offset=start + 1).astype(np.int64)
        if method == 1:
            line = np.cumsum(line.reshape(width, channels), axis=0).reshape(stride) % 256
        elif method == 2:
            line = (line + prev) % 256
        elif method in (3, 4):
            cur = line.tolist()
            up = prev.tolist()
            for i in range(stride):
                left = cur[i - channels] if i >= channels else 0
                if method == 3:
                    cur[i] = (cur[i] + (left + up[i]) // 2) % 256
                else:
                    corner = up[i - channels] if i >= channels else 0
                    p = left + up[i] - corner
                    pa, pb, pc = abs(p - left), abs(p - up[i]), abs(p - corner)
                    best = left if pa <= pb and pa <= pc else (up[i] if pb <= pc else corner)
                    cur[i] = (cur[i] + best) % 256
            line = np.array(cur, dtype=np.int64)
        out[row] = line
        prev = line
    return out.reshape(height, width, channels)


def test_png_decoder() -> None:
    # a 3x2 RGB image, one row with the Sub filter and one with Paeth
    pixels = [[(10, 20, 30), (40, 50, 60), (70, 80, 90)], [(1, 2, 3), (4, 5, 6), (250, 0, 9)]]

    def paeth(a: int, b: int, c: int) -> int:
        p = a + b - c
        pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
        return a if pa <= pb and pa <= pc else (b if pb <= pc else c)

    flat = [[v for px in row for v in px] for row in pixels]
    sub = [flat[0][i] - (flat[0][i - 3] if i >= 3 else 0) for i in range(9)]
    pae = [
        flat[1][i]
        - paeth(flat[1][i - 3] if i >= 3 else 0, flat[0][i], flat[0][i - 3] if i >= 3 else 0)
        for i in range(9)
    ]
    raw = bytes([1, *(v % 256 for v in sub), 4, *(v % 256 for v in pae)])

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + b"\0\0\0\0"

    png = (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", 3, 2, 8, 2, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )
    assert decode_png(png).tolist() == [[list(p) for p in row] for row in pixels]


@needs_browser
def test_rendered_in_chromium(tmp_path: Path) -> None:
    """200k minute bars with a few indicators: the page shows 4 panes and is not blank."""
    frame = minute_bars(200_000)
    built = time.perf_counter()
    fig = plot(frame, "rsi", ("bbands", {"period": 20}), ta.macd("close"), "sar", "adx", "plus_di")
    built = time.perf_counter() - built
    assert fig.layout.meta["panes"] == ["price", "rsi", "macd", "directional"]
    assert one(fig, "sar_0.02_0.2").type == "scattergl"  # dense markers: WebGL
    stamp = "document.body.setAttribute('data-rendered-ms', String(Math.round(performance.now())));"
    page = chart.write_html(fig, tmp_path / "chart.html", post_script=stamp)
    loaded = time.perf_counter()
    dom = chart.dump_dom(page)
    loaded = time.perf_counter() - loaded
    assert chart.rendered_panes(dom) == 4
    assert fig.layout.xaxis.ticktext[0] == "2015-01-05 09:30"
    assert ">2015-01-05 09:30</text>" in dom  # the time axis labels are drawn
    rendered = re.search(r'data-rendered-ms="(\d+)"', dom)
    assert rendered is not None
    png = chart.screenshot(page, tmp_path / "chart.png", width=1200, height=1050)
    image = decode_png(png.read_bytes())
    assert image.shape[:2] == (1050, 1200)
    colours = np.unique(image[..., :3].reshape(-1, 3), axis=0)
    assert len(colours) > 50
    # not one colour with a few specks: the background is well under 95% of the picture
    _, counts = np.unique(image[..., :3].reshape(-1, 3), axis=0, return_counts=True)
    assert counts.max() < 0.95 * image.shape[0] * image.shape[1]
    print(
        f"\n200k bars: figure {built:.2f}s, html {page.stat().st_size / 1e6:.1f} MB, "
        f"chromium dump-dom {loaded:.2f}s, plot drawn {rendered.group(1)} ms after navigation"
    )


@needs_browser
def test_write_png(tmp_path: Path, bars: pl.DataFrame) -> None:
    png = chart.write_png(plot(bars, "rsi"), tmp_path / "chart.png", width=800)
    image = decode_png(png.read_bytes())
    assert image.shape[:2] == (650, 800)
    assert len(np.unique(image[..., :3].reshape(-1, 3), axis=0)) > 20
