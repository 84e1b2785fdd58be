"""Charts: price and indicators laid out by the catalog's plot hints (Plotly).

``plot(df, "rsi", ("bbands", {"period": 20}), ta.macd("close"), "adx", "plus_di")`` returns
a Plotly ``Figure``: candlesticks (or a close line) on the price pane, every indicator where
its catalog entry says (overlays on the price pane, its own pane, a pane shared by a
``pane_group``), with fills, reference levels, dots, histograms, pattern and pivot markers,
display shifts and event lags. The x axis is the bar number (no overnight or weekend gaps),
labelled with the bar timestamps. Needs the ``plot`` extra: ``pip install laakhay-ta[plot]``.

An indicator is given as:

* a catalog name, ``"rsi"`` (default parameters, default columns);
* ``(name, {param: value})``, e.g. ``("bbands", {"period": 20})``;
* a Polars expression from this library, ``ta.macd("close", 12, 26, 9)``: it is evaluated on
  the frame and recognised by its result name (``macd_12_26_9``; see `ta.output_name`);
  an expression renamed with ``.alias`` is drawn as a plain series;
* the name of a column already in the frame (``"rsi_14"``), recognised the same way;
* DSL text, ``"bbands(close, 20)"``: a call at the top is drawn as that indicator, anything
  else (``"rsi(close, 14) < 30"``) as a plain series (booleans as markers on the price).

Long series are reduced to about ``max_points`` buckets of whole bars (candles merged
first-open / highest-high / lowest-low / last-close, lines at each bucket's last value,
histograms at the bucket's largest magnitude, markers once per bucket), and dense markers are
drawn with WebGL, so 200k minute bars stay responsive in a browser; pass ``max_points=None``
to draw every bar. Zooming in shows the buckets, not the bars inside them: plot a slice of the
frame for detail.
"""

from __future__ import annotations

import datetime
import math
import os
import re
import shutil
import subprocess
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import polars as pl

from laakhay.ta import _catalog, _engine, _plugin

__all__ = ["plot", "write_html", "write_png"]

Figure = Any
"""A ``plotly.graph_objects.Figure`` (plotly is an optional dependency)."""

_INSTALL_HINT = "charts need plotly: pip install 'laakhay-ta[plot]'"
_TS_NAMES = ("ts", "timestamp", "time", "datetime", "date", "")
_PRICE = ("open", "high", "low", "close")
_PALETTE = (
    "#1f77b4",
    "#ff7f0e",
    "#9467bd",
    "#8c564b",
    "#e377c2",
    "#17becf",
    "#bcbd22",
    "#7f7f7f",
    "#2ca02c",
    "#d62728",
)
_UP, _DOWN = "#26a69a", "#ef5350"
_GL_POINTS = 1000


def _plotly() -> Any:
    try:
        import plotly.graph_objects as go  # type: ignore[import-untyped,import-not-found,unused-ignore]
        from plotly.subplots import (  # type: ignore[import-untyped,import-not-found,unused-ignore]
            make_subplots,
        )
    except ImportError as err:  # pragma: no cover - depends on the environment
        raise ImportError(_INSTALL_HINT) from err
    return go, make_subplots


# --- what to draw -----------------------------------------------------------------------------


@dataclass
class _Item:
    """One requested indicator: the column holding it, and its catalog entry if known."""

    column: str
    label: str
    entry: dict[str, Any] | None = None
    params: dict[str, float] = field(default_factory=dict)


def _token(text: str) -> int | float | str:
    for kind in (int, float):
        try:
            return kind(text)
        except ValueError:
            pass
    return text


def identify(name: str) -> tuple[dict[str, Any], dict[str, float]] | None:
    """The catalog entry and parameters behind a result name (``"bbands_20_2_2_sma"``), or
    None. A leading input-column prefix (``"open_sma_5"``) is allowed.

    Examples
    --------
    >>> from laakhay.ta.plot import identify
    >>> entry, params = identify("pivot_high_5_3")
    >>> entry["name"], params
    ('pivot_high', {'left_bars': 5.0, 'right_bars': 3.0})
    >>> identify("my_signal") is None
    True
    """
    tokens = name.split("_")
    entries = _catalog.entries()
    for start in range(len(tokens)):
        for stop in range(len(tokens), start, -1):
            entry = entries.get("_".join(tokens[start:stop]))
            if entry is None or len(tokens) - stop != len(entry["params"]):
                continue
            names = [p["name"] for p in entry["params"]]
            given = {k: _token(t) for k, t in zip(names, tokens[stop:], strict=True)}
            try:
                values = _catalog.param_values(entry["name"], given)
            except (TypeError, ValueError):
                continue
            if _engine.label(entry["name"], values) == "_".join(tokens[start:]):
                return entry, dict(zip(names, values, strict=True))
    return None


