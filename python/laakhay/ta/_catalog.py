"""The engine's catalog as Python objects: the source for signatures, docs and validation."""

from __future__ import annotations

import functools
from typing import Any

import polars as pl

from laakhay.ta import _engine


@functools.cache
def entries() -> dict[str, dict[str, Any]]:
    """Catalog entries keyed by our name, in catalog order."""
    return {e["name"]: e for e in _engine.catalog()}


def entry(name: str) -> dict[str, Any]:
    """One entry by our name or TA-Lib's (case-insensitive); `KeyError` with suggestions."""
    key = name.lower()
    found = entries().get(key)
    if found is None:
        found = next((e for e in entries().values() if e["talib_name"].lower() == key), None)
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
        One row per indicator: ``name``, ``talib_name``, ``group``, ``summary``, ``inputs``,
        ``params`` (list of structs with ``name``, ``talib_name``, ``kind``, ``default``,
        ``min``, ``max``, ``description``), ``outputs`` (list of structs with ``name``,
        ``talib_name``, ``dtype``, ``pane``, ``style``), ``flags``, ``missing_data``,
        ``deviations`` (deliberate departures from TA-Lib, with the reason) and
        ``default_lookback`` (bars before the first value with default parameters).

    Examples
    --------
    >>> from laakhay import ta
    >>> cat = ta.catalog()
    >>> cat.filter(cat["name"] == "macd")["default_lookback"].item()
    33
    >>> cat.filter(cat["name"] == "bbands")["outputs"].item().struct.field("name").to_list()
    ['upper', 'middle', 'lower']
    """
    rows = list(entries().values())
    return pl.DataFrame(
        rows,
        schema={
            "name": pl.String,
            "talib_name": pl.String,
            "group": pl.String,
            "summary": pl.String,
            "inputs": pl.List(pl.String),
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
                    }
                )
            ),
            "flags": pl.List(pl.String),
            "missing_data": pl.String,
            "deviations": pl.List(pl.String),
            "default_lookback": pl.Int64,
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


def param_values(name: str, given: dict[str, Any]) -> list[float]:
    """Parameter values in catalog order: `given` over the defaults, type-checked.

    Raises `TypeError` for an unknown parameter or a value of the wrong type and `ValueError`
    (from the engine) for a value out of range; both name the parameter.
    """
    spec = entry(name)
    known = {p["name"]: p for p in spec["params"]}
    for key in given:
        if key not in known:
            raise TypeError(
                f"{spec['name']}: unknown parameter '{key}' (takes {', '.join(known) or 'none'})"
            )
    values = []
    for p in spec["params"]:
        value = given.get(p["name"], p["default"])
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            wanted = "a number" if p["kind"] == "float" else "an integer"
            raise TypeError(
                f"{spec['name']}: parameter '{p['name']}' must be {wanted}, "
                f"got {type(value).__name__} {value!r}"
            )
        values.append(float(value))
    _engine.validate(spec["name"], values)
    return values


def lookback(name: str, **params: Any) -> int:
    """Rows before the first value for these parameters (TA-Lib's lookback).

    Examples
    --------
    >>> from laakhay import ta
    >>> ta.lookback("macd"), ta.lookback("rsi", period=2), ta.lookback("adx", period=14)
    (33, 2, 27)
    """
    spec = entry(name)
    return _engine.lookback(spec["name"], param_values(spec["name"], params))
