"""The strategy language: text in, one native Polars lazy plan out.

``ta.compile("rsi(close, 14) < 30 and crosses_above(sma(close, 20), sma(close, 50))")``
returns a `Plan`; ``plan.apply(frame)`` adds its outputs as columns. Python reads, checks and
plans the text; every value is computed by the engine's kernels or native Polars expressions.
"""

from __future__ import annotations

from laakhay.ta.dsl.errors import CODES, DslError
from laakhay.ta.dsl.live import LiveError, PlanStream, TickArrays
from laakhay.ta.dsl.plan import Plan, compile
from laakhay.ta.dsl.planner import BUILTINS, MAX_HISTORY, MAX_NODES, MAX_TIMEFRAMES
from laakhay.ta.dsl.syntax import MAX_DEPTH, MAX_LENGTH, MAX_TOKENS, parse

__all__ = [
    "BUILTINS",
    "CODES",
    "MAX_DEPTH",
    "MAX_HISTORY",
    "MAX_LENGTH",
    "MAX_NODES",
    "MAX_TIMEFRAMES",
    "MAX_TOKENS",
    "DslError",
    "LiveError",
    "Plan",
    "PlanStream",
    "TickArrays",
    "compile",
    "parse",
]