def _default_call(name: str, params: dict[str, Any]) -> pl.Expr:
    """The indicator on the frame's default columns (``expr`` inputs read ``close``)."""
    spec = _catalog.entry(name)
    columns = []
    for keyword, role in zip(spec["input_keywords"], spec["input_roles"], strict=True):
        if keyword == "expr":
            columns.append("close")
        elif role == "price" or keyword in (*_PRICE, "volume"):
            columns.append(keyword)
        else:
            raise ValueError(
                f"plot: {spec['name']} needs its '{keyword}' input; pass an expression, "
                f"e.g. ta.{spec['name']}(...)"
            )
    return _plugin.call(spec["name"], columns, params)


def _resolve(items: Sequence[object], frame: pl.DataFrame) -> tuple[pl.DataFrame, list[_Item]]:
    """Computes every requested indicator on `frame`; returns the frame and what to draw."""
    exprs: list[pl.Expr] = []
    resolved: list[_Item] = []
    dsl: list[tuple[int, str]] = []
    for pos, item in enumerate(items):
        if isinstance(item, pl.Expr):
            exprs.append(item)
            resolved.append(_Item(column="", label=""))
        elif isinstance(item, tuple) and len(item) == 2 and isinstance(item[0], str):
            name, params = item
            if not isinstance(params, dict):
                raise TypeError(f"plot: parameters of {name!r} must be a dict, got {params!r}")
            exprs.append(_default_call(name, params))
            resolved.append(_Item(column="", label=""))
        elif isinstance(item, str) and item in frame.columns:
            resolved.append(_Item(column=item, label=item))
        elif isinstance(item, str) and item.isidentifier() and item.lower() in _names():
            exprs.append(_default_call(item, {}))
            resolved.append(_Item(column="", label=""))
        elif isinstance(item, str):
            dsl.append((pos, item))
            resolved.append(_Item(column="", label=item))
        else:
            raise TypeError(
                "plot: an indicator is a catalog name, (name, params), a polars expression, "
                f"a column name or DSL text; got {type(item).__name__} {item!r}"
            )
    added = frame.select(exprs) if exprs else pl.DataFrame()
    names = iter(added.columns)
    for it in resolved:
        if not it.column and not it.label:
            it.column = it.label = next(names)
    frame = frame.with_columns(added.rename(lambda c: f"__plot_{c}").get_columns())
    for it in resolved:
        if it.column in added.columns:
            it.column = f"__plot_{it.column}"
    for i, (pos, text) in enumerate(dsl):
        from laakhay.ta.dsl import compile as compile_dsl

        out = f"plot_dsl_{i}"
        plan = compile_dsl(text, name=out)
        frame = plan.apply(frame).rename({out: f"__plot_{out}"})
        item = resolved[pos]
        item.column = f"__plot_{out}"
        root = plan.ir["nodes"][plan.ir["outputs"][out]]
        if root["op"] == "call" and root["name"] in _names():
            entry = _catalog.entry(root["name"])
            item.entry = entry
            item.params = {p["name"]: float(root["params"][p["name"]]) for p in entry["params"]}
            item.label = _engine.label(entry["name"], [item.params[k] for k in item.params])
    for it in resolved:
        if it.entry is None and not it.column.startswith("__plot_plot_dsl_"):
            found = identify(it.label)
            if found is not None:
                it.entry, it.params = found
    return frame, resolved


def _names() -> dict[str, dict[str, Any]]:
    return _catalog.entries()


# --- the frame --------------------------------------------------------------------------------


