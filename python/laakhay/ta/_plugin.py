"""The one place that turns an indicator call into a Polars plugin expression."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import polars as pl
from polars.plugins import register_plugin_function

from laakhay.ta import _catalog, _engine

IntoExpr = pl.Expr | str
"""A column name or a Polars expression (``pl.lit(x)`` for a constant series)."""

IntoKeys = pl.Expr | str | Sequence[pl.Expr | str]
"""One or more column names or expressions (``by=``, ``order_by=``)."""

_LIBRARY = Path(__file__).parent


def _to_expr(value: object, indicator: str, role: str) -> pl.Expr:
    if isinstance(value, pl.Expr):
        return value
    if isinstance(value, str):
        return pl.col(value)
    # A bare number is refused: `ta.rsi(14)` is almost always a period in the series' place.
    raise TypeError(
        f"{indicator}: input '{role}' must be a column name or a polars expression "
        f"(pl.lit(x) for a constant), got {type(value).__name__} {value!r}"
    )


def _to_keys(value: object, indicator: str, role: str) -> list[pl.Expr]:
    """`by=` / `order_by=`: one column name or expression, or a sequence of them."""
    items = value if isinstance(value, Sequence) and not isinstance(value, str) else [value]
    keys = []
    for item in items:
        if isinstance(item, pl.Expr):
            keys.append(item)
        elif isinstance(item, str):
            keys.append(pl.col(item))
        else:
            raise TypeError(
                f"{indicator}: '{role}' takes column names or polars expressions, "
                f"got {type(item).__name__} {item!r}"
            )
    if not keys:
        raise ValueError(f"{indicator}: '{role}' needs at least one column")
    return keys


class ResultName:
    """Names a result after its root column (the primary input), as the engine's naming rule
    says. A small picklable object, so plans that use it can be pickled and sent elsewhere."""

    def __init__(self, name: str, values: list[float]) -> None:
        self.name = name
        self.values = values

    def __call__(self, column: str) -> str:
        return _engine.output_name(self.name, self.values, column)

    def __repr__(self) -> str:
        return f"ResultName({self.name!r}, {self.values!r})"


def bucket(
    instants: pl.Expr, every: str, offset: str | None, tz: str | None, shift: int = 0
) -> pl.Expr:
    """The engine's time bucket of each instant (Int64 nanoseconds since the epoch): a struct
    of ``start`` and ``end`` (nanoseconds). `shift` is subtracted from each instant first."""
    return register_plugin_function(
        plugin_path=_LIBRARY,
        function_name="ta_bucket",
        args=[instants],
        kwargs={"every": every, "offset": offset, "tz": tz, "shift": shift},
        is_elementwise=True,
    )


def call(
    name: str,
    inputs: Sequence[object],
    params: dict[str, object],
    by: object = None,
    order_by: object = None,
) -> pl.Expr:
    """Builds the plugin expression for catalog indicator `name`.

    `inputs` are in catalog order; `params` by our keyword names. Everything is checked here,
    eagerly, so a bad call fails where it is written rather than at `collect()`. With `by`,
    each group of rows with equal keys is its own series (any row order, like `.over(by)`);
    with `order_by`, the indicator sees the rows (of each group) sorted by those columns.
    The result is named by the engine (see `ta.output_name`).
    """
    spec = _catalog.entry(name)
    values = _catalog.param_values(name, params)
    exprs = [
        _to_expr(v, spec["name"], role)
        for v, role in zip(inputs, spec["input_keywords"], strict=True)
    ]
    # The primary input goes first: Polars names a plugin's result after its first input, so
    # that column is the root the result is named from (the plugin puts it back in place).
    exprs.insert(0, exprs.pop(spec["primary_input"]))
    # Keys by their physical values (category codes, timestamps as integers): the same
    # groups, and much cheaper to hand to the plugin than categories.
    keys = [] if by is None else [k.to_physical() for k in _to_keys(by, spec["name"], "by")]
    exprs += keys
    if order_by is not None:
        # Row numbers in time order (stable, so ties keep their order): the plugin reorders
        # each group's rows by it and puts the results back in place.
        columns = _to_keys(order_by, spec["name"], "order_by")
        exprs.append(pl.int_range(pl.len(), dtype=pl.Int64).sort_by(columns, maintain_order=True))
    # Indicators carry state across rows: not elementwise, so Polars neither splits a column
    # into morsels nor runs groups together. Math transforms and operators are elementwise
    # (flagged in the catalog): Polars may split those anywhere.
    elementwise = "elementwise" in spec["flags"] and not keys and order_by is None
    expr = register_plugin_function(
        plugin_path=_LIBRARY,
        function_name="ta_indicator",
        args=exprs,
        kwargs={
            "name": spec["name"],
            "params": values,
            "keys": len(keys),
            "ordered": order_by is not None,
        },
        is_elementwise=elementwise,
    )
    return expr.name.map(ResultName(spec["name"], values))
