"""The one place that turns an indicator call into a Polars plugin expression."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import polars as pl
from polars.plugins import register_plugin_function

from laakhay.ta import _catalog

IntoExpr = pl.Expr | str
"""A column name or a Polars expression."""

_LIBRARY = Path(__file__).parent


def _to_expr(value: object, indicator: str, role: str) -> pl.Expr:
    if isinstance(value, pl.Expr):
        return value
    if isinstance(value, str):
        return pl.col(value)
    raise TypeError(
        f"{indicator}: input '{role}' must be a column name or a polars expression, "
        f"got {type(value).__name__} {value!r}"
    )


def call(
    name: str, inputs: Sequence[object], params: dict[str, object], by: object = None
) -> pl.Expr:
    """Builds the plugin expression for catalog indicator `name`.

    `inputs` are in catalog order; `params` by our keyword names. Everything is checked here,
    eagerly, so a bad call fails where it is written rather than at `collect()`. With `by`,
    the indicator restarts wherever `by` changes value from one row to the next.
    """
    spec = _catalog.entry(name)
    values = _catalog.param_values(name, params)
    exprs = [_to_expr(v, name, role) for v, role in zip(inputs, spec["inputs"], strict=True)]
    if by is not None:
        exprs.append(_to_expr(by, name, "by").rle_id())
    # Indicators carry state across rows: never elementwise, so Polars neither splits a
    # column into morsels nor runs groups together.
    expr = register_plugin_function(
        plugin_path=_LIBRARY,
        function_name="ta_indicator",
        args=exprs,
        kwargs={"name": spec["name"], "params": values, "grouped": by is not None},
        is_elementwise=False,
    )
    return expr.alias(spec["name"])
