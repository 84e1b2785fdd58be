"""From syntax trees to the typed, hash-consed IR: names resolved, arguments bound to the
catalog, types checked, constants folded, timeframes and lookbacks inferred."""

from __future__ import annotations

import math
import operator
from collections.abc import Callable, Mapping
from typing import Any

from laakhay.ta import _catalog, _engine
from laakhay.ta.dsl import syntax as s
from laakhay.ta.dsl.errors import DslError, did_you_mean
from laakhay.ta.dsl.ir import (
    ARITHMETIC,
    BAR_SOURCES,
    BOOL,
    COMPARISON,
    DERIVED_SOURCES,
    FLOAT,
    INT,
    NUMERIC,
    STRUCT,
    Builder,
    Node,
    bars_in,
    finest,
)
from laakhay.ta.dsl.timeframes import Timeframe, parse_timeframe

MAX_HISTORY = 10_000
"""Largest history offset `x[n]`."""
MAX_TIMEFRAMES = 8
"""Distinct timeframes in one plan (besides the base bars)."""
MAX_NODES = 5_000
"""Distinct operations in one plan (all outputs and grid combinations together)."""

# Built-ins: name -> (least, most) arguments. Stateful ones are catalog state machines.
BUILTINS = {
    "crosses_above": (2, 2),
    "crosses_below": (2, 2),
    "crosses": (2, 2),
    "highest": (2, 2),
    "lowest": (2, 2),
    "change": (1, 2),
    "if_else": (3, 3),
    "nz": (1, 2),
    "abs": (1, 1),
    "min": (2, 2),
    "max": (2, 2),
}
BUILTIN_SIGNATURES = {
    "crosses_above": "crosses_above(a, b)",
    "crosses_below": "crosses_below(a, b)",
    "crosses": "crosses(a, b)",
    "highest": "highest(x, bars)",
    "lowest": "lowest(x, bars)",
    "change": "change(x, bars=1)",
    "if_else": "if_else(condition, then, otherwise)",
    "nz": "nz(x, replacement=0)",
    "abs": "abs(x)",
    "min": "min(a, b)",
    "max": "max(a, b)",
}

_FOLD: dict[str, Callable[[Any, Any], Any]] = {
    "+": operator.add,
    "-": operator.sub,
    "*": operator.mul,
    "/": operator.truediv,
    "%": operator.mod,
    "**": operator.pow,
    "<": operator.lt,
    "<=": operator.le,
    ">": operator.gt,
    ">=": operator.ge,
    "==": operator.eq,
    "!=": operator.ne,
}


def _describe(node: Node) -> str:
    kind = {FLOAT: "a number series", INT: "a number series", BOOL: "a true/false series"}
    if node.is_const:
        return "a true/false constant" if node.type == BOOL else "a number"
    return kind.get(node.type, "a multi-output value")