def _prepare(
    df: pl.DataFrame | pl.LazyFrame,
    ts: str | None,
    symbol: object,
    by: str | None,
) -> tuple[pl.DataFrame, str | None]:
    """The selected symbol's rows in time order, with lower-case OHLCV names; the ts column."""
    frame = df.collect() if isinstance(df, pl.LazyFrame) else df
    if not isinstance(frame, pl.DataFrame):
        raise TypeError(f"plot takes a polars DataFrame or LazyFrame, got {type(df).__name__}")
    lower = {c.lower(): c for c in frame.columns}
    renames = {lower[k]: k for k in (*_PRICE, "volume") if k not in frame.columns and k in lower}
    frame = frame.rename(renames)
    if by == "auto":
        by = "symbol" if "symbol" in frame.columns else None
    if by is not None:
        if by not in frame.columns:
            raise ValueError(f"plot: no column {by!r} to select symbols by")
        symbols = frame[by].unique(maintain_order=True)
        if symbol is None:
            if len(symbols) > 1:
                raise ValueError(
                    f"plot: the frame has {len(symbols)} symbols in {by!r} "
                    f"({', '.join(map(str, symbols.head(5).to_list()))}, ...); pick one with "
                    "symbol="
                )
        else:
            frame = frame.filter(pl.col(by) == symbol)
            if frame.height == 0:
                raise ValueError(f"plot: no rows for symbol {symbol!r} in {by!r}")
    elif symbol is not None:
        raise ValueError("plot: symbol= needs a symbol column (by=)")
    missing = [c for c in _PRICE if c not in frame.columns]
    if missing:
        raise ValueError(f"plot: the frame needs columns {', '.join(missing)}")
    if ts == "auto":
        temporal = [c for c, t in frame.schema.items() if t.is_temporal()]
        named = [c for c in _TS_NAMES if c in frame.columns]
        ts = temporal[0] if temporal else (named[0] if named else None)
    if ts is not None:
        if ts not in frame.columns:
            raise ValueError(f"plot: no timestamp column {ts!r}")
        if frame.schema[ts] == pl.String:
            frame = frame.with_columns(pl.col(ts).str.to_datetime(strict=False))
        if frame.schema[ts].is_temporal() and not frame[ts].is_sorted():
            frame = frame.sort(ts, maintain_order=True)
    return frame, ts


def _labels(frame: pl.DataFrame, ts: str | None) -> pl.Series:
    """A text label per bar: its timestamp (date only when every bar is at midnight)."""
    if ts is None:
        source = frame["bar"] if "bar" in frame.columns else pl.Series(range(frame.height))
        return source.cast(pl.String)
    col = frame[ts]
    if col.dtype == pl.Date:
        return col.dt.to_string("%Y-%m-%d")
    if isinstance(col.dtype, pl.Datetime):
        midnight = bool((col.dt.time() == datetime.time(0)).all())
        return col.dt.to_string("%Y-%m-%d" if midnight else "%Y-%m-%d %H:%M")
    return col.cast(pl.String)


# --- reduction of long series -----------------------------------------------------------------


