"""The engine's catalog as Python objects: the source for signatures, docs and validation."""

from __future__ import annotations

import functools
import json
import numbers
from typing import Any

import polars as pl

from laakhay.ta import _engine


@functools.cache
def document() -> dict[str, Any]:
    """The engine's catalog document (``format_version``, ``ma_types``, ``indicators``)."""
    doc: dict[str, Any] = json.loads(_engine.catalog_json())
    return doc


@functools.cache
def entries() -> dict[str, dict[str, Any]]:
    """Catalog entries keyed by our name, in catalog order. ``inputs`` lists TA-Lib's input
    names; ``input_keywords`` and ``input_roles`` ours."""
    found = {}
    for raw in document()["indicators"]:
        e = dict(raw)
        e["inputs"] = [i["name"] for i in raw["inputs"]]
        e["input_keywords"] = [i["keyword"] for i in raw["inputs"]]
        e["input_roles"] = [i["role"] for i in raw["inputs"]]
        found[e["name"]] = e
    return found


def ma_types() -> list[tuple[str, int]]:
    """The moving-average types ``(name, code)`` that ``ma_type`` parameters accept."""
    return [(m["name"], m["code"]) for m in document()["ma_types"]]


def entry(name: str) -> dict[str, Any]:
    """One entry by our name or TA-Lib's (case-insensitive); `KeyError` with suggestions."""
    key = name.lower()
    found = entries().get(key)
    if found is None:
        found = next(
            (
                e
                for e in entries().values()
                if e["talib_name"] is not None and e["talib_name"].lower() == key
            ),
            None,
        )
    if found is None:
        close = [n for n in entries() if n.startswith(key[:2])][:5]
        hint = f"; did you mean {', '.join(close)}?" if close else ""
        raise KeyError(f"unknown indicator '{name}'{hint}")
    return found


def catalog() -> pl.DataFrame:
    """Every indicator with its inputs, parameters, outputs and lookback.

    Returns
    -------
    polars.DataFrame
        One row per indicator: ``name``, ``origin`` (``"talib"`` for TA-Lib's functions,
        ``"laakhay"`` for our own, which TA-Lib does not have: lags, crossings, positions,
        session anchors, published indicators beyond TA-Lib),
        ``talib_name`` (null for our own), ``group`` (ours, snake_case), ``talib_group``
        (TA-Lib's, e.g. ``"Overlap Studies"``; null for our own groups), ``summary``, ``details``
        (the full rules where the summary cannot hold them, else null),
        ``inputs`` (TA-Lib's input names), ``input_keywords`` (ours), ``input_roles`` (price,
        free, signal, ...), ``primary_input`` (the input the ``.ta`` receiver stands for),
        ``params`` (list of structs with ``name``, ``talib_name``, ``kind``, ``default``,
        ``min``, ``max``, ``description``), ``outputs`` (list of structs with ``name``,
        ``talib_name``, ``dtype`` (Float64, Int32 or Boolean), plot hints ``pane``,
        ``style``, ``display_shift``, ``confirmation_lag``, ``pane_group``,
        ``event_lag_param``), ``levels``
        (reference lines, e.g. RSI 30/70),
        ``fills`` (output pairs to shade between), ``flags``, ``missing_data``,
        ``deviations`` (deliberate departures from TA-Lib, with the reason),
        ``default_lookback`` (bars before the first value with default parameters) and
        ``output_name`` (the result's name with default parameters and columns).

    Examples
    --------
    >>> from laakhay import ta
    >>> cat = ta.catalog()
    >>> cat.filter(cat["name"] == "macd")["default_lookback"].item()
    33
    >>> cat.filter(cat["name"] == "rsi")["talib_group"].item()
    'Momentum Indicators'
    >>> cat.filter(cat["name"] == "bbands")["outputs"].item().struct.field("name").to_list()
    ['upper', 'middle', 'lower']
    >>> cat.filter(cat["origin"] == "laakhay")["name"].to_list()[:5]
    ['lag', 'crosses_above', 'crosses_below', 'crosses', 'position']
    """
    rows = list(entries().values())
    return pl.DataFrame(
        rows,
        schema={
            "name": pl.String,
            "origin": pl.String,
            "talib_name": pl.String,
            "group": pl.String,
            "talib_group": pl.String,
            "summary": pl.String,
            "details": pl.String,
            "inputs": pl.List(pl.String),
            "input_keywords": pl.List(pl.String),
            "input_roles": pl.List(pl.String),
            "primary_input": pl.Int64,
            "params": pl.List(
                pl.Struct(
                    {
                        "name": pl.String,
                        "talib_name": pl.String,
                        "kind": pl.String,
                        "default": pl.Float64,
                        "min": pl.Float64,
                        "max": pl.Float64,
                        "description": pl.String,
                    }
                )
            ),
            "outputs": pl.List(
                pl.Struct(
                    {
                        "name": pl.String,
                        "talib_name": pl.String,
                        "dtype": pl.String,
                        "pane": pl.String,
                        "style": pl.String,
                        "display_shift": pl.Int64,
                        "confirmation_lag": pl.Int64,
                        "pane_group": pl.String,
                        "event_lag_param": pl.String,
                    }
                )
            ),
            "levels": pl.List(pl.Float64),
            "fills": pl.List(pl.Struct({"upper": pl.String, "lower": pl.String})),
            "flags": pl.List(pl.String),
            "missing_data": pl.String,
            "deviations": pl.List(pl.String),
            "default_lookback": pl.Int64,
            "output_name": pl.String,
        },
    )