class Planner:
    """Resolves the outputs of one plan (every grid combination) into one node table."""

    def __init__(
        self,
        programs: Mapping[str, s.Expr],
        texts: Mapping[str, str],
        columns: tuple[str, ...],
        base: Timeframe | None,
        builder: Builder,
    ) -> None:
        self.programs = programs
        self.texts = texts
        self.columns = columns
        self.base = base
        self.builder = builder
        self.bindings: Mapping[str, int | float] = {}
        self.used_placeholders: set[str] = set()
        self.timeframes: set[Timeframe] = set()
        self._resolved: dict[tuple[str, Timeframe | None], Node] = {}
        self._stack: list[str] = []
        self._current = ""

    # --- entry point -------------------------------------------------------------------------

    def plan(self, bindings: Mapping[str, int | float]) -> dict[str, Node]:
        """Every output's root node under one grid combination."""
        self.bindings = bindings
        self._resolved = {}
        return {name: self.output(name, None) for name in self.programs}

    def output(self, name: str, tf: Timeframe | None) -> Node:
        key = (name, tf)
        if key in self._resolved:
            return self._resolved[key]
        if name in self._stack:
            cycle = " -> ".join([*self._stack[self._stack.index(name) :], name])
            raise DslError("E_CYCLE", f"outputs refer to each other in a circle: {cycle}")
        self._stack.append(name)
        outer = self._current
        self._current = name
        try:
            node = self.resolve(self.programs[name], tf)
        except DslError as e:
            if e.source:
                raise
            raise e.located(self.texts[name], name) from None
        finally:
            self._current = outer
            self._stack.pop()
        self._resolved[key] = node
        return node

    # --- helpers -----------------------------------------------------------------------------

    def make(
        self,
        op: str,
        args: tuple[Node, ...],
        attrs: tuple[Any, ...],
        type_: str,
        own_lookback: int = 0,
        tf: Timeframe | None = None,
        lookback: int | None = None,
    ) -> Node:
        series = [a for a in args if not a.is_const]
        if series:
            tf = finest([a.tf for a in series])
        if lookback is None:
            inputs = [bars_in(a.lookback, a.tf, tf, self.base) for a in series]
            lookback = max(inputs, default=0) + own_lookback
        node = self.builder.make(op, args, attrs, tf, type_, lookback)
        if len(self.builder.nodes) > self.builder.limit:
            raise DslError(
                "E_TOO_MANY_NODES",
                f"the plan has more than {self.builder.limit} distinct operations",
                hint="use fewer outputs or a smaller grid",
            )
        return node

    def const(self, value: int | float | bool) -> Node:
        if isinstance(value, bool):
            return self.make("const", (), (value,), BOOL)
        value = float(value) if isinstance(value, float) else value
        return self.make("const", (), (value,), FLOAT if isinstance(value, float) else INT)

    def value(self, e: s.Expr, tf: Timeframe | None) -> Node:
        """A single value: a multi-output call must pick one of its outputs."""
        node = self.resolve(e, tf)
        if node.type == STRUCT:
            name = node.attrs[0]
            outputs = [o["name"] for o in _catalog.entry(name)["outputs"]]
            raise DslError(
                "E_OUTPUT_REQUIRED",
                f"{name} has several outputs ({', '.join(outputs)}); choose one",
                e.span,
                hint=f"write {name}(...).{outputs[0]}",
            )
        return node

    def numeric(self, e: s.Expr, tf: Timeframe | None, what: str) -> Node:
        node = self.value(e, tf)
        if node.type not in NUMERIC:
            raise DslError(
                "E_TYPE",
                f"{what} needs a number, got {_describe(node)}",
                e.span,
                hint="compare it to get true/false, or use if_else(c, 1, 0) for a number",
            )
        return node

    def boolean(self, e: s.Expr, tf: Timeframe | None, what: str) -> Node:
        node = self.value(e, tf)
        if node.type != BOOL:
            raise DslError(
                "E_TYPE",
                f"{what} needs true/false, got {_describe(node)}",
                e.span,
                hint="compare it, as in rsi(close, 14) < 30",
            )
        return node

    # --- expressions -------------------------------------------------------------------------

    def resolve(self, e: s.Expr, tf: Timeframe | None) -> Node:
        if isinstance(e, s.Num):
            if isinstance(e.value, float) and not math.isfinite(e.value):
                raise DslError("E_NUMBER", "the number is too large", e.span)
            return self.const(e.value)
        if isinstance(e, s.Bool):
            return self.const(e.value)
        if isinstance(e, s.Placeholder):
            return self.placeholder(e)
        if isinstance(e, s.Name):
            return self.name(e, tf)
        if isinstance(e, s.Unary):
            return self.unary(e, tf)
        if isinstance(e, s.Binary):
            return self.binary(e, tf)
        if isinstance(e, s.Call):
            return self.call(e, tf)
        if isinstance(e, s.Field):
            return self.field(e, tf)
        if isinstance(e, s.History):
            return self.history(e, tf)
        assert isinstance(e, s.At)
        return self.at(e, tf)

    def placeholder(self, e: s.Placeholder) -> Node:
        if e.id not in self.bindings:
            raise DslError(
                "E_PLACEHOLDER",
                f"${e.id} has no value",
                e.span,
                hint=f"give ta.compile(..., grid={{'{e.id}': [...]}})",
            )
        self.used_placeholders.add(e.id)
        return self.const(self.bindings[e.id])

    def name(self, e: s.Name, tf: Timeframe | None) -> Node:
        if e.id in self.programs:
            return self.output(e.id, tf)
        if e.id in BAR_SOURCES or e.id in DERIVED_SOURCES or e.id in self.columns:
            if tf is not None:
                self.timeframes.add(tf)
            return self.make("source", (), (e.id,), FLOAT, tf=tf)
        if e.id in KEYWORD_VALUES:
            raise DslError("E_SYNTAX", f"'{e.id}' cannot stand here", e.span)
        known = [*BAR_SOURCES, *DERIVED_SOURCES, *self.columns, *self.programs]
        hint = did_you_mean(e.id, known)
        if hint is None and (e.id in _catalog.entries() or e.id in BUILTINS):
            hint = f"{e.id} is a function: call it, as in {e.id}(close, ...)"
        if hint is None:
            hint = (
                "sources are open, high, low, close, volume, hl2, hlc3, ohlc4; declare "
                "other columns with ta.compile(..., columns=[...])"
            )
        raise DslError("E_UNKNOWN_NAME", f"unknown name '{e.id}'", e.span, hint=hint)

    def unary(self, e: s.Unary, tf: Timeframe | None) -> Node:
        if e.op == "not":
            x = self.boolean(e.value, tf, "'not'")
            if x.is_const:
                return self.const(not x.attrs[0])
            return self.make("unary", (x,), ("not",), BOOL)
        x = self.numeric(e.value, tf, f"unary '{e.op}'")
        if e.op == "+":
            return x
        if x.is_const:
            return self.const(-x.attrs[0])
        return self.make("unary", (x,), ("-",), FLOAT)

    def binary(self, e: s.Binary, tf: Timeframe | None) -> Node:
        op = e.op
        if op in ("and", "or"):
            a = self.boolean(e.left, tf, f"'{op}'")
            b = self.boolean(e.right, tf, f"'{op}'")
            if a.is_const and b.is_const:
                both = a.attrs[0] and b.attrs[0] if op == "and" else a.attrs[0] or b.attrs[0]
                return self.const(bool(both))
            return self.make("binary", (a, b), (op,), BOOL)
        if op in ("==", "!="):
            a = self.value(e.left, tf)
            b = self.value(e.right, tf)
            if (a.type == BOOL) != (b.type == BOOL):
                raise DslError(
                    "E_TYPE",
                    f"'{op}' compares {_describe(a)} with {_describe(b)}",
                    e.span,
                    hint="compare numbers with numbers and true/false with true/false",
                )
        else:
            what = f"'{op}'"
            a = self.numeric(e.left, tf, what)
            b = self.numeric(e.right, tf, what)
        result = BOOL if op in COMPARISON else FLOAT
        if a.is_const and b.is_const:
            return self.const(self.fold(op, a.attrs[0], b.attrs[0], e))
        return self.make("binary", (a, b), (op,), result)

    def fold(self, op: str, a: Any, b: Any, e: s.Binary) -> int | float | bool:
        try:
            value = _FOLD[op](a, b)
        except (ZeroDivisionError, OverflowError, ValueError):
            value = math.nan
        if op in COMPARISON:
            return bool(value)
        if isinstance(value, complex) or not math.isfinite(value):
            raise DslError("E_CONSTANT", f"'{op}' of constants {a} and {b} has no value", e.span)
        # Series arithmetic is in floats; so is constant arithmetic, except where both sides
        # are whole numbers and the result is exact (periods like 2 * 7).
        exact = (
            isinstance(a, int) and isinstance(b, int) and op != "/" and not (op == "**" and b < 0)
        )
        return int(value) if exact else float(value)

    def field(self, e: s.Field, tf: Timeframe | None) -> Node:
        x = self.resolve(e.value, tf)
        if x.type != STRUCT:
            raise DslError(
                "E_NOT_MULTI",
                f"'.{e.name}': {_describe(x)} has no outputs to choose from",
                e.name_span,
            )
        name = x.attrs[0]
        outputs = _catalog.entry(name)["outputs"]
        found = next((o for o in outputs if o["name"] == e.name), None)
        if found is None:
            found = next((o for o in outputs if o["talib_name"].lower() == e.name.lower()), None)
        if found is None:
            names = [o["name"] for o in outputs]
            raise DslError(
                "E_UNKNOWN_OUTPUT",
                f"{name} has no output '{e.name}'; it has {', '.join(names)}",
                e.name_span,
                hint=did_you_mean(e.name, names),
            )
        return self.make("field", (x,), (found["name"],), _dtype(found["dtype"]))

    def history(self, e: s.History, tf: Timeframe | None) -> Node:
        if e.offset > MAX_HISTORY:
            raise DslError(
                "E_HISTORY_LIMIT",
                f"history offset {e.offset} is beyond the limit of {MAX_HISTORY} bars",
                e.offset_span,
            )
        x = self.value(e.value, tf)
        if e.offset == 0 or x.is_const:
            return x
        return self.indicator("lag", (x,), {"period": e.offset}, e.span)

    def at(self, e: s.At, tf: Timeframe | None) -> Node:
        frame = parse_timeframe(e.timeframe, e.timeframe_span)
        try:  # the engine buckets time; it must accept the timeframe too
            _engine.bucket(frame.polars(), None, None, 0)
        except ValueError as error:
            raise DslError("E_TIMEFRAME", str(error), e.timeframe_span) from None
        if self.base is not None and frame.approx_ns < self.base.approx_ns:
            raise DslError(
                "E_TIMEFRAME_ORDER",
                f"@{frame} is finer than the base bars ({self.base})",
                e.timeframe_span,
            )
        if self.base is not None and frame == self.base:
            return self.value(e.value, tf)
        if tf is not None and frame.approx_ns < tf.approx_ns:
            raise DslError(
                "E_TIMEFRAME_ORDER",
                f"@{frame} inside an expression evaluated on {tf} bars: a coarser bar cannot "
                f"read finer ones",
                e.timeframe_span,
            )
        self.timeframes.add(frame)
        if len(self.timeframes) > MAX_TIMEFRAMES:
            raise DslError(
                "E_TOO_MANY_TIMEFRAMES",
                f"more than {MAX_TIMEFRAMES} distinct timeframes",
                e.timeframe_span,
            )
        return self.value(e.value, frame)

    # --- calls -------------------------------------------------------------------------------

    def call(self, e: s.Call, tf: Timeframe | None) -> Node:
        if e.func in BUILTINS:
            return self.builtin(e, tf)
        try:
            spec = _catalog.entry(e.func)
        except KeyError:
            names = [*BUILTINS, *_catalog.entries()]
            raise DslError(
                "E_UNKNOWN_FUNCTION",
                f"unknown function '{e.func}'",
                e.func_span,
                hint=did_you_mean(e.func.lower(), names),
            ) from None
        return self.catalog_call(spec, e, tf)

    def builtin(self, e: s.Call, tf: Timeframe | None) -> Node:
        least, most = BUILTINS[e.func]
        if any(a.keyword is not None for a in e.args):
            bad = next(a for a in e.args if a.keyword is not None)
            raise DslError(
                "E_UNKNOWN_PARAMETER",
                f"{e.func} takes positional arguments only: {BUILTIN_SIGNATURES[e.func]}",
                bad.keyword_span,
            )
        if not least <= len(e.args) <= most:
            raise DslError(
                "E_ARGUMENTS",
                f"{e.func} takes {_count(least, most)} argument{'s' if most > 1 else ''}, got "
                f"{len(e.args)}",
                e.span,
                hint=f"write {BUILTIN_SIGNATURES[e.func]}",
            )
        args = [a.value for a in e.args]
        name = e.func
        if name in ("crosses_above", "crosses_below", "crosses"):
            a = self.numeric(args[0], tf, name)
            b = self.numeric(args[1], tf, name)
            if a.is_const and b.is_const:
                return self.const(False)
            return self.indicator(name, (a, b), {}, e.span)
        if name in ("highest", "lowest", "change"):
            x = self.numeric(args[0], tf, name)
            bars = self.scalar_int(args[1], name, "bars") if len(args) > 1 else 1
            entry = {"highest": "max", "lowest": "min", "change": "mom"}[name]
            if x.is_const:
                return self.const(0 if name == "change" else x.attrs[0])
            return self.indicator(entry, (x,), {"period": bars}, e.span)
        if name == "if_else":
            c = self.boolean(args[0], tf, "if_else's condition")
            a = self.value(args[1], tf)
            b = self.value(args[2], tf)
            if (a.type == BOOL) != (b.type == BOOL):
                raise DslError(
                    "E_TYPE",
                    f"if_else's branches differ: {_describe(a)} and {_describe(b)}",
                    e.span,
                )
            if c.is_const:
                return a if c.attrs[0] else b
            return self.make("if_else", (c, a, b), (), BOOL if a.type == BOOL else FLOAT)
        if name == "nz":
            x = self.value(args[0], tf)
            default: Node = self.const(False if x.type == BOOL else 0)
            if len(args) > 1:
                default = self.value(args[1], tf)
                if not default.is_const or (default.type == BOOL) != (x.type == BOOL):
                    raise DslError(
                        "E_TYPE",
                        f"nz's replacement must be a constant of the same kind as its value "
                        f"({_describe(x)})",
                        args[1].span,
                    )
            if x.is_const:
                return x
            return self.make("nz", (x, default), (), x.type, lookback=0)
        if name == "abs":
            x = self.numeric(args[0], tf, "abs")
            if x.is_const:
                return self.const(abs(x.attrs[0]))
            return self.make("abs", (x,), (), x.type)
        # min / max of two values, bar by bar
        a = self.numeric(args[0], tf, name)
        b = self.numeric(args[1], tf, name)
        if a.is_const and b.is_const:
            pick = min if name == "min" else max
            return self.const(pick(a.attrs[0], b.attrs[0]))
        return self.make(name, (a, b), (), FLOAT)

    def scalar_int(self, e: s.Expr, func: str, what: str) -> int:
        node = self.value(e, None)
        value = node.attrs[0] if node.is_const else None
        if not isinstance(value, int) or isinstance(value, bool):
            raise DslError(
                "E_PARAMETER",
                f"{func}'s {what} must be a whole-number constant, got {_shown(node)}",
                e.span,
            )
        return value

    def catalog_call(self, spec: dict[str, Any], e: s.Call, tf: Timeframe | None) -> Node:
        name = spec["name"]
        keywords = spec["input_keywords"]
        roles = spec["input_roles"]
        params = spec["params"]
        param_names = [p["name"] for p in params]
        talib_params = {p["talib_name"].lower(): p["name"] for p in params}
        inputs: dict[int, tuple[Node, s.Expr]] = {}
        given: dict[str, tuple[s.Expr, s.Span]] = {}
        positional = [a for a in e.args if a.keyword is None]
        # Leading series are inputs: the free ones (a series studied, an anchor) first, as the
        # Python functions take them, then the price fields, each in catalog order; what
        # follows is parameters.
        order = sorted(range(len(keywords)), key=lambda k: roles[k] == "price")
        index = 0
        for arg in positional:
            if index < len(keywords) and not self._is_scalar(arg.value):
                slot = order[index]
                inputs[slot] = (self.series_input(spec, slot, arg.value, tf), arg.value)
                index += 1
                continue
            slot = len(given)
            if slot >= len(params):
                raise DslError(
                    "E_ARGUMENTS",
                    f"{name} takes {len(keywords)} input series and {len(params)} parameters "
                    f"({', '.join(param_names) or 'none'})",
                    arg.value.span,
                    hint=f"write {_signature(spec)}",
                )
            given[param_names[slot]] = (arg.value, arg.value.span)
        if 0 < len(inputs) < len(keywords) and all(r == "price" for r in roles):
            raise DslError(
                "E_ARGUMENTS",
                f"{name} reads {', '.join(keywords)}: give all {len(keywords)} series or none "
                f"(the columns of those names)",
                e.span,
                hint=f"write {_signature(spec)}",
            )
        for arg in e.args:
            if arg.keyword is None:
                continue
            if arg.keyword in keywords:
                slot = keywords.index(arg.keyword)
                if slot in inputs:
                    raise DslError(
                        "E_KEYWORD", f"input '{arg.keyword}' given twice", arg.keyword_span
                    )
                inputs[slot] = (self.series_input(spec, slot, arg.value, tf), arg.value)
                continue
            key = (
                arg.keyword if arg.keyword in param_names else talib_params.get(arg.keyword.lower())
            )
            if key is None:
                raise DslError(
                    "E_UNKNOWN_PARAMETER",
                    f"{name} has no parameter or input '{arg.keyword}'",
                    arg.keyword_span,
                    hint=did_you_mean(arg.keyword, [*param_names, *keywords])
                    or f"write {_signature(spec)}",
                )
            if key in given:
                raise DslError("E_KEYWORD", f"parameter '{key}' given twice", arg.keyword_span)
            given[key] = (arg.value, arg.keyword_span or arg.value.span)
        series: list[Node] = []
        for slot, keyword in enumerate(keywords):
            if slot in inputs:
                series.append(inputs[slot][0])
            elif roles[slot] == "price":
                series.append(self.name(s.Name(keyword, e.span), tf))
            else:
                raise DslError(
                    "E_ARGUMENTS",
                    f"{name} needs its input series '{keyword}'",
                    e.span,
                    hint=f"write {_signature(spec)}",
                )
        values: dict[str, Any] = {}
        for key, (value_expr, span) in given.items():
            values[key] = self.param_value(spec, key, value_expr, span)
        return self.indicator(name, tuple(series), values, e.span)

    @staticmethod
    def _is_scalar(e: s.Expr) -> bool:
        """Whether an argument is written as a constant (a parameter, not a series)."""
        if isinstance(e, s.Num | s.Bool | s.Placeholder):
            return True
        if isinstance(e, s.Unary) and e.op in ("-", "+"):
            return Planner._is_scalar(e.value)
        if isinstance(e, s.Binary) and e.op in ARITHMETIC:
            return Planner._is_scalar(e.left) and Planner._is_scalar(e.right)
        return False

    def series_input(
        self, spec: dict[str, Any], slot: int, e: s.Expr, tf: Timeframe | None
    ) -> Node:
        node = self.value(e, tf)
        keyword = spec["input_keywords"][slot]
        if node.is_const:
            raise DslError(
                "E_PARAMETER",
                f"{spec['name']}'s input '{keyword}' takes a series, got {_shown(node)}",
                e.span,
            )
        boolean = spec["input_roles"][slot] in ("signal", "reset") or spec["name"] == "lag"
        if node.type == BOOL and not boolean:
            raise DslError(
                "E_TYPE",
                f"{spec['name']}'s input '{keyword}' needs a number series, got a true/false "
                "series",
                e.span,
                hint="use if_else(c, 1, 0) to count true bars",
            )
        return node

    def param_value(
        self, spec: dict[str, Any], key: str, e: s.Expr, span: s.Span
    ) -> int | float | str:
        param = next(p for p in spec["params"] if p["name"] == key)
        if param["kind"] == "matype" and isinstance(e, s.Name):
            names = [n.lower() for n, _ in _catalog.ma_types()]
            if e.id.lower() not in names:
                raise DslError(
                    "E_UNKNOWN_NAME",
                    f"unknown moving-average type '{e.id}'",
                    e.span,
                    hint=did_you_mean(e.id.lower(), names) or f"one of {', '.join(names)}",
                )
            return str(e.id.lower())
        node = self.value(e, None)
        if not node.is_const or node.type == BOOL:
            raise DslError(
                "E_PARAMETER",
                f"{spec['name']}'s parameter '{key}' must be a constant number, got {_shown(node)}",
                e.span,
                hint="parameters are fixed per plan; use $name with a grid to sweep them",
            )
        value: int | float = node.attrs[0]
        if param["kind"] != "float" and not isinstance(value, int):
            if float(value).is_integer():
                value = int(value)
            else:
                raise DslError(
                    "E_PARAMETER",
                    f"{spec['name']}'s parameter '{key}' must be a whole number, got {value}",
                    e.span,
                )
        try:
            _catalog.param_values(spec["name"], {key: value})
        except (TypeError, ValueError) as error:
            raise DslError("E_RANGE", str(error), e.span) from None
        return value

    def indicator(
        self, name: str, inputs: tuple[Node, ...], given: dict[str, Any], span: s.Span
    ) -> Node:
        """A call node with every parameter (defaults filled in) and its lookback."""
        spec = _catalog.entry(name)
        try:
            values = _catalog.param_values(name, given)
        except (TypeError, ValueError) as error:
            raise DslError("E_RANGE", str(error), span) from None
        params = tuple(
            (p["name"], v if p["kind"] == "float" else int(v))
            for p, v in zip(spec["params"], values, strict=True)
        )
        own = _engine.lookback(name, values)
        outputs = spec["outputs"]
        type_ = STRUCT if len(outputs) > 1 else _dtype(outputs[0]["dtype"])
        if name == "lag" and inputs[0].type == BOOL:
            type_ = BOOL
        return self.make("call", inputs, (name, params), type_, own)


KEYWORD_VALUES = frozenset({"and", "or", "not"})


def _dtype(polars_name: str) -> str:
    return {"Float64": FLOAT, "Int32": INT, "Boolean": BOOL}[polars_name]


def _count(least: int, most: int) -> str:
    return str(least) if least == most else f"{least} to {most}"


def _shown(node: Node) -> str:
    return repr(node.attrs[0]) if node.is_const else _describe(node)


def _signature(spec: dict[str, Any]) -> str:
    inputs = sorted(
        zip(spec["input_keywords"], spec["input_roles"], strict=True), key=lambda i: i[1] == "price"
    )
    parts = [("close" if k == "expr" else k) if r != "price" else f"{k}={k}" for k, r in inputs]
    parts += [
        f"{p['name']}={int(p['default']) if p['kind'] != 'float' else p['default']}"
        for p in spec["params"]
    ]
    return f"{spec['name']}({', '.join(parts)})"