def _reduce(x: pl.Series, y: pl.Series, stride: int, how: str) -> tuple[list[float], list[Any]]:
    """Points at bar positions `x` reduced to one per bucket of `stride` bars; x at the
    bucket's centre. `how`: last, absmax, min or max."""
    data = pl.DataFrame({"x": x.cast(pl.Int64), "y": y}).drop_nulls()
    if data.schema["y"] in (pl.Float64, pl.Float32):
        data = data.filter(pl.col("y").is_finite())
    if stride <= 1:
        return data["x"].cast(pl.Float64).to_list(), data["y"].to_list()
    agg = {
        "last": pl.col("y").last(),
        "absmax": pl.col("y").sort_by(pl.col("y").abs()).last(),
        "min": pl.col("y").min(),
        "max": pl.col("y").max(),
    }[how]
    out = data.group_by((pl.col("x") // stride).alias("b"), maintain_order=True).agg(agg).sort("b")
    centre = out["b"].cast(pl.Float64) * stride + (stride - 1) / 2
    return centre.to_list(), out["y"].to_list()


# --- layout ------------------------------------------------------------------------------------


@dataclass
class _Trace:
    pane: str
    kind: str  # line, bar, markers
    name: str
    x: list[float]
    y: list[Any]
    color: str
    dash: str | None = None
    fill_to_previous: bool = False
    symbol: str | None = None
    group: str = ""


@dataclass
class _Pane:
    key: str
    levels: list[float] = field(default_factory=list)


def plot(
    df: pl.DataFrame | pl.LazyFrame,
    *indicators: object,
    ts: str | None = "auto",
    symbol: object = None,
    by: str | None = "auto",
    kind: str = "candlestick",
    title: str | None = None,
    max_points: int | None = 1500,
    height: int | None = None,
    webgl: bool | None = None,
) -> Figure:
    """A Plotly figure of the price and `indicators`, laid out by the catalog's plot hints.

    Parameters
    ----------
    df
        Bars with ``open``, ``high``, ``low``, ``close`` (any case), in time order.
    *indicators
        Catalog names, ``(name, params)`` pairs, this library's expressions, column names or
        DSL text (see the module docs).
    ts
        The timestamp column for the axis labels; ``"auto"`` takes the first temporal column
        or one named ts/timestamp/time/datetime/date (a string column is parsed); None
        labels bars by ``bar`` or their row number.
    symbol
        The symbol to draw from a multi-symbol frame (required when there are several).
    by
        The symbol column; ``"auto"`` is ``"symbol"`` when the frame has one.
    kind
        ``"candlestick"`` or ``"line"`` (the close).
    title
        Figure title.
    max_points
        Buckets the bars are reduced to when there are more bars (None: every bar).
    height
        Figure height in pixels (default 450 plus 200 per indicator pane).
    webgl
        Draw markers with WebGL (``Scattergl``): faster for many points, needs WebGL in the
        browser. None: for marker traces of more than 1000 points.

    Returns
    -------
    plotly.graph_objects.Figure
        ``fig.layout.meta`` holds ``panes`` (pane names, top to bottom) and ``stride``
        (bars per drawn point).

    Examples
    --------
    >>> from laakhay import ta
    >>> from laakhay.ta.plot import plot
    >>> fig = plot(ta.sample_ohlcv(300), "rsi", ("bbands", {"period": 20}), ta.macd("close"))
    >>> fig.layout.meta["panes"]
    ['price', 'rsi', 'macd']
    """
    go, make_subplots = _plotly()
    if kind not in ("candlestick", "line"):
        raise ValueError(f"plot: kind must be 'candlestick' or 'line', got {kind!r}")
    if max_points is not None and max_points < 1:
        raise ValueError(f"plot: max_points must be positive, got {max_points}")
    frame, ts_col = _prepare(df, ts, symbol, by)
    frame, items = _resolve(indicators, frame)
    n = frame.height
    stride = 1 if max_points is None or n <= max_points else math.ceil(n / max_points)
    rows = pl.Series("x", range(n), dtype=pl.Int64)
    spread = (frame["high"] - frame["low"]).median()
    offset = 0.6 * float(spread) if isinstance(spread, (int, float)) and spread > 0 else 0.0

    panes: dict[str, _Pane] = {"price": _Pane("price")}
    traces: list[_Trace] = []
    for number, item in enumerate(items):
        color = _PALETTE[number % len(_PALETTE)]
        traces += _item_traces(item, frame, rows, stride, offset, color, panes)

    order = list(panes)
    weights = [3.0] + [1.0] * (len(order) - 1)
    fig = make_subplots(
        rows=len(order),
        cols=1,
        shared_xaxes=True,
        vertical_spacing=0.03 if len(order) > 1 else 0.0,
        row_heights=[w / sum(weights) for w in weights],
    )
    labels = _labels(frame, ts_col)
    _price_traces(fig, go, frame, labels, stride, kind)
    seen: set[str] = set()
    for tr in traces:
        row = order.index(tr.pane) + 1
        show = tr.group not in seen
        seen.add(tr.group)
        common = {
            "x": tr.x,
            "y": tr.y,
            "name": tr.name,
            "legendgroup": tr.group,
            "showlegend": show,
        }
        if tr.kind == "bar":
            colors = [_UP if (v or 0) >= 0 else _DOWN for v in tr.y]
            fig.add_trace(
                go.Bar(**common, marker={"color": colors, "line": {"width": 0}}), row=row, col=1
            )
        elif tr.kind == "markers":
            marker = {"color": tr.color, "size": 7 if tr.symbol else 4}
            if tr.symbol:
                marker["symbol"] = tr.symbol
            gl = webgl if webgl is not None else len(tr.x) > _GL_POINTS
            kind_ = go.Scattergl if gl else go.Scatter
            fig.add_trace(kind_(**common, mode="markers", marker=marker), row=row, col=1)
        else:
            fill = {"fill": "tonexty", "fillcolor": _tint(tr.color)} if tr.fill_to_previous else {}
            line = {"color": tr.color, "width": 1.2}
            if tr.dash:
                line["dash"] = tr.dash
            fig.add_trace(go.Scatter(**common, mode="lines", line=line, **fill), row=row, col=1)
    for row, key in enumerate(order, start=1):
        for level in panes[key].levels:
            fig.add_hline(
                y=level, row=row, col=1, line={"color": "#888", "width": 1, "dash": "dot"}
            )
        fig.update_yaxes(title_text=key, row=row, col=1)

    last = max([n - 1.0] + [max(t.x) for t in traces if t.x])
    first = min([0.0] + [min(t.x) for t in traces if t.x])
    ticks = _ticks(n, labels)
    fig.update_xaxes(
        range=[first - 0.5 * stride, last + 0.5 * stride],
        tickmode="array",
        tickvals=[p for p, _ in ticks],
        ticktext=[t for _, t in ticks],
        rangeslider_visible=False,
        showspikes=True,
        spikemode="across",
        spikethickness=1,
    )
    fig.update_layout(
        title=title,
        height=height or 450 + 200 * (len(order) - 1),
        margin={"l": 60, "r": 20, "t": 50 if title else 30, "b": 40},
        hovermode="x",
        legend={"orientation": "h", "y": 1.0, "yanchor": "bottom", "x": 0},
        bargap=0,
        template="plotly_white",
        meta={"panes": order, "stride": stride, "bars": n},
    )
    return fig


def _tint(color: str) -> str:
    r, g, b = (int(color[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgba({r},{g},{b},0.12)"


def _ticks(n: int, labels: pl.Series, count: int = 8) -> list[tuple[float, str]]:
    if n == 0:
        return []
    positions = sorted({round(i * (n - 1) / max(count - 1, 1)) for i in range(count)})
    return [(float(p), str(labels[p])) for p in positions]


def _price_traces(
    fig: Any, go: Any, frame: pl.DataFrame, labels: pl.Series, stride: int, kind: str
) -> None:
    n = frame.height
    bucket = pl.Series("b", range(n), dtype=pl.Int64) // stride
    bars = (
        frame.select(*_PRICE)
        .with_columns(bucket, labels.alias("label"))
        .group_by("b", maintain_order=True)
        .agg(
            pl.col("open").first(),
            pl.col("high").max(),
            pl.col("low").min(),
            pl.col("close").last(),
            pl.col("label").first(),
        )
    )
    x = (bars["b"].cast(pl.Float64) * stride + (stride - 1) / 2).to_list()
    if kind == "candlestick":
        fig.add_trace(
            go.Candlestick(
                x=x,
                open=bars["open"].to_list(),
                high=bars["high"].to_list(),
                low=bars["low"].to_list(),
                close=bars["close"].to_list(),
                text=bars["label"].to_list(),
                name="price",
                increasing={"line": {"color": _UP, "width": 1}, "fillcolor": _UP},
                decreasing={"line": {"color": _DOWN, "width": 1}, "fillcolor": _DOWN},
            ),
            row=1,
            col=1,
        )
    else:
        fig.add_trace(
            go.Scatter(
                x=x,
                y=bars["close"].to_list(),
                text=bars["label"].to_list(),
                mode="lines",
                name="close",
                line={"color": "#333", "width": 1.2},
            ),
            row=1,
            col=1,
        )


def _item_traces(
    item: _Item,
    frame: pl.DataFrame,
    rows: pl.Series,
    stride: int,
    offset: float,
    color: str,
    panes: dict[str, _Pane],
) -> list[_Trace]:
    column = frame[item.column]
    entry = item.entry
    if entry is None:
        return _plain_traces(item, column, frame, rows, stride, offset, color, panes)
    outputs = entry["outputs"]
    if isinstance(column.dtype, pl.Struct):
        series = {o["name"]: column.struct.field(o["name"]) for o in outputs}
    else:
        series = {outputs[0]["name"]: column}
    own_key = next((o["pane_group"] for o in outputs if o["pane_group"]), None) or entry["name"]
    uses_own = any(o["pane"] != "price" for o in outputs) and entry["group"] != "pattern"
    if uses_own:
        pane = panes.setdefault(own_key, _Pane(own_key))
        pane.levels += [v for v in entry["levels"] or [] if v not in pane.levels]
    fills = {f["lower"]: f["upper"] for f in entry["fills"] or []}
    uppers = set(fills.values())
    out: list[_Trace] = []
    pending: dict[str, _Trace] = {}
    many = len(outputs) > 1
    for number, o in enumerate(outputs):
        values = series[o["name"]]
        name = f"{item.label}.{o['name']}" if many else item.label
        lag = int(item.params.get(o["event_lag_param"] or "", 0))
        x = rows + int(o["display_shift"] or 0) - lag
        pane_key = "price" if o["pane"] == "price" or entry["group"] == "pattern" else own_key
        shade = color if number == 0 else _PALETTE[(_PALETTE.index(color) + number) % 10]
        if entry["group"] == "pattern":
            out += _pattern_traces(name, values, frame, x, stride, offset)
            continue
        if o["dtype"] in ("Int32", "Boolean") and pane_key == "price":
            out += _event_traces(name, o["name"], values, frame, x, stride, offset, shade)
            continue
        if o["dtype"] == "Boolean":
            values = values.cast(pl.Float64)
            if o["style"] == "dots":
                values = pl.select(pl.when(values).then(0.0).alias("y"))["y"]
        if o["style"] == "histogram":
            px, py = _reduce(x, values, stride, "absmax")
            out.append(_Trace(pane_key, "bar", name, px, py, shade, group=item.label))
            continue
        if o["style"] == "dots":
            px, py = _reduce(x, values, stride, "last")
            out.append(_Trace(pane_key, "markers", name, px, py, shade, group=item.label))
            continue
        px, py = _reduce(x, values, stride, "last")
        dash = "dash" if o["style"] == "dashed_line" else None
        tr = _Trace(pane_key, "line", name, px, py, shade, dash=dash, group=item.label)
        if o["name"] in uppers or o["name"] in fills:
            band_color = color
            tr.color = band_color
            partner = fills.get(o["name"]) or next(k for k, v in fills.items() if v == o["name"])
            if partner in pending:
                first = pending.pop(partner)
                tr.fill_to_previous = True
                out.append(first)
                out.append(tr)
            else:
                pending[o["name"]] = tr
            continue
        out.append(tr)
    out += pending.values()
    return out


def _pattern_traces(
    name: str, values: pl.Series, frame: pl.DataFrame, x: pl.Series, stride: int, offset: float
) -> list[_Trace]:
    """Candlestick patterns: bullish (> 0) below the bar's low, bearish (< 0) above its high."""
    bull = pl.when(values > 0).then(frame["low"] - offset)
    bear = pl.when(values < 0).then(frame["high"] + offset)
    ys = pl.select(bull.alias("bull"), bear.alias("bear"))
    bx, by_ = _reduce(x, ys["bull"], stride, "min")
    sx, sy = _reduce(x, ys["bear"], stride, "max")
    return [
        _Trace("price", "markers", f"{name} +", bx, by_, _UP, symbol="triangle-up", group=name),
        _Trace("price", "markers", f"{name} -", sx, sy, _DOWN, symbol="triangle-down", group=name),
    ]


def _event_traces(
    name: str,
    output: str,
    values: pl.Series,
    frame: pl.DataFrame,
    x: pl.Series,
    stride: int,
    offset: float,
    color: str,
) -> list[_Trace]:
    """Integer or boolean events on the price pane: a marker at the bar where they are set
    (below the low for outputs named ...low, above the high otherwise)."""
    hit = values.cast(pl.Boolean) if values.dtype == pl.Boolean else values != 0
    below = "low" in output
    at = frame["low"] - offset if below else frame["high"] + offset
    ys = pl.select(pl.when(hit).then(at).alias("y"))["y"]
    px, py = _reduce(x, ys, stride, "min" if below else "max")
    symbol = "triangle-up" if below else "triangle-down"
    return [_Trace("price", "markers", name, px, py, color, symbol=symbol, group=name)]


def _plain_traces(
    item: _Item,
    column: pl.Series,
    frame: pl.DataFrame,
    rows: pl.Series,
    stride: int,
    offset: float,
    color: str,
    panes: dict[str, _Pane],
) -> list[_Trace]:
    """A series the catalog does not describe: booleans as markers on the price, numbers as
    lines in a pane of their own (every field of a struct)."""
    if column.dtype == pl.Boolean:
        return _event_traces(item.label, "", column, frame, rows, stride, offset, color)
    panes.setdefault(item.label, _Pane(item.label))
    fields = (
        {name: column.struct.field(name) for name in column.struct.fields}
        if isinstance(column.dtype, pl.Struct)
        else {"": column}
    )
    out = []
    for number, (name, values) in enumerate(fields.items()):
        if not values.dtype.is_numeric() and values.dtype != pl.Boolean:
            continue
        px, py = _reduce(rows, values.cast(pl.Float64), stride, "last")
        shade = _PALETTE[(_PALETTE.index(color) + number) % 10]
        label = f"{item.label}.{name}" if name else item.label
        out.append(_Trace(item.label, "line", label, px, py, shade, group=item.label))
    return out


# --- export ------------------------------------------------------------------------------------


def write_html(fig: Figure, path: str | os.PathLike[str], **options: Any) -> Path:
    """Writes `fig` as a standalone HTML page (plotly.js inlined, works offline).

    `options` go to ``Figure.write_html`` (``include_plotlyjs="cdn"`` for a small file that
    loads plotly.js from the web).
    """
    target = Path(path)
    options.setdefault("include_plotlyjs", True)
    options.setdefault("full_html", True)
    fig.write_html(str(target), **options)
    return target


def browser() -> str | None:
    """The headless browser used for PNG export: ``$LAAKHAY_BROWSER``, else chromium or
    google-chrome on the PATH."""
    found = os.environ.get("LAAKHAY_BROWSER")
    if found:
        return found
    for name in ("chromium", "chromium-browser", "google-chrome", "chrome"):
        path = shutil.which(name)
        if path:
            return path
    return None


def screenshot(
    html: str | os.PathLike[str],
    png: str | os.PathLike[str],
    *,
    width: int = 1400,
    height: int = 900,
    timeout: float = 120.0,
) -> Path:
    """Renders an HTML page in headless Chromium and saves a PNG screenshot of it."""
    exe = browser()
    if exe is None:
        raise RuntimeError("PNG export needs a headless Chromium (apt-get install chromium)")
    target = Path(png).resolve()
    with tempfile.TemporaryDirectory(prefix="laakhay-plot-") as profile:
        subprocess.run(
            [
                exe,
                *_browser_flags(profile),
                f"--window-size={width},{height}",
                f"--screenshot={target}",
                Path(html).resolve().as_uri(),
            ],
            check=True,
            capture_output=True,
            timeout=timeout,
        )
    if not target.exists():
        raise RuntimeError(f"the browser wrote no screenshot to {target}")
    return target


def _browser_flags(profile: str) -> list[str]:
    flags = [
        "--headless",
        "--disable-gpu",
        "--hide-scrollbars",
        "--no-first-run",
        "--disable-extensions",
        f"--user-data-dir={profile}",
        "--virtual-time-budget=30000",
    ]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        flags.append("--no-sandbox")
    return flags


def write_png(
    fig: Figure, path: str | os.PathLike[str], *, width: int = 1400, height: int | None = None
) -> Path:
    """Writes `fig` as a PNG by screenshotting its HTML in headless Chromium (no kaleido)."""
    tall = height or int(fig.layout.height or 900)
    with tempfile.TemporaryDirectory(prefix="laakhay-plot-") as tmp:
        page = write_html(fig, Path(tmp) / "chart.html", config={"staticPlot": True})
        return screenshot(page, path, width=width, height=tall)


def dump_dom(html: str | os.PathLike[str], *, timeout: float = 120.0) -> str:
    """The page's DOM after its scripts ran, as headless Chromium serialises it."""
    exe = browser()
    if exe is None:
        raise RuntimeError("needs a headless Chromium (apt-get install chromium)")
    with tempfile.TemporaryDirectory(prefix="laakhay-plot-") as profile:
        done = subprocess.run(
            [exe, *_browser_flags(profile), "--dump-dom", Path(html).resolve().as_uri()],
            check=True,
            capture_output=True,
            text=True,
            timeout=timeout,
        )
    return done.stdout


def rendered_panes(dom: str) -> int:
    """Number of cartesian panes (x/y subplots) in a rendered Plotly page's DOM."""
    return len(set(re.findall(r'class="subplot (x\d*y\d*)', dom)))