def info(name: str) -> dict[str, Any]:
    """One catalog entry as a dict; accepts our name or TA-Lib's.

    Examples
    --------
    >>> from laakhay import ta
    >>> rsi = ta.info("RSI")
    >>> rsi["name"], [p["name"] for p in rsi["params"]], rsi["default_lookback"]
    ('rsi', ['period'], 14)
    """
    return dict(entry(name))


def _marshal(indicator: str, key: str, value: object) -> int | float | str:
    """A Python parameter value as the engine takes it: integral numbers as ``int``
    (``numpy.int64`` included), real numbers as ``float``, names as ``str``. ``bool`` is
    refused here, since Python counts it as an integer."""
    if isinstance(value, bool) or type(value).__name__ == "bool_":
        raise TypeError(f"{indicator}: parameter '{key}' must be a number, got bool {value!r}")
    if isinstance(value, numbers.Integral):
        number = int(value)
        if abs(number) > 2**53:
            # Beyond exact floats: report the value as given, not a rounded float.
            spec = next((p for p in entry(indicator)["params"] if p["name"] == key), None)
            if spec is not None:
                raise ValueError(
                    f"{indicator}: parameter '{key}' must be between {_num(spec['min'])} and "
                    f"{_num(spec['max'])}, got {number}"
                )
        return number
    if isinstance(value, numbers.Real):
        return float(value)
    if isinstance(value, str):
        return value
    raise TypeError(
        f"{indicator}: parameter '{key}' must be a number, got {type(value).__name__} {value!r}"
    )


def _num(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else repr(value)


def param_values(name: str, given: dict[str, Any]) -> list[float]:
    """Parameter values in catalog order: `given` over the defaults, checked by the engine.

    Integer parameters take any integral number (``int``, ``numpy.int64``, a whole float);
    float parameters any real number; moving-average types also a name (``"ema"``); ``bool``
    is refused. Raises `TypeError` for an unknown parameter or a value of the wrong type and
    `ValueError` for a value out of range; both name the parameter.
    """
    spec = entry(name)
    pairs = [(key, _marshal(spec["name"], key, value)) for key, value in given.items()]
    return _engine.resolve(spec["name"], pairs)


def _bind(name: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> dict[str, Any]:
    """Positional parameters (catalog order) and keywords as one dict, like a call binds them."""
    spec = entry(name)
    names = [p["name"] for p in spec["params"]]
    if len(args) > len(names):
        raise TypeError(
            f"{spec['name']}: takes {len(names)} parameters ({', '.join(names) or 'none'}), "
            f"got {len(args)} positional"
        )
    bound = dict(zip(names, args, strict=False))
    for key, value in kwargs.items():
        if key in bound:
            raise TypeError(f"{spec['name']}: parameter '{key}' given twice")
        bound[key] = value
    return bound


def lookback(name: str, *args: Any, **params: Any) -> int:
    """Rows before the first value for these parameters (TA-Lib's lookback).

    Parameters are positional in catalog order (as in the indicator functions) or keywords.

    Examples
    --------
    >>> from laakhay import ta
    >>> ta.lookback("macd"), ta.lookback("rsi", 2), ta.lookback("adx", period=14)
    (33, 2, 27)
    """
    spec = entry(name)
    values = param_values(spec["name"], _bind(spec["name"], args, params))
    return _engine.lookback(spec["name"], values)


def output_name(name: str, *args: Any, **params: Any) -> str:
    """The name an indicator's result gets when it reads its default columns.

    ``name`` followed by every parameter value (``rsi_14``, ``macd_12_26_9``,
    ``bbands_20_2_2_sma``); when the input is another column, that column's name comes first
    (``open_sma_5``). Parameters as in `lookback`.

    Examples
    --------
    >>> from laakhay import ta
    >>> ta.output_name("rsi", 14), ta.output_name("bbands"), ta.output_name("sar")
    ('rsi_14', 'bbands_20_2_2_sma', 'sar_0.02_0.2')
    """
    spec = entry(name)
    values = param_values(spec["name"], _bind(spec["name"], args, params))
    return _engine.label(spec["name"], values)
